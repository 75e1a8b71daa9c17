/* util: what the report writers share: safe JSON strings, file names, fingerprints, counts. */
#ifndef OAP_REPORT_UTIL_H
#define OAP_REPORT_UTIL_H

#include "oapgraph/check.h"
#include "oapgraph/report.h"
#include "oapgraph/policy.h"

#include "load/json_writer.h"

#include <jansson.h>

/* What every writer needs besides the findings: their fingerprints, the rules (the
 * registry's in its order, then any other rule a finding names), counts. */
typedef struct oap_report_ctx {
    const oap_diags *diags;
    const oap_report_options *opts;
    const char **fps;       /* one per finding */
    oap_fingerprint *owned; /* computed here when the options gave none */
    const char **rule_ids;
    const oap_rule_info **rules; /* NULL for a rule the registry lacks */
    size_t *rule_counts;
    size_t *rule_of; /* per finding: its index in rule_ids */
    size_t nrules;
    size_t counts[3]; /* by severity: info, warning, error */
    size_t stale;     /* stale-baseline findings */
} oap_report_ctx;

/* Returns 0 or OAP_ENOMEM; oap_report__finish releases in either case. With
 * want_fingerprints 0, fps stays NULL for every finding: hashing each finding is a fifth
 * of a run with many findings, wasted on the formats that do not show them. */
int oap_report__prepare(oap_report_ctx *ctx, const oap_diags *diags, const oap_report_options *opts,
                        int want_fingerprints);
void oap_report__finish(oap_report_ctx *ctx);

/* A file name as shown: without opts->strip. */
const char *oap_report__file(const oap_report_ctx *ctx, const char *file);

/* A JSON string of s; bytes that are not UTF-8 become U+FFFD. NULL when out of memory.
 * For data a program matches (file names, ids, pointers): its other characters stay as
 * they are, and oap_json_write writes those a reader must see as \u escapes. */
json_t *oap_report__string(const char *s);
/* Writes a message as the text format shows it (oap_text_escape), as a JSON string: plan
 * text in it with controls, invisible and direction-changing characters escaped
 * ("HU\u200b"), so a viewer that shows the message shows what the plan holds. 0 or
 * OAP_ENOMEM. */
int oap_report__write_message(oap_json_writer *w, const char *message);

/* A one-line description of a rule the registry lacks. */
const char *oap_report__rule_summary(const oap_report_ctx *ctx, size_t rule);

#endif
