/* srcmap: JSON pointer -> line:col, with one scan of the text. */
#include "srcmap.h"

#include "core/array.h"
#include "core/strmap.h"
#include "oapgraph/common.h"
#include "core/strbuf.h"
#include "core/utf8.h"

#include <stdlib.h>
#include <string.h>

int oap_pointer_push(char *buf, size_t cap, size_t *len, const char *segment)
{
    size_t n = *len;
    if (n + 1 >= cap)
        return -1;
    /* On failure the buffer is left as it was: the pointer of the parent. */
    buf[n++] = '/';
    for (const char *s = segment; *s; s++) {
        const char *esc = *s == '~' ? "~0" : *s == '/' ? "~1" : NULL;
        size_t need = esc ? 2 : 1;
        if (n + need >= cap) {
            buf[*len] = '\0';
            return -1;
        }
        if (esc) {
            buf[n++] = esc[0];
            buf[n++] = esc[1];
        } else {
            buf[n++] = *s;
        }
    }
    buf[n] = '\0';
    *len = n;
    return 0;
}

/* Every pointer that matters to the scan, with what it is: a bit for "a query lies at
 * or below it" (descend into it), and the first query at it (NO_QUERY when none). One
 * lookup a value scanned tells both. The prefixes that are no query's own pointer are
 * copies the scan owns. */
#define BELOW 0x80000000u
#define NO_QUERY 0x7fffffffu

typedef struct paths {
    oap_strmap map;
    char **owned;
    size_t nowned, cap;
} paths;

static void paths_free(paths *p)
{
    for (size_t i = 0; i < p->nowned; i++)
        free(p->owned[i]);
    free(p->owned);
    oap_strmap_free(&p->map);
}

typedef struct scanner {
    const char *t;
    size_t len, pos;
    unsigned line, col;
    oap_srcmap_query *q;
    size_t nq;
    paths paths;     /* pointer -> BELOW | its first query */
    size_t *next;    /* query -> the next query at the same pointer, or SIZE_MAX */
    oap_strbuf path; /* the pointer of the value being scanned */
    uint64_t hash;   /* oap_strmap_hash of path, made piece by piece */
    uint32_t here;   /* paths' value for path, or NO_QUERY when it has none */
    int oom;
} scanner;

