/* cmd_deps: deps, rdeps and path: what a node needs, what needs it, how two connect. */
#include "cli.h"

#include "args.h"
#include "output.h"
#include "plans.h"

#include "oapgraph/oapgraph.h"

#include <getopt.h>

typedef enum query { QUERY_DEPS, QUERY_RDEPS, QUERY_PATH } query;

static const char *const names[] = {"deps", "rdeps", "path"};

static const char *const format_names[] = {"text", "json"};

/* deps, rdeps and path share how nodes are written and their options. */
#define NODES_HELP                                                                                 \
    "Nodes are written as in plan files: \"2.1\", \"2.1#1\" (a phase), \"SG2\", \"B:*\",\n"        \
    "\"2012-F:3.1\"; an unqualified one must be in exactly one loaded plan. The node\n"            \
    "arguments come first, then the plans (files, folders of *.oap.json, '-').\n"                  \
    "Over needs, an action with phases stands for its phases (phase k+1 needs phase\n"             \
    "k), a goal for its actions, a plan for all of its own."

#define DEPS_EXIT                                                                                  \
    "0 answered, 2 trouble (usage, unreadable file, unknown node,\n"                               \
    "failed write)."

#define COMMON_OPTIONS                                                                             \
    {{"--all-links"},                                                                              \
     "also follow refs (both ways: they carry no direction), needs\n"                              \
     "naming goals or priorities, and phase to action"},                                           \
        {{"--format FORMAT"}, "text (default) or json"},                                           \
        {{"-o FILE"}, "write to FILE (atomically) instead of standard output"},                    \
        {{"-h, --help"}, "this help"},                                                             \
    {                                                                                              \
        {NULL}, NULL                                                                               \
    }

static const oap_help_option help_options[] = {COMMON_OPTIONS};

/* deps and rdeps also tell an action's history. */
static const oap_help_option history_options[] = {
    {{"--history"},
     "the action's chain of continuations instead: what it carries\n"
     "on from earlier plans and what carries it on, first year to last"},
    COMMON_OPTIONS};

const oap_help oap_help_deps = {
    .usage = "oapgraph deps [OPTIONS] REF PLAN...",
    .description = "What node REF needs, directly and through others: every node reached, with\n"
                   "its depth (0: REF itself, 1: needed directly, ...) and its own needs.\n"
                   "\n" NODES_HELP,
    .column = 19,
    .options = history_options,
    .exit_status = DEPS_EXIT,
};

const oap_help oap_help_rdeps = {
    .usage = "oapgraph rdeps [OPTIONS] REF PLAN...",
    .description = "What needs node REF, directly and through others: every node reached, with\n"
                   "its depth (0: REF itself, 1: needs it directly, ...) and what needs it.\n"
                   "\n" NODES_HELP,
    .column = 19,
    .options = history_options,
    .exit_status = DEPS_EXIT,
};

const oap_help oap_help_path = {
    .usage = "oapgraph path [OPTIONS] FROM TO PLAN...",
    .description = "The shortest path from node FROM to node TO, one step a line:\n"
                   "  $ oapgraph path 2.1 1.1 2012-C.oap.json\n"
                   "  path from 2.1 to 1.1 over needs, 1 step:\n"
                   "  2.1#2 needs 1.1\n"
                   "\n"
                   "Over needs the path runs the way needs point (FROM needs ... needs TO).\n"
                   "\n" NODES_HELP,
    .column = 19,
    .options = help_options,
    .exit_status = "0 answered, 1 no path, 2 trouble (usage, unreadable file, unknown node,\n"
                   "failed write).",
};

static const oap_help *const helps[] = {&oap_help_deps, &oap_help_rdeps, &oap_help_path};

typedef struct args {
    query q;
    int all_links, json, history;
    const char *output;
} args;

