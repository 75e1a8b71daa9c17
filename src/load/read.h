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

#endif
