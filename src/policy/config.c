/* config: the .oapgraph.json file: rule severities, extra actors, the overlap threshold. */
#define _POSIX_C_SOURCE 200809L
#include "oapgraph/policy.h"

#include "oapgraph/common.h"
#include "core/actors.h"
#include "core/arena.h"
#include "core/suggest.h"
#include "load/json_reader.h"
#include "load/json_util.h"
#include "load/read.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct oap_config {
    oap_arena arena;
    const char *name;      /* the file it was read from, as named */
    const char **rule_ids; /* NULL-terminated */
    oap_severity *rule_severities;
    const char **actors;  /* NULL-terminated, or NULL when the config has none */
    const char **exclude; /* globs, NULL-terminated, or NULL when the config has none */
    double overlap_threshold;
    int has_rules, has_overlap;
};

static const char *const top_keys[] = {"$schema", "rules", "actors", "overlap", "exclude", NULL};
static const char *const overlap_keys[] = {"threshold", NULL};
static const char *const actor_keys[] = {"code", "name", "kind", NULL};
static const char *const severities[] = {"error", "warning", "info", "off", NULL};

/* A config being read: its problems are messages, located at once. */
typedef struct ctx {
    oap_json_reader r;
    oap_config *cfg;
} ctx;

static size_t list_len(const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    return n;
}

/* The rule ids a config may name: the registry's and stale-baseline; malloc'ed. */
static const char **known_rules(size_t *n)
{
    size_t count = oap_rule_count();
    const char **ids = malloc((count + 2) * sizeof *ids);
    if (!ids)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < count; i++)
        ids[k++] = oap_rule_at(i)->id;
    if (!oap_rule_find(OAP_BASELINE_RULE))
        ids[k++] = OAP_BASELINE_RULE;
    ids[k] = NULL;
    *n = k;
    return ids;
}

static void read_rules(ctx *c, json_t *rules)
{
    oap_json_reader *r = &c->r;
    size_t nknown = 0;
    const char **known = known_rules(&nknown);
    size_t n = json_object_size(rules);
    c->cfg->rule_ids = oap_arena_alloc(&c->cfg->arena, (n + 1) * sizeof *c->cfg->rule_ids);
    c->cfg->rule_severities =
        oap_arena_alloc(&c->cfg->arena, (n + 1) * sizeof *c->cfg->rule_severities);
    if (!known || !c->cfg->rule_ids || !c->cfg->rule_severities) {
        r->oom = 1;
        goto done;
    }
    size_t saved = oap_json_push(r, "rules"), k = 0;
    const char *id;
    json_t *value;
    json_object_foreach(rules, id, value)
    {
        size_t at = oap_json_push(r, id);
        const char *name = json_string_value(value);
        int sev = name ? oap_severity_parse(name, 1) : -1;
        /* "warn" is what eslint's configs write: read as "warning", nothing else is
         * shortened ("err" is not eslint's either). */
        if (name && strcmp(name, "warn") == 0)
            sev = OAP_SEVERITY_WARNING;
        if (!oap_json_in_list(id, known)) {
            const char *near = oap_suggest_nearest(id, known, nknown);
            if (near)
                oap_json_report(r, "schema", 1,
                                "unknown rule \"%s\" in \"rules\"; did you mean \"%s\"?", id, near);
            else
                oap_json_report(r, "schema", 1, "unknown rule \"%s\" in \"rules\"", id);
        } else if (!name) {
            oap_json_report(r, "schema", 0,
                            "the severity of \"%s\" in \"rules\" must be \"error\", \"warning\", "
                            "\"info\" or \"off\", not %s",
                            id, oap_json_type_name(value));
        } else if (sev < 0) {
            const char *near = oap_suggest_nearest(name, severities, list_len(severities));
            if (near)
                oap_json_report(
                    r, "schema", 0,
                    "rule \"%s\" in \"rules\" has severity \"%s\"; did you mean \"%s\"?", id, name,
                    near);
            else
                oap_json_report(r, "schema", 0,
                                "rule \"%s\" in \"rules\" has severity \"%s\"; expected \"error\", "
                                "\"warning\", \"info\" or \"off\"",
                                id, name);
        } else if (oap_rule_clamp_severity(oap_rule_find(id), (oap_severity)sev) !=
                   (oap_severity)sev) {
            oap_json_report(r, "schema", 0,
                            "rule \"%s\" cannot be set to \"%s\": it reports files that cannot "
                            "be read as plans, which must never pass unseen; \"warning\" is the "
                            "lowest it goes",
                            id, name);
        } else if (!(c->cfg->rule_ids[k] = oap_arena_strdup(&c->cfg->arena, id))) {
            r->oom = 1;
        } else {
            c->cfg->rule_severities[k++] = (oap_severity)sev;
        }
        oap_json_pop(r, at);
    }
    c->cfg->rule_ids[k] = NULL;
    c->cfg->has_rules = 1;
    oap_json_pop(r, saved);
done:
    free(known);
}

