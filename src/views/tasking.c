/* tasking: one sheet per actor: the actions it leads or joins in every loaded plan. */
#include "tasking.h"

#include "jsonw.h"
#include "views.h"
#include "core/text.h"

#include "core/array.h"
#include "core/fingerprint.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "oapgraph/common.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Writes prefix and len bytes of s (ASCII letters folded when fold) into t->key. */
static const char *make_key(oap_tasking *t, char prefix, const char *s, size_t len, int fold)
{
    if (OAP_ARRAY_RESERVE(t->key, t->key_cap, len + 3) < 0)
        return NULL;
    t->key[0] = prefix;
    t->key[1] = ':';
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        t->key[i + 2] = fold && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    t->key[len + 2] = '\0';
    return t->key;
}

/* The sheet for t->key, made (zeroed) when new: *created says so. */
static int sheet_for_key(oap_tasking *t, size_t *sheet, int *created)
{
    uint32_t v;
    *created = 0;
    if (oap_strmap_get(&t->index, t->key, &v)) {
        *sheet = v;
        return 0;
    }
    if (OAP_ARRAY_RESERVE(t->sheets, t->cap, t->n + 1) < 0)
        return OAP_ENOMEM;
    const char *key = oap_arena_strdup(&t->arena, t->key);
    if (!key || oap_strmap_put(&t->index, key, (uint32_t)t->n, NULL) < 0)
        return OAP_ENOMEM;
    oap_tasking_sheet *s = &t->sheets[t->n];
    memset(s, 0, sizeof *s);
    s->stamp = s->counted = OAP_NONE;
    s->declared_plan = OAP_NONE;
    *sheet = t->n++;
    *created = 1;
    return 0;
}

static const oap_tasking_kind kind_of[] = {
    [OAP_ACTOR_MEMBER_STATE] = OAP_TASKING_MEMBER_STATE,
    [OAP_ACTOR_AGENCY] = OAP_TASKING_AGENCY,
    [OAP_ACTOR_INTERNATIONAL] = OAP_TASKING_INTERNATIONAL,
    [OAP_ACTOR_THIRD_COUNTRY] = OAP_TASKING_THIRD_COUNTRY,
    [OAP_ACTOR_GROUP] = OAP_TASKING_GROUP,
    [OAP_ACTOR_OTHER] = OAP_TASKING_OTHER,
};

static int registry_sheet(oap_tasking *t, const oap_actor_info *info, size_t *sheet)
{
    int created;
    if (!make_key(t, 'R', info->code, strlen(info->code), 0))
        return OAP_ENOMEM;
    int rc = sheet_for_key(t, sheet, &created);
    if (rc == 0 && created) {
        oap_tasking_sheet *s = &t->sheets[*sheet];
        s->code = info->code;
        s->name = info->name;
        s->info = info;
        s->kind = (uint8_t)kind_of[info->kind];
    }
    return rc;
}

static int declared_sheet(oap_tasking *t, uint32_t plan, const oap_actor_decl *d, size_t *sheet)
{
    int created;
    if (!make_key(t, 'D', d->code, strlen(d->code), 1))
        return OAP_ENOMEM;
    int rc = sheet_for_key(t, sheet, &created);
    if (rc == 0 && created) {
        oap_tasking_sheet *s = &t->sheets[*sheet];
        s->code = d->code;
        s->name = d->name;
        s->declared_kind = d->kind;
        s->declared_plan = plan;
        s->kind = OAP_TASKING_DECLARED;
    }
    return rc;
}

/* How one actor text of plan `plan` reads: its sheet, or *all_ms set when it is "All
 * MS" in a plan with a year (expanded by the caller), or *sheet SIZE_MAX when blank. */
static int read_actor(oap_tasking *t, uint32_t plan, const char *text, size_t *sheet, int *all_ms)
{
    const oap_plan *p = t->g->model->plans[plan];
    const oap_actor_info *info = oap_actors_find(text);
    *sheet = SIZE_MAX;
    *all_ms = 0;
    if (info && info->group == OAP_GROUP_ALL_MS && p->year > 0) {
        *all_ms = 1;
        return 0;
    }
    if (info)
        return registry_sheet(t, info, sheet);
    const char *start;
    size_t len = oap_text_trim(text, &start);
    if (len == 0)
        return 0;
    const oap_actor_decl *d = oap_views__declared(p, start, len);
    if (d && d->code)
        return declared_sheet(t, plan, d, sheet);
    int created;
    if (!make_key(t, 'U', start, len, 1))
        return OAP_ENOMEM;
    int rc = sheet_for_key(t, sheet, &created);
    if (rc == 0 && created) {
        char *code = oap_arena_strndup(&t->arena, start, len);
        if (!code)
            return OAP_ENOMEM;
        t->sheets[*sheet].code = code;
        t->sheets[*sheet].kind = OAP_TASKING_UNKNOWN;
    }
    return rc;
}

/* Adds node to a sheet unless the sheet has it already (the first role added wins). */
static int add_entry(oap_tasking *t, size_t sheet, uint32_t node, oap_tasking_role role,
                     const char *via)
{
    oap_tasking_sheet *s = &t->sheets[sheet];
    if (s->stamp == node)
        return 0;
    if (OAP_ARRAY_RESERVE(s->entries, s->cap, s->n + 1) < 0)
        return OAP_ENOMEM;
    s->stamp = node;
    s->entries[s->n++] = (oap_tasking_entry){node, (uint8_t)role, via, 0};
    return 0;
}

/* The Member States in any month of year, in protocol order; returns how many. */
static size_t members_of_year(int year, const oap_actor_info **out, size_t cap, unsigned char *flag)
{
    const oap_actor_info *base = oap_actors_at(0), *month[64];
    size_t count = oap_actors_count(), n = 0;
    memset(flag, 0, count);
    for (int m = 0; m < 12; m++) {
        size_t k = oap_actors_member_states(year * 12 + m, month, 64);
        for (size_t i = 0; i < k && i < 64; i++)
            flag[month[i] - base] = 1;
    }
    for (size_t i = 0; i < count && n < cap; i++)
        if (flag[i])
            out[n++] = oap_actors_at(i);
    return n;
}

