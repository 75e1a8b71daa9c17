/* config: the .oapgraph.json file: rule severities, extra actors, the overlap threshold. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include "oapgraph/common.h"
#include "oapgraph/policy.h"
#include "core/actors.h"
#include "core/arena.h"
#include "core/suggest.h"
#include "load/load_json.h"
#include "load/read.h"
#include "load/srcmap.h"

#include <errno.h>
#include "load/json_util.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct oap_config {
    oap_arena arena;
    const char **rule_ids; /* NULL-terminated */
    oap_severity *rule_severities;
    const char **actors; /* NULL-terminated, or NULL when the config has none */
    double overlap_threshold;
    int has_rules, has_overlap;
};

static const char *const top_keys[] = {"$schema", "rules", "actors", "overlap", NULL};
static const char *const overlap_keys[] = {"threshold", NULL};
static const char *const actor_keys[] = {"code", "name", "kind", NULL};
static const char *const severities[] = {"error", "warning", "info", "off", NULL};

void oap_policy__located_error(char *err, size_t errsize, const char *name, const char *text,
                               size_t len, const char *pointer, int at_key, unsigned line,
                               unsigned col, const char *fmt, ...)
{
    if (pointer) {
        oap_srcmap_query q = {.pointer = pointer, .at_key = at_key};
        if (oap_srcmap_locate(text, len, &q, 1) == 0) {
            line = q.line;
            col = q.col;
        }
    }
    int n = snprintf(err, errsize, "%s:%u:%u: ", name, line ? line : 1, line ? col : 1);
    if (n < 0 || (size_t)n >= errsize)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + n, errsize - (size_t)n, fmt, ap);
    va_end(ap);
}

/* A parse in progress: the text (after any byte-order mark) for locating errors. */
typedef struct ctx {
    oap_config *cfg;
    const char *name;
    const char *text;
    size_t len;
    char *err;
    size_t errsize;
    char pointer[1024];
    size_t plen;
} ctx;

