/* diagram: what one diagram shows, chosen from the graph: nodes, edges, focus, findings. */
#ifndef OAP_EMIT_DIAGRAM_H
#define OAP_EMIT_DIAGRAM_H

#include "graph/graph.h"
#include "oapgraph/emit.h"

#include <stdint.h>

typedef enum oap_dnode_kind {
    OAP_DN_PLAN,
    OAP_DN_GOAL, /* a cluster in the plan and actor views, a node in the overlap view */
    OAP_DN_ACTION,
    OAP_DN_PRIORITY, /* a priority no loaded plan carries */
    OAP_DN_EARLIER,  /* an action of a plan not loaded that a loaded action continues */
    OAP_DN_JAD       /* a Joint Action Day (code: its id), named by actions' "jads" */
} oap_dnode_kind;

/* An actor's part in an action (actor view). */
typedef enum oap_drole { OAP_ROLE_NONE, OAP_ROLE_LEADS, OAP_ROLE_JOINS, OAP_ROLE_GROUP } oap_drole;

typedef struct oap_dnode {
    uint32_t gnode;   /* graph node; OAP_NONE for a priority only a declared overlap names,
                       * and for an earlier action whose plan is not loaded */
    const char *code; /* that priority's code, or that action, as the plan writes it */
    uint8_t kind;     /* oap_dnode_kind */
    uint8_t role;     /* oap_drole */
    uint8_t shown;    /* within the focus */
    int8_t severity;  /* highest finding about it, -1 for none */
    uint32_t dist;    /* links from the focus */
    uint32_t finding; /* first finding about it (index into oap_diagram.findings), OAP_NONE */
} oap_dnode;

typedef enum oap_dedge_kind {
    OAP_DE_REF,      /* cross-reference between actions; drawn once, undirected */
    OAP_DE_NEED,     /* a -> b: b needs the outcome of a (ports: phases) */
    OAP_DE_PRIORITY, /* an action links to another priority (its plan node, or external) */
    OAP_DE_GOALREF,  /* an action refers to a goal; in the plan view a line of its label */
    OAP_DE_OVERLAP,  /* a plan declares an overlap with a priority */
    OAP_DE_MEMBER,   /* a goal holds an action: counts as a link for --focus, not drawn */
    /* Two actions alike enough to be the same work, from a possible-overlap or
     * linked-overlap finding (srcs: its index in overlaps), labelled with its score. */
    OAP_DE_POSSIBLE_OVERLAP,
    /* a -> b: action b carries on action a of an earlier plan (srcs: the index in
     * g->continues); a is the priority's node when that plan is not loaded. */
    OAP_DE_CONTINUES,
    /* a -> b: action b takes part in Joint Action Day a (srcs: the action's graph node). */
    OAP_DE_JAD
} oap_dedge_kind;

typedef struct oap_dedge {
    uint32_t a, b;         /* view nodes; directed kinds point a -> b */
    uint32_t aport, bport; /* phase index + 1 when the end is a phase, else 0 */
    uint8_t kind;          /* oap_dedge_kind */
    uint8_t drawn;         /* an edge of the diagram (not a label line or a focus link) */
    uint8_t shown;         /* both ends shown */
    uint8_t both_ways;     /* OAP_DE_REF: each action lists the other */
    int8_t severity;
    uint32_t src, nsrc; /* the links (or overlaps) it stands for: srcs[src .. src + nsrc) */
    uint32_t finding;   /* first finding about it, OAP_NONE */
} oap_dedge;

/* A finding placed on a node or an edge; the next one on the same object. */
typedef struct oap_dfinding {
    const oap_diag *diag;
    uint32_t next;
} oap_dfinding;

typedef struct oap_diagram {
    const oap_graph *g;
    oap_emit_view kind;
    oap_dnode *nodes;
    uint32_t nnodes;
    size_t cap;
    uint32_t *of_gnode; /* graph node -> view node (a phase -> its action), OAP_NONE */
    oap_dedge *edges;
    uint32_t nedges;
    /* OAP_DE_OVERLAP: overlap index in the plan of a; OAP_DE_POSSIBLE_OVERLAP: finding
     * index in overlaps; OAP_DE_CONTINUES: continuation index; else graph link index */
    uint32_t *srcs;
    oap_dfinding *findings;
    uint32_t nfindings;
    const oap_diags *overlaps; /* the overlap view's pair findings, or NULL */
    const char *actor;         /* actor view: the canonical code asked for */
    uint32_t leads, joins;     /* actor view: how many actions */
    uint32_t focus;            /* view node of the focus, OAP_NONE */
    char message[512];         /* why building failed (OAP_EINVAL) */
} oap_diagram;

/* Builds the view opts asks for, applies the focus and places the findings. Returns 0,
 * OAP_EINVAL (message says why), OAP_ENOMEM. The view borrows g and the findings. */
int oap_emit__diagram_build(oap_diagram *v, const oap_graph *g, const oap_emit_options *opts);
void oap_emit__diagram_free(oap_diagram *v);

/* For oap_graph_name and oap_emit__diagram_name: a plan no node is in, so every name
 * comes out qualified by its plan ("2012-C:2.1"). */
#define OAP_EMIT_QUALIFIED (OAP_NONE - 1)

/* Names a view node as a reference ("2.1", "2012-F:SG2", "B:*"), qualified unless it is
 * in from_plan. Returns buf. */
const char *oap_emit__diagram_name(const oap_diagram *v, uint32_t node, uint32_t from_plan,
                                   char *buf, size_t size);

#endif
