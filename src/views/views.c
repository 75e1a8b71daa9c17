/* views: what the views share: plans, node arguments, names, windows, banners, escaping. */
#include "views.h"

#include "core/refs.h"
#include "core/text.h"
#include "core/utf8.h"
#include "load/planset.h"
#include "oapgraph/common.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int oap_views_open(oap_views_input *in, char *const *paths, size_t n, char *err, size_t size)
{
    int rc;
    memset(in, 0, sizeof *in);
    if (size)
        err[0] = '\0';
    if ((rc = oap_planset_new(&in->set)) < 0 || (rc = oap_diags_new(&in->diags)) < 0)
        return rc;
    for (size_t i = 0; i < n; i++) {
        rc = oap_planset_load_path(in->set, paths[i], in->diags);
        if (rc == OAP_EIO)
            snprintf(err, size, "%s", oap_planset_error(in->set));
        if (rc < 0)
            return rc;
    }
    return oap_graph_build(&in->graph, oap_planset_model(in->set));
}

void oap_views_close(oap_views_input *in)
{
    oap_graph_free(in->graph);
    oap_diags_free(in->diags);
    oap_planset_free(in->set);
    memset(in, 0, sizeof *in);
}

/* A resolved node, or a message saying why not. */
static int resolved(int status, uint32_t node, const char *text, const char *qualifier, char *err,
                    size_t size)
{
    switch (status) {
    case OAP_LINK_RESOLVED:
        return 0;
    case OAP_LINK_EXTERNAL:
        if (node != OAP_NONE)
            return 0;
        snprintf(err, size,
                 "no loaded plan has the id or priority '%.70s', and no loaded plan refers to "
                 "it",
                 qualifier);
        return OAP_EINVAL;
    case OAP_LINK_AMBIGUOUS:
        snprintf(err, size,
                 "'%.70s' is the priority of several loaded plans; name the plan by its id "
                 "instead",
                 qualifier);
        return OAP_EINVAL;
    default:
        snprintf(err, size, "'%.80s' is not an action, phase or goal of plan '%.70s'", text,
                 qualifier);
        return OAP_EINVAL;
    }
}

/* A priority qualifier on the command line, where no plan's years say which of its plans
 * it means: says which plans have the node, and asks for a plan id. */
static int several_years(const oap_graph *g, const oap_ref *r, const char *text, char *err,
                         size_t size)
{
    uint32_t plans[16];
    size_t n = oap_graph_priority_plans(g, OAP_NONE, r->qualifier, OAP_SCOPE_ANY, plans, 16);
    char matches[256] = "", first[3 * OAP_REF_ID_MAX + 8] = "";
    size_t used = 0, found = 0;
    for (size_t i = 0; i < n && i < 16; i++) {
        oap_ref q = *r;
        char ref[3 * OAP_REF_ID_MAX + 8];
        uint32_t v;
        snprintf(q.qualifier, sizeof q.qualifier, "%s", g->model->plans[plans[i]]->id);
        oap_ref_format(&q, ref, sizeof ref);
        if (oap_graph_resolve(g, OAP_NONE, ref, &v) != OAP_LINK_RESOLVED)
            continue;
        if (!found++)
            snprintf(first, sizeof first, "%s", ref);
        if (used + 80 < sizeof matches)
            used += (size_t)snprintf(matches + used, sizeof matches - used, "%s%.70s",
                                     used ? ", " : "", ref);
    }
    if (found == 0)
        snprintf(err, size,
                 "'%.80s': priority %.70s has %zu loaded plans, and none has %.80s%s%.70s; name "
                 "the plan by its id",
                 text, r->qualifier, n, r->target, r->phase[0] ? "#" : "", r->phase);
    else if (found == 1)
        snprintf(err, size,
                 "'%.80s': priority %.70s has %zu loaded plans, of several years; name the plan "
                 "by its id: %s",
                 text, r->qualifier, n, first);
    else
        snprintf(err, size,
                 "'%.80s' matches %s in plans of several years; name the plan by its id, as in "
                 "%s",
                 text, matches, first);
    return OAP_EINVAL;
}

