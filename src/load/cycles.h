/* cycles: which loaded cycle each plan belongs to, and what only files together show. */
#ifndef OAP_LOAD_CYCLES_H
#define OAP_LOAD_CYCLES_H

#include "core/diag.h"
#include "core/model.h"

/* Each pair of a plan and a cycle meets once, when the later of the two is added to the
 * model: the plan belongs to the first cycle loaded whose years hold its own (a plan
 * without years, to the cycle its "cycle" names), and its "cycle", when given, must
 * name that cycle ("schema" findings at /plan/cycle otherwise). Two cycle files with
 * one id are a "duplicate-id" finding on the one loaded second, which then meets no
 * plan; two whose years overlap are a "schema" finding on the one loaded second (once,
 * naming the first). Return 0 or OAP_ENOMEM. */

/* Plan p, just added to m. */
int oap_cycles_add_plan(oap_model *m, oap_plan *p, oap_diags *diags);
/* Cycle c, just added to m. */
int oap_cycles_add_cycle(oap_model *m, const oap_cycle *c, oap_diags *diags);

#endif
