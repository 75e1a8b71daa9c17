/* import: one table read into a plan, as the public API holds it (oapgraph/import.h). */
#include "oapgraph/import.h"

#include "import_table.h"
#include "load/read.h"

#include <errno.h>
#include <stdlib.h>

struct oap_import {
    oap_model model; /* owns the plan */
    oap_plan *plan;
    oap_import_format format;
};

int oap_import_new(oap_import **out, const char *name, const char *text, size_t len,
                   const oap_import_options *opts, oap_import_messages *msgs)
{
    *out = NULL;
    oap_import *imp = calloc(1, sizeof *imp);
    if (!imp)
        return OAP_ENOMEM;
    oap_model_init(&imp->model);
    int rc = oap_import_read(&imp->plan, &imp->model, name, text, len, opts, msgs, &imp->format);
    if (rc < 0) {
        oap_import_free(imp);
        return rc;
    }
    *out = imp;
    return 0;
}

int oap_import_new_from_stream(oap_import **out, const char *name, FILE *f,
                               const oap_import_options *opts, oap_import_messages *msgs)
{
    size_t len;
    *out = NULL;
    /* One byte past the limit is enough to tell that the table is too long. */
    char *text = oap_read_stream(f, OAP_IMPORT_MAX_INPUT, &len);
    if (!text)
        return errno == ENOMEM ? OAP_ENOMEM : OAP_EIO;
    int rc = oap_import_new(out, name, text, len, opts, msgs);
    free(text);
    return rc;
}

const oap_plan *oap_import_plan(const oap_import *imp)
{
    return imp->plan;
}

oap_import_format oap_import_format_of(const oap_import *imp)
{
    return imp->format;
}

void oap_import_free(oap_import *imp)
{
    if (!imp)
        return;
    oap_model_free(&imp->model);
    free(imp);
}
