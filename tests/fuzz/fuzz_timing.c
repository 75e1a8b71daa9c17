/* fuzz_timing: the timing reader (oap_timing_read_years, oap_timing_read) and the month
 * parser and writer of src/core/timing on any bytes.
 *
 * Input: the timing text, then optionally "\n#fuzz " and two bytes, the plan's year, or
 * four, its first and last years (each big-endian, taken as a signed 16-bit number so
 * that years below 0 and above 9999 are tried too); 2012 when absent.
 *
 * Properties, beyond "no crash, no sanitizer report, no timeout" (the reader promises
 * time linear in the text; libFuzzer's -timeout catches a blow-up):
 *   - years outside 0..9999, or a last year before the first, read nothing; returning 0
 *     leaves *out alone and gives a reason, returning 1 says it read;
 *   - a window read has 0 <= start <= end; a reason's phrase lies inside the text, a
 *     misspelling names a month, a missing year is only missing in a plan of several
 *     years;
 *   - oap_timing_read is oap_timing_read_years over one year;
 *   - whether a window is read, and why not, does not depend on where the plan's years
 *     lie: one year later, the same; and for a text without four digits in a row (which
 *     could be a year of its own) the window moves with them, twelve months later;
 *   - a text without four digits in a row reads nothing in a plan of several years, and
 *     in a plan of one year a window that starts in that year and ends before the end of
 *     the next (a span may cross the turn of the year: "November to February");
 *   - what a plan of several years [a, b] reads, the plan of the one year a reads too,
 *     from the same month and ending no later (the plan's last year only bounds an open
 *     end: "from May 2024"); a text whose months lack a year there reads in [a, a];
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

static int year_at(const uint8_t *opts)
{
    return (int16_t)(uint16_t)((unsigned)opts[0] << 8 | opts[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len, nopts;
    const uint8_t *opts;
    fuzz_split_options(data, size, &len, &opts, &nopts);
    char *text = fuzz_strndup(data, len);
    int first = 2012, last = 2012;
    if (nopts >= 2)
        first = last = year_at(opts);
    if (nopts >= 4)
        last = year_at(opts + 2);
    int valid = 0 <= first && first <= last && last <= 9999;
    int digits = has_four_digits(text);

    oap_window w = {-7, -7};
    oap_timing_why why;
    int rc = oap_timing_read_years(text, first, last, &w, &why);
    FUZZ_ASSERT(rc == 0 || rc == 1, "returned %d", rc);
    if (!valid)
        FUZZ_ASSERT(rc == 0, "read a window in years %d..%d", first, last);
    if (rc == 0) {
        FUZZ_ASSERT(w.start == -7 && w.end == -7, "returned 0 but wrote %d..%d", w.start, w.end);
        FUZZ_ASSERT(why.miss == OAP_TIMING_NO_MONTH || why.miss == OAP_TIMING_NO_YEAR ||
                        why.miss == OAP_TIMING_MISSPELLED,
                    "returned 0 with reason %d", (int)why.miss);
    } else {
        FUZZ_ASSERT(why.miss == OAP_TIMING_READ, "returned 1 with reason %d", (int)why.miss);
        FUZZ_ASSERT(0 <= w.start && w.start <= w.end, "window %d..%d in years %d..%d", w.start,
                    w.end, first, last);
        char a[8], b[8];
        oap_timing_format_month(w.start, a);
        oap_timing_format_month(w.end, b);
        FUZZ_ASSERT(strlen(a) == 7 && strlen(b) == 7, "months written as \"%s\", \"%s\"", a, b);
    }
    if (why.miss == OAP_TIMING_NO_YEAR || why.miss == OAP_TIMING_MISSPELLED)
        FUZZ_ASSERT(why.len > 0 && why.at + why.len <= len, "reason at %zu for %zu bytes of %zu",
                    why.at, why.len, len);
    else
        FUZZ_ASSERT(why.at == 0 && why.len == 0, "reason %d at %zu for %zu bytes", (int)why.miss,
                    why.at, why.len);
    FUZZ_ASSERT((why.month != NULL) == (why.miss == OAP_TIMING_MISSPELLED),
                "reason %d with month %s", (int)why.miss, why.month ? why.month : "(none)");
    if (why.miss == OAP_TIMING_NO_YEAR)
        FUZZ_ASSERT(first < last, "a year missing in a plan of the one year %d", first);

    if (first == last) {
        oap_window same = {-7, -7};
        int rc1 = oap_timing_read(text, first, &same);
        FUZZ_ASSERT(rc1 == rc && same.start == w.start && same.end == w.end,
                    "oap_timing_read %d (%d..%d), oap_timing_read_years %d (%d..%d)", rc1,
                    same.start, same.end, rc, w.start, w.end);
    }

    if (valid && last < FUZZ_SHIFT_YEAR_MAX) {
        oap_window next = {-7, -7};
        oap_timing_why next_why;
        int rc2 = oap_timing_read_years(text, first + 1, last + 1, &next, &next_why);
        FUZZ_ASSERT(rc2 == rc && next_why.miss == why.miss,
                    "in years %d..%d %s (reason %d), in %d..%d %s (reason %d)", first, last,
                    rc ? "read" : "not read", (int)why.miss, first + 1, last + 1,
                    rc2 ? "read" : "not read", (int)next_why.miss);
        if (rc && !digits)
            FUZZ_ASSERT(next.start == w.start + 12 && next.end == w.end + 12,
                        "%d..%d in years %d..%d but %d..%d in %d..%d", w.start, w.end, first, last,
                        next.start, next.end, first + 1, last + 1);
    }

    if (valid && !digits) {
        if (first < last)
            FUZZ_ASSERT(rc == 0, "read %d..%d in years %d..%d from a text without a year", w.start,
                        w.end, first, last);
        else if (rc)
            FUZZ_ASSERT(w.start / 12 == first && w.end < (first + 2) * 12,
                        "read %d..%d in year %d from a text without a year", w.start, w.end, first);
    }

    if (valid && first < last && (rc || why.miss == OAP_TIMING_NO_YEAR)) {
        oap_window one = {-7, -7};
        int rc1 = oap_timing_read_years(text, first, first, &one, NULL);
        FUZZ_ASSERT(rc1 == 1, "read in years %d..%d (reason %d) but not in %d", first, last,
                    (int)why.miss, first);
        if (rc)
            FUZZ_ASSERT(one.start == w.start && one.end <= w.end,
                        "%d..%d in years %d..%d but %d..%d in %d", w.start, w.end, first, last,
                        one.start, one.end, first);
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
