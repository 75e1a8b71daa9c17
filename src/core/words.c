/* words: plan text as case- and accent-folded words without stop words, for comparing. */
#include "words.h"

#include "utf8.h"

#include <string.h>

/* English plan language that says nothing about what an action is about. Sorted, for
 * binary search. Frequent subject words ("workshop", "risk") are kept: rarity weighting
 * makes them count little, and they still tell two actions apart from a third. */
static const char *const stop_words[] = {
    "a",       "about",    "above",     "according", "actions",  "activities", "activity",
    "after",   "aim",      "aiming",    "all",       "also",     "an",         "and",
    "any",     "are",      "as",        "at",        "based",    "be",         "been",
    "being",   "between",  "both",      "bring",     "bringing", "but",        "by",
    "can",     "carried",  "carry",     "could",     "do",       "done",       "due",
    "during",  "each",     "ensure",    "eu",        "european", "for",        "from",
    "further", "had",      "has",       "have",      "in",       "including",  "into",
    "involve", "involved", "involving", "is",        "it",       "its",        "level",
    "make",    "making",   "may",       "member",    "more",     "most",       "ms",
    "mss",     "no",       "not",       "number",    "of",       "on",         "one",
    "or",      "order",    "other",     "out",       "over",     "particular", "possible",
    "provide", "provided", "relevant",  "same",      "shall",    "share",      "sharing",
    "should",  "so",       "state",     "states",    "such",     "take",       "taking",
    "than",    "that",     "the",       "their",     "them",     "then",       "there",
    "these",   "they",     "this",      "those",     "through",  "to",         "together",
    "under",   "union",    "up",        "upon",      "use",      "used",       "using",
    "very",    "via",      "was",       "well",      "were",     "what",       "when",
    "where",   "whether",  "which",     "while",     "who",      "will",       "with",
    "within",  "would",
};

