/* cmd_schema: print the JSON Schema of the plan format, or of the config file. */
#include "cli.h"

#include "oapgraph/oapgraph.h"
#include "oapgraph/policy.h"

#include <string.h>

int oap_cmd_schema(int argc, char **argv)
{
    int config = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: oapgraph schema [--config]\n\n"
                   "Prints the JSON Schema (draft-07) of the plan file format, for editors:\n"
                   "  oapgraph schema > oap.schema.json\n\n"
                   "options:\n"
                   "  --config    the schema of the config file, " OAP_CONFIG_NAME ", instead\n");
            return oap_cli_finish_stdout(EXIT_CLEAN);
        }
        if (strcmp(argv[i], "--config") == 0) {
            config = 1;
            continue;
        }
        oap_cli_error("schema: unexpected argument '%s'", argv[i]);
        return EXIT_TROUBLE;
    }
    fputs(config ? oap_config_schema() : oap_plan_schema(), stdout);
    return oap_cli_finish_stdout(EXIT_CLEAN);
}