typedef struct scratch {
    size_t *leaders;
    size_t cap;
    const oap_actor_info *members[64];
    size_t nmembers;
} scratch;

static int plan_roles(oap_tasking *t, uint32_t plan)
{
    const oap_plan *p = t->g->model->plans[plan];
    uint32_t node = t->g->plan_node[plan];
    size_t s;
    int all_ms, rc = 0;
    if (p->driver && (rc = read_actor(t, plan, p->driver, &s, &all_ms)) == 0 && s != SIZE_MAX)
        rc = add_entry(t, s, node, OAP_TASKING_DRIVER, NULL);
    for (uint32_t i = 0; rc == 0 && i < p->support.n; i++)
        if ((rc = read_actor(t, plan, p->support.items[i], &s, &all_ms)) == 0 && s != SIZE_MAX)
            rc = add_entry(t, s, node, OAP_TASKING_SUPPORT, NULL);
    return rc;
}

static int action_roles(oap_tasking *t, scratch *sc, uint32_t plan, uint32_t node,
                        const char *all_ms_code)
{
    const oap_action *a = oap_graph_action(t->g, node);
    size_t s, nl = 0;
    int all_ms, lead_all = 0, join_all = 0, rc;
    if (OAP_ARRAY_RESERVE(sc->leaders, sc->cap, a->leaders.n) < 0)
        return OAP_ENOMEM;
    /* Leaders first, counted once each: co-leaders when there are several. */
    for (uint32_t i = 0; i < a->leaders.n; i++) {
        if ((rc = read_actor(t, plan, a->leaders.items[i], &s, &all_ms)) < 0)
            return rc;
        lead_all |= all_ms;
        if (s == SIZE_MAX || t->sheets[s].counted == node)
            continue;
        t->sheets[s].counted = node;
        sc->leaders[nl++] = s;
    }
    oap_tasking_role lead = nl > 1 || lead_all ? OAP_TASKING_CO_LEADER : OAP_TASKING_LEADER;
    for (size_t i = 0; i < nl; i++)
        if ((rc = add_entry(t, sc->leaders[i], node, lead, NULL)) < 0)
            return rc;
    /* Then "coleaders": co-leaders beside the leader, whom their line names; a leader
     * also written there stays a leader. */
    for (uint32_t i = 0; i < a->coleaders.n; i++) {
        if ((rc = read_actor(t, plan, a->coleaders.items[i], &s, &all_ms)) < 0)
            return rc;
        if (s == SIZE_MAX || t->sheets[s].stamp == node)
            continue;
        if ((rc = add_entry(t, s, node, OAP_TASKING_CO_LEADER, NULL)) < 0)
            return rc;
        t->sheets[s].entries[t->sheets[s].n - 1].coleader = 1;
    }
    for (uint32_t i = 0; i < a->participants.n; i++) {
        if ((rc = read_actor(t, plan, a->participants.items[i], &s, &all_ms)) < 0)
            return rc;
        join_all |= all_ms;
        if (s != SIZE_MAX && (rc = add_entry(t, s, node, OAP_TASKING_PARTICIPANT, NULL)) < 0)
            return rc;
    }
    /* Then "All MS": a state named in person keeps the role it has. */
    for (size_t i = 0; (lead_all || join_all) && i < sc->nmembers; i++) {
        if ((rc = registry_sheet(t, sc->members[i], &s)) < 0 ||
            (rc = add_entry(t, s, node, lead_all ? OAP_TASKING_CO_LEADER : OAP_TASKING_PARTICIPANT,
                            all_ms_code)) < 0)
            return rc;
    }
    return 0;
}

/* Sheets as written: rank, then registry index or order of first meeting. */
typedef struct sort_key {
    uint64_t key;
    size_t sheet;
} sort_key;

static int cmp_key(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    return a->key < b->key ? -1 : a->key > b->key;
}

static int make_order(oap_tasking *t)
{
    sort_key *keys = malloc((t->n + 1) * sizeof *keys);
    t->order = malloc((t->n + 1) * sizeof *t->order);
    if (!keys || !t->order) {
        free(keys);
        return OAP_ENOMEM;
    }
    const oap_actor_info *base = oap_actors_at(0);
    for (size_t i = 0; i < t->n; i++) {
        const oap_tasking_sheet *s = &t->sheets[i];
        uint64_t rank = s->kind == OAP_TASKING_GROUP ? 2 : s->info ? 0 : 1;
        uint64_t sub = s->info ? (uint64_t)(s->info - base) : i;
        keys[i] = (sort_key){rank << 40 | sub, i};
    }
    qsort(keys, t->n, sizeof *keys, cmp_key);
    for (size_t i = 0; i < t->n; i++)
        t->order[i] = keys[i].sheet;
    t->norder = t->n;
    free(keys);
    return 0;
}

int oap_tasking__new(oap_tasking **out, const oap_graph *g)
{
    if (!(*out = calloc(1, sizeof **out)))
        return OAP_ENOMEM;
    (*out)->g = g;
    return 0;
}

int oap_tasking__actor(oap_tasking *t, uint32_t plan, const char *text, size_t *sheet)
{
    int all_ms, rc = read_actor(t, plan, text, sheet, &all_ms);
    if (rc == 0 && all_ms)
        rc = registry_sheet(t, oap_actors_find(text), sheet);
    return rc;
}

int oap_tasking__order(oap_tasking *t)
{
    return make_order(t);
}

/* t->cycle_jads: the JADs each cycle declares, by id, for their titles and windows. */
static int index_cycle_jads(oap_tasking *t)
{
    const oap_model *m = t->g->model;
    if (!(t->cycle_jads = calloc(m->ncycles + 1, sizeof *t->cycle_jads)))
        return OAP_ENOMEM;
    for (size_t c = 0; c < m->ncycles; c++)
        for (uint32_t i = 0; i < m->cycles[c]->njads; i++)
            if (oap_strmap_put(&t->cycle_jads[c], m->cycles[c]->jads[i].id, i, NULL) < 0)
                return OAP_ENOMEM;
    return 0;
}

