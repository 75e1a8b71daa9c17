/* read: a whole stream into memory, never more than the caller allows. */
#ifndef OAP_LOAD_READ_H
#define OAP_LOAD_READ_H

#include <stddef.h>
#include <stdio.h>

/* Reads f to its end, or to max + 1 bytes when it is longer, into a malloc'ed buffer with
 * a NUL after the bytes read: *len > max says the stream is too long, and it was not read
 * further (a pipe or /dev/zero given as a plan does not fill the memory). A regular file
 * is read into a buffer of its size at once, not grown by copying. NULL with errno set
 * on failure. */
char *oap_read_stream(FILE *f, size_t max, size_t *len);

/* The most a configuration or baseline file may hold: far above any real one (a baseline
 * of a million findings is about 200 MB). */
#define OAP_READ_MAX_FILE ((size_t)1 << 30)

/* A whole file (a configuration, a baseline) of at most max bytes (0: OAP_READ_MAX_FILE),
 * NUL-terminated, malloc'ed; a regular file over the limit is refused from its size, a
 * pipe or a device read no further than the limit. Returns 0, OAP_EIO (err says why:
 * unreadable or too large) or OAP_ENOMEM. */
int oap_read_file(const char *path, size_t max, char **text, size_t *len, char *err,
                  size_t errsize);

#endif
