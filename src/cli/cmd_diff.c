/* cmd_diff: what changed between two revisions of plans, and what findings came and went. */
#include "cli.h"

#include "args.h"
#include "check_options.h"
#include "output.h"
#include "plans.h"

#include "oapgraph/oapgraph.h"
#include "oapgraph/policy.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const oap_help_option help_options[] = {
    {{"--fail-on-new LEVEL"},
     "exit 1 when NEW introduces a finding at or above\n"
     "LEVEL: error, warning or info (default: none, exit 0)"},
    {{"--format FORMAT"}, "text (default), json or markdown"},
    {{"--depth N"},
     "follow affected actions N needs deep (default 1:\n"
     "those that need or refer to a changed action)"},
    {{"--config FILE"},
     "the config both sides are checked with (default:\n" OAP_CONFIG_NAME
     " here or in a folder above)"},
    {{"--no-config"}, "read no config file"},
    {{"-o FILE"}, "write to FILE (atomically) instead of standard output"},
    {{"-q, --quiet"}, "no summary line on standard error"},
    {{"-h, --help"}, "this help"},
    {{NULL}, NULL}};

const oap_help oap_help_diff = {
    .usage = "oapgraph diff [OPTIONS] OLD NEW",
    .description =
        "Compares two revisions: OLD and NEW are plan files, or folders of them (plans\n"
        "matched by plan id), or '-' for one of them. Lists plans, goals and actions\n"
        "added and removed, goals reworded and actions changed field by field (title and\n"
        "description word by word, who joined and who left, timing moved by how many\n"
        "months, refs and needs, phases, KPIs, results, JADs, grant). An action NEW has\n"
        "under another id that is the same work (the overlap score, a shared leader, the\n"
        "same goal) is renumbered, not removed and added; a reference NEW still makes to\n"
        "its old number is a stale-ref-after-renumber warning. Then the actions of NEW\n"
        "that need or refer to what changed (affected), and the findings NEW introduced\n"
        "and fixed: both sides are checked with the same config and matched by\n"
        "fingerprint, OLD's mapped through the renumbering.",
    .column = 23,
    .options = help_options,
    .exit_status = "0 compared (and nothing new at or above --fail-on-new), 1 new\n"
                   "findings at or above --fail-on-new, 2 trouble (usage, unreadable file,\n"
                   "bad config, failed write).",
};

typedef struct args {
    int fail_on_new, no_config, quiet;
    oap_diff_format fmt;
    unsigned depth;
    const char *config, *output;
} args;

static const char *const format_names[] = {"text", "json", "markdown"};

static void summary(const oap_diff *d)
{
    /* The stale references are counted apart from the findings of check. */
    size_t introduced = oap_diff_new_count(d, OAP_SEVERITY_INFO) - oap_diff_stale_count(d);
    fprintf(stderr,
            "oapgraph: diff: %zu added, %zu removed, %zu renumbered, %zu changed; %zu "
            "affected; %zu stale reference%s; %zu finding%s introduced, %zu fixed\n",
            oap_diff_count(d, OAP_DIFF_ADDED), oap_diff_count(d, OAP_DIFF_REMOVED),
            oap_diff_count(d, OAP_DIFF_RENUMBERED), oap_diff_count(d, OAP_DIFF_CHANGED),
            oap_diff_affected_count(d), oap_diff_stale_count(d),
            oap_diff_stale_count(d) == 1 ? "" : "s", introduced, introduced == 1 ? "" : "s",
            oap_diff_fixed_count(d));
}

