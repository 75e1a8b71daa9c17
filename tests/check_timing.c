/* check_timing: unit tests for the timing reader, led by the reference plan's Timing cells. */
#include "core/timing.h"

#include "check_main.h"

#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Asserts that text, in a plan of the years first..last, reads as start..end
 * ("YYYY-MM"), and says so. Months are compared as text so that a failure says which
 * month came out. */
static void expect_window_in(const char *text, int first, int last, const char *start,
                             const char *end)
{
    oap_window w = {-1, -1};
    oap_timing_why why = {.miss = OAP_TIMING_NO_MONTH, .at = 9, .len = 9};
    char got_start[8], got_end[8];

    ck_assert_msg(oap_timing_read_years(text, first, last, &w, &why) == 1,
                  "no month read from \"%s\" in %d-%d (reason %d)", text, first, last,
                  (int)why.miss);
    ck_assert_int_eq(why.miss, OAP_TIMING_READ);
    oap_timing_format_month(w.start, got_start);
    oap_timing_format_month(w.end, got_end);
    ck_assert_msg(strcmp(got_start, start) == 0 && strcmp(got_end, end) == 0,
                  "\"%s\" read in %d-%d as %s..%s, expected %s..%s", text, first, last, got_start,
                  got_end, start, end);
}

/* Asserts that text, in a 2012 plan, reads as start..end. */
static void expect_window(const char *text, const char *start, const char *end)
{
    expect_window_in(text, 2012, 2012, start, end);
}

/* Asserts that text, in a plan of the years first..last, reads as no window for the
 * reason miss, naming the bytes of text from at (len of them); *out is left alone. */
static void expect_miss(const char *text, int first, int last, oap_timing_miss miss, size_t at,
                        size_t len)
{
    oap_window w = {-7, -7};
    oap_timing_why why;

    ck_assert_msg(oap_timing_read_years(text, first, last, &w, &why) == 0,
                  "a window was read from \"%s\" in %d-%d", text, first, last);
    ck_assert_int_eq(w.start, -7);
    ck_assert_int_eq(w.end, -7);
    ck_assert_msg(why.miss == miss && why.at == at && why.len == len,
                  "\"%s\" in %d-%d: reason %d at %zu for %zu bytes, expected %d at %zu for %zu",
                  text, first, last, (int)why.miss, why.at, why.len, (int)miss, at, len);
}

/* Asserts that text names no month, and that *out is left alone. */
static void expect_none(const char *text)
{
    oap_window w = {-7, -7};

    ck_assert_msg(oap_timing_read(text, 2012, &w) == 0, "a month was read from \"%s\"", text);
    ck_assert_int_eq(w.start, -7);
    ck_assert_int_eq(w.end, -7);
}

/* --- The reference plan (seed 000, OAP 2012 priority C), one test per cell --- */

/* 1.1 "September": one month. */
START_TEST(seed_1_1)
{
    expect_window("September", "2012-09", "2012-09");
}
END_TEST

/* 1.2 "April/May/June": A/B/C spans first to last. */
START_TEST(seed_1_2)
{
    expect_window("April/May/June", "2012-04", "2012-06");
}
END_TEST

/* 1.3 "March/April". */
START_TEST(seed_1_3)
{
    expect_window("March/April", "2012-03", "2012-04");
}
END_TEST

/* 2.1, first phase: April to May; "1-2 weeks" is a duration, not a month. */
START_TEST(seed_2_1_phase1)
{
    expect_window("1-2 weeks in April/May", "2012-04", "2012-05");
}
END_TEST

/* 2.1, second phase: October to November; "TRA" and "EU" are no months. */
START_TEST(seed_2_1_phase2)
{
    expect_window("1-2 weeks in October/November, based on the outcomes of the TRA on secondary "
                  "movements of illegal immigration to the EU.",
                  "2012-10", "2012-11");
}
END_TEST

/* 2.1, the whole cell as the seed writes it (suffixes split by PDF conversion):
 * the action runs from the first phase to the second, April to November. The
 * "2 nd phase" right after "May" must neither be a year nor a quarter. */
START_TEST(seed_2_1)
{
    expect_window("1 st phase: 1-2 weeks in April/May 2 nd phase: 1-2 weeks in October/November, "
                  "based on the outcomes of the TRA on secondary movements of illegal immigration "
                  "to the EU.",
                  "2012-04", "2012-11");
}
END_TEST

/* 2.2: the day of action is in Q2 and Q3 (April to September), the ISEC
 * application in Q1 and the analysts meeting in the first semester, so a
 * person reads the 2012 work as January to September. The cell also names the
 * operational meeting "planned for Dec 2011" that the day of action is based
 * on; a person might dispute that a precondition from before the plan's year
 * belongs to the window, but the rule (earliest start to latest end) takes it,
 * and so does this test: December 2011 to September 2012. */
START_TEST(seed_2_2)
{
    expect_window("Coordinated day of action in the 2 nd and 3 rd quarter, based on operational "
                  "meeting planned for Dec 2011. Application for ISEC funds in the 1 st quarter. "
                  "Analysts meeting in Budapest or Wien in the 1 st semester. Participation in "
                  "Thunder FP operational meetings to be planned by Europol.",
                  "2011-12", "2012-09");
}
END_TEST

/* 2.3 "Whole year". */
START_TEST(seed_2_3)
{
    expect_window("Whole year", "2012-01", "2012-12");
}
END_TEST