/* One item of "actors": its code, or NULL when the item is wrong (reported). The code
 * names the actor in what is wrong with its name or kind. */
static const char *read_actor(ctx *c, json_t *item)
{
    oap_json_reader *r = &c->r;
    if (json_is_string(item)) {
        if (!*json_string_value(item)) {
            oap_json_report(r, "schema", 0, "an actor in \"actors\" must not be an empty string");
            return NULL;
        }
        return json_string_value(item);
    }
    if (!json_is_object(item)) {
        oap_json_report(r, "schema", 0,
                        "an actor in \"actors\" must be a code or an object with \"code\", not %s",
                        oap_json_type_name(item));
        return NULL;
    }
    oap_json_describe(r, "an actor of \"actors\"");
    oap_json_check_keys(r, item, actor_keys, NULL);
    oap_json_describe(r, "an actor in \"actors\"");
    oap_json_check_keys(r, item, NULL, (const char *const[]){"code", NULL});
    json_t *v = json_object_get(item, "code");
    if (!v)
        return NULL;
    if (!json_is_string(v) || !*json_string_value(v)) {
        size_t saved = oap_json_push(r, "code");
        oap_json_report(r, "schema", 0, "\"code\" of an actor must be a non-empty string, not %s",
                        json_is_string(v) ? "an empty string" : oap_json_type_name(v));
        oap_json_pop(r, saved);
        return NULL;
    }
    const char *code = json_string_value(v);
    const char *of = oap_arena_printf(&c->cfg->arena, "actor \"%s\"", code);
    if (!of)
        r->oom = 1;
    oap_json_get(r, item, "name", JSON_STRING, of, "a string");
    json_t *kind = oap_json_get(r, item, "kind", JSON_STRING, of, "a string");
    if (kind && oap_actor_kind_parse(json_string_value(kind)) < 0) {
        size_t nkinds;
        const char *const *kinds = oap_actor_kinds(&nkinds);
        const char *name = json_string_value(kind);
        const char *near = oap_suggest_nearest(name, kinds, nkinds);
        size_t saved = oap_json_push(r, "kind");
        if (near) {
            oap_json_report(r, "schema", 0, "actor \"%s\" has kind \"%s\"; did you mean \"%s\"?",
                            code, name, near);
        } else {
            char list[160];
            oap_actor_kinds_list(list, sizeof list, " or ");
            oap_json_report(r, "schema", 0, "actor \"%s\" has kind \"%s\"; expected %s", code, name,
                            list);
        }
        oap_json_pop(r, saved);
    }
    return code;
}

/* The items of the array arr under key, each read by read (its text, or NULL when the
 * item is wrong: reported, and left out), as a NULL-terminated array in the arena. */
static const char **read_list(ctx *c, json_t *arr, const char *key,
                              const char *(*read)(ctx *c, json_t *item))
{
    oap_json_reader *r = &c->r;
    size_t n = json_array_size(arr), k = 0;
    const char **list = oap_arena_alloc(&c->cfg->arena, (n + 1) * sizeof *list);
    if (!list) {
        r->oom = 1;
        return NULL;
    }
    size_t saved = oap_json_push(r, key);
    for (size_t i = 0; i < n; i++) {
        size_t at = oap_json_push_index(r, i);
        const char *text = read(c, json_array_get(arr, i));
        oap_json_pop(r, at);
        if (text && !(list[k++] = oap_arena_strdup(&c->cfg->arena, text)))
            r->oom = 1;
    }
    list[k] = NULL;
    oap_json_pop(r, saved);
    return list;
}

/* One item of "exclude": a glob of paths a folder walk leaves out, as --exclude gives it. */
static const char *read_glob(ctx *c, json_t *item)
{
    const char *glob = json_string_value(item);
    if (glob && *glob)
        return glob;
    oap_json_report(&c->r, "schema", 0,
                    "an item of \"exclude\" must be a glob of paths (\"*/drafts/*\"), not %s",
                    glob ? "an empty string" : oap_json_type_name(item));
    return NULL;
}

static void read_overlap(ctx *c, json_t *overlap)
{
    oap_json_reader *r = &c->r;
    size_t saved = oap_json_push(r, "overlap");
    oap_json_describe(r, "\"overlap\"");
    oap_json_check_keys(r, overlap, overlap_keys, NULL);
    json_t *t = json_object_get(overlap, "threshold");
    if (t) {
        size_t at = oap_json_push(r, "threshold");
        double v = json_number_value(t);
        if (!json_is_number(t))
            oap_json_report(r, "schema", 0,
                            "\"threshold\" in \"overlap\" must be a number from 0 to 1, not %s",
                            oap_json_type_name(t));
        else if (!(v >= 0.0 && v <= 1.0))
            oap_json_report(r, "schema", 0,
                            "\"threshold\" in \"overlap\" must be from 0 to 1, not %g", v);
        else {
            c->cfg->overlap_threshold = v;
            c->cfg->has_overlap = 1;
        }
        oap_json_pop(r, at);
    }
    oap_json_pop(r, saved);
}

