/* check_reference: the reference plan (2012 OAP, priority C) checked against what a
 * careful reader of the Council document finds in it: nothing missing, nothing extra. */
#include "oapgraph/oapgraph.h"

#include "check_main.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read from the document (fixtures/council/2012-C.txt, encoded in fixtures/2012-C.oap.json
 * with the judgements in fixtures/2012-C.README.md):
 *
 * - One-way references (I/D OA of A lists B, B lists A in neither I/D column nor in the
 *   needs we encoded): 1.3 -> 2.1 (2.1's I/D OA lists only 1.1), 2.2 -> 1.1 and
 *   2.2 -> 2.1 (neither lists 2.2), 2.3 -> 1.1. The pairs 1.1/2.1, 1.1/5.2 and 2.2/2.3
 *   are listed both ways.
 * - Mentions: 2.1's Activity says "Based on the outcomes of the risk analysis under
 *   Actions 1.1 and 1.3", but its I/D OA lists only 1.1, and 1.3 is not a need either:
 *   the column is incomplete, which is the one warning. 1.1's description mentions
 *   "Action 2.1" and 2.1's mentions "Action 1.1": both listed.
 * - No cross-reference at all: 3.1, 4.2, 5.1, 6.1, 6.2, 6.3, 7.1 and 7.2 have empty I/D
 *   columns and nothing lists them. 1.2 lists only SG 4 and 4.1 only priorities B and F:
 *   they are linked to something beyond their own goal, so they are not isolated.
 * - Priorities B and F are declared in section 2 but their plans are not loaded here:
 *   2.2's "SGs in priority B" and 4.1's "SGs in priority B and priority F" are external
 *   references (info), and not undeclared overlaps.
 * - Nothing else: every actor is known (Cefpol/CEPOL, the groups), every timing reads
 *   as months, 2.1's phases keep 1.1 -> 2.1#1 and 2.1#2 -> 1.1 from being a cycle, and
 *   the windows fit (2.1#1 April/May, 1.1 September, 2.1#2 October/November).
 * Where the tool and this reading were compared, they agreed; nothing had to be
 * arbitrated. */
static const char *const expected[] = {
    "123:9: info: action 1.3 refers to action 2.1, but 2.1 does not refer back to 1.3 "
    "[one-way-ref]",
    "134:82: warning: action 2.1 mentions Action 1.3 in its title, but neither its refs nor "
    "its needs list 1.3 [undeclared-mention]",
    "189:9: info: action 2.2 refers to B:*: no loaded plan carries priority B; load its plan "
    "to check this reference [external-ref]",
    "190:9: info: action 2.2 refers to action 1.1, but 1.1 does not refer back to 2.2 "
    "[one-way-ref]",
    "191:9: info: action 2.2 refers to action 2.1, but 2.1 does not refer back to 2.2 "
    "[one-way-ref]",
    "213:9: info: action 2.3 refers to action 1.1, but 1.1 does not refer back to 2.3 "
    "[one-way-ref]",
    "225:13: info: action 3.1 has no reference or need to or from any other action, goal or "
    "priority [isolated-action]",
    "260:9: info: action 4.1 refers to B:*: no loaded plan carries priority B; load its plan "
    "to check this reference [external-ref]",
    "261:9: info: action 4.1 refers to F:*: no loaded plan carries priority F; load its plan "
    "to check this reference [external-ref]",
    "271:13: info: action 4.2 has no reference or need to or from any other action, goal or "
    "priority [isolated-action]",
    "288:13: info: action 5.1 has no reference or need to or from any other action, goal or "
    "priority [isolated-action]",
    "335:13: info: action 6.1 has no reference or need to or from any other action, goal or "
    "priority [isolated-action]",
    "357:13: info: action 6.2 has no reference or need to or from any other action, goal or "
    "priority [isolated-action]",
    "382:13: info: action 6.3 has no reference or need to or from any other action, goal or "
    "priority [isolated-action]",
    "399:13: info: action 7.1 has no reference or need to or from any other action, goal or "
    "priority [isolated-action]",
    "421:13: info: action 7.2 has no reference or need to or from any other action, goal or "
    "priority [isolated-action]",
};

START_TEST(reference_plan_findings)
{
    oap_planset *set;
    oap_diags *diags;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    ck_assert_int_eq(oap_planset_load_path(set, OAP_SOURCE_DIR "/fixtures/2012-C.oap.json", diags),
                     0);
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    ck_assert_int_eq(oap_check_run(set, diags, &opts), 0);
    size_t n = sizeof expected / sizeof expected[0];
    for (size_t i = 0; i < oap_diags_count(diags) || i < n; i++) {
        char got[512] = "(none)";
        const oap_diag *d = oap_diags_at(diags, i);
        if (d)
            snprintf(got, sizeof got, "%u:%u: %s: %s [%s]", d->line, d->col,
                     oap_severity_name(d->severity), d->message, d->rule);
        ck_assert_msg(i < n, "extra finding: %s", got);
        ck_assert_msg(strcmp(got, expected[i]) == 0, "finding %zu\n expected: %s\n      got: %s",
                      i + 1, expected[i], got);
    }
    ck_assert_uint_eq(oap_diags_count_at_least(diags, OAP_SEVERITY_ERROR), 0);
    oap_diags_free(diags);
    oap_planset_free(set);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reference");
    TCase *tc = tcase_create("2012-C");
    tcase_add_test(tc, reference_plan_findings);
    suite_add_tcase(s, tc);
    return oap_test_run(s);
}
