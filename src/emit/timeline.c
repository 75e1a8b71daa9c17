/* timeline: actions and phases as bars on a month axis, at positions fixed before layout. */
#include "timeline.h"

#include "canvas.h"
#include "core/timing.h"
#include "oapgraph/common.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Sizes in points. */
#define LABEL_W 250.0 /* the column of names left of the months */
#define GAP 8.0       /* between that column and the first month */
#define MONTH_W 20.0
#define ROW_H 16.0
#define BAR_H 11.0
#define SPAN_H 3.0     /* the line of a phased action over its phases */
#define MARK_W 9.0     /* a Joint Action Day's diamond */
#define LINE_H 12.5    /* a line of the legend */
#define MAX_YEARS 10   /* the longest axis drawn for plans without years */
#define LABEL_CHARS 46 /* characters of 8 points in the column of names */

#define BAR_FILL "#b9cde8"
#define BAR_LINE "#3d5f8f"
#define SPAN_FILL "#7f8c9d"
#define JAD_FILL "#6a3d9a"
#define SLIP_LINE "#b05000"
#define SHADE "#f2f4f8"

typedef struct timeline {
    const oap_diagram *d;
    const oap_graph *g;
    const oap_emit_options *opts;
    Agraph_t *G;
    Agnode_t **bar; /* per graph node: the bar of an action or phase, NULL */
    double *row;    /* per graph node with a bar: the top of its row */
    int slips;      /* slipped bars drawn */
    int first;      /* month index of the axis' first month */
    int nmonths;    /* months on the axis; 0 when nothing has a window */
    double width;   /* of the drawing */
    double y;       /* top of the next row; rows go down from 0 */
    unsigned names; /* made so far, for unique names */
    int jads;       /* Joint Action Days drawn */
    oap_strbuf a, b;
    oap_strbuf nowin, outside; /* plain lists of names, ", " between */
    int rc;
} timeline;

static void set(timeline *t, void *obj, const char *attr, const char *value)
{
    oap_emit__set_plain(&t->rc, obj, attr, value);
}

static void setf(timeline *t, void *obj, const char *attr, double value)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.4g", value);
    set(t, obj, attr, buf);
}

/* A node at the centre (x, y) in points, w by h points, named from name (escaped);
 * unique even when two plans repeat a name. NULL once t->rc is set. */
static Agnode_t *place(timeline *t, const char *name, double x, double y, double w, double h)
{
    if (t->rc)
        return NULL;
    oap_strbuf *n = &t->a;
    oap_strbuf_reset(n);
    oap_emit__escape(n, name, OAP_EMIT_NAME);
    if (!n->oom && agnode(t->G, n->s, 0))
        oap_strbuf_printf(n, " ~%u", t->names);
    t->names++;
    Agnode_t *node = n->oom ? NULL : agnode(t->G, n->s, 1);
    if (!node) {
        t->rc = OAP_ENOMEM;
        return NULL;
    }
    char pos[64];
    snprintf(pos, sizeof pos, "%.2f,%.2f", x, -y);
    set(t, node, "pos", pos);
    setf(t, node, "width", w / 72.0);
    setf(t, node, "height", h / 72.0);
    return node;
}

/* A line of text in the column of names, left-aligned; html is a label's content. */
static Agnode_t *name_cell(timeline *t, const char *name, const oap_strbuf *html, double y)
{
    oap_strbuf *b = &t->b;
    oap_strbuf_reset(b);
    oap_strbuf_printf(
        b,
        "<TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\" FIXEDSIZE=\"TRUE\" "
        "WIDTH=\"%d\" HEIGHT=\"%d\"><TR><TD ALIGN=\"LEFT\" WIDTH=\"%d\" HEIGHT=\"%d\">",
        (int)LABEL_W, (int)ROW_H, (int)LABEL_W, (int)ROW_H);
    oap_strbuf_putn(b, html->s ? html->s : "", html->len);
    oap_strbuf_puts(b, "</TD></TR></TABLE>");
    Agnode_t *n = place(t, name, LABEL_W / 2, y + ROW_H / 2, LABEL_W, ROW_H);
    if (n) {
        set(t, n, "shape", "plain");
        set(t, n, "style", "");
        set(t, n, "fixedsize", "false");
        oap_emit__set_html(&t->rc, n, "label", b);
    }
    return n;
}

