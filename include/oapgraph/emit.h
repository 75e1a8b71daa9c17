/* emit.h: draw loaded plans as diagrams: DOT, or SVG, PNG and PDF laid out by Graphviz. */
#ifndef OAPGRAPH_EMIT_H
#define OAPGRAPH_EMIT_H

#include "oapgraph/export.h"
#include "oapgraph/diag.h"
#include "oapgraph/plan.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum oap_emit_view {
    /* One cluster per strategic goal, actions as nodes, cross-references, needs, links
     * to other priorities and declared overlaps. */
    OAP_EMIT_VIEW_PLAN,
    /* One cluster per plan with only what links across plans, and the declared
     * overlaps. */
    OAP_EMIT_VIEW_OVERLAP,
    /* The actions one actor leads (bold) or joins, by plan and goal. */
    OAP_EMIT_VIEW_ACTOR,
    /* Actions and their phases as bars on a month axis over the plans' years, by plan
     * and goal; needs as arrows, Joint Action Days as diamonds. Positions are fixed
     * before Graphviz draws it, so max_layout_nodes does not apply. */
    OAP_EMIT_VIEW_TIMELINE
} oap_emit_view;

typedef enum oap_emit_format {
    OAP_EMIT_DOT, /* DOT as cgraph writes it, not laid out */
    OAP_EMIT_SVG, /* laid out by Graphviz's dot, rendered in-process */
    OAP_EMIT_PNG,
    OAP_EMIT_PDF
} oap_emit_format;

/* A unit (an action without phases, or a phase) that moves later on the timeline. */
typedef struct oap_emit_slip {
    /* Its node in the graph oap_planset_graph makes of the same plan set (the numbering
     * is the same every time), as oap_impact_reach_at (oapgraph/views.h) gives it. */
    uint32_t node;
    int months; /* how many months later it runs */
} oap_emit_slip;

typedef struct oap_emit_options {
    unsigned version; /* OAP_EMIT_OPTIONS_VERSION */
    oap_emit_view view;
    const char *actor; /* OAP_EMIT_VIEW_ACTOR: the actor, as plans write it ("HU") */
    /* Keep only the nodes within depth links of this reference (the grammar of plan
     * files, oapgraph/refs.h: "2.1", "SG2", "2012-F:3.1", "B:*"); NULL keeps everything. */
    const char *focus;
    unsigned depth;
    /* Colour the nodes and edges these findings are about, by severity, with the rule
     * ids in their tooltips; NULL colours nothing. */
    const oap_diags *findings;
    oap_emit_format format;
    /* Laying out takes time that grows faster than the diagram: above this many nodes, or
     * above 8 times this many edges squared a node (a dense diagram: 56 actions that each
     * need every earlier one have 1,540 edges), SVG, PNG and PDF are refused with
     * OAP_ELIMIT (0: no limit). DOT has no limit. */
    size_t max_layout_nodes;
    /* The overlap view: possible-overlap and linked-overlap findings among these become
     * edges labelled with their score (and their two actions join the view); NULL: none. */
    const oap_diags *overlaps;
    /* The timeline: where these units move, as dashed bars beside where they are now
     * (what `oapgraph impact --late` answers); NULL: none. Version 2 and later. */
    const oap_emit_slip *slips;
    size_t nslips;
} oap_emit_options;

/* Version 1 is the same without slips and nslips; oap_emit_write takes either. */
#define OAP_EMIT_OPTIONS_VERSION 2
#define OAP_EMIT_OPTIONS_INIT                                                                      \
    {                                                                                              \
        OAP_EMIT_OPTIONS_VERSION, OAP_EMIT_VIEW_PLAN, NULL, NULL, 1, NULL, OAP_EMIT_DOT, 500,      \
            NULL, NULL, 0                                                                          \
    }

/* What a diagram holds, and why it could not be made. */
typedef struct oap_emit_result {
    size_t nodes, edges, clusters; /* as drawn; also set when the layout was refused */
    char message[512];             /* for OAP_EINVAL, OAP_ELIMIT, OAP_EIO */
} oap_emit_result;

/* Draws the plans of set as opts says and writes the diagram to out. Returns 0;
 * OAP_EINVAL when the focus or the actor names nothing in the plans; OAP_ELIMIT when the
 * diagram is too big to lay out (result says how big); OAP_EIO when Graphviz cannot lay
 * out or render it (no plugin for the format) or writing to out fails; OAP_ENOMEM.
 * result (may be NULL) tells what was drawn and why it failed. Nothing is written to out
 * unless the whole diagram was made. */
OAP_EXTERN int oap_emit_write(FILE *out, const oap_planset *set, const oap_emit_options *opts,
                              oap_emit_result *result);

/* Roughly how many seconds Graphviz's dot takes to lay out a diagram with this many
 * nodes and edges (measured on the build machine, growing about with the cube of the
 * size): for a warning before a long layout. */
OAP_EXTERN double oap_emit_layout_seconds(size_t nodes, size_t edges);

#ifdef __cplusplus
}
#endif
#endif
