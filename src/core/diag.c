/* diag: collecting findings; sorting and locating them happens later. */
#include "diag.h"

#include "arena.h"
#include "array.h"
#include "oapgraph/common.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    oap_diag d;
    unsigned file_index;
    int at_key;
    size_t offset;
    const char *subject;
} entry;

struct oap_diags {
    entry *items;
    size_t n, cap;
    oap_arena strings;
    /* The last source line added through oap_where.source and its copy: findings on one
     * line come together and share the line, which may be long (a file on one line). */
    const char *source_in, *source_copy;
    const char *file_in, *file_copy; /* the same for the file's name */
};

int oap_diags_new(oap_diags **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? 0 : OAP_ENOMEM;
}

void oap_diags_free(oap_diags *diags)
{
    if (!diags)
        return;
    oap_arena_free(&diags->strings);
    free(diags->items);
    free(diags);
}

size_t oap_diags_count(const oap_diags *diags)
{
    return diags->n;
}

const oap_diag *oap_diags_at(const oap_diags *diags, size_t i)
{
    return i < diags->n ? &diags->items[i].d : NULL;
}

static const char *copy(oap_arena *a, const char *s)
{
    return oap_arena_strdup(a, s ? s : "");
}

/* The key path of a finding's value inside its node, from its JSON pointer: the pointer
 * without the node's own place ("/actions/3", "/actions/3/phases/0", "/goals/2"; in a
 * cycle file "/priorities/1", "/common_goals/2", "/jads/0"), so that moving the node in
 * its file keeps it: "/actions/3/leaders/1" -> "leaders/1", "/plan/year" ->
 * "plan/year", "/actions/3" -> "". At a key, the key itself counts. */
static const char *node_key(oap_arena *a, const oap_where *w)
{
    const char *p = w->pointer ? w->pointer : "";
    static const char *const prefixes[] = {"/actions/", "/goals/", "/priorities/", "/common_goals/",
                                           "/jads/"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(p, prefixes[i], n) != 0 || !isdigit((unsigned char)p[n]))
            continue;
        p += n;
        while (isdigit((unsigned char)*p))
            p++;
        if (i == 0 && strncmp(p, "/phases/", 8) == 0 && isdigit((unsigned char)p[8])) {
            p += 8;
            while (isdigit((unsigned char)*p))
                p++;
        }
        break;
    }
    if (*p == '/')
        p++;
    return oap_arena_strdup(a, p);
}

int oap_diags_addv(oap_diags *diags, const char *rule, oap_severity severity,
                   const oap_where *where, const char *fmt, va_list ap)
{
    if (OAP_ARRAY_RESERVE(diags->items, diags->cap, diags->n + 1) < 0)
        return OAP_ENOMEM;
    char stack[512];
    va_list copy_ap;
    va_copy(copy_ap, ap);
    int len = vsnprintf(stack, sizeof stack, fmt, copy_ap);
    va_end(copy_ap);
    if (len < 0)
        return OAP_ENOMEM;
    char *message = oap_arena_alloc(&diags->strings, (size_t)len + 1);
    if (!message)
        return OAP_ENOMEM;
    if ((size_t)len < sizeof stack)
        memcpy(message, stack, (size_t)len + 1);
    else
        vsnprintf(message, (size_t)len + 1, fmt, ap);

    entry *e = &diags->items[diags->n];
    e->d.rule = rule;
    e->d.severity = severity;
    /* Findings come in runs of one file: its name is copied once a run. */
    if (!diags->file_copy || !where->file || where->file != diags->file_in ||
        strcmp(where->file, diags->file_copy) != 0) {
        diags->file_copy = copy(&diags->strings, where->file);
        diags->file_in = where->file;
    }
    e->d.file = diags->file_copy;
    e->d.line = where->line;
    e->d.col = where->col;
    e->d.pointer = copy(&diags->strings, where->pointer);
    e->d.plan = copy(&diags->strings, where->plan);
    e->d.node = copy(&diags->strings, where->node);
    e->d.related = copy(&diags->strings, where->related);
    e->d.key = where->key ? copy(&diags->strings, where->key) : node_key(&diags->strings, where);
    e->d.score = where->score;
    e->d.message = message;
    e->d.source = NULL;
    if (where->source) {
        if (where->source != diags->source_in) {
            if (!(diags->source_copy = oap_arena_strdup(&diags->strings, where->source)))
                return OAP_ENOMEM;
            diags->source_in = where->source;
        }
        e->d.source = diags->source_copy;
    }
    e->file_index = where->file_index;
    e->at_key = where->at_key;
    e->offset = where->offset;
    e->subject = copy(&diags->strings, where->subject);
    if (!e->d.file || !e->d.pointer || !e->d.plan || !e->d.node || !e->d.related || !e->d.key ||
        !e->subject)
        return OAP_ENOMEM;
    diags->n++;
    return 0;
}

int oap_diags_add(oap_diags *diags, const char *rule, oap_severity severity, const oap_where *where,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = oap_diags_addv(diags, rule, severity, where, fmt, ap);
    va_end(ap);
    return rc;
}

static int compare(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    if (a->file_index != b->file_index)
        return a->file_index < b->file_index ? -1 : 1;
    int c = a->d.file == b->d.file ? 0 : strcmp(a->d.file, b->d.file);
    if (c)
        return c;
    if (a->d.line != b->d.line)
        return a->d.line < b->d.line ? -1 : 1;
    if (a->d.col != b->d.col)
        return a->d.col < b->d.col ? -1 : 1;
    if ((c = strcmp(a->d.rule, b->d.rule)))
        return c;
    return strcmp(a->d.message, b->d.message);
}

