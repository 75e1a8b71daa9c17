/* refs: the reference grammar of plan files (oapgraph-format(5)) and the reader of OAP
 * table text. */
#include "refs.h"

#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* All scanning is bounded by an explicit length n (the text's strlen) and indexes
 * with size_t, so no read goes past the terminating NUL whatever the bytes are.
 * Character classes are ASCII on purpose: <ctype.h> depends on the locale, and bytes
 * of UTF-8 sequences must never pass for letters. */

#define QUOTE_MAX 40 /* bytes of input quoted in a message before "..." */

#define CELL_EXPECTED "(expected \"SG n\", an action number such as 2.1, or \"SGs in priority X\")"

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_alnum(int c)
{
    return is_alpha(c) || is_digit(c);
}

static int is_id_char(int c)
{
    return is_alnum(c) || c == '.' || c == '_' || c == '-';
}

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static int at(const char *s, size_t n, size_t i)
{
    return i < n ? (unsigned char)s[i] : 0;
}

/* Length of the blank at i: ASCII whitespace, or a UTF-8 no-break space (C2 A0),
 * which text copied out of Council PDFs often carries between "SG" and its number. */
static size_t blank_len(const char *s, size_t n, size_t i)
{
    int c = at(s, n, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        return 1;
    if (c == 0xC2 && at(s, n, i + 1) == 0xA0)
        return 2;
    return 0;
}

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    size_t k;
    while ((k = blank_len(s, n, i)) > 0)
        i += k;
    return i;
}

static size_t id_end(const char *s, size_t n, size_t i)
{
    while (is_id_char(at(s, n, i)))
        i++;
    return i;
}

/* In table text a full stop ending an id is punctuation, not part of the id. */
static size_t strip_dots(const char *s, size_t start, size_t end)
{
    while (end > start && s[end - 1] == '.')
        end--;
    return end;
}

/* strlen(word) when the word (lower case) is at i in any case and ends there as a
 * word, else 0. */
static size_t word_at(const char *s, size_t n, size_t i, const char *word)
{
    size_t len = strlen(word);
    for (size_t k = 0; k < len; k++)
        if (lower(at(s, n, i + k)) != word[k])
            return 0;
    return is_alnum(at(s, n, i + len)) ? 0 : len;
}

static void copy_id(char *dst, const char *s, size_t len)
{
    memcpy(dst, s, len);
    dst[len] = '\0';
}

/* Copies the text at i up to the end, or in a cell up to the next "," or ";", into dst
 * (at least QUOTE_MAX + 4 bytes) for a message: trailing blanks and full stops dropped,
 * control bytes shown as '?', cut at QUOTE_MAX bytes on a UTF-8 boundary with "...". */
