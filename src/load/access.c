/* access: the plans and cycles of a set as the public API shows them (oapgraph/plan.h). */
#include "oapgraph/plan.h"

#include "planset.h"

const oap_plan *oap_planset_plan(const oap_planset *set, size_t i)
{
    return i < set->model.nplans ? set->model.plans[i] : NULL;
}

const char *oap_plan_file(const oap_plan *p)
{
    return p->file;
}

const char *oap_plan_id(const oap_plan *p)
{
    return p->id;
}

const char *oap_plan_priority(const oap_plan *p)
{
    return p->priority;
}

const char *oap_plan_title(const oap_plan *p)
{
    return p->title;
}

const char *oap_plan_aim(const oap_plan *p)
{
    return p->aim;
}

const char *oap_plan_cycle(const oap_plan *p)
{
    return p->cycle;
}

const char *oap_plan_document(const oap_plan *p)
{
    return p->document;
}

const char *oap_plan_classification(const oap_plan *p)
{
    return p->classification;
}

const char *oap_plan_driver(const oap_plan *p)
{
    return p->driver;
}

int oap_plan_year(const oap_plan *p)
{
    return p->year;
}

int oap_plan_years(const oap_plan *p, int *first, int *last)
{
    if (!p->first_year)
        return 0;
    *first = p->first_year;
    *last = p->last_year;
    return 1;
}

const char *oap_plan_revision(const oap_plan *p)
{
    return p->revision;
}

const char *oap_plan_status(const oap_plan *p)
{
    return p->status;
}

const char *oap_plan_validated_on(const oap_plan *p)
{
    return p->validated_on;
}

const oap_cycle *oap_plan_in_cycle(const oap_plan *p)
{
    return p->in_cycle;
}

/* Item i of a list, or NULL past its end. */
static const char *item(const oap_strv *list, size_t i)
{
    return i < list->n ? list->items[i] : NULL;
}

size_t oap_plan_support_count(const oap_plan *p)
{
    return p->support.n;
}

const char *oap_plan_support(const oap_plan *p, size_t i)
{
    return item(&p->support, i);
}

size_t oap_plan_overlap_count(const oap_plan *p)
{
    return p->noverlaps;
}

const char *oap_plan_overlap_priority(const oap_plan *p, size_t i)
{
    return i < p->noverlaps ? p->overlaps[i].priority : NULL;
}

const char *oap_plan_overlap_note(const oap_plan *p, size_t i)
{
    return i < p->noverlaps ? p->overlaps[i].note : NULL;
}

size_t oap_plan_goal_count(const oap_plan *p)
{
    return p->ngoals;
}

const oap_goal *oap_plan_goal(const oap_plan *p, size_t i)
{
    return i < p->ngoals ? &p->goals[i] : NULL;
}

const char *oap_goal_id(const oap_goal *g)
{
    return g->id;
}

const char *oap_goal_title(const oap_goal *g)
{
    return g->title;
}

const char *oap_goal_common(const oap_goal *g)
{
    return g->common;
}

size_t oap_plan_action_count(const oap_plan *p)
{
    return p->nactions;
}

const oap_action *oap_plan_action(const oap_plan *p, size_t i)
{
    return i < p->nactions ? &p->actions[i] : NULL;
}

const char *oap_action_id(const oap_action *a)
{
    return a->id;
}

const char *oap_action_goal(const oap_action *a)
{
    return a->goal;
}

const char *oap_action_title(const oap_action *a)
{
    return a->title;
}

const char *oap_action_description(const oap_action *a)
{
    return a->description;
}

const char *oap_action_timing(const oap_action *a)
{
    return a->timing;
}

const char *oap_action_target(const oap_action *a)
{
    return a->target;
}

const char *oap_action_link(const oap_action *a)
{
    return a->link;
}

const char *oap_action_status(const oap_action *a)
{
    return oap_action_last_status(a);
}

static int window(const oap_month_span *w, int *first, int *last)
{
    if (!w->set)
        return 0;
    *first = w->start;
    *last = w->end;
    return 1;
}

int oap_action_window(const oap_action *a, int *first, int *last)
{
    return window(&a->window, first, last);
}

static const oap_strv *action_list(const oap_action *a, oap_action_list list)
{
    switch (list) {
    case OAP_ACTION_LEADERS:
        return &a->leaders;
    case OAP_ACTION_PARTICIPANTS:
        return &a->participants;
    case OAP_ACTION_REFS:
        return &a->refs;
    case OAP_ACTION_NEEDS:
        return &a->needs;
    case OAP_ACTION_KPIS:
        return &a->kpis;
    case OAP_ACTION_NOTES:
        return &a->notes;
    case OAP_ACTION_COLEADERS:
        return &a->coleaders;
    case OAP_ACTION_JADS:
        return &a->jads;
    }
    return NULL;
}

size_t oap_action_list_count(const oap_action *a, oap_action_list list)
{
    const oap_strv *l = action_list(a, list);
    return l ? l->n : 0;
}

