/* rules: the registry of every rule: its id, default severity, family, one line and its
 * entry in the user's reference. Data only; the checks bind their run functions to these
 * ids. */
#include "oapgraph/rules.h"

#include "suggest.h"

#include <string.h>

/* What the examples share: a plan's opening and its goals, two actions that refer to each
 * other (their first lines), the end. Each example is a real case, checked by
 * tests/e2e/rules.sh: its command prints its findings. */
#define EX_PLAN                                                                                    \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"plan\": {\"id\": \"2012-C\", \"priority\": \"C\",\n"                                      \
    "           \"title\": \"Illegal immigration\"},\n"
#define EX_PLAN_2012                                                                               \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"plan\": {\"id\": \"2012-C\", \"priority\": \"C\",\n"                                      \
    "           \"title\": \"Illegal immigration\", \"year\": 2012},\n"
#define EX_GOAL "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\"}],\n"
#define EX_GOALS_2                                                                                 \
    "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\"},\n"                      \
    "            {\"id\": \"SG2\", \"title\": \"Border management\"}],\n"
#define EX_ACTIONS "  \"actions\": [\n"
#define EX_ACTION_1_1                                                                              \
    "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Risk analysis\",\n"                     \
    "     \"leaders\": [\"Frontex\"], \"timing\": \"May\", \"kpis\": [\"Report\"],\n"
#define EX_ACTION_1_2_ID                                                                           \
    "    {\"id\": \"1.2\", \"goal\": \"SG1\", \"title\": \"Joint operation\",\n"
#define EX_ACTION_1_2                                                                              \
    EX_ACTION_1_2_ID                                                                               \
    "     \"leaders\": [\"IT\"], \"timing\": \"June\", \"kpis\": [\"Arrests\"],\n"
#define EX_REFS_1_2 "     \"refs\": [\"1.2\"]},\n"
#define EX_REFS_1_1 "     \"refs\": [\"1.1\"]}\n"
/* Two plans of priority F for 2012, which make a reference to F from 2012 ambiguous. */
#define EX_PLAN_F(id)                                                                              \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"plan\": {\"id\": \"" id "\", \"priority\": \"F\", \"title\": \"Trafficking\",\n"          \
    "           \"year\": 2012},\n"                                                                \
    "  \"overlaps\": [{\"priority\": \"C\"}],\n"                                                   \
    "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Victims\"}],\n"
#define EX_END "  ]\n}\n"

/* Two consecutive plans of C, the second carrying on the first's action 1.1. */
#define EX_DANGLING                                                                                \
    "==> 2012-C.oap.json <==\n"                                                                    \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"plan\": {\"id\": \"2012-C\", \"priority\": \"C\",\n"                                      \
    "           \"title\": \"Illegal immigration\", \"year\": 2012},\n"                            \
    "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\"}],\n"                     \
    "  \"actions\": [\n"                                                                           \
    "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Risk analysis\",\n"                     \
    "     \"leaders\": [\"Frontex\"], \"timing\": \"May\", \"kpis\": [\"Report\"]}\n"              \
    "  ]\n"                                                                                        \
    "}\n"                                                                                          \
    "==> 2013-C.oap.json <==\n"                                                                    \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"plan\": {\"id\": \"2013-C\", \"priority\": \"C\",\n"                                      \
    "           \"title\": \"Illegal immigration\", \"year\": 2013},\n"                            \
    "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\"}],\n"                     \
    "  \"actions\": [\n"                                                                           \
    "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Risk analysis 2013\",\n"                \
    "     \"leaders\": [\"Frontex\"], \"timing\": \"May\", \"kpis\": [\"Report\"],\n"              \
    "     \"continues\": \"2012-C:1.4\"}\n"                                                        \
    "  ]\n"                                                                                        \
    "}\n"
#define EX_DROPPED                                                                                 \
    "==> 2012-C.oap.json <==\n"                                                                    \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"plan\": {\"id\": \"2012-C\", \"priority\": \"C\",\n"                                      \
    "           \"title\": \"Illegal immigration\", \"year\": 2012},\n"                            \
    "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\"}],\n"                     \
    "  \"actions\": [\n"                                                                           \
    "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Risk analysis\",\n"                     \
    "     \"leaders\": [\"Frontex\"], \"timing\": \"May\", \"kpis\": [\"Report\"],\n"              \
    "     \"results\": {\"status\": \"continue\"}}\n"                                              \
    "  ]\n"                                                                                        \
    "}\n"                                                                                          \
    "==> 2013-C.oap.json <==\n"                                                                    \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"plan\": {\"id\": \"2013-C\", \"priority\": \"C\",\n"                                      \
    "           \"title\": \"Illegal immigration\", \"year\": 2013},\n"                            \
    "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\"}],\n"                     \
    "  \"actions\": [\n"                                                                           \
    "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Risk analysis 2013\",\n"                \
    "     \"leaders\": [\"Frontex\"], \"timing\": \"May\", \"kpis\": [\"Report\"]}\n"              \
    "  ]\n"                                                                                        \
    "}\n"
#define EX_FINISHED                                                                                \
    "==> 2012-C.oap.json <==\n"                                                                    \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"plan\": {\"id\": \"2012-C\", \"priority\": \"C\",\n"                                      \
    "           \"title\": \"Illegal immigration\", \"year\": 2012},\n"                            \
    "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\"}],\n"                     \
    "  \"actions\": [\n"                                                                           \
    "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Risk analysis\",\n"                     \
    "     \"leaders\": [\"Frontex\"], \"timing\": \"May\", \"kpis\": [\"Report\"],\n"              \
    "     \"results\": {\"status\": \"completed\"}}\n"                                             \
    "  ]\n"                                                                                        \
    "}\n"                                                                                          \
    "==> 2013-C.oap.json <==\n"                                                                    \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"plan\": {\"id\": \"2013-C\", \"priority\": \"C\",\n"                                      \
    "           \"title\": \"Illegal immigration\", \"year\": 2013},\n"                            \
    "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\"}],\n"                     \
    "  \"actions\": [\n"                                                                           \
    "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Risk analysis 2013\",\n"                \
    "     \"leaders\": [\"Frontex\"], \"timing\": \"May\", \"kpis\": [\"Report\"],\n"              \
    "     \"continues\": \"C:1.1\"}\n"                                                             \
    "  ]\n"                                                                                        \
    "}\n"

/* A cycle file and the opening of a plan of that cycle, for the cycle rules, and the
 * command that checks them. */
#define EX_CYCLE_COMMAND "oapgraph check 2022-2025.cycle.json 2024-2025-MS.oap.json"
#define EX_CYCLE                                                                                   \
    "==> 2022-2025.cycle.json <==\n"                                                               \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"cycle\": {\"id\": \"2022-2025\", \"years\": [2022, 2025]},\n"                             \
    "  \"priorities\": [{\"code\": \"MS\"}, {\"code\": \"THB\"}],\n"                               \
    "  \"common_goals\": [{\"id\": \"CHSG1\", \"title\": \"Criminal intelligence picture\"},\n"    \
    "                   {\"id\": \"CHSG2\", \"title\": \"Investigations\"},\n"                     \
    "                   {\"id\": \"CHSG3\", \"title\": \"Joint Action Days\"}],\n"                 \
    "  \"jads\": [{\"id\": \"JAD-2024-MED\", \"window\": [\"2024-06\", \"2024-06\"]},\n"           \
    "           {\"id\": \"JAD-2025-MED\", \"window\": [\"2025-06\", \"2025-06\"]}]\n"             \
    "}\n"
