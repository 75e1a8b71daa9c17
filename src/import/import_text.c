/* import_text: what the importer does to one cell: markup, footnotes, KPIs, actors. */
#include "import_text.h"

#include "oapgraph/common.h"
#include "core/ascii.h"
#include "core/actors.h"
#include "core/array.h"
#include "core/strbuf.h"
#include "core/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Everything here scans with explicit lengths and ASCII classes: bytes of UTF-8
 * sequences are never letters, and no read goes past the end whatever the input. */

static int at(const char *s, size_t n, size_t i)
{
    return i < n ? (unsigned char)s[i] : 0;
}

/* ------------------------------------------------------------------ footnotes */

oap_import__footnote *oap_import__footnote_find(const oap_import__footnotes *f, unsigned number)
{
    size_t lo = 0, hi = f ? f->n : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->items[mid].number == number)
            return &f->items[mid];
        if (f->items[mid].number < number)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ------------------------------------------------------------------ cleaning */

/* The digit a superscript at i stands for (¹ ² ³ as C2 B9/B2/B3, ⁰ ⁴-⁹ as E2 81 B0/B4-B9),
 * with its length in *len; -1 when there is none. */
static int superscript_at(const char *s, size_t n, size_t i, size_t *len)
{
    int c0 = at(s, n, i), c1 = at(s, n, i + 1), c2 = at(s, n, i + 2);
    if (c0 == 0xC2 && (c1 == 0xB9 || c1 == 0xB2 || c1 == 0xB3)) {
        *len = 2;
        return c1 == 0xB9 ? 1 : c1 == 0xB2 ? 2 : 3;
    }
    if (c0 == 0xE2 && c1 == 0x81 && (c2 == 0xB0 || (c2 >= 0xB4 && c2 <= 0xB9))) {
        *len = 3;
        return c2 == 0xB0 ? 0 : c2 - 0xB0;
    }
    return -1;
}

/* Whitespace within a line: ASCII blanks and the no-break space (C2 A0). */
static size_t blank_at(const char *s, size_t n, size_t i)
{
    int c = at(s, n, i);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f')
        return 1;
    if (c == 0xC2 && at(s, n, i + 1) == 0xA0)
        return 2;
    return 0;
}

static const char *const tags_break[] = {"p",  "div", "br", "hr", "tr", "td", "th",
                                         "h1", "h2",  "h3", "h4", "h5", "h6", NULL};
static const char *const tags_inline[] = {"u",   "b",    "i",     "em",    "strong", "span",  "sup",
                                          "sub", "font", "a",     "s",     "strike", "small", "big",
                                          "tt",  "code", "table", "tbody", "o:p",    NULL};

static int tag_in(const char *name, size_t len, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == len) {
            size_t k = 0;
            while (k < len && oap_ascii_lower((unsigned char)name[k]) == (*list)[k])
                k++;
            if (k == len)
                return 1;
        }
    return 0;
}

/* Reads an HTML tag of a known element at i ("<p>", "</u>", "<ul style=...>", "<br/>"):
 * returns its length, with the name at *name (*nlen bytes) and *closing set, or 0 when the text at
 * i is not such a tag (so "<5 persons" stays text). */
static size_t tag_at(const char *s, size_t n, size_t i, const char **name, size_t *nlen,
                     int *closing)
{
    size_t j = i + 1;
    if (at(s, n, i) != '<')
        return 0;
    *closing = at(s, n, j) == '/';
    if (*closing)
        j++;
    size_t start = j;
    while (oap_ascii_is_alnum(at(s, n, j)) || at(s, n, j) == ':')
        j++;
    if (j == start || !oap_ascii_is_alpha(at(s, n, start)))
        return 0;
    *name = s + start;
    *nlen = j - start;
    if (!tag_in(*name, *nlen, tags_break) && !tag_in(*name, *nlen, tags_inline) &&
        !tag_in(*name, *nlen, (const char *const[]){"ul", "ol", "li", NULL}))
        return 0;
    /* Attributes up to '>', on the same cell, without another '<'; bounded. */
    for (size_t k = 0; k < 400 && j < n; k++, j++) {
        if (s[j] == '>')
            return j + 1 - i;
        if (s[j] == '<')
            return 0;
    }
    return 0;
}