static void advance(scanner *s)
{
    unsigned char c = (unsigned char)s->t[s->pos++];
    if (c == '\n') {
        s->line++;
        s->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        s->col++;
    }
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void skip_ws(scanner *s)
{
    while (s->pos < s->len && is_ws(s->t[s->pos]))
        advance(s);
}

static unsigned read_hex4(scanner *s);

/* The line and column of a byte offset into the decoded string that starts at s->pos:
 * escapes count as one or more decoded bytes but several characters of text. */
static void string_offset(const scanner *start, size_t offset, unsigned *line, unsigned *col)
{
    scanner s = *start;
    size_t decoded = 0;
    advance(&s); /* opening quote */
    while (s.pos < s.len && s.t[s.pos] != '"' && decoded < offset) {
        if (s.t[s.pos] == '\\' && s.pos + 1 < s.len) {
            advance(&s);
            char e = s.t[s.pos];
            advance(&s);
            if (e == 'u') {
                unsigned cp = read_hex4(&s);
                decoded += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
            } else {
                decoded++;
            }
        } else {
            advance(&s);
            decoded++;
        }
    }
    *line = s.line;
    *col = s.col;
}

/* Records the current position for the queries on the current path. */
static void mark(scanner *s, int at_key)
{
    uint32_t first = s->here & ~BELOW;
    if (first == NO_QUERY)
        return;
    for (size_t i = first; i != SIZE_MAX; i = s->next[i]) {
        oap_srcmap_query *q = &s->q[i];
        if (q->line == 0 && (q->at_key != 0) == at_key) {
            q->line = s->line;
            q->col = s->col;
            if (q->offset > 0 && !at_key && s->t[s->pos] == '"')
                string_offset(s, q->offset, &q->line, &q->col);
        }
    }
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static unsigned read_hex4(scanner *s)
{
    unsigned v = 0;
    for (int i = 0; i < 4 && s->pos < s->len; i++) {
        int h = hexval((unsigned char)s->t[s->pos]);
        advance(s);
        v = v * 16 + (unsigned)(h < 0 ? 0 : h);
    }
    return v;
}

/* The position after the string whose opening quote is at pos, *col moved past it: JSON
 * strings hold no raw line break, so only the column moves, by one per character (not
 * per continuation byte). */
static size_t string_end(const unsigned char *t, size_t pos, size_t len, unsigned *col)
{
    for (pos++, (*col)++; pos < len && t[pos] != '"';) {
        if (t[pos] == '\\' && pos + 1 < len) {
            pos += 2;
            *col += 2;
            continue;
        }
        *col += (t[pos] & 0xC0) != 0x80;
        pos++;
    }
    if (pos < len) {
        pos++;
        (*col)++;
    }
    return pos;
}

/* Scans a member's key at s->pos (the opening quote) and appends it to the path as one
 * pointer segment ("/" + escaped name). */
static void scan_key(scanner *s)
{
    advance(s); /* opening quote */
    oap_strbuf_putc(&s->path, '/');
    while (s->pos < s->len && s->t[s->pos] != '"') {
        char buf[8];
        size_t n = 0;
        if (s->t[s->pos] == '\\' && s->pos + 1 < s->len) {
            advance(s);
            char e = s->t[s->pos];
            advance(s);
            if (e == 'u') {
                unsigned cp = read_hex4(s);
                if (cp >= 0xD800 && cp < 0xDC00 && s->pos + 1 < s->len && s->t[s->pos] == '\\' &&
                    s->t[s->pos + 1] == 'u') {
                    advance(s);
                    advance(s);
                    unsigned lo = read_hex4(s);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                n = oap_utf8_encode(cp, buf);
            } else {
                buf[0] = e == 'n'   ? '\n'
                         : e == 't' ? '\t'
                         : e == 'r' ? '\r'
                         : e == 'b' ? '\b'
                         : e == 'f' ? '\f'
                                    : e;
                n = 1;
            }
        } else {
            buf[0] = s->t[s->pos];
            n = 1;
            advance(s);
        }
        for (size_t i = 0; i < n; i++) {
            if (buf[i] == '~' || buf[i] == '/')
                oap_strbuf_putn(&s->path, buf[i] == '~' ? "~0" : "~1", 2);
            else
                oap_strbuf_putc(&s->path, buf[i]);
        }
    }
    if (s->pos < s->len)
        advance(s); /* closing quote */
    if (s->path.oom)
        s->oom = 1;
}

/* Skips a value that holds no query: strings are skipped whole, containers by depth. Most
 * of a file is skipped: one tight loop, the line and column kept in locals. */
static void skip_value(scanner *s)
{
    const unsigned char *t = (const unsigned char *)s->t;
    size_t pos = s->pos, len = s->len, depth = 0;
    unsigned line = s->line, col = s->col;
    do {
        if (pos >= len)
            break;
        unsigned char c = t[pos];
        if (c == '"') {
            pos = string_end(t, pos, len, &col);
            continue;
        }
        if (c == '{' || c == '[')
            depth++;
        else if (c == '}' || c == ']')
            depth--;
        pos++;
        if (c == '\n') {
            line++;
            col = 1;
        } else {
            col += (c & 0xC0) != 0x80;
        }
        if (depth == 0 && c != '{' && c != '[' && c != '}' && c != ']') {
            /* a scalar: skip to its end */
            while (pos < len && !is_ws((char)t[pos]) && t[pos] != ',' && t[pos] != ']' &&
                   t[pos] != '}' && t[pos] != '\0') {
                col += (t[pos] & 0xC0) != 0x80;
                pos++;
            }
            break;
        }
    } while (depth > 0);
    s->pos = pos;
    s->line = line;
    s->col = col;
}

/* The containers being descended into; each remembers the path length to restore and
 * the index of its next element. */
typedef struct frame {
    size_t path_len;
    uint64_t hash; /* of the path up to path_len */
    size_t index;
    char kind; /* '{' or '[' */
} frame;

/* Looks the path up, once a value: what mark and the descent ask. */
static void look_up(scanner *s)
{
    if (!oap_strmap_get_hashed(&s->paths.map, s->path.s, s->hash, &s->here))
        s->here = NO_QUERY;
}

static int scan(scanner *s)
{
    frame *stack = NULL;
    size_t depth = 0, cap = 0;
    int rc = 0;

    skip_ws(s);
    oap_strbuf_reset(&s->path);
    s->hash = oap_strmap_hash("");
    look_up(s);
    for (;;) {
        /* Here a value starts at s->pos, at path s->path. */
        skip_ws(s);
        if (s->pos >= s->len)
            break;
        mark(s, 0);
        char c = s->t[s->pos];
        if ((c == '{' || c == '[') && (s->here & BELOW)) {
            if (OAP_ARRAY_RESERVE(stack, cap, depth + 1) < 0) {
                rc = OAP_ENOMEM;
                goto done;
            }
            stack[depth++] = (frame){s->path.len, s->hash, 0, c};
            advance(s);
        } else {
            skip_value(s);
            if (depth == 0)
                break;
        }
        /* Move to the next value: past separators and closed containers. */
        for (;;) {
            skip_ws(s);
            if (s->pos >= s->len || depth == 0)
                goto done;
            frame *f = &stack[depth - 1];
            char d = s->t[s->pos];
            if (d == ']' || d == '}') {
                advance(s);
                depth--;
                if (depth == 0)
                    goto done;
                continue;
            }
            if (d == ',')
                advance(s);
            skip_ws(s);
            if (s->pos < s->len && (s->t[s->pos] == ']' || s->t[s->pos] == '}'))
                continue;
            oap_strbuf_truncate(&s->path, f->path_len);
            if (f->kind == '[') {
                char digits[24];
                size_t nd = sizeof digits;
                size_t v = f->index++;
                do
                    digits[--nd] = (char)('0' + v % 10);
                while ((v /= 10) > 0);
                digits[--nd] = '/';
                oap_strbuf_putn(&s->path, digits + nd, sizeof digits - nd);
                if (s->path.oom) {
                    rc = OAP_ENOMEM;
                    goto done;
                }
                s->hash = oap_strmap_hash_more(f->hash, s->path.s + f->path_len,
                                               s->path.len - f->path_len);
                look_up(s);
            } else {
                unsigned kl = s->line, kc = s->col;
                scan_key(s);
                if (s->oom) {
                    rc = OAP_ENOMEM;
                    goto done;
                }
                s->hash = oap_strmap_hash_more(f->hash, s->path.s + f->path_len,
                                               s->path.len - f->path_len);
                look_up(s);
                unsigned save_l = s->line, save_c = s->col;
                s->line = kl;
                s->col = kc;
                mark(s, 1);
                s->line = save_l;
                s->col = save_c;
                skip_ws(s);
                if (s->pos < s->len && s->t[s->pos] == ':')
                    advance(s);
            }
            break;
        }
    }
done:
    free(stack);
    return rc;
}

/* Marks the pointer and all its proper prefixes ("", "/a", "/a/b") BELOW. The pointer
 * itself is in the map already (a query's). */
static int add_prefixes(paths *p, const char *pointer)
{
    size_t len = strlen(pointer);
    for (size_t i = 0; i <= len; i++) {
        if (i < len && pointer[i] != '/')
            continue;
        char small[256], *key = small;
        if (i >= sizeof small && !(key = malloc(i + 1)))
            return -1;
        memcpy(key, pointer, i);
        key[i] = '\0';
        uint32_t *v = oap_strmap_value(&p->map, key);
        if (v) {
            /* Most queries share their prefixes: a copy only for a new one. */
            *v |= BELOW;
            if (key != small)
                free(key);
            continue;
        }
        if (key == small && !(key = malloc(i + 1)))
            return -1;
        memcpy(key, pointer, i);
        key[i] = '\0';
        if (OAP_ARRAY_RESERVE(p->owned, p->cap, p->nowned + 1) < 0 ||
            oap_strmap_put(&p->map, key, BELOW | NO_QUERY, NULL) < 0) {
            free(key);
            return -1;
        }
        p->owned[p->nowned++] = key;
    }
    return 0;
}

int oap_srcmap_locate(const char *text, size_t len, oap_srcmap_query *queries, size_t n)
{
    scanner s = {.t = text,
                 .len = len,
                 .line = 1,
                 .col = 1,
                 .q = queries,
                 .nq = n,
                 .paths = {.map = OAP_STRMAP_INIT}};
    int rc = 0;
    if (n >= NO_QUERY)
        return OAP_ENOMEM; /* the map's values hold a query's index in 31 bits */
    s.next = malloc((n ? n : 1) * sizeof *s.next);
    if (!s.next)
        return OAP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        queries[i].line = queries[i].col = 0;
        s.next[i] = SIZE_MAX;
        uint32_t head;
        int put = oap_strmap_put(&s.paths.map, queries[i].pointer, (uint32_t)i, &head);
        if (put == 0) {
            /* Another query at the same pointer: into the list after the first. */
            head &= ~BELOW;
            s.next[i] = s.next[head];
            s.next[head] = i;
        }
        if (put < 0) {
            rc = OAP_ENOMEM;
            goto done;
        }
    }
    /* Then the prefixes, once every query's own pointer holds its first query. */
    for (size_t i = 0; i < n; i++)
        if (add_prefixes(&s.paths, queries[i].pointer) < 0) {
            rc = OAP_ENOMEM;
            goto done;
        }
    if (n == 0)
        goto done;
    /* The path is a string from the start: the scan compares it before any key. */
    oap_strbuf_putn(&s.path, "", 0);
    if (s.path.oom) {
        rc = OAP_ENOMEM;
        goto done;
    }
    rc = scan(&s);
done:
    free(s.next);
    paths_free(&s.paths);
    oap_strbuf_free(&s.path);
    return rc;
}

void oap_srcmap_offset(const char *text, size_t len, size_t offset, unsigned *line, unsigned *col)
{
    scanner s = {.t = text, .len = offset < len ? offset : len, .line = 1, .col = 1};
    while (s.pos < s.len)
        advance(&s);
    *line = s.line;
    *col = s.col;
}
