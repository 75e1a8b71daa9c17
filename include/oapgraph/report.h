/* report.h: write findings for people and for programs. */
#ifndef OAPGRAPH_REPORT_H
#define OAPGRAPH_REPORT_H

#include "oapgraph/diag.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct oap_report_options {
    int color;         /* ANSI colours (the caller decides: a terminal, no NO_COLOR) */
    const char *strip; /* a path prefix to leave out of file names, or NULL */
} oap_report_options;

#define OAP_REPORT_OPTIONS_INIT                                                                    \
    {                                                                                              \
        0, NULL                                                                                    \
    }

/* `file:line:col: severity: message [rule]`, one finding a line, in the order held.
 * Returns 0, or OAP_EIO when writing fails. */
int oap_report_text(FILE *out, const oap_diags *diags, const oap_report_options *opts);

#ifdef __cplusplus
}
#endif
#endif
