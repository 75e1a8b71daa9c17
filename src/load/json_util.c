/* json_util: small helpers every jansson reader in src/load shares. */
#include "json_util.h"

#include "oapgraph/common.h"
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
