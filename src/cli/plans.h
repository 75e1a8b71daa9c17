/* plans: the plans a view command (tasking, impact, deps) answers over, and their trouble. */
#ifndef OAP_CLI_PLANS_H
#define OAP_CLI_PLANS_H

#include "oapgraph/views.h"

/* Loads the plans of the command line (oap_views_open). When that fails, says why on
 * standard error: the path that cannot be read, else "CMD: out of memory" or the like.
 * Returns 0 or -1; call oap_views_close in both cases. */
int oap_cli_open_plans(oap_views_input *in, const char *cmd, int nplans, char **plans);

/* Warns when the plans have errors, since the answer leaves out what could not be read:
 * "CMD: the plans have N errors that 'oapgraph check' shows; " and then covers, which
 * says what the answer covers ("this answer covers what could be read"). */
void oap_cli_warn_errors(const char *cmd, const oap_diags *diags, const char *covers);

#endif
