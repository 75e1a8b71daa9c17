/* html: one self-contained page for coordinators: findings, diagrams, coverage, sheets. */
#define _POSIX_C_SOURCE 200809L
#include "oapgraph/common.h"
#include "oapgraph/emit.h"
#include "oapgraph/report.h"
#include "oapgraph/views.h"
#include "core/text.h"
#include "graph/graph.h"
#include "load/planset.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The page asks for nothing outside itself: no request of any kind, to any network or
 * file; the style and the script are inline and ours (plan text is never markup). */
#define CSP                                                                                        \
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "                  \
    "base-uri 'none'; form-action 'none'"

static const char style[] =
    "body{font-family:'DejaVu Sans',sans-serif;font-size:14px;margin:0;color:#1a1a1a}"
    "main{padding:0 1.5em}"
    ".banner{background:#a00000;color:#fff;font-weight:bold;text-align:center;padding:4px;"
    "margin:0}"
    "table{border-collapse:collapse;margin:.5em 0}"
    "th,td{border:1px solid #c8ced8;padding:2px 6px;text-align:left;vertical-align:top}"
    "th{background:#eef1f6}"
    "td.error{color:#c00000;font-weight:bold}td.warning{color:#d06000}td.info{color:#1f5fbf}"
    ".diagram{overflow:auto;border:1px solid #d8dde6;margin:.5em 0}"
    ".diagram svg{display:block}"
    "#filters{margin:.5em 0}#filters select{margin-right:.5em}"
    "table.matrix td{text-align:center}"
    ":target{outline:3px solid #d06000}"
    "@page{margin:1.6cm 1cm}"
    "@media print{#filters{display:none}main{padding:0}"
    ".diagram{overflow:visible;border:0}.diagram svg{max-width:100%;height:auto}"
    "tr{break-inside:avoid}}";

/* Scripts on: a filter by severity, rule and plan above the findings; scripts off, the
 * whole table shows. Values reach the page through textContent only. */
static const char script[] =
    "(function(){var t=document.getElementById('findings-table');if(!t||!t.tBodies.length)"
    "return;var rows=[].slice.call(t.tBodies[0].rows),keys=['severity','rule','plan'],"
    "f=document.getElementById('filters'),sel={},count=document.createElement('span');"
    "function apply(){var n=0;rows.forEach(function(r){var ok=keys.every(function(k){"
    "return!sel[k].value||r.getAttribute('data-'+k)===sel[k].value});r.hidden=!ok;"
    "if(ok)n++});count.textContent=n+' of '+rows.length+' findings shown'}"
    "keys.forEach(function(k){var s=document.createElement('select'),seen=new Set(),"
    "o=document.createElement('option');s.id='filter-'+k;"
    "s.setAttribute('aria-label','filter by '+k);o.value='';o.textContent='every '+k;"
    "s.appendChild(o);rows.forEach(function(r){var v=r.getAttribute('data-'+k);"
    "if(!seen.has(v)){seen.add(v);var p=document.createElement('option');p.value=v;"
    "p.textContent=v||'(none)';s.appendChild(p)}});s.addEventListener('change',apply);"
    "f.appendChild(s);sel[k]=s});count.id='filter-count';f.appendChild(count);"
    "f.hidden=false;apply()})();";

typedef struct page {
    FILE *out;
    const oap_planset *set;
    const oap_model *m;
    const oap_graph *g;
    const oap_diags *diags;
    const oap_report_options *opts;
    int diagrams; /* inlined so far: their ids are prefixed d1-, d2-, ... */
    int rc;
} page;

static void put_bytes(void *ctx, const char *b, size_t n)
{
    fwrite(b, 1, n, ctx);
}

/* Plan text as element text or a quoted attribute value: never markup. */
static void text(page *p, const char *s)
{
    oap_text_html(s ? s : "", 1, put_bytes, p->out);
}

/* An element id made of plan text: letters, digits, '-' and '.' as they are, any other
 * byte as _XX, so that two different texts never give one id. */
static void id_part(page *p, const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
            *c == '-' || *c == '.')
            fputc(*c, p->out);
        else
            fprintf(p->out, "_%02X", *c);
    }
}

/* The id of an action's row in the list of actions: "act-1-2.1" for plan 1 (in load
 * order: two files may give one plan id). */
static void action_id(page *p, size_t plan, const char *node)
{
    fprintf(p->out, "act-%zu-", plan);
    id_part(p, node);
}

