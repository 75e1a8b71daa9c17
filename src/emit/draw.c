/* draw: a diagram as a cgraph graph; DOT through agwrite, SVG/PNG/PDF through gvc. */
#include "oapgraph/emit.h"

#include "canvas.h"
#include "diagram.h"
#include "ids.h"
#include "core/timing.h"
#include "load/planset.h"
#include "oapgraph/common.h"
#include "text.h"
#include "timeline.h"

#include <cgraph.h>
#include <gvc.h>

#include <stddef.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

/* Colours beside those of canvas.h. */
#define LINK_COLOR "#7a3fa0"
#define CONTINUES_COLOR "#2f6f4f" /* work carried on from an earlier plan */
#define JAD_COLOR "#8a6400"       /* Joint Action Days and their lines */
#define JAD_FILL "#fff3cc"
#define OVERLAP_COLOR "#b35900" /* the overlap view's pairs that may be the same work */

/* Label sizes: characters per line and lines. */
#define ACTION_WIDTH 34
#define ACTION_LINES 4
#define GOAL_WIDTH 44
#define GOAL_LINES 2
#define PHASE_WIDTH 22
#define PHASE_LINES 3

typedef struct drawer {
    const oap_diagram *d;
    const oap_graph *g;
    const oap_emit_options *opts;
    Agraph_t *G, *frame;
    Agraph_t **plan_cluster; /* per plan, NULL when not drawn */
    Agraph_t **goal_cluster; /* per view node of a goal drawn as a cluster */
    Agraph_t **goal_row;     /* its nodes, in one rank (rank=same) */
    Agnode_t **node;         /* per view node */
    uint32_t *first_link;    /* per graph node: its first link, OAP_NONE */
    int plan_clusters;       /* plans drawn as clusters */
    size_t clusters;
    int layout_nodes, layout_edges; /* invisible, only there to order the layout */
    oap_strbuf a, b;                /* scratch: labels and tooltips */
    int rc;                         /* first failure */
} drawer;

/* Attributes, set as canvas.h says; the first failure is kept in w->rc. */
static void set_plain(drawer *w, void *obj, const char *attr, const char *value)
{
    oap_emit__set_plain(&w->rc, obj, attr, value);
}

static void set_html(drawer *w, void *obj, const char *attr, const oap_strbuf *html)
{
    oap_emit__set_html(&w->rc, obj, attr, html);
}

/* Tooltip text: plan text escaped for an escString attribute. */
static void tip(oap_strbuf *b, const char *text)
{
    oap_emit__escape(b, text, OAP_EMIT_TOOLTIP);
}

static void html(oap_strbuf *b, const char *text)
{
    oap_emit__escape(b, text, OAP_EMIT_HTML);
}

static void tip_list(oap_strbuf *b, const char *what, const oap_strv *list)
{
    if (!list->n)
        return;
    oap_strbuf_printf(b, "&#10;%s: ", what);
    for (uint32_t i = 0; i < list->n; i++) {
        if (i)
            oap_strbuf_puts(b, ", ");
        tip(b, list->items[i]);
    }
}

static void highlight(drawer *w, void *obj, int severity, int is_node)
{
    if (severity < 0 || severity > 2)
        return;
    set_plain(w, obj, "color", oap_emit__severity_color[severity]);
    set_plain(w, obj, "penwidth", "2.5");
    if (is_node)
        set_plain(w, obj, "fillcolor", oap_emit__severity_fill[severity]);
    else
        set_plain(w, obj, "fontcolor", oap_emit__severity_color[severity]);
}

/* A name for a node: its reference, qualified by plan ("2012-C:2.1"), escaped; unique. */
static Agnode_t *make_node(drawer *w, Agraph_t *in, uint32_t k)
{
    char ref[200];
    const oap_dnode *n = &w->d->nodes[k];
    if (n->gnode != OAP_NONE && w->g->nodes[n->gnode].kind == OAP_NODE_PLAN)
        snprintf(ref, sizeof ref, "%s", oap_graph_plan(w->g, n->gnode)->id);
    else
        oap_emit__diagram_name(w->d, k, OAP_EMIT_QUALIFIED, ref, sizeof ref);
    oap_strbuf_reset(&w->a);
    oap_emit__escape(&w->a, ref, OAP_EMIT_NAME);
    if (w->a.oom) {
        w->rc = OAP_ENOMEM;
        return NULL;
    }
    /* Ids repeated across a plan (a duplicate-id finding) still get a node each. */
    if (agnode(w->G, w->a.s, 0))
        oap_strbuf_printf(&w->a, " ~%u", k);
    Agnode_t *node = w->a.oom ? NULL : agnode(in, w->a.s, 1);
    if (!node)
        w->rc = OAP_ENOMEM;
    return node;
}

/* The goals an action refers to in its own plan: a line of its label in the plan view. */
static void goal_refs_line(drawer *w, oap_strbuf *b, uint32_t action)
{
    const oap_graph *g = w->g;
    int count = 0;
    for (uint32_t li = w->first_link[action]; li != OAP_NONE && li < g->nlinks; li++) {
        const oap_link *l = &g->links[li];
        if (l->action != action)
            break;
        if (l->status != OAP_LINK_RESOLVED || g->nodes[l->to].kind != OAP_NODE_GOAL ||
            g->nodes[l->to].plan != g->nodes[action].plan || l->to == g->nodes[action].owner)
            continue;
        int seen = 0;
        for (uint32_t lj = w->first_link[action]; lj < li; lj++)
            if (g->links[lj].to == l->to && g->links[lj].status == OAP_LINK_RESOLVED)
                seen = 1;
        if (seen)
            continue;
        oap_strbuf_puts(b, count++ ? ", "
                                   : "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
                                     "POINT-SIZE=\"8\" COLOR=\"#555555\">refers to ");
        html(b, oap_graph_goal(g, l->to)->id);
    }
    if (count)
        oap_strbuf_puts(b, "</FONT></TD></TR>");
}

/* The first four actors of a list, then an ellipsis. */
static void actor_list(oap_strbuf *b, const oap_strv *list)
{
    for (uint32_t i = 0; i < list->n && i < 4; i++) {
        if (i)
            oap_strbuf_puts(b, ", ");
        html(b, list->items[i]);
    }
    if (list->n > 4)
        oap_strbuf_puts(b, ", \xE2\x80\xA6");
}