/* 3.1 "September". */
START_TEST(seed_3_1)
{
    expect_window("September", "2012-09", "2012-09");
}
END_TEST

/* 4.1: "May to October" (capitalised May, the month); the rest names places. */
START_TEST(seed_4_1)
{
    expect_window(
        "May to October ILOs/LOs meetings could be organized in Turkey, Russia and Africa.",
        "2012-05", "2012-10");
}
END_TEST

/* 4.2 "Whole year". */
START_TEST(seed_4_2)
{
    expect_window("Whole year", "2012-01", "2012-12");
}
END_TEST

/* 5.1: preparation "February/June" (identification, questionnaire, a meeting
 * "prior to June"), then the day of action in "October/November 2012": a
 * person reads February to November. The written 2012 applies to both months. */
START_TEST(seed_5_1)
{
    expect_window("February/June Identification, in agreement with participating MS, of a "
                  "destination country to target. Understanding legal instruments/obstacles to "
                  "achieving that goal, based on a questionnaire prepared by the UK and on a "
                  "meeting with Europol and participating MSs (to be held prior to June). A day "
                  "of action to be established for October/November 2012",
                  "2012-02", "2012-11");
}
END_TEST

/* 5.2: "January to August" leads and every other mention (1st semester, 2nd
 * quarter, 1st and 2nd quarter) lies inside it: January to August. The cell
 * also says one day of action "will take place within the end of 2011"; a
 * person might count that as late 2011, but it names no month, so the rule
 * ignores it (a bare year is never read) and this test asserts 2012-01..08.
 * The seed's paragraphs are cell lines here; the footnote mark "⁸" stays. */
START_TEST(seed_5_2)
{
    expect_window("January to August\n"
                  "Study visit in VN in the 1st semester.\n"
                  "Study visit in US in the 1st semester.\xe2\x81\xb8\n"
                  "Checkpoint AWF (Twister FP) operational meeting in the 1st semester.\n"
                  "Coordinated day of action in the 2nd quarter (one will take place within the "
                  "end of 2011).\n"
                  "Case officers' meetings in the 1st and 2nd quarter.",
                  "2012-01", "2012-08");
}
END_TEST

/* 5.2 again with the HTML paragraph marks the seed's cell carries: the tags
 * must not change the reading. */
START_TEST(seed_5_2_markup)
{
    expect_window("<p>January to August</p> <p>Study visit in VN in the 1st semester.</p> <p>Study "
                  "visit in US in the 1st semester.\xe2\x81\xb8</p> <p>Checkpoint AWF (Twister FP) "
                  "operational meeting in the 1st semester.</p> <p>Coordinated day of action in "
                  "the 2nd quarter (one will take place within the end of 2011).</p> <p>Case "
                  "officers' meetings in the 1st and 2nd quarter.</p>",
                  "2012-01", "2012-08");
}
END_TEST

/* 6.1: "Whole year", continued in the row below. The continuation says the
 * timeframes will be redefined "possibly within the end of 2011"; a person
 * might call the timing open, but the cell does say whole year and the 2011 is
 * a bare year, so the rule reads January to December 2012. */
START_TEST(seed_6_1)
{
    expect_window("Whole year Activities and timeframes will be redefined in cooperation with the "
                  "EC, taking into account the developments of the situation in Libya, possibly "
                  "within the end of 2011.",
                  "2012-01", "2012-12");
}
END_TEST

/* 6.2: "Whole year"; "2 third countries" is a count and an ordinal, not a
 * quarter, and "LY" is no month. */
START_TEST(seed_6_2)
{
    expect_window("Whole year The launch of this project is subject to the adhesion of at least 2 "
                  "third countries (out of DZ, TN, LY, EG).",
                  "2012-01", "2012-12");
}
END_TEST

/* 6.3 "March/April". */
START_TEST(seed_6_3)
{
    expect_window("March/April", "2012-03", "2012-04");
}
END_TEST

/* 7.1: "Whole year", continued below with the workshop "in October or
 * November", which lies inside it: January to December. */
START_TEST(seed_7_1)
{
    expect_window("Whole year Workshop to be held in October or November.", "2012-01", "2012-12");
}
END_TEST

/* 7.2 "November/December". */
START_TEST(seed_7_2)
{
    expect_window("November/December", "2012-11", "2012-12");
}
END_TEST

/* --- Each syntax the reader accepts --- */

START_TEST(month_names_and_abbreviations)
{
    expect_window("January", "2012-01", "2012-01");
    expect_window("Jan", "2012-01", "2012-01");
    expect_window("Jan.", "2012-01", "2012-01");
    expect_window("Sept", "2012-09", "2012-09");
    expect_window("Sept.", "2012-09", "2012-09");
    expect_window("Sep", "2012-09", "2012-09");
    expect_window("Mar.", "2012-03", "2012-03");
    expect_window("end of feb.", "2012-02", "2012-02");
    expect_window("DECEMBER", "2012-12", "2012-12");
    expect_window("mid-June", "2012-06", "2012-06");
    expect_window("(July)", "2012-07", "2012-07");
    expect_window("Jan./Feb.", "2012-01", "2012-02");
}
END_TEST

