/* fuzz_load: the plan and cycle loader (oap_planset_load_buffer), every rule
 * (oap_check_run) and the four report writers on any bytes.
 *
 * Input: one or more plan or cycle files separated by lines "#file" (so that rules
 * across plans, duplicate ids, cross-plan references and plans' cycles are reached), then
 * optionally "\n#fuzz " and
 * option bytes:
 *   0: overlap threshold, byte / 255 (absent: the rule's default)
 *   1: bit 0 set: small load limits (nesting, string length, actions) from bytes 2..4
 * A plan fixture as it is, is a valid input with the defaults.
 *
 * Properties, beyond "no crash, no leak, no sanitizer report, no timeout":
 *   - loading a buffer returns 0, and every file given is listed in the run;
 *   - every finding has a rule, a severity, a message and one of the run's files;
 *   - a file is a plan or a cycle or neither; a plan's cycle is one of the run's, and
 *     holds the plan's years (or, for a plan without years, is the one it names);
 *   - a file jansson cannot read has one syntax finding, at a line and column of 1 or
 *     more, naming no "<stream>"; a file it reads has none; a file with a duplicate key
 *     (which jansson would silently keep) has a schema finding that says so (issue 10);
 *   - text report: one line per finding, no control character (ESC, CR, ...), no C1
 *     control and no bidirectional override or isolate (U+202A..U+202E,
 *     U+2066..U+2069) reaches it unescaped;
 *   - JSON and SARIF reports: valid JSON without duplicate keys, one entry per finding;
 *   - Markdown report: no C0 control character but line breaks; every table keeps its column count
 * on every row (no cell text adds or breaks a column or a row); one row per finding. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_plans.h"

#include "oapgraph/check.h"
#include "oapgraph/diag.h"
#include "oapgraph/plan.h"
#include "oapgraph/report.h"

#include <jansson.h>

typedef struct mem {
    char *s;
    size_t len;
} mem;

/* Runs a report writer into memory; the writer must succeed. */
static mem report(int (*writer)(FILE *, const oap_diags *, const oap_report_options *),
                  const oap_diags *diags, const oap_report_options *opts, const char *what)
{
    mem m = {NULL, 0};
    FILE *f = open_memstream(&m.s, &m.len);
    FUZZ_ASSERT(f != NULL, "open_memstream");
    int rc = writer(f, diags, opts);
    FUZZ_ASSERT(rc == 0, "%s report returned %d", what, rc);
    FUZZ_ASSERT(fclose(f) == 0, "%s report: fclose", what);
    return m;
}

/* The code point of the UTF-8 sequence at s (n bytes left), and its length in *len; -1
 * for a byte that starts no valid sequence. */
static long utf8_at(const unsigned char *s, size_t n, size_t *len)
{
    *len = 1;
    if (s[0] < 0x80)
        return s[0];
    int k = s[0] >= 0xf0 ? 3 : s[0] >= 0xe0 ? 2 : s[0] >= 0xc0 ? 1 : -1;
    if (k < 0 || (size_t)k >= n)
        return -1;
    long c = s[0] & (0x3f >> k);
    for (int i = 1; i <= k; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return -1;
        c = c << 6 | (s[i] & 0x3f);
    }
    *len = (size_t)k + 1;
    return c;
}

/* Build with -DFUZZ_TERMINAL_CHECKS=0 to fuzz past a known C1 or bidi leak into the text
 * report while it is being fixed (C0 controls are always checked). */
#ifndef FUZZ_TERMINAL_CHECKS
#define FUZZ_TERMINAL_CHECKS 1
#endif

/* What a terminal must never receive from plan text (terminal non-zero), and what no
 * report may hold (C0 controls but the line break, DEL). */
static int dangerous(long c, int terminal)
{
    if ((c >= 0 && c < 0x20 && c != '\n') || c == 0x7f)
        return 1;
    return terminal && FUZZ_TERMINAL_CHECKS &&
           ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
            (c >= 0x2066 && c <= 0x2069));
}

static void no_dangerous_text(const mem *m, const char *what, int terminal)
{
    const unsigned char *s = (const unsigned char *)m->s;
    for (size_t i = 0; i < m->len;) {
        size_t n;
        long c = utf8_at(s + i, m->len - i, &n);
        FUZZ_ASSERT(!dangerous(c, terminal), "%s report: U+%04lX at byte %zu: %.*s", what, c, i,
                    (int)(m->len - i < 120 ? m->len - i : 120), m->s + i);
        /* A byte that is not UTF-8 (c == -1) can be a C1 control in an 8-bit terminal. */
        FUZZ_ASSERT(!terminal || !FUZZ_TERMINAL_CHECKS || c != -1 || s[i] < 0x80 || s[i] > 0x9f,
                    "%s report: lone byte 0x%02x at %zu", what, s[i], i);
        i += n;
    }
}

