/* policy.h: what a run reports and what fails it: the config file and baselines. */
#ifndef OAPGRAPH_POLICY_H
#define OAPGRAPH_POLICY_H

#include "oapgraph/export.h"
#include "oapgraph/check.h"
#include "oapgraph/diag.h"

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The file name looked for, from the current folder upward. */
#define OAP_CONFIG_NAME ".oapgraph.json"

typedef struct oap_config oap_config;

/* The JSON Schema (draft-07) of the config file, compiled in from config.schema.json. */
OAP_EXTERN const char *oap_config_schema(void);

/* Looks for .oapgraph.json in the current folder, then in each folder above it, up to the
 * top of the repository (a folder holding .git) or the home folder, whichever comes
 * first, and no further. *out is the path found, relative to the current folder (".oapgraph.json",
 * "../.oapgraph.json"), malloc'ed and the caller's, or NULL when there is none.
 * Returns 0 or OAP_ENOMEM. */
OAP_EXTERN int oap_config_find(char **out);

/* Reads a config file of at most max_bytes (0: 1 GiB; a plan file's limit, as check's
 * --max-file-size sets it). Returns 0; OAP_EIO when it cannot be read or is larger,
 * OAP_EINVAL when it is not a valid config, both with err saying what and where, as
 * ".oapgraph.json:3:14: unknown rule \"dangling-refs\" in \"rules\"; did you mean
 * \"dangling-ref\"?"; OAP_ENOMEM. An invalid config gets every problem it has, one a
 * line, the first as much as fits and each later one when it fits whole in errsize. */
OAP_EXTERN int oap_config_read(oap_config **out, const char *path, size_t max_bytes, char *err,
                               size_t errsize);
/* The same from memory; name stands for the file in messages. */
OAP_EXTERN int oap_config_parse(oap_config **out, const char *name, const char *text, size_t len,
                                char *err, size_t errsize);
OAP_EXTERN void oap_config_free(oap_config *cfg);
/* The file the config was read from, as named to oap_config_read or _parse. */
OAP_EXTERN const char *oap_config_name(const oap_config *cfg);
/* The globs of the config's "exclude" (paths a folder walk leaves out, as
 * oap_planset_set_exclude takes them), NULL-terminated; NULL when it has none. Valid as
 * long as cfg. */
OAP_EXTERN const char *const *oap_config_exclude(const oap_config *cfg);

/* Points opts at the configured severities, actors and threshold; they stay valid as
 * long as cfg. Fields the config leaves out are not touched. */
OAP_EXTERN void oap_config_apply(const oap_config *cfg, oap_check_options *opts);

/* The rule of a baseline entry that matches no current finding. */
#define OAP_BASELINE_RULE "stale-baseline"

typedef struct oap_baseline oap_baseline;

/* Reads a baseline file: {"oapgraph-baseline": 2, "findings": [{"fingerprint", ...}]}, of
 * at most max_bytes (0: 1 GiB). Returns 0; OAP_EIO when the file cannot be read or is
 * larger, OAP_EINVAL when it is not a baseline, both with err saying so
 * ("base.json:3:5: ..."); OAP_ENOMEM. */
OAP_EXTERN int oap_baseline_read(oap_baseline **out, const char *path, size_t max_bytes, char *err,
                                 size_t errsize);
/* The same from memory; name stands for the file in messages and findings. */
OAP_EXTERN int oap_baseline_parse(oap_baseline **out, const char *name, const char *text,
                                  size_t len, char *err, size_t errsize);
OAP_EXTERN void oap_baseline_free(oap_baseline *b);
OAP_EXTERN size_t oap_baseline_count(const oap_baseline *b);

/* The severity stale-baseline findings get under opts: configured, else the
 * registry's, else info; OAP_SEVERITY_OFF when turned off. */
OAP_EXTERN oap_severity oap_baseline_stale_severity(const oap_check_options *opts);

/* Splits the findings of a run (all, with fps[i] the fingerprint of finding i) into
 * known and new. Adds to shown, in order, every finding the baseline does not hold,
 * then a stale-baseline finding for every entry that matched nothing (at the entry's
 * line in the baseline file), unless that entry's rule or stale-baseline itself is off
 * in opts. *shown_fps gets one fingerprint per finding of shown (malloc'ed, the
 * caller's); *baselined how many findings the baseline held. Returns 0 or OAP_ENOMEM. */
OAP_EXTERN int oap_baseline_apply(const oap_baseline *b, const oap_diags *all,
                                  const oap_fingerprint *fps, const oap_check_options *opts,
                                  oap_diags *shown, oap_fingerprint **shown_fps, size_t *baselined);

/* The baseline that oap_baseline_write would write of diags (fps[i] the fingerprint of
 * finding i), in memory, named name: what a run that has just written a baseline applies.
 * The fingerprints must outlive it. Returns 0 or OAP_ENOMEM. */
OAP_EXTERN int oap_baseline_of_findings(oap_baseline **out, const char *name,
                                        const oap_diags *diags, const oap_fingerprint *fps);

/* Writes every finding of diags (fps[i] the fingerprint of finding i) as a baseline
 * to out, entries in an order that moving lines does not change; findings of the rules a
 * broken file is reported by (oap_rule_info.always) are never recorded. Returns 0, OAP_EIO
 * when writing fails or OAP_ENOMEM. */
OAP_EXTERN int oap_baseline_write(FILE *out, const oap_diags *diags, const oap_fingerprint *fps);

#ifdef __cplusplus
}
#endif
#endif