/* The id of an action's node in the plan view: "plan-view-2012-C_3A2.1" for the node
 * Graphviz titles "2012-C:2.1" (the plan view names nodes by qualified reference). */
static void node_id(page *p, const char *plan, const char *node)
{
    fputs("plan-view-", p->out);
    id_part(p, plan);
    id_part(p, ":");
    id_part(p, node);
}

/* The distinct classification markings of the plans, in order: at most cap in out. */
static size_t markings(const page *p, const char **out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < p->m->nplans; i++) {
        const char *c = p->m->plans[i]->classification;
        size_t k = 0;
        while (c && *c && k < n && strcmp(out[k], c) != 0)
            k++;
        if (c && *c && k == n && n < cap)
            out[n++] = c;
    }
    return n;
}

#define NO_MARKING "NO CLASSIFICATION MARKING GIVEN"

/* The markings on every printed page: in the page's top and bottom margin boxes, where
 * the browser draws them (Chromium does since version 131), as CSS strings of escapes. */
static void print_banners(page *p)
{
    static const char *const where[] = {"top-center", "bottom-center"};
    const char *marks[16];
    size_t n = markings(p, marks, 16);
    fputs("@media print{@page{", p->out);
    for (int w = 0; w < 2; w++) {
        fprintf(p->out, "@%s{content:\"", where[w]);
        for (size_t i = 0; i < n; i++) {
            if (i)
                oap_text_css_string(" / ", put_bytes, p->out);
            oap_text_css_string(marks[i], put_bytes, p->out);
        }
        if (!n)
            oap_text_css_string(NO_MARKING, put_bytes, p->out);
        fputs("\";background:#a00000;color:#fff;font-weight:bold;font-size:11pt;"
              "font-family:'DejaVu Sans',sans-serif}",
              p->out);
    }
    fputs("}}", p->out);
}

static void banner(page *p, const char *tag)
{
    const char *marks[16];
    size_t n = markings(p, marks, 16);
    fprintf(p->out, "<%s class=\"banner\" role=\"note\">", tag);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(" / ", p->out);
        text(p, marks[i]);
    }
    if (!n)
        fputs(NO_MARKING, p->out);
    fprintf(p->out, "</%s>\n", tag);
}

static void title(page *p)
{
    const char *marks[16];
    size_t n = markings(p, marks, 16);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? " / " : "", p->out);
        text(p, marks[i]);
    }
    fputs(n ? ": " : "", p->out);
    fputs("oapgraph report: ", p->out);
    for (size_t i = 0; i < p->m->nplans && i < 6; i++) {
        fputs(i ? ", " : "", p->out);
        text(p, p->m->plans[i]->id);
    }
    if (p->m->nplans > 6)
        fprintf(p->out, " and %zu more plans", p->m->nplans - 6);
}

static size_t count_findings(const page *p, const char *plan, int severity)
{
    size_t n = 0;
    for (size_t i = 0; i < oap_diags_count(p->diags); i++) {
        const oap_diag *d = oap_diags_at(p->diags, i);
        if ((!plan || strcmp(d->plan, plan) == 0) && (severity < 0 || (int)d->severity == severity))
            n++;
    }
    return n;
}

static void summary(page *p, const oap_report_ctx *ctx)
{
    FILE *o = p->out;
    fputs("<section id=\"summary\"><h2>Summary</h2>\n<table><thead><tr><th>plan</th><th>title"
          "</th><th>years</th><th>goals</th><th>actions</th><th>errors</th><th>warnings</th>"
          "<th>info</th></tr></thead><tbody>\n",
          o);
    for (size_t i = 0; i < p->m->nplans; i++) {
        const oap_plan *pl = p->m->plans[i];
        char years[32];
        fputs("<tr><td>", o);
        text(p, pl->id);
        fputs("</td><td>", o);
        text(p, pl->title);
        fputs("</td><td>", o);
        text(p, oap_plan_years_text(pl, years, sizeof years));
        fprintf(o, "</td><td>%u</td><td>%u</td><td>%zu</td><td>%zu</td><td>%zu</td></tr>\n",
                pl->ngoals, pl->nactions, count_findings(p, pl->id, OAP_SEVERITY_ERROR),
                count_findings(p, pl->id, OAP_SEVERITY_WARNING),
                count_findings(p, pl->id, OAP_SEVERITY_INFO));
    }
    fprintf(o,
            "</tbody></table>\n<p>%zu finding%s: %zu error%s, %zu warning%s, %zu info.</p>\n"
            "<table><thead><tr><th>rule</th><th>findings</th><th>what it checks</th></tr>"
            "</thead><tbody>\n",
            oap_diags_count(p->diags), oap_diags_count(p->diags) == 1 ? "" : "s", ctx->counts[2],
            ctx->counts[2] == 1 ? "" : "s", ctx->counts[1], ctx->counts[1] == 1 ? "" : "s",
            ctx->counts[0]);
    for (size_t r = 0; r < ctx->nrules; r++) {
        if (!ctx->rule_counts[r])
            continue;
        fputs("<tr><td>", o);
        text(p, ctx->rule_ids[r]);
        fprintf(o, "</td><td>%zu</td><td>", ctx->rule_counts[r]);
        text(p, ctx->rules[r] ? ctx->rules[r]->summary : oap_report__rule_summary(ctx, r));
        fputs("</td></tr>\n", o);
    }
    fputs("</tbody></table></section>\n", o);
}

