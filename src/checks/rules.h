/* rules: the registry of every rule, its default severity and what it is for. */
#ifndef OAP_CHECKS_RULES_H
#define OAP_CHECKS_RULES_H

#include "oapgraph/check.h"
#include "core/diag.h"
#include "core/model.h"

/* What a rule's run function gets: the plans and where its findings go. */
typedef struct oap_rule_ctx {
    const oap_model *model;
    oap_diags *diags;
    const oap_rule_info *rule;
} oap_rule_ctx;

typedef struct oap_rule {
    oap_rule_info info;
    int (*run)(oap_rule_ctx *ctx); /* NULL for rules the loader reports */
} oap_rule;

const oap_rule *oap_rules__table(size_t *n);

#endif
