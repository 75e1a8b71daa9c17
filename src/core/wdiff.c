/* wdiff: what changed between two texts, word by word. */
#include "wdiff.h"

#include "array.h"
#include "text.h"
#include "oapgraph/common.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Whether the character at s (of n bytes left) separates words; sets *len to its bytes. */
static int is_space(const char *s, size_t n, size_t *len)
{
    uint32_t cp;
    oap_text_class cls;
    *len = oap_text_next(s, n, &cp, &cls);
    return cls == OAP_TEXT_LINE_BREAK || cls == OAP_TEXT_TAB || cp == ' ' || cp == '\v' ||
           cp == '\f' || cp == 0xA0;
}

size_t oap_wdiff_next_word(const char *s, size_t n, size_t *start)
{
    size_t at = 0, len;
    while (at < n && is_space(s + at, n - at, &len))
        at += len;
    *start = at;
    while (at < n && !is_space(s + at, n - at, &len))
        at += len;
    return at - *start;
}

typedef struct word {
    size_t start, len;
    uint64_t hash;
} word;

typedef struct words {
    word *items;
    size_t n, cap;
} words;

static int split(words *w, const char *s)
{
    size_t n = s ? strlen(s) : 0, at = 0, start, len;
    while ((len = oap_wdiff_next_word(s + at, n - at, &start)) > 0) {
        if (OAP_ARRAY_RESERVE(w->items, w->cap, w->n + 1) < 0)
            return OAP_ENOMEM;
        uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a: most unequal words differ here */
        for (size_t i = 0; i < len; i++)
            h = (h ^ (unsigned char)s[at + start + i]) * 0x100000001b3ULL;
        w->items[w->n++] = (word){at + start, len, h};
        at += start + len;
    }
    return 0;
}

/* The work of one comparison: both texts as words, what is marked deleted or inserted,
 * and the budget left. */
typedef struct state {
    const char *a_text, *b_text;
    words a, b;
    unsigned char *a_del, *b_ins;
    long *vf, *vb; /* furthest x per diagonal, forward and backward, offset by vmid */
    long vmid;
    size_t work;
    int capped;
} state;

static int same(state *st, size_t i, size_t j)
{
    const word *x = &st->a.items[i], *y = &st->b.items[j];
    st->work++;
    return x->hash == y->hash && x->len == y->len &&
           memcmp(st->a_text + x->start, st->b_text + y->start, x->len) == 0;
}

/* A part of both texts still to compare: words [a0, a1) of the old, [b0, b1) of the new. */
typedef struct region {
    size_t a0, a1, b0, b1;
} region;

/* Myers' middle snake of a region whose first and last words differ on both sides (so
 * that its distance is at least 2): the snake (x1, y1)-(x2, y2), relative to the
 * region's start, that an optimal path crosses at its middle. Returns 0, or -1 when the
 * work budget runs out first. */
static int middle_snake(state *st, const region *r, long *x1, long *y1, long *x2, long *y2)
{
    long n = (long)(r->a1 - r->a0), m = (long)(r->b1 - r->b0), delta = n - m;
    long *vf = st->vf + st->vmid, *vb = st->vb + st->vmid;
    int odd = (int)(delta & 1);
    vf[1] = 0;
    vb[1] = 0;
    for (long d = 0; d <= (n + m + 1) / 2; d++) {
        if (st->work > OAP_WDIFF_MAX_WORK)
            return -1;
        for (long k = -d; k <= d; k += 2) { /* forward, from the start */
            long x = k == -d || (k != d && vf[k - 1] < vf[k + 1]) ? vf[k + 1] : vf[k - 1] + 1;
            long y = x - k, xs = x, ys = y;
            while (x < n && y < m && same(st, r->a0 + (size_t)x, r->b0 + (size_t)y))
                x++, y++;
            vf[k] = x;
            /* Backward diagonal delta - k was reached at step d - 1. */
            if (odd && k >= delta - (d - 1) && k <= delta + (d - 1) && x + vb[delta - k] >= n) {
                *x1 = xs, *y1 = ys, *x2 = x, *y2 = y;
                return 0;
            }
        }
        for (long k = -d; k <= d; k += 2) { /* backward, from the end, in reversed texts */
            long x = k == -d || (k != d && vb[k - 1] < vb[k + 1]) ? vb[k + 1] : vb[k - 1] + 1;
            long y = x - k, xs = x, ys = y;
            while (x < n && y < m &&
                   same(st, r->a0 + (size_t)(n - 1 - x), r->b0 + (size_t)(m - 1 - y)))
                x++, y++;
            vb[k] = x;
            /* Forward diagonal delta - k was reached at this step. */
            if (!odd && delta - k >= -d && delta - k <= d && x + vf[delta - k] >= n) {
                *x1 = n - x, *y1 = m - y, *x2 = n - xs, *y2 = m - ys;
                return 0;
            }
        }
    }
    return -1; /* not reached: the paths meet by step (n + m + 1) / 2 */
}

static void mark_all(state *st, const region *r)
{
    memset(st->a_del + r->a0, 1, r->a1 - r->a0);
    memset(st->b_ins + r->b0, 1, r->b1 - r->b0);
}

/* Marks what is deleted and inserted: regions are taken from a stack, their common start
 * and end dropped, and each split at its middle snake into two smaller ones. */
