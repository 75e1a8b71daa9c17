/* output: files the commands write (-o), atomically and never over an input plan. */
#ifndef OAP_CLI_OUTPUT_H
#define OAP_CLI_OUTPUT_H

#include "oapgraph/plan.h"

#include <stdio.h>

struct stat;

typedef struct oap_output {
    FILE *f;    /* write here */
    char *path; /* the destination, NULL for standard output */
    char *tmp;  /* the temporary file beside it */
} oap_output;

/* Opens path ("-" or NULL: standard output) for writing through a temporary file in the
 * same folder, so an interrupted run never leaves half a file. Refuses a destination that
 * is one of the plan files of set (the same file, by device and inode), or a folder. An
 * existing device or pipe (/dev/stdout, a FIFO) is written directly: a rename would
 * replace it. Reports on standard error and returns -1 on failure, else 0. */
int oap_output_open(oap_output *o, const char *path, const oap_planset *set);

/* Flushes and renames the temporary file into place. A failed write (full disk, closed
 * standard output) is reported, the temporary file removed and the destination left as
 * it was; returns -1. Returns 0 on success. */
int oap_output_commit(oap_output *o);

/* Gives up: removes the temporary file, leaves the destination as it was. */
void oap_output_abort(oap_output *o);

/* Ends a write by how it went: status EXIT_TROUBLE (the command has said why) gives up
 * (oap_output_abort); any other status commits. Returns status, or EXIT_TROUBLE when the
 * commit fails. */
int oap_output_finish(oap_output *o, int status);

/* Whether path names the file st describes (the same device and inode): an output about
 * to be written over an input. 0 when path cannot be looked at. */
int oap_output_same_file(const char *path, const struct stat *st);

/* Whether path is one of the plan files of set, by oap_output_same_file. A command that
 * writes several files asks for each before writing any (oap_output_open asks too, but
 * only as each file comes). */
int oap_output_is_input(const char *path, const oap_planset *set);

#endif