static void draw_action(drawer *w, uint32_t k, Agraph_t *in)
{
    const oap_diagram *d = w->d;
    const oap_dnode *n = &d->nodes[k];
    const oap_action *act = oap_graph_action(w->g, n->gnode);
    Agnode_t *node = w->node[k] = make_node(w, in, k);
    if (!node)
        return;
    oap_strbuf *b = &w->a;
    oap_strbuf_reset(b);
    oap_strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
                       "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><B>");
    html(b, act->id);
    oap_strbuf_puts(b, "</B>");
    if (act->leaders.n || act->coleaders.n) {
        oap_strbuf_puts(b, "  <FONT POINT-SIZE=\"8\" COLOR=\"#444444\">");
        /* With co-leaders, who leads and who co-leads is said in words. */
        if (act->coleaders.n)
            oap_strbuf_puts(b, act->leaders.n == 1 ? "Leader: " : "Leaders: ");
        actor_list(b, &act->leaders);
        if (act->coleaders.n) {
            oap_strbuf_puts(b, act->leaders.n ? "; co-leader" : "co-leader");
            oap_strbuf_puts(b, act->coleaders.n == 1 ? ": " : "s: ");
            actor_list(b, &act->coleaders);
        }
        oap_strbuf_puts(b, "</FONT>");
    }
    oap_strbuf_puts(b, "</TD></TR><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
    oap_emit__wrapped(b, act->title, ACTION_WIDTH, ACTION_LINES);
    oap_strbuf_puts(b, "</TD></TR>");
    if (n->role == OAP_ROLE_GROUP) {
        oap_strbuf_puts(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"#555555\">"
                           "takes part as one of All MS</FONT></TD></TR>");
    }
    if (d->kind != OAP_EMIT_VIEW_OVERLAP)
        goal_refs_line(w, b, n->gnode);
    if (act->nphases) {
        oap_strbuf_puts(b, "<TR><TD><TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" "
                           "CELLPADDING=\"2\"><TR>");
        for (uint32_t p = 0; p < act->nphases; p++) {
            oap_strbuf_printf(b,
                              "<TD PORT=\"p%u\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
                              "<FONT POINT-SIZE=\"8\"><B>phase ",
                              p + 1);
            html(b, act->phases[p].id);
            oap_strbuf_puts(b, "</B>");
            if (act->phases[p].timing) {
                oap_strbuf_puts(b, "<BR ALIGN=\"LEFT\"/>");
                oap_emit__wrapped(b, act->phases[p].timing, PHASE_WIDTH, PHASE_LINES);
            }
            oap_strbuf_puts(b, "</FONT></TD>");
        }
        oap_strbuf_puts(b, "</TR></TABLE></TD></TR>");
    }
    oap_strbuf_puts(b, "</TABLE>");
    set_html(w, node, "label", b);

    oap_strbuf *t = &w->b;
    oap_strbuf_reset(t);
    tip(t, act->id);
    oap_strbuf_puts(t, ": ");
    tip(t, act->title);
    tip_list(t, "leaders", &act->leaders);
    tip_list(t, "co-leaders", &act->coleaders);
    tip_list(t, "participants", &act->participants);
    tip_list(t, "Joint Action Days", &act->jads);
    if (act->timing) {
        oap_strbuf_puts(t, "&#10;timing: ");
        tip(t, act->timing);
    }
    for (uint32_t p = 0; p < act->nphases; p++) {
        oap_strbuf_puts(t, "&#10;phase ");
        tip(t, act->phases[p].id);
        if (act->phases[p].timing) {
            oap_strbuf_puts(t, ": ");
            tip(t, act->phases[p].timing);
        }
    }
    oap_emit__tip_findings(d, t, n->finding);
    set_plain(w, node, "tooltip", t->oom ? "" : oap_strbuf_str(t));
    if (t->oom)
        w->rc = OAP_ENOMEM;
    if (n->role == OAP_ROLE_LEADS)
        set_plain(w, node, "style", "rounded,bold");
    else if (n->role == OAP_ROLE_GROUP)
        set_plain(w, node, "style", "rounded,dashed");
    if (n->severity >= 0) {
        set_plain(w, node, "style",
                  n->role == OAP_ROLE_LEADS ? "rounded,bold,filled" : "rounded,filled");
        highlight(w, node, n->severity, 1);
    } else if (n->role == OAP_ROLE_LEADS) {
        set_plain(w, node, "penwidth", "2.5");
    }
    if (k == d->focus)
        set_plain(w, node, "peripheries", "2");
}

static void draw_plan_node(drawer *w, uint32_t k, Agraph_t *in)
{
    const oap_dnode *n = &w->d->nodes[k];
    const oap_plan *plan = oap_graph_plan(w->g, n->gnode);
    Agnode_t *node = w->node[k] = make_node(w, in, k);
    if (!node)
        return;
    oap_strbuf *b = &w->a;
    oap_strbuf_reset(b);
    oap_strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
                       "<TR><TD><B>");
    html(b, plan->id);
    oap_strbuf_puts(b, "</B></TD></TR><TR><TD>priority ");
    html(b, plan->priority);
    oap_strbuf_puts(b, ": ");
    oap_emit__wrapped(b, plan->title, ACTION_WIDTH, 2);
    oap_strbuf_puts(b, "</TD></TR>");
    char years[32];
    oap_plan_years_text(plan, years, sizeof years);
    if (*years || plan->driver) {
        oap_strbuf_puts(b, "<TR><TD><FONT POINT-SIZE=\"8\">");
        oap_strbuf_puts(b, years);
        if (*years && plan->driver)
            oap_strbuf_puts(b, " \xC2\xB7 ");
        if (plan->driver) {
            oap_strbuf_puts(b, "driver ");
            html(b, plan->driver);
        }
        oap_strbuf_puts(b, "</FONT></TD></TR>");
    }
    oap_strbuf_puts(b, "</TABLE>");
    set_html(w, node, "label", b);
    set_plain(w, node, "shape", "tab");
    set_plain(w, node, "style", "filled");
    set_plain(w, node, "fillcolor", "#eeeeee");
    oap_strbuf *t = &w->b;
    oap_strbuf_reset(t);
    tip(t, plan->id);
    oap_strbuf_puts(t, ": ");
    tip(t, plan->title);
    if (plan->aim) {
        oap_strbuf_puts(t, "&#10;aim: ");
        tip(t, plan->aim);
    }
    if (plan->document) {
        oap_strbuf_puts(t, "&#10;document: ");
        tip(t, plan->document);
    }
    oap_emit__tip_findings(w->d, t, n->finding);
    set_plain(w, node, "tooltip", t->oom ? "" : oap_strbuf_str(t));
    if (n->severity >= 0)
        highlight(w, node, n->severity, 1);
    if (k == w->d->focus)
        set_plain(w, node, "peripheries", "2");
}

/* The common horizontal strategic goal a goal implements, as a row of its label:
 * "implements CHSG1 Criminal intelligence picture", the title as the plan's cycle gives
 * it. Nothing for a goal that names none. */
static void common_goal_row(drawer *w, oap_strbuf *b, uint32_t gnode)
{
    const oap_goal *goal = oap_graph_goal(w->g, gnode);
    if (!goal->common)
        return;
    const oap_cycle *c = oap_graph_plan(w->g, gnode)->in_cycle;
    const char *title = NULL;
    for (uint32_t i = 0; c && i < c->ncommon_goals && !title; i++)
        if (strcmp(c->common_goals[i].id, goal->common) == 0)
            title = c->common_goals[i].title;
    oap_strbuf_puts(b, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                       "COLOR=\"#3a4a66\">implements <B>");
    html(b, goal->common);
    oap_strbuf_puts(b, "</B>");
    if (title) {
        oap_strbuf_puts(b, " ");
        oap_emit__wrapped(b, title, GOAL_WIDTH, 1);
    }
    oap_strbuf_puts(b, "</FONT></TD></TR>");
}

/* A Joint Action Day's label and tooltip: its id, window and title as a cycle file
 * declares it (the first loaded that does), or that none does. */
