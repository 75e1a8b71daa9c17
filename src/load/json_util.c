/* json_util: small helpers every jansson reader in src/load shares. */
#include "json_util.h"

#include "core/utf8.h"

#include <stdlib.h>
#include <string.h>

const char *oap_json_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
        return "an integer";
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    case JSON_NULL:
        return "null";
    }
    return "a value";
}

int oap_json_in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

json_t *oap_json_string_safe(const char *s)
{
    if (oap_utf8_valid(s))
        return json_string(s);
    char *copy = oap_utf8_sanitize(s);
    json_t *v = copy ? json_string(copy) : NULL;
    free(copy);
    return v;
}
