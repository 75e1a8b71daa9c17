/* cmd_import: turn an OAP table (TSV, CSV, Council text) into a plan file. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include "oapgraph/import.h"
#include "oapgraph/report.h"
#include "args.h"
#include "output.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const oap_help_option help_options[] = {
    {{"--format FORMAT"}, "auto (default: tell from the text), tsv, csv or council"},
    {{"--priority CODE"}, "the priority the plan is for (C); overrides the table's"},
    {{"--year YEAR"}, "the year the plan is for (2012); overrides the table's"},
    {{"-o, --output FILE"}, "write the plan to FILE (atomically) instead of standard output"},
    {{"-q, --quiet"}, "no summary line on standard error"},
    {{"-h, --help"}, "this help"},
    {{NULL}, NULL}};

const oap_help oap_help_import = {
    .usage = "oapgraph import [OPTIONS] FILE",
    .description =
        "Turns an OAP table into a plan file (JSON) on standard output. FILE is a table\n"
        "saved as tab-separated text or CSV, or the plan as text pasted or converted from\n"
        "the Council document; '-' reads standard input:\n"
        "  oapgraph import 2012-C.txt > 2012-C.oap.json\n"
        "  oapgraph import 2012-C.txt | oapgraph check -",
    .column = 20,
    .options = help_options,
    .notes = "A TSV or CSV table needs a header row naming its columns (#, Activity, Leader,\n"
             "Participants, Description, I/D SG, I/D OA, Timing, Target, Results>June,\n"
             "Results>Dec, in any order), rows \"Strategic Goal N: title\" before the actions of\n"
             "each goal, and the priority and year: from --priority and --year, or from rows\n"
             "above the header such as \"Priority: C\" and \"Year: 2012\".\n"
             "\n"
             "What cannot be placed in the plan is reported on standard error with its line:\n"
             "  oapgraph: import: FILE:LINE: message         (the text is not in the plan)\n"
             "  oapgraph: import: FILE:LINE: note: message   (nothing is lost)",
    .exit_status = "0 plan written, 1 plan written but some text could not be placed,\n"
                   "or no plan could be made; 2 usage error, unreadable input, priority or year\n"
                   "unknown, failed write.",
};

static void print_messages(const char *name, const oap_import_messages *m)
{
    /* The name as the user gave it, escaped as plan text is (the messages are already). */
    for (size_t i = 0; i < m->n; i++) {
        const oap_import_message *x = &m->items[i];
        const char *note = x->level == OAP_IMPORT_NOTE ? "note: " : "";
        fputs("oapgraph: import: ", stderr);
        oap_report_escape(stderr, name);
        if (x->line)
            fprintf(stderr, ":%u: %s%s\n", x->line, note, x->text);
        else
            fprintf(stderr, ": %s%s\n", note, x->text);
    }
    if (m->more) {
        fputs("oapgraph: import: ", stderr);
        oap_report_escape(stderr, name);
        fprintf(stderr, ": %zu more messages not shown\n", m->more);
    }
}

static const char *format_words(oap_import_format f)
{
    return f == OAP_IMPORT_COUNCIL ? "Council text" : f == OAP_IMPORT_TSV ? "TSV" : "CSV";
}

typedef struct args {
    oap_import_options opts;
    const char *output;
    int quiet;
} args;

static int valid_code(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 32)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '.' || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

