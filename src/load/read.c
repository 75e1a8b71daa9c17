/* read: a whole stream into memory, never more than the caller allows. */
#define _POSIX_C_SOURCE 200809L
#include "read.h"

#include "core/array.h"
#include "core/text.h"
#include "oapgraph/common.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *oap_read_stream(FILE *f, size_t max, size_t *len)
{
    if (max > SIZE_MAX / 4)
        max = SIZE_MAX / 4;
    size_t want = max + 1; /* one byte past the limit tells a longer stream */
    size_t cap = 1 << 16, n = 0;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (unsigned long long)st.st_size < want)
        cap = (size_t)st.st_size + 2; /* + 1 to see the end at once, + 1 for the NUL */
    if (cap > want + 1)
        cap = want + 1;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    while (n < want) {
        if (cap - n < 2) {
            /* The array's doubling, stopped at the limit and its NUL: a stream near the
             * limit must not make a buffer of twice the limit. */
            size_t bigger_cap = oap_array_next_cap(cap, n + 2);
            if (bigger_cap > want + 1)
                bigger_cap = want + 1;
            char *bigger = realloc(buf, bigger_cap);
            if (!bigger) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = bigger;
            cap = bigger_cap;
        }
        size_t room = cap - n - 1;
        if (room > want - n)
            room = want - n;
        size_t got = fread(buf + n, 1, room, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                free(buf);
                errno = e;
                return NULL;
            }
            break;
        }
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* "cannot read 'PATH': why" in err, the path escaped as plan text is: the message reaches a
 * terminal, and a problem matcher must find no place in it. */
static void cannot_read(char *err, size_t errsize, const char *path, const char *why)
{
    char *shown = oap_text_escaped(path, 0);
    snprintf(err, errsize, "cannot read '%s': %s", shown ? shown : "?", why);
    free(shown);
}

int oap_read_file(const char *path, size_t max, char **text, size_t *len, char *err, size_t errsize)
{
    if (max == 0)
        max = OAP_READ_MAX_FILE;
    FILE *f = fopen(path, "rb");
    if (!f) {
        cannot_read(err, errsize, path, strerror(errno));
        return OAP_EIO;
    }
    struct stat st;
    char *buf = NULL;
    int e = 0;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max)
        *len = (size_t)-1; /* too large, known without reading it */
    else if (!(buf = oap_read_stream(f, max, len)))
        e = errno;
    fclose(f);
    if (e) {
        if (e == ENOMEM)
            return OAP_ENOMEM;
        cannot_read(err, errsize, path, strerror(e));
        return OAP_EIO;
    }
    if (*len > max) {
        free(buf);
        char why[64];
        snprintf(why, sizeof why, "it has more than %zu bytes", max);
        cannot_read(err, errsize, path, why);
        return OAP_EIO;
    }
    *text = buf;
    return 0;
}