static double month_x(const timeline *t, int month)
{
    return LABEL_W + GAP + (month - t->first) * MONTH_W;
}

/* Adds name to a plain list. */
static void list_add(oap_strbuf *list, const char *name)
{
    if (list->len)
        oap_strbuf_puts(list, ", ");
    oap_strbuf_puts(list, name);
}

/* A reference for an action or phase node, qualified when several plans are loaded. */
static const char *ref(const timeline *t, uint32_t gnode, char *buf, size_t size)
{
    uint32_t from = t->g->model->nplans == 1 ? t->g->nodes[gnode].plan : OAP_EMIT_QUALIFIED;
    return oap_graph_name(t->g, gnode, from, buf, size);
}

/* The months of a unit within the axis: 1 and *w cut to the axis; 0 when it has no
 * window (listed under "no window") or none on the axis (listed under "outside"). */
static int on_axis(timeline *t, uint32_t gnode, oap_window *w)
{
    char name[200];
    if (!oap_graph_window(t->g, gnode, w)) {
        list_add(&t->nowin, ref(t, gnode, name, sizeof name));
        return 0;
    }
    int last = t->first + t->nmonths - 1;
    if (t->nmonths == 0 || w->end < t->first || w->start > last) {
        list_add(&t->outside, ref(t, gnode, name, sizeof name));
        return 0;
    }
    if (w->start < t->first)
        w->start = t->first;
    if (w->end > last)
        w->end = last;
    return 1;
}

/* The axis: the loaded plans' years, first to last. Plans without years: the years of
 * what is shown, at most MAX_YEARS from the first. */
static void choose_axis(timeline *t)
{
    const oap_graph *g = t->g;
    const oap_model *m = g->model;
    int lo = 0, hi = 0;
    for (size_t p = 0; p < m->nplans; p++) {
        const oap_plan *plan = m->plans[p];
        if (!plan->first_year)
            continue;
        if (!lo || plan->first_year < lo)
            lo = plan->first_year;
        if (!hi || plan->last_year > hi)
            hi = plan->last_year;
    }
    int from_plans = lo != 0;
    for (uint32_t k = 0; !from_plans && k < t->d->nnodes; k++) {
        const oap_dnode *n = &t->d->nodes[k];
        oap_window w;
        if (!n->shown || n->kind != OAP_DN_ACTION || n->gnode == OAP_NONE ||
            !oap_graph_window(g, n->gnode, &w))
            continue;
        if (!lo || w.start / 12 < lo)
            lo = w.start / 12;
        if (!hi || w.end / 12 > hi)
            hi = w.end / 12;
    }
    if (!lo)
        return;
    if (hi < lo)
        hi = lo;
    if (hi - lo >= MAX_YEARS)
        hi = lo + MAX_YEARS - 1;
    t->first = lo * 12;
    t->nmonths = (hi - lo + 1) * 12;
}

/* What the tooltip of an action or phase bar says. */
static void bar_tip(timeline *t, oap_strbuf *b, uint32_t gnode, const oap_window *w,
                    uint32_t finding)
{
    const oap_graph *g = t->g;
    char name[200], from[8], to[8];
    oap_emit__escape(b, ref(t, gnode, name, sizeof name), OAP_EMIT_TOOLTIP);
    const char *timing;
    if (g->nodes[gnode].kind == OAP_NODE_PHASE) {
        const oap_phase *ph = oap_graph_phase(g, gnode);
        timing = ph->timing;
    } else {
        const oap_action *a = oap_graph_action(g, gnode);
        oap_strbuf_puts(b, ": ");
        oap_emit__escape(b, a->title, OAP_EMIT_TOOLTIP);
        timing = a->timing;
    }
    oap_window whole;
    if (oap_graph_window(g, gnode, &whole)) {
        oap_timing_format_month(whole.start, from);
        oap_timing_format_month(whole.end, to);
        oap_strbuf_printf(b, "&#10;months: %s to %s", from, to);
        if (whole.start != w->start || whole.end != w->end)
            oap_strbuf_puts(b, " (cut to the axis)");
    }
    if (timing) {
        oap_strbuf_puts(b, "&#10;timing: ");
        oap_emit__escape(b, timing, OAP_EMIT_TOOLTIP);
    }
    oap_emit__tip_findings(t->d, b, finding);
}

