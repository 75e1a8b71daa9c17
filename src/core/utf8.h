/* utf8: text that must be UTF-8 (JSON strings) made safe from text that may not be. */
#ifndef OAP_CORE_UTF8_H
#define OAP_CORE_UTF8_H

#include <stddef.h>

/* The length of the valid UTF-8 sequence at s (at most n bytes), or 0 when the bytes
 * there are not one: a stray continuation byte, a cut sequence, an overlong form, a
 * surrogate or a code point above U+10FFFF, as jansson refuses them. */
size_t oap_utf8_sequence(const char *s, size_t n);

/* Non-zero when the whole NUL-terminated s is valid UTF-8. */
int oap_utf8_valid(const char *s);

/* A malloc'ed copy of s in which every byte that is not part of a valid sequence is
 * replaced by U+FFFD; NULL when out of memory. */
char *oap_utf8_sanitize(const char *s);

/* The code point of the valid sequence of k bytes at s (k from oap_utf8_sequence). */
unsigned oap_utf8_decode(const char *s, size_t k);

/* Code points that change how a line reads without being seen: C1 controls, line and
 * paragraph separators, bidirectional marks, embeddings, overrides and isolates (U+202E
 * makes text read backwards), the byte-order mark. */
int oap_utf8_invisible(unsigned cp);

/* Writes s as Markdown text, shown as written: Markdown punctuation is backslash-escaped,
 * "<", ">" and "&" become entities so no HTML gets through, a newline becomes <br> in a
 * table cell (a space elsewhere), other control characters, invisible code points and
 * bytes that are not UTF-8 become U+FFFD. put(ctx, bytes, n) receives the output. */
void oap_utf8_markdown(const char *s, int cell, void (*put)(void *ctx, const char *b, size_t n),
                       void *ctx);

#endif