/* The plan (index) of a finding's file and plan id that has an action named node, or
 * -1: the finding links to that action's row. */
static long plan_with_action(const page *p, const oap_diag *d, const char *node)
{
    for (size_t i = 0; i < p->m->nplans; i++) {
        const oap_plan *pl = p->m->plans[i];
        if (strcmp(pl->id, d->plan) != 0 || strcmp(pl->file, d->file) != 0)
            continue;
        for (uint32_t a = 0; a < pl->nactions; a++)
            if (pl->actions[a].id && strcmp(pl->actions[a].id, node) == 0)
                return (long)i;
    }
    return -1;
}

static void findings(page *p, const oap_report_ctx *ctx)
{
    FILE *o = p->out;
    fputs("<section id=\"findings\"><h2>Findings</h2>\n<div id=\"filters\" hidden></div>\n"
          "<table id=\"findings-table\"><thead><tr><th>severity</th><th>rule</th><th>plan</th>"
          "<th>where</th><th>location</th><th>message</th></tr></thead><tbody>\n",
          o);
    for (size_t i = 0; i < oap_diags_count(p->diags); i++) {
        const oap_diag *d = oap_diags_at(p->diags, i);
        const char *sev = oap_severity_name(d->severity);
        fprintf(o, "<tr data-severity=\"%s\" data-rule=\"", sev);
        text(p, d->rule);
        fputs("\" data-plan=\"", o);
        text(p, d->plan);
        fprintf(o, "\"><td class=\"%s\">%s</td><td>", sev, sev);
        text(p, d->rule);
        fputs("</td><td>", o);
        text(p, d->plan);
        fputs("</td><td>", o);
        char base[200];
        snprintf(base, sizeof base, "%s", d->node);
        char *hash = strchr(base, '#');
        if (hash)
            *hash = 0; /* a phase links to its action */
        long plan = *d->node ? plan_with_action(p, d, base) : -1;
        if (plan >= 0) {
            fputs("<a class=\"node\" href=\"#", o);
            action_id(p, (size_t)plan, base);
            fputs("\">", o);
            text(p, d->node);
            /* The same action in the plan view: where it stands among its needs. */
            fputs("</a> <a class=\"diagram-node\" title=\"in the plan view\" href=\"#", o);
            node_id(p, d->plan, base);
            fputs("\">(diagram)</a>", o);
        } else {
            text(p, d->node);
        }
        fputs("</td><td>", o);
        text(p, oap_report__file(ctx, d->file));
        if (d->line)
            fprintf(o, ":%u:%u", d->line, d->col);
        fputs("</td><td>", o);
        text(p, d->message);
        fputs("</td></tr>\n", o);
    }
    fputs("</tbody></table></section>\n", o);
}

/* Graphviz's text of a <title> (escaped: "2012&#45;C:2.1") back to the name, into buf;
 * 0, or -1 when it does not fit or holds an entity other than the few Graphviz writes. */
