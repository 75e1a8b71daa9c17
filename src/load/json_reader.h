/* json_reader: what every jansson reader shares: where it is, what it reads, one error helper. */
#ifndef OAP_LOAD_JSON_READER_H
#define OAP_LOAD_JSON_READER_H

#include "core/arena.h"
#include "core/strmap.h"
#include "core/diag.h"
#include "core/model.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

enum { OAP_JSON_POINTER_MAX = 1024, OAP_JSON_WHAT_MAX = 160 };

/* A read in progress. Every problem goes through oap_json_report (or _at) to the sink
 * chosen at init: a finding of a rule, at the registry's default severity, with the JSON
 * pointer (the plan loader; located later by the source map), or a message located at
 * once, "name:line:col: ...", into a buffer (config and baseline). Fields may be read;
 * a caller sets max_string and where.plan itself, the pointer only through push and pop
 * and what through oap_json_describe. */
typedef struct oap_json_reader {
    const char *name; /* the file, as messages and findings name it */
    const char *text; /* the JSON text after any byte-order mark: locations count from here */
    size_t len;
    oap_arena *arena; /* the getters' strings are copied here */
    /* While share is set, a getter's string of at most OAP_JSON_SHARE_MAX bytes is copied
     * once into the arena and found again in shared (when not NULL): for the fields whose
     * values repeat across actions (actors, KPIs, timings). */
    oap_strmap *shared;
    int share;
    size_t max_string; /* longer strings are a "limit" problem and left out */

    oap_diags *diags; /* the findings sink, or NULL */
    oap_where where;  /* of findings: file, file_index, plan */

    char *err; /* the message sink: the first problem, then one a line while they fit */
    size_t errsize, errlen;
    int full; /* a message did not fit: later ones are counted, not written or located */

    size_t problems; /* reported so far, written or not */
    int oom;

    char pointer[OAP_JSON_POINTER_MAX]; /* RFC 6901, of the value being read */
    size_t plen;
    char what[OAP_JSON_WHAT_MAX]; /* that value in words, for messages: "action 2.1" */
} oap_json_reader;

/* Starts a read of text (len bytes; a leading UTF-8 byte-order mark is skipped) whose
 * problems are findings added to diags, for file number file_index of the run. Strings go
 * to arena. */
void oap_json_init_findings(oap_json_reader *r, const char *file, unsigned file_index,
                            const char *text, size_t len, oap_arena *arena, oap_diags *diags);

/* Starts a read whose problems are messages "name:line:col: message" in err (errsize
 * bytes, at least 1): the first as much as fits, each later one on a line of its own
 * when it fits whole. Strings go to arena. */
void oap_json_init_messages(oap_json_reader *r, const char *name, const char *text, size_t len,
                            oap_arena *arena, char *err, size_t errsize);

/* Parses the text, duplicate keys refused. Returns the root (the caller's, for
 * json_decref), or NULL when the text is not JSON, reported: "not valid JSON: ..."
 * ("syntax") at jansson's line and column, a duplicate key ("schema") where the key
 * starts; or NULL with r->oom set and nothing reported when jansson ran out of memory. */
json_t *oap_json_parse(oap_json_reader *r);

/* The error helper. Reports a problem of rule at the current pointer (its member name
 * when at_key), or, with _at, at line and col (1-based; col in code points). */
void oap_json_report(oap_json_reader *r, const char *rule, int at_key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void oap_json_report_at(oap_json_reader *r, const char *rule, unsigned line, unsigned col,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Descends into a member or an array item; returns what oap_json_pop takes to come back. */
size_t oap_json_push(oap_json_reader *r, const char *key);
size_t oap_json_push_index(oap_json_reader *r, size_t i);
void oap_json_pop(oap_json_reader *r, size_t saved);

/* Describes what is being read, in words, for the messages that name it. */
void oap_json_describe(oap_json_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reports every key of obj that is neither in known nor starts with "x-" (at the key,
 * "unknown-key", with the nearest known key when one is close), then every key of
 * required that obj lacks (at obj, "schema"); the messages name obj by what. Both lists
 * are NULL-terminated; a NULL known checks no key. */
void oap_json_check_keys(oap_json_reader *r, json_t *obj, const char *const *known,
                         const char *const *required);

/* oap_json_check_keys, where a key whose nearest known key is lost, a key obj lacks, says
 * what is missed without it: "...; did you mean \"year\"? <why>". A NULL why adds
 * nothing. */
void oap_json_check_keys_why(oap_json_reader *r, json_t *obj, const char *const *known,
                             const char *const *required, const char *lost, const char *why);

/* Reports v, the value at the current pointer, as not what it must be, in the one
 * wording of a wrong type: "\"key\" of <of> must be <desc>, not an integer" (without
 * " of <of>" when of is NULL or ""). */
void oap_json_report_type(oap_json_reader *r, const char *key, const char *of, const char *desc,
                          const json_t *v);

/* The member key of obj when it has type (JSON_REAL: any number, JSON_TRUE: a boolean);
 * NULL when it is absent, or of another type, reported by oap_json_report_type. */
json_t *oap_json_get(oap_json_reader *r, json_t *obj, const char *key, json_type type,
                     const char *of, const char *desc);

#define OAP_JSON_SHARE_MAX 256

/* The string member key of obj, copied to the arena; NULL when absent, not a string or
 * longer than max_string (reported, naming obj by what) or out of memory (oom set). */
const char *oap_json_get_string(oap_json_reader *r, json_t *obj, const char *key);

/* The array-of-strings member key of obj, copied to the arena; items that are not
 * strings or are too long are reported and left out, and then out.at says where each
 * kept item stood. Empty when absent or not an array (reported). */
oap_strv oap_json_get_strv(oap_json_reader *r, json_t *obj, const char *key);

/* How oap_json_get_list reads item i, which is not a string, with the pointer at it:
 * the text it stands for (in the arena), kept at index kept of the list; or NULL to
 * leave it out, having reported why. */
typedef const char *(*oap_json_item_fn)(oap_json_reader *r, json_t *item, size_t i, uint32_t kept,
                                        void *arg);

/* oap_json_get_strv, where items that are not strings are read by item (called with
 * arg) instead of being reported and left out. */
oap_strv oap_json_get_list(oap_json_reader *r, json_t *obj, const char *key, oap_json_item_fn item,
                           void *arg);

#endif
