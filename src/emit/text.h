/* text: plan text made safe for Graphviz labels, tooltips and names, and wrapped. */
#ifndef OAP_EMIT_TEXT_H
#define OAP_EMIT_TEXT_H

#include "core/strbuf.h"

#include <stddef.h>

/* How plan text reaches Graphviz. Every plan text goes through oap_emit__escape in one of
 * these modes; none of them lets a backslash, a double quote or a '<' of the plan reach
 * the DOT text, so cgraph's agwrite (which writes backslashes as they are) cannot produce
 * DOT that reads back differently, and a plain string can never equal an HTML label
 * (those always start with '<'), which cgraph's shared string table would otherwise
 * confuse. In every mode: & < > " ' become entities; a backslash becomes &#92; entities
 * that Graphviz's escape processing turns back into one backslash, so "\N" or a trailing
 * backslash stays literal text; controls, invisible characters (bidirectional marks,
 * overrides and isolates, zero-width characters: core/text.h) and noncharacters are
 * dropped; bytes that are not UTF-8 become U+FFFD; tabs become spaces. */
typedef enum oap_emit_mode {
    /* Text inside an HTML-like label: line breaks become <BR ALIGN="LEFT"/>. Graphviz
     * decodes entities and then runs escString processing once (\\ -> \). */
    OAP_EMIT_HTML,
    /* A tooltip (an escString attribute): line breaks become &#10;. Graphviz decodes
     * entities and then unescapes backslashes twice. */
    OAP_EMIT_TOOLTIP,
    /* A node or graph name, shown as the <title> of SVG elements: line breaks become
     * spaces; no escape processing happens, so a backslash is one &#92;; '%' is &#37;
     * (cgraph reads a name starting with '%' as an anonymous id). */
    OAP_EMIT_NAME
} oap_emit_mode;

void oap_emit__escape(oap_strbuf *b, const char *text, oap_emit_mode mode);

/* Appends text to an HTML-like label wrapped at spaces into lines of at most width
 * characters (code points; longer words are cut), at most maxlines lines (0: no limit);
 * text cut off ends in "…". Line breaks in the text are kept. */
void oap_emit__wrapped(oap_strbuf *b, const char *text, unsigned width, unsigned maxlines);

/* The text as Graphviz should see it, before escaping: dropped characters removed, line
 * breaks as '\n', bad bytes as U+FFFD. malloc'ed; NULL when out of memory. */
char *oap_emit__clean(const char *text);

#endif
