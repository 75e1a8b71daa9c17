/* planset: the files of a run, their plans and cycles (the model) and their texts until located. */
#define _POSIX_C_SOURCE 200809L
#include "planset.h"

#include "core/array.h"
#include "core/diag.h"
#include "oapgraph/rules.h"
#include "cycles.h"
#include "load_json.h"
#include "read.h"
#include "srcmap.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void set_error(oap_planset *set, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void set_error(oap_planset *set, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(set->error, sizeof set->error, fmt, ap);
    va_end(ap);
}

int oap_planset_new(oap_planset **out)
{
    oap_planset *set = calloc(1, sizeof *set);
    if (!set)
        return OAP_ENOMEM;
    set->limits = (oap_load_limits)OAP_LOAD_LIMITS_DEFAULT;
    oap_model_init(&set->model);
    *out = set;
    return 0;
}

void oap_planset_free(oap_planset *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->nfiles; i++) {
        free(set->files[i].path);
        free(set->files[i].text);
    }
    free(set->files);
    oap_model_free(&set->model);
    free(set);
}

void oap_planset_set_limits(oap_planset *set, const oap_load_limits *limits)
{
    set->limits = *limits;
}

const oap_model *oap_planset_model(const oap_planset *set)
{
    return &set->model;
}

const char *oap_planset_error(const oap_planset *set)
{
    return set->error;
}

/* Plan ids must be unique across files: the second file that uses one is told so. */
static int check_plan_id(oap_planset *set, const oap_plan *p, oap_diags *diags)
{
    for (size_t i = 0; i + 1 < set->model.nplans; i++) {
        const oap_plan *other = set->model.plans[i];
        if (strcmp(other->id, p->id) != 0)
            continue;
        oap_where w = {
            .file = p->file, .file_index = p->file_index, .pointer = "/plan/id", .plan = p->id};
        return oap_diags_add(diags, "duplicate-id", oap_rule_default_severity("duplicate-id"), &w,
                             "plan id \"%s\" is also used by %s; plan ids must be unique "
                             "across the files of a run",
                             p->id, other->file);
    }
    return 0;
}

/* Lists a file of the run; takes ownership of text. Returns its index, or OAP_ENOMEM. */
static int append_source(oap_planset *set, const char *name, char *text, size_t len)
{
    if (OAP_ARRAY_RESERVE(set->files, set->cap, set->nfiles + 1) < 0) {
        free(text);
        return OAP_ENOMEM;
    }
    oap_source *src = &set->files[set->nfiles];
    src->path = strdup(name);
    if (!src->path) {
        free(text);
        return OAP_ENOMEM;
    }
    src->text = text;
    src->len = len;
    src->bom = text ? oap_load_bom_length(text, len) : 0;
    return (int)set->nfiles++;
}

/* Takes ownership of text and loads it as file name, a plan or a cycle file. A file's text is let
 * go once its plan is built (locating reads it again, if it has findings); standard input and
 * buffers cannot be read again and are kept. */
static int add_source(oap_planset *set, const char *name, char *text, size_t len, int keep,
                      oap_diags *diags)
{
    int index = append_source(set, name, text, len);
    if (index < 0)
        return index;
    oap_source *src = &set->files[index];
    oap_loaded got;
    int rc = oap_load_json(&set->model, src->path, (unsigned)index, text, len, &set->limits, diags,
                           &got);
    if (rc == 0 && got.plan)
        rc = check_plan_id(set, got.plan, diags);
    if (rc == 0 && got.plan)
        rc = oap_cycles_add_plan(&set->model, got.plan, diags);
    if (rc == 0 && got.cycle)
        rc = oap_cycles_add_cycle(&set->model, got.cycle, diags);
    if (!keep) {
        free(src->text);
        src->text = NULL;
    }
    return rc;
}

static int already_loaded(const oap_planset *set, const char *path)
{
    for (size_t i = 0; i < set->nfiles; i++)
        if (strcmp(set->files[i].path, path) == 0)
            return 1;
    return 0;
}

