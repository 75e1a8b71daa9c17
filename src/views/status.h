/* status: the monitoring roll-up: actions by last status, KPIs against targets, missing reports. */
#ifndef OAP_VIEWS_STATUS_H
#define OAP_VIEWS_STATUS_H

#include "tasking.h"
#include "graph/graph.h"
#include "oapgraph/views.h"

#include <stddef.h>
#include <stdint.h>

/* What the reports say of one action. */
typedef struct oap_status_facts {
    uint32_t missing, nmissing; /* the rounds of its plan it has no report for:
                                 * st->missing[missing .. missing + nmissing) */
    uint32_t values;            /* its KPIs' last values: st->values[values + i] for KPI i */
    uint8_t state;              /* oap_status_state */
} oap_status_facts;

/* The last value reported for a KPI's indicator. */
typedef struct oap_status_value {
    double value;
    int month; /* of the round that gave it; -1 when no round gives one */
} oap_status_value;

typedef struct oap_status_entry {
    uint32_t node;
    uint8_t role; /* oap_status_role */
} oap_status_entry;

/* A plan, or an actor: the actions it rolls up. */
typedef struct oap_status_group {
    uint32_t plan; /* by plan: the plan; by actor: OAP_NONE */
    size_t sheet;  /* by actor: the actor's sheet in st->actors */
    oap_status_entry *entries;
    size_t n, cap;
    size_t tally[OAP_STATUS_STATES];
    uint32_t stamp; /* scratch: the last action given an entry */
} oap_status_group;

struct oap_status {
    const oap_graph *g;
    oap_status_by by;
    oap_status_facts *facts; /* per node; only actions' are filled */
    int *missing;
    size_t nmissing, missing_cap;
    oap_status_value *values;
    size_t nvalues, values_cap;
    /* Per plan: its rounds, st->rounds[round_at[p] .. round_at[p + 1]), earliest first;
     * and the next plan of its priority (oap_graph_next_plan). */
    uint32_t *round_at;
    int *rounds;
    size_t nrounds, rounds_cap;
    uint32_t *next_plan;
    /* By plan one group per plan; by actor one per sheet of actors. */
    oap_status_group *groups;
    size_t ngroups, groups_cap;
    size_t *order; /* the groups as written */
    size_t norder;
    oap_tasking *actors; /* by actor: the actors, read and ordered as tasking does */
};

/* Rolls up the reports of the plans of g, by plan or by actor (the README's "The
 * monitoring roll-up"): an action's state is its last status (oap_action_last_status);
 * the rounds of a plan are the months any of its actions reported, and an action misses
 * those it has no round for; a KPI's last value is that of the latest round that gives
 * one for its indicator (its text), and its share is value / target. An actor's actions
 * are those it leads or co-leads ("leaders", "coleaders"), read as tasking reads actors;
 * the participants are not counted. Linear in the actions, rounds and values (and in
 * the distinct months of a plan's rounds times their logarithm). 0 or OAP_ENOMEM. */
int oap_status_build(oap_status **out, const oap_graph *g, oap_status_by by);
void oap_status_free(oap_status *st);

#endif
