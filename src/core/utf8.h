/* utf8: the one UTF-8 decoder and encoder, and what is built on them alone. */
#ifndef OAP_CORE_UTF8_H
#define OAP_CORE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* U+FFFD REPLACEMENT CHARACTER, what a byte that is not UTF-8 is shown as. */
#define OAP_UTF8_REPLACEMENT "\xef\xbf\xbd"

/* Decodes the code point at s, reading at most n bytes: returns its length (1 to 4)
 * with *cp set, or 0 with *cp = U+FFFD when the bytes there are not one valid sequence
 * (n is 0; a stray continuation byte; a byte that never starts one; a sequence cut
 * short by n or by a byte that does not continue it; an overlong form, a surrogate or
 * a code point above U+10FFFF), as jansson refuses them. A caller that skips a bad
 * sequence skips one byte. Bytes after the first are read only while the ones before
 * continued the sequence, so a NUL-terminated string is never read past its end. */
size_t oap_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Writes cp as UTF-8 into out (room for 4 bytes) and returns its length. A surrogate
 * or a value above U+10FFFF, which UTF-8 cannot carry, is written as U+FFFD. */
size_t oap_utf8_encode(uint32_t cp, char *out);

/* Where s may be cut at or before n bytes without splitting a character: the largest
 * m <= n such that s[m] does not continue a sequence. s[n] must be readable. */
size_t oap_utf8_cut(const char *s, size_t n);

/* Non-zero when the whole NUL-terminated s is valid UTF-8. */
int oap_utf8_valid(const char *s);

/* A malloc'ed copy of s in which every byte that is not part of a valid sequence is
 * replaced by U+FFFD; NULL when out of memory. */
char *oap_utf8_sanitize(const char *s);

#endif