#define EX_PLAN_CYCLE(priority)                                                                    \
    "==> 2024-2025-MS.oap.json <==\n"                                                              \
    "{\n"                                                                                          \
    "  \"oapgraph\": 1,\n"                                                                         \
    "  \"plan\": {\"id\": \"2024-2025-MS\", \"priority\": \"" priority "\",\n"                     \
    "           \"title\": \"Migrant smuggling\", \"period\": [2024, 2025],\n"                     \
    "           \"cycle\": \"2022-2025\"},\n"
/* Goals SG1 and SG2 implementing CHSG1 and CHSG2, and two actions that serve them. */
#define EX_GOALS_CYCLE                                                                             \
    "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\", \"common\": "            \
    "\"CHSG1\"},\n"                                                                                \
    "            {\"id\": \"SG2\", \"title\": \"Investigations\", \"common\": \"CHSG2\"}],\n"
#define EX_ACTION_CYCLE(id, goal, extra)                                                           \
    "    {\"id\": \"" id "\", \"goal\": \"" goal "\", \"title\": \"Work " id "\",\n"               \
    "     \"leaders\": [\"IT\"], \"timing\": \"Q2 2024\", \"kpis\": [\"Report\"]" extra "}"
#define EX_ACTIONS_CYCLE                                                                           \
    EX_ACTIONS EX_ACTION_CYCLE("1.1", "SG1", ", \"refs\": [\"2.1\"]") ",\n" EX_ACTION_CYCLE(       \
        "2.1", "SG2", ", \"refs\": [\"1.1\"]") "\n" EX_END

/* An action of 2024-2025-MS that takes part in JADs, or reports values, as extra says. */
#define EX_JAD_PLAN(extra)                                                                         \
    EX_PLAN_CYCLE("MS")                                                                            \
    EX_GOALS_CYCLE EX_ACTIONS EX_ACTION_CYCLE(                                                     \
        "1.1", "SG1",                                                                              \
        ", \"refs\": [\"2.1\"]" extra) ",\n" EX_ACTION_CYCLE("2.1", "SG2",                         \
                                                             ", \"refs\": [\"1.1\"]") "\n" EX_END

/* In the order of the user's reference (oapgraph-rules(7)). Loader rules are reported by
 * the loader, stale-baseline by the baseline. */
