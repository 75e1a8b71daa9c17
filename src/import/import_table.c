/* import_table: OAP tables (TSV, CSV, text pasted from the Council document) -> a plan. */
#define _POSIX_C_SOURCE 200809L
#include "import_table.h"

#include "import_council.h"
#include "import_text.h"

#include "oapgraph/common.h"
#include "core/strbuf.h"
#include "core/strmap.h"

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

static void front_report(void *vc, unsigned line, oap_import_level level, const char *message)
{
    oap_import__msg(vc, line, level, "%s", message);
}

char *oap_import__arena_str(oap_import__ctx *c, const char *s)
{
    char *d = oap_arena_strdup(&c->model->arena, s ? s : "");
    if (!d)
        c->oom = 1;
    return d;
}

char *oap_import__dup_n(oap_import__ctx *c, const char *s, size_t n)
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

static void meta_free(oap_import__meta *m)
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

int oap_import_read(oap_plan **out, oap_model *model, const char *file, const char *text,
                    size_t len, const oap_import_options *opts, oap_import_messages *msgs,
                    oap_import_format *detected)
{
    static const oap_import_options defaults = OAP_IMPORT_OPTIONS_INIT;
    oap_import__ctx c = {0};
    oap_strbuf safe = OAP_STRBUF_INIT;
    oap_import__row r = {0};
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
        oap_import__msg(&c, 0, OAP_IMPORT_ERROR,
                        "the input is larger than %d MiB; an OAP table is far smaller",
                        OAP_IMPORT_MAX_INPUT >> 20);
        rc = c.oom ? OAP_ENOMEM : OAP_ELIMIT;
        goto done;
    }
    oap_import__make_safe(&c, text ? text : "", len, &safe);
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

    oap_import__rowreader rd = {safe.s, safe.len, 0, 1, '\t', format != OAP_IMPORT_COUNCIL};
    if (format == OAP_IMPORT_CSV) {
        int council_like;
        char d = oap_import__scan_text(safe.s, safe.len, &council_like);
        rd.delim = d == ';' ? ';' : ',';
    }
    if (c.council) {
        unsigned line;
        size_t at = oap_import__annex_start(safe.s, safe.len, &line);
        if (oap_import__read_front(&c.front, safe.s, at, 1, front_report, &c) < 0)
            c.oom = 1;
        for (size_t i = 0; i < c.front.ngoals && !c.oom; i++) {
            char id[32];
            snprintf(id, sizeof id, "SG%u", c.front.goals[i].number);
            if (oap_import__find_goal(&c, id) >= 0) {
                oap_import__msg(
                    &c, c.front.goals[i].line, OAP_IMPORT_WARNING,
                    "goal %u is listed twice in section 5.1; the second is not imported",
                    c.front.goals[i].number);
                continue;
            }
            oap_import__add_goal(&c, c.front.goals[i].number, c.front.goals[i].line,
                                 c.front.goals[i].title, strlen(c.front.goals[i].title), 1);
        }
        c.front_goals = c.ngoals;
        rd.pos = at;
        rd.line = line;
    }
    int got;
    while (!c.oom && !c.fatal && (got = oap_import__next_row(&c, &rd, &r)) != 0) {
        if (got < 0) {
            c.oom = 1;
            break;
        }
        oap_import__place_row(&c, &r);
    }
    if (c.oom) {
        rc = OAP_ENOMEM;
        goto done;
    }
    if (c.fatal)
        goto done;
    if (!c.have_header) {
        oap_import__msg(&c, 0, OAP_IMPORT_ERROR,
                        "no header row was found (a row naming the columns: #, Activity, Leader, "
                        "Participants, ...); nothing is imported");
        goto done;
    }

    const char *priority = c.opts->priority  ? c.opts->priority
                           : c.meta.priority ? c.meta.priority
                                             : c.front.priority;
    int year = c.opts->year ? c.opts->year : c.meta.year ? c.meta.year : c.front.year;
    if (!priority) {
        oap_import__msg(&c, 0, OAP_IMPORT_ERROR,
                        "the table does not say which priority it is for; give --priority (or a "
                        "\"Priority: C\" row above the header)");
        rc = OAP_EINVAL;
    } else if (!oap_import__valid_priority(priority)) {
        char q[80];
        oap_import__quote(q, priority, strlen(priority));
        oap_import__msg(&c, 0, OAP_IMPORT_ERROR,
                        "the priority \"%s\" can only have letters, digits, \".\", \"_\" and \"-\"",
                        q);
        rc = OAP_EINVAL;
    }
    if (!year) {
        oap_import__msg(
            &c, 0, OAP_IMPORT_ERROR,
            "the table does not say which year it is for; give --year (or a \"Year: 2012\" row "
            "above the header)");
        rc = OAP_EINVAL;
    } else if (year < 1900 || year > 2200) {
        oap_import__msg(&c, 0, OAP_IMPORT_ERROR, "the year %d is not between 1900 and 2200", year);
        rc = OAP_EINVAL;
    }
    if (rc == 0 && c.meta.id && !oap_import__valid_priority(c.meta.id)) {
        /* A "Plan:" row often holds a caption ("OAP 2012 C") rather than an id: the plan
         * keeps the id made from its year and priority, as if the row were absent. */
        char q[80];
        oap_import__quote(q, c.meta.id, strlen(c.meta.id));
        oap_import__msg(&c, c.meta.id_line, OAP_IMPORT_WARNING,
                        "the plan id \"%s\" can only have letters, digits, \".\", \"_\" and \"-\"; "
                        "the plan is given the id %d-%s from its year and priority",
                        q, year, priority);
        free(c.meta.id);
        c.meta.id = NULL;
    }
    if (rc)
        goto done;
    *out = oap_import__build_plan(&c);
    if (c.oom) {
        *out = NULL;
        rc = OAP_ENOMEM;
    }
done:
    if (c.oom && rc == 0)
        rc = OAP_ENOMEM;
    oap_import__messages_sort(msgs);
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
        for (int k = 0; k < OAP_COL_COUNT; k++)
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
