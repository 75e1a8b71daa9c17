/* load_json: one plan file's JSON text -> a plan of the model, with loader findings. */
#ifndef OAP_LOAD_JSON_H
#define OAP_LOAD_JSON_H

#include "core/diag.h"
#include "core/model.h"
#include "oapgraph/plan.h"

/* Parses text (len bytes, a leading UTF-8 byte-order mark allowed) and appends the plan
 * to model. Reports syntax, schema, unknown-key and duplicate-id (within the plan)
 * findings to diags with JSON pointers; the caller locates them afterwards. A file that
 * is not JSON, or whose plan has no usable id and priority, adds no plan: *out is NULL.
 * Returns 0 or OAP_ENOMEM. */
int oap_load_json(oap_model *model, const char *file, unsigned file_index, const char *text,
                  size_t len, const oap_load_limits *limits, oap_diags *diags, oap_plan **out);

/* The length of a leading UTF-8 byte-order mark (3) or 0. */
size_t oap_load_bom_length(const char *text, size_t len);

#endif