static int run(const args *a, char *old_path, char *new_path)
{
    oap_views_input old_in, new_in;
    oap_config *cfg = NULL;
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    oap_diff *d = NULL;
    oap_output o;
    int status = EXIT_TROUBLE, rc;
    memset(&old_in, 0, sizeof old_in);
    memset(&new_in, 0, sizeof new_in);
    if (strcmp(old_path, "-") == 0 && strcmp(new_path, "-") == 0) {
        oap_cli_error("diff: only one of OLD and NEW can be '-'");
        return EXIT_TROUBLE;
    }
    if (oap_cli_check_options(&opts, &cfg, "diff", a->config, a->no_config, 0) < 0 ||
        oap_cli_open_side(&old_in, "diff", old_path, &opts) < 0 ||
        oap_cli_open_side(&new_in, "diff", new_path, &opts) < 0)
        goto done;
    if (a->output && oap_output_is_input(a->output, old_in.set)) {
        oap_cli_error("diff: will not write over '%s': it is a plan of OLD", a->output);
        goto done;
    }
    if ((rc = oap_diff_build(&d, old_in.graph, old_in.diags, new_in.graph, new_in.diags,
                             a->depth)) < 0) {
        oap_cli_error("diff: %s", oap_strerror(rc));
        goto done;
    }
    if (oap_output_open(&o, a->output, new_in.set) < 0)
        goto done;
    rc = oap_diff_write(o.f, d, a->fmt);
    if (rc < 0 && rc != OAP_EIO) {
        oap_cli_error("diff: %s", oap_strerror(rc));
        oap_output_abort(&o);
        goto done;
    }
    status = EXIT_CLEAN;
    if (a->fail_on_new >= 0 && oap_diff_new_count(d, (oap_severity)a->fail_on_new) > 0)
        status = EXIT_FINDINGS;
    status = oap_output_finish(&o, status);
    if (!a->quiet && status != EXIT_TROUBLE)
        summary(d);
done:
    oap_diff_free(d);
    oap_views_close(&old_in);
    oap_views_close(&new_in);
    oap_config_free(cfg);
    return status;
}

int oap_cmd_diff(int argc, char **argv)
{
    enum { OPT_FAIL_ON_NEW = 256, OPT_FORMAT, OPT_DEPTH, OPT_CONFIG, OPT_NO_CONFIG };
    static const char shortopts[] = "ho:q";
    static const struct option longopts[] = {
        {"fail-on-new", required_argument, NULL, OPT_FAIL_ON_NEW},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"depth", required_argument, NULL, OPT_DEPTH},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"no-config", no_argument, NULL, OPT_NO_CONFIG},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    args a = {.fail_on_new = -1, .fmt = OAP_DIFF_TEXT, .depth = 1};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FAIL_ON_NEW:
            if ((a.fail_on_new = oap_severity_parse(optarg, 0)) < 0) {
                oap_cli_error("diff: --fail-on-new takes error, warning or info, not '%s'", optarg);
                return EXIT_TROUBLE;
            }
            break;
        case OPT_FORMAT: {
            int f = OAP_CLI_CHOICE(optarg, format_names);
            if (f < 0) {
                oap_cli_error("diff: --format takes text, json or markdown, not '%s'", optarg);
                return EXIT_TROUBLE;
            }
            a.fmt = f == 0 ? OAP_DIFF_TEXT : f == 1 ? OAP_DIFF_JSON : OAP_DIFF_MARKDOWN;
            break;
        }
        case OPT_DEPTH: {
            long n;
            if (oap_cli_number(optarg, 1, 1000, &n) < 0) {
                oap_cli_error("diff: --depth takes a whole number from 1 to 1000, not '%s'",
                              optarg);
                return EXIT_TROUBLE;
            }
            a.depth = (unsigned)n;
            break;
        }
        case OPT_CONFIG:
            a.config = optarg;
            break;
        case OPT_NO_CONFIG:
            a.no_config = 1;
            break;
        case 'o':
            a.output = optarg;
            break;
        case 'q':
            a.quiet = 1;
            break;
        case 'h':
            oap_help_print(stdout, &oap_help_diff);
            return oap_cli_finish_stdout(EXIT_CLEAN);
        default:
            return oap_cli_bad_option("diff", argv[optind - 1], shortopts, longopts);
        }
    }
    if (a.config && a.no_config) {
        oap_cli_error("diff: --config and --no-config exclude each other");
        return EXIT_TROUBLE;
    }
    if (argc - optind != 2) {
        oap_cli_error("diff: give OLD and NEW (two plan files or folders); see 'oapgraph diff "
                      "--help'");
        return EXIT_TROUBLE;
    }
    /* Standard output is flushed and checked by oap_output_finish. */
    return run(&a, argv[optind], argv[optind + 1]);
}
