/* rules: the registry of every rule, its default severity and what it is for. */
#include "rules.h"

#include <string.h>

/* In the order of RULES.md. Loader rules have no run function: the loader reports them. */
static const oap_rule rules[] = {
    {{"syntax", OAP_SEVERITY_ERROR, "loading", "the file is not JSON"}, NULL},
    {{"schema", OAP_SEVERITY_ERROR, "loading",
      "a required key is missing, or a value has the wrong type or shape"},
     NULL},
    {{"unknown-key", OAP_SEVERITY_WARNING, "loading",
      "a key the format does not define (and not x-...); the nearest known key is suggested"},
     NULL},
    {{"duplicate-id", OAP_SEVERITY_ERROR, "loading",
      "two goals, actions or phases of one plan, or two loaded plans, share an id"},
     NULL},
};

size_t oap_rule_count(void)
{
    return sizeof rules / sizeof rules[0];
}

const oap_rule_info *oap_rule_at(size_t i)
{
    return i < oap_rule_count() ? &rules[i].info : NULL;
}

const oap_rule_info *oap_rule_find(const char *id)
{
    for (size_t i = 0; i < oap_rule_count(); i++)
        if (strcmp(rules[i].info.id, id) == 0)
            return &rules[i].info;
    return NULL;
}

const oap_rule *oap_rules__table(size_t *n)
{
    *n = oap_rule_count();
    return rules;
}
