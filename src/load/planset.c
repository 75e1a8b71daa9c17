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
#include "core/text.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
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
        free(set->files[i].ident);
    }
    free(set->files);
    oap_strmap_free(&set->paths);
    oap_strmap_free(&set->idents);
    oap_strmap_free(&set->plan_ids);
    oap_strbuf_free(&set->notes);
    free(set->stdin_name);
    for (size_t i = 0; set->exclude && set->exclude[i]; i++)
        free(set->exclude[i]);
    free(set->exclude);
    oap_model_free(&set->model);
    free(set);
}

void oap_planset_set_limits(oap_planset *set, const oap_load_limits *limits)
{
    set->limits = *limits;
}

int oap_planset_set_stdin_name(oap_planset *set, const char *name)
{
    char *copy = name ? strdup(name) : NULL;
    if (name && !copy)
        return OAP_ENOMEM;
    free(set->stdin_name);
    set->stdin_name = copy;
    return 0;
}

int oap_planset_set_exclude(oap_planset *set, const char *const *globs)
{
    size_t n = 0;
    while (globs && globs[n])
        n++;
    char **copy = n ? calloc(n + 1, sizeof *copy) : NULL;
    if (n && !copy)
        return OAP_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (!(copy[i] = strdup(globs[i]))) {
            while (i--)
                free(copy[i]);
            free(copy);
            return OAP_ENOMEM;
        }
    for (size_t i = 0; set->exclude && set->exclude[i]; i++)
        free(set->exclude[i]);
    free(set->exclude);
    set->exclude = copy;
    return 0;
}

/* Whether a folder walk leaves path out (oap_planset_set_exclude). */
static int excluded(const oap_planset *set, const char *path)
{
    for (size_t i = 0; set->exclude && set->exclude[i]; i++)
        if (fnmatch(set->exclude[i], path, 0) == 0)
            return 1;
    return 0;
}

const oap_model *oap_planset_model(const oap_planset *set)
{
    return &set->model;
}

const char *oap_planset_error(const oap_planset *set)
{
    return set->error;
}

const char *oap_planset_notes(const oap_planset *set)
{
    return oap_strbuf_str(&set->notes);
}

/* A line of set->notes, with the file name escaped as plan text is (a name may hold
 * anything but NUL and "/"). Out of memory, the note is lost and the run goes on. */
static void add_note(oap_planset *set, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add_note(oap_planset *set, const char *path, const char *fmt, ...)
{
    char *name = oap_text_escaped(path, 0);
    if (!name)
        return;
    oap_strbuf_printf(&set->notes, "'%s' ", name);
    free(name);
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    oap_strbuf_puts(&set->notes, line);
    oap_strbuf_putc(&set->notes, '\n');
}

/* What tells a file or folder from every other, whatever it is called: its device and
 * inode, as a string for the string map. NULL when out of memory. */
static char *ident_of(const struct stat *st)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%llu:%llu", (unsigned long long)st->st_dev,
             (unsigned long long)st->st_ino);
    return strdup(buf);
}

/* Plan ids must be unique across files: the second file that uses one is told so. Looked
 * up, not compared with every plan before (10,000 plans were 50,000,000 comparisons). */
static int check_plan_id(oap_planset *set, const oap_plan *p, oap_diags *diags)
{
    uint32_t first;
    int put = oap_strmap_put(&set->plan_ids, p->id, (uint32_t)(set->model.nplans - 1), &first);
    if (put < 0)
        return put;
    if (put == 0) {
        const oap_plan *other = set->model.plans[first];
        oap_where w = {
            .file = p->file, .file_index = p->file_index, .pointer = "/plan/id", .plan = p->id};
        return oap_diags_add(diags, "duplicate-id", oap_rule_default_severity("duplicate-id"), &w,
                             "plan id \"%s\" is also used by %s; plan ids must be unique "
                             "across the files of a run",
                             p->id, other->file);
    }
    return 0;
}

/* Lists a file of the run; takes ownership of text. st is what fstat said of the file
 * opened (NULL for standard input and buffers): a file is known by it from then on, under
 * any name. Returns its index, or OAP_ENOMEM. */
