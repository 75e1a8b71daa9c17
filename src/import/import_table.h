/* import_table: OAP tables (TSV, CSV, text pasted from the Council document) -> a plan of a
 * model; what the stages of reading one share. */
#ifndef OAP_IMPORT_IMPORT_TABLE_H
#define OAP_IMPORT_IMPORT_TABLE_H

#include "import_council.h"
#include "import_text.h"

#include "oapgraph/import.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/strmap.h"

#include <stddef.h>
#include <stdio.h>

/* Reads a table (len bytes of text, any bytes: invalid UTF-8 is replaced and reported)
 * into a new plan of model, named file in the plan. Everything it cannot place goes to
 * msgs with its line. On return 0, *out is the plan, or NULL when msgs has an error that
 * prevents one. Returns OAP_EINVAL when the priority or the year is neither given in opts
 * nor found in the table (msgs says which; *out is NULL), OAP_ELIMIT when text is longer
 * than OAP_IMPORT_MAX_INPUT, OAP_ENOMEM. *detected (may be NULL) gets the format read.
 * The plan's memory belongs to model. */
int oap_import_read(oap_plan **out, oap_model *model, const char *file, const char *text,
                    size_t len, const oap_import_options *opts, oap_import_messages *msgs,
                    oap_import_format *detected);

/* Module-internal: the stages of oap_import_read, a file each, and the state they share.
 * import_table.c runs them in order: the input made safe and cut into rows
 * (import_input.c); each row classified (import_classify.c) and placed (import_place.c);
 * the plan built from what was placed (import_build.c). import_detect.c tells the format,
 * import_messages.c keeps what the import says. */

/* The columns of an OAP table, in the template's order; the negative ones are header
 * cells that name none of them. */
enum oap_import__col {
    OAP_COL_ID,
    OAP_COL_TITLE,
    OAP_COL_LEADER,
    OAP_COL_PARTICIPANTS,
    OAP_COL_DESCRIPTION,
    OAP_COL_REFS_SG,
    OAP_COL_REFS_OA,
    OAP_COL_TIMING,
    OAP_COL_TARGET,
    OAP_COL_KPI,
    OAP_COL_JUNE,
    OAP_COL_DECEMBER,
    OAP_COL_STATUS,
    OAP_COL_LINK,
    OAP_COL_NOTES,
    OAP_COL_COUNT,
    OAP_COL_UNKNOWN = -1, /* a name the template does not have */
    OAP_COL_REPEAT = -2,  /* a second column of the same kind */
    OAP_COL_UNNAMED = -3  /* a blank header cell */
};

/* How messages name the columns. */
extern const char *const oap_import__col_names[OAP_COL_COUNT];

/* A column of the header row. */
typedef struct oap_import__colinfo {
    int col;
    char name[48];       /* as the header wrote it, cut */
    unsigned nonempty;   /* cells with text in a column that is not imported */
    unsigned first_line; /* the first of them */
} oap_import__colinfo;

/* An action row and the rows that carry it on. Its cells stay raw until the plan is
 * built, because footnote texts come after the rows that mark them. */
typedef struct oap_import__action {
    unsigned line;
    char *id;
    const char *goal; /* arena */
    oap_strbuf cell[OAP_COL_COUNT];
} oap_import__action;

/* A strategic goal: from section 5.1 of Council text, or a goal heading. */
typedef struct oap_import__goal {
    unsigned number, line;
    const char *id; /* arena */
    char *title;
    int from_front;
} oap_import__goal;

/* What the metadata rows above the header of TSV or CSV say; strings are malloc'ed. */
typedef struct oap_import__meta {
    char *priority, *title, *aim, *cycle, *document, *classification, *driver, *support, *id;
    int year;
    unsigned driver_line, support_line, id_line;
    struct {
        char *priority, *note;
    } * overlaps;
    size_t noverlaps, overlaps_cap;
} oap_import__meta;

/* One table being read: the run's options and messages, and what the rows placed so far.
 * A failed allocation sets oom and a header without a required column sets fatal; the
 * stages then do nothing more. */
typedef struct oap_import__ctx {
    oap_model *model;
    oap_import_messages *msgs;
    const oap_import_options *opts;
    const char *file;
    int council;
    int oom;
    int fatal;

    oap_import__colinfo *cols;
    size_t ncols;
    size_t id_col; /* where the action number is: the "#" column, else the first */
    int have_header;
    unsigned header_line;

    oap_import__goal *goals;
    size_t ngoals, goals_cap;
    oap_strmap goal_ids;
    oap_strmap action_ids; /* keys are the actions' own ids */
    size_t front_goals;
    long current_goal; /* index, -1 none yet, -2 under a heading that cannot be read */
    unsigned bad_heading_line;

    oap_import__action *actions;
    size_t nactions, actions_cap;
    int skipping;     /* the last action row was not imported: continuation rows go with it */
    int can_continue; /* an action was read and no heading came since */

    oap_import__footnotes notes;
    long open_note;  /* index of the footnote whose text may go on (the last one), or -1 */
    oap_strbuf note; /* the last footnote's text; the footnote owns it (new_footnote) */

    oap_import__meta meta;
    oap_import__front front;
    const char *first_marking;
    int said_footer, said_directorate; /* page furniture skipped, noted once each */
    int last_col; /* the column of the last cell the last action's rows filled, or -1 */
} oap_import__ctx;

/* ------------------------------------------------------------------ import_messages.c */

/* Adds a message to c->msgs (cut at 600 bytes, the table's text in it escaped as findings
 * show plan text); out of memory sets c->oom. */
void oap_import__msg(oap_import__ctx *c, unsigned line, oap_import_level level, const char *fmt,
                     ...) __attribute__((format(printf, 4, 5)));

