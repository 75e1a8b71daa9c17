/* import_table: OAP tables (TSV, CSV, text pasted from the Council document) -> a plan. */
#define _POSIX_C_SOURCE 200809L
#include "import_table.h"

#include "import_council.h"
#include "import_text.h"

#include "oapgraph/common.h"
#include "core/ascii.h"
#include "core/array.h"
#include "core/refs.h"
#include "core/strmap.h"
#include "core/text.h"
#include "core/strbuf.h"
#include "core/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How it works: the text is made safe first (UTF-8 checked, line ends unified), then cut
 * into rows (a line of Council text or of TSV; a record of CSV or of TSV with quoted
 * cells). Each row is one of: blank, a page marking, a separator of dashes, a footnote
 * (Council text), a goal heading, the header, a metadata row above the header (TSV, CSV),
 * an action, or a row that carries on the cells of the action above. Cells are kept raw
 * while reading, because footnote texts come after the rows that mark them; once all rows
 * are read, each action's cells are cleaned and split into the plan's fields. Nothing is
 * recursive, and memory grows with the input only. */

enum col {
    COL_ID,
    COL_TITLE,
    COL_LEADER,
    COL_PARTICIPANTS,
    COL_DESCRIPTION,
    COL_REFS_SG,
    COL_REFS_OA,
    COL_TIMING,
    COL_TARGET,
    COL_KPI,
    COL_JUNE,
    COL_DECEMBER,
    COL_STATUS,
    COL_LINK,
    COL_NOTES,
    COL_COUNT,
    COL_UNKNOWN = -1, /* a name the template does not have */
    COL_REPEAT = -2,  /* a second column of the same kind */
    COL_UNNAMED = -3  /* a blank header cell */
};

/* How messages name the columns. */
static const char *const col_names[COL_COUNT] = {
    "#",      "Activity", "Leader", "Participants", "Description",  "I/D SG",
    "I/D OA", "Timing",   "Target", "KPI",          "Results>June", "Results>Dec",
    "Status", "Link",     "Notes"};

/* Header names as real tables write them, normalised: ASCII letters in lower case, digits,
 * '#' and '/' kept, everything else dropped ("Results > June" -> "resultsjune"). */
static const struct {
    const char *name;
    int col;
} col_aliases[] = {
    {"#", COL_ID},
    {"no", COL_ID},
    {"nr", COL_ID},
    {"n", COL_ID},
    {"number", COL_ID},
    {"id", COL_ID},
    {"oa", COL_ID},
    {"oano", COL_ID},
    {"oanr", COL_ID},
    {"oa#", COL_ID},
    {"oanumber", COL_ID},
    {"actionno", COL_ID},
    {"actionnr", COL_ID},
    {"action#", COL_ID},
    {"actionnumber", COL_ID},
    {"ref", COL_ID},
    {"activity", COL_TITLE},
    {"activities", COL_TITLE},
    {"action", COL_TITLE},
    {"operationalaction", COL_TITLE},
    {"operationalactivity", COL_TITLE},
    {"title", COL_TITLE},
    {"actiontitle", COL_TITLE},
    {"activitytitle", COL_TITLE},
    {"leader", COL_LEADER},
    {"leaders", COL_LEADER},
    {"actionleader", COL_LEADER},
    {"actionleaders", COL_LEADER},
    {"lead", COL_LEADER},
    {"leadms", COL_LEADER},
    {"leadingms", COL_LEADER},
    {"participants", COL_PARTICIPANTS},
    {"participant", COL_PARTICIPANTS},
    {"participatingms", COL_PARTICIPANTS},
    {"participatingms/agencies", COL_PARTICIPANTS},
    {"partners", COL_PARTICIPANTS},
    {"description", COL_DESCRIPTION},
    {"activitydescription", COL_DESCRIPTION},
    {"shortdescription", COL_DESCRIPTION},
    {"descriptionofactivity", COL_DESCRIPTION},
    {"i/dsg", COL_REFS_SG},
    {"i/dsgs", COL_REFS_SG},
    {"idsg", COL_REFS_SG},
    {"i/dstrategicgoals", COL_REFS_SG},
    {"interdependenciessg", COL_REFS_SG},
    {"interdependencysg", COL_REFS_SG},
    {"linkedsg", COL_REFS_SG},
    {"i/d", COL_REFS_SG},
    {"interdependencies", COL_REFS_SG},
    {"i/doa", COL_REFS_OA},
    {"i/doas", COL_REFS_OA},
    {"idoa", COL_REFS_OA},
    {"i/doperationalactions", COL_REFS_OA},
    {"interdependenciesoa", COL_REFS_OA},
    {"interdependencyoa", COL_REFS_OA},
    {"linkedoa", COL_REFS_OA},
    {"timing", COL_TIMING},
    {"timeframe", COL_TIMING},
    {"timescale", COL_TIMING},
    {"timetable", COL_TIMING},
    {"deadline", COL_TIMING},
    {"schedule", COL_TIMING},
    {"target", COL_TARGET},
    {"targets", COL_TARGET},
    {"target/kpi", COL_TARGET},
    {"target/kpis", COL_TARGET},
    {"targetkpi", COL_TARGET},
    {"expectedresults", COL_TARGET},
    {"kpi", COL_KPI},
    {"kpis", COL_KPI},
    {"indicators", COL_KPI},
    {"resultsjune", COL_JUNE},
    {"resultjune", COL_JUNE},
    {"resultsjun", COL_JUNE},
    {"resultsbyjune", COL_JUNE},
    {"resultsdec", COL_DECEMBER},
    {"resultsdecember", COL_DECEMBER},
    {"resultdec", COL_DECEMBER},
    {"resultdecember", COL_DECEMBER},
    {"resultsbydecember", COL_DECEMBER},
    {"status", COL_STATUS},
    {"link", COL_LINK},
    {"hyperlink", COL_LINK},
    {"documentation", COL_LINK},
    {"notes", COL_NOTES},
    {"note", COL_NOTES},
    {"remarks", COL_NOTES},
    {"comments", COL_NOTES},
};

/* The template's column order, assumed for Council text that has no header row. */
static const int template_cols[] = {COL_ID,          COL_TITLE,   COL_LEADER,  COL_PARTICIPANTS,
                                    COL_DESCRIPTION, COL_REFS_SG, COL_REFS_OA, COL_TIMING,
                                    COL_TARGET,      COL_JUNE,    COL_DECEMBER};

static int is_id_char(int c)
{
    return oap_ascii_is_alnum(c) || c == '.' || c == '_' || c == '-';
}

/* ------------------------------------------------------------------ messages */

void oap_import_messages_free(oap_import_messages *msgs)
{
    for (size_t i = 0; i < msgs->n; i++)
        free(msgs->items[i].text);
    free(msgs->items);
    memset(msgs, 0, sizeof *msgs);
}

/* Adds a message; returns 0 or OAP_ENOMEM. The message text is cut at 600 bytes. */
static int add_message(oap_import_messages *m, unsigned line, oap_import_level level,
                       const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));

static int add_message(oap_import_messages *m, unsigned line, oap_import_level level,
                       const char *fmt, va_list ap)
{
    if (level >= OAP_IMPORT_WARNING)
        m->warnings++;
    if (level == OAP_IMPORT_ERROR)
        m->errors++;
    if (m->n >= OAP_IMPORT_MAX_MESSAGES) {
        m->more++;
        return 0;
    }
    if (OAP_ARRAY_RESERVE(m->items, m->cap, m->n + 1) < 0)
        return OAP_ENOMEM;
    char buf[600];
    vsnprintf(buf, sizeof buf, fmt, ap);
    /* The table's text quoted in a message is shown as findings show plan text; the tabs
     * between the cells of a quoted row stay, as they always have. */
    char *text = oap_text_escaped(buf, OAP_TEXT_KEEP_TABS);
    if (!text)
        return OAP_ENOMEM;
    m->items[m->n++] = (oap_import_message){line, level, text};
    return 0;
}

/* Messages in line order (those about the whole input first), keeping the order in which
 * they were made within a line: an insertion sort, stable, on at most
 * OAP_IMPORT_MAX_MESSAGES items. */
static void sort_messages(oap_import_messages *m)
{
    for (size_t i = 1; i < m->n; i++) {
        oap_import_message x = m->items[i];
        size_t j = i;
        while (j > 0 && m->items[j - 1].line > x.line) {
            m->items[j] = m->items[j - 1];
            j--;
        }
        m->items[j] = x;
    }
}

/* ------------------------------------------------------------------ state */

typedef struct colinfo {
    int col;
    char name[48];       /* as the header wrote it, cut */
    unsigned nonempty;   /* cells with text in a column that is not imported */
    unsigned first_line; /* the first of them */
} colinfo;

typedef struct action {
    unsigned line;
    char *id;
    const char *goal; /* arena */
    oap_strbuf cell[COL_COUNT];
} action;

typedef struct goal {
    unsigned number, line;
    const char *id; /* arena */
    char *title;
    int from_front;
} goal;

typedef struct meta {
    char *priority, *title, *aim, *cycle, *document, *classification, *driver, *support, *id;
    int year;
    unsigned driver_line, support_line, id_line;
    struct {
        char *priority, *note;
    } * overlaps;
    size_t noverlaps, overlaps_cap;
} meta;

