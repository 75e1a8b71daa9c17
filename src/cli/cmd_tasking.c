/* cmd_tasking: one sheet per Member State and agency: what it leads, joins, when, KPIs. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include "args.h"
#include "output.h"
#include "plans.h"

#include "oapgraph/oapgraph.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const oap_help_option help_options[] = {
    {{"--actor CODE"},
     "only this actor's sheet (again for more); an actor that takes\n"
     "part in nothing gets an empty sheet"},
    {{"--format FORMAT"},
     "markdown (default), csv (RFC 4180, one table, the actor in\n"
     "the first columns) or json"},
    {{"--csv-sep CHAR"},
     "with --format csv: the character between fields, ',' by\n"
     "default; ';' or tab (also written 'tab') for spreadsheet\n"
     "programs that read ';' where the decimal mark is ','"},
    {{"--bom"},
     "with --format csv: start with a UTF-8 byte-order mark, from\n"
     "which spreadsheet programs know the encoding"},
    {{"-o DIR"},
     "one file per actor in DIR (made if missing), named by its\n"
     "code: HU.md, Europol.md, Relevant-MS.md (ASCII characters\n"
     "but letters, digits, '-' and '_' become '-'; accented letters\n"
     "their ASCII letter; other characters their escape, u0395);\n"
     "all sheets or none; other files in DIR are left alone"},
    {{"-h, --help"}, "this help"},
    {{NULL}, NULL}};

const oap_help oap_help_tasking = {
    .usage = "oapgraph tasking [OPTIONS] PLAN...",
    .description =
        "One tasking sheet per Member State, agency and other actor across the loaded\n"
        "plans (files, folders of *.oap.json, '-'): every action it leads or joins, with\n"
        "plan, goal, role (leader; co-leader when an action has several leaders or its\n"
        "coleaders name the actor; participant), timing, target and KPIs (with their\n"
        "targets where it leads), and whether it drives or supports a plan; then the\n"
        "Joint Action Days of its actions and the grants of those it leads.\n"
        "\"All MS\" is on the sheet of every state that is a member in the plan's year,\n"
        "marked \"as one of All MS\"; groups that cannot be expanded (\"Relevant MS\", \"MS\n"
        "concerned\", \"Acting EU Presidency\", ...) have a sheet of their own: the actions\n"
        "whose participants are still to be named. Names are read as the registry knows\n"
        "them (\"Cefpol\" is CEPOL). A sheet carries the classification of its plans.",
    .column = 19,
    .options = help_options,
    .exit_status = "0 written, 2 trouble (usage, unreadable file, unknown actor, a code\n"
                   "that makes no safe file name, failed write).",
};

typedef struct args {
    const char **actors;
    size_t nactors;
    oap_tasking_format fmt;
    const char *dir;
    char sep;    /* between CSV fields */
    int bom;     /* a UTF-8 byte-order mark first */
    int csv_opt; /* --csv-sep or --bom given: they need --format csv */
} args;

/* The sheets in a's format, with its separator and byte-order mark. 0, OAP_EIO or
 * OAP_ENOMEM. */
static int write_sheets(FILE *out, const args *a, const oap_tasking *t, const size_t *sheets,
                        size_t n)
{
    if (a->bom)
        fputs("\xEF\xBB\xBF", out);
    if (a->fmt == OAP_TASKING_CSV)
        return oap_tasking_write_csv(out, t, sheets, n, a->sep);
    return oap_tasking_write(out, t, sheets, n, a->fmt);
}

static const char *const format_names[] = {"markdown", "csv", "json"};

/* The sheets asked for, in the order asked, each once; 0 or EXIT_TROUBLE (said why). */
static int select_sheets(const args *a, oap_tasking *t, size_t **out, size_t *n)
{
    char err[512];
    *n = 0;
    if (!a->nactors) {
        size_t all;
        const size_t *order = oap_tasking_sheets(t, &all);
        *out = malloc((all + 1) * sizeof **out);
        if (!*out)
            goto nomem;
        memcpy(*out, order, all * sizeof **out);
        *n = all;
        return 0;
    }
    *out = malloc(a->nactors * sizeof **out);
    if (!*out)
        goto nomem;
    for (size_t i = 0; i < a->nactors; i++) {
        size_t s;
        int rc = oap_tasking_select(t, a->actors[i], &s, err, sizeof err);
        if (rc == OAP_ENOMEM)
            goto nomem;
        if (rc < 0) {
            oap_cli_error("tasking: %s", err);
            return EXIT_TROUBLE;
        }
        size_t k = 0;
        while (k < *n && (*out)[k] != s)
            k++;
        if (k == *n)
            (*out)[(*n)++] = s;
    }
    return 0;
nomem:
    oap_cli_error("tasking: %s", oap_strerror(OAP_ENOMEM));
    return EXIT_TROUBLE;
}

