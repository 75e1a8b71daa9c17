/* views.h: answers over loaded plans: tasking sheets, the impact of a drop-out or a slip,
 * what needs what, the monitoring roll-up, and what changed between two revisions. */
#ifndef OAPGRAPH_VIEWS_H
#define OAPGRAPH_VIEWS_H

#include "oapgraph/export.h"
#include "oapgraph/common.h"
#include "oapgraph/diag.h"
#include "oapgraph/graph.h"
#include "oapgraph/plan.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The plans of one run and their graph. */
typedef struct oap_views_input {
    oap_planset *set;
    oap_diags *diags; /* what the loader found in the plans */
    oap_graph *graph;
} oap_views_input;

/* Loads every path (a plan file, a folder of them, "-" for standard input) into one
 * plan set and builds its graph. Returns 0; OAP_EIO when a path cannot be read (err
 * says which; the views answer over all the plans asked for or not at all); OAP_ENOMEM.
 * Problems inside a plan are findings in in->diags, as for `oapgraph check`. Call
 * oap_views_close in every case. */
OAP_EXTERN int oap_views_open(oap_views_input *in, char *const *paths, size_t n, char *err,
                              size_t size);
OAP_EXTERN void oap_views_close(oap_views_input *in);

/* Resolves a node argument in the reference grammar ("2.1", "2.1#1", "SG2",
 * "2012-F:3.1", "B:*"). An unqualified one is looked up in every loaded plan and must
 * name something in exactly one. Returns 0 with *node set, or OAP_EINVAL with a
 * message in err: unreadable, not found, ambiguous, or an external priority that no
 * plan refers to. */
OAP_EXTERN int oap_views_resolve(const oap_graph *g, const char *text, uint32_t *node, char *err,
                                 size_t size);

/* Tasking: one sheet per actor, the actions it leads or joins in every loaded plan. */
typedef struct oap_tasking oap_tasking;

typedef enum oap_tasking_role {
    OAP_TASKING_LEADER,      /* the only leader */
    OAP_TASKING_CO_LEADER,   /* one of several leaders */
    OAP_TASKING_PARTICIPANT, /* a participant */
    OAP_TASKING_DRIVER,      /* the plan's driver */
    OAP_TASKING_SUPPORT      /* gives the plan project support */
} oap_tasking_role;

typedef enum oap_tasking_format {
    OAP_TASKING_MARKDOWN,
    OAP_TASKING_CSV,
    OAP_TASKING_JSON
} oap_tasking_format;

/* Builds every sheet of the plans of g (the README's "Tasking sheets" says who gets one
 * and with which role). 0 or OAP_ENOMEM; *out is the caller's (oap_tasking_free). */
OAP_EXTERN int oap_tasking_build(oap_tasking **out, const oap_graph *g);
OAP_EXTERN void oap_tasking_free(oap_tasking *t);

/* The sheets in the order they are written (Member States and other actors in the
 * registry's order, then declared and unknown ones as first met, then groups): *n of
 * them, as sheet numbers for the functions below. Valid as long as t. */
OAP_EXTERN const size_t *oap_tasking_sheets(const oap_tasking *t, size_t *n);
/* A sheet's actor code (canonical, as declared, or as first written) and full name (or
 * NULL). */
OAP_EXTERN const char *oap_tasking_sheet_code(const oap_tasking *t, size_t sheet);
OAP_EXTERN const char *oap_tasking_sheet_name(const oap_tasking *t, size_t sheet);
/* The lines of a sheet, plan by plan: driver and support, then actions. Line k: the
 * node (an action, or for driver and support the plan), the role, and the group the actor
 * is named through ("All MS") or NULL. 0, or OAP_EINVAL past the end. */
OAP_EXTERN size_t oap_tasking_line_count(const oap_tasking *t, size_t sheet);
OAP_EXTERN int oap_tasking_line(const oap_tasking *t, size_t sheet, size_t k, uint32_t *node,
                                oap_tasking_role *role, const char **via);

