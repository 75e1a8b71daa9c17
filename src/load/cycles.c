/* cycles: which loaded cycle each plan belongs to, and what only files together show. */
#include "cycles.h"

#include "oapgraph/rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int report(const oap_where *w, oap_diags *diags, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int report(const oap_where *w, oap_diags *diags, const char *rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = oap_diags_addv(diags, rule, oap_rule_default_severity(rule), w, fmt, ap);
    va_end(ap);
    return rc;
}

/* Plan p and cycle c meet: p may belong to c, and its "cycle" must agree. */
static int meet(oap_plan *p, const oap_cycle *c, oap_diags *diags)
{
    int holds = oap_cycle_holds(c, p);
    int named = p->cycle && strcmp(p->cycle, c->id) == 0;
    if (!p->in_cycle && (holds || (named && !p->first_year)))
        p->in_cycle = c;
    if (!p->cycle || (holds == named) || (!holds && !p->first_year))
        return 0;
    char plan_years[32];
    oap_plan_years_text(p, plan_years, sizeof plan_years);
    int one = p->first_year == p->last_year;
    oap_where w = {
        .file = p->file, .file_index = p->file_index, .pointer = "/plan/cycle", .plan = p->id};
    if (holds)
        return report(&w, diags, "schema",
                      "\"cycle\" of \"plan\" is \"%s\", but the plan's %s %s %s in cycle %s "
                      "(%s); name that cycle, or correct the plan's %s",
                      p->cycle, one ? "year" : "years", plan_years, one ? "lies" : "lie", c->id,
                      c->file, one ? "year" : "years");
    return report(&w, diags, "schema",
                  "\"cycle\" of \"plan\" is \"%s\", which runs from %d to %d (%s) and does not "
                  "hold the plan's %s %s",
                  p->cycle, c->first_year, c->last_year, c->file, one ? "year" : "years",
                  plan_years);
}

/* Whether cycle i has the id of a cycle loaded before it: then that one stands for the
 * id, and this one meets no plan. */
static int shadowed(const oap_model *m, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (strcmp(m->cycles[k]->id, m->cycles[i]->id) == 0)
            return 1;
    return 0;
}

int oap_cycles_add_plan(oap_model *m, oap_plan *p, oap_diags *diags)
{
    for (size_t i = 0; i < m->ncycles; i++) {
        if (shadowed(m, i))
            continue;
        int rc = meet(p, m->cycles[i], diags);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int oap_cycles_add_cycle(oap_model *m, const oap_cycle *c, oap_diags *diags)
{
    oap_where w = {.file = c->file, .file_index = c->file_index};
    const oap_cycle *same = NULL, *overlapping = NULL;
    for (size_t i = 0; i < m->ncycles; i++) {
        const oap_cycle *other = m->cycles[i];
        if (other == c)
            continue;
        if (strcmp(other->id, c->id) == 0)
            same = same ? same : other;
        else if (c->first_year <= other->last_year && other->first_year <= c->last_year)
            overlapping = overlapping ? overlapping : other;
    }
    int rc = 0;
    if (same) {
        w.pointer = "/cycle/id";
        return report(&w, diags, "duplicate-id",
                      "cycle id \"%s\" is also used by %s; cycle ids must be unique across the "
                      "files of a run",
                      c->id, same->file);
    }
    if (overlapping) {
        w.pointer = "/cycle/years";
        rc = report(&w, diags, "schema",
                    "cycle %s runs from %d to %d, which overlaps cycle %s (%d to %d, %s); a plan "
                    "belongs to the one cycle whose years hold its own",
                    c->id, c->first_year, c->last_year, overlapping->id, overlapping->first_year,
                    overlapping->last_year, overlapping->file);
    }
    for (size_t i = 0; i < m->nplans && rc == 0; i++)
        rc = meet(m->plans[i], c, diags);
    return rc;
}
