/* jsonout: the program's own texts (help tables, the rule registry) as JSON, for the man
 * page generator and other programs. */
#include "jsonout.h"

void oap_cli_json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

void oap_cli_json_member(FILE *out, int first, const char *key, const char *value)
{
    fputs(first ? "" : ", ", out);
    oap_cli_json_string(out, key);
    fputs(": ", out);
    oap_cli_json_string(out, value);
}
