/* cmd_schema: print the JSON Schema of the plan format. */
#include "cli.h"

#include "oapgraph/oapgraph.h"

#include <string.h>

int oap_cmd_schema(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: oapgraph schema\n\n"
                   "Prints the JSON Schema (draft-07) of the plan file format, for editors:\n"
                   "  oapgraph schema > oap.schema.json\n");
            return oap_cli_finish_stdout(EXIT_CLEAN);
        }
        oap_cli_error("schema: unexpected argument '%s'", argv[i]);
        return EXIT_TROUBLE;
    }
    fputs(oap_plan_schema(), stdout);
    return oap_cli_finish_stdout(EXIT_CLEAN);
}
