/* check_options: the rule options of check and dot --highlight, from the config file. */
#ifndef OAP_CLI_CHECK_OPTIONS_H
#define OAP_CLI_CHECK_OPTIONS_H

#include "oapgraph/policy.h"

/* Applies the config to opts (OAP_CHECK_OPTIONS_INIT or so): the file at path, or none
 * with no_config, else OAP_CONFIG_NAME found here or in a folder above, else none; read
 * up to max_bytes, as plan files are (0: the default limit).
 * opts points into *cfg, which is the caller's to free (oap_config_free) after the run,
 * whatever this returns. Returns 0, or -1 after saying why on standard error (the
 * config's own message, or "CMD: out of memory"). */
int oap_cli_check_options(oap_check_options *opts, oap_config **cfg, const char *cmd,
                          const char *path, int no_config, size_t max_bytes);

#endif
