/* utf8: text that must be UTF-8 (JSON strings) made safe from text that may not be. */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

size_t oap_utf8_sequence(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n == 0)
        return 0;
    unsigned c = p[0];
    size_t len;
    unsigned cp, min;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        cp = c & 0x1f;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        cp = c & 0x0f;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

int oap_utf8_valid(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t k = oap_utf8_sequence(s + i, n - i);
        if (k == 0)
            return 0;
        i += k;
    }
    return 1;
}

char *oap_utf8_sanitize(const char *s)
{
    size_t n = strlen(s);
    /* Each bad byte grows to three. */
    char *out = malloc(n * 3 + 1);
    if (!out)
        return NULL;
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        size_t k = oap_utf8_sequence(s + i, n - i);
        if (k == 0) {
            memcpy(out + w, "\xef\xbf\xbd", 3);
            w += 3;
            i++;
        } else {
            memcpy(out + w, s + i, k);
            w += k;
            i += k;
        }
    }
    out[w] = '\0';
    return out;
}

json_t *oap_utf8_json_string(const char *s)
{
    if (oap_utf8_valid(s))
        return json_string(s);
    char *copy = oap_utf8_sanitize(s);
    json_t *v = copy ? json_string(copy) : NULL;
    free(copy);
    return v;
}
