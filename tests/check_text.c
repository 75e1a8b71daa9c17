/* check_text: the one policy on showing plan text, and every output given the same hostile text. */
#define _POSIX_C_SOURCE 200809L
#include "core/text.h"

#include "oapgraph/oapgraph.h"
#include "core/diag.h"
#include "core/utf8.h"
#include "emit/text.h"
#include "import/import_table.h"
#include "load/json_util.h"
#include "views/jsonw.h"
#include "views/views.h"

#include "check_capture.h"
#include "check_main.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FFFD "\xef\xbf\xbd"

/* One of each: U+202E (reverses what follows), U+200B (zero width), U+FEFF mid-text,
 * U+2028 (a line break JavaScript obeys), the C1 control U+009B (a one-byte CSI), ESC, a
 * lone continuation byte, the noncharacter U+FDD0, the tag U+E0041 (an invisible "A")
 * and the soft hyphen U+00AD, between the letters a to k. */
#define HOSTILE                                                                                    \
    "a\xe2\x80\xae"                                                                                \
    "b\xe2\x80\x8b"                                                                                \
    "c\xef\xbb\xbf"                                                                                \
    "d\xe2\x80\xa8"                                                                                \
    "e\xc2\x9b"                                                                                    \
    "f\x1b"                                                                                        \
    "g\x80"                                                                                        \
    "h\xef\xb7\x90"                                                                                \
    "i\xf3\xa0\x81\x81"                                                                            \
    "j\xc2\xad"                                                                                    \
    "k"
/* HOSTILE as the text format shows it, which the messages of JSON and SARIF repeat. */
#define ESCAPED "a\\u202eb\\u200bc\\ufeffd\\u2028e\\u009bf\\x1bg\\x80h\\ufdd0i\\U000e0041j\\u00adk"
/* HOSTILE as data in JSON: every character as it is but the byte that is not UTF-8. */
#define AS_DATA                                                                                    \
    "a\xe2\x80\xae"                                                                                \
    "b\xe2\x80\x8b"                                                                                \
    "c\xef\xbb\xbf"                                                                                \
    "d\xe2\x80\xa8"                                                                                \
    "e\xc2\x9b"                                                                                    \
    "f\x1bg" FFFD "h\xef\xb7\x90"                                                                  \
    "i\xf3\xa0\x81\x81"                                                                            \
    "j\xc2\xad"                                                                                    \
    "k"

/* ------------------------------------------------------------------ the policy */

