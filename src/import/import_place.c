/* import_place: each row placed: the header, a goal heading, an action, a continuation,
 * a footnote, a metadata row; what cannot be placed is said. */
#include "import_table.h"

#include "import_text.h"

#include "oapgraph/common.h"
#include "core/array.h"
#include "core/ascii.h"
#include "core/strbuf.h"
#include "core/strmap.h"
#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The template's column order, assumed for Council text that has no header row. */
static const int template_cols[] = {OAP_COL_ID,           OAP_COL_TITLE,       OAP_COL_LEADER,
                                    OAP_COL_PARTICIPANTS, OAP_COL_DESCRIPTION, OAP_COL_REFS_SG,
                                    OAP_COL_REFS_OA,      OAP_COL_TIMING,      OAP_COL_TARGET,
                                    OAP_COL_JUNE,         OAP_COL_DECEMBER};

static void set_header(oap_import__ctx *c, const oap_import__row *r)
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
    long first[OAP_COL_COUNT];
    for (size_t k = 0; k < OAP_COL_COUNT; k++)
        first[k] = -1;
    for (size_t k = 0; k < r->n; k++) {
        size_t len;
        const char *name = oap_import__trimmed(oap_import__cell(r, k), &len);
        oap_import__colinfo *ci = &c->cols[k];
        /* Cut on a UTF-8 boundary, for messages. */
        size_t keep = len < sizeof ci->name - 1 ? len : oap_utf8_cut(name, sizeof ci->name - 1);
        memcpy(ci->name, name, keep);
        ci->name[keep] = '\0';
        if (len == 0) {
            ci->col = OAP_COL_UNNAMED;
            continue;
        }
        ci->col = oap_import__column_of(ci->name);
        if (ci->col >= 0 && first[ci->col] >= 0) {
            oap_import__msg(
                c, r->line, OAP_IMPORT_WARNING,
                "column %zu \"%s\" is a second %s column (the first is column %ld); its cells "
                "are not imported",
                k + 1, ci->name, oap_import__col_names[ci->col], first[ci->col] + 1);
            ci->col = OAP_COL_REPEAT;
        } else if (ci->col >= 0) {
            first[ci->col] = (long)k;
        }
    }
    c->id_col = first[OAP_COL_ID] >= 0 ? (size_t)first[OAP_COL_ID] : 0;
    static const int required[] = {OAP_COL_ID, OAP_COL_TITLE, OAP_COL_LEADER};
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
        oap_import__msg(
            c, r->line, OAP_IMPORT_ERROR,
            "the header row has no %s column (expected one named %s; found: %s); nothing is "
            "imported",
            oap_import__col_names[required[q]], expect[q], found);
        c->fatal = 1;
    }
}

static void set_template_header(oap_import__ctx *c, unsigned line)
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
        snprintf(c->cols[k].name, sizeof c->cols[k].name, "%s",
                 oap_import__col_names[template_cols[k]]);
    }
    oap_import__msg(
        c, line, OAP_IMPORT_NOTE,
        "no header row before the first action; the columns are read in the template's order "
        "(#, Activity, Leader, Participants, Description, I/D SG, I/D OA, Timing, Target, "
        "Results>June, Results>Dec)");
}

long oap_import__find_goal(oap_import__ctx *c, const char *id)
{
    uint32_t v;
    return oap_strmap_get(&c->goal_ids, id, &v) ? (long)v : -1;
}

