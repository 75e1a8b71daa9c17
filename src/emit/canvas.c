/* canvas: what every diagram shares: safe attributes, colours, the classification banner. */
#include "canvas.h"

#include "graph/graph.h"
#include "oapgraph/common.h"

#include <cgraph.h>
#include <gvc.h>
#include <textspan.h>

#include <string.h>

const char *const oap_emit__severity_color[3] = {"#1f5fbf", "#d06000", "#c00000"};
const char *const oap_emit__severity_fill[3] = {"#e3edfb", "#fff0dc", "#fde2e2"};

void oap_emit__set_plain(int *rc, void *obj, const char *attr, const char *value)
{
    if (*rc)
        return;
    if (strchr(value, '<') || agsafeset(obj, (char *)attr, (char *)value, (char *)"") != 0)
        *rc = OAP_ENOMEM;
}

void oap_emit__set_html(int *rc, void *obj, const char *attr, const oap_strbuf *html)
{
    if (*rc)
        return;
    if (html->oom || html->len == 0 || html->s[0] != '<') {
        *rc = OAP_ENOMEM;
        return;
    }
    char *h = agstrdup_html(agroot(obj), html->s);
    if (!h || !aghtmlstr(h) || agsafeset(obj, (char *)attr, h, (char *)"") != 0)
        *rc = OAP_ENOMEM;
    if (h)
        agstrfree(agroot(obj), h);
}

size_t oap_emit__markings(const oap_model *m, const char **out, size_t cap)
{
    size_t n = 0;
    for (size_t p = 0; p < m->nplans; p++) {
        const char *c = m->plans[p]->classification;
        if (!c || !*c)
            continue;
        size_t i = 0;
        while (i < n && strcmp(out[i], c) != 0)
            i++;
        if (i == n && n < cap)
            out[n++] = c;
    }
    return n;
}

void oap_emit__banner_rows(oap_strbuf *b, const char *const *marks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        oap_strbuf_puts(b, "<TR><TD BGCOLOR=\"" OAP_EMIT_BANNER_COLOR "\" CELLPADDING=\"4\"><FONT "
                           "COLOR=\"#ffffff\" POINT-SIZE=\"14\"><B>");
        oap_emit__escape(b, marks[i], OAP_EMIT_HTML);
        oap_strbuf_puts(b, "</B></FONT></TD></TR>");
    }
}

void oap_emit__caption(oap_strbuf *b, const oap_diagram *d, const oap_emit_options *opts,
                       oap_emit_mode mode)
{
    const oap_model *m = d->g->model;
    for (size_t p = 0; p < m->nplans && p < 6; p++) {
        if (p)
            oap_strbuf_puts(b, ", ");
        oap_emit__escape(b, m->plans[p]->id, mode);
        if (m->nplans == 1) {
            oap_strbuf_puts(b, " ");
            oap_emit__escape(b, m->plans[p]->title, mode);
        }
    }
    if (m->nplans > 6)
        oap_strbuf_printf(b, " and %zu more plans", m->nplans - 6);
    switch (d->kind) {
    case OAP_EMIT_VIEW_PLAN:
        oap_strbuf_puts(b, ": plan view");
        break;
    case OAP_EMIT_VIEW_OVERLAP:
        oap_strbuf_puts(b, ": overlap view, what links across plans");
        break;
    case OAP_EMIT_VIEW_ACTOR:
        oap_strbuf_puts(b, ": actor ");
        oap_emit__escape(b, d->actor, mode);
        oap_strbuf_printf(b, " leads %u and joins %u action%s", d->leads, d->joins,
                          d->joins == 1 ? "" : "s");
        break;
    case OAP_EMIT_VIEW_TIMELINE:
        oap_strbuf_puts(b, ": timeline, actions by month");
        break;
    }
    if (opts->focus) {
        oap_strbuf_puts(b, "; around ");
        oap_emit__escape(b, opts->focus, mode);
        oap_strbuf_printf(b, ", %u link%s", opts->depth, opts->depth == 1 ? "" : "s");
    }
}

/* libgvc exports it, but no installed header declares it. */
extern pointf textspan_size(GVC_t *gvc, textspan_t *span);

void oap_emit__gvc_free(GVC_t *gvc)
{
    static char name[] = OAP_EMIT_FONT, text[] = "x";
    textfont_t font = {name, NULL, NULL, 10.0, 0, 1};
    textspan_t span;
    memset(&span, 0, sizeof span);
    span.str = text;
    span.font = &font;
    span.just = 'n';
    textspan_size(gvc, &span);
    if (span.layout && span.free_layout)
        span.free_layout(span.layout);
    gvFreeContext(gvc);
}

void oap_emit__tip_findings(const oap_diagram *d, oap_strbuf *b, uint32_t f)
{
    if (f == OAP_NONE)
        return;
    oap_strbuf_puts(b, "&#10;&#10;findings:");
    for (; f != OAP_NONE; f = d->findings[f].next) {
        const oap_diag *diag = d->findings[f].diag;
        oap_strbuf_printf(b, "&#10;%s [", oap_severity_name(diag->severity));
        oap_emit__escape(b, diag->rule, OAP_EMIT_TOOLTIP);
        oap_strbuf_puts(b, "] ");
        oap_emit__escape(b, diag->message, OAP_EMIT_TOOLTIP);
    }
}