static int append_source(oap_planset *set, const char *name, char *text, size_t len,
                         const struct stat *st)
{
    if (OAP_ARRAY_RESERVE(set->files, set->cap, set->nfiles + 1) < 0) {
        free(text);
        return OAP_ENOMEM;
    }
    oap_source *src = &set->files[set->nfiles];
    *src = (oap_source){.path = strdup(name), .ident = st ? ident_of(st) : NULL};
    if (!src->path || (st && !src->ident)) {
        free(src->path);
        free(src->ident);
        free(text);
        return OAP_ENOMEM;
    }
    src->text = text;
    src->len = len;
    src->bom = text ? oap_load_bom_length(text, len) : 0;
    if (st && S_ISREG(st->st_mode)) {
        src->regular = 1;
        src->size = (unsigned long long)st->st_size;
        src->mtime = st->st_mtim;
    }
    /* Listed before the maps borrow its names, so that they live as long as the maps. */
    size_t index = set->nfiles++;
    if (oap_strmap_put(&set->paths, src->path, (uint32_t)index, NULL) < 0 ||
        (src->ident && oap_strmap_put(&set->idents, src->ident, (uint32_t)index, NULL) < 0))
        return OAP_ENOMEM;
    return (int)index;
}

/* Takes ownership of text and loads it as file name, a plan or a cycle file. The text of a
 * regular file is let go once its plan is built (locating reads it again, if it has
 * findings and is unchanged); what cannot be read again (standard input, a pipe, a FIFO, a
 * device, a buffer) is kept. st as for append_source. */
static int add_source(oap_planset *set, const char *name, char *text, size_t len,
                      const struct stat *st, oap_diags *diags)
{
    int index = append_source(set, name, text, len, st);
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
    if (src->regular) {
        free(src->text);
        src->text = NULL;
    }
    return rc;
}

/* A file over the size limit, of size bytes (0: a stream read only up to the limit): listed
 * in the run and reported, never read (further). */
