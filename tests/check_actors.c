/* check_actors: unit tests of the built-in actor registry (src/core/actors.[ch]), and of
 * the "did you mean" it and the ids of cycle files use (src/core/suggest.[ch]). */
#include "core/actors.h"
#include "core/suggest.h"

#include "check_main.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#define MONTH(y, m) ((y)*12 + (m)-1)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
/* U+00A0 in UTF-8, as pasted Council tables carry it. */
#define NBSP "\xC2\xA0"

struct expect {
    const char *text;
    const char *code;
    oap_actor_kind kind;
};

/* Checks that each text resolves to the expected canonical code and kind, naming the text
 * that does not. */
static void check_all(const struct expect *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const oap_actor_info *a = oap_actors_find(cases[i].text);
        ck_assert_msg(a != NULL, "\"%s\" is not found", cases[i].text);
        ck_assert_msg(strcmp(a->code, cases[i].code) == 0, "\"%s\" gives %s, expected %s",
                      cases[i].text, a->code, cases[i].code);
        ck_assert_msg(a->kind == cases[i].kind, "\"%s\" is a %s, expected a %s", cases[i].text,
                      oap_actor_kind_name(a->kind), oap_actor_kind_name(cases[i].kind));
    }
}

/* Every actor in the Leader and Participants columns of the 2012 priority C plan
 * (shared/seed/000_d200a04753b0ebe8.txt), after splitting the cells. */
START_TEST(test_reference_plan_actors)
{
    static const struct expect cases[] = {
        {"Frontex", "Frontex", OAP_ACTOR_AGENCY},
        {"Europol", "Europol", OAP_ACTOR_AGENCY},
        {"All MS", "All MS", OAP_ACTOR_GROUP},
        {"IT", "IT", OAP_ACTOR_MEMBER_STATE},
        {"UK", "UK", OAP_ACTOR_MEMBER_STATE},
        {"SI", "SI", OAP_ACTOR_MEMBER_STATE},
        {"Relevant MS", "Relevant MS", OAP_ACTOR_GROUP},
        {"HU", "HU", OAP_ACTOR_MEMBER_STATE},
        {"AT", "AT", OAP_ACTOR_MEMBER_STATE},
        {"PL", "PL", OAP_ACTOR_MEMBER_STATE},
        {"SK", "SK", OAP_ACTOR_MEMBER_STATE},
        {"RS", "RS", OAP_ACTOR_THIRD_COUNTRY},
        {"EC", "EC", OAP_ACTOR_AGENCY},
        {"CEPOL", "CEPOL", OAP_ACTOR_AGENCY},
        {"Acting EU Presidency", "Acting EU Presidency", OAP_ACTOR_GROUP},
        {"Eurojust", "Eurojust", OAP_ACTOR_AGENCY},
        {"DE", "DE", OAP_ACTOR_MEMBER_STATE},
        {"ES", "ES", OAP_ACTOR_MEMBER_STATE},
        {"MT", "MT", OAP_ACTOR_MEMBER_STATE},
        {"MS concerned", "MS concerned", OAP_ACTOR_GROUP},
        {"DZ", "DZ", OAP_ACTOR_THIRD_COUNTRY},
        {"TN", "TN", OAP_ACTOR_THIRD_COUNTRY},
        {"LY", "LY", OAP_ACTOR_THIRD_COUNTRY},
        {"EG", "EG", OAP_ACTOR_THIRD_COUNTRY},
        {"IOM", "IOM", OAP_ACTOR_INTERNATIONAL},
        {"EL", "EL", OAP_ACTOR_MEMBER_STATE},
        {"FI", "FI", OAP_ACTOR_MEMBER_STATE},
        {"FR", "FR", OAP_ACTOR_MEMBER_STATE},
        {"Relevant EU agencies", "Relevant EU agencies", OAP_ACTOR_GROUP},
        {"Relevant international organisations", "Relevant international organisations",
         OAP_ACTOR_GROUP},
        /* As the seed's prose writes them. */
        {"Cefpol", "CEPOL", OAP_ACTOR_AGENCY},
        {"COM", "EC", OAP_ACTOR_AGENCY},
        {"FYROM", "MK", OAP_ACTOR_THIRD_COUNTRY},
        {"EMPACT SU", "EMPACT SU", OAP_ACTOR_AGENCY},
        {"EMPACT Support Unit", "EMPACT SU", OAP_ACTOR_AGENCY},
        {"COSI", "COSI", OAP_ACTOR_AGENCY},
        {"General Secretariat of the Council", "GSC", OAP_ACTOR_AGENCY},
        {"European Commission", "EC", OAP_ACTOR_AGENCY},
        {"Italy", "IT", OAP_ACTOR_MEMBER_STATE},
        {"Libya", "LY", OAP_ACTOR_THIRD_COUNTRY},
        {"Turkey", "TR", OAP_ACTOR_THIRD_COUNTRY},
        {"Russia", "RU", OAP_ACTOR_THIRD_COUNTRY},
        {"Ukraine", "UA", OAP_ACTOR_THIRD_COUNTRY},
        {"Vietnam", "VN", OAP_ACTOR_THIRD_COUNTRY},
        {"VN", "VN", OAP_ACTOR_THIRD_COUNTRY},
        {"US", "US", OAP_ACTOR_THIRD_COUNTRY},
        {"USA", "US", OAP_ACTOR_THIRD_COUNTRY},
    };
    check_all(cases, COUNT(cases));
}
END_TEST

