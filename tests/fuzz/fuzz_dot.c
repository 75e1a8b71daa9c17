/* fuzz_dot: DOT emission (oap_emit_write) of plans loaded from any bytes, read back by
 * cgraph, Graphviz's own reader.
 *
 * Input: one or more plan files separated by lines "#file", then optionally "\n#fuzz "
 * and option bytes:
 *   0: view, mod 3: plan, overlap, actor (absent: plan)
 *   1: bit 0: colour the findings of every rule (oap_check_run first);
 *      bit 1: a focus
 *   2: which actor (actor view) or node (focus) of the loaded plans, by index
 *   3: what the focus names, mod 5: an action, "plan:action", a goal, "priority:*",
 *      an action with a phase
 *   4: the depth of the focus, mod 4
 * A plan fixture as it is, is a valid input with the defaults.
 *
 * Properties, beyond "no crash, no leak, no sanitizer report, no timeout" (issue 10: "No
 * plan text may reach a DOT file in a form Graphviz misreads"):
 *   - oap_emit_write returns 0, or OAP_EINVAL (a focus or an actor that names nothing)
 *     having written nothing;
 *   - cgraph reads the DOT back without an error or a warning, with as many nodes, edges
 *     and clusters as were drawn;
 *   - every node keeps a name of its own (cgraph reads a name starting with '%' as an
 *     anonymous node);
 *   - node names and tooltips are plain strings, node labels HTML-like; no node, edge or
 *     graph attribute but the emitter's own exists (plan text added none);
 *   - no string of it holds a backslash, and no plain string a double quote or a '<'
 *     (src/emit/text.h: plan text reaches DOT only as entities);
 *   - written again by cgraph from what it read and read again, it is the same graph:
 *     the same nodes, edges, subgraphs, memberships and attributes, HTML-like or plain. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_plans.h"

#include "load/planset.h"
#include "oapgraph/check.h"
#include "oapgraph/common.h"
#include "oapgraph/diag.h"
#include "oapgraph/emit.h"
#include "oapgraph/plan.h"

#include <graphviz/cgraph.h>

/* A diagram of more than four plans adds nothing a fuzzer can find. */
#define MAX_FILES 4

/* Attributes the emitter sets; anything else came from plan text. */
static const char *const node_attrs = " label tooltip style shape fillcolor color penwidth "
                                      "peripheries fontname fontsize margin fontcolor ordering "
                                      "width height ";
static const char *const edge_attrs = " tooltip style color penwidth arrowhead arrowtail dir "
                                      "constraint fontname fontsize arrowsize label fontcolor "
                                      "headport tailport weight minlen ";
static const char *const graph_attrs = " label tooltip style fillcolor color penwidth fontname "
                                       "fontsize rankdir nodesep ranksep labelloc labeljust "
                                       "margin pencolor bgcolor fontcolor compound newrank rank ";

static int cgraph_messages;
static char cgraph_first[256];

static int on_cgraph_message(char *msg)
{
    if (cgraph_messages++ == 0)
        snprintf(cgraph_first, sizeof cgraph_first, "%s", msg);
    return 0;
}

static void attrs_known(Agraph_t *g, int kind, const char *known, const char *what)
{
    Agsym_t *sym = NULL;
    while ((sym = agnxtattr(g, kind, sym))) {
        char word[128];
        snprintf(word, sizeof word, " %s ", sym->name);
        FUZZ_ASSERT(strstr(known, word) != NULL, "unexpected %s attribute \"%s\"", what, sym->name);
    }
}

static int invisible(void *obj)
{
    const char *style = agget(obj, (char *)"style");
    return style && strcmp(style, "invis") == 0;
}

static int count_clusters(Agraph_t *g)
{
    int n = 0;
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s)) {
        if (strncmp(agnameof(s), "cluster_", 8) == 0 && strcmp(agnameof(s), "cluster_frame") != 0)
            n++;
        n += count_clusters(s);
    }
    return n;
}