START_TEST(classes)
{
    static const struct {
        uint32_t cp;
        oap_text_class cls;
    } cases[] = {
        {'A', OAP_TEXT_ORDINARY},
        {' ', OAP_TEXT_ORDINARY},
        {'~', OAP_TEXT_ORDINARY},
        {0xa0, OAP_TEXT_ORDINARY}, /* no-break space: seen, as a space */
        {0xe9, OAP_TEXT_ORDINARY},
        {0x3a9, OAP_TEXT_ORDINARY},
        {0x301, OAP_TEXT_ORDINARY}, /* a combining accent shows on its letter */
        {0x2013, OAP_TEXT_ORDINARY},
        {0x3000, OAP_TEXT_ORDINARY},
        {0xe000, OAP_TEXT_ORDINARY}, /* private use: a box, not nothing */
        {0xfffd, OAP_TEXT_ORDINARY},
        {0x1f600, OAP_TEXT_ORDINARY},
        {'\n', OAP_TEXT_LINE_BREAK},
        {'\r', OAP_TEXT_LINE_BREAK},
        {0x2028, OAP_TEXT_LINE_BREAK},
        {0x2029, OAP_TEXT_LINE_BREAK},
        {'\t', OAP_TEXT_TAB},
        {0x00, OAP_TEXT_CONTROL},
        {0x07, OAP_TEXT_CONTROL},
        {0x0b, OAP_TEXT_CONTROL},
        {0x0c, OAP_TEXT_CONTROL},
        {0x1b, OAP_TEXT_CONTROL},
        {0x1f, OAP_TEXT_CONTROL},
        {0x7f, OAP_TEXT_CONTROL},
        {0x80, OAP_TEXT_CONTROL},
        {0x85, OAP_TEXT_CONTROL}, /* NEL: a cp1252 ellipsis read as Latin-1, not a break */
        {0x9b, OAP_TEXT_CONTROL},
        {0x9f, OAP_TEXT_CONTROL},
        {0xad, OAP_TEXT_INVISIBLE},
        {0x34f, OAP_TEXT_INVISIBLE},
        {0x61c, OAP_TEXT_INVISIBLE},
        {0x115f, OAP_TEXT_INVISIBLE},
        {0x17b4, OAP_TEXT_INVISIBLE},
        {0x180e, OAP_TEXT_INVISIBLE},
        {0x200a, OAP_TEXT_ORDINARY}, /* hair space: a space, seen */
        {0x200b, OAP_TEXT_INVISIBLE},
        {0x200c, OAP_TEXT_INVISIBLE},
        {0x200d, OAP_TEXT_INVISIBLE},
        {0x200e, OAP_TEXT_INVISIBLE},
        {0x200f, OAP_TEXT_INVISIBLE},
        {0x2010, OAP_TEXT_ORDINARY},
        {0x2029, OAP_TEXT_LINE_BREAK},
        {0x202a, OAP_TEXT_INVISIBLE},
        {0x202e, OAP_TEXT_INVISIBLE},
        {0x202f, OAP_TEXT_ORDINARY},
        {0x205f, OAP_TEXT_ORDINARY},
        {0x2060, OAP_TEXT_INVISIBLE},
        {0x2064, OAP_TEXT_INVISIBLE},
        {0x2066, OAP_TEXT_INVISIBLE},
        {0x2069, OAP_TEXT_INVISIBLE},
        {0x206f, OAP_TEXT_INVISIBLE},
        {0x2070, OAP_TEXT_ORDINARY},
        {0x3164, OAP_TEXT_INVISIBLE},
        {0xfe00, OAP_TEXT_INVISIBLE},
        {0xfe0f, OAP_TEXT_INVISIBLE},
        {0xfeff, OAP_TEXT_INVISIBLE},
        {0xffa0, OAP_TEXT_INVISIBLE},
        {0xfff9, OAP_TEXT_INVISIBLE},
        {0xfffb, OAP_TEXT_INVISIBLE},
        {0xfffc, OAP_TEXT_ORDINARY}, /* object replacement character: a box */
        {0x1bca0, OAP_TEXT_INVISIBLE},
        {0x1d173, OAP_TEXT_INVISIBLE},
        {0xe0001, OAP_TEXT_INVISIBLE},
        {0xe007f, OAP_TEXT_INVISIBLE},
        {0xe01ef, OAP_TEXT_INVISIBLE},
        {0xfdcf, OAP_TEXT_ORDINARY},
        {0xfdd0, OAP_TEXT_NONCHARACTER},
        {0xfdef, OAP_TEXT_NONCHARACTER},
        {0xfdf0, OAP_TEXT_ORDINARY},
        {0xfffe, OAP_TEXT_NONCHARACTER},
        {0xffff, OAP_TEXT_NONCHARACTER},
        {0x1fffe, OAP_TEXT_NONCHARACTER},
        {0x10ffff, OAP_TEXT_NONCHARACTER},
        {0xd800, OAP_TEXT_INVALID},
        {0xdfff, OAP_TEXT_INVALID},
        {0x110000, OAP_TEXT_INVALID},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(oap_text_class_of(cases[i].cp) == cases[i].cls, "U+%04X is class %d, not %d",
                      (unsigned)cases[i].cp, (int)oap_text_class_of(cases[i].cp),
                      (int)cases[i].cls);
}
END_TEST

START_TEST(next)
{
    uint32_t cp;
    oap_text_class cls;
    ck_assert_uint_eq(oap_text_next("\r\nx", 3, &cp, &cls), 2); /* one break */
    ck_assert_uint_eq(cp, '\r');
    ck_assert_int_eq(cls, OAP_TEXT_LINE_BREAK);
    ck_assert_uint_eq(oap_text_next("\r\nx", 1, &cp, &cls), 1); /* the LF is past n */
    ck_assert_uint_eq(oap_text_next("\rx", 2, &cp, &cls), 1);
    ck_assert_int_eq(cls, OAP_TEXT_LINE_BREAK);
    ck_assert_uint_eq(oap_text_next("\xe2\x80\xae!", 4, &cp, &cls), 3);
    ck_assert_uint_eq(cp, 0x202e);
    ck_assert_int_eq(cls, OAP_TEXT_INVISIBLE);
    /* A cut sequence is one invalid byte; the decoder decides (check_utf8). */
    ck_assert_uint_eq(oap_text_next("\xe2\x80!", 3, &cp, &cls), 1);
    ck_assert_uint_eq(cp, 0xfffd);
    ck_assert_int_eq(cls, OAP_TEXT_INVALID);
    ck_assert_uint_eq(oap_text_next("\x80", 1, &cp, &cls), 1);
    ck_assert_int_eq(cls, OAP_TEXT_INVALID);
    ck_assert_uint_eq(oap_text_next("", 0, &cp, &cls), 0);
}
END_TEST

START_TEST(json_escape)
{
    char out[16];
    ck_assert_uint_eq(oap_text_json_escape(0x1b, out), 6);
    ck_assert_str_eq(out, "\\u001b");
    ck_assert_uint_eq(oap_text_json_escape(0x202e, out), 6);
    ck_assert_str_eq(out, "\\u202e");
    ck_assert_uint_eq(oap_text_json_escape(0xe0041, out), 12);
    ck_assert_str_eq(out, "\\udb40\\udc41");
    ck_assert_uint_eq(oap_text_json_escape(0x10ffff, out), 12);
    ck_assert_str_eq(out, "\\udbff\\udfff");
}
END_TEST

/* ------------------------------------------------------------------ each output */

static void put_capture(void *ctx, const char *b, size_t n)
{
    fwrite(b, 1, n, ((capture *)ctx)->f);
}

/* Fails when text holds any character that is not ORDINARY but LF: what no JSON text and
 * no terminal output may hold as it is. */
static void assert_nothing_hidden(const char *what, const char *text)
{
    for (oap_text_walker c = OAP_TEXT_WALK(text, strlen(text)); oap_text_walk(&c);)
        ck_assert_msg(c.cls == OAP_TEXT_ORDINARY || (c.cp == '\n' && c.len == 1),
                      "%s holds U+%04X (class %d) at byte %zu: %.60s", what, (unsigned)c.cp,
                      (int)c.cls, c.at, text + (c.at > 20 ? c.at - 20 : 0));
}

START_TEST(text_format)
{
    capture c;
    capture_open(&c);
    oap_text_escape(HOSTILE, 0, put_capture, &c);
    capture_expect(&c, ESCAPED);
    char *e = oap_text_escaped(HOSTILE, 0);
    assert_text(e, ESCAPED);
    free(e);
    /* Line breaks and tabs by name or code; a CR LF is both. */
    e = oap_text_escaped("1\n2\r3\r\n4\t5\xe2\x80\xa9"
                         "6",
                         0);
    assert_text(e, "1\\n2\\x0d3\\x0d\\n4\\t5\\u20296");
    free(e);
    /* The importer's messages keep the tabs between a row's cells. */
    capture_open(&c);
    oap_text_escape("1.1\tT\x1b", OAP_TEXT_KEEP_TABS, put_capture, &c);
    capture_expect(&c, "1.1\tT\\x1b");
    /* The worst growth, four times: every byte a control or not UTF-8. */
    e = oap_text_escaped("\x01\x80\xff", 0);
    assert_text(e, "\\x01\\x80\\xff");
    free(e);

    /* The whole finding, as oapgraph check prints it. */
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    oap_where w = {.file = "p.oap.json", .pointer = "/x", .line = 2, .col = 3};
    ck_assert_int_eq(oap_diags_add(d, "unknown-key", OAP_SEVERITY_WARNING, &w, "\"%s\"", HOSTILE),
                     0);
    ck_assert_int_eq(oap_report_text(capture_open(&c), d, NULL), 0);
    capture_expect(&c, "p.oap.json:2:3: warning: \"" ESCAPED "\" [unknown-key]\n");
    oap_diags_free(d);
}
END_TEST

/* Issue 20, items 2 and 3: no text holds a place (":N:N: ") that a problem matcher could
 * take for a finding's; its colon is \x3a, and only there (a reference "F:3.1", a time
 * "12:30", "1:2:3" without the space are as written). The file name of a finding too. */
START_TEST(places_escaped)
{
    char *e = oap_text_escaped("see deploy.yml:12:3: error: leaked; F:3.1 at 12:30, 1:2:3 and "
                               ":1:2:3: :4:5:x :6:7:",
                               0);
    assert_text(e, "see deploy.yml\\x3a12:3: error: leaked; F:3.1 at 12:30, 1:2:3 and "
                   ":1\\x3a2:3: :4:5:x :6:7:");
    free(e);
    capture c;
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    oap_where w = {.file = "x.oap.json:1:1: error: forged [syntax]\nevil.oap.json",
                   .pointer = "/x",
                   .line = 2,
                   .col = 3};
    ck_assert_int_eq(oap_diags_add(d, "unknown-key", OAP_SEVERITY_WARNING, &w, "%s",
                                   "t:4:5: error: forged [syntax]"),
                     0);
    ck_assert_int_eq(oap_report_text(capture_open(&c), d, NULL), 0);
    capture_expect(&c, "x.oap.json\\x3a1:1: error: forged [syntax]\\nevil.oap.json:2:3: warning: "
                       "t\\x3a4:5: error: forged [syntax] [unknown-key]\n");
    oap_diags_free(d);
}
END_TEST

/* Issue 20: "HU\u200b" in text findings must not read as HU. */
START_TEST(zero_width_space_in_text_findings)
{
    oap_planset *set;
    oap_diags *d;
    static const char plan[] =
        "{\"oapgraph\": 1, \"plan\": {\"id\": \"2012-C\", \"priority\": \"C\", \"title\": \"T\", "
        "\"year\": 2012}, \"goals\": [{\"id\": \"SG1\", \"title\": \"G\"}], \"actions\": [{\"id\": "
        "\"1.1\", \"goal\": \"SG1\", \"title\": \"A\", \"leaders\": [\"HU\\u200b\"], \"timing\": "
        "\"May\", \"kpis\": [\"k\"]}]}";
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&d), 0);
    ck_assert_int_eq(oap_planset_load_buffer(set, "p.oap.json", plan, strlen(plan), d), 0);
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    ck_assert_int_eq(oap_check_run(set, d, &opts), 0);
    capture c;
    ck_assert_int_eq(oap_report_text(capture_open(&c), d, NULL), 0);
    char *got = capture_close(&c);
    ck_assert_msg(strstr(got, "\"HU\\u200b\" is not a known actor") != NULL, "%s", got);
    ck_assert_msg(strstr(got, "\xe2\x80\x8b") == NULL, "U+200B printed as it is:\n%s", got);
    free(got);
    oap_diags_free(d);
    oap_planset_free(set);
}
END_TEST