static int run(const args *a, const char *path)
{
    int status = EXIT_CLEAN;
    oap_import *imp = NULL;
    oap_import_messages msgs = OAP_IMPORT_MESSAGES_INIT;
    oap_output out = {0};
    int is_stdin = strcmp(path, "-") == 0;
    struct stat in_st;
    int have_st = 0;
    int rc;

    if (is_stdin) {
        rc = oap_import_new_from_stream(&imp, path, stdin, &a->opts, &msgs);
    } else {
        FILE *f = fopen(path, "rb");
        if (!f) {
            oap_cli_error("import: cannot read '%s': %s", path, strerror(errno));
            return EXIT_TROUBLE;
        }
        have_st = fstat(fileno(f), &in_st) == 0;
        rc = oap_import_new_from_stream(&imp, path, f, &a->opts, &msgs);
        int e = errno;
        fclose(f);
        errno = e;
    }
    if (rc == OAP_EIO) {
        if (is_stdin)
            oap_cli_error("import: cannot read standard input: %s", strerror(errno));
        else
            oap_cli_error("import: cannot read '%s': %s", path, strerror(errno));
        status = EXIT_TROUBLE;
        goto done;
    }
    print_messages(path, &msgs);
    if (rc == OAP_ENOMEM) {
        oap_cli_error("import: %s", oap_strerror(rc));
        status = EXIT_TROUBLE;
        goto done;
    }
    if (rc < 0) { /* OAP_EINVAL: no priority or year; OAP_ELIMIT: too large */
        status = EXIT_TROUBLE;
        goto done;
    }
    const oap_plan *plan = oap_import_plan(imp);
    if (!plan) {
        status = EXIT_FINDINGS;
        goto done;
    }
    if (a->output && strcmp(a->output, "-") != 0 && have_st &&
        oap_output_same_file(a->output, &in_st)) {
        oap_cli_error("import: refusing to write '%s': it is the table being imported", a->output);
        status = EXIT_TROUBLE;
        goto done;
    }
    if (oap_output_open(&out, a->output, NULL) < 0) {
        status = EXIT_TROUBLE;
        goto done;
    }
    rc = oap_import_write(out.f, plan);
    if (rc == OAP_EIO && !out.path && oap_output_stdout_closed())
        rc = 0; /* the reader has what it wanted */
    if (rc < 0) {
        if (rc == OAP_EIO)
            oap_cli_error("import: cannot write %s%s%s", out.path ? "'" : "",
                          out.path ? out.path : "to standard output", out.path ? "'" : "");
        else
            oap_cli_error("import: %s", oap_strerror(rc));
        oap_output_abort(&out);
        status = EXIT_TROUBLE;
        goto done;
    }
    if (oap_output_commit(&out) < 0) {
        status = EXIT_TROUBLE;
        goto done;
    }
    if (!a->quiet) {
        size_t notes = msgs.n + msgs.more - (size_t)msgs.warnings;
        size_t goals = oap_plan_goal_count(plan), actions = oap_plan_action_count(plan);
        fputs("oapgraph: import: ", stderr);
        oap_report_escape(stderr, path);
        fprintf(stderr, ": %s, plan %s: %zu goal%s, %zu action%s; %d warning%s, %zu note%s\n",
                format_words(oap_import_format_of(imp)), oap_plan_id(plan), goals,
                goals == 1 ? "" : "s", actions, actions == 1 ? "" : "s", msgs.warnings,
                msgs.warnings == 1 ? "" : "s", notes, notes == 1 ? "" : "s");
    }
    status = msgs.warnings > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
done:
    oap_import_messages_free(&msgs);
    oap_import_free(imp);
    return status;
}

int oap_cmd_import(int argc, char **argv)
{
    enum { OPT_FORMAT = 256, OPT_PRIORITY, OPT_YEAR };
    static const char shortopts[] = "o:qh";
    static const struct option longopts[] = {{"format", required_argument, NULL, OPT_FORMAT},
                                             {"priority", required_argument, NULL, OPT_PRIORITY},
                                             {"year", required_argument, NULL, OPT_YEAR},
                                             {"output", required_argument, NULL, 'o'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    args a = {OAP_IMPORT_OPTIONS_INIT, NULL, 0};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT:
            if (oap_import_format_parse(optarg, &a.opts.format) < 0) {
                oap_cli_error("import: --format takes auto, tsv, csv or council, not '%s'", optarg);
                return EXIT_TROUBLE;
            }
            break;
        case OPT_PRIORITY:
            if (!valid_code(optarg)) {
                oap_cli_error("import: --priority takes a code of letters, digits, '.', '_' and "
                              "'-' such as C, not '%s'",
                              optarg);
                return EXIT_TROUBLE;
            }
            a.opts.priority = optarg;
            break;
        case OPT_YEAR: {
            long year;
            if (oap_cli_number(optarg, 1900, 2200, &year) < 0) {
                oap_cli_error("import: --year takes a year between 1900 and 2200, not '%s'",
                              optarg);
                return EXIT_TROUBLE;
            }
            a.opts.year = (int)year;
            break;
        }
        case 'o':
            a.output = optarg;
            break;
        case 'q':
            a.quiet = 1;
            break;
        case 'h':
            oap_help_print(stdout, &oap_help_import);
            return oap_cli_finish_stdout(EXIT_CLEAN);
        default:
            return oap_cli_bad_option("import", argv[optind - 1], shortopts, longopts);
        }
    }
    if (optind >= argc) {
        oap_cli_error("import: no table given; see 'oapgraph import --help'");
        return EXIT_TROUBLE;
    }
    if (argc - optind > 1) {
        oap_cli_error("import: one table at a time; '%s' is a second one", argv[optind + 1]);
        return EXIT_TROUBLE;
    }
    return oap_cli_finish_stdout(run(&a, argv[optind]));
}
