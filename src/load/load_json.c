/* load_json: one plan file's JSON text -> a plan of the model, with loader findings. */
#include "load_json.h"

#include "oapgraph/common.h"
#include "oapgraph/rules.h"
#include "core/actors.h"
#include "core/strmap.h"
#include "core/suggest.h"
#include "core/timing.h"
#include "srcmap.h"

#include "json_util.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* The keys the format defines, per object; NULL-terminated. */
static const char *const top_keys[] = {"$schema", "oapgraph", "plan",   "overlaps",
                                       "goals",   "actions",  "actors", NULL};
static const char *const plan_keys[] = {"id",     "priority", "title",    "aim",
                                        "year",   "cycle",    "document", "classification",
                                        "driver", "support",  NULL};
static const char *const overlap_keys[] = {"priority", "note", NULL};
static const char *const goal_keys[] = {"id", "title", NULL};
static const char *const action_keys[] = {
    "id",    "goal",   "title",  "leaders", "participants", "description", "refs",
    "needs", "phases", "timing", "window",  "target",       "kpis",        "results",
    "notes", "link",   NULL};
static const char *const phase_keys[] = {"id", "timing", "window", "needs", NULL};
static const char *const results_keys[] = {"june", "december", "status", NULL};
static const char *const actor_keys[] = {"code", "name", "kind", NULL};

static const char *const result_statuses[] = {"planned",       "ongoing",   "completed", "continue",
                                              "not-completed", "cancelled", "unclear",   NULL};

enum { POINTER_MAX = 1024 };

typedef struct ctx {
    oap_arena *arena;
    const oap_load_limits *limits;
    oap_diags *diags;
    oap_where where;
    char pointer[POINTER_MAX];
    size_t plen;
    char what[160]; /* the object being read, in words: "action 2.1" */
    int oom;
    int reject; /* over a limit: the plan is reported, not checked */
} ctx;

static int push(ctx *c, const char *segment)
{
    int saved = (int)c->plen;
    oap_pointer_push(c->pointer, sizeof c->pointer, &c->plen, segment);
    return saved;
}

static int push_index(ctx *c, size_t i)
{
    char num[32];
    snprintf(num, sizeof num, "%zu", i);
    return push(c, num);
}

static void pop(ctx *c, int saved)
{
    c->plen = (size_t)saved;
    c->pointer[c->plen] = '\0';
}