typedef int (*writer)(FILE *, const oap_diags *, const oap_report_options *);

/* A finding whose message and plan, node and file name are all HOSTILE, written by w. */
static char *report(writer w)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    oap_where where = {.file = HOSTILE ".oap.json",
                       .pointer = "/actions/0",
                       .line = 1,
                       .col = 2,
                       .plan = HOSTILE,
                       .node = HOSTILE};
    ck_assert_int_eq(oap_diags_add(d, "unknown-actor", OAP_SEVERITY_WARNING, &where, "%s", HOSTILE),
                     0);
    capture c;
    ck_assert_int_eq(w(capture_open(&c), d, NULL), 0);
    oap_diags_free(d);
    return capture_close(&c);
}

static json_t *parse(const char *text)
{
    json_error_t e;
    json_t *v = json_loads(text, 0, &e);
    ck_assert_msg(v != NULL, "not JSON (%d:%d: %s):\n%s", e.line, e.column, e.text, text);
    return v;
}

START_TEST(json_and_sarif)
{
    /* JSON: the message reads as in the text format; plan and node are data, read back
     * as they were (but the byte that is not UTF-8), and the JSON text shows each of them
     * as a \u escape. */
    char *out = report(oap_report_json);
    assert_nothing_hidden("the JSON report", out);
    ck_assert_ptr_nonnull(strstr(out, "\"a\\u202eb\\u200bc\\ufeffd\\u2028e\\u009bf\\u001Bg"
                                      "\xef\xbf\xbdh\\ufdd0i\\udb40\\udc41j\\u00adk\""));
    json_t *root = parse(out);
    json_t *f = json_array_get(json_object_get(root, "findings"), 0);
    assert_text(json_string_value(json_object_get(f, "message")), ESCAPED);
    assert_text(json_string_value(json_object_get(f, "plan")), AS_DATA);
    assert_text(json_string_value(json_object_get(f, "node")), AS_DATA);
    assert_text(json_string_value(json_object_get(f, "file")), AS_DATA ".oap.json");
    json_decref(root);
    free(out);

    /* SARIF: message.text as in the text format; the file is a percent-encoded URI. */
    out = report(oap_report_sarif);
    assert_nothing_hidden("the SARIF report", out);
    root = parse(out);
    json_t *r = json_array_get(
        json_object_get(json_array_get(json_object_get(root, "runs"), 0), "results"), 0);
    assert_text(json_string_value(json_object_get(json_object_get(r, "message"), "text")), ESCAPED);
    json_t *props = json_object_get(r, "properties");
    assert_text(json_string_value(json_object_get(props, "node")), AS_DATA);
    json_t *loc = json_object_get(
        json_object_get(json_array_get(json_object_get(r, "locations"), 0), "physicalLocation"),
        "artifactLocation");
    assert_text(json_string_value(json_object_get(loc, "uri")),
                "a%E2%80%AEb%E2%80%8Bc%EF%BB%BFd%E2%80%A8e%C2%9Bf%1Bg%80h%EF%B7%90i%F3%A0%81%81j%C2"
                "%ADk.oap.json");
    json_decref(root);
    free(out);
}
END_TEST