int oap_tasking_build(oap_tasking **out, const oap_graph *g)
{
    scratch sc = {0};
    unsigned char *flag = NULL;
    oap_tasking *t;
    int rc = oap_tasking__new(&t, g);
    *out = NULL;
    if (rc < 0)
        return rc;
    rc = OAP_ENOMEM;
    const oap_actor_info *all_ms = oap_actors_find("All MS");
    if (!(flag = malloc(oap_actors_count() + 1)))
        goto done;
    for (uint32_t p = 0; p < g->model->nplans; p++) {
        const oap_plan *plan = g->model->plans[p];
        sc.nmembers = plan->year > 0 ? members_of_year(plan->year, sc.members, 64, flag) : 0;
        if ((rc = plan_roles(t, p)) < 0)
            goto done;
        for (uint32_t i = 0; i < plan->nactions; i++)
            if ((rc = action_roles(t, &sc, p, g->action_base[p] + i, all_ms->code)) < 0)
                goto done;
    }
    rc = make_order(t);
    if (rc == 0)
        rc = index_cycle_jads(t);
done:
    free(sc.leaders);
    free(flag);
    if (rc < 0)
        oap_tasking_free(t);
    else
        *out = t;
    return rc;
}

void oap_tasking_free(oap_tasking *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->sheets[i].entries);
    free(t->sheets);
    free(t->order);
    free(t->key);
    for (size_t c = 0; t->cycle_jads && c < t->g->model->ncycles; c++)
        oap_strmap_free(&t->cycle_jads[c]);
    free(t->cycle_jads);
    oap_strmap_free(&t->index);
    oap_arena_free(&t->arena);
    free(t);
}

