/* check_refs: the reference grammar, table cells and mentions of src/core/refs. */
#include "core/refs.h"

#include "check_main.h"

#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* References read from a cell, in grammar form, joined by "|"; and how many. */
typedef struct collected {
    char text[1024];
    int count;
    int stop_after; /* add returns 7 after this many references; 0: never */
} collected;

static int collect(void *ctx, const oap_ref *ref)
{
    collected *c = ctx;
    char one[3 * OAP_REF_ID_MAX + 8];
    oap_ref_format(ref, one, sizeof one);
    /* Kind and target must agree whatever the text was. */
    ck_assert_int_eq(ref->kind == OAP_REF_PRIORITY, strcmp(ref->target, "*") == 0);
    if (c->count > 0)
        strcat(c->text, "|");
    strcat(c->text, one);
    c->count++;
    return c->stop_after > 0 && c->count >= c->stop_after ? 7 : 0;
}

static void expect_cell(const char *cell, const char *want)
{
    collected c = {"", 0, 0};
    oap_ref_error err = {0, ""};
    int rc = oap_refs_read_cell(cell, collect, &c, &err);
    ck_assert_msg(rc == 0, "cell \"%s\": %s at %zu", cell, err.message, err.offset);
    ck_assert_str_eq(c.text, want);
}

static void expect_cell_error(const char *cell, size_t offset, const char *message)
{
    collected c = {"", 0, 0};
    oap_ref_error err = {0, ""};
    ck_assert_int_eq(oap_refs_read_cell(cell, collect, &c, &err), -1);
    ck_assert_uint_eq(err.offset, offset);
    ck_assert_str_eq(err.message, message);
}

static void expect_ref(const char *text, oap_ref_kind kind, const char *qualifier,
                       const char *target, const char *phase)
{
    oap_ref ref;
    oap_ref_error err = {0, ""};
    int rc = oap_ref_parse(text, &ref, &err);
    ck_assert_msg(rc == 0, "\"%s\": %s at %zu", text, err.message, err.offset);
    ck_assert_int_eq(ref.kind, kind);
    ck_assert_str_eq(ref.qualifier, qualifier);
    ck_assert_str_eq(ref.target, target);
    ck_assert_str_eq(ref.phase, phase);
}

static void expect_ref_error(const char *text, size_t offset, const char *message)
{
    oap_ref ref;
    oap_ref_error err = {0, ""};
    ck_assert_int_eq(oap_ref_parse(text, &ref, &err), -1);
    ck_assert_uint_eq(err.offset, offset);
    ck_assert_str_eq(err.message, message);
}

#define CANNOT(q)                                                                                  \
    "cannot read \"" q "\" as a reference (expected \"SG n\", an action number such as "           \
    "2.1, or \"SGs in priority X\")"
#define TOO_LONG "reference too long (an id has at most 64 bytes)"
#define NO_TARGET "expected a goal or action id or \"*\""

/* --- the grammar --- */

START_TEST(grammar_unqualified)
{
    expect_ref("2.1", OAP_REF_NODE, "", "2.1", "");
    expect_ref("2.1#1", OAP_REF_NODE, "", "2.1", "1");
    expect_ref("SG2", OAP_REF_NODE, "", "SG2", "");
    expect_ref("SG 2", OAP_REF_NODE, "", "SG2", "");
    expect_ref("sg2", OAP_REF_NODE, "", "SG2", "");
    expect_ref("Sg\t12", OAP_REF_NODE, "", "SG12", "");
    expect_ref("*", OAP_REF_PRIORITY, "", "*", "");
    /* Not "SG" + digits: an action id by shape, left to resolution. */
    expect_ref("SG2a", OAP_REF_NODE, "", "SG2a", "");
    expect_ref("x-1_a.b", OAP_REF_NODE, "", "x-1_a.b", "");
}
END_TEST

START_TEST(grammar_qualified)
{
    expect_ref("2012-F:SG2", OAP_REF_NODE, "2012-F", "SG2", "");
    expect_ref("F:3.1", OAP_REF_NODE, "F", "3.1", "");
    expect_ref("F:2.1#1", OAP_REF_NODE, "F", "2.1", "1");
    expect_ref("B:*", OAP_REF_PRIORITY, "B", "*", "");
    expect_ref("2012-C:sg 4", OAP_REF_NODE, "2012-C", "SG4", "");
    expect_ref("2012.v2_x:1.1#phase-2", OAP_REF_NODE, "2012.v2_x", "1.1", "phase-2");
}
END_TEST

