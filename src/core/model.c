/* model: plans, goals, actions and phases as the plan files give them, and cycles. */
#include "model.h"

#include "array.h"

#include <stdio.h>
#include <stdlib.h>

void oap_model_init(oap_model *m)
{
    m->arena = (oap_arena)OAP_ARENA_INIT;
    m->shared = (oap_strmap)OAP_STRMAP_INIT;
    m->plans = NULL;
    m->nplans = m->cap = 0;
    m->cycles = NULL;
    m->ncycles = m->cycles_cap = 0;
}

oap_plan *oap_model_add_plan(oap_model *m)
{
    if (OAP_ARRAY_RESERVE(m->plans, m->cap, m->nplans + 1) < 0)
        return NULL;
    oap_plan *p = oap_arena_alloc(&m->arena, sizeof *p);
    if (!p)
        return NULL;
    m->plans[m->nplans++] = p;
    return p;
}

oap_cycle *oap_model_add_cycle(oap_model *m)
{
    if (OAP_ARRAY_RESERVE(m->cycles, m->cycles_cap, m->ncycles + 1) < 0)
        return NULL;
    oap_cycle *c = oap_arena_alloc(&m->arena, sizeof *c);
    if (!c)
        return NULL;
    c->index = (uint32_t)m->ncycles;
    m->cycles[m->ncycles++] = c;
    return c;
}

void oap_model_free(oap_model *m)
{
    oap_arena_free(&m->arena);
    oap_strmap_free(&m->shared);
    free(m->plans);
    free(m->cycles);
    m->plans = NULL;
    m->nplans = m->cap = 0;
    m->cycles = NULL;
    m->ncycles = m->cycles_cap = 0;
}

const char *oap_action_last_status(const oap_action *a)
{
    for (uint32_t i = a->nrounds; i-- > 0;)
        if (a->rounds[i].status)
            return a->rounds[i].status;
    return a->has_results ? a->results.status : NULL;
}

const char *oap_plan_years_text(const oap_plan *p, char *buf, size_t size)
{
    if (!p->first_year)
        snprintf(buf, size, "%s", "");
    else if (p->first_year == p->last_year)
        snprintf(buf, size, "%d", p->first_year);
    else
        snprintf(buf, size, "%d-%d", p->first_year, p->last_year);
    return buf;
}