void oap_diags_sort(oap_diags *diags)
{
    if (diags->n < 2)
        return;
    qsort(diags->items, diags->n, sizeof *diags->items, compare);
    size_t w = 1;
    for (size_t r = 1; r < diags->n; r++)
        if (compare(&diags->items[r], &diags->items[w - 1]) != 0 ||
            diags->items[r].d.severity != diags->items[w - 1].d.severity)
            diags->items[w++] = diags->items[r];
    diags->n = w;
}

size_t oap_diags_count_at_least(const oap_diags *diags, oap_severity min)
{
    size_t n = 0;
    for (size_t i = 0; i < diags->n; i++)
        if (diags->items[i].d.severity >= min && diags->items[i].d.severity != OAP_SEVERITY_OFF)
            n++;
    return n;
}

int oap_diags_files_build(oap_diags_files *files, const oap_diags *diags, size_t nfiles)
{
    files->start = calloc(nfiles + 2, sizeof *files->start);
    files->in = malloc((diags->n + 1) * sizeof *files->in);
    if (!files->start || !files->in) {
        oap_diags_files_free(files);
        return OAP_ENOMEM;
    }
    /* Counted at start[f + 2], summed to where file f + 1 begins, then placed. */
    for (size_t i = 0; i < diags->n; i++)
        if (diags->items[i].file_index < nfiles)
            files->start[diags->items[i].file_index + 2]++;
    for (size_t f = 2; f < nfiles + 2; f++)
        files->start[f] += files->start[f - 1];
    for (size_t i = 0; i < diags->n; i++)
        if (diags->items[i].file_index < nfiles)
            files->in[files->start[diags->items[i].file_index + 1]++] = i;
    return 0;
}

void oap_diags_files_free(oap_diags_files *files)
{
    free(files->start);
    free(files->in);
    files->start = files->in = NULL;
}

size_t oap_diags_unlocated(const oap_diags *diags, const size_t *of, size_t n, oap_diag_query **out)
{
    size_t count = 0;
    for (size_t k = 0; k < n; k++)
        count += diags->items[of[k]].d.line == 0;
    *out = NULL;
    if (count == 0)
        return 0;
    oap_diag_query *q = calloc(count, sizeof *q);
    if (!q)
        return (size_t)-1;
    size_t j = 0;
    for (size_t k = 0; k < n; k++) {
        const entry *e = &diags->items[of[k]];
        if (e->d.line == 0) {
            q[j].pointer = e->d.pointer;
            q[j].at_key = e->at_key;
            q[j].offset = e->offset;
            q[j].diag = of[k];
            j++;
        }
    }
    *out = q;
    return count;
}

void oap_diags_set_locations(oap_diags *diags, const oap_diag_query *q, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        entry *e = &diags->items[q[i].diag];
        e->d.line = q[i].line;
        e->d.col = q[i].col;
    }
}

int oap_diags_set_sources(oap_diags *diags, const size_t *of, size_t n, const char *text,
                          size_t len)
{
    /* Where each line starts, found once; a line's copy made when a finding first asks. */
    size_t *starts = NULL, nlines = 0, cap = 0;
    const char **copies = NULL;
    int rc = 0;
    for (size_t at = 0;;) {
        if (OAP_ARRAY_RESERVE(starts, cap, nlines + 1) < 0) {
            rc = OAP_ENOMEM;
            goto done;
        }
        starts[nlines++] = at;
        const char *nl = memchr(text + at, '\n', len - at);
        if (!nl)
            break;
        at = (size_t)(nl - text) + 1;
    }
    if (!(copies = calloc(nlines, sizeof *copies))) {
        rc = OAP_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < n; k++) {
        entry *e = &diags->items[of[k]];
        unsigned line = e->d.line;
        if (line == 0 || line > nlines)
            continue;
        if (!copies[line - 1]) {
            size_t from = starts[line - 1];
            size_t end = line < nlines ? starts[line] - 1 : len;
            if (end > from && text[end - 1] == '\r')
                end--;
            char *c = oap_arena_alloc(&diags->strings, end - from + 1);
            if (!c) {
                rc = OAP_ENOMEM;
                goto done;
            }
            memcpy(c, text + from, end - from);
            c[end - from] = '\0';
            copies[line - 1] = c;
        }
        e->d.source = copies[line - 1];
    }
done:
    free(starts);
    free(copies);
    return rc;
}

void oap_diags_set_severity(oap_diags *diags, size_t i, oap_severity s)
{
    if (i < diags->n)
        diags->items[i].d.severity = s;
}

void oap_diags_filter(oap_diags *diags, int (*keep)(const oap_diag *d, void *ctx), void *ctx)
{
    size_t w = 0;
    for (size_t r = 0; r < diags->n; r++)
        if (keep(&diags->items[r].d, ctx))
            diags->items[w++] = diags->items[r];
    diags->n = w;
}

const char *oap_severity_name(oap_severity s)
{
    switch (s) {
    case OAP_SEVERITY_INFO:
        return "info";
    case OAP_SEVERITY_WARNING:
        return "warning";
    case OAP_SEVERITY_ERROR:
        return "error";
    case OAP_SEVERITY_OFF:
        return "off";
    }
    return "?";
}

int oap_severity_parse(const char *name, int allow_off)
{
    if (!strcmp(name, "error"))
        return OAP_SEVERITY_ERROR;
    if (!strcmp(name, "warning"))
        return OAP_SEVERITY_WARNING;
    if (!strcmp(name, "info"))
        return OAP_SEVERITY_INFO;
    if (allow_off && !strcmp(name, "off"))
        return OAP_SEVERITY_OFF;
    return -1;
}

const char *oap_diags_subject(const oap_diags *diags, size_t i)
{
    return i < diags->n ? diags->items[i].subject : "";
}
