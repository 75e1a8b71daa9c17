/* graph: all loaded plans as one graph; node ids 0..n-1 and compact adjacency arrays. */
#ifndef OAP_GRAPH_GRAPH_H
#define OAP_GRAPH_GRAPH_H

#include "oapgraph/graph.h"
#include "core/model.h"
#include "core/strmap.h"
#include "core/timing.h"

#include <stdint.h>

#define OAP_NONE UINT32_MAX

typedef enum oap_node_kind {
    OAP_NODE_PLAN,
    OAP_NODE_GOAL,
    OAP_NODE_ACTION,
    OAP_NODE_PHASE,
    OAP_NODE_PRIORITY /* a priority no loaded plan carries: the target of external refs */
} oap_node_kind;

typedef struct oap_node {
    uint8_t kind;
    uint32_t plan;  /* plan index in the model; OAP_NONE for an external priority */
    uint32_t item;  /* goal or action index in the plan; external: index in ext_names */
    uint32_t phase; /* phase index in the action */
    uint32_t owner; /* phase -> action, action -> goal (OAP_NONE: orphan), goal -> plan */
} oap_node;

/* Which list of an action a reference was written in. */
typedef enum oap_list {
    OAP_LIST_REFS,        /* /actions/i/refs/j */
    OAP_LIST_NEEDS,       /* /actions/i/needs/j */
    OAP_LIST_PHASE_NEEDS, /* /actions/i/phases/k/needs/j */
    OAP_LIST_CONTINUES,   /* /actions/i/continues */
} oap_list;

/* Which loaded plans of a priority a priority qualifier can mean, from a referring plan. */
typedef enum oap_scope {
    OAP_SCOPE_ANY,    /* every plan of the priority (a node named on the command line) */
    OAP_SCOPE_YEARS,  /* those whose years overlap the referring plan's (refs, needs) */
    OAP_SCOPE_BEFORE, /* those whose years end the year before the referring plan's start
                       * (continues); a plan without years matches any other */
} oap_scope;

typedef enum oap_link_status {
    OAP_LINK_RESOLVED,
    OAP_LINK_EXTERNAL,   /* names a priority no loaded plan carries */
    OAP_LINK_DANGLING,   /* names something that is not there */
    OAP_LINK_AMBIGUOUS,  /* the qualifier matches more than one loaded plan */
    OAP_LINK_UNREADABLE, /* not in the reference grammar */
    OAP_LINK_SELF        /* an action's list names the action itself */
} oap_link_status;

/* One reference as written in a plan, and what it resolved to. */
typedef struct oap_link {
    uint32_t action; /* node of the action whose list holds it */
    uint32_t to;     /* resolved node (for EXTERNAL the priority node), else OAP_NONE */
    uint32_t item;   /* index in the list */
    uint32_t phase;  /* phase index for OAP_LIST_PHASE_NEEDS */
    uint8_t list;    /* oap_list */
    uint8_t status;  /* oap_link_status */
    uint16_t detail; /* for UNREADABLE: byte offset of the fault (capped) */
} oap_link;

/* Compressed sparse rows: the edges of node v are target[start[v] .. start[v + 1]). */
typedef struct oap_csr {
    uint32_t *start;  /* nnodes + 1 */
    uint32_t *target; /* node ids */
    uint32_t *link;   /* the link that made the edge, or OAP_NONE (implicit phase order) */
} oap_csr;

/* Edges before they are placed in rows. */
typedef struct oap_edge {
    uint32_t from, to, link;
} oap_edge;

typedef struct oap_edges {
    oap_edge *items;
    size_t n, cap;
} oap_edges;

int oap_edges_add(oap_edges *e, uint32_t from, uint32_t to, uint32_t link);
/* Rows sorted by target, repeats dropped (the smallest link kept). 0 or OAP_ENOMEM. */
int oap_csr_build(oap_csr *c, uint32_t n, const oap_edges *e);
void oap_csr_free(oap_csr *c);

