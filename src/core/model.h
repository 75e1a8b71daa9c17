/* model: plans, goals, actions and phases as the plan files give them, and cycles. */
#ifndef OAP_CORE_MODEL_H
#define OAP_CORE_MODEL_H

#include "arena.h"
#include "strmap.h"

#include <stddef.h>
#include <stdint.h>

/* A list of strings in the arena. Items the loader left out (not strings) shift the
 * rest: at[i] is where item i stands in the file's array, or at is NULL when every item
 * stands at its own index. */
typedef struct oap_strv {
    const char **items;
    uint32_t n;
    const uint32_t *at;
} oap_strv;

/* Where item i of list stands in the file's array, for a JSON pointer. */
static inline uint32_t oap_strv_at(const oap_strv *list, uint32_t i)
{
    return list->at ? list->at[i] : i;
}

/* An explicit window: months as year * 12 + (month - 1), inclusive. */
typedef struct oap_month_span {
    int set;
    int start, end;
} oap_month_span;

/* Goals, actions and phases keep "at", their index in the file's array: items left out
 * for want of an id shift the ones after them, and findings must still point at these. */
typedef struct oap_phase {
    uint32_t at;
    const char *id;
    const char *timing; /* NULL when absent */
    oap_month_span window;
    oap_strv needs;
} oap_phase;

typedef struct oap_results {
    const char *june, *december, *status; /* NULL when absent */
} oap_results;

/* What a KPI written as an object adds to its text (the indicator). */
typedef struct oap_kpi_target {
    int has_target;
    double target;
    const char *unit; /* NULL when absent */
} oap_kpi_target;

/* A value a reporting round gives for a KPI, named by its indicator. */
typedef struct oap_kpi_value {
    const char *indicator;
    double value;
} oap_kpi_value;

/* A reporting round: the state of an action at the end of a month. at is its index in
 * the file's "results" array. */
typedef struct oap_round {
    uint32_t at;
    int month;                 /* year * 12 + (month - 1) */
    const char *status, *text; /* NULL when absent */
    oap_kpi_value *values;     /* in the file's order */
    uint32_t nvalues;
} oap_round;

/* An action's grant: amount >= 0 in currency, an ISO 4217 code. */
typedef struct oap_grant {
    double amount;
    const char *currency;             /* "EUR" when the file gives none */
    const char *beneficiary, *source; /* NULL when absent */
} oap_grant;

typedef struct oap_action {
    uint32_t at;
    const char *id, *goal, *title;
    const char *description, *timing, *target, *link; /* NULL when absent */
    const char *continues; /* the action of an earlier plan this one carries on, or NULL */
    /* kpis holds every KPI's text: a string KPI as written, an object's indicator. */
    oap_strv leaders, participants, refs, needs, kpis, notes;
    oap_strv coleaders, jads; /* jads: ids of the Joint Action Days it takes part in */
    /* kpi_targets[i] is what KPI i (kpis.items[i]) gives beyond its text; NULL when no
     * KPI is written as an object. Read it through oap_action_kpi_target_of. */
    oap_kpi_target *kpi_targets;
    oap_phase *phases;
    uint32_t nphases;
    oap_month_span window;
    /* "results" as an object: results, with has_results set. As an array of rounds:
     * rounds, by month, earliest first, one a month. oap_action_last_status reads
     * either. */
    oap_results results;
    int has_results;
    oap_round *rounds;
    uint32_t nrounds;
    oap_grant *grant; /* NULL when absent */
    oap_strv ignore;  /* x-oapgraph-ignore: rules whose findings on it are not reported */
} oap_action;

/* What KPI i of a gives beyond its text: a target, a unit; nothing for a string KPI. */
static inline const oap_kpi_target *oap_action_kpi_target_of(const oap_action *a, uint32_t i)
{
    static const oap_kpi_target none = {0, 0, NULL};
    return a->kpi_targets && i < a->kpis.n ? &a->kpi_targets[i] : &none;
}

/* The status an action was last reported with: that of its latest round that gives
 * one, or the results object's; NULL when none. */
const char *oap_action_last_status(const oap_action *a);

typedef struct oap_goal {
    uint32_t at;
    const char *id, *title;
    const char *common; /* the common horizontal strategic goal it implements, or NULL */
    oap_strv ignore;    /* x-oapgraph-ignore: rules whose findings on it are not reported */
} oap_goal;

