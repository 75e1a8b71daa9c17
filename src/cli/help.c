/* help: the help table of each command, from which --help is printed and the man page made. */
#include "help.h"

#include "cli.h"
#include "jsonout.h"

#include "oapgraph/common.h"

#include <string.h>

/* The options, each name beside a line of its text, the text starting at column. */
static void print_option(FILE *out, int column, const oap_help_option *o)
{
    const char *line = o->text;
    for (size_t k = 0;; k++) {
        const char *name = k < sizeof o->names / sizeof o->names[0] ? o->names[k] : NULL;
        size_t len = strcspn(line, "\n");
        int pad = column;
        if (name) {
            fprintf(out, "  %s", name);
            pad = column - 2 - (int)strlen(name);
            if (pad < 1)
                pad = 1;
        }
        fprintf(out, "%*s%.*s\n", pad, "", (int)len, line);
        if (!line[len])
            break;
        line += len + 1;
    }
}

void oap_help_print_usage(FILE *out, const oap_help *help)
{
    const char *u = help->usage;
    fputs("usage: ", out);
    for (size_t len; u[len = strcspn(u, "\n")]; u += len + 1)
        fprintf(out, "%.*s\n       ", (int)len, u);
    fprintf(out, "%s\n", u);
}

void oap_help_print(FILE *out, const oap_help *help)
{
    oap_help_print_usage(out, help);
    fprintf(out, "\n%s\n", help->description);
    if (help->options) {
        fputs("\noptions:\n", out);
        for (const oap_help_option *o = help->options; o->names[0]; o++)
            print_option(out, help->column, o);
    }
    if (help->notes)
        fprintf(out, "\n%s\n", help->notes);
    if (help->exit_status)
        fprintf(out, "\nexit status: %s\n", help->exit_status);
}

/* The parts of a help table, as members of the object being written (after others). */
static void dump_help(FILE *out, const oap_help *help)
{
    fputs(", \"usage\": [", out);
    const char *u = help->usage;
    for (size_t len;; u += len + 1) {
        char line[256]; /* a usage line is one line of a terminal */
        len = strcspn(u, "\n");
        snprintf(line, sizeof line, "%.*s", (int)len, u);
        fputs(u == help->usage ? "" : ", ", out);
        oap_cli_json_string(out, line);
        if (!u[len])
            break;
    }
    fputs("]", out);
    oap_cli_json_member(out, 0, "description", help->description);
    fprintf(out, ", \"column\": %d", help->column);
    fputs(", \"options\": [", out);
    for (const oap_help_option *o = help->options; o && o->names[0]; o++) {
        fprintf(out, "%s\n    {\"names\": [", o == help->options ? "" : ",");
        for (size_t k = 0; k < sizeof o->names / sizeof o->names[0] && o->names[k]; k++) {
            fputs(k ? ", " : "", out);
            oap_cli_json_string(out, o->names[k]);
        }
        fputs("]", out);
        oap_cli_json_member(out, 0, "text", o->text);
        fputs("}", out);
    }
    fputs("]", out);
    oap_cli_json_member(out, 0, "notes", help->notes);
    oap_cli_json_member(out, 0, "exit_status", help->exit_status);
}

void oap_help_dump_json(FILE *out, const oap_help *program, const struct oap_command *commands,
                        size_t ncommands)
{
    fputs("{\"program\": {", out);
    oap_cli_json_member(out, 1, "name", "oapgraph");
    oap_cli_json_member(out, 0, "version", OAPGRAPH_VERSION);
    dump_help(out, program);
    fputs("},\n\"commands\": [", out);
    for (size_t i = 0; i < ncommands; i++) {
        fputs(i ? ",\n  {" : "\n  {", out);
        oap_cli_json_member(out, 1, "name", commands[i].name);
        oap_cli_json_member(out, 0, "summary", commands[i].summary);
        dump_help(out, commands[i].help);
        fputs("}", out);
    }
    fputs("]}\n", out);
}