int oap_views_resolve(const oap_graph *g, const char *text, uint32_t *node, char *err, size_t size)
{
    oap_ref r;
    oap_ref_error e;
    *node = OAP_NONE;
    if (oap_ref_parse(text, &r, &e) < 0) {
        snprintf(err, size, "cannot read '%.80s' as a reference: %s", text, e.message);
        return OAP_EINVAL;
    }
    if (r.qualifier[0]) {
        int status = oap_graph_resolve(g, OAP_NONE, text, node);
        if (status == OAP_LINK_AMBIGUOUS)
            return several_years(g, &r, text, err, size);
        return resolved(status, *node, text, r.qualifier, err, size);
    }
    const oap_model *m = g->model;
    uint32_t found = OAP_NONE, count = 0;
    char plans[160] = "";
    size_t used = 0;
    for (uint32_t p = 0; p < m->nplans; p++) {
        uint32_t v;
        if (oap_graph_resolve(g, p, text, &v) != OAP_LINK_RESOLVED)
            continue;
        if (count++ == 0)
            found = v;
        if (used < sizeof plans - 1) {
            int w = snprintf(plans + used, sizeof plans - used, "%s%s", used ? ", " : "",
                             m->plans[p]->id);
            used = w < 0 ? sizeof plans - 1 : used + (size_t)w;
            if (used > sizeof plans - 1)
                used = sizeof plans - 1;
        }
    }
    if (count == 1) {
        *node = found;
        return 0;
    }
    if (count > 1) {
        snprintf(err, size, "'%.80s' is in several loaded plans (%s); qualify it, as in %s:%.80s",
                 text, plans, m->plans[g->nodes[found].plan]->id, text);
        return OAP_EINVAL;
    }
    uint32_t p;
    if (oap_strmap_get(&g->plan_ids, text, &p))
        snprintf(err, size, "'%.80s' is a plan; a whole plan is written %.80s:*", text, text);
    else if (m->nplans == 1)
        snprintf(err, size, "'%.80s' is not an action, phase or goal of plan %s", text,
                 m->plans[0]->id);
    else
        snprintf(err, size, "'%.80s' is not an action, phase or goal of any loaded plan", text);
    return OAP_EINVAL;
}

const char *oap_views__name(const oap_graph *g, uint32_t node, uint32_t from, char *buf,
                            size_t size)
{
    if (from != OAP_VIEWS_QUALIFY)
        return oap_graph_name(g, node, from, buf, size);
    const oap_node *n = &g->nodes[node];
    if (n->kind == OAP_NODE_PRIORITY || n->kind == OAP_NODE_PLAN)
        return oap_graph_name(g, node, OAP_VIEWS_QUALIFY, buf, size);
    char local[160];
    snprintf(buf, size, "%s:%s", g->model->plans[n->plan]->id,
             oap_graph_name(g, node, OAP_NONE, local, sizeof local));
    return buf;
}

uint32_t oap_views__home(const oap_graph *g, uint32_t node)
{
    /* With several plans loaded, "2.2 needed by 2.1" could be any of theirs: say whose. */
    (void)node;
    return g->model->nplans == 1 ? 0 : OAP_VIEWS_QUALIFY;
}

int oap_views__window(const oap_graph *g, uint32_t unit, oap_window *w)
{
    return oap_graph_window(g, unit, w);
}

const char *oap_views__format_window(const oap_window *w, char *buf, size_t size)
{
    char a[8], b[8];
    oap_timing_format_month(w->start, a);
    oap_timing_format_month(w->end, b);
    if (w->start == w->end)
        snprintf(buf, size, "%s", a);
    else
        snprintf(buf, size, "%s..%s", a, b);
    return buf;
}

static int is_unit(const oap_graph *g, uint32_t v)
{
    uint8_t kind = g->nodes[v].kind;
    return kind == OAP_NODE_PHASE || (kind == OAP_NODE_ACTION && g->first_phase[v] == OAP_NONE);
}