static int fail(ctx *c, int at_key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Reports the problem at the current pointer; returns OAP_EINVAL. */
static int fail(ctx *c, int at_key, const char *fmt, ...)
{
    char message[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    oap_policy__located_error(c->err, c->errsize, c->name, c->text, c->len, c->pointer, at_key, 0,
                              0, "%s", message);
    return OAP_EINVAL;
}

static size_t push(ctx *c, const char *segment)
{
    size_t saved = c->plen;
    oap_pointer_push(c->pointer, sizeof c->pointer, &c->plen, segment);
    return saved;
}

static void pop(ctx *c, size_t saved)
{
    c->plen = saved;
    c->pointer[saved] = '\0';
}

static size_t list_len(const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    return n;
}

/* Every key of obj must be one of keys or start with "x-"; where names the object. */
static int check_keys(ctx *c, json_t *obj, const char *const *keys, const char *where)
{
    const char *key;
    json_t *value;
    json_object_foreach(obj, key, value)
    {
        if (oap_json_in_list(key, keys) || strncmp(key, "x-", 2) == 0)
            continue;
        const char *near = oap_suggest_nearest(key, keys, list_len(keys));
        push(c, key);
        if (near)
            return fail(c, 1, "unknown key \"%s\" in %s; did you mean \"%s\"?", key, where, near);
        return fail(
            c, 1, "unknown key \"%s\" in %s (keys starting with \"x-\" are free for your own use)",
            key, where);
    }
    return 0;
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

static int read_rules(ctx *c, json_t *rules)
{
    size_t saved = push(c, "rules");
    int rc = 0;
    size_t nknown = 0;
    const char **known = NULL;
    if (!json_is_object(rules)) {
        rc = fail(c, 0, "\"rules\" must be an object of rule ids and severities, not %s",
                  oap_json_type_name(rules));
        goto done;
    }
    if (!(known = known_rules(&nknown))) {
        rc = OAP_ENOMEM;
        goto done;
    }
    size_t n = json_object_size(rules);
    c->cfg->rule_ids = oap_arena_alloc(&c->cfg->arena, (n + 1) * sizeof *c->cfg->rule_ids);
    c->cfg->rule_severities =
        oap_arena_alloc(&c->cfg->arena, (n + 1) * sizeof *c->cfg->rule_severities);
    if (!c->cfg->rule_ids || !c->cfg->rule_severities) {
        rc = OAP_ENOMEM;
        goto done;
    }
    size_t k = 0;
    const char *id;
    json_t *value;
    json_object_foreach(rules, id, value)
    {
        size_t at = push(c, id);
        if (!oap_json_in_list(id, known)) {
            const char *near = oap_suggest_nearest(id, known, nknown);
            if (near)
                rc = fail(c, 1, "unknown rule \"%s\" in \"rules\"; did you mean \"%s\"?", id, near);
            else
                rc = fail(c, 1, "unknown rule \"%s\" in \"rules\"", id);
            goto done;
        }
        if (!json_is_string(value)) {
            rc = fail(c, 0,
                      "the severity of \"%s\" in \"rules\" must be \"error\", \"warning\", "
                      "\"info\" or \"off\", not %s",
                      id, oap_json_type_name(value));
            goto done;
        }
        const char *name = json_string_value(value);
        int sev = oap_severity_parse(name, 1);
        if (sev < 0) {
            const char *near = oap_suggest_nearest(name, severities, list_len(severities));
            if (near)
                rc =
                    fail(c, 0, "rule \"%s\" in \"rules\" has severity \"%s\"; did you mean \"%s\"?",
                         id, name, near);
            else
                rc = fail(c, 0,
                          "rule \"%s\" in \"rules\" has severity \"%s\"; expected \"error\", "
                          "\"warning\", \"info\" or \"off\"",
                          id, name);
            goto done;
        }
        pop(c, at);
        if (!(c->cfg->rule_ids[k] = oap_arena_strdup(&c->cfg->arena, id))) {
            rc = OAP_ENOMEM;
            goto done;
        }
        c->cfg->rule_severities[k++] = (oap_severity)sev;
    }
    c->cfg->rule_ids[k] = NULL;
    c->cfg->has_rules = 1;
done:
    free(known);
    pop(c, saved);
    return rc;
}

static int read_actor(ctx *c, json_t *item, const char **code)
{
    if (json_is_string(item)) {
        *code = json_string_value(item);
        if (!**code)
            return fail(c, 0, "an actor in \"actors\" must not be an empty string");
        return 0;
    }
    if (!json_is_object(item))
        return fail(c, 0,
                    "an actor in \"actors\" must be a code or an object with \"code\", not %s",
                    oap_json_type_name(item));
    int rc = check_keys(c, item, actor_keys, "an actor of \"actors\"");
    if (rc < 0)
        return rc;
    json_t *v = json_object_get(item, "code");
    if (!v)
        return fail(c, 0, "an actor in \"actors\" has no \"code\", which is required");
    size_t saved = push(c, "code");
    if (!json_is_string(v) || !*json_string_value(v))
        return fail(c, 0, "\"code\" of an actor must be a non-empty string, not %s",
                    json_is_string(v) ? "an empty string" : oap_json_type_name(v));
    pop(c, saved);
    *code = json_string_value(v);
    if ((v = json_object_get(item, "name")) && !json_is_string(v)) {
        push(c, "name");
        return fail(c, 0, "\"name\" of actor \"%s\" must be a string, not %s", *code,
                    oap_json_type_name(v));
    }
    if ((v = json_object_get(item, "kind"))) {
        push(c, "kind");
        if (!json_is_string(v))
            return fail(c, 0, "\"kind\" of actor \"%s\" must be a string, not %s", *code,
                        oap_json_type_name(v));
        const char *kind = json_string_value(v);
        size_t nkinds;
        const char *const *kinds = oap_actor_kinds(&nkinds);
        const char *near = oap_suggest_nearest(kind, kinds, nkinds);
        if (oap_actor_kind_parse(kind) < 0 && near)
            return fail(c, 0, "actor \"%s\" has kind \"%s\"; did you mean \"%s\"?", *code, kind,
                        near);
        if (oap_actor_kind_parse(kind) < 0) {
            char list[160];
            oap_actor_kinds_list(list, sizeof list, " or ");
            return fail(c, 0, "actor \"%s\" has kind \"%s\"; expected %s", *code, kind, list);
        }
        pop(c, saved);
    }
    return 0;
}

static int read_actors(ctx *c, json_t *actors)
{
    size_t saved = push(c, "actors");
    if (!json_is_array(actors))
        return fail(c, 0, "\"actors\" must be an array of actor codes, not %s",
                    oap_json_type_name(actors));
    size_t n = json_array_size(actors);
    c->cfg->actors = oap_arena_alloc(&c->cfg->arena, (n + 1) * sizeof *c->cfg->actors);
    if (!c->cfg->actors)
        return OAP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        char num[32];
        snprintf(num, sizeof num, "%zu", i);
        size_t at = push(c, num);
        const char *code = NULL;
        int rc = read_actor(c, json_array_get(actors, i), &code);
        if (rc < 0)
            return rc;
        pop(c, at);
        if (!(c->cfg->actors[i] = oap_arena_strdup(&c->cfg->arena, code)))
            return OAP_ENOMEM;
    }
    c->cfg->actors[n] = NULL;
    pop(c, saved);
    return 0;
}

static int read_overlap(ctx *c, json_t *overlap)
{
    size_t saved = push(c, "overlap");
    if (!json_is_object(overlap))
        return fail(c, 0, "\"overlap\" must be an object, not %s", oap_json_type_name(overlap));
    int rc = check_keys(c, overlap, overlap_keys, "\"overlap\"");
    if (rc < 0)
        return rc;
    json_t *t = json_object_get(overlap, "threshold");
    if (t) {
        push(c, "threshold");
        if (!json_is_number(t))
            return fail(c, 0, "\"threshold\" in \"overlap\" must be a number from 0 to 1, not %s",
                        oap_json_type_name(t));
        double v = json_number_value(t);
        if (!(v >= 0.0 && v <= 1.0))
            return fail(c, 0, "\"threshold\" in \"overlap\" must be from 0 to 1, not %g", v);
        c->cfg->overlap_threshold = v;
        c->cfg->has_overlap = 1;
    }
    pop(c, saved);
    return 0;
}

/* jansson's parse error at its line and column; a byte that is not UTF-8 is placed from
 * the byte offset, where jansson's column is one short, and a duplicate key where it
 * starts, not where jansson noticed it. */
static int parse_error(ctx *c, const json_error_t *e)
{
    unsigned line = e->line > 0 ? (unsigned)e->line : 1;
    unsigned col = e->column > 0 ? (unsigned)e->column : 1;
    size_t at = e->position > 0 ? (size_t)e->position : 0;
    if (json_error_code(e) == json_error_invalid_utf8 && at <= c->len)
        oap_srcmap_offset(c->text, c->len, at, &line, &col);
    if (json_error_code(e) == json_error_duplicate_key && at >= 2 && at <= c->len &&
        c->text[at - 1] == '"') {
        size_t start = at - 1; /* the key's closing quote; find its opening one */
        while (start > 0 &&
               !(c->text[start - 1] == '"' && (start < 2 || c->text[start - 2] != '\\')))
            start--;
        size_t key_len = at - start - 1;
        if (start > 0)
            oap_srcmap_offset(c->text, c->len, start - 1, &line, &col);
        oap_policy__located_error(c->err, c->errsize, c->name, c->text, c->len, NULL, 0, line, col,
                                  "duplicate key \"%.*s\"; JSON readers silently keep only the "
                                  "last value",
                                  (int)(key_len > 200 ? 200 : key_len), c->text + start);
        return OAP_EINVAL;
    }
    oap_policy__located_error(c->err, c->errsize, c->name, c->text, c->len, NULL, 0, line, col,
                              "not valid JSON: %s", e->text);
    return OAP_EINVAL;
}

int oap_config_parse(oap_config **out, const char *name, const char *text, size_t len, char *err,
                     size_t errsize)
{
    int rc = 0;
    json_t *root = NULL;
    oap_config *cfg = calloc(1, sizeof *cfg);
    *out = NULL;
    if (!cfg)
        return OAP_ENOMEM;
    cfg->overlap_threshold = -1.0;
    size_t bom = oap_load_bom_length(text, len);
    ctx c = {.cfg = cfg,
             .name = name,
             .text = text + bom,
             .len = len - bom,
             .err = err,
             .errsize = errsize};
    json_error_t e;
    root = json_loadb(c.text, c.len, JSON_REJECT_DUPLICATES, &e);
    if (!root) {
        rc = parse_error(&c, &e);
        goto done;
    }
    if (!json_is_object(root)) {
        rc = fail(&c, 0, "a config file must be a JSON object, not %s", oap_json_type_name(root));
        goto done;
    }
    if ((rc = check_keys(&c, root, top_keys, "the config file")) < 0)
        goto done;
    json_t *v;
    if ((v = json_object_get(root, "$schema")) && !json_is_string(v)) {
        push(&c, "$schema");
        rc = fail(&c, 0, "\"$schema\" must be a string, not %s", oap_json_type_name(v));
        goto done;
    }
    if ((v = json_object_get(root, "rules")) && (rc = read_rules(&c, v)) < 0)
        goto done;
    if ((v = json_object_get(root, "actors")) && (rc = read_actors(&c, v)) < 0)
        goto done;
    if ((v = json_object_get(root, "overlap")) && (rc = read_overlap(&c, v)) < 0)
        goto done;
    *out = cfg;
    cfg = NULL;
done:
    json_decref(root);
    oap_config_free(cfg);
    return rc;
}

int oap_config_read(oap_config **out, const char *path, char *err, size_t errsize)
{
    char *text = NULL;
    size_t len = 0;
    *out = NULL;
    int rc = oap_read_file(path, &text, &len, err, errsize);
    if (rc == 0)
        rc = oap_config_parse(out, path, text, len, err, errsize);
    free(text);
    return rc;
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
        snprintf(path, sizeof path, "%s..", prefix);
        if (stat(path, &up) != 0 || (here.st_dev == up.st_dev && here.st_ino == up.st_ino))
            return 0;
        memcpy(prefix + plen, "../", 4);
        plen += 3;
    }
    return 0;
}