static void jad_label(drawer *w, const char *id, oap_strbuf *b, oap_strbuf *t)
{
    const oap_model *m = w->g->model;
    const oap_jad *decl = NULL;
    for (size_t c = 0; c < m->ncycles && !decl; c++)
        for (uint32_t i = 0; i < m->cycles[c]->njads && !decl; i++)
            if (strcmp(m->cycles[c]->jads[i].id, id) == 0)
                decl = &m->cycles[c]->jads[i];
    oap_strbuf_puts(b,
                    "<TR><TD><FONT POINT-SIZE=\"8\">Joint Action Day</FONT></TD></TR><TR><TD><B>");
    html(b, id);
    oap_strbuf_puts(b, "</B>");
    tip(t, "Joint Action Day ");
    tip(t, id);
    if (decl && decl->window.set) {
        char from[8], to[8];
        oap_timing_format_month(decl->window.start, from);
        oap_timing_format_month(decl->window.end, to);
        oap_strbuf_printf(b, "  %s", from);
        oap_strbuf_printf(t, ", %s", from);
        if (decl->window.end != decl->window.start) {
            oap_strbuf_printf(b, "..%s", to);
            oap_strbuf_printf(t, "..%s", to);
        }
    }
    oap_strbuf_puts(b, "</TD></TR><TR><TD><FONT POINT-SIZE=\"8\">");
    if (decl && decl->title) {
        oap_emit__wrapped(b, decl->title, ACTION_WIDTH, 2);
        oap_strbuf_puts(t, ": ");
        tip(t, decl->title);
    } else if (!decl) {
        oap_strbuf_puts(b, "no loaded cycle file declares it");
        oap_strbuf_puts(t, ": no loaded cycle file declares it");
    }
    oap_strbuf_puts(b, "</FONT></TD></TR>");
}

/* A priority no loaded plan carries, a goal drawn as a node (overlap view), an action of
 * a plan not loaded that one carries on, or a Joint Action Day. */
static void draw_other_node(drawer *w, uint32_t k, Agraph_t *in)
{
    const oap_dnode *n = &w->d->nodes[k];
    Agnode_t *node = w->node[k] = make_node(w, in, k);
    if (!node)
        return;
    oap_strbuf *b = &w->a, *t = &w->b;
    oap_strbuf_reset(b);
    oap_strbuf_reset(t);
    oap_strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
    if (n->kind == OAP_DN_GOAL) {
        const oap_goal *goal = oap_graph_goal(w->g, n->gnode);
        oap_strbuf_puts(b, "<TR><TD ALIGN=\"LEFT\"><B>");
        html(b, goal->id);
        oap_strbuf_puts(b, "</B></TD></TR><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
        oap_emit__wrapped(b, goal->title, ACTION_WIDTH, 3);
        oap_strbuf_puts(b, "</TD></TR>");
        common_goal_row(w, b, n->gnode);
        tip(t, goal->id);
        oap_strbuf_puts(t, ": ");
        tip(t, goal->title);
        set_plain(w, node, "shape", "note");
    } else if (n->kind == OAP_DN_JAD) {
        jad_label(w, n->code, b, t);
        set_plain(w, node, "shape", "hexagon");
        set_plain(w, node, "style", "filled");
        set_plain(w, node, "color", JAD_COLOR);
        set_plain(w, node, "fillcolor", JAD_FILL);
    } else if (n->kind == OAP_DN_EARLIER) {
        oap_strbuf_puts(b, "<TR><TD><B>");
        html(b, n->code);
        oap_strbuf_puts(b, "</B></TD></TR><TR><TD><FONT POINT-SIZE=\"8\">carried on; its plan is "
                           "not loaded</FONT></TD></TR>");
        tip(t, n->code);
        oap_strbuf_puts(t, ": an action of an earlier plan that is carried on here; load its plan "
                           "to draw it");
        set_plain(w, node, "style", "rounded,dashed");
        set_plain(w, node, "color", CONTINUES_COLOR);
    } else {
        const char *code =
            n->gnode != OAP_NONE ? w->g->ext_names[w->g->nodes[n->gnode].item] : n->code;
        oap_strbuf_puts(b, "<TR><TD>priority <B>");
        html(b, code);
        oap_strbuf_puts(b, "</B></TD></TR><TR><TD><FONT POINT-SIZE=\"8\">no plan loaded"
                           "</FONT></TD></TR>");
        oap_strbuf_puts(t, "priority ");
        tip(t, code);
        oap_strbuf_puts(t, ": no loaded plan carries it");
        set_plain(w, node, "style", "rounded,dashed");
        set_plain(w, node, "color", LINK_COLOR);
    }
    oap_strbuf_puts(b, "</TABLE>");
    set_html(w, node, "label", b);
    oap_emit__tip_findings(w->d, t, n->finding);
    set_plain(w, node, "tooltip", t->oom ? "" : oap_strbuf_str(t));
    if (n->severity >= 0) {
        set_plain(w, node, "style", n->kind == OAP_DN_GOAL ? "filled" : "rounded,dashed,filled");
        highlight(w, node, n->severity, 1);
    }
    if (k == w->d->focus)
        set_plain(w, node, "peripheries", "2");
}

static Agraph_t *make_cluster(drawer *w, Agraph_t *parent, const char *kind, uint32_t index)
{
    char name[64];
    snprintf(name, sizeof name, "cluster_%s%u", kind, index);
    Agraph_t *c = w->rc ? NULL : agsubg(parent, name, 1);
    if (!c && !w->rc)
        w->rc = OAP_ENOMEM;
    if (c)
        w->clusters++;
    return c;
}

static Agraph_t *plan_cluster(drawer *w, uint32_t plan)
{
    if (!w->plan_clusters)
        return w->frame;
    if (w->plan_cluster[plan])
        return w->plan_cluster[plan];
    const oap_plan *p = w->g->model->plans[plan];
    Agraph_t *c = w->plan_cluster[plan] = make_cluster(w, w->frame, "plan", plan);
    if (!c)
        return w->frame;
    oap_strbuf *b = &w->a;
    oap_strbuf_reset(b);
    oap_strbuf_puts(b, "<B>");
    html(b, p->id);
    oap_strbuf_puts(b, "</B>  ");
    html(b, p->title);
    set_html(w, c, "label", b);
    set_plain(w, c, "style", "rounded");
    set_plain(w, c, "color", "#707070");
    set_plain(w, c, "fontsize", "12");
    oap_strbuf_reset(&w->b);
    tip(&w->b, p->title);
    set_plain(w, c, "tooltip", oap_strbuf_str(&w->b));
    return c;
}

/* The cluster of a goal (plan and actor views), made on first use; a goal none of whose
 * actions is shown holds a note saying so, since an empty cluster is not drawn. */
static Agraph_t *goal_cluster(drawer *w, uint32_t k)
{
    if (w->goal_cluster[k])
        return w->goal_cluster[k];
    const oap_dnode *n = &w->d->nodes[k];
    const oap_goal *goal = oap_graph_goal(w->g, n->gnode);
    Agraph_t *c = w->goal_cluster[k] =
        make_cluster(w, plan_cluster(w, w->g->nodes[n->gnode].plan), "goal", k);
    if (!c)
        return w->frame;
    oap_strbuf *b = &w->a;
    oap_strbuf_reset(b);
    oap_strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
                       "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><B>");
    html(b, goal->id);
    oap_strbuf_puts(b, "</B> ");
    oap_emit__wrapped(b, goal->title, GOAL_WIDTH, GOAL_LINES);
    oap_strbuf_puts(b, "</TD></TR>");
    common_goal_row(w, b, n->gnode);
    oap_strbuf_puts(b, "</TABLE>");
    set_html(w, c, "label", b);
    set_plain(w, c, "labeljust", "l");
    set_plain(w, c, "style", n->severity >= 0 ? "rounded,filled,bold" : "rounded,filled");
    set_plain(w, c, "fillcolor",
              n->severity >= 0 ? oap_emit__severity_fill[n->severity] : "#f3f5f9");
    set_plain(w, c, "color", n->severity >= 0 ? oap_emit__severity_color[n->severity] : "#aab4c4");
    oap_strbuf *t = &w->b;
    oap_strbuf_reset(t);
    tip(t, goal->id);
    oap_strbuf_puts(t, ": ");
    tip(t, goal->title);
    oap_emit__tip_findings(w->d, t, n->finding);
    set_plain(w, c, "tooltip", t->oom ? "" : oap_strbuf_str(t));
    return c;
}

