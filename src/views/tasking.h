/* tasking: one sheet per actor: the actions it leads or joins in every loaded plan. */
#ifndef OAP_VIEWS_TASKING_H
#define OAP_VIEWS_TASKING_H

#include "core/actors.h"
#include "core/arena.h"
#include "core/strmap.h"
#include "graph/graph.h"
#include "oapgraph/views.h"

#include <stdio.h>

/* One line of a sheet: an action (or, for driver and support, a plan) and the role. */
typedef struct oap_tasking_entry {
    uint32_t node;
    uint8_t role;
    const char *via;  /* the group the actor is named through ("All MS"), or NULL */
    uint8_t coleader; /* a co-leader because the action's "coleaders" names it */
} oap_tasking_entry;

typedef enum oap_tasking_kind {
    OAP_TASKING_MEMBER_STATE,
    OAP_TASKING_AGENCY,
    OAP_TASKING_INTERNATIONAL,
    OAP_TASKING_THIRD_COUNTRY,
    OAP_TASKING_OTHER,    /* part of a Member State with an ISO code of its own */
    OAP_TASKING_DECLARED, /* declared in a plan's "actors" */
    OAP_TASKING_UNKNOWN,  /* neither built in nor declared: `check` reports it */
    OAP_TASKING_GROUP     /* a group that cannot be expanded: members still to be named */
} oap_tasking_kind;

typedef struct oap_tasking_sheet {
    const char *code;           /* canonical or declared code, or the text as first written */
    const char *name;           /* full name, or NULL */
    const char *declared_kind;  /* for DECLARED: the plan's "kind", or NULL */
    uint32_t declared_plan;     /* for DECLARED: the first plan that declares it */
    const oap_actor_info *info; /* the registry entry, or NULL */
    uint8_t kind;               /* oap_tasking_kind */
    oap_tasking_entry *entries; /* plan by plan: driver and support, then actions */
    size_t n, cap;
    uint32_t stamp;   /* scratch: the last action given an entry */
    uint32_t counted; /* scratch: the last action whose leaders counted it */
} oap_tasking_sheet;

typedef struct oap_tasking {
    const oap_graph *g;
    oap_tasking_sheet *sheets;
    size_t n, cap;
    size_t *order; /* the sheets as written: Member States and other actors in registry
                    * order, then declared and unknown ones as first met, then groups */
    size_t norder;
    oap_arena arena;
    oap_strmap index; /* actor key -> sheet */
    char *key;        /* scratch for building keys */
    size_t key_cap;
    oap_strmap *cycle_jads; /* per cycle of the model: JAD id -> its index in the cycle */
} oap_tasking;

/* Builds every sheet of the plans of g. Actors are read through oap_actors_find (so
 * "Cefpol" is CEPOL's sheet), else as a plan declares them, else as written (case and
 * surrounding space ignored). Role: leader, co-leader when the action has several
 * leaders or its "coleaders" names the actor, else participant; one line per action,
 * the strongest role. "All MS" is
 * expanded onto the sheet of every state that is a member in any month of the plan's
 * year, marked as named through it; a state named in person keeps that role. Other
 * groups ("Relevant MS", "MS concerned", "Acting EU Presidency", ...), and "All MS" in
 * a plan with no year, get a sheet of their own: participants still to be named.
 * Linear in the plans (Member States per "All MS" action at most). 0 or OAP_ENOMEM. */
int oap_tasking_build(oap_tasking **out, const oap_graph *g);
void oap_tasking_free(oap_tasking *t);

/* What other views of this folder read actors with, as tasking does. __new: an empty
 * set of sheets for the plans of g (oap_tasking_free). __actor: the sheet of one actor
 * text of plan (made when new), *sheet SIZE_MAX when the text is blank; "All MS" is
 * the group's own sheet, not expanded onto the Member States. __order: fills t->order
 * as oap_tasking_build does, once every sheet is made. 0 or OAP_ENOMEM. */
int oap_tasking__new(oap_tasking **out, const oap_graph *g);
int oap_tasking__actor(oap_tasking *t, uint32_t plan, const char *text, size_t *sheet);
int oap_tasking__order(oap_tasking *t);

/* The sheet of an actor written as --actor gives it (read as above). An actor the
 * registry or a plan knows but that takes part in nothing gets an empty sheet. Returns
 * 0 with *sheet, OAP_EINVAL with a message in err (unknown, or "All MS", which is on
 * the Member States' sheets), or OAP_ENOMEM. */
int oap_tasking_select(oap_tasking *t, const char *text, size_t *sheet, char *err, size_t size);

/* Writes the sheets listed (indexes into t->sheets) as one document: Markdown sheets
 * one after the other, one CSV table with the actor in its first columns, or one JSON
 * document (fields in the README). Every sheet carries the classification of the plans
 * it draws on (of every plan, when it is empty): Markdown as a bold line first and
 * last, CSV per row, JSON per sheet and for the document. 0, OAP_EIO or OAP_ENOMEM. */
int oap_tasking_write(FILE *out, const oap_tasking *t, const size_t *sheets, size_t n,
                      oap_tasking_format fmt);

/* The file a sheet is written to with -o: its code with every run of ASCII characters
 * other than letters, digits, "-" and "_" made one "-" ("Relevant MS" -> "Relevant-MS"),
 * a Latin letter with a diacritic as its ASCII letter ("Osterreich"), any other
 * character that is not ASCII as its escape ("u0395"), and ".md", ".csv" or ".json". A
 * name that would be longer than 100 bytes is cut to 83 and ends with "-" and 16
 * hexadecimal digits of a hash of the whole code. Refuses (OAP_EINVAL) a code that
 * leaves nothing and device names some systems reserve (CON, NUL, COM1, ...). Returns 0
 * with the name in buf. */
int oap_tasking_file_name(const oap_tasking_sheet *s, oap_tasking_format fmt, char *buf,
                          size_t size);

#endif