/* The sheet of an actor written as --actor gives it ("HU", "Cefpol" for CEPOL). An actor
 * the registry or a plan knows but that takes part in nothing gets an empty sheet.
 * Returns 0 with *sheet, OAP_EINVAL with a message in err (unknown, or "All MS", which is
 * on the Member States' sheets), or OAP_ENOMEM. */
OAP_EXTERN int oap_tasking_select(oap_tasking *t, const char *text, size_t *sheet, char *err,
                                  size_t size);

/* Writes the sheets listed as one document: Markdown sheets one after the other, one CSV
 * table with the actor in its first columns, or one JSON document. Every sheet carries
 * the classification of the plans it draws on. 0, OAP_EIO or OAP_ENOMEM. */
OAP_EXTERN int oap_tasking_write(FILE *out, const oap_tasking *t, const size_t *sheets, size_t n,
                                 oap_tasking_format fmt);
/* The CSV of oap_tasking_write with sep between fields in place of the comma (';' or a
 * tab, for spreadsheet programs of countries whose decimal mark is the comma); a field
 * holding sep is quoted. OAP_EINVAL for a quote, CR, LF or NUL; else as oap_tasking_write. */
OAP_EXTERN int oap_tasking_write_csv(FILE *out, const oap_tasking *t, const size_t *sheets,
                                     size_t n, char sep);

/* The file a sheet is written to in a folder: its code with every run of ASCII
 * characters other than letters, digits, "-" and "_" made one "-" ("Relevant MS" ->
 * "Relevant-MS"), a Latin letter with a diacritic as its ASCII letter ("Osterreich"),
 * any other character that is not ASCII as its escape ("u0395"), and ".md", ".csv" or
 * ".json". A name that would be longer than 100 bytes is cut to 83 and ends with "-" and
 * 16 hexadecimal digits of a hash of the whole code. Refuses (OAP_EINVAL) a code that
 * leaves nothing and device names some systems reserve (CON, NUL, COM1, ...). Returns 0
 * with the name in buf. */
OAP_EXTERN int oap_tasking_sheet_file_name(const oap_tasking *t, size_t sheet,
                                           oap_tasking_format fmt, char *buf, size_t size);

/* Impact: what taking actors out, or an action's slip, does to the plans. */
typedef struct oap_impact oap_impact;

/* What taking out the actors (as --without names them: "HU", "Cefpol") does: actions
 * that lose leaders or participants, plans that lose their driver or support, and every
 * unit that needs an affected action. Returns 0; OAP_EINVAL with a message in err when
 * an actor is neither known nor named by a loaded plan; OAP_ENOMEM. */
OAP_EXTERN int oap_impact_of_dropping(oap_impact **out, const oap_graph *g,
                                      const char *const *actors, size_t n, char *err, size_t size);

/* What a slip of node (an action, all its phases, or one phase) by months does: every
 * unit that needs a slipped one and must move, by how much, and those that still fit.
 * Returns 0, OAP_EINVAL with a message in err (not an action or phase, no window to
 * slip, or a unit that would move to after 9999-12), or OAP_ENOMEM. */
OAP_EXTERN int oap_impact_slip(oap_impact **out, const oap_graph *g, uint32_t node, int months,
                               char *err, size_t size);
OAP_EXTERN void oap_impact_free(oap_impact *im);

/* The actions an actor's drop-out touches, most severe first: the node, and whether it
 * is left at risk (no leader, or no participant but groups still to name). */
OAP_EXTERN size_t oap_impact_action_count(const oap_impact *im);
OAP_EXTERN int oap_impact_action_at(const oap_impact *im, size_t i, uint32_t *node, int *at_risk);
/* The units reached: downstream of an affected action, or slipped (with the months they
 * must move; 0 for a drop-out). */
OAP_EXTERN size_t oap_impact_reach_count(const oap_impact *im);
OAP_EXTERN int oap_impact_reach_at(const oap_impact *im, size_t i, uint32_t *unit, int *months);

