/* import_council: the front matter of an OAP as the Council document writes it. */
#include "import_council.h"

#include "import_text.h"

#include "oapgraph/common.h"
#include "core/ascii.h"
#include "core/actors.h"
#include "core/array.h"
#include "core/strbuf.h"
#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The front matter is prose. Only what a plan file has a place for is read from it: the
 * document number, the classification, the priority with its title and aim (cover note
 * and section 1), the year, the cycle, the driver, project support (section 4.2), the
 * inter-dependencies (section 2) and the strategic goals (section 5.1). The rest of the
 * prose and the footnotes on it have no place in a plan file and are left out by design. */

typedef struct para {
    char *text;
    unsigned line;
    int footnote; /* starts with a superscript number */
} para;

typedef struct reader {
    para *items;
    size_t n, cap;
    int oom;
    void (*report)(void *ctx, unsigned line, oap_import_level level, const char *message);
    void *ctx;
    size_t overlaps_cap, goals_cap;
} reader;

/* Case-insensitive search for an ASCII needle; the position or NULL. */
static const char *find_ci(const char *hay, const char *needle)
{
    size_t nl = strlen(needle);
    for (const char *p = hay; *p; p++) {
        size_t k = 0;
        while (k < nl && p[k] &&
               oap_ascii_lower((unsigned char)p[k]) == oap_ascii_lower((unsigned char)needle[k]))
            k++;
        if (k == nl)
            return p;
    }
    return NULL;
}

static int starts_ci(const char *s, const char *prefix)
{
    size_t k = 0;
    for (; prefix[k]; k++)
        if (oap_ascii_lower((unsigned char)s[k]) != oap_ascii_lower((unsigned char)prefix[k]))
            return 0;
    return 1;
}

static size_t superscript_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == 0xC2 && (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3))
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x81 && (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9)))
        return 3;
    return 0;
}

/* A paragraph's text: '*' markup and superscript footnote markers removed, blanks
 * collapsed, trimmed. */
static void add_cleaned(oap_strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k;
        if (s[i] == '*') {
            i++;
            continue;
        }
        if ((k = superscript_len(s + i)) > 0 && i + k <= n) {
            i += k;
            continue;
        }
        int blank = s[i] == ' ' || s[i] == '\t' || s[i] == '\r';
        int nbsp = (unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0;
        if (blank || nbsp) {
            if (b->len > 0 && b->s[b->len - 1] != ' ')
                oap_strbuf_putc(b, ' ');
            i += nbsp ? 2 : 1;
            continue;
        }
        oap_strbuf_putc(b, s[i]);
        i++;
    }
}

/* The paragraph in b (trailing blanks dropped) becomes the next item; b is left empty. */
static void finish_para(reader *r, oap_strbuf *b, unsigned line, int footnote)
{
    size_t n = b->len;
    while (n > 0 && b->s[n - 1] == ' ')
        n--;
    oap_strbuf_truncate(b, n);
    if (b->len == 0 && !b->oom)
        return;
    char *text = oap_strbuf_take(b);
    if (!text) {
        r->oom = 1;
        return;
    }
    if (OAP_ARRAY_RESERVE(r->items, r->cap, r->n + 1) < 0) {
        free(text);
        r->oom = 1;
        return;
    }
    r->items[r->n++] = (para){text, line, footnote};
}