typedef struct oap_graph {
    const oap_model *model;
    oap_node *nodes;
    uint32_t nnodes;
    uint32_t *plan_node;   /* per plan */
    uint32_t *goal_base;   /* per plan: node of its first goal */
    uint32_t *action_base; /* per plan: node of its first action */
    uint32_t *first_phase; /* per node: an action's first phase node, else OAP_NONE */
    char **ext_names;      /* external priorities, by item */
    uint32_t next;

    oap_link *links; /* every reference, in plan and action order */
    size_t nlinks;

    /* Dependency units are actions without phases and phases. needs: unit -> unit it
     * needs, with phase k+1 -> phase k implied; sorted, without repeats. */
    oap_csr needs;
    /* Every resolved reference between nodes, in refs or needs, from the action that
     * lists it to the target's action (a phase stands for its action), goal, plan or
     * priority; sorted, without repeats. */
    oap_csr refs;
    /* The reverse of refs: who lists this node. */
    oap_csr refs_in;

    /* "continues" of every action that has it, in plan and action order (kept apart from
     * links: a continuation is neither a reference nor a need). */
    oap_link *continues;
    size_t ncontinues;
    /* Per node: the action an action continues (resolved to an action), else OAP_NONE;
     * and per action, the actions that continue it. */
    uint32_t *carries_on;
    oap_csr carried_on_by;

    /* Joint Action Days as actions name them in "jads", over every loaded plan: JAD k
     * (0 <= k < njads) has the id jad_ids[k], as written (ids compare exactly; blank
     * items are left out), numbered in order of first mention, plan by plan and action by
     * action. The actions that name it are jad_actions.target[jad_actions.start[k] ..
     * jad_actions.start[k + 1]): action nodes, ascending, each once, and
     * jad_actions.link is the index in that action's "jads" of its first mention. Actions
     * that name one JAD, of one plan or of several, are linked through it. jad_index maps
     * an id to k. A JAD that a cycle file declares and no action names is not here: the
     * declarations are the cycle's (oap_plan.in_cycle). Linear in the items of "jads". */
    const char **jad_ids;
    uint32_t njads;
    oap_csr jad_actions;
    oap_strmap jad_index;

    /* Per loaded cycle, by oap_cycle.index: where each priority, common goal and JAD it
     * declares stands in its arrays, by code or id (the first, when one repeats). */
    oap_strmap *cycle_priorities, *cycle_goals, *cycle_jads;

    /* Lookup: plan ids, priority codes (to the first plan loaded of each), and per plan
     * goal and action ids. */
    oap_strmap plan_ids, priorities;
    uint32_t *priority_next; /* per plan: the next loaded plan of its priority, or OAP_NONE */
    oap_strmap *goal_ids, *action_ids;
} oap_graph;

/* Builds the graph of every plan in model: nodes, resolved links, needs and refs.
 * Returns 0 or OAP_ENOMEM. */
int oap_graph_build(oap_graph **out, const oap_model *model);
void oap_graph_free(oap_graph *g);

/* Resolves one reference in the grammar of plan files (oapgraph/refs.h,
 * oapgraph-format(5)) as written in plan `plan` (OAP_NONE: only qualified references
 * resolve, a priority qualifier among every plan of the priority). A priority qualifier
 * means the loaded plans of that priority whose years overlap plan's. Returns an
 * oap_link_status and sets *node (OAP_NONE unless RESOLVED or EXTERNAL). */
int oap_graph_resolve(const oap_graph *g, uint32_t plan, const char *text, uint32_t *node);

/* The loaded plans of priority `code` that a priority qualifier written in plan `plan`
 * can mean under scope (plan OAP_NONE: every plan of it), in load order: how many, with
 * the first max of them in out. */
size_t oap_graph_priority_plans(const oap_graph *g, uint32_t plan, const char *code,
                                oap_scope scope, uint32_t *out, size_t max);

/* The next plan of plan's priority: the first loaded plan of it whose years start the
 * year after plan's end, the plan that carries on what plan leaves to be continued;
 * OAP_NONE when none is loaded, or plan has no years. */
uint32_t oap_graph_next_plan(const oap_graph *g, uint32_t plan);

/* The unit a whole-action reference depends on (its last phase, or the action), and the
 * unit its own needs start from (its first phase, or the action). */
uint32_t oap_graph_unit_end(const oap_graph *g, uint32_t node);
uint32_t oap_graph_unit_start(const oap_graph *g, uint32_t node);
/* The action of a phase node, or the node itself. */
uint32_t oap_graph_action_of(const oap_graph *g, uint32_t node);

/* Writes a node's name as a reference, qualified unless it is in plan `from` (or from is
 * OAP_NONE): "2.1", "2.1#1", "SG2", "2012-F:3.1", "B:*", "2012-C". Returns buf. */
const char *oap_graph_name(const oap_graph *g, uint32_t node, uint32_t from, char *buf,
                           size_t size);

/* The months an action or phase node runs (its window, else its timing read in its
 * plan's year; a phased action without timing spans its phases). Returns 1 and fills
 * *w, or 0 when they cannot be told. */
int oap_graph_window(const oap_graph *g, uint32_t node, oap_window *w);

/* The plan, action and phase records behind nodes. */
const oap_plan *oap_graph_plan(const oap_graph *g, uint32_t node); /* NULL: external */
const oap_action *oap_graph_action(const oap_graph *g, uint32_t node);
const oap_goal *oap_graph_goal(const oap_graph *g, uint32_t node);
const oap_phase *oap_graph_phase(const oap_graph *g, uint32_t node);

/* JSON pointers into a node's plan file, by where items stand in the file's arrays:
 * of an action, phase or goal node or of one of its keys ("" or NULL for none), such
 * as "/actions/3/leaders"; and of a link's list item, "/actions/3/phases/0/needs/1". */
const char *oap_graph_node_pointer(const oap_graph *g, uint32_t node, const char *key, char *buf,
                                   size_t size);
const char *oap_graph_link_pointer(const oap_graph *g, const oap_link *l, char *buf, size_t size);

/* Edges of v in a CSR. */
static inline uint32_t oap_csr_count(const oap_csr *c, uint32_t v)
{
    return c->start[v + 1] - c->start[v];
}

#endif
