/* overlap: actions of one plan or of different plans that look like the same work.
 *
 * Candidates come from an inverted index of rare words, never from comparing every
 * action with every other: two actions are compared only when they share at least two
 * words that few actions use. A candidate is scored from its text (cosine of rarity-weighted word
 * counts), leaders, participants, goals' wording and overlapping months. The index and the
 * score are diff's too (checks/overlap.h): whether an action of one revision of a plan is
 * the same work as an action of another, whatever their numbers. */
#include "overlap.h"
#include "rules.h"

#include "core/actors.h"
#include "core/array.h"
#include "core/strmap.h"
#include "core/words.h"
#include "core/timing.h"
#include "oapgraph/common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Weights of the parts of the score, summing to 1, and the default threshold, chosen on
 * the 2012 fixtures (B, C and F; see fixtures/2012-BCF.README.md): the four planted
 * duplicates score 0.54 to 0.69, the planted look-alikes that share a leader and common
 * words at most 0.46. Text counts twice: as the cosine of rarity-weighted word counts,
 * which long descriptions dilute, and as the evidence of words that almost no other
 * action uses (COSPOL, VOIC, Vietnamese), which they do not. */
#define W_TEXT 0.35
#define W_RARE 0.30
#define W_LEADERS 0.15
#define W_PARTICIPANTS 0.05
#define W_GOAL 0.05
#define W_WINDOW 0.10
#define LINKED_MARGIN 0.10

/* Words in at most this many actions are "rare" and index candidates: the square root of
 * the number of actions (a word in a few of 40 actions says something; in a few hundred of
 * a million it still does), capped so that one word never makes more than a few hundred
 * pairs and the index stays linear in the number of actions. */
static uint32_t rare_limit(uint32_t n)
{
    uint32_t r = (uint32_t)sqrt((double)n);
    return r < 3 ? 3 : r > 32 ? 32 : r;
}

typedef struct term_list {
    uint32_t *start; /* per document + 1 */
    uint32_t *term;  /* sorted within a document */
    float *weight;   /* tf-idf, after weighting */
    double *norm;    /* per document */
    size_t n, cap;
} term_list;

struct oap_overlap_index {
    oap_arena words;   /* the term strings */
    oap_strmap ids;    /* word -> term id */
    const char **text; /* term id -> word */
    const char **said; /* term id -> the word as a plan first writes it, for messages */
    uint32_t *df;      /* term id -> documents (actions) using it */
    uint8_t *stop;     /* term id -> a stop word, tested once per distinct word */
    size_t nterms, cap;
    term_list actions, goals;
    uint32_t *scratch; /* one document's term ids before sorting */
    size_t nscratch, scratch_cap;
    int oom;
    /* The items: per graph, its first item; per item, its graph, node, months and goal. */
    const oap_graph *const *graphs;
    size_t ngraphs;
    uint32_t *graph_base; /* per graph + 1 */
    uint32_t n;
    uint32_t *act_node;  /* item -> node */
    uint32_t *act_graph; /* item -> graph */
    int *win_start, *win_end;
    uint32_t *goal_doc; /* item -> goal document, or OAP_NONE */
    uint32_t rare;      /* words in at most this many actions are rare */
};

typedef struct oap_overlap_index index;

