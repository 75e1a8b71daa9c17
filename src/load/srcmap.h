/* srcmap: JSON pointer -> line:col, with one scan of the text. */
#ifndef OAP_LOAD_SRCMAP_H
#define OAP_LOAD_SRCMAP_H

#include <stddef.h>

typedef struct oap_srcmap_query {
    const char *pointer; /* RFC 6901: "" is the whole document, "/actions/3/leaders/1" */
    int at_key;          /* locate the member name instead of its value */
    size_t offset;       /* a byte offset into the decoded string value (0: its start) */
    unsigned line, col;  /* out: 1-based, col in code points; 0 when not found */
} oap_srcmap_query;

/* Locates every query in text (JSON that jansson accepted) with one scan, descending
 * only into the containers that lead to a query. A query whose pointer is not in the
 * text keeps line 0 and is placed at the nearest enclosing value found. Returns 0 or
 * OAP_ENOMEM. */
int oap_srcmap_locate(const char *text, size_t len, oap_srcmap_query *queries, size_t n);

/* The line and column (1-based, code points) of byte offset in text. */
void oap_srcmap_offset(const char *text, size_t len, size_t offset, unsigned *line, unsigned *col);

/* Appends "/" and the pointer-escaped segment (~ -> ~0, / -> ~1) to buf, which holds
 * *len bytes of capacity cap; returns 0, or -1 when it does not fit. */
int oap_pointer_push(char *buf, size_t cap, size_t *len, const char *segment);

#endif
