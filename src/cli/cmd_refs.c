/* cmd_refs: show how a table cell reads as references, for planners to try. */
#include "cli.h"

#include "oapgraph/refs.h"

#include <stdio.h>
#include <string.h>

static int print_ref(void *ctx, const oap_ref *ref)
{
    char buf[3 * OAP_REF_ID_MAX + 8];
    (void)ctx;
    oap_ref_format(ref, buf, sizeof buf);
    printf("%s\n", buf);
    return 0;
}

const oap_help oap_help_refs = {
    .usage = "oapgraph refs TEXT",
    .description =
        "Shows how a cell of an OAP table's I/D SG or I/D OA column reads as references,\n"
        "one a line, in the form plan files use:\n"
        "  $ oapgraph refs \"SG 1, SGs in priority B\"\n"
        "  SG1\n"
        "  B:*",
    .exit_status = "0 read, 1 some text cannot be read (quoted with its position),\n"
                   "2 usage error.",
};

int oap_cmd_refs(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        oap_help_print(stdout, &oap_help_refs);
        return oap_cli_finish_stdout(EXIT_CLEAN);
    }
    if (argc != 2) {
        oap_cli_error("refs: give one TEXT to read; see 'oapgraph refs --help'");
        return EXIT_TROUBLE;
    }
    oap_ref_error err;
    /* Read once to validate, so that a cell that fails prints no half answer. */
    if (oap_refs_read_cell(argv[1], NULL, NULL, &err) < 0) {
        int status = oap_cli_finish_stdout(EXIT_FINDINGS);
        fprintf(stderr, "oapgraph: refs: %s\n", argv[1]);
        fprintf(stderr, "oapgraph: refs: %*s^ at character %zu: %s\n", (int)err.offset, "",
                err.offset + 1, err.message);
        return status;
    }
    oap_refs_read_cell(argv[1], print_ref, NULL, &err);
    return oap_cli_finish_stdout(EXIT_CLEAN);
}
