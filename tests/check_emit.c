/* check_emit: label escaping, and the DOT of the diagrams read back by cgraph's agread. */
#include "emit/text.h"
#include "oapgraph/emit.h"
#include "oapgraph/oapgraph.h"

#include "check_main.h"

#include <check.h>
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BR "<BR ALIGN=\"LEFT\"/>"

static char *escaped(const char *text, oap_emit_mode mode)
{
    static char out[4096];
    oap_strbuf b = {0};
    oap_emit__escape(&b, text, mode);
    ck_assert(!b.oom);
    snprintf(out, sizeof out, "%s", oap_strbuf_str(&b));
    oap_strbuf_free(&b);
    return out;
}

static const char *html(const char *text)
{
    return escaped(text, OAP_EMIT_HTML);
}

static const char *wrapped(const char *text, unsigned width, unsigned lines)
{
    static char out[4096];
    oap_strbuf b = {0};
    oap_emit__wrapped(&b, text, width, lines);
    ck_assert(!b.oom);
    snprintf(out, sizeof out, "%s", oap_strbuf_str(&b));
    oap_strbuf_free(&b);
    return out;
}

START_TEST(html_quotes_backslashes_markup)
{
    ck_assert_str_eq(html("say \"hi\""), "say &quot;hi&quot;");
    ck_assert_str_eq(html("it's"), "it&#39;s");
    /* Graphviz decodes entities, then turns \\ into \ once: one backslash shows. */
    ck_assert_str_eq(html("ends with \\"), "ends with &#92;&#92;");
    ck_assert_str_eq(html("\\\"q\\\""), "&#92;&#92;&quot;q&#92;&#92;&quot;");
    ck_assert_str_eq(html("\\N \\G"), "&#92;&#92;N &#92;&#92;G");
    ck_assert_str_eq(html("<b>bold</b>"), "&lt;b&gt;bold&lt;/b&gt;");
    ck_assert_str_eq(html("</TD></TABLE>>"), "&lt;/TD&gt;&lt;/TABLE&gt;&gt;");
    ck_assert_str_eq(html("&amp; &"), "&amp;amp; &amp;");
    /* Record syntax means nothing in an HTML-like label: kept as it is. */
    ck_assert_str_eq(html("{a|b} <p>"), "{a|b} &lt;p&gt;");
}
END_TEST