START_TEST(grammar_whitespace)
{
    expect_ref("  2.1 ", OAP_REF_NODE, "", "2.1", "");
    expect_ref("\t\nF:2.1#1\r\n", OAP_REF_NODE, "F", "2.1", "1");
    expect_ref(" B:* ", OAP_REF_PRIORITY, "B", "*", "");
    expect_ref(" SG  2 ", OAP_REF_NODE, "", "SG2", "");
    /* A no-break space (UTF-8 C2 A0), as copied out of Council PDFs. */
    expect_ref("SG\xc2\xa0"
               "2",
               OAP_REF_NODE, "", "SG2", "");
}
END_TEST

START_TEST(grammar_errors)
{
    expect_ref_error("", 0, NO_TARGET);
    expect_ref_error("   ", 3, NO_TARGET);
    expect_ref_error(":", 0, "expected a plan id or priority code before \":\"");
    expect_ref_error(":2.1", 0, "expected a plan id or priority code before \":\"");
    expect_ref_error("F:", 2, NO_TARGET);
    expect_ref_error("F: 2.1", 2, NO_TARGET);
    expect_ref_error("2.1#", 4, "expected a phase id after \"#\"");
    expect_ref_error("#1", 0, NO_TARGET);
    expect_ref_error("a b", 2, "unexpected \"b\" after the reference");
    expect_ref_error("F:2.1:3", 5, "unexpected \":3\" after the reference");
    expect_ref_error("2.1#1#2", 5, "unexpected \"#2\" after the reference");
    expect_ref_error("SG2#1", 3, "only an action id can have a \"#\" phase");
    expect_ref_error("B:*#1", 3, "only an action id can have a \"#\" phase");
    expect_ref_error("*:2.1", 1, "unexpected \":2.1\" after the reference");
    expect_ref_error("2.1,5.2", 3, "unexpected \",5.2\" after the reference");
    expect_ref_error("SG 2a", 3, "unexpected \"2a\" after the reference");
    expect_ref_error("2.1\x01", 3, "unexpected \"?\" after the reference");
}
END_TEST

START_TEST(grammar_too_long)
{
    char text[200];
    oap_ref ref;
    /* Exactly OAP_REF_ID_MAX bytes is fine, one more is not: target, qualifier, phase. */
    memset(text, '1', 64);
    text[64] = '\0';
    expect_ref(text, OAP_REF_NODE, "", text, "");
    memset(text, '1', 65);
    text[65] = '\0';
    expect_ref_error(text, 0, TOO_LONG);

    memset(text, 'Q', 65);
    strcpy(text + 65, ":2.1");
    expect_ref_error(text, 0, TOO_LONG);

    strcpy(text, "2.1#");
    memset(text + 4, 'p', 65);
    text[69] = '\0';
    expect_ref_error(text, 4, TOO_LONG);
    text[68] = '\0';
    ck_assert_int_eq(oap_ref_parse(text, &ref, NULL), 0);
    ck_assert_uint_eq(strlen(ref.phase), 64);

    strcpy(text, "SG");
    memset(text + 2, '9', 63);
    text[65] = '\0';
    expect_ref_error(text, 0, TOO_LONG);
    text[64] = '\0';
    ck_assert_int_eq(oap_ref_parse(text, &ref, NULL), 0);
    ck_assert_uint_eq(strlen(ref.target), 64);
}
END_TEST

START_TEST(grammar_null_err)
{
    oap_ref ref;
    ck_assert_int_eq(oap_ref_parse("a b", &ref, NULL), -1);
    ck_assert_int_eq(oap_ref_parse(NULL, &ref, NULL), -1);
}
END_TEST