/* The row of a goal's cluster, where its nodes go: one rank, so that each goal is a row
 * of the diagram and the plan's order of goals can be kept (order_layout). */
static Agraph_t *goal_row(drawer *w, uint32_t k)
{
    Agraph_t *c = goal_cluster(w, k);
    if (w->goal_row[k] || w->rc)
        return w->goal_row[k] ? w->goal_row[k] : c;
    char name[64];
    snprintf(name, sizeof name, "row_goal%u", k);
    if (!(w->goal_row[k] = agsubg(c, name, 1))) {
        w->rc = OAP_ENOMEM;
        return c;
    }
    set_plain(w, w->goal_row[k], "rank", "same");
    return w->goal_row[k];
}

static void placeholder(drawer *w, uint32_t k, Agraph_t *in, uint32_t hidden)
{
    char text[96];
    if (hidden)
        snprintf(text, sizeof text, "(%u action%s outside the focus)", hidden,
                 hidden == 1 ? "" : "s");
    else
        snprintf(text, sizeof text, "(no action)");
    Agnode_t *node = w->node[k] = make_node(w, in, k);
    if (!node)
        return;
    oap_strbuf_reset(&w->a);
    oap_strbuf_printf(&w->a, "<FONT POINT-SIZE=\"8\" COLOR=\"#555555\">%s</FONT>", text);
    set_html(w, node, "label", &w->a);
    set_plain(w, node, "shape", "plain");
    oap_strbuf_reset(&w->b);
    oap_strbuf_puts(&w->b, text);
    set_plain(w, node, "tooltip", oap_strbuf_str(&w->b));
}

static void draw_nodes(drawer *w)
{
    const oap_diagram *d = w->d;
    const oap_graph *g = w->g;
    int goal_clusters = d->kind != OAP_EMIT_VIEW_OVERLAP;
    /* Goals first, so that clusters come out in goal order. */
    uint32_t *shown_in = calloc((size_t)d->nnodes + 1, sizeof *shown_in);
    uint32_t *hidden_in = calloc((size_t)d->nnodes + 1, sizeof *hidden_in);
    if (!shown_in || !hidden_in) {
        w->rc = OAP_ENOMEM;
        goto done;
    }
    for (uint32_t k = 0; k < d->nnodes; k++) {
        const oap_dnode *n = &d->nodes[k];
        if (n->kind != OAP_DN_ACTION || g->nodes[n->gnode].owner == OAP_NONE)
            continue;
        uint32_t goal = d->of_gnode[g->nodes[n->gnode].owner];
        if (goal != OAP_NONE)
            (n->shown ? shown_in : hidden_in)[goal]++;
    }
    for (uint32_t k = 0; k < d->nnodes && !w->rc; k++) {
        const oap_dnode *n = &d->nodes[k];
        if (!n->shown)
            continue;
        if (n->kind == OAP_DN_PLAN && d->kind != OAP_EMIT_VIEW_ACTOR)
            draw_plan_node(w, k, plan_cluster(w, g->nodes[n->gnode].plan));
        else if (n->kind == OAP_DN_GOAL && goal_clusters) {
            Agraph_t *c = goal_row(w, k);
            if (!shown_in[k])
                placeholder(w, k, c, hidden_in[k]);
        } else if (n->kind == OAP_DN_GOAL)
            draw_other_node(w, k, plan_cluster(w, g->nodes[n->gnode].plan));
    }
    for (uint32_t k = 0; k < d->nnodes && !w->rc; k++) {
        const oap_dnode *n = &d->nodes[k];
        if (!n->shown)
            continue;
        if (n->kind == OAP_DN_ACTION) {
            uint32_t goal = g->nodes[n->gnode].owner;
            uint32_t gk = goal == OAP_NONE ? OAP_NONE : d->of_gnode[goal];
            Agraph_t *in = goal_clusters && gk != OAP_NONE
                               ? goal_row(w, gk)
                               : plan_cluster(w, g->nodes[n->gnode].plan);
            draw_action(w, k, in);
        } else if (n->kind == OAP_DN_PRIORITY || n->kind == OAP_DN_EARLIER ||
                   n->kind == OAP_DN_JAD) {
            draw_other_node(w, k, w->frame);
        }
    }
done:
    free(shown_in);
    free(hidden_in);
}

/* An invisible edge that places b after a: in the next rank, or in the same rank to its
 * right when both are in one rank=same subgraph. */
static void place_after(drawer *w, Agnode_t *a, Agnode_t *b)
{
    Agedge_t *e = w->rc ? NULL : agedge(w->G, a, b, NULL, 1);
    if (!e) {
        if (!w->rc)
            w->rc = OAP_ENOMEM;
        return;
    }
    set_plain(w, e, "style", "invis");
    set_plain(w, e, "constraint", "true");
    w->layout_edges++;
}

/* Left alone, Graphviz orders clusters as its edges pull them (2012-C came out SG1, SG5,
 * SG2, ...), and the nodes of a rank, and plans, in no order we chose. No edge of the
 * diagram ranks nodes (constraint=false is the default); instead each plan is a chain of
 * invisible edges from its plan node through its goals, each goal a row in the plan's
 * order (the overlap view, which has no goal clusters, a row per node), the actions of a
 * row in the plan's order too (a flat edge from each to the next); and an invisible
 * node above the plans, whose edges keep their order (ordering=out), puts the plans
 * side by side in load order. Flat edges between plans would not: Graphviz keeps their
 * order only inside one cluster. */
