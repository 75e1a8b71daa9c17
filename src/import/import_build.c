/* import_build: the plan built from the placed rows: each action's cells cleaned and split
 * into fields, footnotes settled, the plan's own fields chosen from what was found. */
#include "import_table.h"

#include "import_text.h"

#include "oapgraph/common.h"
#include "core/array.h"
#include "core/ascii.h"
#include "core/refs.h"
#include "core/strbuf.h"
#include "core/strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct strlist {
    const char **items;
    size_t n, cap;
} strlist;

static void list_add(oap_import__ctx *c, strlist *l, const char *s)
{
    if (!s)
        return;
    if (OAP_ARRAY_RESERVE(l->items, l->cap, l->n + 1) < 0) {
        c->oom = 1;
        return;
    }
    l->items[l->n++] = s;
}

/* The list as the model's oap_strv, in the arena; the list is emptied. */
static oap_strv list_take(oap_import__ctx *c, strlist *l)
{
    oap_strv v = {NULL, 0, NULL};
    if (l->n > 0) {
        v.items = oap_arena_alloc(&c->model->arena, l->n * sizeof *v.items);
        if (!v.items)
            c->oom = 1;
        else {
            memcpy(v.items, l->items, l->n * sizeof *v.items);
            v.n = (uint32_t)l->n;
        }
    }
    free(l->items);
    memset(l, 0, sizeof *l);
    return v;
}

typedef struct actor_ctx {
    oap_import__ctx *c;
    strlist *main, *helpers;
    char where[96]; /* "the Leader cell of action 6.2" */
    unsigned line;
    oap_strmap seen; /* of main and of helpers, by list: 0 main, 1 helpers */
    oap_strmap seen_helpers;
} actor_ctx;

static int on_actor(void *vctx, const char *text, size_t len, int helper)
{
    actor_ctx *a = vctx;
    char *s = oap_arena_strndup(&a->c->model->arena, text, len);
    if (!s) {
        a->c->oom = 1;
        return OAP_ENOMEM;
    }
    int to_helpers = helper && a->helpers;
    strlist *l = to_helpers ? a->helpers : a->main;
    int rc = oap_strmap_put(to_helpers ? &a->seen_helpers : &a->seen, s, 0, NULL);
    if (rc < 0) {
        a->c->oom = 1;
        return OAP_ENOMEM;
    }
    if (rc == 0) {
        char q[80];
        oap_import__quote(q, s, strlen(s));
        oap_import__msg(a->c, a->line, OAP_IMPORT_NOTE, "%s is named twice in %s; kept once", q,
                        a->where);
        return 0;
    }
    list_add(a->c, l, s);
    return a->c->oom ? OAP_ENOMEM : 0;
}

static int on_dropped(void *vctx, const char *text, size_t len, const char *after)
{
    actor_ctx *a = vctx;
    char q[80];
    oap_import__quote(q, text, len);
    if (after)
        oap_import__msg(a->c, a->line, OAP_IMPORT_NOTE,
                        "\"%s\" after %s in %s is not an actor; left out", q, after, a->where);
    else
        oap_import__msg(a->c, a->line, OAP_IMPORT_NOTE, "\"%s\" in %s is not an actor; left out", q,
                        a->where);
    return 0;
}

typedef struct refs_ctx {
    oap_import__ctx *c;
    strlist *list;
} refs_ctx;

static int on_ref(void *vctx, const oap_ref *ref)
{
    refs_ctx *r = vctx;
    char buf[3 * OAP_REF_ID_MAX + 8];
    oap_ref_format(ref, buf, sizeof buf);
    char *s = oap_import__arena_str(r->c, buf);
    list_add(r->c, r->list, s);
    return r->c->oom ? OAP_ENOMEM : 0;
}