int oap_tasking_select(oap_tasking *t, const char *text, size_t *sheet, char *err, size_t size)
{
    const oap_actor_info *info = oap_actors_find(text);
    if (info && info->group == OAP_GROUP_ALL_MS) {
        if (!make_key(t, 'R', info->code, strlen(info->code), 0))
            return OAP_ENOMEM;
        uint32_t v;
        if (oap_strmap_get(&t->index, t->key, &v)) {
            *sheet = v;
            return 0;
        }
        snprintf(err, size,
                 "\"All MS\" is on the sheet of every Member State of the plan's year; ask "
                 "for one of them (--actor HU)");
        return OAP_EINVAL;
    }
    if (info)
        return registry_sheet(t, info, sheet);
    const char *start;
    size_t len = oap_text_trim(text, &start);
    for (uint32_t p = 0; len && p < t->g->model->nplans; p++) {
        const oap_actor_decl *d = oap_views__declared(t->g->model->plans[p], start, len);
        if (d && d->code)
            return declared_sheet(t, p, d, sheet);
    }
    uint32_t v;
    if (!make_key(t, 'U', start, len, 1))
        return OAP_ENOMEM;
    if (len && oap_strmap_get(&t->index, t->key, &v)) {
        *sheet = v;
        return 0;
    }
    const char *near = oap_actors_suggest(text);
    snprintf(err, size, "'%.80s' is not a known actor, and no loaded plan names it%s%s%s", text,
             near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
    return OAP_EINVAL;
}

/* Writing. */

static const char *const role_ids[] = {"leader", "co-leader", "participant", "driver", "support"};
/* The kind of a sheet in CSV and JSON: a registry actor's kind as the format names it. */
static const char *kind_id(const oap_tasking_sheet *s)
{
    if (s->kind == OAP_TASKING_DECLARED)
        return "declared";
    if (s->kind == OAP_TASKING_UNKNOWN || !s->info)
        return "unknown";
    return oap_actor_kind_name(s->info->kind);
}

/* The plans a sheet draws on, one byte per plan; all of them for an empty sheet. */
static unsigned char *plan_mask(const oap_tasking *t, const oap_tasking_sheet *s)
{
    size_t np = t->g->model->nplans;
    unsigned char *mask = calloc(np + 1, 1);
    if (!mask)
        return NULL;
    for (size_t i = 0; i < s->n; i++)
        mask[t->g->nodes[s->entries[i].node].plan] = 1;
    if (s->n == 0)
        memset(mask, 1, np);
    return mask;
}

static const char *plural(size_t n, const char *s)
{
    return n == 1 ? "" : s;
}

/* Joins the parts of a sentence: "a", "a and b", "a, b and c". */
static void put_list_sep(FILE *out, size_t i, size_t n)
{
    if (i > 0)
        fputs(i + 1 == n ? " and " : ", ", out);
}

/* Whether the actor of a line leads the action: its KPI targets and grant are shown. */
static int leads(const oap_tasking_entry *e)
{
    return e->role == OAP_TASKING_LEADER || e->role == OAP_TASKING_CO_LEADER;
}

/* KPI k of a as its line on a sheet: the text, and on the line of an actor who leads the
 * action its target ("facilitators arrested: target 200 per year"). Plain text. */
static void kpi_line(oap_strbuf *b, const oap_action *a, uint32_t k, int lead)
{
    const oap_kpi_target *kt = oap_action_kpi_target_of(a, k);
    char num[48];
    oap_strbuf_puts(b, a->kpis.items[k]);
    if (!lead || !kt->has_target)
        return;
    oap_strbuf_printf(b, ": target %s", oap_views__number(kt->target, 1, num, sizeof num));
    if (kt->unit) {
        oap_strbuf_putc(b, ' ');
        oap_strbuf_puts(b, kt->unit);
    }
}

/* An action's grant in words: "350,000 EUR to AT, EMPACT operational grant (ISF)". */
static void grant_line(oap_strbuf *b, const oap_grant *gr)
{
    char num[48];
    oap_strbuf_printf(b, "%s ", oap_views__number(gr->amount, 1, num, sizeof num));
    oap_strbuf_puts(b, gr->currency);
    if (gr->beneficiary) {
        oap_strbuf_puts(b, " to ");
        oap_strbuf_puts(b, gr->beneficiary);
    }
    if (gr->source) {
        oap_strbuf_puts(b, ", ");
        oap_strbuf_puts(b, gr->source);
    }
}

/* The leaders of an action, for the line of one of its "coleaders": "AT", "AT, FR". */
static void leaders_line(oap_strbuf *b, const oap_action *a)
{
    for (uint32_t i = 0; i < a->leaders.n; i++) {
        if (i)
            oap_strbuf_puts(b, ", ");
        oap_strbuf_puts(b, a->leaders.items[i]);
    }
}

/* The Joint Action Days a sheet's actions take part in: each JAD id once, in order of
 * first mention, with the lines that name it (uses, sorted by JAD then line). */
typedef struct jad_use {
    uint32_t jad;
    size_t line;
} jad_use;

typedef struct jad_seen {
    const char *id;
    const oap_plan *plan; /* of the first line naming it: its cycle declares the JAD */
} jad_seen;

typedef struct sheet_jads {
    jad_seen *jads;
    uint32_t n;
    jad_use *uses;
    size_t nuses;
} sheet_jads;

/* The declaration of a JAD in the cycle of plan p, or NULL. */
static const oap_jad *declared_jad(const oap_tasking *t, const oap_plan *p, const char *id)
{
    uint32_t i;
    const oap_cycle *c = p->in_cycle;
    if (!c || !oap_strmap_get(&t->cycle_jads[c->index], id, &i))
        return NULL;
    return &c->jads[i];
}

static int cmp_use(const void *pa, const void *pb)
{
    const jad_use *a = pa, *b = pb;
    if (a->jad != b->jad)
        return a->jad < b->jad ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

static void sheet_jads_free(sheet_jads *j)
{
    free(j->jads);
    free(j->uses);
}

static int collect_jads(const oap_tasking *t, const oap_tasking_sheet *s, sheet_jads *out)
{
    oap_strmap seen = OAP_STRMAP_INIT;
    size_t total = 0, cap = 0;
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < s->n; i++)
        if (s->entries[i].role != OAP_TASKING_DRIVER && s->entries[i].role != OAP_TASKING_SUPPORT)
            total += oap_graph_action(t->g, s->entries[i].node)->jads.n;
    out->uses = malloc((total + 1) * sizeof *out->uses);
    if (!out->uses)
        return OAP_ENOMEM;
    for (size_t i = 0; i < s->n; i++) {
        const oap_tasking_entry *e = &s->entries[i];
        if (e->role == OAP_TASKING_DRIVER || e->role == OAP_TASKING_SUPPORT)
            continue;
        const oap_strv *jads = &oap_graph_action(t->g, e->node)->jads;
        for (uint32_t k = 0; k < jads->n; k++) {
            uint32_t jad;
            int put = oap_strmap_put(&seen, jads->items[k], out->n, &jad);
            if (put < 0 || (put && OAP_ARRAY_RESERVE(out->jads, cap, (size_t)out->n + 1) < 0)) {
                oap_strmap_free(&seen);
                return OAP_ENOMEM;
            }
            if (put) {
                jad = out->n++;
                out->jads[jad] = (jad_seen){jads->items[k], oap_graph_plan(t->g, e->node)};
            }
            out->uses[out->nuses++] = (jad_use){jad, i};
        }
    }
    oap_strmap_free(&seen);
    if (out->nuses)
        qsort(out->uses, out->nuses, sizeof *out->uses, cmp_use);
    return 0;
}

/* "Driver of 2012-C. Project support for 2012-C and 2013-C." */
static void md_plan_roles(FILE *out, const oap_tasking *t, const oap_tasking_sheet *s,
                          oap_tasking_role role, const char *lead)
{
    size_t n = 0, k = 0;
    for (size_t i = 0; i < s->n; i++)
        n += s->entries[i].role == role;
    if (!n)
        return;
    fprintf(out, " %s ", lead);
    for (size_t i = 0; i < s->n; i++) {
        if (s->entries[i].role != role)
            continue;
        put_list_sep(out, k++, n);
        oap_views__markdown(out, oap_graph_plan(t->g, s->entries[i].node)->id, 0);
    }
    fputc('.', out);
}

static void md_kind(FILE *out, const oap_tasking *t, const oap_tasking_sheet *s)
{
    switch (s->kind) {
    case OAP_TASKING_MEMBER_STATE:
        fputs("Member State.", out);
        break;
    case OAP_TASKING_AGENCY:
        fputs("EU body or agency.", out);
        break;
    case OAP_TASKING_INTERNATIONAL:
        fputs("International organisation.", out);
        break;
    case OAP_TASKING_THIRD_COUNTRY:
        fputs("Third country.", out);
        break;
    case OAP_TASKING_OTHER:
        fputs("Part of a Member State with a code of its own.", out);
        break;
    case OAP_TASKING_DECLARED:
        fputs("Declared by plan ", out);
        oap_views__markdown(out, t->g->model->plans[s->declared_plan]->id, 0);
        if (s->declared_kind) {
            fputs(" as a ", out);
            oap_views__markdown(out, s->declared_kind, 0);
        }
        fputc('.', out);
        break;
    case OAP_TASKING_UNKNOWN:
        fputs("Not a known actor: `oapgraph check` reports it.", out);
        break;
    default:
        if (s->info && s->info->group == OAP_GROUP_ALL_MS)
            fputs("A group: in a plan without a year, which states were members cannot be told.",
                  out);
        else
            fputs("A group, not one actor: these actions still have participants to name.", out);
    }
}

/* "Leads 1 action, co-leads 2 and takes part in 6 (6 as one of All MS)." */
static void md_summary(FILE *out, const oap_tasking_sheet *s)
{
    size_t lead = 0, co = 0, part = 0, via = 0;
    for (size_t i = 0; i < s->n; i++) {
        const oap_tasking_entry *e = &s->entries[i];
        lead += e->role == OAP_TASKING_LEADER;
        co += e->role == OAP_TASKING_CO_LEADER;
        part += e->role == OAP_TASKING_PARTICIPANT;
        via += e->via != NULL;
    }
    size_t parts = (lead > 0) + (co > 0) + (part > 0), k = 0;
    if (parts == 0) {
        fputs(" Takes part in no action of the loaded plans.", out);
        return;
    }
    fputc(' ', out);
    if (lead) {
        put_list_sep(out, k, parts);
        fprintf(out, "%s %zu action%s", k++ ? "leads" : "Leads", lead, plural(lead, "s"));
    }
    if (co) {
        put_list_sep(out, k, parts);
        fprintf(out, "%s %zu%s", k++ ? "co-leads" : "Co-leads", co,
                lead      ? ""
                : co == 1 ? " action"
                          : " actions");
    }
    if (part) {
        put_list_sep(out, k, parts);
        fprintf(out, "%s %zu%s", k++ ? "takes part in" : "Takes part in", part,
                lead || co  ? ""
                : part == 1 ? " action"
                            : " actions");
    }
    if (via)
        fprintf(out, " (%zu as one of All MS)", via);
    fputc('.', out);
}

static int md_row(FILE *out, const oap_tasking *t, const oap_tasking_entry *e)
{
    const oap_graph *g = t->g;
    const oap_action *a = oap_graph_action(g, e->node);
    char win[24] = "";
    oap_window w;
    if (oap_views__window(g, e->node, &w))
        oap_views__format_window(&w, win, sizeof win);
    fputc('|', out);
    oap_views__md_cell(out, oap_graph_plan(g, e->node)->id);
    oap_views__md_cell(out, a->goal);
    oap_views__md_cell(out, a->id);
    fprintf(out, " %s", role_ids[e->role]);
    if (e->via) {
        fputs(", as one of ", out);
        oap_views__markdown(out, e->via, 1);
    }
    oap_strbuf b = {0};
    if (e->coleader && a->leaders.n) {
        leaders_line(&b, a);
        fprintf(out, " (leader%s: ", a->leaders.n == 1 ? "" : "s");
        oap_views__markdown(out, oap_strbuf_str(&b), 1);
        fputc(')', out);
    }
    fputs(" |", out);
    oap_views__md_cell(out, a->title);
    oap_views__md_cell(out, a->timing);
    oap_views__md_cell(out, win);
    oap_views__md_cell(out, a->target);
    fputc(' ', out);
    for (uint32_t k = 0; k < a->kpis.n; k++) {
        if (k)
            fputs("<br>", out);
        oap_strbuf_reset(&b);
        kpi_line(&b, a, k, leads(e));
        oap_views__markdown(out, oap_strbuf_str(&b), 1);
    }
    fputs(" |\n", out);
    int rc = b.oom ? OAP_ENOMEM : 0;
    oap_strbuf_free(&b);
    return rc;
}

/* After the table, each list only when it has items: the Joint Action Days of the
 * sheet's actions, with their windows and the actions that take part, and the grants
 * of the actions the actor leads. */
static int md_jads_and_grants(FILE *out, const oap_tasking *t, const oap_tasking_sheet *s)
{
    const oap_graph *g = t->g;
    sheet_jads j;
    oap_strbuf b = {0};
    char win[24];
    if (collect_jads(t, s, &j) < 0) {
        sheet_jads_free(&j);
        return OAP_ENOMEM;
    }
    if (j.n)
        fputs("\nJoint Action Days:\n\n", out);
    for (size_t u = 0; u < j.nuses;) {
        uint32_t k = j.uses[u].jad;
        const oap_jad *decl = declared_jad(t, j.jads[k].plan, j.jads[k].id);
        fputs("- ", out);
        oap_views__markdown(out, j.jads[k].id, 0);
        if (decl && decl->window.set) {
            oap_window w = {decl->window.start, decl->window.end};
            fprintf(out, ", %s", oap_views__format_window(&w, win, sizeof win));
        }
        if (decl && decl->title) {
            fputs(": ", out);
            oap_views__markdown(out, decl->title, 0);
        }
        if (!decl)
            fputs(" (no loaded cycle file declares it)", out);
        fputs("; with ", out);
        for (size_t first = u; u < j.nuses && j.uses[u].jad == k; u++) {
            if (u > first && j.uses[u].line == j.uses[u - 1].line)
                continue; /* named twice by one action */
            const oap_tasking_entry *e = &s->entries[j.uses[u].line];
            if (u > first)
                fputs(", ", out);
            oap_views__markdown(out, oap_graph_plan(g, e->node)->id, 0);
            fputc(' ', out);
            oap_views__markdown(out, oap_graph_action(g, e->node)->id, 0);
        }
        fputs("\n", out);
    }
    sheet_jads_free(&j);
    size_t grants = 0;
    for (size_t i = 0; i < s->n; i++) {
        const oap_tasking_entry *e = &s->entries[i];
        const oap_action *a = leads(e) ? oap_graph_action(g, e->node) : NULL;
        if (!a || !a->grant)
            continue;
        if (!grants++)
            fputs("\nGrants of the actions it leads:\n\n", out);
        fputs("- ", out);
        oap_views__markdown(out, oap_graph_plan(g, e->node)->id, 0);
        fputc(' ', out);
        oap_views__markdown(out, a->id, 0);
        fputs(": ", out);
        oap_strbuf_reset(&b);
        grant_line(&b, a->grant);
        oap_views__markdown(out, oap_strbuf_str(&b), 0);
        fputs("\n", out);
    }
    int rc = b.oom ? OAP_ENOMEM : 0;
    oap_strbuf_free(&b);
    return rc;
}

static int md_sheet(FILE *out, const oap_tasking *t, const oap_tasking_sheet *s)
{
    unsigned char *mask = plan_mask(t, s);
    if (!mask)
        return OAP_ENOMEM;
    oap_views__md_banner(out, t->g, mask, 0);
    fputs("# ", out);
    oap_views__markdown(out, s->code, 0);
    if (s->name) {
        fputs(": ", out);
        oap_views__markdown(out, s->name, 0);
    }
    fputs("\n\n", out);
    md_kind(out, t, s);
    md_plan_roles(out, t, s, OAP_TASKING_DRIVER, "Driver of");
    md_plan_roles(out, t, s, OAP_TASKING_SUPPORT, "Project support for");
    md_summary(out, s);
    fputs("\n\n", out);
    int table = 0;
    for (size_t i = 0; i < s->n; i++) {
        const oap_tasking_entry *e = &s->entries[i];
        if (e->role == OAP_TASKING_DRIVER || e->role == OAP_TASKING_SUPPORT)
            continue;
        if (!table++)
            fputs("| Plan | Goal | Action | Role | Activity | Timing | Window | Target | KPIs |\n"
                  "|---|---|---|---|---|---|---|---|---|\n",
                  out);
        if (md_row(out, t, e) < 0) {
            free(mask);
            return OAP_ENOMEM;
        }
    }
    if (md_jads_and_grants(out, t, s) < 0) {
        free(mask);
        return OAP_ENOMEM;
    }
    size_t i = 0;
    if (table && oap_views__classification(t->g, mask, &i))
        fputc('\n', out);
    oap_views__md_banner(out, t->g, mask, 1);
    free(mask);
    return 0;
}

enum { CSV_FIELDS = 22 };

/* The items of a list, one a line, as one CSV cell. */
static void join_lines(oap_strbuf *b, const oap_strv *list)
{
    oap_strbuf_reset(b);
    for (uint32_t k = 0; k < list->n; k++) {
        if (k)
            oap_strbuf_putc(b, '\n');
        oap_strbuf_puts(b, list->items[k]);
    }
}

static int csv_sheet(FILE *out, const oap_tasking *t, const oap_tasking_sheet *s, char sep)
{
    const oap_graph *g = t->g;
    oap_strbuf kpis = {0}, leaders = {0}, coleaders = {0}, jads = {0};
    for (size_t i = 0; i < s->n; i++) {
        const oap_tasking_entry *e = &s->entries[i];
        const oap_plan *p = oap_graph_plan(g, e->node);
        const oap_action *a = oap_graph_action(g, e->node);
        const oap_grant *gr = a && leads(e) ? a->grant : NULL;
        char start[8] = "", end[8] = "", amount[48] = "";
        oap_window w;
        if (a && oap_views__window(g, e->node, &w)) {
            oap_timing_format_month(w.start, start);
            oap_timing_format_month(w.end, end);
        }
        oap_strbuf_reset(&kpis);
        for (uint32_t k = 0; a && k < a->kpis.n; k++) {
            if (k)
                oap_strbuf_putc(&kpis, '\n');
            kpi_line(&kpis, a, k, leads(e));
        }
        static const oap_strv none = {NULL, 0, NULL};
        join_lines(&leaders, a ? &a->leaders : &none);
        join_lines(&coleaders, a ? &a->coleaders : &none);
        join_lines(&jads, a ? &a->jads : &none);
        if (gr)
            oap_views__number(gr->amount, 0, amount, sizeof amount);
        if (kpis.oom || leaders.oom || coleaders.oom || jads.oom)
            break;
        const char *fields[CSV_FIELDS] = {s->code,
                                          s->name,
                                          kind_id(s),
                                          p->id,
                                          a ? a->goal : NULL,
                                          a ? a->id : NULL,
                                          role_ids[e->role],
                                          e->via,
                                          a ? a->title : p->title,
                                          a ? a->timing : NULL,
                                          start,
                                          end,
                                          a ? a->target : NULL,
                                          oap_strbuf_str(&kpis),
                                          p->classification,
                                          oap_strbuf_str(&leaders),
                                          oap_strbuf_str(&coleaders),
                                          oap_strbuf_str(&jads),
                                          amount,
                                          gr ? gr->currency : NULL,
                                          gr ? gr->beneficiary : NULL,
                                          gr ? gr->source : NULL};
        oap_views__csv_line(out, fields, CSV_FIELDS, sep);
    }
    int rc = kpis.oom || leaders.oom || coleaders.oom || jads.oom ? OAP_ENOMEM : 0;
    oap_strbuf_free(&kpis);
    oap_strbuf_free(&leaders);
    oap_strbuf_free(&coleaders);
    oap_strbuf_free(&jads);
    return rc;
}

static void json_window(oap_jsonw *w, const oap_graph *g, uint32_t node)
{
    oap_window win;
    char month[8];
    oap_jsonw_key(w, "window");
    if (!oap_views__window(g, node, &win)) {
        oap_jsonw_null(w);
        return;
    }
    oap_jsonw_array(w);
    oap_timing_format_month(win.start, month);
    oap_jsonw_string(w, month);
    oap_timing_format_month(win.end, month);
    oap_jsonw_string(w, month);
    oap_jsonw_end(w);
}

static void json_strings(oap_jsonw *w, const char *key, const oap_strv *list)
{
    oap_jsonw_key(w, key);
    oap_jsonw_array(w);
    for (uint32_t k = 0; k < list->n; k++)
        oap_jsonw_string(w, list->items[k]);
    oap_jsonw_end(w);
}

/* "kpi_targets" (beside "kpis": {"target", "unit"}, either null) and "grant" on the line
 * of an actor who leads the action; null on the others. */
static void json_lead(oap_jsonw *w, const oap_action *a, int lead)
{
    oap_jsonw_key(w, "kpi_targets");
    if (!lead) {
        oap_jsonw_null(w);
    } else {
        oap_jsonw_array(w);
        for (uint32_t k = 0; k < a->kpis.n; k++) {
            const oap_kpi_target *kt = oap_action_kpi_target_of(a, k);
            oap_jsonw_object(w);
            oap_jsonw_key(w, "target");
            if (kt->has_target)
                oap_jsonw_number(w, kt->target);
            else
                oap_jsonw_null(w);
            oap_jsonw_member(w, "unit", kt->unit);
            oap_jsonw_end(w);
        }
        oap_jsonw_end(w);
    }
    oap_jsonw_key(w, "grant");
    if (!lead || !a->grant) {
        oap_jsonw_null(w);
        return;
    }
    oap_jsonw_object(w);
    oap_jsonw_key(w, "amount");
    oap_jsonw_number(w, a->grant->amount);
    oap_jsonw_member(w, "currency", a->grant->currency);
    oap_jsonw_member(w, "beneficiary", a->grant->beneficiary);
    oap_jsonw_member(w, "source", a->grant->source);
    oap_jsonw_end(w);
}

/* The sheet's "jads": each JAD its actions name, as the cycle declares it, and the
 * actions ("node") that name it. */
static int json_jads(oap_jsonw *w, const oap_tasking *t, const oap_tasking_sheet *s)
{
    sheet_jads j;
    char name[200], month[8];
    int rc = collect_jads(t, s, &j);
    oap_jsonw_key(w, "jads");
    oap_jsonw_array(w);
    for (size_t u = 0; rc == 0 && u < j.nuses;) {
        uint32_t k = j.uses[u].jad;
        const oap_jad *decl = declared_jad(t, j.jads[k].plan, j.jads[k].id);
        oap_jsonw_object(w);
        oap_jsonw_member(w, "id", j.jads[k].id);
        oap_jsonw_key(w, "declared");
        oap_jsonw_bool(w, decl != NULL);
        oap_jsonw_member(w, "title", decl ? decl->title : NULL);
        oap_jsonw_key(w, "window");
        if (decl && decl->window.set) {
            oap_jsonw_array(w);
            oap_timing_format_month(decl->window.start, month);
            oap_jsonw_string(w, month);
            oap_timing_format_month(decl->window.end, month);
            oap_jsonw_string(w, month);
            oap_jsonw_end(w);
        } else {
            oap_jsonw_null(w);
        }
        oap_jsonw_key(w, "actions");
        oap_jsonw_array(w);
        for (size_t first = u; u < j.nuses && j.uses[u].jad == k; u++)
            if (u == first || j.uses[u].line != j.uses[u - 1].line)
                oap_jsonw_string(w, oap_views__name(t->g, s->entries[j.uses[u].line].node,
                                                    OAP_VIEWS_QUALIFY, name, sizeof name));
        oap_jsonw_end(w);
        oap_jsonw_end(w);
    }
    oap_jsonw_end(w);
    sheet_jads_free(&j);
    return rc;
}

static int json_sheet(oap_jsonw *w, const oap_tasking *t, const oap_tasking_sheet *s)
{
    const oap_graph *g = t->g;
    char name[200];
    unsigned char *mask = plan_mask(t, s);
    if (!mask)
        return OAP_ENOMEM;
    oap_jsonw_object(w);
    oap_jsonw_member(w, "actor", s->code);
    oap_jsonw_member(w, "name", s->name);
    oap_jsonw_member(w, "kind", kind_id(s));
    oap_views__json_classification(w, g, mask);
    free(mask);
    oap_jsonw_key(w, "plans");
    oap_jsonw_array(w);
    for (size_t i = 0; i < s->n; i++) {
        const oap_tasking_entry *e = &s->entries[i];
        if (e->role != OAP_TASKING_DRIVER && e->role != OAP_TASKING_SUPPORT)
            continue;
        oap_jsonw_object(w);
        oap_jsonw_member(w, "plan", oap_graph_plan(g, e->node)->id);
        oap_jsonw_member(w, "role", role_ids[e->role]);
        oap_jsonw_end(w);
    }
    oap_jsonw_end(w);
    oap_jsonw_key(w, "actions");
    oap_jsonw_array(w);
    for (size_t i = 0; i < s->n; i++) {
        const oap_tasking_entry *e = &s->entries[i];
        if (e->role == OAP_TASKING_DRIVER || e->role == OAP_TASKING_SUPPORT)
            continue;
        const oap_action *a = oap_graph_action(g, e->node);
        oap_jsonw_object(w);
        oap_jsonw_member(w, "node",
                         oap_views__name(g, e->node, OAP_VIEWS_QUALIFY, name, sizeof name));
        oap_jsonw_member(w, "plan", oap_graph_plan(g, e->node)->id);
        oap_jsonw_member(w, "goal", a->goal);
        oap_jsonw_member(w, "action", a->id);
        oap_jsonw_member(w, "role", role_ids[e->role]);
        oap_jsonw_member(w, "via", e->via);
        oap_jsonw_member(w, "title", a->title);
        oap_jsonw_member(w, "timing", a->timing);
        json_window(w, g, e->node);
        oap_jsonw_member(w, "target", a->target);
        json_strings(w, "kpis", &a->kpis);
        json_strings(w, "leaders", &a->leaders);
        json_strings(w, "coleaders", &a->coleaders);
        json_strings(w, "jads", &a->jads);
        json_lead(w, a, leads(e));
        oap_jsonw_end(w);
    }
    oap_jsonw_end(w);
    int rc = json_jads(w, t, s);
    oap_jsonw_end(w);
    return rc;
}

/* The sheets in fmt, CSV fields parted by sep. */
static int write_sheets(FILE *out, const oap_tasking *t, const size_t *sheets, size_t n,
                        oap_tasking_format fmt, char sep)
{
    int rc = 0;
    if (fmt == OAP_TASKING_JSON) {
        /* The document's classification: that of every plan any of its sheets draws on. */
        size_t np = t->g->model->nplans;
        unsigned char *all = calloc(np + 1, 1);
        if (!all)
            return OAP_ENOMEM;
        for (size_t i = 0; i < n; i++) {
            unsigned char *mask = plan_mask(t, &t->sheets[sheets[i]]);
            if (!mask) {
                free(all);
                return OAP_ENOMEM;
            }
            for (size_t p = 0; p < np; p++)
                all[p] |= mask[p];
            free(mask);
        }
        oap_jsonw w;
        oap_jsonw_init(&w, out);
        oap_jsonw_object(&w);
        oap_jsonw_key(&w, "version");
        oap_jsonw_int(&w, 1);
        oap_views__json_classification(&w, t->g, all);
        free(all);
        oap_jsonw_key(&w, "sheets");
        oap_jsonw_array(&w);
        for (size_t i = 0; i < n && rc == 0; i++)
            rc = json_sheet(&w, t, &t->sheets[sheets[i]]);
        oap_jsonw_end(&w);
        oap_jsonw_end(&w);
        if (rc == 0)
            rc = oap_jsonw_finish(&w);
        return rc;
    }
    if (fmt == OAP_TASKING_CSV) {
        static const char *const header[CSV_FIELDS] = {"actor",
                                                       "name",
                                                       "kind",
                                                       "plan",
                                                       "goal",
                                                       "action",
                                                       "role",
                                                       "via",
                                                       "title",
                                                       "timing",
                                                       "window_start",
                                                       "window_end",
                                                       "target",
                                                       "kpis",
                                                       "classification",
                                                       "leaders",
                                                       "coleaders",
                                                       "jads",
                                                       "grant_amount",
                                                       "grant_currency",
                                                       "grant_beneficiary",
                                                       "grant_source"};
        oap_views__csv_line(out, header, CSV_FIELDS, sep);
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (fmt == OAP_TASKING_CSV) {
            rc = csv_sheet(out, t, &t->sheets[sheets[i]], sep);
        } else {
            if (i)
                fputc('\n', out);
            rc = md_sheet(out, t, &t->sheets[sheets[i]]);
        }
    }
    if (rc == 0 && ferror(out))
        rc = OAP_EIO;
    return rc;
}

int oap_tasking_write(FILE *out, const oap_tasking *t, const size_t *sheets, size_t n,
                      oap_tasking_format fmt)
{
    return write_sheets(out, t, sheets, n, fmt, ',');
}

int oap_tasking_write_csv(FILE *out, const oap_tasking *t, const size_t *sheets, size_t n, char sep)
{
    if (sep == '"' || sep == '\r' || sep == '\n' || sep == '\0')
        return OAP_EINVAL;
    return write_sheets(out, t, sheets, n, OAP_TASKING_CSV, sep);
}

/* Writes into out the ASCII letters a Latin letter of U+00C0..U+017F is written with in
 * a file name ("e" for U+00E9, "ss" for U+00DF) and returns how many (1 or 2); 0 for the
 * others of that range (U+00D7 and U+00F7, signs) and every code point outside it. */
static size_t latin_letters(uint32_t cp, char out[2])
{
    /* One letter each, from U+00C0; '?' marks a sign or a letter written with two. */
    static const char one[] = "AAAAAA?CEEEEIIIIDNOOOOO?OUUUUY??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y"
                              "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLlL"
                              "lLlNnNnNnn??OoOoOo??RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    static const struct {
        uint16_t cp;
        char s[3];
    } two[] = {{0xC6, "AE"},  {0xDE, "TH"},  {0xDF, "ss"},  {0xE6, "ae"},
               {0xFE, "th"},  {0x132, "IJ"}, {0x133, "ij"}, {0x14A, "NG"},
               {0x14B, "ng"}, {0x152, "OE"}, {0x153, "oe"}};
    if (cp < 0xC0 || cp >= 0x180)
        return 0;
    for (size_t i = 0; i < sizeof two / sizeof two[0]; i++)
        if (two[i].cp == cp) {
            memcpy(out, two[i].s, 2);
            return 2;
        }
    out[0] = one[cp - 0xC0];
    return out[0] != '?';
}

