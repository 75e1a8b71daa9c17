/* plan.h: load plan and cycle files and folders into one plan set. */
#ifndef OAPGRAPH_PLAN_H
#define OAPGRAPH_PLAN_H

#include "oapgraph/export.h"
#include "oapgraph/common.h"
#include "oapgraph/diag.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct oap_planset oap_planset;

/* The JSON Schema (draft-07) of the plan file format, as compiled in. */
OAP_EXTERN const char *oap_plan_schema(void);
/* The JSON Schema (draft-07) of the cycle file format (*.cycle.json), as compiled in. */
OAP_EXTERN const char *oap_cycle_schema(void);

/* Makes jansson, for the whole process, allocate from large blocks: loading a plan then
 * costs no malloc and no free per JSON value (a tenth of a check's time). jansson's
 * allocator is process-wide (json_set_alloc_funcs), so the library never calls this: a
 * program that owns its process may, before its first call into the library or jansson,
 * and calls oap_json_block_allocator_end before it exits (it frees the blocks no value is
 * in any more). No effect in AddressSanitizer builds. */
OAP_EXTERN void oap_json_use_block_allocator(void);
OAP_EXTERN void oap_json_block_allocator_end(void);

/* What one run reads at most. The defaults are far above any real plan (the largest
 * OAP has a few dozen actions); they stop a hostile or broken file from taking the
 * machine. An input over a limit is a finding of rule "limit", not a crash. */
typedef struct oap_load_limits {
    size_t max_file_bytes;   /* a plan file's size */
    size_t max_depth;        /* nesting of arrays and objects (jansson stops at 2048) */
    size_t max_string_bytes; /* one string or key */
    size_t max_actions;      /* actions of one plan */
} oap_load_limits;

#define OAP_LOAD_LIMITS_DEFAULT                                                                    \
    {                                                                                              \
        (size_t)1 << 30, 2048, (size_t)64 << 20, 10000000                                          \
    }

/* Sets the limits for the files loaded from now on (the defaults apply until then). */
OAP_EXTERN void oap_planset_set_limits(oap_planset *set, const oap_load_limits *limits);

OAP_EXTERN int oap_planset_new(oap_planset **out);
/* What standard input ("-") is called in the findings, fingerprints and reports of the
 * plans read from it afterwards (a copy of name is kept); NULL: "-" again, the default.
 * Returns 0 or OAP_ENOMEM. */
OAP_EXTERN int oap_planset_set_stdin_name(oap_planset *set, const char *name);
/* Shell globs (fnmatch, '*' crossing '/'; NULL-terminated, copied) of the paths a folder
 * walk of oap_planset_load_path leaves out: a file or a folder whose path as walked (the
 * folder given, then the names below it: "plans/drafts/x.oap.json") matches one is not
 * read, nor entered. Paths given themselves are always read. NULL or none: nothing left
 * out. Returns 0 or OAP_ENOMEM. */
OAP_EXTERN int oap_planset_set_exclude(oap_planset *set, const char *const *globs);
OAP_EXTERN void oap_planset_free(oap_planset *set);

/* Loads a plan or cycle file, every *.oap.json and *.cycle.json below a folder (in name
 * order), or standard input for "-". A file whose top level has "cycle" and no "plan" is
 * a cycle file; one with neither is a cycle file when its name ends in ".cycle.json".
 * A file is loaded once, however many names reach it (its device and inode tell), and a
 * folder is walked once (a symbolic link back to a folder above is a note, not a loop).
 * Problems inside a file are findings in diags; the call still returns 0.
 * Returns OAP_EIO when the path, or a file or folder below it, cannot be read, or when a
 * folder holds no *.oap.json nor *.cycle.json file at all
 * (oap_planset_error() says why, for the last one; the plans already loaded stay, and
 * the rest of a folder is still loaded), OAP_ENOMEM when out of memory. */
