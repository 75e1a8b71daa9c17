/* views: what the views share: plans, node arguments, names, windows, banners, escaping. */
#ifndef OAP_VIEWS_VIEWS_H
#define OAP_VIEWS_VIEWS_H

#include "core/timing.h"
#include "jsonw.h"
#include "graph/graph.h"
#include "oapgraph/views.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Module-internal, shared by the views. */

/* A `from` for oap_views__name that qualifies every node with its plan. */
#define OAP_VIEWS_QUALIFY (UINT32_MAX - 1)

/* A node's name as oap_graph_name writes it, relative to plan `from`, or always
 * qualified ("2012-C:2.1#1", "2012-C:*", "B:*") for OAP_VIEWS_QUALIFY. Returns buf. */
const char *oap_views__name(const oap_graph *g, uint32_t node, uint32_t from, char *buf,
                            size_t size);
/* The plan that names are written relative to for a view about `node`: the only loaded
 * plan, else OAP_VIEWS_QUALIFY, since with several plans loaded a bare "2.1" could be
 * any of theirs, whichever plan the view is about. */
uint32_t oap_views__home(const oap_graph *g, uint32_t node);

/* The window of a dependency unit or an action: its "window", else what its timing
 * reads as in the plan's year, else (an action with phases) from the first start to the
 * last end of its phases' windows. 1, or 0 when unknown. The recursion into phases is
 * one level deep. */
int oap_views__window(const oap_graph *g, uint32_t unit, oap_window *w);
/* "2012-09" for one month, "2012-04..2012-05" for several. buf: at least 20 bytes. */
const char *oap_views__format_window(const oap_window *w, char *buf, size_t size);

/* The dependency units a node stands for, in node order: a phase itself, an action its
 * phases (or itself), a goal those of its actions, a plan all of its own; a priority
 * none. *out is malloc'ed (caller frees, may be NULL when *n is 0). 0 or OAP_ENOMEM. */
int oap_views__units(const oap_graph *g, uint32_t node, uint32_t **out, uint32_t *n);

/* Iterates the distinct classifications of the plans marked in mask (one byte per
 * plan; NULL: every plan), in plan order: start with *i at 0; NULL at the end. It
 * allocates nothing (a marking must not be lost to a failed allocation) and compares
 * with the plans before, which are few. */
const char *oap_views__classification(const oap_graph *g, const unsigned char *mask, size_t *i);
/* Each of those on a line of its own: the banner that opens and closes a text. */
void oap_views__banners(FILE *out, const oap_graph *g, const unsigned char *mask);
/* The same as the JSON member "classification": [...]. */
void oap_views__json_classification(oap_jsonw *w, const oap_graph *g, const unsigned char *mask);

/* A number as the views write it, into buf (at least 48 bytes); returns buf. A whole
 * number below 10^15 without a fraction ("2000", or with group "2,000,000" for people),
 * any other in the fewest digits that read back as it ("0.1", "1e+20"); "nan", "inf"
 * and "-inf" for what is not finite, which the callers keep out of JSON. */
const char *oap_views__number(double v, int group, char *buf, size_t size);

/* The actor of plan p's "actors" that the len bytes of text name (its code or name,
 * ASCII case ignored), or NULL. */
const oap_actor_decl *oap_views__declared(const oap_plan *p, const char *text, size_t len);

/* Text for a terminal, shown as written but safe (core/text.h has the classes): a line
 * break or tab as a space; controls (C0 and C1, which could drive the terminal),
 * invisible characters, noncharacters and bytes that are not UTF-8 as U+FFFD. */
void oap_views__plain(FILE *out, const char *s);

/* Text in Markdown, shown as written (oap_text_markdown): Markdown punctuation
 * backslash-escaped, "<", ">" and "&" as entities so no HTML gets through, a line break
 * as <br> in a table cell (a space elsewhere); controls, invisible characters,
 * noncharacters and bytes that are not UTF-8 as U+FFFD. */
void oap_views__markdown(FILE *out, const char *s, int cell);

/* The classification of the plans marked in mask, bold, each on a paragraph of its own:
 * the banner that opens a Markdown sheet (a blank line after it) or closes it. */
void oap_views__md_banner(FILE *out, const oap_graph *g, const unsigned char *mask, int closing);

/* A Markdown table cell: " s |" (NULL is an empty cell). */
void oap_views__md_cell(FILE *out, const char *s);

/* One CSV field (RFC 4180, or with sep for the comma): quoted when it holds sep, a comma,
 * quote or line break or starts
 * or ends with a space, quotes doubled. A field that starts with "=", "+", "-", "@", tab
 * or CR gets a leading "'" so that a spreadsheet shows it rather than running it as a
 * formula (CSV injection). NULL is an empty field. Line breaks stay (U+2028 and U+2029
 * as LF), a tab is a space; controls, invisible characters, noncharacters and bytes
 * that are not UTF-8 become U+FFFD. */
void oap_views__csv(FILE *out, const char *s, char sep);

/* One CSV line of n fields (oap_views__csv), sep between them, ended by CRLF as RFC 4180
 * has it. */
void oap_views__csv_line(FILE *out, const char *const *fields, size_t n, char sep);

#endif
