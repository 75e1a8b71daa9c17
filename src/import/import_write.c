/* import_write: a plan of the model -> a plan file (JSON), keys in the plan schema's order. */
#include "oapgraph/import.h"

#include "oapgraph/common.h"
#include "core/model.h"
#include "core/timing.h"
#include "load/json_util.h"

#include <jansson.h>
#include <string.h>

typedef struct writer {
    int bad; /* a string that is not UTF-8, or out of memory */
} writer;

/* Sets key to a new value; a NULL value (failed allocation or bad UTF-8) marks the writer. */
static void set(writer *w, json_t *obj, const char *key, json_t *value)
{
    if (!value || json_object_set_new(obj, key, value) < 0)
        w->bad = 1;
}

static json_t *str(writer *w, const char *s)
{
    json_t *v = json_stringn(s, strlen(s));
    if (!v)
        w->bad = 1;
    return v;
}

static void set_str(writer *w, json_t *obj, const char *key, const char *s)
{
    if (s)
        set(w, obj, key, str(w, s));
}

static void set_strv(writer *w, json_t *obj, const char *key, oap_strv v, int always)
{
    if (v.n == 0 && !always)
        return;
    json_t *arr = json_array();
    if (!arr) {
        w->bad = 1;
        return;
    }
    for (uint32_t i = 0; i < v.n; i++) {
        json_t *s = str(w, v.items[i]);
        if (!s || json_array_append_new(arr, s) < 0)
            w->bad = 1;
    }
    set(w, obj, key, arr);
}

static void set_window(writer *w, json_t *obj, oap_month_span span)
{
    if (!span.set)
        return;
    char a[8], b[8];
    oap_timing_format_month(span.start, a);
    oap_timing_format_month(span.end, b);
    json_t *arr = json_array();
    if (!arr || json_array_append_new(arr, str(w, a)) < 0 ||
        json_array_append_new(arr, str(w, b)) < 0)
        w->bad = 1;
    set(w, obj, "window", arr);
}

static json_t *plan_meta(writer *w, const oap_plan *p)
{
    json_t *o = json_object();
    if (!o) {
        w->bad = 1;
        return NULL;
    }
    set_str(w, o, "id", p->id);
    set_str(w, o, "priority", p->priority);
    set_str(w, o, "title", p->title ? p->title : "");
    set_str(w, o, "aim", p->aim);
    if (p->year)
        set(w, o, "year", json_integer(p->year));
    set_str(w, o, "cycle", p->cycle);
    set_str(w, o, "document", p->document);
    set_str(w, o, "classification", p->classification);
    set_str(w, o, "driver", p->driver);
    set_strv(w, o, "support", p->support, 0);
    return o;
}

static json_t *action(writer *w, const oap_action *a)
{
    json_t *o = json_object();
    if (!o) {
        w->bad = 1;
        return NULL;
    }
    set_str(w, o, "id", a->id);
    set_str(w, o, "goal", a->goal ? a->goal : "");
    set_str(w, o, "title", a->title ? a->title : "");
    set_strv(w, o, "leaders", a->leaders, 1);
    set_strv(w, o, "participants", a->participants, 0);
    set_str(w, o, "description", a->description);
    set_strv(w, o, "refs", a->refs, 0);
    set_strv(w, o, "needs", a->needs, 0);
    if (a->nphases > 0) {
        json_t *arr = json_array();
        if (!arr)
            w->bad = 1;
        for (uint32_t i = 0; arr && i < a->nphases; i++) {
            const oap_phase *ph = &a->phases[i];
            json_t *po = json_object();
            if (!po) {
                w->bad = 1;
                break;
            }
            set_str(w, po, "id", ph->id);
            set_str(w, po, "timing", ph->timing);
            set_window(w, po, ph->window);
            set_strv(w, po, "needs", ph->needs, 0);
            if (json_array_append_new(arr, po) < 0)
                w->bad = 1;
        }
        set(w, o, "phases", arr);
    }
    set_str(w, o, "timing", a->timing);
    set_window(w, o, a->window);
    set_str(w, o, "target", a->target);
    set_strv(w, o, "kpis", a->kpis, 0);
    if (a->has_results) {
        json_t *r = json_object();
        if (!r)
            w->bad = 1;
        else {
            set_str(w, r, "june", a->results.june);
            set_str(w, r, "december", a->results.december);
            set_str(w, r, "status", a->results.status);
            set(w, o, "results", r);
        }
    }
    set_strv(w, o, "notes", a->notes, 0);
    set_str(w, o, "link", a->link);
    return o;
}

int oap_import_write(FILE *out, const oap_plan *p)
{
    writer w = {0};
    int rc = 0;
    json_t *root = json_object();
    if (!root)
        return OAP_ENOMEM;
    set(&w, root, "oapgraph", json_integer(1));
    set(&w, root, "plan", plan_meta(&w, p));
    if (p->noverlaps > 0) {
        json_t *arr = json_array();
        if (!arr)
            w.bad = 1;
        for (uint32_t i = 0; arr && i < p->noverlaps; i++) {
            json_t *o = json_object();
            if (!o) {
                w.bad = 1;
                break;
            }
            set_str(&w, o, "priority", p->overlaps[i].priority);
            set_str(&w, o, "note", p->overlaps[i].note);
            if (json_array_append_new(arr, o) < 0)
                w.bad = 1;
        }
        set(&w, root, "overlaps", arr);
    }
    json_t *goals = json_array();
    for (uint32_t i = 0; goals && i < p->ngoals; i++) {
        json_t *o = json_object();
        if (!o) {
            w.bad = 1;
            break;
        }
        set_str(&w, o, "id", p->goals[i].id);
        set_str(&w, o, "title", p->goals[i].title ? p->goals[i].title : "");
        if (json_array_append_new(goals, o) < 0)
            w.bad = 1;
    }
    set(&w, root, "goals", goals);
    json_t *actions = json_array();
    for (uint32_t i = 0; actions && i < p->nactions; i++) {
        json_t *o = action(&w, &p->actions[i]);
        if (!o || json_array_append_new(actions, o) < 0)
            w.bad = 1;
    }
    set(&w, root, "actions", actions);
    if (p->nactors > 0) {
        json_t *arr = json_array();
        if (!arr)
            w.bad = 1;
        for (uint32_t i = 0; arr && i < p->nactors; i++) {
            json_t *o = json_object();
            if (!o) {
                w.bad = 1;
                break;
            }
            set_str(&w, o, "code", p->actors[i].code);
            set_str(&w, o, "name", p->actors[i].name);
            set_str(&w, o, "kind", p->actors[i].kind);
            if (json_array_append_new(arr, o) < 0)
                w.bad = 1;
        }
        set(&w, root, "actors", arr);
    }
    if (w.bad) {
        rc = OAP_EINVAL;
        goto done;
    }
    /* Objects keep insertion order (always, since jansson 2.8): the order above. */
    rc = oap_json_write(out, root);
done:
    json_decref(root);
    return rc;
}