/* A finding of a loader rule, at the rule's default severity (the registry's). */
static void report(ctx *c, const char *rule, int at_key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(ctx *c, const char *rule, int at_key, const char *fmt, ...)
{
    oap_where w = c->where;
    w.pointer = c->pointer;
    w.at_key = at_key;
    va_list ap;
    va_start(ap, fmt);
    if (oap_diags_addv(c->diags, rule, oap_rule_default_severity(rule), &w, fmt, ap) < 0)
        c->oom = 1;
    va_end(ap);
}

/* A string over the limit is reported and left out, as if it were not there. */
static void too_long(ctx *c, size_t len)
{
    report(c, "limit", 0,
           "this string is %zu bytes; this run reads strings of at most %zu bytes, so it is "
           "left out",
           len, c->limits->max_string_bytes);
}

static const char *ordinal_suffix(size_t n)
{
    if (n % 100 >= 11 && n % 100 <= 13)
        return "th";
    return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

static int valid_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '.' || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

/* Reports unknown keys (with the nearest known one) and missing required keys. */
static void check_keys(ctx *c, json_t *obj, const char *const *known, const char *const *required)
{
    const char *key;
    json_t *value;
    json_object_foreach(obj, key, value)
    {
        (void)value;
        if (oap_json_in_list(key, known) || strncmp(key, "x-", 2) == 0)
            continue;
        size_t n = 0;
        while (known[n])
            n++;
        const char *near = oap_suggest_nearest(key, known, n);
        int saved = push(c, key);
        if (near)
            report(c, "unknown-key", 1, "unknown key \"%.200s\" in %s; did you mean \"%s\"?", key,
                   c->what, near);
        else
            report(c, "unknown-key", 1,
                   "unknown key \"%.200s\" in %s (keys starting with \"x-\" are free for your "
                   "own use)",
                   key, c->what);
        pop(c, saved);
    }
    for (; required && *required; required++)
        if (!json_object_get(obj, *required))
            report(c, "schema", 0, "%s has no \"%s\", which is required", c->what, *required);
}

/* Reads an optional string member; reports a wrong type. NULL when absent or wrong. */
static const char *get_string(ctx *c, json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return NULL;
    if (!json_is_string(v)) {
        int saved = push(c, key);
        report(c, "schema", 0, "\"%s\" of %s must be a string, not %s", key, c->what,
               oap_json_type_name(v));
        pop(c, saved);
        return NULL;
    }
    if (json_string_length(v) > c->limits->max_string_bytes) {
        int saved = push(c, key);
        too_long(c, json_string_length(v));
        pop(c, saved);
        return NULL;
    }
    const char *s = oap_arena_strndup(c->arena, json_string_value(v), json_string_length(v));
    if (!s)
        c->oom = 1;
    return s;
}

/* A required string: "" when absent or wrong (already reported). */
static const char *get_required(ctx *c, json_t *obj, const char *key)
{
    const char *s = get_string(c, obj, key);
    return s ? s : "";
}

/* Reads an id member and checks its characters; NULL when absent, wrong or invalid. */
static const char *get_id(ctx *c, json_t *obj, const char *key, const char *kind)
{
    const char *s = get_string(c, obj, key);
    if (s && !valid_id(s)) {
        int saved = push(c, key);
        if (!*s)
            report(c, "schema", 0, "%s id must not be empty", kind);
        else
            report(c, "schema", 0,
                   "%s id \"%s\" may only contain letters, digits, \".\", \"_\" and \"-\"", kind,
                   s);
        pop(c, saved);
        return NULL;
    }
    return s;
}

/* Reads an optional array of strings; wrong items are reported and left out. */
static oap_strv get_strv(ctx *c, json_t *obj, const char *key)
{
    oap_strv out = {NULL, 0, NULL};
    json_t *v = json_object_get(obj, key);
    if (!v)
        return out;
    int saved = push(c, key);
    if (!json_is_array(v)) {
        report(c, "schema", 0, "\"%s\" of %s must be an array of strings, not %s", key, c->what,
               oap_json_type_name(v));
        pop(c, saved);
        return out;
    }
    size_t n = json_array_size(v);
    uint32_t *at = NULL;
    out.items = oap_arena_alloc(c->arena, (n ? n : 1) * sizeof *out.items);
    if (!out.items) {
        c->oom = 1;
        pop(c, saved);
        return out;
    }
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_array_get(v, i);
        if (!json_is_string(item)) {
            int inner = push_index(c, i);
            report(c, "schema", 0, "\"%s\" of %s must hold strings; item %zu is %s", key, c->what,
                   i + 1, oap_json_type_name(item));
            pop(c, inner);
            continue;
        }
        if (json_string_length(item) > c->limits->max_string_bytes) {
            int inner = push_index(c, i);
            too_long(c, json_string_length(item));
            pop(c, inner);
            continue;
        }
        const char *s =
            oap_arena_strndup(c->arena, json_string_value(item), json_string_length(item));
        if (!s) {
            c->oom = 1;
            continue;
        }
        if (out.n != i && !at) {
            /* An item was left out: from here on, items remember where they stand. */
            at = oap_arena_alloc(c->arena, n * sizeof *at);
            if (!at) {
                c->oom = 1;
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
    pop(c, saved);
    return out;
}

static oap_month_span get_window(ctx *c, json_t *obj)
{
    oap_month_span w = {0, 0, 0};
    json_t *v = json_object_get(obj, "window");
    if (!v)
        return w;
    int saved = push(c, "window");
    int start = -1, end = -1;
    if (json_is_array(v) && json_array_size(v) == 2 && json_is_string(json_array_get(v, 0)) &&
        json_is_string(json_array_get(v, 1))) {
        if (oap_timing_parse_month(json_string_value(json_array_get(v, 0)), &start) < 0 ||
            oap_timing_parse_month(json_string_value(json_array_get(v, 1)), &end) < 0)
            start = end = -1;
    }
    if (start < 0 || end < 0)
        report(c, "schema", 0, "\"window\" of %s must be two months [\"YYYY-MM\", \"YYYY-MM\"]",
               c->what);
    else if (start > end)
        report(c, "schema", 0, "\"window\" of %s ends before it starts", c->what);
    else
        w = (oap_month_span){1, start, end};
    pop(c, saved);
    return w;
}

/* Checks that member key is an array (reported otherwise) and returns it, or NULL. */
static json_t *get_array(ctx *c, json_t *obj, const char *key, const char *of_what)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return NULL;
    if (!json_is_array(v)) {
        int saved = push(c, key);
        report(c, "schema", 0, "\"%s\" must be an array of %s, not %s", key, of_what,
               oap_json_type_name(v));
        pop(c, saved);
        return NULL;
    }
    return v;
}

/* Checks that an array item is an object; reports it otherwise. */
static int item_is_object(ctx *c, json_t *item, const char *array, size_t i)
{
    if (json_is_object(item))
        return 1;
    report(c, "schema", 0, "item %zu of \"%s\" must be an object, not %s", i + 1, array,
           oap_json_type_name(item));
    return 0;
}

/* Reports the second use of an id within one list of ids. */
static void check_unique(ctx *c, oap_strmap *seen, const char *id, uint32_t index, const char *kind,
                         const char *scope)
{
    uint32_t first;
    int rc = oap_strmap_put(seen, id, index, &first);
    if (rc < 0) {
        c->oom = 1;
        return;
    }
    if (rc == 0) {
        int saved = push(c, "id");
        report(c, "duplicate-id", 0,
               "%s id \"%s\" is used twice in %s: by the %u%s and the %u%s %s", kind, id, scope,
               first + 1, ordinal_suffix(first + 1), index + 1, ordinal_suffix(index + 1), kind);
        pop(c, saved);
    }
}

static void set_what(ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void set_what(ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->what, sizeof c->what, fmt, ap);
    va_end(ap);
}

/* Names an item for messages: `action 2.1`, or `the 3rd action` without a usable id. */
static void name_item(ctx *c, json_t *obj, const char *kind, size_t i)
{
    json_t *id = json_object_get(obj, "id");
    if (json_is_string(id) && valid_id(json_string_value(id)) && strlen(json_string_value(id)) < 64)
        set_what(c, "%s %s", kind, json_string_value(id));
    else
        set_what(c, "the %zu%s %s", i + 1, ordinal_suffix(i + 1), kind);
}

static void read_plan_meta(ctx *c, json_t *obj, oap_plan *p)
{
    set_what(c, "\"plan\"");
    check_keys(c, obj, plan_keys, (const char *const[]){"id", "priority", "title", NULL});
    p->id = get_id(c, obj, "id", "plan");
    p->priority = get_string(c, obj, "priority");
    if (p->priority && !*p->priority) {
        int saved = push(c, "priority");
        report(c, "schema", 0, "\"priority\" of \"plan\" must not be empty");
        pop(c, saved);
        p->priority = NULL;
    }
    p->title = get_required(c, obj, "title");
    p->aim = get_string(c, obj, "aim");
    p->cycle = get_string(c, obj, "cycle");
    p->document = get_string(c, obj, "document");
    p->classification = get_string(c, obj, "classification");
    p->driver = get_string(c, obj, "driver");
    p->support = get_strv(c, obj, "support");
    json_t *year = json_object_get(obj, "year");
    if (year) {
        int saved = push(c, "year");
        if (!json_is_integer(year))
            report(c, "schema", 0, "\"year\" of \"plan\" must be an integer such as 2012, not %s",
                   oap_json_type_name(year));
        else if (json_integer_value(year) < 1900 || json_integer_value(year) > 2200)
            report(c, "schema", 0,
                   "\"year\" of \"plan\" must be a year between 1900 and 2200, not %lld",
                   (long long)json_integer_value(year));
        else
            p->year = (int)json_integer_value(year);
        pop(c, saved);
    }
}

static void read_overlaps(ctx *c, json_t *arr, oap_plan *p)
{
    size_t n = json_array_size(arr);
    p->overlaps = oap_arena_alloc(c->arena, (n ? n : 1) * sizeof *p->overlaps);
    if (!p->overlaps) {
        c->oom = 1;
        return;
    }
    int saved = push(c, "overlaps");
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i);
        int inner = push_index(c, i);
        if (item_is_object(c, o, "overlaps", i)) {
            set_what(c, "the %zu%s overlap", i + 1, ordinal_suffix(i + 1));
            check_keys(c, o, overlap_keys, (const char *const[]){"priority", NULL});
            oap_overlap *ov = &p->overlaps[p->noverlaps];
            memset(ov, 0, sizeof *ov);
            ov->priority = get_string(c, o, "priority");
            ov->note = get_string(c, o, "note");
            if (ov->priority)
                p->noverlaps++;
        }
        pop(c, inner);
    }
    pop(c, saved);
}

static void read_goals(ctx *c, json_t *arr, oap_plan *p, const char *scope)
{
    size_t n = json_array_size(arr);
    oap_strmap seen = OAP_STRMAP_INIT;
    p->goals = oap_arena_alloc(c->arena, (n ? n : 1) * sizeof *p->goals);
    if (!p->goals) {
        c->oom = 1;
        return;
    }
    int saved = push(c, "goals");
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i);
        int inner = push_index(c, i);
        if (item_is_object(c, o, "goals", i)) {
            name_item(c, o, "goal", i);
            check_keys(c, o, goal_keys, (const char *const[]){"id", "title", NULL});
            oap_goal *g = &p->goals[p->ngoals];
            memset(g, 0, sizeof *g);
            g->at = (uint32_t)i;
            g->id = get_id(c, o, "id", "goal");
            g->title = get_required(c, o, "title");
            if (g->id) {
                check_unique(c, &seen, g->id, (uint32_t)i, "goal", scope);
                p->ngoals++;
            }
        }
        pop(c, inner);
    }
    pop(c, saved);
    oap_strmap_free(&seen);
}