typedef struct ctx {
    oap_model *model;
    oap_import_messages *msgs;
    const oap_import_options *opts;
    const char *file;
    int council;
    int oom;
    int fatal;

    colinfo *cols;
    size_t ncols;
    size_t id_col; /* where the action number is: the "#" column, else the first */
    int have_header;
    unsigned header_line;
    int assumed_note;

    goal *goals;
    size_t ngoals, goals_cap;
    oap_strmap goal_ids;
    oap_strmap action_ids; /* keys are the actions' own ids */
    size_t front_goals;
    long current_goal; /* index, -1 none yet, -2 under a heading that cannot be read */
    unsigned bad_heading_line;

    action *actions;
    size_t nactions, actions_cap;
    int skipping;     /* the last action row was not imported: continuation rows go with it */
    int can_continue; /* an action was read and no heading came since */

    oap_import__footnotes notes;
    long open_note;  /* index of the footnote whose text may go on (the last one), or -1 */
    oap_strbuf note; /* the last footnote's text; the footnote owns it (new_footnote) */

    meta meta;
    oap_import__front front;
    const char *first_marking;
} ctx;

static void msg(ctx *c, unsigned line, oap_import_level level, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void msg(ctx *c, unsigned line, oap_import_level level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (add_message(c->msgs, line, level, fmt, ap) < 0)
        c->oom = 1;
    va_end(ap);
}

static void front_report(void *vc, unsigned line, oap_import_level level, const char *message)
{
    msg(vc, line, level, "%s", message);
}

static void quote(char out[80], const char *s, size_t n)
{
    oap_import__quote(out, s, n);
}

static char *arena_str(ctx *c, const char *s)
{
    char *d = oap_arena_strdup(&c->model->arena, s ? s : "");
    if (!d)
        c->oom = 1;
    return d;
}

static char *dup_n(ctx *c, const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d) {
        c->oom = 1;
        return NULL;
    }
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* ------------------------------------------------------------------ safe text */

/* Copies text into out with a leading byte-order mark dropped, "\r\n" and lone "\r" made
 * "\n", and every byte that is not UTF-8 (or is NUL) replaced by U+FFFD; each line where
 * that happened is reported once. A control, invisible or direction-changing character
 * (core/text.h) is kept, as the table has it, and reported once a line too: the plan
 * file shows it as a \u escape, and its reader should know why. */
static void make_safe(ctx *c, const char *text, size_t len, oap_strbuf *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    unsigned line = 1, bad_line = 0, hidden_line = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    oap_strbuf_putn(out, "", 0);
    while (i < len && !out->oom) {
        size_t start = i;
        while (i < len && s[i] >= 0x20 && s[i] < 0x7f)
            i++;
        oap_strbuf_putn(out, text + start, i - start);
        if (i >= len)
            break;
        uint32_t cp;
        oap_text_class cls;
        size_t k = oap_text_next(text + i, len - i, &cp, &cls);
        if (cls == OAP_TEXT_LINE_BREAK && cp < 0x80) {
            oap_strbuf_putc(out, '\n');
            line++;
        } else if (cls == OAP_TEXT_INVALID || cp == 0) {
            oap_strbuf_putn(out, OAP_UTF8_REPLACEMENT, 3);
            if (bad_line != line) {
                bad_line = line;
                msg(c, line, OAP_IMPORT_WARNING,
                    "bytes that are not UTF-8 are replaced by U+FFFD (save the table as UTF-8)");
            }
        } else {
            oap_strbuf_putn(out, text + i, k);
            if (cls != OAP_TEXT_ORDINARY && cls != OAP_TEXT_TAB && cls != OAP_TEXT_LINE_BREAK &&
                hidden_line != line) {
                hidden_line = line;
                msg(c, line, OAP_IMPORT_NOTE,
                    "the line holds U+%04X, a control, invisible or direction-changing character: "
                    "what is imported keeps it, and the plan file shows it as a \\u escape (delete "
                    "it unless it is meant)",
                    (unsigned)cp);
            }
        }
        i += k;
    }
}

/* ------------------------------------------------------------------ rows */

typedef struct row {
    unsigned line;
    oap_strbuf buf;
    size_t *offs; /* cell k starts at buf.s + offs[k], NUL-terminated */
    size_t n, cap;
} row;

typedef struct rowreader {
    const char *s;
    size_t n, pos;
    unsigned line;
    char delim;
    int quotes; /* CSV and TSV: a cell may be in double quotes */
} rowreader;

static int row_add_cell(row *r)
{
    if (OAP_ARRAY_RESERVE(r->offs, r->cap, r->n + 1) < 0)
        return OAP_ENOMEM;
    r->offs[r->n++] = r->buf.len;
    return 0;
}

static const char *cell(const row *r, size_t k)
{
    return k < r->n ? r->buf.s + r->offs[k] : "";
}

/* Reads the next row; 1 when there is one, 0 at the end, OAP_ENOMEM. A quoted cell
 * (RFC 4180: "" is a quote, delimiters and line breaks inside are text) must be closed
 * right before a delimiter or the end of the line; otherwise its opening quote was a
 * plain character, and the cell is read again as plain text (reported when never
 * closed). */
static int next_row(ctx *c, rowreader *rd, row *r)
{
    if (rd->pos >= rd->n)
        return 0;
    r->line = rd->line;
    r->n = 0;
    oap_strbuf_reset(&r->buf);
    oap_strbuf_putn(&r->buf, "", 0);
    for (;;) {
        if (row_add_cell(r) < 0)
            return OAP_ENOMEM;
        size_t start = rd->pos, buf_start = r->buf.len;
        unsigned line_start = rd->line;
        int plain = 1;
        if (rd->quotes && rd->pos < rd->n && rd->s[rd->pos] == '"') {
            size_t i = rd->pos + 1;
            unsigned lines = 0;
            int closed = 0;
            while (i < rd->n) {
                if (rd->s[i] == '"') {
                    if (i + 1 < rd->n && rd->s[i + 1] == '"') {
                        oap_strbuf_putc(&r->buf, '"');
                        i += 2;
                        continue;
                    }
                    closed = 1;
                    i++;
                    break;
                }
                if (rd->s[i] == '\n')
                    lines++;
                oap_strbuf_putc(&r->buf, rd->s[i]);
                i++;
            }
            if (closed && (i >= rd->n || rd->s[i] == rd->delim || rd->s[i] == '\n')) {
                rd->pos = i;
                rd->line += lines;
                plain = 0;
            } else {
                if (!closed)
                    msg(c, line_start, OAP_IMPORT_WARNING,
                        "the double quote that opens a cell here is never closed; it is read "
                        "as a plain character");
                oap_strbuf_truncate(&r->buf, buf_start);
                rd->pos = start;
            }
        }
        if (plain) {
            size_t i = rd->pos;
            while (i < rd->n && rd->s[i] != rd->delim && rd->s[i] != '\n')
                i++;
            oap_strbuf_putn(&r->buf, rd->s + rd->pos, i - rd->pos);
            rd->pos = i;
        }
        /* The cell's NUL stays in the buffer; the next cell starts after it. */
        oap_strbuf_putc(&r->buf, '\0');
        if (r->buf.oom)
            return OAP_ENOMEM;
        if (rd->pos < rd->n && rd->s[rd->pos] == rd->delim) {
            rd->pos++;
            continue;
        }
        if (rd->pos < rd->n) { /* '\n' */
            rd->pos++;
            rd->line++;
        }
        return 1;
    }
}

/* ------------------------------------------------------------------ classifying */

static int blank_text(const char *s)
{
    for (; *s; s++)
        if (!(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v' ||
              ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0 && s++)))
            return 0;
    return 1;
}

static int row_blank(const row *r)
{
    for (size_t k = 0; k < r->n; k++)
        if (!blank_text(cell(r, k)))
            return 0;
    return 1;
}

/* A row of dashes (and '|', ':', '=' or '_' of table drawing), as conversions leave. */
static int row_separator(const row *r)
{
    int dashes = 0;
    for (size_t k = 0; k < r->n; k++)
        for (const char *s = cell(r, k); *s; s++) {
            if (*s == '-')
                dashes = 1;
            else if (!(*s == ' ' || *s == '|' || *s == ':' || *s == '=' || *s == '_' || *s == '+' ||
                       *s == '\t'))
                return 0;
        }
    return dashes;
}

/* The cell without blanks and bold markup around it: start and length. */
static const char *trimmed(const char *s, size_t *len)
{
    size_t n = strlen(s);
    while (n > 0 && (*s == ' ' || *s == '\t' || *s == '*' || *s == '\n'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '*' || s[n - 1] == '\n'))
        n--;
    *len = n;
    return s;
}

static int starts_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = 0;
    for (; prefix[k]; k++)
        if (k >= n ||
            oap_ascii_lower((unsigned char)s[k]) != oap_ascii_lower((unsigned char)prefix[k]))
            return 0;
    return 1;
}

/* A goal heading: "Strategic Goal 2: text", "Goal 2 - text", "SG 2: text". Returns 1 with
 * *number and the title (*title, *tlen), -1 for a heading whose number cannot be read
 * ("Strategic Goal: ...", "Strategic Goal two: ..."), 0 when the cell is no heading. */
