/* import_council: the front matter of an OAP as the Council document writes it. */
#ifndef OAP_IMPORT_IMPORT_COUNCIL_H
#define OAP_IMPORT_IMPORT_COUNCIL_H

#include "oapgraph/import.h"

#include <stddef.h>

/* Module-internal: read by the table importer (import_table.c). */

/* A plan's front matter, as the Council document writes it. Strings are malloc'ed. */
typedef struct oap_import__front {
    char *document, *classification, *priority, *title, *aim, *driver, *cycle;
    int year;
    char **support;
    size_t nsupport;
    struct {
        char *priority, *note;
        unsigned line;
    } * overlaps;
    size_t noverlaps;
    struct {
        unsigned number, line;
        char *title;
    } * goals;
    size_t ngoals;
} oap_import__front;

/* Reads the front matter (the lines before the annex) of Council text: the cover note,
 * sections 1, 2 (inter-dependencies), 4.2 (project support) and 5.1 (strategic goals).
 * Lines are numbered from first_line. report(ctx, line, level, message) is told what cannot
 * be read. Returns 0 or OAP_ENOMEM. */
int oap_import__read_front(oap_import__front *out, const char *text, size_t len,
                           unsigned first_line,
                           void (*report)(void *ctx, unsigned line, oap_import_level level,
                                          const char *message),
                           void *ctx);
void oap_import__front_free(oap_import__front *f);

#endif
