/* jsonw: a small streaming JSON writer for the views, which must not include jansson. */
#include "jsonw.h"

#include "views.h"
#include "core/text.h"

#include "oapgraph/common.h"

#include <math.h>
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

void oap_jsonw_number(oap_jsonw *w, double v)
{
    char buf[48];
    before(w);
    fputs(isfinite(v) ? oap_views__number(v, 0, buf, sizeof buf) : "null", w->out);
}

void oap_jsonw_real(oap_jsonw *w, double v)
{
    char buf[40];
    before(w);
    /* As jansson writes a real (check --format json): 17 digits, and always a point. */
    snprintf(buf, sizeof buf, "%.17g", v);
    fputs(buf, w->out);
    if (!strpbrk(buf, ".eEn"))
        fputs(".0", w->out);
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

/* JSON's short escapes, or NULL. */
static const char *short_escape(uint32_t cp)
{
    switch (cp) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    case '\b':
        return "\\b";
    case '\f':
        return "\\f";
    }
    return NULL;
}

void oap_jsonw_put_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (oap_text_walker c = OAP_TEXT_WALK(s, strlen(s)); oap_text_walk(&c);) {
        const char *named = short_escape(c.cp);
        char esc[16];
        if (c.cls == OAP_TEXT_INVALID)
            fputs("\\ufffd", out);
        else if (c.len == 2 && c.cp == '\r')
            fputs("\\r\\n", out); /* one line break */
        else if (named)
            fputs(named, out);
        else if (c.cls == OAP_TEXT_ORDINARY)
            fwrite(s + c.at, 1, c.len, out);
        else
            fwrite(esc, 1, oap_text_json_escape(c.cp, esc), out);
    }
    fputc('"', out);
}
