/* jsonout: the program's own texts (help tables, the rule registry) as JSON, for the man
 * page generator and other programs. */
#ifndef OAP_CLI_JSONOUT_H
#define OAP_CLI_JSONOUT_H

#include <stdio.h>

/* Writes s as a JSON string, NULL as null. Meant for the program's own texts, which are
 * UTF-8: '"', '\\' and control characters are escaped, every other byte is written as it
 * is. Write errors are for the caller to find (oap_cli_finish_stdout). */
void oap_cli_json_string(FILE *out, const char *s);

/* Writes "key": value for a string value, after a comma unless first. */
void oap_cli_json_member(FILE *out, int first, const char *key, const char *value);

#endif
