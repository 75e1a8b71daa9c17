/* ids: a cgraph ID discipline that numbers names in the order they are first used. */
#include "ids.h"

#include "core/array.h"
#include "core/strmap.h"

#include <stdlib.h>
#include <string.h>

typedef struct seq_ids {
    Agraph_t *g;
    oap_strmap map; /* name -> index in names; the keys are the names themselves */
    char **names;
    size_t n, cap;
    IDTYPE anon; /* the next odd ID */
} seq_ids;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    seq_ids *s = calloc(1, sizeof *s);
    if (s) {
        s->g = g;
        s->anon = 1;
    }
    return s;
}

/* Returns TRUE with *id set, or FALSE when str is unknown and not to be made (or memory
 * ran out: cgraph then fails to make the object, and the caller sees NULL). */
static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    seq_ids *s = state;
    (void)objtype;
    if (!s)
        return FALSE;
    if (!str) {
        *id = s->anon;
        s->anon += 2;
        return TRUE;
    }
    uint32_t index;
    if (oap_strmap_get(&s->map, str, &index)) {
        *id = 2 * ((IDTYPE)index + 1);
        return TRUE;
    }
    if (!createflag || s->n >= UINT32_MAX - 1)
        return FALSE;
    if (OAP_ARRAY_RESERVE(s->names, s->cap, s->n + 1) < 0)
        return FALSE;
    /* cgraph reads names as its reference-counted strings (aghtmlstr looks before the
     * text): they must be made by agstrdup. */
    char *copy = agstrdup(s->g, str);
    if (!copy || oap_strmap_put(&s->map, copy, (uint32_t)s->n, NULL) < 0) {
        if (copy)
            agstrfree(s->g, copy);
        return FALSE;
    }
    s->names[s->n] = copy;
    *id = 2 * ((IDTYPE)s->n + 1);
    s->n++;
    return TRUE;
}

static long ids_alloc(void *state, int objtype, IDTYPE request)
{
    (void)state;
    (void)objtype;
    (void)request;
    return TRUE;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
    /* Names are kept until the graph is closed: an ID must keep naming the same string. */
    (void)state;
    (void)objtype;
    (void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    seq_ids *s = state;
    (void)objtype;
    if (!s || id == 0 || id % 2 != 0 || id / 2 > s->n)
        return NULL;
    return s->names[id / 2 - 1];
}

static void ids_close(void *state)
{
    seq_ids *s = state;
    if (!s)
        return;
    /* cgraph closes the ID discipline before its string table. */
    for (size_t i = 0; i < s->n; i++)
        agstrfree(s->g, s->names[i]);
    free(s->names);
    oap_strmap_free(&s->map);
    free(s);
}

static void ids_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

const Agiddisc_t oap_emit__seq_ids = {ids_open,  ids_map,   ids_alloc,   ids_free,
                                      ids_print, ids_close, ids_register};