START_TEST(html_lines_controls_unicode)
{
    ck_assert_str_eq(html("a\nb\r\nc\rd"), "a" BR "b" BR "c" BR "d");
    ck_assert_str_eq(html("tab\there"), "tab here");
    ck_assert_str_eq(html("bell\a esc\x1b del\x7f"), "bell esc del");
    /* C1 controls, bidirectional overrides, isolates and marks are dropped. */
    ck_assert_str_eq(html("x\xc2\x85y"), "xy");
    ck_assert_str_eq(html("\xe2\x80\xaevil\xe2\x80\xac \xe2\x81\xa6i\xe2\x81\xa9 "
                          "\xe2\x80\x8fm"),
                     "vil i m");
    ck_assert_str_eq(html("Ελληνικά éàç — “q”"), "Ελληνικά éàç — “q”");
    /* Bytes that are not UTF-8 become U+FFFD; nothing is read past the end. */
    ck_assert_str_eq(html("bad\xff end\xc3"), "bad\xef\xbf\xbd end\xef\xbf\xbd");
    ck_assert_str_eq(html("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    ck_assert_str_eq(html("\xef\xbf\xbe"), "");
    ck_assert_str_eq(html(""), "");
    ck_assert_str_eq(html(NULL), "");
}
END_TEST

START_TEST(tooltips_and_names)
{
    /* Tooltips: entities decoded, then backslashes unescaped twice. */
    ck_assert_str_eq(escaped("a\\", OAP_EMIT_TOOLTIP), "a&#92;&#92;&#92;&#92;");
    ck_assert_str_eq(escaped("x \"y\"\nz", OAP_EMIT_TOOLTIP), "x &quot;y&quot;&#10;z");
    ck_assert_str_eq(escaped("<B>x</B>", OAP_EMIT_TOOLTIP), "&lt;B&gt;x&lt;/B&gt;");
    /* Names: no escape processing at all. */
    ck_assert_str_eq(escaped("2012-C:1.1", OAP_EMIT_NAME), "2012-C:1.1");
    ck_assert_str_eq(escaped("a\\b\nc\"", OAP_EMIT_NAME), "a&#92;b c&quot;");
}
END_TEST

/* Whatever the text, no mode lets a backslash or a double quote through, and only HTML
 * mode writes '<' (its own <BR/>): agwrite cannot be confused, and plain strings never
 * equal an HTML label. */
START_TEST(no_mode_lets_dot_syntax_through)
{
    char text[256];
    for (int i = 0; i < 255; i++)
        text[i] = (char)(i + 1);
    text[255] = '\0';
    for (int mode = OAP_EMIT_HTML; mode <= OAP_EMIT_NAME; mode++) {
        const char *out = escaped(text, (oap_emit_mode)mode);
        ck_assert_ptr_null(strchr(out, '\\'));
        if (mode == OAP_EMIT_HTML) {
            /* The only quotes and '<' are those of <BR ALIGN="LEFT"/>. */
            const char *p = out;
            while ((p = strchr(p, '<'))) {
                ck_assert_int_eq(strncmp(p, BR, strlen(BR)), 0);
                p += strlen(BR);
            }
        } else {
            ck_assert_ptr_null(strchr(out, '<'));
            ck_assert_ptr_null(strchr(out, '"'));
        }
    }
}
END_TEST

START_TEST(wrapping)
{
    ck_assert_str_eq(wrapped("aaa bbb ccc", 7, 0), "aaa bbb" BR "ccc");
    ck_assert_str_eq(wrapped("aaa bbb ccc", 8, 0), "aaa bbb" BR "ccc");
    ck_assert_str_eq(wrapped("aaa bbb ccc ddd", 7, 1), "aaa bb\xe2\x80\xa6");
    ck_assert_str_eq(wrapped("abcdefghij", 4, 0), "abcd" BR "efgh" BR "ij");
    ck_assert_str_eq(wrapped("one\ntwo three", 20, 0), "one" BR "two three");
    /* Greek counts by characters, not bytes. */
    ck_assert_str_eq(wrapped("αβγ δεζ", 3, 0), "αβγ" BR "δεζ");
    ck_assert_str_eq(wrapped("a<b \"c\"", 3, 0), "a&lt;b" BR "&quot;c&quot;");
    ck_assert_str_eq(wrapped("done   \n\n", 10, 1), "done");
    ck_assert_str_eq(wrapped("", 10, 2), "");
}
END_TEST

static oap_planset *load(const char *path)
{
    oap_planset *set = NULL;
    oap_diags *diags = NULL;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    ck_assert_int_eq(oap_planset_load_path(set, path, diags), 0);
    ck_assert_uint_eq(oap_diags_count_at_least(diags, OAP_SEVERITY_ERROR), 0);
    oap_diags_free(diags);
    return set;
}

/* The diagram as written, NUL-terminated and malloc'ed; rc receives the result. */
static char *emit(const oap_planset *set, const oap_emit_options *opts, int *rc,
                  oap_emit_result *res)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    *rc = oap_emit_write(f, set, opts, res);
    long len = ftell(f);
    ck_assert_int_ge(len, 0);
    char *text = malloc((size_t)len + 1);
    ck_assert_ptr_nonnull(text);
    rewind(f);
    ck_assert_uint_eq(fread(text, 1, (size_t)len, f), (size_t)len);
    text[len] = '\0';
    fclose(f);
    return text;
}

typedef struct counts {
    int nodes, edges, clusters;
    int refs, needs, links, overlaps; /* edges by style */
} counts;

static void count_clusters(Agraph_t *g, counts *c)
{
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s)) {
        if (strncmp(agnameof(s), "cluster_", 8) == 0 && strcmp(agnameof(s), "cluster_frame") != 0)
            c->clusters++;
        count_clusters(s, c);
    }
}