START_TEST(test_aliases)
{
    static const struct expect cases[] = {
        {"Cefpol", "CEPOL", OAP_ACTOR_AGENCY},
        {"Cepol", "CEPOL", OAP_ACTOR_AGENCY},
        {"COM", "EC", OAP_ACTOR_AGENCY},
        {"Commission", "EC", OAP_ACTOR_AGENCY},
        {"GR", "EL", OAP_ACTOR_MEMBER_STATE},
        {"Greece", "EL", OAP_ACTOR_MEMBER_STATE},
        {"Hellenic Republic", "EL", OAP_ACTOR_MEMBER_STATE},
        {"GB", "UK", OAP_ACTOR_MEMBER_STATE},
        {"United Kingdom", "UK", OAP_ACTOR_MEMBER_STATE},
        {"Czech Republic", "CZ", OAP_ACTOR_MEMBER_STATE},
        {"The Netherlands", "NL", OAP_ACTOR_MEMBER_STATE},
        {"all ms", "All MS", OAP_ACTOR_GROUP},
        {"all MS", "All MS", OAP_ACTOR_GROUP},
        {"All Member States", "All MS", OAP_ACTOR_GROUP},
        {"Relevant Member States", "Relevant MS", OAP_ACTOR_GROUP},
        {"relevant MS", "Relevant MS", OAP_ACTOR_GROUP},
        {"Member States concerned", "MS concerned", OAP_ACTOR_GROUP},
        {"Concerned MS", "MS concerned", OAP_ACTOR_GROUP},
        {"EU Presidency", "Acting EU Presidency", OAP_ACTOR_GROUP},
        {"Presidency", "Acting EU Presidency", OAP_ACTOR_GROUP},
        {"Acting Presidency", "Acting EU Presidency", OAP_ACTOR_GROUP},
        {"Other relevant EU agencies", "Relevant EU agencies", OAP_ACTOR_GROUP},
        {"Relevant EU Agencies", "Relevant EU agencies", OAP_ACTOR_GROUP},
        {"International Organisations", "Relevant international organisations", OAP_ACTOR_GROUP},
        {"Relevant International Organisations", "Relevant international organisations",
         OAP_ACTOR_GROUP},
        {"relevant international organizations", "Relevant international organisations",
         OAP_ACTOR_GROUP},
        {"FRONTEX", "Frontex", OAP_ACTOR_AGENCY},
        {"European Border and Coast Guard Agency", "Frontex", OAP_ACTOR_AGENCY},
        {"European Union Agency for Law Enforcement Cooperation", "Europol", OAP_ACTOR_AGENCY},
        {"EASO", "EUAA", OAP_ACTOR_AGENCY},
        {"EU-LISA", "eu-LISA", OAP_ACTOR_AGENCY},
        {"Council General Secretariat", "GSC", OAP_ACTOR_AGENCY},
        {"ICPO-Interpol", "Interpol", OAP_ACTOR_INTERNATIONAL},
        {"INTERPOL", "Interpol", OAP_ACTOR_INTERNATIONAL},
        {"Council of Europe", "CoE", OAP_ACTOR_INTERNATIONAL},
        {"World Customs Organization", "WCO", OAP_ACTOR_INTERNATIONAL},
        {"World Customs Organisation", "WCO", OAP_ACTOR_INTERNATIONAL},
        {"Former Yugoslav Republic of Macedonia", "MK", OAP_ACTOR_THIRD_COUNTRY},
        {"North Macedonia", "MK", OAP_ACTOR_THIRD_COUNTRY},
        {"Kosovo", "XK", OAP_ACTOR_THIRD_COUNTRY},
        {"Kosovo*", "XK", OAP_ACTOR_THIRD_COUNTRY},
        {"Türkiye", "TR", OAP_ACTOR_THIRD_COUNTRY},
        {"Turkiye", "TR", OAP_ACTOR_THIRD_COUNTRY},
        {"Russian Federation", "RU", OAP_ACTOR_THIRD_COUNTRY},
        {"Viet Nam", "VN", OAP_ACTOR_THIRD_COUNTRY},
        {"Moldova, Republic of", "MD", OAP_ACTOR_THIRD_COUNTRY},
    };
    check_all(cases, COUNT(cases));
}
END_TEST

