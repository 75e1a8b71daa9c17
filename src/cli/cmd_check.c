/* cmd_check: run every rule over plans and print the findings. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include "oapgraph/oapgraph.h"
#include "oapgraph/policy.h"
#include "args.h"
#include "check_options.h"
#include "output.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const oap_help_option help_options[] = {
    {{"--fail-on LEVEL"},
     "exit 1 on findings at or above LEVEL: error (default),\n"
     "warning, info, or none"},
    {{"--format FORMAT"}, "text (default), json, sarif (SARIF 2.1.0) or markdown"},
    {{"--config FILE"},
     "rule severities, extra actors, overlap threshold\n"
     "(default: " OAP_CONFIG_NAME " here or in a folder above)"},
    {{"--no-config"}, "read no config file"},
    {{"--exclude GLOB"},
     "leave out of a folder the files and folders whose path\n"
     "(as walked: plans/drafts/x.oap.json) matches GLOB ('*'\n"
     "crosses '/'); again for more, beside the config's \"exclude\""},
    {{"--stdin-name NAME"},
     "call standard input ('-') NAME in findings,\n"
     "fingerprints and reports (an editor's file name)"},
    {{"--disable RULE"},
     "do not run RULE (again for more; over the config);\n"
     "syntax, schema and limit are always reported"},
    {{"--baseline FILE"},
     "findings recorded in FILE are known: not shown, and\n"
     "they do not fail the run; entries that match nothing\n"
     "are reported (stale-baseline)"},
    {{"--write-baseline FILE"},
     "record the current findings in FILE (then they are\n"
     "known for this run too)"},
    {{"--max-file-size SIZE", "--max-depth N", "--max-string SIZE", "--max-actions N"},
     "limits, far above any real plan by default: a plan\n"
     "file's size (1G), nesting of arrays and objects (2048),\n"
     "one string (64M), actions in one plan (10000000); an\n"
     "input over one is a [limit] finding"},
    {{"--max-findings N"},
     "report at most N findings (default: 100 for each\n"
     "action, goal, phase and plan, and 1000 more); past it\n"
     "one [limit] finding counts those left out. A rule\n"
     "reports at most 100 on one action, goal, phase or\n"
     "plan, and one more saying how many it left out"},
    {{"--color WHEN"},
     "colour the severity and the rule id: auto (default:\n"
     "on a terminal, unless NO_COLOR is set), always, never"},
    {{"--source", "--no-source"},
     "text: show (or not) the plan's line under each finding,\n"
     "a caret under the column; shown on a terminal by default"},
    {{"-q, --quiet"}, "no summary line on standard error"},
    {{"-h, --help"}, "this help"},
    {{NULL}, NULL}};

const oap_help oap_help_check = {
    .usage = "oapgraph check [OPTIONS] PLAN...",
    .description = "Loads plan and cycle files (a folder: every *.oap.json and *.cycle.json below\n"
                   "it; '-': standard input) into one graph, runs every rule and prints the\n"
                   "findings as\n"
                   "  file:line:col: severity: message [rule]",
    .column = 25,
    .options = help_options,
    .exit_status =
        "0 nothing at or above --fail-on, 1 findings, 2 trouble (usage,\n"
        "unreadable file, bad config or baseline, failed write). A plan that is not valid\n"
        "JSON is a finding, not trouble.",
};

/* In the order of color_names: --color=auto colours a terminal, unless NO_COLOR says not
 * to (https://no-color.org); always and never are what they say, NO_COLOR or not. */
typedef enum color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color;

static const char *const color_names[] = {"auto", "always", "never"};

static int use_color(color when)
{
    const char *no = getenv("NO_COLOR");
    if (when != COLOR_AUTO)
        return when == COLOR_ALWAYS;
    return isatty(STDOUT_FILENO) && !(no && *no);
}

/* In the order of format_names. */
typedef enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF, FORMAT_MARKDOWN } format;

static const char *const format_names[] = {"text", "json", "sarif", "markdown"};