static const char *attr(void *obj, const char *name)
{
    const char *v = agget(obj, (char *)name);
    return v ? v : "";
}

/* Reads DOT back with cgraph and counts what it holds. Every node's name is plain and
 * its label HTML; every tooltip is plain. */
static counts read_back(const char *dot)
{
    counts c = {0};
    Agraph_t *g = agmemread(dot);
    ck_assert_msg(g != NULL, "agread cannot read the DOT");
    count_clusters(g, &c);
    ck_assert(aghtmlstr(agget(g, (char *)"label")));
    /* Invisible nodes and edges only order the layout: not counted. */
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        ck_assert_msg(!aghtmlstr(agnameof(n)), "node name %s read as HTML", agnameof(n));
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            ck_assert(!aghtmlstr(agget(e, (char *)"tooltip")));
            const char *style = attr(e, "style"), *color = attr(e, "color");
            if (strcmp(style, "invis") == 0)
                continue;
            c.edges++;
            if (strcmp(style, "dotted") == 0)
                c.overlaps++;
            else if (strcmp(style, "dashed") == 0 && strcmp(color, "#7a3fa0") == 0)
                c.links++;
            else if (strcmp(style, "dashed") == 0)
                c.refs++;
            else
                c.needs++;
        }
        if (strcmp(attr(n, "style"), "invis") == 0)
            continue;
        c.nodes++;
        ck_assert_msg(aghtmlstr(agget(n, (char *)"label")), "label of %s is not HTML", agnameof(n));
        ck_assert(!aghtmlstr(agget(n, (char *)"tooltip")));
    }
    agclose(g);
    return c;
}

START_TEST(reference_plan_view_counts)
{
    oap_planset *set = load(OAP_SOURCE_DIR "/fixtures/2012-C.oap.json");
    oap_emit_options opts = OAP_EMIT_OPTIONS_INIT;
    oap_emit_result res;
    int rc;
    char *dot = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, 0);
    /* 16 actions, the plan, priorities B and F; 7 goal clusters. */
    ck_assert_uint_eq(res.nodes, 19);
    ck_assert_uint_eq(res.clusters, 7);
    /* 7 cross-reference pairs (1.1-2.1, 1.1-5.2, 1.3-2.1, 1.1-2.2, 2.1-2.2, 2.2-2.3,
     * 1.1-2.3; the three pairs listed both ways drawn once), 2 needs (2.1#1 -> 1.1,
     * 1.1 -> 2.1#2), 3 links to B and F (2.2, 4.1 twice), 2 declared overlaps. */
    ck_assert_uint_eq(res.edges, 14);
    counts c = read_back(dot);
    ck_assert_int_eq(c.nodes, 19);
    ck_assert_int_eq(c.edges, 14);
    ck_assert_int_eq(c.clusters, 7);
    ck_assert_int_eq(c.refs, 7);
    ck_assert_int_eq(c.needs, 2);
    ck_assert_int_eq(c.links, 3);
    ck_assert_int_eq(c.overlaps, 2);
    ck_assert_ptr_nonnull(strstr(dot, "\"2012-C:2.1\":p1 -> \"2012-C:1.1\""));
    ck_assert_ptr_nonnull(strstr(dot, "\"2012-C:1.1\" -> \"2012-C:2.1\":p2"));
    /* The banner, at the top (the graph's label) and the bottom (the frame's). */
    const char *top = strstr(dot, "<B>RESTREINT UE/EU RESTRICTED</B>");
    ck_assert_ptr_nonnull(top);
    ck_assert_ptr_nonnull(strstr(top + 1, "<B>RESTREINT UE/EU RESTRICTED</B>"));
    ck_assert_ptr_nonnull(strstr(dot, "labelloc=b"));

    /* The same run gives the same bytes. */
    char *again = emit(set, &opts, &rc, &res);
    ck_assert_str_eq(dot, again);
    free(again);
    free(dot);
    oap_planset_free(set);
}
END_TEST

