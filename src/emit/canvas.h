/* canvas: what every diagram shares: safe attributes, colours, the classification banner. */
#ifndef OAP_EMIT_CANVAS_H
#define OAP_EMIT_CANVAS_H

#include "core/model.h"
#include "core/strbuf.h"
#include "diagram.h"
#include "oapgraph/emit.h"
#include "text.h"

#include <gvc.h>

#include <stddef.h>
#include <stdint.h>

/* Findings by severity (info, warning, error): line and text colours, and node fills. */
extern const char *const oap_emit__severity_color[3];
extern const char *const oap_emit__severity_fill[3];
#define OAP_EMIT_BANNER_COLOR "#a00000"
#define OAP_EMIT_FONT "DejaVu Sans"

/* Sets a plain attribute (a name, a tooltip, a fixed value) on a cgraph object. Plain
 * strings never hold '<' and HTML labels always start with it: cgraph keeps one copy of
 * equal strings and would otherwise let the two kinds mix (issue 10); this keeps them
 * apart by construction. Does nothing once *rc is set; sets it to OAP_ENOMEM when the
 * value is refused or cgraph runs out of memory. */
void oap_emit__set_plain(int *rc, void *obj, const char *attr, const char *value);
/* Sets an HTML-like label made of escaped text (oap_emit__escape), as above. */
void oap_emit__set_html(int *rc, void *obj, const char *attr, const oap_strbuf *html);

/* The distinct classification markings of the loaded plans, in order: at most cap of
 * them in out; returns how many. */
size_t oap_emit__markings(const oap_model *m, const char **out, size_t cap);
/* One row of an HTML-like table per marking: white on the banner's red. */
void oap_emit__banner_rows(oap_strbuf *b, const char *const *marks, size_t n);

/* What the diagram shows, in words, escaped for mode: "2012-C Illegal immigration: plan
 * view", with the focus when there is one. */
void oap_emit__caption(oap_strbuf *b, const oap_diagram *d, const oap_emit_options *opts,
                       oap_emit_mode mode);

/* gvFreeContext, made safe for the next context of the same process. Graphviz's pango
 * text layout (2.43, Debian 12) keeps the name of the last font it measured in a static
 * pointer into the context's font table, and compares the next name against it: once
 * the context is freed, the next diagram drawn in the process (the HTML report draws
 * three) reads freed memory (AddressSanitizer and valgrind both say so). Measuring one
 * span in a font whose name is a string of ours leaves that pointer on memory that
 * lives as long as the program. */
void oap_emit__gvc_free(GVC_t *gvc);

/* "&#10;&#10;findings:&#10;warning [rule] message" for each finding of the chain that
 * starts at f (an index into d->findings, or OAP_NONE: nothing), for a tooltip. */
void oap_emit__tip_findings(const oap_diagram *d, oap_strbuf *b, uint32_t f);

#endif
