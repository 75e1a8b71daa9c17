/* import.h: OAP tables (tab-separated, CSV, text from the Council document) -> plan files. */
#ifndef OAPGRAPH_IMPORT_H
#define OAPGRAPH_IMPORT_H

#include "oapgraph/export.h"
#include "oapgraph/common.h"
#include "oapgraph/plan.h"

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum oap_import_format {
    OAP_IMPORT_AUTO,
    OAP_IMPORT_TSV,
    OAP_IMPORT_CSV,
    OAP_IMPORT_COUNCIL
} oap_import_format;

typedef struct oap_import_options {
    oap_import_format format;
    const char *priority; /* overrides what the table says; NULL: read it from the table */
    int year;             /* overrides what the table says; 0: read it from the table */
} oap_import_options;

#define OAP_IMPORT_OPTIONS_INIT                                                                    \
    {                                                                                              \
        OAP_IMPORT_AUTO, NULL, 0                                                                   \
    }

enum {
    OAP_IMPORT_MAX_INPUT = 64 << 20, /* bytes: a real OAP table is a few hundred kilobytes */
    OAP_IMPORT_MAX_MESSAGES = 1000   /* kept; the rest are only counted */
};

/* How bad a message is. A note loses nothing (a qualifier left out of an actor cell, a goal
 * heading worded differently from section 5.1); a warning means some text of the input is
 * not in the plan as written (a row that cannot be placed, a cell that cannot be read); an
 * error means no plan could be made (no header row, a required column missing). */
typedef enum oap_import_level {
    OAP_IMPORT_NOTE,
    OAP_IMPORT_WARNING,
    OAP_IMPORT_ERROR
} oap_import_level;

typedef struct oap_import_message {
    unsigned line; /* 1-based line of the input; 0 when about the input as a whole */
    oap_import_level level;
    char *text; /* "cannot place this row: ..."; the table's text quoted in it with its
                 * controls, invisible and direction-changing characters escaped, as
                 * findings show them ("\x1b", "\u202e"), so it is safe to print */
} oap_import_message;

/* Messages of one import, in input order. */
typedef struct oap_import_messages {
    oap_import_message *items;
    size_t n, cap;
    size_t more;  /* messages beyond OAP_IMPORT_MAX_MESSAGES, counted only */
    int warnings; /* how many warnings and errors, kept or not */
    int errors;
} oap_import_messages;

#define OAP_IMPORT_MESSAGES_INIT                                                                   \
    {                                                                                              \
        NULL, 0, 0, 0, 0, 0                                                                        \
    }

OAP_EXTERN void oap_import_messages_free(oap_import_messages *msgs);

/* Which of the three formats text is: council text when it has the Council document's
 * front matter or page furniture ("Subject:", "COUNCIL OF", footnote lines, classification
 * markings), else TSV or CSV by the delimiter of the header row. Never OAP_IMPORT_AUTO. */
OAP_EXTERN oap_import_format oap_import_detect(const char *text, size_t len);

/* "auto", "tsv", "csv", "council". */
OAP_EXTERN const char *oap_import_format_name(oap_import_format format);
/* Parses a format name; 0, or -1 when it is not one. */
OAP_EXTERN int oap_import_format_parse(const char *name, oap_import_format *out);

/* Writes plan as a plan file: JSON, 2-space indented, keys in the order of the format
 * (oapgraph-format(5)), UTF-8, a final newline. Returns 0, OAP_EIO when out fails, OAP_ENOMEM, or
 * OAP_EINVAL when a string of the plan is not UTF-8 (oap_import_read never makes one). */
OAP_EXTERN int oap_import_write(FILE *out, const oap_plan *plan);

/* One table read into a plan. */
typedef struct oap_import oap_import;

/* Reads a table (len bytes of text, any bytes: invalid UTF-8 is replaced and reported),
 * named name in messages and in the plan's file. Everything it cannot place goes to msgs
 * with its line. Returns 0 with *out set (oap_import_plan says whether a plan could be
 * made); OAP_EINVAL when the priority or the year is neither given in opts nor found in
 * the table, OAP_ELIMIT when text is longer than OAP_IMPORT_MAX_INPUT (msgs says which;
 * *out is NULL); OAP_ENOMEM. */
OAP_EXTERN int oap_import_new(oap_import **out, const char *name, const char *text, size_t len,
                              const oap_import_options *opts, oap_import_messages *msgs);

/* The same, reading the table from f up to OAP_IMPORT_MAX_INPUT bytes (a longer stream is
 * OAP_ELIMIT without being read further). OAP_EIO when f cannot be read (errno says why). */
OAP_EXTERN int oap_import_new_from_stream(oap_import **out, const char *name, FILE *f,
                                          const oap_import_options *opts,
                                          oap_import_messages *msgs);

/* The plan read, or NULL when msgs has an error that prevents one. It belongs to imp. */
OAP_EXTERN const oap_plan *oap_import_plan(const oap_import *imp);
/* The format the table was read as. */
OAP_EXTERN oap_import_format oap_import_format_of(const oap_import *imp);
OAP_EXTERN void oap_import_free(oap_import *imp);

#ifdef __cplusplus
}
#endif
#endif
