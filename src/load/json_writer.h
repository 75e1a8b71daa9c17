/* json_writer: JSON text written as it goes, as jansson's JSON_INDENT(2) lays it out. */
#ifndef OAP_LOAD_JSON_WRITER_H
#define OAP_LOAD_JSON_WRITER_H

#include "json_util.h"

/* Writes values one after the other through oap_json_write's filter, byte for byte what
 * jansson would write of the same tree with JSON_INDENT(2): for the many small objects
 * of a long report (a finding each), which then are never trees. Each call after a
 * failure does nothing; oap_json_writer_error tells. */
typedef struct oap_json_writer {
    oap_json__escaping *e;
    unsigned indent; /* containers open */
    int first;       /* the innermost open container has no member yet */
    int oom;
} oap_json_writer;

/* Opens '{' or '[', closes '}' or ']'. */
void oap_json_writer_open(oap_json_writer *w, char bracket);
void oap_json_writer_close(oap_json_writer *w, char bracket);
/* Before each member of an object: its key; before each element of an array: item. */
void oap_json_writer_key(oap_json_writer *w, const char *key);
void oap_json_writer_item(oap_json_writer *w);
/* Values. A string's bytes that are not UTF-8 become U+FFFD (oap_json_string_safe). */
void oap_json_writer_string(oap_json_writer *w, const char *s);
void oap_json_writer_integer(oap_json_writer *w, long long v);
void oap_json_writer_real(oap_json_writer *w, double v);
void oap_json_writer_null(oap_json_writer *w);
/* 0, OAP_EIO when writing failed, OAP_ENOMEM. */
int oap_json_writer_error(const oap_json_writer *w);

/* oap_json_write of root, but with the items of one array written one at a time by
 * item(ctx, i, w) for i below n, so that a document of a million findings is never a
 * tree in memory: root holds the array empty, and its text `splice` ("\"findings\": []")
 * is the first place where the array's key and brackets appear. The text is what
 * oap_json_write writes of root with the items in the array. item returns 0 or
 * OAP_ENOMEM. Returns as oap_json_write does. */
int oap_json_write_streaming(FILE *out, const json_t *root, const char *splice, size_t n,
                             int (*item)(void *ctx, size_t i, oap_json_writer *w), void *ctx);

#endif
