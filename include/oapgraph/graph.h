/* graph.h: the loaded plans as one graph: a node per plan, goal, action and phase. */
#ifndef OAPGRAPH_GRAPH_H
#define OAPGRAPH_GRAPH_H

#include "oapgraph/export.h"
#include "oapgraph/common.h"
#include "oapgraph/plan.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Every reference of every plan of a set resolved into one graph. Nodes are numbered
 * 0..n-1; OAP_NODE_NONE stands for no node. */
typedef struct oap_graph oap_graph;

#define OAP_NODE_NONE UINT32_MAX

/* Builds the graph of the plans of set, which must outlive it. Returns 0 or OAP_ENOMEM;
 * *out is the caller's (oap_graph_free). */
OAP_EXTERN int oap_planset_graph(oap_graph **out, const oap_planset *set);
OAP_EXTERN void oap_graph_free(oap_graph *g);

OAP_EXTERN size_t oap_graph_node_count(const oap_graph *g);

/* A node's name as a reference, always qualified with its plan ("2012-C:2.1#1",
 * "2012-C:SG2", "2012-C:*", or "B:*" for a priority no loaded plan carries), into buf.
 * Returns buf. */
OAP_EXTERN const char *oap_graph_node_name(const oap_graph *g, uint32_t node, char *buf,
                                           size_t size);

#ifdef __cplusplus
}
#endif
#endif
