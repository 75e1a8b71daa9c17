/* check_capture: what a writer puts on a stream, as a string, for suites that compare it. */
#ifndef OAP_TESTS_CHECK_CAPTURE_H
#define OAP_TESTS_CHECK_CAPTURE_H

/* open_memstream: the suite defines _POSIX_C_SOURCE 200809L before its first include. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct capture {
    FILE *f;
    char *buf;
    size_t len;
} capture;

/* A stream to write to; capture_close returns what was written (malloc'ed). */
static inline FILE *capture_open(capture *c)
{
    c->buf = NULL;
    c->len = 0;
    c->f = open_memstream(&c->buf, &c->len);
    ck_assert_ptr_nonnull(c->f);
    return c->f;
}

static inline char *capture_close(capture *c)
{
    ck_assert_int_eq(fclose(c->f), 0);
    return c->buf;
}

static inline void assert_text(const char *got, const char *want)
{
    ck_assert_msg(strcmp(got, want) == 0, "--- expected\n%s--- got\n%s", want, got);
}

/* Closes c and asserts that what was written is want. */
static inline void capture_expect(capture *c, const char *want)
{
    char *got = capture_close(c);
    assert_text(got, want);
    free(got);
}

#endif
