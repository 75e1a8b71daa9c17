/* fuzz_timing: the timing reader (oap_timing_read) and the month parser and writer of
 * src/core/timing on any bytes.
 *
 * Input: the timing text, then optionally "\n#fuzz " and two bytes, the plan's year
 * (big-endian, taken as a signed 16-bit number so that years below 0 and above 9999 are
 * tried too); 2012 when absent.
 *
 * Properties, beyond "no crash, no sanitizer report, no timeout" (the reader promises
 * time linear in the text; libFuzzer's -timeout catches a blow-up):
 *   - a year outside 0..9999 reads nothing; returning 0 leaves *out alone;
 *   - a window read has 0 <= start <= end;
 *   - whether a window is read does not depend on the plan's year, and for a text without
 *     four digits in a row (which could be a year of its own) the window moves with it:
 *     a year later, twelve months later;
 *   - "YYYY-MM" that oap_timing_parse_month accepts is what oap_timing_format_month
 *     writes back. */
#include "fuzz.h"

#include "core/timing.h"

/* The year-shift property (a text reads the same one year later, shifted) is checked for
 * years before this one: a span that crosses the turn of 9999 would end in year 10000,
 * which "YYYY" cannot write, so 9999 reads it in one year (regressions/timing/). */
#ifndef FUZZ_SHIFT_YEAR_MAX
#define FUZZ_SHIFT_YEAR_MAX 9998
#endif

static int has_four_digits(const char *s)
{
    int run = 0;
    for (; *s; s++) {
        run = (*s >= '0' && *s <= '9') ? run + 1 : 0;
        if (run >= 4)
            return 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len, nopts;
    const uint8_t *opts;
    fuzz_split_options(data, size, &len, &opts, &nopts);
    char *text = fuzz_strndup(data, len);
    int year = 2012;
    if (nopts >= 2)
        year = (int16_t)(uint16_t)((unsigned)opts[0] << 8 | opts[1]);

    oap_window w = {-7, -7};
    int rc = oap_timing_read(text, year, &w);
    FUZZ_ASSERT(rc == 0 || rc == 1, "returned %d", rc);
    if (year < 0 || year > 9999)
        FUZZ_ASSERT(rc == 0, "read a window in year %d", year);
    if (rc == 0) {
        FUZZ_ASSERT(w.start == -7 && w.end == -7, "returned 0 but wrote %d..%d", w.start, w.end);
    } else {
        FUZZ_ASSERT(0 <= w.start && w.start <= w.end, "window %d..%d in year %d", w.start, w.end,
                    year);
        char a[8], b[8];
        oap_timing_format_month(w.start, a);
        oap_timing_format_month(w.end, b);
        FUZZ_ASSERT(strlen(a) == 7 && strlen(b) == 7, "months written as \"%s\", \"%s\"", a, b);
    }

    if (year >= 0 && year < FUZZ_SHIFT_YEAR_MAX) {
        oap_window next = {-7, -7};
        int rc2 = oap_timing_read(text, year + 1, &next);
        FUZZ_ASSERT(rc2 == rc, "a window in year %d %s, in year %d %s", year,
                    rc ? "read" : "not read", year + 1, rc2 ? "read" : "not read");
        if (rc && !has_four_digits(text))
            FUZZ_ASSERT(next.start == w.start + 12 && next.end == w.end + 12,
                        "%d..%d in year %d but %d..%d in year %d", w.start, w.end, year, next.start,
                        next.end, year + 1);
    }

    int m;
    if (oap_timing_parse_month(text, &m) == 0) {
        char back[8];
        oap_timing_format_month(m, back);
        FUZZ_ASSERT(strcmp(back, text) == 0, "\"%s\" parsed as %d, written as \"%s\"", text, m,
                    back);
    }
    /* Any month index, also out of range, is written within the buffer. */
    if (len >= 4) {
        int any;
        memcpy(&any, data, sizeof any);
        char buf[8];
        oap_timing_format_month(any, buf);
        FUZZ_ASSERT(memchr(buf, '\0', sizeof buf) != NULL, "month %d unterminated", any);
    }

    free(text);
    return 0;
}