START_TEST(markdown)
{
    capture c;
    capture_open(&c);
    oap_text_markdown(HOSTILE, 1, put_capture, &c);
    capture_expect(&c, "a" FFFD "b" FFFD "c" FFFD "d<br>e" FFFD "f" FFFD "g" FFFD "h" FFFD "i" FFFD
                       "j" FFFD "k");
    capture_open(&c);
    oap_text_markdown("1\r\n2\r3\t4", 0, put_capture, &c);
    capture_expect(&c, "1 2 3 4");

    /* The report: the message, the plan in the heading, the file in the cell. */
    char *out = report(oap_report_markdown);
    assert_nothing_hidden("the Markdown report", out);
    ck_assert_ptr_nonnull(strstr(out, "| a" FFFD "b" FFFD "c" FFFD "d<br>e" FFFD "f" FFFD "g" FFFD
                                      "h" FFFD "i" FFFD "j" FFFD "k |"));
    ck_assert_ptr_nonnull(strstr(out, "### Plan a" FFFD "b" FFFD "c" FFFD "d e"));
    free(out);

    /* The views' sheets say the same. */
    oap_views__markdown(capture_open(&c), HOSTILE, 0);
    capture_expect(&c, "a" FFFD "b" FFFD "c" FFFD "d e" FFFD "f" FFFD "g" FFFD "h" FFFD "i" FFFD
                       "j" FFFD "k");
}
END_TEST

