/* diag: collecting findings; sorting and locating them happens later. */
#ifndef OAP_CORE_DIAG_H
#define OAP_CORE_DIAG_H

#include "oapgraph/diag.h"

#include <stdarg.h>

/* Where a finding is: the file (and its position in the run, for sorting), the JSON
 * pointer of the value, and whether the finding is about the member name rather than
 * its value (an unknown key is reported where the key is written). line and col may
 * be known already (syntax errors); otherwise they are filled by locating. */
typedef struct oap_where {
    const char *file;
    unsigned file_index;
    const char *pointer;
    int at_key;
    size_t offset; /* a byte offset into the string value at pointer (a mention in a title) */
    unsigned line, col;
    const char *plan;
    const char *node;
    const char *related; /* the other node of a pair (possible-overlap), or NULL */
    /* What the finding concerns inside its node when the pointer's place in a list is not
     * what identifies it: a reference as written ("B:*"), an actor, a mention; or NULL,
     * and then its key path inside the node stands for it (see oap_diag.key). */
    const char *key;
    /* What identifies the finding in place of its plan and node, when where it is
     * reported is incidental (a dependency cycle: its first member by name); or NULL. */
    const char *subject;
    double score;
    /* The finding's source line (oap_diag.source), when it is copied from a located
     * finding; or NULL, and locating fills it in. */
    const char *source;
} oap_where;

/* Adds a finding; the strings are copied. Returns 0 or OAP_ENOMEM. */
int oap_diags_add(oap_diags *diags, const char *rule, oap_severity severity, const oap_where *where,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int oap_diags_addv(oap_diags *diags, const char *rule, oap_severity severity,
                   const oap_where *where, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

/* Locating: the findings of one file that still lack a line, for the source map. */
typedef struct oap_diag_query {
    const char *pointer;
    int at_key;
    size_t offset;
    unsigned line, col; /* filled by the source map; 0 when not found */
    size_t diag;        /* index of the finding */
} oap_diag_query;

/* The findings of each file: those of file f are the indices in[start[f] .. start[f + 1])
 * of diags, ascending. One counting pass, so that locating visits each finding once
 * rather than once per file (10,000 files and 500,000 findings were 5 * 10^9 steps). */
typedef struct oap_diags_files {
    size_t *start, *in;
} oap_diags_files;
/* Groups the findings of files 0 .. nfiles - 1 (others are left out). 0 or OAP_ENOMEM. */
int oap_diags_files_build(oap_diags_files *files, const oap_diags *diags, size_t nfiles);
void oap_diags_files_free(oap_diags_files *files);

/* Fills a malloc'ed array with the unlocated findings among the n findings of, such as a
 * file's from oap_diags_files; returns count, or (size_t)-1 when out of memory. */
size_t oap_diags_unlocated(const oap_diags *diags, const size_t *of, size_t n,
                           oap_diag_query **out);
/* Writes the located lines and columns back. */
void oap_diags_set_locations(oap_diags *diags, const oap_diag_query *q, size_t n);
/* Sets oap_diag.source of every finding among the n findings of (one file's) that has a
 * line, from the len bytes of text the file holds (after any byte-order mark): one copy
 * per line shown, however many findings it has. Returns 0 or OAP_ENOMEM. */
int oap_diags_set_sources(oap_diags *diags, const size_t *of, size_t n, const char *text,
                          size_t len);

/* What identifies finding i in place of its plan and node (oap_where.subject), or "". */
const char *oap_diags_subject(const oap_diags *diags, size_t i);

/* Changes a finding's severity (configuration) */
void oap_diags_set_severity(oap_diags *diags, size_t i, oap_severity s);
/* Removes the findings for which keep returns 0. */
void oap_diags_filter(oap_diags *diags, int (*keep)(const oap_diag *d, void *ctx), void *ctx);

#endif