static void add_word(void *ctx, const char *w, size_t len, const oap_words_written *at)
{
    index *ix = ctx;
    uint32_t id;
    if (ix->oom)
        return;
    if (!oap_strmap_get(&ix->ids, w, &id)) {
        if (ix->nterms == ix->cap) {
            /* Four arrays, one capacity: each grows to it, and it changes once all did. */
            size_t cap = oap_array_next_cap(ix->cap, ix->nterms + 1);
            const char **text = oap_array_resize(ix->text, cap, sizeof *text);
            const char **said = text ? oap_array_resize(ix->said, cap, sizeof *said) : NULL;
            uint32_t *df = said ? oap_array_resize(ix->df, cap, sizeof *df) : NULL;
            uint8_t *stop = df ? oap_array_resize(ix->stop, cap, sizeof *stop) : NULL;
            if (text)
                ix->text = text;
            if (said)
                ix->said = said;
            if (df)
                ix->df = df;
            if (stop)
                ix->stop = stop;
            if (!text || !said || !df || !stop) {
                ix->oom = 1;
                return;
            }
            ix->cap = cap;
        }
        const char *copy = oap_arena_strndup(&ix->words, w, len);
        id = (uint32_t)ix->nterms;
        if (!copy || oap_strmap_put(&ix->ids, copy, id, NULL) < 0) {
            ix->oom = 1;
            return;
        }
        ix->text[id] = copy;
        char form[4 * (OAP_WORDS_MAX + 8)];
        size_t wlen = oap_words_written_form(at, form, sizeof form);
        if (!(ix->said[id] = oap_arena_strndup(&ix->words, form, wlen))) {
            ix->oom = 1;
            return;
        }
        ix->df[id] = 0;
        ix->stop[id] = (uint8_t)oap_words_is_stop(w, len);
        ix->nterms++;
    }
    if (ix->stop[id])
        return;
    if (OAP_ARRAY_RESERVE(ix->scratch, ix->scratch_cap, ix->nscratch + 1) < 0) {
        ix->oom = 1;
        return;
    }
    ix->scratch[ix->nscratch++] = id;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Appends the scratch words as one document: sorted term ids with their counts. */
static int end_document(index *ix, term_list *tl, uint32_t doc, int count_df)
{
    uint32_t *w = ix->scratch;
    if (ix->nscratch > 64) {
        qsort(w, ix->nscratch, sizeof *w, cmp_u32);
    } else {
        /* A title or a description: a few dozen words, sorted fastest in place. */
        for (size_t i = 1; i < ix->nscratch; i++) {
            uint32_t v = w[i];
            size_t j = i;
            for (; j > 0 && w[j - 1] > v; j--)
                w[j] = w[j - 1];
            w[j] = v;
        }
    }
    if (tl->n + ix->nscratch > tl->cap) {
        size_t cap = oap_array_next_cap(tl->cap, tl->n + ix->nscratch);
        uint32_t *term = oap_array_resize(tl->term, cap, sizeof *term);
        float *weight = term ? oap_array_resize(tl->weight, cap, sizeof *weight) : NULL;
        if (term)
            tl->term = term;
        if (weight)
            tl->weight = weight;
        if (!term || !weight)
            return OAP_ENOMEM;
        tl->cap = cap;
    }
    tl->start[doc] = (uint32_t)tl->n;
    for (size_t i = 0; i < ix->nscratch; i++) {
        if (i > 0 && ix->scratch[i] == ix->scratch[i - 1]) {
            tl->weight[tl->n - 1] += 1;
            continue;
        }
        tl->term[tl->n] = ix->scratch[i];
        tl->weight[tl->n] = 1;
        tl->n++;
        if (count_df)
            ix->df[ix->scratch[i]]++;
    }
    tl->start[doc + 1] = (uint32_t)tl->n;
    ix->nscratch = 0;
    return 0;
}

/* tf-idf weights and norms, once document frequencies are known. */
static void weigh(const index *ix, term_list *tl, uint32_t ndocs, uint32_t nactions)
{
    for (uint32_t d = 0; d < ndocs; d++) {
        double norm = 0;
        for (uint32_t k = tl->start[d]; k < tl->start[d + 1]; k++) {
            uint32_t df = ix->df[tl->term[k]] ? ix->df[tl->term[k]] : 1;
            double w = (1.0 + log(tl->weight[k])) * log(1.0 + (double)nactions / df);
            tl->weight[k] = (float)w;
            norm += w * w;
        }
        tl->norm[d] = sqrt(norm);
    }
}

static double cosine(const term_list *a, uint32_t i, const term_list *b, uint32_t j)
{
    if (a->norm[i] == 0 || b->norm[j] == 0)
        return 0;
    double dot = 0;
    uint32_t x = a->start[i], y = b->start[j];
    while (x < a->start[i + 1] && y < b->start[j + 1]) {
        if (a->term[x] == b->term[y])
            dot += (double)a->weight[x++] * b->weight[y++];
        else if (a->term[x] < b->term[y])
            x++;
        else
            y++;
    }
    return dot / (a->norm[i] * b->norm[j]);
}

static int term_list_init(term_list *tl, uint32_t ndocs)
{
    tl->start = calloc((size_t)ndocs + 1, sizeof *tl->start);
    tl->norm = calloc((size_t)ndocs + 1, sizeof *tl->norm);
    return tl->start && tl->norm ? 0 : OAP_ENOMEM;
}

static void term_list_free(term_list *tl)
{
    free(tl->start);
    free(tl->term);
    free(tl->weight);
    free(tl->norm);
}

/* An actor as a canonical code, so "Cefpol" and "CEPOL" are one leader. */
static const char *canonical(const char *actor)
{
    const oap_actor_info *a = oap_actors_find(actor);
    return a ? a->code : actor;
}

/* An action's leaders, then its co-leaders that are not among them (co-leaders count as
 * leaders), at most 32 in all, into out; returns how many. */
static uint32_t lead_actors(const oap_action *x, const char **out)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < x->leaders.n && n < 32; i++)
        out[n++] = x->leaders.items[i];
    uint32_t nleaders = n;
    for (uint32_t i = 0; i < x->coleaders.n && n < 32; i++) {
        const char *c = canonical(x->coleaders.items[i]);
        uint32_t k = 0;
        while (k < nleaders && strcmp(c, canonical(out[k])) != 0)
            k++;
        if (k == nleaders)
            out[n++] = x->coleaders.items[i];
    }
    return n;
}

