/* json_util: small helpers every jansson reader in src/load shares. */
#include "json_util.h"

#include "oapgraph/common.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"

#include <stdlib.h>
#include <string.h>

const char *oap_json_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
        return "an integer";
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    case JSON_NULL:
        return "null";
    }
    return "a value";
}

int oap_json_in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

json_t *oap_json_string_safe(const char *s)
{
    if (oap_utf8_valid(s))
        return json_string(s);
    char *copy = oap_utf8_sanitize(s);
    json_t *v = copy ? json_string(copy) : NULL;
    free(copy);
    return v;
}

static void emit(oap_json__escaping *e, const char *b, size_t n)
{
    if (e->nbuf + n > sizeof e->buf) {
        e->failed |= fwrite(e->buf, 1, e->nbuf, e->out) != e->nbuf;
        e->nbuf = 0;
    }
    if (n > sizeof e->buf) {
        e->failed |= fwrite(b, 1, n, e->out) != n;
        return;
    }
    memcpy(e->buf + e->nbuf, b, n);
    e->nbuf += n;
}

/* Writes the characters of the n bytes at b, those that are not ORDINARY as \u escapes,
 * and returns how many bytes it took: all, or (unless last) all but a sequence at the
 * end that the next piece may complete. */
static size_t put_chars(oap_json__escaping *e, const char *b, size_t n, int last)
{
    size_t i = 0, done = 0;
    while (i < n) {
        /* Below DEL, jansson has escaped what strings hold, and the rest is structure:
         * the indentation's line breaks stay. */
        if ((unsigned char)b[i] < 0x7f) {
            i++;
            continue;
        }
        uint32_t cp;
        oap_text_class cls;
        size_t k = oap_text_next(b + i, n - i, &cp, &cls);
        if (cls == OAP_TEXT_INVALID && !last && n - i < sizeof e->held)
            break;
        if (cls != OAP_TEXT_ORDINARY && cls != OAP_TEXT_INVALID) {
            char esc[16];
            emit(e, b + done, i - done);
            emit(e, esc, oap_text_json_escape(cp, esc));
            done = i + k;
        }
        i += k;
    }
    emit(e, b + done, i - done);
    return i;
}

int oap_json__escaping_put(const char *b, size_t n, void *escaping)
{
    oap_json__escaping *e = escaping;
    /* Bytes held back from the last piece begin one sequence: complete it first. It is
     * whole (or never will be, at four bytes) exactly when put_chars takes it. */
    while (e->nheld > 0 && n > 0) {
        e->held[e->nheld++] = *b++;
        n--;
        if (put_chars(e, e->held, e->nheld, e->nheld == sizeof e->held) > 0)
            e->nheld = 0;
    }
    size_t took = put_chars(e, b, n, 0);
    memcpy(e->held + e->nheld, b + took, n - took);
    e->nheld += n - took;
    return e->failed ? -1 : 0;
}

void oap_json__escaping_end(oap_json__escaping *e)
{
    put_chars(e, e->held, e->nheld, 1);
    e->nheld = 0;
    fwrite(e->buf, 1, e->nbuf, e->out);
    e->nbuf = 0;
}

int oap_json_write(FILE *out, const json_t *root)
{
    oap_json__escaping e = {.out = out};
    if (json_dump_callback(root, oap_json__escaping_put, &e, JSON_INDENT(2)) < 0 && !ferror(out))
        return OAP_ENOMEM;
    oap_json__escaping_end(&e);
    if (fputc('\n', out) == EOF || ferror(out))
        return OAP_EIO;
    return 0;
}

/* oap_json__escaping_put, with `indent` spaces after each line break: an item dumped
 * alone, indented as it stands inside the document. Strings hold no raw line break
 * (jansson writes \n), so each one is the layout's. */
typedef struct reindent {
    oap_json__escaping *e;
    size_t indent;
} reindent;

static int put_spaces(oap_json__escaping *e, size_t n)
{
    static const char spaces[] = "                                ";
    for (; n > 0; n -= n < 32 ? n : 32)
        if (oap_json__escaping_put(spaces, n < 32 ? n : 32, e) < 0)
            return -1;
    return 0;
}

static int reindent_put(const char *b, size_t n, void *ctx)
{
    reindent *r = ctx;
    const char *nl;
    while (n > 0 && (nl = memchr(b, '\n', n))) {
        size_t k = (size_t)(nl - b) + 1;
        if (oap_json__escaping_put(b, k, r->e) < 0 || put_spaces(r->e, r->indent) < 0)
            return -1;
        b += k;
        n -= k;
    }
    return n > 0 ? oap_json__escaping_put(b, n, r->e) : 0;
}

static int to_strbuf(const char *b, size_t n, void *buf)
{
    oap_strbuf_putn(buf, b, n);
    return ((oap_strbuf *)buf)->oom ? -1 : 0;
}

int oap_json_write_streaming(FILE *out, const json_t *root, const char *splice, size_t n,
                             json_t *(*item)(void *ctx, size_t i), void *ctx)
{
    /* Not json_dumps: its text comes from jansson's allocator, which a program may have
     * replaced (oap_json_use_block_allocator), and free() cannot take back. */
    oap_strbuf dumped = OAP_STRBUF_INIT;
    if (json_dump_callback(root, to_strbuf, &dumped, JSON_INDENT(2)) < 0 || dumped.oom ||
        !dumped.s) {
        oap_strbuf_free(&dumped);
        return OAP_ENOMEM;
    }
    char *text = dumped.s;
    char *at = strstr(text, splice);
    size_t len = strlen(splice);
    if (!at || len < 2 || strcmp(splice + len - 2, "[]") != 0) {
        free(text);
        return OAP_ENOMEM; /* a caller's mistake: no such array in root */
    }
    /* The array's depth is half its key's indentation; items are one deeper. */
    const char *line = at;
    while (line > text && line[-1] == ' ')
        line--;
    size_t depth = (size_t)(at - line) / 2;
    oap_json__escaping e = {.out = out};
    reindent r = {&e, 2 * (depth + 1)};
    int rc = oap_json__escaping_put(text, (size_t)(at - text) + len - 1, &e) < 0 ? OAP_EIO : 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        json_t *v = item(ctx, i);
        if (!v) {
            rc = OAP_ENOMEM;
            break;
        }
        if ((i > 0 && oap_json__escaping_put(",", 1, &e) < 0) ||
            reindent_put("\n", 1, &r) < 0 ||
            json_dump_callback(v, reindent_put, &r, JSON_INDENT(2)) < 0)
            rc = ferror(out) ? OAP_EIO : OAP_ENOMEM;
        json_decref(v);
    }
    if (rc == 0 && n > 0 &&
        (oap_json__escaping_put("\n", 1, &e) < 0 || put_spaces(&e, 2 * depth) < 0))
        rc = OAP_EIO;
    if (rc == 0 && oap_json__escaping_put(at + len - 1, strlen(at + len - 1), &e) < 0)
        rc = OAP_EIO;
    free(text);
    if (rc < 0)
        return rc;
    oap_json__escaping_end(&e);
    if (fputc('\n', out) == EOF || ferror(out))
        return OAP_EIO;
    return 0;
}
