/* embed: a program that uses the installed library as another project would. */

/* tests/install/run.sh builds it with nothing but `cc embed.c $(pkg-config --cflags --libs
 * oapgraph)` against a fresh install, runs it on the reference plan and compares what it
 * prints. It uses only the public API, so it is also its smallest example. */
#include <oapgraph/oapgraph.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole file at path, malloc'ed, its size in *len; NULL when it cannot be read. */
static char *read_file(const char *path, size_t *len)
{
    char *text = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (text = malloc((size_t)size + 1)) &&
        fread(text, 1, (size_t)size, f) != (size_t)size) {
        free(text);
        text = NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return text;
}

/* One line per action: its id, goal, leaders and phases, read through the accessors. */
static void list_actions(const oap_planset *set)
{
    for (size_t p = 0; p < oap_planset_plan_count(set); p++) {
        const oap_plan *plan = oap_planset_plan(set, p);
        for (size_t i = 0; i < oap_plan_action_count(plan); i++) {
            const oap_action *a = oap_plan_action(plan, i);
            printf("%s %s (%s): led by", oap_plan_id(plan), oap_action_id(a), oap_action_goal(a));
            for (size_t k = 0; k < oap_action_list_count(a, OAP_ACTION_LEADERS); k++)
                printf(" %s", oap_action_list_item(a, OAP_ACTION_LEADERS, k));
            if (oap_action_phase_count(a))
                printf("; %zu phases", oap_action_phase_count(a));
            printf("\n");
        }
    }
}

/* Runs the checks on set into a new list; NULL (said why) on failure. */
static oap_diags *check(oap_planset *set)
{
    oap_diags *diags = NULL;
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    int err = oap_diags_new(&diags);
    if (err == 0)
        err = oap_check_run(set, diags, &opts);
    if (err < 0) {
        fprintf(stderr, "embed: check: %s\n", oap_strerror(err));
        oap_diags_free(diags);
        return NULL;
    }
    return diags;
}

/* Whether two runs found the same findings at the same places. */
static int same_findings(const oap_diags *a, const oap_diags *b)
{
    if (oap_diags_count(a) != oap_diags_count(b))
        return 0;
    for (size_t i = 0; i < oap_diags_count(a); i++) {
        const oap_diag *x = oap_diags_at(a, i), *y = oap_diags_at(b, i);
        if (strcmp(x->rule, y->rule) != 0 || strcmp(x->message, y->message) != 0 ||
            x->line != y->line || x->col != y->col)
            return 0;
    }
    return 1;
}

/* Renders the plan view to SVG in a temporary file and checks that it reads as SVG. */
static int render_svg(const oap_planset *set)
{
    FILE *svg = tmpfile();
    if (!svg) {
        perror("embed: tmpfile");
        return -1;
    }
    oap_emit_options opts = OAP_EMIT_OPTIONS_INIT;
    opts.view = OAP_EMIT_VIEW_PLAN;
    opts.format = OAP_EMIT_SVG;
    oap_emit_result result;
    int err = oap_emit_write(svg, set, &opts, &result);
    char head[6] = "";
    if (err == 0) {
        rewind(svg);
        if (fread(head, 1, 5, svg) != 5)
            err = OAP_EIO;
    }
    fclose(svg);
    if (err < 0) {
        fprintf(stderr, "embed: svg: %s: %s\n", oap_strerror(err), result.message);
        return -1;
    }
    if (strcmp(head, "<?xml") != 0 && strncmp(head, "<svg", 4) != 0) {
        fprintf(stderr, "embed: svg: starts with \"%s\"\n", head);
        return -1;
    }
    printf("svg: %zu nodes, %zu edges, %zu clusters\n", result.nodes, result.edges,
           result.clusters);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: embed PLAN.oap.json\n");
        return 2;
    }
    int status = 1, err;
    oap_planset *set = NULL;
    oap_diags *load = NULL, *diags = NULL, *again = NULL;
    size_t len;
    char *text = read_file(argv[1], &len);
    if (!text) {
        perror(argv[1]);
        goto done;
    }

    /* Load from memory, named as the file, so findings read as `oapgraph check`'s. */
    if ((err = oap_planset_new(&set)) < 0 || (err = oap_diags_new(&load)) < 0 ||
        (err = oap_planset_load_buffer(set, argv[1], text, len, load)) < 0) {
        fprintf(stderr, "embed: load: %s\n", oap_strerror(err));
        goto done;
    }
    for (size_t i = 0; i < oap_planset_plan_count(set); i++)
        printf("plan %s: %zu actions\n", oap_planset_plan_id(set, i),
               oap_planset_action_count(set, i));
    list_actions(set);

    /* Checked twice: the set is left as found, so the second run locates alike. */
    if (!(diags = check(set)) || !(again = check(set)))
        goto done;
    printf("checked twice: %s\n",
           same_findings(diags, again) ? "the same findings, located alike" : "DIFFERENT findings");
    size_t n = oap_diags_count(diags);
    for (size_t i = 0; i < n; i++) {
        const oap_diag *d = oap_diags_at(diags, i);
        printf("%s:%u:%u: %s: %s [%s]\n", d->file, d->line, d->col, oap_severity_name(d->severity),
               d->message, d->rule);
    }
    size_t errors = oap_diags_count_at_least(diags, OAP_SEVERITY_ERROR);
    size_t warnings = oap_diags_count_at_least(diags, OAP_SEVERITY_WARNING) - errors;
    printf("%zu findings: error %zu, warning %zu, info %zu\n", n, errors, warnings,
           n - errors - warnings);

    if (render_svg(set) < 0)
        goto done;
    printf("library version %s\n", oap_version());
    status = 0;

done:
    oap_diags_free(load);
    oap_diags_free(diags);
    oap_diags_free(again);
    oap_planset_free(set);
    free(text);
    return status;
}