/* Longer names keep their first bytes and end with a hash of the whole code. */
#define NAME_MAX_BYTES 100
#define NAME_CUT_BYTES (NAME_MAX_BYTES - 17)

int oap_tasking_file_name(const oap_tasking_sheet *s, oap_tasking_format fmt, char *buf,
                          size_t size)
{
    static const char *const ext[] = {".md", ".csv", ".json"};
    static const char *const reserved[] = {
        "CON",  "PRN",  "AUX",  "NUL",  "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
        "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"};
    char name[NAME_MAX_BYTES + 1];
    size_t n = 0, len = strlen(s->code);
    int dash = 0, cut = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = oap_utf8_decode(s->code + i, len - i, &cp);
        char piece[12];
        size_t m;
        i += k ? k : 1; /* a byte that is not UTF-8 reads as U+FFFD */
        if (cp < 0x80) {
            char c = (char)cp;
            int keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_';
            if (!keep || (c == '-' && n == 0)) {
                dash = n > 0;
                continue;
            }
            piece[0] = c;
            m = 1;
        } else if (!(m = latin_letters(cp, piece))) {
            /* Never dropped, so that codes that differ only there get files of their
             * own: a Latin letter by its ASCII letters, anything else by its escape. */
            m = (size_t)snprintf(piece, sizeof piece, "u%04" PRIx32, cp);
        }
        if (n + (size_t)dash + m > NAME_MAX_BYTES) {
            cut = 1;
            break;
        }
        if (dash)
            name[n++] = '-';
        dash = 0;
        memcpy(name + n, piece, m);
        n += m;
    }
    name[n] = '\0';
    if (n == 0)
        return OAP_EINVAL;
    if (cut) {
        /* Distinct codes keep distinct names. */
        if (n > NAME_CUT_BYTES)
            n = NAME_CUT_BYTES;
        snprintf(name + n, sizeof name - n, "-%016" PRIx64, oap_fnv_field(OAP_FNV_OFFSET, s->code));
    }
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcasecmp(name, reserved[i]) == 0)
            return OAP_EINVAL;
    if ((size_t)snprintf(buf, size, "%s%s", name, ext[fmt]) >= size)
        return OAP_EINVAL;
    return 0;
}

