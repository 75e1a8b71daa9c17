/* strmap: string -> index, open addressing; used to build, never on analysis paths. */
#ifndef OAP_CORE_STRMAP_H
#define OAP_CORE_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct oap_strmap {
    const char **keys; /* borrowed: the caller keeps them alive */
    uint32_t *values;
    size_t cap, n;
} oap_strmap;

#define OAP_STRMAP_INIT                                                                            \
    {                                                                                              \
        NULL, NULL, 0, 0                                                                           \
    }

/* Inserts key -> value unless key is present. Returns 1 when inserted, 0 when the
 * key was already there (*existing gets its value, if not NULL), OAP_ENOMEM. */
int oap_strmap_put(oap_strmap *m, const char *key, uint32_t value, uint32_t *existing);
/* Returns 1 and fills *value when key is present, else 0. */
int oap_strmap_get(const oap_strmap *m, const char *key, uint32_t *value);
void oap_strmap_free(oap_strmap *m);

#endif
