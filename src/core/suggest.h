/* suggest: "did you mean" by edit distance, shared by keys, actors and refs. */
#ifndef OAP_CORE_SUGGEST_H
#define OAP_CORE_SUGGEST_H

#include <stddef.h>

/* Edit distance (insertions, deletions, substitutions, swaps of neighbours) between a and b,
 * compared case-insensitively (ASCII), or limit + 1 as soon as the distance is known to exceed
 * limit. Allocates nothing when b is at most 32 bytes long. */
size_t oap_suggest_distance(const char *a, const char *b, size_t limit);

/* The candidate nearest to word, or NULL when none is close enough to be a
 * plausible typo (distance at most a third of the word's length, at least 1,
 * at most 3). Ties go to the earlier candidate. */
const char *oap_suggest_nearest(const char *word, const char *const *candidates, size_t n);

/* The same, but NULL also when another candidate is as near: among ids that differ in one
 * character ("JAD-2024-MED", "JAD-2024-MDE"), a "did you mean" that picks one of several
 * equally near would mislead. */
const char *oap_suggest_unique(const char *word, const char *const *candidates, size_t n);

#endif