START_TEST(goal_id_shape)
{
    ck_assert(oap_ref_is_goal_id("SG2"));
    ck_assert(oap_ref_is_goal_id("SG12"));
    ck_assert(oap_ref_is_goal_id("sg2"));
    ck_assert(oap_ref_is_goal_id("SG 2"));
    ck_assert(!oap_ref_is_goal_id("SG"));
    ck_assert(!oap_ref_is_goal_id("SG2a"));
    ck_assert(!oap_ref_is_goal_id("SG2.1"));
    ck_assert(!oap_ref_is_goal_id("2.1"));
    ck_assert(!oap_ref_is_goal_id("*"));
    ck_assert(!oap_ref_is_goal_id(" SG2"));
    ck_assert(!oap_ref_is_goal_id(""));
    ck_assert(!oap_ref_is_goal_id(NULL));
}
END_TEST

START_TEST(format_round_trip)
{
    static const char *const forms[] = {"2.1",   "2.1#1",   "SG2",        "*",         "B:*",
                                        "F:3.1", "F:2.1#1", "2012-F:SG2", "2012-C:1.1"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        oap_ref ref, again;
        char buf[256];
        ck_assert_int_eq(oap_ref_parse(forms[i], &ref, NULL), 0);
        ck_assert_int_eq(oap_ref_format(&ref, buf, sizeof buf), (int)strlen(forms[i]));
        ck_assert_str_eq(buf, forms[i]);
        ck_assert_int_eq(oap_ref_parse(buf, &again, NULL), 0);
        ck_assert_mem_eq(&ref, &again, sizeof ref);
    }
}
END_TEST

START_TEST(format_normalises_and_truncates)
{
    oap_ref ref;
    char buf[5];
    ck_assert_int_eq(oap_ref_parse(" sg 2 ", &ref, NULL), 0);
    ck_assert_int_eq(oap_ref_format(&ref, buf, sizeof buf), 3);
    ck_assert_str_eq(buf, "SG2");
    ck_assert_int_eq(oap_ref_parse("2012-F:2.1#1", &ref, NULL), 0);
    ck_assert_int_eq(oap_ref_format(&ref, buf, sizeof buf), 12);
    ck_assert_str_eq(buf, "2012");
    ck_assert_int_eq(oap_ref_format(&ref, NULL, 0), 12);
}
END_TEST

/* --- table cells --- */

/* Every I/D SG and I/D OA cell of the reference plan (2012 OAP, priority C), as written. */
START_TEST(cells_reference_plan)
{
    expect_cell("SG 2, SG 4", "SG2|SG4");                       /* 1.1 I/D SG */
    expect_cell("2.1, 5.2", "2.1|5.2");                         /* 1.1 I/D OA */
    expect_cell("SG 4", "SG4");                                 /* 1.2, 1.3 I/D SG */
    expect_cell("2.1", "2.1");                                  /* 1.3 I/D OA */
    expect_cell("SG 1, SG 4", "SG1|SG4");                       /* 2.1 I/D SG */
    expect_cell("1.1", "1.1");                                  /* 2.1, 5.2 I/D OA */
    expect_cell("SG 1, SGs in priority B", "SG1|B:*");          /* 2.2 I/D SG */
    expect_cell("1.1, 2.1, 2.3", "1.1|2.1|2.3");                /* 2.2 I/D OA */
    expect_cell("SG 1", "SG1");                                 /* 2.3 I/D SG */
    expect_cell("1.1, 2.2", "1.1|2.2");                         /* 2.3 I/D OA */
    expect_cell("SGs in priority B and priority F", "B:*|F:*"); /* 4.1 I/D SG */
    expect_cell("SG 1, SG 2, SG 4", "SG1|SG2|SG4");             /* 5.2 I/D SG */
    expect_cell("", "");                                        /* the empty cells */
}
END_TEST

START_TEST(cells_reference_plan_kinds)
{
    /* "SGs in priority B": the plan of B as a whole, qualified by its code. */
    collected c = {"", 0, 1};
    oap_ref ref;
    ck_assert_int_eq(oap_ref_parse("B:*", &ref, NULL), 0);
    ck_assert_int_eq(ref.kind, OAP_REF_PRIORITY);
    ck_assert_int_eq(oap_refs_read_cell("SGs in priority B", collect, &c, NULL), 7);
    ck_assert_str_eq(c.text, "B:*");
}
END_TEST

