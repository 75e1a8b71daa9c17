/* json_reader: what every jansson reader shares: where it is, what it reads, one error helper. */
#include "json_reader.h"

#include "oapgraph/rules.h"
#include "core/ascii.h"
#include "core/suggest.h"
#include "core/text.h"
#include "json_util.h"
#include "load_json.h"
#include "srcmap.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void init(oap_json_reader *r, const char *name, const char *text, size_t len,
                 oap_arena *arena)
{
    memset(r, 0, sizeof *r);
    size_t bom = oap_load_bom_length(text, len);
    r->name = name;
    r->text = text + bom;
    r->len = len - bom;
    r->arena = arena;
    r->max_string = SIZE_MAX;
}

void oap_json_init_findings(oap_json_reader *r, const char *file, unsigned file_index,
                            const char *text, size_t len, oap_arena *arena, oap_diags *diags)
{
    init(r, file, text, len, arena);
    r->diags = diags;
    r->where.file = file;
    r->where.file_index = file_index;
}

void oap_json_init_messages(oap_json_reader *r, const char *name, const char *text, size_t len,
                            oap_arena *arena, char *err, size_t errsize)
{
    init(r, name, text, len, arena);
    r->err = err;
    r->errsize = errsize;
    if (errsize)
        err[0] = '\0';
}

/* A message: located now (from the pointer when line is 0; a pointer not in the text is
 * placed at 1:1), then written whole after the earlier ones, or as much as fits when it
 * is the first. Once one does not fit, later ones are neither located nor written: a
 * file of a million mistakes costs a few scans of the text, not a million. */