/* Paragraphs: runs of non-blank lines; a bullet or a footnote line starts a new one. */
static void split_paras(reader *r, const char *text, size_t len, unsigned first_line)
{
    oap_strbuf b = OAP_STRBUF_INIT;
    unsigned line = first_line, start = 0;
    int footnote = 0;
    size_t i = 0;
    while (i < len && !r->oom) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        size_t s = i;
        while (s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r'))
            s++;
        int blank = s == e;
        int bullet =
            !blank && e - s >= 2 && (text[s] == '-' || text[s] == '*') && text[s + 1] == ' ';
        bullet = bullet || (!blank && e - s >= 4 && memcmp(text + s, "\xE2\x80\xA2 ", 4) == 0);
        int fn = !blank && superscript_len(text + s) > 0;
        if (blank || bullet || fn) {
            if (b.len > 0 || b.oom)
                finish_para(r, &b, start, footnote);
        }
        if (!blank) {
            if (b.len == 0) {
                start = line;
                footnote = fn;
                if (bullet) {
                    /* Keep the bullet as "- " so readers can tell it. */
                    oap_strbuf_putn(&b, "- ", 2);
                    s += text[s] == '-' || text[s] == '*' ? 2 : 4;
                }
            } else if (b.s[b.len - 1] != ' ') {
                oap_strbuf_putc(&b, ' ');
            }
            add_cleaned(&b, text + s, e - s);
        }
        i = e + 1;
        line++;
    }
    if (b.len > 0 || b.oom)
        finish_para(r, &b, start, footnote);
    oap_strbuf_free(&b);
}

static char *dup_n(reader *r, const char *s, size_t n)
{
    while (n > 0 && (*s == ' '))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' '))
        n--;
    char *d = malloc(n + 1);
    if (!d) {
        r->oom = 1;
        return NULL;
    }
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* A section heading such as "2. Inter-dependencies" or "5.1 Strategic goals addressed in
 * the OAP": its number's length, or 0. */
static size_t heading_number(const char *p)
{
    size_t i = 0;
    for (;;) {
        size_t d = 0;
        while (oap_ascii_is_digit((unsigned char)p[i + d]))
            d++;
        if (d == 0 || d > 2)
            return 0;
        i += d;
        if (p[i] == '.' && oap_ascii_is_digit((unsigned char)p[i + 1])) {
            i++;
            continue;
        }
        break;
    }
    size_t num = i;
    if (p[i] == '.')
        i++;
    if (p[i] != ' ' || !oap_ascii_is_upper((unsigned char)p[i + 1]))
        return 0;
    size_t len = strlen(p);
    if (len > 100 || p[len - 1] == '.' || p[len - 1] == ':')
        return 0;
    return num;
}