START_TEST(html)
{
    capture c;
    capture_open(&c);
    oap_text_html(HOSTILE, 1, put_capture, &c);
    capture_expect(&c, "a" FFFD "b" FFFD "c" FFFD "d<br>e" FFFD "f" FFFD "g" FFFD "h" FFFD "i" FFFD
                       "j" FFFD "k");
    capture_open(&c);
    oap_text_html("<a href=\"x\" onclick='y'>&amp;</a>\r\n\t", 0, put_capture, &c);
    capture_expect(&c, "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;  ");

    /* In a CSS string, everything a hex escape: no quote or backslash ends it. */
    capture_open(&c);
    oap_text_css_string("R\"}\\\n\xe2\x80\xae\xc3\xa9", put_capture, &c);
    capture_expect(&c, "\\52 \\22 \\7D \\5C \\20 \\FFFD \\E9 ");
}
END_TEST

START_TEST(csv_plain_views_json)
{
    capture c;
    oap_views__csv(capture_open(&c), HOSTILE, ',');
    capture_expect(&c, "\"a" FFFD "b" FFFD "c" FFFD "d\ne" FFFD "f" FFFD "g" FFFD "h" FFFD "i" FFFD
                       "j" FFFD "k\"");
    /* Quoted for a line break of any kind; LF, CR and CR LF kept as they are. */
    oap_views__csv(capture_open(&c),
                   "a\xe2\x80\xa9"
                   "b\r\nc\rd\te",
                   ',');
    capture_expect(&c, "\"a\nb\r\nc\rd e\"");

    oap_views__plain(capture_open(&c), HOSTILE);
    capture_expect(&c, "a" FFFD "b" FFFD "c" FFFD "d e" FFFD "f" FFFD "g" FFFD "h" FFFD "i" FFFD
                       "j" FFFD "k");
    oap_views__plain(capture_open(&c), "1\r\n2\r3\t4");
    capture_expect(&c, "1 2 3 4");

    oap_jsonw_put_string(capture_open(&c), HOSTILE);
    char *got = capture_close(&c);
    assert_text(got, "\"a\\u202eb\\u200bc\\ufeffd\\u2028e\\u009bf\\u001bg\\ufffdh\\ufdd0i\\udb40"
                     "\\udc41j\\u00adk\"");
    json_t *v = json_loads(got, JSON_DECODE_ANY, NULL);
    ck_assert_ptr_nonnull(v);
    assert_text(json_string_value(v), AS_DATA);
    json_decref(v);
    free(got);
    oap_jsonw_put_string(capture_open(&c), "1\r\n2\r3\t4\"\\");
    capture_expect(&c, "\"1\\r\\n2\\r3\\t4\\\"\\\\\"");
}
END_TEST

