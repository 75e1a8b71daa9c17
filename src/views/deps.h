/* deps: what a node needs, what needs it, and the shortest path between two nodes. */
#ifndef OAP_VIEWS_DEPS_H
#define OAP_VIEWS_DEPS_H

#include "adjacency.h"
#include "graph/graph.h"
#include "oapgraph/views.h"

#include <stdio.h>

/* Everything a node reaches, in breadth-first order from the units it stands for. */
typedef struct oap_deps {
    const oap_graph *g;
    oap_deps_options opts;
    oap_adjacency adj; /* the edges walked */
    uint32_t query;    /* the node asked about */
    uint32_t *nodes;   /* reached, the start set first (depth 0), then by depth */
    uint32_t *depth;   /* per entry of nodes */
    uint32_t n, nstart;
} oap_deps;

/* Walks from `node` breadth first, iteratively, in time linear in the graph. Over needs
 * (the default), a node stands for its dependency units: a phase for itself, an action
 * for its phases (or itself), a goal for those of its actions, a plan for all of its
 * own. With all_links the walk also follows every other resolved link both ways
 * (refs carry no direction) and goes between a phase and its action; the node stands
 * for itself and, for an action, its phases. Returns 0 or OAP_ENOMEM; *out belongs to
 * the caller (oap_deps_free). */
int oap_deps_run(oap_deps **out, const oap_graph *g, uint32_t node, const oap_deps_options *opts);
void oap_deps_free(oap_deps *d);

/* For a terminal: a header, then one line per node reached: depth, name, and its edges
 * grouped by relation ("needs 1.1; comes after 2.1#1"); classification banners first
 * and last. Returns 0 or OAP_EIO. */
int oap_deps_write_text(FILE *out, const oap_deps *d);
/* One JSON document (fields in the README). Returns 0 or OAP_EIO. */
int oap_deps_write_json(FILE *out, const oap_deps *d);

/* The shortest path between two nodes. */
typedef struct oap_path {
    const oap_graph *g;
    oap_deps_options opts;
    uint32_t from, to; /* as asked */
    uint32_t *nodes;   /* the path, from a unit of `from` to a unit of `to`; NULL: none */
    uint8_t *rel;      /* rel[i]: how nodes[i] relates to nodes[i + 1] */
    uint32_t n;        /* nodes on the path; 0 when there is none */
} oap_path;

/* Breadth first from the units of `from` (as oap_deps_run reads a node) until one of
 * those of `to`: over needs the path follows needs forward (from needs ... needs to);
 * with all_links, every link. opts->reverse is ignored. Returns 1 when found, 0 when
 * there is no path, or OAP_ENOMEM; *out belongs to the caller in the first two cases. */
int oap_path_find(oap_path **out, const oap_graph *g, uint32_t from, uint32_t to,
                  const oap_deps_options *opts);
void oap_path_free(oap_path *p);
int oap_path_write_text(FILE *out, const oap_path *p);
int oap_path_write_json(FILE *out, const oap_path *p);

#endif