static int goal_heading(const char *s, size_t n, unsigned *number, const char **title, size_t *tlen)
{
    size_t k;
    int sg = 0;
    if (starts_ci(s, n, "strategic goal"))
        k = 14;
    else if (starts_ci(s, n, "goal"))
        k = 4;
    else if (starts_ci(s, n, "sg"))
        k = 2, sg = 1;
    else
        return 0;
    if (k < n && oap_ascii_is_alpha((unsigned char)s[k]))
        return 0; /* "Goals ...", "SGs in priority B" */
    size_t j = k;
    while (j < n && s[j] == ' ')
        j++;
    if (j >= n || !oap_ascii_is_digit((unsigned char)s[j]))
        return sg ? 0 : -1;
    unsigned num = 0;
    size_t d = 0;
    while (j < n && oap_ascii_is_digit((unsigned char)s[j])) {
        if (d++ < 6)
            num = num * 10 + (unsigned)(s[j] - '0');
        j++;
    }
    if (d > 6 || num == 0)
        return -1;
    while (j < n && s[j] == ' ')
        j++;
    if (j < n && (s[j] == ':' || s[j] == '.' || s[j] == '-'))
        j++;
    else if (j + 3 <= n && memcmp(s + j, "\xE2\x80\x93", 3) == 0)
        j += 3;
    else if (j < n)
        return -1; /* "Goal 2a", "SG 2 text" without a separator */
    while (j < n && s[j] == ' ')
        j++;
    *number = num;
    *title = s + j;
    *tlen = n - j;
    return 1;
}

/* An action number in the first cell: "1.1", "2.1.", "OA 1.1", "Action 2.3". Copies the id
 * into id (at most 32 bytes). */
static int action_id(const char *s, size_t n, char id[33])
{
    size_t i = starts_ci(s, n, "action ") ? 7 : starts_ci(s, n, "oa ") ? 3 : 0;
    while (i < n && s[i] == ' ')
        i++;
    if (i >= n || !oap_ascii_is_digit((unsigned char)s[i]))
        return 0;
    size_t e = n;
    while (e > i && s[e - 1] == '.')
        e--;
    if (e - i > 32)
        return 0;
    for (size_t k = i; k < e; k++)
        if (!is_id_char((unsigned char)s[k]))
            return 0;
    memcpy(id, s + i, e - i);
    id[e - i] = '\0';
    return 1;
}

static void normalise(const char *s, char out[48])
{
    size_t k = 0;
    for (; *s && k < 47; s++) {
        int ch = (unsigned char)*s;
        if (oap_ascii_is_alpha(ch) || oap_ascii_is_digit(ch) || ch == '#' || ch == '/')
            out[k++] = (char)oap_ascii_lower(ch);
    }
    out[k] = '\0';
}

static int column_of(const char *name)
{
    char norm[48];
    normalise(name, norm);
    for (size_t k = 0; k < sizeof col_aliases / sizeof col_aliases[0]; k++)
        if (strcmp(norm, col_aliases[k].name) == 0)
            return col_aliases[k].col;
    return COL_UNKNOWN;
}

/* A row that names at least three columns of the template is a header. */
static int is_header(const row *r)
{
    unsigned seen = 0, count = 0;
    for (size_t k = 0; k < r->n; k++) {
        int col = column_of(cell(r, k));
        if (col >= 0 && !(seen & (1u << col))) {
            seen |= 1u << col;
            count++;
        }
    }
    return count >= 3;
}

/* A footnote line of Council text: superscript digits, then the text. */
static int footnote_line(const char *s, unsigned *number, const char **text)
{
    unsigned num = 0;
    size_t i = 0, digits = 0;
    for (;;) {
        const unsigned char *u = (const unsigned char *)s + i;
        int d = -1;
        if (u[0] == 0xC2 && (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3)) {
            d = u[1] == 0xB9 ? 1 : u[1] == 0xB2 ? 2 : 3;
            i += 2;
        } else if (u[0] == 0xE2 && u[1] == 0x81 &&
                   (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9))) {
            d = u[2] == 0xB0 ? 0 : u[2] - 0xB0;
            i += 3;
        }
        if (d < 0)
            break;
        if (++digits > 6)
            return 0;
        num = num * 10 + (unsigned)d;
    }
    if (digits == 0)
        return 0;
    while (s[i] == ' ' || s[i] == '\t')
        i++;
    *number = num;
    *text = s + i;
    return 1;
}

/* ------------------------------------------------------------------ building */

static void set_header(ctx *c, const row *r)
{
    free(c->cols);
    c->cols = calloc(r->n ? r->n : 1, sizeof *c->cols);
    if (!c->cols) {
        c->oom = 1;
        c->ncols = 0;
        return;
    }
    c->ncols = r->n;
    c->have_header = 1;
    c->header_line = r->line;
    long first[COL_COUNT];
    for (size_t k = 0; k < COL_COUNT; k++)
        first[k] = -1;
    for (size_t k = 0; k < r->n; k++) {
        size_t len;
        const char *name = trimmed(cell(r, k), &len);
        colinfo *ci = &c->cols[k];
        /* Cut on a UTF-8 boundary, for messages. */
        size_t keep = len < sizeof ci->name - 1 ? len : oap_utf8_cut(name, sizeof ci->name - 1);
        memcpy(ci->name, name, keep);
        ci->name[keep] = '\0';
        if (len == 0) {
            ci->col = COL_UNNAMED;
            continue;
        }
        ci->col = column_of(ci->name);
        if (ci->col >= 0 && first[ci->col] >= 0) {
            msg(c, r->line, OAP_IMPORT_WARNING,
                "column %zu \"%s\" is a second %s column (the first is column %ld); its cells "
                "are not imported",
                k + 1, ci->name, col_names[ci->col], first[ci->col] + 1);
            ci->col = COL_REPEAT;
        } else if (ci->col >= 0) {
            first[ci->col] = (long)k;
        }
    }
    c->id_col = first[COL_ID] >= 0 ? (size_t)first[COL_ID] : 0;
    static const int required[] = {COL_ID, COL_TITLE, COL_LEADER};
    static const char *const expect[] = {"\"#\" or \"No\"", "\"Activity\"", "\"Leader\""};
    for (size_t q = 0; q < 3; q++) {
        if (first[required[q]] >= 0)
            continue;
        char found[400] = "";
        size_t used = 0;
        for (size_t k = 0; k < r->n && used < sizeof found - 60; k++)
            if (c->cols[k].name[0])
                used += (size_t)snprintf(found + used, sizeof found - used, "%s%s",
                                         used ? ", " : "", c->cols[k].name);
        msg(c, r->line, OAP_IMPORT_ERROR,
            "the header row has no %s column (expected one named %s; found: %s); nothing is "
            "imported",
            col_names[required[q]], expect[q], found);
        c->fatal = 1;
    }
}

static void set_template_header(ctx *c, unsigned line)
{
    size_t n = sizeof template_cols / sizeof template_cols[0];
    c->cols = calloc(n, sizeof *c->cols);
    if (!c->cols) {
        c->oom = 1;
        return;
    }
    c->ncols = n;
    c->have_header = 1;
    c->id_col = 0;
    for (size_t k = 0; k < n; k++) {
        c->cols[k].col = template_cols[k];
        snprintf(c->cols[k].name, sizeof c->cols[k].name, "%s", col_names[template_cols[k]]);
    }
    msg(c, line, OAP_IMPORT_NOTE,
        "no header row before the first action; the columns are read in the template's order "
        "(#, Activity, Leader, Participants, Description, I/D SG, I/D OA, Timing, Target, "
        "Results>June, Results>Dec)");
}

static long find_goal(ctx *c, const char *id)
{
    uint32_t v;
    return oap_strmap_get(&c->goal_ids, id, &v) ? (long)v : -1;
}

static long add_goal(ctx *c, unsigned number, unsigned line, const char *title, size_t tlen,
                     int from_front)
{
    char id[32];
    snprintf(id, sizeof id, "SG%u", number);
    if (OAP_ARRAY_RESERVE(c->goals, c->goals_cap, c->ngoals + 1) < 0) {
        c->oom = 1;
        return -1;
    }
    goal *g = &c->goals[c->ngoals];
    g->number = number;
    g->line = line;
    g->from_front = from_front;
    g->id = arena_str(c, id);
    g->title = dup_n(c, title, tlen);
    if (!g->id || !g->title) {
        free(g->title);
        return -1;
    }
    if (oap_strmap_put(&c->goal_ids, g->id, (uint32_t)c->ngoals, NULL) < 0) {
        free(g->title);
        c->oom = 1;
        return -1;
    }
    return (long)c->ngoals++;
}

/* Texts compared with blanks collapsed; where they first differ, word by word. */
static void word_diff(const char *a, const char *b, char *out, size_t size)
{
    /* Skip the common prefix and suffix of words, then quote what is left of each. */
    size_t na = strlen(a), nb = strlen(b), p = 0;
    while (p < na && p < nb && a[p] == b[p])
        p++;
    while (p > 0 && a[p - 1] != ' ')
        p--;
    size_t ea = na, eb = nb;
    while (ea > p && eb > p && a[ea - 1] == b[eb - 1])
        ea--, eb--;
    while (ea < na && a[ea] != ' ')
        ea++;
    while (eb < nb && b[eb] != ' ')
        eb++;
    char qa[80], qb[80];
    quote(qa, a + p, ea - p);
    quote(qb, b + p, eb - p);
    snprintf(out, size, "\"%s\" where section 5.1 says \"%s\"", qa, qb);
}

static void collapse(char *s)
{
    size_t w = 0;
    int space = 0;
    for (size_t r = 0; s[r]; r++) {
        if (s[r] == ' ' || s[r] == '\t' || s[r] == '\n') {
            space = w > 0;
            continue;
        }
        if (space)
            s[w++] = ' ';
        space = 0;
        s[w++] = s[r];
    }
    s[w] = '\0';
}

