/* cmd_dot: draw plans as a diagram: DOT, or SVG, PNG, PDF laid out by Graphviz. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include "oapgraph/emit.h"
#include "oapgraph/oapgraph.h"
#include "oapgraph/policy.h"
#include "oapgraph/views.h"
#include "args.h"
#include "output.h"
#include "plans.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static const oap_help_option help_options[] = {
    {{"--view VIEW"},
     "plan (default): goals as clusters, actions as nodes,\n"
     "cross-references dashed, needs as arrows, links to other\n"
     "priorities, declared overlaps and Joint Action Days; plans\n"
     "side by side in load order, goals in the plan's order;\n"
     "overlap: one cluster per plan, only what links across plans;\n"
     "actor=CODE: the actions CODE leads (bold) and joins;\n"
     "timeline: actions and phases as bars on the months of the\n"
     "plans' years, needs as arrows, Joint Action Days as diamonds"},
    {{"--focus REF"},
     "keep only what is within --depth links of REF (\"2.1\", \"SG2\",\n"
     "\"2012-F:3.1\", \"B:*\", or a JAD id)"},
    {{"--depth N"}, "links from --focus to keep (default 1)"},
    {{"--late REF"},
     "with --view timeline: where the bars move when REF (an action,\n"
     "or a phase \"2.1#1\") is --months N late, as impact --late\n"
     "answers: dashed, beside where they are now"},
    {{"--months N"}, "for --late: how many months (1 to 1200)"},
    {{"--highlight"},
     "run the checks and colour what has findings: red errors,\n"
     "orange warnings, blue info; the tooltips name the rules"},
    {{"--config FILE"},
     "for --highlight: rule severities (default: " OAP_CONFIG_NAME "\n"
     "here or in a folder above)"},
    {{"--no-config"}, "read no config file"},
    {{"-T FORMAT"},
     "dot (default), svg, png or pdf; without -T, taken from the\n"
     "-o file's extension (.dot, .gv, .svg, .png, .pdf), which\n"
     "must agree with -T; another extension needs -T"},
    {{"-o FILE"},
     "write to FILE (atomically; never over an input plan)\n"
     "instead of standard output"},
    {{"--force"},
     "lay out even a diagram of more than 500 nodes, or of\n"
     "more than 4000 edges squared a node (a dense one)"},
    {{"-h, --help"}, "this help"},
    {{NULL}, NULL}};

const oap_help oap_help_dot = {
    .usage = "oapgraph dot [OPTIONS] PLAN...",
    .description =
        "Draws plan files (and every *.oap.json below a folder; '-' reads standard input)\n"
        "as one diagram: DOT by default, or SVG, PNG or PDF laid out by Graphviz.",
    .column = 20,
    .options = help_options,
    .notes = "Every diagram carries the plans' classification markings as a banner at the top\n"
             "and at the bottom.",
    .exit_status = "0 written, 2 trouble (usage, unreadable file, unknown focus or actor,\n"
                   "a diagram too big to lay out, failed write).",
};

typedef struct dot_args {
    oap_emit_options emit;
    int highlight, no_config;
    const char *config, *output;
    const char *late; /* --late REF, with months */
    int months;
    const char *format_given; /* -T as given, or NULL */
} dot_args;

static int parse_view(const char *s, dot_args *a)
{
    if (strcmp(s, "plan") == 0) {
        a->emit.view = OAP_EMIT_VIEW_PLAN;
    } else if (strcmp(s, "overlap") == 0) {
        a->emit.view = OAP_EMIT_VIEW_OVERLAP;
    } else if (strcmp(s, "timeline") == 0) {
        a->emit.view = OAP_EMIT_VIEW_TIMELINE;
    } else if (strncmp(s, "actor=", 6) == 0 && s[6]) {
        a->emit.view = OAP_EMIT_VIEW_ACTOR;
        a->emit.actor = s + 6;
    } else {
        oap_cli_error(
            "dot: --view takes plan, overlap, timeline or actor=CODE (as actor=HU), not '%s'", s);
        return -1;
    }
    return 0;
}

/* The formats by name, for -T and for the -o file's extension. */
static const char *const format_names[] = {"dot", "svg", "png", "pdf", "gv"};
static const oap_emit_format formats[] = {OAP_EMIT_DOT, OAP_EMIT_SVG, OAP_EMIT_PNG, OAP_EMIT_PDF,
                                          OAP_EMIT_DOT};

static int parse_format(const char *s, oap_emit_format *f)
{
    int i = OAP_CLI_CHOICE(s, format_names);
    if (i < 0)
        return -1;
    *f = formats[i];
    return 0;
}

/* The format the -o file's extension names: without -T it is the format, with -T it must
 * agree, so that plan.png never holds DOT text nor plan.svg a PNG. A file without an
 * extension takes -T or DOT; an extension that is no format is refused without -T, since
 * what the user wanted cannot be told (-T says it). Returns 0, or -1 after saying why. */
