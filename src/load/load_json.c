/* load_json: one plan file's JSON text -> a plan of the model, with loader findings. */
#include "load_json.h"

#include "oapgraph/common.h"
#include "core/actors.h"
#include "core/strmap.h"
#include "core/suggest.h"
#include "core/timing.h"
#include "srcmap.h"

#include "format.h"
#include "load_cycle.h"
#include "json_reader.h"
#include "json_util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The keys the format defines, per object; NULL-terminated. */
static const char *const top_keys[] = {"$schema", "oapgraph", "plan",   "overlaps",
                                       "goals",   "actions",  "actors", NULL};
static const char *const plan_keys[] = {
    "id",       "priority",       "title",  "aim",     "year",     "period", "cycle",
    "document", "classification", "driver", "support", "revision", "status", "validated_on",
    NULL};
static const char *const overlap_keys[] = {"priority", "note", NULL};
/* x-oapgraph-ignore: rule ids whose findings on the node are not reported (see
 * checks/ignore.c); the one key of the x-oapgraph- prefix the format reserves. */
#define IGNORE_KEY "x-oapgraph-ignore"
static const char *const goal_keys[] = {"id", "title", "common", IGNORE_KEY, NULL};
static const char *const action_keys[] = {
    "id",        "goal",      "title",  "leaders", "participants", "description", "refs",  "needs",
    "phases",    "timing",    "window", "target",  "kpis",         "results",     "notes", "link",
    "continues", "coleaders", "jads",   "grant",   IGNORE_KEY,     NULL};
static const char *const phase_keys[] = {"id", "timing", "window", "needs", NULL};
static const char *const results_keys[] = {"june", "december", "status", NULL};
static const char *const round_keys[] = {"round", "status", "text", "values", NULL};
static const char *const kpi_keys[] = {"indicator", "target", "unit", NULL};
static const char *const grant_keys[] = {"amount", "currency", "beneficiary", "source", NULL};
static const char *const actor_keys[] = {"code", "name", "kind", NULL};

static const char *const plan_statuses[] = {"draft", "submitted", "validated", NULL};
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

/* A required string: "" when absent or wrong (already reported). */
static const char *get_required(ctx *c, json_t *obj, const char *key)
{
    const char *s = oap_json_get_string(&c->r, obj, key);
    return s ? s : "";
}

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
    const char *s = oap_format_name_item(&c->r, obj, "id", kind, i);
    if (strcmp(kind, "phase") == 0) {
        char node[160] = "";
        if (*s && c->action[0])
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
    int first, last;
    if (!oap_format_get_years(&c->r, obj, "period", "[2024, 2025]", &first, &last))
        return;
    if (p->year && p->year != first) {
        size_t saved = oap_json_push(&c->r, "period");
        oap_json_report(&c->r, "schema", 0,
                        "\"year\" of \"plan\" is %d but \"period\" starts in %d; give the "
                        "period alone, or its first year as \"year\"",
                        p->year, first);
        oap_json_pop(&c->r, saved);
        return;
    }
    p->first_year = first;
    p->last_year = last;
}

/* 1 when s is a day written YYYY-MM-DD, -1 when it is not written so, 0 when it is but
 * the day does not exist (2023-02-29). */
static int read_day(const char *s)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
            return -1;
    if (s[10])
        return -1;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m == 2 && leap);
}

/* "status" and "validated_on": where the plan stands, and the day COSI validated it,
 * which a validated plan gives and no other does. */
