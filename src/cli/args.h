/* args: what the commands' option parsing shares: values read alike, getopt's leftovers. */
#ifndef OAP_CLI_ARGS_H
#define OAP_CLI_ARGS_H

#include <stddef.h>

/* The index of s in names[0..n-1], or -1 when it is none of them: the value of an option
 * such as --format. The message for a wrong one stays with the command: it names the
 * choices as the help does. */
int oap_cli_choice(const char *s, const char *const *names, size_t n);
/* The same over a whole array of names. */
#define OAP_CLI_CHOICE(s, names) oap_cli_choice((s), (names), sizeof(names) / sizeof *(names))

/* A whole decimal number from min to max: 0 with *out set, or -1. When min is not
 * negative, text that starts with '-' is refused ("-0" is no count). */
int oap_cli_number(const char *s, long min, long max, long *out);

/* The months of --months (impact --late, dot --late): 1 to 1200, into *out. Returns 0,
 * or -1 after saying "CMD: --months takes a whole number from 1 to 1200, not 'ARG'". */
int oap_cli_months(const char *cmd, const char *arg, int *out);

/* Room for the values of an option that may be given again (--actor, --without): one per
 * argument at most. The caller frees it. NULL after saying "CMD: out of memory". */
const char **oap_cli_values(const char *cmd, int argc);

struct option;

/* Says what getopt_long (with opterr 0) stopped at, arg being argv[optind - 1] and
 * shortopts and longopts what it was given: "CMD: option 'ARG' needs a value; ...", or
 * "... takes no value" (--quiet=yes), else "CMD: unknown option 'ARG'; ...", as the
 * tables say of optopt. Returns EXIT_TROUBLE. */
int oap_cli_bad_option(const char *cmd, const char *arg, const char *shortopts,
                       const struct option *longopts);

#endif
