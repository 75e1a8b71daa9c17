/* timing: reads the month window a plan's free-text Timing cell names. */
#ifndef OAP_CORE_TIMING_H
#define OAP_CORE_TIMING_H

typedef struct oap_window {
    int start; /* month index: year * 12 + (month - 1) */
    int end;   /* inclusive, start <= end */
} oap_window;

/* Reads the month window a person would read from text, in year `year`
 * (months written without a year are in that year). Returns 1 and fills *out
 * when text names at least one month, quarter, semester or "whole year";
 * returns 0 (and leaves *out alone) when it names none: never guesses.
 *
 * What counts: English month names and abbreviations as whole words ("Jan",
 * "Jan.", "Sept"), matched case-insensitively except "May", which needs a
 * capital M because "may" is the verb; "whole year", "all year", "entire
 * year", "throughout the year"; ordinal quarters and semesters ("2nd quarter",
 * "2 nd quarter", "second quarter", "last quarter", "1st and 2nd quarter",
 * "1st semester", "first half", "second half of the year") and "Q1".."Q4",
 * "H1", "H2" (capital Q and H only: "h1" is an HTML heading more often than a
 * half-year). Any of these may carry a following four-digit year, directly or
 * after "of" ("Dec 2011", "first half of 2012"), which also applies to the
 * earlier items of the same span ("October/November 2012").
 * Items joined by "/", "-", a Unicode dash, "to", "till", "until", "through",
 * "and", "or" or "&" form one span. A span that goes backwards in the year
 * exactly once ("November to February", "December/January 2013") crosses the
 * turn of the year there, unless that would make it a year or longer: then it
 * is a list out of order ("April/June/May") and stays in one year. The window
 * is the earliest start to the latest end of all items in text. A bare year ("within the end of
 * 2011"), a bare number
 * ("1-2 weeks") and days are not months and are ignored.
 *
 * text must not be NULL; any other byte sequence is safe (invalid UTF-8 reads
 * as punctuation, other non-ASCII letters as parts of words). Runs in time
 * linear in the length of text, allocates nothing. year must be 0..9999 (what
 * "YYYY" can write); for any other year nothing is read and 0 is returned. */
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
