/* check_diff: what oapgraph diff is made of: the word-level difference of two texts, and
 * the matching of actions across two revisions (renumbering). */
#include "core/wdiff.h"
#include "graph/graph.h"
#include "load/planset.h"
#include "oapgraph/views.h"

#include "check_main.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The difference of a and b as git's --word-diff shows it: "x [-old-]{+new+} y". */
static const char *shown(const char *a, const char *b)
{
    static char out[8192];
    oap_wdiff d = OAP_WDIFF_INIT;
    ck_assert_int_eq(oap_wdiff_compute(&d, a, b), 0);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d.n; i++) {
        const oap_wdiff_run *r = &d.runs[i];
        const char *text = r->op == OAP_WDIFF_DELETED ? a : b;
        const char *open = r->op == OAP_WDIFF_DELETED    ? "[-"
                           : r->op == OAP_WDIFF_INSERTED ? "{+"
                                                         : "";
        const char *close = r->op == OAP_WDIFF_DELETED    ? "-]"
                            : r->op == OAP_WDIFF_INSERTED ? "+}"
                                                          : "";
        int glue = i > 0 && !(d.runs[i - 1].op == OAP_WDIFF_DELETED && r->op == OAP_WDIFF_INSERTED);
        used += (size_t)snprintf(out + used, sizeof out - used, "%s%s%.*s%s", glue ? " " : "", open,
                                 (int)r->len, text + r->start, close);
    }
    oap_wdiff_free(&d);
    return out;
}

START_TEST(words_replaced_inserted_deleted)
{
    ck_assert_str_eq(shown("To enhance the measures", "To enhance the measures"),
                     "To enhance the measures");
    ck_assert_str_eq(shown("the quick brown fox", "the slow brown fox"),
                     "the [-quick-]{+slow+} brown fox");
    ck_assert_str_eq(shown("a b c", "a b c d e"), "a b c {+d e+}");
    ck_assert_str_eq(shown("a b c d e", "c d e"), "[-a b-] c d e");
    ck_assert_str_eq(shown("a b c", "x y z"), "[-a b c-]{+x y z+}");
    ck_assert_str_eq(shown("", "new text"), "{+new text+}");
    ck_assert_str_eq(shown("old text", NULL), "[-old text-]");
    ck_assert_str_eq(shown(NULL, NULL), "");
    /* Runs keep the text between their words as written. */
    ck_assert_str_eq(shown("one two\nthree four", "one two\nthree five"),
                     "one two\nthree [-four-]{+five+}");
}
END_TEST

START_TEST(white_space_is_not_a_change)
{
    oap_wdiff d = OAP_WDIFF_INIT;
    ck_assert_int_eq(oap_wdiff_compute(&d, "a  b\tc\n", " a b\r\nc"), 0);
    ck_assert(!oap_wdiff_changed(&d));
    ck_assert_uint_eq(d.n, 1);
    ck_assert_uint_eq(d.runs[0].words, 3);
    ck_assert_int_eq(oap_wdiff_compute(&d, "a b", "a c"), 0); /* the difference is reused */
    ck_assert(oap_wdiff_changed(&d));
    ck_assert_int_eq(oap_wdiff_compute(&d,
                                       "a\xc2\xa0"
                                       "b",
                                       "a b"),
                     0);
    ck_assert(!oap_wdiff_changed(&d));
    oap_wdiff_free(&d);
}
END_TEST

START_TEST(moved_block_and_repeats)
{
    ck_assert_str_eq(shown("x a b c y", "x c a b y"), "x {+c+} a b [-c-] y");
    ck_assert_str_eq(shown("a a a", "a a"), "a a [-a-]");
    ck_assert_str_eq(shown("SG1 SG2 SG3", "SG1 SG3 SG4"), "SG1 [-SG2-] SG3 {+SG4+}");
}
END_TEST