long oap_import__add_goal(oap_import__ctx *c, unsigned number, unsigned line, const char *title,
                          size_t tlen, int from_front)
{
    char id[32];
    snprintf(id, sizeof id, "SG%u", number);
    if (OAP_ARRAY_RESERVE(c->goals, c->goals_cap, c->ngoals + 1) < 0) {
        c->oom = 1;
        return -1;
    }
    oap_import__goal *g = &c->goals[c->ngoals];
    g->number = number;
    g->line = line;
    g->from_front = from_front;
    g->id = oap_import__arena_str(c, id);
    g->title = oap_import__dup_n(c, title, tlen);
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
    oap_import__quote(qa, a + p, ea - p);
    oap_import__quote(qb, b + p, eb - p);
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

static void on_heading(oap_import__ctx *c, const oap_import__row *r, int kind, unsigned number,
                       const char *title, size_t tlen)
{
    c->can_continue = 0;
    c->skipping = 0;
    size_t len;
    const char *first = oap_import__trimmed(oap_import__cell(r, 0), &len);
    char q[80];
    oap_import__quote(q, first, len);
    for (size_t k = 1; k < r->n; k++)
        if (!oap_import__blank_text(oap_import__cell(r, k))) {
            char qc[80];
            oap_import__quote(qc, oap_import__cell(r, k), strlen(oap_import__cell(r, k)));
            oap_import__msg(c, r->line, OAP_IMPORT_WARNING,
                            "cannot place \"%s\" in column %zu of a goal heading row; not imported",
                            qc, k + 1);
        }
    if (kind < 0) {
        oap_import__msg(
            c, r->line, OAP_IMPORT_WARNING,
            "cannot read the goal heading \"%s\" (expected \"Strategic Goal N: title\"); the "
            "actions under it are not imported",
            q);
        c->current_goal = -2;
        c->bad_heading_line = r->line;
        return;
    }
    char id[32];
    snprintf(id, sizeof id, "SG%u", number);
    long g = oap_import__find_goal(c, id);
    char *t = oap_import__dup_n(c, title, tlen);
    if (!t)
        return;
    collapse(t);
    if (g >= 0) {
        oap_import__goal *G = &c->goals[g];
        if (!G->title[0] && t[0]) {
            free(G->title);
            G->title = t;
            t = NULL;
        } else if (t[0] && strcmp(G->title, t) != 0) {
            char diff[200];
            word_diff(t, G->title, diff, sizeof diff);
            if (G->from_front)
                oap_import__msg(
                    c, r->line, OAP_IMPORT_NOTE,
                    "the heading of Strategic Goal %u says %s (line %u); section 5.1's wording "
                    "is kept",
                    number, diff, G->line);
            else
                oap_import__msg(
                    c, r->line, OAP_IMPORT_NOTE,
                    "this heading of Strategic Goal %u is worded differently from the one on "
                    "line %u; the first wording is kept",
                    number, G->line);
        }
        free(t);
        c->current_goal = g;
        return;
    }
    if (c->front_goals > 0)
        oap_import__msg(
            c, r->line, OAP_IMPORT_WARNING,
            "Strategic Goal %u is not one of the %zu goals of section 5.1; it is added with the "
            "heading's wording",
            number, c->front_goals);
    c->current_goal = oap_import__add_goal(c, number, r->line, t, strlen(t), 0);
    free(t);
}

static void on_action(oap_import__ctx *c, const oap_import__row *r, const char *id)
{
    c->skipping = 1;
    c->can_continue = 0;
    if (c->current_goal == -2) {
        oap_import__msg(
            c, r->line, OAP_IMPORT_WARNING,
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
        goal_id = oap_import__arena_str(c, g);
        if (!goal_id)
            return;
        oap_import__msg(
            c, r->line, OAP_IMPORT_WARNING,
            "action %s comes before any \"Strategic Goal N:\" heading; it is placed under %s by "
            "its number",
            id, goal_id);
    }
    uint32_t seen;
    if (oap_strmap_get(&c->action_ids, id, &seen))
        oap_import__msg(c, r->line, OAP_IMPORT_WARNING,
                        "action %s is also on line %u; both are imported, and ids must be unique",
                        id, c->actions[seen].line);
    if (OAP_ARRAY_RESERVE(c->actions, c->actions_cap, c->nactions + 1) < 0) {
        c->oom = 1;
        return;
    }
    oap_import__action *a = &c->actions[c->nactions];
    memset(a, 0, sizeof *a);
    a->line = r->line;
    a->goal = goal_id;
    a->id = oap_import__dup_n(c, id, strlen(id));
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
    c->last_col = -1;
    for (size_t k = 0; k < r->n && k < c->ncols; k++) {
        int col = c->cols[k].col;
        if (col >= 0 && col != OAP_COL_ID)
            oap_strbuf_putn(&a->cell[col], oap_import__cell(r, k), strlen(oap_import__cell(r, k)));
        if (col >= 0 && col != OAP_COL_ID && !oap_import__blank_text(oap_import__cell(r, k)))
            c->last_col = col;
    }
}

/* A line without a delimiter under an action: the tail of the last cell above, whose line
 * break was pasted from Word without quotes, so the spreadsheet made a row of it. It goes
 * on that cell, on a new line, with a note. 1 when joined. */
static int join_pasted_line(oap_import__ctx *c, const oap_import__row *r, const char *s, size_t len)
{
    if (c->council || r->n != 1 || !c->have_header || !c->can_continue || c->nactions == 0 ||
        c->last_col < 0)
        return 0;
    oap_import__action *a = &c->actions[c->nactions - 1];
    oap_strbuf *cell = &a->cell[c->last_col];
    if (cell->len > 0)
        oap_strbuf_putc(cell, '\n');
    oap_strbuf_putn(cell, s, len);
    char q[80];
    oap_import__quote(q, s, len);
    oap_import__msg(c, r->line, OAP_IMPORT_NOTE,
                    "\"%s\" stands alone on its line: read as the rest of the %s cell of action "
                    "%s above (a line break pasted into the cell)",
                    q, oap_import__col_names[c->last_col], a->id);
    return 1;
}

/* Cells of a row that carries on the action above: each goes on its column's cell on a
 * new line. */
static void on_continuation(oap_import__ctx *c, const oap_import__row *r)
{
    oap_import__action *a = &c->actions[c->nactions - 1];
    for (size_t k = 0; k < r->n && k < c->ncols; k++) {
        int col = c->cols[k].col;
        const char *s = oap_import__cell(r, k);
        if (col < 0 || col == OAP_COL_ID || oap_import__blank_text(s))
            continue;
        /* "+ Europol" under "IT": a line of the Leader cell that Excel made a row of its
         * own; the "+" joins, it is no actor. */
        if (col == OAP_COL_LEADER || col == OAP_COL_PARTICIPANTS) {
            const char *t = s;
            while (*t == ' ')
                t++;
            if (*t == '+') {
                do
                    t++;
                while (*t == ' ');
                char q[80];
                oap_import__quote(q, t, strlen(t));
                oap_import__msg(c, r->line, OAP_IMPORT_WARNING,
                                "the %s cell goes on on this row with \"+ %s\": joined to "
                                "those of action %s above, without the \"+\"",
                                oap_import__col_names[col], q, a->id);
                s = t;
            }
        }
        if (a->cell[col].len > 0)
            oap_strbuf_putc(&a->cell[col], '\n');
        oap_strbuf_putn(&a->cell[col], s, strlen(s));
        c->last_col = col;
    }
}

/* Cells in columns that are not imported: counted for one message per column. */
static void count_unplaced(oap_import__ctx *c, const oap_import__row *r)
{
    for (size_t k = 0; k < r->n && k < c->ncols; k++)
        if (c->cols[k].col < 0 && !oap_import__blank_text(oap_import__cell(r, k))) {
            if (c->cols[k].nonempty++ == 0)
                c->cols[k].first_line = r->line;
        }
}

/* Cells beyond the header's: the row cannot be trusted to be aligned. */
static int too_many_cells(oap_import__ctx *c, const oap_import__row *r, const char *what)
{
    size_t last = r->n;
    while (last > c->ncols && oap_import__blank_text(oap_import__cell(r, last - 1)))
        last--;
    if (last <= c->ncols)
        return 0;
    oap_import__msg(
        c, r->line, OAP_IMPORT_WARNING,
        "%s has %zu cells but the header row (line %u) has %zu; the row is not imported (in "
        "CSV, a cell with a comma must be in double quotes)",
        what, last, c->header_line, c->ncols);
    return 1;
}

static char **meta_slot(oap_import__ctx *c, const char *key, size_t n)
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
static int on_meta(oap_import__ctx *c, const oap_import__row *r)
{
    size_t len;
    const char *first = oap_import__trimmed(oap_import__cell(r, 0), &len);
    const char *colon = memchr(first, ':', len);
    const char *key = first, *value;
    size_t klen, vlen;
    size_t next = 1;
    if (colon && colon > first) {
        klen = (size_t)(colon - first);
        value =
            oap_import__trimmed(colon + 1, &vlen); /* the cell's end is first's end, blanks aside */
        if (vlen == 0) {
            value = oap_import__trimmed(oap_import__cell(r, 1), &vlen);
            next = 2;
        }
    } else {
        klen = len;
        value = oap_import__trimmed(oap_import__cell(r, 1), &vlen);
        next = 2;
    }
    while (klen > 0 && key[klen - 1] == ' ')
        klen--;
    int year = klen == 4 && oap_import__starts_ci(key, klen, "year");
    int overlap = (klen == 7 && oap_import__starts_ci(key, klen, "overlap")) ||
                  (klen == 8 && oap_import__starts_ci(key, klen, "overlaps")) ||
                  oap_import__starts_ci(key, klen, "inter-dependenc") ||
                  oap_import__starts_ci(key, klen, "interdependenc");
    char **slot = year || overlap ? NULL : meta_slot(c, key, klen);
    if (!year && !overlap && !slot)
        return 0;
    for (size_t k = next; k < r->n; k++)
        if (!oap_import__blank_text(oap_import__cell(r, k))) {
            char qc[80];
            oap_import__quote(qc, oap_import__cell(r, k), strlen(oap_import__cell(r, k)));
            oap_import__msg(c, r->line, OAP_IMPORT_WARNING,
                            "cannot place \"%s\" in column %zu of the \"%.*s\" row; not imported",
                            qc, k + 1, (int)klen, key);
        }
    if (vlen == 0) {
        oap_import__msg(c, r->line, OAP_IMPORT_WARNING, "the \"%.*s\" row has no value", (int)klen,
                        key);
        return 1;
    }
    char *v = oap_import__dup_n(c, value, vlen);
    if (!v)
        return 1;
    if (year) {
        char *end;
        long y = strtol(v, &end, 10);
        if (*end || y < 1900 || y > 2200) {
            char q[80];
            oap_import__quote(q, v, strlen(v));
            oap_import__msg(c, r->line, OAP_IMPORT_WARNING,
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
        if (oap_import__starts_ci(v, vlen, "priority ")) {
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
            oap_import__quote(q, v, strlen(v));
            oap_import__msg(
                c, r->line, OAP_IMPORT_WARNING,
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
        c->meta.overlaps[c->meta.noverlaps].priority = oap_import__dup_n(c, p, plen);
        c->meta.overlaps[c->meta.noverlaps].note =
            note ? oap_import__dup_n(c, note, strlen(note)) : NULL;
        c->meta.noverlaps++;
        free(v);
        return 1;
    }
    if (*slot) {
        oap_import__msg(c, r->line, OAP_IMPORT_WARNING,
                        "the \"%.*s\" row repeats an earlier one; the first value is kept",
                        (int)klen, key);
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
static int on_title_row(oap_import__ctx *c, const oap_import__row *r)
{
    size_t len;
    const char *s = oap_import__trimmed(oap_import__cell(r, 0), &len);
    int found = 0;
    for (size_t k = 1; k < r->n; k++)
        if (!oap_import__blank_text(oap_import__cell(r, k)))
            return 0;
    if (oap_import__starts_ci(s, len, "operational action plan ")) {
        size_t i = 24;
        if (oap_import__starts_ci(s + i, len - i, "for "))
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
    if (oap_import__starts_ci(s, len, "priority crime area ")) {
        size_t i = 20, n = 0;
        while (i + n < len && (oap_ascii_is_alpha((unsigned char)s[i + n]) ||
                               oap_ascii_is_digit((unsigned char)s[i + n])))
            n++;
        if (n >= 1 && n <= 3 && i + n < len && s[i + n] == ':') {
            if (!c->meta.priority)
                c->meta.priority = oap_import__dup_n(c, s + i, n);
            i += n + 1;
            while (i < len && s[i] == ' ')
                i++;
            /* As written: no rule tells "West Africa" from "Illegal Immigration". */
            if (!c->meta.title && i < len)
                c->meta.title = oap_import__dup_n(c, s + i, len - i);
            found = 1;
        }
    }
    return found;
}

static void new_footnote(oap_import__ctx *c, unsigned line, unsigned number, const char *text)
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
static void more_footnote(oap_import__ctx *c, const char *text)
{
    oap_strbuf_putc(&c->note, ' ');
    oap_strbuf_puts(&c->note, text);
    /* Even after a failed append the text is where c->note says (it may have moved). */
    c->notes.items[c->open_note].text = c->note.s;
    if (c->note.oom)
        c->oom = 1;
}

static void cannot_place(oap_import__ctx *c, const oap_import__row *r)
{
    size_t first = 0;
    while (first < r->n && oap_import__blank_text(oap_import__cell(r, first)))
        first++;
    size_t len;
    const char *s = oap_import__trimmed(oap_import__cell(r, first), &len);
    char q[80];
    oap_import__quote(q, s, len);
    if (first == 0)
        oap_import__msg(
            c, r->line, OAP_IMPORT_WARNING,
            "cannot place this row: \"%s\" is neither an action number, a \"Strategic Goal N:\" "
            "heading nor the header row",
            q);
    else
        oap_import__msg(
            c, r->line, OAP_IMPORT_WARNING,
            "cannot place this row: it starts with an empty cell but there is no action above "
            "it to carry on (\"%s\" in column %zu)",
            q, first + 1);
}

/* The running footers of a Council document converted from PDF, which land between the
 * rows of the annex tables: the document number with initials and page ("17793/2/11 REV 2
 * GS/np  12") and the directorate line ("ANNEX  DG H 2B  RESTREINT UE/EU RESTRICTED  EN").
 * Page furniture, like the classification lines: skipped, with one note per kind so the
 * reader knows what was left out. 1 when the line is one of them. */
static int skip_furniture(oap_import__ctx *c, const oap_import__row *r, const char *line,
                          size_t len)
{
    int *said;
    if (c->front.document && strncmp(line, c->front.document, strlen(c->front.document)) == 0)
        said = &c->said_footer;
    else if (oap_import__directorate_line(line, len))
        said = &c->said_directorate;
    else
        return 0;
    if (!*said) {
        char q[80];
        oap_import__quote(q, line, len);
        oap_import__msg(c, r->line, OAP_IMPORT_NOTE,
                        "\"%s\" is a page footer; skipped, as are the ones like it below", q);
        *said = 1;
    }
    c->open_note = -1;
    return 1;
}

/* An action id that Excel took for a day and a month and shows as a date: "01.Jan" (or
 * "1-Jan", "01/Jan") for 1.1, "02.Mar" for 2.3. The id it stands for, in id; 1, or 0 when
 * the cell is not such a date. */
static int excel_date_id(const char *s, size_t n, char id[33])
{
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    size_t d = 0;
    while (d < n && d < 3 && oap_ascii_is_digit((unsigned char)s[d]))
        d++;
    if (d == 0 || d == 3 || d + 4 != n || (s[d] != '.' && s[d] != '-' && s[d] != '/'))
        return 0;
    char m[4] = {(char)oap_ascii_lower((unsigned char)s[d + 1]),
                 (char)oap_ascii_lower((unsigned char)s[d + 2]),
                 (char)oap_ascii_lower((unsigned char)s[d + 3]), '\0'};
    const char *hit = strstr(months, m);
    if (!hit || (hit - months) % 3 != 0)
        return 0;
    unsigned day = (unsigned)(s[0] - '0');
    if (d == 2)
        day = day * 10 + (unsigned)(s[1] - '0');
    if (day == 0)
        return 0;
    snprintf(id, 33, "%u.%u", day, (unsigned)((hit - months) / 3 + 1));
    return 1;
}

void oap_import__place_row(oap_import__ctx *c, const oap_import__row *r)
{
    size_t len;
    const char *first = oap_import__trimmed(oap_import__cell(r, 0), &len);
    const char *marking;
    unsigned number;
    const char *text;
    size_t tlen;
    char id[33];

    if (oap_import__row_blank(r)) {
        c->open_note = -1;
        return;
    }
    int single = 1;
    for (size_t k = 1; k < r->n; k++)
        if (!oap_import__blank_text(oap_import__cell(r, k)))
            single = 0;
    if (single && (marking = oap_import__marking(first, len)) != NULL) {
        if (!c->first_marking)
            c->first_marking = marking;
        c->open_note = -1;
        return;
    }
    if (c->council && r->n == 1) {
        int kind;
        if (oap_import__footnote_line(first, &number, &text)) {
            new_footnote(c, r->line, number, text);
            return;
        }
        if ((kind = oap_import__goal_heading(first, len, &number, &text, &tlen)) != 0) {
            c->open_note = -1;
            on_heading(c, r, kind, number, text, tlen);
            return;
        }
        if (skip_furniture(c, r, first, len))
            return;
        if (c->open_note >= 0) {
            more_footnote(c, first);
            return;
        }
    }
    c->open_note = -1;
    if (oap_import__row_separator(r))
        return;
    int kind = oap_import__goal_heading(first, len, &number, &text, &tlen);
    if (kind != 0) {
        on_heading(c, r, kind, number, text, tlen);
        return;
    }
    if (oap_import__is_header(r)) {
        set_header(c, r);
        return;
    }
    if (!c->have_header && !c->council && (on_meta(c, r) || on_title_row(c, r)))
        return;
    size_t idlen;
    const char *idcell =
        oap_import__trimmed(oap_import__cell(r, c->have_header ? c->id_col : 0), &idlen);
    int dated = idlen > 0 && excel_date_id(idcell, idlen, id);
    if (dated) {
        char q[80];
        oap_import__quote(q, idcell, idlen);
        oap_import__msg(c, r->line, OAP_IMPORT_WARNING,
                        "the id \"%s\" is how Excel shows the date it made of %s; read as "
                        "action %s (format the column as text to keep ids)",
                        q, id, id);
    }
    if (dated || (idlen > 0 && oap_import__action_id(idcell, idlen, id))) {
        if (!c->have_header) {
            if (!c->council) {
                oap_import__msg(c, r->line, OAP_IMPORT_WARNING,
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
            oap_import__msg(
                c, r->line, OAP_IMPORT_WARNING,
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
        oap_import__quote(q, first, len);
        oap_import__msg(
            c, r->line, OAP_IMPORT_WARNING,
            "cannot place this row above the header: \"%s\" (metadata rows are \"Priority: C\", "
            "\"Year: 2012\", \"Title: ...\")",
            q);
        return;
    }
    if (join_pasted_line(c, r, first, len))
        return;
    cannot_place(c, r);
}