/* A bar over the months of w on the row whose top is y. */
static Agnode_t *bar(timeline *t, uint32_t gnode, const oap_window *w, double y, double h)
{
    char name[200];
    double x = month_x(t, w->start), wd = (w->end - w->start + 1) * MONTH_W;
    Agnode_t *n = place(t, oap_graph_name(t->g, gnode, OAP_EMIT_QUALIFIED, name, sizeof name),
                        x + wd / 2, y + ROW_H / 2, wd - 2, h);
    if (n) {
        t->bar[gnode] = n;
        t->row[gnode] = y;
    }
    return n;
}

/* A Joint Action Day's diamond at the middle of its first month. */
static Agnode_t *jad_mark(timeline *t, const oap_jad *jad, double y, double size)
{
    Agnode_t *n =
        place(t, jad->id, month_x(t, jad->window.start) + MONTH_W / 2, y + ROW_H / 2, size, size);
    if (!n)
        return NULL;
    set(t, n, "shape", "diamond");
    set(t, n, "label", "");
    set(t, n, "fillcolor", JAD_FILL);
    set(t, n, "color", JAD_FILL);
    oap_strbuf *b = &t->b;
    oap_strbuf_reset(b);
    oap_emit__escape(b, jad->id, OAP_EMIT_TOOLTIP);
    if (jad->title) {
        oap_strbuf_puts(b, ": ");
        oap_emit__escape(b, jad->title, OAP_EMIT_TOOLTIP);
    }
    set(t, n, "tooltip", b->oom ? "" : oap_strbuf_str(b));
    if (b->oom)
        t->rc = OAP_ENOMEM;
    return n;
}

static const oap_jad *find_jad(const oap_plan *p, const char *id)
{
    const oap_cycle *c = p->in_cycle;
    for (uint32_t j = 0; c && j < c->njads; j++)
        if (strcmp(c->jads[j].id, id) == 0)
            return &c->jads[j];
    return NULL;
}

static int jad_on_axis(const timeline *t, const oap_jad *jad)
{
    return jad && jad->window.set && t->nmonths && jad->window.start >= t->first &&
           jad->window.start < t->first + t->nmonths;
}

/* One action: its row (and one per phase) with its bar, or its name on a list. */
static void draw_action(timeline *t, uint32_t k)
{
    const oap_graph *g = t->g;
    const oap_dnode *n = &t->d->nodes[k];
    const oap_action *act = oap_graph_action(g, n->gnode);
    oap_window w;
    if (!on_axis(t, n->gnode, &w))
        return;
    char name[200];
    oap_strbuf html = {0};
    if (n->severity >= 0)
        oap_strbuf_printf(&html, "<FONT COLOR=\"%s\">", oap_emit__severity_color[n->severity]);
    /* One run of text: Graphviz places each run at the width its own font metrics give,
     * and a browser showing the SVG with another font would make runs overlap. */
    oap_emit__escape(&html, ref(t, n->gnode, name, sizeof name), OAP_EMIT_HTML);
    oap_strbuf_puts(&html, "  ");
    size_t used = strlen(name) + 2;
    oap_emit__wrapped(&html, act->title, used < LABEL_CHARS ? LABEL_CHARS - (unsigned)used : 1, 1);
    if (n->severity >= 0)
        oap_strbuf_puts(&html, "</FONT>");
    char cell[220];
    snprintf(cell, sizeof cell, "label %s", name);
    if (html.oom)
        t->rc = OAP_ENOMEM;
    name_cell(t, cell, &html, t->y);

    int phased = act->nphases > 0 && g->first_phase[n->gnode] != OAP_NONE;
    Agnode_t *b = bar(t, n->gnode, &w, t->y, phased ? SPAN_H : BAR_H);
    if (!b) {
        oap_strbuf_free(&html);
        return;
    }
    set(t, b, "fillcolor", phased ? SPAN_FILL : BAR_FILL);
    set(t, b, "color", phased ? SPAN_FILL : BAR_LINE);
    if (phased)
        set(t, b, "label", "");
    if (n->severity >= 0) {
        set(t, b, "fillcolor", oap_emit__severity_fill[n->severity]);
        set(t, b, "color", oap_emit__severity_color[n->severity]);
        set(t, b, "penwidth", "2");
        if (phased)
            setf(t, b, "height", (SPAN_H + 2) / 72.0);
    }
    oap_strbuf *tip = &t->b;
    oap_strbuf_reset(tip);
    bar_tip(t, tip, n->gnode, &w, n->finding);
    set(t, b, "tooltip", tip->oom ? "" : oap_strbuf_str(tip));
    if (tip->oom)
        t->rc = OAP_ENOMEM;

    /* The Joint Action Days it takes part in, on its row. */
    const oap_plan *plan = oap_graph_plan(g, n->gnode);
    for (uint32_t j = 0; j < act->jads.n; j++) {
        const oap_jad *jad = find_jad(plan, act->jads.items[j]);
        if (jad_on_axis(t, jad) && jad_mark(t, jad, t->y, MARK_W - 2))
            t->jads++;
    }
    t->y += ROW_H;

    for (uint32_t p = 0; phased && p < act->nphases; p++) {
        uint32_t ph = g->first_phase[n->gnode] + p;
        oap_window pw;
        if (!on_axis(t, ph, &pw))
            continue;
        oap_strbuf_reset(&html);
        oap_strbuf_puts(&html, "    phase ");
        oap_emit__escape(&html, act->phases[p].id, OAP_EMIT_HTML);
        if (html.oom)
            t->rc = OAP_ENOMEM;
        snprintf(cell, sizeof cell, "label %s", ref(t, ph, name, sizeof name));
        name_cell(t, cell, &html, t->y);
        Agnode_t *pb = bar(t, ph, &pw, t->y, BAR_H);
        if (!pb)
            break;
        set(t, pb, "fillcolor", BAR_FILL);
        set(t, pb, "color", BAR_LINE);
        oap_strbuf_reset(tip);
        bar_tip(t, tip, ph, &pw, OAP_NONE);
        set(t, pb, "tooltip", tip->oom ? "" : oap_strbuf_str(tip));
        t->y += ROW_H;
    }
    oap_strbuf_free(&html);
}