/* The words of text [start, start + len) of s, counted. */
static size_t count_words(const char *s, size_t len)
{
    size_t n = 0, at = 0, start, w;
    while ((w = oap_wdiff_next_word(s + at, len - at, &start)) > 0) {
        n++;
        at += start + w;
    }
    return n;
}

/* Random texts over a small vocabulary: the runs give back both texts, and they change as
 * few words as a shortest edit does (the table of the longest common subsequence). */
START_TEST(shortest_and_faithful)
{
    static const char *const vocab[] = {"a", "b", "c", "d", "e"};
    unsigned seed = 12345;
    for (int round = 0; round < 400; round++) {
        char a[512] = "", b[512] = "";
        size_t na = 0, nb = 0;
        const char *wa[64], *wb[64];
        seed = seed * 1103515245u + 12345u;
        size_t la = (seed >> 16) % 30, lb;
        seed = seed * 1103515245u + 12345u;
        lb = (seed >> 16) % 30;
        for (size_t i = 0; i < la; i++) {
            seed = seed * 1103515245u + 12345u;
            wa[na++] = vocab[(seed >> 16) % 5];
            strcat(a, i ? " " : "");
            strcat(a, wa[na - 1]);
        }
        for (size_t i = 0; i < lb; i++) {
            seed = seed * 1103515245u + 12345u;
            wb[nb++] = vocab[(seed >> 16) % 5];
            strcat(b, i ? "  " : "");
            strcat(b, wb[nb - 1]);
        }
        static size_t lcs[65][65];
        for (size_t i = na + 1; i-- > 0;)
            for (size_t j = nb + 1; j-- > 0;)
                lcs[i][j] = i == na || j == nb              ? 0
                            : strcmp(wa[i], wb[j]) == 0     ? lcs[i + 1][j + 1] + 1
                            : lcs[i + 1][j] > lcs[i][j + 1] ? lcs[i + 1][j]
                                                            : lcs[i][j + 1];
        oap_wdiff d = OAP_WDIFF_INIT;
        ck_assert_int_eq(oap_wdiff_compute(&d, a, b), 0);
        ck_assert(!d.capped);
        char old_again[1024] = "", new_again[1024] = "";
        size_t same = 0;
        for (size_t i = 0; i < d.n; i++) {
            const oap_wdiff_run *r = &d.runs[i];
            const char *text = r->op == OAP_WDIFF_DELETED ? a : b;
            ck_assert_uint_eq(count_words(text + r->start, r->len), r->words);
            size_t at = 0, start, w;
            while ((w = oap_wdiff_next_word(text + r->start + at, r->len - at, &start)) > 0) {
                char part[16];
                snprintf(part, sizeof part, "%.*s", (int)w, text + r->start + at + start);
                at += start + w;
                if (r->op != OAP_WDIFF_INSERTED) {
                    strcat(old_again, *old_again ? " " : "");
                    strcat(old_again, part);
                }
                if (r->op != OAP_WDIFF_DELETED) {
                    strcat(new_again, *new_again ? "  " : "");
                    strcat(new_again, part);
                }
            }
            if (r->op == OAP_WDIFF_SAME)
                same += r->words;
        }
        ck_assert_str_eq(old_again, a);
        ck_assert_str_eq(new_again, b);
        ck_assert_uint_eq(same, lcs[0][0]);
        oap_wdiff_free(&d);
    }
}
END_TEST

/* Two long texts with nothing in common cost at most the budget: the middle is given as
 * deleted and inserted, and the common start and end are still found. */
