/* check_containers: the core containers: the growable array and the string buffer. */
#include "core/array.h"
#include "core/strbuf.h"

#include "check_main.h"

#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer a request for more memory than it serves aborts unless told to
 * return NULL as malloc does; the failure tests below need that NULL. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "allocator_may_return_null=1";
}

typedef struct item {
    uint64_t a, b;
} item;

/* An array of n items numbered 0..n-1, grown one item at a time. */
static item *numbered(size_t n, size_t *cap)
{
    item *items = NULL;
    *cap = 0;
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(OAP_ARRAY_RESERVE(items, *cap, i + 1), 0);
        items[i] = (item){i, ~(uint64_t)i};
    }
    return items;
}

static void assert_numbered(const item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(items[i].a, i);
        ck_assert_uint_eq(items[i].b, ~(uint64_t)i);
    }
}

START_TEST(grows_by_doubling_from_the_minimum)
{
    item *items = NULL;
    size_t cap = 0, seen[8], nseen = 0;
    for (size_t i = 0; i < 100; i++) {
        size_t before = cap;
        ck_assert_int_eq(OAP_ARRAY_RESERVE(items, cap, i + 1), 0);
        ck_assert_uint_ge(cap, i + 1);
        if (cap != before)
            seen[nseen++] = cap;
        items[i] = (item){i, ~(uint64_t)i};
    }
    /* 8, 16, 32, 64, 128: one reallocation per doubling, never one per item. */
    ck_assert_uint_eq(nseen, 5);
    for (size_t k = 0; k < nseen; k++)
        ck_assert_uint_eq(seen[k], (size_t)OAP_ARRAY_MIN << k);
    assert_numbered(items, 100);
    free(items);
}
END_TEST

START_TEST(room_already_changes_nothing)
{
    size_t cap;
    item *items = numbered(5, &cap);
    item *before = items;
    ck_assert_uint_eq(cap, OAP_ARRAY_MIN);
    size_t zero = 0; /* a constant 0 would make the macro's test always true (a warning) */
    ck_assert_int_eq(OAP_ARRAY_RESERVE(items, cap, zero), 0);
    ck_assert_int_eq(OAP_ARRAY_RESERVE(items, cap, OAP_ARRAY_MIN), 0);
    ck_assert_ptr_eq(items, before);
    ck_assert_uint_eq(cap, OAP_ARRAY_MIN);
    /* An empty array asked for nothing stays empty: nothing is allocated. */
    char *none = NULL;
    size_t ncap = 0;
    ck_assert_int_eq(OAP_ARRAY_RESERVE(none, ncap, zero), 0);
    ck_assert_ptr_null(none);
    ck_assert_uint_eq(ncap, 0);
    free(items);
}
END_TEST

START_TEST(one_call_for_many_items)
{
    size_t cap;
    item *items = numbered(3, &cap);
    /* From 8: doubled until it holds 1000, in one reallocation. */
    ck_assert_int_eq(OAP_ARRAY_RESERVE(items, cap, 1000), 0);
    ck_assert_uint_eq(cap, 1024);
    assert_numbered(items, 3);
    /* A capacity set by hand (not a power of two) doubles from where it is. */
    size_t odd = 3;
    char *bytes = malloc(odd);
    ck_assert_ptr_nonnull(bytes);
    memcpy(bytes, "ab", 3);
    ck_assert_int_eq(OAP_ARRAY_RESERVE(bytes, odd, 4), 0);
    ck_assert_uint_eq(odd, 6);
    ck_assert_str_eq(bytes, "ab");
    free(bytes);
    free(items);
}
END_TEST