/* The first 32 items of a list, into out; returns how many. */
static uint32_t first_actors(const oap_strv *list, const char **out)
{
    uint32_t n = list->n < 32 ? list->n : 32;
    for (uint32_t i = 0; i < n; i++)
        out[i] = list->items[i];
    return n;
}

/* Jaccard similarity of two actor lists. */
static double actor_similarity(const char *const *a, uint32_t na, const char *const *b, uint32_t nb,
                               char *shared, size_t size)
{
    uint32_t common = 0;
    size_t used = 0;
    if (shared && size)
        shared[0] = '\0';
    for (uint32_t i = 0; i < na; i++) {
        const char *ca = canonical(a[i]);
        for (uint32_t j = 0; j < nb; j++)
            if (strcmp(ca, canonical(b[j])) == 0) {
                common++;
                if (shared && used + strlen(ca) + 3 < size)
                    used +=
                        (size_t)snprintf(shared + used, size - used, "%s%s", used ? ", " : "", ca);
                break;
            }
    }
    uint32_t total = na + nb - common;
    return total ? (double)common / total : 0;
}

void oap_overlap_index_free(oap_overlap_index *ix)
{
    if (!ix)
        return;
    free(ix->graph_base);
    free(ix->act_node);
    free(ix->act_graph);
    free(ix->win_start);
    free(ix->win_end);
    free(ix->goal_doc);
    term_list_free(&ix->actions);
    term_list_free(&ix->goals);
    free(ix->text);
    free(ix->said);
    free(ix->df);
    free(ix->stop);
    free(ix->scratch);
    oap_strmap_free(&ix->ids);
    oap_arena_free(&ix->words);
    free(ix);
}

