/* format: the values plan and cycle files share, read through the one reader. */
#include "format.h"

#include "core/timing.h"

#include "json_util.h"

#include <stdio.h>
#include <string.h>

const char *oap_format_ordinal(size_t n)
{
    if (n % 100 >= 11 && n % 100 <= 13)
        return "th";
    return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

int oap_format_valid_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '.' || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

const char *oap_format_get_id(oap_json_reader *r, json_t *obj, const char *key, const char *kind)
{
    const char *s = oap_json_get_string(r, obj, key);
    if (s && !oap_format_valid_id(s)) {
        size_t saved = oap_json_push(r, key);
        if (!*s)
            oap_json_report(r, "schema", 0, "%s id must not be empty", kind);
        else
            oap_json_report(r, "schema", 0,
                            "%s id \"%s\" may only contain letters, digits, \".\", \"_\" and \"-\"",
                            kind, s);
        oap_json_pop(r, saved);
        return NULL;
    }
    return s;
}

int oap_format_get_version(oap_json_reader *r, json_t *root)
{
    json_t *version =
        oap_json_get(r, root, "oapgraph", JSON_INTEGER, NULL, "the format version, the integer 1");
    if (!version)
        return 0;
    int known = json_integer_value(version) == 1;
    if (!known) {
        size_t saved = oap_json_push(r, "oapgraph");
        oap_json_report(r, "schema", 0,
                        "format version %lld is not known; this oapgraph reads version 1",
                        (long long)json_integer_value(version));
        oap_json_pop(r, saved);
    }
    return known;
}

const char *oap_format_name_item(oap_json_reader *r, json_t *obj, const char *key, const char *kind,
                                 size_t i)
{
    json_t *id = json_object_get(obj, key);
    if (json_is_string(id) && oap_format_valid_id(json_string_value(id)) &&
        strlen(json_string_value(id)) < 64) {
        oap_json_describe(r, "%s %s", kind, json_string_value(id));
        return json_string_value(id);
    }
    oap_json_describe(r, "the %zu%s %s", i + 1, oap_format_ordinal(i + 1), kind);
    return "";
}

const char *oap_format_get_word(oap_json_reader *r, json_t *obj, const char *key)
{
    const char *s = oap_json_get_string(r, obj, key);
    if (s && !*s) {
        size_t saved = oap_json_push(r, key);
        oap_json_report(r, "schema", 0, "\"%s\" of %s must not be empty", key, r->what);
        oap_json_pop(r, saved);
        return NULL;
    }
    return s;
}

oap_month_span oap_format_get_window(oap_json_reader *r, json_t *obj)
{
    oap_month_span w = {0, 0, 0};
    json_t *v = json_object_get(obj, "window");
    if (!v)
        return w;
    size_t saved = oap_json_push(r, "window");
    int start = -1, end = -1;
    if (json_is_array(v) && json_array_size(v) == 2 && json_is_string(json_array_get(v, 0)) &&
        json_is_string(json_array_get(v, 1))) {
        if (oap_timing_parse_month(json_string_value(json_array_get(v, 0)), &start) < 0 ||
            oap_timing_parse_month(json_string_value(json_array_get(v, 1)), &end) < 0)
            start = end = -1;
    }
    if (start < 0 || end < 0)
        oap_json_report(r, "schema", 0,
                        "\"window\" of %s must be two months [\"YYYY-MM\", \"YYYY-MM\"]", r->what);
    else if (start > end)
        oap_json_report(r, "schema", 0, "\"window\" of %s ends before it starts", r->what);
    else
        w = (oap_month_span){1, start, end};
    oap_json_pop(r, saved);
    return w;
}

int oap_format_get_years(oap_json_reader *r, json_t *obj, const char *key, const char *example,
                         int *first, int *last)
{
    char desc[96];
    snprintf(desc, sizeof desc, "an array of two years such as %s", example);
    json_t *v = oap_json_get(r, obj, key, JSON_ARRAY, r->what, desc);
    if (!v)
        return 0;
    int ok = 0;
    size_t saved = oap_json_push(r, key);
    json_t *a0 = json_array_get(v, 0), *b0 = json_array_get(v, 1);
    if (json_array_size(v) != 2 || !json_is_integer(a0) || !json_is_integer(b0)) {
        oap_json_report(r, "schema", 0, "\"%s\" of %s must be %s", key, r->what, desc);
    } else {
        json_int_t a = json_integer_value(a0), b = json_integer_value(b0);
        if (a < 1900 || a > 2200 || b < 1900 || b > 2200)
            oap_json_report(r, "schema", 0,
                            "\"%s\" of %s must hold years between 1900 and 2200, not %lld and "
                            "%lld",
                            key, r->what, (long long)a, (long long)b);
        else if (b < a)
            oap_json_report(r, "schema", 0, "\"%s\" of %s ends in %lld, before it starts in %lld",
                            key, r->what, (long long)b, (long long)a);
        else {
            *first = (int)a;
            *last = (int)b;
            ok = 1;
        }
    }
    oap_json_pop(r, saved);
    return ok;
}

int oap_format_is_object(oap_json_reader *r, json_t *item, const char *array, size_t i)
{
    if (json_is_object(item))
        return 1;
    oap_json_report(r, "schema", 0, "item %zu of \"%s\" must be an object, not %s", i + 1, array,
                    oap_json_type_name(item));
    return 0;
}

void oap_format_check_unique(oap_json_reader *r, oap_strmap *seen, const char *key, const char *id,
                             uint32_t index, const char *kind, const char *scope)
{
    uint32_t first;
    int rc = oap_strmap_put(seen, id, index, &first);
    if (rc < 0) {
        r->oom = 1;
        return;
    }
    if (rc == 0) {
        size_t saved = oap_json_push(r, key);
        oap_json_report(r, "duplicate-id", 0,
                        "%s %s \"%s\" is used twice in %s: by the %u%s and the %u%s %s", kind, key,
                        id, scope, first + 1, oap_format_ordinal(first + 1), index + 1,
                        oap_format_ordinal(index + 1), kind);
        oap_json_pop(r, saved);
    }
}
