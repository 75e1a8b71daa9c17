/* plans: the plans a view command (tasking, impact, deps) answers over, and their trouble. */
#ifndef OAP_CLI_PLANS_H
#define OAP_CLI_PLANS_H

#include "oapgraph/check.h"
#include "oapgraph/views.h"

/* Loads the plans of the command line (oap_views_open). When that fails, says why on
 * standard error: the path that cannot be read, else "CMD: out of memory" or the like.
 * Returns 0 or -1; call oap_views_close in both cases. */
int oap_cli_open_plans(oap_views_input *in, const char *cmd, int nplans, char **plans);

/* One side of a comparison (diff's OLD or NEW, report's --since OLD): the plans at path
 * (a file, a folder, '-') loaded and checked with opts into in->diags, so that both
 * sides are checked alike. Says what failed on standard error; returns 0 or -1. Call
 * oap_views_close in both cases. */
int oap_cli_open_side(oap_views_input *in, const char *cmd, const char *path,
                      const oap_check_options *opts);

/* Runs every rule over the plans into diags (which holds the loader's findings), as
 * 'oapgraph check' does: with the config at path, none with no_config, else the one found
 * here or in a folder above, so that diags then holds what check reports. A config that
 * cannot be used has its problems shown on standard error; then strict makes this return
 * OAP_EINVAL, else the rules run at their default severities. Otherwise returns what
 * oap_check_run returns. */
int oap_cli_check_plans(oap_planset *set, oap_diags *diags, const char *cmd, const char *config,
                        int no_config, int strict);

/* Warns when the plans have errors that 'oapgraph check' reports (the loader's and the
 * rules', counted by oap_cli_check_plans into in->diags), since the answer may leave out
 * what could not be read: "CMD: the plans have N errors that 'oapgraph check' shows; "
 * and then covers, which says what the answer covers ("this answer covers what could be
 * read"). Returns 0, or -1 after saying "CMD: out of memory" or the like. */
int oap_cli_warn_errors(const char *cmd, oap_views_input *in, const char *covers);

/* The warning of oap_cli_warn_errors, over findings already checked. */
void oap_cli_say_errors(const char *cmd, const oap_diags *diags, const char *covers);

#endif