static const oap_rule_info rules[] = {
    {"syntax", OAP_SEVERITY_ERROR, "loading", "the file is not JSON",
     .explanation = "The file is not JSON, so nothing in it can be read. The finding is at the "
                    "line and column where the JSON reader gave up, or at the fault it can "
                    "name: a comma too many (after the last item of a list or an object) at "
                    "that comma, a comma too few just after the value that needs one; else a "
                    "quote or a "
                    "bracket that is never closed, a file cut off, or text saved in an encoding "
                    "other than UTF-8 (the column is that of the first byte that is not UTF-8). "
                    "An empty file is not a plan either. The other files of the run are still "
                    "loaded and checked.",
     .fix = "Look at the place the finding names and just before it. JSON has no "
            "comments, no single quotes and no comma after the last item; save the file "
            "as UTF-8 (a byte-order mark is accepted). An editor that knows the plan "
            "format marks such faults as you type: give it the schema that 'oapgraph "
            "schema' prints.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2
     "     \"refs\": [\"1.1\"]},\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:12:22: error: not valid JSON: a comma before ']'; JSON "
                        "allows none after the last item [syntax]",
     .always = 1},
    {"schema", OAP_SEVERITY_ERROR, "loading",
     "a required key is missing, or a value has the wrong type or shape",
     .explanation = "The file is JSON, but not in the shape of a plan: a required key is missing "
                    "(oapgraph, plan with its id, priority and title, goals and actions; a "
                    "goal's id and title; an action's id, goal, title and leaders; a phase's "
                    "id), a value has the wrong type (a year in quotes, one name where a list of "
                    "names belongs), an id holds characters other than letters, digits, '.', '_' "
                    "and '-', leaders is empty, a window is not two months in order, a status is "
                    "not one of the words of monitoring reports, or a key is written twice in "
                    "one object. The finding is at the value, or at the object that lacks the "
                    "key; an item that cannot be read is left out of the other checks.",
     .fix = "Write the key or the value in the form the format asks for: "
            "oapgraph-format(5) describes every key, and 'oapgraph schema' prints the "
            "JSON Schema for editors.",
     .example =
         "{\n"
         "  \"oapgraph\": 1,\n"
         "  \"plan\": {\"id\": \"2012-C\", \"priority\": \"C\",\n"
         "           \"title\": \"Illegal immigration\", \"year\": \"2012\"},\n" EX_GOAL EX_ACTIONS
             EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2_ID
         "     \"leaders\": \"IT\", \"timing\": \"June\", \"kpis\": [\"Arrests\"],\n" EX_REFS_1_1
             EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:4:52: error: \"year\" of \"plan\" must be an integer such as "
         "2012, not a string [schema]\n"
         "plan.oap.json:11:17: error: \"leaders\" of action 1.2 must be an array of "
         "strings, not a string [schema]",
     .always = 1},
    {"unknown-key", OAP_SEVERITY_WARNING, "loading",
     "a key the format does not define (and not x-...); the nearest known key is suggested",
     .explanation = "A key that the format does not define, at any level of the file. Most are "
                    "misspellings (partcipants, timming, yaer): without this rule the value "
                    "would silently take no part in any check. The nearest known key is "
                    "suggested. Keys starting with x- are yours and never reported.",
     .fix = "Correct the spelling. For information of your own that the tool should "
            "ignore, start the key with x- (x-contact, x-budget).",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2
     "     \"refs\": [\"1.1\"], \"partcipants\": [\"EL\", \"MT\"],\n"
     "     \"x-contact\": \"desk officer\"}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:12:23: warning: unknown key \"partcipants\" in action 1.2; did "
         "you mean \"participants\"? [unknown-key]"},
    {"duplicate-id", OAP_SEVERITY_ERROR, "loading",
     "two goals, actions or phases of one plan, or two loaded plans, share an id",
     .explanation = "Two strategic goals, two actions or two phases of one action carry the same "
                    "id within a plan, or two files of the run carry the same plan id. A "
                    "reference to that id could mean either; the second is reported, naming the "
                    "first.",
     .fix = "Renumber one of them and the references that mean it. For two files with "
            "one plan id, give each plan its own id (2012-C, 2013-C) or leave one file "
            "out of the run.",
     .example = EX_PLAN
     "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\"},\n"
     "            {\"id\": \"SG1\", \"title\": \"Border management\"}],\n" EX_ACTIONS EX_ACTION_1_1
         EX_REFS_1_2 EX_ACTION_1_2 EX_REFS_1_1 EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:6:20: error: goal id \"SG1\" is used twice in plan 2012-C: by "
         "the 1st and the 2nd goal [duplicate-id]"},
    {"limit", OAP_SEVERITY_ERROR, "loading",
     "an input exceeds a limit of the run (file size, nesting, string length, actions per "
     "plan); the defaults are far above any real plan",
     .explanation = "An input is larger than the run reads: a plan file over the size limit (1 "
                    "GiB), arrays and objects nested deeper than the nesting limit (2048), one "
                    "string over the string limit (64 MiB), or a plan with more actions than the "
                    "action limit (10,000,000). The defaults are far above any real plan; they "
                    "keep a broken or hostile file from taking the machine. A file over the size "
                    "or nesting limit is not read, a string over the limit is left out, and a "
                    "plan with too many actions is not checked.",
     .fix = "A real plan never comes near the defaults: find out how the file was made "
            "(a conversion gone wrong, a file that is not a plan). The options "
            "--max-file-size, --max-depth, --max-string and --max-actions of 'oapgraph "
            "check' lower the limits, for a job that should refuse large inputs early.",
     .example =
         EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2 EX_REFS_1_1 EX_END,
     .example_command = "oapgraph check --max-depth 3 plan.oap.json",
     .example_finding =
         "plan.oap.json:8:17: error: arrays and objects nest deeper than 3 here; this "
         "run reads no deeper [limit]",
     .always = 1},
    {"bad-ref", OAP_SEVERITY_ERROR, "references",
     "a reference is not in the grammar of plan files (oapgraph-format(5)); the text and the "
     "position are quoted",
     .explanation =
         "An item of refs or needs (of an action or a phase) is not one reference as "
         "the format writes them: usually a whole table cell pasted into one item "
         "(\"SG 1, SG 2\", \"1.2 and 1.3\") or a stray character. The finding quotes the "
         "text and the position where reading stopped. An item that cannot be read "
         "links nothing, so the checks that follow links do not see it.",
     .fix = "Write one reference per item: an action (\"2.1\"), a phase (\"2.1#1\"), a goal "
            "(\"SG2\"), an action or goal of another plan with its qualifier (\"F:3.1\", "
            "\"2012-F:SG2\"), or a whole priority (\"B:*\"). 'oapgraph refs TEXT' shows how "
            "a table cell reads as references.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2
     "     \"refs\": [\"1.1\", \"SG 1, SG 2\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:12:27: error: cannot read \"SG 1, SG 2\" as a reference: "
         "unexpected \", SG 2\" after the reference (at character 5); write one "
         "reference per item, such as \"SG2\", \"2.1\", \"2.1#1\", \"F:3.1\" or \"B:*\" "
         "[bad-ref]"},
    {"dangling-ref", OAP_SEVERITY_ERROR, "references",
     "a reference names a goal, action, phase or plan that is not there",
     .explanation = "A reference that reads well names something that is not there: an action, "
                    "goal or phase its own plan does not have, or one that the plan named by its "
                    "qualifier does not have (2012-F:1.7 while plan 2012-F has no action 1.7). "
                    "Usually an action that was renumbered or dropped, or a typing slip.",
     .fix = "Correct the id, or remove the reference if its target is gone. A reference "
            "into another plan is only checked when that plan is loaded in the same run.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2
     "     \"refs\": [\"1.1\", \"1.3\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:12:22: error: action 1.2 refers to 1.3, which plan 2012-C "
                        "does not have [dangling-ref]"},
    {"external-ref", OAP_SEVERITY_INFO, "references",
     "a reference names a priority no loaded plan carries for the referring plan's years",
     .explanation = "A reference qualified by a priority code that no loaded plan carries for "
                    "the referring plan's years (B:* or F:3.1 while no plan of priority B or F "
                    "for those years is loaded). It cannot be checked, and it is reported for "
                    "information only: the other plan may simply not be part of this run. When "
                    "plans of the priority for other years are loaded, the message names them "
                    "and the years that have none.",
     .fix = "Load the other priority's plan for the same years in the run (oapgraph "
            "check plans/) to have the reference resolved and checked, or turn the rule "
            "off in .oapgraph.json for a run that checks one plan on purpose.",
     .example = EX_PLAN
     "  \"overlaps\": [{\"priority\": \"B\", \"note\": \"Western Balkans routes\"}],\n" EX_GOAL
         EX_ACTIONS EX_ACTION_1_1 "     \"refs\": [\"B:*\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:10:15: info: action 1.1 refers to B:*: no loaded plan carries "
         "priority B; load its plan to check this reference [external-ref]"},
    {"ambiguous-ref", OAP_SEVERITY_ERROR, "references",
     "a priority qualifier matches more than one loaded plan of the referring plan's years",
     .explanation = "A priority qualifier matches more than one loaded plan whose years overlap "
                    "the referring plan's: F:1.1 in a plan for 2012 while two plans of priority "
                    "F for 2012 are loaded (two revisions of one plan, say). The reference could "
                    "point into either, so it is not resolved. Plans of the priority for other "
                    "years do not make it ambiguous.",
     .fix = "Qualify the reference with the plan id (2012-F:1.1), which always names one "
            "plan, or load one plan of the priority for each year.",
     .example =
         "==> c.oap.json <==\n" EX_PLAN_2012
         "  \"overlaps\": [{\"priority\": \"F\", \"note\": \"victims of trafficking\"}],\n" EX_GOAL
             EX_ACTIONS EX_ACTION_1_1 "     \"refs\": [\"F:1.1\"]}\n" EX_END
         "==> 2012-F.oap.json <==\n" EX_PLAN_F("2012-F") EX_ACTIONS
     "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Victim support\",\n"
     "     \"leaders\": [\"NL\"], \"timing\": \"May\", \"kpis\": [\"Victims referred\"],\n"
     "     \"refs\": [\"C:*\"]}\n" EX_END "==> 2012-F-REV3.oap.json <==\n" EX_PLAN_F("2012-F-REV3")
         EX_ACTIONS
     "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Financial investigation\",\n"
     "     \"leaders\": [\"BE\"], \"timing\": \"May\", \"kpis\": [\"Cases\"],\n"
     "     \"refs\": [\"C:*\"]}\n" EX_END,
     .example_command = "oapgraph check c.oap.json 2012-F.oap.json 2012-F-REV3.oap.json",
     .example_finding =
         "c.oap.json:10:15: error: action 1.1 refers to F:1.1, but priority F is "
         "carried by 2012-F and 2012-F-REV3; qualify it with a plan id [ambiguous-ref]"},
    {"self-ref", OAP_SEVERITY_WARNING, "references", "an action refers to itself",
     .explanation = "An action lists itself in its refs or needs, or a phase needs itself. A "
                    "reference to itself links nothing, and a need on itself could never be met; "
                    "usually a slip when copying a row or numbering.",
     .fix = "Remove the item, or correct it to the action meant. A phase needs the one "
            "before it without saying so.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2
     "     \"refs\": [\"1.1\", \"1.2\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:12:22: warning: action 1.2 lists itself (1.2) in its refs "
                        "[self-ref]"},
    {"duplicate-ref", OAP_SEVERITY_WARNING, "references",
     "the same target is listed twice in one list",
     .explanation =
         "One list (the refs of an action, or the needs of an action or a phase) "
         "names the same target twice, also when it is written in two ways: \"SG 1\" "
         "and \"SG1\", or \"2.1\" and \"2012-C:2.1\" in plan 2012-C. The graph is not hurt, "
         "but a different reference was usually meant.",
     .fix = "Remove the second item, or correct it to the reference meant. The same "
            "target in refs and in needs is fine.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2
     "     \"refs\": [\"SG1\", \"1.1\", \"SG 1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:12:29: warning: action 1.2 lists SG1 twice in its refs (items "
         "1 and 3) [duplicate-ref]"},
    {"one-way-ref", OAP_SEVERITY_INFO, "references",
     "action A refers to action B, B does not refer back to A",
     .explanation = "Action A lists action B in its refs, but B refers back to A neither in "
                    "its refs nor in its needs. In an OAP table two linked actions name each "
                    "other in their I/D OA columns; a link written on one side only is usually "
                    "one that was added to one row and forgotten in the other. A need runs one "
                    "way by nature and asks for no reference back. Reported for information.",
     .fix = "Add A to the refs of B, or remove the reference from A if the two are not "
            "linked.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1
     "     \"refs\": [\"SG1\"]},\n" EX_ACTION_1_2 EX_REFS_1_1 EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:12:15: info: action 1.2 refers to action 1.1, but 1.1 does "
                        "not refer back to 1.2 [one-way-ref]"},
    {"undeclared-mention", OAP_SEVERITY_WARNING, "references",
     "the title, description or timing mentions another action that neither refs nor needs "
     "lists",
     .explanation = "The title, description or timing of an action mentions another action of "
                    "its plan by number (\"see Action 2.1\", \"Actions 1.1 and 1.3\"), but neither "
                    "its refs nor its needs list it: the text speaks of a link that the graph "
                    "does not have. Only numbers after the word Action or Actions count, each "
                    "once per action, and only numbers of actions the plan has.",
     .fix = "Add the action to refs (or to needs, if this action uses its outcome), or "
            "reword the text if it does not mean that action.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1
     "     \"refs\": [\"1.2\", \"1.3\"]},\n" EX_ACTION_1_2 "     \"refs\": [\"1.1\"]},\n"
     "    {\"id\": \"1.3\", \"goal\": \"SG1\", \"title\": \"Debriefing, see Action 1.2\",\n"
     "     \"timing\": \"July\", \"leaders\": [\"IT\"], \"kpis\": [\"Interviews\"],\n" EX_REFS_1_1
         EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:13:67: warning: action 1.3 mentions Action 1.2 in its title, "
         "but neither its refs nor its needs list 1.2 [undeclared-mention]"},
    {"undeclared-overlap", OAP_SEVERITY_WARNING, "references",
     "an action refers to a priority that the plan's overlaps does not declare",
     .explanation = "An action refers into another priority (with a priority or plan qualifier), "
                    "but the plan's overlaps does not declare that priority. Section 2 of an OAP "
                    "declares the inter-dependencies with other priorities; a link to a priority "
                    "not declared there is either missing from that section or a mistake. One "
                    "finding per action and priority.",
     .fix = "Declare the priority in overlaps, {\"priority\": \"F\", \"note\": \"why the two "
            "meet\"}, or correct the reference.",
     .example = EX_PLAN
     "  \"overlaps\": [{\"priority\": \"B\", \"note\": \"Western Balkans routes\"}],\n" EX_GOAL
         EX_ACTIONS EX_ACTION_1_1 "     \"refs\": [\"B:*\", \"F:*\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:10:22: warning: action 1.1 refers to F:* in priority F, which "
         "plan 2012-C does not declare in its \"overlaps\" [undeclared-overlap]"},
    {"need-target", OAP_SEVERITY_ERROR, "references",
     "a need names a goal or a whole priority; needs name actions or phases",
     .explanation = "An item of needs names a strategic goal, a whole plan or a whole priority. "
                    "A need says that the action uses the outcome of another and cannot start "
                    "before it ends; a goal or a priority has no end, so such a need cannot be "
                    "placed in time or in the order of work.",
     .fix = "Name the actions or phases whose outcome is used. A link to a goal or a "
            "priority belongs in refs, which carry no direction.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2
     "     \"refs\": [\"1.1\"],\n"
     "     \"needs\": [\"SG1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:13:16: error: action 1.2 needs SG1, a strategic goal; needs "
         "name the actions or phases whose outcome is used (list goals and priorities "
         "in refs) [need-target]"},
    {"orphan-action", OAP_SEVERITY_ERROR, "structure",
     "an action's goal is missing or not a goal of its plan",
     .explanation = "An action serves a goal that its plan does not have (\"SG3\" in a plan with "
                    "goals SG1 and SG2), so it serves nothing the plan sets out to do. \"SG 2\" "
                    "names goal SG2, as wherever references are read.",
     .fix = "Correct the action's goal, or add the goal to the plan's goals.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2
     "    {\"id\": \"1.2\", \"goal\": \"SG2\", \"title\": \"Joint operation\",\n"
     "     \"leaders\": [\"IT\"], \"timing\": \"June\", \"kpis\": [\"Arrests\"],\n" EX_REFS_1_1
         EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:10:27: error: action 1.2 serves goal \"SG2\", which plan 2012-C "
         "does not have [orphan-action]"},
    {"empty-goal", OAP_SEVERITY_WARNING, "structure", "a strategic goal has no action",
     .explanation = "A strategic goal that no action serves: the plan sets the goal and plans "
                    "nothing towards it.",
     .fix = "Add the actions that serve it, correct the goal of an action that was meant "
            "for it, or remove the goal.",
     .example =
         EX_PLAN EX_GOALS_2 EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2 EX_REFS_1_1 EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:6:20: warning: goal SG2 of plan 2012-C has no action serving "
         "it [empty-goal]"},
    {"isolated-action", OAP_SEVERITY_INFO, "structure",
     "an action has no reference or need, in or out, beyond its own goal",
     .explanation = "An action with no reference or need to or from any other action, goal or "
                    "priority beyond its own goal: nothing ties it to the rest of its plan or to "
                    "other plans. A continuation (continues) links the two actions, and a Joint "
                    "Action Day links the actions that name it in jads, in one plan or across "
                    "plans, when there are two. An action may truly stand alone, so this is for "
                    "information; but the I/D columns of an OAP usually link each action to "
                    "others.",
     .fix = "Add the links the action has: refs to the goals and actions it contributes "
            "to, needs for the outcomes it uses.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 "     \"refs\": [\"SG1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:7:12: info: action 1.1 has no reference or need to or from "
                        "any other action, goal or priority [isolated-action]"},
    {"action-goal-mismatch", OAP_SEVERITY_INFO, "structure",
     "an action numbered 3.x serves a goal other than SG3",
     .explanation = "An action numbered n.m serves a goal other than SGn (action 3.1 serving "
                    "SG2). OAP tables number actions under their goal, so the number and the "
                    "goal disagree and one of them is probably wrong. Ids that are not of the "
                    "form n.m are not judged. Reported for information.",
     .fix = "Correct the action's goal, or renumber the action and the references to it.",
     .example = EX_PLAN EX_GOALS_2 EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2
     "    {\"id\": \"1.2\", \"goal\": \"SG2\", \"title\": \"Joint operation\",\n"
     "     \"leaders\": [\"IT\"], \"timing\": \"June\", \"kpis\": [\"Arrests\"],\n" EX_REFS_1_1
         EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:11:27: info: action 1.2 is numbered under goal 1 but serves "
                        "SG2 [action-goal-mismatch]"},
    {"missing-leader", OAP_SEVERITY_ERROR, "structure", "an action's leaders are all blank",
     .explanation = "Every name in an action's leaders is blank (\"\" or spaces), so no one "
                    "answers for the action. An empty list, or no leaders at all, is a schema "
                    "finding instead.",
     .fix = "Name the Member State, agency or organisation that leads the action.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2_ID
     "     \"leaders\": [\"\"], \"timing\": \"June\", \"kpis\": [\"Arrests\"],\n" EX_REFS_1_1
         EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:11:17: error: action 1.2 has no leader: every name in "
                        "\"leaders\" is blank [missing-leader]"},
    {"missing-kpi", OAP_SEVERITY_WARNING, "structure", "an action has no KPI",
     .explanation = "An action has no key performance indicator: no kpis, an empty list, or only "
                    "blank items. Without one, what the action delivers cannot be measured when "
                    "the plan is monitored.",
     .fix = "Add at least one indicator to kpis (the KPI lines of the table's Target "
            "column), such as \"Number of joint operations carried out\".",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2_ID
     "     \"leaders\": [\"IT\"], \"timing\": \"June\", \"refs\": [\"1.1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:10:12: warning: action 1.2 has no KPI, so its delivery cannot "
         "be measured [missing-kpi]"},
    {"missing-timing", OAP_SEVERITY_WARNING, "structure", "an action has no timing and no window",
     .explanation = "An action has no timing and no window, and neither has any of its phases: "
                    "nothing says when it runs, so the timing of the needs around it cannot be "
                    "checked and 'oapgraph impact --late' cannot tell what a slip does.",
     .fix = "Write the Timing column as the table has it (\"April/May/June\", \"2nd "
            "semester\"), or give the months: \"window\": [\"2012-04\", \"2012-06\"].",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2_ID
     "     \"leaders\": [\"IT\"], \"kpis\": [\"Arrests\"], \"refs\": [\"1.1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:10:12: warning: action 1.2 has no timing and no window "
                        "[missing-timing]"},
    {"unknown-actor", OAP_SEVERITY_WARNING, "structure",
     "an actor neither built in nor declared; the nearest known actor is suggested",
     .explanation = "A leader, co-leader, participant, driver or supporter that is neither "
                    "built in (the "
                    "Member States by the codes the Council uses, EU bodies and agencies, "
                    "international organisations, third countries by ISO 3166 code, groups such "
                    "as All MS or Relevant MS), nor declared in the plan's actors, nor given in "
                    "the config file. Names are compared without regard to case, and known "
                    "spellings are accepted (Cefpol is CEPOL, GR is EL). Usually a misspelling; "
                    "the nearest known actor is suggested.",
     .fix = "Correct the name, or declare the actor in the plan's actors, {\"code\": "
            "\"SEAHORSE\", \"name\": \"Seahorse network\", \"kind\": \"network\"}, or for every "
            "plan in the actors of .oapgraph.json.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2_ID
     "     \"leaders\": [\"IT\"], \"participants\": [\"Europl\", \"Seahorse\"],\n"
     "     \"timing\": \"June\", \"kpis\": [\"Arrests\"], \"refs\": [\"1.1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:11:42: warning: \"Europl\" is not a known actor; did you mean "
         "\"Europol\"? [unknown-actor]\n"
         "plan.oap.json:11:52: warning: \"Seahorse\" is not a known actor; declare it "
         "in the plan's \"actors\" if it is right [unknown-actor]"},
    {"dependency-cycle", OAP_SEVERITY_ERROR, "dependencies",
     "the needs graph has a cycle; one cycle is given as a path and every member is named",
     .explanation = "The needs run in a circle: A needs B, B needs C and C needs A, so nothing "
                    "in the circle can start first. Needs are followed over all loaded plans "
                    "together, with phases: phase k+1 needs phase k, the needs of an action "
                    "apply to its first phase, and a need on a whole action waits for its last "
                    "phase. One finding per circle, reported once even when it runs through "
                    "several plans, with one cycle as a path and every member named.",
     .fix = "Find the need in the path that does not hold and remove it, or split an "
            "action into phases so that the part that is needed does not wait for the "
            "part that needs.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1
     "     \"needs\": [\"1.2\"]},\n" EX_ACTION_1_2 "     \"needs\": [\"1.1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:9:16: error: needs run in a circle: 1.1 -> 1.2 -> 1.1; "
         "nothing in it can start first (2 in the cycle: 1.1, 1.2) [dependency-cycle]"},
    {"redundant-need", OAP_SEVERITY_WARNING, "dependencies",
     "A needs C while A already needs C through other needs; the implying path is named",
     .explanation = "Action A needs C directly while it already needs C through other needs (A "
                    "needs B, which needs C). The direct need adds nothing to the order of work; "
                    "the finding names the path that implies it. Often left over from an earlier "
                    "version of the plan.",
     .fix = "Remove the direct need, unless the path through the others is the mistake.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1
     "     \"refs\": [\"1.2\", \"1.3\"]},\n" EX_ACTION_1_2
     "     \"refs\": [\"1.3\"], \"needs\": [\"1.1\"]},\n"
     "    {\"id\": \"1.3\", \"goal\": \"SG1\", \"title\": \"Debriefing\",\n"
     "     \"leaders\": [\"IT\"], \"timing\": \"July\", \"kpis\": [\"Interviews\"],\n"
     "     \"needs\": [\"1.2\", \"1.1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:15:23: warning: 1.3 needs 1.1, which it already needs through "
         "1.3 -> 1.2 -> 1.1 [redundant-need]"},
    {"timing-order", OAP_SEVERITY_WARNING, "dependencies",
     "A needs B, but B's window ends after A's window starts",
     .explanation = "A needs B, but B's window ends after A's starts: the outcome that A uses is "
                    "not there when A begins. Windows are read from the timing texts in the "
                    "plan's year, or given by window; a phase has its own. Ending in the month "
                    "the other starts is fine.",
     .fix = "Move one of the two in time, split the action into phases so that only the "
            "later phase needs B, or remove the need if A does not wait for B.",
     .example = EX_PLAN_2012 EX_GOAL EX_ACTIONS
     "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Risk analysis\",\n"
     "     \"timing\": \"April to September\", \"leaders\": [\"Frontex\"],\n"
     "     \"kpis\": [\"Report\"], \"refs\": [\"1.2\"]},\n" EX_ACTION_1_2
     "     \"needs\": [\"1.1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:12:16: warning: 1.2 needs 1.1, but 1.1 runs until 2012-09 and "
         "1.2 starts in 2012-06 [timing-order]"},
    {"timing-unparsed", OAP_SEVERITY_INFO, "dependencies",
     "a timing text has no month, quarter or semester the tool can read, or months without "
     "the year a plan of several years needs",
     .explanation = "A timing text from which no window of months can be read, for an action or "
                    "phase without a window, in a plan with years: it names no month, quarter "
                    "or semester (\"As soon as possible\", \"Ongoing\"); or it names months "
                    "but no year in a plan of several years (\"March\" in a 2024-2025 plan: "
                    "which March?); or a word looks like a misspelled month (\"Febuary\"), "
                    "which the message names. When it runs cannot be known, so the timing of "
                    "the needs around it cannot be checked. Reported for information; the "
                    "text stays as written, and nothing is guessed.",
     .fix = "Give the months in window, \"window\": [\"2012-01\", \"2012-12\"], or write the "
            "timing with months (\"March to June\", \"2nd quarter\", \"Whole year\"), and "
            "in a plan of several years with their year (\"March 2025\", \"Q3 2024\").",
     .example = EX_PLAN_2012 EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2 EX_ACTION_1_2_ID
     "     \"timing\": \"As soon as possible\", \"leaders\": [\"IT\"],\n"
     "     \"kpis\": [\"Arrests\"], \"refs\": [\"1.1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding =
         "plan.oap.json:11:16: info: the timing of 1.2, \"As soon as possible\", names "
         "no month, quarter or semester; add a \"window\" to say when it runs "
         "[timing-unparsed]"},
    {"possible-overlap", OAP_SEVERITY_WARNING, "overlap",
     "two actions, in one plan or across plans, look like the same work: similar title and "
     "description, shared leaders, overlapping participants and windows; the score and what "
     "they share are given",
     .explanation = "Two actions, in one plan or in two loaded plans, look like the same work: "
                    "their titles and descriptions share words that few other actions use, they "
                    "share leaders (co-leaders count as leaders), their participants overlap, "
                    "and so do their windows. The "
                    "score, from 0 to 1, weighs these; pairs that reach the threshold (0.50 "
                    "unless the config sets overlap.threshold) are reported with the score and "
                    "what they share. Only pairs that share rare words are compared, so the "
                    "check stays fast over all the plans of a cycle.",
     .fix = "If it is one piece of work, merge the two actions, or keep both, have each "
            "refer to the other and say in their descriptions what each does. If it is "
            "not, nothing needs doing; a run that reports too many pairs can raise "
            "overlap.threshold in .oapgraph.json.",
     .example = EX_PLAN_2012 EX_GOALS_2 EX_ACTIONS
     "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"timing\": \"2nd quarter\",\n"
     "     \"title\": \"Operation FIMATHU against illegal border crossings\",\n"
     "     \"leaders\": [\"HU\", \"AT\"], \"kpis\": [\"Report\"], \"refs\": [\"SG2\"]},\n"
     "    {\"id\": \"2.1\", \"goal\": \"SG2\", \"timing\": \"June\",\n"
     "     \"title\": \"FIMATHU: illegal crossings at the HU-RS border\",\n"
     "     \"leaders\": [\"HU\"], \"kpis\": [\"Arrests\"], \"refs\": [\"SG1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:9:15: warning: actions 1.1 and 2.1 may be the same work "
                        "(score 0.63): shared terms border, FIMATHU, illegal, crossings; shared "
                        "leaders HU; both run 2012-06 to 2012-06 [possible-overlap]"},
    {"linked-overlap", OAP_SEVERITY_INFO, "overlap",
     "two actions that already refer to each other look like the same work: the planners "
     "know of the link, but should confirm the work is not done twice",
     .explanation = "Two actions that already refer to each other still look like the same work, "
                    "as possible-overlap measures it; linked pairs are reported from a score "
                    "0.10 above its threshold. The planners know of the link, so this is for "
                    "information.",
     .fix = "Make sure the work is not done twice: say in the two descriptions what each "
            "action does that the other does not.",
     .example = EX_PLAN_2012 EX_GOAL EX_ACTIONS
     "    {\"id\": \"1.1\", \"goal\": \"SG1\", \"timing\": \"2nd quarter\",\n"
     "     \"title\": \"Operation FIMATHU against illegal border crossings\",\n"
     "     \"leaders\": [\"HU\", \"AT\"], \"kpis\": [\"Report\"], \"refs\": [\"1.2\"]},\n"
     "    {\"id\": \"1.2\", \"goal\": \"SG1\", \"timing\": \"June\",\n"
     "     \"title\": \"FIMATHU: illegal crossings at the HU-RS border\",\n"
     "     \"leaders\": [\"HU\"], \"kpis\": [\"Arrests\"], \"refs\": [\"1.1\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:8:15: info: linked actions 1.1 and 1.2 may be the same work "
                        "(score 0.68): shared terms FIMATHU, illegal, border, crossings; shared "
                        "leaders HU; both run 2012-06 to 2012-06 [linked-overlap]"},
    {"dangling-continuation", OAP_SEVERITY_ERROR, "carry-over",
     "continues names an action that the named, loaded plan does not have",
     .explanation = "An action's continues names the action of an earlier plan that it carries on "
                    "(\"2012-C:2.1\"; a priority code such as \"C:2.1\", or no qualifier, means "
                    "the plan of that priority whose years end the year before this plan "
                    "starts). That plan is loaded, but has no such action; or continues names a "
                    "goal, a phase, a whole plan or the action itself, or cannot be read as a "
                    "reference.",
     .fix = "Name the action as the earlier plan numbers it; when the numbering changed between "
            "the plans, look the action up in the earlier plan.",
     .example = EX_DANGLING, .example_command = "oapgraph check 2012-C.oap.json 2013-C.oap.json",
     .example_finding = "2013-C.oap.json:9:19: error: action 1.1 continues 2012-C:1.4, which plan "
                        "2012-C does not have [dangling-continuation]"},
    {"dropped-continuation", OAP_SEVERITY_WARNING, "carry-over",
     "an action reported to continue is not carried on by the next plan of its priority",
     .explanation = "An action was last reported as \"continue\" (or \"ongoing\", in the last "
                    "report of its plan), the next plan of its priority (the one whose years "
                    "start the year after) is loaded, and no action there continues it: work "
                    "the monitoring said would go on has dropped out of the plans.",
     .fix = "Add continues to the action of the next plan that carries the work on, or report "
            "the action completed or cancelled.",
     .example = EX_DROPPED, .example_command = "oapgraph check 2012-C.oap.json 2013-C.oap.json",
     .example_finding =
         "2012-C.oap.json:9:28: warning: action 1.1 was last reported as \"continue\", but no "
         "action of 2013-C, the next plan of priority C, continues it; add \"continues\": "
         "\"2012-C:1.1\" to the action that carries it on, or report it completed or cancelled "
         "[dropped-continuation]"},
    {"continues-finished", OAP_SEVERITY_INFO, "carry-over",
     "an action continues one that was reported completed or cancelled",
     .explanation = "An action continues one whose last report says \"completed\" or "
                    "\"cancelled\": either the report or the continuation is out of date.",
     .fix = "If the work goes on, report the earlier action as \"continue\"; if it is new "
            "work, leave continues out.",
     .example = EX_FINISHED, .example_command = "oapgraph check 2012-C.oap.json 2013-C.oap.json",
     .example_finding = "2013-C.oap.json:9:19: info: action 1.1 continues 2012-C:1.1, which was "
                        "last reported as \"completed\"; if the work goes on, its report should "
                        "say \"continue\" [continues-finished]"},
    {"unknown-common-goal", OAP_SEVERITY_ERROR, "cycle",
     "a goal's common names a common goal that the plan's cycle file does not declare",
     .explanation = "A goal's common names the common horizontal strategic goal it implements "
                    "(\"CHSG1\"), as the cycle file of the plan's cycle declares them in "
                    "common_goals; this one it does not declare. The cycle the plan belongs to "
                    "is the loaded cycle file whose years hold the plan's; when none is loaded, "
                    "or it declares no common goals, common is not checked. The message lists "
                    "the cycle's common goals rather than guess one: they are numbered, so a "
                    "wrong number is as near to each of them.",
     .fix = "Name one of the cycle's common goals, the one the goal works towards; or, if the "
            "cycle has gained one, add it to the cycle file's common_goals.",
     .example = EX_CYCLE EX_PLAN_CYCLE(
         "MS") "  \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\", \"common\": "
               "\"CHSG1\"},\n"
               "            {\"id\": \"SG2\", \"title\": \"Investigations\", \"common\": "
               "\"CHSG4\"}],\n" EX_ACTIONS_CYCLE,
     .example_command = EX_CYCLE_COMMAND,
     .example_finding = "2024-2025-MS.oap.json:7:64: error: goal SG2 implements common goal "
                        "\"CHSG4\", which cycle 2022-2025 does not declare; its common goals are "
                        "CHSG1, CHSG2, CHSG3 [unknown-common-goal]"},
    {"uncovered-common-goal", OAP_SEVERITY_INFO, "cycle",
     "a plan leaves common goals of its cycle unserved by any of its actions; one finding per "
     "plan names them all",
     .explanation = "The cycle file of the plan's cycle declares common horizontal strategic "
                    "goals, shared by every priority, and no action of the plan serves a goal "
                    "that implements some of them (a goal's common). One finding per plan, "
                    "naming every such common goal, at the plan's cycle (or at its plan object "
                    "when it does not name one). A plan whose priority the cycle does not "
                    "declare is checked all the same; a plan whose cycle file is not loaded is "
                    "not. Not every priority works towards every common goal, so this is for "
                    "information.",
     .fix = "If the plan works towards the common goal, say so in the common of the goal that "
            "does, and make sure an action serves that goal; if it does not, nothing needs "
            "doing.",
     .example = EX_CYCLE EX_PLAN_CYCLE("MS") EX_GOALS_CYCLE EX_ACTIONS_CYCLE,
     .example_command = EX_CYCLE_COMMAND,
     .example_finding =
         "2024-2025-MS.oap.json:5:21: info: plan 2024-2025-MS leaves 1 of the 3 common goals of "
         "cycle 2022-2025 unserved: CHSG3 (no action serves a goal whose \"common\" names it) "
         "[uncovered-common-goal]"},
    {"unknown-priority", OAP_SEVERITY_WARNING, "cycle",
     "a plan's priority is not among the priorities of its cycle file",
     .explanation = "A plan's priority is not among the priorities that the cycle file of its "
                    "cycle declares: a misspelled code, a code of another cycle, or a priority "
                    "the cycle file lacks. The nearest code is suggested when one is nearer "
                    "than the others; otherwise the message lists the cycle's priorities. "
                    "Silent when the plan's cycle file is not loaded, or declares no "
                    "priorities.",
     .fix = "Give the plan the code the cycle file declares for its priority, or add the "
            "priority to the cycle file's priorities.",
     .example = EX_CYCLE EX_PLAN_CYCLE("SM") EX_GOALS_CYCLE EX_ACTIONS_CYCLE,
     .example_command = EX_CYCLE_COMMAND,
     .example_finding = "2024-2025-MS.oap.json:3:46: warning: plan 2024-2025-MS has priority "
                        "\"SM\", which cycle 2022-2025 does not declare; did you mean \"MS\"? "
                        "[unknown-priority]"},
    {"unknown-jad", OAP_SEVERITY_WARNING, "cycle",
     "an action takes part in a Joint Action Day that its plan's cycle file does not declare",
     .explanation = "An action's jads name the Joint Action Days it takes part in, as the "
                    "cycle file of the plan's cycle declares them in jads; this one it does not "
                    "declare: a misspelled id, or a JAD the cycle file lacks. The nearest "
                    "declared id is suggested when no other is as near. Silent when the plan's "
                    "cycle file is not loaded, or declares no JADs. A misspelled id is usually "
                    "named by that action alone, so lone-jad reports it too: each says "
                    "something the other cannot (lone-jad also without a cycle file, "
                    "unknown-jad also for a JAD that several actions misspell alike).",
     .fix = "Write the id as the cycle file declares it, or add the JAD to the cycle file's "
            "jads.",
     .example = EX_CYCLE EX_JAD_PLAN(", \"jads\": [\"JAD-2024-MDE\"]"),
     .example_command = EX_CYCLE_COMMAND,
     .example_finding = "2024-2025-MS.oap.json:10:92: warning: action 1.1 takes part in Joint "
                        "Action Day \"JAD-2024-MDE\", which cycle 2022-2025 does not declare; did "
                        "you mean \"JAD-2024-MED\"? [unknown-jad]"},
    {"jad-outside-window", OAP_SEVERITY_WARNING, "cycle",
     "an action takes part in a Joint Action Day held while the action does not run",
     .explanation = "An action takes part in a Joint Action Day whose window, as the cycle "
                    "file declares it, has no month in common with the action's window (its "
                    "window, else its timing read in the plan's years): the action cannot take "
                    "part in days held while it does not run. A JAD that only partly lies in "
                    "the action's window is not reported. Silent when the JAD or the action has "
                    "no window, and for JADs the cycle file does not declare (unknown-jad).",
     .fix = "Correct the action's timing so that it covers the JAD, or name the JAD the "
            "action takes part in.",
     .example = EX_CYCLE EX_JAD_PLAN(", \"jads\": [\"JAD-2025-MED\"]"),
     .example_command = EX_CYCLE_COMMAND,
     .example_finding = "2024-2025-MS.oap.json:10:92: warning: action 1.1 takes part in Joint "
                        "Action Day JAD-2025-MED, held in 2025-06, but the action runs from "
                        "2024-04 to 2024-06 [jad-outside-window]"},
    {"lone-jad", OAP_SEVERITY_INFO, "cycle",
     "a Joint Action Day id that only one action of all the loaded plans names",
     .explanation = "A JAD joins the actions that take part in it, often of several plans; "
                    "an id that only one action of all the loaded plans names links nothing, "
                    "and is often a typo of an id the other actions write. It works without a "
                    "cycle file. A JAD truly held by one action of the loaded plans (the others "
                    "being in plans not loaded) is fine, so this is for information. A "
                    "misspelled id that the cycle file does not declare gets unknown-jad as "
                    "well.",
     .fix = "Write the id as the other actions taking part in the JAD write it; if the action "
            "is alone in it, nothing needs doing.",
     .example = EX_CYCLE EX_JAD_PLAN(", \"jads\": [\"JAD-2024-MED\"]"),
     .example_command = EX_CYCLE_COMMAND,
     .example_finding = "2024-2025-MS.oap.json:10:92: info: Joint Action Day \"JAD-2024-MED\" is "
                        "named by action 1.1 alone of the loaded plans; if other actions take part "
                        "in it, they spell it differently [lone-jad]"},
    {"kpi-without-target", OAP_SEVERITY_OFF, "kpis",
     "a KPI with no numeric target (off unless a config turns it on)",
     .explanation = "A KPI written as a string, or as an object without \"target\", gives no "
                    "number to measure the action's results against. Many plans write KPIs "
                    "as words, so the rule is off by default; turn it on in the config "
                    "(\"rules\": {\"kpi-without-target\": \"warning\"}) for plans that must "
                    "have targets.",
     .fix = "Write the KPI as an object with its target: {\"indicator\": \"facilitators "
            "arrested\", \"target\": 200, \"unit\": \"per year\"}.",
     .example = "==> .oapgraph.json <==\n"
                "{\"rules\": {\"kpi-without-target\": \"warning\"}}\n" EX_CYCLE EX_JAD_PLAN(""),
     .example_command = "oapgraph check --config .oapgraph.json 2022-2025.cycle.json "
                        "2024-2025-MS.oap.json",
     .example_finding =
         "2024-2025-MS.oap.json:10:55: warning: KPI \"Report\" of action 1.1 has no numeric "
         "target to measure its results against; give it one: {\"indicator\": ..., "
         "\"target\": N} [kpi-without-target]"},
    {"unknown-kpi-value", OAP_SEVERITY_WARNING, "kpis",
     "a reporting round gives a value for an indicator the action has no KPI for",
     .explanation = "A round of an action's results gives, in values, a number for an "
                    "indicator that is none of the action's KPIs (a KPI's text, or an object "
                    "KPI's indicator, compared exactly): a misspelled indicator, or a KPI the "
                    "action lacks. oapgraph status leaves such a value out of the roll-up.",
     .fix = "Name the value by the KPI's indicator exactly as the action's kpis write it, or "
            "add the KPI to the action.",
     .example = EX_CYCLE EX_JAD_PLAN(
         ",\n     \"results\": [{\"round\": \"2024-06\", \"status\": \"ongoing\",\n"
         "                  \"values\": {\"Report\": 1, \"Reports\": 2}}]"),
     .example_command = EX_CYCLE_COMMAND,
     .example_finding = "2024-2025-MS.oap.json:12:43: warning: round 2024-06 of action 1.1 gives a "
                        "value for \"Reports\", which is not one of its KPIs; name the KPI as the "
                        "action's kpis write it, or add the KPI [unknown-kpi-value]"},
    {"stale-baseline", OAP_SEVERITY_INFO, "reports",
     "a baseline entry matches no current finding; remove it so the baseline shrinks",
     .explanation = "An entry of the baseline given with --baseline matches no finding of this "
                    "run: what it recorded has been fixed, or has changed. It is reported at the "
                    "entry's line in the baseline file, so that the baseline shrinks as findings "
                    "are fixed. Entries of rules the config turns off are not stale.",
     .fix = "Delete the entry from the baseline, or write the baseline again with "
            "--write-baseline.",
     .example =
         "==> plan.oap.json <==\n" EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1 EX_REFS_1_2
             EX_ACTION_1_2 EX_REFS_1_1 EX_END "==> oapgraph-baseline.json <==\n"
         "{\n"
         "  \"oapgraph-baseline\": 2,\n"
         "  \"findings\": [\n"
         "    {\"rule\": \"missing-kpi\", \"file\": \"plan.oap.json\", \"plan\": \"2012-C\",\n"
         "     \"node\": \"1.2\", \"fingerprint\": \"5e0fb83629c57f85\",\n"
         "     \"message\": \"action 1.2 has no KPI\"}\n" EX_END,
     .example_command = "oapgraph check --baseline oapgraph-baseline.json plan.oap.json",
     .example_finding =
         "oapgraph-baseline.json:4:5: info: no current finding matches this baseline "
         "entry; remove it so the baseline shrinks (it recorded: action 1.2 has no "
         "KPI [missing-kpi]) [stale-baseline]"},
    {"unused-ignore", OAP_SEVERITY_INFO, "reports",
     "an entry of x-oapgraph-ignore leaves out no finding; remove it",
     .explanation = "An action or a goal may list rule ids under \"x-oapgraph-ignore\": the "
                    "findings of those rules on it (and on its phases) are not reported. An "
                    "entry that left out nothing in this run is reported: the finding it was "
                    "written for has been fixed, the rule id is misspelled (the nearest one is "
                    "suggested), or it names syntax, schema or limit, which report what cannot "
                    "be read as a plan and are never left out.",
     .fix = "Remove the entry, or correct the rule id to one 'oapgraph rules' lists.",
     .example = EX_PLAN EX_GOAL EX_ACTIONS EX_ACTION_1_1
     "     \"x-oapgraph-ignore\": [\"isolated-action\", \"missing-kpi\"]}\n" EX_END,
     .example_command = "oapgraph check plan.oap.json",
     .example_finding = "plan.oap.json:9:47: info: x-oapgraph-ignore of action 1.1 lists "
                        "\"missing-kpi\", but 1.1 has no missing-kpi finding to leave out; remove "
                        "it [unused-ignore]"},
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

const oap_rule_info *oap_rule_nearest(const char *id)
{
    const char *ids[sizeof rules / sizeof rules[0]];
    for (size_t i = 0; i < oap_rule_count(); i++)
        ids[i] = rules[i].id;
    const char *near = oap_suggest_nearest(id, ids, oap_rule_count());
    return near ? oap_rule_find(near) : NULL;
}

oap_severity oap_rule_default_severity(const char *id)
{
    const oap_rule_info *rule = oap_rule_find(id);
    return rule ? rule->severity : OAP_SEVERITY_ERROR;
}

oap_severity oap_rule_clamp_severity(const oap_rule_info *rule, oap_severity s)
{
    if (rule && rule->always && (s == OAP_SEVERITY_OFF || s == OAP_SEVERITY_INFO))
        return OAP_SEVERITY_WARNING;
    return s;
}
