/* args: what the commands' option parsing shares: values read alike, getopt's leftovers. */
#include "args.h"

#include "cli.h"

#include "oapgraph/common.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int oap_cli_choice(const char *s, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return (int)i;
    return -1;
}

int oap_cli_number(const char *s, long min, long max, long *out)
{
    char *end;
    if (min >= 0 && s[0] == '-')
        return -1;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

const char **oap_cli_values(const char *cmd, int argc)
{
    const char **values = malloc(((size_t)argc + 1) * sizeof *values);
    if (!values)
        oap_cli_error("%s: %s", cmd, oap_strerror(OAP_ENOMEM));
    return values;
}

int oap_cli_bad_option(const char *cmd, const char *arg, int needs_value)
{
    if (needs_value)
        oap_cli_error("%s: option '%s' needs a value; see 'oapgraph %s --help'", cmd, arg, cmd);
    else
        oap_cli_error("%s: unknown option '%s'; see 'oapgraph %s --help'", cmd, arg, cmd);
    return EXIT_TROUBLE;
}
