/* refs.h: the reference grammar of plan files, and how OAP table text reads as references. */
#ifndef OAPGRAPH_REFS_H
#define OAPGRAPH_REFS_H

#include "oapgraph/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OAP_REF_ID_MAX 64 /* longest qualifier, target or phase id, bytes, NUL excluded */

typedef enum oap_ref_kind {
    OAP_REF_NODE,    /* a goal or action id (resolution decides which) */
    OAP_REF_PRIORITY /* "*": the priority/plan as a whole */
} oap_ref_kind;

typedef struct oap_ref {
    oap_ref_kind kind;
    char qualifier[OAP_REF_ID_MAX + 1]; /* plan id or priority code; "" when unqualified */
    char target[OAP_REF_ID_MAX + 1];    /* "2.1", "SG2" (normalised), or "*" */
    char phase[OAP_REF_ID_MAX + 1];     /* phase id after '#', or "" */
} oap_ref;

typedef struct oap_ref_error {
    size_t offset;     /* byte offset in the text where reading failed */
    char message[160]; /* what was expected, e.g. `expected a goal or action id or "*"` */
} oap_ref_error;

/* Parses one reference in the reference grammar (oapgraph-format(5)) (a `refs`/`needs` element or a
 * command argument): [qualifier ":"] (action-id ["#" phase-id] | goal-id | "*").
 * Whitespace is allowed around the reference and between "SG" and its number, nowhere
 * else. Goal ids ("SG" + digits, any case) are normalised: "SG 2", "sg2" -> "SG2";
 * "SG2a" is an action id by shape. Ids use [A-Za-z0-9._-] and are at most
 * OAP_REF_ID_MAX bytes. A phase may only follow an action id. Returns 0 with *out
 * filled, or -1 with *err filled (err may be NULL). */
OAP_EXTERN int oap_ref_parse(const char *text, oap_ref *out, oap_ref_error *err);

/* Reads a table cell as written in OAP tables (I/D SG, I/D OA columns) into
 * references, in order:
 *   "SG 2", "SG2"                          -> SG2
 *   "2.1" (digits and dots)                -> 2.1
 *   "Action 2.1", "Actions 1.1 and 1.3",
 *   "OA 2.1", "OAs ..."                    -> 2.1 / 1.1, 1.3 (the word must precede an action)
 *   "priority B", "SGs in priority B"      -> B:*
 *   "priorities B and F"                   -> B:*, F:* (only the plural takes a list)
 *   "B:2.1", "2012-F:SG2", "B:*", "2.1#1"  -> the grammar of oap_ref_parse
 * separated by whitespace, ",", ";", stray full stops and the word "and". A blank cell,
 * or one holding only dashes ("-", en or em dash), gives zero references. Calls
 * add(ctx, &ref) for each reference (add may be NULL to only validate); a non-zero
 * return from add stops the reader, which returns that value. Returns 0, or -1 with
 * *err filled (err may be NULL) at the first text that cannot be read: nothing is
 * guessed, and references before the fault have already been passed to add. */
OAP_EXTERN int oap_refs_read_cell(const char *text, int (*add)(void *ctx, const oap_ref *ref),
                                  void *ctx, oap_ref_error *err);

/* Writes the reference in grammar form ("F:2.1#1", "B:*", "SG2") into buf (which may
 * be NULL when size is 0); returns the length it needed, NUL excluded (snprintf-style). */
OAP_EXTERN int oap_ref_format(const oap_ref *ref, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
