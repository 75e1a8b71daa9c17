/* common.h: version and error codes shared by every part of the API. */
#ifndef OAPGRAPH_COMMON_H
#define OAPGRAPH_COMMON_H

#include "oapgraph/export.h"
#include "oapgraph/version.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Functions that can fail return 0 or one of these. */
enum {
    OAP_OK = 0,
    OAP_ENOMEM = -1, /* out of memory */
    OAP_EIO = -2,    /* a file could not be read or written */
    OAP_EINVAL = -3, /* an argument is not valid */
    OAP_ELIMIT = -4  /* an input exceeds a configured limit */
};

/* A static description of an error code; never allocates. */
OAP_EXTERN const char *oap_strerror(int code);

/* The version of the library that runs ("0.1.0"), which may be newer than the
 * OAPGRAPH_VERSION of the headers a program was compiled against. */
OAP_EXTERN const char *oap_version(void);

/* The candidate nearest to word by edit distance (insertions, deletions, substitutions,
 * swaps of neighbours; ASCII case ignored), or NULL when none is close enough to be a
 * plausible typo (at most a third of the word's length, at least 1, at most 3 edits):
 * the "did you mean" of keys, rules, commands and options. Ties go to the earlier one. */
OAP_EXTERN const char *oap_suggest_nearest(const char *word, const char *const *candidates,
                                           size_t n);

#ifdef __cplusplus
}
#endif

#endif
