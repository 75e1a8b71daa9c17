/* jsonw: a small streaming JSON writer for the views, which must not include jansson. */
#include "jsonw.h"

#include "views.h"
#include "core/utf8.h"

#include "oapgraph/common.h"

#include <string.h>

void oap_jsonw_init(oap_jsonw *w, FILE *out)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->depth = -1;
}

static void indent(oap_jsonw *w)
{
    fputc('\n', w->out);
    for (int i = 0; i <= w->depth; i++)
        fputs("  ", w->out);
}

/* What comes before a value or key: a comma and a new line inside a container. */
static void before(oap_jsonw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth < 0)
        return;
    if (!w->first[w->depth])
        fputc(',', w->out);
    w->first[w->depth] = 0;
    indent(w);
}

static void open_container(oap_jsonw *w, unsigned char kind)
{
    before(w);
    fputc(kind, w->out);
    if (w->depth + 1 < OAP_JSONW_DEPTH) {
        w->depth++;
        w->first[w->depth] = 1;
        w->kind[w->depth] = kind;
    }
}

void oap_jsonw_object(oap_jsonw *w)
{
    open_container(w, '{');
}

void oap_jsonw_array(oap_jsonw *w)
{
    open_container(w, '[');
}

void oap_jsonw_end(oap_jsonw *w)
{
    if (w->depth < 0)
        return;
    int empty = w->first[w->depth];
    unsigned char kind = w->kind[w->depth];
    w->depth--;
    if (!empty)
        indent(w);
    fputc(kind == '{' ? '}' : ']', w->out);
}

void oap_jsonw_key(oap_jsonw *w, const char *key)
{
    before(w);
    oap_jsonw_put_string(w->out, key);
    fputs(": ", w->out);
    w->after_key = 1;
}

void oap_jsonw_string(oap_jsonw *w, const char *s)
{
    before(w);
    if (s)
        oap_jsonw_put_string(w->out, s);
    else
        fputs("null", w->out);
}

void oap_jsonw_int(oap_jsonw *w, long long v)
{
    before(w);
    fprintf(w->out, "%lld", v);
}

void oap_jsonw_bool(oap_jsonw *w, int v)
{
    before(w);
    fputs(v ? "true" : "false", w->out);
}

void oap_jsonw_null(oap_jsonw *w)
{
    before(w);
    fputs("null", w->out);
}

void oap_jsonw_member(oap_jsonw *w, const char *key, const char *s)
{
    oap_jsonw_key(w, key);
    oap_jsonw_string(w, s);
}

int oap_jsonw_finish(oap_jsonw *w)
{
    fputc('\n', w->out);
    return ferror(w->out) ? OAP_EIO : 0;
}

void oap_jsonw_put_string(FILE *out, const char *s)
{
    size_t n = strlen(s);
    fputc('"', out);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t k = oap_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            fputs("\\ufffd", out);
            i++;
            continue;
        }
        if (k == 3 && c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            fputs((unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", out);
            i += 3;
            continue;
        }
        if (k > 1) {
            fwrite(s + i, 1, k, out);
            i += k;
            continue;
        }
        i++;
        switch (c) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        case '\b':
            fputs("\\b", out);
            break;
        case '\f':
            fputs("\\f", out);
            break;
        default:
            if (c < 0x20 || c == 0x7f)
                fprintf(out, "\\u%04x", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}