/* Month names are whole words only. */
START_TEST(month_names_whole_words)
{
    expect_none("marching");
    expect_none("Augustus");
    expect_none("Junes");
    expect_none("15May");
    expect_none("Marché");
    expect_none("Decembers");
}
END_TEST

/* Lowercase "may" is the verb; "May" and "MAY" are the month. */
START_TEST(may_needs_a_capital)
{
    expect_none("meetings may be held");
    expect_none("may");
    expect_window("May", "2012-05", "2012-05");
    expect_window("MAY", "2012-05", "2012-05");
    expect_window("meetings may be held in June", "2012-06", "2012-06");
    expect_window("april/may", "2012-04", "2012-04"); /* the verb even after a slash */
}
END_TEST

START_TEST(span_slash)
{
    expect_window("April/May/June", "2012-04", "2012-06");
    expect_window("February/June", "2012-02", "2012-06");
}
END_TEST

START_TEST(span_to)
{
    expect_window("May to October", "2012-05", "2012-10");
    expect_window("from March until May", "2012-03", "2012-05");
    expect_window("March through May", "2012-03", "2012-05");
    expect_window("October or November", "2012-10", "2012-11");
}
END_TEST

START_TEST(span_dash)
{
    expect_window("Jan-Mar", "2012-01", "2012-03");
    expect_window("April - June", "2012-04", "2012-06");
    expect_window("May\xe2\x80\x93June", "2012-05", "2012-06");   /* en dash */
    expect_window("May \xe2\x80\x94 July", "2012-05", "2012-07"); /* em dash */
}
END_TEST

START_TEST(whole_year)
{
    expect_window("Whole year", "2012-01", "2012-12");
    expect_window("whole year", "2012-01", "2012-12");
    expect_window("during the whole year", "2012-01", "2012-12");
    expect_window("all year", "2012-01", "2012-12");
    expect_window("All year round", "2012-01", "2012-12");
    expect_window("throughout the year", "2012-01", "2012-12");
    expect_window("Throughout the\nyear", "2012-01", "2012-12");
    expect_window("the entire year", "2012-01", "2012-12");
    expect_window("whole year 2013", "2013-01", "2013-12");
    expect_none("the year");
    expect_none("throughout");
    expect_none("all years");
}
END_TEST

START_TEST(quarters)
{
    expect_window("2nd quarter", "2012-04", "2012-06");
    expect_window("2 nd quarter", "2012-04", "2012-06");
    expect_window("2\xc2\xa0nd quarter", "2012-04", "2012-06"); /* no-break space */
    expect_window("second quarter", "2012-04", "2012-06");
    expect_window("Q2", "2012-04", "2012-06");
    expect_window("1st quarter", "2012-01", "2012-03");
    expect_window("fourth quarter", "2012-10", "2012-12");
    expect_window("last quarter", "2012-10", "2012-12");
    expect_window("2nd and 3rd quarter", "2012-04", "2012-09");
    expect_window("2 nd and 3 rd quarter", "2012-04", "2012-09");
    expect_window("1st, 2nd and 3rd quarters", "2012-01", "2012-09");
    expect_window("3rd and last quarter", "2012-07", "2012-12");
    expect_window("Q2-Q3", "2012-04", "2012-09");
    expect_window("1st quarter of the year", "2012-01", "2012-03");
    expect_none("q2"); /* capital Q only */
    expect_none("5th quarter");
    expect_none("1-2 quarters"); /* a duration */
    expect_none("Q5");
    expect_none("Q22");
    expect_none("2nd");
    expect_none("1st quarter of the meeting");
}
END_TEST

START_TEST(semesters)
{
    expect_window("1st semester", "2012-01", "2012-06");
    expect_window("first semester", "2012-01", "2012-06");
    expect_window("1st half", "2012-01", "2012-06");
    expect_window("second half of the year", "2012-07", "2012-12");
    expect_window("2 nd semester", "2012-07", "2012-12");
    expect_window("H1", "2012-01", "2012-06");
    expect_window("H2", "2012-07", "2012-12");
    expect_window("1st semester and 3rd quarter", "2012-01", "2012-09");
    expect_none("3rd semester");
    expect_none("H3");
    expect_none("<h1>Timing</h1>"); /* an HTML heading, not a half-year */
    expect_none("the first half of the meeting");
    expect_none("one and a half");
}
END_TEST

/* A four-digit year after an item places it, and reaches back to the items
 * before it in the same span. */
START_TEST(explicit_years)
{
    expect_window("Dec 2011", "2011-12", "2011-12");
    expect_window("Dec. 2011", "2011-12", "2011-12");
    expect_window("December of 2011", "2011-12", "2011-12");
    expect_window("October/November 2012", "2012-10", "2012-11");
    expect_window("October/November 2013", "2013-10", "2013-11");
    expect_window("first half of 2013", "2013-01", "2013-06");
    expect_window("2nd half of the year 2013", "2013-07", "2013-12");
    expect_window("Q4 2011", "2011-10", "2011-12");
    expect_window("1st and 2nd quarter 2013", "2013-01", "2013-06");
    expect_window("Dec 2011 to March", "2011-12", "2012-03");
    expect_window("October 2012 to March 2013", "2012-10", "2013-03");
    expect_window("15 September 2012", "2012-09", "2012-09");
    expect_window("June 12", "2012-06", "2012-06"); /* a day, not a year */
}
END_TEST

/* A span that goes backwards once crosses the turn of the year; a list out of
 * order does not. */