OAP_EXTERN int oap_planset_load_path(oap_planset *set, const char *path, oap_diags *diags);

/* Loads a plan or cycle file from memory, named name in findings. */
OAP_EXTERN int oap_planset_load_buffer(oap_planset *set, const char *name, const char *text,
                                       size_t len, oap_diags *diags);

/* Fills in the line and column of every finding that has only a JSON pointer, with one
 * scan per file: a regular file is read again if it is unchanged (device, inode, size,
 * modification time; never more than was read the first time), otherwise its findings
 * point at its start and a note says so; a buffer, standard input, a pipe, a FIFO or a
 * device is read from the text the set keeps. Each finding of a file so read gets its
 * source line (oap_diag.source). The set is left as it was, so a run may be
 * repeated. Call once all checks have run. */
OAP_EXTERN int oap_planset_locate(oap_planset *set, oap_diags *diags);

/* The last OAP_EIO's message ("cannot read 'x.oap.json': No such file or directory"). */
OAP_EXTERN const char *oap_planset_error(const oap_planset *set);

/* What the run should be told that is not trouble, a line each ending in a newline, file
 * names escaped as plan text is ("" when nothing): a folder reached again through a
 * symbolic link, a file that changed before its findings were located. */
OAP_EXTERN const char *oap_planset_notes(const oap_planset *set);

/* What was loaded. */
OAP_EXTERN size_t oap_planset_plan_count(const oap_planset *set);
OAP_EXTERN size_t oap_planset_file_count(const oap_planset *set);
OAP_EXTERN const char *oap_planset_file(const oap_planset *set, size_t i);
OAP_EXTERN const char *oap_planset_plan_id(const oap_planset *set, size_t i);
OAP_EXTERN size_t oap_planset_action_count(const oap_planset *set, size_t i);
OAP_EXTERN size_t oap_planset_goal_count(const oap_planset *set, size_t i);

/* Reading the plans. The records belong to the plan set and stay valid until it is
 * freed; strings are UTF-8 as the files give them (NULL for an optional key a plan leaves
 * out, "" never stands for "absent"). Indexes past the end give NULL (or 0). */
typedef struct oap_plan oap_plan;
typedef struct oap_goal oap_goal;
typedef struct oap_action oap_action;
typedef struct oap_phase oap_phase;
typedef struct oap_round oap_round;
typedef struct oap_cycle oap_cycle;

/* Plan i of the set, in the order loaded. */
OAP_EXTERN const oap_plan *oap_planset_plan(const oap_planset *set, size_t i);

/* The path the plan was loaded from, as given ("-" for standard input). */
OAP_EXTERN const char *oap_plan_file(const oap_plan *p);
OAP_EXTERN const char *oap_plan_id(const oap_plan *p);       /* "2012-C" */
OAP_EXTERN const char *oap_plan_priority(const oap_plan *p); /* "C" */
OAP_EXTERN const char *oap_plan_title(const oap_plan *p);
OAP_EXTERN const char *oap_plan_aim(const oap_plan *p);
OAP_EXTERN const char *oap_plan_cycle(const oap_plan *p);
OAP_EXTERN const char *oap_plan_document(const oap_plan *p); /* "17793/2/11 REV 2" */
OAP_EXTERN const char *
oap_plan_classification(const oap_plan *p);                /* "RESTREINT UE/EU RESTRICTED" */
OAP_EXTERN const char *oap_plan_driver(const oap_plan *p); /* an actor code, "IT" */
OAP_EXTERN int oap_plan_year(const oap_plan *p);           /* 0 when the plan has none */
/* The years the plan covers ("period", or "year" alone): 1 with the first and the last,
 * 0 when it has neither (it then meets every year). */