static size_t count_lines(const mem *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->len; i++)
        n += m->s[i] == '\n';
    return n;
}

/* Unescaped '|' in a Markdown line. */
static size_t pipes(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            i++;
            continue;
        }
        count += s[i] == '|';
    }
    return count;
}

static void markdown_tables(const mem *m, size_t nfindings)
{
    static const char findings_header[] = "| Severity | Rule | Location | Message |";
    size_t rows = 0, want = 0, i = 0;
    int in_table = 0, findings_table = 0, after_header = 0;
    while (i < m->len) {
        const char *line = m->s + i;
        const char *nl = memchr(line, '\n', m->len - i);
        size_t n = nl ? (size_t)(nl - line) : m->len - i;
        i += n + 1;
        if (n == 0 || line[0] != '|') {
            in_table = 0;
            continue;
        }
        size_t p = pipes(line, n);
        if (!in_table) {
            in_table = 1;
            want = p;
            findings_table =
                n == sizeof findings_header - 1 && memcmp(line, findings_header, n) == 0;
            after_header = 1;
            continue;
        }
        FUZZ_ASSERT(p == want, "markdown row with %zu pipes in a table of %zu: %.*s", p, want,
                    (int)(n < 200 ? n : 200), line);
        if (after_header) {
            after_header = 0; /* the |---| line */
            continue;
        }
        rows += findings_table;
    }
    FUZZ_ASSERT(rows == nfindings, "markdown has %zu finding rows for %zu findings", rows,
                nfindings);
}

static void json_findings(const mem *m, const char *what, int sarif, size_t nfindings)
{
    json_error_t err;
    json_t *doc = json_loadb(m->s, m->len, JSON_REJECT_DUPLICATES, &err);
    FUZZ_ASSERT(doc != NULL, "%s report is not JSON: %s at %d:%d", what, err.text, err.line,
                err.column);
    json_t *list = sarif
                       ? json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "results")
                       : json_object_get(doc, "findings");
    FUZZ_ASSERT(json_is_array(list) && json_array_size(list) == nfindings,
                "%s report lists %zu findings of %zu", what,
                json_is_array(list) ? json_array_size(list) : (size_t)-1, nfindings);
    json_decref(doc);
}

/* Whether the len bytes at s hold word (memmem is not POSIX). */
static int contains(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, word, n) == 0)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len, nopts;
    const uint8_t *opts;
    fuzz_split_options(data, size, &len, &opts, &nopts);

    oap_planset *set = NULL;
    oap_diags *diags = NULL;
    FUZZ_ASSERT(oap_planset_new(&set) == 0 && oap_diags_new(&diags) == 0, "out of memory");
#ifdef OAP_LOAD_LIMITS_DEFAULT
    if (fuzz_opt(opts, nopts, 1, 0) & 1) {
        oap_load_limits lim = OAP_LOAD_LIMITS_DEFAULT;
        lim.max_depth = 1 + fuzz_opt(opts, nopts, 2, 8) % 16;
        lim.max_string_bytes = fuzz_opt(opts, nopts, 3, 16);
        lim.max_actions = fuzz_opt(opts, nopts, 4, 4) % 8;
        oap_planset_set_limits(set, &lim);
    }