START_TEST(spans_across_the_year)
{
    expect_window("November to February", "2012-11", "2013-02");
    expect_window("December/January 2013", "2012-12", "2013-01");
    expect_window("4th quarter to 1st quarter", "2012-10", "2013-03");
    expect_window("April/June/May", "2012-04", "2012-06");
    expect_window("December/November/October", "2012-10", "2012-12");
    expect_window("December/November", "2012-11", "2012-12");
}
END_TEST

/* Several spans read as the earliest start to the latest end. */
START_TEST(several_spans)
{
    expect_window("March; later in October", "2012-03", "2012-10");
    expect_window("Q3, then Dec 2011 and 1st semester", "2011-12", "2012-09");
}
END_TEST

/* The year argument places months written without a year. */
START_TEST(plan_year)
{
    oap_window w;
    char s[8];

    ck_assert_int_eq(oap_timing_read("May", 2013, &w), 1);
    oap_timing_format_month(w.start, s);
    ck_assert_str_eq(s, "2013-05");
    ck_assert_int_eq(w.end, w.start);
    ck_assert_int_eq(oap_timing_read("May", -1, &w), 0);
    ck_assert_int_eq(oap_timing_read("May", 10000, &w), 0);
    ck_assert_int_eq(oap_timing_read("May", 0, &w), 1);
    ck_assert_int_eq(w.start, 4);
    ck_assert_int_eq(oap_timing_read("December/January", 9999, &w), 1);
    ck_assert_int_le(w.end, 9999 * 12 + 11); /* no year past 9999 */
}
END_TEST

/* --- Years (issue 16): text that names its years, in a plan of several years --- */

/* Each form of FORMAT.md and issue 16, in the two-year plan 2024-2025. */
START_TEST(years_written)
{
    expect_window_in("Q3 2025", 2024, 2025, "2025-07", "2025-09");
    expect_window_in("Q1 2024 - Q4 2025", 2024, 2025, "2024-01", "2025-12");
    expect_window_in("March 2024 - June 2025", 2024, 2025, "2024-03", "2025-06");
    /* A year after a range applies to both ends. */
    expect_window_in("September - October 2025", 2024, 2025, "2025-09", "2025-10");
    expect_window_in("H1 2025", 2024, 2025, "2025-01", "2025-06");
    expect_window_in("Throughout 2025", 2024, 2025, "2025-01", "2025-12");
    expect_window_in("2024", 2024, 2025, "2024-01", "2024-12");
    expect_window_in("2024-2025", 2024, 2025, "2024-01", "2025-12");
    expect_window_in("01/2025-06/2025", 2024, 2025, "2025-01", "2025-06");
    /* The fixture's timings (fixtures/years/2024-2025-C.oap.json). */
    expect_window_in("January 2024 - June 2025", 2024, 2025, "2024-01", "2025-06");
    expect_window_in("Q3 2024", 2024, 2025, "2024-07", "2024-09");
    expect_window_in("Q3 2024 - Q1 2025", 2024, 2025, "2024-07", "2025-03");
    /* A span with a year places the items after it, across the turn of the year. */
    expect_window_in("Dec 2024 to March", 2024, 2025, "2024-12", "2025-03");
    expect_window_in("Throughout 2024 - 2025", 2024, 2025, "2024-01", "2025-12");
    expect_window_in("whole year 2024 and 2025", 2024, 2025, "2024-01", "2025-12");
    expect_window_in("2nd half of 2024 and Q1 2025", 2024, 2025, "2024-07", "2025-03");
    /* A year outside the plan's reads as written. */
    expect_window_in("Q4 2023", 2024, 2025, "2023-10", "2023-12");
}
END_TEST

/* In a plan of several years, months without a year cannot be placed: nothing is read,
 * and the reason names the first phrase that lacks its year. */
START_TEST(years_missing)
{
    expect_miss("March", 2024, 2025, OAP_TIMING_NO_YEAR, 0, 5);
    expect_miss("March to May", 2024, 2025, OAP_TIMING_NO_YEAR, 0, 5);
    expect_miss("Whole year", 2024, 2025, OAP_TIMING_NO_YEAR, 0, 10);
    expect_miss("2nd quarter", 2024, 2025, OAP_TIMING_NO_YEAR, 0, 11);
    expect_miss("Q3", 2024, 2025, OAP_TIMING_NO_YEAR, 0, 2);
    /* One span without its year is enough, whatever the others say. */
    expect_miss("Q3 2024; workshop in October", 2024, 2025, OAP_TIMING_NO_YEAR, 21, 7);
    expect_miss("Workshop in October, report in 2025", 2024, 2025, OAP_TIMING_NO_YEAR, 12, 7);
    /* Three years or more: the same. */
    expect_miss("September", 2022, 2025, OAP_TIMING_NO_YEAR, 0, 9);
    /* No month at all is not a missing year. */
    expect_miss("Over the winter", 2024, 2025, OAP_TIMING_NO_MONTH, 0, 0);
    expect_miss("", 2024, 2025, OAP_TIMING_NO_MONTH, 0, 0);
}
END_TEST