int oap_overlap_index_build(oap_overlap_index **out, const oap_graph *const *graphs, size_t n)
{
    index *ix = calloc(1, sizeof *ix);
    uint32_t nact = 0, ngoals = 0, gd = 0, k = 0;
    uint32_t *goal_of = NULL;
    size_t most = 0;
    *out = NULL;
    if (!ix)
        return OAP_ENOMEM;
    ix->words = (oap_arena)OAP_ARENA_INIT;
    ix->graphs = graphs;
    ix->ngraphs = n;
    if (!(ix->graph_base = calloc(n + 1, sizeof *ix->graph_base)))
        goto fail;
    for (size_t q = 0; q < n; q++) {
        const oap_graph *g = graphs[q];
        ix->graph_base[q] = nact;
        for (uint32_t v = 0; v < g->nnodes; v++) {
            nact += g->nodes[v].kind == OAP_NODE_ACTION;
            ngoals += g->nodes[v].kind == OAP_NODE_GOAL;
        }
        most = g->nnodes > most ? g->nnodes : most;
    }
    ix->graph_base[n] = nact;
    ix->n = nact;
    ix->act_node = malloc(((size_t)nact + 1) * sizeof *ix->act_node);
    ix->act_graph = malloc(((size_t)nact + 1) * sizeof *ix->act_graph);
    ix->win_start = malloc(((size_t)nact + 1) * sizeof *ix->win_start);
    ix->win_end = malloc(((size_t)nact + 1) * sizeof *ix->win_end);
    ix->goal_doc = malloc(((size_t)nact + 1) * sizeof *ix->goal_doc);
    if (!ix->act_node || !ix->act_graph || !ix->win_start || !ix->win_end || !ix->goal_doc ||
        term_list_init(&ix->actions, nact) < 0 || term_list_init(&ix->goals, ngoals) < 0)
        goto fail;

    /* Goals' wording first (they do not count for rarity), then each action's text. */
    for (size_t q = 0; q < n && !ix->oom; q++) {
        const oap_graph *g = graphs[q];
        for (uint32_t v = 0; v < g->nnodes && !ix->oom; v++) {
            if (g->nodes[v].kind != OAP_NODE_GOAL)
                continue;
            oap_words_split_written(oap_graph_goal(g, v)->title, OAP_WORDS_KEEP_STOP, add_word, ix);
            if (end_document(ix, &ix->goals, gd++, 0) < 0)
                goto fail;
        }
    }
    /* The goal document of each goal node, one graph at a time. */
    if (!(goal_of = malloc((most + 1) * sizeof *goal_of)))
        goto fail;
    gd = 0;
    for (size_t q = 0; q < n && !ix->oom; q++) {
        const oap_graph *g = graphs[q];
        for (uint32_t v = 0; v < g->nnodes; v++)
            goal_of[v] = g->nodes[v].kind == OAP_NODE_GOAL ? gd++ : OAP_NONE;
        for (uint32_t v = 0; v < g->nnodes && !ix->oom; v++) {
            if (g->nodes[v].kind != OAP_NODE_ACTION)
                continue;
            const oap_action *a = oap_graph_action(g, v);
            oap_window w;
            ix->act_node[k] = v;
            ix->act_graph[k] = (uint32_t)q;
            ix->goal_doc[k] = g->nodes[v].owner != OAP_NONE ? goal_of[g->nodes[v].owner] : OAP_NONE;
            ix->win_start[k] = ix->win_end[k] = -1;
            if (oap_graph_window(g, v, &w)) {
                ix->win_start[k] = w.start;
                ix->win_end[k] = w.end;
            }
            oap_words_split_written(a->title, OAP_WORDS_KEEP_STOP, add_word, ix);
            if (a->description)
                oap_words_split_written(a->description, OAP_WORDS_KEEP_STOP, add_word, ix);
            if (end_document(ix, &ix->actions, k++, 1) < 0)
                goto fail;
        }
    }
    if (ix->oom)
        goto fail;
    free(goal_of);
    weigh(ix, &ix->actions, nact, nact);
    weigh(ix, &ix->goals, ngoals, nact);
    ix->rare = rare_limit(nact);
    *out = ix;
    return 0;
fail:
    free(goal_of);
    oap_overlap_index_free(ix);
    return OAP_ENOMEM;
}

uint32_t oap_overlap_count(const oap_overlap_index *ix)
{
    return ix->n;
}

void oap_overlap_item_node(const oap_overlap_index *ix, uint32_t i, size_t *graph, uint32_t *node)
{
    *graph = ix->act_graph[i];
    *node = ix->act_node[i];
}