static int title_text(const char *s, const char *end, char *buf, size_t size)
{
    static const struct {
        const char *e;
        char c;
    } named[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    size_t n = 0;
    while (s < end) {
        char c = *s;
        size_t used = 1;
        if (c == '&') {
            used = 0;
            if (s[1] == '#' && s[2] >= '0' && s[2] <= '9') {
                char *stop;
                long v = strtol(s + 2, &stop, 10);
                if (*stop == ';' && v > 0 && v < 128) {
                    c = (char)v;
                    used = (size_t)(stop + 1 - s);
                }
            }
            for (size_t k = 0; !used && k < sizeof named / sizeof *named; k++)
                if (strncmp(s, named[k].e, strlen(named[k].e)) == 0) {
                    c = named[k].c;
                    used = strlen(named[k].e);
                }
            if (!used)
                return -1;
        }
        if (n + 1 >= size)
            return -1;
        buf[n++] = c;
        s += used;
    }
    buf[n] = 0;
    return 0;
}

/* The node names given an id so far, so that no id is given twice. */
typedef struct seen_names {
    char **v;
    size_t n, cap;
} seen_names;

static int names_add(seen_names *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], name) == 0)
            return 1;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 32;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return OAP_ENOMEM;
        l->v = v;
        l->cap = cap;
    }
    if (!(l->v[l->n] = strdup(name)))
        return OAP_ENOMEM;
    l->n++;
    return 0;
}

static void names_free(seen_names *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

/* In the plan view, a node group's id ("node7", at id) becomes its name as node_id
 * makes it, the first time that name is seen, so that a finding can link to its node.
 * Returns where the SVG goes on after what was written, or NULL to leave the id as it
 * is. */
static const char *named_node(page *p, const char *id, const char *end, seen_names *seen)
{
    static const char group[] = "\" class=\"node\">\n<title>";
    const char *q = strchr(id, '"');
    if (!q || q >= end || strncmp(q, group, sizeof group - 1) != 0)
        return NULL;
    const char *t = q + sizeof group - 1, *te = strstr(t, "</title>");
    char name[256];
    if (!te || te >= end || title_text(t, te, name, sizeof name) < 0)
        return NULL;
    int rc = names_add(seen, name);
    if (rc != 0) {
        if (rc < 0)
            p->rc = rc;
        return NULL;
    }
    fputs("plan-view-", p->out);
    id_part(p, name);
    return q;
}

/* Graphviz's SVG, inline: from <svg on, every id and reference to one prefixed "dN-" so
 * that the diagrams of one page never share an id. */
static void inline_svg(page *p, const char *svg, size_t len, int plan_view)
{
    seen_names seen = {NULL, 0, 0};
    const char *s = strstr(svg, "<svg");
    if (!s)
        return;
    const char *end = svg + len;
    static const char *const refs[] = {" id=\"", "href=\"#", "url(#", "aria-labelledby=\"",
                                       "aria-describedby=\""};
    p->diagrams++;
    while (s < end) {
        const char *next = NULL;
        size_t k = 0;
        for (size_t r = 0; r < sizeof refs / sizeof *refs; r++) {
            const char *f = strstr(s, refs[r]);
            if (f && (!next || f < next)) {
                next = f;
                k = r;
            }
        }
        if (!next || next >= end) {
            fwrite(s, 1, (size_t)(end - s), p->out);
            break;
        }
        size_t n = strlen(refs[k]);
        fwrite(s, 1, (size_t)(next - s) + n, p->out);
        s = next + n;
        const char *after = plan_view && k == 0 ? named_node(p, s, end, &seen) : NULL;
        if (after)
            s = after;
        else
            fprintf(p->out, "d%d-", p->diagrams);
    }
    names_free(&seen);
}

/* One diagram drawn by emit, as SVG inline; a note instead when it cannot be drawn. */
static void diagram(page *p, const char *heading, oap_emit_options *eo, int plan_view)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
        p->rc = OAP_ENOMEM;
        return;
    }
    eo->format = OAP_EMIT_SVG;
    eo->findings = p->diags;
    oap_emit_result res;
    int rc = oap_emit_write(mem, p->set, eo, &res);
    if (fclose(mem) != 0 && rc == 0)
        rc = OAP_ENOMEM;
    fputs("<h3>", p->out);
    text(p, heading);
    fputs("</h3>\n", p->out);
    if (rc == 0) {
        fputs("<div class=\"diagram\">", p->out);
        inline_svg(p, buf, len, plan_view);
        fputs("</div>\n", p->out);
    } else if (rc == OAP_ENOMEM) {
        p->rc = rc;
    } else {
        fputs("<p>Not drawn: ", p->out);
        text(p, res.message);
        fputs(".</p>\n", p->out);
    }
    free(buf);
}