const size_t *oap_tasking_sheets(const oap_tasking *t, size_t *n)
{
    *n = t->norder;
    return t->order;
}

const char *oap_tasking_sheet_code(const oap_tasking *t, size_t sheet)
{
    return sheet < t->n ? t->sheets[sheet].code : NULL;
}

const char *oap_tasking_sheet_name(const oap_tasking *t, size_t sheet)
{
    return sheet < t->n ? t->sheets[sheet].name : NULL;
}

size_t oap_tasking_line_count(const oap_tasking *t, size_t sheet)
{
    return sheet < t->n ? t->sheets[sheet].n : 0;
}

int oap_tasking_line(const oap_tasking *t, size_t sheet, size_t k, uint32_t *node,
                     oap_tasking_role *role, const char **via)
{
    if (sheet >= t->n || k >= t->sheets[sheet].n)
        return OAP_EINVAL;
    const oap_tasking_entry *e = &t->sheets[sheet].entries[k];
    *node = e->node;
    *role = (oap_tasking_role)e->role;
    *via = e->via;
    return 0;
}

int oap_tasking_sheet_file_name(const oap_tasking *t, size_t sheet, oap_tasking_format fmt,
                                char *buf, size_t size)
{
    if (sheet >= t->n)
        return OAP_EINVAL;
    return oap_tasking_file_name(&t->sheets[sheet], fmt, buf, size);
}
