/* text: findings in the form compilers use, for people, editors and problem matchers. */
#include "oapgraph/report.h"
#include "oapgraph/common.h"

#include "core/text.h"

#include <stdlib.h>
#include <string.h>

static const char *severity_color(oap_severity s)
{
    switch (s) {
    case OAP_SEVERITY_ERROR:
        return "\033[1;31m";
    case OAP_SEVERITY_WARNING:
        return "\033[1;33m";
    default:
        return "\033[1;36m";
    }
}

static void put_file(void *ctx, const char *b, size_t n)
{
    fwrite(b, 1, n, ctx);
}

void oap_report_escape(FILE *out, const char *s)
{
    oap_text_escape(s, 0, put_file, out);
}

/* A source line longer than SOURCE_WHOLE characters is cut to those SOURCE_BEFORE before
 * the column and SOURCE_AFTER from it: a file written on one line shows the part around
 * its fault, not a megabyte. */
enum { SOURCE_WHOLE = 200, SOURCE_BEFORE = 80, SOURCE_AFTER = 120 };

/* Escaped as messages are; returns the code points written, which is where the caret's
 * column lands after them (escapes are ASCII). */
typedef struct counted {
    FILE *out;
    size_t written;
} counted;

static void put_counted(void *ctx, const char *b, size_t n)
{
    counted *c = ctx;
    fwrite(b, 1, n, c->out);
    for (size_t i = 0; i < n; i++)
        c->written += ((unsigned char)b[i] & 0xC0) != 0x80;
}

/* "   12 | text" and "      |    ^" under the finding: the line through the one text
 * policy (oap_text_escape), the caret under column col (code points, 1-based) of the
 * line as written, a long line cut around it with "...". */
static int put_source(FILE *out, const oap_diag *d)
{
    const char *line = d->source;
    size_t len = strlen(line);
    /* Byte offsets of the window [from, to) and of the column, by code points. */
    size_t from = 0, to = len, at = len, cp = 0, total = 0;
    size_t col = d->col ? d->col - 1 : 0;
    for (oap_text_walker w = OAP_TEXT_WALK(line, len); oap_text_walk(&w);)
        total++;
    int cut = total > SOURCE_WHOLE;
    size_t first = cut && col > SOURCE_BEFORE ? col - SOURCE_BEFORE : 0;
    if (first > total) /* the column is past the end of the line */
        first = total;
    for (oap_text_walker w = OAP_TEXT_WALK(line, len); oap_text_walk(&w); cp++) {
        if (cp == first)
            from = w.at;
        if (cp == col)
            at = w.at;
        if (cut && cp == col + SOURCE_AFTER) {
            to = w.at;
            break;
        }
    }
    if (first == total)
        from = len;
    char *part = malloc(to - from + 1);
    if (!part)
        return OAP_ENOMEM;
    counted c = {out, 0};
    fprintf(out, "%5u | %s", d->line, from > 0 ? "..." : "");
    c.written = from > 0 ? 3 : 0;
    memcpy(part, line + from, at - from);
    part[at - from] = '\0';
    oap_text_escape(part, 0, put_counted, &c);
    size_t caret = c.written;
    memcpy(part, line + at, to - at);
    part[to - at] = '\0';
    oap_text_escape(part, 0, put_counted, &c);
    free(part);
    fprintf(out, "%s\n      | %*s^\n", to < len ? "..." : "", (int)caret, "");
    return 0;
}

/* ":LINE:COL: " into buf (at least 32 bytes); returns its length. */
static size_t place(char *buf, unsigned line, unsigned col)
{
    char digits[12];
    size_t n = 0;
    unsigned v[2] = {line, col};
    for (int k = 0; k < 2; k++) {
        size_t nd = 0;
        buf[n++] = ':';
        do
            digits[nd++] = (char)('0' + v[k] % 10);
        while ((v[k] /= 10) > 0);
        while (nd > 0)
            buf[n++] = digits[--nd];
    }
    buf[n++] = ':';
    buf[n++] = ' ';
    return n;
}

int oap_report_text(FILE *out, const oap_diags *diags, const oap_report_options *opts)
{
    size_t strip = opts && opts->strip ? strlen(opts->strip) : 0;
    int color = opts && opts->color;
    /* Findings come in runs of one file: its name is escaped once a run. */
    const char *last_file = NULL;
    char *escaped = NULL;
    for (size_t i = 0; i < oap_diags_count(diags); i++) {
        const oap_diag *d = oap_diags_at(diags, i);
        const char *file = d->file;
        if (strip && strncmp(file, opts->strip, strip) == 0)
            file += strip;
        /* The file name as plan text: a name may hold anything but "/" and NUL, a line
         * break and a whole forged finding ("x:1:1: error: ... [syntax]\nevil") included;
         * escaped, the only place on the line is the finding's own. Colour marks the
         * severity word and the rule id only: the location stays plain text, for whatever
         * matches it (an editor reading a terminal, a problem matcher). */
        if (file != last_file) {
            free(escaped);
            if (!(escaped = oap_text_escaped(file, 0)))
                return OAP_ENOMEM;
            last_file = file;
        }
        fputs(escaped, out);
        char at[32];
        fwrite(at, 1, place(at, d->line, d->col), out);
        if (color)
            fprintf(out, "%s%s\033[0m: ", severity_color(d->severity),
                    oap_severity_name(d->severity));
        else
            fprintf(out, "%s: ", oap_severity_name(d->severity));
        /* Plan text reaches messages (keys, ids, quoted text): escaped, so a finding stays
         * on one line, reads as written and cannot move a terminal's cursor. */
        oap_text_escape(d->message, 0, put_file, out);
        fprintf(out, color ? " [\033[2m%s\033[0m]\n" : " [%s]\n", d->rule);
        if (opts && opts->source && d->source && d->line && put_source(out, d) < 0) {
            free(escaped);
            return OAP_ENOMEM;
        }
    }
    free(escaped);
    return ferror(out) ? OAP_EIO : 0;
}
