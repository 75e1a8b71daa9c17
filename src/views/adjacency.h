/* adjacency: the edges a view walks (needs either way, or every link) and what each means. */
#ifndef OAP_VIEWS_ADJACENCY_H
#define OAP_VIEWS_ADJACENCY_H

#include "graph/graph.h"

#include <stdint.h>

/* What an edge v -> w says about v. Ordered as the views list them. */
typedef enum oap_relation {
    OAP_REL_NEEDS,       /* v needs w, as written */
    OAP_REL_AFTER,       /* v is phase k+1 of an action, w its phase k */
    OAP_REL_NEEDED_BY,   /* w needs v */
    OAP_REL_FOLLOWED_BY, /* w is the phase after v */
    OAP_REL_REFERS_TO,   /* v's action lists w (refs, or needs naming a goal or priority) */
    OAP_REL_REFERRED_BY, /* w's action lists v */
    OAP_REL_PHASE_OF,    /* v is a phase of action w */
    OAP_REL_HAS_PHASE,   /* w is a phase of action v */
    OAP_REL_COUNT
} oap_relation;

/* Which edges. */
enum {
    OAP_ADJ_NEEDS = 0,     /* v -> what v needs */
    OAP_ADJ_REVERSE = 1,   /* v -> what needs v */
    OAP_ADJ_ALL_LINKS = 2, /* and every other resolved link both ways, and phase/action */
};

/* Compressed rows like oap_csr: the edges of v are target[start[v] .. start[v + 1]),
 * sorted by target then relation, without repeats; one pair of nodes may have edges of
 * several relations (2.2 refers to 2.3 and is referred to by it). */
typedef struct oap_adjacency {
    uint32_t n;
    uint32_t *start;
    uint32_t *target;
    uint8_t *rel;
} oap_adjacency;

/* Builds the edges flags asks for over all nodes of g, in time linear in the graph (but
 * for sorting each row). Returns 0 or OAP_ENOMEM (then nothing needs freeing). */
int oap_adjacency_build(oap_adjacency *a, const oap_graph *g, int flags);
void oap_adjacency_free(oap_adjacency *a);

/* "needs", "comes after", "needed by", "followed by", "refers to", "referred to by",
 * "phase of", "has phases". */
const char *oap_relation_text(oap_relation r);
/* The same for JSON: "needs", "comes-after", "needed-by", ... */
const char *oap_relation_id(oap_relation r);

#endif