START_TEST(size_overflow_refused_array_kept)
{
    size_t cap;
    item *items = numbered(20, &cap);
    item *before = items;
    size_t cap_before = cap;
    size_t limit = SIZE_MAX / sizeof *items;
    /* need * sizeof(item) would wrap around: refused before any allocation. */
    ck_assert_int_eq(OAP_ARRAY_RESERVE(items, cap, limit + 1), OAP_ENOMEM);
    ck_assert_int_eq(OAP_ARRAY_RESERVE(items, cap, SIZE_MAX), OAP_ENOMEM);
    ck_assert_int_eq(OAP_ARRAY_RESERVE(items, cap, SIZE_MAX / 2 + 1), OAP_ENOMEM);
    ck_assert_ptr_eq(items, before);
    ck_assert_uint_eq(cap, cap_before);
    assert_numbered(items, 20);
    /* The array still works after a refusal. */
    ck_assert_int_eq(OAP_ARRAY_RESERVE(items, cap, 21), 0);
    items[20] = (item){20, ~(uint64_t)20};
    assert_numbered(items, 21);
    free(items);

    /* The same from an empty array: nothing allocated, nothing to free. */
    item *empty = NULL;
    size_t ecap = 0;
    ck_assert_int_eq(OAP_ARRAY_RESERVE(empty, ecap, limit + 1), OAP_ENOMEM);
    ck_assert_ptr_null(empty);
    ck_assert_uint_eq(ecap, 0);
}
END_TEST

START_TEST(allocation_failure_leaves_array_as_it_was)
{
    size_t cap;
    item *items = numbered(20, &cap);
    item *before = items;
    /* A quarter of what a size_t counts (2^62 bytes on 64 bits): no overflow, but more
     * than any machine gives (x86-64 addresses 2^47 bytes), so realloc fails. */
    size_t huge = (SIZE_MAX / 4) / sizeof *items;
    ck_assert_int_eq(OAP_ARRAY_RESERVE(items, cap, huge), OAP_ENOMEM);
    ck_assert_ptr_eq(items, before);
    ck_assert_uint_eq(cap, 32);
    assert_numbered(items, 20);
    free(items);
}
END_TEST

START_TEST(next_cap_doubles_and_never_fails)
{
    ck_assert_uint_eq(oap_array_next_cap(0, 0), OAP_ARRAY_MIN);
    ck_assert_uint_eq(oap_array_next_cap(0, 1), OAP_ARRAY_MIN);
    ck_assert_uint_eq(oap_array_next_cap(0, 9), 16);
    ck_assert_uint_eq(oap_array_next_cap(8, 9), 16);
    ck_assert_uint_eq(oap_array_next_cap(16, 5), 16);
    ck_assert_uint_eq(oap_array_next_cap(3, 4), 6);
    ck_assert_uint_eq(oap_array_next_cap(1024, 1025), 2048);
    /* Doubling would wrap around: need itself. */
    ck_assert_uint_eq(oap_array_next_cap(SIZE_MAX / 2 + 1, SIZE_MAX), SIZE_MAX);
    ck_assert_uint_eq(oap_array_next_cap(SIZE_MAX / 4 * 3, SIZE_MAX / 4 * 3 + 1),
                      SIZE_MAX / 4 * 3 + 1);
}
END_TEST

START_TEST(resize_exactly_and_refuse_overflow)
{
    uint32_t *a = oap_array_resize(NULL, 3, sizeof *a);
    ck_assert_ptr_nonnull(a);
    a[0] = 1, a[1] = 2, a[2] = 3;
    ck_assert_ptr_null(oap_array_resize(a, SIZE_MAX / sizeof *a + 1, sizeof *a));
    ck_assert_ptr_null(oap_array_resize(a, SIZE_MAX, sizeof *a));
    ck_assert_uint_eq(a[2], 3); /* untouched */
    uint32_t *b = oap_array_resize(a, 0, sizeof *a);
    ck_assert_ptr_nonnull(b); /* room for one: NULL means failure only */
    free(b);
}
END_TEST

/* Parallel arrays with one capacity, grown to one new capacity as overlap.c does. */
START_TEST(parallel_arrays_share_a_capacity)
{
    const char **text = NULL;
    uint32_t *df = NULL;
    uint8_t *stop = NULL;
    size_t n = 0, cap = 0;
    static const char *const words[] = {"alpha", "beta", "gamma"};
    for (size_t i = 0; i < 300; i++) {
        if (n == cap) {
            size_t next = oap_array_next_cap(cap, n + 1);
            const char **t = oap_array_resize(text, next, sizeof *t);
            if (t)
                text = t;
            uint32_t *d = t ? oap_array_resize(df, next, sizeof *d) : NULL;
            if (d)
                df = d;
            uint8_t *s = d ? oap_array_resize(stop, next, sizeof *s) : NULL;
            if (s)
                stop = s;
            ck_assert_ptr_nonnull(s);
            ck_assert_uint_eq(next, cap ? cap * 2 : OAP_ARRAY_MIN);
            cap = next;
        }
        text[n] = words[i % 3];
        df[n] = (uint32_t)i;
        stop[n] = (uint8_t)(i & 1);
        n++;
    }
    ck_assert_uint_eq(cap, 512);
    for (size_t i = 0; i < n; i++) {
        ck_assert_str_eq(text[i], words[i % 3]);
        ck_assert_uint_eq(df[i], i);
        ck_assert_uint_eq(stop[i], i & 1);
    }
    free(text);
    free(df);
    free(stop);
}
END_TEST

