/* import_detect: which format a text is (TSV, CSV, Council text), and where the annex of
 * Council text starts. */
#include "import_table.h"

#include "import_text.h"

#include <string.h>

/* The line of text that starts at *pos, without the blanks and bold markup ('*') it
 * starts with: its start, and its length in *n. *pos moves to the next line. */
static const char *next_line(const char *text, size_t len, size_t *pos, size_t *n)
{
    size_t e = *pos;
    while (e < len && text[e] != '\n')
        e++;
    const char *l = text + *pos;
    size_t k = e - *pos;
    while (k > 0 && (*l == ' ' || *l == '*'))
        l++, k--;
    *n = k;
    *pos = e + 1;
    return l;
}

static size_t count_recognised(const char *line, size_t n, char delim)
{
    unsigned seen = 0;
    size_t count = 0, i = 0;
    while (i <= n) {
        size_t e = i;
        while (e < n && line[e] != delim)
            e++;
        char name[64];
        size_t s = i, len = e - i;
        while (len > 0 && (line[s] == '"' || line[s] == ' '))
            s++, len--;
        while (len > 0 &&
               (line[s + len - 1] == '"' || line[s + len - 1] == ' ' || line[s + len - 1] == '\r'))
            len--;
        if (len < sizeof name) {
            memcpy(name, line + s, len);
            name[len] = '\0';
            int col = oap_import__column_of(name);
            if (col >= 0 && !(seen & (1u << col))) {
                seen |= 1u << col;
                count++;
            }
        }
        i = e + 1;
    }
    return count;
}

static int contains(const char *s, size_t n, const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = 0; i + nl <= n; i++)
        if (memcmp(s + i, needle, nl) == 0)
            return 1;
    return 0;
}

char oap_import__scan_text(const char *text, size_t len, int *council)
{
    char delim = 0;
    int tabs = 0;
    *council = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        const char *l = next_line(text, len, &i, &n);
        if (memchr(l, '\t', n))
            tabs = 1;
        if (oap_import__starts_ci(l, n, "subject:") || contains(l, n, "COUNCIL OF") ||
            oap_import__starts_ci(l, n, "delegations will find"))
            *council = 1;
        unsigned number;
        const char *rest;
        if (n > 0 && !memchr(l, '\t', n)) {
            char buf[8] = {0};
            memcpy(buf, l, n < 7 ? n : 7);
            if (oap_import__footnote_line(buf, &number, &rest) || oap_import__marking(l, n))
                *council = 1;
        }
        if (!delim && n < 4000) {
            if (count_recognised(l, n, '\t') >= 3)
                delim = '\t';
            else if (count_recognised(l, n, ',') >= 3)
                delim = ',';
            else if (count_recognised(l, n, ';') >= 3)
                delim = ';';
        }
    }
    if (!delim && tabs)
        delim = '\t';
    return delim;
}

oap_import_format oap_import_detect(const char *text, size_t len)
{
    int council;
    char delim = oap_import__scan_text(text ? text : "", text ? len : 0, &council);
    if (council && (delim == '\t' || delim == 0))
        return OAP_IMPORT_COUNCIL;
    if (delim == ',' || delim == ';')
        return OAP_IMPORT_CSV;
    if (delim == '\t')
        return OAP_IMPORT_TSV;
    return council ? OAP_IMPORT_COUNCIL : OAP_IMPORT_CSV;
}

const char *oap_import_format_name(oap_import_format format)
{
    switch (format) {
    case OAP_IMPORT_AUTO:
        return "auto";
    case OAP_IMPORT_TSV:
        return "tsv";
    case OAP_IMPORT_CSV:
        return "csv";
    case OAP_IMPORT_COUNCIL:
        return "council";
    }
    return "auto";
}

int oap_import_format_parse(const char *name, oap_import_format *out)
{
    static const oap_import_format all[] = {OAP_IMPORT_AUTO, OAP_IMPORT_TSV, OAP_IMPORT_CSV,
                                            OAP_IMPORT_COUNCIL};
    for (size_t k = 0; k < 4; k++)
        if (name && strcmp(name, oap_import_format_name(all[k])) == 0) {
            *out = all[k];
            return 0;
        }
    return -1;
}

size_t oap_import__annex_start(const char *text, size_t len, unsigned *line)
{
    unsigned ln = 1;
    for (size_t i = 0; i < len; ln++) {
        size_t start = i, n;
        const char *l = next_line(text, len, &i, &n);
        if (oap_import__starts_ci(l, n, "strategic goal")) {
            *line = ln;
            return start;
        }
        const char *tab = memchr(l, '\t', n);
        if (tab) {
            char id[33];
            size_t fl = (size_t)(tab - l);
            while (fl > 0 && l[fl - 1] == ' ')
                fl--;
            if (count_recognised(l, n, '\t') >= 3 || oap_import__action_id(l, fl, id)) {
                *line = ln;
                return start;
            }
        }
    }
    *line = ln;
    return len;
}