static void on_heading(ctx *c, const row *r, int kind, unsigned number, const char *title,
                       size_t tlen)
{
    c->can_continue = 0;
    c->skipping = 0;
    size_t len;
    const char *first = trimmed(cell(r, 0), &len);
    char q[80];
    quote(q, first, len);
    for (size_t k = 1; k < r->n; k++)
        if (!blank_text(cell(r, k))) {
            char qc[80];
            quote(qc, cell(r, k), strlen(cell(r, k)));
            msg(c, r->line, OAP_IMPORT_WARNING,
                "cannot place \"%s\" in column %zu of a goal heading row; not imported", qc, k + 1);
        }
    if (kind < 0) {
        msg(c, r->line, OAP_IMPORT_WARNING,
            "cannot read the goal heading \"%s\" (expected \"Strategic Goal N: title\"); the "
            "actions under it are not imported",
            q);
        c->current_goal = -2;
        c->bad_heading_line = r->line;
        return;
    }
    char id[32];
    snprintf(id, sizeof id, "SG%u", number);
    long g = find_goal(c, id);
    char *t = dup_n(c, title, tlen);
    if (!t)
        return;
    collapse(t);
    if (g >= 0) {
        goal *G = &c->goals[g];
        if (!G->title[0] && t[0]) {
            free(G->title);
            G->title = t;
            t = NULL;
        } else if (t[0] && strcmp(G->title, t) != 0) {
            char diff[200];
            word_diff(t, G->title, diff, sizeof diff);
            if (G->from_front)
                msg(c, r->line, OAP_IMPORT_NOTE,
                    "the heading of Strategic Goal %u says %s (line %u); section 5.1's wording "
                    "is kept",
                    number, diff, G->line);
            else
                msg(c, r->line, OAP_IMPORT_NOTE,
                    "this heading of Strategic Goal %u is worded differently from the one on "
                    "line %u; the first wording is kept",
                    number, G->line);
        }
        free(t);
        c->current_goal = g;
        return;
    }
    if (c->front_goals > 0)
        msg(c, r->line, OAP_IMPORT_WARNING,
            "Strategic Goal %u is not one of the %zu goals of section 5.1; it is added with the "
            "heading's wording",
            number, c->front_goals);
    c->current_goal = add_goal(c, number, r->line, t, strlen(t), 0);
    free(t);
}

static void on_action(ctx *c, const row *r, const char *id)
{
    c->skipping = 1;
    c->can_continue = 0;
    if (c->current_goal == -2) {
        msg(c, r->line, OAP_IMPORT_WARNING,
            "action %s is under the goal heading that cannot be read (line %u); not imported", id,
            c->bad_heading_line);
        return;
    }
    const char *goal_id;
    if (c->current_goal >= 0) {
        goal_id = c->goals[c->current_goal].id;
    } else {
        char g[48];
        size_t d = 0;
        while (oap_ascii_is_digit((unsigned char)id[d]) && d < 8)
            d++;
        snprintf(g, sizeof g, "SG%.*s", (int)d, id);
        goal_id = arena_str(c, g);
        if (!goal_id)
            return;
        msg(c, r->line, OAP_IMPORT_WARNING,
            "action %s comes before any \"Strategic Goal N:\" heading; it is placed under %s by "
            "its number",
            id, goal_id);
    }
    uint32_t seen;
    if (oap_strmap_get(&c->action_ids, id, &seen))
        msg(c, r->line, OAP_IMPORT_WARNING,
            "action %s is also on line %u; both are imported, and ids must be unique", id,
            c->actions[seen].line);
    if (OAP_ARRAY_RESERVE(c->actions, c->actions_cap, c->nactions + 1) < 0) {
        c->oom = 1;
        return;
    }
    action *a = &c->actions[c->nactions];
    memset(a, 0, sizeof *a);
    a->line = r->line;
    a->goal = goal_id;
    a->id = dup_n(c, id, strlen(id));
    if (!a->id)
        return;
    if (oap_strmap_put(&c->action_ids, a->id, (uint32_t)c->nactions, NULL) < 0) {
        free(a->id);
        c->oom = 1;
        return;
    }
    c->nactions++;
    c->skipping = 0;
    c->can_continue = 1;
    for (size_t k = 0; k < r->n && k < c->ncols; k++) {
        int col = c->cols[k].col;
        if (col >= 0 && col != COL_ID)
            oap_strbuf_putn(&a->cell[col], cell(r, k), strlen(cell(r, k)));
    }
}

/* Cells of a row that carries on the action above: each goes on its column's cell on a
 * new line. */
static void on_continuation(ctx *c, const row *r)
{
    action *a = &c->actions[c->nactions - 1];
    for (size_t k = 0; k < r->n && k < c->ncols; k++) {
        int col = c->cols[k].col;
        const char *s = cell(r, k);
        if (col < 0 || col == COL_ID || blank_text(s))
            continue;
        if (a->cell[col].len > 0)
            oap_strbuf_putc(&a->cell[col], '\n');
        oap_strbuf_putn(&a->cell[col], s, strlen(s));
    }
}

/* Cells in columns that are not imported: counted for one message per column. */
static void count_unplaced(ctx *c, const row *r)
{
    for (size_t k = 0; k < r->n && k < c->ncols; k++)
        if (c->cols[k].col < 0 && !blank_text(cell(r, k))) {
            if (c->cols[k].nonempty++ == 0)
                c->cols[k].first_line = r->line;
        }
}

/* Cells beyond the header's: the row cannot be trusted to be aligned. */
static int too_many_cells(ctx *c, const row *r, const char *what)
{
    size_t last = r->n;
    while (last > c->ncols && blank_text(cell(r, last - 1)))
        last--;
    if (last <= c->ncols)
        return 0;
    msg(c, r->line, OAP_IMPORT_WARNING,
        "%s has %zu cells but the header row (line %u) has %zu; the row is not imported (in "
        "CSV, a cell with a comma must be in double quotes)",
        what, last, c->header_line, c->ncols);
    return 1;
}

static char **meta_slot(ctx *c, const char *key, size_t n)
{
    static const char *const keys[] = {"priority",       "title",  "aim",     "cycle", "document",
                                       "classification", "driver", "support", "plan",  NULL};
    char k[32];
    size_t len = 0;
    for (size_t i = 0; i < n && len < sizeof k - 1; i++)
        if (key[i] != ' ')
            k[len++] = (char)oap_ascii_lower((unsigned char)key[i]);
    k[len] = '\0';
    char **slots[] = {&c->meta.priority, &c->meta.title,    &c->meta.aim,
                      &c->meta.cycle,    &c->meta.document, &c->meta.classification,
                      &c->meta.driver,   &c->meta.support,  &c->meta.id};
    for (size_t i = 0; keys[i]; i++)
        if (strcmp(k, keys[i]) == 0)
            return slots[i];
    return NULL;
}

/* A metadata row above the header of TSV or CSV: "Priority: C" in one cell, or "Priority"
 * (with or without ':') and "C" in the next. Keys: Plan, Priority, Year, Title, Aim, Cycle,
 * Document, Classification, Driver, Support, Overlap. Returns 1 when the row was one. */
static int on_meta(ctx *c, const row *r)
{
    size_t len;
    const char *first = trimmed(cell(r, 0), &len);
    const char *colon = memchr(first, ':', len);
    const char *key = first, *value;
    size_t klen, vlen;
    size_t next = 1;
    if (colon && colon > first) {
        klen = (size_t)(colon - first);
        value = trimmed(colon + 1, &vlen); /* the cell's end is first's end, blanks aside */
        if (vlen == 0) {
            value = trimmed(cell(r, 1), &vlen);
            next = 2;
        }
    } else {
        klen = len;
        value = trimmed(cell(r, 1), &vlen);
        next = 2;
    }
    while (klen > 0 && key[klen - 1] == ' ')
        klen--;
    int year = klen == 4 && starts_ci(key, klen, "year");
    int overlap = (klen == 7 && starts_ci(key, klen, "overlap")) ||
                  (klen == 8 && starts_ci(key, klen, "overlaps")) ||
                  starts_ci(key, klen, "inter-dependenc") || starts_ci(key, klen, "interdependenc");
    char **slot = year || overlap ? NULL : meta_slot(c, key, klen);
    if (!year && !overlap && !slot)
        return 0;
    for (size_t k = next; k < r->n; k++)
        if (!blank_text(cell(r, k))) {
            char qc[80];
            quote(qc, cell(r, k), strlen(cell(r, k)));
            msg(c, r->line, OAP_IMPORT_WARNING,
                "cannot place \"%s\" in column %zu of the \"%.*s\" row; not imported", qc, k + 1,
                (int)klen, key);
        }
    if (vlen == 0) {
        msg(c, r->line, OAP_IMPORT_WARNING, "the \"%.*s\" row has no value", (int)klen, key);
        return 1;
    }
    char *v = dup_n(c, value, vlen);
    if (!v)
        return 1;
    if (year) {
        char *end;
        long y = strtol(v, &end, 10);
        if (*end || y < 1900 || y > 2200) {
            char q[80];
            quote(q, v, strlen(v));
            msg(c, r->line, OAP_IMPORT_WARNING,
                "the year \"%s\" is not a year between 1900 and 2200; not imported", q);
        } else
            c->meta.year = (int)y;
        free(v);
        return 1;
    }
    if (overlap) {
        /* "B", "B: note", or "Priority B (Western Balkans) because ..." (all of it the note). */
        const char *p = v, *note = NULL;
        size_t plen = 0;
        if (starts_ci(v, vlen, "priority ")) {
            p = v + 9;
            note = v;
        }
        while (oap_ascii_is_alpha((unsigned char)p[plen]) ||
               oap_ascii_is_digit((unsigned char)p[plen]))
            plen++;
        if (!note) {
            const char *q = p + plen;
            while (*q == ' ')
                q++;
            if (*q == ':' || *q == '-') {
                q++;
                while (*q == ' ')
                    q++;
                note = *q ? q : NULL;
            } else if (*q) {
                plen = 0;
            }
        }
        if (plen == 0 || plen > 3) {
            char q[80];
            quote(q, v, strlen(v));
            msg(c, r->line, OAP_IMPORT_WARNING,
                "cannot read the priority of the overlap \"%s\" (expected \"B\", \"B: note\" or "
                "\"Priority B ...\"); not imported",
                q);
            free(v);
            return 1;
        }
        if (OAP_ARRAY_RESERVE(c->meta.overlaps, c->meta.overlaps_cap, c->meta.noverlaps + 1) < 0) {
            c->oom = 1;
            free(v);
            return 1;
        }
        c->meta.overlaps[c->meta.noverlaps].priority = dup_n(c, p, plen);
        c->meta.overlaps[c->meta.noverlaps].note = note ? dup_n(c, note, strlen(note)) : NULL;
        c->meta.noverlaps++;
        free(v);
        return 1;
    }
    if (*slot) {
        msg(c, r->line, OAP_IMPORT_WARNING,
            "the \"%.*s\" row repeats an earlier one; the first value is kept", (int)klen, key);
        free(v);
    } else {
        *slot = v;
        if (slot == &c->meta.driver)
            c->meta.driver_line = r->line;
        if (slot == &c->meta.support)
            c->meta.support_line = r->line;
        if (slot == &c->meta.id)
            c->meta.id_line = r->line;
    }
    return 1;
}