uint32_t oap_overlap_item(const oap_overlap_index *ix, size_t graph, uint32_t node)
{
    /* A graph's items are its actions in node order: a binary search among them. */
    uint32_t lo = ix->graph_base[graph], hi = ix->graph_base[graph + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ix->act_node[mid] < node)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ix->graph_base[graph + 1] && ix->act_node[lo] == node ? lo : OAP_NONE;
}

void oap_overlap_score_pair(const oap_overlap_index *ix, uint32_t i, uint32_t j,
                            oap_overlap_score *out)
{
    const oap_action *x = oap_graph_action(ix->graphs[ix->act_graph[i]], ix->act_node[i]);
    const oap_action *y = oap_graph_action(ix->graphs[ix->act_graph[j]], ix->act_node[j]);
    double text = cosine(&ix->actions, i, &ix->actions, j);
    const char *xa[32], *ya[32];
    uint32_t nx = lead_actors(x, xa), ny = lead_actors(y, ya);
    double lead = actor_similarity(xa, nx, ya, ny, out->shared_leaders, sizeof out->shared_leaders);
    nx = first_actors(&x->participants, xa);
    ny = first_actors(&y->participants, ya);
    double part = actor_similarity(xa, nx, ya, ny, NULL, 0);
    double goal = ix->goal_doc[i] != OAP_NONE && ix->goal_doc[j] != OAP_NONE
                      ? cosine(&ix->goals, ix->goal_doc[i], &ix->goals, ix->goal_doc[j])
                      : 0;
    double window = 0;
    int overlap_start = 0, overlap_end = -1;
    if (ix->win_start[i] >= 0 && ix->win_start[j] >= 0) {
        overlap_start = ix->win_start[i] > ix->win_start[j] ? ix->win_start[i] : ix->win_start[j];
        overlap_end = ix->win_end[i] < ix->win_end[j] ? ix->win_end[i] : ix->win_end[j];
        int shorter = ix->win_end[i] - ix->win_start[i] < ix->win_end[j] - ix->win_start[j]
                          ? ix->win_end[i] - ix->win_start[i]
                          : ix->win_end[j] - ix->win_start[j];
        if (overlap_end >= overlap_start)
            window = (double)(overlap_end - overlap_start + 1) / (shorter + 1);
    }
    /* What drives the score: the shared words that weigh most. */
    const term_list *tl = &ix->actions;
    uint32_t best[5];
    float best_w[5];
    int nbest = 0;
    uint32_t nshared = 0;
    double evidence = 0;
    uint32_t u = tl->start[i], v = tl->start[j];
    while (u < tl->start[i + 1] && v < tl->start[j + 1]) {
        if (tl->term[u] < tl->term[v]) {
            u++;
        } else if (tl->term[u] > tl->term[v]) {
            v++;
        } else {
            float w = tl->weight[u] * tl->weight[v];
            int k;
            nshared++;
            uint32_t df = ix->df[tl->term[u]];
            if (df >= 2 && df <= ix->rare)
                evidence += 2.0 / df;
            if (nbest < 5) {
                k = nbest++;
            } else if (best_w[4] >= w) {
                u++, v++;
                continue;
            } else {
                k = 4;
            }
            for (; k > 0 && best_w[k - 1] < w; k--) {
                best[k] = best[k - 1];
                best_w[k] = best_w[k - 1];
            }
            best[k] = tl->term[u];
            best_w[k] = w;
            u++, v++;
        }
    }
    /* Rare-word evidence: a word only these two use counts 1, one in three actions 2/3,
     * and so on up to the rare limit; 1.5 of it is chance, 4 is certain. */
    double rare = (evidence - 1.5) / 2.5;
    rare = rare < 0 ? 0 : rare > 1 ? 1 : rare;
    out->score = W_TEXT * text + W_RARE * rare + W_LEADERS * lead + W_PARTICIPANTS * part +
                 W_GOAL * goal + W_WINDOW * window;
    out->text = text;
    out->rare = rare;
    out->leaders = lead;
    out->participants = part;
    out->goal = goal;
    out->window = window;
    out->shared = nshared;
    out->nterms = nbest;
    for (int k = 0; k < nbest; k++)
        out->terms[k] = ix->said[best[k]];
    out->both_start = overlap_start;
    out->both_end = overlap_end;
}