/* A plan of one year, by "year" or by "period": [y, y], reads months in that year. */
START_TEST(years_one)
{
    expect_window_in("March to May", 2013, 2013, "2013-03", "2013-05");
    expect_window_in("Whole year", 2025, 2025, "2025-01", "2025-12");
    expect_window_in("Q3", 2025, 2025, "2025-07", "2025-09");
    expect_window_in("November to February", 2025, 2025, "2025-11", "2026-02");
    expect_window_in("Q3 2025", 2012, 2012, "2025-07", "2025-09");
}
END_TEST

/* Years outside what YYYY writes, or a period that ends before it starts: nothing. */
START_TEST(years_out_of_range)
{
    oap_window w = {-7, -7};
    oap_timing_why why;

    ck_assert_int_eq(oap_timing_read_years("May 2012", 2013, 2012, &w, &why), 0);
    ck_assert_int_eq(why.miss, OAP_TIMING_NO_MONTH);
    ck_assert_int_eq(oap_timing_read_years("May 2012", -1, 2012, &w, NULL), 0);
    ck_assert_int_eq(oap_timing_read_years("May 2012", 2012, 10000, &w, NULL), 0);
    ck_assert_int_eq(w.start, -7);
    ck_assert_int_eq(oap_timing_read_years("May 2012", 0, 9999, &w, NULL), 1);
    ck_assert_int_eq(w.start, 2012 * 12 + 4);
}
END_TEST

/* Every reason at its simplest, and why says READ when something was read. */
START_TEST(reasons)
{
    oap_window w;
    oap_timing_why why;

    expect_miss("As soon as possible", 2012, 2012, OAP_TIMING_NO_MONTH, 0, 0);
    expect_miss("As soon as possible", 2024, 2025, OAP_TIMING_NO_MONTH, 0, 0);
    ck_assert_int_eq(oap_timing_read_years("May", 2012, 2012, &w, &why), 1);
    ck_assert_int_eq(why.miss, OAP_TIMING_READ);
    ck_assert_int_eq(oap_timing_read_years("May", 2012, 2012, &w, NULL), 1);
}
END_TEST

/* --- Bare years and numbered months (issue 19) --- */

/* A year is read when it is the whole timing, or after "Throughout"; inside longer text
 * a bare year says too little, and is ignored as before. */
START_TEST(bare_years)
{
    expect_window("2013", "2013-01", "2013-12");
    expect_window(" 2013. ", "2013-01", "2013-12");
    expect_window("In 2013", "2013-01", "2013-12");
    expect_window("During 2013", "2013-01", "2013-12");
    expect_window("2012 - 2013", "2012-01", "2013-12");
    expect_window("2012 to 2013", "2012-01", "2013-12");
    expect_window("Throughout 2013", "2013-01", "2013-12");
    expect_window("throughout 2013, with a meeting in Dec 2011", "2011-12", "2013-12");
    expect_none("2013-2012"); /* backwards: no span */
    expect_none("2011-12");   /* not a year and a month: a year and a number */
    expect_none("Within the end of 2011");
    expect_none("the 2012 day of action");
    expect_none("2013 and later");
    expect_none("2013 (to be confirmed)");
    expect_none("In 2013 and 2014 or later");
    expect_window("planned for Dec 2011", "2011-12", "2011-12");
    expect_window("Coordinated day of action in the 2nd quarter (one will take place within "
                  "the end of 2011).",
                  "2012-04", "2012-06");
    expect_window("March to May: choice of the destination country, on the results of the "
                  "2012 day of action.",
                  "2012-03", "2012-05");
}
END_TEST

/* A month as a number with its year, written together. */
START_TEST(numbered_months)
{
    expect_window("01/2013-06/2013", "2013-01", "2013-06");
    expect_window("04.2013 - 06.2013", "2013-04", "2013-06");
    expect_window("1/2013", "2013-01", "2013-01");
    expect_window("15/01/2013", "2013-01", "2013-01"); /* a date: its month */
    expect_window("12.06.2013", "2013-06", "2013-06");
    expect_window("11/2012 to 02/2013", "2012-11", "2013-02");
    expect_none("13/2013");
    expect_none("00/2013");
    expect_none("01 / 2013");
    expect_none("1. 2013");
    expect_none("001/2013");
    expect_none("1/2");
    expect_none("Action 2.1");
}
END_TEST

/* --- Words that place the work (issue 19): each reading, never a wrong window --- */

/* "from" and "since" run to the end of the plan, "until", "till" and "by" from its
 * start; a span with an end of its own keeps it. */
