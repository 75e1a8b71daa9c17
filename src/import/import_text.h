/* import_text: what the importer does to one cell: markup, footnotes, KPIs, actors. */
#ifndef OAP_IMPORT_IMPORT_TEXT_H
#define OAP_IMPORT_IMPORT_TEXT_H

#include <stddef.h>

/* Module-internal: shared by the files of the importer and its tests. */

/* Footnote texts by number, for the cell cleaner. */
typedef struct oap_import__footnote {
    unsigned number;
    unsigned line;
    char *text;
    int used;
} oap_import__footnote;

typedef struct oap_import__footnotes {
    oap_import__footnote *items; /* sorted by number once reading is done */
    size_t n, cap;
} oap_import__footnotes;

/* The footnote numbered number, or NULL. items must be sorted. */
oap_import__footnote *oap_import__footnote_find(const oap_import__footnotes *f, unsigned number);

/* Cleans one cell: HTML markup (<p>, <u>, <ul>/<li>, <br>, entities) becomes plain text with
 * "\n" between paragraphs and list items ("- item"); whitespace within a line collapses to
 * one space, lines are trimmed and empty ones dropped; superscript ordinals split by the
 * conversion ("1 st") are joined. When notes is not NULL, superscript footnote markers
 * ("IT ⁷", "project ⁹ ,") whose number notes has are removed with the space before them,
 * and the footnote numbers are appended to *marks (at most max_marks, the rest ignored).
 * Returns a malloc'ed string ("" for a blank cell), NULL when out of memory. */
char *oap_import__clean(const char *cell, const oap_import__footnotes *notes, unsigned *marks,
                        size_t *nmarks, size_t max_marks);

/* Splits a cleaned Target cell into the target text (*target: malloc'ed, NULL when there
 * is none) and its KPI lines: from the first "KPI:" (or "KPI"/"KPIs" starting a line or
 * a sentence) on, each line is a KPI without the prefix, and a line that a conversion
 * ran together ("Number of meetings organised Operational Outcome of meetings") is split
 * where a lower-case word is directly followed by a capitalised one. Calls add(ctx, kpi)
 * for each. Returns 0, or OAP_ENOMEM (or add's non-zero return). */
int oap_import__split_kpis(const char *target_cell, char **target,
                           int (*add)(void *ctx, const char *kpi, size_t len), void *ctx);

/* What oap_import__split_actors found in a cell. */
typedef struct oap_import__actor_cb {
    /* An actor: the registry's code for a known one, else the text as written. helper is
     * set for actors after "in cooperation with" and the like in a Leader cell. */
    int (*actor)(void *ctx, const char *text, size_t len, int helper);
    /* Text that names no actor and is left out: what follows a known actor in the same
     * item ("involved in EUROSUR" after "MS concerned"), or is in brackets. after is the
     * actor it follows, or NULL. */
    int (*dropped)(void *ctx, const char *text, size_t len, const char *after);
    void *ctx;
} oap_import__actor_cb;

/* Splits a cleaned Leader or Participants cell into actors: items are separated by ",",
 * ";", "/", "&", "and", "or" and line breaks; within an item, known actor names are found
 * by longest match ("Frontex Europol", "Bosnia and Herzegovina", "other relevant EU
 * Agencies"), codes of three letters or fewer only when written in capitals ("IT", not
 * "it"). In a Leader cell (leader non-zero), actors after "in cooperation with", "with the
 * support of", "supported by" or "assisted by" are helpers. Returns 0, or the first
 * non-zero return of a callback. */
int oap_import__split_actors(const char *cell, int leader, const oap_import__actor_cb *cb);

/* A short quote of text for a message: the first 60 bytes of its first line, cut on a
 * UTF-8 boundary, with "..." when cut. */
void oap_import__quote(char out[80], const char *s, size_t n);

/* A known security marking line ("RESTREINT UE/EU RESTRICTED"), as the Council repeats it
 * on every page; the marking's canonical spelling, or NULL. */
const char *oap_import__marking(const char *line, size_t len);

/* The directorate line the Council prints at the foot of every page of an annex, as in
 * "ANNEX  DG H 2B  RESTREINT UE/EU RESTRICTED  EN": a short line with the word "DG", then a
 * directorate's letter, ending in a two-letter language code. 1 when line is one. */
int oap_import__directorate_line(const char *line, size_t len);

#endif
