/* check_main: what every Check suite's main does: run, count failures, exit. */
#ifndef OAP_TESTS_CHECK_MAIN_H
#define OAP_TESTS_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

/* Runs the suite (takes ownership) and returns the process exit status. */
static inline int oap_test_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