START_TEST(strbuf_appends_of_each_kind)
{
    oap_strbuf b = OAP_STRBUF_INIT;
    ck_assert_ptr_null(b.s);
    ck_assert_str_eq(oap_strbuf_str(&b), "");
    /* An append of nothing makes the text "", so a caller can hand b.s on. */
    oap_strbuf_putn(&b, "ignored", 0);
    ck_assert_ptr_nonnull(b.s);
    ck_assert_str_eq(b.s, "");
    oap_strbuf_puts(&b, "action ");
    oap_strbuf_putc(&b, '1');
    oap_strbuf_printf(&b, ".%d: %s", 2, "seminar");
    oap_strbuf_putn(&b, "; and more", 5);
    ck_assert_str_eq(b.s, "action 1.2: seminar; and");
    ck_assert_uint_eq(b.len, strlen(b.s));
    /* Bytes are bytes: a NUL is kept and counted (the importer's rows hold one a cell). */
    oap_strbuf_putc(&b, '\0');
    oap_strbuf_putn(&b, "x\0y", 3);
    ck_assert_uint_eq(b.len, 28);
    ck_assert_mem_eq(b.s + 24, "\0x\0y\0", 5);
    ck_assert_int_eq(b.oom, 0);
    oap_strbuf_free(&b);
    ck_assert_ptr_null(b.s);
    ck_assert_uint_eq(b.len + b.cap, 0);
}
END_TEST

START_TEST(strbuf_printf_longer_than_the_stack)
{
    oap_strbuf b = OAP_STRBUF_INIT;
    char word[1001];
    memset(word, 'w', 1000);
    word[1000] = '\0';
    oap_strbuf_puts(&b, "<");
    oap_strbuf_printf(&b, "%s|%s", word, word);
    oap_strbuf_puts(&b, ">");
    ck_assert_uint_eq(b.len, 2003);
    ck_assert_uint_eq(strlen(b.s), 2003);
    ck_assert_int_eq(b.s[1001], '|');
    ck_assert_int_eq(b.s[0], '<');
    ck_assert_int_eq(b.s[2002], '>');
    oap_strbuf_free(&b);
}
END_TEST

START_TEST(strbuf_grows_by_doubling)
{
    oap_strbuf b = OAP_STRBUF_INIT;
    size_t seen[16], nseen = 0, before = 0;
    for (int i = 0; i < 1000; i++) {
        oap_strbuf_putc(&b, (char)('a' + i % 26));
        if (b.cap != before)
            seen[nseen++] = before = b.cap;
    }
    /* The one array's capacities, text and NUL: 8, 16, ..., 1024, one step each. */
    ck_assert_uint_eq(nseen, 8);
    for (size_t k = 0; k < nseen; k++)
        ck_assert_uint_eq(seen[k], (size_t)OAP_ARRAY_MIN << k);
    ck_assert_uint_eq(b.len, 1000);
    ck_assert_int_eq(b.s[999], 'a' + 999 % 26);
    oap_strbuf_free(&b);
}
END_TEST