START_TEST(dot_labels_tooltips_names)
{
    /* Dropped, but the line break; the byte that is not UTF-8 is U+FFFD. */
    static const struct {
        oap_emit_mode mode;
        const char *want;
    } modes[] = {{OAP_EMIT_HTML, "abcd<BR ALIGN=\"LEFT\"/>efg" FFFD "hijk"},
                 {OAP_EMIT_TOOLTIP, "abcd&#10;efg" FFFD "hijk"},
                 {OAP_EMIT_NAME, "abcd efg" FFFD "hijk"}};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        oap_strbuf b = {0};
        oap_emit__escape(&b, HOSTILE, modes[i].mode);
        assert_text(oap_strbuf_str(&b), modes[i].want);
        oap_strbuf_free(&b);
    }
    oap_strbuf b = {0};
    oap_emit__wrapped(&b, HOSTILE, 40, 0);
    ck_assert(!b.oom);
    assert_text(oap_strbuf_str(&b), "abcd<BR ALIGN=\"LEFT\"/>efg" FFFD "hijk");
    oap_strbuf_free(&b);
}
END_TEST

/* The importer keeps what the table holds (but bytes that are not UTF-8) and says so;
 * the plan file it writes shows each character as a \u escape and reads back the same. */
START_TEST(importer)
{
    static const char table[] = "Priority: C\nYear: 2012\nTitle: T\n#\tActivity\tLeader\n"
                                "Strategic Goal 1: G\n"
                                "1.1\t" HOSTILE "\tIT\n";
    oap_model model;
    oap_model_init(&model);
    oap_import_messages msgs = OAP_IMPORT_MESSAGES_INIT;
    oap_plan *plan;
    ck_assert_int_eq(
        oap_import_read(&plan, &model, "t.tsv", table, strlen(table), NULL, &msgs, NULL), 0);
    ck_assert_uint_eq(msgs.n, 2);
    ck_assert_uint_eq(msgs.items[0].line, 6);
    ck_assert_int_eq(msgs.items[0].level, OAP_IMPORT_NOTE);
    assert_text(msgs.items[0].text,
                "the line holds U+202E, a control, invisible or direction-changing character: what "
                "is imported keeps it, and the plan file shows it as a \\u escape (delete it "
                "unless it is meant)");
    ck_assert_int_eq(msgs.items[1].level, OAP_IMPORT_WARNING);
    assert_text(plan->actions[0].title, AS_DATA);

    capture c;
    ck_assert_int_eq(oap_import_write(capture_open(&c), plan), 0);
    char *out = capture_close(&c);
    assert_nothing_hidden("the imported plan file", out);
    json_t *root = parse(out);
    json_t *a = json_array_get(json_object_get(root, "actions"), 0);
    assert_text(json_string_value(json_object_get(a, "title")), AS_DATA);
    json_decref(root);
    free(out);
    oap_import_messages_free(&msgs);
    oap_model_free(&model);
}
END_TEST

