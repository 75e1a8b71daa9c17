/* check_words: the words overlap detection compares. */
#include "core/words.h"

#include "check_main.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void collect(void *ctx, const char *w, size_t len)
{
    char *out = ctx;
    ck_assert_uint_eq(strlen(w), len);
    if (*out)
        strcat(out, " ");
    strcat(out, w);
}

static const char *words(const char *text)
{
    static char out[4096];
    out[0] = '\0';
    oap_words_split(text, 0, collect, out);
    return out;
}

START_TEST(folds_case_accents_plurals)
{
    ck_assert_str_eq(words("Operation FIMATHU on the HU-RS section"),
                     "operation fimathu hu rs section");
    ck_assert_str_eq(words("Joint Operations, Workshops and Authorities"),
                     "joint operation workshop authority");
    ck_assert_str_eq(words("Décembre à Zürich: Łódź, Škoda"), "decembre zurich lodz skoda");
    ck_assert_str_eq(words("process business analysis status"), "process business analysis status");
}
END_TEST

START_TEST(drops_stop_words_numbers_and_marks)
{
    ck_assert_str_eq(words("To restart the SAHaraMED project ⁹, aiming at 2012 and 1-2 weeks"),
                     "restart saharamed project week");
    ck_assert_str_eq(words("MSs of the EU: all Member States"), "");
    ck_assert_str_eq(words("“Seahorse Mediterraneo” – satellite"),
                     "seahorse mediterraneo satellite");
}
END_TEST

START_TEST(greek_and_invalid_bytes)
{
    ck_assert_str_eq(words("Ελληνική Αστυνομία"), "Ελληνική Αστυνομία");
    ck_assert_str_eq(words("bad\xff\xfe byte\xc3 end"), "bad byte end");
    char long_word[200];
    memset(long_word, 'x', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    ck_assert_str_eq(words(long_word), "");
}
END_TEST

static void collect_written(void *ctx, const char *w, size_t len, const oap_words_written *at)
{
    char *out = ctx, written[64];
    size_t wlen = oap_words_written_form(at, written, sizeof written);
    ck_assert_uint_eq(strlen(w), len);
    ck_assert_uint_eq(strlen(written), wlen);
    if (*out)
        strcat(out, " ");
    strcat(out, w);
    strcat(out, "=");
    strcat(out, written);
}

/* The words as the plan writes them, for messages: the stem is for matching only. */
START_TEST(written_forms)
{
    char out[4096] = "";
    oap_words_split_written("Witnesses heard; Searches by the HIO, coaches in Zürich", 0,
                            collect_written, out);
    ck_assert_str_eq(out, "witnesse=witnesses heard=heard searche=searches hio=HIO "
                          "coache=coaches zurich=Zürich");
}
END_TEST

START_TEST(stop_words_sorted_lookup)
{
    ck_assert_int_eq(oap_words_is_stop("the", 3), 1);
    ck_assert_int_eq(oap_words_is_stop("within", 6), 1);
    ck_assert_int_eq(oap_words_is_stop("a", 1), 1);
    ck_assert_int_eq(oap_words_is_stop("workshop", 8), 0);
    ck_assert_int_eq(oap_words_is_stop("th", 2), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("words");
    TCase *tc = tcase_create("words");
    tcase_add_test(tc, folds_case_accents_plurals);
    tcase_add_test(tc, drops_stop_words_numbers_and_marks);
    tcase_add_test(tc, greek_and_invalid_bytes);
    tcase_add_test(tc, stop_words_sorted_lookup);
    tcase_add_test(tc, written_forms);
    suite_add_tcase(s, tc);
    return oap_test_run(s);
}