/* Decodes an entity at i ("&amp;", "&#8211;", "&nbsp;") into out; its length or 0. */
static size_t entity_at(const char *s, size_t n, size_t i, oap_strbuf *out)
{
    static const struct {
        const char *name, *text;
    } named[] = {{"amp", "&"},
                 {"lt", "<"},
                 {"gt", ">"},
                 {"quot", "\""},
                 {"apos", "'"},
                 {"nbsp", "\xC2\xA0"},
                 {"ndash", "\xE2\x80\x93"},
                 {"mdash", "\xE2\x80\x94"}};
    size_t j = i + 1;
    if (at(s, n, i) != '&')
        return 0;
    if (at(s, n, j) == '#') {
        unsigned long cp = 0;
        int hex = oap_ascii_lower(at(s, n, j + 1)) == 'x';
        j += hex ? 2 : 1;
        size_t digits = 0;
        for (; digits < 8; digits++, j++) {
            int c = at(s, n, j);
            if (oap_ascii_is_digit(c))
                cp = cp * (hex ? 16 : 10) + (unsigned long)(c - '0');
            else if (hex && oap_ascii_lower(c) >= 'a' && oap_ascii_lower(c) <= 'f')
                cp = cp * 16 + (unsigned long)(oap_ascii_lower(c) - 'a' + 10);
            else
                break;
        }
        if (digits == 0 || at(s, n, j) != ';' || cp == 0 || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        char u[4];
        oap_strbuf_putn(out, u, oap_utf8_encode((uint32_t)cp, u));
        return j + 1 - i;
    }
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
        size_t len = strlen(named[k].name);
        if (i + 1 + len < n && strncmp(s + i + 1, named[k].name, len) == 0 &&
            s[i + 1 + len] == ';') {
            oap_strbuf_putn(out, named[k].text, strlen(named[k].text));
            return len + 2;
        }
    }
    return 0;
}

/* Whether the list opened just before i has <li> items before it closes. */
static int list_has_items(const char *s, size_t n, size_t i)
{
    for (; i < n; i++) {
        if (s[i] != '<')
            continue;
        const char *name;
        size_t nlen, len;
        int closing;
        if ((len = tag_at(s, n, i, &name, &nlen, &closing)) == 0)
            continue;
        if (nlen == 2 && oap_ascii_lower((unsigned char)name[0]) == 'l' &&
            oap_ascii_lower((unsigned char)name[1]) == 'i')
            return 1;
        if (nlen == 2 &&
            (oap_ascii_lower((unsigned char)name[0]) == 'u' ||
             oap_ascii_lower((unsigned char)name[0]) == 'o') &&
            oap_ascii_lower((unsigned char)name[1]) == 'l')
            return 0; /* a nested or the closing list: items of the inner one do not count */
        i += len - 1;
    }
    return 0;
}

static void trim_blanks_end(oap_strbuf *b)
{
    size_t n = b->len;
    while (n > 0 && (b->s[n - 1] == ' ' || b->s[n - 1] == '\t'))
        n--;
    oap_strbuf_truncate(b, n);
}

