/* rules.h: the registry of every rule the checks, the loader and the baseline report. */
#ifndef OAPGRAPH_RULES_H
#define OAPGRAPH_RULES_H

#include "oapgraph/export.h"
#include "oapgraph/diag.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A rule: id, default severity, a one-line description, and its entry in the user's
 * reference ('oapgraph rules RULE', oapgraph-rules(7)). Fields are only ever appended: the
 * struct is handed out by pointer, so a program built against fewer fields keeps working. */
typedef struct oap_rule_info {
    const char *id;
    oap_severity severity;
    const char *family; /* "loading", "references", ... */
    const char *summary;
    /* Appended after 0.1.0. */
    const char *explanation; /* what fires the rule, a paragraph */
    const char *fix;         /* how to fix it, a paragraph */
    /* A real case: the files, the command that checks them and the findings of the rule it
     * prints. The files are one plan file's text, named plan.oap.json, or several files,
     * each after a line "==> NAME <==" (as head(1) shows several files). The findings are
     * in the text format, one a line; the command may print others too. */
    const char *example;
    const char *example_command; /* "oapgraph check plan.oap.json" */
    const char *example_finding;
    /* Non-zero for the rules a broken file is reported by (syntax, schema, limit): they
     * may be lowered to warning, never further, and are never left out of a run: not by
     * the config, the command line, a suppression in a plan or a baseline. */
    int always;
} oap_rule_info;

/* The rules in the registry's order, which is the order of the user's reference. */
OAP_EXTERN size_t oap_rule_count(void);
OAP_EXTERN const oap_rule_info *oap_rule_at(size_t i);
/* The rule with this id, or NULL. */
OAP_EXTERN const oap_rule_info *oap_rule_find(const char *id);
/* The rule whose id is nearest to a misspelled one ("dangling-refs", "Missing KPI"), for a
 * "did you mean"; NULL when none is near enough to be a plausible slip. */
OAP_EXTERN const oap_rule_info *oap_rule_nearest(const char *id);
/* The severity a rule runs at when s is asked for: s, but for a rule that is always
 * reported (oap_rule_info.always) never below warning (off and info become warning). */
OAP_EXTERN oap_severity oap_rule_clamp_severity(const oap_rule_info *rule, oap_severity s);

/* The rule's default severity; OAP_SEVERITY_ERROR for an id the registry lacks. */
OAP_EXTERN oap_severity oap_rule_default_severity(const char *id);

#ifdef __cplusplus
}
#endif
#endif
