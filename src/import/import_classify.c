/* import_classify: what a row or a cell is: blank, a separator, a goal heading, an action
 * number, the header and its columns, a footnote line. */
#include "import_table.h"

#include "core/ascii.h"

#include <string.h>

const char *const oap_import__col_names[OAP_COL_COUNT] = {
    "#",      "Activity", "Leader", "Participants", "Description",  "I/D SG",
    "I/D OA", "Timing",   "Target", "KPI",          "Results>June", "Results>Dec",
    "Status", "Link",     "Notes"};

/* Header names as real tables write them, normalised: ASCII letters in lower case, digits,
 * '#' and '/' kept, everything else dropped ("Results > June" -> "resultsjune"). */
static const struct {
    const char *name;
    int col;
} col_aliases[] = {
    {"#", OAP_COL_ID},
    {"no", OAP_COL_ID},
    {"nr", OAP_COL_ID},
    {"n", OAP_COL_ID},
    {"number", OAP_COL_ID},
    {"id", OAP_COL_ID},
    {"oa", OAP_COL_ID},
    {"oano", OAP_COL_ID},
    {"oanr", OAP_COL_ID},
    {"oa#", OAP_COL_ID},
    {"oanumber", OAP_COL_ID},
    {"actionno", OAP_COL_ID},
    {"actionnr", OAP_COL_ID},
    {"action#", OAP_COL_ID},
    {"actionnumber", OAP_COL_ID},
    {"ref", OAP_COL_ID},
    {"activity", OAP_COL_TITLE},
    {"activities", OAP_COL_TITLE},
    {"action", OAP_COL_TITLE},
    {"operationalaction", OAP_COL_TITLE},
    {"operationalactivity", OAP_COL_TITLE},
    {"title", OAP_COL_TITLE},
    {"actiontitle", OAP_COL_TITLE},
    {"activitytitle", OAP_COL_TITLE},
    {"leader", OAP_COL_LEADER},
    {"leaders", OAP_COL_LEADER},
    {"actionleader", OAP_COL_LEADER},
    {"actionleaders", OAP_COL_LEADER},
    {"lead", OAP_COL_LEADER},
    {"leadms", OAP_COL_LEADER},
    {"leadingms", OAP_COL_LEADER},
    {"participants", OAP_COL_PARTICIPANTS},
    {"participant", OAP_COL_PARTICIPANTS},
    {"participatingms", OAP_COL_PARTICIPANTS},
    {"participatingms/agencies", OAP_COL_PARTICIPANTS},
    {"partners", OAP_COL_PARTICIPANTS},
    {"description", OAP_COL_DESCRIPTION},
    {"activitydescription", OAP_COL_DESCRIPTION},
    {"shortdescription", OAP_COL_DESCRIPTION},
    {"descriptionofactivity", OAP_COL_DESCRIPTION},
    {"i/dsg", OAP_COL_REFS_SG},
    {"i/dsgs", OAP_COL_REFS_SG},
    {"idsg", OAP_COL_REFS_SG},
    {"i/dstrategicgoals", OAP_COL_REFS_SG},
    {"interdependenciessg", OAP_COL_REFS_SG},
    {"interdependencysg", OAP_COL_REFS_SG},
    {"linkedsg", OAP_COL_REFS_SG},
    {"i/d", OAP_COL_REFS_SG},
    {"interdependencies", OAP_COL_REFS_SG},
    {"i/doa", OAP_COL_REFS_OA},
    {"i/doas", OAP_COL_REFS_OA},
    {"idoa", OAP_COL_REFS_OA},
    {"i/doperationalactions", OAP_COL_REFS_OA},
    {"interdependenciesoa", OAP_COL_REFS_OA},
    {"interdependencyoa", OAP_COL_REFS_OA},
    {"linkedoa", OAP_COL_REFS_OA},
    {"timing", OAP_COL_TIMING},
    {"timeframe", OAP_COL_TIMING},
    {"timescale", OAP_COL_TIMING},
    {"timetable", OAP_COL_TIMING},
    {"deadline", OAP_COL_TIMING},
    {"schedule", OAP_COL_TIMING},
    {"target", OAP_COL_TARGET},
    {"targets", OAP_COL_TARGET},
    {"target/kpi", OAP_COL_TARGET},
    {"target/kpis", OAP_COL_TARGET},
    {"targetkpi", OAP_COL_TARGET},
    {"expectedresults", OAP_COL_TARGET},
    {"kpi", OAP_COL_KPI},
    {"kpis", OAP_COL_KPI},
    {"indicators", OAP_COL_KPI},
    {"resultsjune", OAP_COL_JUNE},
    {"resultjune", OAP_COL_JUNE},
    {"resultsjun", OAP_COL_JUNE},
    {"resultsbyjune", OAP_COL_JUNE},
    {"resultsdec", OAP_COL_DECEMBER},
    {"resultsdecember", OAP_COL_DECEMBER},
    {"resultdec", OAP_COL_DECEMBER},
    {"resultdecember", OAP_COL_DECEMBER},
    {"resultsbydecember", OAP_COL_DECEMBER},
    {"status", OAP_COL_STATUS},
    {"link", OAP_COL_LINK},
    {"hyperlink", OAP_COL_LINK},
    {"documentation", OAP_COL_LINK},
    {"notes", OAP_COL_NOTES},
    {"note", OAP_COL_NOTES},
    {"remarks", OAP_COL_NOTES},
    {"comments", OAP_COL_NOTES},
};