/* The sheets, one after the other, on standard output. */
static int write_stdout(const args *a, const oap_tasking *t, const size_t *sheets, size_t n)
{
    oap_output o;
    if (oap_output_open(&o, NULL, NULL) < 0)
        return EXIT_TROUBLE;
    int rc = write_sheets(o.f, a, t, sheets, n);
    if (rc == OAP_ENOMEM)
        oap_cli_error("tasking: %s", oap_strerror(rc));
    /* A failed write (OAP_EIO) is what the commit finds and reports. */
    return oap_output_finish(&o, rc == OAP_ENOMEM ? EXIT_TROUBLE : EXIT_CLEAN);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* One file per sheet in dir, all or none: every destination is checked before anything
 * is written (a folder, a FIFO, a device, a link out of the folder in place of a sheet
 * stop the run), and every sheet is written to its temporary file before the first is
 * renamed into place. */
static int write_dir(const args *a, const oap_tasking *t, const size_t *sheets, size_t n,
                     const oap_planset *set)
{
    struct stat st;
    if (stat(a->dir, &st) != 0) {
        if (errno != ENOENT || mkdir(a->dir, 0777) != 0 || stat(a->dir, &st) != 0) {
            oap_cli_error("tasking: cannot make the folder '%s': %s", a->dir, strerror(errno));
            return EXIT_TROUBLE;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        oap_cli_error("tasking: -o takes a folder, and '%s' is not one", a->dir);
        return EXIT_TROUBLE;
    }
    char(*names)[128] = malloc((n + 1) * sizeof *names);
    oap_output *outs = calloc(n + 1, sizeof *outs);
    size_t dlen = strlen(a->dir), opened = 0;
    char *path = malloc(dlen + 130);
    if (!names || !outs || !path) {
        oap_cli_error("tasking: %s", oap_strerror(OAP_ENOMEM));
        free(names);
        free(outs);
        free(path);
        return EXIT_TROUBLE;
    }
    int status = EXIT_CLEAN;
    for (size_t i = 0; i < n && status == EXIT_CLEAN; i++) {
        const char *code = oap_tasking_sheet_code(t, sheets[i]);
        if (oap_tasking_sheet_file_name(t, sheets[i], a->fmt, names[i], sizeof names[i]) < 0) {
            oap_cli_error("tasking: the actor code '%.80s' makes no safe file name; nothing "
                          "written",
                          code);
            status = EXIT_TROUBLE;
        }
        /* Case-insensitive: "Ab.md" and "AB.md" are one file on some systems. */
        for (size_t k = 0; k < i && status == EXIT_CLEAN; k++)
            if (strcasecmp(names[k], names[i]) == 0) {
                oap_cli_error("tasking: the actors '%.80s' and '%.80s' would both be written to "
                              "'%s'; nothing written",
                              oap_tasking_sheet_code(t, sheets[k]), code, names[i]);
                status = EXIT_TROUBLE;
            }
    }
    const char *sep = dlen && a->dir[dlen - 1] == '/' ? "" : "/";
    /* oap_output_open refuses to write over an input plan; ask before the first write,
     * so that a refusal leaves the folder as it was. */
    for (size_t i = 0; i < n && status == EXIT_CLEAN; i++) {
        snprintf(path, dlen + 130, "%s%s%s", a->dir, sep, names[i]);
        if (oap_output_is_input(path, set)) {
            oap_cli_error("tasking: refusing to write '%s': it is one of the input plans; "
                          "nothing written",
                          path);
            status = EXIT_TROUBLE;
        }
    }
    for (; opened < n && status == EXIT_CLEAN; opened++) {
        size_t i = opened;
        snprintf(path, dlen + 130, "%s%s%s", a->dir, sep, names[i]);
        if (oap_output_open(&outs[i], path, set) < 0) {
            status = EXIT_TROUBLE;
            break;
        }
        /* A link there may name a file beside it, not one elsewhere, nor a device. */
        if (!oap_output_in_folder(&outs[i], &st)) {
            oap_cli_error("tasking: cannot write '%s': it is not a file of the folder (a "
                          "device, a pipe, or a link out of it); nothing written",
                          path);
            status = EXIT_TROUBLE;
        }
        /* Two links may lead to one file (of this folder, as just asked). */
        for (size_t k = 0; k < i && status == EXIT_CLEAN; k++)
            if (strcasecmp(base_name(outs[k].target), base_name(outs[i].target)) == 0) {
                oap_cli_error("tasking: '%s' and '%s%s%s' lead to one file; nothing written", path,
                              a->dir, sep, names[k]);
                status = EXIT_TROUBLE;
            }
    }
    for (size_t i = 0; i < n && status == EXIT_CLEAN; i++) {
        int rc = write_sheets(outs[i].f, a, t, &sheets[i], 1);
        if (rc == OAP_ENOMEM) {
            oap_cli_error("tasking: %s", oap_strerror(rc));
            status = EXIT_TROUBLE;
        } else if (oap_output_stage(&outs[i]) < 0) { /* a failed write: said so */
            status = EXIT_TROUBLE;
        }
    }
    if (status == EXIT_CLEAN && oap_output_commit_all(outs, n) < 0)
        status = EXIT_TROUBLE;
    if (status == EXIT_CLEAN) {
        fprintf(stderr, "oapgraph: tasking: wrote %zu sheet%s to ", n, n == 1 ? "" : "s");
        oap_report_escape(stderr, a->dir);
        fputc('\n', stderr);
    } else
        for (size_t i = 0; i < opened; i++)
            oap_output_abort(&outs[i]);
    free(outs);
    free(path);
    free(names);
    return status;
}

static int run(const args *a, int nplans, char **plans)
{
    oap_views_input in;
    oap_tasking *t = NULL;
    size_t *sheets = NULL, n = 0;
    int status = EXIT_TROUBLE, rc;
    if (oap_cli_open_plans(&in, "tasking", nplans, plans) < 0)
        goto done;
    if ((rc = oap_tasking_build(&t, in.graph)) < 0) {
        oap_cli_error("tasking: %s", oap_strerror(rc));
        goto done;
    }
    if (oap_cli_warn_errors("tasking", &in, "the sheets cover what could be read") < 0)
        goto done;
    if (select_sheets(a, t, &sheets, &n) != 0)
        goto done;
    if (a->dir)
        status = write_dir(a, t, sheets, n, in.set);
    else
        status = write_stdout(a, t, sheets, n);
done:
    free(sheets);
    oap_tasking_free(t);
    oap_views_close(&in);
    return status;
}

int oap_cmd_tasking(int argc, char **argv)
{
    enum { OPT_ACTOR = 256, OPT_FORMAT, OPT_CSV_SEP, OPT_BOM };
    static const char shortopts[] = "ho:";
    static const struct option longopts[] = {{"actor", required_argument, NULL, OPT_ACTOR},
                                             {"format", required_argument, NULL, OPT_FORMAT},
                                             {"csv-sep", required_argument, NULL, OPT_CSV_SEP},
                                             {"bom", no_argument, NULL, OPT_BOM},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    args a = {.fmt = OAP_TASKING_MARKDOWN, .sep = ','};
    int c, status = EXIT_TROUBLE;
    if (!(a.actors = oap_cli_values("tasking", argc)))
        return EXIT_TROUBLE;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_ACTOR:
            a.actors[a.nactors++] = optarg;
            break;
        case OPT_FORMAT: {
            int f = OAP_CLI_CHOICE(optarg, format_names);
            if (f < 0) {
                oap_cli_error("tasking: --format takes markdown, csv or json, not '%s'", optarg);
                goto done;
            }
            a.fmt = (oap_tasking_format)f;
            break;
        }
        case OPT_CSV_SEP:
            /* One character that cannot be part of a field's syntax or of UTF-8 text. */
            if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\\t") == 0)
                a.sep = '\t';
            else if (strlen(optarg) == 1 && optarg[0] > ' ' && optarg[0] < 0x7f && optarg[0] != '"')
                a.sep = optarg[0];
            else if (strcmp(optarg, "\t") == 0)
                a.sep = '\t';
            else {
                oap_cli_error("tasking: --csv-sep takes one character such as ',', ';' or tab, "
                              "not '%s'",
                              optarg);
                goto done;
            }
            a.csv_opt = 1;
            break;
        case OPT_BOM:
            a.bom = a.csv_opt = 1;
            break;
        case 'o':
            a.dir = optarg;
            break;
        case 'h':
            oap_help_print(stdout, &oap_help_tasking);
            status = oap_cli_finish_stdout(EXIT_CLEAN);
            goto done;
        default:
            oap_cli_bad_option("tasking", argv[optind - 1], shortopts, longopts);
            goto done;
        }
    }
    if (a.csv_opt && a.fmt != OAP_TASKING_CSV) {
        oap_cli_error("tasking: --csv-sep and --bom go with --format csv");
        goto done;
    }
    if (a.dir && strcmp(a.dir, "-") == 0) {
        oap_cli_error("tasking: -o takes a folder; without -o the sheets go to standard output");
        goto done;
    }
    if (optind >= argc) {
        oap_cli_error("tasking: no plan given; see 'oapgraph tasking --help'");
        goto done;
    }
    /* Standard output is flushed and checked by oap_output_commit. */
    status = run(&a, argc - optind, argv + optind);
done:
    free(a.actors);
    return status;
}