START_TEST(test_case_and_space)
{
    static const struct expect cases[] = {
        {"  Europol\t", "Europol", OAP_ACTOR_AGENCY},
        {NBSP "Europol" NBSP, "Europol", OAP_ACTOR_AGENCY},
        {"\n el \r\n", "EL", OAP_ACTOR_MEMBER_STATE},
        {"eUROJUST", "Eurojust", OAP_ACTOR_AGENCY},
        {"  ms CONCERNED ", "MS concerned", OAP_ACTOR_GROUP},
    };
    check_all(cases, COUNT(cases));
}
END_TEST

START_TEST(test_unknown)
{
    static const char *const unknown[] = {
        "Atlantis",
        "",
        "   ",
        NBSP,
        "MS concerned involved in EUROSUR",
        "All  MS",  /* only exact forms */
        "Europol.", /* punctuation is the importer's to strip */
        "MS",       /* Member States, never Montserrat: a suggestion, not an actor */
        "HUN",      /* ISO alpha-3 codes are not actors */
        "DEU",
        "E",
        "Europol, Frontex",
    };
    for (size_t i = 0; i < COUNT(unknown); i++)
        ck_assert_msg(oap_actors_find(unknown[i]) == NULL, "\"%s\" should be unknown", unknown[i]);
    ck_assert_ptr_null(oap_actors_find(NULL));
}
END_TEST

