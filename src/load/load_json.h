/* load_json: one plan or cycle file's JSON text -> a plan or cycle of the model, with loader
 * findings. */
#ifndef OAP_LOAD_JSON_H
#define OAP_LOAD_JSON_H

#include "core/diag.h"
#include "core/model.h"
#include "oapgraph/plan.h"

#include <jansson.h>

/* What a file added to the model: a plan, a cycle, or neither. */
typedef struct oap_loaded {
    oap_plan *plan;
    oap_cycle *cycle;
} oap_loaded;

/* Whether the file of root is a cycle file: its top level has "cycle" and no "plan"
 * (with "plan", a plan file); when it has neither, or is not an object, its name
 * decides: a cycle file ends in ".cycle.json". */
int oap_load_is_cycle_file(const json_t *root, const char *file);

/* Parses text (len bytes, a leading UTF-8 byte-order mark allowed) and appends the plan
 * or cycle it holds to model. Reports syntax, schema, unknown-key and duplicate-id
 * (within the file) findings to diags with JSON pointers; the caller locates them
 * afterwards. A file that is not JSON, a plan without a usable id and priority, or a
 * cycle without a usable id and years, adds nothing: out holds NULLs. Returns 0 or
 * OAP_ENOMEM. */
int oap_load_json(oap_model *model, const char *file, unsigned file_index, const char *text,
                  size_t len, const oap_load_limits *limits, oap_diags *diags, oap_loaded *out);

/* The length of a leading UTF-8 byte-order mark (3) or 0. */
size_t oap_load_bom_length(const char *text, size_t len);

#endif