START_TEST(cells_separators)
{
    expect_cell("SG 1 , SG 2.", "SG1|SG2");
    expect_cell("2.1 and 5.2", "2.1|5.2");
    expect_cell("2.1; 5.2.", "2.1|5.2");
    expect_cell("  SG1,SG2  ", "SG1|SG2");
    expect_cell("SG 1 SG 2", "SG1|SG2");
    expect_cell("2.1, and 5.2", "2.1|5.2");
    expect_cell("SG 1.", "SG1");
    expect_cell("1.1.", "1.1");
    expect_cell(" \t\n ", "");
    expect_cell(",", "");
    expect_cell("SG\xc2\xa0"
                "3,\xc2\xa0"
                "3.1",
                "SG3|3.1");
}
END_TEST

START_TEST(cells_words)
{
    expect_cell("Action 2.1", "2.1");
    expect_cell("Actions 1.1 and 1.3", "1.1|1.3");
    expect_cell("actions 1.1, 1.2 and 1.3", "1.1|1.2|1.3");
    expect_cell("OA 2.1", "2.1");
    expect_cell("OAs 2.1, 2.2", "2.1|2.2");
    expect_cell("priority B", "B:*");
    expect_cell("Priority B.", "B:*");
    expect_cell("SG 1, priority F", "SG1|F:*");
    expect_cell("SGs in priorities B and F", "B:*|F:*");
    expect_cell("priorities B, C and F, SG 2", "B:*|C:*|F:*|SG2");
    expect_cell("SG in priority B", "B:*");
    expect_cell("sgs  IN  PRIORITY b", "b:*");
}
END_TEST

START_TEST(cells_grammar_forms)
{
    expect_cell("B:2.1", "B:2.1");
    expect_cell("B:2.1, F:*, 2012-F:SG2", "B:2.1|F:*|2012-F:SG2");
    expect_cell("2.1#1, 2.1#2.", "2.1#1|2.1#2");
    expect_cell("Action F:3.1", "F:3.1");
    expect_cell("F:SG 2", "F:SG2");
    expect_cell("*", "*");
}
END_TEST

START_TEST(cells_dashes)
{
    /* The seed's continuation rows hold dashes: none, not an unreadable reference. */
    expect_cell("------", "");
    expect_cell(" - ", "");
    expect_cell("\xe2\x80\x93", "");
    expect_cell("\xe2\x80\x94 ", "");
    expect_cell_error("- 2.1", 0, CANNOT("- 2.1"));
}
END_TEST

START_TEST(cells_errors)
{
    expect_cell_error("SG 1, blah", 6, CANNOT("blah"));
    expect_cell_error("SG 1, blah blah.", 6, CANNOT("blah blah"));
    expect_cell_error("SG 1, SG 2a, SG 3", 6, CANNOT("SG 2a"));
    expect_cell_error("1.1-1.3", 0, CANNOT("1.1-1.3"));
    expect_cell_error("2.1a", 0, CANNOT("2.1a"));
    expect_cell_error("2.1 / 2.2", 4, CANNOT("/ 2.2"));
    expect_cell_error("SG 1 in priority B", 5, CANNOT("in priority B"));
    expect_cell_error("SGs", 0, CANNOT("SGs"));
    expect_cell_error("SGs in B", 7, "expected \"priority X\" after \"SGs in\", found \"B\"");
    expect_cell_error("SGs in", 6, "expected \"priority X\" after \"SGs in\"");
    expect_cell_error("priority B and F", 15, CANNOT("F"));
    expect_cell_error("priority", 8, "expected a priority code such as B after \"priority\"");
    expect_cell_error("SG 1, Priority ,", 15,
                      "expected a priority code such as B after \"Priority\"");
    expect_cell_error("Action", 6, "expected an action number such as 2.1 after \"Action\"");
    expect_cell_error("Actions SG 1", 8,
                      "expected an action number such as 2.1 after \"Actions\", found \"SG 1\"");
    expect_cell_error("OA B:*", 3,
                      "expected an action number such as 2.1 after \"OA\", found \"B:*\"");
    expect_cell_error("2.1, F:", 7, NO_TARGET);
    expect_cell_error("2.1#", 4, "expected a phase id after \"#\"");
    expect_cell_error("2.1 (phase 1)", 4, CANNOT("(phase 1)"));
    expect_cell_error("SG 1, \x7f\x01", 6, CANNOT("??"));
    expect_cell_error("SG 1, abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", 6,
                      CANNOT("abcdefghijklmnopqrstuvwxyzabcdefghijklmn..."));
    /* A quote is never cut inside a UTF-8 sequence. */
    expect_cell_error("abcdefghijklmnopqrstuvwxyzabcdefghijklm\xc3\xa9xyz", 0,
                      CANNOT("abcdefghijklmnopqrstuvwxyzabcdefghijklm..."));
}
END_TEST