static int check_extension(dot_args *a)
{
    const char *base = strrchr(a->output, '/');
    const char *ext = strrchr(base ? base + 1 : a->output, '.');
    if (!ext || ext[1] == '\0' || strcmp(a->output, "-") == 0)
        return 0;
    size_t i = 0, n = sizeof format_names / sizeof *format_names;
    while (i < n && strcasecmp(ext + 1, format_names[i]) != 0)
        i++;
    if (i == n) {
        if (a->format_given)
            return 0;
        oap_cli_error("dot: cannot tell the format of '%s' from its extension; name it with -T "
                      "(dot, svg, png or pdf), or end the file in .dot, .gv, .svg, .png or .pdf",
                      a->output);
        return -1;
    }
    if (a->format_given && formats[i] != a->emit.format) {
        oap_cli_error("dot: -T %s does not match the extension of '%s'; drop -T or change the "
                      "extension",
                      a->format_given, a->output);
        return -1;
    }
    a->emit.format = formats[i];
    return 0;
}

/* The slips of --late as impact --late answers them, into *out (the caller frees it).
 * Returns 0; OAP_EINVAL when REF names nothing or has no window (said so); OAP_ENOMEM. */
static int late_slips(const dot_args *a, const oap_planset *set, oap_emit_slip **out, size_t *n)
{
    oap_graph *g = NULL;
    oap_impact *im = NULL;
    char err[512];
    uint32_t node;
    *out = NULL;
    *n = 0;
    int rc = oap_planset_graph(&g, set);
    if (rc < 0)
        goto done;
    if (oap_views_resolve(g, a->late, &node, err, sizeof err) < 0 ||
        (rc = oap_impact_slip(&im, g, node, a->months, err, sizeof err)) == OAP_EINVAL) {
        oap_cli_error("dot: %s", err);
        rc = OAP_EINVAL;
        goto done;
    }
    if (rc < 0)
        goto done;
    size_t count = oap_impact_reach_count(im);
    *out = calloc(count ? count : 1, sizeof **out);
    if (!*out) {
        rc = OAP_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < count; i++)
        if (oap_impact_reach_at(im, i, &(*out)[*n].node, &(*out)[*n].months) == 0)
            (*n)++;
    rc = 0;
done:
    oap_impact_free(im);
    oap_graph_free(g);
    return rc;
}

static int run(dot_args *a, int nplans, char **plans)
{
    int status = EXIT_TROUBLE, rc = 0;
    oap_planset *set = NULL;
    oap_diags *diags = NULL;
    oap_emit_slip *slips = NULL;
    oap_output out;
    int opened = 0;

    if ((rc = oap_planset_new(&set)) < 0 || (rc = oap_diags_new(&diags)) < 0)
        goto done;
    for (int i = 0; i < nplans; i++) {
        rc = oap_planset_load_path(set, plans[i], diags);
        if (rc == OAP_EIO) {
            /* A diagram without one of the plans asked for would mislead. */
            oap_cli_error("%s", oap_planset_error(set));
            rc = 0;
            goto done;
        }
        if (rc < 0)
            goto done;
    }
    oap_cli_notes(oap_planset_notes(set));
    /* The findings as 'oapgraph check' reports them, with the config's severities: the
     * overlap view draws the overlap findings, --highlight colours every finding, which
     * cannot be done without the config; the warning counts the errors. */
    int drawn = a->highlight || a->emit.view == OAP_EMIT_VIEW_OVERLAP;
    rc = oap_cli_check_plans(set, diags, "dot", a->config, a->no_config, drawn);
    if (rc == OAP_EIO || rc == OAP_EINVAL) {
        rc = 0;
        goto done;
    }
    if (rc < 0)
        goto done;
    oap_cli_say_errors("dot", diags, "the diagram shows what could be read");
    if (oap_planset_plan_count(set) == 0) {
        oap_cli_error("dot: no plan could be read, nothing to draw");
        goto done;
    }
    if (a->highlight)
        a->emit.findings = diags;
    if (drawn)
        a->emit.overlaps = diags;
    if (a->late) {
        if ((rc = late_slips(a, set, &slips, &a->emit.nslips)) == OAP_EINVAL) {
            rc = 0;
            goto done;
        }
        if (rc < 0)
            goto done;
        a->emit.slips = slips;
    }
    if (a->emit.format == OAP_EMIT_PNG || a->emit.format == OAP_EMIT_PDF) {
        if ((!a->output || strcmp(a->output, "-") == 0) && isatty(STDOUT_FILENO)) {
            oap_cli_error("dot: not writing %s to a terminal; give -o FILE",
                          a->emit.format == OAP_EMIT_PNG ? "PNG" : "PDF");
            goto done;
        }
    }
    if (oap_output_open(&out, a->output, set) < 0)
        goto done;
    opened = 1;
    oap_emit_result res;
    errno = 0;
    rc = oap_emit_write(out.f, set, &a->emit, &res);
    switch (rc) {
    case 0:
        break;
    case OAP_EINVAL:
        oap_cli_error("dot: %s", res.message);
        rc = 0;
        goto done;
    case OAP_ELIMIT:
        oap_cli_error("dot: %s.", res.message);
        fputs("  Narrow it with --focus REF --depth N or --view overlap, write DOT (-T dot, no "
              "layout), or lay it out anyway with --force.\n",
              stderr);
        rc = 0;
        goto done;
    case OAP_EIO:
        if (ferror(out.f) && !out.path && oap_output_stdout_closed()) {
            rc = 0; /* the reader has what it wanted */
            break;
        }
        if (ferror(out.f))
            oap_cli_error("cannot write '%s': %s", out.path ? out.path : "standard output",
                          strerror(errno));
        else
            oap_cli_error("dot: %s", res.message);
        rc = 0;
        goto done;
    default:
        goto done;
    }
    opened = 0;
    if (oap_output_commit(&out) < 0)
        goto done;
    status = EXIT_CLEAN;
done:
    if (opened)
        oap_output_abort(&out);
    if (rc < 0)
        oap_cli_error("dot: %s", oap_strerror(rc));
    free(slips);
    oap_diags_free(diags);
    oap_planset_free(set);
    return status;
}

