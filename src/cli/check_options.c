/* check_options: the rule options of check and dot --highlight: the config file, --disable,
 * --exclude. */
#include "check_options.h"

#include "cli.h"

#include "oapgraph/common.h"
#include "oapgraph/rules.h"

#include <stdlib.h>
#include <string.h>

int oap_cli_check_options(oap_check_options *opts, oap_config **cfg, const char *cmd,
                          const char *path, int no_config, size_t max_bytes)
{
    char err[8192]; /* every problem of a config, one a line, while they fit */
    char *found = NULL;
    if (!path && !no_config) {
        if (oap_config_find(&found) < 0) {
            oap_cli_error("%s: %s", cmd, oap_strerror(OAP_ENOMEM));
            return -1;
        }
        path = found;
    }
    int rc = path ? oap_config_read(cfg, path, max_bytes, err, sizeof err) : 0;
    free(found);
    if (rc == OAP_ENOMEM)
        oap_cli_error("%s: %s", cmd, oap_strerror(rc));
    else if (rc < 0) /* where and what: ".oapgraph.json:3:14: unknown rule ..." */
        oap_cli_error_lines(err);
    else if (*cfg)
        oap_config_apply(*cfg, opts);
    return rc < 0 ? -1 : 0;
}

int oap_cli_disable_rules(oap_check_options *opts, const char *const *disable, const char ***ids,
                          oap_severity **sevs)
{
    size_t nd = 0, nc = 0, k = 0;
    while (disable[nd])
        nd++;
    while (opts->rule_ids && opts->rule_ids[nc])
        nc++;
    *ids = malloc((nd + nc + 1) * sizeof **ids);
    *sevs = malloc((nd + nc + 1) * sizeof **sevs);
    if (!*ids || !*sevs)
        return OAP_ENOMEM;
    for (size_t i = 0; i < nd; i++) {
        const oap_rule_info *rule = oap_rule_find(disable[i]);
        if (rule && rule->always) /* off, it would only go down to warning */
            continue;
        (*ids)[k] = disable[i];
        (*sevs)[k++] = OAP_SEVERITY_OFF;
    }
    for (size_t i = 0; i < nc; i++) {
        (*ids)[k] = opts->rule_ids[i];
        (*sevs)[k++] = opts->rule_severities[i];
    }
    (*ids)[k] = NULL;
    opts->rule_ids = *ids;
    opts->rule_severities = *sevs;
    return 0;
}

int oap_cli_disable_ok(const char *cmd, const char *id)
{
    const oap_rule_info *rule = oap_rule_find(id);
    if (!rule && strcmp(id, OAP_BASELINE_RULE) != 0) {
        const oap_rule_info *near = oap_rule_nearest(id);
        if (near)
            oap_cli_error("%s: --disable: no rule '%s'; did you mean '%s'?", cmd, id, near->id);
        else
            oap_cli_error("%s: --disable: no rule '%s'; 'oapgraph rules' lists them", cmd, id);
        return -1;
    }
    if (rule && rule->always)
        oap_cli_error("%s: warning: --disable %s has no effect: %s reports files that cannot "
                      "be read as plans, which are always reported",
                      cmd, id, id);
    return 0;
}

int oap_cli_exclude(oap_planset *set, const char *const *given, const oap_config *cfg)
{
    const char *const *from_cfg = cfg ? oap_config_exclude(cfg) : NULL;
    size_t ng = 0, nc = 0;
    while (given[ng])
        ng++;
    while (from_cfg && from_cfg[nc])
        nc++;
    const char **all = malloc((ng + nc + 1) * sizeof *all);
    if (!all)
        return OAP_ENOMEM;
    memcpy(all, given, ng * sizeof *all);
    if (nc)
        memcpy(all + ng, from_cfg, nc * sizeof *all);
    all[ng + nc] = NULL;
    int rc = oap_planset_set_exclude(set, all);
    free(all);
    return rc;
}