/* A row of the column of names in bold: a plan, a goal, the Joint Action Days; one run
 * of text, as an action's. */
static void heading(timeline *t, const char *name, const char *id, const char *title, int size)
{
    oap_strbuf html = {0};
    oap_strbuf_printf(&html, "<FONT POINT-SIZE=\"%d\"><B>", size);
    oap_emit__escape(&html, id, OAP_EMIT_HTML);
    oap_strbuf_puts(&html, "  ");
    /* Bold is about a tenth wider. */
    unsigned chars = (LABEL_CHARS * 8 - 4) * 9 / 10 / (unsigned)size;
    if (title)
        oap_emit__wrapped(&html, title, chars > strlen(id) ? chars - (unsigned)strlen(id) : 1, 1);
    oap_strbuf_puts(&html, "</B></FONT>");
    if (html.oom)
        t->rc = OAP_ENOMEM;
    name_cell(t, name, &html, t->y);
    oap_strbuf_free(&html);
    t->y += ROW_H;
}

/* Whether an action is shown on the timeline (or listed for want of a window). */
static int shown_action(const timeline *t, uint32_t gnode)
{
    uint32_t k = t->d->of_gnode[gnode];
    return k != OAP_NONE && t->d->nodes[k].shown && t->d->nodes[k].kind == OAP_DN_ACTION;
}

/* The actions of plan p under their goals, in the plan's order; those without a goal
 * last. */
static void draw_plan(timeline *t, uint32_t p)
{
    const oap_graph *g = t->g;
    const oap_plan *plan = g->model->plans[p];
    uint32_t count = 0;
    for (uint32_t i = 0; i < plan->nactions; i++)
        count += (uint32_t)shown_action(t, g->action_base[p] + i);
    if (!count)
        return;
    char name[220];
    snprintf(name, sizeof name, "plan %s", plan->id);
    heading(t, name, plan->id, plan->title, 11);
    for (uint32_t gi = 0; gi <= plan->ngoals; gi++) {
        uint32_t goal = gi < plan->ngoals ? g->goal_base[p] + gi : OAP_NONE;
        int head = 0;
        for (uint32_t i = 0; i < plan->nactions; i++) {
            uint32_t v = g->action_base[p] + i;
            if (!shown_action(t, v) || g->nodes[v].owner != goal)
                continue;
            if (!head) {
                const oap_goal *go = goal != OAP_NONE ? oap_graph_goal(g, goal) : NULL;
                snprintf(name, sizeof name, "goal %s:%s", plan->id, go ? go->id : "");
                heading(t, name, go ? go->id : "no goal", go ? go->title : NULL, 9);
                head = 1;
            }
            draw_action(t, t->d->of_gnode[v]);
        }
    }
}