START_TEST(strbuf_truncate_reset_keep_the_room)
{
    oap_strbuf b = OAP_STRBUF_INIT;
    oap_strbuf_puts(&b, "2012-C:3.1");
    size_t cap = b.cap;
    oap_strbuf_truncate(&b, 6);
    ck_assert_str_eq(b.s, "2012-C");
    oap_strbuf_truncate(&b, 99); /* not longer than it is: nothing happens */
    ck_assert_str_eq(b.s, "2012-C");
    oap_strbuf_reset(&b);
    ck_assert_str_eq(oap_strbuf_str(&b), "");
    ck_assert_uint_eq(b.len, 0);
    ck_assert_uint_eq(b.cap, cap);
    oap_strbuf_puts(&b, "again");
    ck_assert_str_eq(b.s, "again");
    oap_strbuf_free(&b);
    /* A reset of an empty buffer allocates nothing. */
    oap_strbuf_reset(&b);
    ck_assert_ptr_null(b.s);
}
END_TEST

START_TEST(strbuf_take_hands_the_text_over)
{
    oap_strbuf b = OAP_STRBUF_INIT;
    oap_strbuf_puts(&b, "footnote");
    char *s = oap_strbuf_take(&b);
    ck_assert_str_eq(s, "footnote");
    ck_assert_ptr_null(b.s);
    ck_assert_uint_eq(b.len + b.cap, 0);
    free(s);
    /* Nothing appended: "", the caller's to free, never NULL for that. */
    s = oap_strbuf_take(&b);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "");
    free(s);
    /* The buffer is fresh afterwards and serves the next text. */
    oap_strbuf_putc(&b, 'x');
    s = oap_strbuf_take(&b);
    ck_assert_str_eq(s, "x");
    free(s);
}
END_TEST

START_TEST(strbuf_oom_is_sticky_and_keeps_the_text)
{
    oap_strbuf b = OAP_STRBUF_INIT;
    oap_strbuf_puts(&b, "kept");
    char *before = b.s;
    /* More than any machine gives: the allocation fails, nothing is read from the source. */
    oap_strbuf_putn(&b, "", SIZE_MAX / 4);
    ck_assert_int_eq(b.oom, 1);
    ck_assert_ptr_eq(b.s, before);
    ck_assert_str_eq(b.s, "kept");
    /* Later appends do nothing, a reset keeps the flag: one check at the end says it. */
    oap_strbuf_puts(&b, " lost");
    oap_strbuf_putc(&b, '!');
    oap_strbuf_printf(&b, "%d", 1);
    ck_assert_str_eq(b.s, "kept");
    oap_strbuf_reset(&b);
    oap_strbuf_puts(&b, "lost too");
    ck_assert_int_eq(b.oom, 1);
    ck_assert_str_eq(b.s, "");
    /* Taking the text out says it failed, frees what there was and starts afresh. */
    ck_assert_ptr_null(oap_strbuf_take(&b));
    ck_assert_int_eq(b.oom, 0);
    ck_assert_ptr_null(b.s);
    oap_strbuf_puts(&b, "new");
    ck_assert_str_eq(b.s, "new");
    /* A length that would wrap around the sum is out of memory, not a short buffer. */
    oap_strbuf_putn(&b, "", SIZE_MAX);
    oap_strbuf_putn(&b, "", SIZE_MAX - b.len);
    ck_assert_int_eq(b.oom, 1);
    ck_assert_str_eq(b.s, "new");
    oap_strbuf_free(&b);
    ck_assert_int_eq(b.oom, 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("containers");
    TCase *tc = tcase_create("array");
    tcase_add_test(tc, grows_by_doubling_from_the_minimum);
    tcase_add_test(tc, room_already_changes_nothing);
    tcase_add_test(tc, one_call_for_many_items);
    tcase_add_test(tc, size_overflow_refused_array_kept);
    tcase_add_test(tc, allocation_failure_leaves_array_as_it_was);
    tcase_add_test(tc, next_cap_doubles_and_never_fails);
    tcase_add_test(tc, resize_exactly_and_refuse_overflow);
    tcase_add_test(tc, parallel_arrays_share_a_capacity);
    suite_add_tcase(s, tc);
    tc = tcase_create("strbuf");
    tcase_add_test(tc, strbuf_appends_of_each_kind);
    tcase_add_test(tc, strbuf_printf_longer_than_the_stack);
    tcase_add_test(tc, strbuf_grows_by_doubling);
    tcase_add_test(tc, strbuf_truncate_reset_keep_the_room);
    tcase_add_test(tc, strbuf_take_hands_the_text_over);
    tcase_add_test(tc, strbuf_oom_is_sticky_and_keeps_the_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return oap_test_run(suite());
}