/* The title rows real sheets have above the header, as the Council writes them:
 * "Operational Action Plan 2012" (the year) and "Priority Crime Area C: Illegal
 * Immigration" (priority and title). Returns 1 when the row was one. */
static int on_title_row(ctx *c, const row *r)
{
    size_t len;
    const char *s = trimmed(cell(r, 0), &len);
    int found = 0;
    for (size_t k = 1; k < r->n; k++)
        if (!blank_text(cell(r, k)))
            return 0;
    if (starts_ci(s, len, "operational action plan ")) {
        size_t i = 24;
        if (starts_ci(s + i, len - i, "for "))
            i += 4;
        if (i + 4 <= len && oap_ascii_is_digit((unsigned char)s[i]) &&
            oap_ascii_is_digit((unsigned char)s[i + 1]) &&
            oap_ascii_is_digit((unsigned char)s[i + 2]) &&
            oap_ascii_is_digit((unsigned char)s[i + 3]) &&
            (i + 4 == len || !oap_ascii_is_digit((unsigned char)s[i + 4]))) {
            int y = atoi(s + i);
            if (!c->meta.year && y >= 1900 && y <= 2200)
                c->meta.year = y;
            found = 1;
            i += 4;
            while (i < len && (s[i] == ':' || s[i] == ' '))
                i++;
            s += i;
            len -= i;
        }
    }
    if (starts_ci(s, len, "priority crime area ")) {
        size_t i = 20, n = 0;
        while (i + n < len && (oap_ascii_is_alpha((unsigned char)s[i + n]) ||
                               oap_ascii_is_digit((unsigned char)s[i + n])))
            n++;
        if (n >= 1 && n <= 3 && i + n < len && s[i + n] == ':') {
            if (!c->meta.priority)
                c->meta.priority = dup_n(c, s + i, n);
            i += n + 1;
            while (i < len && s[i] == ' ')
                i++;
            if (!c->meta.title && i < len) {
                c->meta.title = dup_n(c, s + i, len - i);
                if (c->meta.title)
                    oap_import__sentence_case(c->meta.title);
            }
            found = 1;
        }
    }
    return found;
}

static void new_footnote(ctx *c, unsigned line, unsigned number, const char *text)
{
    oap_import__footnotes *f = &c->notes;
    if (OAP_ARRAY_RESERVE(f->items, f->cap, f->n + 1) < 0) {
        c->oom = 1;
        return;
    }
    /* The text is made in c->note, where more_footnote lets it grow; the footnote holds
     * the same memory and owns it. */
    c->note = (oap_strbuf)OAP_STRBUF_INIT;
    oap_strbuf_puts(&c->note, text);
    if (c->note.oom) {
        c->oom = 1;
        return;
    }
    f->items[f->n] = (oap_import__footnote){number, line, c->note.s, 0};
    c->open_note = (long)f->n++;
}

/* The footnote's text goes on on this line. The open footnote is always the last one made,
 * whose text c->note holds with its room, so a footnote of many lines grows in amortised
 * linear time. */
static void more_footnote(ctx *c, const char *text)
{
    oap_strbuf_putc(&c->note, ' ');
    oap_strbuf_puts(&c->note, text);
    /* Even after a failed append the text is where c->note says (it may have moved). */
    c->notes.items[c->open_note].text = c->note.s;
    if (c->note.oom)
        c->oom = 1;
}

static void cannot_place(ctx *c, const row *r)
{
    size_t first = 0;
    while (first < r->n && blank_text(cell(r, first)))
        first++;
    size_t len;
    const char *s = trimmed(cell(r, first), &len);
    char q[80];
    quote(q, s, len);
    if (first == 0)
        msg(c, r->line, OAP_IMPORT_WARNING,
            "cannot place this row: \"%s\" is neither an action number, a \"Strategic Goal N:\" "
            "heading nor the header row",
            q);
    else
        msg(c, r->line, OAP_IMPORT_WARNING,
            "cannot place this row: it starts with an empty cell but there is no action above "
            "it to carry on (\"%s\" in column %zu)",
            q, first + 1);
}

static void on_row(ctx *c, const row *r)
{
    size_t len;
    const char *first = trimmed(cell(r, 0), &len);
    const char *marking;
    unsigned number;
    const char *text;
    size_t tlen;
    char id[33];

    if (row_blank(r)) {
        c->open_note = -1;
        return;
    }
    int single = 1;
    for (size_t k = 1; k < r->n; k++)
        if (!blank_text(cell(r, k)))
            single = 0;
    if (single && (marking = oap_import__marking(first, len)) != NULL) {
        if (!c->first_marking)
            c->first_marking = marking;
        c->open_note = -1;
        return;
    }
    if (c->council && r->n == 1) {
        int kind;
        if (footnote_line(first, &number, &text)) {
            new_footnote(c, r->line, number, text);
            return;
        }
        if ((kind = goal_heading(first, len, &number, &text, &tlen)) != 0) {
            c->open_note = -1;
            on_heading(c, r, kind, number, text, tlen);
            return;
        }
        if (c->open_note >= 0) {
            more_footnote(c, first);
            return;
        }
        if (c->front.document && strncmp(first, c->front.document, strlen(c->front.document)) == 0)
            return; /* a page footer: "17793/2/11 REV 2   GS/np   12" */
    }
    c->open_note = -1;
    if (row_separator(r))
        return;
    int kind = goal_heading(first, len, &number, &text, &tlen);
    if (kind != 0) {
        on_heading(c, r, kind, number, text, tlen);
        return;
    }
    if (is_header(r)) {
        set_header(c, r);
        return;
    }
    if (!c->have_header && !c->council && (on_meta(c, r) || on_title_row(c, r)))
        return;
    size_t idlen;
    const char *idcell = trimmed(cell(r, c->have_header ? c->id_col : 0), &idlen);
    if (idlen > 0 && action_id(idcell, idlen, id)) {
        if (!c->have_header) {
            if (!c->council) {
                msg(c, r->line, OAP_IMPORT_WARNING,
                    "action %s comes before the header row; not imported", id);
                c->skipping = 1;
                c->can_continue = 0;
                return;
            }
            set_template_header(c, r->line);
            if (c->oom)
                return;
        }
        if (too_many_cells(c, r, "this row")) {
            c->skipping = 1;
            c->can_continue = 0;
            return;
        }
        count_unplaced(c, r);
        on_action(c, r, id);
        return;
    }
    if (idlen == 0 && c->have_header && (c->can_continue || c->skipping)) {
        if (c->skipping) {
            msg(c, r->line, OAP_IMPORT_WARNING,
                "this row carries on an action that is not imported; not imported either");
            return;
        }
        if (too_many_cells(c, r, "this row"))
            return;
        count_unplaced(c, r);
        on_continuation(c, r);
        return;
    }
    if (!c->have_header && !c->council) {
        char q[80];
        quote(q, first, len);
        msg(c, r->line, OAP_IMPORT_WARNING,
            "cannot place this row above the header: \"%s\" (metadata rows are \"Priority: C\", "
            "\"Year: 2012\", \"Title: ...\")",
            q);
        return;
    }
    cannot_place(c, r);
}

/* ------------------------------------------------------------------ detection */

static size_t count_recognised(const char *line, size_t n, char delim)
{
    unsigned seen = 0;
    size_t count = 0, i = 0;
    while (i <= n) {
        size_t e = i;
        while (e < n && line[e] != delim)
            e++;
        char name[64];
        size_t s = i, len = e - i;
        while (len > 0 && (line[s] == '"' || line[s] == ' '))
            s++, len--;
        while (len > 0 &&
               (line[s + len - 1] == '"' || line[s + len - 1] == ' ' || line[s + len - 1] == '\r'))
            len--;
        if (len < sizeof name) {
            memcpy(name, line + s, len);
            name[len] = '\0';
            int col = column_of(name);
            if (col >= 0 && !(seen & (1u << col))) {
                seen |= 1u << col;
                count++;
            }
        }
        i = e + 1;
    }
    return count;
}