static void read_phases(ctx *c, json_t *arr, oap_action *a, const char *action_what)
{
    size_t n = json_array_size(arr);
    oap_strmap seen = OAP_STRMAP_INIT;
    char scope[160];
    snprintf(scope, sizeof scope, "%s", action_what);
    a->phases = oap_arena_alloc(c->arena, (n ? n : 1) * sizeof *a->phases);
    if (!a->phases) {
        c->oom = 1;
        return;
    }
    int saved = push(c, "phases");
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i);
        int inner = push_index(c, i);
        if (item_is_object(c, o, "phases", i)) {
            name_item(c, o, "phase", i);
            size_t len = strlen(c->what);
            snprintf(c->what + len, sizeof c->what - len, " of %s", scope);
            check_keys(c, o, phase_keys, (const char *const[]){"id", NULL});
            oap_phase *ph = &a->phases[a->nphases];
            memset(ph, 0, sizeof *ph);
            ph->at = (uint32_t)i;
            ph->id = get_id(c, o, "id", "phase");
            ph->timing = get_string(c, o, "timing");
            ph->window = get_window(c, o);
            ph->needs = get_strv(c, o, "needs");
            if (ph->id) {
                check_unique(c, &seen, ph->id, (uint32_t)i, "phase", scope);
                a->nphases++;
            }
        }
        pop(c, inner);
    }
    pop(c, saved);
    oap_strmap_free(&seen);
}

