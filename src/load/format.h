/* format: the values plan and cycle files share, read through the one reader. */
#ifndef OAP_LOAD_FORMAT_H
#define OAP_LOAD_FORMAT_H

#include "core/model.h"
#include "core/strmap.h"
#include "json_reader.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

/* "st", "nd", "rd" or "th", for "the 3rd action". */
const char *oap_format_ordinal(size_t n);

/* Non-zero when s is an id: letters, digits, '.', '_' and '-', not empty. */
int oap_format_valid_id(const char *s);

/* The id member key of obj; NULL when absent, wrong or not an id (reported, the
 * message naming it "<kind> id"). */
const char *oap_format_get_id(oap_json_reader *r, json_t *obj, const char *key, const char *kind);

/* The "oapgraph" member of a file's root: 1, the format version; 0 when absent or
 * another (reported). */
int oap_format_get_version(oap_json_reader *r, json_t *root);

/* Describes item i of a list for messages: "<kind> <id>" when its member key is a usable
 * id (shorter than 64 bytes), else "the 3rd <kind>". Returns that id, or "". */
const char *oap_format_name_item(oap_json_reader *r, json_t *obj, const char *key, const char *kind,
                                 size_t i);

/* A string member that must not be empty when given; NULL when absent, wrong or empty
 * (reported: "\"key\" of <what> must not be empty"). */
const char *oap_format_get_word(oap_json_reader *r, json_t *obj, const char *key);

/* The "window" member of obj: two months "YYYY-MM", the first not after the last; unset
 * when absent or wrong (reported, naming obj by what). */
oap_month_span oap_format_get_window(oap_json_reader *r, json_t *obj);

/* A member key of obj that holds two years [first, last] between 1900 and 2200, first
 * not after last: 1 with them, 0 when absent or wrong (reported, with example as the
 * example of a right value: "[2024, 2025]"). */
int oap_format_get_years(oap_json_reader *r, json_t *obj, const char *key, const char *example,
                         int *first, int *last);

/* Whether item i of the array named array is an object; reports it otherwise. */
int oap_format_is_object(oap_json_reader *r, json_t *item, const char *array, size_t i);

/* Records id, the member key of item index of its list, in seen; reports its second use
 * ("duplicate-id", at key): "<kind> <key> \"X\" is used twice in <scope>: by the 1st
 * and the 3rd <kind>". */
void oap_format_check_unique(oap_json_reader *r, oap_strmap *seen, const char *key, const char *id,
                             uint32_t index, const char *kind, const char *scope);

#endif