static void read_refs(oap_import__ctx *c, const oap_import__action *a, const char *text, int col,
                      strlist *refs)
{
    oap_ref_error err = {0, ""};
    refs_ctx rc = {c, refs};
    int rv = oap_refs_read_cell(text, on_ref, &rc, &err);
    if (rv == -1) {
        char q[80];
        oap_import__quote(q, text, strlen(text));
        oap_import__msg(
            c, a->line, OAP_IMPORT_WARNING,
            "cannot read the %s cell of action %s (\"%s\") at character %zu: %s; the references "
            "from there on are not imported",
            oap_import__col_names[col], a->id, q, err.offset + 1, err.message);
    }
}

typedef struct kpi_ctx {
    oap_import__ctx *c;
    strlist *list;
} kpi_ctx;

static int on_kpi(void *vctx, const char *text, size_t len)
{
    kpi_ctx *k = vctx;
    char *s = oap_arena_strndup(&k->c->model->arena, text, len);
    if (!s) {
        k->c->oom = 1;
        return OAP_ENOMEM;
    }
    list_add(k->c, k->list, s);
    return k->c->oom ? OAP_ENOMEM : 0;
}

static const char *arena_or_null(oap_import__ctx *c, char *s)
{
    const char *d = s && s[0] ? oap_import__arena_str(c, s) : NULL;
    free(s);
    return d;
}

static const char *status_of(oap_import__ctx *c, const oap_import__action *a, const char *text)
{
    static const char *const statuses[] = {"planned",       "ongoing",   "completed", "continue",
                                           "not-completed", "cancelled", "unclear",   NULL};
    char norm[32];
    size_t k = 0;
    for (const char *s = text; *s && k < sizeof norm - 1; s++)
        norm[k++] = *s == ' ' ? '-' : (char)oap_ascii_lower((unsigned char)*s);
    norm[k] = '\0';
    for (size_t i = 0; statuses[i]; i++)
        if (strcmp(norm, statuses[i]) == 0)
            return statuses[i];
    char q[80];
    oap_import__quote(q, text, strlen(text));
    oap_import__msg(
        c, a->line, OAP_IMPORT_WARNING,
        "the status \"%s\" of action %s is not one of planned, ongoing, completed, continue, "
        "not-completed, cancelled, unclear; not imported",
        q, a->id);
    return NULL;
}

enum { MAX_MARKS = 64 };