static void read_results(ctx *c, json_t *o, oap_action *a)
{
    int saved = push(c, "results");
    if (!json_is_object(o)) {
        report(c, "schema", 0, "\"results\" of %s must be an object, not %s", c->what,
               oap_json_type_name(o));
        pop(c, saved);
        return;
    }
    char outer[sizeof c->what];
    memcpy(outer, c->what, sizeof outer);
    set_what(c, "the results of %s", outer);
    check_keys(c, o, results_keys, NULL);
    a->results.june = get_string(c, o, "june");
    a->results.december = get_string(c, o, "december");
    a->results.status = get_string(c, o, "status");
    if (a->results.status && !oap_json_in_list(a->results.status, result_statuses)) {
        int inner = push(c, "status");
        report(c, "schema", 0,
               "\"status\" of %s must be one of planned, ongoing, completed, continue, "
               "not-completed, cancelled, unclear; not \"%s\"",
               c->what, a->results.status);
        pop(c, inner);
        a->results.status = NULL;
    }
    a->has_results = 1;
    memcpy(c->what, outer, sizeof outer);
    pop(c, saved);
}

static void read_action(ctx *c, json_t *o, oap_action *a, size_t i)
{
    name_item(c, o, "action", i);
    check_keys(c, o, action_keys, (const char *const[]){"id", "goal", "title", "leaders", NULL});
    a->id = get_id(c, o, "id", "action");
    a->goal = get_required(c, o, "goal");
    a->title = get_required(c, o, "title");
    a->leaders = get_strv(c, o, "leaders");
    json_t *leaders = json_object_get(o, "leaders");
    if (json_is_array(leaders) && json_array_size(leaders) == 0) {
        int saved = push(c, "leaders");
        report(c, "schema", 0, "\"leaders\" of %s must name at least one leader", c->what);
        pop(c, saved);
    }
    a->participants = get_strv(c, o, "participants");
    a->description = get_string(c, o, "description");
    a->refs = get_strv(c, o, "refs");
    a->needs = get_strv(c, o, "needs");
    a->timing = get_string(c, o, "timing");
    a->window = get_window(c, o);
    a->target = get_string(c, o, "target");
    a->kpis = get_strv(c, o, "kpis");
    a->notes = get_strv(c, o, "notes");
    a->link = get_string(c, o, "link");
    json_t *results = json_object_get(o, "results");
    if (results)
        read_results(c, results, a);
    json_t *phases = get_array(c, o, "phases", "phase objects");
    if (phases) {
        char action_what[sizeof c->what];
        memcpy(action_what, c->what, sizeof action_what);
        read_phases(c, phases, a, action_what);
        memcpy(c->what, action_what, sizeof action_what);
    }
}

