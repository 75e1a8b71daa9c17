/* timing: reads the month window a plan's free-text Timing cell names. */
#include "timing.h"

#include "suggest.h"
#include "utf8.h"

#include <stddef.h>

/* Years are written as four digits in plans and in "YYYY-MM"; keeping every
 * year within them also keeps every month index far from int overflow. */
#define MAX_YEAR 9999
#define MAX_MONTH (MAX_YEAR * 12 + 11)

/* Items joined into one span are kept so that a year written after the last
 * one can reach back to the first; a longer run is read as several spans,
 * which only matters for the year-crossing rule and keeps memory fixed. */
#define SPAN_MAX 32

/* An ordinal written as "last": resolved against the unit that follows. */
#define ORD_LAST 99

/* What a character is to the reader. Words are runs of ASCII letters and
 * digits and non-ASCII letters, so "Marché" and "15May" are one word each and
 * never a month; punctuation, dashes and spaces separate words. */
enum cls { C_END, C_SPACE, C_WORD, C_DASH, C_SLASH, C_PUNCT };

typedef struct tok {
    const char *s;
    size_t n; /* bytes; 0 only at the end */
    enum cls c;
} tok;

/* One phrase that names months: "April", "2nd and 3rd quarter", "Whole year". */
typedef struct item {
    int lo, hi;        /* months 0..11 within its year */
    int written;       /* year written after it, or -1 */
    int year;          /* the year it is read in, once its span is placed */
    int yearly;        /* a whole year with its number ("throughout 2024"): another year
                        * may follow it in its span ("- 2025") */
    const char *start; /* where the phrase starts, for a message that quotes it */
    const char *end;   /* just past the phrase, its year included */
} item;

/* Where in an item the text places the work: "early June", "mid-Q3", "end of H1". */
enum place { WHOLE, EARLY, MID, LATE };

/* A word that opens the span after it to one side: "from May", "until June". */
enum lead { NO_LEAD, FROM, UNTIL };

static const char *const month_names[12] = {"january",   "february", "march",    "april",
                                            "may",       "june",     "july",     "august",
                                            "september", "october",  "november", "december"};

/* The names as English writes them, for messages. */
static const char *const month_titles[12] = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};

static const char *const month_abbrevs[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                              "jul", "aug", "sep", "oct", "nov", "dec"};

static int fold(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Class of a decoded non-ASCII code point. Spaces and dashes that PDF
 * conversion and word processors leave behind must read like their ASCII
 * cousins ("2\u00a0nd quarter", "May\u2013June"); footnote superscripts and
 * typographic punctuation must separate words ("September\u2078"). */
static enum cls class_of(unsigned long cp)
{
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
        cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)
        return C_SPACE;
    if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 ||
        cp == 0xFF0D)
        return C_DASH;
    if (cp == 0x2044 || cp == 0x2215 || cp == 0xFF0F)
        return C_SLASH;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2016 && cp <= 0x209F) ||
        (cp >= 0x3001 && cp <= 0x3003) || cp == 0xFFFD)
        return C_PUNCT;
    return C_WORD;
}

/* Length in bytes of the character at s (0 at the terminating NUL) and its
 * class in *c. A byte that does not start a well-formed UTF-8 sequence is one
 * character of punctuation. */
static size_t classify(const unsigned char *s, enum cls *c)
{
    unsigned char b = s[0];
    uint32_t cp;

    if (b == 0) {
        *c = C_END;
        return 0;
    }
    if (b < 0x80) {
        if (b == ' ' || (b >= '\t' && b <= '\r'))
            *c = C_SPACE;
        else if (is_digit(b) || (fold(b) >= 'a' && fold(b) <= 'z'))
            *c = C_WORD;
        else if (b == '-')
            *c = C_DASH;
        else if (b == '/')
            *c = C_SLASH;
        else
            *c = C_PUNCT;
        return 1;
    }
    /* The decoder reads no further than the NUL: it ends any sequence. */
    size_t n = oap_utf8_decode((const char *)s, 4, &cp);
    if (n == 0) {
        *c = C_PUNCT;
        return 1;
    }
    *c = class_of(cp);
    return n;
}