static const char *plural(size_t n, const char *s)
{
    return n == 1 ? "" : s;
}

/* "oapgraph: 3 files, 2 plans, 17 actions: 4 errors, 5 warnings, 0 info[, 2 baselined]" */
static void print_summary(const oap_planset *set, const oap_diags *shown, int baseline,
                          size_t baselined, const char *config)
{
    size_t actions = 0, files = oap_planset_file_count(set), plans = oap_planset_plan_count(set);
    for (size_t i = 0; i < plans; i++)
        actions += oap_planset_action_count(set, i);
    size_t errors = oap_diags_count_at_least(shown, OAP_SEVERITY_ERROR);
    size_t warnings = oap_diags_count_at_least(shown, OAP_SEVERITY_WARNING) - errors;
    size_t infos = oap_diags_count(shown) - errors - warnings;
    fprintf(stderr,
            "oapgraph: %zu file%s, %zu plan%s, %zu action%s: %zu error%s, %zu warning%s, %zu "
            "info",
            files, plural(files, "s"), plans, plural(plans, "s"), actions, plural(actions, "s"),
            errors, plural(errors, "s"), warnings, plural(warnings, "s"), infos);
    if (baseline)
        fprintf(stderr, ", %zu baselined", baselined);
    if (config) {
        fputs(" (config ", stderr);
        oap_report_escape(stderr, config);
        fputc(')', stderr);
    }
    fputc('\n', stderr);
}

typedef struct run_args {
    int fail_on, quiet, no_config;
    format fmt;
    color color;
    int source; /* --source 1, --no-source 0, neither -1: on a terminal */
    const char *config, *baseline, *write_baseline, *stdin_name;
    const char **disable; /* --disable, NULL-terminated */
    const char **exclude; /* --exclude, NULL-terminated */
    oap_load_limits limits;
    size_t max_findings; /* 0: the default, proportional to the input */
} run_args;

/* A count or a size: digits, optionally followed by k, M or G (powers of 1024). */
static int parse_amount(const char *s, size_t *out)
{
    char *end;
    if (!*s || *s == '-')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned shift = 0;
    if (*end == 'k' || *end == 'K')
        shift = 10;
    else if (*end == 'M')
        shift = 20;
    else if (*end == 'G')
        shift = 30;
    if (shift)
        end++;
    if (end == s || *end || errno || v == 0 || v > (SIZE_MAX >> shift))
        return -1;
    *out = (size_t)(v << shift);
    return 0;
}