/* The Joint Action Days of the loaded cycles that fall on the axis, a row each. */
static void draw_jads(timeline *t)
{
    const oap_model *m = t->g->model;
    for (size_t c = 0; c < m->ncycles; c++) {
        const oap_cycle *cy = m->cycles[c];
        int head = 0;
        for (uint32_t j = 0; j < cy->njads; j++) {
            const oap_jad *jad = &cy->jads[j];
            if (!jad_on_axis(t, jad))
                continue;
            char name[220];
            if (!head) {
                snprintf(name, sizeof name, "jads %s", cy->id);
                heading(t, name, "Joint Action Days", cy->id, 9);
                head = 1;
            }
            snprintf(name, sizeof name, "label %s", jad->id);
            oap_strbuf html = {0};
            oap_emit__escape(&html, jad->id, OAP_EMIT_HTML);
            if (html.oom)
                t->rc = OAP_ENOMEM;
            name_cell(t, name, &html, t->y);
            oap_strbuf_free(&html);
            if (jad_mark(t, jad, t->y, MARK_W))
                t->jads++;
            t->y += ROW_H;
        }
    }
}

/* The bar a need starts or ends at: the phase's, else the action's. */
static Agnode_t *need_end(const timeline *t, uint32_t k, uint32_t port)
{
    uint32_t v = t->d->nodes[k].gnode;
    if (v == OAP_NONE)
        return NULL;
    if (port && t->g->first_phase[v] != OAP_NONE)
        v = t->g->first_phase[v] + port - 1;
    return t->bar[v];
}

/* Needs as arrows from the end of what is needed to the start of what needs it. */
static void draw_needs(timeline *t)
{
    const oap_diagram *d = t->d;
    for (uint32_t i = 0; i < d->nedges && !t->rc; i++) {
        const oap_dedge *e = &d->edges[i];
        if (e->kind != OAP_DE_NEED || !e->shown)
            continue;
        Agnode_t *from = need_end(t, e->a, e->aport), *to = need_end(t, e->b, e->bport);
        if (!from || !to)
            continue;
        Agedge_t *edge = agedge(t->G, from, to, NULL, 1);
        if (!edge) {
            t->rc = OAP_ENOMEM;
            return;
        }
        set(t, edge, "tailport", "e");
        set(t, edge, "headport", "w");
        char a[200], b[200];
        oap_strbuf *tip = &t->b;
        oap_strbuf_reset(tip);
        oap_emit__escape(tip, oap_emit__diagram_name(d, e->b, OAP_EMIT_QUALIFIED, b, sizeof b),
                         OAP_EMIT_TOOLTIP);
        if (e->bport)
            oap_strbuf_printf(tip, " phase %u", e->bport);
        oap_strbuf_puts(tip, " needs ");
        oap_emit__escape(tip, oap_emit__diagram_name(d, e->a, OAP_EMIT_QUALIFIED, a, sizeof a),
                         OAP_EMIT_TOOLTIP);
        if (e->aport)
            oap_strbuf_printf(tip, " phase %u", e->aport);
        oap_emit__tip_findings(d, tip, e->finding);
        set(t, edge, "tooltip", tip->oom ? "" : oap_strbuf_str(tip));
        if (tip->oom)
            t->rc = OAP_ENOMEM;
        if (e->severity >= 0 && e->severity <= 2) {
            set(t, edge, "color", oap_emit__severity_color[e->severity]);
            set(t, edge, "penwidth", "2");
        }
    }
}

/* Where the units of opts->slips move: a dashed bar "+N" on their rows, over the months
 * they would run (cut to the axis), drawn over what is there now. */
