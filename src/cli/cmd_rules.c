/* cmd_rules: the rules of 'oapgraph check': every one with its default severity, or one
 * explained, from the rule registry. */
#include "cli.h"

#include "args.h"
#include "jsonout.h"

#include "oapgraph/oapgraph.h"

#include <getopt.h>
#include <string.h>

static const oap_help_option help_options[] = {
    {{"--format FORMAT"}, "text (default) or json (every field of the registry)"},
    {{"-h, --help"}, "this help"},
    {{NULL}, NULL}};

const oap_help oap_help_rules = {
    .usage = "oapgraph rules [--format FORMAT] [RULE]",
    .description =
        "Lists every rule of 'oapgraph check', family by family, with its default severity\n"
        "and what fires it. With RULE, explains that rule: what fires it, how to fix it,\n"
        "and a real case with the findings it gives:\n"
        "  $ oapgraph rules missing-kpi\n"
        "\n"
        "A config file changes any rule's severity or turns it off:\n"
        "  {\"rules\": {\"missing-kpi\": \"off\", \"one-way-ref\": \"warning\"}}",
    .column = 19,
    .options = help_options,
    .exit_status = "0 shown, 2 trouble (usage, unknown rule, failed write).",
};

/* Text wider than this is wrapped, at spaces. */
#define WIDTH 80

/* Writes a paragraph indented by two spaces, wrapped at WIDTH. */
static void paragraph(const char *text)
{
    const char *p = text;
    while (*p) {
        size_t room = WIDTH - 2, len = strlen(p);
        if (len > room) {
            len = room;
            while (len > 0 && p[len] != ' ')
                len--;
            if (len == 0) /* a word longer than a line stands alone */
                len = strcspn(p, " ");
        }
        printf("  %.*s\n", (int)len, p);
        p += len;
        while (*p == ' ')
            p++;
    }
}

/* Writes each line of text indented by two spaces. */
static void literal(const char *text)
{
    for (size_t len; *text; text += len + (text[len] == '\n')) {
        len = strcspn(text, "\n");
        printf("  %.*s\n", (int)len, text);
    }
}

static void explain(const oap_rule_info *r)
{
    printf("%s: %s\n", r->id, r->summary);
    printf("Family %s; %s by default.\n", r->family, oap_severity_name(r->severity));
    printf("\nWhat fires it\n");
    paragraph(r->explanation);
    printf("\nHow to fix it\n");
    paragraph(r->fix);
    printf("\nExample\n");
    /* One file has no name line in the registry; shown, it has one like several do. */
    if (strncmp(r->example, "==> ", 4) != 0)
        printf("  ==> plan.oap.json <==\n");
    literal(r->example);
    printf("  $ %s\n", r->example_command);
    literal(r->example_finding);
}

static void list(void)
{
    int width = 0;
    for (size_t i = 0; i < oap_rule_count(); i++) {
        int len = (int)strlen(oap_rule_at(i)->id);
        width = len > width ? len : width;
    }
    const char *family = NULL;
    for (size_t i = 0; i < oap_rule_count(); i++) {
        const oap_rule_info *r = oap_rule_at(i);
        if (!family || strcmp(family, r->family) != 0) {
            printf("%s%s\n", family ? "\n" : "", r->family);
            family = r->family;
        }
        printf("  %-*s  %-7s  %s\n", width, r->id, oap_severity_name(r->severity), r->summary);
    }
}

/* {"version": 1, "rules": [{every field of the registry}]}: all rules, or the one given. */
static void json(const oap_rule_info *only)
{
    int first = 1;
    fputs("{\"version\": 1, \"rules\": [", stdout);
    for (size_t i = 0; i < oap_rule_count(); i++) {
        const oap_rule_info *r = oap_rule_at(i);
        if (only && r != only)
            continue;
        fputs(first ? "\n  {" : ",\n  {", stdout);
        first = 0;
        oap_cli_json_member(stdout, 1, "id", r->id);
        oap_cli_json_member(stdout, 0, "severity", oap_severity_name(r->severity));
        oap_cli_json_member(stdout, 0, "family", r->family);
        oap_cli_json_member(stdout, 0, "summary", r->summary);
        oap_cli_json_member(stdout, 0, "explanation", r->explanation);
        oap_cli_json_member(stdout, 0, "fix", r->fix);
        oap_cli_json_member(stdout, 0, "example", r->example);
        oap_cli_json_member(stdout, 0, "example_command", r->example_command);
        oap_cli_json_member(stdout, 0, "example_finding", r->example_finding);
        fputs("}", stdout);
    }
    fputs("]}\n", stdout);
}

/* "no rule 'x'" with the nearest id when one is close. */
static int unknown(const char *id)
{
    const oap_rule_info *near = oap_rule_nearest(id);
    if (near)
        oap_cli_error("rules: no rule '%s'; did you mean '%s'?", id, near->id);
    else
        oap_cli_error("rules: no rule '%s'; 'oapgraph rules' lists them", id);
    return EXIT_TROUBLE;
}

int oap_cmd_rules(int argc, char **argv)
{
    enum { OPT_FORMAT = 256 };
    static const char shortopts[] = "h";
    static const struct option longopts[] = {{"format", required_argument, NULL, OPT_FORMAT},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    static const char *const format_names[] = {"text", "json"};
    int c, as_json = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT: {
            int f = OAP_CLI_CHOICE(optarg, format_names);
            if (f < 0) {
                oap_cli_error("rules: --format takes text or json, not '%s'", optarg);
                return EXIT_TROUBLE;
            }
            as_json = f == 1;
            break;
        }
        case 'h':
            oap_help_print(stdout, &oap_help_rules);
            return oap_cli_finish_stdout(EXIT_CLEAN);
        default:
            return oap_cli_bad_option("rules", argv[optind - 1], shortopts, longopts);
        }
    }
    if (argc - optind > 1) {
        oap_cli_error("rules: give at most one RULE; see 'oapgraph rules --help'");
        return EXIT_TROUBLE;
    }
    const oap_rule_info *rule = NULL;
    if (optind < argc && !(rule = oap_rule_find(argv[optind])))
        return unknown(argv[optind]);
    if (as_json)
        json(rule);
    else if (rule)
        explain(rule);
    else
        list();
    return oap_cli_finish_stdout(EXIT_CLEAN);
}
