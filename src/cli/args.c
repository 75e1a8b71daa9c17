/* args: what the commands' option parsing shares: values read alike, getopt's leftovers. */
#include "args.h"

#include "cli.h"

#include "oapgraph/common.h"

#include <errno.h>
#include <getopt.h>
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

int oap_cli_bad_option(const char *cmd, const char *arg, const char *shortopts,
                       const struct option *longopts)
{
    int has_arg = -1; /* what the tables say of the option getopt stopped at; -1 unknown */
    for (const struct option *o = longopts; optopt && o->name; o++)
        if (o->val == optopt)
            has_arg = o->has_arg;
    int is_short = optopt > 0 && optopt < 256 && strncmp(arg, "--", 2) != 0;
    const char *s = is_short ? strchr(shortopts, optopt) : NULL;
    if (is_short)
        has_arg = s ? (s[1] == ':' ? required_argument : no_argument) : -1;
    /* A short option may stand inside a cluster ("-qx"), where arg is not it. */
    char name[3] = {'-', (char)optopt, '\0'};
    int len = is_short ? 2 : (int)strcspn(arg, "=");
    const char *shown = is_short ? name : arg;
    if (has_arg == no_argument)
        oap_cli_error("%s: option '%.*s' takes no value; see 'oapgraph %s --help'", cmd, len, shown,
                      cmd);
    else if (has_arg >= 0)
        oap_cli_error("%s: option '%s' needs a value; see 'oapgraph %s --help'", cmd, shown, cmd);
    else
        oap_cli_error("%s: unknown option '%s'; see 'oapgraph %s --help'", cmd, shown, cmd);
    return EXIT_TROUBLE;
}

int oap_cli_months(const char *cmd, const char *arg, int *out)
{
    long n;
    if (oap_cli_number(arg, 1, 1200, &n) < 0) {
        oap_cli_error("%s: --months takes a whole number from 1 to 1200, not '%s'", cmd, arg);
        return -1;
    }
    *out = (int)n;
    return 0;
}