int oap_views__units(const oap_graph *g, uint32_t node, uint32_t **out, uint32_t *n)
{
    *out = NULL;
    *n = 0;
    const oap_node *q = &g->nodes[node];
    uint32_t lo = 0, hi = 0;
    switch (q->kind) {
    case OAP_NODE_PHASE:
        lo = node, hi = node + 1;
        break;
    case OAP_NODE_ACTION:
        lo = oap_graph_unit_start(g, node);
        hi = oap_graph_unit_end(g, node) + 1;
        break;
    case OAP_NODE_GOAL:
    case OAP_NODE_PLAN:
        /* A plan's nodes are contiguous: its plan node, goals, actions, then phases. */
        lo = g->plan_node[q->plan];
        hi = q->plan + 1 < g->model->nplans ? g->plan_node[q->plan + 1] : g->nnodes - g->next;
        break;
    default:
        return 0;
    }
    uint32_t *units = malloc(((size_t)(hi - lo) + 1) * sizeof *units);
    if (!units)
        return OAP_ENOMEM;
    uint32_t count = 0;
    for (uint32_t v = lo; v < hi; v++) {
        if (!is_unit(g, v))
            continue;
        if (q->kind == OAP_NODE_GOAL && g->nodes[oap_graph_action_of(g, v)].owner != node)
            continue;
        units[count++] = v;
    }
    *out = units;
    *n = count;
    return 0;
}

static int marked(const oap_graph *g, const unsigned char *mask, size_t p)
{
    const char *c = g->model->plans[p]->classification;
    return (!mask || mask[p]) && c && *c;
}

const char *oap_views__classification(const oap_graph *g, const unsigned char *mask, size_t *i)
{
    const oap_model *m = g->model;
    for (; *i < m->nplans; (*i)++) {
        size_t p = *i;
        if (!marked(g, mask, p))
            continue;
        size_t q = 0;
        while (q < p && !(marked(g, mask, q) &&
                          strcmp(m->plans[q]->classification, m->plans[p]->classification) == 0))
            q++;
        if (q == p) {
            (*i)++;
            return m->plans[p]->classification;
        }
    }
    return NULL;
}

void oap_views__banners(FILE *out, const oap_graph *g, const unsigned char *mask)
{
    size_t i = 0;
    for (const char *c; (c = oap_views__classification(g, mask, &i));) {
        oap_views__plain(out, c);
        fputc('\n', out);
    }
}

void oap_views__json_classification(oap_jsonw *w, const oap_graph *g, const unsigned char *mask)
{
    size_t i = 0;
    oap_jsonw_key(w, "classification");
    oap_jsonw_array(w);
    for (const char *c; (c = oap_views__classification(g, mask, &i));)
        oap_jsonw_string(w, c);
    oap_jsonw_end(w);
}

