/* ids: a cgraph ID discipline that numbers names in the order they are first used. */
#ifndef OAP_EMIT_IDS_H
#define OAP_EMIT_IDS_H

#include <cgraph.h>

/* cgraph's own discipline uses the address of each name's string as its ID, and keeps
 * subgraphs in ID order: the order of clusters in the DOT and in the layout would follow
 * the heap, and change with the environment (measured: a longer environment reorders
 * the goal clusters). This one gives the n-th name the ID 2n, so subgraphs come out in
 * the order they were made; anonymous objects get odd IDs, counted per graph. No state
 * outside the graph. */
extern const Agiddisc_t oap_emit__seq_ids;

#endif
