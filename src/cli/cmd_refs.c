/* cmd_refs: show how a table cell reads as references, for planners to try. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include "oapgraph/refs.h"
#include "oapgraph/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many characters the first n bytes of text take once escaped as the line above the
 * caret shows them: where the caret goes. */
static size_t escaped_width(const char *text, size_t n)
{
    char *prefix = strndup(text, n), *shown = NULL;
    size_t len = 0, width = 0;
    FILE *m = prefix ? open_memstream(&shown, &len) : NULL;
    if (m) {
        oap_report_escape(m, prefix);
        fclose(m);
    }
    for (size_t i = 0; shown && i < len; i++)
        width += ((unsigned char)shown[i] & 0xc0) != 0x80; /* a character per lead byte */
    free(shown);
    free(prefix);
    return width;
}

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
        /* The text as the user typed it, escaped: it may hold anything (issue 20, item 2). */
        fputs("oapgraph: refs: ", stderr);
        oap_report_escape(stderr, argv[1]);
        fprintf(stderr, "\noapgraph: refs: %*s^ at character %zu: ",
                (int)escaped_width(argv[1], err.offset), "", err.offset + 1);
        oap_report_escape(stderr, err.message);
        fputc('\n', stderr);
        return status;
    }
    oap_refs_read_cell(argv[1], print_ref, NULL, &err);
    return oap_cli_finish_stdout(EXIT_CLEAN);
}