/* A file over the size limit is listed in the run and reported, never read. */
/* A file over the size limit, of size bytes (0: a stream read only up to the limit). */
static int add_too_large(oap_planset *set, const char *path, size_t size, oap_diags *diags)
{
    int index = append_source(set, path, NULL, 0);
    if (index < 0)
        return index;
    oap_where w = {.file = path, .file_index = (unsigned)index, .line = 1, .col = 1};
    size_t max = set->limits.max_file_bytes;
    if (!size)
        return oap_diags_add(diags, "limit", oap_rule_default_severity("limit"), &w,
                             "the file has more than %zu bytes; this run reads plan files of at "
                             "most %zu bytes",
                             max, max);
    return oap_diags_add(diags, "limit", oap_rule_default_severity("limit"), &w,
                         "the file is %zu bytes; this run reads plan files of at most %zu bytes",
                         size, max);
}

/* Reads a plan file or standard input, up to the size limit: 0 with the text added as a
 * source, a limit finding, or OAP_EIO / OAP_ENOMEM with the error set. */
static int read_source(oap_planset *set, const char *path, FILE *f, oap_diags *diags)
{
    int is_stdin = f == stdin;
    size_t len;
    char *text = oap_read_stream(f, set->limits.max_file_bytes, &len);
    if (!text) {
        int e = errno;
        if (is_stdin)
            set_error(set, "cannot read standard input: %s", strerror(e));
        else
            set_error(set, "cannot read '%s': %s", path, strerror(e));
        return e == ENOMEM ? OAP_ENOMEM : OAP_EIO;
    }
    if (len > set->limits.max_file_bytes) {
        free(text);
        return add_too_large(set, path, 0, diags);
    }
    return add_source(set, path, text, len, is_stdin, diags);
}

static int load_file(oap_planset *set, const char *path, oap_diags *diags)
{
    if (already_loaded(set, path))
        return 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_error(set, "cannot read '%s': %s", path, strerror(errno));
        return OAP_EIO;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        (unsigned long long)st.st_size > set->limits.max_file_bytes) {
        /* Not read at all: reported from the size alone. */
        fclose(f);
        return add_too_large(set, path, (size_t)st.st_size, diags);
    }
    int rc = read_source(set, path, f, diags);
    fclose(f);
    return rc;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct pathlist {
    char **items;
    size_t n, cap;
} pathlist;

static int pathlist_add(pathlist *l, char *p)
{
    if (!p)
        return OAP_ENOMEM;
    if (OAP_ARRAY_RESERVE(l->items, l->cap, l->n + 1) < 0) {
        free(p);
        return OAP_ENOMEM;
    }
    l->items[l->n++] = p;
    return 0;
}

static void pathlist_free(pathlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
}

static char *join(const char *dir, const char *name)
{
    size_t ld = strlen(dir), ln = strlen(name);
    int slash = ld > 0 && dir[ld - 1] == '/';
    char *p = malloc(ld + ln + 2);
    if (p)
        sprintf(p, "%s%s%s", dir, slash ? "" : "/", name);
    return p;
}

/* Every *.oap.json and *.cycle.json below dir, sorted by path; folders walked with an
 * explicit work list, so deep trees cannot exhaust the stack. Hidden entries are skipped. */
static int load_folder(oap_planset *set, const char *dir, oap_diags *diags)
{
    pathlist todo = {0}, found = {0};
    int rc = pathlist_add(&todo, strdup(dir)), unreadable = 0;
    while (rc == 0 && todo.n > 0) {
        char *d = todo.items[--todo.n];
        DIR *h = opendir(d);
        if (!h) {
            /* Skipped as an unreadable file is: said, and the rest is still read. */
            set_error(set, "cannot read folder '%s': %s", d, strerror(errno));
            free(d);
            unreadable = 1;
            continue;
        }
        struct dirent *e;
        while (rc == 0 && (e = readdir(h))) {
            if (e->d_name[0] == '.')
                continue;
            char *p = join(d, e->d_name);
            struct stat st;
            if (!p)
                rc = OAP_ENOMEM;
            else if (stat(p, &st) != 0)
                free(p); /* a dangling link: nothing to read */
            else if (S_ISDIR(st.st_mode))
                rc = pathlist_add(&todo, p);
            else if (S_ISREG(st.st_mode) &&
                     (ends_with(e->d_name, ".oap.json") || ends_with(e->d_name, ".cycle.json")))
                rc = pathlist_add(&found, p);
            else
                free(p);
        }
        closedir(h);
        free(d);
    }
    if (rc == 0) {
        if (found.n > 1) /* found.items is NULL in a folder without plans */
            qsort(found.items, found.n, sizeof *found.items, cmp_str);
        for (size_t i = 0; i < found.n && rc != OAP_ENOMEM; i++) {
            int r = load_file(set, found.items[i], diags);
            if (r < 0)
                rc = r;
        }
    }
    pathlist_free(&todo);
    pathlist_free(&found);
    return rc == 0 && unreadable ? OAP_EIO : rc;
}

