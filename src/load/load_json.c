/* load_json: one plan file's JSON text -> a plan of the model, with loader findings. */
#include "load_json.h"

#include "oapgraph/common.h"
#include "core/actors.h"
#include "core/strmap.h"
#include "core/timing.h"
#include "srcmap.h"

#include "json_reader.h"
#include "json_util.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* The keys the format defines, per object; NULL-terminated. */
static const char *const top_keys[] = {"$schema", "oapgraph", "plan",   "overlaps",
                                       "goals",   "actions",  "actors", NULL};
static const char *const plan_keys[] = {
    "id",    "priority", "title",          "aim",    "year",    "period",
    "cycle", "document", "classification", "driver", "support", NULL};
static const char *const overlap_keys[] = {"priority", "note", NULL};
static const char *const goal_keys[] = {"id", "title", NULL};
static const char *const action_keys[] = {
    "id",   "goal",    "title",  "leaders", "participants", "description",
    "refs", "needs",   "phases", "timing",  "window",       "target",
    "kpis", "results", "notes",  "link",    "continues",    NULL};
static const char *const phase_keys[] = {"id", "timing", "window", "needs", NULL};
static const char *const results_keys[] = {"june", "december", "status", NULL};
static const char *const actor_keys[] = {"code", "name", "kind", NULL};

static const char *const result_statuses[] = {"planned",       "ongoing",   "completed", "continue",
                                              "not-completed", "cancelled", "unclear",   NULL};

/* A plan being read: the reader, and what this run allows. */
typedef struct ctx {
    oap_json_reader r;
    const oap_load_limits *limits;
    int reject; /* over a limit: the plan is reported, not checked */
    /* The node being read, as findings name it ("2.1", "2.1#1", "SG2"; "" outside goals
     * and actions or without a usable id), and the action a phase belongs to. */
    char node[160], action[80];
} ctx;

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

/* A required string: "" when absent or wrong (already reported). */
static const char *get_required(ctx *c, json_t *obj, const char *key)
{
    const char *s = oap_json_get_string(&c->r, obj, key);
    return s ? s : "";
}

/* Reads an id member and checks its characters; NULL when absent, wrong or invalid. */
static const char *get_id(ctx *c, json_t *obj, const char *key, const char *kind)
{
    const char *s = oap_json_get_string(&c->r, obj, key);
    if (s && !valid_id(s)) {
        size_t saved = oap_json_push(&c->r, key);
        if (!*s)
            oap_json_report(&c->r, "schema", 0, "%s id must not be empty", kind);
        else
            oap_json_report(&c->r, "schema", 0,
                            "%s id \"%s\" may only contain letters, digits, \".\", \"_\" and \"-\"",
                            kind, s);
        oap_json_pop(&c->r, saved);
        return NULL;
    }
    return s;
}

static oap_month_span get_window(ctx *c, json_t *obj)
{
    oap_month_span w = {0, 0, 0};
    json_t *v = json_object_get(obj, "window");
    if (!v)
        return w;
    size_t saved = oap_json_push(&c->r, "window");
    int start = -1, end = -1;
    if (json_is_array(v) && json_array_size(v) == 2 && json_is_string(json_array_get(v, 0)) &&
        json_is_string(json_array_get(v, 1))) {
        if (oap_timing_parse_month(json_string_value(json_array_get(v, 0)), &start) < 0 ||
            oap_timing_parse_month(json_string_value(json_array_get(v, 1)), &end) < 0)
            start = end = -1;
    }
    if (start < 0 || end < 0)
        oap_json_report(&c->r, "schema", 0,
                        "\"window\" of %s must be two months [\"YYYY-MM\", \"YYYY-MM\"]",
                        c->r.what);
    else if (start > end)
        oap_json_report(&c->r, "schema", 0, "\"window\" of %s ends before it starts", c->r.what);
    else
        w = (oap_month_span){1, start, end};
    oap_json_pop(&c->r, saved);
    return w;
}

