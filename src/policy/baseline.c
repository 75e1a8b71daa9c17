/* baseline: finding fingerprints, and baseline files of known findings that do not fail a run. */
#define _POSIX_C_SOURCE 200809L
#include "oapgraph/policy.h"

#include "oapgraph/common.h"
#include "core/arena.h"
#include "core/diag.h"
#include "core/fingerprint.h"
#include "load/json_reader.h"
#include "load/json_util.h"
#include "load/read.h"
#include "load/srcmap.h"

#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reading. */

typedef struct entry {
    const char *fingerprint, *rule, *plan, *node, *message;
    unsigned line, col;
    size_t index; /* position in the file's "findings" */
} entry;

struct oap_baseline {
    oap_arena arena;
    char *name;
    entry *entries; /* sorted by fingerprint, then position */
    size_t n;
};

static int cmp_entry(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int c = strcmp(a->fingerprint, b->fingerprint);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

void oap_baseline_free(oap_baseline *b)
{
    if (!b)
        return;
    oap_arena_free(&b->arena);
    free(b->entries);
    free(b->name);
    free(b);
}

size_t oap_baseline_count(const oap_baseline *b)
{
    return b->n;
}

/* An optional string member, "" when absent or null. */
static const char *member(oap_baseline *b, json_t *obj, const char *key, int *oom)
{
    json_t *v = json_object_get(obj, key);
    const char *s = json_is_string(v) ? json_string_value(v) : "";
    const char *copy = oap_arena_strdup(&b->arena, s);
    if (!copy)
        *oom = 1;
    return copy;
}

/* Whether a finding may be recorded in a baseline: not one of the rules a broken file is
 * reported by (oap_rule_info.always). */
static int recordable(const oap_diag *d)
{
    const oap_rule_info *rule = oap_rule_find(d->rule);
    return !rule || !rule->always;
}

int oap_baseline_of_findings(oap_baseline **out, const char *name, const oap_diags *diags,
                             const oap_fingerprint *fps)
{
    size_t n = oap_diags_count(diags);
    *out = NULL;
    oap_baseline *b = calloc(1, sizeof *b);
    if (!b || !(b->name = strdup(name)) ||
        !(b->entries = malloc((n ? n : 1) * sizeof *b->entries))) {
        oap_baseline_free(b);
        return OAP_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        const oap_diag *d = oap_diags_at(diags, i);
        if (recordable(d))
            b->entries[b->n++] =
                (entry){fps[i].text, d->rule, d->plan, d->node, d->message, 0, 0, b->n};
    }
    /* The fingerprints stay the caller's: they must outlive b. */
    qsort(b->entries, b->n, sizeof *b->entries, cmp_entry);
    *out = b;
    return 0;
}

/* A baseline is read to its first problem: after a structural one, nothing more can be
 * said. */
int oap_baseline_parse(oap_baseline **out, const char *name, const char *text, size_t len,
                       char *err, size_t errsize)
{
    int rc = 0;
    json_t *root = NULL;
    oap_srcmap_query *q = NULL;
    char(*pointers)[32] = NULL;
    oap_json_reader r;
    *out = NULL;
    oap_baseline *b = calloc(1, sizeof *b);
    if (!b || !(b->name = strdup(name))) {
        rc = OAP_ENOMEM;
        goto done;
    }
    oap_json_init_messages(&r, name, text, len, &b->arena, err, errsize);
    if (!(root = oap_json_parse(&r))) {
        rc = r.oom ? OAP_ENOMEM : OAP_EINVAL;
        goto done;
    }
    json_t *version = json_object_get(root, "oapgraph-baseline");
    if (!json_is_object(root) || !json_is_integer(version)) {
        oap_json_report(&r, "schema", 0,
                        "not an oapgraph baseline: a baseline is an object with "
                        "\"oapgraph-baseline\": 2 and \"findings\"");
        rc = OAP_EINVAL;
        goto done;
    }
    /* Version 1 fingerprints hashed the message, which changed with unrelated edits
     * (the words two overlapping actions share); they cannot be matched to version 2. */
    if (json_integer_value(version) == 1) {
        oap_json_push(&r, "oapgraph-baseline");
        oap_json_report(&r, "schema", 0,
                        "this baseline was written by an older oapgraph (version 1, whose "
                        "fingerprints changed with unrelated edits); write it again with "
                        "'oapgraph check --write-baseline %s PLAN...' and review the findings "
                        "it records",
                        name);
        rc = OAP_EINVAL;
        goto done;
    }
    if (json_integer_value(version) != 2) {
        oap_json_push(&r, "oapgraph-baseline");
        oap_json_report(&r, "schema", 0,
                        "baseline version %lld is not known; this oapgraph reads version 2",
                        (long long)json_integer_value(version));
        rc = OAP_EINVAL;
        goto done;
    }
    json_t *findings = json_object_get(root, "findings");
    if (!json_is_array(findings)) {
        if (findings)
            oap_json_push(&r, "findings");
        oap_json_report(&r, "schema", 0, "\"findings\" of a baseline must be an array");
        rc = OAP_EINVAL;
        goto done;
    }
    size_t n = json_array_size(findings);
    if (n > 0) {
        b->entries = calloc(n, sizeof *b->entries);
        q = calloc(n, sizeof *q);
        pointers = calloc(n, sizeof *pointers);
        if (!b->entries || !q || !pointers) {
            rc = OAP_ENOMEM;
            goto done;
        }
    }
    oap_json_push(&r, "findings");
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_array_get(findings, i);
        json_t *fp = json_object_get(item, "fingerprint");
        snprintf(pointers[i], sizeof pointers[i], "/findings/%zu", i);
        if (!json_is_string(fp) || !*json_string_value(fp)) {
            oap_json_push_index(&r, i);
            oap_json_report(&r, "schema", 0,
                            "a baseline entry must be an object with a \"fingerprint\" string");
            rc = OAP_EINVAL;
            goto done;
        }
        entry *en = &b->entries[i];
        en->fingerprint = member(b, item, "fingerprint", &r.oom);
        en->rule = member(b, item, "rule", &r.oom);
        en->plan = member(b, item, "plan", &r.oom);
        en->node = member(b, item, "node", &r.oom);
        en->message = member(b, item, "message", &r.oom);
        en->index = i;
        q[i] = (oap_srcmap_query){.pointer = pointers[i]};
    }
    if (r.oom || (n > 0 && oap_srcmap_locate(r.text, r.len, q, n) < 0)) {
        rc = OAP_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        b->entries[i].line = q[i].line ? q[i].line : 1;
        b->entries[i].col = q[i].line ? q[i].col : 1;
    }
    b->n = n;
    if (n > 1)
        qsort(b->entries, n, sizeof *b->entries, cmp_entry);
    *out = b;
    b = NULL;
done:
    free(q);
    free(pointers);
    json_decref(root);
    oap_baseline_free(b);
    return rc;
}