static int answer(const args *a, oap_views_input *in, char **nodes, oap_output *o)
{
    const char *name = names[a->q];
    oap_graph *g = in->graph;
    oap_deps_options opts = {a->q == QUERY_RDEPS, a->all_links};
    uint32_t v[2];
    char err[512];
    int nnodes = a->q == QUERY_PATH ? 2 : 1;
    for (int i = 0; i < nnodes; i++)
        if (oap_views_resolve(g, nodes[i], &v[i], err, sizeof err) < 0) {
            oap_cli_error("%s: %s", name, err);
            return EXIT_TROUBLE;
        }
    int rc, status = EXIT_CLEAN;
    if (a->history) {
        oap_history *h = NULL;
        rc = oap_history_run(&h, g, v[0]);
        if (rc == OAP_EINVAL) {
            char node[200];
            oap_cli_error("%s: %s is not an action; --history follows an action from plan to "
                          "plan",
                          name, oap_graph_node_name(g, v[0], node, sizeof node));
            return EXIT_TROUBLE;
        }
        if (rc >= 0)
            rc = a->json ? oap_history_write_json(o->f, h) : oap_history_write_text(o->f, h);
        oap_history_free(h);
    } else if (a->q == QUERY_PATH) {
        oap_path *p = NULL;
        rc = oap_path_find(&p, g, v[0], v[1], &opts);
        if (rc == 0)
            status = EXIT_FINDINGS;
        if (rc >= 0)
            rc = a->json ? oap_path_write_json(o->f, p) : oap_path_write_text(o->f, p);
        oap_path_free(p);
    } else {
        oap_deps *d = NULL;
        rc = oap_deps_run(&d, g, v[0], &opts);
        if (rc >= 0)
            rc = a->json ? oap_deps_write_json(o->f, d) : oap_deps_write_text(o->f, d);
        oap_deps_free(d);
    }
    if (rc == OAP_EIO)
        return status; /* the commit says what failed, or sees the reader gone */
    if (rc < 0) {
        oap_cli_error("%s: %s", name, oap_strerror(rc));
        return EXIT_TROUBLE;
    }
    return status;
}

static int run(const args *a, char **nodes, int nplans, char **plans)
{
    const char *name = names[a->q];
    oap_views_input in;
    oap_output o;
    int status = EXIT_TROUBLE;
    if (oap_cli_open_plans(&in, name, nplans, plans) == 0 &&
        oap_cli_warn_errors(name, &in, "this answer covers what could be read") == 0) {
        if (oap_output_open(&o, a->output, in.set) == 0)
            status = oap_output_finish(&o, answer(a, &in, nodes, &o));
    }
    oap_views_close(&in);
    return status;
}

static int command(int argc, char **argv, query q)
{
    enum { OPT_ALL_LINKS = 256, OPT_FORMAT, OPT_HISTORY };
    static const char shortopts[] = "ho:";
    static const struct option longopts[] = {{"all-links", no_argument, NULL, OPT_ALL_LINKS},
                                             {"format", required_argument, NULL, OPT_FORMAT},
                                             {"history", no_argument, NULL, OPT_HISTORY},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *name = names[q];
    args a = {.q = q};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case OPT_ALL_LINKS:
            a.all_links = 1;
            break;
        case OPT_HISTORY:
            if (q == QUERY_PATH) {
                oap_cli_error("path: --history follows one action; it goes with deps and rdeps");
                return EXIT_TROUBLE;
            }
            a.history = 1;
            break;
        case OPT_FORMAT: {
            int f = OAP_CLI_CHOICE(optarg, format_names);
            if (f < 0) {
                oap_cli_error("%s: --format takes text or json, not '%s'", name, optarg);
                return EXIT_TROUBLE;
            }
            a.json = f == 1;
            break;
        }
        case 'o':
            a.output = optarg;
            break;
        case 'h':
            oap_help_print(stdout, helps[q]);
            return oap_cli_finish_stdout(EXIT_CLEAN);
        default:
            return oap_cli_bad_option(name, argv[optind - 1], shortopts, longopts);
        }
    }
    int nnodes = q == QUERY_PATH ? 2 : 1;
    if (argc - optind < nnodes + 1) {
        oap_cli_error("%s: give %s, then at least one plan; see 'oapgraph %s --help'", name,
                      q == QUERY_PATH ? "FROM and TO" : "a REF", name);
        return EXIT_TROUBLE;
    }
    /* Standard output is flushed and checked by oap_output_commit. */
    return run(&a, argv + optind, argc - optind - nnodes, argv + optind + nnodes);
}

int oap_cmd_deps(int argc, char **argv)
{
    return command(argc, argv, QUERY_DEPS);
}

int oap_cmd_rdeps(int argc, char **argv)
{
    return command(argc, argv, QUERY_RDEPS);
}

int oap_cmd_path(int argc, char **argv)
{
    return command(argc, argv, QUERY_PATH);
}