int oap_cmd_dot(int argc, char **argv)
{
    enum {
        OPT_VIEW = 256,
        OPT_FOCUS,
        OPT_DEPTH,
        OPT_HIGHLIGHT,
        OPT_CONFIG,
        OPT_NO_CONFIG,
        OPT_FORCE,
        OPT_LATE,
        OPT_MONTHS
    };
    static const char shortopts[] = "T:o:h";
    static const struct option longopts[] = {{"view", required_argument, NULL, OPT_VIEW},
                                             {"focus", required_argument, NULL, OPT_FOCUS},
                                             {"depth", required_argument, NULL, OPT_DEPTH},
                                             {"highlight", no_argument, NULL, OPT_HIGHLIGHT},
                                             {"config", required_argument, NULL, OPT_CONFIG},
                                             {"no-config", no_argument, NULL, OPT_NO_CONFIG},
                                             {"force", no_argument, NULL, OPT_FORCE},
                                             {"late", required_argument, NULL, OPT_LATE},
                                             {"months", required_argument, NULL, OPT_MONTHS},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    dot_args a;
    memset(&a, 0, sizeof a);
    a.emit = (oap_emit_options)OAP_EMIT_OPTIONS_INIT;
    int depth_given = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_VIEW:
            if (parse_view(optarg, &a) < 0)
                return EXIT_TROUBLE;
            break;
        case OPT_FOCUS:
            a.emit.focus = optarg;
            break;
        case OPT_DEPTH: {
            long n;
            if (oap_cli_number(optarg, 0, 1000000, &n) < 0) {
                oap_cli_error("dot: --depth takes a number of links, 0 to 1000000, not '%s'",
                              optarg);
                return EXIT_TROUBLE;
            }
            a.emit.depth = (unsigned)n;
            depth_given = 1;
            break;
        }
        case OPT_HIGHLIGHT:
            a.highlight = 1;
            break;
        case OPT_CONFIG:
            a.config = optarg;
            break;
        case OPT_NO_CONFIG:
            a.no_config = 1;
            break;
        case OPT_FORCE:
            a.emit.max_layout_nodes = 0;
            break;
        case OPT_LATE:
            a.late = optarg;
            break;
        case OPT_MONTHS:
            if (oap_cli_months("dot", optarg, &a.months) < 0)
                return EXIT_TROUBLE;
            break;
        case 'T':
            if (parse_format(optarg, &a.emit.format) < 0) {
                oap_cli_error("dot: -T takes dot, svg, png or pdf, not '%s'", optarg);
                return EXIT_TROUBLE;
            }
            a.format_given = optarg;
            break;
        case 'o':
            a.output = optarg;
            break;
        case 'h':
            oap_help_print(stdout, &oap_help_dot);
            return oap_cli_finish_stdout(EXIT_CLEAN);
        default:
            return oap_cli_bad_option("dot", argv[optind - 1], shortopts, longopts);
        }
    }
    if (depth_given && !a.emit.focus) {
        oap_cli_error("dot: --depth needs --focus REF");
        return EXIT_TROUBLE;
    }
    if ((a.late != NULL) != (a.months > 0)) {
        oap_cli_error("dot: --late and --months go together");
        return EXIT_TROUBLE;
    }
    if (a.late && a.emit.view != OAP_EMIT_VIEW_TIMELINE) {
        oap_cli_error("dot: --late is drawn on the timeline: add --view timeline");
        return EXIT_TROUBLE;
    }
    if (a.config && a.no_config) {
        oap_cli_error("dot: --config and --no-config exclude each other");
        return EXIT_TROUBLE;
    }
    if (a.output && check_extension(&a) < 0)
        return EXIT_TROUBLE;
    if (optind >= argc) {
        oap_cli_error("dot: no plan given; see 'oapgraph dot --help'");
        return EXIT_TROUBLE;
    }
    return oap_cli_finish_stdout(run(&a, argc - optind, argv + optind));
}