static Agraph_t *read_dot(const char *dot, const char *what)
{
    cgraph_messages = 0;
    cgraph_first[0] = '\0';
    agusererrf old = agseterrf(on_cgraph_message);
    agerrlevel_t level = agseterr(AGWARN);
    agreseterrors();
    Agraph_t *g = agmemread(dot);
    int errors = agreseterrors();
    agseterr(level);
    agseterrf(old);
    FUZZ_ASSERT(g != NULL, "cgraph cannot read the %s DOT: %s\n%s", what, cgraph_first, dot);
    FUZZ_ASSERT(cgraph_messages == 0 && errors == 0, "cgraph says, reading the %s DOT: %s\n%s",
                what, cgraph_first, dot);
    return g;
}

static char *write_dot(Agraph_t *g)
{
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    FUZZ_ASSERT(f != NULL, "open_memstream");
    FUZZ_ASSERT(agwrite(g, f) != EOF, "agwrite failed");
    FUZZ_ASSERT(fclose(f) == 0, "fclose");
    return s;
}

/* A graph as a sorted list of lines, one per node, edge, subgraph and membership, with
 * every attribute (HTML-like values marked): equal lists, equal graphs, whatever order
 * cgraph keeps them in (it orders subgraphs by the address of their name). */
typedef struct lines {
    char **items;
    size_t n, cap;
} lines;

static void add_line(lines *l, FILE *f, char **buf, size_t *len)
{
    FUZZ_ASSERT(fclose(f) == 0, "fclose");
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
        FUZZ_ASSERT(l->items != NULL, "out of memory");
    }
    l->items[l->n++] = *buf;
    *buf = NULL;
    *len = 0;
}

static void put_value(FILE *f, char *v)
{
    fprintf(f, "%s[%s]", v && aghtmlstr(v) ? "H" : "P", v ? v : "(null)");
}

static void put_attrs(FILE *f, Agraph_t *root, void *obj, int kind)
{
    Agsym_t *sym = NULL;
    while ((sym = agnxtattr(root, kind, sym))) {
        fprintf(f, " %s=", sym->name);
        put_value(f, agxget(obj, sym));
    }
}

/* Checks one string of the read-back graph: no plan text may put a backslash there, and
 * a plain string no double quote and no '<' either (tests/check_emit.c, text.h). */
static void clean_value(const char *v, const char *what, const char *dot)
{
    if (!v)
        return;
    FUZZ_ASSERT(strchr(v, '\\') == NULL, "a backslash in %s: %s\n%s", what, v, dot);
    if (!aghtmlstr((char *)v))
        FUZZ_ASSERT(strpbrk(v, "\"<") == NULL, "a quote or '<' in the plain %s: %s\n%s", what, v,
                    dot);
}

static void clean_attrs(Agraph_t *root, void *obj, int kind, const char *dot)
{
    Agsym_t *sym = NULL;
    while ((sym = agnxtattr(root, kind, sym)))
        clean_value(agxget(obj, sym), sym->name, dot);
}

static void describe_subgraphs(Agraph_t *root, Agraph_t *g, const char *path, lines *l,
                               const char *dot)
{
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s)) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        clean_value(agnameof(s), "subgraph name", dot);
        clean_attrs(root, s, AGRAPH, dot);
        fprintf(f, "S %s/%s", path, agnameof(s));
        put_attrs(f, root, s, AGRAPH);
        add_line(l, f, &buf, &len);
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", path, agnameof(s));
        for (Agnode_t *n = agfstnode(s); n; n = agnxtnode(s, n)) {
            f = open_memstream(&buf, &len);
            fprintf(f, "M %s %s", sub, agnameof(n));
            add_line(l, f, &buf, &len);
        }
        describe_subgraphs(root, s, sub, l, dot);
    }
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static lines describe(Agraph_t *g, const char *dot)
{
    lines l = {NULL, 0, 0};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    clean_value(agnameof(g), "graph name", dot);
    clean_attrs(g, g, AGRAPH, dot);
    fprintf(f, "G %s", agnameof(g));
    put_attrs(f, g, g, AGRAPH);
    add_line(&l, f, &buf, &len);
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        clean_value(agnameof(n), "node name", dot);
        clean_attrs(g, n, AGNODE, dot);
        f = open_memstream(&buf, &len);
        fprintf(f, "N %s", agnameof(n));
        put_attrs(f, g, n, AGNODE);
        add_line(&l, f, &buf, &len);
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            clean_attrs(g, e, AGEDGE, dot);
            f = open_memstream(&buf, &len);
            fprintf(f, "E %s -> %s", agnameof(agtail(e)), agnameof(aghead(e)));
            put_attrs(f, g, e, AGEDGE);
            add_line(&l, f, &buf, &len);
        }
    }
    describe_subgraphs(g, g, "", &l, dot);
    qsort(l.items, l.n, sizeof *l.items, by_text);
    return l;
}