static int add_too_large(oap_planset *set, const char *path, size_t size, const struct stat *st,
                         oap_diags *diags)
{
    int index = append_source(set, path, NULL, 0, st);
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

/* Reads a plan file (st: what fstat said of it) or standard input (st NULL), up to the size
 * limit: 0 with the text added as a source, a limit finding, or OAP_EIO / OAP_ENOMEM with
 * the error set. */
static int read_source(oap_planset *set, const char *path, FILE *f, const struct stat *st,
                       oap_diags *diags)
{
    size_t len;
    char *text = oap_read_stream(f, set->limits.max_file_bytes, &len);
    if (!text) {
        int e = errno;
        if (!st)
            set_error(set, "cannot read standard input: %s", strerror(e));
        else
            set_error(set, "cannot read '%s': %s", path, strerror(e));
        return e == ENOMEM ? OAP_ENOMEM : OAP_EIO;
    }
    if (len > set->limits.max_file_bytes) {
        free(text);
        return add_too_large(set, path, 0, st, diags);
    }
    return add_source(set, path, text, len, st, diags);
}

/* Loads the file at path, unless the run has it already: under this name, or under
 * another (a link, a folder reached twice), known by its device and inode. */
static int load_file(oap_planset *set, const char *path, oap_diags *diags)
{
    if (oap_strmap_get(&set->paths, path, NULL))
        return 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_error(set, "cannot read '%s': %s", path, strerror(errno));
        return OAP_EIO;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0) {
        set_error(set, "cannot read '%s': %s", path, strerror(errno));
        fclose(f);
        return OAP_EIO;
    }
    char *ident = ident_of(&st);
    int rc = ident ? 0 : OAP_ENOMEM;
    if (rc == 0 && oap_strmap_get(&set->idents, ident, NULL))
        rc = 0; /* the same file under another name: read once */
    else if (rc == 0 && S_ISREG(st.st_mode) &&
             (unsigned long long)st.st_size > set->limits.max_file_bytes)
        rc = add_too_large(set, path, (size_t)st.st_size, &st, diags); /* not read at all */
    else if (rc == 0)
        rc = read_source(set, path, f, &st, diags);
    free(ident);
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

static void pathlist_clear(pathlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    l->n = 0;
}

static void pathlist_free(pathlist *l)
{
    pathlist_clear(l);
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

/* The walk of one folder given to the run. */
typedef struct walk {
    pathlist todo;  /* folders to read, the next last */
    pathlist links; /* folders reached through a symbolic link: read after all the others */
    pathlist found; /* plan and cycle files */
    pathlist names; /* the entries of the folder being read */
    pathlist keys;  /* the identities of the folders read, which seen borrows */
    oap_strmap seen;
    size_t skipped;    /* folders reached again */
    size_t other_json; /* files ending in .json alone: plans misnamed, perhaps */
    char *first_skipped;
    int unreadable;
} walk;

/* Reads folder d (owned by the walk from here): its entries, sorted so the walk does not
 * depend on the order the file system lists them in, to the work lists. A folder read
 * already, under this name or another (a symbolic link back to a folder above makes a
 * loop; two make the walk exponential), is not read again. */
static int walk_folder(oap_planset *set, walk *w, char *d)
{
    struct stat st;
    char *key = NULL;
    DIR *h = NULL;
    int rc = 0;
    if (stat(d, &st) != 0 || !(h = opendir(d))) {
        /* Skipped as an unreadable file is: said, and the rest is still read. */
        set_error(set, "cannot read folder '%s': %s", d, strerror(errno));
        w->unreadable = 1;
        goto done;
    }
    if ((rc = pathlist_add(&w->keys, key = ident_of(&st))) < 0)
        goto done;
    int put = oap_strmap_put(&w->seen, key, 0, NULL);
    if (put <= 0) {
        rc = put;
        if (put == 0 && w->skipped++ == 0) {
            w->first_skipped = d;
            d = NULL;
        }
        goto done;
    }
    pathlist_clear(&w->names);
    struct dirent *e;
    errno = 0;
    while (rc == 0 && (e = readdir(h)))
        if (e->d_name[0] != '.')
            rc = pathlist_add(&w->names, strdup(e->d_name));
    if (rc < 0)
        goto done;
    if (w->names.n > 1) /* names.items is NULL in an empty folder */
        qsort(w->names.items, w->names.n, sizeof *w->names.items, cmp_str);
    /* Backwards, so that the first subfolder in order is the next one read. */
    for (size_t i = w->names.n; rc == 0 && i-- > 0;) {
        const char *name = w->names.items[i];
        char *p = join(d, name);
        struct stat lst;
        if (!p)
            rc = OAP_ENOMEM;
        else if (excluded(set, p))
            free(p);
        else if (stat(p, &st) != 0)
            free(p); /* a dangling link: nothing to read */
        else if (S_ISDIR(st.st_mode))
            rc =
                pathlist_add(lstat(p, &lst) == 0 && S_ISLNK(lst.st_mode) ? &w->links : &w->todo, p);
        else if (S_ISREG(st.st_mode) &&
                 (ends_with(name, ".oap.json") || ends_with(name, ".cycle.json")))
            rc = pathlist_add(&w->found, p);
        else {
            w->other_json += S_ISREG(st.st_mode) && ends_with(name, ".json");
            free(p);
        }
    }
done:
    if (h)
        closedir(h);
    free(d);
    return rc;
}

/* Every *.oap.json and *.cycle.json below dir, sorted by path; folders walked with an
 * explicit work list, so deep trees cannot exhaust the stack. Hidden entries are skipped.
 * Folders reached through symbolic links are read after all the others, so a folder is
 * named by its own path rather than by a link's; folders reached again are said once. */
static int load_folder(oap_planset *set, const char *dir, oap_diags *diags)
{
    walk w = {.seen = OAP_STRMAP_INIT};
    int rc = pathlist_add(&w.todo, strdup(dir));
    while (rc == 0 && (w.todo.n > 0 || w.links.n > 0)) {
        pathlist *from = w.todo.n > 0 ? &w.todo : &w.links;
        rc = walk_folder(set, &w, from->items[--from->n]);
    }
    if (rc == 0 && w.skipped)
        add_note(set, w.first_skipped,
                 "is a folder read already under another name (a symbolic link leads to it): "
                 "not read again (%zu such folder%s in all)",
                 w.skipped, w.skipped == 1 ? "" : "s");
    if (rc == 0) {
        if (w.found.n > 1) /* found.items is NULL in a folder without plans */
            qsort(w.found.items, w.found.n, sizeof *w.found.items, cmp_str);
        for (size_t i = 0; i < w.found.n && rc != OAP_ENOMEM; i++) {
            int r = load_file(set, w.found.items[i], diags);
            if (r < 0)
                rc = r;
        }
    }
    /* A folder without a plan file is a mistake of the run (the wrong folder, plans not
     * named *.oap.json), never a clean pass. */
    if (rc == 0 && w.found.n == 0 && !w.unreadable) {
        if (w.other_json)
            set_error(set,
                      "no plan files (*.oap.json) under '%s'; it has %zu .json file%s not "
                      "named *.oap.json",
                      dir, w.other_json, w.other_json == 1 ? "" : "s");
        else
            set_error(set, "no plan files (*.oap.json) under '%s'", dir);
        rc = OAP_EIO;
    }
    oap_strmap_free(&w.seen);
    pathlist_free(&w.todo);
    pathlist_free(&w.links);
    pathlist_free(&w.found);
    pathlist_free(&w.names);
    pathlist_free(&w.keys);
    free(w.first_skipped);
    return rc == 0 && w.unreadable ? OAP_EIO : rc;
}

int oap_planset_load_path(oap_planset *set, const char *path, oap_diags *diags)
{
    if (strcmp(path, "-") == 0)
        return read_source(set, set->stdin_name ? set->stdin_name : "-", stdin, NULL, diags);
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
    return add_source(set, name, copy, len, NULL, diags);
}

/* The text of a regular file again, to locate its findings, if it is still the file that
 * was checked: the same device and inode, size, modification time and length, so never
 * more than the size limit. NULL otherwise (or when it cannot be read). */
static char *reread(const oap_source *src, size_t *len)
{
    if (!src->regular)
        return NULL;
    FILE *f = fopen(src->path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    char *text = NULL, *ident = NULL;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        (unsigned long long)st.st_size == src->size && st.st_mtim.tv_sec == src->mtime.tv_sec &&
        st.st_mtim.tv_nsec == src->mtime.tv_nsec && (ident = ident_of(&st)) &&
        strcmp(ident, src->ident) == 0)
        text = oap_read_stream(f, src->len, len);
    if (text && *len != src->len) {
        free(text);
        text = NULL;
    }
    free(ident);
    fclose(f);
    return text;
}

int oap_planset_locate(oap_planset *set, oap_diags *diags)
{
    oap_diags_files files;
    if (oap_diags_files_build(&files, diags, set->nfiles) < 0)
        return OAP_ENOMEM;
    int rc = 0;
    for (size_t i = 0; i < set->nfiles && rc == 0; i++) {
        oap_source *src = &set->files[i];
        const size_t *of = files.in + files.start[i];
        size_t nof = files.start[i + 1] - files.start[i];
        oap_diag_query *q;
        size_t n = oap_diags_unlocated(diags, of, nof, &q);
        if (n == (size_t)-1) {
            rc = OAP_ENOMEM;
            break;
        }
        char *text = src->text;
        size_t len = src->len;
        /* Read again for findings to locate, or located already (by the loader) and
         * wanting their source lines. */
        if (nof > 0 && !text && src->regular) {
            text = reread(src, &len);
            if (!text)
                add_note(set, src->path,
                         "changed while it was checked: where its findings are is not known, "
                         "they point at its start");
        }
        size_t bom = text ? oap_load_bom_length(text, len) : 0;
        oap_srcmap_query *sq = n > 0 ? calloc(n, sizeof *sq) : NULL;
        rc = n > 0 && !sq ? OAP_ENOMEM : 0;
        for (size_t k = 0; k < n && sq; k++)
            sq[k] = (oap_srcmap_query){q[k].pointer, q[k].at_key, q[k].offset, 0, 0};
        if (sq && text)
            rc = oap_srcmap_locate(text + bom, len - bom, sq, n);
        for (size_t k = 0; k < n && sq; k++) {
            /* Not found cannot happen for pointers the loader built from the same text;
             * point at the file's start rather than print line 0. */
            q[k].line = sq[k].line ? sq[k].line : 1;
            q[k].col = sq[k].line ? sq[k].col : 1;
        }
        if (sq && rc == 0)
            oap_diags_set_locations(diags, q, n);
        free(sq);
        free(q);
        if (rc == 0 && text && nof > 0)
            rc = oap_diags_set_sources(diags, of, nof, text + bom, len - bom);
        /* The texts of buffers, standard input, pipes stay: a second run over the same set
         * locates its findings as the first did. */
        if (text != src->text)
            free(text);
    }
    oap_diags_files_free(&files);
    return rc < 0 ? rc : 0;
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