static void order_layout(drawer *w)
{
    const oap_diagram *d = w->d;
    const oap_graph *g = w->g;
    size_t np = g->model->nplans, chains = 0;
    int goal_clusters = d->kind != OAP_EMIT_VIEW_OVERLAP;
    Agnode_t **first = calloc(np + 1, sizeof *first), **last = calloc(np + 1, sizeof *last);
    Agnode_t **anchor = calloc((size_t)d->nnodes + 1, sizeof *anchor);
    Agnode_t **row_end = calloc((size_t)d->nnodes + 1, sizeof *row_end);
    if (!first || !last || !anchor || !row_end) {
        w->rc = OAP_ENOMEM;
        goto done;
    }
    /* A goal's anchor: its placeholder, else its first action drawn; the actions of its
     * row after it, in order. */
    for (uint32_t k = 0; k < d->nnodes && !w->rc; k++) {
        const oap_dnode *n = &d->nodes[k];
        uint32_t owner = n->gnode != OAP_NONE ? g->nodes[n->gnode].owner : OAP_NONE;
        uint32_t gk =
            goal_clusters && n->kind == OAP_DN_ACTION && owner != OAP_NONE ? d->of_gnode[owner] : k;
        if (!w->node[k] || gk == OAP_NONE)
            continue;
        if (!anchor[gk])
            anchor[gk] = w->node[k];
        if (gk != k && w->goal_row[gk]) {
            if (row_end[gk])
                place_after(w, row_end[gk], w->node[k]);
            row_end[gk] = w->node[k];
        }
    }
    for (uint32_t k = 0; k < d->nnodes && !w->rc; k++) {
        const oap_dnode *n = &d->nodes[k];
        if (n->gnode == OAP_NONE || !anchor[k])
            continue;
        int in_row = n->kind == OAP_DN_ACTION && goal_clusters &&
                     g->nodes[n->gnode].owner != OAP_NONE &&
                     d->of_gnode[g->nodes[n->gnode].owner] != OAP_NONE;
        if (in_row || (n->kind == OAP_DN_GOAL && goal_clusters && !w->goal_cluster[k]))
            continue;
        uint32_t p = g->nodes[n->gnode].plan;
        if (p >= np) /* a priority no loaded plan carries */
            continue;
        if (last[p])
            place_after(w, last[p], anchor[k]);
        else
            first[p] = anchor[k], chains++;
        last[p] = anchor[k];
    }
    if (chains < 2 || w->rc)
        goto done;
    Agnode_t *top = agnode(w->frame, (char *)"plans in load order", 1);
    if (!top) {
        w->rc = OAP_ENOMEM;
        goto done;
    }
    w->layout_nodes++;
    set_plain(w, top, "style", "invis");
    set_plain(w, top, "ordering", "out");
    set_plain(w, top, "label", "");
    set_plain(w, top, "width", "0");
    set_plain(w, top, "height", "0");
    for (size_t p = 0; p < np; p++)
        if (first[p])
            place_after(w, top, first[p]);
done:
    free(first);
    free(last);
    free(anchor);
    free(row_end);
}

/* Tooltip of an edge: what each link it stands for says. */
static void edge_tooltip(drawer *w, const oap_dedge *e, oap_strbuf *t)
{
    const oap_diagram *d = w->d;
    const oap_graph *g = w->g;
    char from[200], to[200];
    if (e->kind == OAP_DE_POSSIBLE_OVERLAP) {
        for (uint32_t i = 0; i < e->nsrc; i++) {
            if (i)
                oap_strbuf_puts(t, "&#10;");
            tip(t, oap_diags_at(d->overlaps, d->srcs[e->src + i])->message);
        }
    } else if (e->kind == OAP_DE_OVERLAP) {
        const oap_dnode *a = &d->nodes[e->a];
        const oap_plan *plan = oap_graph_plan(g, a->gnode);
        for (uint32_t i = 0; i < e->nsrc; i++) {
            const oap_overlap *o = &plan->overlaps[d->srcs[e->src + i]];
            if (i)
                oap_strbuf_puts(t, "&#10;");
            tip(t, plan->id);
            oap_strbuf_puts(t, " declares an overlap with priority ");
            tip(t, o->priority);
            if (o->note) {
                oap_strbuf_puts(t, ": ");
                tip(t, o->note);
            }
        }
    } else if (e->kind == OAP_DE_JAD) {
        for (uint32_t i = 0; i < e->nsrc; i++) {
            if (i)
                oap_strbuf_puts(t, "&#10;");
            tip(t, oap_graph_name(g, d->srcs[e->src + i], OAP_EMIT_QUALIFIED, from, sizeof from));
            oap_strbuf_puts(t, " takes part in the Joint Action Day ");
            tip(t, d->nodes[e->a].code);
        }
    } else if (e->kind == OAP_DE_CONTINUES) {
        for (uint32_t i = 0; i < e->nsrc; i++) {
            const oap_link *l = &g->continues[d->srcs[e->src + i]];
            if (i)
                oap_strbuf_puts(t, "&#10;");
            tip(t, oap_graph_name(g, l->action, OAP_EMIT_QUALIFIED, from, sizeof from));
            oap_strbuf_puts(t, " continues ");
            tip(t, oap_graph_action(g, l->action)->continues);
        }
    } else if (e->kind == OAP_DE_REF && e->both_ways) {
        const oap_link *l = &g->links[d->srcs[e->src]];
        uint32_t plan = g->nodes[l->action].plan;
        tip(t, oap_emit__diagram_name(d, e->a, plan, from, sizeof from));
        oap_strbuf_puts(t, " and ");
        tip(t, oap_emit__diagram_name(d, e->b, plan, to, sizeof to));
        oap_strbuf_puts(t, " refer to each other");
    } else {
        for (uint32_t i = 0; i < e->nsrc; i++) {
            const oap_link *l = &g->links[d->srcs[e->src + i]];
            uint32_t plan = g->nodes[l->action].plan;
            if (i)
                oap_strbuf_puts(t, "&#10;");
            const oap_action *act = oap_graph_action(g, l->action);
            const char *text = l->list == OAP_LIST_PHASE_NEEDS
                                   ? act->phases[l->phase].needs.items[l->item]
                               : l->list == OAP_LIST_NEEDS ? act->needs.items[l->item]
                                                           : act->refs.items[l->item];
            tip(t, oap_graph_name(g, l->action, plan, from, sizeof from));
            if (l->list == OAP_LIST_PHASE_NEEDS) {
                oap_strbuf_puts(t, "#");
                tip(t, act->phases[l->phase].id);
            }
            oap_strbuf_puts(t, l->list == OAP_LIST_REFS ? " refers to " : " needs ");
            tip(t, text);
            if (e->kind == OAP_DE_REF && l->list == OAP_LIST_REFS)
                oap_strbuf_puts(t, " (not referred back)");
        }
    }
    oap_emit__tip_findings(d, t, e->finding);
}