static void lines_free(lines *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
}

static void same_graph(Agraph_t *a, Agraph_t *b, const char *dot)
{
    lines x = describe(a, dot), y = describe(b, dot);
    size_t i = 0;
    while (i < x.n && i < y.n && strcmp(x.items[i], y.items[i]) == 0)
        i++;
    FUZZ_ASSERT(i == x.n && i == y.n,
                "the DOT cgraph writes from what it read reads back differently:\n< %s\n> %s\n%s",
                i < x.n ? x.items[i] : "(end)", i < y.n ? y.items[i] : "(end)", dot);
    lines_free(&x);
    lines_free(&y);
}

/* The actors named by the loaded plans (leaders, then participants): the i-th, counted
 * round; NULL when there are none. */
static const char *nth_actor(const oap_model *m, unsigned i)
{
    size_t total = 0;
    for (int count = 1; count >= 0; count--) {
        size_t k = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t p = 0; p < m->nplans; p++)
                for (uint32_t a = 0; a < m->plans[p]->nactions; a++) {
                    const oap_action *x = &m->plans[p]->actions[a];
                    const oap_strv *v = pass == 0 ? &x->leaders : &x->participants;
                    for (uint32_t j = 0; j < v->n; j++, k++)
                        if (!count && k == i % total)
                            return v->items[j];
                }
        total = k;
        if (total == 0)
            return NULL;
    }
    return NULL;
}