/* A caller built against options version 1 (no slips) is still served, the same way. */
START_TEST(options_version_1)
{
    oap_planset *set = load(OAP_SOURCE_DIR "/fixtures/2012-C.oap.json");
    oap_emit_options opts = OAP_EMIT_OPTIONS_INIT;
    opts.view = OAP_EMIT_VIEW_TIMELINE;
    oap_emit_result res;
    int rc;
    char *now = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, 0);
    /* What a version 1 caller's memory holds after its struct: never read. */
    opts.version = 1;
    opts.slips = NULL;
    opts.nslips = 99;
    char *v1 = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, 0);
    ck_assert_str_eq(now, v1);
    opts.version = 3;
    char *bad = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, OAP_EINVAL);
    ck_assert_str_eq(bad, "");
    free(bad);
    free(now);
    free(v1);
    oap_planset_free(set);
}
END_TEST

START_TEST(other_views_and_focus)
{
    oap_planset *set = load(OAP_SOURCE_DIR "/fixtures/2012-C.oap.json");
    oap_emit_options opts = OAP_EMIT_OPTIONS_INIT;
    oap_emit_result res;
    int rc;

    /* Overlap view: the plan, 2.2 and 4.1 (they link to B and F), B and F. */
    opts.view = OAP_EMIT_VIEW_OVERLAP;
    char *dot = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, 0);
    counts c = read_back(dot);
    ck_assert_int_eq(c.nodes, 5);
    ck_assert_int_eq(c.clusters, 1);
    ck_assert_int_eq(c.links, 3);
    ck_assert_int_eq(c.overlaps, 2);
    free(dot);

    /* HU leads 2.2 and 5.2 (bold) and takes part in six as one of All MS. */
    opts.view = OAP_EMIT_VIEW_ACTOR;
    opts.actor = "HU";
    dot = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, 0);
    c = read_back(dot);
    ck_assert_int_eq(c.nodes, 8);
    ck_assert_int_eq(c.clusters, 6); /* the plan; SG1, SG2, SG3, SG5, SG6 */
    free(dot);

    opts.actor = "XX-nobody";
    dot = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, OAP_EINVAL);
    ck_assert_str_eq(dot, "");
    ck_assert_ptr_nonnull(strstr(res.message, "XX-nobody"));
    free(dot);

    /* Around 2.1, one link: 1.1, 1.3, 2.2 and 2.1; SG4 (which 2.1 refers to) only as
     * a note that its actions are outside the focus. */
    opts.view = OAP_EMIT_VIEW_PLAN;
    opts.focus = "2.1";
    opts.depth = 1;
    dot = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, 0);
    c = read_back(dot);
    ck_assert_int_eq(c.nodes, 5);
    ck_assert_int_eq(c.clusters, 3);
    ck_assert_int_eq(c.needs, 2);
    ck_assert_ptr_nonnull(strstr(dot, "(2 actions outside the focus)"));
    free(dot);

    opts.focus = "9.9";
    dot = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, OAP_EINVAL);
    ck_assert_str_eq(dot, "");
    ck_assert_str_eq(res.message, "focus '9.9' names no action, goal, plan or priority of the "
                                  "loaded plans");
    free(dot);

    /* Too big to lay out: refused before anything is written, with the size. */
    opts.focus = NULL;
    opts.format = OAP_EMIT_SVG;
    opts.max_layout_nodes = 10;
    dot = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, OAP_ELIMIT);
    ck_assert_str_eq(dot, "");
    ck_assert_uint_eq(res.nodes, 19);
    ck_assert_ptr_nonnull(strstr(res.message, "19 nodes and 14 edges"));
    free(dot);
    oap_planset_free(set);
}
END_TEST

/* Finds the node whose name is name in g and returns its attribute. */
static const char *node_attr(Agraph_t *g, const char *name, const char *a)
{
    Agnode_t *n = agnode(g, (char *)name, 0);
    ck_assert_msg(n != NULL, "no node %s", name);
    return attr(n, a);
}