/* The plan view (one cluster per plan when there are several), the overlap view and
 * the timeline, coloured by the findings. */
static void diagrams(page *p)
{
    fputs("<section id=\"diagrams\"><h2>Diagrams</h2>\n", p->out);
    oap_emit_options pv = OAP_EMIT_OPTIONS_INIT;
    diagram(p, "Plan view", &pv, 1);
    oap_emit_options ov = OAP_EMIT_OPTIONS_INIT;
    ov.view = OAP_EMIT_VIEW_OVERLAP;
    ov.overlaps = p->diags;
    if (!p->rc)
        diagram(p, "Overlap view", &ov, 0);
    oap_emit_options tl = OAP_EMIT_OPTIONS_INIT;
    tl.view = OAP_EMIT_VIEW_TIMELINE;
    if (!p->rc)
        diagram(p, "Timeline", &tl, 0);
    fputs("</section>\n", p->out);
}

/* A list of plan text, ", " between. */
static void list(page *p, const oap_strv *l)
{
    for (uint32_t i = 0; i < l->n; i++) {
        fputs(i ? ", " : "", p->out);
        text(p, l->items[i]);
    }
}

/* Where an action's "link" goes: shown as text, and a link only when it is https:. */
static void link(page *p, const char *url)
{
    if (strncmp(url, "https://", 8) == 0 && !strpbrk(url, " \t\r\n")) {
        fputs("<a rel=\"noreferrer noopener\" href=\"", p->out);
        text(p, url);
        fputs("\">", p->out);
        text(p, url);
        fputs("</a>", p->out);
    } else {
        text(p, url);
    }
}

/* Every action, a row each with its id as anchor: where findings and sheets link to. */
static void actions(page *p)
{
    FILE *o = p->out;
    fputs("<section id=\"actions\"><h2>Actions</h2>\n", o);
    for (size_t i = 0; i < p->m->nplans; i++) {
        const oap_plan *pl = p->m->plans[i];
        fputs("<h3>", o);
        text(p, pl->id);
        fputs(" ", o);
        text(p, pl->title);
        fputs("</h3>\n<table><thead><tr><th>action</th><th>goal</th><th>title</th><th>timing"
              "</th><th>leaders</th><th>co-leaders</th><th>participants</th><th>link</th></tr>"
              "</thead><tbody>\n",
              o);
        for (uint32_t a = 0; a < pl->nactions; a++) {
            const oap_action *act = &pl->actions[a];
            if (!act->id)
                continue;
            /* A repeated id (a duplicate-id finding) gives its first row the anchor. */
            uint32_t before = 0;
            while (before < a &&
                   !(pl->actions[before].id && strcmp(pl->actions[before].id, act->id) == 0))
                before++;
            fputs("<tr", o);
            if (before == a) {
                fputs(" id=\"", o);
                action_id(p, i, act->id);
                fputs("\"", o);
            }
            fputs("><td>", o);
            text(p, act->id);
            fputs("</td><td>", o);
            text(p, act->goal);
            fputs("</td><td>", o);
            text(p, act->title);
            fputs("</td><td>", o);
            text(p, act->timing);
            fputs("</td><td>", o);
            list(p, &act->leaders);
            fputs("</td><td>", o);
            list(p, &act->coleaders);
            fputs("</td><td>", o);
            list(p, &act->participants);
            fputs("</td><td>", o);
            if (act->link)
                link(p, act->link);
            fputs("</td></tr>\n", o);
        }
        fputs("</tbody></table>\n", o);
    }
    fputs("</section>\n", o);
}

static void action_link(page *p, size_t plan, const char *id)
{
    fputs("<a href=\"#", p->out);
    action_id(p, plan, id);
    fputs("\">", p->out);
    text(p, id);
    fputs("</a>", p->out);
}

/* Whether list names actor (as written). */
static int names(const oap_strv *l, const char *actor)
{
    for (uint32_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], actor) == 0)
            return 1;
    return 0;
}

#define MAX_MATRIX 300 /* actors in one plan's matrix */