static void draw_slips(timeline *t)
{
    const oap_graph *g = t->g;
    for (size_t i = 0; i < t->opts->nslips && !t->rc; i++) {
        const oap_emit_slip *s = &t->opts->slips[i];
        oap_window w;
        if (s->node >= g->nnodes || !t->bar[s->node] || s->months <= 0 || s->months > 120000 ||
            !oap_graph_window(g, s->node, &w))
            continue;
        /* months is at most what impact allows (1200), windows end by 9999-12. */
        oap_window now = w;
        int last = t->first + t->nmonths - 1;
        w.start += s->months;
        w.end += s->months;
        if (w.start > last || w.end < t->first)
            continue;
        if (w.start < t->first)
            w.start = t->first;
        if (w.end > last)
            w.end = last;
        char name[220], ref_[200];
        snprintf(name, sizeof name, "slip %s",
                 oap_graph_name(g, s->node, OAP_EMIT_QUALIFIED, ref_, sizeof ref_));
        double x = month_x(t, w.start), wd = (w.end - w.start + 1) * MONTH_W;
        Agnode_t *n = place(t, name, x + wd / 2, t->row[s->node] + ROW_H / 2, wd - 2, BAR_H + 2);
        if (!n)
            return;
        char label[32];
        snprintf(label, sizeof label, "+%d", s->months);
        set(t, n, "label", label);
        set(t, n, "style", "dashed");
        set(t, n, "color", SLIP_LINE);
        set(t, n, "fontcolor", SLIP_LINE);
        set(t, n, "penwidth", "1.5");
        char from[8], to[8], was[8];
        oap_timing_format_month(now.start + s->months, from);
        oap_timing_format_month(now.end + s->months, to);
        oap_timing_format_month(now.start, was);
        oap_strbuf *tip = &t->b;
        oap_strbuf_reset(tip);
        oap_emit__escape(tip, ref(t, s->node, ref_, sizeof ref_), OAP_EMIT_TOOLTIP);
        oap_strbuf_printf(tip, " moves %d month%s later: %s to %s (it starts in %s now)", s->months,
                          s->months == 1 ? "" : "s", from, to, was);
        set(t, n, "tooltip", tip->oom ? "" : oap_strbuf_str(tip));
        if (tip->oom)
            t->rc = OAP_ENOMEM;
        t->slips++;
    }
}

/* The years over the months, and each month's initial. */
static void draw_axis(timeline *t)
{
    static const char initial[12] = {'J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'};
    for (int m = 0; m < t->nmonths; m += 12) {
        char name[32], label[16];
        snprintf(name, sizeof name, "year %d", (t->first + m) / 12);
        Agnode_t *n = place(t, name, month_x(t, t->first + m) + 6 * MONTH_W, t->y + ROW_H / 2,
                            12 * MONTH_W, ROW_H);
        if (!n)
            return;
        snprintf(label, sizeof label, "%d", (t->first + m) / 12);
        set(t, n, "shape", "plaintext");
        set(t, n, "style", "");
        set(t, n, "fontsize", "10");
        set(t, n, "label", label);
    }
    t->y += ROW_H;
    for (int m = 0; m < t->nmonths; m++) {
        char name[32], label[2] = {initial[(t->first + m) % 12], 0};
        oap_timing_format_month(t->first + m, name + snprintf(name, sizeof name, "month "));
        Agnode_t *n = place(t, name, month_x(t, t->first + m) + MONTH_W / 2, t->y + ROW_H / 2,
                            MONTH_W, ROW_H);
        if (!n)
            return;
        set(t, n, "shape", "plaintext");
        set(t, n, "style", "");
        set(t, n, "fontcolor", "#555555");
        set(t, n, "label", label);
    }
    t->y += ROW_H;
}

/* The classification markings in one red band the width of the drawing. */
static void banner(timeline *t, const char *name)
{
    const char *marks[16];
    size_t n = oap_emit__markings(t->g->model, marks, 16);
    if (!n)
        return;
    oap_strbuf *b = &t->b;
    oap_strbuf_reset(b);
    oap_strbuf_puts(b, "<FONT COLOR=\"#ffffff\" POINT-SIZE=\"12\"><B>");
    for (size_t i = 0; i < n; i++) {
        if (i)
            oap_strbuf_puts(b, " / ");
        oap_emit__escape(b, marks[i], OAP_EMIT_HTML);
    }
    oap_strbuf_puts(b, "</B></FONT>");
    Agnode_t *node = place(t, name, t->width / 2, t->y + 11, t->width, 22);
    if (!node)
        return;
    set(t, node, "fixedsize", "false"); /* a long marking widens it */
    set(t, node, "fillcolor", OAP_EMIT_BANNER_COLOR);
    set(t, node, "color", OAP_EMIT_BANNER_COLOR);
    oap_emit__set_html(&t->rc, node, "label", b);
    t->y += 28;
}