/* Two-letter codes and names that could be read two ways resolve to one actor each. */
START_TEST(test_no_ambiguity)
{
    static const struct expect cases[] = {
        {"IT", "IT", OAP_ACTOR_MEMBER_STATE},
        {"IN", "IN", OAP_ACTOR_THIRD_COUNTRY},
        {"India", "IN", OAP_ACTOR_THIRD_COUNTRY},
        /* EC is the Commission in plans; Ecuador is written by name. */
        {"EC", "EC", OAP_ACTOR_AGENCY},
        {"Ecuador", "Ecuador", OAP_ACTOR_THIRD_COUNTRY},
        {"Montserrat", "Montserrat", OAP_ACTOR_THIRD_COUNTRY},
        /* FRA is the Fundamental Rights Agency, not France's alpha-3 code. */
        {"FRA", "FRA", OAP_ACTOR_AGENCY},
        {"France", "FR", OAP_ACTOR_MEMBER_STATE},
        {"CH", "CH", OAP_ACTOR_THIRD_COUNTRY},
        {"Switzerland", "CH", OAP_ACTOR_THIRD_COUNTRY},
        {"TR", "TR", OAP_ACTOR_THIRD_COUNTRY},
        {"RS", "RS", OAP_ACTOR_THIRD_COUNTRY},
        {"Serbia", "RS", OAP_ACTOR_THIRD_COUNTRY},
        {"BA", "BA", OAP_ACTOR_THIRD_COUNTRY},
        {"Bosnia and Herzegovina", "BA", OAP_ACTOR_THIRD_COUNTRY},
        {"ME", "ME", OAP_ACTOR_THIRD_COUNTRY},
        {"Montenegro", "ME", OAP_ACTOR_THIRD_COUNTRY},
        {"AL", "AL", OAP_ACTOR_THIRD_COUNTRY},
        {"Albania", "AL", OAP_ACTOR_THIRD_COUNTRY},
        {"XK", "XK", OAP_ACTOR_THIRD_COUNTRY},
        {"MK", "MK", OAP_ACTOR_THIRD_COUNTRY},
        {"MD", "MD", OAP_ACTOR_THIRD_COUNTRY},
        {"Moldova", "MD", OAP_ACTOR_THIRD_COUNTRY},
        {"UA", "UA", OAP_ACTOR_THIRD_COUNTRY},
        {"BY", "BY", OAP_ACTOR_THIRD_COUNTRY},
        {"Belarus", "BY", OAP_ACTOR_THIRD_COUNTRY},
        {"RU", "RU", OAP_ACTOR_THIRD_COUNTRY},
        {"LY", "LY", OAP_ACTOR_THIRD_COUNTRY},
        {"TN", "TN", OAP_ACTOR_THIRD_COUNTRY},
        {"Tunisia", "TN", OAP_ACTOR_THIRD_COUNTRY},
        {"DZ", "DZ", OAP_ACTOR_THIRD_COUNTRY},
        {"Algeria", "DZ", OAP_ACTOR_THIRD_COUNTRY},
        {"EG", "EG", OAP_ACTOR_THIRD_COUNTRY},
        {"Egypt", "EG", OAP_ACTOR_THIRD_COUNTRY},
        {"MA", "MA", OAP_ACTOR_THIRD_COUNTRY},
        {"Morocco", "MA", OAP_ACTOR_THIRD_COUNTRY},
        {"Georgia", "GE", OAP_ACTOR_THIRD_COUNTRY},
        {"Congo", "CG", OAP_ACTOR_THIRD_COUNTRY},
        {"Democratic Republic of the Congo", "CD", OAP_ACTOR_THIRD_COUNTRY},
        {"Niger", "NE", OAP_ACTOR_THIRD_COUNTRY},
        {"Nigeria", "NG", OAP_ACTOR_THIRD_COUNTRY},
        /* Parts of a Member State are not third countries. */
        {"RE", "RE", OAP_ACTOR_OTHER},
        {"Réunion", "RE", OAP_ACTOR_OTHER},
        {"AX", "AX", OAP_ACTOR_OTHER},
    };
    check_all(cases, COUNT(cases));
}
END_TEST

START_TEST(test_groups)
{
    static const struct {
        const char *text;
        oap_actor_group group;
    } cases[] = {
        {"All MS", OAP_GROUP_ALL_MS},
        {"Relevant MS", OAP_GROUP_RELEVANT_MS},
        {"MS concerned", OAP_GROUP_MS_CONCERNED},
        {"Acting EU Presidency", OAP_GROUP_PRESIDENCY},
        {"Relevant EU agencies", OAP_GROUP_RELEVANT_AGENCIES},
        {"Relevant international organisations", OAP_GROUP_RELEVANT_INTERNATIONAL},
        {"Europol", OAP_GROUP_NONE},
        {"EL", OAP_GROUP_NONE},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        const oap_actor_info *a = oap_actors_find(cases[i].text);
        ck_assert_msg(a != NULL, "\"%s\" is not found", cases[i].text);
        ck_assert_msg(a->group == cases[i].group, "\"%s\" has group %d, expected %d", cases[i].text,
                      (int)a->group, (int)cases[i].group);
    }
}
END_TEST