static void read_plan_status(ctx *c, json_t *obj, oap_plan *p)
{
    p->status = oap_json_get_string(&c->r, obj, "status");
    if (p->status && !oap_json_in_list(p->status, plan_statuses)) {
        const char *near = oap_suggest_nearest(p->status, plan_statuses, 3);
        size_t saved = oap_json_push(&c->r, "status");
        oap_json_report(&c->r, "schema", 0,
                        "\"status\" of \"plan\" must be one of draft, submitted, validated; not "
                        "\"%s\"%s%s%s",
                        p->status, near ? "; did you mean \"" : "", near ? near : "",
                        near ? "\"?" : "");
        oap_json_pop(&c->r, saved);
        p->status = NULL;
    }
    p->validated_on = oap_json_get_string(&c->r, obj, "validated_on");
    if (p->validated_on) {
        size_t saved = oap_json_push(&c->r, "validated_on");
        int day = read_day(p->validated_on);
        if (day <= 0) {
            if (day < 0)
                oap_json_report(&c->r, "schema", 0,
                                "\"validated_on\" of \"plan\" must be a day written YYYY-MM-DD, "
                                "such as \"2023-12-05\"; not \"%s\"",
                                p->validated_on);
            else
                oap_json_report(&c->r, "schema", 0,
                                "\"validated_on\" of \"plan\" is %s, a day that does not exist",
                                p->validated_on);
            p->validated_on = NULL;
        } else if (!json_object_get(obj, "status")) {
            oap_json_report(&c->r, "schema", 0,
                            "\"plan\" gives \"validated_on\" but no \"status\"; a plan COSI "
                            "validated has \"status\": \"validated\"");
        } else if (p->status && strcmp(p->status, "validated") != 0) {
            oap_json_report(&c->r, "schema", 0,
                            "\"plan\" gives \"validated_on\" but its \"status\" is \"%s\"; "
                            "only a validated plan has the day it was validated",
                            p->status);
        }
        oap_json_pop(&c->r, saved);
    }
    if (p->status && strcmp(p->status, "validated") == 0 && !json_object_get(obj, "validated_on"))
        oap_json_report(&c->r, "schema", 0,
                        "\"plan\" is \"validated\" but gives no \"validated_on\", the day COSI "
                        "validated it (\"YYYY-MM-DD\")");
}

