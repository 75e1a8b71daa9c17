/* text: words of plan text, case- and accent-folded, without stop words, for comparing. */
#ifndef OAP_CORE_TEXT_H
#define OAP_CORE_TEXT_H

#include <stddef.h>

#define OAP_TEXT_WORD_MAX 48 /* longer runs are not words (identifiers, pasted junk) */

enum {
    OAP_TEXT_STOP_WORDS = 1 /* keep stop words (a caller that caches the test per word) */
};

/* Calls word(ctx, w, len) for each word of text in order: letters and digits, lower
 * case, Latin accents folded ("Décembre" -> "decembre"), a plural "s" dropped, with
 * numbers, one-letter words and (unless flags has OAP_TEXT_STOP_WORDS) English stop
 * words left out. w is NUL-terminated and valid only during the call. Any bytes are
 * safe; invalid UTF-8 separates words. */
void oap_text_words(const char *text, int flags, void (*word)(void *ctx, const char *w, size_t len),
                    void *ctx);

/* Non-zero when the folded word is a stop word. */
int oap_text_is_stop_word(const char *word, size_t len);

#endif
