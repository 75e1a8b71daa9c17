/* strmap: string -> index, open addressing; used to build, never on analysis paths. */
#ifndef OAP_CORE_STRMAP_H
#define OAP_CORE_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct oap_strmap {
    const char **keys; /* borrowed: the caller keeps them alive */
    uint32_t *values;
    uint64_t *hashes; /* of each key: a probe compares strings only when these agree */
    size_t cap, n;
} oap_strmap;

#define OAP_STRMAP_INIT                                                                            \
    {                                                                                              \
        NULL, NULL, NULL, 0, 0                                                                     \
    }

/* The hash the map uses (64-bit FNV-1a): of a string, and of the n bytes at s appended
 * to a string whose hash is h, so that a key built piece by piece (a JSON pointer) is
 * hashed piece by piece. oap_strmap_hash_more(oap_strmap_hash(""), s, strlen(s)) is
 * oap_strmap_hash(s). */
uint64_t oap_strmap_hash(const char *s);
uint64_t oap_strmap_hash_more(uint64_t h, const char *s, size_t n);

/* Inserts key -> value unless key is present. Returns 1 when inserted, 0 when the
 * key was already there (*existing gets its value, if not NULL), OAP_ENOMEM. */
int oap_strmap_put(oap_strmap *m, const char *key, uint32_t value, uint32_t *existing);
/* Returns 1 and fills *value when key is present, else 0. */
int oap_strmap_get(const oap_strmap *m, const char *key, uint32_t *value);
/* Where the map holds key's value, to change it; NULL when key is absent. */
uint32_t *oap_strmap_value(oap_strmap *m, const char *key);
/* The key as the map holds it (the pointer put), or NULL when absent. */
const char *oap_strmap_key(const oap_strmap *m, const char *key);
/* oap_strmap_get with the key's hash known (oap_strmap_hash of key). */
int oap_strmap_get_hashed(const oap_strmap *m, const char *key, uint64_t hash, uint32_t *value);
void oap_strmap_free(oap_strmap *m);

#endif
