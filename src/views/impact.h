/* impact: what the exclusion of actors, or an action's slip, does to the plans. */
#ifndef OAP_VIEWS_IMPACT_H
#define OAP_VIEWS_IMPACT_H

#include "core/actors.h"
#include "core/timing.h"
#include "graph/graph.h"
#include "oapgraph/views.h"

#include <stdio.h>

/* How much of a list an action loses. */
typedef enum oap_loss {
    OAP_LOSS_NONE,
    OAP_LOSS_SOME, /* some, and others are left */
    OAP_LOSS_ALL   /* every one (of the leaders; of the named participants) */
} oap_loss;

/* An actor taken out, as the registry, a plan's "actors", or the text names it. */
typedef struct oap_impact_actor {
    const char *code;           /* canonical or declared code, or the text as given */
    const oap_actor_info *info; /* the registry entry, or NULL */
} oap_impact_actor;

typedef struct oap_impact_action {
    uint32_t action;      /* node */
    uint8_t leaders;      /* oap_loss over its leaders and co-leaders (coleaders) */
    uint8_t participants; /* oap_loss over its named participants (groups are not named) */
    uint8_t all_ms;       /* a Member State taken out is one of its "All MS" */
    uint8_t at_risk;      /* no leader left, or no participant but groups still to name */
    uint8_t take_over;    /* every one of its leaders is taken out; co-leaders are left */
} oap_impact_action;

typedef struct oap_impact_plan {
    uint32_t plan;   /* index */
    uint8_t driver;  /* its driver is taken out */
    uint8_t support; /* oap_loss over its project support */
} oap_impact_plan;

/* A unit reached from a cause: downstream of an affected action, or slipped. */
typedef struct oap_impact_reach {
    uint32_t unit;
    uint32_t next;   /* the unit it needs on the way to the cause; OAP_NONE at the cause */
    uint32_t origin; /* the unit of the cause where that way ends */
    uint32_t steps;  /* how many needs lead from unit to origin */
    uint32_t cause;  /* the affected action, or the late unit it slips because of */
    int severe;      /* --without: the cause is at risk */
    int slip;        /* --late: months it must move */
    int next_end;    /* --late: the month the unit it needs now ends */
} oap_impact_reach;

typedef struct oap_impact {
    const oap_graph *g;
    int late; /* which question: 0 --without, 1 --late */

    /* --without */
    oap_impact_actor *without;
    size_t nwithout;
    oap_impact_action *actions; /* most severe first, then in plan order */
    size_t nactions;
    oap_impact_plan *plans;
    size_t nplans;

    /* --late: the node that slips, by how much */
    uint32_t node;
    int months;
    uint32_t *holding; /* units that need a slipped one and still fit */
    size_t nholding;
    uint32_t *unknown; /* units that need a slipped one but have no window to judge */
    size_t nunknown;

    /* both: downstream units (--without), or slipped units, the late ones first */
    oap_impact_reach *reach;
    size_t nreach;
} oap_impact;

/* Reads an actor for --without as the registry knows it ("Cefpol" is CEPOL), else as a
 * loaded plan declares it, else as some plan writes it. Returns 0, or OAP_EINVAL with a
 * message (and a suggestion) in err when no loaded plan names it and the registry does
 * not know it. */
int oap_impact_actor_read(oap_impact_actor *out, const oap_graph *g, const char *text, char *err,
                          size_t size);

/* What taking out the actors does: actions that lose every leader, a co-leader, every
 * named participant, a participant, or a Member State of their "All MS"; plans that
 * lose their driver or project support; and every unit that needs an affected action,
 * directly or through others (walking needs backwards, breadth first: each with the
 * shortest path), first from the actions at risk, then from the rest. An action is at
 * risk when no leader is left, or no participant but groups whose members are still
 * to be named ("Relevant MS"; "All MS" is a real participant). A leader who is also
 * listed as a participant counts as a leader only. Copies the actors. Linear in the
 * graph. 0 or OAP_ENOMEM. */
int oap_impact_without(oap_impact **out, const oap_graph *g, const oap_impact_actor *actors,
                       size_t n);

/* What a slip of `node` (an action: all its phases; or a phase) by `months` does: a unit
 * that needs a slipped one must start no earlier than the month the other now ends (the
 * rule timing-order checks), so it slips by what is left of the slip after the slack it
 * had; and on, transitively (Dijkstra over needs backwards, the slack as the weight, so
 * every unit gets its largest slip once). A unit with no window is listed as unknown and
 * not followed. Returns 0, OAP_EINVAL with a message in err (not an action or phase, or
 * no window to slip), or OAP_ENOMEM. */
int oap_impact_slip(oap_impact **out, const oap_graph *g, uint32_t node, int months, char *err,
                    size_t size);

void oap_impact_free(oap_impact *im);

/* For a terminal (one line per effect, then what is downstream) or as JSON (fields in
 * the README). 0, OAP_EIO or OAP_ENOMEM. */
int oap_impact_write_text(FILE *out, const oap_impact *im);
int oap_impact_write_json(FILE *out, const oap_impact *im);

#endif
