/* planset: the files of a run, their plans and cycles (the model) and their texts until located. */
#ifndef OAP_LOAD_PLANSET_H
#define OAP_LOAD_PLANSET_H

#include "oapgraph/plan.h"
#include "core/model.h"

typedef struct oap_source {
    char *path;
    char *text; /* standard input and buffers: kept as long as the set, to locate findings; files
                 * are read again then, only if they have findings to locate */
    size_t len;
    size_t bom; /* bytes of byte-order mark skipped before the JSON */
} oap_source;

struct oap_planset {
    oap_model model;
    oap_load_limits limits;
    oap_source *files;
    size_t nfiles, cap;
    char error[512];
};

/* The model, for the stages after loading. */
const oap_model *oap_planset_model(const oap_planset *set);

#endif
