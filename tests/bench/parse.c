/* parse: the benchmark's floor, jansson's json_load_file over every plan file. */
/*
 * usage: oap_bench_parse [--reject-duplicates] [--one-at-a-time] FILE...
 *
 * Loads every FILE with json_load_file and keeps every tree until all are loaded, then
 * frees them: the time and peak memory of "loading every plan with jansson", which is
 * what oapgraph check could at best do if it kept the trees. With --one-at-a-time each
 * tree is freed before the next file is read, as oapgraph frees each one as soon as its
 * model is built (issue 21's floor). Flags are 0 unless --reject-duplicates, which adds
 * JSON_REJECT_DUPLICATES as oapgraph's loader does. Prints "N files" to standard
 * output; exit 0, or 1 with jansson's message when a file does not load.
 */
#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    static const char usage[] =
        "usage: oap_bench_parse [--reject-duplicates] [--one-at-a-time] FILE...";
    size_t flags = 0;
    int first = 1, one = 0;
    if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        puts(usage);
        return 0;
    }
    for (; first < argc && strncmp(argv[first], "--", 2) == 0; first++) {
        if (strcmp(argv[first], "--reject-duplicates") == 0) {
            flags = JSON_REJECT_DUPLICATES;
        } else if (strcmp(argv[first], "--one-at-a-time") == 0) {
            one = 1;
        } else {
            fprintf(stderr, "%s\n", usage);
            return 2;
        }
    }
    if (first >= argc) {
        fprintf(stderr, "%s\n", usage);
        return 2;
    }
    size_t n = (size_t)(argc - first);
    json_t **trees = calloc(n, sizeof *trees);
    if (!trees) {
        fputs("oap_bench_parse: out of memory\n", stderr);
        return 1;
    }
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        const char *path = argv[first + (int)i];
        json_error_t err;
        trees[i] = json_load_file(path, flags, &err);
        if (!trees[i]) {
            fprintf(stderr, "oap_bench_parse: %s:%d:%d: %s\n", path, err.line, err.column,
                    err.text);
            status = 1;
            goto done;
        }
        if (one) {
            json_decref(trees[i]);
            trees[i] = NULL;
        }
    }
    printf("%zu files\n", n);
done:
    for (size_t i = 0; i < n; i++)
        json_decref(trees[i]);
    free(trees);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("oap_bench_parse: cannot write to standard output\n", stderr);
        return 1;
    }
    return status;
}
