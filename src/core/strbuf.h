/* strbuf: the one string buffer: text appended piece by piece, grown through the one array. */
#ifndef OAP_CORE_STRBUF_H
#define OAP_CORE_STRBUF_H

#include <stddef.h>

/* A growing string. After a failed allocation it stays as it was and oom is set; the
 * appends then do nothing, so a run of appends is checked once at the end. The fields
 * may be read; s[len] is '\0' whenever s is not NULL. */
typedef struct oap_strbuf {
    char *s; /* NULL until the first append, even of nothing */
    size_t len, cap;
    int oom;
} oap_strbuf;

#define OAP_STRBUF_INIT                                                                            \
    {                                                                                              \
        NULL, 0, 0, 0                                                                              \
    }

/* Append n bytes of s (which may hold NULs), one string, one byte, or formatted text. An
 * append of nothing still makes s a string, "". */
void oap_strbuf_putn(oap_strbuf *b, const char *s, size_t n);
void oap_strbuf_puts(oap_strbuf *b, const char *s);
void oap_strbuf_putc(oap_strbuf *b, char c);
void oap_strbuf_printf(oap_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The text so far ("" when empty); valid until the next append. */
const char *oap_strbuf_str(const oap_strbuf *b);

/* Cuts the text back to its first len bytes (len at most b->len); the room is kept. */
void oap_strbuf_truncate(oap_strbuf *b, size_t len);

/* Empties the text and keeps the room and oom, so that a run of appends and resets (a
 * label rebuilt for each node) is checked once at the end. */
void oap_strbuf_reset(oap_strbuf *b);

/* Takes the text out: a malloc'ed string the caller frees ("" when nothing was appended),
 * or NULL when an append failed or "" cannot be had. Either way the buffer is left as
 * OAP_STRBUF_INIT makes it, ready for a new text, with oom cleared. */
char *oap_strbuf_take(oap_strbuf *b);

/* Frees the text; the buffer is left as OAP_STRBUF_INIT makes it. */
void oap_strbuf_free(oap_strbuf *b);

#endif