/* Lines of text the width of the drawing, left-aligned: html holds <BR/>-separated
 * lines, lines of them. */
static void text_block(timeline *t, const char *name, const oap_strbuf *html, int lines)
{
    double h = lines * LINE_H + 4;
    oap_strbuf *b = &t->b;
    oap_strbuf_reset(b);
    oap_strbuf_printf(b,
                      "<TABLE BORDER=\"0\" CELLPADDING=\"2\" CELLSPACING=\"0\" WIDTH=\"%d\" "
                      "HEIGHT=\"%d\"><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" "
                      "WIDTH=\"%d\" HEIGHT=\"%d\">",
                      (int)t->width, (int)h, (int)t->width, (int)h);
    oap_strbuf_putn(b, html->s ? html->s : "", html->len);
    oap_strbuf_puts(b, "</TD></TR></TABLE>");
    Agnode_t *n = place(t, name, t->width / 2, t->y + h / 2, t->width, h);
    if (n) {
        set(t, n, "shape", "plain");
        set(t, n, "style", "");
        set(t, n, "fixedsize", "false");
        oap_emit__set_html(&t->rc, n, "label", b);
    }
    t->y += h + 4;
}

/* "no window: 6.1, 6.3" in lines of about 110 characters; returns how many lines. */
static int list_lines(oap_strbuf *html, const char *what, const oap_strbuf *list)
{
    if (!list->len)
        return 0;
    size_t before = html->len;
    oap_strbuf_puts(html, "<BR/>");
    char *text = malloc(strlen(what) + list->len + 1);
    if (!text) {
        html->oom = 1;
        return 0;
    }
    strcpy(text, what);
    strcat(text, list->s);
    oap_emit__wrapped(html, text, 110, 0);
    free(text);
    int lines = 0;
    for (const char *s = html->s ? html->s + before : ""; (s = strstr(s, "<BR")); s++)
        lines++;
    return lines;
}

/* What each mark means, and what is not drawn. */
static void legend(timeline *t)
{
    oap_strbuf html = {0};
    int lines = 3;
    oap_strbuf_puts(&html, "<FONT POINT-SIZE=\"9\">bar: the months an action or a phase runs "
                           "(its window, else its timing read in its plan's years)"
                           "<BR/>thin grey line: an action with phases, each on a row below it"
                           "<BR/>arrow: a need, from the end of what is needed to the start of "
                           "what needs it");
    if (t->jads) {
        oap_strbuf_puts(&html, "<BR/>diamond: a Joint Action Day of the cycle, on its first "
                               "month; on an action's row: the action takes part in it");
        lines++;
    }
    if (t->slips) {
        oap_strbuf_puts(&html, "<BR/>dashed bar +N: where a bar moves, N months later, when "
                               "what it needs is late (oapgraph impact --late)");
        lines++;
    }
    if (t->opts->findings) {
        oap_strbuf_puts(&html, "<BR/>coloured: findings (red error, orange warning, blue "
                               "info); the tooltips name the rules");
        lines++;
    }
    lines += list_lines(&html, "no window: ", &t->nowin);
    lines += list_lines(&html, "outside the months shown: ", &t->outside);
    oap_strbuf_puts(&html, "</FONT>");
    if (html.oom)
        t->rc = OAP_ENOMEM;
    text_block(t, "legend", &html, lines);
    oap_strbuf_free(&html);
}

