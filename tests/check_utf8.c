/* check_utf8: the one UTF-8 decoder and encoder, on every kind of input jansson refuses. */
#include "core/utf8.h"

#include "check_main.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of the sequence at the start of the n bytes of s, and its code point. */
static size_t decode(const char *s, size_t n, uint32_t *cp)
{
    *cp = 0x12345; /* set by every call */
    return oap_utf8_decode(s, n, cp);
}

START_TEST(valid_sequences)
{
    static const struct {
        const char *s;
        size_t len;
        uint32_t cp;
    } ok[] = {{"A", 1, 'A'},
              {"\x7f", 1, 0x7f},
              {"\xc2\x80", 2, 0x80}, /* the first two-byte one */
              {"\xc3\xa9", 2, 0xe9},
              {"\xdf\xbf", 2, 0x7ff},
              {"\xe0\xa0\x80", 3, 0x800}, /* the first three-byte one */
              {"\xe2\x80\xae", 3, 0x202e},
              {"\xed\x9f\xbf", 3, 0xd7ff},      /* just below the surrogates */
              {"\xee\x80\x80", 3, 0xe000},      /* just above them */
              {"\xef\xbf\xbf", 3, 0xffff},      /* a noncharacter is still a code point */
              {"\xf0\x90\x80\x80", 4, 0x10000}, /* the first four-byte one */
              {"\xf3\xa0\x80\x81", 4, 0xe0001},
              {"\xf4\x8f\xbf\xbf", 4, 0x10ffff}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        uint32_t cp;
        ck_assert_uint_eq(decode(ok[i].s, strlen(ok[i].s), &cp), ok[i].len);
        ck_assert_uint_eq(cp, ok[i].cp);
        /* Followed by more text, only the one sequence is taken. */
        char more[8];
        snprintf(more, sizeof more, "%sx", ok[i].s);
        ck_assert_uint_eq(decode(more, strlen(more), &cp), ok[i].len);
    }
    /* NUL is a character like any other when it is within n. */
    uint32_t cp;
    ck_assert_uint_eq(decode("\0", 1, &cp), 1);
    ck_assert_uint_eq(cp, 0);
}
END_TEST

START_TEST(invalid_sequences)
{
    static const struct {
        const char *what, *s;
    } bad[] = {
        {"a stray continuation byte", "\x80"},
        {"another", "\xbf"},
        {"an overlong two-byte NUL", "\xc0\x80"},
        {"an overlong two-byte letter", "\xc1\x81"},
        {"an overlong three-byte form", "\xe0\x80\xaf"},
        {"an overlong three-byte U+07FF", "\xe0\x9f\xbf"},
        {"an overlong four-byte form", "\xf0\x8f\xbf\xbf"},
        {"a high surrogate", "\xed\xa0\x80"},
        {"a low surrogate", "\xed\xbf\xbf"},
        {"above U+10FFFF", "\xf4\x90\x80\x80"},
        {"a lead byte that starts nothing", "\xf5\x80\x80\x80"},
        {"0xff", "\xff"},
        {"0xfe", "\xfe"},
        {"a two-byte sequence cut by an ASCII byte", "\xc3("},
        {"a three-byte sequence cut after two", "\xe2\x80("},
        {"a four-byte sequence cut after three", "\xf0\x9f\x98("},
        {"a lead byte followed by another lead byte", "\xc3\xc3\xa9"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint32_t cp;
        ck_assert_msg(decode(bad[i].s, strlen(bad[i].s), &cp) == 0, "%s decodes", bad[i].what);
        ck_assert_uint_eq(cp, 0xfffd);
    }
    /* Cut short by n, not by the bytes: the same sequences are whole with one more. */
    uint32_t cp;
    ck_assert_uint_eq(decode("\xe2\x80\xae", 2, &cp), 0);
    ck_assert_uint_eq(decode("\xf0\x9f\x98\x80", 3, &cp), 0);
    ck_assert_uint_eq(decode("\xc3\xa9", 1, &cp), 0);
    ck_assert_uint_eq(decode("A", 0, &cp), 0);
    /* A NUL ends a sequence: the decoder does not read past it. */
    ck_assert_uint_eq(decode("\xe2\0\xae", 3, &cp), 0);
}
END_TEST

/* Every sequence the decoder accepts is what the encoder writes, and back, for every
 * code point; what cannot be encoded (surrogates, above U+10FFFF) is U+FFFD. */
START_TEST(encode_round_trip)
{
    for (uint32_t c = 0; c <= 0x10ffff; c++) {
        char out[4];
        uint32_t back = 0;
        size_t k = oap_utf8_encode(c, out);
        /* Plain tests in the loop: a million ck_asserts would take seconds. */
        if (c >= 0xd800 && c <= 0xdfff) {
            if (k != 3 || memcmp(out, OAP_UTF8_REPLACEMENT, 3) != 0)
                ck_abort_msg("surrogate U+%04X is not written as U+FFFD", (unsigned)c);
            continue;
        }
        size_t want = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (k != want || oap_utf8_decode(out, k, &back) != k || back != c)
            ck_abort_msg("U+%04X: %zu bytes, read back as U+%04X", (unsigned)c, k, (unsigned)back);
    }
    char out[4];
    ck_assert_uint_eq(oap_utf8_encode(0x110000, out), 3);
    ck_assert(memcmp(out, OAP_UTF8_REPLACEMENT, 3) == 0);
}
END_TEST

START_TEST(cut_valid_sanitize)
{
    const char *s = "ab\xc3\xa9\xe2\x80\xae!";
    ck_assert_uint_eq(oap_utf8_cut(s, 0), 0);
    ck_assert_uint_eq(oap_utf8_cut(s, 2), 2);
    ck_assert_uint_eq(oap_utf8_cut(s, 3), 2); /* inside e-acute */
    ck_assert_uint_eq(oap_utf8_cut(s, 4), 4);
    ck_assert_uint_eq(oap_utf8_cut(s, 6), 4); /* inside U+202E */
    ck_assert_uint_eq(oap_utf8_cut(s, 8), 8); /* at the NUL */

    ck_assert_int_eq(oap_utf8_valid(s), 1);
    ck_assert_int_eq(oap_utf8_valid(""), 1);
    ck_assert_int_eq(oap_utf8_valid("a\x80"), 0);
    ck_assert_int_eq(oap_utf8_valid("\xed\xa0\x80"), 0);

    char *clean = oap_utf8_sanitize("a\x80\xc3(\xe2\x80\xae");
    ck_assert_ptr_nonnull(clean);
    ck_assert_str_eq(clean, "a\xef\xbf\xbd\xef\xbf\xbd(\xe2\x80\xae");
    free(clean);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("utf8");
    tcase_add_test(tc, valid_sequences);
    tcase_add_test(tc, invalid_sequences);
    tcase_add_test(tc, encode_round_trip);
    tcase_add_test(tc, cut_valid_sanitize);
    suite_add_tcase(s, tc);
    return oap_test_run(s);
}