/* Checks that an array item is an object; reports it otherwise. */
static int item_is_object(ctx *c, json_t *item, const char *array, size_t i)
{
    if (json_is_object(item))
        return 1;
    oap_json_report(&c->r, "schema", 0, "item %zu of \"%s\" must be an object, not %s", i + 1,
                    array, oap_json_type_name(item));
    return 0;
}

/* Reports the second use of an id within one list of ids. */
static void check_unique(ctx *c, oap_strmap *seen, const char *id, uint32_t index, const char *kind,
                         const char *scope)
{
    uint32_t first;
    int rc = oap_strmap_put(seen, id, index, &first);
    if (rc < 0) {
        c->r.oom = 1;
        return;
    }
    if (rc == 0) {
        size_t saved = oap_json_push(&c->r, "id");
        oap_json_report(&c->r, "duplicate-id", 0,
                        "%s id \"%s\" is used twice in %s: by the %u%s and the %u%s %s", kind, id,
                        scope, first + 1, ordinal_suffix(first + 1), index + 1,
                        ordinal_suffix(index + 1), kind);
        oap_json_pop(&c->r, saved);
    }
}

/* Names an item for messages: `action 2.1`, or `the 3rd action` without a usable id. */
/* Findings from here on are about node ("" for none). */
static void set_node(ctx *c, const char *node)
{
    snprintf(c->node, sizeof c->node, "%s", node);
    c->r.where.node = c->node;
}

/* Names an item for messages (`action 2.1`, or `the 3rd action` without a usable id) and
 * makes it the node of the findings about it. */
static void name_item(ctx *c, json_t *obj, const char *kind, size_t i)
{
    json_t *id = json_object_get(obj, "id");
    int usable =
        json_is_string(id) && valid_id(json_string_value(id)) && strlen(json_string_value(id)) < 64;
    if (usable)
        oap_json_describe(&c->r, "%s %s", kind, json_string_value(id));
    else
        oap_json_describe(&c->r, "the %zu%s %s", i + 1, ordinal_suffix(i + 1), kind);
    const char *s = usable ? json_string_value(id) : "";
    if (strcmp(kind, "phase") == 0) {
        char node[160] = "";
        if (usable && c->action[0])
            snprintf(node, sizeof node, "%s#%s", c->action, s);
        set_node(c, node);
        return;
    }
    if (strcmp(kind, "action") == 0)
        snprintf(c->action, sizeof c->action, "%s", s);
    set_node(c, s);
}

/* "period": [first year, last year], the years a multi-year plan covers; "year", when
 * also given, must be its first. */
static void read_period(ctx *c, json_t *obj, oap_plan *p)
{
    static const char desc[] = "an array of two years such as [2024, 2025]";
    json_t *period = oap_json_get(&c->r, obj, "period", JSON_ARRAY, c->r.what, desc);
    if (!period)
        return;
    size_t saved = oap_json_push(&c->r, "period");
    json_t *first = json_array_get(period, 0), *last = json_array_get(period, 1);
    if (json_array_size(period) != 2 || !json_is_integer(first) || !json_is_integer(last)) {
        oap_json_report(&c->r, "schema", 0, "\"period\" of \"plan\" must be %s", desc);
    } else {
        json_int_t a = json_integer_value(first), b = json_integer_value(last);
        if (a < 1900 || a > 2200 || b < 1900 || b > 2200)
            oap_json_report(&c->r, "schema", 0,
                            "\"period\" of \"plan\" must hold years between 1900 and 2200, not "
                            "%lld and %lld",
                            (long long)a, (long long)b);
        else if (b < a)
            oap_json_report(&c->r, "schema", 0,
                            "\"period\" of \"plan\" ends in %lld, before it starts in %lld",
                            (long long)b, (long long)a);
        else if (p->year && p->year != a)
            oap_json_report(&c->r, "schema", 0,
                            "\"year\" of \"plan\" is %d but \"period\" starts in %lld; give the "
                            "period alone, or its first year as \"year\"",
                            p->year, (long long)a);
        else {
            p->first_year = (int)a;
            p->last_year = (int)b;
        }
    }
    oap_json_pop(&c->r, saved);
}