/* The token at or after p, spaces skipped: a whole word, or one character. */
static tok next(const char *p)
{
    const unsigned char *s = (const unsigned char *)p;
    enum cls c;
    size_t n;
    tok t;

    for (;;) {
        n = classify(s, &c);
        if (c != C_SPACE)
            break;
        s += n;
    }
    t.s = (const char *)s;
    t.n = n;
    t.c = c;
    if (c == C_WORD) {
        for (;;) {
            n = classify(s + t.n, &c);
            if (c != C_WORD)
                break;
            t.n += n;
        }
    }
    return t;
}

static const char *after(tok t)
{
    return t.s + t.n;
}

/* Whether t is the word lit (lowercase ASCII), ignoring ASCII case. */
static int word_is(tok t, const char *lit)
{
    size_t i;

    if (t.c != C_WORD)
        return 0;
    for (i = 0; i < t.n; i++)
        if (lit[i] == '\0' || fold((unsigned char)t.s[i]) != lit[i])
            return 0;
    return lit[i] == '\0';
}

static int punct_is(tok t, char ch)
{
    return t.c == C_PUNCT && t.n == 1 && t.s[0] == ch;
}

/* Month 0..11 named by t, or -1. *abbrev says whether it was shortened, since
 * only a shortened name takes a full stop ("Sept."). */
static int month_of(tok t, int *abbrev)
{
    for (int m = 0; m < 12; m++) {
        int full = word_is(t, month_names[m]);
        int shortened = word_is(t, month_abbrevs[m]) || (m == 8 && word_is(t, "sept"));
        if (!full && !shortened)
            continue;
        /* Lowercase "may" is the verb in "meetings may be held". */
        if (m == 4 && t.s[0] != 'M')
            return -1;
        *abbrev = !full;
        return m;
    }
    return -1;
}

/* A four-digit year in 1000..MAX_YEAR, or -1. */
static int year_of(tok t)
{
    if (t.c != C_WORD || t.n != 4 || t.s[0] < '1' || t.s[0] > '9')
        return -1;
    for (size_t i = 1; i < 4; i++)
        if (!is_digit((unsigned char)t.s[i]))
            return -1;
    return (t.s[0] - '0') * 1000 + (t.s[1] - '0') * 100 + (t.s[2] - '0') * 10 + (t.s[3] - '0');
}

/* The year written after an item ending at p: "2012" or "of 2012", and
 * "of the year" / "of this year" (the plan's year, so none is recorded), with
 * a year after it or not. Returns where the item now ends. *stray is set when
 * "of" introduces something else ("the first half of the meeting"), which
 * a quarter or a half must not be read through. */
static const char *year_after(const char *p, int *year, int *stray)
{
    tok t = next(p);
    int of = word_is(t, "of");

    *year = -1;
    *stray = 0;
    if (of)
        t = next(after(t));
    if (year_of(t) >= 0) {
        *year = year_of(t);
        return after(t);
    }
    if (!of)
        return p;
    if (word_is(t, "the") || word_is(t, "this")) {
        tok y = next(after(t));
        if (word_is(y, "year")) {
            tok z = next(after(y));
            if (year_of(z) >= 0) {
                *year = year_of(z);
                return after(z);
            }
            return after(y);
        }
    }
    *stray = 1;
    return p;
}

/* "st", "nd", "rd" or "th" at s (two bytes known to be inside a word). */
static int is_suffix(const char *s)
{
    int a = fold((unsigned char)s[0]), b = fold((unsigned char)s[1]);
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
           (a == 't' && b == 'h');
}

