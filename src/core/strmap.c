/* strmap: string -> index, open addressing; used to build, never on analysis paths. */
#include "strmap.h"

#include "oapgraph/common.h"

#include <stdlib.h>
#include <string.h>

uint64_t oap_strmap_hash_more(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t oap_strmap_hash(const char *s)
{
    return oap_strmap_hash_more(1469598103934665603ull, s, strlen(s));
}

static int grow(oap_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    const char **keys = calloc(cap, sizeof *keys);
    uint32_t *values = calloc(cap, sizeof *values);
    uint64_t *hashes = calloc(cap, sizeof *hashes);
    if (!keys || !values || !hashes) {
        free(keys);
        free(values);
        free(hashes);
        return OAP_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = m->hashes[i] & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        values[j] = m->values[i];
        hashes[j] = m->hashes[i];
    }
    free(m->keys);
    free(m->values);
    free(m->hashes);
    m->keys = keys;
    m->values = values;
    m->hashes = hashes;
    m->cap = cap;
    return 0;
}

int oap_strmap_put(oap_strmap *m, const char *key, uint32_t value, uint32_t *existing)
{
    if ((m->n + 1) * 2 > m->cap && grow(m) < 0)
        return OAP_ENOMEM;
    uint64_t h = oap_strmap_hash(key);
    size_t j = h & (m->cap - 1);
    while (m->keys[j]) {
        if (m->hashes[j] == h && strcmp(m->keys[j], key) == 0) {
            if (existing)
                *existing = m->values[j];
            return 0;
        }
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->values[j] = value;
    m->hashes[j] = h;
    m->n++;
    return 1;
}

int oap_strmap_get_hashed(const oap_strmap *m, const char *key, uint64_t hash, uint32_t *value)
{
    if (m->cap == 0)
        return 0;
    size_t j = hash & (m->cap - 1);
    while (m->keys[j]) {
        if (m->hashes[j] == hash && strcmp(m->keys[j], key) == 0) {
            if (value)
                *value = m->values[j];
            return 1;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

/* The slot of key, or SIZE_MAX when absent. */
static size_t slot(const oap_strmap *m, const char *key)
{
    if (m->cap == 0)
        return SIZE_MAX;
    uint64_t h = oap_strmap_hash(key);
    for (size_t j = h & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1))
        if (m->hashes[j] == h && strcmp(m->keys[j], key) == 0)
            return j;
    return SIZE_MAX;
}

uint32_t *oap_strmap_value(oap_strmap *m, const char *key)
{
    size_t j = slot(m, key);
    return j == SIZE_MAX ? NULL : &m->values[j];
}

const char *oap_strmap_key(const oap_strmap *m, const char *key)
{
    size_t j = slot(m, key);
    return j == SIZE_MAX ? NULL : m->keys[j];
}

int oap_strmap_get(const oap_strmap *m, const char *key, uint32_t *value)
{
    return m->cap ? oap_strmap_get_hashed(m, key, oap_strmap_hash(key), value) : 0;
}

void oap_strmap_free(oap_strmap *m)
{
    free(m->keys);
    free(m->values);
    free(m->hashes);
    *m = (oap_strmap)OAP_STRMAP_INIT;
}
