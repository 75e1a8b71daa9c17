/* timeline: actions and phases as bars on a month axis, at positions fixed before layout. */
#ifndef OAP_EMIT_TIMELINE_H
#define OAP_EMIT_TIMELINE_H

#include "diagram.h"
#include "oapgraph/emit.h"

#include <cgraph.h>

#include <stddef.h>

/* The layout engine for a graph made here: Graphviz's neato -n2, which keeps every
 * node's "pos" and only draws the edges between them. */
#define OAP_EMIT_TIMELINE_ENGINE "nop2"

/* Makes the cgraph graph of the timeline of d (opts->view OAP_EMIT_VIEW_TIMELINE) with
 * disc: one row per shown action and phase under their plan and goal, bars where their
 * windows lie on a month axis over the plans' years, needs as arrows from the end of one
 * bar to the start of the next, Joint Action Days as diamonds, findings coloured, the
 * slips of opts->slips as dashed bars, actions without a window listed apart, and the
 * classification banner at the top and the bottom. Returns 0 or OAP_ENOMEM; *out is set
 * either way (NULL, or a graph to agclose). */
int oap_emit__timeline_draw(Agraph_t **out, const oap_diagram *d, const oap_emit_options *opts,
                            Agdisc_t *disc);

#endif