START_TEST(test_membership)
{
    const oap_actor_info *hr = oap_actors_find("HR");
    const oap_actor_info *uk = oap_actors_find("UK");
    const oap_actor_info *cz = oap_actors_find("CZ");
    const oap_actor_info *be = oap_actors_find("BE");
    ck_assert_ptr_nonnull(hr);
    ck_assert_ptr_nonnull(uk);
    ck_assert_ptr_nonnull(cz);
    ck_assert_ptr_nonnull(be);

    ck_assert_int_eq(hr->member_from, MONTH(2013, 7));
    ck_assert(!oap_actor_is_member(hr, MONTH(2012, 6)));
    ck_assert(!oap_actor_is_member(hr, MONTH(2013, 6)));
    ck_assert(oap_actor_is_member(hr, MONTH(2013, 7)));
    ck_assert(oap_actor_is_member(hr, MONTH(2026, 1)));

    ck_assert_int_eq(uk->member_until, MONTH(2020, 1));
    ck_assert(oap_actor_is_member(uk, MONTH(2012, 1)));
    ck_assert(oap_actor_is_member(uk, MONTH(2020, 1)));
    ck_assert(!oap_actor_is_member(uk, MONTH(2020, 2)));
    ck_assert(!oap_actor_is_member(uk, MONTH(2021, 1)));

    ck_assert(!oap_actor_is_member(cz, MONTH(2004, 4)));
    ck_assert(oap_actor_is_member(cz, MONTH(2004, 5)));
    ck_assert(oap_actor_is_member(oap_actors_find("BG"), MONTH(2007, 1)));
    ck_assert(!oap_actor_is_member(oap_actors_find("RO"), MONTH(2006, 12)));

    ck_assert_int_eq(be->member_from, 0);
    ck_assert(oap_actor_is_member(be, 0));
    ck_assert(oap_actor_is_member(be, MONTH(1958, 1)));

    /* Only Member States are ever members. */
    ck_assert(!oap_actor_is_member(oap_actors_find("Europol"), MONTH(2012, 1)));
    ck_assert(!oap_actor_is_member(oap_actors_find("All MS"), MONTH(2012, 1)));
    ck_assert(!oap_actor_is_member(oap_actors_find("RS"), MONTH(2012, 1)));
    ck_assert(!oap_actor_is_member(NULL, MONTH(2012, 1)));
}
END_TEST

