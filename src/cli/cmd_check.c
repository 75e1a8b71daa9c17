/* cmd_check: run every rule over plans and print the findings. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include "oapgraph/oapgraph.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(void)
{
    printf("usage: oapgraph check [OPTIONS] PLAN...\n\n"
           "Loads plan files (and every *.oap.json below a folder; '-' reads standard input)\n"
           "into one graph, runs every rule and prints the findings as\n"
           "  file:line:col: severity: message [rule]\n\n"
           "options:\n"
           "  --fail-on LEVEL  exit 1 on findings at or above LEVEL: error (default),\n"
           "                   warning, info, or none\n"
           "  --format FORMAT  text (default)\n"
           "  -q, --quiet      no summary line on standard error\n"
           "  -h, --help       this help\n\n"
           "exit status: 0 nothing at or above --fail-on, 1 findings, 2 trouble (usage,\n"
           "unreadable file). A plan that is not valid JSON is a finding, not trouble.\n");
}

static int use_color(void)
{
    const char *no = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no && *no);
}

int oap_cmd_check(int argc, char **argv)
{
    static const struct option longopts[] = {{"fail-on", required_argument, NULL, 'F'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int fail_on = OAP_SEVERITY_ERROR, quiet = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'F':
            if (strcmp(optarg, "none") == 0)
                fail_on = OAP_SEVERITY_OFF;
            else if ((fail_on = oap_severity_parse(optarg, 0)) < 0) {
                oap_cli_error("check: --fail-on takes error, warning, info or none, not '%s'",
                              optarg);
                return EXIT_TROUBLE;
            }
            break;
        case 'f':
            if (strcmp(optarg, "text") != 0) {
                oap_cli_error("check: --format takes text, not '%s'", optarg);
                return EXIT_TROUBLE;
            }
            break;
        case 'q':
            quiet = 1;
            break;
        case 'h':
            help();
            return oap_cli_finish_stdout(EXIT_CLEAN);
        default:
            oap_cli_error("check: unknown option '%s'; see 'oapgraph check --help'",
                          argv[optind - 1]);
            return EXIT_TROUBLE;
        }
    }
    if (optind >= argc) {
        oap_cli_error("check: no plan given; see 'oapgraph check --help'");
        return EXIT_TROUBLE;
    }

    int status = EXIT_CLEAN, rc = 0;
    oap_planset *set = NULL;
    oap_diags *diags = NULL;
    if (oap_planset_new(&set) < 0 || oap_diags_new(&diags) < 0) {
        rc = OAP_ENOMEM;
        goto done;
    }
    for (int i = optind; i < argc; i++) {
        rc = oap_planset_load_path(set, argv[i], diags);
        if (rc == OAP_EIO) {
            oap_cli_error("%s", oap_planset_error(set));
            status = EXIT_TROUBLE;
            rc = 0;
        } else if (rc < 0) {
            goto done;
        }
    }
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    if ((rc = oap_check_run(set, diags, &opts)) < 0)
        goto done;
    oap_report_options ropts = OAP_REPORT_OPTIONS_INIT;
    ropts.color = use_color();
    oap_report_text(stdout, diags, &ropts);
    if (!quiet) {
        size_t actions = 0;
        for (size_t i = 0; i < oap_planset_plan_count(set); i++)
            actions += oap_planset_action_count(set, i);
        fprintf(stderr,
                "oapgraph: %zu file%s, %zu plan%s, %zu action%s: %zu error%s, %zu warning%s, "
                "%zu info\n",
                oap_planset_file_count(set), oap_planset_file_count(set) == 1 ? "" : "s",
                oap_planset_plan_count(set), oap_planset_plan_count(set) == 1 ? "" : "s", actions,
                actions == 1 ? "" : "s", oap_diags_count_at_least(diags, OAP_SEVERITY_ERROR),
                oap_diags_count_at_least(diags, OAP_SEVERITY_ERROR) == 1 ? "" : "s",
                oap_diags_count_at_least(diags, OAP_SEVERITY_WARNING) -
                    oap_diags_count_at_least(diags, OAP_SEVERITY_ERROR),
                oap_diags_count_at_least(diags, OAP_SEVERITY_WARNING) -
                            oap_diags_count_at_least(diags, OAP_SEVERITY_ERROR) ==
                        1
                    ? ""
                    : "s",
                oap_diags_count(diags) - oap_diags_count_at_least(diags, OAP_SEVERITY_WARNING));
    }
    if (status == EXIT_CLEAN && fail_on != OAP_SEVERITY_OFF &&
        oap_diags_count_at_least(diags, (oap_severity)fail_on) > 0)
        status = EXIT_FINDINGS;
done:
    if (rc < 0) {
        oap_cli_error("check: %s", oap_strerror(rc));
        status = EXIT_TROUBLE;
    }
    oap_diags_free(diags);
    oap_planset_free(set);
    return oap_cli_finish_stdout(status);
}