/* The quoted text at or after p: straight or typographic quotes. */
static int quoted_after(const char *p, const char **start, size_t *len)
{
    static const char *const opens[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9E", "\xC2\xAB", NULL};
    static const char *const closes[] = {"\"", "\xE2\x80\x9D", "\xE2\x80\x9C", "\xC2\xBB", NULL};
    for (; *p; p++) {
        for (size_t k = 0; opens[k]; k++) {
            size_t ol = strlen(opens[k]);
            if (strncmp(p, opens[k], ol) != 0)
                continue;
            const char *q = p + ol;
            for (const char *e = q; *e; e++)
                for (size_t c = 0; closes[c]; c++)
                    if (strncmp(e, closes[c], strlen(closes[c])) == 0 && e > q) {
                        *start = q;
                        *len = (size_t)(e - q);
                        return 1;
                    }
            return 0;
        }
    }
    return 0;
}

/* After "priority X:" in p: the code in *code (at most 15 bytes), the rest in *rest. */
static int priority_colon(const char *p, char code[16], const char **rest)
{
    for (const char *q = p; (q = find_ci(q, "priority ")) != NULL; q++) {
        const char *c = q + 9;
        size_t n = 0;
        while (
            (oap_ascii_is_alpha((unsigned char)c[n]) || oap_ascii_is_digit((unsigned char)c[n])) &&
            n < 15)
            n++;
        if (n == 0 || n > 3 || c[n] != ':')
            continue;
        memcpy(code, c, n);
        code[n] = '\0';
        *rest = c + n + 1;
        return 1;
    }
    return 0;
}

/* "17793/2/11 REV 2": digits, slashes, a two-digit year, then REV/COR/ADD parts. */
static int is_document_number(const char *p)
{
    size_t i = 0, groups = 0;
    for (;;) {
        size_t d = 0;
        while (oap_ascii_is_digit((unsigned char)p[i + d]))
            d++;
        if (d == 0 || d > 6)
            return 0;
        i += d;
        groups++;
        if (p[i] != '/')
            break;
        i++;
    }
    if (groups < 2)
        return 0;
    while (p[i] == ' ') {
        i++;
        if (!(starts_ci(p + i, "REV") || starts_ci(p + i, "COR") || starts_ci(p + i, "ADD")))
            return 0;
        i += 3;
        if (p[i] == ' ')
            i++;
        if (!oap_ascii_is_digit((unsigned char)p[i]))
            return 0;
        while (oap_ascii_is_digit((unsigned char)p[i]))
            i++;
    }
    return p[i] == '\0';
}

/* An actor named by text (a code, alias or name): its code, or the text when unknown. */
static char *actor_code(reader *r, const char *s, size_t n)
{
    char *d = dup_n(r, s, n);
    if (!d)
        return NULL;
    size_t len = strlen(d);
    while (len > 0 && (d[len - 1] == '.' || d[len - 1] == ','))
        d[--len] = '\0';
    const oap_actor_info *a = oap_actors_find(d);
    if (a) {
        free(d);
        return dup_n(r, a->code, strlen(a->code));
    }
    return d;
}

static void read_driver(reader *r, oap_import__front *f, const char *p)
{
    const char *a = find_ci(p, "responsibility of ");
    const char *b = a ? find_ci(a, " as the driver") : NULL;
    if (a && b && b > a + 18 && b - a < 80) {
        f->driver = actor_code(r, a + 18, (size_t)(b - (a + 18)));
        return;
    }
    a = find_ci(p, "the management to ");
    if (a) {
        a += 18;
        size_t n = 0;
        while (a[n] && a[n] != ',' && a[n] != '.' && !starts_ci(a + n, " which") &&
               !starts_ci(a + n, " who") && n < 80)
            n++;
        /* Cut at the 80th byte, never inside a character (the plan must stay UTF-8). */
        n = oap_utf8_cut(a, n);
        if (n > 0)
            f->driver = actor_code(r, a, n);
    }
}

typedef struct collect {
    char **items;
    size_t n, cap;
    int clean; /* only known actors, nothing dropped */
    int oom;
} collect;

/* Whether text (len bytes) is an actor the registry knows. */
static int known_actor(const char *text, size_t len)
{
    char name[160];
    if (len >= sizeof name)
        return 0;
    memcpy(name, text, len);
    name[len] = '\0';
    return oap_actors_find(name) != NULL;
}

static int collect_actor(void *ctx, const char *text, size_t len, int helper)
{
    collect *c = ctx;
    (void)helper;
    if (!known_actor(text, len))
        c->clean = 0;
    if (OAP_ARRAY_RESERVE(c->items, c->cap, c->n + 1) < 0) {
        c->oom = 1;
        return OAP_ENOMEM;
    }
    char *d = malloc(len + 1);
    if (!d) {
        c->oom = 1;
        return OAP_ENOMEM;
    }
    memcpy(d, text, len);
    d[len] = '\0';
    c->items[c->n++] = d;
    return 0;
}

static int collect_dropped(void *ctx, const char *text, size_t len, const char *after)
{
    collect *c = ctx;
    (void)text, (void)len, (void)after;
    c->clean = 0;
    return 0;
}

static void collect_free(collect *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->items[i]);
    free(c->items);
    memset(c, 0, sizeof *c);
}

/* "In order to ..., Europol, Frontex, Eurojust and Cefpol shall provide the project
 * support": the actors listed just before the verb, walking back over ","-separated items
 * while each names only known actors. */