START_TEST(hostile_labels_read_back_intact)
{
    oap_planset *set = load(OAP_SOURCE_DIR "/fixtures/hostile-labels/plan.oap.json");
    oap_emit_options opts = OAP_EMIT_OPTIONS_INIT;
    oap_emit_result res;
    int rc;
    char *dot = emit(set, &opts, &rc, &res);
    ck_assert_int_eq(rc, 0);
    /* 11 actions, the plan, priority Z, the note in the empty goal SG4. */
    counts c = read_back(dot);
    ck_assert_int_eq(c.nodes, 14);
    ck_assert_int_eq(c.clusters, 4);

    Agraph_t *g = agmemread(dot);
    ck_assert_ptr_nonnull(g);
    /* Nothing the plan wrote became an attribute or a node of its own. */
    Agsym_t *sym = NULL;
    while ((sym = agnxtattr(g, AGNODE, sym))) {
        char word[64];
        snprintf(word, sizeof word, " %s ", sym->name);
        ck_assert_msg(strstr(" label tooltip style shape fillcolor color penwidth peripheries "
                             "fontname fontsize margin ",
                             word) != NULL,
                      "unexpected node attribute %s", sym->name);
    }
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        ck_assert_int_eq(strncmp(agnameof(n), "2099-H", 6) == 0 || strcmp(agnameof(n), "Z:*") == 0,
                         1);
    ck_assert_ptr_nonnull(strstr(node_attr(g, "2099-H:3.3", "label"),
                                 "x&quot; fontcolor=&quot;red&quot; label=&quot;injected"));
    ck_assert_ptr_nonnull(strstr(node_attr(g, "2099-H:1.2", "tooltip"),
                                 "ends with a backslash &#92;&#92;&#92;&#92;&#10;"));
    ck_assert_ptr_nonnull(
        strstr(node_attr(g, "2099-H:1.3", "label"), "escaped &#92;&#92;&quot;quote"));
    ck_assert_ptr_nonnull(
        strstr(node_attr(g, "2099-H:2.2", "label"), "line one" BR "line two" BR "line three"));
    ck_assert_ptr_nonnull(
        strstr(node_attr(g, "2099-H:2.3", "label"), "Ελληνικά κείμενα με τόνους"));
    ck_assert_ptr_nonnull(strstr(node_attr(g, "2099-H:3.2", "label"), "bell and override and "
                                                                      "tab here"));
    /* 3.1's title is the HTML label of the note in SG4; its tooltip stays plain text. */
    const char *tip = node_attr(g, "2099-H:3.1", "tooltip");
    ck_assert(!aghtmlstr((char *)tip));
    ck_assert_ptr_nonnull(strstr(tip, "&lt;FONT POINT-SIZE=&quot;8&quot;"));
    ck_assert_ptr_nonnull(strstr(dot, "<FONT POINT-SIZE=\"8\" COLOR=\"#555555\">(no action)"));
    /* The marking, Greek and all, in the top and the bottom banner. */
    const char *mark = "ΑΠΟΡΡΗΤΟ &#92;&#92; &quot;SECRET&quot; &lt;b&gt;UE&lt;/b&gt; &amp; "
                       "{x|y}";
    const char *top = strstr(dot, mark);
    ck_assert_ptr_nonnull(top);
    ck_assert_ptr_nonnull(strstr(top + 1, mark));
    agclose(g);
    free(dot);
    oap_planset_free(set);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("emit");
    TCase *tc = tcase_create("escaping");
    tcase_add_test(tc, html_quotes_backslashes_markup);
    tcase_add_test(tc, html_lines_controls_unicode);
    tcase_add_test(tc, tooltips_and_names);
    tcase_add_test(tc, no_mode_lets_dot_syntax_through);
    tcase_add_test(tc, wrapping);
    suite_add_tcase(s, tc);
    tc = tcase_create("diagrams");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, reference_plan_view_counts);
    tcase_add_test(tc, other_views_and_focus);
    tcase_add_test(tc, options_version_1);
    tcase_add_test(tc, hostile_labels_read_back_intact);
    suite_add_tcase(s, tc);
    return oap_test_run(s);
}
