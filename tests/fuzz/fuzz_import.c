/* fuzz_import: the table importer (oap_import_read: TSV, CSV, Council text) and the plan
 * writer (oap_import_write) on any bytes.
 *
 * Input: the table, then optionally "\n#fuzz " and option bytes:
 *   0: format, mod 4: auto, tsv, csv, council (absent: auto)
 *   1: bit 0: give --priority (one of a few codes, by byte 3), bit 1: give --year
 *      (1900 + byte 2, as the program accepts 1900..2200)
 * A table fixture as it is, is a valid input with the defaults.
 *
 * Properties, beyond "no crash, no leak, no sanitizer report, no timeout":
 *   - oap_import_read returns 0, or OAP_EINVAL only when the priority or the year was not
 *     given; it tells the format it read (never "auto"); a plan comes back exactly when
 *     no error was reported; messages have text and lines;
 *   - the plan written is UTF-8 JSON ending in a line break, and loads with no syntax,
 *     schema, unknown-key or limit finding (the README's promise: "whatever the input,
 *     the plan written loads with no syntax, schema or unknown-key finding"), as one
 *     plan with the same id and as many goals and actions;
 *   - written again from what was loaded, it is the same text (writer and loader agree). */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"

#include "import/import_table.h"
#include "load/planset.h"
#include "oapgraph/common.h"
#include "oapgraph/diag.h"
#include "oapgraph/plan.h"

static const char *const priorities[] = {"C", "B", "2012-F", "x", "A.b_c-d", "SG1"};

static char *write_plan(const oap_plan *plan, size_t *len)
{
    char *s = NULL;
    FILE *f = open_memstream(&s, len);
    FUZZ_ASSERT(f != NULL, "open_memstream");
    int rc = oap_import_write(f, plan);
    FUZZ_ASSERT(rc == 0, "oap_import_write returned %d", rc);
    FUZZ_ASSERT(fclose(f) == 0, "fclose");
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len, nopts;
    const uint8_t *opts;
    fuzz_split_options(data, size, &len, &opts, &nopts);
    /* An exact copy of the table, so that a read past it is seen. */
    char *text = malloc(len ? len : 1);
    FUZZ_ASSERT(text != NULL, "out of memory");
    if (len)
        memcpy(text, data, len);

    oap_import_options io = OAP_IMPORT_OPTIONS_INIT;
    io.format = (oap_import_format)(fuzz_opt(opts, nopts, 0, 0) % 4);
    unsigned given = fuzz_opt(opts, nopts, 1, 0);
    if (given & 1)
        io.priority =
            priorities[fuzz_opt(opts, nopts, 3, 0) % (sizeof priorities / sizeof *priorities)];
    if (given & 2)
        io.year = 1900 + (int)fuzz_opt(opts, nopts, 2, 112);

    oap_model model;
    oap_model_init(&model);
    oap_import_messages msgs = OAP_IMPORT_MESSAGES_INIT;
    oap_plan *plan = NULL;
    oap_import_format detected = OAP_IMPORT_AUTO;
    int rc = oap_import_read(&plan, &model, "fuzz.tsv", text, len, &io, &msgs, &detected);

    FUZZ_ASSERT(rc == 0 || rc == OAP_EINVAL, "oap_import_read returned %d", rc);
    FUZZ_ASSERT(rc == 0 || !io.priority || !io.year, "OAP_EINVAL with priority and year given");
    FUZZ_ASSERT(detected != OAP_IMPORT_AUTO, "format not told");
    FUZZ_ASSERT(io.format == OAP_IMPORT_AUTO || detected == io.format, "format %d read as %d",
                (int)io.format, (int)detected);
    FUZZ_ASSERT(rc == 0 || plan == NULL, "a plan with an error return");
    if (rc == 0)
        FUZZ_ASSERT((plan == NULL) == (msgs.errors > 0), "plan %p with %d errors", (void *)plan,
                    msgs.errors);
    FUZZ_ASSERT(msgs.n <= OAP_IMPORT_MAX_MESSAGES, "%zu messages kept", msgs.n);
    size_t warnings = 0;
    for (size_t i = 0; i < msgs.n; i++) {
        FUZZ_ASSERT(msgs.items[i].text && msgs.items[i].text[0], "message %zu without text", i);
        warnings += msgs.items[i].level != OAP_IMPORT_NOTE;
    }
    FUZZ_ASSERT((size_t)msgs.warnings >= warnings, "%d warnings counted, %zu kept", msgs.warnings,
                warnings);

    if (plan) {
        size_t out_len;
        char *out = write_plan(plan, &out_len);
        FUZZ_ASSERT(out_len > 0 && out[out_len - 1] == '\n',
                    "the plan written ends without a line break");

        oap_planset *set = NULL;
        oap_diags *diags = NULL;
        FUZZ_ASSERT(oap_planset_new(&set) == 0 && oap_diags_new(&diags) == 0, "out of memory");
        FUZZ_ASSERT(oap_planset_load_buffer(set, "imported.oap.json", out, out_len, diags) == 0,
                    "loading the plan written failed");
        FUZZ_ASSERT(oap_planset_locate(set, diags) == 0, "locate failed");
        for (size_t i = 0; i < oap_diags_count(diags); i++) {
            const oap_diag *d = oap_diags_at(diags, i);
            FUZZ_ASSERT(strcmp(d->rule, "syntax") != 0 && strcmp(d->rule, "schema") != 0 &&
                            strcmp(d->rule, "unknown-key") != 0 && strcmp(d->rule, "limit") != 0,
                        "the plan written has a finding: %u:%u: %s [%s]\n%s", d->line, d->col,
                        d->message, d->rule, out);
        }
        const oap_model *loaded = oap_planset_model(set);
        FUZZ_ASSERT(loaded->nplans == 1, "%zu plans loaded from the plan written\n%s",
                    loaded->nplans, out);
        const oap_plan *back = loaded->plans[0];
        FUZZ_ASSERT(strcmp(back->id, plan->id) == 0 && back->ngoals == plan->ngoals &&
                        back->nactions == plan->nactions,
                    "loaded as %s with %u goals, %u actions; written as %s with %u, %u", back->id,
                    back->ngoals, back->nactions, plan->id, plan->ngoals, plan->nactions);
        size_t again_len;
        char *again = write_plan(back, &again_len);
        FUZZ_ASSERT(again_len == out_len && memcmp(again, out, out_len) == 0,
                    "written again after loading, the plan differs:\n--- first\n%s\n--- again\n%s",
                    out, again);
        free(again);
        oap_diags_free(diags);
        oap_planset_free(set);
        free(out);
    }

    oap_import_messages_free(&msgs);
    oap_model_free(&model);
    free(text);
    return 0;
}