static void read_support(reader *r, oap_import__front *f, const char *p)
{
    const char *verb = NULL;
    static const char *const verbs[] = {" shall provide", " will provide", " provide", NULL};
    for (size_t k = 0; verbs[k] && !verb; k++)
        verb = find_ci(p, verbs[k]);
    if (!verb || !find_ci(verb, "project support"))
        return;
    /* The sentence up to the verb. */
    const char *start = verb;
    while (start > p && start[-1] != '.')
        start--;
    collect all = {0};
    const char *end = verb;
    while (end > start) {
        const char *comma = end;
        while (comma > start && comma[-1] != ',')
            comma--;
        size_t n = (size_t)(end - comma);
        char *piece = dup_n(r, comma, n);
        if (!piece)
            break;
        collect one = {0};
        one.clean = 1;
        oap_import__actor_cb cb = {collect_actor, collect_dropped, &one};
        int rc = oap_import__split_actors(piece, 0, &cb);
        free(piece);
        if (rc || one.oom) {
            r->oom = one.oom || rc == OAP_ENOMEM;
            collect_free(&one);
            break;
        }
        if (!one.clean || one.n == 0) {
            collect_free(&one);
            break;
        }
        /* Pieces are read from the end: append each piece's actors reversed, and turn the
         * whole list round at the end. */
        if (OAP_ARRAY_RESERVE(all.items, all.cap, all.n + one.n) < 0) {
            r->oom = 1;
            collect_free(&one);
            break;
        }
        for (size_t k = one.n; k-- > 0;)
            all.items[all.n++] = one.items[k];
        free(one.items);
        end = comma > start ? comma - 1 : start;
    }
    for (size_t k = 0; k < all.n / 2; k++) {
        char *t = all.items[k];
        all.items[k] = all.items[all.n - 1 - k];
        all.items[all.n - 1 - k] = t;
    }
    f->support = all.items;
    f->nsupport = all.n;
}

/* "period 2012-13", "period 2012-2013" (hyphen or en dash) -> "2012-2013". */
static void read_cycle(reader *r, oap_import__front *f, const char *p)
{
    for (const char *q = p; (q = find_ci(q, "period ")) != NULL; q++) {
        const char *y = q + 7;
        if (!(oap_ascii_is_digit((unsigned char)y[0]) && oap_ascii_is_digit((unsigned char)y[1]) &&
              oap_ascii_is_digit((unsigned char)y[2]) && oap_ascii_is_digit((unsigned char)y[3])))
            continue;
        size_t dash = y[4] == '-' ? 1 : strncmp(y + 4, "\xE2\x80\x93", 3) == 0 ? 3 : 0;
        if (!dash)
            continue;
        const char *z = y + 4 + dash;
        size_t d = 0;
        while (oap_ascii_is_digit((unsigned char)z[d]))
            d++;
        if (d != 2 && d != 4)
            continue;
        int from = atoi(y), to = d == 2 ? from / 100 * 100 + atoi(z) : atoi(z);
        if (d == 2 && to < from)
            to += 100;
        char buf[32];
        snprintf(buf, sizeof buf, "%04d-%04d", from % 10000, to % 10000);
        f->cycle = dup_n(r, buf, strlen(buf));
        return;
    }
}

static int read_year(const char *p)
{
    const char *q = find_ci(p, "operational action plan ");
    if (!q)
        return 0;
    q += 24;
    if (starts_ci(q, "for "))
        q += 4;
    if (oap_ascii_is_digit((unsigned char)q[0]) && oap_ascii_is_digit((unsigned char)q[1]) &&
        oap_ascii_is_digit((unsigned char)q[2]) && oap_ascii_is_digit((unsigned char)q[3]) &&
        !oap_ascii_is_digit((unsigned char)q[4]))
        return atoi(q);
    return 0;
}

