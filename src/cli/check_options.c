/* check_options: the rule options of check and dot --highlight, from the config file. */
#include "check_options.h"

#include "cli.h"

#include "oapgraph/common.h"

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
