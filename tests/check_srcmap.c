/* check_srcmap: JSON pointers to line and column. */
#include "load/srcmap.h"

#include "check_main.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static const char doc[] = "{\n"
                          "  \"plan\": {\"id\": \"2012-C\"},\n"
                          "  \"actions\": [\n"
                          "    {\"id\": \"1.1\", \"leaders\": [\"Frontex\", \"Europol\"]},\n"
                          "    {\"id\": \"1.2\", \"title\": \"Ελληνικά \\\"q\\\"\", \"x\": 1}\n"
                          "  ],\n"
                          "  \"a/b~c\": [[], {}, 3.5e2, true, null]\n"
                          "}\n";

static void locate(oap_srcmap_query *q, size_t n)
{
    ck_assert_int_eq(oap_srcmap_locate(doc, strlen(doc), q, n), 0);
}

START_TEST(values_and_keys)
{
    oap_srcmap_query q[] = {
        {"", 0, 0, 0, 0},
        {"/plan", 0, 0, 0, 0},
        {"/plan/id", 0, 0, 0, 0},
        {"/plan/id", 1, 0, 0, 0},
        {"/actions/0/leaders/1", 0, 0, 0, 0},
        {"/actions/1", 0, 0, 0, 0},
        {"/actions/1/x", 1, 0, 0, 0},
        {"/actions/1/x", 0, 0, 0, 0},
    };
    locate(q, sizeof q / sizeof q[0]);
    ck_assert_uint_eq(q[0].line, 1);
    ck_assert_uint_eq(q[0].col, 1);
    ck_assert_uint_eq(q[1].line, 2);
    ck_assert_uint_eq(q[1].col, 11);
    ck_assert_uint_eq(q[2].line, 2);
    ck_assert_uint_eq(q[2].col, 18);
    ck_assert_uint_eq(q[3].line, 2);
    ck_assert_uint_eq(q[3].col, 12);
    ck_assert_uint_eq(q[4].line, 4);
    ck_assert_uint_eq(q[4].col, 42);
    ck_assert_uint_eq(q[5].line, 5);
    ck_assert_uint_eq(q[5].col, 5);
    /* Columns count code points: the Greek word is 8 characters but 16 bytes. */
    ck_assert_uint_eq(q[6].line, 5);
    ck_assert_uint_eq(q[6].col, 46);
    ck_assert_uint_eq(q[7].col, 51);
}
END_TEST

START_TEST(escaped_keys_and_scalars)
{
    oap_srcmap_query q[] = {
        {"/a~1b~0c", 1, 0, 0, 0},   {"/a~1b~0c/0", 0, 0, 0, 0}, {"/a~1b~0c/1", 0, 0, 0, 0},
        {"/a~1b~0c/2", 0, 0, 0, 0}, {"/a~1b~0c/4", 0, 0, 0, 0}, {"/actions/7", 0, 0, 0, 0},
    };
    locate(q, sizeof q / sizeof q[0]);
    ck_assert_uint_eq(q[0].line, 7);
    ck_assert_uint_eq(q[0].col, 3);
    ck_assert_uint_eq(q[1].col, 13);
    ck_assert_uint_eq(q[2].col, 17);
    ck_assert_uint_eq(q[3].col, 21);
    ck_assert_uint_eq(q[4].col, 34);
    ck_assert_uint_eq(q[5].line, 0); /* not in the text */
}
END_TEST

START_TEST(unicode_escape_in_key)
{
    const char *text = "{\"caf\\u00e9\": 1, \"\\ud83d\\ude00\": [2]}";
    oap_srcmap_query q[] = {{"/café", 0, 0, 0, 0}, {"/\xF0\x9F\x98\x80/0", 0, 0, 0, 0}};
    ck_assert_int_eq(oap_srcmap_locate(text, strlen(text), q, 2), 0);
    ck_assert_uint_eq(q[0].line, 1);
    ck_assert_uint_eq(q[0].col, 15);
    ck_assert_uint_eq(q[1].col, 35);
}
END_TEST

/* Nesting as deep as jansson accepts (2048): the scan keeps its own stack. Deeper text
 * never reaches the source map, since it is a syntax finding first. */
START_TEST(deep_nesting)
{
    size_t depth = 2048;
    char *text = malloc(2 * depth + 1);
    ck_assert_ptr_nonnull(text);
    memset(text, '[', depth);
    memset(text + depth, ']', depth);
    text[2 * depth] = '\0';
    char *pointer = malloc(2 * depth + 1);
    ck_assert_ptr_nonnull(pointer);
    for (size_t i = 0; i < depth - 1; i++)
        memcpy(pointer + 2 * i, "/0", 2);
    pointer[2 * (depth - 1)] = '\0';
    oap_srcmap_query q = {pointer, 0, 0, 0, 0};
    ck_assert_int_eq(oap_srcmap_locate(text, 2 * depth, &q, 1), 0);
    ck_assert_uint_eq(q.line, 1);
    ck_assert_uint_eq(q.col, depth);
    free(pointer);
    free(text);
}
END_TEST

START_TEST(pointer_push_escapes)
{
    char buf[32] = "";
    size_t len = 0;
    ck_assert_int_eq(oap_pointer_push(buf, sizeof buf, &len, "actions"), 0);
    ck_assert_int_eq(oap_pointer_push(buf, sizeof buf, &len, "a/b~c"), 0);
    ck_assert_str_eq(buf, "/actions/a~1b~0c");
    ck_assert_int_eq(oap_pointer_push(buf, sizeof buf, &len, "0123456789abcdef"), -1);
    ck_assert_str_eq(buf, "/actions/a~1b~0c");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("srcmap");
    TCase *tc = tcase_create("srcmap");
    tcase_add_test(tc, values_and_keys);
    tcase_add_test(tc, escaped_keys_and_scalars);
    tcase_add_test(tc, unicode_escape_in_key);
    tcase_add_test(tc, deep_nesting);
    tcase_add_test(tc, pointer_push_escapes);
    suite_add_tcase(s, tc);
    return oap_test_run(s);
}
