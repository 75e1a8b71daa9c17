/* rules.h: the registry of every rule the checks, the loader and the baseline report. */
#ifndef OAPGRAPH_RULES_H
#define OAPGRAPH_RULES_H

#include "oapgraph/export.h"
#include "oapgraph/diag.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A rule: id, default severity and a one-line description. */
typedef struct oap_rule_info {
    const char *id;
    oap_severity severity;
    const char *family; /* "loading", "references", ... */
    const char *summary;
} oap_rule_info;

/* The rules in the registry's order, which is the order of the user's reference. */
OAP_EXTERN size_t oap_rule_count(void);
OAP_EXTERN const oap_rule_info *oap_rule_at(size_t i);
/* The rule with this id, or NULL. */
OAP_EXTERN const oap_rule_info *oap_rule_find(const char *id);
/* The rule's default severity; OAP_SEVERITY_ERROR for an id the registry lacks. */
OAP_EXTERN oap_severity oap_rule_default_severity(const char *id);

#ifdef __cplusplus
}
#endif
#endif