static void read_actions(ctx *c, json_t *arr, oap_plan *p, const char *scope)
{
    size_t n = json_array_size(arr);
    if (n > c->limits->max_actions) {
        int saved = push(c, "actions");
        report(c, "limit", 0,
               "%s has %zu actions; this run reads plans of at most %zu actions, so it is "
               "not checked",
               scope, n, c->limits->max_actions);
        pop(c, saved);
        c->reject = 1;
        return;
    }
    oap_strmap seen = OAP_STRMAP_INIT;
    p->actions = oap_arena_alloc(c->arena, (n ? n : 1) * sizeof *p->actions);
    if (!p->actions) {
        c->oom = 1;
        return;
    }
    int saved = push(c, "actions");
    for (size_t i = 0; i < n && !c->oom; i++) {
        json_t *o = json_array_get(arr, i);
        int inner = push_index(c, i);
        if (item_is_object(c, o, "actions", i)) {
            oap_action *a = &p->actions[p->nactions];
            /* The slot of an item left out (no id) is used again: nothing of it may stay. */
            memset(a, 0, sizeof *a);
            a->at = (uint32_t)i;
            read_action(c, o, a, i);
            if (a->id) {
                check_unique(c, &seen, a->id, (uint32_t)i, "action", scope);
                p->nactions++;
            }
        }
        pop(c, inner);
    }
    pop(c, saved);
    oap_strmap_free(&seen);
}