/* A focus of the kind asked for, from the loaded plans, into buf; NULL when none. */
static const char *make_focus(const oap_model *m, unsigned which, unsigned kind, char *buf,
                              size_t size)
{
    if (m->nplans == 0)
        return NULL;
    const oap_plan *p = m->plans[which % m->nplans];
    const char *plan_id = p->id ? p->id : "";
    switch (kind % 5) {
    case 0:
    case 1:
    case 4:
        if (p->nactions == 0)
            return NULL;
        {
            const oap_action *a = &p->actions[which % p->nactions];
            if (!a->id)
                return NULL;
            if (kind % 5 == 0)
                snprintf(buf, size, "%s", a->id);
            else if (kind % 5 == 1)
                snprintf(buf, size, "%s:%s", plan_id, a->id);
            else
                snprintf(buf, size, "%s#%s", a->id,
                         a->nphases && a->phases[0].id ? a->phases[0].id : "1");
        }
        return buf;
    case 2:
        if (p->ngoals == 0 || !p->goals[which % p->ngoals].id)
            return NULL;
        snprintf(buf, size, "%s", p->goals[which % p->ngoals].id);
        return buf;
    default:
        snprintf(buf, size, "%s:*", p->priority ? p->priority : plan_id);
        return buf;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len, nopts;
    const uint8_t *opts;
    fuzz_split_options(data, size, &len, &opts, &nopts);

    oap_planset *set = NULL;
    oap_diags *diags = NULL;
    FUZZ_ASSERT(oap_planset_new(&set) == 0 && oap_diags_new(&diags) == 0, "out of memory");
    fuzz_load_files(set, diags, (const char *)data, len, MAX_FILES, NULL);

    unsigned flags = fuzz_opt(opts, nopts, 1, 0);
    if (flags & 1) {
        oap_check_options copts = OAP_CHECK_OPTIONS_INIT;
        FUZZ_ASSERT(oap_check_run(set, diags, &copts) == 0, "oap_check_run failed");
    }

    const oap_model *m = oap_planset_model(set);
    oap_emit_options eo = OAP_EMIT_OPTIONS_INIT;
    eo.format = OAP_EMIT_DOT;
    eo.view = (oap_emit_view)(fuzz_opt(opts, nopts, 0, 0) % 3);
    if (eo.view == OAP_EMIT_VIEW_ACTOR) {
        eo.actor = nth_actor(m, fuzz_opt(opts, nopts, 2, 0));
        if (!eo.actor)
            eo.actor = "HU";
    }
    char focus[512];
    if (flags & 2) {
        eo.focus = make_focus(m, fuzz_opt(opts, nopts, 2, 0), fuzz_opt(opts, nopts, 3, 0), focus,
                              sizeof focus);
        eo.depth = fuzz_opt(opts, nopts, 4, 1) % 4;
    }
    if (flags & 1)
        eo.findings = diags;

    char *dot = NULL;
    size_t dot_len = 0;
    FILE *f = open_memstream(&dot, &dot_len);
    FUZZ_ASSERT(f != NULL, "open_memstream");
    oap_emit_result res;
    int rc = oap_emit_write(f, set, &eo, &res);
    FUZZ_ASSERT(fclose(f) == 0, "fclose");
    FUZZ_ASSERT(rc == 0 || rc == OAP_EINVAL, "oap_emit_write returned %d: %s", rc, res.message);
    if (rc == OAP_EINVAL) {
        FUZZ_ASSERT(dot_len == 0, "%zu bytes written with OAP_EINVAL", dot_len);
        FUZZ_ASSERT(res.message[0] != '\0', "OAP_EINVAL without a message");
    } else {
        FUZZ_ASSERT(dot_len > 0 && strlen(dot) == dot_len, "DOT of %zu bytes, NUL inside", dot_len);
        Agraph_t *g = read_dot(dot, "emitted");
        /* What only orders the layout is invisible, and not counted as drawn. */
        int nodes = 0, edges = 0;
        for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
            nodes += !invisible(n);
            for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
                edges += !invisible(e);
        }
        FUZZ_ASSERT((size_t)nodes == res.nodes && (size_t)edges == res.edges &&
                        (size_t)count_clusters(g) == res.clusters,
                    "read back %d nodes, %d edges, %d clusters; drawn %zu, %zu, %zu\n%s", nodes,
                    edges, count_clusters(g), res.nodes, res.edges, res.clusters, dot);
        attrs_known(g, AGNODE, node_attrs, "node");
        attrs_known(g, AGEDGE, edge_attrs, "edge");
        attrs_known(g, AGRAPH, graph_attrs, "graph");
        for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
            FUZZ_ASSERT(!aghtmlstr(agnameof(n)), "node name %s read as HTML", agnameof(n));
            /* cgraph reads a name starting with '%' as one of its own anonymous ids: the
             * node loses its name (the SVG <title> shows "%3"). */
            FUZZ_ASSERT(agnameof(n)[0] != '%', "node name read as anonymous: %s\n%s", agnameof(n),
                        dot);
            char *label = agget(n, (char *)"label");
            FUZZ_ASSERT(invisible(n) || (label && aghtmlstr(label)), "label of %s is not HTML",
                        agnameof(n));
            char *tip = agget(n, (char *)"tooltip");
            FUZZ_ASSERT(!tip || !aghtmlstr(tip), "tooltip of %s is HTML", agnameof(n));
        }
        char *again = write_dot(g);
        Agraph_t *g2 = read_dot(again, "rewritten");
        same_graph(g, g2, dot);
        free(again);
        agclose(g2);
        agclose(g);
    }
    free(dot);
    oap_diags_free(diags);
    oap_planset_free(set);
    return 0;
}