static void read_plan_meta(ctx *c, json_t *obj, oap_plan *p)
{
    oap_json_describe(&c->r, "\"plan\"");
    oap_json_check_keys(&c->r, obj, plan_keys,
                        (const char *const[]){"id", "priority", "title", NULL});
    p->id = get_id(c, obj, "id", "plan");
    p->priority = oap_json_get_string(&c->r, obj, "priority");
    if (p->priority && !*p->priority) {
        size_t saved = oap_json_push(&c->r, "priority");
        oap_json_report(&c->r, "schema", 0, "\"priority\" of \"plan\" must not be empty");
        oap_json_pop(&c->r, saved);
        p->priority = NULL;
    }
    p->title = get_required(c, obj, "title");
    p->aim = oap_json_get_string(&c->r, obj, "aim");
    p->cycle = oap_json_get_string(&c->r, obj, "cycle");
    p->document = oap_json_get_string(&c->r, obj, "document");
    p->classification = oap_json_get_string(&c->r, obj, "classification");
    p->driver = oap_json_get_string(&c->r, obj, "driver");
    p->support = oap_json_get_strv(&c->r, obj, "support");
    json_t *year =
        oap_json_get(&c->r, obj, "year", JSON_INTEGER, c->r.what, "an integer such as 2012");
    if (year) {
        size_t saved = oap_json_push(&c->r, "year");
        if (json_integer_value(year) < 1900 || json_integer_value(year) > 2200)
            oap_json_report(&c->r, "schema", 0,
                            "\"year\" of \"plan\" must be a year between 1900 and 2200, not %lld",
                            (long long)json_integer_value(year));
        else
            p->year = (int)json_integer_value(year);
        oap_json_pop(&c->r, saved);
    }
    p->first_year = p->last_year = p->year;
    read_period(c, obj, p);
}

static void read_overlaps(ctx *c, json_t *arr, oap_plan *p)
{
    size_t n = json_array_size(arr);
    p->overlaps = oap_arena_alloc(c->r.arena, (n ? n : 1) * sizeof *p->overlaps);
    if (!p->overlaps) {
        c->r.oom = 1;
        return;
    }
    size_t saved = oap_json_push(&c->r, "overlaps");
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i);
        size_t inner = oap_json_push_index(&c->r, i);
        if (item_is_object(c, o, "overlaps", i)) {
            oap_json_describe(&c->r, "the %zu%s overlap", i + 1, ordinal_suffix(i + 1));
            oap_json_check_keys(&c->r, o, overlap_keys, (const char *const[]){"priority", NULL});
            oap_overlap *ov = &p->overlaps[p->noverlaps];
            memset(ov, 0, sizeof *ov);
            ov->priority = oap_json_get_string(&c->r, o, "priority");
            ov->note = oap_json_get_string(&c->r, o, "note");
            if (ov->priority)
                p->noverlaps++;
        }
        oap_json_pop(&c->r, inner);
    }
    oap_json_pop(&c->r, saved);
}

static void read_goals(ctx *c, json_t *arr, oap_plan *p, const char *scope)
{
    size_t n = json_array_size(arr);
    oap_strmap seen = OAP_STRMAP_INIT;
    p->goals = oap_arena_alloc(c->r.arena, (n ? n : 1) * sizeof *p->goals);
    if (!p->goals) {
        c->r.oom = 1;
        return;
    }
    size_t saved = oap_json_push(&c->r, "goals");
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i);
        size_t inner = oap_json_push_index(&c->r, i);
        if (item_is_object(c, o, "goals", i)) {
            name_item(c, o, "goal", i);
            oap_json_check_keys(&c->r, o, goal_keys, (const char *const[]){"id", "title", NULL});
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
        oap_json_pop(&c->r, inner);
    }
    oap_json_pop(&c->r, saved);
    oap_strmap_free(&seen);
    set_node(c, "");
}

