/* config: the .oapgraph.json file: rule severities, extra actors, the overlap threshold. */
#ifndef OAP_LOAD_CONFIG_H
#define OAP_LOAD_CONFIG_H

#include "oapgraph/check.h"

#include <stddef.h>

/* The file name looked for, from the current folder upward. */
#define OAP_CONFIG_NAME ".oapgraph.json"

typedef struct oap_config oap_config;

/* The JSON Schema (draft-07) of the config file, compiled in from config.schema.json. */
const char *oap_config_schema(void);

/* Looks for .oapgraph.json in the current folder, then its parent, up to the root.
 * *out is the path found, relative to the current folder (".oapgraph.json",
 * "../.oapgraph.json"), malloc'ed and the caller's, or NULL when there is none.
 * Returns 0 or OAP_ENOMEM. */
int oap_config_find(char **out);

/* Reads a config file. Returns 0; OAP_EIO when it cannot be read, OAP_EINVAL when it is
 * not a valid config, both with err saying what and where, as
 * ".oapgraph.json:3:14: unknown rule \"dangling-refs\" in \"rules\"; did you mean
 * \"dangling-ref\"?"; OAP_ENOMEM. */
int oap_config_read(oap_config **out, const char *path, char *err, size_t errsize);
/* The same from memory; name stands for the file in messages. */
int oap_config_parse(oap_config **out, const char *name, const char *text, size_t len, char *err,
                     size_t errsize);
void oap_config_free(oap_config *cfg);

/* Points opts at the configured severities, actors and threshold; they stay valid as
 * long as cfg. Fields the config leaves out are not touched. */
void oap_config_apply(const oap_config *cfg, oap_check_options *opts);

/* Formats "name:line:col: " and the message into err, placing pointer (its member name
 * when at_key) in text, or at line and col when pointer is NULL. */
void oap_policy__located_error(char *err, size_t errsize, const char *name, const char *text,
                               size_t len, const char *pointer, int at_key, unsigned line,
                               unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 10, 11)));

#endif
