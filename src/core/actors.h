/* actors: built-in registry of Member States, EU bodies, organisations, countries, groups. */
#ifndef OAP_CORE_ACTORS_H
#define OAP_CORE_ACTORS_H

#include <stddef.h>

/* The kinds of actor, in the order the plan format and the config list them. The registry
 * uses all but OAP_ACTOR_NETWORK, which only a plan's or config's own "actors" declare. */
typedef enum oap_actor_kind {
    OAP_ACTOR_MEMBER_STATE,
    OAP_ACTOR_AGENCY, /* EU bodies and agencies */
    OAP_ACTOR_INTERNATIONAL,
    OAP_ACTOR_THIRD_COUNTRY,
    OAP_ACTOR_GROUP,
    OAP_ACTOR_NETWORK,
    OAP_ACTOR_OTHER, /* parts of a Member State with an ISO code of their own (Réunion, ...) */
    OAP_ACTOR_KIND_COUNT
} oap_actor_kind;

typedef enum oap_actor_group {
    OAP_GROUP_NONE,
    OAP_GROUP_ALL_MS,
    OAP_GROUP_RELEVANT_MS,
    OAP_GROUP_MS_CONCERNED,
    OAP_GROUP_PRESIDENCY,
    OAP_GROUP_RELEVANT_AGENCIES,
    OAP_GROUP_RELEVANT_INTERNATIONAL
} oap_actor_group;

typedef struct oap_actor_info {
    const char *code; /* canonical code as plans should write it: "EL", "Europol", "All MS" */
    const char *name; /* "Greece", "European Union Agency for Law Enforcement Cooperation" */
    oap_actor_kind kind;
    oap_actor_group group; /* OAP_GROUP_NONE unless kind is OAP_ACTOR_GROUP */
    int member_from;       /* member states: first month of membership as year*12+month-1, else 0 */
    int member_until;      /* last month of membership (UK: 2020-01), or 0 if still a member */
} oap_actor_info;

/* Looks up a code, alias or full name as a plan writes it ("EL", "GR", "Greece", "Cefpol",
 * "COM", "European Commission", "all MS", "MS concerned"). Only exact forms match, compared
 * with ASCII letters case-folded and surrounding white space (including no-break spaces
 * from pasted Council text) ignored: "MS concerned involved in EUROSUR" is unknown. Returns
 * an entry of the static registry, or NULL when the text is unknown or NULL. No allocation:
 * a binary search over a sorted table. */
const oap_actor_info *oap_actors_find(const char *text);

/* The canonical code nearest to an unknown text, for "did you mean": by edit distance over
 * codes, aliases and names (oap_suggest_nearest's threshold), ties going to the earlier
 * entry in registry order, so "HUN" suggests "HU" rather than "HN". ISO alpha-3 codes,
 * which are not accepted as actors, suggest their country ("DEU" -> "DE", "SVN" -> "SI"),
 * and "MS" suggests "All MS". A known text gives its own canonical code. Returns a static
 * string, or NULL when nothing is close enough or memory ran out. */
const char *oap_actors_suggest(const char *text);

/* Non-zero when a is a Member State that is a member in month m (year*12+month-1). */
int oap_actor_is_member(const oap_actor_info *a, int month);

/* The Member States in month m, in protocol order (BE, BG, CZ, DK, DE, EE, IE, EL, ES, FR,
 * HR, IT, CY, LV, LT, LU, HU, MT, NL, AT, PL, PT, RO, SI, SK, FI, SE, UK): stores at most cap
 * of them in out (which may be NULL when cap is 0) and returns how many there are, which
 * may exceed cap. */
size_t oap_actors_member_states(int month, const oap_actor_info **out, size_t cap);

/* Iteration over the whole registry in registry order (Member States in protocol order, EU
 * bodies, international organisations, groups, third countries, others); oap_actors_at
 * returns NULL past the end. */
size_t oap_actors_count(void);
const oap_actor_info *oap_actors_at(size_t i);

/* The kinds as files write them ("member-state", "agency", "international",
 * "third-country", "group", "network", "other"), in the order of oap_actor_kind and
 * NULL-terminated, for key checks and suggestions; *n gets the count when n is not NULL. */
const char *const *oap_actor_kinds(size_t *n);

/* The name of kind k ("third-country"), or NULL when k is not a kind. */
const char *oap_actor_kind_name(oap_actor_kind k);

/* The kind named by text, or -1 when text names none (compared exactly). */
int oap_actor_kind_parse(const char *text);

/* Writes the kinds' names into buf (size bytes, always terminated), separated by ", " and
 * the last two by last: ", " gives "member-state, agency, ..., network, other", " or "
 * gives "..., network or other". */
void oap_actor_kinds_list(char *buf, size_t size, const char *last);

/* Module-internal, shared by actors.c, actors_table.c and the tests. */

/* One text that names an actor; actor indexes the registry. */
typedef struct oap_actors__key {
    const char *text;
    unsigned short actor;
} oap_actors__key;

/* The order of the key table: key against the len bytes of text, bytes compared unsigned
 * with ASCII letters folded to lower case; negative, zero or positive like strcmp. */
int oap_actors__compare(const char *key, const char *text, size_t len);

const oap_actor_info *oap_actors__table(size_t *n);
/* Sorted by oap_actors__compare, each text once. */
const oap_actors__key *oap_actors__keys(size_t *n);
/* Texts that only feed suggestions; none of them is also a key. */
const oap_actors__key *oap_actors__hints(size_t *n);

#endif