static void read_phases(ctx *c, json_t *arr, oap_action *a, const char *action_what)
{
    size_t n = json_array_size(arr);
    oap_strmap seen = OAP_STRMAP_INIT;
    char scope[160];
    snprintf(scope, sizeof scope, "%s", action_what);
    a->phases = oap_arena_alloc(c->r.arena, (n ? n : 1) * sizeof *a->phases);
    if (!a->phases) {
        c->r.oom = 1;
        return;
    }
    size_t saved = oap_json_push(&c->r, "phases");
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i);
        size_t inner = oap_json_push_index(&c->r, i);
        if (item_is_object(c, o, "phases", i)) {
            name_item(c, o, "phase", i);
            size_t len = strlen(c->r.what);
            snprintf(c->r.what + len, sizeof c->r.what - len, " of %s", scope);
            oap_json_check_keys(&c->r, o, phase_keys, (const char *const[]){"id", NULL});
            oap_phase *ph = &a->phases[a->nphases];
            memset(ph, 0, sizeof *ph);
            ph->at = (uint32_t)i;
            ph->id = get_id(c, o, "id", "phase");
            ph->timing = oap_json_get_string(&c->r, o, "timing");
            ph->window = get_window(c, o);
            ph->needs = oap_json_get_strv(&c->r, o, "needs");
            if (ph->id) {
                check_unique(c, &seen, ph->id, (uint32_t)i, "phase", scope);
                a->nphases++;
            }
        }
        oap_json_pop(&c->r, inner);
    }
    oap_json_pop(&c->r, saved);
    oap_strmap_free(&seen);
    set_node(c, c->action);
}

static void read_results(ctx *c, json_t *o, oap_action *a)
{
    size_t saved = oap_json_push(&c->r, "results");
    char outer[sizeof c->r.what];
    memcpy(outer, c->r.what, sizeof outer);
    oap_json_describe(&c->r, "the results of %s", outer);
    oap_json_check_keys(&c->r, o, results_keys, NULL);
    a->results.june = oap_json_get_string(&c->r, o, "june");
    a->results.december = oap_json_get_string(&c->r, o, "december");
    a->results.status = oap_json_get_string(&c->r, o, "status");
    if (a->results.status && !oap_json_in_list(a->results.status, result_statuses)) {
        size_t inner = oap_json_push(&c->r, "status");
        oap_json_report(&c->r, "schema", 0,
                        "\"status\" of %s must be one of planned, ongoing, completed, continue, "
                        "not-completed, cancelled, unclear; not \"%s\"",
                        c->r.what, a->results.status);
        oap_json_pop(&c->r, inner);
        a->results.status = NULL;
    }
    a->has_results = 1;
    memcpy(c->r.what, outer, sizeof outer);
    oap_json_pop(&c->r, saved);
}

