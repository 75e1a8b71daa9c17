/* check_cases: every fixtures/<rule>/<case>/ folder with an expected.txt (and every
 * fixtures/<name>/ that has one itself) is checked and its findings compared line by line;
 * adding a case needs no new C. */
#define _POSIX_C_SOURCE 200809L
#include "oapgraph/oapgraph.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_CASES = 512 };
static char *cases[MAX_CASES];
static int ncases;

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect(void)
{
    const char *root = OAP_SOURCE_DIR "/fixtures";
    DIR *rules = opendir(root);
    if (!rules)
        return;
    struct dirent *r;
    while ((r = readdir(rules))) {
        char rule[1024];
        if (r->d_name[0] == '.' ||
            snprintf(rule, sizeof rule, "%s/%s", root, r->d_name) >= (int)sizeof rule ||
            !is_dir(rule))
            continue;
        /* A folder of plans with its own expected.txt is one case (fixtures/years). */
        char own[1100];
        struct stat own_st;
        snprintf(own, sizeof own, "%s/expected.txt", rule);
        if (stat(own, &own_st) == 0 && ncases < MAX_CASES) {
            cases[ncases++] = strdup(rule);
            continue;
        }
        DIR *d = opendir(rule);
        struct dirent *c;
        while (d && (c = readdir(d))) {
            char dir[1400], expected[1500];
            if (c->d_name[0] == '.')
                continue;
            snprintf(dir, sizeof dir, "%s/%s", rule, c->d_name);
            snprintf(expected, sizeof expected, "%s/expected.txt", dir);
            struct stat st;
            if (stat(expected, &st) == 0 && ncases < MAX_CASES)
                cases[ncases++] = strdup(dir);
        }
        if (d)
            closedir(d);
    }
    closedir(rules);
    qsort(cases, (size_t)ncases, sizeof *cases, cmp);
}

/* expected.txt without comment and blank lines. */
static char *read_expected(const char *dir)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/expected.txt", dir);
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    char line[8192];
    while (fgets(line, sizeof line, f))
        if (line[0] != '#' && line[0] != '\n')
            fputs(line, m);
    fclose(f);
    fclose(m);
    return out;
}

/* Paths of the case folder are left out everywhere (file names and messages), so the
 * expected findings do not depend on where the repository is. */
static void strip_all(char *s, const char *prefix)
{
    size_t lp = strlen(prefix);
    char *w = s;
    for (const char *r = s; *r;) {
        if (strncmp(r, prefix, lp) == 0)
            r += lp;
        else
            *w++ = *r++;
    }
    *w = '\0';
}

START_TEST(fixture_case)
{
    const char *dir = cases[_i];
    oap_planset *set;
    oap_diags *diags;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    ck_assert_int_eq(oap_planset_load_path(set, dir, diags), 0);
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    ck_assert_int_eq(oap_check_run(set, diags, &opts), 0);

    char prefix[1100];
    snprintf(prefix, sizeof prefix, "%s/", dir);
    oap_report_options ropts = OAP_REPORT_OPTIONS_INIT;
    char *actual = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&actual, &len);
    oap_report_text(m, diags, &ropts);
    fclose(m);
    strip_all(actual, prefix);
    char *expected = read_expected(dir);
    ck_assert_msg(strcmp(actual, expected) == 0, "case %s\n--- expected\n%s--- actual\n%s", dir,
                  expected, actual);
    free(actual);
    free(expected);
    oap_diags_free(diags);
    oap_planset_free(set);
}
END_TEST

int main(void)
{
    collect();
    Suite *s = suite_create("cases");
    TCase *tc = tcase_create("fixtures");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, fixture_case, 0, ncases);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    for (int i = 0; i < ncases; i++)
        free(cases[i]);
    printf("%d fixture cases\n", ncases);
    return failed || ncases == 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