/* An ordinal at t: "2nd", "2 nd" (PDF conversion splits the suffix off),
 * "second", "last". Returns 1 with the value (1..9 or ORD_LAST) and where it
 * ends. A digit without a suffix is a count ("1-2 weeks"), not an ordinal. */
static int ordinal_at(tok t, int *val, const char **end)
{
    static const char *const words[4] = {"first", "second", "third", "fourth"};

    if (t.c != C_WORD)
        return 0;
    for (int i = 0; i < 4; i++) {
        if (word_is(t, words[i])) {
            *val = i + 1;
            *end = after(t);
            return 1;
        }
    }
    if (word_is(t, "last")) {
        *val = ORD_LAST;
        *end = after(t);
        return 1;
    }
    if (t.s[0] < '1' || t.s[0] > '9')
        return 0;
    if (t.n == 3 && is_suffix(t.s + 1)) {
        *val = t.s[0] - '0';
        *end = after(t);
        return 1;
    }
    if (t.n == 1) {
        tok u = next(after(t));
        if (u.c == C_WORD && u.n == 2 && is_suffix(u.s)) {
            *val = t.s[0] - '0';
            *end = after(u);
            return 1;
        }
    }
    return 0;
}

/* How many parts a unit word cuts the year into: 4 for quarters, 2 for
 * semesters and halves, 0 for any other token. */
static int unit_parts(tok t)
{
    if (word_is(t, "quarter") || word_is(t, "quarters"))
        return 4;
    if (word_is(t, "semester") || word_is(t, "semesters") || word_is(t, "half") ||
        word_is(t, "halves"))
        return 2;
    return 0;
}

/* Joins two items into one span. */
static int is_span_sep(tok t)
{
    return t.c == C_DASH || t.c == C_SLASH || punct_is(t, '&') || word_is(t, "to") ||
           word_is(t, "till") || word_is(t, "until") || word_is(t, "through") ||
           word_is(t, "and") || word_is(t, "or");
}

/* Joins two items as the start and the end of a range ("March to May"), not as a list
 * ("March/April"): a span with one has an end of its own, which "from" keeps. */
static int is_range_sep(tok t)
{
    return t.c == C_DASH || word_is(t, "to") || word_is(t, "till") || word_is(t, "until") ||
           word_is(t, "through");
}

/* Sets it to parts lo_ord..hi_ord (1-based) of a year cut into parts. */
static void set_parts(item *it, int lo_ord, int hi_ord, int parts)
{
    int len = 12 / parts;
    it->lo = (lo_ord - 1) * len;
    it->hi = hi_ord * len - 1;
}

/* "2nd quarter", "1st and 2nd quarter", "second half": ordinals joined by
 * list separators, then a unit. On failure *resume is past every ordinal
 * read: none of them can start an item either, and skipping them keeps a long
 * list that leads nowhere ("1st, 2nd, 3rd, ...") from being read again from
 * each of its ordinals. */
static int parts_at(tok t, item *it, const char **resume)
{
    int lo = ORD_LAST + 1, hi = 0, has_last = 0, val, parts, stray;
    const char *end;

    if (!ordinal_at(t, &val, &end))
        return 0;
    for (;;) {
        tok u;

        *resume = end;
        if (val == ORD_LAST) {
            has_last = 1;
        } else {
            lo = val < lo ? val : lo;
            hi = val > hi ? val : hi;
        }
        u = next(end);
        parts = unit_parts(u);
        if (parts)
            break;
        if (!is_span_sep(u) && !punct_is(u, ','))
            return 0;
        if (!ordinal_at(next(after(u)), &val, &end))
            return 0;
    }
    if (hi > parts)
        return 0; /* "3rd semester" is no part of a year */
    if (has_last) {
        lo = parts < lo ? parts : lo;
        hi = parts;
    }
    set_parts(it, lo, hi, parts);
    it->end = year_after(after(next(end)), &it->written, &stray);
    return !stray;
}