OAP_EXTERN int oap_plan_years(const oap_plan *p, int *first, int *last);
OAP_EXTERN const char *oap_plan_revision(const oap_plan *p); /* "REV 2" */
/* "draft", "submitted" or "validated"; the day COSI validated it, "YYYY-MM-DD". */
OAP_EXTERN const char *oap_plan_status(const oap_plan *p);
OAP_EXTERN const char *oap_plan_validated_on(const oap_plan *p);
/* The loaded cycle the plan belongs to (the one whose years hold the plan's), or NULL. */
OAP_EXTERN const oap_cycle *oap_plan_in_cycle(const oap_plan *p);
OAP_EXTERN size_t oap_plan_support_count(const oap_plan *p);
OAP_EXTERN const char *oap_plan_support(const oap_plan *p, size_t i);
/* The priorities the plan declares an inter-dependency with ("overlaps"), and why. */
OAP_EXTERN size_t oap_plan_overlap_count(const oap_plan *p);
OAP_EXTERN const char *oap_plan_overlap_priority(const oap_plan *p, size_t i);
OAP_EXTERN const char *oap_plan_overlap_note(const oap_plan *p, size_t i);

OAP_EXTERN size_t oap_plan_goal_count(const oap_plan *p);
OAP_EXTERN const oap_goal *oap_plan_goal(const oap_plan *p, size_t i);
OAP_EXTERN const char *oap_goal_id(const oap_goal *g); /* "SG1" */
OAP_EXTERN const char *oap_goal_title(const oap_goal *g);
/* The common horizontal strategic goal the goal implements ("CHSG1"), or NULL. */
OAP_EXTERN const char *oap_goal_common(const oap_goal *g);

OAP_EXTERN size_t oap_plan_action_count(const oap_plan *p);
OAP_EXTERN const oap_action *oap_plan_action(const oap_plan *p, size_t i);
OAP_EXTERN const char *oap_action_id(const oap_action *a); /* "2.1" */
OAP_EXTERN const char *
oap_action_goal(const oap_action *a); /* the goal it serves, as written: "SG2" */
OAP_EXTERN const char *oap_action_title(const oap_action *a);
OAP_EXTERN const char *oap_action_description(const oap_action *a);
OAP_EXTERN const char *oap_action_timing(const oap_action *a); /* as written: "April/May/June" */
OAP_EXTERN const char *oap_action_target(const oap_action *a);
OAP_EXTERN const char *oap_action_link(const oap_action *a);
/* The last reported status ("ongoing", "completed", ...): the latest reporting round's
 * that gives one, or that of the results object; NULL when none. */
OAP_EXTERN const char *oap_action_status(const oap_action *a);
/* The explicit "window": 1 with its first and last month as year * 12 + (month - 1)
 * (April 2012 is 2012 * 12 + 3); 0 when the action has none (its timing may still read
 * as one). */
OAP_EXTERN int oap_action_window(const oap_action *a, int *first, int *last);

/* The lists of an action, as written; a KPI written as an object is its indicator. */
typedef enum oap_action_list {
    OAP_ACTION_LEADERS,
    OAP_ACTION_PARTICIPANTS,
    OAP_ACTION_REFS,
    OAP_ACTION_NEEDS,
    OAP_ACTION_KPIS,
    OAP_ACTION_NOTES,
    OAP_ACTION_COLEADERS,
    OAP_ACTION_JADS /* ids of the Joint Action Days it takes part in */
} oap_action_list;

OAP_EXTERN size_t oap_action_list_count(const oap_action *a, oap_action_list list);
OAP_EXTERN const char *oap_action_list_item(const oap_action *a, oap_action_list list, size_t i);

/* KPI i (item i of OAP_ACTION_KPIS): 1 with its numeric target, 0 when it has none; its
 * unit ("per year"), or NULL. */
OAP_EXTERN int oap_action_kpi_target(const oap_action *a, size_t i, double *target);
OAP_EXTERN const char *oap_action_kpi_unit(const oap_action *a, size_t i);