static void finish_action(oap_import__ctx *c, oap_import__action *a, oap_action *out)
{
    unsigned marks[MAX_MARKS];
    size_t nmarks = 0;
    char *cl[OAP_COL_COUNT];
    const oap_import__footnotes *notes = c->council ? &c->notes : NULL;
    for (int k = 0; k < OAP_COL_COUNT; k++) {
        cl[k] = oap_import__clean(oap_strbuf_str(&a->cell[k]), notes, marks, &nmarks, MAX_MARKS);
        if (!cl[k])
            c->oom = 1;
    }
    if (c->oom)
        goto done;

    out->id = oap_import__arena_str(c, a->id);
    out->goal = a->goal;
    out->title = oap_import__arena_str(c, cl[OAP_COL_TITLE]);
    if (!cl[OAP_COL_TITLE][0])
        oap_import__msg(c, a->line, OAP_IMPORT_WARNING, "action %s has an empty %s cell", a->id,
                        oap_import__col_names[OAP_COL_TITLE]);

    strlist leaders = {0}, helpers = {0}, participants = {0};
    actor_ctx ac = {c, &leaders, &helpers, "", a->line, OAP_STRMAP_INIT, OAP_STRMAP_INIT};
    snprintf(ac.where, sizeof ac.where, "the %s cell of action %s",
             oap_import__col_names[OAP_COL_LEADER], a->id);
    oap_import__actor_cb cb = {on_actor, on_dropped, &ac};
    if (oap_import__split_actors(cl[OAP_COL_LEADER], 1, &cb) == OAP_ENOMEM)
        c->oom = 1;
    if (leaders.n == 0) {
        oap_import__msg(c, a->line, OAP_IMPORT_WARNING,
                        "action %s names no leader in its %s cell; its leaders are left blank",
                        a->id, oap_import__col_names[OAP_COL_LEADER]);
        list_add(c, &leaders, "");
    }
    /* Participants start with the helpers: their names are already in the list. */
    oap_strmap_free(&ac.seen);
    ac.seen = ac.seen_helpers;
    ac.seen_helpers = (oap_strmap)OAP_STRMAP_INIT;
    ac.main = &participants;
    ac.helpers = NULL;
    snprintf(ac.where, sizeof ac.where, "the %s cell of action %s",
             oap_import__col_names[OAP_COL_PARTICIPANTS], a->id);
    /* Those the Leader cell names as helping ("ES, in cooperation with EC, IT, MT") come
     * first among the participants. */
    for (size_t i = 0; i < helpers.n; i++)
        list_add(c, &participants, helpers.items[i]);
    if (oap_import__split_actors(cl[OAP_COL_PARTICIPANTS], 0, &cb) == OAP_ENOMEM)
        c->oom = 1;
    oap_strmap_free(&ac.seen);
    out->leaders = list_take(c, &leaders);
    out->participants = list_take(c, &participants);
    free(helpers.items);

    out->description = arena_or_null(c, cl[OAP_COL_DESCRIPTION]);
    cl[OAP_COL_DESCRIPTION] = NULL;

    strlist refs = {0};
    read_refs(c, a, cl[OAP_COL_REFS_SG], OAP_COL_REFS_SG, &refs);
    read_refs(c, a, cl[OAP_COL_REFS_OA], OAP_COL_REFS_OA, &refs);
    out->refs = list_take(c, &refs);

    out->timing = arena_or_null(c, cl[OAP_COL_TIMING]);
    cl[OAP_COL_TIMING] = NULL;

    strlist kpis = {0};
    kpi_ctx kc = {c, &kpis};
    char *target = NULL;
    if (oap_import__split_kpis(cl[OAP_COL_TARGET], &target, on_kpi, &kc) == OAP_ENOMEM)
        c->oom = 1;
    out->target = arena_or_null(c, target);
    if (cl[OAP_COL_KPI][0]) {
        /* A KPI column: every line is a KPI, "KPI:" or not. */
        size_t n = strlen(cl[OAP_COL_KPI]);
        char *with = malloc(n + 6);
        if (!with)
            c->oom = 1;
        else {
            memcpy(with, "KPI: ", 5);
            memcpy(with + 5, cl[OAP_COL_KPI], n + 1);
            char *none = NULL;
            if (oap_import__split_kpis(with, &none, on_kpi, &kc) == OAP_ENOMEM)
                c->oom = 1;
            free(none);
            free(with);
        }
    }
    out->kpis = list_take(c, &kpis);

    if (cl[OAP_COL_JUNE][0] || cl[OAP_COL_DECEMBER][0] || cl[OAP_COL_STATUS][0]) {
        out->results.june = cl[OAP_COL_JUNE][0] ? oap_import__arena_str(c, cl[OAP_COL_JUNE]) : NULL;
        out->results.december =
            cl[OAP_COL_DECEMBER][0] ? oap_import__arena_str(c, cl[OAP_COL_DECEMBER]) : NULL;
        out->results.status = cl[OAP_COL_STATUS][0] ? status_of(c, a, cl[OAP_COL_STATUS]) : NULL;
        out->has_results = out->results.june || out->results.december || out->results.status;
    }
    out->link = cl[OAP_COL_LINK][0] ? oap_import__arena_str(c, cl[OAP_COL_LINK]) : NULL;

    strlist notes_out = {0};
    for (size_t i = 0; i < nmarks; i++) {
        oap_import__footnote *fn = oap_import__footnote_find(&c->notes, marks[i]);
        int again = 0;
        for (size_t j = 0; j < i; j++)
            again |= marks[j] == marks[i];
        if (!fn || again)
            continue;
        fn->used = 1;
        char *t = oap_import__clean(fn->text, NULL, NULL, NULL, 0);
        if (!t) {
            c->oom = 1;
            continue;
        }
        list_add(c, &notes_out, arena_or_null(c, t));
    }
    for (const char *s = cl[OAP_COL_NOTES]; *s;) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        list_add(c, &notes_out, oap_arena_strndup(&c->model->arena, s, n));
        s += n + (e ? 1 : 0);
    }
    out->notes = list_take(c, &notes_out);
