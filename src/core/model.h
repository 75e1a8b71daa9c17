/* model: plans, goals, actions and phases as the plan files give them. */
#ifndef OAP_CORE_MODEL_H
#define OAP_CORE_MODEL_H

#include "arena.h"

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

typedef struct oap_action {
    uint32_t at;
    const char *id, *goal, *title;
    const char *description, *timing, *target, *link; /* NULL when absent */
    const char *continues; /* the action of an earlier plan this one carries on, or NULL */
    oap_strv leaders, participants, refs, needs, kpis, notes;
    oap_phase *phases;
    uint32_t nphases;
    oap_month_span window;
    oap_results results;
    int has_results;
} oap_action;

typedef struct oap_goal {
    uint32_t at;
    const char *id, *title;
} oap_goal;

typedef struct oap_overlap {
    const char *priority, *note;
} oap_overlap;

typedef struct oap_actor_decl {
    const char *code, *name, *kind;
} oap_actor_decl;

typedef struct oap_plan {
    const char *file;    /* path as given */
    unsigned file_index; /* position of the file in the run */
    const char *schema;  /* "$schema", NULL when absent */
    int version;         /* "oapgraph" */
    const char *id, *priority, *title;
    const char *aim, *cycle, *document, *classification, *driver; /* NULL when absent */
    int year;                                                     /* 0 when absent */
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

/* All plans of a run; owns every byte of them in one arena. */
typedef struct oap_model {
    oap_arena arena;
    oap_plan **plans;
    size_t nplans, cap;
} oap_model;

void oap_model_init(oap_model *m);
/* Appends a new zeroed plan; NULL when out of memory. */
oap_plan *oap_model_add_plan(oap_model *m);
void oap_model_free(oap_model *m);

#endif
