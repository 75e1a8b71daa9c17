/* actors: lookup, suggestions and membership over the static registry in actors_table.c. */
#include "actors.h"
#include "text.h"

#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {
    "member-state", "agency", "international", "third-country", "group", "network", "other", NULL};

_Static_assert(sizeof kind_names / sizeof *kind_names == OAP_ACTOR_KIND_COUNT + 1,
               "one name per kind of oap_actor_kind");

const char *const *oap_actor_kinds(size_t *n)
{
    if (n)
        *n = OAP_ACTOR_KIND_COUNT;
    return kind_names;
}

const char *oap_actor_kind_name(oap_actor_kind k)
{
    return (unsigned)k < OAP_ACTOR_KIND_COUNT ? kind_names[k] : NULL;
}

int oap_actor_kind_parse(const char *text)
{
    for (int k = 0; k < OAP_ACTOR_KIND_COUNT; k++)
        if (strcmp(text, kind_names[k]) == 0)
            return k;
    return -1;
}

void oap_actor_kinds_list(char *buf, size_t size, const char *last)
{
    size_t len = 0;
    if (size == 0)
        return;
    buf[0] = '\0';
    for (size_t k = 0; k < OAP_ACTOR_KIND_COUNT && len < size; k++) {
        const char *sep = k == 0 ? "" : k + 1 == OAP_ACTOR_KIND_COUNT ? last : ", ";
        int n = snprintf(buf + len, size - len, "%s%s", sep, kind_names[k]);
        if (n < 0)
            return;
        len += (size_t)n;
    }
}

static int fold(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

int oap_actors__compare(const char *key, const char *text, size_t len)
{
    for (size_t i = 0;; i++) {
        int k = fold((unsigned char)key[i]);
        int t = i < len ? fold((unsigned char)text[i]) : 0;
        if (k != t || k == 0)
            return k - t;
    }
}

const oap_actor_info *oap_actors_find(const char *text)
{
    if (!text)
        return NULL;
    const char *start;
    size_t len = oap_text_trim(text, &start);
    if (len == 0)
        return NULL;
    size_t n_keys, n_actors;
    const oap_actors__key *keys = oap_actors__keys(&n_keys);
    const oap_actor_info *actors = oap_actors__table(&n_actors);
    size_t lo = 0, hi = n_keys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = oap_actors__compare(keys[mid].text, start, len);
        if (c == 0)
            return &actors[keys[mid].actor];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* The candidates are the canonical codes in registry order, then every key, then the
 * hints, so that oap_suggest_nearest's "ties go to the earlier candidate" prefers a
 * Member State's code to a third country's. The winner is found again by pointer: every
 * candidate is a distinct static string, or the same one for the same actor. */
const char *oap_actors_suggest(const char *text)
{
    if (!text)
        return NULL;
    size_t n_actors, n_keys, n_hints;
    const oap_actor_info *actors = oap_actors__table(&n_actors);
    const oap_actors__key *keys = oap_actors__keys(&n_keys);
    const oap_actors__key *hints = oap_actors__hints(&n_hints);
    size_t total = n_actors + n_keys + n_hints;
    const char *start;
    size_t len = oap_text_trim(text, &start);
    const char *result = NULL;
    const char **cand = malloc(total * sizeof *cand);
    char *word = malloc(len + 1);
    if (!cand || !word || len == 0)
        goto done;
    memcpy(word, start, len);
    word[len] = '\0';
    for (size_t i = 0; i < n_actors; i++)
        cand[i] = actors[i].code;
    for (size_t i = 0; i < n_keys; i++)
        cand[n_actors + i] = keys[i].text;
    for (size_t i = 0; i < n_hints; i++)
        cand[n_actors + n_keys + i] = hints[i].text;
    const char *hit = oap_suggest_nearest(word, cand, total);
    if (!hit)
        goto done;
    for (size_t i = 0; i < total; i++) {
        if (cand[i] != hit)
            continue;
        if (i < n_actors)
            result = actors[i].code;
        else if (i < n_actors + n_keys)
            result = actors[keys[i - n_actors].actor].code;
        else
            result = actors[hints[i - n_actors - n_keys].actor].code;
        break;
    }
done:
    free(cand);
    free(word);
    return result;
}

int oap_actor_is_member(const oap_actor_info *a, int month)
{
    if (!a || a->kind != OAP_ACTOR_MEMBER_STATE)
        return 0;
    if (month < a->member_from)
        return 0;
    return a->member_until == 0 || month <= a->member_until;
}

size_t oap_actors_member_states(int month, const oap_actor_info **out, size_t cap)
{
    size_t n_actors, count = 0;
    const oap_actor_info *actors = oap_actors__table(&n_actors);
    /* The table lists Member States first and in protocol order. */
    for (size_t i = 0; i < n_actors; i++) {
        if (!oap_actor_is_member(&actors[i], month))
            continue;
        if (count < cap)
            out[count] = &actors[i];
        count++;
    }
    return count;
}

size_t oap_actors_count(void)
{
    size_t n;
    (void)oap_actors__table(&n);
    return n;
}

const oap_actor_info *oap_actors_at(size_t i)
{
    size_t n;
    const oap_actor_info *actors = oap_actors__table(&n);
    return i < n ? &actors[i] : NULL;
}
