/* text: one policy for showing plan text: the class of each character, the shared renderings. */
#ifndef OAP_CORE_TEXT_H
#define OAP_CORE_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* What a character of plan text is, for showing the text safely. Plan files come from
 * many hands; a character that moves a terminal's cursor, reverses the text around it
 * (U+202E) or shows as nothing ("HU\u200b" reads as HU) must not reach a reader as it is.
 * Which class a character is in is decided here and nowhere else; each output renders
 * each class its own way (the text format escapes, Markdown and CSV show U+FFFD, DOT
 * drops, JSON writes \u escapes), and no output shows any class but ORDINARY, and line
 * breaks and tabs in its own way, as it is. */
typedef enum oap_text_class {
    OAP_TEXT_ORDINARY,
    /* LF, CR, CR LF (one break), U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
     * Not U+0085 NEXT LINE: in plan text it is a Windows-1252 ellipsis (0x85) decoded as
     * Latin-1, far more often than a line break; it is a CONTROL. */
    OAP_TEXT_LINE_BREAK,
    OAP_TEXT_TAB,
    /* The other C0 controls (ESC starts terminal sequences), DEL and the C1 controls
     * U+0080..U+009F (U+009B is a one-byte CSI to some terminals). */
    OAP_TEXT_CONTROL,
    /* Shown as nothing, or changing the direction of the text around it: Unicode's
     * default-ignorable code points (what a renderer that does not support them must show
     * as nothing), which hold the bidirectional marks U+061C, U+200E, U+200F, the
     * embeddings and overrides U+202A..U+202E, the isolates U+2066..U+2069, the zero-width
     * U+200B..U+200D, U+2060 and U+FEFF, the soft hyphen U+00AD (seen only where a line
     * wraps), U+180E, the Hangul fillers, the variation selectors and the tags
     * U+E0000..U+E007F (which hide ASCII text); and the interlinear annotation marks
     * U+FFF9..U+FFFB, which hide the text between them. One rule, Unicode's own list,
     * rather than a list of our choosing that the next trick slips past. */
    OAP_TEXT_INVISIBLE,
    /* U+FDD0..U+FDEF and the last two code points of every plane: never text, and what
     * XML (SVG) may not carry. */
    OAP_TEXT_NONCHARACTER,
    /* A byte that is not part of a valid UTF-8 sequence (oap_utf8_decode), or a value that
     * is not a code point. */
    OAP_TEXT_INVALID
} oap_text_class;

/* The class of code point cp. */
oap_text_class oap_text_class_of(uint32_t cp);

/* The character at s, of the n > 0 bytes left: sets *cp and *cls and returns how many
 * bytes it takes. CR LF is one LINE_BREAK of two bytes (*cp = CR); a byte that is not
 * UTF-8 is one INVALID byte (*cp = U+FFFD). Returns 0 only when n is 0. */
size_t oap_text_next(const char *s, size_t n, uint32_t *cp, oap_text_class *cls);

/* A walk over the characters of a string, for a rendering: OAP_TEXT_WALK(s, n) starts
 * one over the n bytes at s; each oap_text_walk moves to the next character (as
 * oap_text_next reads it) and returns 0 after the last. */
typedef struct oap_text_walker {
    const char *s;
    size_t n;
    size_t at, len; /* the character: bytes [at, at + len) of s */
    uint32_t cp;
    oap_text_class cls;
} oap_text_walker;
#define OAP_TEXT_WALK(s, n)                                                                        \
    {                                                                                              \
        (s), (n), 0, 0, 0, OAP_TEXT_ORDINARY                                                       \
    }
int oap_text_walk(oap_text_walker *w);

/* Receives the output of a rendering, n bytes at b. */
typedef void (*oap_text_put)(void *ctx, const char *b, size_t n);

/* The text format's rendering, used wherever a message is shown (text findings, and the
 * message of JSON and SARIF findings, so all three read the same): ordinary characters
 * as they are; LF as \n, tab as \t; CR, the other C0 controls, DEL and bytes that are
 * not UTF-8 as \xNN; C1 controls, U+2028, U+2029, invisible characters and
 * noncharacters as \uXXXX (\UXXXXXXXX above U+FFFF); and the colon of ":N:N: " as \x3a,
 * so that no text (a file name, a timing that reads "deploy.yml:12:3: error: leaked")
 * holds a place that a problem matcher could take for a finding's. The result is one
 * line that reads as written. flags: OAP_TEXT_KEEP_TABS or 0. */
void oap_text_escape(const char *s, int flags, oap_text_put put, void *ctx);

enum {
    /* Tabs as they are: for the importer's messages, which quote rows of a table whose
     * cells tabs separate, as they always have. */
    OAP_TEXT_KEEP_TABS = 1
};

/* oap_text_escape(s, flags, ...) as a malloc'ed string; NULL when out of memory. */
char *oap_text_escaped(const char *s, int flags);

/* Markdown's rendering, shown as written: Markdown punctuation is backslash-escaped,
 * "<", ">" and "&" become entities so no HTML gets through, a line break becomes <br> in
 * a table cell (a space elsewhere), a tab a space; controls, invisible characters,
 * noncharacters and bytes that are not UTF-8 become U+FFFD. */
void oap_text_markdown(const char *s, int cell, oap_text_put put, void *ctx);

/* HTML's rendering, for element text and quoted attribute values alike: "&", "<", ">",
 * '"' and "'" become entities, so nothing of the text becomes markup, an attribute or a
 * script; a line break becomes <br> when breaks is set (a space otherwise), a tab a
 * space; controls, invisible characters, noncharacters and bytes that are not UTF-8
 * become U+FFFD, as in Markdown. */
void oap_text_html(const char *s, int breaks, oap_text_put put, void *ctx);

/* The body of a CSS string ("..." around it is the caller's): every character of the
 * text as a hexadecimal escape ("\\52 "), so none can end the string or the style;
 * line breaks and tabs as spaces, and what no output shows as it is (controls,
 * invisible characters, noncharacters, bad bytes) as U+FFFD. */
void oap_text_css_string(const char *s, oap_text_put put, void *ctx);

/* The JSON escape of cp (\uXXXX, a surrogate pair above U+FFFF) in out, which has room
 * for 12 bytes and a NUL; returns its length. JSON writers write every character of a
 * string that is not ORDINARY so (tab, LF and CR may be \t, \n, \r), so JSON text is
 * safe to look at and still reads back as the plan wrote it. */
size_t oap_text_json_escape(uint32_t cp, char *out);

/* text without surrounding white space (ASCII, and the no-break spaces of text pasted
 * from Council documents): sets *start, returns the length. */
size_t oap_text_trim(const char *text, const char **start);

#endif
