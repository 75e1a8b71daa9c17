/* text: one policy for showing plan text: the class of each character, the shared renderings. */
#include "text.h"

#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Unicode 15's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt), with the
 * interlinear annotation marks U+FFF9..U+FFFB joined to U+FFF0..U+FFF8, and the bidi
 * isolates and overrides that lie among them. Sorted, disjoint. */
static const struct range {
    uint32_t first, last;
} invisible[] = {
    {0x00ad, 0x00ad},   /* soft hyphen */
    {0x034f, 0x034f},   /* combining grapheme joiner */
    {0x061c, 0x061c},   /* Arabic letter mark */
    {0x115f, 0x1160},   /* Hangul choseong and jungseong fillers */
    {0x17b4, 0x17b5},   /* Khmer inherent vowels */
    {0x180b, 0x180f},   /* Mongolian variation selectors, vowel separator */
    {0x200b, 0x200f},   /* zero-width space, non-joiner, joiner; LRM, RLM */
    {0x202a, 0x202e},   /* embeddings and overrides */
    {0x2060, 0x206f},   /* word joiner, invisible operators, isolates, deprecated formats */
    {0x3164, 0x3164},   /* Hangul filler */
    {0xfe00, 0xfe0f},   /* variation selectors */
    {0xfeff, 0xfeff},   /* zero-width no-break space, the byte-order mark */
    {0xffa0, 0xffa0},   /* halfwidth Hangul filler */
    {0xfff0, 0xfffb},   /* reserved; interlinear annotation anchor, separator, terminator */
    {0x1bca0, 0x1bca3}, /* shorthand format controls */
    {0x1d173, 0x1d17a}, /* musical symbol format controls */
    {0xe0000, 0xe0fff}, /* tags, variation selectors supplement */
};

static int is_invisible(uint32_t cp)
{
    size_t lo = 0, hi = sizeof invisible / sizeof invisible[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < invisible[mid].first)
            hi = mid;
        else if (cp > invisible[mid].last)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

oap_text_class oap_text_class_of(uint32_t cp)
{
    if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)
        return OAP_TEXT_LINE_BREAK;
    if (cp == '\t')
        return OAP_TEXT_TAB;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
        return OAP_TEXT_CONTROL;
    if (cp < 0xa0)
        return OAP_TEXT_ORDINARY;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return OAP_TEXT_INVALID;
    if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe)
        return OAP_TEXT_NONCHARACTER;
    if (is_invisible(cp))
        return OAP_TEXT_INVISIBLE;
    return OAP_TEXT_ORDINARY;
}

size_t oap_text_next(const char *s, size_t n, uint32_t *cp, oap_text_class *cls)
{
    size_t k = oap_utf8_decode(s, n, cp);
    if (k == 0) {
        *cls = OAP_TEXT_INVALID;
        return n ? 1 : 0;
    }
    *cls = oap_text_class_of(*cp);
    if (*cp == '\r' && n > 1 && s[1] == '\n')
        return 2;
    return k;
}

int oap_text_walk(oap_text_walker *w)
{
    w->at += w->len;
    unsigned char b = w->at < w->n ? (unsigned char)w->s[w->at] : 0;
    if (b >= 0x20 && b < 0x7f) {
        /* Printable ASCII, most of any text, is ordinary: no need to decode it. */
        w->cp = b;
        w->cls = OAP_TEXT_ORDINARY;
        w->len = 1;
        return 1;
    }
    w->len = w->at < w->n ? oap_text_next(w->s + w->at, w->n - w->at, &w->cp, &w->cls) : 0;
    return w->len > 0;
}

/* The text format's escape of one code point that is not shown as it is. */
static void put_escape(uint32_t cp, oap_text_put put, void *ctx)
{
    char esc[16];
    int len;
    if (cp == '\n')
        len = snprintf(esc, sizeof esc, "\\n");
    else if (cp == '\t')
        len = snprintf(esc, sizeof esc, "\\t");
    else if (cp < 0x80)
        len = snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
    else if (cp <= 0xffff)
        len = snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
    else
        len = snprintf(esc, sizeof esc, "\\U%08x", (unsigned)cp);
    put(ctx, esc, (size_t)len);
}

/* 1 when s starts ":N:N: " (digits, a colon, digits, a colon and a space): what a
 * compiler's finding, and a problem matcher's pattern, has after the file name. */