static void add_message(oap_json_reader *r, int at_key, unsigned line, unsigned col,
                        const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

static void add_message(oap_json_reader *r, int at_key, unsigned line, unsigned col,
                        const char *fmt, va_list ap)
{
    if (r->full || r->errsize == 0)
        return;
    size_t at = r->errlen ? r->errlen + 1 : 0;
    if (at >= r->errsize) {
        r->full = 1;
        return;
    }
    if (!line) {
        oap_srcmap_query q = {.pointer = r->pointer, .at_key = at_key};
        if (oap_srcmap_locate(r->text, r->len, &q, 1) == 0) {
            line = q.line;
            col = q.col;
        }
    }
    char *dst = r->err + at;
    size_t room = r->errsize - at;
    /* The name escaped as plan text is, so that the place after it is the first of the
     * line (oapgraph prints such a line with that place as it is, the rest escaped). */
    char *name = oap_text_escaped(r->name, 0);
    if (!name) {
        r->oom = 1;
        return;
    }
    int n = snprintf(dst, room, "%s:%u:%u: ", name, line ? line : 1, line ? col : 1);
    free(name);
    int m = n < 0 || (size_t)n >= room ? 0 : vsnprintf(dst + n, room - (size_t)n, fmt, ap);
    int fits = n >= 0 && m >= 0 && (size_t)n + (size_t)m < room;
    if (r->errlen && !fits) {
        r->full = 1; /* err[errlen] still ends the earlier messages */
        return;
    }
    if (r->errlen)
        r->err[r->errlen] = '\n';
    r->errlen = at + strlen(dst);
    if (!fits)
        r->full = 1;
}

/* The one place a problem goes through. */
static void vreport(oap_json_reader *r, const char *rule, int at_key, unsigned line, unsigned col,
                    const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

static void vreport(oap_json_reader *r, const char *rule, int at_key, unsigned line, unsigned col,
                    const char *fmt, va_list ap)
{
    r->problems++;
    if (!r->diags) {
        add_message(r, at_key, line, col, fmt, ap);
        return;
    }
    oap_where w = r->where;
    w.pointer = r->pointer;
    w.at_key = at_key;
    w.line = line;
    w.col = line ? col : 0;
    if (oap_diags_addv(r->diags, rule, oap_rule_default_severity(rule), &w, fmt, ap) < 0)
        r->oom = 1;
}

void oap_json_report(oap_json_reader *r, const char *rule, int at_key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(r, rule, at_key, 0, 0, fmt, ap);
    va_end(ap);
}

void oap_json_report_at(oap_json_reader *r, const char *rule, unsigned line, unsigned col,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(r, rule, 0, line ? line : 1, line ? col : 1, fmt, ap);
    va_end(ap);
}

size_t oap_json_push(oap_json_reader *r, const char *key)
{
    size_t saved = r->plen;
    oap_pointer_push(r->pointer, sizeof r->pointer, &r->plen, key);
    return saved;
}

size_t oap_json_push_index(oap_json_reader *r, size_t i)
{
    char num[32];
    snprintf(num, sizeof num, "%zu", i);
    return oap_json_push(r, num);
}

void oap_json_pop(oap_json_reader *r, size_t saved)
{
    r->plen = saved;
    r->pointer[saved] = '\0';
}

void oap_json_describe(oap_json_reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->what, sizeof r->what, fmt, ap);
    va_end(ap);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where the token that ends before byte at begins: a string back to its opening quote, a
 * bracket or punctuation alone, else a run of letters, digits and number signs. */
static size_t token_start(const char *text, size_t at)
{
    size_t start = at - 1;
    char c = text[start];
    if (c == '"') {
        while (start > 0 && !(text[start - 1] == '"' && (start < 2 || text[start - 2] != '\\')))
            start--;
        return start > 0 ? start - 1 : 0;
    }
    if (strchr("[]{}:,", c))
        return start;
    while (start > 0 && (oap_ascii_is_alnum(text[start - 1]) || strchr("+-.", text[start - 1])))
        start--;
    return start;
}

/* A syntax error jansson reports at the token after the fault, placed at the fault: a comma
 * before a closing bracket (trailing), or no comma after a value that another follows.
 * Returns 1 when reported, 0 when the error is neither. */
static int report_comma(oap_json_reader *r, const json_error_t *e, size_t at)
{
    if (at == 0 || at > r->len)
        return 0;
    size_t start = token_start(r->text, at), prev = start;
    while (prev > 0 && is_space(r->text[prev - 1]))
        prev--;
    if (prev == 0)
        return 0;
    char next = r->text[start], last = r->text[prev - 1];
    unsigned line, col;
    if ((next == ']' || next == '}') && last == ',') {
        oap_srcmap_offset(r->text, r->len, prev - 1, &line, &col);
        oap_json_report_at(r, "syntax", line, col,
                           "not valid JSON: a comma before '%c'; JSON allows none after the last "
                           "item",
                           next);
        return 1;
    }
    /* "'}' expected near ..." or "']' expected near ...": the value before ended, and
     * neither a comma nor the end came. */
    if ((strncmp(e->text, "'}' expected", 12) == 0 || strncmp(e->text, "']' expected", 12) == 0) &&
        !strchr(",:[{", last)) {
        oap_srcmap_offset(r->text, r->len, prev, &line, &col);
        oap_json_report_at(
            r, "syntax", line, col,
            "not valid JSON: a comma is missing here, after the value before it (%s)", e->text);
        return 1;
    }
    return 0;
}

/* jansson counts the column of the last character it read: right for a bad token, one
 * short for a byte that is not UTF-8, at the end of the key for a duplicate key, where a
 * person wants its start, and at the token after a missing or trailing comma, where a
 * person wants the comma's place. Those are placed from the byte offset instead. */
json_t *oap_json_parse(oap_json_reader *r)
{
    /* Cleared: where jansson fails before it says why, it sets no error code either. */
    json_error_t e = {0};
    json_t *root = json_loadb(r->text, r->len, JSON_REJECT_DUPLICATES, &e);
    if (root)
        return root;
    enum json_error_code code = json_error_code(&e);
    if (code == json_error_out_of_memory || !e.text[0]) {
        /* Trouble with the run, not a fault of the file: never a finding (which a baseline
         * could record), always "out of memory" and exit 2. jansson 2.14 says nothing at
         * all when it cannot allocate its lexer's buffer: an empty text is that. */
        r->oom = 1;
        return NULL;
    }
    size_t at = e.position > 0 ? (size_t)e.position : 0;
    unsigned line = e.line > 0 ? (unsigned)e.line : 1;
    unsigned col = e.column > 0 ? (unsigned)e.column : 1;
    if (code == json_error_invalid_utf8 && at <= r->len)
        oap_srcmap_offset(r->text, r->len, at, &line, &col);
    if (code == json_error_duplicate_key && at >= 2 && at <= r->len && r->text[at - 1] == '"') {
        size_t start = at - 1; /* the key's closing quote; find its opening one */
        while (start > 0 &&
               !(r->text[start - 1] == '"' && (start < 2 || r->text[start - 2] != '\\')))
            start--;
        size_t key_len = at - start - 1;
        if (start > 0)
            oap_srcmap_offset(r->text, r->len, start - 1, &line, &col);
        oap_json_report_at(r, "schema", line, col,
                           "duplicate key \"%.*s\" in one object; JSON readers silently keep "
                           "only the last value",
                           (int)(key_len > 200 ? 200 : key_len), r->text + start);
    } else if (code == json_error_duplicate_key) {
        oap_json_report_at(r, "schema", line, col,
                           "duplicate key in one object (%s); JSON readers silently keep only "
                           "the last value",
                           e.text);
    } else if (!report_comma(r, &e, at)) {
        oap_json_report_at(r, "syntax", line, col, "not valid JSON: %s", e.text);
    }
    return NULL;
}

void oap_json_check_keys(oap_json_reader *r, json_t *obj, const char *const *known,
                         const char *const *required)
{
    oap_json_check_keys_why(r, obj, known, required, NULL, NULL);
}

void oap_json_check_keys_why(oap_json_reader *r, json_t *obj, const char *const *known,
                             const char *const *required, const char *lost, const char *why)
{
    const char *key;
    json_t *value;
    if (known)
        json_object_foreach(obj, key, value)
        {
            (void)value;
            /* In plan and cycle files (read as findings), the format reserves the keys
             * starting with x-oapgraph- for itself: one it does not define is unknown. */
            int reserved = r->diags && strncmp(key, "x-oapgraph-", 11) == 0;
            if (oap_json_in_list(key, known) || (strncmp(key, "x-", 2) == 0 && !reserved))
                continue;
            size_t n = 0;
            while (known[n])
                n++;
            const char *near = oap_suggest_nearest(key, known, n);
            size_t saved = oap_json_push(r, key);
            int said =
                why && lost && near && strcmp(near, lost) == 0 && !json_object_get(obj, lost);
            if (reserved)
                oap_json_report(r, "unknown-key", 1,
                                "unknown key \"%.200s\" in %s: keys starting with \"x-oapgraph-\" "
                                "are reserved by the format%s%s%s",
                                key, r->what, near ? "; did you mean \"" : "", near ? near : "",
                                near ? "\"?" : "");
            else if (near)
                oap_json_report(r, "unknown-key", 1,
                                "unknown key \"%.200s\" in %s; did you mean \"%s\"?%s%s", key,
                                r->what, near, said ? " " : "", said ? why : "");
            else
                oap_json_report(r, "unknown-key", 1,
                                "unknown key \"%.200s\" in %s (keys starting with \"x-\" are free "
                                "for your own use)",
                                key, r->what);
            oap_json_pop(r, saved);
        }
    for (; required && *required; required++)
        if (!json_object_get(obj, *required))
            oap_json_report(r, "schema", 0, "%s has no \"%s\", which is required", r->what,
                            *required);
}

void oap_json_report_type(oap_json_reader *r, const char *key, const char *of, const char *desc,
                          const json_t *v)
{
    int with_of = of && *of;
    oap_json_report(r, "schema", 0, "\"%s\"%s%s must be %s, not %s", key, with_of ? " of " : "",
                    with_of ? of : "", desc, oap_json_type_name(v));
}

static int has_type(const json_t *v, json_type type)
{
    switch (type) {
    case JSON_REAL:
        return json_is_number(v);
    case JSON_TRUE:
    case JSON_FALSE:
        return json_is_boolean(v);
    default:
        return json_typeof(v) == type;
    }
}

json_t *oap_json_get(oap_json_reader *r, json_t *obj, const char *key, json_type type,
                     const char *of, const char *desc)
{
    json_t *v = json_object_get(obj, key);
    if (!v || has_type(v, type))
        return v;
    size_t saved = oap_json_push(r, key);
    oap_json_report_type(r, key, of, desc, v);
    oap_json_pop(r, saved);
    return NULL;
}

/* A string over the limit is reported and left out, as if it were not there. */
static int too_long(oap_json_reader *r, const json_t *s)
{
    size_t len = json_string_length(s);
    if (len <= r->max_string)
        return 0;
    oap_json_report(r, "limit", 0,
                    "this string is %zu bytes; this run reads strings of at most %zu bytes, so it "
                    "is left out",
                    len, r->max_string);
    return 1;
}

/* A string value into the arena: once only, while the reader shares (see share). */
static const char *copy_value(oap_json_reader *r, json_t *v)
{
    const char *s = json_string_value(v);
    size_t len = json_string_length(v);
    if (!r->share || !r->shared || len > OAP_JSON_SHARE_MAX || strlen(s) != len)
        return oap_arena_strndup(r->arena, s, len);
    const char *held = oap_strmap_key(r->shared, s);
    if (held)
        return held;
    char *copy = oap_arena_strndup(r->arena, s, len);
    if (copy && oap_strmap_put(r->shared, copy, 0, NULL) < 0)
        return NULL;
    return copy;
}

const char *oap_json_get_string(oap_json_reader *r, json_t *obj, const char *key)
{
    json_t *v = oap_json_get(r, obj, key, JSON_STRING, r->what, "a string");
    if (!v)
        return NULL;
    if (json_string_length(v) > r->max_string) {
        size_t saved = oap_json_push(r, key);
        too_long(r, v);
        oap_json_pop(r, saved);
        return NULL;
    }
    const char *s = copy_value(r, v);
    if (!s)
        r->oom = 1;
    return s;
}

oap_strv oap_json_get_strv(oap_json_reader *r, json_t *obj, const char *key)
{
    return oap_json_get_list(r, obj, key, NULL, NULL);
}

oap_strv oap_json_get_list(oap_json_reader *r, json_t *obj, const char *key, oap_json_item_fn fn,
                           void *arg)
{
    oap_strv out = {NULL, 0, NULL};
    json_t *v = oap_json_get(r, obj, key, JSON_ARRAY, r->what, "an array of strings");
    if (!v)
        return out;
    size_t n = json_array_size(v);
    uint32_t *at = NULL;
    out.items = oap_arena_alloc(r->arena, (n ? n : 1) * sizeof *out.items);
    if (!out.items) {
        r->oom = 1;
        return out;
    }
    size_t saved = oap_json_push(r, key);
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_array_get(v, i);
        const char *s = NULL;
        if (!json_is_string(item) || json_string_length(item) > r->max_string) {
            size_t inner = oap_json_push_index(r, i);
            if (json_is_string(item))
                too_long(r, item);
            else if (fn)
                s = fn(r, item, i, out.n, arg);
            else
                oap_json_report(r, "schema", 0, "\"%s\" of %s must hold strings; item %zu is %s",
                                key, r->what, i + 1, oap_json_type_name(item));
            oap_json_pop(r, inner);
            if (!s)
                continue;
        } else {
            s = copy_value(r, item);
            if (!s) {
                r->oom = 1;
                continue;
            }
        }
        if (out.n != i && !at) {
            /* An item was left out: from here on, items remember where they stand. */
            at = oap_arena_alloc(r->arena, n * sizeof *at);
            if (!at) {
                r->oom = 1;
                continue;
            }
            for (uint32_t k = 0; k < out.n; k++)
                at[k] = k;
        }
        if (at)
            at[out.n] = (uint32_t)i;
        out.items[out.n++] = s;
    }
    out.at = at;
    oap_json_pop(r, saved);
    return out;
}
