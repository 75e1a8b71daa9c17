/* json_util: small helpers every jansson reader in src/load shares. */
#ifndef OAP_LOAD_JSON_UTIL_H
#define OAP_LOAD_JSON_UTIL_H

#include <jansson.h>

/* What a value is, in words for messages: "a string", "an integer", "null". */
const char *oap_json_type_name(const json_t *v);

/* A JSON string of s, with U+FFFD for bytes that are not UTF-8 (which jansson refuses);
 * NULL when out of memory. */
json_t *oap_json_string_safe(const char *s);

/* Non-zero when s is one of the NULL-terminated list. */
int oap_json_in_list(const char *s, const char *const *list);

#endif
