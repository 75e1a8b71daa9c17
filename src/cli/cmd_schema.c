/* cmd_schema: print the JSON Schema of the plan format, of cycle files, or of the config file. */
#include "cli.h"

#include "oapgraph/oapgraph.h"
#include "oapgraph/policy.h"

#include <string.h>

static const oap_help_option help_options[] = {
    {{"--cycle"}, "the schema of cycle files, *.cycle.json, instead"},
    {{"--config"}, "the schema of the config file, " OAP_CONFIG_NAME ", instead"},
    {{NULL}, NULL}};

const oap_help oap_help_schema = {
    .usage = "oapgraph schema [--cycle | --config]",
    .description = "Prints the JSON Schema (draft-07) of the plan file format, for editors:\n"
                   "  oapgraph schema > oap.schema.json\n"
                   "  oapgraph schema --cycle > cycle.schema.json",
    .column = 14,
    .options = help_options,
};

int oap_cmd_schema(int argc, char **argv)
{
    const char *schema = oap_plan_schema();
    const char *chosen = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            oap_help_print(stdout, &oap_help_schema);
            return oap_cli_finish_stdout(EXIT_CLEAN);
        }
        if (strcmp(argv[i], "--config") == 0 || strcmp(argv[i], "--cycle") == 0) {
            if (chosen && strcmp(chosen, argv[i]) != 0) {
                oap_cli_error("schema: %s and %s: one schema at a time", chosen, argv[i]);
                return EXIT_TROUBLE;
            }
            chosen = argv[i];
            schema = strcmp(argv[i], "--config") == 0 ? oap_config_schema() : oap_cycle_schema();
            continue;
        }
        oap_cli_error("schema: unexpected argument '%s'", argv[i]);
        return EXIT_TROUBLE;
    }
    fputs(schema, stdout);
    return oap_cli_finish_stdout(EXIT_CLEAN);
}