static void read_actors(ctx *c, json_t *arr, oap_plan *p)
{
    size_t n = json_array_size(arr);
    p->actors = oap_arena_alloc(c->arena, (n ? n : 1) * sizeof *p->actors);
    if (!p->actors) {
        c->oom = 1;
        return;
    }
    int saved = push(c, "actors");
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i);
        int inner = push_index(c, i);
        if (item_is_object(c, o, "actors", i)) {
            set_what(c, "the %zu%s actor", i + 1, ordinal_suffix(i + 1));
            check_keys(c, o, actor_keys, (const char *const[]){"code", NULL});
            oap_actor_decl *d = &p->actors[p->nactors];
            memset(d, 0, sizeof *d);
            d->code = get_string(c, o, "code");
            d->name = get_string(c, o, "name");
            d->kind = get_string(c, o, "kind");
            if (d->kind && oap_actor_kind_parse(d->kind) < 0) {
                char kinds[160];
                oap_actor_kinds_list(kinds, sizeof kinds, ", ");
                int k = push(c, "kind");
                report(c, "schema", 0, "\"kind\" of %s must be one of %s; not \"%s\"", c->what,
                       kinds, d->kind);
                pop(c, k);
                d->kind = NULL;
            }
            if (d->code)
                p->nactors++;
        }
        pop(c, inner);
    }
    pop(c, saved);
}

size_t oap_load_bom_length(const char *text, size_t len)
{
    return len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
                   (unsigned char)text[2] == 0xBF
               ? 3
               : 0;
}

/* Reports jansson's parse error as a finding at its line and column. jansson counts the
 * column of the last character it read: right for a bad token, one short for a byte
 * that is not UTF-8, and at the end of the key for a duplicate key, where a person wants
 * its start. Those two are placed from the byte offset instead. */
static void report_parse_error(ctx *c, const json_error_t *err, const char *text, size_t len)
{
    enum json_error_code code = json_error_code(err);
    size_t at = err->position > 0 ? (size_t)err->position : 0;
    c->where.line = err->line > 0 ? (unsigned)err->line : 1;
    c->where.col = err->column > 0 ? (unsigned)err->column : 1;
    if (code == json_error_invalid_utf8 && at <= len)
        oap_srcmap_offset(text, len, at, &c->where.line, &c->where.col);
    if (code == json_error_duplicate_key && at >= 2 && at <= len && text[at - 1] == '"') {
        size_t start = at - 1; /* the key's closing quote; find its opening one */
        while (start > 0 && !(text[start - 1] == '"' && (start < 2 || text[start - 2] != '\\')))
            start--;
        size_t key_len = at - start - 1;
        oap_srcmap_offset(text, len, start - 1, &c->where.line, &c->where.col);
        report(c, "schema", 0,
               "duplicate key \"%.*s\" in one object; JSON readers silently keep only the "
               "last value",
               (int)(key_len > 200 ? 200 : key_len), text + start);
    } else if (code == json_error_duplicate_key) {
        report(c, "schema", 0,
               "duplicate key in one object (%s); JSON readers silently keep only the last value",
               err->text);
    } else {
        report(c, "syntax", 0, "not valid JSON: %s", err->text);
    }
    c->where.line = c->where.col = 0;
}

/* The byte offset where nesting first goes deeper than max, or len when it never does:
 * one pass over the text, strings skipped. Only run when the limit is below jansson's. */
static size_t too_deep_at(const char *text, size_t len, size_t max)
{
    size_t depth = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        if (ch == '"') {
            for (i++; i < len && text[i] != '"'; i++)
                if (text[i] == '\\')
                    i++;
        } else if (ch == '[' || ch == '{') {
            if (++depth > max)
                return i;
        } else if ((ch == ']' || ch == '}') && depth > 0) {
            depth--;
        }
    }
    return len;
}

