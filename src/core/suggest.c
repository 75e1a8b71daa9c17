/* suggest: "did you mean" by edit distance, shared by keys, actors and refs. */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

/* Longest b whose rows oap_suggest_distance keeps on the stack. */
#define SHORT_WORD 32

static int fold(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

size_t oap_suggest_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    /* Three rows of the dynamic programme (optimal string alignment), so that a swap of
     * two neighbours, the commonest typo ("yaer"), costs one edit, not two. Rows for a
     * short b (a month name, a key, a rule id) fit on the stack, so a caller that promises
     * not to allocate (the timing reader) can ask too. */
    size_t small[3 * (SHORT_WORD + 1)];
    size_t *rows = lb <= SHORT_WORD ? small : malloc(3 * (lb + 1) * sizeof *rows);
    size_t result = limit + 1;
    if (!rows)
        return result;
    size_t *before = rows, *prev = rows + (lb + 1), *cur = rows + 2 * (lb + 1);
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            int ca = fold((unsigned char)a[i - 1]), cb = fold((unsigned char)b[j - 1]);
            size_t best = prev[j - 1] + (ca == cb ? 0 : 1);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && ca == fold((unsigned char)b[j - 2]) &&
                fold((unsigned char)a[i - 2]) == cb && before[j - 2] + 1 < best)
                best = before[j - 2] + 1;
            cur[j] = best;
            if (best < row_min)
                row_min = best;
        }
        if (row_min > limit)
            goto done;
        size_t *tmp = before;
        before = prev;
        prev = cur;
        cur = tmp;
    }
    result = prev[lb] <= limit ? prev[lb] : limit + 1;
done:
    if (rows != small)
        free(rows);
    return result;
}

/* The nearest candidate, or NULL when none is near enough; *ties counts the others as
 * near (as distinct strings). */
static const char *nearest(const char *word, const char *const *candidates, size_t n, size_t *ties)
{
    size_t len = strlen(word);
    size_t limit = len / 3;
    if (limit < 1)
        limit = 1;
    if (limit > 3)
        limit = 3;
    const char *best = NULL;
    size_t best_distance = limit + 1;
    *ties = 0;
    for (size_t i = 0; i < n; i++) {
        size_t d = oap_suggest_distance(word, candidates[i], limit);
        if (d < best_distance) {
            best_distance = d;
            best = candidates[i];
            *ties = 0;
        } else if (d == best_distance && best && strcmp(best, candidates[i]) != 0) {
            (*ties)++;
        }
    }
    return best;
}

const char *oap_suggest_nearest(const char *word, const char *const *candidates, size_t n)
{
    size_t ties;
    return nearest(word, candidates, n, &ties);
}

const char *oap_suggest_unique(const char *word, const char *const *candidates, size_t n)
{
    size_t ties;
    const char *best = nearest(word, candidates, n, &ties);
    return ties ? NULL : best;
}