typedef struct oap_overlap {
    const char *priority, *note;
} oap_overlap;

typedef struct oap_actor_decl {
    const char *code, *name, *kind;
} oap_actor_decl;

struct oap_cycle;

typedef struct oap_plan {
    const char *file;    /* path as given */
    unsigned file_index; /* position of the file in the run */
    const char *schema;  /* "$schema", NULL when absent */
    int version;         /* "oapgraph" */
    const char *id, *priority, *title;
    const char *aim, *cycle, *document, *classification, *driver; /* NULL when absent */
    const char *revision;                                         /* "REV 2", or NULL */
    /* "draft", "submitted" or "validated", or NULL; validated_on ("YYYY-MM-DD", a real
     * day) is given exactly when status is "validated" (else reported). */
    const char *status, *validated_on;
    int year; /* 0 when absent */
    /* The years the plan covers: "period", or "year" alone; both 0 when it has neither,
     * and then it overlaps every year. */
    int first_year, last_year;
    oap_strv support;
    oap_overlap *overlaps;
    uint32_t noverlaps;
    oap_goal *goals;
    uint32_t ngoals;
    oap_action *actions;
    uint32_t nactions;
    oap_actor_decl *actors;
    uint32_t nactors;
    /* The loaded cycle the plan belongs to: the one whose years contain the plan's years
     * (for a plan without years, the one "cycle" names); NULL when none is loaded. */
    const struct oap_cycle *in_cycle;
} oap_plan;

/* Whether the years of two plans meet; a plan without years meets every year. */
static inline int oap_plan_years_overlap(const oap_plan *a, const oap_plan *b)
{
    if (!a->first_year || !b->first_year)
        return 1;
    return a->first_year <= b->last_year && b->first_year <= a->last_year;
}

/* "2012", "2024-2025", or "" for a plan without years, into buf; returns buf. */
const char *oap_plan_years_text(const oap_plan *p, char *buf, size_t size);

/* Cycle files: a policy cycle, its priorities, common goals and Joint Action Days. "at"
 * is each item's index in the file's array, as for goals. */
typedef struct oap_cycle_priority {
    uint32_t at;
    const char *code, *title; /* title NULL when absent */
} oap_cycle_priority;

typedef struct oap_common_goal {
    uint32_t at;
    const char *id, *title;
} oap_common_goal;

typedef struct oap_jad {
    uint32_t at;
    const char *id, *title; /* title NULL when absent */
    oap_month_span window;  /* unset when absent */
} oap_jad;

typedef struct oap_cycle {
    const char *file;       /* path as given */
    unsigned file_index;    /* position of the file in the run */
    uint32_t index;         /* position in the model's cycles */
    const char *schema;     /* "$schema", NULL when absent */
    int version;            /* "oapgraph" */
    const char *id, *title; /* title NULL when absent */
    int first_year, last_year;
    oap_cycle_priority *priorities;
    uint32_t npriorities;
    oap_common_goal *common_goals;
    uint32_t ncommon_goals;
    oap_jad *jads;
    uint32_t njads;
} oap_cycle;

/* Whether the years of cycle c hold every year of plan p (a plan without years: no). */
static inline int oap_cycle_holds(const oap_cycle *c, const oap_plan *p)
{
    return p->first_year && c->first_year <= p->first_year && p->last_year <= c->last_year;
}

/* All plans and cycles of a run; owns every byte of them in one arena. */
typedef struct oap_model {
    oap_arena arena;
    /* Short strings that many values repeat (actors, KPIs, timings, targets), each held
     * once in the arena: keys of this map, shared by every value that has them. */
    oap_strmap shared;
    oap_plan **plans;
    size_t nplans, cap;
    oap_cycle **cycles; /* in the order loaded */
    size_t ncycles, cycles_cap;
} oap_model;

void oap_model_init(oap_model *m);
/* Appends a new zeroed plan; NULL when out of memory. */
oap_plan *oap_model_add_plan(oap_model *m);
/* Appends a new zeroed cycle, its index set; NULL when out of memory. */
oap_cycle *oap_model_add_cycle(oap_model *m);
void oap_model_free(oap_model *m);

#endif
