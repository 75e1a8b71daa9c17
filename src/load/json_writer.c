/* json_writer: JSON text written as it goes, as jansson's JSON_INDENT(2) lays it out. */
#include "json_writer.h"

#include "oapgraph/common.h"
#include "core/strbuf.h"
#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put(oap_json_writer *w, const char *b, size_t n)
{
    if (n > 0)
        oap_json__escaping_put(b, n, w->e);
}

/* A line break and the indentation of the innermost container's members. */
static void newline(oap_json_writer *w)
{
    static const char spaces[] = "\n                                ";
    size_t n = 2 * (size_t)w->indent;
    put(w, spaces, 1);
    for (; n > 0; n -= n < 32 ? n : 32)
        put(w, spaces + 1, n < 32 ? n : 32);
}

void oap_json_writer_open(oap_json_writer *w, char bracket)
{
    put(w, &bracket, 1);
    w->indent++;
    w->first = 1;
}

void oap_json_writer_close(oap_json_writer *w, char bracket)
{
    w->indent--;
    if (!w->first)
        newline(w);
    put(w, &bracket, 1);
    w->first = 0;
}

void oap_json_writer_item(oap_json_writer *w)
{
    if (!w->first)
        put(w, ",", 1);
    newline(w);
    w->first = 0;
}

/* jansson's escapes: the quote, the backslash and C0 controls; the filter does the rest. */
static void escaped(oap_json_writer *w, const char *s)
{
    const char *run = s;
    put(w, "\"", 1);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c != '"' && c != '\\' && c >= 0x20)
            continue;
        put(w, run, (size_t)(s - run));
        run = s + 1;
        char seq[8];
        const char *text = seq;
        switch (c) {
        case '"':
            text = "\\\"";
            break;
        case '\\':
            text = "\\\\";
            break;
        case '\b':
            text = "\\b";
            break;
        case '\f':
            text = "\\f";
            break;
        case '\n':
            text = "\\n";
            break;
        case '\r':
            text = "\\r";
            break;
        case '\t':
            text = "\\t";
            break;
        default:
            snprintf(seq, sizeof seq, "\\u%04X", (unsigned)c);
        }
        put(w, text, strlen(text));
    }
    put(w, run, (size_t)(s - run));
    put(w, "\"", 1);
}

void oap_json_writer_key(oap_json_writer *w, const char *key)
{
    oap_json_writer_item(w);
    escaped(w, key);
    put(w, ": ", 2);
}

void oap_json_writer_string(oap_json_writer *w, const char *s)
{
    if (oap_utf8_valid(s)) {
        escaped(w, s);
        return;
    }
    char *copy = oap_utf8_sanitize(s);
    if (!copy) {
        w->oom = 1;
        return;
    }
    escaped(w, copy);
    free(copy);
}

void oap_json_writer_integer(oap_json_writer *w, long long v)
{
    char b[32];
    put(w, b, (size_t)snprintf(b, sizeof b, "%lld", v));
}

/* A real as jansson writes it (its shortest form differs between versions): by jansson. */
static int to_writer(const char *b, size_t n, void *w)
{
    put(w, b, n);
    return 0;
}

void oap_json_writer_real(oap_json_writer *w, double v)
{
    json_t *real = json_real(v);
    if (!real || json_dump_callback(real, to_writer, w, JSON_ENCODE_ANY) < 0)
        w->oom = 1;
    json_decref(real);
}

void oap_json_writer_null(oap_json_writer *w)
{
    put(w, "null", 4);
}

int oap_json_writer_error(const oap_json_writer *w)
{
    return w->e->failed ? OAP_EIO : w->oom ? OAP_ENOMEM : 0;
}

static int to_strbuf(const char *b, size_t n, void *buf)
{
    oap_strbuf_putn(buf, b, n);
    return ((oap_strbuf *)buf)->oom ? -1 : 0;
}

int oap_json_write_streaming(FILE *out, const json_t *root, const char *splice, size_t n,
                             int (*item)(void *ctx, size_t i, oap_json_writer *w), void *ctx)
{
    /* Not json_dumps: its text comes from jansson's allocator, which a program may have
     * replaced (oap_json_use_block_allocator), and free() cannot take back. */
    oap_strbuf dumped = OAP_STRBUF_INIT;
    if (json_dump_callback(root, to_strbuf, &dumped, JSON_INDENT(2)) < 0 || dumped.oom ||
        !dumped.s) {
        oap_strbuf_free(&dumped);
        return OAP_ENOMEM;
    }
    const char *text = dumped.s, *at = strstr(text, splice);
    size_t len = strlen(splice);
    if (!at || len < 2 || strcmp(splice + len - 2, "[]") != 0) {
        oap_strbuf_free(&dumped);
        return OAP_ENOMEM; /* a caller's mistake: no such array in root */
    }
    /* The array's depth is half its key's indentation; its items are one deeper. */
    const char *line = at;
    while (line > text && line[-1] == ' ')
        line--;
    oap_json__escaping e = {.out = out};
    oap_json_writer w = {.e = &e, .indent = (unsigned)(at - line) / 2 + 1, .first = 1};
    put(&w, text, (size_t)(at - text) + len - 1);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0 && (rc = oap_json_writer_error(&w)) == 0; i++) {
        oap_json_writer_item(&w);
        rc = item(ctx, i, &w);
    }
    if (rc == 0) {
        w.indent--;
        if (!w.first)
            newline(&w);
        put(&w, at + len - 1, strlen(at + len - 1));
        rc = oap_json_writer_error(&w);
    }
    oap_strbuf_free(&dumped);
    if (rc < 0)
        return rc;
    oap_json__escaping_end(&e);
    if (fputc('\n', out) == EOF || ferror(out))
        return OAP_EIO;
    return 0;
}