static void check_member_states(int month, const char *const *want, size_t n)
{
    const oap_actor_info *got[40];
    size_t count = oap_actors_member_states(month, got, COUNT(got));
    ck_assert_uint_eq(count, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(strcmp(got[i]->code, want[i]) == 0, "member %zu is %s, expected %s", i,
                      got[i]->code, want[i]);
}

START_TEST(test_member_states)
{
    static const char *const y2012[] = {"BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES",
                                        "FR", "IT", "CY", "LV", "LT", "LU", "HU", "MT", "NL",
                                        "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE", "UK"};
    static const char *const y2014[] = {"BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES", "FR",
                                        "HR", "IT", "CY", "LV", "LT", "LU", "HU", "MT", "NL", "AT",
                                        "PL", "PT", "RO", "SI", "SK", "FI", "SE", "UK"};
    static const char *const y2021[] = {"BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES",
                                        "FR", "HR", "IT", "CY", "LV", "LT", "LU", "HU", "MT",
                                        "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE"};
    check_member_states(MONTH(2012, 1), y2012, COUNT(y2012));
    check_member_states(MONTH(2014, 1), y2014, COUNT(y2014));
    check_member_states(MONTH(2021, 1), y2021, COUNT(y2021));
    ck_assert_uint_eq(COUNT(y2012), 27);
    ck_assert_uint_eq(COUNT(y2014), 28);
    ck_assert_uint_eq(COUNT(y2021), 27);

    /* A small buffer is filled as far as it goes; the count is still the whole. */
    const oap_actor_info *few[3] = {NULL, NULL, NULL};
    ck_assert_uint_eq(oap_actors_member_states(MONTH(2012, 1), few, 2), 27);
    ck_assert_str_eq(few[0]->code, "BE");
    ck_assert_str_eq(few[1]->code, "BG");
    ck_assert_ptr_null(few[2]);
    ck_assert_uint_eq(oap_actors_member_states(MONTH(2012, 1), NULL, 0), 27);
    ck_assert_uint_eq(oap_actors_member_states(MONTH(2004, 4), NULL, 0), 15);
    ck_assert_uint_eq(oap_actors_member_states(MONTH(2004, 5), NULL, 0), 25);
}
END_TEST

START_TEST(test_suggest)
{
    static const struct {
        const char *text;
        const char *code;
    } cases[] = {
        {"Europl", "Europol"},
        {"Frontx", "Frontex"},
        {"Eurojst", "Eurojust"},
        {"Cepoll", "CEPOL"},
        {"Interpool", "Interpol"},
        {"Grece", "EL"},
        {"Relevant MSs", "Relevant MS"},
        {"Acting Presidncy", "Acting EU Presidency"},
        /* Alpha-3 codes suggest their country, not a two-letter code one edit away. */
        {"HUN", "HU"},
        {"DEU", "DE"},
        {"SVN", "SI"},
        {"GRC", "EL"},
        {"GBR", "UK"},
        {"SRB", "RS"},
        {"ECU", "Ecuador"},
        {"MS", "All MS"},
        /* A known text suggests its own canonical form. */
        {"GR", "EL"},
        {"cefpol", "CEPOL"},
        {" Europl ", "Europol"},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        const char *s = oap_actors_suggest(cases[i].text);
        ck_assert_msg(s != NULL, "no suggestion for \"%s\"", cases[i].text);
        ck_assert_msg(strcmp(s, cases[i].code) == 0, "\"%s\" suggests %s, expected %s",
                      cases[i].text, s, cases[i].code);
    }
    ck_assert_ptr_null(oap_actors_suggest("Atlantis"));
    ck_assert_ptr_null(oap_actors_suggest("Seahorse network"));
    ck_assert_ptr_null(oap_actors_suggest(""));
    ck_assert_ptr_null(oap_actors_suggest(NULL));
}
END_TEST

/* The nearest id, but only when no other is as near. */
START_TEST(test_suggest_unique)
{
    static const char *const jads[] = {"JAD-2024-MED", "JAD-2024-DANUBE", "JAD-2025-MED"};
    ck_assert_str_eq(oap_suggest_unique("JAD-2024-MDE", jads, 3), "JAD-2024-MED");
    ck_assert_str_eq(oap_suggest_unique("jad-2024-med", jads, 3), "JAD-2024-MED");
    ck_assert_ptr_null(oap_suggest_unique("JAD-2024-AIRPORT", jads, 3));
    /* One edit from JAD-2024-MED and from JAD-2025-MED. */
    ck_assert_ptr_null(oap_suggest_unique("JAD-2023-MED", jads, 3));
    ck_assert_str_eq(oap_suggest_nearest("JAD-2023-MED", jads, 3), "JAD-2024-MED");
    static const char *const goals[] = {"CHSG1", "CHSG2", "CHSG3", "CHSG8"};
    ck_assert_ptr_null(oap_suggest_unique("CHSG9", goals, 4));
    ck_assert_str_eq(oap_suggest_nearest("CHSG9", goals, 4), "CHSG1");
    /* A candidate given twice is no tie with itself. */
    static const char *const twice[] = {"THB", "THB", "CYBER"};
    ck_assert_str_eq(oap_suggest_unique("TBH", twice, 3), "THB");
    ck_assert_ptr_null(oap_suggest_unique("TBH", twice, 0));
}
END_TEST

START_TEST(test_iteration)
{
    size_t n = oap_actors_count();
    ck_assert_uint_gt(n, 250);
    ck_assert_ptr_null(oap_actors_at(n));
    ck_assert_str_eq(oap_actors_at(0)->code, "BE");
    size_t members = 0;
    for (size_t i = 0; i < n; i++) {
        const oap_actor_info *a = oap_actors_at(i);
        ck_assert_ptr_nonnull(a);
        ck_assert_msg(a->code != NULL && a->code[0] != '\0', "entry %zu has no code", i);
        ck_assert_msg(a->name != NULL && a->name[0] != '\0', "%s has no name", a->code);
        /* Groups and only groups carry a group. */
        ck_assert_msg((a->kind == OAP_ACTOR_GROUP) == (a->group != OAP_GROUP_NONE),
                      "%s: kind and group disagree", a->code);
        if (a->kind == OAP_ACTOR_MEMBER_STATE) {
            /* The Member States come first, so member_states() lists them in order. */
            ck_assert_msg(i == members, "%s is not among the first entries", a->code);
            members++;
        } else {
            ck_assert_msg(a->member_from == 0 && a->member_until == 0, "%s has membership dates",
                          a->code);
        }
        /* Code and name each find their own entry. */
        ck_assert_msg(oap_actors_find(a->code) == a, "code %s does not find itself", a->code);
        ck_assert_msg(oap_actors_find(a->name) == a, "name \"%s\" does not find %s", a->name,
                      a->code);
    }
    ck_assert_uint_eq(members, 28);
}
END_TEST

/* The binary search needs the key table strictly sorted by the comparison it uses; strict
 * order also proves that no text, however cased, names two actors. */
START_TEST(test_keys_sorted_unique)
{
    size_t n, n_actors;
    const oap_actors__key *keys = oap_actors__keys(&n);
    (void)oap_actors__table(&n_actors);
    ck_assert_uint_gt(n, n_actors);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(keys[i].actor < n_actors, "key \"%s\" names no entry", keys[i].text);
        ck_assert_msg(keys[i].text[0] != ' ' && keys[i].text[strlen(keys[i].text) - 1] != ' ',
                      "key \"%s\" has surrounding space", keys[i].text);
        if (i > 0)
            ck_assert_msg(
                oap_actors__compare(keys[i - 1].text, keys[i].text, strlen(keys[i].text)) < 0,
                "keys out of order or repeated: \"%s\" before \"%s\"", keys[i - 1].text,
                keys[i].text);
        ck_assert_msg(oap_actors_find(keys[i].text) == oap_actors_at(keys[i].actor),
                      "key \"%s\" does not find its entry", keys[i].text);
    }
}
END_TEST

