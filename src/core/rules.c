/* rules: the registry of every rule: its id, default severity, family and one line. Data
 * only; the checks bind their run functions to these ids. */
#include "oapgraph/rules.h"

#include <string.h>

/* In the order of the user's reference (oapgraph-rules(7)). Loader rules are reported by
 * the loader, stale-baseline by the baseline. */
static const oap_rule_info rules[] = {
    {"syntax", OAP_SEVERITY_ERROR, "loading", "the file is not JSON"},
    {"schema", OAP_SEVERITY_ERROR, "loading",
     "a required key is missing, or a value has the wrong type or shape"},
    {"unknown-key", OAP_SEVERITY_WARNING, "loading",
     "a key the format does not define (and not x-...); the nearest known key is suggested"},
    {"duplicate-id", OAP_SEVERITY_ERROR, "loading",
     "two goals, actions or phases of one plan, or two loaded plans, share an id"},
    {"limit", OAP_SEVERITY_ERROR, "loading",
     "an input exceeds a limit of the run (file size, nesting, string length, actions per "
     "plan); the defaults are far above any real plan"},
    {"bad-ref", OAP_SEVERITY_ERROR, "references",
     "a reference is not in the grammar of FORMAT.md; the text and the position are quoted"},
    {"dangling-ref", OAP_SEVERITY_ERROR, "references",
     "a reference names a goal, action, phase or plan that is not there"},
    {"external-ref", OAP_SEVERITY_INFO, "references",
     "a reference names a priority no loaded plan carries"},
    {"ambiguous-ref", OAP_SEVERITY_ERROR, "references",
     "a qualifier matches more than one loaded plan"},
    {"self-ref", OAP_SEVERITY_WARNING, "references", "an action refers to itself"},
    {"duplicate-ref", OAP_SEVERITY_WARNING, "references",
     "the same target is listed twice in one list"},
    {"one-way-ref", OAP_SEVERITY_INFO, "references",
     "action A refers to action B, B does not refer back to A"},
    {"undeclared-mention", OAP_SEVERITY_WARNING, "references",
     "the title, description or timing mentions another action that neither refs nor needs "
     "lists"},
    {"undeclared-overlap", OAP_SEVERITY_WARNING, "references",
     "an action refers to a priority that the plan's overlaps does not declare"},
    {"need-target", OAP_SEVERITY_ERROR, "references",
     "a need names a goal or a whole priority; needs name actions or phases"},
    {"orphan-action", OAP_SEVERITY_ERROR, "structure",
     "an action's goal is missing or not a goal of its plan"},
    {"empty-goal", OAP_SEVERITY_WARNING, "structure", "a strategic goal has no action"},
    {"isolated-action", OAP_SEVERITY_INFO, "structure",
     "an action has no reference or need, in or out, beyond its own goal"},
    {"action-goal-mismatch", OAP_SEVERITY_INFO, "structure",
     "an action numbered 3.x serves a goal other than SG3"},
    {"missing-leader", OAP_SEVERITY_ERROR, "structure", "an action's leaders are all blank"},
    {"missing-kpi", OAP_SEVERITY_WARNING, "structure", "an action has no KPI"},
    {"missing-timing", OAP_SEVERITY_WARNING, "structure", "an action has no timing and no window"},
    {"unknown-actor", OAP_SEVERITY_WARNING, "structure",
     "an actor neither built in nor declared, or a Member State outside its membership; the "
     "nearest known actor is suggested"},
    {"dependency-cycle", OAP_SEVERITY_ERROR, "dependencies",
     "the needs graph has a cycle; one cycle is given as a path and every member is named"},
    {"redundant-need", OAP_SEVERITY_WARNING, "dependencies",
     "A needs C while A already needs C through other needs; the implying path is named"},
    {"timing-order", OAP_SEVERITY_WARNING, "dependencies",
     "A needs B, but B's window ends after A's window starts"},
    {"timing-unparsed", OAP_SEVERITY_INFO, "dependencies",
     "a timing text has no month, quarter or semester the tool can read"},
    {"possible-overlap", OAP_SEVERITY_WARNING, "overlap",
     "two actions, in one plan or across plans, look like the same work: similar title and "
     "description, shared leaders, overlapping participants and windows; the score and what "
     "they share are given"},
    {"linked-overlap", OAP_SEVERITY_INFO, "overlap",
     "two actions that already refer to each other look like the same work: the planners "
     "know of the link, but should confirm the work is not done twice"},
    {"stale-baseline", OAP_SEVERITY_INFO, "reports",
     "a baseline entry matches no current finding; remove it so the baseline shrinks"},
};

size_t oap_rule_count(void)
{
    return sizeof rules / sizeof rules[0];
}

const oap_rule_info *oap_rule_at(size_t i)
{
    return i < oap_rule_count() ? &rules[i] : NULL;
}

const oap_rule_info *oap_rule_find(const char *id)
{
    for (size_t i = 0; i < oap_rule_count(); i++)
        if (strcmp(rules[i].id, id) == 0)
            return &rules[i];
    return NULL;
}

oap_severity oap_rule_default_severity(const char *id)
{
    const oap_rule_info *rule = oap_rule_find(id);
    return rule ? rule->severity : OAP_SEVERITY_ERROR;
}