/* The action's grant: 1 with its amount, 0 when it has none; its currency (an ISO 4217
 * code, "EUR" when the file gives none), beneficiary (an actor) and source, or NULL. */
OAP_EXTERN int oap_action_grant(const oap_action *a, double *amount);
OAP_EXTERN const char *oap_action_grant_currency(const oap_action *a);
OAP_EXTERN const char *oap_action_grant_beneficiary(const oap_action *a);
OAP_EXTERN const char *oap_action_grant_source(const oap_action *a);

/* Reporting rounds (results written as an array), by month, earliest first. */
OAP_EXTERN size_t oap_action_round_count(const oap_action *a);
OAP_EXTERN const oap_round *oap_action_round(const oap_action *a, size_t i);
/* The month reported on, as year * 12 + (month - 1). */
OAP_EXTERN int oap_round_month(const oap_round *r);
OAP_EXTERN const char *oap_round_status(const oap_round *r); /* or NULL */
OAP_EXTERN const char *oap_round_text(const oap_round *r);   /* or NULL */
/* The values the round gives, by the indicator of the KPI they measure. */
OAP_EXTERN size_t oap_round_value_count(const oap_round *r);
OAP_EXTERN const char *oap_round_value_indicator(const oap_round *r, size_t i);
OAP_EXTERN double oap_round_value(const oap_round *r, size_t i);

/* Phases run in the order given; phase k+1 needs phase k. */
OAP_EXTERN size_t oap_action_phase_count(const oap_action *a);
OAP_EXTERN const oap_phase *oap_action_phase(const oap_action *a, size_t i);
OAP_EXTERN const char *oap_phase_id(const oap_phase *ph);
OAP_EXTERN const char *oap_phase_timing(const oap_phase *ph);
OAP_EXTERN int oap_phase_window(const oap_phase *ph, int *first, int *last);
OAP_EXTERN size_t oap_phase_need_count(const oap_phase *ph);
OAP_EXTERN const char *oap_phase_need(const oap_phase *ph, size_t i);

/* The cycle files of the set, in the order loaded. */
OAP_EXTERN size_t oap_planset_cycle_count(const oap_planset *set);
OAP_EXTERN const oap_cycle *oap_planset_cycle(const oap_planset *set, size_t i);
OAP_EXTERN const char *oap_cycle_file(const oap_cycle *c);
OAP_EXTERN const char *oap_cycle_id(const oap_cycle *c); /* "2026-2029" */
OAP_EXTERN const char *oap_cycle_title(const oap_cycle *c);
/* Its first and last year. */
OAP_EXTERN void oap_cycle_years(const oap_cycle *c, int *first, int *last);
/* Its priorities: code ("A") and title. */
OAP_EXTERN size_t oap_cycle_priority_count(const oap_cycle *c);
OAP_EXTERN const char *oap_cycle_priority_code(const oap_cycle *c, size_t i);
OAP_EXTERN const char *oap_cycle_priority_title(const oap_cycle *c, size_t i);
/* Its common horizontal strategic goals: id ("CHSG1") and title. */
OAP_EXTERN size_t oap_cycle_common_goal_count(const oap_cycle *c);
OAP_EXTERN const char *oap_cycle_common_goal_id(const oap_cycle *c, size_t i);
OAP_EXTERN const char *oap_cycle_common_goal_title(const oap_cycle *c, size_t i);
/* Its Joint Action Days: id, title, and window (1 with its first and last month as
 * year * 12 + (month - 1), 0 when it has none). */
OAP_EXTERN size_t oap_cycle_jad_count(const oap_cycle *c);
OAP_EXTERN const char *oap_cycle_jad_id(const oap_cycle *c, size_t i);
OAP_EXTERN const char *oap_cycle_jad_title(const oap_cycle *c, size_t i);
OAP_EXTERN int oap_cycle_jad_window(const oap_cycle *c, size_t i, int *first, int *last);

#ifdef __cplusplus
}
#endif
#endif
