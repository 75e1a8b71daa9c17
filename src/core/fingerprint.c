/* fingerprint: what identifies a finding across runs, for baselines and SARIF. */
#include "oapgraph/common.h"
#include "oapgraph/diag.h"
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

/* The file names of the run that contain a folder; messages name them in full ("also
 * used by plans/a.oap.json") and the hash reads them as base names. */
typedef struct pathset {
    const char **items;
    size_t n;
} pathset;

static int pathset_build(pathset *ps, const oap_diags *diags)
{
    size_t n = oap_diags_count(diags);
    ps->n = 0;
    ps->items = n ? malloc(n * sizeof *ps->items) : NULL;
    if (n && !ps->items)
        return OAP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const char *file = oap_diags_at(diags, i)->file;
        if (!strchr(file, '/'))
            continue;
        size_t k = 0;
        while (k < ps->n && strcmp(ps->items[k], file) != 0)
            k++;
        if (k == ps->n)
            ps->items[ps->n++] = file;
    }
    return 0;
}

/* The message with every file name of the run replaced by its base name, hashed. */
static uint64_t hash_message(uint64_t h, const char *msg, const pathset *ps)
{
    const char *run = msg;
    for (const char *s = msg; *s;) {
        size_t matched = 0;
        const char *file = NULL;
        for (size_t k = 0; k < ps->n; k++) {
            size_t len = strlen(ps->items[k]);
            if (len > matched && strncmp(s, ps->items[k], len) == 0) {
                matched = len;
                file = ps->items[k];
            }
        }
        if (!file) {
            s++;
            continue;
        }
        h = fnv(h, run, (size_t)(s - run));
        const char *base = oap_base_name(file);
        h = fnv(h, base, strlen(base));
        s += matched;
        run = s;
    }
    h = fnv(h, run, strlen(run));
    return fnv(h, "", 1);
}

static uint64_t hash_diag(const oap_diag *d, const pathset *ps)
{
    uint64_t h = OAP_FNV_OFFSET;
    h = oap_fnv_field(h, d->rule);
    h = oap_fnv_field(h, d->plan);
    h = oap_fnv_field(h, d->node);
    h = hash_message(h, d->message, ps);
    return oap_fnv_field(h, oap_base_name(d->file));
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
    pathset ps = {0};
    *out = NULL;
    if (n == 0)
        return 0;
    oap_fingerprint *fps = calloc(n, sizeof *fps);
    keys = malloc(n * sizeof *keys);
    if (!fps || !keys || pathset_build(&ps, diags) < 0) {
        free(fps);
        rc = OAP_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        keys[i] = (keyed){hash_diag(oap_diags_at(diags, i), &ps), i};
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
    free(ps.items);
    free(keys);
    return rc;
}
