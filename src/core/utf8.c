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

unsigned oap_utf8_decode(const char *s, size_t k)
{
    const unsigned char *u = (const unsigned char *)s;
    switch (k) {
    case 1:
        return u[0];
    case 2:
        return (u[0] & 0x1fu) << 6 | (u[1] & 0x3fu);
    case 3:
        return (u[0] & 0x0fu) << 12 | (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu);
    default:
        return (u[0] & 0x07u) << 18 | (u[1] & 0x3fu) << 12 | (u[2] & 0x3fu) << 6 | (u[3] & 0x3fu);
    }
}

int oap_utf8_invisible(unsigned cp)
{
    return (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
           (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

void oap_utf8_markdown(const char *s, int cell, void (*put)(void *ctx, const char *b, size_t n),
                       void *ctx)
{
    static const char replacement[] = "\xef\xbf\xbd";
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = oap_utf8_sequence(s + i, n - i);
        if (k == 0) {
            put(ctx, replacement, 3);
            i++;
            continue;
        }
        if (k > 1) {
            if (oap_utf8_invisible(oap_utf8_decode(s + i, k)))
                put(ctx, replacement, 3);
            else
                put(ctx, s + i, k);
            i += k;
            continue;
        }
        i++;
        char esc[2] = {'\\', (char)c};
        if (c == '\n')
            put(ctx, cell ? "<br>" : " ", cell ? 4 : 1);
        else if (c == '\r')
            continue;
        else if (c == '\t')
            put(ctx, " ", 1);
        else if (c < 0x20 || c == 0x7f)
            put(ctx, replacement, 3);
        else if (c == '<')
            put(ctx, "&lt;", 4);
        else if (c == '>')
            put(ctx, "&gt;", 4);
        else if (c == '&')
            put(ctx, "&amp;", 5);
        else if (strchr("\\`*_[]|~#!", c))
            put(ctx, esc, 2);
        else
            put(ctx, s + i - 1, 1);
    }
}
