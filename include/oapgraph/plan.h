/* plan.h: load plan files and folders into one plan set. */
#ifndef OAPGRAPH_PLAN_H
#define OAPGRAPH_PLAN_H

#include "oapgraph/common.h"
#include "oapgraph/diag.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct oap_planset oap_planset;

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
void oap_planset_set_limits(oap_planset *set, const oap_load_limits *limits);

int oap_planset_new(oap_planset **out);
void oap_planset_free(oap_planset *set);

/* Loads a plan file, every *.oap.json below a folder (in name order), or standard
 * input for "-". Problems inside a plan are findings in diags; the call still returns 0.
 * Returns OAP_EIO when the path cannot be read (oap_planset_error() says why; the
 * plans already loaded stay), OAP_ENOMEM when out of memory. */
int oap_planset_load_path(oap_planset *set, const char *path, oap_diags *diags);

/* Loads a plan from memory, named name in findings. */
int oap_planset_load_buffer(oap_planset *set, const char *name, const char *text, size_t len,
                            oap_diags *diags);

/* Fills in the line and column of every finding that has only a JSON pointer, with one
 * scan per file, and releases the texts kept for it. Call once all checks have run. */
int oap_planset_locate(oap_planset *set, oap_diags *diags);

/* The last OAP_EIO's message ("cannot read 'x.oap.json': No such file or directory"). */
const char *oap_planset_error(const oap_planset *set);

/* What was loaded. */
size_t oap_planset_plan_count(const oap_planset *set);
size_t oap_planset_file_count(const oap_planset *set);
const char *oap_planset_file(const oap_planset *set, size_t i);
const char *oap_planset_plan_id(const oap_planset *set, size_t i);
size_t oap_planset_action_count(const oap_planset *set, size_t i);
size_t oap_planset_goal_count(const oap_planset *set, size_t i);

#ifdef __cplusplus
}
#endif
#endif