static int is_id_char(int c)
{
    return oap_ascii_is_alnum(c) || c == '.' || c == '_' || c == '-';
}

int oap_import__blank_text(const char *s)
{
    for (; *s; s++)
        if (!(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v' ||
              ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0 && s++)))
            return 0;
    return 1;
}

int oap_import__row_blank(const oap_import__row *r)
{
    for (size_t k = 0; k < r->n; k++)
        if (!oap_import__blank_text(oap_import__cell(r, k)))
            return 0;
    return 1;
}

int oap_import__row_separator(const oap_import__row *r)
{
    int dashes = 0;
    for (size_t k = 0; k < r->n; k++)
        for (const char *s = oap_import__cell(r, k); *s; s++) {
            if (*s == '-')
                dashes = 1;
            else if (!(*s == ' ' || *s == '|' || *s == ':' || *s == '=' || *s == '_' || *s == '+' ||
                       *s == '\t'))
                return 0;
        }
    return dashes;
}

const char *oap_import__trimmed(const char *s, size_t *len)
{
    size_t n = strlen(s);
    while (n > 0 && (*s == ' ' || *s == '\t' || *s == '*' || *s == '\n'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '*' || s[n - 1] == '\n'))
        n--;
    *len = n;
    return s;
}

int oap_import__starts_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = 0;
    for (; prefix[k]; k++)
        if (k >= n ||
            oap_ascii_lower((unsigned char)s[k]) != oap_ascii_lower((unsigned char)prefix[k]))
            return 0;
    return 1;
}

int oap_import__goal_heading(const char *s, size_t n, unsigned *number, const char **title,
                             size_t *tlen)
{
    size_t k;
    int sg = 0;
    if (oap_import__starts_ci(s, n, "strategic goal"))
        k = 14;
    else if (oap_import__starts_ci(s, n, "goal"))
        k = 4;
    else if (oap_import__starts_ci(s, n, "sg"))
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

int oap_import__action_id(const char *s, size_t n, char id[33])
{
    size_t i = oap_import__starts_ci(s, n, "action ") ? 7
               : oap_import__starts_ci(s, n, "oa ")   ? 3
                                                      : 0;
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

int oap_import__column_of(const char *name)
{
    char norm[48];
    normalise(name, norm);
    for (size_t k = 0; k < sizeof col_aliases / sizeof col_aliases[0]; k++)
        if (strcmp(norm, col_aliases[k].name) == 0)
            return col_aliases[k].col;
    return OAP_COL_UNKNOWN;
}

int oap_import__is_header(const oap_import__row *r)
{
    unsigned seen = 0, count = 0;
    for (size_t k = 0; k < r->n; k++) {
        int col = oap_import__column_of(oap_import__cell(r, k));
        if (col >= 0 && !(seen & (1u << col))) {
            seen |= 1u << col;
            count++;
        }
    }
    return count >= 3;
}

int oap_import__footnote_line(const char *s, unsigned *number, const char **text)
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

int oap_import__valid_priority(const char *p)
{
    if (!p || !*p || strlen(p) > 32)
        return 0;
    for (; *p; p++)
        if (!is_id_char((unsigned char)*p))
            return 0;
    return 1;
}
