/* fingerprint: what identifies a finding across runs, for baselines and SARIF. */
#include "oapgraph/common.h"
#include "oapgraph/diag.h"
#include "diag.h"
#include "fingerprint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FNV_PRIME 0x100000001b3ULL

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

uint64_t oap_fnv_field(uint64_t h, const char *s)
{
    return fnv(h, s ? s : "", strlen(s ? s : "") + 1);
}

const char *oap_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* What a finding is about: its plan id (the base name of its file when it has no plan),
 * and its node; a pair is both nodes, qualified ("2012-C:2.1") and sorted, so that it is
 * the same finding whichever of the two it was reported at. */
static uint64_t hash_subject(uint64_t h, const oap_diag *d)
{
    if (!*d->related) {
        h = oap_fnv_field(h, *d->plan ? d->plan : oap_base_name(d->file));
        return oap_fnv_field(h, d->node);
    }
    /* The node, qualified as related is. */
    char node[256];
    snprintf(node, sizeof node, "%s:%s", d->plan, d->node);
    const char *first = node, *second = d->related;
    if (strcmp(first, second) > 0) {
        first = d->related;
        second = node;
    }
    h = oap_fnv_field(h, first);
    return oap_fnv_field(h, second);
}

static uint64_t hash_diag(const oap_diag *d, const char *subject)
{
    uint64_t h = OAP_FNV_OFFSET;
    h = oap_fnv_field(h, d->rule);
    h = *subject ? oap_fnv_field(h, subject) : hash_subject(h, d);
    return oap_fnv_field(h, d->key);
}

typedef struct keyed {
    uint64_t hash;
    size_t index;
} keyed;

static int cmp_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

int oap_diags_fingerprints(oap_fingerprint **out, const oap_diags *diags)
{
    int rc = 0;
    size_t n = oap_diags_count(diags);
    keyed *keys = NULL;
    *out = NULL;
    if (n == 0)
        return 0;
    oap_fingerprint *fps = calloc(n, sizeof *fps);
    keys = malloc(n * sizeof *keys);
    if (!fps || !keys) {
        free(fps);
        rc = OAP_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        keys[i] = (keyed){hash_diag(oap_diags_at(diags, i), oap_diags_subject(diags, i)), i};
    /* Identical findings: the first keeps the bare hash, the k-th gets ":k". */
    qsort(keys, n, sizeof *keys, cmp_keyed);
    size_t ordinal = 1;
    for (size_t i = 0; i < n; i++) {
        ordinal = i > 0 && keys[i].hash == keys[i - 1].hash ? ordinal + 1 : 1;
        char *text = fps[keys[i].index].text;
        if (ordinal == 1)
            snprintf(text, OAP_FINGERPRINT_SIZE, "%016llx", (unsigned long long)keys[i].hash);
        else
            snprintf(text, OAP_FINGERPRINT_SIZE, "%016llx:%zu", (unsigned long long)keys[i].hash,
                     ordinal);
    }
    *out = fps;
done:
    free(keys);
    return rc;
}
