/* diag.h: findings, the one thing every stage of oapgraph produces. */
#ifndef OAPGRAPH_DIAG_H
#define OAPGRAPH_DIAG_H

#include "oapgraph/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum oap_severity {
    OAP_SEVERITY_INFO = 0,
    OAP_SEVERITY_WARNING = 1,
    OAP_SEVERITY_ERROR = 2,
    OAP_SEVERITY_OFF = 3 /* only in configuration: the rule does not run */
} oap_severity;

/* One finding. Strings are owned by the oap_diags that holds it. */
typedef struct oap_diag {
    const char *rule; /* rule id of the registry (oapgraph/rules.h), "dangling-ref" (static) */
    oap_severity severity;
    const char *file;    /* path as given on the command line, "-" for stdin */
    unsigned line, col;  /* 1-based; col counts Unicode code points; 0 when unknown */
    const char *pointer; /* JSON pointer of the value, "/actions/3/leaders/1", or "" */
    const char *plan;    /* plan id, or "" when the file has none (yet) */
    const char *node;    /* node id within the plan ("2.1", "SG2", "2.1#1"), or "" */
    const char *related; /* the other node of a pair, qualified ("2012-F:3.1"), or "" */
    double score;        /* a measure the finding carries (an overlap's score), or 0 */
    const char *message;
    /* What the finding concerns inside its node, as the fingerprint reads it: a reference
     * or an actor as written ("B:*"), or the key path of its value inside the node
     * ("leaders/1" in action 1.1, "timing", "plan/year"); "" when the node is all. */
    const char *key;
    /* Appended after 0.1.0. The line of the file at line, as written (no line break; a
     * byte-order mark left out), to show under the finding; NULL when not known (before
     * locating, line 0, a file not read). Raw plan text: escape it before showing it. */
    const char *source;
} oap_diag;

typedef struct oap_diags oap_diags;

OAP_EXTERN int oap_diags_new(oap_diags **out);
OAP_EXTERN void oap_diags_free(oap_diags *diags);
OAP_EXTERN size_t oap_diags_count(const oap_diags *diags);
OAP_EXTERN const oap_diag *oap_diags_at(const oap_diags *diags, size_t i);

/* Sorts by file (in the order files were read), line, column, rule and message,
 * and drops exact duplicates. */
OAP_EXTERN void oap_diags_sort(oap_diags *diags);

/* Counts findings at or above a severity. */
OAP_EXTERN size_t oap_diags_count_at_least(const oap_diags *diags, oap_severity min);

/* What identifies a finding across runs: "0123456789abcdef" or, for the k-th identical
 * finding of a run (k >= 2), "...:k". */
enum { OAP_FINGERPRINT_SIZE = 40 };

typedef struct oap_fingerprint {
    char text[OAP_FINGERPRINT_SIZE];
} oap_fingerprint;

/* The fingerprint of every finding of diags, in the order held: 16 hex digits of FNV-1a
 * (64 bits) over what identifies a finding: its rule; its plan id (for a finding outside
 * any plan, such as a syntax error, the base name of its file); the node it is about, or
 * for a pair both nodes, qualified and sorted; and its key (oap_diag.key). Never the
 * message, a line, a column or an array position of another node: reformatting a file,
 * reordering actions, adding or editing another action, or running from another folder
 * keeps it. The second, third, ... finding with the same hash gets ":2", ":3", ... in
 * order. (Version 2: SARIF's partialFingerprints "oapgraph/v2"; version 1 hashed the
 * message.) *out is malloc'ed (NULL when diags is empty) and the caller's to free.
 * Linear in the findings. Returns 0 or OAP_ENOMEM. */
OAP_EXTERN int oap_diags_fingerprints(oap_fingerprint **out, const oap_diags *diags);

OAP_EXTERN const char *oap_severity_name(oap_severity s);
/* Parses "error", "warning", "info" (and "off" when allow_off); -1 if not one. */
OAP_EXTERN int oap_severity_parse(const char *name, int allow_off);

#ifdef __cplusplus
}
#endif
#endif
