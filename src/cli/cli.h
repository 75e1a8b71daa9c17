/* cli: what the commands share: exit codes, messages to standard error. */
#ifndef OAP_CLI_H
#define OAP_CLI_H

#include "help.h"

#include <stdio.h>

enum {
    EXIT_CLEAN = 0,    /* nothing at or above --fail-on */
    EXIT_FINDINGS = 1, /* findings at or above --fail-on */
    EXIT_TROUBLE = 2   /* usage error, unreadable file, bad config, failed write */
};

typedef struct oap_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    const oap_help *help; /* what --help prints; the man page is made from it too */
} oap_command;

int oap_cmd_check(int argc, char **argv);
int oap_cmd_schema(int argc, char **argv);
int oap_cmd_refs(int argc, char **argv);
int oap_cmd_import(int argc, char **argv);
int oap_cmd_dot(int argc, char **argv);
int oap_cmd_tasking(int argc, char **argv);
int oap_cmd_impact(int argc, char **argv);
int oap_cmd_deps(int argc, char **argv);
int oap_cmd_rdeps(int argc, char **argv);
int oap_cmd_path(int argc, char **argv);
int oap_cmd_status(int argc, char **argv);
int oap_cmd_rules(int argc, char **argv);
int oap_cmd_diff(int argc, char **argv);
int oap_cmd_report(int argc, char **argv);

/* Their help tables, beside their options in cmd_<name>.c. */
extern const oap_help oap_help_check, oap_help_schema, oap_help_refs, oap_help_import, oap_help_dot,
    oap_help_tasking, oap_help_impact, oap_help_deps, oap_help_rdeps, oap_help_path,
    oap_help_status, oap_help_rules, oap_help_diff, oap_help_report;

/* "oapgraph: message" on standard error, the message escaped (oap_report_escape): one
 * line, whatever the file names and arguments it quotes hold. */
void oap_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Each line of text as "oapgraph: line": a message of the library that says where it is
 * ("FILE:LINE:COL: message", FILE escaped there), with that place as it is and the rest
 * escaped (a config or baseline file's problems). */
void oap_cli_error_lines(const char *text);

/* Each line of notes (oap_planset_notes) as "oapgraph: note: line" on standard error. */
void oap_cli_notes(const char *notes);

/* Flushes standard output; a failed write is an error (exit 2), never silent. */
int oap_cli_finish_stdout(int status);

#endif