#endif

    /* The files, split at "#file" lines. */
    fuzz_file part[FUZZ_MAX_FILES];
    size_t nfiles = fuzz_load_files(set, diags, (const char *)data, len, FUZZ_MAX_FILES, part);
    FUZZ_ASSERT(oap_planset_file_count(set) == nfiles, "%zu files listed of %zu",
                oap_planset_file_count(set), nfiles);

    /* Plans and cycles: at most one a file; a plan's cycle is where its years are. */
    size_t nplans = oap_planset_plan_count(set), ncycles = oap_planset_cycle_count(set);
    FUZZ_ASSERT(nplans + ncycles <= nfiles, "%zu plans and %zu cycles from %zu files", nplans,
                ncycles, nfiles);
    for (size_t i = 0; i < nplans; i++) {
        const oap_plan *p = oap_planset_plan(set, i);
        const oap_cycle *c = oap_plan_in_cycle(p);
        if (!c)
            continue;
        int known = 0;
        for (size_t k = 0; k < ncycles; k++)
            known |= oap_planset_cycle(set, k) == c;
        FUZZ_ASSERT(known, "plan %zu belongs to a cycle not of the run", i);
        int first, last, cfirst, clast;
        oap_cycle_years(c, &cfirst, &clast);
        if (oap_plan_years(p, &first, &last))
            FUZZ_ASSERT(cfirst <= first && last <= clast,
                        "plan %s (%d-%d) belongs to cycle %s (%d-%d)", oap_plan_id(p), first, last,
                        oap_cycle_id(c), cfirst, clast);
        else
            FUZZ_ASSERT(oap_plan_cycle(p) && strcmp(oap_plan_cycle(p), oap_cycle_id(c)) == 0,
                        "plan %s without years belongs to cycle %s", oap_plan_id(p),
                        oap_cycle_id(c));
    }

    oap_check_stats stats;
    oap_check_options copts = OAP_CHECK_OPTIONS_INIT;
    copts.stats = &stats;
    if (nopts > 0)
        copts.overlap_threshold = opts[0] / 255.0;
    FUZZ_ASSERT(oap_check_run(set, diags, &copts) == 0, "oap_check_run failed");

    size_t n = oap_diags_count(diags);
    for (size_t i = 0; i < n; i++) {
        const oap_diag *d = oap_diags_at(diags, i);
        FUZZ_ASSERT(d && d->rule && d->rule[0] && d->message && d->file && d->pointer && d->plan &&
                        d->node,
                    "finding %zu incomplete", i);
        FUZZ_ASSERT(d->severity >= OAP_SEVERITY_INFO && d->severity <= OAP_SEVERITY_ERROR,
                    "finding %zu: severity %d", i, (int)d->severity);
        int known = 0;
        for (size_t f = 0; f < nfiles; f++)
            known |= strcmp(d->file, fuzz_file_names[f]) == 0;
        FUZZ_ASSERT(known, "finding %zu in file \"%s\"", i, d->file);
    }

    /* The loader against jansson itself: a file jansson cannot read has a syntax (or limit)
     * finding at a line and column a person can use, one it reads has none; a duplicate
     * key, which jansson keeps silently by default, is a schema finding. */
    for (size_t f = 0; f < nfiles; f++) {
        size_t bom = part[f].len >= 3 && memcmp(part[f].text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
        json_error_t jerr;
        json_t *strict =
            json_loadb(part[f].text + bom, part[f].len - bom, JSON_REJECT_DUPLICATES, &jerr);
        json_t *lax = strict ? NULL : json_loadb(part[f].text + bom, part[f].len - bom, 0, &jerr);
        int syntax = 0, duplicate = 0, limit = 0;
        for (size_t i = 0; i < n; i++) {
            const oap_diag *d = oap_diags_at(diags, i);
            if (strcmp(d->file, fuzz_file_names[f]) != 0)
                continue;
            if (strcmp(d->rule, "syntax") == 0) {
                syntax++;
                FUZZ_ASSERT(d->line >= 1 && d->col >= 1, "syntax finding at %u:%u in %s", d->line,
                            d->col, fuzz_file_names[f]);
                /* jansson's own source names, unless the plan text itself has them (jansson
                 * quotes the text near the fault). */
                int in_text = contains(part[f].text, part[f].len, "<stream>") ||
                              contains(part[f].text, part[f].len, "<buffer>");
                FUZZ_ASSERT(
                    in_text || (!strstr(d->message, "<stream>") && !strstr(d->message, "<buffer>")),
                    "syntax finding names jansson's source: %s", d->message);
            }
            limit += strcmp(d->rule, "limit") == 0;
            duplicate +=
                strcmp(d->rule, "schema") == 0 && strstr(d->message, "duplicate key") != NULL;
        }
        if (strict)
            FUZZ_ASSERT(syntax == 0, "%s is JSON but has a syntax finding", fuzz_file_names[f]);
        else if (lax)
            FUZZ_ASSERT(duplicate > 0 || limit > 0,
                        "%s has a duplicate key (%s) but no finding says so", fuzz_file_names[f],
                        jerr.text);
        else
            FUZZ_ASSERT(syntax == 1 || duplicate > 0 || limit > 0,
                        "%s is not JSON (%s) but has %d syntax findings", fuzz_file_names[f],
                        jerr.text, syntax);
        json_decref(strict);
        json_decref(lax);
    }

    const char *files[FUZZ_MAX_FILES];
    for (size_t i = 0; i < nfiles; i++)
        files[i] = oap_planset_file(set, i);
    oap_report_options ropts = OAP_REPORT_OPTIONS_INIT;
    ropts.files = files;
    ropts.nfiles = nfiles;

    mem t = report(oap_report_text, diags, &ropts, "text");
    no_dangerous_text(&t, "text", 1);
    FUZZ_ASSERT(count_lines(&t) == n, "text report has %zu lines for %zu findings", count_lines(&t),
                n);
    free(t.s);

    mem j = report(oap_report_json, diags, &ropts, "JSON");
    json_findings(&j, "JSON", 0, n);
    free(j.s);

    mem s = report(oap_report_sarif, diags, &ropts, "SARIF");
    json_findings(&s, "SARIF", 1, n);
    free(s.s);

    mem md = report(oap_report_markdown, diags, &ropts, "Markdown");
    no_dangerous_text(&md, "Markdown", 0);
    markdown_tables(&md, n);
    free(md.s);

    oap_diags_free(diags);
    oap_planset_free(set);
    return 0;
}
