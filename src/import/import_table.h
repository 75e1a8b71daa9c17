/* import_table: OAP tables (TSV, CSV, text pasted from the Council document) -> a plan of a
 * model. */
#ifndef OAP_IMPORT_IMPORT_TABLE_H
#define OAP_IMPORT_IMPORT_TABLE_H

#include "oapgraph/import.h"
#include "core/model.h"

#include <stddef.h>
#include <stdio.h>

/* Reads a table (len bytes of text, any bytes: invalid UTF-8 is replaced and reported)
 * into a new plan of model, named file in the plan. Everything it cannot place goes to
 * msgs with its line. On return 0, *out is the plan, or NULL when msgs has an error that
 * prevents one. Returns OAP_EINVAL when the priority or the year is neither given in opts
 * nor found in the table (msgs says which; *out is NULL), OAP_ELIMIT when text is longer
 * than OAP_IMPORT_MAX_INPUT, OAP_ENOMEM. *detected (may be NULL) gets the format read.
 * The plan's memory belongs to model. */
int oap_import_read(oap_plan **out, oap_model *model, const char *file, const char *text,
                    size_t len, const oap_import_options *opts, oap_import_messages *msgs,
                    oap_import_format *detected);

#endif
