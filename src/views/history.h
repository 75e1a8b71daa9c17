/* history: an action's chain of continuations, from its first year to its last. */
#ifndef OAP_VIEWS_HISTORY_H
#define OAP_VIEWS_HISTORY_H

#include "graph/graph.h"
#include "oapgraph/views.h"

struct oap_history {
    const oap_graph *g;
    uint32_t query;  /* the action asked about */
    uint32_t *nodes; /* the chain: earliest first, the query among them */
    uint32_t n;
};

#endif