/* Every problem of the file is reported, in the order they are read: the first is the
 * one a reader stopping at the first would give. */
int oap_config_parse(oap_config **out, const char *name, const char *text, size_t len, char *err,
                     size_t errsize)
{
    json_t *root = NULL, *v;
    oap_config *cfg = calloc(1, sizeof *cfg);
    *out = NULL;
    if (!cfg)
        return OAP_ENOMEM;
    cfg->overlap_threshold = -1.0;
    cfg->name = oap_arena_strdup(&cfg->arena, name);
    ctx c = {.cfg = cfg};
    oap_json_init_messages(&c.r, name, text, len, &cfg->arena, err, errsize);
    if (!(root = oap_json_parse(&c.r)))
        goto done;
    if (!json_is_object(root)) {
        oap_json_report(&c.r, "schema", 0, "a config file must be a JSON object, not %s",
                        oap_json_type_name(root));
        goto done;
    }
    oap_json_describe(&c.r, "the config file");
    oap_json_check_keys(&c.r, root, top_keys, NULL);
    oap_json_get(&c.r, root, "$schema", JSON_STRING, NULL, "a string");
    if ((v = oap_json_get(&c.r, root, "rules", JSON_OBJECT, NULL,
                          "an object of rule ids and severities")))
        read_rules(&c, v);
    if ((v = oap_json_get(&c.r, root, "actors", JSON_ARRAY, NULL, "an array of actor codes")))
        cfg->actors = read_list(&c, v, "actors", read_actor);
    if ((v = oap_json_get(&c.r, root, "overlap", JSON_OBJECT, NULL, "an object")))
        read_overlap(&c, v);
    if ((v = oap_json_get(&c.r, root, "exclude", JSON_ARRAY, NULL, "an array of globs")))
        cfg->exclude = read_list(&c, v, "exclude", read_glob);
    if (!c.r.oom && !c.r.problems) {
        *out = cfg;
        cfg = NULL;
    }
done:
    json_decref(root);
    oap_config_free(cfg);
    return c.r.oom ? OAP_ENOMEM : c.r.problems ? OAP_EINVAL : 0;
}

int oap_config_read(oap_config **out, const char *path, size_t max_bytes, char *err, size_t errsize)
{
    char *text = NULL;
    size_t len = 0;
    *out = NULL;
    int rc = oap_read_file(path, max_bytes, &text, &len, err, errsize);
    if (rc == 0)
        rc = oap_config_parse(out, path, text, len, err, errsize);
    free(text);
    return rc;
}

const char *const *oap_config_exclude(const oap_config *cfg)
{
    return cfg->exclude;
}

const char *oap_config_name(const oap_config *cfg)
{
    return cfg->name ? cfg->name : "";
}

void oap_config_free(oap_config *cfg)
{
    if (!cfg)
        return;
    oap_arena_free(&cfg->arena);
    free(cfg);
}

void oap_config_apply(const oap_config *cfg, oap_check_options *opts)
{
    if (cfg->has_rules) {
        opts->rule_ids = cfg->rule_ids;
        opts->rule_severities = cfg->rule_severities;
    }
    if (cfg->actors)
        opts->extra_actors = cfg->actors;
    if (cfg->has_overlap)
        opts->overlap_threshold = cfg->overlap_threshold;
}

/* Upward from ".": the folder and its parent are the same file at the root. */
int oap_config_find(char **out)
{
    enum { MAX_DEPTH = 128 };
    *out = NULL;
    char prefix[3 * MAX_DEPTH + 1] = "";
    size_t plen = 0;
    /* The search ends at the repository's top (a folder holding .git) or the home folder:
     * a config above them belongs to someone else, and could silence the whole run. */
    struct stat home;
    const char *home_dir = getenv("HOME");
    int have_home = home_dir && *home_dir && stat(home_dir, &home) == 0;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
        char path[sizeof prefix + sizeof OAP_CONFIG_NAME];
        struct stat st, here, up;
        snprintf(path, sizeof path, "%s%s", prefix, OAP_CONFIG_NAME);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            *out = strdup(path);
            return *out ? 0 : OAP_ENOMEM;
        }
        snprintf(path, sizeof path, "%s.", prefix);
        if (stat(path, &here) != 0)
            return 0;
        if (have_home && here.st_dev == home.st_dev && here.st_ino == home.st_ino)
            return 0;
        snprintf(path, sizeof path, "%s.git", prefix);
        if (lstat(path, &st) == 0)
            return 0;
        snprintf(path, sizeof path, "%s..", prefix);
        if (stat(path, &up) != 0 || (here.st_dev == up.st_dev && here.st_ino == up.st_ino))
            return 0;
        memcpy(prefix + plen, "../", 4);
        plen += 3;
    }
    return 0;
}