/* Pass 1: markup to text with '\n' breaks; footnote markers out. */
static void unmark(oap_strbuf *out, const char *s, size_t n, const oap_import__footnotes *notes,
                   unsigned *marks, size_t *nmarks, size_t max_marks)
{
    enum { DEPTH = 32 };
    unsigned char inline_items[DEPTH];
    size_t depth = 0;
    size_t i = 0;
    while (i < n && !out->oom) {
        const char *name;
        size_t nlen, len, slen;
        int closing, digit;
        if (s[i] == '<' && (len = tag_at(s, n, i, &name, &nlen, &closing)) > 0) {
            int is_list = nlen == 2 && oap_ascii_lower((unsigned char)name[1]) == 'l' &&
                          (oap_ascii_lower((unsigned char)name[0]) == 'u' ||
                           oap_ascii_lower((unsigned char)name[0]) == 'o');
            int is_li = nlen == 2 && oap_ascii_lower((unsigned char)name[0]) == 'l' &&
                        oap_ascii_lower((unsigned char)name[1]) == 'i';
            if (is_list && !closing) {
                if (depth < DEPTH)
                    inline_items[depth] = (unsigned char)!list_has_items(s, n, i + len);
                depth++;
                oap_strbuf_putc(out, '\n');
            } else if (is_list) {
                if (depth > 0)
                    depth--;
                oap_strbuf_putc(out, '\n');
            } else if (is_li) {
                oap_strbuf_putn(out, closing ? "\n" : "\n- ", closing ? 1 : 3);
            } else if (tag_in(name, nlen, tags_break)) {
                oap_strbuf_putc(out, '\n');
            }
            i += len;
            continue;
        }
        if (s[i] == '&' && (len = entity_at(s, n, i, out)) > 0) {
            i += len;
            continue;
        }
        /* An item of a list written inline without <li>: " - item". */
        if (depth > 0 && depth <= DEPTH && inline_items[depth - 1] && s[i] == '-' &&
            at(s, n, i + 1) == ' ' &&
            (i == 0 || blank_at(s, n, i - 1) || s[i - 1] == '\n' || s[i - 1] == '>')) {
            trim_blanks_end(out);
            oap_strbuf_putn(out, "\n- ", 3);
            i += 2;
            continue;
        }
        if (notes && (digit = superscript_at(s, n, i, &slen)) >= 0) {
            /* A run of superscript digits is one footnote number. */
            unsigned number = 0;
            size_t j = i;
            int ok = 1;
            while ((digit = superscript_at(s, n, j, &slen)) >= 0) {
                if (number > 99999)
                    ok = 0;
                else
                    number = number * 10 + (unsigned)digit;
                j += slen;
            }
            if (ok && oap_import__footnote_find(notes, number)) {
                trim_blanks_end(out);
                size_t k = j;
                while (blank_at(s, n, k))
                    k += blank_at(s, n, k);
                int c = at(s, n, k);
                if (c == ',' || c == '.' || c == ';' || c == ':' || c == ')')
                    j = k;
                if (*nmarks < max_marks)
                    marks[(*nmarks)++] = number;
                i = j;
                continue;
            }
            oap_strbuf_putn(out, s + i, j - i);
            i = j;
            continue;
        }
        oap_strbuf_putc(out, s[i]);
        i++;
    }
}

/* " st", " nd", " rd", " th" as a word at i (i at the space). */
static int ordinal_after(const char *s, size_t n, size_t i)
{
    int a = oap_ascii_lower(at(s, n, i + 1)), b = oap_ascii_lower(at(s, n, i + 2));
    if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
          (a == 't' && b == 'h')))
        return 0;
    return !oap_ascii_is_alnum(at(s, n, i + 3));
}

char *oap_import__clean(const char *cell, const oap_import__footnotes *notes, unsigned *marks,
                        size_t *nmarks, size_t max_marks)
{
    oap_strbuf raw = OAP_STRBUF_INIT, out = OAP_STRBUF_INIT;
    size_t n = cell ? strlen(cell) : 0;
    if (nmarks && !marks)
        max_marks = 0;
    size_t dummy = 0;
    unmark(&raw, cell ? cell : "", n, nmarks ? notes : NULL, marks, nmarks ? nmarks : &dummy,
           max_marks);
    if (raw.oom) {
        oap_strbuf_free(&raw);
        return NULL;
    }
    /* Pass 2: collapse blanks, trim lines, drop empty ones, join "1 st". */
    const char *s = raw.s ? raw.s : "";
    size_t rn = raw.len, i = 0;
    while (i < rn) {
        size_t end = i;
        while (end < rn && s[end] != '\n')
            end++;
        size_t line_start = out.len;
        int pending = 0;
        for (size_t k = i; k < end;) {
            size_t b = blank_at(s, end, k);
            if (b) {
                pending = out.len > line_start;
                k += b;
                continue;
            }
            if (pending) {
                int after_digit = oap_ascii_is_digit((unsigned char)out.s[out.len - 1]);
                if (!(after_digit && ordinal_after(s, end, k - 1)))
                    oap_strbuf_putc(&out, ' ');
                pending = 0;
            }
            oap_strbuf_putc(&out, s[k]);
            k++;
        }
        if (out.len > line_start && !out.oom) {
            /* a kept line: separate it from the next one */
            oap_strbuf_putc(&out, '\n');
        }
        i = end + 1;
    }
    if (!out.oom && out.len > 0 && out.s[out.len - 1] == '\n')
        oap_strbuf_truncate(&out, out.len - 1);
    oap_strbuf_free(&raw);
    return oap_strbuf_take(&out);
}

