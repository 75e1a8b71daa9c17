/* suggest: "did you mean" by edit distance, shared by keys, actors and refs. */
#ifndef OAP_CORE_SUGGEST_H
#define OAP_CORE_SUGGEST_H

#include "oapgraph/common.h"

#include <stddef.h>

/* Edit distance (insertions, deletions, substitutions, swaps of neighbours) between a and b,
 * compared case-insensitively (ASCII), or limit + 1 as soon as the distance is known to exceed
 * limit. Allocates nothing when b is at most 32 bytes long. */
size_t oap_suggest_distance(const char *a, const char *b, size_t limit);

/* oap_suggest_nearest, the nearest candidate for a "did you mean", is public
 * (oapgraph/common.h): the program suggests commands and options with it too. */

/* The same, but NULL also when another candidate is as near: among ids that differ in one
 * character ("JAD-2024-MED", "JAD-2024-MDE"), a "did you mean" that picks one of several
 * equally near would mislead. */
const char *oap_suggest_unique(const char *word, const char *const *candidates, size_t n);

#endif