static void draw_edges(drawer *w)
{
    const oap_diagram *d = w->d;
    for (uint32_t i = 0; i < d->nedges && !w->rc; i++) {
        const oap_dedge *e = &d->edges[i];
        if (!e->drawn || !e->shown || !w->node[e->a] || !w->node[e->b])
            continue;
        Agedge_t *edge = agedge(w->G, w->node[e->a], w->node[e->b], NULL, 1);
        if (!edge) {
            w->rc = OAP_ENOMEM;
            return;
        }
        char port[32];
        switch (e->kind) {
        case OAP_DE_REF:
        case OAP_DE_GOALREF:
            set_plain(w, edge, "style", "dashed");
            set_plain(w, edge, "dir", "none");
            set_plain(w, edge, "color", "#505050");
            break;
        case OAP_DE_NEED:
            set_plain(w, edge, "penwidth", "1.5");
            if (e->aport) {
                snprintf(port, sizeof port, "p%u", e->aport);
                set_plain(w, edge, "tailport", port);
            }
            if (e->bport) {
                snprintf(port, sizeof port, "p%u", e->bport);
                set_plain(w, edge, "headport", port);
            }
            break;
        case OAP_DE_PRIORITY:
            set_plain(w, edge, "style", "dashed");
            set_plain(w, edge, "dir", "none");
            set_plain(w, edge, "color", LINK_COLOR);
            break;
        case OAP_DE_OVERLAP:
            set_plain(w, edge, "style", "dotted");
            set_plain(w, edge, "penwidth", "2.5");
            set_plain(w, edge, "dir", "none");
            set_plain(w, edge, "color", LINK_COLOR);
            break;
        case OAP_DE_JAD:
            set_plain(w, edge, "dir", "none");
            set_plain(w, edge, "penwidth", "1.5");
            set_plain(w, edge, "color", JAD_COLOR);
            break;
        case OAP_DE_CONTINUES:
            set_plain(w, edge, "style", "dotted");
            set_plain(w, edge, "penwidth", "1.5");
            set_plain(w, edge, "arrowhead", "empty");
            set_plain(w, edge, "color", CONTINUES_COLOR);
            break;
        case OAP_DE_POSSIBLE_OVERLAP: {
            const oap_diag *f = oap_diags_at(w->d->overlaps, w->d->srcs[e->src]);
            char score[16];
            snprintf(score, sizeof score, "%.2f", f->score);
            set_plain(w, edge, "style", strcmp(f->rule, "linked-overlap") == 0 ? "dashed" : "bold");
            set_plain(w, edge, "dir", "none");
            set_plain(w, edge, "color", OVERLAP_COLOR);
            set_plain(w, edge, "fontcolor", OVERLAP_COLOR);
            set_plain(w, edge, "xlabel", score); /* a label between clusters can lose the edge */
            break;
        }
        }
        oap_strbuf_reset(&w->b);
        edge_tooltip(w, e, &w->b);
        if (w->b.oom)
            w->rc = OAP_ENOMEM;
        set_plain(w, edge, "tooltip", oap_strbuf_str(&w->b));
        if (e->severity >= 0)
            highlight(w, edge, e->severity, 0);
    }
}

/* Whether an edge of this kind is in the picture. */
static int shows_edge(const oap_diagram *d, uint8_t kind)
{
    for (uint32_t i = 0; i < d->nedges; i++)
        if (d->edges[i].kind == kind && d->edges[i].shown && d->edges[i].drawn)
            return 1;
    return 0;
}

/* One item of the legend: a mark in its colour, then what it means; a line holds two. */
static void legend_item(oap_strbuf *b, int *n, const char *color, const char *mark,
                        const char *meaning)
{
    if (*n)
        oap_strbuf_puts(b, *n % 2 ? " \xC2\xB7 " : "<BR/>");
    (*n)++;
    if (color)
        oap_strbuf_printf(b, "<FONT COLOR=\"%s\"><B>%s</B></FONT>: %s", color, mark, meaning);
    else
        oap_strbuf_printf(b, "<B>%s</B>: %s", mark, meaning);
}

/* What each mark of the picture means, said in it: a PNG or a printout has no tooltips.
 * Marks that the picture does not hold are left out. */
static void legend(drawer *w, oap_strbuf *b)
{
    const oap_diagram *d = w->d;
    int n = 0, jads = 0;
    for (uint32_t k = 0; k < d->nnodes && !jads; k++)
        jads = d->nodes[k].kind == OAP_DN_JAD && d->nodes[k].shown;
    if (d->kind == OAP_EMIT_VIEW_ACTOR) {
        legend_item(b, &n, NULL, "bold box", "the actor leads the action");
        legend_item(b, &n, NULL, "plain box", "it takes part (dashed: as one of All MS)");
    }
    if (shows_edge(d, OAP_DE_REF) || shows_edge(d, OAP_DE_GOALREF))
        legend_item(b, &n, "#505050", "dashed line", "cross-reference");
    if (shows_edge(d, OAP_DE_NEED))
        legend_item(b, &n, NULL, "arrow",
                    "the action at the arrowhead needs the outcome at the tail");
    if (shows_edge(d, OAP_DE_PRIORITY))
        legend_item(b, &n, LINK_COLOR, "purple dashed line", "a link to another priority");
    if (shows_edge(d, OAP_DE_OVERLAP))
        legend_item(b, &n, LINK_COLOR, "purple dotted line", "an overlap the plan declares");
    if (shows_edge(d, OAP_DE_CONTINUES))
        legend_item(b, &n, CONTINUES_COLOR, "green dotted arrow",
                    "work carried on from the action at the tail, in an earlier plan");
    if (jads)
        legend_item(b, &n, JAD_COLOR, "hexagon",
                    "a Joint Action Day, its lines to the actions that take part");
    if (shows_edge(d, OAP_DE_POSSIBLE_OVERLAP))
        legend_item(b, &n, OVERLAP_COLOR, "orange line with a score",
                    "two actions that may be the same work, scored from 0 to 1 (dashed: they "
                    "refer to each other)");
    if (w->opts->findings) {
        oap_strbuf_puts(b, "<BR/>");
        n = 2; /* a line of its own */
        oap_strbuf_printf(b,
                          "<B>--highlight</B>: what a finding is about is outlined and filled "
                          "<FONT COLOR=\"%s\"><B>red</B></FONT> for an error, "
                          "<FONT COLOR=\"%s\"><B>orange</B></FONT> for a warning, "
                          "<FONT COLOR=\"%s\"><B>blue</B></FONT> for info; "
                          "oapgraph check lists them (in SVG, the tooltips name the rules)",
                          oap_emit__severity_color[2], oap_emit__severity_color[1],
                          oap_emit__severity_color[0]);
    }
    if (d->focus != OAP_NONE)
        legend_item(b, &n, NULL, "double border", "the focus");
    if (!n)
        oap_strbuf_puts(b, "no links between the actions drawn");
}

static void draw_labels(drawer *w)
{
    const char *marks[16];
    size_t nmarks = oap_emit__markings(w->g->model, marks, 16);
    oap_strbuf *b = &w->a;
    oap_strbuf_reset(b);
    oap_strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">");
    oap_emit__banner_rows(b, marks, nmarks);
    oap_strbuf_puts(b, "<TR><TD><FONT POINT-SIZE=\"14\">");
    oap_emit__caption(b, w->d, w->opts, OAP_EMIT_HTML);
    oap_strbuf_puts(b, "</FONT></TD></TR>");
    /* A large view says how to make it smaller. */
    if (!w->opts->focus && (w->g->model->nplans > 1 || w->d->nnodes > 40))
        oap_strbuf_puts(b, "<TR><TD><FONT POINT-SIZE=\"10\" COLOR=\"#333333\">to narrow it: "
                           "--focus REF (an action, a goal, a plan) with --depth N, or one plan "
                           "at a time</FONT></TD></TR>");
    oap_strbuf_puts(b, "</TABLE>");
    set_html(w, w->G, "label", b);
    set_plain(w, w->G, "labelloc", "t");

    /* At the bottom: the legend, then the markings again. */
    oap_strbuf_reset(b);
    oap_strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
                       "<TR><TD><FONT POINT-SIZE=\"9\" COLOR=\"#333333\">");
    legend(w, b);
    oap_strbuf_puts(b, "</FONT></TD></TR>");
    oap_emit__banner_rows(b, marks, nmarks);
    oap_strbuf_puts(b, "</TABLE>");
    set_html(w, w->frame, "label", b);
    set_plain(w, w->frame, "labelloc", "b");
    /* style=invis would hide the label too */
    set_plain(w, w->frame, "pencolor", "transparent");
}