static int run(const run_args *a, int nplans, char **plans)
{
    int status = EXIT_CLEAN, rc = 0;
    char err[1024];
    oap_config *cfg = NULL;
    oap_baseline *base = NULL;
    oap_planset *set = NULL;
    oap_diags *diags = NULL, *fresh = NULL;
    oap_fingerprint *fps = NULL, *fresh_fps = NULL;
    const char **fp_texts = NULL, **files = NULL, **rule_ids = NULL;
    oap_severity *rule_sevs = NULL;
    const oap_diags *shown;
    size_t baselined = 0;
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;

    opts.max_findings = a->max_findings;
    if (oap_cli_check_options(&opts, &cfg, "check", a->config, a->no_config,
                              a->limits.max_file_bytes) < 0) {
        status = EXIT_TROUBLE;
        goto done;
    }
    if (a->disable[0] && (rc = oap_cli_disable_rules(&opts, a->disable, &rule_ids, &rule_sevs)) < 0)
        goto done;
    if (a->baseline && !a->write_baseline) {
        rc = oap_baseline_read(&base, a->baseline, a->limits.max_file_bytes, err, sizeof err);
        if (rc == OAP_EIO || rc == OAP_EINVAL) {
            oap_cli_error_lines(err);
            status = EXIT_TROUBLE;
            rc = 0;
            goto done;
        }
        if (rc < 0)
            goto done;
    }
    if ((rc = oap_planset_new(&set)) < 0 || (rc = oap_diags_new(&diags)) < 0)
        goto done;
    oap_planset_set_limits(set, &a->limits);
    if ((rc = oap_cli_exclude(set, a->exclude, cfg)) < 0)
        goto done;
    if ((rc = oap_planset_set_stdin_name(set, a->stdin_name)) < 0)
        goto done;
    for (int i = 0; i < nplans; i++) {
        rc = oap_planset_load_path(set, plans[i], diags);
        if (rc == OAP_EIO) {
            oap_cli_error("%s", oap_planset_error(set));
            status = EXIT_TROUBLE;
            rc = 0;
        } else if (rc < 0) {
            goto done;
        }
    }
    if ((rc = oap_check_run(set, diags, &opts)) < 0)
        goto done;
    oap_cli_notes(oap_planset_notes(set));
    size_t nfiles = oap_planset_file_count(set);
    if (!(files = calloc(nfiles + 1, sizeof *files))) {
        rc = OAP_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < nfiles; i++)
        files[i] = oap_planset_file(set, i);
    /* Fingerprints only where a baseline needs them; the JSON and SARIF writers compute
     * their own, and text and Markdown show none. */
    if ((a->write_baseline || base) && (rc = oap_diags_fingerprints(&fps, diags)) < 0)
        goto done;

    /* Known findings: those of the baseline just written, or of the one given. */
    shown = diags;
    const oap_fingerprint *shown_fps = fps;
    if (a->write_baseline) {
        if (status == EXIT_TROUBLE) {
            oap_cli_error("check: not writing the baseline '%s': some plans could not be read",
                          a->write_baseline);
            goto done;
        }
        /* A rename over a device or a pipe would replace it with a file. */
        struct stat st;
        if (stat(a->write_baseline, &st) == 0 && !S_ISREG(st.st_mode)) {
            oap_cli_error("check: cannot write the baseline '%s': not a regular file",
                          a->write_baseline);
            status = EXIT_TROUBLE;
            goto done;
        }
        oap_output o;
        if (oap_output_open(&o, a->write_baseline, set) < 0) {
            status = EXIT_TROUBLE;
            goto done;
        }
        if ((rc = oap_baseline_write(o.f, diags, fps)) < 0 && rc != OAP_EIO) {
            oap_output_abort(&o);
            goto done;
        }
        rc = 0;
        if (oap_output_commit(&o) < 0) {
            status = EXIT_TROUBLE;
            goto done;
        }
        /* The baseline just written is the one this run applies: what it could not record
         * (a broken file) is still shown. */
        if ((rc = oap_baseline_of_findings(&base, a->write_baseline, diags, fps)) < 0)
            goto done;
        if (!a->quiet) {
            fprintf(stderr, "oapgraph: wrote %zu finding%s to the baseline ",
                    oap_baseline_count(base), plural(oap_baseline_count(base), "s"));
            oap_report_escape(stderr, a->write_baseline);
            fputc('\n', stderr);
        }
    }
    if (base) {
        if ((rc = oap_diags_new(&fresh)) < 0 ||
            (rc = oap_baseline_apply(base, diags, fps, &opts, fresh, &fresh_fps, &baselined)) < 0)
            goto done;
        shown = fresh;
        shown_fps = fresh_fps;
    }
    size_t nshown = oap_diags_count(shown);
    if (shown_fps) {
        if (!(fp_texts = calloc(nshown + 1, sizeof *fp_texts))) {
            rc = OAP_ENOMEM;
            goto done;
        }
        for (size_t i = 0; i < nshown; i++)
            fp_texts[i] = shown_fps[i].text;
    }

    char cwd[PATH_MAX];
    oap_report_options ropts = OAP_REPORT_OPTIONS_INIT;
    ropts.color = a->fmt == FORMAT_TEXT && use_color(a->color);
    ropts.source = a->fmt == FORMAT_TEXT && (a->source < 0 ? isatty(STDOUT_FILENO) : a->source);
    ropts.files = files;
    ropts.nfiles = nfiles;
    ropts.fingerprints = fp_texts;
    ropts.baselined = baselined;
    ropts.baseline = a->baseline || a->write_baseline;
    ropts.srcroot = getcwd(cwd, sizeof cwd);
    ropts.config = cfg ? oap_config_name(cfg) : NULL;
    switch (a->fmt) {
    case FORMAT_TEXT:
        rc = oap_report_text(stdout, shown, &ropts);
        break;
    case FORMAT_JSON:
        rc = oap_report_json(stdout, shown, &ropts);
        break;
    case FORMAT_SARIF:
        rc = oap_report_sarif(stdout, shown, &ropts);
        break;
    case FORMAT_MARKDOWN:
        rc = oap_report_markdown(stdout, shown, &ropts);
        break;
    }
    if (rc == OAP_EIO) {
        /* A reader that has gone (| head -1) ends the output, and the findings still say
         * how the run ends; any other failed write is trouble, which
         * oap_cli_finish_stdout reports. */
        if (!oap_output_stdout_closed())
            status = EXIT_TROUBLE;
        rc = 0;
    } else if (rc < 0) {
        goto done;
    }
    if (!a->quiet)
        print_summary(set, shown, a->baseline || a->write_baseline, baselined,
                      cfg ? oap_config_name(cfg) : NULL);
    if (status == EXIT_CLEAN && a->fail_on != OAP_SEVERITY_OFF &&
        oap_diags_count_at_least(shown, (oap_severity)a->fail_on) > 0)
        status = EXIT_FINDINGS;
done:
    if (rc < 0) {
        oap_cli_error("check: %s", oap_strerror(rc));
        status = EXIT_TROUBLE;
    }
    free(fp_texts);
    free(files);
    free(rule_ids);
    free(rule_sevs);
    free(fps);
    free(fresh_fps);
    oap_diags_free(fresh);
    oap_diags_free(diags);
    oap_planset_free(set);
    oap_baseline_free(base);
    oap_config_free(cfg);
    return status;
}