int oap_overlap_candidates(const oap_overlap_index *ix,
                           int (*visit)(void *ctx, uint32_t i, uint32_t j), void *ctx)
{
    uint32_t n = ix->n, limit = ix->rare;
    uint32_t *post_start = NULL, *postings = NULL, *count = NULL, *touched = NULL, *fill = NULL;
    int rc = OAP_ENOMEM;

    /* Postings of rare words: word -> actions, a compressed row per word. */
    post_start = calloc(ix->nterms + 2, sizeof *post_start);
    if (!post_start)
        goto done;
    for (size_t e = 0; e < ix->actions.n; e++) {
        uint32_t t = ix->actions.term[e];
        if (ix->df[t] >= 2 && ix->df[t] <= limit)
            post_start[t + 1]++;
    }
    for (size_t t = 0; t < ix->nterms; t++)
        post_start[t + 1] += post_start[t];
    postings = malloc(((size_t)post_start[ix->nterms] + 1) * sizeof *postings);
    count = calloc((size_t)n + 1, sizeof *count);
    touched = malloc(((size_t)n + 1) * sizeof *touched);
    fill = calloc(ix->nterms + 1, sizeof *fill);
    if (!postings || !count || !touched || !fill)
        goto done;
    for (uint32_t d = 0; d < n; d++)
        for (uint32_t e = ix->actions.start[d]; e < ix->actions.start[d + 1]; e++) {
            uint32_t t = ix->actions.term[e];
            if (ix->df[t] >= 2 && ix->df[t] <= limit)
                postings[post_start[t] + fill[t]++] = d;
        }
    free(fill);
    fill = NULL;

    /* Candidates of each action among the later ones: those that share two rare words
     * with it. A shared leader alone never makes a candidate: a leader leads many actions
     * on many subjects; it only adds to the score of a candidate. */
    rc = 0;
    for (uint32_t i = 0; i < n && rc == 0; i++) {
        uint32_t ntouched = 0;
        for (uint32_t e = ix->actions.start[i]; e < ix->actions.start[i + 1]; e++) {
            uint32_t t = ix->actions.term[e];
            if (ix->df[t] < 2 || ix->df[t] > limit)
                continue;
            for (uint32_t q = post_start[t]; q < post_start[t + 1]; q++) {
                uint32_t j = postings[q];
                if (j <= i)
                    continue;
                if (count[j]++ == 0)
                    touched[ntouched++] = j;
            }
        }
        for (uint32_t q = 0; q < ntouched && rc == 0; q++)
            if (count[touched[q]] >= 2)
                rc = visit(ctx, i, touched[q]);
        for (uint32_t q = 0; q < ntouched; q++)
            count[touched[q]] = 0;
    }
done:
    free(post_start);
    free(postings);
    free(count);
    free(touched);
    free(fill);
    return rc;
}

typedef struct pair_ctx {
    oap_rule_ctx *rule;
    const oap_graph *g;
    const index *ix;
    const oap_rule_info *possible, *linked_rule;
    double threshold;
    size_t candidates;
} pair_ctx;

static int linked(const oap_graph *g, uint32_t a, uint32_t b)
{
    for (uint32_t e = g->refs.start[a]; e < g->refs.start[a + 1]; e++)
        if (g->refs.target[e] == b)
            return 1;
    for (uint32_t e = g->refs.start[b]; e < g->refs.start[b + 1]; e++)
        if (g->refs.target[e] == a)
            return 1;
    return 0;
}