START_TEST(cells_too_long)
{
    char text[200];
    strcpy(text, "SG 1, ");
    memset(text + 6, '1', 65);
    text[71] = '\0';
    expect_cell_error(text, 6, TOO_LONG);
    strcpy(text, "priority ");
    memset(text + 9, 'B', 65);
    text[74] = '\0';
    expect_cell_error(text, 9, TOO_LONG);
    strcpy(text, "Action ");
    memset(text + 7, '2', 65);
    text[72] = '\0';
    expect_cell_error(text, 7, TOO_LONG);
}
END_TEST

START_TEST(cells_add_stops)
{
    collected c = {"", 0, 2};
    ck_assert_int_eq(oap_refs_read_cell("SG 1, SG 2, SG 4", collect, &c, NULL), 7);
    ck_assert_str_eq(c.text, "SG1|SG2");
    /* Without add the reader only validates; references before a fault are passed. */
    ck_assert_int_eq(oap_refs_read_cell("SG 1, SG 2", NULL, NULL, NULL), 0);
    ck_assert_int_eq(oap_refs_read_cell("SG 1, blah", NULL, NULL, NULL), -1);
    c.stop_after = 0;
    c.count = 0;
    c.text[0] = '\0';
    ck_assert_int_eq(oap_refs_read_cell("SG 1, blah", collect, &c, NULL), -1);
    ck_assert_str_eq(c.text, "SG1");
    ck_assert_int_eq(oap_refs_read_cell(NULL, collect, &c, NULL), 0);
}
END_TEST

/* --- mentions --- */

typedef struct mentions {
    int count;
    char ids[8][OAP_REF_ID_MAX + 1];
    size_t offsets[8];
} mentions;

static void note_mention(void *ctx, const char *id, size_t offset)
{
    mentions *m = ctx;
    ck_assert_uint_le(strlen(id), OAP_REF_ID_MAX);
    if (m->count < 8) {
        strcpy(m->ids[m->count], id);
        m->offsets[m->count] = offset;
    }
    m->count++;
}

static mentions find(const char *text)
{
    mentions m;
    memset(&m, 0, sizeof m);
    oap_refs_find_mentions(text, note_mention, &m);
    return m;
}

/* The description of action 1.1 of the reference plan, as written. */
static const char desc_1_1[] =
    "<p>Preliminary consultation between Frontex, Europol and MSs to define the scope of "
    "this TRA.</p> <p>Frontex will draft this TRA in close cooperation with Europol and on "
    "the basis of information to be provided by MSs.</p> <p>Outcomes of the HIOs \xe2\x80\x93 "
    "1st phase to be carried out at main Italian Adriatic ports and at IT/SI land border "
    "(see Action 2.1) will be used for the TRA.</p>";

static const char title_2_1[] =
    "Based on the outcomes of the risk analysis under Actions 1.1 and 1.3, MS concerned will "
    "develop High Impact Operations (HIO) along the main routes of illegal immigration, in "
    "particular towards IT from TR, EL and the Western Balkans in line with the EU acquis, "
    "notably the Schengen Border Code";

static const char desc_2_1[] =
    "1/2-week HIO consisting of joint or coordinated patrolling + debriefing activity at main "
    "Italian Adriatic ports and at IT/SI land border. Experience and information gathered "
    "during these HIO will be used for the development of the TRA on secondary movements of "
    "illegal immigration to the EU (see Action 1.1). Other possible locations to be targeted "
    "in a second stage will be based on the outcomes of the aforesaid TRA.";