/* ------------------------------------------------------------------ KPIs */

/* Length of a KPI marker at i ("KPI", "KPIs", "KPI's", then an optional ":" after blanks),
 * or 0. *colon is set when it ends with ':'. */
static size_t kpi_marker_at(const char *s, size_t n, size_t i, int *colon)
{
    if (!(at(s, n, i) == 'K' && at(s, n, i + 1) == 'P' && at(s, n, i + 2) == 'I'))
        return 0;
    if (i > 0 && oap_ascii_is_alnum((unsigned char)s[i - 1]))
        return 0;
    size_t j = i + 3;
    if (at(s, n, j) == 's')
        j++;
    else if (at(s, n, j) == '\'' && at(s, n, j + 1) == 's')
        j += 2;
    if (oap_ascii_is_alnum(at(s, n, j)))
        return 0;
    size_t k = j;
    while (at(s, n, k) == ' ')
        k++;
    *colon = at(s, n, k) == ':';
    return *colon ? k + 1 - i : j - i;
}

/* Whether a marker without a colon at i starts a line or a sentence. */
static int starts_sentence(const char *s, size_t i)
{
    size_t k = i;
    while (k > 0 && s[k - 1] == ' ')
        k--;
    if (k == 0 || s[k - 1] == '\n')
        return 1;
    int c = (unsigned char)s[k - 1];
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ')';
}

/* Position of the next KPI marker at or after i, or n. */
static size_t next_marker(const char *s, size_t n, size_t i, size_t *mlen)
{
    for (; i < n; i++) {
        int colon;
        size_t len = kpi_marker_at(s, n, i, &colon);
        if (len && (colon || starts_sentence(s, i))) {
            *mlen = len;
            return i;
        }
    }
    *mlen = 0;
    return n;
}

static int is_stopword(const char *w, size_t len)
{
    static const char *const words[] = {
        "a",       "an",     "the",   "of",      "to",        "in",      "on",      "at",
        "by",      "for",    "from",  "with",    "within",    "without", "into",    "onto",
        "via",     "per",    "and",   "or",      "nor",       "but",     "as",      "than",
        "between", "among",  "under", "over",    "about",     "across",  "through", "towards",
        "toward",  "during", "after", "before",  "including", "like",    "such",    "its",
        "their",   "his",    "her",   "our",     "your",      "this",    "that",    "these",
        "those",   "each",   "every", "all",     "both",      "new",     "other",   "non",
        "against", "upon",   "if",    "whether", "not",       "no",      NULL};
    for (size_t k = 0; words[k]; k++)
        if (strlen(words[k]) == len && memcmp(words[k], w, len) == 0)
            return 1;
    return 0;
}

/* Whether the conversion ran two lines together between the word ending at end (exclusive)
 * and the word starting at next: "organised Operational". */
static int run_together(const char *s, size_t n, size_t wstart, size_t wend, size_t next)
{
    if (wend - wstart < 2)
        return 0;
    for (size_t k = wstart; k < wend; k++) {
        int c = (unsigned char)s[k];
        if (!(oap_ascii_is_lower(c) || ((c == '-' || c == '\'') && k > wstart && k + 1 < wend)))
            return 0;
    }
    if (is_stopword(s + wstart, wend - wstart))
        return 0;
    if (!oap_ascii_is_upper(at(s, n, next)) || !oap_ascii_is_lower(at(s, n, next + 1)))
        return 0;
    /* A capitalised actor name ("Europol") is part of the sentence, not a new line. */
    size_t e = next;
    while (e < n && s[e] != ' ' && s[e] != '\n')
        e++;
    while (e > next && (s[e - 1] == '.' || s[e - 1] == ',' || s[e - 1] == ';' || s[e - 1] == ':'))
        e--;
    char word[64];
    if (e - next < sizeof word) {
        memcpy(word, s + next, e - next);
        word[e - next] = '\0';
        char *dash = strchr(word, '-');
        if (oap_actors_find(word))
            return 0;
        if (dash) { /* "Europol-wide" */
            *dash = '\0';
            if (oap_actors_find(word))
                return 0;
        }
    }
    return 1;
}