static void read_action(ctx *c, json_t *o, oap_action *a, size_t i)
{
    name_item(c, o, "action", i);
    oap_json_check_keys(&c->r, o, action_keys,
                        (const char *const[]){"id", "goal", "title", "leaders", NULL});
    a->id = get_id(c, o, "id", "action");
    a->goal = get_required(c, o, "goal");
    a->title = get_required(c, o, "title");
    a->leaders = oap_json_get_strv(&c->r, o, "leaders");
    json_t *leaders = json_object_get(o, "leaders");
    if (json_is_array(leaders) && json_array_size(leaders) == 0) {
        size_t saved = oap_json_push(&c->r, "leaders");
        oap_json_report(&c->r, "schema", 0, "\"leaders\" of %s must name at least one leader",
                        c->r.what);
        oap_json_pop(&c->r, saved);
    }
    a->participants = oap_json_get_strv(&c->r, o, "participants");
    a->description = oap_json_get_string(&c->r, o, "description");
    a->refs = oap_json_get_strv(&c->r, o, "refs");
    a->needs = oap_json_get_strv(&c->r, o, "needs");
    a->timing = oap_json_get_string(&c->r, o, "timing");
    a->window = get_window(c, o);
    a->target = oap_json_get_string(&c->r, o, "target");
    a->kpis = oap_json_get_strv(&c->r, o, "kpis");
    a->notes = oap_json_get_strv(&c->r, o, "notes");
    a->link = oap_json_get_string(&c->r, o, "link");
    a->continues = oap_json_get_string(&c->r, o, "continues");
    json_t *results = oap_json_get(&c->r, o, "results", JSON_OBJECT, c->r.what, "an object");
    if (results)
        read_results(c, results, a);
    json_t *phases =
        oap_json_get(&c->r, o, "phases", JSON_ARRAY, NULL, "an array of phase objects");
    if (phases) {
        char action_what[sizeof c->r.what];
        memcpy(action_what, c->r.what, sizeof action_what);
        read_phases(c, phases, a, action_what);
        memcpy(c->r.what, action_what, sizeof action_what);
    }
}

static void read_actions(ctx *c, json_t *arr, oap_plan *p, const char *scope)
{
    size_t n = json_array_size(arr);
    if (n > c->limits->max_actions) {
        size_t saved = oap_json_push(&c->r, "actions");
        oap_json_report(&c->r, "limit", 0,
                        "%s has %zu actions; this run reads plans of at most %zu actions, so it is "
                        "not checked",
                        scope, n, c->limits->max_actions);
        oap_json_pop(&c->r, saved);
        c->reject = 1;
        return;
    }
    oap_strmap seen = OAP_STRMAP_INIT;
    p->actions = oap_arena_alloc(c->r.arena, (n ? n : 1) * sizeof *p->actions);
    if (!p->actions) {
        c->r.oom = 1;
        return;
    }
    size_t saved = oap_json_push(&c->r, "actions");
    for (size_t i = 0; i < n && !c->r.oom; i++) {
        json_t *o = json_array_get(arr, i);
        size_t inner = oap_json_push_index(&c->r, i);
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
        oap_json_pop(&c->r, inner);
    }
    oap_json_pop(&c->r, saved);
    oap_strmap_free(&seen);
    set_node(c, "");
}

static void read_actors(ctx *c, json_t *arr, oap_plan *p)
{
    size_t n = json_array_size(arr);
    p->actors = oap_arena_alloc(c->r.arena, (n ? n : 1) * sizeof *p->actors);
    if (!p->actors) {
        c->r.oom = 1;
        return;
    }
    size_t saved = oap_json_push(&c->r, "actors");
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i);
        size_t inner = oap_json_push_index(&c->r, i);
        if (item_is_object(c, o, "actors", i)) {
            oap_json_describe(&c->r, "the %zu%s actor", i + 1, ordinal_suffix(i + 1));
            oap_json_check_keys(&c->r, o, actor_keys, (const char *const[]){"code", NULL});
            oap_actor_decl *d = &p->actors[p->nactors];
            memset(d, 0, sizeof *d);
            d->code = oap_json_get_string(&c->r, o, "code");
            d->name = oap_json_get_string(&c->r, o, "name");
            d->kind = oap_json_get_string(&c->r, o, "kind");
            if (d->kind && oap_actor_kind_parse(d->kind) < 0) {
                char kinds[160];
                oap_actor_kinds_list(kinds, sizeof kinds, ", ");
                size_t k = oap_json_push(&c->r, "kind");
                oap_json_report(&c->r, "schema", 0, "\"kind\" of %s must be one of %s; not \"%s\"",
                                c->r.what, kinds, d->kind);
                oap_json_pop(&c->r, k);
                d->kind = NULL;
            }
            if (d->code)
                p->nactors++;
        }
        oap_json_pop(&c->r, inner);
    }
    oap_json_pop(&c->r, saved);
}

