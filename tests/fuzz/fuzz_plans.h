/* fuzz_plans.h: the plan and cycle files of an input, for the targets that load several
 * (load, dot). The files are separated by lines "#file"; they are named a.oap.json,
 * b.cycle.json, c.oap.json, ...: the loader tells a cycle file from a plan file by its
 * content, and by its name only when the content says neither, so every other name is a
 * cycle file's, for both ways to be reached. */
#ifndef OAP_TESTS_FUZZ_PLANS_H
#define OAP_TESTS_FUZZ_PLANS_H

#include "fuzz.h"

#include "oapgraph/diag.h"
#include "oapgraph/plan.h"

#define FUZZ_FILE_MARK "\n#file\n"
#define FUZZ_MAX_FILES 8

static const char *const fuzz_file_names[FUZZ_MAX_FILES] = {
    "a.oap.json", "b.cycle.json", "c.oap.json", "d.cycle.json",
    "e.oap.json", "f.cycle.json", "g.oap.json", "h.cycle.json"};

/* One file of an input: len bytes at text. */
typedef struct fuzz_file {
    const char *text;
    size_t len;
} fuzz_file;

/* Splits the len bytes at text at "#file" lines into at most max files (the last one
 * takes the rest) and loads each into set (loading must succeed), filling files when it
 * is not NULL. Returns how many files there are. */
static inline size_t fuzz_load_files(oap_planset *set, oap_diags *diags, const char *text,
                                     size_t len, size_t max, fuzz_file *files)
{
    const size_t mark = sizeof FUZZ_FILE_MARK - 1;
    size_t nfiles = 0, start = 0;
    if (max > FUZZ_MAX_FILES)
        max = FUZZ_MAX_FILES;
    while (nfiles < max) {
        size_t end = len;
        if (nfiles + 1 < max)
            for (size_t i = start; i + mark <= len; i++)
                if (memcmp(text + i, FUZZ_FILE_MARK, mark) == 0) {
                    end = i;
                    break;
                }
        if (files)
            files[nfiles] = (fuzz_file){text + start, end - start};
        int rc =
            oap_planset_load_buffer(set, fuzz_file_names[nfiles], text + start, end - start, diags);
        FUZZ_ASSERT(rc == 0, "loading file %zu returned %d", nfiles, rc);
        nfiles++;
        if (end == len)
            break;
        start = end + mark;
    }
    return nfiles;
}

#endif