const char *oap_action_list_item(const oap_action *a, oap_action_list list, size_t i)
{
    const oap_strv *l = action_list(a, list);
    return l ? item(l, i) : NULL;
}

int oap_action_kpi_target(const oap_action *a, size_t i, double *target)
{
    if (i >= a->kpis.n || !oap_action_kpi_target_of(a, (uint32_t)i)->has_target)
        return 0;
    *target = oap_action_kpi_target_of(a, (uint32_t)i)->target;
    return 1;
}

const char *oap_action_kpi_unit(const oap_action *a, size_t i)
{
    return i < a->kpis.n ? oap_action_kpi_target_of(a, (uint32_t)i)->unit : NULL;
}

int oap_action_grant(const oap_action *a, double *amount)
{
    if (!a->grant)
        return 0;
    *amount = a->grant->amount;
    return 1;
}

const char *oap_action_grant_currency(const oap_action *a)
{
    return a->grant ? a->grant->currency : NULL;
}

const char *oap_action_grant_beneficiary(const oap_action *a)
{
    return a->grant ? a->grant->beneficiary : NULL;
}

const char *oap_action_grant_source(const oap_action *a)
{
    return a->grant ? a->grant->source : NULL;
}

size_t oap_action_round_count(const oap_action *a)
{
    return a->nrounds;
}

const oap_round *oap_action_round(const oap_action *a, size_t i)
{
    return i < a->nrounds ? &a->rounds[i] : NULL;
}

int oap_round_month(const oap_round *r)
{
    return r->month;
}

const char *oap_round_status(const oap_round *r)
{
    return r->status;
}

const char *oap_round_text(const oap_round *r)
{
    return r->text;
}

size_t oap_round_value_count(const oap_round *r)
{
    return r->nvalues;
}

const char *oap_round_value_indicator(const oap_round *r, size_t i)
{
    return i < r->nvalues ? r->values[i].indicator : NULL;
}

double oap_round_value(const oap_round *r, size_t i)
{
    return i < r->nvalues ? r->values[i].value : 0;
}

size_t oap_action_phase_count(const oap_action *a)
{
    return a->nphases;
}

const oap_phase *oap_action_phase(const oap_action *a, size_t i)
{
    return i < a->nphases ? &a->phases[i] : NULL;
}

const char *oap_phase_id(const oap_phase *ph)
{
    return ph->id;
}

const char *oap_phase_timing(const oap_phase *ph)
{
    return ph->timing;
}

int oap_phase_window(const oap_phase *ph, int *first, int *last)
{
    return window(&ph->window, first, last);
}

size_t oap_phase_need_count(const oap_phase *ph)
{
    return ph->needs.n;
}

const char *oap_phase_need(const oap_phase *ph, size_t i)
{
    return item(&ph->needs, i);
}

size_t oap_planset_cycle_count(const oap_planset *set)
{
    return set->model.ncycles;
}

const oap_cycle *oap_planset_cycle(const oap_planset *set, size_t i)
{
    return i < set->model.ncycles ? set->model.cycles[i] : NULL;
}

const char *oap_cycle_file(const oap_cycle *c)
{
    return c->file;
}

const char *oap_cycle_id(const oap_cycle *c)
{
    return c->id;
}

const char *oap_cycle_title(const oap_cycle *c)
{
    return c->title;
}

void oap_cycle_years(const oap_cycle *c, int *first, int *last)
{
    *first = c->first_year;
    *last = c->last_year;
}

size_t oap_cycle_priority_count(const oap_cycle *c)
{
    return c->npriorities;
}

const char *oap_cycle_priority_code(const oap_cycle *c, size_t i)
{
    return i < c->npriorities ? c->priorities[i].code : NULL;
}

const char *oap_cycle_priority_title(const oap_cycle *c, size_t i)
{
    return i < c->npriorities ? c->priorities[i].title : NULL;
}

size_t oap_cycle_common_goal_count(const oap_cycle *c)
{
    return c->ncommon_goals;
}

const char *oap_cycle_common_goal_id(const oap_cycle *c, size_t i)
{
    return i < c->ncommon_goals ? c->common_goals[i].id : NULL;
}

const char *oap_cycle_common_goal_title(const oap_cycle *c, size_t i)
{
    return i < c->ncommon_goals ? c->common_goals[i].title : NULL;
}

size_t oap_cycle_jad_count(const oap_cycle *c)
{
    return c->njads;
}

const char *oap_cycle_jad_id(const oap_cycle *c, size_t i)
{
    return i < c->njads ? c->jads[i].id : NULL;
}

const char *oap_cycle_jad_title(const oap_cycle *c, size_t i)
{
    return i < c->njads ? c->jads[i].title : NULL;
}

int oap_cycle_jad_window(const oap_cycle *c, size_t i, int *first, int *last)
{
    return i < c->njads ? window(&c->jads[i].window, first, last) : 0;
}