int oap_baseline_read(oap_baseline **out, const char *path, size_t max_bytes, char *err,
                      size_t errsize)
{
    char *text = NULL;
    size_t len = 0;
    *out = NULL;
    int rc = oap_read_file(path, max_bytes, &text, &len, err, errsize);
    if (rc == 0)
        rc = oap_baseline_parse(out, path, text, len, err, errsize);
    free(text);
    return rc;
}

/* Matching. */

static oap_severity configured(const oap_check_options *opts, const char *rule)
{
    if (opts && opts->rule_ids)
        for (size_t i = 0; opts->rule_ids[i]; i++)
            if (strcmp(opts->rule_ids[i], rule) == 0)
                return opts->rule_severities[i];
    const oap_rule_info *info = oap_rule_find(rule);
    return info ? info->severity : (oap_severity)-1;
}

oap_severity oap_baseline_stale_severity(const oap_check_options *opts)
{
    oap_severity s = configured(opts, OAP_BASELINE_RULE);
    return (int)s < 0 ? OAP_SEVERITY_INFO : s;
}

/* The first entry not yet used whose fingerprint is fp, or NULL. */
static size_t find_unused(const oap_baseline *b, const unsigned char *used, const char *fp)
{
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(b->entries[mid].fingerprint, fp) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < b->n && strcmp(b->entries[lo].fingerprint, fp) == 0; lo++)
        if (!used[lo])
            return lo;
    return (size_t)-1;
}