/* "Whole year", "all year", "entire year", "throughout the year", and "throughout
 * 2025", whose year goes to *year (-1 for the others). */
static int whole_year_at(tok t, const char **end, int *year)
{
    tok u;

    *year = -1;
    if (word_is(t, "whole") || word_is(t, "all") || word_is(t, "entire")) {
        u = next(after(t));
    } else if (word_is(t, "throughout")) {
        u = next(after(t));
        if (year_of(u) >= 0) {
            *year = year_of(u);
            *end = after(u);
            return 1;
        }
        if (!word_is(u, "the"))
            return 0;
        u = next(after(u));
    } else {
        return 0;
    }
    if (!word_is(u, "year"))
        return 0;
    *end = after(u);
    return 1;
}

/* "01/2025", "1/2025", "04.2013": a month as a number and its year, with nothing
 * between them but the "/" or ".", so that "1 / 2" or a list "1. 2013 ..." is not one. */
static int numbered_month_at(tok t, item *it)
{
    tok sep, y;
    int m;

    if (t.c != C_WORD || t.n > 2 || !is_digit((unsigned char)t.s[0]) ||
        (t.n == 2 && !is_digit((unsigned char)t.s[1])))
        return 0;
    m = t.n == 1 ? t.s[0] - '0' : (t.s[0] - '0') * 10 + (t.s[1] - '0');
    if (m < 1 || m > 12)
        return 0;
    sep = next(after(t));
    if (sep.s != after(t) || (sep.c != C_SLASH && !punct_is(sep, '.')))
        return 0;
    y = next(after(sep));
    if (y.s != after(sep) || year_of(y) < 0)
        return 0;
    it->lo = it->hi = m - 1;
    it->written = year_of(y);
    it->end = after(y);
    return 1;
}

/* Reads one item starting at token t, as it is named, without words before it that
 * place the work inside it. Returns 1 and fills *it, or 0 with *resume set past t,
 * where looking for the next item may go on. */
static int named_item_at(tok t, item *it, const char **resume)
{
    int m, abbrev, stray, year;
    const char *end;

    *resume = after(t);
    it->start = t.s;
    it->yearly = 0;
    m = month_of(t, &abbrev);
    if (m >= 0) {
        tok dot = next(after(t));
        end = after(t);
        if (abbrev && punct_is(dot, '.') && dot.s == end)
            end = after(dot);
        it->lo = it->hi = m;
        /* "end of May of each year" is still May. */
        it->end = year_after(end, &it->written, &stray);
        return 1;
    }
    if (t.c == C_WORD && t.n == 2 && (t.s[0] == 'Q' || t.s[0] == 'H')) {
        int parts = t.s[0] == 'Q' ? 4 : 2;
        int k = t.s[1] - '0';
        if (k < 1 || k > parts)
            return 0;
        set_parts(it, k, k, parts);
        it->end = year_after(after(t), &it->written, &stray);
        return !stray;
    }
    if (whole_year_at(t, &end, &year)) {
        it->lo = 0;
        it->hi = 11;
        if (year >= 0) {
            it->written = year;
            it->end = end;
        } else {
            it->end = year_after(end, &it->written, &stray);
        }
        it->yearly = it->written >= 0;
        return 1;
    }
    if (numbered_month_at(t, it))
        return 1;
    return parts_at(t, it, resume);
}

/* "early", "late", "mid", each perhaps with a dash ("mid-June"), or "beginning of",
 * "start of", "end of" ("end-June" too) at t: where in the item after it the work is,
 * with *end past the words; WHOLE when t starts none of these. */
static enum place place_at(tok t, const char **end)
{
    enum place place;
    int needs_of = 0;
    tok u;

