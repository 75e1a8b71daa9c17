/* main: the oapgraph program; dispatches to one function per command. */
#include "cli.h"

#include "oapgraph/oapgraph.h"
#include "output.h"

#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const oap_command commands[] = {
    {"check", oap_cmd_check, "run every rule over plans, print findings", &oap_help_check},
    {"dot", oap_cmd_dot, "draw plans as a diagram: DOT, or SVG, PNG, PDF through Graphviz",
     &oap_help_dot},
    {"import", oap_cmd_import, "turn an OAP table (TSV, CSV, Council text) into a plan file",
     &oap_help_import},
    {"refs", oap_cmd_refs, "show how a table cell such as \"SG 1, SGs in priority B\" reads",
     &oap_help_refs},
    {"schema", oap_cmd_schema, "print the JSON Schema of the plan format", &oap_help_schema},
    {"rules", oap_cmd_rules, "every rule of check and its default severity; one explained",
     &oap_help_rules},
    {"report", oap_cmd_report, "one self-contained HTML page: findings, diagrams, sheets",
     &oap_help_report},
    {"tasking", oap_cmd_tasking, "one sheet per Member State and agency: what it leads and joins",
     &oap_help_tasking},
    {"impact", oap_cmd_impact, "what an actor's drop-out (--without) or a slip (--late) does",
     &oap_help_impact},
    {"deps", oap_cmd_deps, "what a node needs, directly and through others", &oap_help_deps},
    {"rdeps", oap_cmd_rdeps, "what needs a node, directly and through others", &oap_help_rdeps},
    {"path", oap_cmd_path, "the shortest path between two nodes", &oap_help_path},
    {"status", oap_cmd_status, "the monitoring roll-up: last statuses, KPIs, missing reports",
     &oap_help_status},
    {"diff", oap_cmd_diff, "what changed between two revisions, and which findings it made",
     &oap_help_diff},
};

/* The program's own help; usage() puts the commands between its parts. */
static const oap_help program = {
    .usage = "oapgraph COMMAND [OPTIONS] PLAN...\n"
             "oapgraph --help | --version | -V",
    .description = "Reads EU Operational Action Plans as a graph and reports what is wrong.",
    .exit_status = "0 clean, 1 findings at or above --fail-on, 2 trouble.",
};

void oap_cli_error(const char *fmt, ...)
{
    /* Messages quote file names and arguments (a --focus, a reference for refs), which may
     * hold anything: the whole message is escaped as plan text is, on one line. */
    char small[1024], *text = small;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof small && (text = malloc((size_t)n + 1))) {
        va_start(ap, fmt);
        vsnprintf(text, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    fputs("oapgraph: ", stderr);
    oap_report_escape(stderr, text ? text : small); /* out of memory: the message cut */
    fputc('\n', stderr);
    if (text != small)
        free(text);
}

/* The length of s up to and with its first place (":N:N: "), or 0 when it has none. */
static size_t through_place(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = i;
        int part;
        for (part = 0; part < 2; part++) {
            if (k >= n || s[k] != ':' || k + 1 >= n || !(s[k + 1] >= '0' && s[k + 1] <= '9'))
                break;
            for (k++; k < n && s[k] >= '0' && s[k] <= '9'; k++)
                ;
        }
        if (part == 2 && k + 1 < n && s[k] == ':' && s[k + 1] == ' ')
            return k + 2;
    }
    return 0;
}

void oap_cli_error_lines(const char *text)
{
    while (*text) {
        size_t n = strcspn(text, "\n"), at = through_place(text, n);
        char *line = malloc(n + 1);
        if (line) {
            memcpy(line, text, n);
            line[n] = '\0';
        }
        fputs("oapgraph: ", stderr);
        if (line) {
            /* "FILE:L:C: " as it is (the library wrote FILE escaped), then the rest. */
            fwrite(line, 1, at, stderr);
            oap_report_escape(stderr, line + at);
        }
        fputc('\n', stderr);
        free(line);
        text += n + (text[n] != '\0');
    }
}

void oap_cli_notes(const char *notes)
{
    while (*notes) {
        size_t n = strcspn(notes, "\n");
        fprintf(stderr, "oapgraph: note: %.*s\n", (int)n, notes);
        notes += n + (notes[n] != '\0');
    }
}

int oap_cli_finish_stdout(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (oap_output_stdout_closed())
            return status; /* the reader has what it wanted: not a failure of the run */
        oap_cli_error("cannot write to standard output");
        return EXIT_TROUBLE;
    }
    return status;
}

static void usage(FILE *out)
{
    oap_help_print_usage(out, &program);
    fprintf(out, "\n%s\n\ncommands:\n", program.description);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'oapgraph COMMAND --help' tells more about a command.\nexit status: %s\n",
            program.exit_status);
}

int main(int argc, char **argv)
{
    /* A reader that closes the pipe early (| head -1) ends the output, not the program:
     * writes then fail with EPIPE, and each command ends as its findings say. */
    signal(SIGPIPE, SIG_IGN);
    oap_output_catch_signals();
    /* Plan trees are read whole and dropped whole: no malloc and free per JSON value. */
    oap_json_use_block_allocator();
    atexit(oap_json_block_allocator_end);
    if (argc < 2) {
        usage(stderr);
        return EXIT_TROUBLE;
    }
    /* Not in the help: the tables for the man page generator (src/man/mkman.py). */
    if (argc == 3 && strcmp(argv[1], "help") == 0 && strcmp(argv[2], "--dump-json") == 0) {
        oap_help_dump_json(stdout, &program, commands, sizeof commands / sizeof commands[0]);
        return oap_cli_finish_stdout(EXIT_CLEAN);
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return oap_cli_finish_stdout(EXIT_CLEAN);
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("oapgraph %s\n", oap_version());
        return oap_cli_finish_stdout(EXIT_CLEAN);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    /* A slip of the keyboard gets the command it was meant to be (git does so). */
    const char *names[sizeof commands / sizeof commands[0]];
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        names[i] = commands[i].name;
    const char *near = oap_suggest_nearest(argv[1], names, sizeof names / sizeof names[0]);
    if (near)
        oap_cli_error("'%s' is not a command; did you mean '%s'? see 'oapgraph --help'", argv[1],
                      near);
    else
        oap_cli_error("'%s' is not a command; see 'oapgraph --help'", argv[1]);
    return EXIT_TROUBLE;
}
