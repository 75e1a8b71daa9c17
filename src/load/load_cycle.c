/* load_cycle: a cycle file's JSON -> a cycle of the model, with loader findings. */
#include "load_cycle.h"

#include "core/strmap.h"
#include "format.h"
#include "json_util.h"

#include <stdio.h>
#include <string.h>

/* The keys the format defines, per object; NULL-terminated. */
static const char *const top_keys[] = {"$schema",      "oapgraph", "cycle", "priorities",
                                       "common_goals", "jads",     NULL};
static const char *const cycle_keys[] = {"id", "years", "title", NULL};
static const char *const priority_keys[] = {"code", "title", NULL};
static const char *const common_goal_keys[] = {"id", "title", NULL};
static const char *const jad_keys[] = {"id", "title", "window", NULL};

/* One list of a cycle file: where it is, what its items are called and keyed by. */
typedef struct list {
    const char *name;            /* the member: "common_goals" */
    const char *kind;            /* an item, in messages: "common goal" */
    const char *key;             /* the member naming an item: "id", or "code" */
    const char *const *keys;     /* the keys of an item */
    const char *const *required; /* of which required */
    int id_chars;                /* whether key must be an id ([A-Za-z0-9._-]+) */
} list;

static const list priorities = {.name = "priorities",
                                .kind = "priority",
                                .key = "code",
                                .keys = priority_keys,
                                .required = (const char *const[]){"code", NULL}};
static const list common_goals = {.name = "common_goals",
                                  .kind = "common goal",
                                  .key = "id",
                                  .keys = common_goal_keys,
                                  .required = (const char *const[]){"id", "title", NULL},
                                  .id_chars = 1};
static const list jads = {.name = "jads",
                          .kind = "JAD",
                          .key = "id",
                          .keys = jad_keys,
                          .required = (const char *const[]){"id", NULL},
                          .id_chars = 1};

/* The items of list l of root, size bytes each: each object with a usable id (or code)
 * is filled in by fill, in the file's order, and counted in *n; ids used twice within
 * the list are reported. NULL when the list is absent, wrong (reported) or out of memory
 * (r->oom set). */
static void *read_list(oap_json_reader *r, json_t *root, const list *l, size_t size, uint32_t *n,
                       const char *scope,
                       void (*fill)(oap_json_reader *r, json_t *o, void *item, const char *id,
                                    uint32_t at))
{
    json_t *arr = oap_json_get(r, root, l->name, JSON_ARRAY, NULL, "an array of objects");
    if (!arr)
        return NULL;
    size_t count = json_array_size(arr);
    char *items = oap_arena_alloc(r->arena, (count ? count : 1) * size);
    if (!items) {
        r->oom = 1;
        return NULL;
    }
    oap_strmap seen = OAP_STRMAP_INIT;
    char node[80];
    size_t saved = oap_json_push(r, l->name);
    for (size_t i = 0; i < count; i++) {
        json_t *o = json_array_get(arr, i);
        size_t inner = oap_json_push_index(r, i);
        if (oap_format_is_object(r, o, l->name, i)) {
            const char *named = oap_format_name_item(r, o, l->key, l->kind, i);
            snprintf(node, sizeof node, "%s", named);
            r->where.node = node;
            oap_json_check_keys(r, o, l->keys, l->required);
            const char *id = l->id_chars ? oap_format_get_id(r, o, l->key, l->kind)
                                         : oap_format_get_word(r, o, l->key);
            if (id) {
                fill(r, o, items + *n * size, id, (uint32_t)i);
                oap_format_check_unique(r, &seen, l->key, id, (uint32_t)i, l->kind, scope);
                (*n)++;
            }
        }
        oap_json_pop(r, inner);
    }
    oap_json_pop(r, saved);
    oap_strmap_free(&seen);
    r->where.node = "";
    return items;
}

static void fill_priority(oap_json_reader *r, json_t *o, void *item, const char *code, uint32_t at)
{
    oap_cycle_priority *p = item;
    *p = (oap_cycle_priority){at, code, oap_json_get_string(r, o, "title")};
}

static void fill_common_goal(oap_json_reader *r, json_t *o, void *item, const char *id, uint32_t at)
{
    oap_common_goal *g = item;
    const char *title = oap_json_get_string(r, o, "title");
    *g = (oap_common_goal){at, id, title ? title : ""};
}

static void fill_jad(oap_json_reader *r, json_t *o, void *item, const char *id, uint32_t at)
{
    oap_jad *j = item;
    *j = (oap_jad){at, id, oap_json_get_string(r, o, "title"), oap_format_get_window(r, o)};
}

void oap_load_cycle(oap_json_reader *r, json_t *root, oap_model *model, const char *file,
                    unsigned file_index, oap_cycle **out)
{
    oap_json_describe(r, "the cycle file");
    r->where.node = "";
    if (!json_is_object(root)) {
        oap_json_report(
            r, "schema", 0,
            "a cycle file must be a JSON object with \"oapgraph\" and \"cycle\", not %s",
            oap_json_type_name(root));
        return;
    }
    oap_json_check_keys(r, root, top_keys, (const char *const[]){"oapgraph", "cycle", NULL});

    oap_cycle cycle = {0};
    cycle.file = oap_arena_strdup(r->arena, file);
    cycle.file_index = file_index;
    cycle.schema = oap_json_get_string(r, root, "$schema");
    cycle.version = oap_format_get_version(r, root);
    int years = 0;
    json_t *meta = oap_json_get(r, root, "cycle", JSON_OBJECT, NULL, "an object");
    if (meta) {
        size_t saved = oap_json_push(r, "cycle");
        oap_json_describe(r, "\"cycle\"");
        oap_json_check_keys(r, meta, cycle_keys, (const char *const[]){"id", "years", NULL});
        cycle.id = oap_format_get_id(r, meta, "id", "cycle");
        years = oap_format_get_years(r, meta, "years", "[2026, 2029]", &cycle.first_year,
                                     &cycle.last_year);
        cycle.title = oap_json_get_string(r, meta, "title");
        oap_json_pop(r, saved);
    }
    char scope[160];
    if (cycle.id)
        snprintf(scope, sizeof scope, "cycle %s", cycle.id);
    else
        snprintf(scope, sizeof scope, "this cycle");

    cycle.priorities = read_list(r, root, &priorities, sizeof *cycle.priorities, &cycle.npriorities,
                                 scope, fill_priority);
    cycle.common_goals = read_list(r, root, &common_goals, sizeof *cycle.common_goals,
                                   &cycle.ncommon_goals, scope, fill_common_goal);
    cycle.jads = read_list(r, root, &jads, sizeof *cycle.jads, &cycle.njads, scope, fill_jad);

    if (!r->oom && cycle.id && years) {
        oap_cycle *c = oap_model_add_cycle(model);
        if (!c) {
            r->oom = 1;
            return;
        }
        uint32_t index = c->index;
        *c = cycle;
        c->index = index;
        *out = c;
    }
}