START_TEST(long_texts_capped)
{
    size_t n = 200000;
    char *a = malloc(n * 8 + 64), *b = malloc(n * 8 + 64);
    ck_assert(a && b);
    size_t la = (size_t)sprintf(a, "start "), lb = (size_t)sprintf(b, "start ");
    for (size_t i = 0; i < n; i++) {
        la += (size_t)sprintf(a + la, "a%zu ", i);
        lb += (size_t)sprintf(b + lb, "b%zu ", i);
    }
    strcpy(a + la, "end");
    strcpy(b + lb, "end");
    oap_wdiff d = OAP_WDIFF_INIT;
    ck_assert_int_eq(oap_wdiff_compute(&d, a, b), 0);
    ck_assert(d.capped);
    ck_assert_uint_eq(d.n, 4);
    ck_assert_int_eq(d.runs[0].op, OAP_WDIFF_SAME);
    ck_assert_int_eq(d.runs[1].op, OAP_WDIFF_DELETED);
    ck_assert_uint_eq(d.runs[1].words, n);
    ck_assert_int_eq(d.runs[2].op, OAP_WDIFF_INSERTED);
    ck_assert_int_eq(d.runs[3].op, OAP_WDIFF_SAME);
    /* One word changed in the middle of the same long text is found exactly. */
    memcpy(b, a, la + 4);
    size_t at = la / 2;
    while (a[at] != 'a')
        at++;
    b[at] = 'X';
    ck_assert_int_eq(oap_wdiff_compute(&d, a, b), 0);
    ck_assert(!d.capped);
    ck_assert_uint_eq(d.n, 4);
    ck_assert_uint_eq(d.runs[1].words, 1);
    ck_assert_uint_eq(d.runs[2].words, 1);
    oap_wdiff_free(&d);
    free(a);
    free(b);
}
END_TEST

/* --- The renumbering match ------------------------------------------------------ */

/* Actions of a made-up plan: "id|leader|title" each. The titles use words no other
 * action of the plan uses, as different pieces of work do. */
static char *plan_text(const char *const *actions, size_t n)
{
    static char buf[8192];
    size_t used = (size_t)snprintf(buf, sizeof buf,
                                   "{\"oapgraph\": 1, \"plan\": {\"id\": \"T\", \"priority\": "
                                   "\"C\", \"title\": \"T\", \"year\": 2012}, \"goals\": "
                                   "[{\"id\": \"SG1\", \"title\": \"Goal\"}], \"actions\": [");
    for (size_t i = 0; i < n; i++) {
        char id[16], leader[32], title[256];
        ck_assert_int_eq(sscanf(actions[i], "%15[^|]|%31[^|]|%255[^\n]", id, leader, title), 3);
        used += (size_t)snprintf(buf + used, sizeof buf - used,
                                 "%s{\"id\": \"%s\", \"goal\": \"SG1\", \"title\": \"%s\", "
                                 "\"leaders\": [\"%s\"], \"timing\": \"May\", \"kpis\": [\"k\"]}",
                                 i ? ", " : "", id, title, leader);
    }
    snprintf(buf + used, sizeof buf - used, "]}");
    return buf;
}

typedef struct side {
    oap_planset *set;
    oap_diags *diags;
    oap_graph *g;
} side;

static void open_side(side *s, const char *const *actions, size_t n)
{
    const char *text = plan_text(actions, n);
    ck_assert_int_eq(oap_planset_new(&s->set), 0);
    ck_assert_int_eq(oap_diags_new(&s->diags), 0);
    ck_assert_int_eq(oap_planset_load_buffer(s->set, "t.oap.json", text, strlen(text), s->diags),
                     0);
    ck_assert_int_eq(oap_graph_build(&s->g, oap_planset_model(s->set)), 0);
}

static void close_side(side *s)
{
    oap_graph_free(s->g);
    oap_diags_free(s->diags);
    oap_planset_free(s->set);
}

/* What the diff of two plans says about actions, one "kind:old>new" per item, in the
 * order of the kinds (added, removed, renumbered, changed). */
