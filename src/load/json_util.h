/* json_util: small helpers every jansson reader in src/load shares. */
#ifndef OAP_LOAD_JSON_UTIL_H
#define OAP_LOAD_JSON_UTIL_H

#include <jansson.h>
#include <stdio.h>

/* What a value is, in words for messages: "a string", "an integer", "null". */
const char *oap_json_type_name(const json_t *v);

/* A JSON string of s, with U+FFFD for bytes that are not UTF-8 (which jansson refuses);
 * NULL when out of memory. */
json_t *oap_json_string_safe(const char *s);

/* Writes root to out as JSON text indented by two spaces, and a newline. Every character
 * of its strings that is not ORDINARY (core/text.h) is written as a \u escape: jansson
 * escapes C0 controls itself, but writes C1 controls, U+202E or U+200B as they are, for
 * a terminal, an editor or a diff to obey or hide. The document reads back the same.
 * Returns 0, OAP_EIO when writing failed, OAP_ENOMEM. */
int oap_json_write(FILE *out, const json_t *root);

/* oap_json_write's filter, a json_dump_callback_t, here for its tests: jansson ends its
 * pieces between characters today, but nothing promises it, so a sequence cut between
 * two pieces is held back and joined; oap_json__escaping_end writes what is held. */
typedef struct oap_json__escaping {
    FILE *out;
    char held[4];
    size_t nheld;
    /* jansson hands over a document in pieces of a few bytes: they are gathered here and
     * written in large ones (oap_json__escaping_end writes the rest). */
    char buf[16384];
    size_t nbuf;
    int failed; /* a write failed */
} oap_json__escaping;
int oap_json__escaping_put(const char *b, size_t n, void *escaping);
void oap_json__escaping_end(oap_json__escaping *e);

/* Non-zero when s is one of the NULL-terminated list. */
int oap_json_in_list(const char *s, const char *const *list);

#endif
