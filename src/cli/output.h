/* output: files the commands write (-o): whole or not at all, with the permissions they had. */
#ifndef OAP_CLI_OUTPUT_H
#define OAP_CLI_OUTPUT_H

#include "oapgraph/plan.h"

#include <stdio.h>
#include <sys/types.h>

struct stat;

typedef struct oap_output {
    FILE *f;      /* write here: standard output, or the output kept in memory */
    char *path;   /* the destination as given, for messages; NULL for standard output */
    char *target; /* the file written: path, or where its symbolic links lead */
    char *tmp;    /* the temporary file beside target, while it exists */
    char *buf;    /* what was written to f (open_memstream) */
    size_t len;
    int direct;  /* a device or a pipe: written to as it is, never replaced */
    int existed; /* target was a file: its mode, owner and group are kept */
    int staged;  /* the temporary file is complete, waiting to be renamed */
    mode_t mode;
    uid_t uid;
    gid_t gid;
    struct oap_output *prev, *next; /* among the temporary files a signal removes */
} oap_output;

/* Makes SIGINT, SIGTERM and SIGHUP remove the temporary files that exist at that moment
 * and then end the program as the signal does by default (its usual exit status); a
 * signal ignored when the program started stays ignored. For main, once. */
void oap_output_catch_signals(void);

/* Opens path ("-" or NULL: standard output) for writing. Nothing is made yet: what is
 * written to o->f is kept in memory, and oap_output_commit writes it to a temporary file
 * in the destination's folder (a short name, whatever the length of the destination's)
 * and renames that over the destination, so an interrupted or failed run never leaves
 * half a file, nor a temporary one. A symbolic link is followed to the file it names,
 * which is replaced there. Refuses, before any work is spent on the output, a
 * destination that is one of the plan files of set (the same file, by device and
 * inode), a folder, and one whose folder cannot be written. An existing device or pipe
 * (/dev/stdout, a FIFO), and anything under /dev or /proc, is written directly: a
 * rename would replace it. Reports on standard error and returns -1 on failure, else 0. */
int oap_output_open(oap_output *o, const char *path, const oap_planset *set);

/* Writes what o holds to its temporary file (for a device or a pipe: to it, for
 * standard output: flushes it), with the permissions of the file it replaces (mode,
 * owner and group, as far as the process may change them; a new file gets 0666 less the
 * umask), and syncs it to disk; the rename is left to oap_output_commit. A failed write
 * (full disk) is reported, the temporary file removed and -1 returned. A reader that
 * closed standard output early is the end of the output: 0, no message. */
int oap_output_stage(oap_output *o);

/* Stages o (when not yet done) and renames the temporary file into place. A failure is
 * reported, the temporary file removed and the destination left as it was; returns -1.
 * Returns 0 on success. */
int oap_output_commit(oap_output *o);

/* Commits n staged outputs together: no signal removes some of them while others are
 * already in place. Returns 0, or -1 (reported) when a rename fails; the others are
 * still renamed. */
int oap_output_commit_all(oap_output *o, size_t n);

/* Gives up: removes the temporary file, leaves the destination as it was. */
void oap_output_abort(oap_output *o);

/* Ends a write by how it went: status EXIT_TROUBLE (the command has said why) gives up
 * (oap_output_abort); any other status commits. Returns status, or EXIT_TROUBLE when the
 * commit fails. */
int oap_output_finish(oap_output *o, int status);

/* Whether standard output is a pipe or socket whose reader has gone (head -1 read what it
 * wanted): writes to it fail with EPIPE, and the output ends there, which is not a
 * failure of the run. SIGPIPE must be ignored for the writes to fail rather than kill. */
int oap_output_stdout_closed(void);

/* Whether o (opened) writes a file whose folder is the one dir describes: not a device or
 * a pipe, and not through a symbolic link to another folder. */
int oap_output_in_folder(const oap_output *o, const struct stat *dir);

/* Whether path names the file st describes (the same device and inode): an output about
 * to be written over an input. 0 when path cannot be looked at. */
int oap_output_same_file(const char *path, const struct stat *st);

/* Whether path is one of the plan files of set, by oap_output_same_file. A command that
 * writes several files asks for each before writing any (oap_output_open asks too, but
 * only as each file comes). */
int oap_output_is_input(const char *path, const oap_planset *set);

#endif
