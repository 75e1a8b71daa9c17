/* cmd_status: the monitoring roll-up: per plan or actor, last statuses, KPIs, missing reports. */
#include "cli.h"

#include "args.h"
#include "output.h"
#include "plans.h"

#include "oapgraph/oapgraph.h"

#include <getopt.h>
#include <stdlib.h>

static const oap_help_option help_options[] = {
    {{"--by plan|actor"},
     "a roll-up per plan (default), or per actor: the actions it\n"
     "leads or co-leads (\"leaders\", \"coleaders\"; participants are\n"
     "not counted)"},
    {{"--format FORMAT"},
     "text (default), markdown (a sheet per plan or actor), csv\n"
     "(RFC 4180, one table, a row per action and KPI) or json"},
    {{"-o FILE"}, "write to FILE (atomically) instead of standard output"},
    {{"-h, --help"}, "this help"},
    {{NULL}, NULL}};

const oap_help oap_help_status = {
    .usage = "oapgraph status [--by plan|actor] [--format FORMAT] [-o FILE] PLAN...",
    .description =
        "The monitoring roll-up of the loaded plans (files, folders of *.oap.json, '-'),\n"
        "per plan or per actor: the actions by last reported status (planned, ongoing,\n"
        "completed, continue, not-completed, cancelled, unclear, or no report), the\n"
        "actions with no report for a round that other actions of their plan reported\n"
        "(a plan's rounds are the months any of its actions reported), the actions\n"
        "reported \"continue\" and whether the next plan of their priority, when loaded,\n"
        "carries them on, and each KPI's target against the last value reported for it\n"
        "(that of the latest round that gives one), with the share reached (value /\n"
        "target, in whole percents; none without a target). Values for an indicator that\n"
        "is not one of the action's KPIs are left to 'oapgraph check'. The output carries\n"
        "the classification of its plans.",
    .column = 19,
    .options = help_options,
    .exit_status = "0 written, whatever the reports say; 2 trouble (usage, unreadable\n"
                   "file, no plan, failed write).",
};

typedef struct args {
    oap_status_by by;
    oap_status_format fmt;
    const char *output;
} args;

static const char *const by_names[] = {"plan", "actor"};
static const char *const format_names[] = {"text", "markdown", "csv", "json"};

static int answer(const args *a, oap_views_input *in, oap_output *o)
{
    oap_status *st = NULL;
    int rc = oap_status_build(&st, in->graph, a->by);
    if (rc == 0)
        rc = oap_status_write(o->f, st, a->fmt);
    oap_status_free(st);
    if (rc < 0 && rc != OAP_EIO) {
        oap_cli_error("status: %s", oap_strerror(rc));
        return EXIT_TROUBLE;
    }
    return EXIT_CLEAN; /* a failed write is what the commit reports */
}

static int run(const args *a, int nplans, char **plans)
{
    oap_views_input in;
    oap_output o;
    int status = EXIT_TROUBLE;
    if (oap_cli_open_plans(&in, "status", nplans, plans) == 0) {
        if (oap_planset_plan_count(in.set) == 0) {
            /* A roll-up of nothing would pass for one of plans without reports. */
            oap_cli_error("status: no plan file among the paths given (a folder is read for "
                          "*.oap.json)");
        } else if (oap_cli_warn_errors("status", &in, "the roll-up covers what could be read") ==
                   0) {
            if (oap_output_open(&o, a->output, in.set) == 0)
                status = oap_output_finish(&o, answer(a, &in, &o));
        }
    }
    oap_views_close(&in);
    return status;
}

int oap_cmd_status(int argc, char **argv)
{
    enum { OPT_BY = 256, OPT_FORMAT };
    static const char shortopts[] = "ho:";
    static const struct option longopts[] = {{"by", required_argument, NULL, OPT_BY},
                                             {"format", required_argument, NULL, OPT_FORMAT},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    args a = {OAP_STATUS_BY_PLAN, OAP_STATUS_TEXT, NULL};
    int c, k;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_BY:
            if ((k = OAP_CLI_CHOICE(optarg, by_names)) < 0) {
                oap_cli_error("status: --by takes plan or actor, not '%s'", optarg);
                return EXIT_TROUBLE;
            }
            a.by = (oap_status_by)k;
            break;
        case OPT_FORMAT:
            if ((k = OAP_CLI_CHOICE(optarg, format_names)) < 0) {
                oap_cli_error("status: --format takes text, markdown, csv or json, not '%s'",
                              optarg);
                return EXIT_TROUBLE;
            }
            a.fmt = (oap_status_format)k;
            break;
        case 'o':
            a.output = optarg;
            break;
        case 'h':
            oap_help_print(stdout, &oap_help_status);
            return oap_cli_finish_stdout(EXIT_CLEAN);
        default:
            return oap_cli_bad_option("status", argv[optind - 1], shortopts, longopts);
        }
    }
    if (optind >= argc) {
        oap_cli_error("status: no plan given; see 'oapgraph status --help'");
        return EXIT_TROUBLE;
    }
    /* Standard output is flushed and checked by oap_output_commit. */
    return run(&a, argc - optind, argv + optind);
}