static int cmp_position(const void *pa, const void *pb)
{
    const entry *a = *(const entry *const *)pa, *b = *(const entry *const *)pb;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* A finding at the entry, saying what it recorded. */
static int add_stale(oap_diags *shown, const oap_baseline *b, const entry *en, oap_severity sev)
{
    char pointer[32];
    snprintf(pointer, sizeof pointer, "/findings/%zu", en->index);
    oap_where w = {.file = b->name,
                   .file_index = (unsigned)-1,
                   .pointer = pointer,
                   .line = en->line,
                   .col = en->col,
                   .plan = en->plan,
                   .node = en->node};
    return oap_diags_add(shown, OAP_BASELINE_RULE, sev, &w,
                         "no current finding matches this baseline entry; remove it so the "
                         "baseline shrinks (it recorded: %s [%s])",
                         *en->message ? en->message : "no message", *en->rule ? en->rule : "?");
}

int oap_baseline_apply(const oap_baseline *b, const oap_diags *all, const oap_fingerprint *fps,
                       const oap_check_options *opts, oap_diags *shown, oap_fingerprint **shown_fps,
                       size_t *baselined)
{
    int rc = 0;
    size_t n = oap_diags_count(all);
    unsigned char *used = b->n ? calloc(b->n, 1) : NULL;
    const entry **stale = b->n ? malloc(b->n * sizeof *stale) : NULL;
    oap_fingerprint *out = malloc((n + b->n + 1) * sizeof *out);
    size_t nshown = 0, nstale = 0;
    *shown_fps = NULL;
    *baselined = 0;
    if ((b->n && (!used || !stale)) || !out) {
        rc = OAP_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const oap_diag *d = oap_diags_at(all, i);
        /* A broken file is always shown, whatever a baseline recorded of it. */
        size_t k = recordable(d) ? find_unused(b, used, fps[i].text) : (size_t)-1;
        if (k != (size_t)-1) {
            used[k] = 1;
            (*baselined)++;
            continue;
        }
        oap_where w = {.file = d->file,
                       .file_index = (unsigned)i,
                       .pointer = d->pointer,
                       .line = d->line,
                       .col = d->col,
                       .plan = d->plan,
                       .node = d->node,
                       .related = d->related,
                       .key = d->key,
                       .score = d->score,
                       .source = d->source};
        if ((rc = oap_diags_add(shown, d->rule, d->severity, &w, "%s", d->message)) < 0)
            goto done;
        out[nshown++] = fps[i];
    }
    oap_severity sev = oap_baseline_stale_severity(opts);
    for (size_t k = 0; k < b->n; k++)
        if (!used[k] && sev != OAP_SEVERITY_OFF &&
            configured(opts, b->entries[k].rule) != OAP_SEVERITY_OFF)
            stale[nstale++] = &b->entries[k];
    /* In the order of the file, so they read top to bottom. */
    if (nstale > 1)
        qsort(stale, nstale, sizeof *stale, cmp_position);
    for (size_t k = 0; k < nstale; k++) {
        if ((rc = add_stale(shown, b, stale[k], sev)) < 0)
            goto done;
        /* The entry's own fingerprint is unique in a sane file: hashing it with the rule
         * keeps the stale finding's fingerprint as stable as the entry. */
        uint64_t h = oap_fnv_field(OAP_FNV_OFFSET, OAP_BASELINE_RULE);
        h = oap_fnv_field(h, stale[k]->fingerprint);
        snprintf(out[nshown++].text, OAP_FINGERPRINT_SIZE, "%016llx", (unsigned long long)h);
    }
    *shown_fps = out;
    out = NULL;
done:
    free(out);
    free(used);
    free(stale);
    return rc;
}

/* Writing. */

typedef struct sorted {
    const oap_diag *d;
    const char *fp;
} sorted;

/* Entries in an order that moving lines does not change, so the file diffs well. */
static int cmp_sorted(const void *pa, const void *pb)
{
    const sorted *a = pa, *b = pb;
    int c;
    if ((c = strcmp(oap_base_name(a->d->file), oap_base_name(b->d->file))) ||
        (c = strcmp(a->d->plan, b->d->plan)) || (c = strcmp(a->d->node, b->d->node)) ||
        (c = strcmp(a->d->rule, b->d->rule)) || (c = strcmp(a->d->message, b->d->message)))
        return c;
    return strcmp(a->fp, b->fp);
}

static json_t *string_or_null(const char *s)
{
    return *s ? oap_json_string_safe(s) : json_null();
}

static json_t *baseline_json(const oap_diags *diags, const oap_fingerprint *fps)
{
    size_t n = oap_diags_count(diags);
    json_t *root = json_object(), *list = json_array();
    sorted *order = n ? malloc(n * sizeof *order) : NULL;
    if (!root || !list || (n && !order))
        goto fail;
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (recordable(oap_diags_at(diags, i)))
            order[kept++] = (sorted){oap_diags_at(diags, i), fps[i].text};
    n = kept;
    if (n > 1)
        qsort(order, n, sizeof *order, cmp_sorted);
    json_object_set_new(root, "oapgraph-baseline", json_integer(2));
    for (size_t i = 0; i < n; i++) {
        const oap_diag *d = order[i].d;
        json_t *item = json_object();
        if (!item || json_array_append_new(list, item) < 0 ||
            json_object_set_new(item, "rule", oap_json_string_safe(d->rule)) < 0 ||
            json_object_set_new(item, "file", oap_json_string_safe(oap_base_name(d->file))) < 0 ||
            json_object_set_new(item, "plan", string_or_null(d->plan)) < 0 ||
            json_object_set_new(item, "node", string_or_null(d->node)) < 0 ||
            json_object_set_new(item, "message", oap_json_string_safe(d->message)) < 0 ||
            json_object_set_new(item, "fingerprint", json_string(order[i].fp)) < 0)
            goto fail;
    }
    if (json_object_set_new(root, "findings", list) < 0) {
        list = NULL;
        goto fail;
    }
    free(order);
    return root;
fail:
    free(order);
    json_decref(list);
    json_decref(root);
    return NULL;
}

int oap_baseline_write(FILE *out, const oap_diags *diags, const oap_fingerprint *fps)
{
    json_t *root = baseline_json(diags, fps);
    if (!root)
        return OAP_ENOMEM;
    int rc = oap_json_write(out, root);
    json_decref(root);
    return rc;
}