static int contains(const char *s, size_t n, const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = 0; i + nl <= n; i++)
        if (memcmp(s + i, needle, nl) == 0)
            return 1;
    return 0;
}

/* The delimiter of the header row (0 when none is found) and whether the text carries the
 * Council document's furniture. */
static char scan_text(const char *text, size_t len, int *council)
{
    char delim = 0;
    int tabs = 0;
    *council = 0;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        const char *l = text + i;
        size_t n = e - i;
        while (n > 0 && (*l == ' ' || *l == '*'))
            l++, n--;
        if (memchr(l, '\t', n))
            tabs = 1;
        if (starts_ci(l, n, "subject:") || contains(l, n, "COUNCIL OF") ||
            starts_ci(l, n, "delegations will find"))
            *council = 1;
        unsigned number;
        const char *rest;
        if (n > 0 && !memchr(l, '\t', n)) {
            char buf[8] = {0};
            memcpy(buf, l, n < 7 ? n : 7);
            if (footnote_line(buf, &number, &rest) || oap_import__marking(l, n))
                *council = 1;
        }
        if (!delim && n < 4000) {
            if (count_recognised(l, n, '\t') >= 3)
                delim = '\t';
            else if (count_recognised(l, n, ',') >= 3)
                delim = ',';
            else if (count_recognised(l, n, ';') >= 3)
                delim = ';';
        }
        i = e + 1;
    }
    if (!delim && tabs)
        delim = '\t';
    return delim;
}

oap_import_format oap_import_detect(const char *text, size_t len)
{
    int council;
    char delim = scan_text(text ? text : "", text ? len : 0, &council);
    if (council && (delim == '\t' || delim == 0))
        return OAP_IMPORT_COUNCIL;
    if (delim == ',' || delim == ';')
        return OAP_IMPORT_CSV;
    if (delim == '\t')
        return OAP_IMPORT_TSV;
    return council ? OAP_IMPORT_COUNCIL : OAP_IMPORT_CSV;
}

const char *oap_import_format_name(oap_import_format format)
{
    switch (format) {
    case OAP_IMPORT_AUTO:
        return "auto";
    case OAP_IMPORT_TSV:
        return "tsv";
    case OAP_IMPORT_CSV:
        return "csv";
    case OAP_IMPORT_COUNCIL:
        return "council";
    }
    return "auto";
}

int oap_import_format_parse(const char *name, oap_import_format *out)
{
    static const oap_import_format all[] = {OAP_IMPORT_AUTO, OAP_IMPORT_TSV, OAP_IMPORT_CSV,
                                            OAP_IMPORT_COUNCIL};
    for (size_t k = 0; k < 4; k++)
        if (name && strcmp(name, oap_import_format_name(all[k])) == 0) {
            *out = all[k];
            return 0;
        }
    return -1;
}

/* Where the annex of Council text starts: the first "Strategic Goal N" line, or the first
 * line with a tab that is a header, a goal heading or an action row. */
static size_t annex_start(const char *text, size_t len, unsigned *line)
{
    unsigned ln = 1;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        const char *l = text + i;
        size_t n = e - i;
        while (n > 0 && (*l == ' ' || *l == '*'))
            l++, n--;
        if (starts_ci(l, n, "strategic goal")) {
            *line = ln;
            return i;
        }
        const char *tab = memchr(l, '\t', n);
        if (tab) {
            char id[33];
            size_t fl = (size_t)(tab - l);
            while (fl > 0 && l[fl - 1] == ' ')
                fl--;
            if (count_recognised(l, n, '\t') >= 3 || action_id(l, fl, id)) {
                *line = ln;
                return i;
            }
        }
        i = e + 1;
        ln++;
    }
    *line = ln;
    return len;
}

/* ------------------------------------------------------------------ finishing */

typedef struct strlist {
    const char **items;
    size_t n, cap;
} strlist;

static void list_add(ctx *c, strlist *l, const char *s)
{
    if (!s)
        return;
    if (OAP_ARRAY_RESERVE(l->items, l->cap, l->n + 1) < 0) {
        c->oom = 1;
        return;
    }
    l->items[l->n++] = s;
}

/* The list as the model's oap_strv, in the arena; the list is emptied. */
static oap_strv list_take(ctx *c, strlist *l)
{
    oap_strv v = {NULL, 0, NULL};
    if (l->n > 0) {
        v.items = oap_arena_alloc(&c->model->arena, l->n * sizeof *v.items);
        if (!v.items)
            c->oom = 1;
        else {
            memcpy(v.items, l->items, l->n * sizeof *v.items);
            v.n = (uint32_t)l->n;
        }
    }
    free(l->items);
    memset(l, 0, sizeof *l);
    return v;
}

typedef struct actor_ctx {
    ctx *c;
    strlist *main, *helpers;
    char where[96]; /* "the Leader cell of action 6.2" */
    unsigned line;
    oap_strmap seen; /* of main and of helpers, by list: 0 main, 1 helpers */
    oap_strmap seen_helpers;
} actor_ctx;

static int on_actor(void *vctx, const char *text, size_t len, int helper)
{
    actor_ctx *a = vctx;
    char *s = oap_arena_strndup(&a->c->model->arena, text, len);
    if (!s) {
        a->c->oom = 1;
        return OAP_ENOMEM;
    }
    int to_helpers = helper && a->helpers;
    strlist *l = to_helpers ? a->helpers : a->main;
    int rc = oap_strmap_put(to_helpers ? &a->seen_helpers : &a->seen, s, 0, NULL);
    if (rc < 0) {
        a->c->oom = 1;
        return OAP_ENOMEM;
    }
    if (rc == 0) {
        char q[80];
        quote(q, s, strlen(s));
        msg(a->c, a->line, OAP_IMPORT_NOTE, "%s is named twice in %s; kept once", q, a->where);
        return 0;
    }
    list_add(a->c, l, s);
    return a->c->oom ? OAP_ENOMEM : 0;
}

static int on_dropped(void *vctx, const char *text, size_t len, const char *after)
{
    actor_ctx *a = vctx;
    char q[80];
    quote(q, text, len);
    if (after)
        msg(a->c, a->line, OAP_IMPORT_NOTE, "\"%s\" after %s in %s is not an actor; left out", q,
            after, a->where);
    else
        msg(a->c, a->line, OAP_IMPORT_NOTE, "\"%s\" in %s is not an actor; left out", q, a->where);
    return 0;
}

typedef struct refs_ctx {
    ctx *c;
    strlist *list;
} refs_ctx;

static int on_ref(void *vctx, const oap_ref *ref)
{
    refs_ctx *r = vctx;
    char buf[3 * OAP_REF_ID_MAX + 8];
    oap_ref_format(ref, buf, sizeof buf);
    char *s = arena_str(r->c, buf);
    list_add(r->c, r->list, s);
    return r->c->oom ? OAP_ENOMEM : 0;
}

static void read_refs(ctx *c, const action *a, const char *text, int col, strlist *refs)
{
    oap_ref_error err = {0, ""};
    refs_ctx rc = {c, refs};
    int rv = oap_refs_read_cell(text, on_ref, &rc, &err);
    if (rv == -1) {
        char q[80];
        quote(q, text, strlen(text));
        msg(c, a->line, OAP_IMPORT_WARNING,
            "cannot read the %s cell of action %s (\"%s\") at character %zu: %s; the references "
            "from there on are not imported",
            col_names[col], a->id, q, err.offset + 1, err.message);
    }
}

typedef struct kpi_ctx {
    ctx *c;
    strlist *list;
} kpi_ctx;

static int on_kpi(void *vctx, const char *text, size_t len)
{
    kpi_ctx *k = vctx;
    char *s = oap_arena_strndup(&k->c->model->arena, text, len);
    if (!s) {
        k->c->oom = 1;
        return OAP_ENOMEM;
    }
    list_add(k->c, k->list, s);
    return k->c->oom ? OAP_ENOMEM : 0;
}

static const char *arena_or_null(ctx *c, char *s)
{
    const char *d = s && s[0] ? arena_str(c, s) : NULL;
    free(s);
    return d;
}

static const char *status_of(ctx *c, const action *a, const char *text)
{
    static const char *const statuses[] = {"planned",       "ongoing",   "completed", "continue",
                                           "not-completed", "cancelled", "unclear",   NULL};
    char norm[32];
    size_t k = 0;
    for (const char *s = text; *s && k < sizeof norm - 1; s++)
        norm[k++] = *s == ' ' ? '-' : (char)oap_ascii_lower((unsigned char)*s);
    norm[k] = '\0';
    for (size_t i = 0; statuses[i]; i++)
        if (strcmp(norm, statuses[i]) == 0)
            return statuses[i];
    char q[80];
    quote(q, text, strlen(text));
    msg(c, a->line, OAP_IMPORT_WARNING,
        "the status \"%s\" of action %s is not one of planned, ongoing, completed, continue, "
        "not-completed, cancelled, unclear; not imported",
        q, a->id);
    return NULL;
}

enum { MAX_MARKS = 64 };