/* For a terminal (one line per effect, then what is downstream) or as JSON. 0, OAP_EIO
 * or OAP_ENOMEM. */
OAP_EXTERN int oap_impact_write_text(FILE *out, const oap_impact *im);
OAP_EXTERN int oap_impact_write_json(FILE *out, const oap_impact *im);

/* What a node needs, what needs it, and the shortest path between two nodes. */
typedef struct oap_deps_options {
    int reverse;   /* rdeps: what needs the node, rather than what it needs */
    int all_links; /* walk every link (refs both ways too), not only needs */
} oap_deps_options;

typedef struct oap_deps oap_deps;

/* Walks from node breadth first over needs (or every link): everything it reaches, the
 * units it stands for first (depth 0). Returns 0 or OAP_ENOMEM; *out is the caller's. */
OAP_EXTERN int oap_deps_run(oap_deps **out, const oap_graph *g, uint32_t node,
                            const oap_deps_options *opts);
OAP_EXTERN void oap_deps_free(oap_deps *d);
/* The nodes reached, in breadth-first order, with their depth. */
OAP_EXTERN size_t oap_deps_count(const oap_deps *d);
OAP_EXTERN uint32_t oap_deps_node(const oap_deps *d, size_t i, unsigned *depth);
OAP_EXTERN int oap_deps_write_text(FILE *out, const oap_deps *d);
OAP_EXTERN int oap_deps_write_json(FILE *out, const oap_deps *d);

typedef struct oap_path oap_path;

/* The shortest path from the units of from to one of to: 1 when found, 0 when there is
 * none, or OAP_ENOMEM; *out is the caller's in the first two cases. */
OAP_EXTERN int oap_path_find(oap_path **out, const oap_graph *g, uint32_t from, uint32_t to,
                             const oap_deps_options *opts);
OAP_EXTERN void oap_path_free(oap_path *p);
/* The nodes of the path, from a unit of from to a unit of to (0 when there is none). */
OAP_EXTERN size_t oap_path_length(const oap_path *p);
OAP_EXTERN uint32_t oap_path_node(const oap_path *p, size_t i);
OAP_EXTERN int oap_path_write_text(FILE *out, const oap_path *p);
OAP_EXTERN int oap_path_write_json(FILE *out, const oap_path *p);

/* History: an action carried on from plan to plan ("continues"), from its first year to
 * its last. */
typedef struct oap_history oap_history;

/* The chain of continuations through node (an action, or a phase of one): back to the
 * action it started as, then forward through every action that continues one of the
 * chain, in that order. Returns 0; OAP_EINVAL when node is not an action or phase;
 * OAP_ENOMEM. *out is the caller's. */
OAP_EXTERN int oap_history_run(oap_history **out, const oap_graph *g, uint32_t node);
OAP_EXTERN void oap_history_free(oap_history *h);
OAP_EXTERN size_t oap_history_count(const oap_history *h);
OAP_EXTERN uint32_t oap_history_node(const oap_history *h, size_t i);
/* For a terminal (one line per action: its plan's years, the action, what it continues,
 * its title) or as JSON. 0 or OAP_EIO. */
OAP_EXTERN int oap_history_write_text(FILE *out, const oap_history *h);
OAP_EXTERN int oap_history_write_json(FILE *out, const oap_history *h);

/* Status: the monitoring roll-up of the reporting rounds, per plan or per actor. */
typedef struct oap_status oap_status;

typedef enum oap_status_by {
    OAP_STATUS_BY_PLAN, /* one group per plan: its actions */
    OAP_STATUS_BY_ACTOR /* one group per actor: the actions it leads or co-leads */
} oap_status_by;

typedef enum oap_status_format {
    OAP_STATUS_TEXT,
    OAP_STATUS_MARKDOWN,
    OAP_STATUS_CSV,
    OAP_STATUS_JSON
} oap_status_format;