int oap_emit__timeline_draw(Agraph_t **out, const oap_diagram *d, const oap_emit_options *opts,
                            Agdisc_t *disc)
{
    timeline t;
    memset(&t, 0, sizeof t);
    t.d = d;
    t.g = d->g;
    t.opts = opts;
    *out = NULL;
    int rc = OAP_ENOMEM;
    Agnode_t **shade = NULL;
    t.bar = calloc((size_t)t.g->nnodes + 1, sizeof *t.bar);
    t.row = calloc((size_t)t.g->nnodes + 1, sizeof *t.row);
    if (!t.bar || !t.row)
        goto done;
    choose_axis(&t);
    t.width = LABEL_W + GAP + t.nmonths * MONTH_W;

    /* The graph's name is the <title> of the drawing in SVG: the markings and caption. */
    const char *marks[16];
    size_t nmarks = oap_emit__markings(t.g->model, marks, 16);
    oap_strbuf_reset(&t.b);
    for (size_t i = 0; i < nmarks; i++) {
        oap_emit__escape(&t.b, marks[i], OAP_EMIT_NAME);
        oap_strbuf_puts(&t.b, i + 1 < nmarks ? " / " : ": ");
    }
    oap_emit__caption(&t.b, d, opts, OAP_EMIT_NAME);
    if (t.b.oom)
        goto done;
    *out = t.G = agopen(t.b.s, Agdirected, disc);
    if (!t.G)
        goto done;
    if (!agattr(t.G, AGRAPH, (char *)"fontname", (char *)OAP_EMIT_FONT) ||
        !agattr(t.G, AGRAPH, (char *)"splines", (char *)"false") ||
        !agattr(t.G, AGRAPH, (char *)"pad", (char *)"0.2") ||
        !agattr(t.G, AGNODE, (char *)"shape", (char *)"box") ||
        !agattr(t.G, AGNODE, (char *)"style", (char *)"filled") ||
        !agattr(t.G, AGNODE, (char *)"fixedsize", (char *)"true") ||
        !agattr(t.G, AGNODE, (char *)"label", (char *)" ") ||
        !agattr(t.G, AGNODE, (char *)"fontname", (char *)OAP_EMIT_FONT) ||
        !agattr(t.G, AGNODE, (char *)"fontsize", (char *)"8") ||
        !agattr(t.G, AGNODE, (char *)"margin", (char *)"0") ||
        !agattr(t.G, AGEDGE, (char *)"arrowsize", (char *)"0.6") ||
        !agattr(t.G, AGEDGE, (char *)"color", (char *)"#333333"))
        goto done;

    /* Every other year shaded behind the rows: made first so that it lies below them,
     * placed once the rows are counted. */
    int nyears = t.nmonths / 12;
    shade = calloc((size_t)nyears / 2 + 1, sizeof *shade);
    if (!shade)
        goto done;
    for (int y = 1; y < nyears; y += 2) {
        char name[32];
        snprintf(name, sizeof name, "shade %d", t.first / 12 + y);
        shade[y / 2] = place(&t, name, 0, 0, 12 * MONTH_W, 1);
        set(&t, shade[y / 2], "fillcolor", SHADE);
        set(&t, shade[y / 2], "color", SHADE);
    }

    banner(&t, "banner top");
    oap_strbuf html = {0};
    oap_strbuf_puts(&html, "<FONT POINT-SIZE=\"13\">");
    oap_emit__caption(&html, d, opts, OAP_EMIT_HTML);
    oap_strbuf_puts(&html, "</FONT>");
    if (html.oom)
        t.rc = OAP_ENOMEM;
    text_block(&t, "caption", &html, 2);
    oap_strbuf_free(&html);
    double rows_top = t.y;
    if (t.nmonths)
        draw_axis(&t);
    for (uint32_t p = 0; p < t.g->model->nplans; p++)
        draw_plan(&t, p);
    draw_jads(&t);
    double rows_bottom = t.y;
    draw_needs(&t);
    draw_slips(&t);
    for (int y = 1; y < nyears && !t.rc; y += 2) {
        char pos[64];
        snprintf(pos, sizeof pos, "%.2f,%.2f", month_x(&t, t.first + 12 * y) + 6 * MONTH_W,
                 -(rows_top + rows_bottom) / 2);
        set(&t, shade[y / 2], "pos", pos);
        setf(&t, shade[y / 2], "height", (rows_bottom - rows_top) / 72.0);
    }
    t.y += 4;
    legend(&t);
    banner(&t, "banner bottom");
    rc = t.rc;
done:
    free(shade);
    free(t.bar);
    free(t.row);
    oap_strbuf_free(&t.a);
    oap_strbuf_free(&t.b);
    oap_strbuf_free(&t.nowin);
    oap_strbuf_free(&t.outside);
    return rc;
}
