/* json_alloc: jansson's memory in blocks the program owns, chosen by the program only. */
#ifndef OAP_CLI_JSON_ALLOC_H
#define OAP_CLI_JSON_ALLOC_H

/* Makes jansson allocate from large blocks: a value costs a pointer bump, and a tree's
 * free only counts its values down, a block being reused once none of its values is
 * left. jansson's allocator is process-wide (json_set_alloc_funcs), which is why the
 * library never sets it and the program asks for it, before its first jansson call.
 * Not in sanitizer builds, where each value is its own allocation, so that a use after
 * free inside a tree is still seen. */
void oap_cli_json_alloc_begin(void);
/* Frees the blocks no value is in any more (at exit, for leak checkers). */
void oap_cli_json_alloc_end(void);

#endif