START_TEST(open_spans)
{
    expect_window("from May", "2012-05", "2012-12");
    expect_window("From May", "2012-05", "2012-12");
    expect_window("since March", "2012-03", "2012-12");
    expect_window("from the 2nd quarter", "2012-04", "2012-12");
    expect_window("from mid-June", "2012-06", "2012-12");
    expect_window("until June", "2012-01", "2012-06");
    expect_window("till June", "2012-01", "2012-06");
    expect_window("by June", "2012-01", "2012-06");
    expect_window("by the end of June", "2012-01", "2012-06");
    expect_window("until the end of the 1st semester", "2012-01", "2012-06");
    expect_window("by Q3", "2012-01", "2012-09");
    expect_window("from March until May", "2012-03", "2012-05");
    expect_window("from March to May", "2012-03", "2012-05");
    expect_window("from March - May", "2012-03", "2012-05");
    expect_window("from March to the end of May", "2012-03", "2012-05");
    expect_window("from March/April", "2012-03", "2012-12");
    expect_window("by April - June", "2012-04", "2012-06");
    expect_window("Workshop in March, report by June", "2012-01", "2012-06");
    /* With years: open to the plan's ends, or to the year written when it is beyond. */
    expect_window("from Dec 2011", "2011-12", "2012-12");
    expect_window("until June 2011", "2011-01", "2011-06");
    expect_window("from May 2013", "2013-05", "2013-12");
    expect_window_in("from May 2024", 2024, 2025, "2024-05", "2025-12");
    expect_window_in("until June 2025", 2024, 2025, "2024-01", "2025-06");
    expect_window_in("since Q3 2024", 2024, 2025, "2024-07", "2025-12");
    expect_window_in("by the end of 2nd half of 2024", 2024, 2025, "2024-01", "2024-12");
    expect_window_in("from May 2027", 2024, 2025, "2027-05", "2027-12");
    /* In a plan of several years a month still needs its year. */
    expect_miss("from May", 2024, 2025, OAP_TIMING_NO_YEAR, 5, 3);
    /* Not before a month: no span to open. */
    expect_none("from time to time");
    expect_none("to be planned by Europol");
    expect_none("from 2013");
    expect_none("until");
}
END_TEST

/* "early", "beginning of", "start of", "mid", "end of", "late": the month itself; a
 * part of the year narrowed to its first, middle or last month; a bare year not read. */
START_TEST(places_in_items)
{
    expect_window("early May", "2012-05", "2012-05");
    expect_window("beginning of June", "2012-06", "2012-06");
    expect_window("start of June", "2012-06", "2012-06");
    expect_window("mid-June", "2012-06", "2012-06");
    expect_window("mid June", "2012-06", "2012-06");
    expect_window("mid\xe2\x80\x93June", "2012-06", "2012-06");
    expect_window("end of June", "2012-06", "2012-06");
    expect_window("end-June", "2012-06", "2012-06");
    expect_window("the end of June 2013", "2013-06", "2013-06");
    expect_window("late September", "2012-09", "2012-09");
    expect_window("early Q3", "2012-07", "2012-07");
    expect_window("beginning of the 2nd semester", "2012-07", "2012-07");
    expect_window("end of Q2", "2012-06", "2012-06");
    expect_window("end of the 1st and 2nd quarter", "2012-06", "2012-06");
    expect_window("late 4th quarter", "2012-12", "2012-12");
    expect_window("mid-Q3", "2012-08", "2012-08");
    expect_window("mid-H1", "2012-03", "2012-04");
    expect_window("early May to late June", "2012-05", "2012-06");
    expect_window("November to the end of February", "2012-11", "2013-02");
    expect_miss("in the end of June", 2024, 2025, OAP_TIMING_NO_YEAR, 7, 11);
    expect_none("early 2013");
    expect_none("late 2011");
    expect_none("mid-2013");
    expect_none("end of 2011");
    expect_none("end of the year");
    expect_none("the end");
    expect_none("mid-term review");
    expect_none("start: to be decided");
}
END_TEST

/* Asserts that text, in a plan of the years first..last, reads as no window for a
 * month misspelled: the bytes from at (len of them), nearest to month. */
static void expect_misspelled(const char *text, int first, int last, size_t at, size_t len,
                              const char *month)
{
    oap_timing_why why;
    oap_window w;

    expect_miss(text, first, last, OAP_TIMING_MISSPELLED, at, len);
    oap_timing_read_years(text, first, last, &w, &why);
    ck_assert_str_eq(why.month, month);
}

/* A capitalised word near a month's name is a misspelling: the text reads as nothing
 * and the reason names the word and the month. */
START_TEST(misspelled_months)
{
    expect_misspelled("Octobre", 2012, 2012, 0, 7, "October");
    expect_misspelled("Febuary", 2012, 2012, 0, 7, "February");
    expect_misspelled("Decmber", 2012, 2012, 0, 7, "December");
    expect_misspelled("Septmeber", 2012, 2012, 0, 9, "September");
    expect_misspelled("Juni", 2012, 2012, 0, 4, "June");
    expect_misspelled("Avril", 2012, 2012, 0, 5, "April");
    expect_misspelled("OCTOBRE", 2012, 2012, 0, 7, "October");
    /* Beside months it reads, it still stops the reading: the month meant might lie
     * outside them ("Febuary to June" is not June). */
    expect_misspelled("Febuary to June", 2012, 2012, 0, 7, "February");
    expect_misspelled("Whole year; workshop in Octobre", 2012, 2012, 24, 7, "October");
    expect_misspelled("from Febuary", 2012, 2012, 5, 7, "February");
    expect_misspelled("end of Decmber 2011", 2012, 2012, 7, 7, "December");
    /* The first one is named; a misspelling comes before a missing year. */
    expect_misspelled("Octobre or Novmber", 2012, 2012, 0, 7, "October");
    expect_misspelled("June to Agust", 2024, 2025, 8, 5, "August");
    /* Not misspellings: lowercase words, short words, other initials, far words. */
    expect_window("match in June", "2012-06", "2012-06");
    expect_miss("octobre", 2012, 2012, OAP_TIMING_NO_MONTH, 0, 0);
    expect_window("Mai\xe2\x80\xa6 May", "2012-05", "2012-05");
    expect_window("Madrid in May", "2012-05", "2012-05");
    expect_window("Malta, Morocco and Jordan in June", "2012-06", "2012-06");
    expect_window("Analysts meeting in Budapest or Wien in the 1st semester", "2012-01", "2012-06");
    expect_window("Marching orders: March", "2012-03", "2012-03");
    expect_miss("Décembre", 2012, 2012, OAP_TIMING_NO_MONTH, 0, 0);
    /* No reason is asked for: still nothing read. */
    oap_window w = {-7, -7};
    ck_assert_int_eq(oap_timing_read("Octobre", 2012, &w), 0);
    ck_assert_int_eq(w.start, -7);
}
END_TEST