static void finish_action(ctx *c, action *a, oap_action *out)
{
    unsigned marks[MAX_MARKS];
    size_t nmarks = 0;
    char *cl[COL_COUNT];
    const oap_import__footnotes *notes = c->council ? &c->notes : NULL;
    for (int k = 0; k < COL_COUNT; k++) {
        cl[k] = oap_import__clean(oap_strbuf_str(&a->cell[k]), notes, marks, &nmarks, MAX_MARKS);
        if (!cl[k])
            c->oom = 1;
    }
    if (c->oom)
        goto done;

    out->id = arena_str(c, a->id);
    out->goal = a->goal;
    out->title = arena_str(c, cl[COL_TITLE]);
    if (!cl[COL_TITLE][0])
        msg(c, a->line, OAP_IMPORT_WARNING, "action %s has an empty %s cell", a->id,
            col_names[COL_TITLE]);

    strlist leaders = {0}, helpers = {0}, participants = {0};
    actor_ctx ac = {c, &leaders, &helpers, "", a->line, OAP_STRMAP_INIT, OAP_STRMAP_INIT};
    snprintf(ac.where, sizeof ac.where, "the %s cell of action %s", col_names[COL_LEADER], a->id);
    oap_import__actor_cb cb = {on_actor, on_dropped, &ac};
    if (oap_import__split_actors(cl[COL_LEADER], 1, &cb) == OAP_ENOMEM)
        c->oom = 1;
    if (leaders.n == 0) {
        msg(c, a->line, OAP_IMPORT_WARNING,
            "action %s names no leader in its %s cell; its leaders are left blank", a->id,
            col_names[COL_LEADER]);
        list_add(c, &leaders, "");
    }
    /* Participants start with the helpers: their names are already in the list. */
    oap_strmap_free(&ac.seen);
    ac.seen = ac.seen_helpers;
    ac.seen_helpers = (oap_strmap)OAP_STRMAP_INIT;
    ac.main = &participants;
    ac.helpers = NULL;
    snprintf(ac.where, sizeof ac.where, "the %s cell of action %s", col_names[COL_PARTICIPANTS],
             a->id);
    /* Those the Leader cell names as helping ("ES, in cooperation with EC, IT, MT") come
     * first among the participants. */
    for (size_t i = 0; i < helpers.n; i++)
        list_add(c, &participants, helpers.items[i]);
    if (oap_import__split_actors(cl[COL_PARTICIPANTS], 0, &cb) == OAP_ENOMEM)
        c->oom = 1;
    oap_strmap_free(&ac.seen);
    out->leaders = list_take(c, &leaders);
    out->participants = list_take(c, &participants);
    free(helpers.items);

    out->description = arena_or_null(c, cl[COL_DESCRIPTION]);
    cl[COL_DESCRIPTION] = NULL;

    strlist refs = {0};
    read_refs(c, a, cl[COL_REFS_SG], COL_REFS_SG, &refs);
    read_refs(c, a, cl[COL_REFS_OA], COL_REFS_OA, &refs);
    out->refs = list_take(c, &refs);

    out->timing = arena_or_null(c, cl[COL_TIMING]);
    cl[COL_TIMING] = NULL;

    strlist kpis = {0};
    kpi_ctx kc = {c, &kpis};
    char *target = NULL;
    if (oap_import__split_kpis(cl[COL_TARGET], &target, on_kpi, &kc) == OAP_ENOMEM)
        c->oom = 1;
    out->target = arena_or_null(c, target);
    if (cl[COL_KPI][0]) {
        /* A KPI column: every line is a KPI, "KPI:" or not. */
        size_t n = strlen(cl[COL_KPI]);
        char *with = malloc(n + 6);
        if (!with)
            c->oom = 1;
        else {
            memcpy(with, "KPI: ", 5);
            memcpy(with + 5, cl[COL_KPI], n + 1);
            char *none = NULL;
            if (oap_import__split_kpis(with, &none, on_kpi, &kc) == OAP_ENOMEM)
                c->oom = 1;
            free(none);
            free(with);
        }
    }
    out->kpis = list_take(c, &kpis);

    if (cl[COL_JUNE][0] || cl[COL_DECEMBER][0] || cl[COL_STATUS][0]) {
        out->results.june = cl[COL_JUNE][0] ? arena_str(c, cl[COL_JUNE]) : NULL;
        out->results.december = cl[COL_DECEMBER][0] ? arena_str(c, cl[COL_DECEMBER]) : NULL;
        out->results.status = cl[COL_STATUS][0] ? status_of(c, a, cl[COL_STATUS]) : NULL;
        out->has_results = out->results.june || out->results.december || out->results.status;
    }
    out->link = cl[COL_LINK][0] ? arena_str(c, cl[COL_LINK]) : NULL;

    strlist notes_out = {0};
    for (size_t i = 0; i < nmarks; i++) {
        oap_import__footnote *fn = oap_import__footnote_find(&c->notes, marks[i]);
        int again = 0;
        for (size_t j = 0; j < i; j++)
            again |= marks[j] == marks[i];
        if (!fn || again)
            continue;
        fn->used = 1;
        char *t = oap_import__clean(fn->text, NULL, NULL, NULL, 0);
        if (!t) {
            c->oom = 1;
            continue;
        }
        list_add(c, &notes_out, arena_or_null(c, t));
    }
    for (const char *s = cl[COL_NOTES]; *s;) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        list_add(c, &notes_out, oap_arena_strndup(&c->model->arena, s, n));
        s += n + (e ? 1 : 0);
    }
    out->notes = list_take(c, &notes_out);
done:
    for (int k = 0; k < COL_COUNT; k++)
        free(cl[k]);
}

static int cmp_note(const void *x, const void *y)
{
    const oap_import__footnote *a = x, *b = y;
    if (a->number != b->number)
        return a->number < b->number ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

/* Sorts the footnotes and keeps the first of each number. */
static void settle_footnotes(ctx *c)
{
    oap_import__footnotes *f = &c->notes;
    if (f->n == 0)
        return;
    qsort(f->items, f->n, sizeof *f->items, cmp_note);
    size_t w = 0;
    for (size_t r = 0; r < f->n; r++) {
        if (w > 0 && f->items[w - 1].number == f->items[r].number) {
            msg(c, f->items[r].line, OAP_IMPORT_WARNING,
                "a second footnote %u (the first is on line %u); not imported", f->items[r].number,
                f->items[w - 1].line);
            free(f->items[r].text);
            continue;
        }
        f->items[w++] = f->items[r];
    }
    f->n = w;
}

static int valid_priority(const char *p)
{
    if (!p || !*p || strlen(p) > 32)
        return 0;
    for (; *p; p++)
        if (!is_id_char((unsigned char)*p))
            return 0;
    return 1;
}

static void meta_free(meta *m)
{
    char **all[] = {&m->priority,       &m->title,  &m->aim,     &m->cycle, &m->document,
                    &m->classification, &m->driver, &m->support, &m->id};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        free(*all[i]);
        *all[i] = NULL;
    }
    for (size_t i = 0; i < m->noverlaps; i++) {
        free(m->overlaps[i].priority);
        free(m->overlaps[i].note);
    }
    free(m->overlaps);
}

static const char *pick(ctx *c, const char *a, const char *b)
{
    return a ? arena_str(c, a) : b ? arena_str(c, b) : NULL;
}

/* An actor named in a metadata row: its code when known. */
static const char *actor_text(ctx *c, const char *s)
{
    strlist l = {0};
    actor_ctx ac = {
        c, &l, NULL, "the Driver row", c->meta.driver_line, OAP_STRMAP_INIT, OAP_STRMAP_INIT};
    oap_import__actor_cb cb = {on_actor, on_dropped, &ac};
    if (oap_import__split_actors(s, 0, &cb) == OAP_ENOMEM)
        c->oom = 1;
    oap_strmap_free(&ac.seen);
    const char *out = l.n > 0 ? l.items[0] : NULL;
    free(l.items);
    return out;
}

