/* check_options: the rule options of check and dot --highlight: the config file, --disable,
 * --exclude. */
#ifndef OAP_CLI_CHECK_OPTIONS_H
#define OAP_CLI_CHECK_OPTIONS_H

#include "oapgraph/plan.h"
#include "oapgraph/policy.h"

/* Applies the config to opts (OAP_CHECK_OPTIONS_INIT or so): the file at path, or none
 * with no_config, else OAP_CONFIG_NAME found here or in a folder above, else none; read
 * up to max_bytes, as plan files are (0: the default limit).
 * opts points into *cfg, which is the caller's to free (oap_config_free) after the run,
 * whatever this returns. Returns 0, or -1 after saying why on standard error (the
 * config's own message, or "CMD: out of memory"). */
int oap_cli_check_options(oap_check_options *opts, oap_config **cfg, const char *cmd,
                          const char *path, int no_config, size_t max_bytes);

/* --disable: whether id may follow it: a rule of the registry or stale-baseline. An
 * unknown one is trouble ("CMD: --disable: no rule 'x'; did you mean 'y'?"); one that is
 * always reported (syntax, schema, limit) a warning, and the run goes on. Returns 0 or -1
 * (said). */
int oap_cli_disable_ok(const char *cmd, const char *id);

/* Turns off the rules of disable (NULL-terminated) ahead of opts' severities (the first
 * entry for a rule wins), leaving out those always reported: opts then points into *ids
 * and *sevs, which are malloc'ed and the caller's to free, whatever this returns.
 * Returns 0 or OAP_ENOMEM. */
int oap_cli_disable_rules(oap_check_options *opts, const char *const *disable, const char ***ids,
                          oap_severity **sevs);

/* --exclude: the globs given (NULL-terminated) and then the config's "exclude" (cfg may be
 * NULL) as the folder walks of set leave them out. Returns 0 or OAP_ENOMEM. */
int oap_cli_exclude(oap_planset *set, const char *const *given, const oap_config *cfg);

#endif