/* Goals (and the cycle's common goals) against actions; actors against actions. */
static void coverage(page *p)
{
    FILE *o = p->out;
    fputs("<section id=\"coverage\"><h2>Coverage</h2>\n", o);
    for (size_t i = 0; i < p->m->nplans; i++) {
        const oap_plan *pl = p->m->plans[i];
        fputs("<h3>Goals of ", o);
        text(p, pl->id);
        fputs("</h3>\n<table><thead><tr><th>goal</th><th>title</th><th>common goal</th>"
              "<th>actions</th><th></th></tr></thead><tbody>\n",
              o);
        for (uint32_t gi = 0; gi < pl->ngoals; gi++) {
            const oap_goal *goal = &pl->goals[gi];
            uint32_t n = 0;
            for (uint32_t a = 0; a < pl->nactions; a++)
                n += pl->actions[a].goal && goal->id && strcmp(pl->actions[a].goal, goal->id) == 0;
            fputs("<tr><td>", o);
            text(p, goal->id);
            fputs("</td><td>", o);
            text(p, goal->title);
            fputs("</td><td>", o);
            text(p, goal->common);
            fprintf(o, "</td><td>%u</td><td>", n);
            int first = 1;
            for (uint32_t a = 0; a < pl->nactions; a++) {
                const oap_action *act = &pl->actions[a];
                if (!act->id || !act->goal || !goal->id || strcmp(act->goal, goal->id) != 0)
                    continue;
                fputs(first ? "" : ", ", o);
                action_link(p, i, act->id);
                first = 0;
            }
            fputs("</td></tr>\n", o);
        }
        fputs("</tbody></table>\n", o);

        /* Actors against actions: L leads, C co-leads, P takes part. */
        const char **actors = calloc(MAX_MATRIX, sizeof *actors);
        if (!actors) {
            p->rc = OAP_ENOMEM;
            return;
        }
        size_t na = 0, more = 0;
        for (uint32_t a = 0; a < pl->nactions; a++) {
            const oap_action *act = &pl->actions[a];
            const oap_strv *ls[3] = {&act->leaders, &act->coleaders, &act->participants};
            for (int l = 0; l < 3; l++)
                for (uint32_t k = 0; k < ls[l]->n; k++) {
                    size_t j = 0;
                    while (j < na && strcmp(actors[j], ls[l]->items[k]) != 0)
                        j++;
                    if (j < na)
                        continue;
                    if (na < MAX_MATRIX)
                        actors[na++] = ls[l]->items[k];
                    else
                        more++;
                }
        }
        fputs("<h3>Actors and actions of ", o);
        text(p, pl->id);
        fputs("</h3>\n<p>L leads, C co-leads, P takes part.</p>\n<table class=\"matrix\"><thead>"
              "<tr><th>actor</th>",
              o);
        for (uint32_t a = 0; a < pl->nactions; a++) {
            if (!pl->actions[a].id)
                continue;
            fputs("<th>", o);
            action_link(p, i, pl->actions[a].id);
            fputs("</th>", o);
        }
        fputs("</tr></thead><tbody>\n", o);
        for (size_t j = 0; j < na; j++) {
            fputs("<tr><th>", o);
            text(p, actors[j]);
            fputs("</th>", o);
            for (uint32_t a = 0; a < pl->nactions; a++) {
                const oap_action *act = &pl->actions[a];
                if (!act->id)
                    continue;
                const char *mark = names(&act->leaders, actors[j])        ? "L"
                                   : names(&act->coleaders, actors[j])    ? "C"
                                   : names(&act->participants, actors[j]) ? "P"
                                                                          : "";
                fprintf(o, "<td>%s</td>", mark);
            }
            fputs("</tr>\n", o);
        }
        fputs("</tbody></table>\n", o);
        if (more)
            fprintf(o, "<p>%zu more actors not shown.</p>\n", more);
        free(actors);
    }
    /* The common goals of the loaded cycles, against the goals that implement them. */
    for (size_t c = 0; c < p->m->ncycles; c++) {
        const oap_cycle *cy = p->m->cycles[c];
        if (!cy->ncommon_goals)
            continue;
        fputs("<h3>Common goals of ", o);
        text(p, cy->id);
        fputs("</h3>\n<table><thead><tr><th>common goal</th><th>title</th><th>goals</th>"
              "<th>actions</th></tr></thead><tbody>\n",
              o);
        for (uint32_t k = 0; k < cy->ncommon_goals; k++) {
            const oap_common_goal *cg = &cy->common_goals[k];
            fputs("<tr><td>", o);
            text(p, cg->id);
            fputs("</td><td>", o);
            text(p, cg->title);
            fputs("</td><td>", o);
            uint32_t nact = 0;
            int first = 1;
            for (size_t i = 0; i < p->m->nplans; i++) {
                const oap_plan *pl = p->m->plans[i];
                if (pl->in_cycle != cy)
                    continue;
                for (uint32_t gi = 0; gi < pl->ngoals; gi++) {
                    const oap_goal *goal = &pl->goals[gi];
                    if (!goal->common || !cg->id || strcmp(goal->common, cg->id) != 0)
                        continue;
                    fputs(first ? "" : ", ", o);
                    text(p, pl->id);
                    fputs(":", o);
                    text(p, goal->id);
                    first = 0;
                    for (uint32_t a = 0; a < pl->nactions; a++)
                        nact += pl->actions[a].goal && goal->id &&
                                strcmp(pl->actions[a].goal, goal->id) == 0;
                }
            }
            fprintf(o, "</td><td>%u</td></tr>\n", nact);
        }
        fputs("</tbody></table>\n", o);
    }
    fputs("</section>\n", o);
}

