/* timing: reads the month window a plan's free-text Timing cell names. */
#ifndef OAP_CORE_TIMING_H
#define OAP_CORE_TIMING_H

#include <stddef.h>

typedef struct oap_window {
    int start; /* month index: year * 12 + (month - 1) */
    int end;   /* inclusive, start <= end */
} oap_window;

/* Why a text read as no window. */
typedef enum oap_timing_miss {
    OAP_TIMING_READ = 0,   /* it did not miss: a window was read */
    OAP_TIMING_NO_MONTH,   /* it names no month, quarter, semester or year the reader knows */
    OAP_TIMING_NO_YEAR,    /* it names months but not their year, in a plan of several years */
    OAP_TIMING_MISSPELLED, /* a word of it is a month's name misspelled ("Febuary") */
} oap_timing_miss;

/* What the reader says beside the window: why there is none, and where in the text. */
typedef struct oap_timing_why {
    oap_timing_miss miss;
    /* OAP_TIMING_NO_YEAR: the first phrase that names months without a year ("March",
     * "2nd quarter"); OAP_TIMING_MISSPELLED: the misspelled word. A byte offset into the
     * text and a length in bytes, both 0 for the other reasons. */
    size_t at, len;
    /* OAP_TIMING_MISSPELLED: the month's name as English writes it ("February"), static;
     * NULL for the other reasons. */
    const char *month;
} oap_timing_why;

/* Reads the month window a person would read from text in a plan of the years
 * first..last (a plan with a "year" has first == last == year; one with a "period"
 * gives its two ends). Returns 1 and fills *out when text names at least one month,
 * quarter, semester, whole year or year; returns 0 (and leaves *out alone) when it
 * does not, or when what it names cannot be placed: never guesses. When why is not
 * NULL it says why nothing was read (OAP_TIMING_READ when something was).
 *
 * What counts: English month names and abbreviations as whole words ("Jan", "Jan.",
 * "Sept"), matched case-insensitively except "May", which needs a capital M because
 * "may" is the verb; "whole year", "all year", "entire year", "throughout the year";
 * ordinal quarters and semesters ("2nd quarter", "2 nd quarter", "second quarter",
 * "last quarter", "1st and 2nd quarter", "1st semester", "first half", "second half of
 * the year") and "Q1".."Q4", "H1", "H2" (capital Q and H only: "h1" is an HTML heading
 * more often than a half-year); a month as a number with its year, "01/2025" or
 * "04.2013" (no spaces: "15/01/2013" is in January 2013).
 *
 * Years: any of these may carry a following four-digit year, directly or after "of"
 * ("Dec 2011", "first half of 2012", "Q3 2025"), which also applies to the earlier items
 * of the same span ("October/November 2012", "September - October 2025"). "Throughout
 * 2025" is the whole of 2025, and a year may follow it in its span ("Throughout 2024 -
 * 2025"). A text that is nothing but a year or two years joined as a span, perhaps after
 * "in" or "during" and before a full stop ("2024", "2024-2025", "During 2013."), is
 * those whole years. Any other bare year is not read: inside longer text it may say
 * anything ("within the end of 2011", "the 2012 day of action"). Months written without
 * a year are in the plan's year when the plan has one year; in a plan of several years
 * they cannot be placed, and the text reads as nothing (OAP_TIMING_NO_YEAR), however
 * much else of it names its years.
 *
 * Spans: items joined by "/", "-", a Unicode dash, "to", "till", "until", "through",
 * "and", "or" or "&" form one span. A span that goes backwards in the year exactly once
 * ("November to February", "December/January 2013") crosses the turn of the year
 * there, unless that would make it a year or longer: then it is a list out of order
 * ("April/June/May") and stays in one year. The window is the earliest start to the
 * latest end of all spans in text.
 *
 * Where in an item, and open spans (each also after "the": "by the end of June"):
 *   - "early M", "beginning of M", "start of M", "end of M", "late M", "mid-M" (also
 *     "mid M", "end-M") are the month M: a window counts months, and the work is in M.
 *     Before a quarter, semester or half they narrow it: "early", "beginning of" and
 *     "start of" to its first month, "end of" and "late" to its last ("end of Q2" is
 *     June), "mid" to its middle month, or two for an even part ("mid-H1" is March to
 *     April). Before a bare year they read nothing, as the year alone would not
 *     ("within the end of 2011", "early 2013").
 *   - "from M" and "since M" run from M to the end of the plan's last year (December
 *     in a one-year plan; "from May 2024" in a 2024-2025 plan runs to December 2025),
 *     or of M's own year when that is later.
 *   - "until M", "till M" and "by M" run from the start of the plan's first year
 *     (January in a one-year plan) to M, or from the start of M's own year when that
 *     is earlier.
 *   - These open a span only when it has no end of its own: "from March to May",
 *     "from March until May" and "by April - June" read as written; "from March/April"
 *     runs from March to December.
 *   - Other words before a month change nothing: "prior to June", "before June" and
 *     "after June" read as June.
 *
 * Misspelled months: a word of 4 to 15 ASCII letters starting with a capital (as
 * English writes months) that is not a month's name but is within oap_suggest_nearest's
 * distance of the name of a month starting with the same letter ("Octobre", "Febuary",
 * "Decmber", "Juni") makes the whole text read as nothing (OAP_TIMING_MISSPELLED, with
 * the word and the month): the month it meant may lie outside whatever else the text
 * names. Lowercase words are left alone ("match", "jury").
 *
 * Days and bare numbers are not months and are ignored ("1-2 weeks", "15 May").
 *
 * text must not be NULL; any other byte sequence is safe (invalid UTF-8 reads as
 * punctuation, other non-ASCII letters as parts of words). Runs in time linear in the
 * length of text, allocates nothing. first and last must satisfy 0 <= first <= last <=
 * 9999 (what "YYYY" can write); otherwise nothing is read and 0 is returned. */
int oap_timing_read_years(const char *text, int first, int last, oap_window *out,
                          oap_timing_why *why);

/* oap_timing_read_years in a plan of the one year `year`, without the reason. */
int oap_timing_read(const char *text, int year, oap_window *out);

/* Parses "YYYY-MM" (the format's explicit window months) into a month index.
 * Returns 0 and fills *out, or -1 when malformed (month 01..12 only).
 * text must not be NULL. */
int oap_timing_parse_month(const char *text, int *out);

/* Writes "YYYY-MM" for month index m into buf (at least 8 bytes). A month
 * outside 0000-01..9999-12, which nothing in this module produces, is written
 * as "????-??" rather than overrunning buf. */
void oap_timing_format_month(int m, char buf[8]);

#endif