/* oap_json_write's filter joins a character that jansson would cut between two pieces. */
START_TEST(json_write_pieces)
{
    static const char text[] = "[\"x\xe2\x80\xae\xc3\xa9\xf3\xa0\x81\x81\"]";
    size_t n = strlen(text);
    for (size_t cut = 0; cut <= n; cut++) {
        for (size_t cut2 = cut; cut2 <= n; cut2++) {
            capture c;
            oap_json__escaping e = {.out = capture_open(&c)};
            ck_assert_int_eq(oap_json__escaping_put(text, cut, &e), 0);
            ck_assert_int_eq(oap_json__escaping_put(text + cut, cut2 - cut, &e), 0);
            ck_assert_int_eq(oap_json__escaping_put(text + cut2, n - cut2, &e), 0);
            oap_json__escaping_end(&e);
            capture_expect(&c, "[\"x\\u202e\xc3\xa9\\udb40\\udc41\"]");
        }
    }
    json_t *v = json_pack("{s:s}", "k\xe2\x80\x8b", "v\xc2\x85");
    capture c;
    ck_assert_int_eq(oap_json_write(capture_open(&c), v), 0);
    capture_expect(&c, "{\n  \"k\\u200b\": \"v\\u0085\"\n}\n");
    json_decref(v);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("text");
    TCase *policy = tcase_create("policy");
    tcase_add_test(policy, classes);
    tcase_add_test(policy, next);
    tcase_add_test(policy, json_escape);
    suite_add_tcase(s, policy);
    TCase *outputs = tcase_create("outputs");
    tcase_add_test(outputs, text_format);
    tcase_add_test(outputs, places_escaped);
    tcase_add_test(outputs, zero_width_space_in_text_findings);
    tcase_add_test(outputs, json_and_sarif);
    tcase_add_test(outputs, markdown);
    tcase_add_test(outputs, html);
    tcase_add_test(outputs, csv_plain_views_json);
    tcase_add_test(outputs, dot_labels_tooltips_names);
    tcase_add_test(outputs, importer);
    tcase_add_test(outputs, json_write_pieces);
    suite_add_tcase(s, outputs);
    return oap_test_run(s);
}
