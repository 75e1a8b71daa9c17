/* cmd_impact: what an actor's drop-out (the exclusion clause) or an action's slip does. */
#include "cli.h"

#include "args.h"
#include "output.h"
#include "plans.h"

#include "oapgraph/oapgraph.h"

#include <getopt.h>
#include <stdlib.h>

static const oap_help_option help_options[] = {
    {{"--without CODE"}, "an actor as plans write it (\"HU\", \"Cefpol\"); again for more"},
    {{"--late REF"}, "the action or phase that slips"},
    {{"--months N"}, "by how many months (1 to 1200)"},
    {{"--format FORMAT"}, "text (default) or json"},
    {{"-o FILE"}, "write to FILE (atomically) instead of standard output"},
    {{"-h, --help"}, "this help"},
    {{NULL}, NULL}};

const oap_help oap_help_impact = {
    .usage = "oapgraph impact --without CODE [--without CODE...] [OPTIONS] PLAN...\n"
             "oapgraph impact --late REF --months N [OPTIONS] PLAN...",
    .description =
        "--without: what the plans lose if actors drop out (an OAP's exclusion clause):\n"
        "actions left with no leader, actions that lose a co-leader and keep others,\n"
        "actions left with no named participant (groups such as \"Relevant MS\" are not\n"
        "named), actions that lose a participant or a Member State of their \"All MS\",\n"
        "plans that lose their driver or project support; then every action or phase\n"
        "that needs an affected one, directly or through others, with the path: \"at risk\"\n"
        "when the cause has no leader or no named participant left.\n"
        "\n"
        "--late: what a slip of REF (an action: all its phases; or a phase \"2.1#1\") by N\n"
        "months does: each unit that needs a slipped one must start no earlier than the\n"
        "month the other now ends, so it slips by what its slack does not absorb, and so\n"
        "on down the needs, with the path. Units with no window cannot be told.",
    .column = 19,
    .options = help_options,
    .exit_status = "0 answered, 2 trouble (usage, unreadable file, unknown actor or\n"
                   "node, a node with no window to slip, failed write).",
};

typedef struct args {
    const char **without;
    size_t nwithout;
    const char *late, *output;
    int months, json;
} args;

static const char *const format_names[] = {"text", "json"};

static int answer(const args *a, oap_views_input *in, oap_output *o)
{
    oap_graph *g = in->graph;
    oap_impact *im = NULL;
    char err[512];
    int rc = 0, status = EXIT_TROUBLE;
    if (a->late) {
        uint32_t node;
        if (oap_views_resolve(g, a->late, &node, err, sizeof err) < 0 ||
            (rc = oap_impact_slip(&im, g, node, a->months, err, sizeof err)) == OAP_EINVAL) {
            oap_cli_error("impact: %s", err);
            goto done;
        }
    } else {
        rc = oap_impact_of_dropping(&im, g, a->without, a->nwithout, err, sizeof err);
        if (rc == OAP_EINVAL) {
            oap_cli_error("impact: %s", err);
            goto done;
        }
    }
    if (rc == 0)
        rc = a->json ? oap_impact_write_json(o->f, im) : oap_impact_write_text(o->f, im);
    if (rc == 0 || rc == OAP_EIO) /* a failed write is what the commit reports */
        status = EXIT_CLEAN;
done:
    if (rc < 0 && rc != OAP_EIO && rc != OAP_EINVAL)
        oap_cli_error("impact: %s", oap_strerror(rc));
    oap_impact_free(im);
    return status;
}

static int run(const args *a, int nplans, char **plans)
{
    oap_views_input in;
    oap_output o;
    int status = EXIT_TROUBLE;
    if (oap_cli_open_plans(&in, "impact", nplans, plans) == 0 &&
        oap_cli_warn_errors("impact", &in, "this answer covers what could be read") == 0) {
        if (oap_output_open(&o, a->output, in.set) == 0)
            status = oap_output_finish(&o, answer(a, &in, &o));
    }
    oap_views_close(&in);
    return status;
}

int oap_cmd_impact(int argc, char **argv)
{
    enum { OPT_WITHOUT = 256, OPT_LATE, OPT_MONTHS, OPT_FORMAT };
    static const char shortopts[] = "ho:";
    static const struct option longopts[] = {{"without", required_argument, NULL, OPT_WITHOUT},
                                             {"late", required_argument, NULL, OPT_LATE},
                                             {"months", required_argument, NULL, OPT_MONTHS},
                                             {"format", required_argument, NULL, OPT_FORMAT},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    args a = {0};
    int c, status = EXIT_TROUBLE;
    if (!(a.without = oap_cli_values("impact", argc)))
        return EXIT_TROUBLE;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_WITHOUT:
            a.without[a.nwithout++] = optarg;
            break;
        case OPT_LATE:
            a.late = optarg;
            break;
        case OPT_MONTHS:
            if (oap_cli_months("impact", optarg, &a.months) < 0)
                goto done;
            break;
        case OPT_FORMAT: {
            int f = OAP_CLI_CHOICE(optarg, format_names);
            if (f < 0) {
                oap_cli_error("impact: --format takes text or json, not '%s'", optarg);
                goto done;
            }
            a.json = f == 1;
            break;
        }
        case 'o':
            a.output = optarg;
            break;
        case 'h':
            oap_help_print(stdout, &oap_help_impact);
            status = oap_cli_finish_stdout(EXIT_CLEAN);
            goto done;
        default:
            oap_cli_bad_option("impact", argv[optind - 1], shortopts, longopts);
            goto done;
        }
    }
    if ((a.nwithout > 0) == (a.late != NULL)) {
        oap_cli_error("impact: give --without CODE or --late REF (one of them); see 'oapgraph "
                      "impact --help'");
        goto done;
    }
    if ((a.late != NULL) != (a.months > 0)) {
        oap_cli_error("impact: --late and --months go together");
        goto done;
    }
    if (optind >= argc) {
        oap_cli_error("impact: no plan given; see 'oapgraph impact --help'");
        goto done;
    }
    /* Standard output is flushed and checked by oap_output_commit. */
    status = run(&a, argc - optind, argv + optind);
done:
    free(a.without);
    return status;
}
