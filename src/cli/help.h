/* help: the help table of each command, from which --help is printed and the man page made. */
#ifndef OAP_CLI_HELP_H
#define OAP_CLI_HELP_H

#include <stddef.h>
#include <stdio.h>

/* One option, or a few that share one text: each name stands beside a line of the text
 * (--max-file-size, --max-depth, ... beside the lines of one sentence), so there are at
 * most as many names as lines. */
typedef struct oap_help_option {
    const char *names[4]; /* with the argument, as the help shows it: "-o, --output FILE" */
    const char *text;     /* the lines as printed, '\n' between them */
} oap_help_option;

/* What --help prints, in this order: "usage: " and the usage lines, the description, the
 * options, the notes, "exit status: " and the exit status, a blank line between parts.
 * Texts are wrapped as printed ('\n' between lines, none at the end); a line indented by
 * two spaces is an example or a quoted output, shown as it is. */
typedef struct oap_help {
    const char *usage;       /* one command line a line: "oapgraph check [OPTIONS] PLAN..." */
    const char *description; /* what the command does; paragraphs, blank lines between */
    int column;              /* where option texts start */
    const oap_help_option *options; /* ending with an entry without names; NULL: no options */
    const char *notes;              /* more paragraphs after the options, or NULL */
    const char *exit_status;        /* or NULL */
} oap_help;

/* "usage: " and the usage lines, one under the other. */
void oap_help_print_usage(FILE *out, const oap_help *help);

/* Prints help as the command's --help shows it. A failed write is for the caller to find
 * (oap_cli_finish_stdout). */
void oap_help_print(FILE *out, const oap_help *help);

struct oap_command;

/* Writes the program's help table and every command's as one JSON document, for the
 * man page generator (src/man/mkman.py): {"program": {...}, "commands": [{"name",
 * "summary", "usage": [lines], "description", "column", "options": [{"names", "text"}],
 * "notes", "exit_status"}]}, texts as in the tables. A failed write is for the caller to find. */
void oap_help_dump_json(FILE *out, const oap_help *program, const struct oap_command *commands,
                        size_t ncommands);

#endif