/* --- What is not a month --- */

START_TEST(no_month)
{
    expect_none("within the end of 2011");
    expect_none("2011-12");
    expect_none("1-2 weeks");
    expect_none("Coordinated day of action");
    expect_none("To be defined");
    expect_none("ongoing");
    expect_none("1 st phase: 2 nd phase:");
}
END_TEST

START_TEST(empty)
{
    expect_none("");
    expect_none("   \n\t ");
    expect_none("/-/ to and or ,.;");
}
END_TEST

/* 1 MB of one word, of spaces and of ordinals that never reach a unit: all
 * read once, in linear time (a quadratic reader would time out here). */
START_TEST(very_long_text)
{
    size_t n = 1u << 20;
    char *text = malloc(n + 1);
    const char *unit = "1st, ";

    ck_assert_ptr_nonnull(text);
    memset(text, 'x', n);
    text[n] = '\0';
    expect_none(text);
    memset(text, ' ', n);
    expect_none(text);
    for (size_t i = 0; i < n; i++)
        text[i] = unit[i % 5];
    expect_none(text);
    /* The same list, ended by its unit at the very end, is one long quarter. */
    memcpy(text + (n - 16) / 5 * 5, "1st quarter", 12);
    expect_window(text, "2012-01", "2012-03");
    for (size_t i = 0; i < n; i++)
        text[i] = "May/"[i % 4];
    text[n] = '\0';
    expect_window(text, "2012-05", "2012-05");
    free(text);
}
END_TEST

/* Invalid UTF-8 reads as punctuation: it separates words and never makes
 * the reader look past the terminating NUL. */
START_TEST(invalid_utf8)
{
    expect_window("\xff\xfeMay\xc0", "2012-05", "2012-05");
    expect_window("June \xe2\x80", "2012-06", "2012-06"); /* truncated at the end */
    expect_window("June\xe2", "2012-06", "2012-06");
    expect_window("\x80\x80 July \xf4\x90\x80", "2012-07", "2012-07");
    expect_window("Ma\xedrch / April", "2012-04", "2012-04"); /* a byte inside a word splits it */
    expect_none("\xed\xa0\x80\xf8\x88\x80\x80\x80");
    expect_none("\xc3");
}
END_TEST

/* Accented and Greek letters are parts of words; typographic punctuation
 * separates them. */
START_TEST(unicode_text)
{
    expect_none("Συνάντηση τον Μάιο 2012");
    expect_window("Συνάντηση τον Ιούνιο (June) και Σεπτέμβριο", "2012-06", "2012-06");
    expect_none("réunion à Décembre");
    expect_window("réunion en décembre \xe2\x80\x9c"
                  "December\xe2\x80\x9d",
                  "2012-12", "2012-12");
    expect_window("September\xe2\x81\xb8", "2012-09", "2012-09"); /* footnote mark */
    expect_none("Junée");
    expect_window("Mai\xe2\x80\xa6 May", "2012-05", "2012-05");
}
END_TEST

/* Random bytes, weighted towards the reader's own words, must read safely and
 * give windows within the representable years; what a plan of 2012-2013 reads, a plan
 * of 2012 reads too, from the same month and ending no later. ASan watches the reads. */
START_TEST(random_bytes)
{
    static const char *const pieces[] = {
        "May",  "June",     "Dec",     " ",       "/",     "-",     "to",   "and",
        "2",    "nd",       "1st",     "quarter", "half",  "of",    "the",  "year",
        "2011", "Whole",    "Q",       "H1",      ".",     ",",     "\xe2", "\x80",
        "\x93", "\xc2\xa0", "9999",    "last",    "from",  "until", "by",   "end",
        "mid",  "early",    "Octobre", "01",      "/2013", ".2013", "2013", "Throughout"};
    char text[256];
    uint32_t state = 12345;

    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        oap_window w;

        for (;;) {
            state = state * 1103515245u + 12345u;
            const char *piece = pieces[(state >> 8) % (sizeof pieces / sizeof pieces[0])];
            size_t plen = strlen(piece);
            if (len + plen >= sizeof text || (state >> 20) % 23 == 0)
                break;
            memcpy(text + len, piece, plen);
            len += plen;
        }
        text[len] = '\0';
        if (oap_timing_read(text, 2012, &w)) {
            ck_assert_int_le(w.start, w.end);
            ck_assert_int_ge(w.start, 0);
            ck_assert_int_le(w.end, 9999 * 12 + 11);
        }
        oap_window two, one = {-1, -1};
        oap_timing_why why;
        if (oap_timing_read_years(text, 2012, 2013, &two, &why)) {
            ck_assert_int_eq(oap_timing_read(text, 2012, &one), 1);
            ck_assert_int_eq(one.start, two.start);
            ck_assert_int_le(one.end, two.end);
        } else if (why.miss == OAP_TIMING_NO_YEAR) {
            ck_assert_int_eq(oap_timing_read(text, 2012, &one), 1);
        }
    }
}
END_TEST