/* Messages in line order (those about the whole input first), keeping the order in which
 * they were made within a line: an insertion sort, stable, on at most
 * OAP_IMPORT_MAX_MESSAGES items. */
void oap_import__messages_sort(oap_import_messages *m);

/* ------------------------------------------------------------------ import_table.c */

/* s (NULL as "") copied into the model's arena, and n bytes of s into a malloc'ed string:
 * NULL with c->oom set when out of memory. */
char *oap_import__arena_str(oap_import__ctx *c, const char *s);
char *oap_import__dup_n(oap_import__ctx *c, const char *s, size_t n);

/* ------------------------------------------------------------------ import_input.c */

/* Copies text into out with a leading byte-order mark dropped, "\r\n" and lone "\r" made
 * "\n", and every byte that is not UTF-8 (or is NUL) replaced by U+FFFD; each line where
 * that happened is reported once. A control, invisible or direction-changing character
 * (core/text.h) is kept, as the table has it, and reported once a line too: the plan
 * file shows it as a \u escape, and its reader should know why. */
void oap_import__make_safe(oap_import__ctx *c, const char *text, size_t len, oap_strbuf *out);

/* A row: a line of Council text or of TSV, a record of CSV or of TSV with quoted cells. */
typedef struct oap_import__row {
    unsigned line;
    oap_strbuf buf;
    size_t *offs; /* cell k starts at buf.s + offs[k], NUL-terminated */
    size_t n, cap;
} oap_import__row;

/* Where the rows are read from: the safe text, delimited by delim. */
typedef struct oap_import__rowreader {
    const char *s;
    size_t n, pos;
    unsigned line;
    char delim;
    int quotes; /* CSV and TSV: a cell may be in double quotes */
} oap_import__rowreader;

/* Reads the next row; 1 when there is one, 0 at the end, OAP_ENOMEM. A quoted cell
 * (RFC 4180: "" is a quote, delimiters and line breaks inside are text) must be closed
 * right before a delimiter or the end of the line; otherwise its opening quote was a
 * plain character, and the cell is read again as plain text (reported when never
 * closed). */
int oap_import__next_row(oap_import__ctx *c, oap_import__rowreader *rd, oap_import__row *r);

/* Cell k of the row; "" past its last. */
static inline const char *oap_import__cell(const oap_import__row *r, size_t k)
{
    return k < r->n ? r->buf.s + r->offs[k] : "";
}

/* ------------------------------------------------------------------ import_classify.c */

/* Whether s holds only blanks (no-break spaces too), and whether every cell of r does. */
int oap_import__blank_text(const char *s);
int oap_import__row_blank(const oap_import__row *r);

/* A row of dashes (and '|', ':', '=' or '_' of table drawing), as conversions leave. */
int oap_import__row_separator(const oap_import__row *r);

/* The cell without blanks and bold markup around it: start and length. */
const char *oap_import__trimmed(const char *s, size_t *len);

/* Whether the n bytes of s start with prefix, ASCII letters in either case. */
int oap_import__starts_ci(const char *s, size_t n, const char *prefix);

/* A goal heading: "Strategic Goal 2: text", "Goal 2 - text", "SG 2: text". Returns 1 with
 * *number and the title (*title, *tlen), -1 for a heading whose number cannot be read
 * ("Strategic Goal: ...", "Strategic Goal two: ..."), 0 when the cell is no heading. */
int oap_import__goal_heading(const char *s, size_t n, unsigned *number, const char **title,
                             size_t *tlen);

/* An action number in the first cell: "1.1", "2.1.", "OA 1.1", "Action 2.3". Copies the id
 * into id (at most 32 bytes). */
int oap_import__action_id(const char *s, size_t n, char id[33]);

/* The column a header cell names (enum oap_import__col), or OAP_COL_UNKNOWN. */
int oap_import__column_of(const char *name);

/* A row that names at least three columns of the template is a header. */
int oap_import__is_header(const oap_import__row *r);

/* A footnote line of Council text: superscript digits, then the text. */
int oap_import__footnote_line(const char *s, unsigned *number, const char **text);

/* Whether p can be a priority or a plan id: 1 to 32 letters, digits, '.', '_' and '-'. */
int oap_import__valid_priority(const char *p);

/* ------------------------------------------------------------------ import_place.c */

/* Places one row: a page marking, a footnote (Council text), a goal heading, the header, a
 * metadata row above it (TSV, CSV), an action, a row that carries on the action above;
 * anything else is said to be unplaceable. */
void oap_import__place_row(oap_import__ctx *c, const oap_import__row *r);

/* The index of the goal with this id ("SG2"), or -1. */
long oap_import__find_goal(oap_import__ctx *c, const char *id);

/* Adds goal number with the tlen bytes of title: its index, or -1 when out of memory. */
long oap_import__add_goal(oap_import__ctx *c, unsigned number, unsigned line, const char *title,
                          size_t tlen, int from_front);

/* ------------------------------------------------------------------ import_build.c */

/* The plan of the model made from what the rows placed: footnotes settled, each action's
 * cells cleaned and split into its fields, the plan's own fields taken from the options,
 * the metadata rows or the front matter; what still has no place is said. NULL when out
 * of memory (c->oom). */
oap_plan *oap_import__build_plan(oap_import__ctx *c);

/* ------------------------------------------------------------------ import_detect.c */

/* The delimiter of the header row (0 when none is found) and whether the text carries the
 * Council document's furniture. */
char oap_import__scan_text(const char *text, size_t len, int *council);

/* Where the annex of Council text starts: the first "Strategic Goal N" line, or the first
 * line with a tab that is a header, a goal heading or an action row. */
size_t oap_import__annex_start(const char *text, size_t len, unsigned *line);

#endif