/* An agwrite channel that collects DOT in memory. */
static int put_strbuf(void *chan, const char *str)
{
    oap_strbuf *b = chan;
    oap_strbuf_puts(b, str);
    return b->oom ? EOF : 0;
}

static int flush_strbuf(void *chan)
{
    (void)chan;
    return 0;
}

/* Makes the cgraph graph of d. Returns 0 or OAP_ENOMEM; *out is set either way (NULL or a
 * graph to agclose). */
static int draw(drawer *w, Agdisc_t *disc, Agraph_t **out)
{
    const oap_model *m = w->g->model;
    const oap_diagram *d = w->d;
    size_t np = m->nplans ? m->nplans : 1;
    w->plan_cluster = calloc(np, sizeof *w->plan_cluster);
    w->goal_cluster = calloc((size_t)d->nnodes + 1, sizeof *w->goal_cluster);
    w->goal_row = calloc((size_t)d->nnodes + 1, sizeof *w->goal_row);
    w->node = calloc((size_t)d->nnodes + 1, sizeof *w->node);
    w->first_link = malloc(((size_t)w->g->nnodes + 1) * sizeof *w->first_link);
    if (!w->plan_cluster || !w->goal_cluster || !w->goal_row || !w->node || !w->first_link)
        return OAP_ENOMEM;
    for (uint32_t v = 0; v <= w->g->nnodes; v++)
        w->first_link[v] = OAP_NONE;
    for (size_t i = w->g->nlinks; i-- > 0;)
        w->first_link[w->g->links[i].action] = (uint32_t)i;
    w->plan_clusters = d->kind != OAP_EMIT_VIEW_PLAN || m->nplans > 1;

    /* The graph's name is the <title> of the drawing in SVG: the markings and caption. */
    const char *marks[16];
    size_t nmarks = oap_emit__markings(m, marks, 16);
    oap_strbuf *b = &w->b;
    oap_strbuf_reset(b);
    for (size_t i = 0; i < nmarks; i++) {
        oap_emit__escape(b, marks[i], OAP_EMIT_NAME);
        oap_strbuf_puts(b, i + 1 < nmarks ? " / " : ": ");
    }
    oap_emit__caption(b, w->d, w->opts, OAP_EMIT_NAME);
    if (b->oom)
        return OAP_ENOMEM;
    *out = w->G = agopen(b->s, Agdirected, disc);
    if (!w->G)
        return OAP_ENOMEM;
    Agraph_t *G = w->G;
    /* DejaVu Sans: Debian's fontconfig depends on it, so every machine that builds this
     * (CI installs without recommended packages) measures text the same, and graphs/
     * stays byte for byte the same. It has Greek and Cyrillic too. */
    if (!agattr(G, AGRAPH, (char *)"fontname", (char *)OAP_EMIT_FONT) ||
        !agattr(G, AGRAPH, (char *)"nodesep", (char *)"0.25") ||
        !agattr(G, AGRAPH, (char *)"ranksep", (char *)"0.6") ||
        !agattr(G, AGNODE, (char *)"shape", (char *)"box") ||
        !agattr(G, AGNODE, (char *)"style", (char *)"rounded") ||
        !agattr(G, AGNODE, (char *)"fontname", (char *)OAP_EMIT_FONT) ||
        !agattr(G, AGNODE, (char *)"fontsize", (char *)"10") ||
        !agattr(G, AGNODE, (char *)"margin", (char *)"0.08,0.04") ||
        !agattr(G, AGEDGE, (char *)"fontname", (char *)OAP_EMIT_FONT) ||
        !agattr(G, AGEDGE, (char *)"fontsize", (char *)"9") ||
        !agattr(G, AGEDGE, (char *)"arrowsize", (char *)"0.8") ||
        /* Edges say what links what; where nodes go is order_layout's. */
        !agattr(G, AGEDGE, (char *)"constraint", (char *)"false"))
        return OAP_ENOMEM;
    w->frame = agsubg(G, (char *)"cluster_frame", 1);
    if (!w->frame)
        return OAP_ENOMEM;
    draw_nodes(w);
    order_layout(w);
    draw_edges(w);
    /* Root attributes last: they become the defaults of subgraphs made after them. */
    draw_labels(w);
    return w->rc;
}

/* What dot's layout costs beyond the number of nodes: edges squared per node. Ordering the
 * nodes of each rank to cross few edges is what grows, and it grows with the edges and
 * with how many meet at each node: 500 nodes and 1,312 edges give 3,443; 31 nodes and 435
 * edges (30 actions each needing every earlier one) 6,104. */
static double layout_work(size_t nodes, size_t edges)
{
    return nodes ? (double)edges * (double)edges / (double)nodes : 0;
}

double oap_emit_layout_seconds(size_t nodes, size_t edges)
{
    /* Measured on this project's machine with plan views of generated plan sets
     * (tests/bench/gen.c, one plan): 500 nodes and 1,312 edges 0.8 s, 1,000/2,712 2.7 s,
     * 1,500/3,873 8.6 s, 2,000/5,332 17 s, 4,000 more than 10 minutes. About the cube of
     * the size, and worse beyond. Dense diagrams (fixtures/hostile/make.py --dense N, N
     * actions each needing every earlier one) grow faster still with their edges: 26
     * nodes and 300 edges 1.4 s, 31/435 5.4 s, 41/780 55 s, 57/1,540 not in 10 minutes:
     * about the power 2.5 of the edges times the power 2.85 of the edges a node, which
     * fits both kinds within a factor of 2. An estimate, on the low side for large
     * diagrams. */
    double x = (double)nodes / 1000.0 + (double)edges / 4000.0;
    double by_size = 0.6 * x * x * x;
    double per_node = nodes ? (double)edges / (double)nodes : 0;
    double by_density = 1.4 * pow((double)edges / 300.0, 2.5) * pow(per_node / 11.5, 2.85);
    return by_size > by_density ? by_size : by_density;
}

/* Adds a <title> and <desc> a screen reader reads first to Graphviz's SVG, and marks the
 * drawing as a document: the classification is said before anything else. */
static int accessible_svg(drawer *w, const char *svg, size_t len, oap_strbuf *out)
{
    const char *open = strstr(svg, "<svg");
    const char *end = open ? memchr(open, '>', len - (size_t)(open - svg)) : NULL;
    if (!end)
        return OAP_EIO;
    const char *marks[16];
    size_t nmarks = oap_emit__markings(w->g->model, marks, 16);
    oap_strbuf_putn(out, svg, (size_t)(end - svg));
    oap_strbuf_puts(out, " role=\"graphics-document document\" aria-labelledby=\"oapgraph-title\" "
                         "aria-describedby=\"oapgraph-desc\">\n<title id=\"oapgraph-title\">");
    for (size_t i = 0; i < nmarks; i++) {
        oap_emit__escape(out, marks[i], OAP_EMIT_NAME);
        oap_strbuf_puts(out, i + 1 < nmarks ? " / " : ": ");
    }
    oap_emit__caption(out, w->d, w->opts, OAP_EMIT_NAME);
    oap_strbuf_puts(out, "</title>\n<desc id=\"oapgraph-desc\">");
    if (nmarks) {
        oap_strbuf_puts(out, "Classification: ");
        for (size_t i = 0; i < nmarks; i++) {
            oap_emit__escape(out, marks[i], OAP_EMIT_NAME);
            oap_strbuf_puts(out, i + 1 < nmarks ? "; " : ". ");
        }
    }
    oap_strbuf_printf(out, "Diagram made by oapgraph: %d nodes, %d edges.</desc>",
                      agnnodes(w->G) - w->layout_nodes, agnedges(w->G) - w->layout_edges);
    oap_strbuf_putn(out, end + 1, len - (size_t)(end + 1 - svg));
    return out->oom ? OAP_ENOMEM : 0;
}