/* --- Explicit window months --- */

START_TEST(parse_month)
{
    int m = -1;

    ck_assert_int_eq(oap_timing_parse_month("2012-01", &m), 0);
    ck_assert_int_eq(m, 2012 * 12);
    ck_assert_int_eq(oap_timing_parse_month("2011-12", &m), 0);
    ck_assert_int_eq(m, 2011 * 12 + 11);
    m = -1;
    ck_assert_int_eq(oap_timing_parse_month("2012-13", &m), -1);
    ck_assert_int_eq(oap_timing_parse_month("2012-00", &m), -1);
    ck_assert_int_eq(oap_timing_parse_month("2012-1", &m), -1);
    ck_assert_int_eq(oap_timing_parse_month("12-01", &m), -1);
    ck_assert_int_eq(oap_timing_parse_month("2012-01x", &m), -1);
    ck_assert_int_eq(oap_timing_parse_month("", &m), -1);
    ck_assert_int_eq(oap_timing_parse_month("2012/01", &m), -1);
    ck_assert_int_eq(oap_timing_parse_month(" 2012-01", &m), -1);
    ck_assert_int_eq(m, -1); /* untouched on failure */
}
END_TEST

START_TEST(format_round_trip)
{
    char buf[8];
    int back;

    for (int m = 0; m <= 9999 * 12 + 11; m += 7) {
        oap_timing_format_month(m, buf);
        ck_assert_int_eq(oap_timing_parse_month(buf, &back), 0);
        ck_assert_int_eq(back, m);
    }
    oap_timing_format_month(2012 * 12 + 11, buf);
    ck_assert_str_eq(buf, "2012-12");
    oap_timing_format_month(0, buf);
    ck_assert_str_eq(buf, "0000-01");
    oap_timing_format_month(-1, buf);
    ck_assert_str_eq(buf, "\?\?\?\?-\?\?");
    oap_timing_format_month(10000 * 12, buf);
    ck_assert_str_eq(buf, "\?\?\?\?-\?\?");
}
END_TEST

static Suite *timing_suite(void)
{
    Suite *s = suite_create("timing");
    TCase *seed = tcase_create("seed");
    TCase *syntax = tcase_create("syntax");
    TCase *years = tcase_create("years");
    TCase *words = tcase_create("words");
    TCase *safety = tcase_create("safety");
    TCase *month = tcase_create("month");

    tcase_add_test(seed, seed_1_1);
    tcase_add_test(seed, seed_1_2);
    tcase_add_test(seed, seed_1_3);
    tcase_add_test(seed, seed_2_1_phase1);
    tcase_add_test(seed, seed_2_1_phase2);
    tcase_add_test(seed, seed_2_1);
    tcase_add_test(seed, seed_2_2);
    tcase_add_test(seed, seed_2_3);
    tcase_add_test(seed, seed_3_1);
    tcase_add_test(seed, seed_4_1);
    tcase_add_test(seed, seed_4_2);
    tcase_add_test(seed, seed_5_1);
    tcase_add_test(seed, seed_5_2);
    tcase_add_test(seed, seed_5_2_markup);
    tcase_add_test(seed, seed_6_1);
    tcase_add_test(seed, seed_6_2);
    tcase_add_test(seed, seed_6_3);
    tcase_add_test(seed, seed_7_1);
    tcase_add_test(seed, seed_7_2);
    suite_add_tcase(s, seed);

    tcase_add_test(syntax, month_names_and_abbreviations);
    tcase_add_test(syntax, month_names_whole_words);
    tcase_add_test(syntax, may_needs_a_capital);
    tcase_add_test(syntax, span_slash);
    tcase_add_test(syntax, span_to);
    tcase_add_test(syntax, span_dash);
    tcase_add_test(syntax, whole_year);
    tcase_add_test(syntax, quarters);
    tcase_add_test(syntax, semesters);
    tcase_add_test(syntax, explicit_years);
    tcase_add_test(syntax, spans_across_the_year);
    tcase_add_test(syntax, several_spans);
    tcase_add_test(syntax, plan_year);
    tcase_add_test(syntax, no_month);
    suite_add_tcase(s, syntax);

    tcase_add_test(years, years_written);
    tcase_add_test(years, years_missing);
    tcase_add_test(years, years_one);
    tcase_add_test(years, years_out_of_range);
    tcase_add_test(years, bare_years);
    tcase_add_test(years, numbered_months);
    tcase_add_test(years, reasons);
    suite_add_tcase(s, years);

    tcase_add_test(words, open_spans);
    tcase_add_test(words, places_in_items);
    tcase_add_test(words, misspelled_months);
    suite_add_tcase(s, words);

    tcase_add_test(safety, empty);
    tcase_add_test(safety, very_long_text);
    tcase_add_test(safety, invalid_utf8);
    tcase_add_test(safety, unicode_text);
    tcase_add_test(safety, random_bytes);
    suite_add_tcase(s, safety);

    tcase_add_test(month, parse_month);
    tcase_add_test(month, format_round_trip);
    suite_add_tcase(s, month);
    return s;
}

int main(void)
{
    return oap_test_run(timing_suite());
}