    if (word_is(t, "early")) {
        place = EARLY;
    } else if (word_is(t, "mid")) {
        place = MID;
    } else if (word_is(t, "late")) {
        place = LATE;
    } else if (word_is(t, "beginning") || word_is(t, "start")) {
        place = EARLY;
        needs_of = 1;
    } else if (word_is(t, "end")) {
        place = LATE;
        needs_of = 1;
    } else {
        return WHOLE;
    }
    *end = after(t);
    u = next(*end);
    if (u.c == C_DASH || (needs_of && word_is(u, "of")))
        *end = after(u);
    else if (needs_of)
        return WHOLE;
    return place;
}

/* Narrows an item to the place in it: a month stays itself, a part of the year
 * becomes its first, middle (two for an even part) or last month. */
static void narrow(item *it, enum place place)
{
    int len = it->hi - it->lo + 1;

    if (place == EARLY) {
        it->hi = it->lo;
    } else if (place == LATE) {
        it->lo = it->hi;
    } else if (place == MID) {
        it->lo += (len - 1) / 2;
        it->hi = it->lo + (len % 2 == 0);
    }
}

/* Reads one item starting at token t: what named_item_at reads, perhaps after "the"
 * and words that place the work inside it ("the end of the 2nd quarter", "mid-June").
 * Returns 1 and fills *it, or 0 with *resume set past t. */
static int item_at(tok t, item *it, const char **resume)
{
    const char *start, *end;
    enum place place;
    tok u = t;

    *resume = after(t);
    if (word_is(u, "the"))
        u = next(after(u));
    start = u.s;
    place = place_at(u, &end);
    if (place != WHOLE) {
        u = next(end);
        if (word_is(u, "the"))
            u = next(after(u));
    }
    if (u.c == C_END)
        return 0;
    if (u.s == t.s)
        return named_item_at(u, it, resume);
    /* Words were skipped: resume right after the first, so each of them, and whatever
     * they were followed by, is looked at again (a misspelled month among them). */
    if (!named_item_at(u, it, &end))
        return 0;
    narrow(it, place);
    it->start = start;
    return 1;
}

/* "from" and "since" open a span to the end of the plan, "until", "till" and "by" to
 * its start. */
static enum lead lead_of(tok t)
{
    if (word_is(t, "from") || word_is(t, "since"))
        return FROM;
    if (word_is(t, "until") || word_is(t, "till") || word_is(t, "by"))
        return UNTIL;
    return NO_LEAD;
}

/* Gives every item of one span its year and returns whether the span was
 * read as crossing the turn of the year. A year written after an item also
 * belongs to the items before it ("October/November 2012"); items after the
 * last written year, or in a span without one, follow the item before them,
 * starting from the plan's year. When cross is set, the one place where the
 * span goes backwards in the year ("December/January 2013", "November to
 * February") is where it crosses into the next year. */
