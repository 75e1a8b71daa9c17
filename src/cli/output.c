/* output: files the commands write (-o), atomically and never over an input plan. */
#define _POSIX_C_SOURCE 200809L
#include "output.h"

#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int oap_output_same_file(const char *path, const struct stat *st)
{
    struct stat b;
    return stat(path, &b) == 0 && st->st_dev == b.st_dev && st->st_ino == b.st_ino;
}

/* Whether st is the file of one of the plans of set (NULL: none). */
static int is_plan(const struct stat *st, const oap_planset *set)
{
    for (size_t i = 0; set && i < oap_planset_file_count(set); i++)
        if (oap_output_same_file(oap_planset_file(set, i), st))
            return 1;
    return 0;
}

int oap_output_is_input(const char *path, const oap_planset *set)
{
    struct stat st;
    return stat(path, &st) == 0 && is_plan(&st, set);
}

int oap_output_open(oap_output *o, const char *path, const oap_planset *set)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists) {
        if (S_ISDIR(st.st_mode)) {
            oap_cli_error("cannot write '%s': it is a folder", path);
            return -1;
        }
        if (is_plan(&st, set)) {
            oap_cli_error("refusing to write '%s': it is one of the input plans", path);
            return -1;
        }
    }
    if (exists && !S_ISREG(st.st_mode)) {
        /* A device or a pipe (/dev/stdout, a FIFO) cannot be replaced by a rename, and
         * must not be: write to it directly. */
        o->f = fopen(path, "w");
        if (!o->f) {
            oap_cli_error("cannot write '%s': %s", path, strerror(errno));
            return -1;
        }
        o->path = strdup(path);
        if (!o->path) {
            fclose(o->f);
            o->f = NULL;
            oap_cli_error("out of memory");
            return -1;
        }
        return 0;
    }
    size_t len = strlen(path);
    o->path = strdup(path);
    o->tmp = malloc(len + 16);
    if (!o->path || !o->tmp) {
        oap_cli_error("out of memory");
        oap_output_abort(o);
        return -1;
    }
    /* mkstemp in the destination's folder, so rename is atomic (same file system). */
    snprintf(o->tmp, len + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        oap_cli_error("cannot write '%s': %s", path, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        oap_output_abort(o);
        return -1;
    }
    o->f = fdopen(fd, "w");
    if (!o->f) {
        close(fd);
        oap_cli_error("cannot write '%s': %s", path, strerror(errno));
        oap_output_abort(o);
        return -1;
    }
    return 0;
}

int oap_output_commit(oap_output *o)
{
    if (!o->path) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            oap_cli_error("cannot write to standard output");
            return -1;
        }
        return 0;
    }
    int failed = fflush(o->f) != 0 || ferror(o->f);
    int e = errno;
    if (fclose(o->f) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    o->f = NULL;
    if (!failed && !o->tmp) {
        free(o->path);
        o->path = NULL;
        return 0;
    }
    if (failed && !o->tmp) {
        oap_cli_error("cannot write '%s': %s", o->path, strerror(e));
        free(o->path);
        o->path = NULL;
        return -1;
    }
    if (!failed) {
        /* Plain permissions for a new file, as the umask allows (mkstemp makes it 0600). */
        mode_t mask = umask(0);
        umask(mask);
        chmod(o->tmp, 0666 & ~mask);
        if (rename(o->tmp, o->path) != 0) {
            failed = 1;
            e = errno;
        }
    }
    if (failed) {
        oap_cli_error("cannot write '%s': %s", o->path, strerror(e));
        oap_output_abort(o);
        return -1;
    }
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    return 0;
}

void oap_output_abort(oap_output *o)
{
    if (o->f && o->f != stdout)
        fclose(o->f);
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
}

int oap_output_finish(oap_output *o, int status)
{
    if (status == EXIT_TROUBLE) {
        oap_output_abort(o);
        return status;
    }
    return oap_output_commit(o) < 0 ? EXIT_TROUBLE : status;
}
