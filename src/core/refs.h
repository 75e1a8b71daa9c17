/* refs: what the floors above need of the reference grammar besides the public part:
 * mentions of actions in free text, goal ids by shape. */
#ifndef OAP_CORE_REFS_H
#define OAP_CORE_REFS_H

#include "oapgraph/refs.h"

#include <stddef.h>

/* Finds mentions of actions in free text (titles, descriptions, timing): "Action 2.1",
 * "see Action 2.1", "Actions 1.1 and 1.3", "actions 1.1, 1.2 and 1.3". Only numbers
 * with at least one dot ("2.1", "1.2.3") that follow the word Action/Actions (any
 * case), or continue such a list through ",", ";", "and", "or", "&", count; so "2.1"
 * in "a 2.1 ratio", "Section 5.2", dates like "15.12.2011" and "action 2012" are not
 * mentions. "Action 2.1#1" mentions "2.1". Calls found(ctx, id, offset) for each with
 * the id (NUL-terminated, at most OAP_REF_ID_MAX bytes; longer numbers are skipped)
 * and its byte offset in text. */
void oap_refs_find_mentions(const char *text,
                            void (*found)(void *ctx, const char *id, size_t offset), void *ctx);

/* Non-zero when an id is a goal id by shape: "SG" (any case), optional blanks, then
 * digits and nothing else ("SG2", "SG 2", "sg2"); the forms oap_ref_parse reads as a
 * goal. It lets readers of table text and resolution tell goals from actions. */
int oap_ref_is_goal_id(const char *id);

#endif
