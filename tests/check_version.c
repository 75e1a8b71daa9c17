/* check_version: the version macros and oap_version() against CMake's project version. */
#include "oapgraph/oapgraph.h"

#include "check_main.h"

#include <check.h>
#include <stdio.h>

/* OAP_PROJECT_VERSION is CMake's PROJECT_VERSION, passed by CMakeLists.txt: the one place
 * the version is written. */
START_TEST(version_is_the_projects)
{
    ck_assert_str_eq(OAPGRAPH_VERSION, OAP_PROJECT_VERSION);
    ck_assert_str_eq(oap_version(), OAP_PROJECT_VERSION);
    char parts[64];
    snprintf(parts, sizeof parts, "%d.%d.%d", OAPGRAPH_VERSION_MAJOR, OAPGRAPH_VERSION_MINOR,
             OAPGRAPH_VERSION_PATCH);
    ck_assert_str_eq(parts, OAP_PROJECT_VERSION);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("version");
    TCase *tc = tcase_create("version");
    tcase_add_test(tc, version_is_the_projects);
    suite_add_tcase(s, tc);
    return oap_test_run(s);
}