static int is_place(const char *s)
{
    for (int part = 0; part < 2; part++) {
        if (*s++ != ':' || !(*s >= '0' && *s <= '9'))
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return s[0] == ':' && s[1] == ' ';
}

void oap_text_escape(const char *s, int flags, oap_text_put put, void *ctx)
{
    size_t shown = 0; /* s[shown..at) is shown as it is, and not put yet: one put a run */
    size_t n = strlen(s), at = 0;
    while (at < n) {
        unsigned char b = (unsigned char)s[at];
        /* Printable ASCII but the colon, most of any text, is shown as it is. */
        if (b >= 0x20 && b < 0x7f && b != ':') {
            at++;
            continue;
        }
        uint32_t cp = b;
        oap_text_class cls = OAP_TEXT_ORDINARY;
        size_t len = b == ':' ? 1 : oap_text_next(s + at, n - at, &cp, &cls);
        if (cp == ':' && cls == OAP_TEXT_ORDINARY && is_place(s + at)) {
            put(ctx, s + shown, at - shown);
            shown = at + len;
            put(ctx, "\\x3a", 4);
        } else if (cls != OAP_TEXT_ORDINARY &&
                   !(cls == OAP_TEXT_TAB && (flags & OAP_TEXT_KEEP_TABS))) {
            put(ctx, s + shown, at - shown);
            shown = at + len;
            if (cls == OAP_TEXT_INVALID) {
                char esc[8];
                put(ctx, esc, (size_t)snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)s[at]));
            } else if (len == 2 && cp == '\r') {
                put_escape('\r', put, ctx); /* CR LF: each of the two */
                put_escape('\n', put, ctx);
            } else {
                put_escape(cp, put, ctx);
            }
        }
        at += len;
    }
    put(ctx, s + shown, at - shown);
}

typedef struct cursor {
    char *w;
} cursor;

static void put_cursor(void *ctx, const char *b, size_t n)
{
    cursor *c = ctx;
    memcpy(c->w, b, n);
    c->w += n;
}

char *oap_text_escaped(const char *s, int flags)
{
    /* No byte grows to more than four: \xNN for one, \uXXXX for two or three, \UXXXXXXXX
     * for four. */
    size_t n = strlen(s);
    char *out = malloc(4 * n + 1);
    if (!out)
        return NULL;
    cursor c = {out};
    oap_text_escape(s, flags, put_cursor, &c);
    *c.w = '\0';
    return out;
}

/* Markdown's and HTML's renderings: the same but for what else each escapes (Markdown
 * its punctuation, HTML the quotes of attribute values). */
static void markup(const char *s, int breaks, int markdown, oap_text_put put, void *ctx)
{
    for (oap_text_walker c = OAP_TEXT_WALK(s, strlen(s)); oap_text_walk(&c);) {
        char esc[2] = {'\\', s[c.at]};
        if (c.cls == OAP_TEXT_LINE_BREAK)
            put(ctx, breaks ? "<br>" : " ", breaks ? 4 : 1);
        else if (c.cls == OAP_TEXT_TAB)
            put(ctx, " ", 1);
        else if (c.cls != OAP_TEXT_ORDINARY)
            put(ctx, OAP_UTF8_REPLACEMENT, 3);
        else if (c.cp == '<')
            put(ctx, "&lt;", 4);
        else if (c.cp == '>')
            put(ctx, "&gt;", 4);
        else if (c.cp == '&')
            put(ctx, "&amp;", 5);
        else if (!markdown && c.cp == '"')
            put(ctx, "&quot;", 6);
        else if (!markdown && c.cp == '\'')
            put(ctx, "&#39;", 5);
        else if (markdown && c.cp < 0x80 && strchr("\\`*_[]|~#!", (int)c.cp))
            put(ctx, esc, 2);
        else
            put(ctx, s + c.at, c.len);
    }
}

void oap_text_markdown(const char *s, int cell, oap_text_put put, void *ctx)
{
    markup(s, cell, 1, put, ctx);
}

void oap_text_html(const char *s, int breaks, oap_text_put put, void *ctx)
{
    markup(s, breaks, 0, put, ctx);
}

void oap_text_css_string(const char *s, oap_text_put put, void *ctx)
{
    for (oap_text_walker c = OAP_TEXT_WALK(s, strlen(s)); oap_text_walk(&c);) {
        uint32_t cp = c.cls == OAP_TEXT_ORDINARY                              ? c.cp
                      : c.cls == OAP_TEXT_LINE_BREAK || c.cls == OAP_TEXT_TAB ? ' '
                                                                              : 0xFFFD;
        char esc[16];
        int n = snprintf(esc, sizeof esc, "\\%X ", (unsigned)cp);
        put(ctx, esc, (size_t)n);
    }
}

size_t oap_text_json_escape(uint32_t cp, char *out)
{
    if (cp <= 0xffff)
        return (size_t)snprintf(out, 13, "\\u%04x", (unsigned)cp);
    cp -= 0x10000;
    return (size_t)snprintf(out, 13, "\\u%04x\\u%04x", (unsigned)(0xd800 + (cp >> 10)),
                            (unsigned)(0xdc00 + (cp & 0x3ff)));
}

/* Width of the white space at s[i] (0 if none). */
static size_t space_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    return 0;
}

size_t oap_text_trim(const char *text, const char **start)
{
    size_t len = strlen(text), w;
    while (len > 0 && (w = space_at(text, len, 0)) > 0) {
        text += w;
        len -= w;
    }
    while (len > 0) {
        if (space_at(text, len, len - 1) == 1)
            len--;
        else if (len >= 2 && space_at(text, len, len - 2) == 2)
            len -= 2;
        else
            break;
    }
    *start = text;
    return len;
}