START_TEST(test_hints)
{
    size_t n, n_actors;
    const oap_actors__key *hints = oap_actors__hints(&n);
    (void)oap_actors__table(&n_actors);
    for (size_t i = 0; i < n; i++) {
        const oap_actor_info *a = oap_actors_at(hints[i].actor);
        ck_assert_msg(hints[i].actor < n_actors, "hint \"%s\" names no entry", hints[i].text);
        ck_assert_msg(oap_actors_find(hints[i].text) == NULL, "hint \"%s\" is also a key",
                      hints[i].text);
        for (size_t j = 0; j < i; j++)
            ck_assert_msg(
                oap_actors__compare(hints[j].text, hints[i].text, strlen(hints[i].text)) != 0,
                "hint \"%s\" repeated", hints[i].text);
        const char *s = oap_actors_suggest(hints[i].text);
        ck_assert_msg(s != NULL && strcmp(s, a->code) == 0, "hint \"%s\" suggests %s, not %s",
                      hints[i].text, s ? s : "nothing", a->code);
    }
}
END_TEST

/* The kinds once, in the order of the enum; the registry uses every kind but network. */
START_TEST(test_kinds)
{
    size_t n;
    const char *const *kinds = oap_actor_kinds(&n);
    ck_assert_uint_eq(n, OAP_ACTOR_KIND_COUNT);
    ck_assert_ptr_null(kinds[n]);
    for (size_t k = 0; k < n; k++) {
        ck_assert_str_eq(oap_actor_kind_name((oap_actor_kind)k), kinds[k]);
        ck_assert_int_eq(oap_actor_kind_parse(kinds[k]), (int)k);
    }
    ck_assert_str_eq(oap_actor_kind_name(OAP_ACTOR_THIRD_COUNTRY), "third-country");
    ck_assert_ptr_null(oap_actor_kind_name(OAP_ACTOR_KIND_COUNT));
    ck_assert_int_eq(oap_actor_kind_parse("networ"), -1);
    ck_assert_int_eq(oap_actor_kind_parse("Agency"), -1);

    char buf[160];
    oap_actor_kinds_list(buf, sizeof buf, " or ");
    ck_assert_str_eq(buf, "member-state, agency, international, third-country, group, network "
                          "or other");
    oap_actor_kinds_list(buf, sizeof buf, ", ");
    ck_assert_str_eq(buf, "member-state, agency, international, third-country, group, network, "
                          "other");
    oap_actor_kinds_list(buf, 10, ", ");
    ck_assert_str_eq(buf, "member-st");

    unsigned used = 0;
    for (size_t i = 0; i < oap_actors_count(); i++)
        used |= 1u << oap_actors_at(i)->kind;
    ck_assert_uint_eq(used, ((1u << OAP_ACTOR_KIND_COUNT) - 1) & ~(1u << OAP_ACTOR_NETWORK));
}
END_TEST

static Suite *actors_suite(void)
{
    Suite *s = suite_create("actors");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_reference_plan_actors);
    tcase_add_test(tc, test_aliases);
    tcase_add_test(tc, test_case_and_space);
    tcase_add_test(tc, test_unknown);
    tcase_add_test(tc, test_no_ambiguity);
    tcase_add_test(tc, test_groups);
    tcase_add_test(tc, test_membership);
    tcase_add_test(tc, test_member_states);
    tcase_add_test(tc, test_suggest);
    tcase_add_test(tc, test_suggest_unique);
    suite_add_tcase(s, tc);
    TCase *table = tcase_create("table");
    tcase_add_test(table, test_iteration);
    tcase_add_test(table, test_keys_sorted_unique);
    tcase_add_test(table, test_hints);
    tcase_add_test(table, test_kinds);
    suite_add_tcase(s, table);
    return s;
}

int main(void)
{
    return oap_test_run(actors_suite());
}
