/* wdiff: what changed between two texts, word by word. */
#ifndef OAP_CORE_WDIFF_H
#define OAP_CORE_WDIFF_H

#include <stddef.h>

typedef enum oap_wdiff_op {
    OAP_WDIFF_SAME,     /* words both texts have, here */
    OAP_WDIFF_DELETED,  /* words of the old text the new one does not have */
    OAP_WDIFF_INSERTED, /* words of the new text the old one did not have */
} oap_wdiff_op;

/* A run of words of one kind: bytes [start, start + len) of the new text (SAME,
 * INSERTED) or of the old one (DELETED), from the first byte of its first word to the
 * last of its last, with the space between them as written. */
typedef struct oap_wdiff_run {
    oap_wdiff_op op;
    size_t start, len;
    size_t words;
} oap_wdiff_run;

typedef struct oap_wdiff {
    oap_wdiff_run *runs; /* in reading order; a DELETED run before the INSERTED one that
                          * takes its place */
    size_t n, cap;
    /* The texts differ too much to be compared within OAP_WDIFF_MAX_WORK: some part is
     * given as all deleted and all inserted, though it may share words. */
    int capped;
} oap_wdiff;

#define OAP_WDIFF_INIT                                                                             \
    {                                                                                              \
        NULL, 0, 0, 0                                                                              \
    }

/* Comparisons of words a difference may spend: texts as long as a plan's get their
 * shortest difference; two long texts with little in common (two different 1 MB
 * descriptions) give up on the part that costs too much rather than take minutes. */
#define OAP_WDIFF_MAX_WORK (1u << 22)

/* Words are the runs of characters between white space (space, tab, line breaks, the
 * no-break space), compared byte for byte: "Frontex," and "Frontex" differ. The runs
 * are a shortest difference (Myers' O(ND) algorithm in linear space, with an explicit
 * stack: no recursion), the common start and end taken off first. Texts that differ only
 * in white space have one SAME run (or none, when both have no words). Either text may
 * be NULL (no text). Fills *d (OAP_WDIFF_INIT or a difference to reuse); returns 0 or
 * OAP_ENOMEM. */
int oap_wdiff_compute(oap_wdiff *d, const char *old_text, const char *new_text);
void oap_wdiff_free(oap_wdiff *d);

/* Whether d has any change: a DELETED or INSERTED run. */
int oap_wdiff_changed(const oap_wdiff *d);

/* The next word of the n bytes at s: skips white space, sets *start to the word's first
 * byte (an offset from s) and returns its length; 0 when no word is left. For showing a
 * long run in part. */
size_t oap_wdiff_next_word(const char *s, size_t n, size_t *start);

#endif