static void quote_at(char *dst, const char *s, size_t n, size_t i, int cell)
{
    size_t end = i, len;
    int cut = 0;
    while (end < n && !(cell && (s[end] == ',' || s[end] == ';')))
        end++;
    while (end > i &&
           (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n' || s[end - 1] == '\r'))
        end--;
    if (strip_dots(s, i, end) > i)
        end = strip_dots(s, i, end);
    len = end - i;
    if (len > QUOTE_MAX) {
        len = QUOTE_MAX;
        len = oap_utf8_cut(s + i, len);
        cut = 1;
    }
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[i + k];
        dst[k] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
    }
    strcpy(dst + len, cut ? "..." : "");
}

/* Fills *err (when given) and returns -1, so that callers can `return fail(...)`. */
static int fail(oap_ref_error *err, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(oap_ref_error *err, size_t offset, const char *fmt, ...)
{
    va_list ap;
    if (!err)
        return -1;
    err->offset = offset;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

static int fail_long(oap_ref_error *err, size_t offset)
{
    return fail(err, offset, "reference too long (an id has at most %d bytes)", OAP_REF_ID_MAX);
}

/* Whether a goal id starts at i: "SG" in any case, optional blanks, digits, and then
 * no further id character (in table text, trailing full stops aside). On success
 * *end is just past the digits, which start at *digits and are *ndigits long. */
static int goal_at(const char *s, size_t n, size_t i, int table, size_t *end, size_t *digits,
                   size_t *ndigits)
{
    size_t j, k;
    if (lower(at(s, n, i)) != 's' || lower(at(s, n, i + 1)) != 'g')
        return 0;
    j = skip_blanks(s, n, i + 2);
    if (!is_digit(at(s, n, j)))
        return 0;
    *digits = j;
    while (is_digit(at(s, n, j)))
        j++;
    k = j;
    if (table)
        while (at(s, n, k) == '.')
            k++;
    if (is_id_char(at(s, n, k)))
        return 0;
    *ndigits = j - *digits;
    *end = j;
    return 1;
}

/* Reads one reference of the grammar starting at i, and stops at the first byte that
 * is not part of it (*end); the caller decides what may follow. In table mode action
 * ids are numbers (digits and dots) and ids lose trailing full stops, so that
 * "1.1-1.3" or "2.1a" are not silently taken for ids. */
static int scan_ref(const char *s, size_t n, size_t i, int table, oap_ref *out, size_t *end,
                    oap_ref_error *err)
{
    size_t j, digits, ndigits;

    memset(out, 0, sizeof *out);
    out->kind = OAP_REF_NODE;

    j = id_end(s, n, i);
    if (at(s, n, j) == ':') {
        if (j == i)
            return fail(err, i, "expected a plan id or priority code before \":\"");
        if (j - i > OAP_REF_ID_MAX)
            return fail_long(err, i);
        copy_id(out->qualifier, s + i, j - i);
        i = j + 1;
    }

    if (at(s, n, i) == '*') {
        out->kind = OAP_REF_PRIORITY;
        strcpy(out->target, "*");
        i++;
        if (at(s, n, i) == '#')
            return fail(err, i, "only an action id can have a \"#\" phase");
    } else if (goal_at(s, n, i, table, &j, &digits, &ndigits)) {
        if (2 + ndigits > OAP_REF_ID_MAX)
            return fail_long(err, i);
        out->target[0] = 'S';
        out->target[1] = 'G';
        copy_id(out->target + 2, s + digits, ndigits);
        i = j;
        if (at(s, n, i) == '#')
            return fail(err, i, "only an action id can have a \"#\" phase");
    } else {
        if (table) {
            j = i;
            if (is_digit(at(s, n, j)))
                while (is_digit(at(s, n, j)) || at(s, n, j) == '.')
                    j++;
            j = strip_dots(s, i, j);
        } else {
            j = id_end(s, n, i);
        }
        if (j == i)
            return fail(err, i, "expected a goal or action id or \"*\"");
        if (j - i > OAP_REF_ID_MAX)
            return fail_long(err, i);
        copy_id(out->target, s + i, j - i);
        i = j;
        if (at(s, n, i) == '#') {
            i++;
            j = id_end(s, n, i);
            if (table)
                j = strip_dots(s, i, j);
            if (j == i)
                return fail(err, i, "expected a phase id after \"#\"");
            if (j - i > OAP_REF_ID_MAX)
                return fail_long(err, i);
            copy_id(out->phase, s + i, j - i);
            i = j;
        }
    }
    *end = i;
    return 0;
}

int oap_ref_parse(const char *text, oap_ref *out, oap_ref_error *err)
{
    size_t n, i, end;
    char quote[QUOTE_MAX + 4];
    if (!text)
        return fail(err, 0, "expected a goal or action id or \"*\"");
    n = strlen(text);
    i = skip_blanks(text, n, 0);
    if (scan_ref(text, n, i, 0, out, &end, err) < 0)
        return -1;
    i = skip_blanks(text, n, end);
    if (i < n) {
        quote_at(quote, text, n, i, 0);
        return fail(err, i, "unexpected \"%s\" after the reference", quote);
    }
    return 0;
}

/* Skips what separates references in a cell: blanks, ",", ";", full stops, "and". */
static size_t skip_separators(const char *s, size_t n, size_t i)
{
    for (;;) {
        size_t k = blank_len(s, n, i);
        int c = at(s, n, i);
        if (k > 0)
            i += k;
        else if (c == ',' || c == ';' || c == '.')
            i++;
        else if ((k = word_at(s, n, i, "and")) > 0)
            i += k;
        else
            return i;
    }
}

/* A cell of blanks and at least one dash is the tables' way of writing "none". */
static int only_dashes(const char *s, size_t n)
{
    size_t i = 0;
    int dashes = 0;
    while (i < n) {
        size_t k = blank_len(s, n, i);
        if (k > 0) {
            i += k;
        } else if (s[i] == '-') {
            i++;
            dashes = 1;
        } else if (at(s, n, i) == 0xE2 && at(s, n, i + 1) == 0x80 &&
                   (at(s, n, i + 2) == 0x93 || at(s, n, i + 2) == 0x94)) {
            i += 3; /* en dash, em dash */
            dashes = 1;
        } else {
            return 0;
        }
    }
    return dashes;
}

/* An error for "expected <what> after "<keyword>"", naming what was found at i. The
 * keyword is quoted as written when it is one word (kwlen bytes at kw), so it is short. */
static int fail_after(oap_ref_error *err, const char *s, size_t n, size_t i, const char *what,
                      const char *kw, size_t kwlen)
{
    char quote[QUOTE_MAX + 4];
    quote_at(quote, s, n, i, 1);
    if (quote[0] == '\0')
        return fail(err, i, "expected %s after \"%.*s\"", what, (int)kwlen, kw);
    return fail(err, i, "expected %s after \"%.*s\", found \"%s\"", what, (int)kwlen, kw, quote);
}

static int fail_unreadable(oap_ref_error *err, const char *s, size_t n, size_t i)
{
    char quote[QUOTE_MAX + 4];
    quote_at(quote, s, n, i, 1);
    return fail(err, i, "cannot read \"%s\" as a reference " CELL_EXPECTED, quote);
}

/* A reference read from a cell must end at a separator: "2.1a" or "1.1-1.3" is not
 * two things glued together but text the reader does not understand. */
static int ends_item(const char *s, size_t n, size_t i)
{
    int c = at(s, n, i);
    return i >= n || blank_len(s, n, i) > 0 || c == ',' || c == ';' || c == '.';
}

/* Whether the grammar (qualified form, goal, action number or "*") starts at i. */
static int grammar_at(const char *s, size_t n, size_t i)
{
    size_t j = id_end(s, n, i), end, digits, ndigits;
    return (j > i && at(s, n, j) == ':') || goal_at(s, n, i, 1, &end, &digits, &ndigits) ||
           is_digit(at(s, n, i)) || at(s, n, i) == '*';
}

static size_t action_word_at(const char *s, size_t n, size_t i)
{
    size_t k;
    if ((k = word_at(s, n, i, "actions")) > 0 || (k = word_at(s, n, i, "action")) > 0 ||
        (k = word_at(s, n, i, "oas")) > 0 || (k = word_at(s, n, i, "oa")) > 0)
        return k;
    return 0;
}

/* "SGs in " / "SG in ": returns the index just past it, or i when absent. */
static size_t sgs_in_at(const char *s, size_t n, size_t i)
{
    size_t k = word_at(s, n, i, "sgs"), j;
    if (k == 0)
        k = word_at(s, n, i, "sg");
    if (k == 0 || blank_len(s, n, i + k) == 0)
        return i;
    j = skip_blanks(s, n, i + k);
    k = word_at(s, n, j, "in");
    if (k == 0)
        return i;
    return skip_blanks(s, n, j + k);
}

int oap_refs_read_cell(const char *text, int (*add)(void *ctx, const oap_ref *ref), void *ctx,
                       oap_ref_error *err)
{
    size_t n, i = 0, k, j;
    int plural = 0; /* after "priorities": bare codes go on naming priorities */
    oap_ref ref;

    if (!text)
        return 0;
    n = strlen(text);
    if (only_dashes(text, n))
        return 0;

    for (;;) {
        size_t start;
        int rc;
        i = skip_separators(text, n, i);
        if (i >= n)
            return 0;
        start = i;

        if ((k = action_word_at(text, n, i)) > 0) {
            /* "Action 2.1", "OA 2.1": the word promises an action. */
            j = skip_blanks(text, n, i + k);
            if (!grammar_at(text, n, j))
                return fail_after(err, text, n, j, "an action number such as 2.1", text + start, k);
            if (scan_ref(text, n, j, 1, &ref, &i, err) < 0)
                return -1;
            if (ref.kind != OAP_REF_NODE || oap_ref_is_goal_id(ref.target))
                return fail_after(err, text, n, j, "an action number such as 2.1", text + start, k);
            start = j;
            plural = 0;
        } else if ((j = sgs_in_at(text, n, i)) > i || word_at(text, n, i, "priority") > 0 ||
                   word_at(text, n, i, "priorities") > 0) {
            size_t kw = i;
            if (j > i) {
                /* "SGs in priority B" is the plan of B as a whole: "B:*". */
                if (word_at(text, n, j, "priority") == 0 && word_at(text, n, j, "priorities") == 0)
                    return fail_after(err, text, n, j, "\"priority X\"", "SGs in", 6);
                kw = j;
            }
            k = word_at(text, n, kw, "priority");
            plural = k == 0;
            if (plural)
                k = word_at(text, n, kw, "priorities");
            start = skip_blanks(text, n, kw + k);
            i = strip_dots(text, start, id_end(text, n, start));
            if (i == start)
                return fail_after(err, text, n, start, "a priority code such as B", text + kw, k);
            if (i - start > OAP_REF_ID_MAX)
                return fail_long(err, start);
            memset(&ref, 0, sizeof ref);
            ref.kind = OAP_REF_PRIORITY;
            copy_id(ref.qualifier, text + start, i - start);
            strcpy(ref.target, "*");
        } else if (grammar_at(text, n, i)) {
            if (scan_ref(text, n, i, 1, &ref, &i, err) < 0)
                return -1;
            plural = 0;
        } else if (plural && is_alpha(at(text, n, i))) {
            /* "priorities B and F": F is another code of the list. */
            i = strip_dots(text, start, id_end(text, n, start));
            if (i - start > OAP_REF_ID_MAX)
                return fail_long(err, start);
            memset(&ref, 0, sizeof ref);
            ref.kind = OAP_REF_PRIORITY;
            copy_id(ref.qualifier, text + start, i - start);
            strcpy(ref.target, "*");
        } else {
            return fail_unreadable(err, text, n, i);
        }

        if (!ends_item(text, n, i))
            return fail_unreadable(err, text, n, start);
        if (add && (rc = add(ctx, &ref)) != 0)
            return rc;
    }
}

/* End of an action number at i ("2.1", "1.2.3": digits with at least one dot group,
 * not glued to a letter), or i when there is none or it is longer than an id. */
static size_t mention_end(const char *s, size_t n, size_t i)
{
    size_t j = i;
    int groups = 0;
    if (!is_digit(at(s, n, j)))
        return i;
    while (is_digit(at(s, n, j)))
        j++;
    while (at(s, n, j) == '.' && is_digit(at(s, n, j + 1))) {
        j++;
        while (is_digit(at(s, n, j)))
            j++;
        groups++;
    }
    if (groups == 0 || is_alpha(at(s, n, j)) || at(s, n, j) == '_' || j - i > OAP_REF_ID_MAX)
        return i;
    return j;
}

/* After a mention, the index of the next number of the same list (", 1.2", " and 1.3",
 * ", and 1.3"), or 0 when the list ends there. */
static size_t next_in_list(const char *s, size_t n, size_t i)
{
    size_t k;
    i = skip_blanks(s, n, i);
    if (at(s, n, i) == ',' || at(s, n, i) == ';')
        i = skip_blanks(s, n, i + 1);
    if ((k = word_at(s, n, i, "and")) > 0 || (k = word_at(s, n, i, "or")) > 0)
        i = skip_blanks(s, n, i + k);
    else if (at(s, n, i) == '&')
        i = skip_blanks(s, n, i + 1);
    return mention_end(s, n, i) > i ? i : 0;
}

void oap_refs_find_mentions(const char *text,
                            void (*found)(void *ctx, const char *id, size_t offset), void *ctx)
{
    size_t n, i = 0;
    char id[OAP_REF_ID_MAX + 1];

    if (!text || !found)
        return;
    n = strlen(text);
    while (i < n) {
        size_t k = 0, j, end;
        /* Most of a text is not the word "action": one test of a byte rules it out. */
        if (lower(text[i]) != 'a') {
            i++;
            continue;
        }
        if (i == 0 || !is_alnum((unsigned char)text[i - 1])) {
            k = word_at(text, n, i, "actions");
            if (k == 0)
                k = word_at(text, n, i, "action");
        }
        if (k == 0) {
            i++;
            continue;
        }
        j = skip_blanks(text, n, i + k);
        end = mention_end(text, n, j);
        if (end == j) {
            i += k;
            continue;
        }
        for (;;) {
            copy_id(id, text + j, end - j);
            found(ctx, id, j);
            i = end;
            j = next_in_list(text, n, end);
            if (j == 0)
                break;
            end = mention_end(text, n, j);
        }
    }
}

int oap_ref_format(const oap_ref *ref, char *buf, size_t size)
{
    const char *colon = ref->qualifier[0] ? ":" : "";
    const char *hash = ref->phase[0] ? "#" : "";
    if (size == 0)
        return snprintf(NULL, 0, "%s%s%s%s%s", ref->qualifier, colon, ref->target, hash,
                        ref->phase);
    return snprintf(buf, size, "%s%s%s%s%s", ref->qualifier, colon, ref->target, hash, ref->phase);
}

int oap_ref_is_goal_id(const char *id)
{
    size_t n, end, digits, ndigits;
    if (!id)
        return 0;
    n = strlen(id);
    return goal_at(id, n, 0, 0, &end, &digits, &ndigits) && end == n;
}
