/* cmd_schema: print the JSON Schema of the plan format, or of the config file. */
#include "cli.h"

#include "oapgraph/oapgraph.h"
#include "oapgraph/policy.h"

#include <string.h>

static const oap_help_option help_options[] = {
    {{"--config"}, "the schema of the config file, " OAP_CONFIG_NAME ", instead"}, {{NULL}, NULL}};

const oap_help oap_help_schema = {
    .usage = "oapgraph schema [--config]",
    .description = "Prints the JSON Schema (draft-07) of the plan file format, for editors:\n"
                   "  oapgraph schema > oap.schema.json",
    .column = 14,
    .options = help_options,
};

int oap_cmd_schema(int argc, char **argv)
{
    int config = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            oap_help_print(stdout, &oap_help_schema);
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
