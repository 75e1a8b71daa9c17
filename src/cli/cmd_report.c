/* cmd_report: one self-contained HTML page of plans, their findings and diagrams. */
#include "cli.h"

#include "oapgraph/oapgraph.h"
#include "oapgraph/policy.h"
#include "args.h"
#include "check_options.h"
#include "output.h"
#include "plans.h"

#include <getopt.h>
#include <string.h>

static const oap_help_option help_options[] = {
    {{"-o FILE"},
     "write the page to FILE (atomically; never over an input plan)\n"
     "instead of standard output"},
    {{"--since OLD"},
     "a section of the changes since OLD (a plan file or a\n"
     "folder, as diff's OLD): what 'oapgraph diff OLD PLAN...'\n"
     "reports, with the findings introduced and fixed"},
    {{"--config FILE"},
     "rule severities (default: " OAP_CONFIG_NAME " here or in a\n"
     "folder above)"},
    {{"--no-config"}, "read no config file"},
    {{"-h, --help"}, "this help"},
    {{NULL}, NULL}};

const oap_help oap_help_report = {
    .usage = "oapgraph report [-o FILE.html] [OPTIONS] PLAN...",
    .description =
        "Writes one self-contained HTML page for coordinators: a summary, the findings\n"
        "(filtered by severity, rule and plan when scripts run), the plan view, the\n"
        "overlap view and the timeline, goals and actors against actions, every action,\n"
        "and the tasking sheets.",
    .column = 20,
    .options = help_options,
    .notes = "The page asks for nothing outside itself (no network, no other file), reads the\n"
             "same with scripts off, and carries the plans' classification markings at the top\n"
             "and the bottom, in its title and on every printed page. No plan text becomes\n"
             "markup, a script or a link, but an action's https: link.",
    .exit_status = "0 written (whatever the findings), 2 trouble (usage, unreadable file, bad\n"
                   "config, failed write).",
};

typedef struct report_args {
    const char *config, *output, *since;
    int no_config;
} report_args;

static int run(const report_args *a, int nplans, char **plans)
{
    int status = EXIT_TROUBLE, rc = 0;
    oap_views_input in, old_in;
    oap_diff *d = NULL;
    memset(&old_in, 0, sizeof old_in);
    oap_config *cfg = NULL;
    oap_output out;
    int opened = 0;

    /* A report without one of the plans asked for would mislead: that is trouble. */
    if (oap_cli_open_plans(&in, "report", nplans, plans) < 0)
        goto done;
    oap_planset *set = in.set;
    oap_diags *diags = in.diags;
    if (oap_planset_plan_count(set) == 0) {
        oap_cli_error("report: no plan could be read, nothing to report");
        goto done;
    }
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    if (oap_cli_check_options(&opts, &cfg, "report", a->config, a->no_config, 0) < 0)
        goto done;
    if ((rc = oap_check_run(set, diags, &opts)) < 0)
        goto done;
    oap_report_options ropts = OAP_REPORT_OPTIONS_INIT;
    if (a->since) {
        /* Both sides checked with the same config, as diff does. */
        if (oap_cli_open_side(&old_in, "report", a->since, &opts) < 0)
            goto done;
        if (a->output && oap_output_is_input(a->output, old_in.set)) {
            oap_cli_error("report: will not write over '%s': it is a plan of OLD", a->output);
            goto done;
        }
        if ((rc = oap_diff_build(&d, old_in.graph, old_in.diags, in.graph, diags, 1)) < 0)
            goto done;
        ropts.since = d;
        ropts.since_graph = old_in.graph;
        ropts.since_name = a->since;
    }
    if (oap_output_open(&out, a->output, set) < 0)
        goto done;
    opened = 1;
    rc = oap_report_html(out.f, set, diags, &ropts);
    if (rc == OAP_EIO) {
        rc = 0; /* the commit says what failed */
    } else if (rc < 0) {
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
        oap_cli_error("report: %s", oap_strerror(rc));
    oap_config_free(cfg);
    oap_diff_free(d);
    oap_views_close(&old_in);
    oap_views_close(&in);
    return status;
}

int oap_cmd_report(int argc, char **argv)
{
    enum { OPT_CONFIG = 256, OPT_NO_CONFIG, OPT_SINCE };
    static const char shortopts[] = "o:h";
    static const struct option longopts[] = {{"config", required_argument, NULL, OPT_CONFIG},
                                             {"no-config", no_argument, NULL, OPT_NO_CONFIG},
                                             {"since", required_argument, NULL, OPT_SINCE},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    report_args a;
    memset(&a, 0, sizeof a);
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_CONFIG:
            a.config = optarg;
            break;
        case OPT_NO_CONFIG:
            a.no_config = 1;
            break;
        case OPT_SINCE:
            a.since = optarg;
            break;
        case 'o':
            a.output = optarg;
            break;
        case 'h':
            oap_help_print(stdout, &oap_help_report);
            return oap_cli_finish_stdout(EXIT_CLEAN);
        default:
            return oap_cli_bad_option("report", argv[optind - 1], shortopts, longopts);
        }
    }
    if (a.config && a.no_config) {
        oap_cli_error("report: --config and --no-config exclude each other");
        return EXIT_TROUBLE;
    }
    if (optind >= argc) {
        oap_cli_error("report: no plan given; see 'oapgraph report --help'");
        return EXIT_TROUBLE;
    }
    return oap_cli_finish_stdout(run(&a, argc - optind, argv + optind));
}