int oap_load_json(oap_model *model, const char *file, unsigned file_index, const char *text,
                  size_t len, const oap_load_limits *limits, oap_diags *diags, oap_plan **out)
{
    ctx c = {.arena = &model->arena, .limits = limits, .diags = diags};
    c.where.file = file;
    c.where.file_index = file_index;
    c.pointer[0] = '\0';
    *out = NULL;

    size_t bom = oap_load_bom_length(text, len);
    if (len > limits->max_file_bytes) {
        c.where.line = c.where.col = 1;
        report(&c, "limit", 0,
               "the file is %zu bytes; this run reads plan files of at most %zu bytes", len,
               limits->max_file_bytes);
        return c.oom ? OAP_ENOMEM : 0;
    }
    if (limits->max_depth < 2048) {
        size_t at = too_deep_at(text + bom, len - bom, limits->max_depth);
        if (at < len - bom) {
            oap_srcmap_offset(text + bom, len - bom, at, &c.where.line, &c.where.col);
            report(&c, "limit", 0,
                   "arrays and objects nest deeper than %zu here; this run reads no deeper",
                   limits->max_depth);
            return c.oom ? OAP_ENOMEM : 0;
        }
    }
    json_error_t err;
    json_t *root = json_loadb(text + bom, len - bom, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        report_parse_error(&c, &err, text + bom, len - bom);
        return c.oom ? OAP_ENOMEM : 0;
    }
    set_what(&c, "the plan file");
    if (!json_is_object(root)) {
        report(&c, "schema", 0,
               "a plan file must be a JSON object with \"oapgraph\", \"plan\", \"goals\" and "
               "\"actions\", not %s",
               oap_json_type_name(root));
        goto done;
    }
    check_keys(&c, root, top_keys,
               (const char *const[]){"oapgraph", "plan", "goals", "actions", NULL});

    oap_plan plan = {0};
    plan.file = oap_arena_strdup(c.arena, file);
    plan.file_index = file_index;
    plan.schema = get_string(&c, root, "$schema");
    json_t *version = json_object_get(root, "oapgraph");
    if (version) {
        int saved = push(&c, "oapgraph");
        if (!json_is_integer(version))
            report(&c, "schema", 0,
                   "\"oapgraph\" must be the format version, the integer 1, not %s",
                   oap_json_type_name(version));
        else if (json_integer_value(version) != 1)
            report(&c, "schema", 0,
                   "format version %lld is not known; this oapgraph reads version 1",
                   (long long)json_integer_value(version));
        else
            plan.version = 1;
        pop(&c, saved);
    }

    json_t *meta = json_object_get(root, "plan");
    if (meta) {
        int saved = push(&c, "plan");
        if (!json_is_object(meta))
            report(&c, "schema", 0, "\"plan\" must be an object, not %s", oap_json_type_name(meta));
        else
            read_plan_meta(&c, meta, &plan);
        pop(&c, saved);
    }
    c.where.plan = plan.id;
    char scope[160];
    if (plan.id)
        snprintf(scope, sizeof scope, "plan %s", plan.id);
    else
        snprintf(scope, sizeof scope, "this plan");

    json_t *arr;
    if ((arr = get_array(&c, root, "overlaps", "overlap objects")))
        read_overlaps(&c, arr, &plan);
    if ((arr = get_array(&c, root, "goals", "goal objects")))
        read_goals(&c, arr, &plan, scope);
    if ((arr = get_array(&c, root, "actions", "action objects")))
        read_actions(&c, arr, &plan, scope);
    if ((arr = get_array(&c, root, "actors", "actor objects")))
        read_actors(&c, arr, &plan);

    if (!c.oom && !c.reject && plan.id && plan.priority) {
        oap_plan *p = oap_model_add_plan(model);
        if (!p)
            c.oom = 1;
        else {
            *p = plan;
            *out = p;
        }
    }
done:
    json_decref(root);
    return c.oom ? OAP_ENOMEM : 0;
}
