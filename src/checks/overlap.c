/* overlap: actions of one plan or of different plans that look like the same work.
 *
 * Candidates come from an inverted index of rare words, never from comparing every
 * action with every other: two actions are compared only when they share at least two
 * words that few actions use. A candidate is scored from its text (cosine of rarity-weighted word
 * counts), leaders, participants, goals' wording and overlapping months. */
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
#define DEFAULT_THRESHOLD 0.50
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

typedef struct index {
    oap_arena words;   /* the term strings */
    oap_strmap ids;    /* word -> term id */
    const char **text; /* term id -> word */
    uint32_t *df;      /* term id -> documents (actions) using it */
    uint8_t *stop;     /* term id -> a stop word, tested once per distinct word */
    size_t nterms, cap;
    term_list actions, goals;
    uint32_t *scratch; /* one document's term ids before sorting */
    size_t nscratch, scratch_cap;
    int oom;
} index;

static void add_word(void *ctx, const char *w, size_t len)
{
    index *ix = ctx;
    uint32_t id;
    if (ix->oom)
        return;
    if (!oap_strmap_get(&ix->ids, w, &id)) {
        if (ix->nterms == ix->cap) {
            /* Three arrays, one capacity: each grows to it, and it changes once all did. */
            size_t cap = oap_array_next_cap(ix->cap, ix->nterms + 1);
            const char **text = oap_array_resize(ix->text, cap, sizeof *text);
            uint32_t *df = text ? oap_array_resize(ix->df, cap, sizeof *df) : NULL;
            uint8_t *stop = df ? oap_array_resize(ix->stop, cap, sizeof *stop) : NULL;
            if (text)
                ix->text = text;
            if (df)
                ix->df = df;
            if (stop)
                ix->stop = stop;
            if (!text || !df || !stop) {
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
    if (ix->nscratch > 1)
        qsort(ix->scratch, ix->nscratch, sizeof *ix->scratch, cmp_u32);
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

/* Jaccard similarity of two actor lists (the first 32 of each). */
static double actor_similarity(const oap_strv *a, const oap_strv *b, char *shared, size_t size)
{
    uint32_t na = a->n < 32 ? a->n : 32, nb = b->n < 32 ? b->n : 32, common = 0;
    size_t used = 0;
    if (shared && size)
        shared[0] = '\0';
    for (uint32_t i = 0; i < na; i++) {
        const char *ca = canonical(a->items[i]);
        for (uint32_t j = 0; j < nb; j++)
            if (strcmp(ca, canonical(b->items[j])) == 0) {
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

typedef struct pair_ctx {
    oap_rule_ctx *rule;
    const oap_graph *g;
    index *ix;
    uint32_t *act_node; /* action number -> node */
    int *win_start, *win_end;
    uint32_t *goal_doc; /* action number -> goal document, or OAP_NONE */
    uint32_t rare;      /* words in at most this many actions are rare */
    double threshold;
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
static int score_pair(pair_ctx *p, uint32_t i, uint32_t j, const oap_rule_info *possible,
                      const oap_rule_info *linked_rule)
{
    const oap_graph *g = p->g;
    uint32_t a = p->act_node[i], b = p->act_node[j];
    const oap_action *x = oap_graph_action(g, a), *y = oap_graph_action(g, b);
    double text = cosine(&p->ix->actions, i, &p->ix->actions, j);
    char leaders[160];
    double lead = actor_similarity(&x->leaders, &y->leaders, leaders, sizeof leaders);
    double part = actor_similarity(&x->participants, &y->participants, NULL, 0);
    double goal = p->goal_doc[i] != OAP_NONE && p->goal_doc[j] != OAP_NONE
                      ? cosine(&p->ix->goals, p->goal_doc[i], &p->ix->goals, p->goal_doc[j])
                      : 0;
    double window = 0;
    int overlap_start = 0, overlap_end = -1;
    if (p->win_start[i] >= 0 && p->win_start[j] >= 0) {
        overlap_start = p->win_start[i] > p->win_start[j] ? p->win_start[i] : p->win_start[j];
        overlap_end = p->win_end[i] < p->win_end[j] ? p->win_end[i] : p->win_end[j];
        int shorter = p->win_end[i] - p->win_start[i] < p->win_end[j] - p->win_start[j]
                          ? p->win_end[i] - p->win_start[i]
                          : p->win_end[j] - p->win_start[j];
        if (overlap_end >= overlap_start)
            window = (double)(overlap_end - overlap_start + 1) / (shorter + 1);
    }
    /* What drives the score: the shared words that weigh most. */
    const term_list *tl = &p->ix->actions;
    uint32_t best[5];
    float best_w[5];
    int nbest = 0, nshared = 0;
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
            uint32_t df = p->ix->df[tl->term[u]];
            if (df >= 2 && df <= p->rare)
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
    double score = W_TEXT * text + W_RARE * rare + W_LEADERS * lead + W_PARTICIPANTS * part +
                   W_GOAL * goal + W_WINDOW * window;
    if (score < p->threshold)
        return 0;
    /* One shared word is not the same work, however short the texts ("Month 13" and
     * "One month only"): it takes two. */
    if (nshared < 2)
        return 0;
    /* Actions that refer to each other describe each other ("the outcomes of the HIOs
     * will be used for the TRA"), so their texts share words without being one piece
     * of work: they need a clearer likeness to be reported. */
    int is_linked = linked(g, a, b);
    if (is_linked && (linked_rule == NULL || score < p->threshold + LINKED_MARGIN))
        return 0;
    if (!is_linked && possible == NULL)
        return 0;

    char terms[256] = "", months[64] = "", an[160], bn[160];
    size_t used = 0;
    for (int k = 0; k < nbest; k++)
        used += (size_t)snprintf(terms + used, sizeof terms - used, "%s%s", k ? ", " : "",
                                 p->ix->text[best[k]]);
    if (overlap_end >= overlap_start && window > 0) {
        char s[8], e[8];
        oap_timing_format_month(overlap_start, s);
        oap_timing_format_month(overlap_end, e);
        snprintf(months, sizeof months, "; both run %s to %s", s, e);
    }
    char leader_part[200] = "";
    if (leaders[0])
        snprintf(leader_part, sizeof leader_part, "; shared leaders %s", leaders);
    oap_graph_name(g, a, g->nodes[a].plan, an, sizeof an);
    oap_graph_name(g, b, g->nodes[a].plan, bn, sizeof bn);
    char pointer[96];
    oap_graph_node_pointer(g, a, "title", pointer, sizeof pointer);
    p->rule->rule = is_linked ? linked_rule : possible;
    return oap_rule_emit_pair(p->rule, a, b, score, pointer,
                              "%s %s and %s may be the same work (score %.2f): shared terms %s%s%s",
                              is_linked ? "linked actions" : "actions", an, bn, score,
                              terms[0] ? terms : "none", leader_part, months);
}

/* Both overlap rules share one index; the second to run does nothing. */
static int run_overlap(oap_rule_ctx *ctx, const oap_rule_info *possible,
                       const oap_rule_info *linked_rule)
{
    const oap_graph *g = ctx->graph;
    index ix = {.words = OAP_ARENA_INIT};
    pair_ctx p = {.rule = ctx, .g = g, .ix = &ix};
    uint32_t n = 0, ngoals = 0;
    uint32_t *post_start = NULL, *postings = NULL, *count = NULL, *touched = NULL, *goal_of = NULL;
    int rc = OAP_ENOMEM;
    p.threshold = ctx->opts && ctx->opts->overlap_threshold >= 0 ? ctx->opts->overlap_threshold
                                                                 : DEFAULT_THRESHOLD;
    for (uint32_t v = 0; v < g->nnodes; v++) {
        n += g->nodes[v].kind == OAP_NODE_ACTION;
        ngoals += g->nodes[v].kind == OAP_NODE_GOAL;
    }
    p.act_node = malloc(((size_t)n + 1) * sizeof *p.act_node);
    p.win_start = malloc(((size_t)n + 1) * sizeof *p.win_start);
    p.win_end = malloc(((size_t)n + 1) * sizeof *p.win_end);
    p.goal_doc = malloc(((size_t)n + 1) * sizeof *p.goal_doc);
    goal_of = malloc(((size_t)g->nnodes + 1) * sizeof *goal_of);
    if (!p.act_node || !p.win_start || !p.win_end || !p.goal_doc || !goal_of ||
        term_list_init(&ix.actions, n) < 0 || term_list_init(&ix.goals, ngoals) < 0)
        goto done;

    /* Goals' wording first (they do not count for rarity), then each action's text. */
    uint32_t gd = 0;
    for (uint32_t v = 0; v < g->nnodes && !ix.oom; v++) {
        goal_of[v] = OAP_NONE;
        if (g->nodes[v].kind != OAP_NODE_GOAL)
            continue;
        oap_words_split(oap_graph_goal(g, v)->title, OAP_WORDS_KEEP_STOP, add_word, &ix);
        goal_of[v] = gd;
        if (end_document(&ix, &ix.goals, gd++, 0) < 0)
            goto done;
    }
    uint32_t k = 0;
    for (uint32_t v = 0; v < g->nnodes && !ix.oom; v++) {
        if (g->nodes[v].kind != OAP_NODE_ACTION)
            continue;
        const oap_action *a = oap_graph_action(g, v);
        oap_window w;
        p.act_node[k] = v;
        p.goal_doc[k] = g->nodes[v].owner != OAP_NONE ? goal_of[g->nodes[v].owner] : OAP_NONE;
        p.win_start[k] = p.win_end[k] = -1;
        if (oap_graph_window(g, v, &w)) {
            p.win_start[k] = w.start;
            p.win_end[k] = w.end;
        }
        oap_words_split(a->title, OAP_WORDS_KEEP_STOP, add_word, &ix);
        if (a->description)
            oap_words_split(a->description, OAP_WORDS_KEEP_STOP, add_word, &ix);
        if (end_document(&ix, &ix.actions, k++, 1) < 0)
            goto done;
    }
    if (ix.oom)
        goto done;
    weigh(&ix, &ix.actions, n, n);
    weigh(&ix, &ix.goals, ngoals, n);

    /* Postings of rare words: word -> actions, a compressed row per word. */
    uint32_t limit = rare_limit(n);
    p.rare = limit;
    post_start = calloc(ix.nterms + 2, sizeof *post_start);
    if (!post_start)
        goto done;
    for (size_t e = 0; e < ix.actions.n; e++) {
        uint32_t t = ix.actions.term[e];
        if (ix.df[t] >= 2 && ix.df[t] <= limit)
            post_start[t + 1]++;
    }
    for (size_t t = 0; t < ix.nterms; t++)
        post_start[t + 1] += post_start[t];
    postings = malloc(((size_t)post_start[ix.nterms] + 1) * sizeof *postings);
    count = calloc((size_t)n + 1, sizeof *count);
    touched = malloc(((size_t)n + 1) * sizeof *touched);
    uint32_t *fill = calloc(ix.nterms + 1, sizeof *fill);
    if (!postings || !count || !touched || !fill) {
        free(fill);
        goto done;
    }
    for (uint32_t d = 0; d < n; d++)
        for (uint32_t e = ix.actions.start[d]; e < ix.actions.start[d + 1]; e++) {
            uint32_t t = ix.actions.term[e];
            if (ix.df[t] >= 2 && ix.df[t] <= limit)
                postings[post_start[t] + fill[t]++] = d;
        }
    free(fill);

    /* Candidates of each action among the later ones: those that share two rare words
     * with it. A shared leader alone never makes a candidate: a leader leads many actions
     * on many subjects; it only adds to the score of a candidate. */
    rc = 0;
    size_t candidates = 0;
    for (uint32_t i = 0; i < n && rc == 0; i++) {
        uint32_t ntouched = 0;
        for (uint32_t e = ix.actions.start[i]; e < ix.actions.start[i + 1]; e++) {
            uint32_t t = ix.actions.term[e];
            if (ix.df[t] < 2 || ix.df[t] > limit)
                continue;
            for (uint32_t q = post_start[t]; q < post_start[t + 1]; q++) {
                uint32_t j = postings[q];
                if (j <= i)
                    continue;
                if (count[j]++ == 0)
                    touched[ntouched++] = j;
            }
        }
        for (uint32_t q = 0; q < ntouched && rc == 0; q++) {
            uint32_t j = touched[q];
            /* Work recurring in plans of years that do not meet is continuity, not
             * overlap. */
            if (count[j] >= 2 && oap_plan_years_overlap(oap_graph_plan(g, p.act_node[i]),
                                                        oap_graph_plan(g, p.act_node[j]))) {
                candidates++;
                rc = score_pair(&p, i, j, possible, linked_rule);
            }
        }
        for (uint32_t q = 0; q < ntouched; q++)
            count[touched[q]] = 0;
    }
    if (ctx->opts && ctx->opts->stats)
        ctx->opts->stats->overlap_candidates = candidates;
done:
    free(post_start);
    free(postings);
    free(count);
    free(touched);
    free(goal_of);
    free(p.act_node);
    free(p.win_start);
    free(p.win_end);
    free(p.goal_doc);
    term_list_free(&ix.actions);
    term_list_free(&ix.goals);
    free(ix.text);
    free(ix.df);
    free(ix.stop);
    free(ix.scratch);
    oap_strmap_free(&ix.ids);
    oap_arena_free(&ix.words);
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
