/* fuzz_refs: the reference grammar (oap_ref_parse), the table-cell reader
 * (oap_refs_read_cell) and the mention finder (oap_refs_find_mentions) of src/core/refs on
 * any bytes.
 *
 * Properties, beyond "no crash, no sanitizer report":
 *   - a parsed reference is well formed: kind PRIORITY exactly when the target is "*", ids
 *     of at most OAP_REF_ID_MAX bytes of [A-Za-z0-9._-], a phase only after an action;
 *   - oap_ref_format of it parses back to the same reference (the formatted form is what
 *     the tool writes into plan files and messages);
 *   - on failure the error offset lies within the text and the message is not empty;
 *   - every reference read from a cell has the same properties, and the reader returns
 *     what the callback returned when it stops early;
 *   - a mention is an id of digits and dots, at most OAP_REF_ID_MAX bytes, found at its
 *     offset in the text, offsets strictly increasing. */
#include "fuzz.h"

#include "core/refs.h"

static int id_ok(const char *id, int star_ok)
{
    size_t n = strlen(id);
    if (n > OAP_REF_ID_MAX)
        return 0;
    if (star_ok && strcmp(id, "*") == 0)
        return 1;
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

static void check_ref(const oap_ref *r, const char *where)
{
    FUZZ_ASSERT(r->kind == OAP_REF_NODE || r->kind == OAP_REF_PRIORITY, "%s: kind %d", where,
                (int)r->kind);
    FUZZ_ASSERT((r->kind == OAP_REF_PRIORITY) == (strcmp(r->target, "*") == 0),
                "%s: kind %d, target \"%s\"", where, (int)r->kind, r->target);
    FUZZ_ASSERT(r->target[0] != '\0', "%s: empty target", where);
    FUZZ_ASSERT(id_ok(r->qualifier, 0), "%s: qualifier \"%s\"", where, r->qualifier);
    FUZZ_ASSERT(id_ok(r->target, 1), "%s: target \"%s\"", where, r->target);
    FUZZ_ASSERT(id_ok(r->phase, 0), "%s: phase \"%s\"", where, r->phase);
    if (r->phase[0])
        FUZZ_ASSERT(r->kind == OAP_REF_NODE && !oap_ref_is_goal_id(r->target),
                    "%s: phase \"%s\" after \"%s\"", where, r->phase, r->target);

    /* Formatted, it reads back as the same reference. */
    char buf[3 * OAP_REF_ID_MAX + 8];
    int n = oap_ref_format(r, buf, sizeof buf);
    FUZZ_ASSERT(n >= 0 && (size_t)n < sizeof buf, "%s: format length %d", where, n);
    FUZZ_ASSERT(oap_ref_format(r, NULL, 0) == n, "%s: format length differs without a buffer",
                where);
    oap_ref again;
    oap_ref_error err = {0, ""};
    FUZZ_ASSERT(oap_ref_parse(buf, &again, &err) == 0, "%s: \"%s\" does not parse back: %s at %zu",
                where, buf, err.message, err.offset);
    FUZZ_ASSERT(again.kind == r->kind && strcmp(again.qualifier, r->qualifier) == 0 &&
                    strcmp(again.target, r->target) == 0 && strcmp(again.phase, r->phase) == 0,
                "%s: \"%s\" parses back as %s:%s#%s", where, buf, again.qualifier, again.target,
                again.phase);
}

typedef struct cell_ctx {
    int count, stop_after;
} cell_ctx;

static int on_ref(void *ctx, const oap_ref *ref)
{
    cell_ctx *c = ctx;
    check_ref(ref, "oap_refs_read_cell");
    c->count++;
    return c->stop_after > 0 && c->count >= c->stop_after ? 42 : 0;
}

typedef struct mention_ctx {
    const char *text;
    size_t len;
    size_t last;
    int any;
} mention_ctx;

static void on_mention(void *ctx, const char *id, size_t offset)
{
    mention_ctx *m = ctx;
    size_t n = strlen(id);
    FUZZ_ASSERT(n > 0 && n <= OAP_REF_ID_MAX, "mention of %zu bytes", n);
    FUZZ_ASSERT(strspn(id, "0123456789.") == n && strchr(id, '.') && id[0] != '.',
                "mention \"%s\" is not an action number", id);
    FUZZ_ASSERT(offset + n <= m->len && memcmp(m->text + offset, id, n) == 0,
                "mention \"%s\" is not at offset %zu", id, offset);
    FUZZ_ASSERT(!m->any || offset > m->last, "mention at %zu after one at %zu", offset, m->last);
    m->last = offset;
    m->any = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_strndup(data, size);
    size_t len = strlen(text); /* the functions read C strings: up to the first NUL */

    oap_ref ref;
    oap_ref_error err = {0, ""};
    if (oap_ref_parse(text, &ref, &err) == 0) {
        check_ref(&ref, "oap_ref_parse");
        FUZZ_ASSERT(oap_ref_parse(text, &ref, NULL) == 0, "parse differs without err");
    } else {
        FUZZ_ASSERT(err.offset <= len, "error offset %zu beyond %zu bytes", err.offset, len);
        FUZZ_ASSERT(err.message[0] != '\0' && memchr(err.message, '\0', sizeof err.message),
                    "error message empty or unterminated");
        FUZZ_ASSERT(oap_ref_parse(text, &ref, NULL) == -1, "parse differs without err");
    }
    (void)oap_ref_is_goal_id(text);

    cell_ctx all = {0, 0};
    err = (oap_ref_error){0, ""};
    int rc = oap_refs_read_cell(text, on_ref, &all, &err);
    FUZZ_ASSERT(rc == 0 || rc == -1, "read_cell returned %d", rc);
    if (rc == -1) {
        FUZZ_ASSERT(err.offset <= len, "cell error offset %zu beyond %zu bytes", err.offset, len);
        FUZZ_ASSERT(err.message[0] != '\0', "cell error message empty");
    }
    /* Validating only (no callback) agrees; stopping early returns the callback's value. */
    FUZZ_ASSERT(oap_refs_read_cell(text, NULL, NULL, NULL) == rc, "read_cell without add differs");
    if (all.count > 0) {
        cell_ctx some = {0, 1 + (int)(len % (size_t)all.count)};
        FUZZ_ASSERT(oap_refs_read_cell(text, on_ref, &some, NULL) == 42 &&
                        some.count == some.stop_after,
                    "read_cell did not stop after %d references", some.stop_after);
    }

    mention_ctx m = {text, len, 0, 0};
    oap_refs_find_mentions(text, on_mention, &m);

    free(text);
    return 0;
}