int oap_words_is_stop(const char *word, size_t len)
{
    if (len > 10) /* the longest stop word, "activities" */
        return 0;
    size_t lo = 0, hi = sizeof stop_words / sizeof stop_words[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(stop_words[mid], word, len);
        if (c == 0 && stop_words[mid][len] != '\0')
            c = 1;
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Latin-1 Supplement and Latin Extended-A letters (U+00C0..U+017F) to their base letter,
 * lower case; 0 for the few that are not letters (multiplication and division signs). */
static const char latin_base[] = "aaaaaaaceeeeiiii"  /* C0 */
                                 "dnooooo\0ouuuuyts" /* D0 */
                                 "aaaaaaaceeeeiiii"  /* E0 */
                                 "dnooooo\0ouuuuyty" /* F0 */
                                 "aaaaaaccccccccdd"  /* 100 */
                                 "ddeeeeeeeeeegggg"  /* 110 */
                                 "gggghhhhiiiiiiii"  /* 120 */
                                 "iijjjjkkklllllll"  /* 130 */
                                 "lllnnnnnnnnnoooo"  /* 140 */
                                 "oooorrrrrrssssss"  /* 150 */
                                 "ssttttttuuuuuuuu"  /* 160 */
                                 "uuuuwwyyyzzzzzzs"; /* 170 */

/* Whether a code point is part of a word: letters and digits; punctuation, symbols,
 * spaces, superscript footnote marks and undecodable bytes separate words. */
static int word_char(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
        return 0;
    if (cp >= 0x2000 && cp <= 0x2BFF) /* punctuation, super/subscripts, symbols, arrows */
        return 0;
    if (cp >= 0x3000 && cp <= 0x303F)
        return 0;
    return 1;
}

/* One of the two callbacks, as the caller asked. */
typedef struct sink {
    void (*word)(void *ctx, const char *w, size_t len);
    void (*written)(void *ctx, const char *w, size_t len, const oap_words_written *at);
    void *ctx;
} sink;

size_t oap_words_written_form(const oap_words_written *at, char *form, size_t size)
{
    size_t wlen = at->len;
    if (size == 0)
        return 0;
    if (wlen >= size)
        wlen = size - 1;
    memcpy(form, at->start, wlen);
    form[wlen] = '\0';
    /* The capital that only begins a sentence ("Witnesses are heard"), which a quote in
     * the middle of a message lowers; a word in capitals or with capitals inside ("HIO",
     * "FIMATHU", "eCall") is kept. */
    const char *p = at->start, *text = at->text;
    while (p > text && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '"' || p[-1] == '('))
        p--;
    int begins = p == text || p[-1] == '.' || p[-1] == '!' || p[-1] == '?' || p[-1] == ':' ||
                 p[-1] == '\n' || p[-1] == ';';
    int inner = 0;
    for (size_t k = 1; k < wlen; k++)
        if (form[k] >= 'A' && form[k] <= 'Z')
            inner = 1;
    if (begins && !inner && form[0] >= 'A' && form[0] <= 'Z')
        form[0] = (char)(form[0] + 32);
    return wlen;
}

static void split(const char *text, int flags, const sink *out)
{
    char buf[OAP_WORDS_MAX + 8];
    size_t len = 0;
    int digits_only = 1, too_long = 0;
    const unsigned char *s = (const unsigned char *)text, *start = s;
    for (;;) {
        uint32_t cp = *s;
        size_t n = cp != 0;
        /* Plan text is mostly ASCII: only other bytes go through the decoder. */
        if (cp >= 0x80 && (n = oap_utf8_decode((const char *)s, 4, &cp)) == 0)
            n = 1; /* a byte that is not UTF-8: U+FFFD, which separates words */
        if (n && word_char(cp)) {
            if (len == 0)
                start = s;
            char folded[4];
            size_t fl = 0;
            if (cp < 0x80) {
                folded[fl++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
                if (cp < '0' || cp > '9')
                    digits_only = 0;
            } else if (cp >= 0xC0 && cp <= 0x17F && latin_base[cp - 0xC0]) {
                folded[fl++] = latin_base[cp - 0xC0];
                digits_only = 0;
            } else {
                memcpy(folded, s, n);
                fl = n;
                digits_only = 0;
            }
            if (len + fl <= OAP_WORDS_MAX) {
                memcpy(buf + len, folded, fl);
                len += fl;
            } else {
                too_long = 1;
            }
            s += n;
            continue;
        }
        /* A word ends: numbers, one-letter words, stop words and overlong runs say
         * nothing about the subject. A plural s is dropped ("operations"). */
        if (len > 1 && !digits_only && !too_long) {
            if (len > 4 && memcmp(buf + len - 3, "ies", 3) == 0)
                buf[(len -= 2) - 1] = 'y';
            else if (len > 3 && buf[len - 1] == 's' && buf[len - 2] != 's' && buf[len - 2] != 'u' &&
                     buf[len - 2] != 'i')
                len--;
            buf[len] = '\0';
            int keep = (flags & OAP_WORDS_KEEP_STOP) || !oap_words_is_stop(buf, len);
            if (keep && out->written)
                out->written(out->ctx, buf, len,
                             &(oap_words_written){text, (const char *)start, (size_t)(s - start)});
            else if (keep)
                out->word(out->ctx, buf, len);
        }
        len = 0;
        digits_only = 1;
        too_long = 0;
        if (!n)
            break;
        s += n;
    }
}

void oap_words_split(const char *text, int flags,
                     void (*word)(void *ctx, const char *w, size_t len), void *ctx)
{
    split(text, flags, &(sink){.word = word, .ctx = ctx});
}

void oap_words_split_written(const char *text, int flags,
                             void (*word)(void *ctx, const char *w, size_t len,
                                          const oap_words_written *at),
                             void *ctx)
{
    split(text, flags, &(sink){.written = word, .ctx = ctx});
}