static void add_overlap(reader *r, oap_import__front *f, const para *p)
{
    const char *text = p->text + 2; /* after "- " */
    const char *q = find_ci(text, "priority ");
    char code[16];
    size_t n = 0;
    if (q) {
        q += 9;
        while (
            (oap_ascii_is_alpha((unsigned char)q[n]) || oap_ascii_is_digit((unsigned char)q[n])) &&
            n < 15)
            n++;
    }
    if (!q || n == 0 || n > 3) {
        char msg[200], quoted[80];
        oap_import__quote(quoted, text, strlen(text));
        snprintf(msg, sizeof msg,
                 "cannot tell which priority this inter-dependency names (expected \"Priority "
                 "X\"): \"%s\"; not imported",
                 quoted);
        r->report(r->ctx, p->line, OAP_IMPORT_WARNING, msg);
        return;
    }
    memcpy(code, q, n);
    code[n] = '\0';
    if (OAP_ARRAY_RESERVE(f->overlaps, r->overlaps_cap, f->noverlaps + 1) < 0) {
        r->oom = 1;
        return;
    }
    char *pri = dup_n(r, code, n), *note = dup_n(r, text, strlen(text));
    if (!pri || !note) {
        free(pri);
        free(note);
        return;
    }
    f->overlaps[f->noverlaps].priority = pri;
    f->overlaps[f->noverlaps].note = note;
    f->overlaps[f->noverlaps].line = p->line;
    f->noverlaps++;
}

static void add_goal(reader *r, oap_import__front *f, unsigned number, unsigned line,
                     const char *title)
{
    if (OAP_ARRAY_RESERVE(f->goals, r->goals_cap, f->ngoals + 1) < 0) {
        r->oom = 1;
        return;
    }
    char *t = dup_n(r, title, strlen(title));
    if (!t)
        return;
    f->goals[f->ngoals].number = number;
    f->goals[f->ngoals].line = line;
    f->goals[f->ngoals].title = t;
    f->ngoals++;
}

/* "Goal 1:" (the text in the next paragraph) or "Goal 1: text". */
static void read_goal(reader *r, oap_import__front *f, size_t *i)
{
    const para *p = &r->items[*i];
    const char *s = p->text;
    size_t k = starts_ci(s, "strategic goal ") ? 15 : 5;
    unsigned number = 0;
    size_t d = 0;
    while (oap_ascii_is_digit((unsigned char)s[k + d]) && d < 4)
        number = number * 10 + (unsigned)(s[k + d++] - '0');
    const char *rest = s + k + d;
    while (*rest == ' ')
        rest++;
    if (*rest == ':' || *rest == '.' || *rest == '-')
        rest++;
    while (*rest == ' ')
        rest++;
    if (*rest) {
        add_goal(r, f, number, p->line, rest);
        return;
    }
    if (*i + 1 < r->n && !r->items[*i + 1].footnote && !heading_number(r->items[*i + 1].text)) {
        (*i)++;
        add_goal(r, f, number, r->items[*i].line, r->items[*i].text);
        return;
    }
    char msg[120];
    snprintf(msg, sizeof msg, "goal %u of the strategic goals section has no text; not imported",
             number);
    r->report(r->ctx, p->line, OAP_IMPORT_WARNING, msg);
}

static int is_goal_para(const char *s)
{
    size_t k;
    if (starts_ci(s, "goal "))
        k = 5;
    else if (starts_ci(s, "strategic goal "))
        k = 15;
    else
        return 0;
    if (!oap_ascii_is_digit((unsigned char)s[k]))
        return 0;
    while (oap_ascii_is_digit((unsigned char)s[k]))
        k++;
    while (s[k] == ' ')
        k++;
    return s[k] == ':' || s[k] == '.' || s[k] == '\0' || s[k] == '-';
}