done:
    for (int k = 0; k < OAP_COL_COUNT; k++)
        free(cl[k]);
}

static int cmp_note(const void *x, const void *y)
{
    const oap_import__footnote *a = x, *b = y;
    if (a->number != b->number)
        return a->number < b->number ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

/* Sorts the footnotes and keeps the first of each number. */
static void settle_footnotes(oap_import__ctx *c)
{
    oap_import__footnotes *f = &c->notes;
    if (f->n == 0)
        return;
    qsort(f->items, f->n, sizeof *f->items, cmp_note);
    size_t w = 0;
    for (size_t r = 0; r < f->n; r++) {
        if (w > 0 && f->items[w - 1].number == f->items[r].number) {
            oap_import__msg(c, f->items[r].line, OAP_IMPORT_WARNING,
                            "a second footnote %u (the first is on line %u); not imported",
                            f->items[r].number, f->items[w - 1].line);
            free(f->items[r].text);
            continue;
        }
        f->items[w++] = f->items[r];
    }
    f->n = w;
}

static const char *pick(oap_import__ctx *c, const char *a, const char *b)
{
    return a ? oap_import__arena_str(c, a) : b ? oap_import__arena_str(c, b) : NULL;
}

/* An actor named in a metadata row: its code when known. */
static const char *actor_text(oap_import__ctx *c, const char *s)
{
    strlist l = {0};
    actor_ctx ac = {
        c, &l, NULL, "the Driver row", c->meta.driver_line, OAP_STRMAP_INIT, OAP_STRMAP_INIT};
    oap_import__actor_cb cb = {on_actor, on_dropped, &ac};
    if (oap_import__split_actors(s, 0, &cb) == OAP_ENOMEM)
        c->oom = 1;
    oap_strmap_free(&ac.seen);
    const char *out = l.n > 0 ? l.items[0] : NULL;
    free(l.items);
    return out;
}

oap_plan *oap_import__build_plan(oap_import__ctx *c)
{
    oap_plan *p = oap_model_add_plan(c->model);
    if (!p) {
        c->oom = 1;
        return NULL;
    }
    p->version = 1;
    p->file = oap_import__arena_str(c, c->file);
    const char *priority = c->opts->priority  ? c->opts->priority
                           : c->meta.priority ? c->meta.priority
                                              : c->front.priority;
    int year = c->opts->year ? c->opts->year : c->meta.year ? c->meta.year : c->front.year;
    p->priority = oap_import__arena_str(c, priority);
    p->year = year;
    char id[80];
    snprintf(id, sizeof id, "%d-%s", year, priority);
    p->id = c->meta.id ? oap_import__arena_str(c, c->meta.id) : oap_import__arena_str(c, id);
    if (c->meta.title || c->front.title) {
        p->title = pick(c, c->meta.title, c->front.title);
    } else {
        char t[64];
        snprintf(t, sizeof t, "Priority %s", priority);
        p->title = oap_import__arena_str(c, t);
        oap_import__msg(
            c, 0, OAP_IMPORT_NOTE,
            "the table gives no title for the priority; \"%s\" is used (add a \"Title: ...\" "
            "row above the header)",
            t);
    }
    p->aim = pick(c, c->meta.aim, c->front.aim);
    p->cycle = pick(c, c->meta.cycle, c->front.cycle);
    p->document = pick(c, c->meta.document, c->front.document);
    p->classification = pick(c, c->meta.classification,
                             c->front.classification ? c->front.classification : c->first_marking);
    if (c->meta.driver)
        p->driver = actor_text(c, c->meta.driver);
    else
        p->driver = pick(c, c->front.driver, NULL);

    strlist support = {0};
    if (c->meta.support) {
        actor_ctx ac = {c,
                        &support,
                        NULL,
                        "the Support row",
                        c->meta.support_line,
                        OAP_STRMAP_INIT,
                        OAP_STRMAP_INIT};
        oap_import__actor_cb cb = {on_actor, on_dropped, &ac};
        if (oap_import__split_actors(c->meta.support, 0, &cb) == OAP_ENOMEM)
            c->oom = 1;
        oap_strmap_free(&ac.seen);
    } else {
        for (size_t i = 0; i < c->front.nsupport; i++)
            list_add(c, &support, oap_import__arena_str(c, c->front.support[i]));
    }
    p->support = list_take(c, &support);

    size_t nov = c->meta.noverlaps + c->front.noverlaps;
    if (nov > 0) {
        p->overlaps = oap_arena_alloc(&c->model->arena, nov * sizeof *p->overlaps);
        if (!p->overlaps) {
            c->oom = 1;
            return NULL;
        }
        for (size_t i = 0; i < c->front.noverlaps; i++)
            p->overlaps[p->noverlaps++] =
                (oap_overlap){oap_import__arena_str(c, c->front.overlaps[i].priority),
                              oap_import__arena_str(c, c->front.overlaps[i].note)};
        for (size_t i = 0; i < c->meta.noverlaps; i++)
            p->overlaps[p->noverlaps++] = (oap_overlap){
                oap_import__arena_str(c, c->meta.overlaps[i].priority),
                c->meta.overlaps[i].note ? oap_import__arena_str(c, c->meta.overlaps[i].note)
                                         : NULL};
    }

    if (c->ngoals > 0) {
        p->goals = oap_arena_alloc(&c->model->arena, c->ngoals * sizeof *p->goals);
        if (!p->goals) {
            c->oom = 1;
            return NULL;
        }
        for (size_t i = 0; i < c->ngoals; i++)
            p->goals[p->ngoals++] =
                (oap_goal){.at = (uint32_t)i,
                           .id = c->goals[i].id,
                           .title = oap_import__arena_str(c, c->goals[i].title)};
    }

    settle_footnotes(c);
    if (c->nactions > 0) {
        p->actions = oap_arena_alloc(&c->model->arena, c->nactions * sizeof *p->actions);
        if (!p->actions) {
            c->oom = 1;
            return NULL;
        }
        for (size_t i = 0; i < c->nactions && !c->oom; i++) {
            p->actions[p->nactions].at = (uint32_t)i;
            finish_action(c, &c->actions[i], &p->actions[p->nactions++]);
        }
    }
    for (size_t i = 0; i < c->notes.n; i++)
        if (!c->notes.items[i].used) {
            char q[80];
            oap_import__quote(q, c->notes.items[i].text, strlen(c->notes.items[i].text));
            oap_import__msg(
                c, c->notes.items[i].line, OAP_IMPORT_WARNING,
                "footnote %u (\"%s\") is marked in no cell of an action; cannot place it",
                c->notes.items[i].number, q);
        }
    for (size_t k = 0; k < c->ncols; k++) {
        oap_import__colinfo *ci = &c->cols[k];
        if (ci->col >= 0 || ci->nonempty == 0)
            continue;
        char what[160], cells[96];
        if (ci->col == OAP_COL_UNNAMED)
            snprintf(what, sizeof what, "column %zu has no name in the header row", k + 1);
        else if (ci->col == OAP_COL_UNKNOWN)
            snprintf(what, sizeof what, "column %zu \"%s\" is not a column of an OAP table", k + 1,
                     ci->name);
        else
            continue; /* a repeated column: said at the header */
        if (ci->nonempty == 1)
            snprintf(cells, sizeof cells, "its cell with text on line %u is not imported",
                     ci->first_line);
        else
            snprintf(cells, sizeof cells,
                     "its %u cells with text (the first on line %u) are not imported", ci->nonempty,
                     ci->first_line);
        oap_import__msg(c, c->header_line, OAP_IMPORT_WARNING, "%s; %s", what, cells);
    }
    return c->oom ? NULL : p;
}