static const char *format_name(oap_emit_format f)
{
    switch (f) {
    case OAP_EMIT_SVG:
        return "svg";
    case OAP_EMIT_PNG:
        return "png";
    case OAP_EMIT_PDF:
        return "pdf";
    default:
        return "dot";
    }
}

/* Lays out and renders into memory; 0, OAP_EIO (message set), OAP_ENOMEM. */
static int render(drawer *w, oap_emit_format format, oap_strbuf *out, oap_emit_result *res)
{
    int rc = OAP_EIO;
    char *data = NULL;
    unsigned int len = 0;
    int laid_out = 0;
    agerrlevel_t level = agseterr(AGERR); /* Graphviz's warnings are not ours to show */
    GVC_t *gvc = gvContext();
    if (!gvc) {
        rc = OAP_ENOMEM;
        goto done;
    }
    const char *engine = w->d->kind == OAP_EMIT_VIEW_TIMELINE ? OAP_EMIT_TIMELINE_ENGINE : "dot";
    if (gvLayout(gvc, w->G, engine) != 0) {
        snprintf(res->message, sizeof res->message, "Graphviz could not lay out the diagram");
        goto done;
    }
    laid_out = 1;
    if (gvRenderData(gvc, w->G, format_name(format), &data, &len) != 0 || !data) {
        snprintf(res->message, sizeof res->message,
                 "Graphviz cannot render %s here: its plugin is missing (on Debian, install the "
                 "graphviz package)",
                 format_name(format));
        goto done;
    }
    if (format == OAP_EMIT_SVG) {
        rc = accessible_svg(w, data, len, out);
        if (rc == OAP_EIO)
            snprintf(res->message, sizeof res->message, "Graphviz wrote SVG without <svg>");
    } else {
        oap_strbuf_putn(out, data, len);
        rc = out->oom ? OAP_ENOMEM : 0;
    }
done:
    if (data)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, w->G);
    if (gvc)
        oap_emit__gvc_free(gvc);
    agseterr(level);
    return rc;
}

int oap_emit_write(FILE *out, const oap_planset *set, const oap_emit_options *opts,
                   oap_emit_result *result)
{
    oap_emit_result local;
    oap_emit_result *res = result ? result : &local;
    memset(res, 0, sizeof *res);
    if (!opts || (opts->version != OAP_EMIT_OPTIONS_VERSION && opts->version != 1) || !set ||
        !out) {
        snprintf(res->message, sizeof res->message, "oap_emit_write: bad arguments");
        return OAP_EINVAL;
    }
    /* A caller built against version 1 passed a struct that ends before slips. */
    oap_emit_options v2;
    if (opts->version == 1) {
        memset(&v2, 0, sizeof v2);
        memcpy(&v2, opts, offsetof(oap_emit_options, slips));
        opts = &v2;
    }
    oap_graph *g = NULL;
    oap_diagram d;
    memset(&d, 0, sizeof d);
    drawer w;
    memset(&w, 0, sizeof w);
    oap_strbuf text = {0};
    Agraph_t *G = NULL;
    Agiodisc_t io = {AgIoDisc.afread, put_strbuf, flush_strbuf};
    /* cgraph does not write through its disciplines' pointers. */
    Agdisc_t disc = {&AgMemDisc, (Agiddisc_t *)&oap_emit__seq_ids, &io};

    int rc = oap_graph_build(&g, oap_planset_model(set));
    if (rc < 0)
        goto done;
    if ((rc = oap_emit__diagram_build(&d, g, opts)) < 0) {
        if (rc == OAP_EINVAL)
            snprintf(res->message, sizeof res->message, "%s", d.message);
        goto done;
    }
    w.d = &d;
    w.g = g;
    w.opts = opts;
    if (opts->view == OAP_EMIT_VIEW_TIMELINE)
        rc = oap_emit__timeline_draw(&G, &d, opts, &disc);
    else
        rc = draw(&w, &disc, &G);
    w.G = G;
    if (G) {
        res->nodes = (size_t)(agnnodes(G) - w.layout_nodes);
        res->edges = (size_t)(agnedges(G) - w.layout_edges);
        res->clusters = w.clusters;
    }
    if (rc < 0)
        goto done;
    if (opts->format == OAP_EMIT_DOT) {
        if (agwrite(G, &text) == EOF || text.oom) {
            rc = OAP_ENOMEM;
            goto done;
        }
    } else {
        /* Nodes alone do not bound the work: 56 actions that each need every earlier one
         * (57 nodes, 1,540 edges) never finished. The layout work allowed is what a sparse
         * diagram at the node limit takes (500 nodes, 2.6 edges a node: 3,443). */
        size_t max = opts->max_layout_nodes;
        double work = layout_work(res->nodes, res->edges), max_work = 8.0 * (double)max;
        /* The timeline's positions are fixed before layout: nothing to wait for. */
        if (opts->view != OAP_EMIT_VIEW_TIMELINE && max && (res->nodes > max || work > max_work)) {
            double seconds = oap_emit_layout_seconds(res->nodes, res->edges);
            char why[96];
            if (res->nodes > max)
                snprintf(why, sizeof why, "more than %zu", max);
            else
                snprintf(why, sizeof why,
                         "too many edges for its nodes (%.0f edges squared a "
                         "node, more than %.0f)",
                         work, max_work);
            snprintf(res->message, sizeof res->message,
                     "the diagram has %zu nodes and %zu edges, %s: laying it out would take "
                     "%s%.0f seconds, and it would be hard to read",
                     res->nodes, res->edges, why, seconds >= 60 ? "at least " : "about ", seconds);
            rc = OAP_ELIMIT;
            goto done;
        }
        if ((rc = render(&w, opts->format, &text, res)) < 0)
            goto done;
    }
    if (text.len && fwrite(text.s, 1, text.len, out) != text.len) {
        snprintf(res->message, sizeof res->message, "cannot write the diagram");
        rc = OAP_EIO;
        goto done;
    }
    rc = 0;
done:
    if (G)
        agclose(G);
    free(w.plan_cluster);
    free(w.goal_cluster);
    free(w.goal_row);
    free(w.node);
    free(w.first_link);
    oap_strbuf_free(&w.a);
    oap_strbuf_free(&w.b);
    oap_strbuf_free(&text);
    oap_emit__diagram_free(&d);
    oap_graph_free(g);
    if (rc == OAP_ENOMEM && !res->message[0])
        snprintf(res->message, sizeof res->message, "%s", oap_strerror(OAP_ENOMEM));
    return rc;
}