const char *oap_views__number(double v, int group, char *buf, size_t size)
{
    char raw[48];
    if (v == 0)
        v = 0; /* -0 as 0 */
    if (isnan(v) || isinf(v))
        snprintf(raw, sizeof raw, "%s", isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
    else if (v == floor(v) && fabs(v) < 1e15)
        snprintf(raw, sizeof raw, "%.0f", v);
    else if (snprintf(raw, sizeof raw, "%.15g", v) > 0 && strtod(raw, NULL) != v)
        snprintf(raw, sizeof raw, "%.17g", v); /* 15 digits did not read back as v */
    /* Separators go into the leading run of digits, unless it is written with an
     * exponent. */
    size_t sign = raw[0] == '-', digits = strspn(raw + sign, "0123456789");
    if (!group || strpbrk(raw, "eEn") || digits <= 3) {
        snprintf(buf, size, "%s", raw);
        return buf;
    }
    char grouped[64];
    size_t n = 0;
    if (sign)
        grouped[n++] = '-';
    for (size_t i = 0; i < digits; i++) {
        if (i && (digits - i) % 3 == 0)
            grouped[n++] = ',';
        grouped[n++] = raw[sign + i];
    }
    snprintf(grouped + n, sizeof grouped - n, "%s", raw + sign + digits);
    snprintf(buf, size, "%s", grouped);
    return buf;
}

const oap_actor_decl *oap_views__declared(const oap_plan *p, const char *text, size_t len)
{
    for (uint32_t i = 0; i < p->nactors; i++) {
        const oap_actor_decl *d = &p->actors[i];
        if ((d->code && strlen(d->code) == len && strncasecmp(d->code, text, len) == 0) ||
            (d->name && strlen(d->name) == len && strncasecmp(d->name, text, len) == 0))
            return d;
    }
    return NULL;
}

void oap_views__plain(FILE *out, const char *s)
{
    for (oap_text_walker c = OAP_TEXT_WALK(s, strlen(s)); oap_text_walk(&c);) {
        if (c.cls == OAP_TEXT_ORDINARY)
            fwrite(s + c.at, 1, c.len, out);
        else if (c.cls == OAP_TEXT_LINE_BREAK || c.cls == OAP_TEXT_TAB)
            fputc(' ', out);
        else
            fputs(OAP_UTF8_REPLACEMENT, out);
    }
}

static void put_bytes(void *ctx, const char *b, size_t n)
{
    fwrite(b, 1, n, ctx);
}

void oap_views__markdown(FILE *out, const char *s, int cell)
{
    oap_text_markdown(s, cell, put_bytes, out);
}

void oap_views__md_banner(FILE *out, const oap_graph *g, const unsigned char *mask, int closing)
{
    size_t i = 0, n = 0;
    for (const char *c; (c = oap_views__classification(g, mask, &i));) {
        if (closing && n++)
            fputc('\n', out);
        fputs("**", out);
        oap_views__markdown(out, c, 0);
        fputs(closing ? "**\n" : "**\n\n", out);
    }
}

void oap_views__md_cell(FILE *out, const char *s)
{
    fputs(" ", out);
    if (s)
        oap_views__markdown(out, s, 1);
    fputs(" |", out);
}

/* Whether a CSV field must be quoted: it holds a comma, a quote or a line break (of any
 * kind: U+2028 is written as a newline), or starts or ends with a space. */
static int csv_quoted(const char *s, size_t n, char sep)
{
    if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
        return 1;
    for (oap_text_walker c = OAP_TEXT_WALK(s, n); oap_text_walk(&c);)
        if (c.cls == OAP_TEXT_LINE_BREAK || c.cp == ',' || c.cp == (unsigned char)sep ||
            c.cp == '"')
            return 1;
    return 0;
}

void oap_views__csv(FILE *out, const char *s, char sep)
{
    if (!s)
        return;
    size_t n = strlen(s);
    int guard = n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
    int quote = guard || csv_quoted(s, n, sep);
    if (quote)
        fputc('"', out);
    if (guard)
        fputc('\'', out);
    /* Characters shown as they are go out in runs: s[shown..c.at) is not written yet. */
    size_t shown = 0;
    oap_text_walker c = OAP_TEXT_WALK(s, n);
    while (oap_text_walk(&c)) {
        /* Line breaks stay (the cell is quoted) and a tab becomes a space; controls and
         * invisible characters would reach whoever opens the sheet in a terminal or a
         * spreadsheet. A quote is doubled. */
        int as_is = c.cls == OAP_TEXT_ORDINARY || (c.cls == OAP_TEXT_LINE_BREAK && c.cp <= 0x7f);
        if (as_is && c.cp != '"')
            continue;
        fwrite(s + shown, 1, c.at - shown, out);
        shown = c.at + c.len;
        if (c.cp == '"')
            fputs("\"\"", out);
        else if (c.cls == OAP_TEXT_LINE_BREAK)
            fputc('\n', out); /* U+2028, U+2029 */
        else if (c.cls == OAP_TEXT_TAB)
            fputc(' ', out);
        else
            fputs(OAP_UTF8_REPLACEMENT, out);
    }
    fwrite(s + shown, 1, c.at - shown, out);
    if (quote)
        fputc('"', out);
}

void oap_views__csv_line(FILE *out, const char *const *fields, size_t n, char sep)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(sep, out);
        oap_views__csv(out, fields[i], sep);
    }
    fputs("\r\n", out);
}
