/* utf8: text that must be UTF-8 (JSON strings) made safe from text that may not be. */
#ifndef OAP_LOAD_UTF8_H
#define OAP_LOAD_UTF8_H

#include <jansson.h>
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

/* A JSON string of s, with U+FFFD for bytes that are not UTF-8 (which jansson refuses);
 * NULL when out of memory. */
json_t *oap_utf8_json_string(const char *s);

#endif