START_TEST(mentions_reference_plan)
{
    mentions m = find(desc_1_1);
    ck_assert_int_eq(m.count, 1);
    ck_assert_str_eq(m.ids[0], "2.1");
    ck_assert_uint_eq(m.offsets[0], 346);
    ck_assert(strncmp(desc_1_1 + 346, "2.1)", 4) == 0);

    m = find(title_2_1);
    ck_assert_int_eq(m.count, 2);
    ck_assert_str_eq(m.ids[0], "1.1");
    ck_assert_uint_eq(m.offsets[0], 57);
    ck_assert_str_eq(m.ids[1], "1.3");
    ck_assert_uint_eq(m.offsets[1], 65);

    m = find(desc_2_1);
    ck_assert_int_eq(m.count, 1);
    ck_assert_str_eq(m.ids[0], "1.1");
    ck_assert_uint_eq(m.offsets[0], 303);

    /* Other texts of the plan: "EU Action Plan", "action days", a timing. */
    ck_assert_int_eq(find("To organise a workshop aimed at sharing national experiences and "
                          "best practices on how EU Action Plan has been implemented")
                         .count,
                     0);
    ck_assert_int_eq(find("KPI: Number of action days / locations").count, 0);
    ck_assert_int_eq(find("1 st phase: 1-2 weeks in April/May 2 nd phase: 1-2 weeks in "
                          "October/November")
                         .count,
                     0);
}
END_TEST

START_TEST(mentions_lists)
{
    mentions m = find("actions 1.1, 1.2 and 1.3 are linked");
    ck_assert_int_eq(m.count, 3);
    ck_assert_str_eq(m.ids[0], "1.1");
    ck_assert_uint_eq(m.offsets[0], 8);
    ck_assert_str_eq(m.ids[1], "1.2");
    ck_assert_uint_eq(m.offsets[1], 13);
    ck_assert_str_eq(m.ids[2], "1.3");
    ck_assert_uint_eq(m.offsets[2], 21);

    m = find("ACTIONS 2.1, and 2.2; 2.3 or 2.4 & 2.5, then 7.7");
    ck_assert_int_eq(m.count, 5);
    ck_assert_str_eq(m.ids[4], "2.5");

    m = find("See Action 2.1. Then Action 3.1.2, action 2.1#1.");
    ck_assert_int_eq(m.count, 3);
    ck_assert_str_eq(m.ids[0], "2.1");
    ck_assert_str_eq(m.ids[1], "3.1.2");
    ck_assert_str_eq(m.ids[2], "2.1");
    ck_assert_uint_eq(m.offsets[2], 42);

    m = find("Action\xc2\xa0"
             "4.1");
    ck_assert_int_eq(m.count, 1);
    ck_assert_uint_eq(m.offsets[0], 8);
}
END_TEST

START_TEST(mentions_not)
{
    ck_assert_int_eq(find("agreed by COSI on 15.12.2011").count, 0);
    ck_assert_int_eq(find("2.1 million EUR").count, 0);
    ck_assert_int_eq(find("see end of Section 5.2.").count, 0);
    ck_assert_int_eq(find("(see end of paragraph 5.2.)").count, 0);
    ck_assert_int_eq(find("a 2.1 ratio").count, 0);
    ck_assert_int_eq(find("action 2012 budget").count, 0);
    ck_assert_int_eq(find("reaction 2.1").count, 0);
    ck_assert_int_eq(find("Actionable 2.1").count, 0);
    ck_assert_int_eq(find("Action 2.1a").count, 0);
    ck_assert_int_eq(find("Action-Leader 2.1").count, 0);
    ck_assert_int_eq(find("Action").count, 0);
    ck_assert_int_eq(find("").count, 0);
    /* The list ends at the first word that is not a separator. */
    mentions m = find("Actions 1.1 and 1.3, MS concerned 2.2");
    ck_assert_int_eq(m.count, 2);
    oap_refs_find_mentions(NULL, note_mention, &m);
    ck_assert_int_eq(m.count, 2);
}
END_TEST

START_TEST(mentions_too_long)
{
    char text[200];
    strcpy(text, "Action 1.");
    memset(text + 9, '1', 70);
    text[79] = '\0';
    ck_assert_int_eq(find(text).count, 0);
}
END_TEST

/* --- any bytes --- */

static int ignore_ref(void *ctx, const oap_ref *ref)
{
    char buf[3 * OAP_REF_ID_MAX + 8];
    (void)ctx;
    ck_assert_int_lt(oap_ref_format(ref, buf, sizeof buf), (int)sizeof buf);
    return 0;
}

