/* jsonw: a small streaming JSON writer for the views, which must not include jansson. */
#ifndef OAP_VIEWS_JSONW_H
#define OAP_VIEWS_JSONW_H

#include <stdio.h>

#define OAP_JSONW_DEPTH 16

/* Writes one JSON document to a stream as it goes, indented by two spaces like
 * jansson's JSON_INDENT(2), so the views print answers without building a tree. The
 * caller keeps the calls well nested (key then value inside objects, values inside
 * arrays); nesting deeper than OAP_JSONW_DEPTH is a programming error and is written
 * flat rather than overrunning. Write errors are not checked per call: oap_jsonw_finish
 * asks the stream. */
typedef struct oap_jsonw {
    FILE *out;
    int depth;
    unsigned char first[OAP_JSONW_DEPTH]; /* per level: nothing written in it yet */
    unsigned char kind[OAP_JSONW_DEPTH];  /* per level: '{' or '[' */
    int after_key;                        /* a key was written; its value comes next */
} oap_jsonw;

void oap_jsonw_init(oap_jsonw *w, FILE *out);
void oap_jsonw_object(oap_jsonw *w);
void oap_jsonw_array(oap_jsonw *w);
/* Closes the innermost object or array. */
void oap_jsonw_end(oap_jsonw *w);
void oap_jsonw_key(oap_jsonw *w, const char *key);
/* A string value; NULL writes null. See oap_jsonw_put_string for the escaping. */
void oap_jsonw_string(oap_jsonw *w, const char *s);
void oap_jsonw_int(oap_jsonw *w, long long v);
/* A number as oap_views__number writes it without separators; null for one that is not
 * finite, which JSON cannot hold. */
void oap_jsonw_number(oap_jsonw *w, double v);
/* A real number as jansson writes one ("%.17g", with ".0" when that has no point). */
void oap_jsonw_real(oap_jsonw *w, double v);
void oap_jsonw_bool(oap_jsonw *w, int v);
void oap_jsonw_null(oap_jsonw *w);
/* key and string value in one call. */
void oap_jsonw_member(oap_jsonw *w, const char *key, const char *s);
/* Ends the document with a newline; returns 0, or OAP_EIO when the stream failed. */
int oap_jsonw_finish(oap_jsonw *w);

/* Writes s as a quoted JSON string: '"' and '\\' escaped; \n, \t, \r, \b, \f by name;
 * every other character that is not ORDINARY (core/text.h: controls, U+2028 and U+2029,
 * which end lines in JavaScript, invisible characters, noncharacters) as \uXXXX, so the
 * JSON text is safe to look at and reads back as the plan wrote it; bytes that are not
 * UTF-8 as \ufffd. All other text is written as is, so the output is UTF-8. */
void oap_jsonw_put_string(FILE *out, const char *s);

#endif