/* An action's last reported status ("results"' status words), or none. */
typedef enum oap_status_state {
    OAP_STATUS_PLANNED,
    OAP_STATUS_ONGOING,
    OAP_STATUS_COMPLETED,
    OAP_STATUS_CONTINUE,
    OAP_STATUS_NOT_COMPLETED,
    OAP_STATUS_CANCELLED,
    OAP_STATUS_UNCLEAR,
    OAP_STATUS_NO_REPORT, /* no round and no results object gives a status */
    OAP_STATUS_STATES
} oap_status_state;

/* Why an action is in a group: by plan, it is one of the plan's; by actor, the actor is
 * its only leader, one of several leaders, or one of its "coleaders". */
typedef enum oap_status_role {
    OAP_STATUS_IN_PLAN,
    OAP_STATUS_LEADER,
    OAP_STATUS_CO_LEADER
} oap_status_role;

/* Rolls up the reports of the plans of g, by plan or by actor: each action's last
 * status; the rounds of each plan (the months any of its actions reported) and the
 * rounds an action has no report for; each KPI's last value (that of the latest round
 * that gives one for its indicator) against its target; the actions reported
 * "continue" and whether the next plan of their priority carries them on. An actor's
 * actions are those it leads or co-leads; participants are not counted. Linear in the
 * actions, rounds and values. 0 or OAP_ENOMEM; *out is the caller's (oap_status_free). */
OAP_EXTERN int oap_status_build(oap_status **out, const oap_graph *g, oap_status_by by);
OAP_EXTERN void oap_status_free(oap_status *st);

/* "planned", ..., "unclear", "no-report"; NULL for a value out of range. */
OAP_EXTERN const char *oap_status_state_id(oap_status_state state);

/* The groups in the order they are written (plans as loaded; actors as tasking orders
 * its sheets, only those with an action): id (plan id or actor code), name (plan title
 * or actor's full name, or NULL), how many of its actions are in each state. */
OAP_EXTERN size_t oap_status_group_count(const oap_status *st);
OAP_EXTERN const char *oap_status_group_id(const oap_status *st, size_t group);
OAP_EXTERN const char *oap_status_group_name(const oap_status *st, size_t group);
OAP_EXTERN size_t oap_status_group_tally(const oap_status *st, size_t group,
                                         oap_status_state state);
/* Action k of a group: its node and role. 0, or OAP_EINVAL past the end. */
OAP_EXTERN size_t oap_status_action_count(const oap_status *st, size_t group);
OAP_EXTERN int oap_status_action(const oap_status *st, size_t group, size_t k, uint32_t *node,
                                 oap_status_role *role);

/* The rounds of plan (a plan index of g's model) as months (year * 12 + month - 1),
 * earliest first; -1 past the end. */
OAP_EXTERN size_t oap_status_round_count(const oap_status *st, size_t plan);
OAP_EXTERN int oap_status_round(const oap_status *st, size_t plan, size_t i);

/* What the reports say of action node: its last status (OAP_STATUS_NO_REPORT for a node
 * that is not an action), the rounds of its plan it has no report for (months, earliest
 * first; -1 past the end). */
OAP_EXTERN oap_status_state oap_status_of(const oap_status *st, uint32_t node);
OAP_EXTERN size_t oap_status_missing_count(const oap_status *st, uint32_t node);
OAP_EXTERN int oap_status_missing_round(const oap_status *st, uint32_t node, size_t i);

/* KPI i of action node: 1 with its last value and the month of the round that gave it,
 * 0 when no round gives one. The share: 1 with value / target * 100, 0 when there is no
 * value or no non-zero target. */
OAP_EXTERN int oap_status_kpi_value(const oap_status *st, uint32_t node, size_t i, double *value,
                                    int *month);
OAP_EXTERN int oap_status_kpi_share(const oap_status *st, uint32_t node, size_t i, double *percent);

/* For an action reported "continue": *next_plan the id of the next plan of its priority
 * when one is loaded (else NULL); 1 when an action of that plan carries it on, 0 when
 * none does (or no next plan is loaded). OAP_EINVAL for any other node. */
