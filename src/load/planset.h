/* planset: the files of a run, their plans and cycles (the model) and their texts until located. */
#ifndef OAP_LOAD_PLANSET_H
#define OAP_LOAD_PLANSET_H

#include "oapgraph/plan.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/strmap.h"

#include <time.h>

typedef struct oap_source {
    char *path;
    char *text; /* what cannot be read again (standard input, pipes, FIFOs, devices, buffers):
                 * kept as long as the set, to locate findings; a regular file's is let go once
                 * its plan is built and read again then, only if it has findings to locate
                 * or show the lines of, and is unchanged */
    size_t len;
    size_t bom;  /* bytes of byte-order mark skipped before the JSON */
    char *ident; /* "device:inode" of a file that was opened, the key of set->idents */
    int regular; /* a regular file, of size bytes and mtime as first read */
    unsigned long long size;
    struct timespec mtime;
} oap_source;

struct oap_planset {
    oap_model model;
    oap_load_limits limits;
    oap_source *files;
    size_t nfiles, cap;
    oap_strmap paths;    /* the names of files, so a name given twice is read once */
    oap_strmap idents;   /* device and inode of files, so a file reached twice is read once */
    oap_strmap plan_ids; /* the first plan of each id, by its index in the model */
    oap_strbuf notes;    /* what the run should know that is no error, a line each */
    char *stdin_name;    /* what "-" is called in findings; NULL: "-" */
    char **exclude;      /* globs of paths a folder walk leaves out, NULL-terminated, or NULL */
    char error[512];
};

/* The model, for the stages after loading. */
const oap_model *oap_planset_model(const oap_planset *set);

#endif