static int compare(state *st)
{
    region *stack = NULL;
    size_t depth = 0, cap = 0;
    int rc = 0;
    if (OAP_ARRAY_RESERVE(stack, cap, 1) < 0)
        return OAP_ENOMEM;
    stack[depth++] = (region){0, st->a.n, 0, st->b.n};
    while (depth > 0) {
        region r = stack[--depth];
        while (r.a0 < r.a1 && r.b0 < r.b1 && same(st, r.a0, r.b0))
            r.a0++, r.b0++;
        while (r.a0 < r.a1 && r.b0 < r.b1 && same(st, r.a1 - 1, r.b1 - 1))
            r.a1--, r.b1--;
        if (r.a0 == r.a1 || r.b0 == r.b1) {
            mark_all(st, &r);
            continue;
        }
        long x1, y1, x2, y2;
        if (middle_snake(st, &r, &x1, &y1, &x2, &y2) < 0) {
            st->capped = 1;
            mark_all(st, &r);
            continue;
        }
        /* Each half is smaller than the region (its distance is at least 2); should that
         * ever not hold, the region is given whole rather than split for ever. */
        size_t n = r.a1 - r.a0, m = r.b1 - r.b0;
        if ((x1 == 0 && y1 == 0 && x2 == 0 && y2 == 0) || ((size_t)x1 == n && (size_t)y1 == m)) {
            mark_all(st, &r);
            continue;
        }
        if (OAP_ARRAY_RESERVE(stack, cap, depth + 2) < 0) {
            rc = OAP_ENOMEM;
            break;
        }
        stack[depth++] = (region){r.a0, r.a0 + (size_t)x1, r.b0, r.b0 + (size_t)y1};
        stack[depth++] = (region){r.a0 + (size_t)x2, r.a1, r.b0 + (size_t)y2, r.b1};
    }
    free(stack);
    return rc;
}

/* Appends word w of kind op, joining it to the last run when that is of its kind. */
static int put(oap_wdiff *d, oap_wdiff_op op, const word *w)
{
    if (d->n > 0 && d->runs[d->n - 1].op == op) {
        oap_wdiff_run *last = &d->runs[d->n - 1];
        last->len = w->start + w->len - last->start;
        last->words++;
        return 0;
    }
    if (OAP_ARRAY_RESERVE(d->runs, d->cap, d->n + 1) < 0)
        return OAP_ENOMEM;
    d->runs[d->n++] = (oap_wdiff_run){op, w->start, w->len, 1};
    return 0;
}

/* The runs from the marks, in reading order: between two SAME words, what the old text
 * lost, then what the new one gained. */
static int runs(oap_wdiff *d, const state *st)
{
    size_t i = 0, j = 0;
    while (i < st->a.n || j < st->b.n) {
        if (i < st->a.n && j < st->b.n && !st->a_del[i] && !st->b_ins[j]) {
            if (put(d, OAP_WDIFF_SAME, &st->b.items[j]) < 0)
                return OAP_ENOMEM;
            i++, j++;
            continue;
        }
        size_t before = i + j;
        for (; i < st->a.n && st->a_del[i]; i++)
            if (put(d, OAP_WDIFF_DELETED, &st->a.items[i]) < 0)
                return OAP_ENOMEM;
        for (; j < st->b.n && st->b_ins[j]; j++)
            if (put(d, OAP_WDIFF_INSERTED, &st->b.items[j]) < 0)
                return OAP_ENOMEM;
        /* The words left unmarked pair up in order, so one side cannot run out first;
         * should it, the rest of the other is a change rather than a loop. */
        if (i + j == before && (i == st->a.n || j == st->b.n)) {
            if (i < st->a.n && put(d, OAP_WDIFF_DELETED, &st->a.items[i++]) < 0)
                return OAP_ENOMEM;
            if (j < st->b.n && put(d, OAP_WDIFF_INSERTED, &st->b.items[j++]) < 0)
                return OAP_ENOMEM;
        }
    }
    return 0;
}

int oap_wdiff_compute(oap_wdiff *d, const char *old_text, const char *new_text)
{
    state st = {.a_text = old_text, .b_text = new_text};
    int rc = OAP_ENOMEM;
    d->n = 0;
    d->capped = 0;
    if (split(&st.a, old_text) < 0 || split(&st.b, new_text) < 0)
        goto done;
    /* Diagonals run from -(d + 1) to d + 1 for d up to half the distance. */
    size_t half = (st.a.n + st.b.n + 1) / 2 + 2;
    st.vmid = (long)half;
    st.vf = malloc((2 * half + 1) * sizeof *st.vf);
    st.vb = malloc((2 * half + 1) * sizeof *st.vb);
    st.a_del = calloc(st.a.n + 1, 1);
    st.b_ins = calloc(st.b.n + 1, 1);
    if (!st.vf || !st.vb || !st.a_del || !st.b_ins)
        goto done;
    if ((rc = compare(&st)) == 0)
        rc = runs(d, &st);
    d->capped = st.capped;
done:
    free(st.a.items);
    free(st.b.items);
    free(st.vf);
    free(st.vb);
    free(st.a_del);
    free(st.b_ins);
    return rc;
}

void oap_wdiff_free(oap_wdiff *d)
{
    free(d->runs);
    *d = (oap_wdiff)OAP_WDIFF_INIT;
}

int oap_wdiff_changed(const oap_wdiff *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->runs[i].op != OAP_WDIFF_SAME)
            return 1;
    return 0;
}