OAP_EXTERN int oap_status_carried_on(const oap_status *st, uint32_t node, const char **next_plan);

/* Writes the roll-up: text (a block per group, the classification as a banner first and
 * last), Markdown (a sheet per group, the classification first and last in each), CSV
 * (one table, a row per KPI of each action, the classification in each row) or JSON (the
 * classification of the document and of each group). 0, OAP_EIO or OAP_ENOMEM. */
OAP_EXTERN int oap_status_write(FILE *out, const oap_status *st, oap_status_format fmt);
/* Diff: what changed between two revisions of plans (OLD and NEW, each a loaded run),
 * what it affects, and which findings it introduced or fixed. */
typedef struct oap_diff oap_diff;

typedef enum oap_diff_kind {
    OAP_DIFF_ADDED,      /* a plan, goal or action only NEW has */
    OAP_DIFF_REMOVED,    /* one only OLD has */
    OAP_DIFF_RENUMBERED, /* an action of OLD that NEW has under another id (same work) */
    OAP_DIFF_CHANGED     /* a plan, goal or action both have, with fields changed */
} oap_diff_kind;

typedef enum oap_diff_format { OAP_DIFF_TEXT, OAP_DIFF_JSON, OAP_DIFF_MARKDOWN } oap_diff_format;

/* "added", "removed", "renumbered", "changed" (as the reports write them); NULL for a
 * value out of range. */
OAP_EXTERN const char *oap_diff_kind_name(oap_diff_kind kind);

/* Compares the plans of old_graph and new_graph, matched by plan id; goals by id;
 * actions by id and by content (the overlap score, with a shared leader and the same
 * goal), so that an action moved to another id is renumbered, not removed and added.
 * The findings of each side (oap_check_run with the same options) are matched by
 * fingerprint, OLD's mapped through the renumbering first. depth: how far the affected
 * actions are followed through needs (1: only those that need or refer to a changed
 * action). The diff borrows from both graphs and both findings: keep them until
 * oap_diff_free. Returns 0 or OAP_ENOMEM; *out is the caller's. */
OAP_EXTERN int oap_diff_build(oap_diff **out, const oap_graph *old_graph,
                              const oap_diags *old_findings, const oap_graph *new_graph,
                              const oap_diags *new_findings, unsigned depth);
OAP_EXTERN void oap_diff_free(oap_diff *d);

/* The plans, goals and actions of a kind, in the order of the plans: how many, and the
 * old and new node of item i (OAP_NONE, UINT32_MAX, for the side that lacks it). 0, or
 * OAP_EINVAL past the end. */
OAP_EXTERN size_t oap_diff_count(const oap_diff *d, oap_diff_kind kind);
OAP_EXTERN int oap_diff_at(const oap_diff *d, oap_diff_kind kind, size_t i, uint32_t *old_node,
                           uint32_t *new_node);
/* Actions of NEW that need or refer to a changed, renumbered or removed action; and
 * references of NEW left on an old number (stale-ref-after-renumber, warnings). */
OAP_EXTERN size_t oap_diff_affected_count(const oap_diff *d);
OAP_EXTERN size_t oap_diff_stale_count(const oap_diff *d);
/* Findings NEW introduced at or above min (the stale references count as warnings),
 * and the findings of OLD that NEW fixed. */
OAP_EXTERN size_t oap_diff_new_count(const oap_diff *d, oap_severity min);
OAP_EXTERN size_t oap_diff_fixed_count(const oap_diff *d);
/* Whether nothing changed and no finding came or went. */
OAP_EXTERN int oap_diff_empty(const oap_diff *d);

/* Writes the change report: text (nothing when there is no change), one JSON document,
 * or Markdown. 0, OAP_EIO or OAP_ENOMEM. */
OAP_EXTERN int oap_diff_write(FILE *out, const oap_diff *d, oap_diff_format fmt);

#ifdef __cplusplus
}
#endif
#endif