int oap_import__read_front(oap_import__front *f, const char *text, size_t len, unsigned first_line,
                           void (*report)(void *ctx, unsigned line, oap_import_level level,
                                          const char *message),
                           void *ctx)
{
    reader r = {0};
    r.report = report;
    r.ctx = ctx;
    memset(f, 0, sizeof *f);
    split_paras(&r, text, len, first_line);

    enum { OTHER, AIM, DEPENDENCIES, GOALS } section = OTHER;
    for (size_t i = 0; i < r.n && !r.oom; i++) {
        const para *p = &r.items[i];
        const char *s = p->text;
        char code[16];
        const char *rest, *q;
        size_t qlen, hn;
        if (p->footnote)
            continue;
        if ((hn = heading_number(s)) > 0) {
            const char *name = s + hn + (s[hn] == '.' ? 2 : 1);
            section = find_ci(name, "inter-dependenc") || find_ci(name, "interdependenc")
                          ? DEPENDENCIES
                      : find_ci(name, "strategic goal") ? GOALS
                      : starts_ci(name, "aim")          ? AIM
                                                        : OTHER;
            continue;
        }
        if (!f->document && is_document_number(s))
            f->document = dup_n(&r, s, strlen(s));
        if (!f->classification && (q = oap_import__marking(s, strlen(s))) != NULL)
            f->classification = dup_n(&r, q, strlen(q));
        if (!f->year)
            f->year = read_year(s);
        if (!f->cycle)
            read_cycle(&r, f, s);
        if (!f->driver)
            read_driver(&r, f, s);
        if (!f->support && find_ci(s, "project support"))
            read_support(&r, f, s);
        if (starts_ci(s, "subject:")) {
            if (!f->priority && priority_colon(s, code, &rest)) {
                f->priority = dup_n(&r, code, strlen(code));
                if (!f->title && quoted_after(rest, &q, &qlen)) {
                    f->title = dup_n(&r, q, qlen);
                    if (f->title && f->title[0] >= 'a' && f->title[0] <= 'z')
                        f->title[0] = (char)(f->title[0] - 'a' + 'A');
                }
            }
            continue;
        }
        if (!f->aim && priority_colon(s, code, &rest) && quoted_after(rest, &q, &qlen) &&
            (!f->priority || strcmp(code, f->priority) == 0))
            f->aim = dup_n(&r, q, qlen);
        if (!f->title && (q = find_ci(s, "priority crime area ")) != NULL &&
            priority_colon(q, code, &rest)) {
            while (*rest == ' ')
                rest++;
            f->title = dup_n(&r, rest, strlen(rest));
            if (!f->priority)
                f->priority = dup_n(&r, code, strlen(code));
        }
        if (section == AIM && !f->aim && quoted_after(s, &q, &qlen) && q - s <= 3)
            f->aim = dup_n(&r, q, qlen);
        if (section == DEPENDENCIES && s[0] == '-' && s[1] == ' ')
            add_overlap(&r, f, p);
        if (section == GOALS && is_goal_para(s))
            read_goal(&r, f, &i);
    }
    /* The aim as the document quotes it, without a final full stop inside the quotes. */
    if (f->aim) {
        size_t n = strlen(f->aim);
        while (n > 0 && (f->aim[n - 1] == '.' || f->aim[n - 1] == ' '))
            f->aim[--n] = '\0';
    }
    for (size_t i = 0; i < r.n; i++)
        free(r.items[i].text);
    free(r.items);
    return r.oom ? OAP_ENOMEM : 0;
}

void oap_import__front_free(oap_import__front *f)
{
    free(f->document);
    free(f->classification);
    free(f->priority);
    free(f->title);
    free(f->aim);
    free(f->driver);
    free(f->cycle);
    for (size_t i = 0; i < f->nsupport; i++)
        free(f->support[i]);
    free(f->support);
    for (size_t i = 0; i < f->noverlaps; i++) {
        free(f->overlaps[i].priority);
        free(f->overlaps[i].note);
    }
    free(f->overlaps);
    for (size_t i = 0; i < f->ngoals; i++)
        free(f->goals[i].title);
    free(f->goals);
    memset(f, 0, sizeof *f);
}
