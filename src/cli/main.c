/* main: the oapgraph program; dispatches to one function per command. */
#include "cli.h"

#include "oapgraph/oapgraph.h"

#include <stdarg.h>
#include <string.h>

static const oap_command commands[] = {
    {"check", oap_cmd_check, "run every rule over plans, print findings"},
    {"dot", oap_cmd_dot, "draw plans as a diagram: DOT, or SVG, PNG, PDF through Graphviz"},
    {"import", oap_cmd_import, "turn an OAP table (TSV, CSV, Council text) into a plan file"},
    {"refs", oap_cmd_refs, "show how a table cell such as \"SG 1, SGs in priority B\" reads"},
    {"schema", oap_cmd_schema, "print the JSON Schema of the plan format"},
    {"tasking", oap_cmd_tasking, "one sheet per Member State and agency: what it leads and joins"},
    {"impact", oap_cmd_impact, "what an actor's drop-out (--without) or a slip (--late) does"},
    {"deps", oap_cmd_deps, "what a node needs, directly and through others"},
    {"rdeps", oap_cmd_rdeps, "what needs a node, directly and through others"},
    {"path", oap_cmd_path, "the shortest path between two nodes"},
};

void oap_cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("oapgraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int oap_cli_finish_stdout(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        oap_cli_error("cannot write to standard output");
        return EXIT_TROUBLE;
    }
    return status;
}

static void usage(FILE *out)
{
    fprintf(out, "usage: oapgraph COMMAND [OPTIONS] PLAN...\n"
                 "       oapgraph --help | --version\n\n"
                 "Reads EU Operational Action Plans as a graph and reports what is wrong.\n\n"
                 "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'oapgraph COMMAND --help' tells more about a command.\n"
                 "exit status: 0 clean, 1 findings at or above --fail-on, 2 trouble.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_TROUBLE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return oap_cli_finish_stdout(EXIT_CLEAN);
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("oapgraph %s\n", oap_version());
        return oap_cli_finish_stdout(EXIT_CLEAN);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    oap_cli_error("'%s' is not a command; see 'oapgraph --help'", argv[1]);
    return EXIT_TROUBLE;
}