int oap_cmd_check(int argc, char **argv)
{
    enum {
        OPT_FAIL_ON = 256,
        OPT_FORMAT,
        OPT_CONFIG,
        OPT_NO_CONFIG,
        OPT_BASELINE,
        OPT_WRITE,
        OPT_MAX_FILE,
        OPT_MAX_DEPTH,
        OPT_MAX_STRING,
        OPT_MAX_ACTIONS,
        OPT_MAX_FINDINGS,
        OPT_COLOR,
        OPT_DISABLE,
        OPT_STDIN_NAME,
        OPT_SOURCE,
        OPT_NO_SOURCE,
        OPT_EXCLUDE
    };
    static const char shortopts[] = "qh";
    static const struct option longopts[] = {
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"no-config", no_argument, NULL, OPT_NO_CONFIG},
        {"disable", required_argument, NULL, OPT_DISABLE},
        {"stdin-name", required_argument, NULL, OPT_STDIN_NAME},
        {"exclude", required_argument, NULL, OPT_EXCLUDE},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"write-baseline", required_argument, NULL, OPT_WRITE},
        {"max-file-size", required_argument, NULL, OPT_MAX_FILE},
        {"max-depth", required_argument, NULL, OPT_MAX_DEPTH},
        {"max-string", required_argument, NULL, OPT_MAX_STRING},
        {"max-actions", required_argument, NULL, OPT_MAX_ACTIONS},
        {"max-findings", required_argument, NULL, OPT_MAX_FINDINGS},
        {"color", required_argument, NULL, OPT_COLOR},
        {"source", no_argument, NULL, OPT_SOURCE},
        {"no-source", no_argument, NULL, OPT_NO_SOURCE},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    run_args a = {.fail_on = OAP_SEVERITY_ERROR,
                  .fmt = FORMAT_TEXT,
                  .source = -1,
                  .limits = (oap_load_limits)OAP_LOAD_LIMITS_DEFAULT};
    size_t ndisable = 0, nexclude = 0;
    int c, status = EXIT_TROUBLE;
    if (!(a.disable = oap_cli_values("check", argc)) ||
        !(a.exclude = oap_cli_values("check", argc)))
        goto done;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FAIL_ON:
            if (strcmp(optarg, "none") == 0)
                a.fail_on = OAP_SEVERITY_OFF;
            else if ((a.fail_on = oap_severity_parse(optarg, 0)) < 0) {
                oap_cli_error("check: --fail-on takes error, warning, info or none, not '%s'",
                              optarg);
                goto done;
            }
            break;
        case OPT_FORMAT: {
            int f = OAP_CLI_CHOICE(optarg, format_names);
            if (f < 0) {
                oap_cli_error("check: --format takes text, json, sarif or markdown, not '%s'",
                              optarg);
                goto done;
            }
            a.fmt = (format)f;
            break;
        }
        case OPT_CONFIG:
            a.config = optarg;
            break;
        case OPT_NO_CONFIG:
            a.no_config = 1;
            break;
        case OPT_BASELINE:
            a.baseline = optarg;
            break;
        case OPT_WRITE:
            a.write_baseline = optarg;
            break;
        case OPT_MAX_FILE:
        case OPT_MAX_DEPTH:
        case OPT_MAX_STRING:
        case OPT_MAX_ACTIONS:
        case OPT_MAX_FINDINGS: {
            size_t *limit = c == OPT_MAX_FILE      ? &a.limits.max_file_bytes
                            : c == OPT_MAX_DEPTH   ? &a.limits.max_depth
                            : c == OPT_MAX_STRING  ? &a.limits.max_string_bytes
                            : c == OPT_MAX_ACTIONS ? &a.limits.max_actions
                                                   : &a.max_findings;
            if (parse_amount(optarg, limit) < 0 || (c == OPT_MAX_DEPTH && *limit > 2048)) {
                const char *name = "";
                for (const struct option *o = longopts; o->name; o++)
                    if (o->val == c)
                        name = o->name;
                oap_cli_error("check: --%s takes a positive number (sizes may end in k, M or "
                              "G%s), not '%s'",
                              name, c == OPT_MAX_DEPTH ? "; at most 2048" : "", optarg);
                goto done;
            }
            break;
        }
        case OPT_COLOR: {
            int w = OAP_CLI_CHOICE(optarg, color_names);
            if (w < 0) {
                oap_cli_error("check: --color takes auto, always or never, not '%s'", optarg);
                goto done;
            }
            a.color = (color)w;
            break;
        }
        case OPT_EXCLUDE:
            a.exclude[nexclude++] = optarg;
            break;
        case OPT_SOURCE:
        case OPT_NO_SOURCE:
            a.source = c == OPT_SOURCE;
            break;
        case OPT_STDIN_NAME:
            if (!*optarg) {
                oap_cli_error("check: --stdin-name needs a name");
                goto done;
            }
            a.stdin_name = optarg;
            break;
        case OPT_DISABLE:
            if (oap_cli_disable_ok("check", optarg) < 0)
                goto done;
            a.disable[ndisable++] = optarg;
            break;
        case 'q':
            a.quiet = 1;
            break;
        case 'h':
            oap_help_print(stdout, &oap_help_check);
            status = oap_cli_finish_stdout(EXIT_CLEAN);
            goto done;
        default:
            status = oap_cli_bad_option("check", argv[optind - 1], shortopts, longopts);
            goto done;
        }
    }
    if (a.write_baseline && strcmp(a.write_baseline, "-") == 0) {
        oap_cli_error("check: --write-baseline needs a file; standard output carries the "
                      "findings");
        goto done;
    }
    if (a.config && a.no_config) {
        oap_cli_error("check: --config and --no-config exclude each other");
        goto done;
    }
    if (optind >= argc) {
        oap_cli_error("check: no plan given; see 'oapgraph check --help'");
        goto done;
    }
    a.disable[ndisable] = NULL;
    a.exclude[nexclude] = NULL;
    status = oap_cli_finish_stdout(run(&a, argc - optind, argv + optind));
done:
    free(a.disable);
    free(a.exclude);
    return status;
}