/* Scores a candidate pair and reports it when it reaches the threshold. */
static int score_pair(void *ctx, uint32_t i, uint32_t j)
{
    pair_ctx *p = ctx;
    const oap_graph *g = p->g;
    uint32_t a = p->ix->act_node[i], b = p->ix->act_node[j];
    /* Work recurring in plans of years that do not meet is continuity, not overlap. */
    if (!oap_plan_years_overlap(oap_graph_plan(g, a), oap_graph_plan(g, b)))
        return 0;
    p->candidates++;
    oap_overlap_score s;
    oap_overlap_score_pair(p->ix, i, j, &s);
    if (s.score < p->threshold)
        return 0;
    /* One shared word is not the same work, however short the texts ("Month 13" and
     * "One month only"): it takes two. */
    if (s.shared < 2)
        return 0;
    /* Actions that refer to each other describe each other ("the outcomes of the HIOs
     * will be used for the TRA"), so their texts share words without being one piece
     * of work: they need a clearer likeness to be reported. */
    int is_linked = linked(g, a, b);
    if (is_linked && (p->linked_rule == NULL || s.score < p->threshold + LINKED_MARGIN))
        return 0;
    if (!is_linked && p->possible == NULL)
        return 0;

    char terms[256] = "", months[64] = "", an[160], bn[160];
    size_t used = 0;
    /* A long word may fill the buffer: stop there, snprintf has cut it and ended it. */
    for (int k = 0; k < s.nterms && used < sizeof terms; k++)
        used +=
            (size_t)snprintf(terms + used, sizeof terms - used, "%s%s", k ? ", " : "", s.terms[k]);
    if (s.both_end >= s.both_start && s.window > 0) {
        char start[8], end[8];
        oap_timing_format_month(s.both_start, start);
        oap_timing_format_month(s.both_end, end);
        snprintf(months, sizeof months, "; both run %s to %s", start, end);
    }
    char leader_part[200] = "";
    if (s.shared_leaders[0])
        snprintf(leader_part, sizeof leader_part, "; shared leaders %s", s.shared_leaders);
    oap_graph_name(g, a, g->nodes[a].plan, an, sizeof an);
    oap_graph_name(g, b, g->nodes[a].plan, bn, sizeof bn);
    char pointer[96];
    oap_graph_node_pointer(g, a, "title", pointer, sizeof pointer);
    p->rule->rule = is_linked ? p->linked_rule : p->possible;
    return oap_rule_emit_pair(p->rule, a, b, s.score, pointer,
                              "%s %s and %s may be the same work (score %.2f): shared terms %s%s%s",
                              is_linked ? "linked actions" : "actions", an, bn, s.score,
                              terms[0] ? terms : "none", leader_part, months);
}

/* Both overlap rules share one index; the second to run does nothing. */
static int run_overlap(oap_rule_ctx *ctx, const oap_rule_info *possible,
                       const oap_rule_info *linked_rule)
{
    const oap_graph *g = ctx->graph;
    index *ix = NULL;
    int rc = oap_overlap_index_build(&ix, &g, 1);
    if (rc < 0)
        return rc;
    pair_ctx p = {.rule = ctx,
                  .g = g,
                  .ix = ix,
                  .possible = possible,
                  .linked_rule = linked_rule,
                  .threshold = ctx->opts && ctx->opts->overlap_threshold >= 0
                                   ? ctx->opts->overlap_threshold
                                   : OAP_OVERLAP_THRESHOLD};
    rc = oap_overlap_candidates(ix, score_pair, &p);
    if (ctx->opts && ctx->opts->stats)
        ctx->opts->stats->overlap_candidates = p.candidates;
    oap_overlap_index_free(ix);
    return rc;
}

int oap_check_possible_overlap(oap_rule_ctx *ctx)
{
    const oap_rule_info *self = ctx->rule;
    const oap_rule_info *linked_rule = oap_rule_find("linked-overlap");
    /* linked-overlap runs here too, unless the configuration turned it off. */
    int linked_on = ctx->linked_overlap_on;
    int rc = run_overlap(ctx, self, linked_on ? linked_rule : NULL);
    ctx->rule = self;
    return rc;
}

int oap_check_linked_overlap(oap_rule_ctx *ctx)
{
    /* Only when possible-overlap is off: otherwise it reported these already. */
    if (ctx->possible_overlap_on)
        return 0;
    const oap_rule_info *self = ctx->rule;
    int rc = run_overlap(ctx, NULL, self);
    ctx->rule = self;
    return rc;
}
