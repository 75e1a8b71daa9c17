/* strbuf: the one string buffer: text appended piece by piece, grown through the one array. */
#include "strbuf.h"

#include "array.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room for more bytes and the NUL after them: 0, or -1 with oom set. A sum that would
 * wrap around is out of memory too, never a short buffer. */
static int reserve(oap_strbuf *b, size_t more)
{
    if (b->oom)
        return -1;
    if (more > SIZE_MAX - 1 - b->len || OAP_ARRAY_RESERVE(b->s, b->cap, b->len + more + 1) < 0) {
        b->oom = 1;
        return -1;
    }
    return 0;
}

void oap_strbuf_putn(oap_strbuf *b, const char *s, size_t n)
{
    if (reserve(b, n) < 0)
        return;
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void oap_strbuf_puts(oap_strbuf *b, const char *s)
{
    oap_strbuf_putn(b, s, strlen(s));
}

void oap_strbuf_putc(oap_strbuf *b, char c)
{
    if (reserve(b, 1) < 0)
        return;
    b->s[b->len++] = c;
    b->s[b->len] = '\0';
}

void oap_strbuf_printf(oap_strbuf *b, const char *fmt, ...)
{
    /* Most texts fit the stack: formatted once. A longer one is formatted again in place,
     * once the buffer has room for it. */
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        oap_strbuf_putn(b, small, (size_t)n);
        return;
    }
    if (reserve(b, (size_t)n) < 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *oap_strbuf_str(const oap_strbuf *b)
{
    return b->s ? b->s : "";
}

void oap_strbuf_truncate(oap_strbuf *b, size_t len)
{
    if (len >= b->len)
        return;
    b->len = len;
    b->s[len] = '\0';
}

void oap_strbuf_reset(oap_strbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

char *oap_strbuf_take(oap_strbuf *b)
{
    if (!b->oom && !b->s)
        oap_strbuf_putn(b, "", 0);
    char *s = b->oom ? NULL : b->s;
    if (!s)
        free(b->s);
    memset(b, 0, sizeof *b);
    return s;
}

void oap_strbuf_free(oap_strbuf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}
