/* load_cycle: a cycle file's JSON -> a cycle of the model, with loader findings. */
#ifndef OAP_LOAD_CYCLE_H
#define OAP_LOAD_CYCLE_H

#include "core/model.h"
#include "json_reader.h"

#include <jansson.h>

/* Reads the cycle of a cycle file's root through r (its problems are findings of
 * syntax, schema, unknown-key and duplicate-id within the file) and appends it to model
 * as *out when it has a usable id and years; otherwise *out stays NULL. Out of memory
 * sets r->oom. */
void oap_load_cycle(oap_json_reader *r, json_t *root, oap_model *model, const char *file,
                    unsigned file_index, oap_cycle **out);

#endif
