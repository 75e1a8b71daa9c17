/* fuzz.h: what the fuzz targets share. Each tests/fuzz/fuzz_<name>.c defines
 * LLVMFuzzerTestOneInput; libFuzzer drives it in the OAP_FUZZ build, and replay.c feeds it
 * the files of tests/fuzz/regressions/ and the fixtures in every build.
 *
 * An input is text, optionally followed by an options line: the last "\n#fuzz " in the
 * input starts it, and the bytes after it choose the target's options. A plain fixture
 * (no options line) is therefore a seed and a replay input as it is, with the default
 * options. */
#ifndef OAP_TESTS_FUZZ_H
#define OAP_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property of the code under test does not hold: say which and abort, so that
 * libFuzzer saves the input and the replay test fails. */
#define FUZZ_ASSERT(cond, ...)                                                                     \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: property failed: %s: ", __FILE__, __LINE__, #cond);            \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#define FUZZ_OPTIONS_MARK "\n#fuzz "

/* Splits data into the text (*text_len bytes from data) and the option bytes after the
 * last FUZZ_OPTIONS_MARK (*opts, *nopts; none when there is no mark). */
static inline void fuzz_split_options(const uint8_t *data, size_t size, size_t *text_len,
                                      const uint8_t **opts, size_t *nopts)
{
    const size_t m = sizeof FUZZ_OPTIONS_MARK - 1;
    *text_len = size;
    *opts = NULL;
    *nopts = 0;
    if (size < m)
        return;
    for (size_t i = size - m + 1; i-- > 0;)
        if (memcmp(data + i, FUZZ_OPTIONS_MARK, m) == 0) {
            *text_len = i;
            *opts = data + i + m;
            *nopts = size - i - m;
            return;
        }
}

/* Option byte i, or dflt when there are fewer. */
static inline unsigned fuzz_opt(const uint8_t *opts, size_t nopts, size_t i, unsigned dflt)
{
    return i < nopts ? opts[i] : dflt;
}

/* A NUL-terminated copy of n bytes (an exact-size allocation, so ASan sees overreads). */
static inline char *fuzz_strndup(const uint8_t *data, size_t n)
{
    char *s = malloc(n + 1);
    if (!s)
        abort();
    if (n)
        memcpy(s, data, n);
    s[n] = '\0';
    return s;
}

#endif