static int place_years(item *span, size_t n, int year, int cross)
{
    int crossed = 0;

    for (size_t i = 0; i < n; i++)
        span[i].year = span[i].written;
    for (size_t i = n - 1; i-- > 0;) {
        if (span[i].year >= 0 || span[i + 1].year < 0)
            continue;
        span[i].year = span[i + 1].year;
        if (cross && span[i].lo > span[i + 1].lo && span[i].year > 0) {
            span[i].year--;
            crossed = 1;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (span[i].year >= 0)
            continue;
        if (i == 0) {
            span[i].year = year;
            continue;
        }
        span[i].year = span[i - 1].year;
        if (cross && span[i].lo < span[i - 1].lo && span[i].year < MAX_YEAR) {
            span[i].year++;
            crossed = 1;
        }
    }
    return crossed;
}

/* Earliest start and latest end of the n >= 1 items of a placed span. */
static void bounds(const item *span, size_t n, int *start, int *end)
{
    *start = span[0].year * 12 + span[0].lo;
    *end = span[0].year * 12 + span[0].hi;
    for (size_t i = 1; i < n; i++) {
        int s = span[i].year * 12 + span[i].lo, e = span[i].year * 12 + span[i].hi;
        *start = s < *start ? s : *start;
        *end = e > *end ? e : *end;
    }
}

/* Places the years of a span, the way a person reads it. Only a span that
 * goes backwards exactly once can cross the turn of the year: more than once
 * is a list out of order ("December/November/October"). And a crossing that
 * would make the span a year or longer ("April/June/May") is a list out of
 * order too: nobody writes a year-long span as two months. */
static void read_span(item *span, size_t n, int year, int *start, int *end)
{
    int back = 0;

    for (size_t i = 1; i < n; i++)
        back += span[i].lo < span[i - 1].lo;
    if (place_years(span, n, year, back == 1)) {
        bounds(span, n, start, end);
        if (*end - *start + 1 < 12)
            return;
        place_years(span, n, year, 0);
    }
    bounds(span, n, start, end);
}

/* The month a word misspells, or -1: four to fifteen ASCII letters with a capital first
 * (English capitalises months, so "match" and "jury" are left alone), not a month's name
 * (those were read), and near enough, by oap_suggest_nearest, to the name of a month
 * that starts with the same letter. */
static int misspelled_month(tok t)
{
    const char *candidates[3], *nearest;
    int months[3];
    size_t n = 0;
    char word[16];

    if (t.c != C_WORD || t.n < 4 || t.n >= sizeof word || t.s[0] < 'A' || t.s[0] > 'Z')
        return -1;
    for (size_t i = 0; i < t.n; i++) {
        int c = fold((unsigned char)t.s[i]);
        if (c < 'a' || c > 'z')
            return -1;
        word[i] = (char)c;
    }
    word[t.n] = '\0';
    /* At most three months share a first letter (January, June, July). */
    for (int m = 0; m < 12; m++) {
        if (month_names[m][0] != word[0])
            continue;
        candidates[n] = month_names[m];
        months[n++] = m;
    }
    nearest = oap_suggest_nearest(word, candidates, n);
    for (size_t i = 0; i < n; i++)
        if (nearest == candidates[i])
            return months[i];
    return -1;
}

/* A text that is nothing but a year, or two years joined as a span, perhaps after "in"
 * or "during" and before a full stop: "2024", "2024-2025", "During 2013.". Fills the
 * window of those whole years. */
static int only_years(const char *text, int *start, int *end)
{
    tok t = next(text), u;
    int first, last;

    if (word_is(t, "in") || word_is(t, "during"))
        t = next(after(t));
    first = last = year_of(t);
    if (first < 0)
        return 0;
    u = next(after(t));
    if (is_span_sep(u)) {
        t = next(after(u));
        last = year_of(t);
        if (last < first)
            return 0;
        u = next(after(t));
    }
    if (punct_is(u, '.'))
        u = next(after(u));
    if (u.c != C_END)
        return 0;
    *start = first * 12;
    *end = last * 12 + 11;
    return 1;
}

int oap_timing_read_years(const char *text, int first, int last, oap_window *out,
                          oap_timing_why *why)
{
    const char *p = text;
    /* The first span with no year in a plan of several years, and the first misspelled
     * month: either makes the text read as nothing, but the whole text is still read,
     * so that a misspelling anywhere is found and named. */
    const char *undated = NULL, *undated_end = NULL;
    tok typo = {NULL, 0, C_END};
    int typo_month = -1, found = 0, start = 0, end = 0;
    oap_timing_why ignored;

    if (!why)
        why = &ignored;
    *why = (oap_timing_why){.miss = OAP_TIMING_NO_MONTH};
    if (first < 0 || last < first || last > MAX_YEAR)
        return 0;
    for (;;) {
        item span[SPAN_MAX];
        size_t n = 1;
        const char *resume;
        int s, e, ranged = 0, dated = 0;
        tok t = next(p), head;
        enum lead lead;

        if (t.c == C_END)
            break;
        lead = lead_of(t);
        head = lead == NO_LEAD ? t : next(after(t));
        if (head.c == C_END || !item_at(head, &span[0], &resume)) {
            if (lead == NO_LEAD && typo_month < 0 && (typo_month = misspelled_month(t)) >= 0)
                typo = t;
            p = lead == NO_LEAD ? resume : after(t);
            continue;
        }
        while (n < SPAN_MAX) {
            tok sep = next(span[n - 1].end);
            tok u;
            if (!is_span_sep(sep))
                break;
            u = next(after(sep));
            if (u.c == C_END)
                break;
            if (span[n - 1].yearly && year_of(u) >= 0) {
                /* "Throughout 2024 - 2025": a bare year goes on a span of whole years. */
                span[n] = (item){0, 11, year_of(u), 0, 1, u.s, after(u)};
            } else if (!item_at(u, &span[n], &resume)) {
                break;
            }
            ranged |= is_range_sep(sep);
            n++;
        }
        p = span[n - 1].end;
        for (size_t i = 0; i < n; i++)
            dated |= span[i].written >= 0;
        if (!dated && first < last) {
            if (!undated) {
                undated = span[0].start;
                undated_end = span[0].end;
            }
            continue;
        }
        read_span(span, n, first, &s, &e);
        /* A span with an end of its own keeps it: "from March to May". */
        if (lead == FROM && !ranged)
            e = (e / 12 > last ? e / 12 : last) * 12 + 11;
        if (lead == UNTIL && !ranged)
            s = (s / 12 < first ? s / 12 : first) * 12;
        if (!found || s < start)
            start = s;
        if (!found || e > end)
            end = e;
        found = 1;
    }
    if (typo_month >= 0) {
        *why = (oap_timing_why){.miss = OAP_TIMING_MISSPELLED,
                                .at = (size_t)(typo.s - text),
                                .len = typo.n,
                                .month = month_titles[typo_month]};
        return 0;
    }
    if (undated) {
        *why = (oap_timing_why){.miss = OAP_TIMING_NO_YEAR,
                                .at = (size_t)(undated - text),
                                .len = (size_t)(undated_end - undated)};
        return 0;
    }
    if (!found && !only_years(text, &start, &end))
        return 0;
    out->start = start;
    out->end = end;
    why->miss = OAP_TIMING_READ;
    return 1;
}

int oap_timing_read(const char *text, int year, oap_window *out)
{
    return oap_timing_read_years(text, year, year, out, NULL);
}

int oap_timing_parse_month(const char *text, int *out)
{
    int year = 0, month;

    /* Each test stops at the first byte that fails, so the NUL of a short
     * text is never passed. */
    for (int i = 0; i < 4; i++) {
        if (!is_digit((unsigned char)text[i]))
            return -1;
        year = year * 10 + (text[i] - '0');
    }
    if (text[4] != '-' || !is_digit((unsigned char)text[5]) || !is_digit((unsigned char)text[6]) ||
        text[7] != '\0')
        return -1;
    month = (text[5] - '0') * 10 + (text[6] - '0');
    if (month < 1 || month > 12)
        return -1;
    *out = year * 12 + (month - 1);
    return 0;
}

void oap_timing_format_month(int m, char buf[8])
{
    int year, month;

    if (m < 0 || m > MAX_MONTH) {
        /* Escaped: "??-" is a trigraph in C11. */
        const char *unknown = "\?\?\?\?-\?\?";
        for (int i = 0; i < 8; i++)
            buf[i] = unknown[i];
        return;
    }
    year = m / 12;
    month = m % 12 + 1;
    buf[0] = (char)('0' + year / 1000);
    buf[1] = (char)('0' + year / 100 % 10);
    buf[2] = (char)('0' + year / 10 % 10);
    buf[3] = (char)('0' + year % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + month / 10);
    buf[6] = (char)('0' + month % 10);
    buf[7] = '\0';
}