static void ignore_mention(void *ctx, const char *id, size_t offset)
{
    size_t *len = ctx;
    ck_assert_uint_lt(offset, *len);
    ck_assert_uint_le(strlen(id), OAP_REF_ID_MAX);
}

/* Runs every reader on exactly len bytes in a buffer of their size, so that the address
 * sanitizer sees any read past the NUL; errors must point inside the text. */
static void run_all(const char *bytes, size_t len)
{
    char *text = malloc(len + 1);
    oap_ref ref;
    oap_ref_error err;
    ck_assert_ptr_nonnull(text);
    memcpy(text, bytes, len);
    text[len] = '\0';
    len = strlen(text);
    if (oap_ref_parse(text, &ref, &err) < 0) {
        ck_assert_uint_le(err.offset, len);
        ck_assert_uint_lt(strlen(err.message), sizeof err.message - 1);
    }
    if (oap_refs_read_cell(text, ignore_ref, NULL, &err) < 0) {
        ck_assert_uint_le(err.offset, len);
        ck_assert_uint_lt(strlen(err.message), sizeof err.message - 1);
    }
    oap_refs_find_mentions(text, ignore_mention, &len);
    oap_ref_is_goal_id(text);
    free(text);
}

START_TEST(any_bytes_prefixes)
{
    static const char *const samples[] = {"SGs in priority B and priority F",
                                          "2012-F:SG 2#1",
                                          "Actions 1.1, 1.2 and 1.3.",
                                          ("SG\xc2\xa0"
                                           "2, \xe2\x80\x93 2.1#x."),
                                          "priorities B and F, OA 2.1",
                                          "B:*#",
                                          "sg 1 in",
                                          "Action 2.1.1."};
    for (size_t s = 0; s < sizeof samples / sizeof samples[0]; s++)
        for (size_t len = 0; len <= strlen(samples[s]); len++)
            run_all(samples[s], len);
}
END_TEST

START_TEST(any_bytes_random)
{
    /* A fixed generator over an alphabet rich in the bytes the readers care about. */
    static const char alphabet[] = "SGsgAaCcTtIiOoNnPpRrYyDd0123456789.:#*,; \t-_&\xc2\xa0\xe2\x80"
                                   "\x93\xff\x01";
    uint32_t x = 2463534242u;
    char buf[64];
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(round % 63);
        for (size_t i = 0; i < len; i++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            buf[i] = alphabet[x % (sizeof alphabet - 1)];
        }
        run_all(buf, len);
    }
}
END_TEST

static Suite *refs_suite(void)
{
    Suite *s = suite_create("refs");
    TCase *tc = tcase_create("grammar");
    tcase_add_test(tc, grammar_unqualified);
    tcase_add_test(tc, grammar_qualified);
    tcase_add_test(tc, grammar_whitespace);
    tcase_add_test(tc, grammar_errors);
    tcase_add_test(tc, grammar_too_long);
    tcase_add_test(tc, grammar_null_err);
    tcase_add_test(tc, goal_id_shape);
    tcase_add_test(tc, format_round_trip);
    tcase_add_test(tc, format_normalises_and_truncates);
    suite_add_tcase(s, tc);

    tc = tcase_create("cells");
    tcase_add_test(tc, cells_reference_plan);
    tcase_add_test(tc, cells_reference_plan_kinds);
    tcase_add_test(tc, cells_separators);
    tcase_add_test(tc, cells_words);
    tcase_add_test(tc, cells_grammar_forms);
    tcase_add_test(tc, cells_dashes);
    tcase_add_test(tc, cells_errors);
    tcase_add_test(tc, cells_too_long);
    tcase_add_test(tc, cells_add_stops);
    suite_add_tcase(s, tc);

    tc = tcase_create("mentions");
    tcase_add_test(tc, mentions_reference_plan);
    tcase_add_test(tc, mentions_lists);
    tcase_add_test(tc, mentions_not);
    tcase_add_test(tc, mentions_too_long);
    suite_add_tcase(s, tc);

    tc = tcase_create("any_bytes");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, any_bytes_prefixes);
    tcase_add_test(tc, any_bytes_random);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return oap_test_run(refs_suite());
}