static const char *role_name(oap_tasking_role r)
{
    switch (r) {
    case OAP_TASKING_LEADER:
        return "leads";
    case OAP_TASKING_CO_LEADER:
        return "co-leads";
    case OAP_TASKING_PARTICIPANT:
        return "takes part";
    case OAP_TASKING_DRIVER:
        return "drives the plan";
    case OAP_TASKING_SUPPORT:
        return "supports the plan";
    }
    return "";
}

/* One tasking sheet per actor, as 'oapgraph tasking' makes them. */
static void sheets(page *p)
{
    FILE *o = p->out;
    oap_tasking *t = NULL;
    if (oap_tasking_build(&t, p->g) < 0) {
        p->rc = OAP_ENOMEM;
        return;
    }
    size_t n;
    const size_t *order = oap_tasking_sheets(t, &n);
    fputs("<section id=\"tasking\"><h2>Tasking sheets</h2>\n", o);
    for (size_t i = 0; i < n; i++) {
        size_t s = order[i];
        const char *name = oap_tasking_sheet_name(t, s);
        fputs("<h3>", o);
        text(p, oap_tasking_sheet_code(t, s));
        if (name) {
            fputs(" — ", o);
            text(p, name);
        }
        fputs("</h3>\n<table><thead><tr><th>plan</th><th>what</th><th>role</th><th>as one of"
              "</th></tr></thead><tbody>\n",
              o);
        for (size_t k = 0; k < oap_tasking_line_count(t, s); k++) {
            uint32_t node;
            oap_tasking_role role;
            const char *via;
            if (oap_tasking_line(t, s, k, &node, &role, &via) != 0)
                continue;
            const oap_plan *pl = oap_graph_plan(p->g, node);
            fputs("<tr><td>", o);
            text(p, pl ? pl->id : "");
            fputs("</td><td>", o);
            if (p->g->nodes[node].kind == OAP_NODE_ACTION && pl) {
                const oap_action *act = oap_graph_action(p->g, node);
                action_link(p, p->g->nodes[node].plan, act->id);
                fputs(" ", o);
                text(p, act->title);
            } else {
                fputs("the plan", o);
            }
            fprintf(o, "</td><td>%s</td><td>", role_name(role));
            text(p, via);
            fputs("</td></tr>\n", o);
        }
        fputs("</tbody></table>\n", o);
    }
    fputs("</section>\n", o);
    oap_tasking_free(t);
}

/* A node of a diff as its qualified name ("2012-C:2.4"); a node of these plans that is
 * an action links to its row. */
static void since_node(page *p, const oap_graph *g, uint32_t node, int here)
{
    char name[256];
    if (node == OAP_NODE_NONE)
        return;
    oap_graph_node_name(g, node, name, sizeof name);
    const oap_node *n = &g->nodes[node];
    if (here && n->kind == OAP_NODE_ACTION && n->plan < p->m->nplans) {
        fputs("<a href=\"#", p->out);
        action_id(p, n->plan, p->m->plans[n->plan]->actions[n->item].id);
        fputs("\">", p->out);
        text(p, name);
        fputs("</a>", p->out);
    } else {
        text(p, name);
    }
}

/* The changes since an older revision, as `oapgraph diff OLD NEW` finds them: what was
 * added, removed, renumbered and changed, and how many actions that affects, how many
 * references are stale and how many findings came and went. */
