/* words: plan text as case- and accent-folded words without stop words, for comparing. */
#ifndef OAP_CORE_WORDS_H
#define OAP_CORE_WORDS_H

#include <stddef.h>

#define OAP_WORDS_MAX 48 /* longer runs are not words (identifiers, pasted junk) */

enum {
    OAP_WORDS_KEEP_STOP = 1 /* keep stop words (a caller that caches the test per word) */
};

/* Calls word(ctx, w, len) for each word of text in order: letters and digits, lower
 * case, Latin accents folded ("Décembre" -> "decembre"), a plural "s" dropped, with
 * numbers, one-letter words and (unless flags has OAP_WORDS_KEEP_STOP) English stop
 * words left out. w is NUL-terminated and valid only during the call. Any bytes are
 * safe; invalid UTF-8 separates words. */
void oap_words_split(const char *text, int flags,
                     void (*word)(void *ctx, const char *w, size_t len), void *ctx);

/* Where a word stands in its text: len bytes at start, within text. */
typedef struct oap_words_written {
    const char *text, *start;
    size_t len;
} oap_words_written;

/* oap_words_split, where word also gets where the word stands in the text, from which
 * oap_words_written_form makes it as the text writes it (valid during the call only). */
void oap_words_split_written(const char *text, int flags,
                             void (*word)(void *ctx, const char *w, size_t len,
                                          const oap_words_written *at),
                             void *ctx);

/* The word as text writes it, NUL-terminated in form (cut to size - 1 bytes); returns its
 * length: its case, accents and plural "s", for messages that quote the plan rather than
 * the folded form ("witnesses", not "witnesse"); only the capital that begins a sentence
 * is lowered ("Witnesses are ..."), since the quote stands mid-sentence. Made only when
 * asked, as most words are seen before. */
size_t oap_words_written_form(const oap_words_written *at, char *form, size_t size);

/* Non-zero when the folded word is a stop word. */
int oap_words_is_stop(const char *word, size_t len);

#endif