static void read_plan_meta(ctx *c, json_t *obj, oap_plan *p)
{
    oap_json_describe(&c->r, "\"plan\"");
    /* A plan without years reads no timing at all (a period gives years too): the one
     * misspelling that silences every timing check says so. */
    oap_json_check_keys_why(
        &c->r, obj, plan_keys, (const char *const[]){"id", "priority", "title", NULL}, "year",
        json_object_get(obj, "period") ? NULL
                                       : "without a year, no timing of this plan is checked");
    p->id = oap_format_get_id(&c->r, obj, "id", "plan");
    p->priority = oap_format_get_word(&c->r, obj, "priority");
    p->title = get_required(c, obj, "title");
    p->aim = oap_json_get_string(&c->r, obj, "aim");
    p->cycle = oap_json_get_string(&c->r, obj, "cycle");
    p->document = oap_json_get_string(&c->r, obj, "document");
    p->classification = oap_json_get_string(&c->r, obj, "classification");
    p->driver = oap_json_get_string(&c->r, obj, "driver");
    p->support = oap_json_get_strv(&c->r, obj, "support");
    p->revision = oap_json_get_string(&c->r, obj, "revision");
    read_plan_status(c, obj, p);
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
        if (oap_format_is_object(&c->r, o, "overlaps", i)) {
            oap_json_describe(&c->r, "the %zu%s overlap", i + 1, oap_format_ordinal(i + 1));
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
        if (oap_format_is_object(&c->r, o, "goals", i)) {
            name_item(c, o, "goal", i);
            oap_json_check_keys(&c->r, o, goal_keys, (const char *const[]){"id", "title", NULL});
            oap_goal *g = &p->goals[p->ngoals];
            memset(g, 0, sizeof *g);
            g->at = (uint32_t)i;
            g->id = oap_format_get_id(&c->r, o, "id", "goal");
            g->title = get_required(c, o, "title");
            g->common = oap_format_get_word(&c->r, o, "common");
            g->ignore = oap_json_get_strv(&c->r, o, IGNORE_KEY);
            if (g->id) {
                oap_format_check_unique(&c->r, &seen, "id", g->id, (uint32_t)i, "goal", scope);
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
        if (oap_format_is_object(&c->r, o, "phases", i)) {
            name_item(c, o, "phase", i);
            size_t len = strlen(c->r.what);
            snprintf(c->r.what + len, sizeof c->r.what - len, " of %s", scope);
            oap_json_check_keys(&c->r, o, phase_keys, (const char *const[]){"id", NULL});
            oap_phase *ph = &a->phases[a->nphases];
            memset(ph, 0, sizeof *ph);
            ph->at = (uint32_t)i;
            ph->id = oap_format_get_id(&c->r, o, "id", "phase");
            ph->timing = oap_json_get_string(&c->r, o, "timing");
            ph->window = oap_format_get_window(&c->r, o);
            ph->needs = oap_json_get_strv(&c->r, o, "needs");
            if (ph->id) {
                oap_format_check_unique(&c->r, &seen, "id", ph->id, (uint32_t)i, "phase", scope);
                a->nphases++;
            }
        }
        oap_json_pop(&c->r, inner);
    }
    oap_json_pop(&c->r, saved);
    oap_strmap_free(&seen);
    set_node(c, c->action);
}

/* The "status" member of o, a report on an action: one of the words of OAP monitoring
 * reports; NULL when absent or not one of them (reported). */
static const char *read_status(ctx *c, json_t *o)
{
    const char *status = oap_json_get_string(&c->r, o, "status");
    if (status && !oap_json_in_list(status, result_statuses)) {
        size_t inner = oap_json_push(&c->r, "status");
        oap_json_report(&c->r, "schema", 0,
                        "\"status\" of %s must be one of planned, ongoing, completed, continue, "
                        "not-completed, cancelled, unclear; not \"%s\"",
                        c->r.what, status);
        oap_json_pop(&c->r, inner);
        return NULL;
    }
    return status;
}

static void read_results(ctx *c, json_t *o, oap_action *a)
{
    oap_json_check_keys(&c->r, o, results_keys, NULL);
    a->results.june = oap_json_get_string(&c->r, o, "june");
    a->results.december = oap_json_get_string(&c->r, o, "december");
    a->results.status = read_status(c, o);
    a->has_results = 1;
}

/* The "values" of a round: numbers by indicator; other values are reported and left
 * out. */
static void read_values(ctx *c, json_t *o, oap_round *r)
{
    json_t *values = oap_json_get(&c->r, o, "values", JSON_OBJECT, c->r.what,
                                  "an object of numbers by indicator");
    if (!values)
        return;
    r->values = oap_arena_alloc(c->r.arena, (json_object_size(values) + 1) * sizeof *r->values);
    if (!r->values) {
        c->r.oom = 1;
        return;
    }
    size_t saved = oap_json_push(&c->r, "values");
    const char *key;
    json_t *v;
    json_object_foreach(values, key, v)
    {
        if (!json_is_number(v)) {
            size_t inner = oap_json_push(&c->r, key);
            oap_json_report(&c->r, "schema", 0,
                            "\"values\" of %s must hold numbers; \"%.200s\" is %s", c->r.what, key,
                            oap_json_type_name(v));
            oap_json_pop(&c->r, inner);
            continue;
        }
        oap_kpi_value *kv = &r->values[r->nvalues];
        kv->indicator = oap_arena_strdup(c->r.arena, key);
        kv->value = json_number_value(v);
        if (!kv->indicator)
            c->r.oom = 1;
        else
            r->nvalues++;
    }
    oap_json_pop(&c->r, saved);
}

static int cmp_round(const void *pa, const void *pb)
{
    const oap_round *a = pa, *b = pb;
    if (a->month != b->month)
        return a->month < b->month ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* "results" as an array of reporting rounds: each kept with a month, then put in month
 * order; a second round of one month is reported and left out. */
static void read_rounds(ctx *c, json_t *arr, oap_action *a, const char *action_what)
{
    size_t n = json_array_size(arr);
    a->rounds = oap_arena_alloc(c->r.arena, (n ? n : 1) * sizeof *a->rounds);
    if (!a->rounds) {
        c->r.oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i);
        size_t inner = oap_json_push_index(&c->r, i);
        if (oap_format_is_object(&c->r, o, "results", i)) {
            json_t *month = json_object_get(o, "round");
            int m;
            if (json_is_string(month) && oap_timing_parse_month(json_string_value(month), &m) == 0)
                oap_json_describe(&c->r, "round %s of %s", json_string_value(month), action_what);
            else
                oap_json_describe(&c->r, "the %zu%s round of %s", i + 1, oap_format_ordinal(i + 1),
                                  action_what);
            oap_json_check_keys(&c->r, o, round_keys, (const char *const[]){"round", NULL});
            oap_round *r = &a->rounds[a->nrounds];
            memset(r, 0, sizeof *r);
            r->at = (uint32_t)i;
            const char *text = oap_json_get_string(&c->r, o, "round");
            int ok = text && oap_timing_parse_month(text, &r->month) == 0;
            if (text && !ok) {
                size_t k = oap_json_push(&c->r, "round");
                oap_json_report(&c->r, "schema", 0,
                                "\"round\" of %s must be a month written YYYY-MM, such as "
                                "\"2025-06\"; not \"%s\"",
                                c->r.what, text);
                oap_json_pop(&c->r, k);
            }
            r->status = read_status(c, o);
            r->text = oap_json_get_string(&c->r, o, "text");
            read_values(c, o, r);
            if (ok)
                a->nrounds++;
        }
        oap_json_pop(&c->r, inner);
    }
    qsort(a->rounds, a->nrounds, sizeof *a->rounds, cmp_round);
    uint32_t kept = 0;
    for (uint32_t i = 0; i < a->nrounds; i++) {
        if (kept && a->rounds[kept - 1].month == a->rounds[i].month) {
            char month[8];
            oap_timing_format_month(a->rounds[i].month, month);
            uint32_t first = a->rounds[kept - 1].at, second = a->rounds[i].at;
            size_t inner = oap_json_push_index(&c->r, second);
            size_t k = oap_json_push(&c->r, "round");
            oap_json_report(&c->r, "schema", 0,
                            "%s reports round %s twice, in its %u%s and its %u%s round; give "
                            "each month one round",
                            action_what, month, first + 1, oap_format_ordinal(first + 1),
                            second + 1, oap_format_ordinal(second + 1));
            oap_json_pop(&c->r, k);
            oap_json_pop(&c->r, inner);
            continue;
        }
        a->rounds[kept++] = a->rounds[i];
    }
    a->nrounds = kept;
}

/* A KPI items list's item that is not a string: a KPI object, read into the action's
 * kpi_targets (made when the first one comes), or something else, reported. */
typedef struct kpi_reading {
    ctx *c;
    oap_action *a;
    size_t n; /* items in the file's list */
} kpi_reading;

static const char *read_kpi(oap_json_reader *r, json_t *item, size_t i, uint32_t kept, void *arg)
{
    kpi_reading *k = arg;
    char outer[sizeof r->what];
    memcpy(outer, r->what, sizeof outer);
    if (!json_is_object(item)) {
        oap_json_report(r, "schema", 0,
                        "\"kpis\" of %s must hold strings or KPI objects {\"indicator\", "
                        "\"target\", \"unit\"}; item %zu is %s",
                        r->what, i + 1, oap_json_type_name(item));
        return NULL;
    }
    oap_json_describe(r, "the %zu%s KPI of %s", i + 1, oap_format_ordinal(i + 1), outer);
    oap_json_check_keys(r, item, kpi_keys, (const char *const[]){"indicator", NULL});
    const char *indicator = oap_format_get_word(r, item, "indicator");
    json_t *target = oap_json_get(r, item, "target", JSON_REAL, r->what, "a number");
    const char *unit = oap_json_get_string(r, item, "unit");
    memcpy(r->what, outer, sizeof outer);
    if (!indicator)
        return NULL;
    if (!k->a->kpi_targets) {
        k->a->kpi_targets = oap_arena_alloc(r->arena, k->n * sizeof *k->a->kpi_targets);
        if (!k->a->kpi_targets) {
            r->oom = 1;
            return NULL;
        }
    }
    oap_kpi_target *t = &k->a->kpi_targets[kept];
    t->has_target = target != NULL;
    t->target = target ? json_number_value(target) : 0;
    t->unit = unit;
    return indicator;
}

/* Whether s is written as an ISO 4217 code: three capital letters. */
static int currency_code(const char *s)
{
    for (int i = 0; i < 3; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return 0;
    return s[3] == '\0';
}

/* The "grant" of an action; NULL when its amount or currency is missing or wrong
 * (reported). */
static oap_grant *read_grant(ctx *c, json_t *o)
{
    oap_json_check_keys(&c->r, o, grant_keys, (const char *const[]){"amount", NULL});
    json_t *amount = oap_json_get(&c->r, o, "amount", JSON_REAL, c->r.what, "a number");
    int ok = amount != NULL;
    if (amount && json_number_value(amount) < 0) {
        size_t k = oap_json_push(&c->r, "amount");
        oap_json_report(&c->r, "schema", 0, "\"amount\" of %s must be 0 or more, not %g", c->r.what,
                        json_number_value(amount));
        oap_json_pop(&c->r, k);
        ok = 0;
    }
    const char *currency = oap_json_get_string(&c->r, o, "currency");
    if (currency && !currency_code(currency)) {
        size_t k = oap_json_push(&c->r, "currency");
        oap_json_report(&c->r, "schema", 0,
                        "\"currency\" of %s must be an ISO 4217 code of three capital letters, "
                        "such as \"EUR\"; not \"%s\"",
                        c->r.what, currency);
        oap_json_pop(&c->r, k);
        ok = 0;
    }
    const char *beneficiary = oap_json_get_string(&c->r, o, "beneficiary");
    const char *source = oap_json_get_string(&c->r, o, "source");
    if (!ok || (json_object_get(o, "currency") && !currency))
        return NULL;
    oap_grant *g = oap_arena_alloc(c->r.arena, sizeof *g);
    if (!g) {
        c->r.oom = 1;
        return NULL;
    }
    g->amount = json_number_value(amount);
    g->currency = currency ? currency : "EUR";
    g->beneficiary = beneficiary;
    g->source = source;
    return g;
}

/* The members of an action that are objects of their own: results and grant, read with
 * messages that name them ("the results of action 2.1"). */
static void read_action_objects(ctx *c, json_t *o, oap_action *a)
{
    char outer[sizeof c->r.what];
    memcpy(outer, c->r.what, sizeof outer);
    json_t *results = json_object_get(o, "results");
    if (json_is_object(results)) {
        size_t saved = oap_json_push(&c->r, "results");
        oap_json_describe(&c->r, "the results of %s", outer);
        read_results(c, results, a);
        oap_json_pop(&c->r, saved);
    } else if (json_is_array(results)) {
        size_t saved = oap_json_push(&c->r, "results");
        read_rounds(c, results, a, outer);
        oap_json_pop(&c->r, saved);
    } else if (results) {
        size_t saved = oap_json_push(&c->r, "results");
        oap_json_report_type(&c->r, "results", outer, "an object or an array of rounds", results);
        oap_json_pop(&c->r, saved);
    }
    memcpy(c->r.what, outer, sizeof outer);
    json_t *grant = oap_json_get(&c->r, o, "grant", JSON_OBJECT, outer, "an object");
    if (grant) {
        size_t saved = oap_json_push(&c->r, "grant");
        oap_json_describe(&c->r, "the grant of %s", outer);
        a->grant = read_grant(c, grant);
        oap_json_pop(&c->r, saved);
    }
    memcpy(c->r.what, outer, sizeof outer);
}

static void read_action(ctx *c, json_t *o, oap_action *a, size_t i)
{
    name_item(c, o, "action", i);
    oap_json_check_keys(&c->r, o, action_keys,
                        (const char *const[]){"id", "goal", "title", "leaders", NULL});
    a->id = oap_format_get_id(&c->r, o, "id", "action");
    /* What many actions repeat (their goal, actors, timing, target, KPIs) is held once. */
    c->r.share = 1;
    a->goal = get_required(c, o, "goal");
    c->r.share = 0;
    a->title = get_required(c, o, "title");
    c->r.share = 1;
    a->leaders = oap_json_get_strv(&c->r, o, "leaders");
    json_t *leaders = json_object_get(o, "leaders");
    if (json_is_array(leaders) && json_array_size(leaders) == 0) {
        size_t saved = oap_json_push(&c->r, "leaders");
        oap_json_report(&c->r, "schema", 0, "\"leaders\" of %s must name at least one leader",
                        c->r.what);
        oap_json_pop(&c->r, saved);
    }
    a->participants = oap_json_get_strv(&c->r, o, "participants");
    a->timing = oap_json_get_string(&c->r, o, "timing");
    a->target = oap_json_get_string(&c->r, o, "target");
    kpi_reading kpis = {c, a, json_array_size(json_object_get(o, "kpis"))};
    a->kpis = oap_json_get_list(&c->r, o, "kpis", read_kpi, &kpis);
    a->coleaders = oap_json_get_strv(&c->r, o, "coleaders");
    c->r.share = 0;
    a->description = oap_json_get_string(&c->r, o, "description");
    a->refs = oap_json_get_strv(&c->r, o, "refs");
    a->needs = oap_json_get_strv(&c->r, o, "needs");
    a->window = oap_format_get_window(&c->r, o);
    a->notes = oap_json_get_strv(&c->r, o, "notes");
    a->link = oap_json_get_string(&c->r, o, "link");
    a->continues = oap_json_get_string(&c->r, o, "continues");
    a->jads = oap_json_get_strv(&c->r, o, "jads");
    a->ignore = oap_json_get_strv(&c->r, o, IGNORE_KEY);
    read_action_objects(c, o, a);
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
        if (oap_format_is_object(&c->r, o, "actions", i)) {
            oap_action *a = &p->actions[p->nactions];
            /* The slot of an item left out (no id) is used again: nothing of it may stay. */
            memset(a, 0, sizeof *a);
            a->at = (uint32_t)i;
            read_action(c, o, a, i);
            if (a->id) {
                oap_format_check_unique(&c->r, &seen, "id", a->id, (uint32_t)i, "action", scope);
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
        if (oap_format_is_object(&c->r, o, "actors", i)) {
            oap_json_describe(&c->r, "the %zu%s actor", i + 1, oap_format_ordinal(i + 1));
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

/* The plan of a plan file's root, added to model (*out) when it has an id and a
 * priority and no limit was crossed. */
static void read_plan_file(ctx *c, json_t *root, oap_model *model, const char *file,
                           unsigned file_index, oap_plan **out)
{
    oap_json_describe(&c->r, "the plan file");
    if (!json_is_object(root)) {
        oap_json_report(&c->r, "schema", 0,
                        "a plan file must be a JSON object with \"oapgraph\", \"plan\", \"goals\" "
                        "and \"actions\", not %s",
                        oap_json_type_name(root));
        return;
    }
    oap_json_check_keys(&c->r, root, top_keys,
                        (const char *const[]){"oapgraph", "plan", "goals", "actions", NULL});

    oap_plan plan = {0};
    plan.file = oap_arena_strdup(c->r.arena, file);
    plan.file_index = file_index;
    plan.schema = oap_json_get_string(&c->r, root, "$schema");
    plan.version = oap_format_get_version(&c->r, root);

    json_t *meta = oap_json_get(&c->r, root, "plan", JSON_OBJECT, NULL, "an object");
    if (meta) {
        size_t saved = oap_json_push(&c->r, "plan");
        read_plan_meta(c, meta, &plan);
        oap_json_pop(&c->r, saved);
    }
    c->r.where.plan = plan.id;
    char scope[160];
    if (plan.id)
        snprintf(scope, sizeof scope, "plan %s", plan.id);
    else
        snprintf(scope, sizeof scope, "this plan");

    json_t *arr;
    if ((arr = oap_json_get(&c->r, root, "overlaps", JSON_ARRAY, NULL,
                            "an array of overlap objects")))
        read_overlaps(c, arr, &plan);
    if ((arr = oap_json_get(&c->r, root, "goals", JSON_ARRAY, NULL, "an array of goal objects")))
        read_goals(c, arr, &plan, scope);
    if ((arr =
             oap_json_get(&c->r, root, "actions", JSON_ARRAY, NULL, "an array of action objects")))
        read_actions(c, arr, &plan, scope);
    if ((arr = oap_json_get(&c->r, root, "actors", JSON_ARRAY, NULL, "an array of actor objects")))
        read_actors(c, arr, &plan);

    if (!c->r.oom && !c->reject && plan.id && plan.priority) {
        oap_plan *p = oap_model_add_plan(model);
        if (!p)
            c->r.oom = 1;
        else {
            *p = plan;
            *out = p;
        }
    }
}

static int ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

int oap_load_is_cycle_file(const json_t *root, const char *file)
{
    if (json_object_get(root, "plan"))
        return 0;
    if (json_object_get(root, "cycle"))
        return 1;
    return ends_with(file, ".cycle.json");
}

int oap_load_json(oap_model *model, const char *file, unsigned file_index, const char *text,
                  size_t len, const oap_load_limits *limits, oap_diags *diags, oap_loaded *out)
{
    ctx c = {.limits = limits};
    oap_json_init_findings(&c.r, file, file_index, text, len, &model->arena, diags);
    c.r.max_string = limits->max_string_bytes;
    c.r.shared = &model->shared;
    json_t *root = NULL;
    *out = (oap_loaded){NULL, NULL};

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
    if (oap_load_is_cycle_file(root, file))
        oap_load_cycle(&c.r, root, model, file, file_index, &out->cycle);
    else
        read_plan_file(&c, root, model, file, file_index, &out->plan);
done:
    json_decref(root);
    return c.r.oom ? OAP_ENOMEM : 0;
}