static void since(page *p)
{
    static const char *const node_kinds[] = {"plan", "goal", "action", "phase", "priority"};
    const oap_diff *d = p->opts->since;
    FILE *o = p->out;
    fputs("<section id=\"since\"><h2>Changes since ", o);
    text(p, p->opts->since_name);
    fputs("</h2>\n<table id=\"since-table\"><thead><tr><th>change</th><th>what</th>"
          "<th>before</th><th>now</th></tr></thead><tbody>\n",
          o);
    for (int k = OAP_DIFF_ADDED; k <= OAP_DIFF_CHANGED; k++) {
        for (size_t i = 0; i < oap_diff_count(d, (oap_diff_kind)k); i++) {
            uint32_t before, now;
            if (oap_diff_at(d, (oap_diff_kind)k, i, &before, &now) < 0)
                continue;
            const oap_node *n =
                now != OAP_NODE_NONE ? &p->g->nodes[now] : &p->opts->since_graph->nodes[before];
            const char *kind = oap_diff_kind_name((oap_diff_kind)k);
            fprintf(o, "<tr data-change=\"%s\"><td>%s</td><td>%s</td><td>", kind, kind,
                    node_kinds[n->kind]);
            since_node(p, p->opts->since_graph, before, 0);
            fputs("</td><td>", o);
            since_node(p, p->g, now, 1);
            fputs("</td></tr>\n", o);
        }
    }
    size_t stale = oap_diff_stale_count(d);
    /* As diff counts them: the stale references apart from the findings of check. */
    size_t introduced = oap_diff_new_count(d, OAP_SEVERITY_INFO) - stale;
    fprintf(o,
            "</tbody></table>\n<p><span id=\"since-affected\">%zu</span> affected action%s, "
            "<span id=\"since-stale\">%zu</span> stale reference%s; findings introduced: "
            "<span id=\"since-introduced\">%zu</span>, fixed: <span id=\"since-fixed\">%zu"
            "</span> (<code>oapgraph diff</code> lists them).</p></section>\n",
            oap_diff_affected_count(d), oap_diff_affected_count(d) == 1 ? "" : "s", stale,
            stale == 1 ? "" : "s", introduced, oap_diff_fixed_count(d));
}

int oap_report_html(FILE *out, const oap_planset *set, const oap_diags *diags,
                    const oap_report_options *opts)
{
    static const oap_report_options none = OAP_REPORT_OPTIONS_INIT;
    page p = {out, set, oap_planset_model(set), NULL, diags, opts ? opts : &none, 0, 0};
    oap_report_ctx ctx;
    oap_graph *g = NULL;
    int rc = oap_report__prepare(&ctx, diags, p.opts, 0);
    if (rc < 0)
        goto done;
    if ((rc = oap_graph_build(&g, p.m)) < 0)
        goto done;
    p.g = g;
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"" CSP "\">\n"
          "<meta name=\"referrer\" content=\"no-referrer\">\n"
          "<meta name=\"viewport\" content=\"width=device-width\">\n<title>",
          out);
    title(&p);
    fprintf(out, "</title>\n<style>%s", style);
    print_banners(&p);
    fputs("</style>\n</head><body>\n", out);
    banner(&p, "header");
    fputs("<main>\n<h1>", out);
    title(&p);
    fputs("</h1>\n<nav><a href=\"#summary\">Summary</a> · ", out);
    if (p.opts->since && p.opts->since_graph)
        fputs("<a href=\"#since\">Changes</a> · ", out);
    fputs("<a href=\"#findings\">Findings</a> · "
          "<a href=\"#diagrams\">Diagrams</a> · <a href=\"#coverage\">Coverage</a> · "
          "<a href=\"#actions\">Actions</a> · <a href=\"#tasking\">Tasking sheets</a></nav>\n",
          out);
    summary(&p, &ctx);
    if (p.opts->since && p.opts->since_graph)
        since(&p);
    findings(&p, &ctx);
    diagrams(&p);
    if (!p.rc)
        coverage(&p);
    if (!p.rc)
        actions(&p);
    if (!p.rc)
        sheets(&p);
    fputs("</main>\n", out);
    banner(&p, "footer");
    fprintf(out, "<script>%s</script>\n</body></html>\n", script);
    rc = p.rc;
    if (!rc && (fflush(out) != 0 || ferror(out)))
        rc = OAP_EIO;
done:
    oap_graph_free(g);
    oap_report__finish(&ctx);
    return rc;
}