static oap_plan *build_plan(ctx *c)
{
    oap_plan *p = oap_model_add_plan(c->model);
    if (!p) {
        c->oom = 1;
        return NULL;
    }
    p->version = 1;
    p->file = arena_str(c, c->file);
    const char *priority = c->opts->priority  ? c->opts->priority
                           : c->meta.priority ? c->meta.priority
                                              : c->front.priority;
    int year = c->opts->year ? c->opts->year : c->meta.year ? c->meta.year : c->front.year;
    p->priority = arena_str(c, priority);
    p->year = year;
    char id[80];
    snprintf(id, sizeof id, "%d-%s", year, priority);
    p->id = c->meta.id ? arena_str(c, c->meta.id) : arena_str(c, id);
    if (c->meta.title || c->front.title) {
        p->title = pick(c, c->meta.title, c->front.title);
    } else {
        char t[64];
        snprintf(t, sizeof t, "Priority %s", priority);
        p->title = arena_str(c, t);
        msg(c, 0, OAP_IMPORT_NOTE,
            "the table gives no title for the priority; \"%s\" is used (add a \"Title: ...\" "
            "row above the header)",
            t);
    }
    p->aim = pick(c, c->meta.aim, c->front.aim);
    p->cycle = pick(c, c->meta.cycle, c->front.cycle);
    p->document = pick(c, c->meta.document, c->front.document);
    p->classification = pick(c, c->meta.classification,
                             c->front.classification ? c->front.classification : c->first_marking);
    if (c->meta.driver)
        p->driver = actor_text(c, c->meta.driver);
    else
        p->driver = pick(c, c->front.driver, NULL);

    strlist support = {0};
    if (c->meta.support) {
        actor_ctx ac = {c,
                        &support,
                        NULL,
                        "the Support row",
                        c->meta.support_line,
                        OAP_STRMAP_INIT,
                        OAP_STRMAP_INIT};
        oap_import__actor_cb cb = {on_actor, on_dropped, &ac};
        if (oap_import__split_actors(c->meta.support, 0, &cb) == OAP_ENOMEM)
            c->oom = 1;
        oap_strmap_free(&ac.seen);
    } else {
        for (size_t i = 0; i < c->front.nsupport; i++)
            list_add(c, &support, arena_str(c, c->front.support[i]));
    }
    p->support = list_take(c, &support);

    size_t nov = c->meta.noverlaps + c->front.noverlaps;
    if (nov > 0) {
        p->overlaps = oap_arena_alloc(&c->model->arena, nov * sizeof *p->overlaps);
        if (!p->overlaps) {
            c->oom = 1;
            return NULL;
        }
        for (size_t i = 0; i < c->front.noverlaps; i++)
            p->overlaps[p->noverlaps++] = (oap_overlap){arena_str(c, c->front.overlaps[i].priority),
                                                        arena_str(c, c->front.overlaps[i].note)};
        for (size_t i = 0; i < c->meta.noverlaps; i++)
            p->overlaps[p->noverlaps++] = (oap_overlap){
                arena_str(c, c->meta.overlaps[i].priority),
                c->meta.overlaps[i].note ? arena_str(c, c->meta.overlaps[i].note) : NULL};
    }

    if (c->ngoals > 0) {
        p->goals = oap_arena_alloc(&c->model->arena, c->ngoals * sizeof *p->goals);
        if (!p->goals) {
            c->oom = 1;
            return NULL;
        }
        for (size_t i = 0; i < c->ngoals; i++)
            p->goals[p->ngoals++] =
                (oap_goal){(uint32_t)i, c->goals[i].id, arena_str(c, c->goals[i].title)};
    }

    settle_footnotes(c);
    if (c->nactions > 0) {
        p->actions = oap_arena_alloc(&c->model->arena, c->nactions * sizeof *p->actions);
        if (!p->actions) {
            c->oom = 1;
            return NULL;
        }
        for (size_t i = 0; i < c->nactions && !c->oom; i++) {
            p->actions[p->nactions].at = (uint32_t)i;
            finish_action(c, &c->actions[i], &p->actions[p->nactions++]);
        }
    }
    for (size_t i = 0; i < c->notes.n; i++)
        if (!c->notes.items[i].used) {
            char q[80];
            quote(q, c->notes.items[i].text, strlen(c->notes.items[i].text));
            msg(c, c->notes.items[i].line, OAP_IMPORT_WARNING,
                "footnote %u (\"%s\") is marked in no cell of an action; cannot place it",
                c->notes.items[i].number, q);
        }
    for (size_t k = 0; k < c->ncols; k++) {
        colinfo *ci = &c->cols[k];
        if (ci->col >= 0 || ci->nonempty == 0)
            continue;
        char what[160], cells[96];
        if (ci->col == COL_UNNAMED)
            snprintf(what, sizeof what, "column %zu has no name in the header row", k + 1);
        else if (ci->col == COL_UNKNOWN)
            snprintf(what, sizeof what, "column %zu \"%s\" is not a column of an OAP table", k + 1,
                     ci->name);
        else
            continue; /* a repeated column: said at the header */
        if (ci->nonempty == 1)
            snprintf(cells, sizeof cells, "its cell with text on line %u is not imported",
                     ci->first_line);
        else
            snprintf(cells, sizeof cells,
                     "its %u cells with text (the first on line %u) are not imported", ci->nonempty,
                     ci->first_line);
        msg(c, c->header_line, OAP_IMPORT_WARNING, "%s; %s", what, cells);
    }
    return c->oom ? NULL : p;
}

int oap_import_read(oap_plan **out, oap_model *model, const char *file, const char *text,
                    size_t len, const oap_import_options *opts, oap_import_messages *msgs,
                    oap_import_format *detected)
{
    static const oap_import_options defaults = OAP_IMPORT_OPTIONS_INIT;
    ctx c = {0};
    oap_strbuf safe = OAP_STRBUF_INIT;
    row r = {0};
    int rc = 0;
    *out = NULL;
    c.model = model;
    c.msgs = msgs;
    c.opts = opts ? opts : &defaults;
    c.file = file ? file : "-";
    c.current_goal = -1;
    c.open_note = -1;
    c.goal_ids = (oap_strmap)OAP_STRMAP_INIT;
    c.action_ids = (oap_strmap)OAP_STRMAP_INIT;
    if (!text)
        len = 0;
    if (len > OAP_IMPORT_MAX_INPUT) {
        msg(&c, 0, OAP_IMPORT_ERROR, "the input is larger than %d MiB; an OAP table is far smaller",
            OAP_IMPORT_MAX_INPUT >> 20);
        rc = c.oom ? OAP_ENOMEM : OAP_ELIMIT;
        goto done;
    }
    make_safe(&c, text ? text : "", len, &safe);
    if (safe.oom || c.oom) {
        rc = OAP_ENOMEM;
        goto done;
    }
    oap_import_format format = c.opts->format;
    if (format == OAP_IMPORT_AUTO)
        format = oap_import_detect(safe.s, safe.len);
    if (detected)
        *detected = format;
    c.council = format == OAP_IMPORT_COUNCIL;

    rowreader rd = {safe.s, safe.len, 0, 1, '\t', format != OAP_IMPORT_COUNCIL};
    if (format == OAP_IMPORT_CSV) {
        int council_like;
        char d = scan_text(safe.s, safe.len, &council_like);
        rd.delim = d == ';' ? ';' : ',';
    }
    if (c.council) {
        unsigned line;
        size_t at = annex_start(safe.s, safe.len, &line);
        if (oap_import__read_front(&c.front, safe.s, at, 1, front_report, &c) < 0)
            c.oom = 1;
        for (size_t i = 0; i < c.front.ngoals && !c.oom; i++) {
            char id[32];
            snprintf(id, sizeof id, "SG%u", c.front.goals[i].number);
            if (find_goal(&c, id) >= 0) {
                msg(&c, c.front.goals[i].line, OAP_IMPORT_WARNING,
                    "goal %u is listed twice in section 5.1; the second is not imported",
                    c.front.goals[i].number);
                continue;
            }
            add_goal(&c, c.front.goals[i].number, c.front.goals[i].line, c.front.goals[i].title,
                     strlen(c.front.goals[i].title), 1);
        }
        c.front_goals = c.ngoals;
        rd.pos = at;
        rd.line = line;
    }
    int got;
    while (!c.oom && !c.fatal && (got = next_row(&c, &rd, &r)) != 0) {
        if (got < 0) {
            c.oom = 1;
            break;
        }
        on_row(&c, &r);
    }
    if (c.oom) {
        rc = OAP_ENOMEM;
        goto done;
    }
    if (c.fatal)
        goto done;
    if (!c.have_header) {
        msg(&c, 0, OAP_IMPORT_ERROR,
            "no header row was found (a row naming the columns: #, Activity, Leader, "
            "Participants, ...); nothing is imported");
        goto done;
    }

    const char *priority = c.opts->priority  ? c.opts->priority
                           : c.meta.priority ? c.meta.priority
                                             : c.front.priority;
    int year = c.opts->year ? c.opts->year : c.meta.year ? c.meta.year : c.front.year;
    if (!priority) {
        msg(&c, 0, OAP_IMPORT_ERROR,
            "the table does not say which priority it is for; give --priority (or a "
            "\"Priority: C\" row above the header)");
        rc = OAP_EINVAL;
    } else if (!valid_priority(priority)) {
        char q[80];
        quote(q, priority, strlen(priority));
        msg(&c, 0, OAP_IMPORT_ERROR,
            "the priority \"%s\" can only have letters, digits, \".\", \"_\" and \"-\"", q);
        rc = OAP_EINVAL;
    }
    if (!year) {
        msg(&c, 0, OAP_IMPORT_ERROR,
            "the table does not say which year it is for; give --year (or a \"Year: 2012\" row "
            "above the header)");
        rc = OAP_EINVAL;
    } else if (year < 1900 || year > 2200) {
        msg(&c, 0, OAP_IMPORT_ERROR, "the year %d is not between 1900 and 2200", year);
        rc = OAP_EINVAL;
    }
    if (rc == 0 && c.meta.id && !valid_priority(c.meta.id)) {
        /* A "Plan:" row often holds a caption ("OAP 2012 C") rather than an id: the plan
         * keeps the id made from its year and priority, as if the row were absent. */
        char q[80];
        quote(q, c.meta.id, strlen(c.meta.id));
        msg(&c, c.meta.id_line, OAP_IMPORT_WARNING,
            "the plan id \"%s\" can only have letters, digits, \".\", \"_\" and \"-\"; "
            "the plan is given the id %d-%s from its year and priority",
            q, year, priority);
        free(c.meta.id);
        c.meta.id = NULL;
    }
    if (rc)
        goto done;
    *out = build_plan(&c);
    if (c.oom) {
        *out = NULL;
        rc = OAP_ENOMEM;
    }
done:
    if (c.oom && rc == 0)
        rc = OAP_ENOMEM;
    sort_messages(msgs);
    oap_strbuf_free(&safe);
    oap_strbuf_free(&r.buf);
    free(r.offs);
    free(c.cols);
    for (size_t i = 0; i < c.ngoals; i++)
        free(c.goals[i].title);
    free(c.goals);
    oap_strmap_free(&c.goal_ids);
    oap_strmap_free(&c.action_ids);
    for (size_t i = 0; i < c.nactions; i++) {
        free(c.actions[i].id);
        for (int k = 0; k < COL_COUNT; k++)
            oap_strbuf_free(&c.actions[i].cell[k]);
    }
    free(c.actions);
    for (size_t i = 0; i < c.notes.n; i++)
        free(c.notes.items[i].text);
    free(c.notes.items);
    meta_free(&c.meta);
    oap_import__front_free(&c.front);
    return rc;
}