static int add_kpi_line(const char *s, size_t start, size_t end,
                        int (*add)(void *ctx, const char *kpi, size_t len), void *ctx)
{
    while (start < end && s[start] == ' ')
        start++;
    /* "KPI: a; KPI: b": the semicolon separates the two, it is not part of the first. */
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == ';'))
        end--;
    /* A bullet before the KPI. */
    if (end - start >= 2 && (s[start] == '-' || s[start] == '*') && s[start + 1] == ' ')
        start += 2;
    else if (end - start >= 4 && (unsigned char)s[start] == 0xE2 &&
             (unsigned char)s[start + 1] == 0x80 && (unsigned char)s[start + 2] == 0xA2 &&
             s[start + 3] == ' ')
        start += 4;
    /* Split where lines were run together. */
    size_t piece = start, w = start;
    while (w < end) {
        size_t we = w;
        while (we < end && s[we] != ' ')
            we++;
        if (we < end && run_together(s, end, w, we, we + 1)) {
            int rc = add(ctx, s + piece, we - piece);
            if (rc)
                return rc;
            piece = we + 1;
        }
        w = we < end ? we + 1 : end;
    }
    if (end > piece)
        return add(ctx, s + piece, end - piece);
    return 0;
}

int oap_import__split_kpis(const char *cell, char **target,
                           int (*add)(void *ctx, const char *kpi, size_t len), void *ctx)
{
    size_t n = strlen(cell), mlen;
    size_t m = next_marker(cell, n, 0, &mlen);
    size_t tend = m;
    *target = NULL;
    while (tend > 0 && (cell[tend - 1] == ' ' || cell[tend - 1] == '\n'))
        tend--;
    if (tend > 0) {
        *target = malloc(tend + 1);
        if (!*target)
            return OAP_ENOMEM;
        memcpy(*target, cell, tend);
        (*target)[tend] = '\0';
    }
    size_t i = m + mlen;
    while (i < n) {
        /* One line, cut at the further markers on it. */
        size_t end = i;
        while (end < n && cell[end] != '\n')
            end++;
        while (i <= end) {
            size_t next = next_marker(cell, end, i, &mlen);
            int rc = add_kpi_line(cell, i, next, add, ctx);
            if (rc)
                return rc;
            i = next < end ? next + mlen : end + 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ actors */

enum { TOK_WORD, TOK_SEP, TOK_OPEN, TOK_CLOSE, TOK_DOT };

typedef struct tok {
    int type;
    size_t start, end;
} tok;

enum { SPAN_MAX = 12, NAME_MAX = 160 };

static int word_is(const char *s, const tok *t, const char *word)
{
    size_t len = strlen(word);
    if (t->type != TOK_WORD || t->end - t->start != len)
        return 0;
    for (size_t k = 0; k < len; k++)
        if (oap_ascii_lower((unsigned char)s[t->start + k]) != word[k])
            return 0;
    return 1;
}

/* Words that a phrase of words matches at token i (skipping nothing); 0 when not. */
static size_t phrase_at(const char *s, const tok *t, size_t nt, size_t i, const char *const *words)
{
    size_t k = 0;
    for (; words[k]; k++)
        if (i + k >= nt || !word_is(s, &t[i + k], words[k]))
            return 0;
    return k;
}

static const char *const *const helper_phrases[] = {
    (const char *const[]){"in", "cooperation", "with", NULL},
    (const char *const[]){"in", "co-operation", "with", NULL},
    (const char *const[]){"in", "collaboration", "with", NULL},
    (const char *const[]){"with", "the", "support", "of", NULL},
    (const char *const[]){"with", "support", "of", NULL},
    (const char *const[]){"with", "the", "assistance", "of", NULL},
    (const char *const[]){"supported", "by", NULL},
    (const char *const[]){"assisted", "by", NULL},
    NULL};
static const char *const *const joining_phrases[] = {
    (const char *const[]){"as", "well", "as", NULL},
    (const char *const[]){"together", "with", NULL}, (const char *const[]){"and", NULL},
    (const char *const[]){"or", NULL}, NULL};

static size_t phrase_list_at(const char *s, const tok *t, size_t nt, size_t i,
                             const char *const *const *list)
{
    for (; *list; list++) {
        size_t k = phrase_at(s, t, nt, i, *list);
        if (k)
            return k;
    }
    return 0;
}

/* The registry entry named by tokens i..j, or NULL. */
static const oap_actor_info *span_actor(const char *s, const tok *t, size_t i, size_t j)
{
    char name[NAME_MAX];
    size_t len = t[j].end - t[i].start;
    if (len >= sizeof name)
        return NULL;
    if (i == j) {
        /* Short codes only in capitals: "it", "be", "to" are words, not countries. */
        size_t letters = t[i].end - t[i].start;
        if (letters <= 3)
            for (size_t k = t[i].start; k < t[i].end; k++)
                if (!oap_ascii_is_upper((unsigned char)s[k]))
                    return NULL;
    }
    memcpy(name, s + t[i].start, len);
    name[len] = '\0';
    return oap_actors_find(name);
}

/* Longest actor name starting at word i, within one item (no ';' or line break): its last
 * token in *j. */
static const oap_actor_info *match_at(const char *s, const tok *t, size_t nt, size_t i, size_t *j)
{
    size_t last = i;
    while (last + 1 < nt && last + 1 < i + SPAN_MAX) {
        const tok *u = &t[last + 1];
        if (u->type == TOK_SEP && s[u->start] != ',' && s[u->start] != '/')
            break;
        last++;
    }
    for (size_t k = last + 1; k-- > i;) {
        if (t[k].type != TOK_WORD && t[k].type != TOK_CLOSE)
            continue;
        const oap_actor_info *a = span_actor(s, t, i, k);
        if (a) {
            *j = k;
            return a;
        }
    }
    return NULL;
}

static int tokenize(const char *s, size_t n, tok **out, size_t *nout)
{
    size_t cap = 0, nt = 0;
    tok *t = NULL;
    size_t i = 0;
    while (i < n) {
        int c = (unsigned char)s[i];
        tok next;
        if (c == ' ' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        if (c == ',' || c == ';' || c == '/' || c == '&' || c == '\n' || c == ':') {
            next = (tok){TOK_SEP, i, i + 1};
            i++;
        } else if (c == '(' || c == '[') {
            next = (tok){TOK_OPEN, i, i + 1};
            i++;
        } else if (c == ')' || c == ']') {
            next = (tok){TOK_CLOSE, i, i + 1};
            i++;
        } else {
            size_t j = i;
            while (j < n && !strchr(" \t\r,;/&\n:()[]", s[j]))
                j++;
            size_t e = j;
            while (e > i && s[e - 1] == '.')
                e--;
            if (e > i) {
                if (OAP_ARRAY_RESERVE(t, cap, nt + 1) < 0) {
                    free(t);
                    return OAP_ENOMEM;
                }
                t[nt++] = (tok){TOK_WORD, i, e};
            }
            if (e < j)
                next = (tok){TOK_DOT, e, j};
            else {
                i = j;
                continue;
            }
            i = j;
        }
        if (OAP_ARRAY_RESERVE(t, cap, nt + 1) < 0) {
            free(t);
            return OAP_ENOMEM;
        }
        t[nt++] = next;
    }
    *out = t;
    *nout = nt;
    return 0;
}

int oap_import__split_actors(const char *cell, int leader, const oap_import__actor_cb *cb)
{
    size_t n = strlen(cell), nt;
    tok *t;
    int rc = tokenize(cell, n, &t, &nt);
    if (rc)
        return rc;
    int helper = 0;
    const char *prev = NULL; /* the known actor this item has so far */
    size_t i = 0;
    while (i < nt && rc == 0) {
        size_t k;
        if (t[i].type == TOK_SEP) {
            prev = NULL;
            i++;
            continue;
        }
        if (t[i].type == TOK_DOT || t[i].type == TOK_CLOSE) {
            i++;
            continue;
        }
        if (t[i].type == TOK_OPEN) {
            /* Brackets that no name spans: a remark on what precedes. */
            size_t j = i, depth = 0;
            for (; j < nt; j++) {
                if (t[j].type == TOK_OPEN)
                    depth++;
                else if (t[j].type == TOK_CLOSE && --depth == 0)
                    break;
            }
            size_t end = j < nt ? t[j].end : n;
            rc = cb->dropped(cb->ctx, cell + t[i].start, end - t[i].start, prev);
            i = j < nt ? j + 1 : nt;
            continue;
        }
        if ((k = phrase_list_at(cell, t, nt, i, helper_phrases)) > 0) {
            helper = leader;
            prev = NULL;
            i += k;
            continue;
        }
        if ((k = phrase_list_at(cell, t, nt, i, joining_phrases)) > 0) {
            prev = NULL;
            i += k;
            continue;
        }
        size_t j;
        const oap_actor_info *a = match_at(cell, t, nt, i, &j);
        if (a) {
            rc = cb->actor(cb->ctx, a->code, strlen(a->code), helper);
            prev = a->code;
            i = j + 1;
            continue;
        }
        /* Words that name no actor, up to where one starts or the item ends. */
        size_t last = i;
        while (last + 1 < nt && (t[last + 1].type == TOK_WORD || t[last + 1].type == TOK_DOT)) {
            size_t dummy;
            if (t[last + 1].type == TOK_WORD &&
                (match_at(cell, t, nt, last + 1, &dummy) ||
                 phrase_list_at(cell, t, nt, last + 1, joining_phrases) ||
                 phrase_list_at(cell, t, nt, last + 1, helper_phrases)))
                break;
            last++;
        }
        while (last > i && t[last].type == TOK_DOT)
            last--;
        size_t start = t[i].start, end = t[last].end;
        if (prev)
            rc = cb->dropped(cb->ctx, cell + start, end - start, prev);
        else
            rc = cb->actor(cb->ctx, cell + start, end - start, helper);
        i = last + 1;
    }
    free(t);
    return rc;
}

/* ------------------------------------------------------------------ small readers */

void oap_import__quote(char out[80], const char *s, size_t n)
{
    size_t len = 0;
    while (len < n && s[len] != '\n')
        len++;
    int cut = len < n;
    if (len > 60) {
        len = 60;
        len = oap_utf8_cut(s, len);
        cut = 1;
    }
    memcpy(out, s, len);
    strcpy(out + len, cut ? "..." : "");
}

const char *oap_import__marking(const char *line, size_t len)
{
    static const char *const markings[] = {"RESTREINT UE/EU RESTRICTED",
                                           "CONFIDENTIEL UE/EU CONFIDENTIAL",
                                           "SECRET UE/EU SECRET",
                                           "TRES SECRET UE/EU TOP SECRET",
                                           "TRÈS SECRET UE/EU TOP SECRET",
                                           "RESTREINT UE",
                                           "EU RESTRICTED",
                                           "CONFIDENTIEL UE",
                                           "LIMITE",
                                           NULL};
    /* Trim blanks and bold markup ("**LIMITE**"). */
    while (len > 0 && (*line == ' ' || *line == '\t' || *line == '*'))
        line++, len--;
    while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '*' ||
                       line[len - 1] == '\r'))
        len--;
    for (size_t k = 0; markings[k]; k++) {
        const char *m = markings[k];
        size_t i = 0, j = 0;
        /* Compare ignoring case and runs of blanks. */
        while (i < len && m[j]) {
            if (line[i] == ' ' && m[j] == ' ') {
                while (i < len && line[i] == ' ')
                    i++;
                j++;
                continue;
            }
            if (oap_ascii_lower((unsigned char)line[i]) != oap_ascii_lower((unsigned char)m[j]))
                break;
            i++;
            j++;
        }
        if (i == len && !m[j])
            return m;
    }
    return NULL;
}

int oap_import__directorate_line(const char *line, size_t len)
{
    if (len > 120)
        return 0;
    while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
        len--;
    /* The language code: two capitals after a blank. */
    if (len < 4 || !oap_ascii_is_upper((unsigned char)line[len - 1]) ||
        !oap_ascii_is_upper((unsigned char)line[len - 2]) ||
        (line[len - 3] != ' ' && line[len - 3] != '\t'))
        return 0;
    /* "DG", a word of its own, then a word of one or two capitals. */
    for (size_t i = 0; i + 4 < len; i++) {
        int starts = i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t';
        if (!starts || line[i] != 'D' || line[i + 1] != 'G' ||
            (line[i + 2] != ' ' && line[i + 2] != '\t'))
            continue;
        size_t j = i + 2;
        while (j < len && (line[j] == ' ' || line[j] == '\t'))
            j++;
        size_t k = j;
        while (k < len && oap_ascii_is_upper((unsigned char)line[k]))
            k++;
        if (k > j && k - j <= 2 && (k == len || line[k] == ' ' || line[k] == '\t'))
            return 1;
    }
    return 0;
}
