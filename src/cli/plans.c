/* plans: the plans a view command (tasking, impact, deps) answers over, and their trouble. */
#include "plans.h"

#include "check_options.h"
#include "cli.h"

#include "oapgraph/common.h"

int oap_cli_open_plans(oap_views_input *in, const char *cmd, int nplans, char **plans)
{
    char err[512];
    int rc = oap_views_open(in, plans, (size_t)nplans, err, sizeof err);
    if (rc == OAP_EIO)
        oap_cli_error("%s", err);
    else if (rc < 0)
        oap_cli_error("%s: %s", cmd, oap_strerror(rc));
    if (in->set)
        oap_cli_notes(oap_planset_notes(in->set));
    return rc < 0 ? -1 : 0;
}

int oap_cli_open_side(oap_views_input *in, const char *cmd, const char *path,
                      const oap_check_options *opts)
{
    char *paths[1] = {(char *)path};
    if (oap_cli_open_plans(in, cmd, 1, paths) < 0)
        return -1;
    int rc = oap_check_run(in->set, in->diags, opts);
    if (rc < 0) {
        oap_cli_error("%s: %s", cmd, oap_strerror(rc));
        return -1;
    }
    return 0;
}

int oap_cli_check_plans(oap_planset *set, oap_diags *diags, const char *cmd, const char *config,
                        int no_config, int strict)
{
    oap_config *cfg = NULL;
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    int rc = 0;
    if (oap_cli_check_options(&opts, &cfg, cmd, config, no_config, 0) < 0) {
        if (strict)
            rc = OAP_EINVAL;
        /* What the config said has been shown; the count is the defaults' meanwhile. */
        opts = (oap_check_options)OAP_CHECK_OPTIONS_INIT;
    }
    if (rc == 0)
        rc = oap_check_run(set, diags, &opts);
    oap_config_free(cfg);
    return rc;
}

int oap_cli_warn_errors(const char *cmd, oap_views_input *in, const char *covers)
{
    int rc = oap_cli_check_plans(in->set, in->diags, cmd, NULL, 0, 0);
    if (rc < 0) {
        oap_cli_error("%s: %s", cmd, oap_strerror(rc));
        return -1;
    }
    oap_cli_say_errors(cmd, in->diags, covers);
    return 0;
}

void oap_cli_say_errors(const char *cmd, const oap_diags *diags, const char *covers)
{
    size_t errors = oap_diags_count_at_least(diags, OAP_SEVERITY_ERROR);
    if (errors)
        oap_cli_error("%s: the plans have %zu error%s that 'oapgraph check' shows; %s", cmd, errors,
                      errors == 1 ? "" : "s", covers);
}