size_t oap_load_bom_length(const char *text, size_t len)
{
    return len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
                   (unsigned char)text[2] == 0xBF
               ? 3
               : 0;
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
    ctx c = {.limits = limits};
    oap_json_init_findings(&c.r, file, file_index, text, len, &model->arena, diags);
    c.r.max_string = limits->max_string_bytes;
    json_t *root = NULL;
    *out = NULL;

    if (len > limits->max_file_bytes) {
        oap_json_report_at(&c.r, "limit", 1, 1,
                           "the file is %zu bytes; this run reads plan files of at most %zu bytes",
                           len, limits->max_file_bytes);
        goto done;
    }
    if (limits->max_depth < 2048) {
        size_t at = too_deep_at(c.r.text, c.r.len, limits->max_depth);
        if (at < c.r.len) {
            unsigned line, col;
            oap_srcmap_offset(c.r.text, c.r.len, at, &line, &col);
            oap_json_report_at(&c.r, "limit", line, col,
                               "arrays and objects nest deeper than %zu here; this run reads no "
                               "deeper",
                               limits->max_depth);
            goto done;
        }
    }
    if (!(root = oap_json_parse(&c.r)))
        goto done;
    oap_json_describe(&c.r, "the plan file");
    if (!json_is_object(root)) {
        oap_json_report(&c.r, "schema", 0,
                        "a plan file must be a JSON object with \"oapgraph\", \"plan\", \"goals\" "
                        "and \"actions\", not %s",
                        oap_json_type_name(root));
        goto done;
    }
    oap_json_check_keys(&c.r, root, top_keys,
                        (const char *const[]){"oapgraph", "plan", "goals", "actions", NULL});

    oap_plan plan = {0};
    plan.file = oap_arena_strdup(c.r.arena, file);
    plan.file_index = file_index;
    plan.schema = oap_json_get_string(&c.r, root, "$schema");
    json_t *version = oap_json_get(&c.r, root, "oapgraph", JSON_INTEGER, NULL,
                                   "the format version, the integer 1");
    if (version) {
        size_t saved = oap_json_push(&c.r, "oapgraph");
        if (json_integer_value(version) != 1)
            oap_json_report(&c.r, "schema", 0,
                            "format version %lld is not known; this oapgraph reads version 1",
                            (long long)json_integer_value(version));
        else
            plan.version = 1;
        oap_json_pop(&c.r, saved);
    }

    json_t *meta = oap_json_get(&c.r, root, "plan", JSON_OBJECT, NULL, "an object");
    if (meta) {
        size_t saved = oap_json_push(&c.r, "plan");
        read_plan_meta(&c, meta, &plan);
        oap_json_pop(&c.r, saved);
    }
    c.r.where.plan = plan.id;
    char scope[160];
    if (plan.id)
        snprintf(scope, sizeof scope, "plan %s", plan.id);
    else
        snprintf(scope, sizeof scope, "this plan");

    json_t *arr;
    if ((arr =
             oap_json_get(&c.r, root, "overlaps", JSON_ARRAY, NULL, "an array of overlap objects")))
        read_overlaps(&c, arr, &plan);
    if ((arr = oap_json_get(&c.r, root, "goals", JSON_ARRAY, NULL, "an array of goal objects")))
        read_goals(&c, arr, &plan, scope);
    if ((arr = oap_json_get(&c.r, root, "actions", JSON_ARRAY, NULL, "an array of action objects")))
        read_actions(&c, arr, &plan, scope);
    if ((arr = oap_json_get(&c.r, root, "actors", JSON_ARRAY, NULL, "an array of actor objects")))
        read_actors(&c, arr, &plan);

    if (!c.r.oom && !c.reject && plan.id && plan.priority) {
        oap_plan *p = oap_model_add_plan(model);
        if (!p)
            c.r.oom = 1;
        else {
            *p = plan;
            *out = p;
        }
    }
done:
    json_decref(root);
    return c.r.oom ? OAP_ENOMEM : 0;
}