static const char *matched(const char *const *old, size_t nold, const char *const *new, size_t nnew)
{
    static char out[1024];
    static const char *const kinds[] = {"added", "removed", "renumbered", "changed"};
    side a, b;
    oap_diff *d = NULL;
    open_side(&a, old, nold);
    open_side(&b, new, nnew);
    ck_assert_int_eq(oap_diff_build(&d, a.g, a.diags, b.g, b.diags, 1), 0);
    size_t used = 0;
    out[0] = '\0';
    for (int k = OAP_DIFF_ADDED; k <= OAP_DIFF_CHANGED; k++)
        for (size_t i = 0; i < oap_diff_count(d, (oap_diff_kind)k); i++) {
            uint32_t o, n;
            char on[64] = "", nn[64] = "";
            ck_assert_int_eq(oap_diff_at(d, (oap_diff_kind)k, i, &o, &n), 0);
            if (o != OAP_NONE)
                oap_graph_name(a.g, o, OAP_NONE, on, sizeof on);
            if (n != OAP_NONE)
                oap_graph_name(b.g, n, OAP_NONE, nn, sizeof nn);
            used += (size_t)snprintf(out + used, sizeof out - used, "%s%s:%s>%s", used ? " " : "",
                                     kinds[k], on, nn);
        }
    ck_assert_int_eq(oap_diff_at(d, OAP_DIFF_ADDED, 99, &(uint32_t){0}, &(uint32_t){0}),
                     OAP_EINVAL);
    oap_diff_free(d);
    close_side(&a);
    close_side(&b);
    return out;
}

#define A "1.1|HU|Quarterly harmonisation workshop for asylum caseworkers on forged passports"
#define B "1.2|Frontex|Maritime surveillance exercise near Lampedusa with coastguard vessels"
#define C "Joint investigation team targeting hawala remittance brokers in Marseille"

START_TEST(renumbering)
{
    /* Nothing changed, or only the order: nothing to say. */
    const char *same[] = {A, B}, *swapped_order[] = {B, A};
    ck_assert_str_eq(matched(same, 2, same, 2), "");
    ck_assert_str_eq(matched(same, 2, swapped_order, 2), "");
    /* An id kept for other work: 1.1 is now 1.3, and a new 1.1 is added. */
    const char *reused[] = {"1.1|IT|" C, B,
                            "1.3|HU|Quarterly harmonisation workshop for asylum "
                            "caseworkers on forged passports"};
    ck_assert_str_eq(matched(same, 2, reused, 3), "added:>1.1 renumbered:1.1>1.3");
    /* Two actions that swap numbers (listed in NEW's order). */
    const char *swapped[] = {"1.1|Frontex|Maritime surveillance exercise near Lampedusa with "
                             "coastguard vessels",
                             "1.2|HU|Quarterly harmonisation workshop for asylum caseworkers on "
                             "forged passports"};
    ck_assert_str_eq(matched(same, 2, swapped, 2), "renumbered:1.2>1.1 renumbered:1.1>1.2");
    /* The same words under another leader are not the same work: removed and added. */
    const char *other_leader[] = {B, "1.3|ES|Quarterly harmonisation workshop for asylum "
                                     "caseworkers on forged passports"};
    ck_assert_str_eq(matched(same, 2, other_leader, 2), "added:>1.3 removed:1.1>");
    /* An action rewritten under its own id is changed, not removed and added. */
    const char *rewritten[] = {"1.1|HU|" C, B};
    ck_assert_str_eq(matched(same, 2, rewritten, 2), "changed:1.1>1.1");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("diff");
    TCase *w = tcase_create("wdiff");
    tcase_add_test(w, words_replaced_inserted_deleted);
    tcase_add_test(w, white_space_is_not_a_change);
    tcase_add_test(w, moved_block_and_repeats);
    tcase_add_test(w, shortest_and_faithful);
    tcase_add_test(w, long_texts_capped);
    tcase_set_timeout(w, 60);
    suite_add_tcase(s, w);
    TCase *m = tcase_create("match");
    tcase_add_test(m, renumbering);
    suite_add_tcase(s, m);
    return s;
}

int main(void)
{
    return oap_test_run(suite());
}
