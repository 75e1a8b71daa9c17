/* text: plan text made safe for Graphviz labels, tooltips and names, and wrapped. */
#include "text.h"

#include "core/text.h"
#include "core/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The code points of text as Graphviz should see them (core/text.h has the classes):
 * a line break (CR LF, U+2028 too) as '\n', a tab as a space; controls (XML cannot even
 * carry most of them), invisible characters and noncharacters dropped; a byte that is
 * not UTF-8 as U+FFFD. malloc'ed (at least one element); NULL when out of memory. */
static uint32_t *code_points(const char *text, size_t *n)
{
    size_t len = strlen(text);
    uint32_t *cp = malloc((len + 1) * sizeof *cp);
    if (!cp)
        return NULL;
    size_t k = 0;
    for (oap_text_walker c = OAP_TEXT_WALK(text, len); oap_text_walk(&c);) {
        if (c.cls == OAP_TEXT_ORDINARY || c.cls == OAP_TEXT_INVALID)
            cp[k++] = c.cp;
        else if (c.cls == OAP_TEXT_LINE_BREAK)
            cp[k++] = '\n';
        else if (c.cls == OAP_TEXT_TAB)
            cp[k++] = ' ';
    }
    *n = k;
    return cp;
}

static void escape_cps(oap_strbuf *b, const uint32_t *cp, size_t n, oap_emit_mode mode)
{
    for (size_t i = 0; i < n; i++) {
        char utf8[4];
        switch (cp[i]) {
        case '\n':
            oap_strbuf_puts(b, mode == OAP_EMIT_HTML      ? "<BR ALIGN=\"LEFT\"/>"
                               : mode == OAP_EMIT_TOOLTIP ? "&#10;"
                                                          : " ");
            break;
        case '&':
            oap_strbuf_puts(b, "&amp;");
            break;
        case '<':
            oap_strbuf_puts(b, "&lt;");
            break;
        case '>':
            oap_strbuf_puts(b, "&gt;");
            break;
        case '"':
            oap_strbuf_puts(b, "&quot;");
            break;
        case '\'':
            oap_strbuf_puts(b, "&#39;");
            break;
        case '\\':
            /* Graphviz decodes entities first, then processes backslash escapes: once in
             * HTML labels, twice in tooltips, never in names. */
            oap_strbuf_puts(b, mode == OAP_EMIT_HTML      ? "&#92;&#92;"
                               : mode == OAP_EMIT_TOOLTIP ? "&#92;&#92;&#92;&#92;"
                                                          : "&#92;");
            break;
        case '%':
            /* cgraph reads a name starting with '%' as one of its anonymous ids, and the
             * node would lose its name: in names, an entity (shown as '%'). */
            if (mode == OAP_EMIT_NAME) {
                oap_strbuf_puts(b, "&#37;");
                break;
            }
            oap_strbuf_putn(b, "%", 1);
            break;
        default:
            oap_strbuf_putn(b, utf8, oap_utf8_encode(cp[i], utf8));
        }
    }
}

void oap_emit__escape(oap_strbuf *b, const char *text, oap_emit_mode mode)
{
    size_t n;
    uint32_t *cp = code_points(text ? text : "", &n);
    if (!cp) {
        b->oom = 1;
        return;
    }
    escape_cps(b, cp, n, mode);
    free(cp);
}

char *oap_emit__clean(const char *text)
{
    size_t n;
    uint32_t *cp = code_points(text ? text : "", &n);
    if (!cp)
        return NULL;
    char *out = malloc(n * 4 + 1), *o = out;
    if (out) {
        for (size_t i = 0; i < n; i++)
            o += oap_utf8_encode(cp[i], o);
        *o = '\0';
    }
    free(cp);
    return out;
}

/* A line of a wrapped text: code points [start, end). */
typedef struct span {
    size_t start, end;
} span;

void oap_emit__wrapped(oap_strbuf *b, const char *text, unsigned width, unsigned maxlines)
{
    size_t n;
    uint32_t *cp = code_points(text ? text : "", &n);
    span *lines = malloc((n + 1) * sizeof *lines);
    if (!cp || !lines) {
        free(cp);
        free(lines);
        b->oom = 1;
        return;
    }
    if (width < 2)
        width = 2;
    size_t nlines = 0, i = 0;
    int cut = 0;
    while (i < n) {
        if (maxlines && nlines == maxlines) {
            cut = 1;
            break;
        }
        size_t j = i, space = SIZE_MAX, next;
        while (j < n && cp[j] != '\n' && j - i < width) {
            if (cp[j] == ' ')
                space = j;
            j++;
        }
        size_t end = j;
        int wrapped = 0;
        if (j < n && cp[j] == '\n') {
            next = j + 1;
        } else if (j == n) {
            next = n;
        } else if (cp[j] == ' ') {
            next = j + 1, wrapped = 1;
        } else if (space != SIZE_MAX && space > i) {
            end = space, next = space + 1, wrapped = 1;
        } else {
            next = j, wrapped = 1; /* a word longer than the line: cut it */
        }
        while (end > i && cp[end - 1] == ' ')
            end--;
        lines[nlines++] = (span){i, end};
        i = next;
        if (wrapped)
            while (i < n && cp[i] == ' ')
                i++;
    }
    /* Only spaces and line breaks left is not text cut off. */
    if (cut) {
        cut = 0;
        for (size_t k = i; k < n; k++)
            if (cp[k] != ' ' && cp[k] != '\n')
                cut = 1;
    }
    for (size_t l = 0; l < nlines; l++) {
        if (l > 0)
            oap_strbuf_puts(b, "<BR ALIGN=\"LEFT\"/>");
        span s = lines[l];
        if (cut && l + 1 == nlines) {
            if (s.end - s.start >= width)
                s.end = s.start + width - 1;
            escape_cps(b, cp + s.start, s.end - s.start, OAP_EMIT_HTML);
            oap_strbuf_puts(b, "\xE2\x80\xA6");
        } else {
            escape_cps(b, cp + s.start, s.end - s.start, OAP_EMIT_HTML);
        }
    }
    free(cp);
    free(lines);
}