int oap_planset_load_path(oap_planset *set, const char *path, oap_diags *diags)
{
    if (strcmp(path, "-") == 0)
        return read_source(set, "-", stdin, diags);
    struct stat st;
    if (stat(path, &st) != 0) {
        set_error(set, "cannot read '%s': %s", path, strerror(errno));
        return OAP_EIO;
    }
    if (S_ISDIR(st.st_mode))
        return load_folder(set, path, diags);
    return load_file(set, path, diags);
}

int oap_planset_load_buffer(oap_planset *set, const char *name, const char *text, size_t len,
                            oap_diags *diags)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return OAP_ENOMEM;
    memcpy(copy, text, len);
    copy[len] = '\0';
    return add_source(set, name, copy, len, 1, diags);
}

/* The text of a file again, to locate its findings; NULL when it cannot be read (the
 * findings then point at its start). */
static char *reread(const oap_source *src, size_t *len)
{
    FILE *f = fopen(src->path, "rb");
    if (!f)
        return NULL;
    char *text = oap_read_stream(f, SIZE_MAX, len);
    fclose(f);
    return text;
}

int oap_planset_locate(oap_planset *set, oap_diags *diags)
{
    for (size_t i = 0; i < set->nfiles; i++) {
        oap_source *src = &set->files[i];
        oap_diag_query *q;
        size_t n = oap_diags_unlocated(diags, (unsigned)i, &q);
        if (n == (size_t)-1)
            return OAP_ENOMEM;
        char *text = src->text;
        size_t len = src->len;
        if (n > 0 && !text)
            text = reread(src, &len);
        size_t bom = text ? oap_load_bom_length(text, len) : 0;
        oap_srcmap_query *sq = n > 0 ? calloc(n, sizeof *sq) : NULL;
        int rc = n > 0 && !sq ? OAP_ENOMEM : 0;
        for (size_t k = 0; k < n && sq; k++)
            sq[k] = (oap_srcmap_query){q[k].pointer, q[k].at_key, q[k].offset, 0, 0};
        if (sq && text)
            rc = oap_srcmap_locate(text + bom, len - bom, sq, n);
        for (size_t k = 0; k < n && sq; k++) {
            /* Not found cannot happen for pointers the loader built from the same text
             * (unless the file changed meanwhile); point at the file's start rather than
             * print line 0. */
            q[k].line = sq[k].line ? sq[k].line : 1;
            q[k].col = sq[k].line ? sq[k].col : 1;
        }
        if (sq && rc == 0)
            oap_diags_set_locations(diags, q, n);
        free(sq);
        free(q);
        /* The texts of buffers and standard input stay: a second run over the same set
         * locates its findings as the first did. */
        if (text != src->text)
            free(text);
        if (rc < 0)
            return rc;
    }
    return 0;
}

size_t oap_planset_plan_count(const oap_planset *set)
{
    return set->model.nplans;
}

size_t oap_planset_file_count(const oap_planset *set)
{
    return set->nfiles;
}

const char *oap_planset_file(const oap_planset *set, size_t i)
{
    return i < set->nfiles ? set->files[i].path : NULL;
}

const char *oap_planset_plan_id(const oap_planset *set, size_t i)
{
    return i < set->model.nplans ? set->model.plans[i]->id : NULL;
}

size_t oap_planset_action_count(const oap_planset *set, size_t i)
{
    return i < set->model.nplans ? set->model.plans[i]->nactions : 0;
}

size_t oap_planset_goal_count(const oap_planset *set, size_t i)
{
    return i < set->model.nplans ? set->model.plans[i]->ngoals : 0;
}
