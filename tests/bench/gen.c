/* gen: writes synthetic EU Operational Action Plan sets with planted defects, for the benchmark. */
/*
 * usage: oap_gen --actions N --plans P --seed S --out DIR [--cycles C] [--dangling D]
 *                [--redundant R] [--duplicates U] [--one-way W] [--external E] [--noise K]
 *
 * Writes DIR/2012-<code>.oap.json for each plan, DIR/needs.dot (the needs graph for
 * Graphviz's sccmap and tred) and DIR/manifest.json (the findings a correct checker
 * reports, by rule). tests/bench/README.md says what is generated and the exact
 * semantics of every planted defect; keep the two in step.
 *
 * Everything follows from the seed (xoshiro256** seeded by splitmix64). The structure
 * (who refers to and needs whom, timings, planted defects) is built first in compact
 * arrays, linear in N; the text of each action is then generated from a generator of
 * its own while the plans are written, one after the other, and never kept.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define YEAR 2012
#define MAX_REFS 4  /* action refs made by the structure (extras come on top) */
#define MAX_NEEDS 3 /* needs of an action (its first phase) */
#define MAX_ACTIONS 50000000u
#define RARE_SLOTS 5        /* rare terms per action text */
#define RARE_BLOCK_MIN 4001 /* a prime: 5 x 4001 = 20,005 pseudo-words */
#define TOK_MAX 192
#define MARK_MAX 16
#define MAX_NOISE 16 /* random refs per action of the noisy profile */

/* ------------------------------------------------------------------------------------ */
/* Failure                                                                              */

static _Noreturn void die(const char *what, const char *detail)
{
    fprintf(stderr, "oap_gen: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(EXIT_FAILURE);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory", NULL);
    return p;
}

/* ------------------------------------------------------------------------------------ */
/* Random numbers: splitmix64 for seeding, xoshiro256** for streams                      */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* A stream for (seed, stream kind, id): structure, each action's text, each plan. */
static void rng_init(rng *r, uint64_t seed, uint64_t stream, uint64_t id)
{
    uint64_t x = seed;
    uint64_t h = splitmix64(&x);
    x = h ^ (stream * 0xD1B54A32D192ED03u);
    h = splitmix64(&x);
    x = h ^ (id * 0xAEF17502108EF2D9u);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Uniform in 0..n-1 (n >= 1), by multiply-shift. */
static uint32_t below(rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static int chance(rng *r, uint32_t percent)
{
    return below(r, 100) < percent;
}

/* ------------------------------------------------------------------------------------ */
/* Buffered output                                                                      */

#define SINK_BUF ((size_t)1 << 20)

typedef struct sink {
    FILE *f;
    char *path;
    char *buf;
    size_t n;
} sink;

static char *join_path(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = xmalloc(a + b + 2);
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

static void sink_open(sink *s, const char *dir, const char *name)
{
    s->path = join_path(dir, name);
    s->f = fopen(s->path, "wb");
    if (!s->f)
        die("cannot create", s->path);
    if (!s->buf)
        s->buf = xmalloc(SINK_BUF);
    s->n = 0;
}

static void sink_flush(sink *s)
{
    if (s->n && fwrite(s->buf, 1, s->n, s->f) != s->n)
        die("cannot write", s->path);
    s->n = 0;
}

static void sink_close(sink *s)
{
    sink_flush(s);
    if (fclose(s->f) != 0)
        die("cannot write", s->path);
    s->f = NULL;
    free(s->path);
    s->path = NULL;
}

static void put(sink *s, const char *p, size_t n)
{
    if (SINK_BUF - s->n < n) {
        sink_flush(s);
        if (n > SINK_BUF) {
            if (fwrite(p, 1, n, s->f) != n)
                die("cannot write", s->path);
            return;
        }
    }
    memcpy(s->buf + s->n, p, n);
    s->n += n;
}

static void put_s(sink *s, const char *p)
{
    put(s, p, strlen(p));
}

static void put_c(sink *s, char c)
{
    if (s->n == SINK_BUF)
        sink_flush(s);
    s->buf[s->n++] = c;
}

static void put_u(sink *s, uint64_t v)
{
    char b[24];
    int i = 24;
    do {
        b[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(s, b + i, (size_t)(24 - i));
}

/* The bytes of p as the inside of a JSON string: runs that need no escape are copied
 * whole. */
static void put_esc(sink *s, const char *p, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(s, p + run, i - run);
        run = i + 1;
        if (c == '"' || c == '\\') {
            put_c(s, '\\');
            put_c(s, (char)c);
        } else if (c == '\n') {
            put(s, "\\n", 2);
        } else if (c == '\t') {
            put(s, "\\t", 2);
        } else {
            put(s, "\\u00", 4);
            put_c(s, hex[c >> 4]);
            put_c(s, hex[c & 15]);
        }
    }
    put(s, p + run, n - run);
}

static void put_jstr(sink *s, const char *p)
{
    put_c(s, '"');
    put_esc(s, p, strlen(p));
    put_c(s, '"');
}

/* Writes ",\n" (or "\n" for the first) and indent: the start of a member or element. */
static void item(sink *s, int *first, const char *indent)
{
    put_s(s, *first ? "\n" : ",\n");
    *first = 0;
    put_s(s, indent);
}

static void key(sink *s, int *first, const char *indent, const char *name)
{
    item(s, first, indent);
    put_c(s, '"');
    put_s(s, name);
    put(s, "\": ", 3);
}

/* ------------------------------------------------------------------------------------ */
/* Vocabulary                                                                           */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Title openings. One ending in "operation" takes the operation name directly. */
static const char *const leads[] = {
    "joint operation",
    "workshop on",
    "expert meeting on",
    "risk analysis of",
    "tailored risk analysis of",
    "exchange of information on",
    "training course on",
    "study visit on",
    "operational meeting on",
    "joint investigation into",
    "mapping of",
    "handbook on",
    "conference on",
    "coordinated checks on",
    "intelligence picture of",
    "awareness campaign on",
    "debriefing activity on",
    "joint patrols targeting",
    "strategic report on",
    "analysis project on",
    "common risk analysis of",
    "high impact operation",
    "workshop for experts on",
    "joint training on",
    "seminar on",
    "risk assessment of",
    "manual on",
};

/* The operation name after an opening that does not end in "operation". */
static const char *const slot0_patterns[] = {
    "Operation %",
    "Operation %",
    "the % case",
    "the % project",
};

static const char *const title_patterns[] = {
    "the % route", "% network", "the % hub", "% corridor", "the % group", "the % platform",
};

static const char *const desc_patterns[] = {
    "the % region",    "% platform", "the % case", "the so-called \"%\" hub",
    "% investigation", "the % port", "% network",  "the % route",
};

static const char *const nps[] = {
    "organised crime groups",
    "facilitation networks",
    "illegal immigration",
    "smuggling of migrants",
    "document fraud",
    "trafficking in human beings",
    "secondary movements",
    "modus operandi",
    "main routes",
    "external borders",
    "sea ports",
    "airports",
    "land borders",
    "border crossing points",
    "unaccompanied minors",
    "visa abuse",
    "sham marriages",
    "financial investigations",
    "asset recovery",
    "money flows",
    "travel documents",
    "forged documents",
    "criminal proceeds",
    "high-risk flights",
    "container traffic",
    "maritime routes",
    "victims",
    "labour exploitation",
    "online advertising",
    "logistics hubs",
    "courier networks",
    "safe houses",
    "fraudulent applications",
    "residence permits",
    "return procedures",
    "identity fraud",
    "cash couriers",
    "payment channels",
    "transport companies",
    "recruitment methods",
    "risk analysis",
    "information exchange",
    "border control",
    "joint operations",
    "best practices",
    "intelligence gaps",
    "law enforcement cooperation",
    "national contact points",
    "analysis work files",
    "the outcomes of the workshop",
    "the exchange of information",
    "the experts of the Member States",
    "checks at the external borders",
    "joint patrols",
    "operational meetings",
    "the routes used by facilitators",
    "the outcomes of the seminar",
    "risk assessment",
    "information sharing",
    "the specialists of the Member States",
    "smuggling corridors",
    "police collaboration",
    "controls at the external borders",
    "coaching of border guards",
    "the conference of experts",
};

static const char *const conns[] = {
    "on",         "along",      "through", "involving", "in",           "with",
    "against",    "targeting",  "at",      "and",       "from",         "towards",
    "related to", "concerning", "via",     "including", "\xe2\x80\x93", "for",
};

static const char *const adjs[] = {
    "national", "regional", "cross-border", "operational", "strategic",          "joint",
    "relevant", "emerging", "main",         "specialised", "multi-disciplinary", "common",
    "national", "relevant", "principal",    "competent",   "domestic",
};

static const char *const subjects[] = {
    "Member States",
    "the participating MS",
    "Frontex",
    "Europol",
    "Eurojust",
    "CEPOL",
    "the Commission",
    "experts from the Member States",
    "law enforcement authorities",
    "border guards and police",
    "customs authorities",
    "national contact points",
    "the leading MS",
    "analysts",
    "the MS concerned",
};

/* Verbs of description sentences, in synonym pairs (each pair also in `synonyms`). */
static const char *const verbs[] = {
    "analyse",    "examine",   "collect", "gather",   "develop",    "establish",
    "identify",   "detect",    "improve", "enhance",  "support",    "assist",
    "organise",   "arrange",   "prepare", "draft",    "coordinate", "steer",
    "strengthen", "reinforce", "review",  "evaluate", "monitor",    "follow",
};

/* Synonyms the near-duplicate of an action swaps in. Words, not phrases. */
static const char *const synonyms[][2] = {
    {"analyse", "examine"},
    {"collect", "gather"},
    {"develop", "establish"},
    {"identify", "detect"},
    {"improve", "enhance"},
    {"support", "assist"},
    {"organise", "arrange"},
    {"prepare", "draft"},
    {"coordinate", "steer"},
    {"strengthen", "reinforce"},
    {"review", "evaluate"},
    {"monitor", "follow"},
    {"workshop", "seminar"},
    {"meeting", "conference"},
    {"analysis", "assessment"},
    {"exchange", "sharing"},
    {"experts", "specialists"},
    {"routes", "corridors"},
    {"report", "study"},
    {"handbook", "manual"},
    {"main", "principal"},
    {"joint", "common"},
    {"relevant", "competent"},
    {"national", "domestic"},
    {"cooperation", "collaboration"},
    {"checks", "controls"},
    {"training", "coaching"},
};

static const char *const goal_verbs[] = {
    "maintain",         "enhance",       "improve",  "strengthen", "develop",
    "make full use of", "contribute to", "increase", "disrupt",    "reduce",
};

static const char *const kpis[] = {
    "Report finalised within the timeframe.",
    "Number of joint operations carried out",
    "Number of arrests and seizures",
    "Dissemination of outcomes of the workshop",
    "Number of participating Member States",
    "Number of intelligence contributions sent to Europol",
    "Handbook distributed to all MS",
    "Number of officers trained",
    "Number of investigations initiated",
    "Number of facilitators identified",
    "Feedback from participants",
    "Number of contributions to the analysis project",
    "Number of HIO",
    "Risk analysis delivered to COSI",
};

static const char *const targets[] = {
    "Gathering information and data from MS to fill intelligence gaps.",
    "Detect illegal migrants. Identify and disrupt organised crime groups.",
    "Contributing to the development of common risk analysis at EU level.",
    "Best practices are exchanged and the awareness of authorities is raised.",
    "Provide decision makers with a comprehensive picture of the threat.",
    "Improve the quality and quantity of information shared with Europol.",
    "Increase the number of joint investigations and prosecutions.",
    "Establish lasting operational contacts between the authorities concerned.",
    "Collect and analyse information for intelligence and investigation purposes.",
};

static const char *const plan_titles[] = {
    "Illegal immigration",
    "Trafficking in human beings",
    "Synthetic drugs",
    "Cocaine and heroin trafficking",
    "Western Balkans",
    "West Africa",
    "Mobile organised crime groups",
    "Cybercrime",
    "MTIC fraud",
    "Excise fraud",
    "Firearms trafficking",
    "Money laundering",
    "Document fraud",
    "Environmental crime",
    "Organised property crime",
};

static const char *const plan_aims[] = {
    "Weaken the capacity of organised crime groups active in this field and disrupt the routes "
    "and facilitators they rely on",
    "Reduce the capacity of organised crime groups to use the EU as a market and a transit "
    "area",
    "Disrupt the organised crime groups involved and strengthen the cooperation of the Member "
    "States and EU agencies against them",
};

static const char *const member_states[] = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "UK",
};

static const char *const agencies[] = {"Europol", "Frontex", "Eurojust", "CEPOL", "EC"};

/* Timing texts. Every text of `early` reads as a window within January..June, every
 * text of `late` within July..December; `anytime` texts may span both halves and are
 * given only to actions that take part in no need. */
static const char *const early[] = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "January/February",
    "February/March",
    "March/April",
    "April/May",
    "May/June",
    "April/May/June",
    "January to March",
    "February to April",
    "1st quarter",
    "2nd quarter",
    "1st semester",
    "Q1",
    "Q2",
    "First half of the year",
    "1st and 2nd quarter",
    "Meeting of experts in the 1st quarter",
    "1-2 weeks in March/April",
    "Before the end of June",
    "March/April 2012",
};

static const char *const late[] = {
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "July/August",
    "September/October",
    "October/November",
    "November/December",
    "September to November",
    "3rd quarter",
    "4th quarter",
    "2nd semester",
    "Q3",
    "Q4",
    "Second half of the year",
    "3rd and 4th quarter",
    "Workshop to be held in October or November",
    "1-2 weeks in October/November",
    "October/November 2012",
    "Last quarter",
    "Operational meeting in September",
};

static const char *const anytime[] = {
    "Whole year",          "Whole year",        "Whole year",
    "Throughout the year", "March to October",  "May to October",
    "February/June",       "January to August", "All year",
};

/* Phase timings, in order and without overlap, all within July..December. */
static const char *const phase_sets[][3] = {
    {"July/August", "October/November", NULL},
    {"July", "September", NULL},
    {"September", "November/December", NULL},
    {"3rd quarter", "4th quarter", NULL},
    {"July/August", "November", NULL},
    {"1-2 weeks in July", "1-2 weeks in October/November", NULL},
    {"July", "September", "November/December"},
    {"July/August", "September/October", "December"},
    {"July", "August/September", "November"},
};

#define N_TIMINGS (COUNT(early) + COUNT(late) + COUNT(anytime))

static const char *timing_text(unsigned t)
{
    if (t < COUNT(early))
        return early[t];
    t -= (unsigned)COUNT(early);
    if (t < COUNT(late))
        return late[t];
    return anytime[t - COUNT(late)];
}

static unsigned timing_index(const char *text)
{
    for (unsigned t = 0; t < N_TIMINGS; t++)
        if (strcmp(timing_text(t), text) == 0)
            return t;
    die("internal: no timing", text);
}

/* ------------------------------------------------------------------------------------ */
/* Rare terms: pseudo-words, assigned so that two texts share at most one               */

/* Words of a title and of a description: 8..25 and 20..60 (about 60 an action); the noisy
 * profile (--noise) writes shorter texts, 6..14 and 14..38 (about 40). */
static unsigned TITLE_MIN = 8, TITLE_MAX = 25, DESC_MIN = 20, DESC_MAX = 60;

static uint32_t rare_p;        /* a prime; 5 blocks of rare_p words */
static char (*rare_words)[24]; /* RARE_SLOTS * rare_p words */
static uint64_t design_mul, design_off;

static int is_prime(uint32_t n)
{
    if (n < 2)
        return 0;
    for (uint32_t d = 2; (uint64_t)d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + ('a' - 'A'));
        h = (h ^ c) * 1099511628211u;
    }
    return h;
}

typedef struct wordset {
    const char **s; /* lowercase or mixed; compared ignoring ASCII case */
    uint8_t *len;
    size_t cap;
} wordset;

static int same_word(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x + ('a' - 'A'));
        if (y >= 'A' && y <= 'Z')
            y = (char)(y + ('a' - 'A'));
        if (x != y)
            return 0;
    }
    return 1;
}

/* Adds the word s[0..n) unless present; returns 1 when added. */
static int wordset_add(wordset *w, const char *s, size_t n)
{
    size_t i = (size_t)hash_str(s, n) & (w->cap - 1);
    while (w->s[i]) {
        if (w->len[i] == n && same_word(w->s[i], s, n))
            return 0;
        i = (i + 1) & (w->cap - 1);
    }
    w->s[i] = s;
    w->len[i] = (uint8_t)n;
    return 1;
}

static void wordset_add_phrases(wordset *w, const char *const *list, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        const char *p = list[k];
        while (*p) {
            size_t n = 0;
            while (p[n] && p[n] != ' ')
                n++;
            if (n && n < 256)
                wordset_add(w, p, n);
            p += n;
            while (*p == ' ')
                p++;
        }
    }
}

static void make_rare_words(uint32_t actions)
{
    static const char *const onsets[] = {"B",  "D",  "F",  "G",  "K",  "L",  "M",  "N",
                                         "P",  "R",  "S",  "T",  "V",  "Z",  "Br", "Dr",
                                         "Gr", "Kr", "Tr", "Vr", "St", "Sk", "Th", "Kh"};
    static const char *const vowels[] = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "ai"};
    static const char *const mids[] = {"l",  "r",  "n",  "m",  "s",  "v",  "k",  "t",
                                       "d",  "z",  "lk", "rn", "st", "nd", "rv", "ss",
                                       "ll", "sk", "nt", "rd", "lv", "rk"};
    static const char *const codas[] = {"",  "",  "",   "n",  "r",  "s", "x",
                                        "l", "m", "nd", "on", "ar", "is"};
    static const char *const reserved[] = {
        "action", "actions", "january",   "february", "march",    "april",    "may",     "june",
        "july",   "august",  "september", "october",  "november", "december", "quarter", "semester",
        "year",   "phase",   "operation", "all",      "relevant", "whole",    "sept",
    };
    uint32_t p = RARE_BLOCK_MIN;
    size_t total;
    wordset w;
    rng r;

    /* p^2 > N keeps two actions' rare terms apart; p >= N/20 keeps each rare term in at
     * most about 20 actions however large N grows, as operation names are in real plans. */
    while ((uint64_t)p * p <= actions || (uint64_t)p * 20 < actions || !is_prime(p))
        p++;
    rare_p = p;
    total = (size_t)RARE_SLOTS * p;
    rare_words = xmalloc(total * sizeof *rare_words);
    w.cap = 1;
    while (w.cap < 4 * (total + 1024))
        w.cap <<= 1;
    w.s = calloc(w.cap, sizeof *w.s);
    w.len = calloc(w.cap, sizeof *w.len);
    if (!w.s || !w.len)
        die("out of memory", NULL);

    /* Nothing a plan says elsewhere may double as a rare term. */
    wordset_add_phrases(&w, reserved, COUNT(reserved));
    wordset_add_phrases(&w, leads, COUNT(leads));
    wordset_add_phrases(&w, slot0_patterns, COUNT(slot0_patterns));
    wordset_add_phrases(&w, title_patterns, COUNT(title_patterns));
    wordset_add_phrases(&w, desc_patterns, COUNT(desc_patterns));
    wordset_add_phrases(&w, nps, COUNT(nps));
    wordset_add_phrases(&w, conns, COUNT(conns));
    wordset_add_phrases(&w, adjs, COUNT(adjs));
    wordset_add_phrases(&w, subjects, COUNT(subjects));
    wordset_add_phrases(&w, verbs, COUNT(verbs));
    wordset_add_phrases(&w, goal_verbs, COUNT(goal_verbs));
    wordset_add_phrases(&w, kpis, COUNT(kpis));
    wordset_add_phrases(&w, targets, COUNT(targets));
    wordset_add_phrases(&w, plan_titles, COUNT(plan_titles));
    wordset_add_phrases(&w, member_states, COUNT(member_states));
    wordset_add_phrases(&w, agencies, COUNT(agencies));
    for (size_t k = 0; k < COUNT(synonyms); k++)
        wordset_add_phrases(&w, synonyms[k], 2);

    /* The vocabulary is the same for every seed; which action gets which words is not. */
    rng_init(&r, 0x0A9C0DE5u, 7, 0);
    for (size_t i = 0; i < total;) {
        char *s = rare_words[i];
        size_t n = 0;
        unsigned syl = chance(&r, 60) ? 2 : 3;
#define APPEND(str)                                                                                \
    do {                                                                                           \
        const char *a_ = (str);                                                                    \
        while (*a_)                                                                                \
            s[n++] = *a_++;                                                                        \
    } while (0)
        APPEND(onsets[below(&r, COUNT(onsets))]);
        APPEND(vowels[below(&r, COUNT(vowels))]);
        for (unsigned k = 1; k < syl; k++) {
            APPEND(mids[below(&r, COUNT(mids))]);
            APPEND(vowels[below(&r, COUNT(vowels))]);
        }
        APPEND(codas[below(&r, COUNT(codas))]);
#undef APPEND
        s[n] = '\0';
        if (n >= 5 && wordset_add(&w, s, n))
            i++;
    }
    free(w.s);
    free(w.len);
}

/* The rare terms of text id t: point (a, b) of the affine plane over Z_p, term j is
 * word a + j*b of block j. Two distinct points agree in at most one block. */
static void rare_terms(uint32_t t, const char *out[RARE_SLOTS])
{
    uint64_t pp = (uint64_t)rare_p * rare_p;
    uint64_t x = ((uint64_t)t * design_mul + design_off) % pp;
    uint32_t a = (uint32_t)(x % rare_p), b = (uint32_t)(x / rare_p);
    for (uint32_t j = 0; j < RARE_SLOTS; j++)
        out[j] = rare_words[(size_t)j * rare_p + (a + (uint64_t)j * b) % rare_p];
}

/* ------------------------------------------------------------------------------------ */
/* Texts as tokens                                                                      */

enum {
    TF_CAP = 1,   /* capitalise the first letter */
    TF_NL = 2,    /* a line break before, not a space */
    TF_QUOTE = 4, /* in double quotes */
    TF_GLUE = 8,  /* no space before ("." after a word) */
    TF_RARE = 16, /* a rare term */
};

typedef struct tok {
    const char *s;
    uint16_t n;
    uint8_t fl;
} tok;

typedef struct text {
    tok t[TOK_MAX];
    int n;
    int words;
    int mark[MARK_MAX]; /* chunk starts (title) or sentence starts (description) */
    int nmark;
} text;

static void text_clear(text *t)
{
    t->n = 0;
    t->words = 0;
    t->nmark = 0;
}

static int has_alnum(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return 1;
    }
    return 0;
}

static void push_tok(text *t, const char *s, size_t n, unsigned fl)
{
    if (t->n == TOK_MAX)
        return; /* texts are far shorter; a cut text is still valid */
    t->t[t->n].s = s;
    t->t[t->n].n = (uint16_t)n;
    t->t[t->n].fl = (uint8_t)fl;
    t->n++;
    if (has_alnum(s, n))
        t->words++;
}

/* Pushes the words of phrase; fl applies to the first. A word "%" is the rare term
 * rare, "\"%\"" the rare term in quotes. */
static void push_phrase(text *t, const char *phrase, unsigned fl, const char *rare)
{
    const char *p = phrase;
    while (*p) {
        size_t n = 0;
        while (p[n] && p[n] != ' ')
            n++;
        /* Phrases with a "%" always come with a rare term; the test tells the compiler. */
        if (n == 1 && p[0] == '%' && rare)
            push_tok(t, rare, strlen(rare), fl | TF_RARE);
        else if (n == 3 && memcmp(p, "\"%\"", 3) == 0 && rare)
            push_tok(t, rare, strlen(rare), fl | TF_RARE | TF_QUOTE);
        else
            push_tok(t, p, n, fl);
        fl = 0;
        p += n;
        while (*p == ' ')
            p++;
    }
}

static void mark(text *t)
{
    if (t->nmark < MARK_MAX)
        t->mark[t->nmark++] = t->n;
}

static const char *pick(rng *r, const char *const *list, size_t n)
{
    return list[below(r, (uint32_t)n)];
}

#define PICK(r, list) pick((r), (list), COUNT(list))

/* A noun phrase, after "the" with probability the percent (unless it has its own). */
static void push_np_the(rng *r, text *t, uint32_t the)
{
    const char *np = PICK(r, nps);
    int own = strncmp(np, "the ", 4) == 0;
    if (!own && chance(r, the))
        push_phrase(t, "the", 0, NULL);
    if (!own && chance(r, 30))
        push_phrase(t, PICK(r, adjs), 0, NULL);
    push_phrase(t, np, 0, NULL);
}

static void push_np(rng *r, text *t)
{
    push_np_the(r, t, 0);
}

static int ends_with_operation(const char *s)
{
    size_t n = strlen(s);
    return n >= 9 && strcmp(s + n - 9, "operation") == 0;
}

/* Title: an opening, the operation name (rare term 0), chunks "connector noun phrase",
 * one of them naming rare term 1; 8..25 words. */
static void gen_title(rng *r, const char *const rare[RARE_SLOTS], text *t)
{
    for (;;) {
        const char *lead = PICK(r, leads);
        unsigned target = TITLE_MIN + below(r, TITLE_MAX - TITLE_MIN + 1);
        unsigned slot1 = below(r, 2);

        text_clear(t);
        push_phrase(t, lead, TF_CAP, NULL);
        if (ends_with_operation(lead))
            push_phrase(t, "%", 0, rare[0]);
        else
            push_phrase(t, PICK(r, slot0_patterns), 0, rare[0]);
        for (unsigned k = 0;; k++) {
            mark(t);
            push_phrase(t, PICK(r, conns), 0, NULL);
            if (k == slot1)
                push_phrase(t, PICK(r, title_patterns), 0, rare[1]);
            else
                push_np(r, t);
            if ((k >= slot1 && t->words >= (int)target) || t->words > (int)TITLE_MAX ||
                t->nmark == MARK_MAX)
                break;
        }
        if (chance(r, 40))
            push_tok(t, ".", 1, TF_GLUE);
        if (t->words >= (int)TITLE_MIN && t->words <= (int)TITLE_MAX && t->nmark >= 2)
            return;
    }
}

/* Description: 2..4 sentences "subject will verb noun phrase, chunks.", rare terms
 * 2..4 spread over them; 20..60 words. */
static void gen_description(rng *r, const char *const rare[RARE_SLOTS], text *t)
{
    for (;;) {
        unsigned target = DESC_MIN + below(r, DESC_MAX - DESC_MIN + 1);
        unsigned s = target < 30 ? 2 : target < 45 ? 2 + below(r, 2) : 3 + below(r, 2);
        unsigned per = target / s;

        unsigned used_pairs = 0; /* bit v/2: the verb pair v belongs to (verbs come in pairs) */

        text_clear(t);
        for (unsigned i = 0; i < s; i++) {
            int start_words = t->words;
            unsigned v;
            unsigned fl = TF_CAP | ((i > 0 && chance(r, 30)) ? TF_NL : 0);
            mark(t);
            push_phrase(t, PICK(r, subjects), fl, NULL);
            push_phrase(t, "will", 0, NULL);
            do
                v = below(r, COUNT(verbs));
            while (used_pairs & (1u << (v / 2)));
            used_pairs |= 1u << (v / 2);
            push_phrase(t, verbs[v], 0, NULL);
            push_np_the(r, t, 50);
            for (unsigned j = 2; j < RARE_SLOTS; j++) {
                unsigned at = j == 2 ? 0 : j == 3 ? 1 : s - 1;
                if (at == i) {
                    push_phrase(t, PICK(r, conns), 0, NULL);
                    push_phrase(t, PICK(r, desc_patterns), 0, rare[j]);
                }
            }
            for (int guard = 0; t->words - start_words < (int)per && guard < 8; guard++) {
                push_phrase(t, PICK(r, conns), 0, NULL);
                push_np(r, t);
            }
            push_tok(t, ".", 1, TF_GLUE);
        }
        if (t->words >= (int)DESC_MIN && t->words <= (int)DESC_MAX)
            return;
    }
}

/* The synonym pair word k belongs to (-1 for none); *out is the other word. */
static int synonym_of(const tok *k, const char **out)
{
    if (k->fl & TF_RARE)
        return -1;
    for (size_t i = 0; i < COUNT(synonyms); i++)
        for (int side = 0; side < 2; side++) {
            const char *w = synonyms[i][side];
            if (strlen(w) == k->n && memcmp(w, k->s, k->n) == 0) {
                *out = synonyms[i][1 - side];
                return (int)i;
            }
        }
    return -1;
}

/* Moves tokens [a, b) to after [b, c). */
static void rotate_toks(text *t, int a, int b, int c)
{
    tok tmp[TOK_MAX];
    int n1 = b - a, n2 = c - b;
    memcpy(tmp, t->t + a, (size_t)n1 * sizeof(tok));
    memmove(t->t + a, t->t + b, (size_t)n2 * sizeof(tok));
    memcpy(t->t + a + n2, tmp, (size_t)n1 * sizeof(tok));
}

/* The near-duplicate: 2-3 words of distinct synonym pairs swapped for their synonyms
 * (the description alone always has two, its sentences' verbs), two title chunks
 * swapped, the first sentence of the description moved to the end. Rare terms all
 * stay. */
static void near_duplicate(rng *r, text *title, text *desc)
{
    int cand[2 * TOK_MAX];
    int nc = 0, done = 0, want = 2 + (int)below(r, 2);
    unsigned char used[COUNT(synonyms)] = {0};
    const char *syn;

    for (int i = 0; i < title->n; i++)
        if (synonym_of(&title->t[i], &syn) >= 0)
            cand[nc++] = i;
    for (int i = 0; i < desc->n; i++)
        if (synonym_of(&desc->t[i], &syn) >= 0)
            cand[nc++] = TOK_MAX + i;
    for (int k = 0; k < nc && done < want; k++) {
        int j = k + (int)below(r, (uint32_t)(nc - k));
        int c = cand[j], pair;
        tok *tk;
        cand[j] = cand[k];
        cand[k] = c;
        tk = c < TOK_MAX ? &title->t[c] : &desc->t[c - TOK_MAX];
        pair = synonym_of(tk, &syn);
        if (used[pair])
            continue;
        used[pair] = 1;
        tk->s = syn;
        tk->n = (uint16_t)strlen(syn);
        done++;
    }
    if (title->nmark >= 2) {
        int end = title->nmark >= 3 ? title->mark[2] : title->n;
        if (title->t[end - 1].fl & TF_GLUE)
            end--;
        rotate_toks(title, title->mark[0], title->mark[1], end);
    }
    if (desc->nmark >= 2) {
        int first_len = desc->mark[1];
        desc->t[desc->mark[1]].fl &= (uint8_t)~TF_NL;
        rotate_toks(desc, 0, first_len, desc->n);
    }
}

static void put_text(sink *s, const text *t)
{
    put_c(s, '"');
    for (int i = 0; i < t->n; i++) {
        const tok *k = &t->t[i];
        if (i > 0) {
            if (k->fl & TF_NL)
                put(s, "\\n", 2);
            else if (!(k->fl & TF_GLUE))
                put_c(s, ' ');
        }
        if (k->fl & TF_QUOTE)
            put(s, "\\\"", 2);
        if ((k->fl & TF_CAP) && k->n && k->s[0] >= 'a' && k->s[0] <= 'z') {
            put_c(s, (char)(k->s[0] - ('a' - 'A')));
            put_esc(s, k->s + 1, k->n - 1u);
        } else {
            put_esc(s, k->s, k->n);
        }
        if (k->fl & TF_QUOTE)
            put(s, "\\\"", 2);
    }
    put_c(s, '"');
}

/* ------------------------------------------------------------------------------------ */
/* The structure                                                                        */

enum role {
    ROLE_FREE = 0,  /* not yet given a role */
    ROLE_PRODUCER,  /* needs nothing; may be needed by consumers */
    ROLE_CONSUMER,  /* needs producers */
    ROLE_PHASED,    /* a consumer with 2-3 phases */
    ROLE_CYCLE,     /* member of a planted dependency cycle */
    ROLE_REDUNDANT, /* member of a planted redundant-need group */
};

enum {
    F_DANGLING = 1, /* refs "<goal>.99" */
    F_EXTERNAL = 2, /* refs "Z:*" */
    F_ONEWAY = 4,   /* refs one action that does not refer back */
    F_COPY = 8,     /* near-duplicate of another action */
    F_ORIGINAL = 16,
};

typedef struct act {
    int32_t refs[MAX_REFS];
    int32_t needs[MAX_NEEDS];
    int32_t pneeds[2]; /* a need of phase 2 and of phase 3, or -1 */
    int32_t text;      /* text id: the action's index, or its original's for a copy */
    uint32_t goal;     /* goal number in the plan, from 1 */
    uint32_t goalref;  /* another goal of the plan it refers to, or 0 */
    uint8_t num;       /* number within the goal, from 1 */
    uint8_t nrefs, nneeds, role, nphases, timing, indeg, flags;
} act;

typedef struct oneway {
    int32_t from, to;
} oneway;

static struct {
    uint64_t seed;
    uint32_t n, plans;
    uint32_t cycles, dangling, redundant, duplicates, oneway, external;
    uint32_t noise; /* the noisy profile: random refs per action (0: the exact profile) */
    uint32_t q, r;  /* plan sizes: the first r plans have q + 1 actions, the others q */
    int code_width;
    act *a;
    uint32_t *goals; /* goals per plan */
    oneway *ow;
    uint32_t now;
    rng rs; /* structure */
    uint64_t dot_nodes, dot_edges;
} G;

static uint32_t plan_start(uint32_t p)
{
    return p < G.r ? p * (G.q + 1) : G.r * (G.q + 1) + (p - G.r) * G.q;
}

static uint32_t plan_size(uint32_t p)
{
    return G.q + (p < G.r);
}

static uint32_t plan_of(uint32_t i)
{
    uint32_t big = G.r * (G.q + 1);
    return i < big ? i / (G.q + 1) : G.r + (i - big) / G.q;
}

static int32_t random_in_plan(uint32_t p)
{
    return (int32_t)(plan_start(p) + below(&G.rs, plan_size(p)));
}

/* The plan itself with probability local percent, else another one. */
static uint32_t pick_plan(uint32_t self, uint32_t local)
{
    uint32_t q;
    if (G.plans == 1 || chance(&G.rs, local))
        return self;
    q = below(&G.rs, G.plans - 1);
    return q >= self ? q + 1 : q;
}

static int is_background(int32_t i)
{
    uint8_t r = G.a[i].role;
    return r == ROLE_PRODUCER || r == ROLE_CONSUMER || r == ROLE_PHASED;
}

static int lists(const act *x, int32_t t)
{
    for (int k = 0; k < x->nrefs; k++)
        if (x->refs[k] == t)
            return 1;
    for (int k = 0; k < x->nneeds; k++)
        if (x->needs[k] == t)
            return 1;
    return x->pneeds[0] == t || x->pneeds[1] == t;
}

/* Whether a and b already refer to each other in either direction (structure only). */
static int adjacent(int32_t a, int32_t b)
{
    return lists(&G.a[a], b) || lists(&G.a[b], a);
}

static void add_ref(int32_t a, int32_t b)
{
    act *x = &G.a[a];
    for (int k = 0; k < x->nrefs; k++)
        if (x->refs[k] == b)
            return;
    if (x->nrefs == MAX_REFS)
        die("internal: too many refs", NULL);
    x->refs[x->nrefs++] = b;
}

static void add_mutual(int32_t a, int32_t b)
{
    add_ref(a, b);
    add_ref(b, a);
}

/* A free slot of plan p, or -1. */
static int32_t take_slot(uint32_t p, uint8_t role)
{
    int32_t i = -1;
    for (int t = 0; t < 64 && i < 0; t++) {
        int32_t c = random_in_plan(p);
        if (G.a[c].role == ROLE_FREE)
            i = c;
    }
    for (uint32_t k = 0; k < plan_size(p) && i < 0; k++)
        if (G.a[plan_start(p) + k].role == ROLE_FREE)
            i = (int32_t)(plan_start(p) + k);
    if (i >= 0)
        G.a[i].role = role;
    return i;
}

/* Slots for a group of k planted actions: members [0, split) in one plan, the rest in
 * another (split == k: all in one plan). */
static void take_group(int32_t *m, unsigned k, unsigned split, uint8_t role)
{
    for (uint32_t attempt = 0; attempt < 4 * G.plans + 16; attempt++) {
        uint32_t p1 = below(&G.rs, G.plans);
        uint32_t p2 = split < k ? pick_plan(p1, 0) : p1;
        unsigned got = 0;
        for (; got < k; got++) {
            m[got] = take_slot(got < split ? p1 : p2, role);
            if (m[got] < 0)
                break;
        }
        if (got == k)
            return;
        while (got--)
            G.a[m[got]].role = ROLE_FREE;
    }
    die("too many planted defects for the number of actions", NULL);
}

static void layout_goals(void)
{
    for (uint32_t p = 0; p < G.plans; p++) {
        uint32_t i = plan_start(p), rem = plan_size(p), g = 0;
        while (rem > 0) {
            uint32_t s;
            if (rem <= 10) {
                s = rem;
            } else {
                uint32_t hi = rem - 3 < 10 ? rem - 3 : 10;
                s = 3 + below(&G.rs, hi - 3 + 1);
            }
            g++;
            for (uint32_t k = 1; k <= s; k++, i++) {
                G.a[i].goal = g;
                G.a[i].num = (uint8_t)k;
            }
            rem -= s;
        }
        G.goals[p] = g;
    }
}

static void plant_cycles(void)
{
    unsigned june = timing_index("June");
    for (uint32_t c = 0; c < G.cycles; c++) {
        int32_t m[4];
        unsigned k = 2 + below(&G.rs, 3);
        unsigned split = (G.plans > 1 && c % 2 == 1) ? (k + 1) / 2 : k;
        take_group(m, k, split, ROLE_CYCLE);
        for (unsigned i = 0; i < k; i++) {
            act *x = &G.a[m[i]];
            x->needs[x->nneeds++] = m[(i + 1) % k];
            x->timing = (uint8_t)june;
        }
        for (unsigned i = 0; i < k; i++)
            add_mutual(m[i], m[(i + 1) % k]);
    }
}

/* Redundant needs: X needs Y and Z, Y needs Z; or, one in three, X needs W and Z,
 * W needs Y, Y needs Z. About one in four has Z in another plan. */
static void plant_redundant(void)
{
    unsigned feb = timing_index("February"), apr = timing_index("April");
    unsigned jun = timing_index("June"), sep = timing_index("September");
    for (uint32_t t = 0; t < G.redundant; t++) {
        int32_t m[4];
        unsigned chain = t % 3 == 2, k = chain ? 4 : 3;
        unsigned split = (G.plans > 1 && t % 4 == 3) ? k - 1 : k;
        act *x, *w, *y, *z;
        int32_t X, W, Y, Z;
        take_group(m, k, split, ROLE_REDUNDANT);
        X = m[0];
        Z = m[k - 1];
        Y = m[k - 2];
        W = chain ? m[1] : -1;
        x = &G.a[X];
        y = &G.a[Y];
        z = &G.a[Z];
        x->timing = (uint8_t)sep;
        y->timing = (uint8_t)apr;
        z->timing = (uint8_t)feb;
        y->needs[y->nneeds++] = Z;
        add_mutual(Y, Z);
        add_mutual(X, Z);
        if (chain) {
            w = &G.a[W];
            w->timing = (uint8_t)jun;
            w->needs[w->nneeds++] = Y;
            add_mutual(W, Y);
            add_mutual(X, W);
        }
        if (chance(&G.rs, 50)) {
            x->needs[x->nneeds++] = chain ? W : Y;
            x->needs[x->nneeds++] = Z;
        } else {
            x->needs[x->nneeds++] = Z;
            x->needs[x->nneeds++] = chain ? W : Y;
        }
        if (!chain)
            add_mutual(X, Y);
    }
}

static void assign_roles(void)
{
    for (uint32_t i = 0; i < G.n; i++) {
        act *x = &G.a[i];
        uint32_t d;
        if (x->role != ROLE_FREE)
            continue;
        d = below(&G.rs, 100);
        x->role = d < 5 ? ROLE_PHASED : d < 50 ? ROLE_CONSUMER : ROLE_PRODUCER;
        if (x->role == ROLE_PHASED) {
            x->timing = (uint8_t)below(&G.rs, COUNT(phase_sets));
            x->nphases = phase_sets[x->timing][2] ? 3 : 2;
        }
    }
}

static int32_t pick_producer(int32_t c)
{
    for (int t = 0; t < 48; t++) {
        int32_t i = random_in_plan(pick_plan(plan_of((uint32_t)c), 90));
        const act *x = &G.a[i];
        if (x->role == ROLE_PRODUCER && x->indeg < 3 && x->nrefs < MAX_REFS && !adjacent(c, i))
            return i;
    }
    return -1;
}

/* c (phase `phase`, 1-based) needs producer i; i refers back to c, and c, half the
 * time, refers to i as well. */
static void add_need(int32_t c, int32_t i, unsigned phase)
{
    act *x = &G.a[c], *y = &G.a[i];
    if (phase <= 1)
        x->needs[x->nneeds++] = i;
    else
        x->pneeds[phase - 2] = i;
    y->refs[y->nrefs++] = c;
    y->indeg++;
    if (x->nrefs < MAX_REFS && chance(&G.rs, 50))
        x->refs[x->nrefs++] = i;
}

static void plant_background_needs(void)
{
    static const uint8_t count[10] = {1, 1, 1, 1, 2, 2, 2, 3, 3, 3};
    for (uint32_t c = 0; c < G.n; c++) {
        act *x = &G.a[c];
        unsigned m;
        if (x->role != ROLE_CONSUMER && x->role != ROLE_PHASED)
            continue;
        m = x->role == ROLE_PHASED ? 1 + below(&G.rs, 2) : count[below(&G.rs, 10)];
        for (unsigned k = 0; k < m; k++) {
            int32_t i = pick_producer((int32_t)c);
            if (i >= 0)
                add_need((int32_t)c, i, 1);
        }
        for (unsigned ph = 2; ph <= x->nphases; ph++) {
            if (chance(&G.rs, 30)) {
                int32_t i = pick_producer((int32_t)c);
                if (i >= 0)
                    add_need((int32_t)c, i, ph);
            }
        }
    }
}

static int ok_partner(int32_t i, int32_t j)
{
    return j != i && is_background(j) && G.a[j].nrefs < MAX_REFS && G.a[i].nrefs < MAX_REFS &&
           !adjacent(i, j);
}

/* Mutual refs until every background action has its drawn number (1-4) of them. */
static void fill_refs(void)
{
    static const uint8_t want[10] = {1, 1, 1, 2, 2, 2, 2, 3, 3, 4};
    for (uint32_t u = 0; u < G.n; u++) {
        int32_t i = (int32_t)u;
        unsigned t;
        if (!is_background(i))
            continue;
        t = want[below(&G.rs, 10)];
        for (int tries = 0; G.a[i].nrefs < t && tries < 40; tries++) {
            int32_t j = random_in_plan(pick_plan(plan_of(u), 90));
            if (ok_partner(i, j))
                add_mutual(i, j);
        }
        if (G.a[i].nrefs == 0) {
            uint32_t p = plan_of(u), start = plan_start(p), size = plan_size(p);
            uint32_t off = below(&G.rs, size);
            for (uint32_t k = 0; k < size && G.a[i].nrefs == 0; k++) {
                int32_t j = (int32_t)(start + (off + k) % size);
                if (ok_partner(i, j))
                    add_mutual(i, j);
            }
            for (uint32_t k = 0; k < G.n && G.a[i].nrefs == 0; k++)
                if (ok_partner(i, (int32_t)k))
                    add_mutual(i, (int32_t)k);
            if (G.a[i].nrefs == 0)
                die("cannot give every action a cross-reference; use more actions", NULL);
        }
    }
    for (uint32_t u = 0; u < G.n; u++) {
        act *x = &G.a[u];
        uint32_t goals = G.goals[plan_of(u)];
        if (is_background((int32_t)u) && goals >= 2 && x->nrefs < MAX_REFS && chance(&G.rs, 15)) {
            uint32_t g = 1 + below(&G.rs, goals - 1);
            x->goalref = g >= x->goal ? g + 1 : g;
        }
    }
}

static void assign_timings(void)
{
    for (uint32_t i = 0; i < G.n; i++) {
        act *x = &G.a[i];
        if (G.noise && (x->role == ROLE_PRODUCER || x->role == ROLE_CONSUMER))
            x->timing = (uint8_t)below(&G.rs, (uint32_t)(COUNT(early) + COUNT(late)));
        else if (x->role == ROLE_PRODUCER)
            x->timing = (uint8_t)(x->indeg ? below(&G.rs, COUNT(early))
                                           : below(&G.rs, (uint32_t)N_TIMINGS));
        else if (x->role == ROLE_CONSUMER)
            x->timing = (uint8_t)(COUNT(early) + below(&G.rs, COUNT(late)));
    }
}

static int32_t random_background(uint8_t avoid)
{
    for (uint64_t t = 0; t < 100000000u; t++) {
        int32_t i = (int32_t)below(&G.rs, G.n);
        if (is_background(i) && !(G.a[i].flags & avoid))
            return i;
    }
    die("too many planted defects for the number of actions", NULL);
}

/* Near-duplicates: same role, different plans (when there are several), same timing. */
static void plant_duplicates(void)
{
    for (uint32_t u = 0; u < G.duplicates; u++) {
        int32_t o = -1, c = -1;
        for (uint64_t t = 0; t < 100000000u && c < 0; t++) {
            int32_t cand;
            o = random_background(F_COPY | F_ORIGINAL);
            if (G.a[o].role == ROLE_PHASED)
                continue;
            for (int k = 0; k < 64 && c < 0; k++) {
                cand = random_in_plan(pick_plan(plan_of((uint32_t)o), 0));
                if (cand != o && G.a[cand].role == G.a[o].role &&
                    !(G.a[cand].flags & (F_COPY | F_ORIGINAL)))
                    c = cand;
            }
        }
        if (c < 0)
            die("too many planted duplicates for the number of actions", NULL);
        G.a[o].flags |= F_ORIGINAL;
        G.a[c].flags |= F_COPY;
        G.a[c].text = o;
        if (G.a[o].role == ROLE_CONSUMER)
            G.a[o].timing = (uint8_t)(COUNT(early) + below(&G.rs, COUNT(late)));
        else if (G.a[o].indeg || G.a[c].indeg)
            G.a[o].timing = (uint8_t)below(&G.rs, COUNT(early));
        else
            G.a[o].timing = (uint8_t)below(&G.rs, (uint32_t)N_TIMINGS);
        G.a[c].timing = G.a[o].timing;
    }
}

static int32_t oneway_target(int32_t from)
{
    uint32_t lo = 0, hi = G.now;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (G.ow[mid].from < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < G.now && G.ow[lo].from == from ? G.ow[lo].to : -1;
}

/* The noisy profile's random refs of action i, from a stream of its own (so the plan's
 * overlaps and its actions agree): G.noise actions other than i, 80% in i's plan. */
static int noise_refs(int32_t i, int32_t out[MAX_NOISE])
{
    rng r;
    uint32_t p = plan_of((uint32_t)i);
    int n = 0;
    rng_init(&r, G.seed, 5, (uint64_t)i);
    while (n < (int)G.noise) {
        uint32_t q = p;
        int32_t j;
        if (G.plans > 1 && !chance(&r, 80)) {
            q = below(&r, G.plans - 1);
            q += q >= p;
        }
        j = (int32_t)(plan_start(q) + below(&r, plan_size(q)));
        if (j != i)
            out[n++] = j;
    }
    return n;
}

static int cmp_oneway(const void *a, const void *b)
{
    const oneway *x = a, *y = b;
    return (x->from > y->from) - (x->from < y->from);
}

static void plant_extras(void)
{
    for (uint32_t d = 0; d < G.dangling; d++)
        G.a[random_background(F_DANGLING)].flags |= F_DANGLING;
    for (uint32_t e = 0; e < G.external; e++)
        G.a[random_background(F_EXTERNAL)].flags |= F_EXTERNAL;
    G.ow = xmalloc((G.oneway ? G.oneway : 1) * sizeof *G.ow);
    G.now = 0;
    for (uint32_t w = 0; w < G.oneway; w++) {
        int placed = 0;
        for (uint64_t t = 0; t < 10000000u && !placed; t++) {
            int32_t a = random_background(F_ONEWAY);
            int32_t b = random_in_plan(pick_plan(plan_of((uint32_t)a), 70));
            int back = 0;
            if (b == a || !is_background(b) || adjacent(a, b))
                continue;
            if (G.a[b].flags & F_ONEWAY)
                for (uint32_t k = 0; k < G.now; k++)
                    if (G.ow[k].from == b && G.ow[k].to == a)
                        back = 1;
            if (back)
                continue;
            G.a[a].flags |= F_ONEWAY;
            G.ow[G.now].from = a;
            G.ow[G.now].to = b;
            G.now++;
            placed = 1;
        }
        if (!placed)
            die("too many one-way references for the number of actions", NULL);
    }
    qsort(G.ow, G.now, sizeof *G.ow, cmp_oneway);
}

/* ------------------------------------------------------------------------------------ */
/* Writing                                                                              */

static void plan_code(uint32_t p, char *buf, size_t size)
{
    snprintf(buf, size, "P%0*u", G.code_width, (unsigned)(p + 1));
}

/* "g.k" of action i, no quotes. */
static void put_action_id(sink *s, int32_t i)
{
    put_u(s, G.a[i].goal);
    put_c(s, '.');
    put_u(s, G.a[i].num);
}

/* A reference from plan `from` to action i, quoted. */
static void put_ref(sink *s, uint32_t from, int32_t i)
{
    uint32_t p = plan_of((uint32_t)i);
    put_c(s, '"');
    if (p != from) {
        char code[16];
        plan_code(p, code, sizeof code);
        put_s(s, code);
        put_c(s, ':');
    }
    put_action_id(s, i);
    put_c(s, '"');
}

/* The needs-graph node of action i: phase `phase` (0 for an action without phases). */
static void put_unit(sink *s, int32_t i, unsigned phase)
{
    char code[16];
    plan_code(plan_of((uint32_t)i), code, sizeof code);
    put_c(s, '"');
    put_u(s, YEAR);
    put_c(s, '-');
    put_s(s, code);
    put_c(s, ':');
    put_action_id(s, i);
    if (phase) {
        put_c(s, '#');
        put_u(s, phase);
    }
    put_c(s, '"');
}

static void dot_edge(sink *dot, int32_t from, unsigned from_phase, int32_t to)
{
    put(dot, "  ", 2);
    put_unit(dot, from, from_phase);
    put(dot, " -> ", 4);
    put_unit(dot, to, G.a[to].nphases);
    put(dot, ";\n", 2);
    G.dot_edges++;
}

static int contains(const char *const *list, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0)
            return 1;
    return 0;
}

/* Leaders 1-3 (Member States and agencies), participants 0-6 (also groups). */
static int pick_actors(rng *r, const char **leaders, const char **parts, int *np)
{
    int nl = chance(r, 55) ? 1 : chance(r, 65) ? 2 : 3;
    int want = (int)below(r, 7), n = 0;

    for (int i = 0; i < nl;) {
        const char *c = chance(r, 60) ? PICK(r, member_states) : PICK(r, agencies);
        if (!contains(leaders, i, c))
            leaders[i++] = c;
    }
    if (want > 0) {
        int all = chance(r, 30), rel = !all && chance(r, 40);
        if (all)
            parts[n++] = "All MS";
        else if (rel)
            parts[n++] = "Relevant MS";
        for (int guard = 0; n < want && guard < 64; guard++) {
            const char *c = (all || chance(r, 40)) ? PICK(r, agencies) : PICK(r, member_states);
            if (!contains(leaders, nl, c) && !contains(parts, n, c))
                parts[n++] = c;
        }
    }
    *np = n;
    return nl;
}

static void put_str_array(sink *s, const char *const *v, int n, const char *indent,
                          const char *inner)
{
    int first = 1;
    put_c(s, '[');
    for (int i = 0; i < n; i++) {
        item(s, &first, inner);
        put_jstr(s, v[i]);
    }
    put_s(s, "\n");
    put_s(s, indent);
    put_c(s, ']');
}

static void write_action(sink *o, sink *dot, uint32_t p, int32_t i, int *first_action)
{
    static const char *const I4 = "    ", *const I6 = "      ", *const I8 = "        ";
    static const char *const I10 = "          ", *const I12 = "            ";
    const act *x = &G.a[i];
    const char *rare[RARE_SLOTS];
    const char *leaders[3], *parts[8];
    int nl, np, first = 1;
    text title, desc;
    rng tr, mr;

    /* Text and actors come from the text id, so a copy starts from its original's. */
    rare_terms((uint32_t)x->text, rare);
    rng_init(&tr, G.seed, 1, (uint64_t)x->text);
    rng_init(&mr, G.seed, 2, (uint64_t)x->text);
    gen_title(&tr, rare, &title);
    gen_description(&tr, rare, &desc);
    nl = pick_actors(&mr, leaders, parts, &np);
    if (x->flags & F_COPY) {
        rng cr;
        rng_init(&cr, G.seed, 4, (uint64_t)i);
        near_duplicate(&cr, &title, &desc);
        if (np > 0 && chance(&cr, 50)) {
            np--;
        } else {
            for (int guard = 0; guard < 64; guard++) {
                const char *c = PICK(&cr, member_states);
                if (np < 8 && !contains(leaders, nl, c) && !contains(parts, np, c)) {
                    parts[np++] = c;
                    break;
                }
            }
        }
    }

    item(o, first_action, I4);
    put_c(o, '{');
    key(o, &first, I6, "id");
    put_c(o, '"');
    put_action_id(o, i);
    put_c(o, '"');
    key(o, &first, I6, "goal");
    put(o, "\"SG", 3);
    put_u(o, x->goal);
    put_c(o, '"');
    key(o, &first, I6, "title");
    put_text(o, &title);
    key(o, &first, I6, "leaders");
    put_str_array(o, leaders, nl, I6, I8);
    if (np > 0) {
        key(o, &first, I6, "participants");
        put_str_array(o, parts, np, I6, I8);
    }
    key(o, &first, I6, "description");
    put_text(o, &desc);

    /* refs: another goal, the actions, then the planted extras. */
    {
        int f = 1;
        key(o, &first, I6, "refs");
        put_c(o, '[');
        if (x->goalref) {
            item(o, &f, I8);
            put(o, "\"SG", 3);
            put_u(o, x->goalref);
            put_c(o, '"');
        }
        for (int k = 0; k < x->nrefs; k++) {
            item(o, &f, I8);
            put_ref(o, p, x->refs[k]);
        }
        if (x->flags & F_ONEWAY) {
            item(o, &f, I8);
            put_ref(o, p, oneway_target(i));
        }
        {
            int32_t r[MAX_NOISE];
            int nr = noise_refs(i, r);
            for (int k = 0; k < nr; k++) {
                item(o, &f, I8);
                put_ref(o, p, r[k]);
            }
        }
        if (x->flags & F_DANGLING) {
            item(o, &f, I8);
            put_c(o, '"');
            put_u(o, x->goal);
            put(o, ".99\"", 4);
        }
        if (x->flags & F_EXTERNAL) {
            item(o, &f, I8);
            put_s(o, "\"Z:*\"");
        }
        put_c(o, '\n');
        put_s(o, I6);
        put_c(o, ']');
    }
    if (x->nneeds) {
        int f = 1;
        key(o, &first, I6, "needs");
        put_c(o, '[');
        for (int k = 0; k < x->nneeds; k++) {
            item(o, &f, I8);
            put_ref(o, p, x->needs[k]);
        }
        put_c(o, '\n');
        put_s(o, I6);
        put_c(o, ']');
    }
    if (x->nphases) {
        const char *const *ph = phase_sets[x->timing];
        int f = 1;
        key(o, &first, I6, "phases");
        put_c(o, '[');
        for (unsigned k = 0; k < x->nphases; k++) {
            int g = 1;
            item(o, &f, I8);
            put_c(o, '{');
            key(o, &g, I10, "id");
            put_c(o, '"');
            put_u(o, k + 1);
            put_c(o, '"');
            key(o, &g, I10, "timing");
            put_jstr(o, ph[k]);
            if (k >= 1 && x->pneeds[k - 1] >= 0) {
                int h = 1;
                key(o, &g, I10, "needs");
                put_c(o, '[');
                item(o, &h, I12);
                put_ref(o, p, x->pneeds[k - 1]);
                put_c(o, '\n');
                put_s(o, I10);
                put_c(o, ']');
            }
            put_c(o, '\n');
            put_s(o, I8);
            put_c(o, '}');
        }
        put_c(o, '\n');
        put_s(o, I6);
        put_c(o, ']');
        key(o, &first, I6, "timing");
        put_c(o, '"');
        for (unsigned k = 0; k < x->nphases; k++) {
            static const char *const ord[] = {"1st", "2nd", "3rd"};
            if (k)
                put_c(o, ' ');
            put_s(o, ord[k]);
            put_s(o, " phase: ");
            put_esc(o, ph[k], strlen(ph[k]));
        }
        put_c(o, '"');
    } else {
        key(o, &first, I6, "timing");
        put_jstr(o, timing_text(x->timing));
    }
    key(o, &first, I6, "target");
    put_jstr(o, PICK(&mr, targets));
    {
        const char *k[2];
        int nk = 1;
        k[0] = PICK(&mr, kpis);
        if (chance(&mr, 45)) {
            k[1] = PICK(&mr, kpis);
            nk += strcmp(k[0], k[1]) != 0;
        }
        key(o, &first, I6, "kpis");
        put_str_array(o, k, nk, I6, I8);
    }
    put_c(o, '\n');
    put_s(o, I4);
    put_c(o, '}');

    /* The needs graph: the action's units, then its needs. */
    if (x->nphases == 0) {
        put(dot, "  ", 2);
        put_unit(dot, i, 0);
        put(dot, ";\n", 2);
        G.dot_nodes++;
    } else {
        for (unsigned k = 1; k <= x->nphases; k++) {
            put(dot, "  ", 2);
            put_unit(dot, i, k);
            put(dot, ";\n", 2);
            G.dot_nodes++;
        }
        for (unsigned k = 2; k <= x->nphases; k++) {
            put(dot, "  ", 2);
            put_unit(dot, i, k);
            put(dot, " -> ", 4);
            put_unit(dot, i, k - 1);
            put(dot, ";\n", 2);
            G.dot_edges++;
        }
    }
    for (int k = 0; k < x->nneeds; k++)
        dot_edge(dot, i, x->nphases ? 1 : 0, x->needs[k]);
    for (unsigned k = 2; k <= x->nphases; k++)
        if (x->pneeds[k - 2] >= 0)
            dot_edge(dot, i, k, x->pneeds[k - 2]);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The priorities plan p's actions refer to, sorted; returns how many, *external set
 * when one of them refers to "Z". */
static uint32_t plan_overlaps(uint32_t p, uint32_t *stamp, uint32_t *list, int *external)
{
    uint32_t n = 0, start = plan_start(p), end = start + plan_size(p);
    *external = 0;
    for (uint32_t u = start; u < end; u++) {
        const act *x = &G.a[u];
        int32_t t[MAX_REFS + MAX_NEEDS + 3 + MAX_NOISE];
        int nt = 0;
        nt = noise_refs((int32_t)u, t);
        for (int k = 0; k < x->nrefs; k++)
            t[nt++] = x->refs[k];
        for (int k = 0; k < x->nneeds; k++)
            t[nt++] = x->needs[k];
        for (int k = 0; k < 2; k++)
            if (x->pneeds[k] >= 0)
                t[nt++] = x->pneeds[k];
        if (x->flags & F_ONEWAY)
            t[nt++] = oneway_target((int32_t)u);
        if (x->flags & F_EXTERNAL)
            *external = 1;
        for (int k = 0; k < nt; k++) {
            uint32_t q = plan_of((uint32_t)t[k]);
            if (q != p && stamp[q] != p + 1) {
                stamp[q] = p + 1;
                list[n++] = q;
            }
        }
    }
    qsort(list, n, sizeof *list, cmp_u32);
    return n;
}

static void write_plan(const char *dir, uint32_t p, sink *o, sink *dot, uint32_t *stamp,
                       uint32_t *list)
{
    static const char *const I2 = "  ", *const I4 = "    ", *const I6 = "      ";
    char code[16], name[64];
    uint32_t nov, start = plan_start(p), end = start + plan_size(p);
    int external, first = 1, f;
    rng pr;

    plan_code(p, code, sizeof code);
    snprintf(name, sizeof name, "%d-%s.oap.json", YEAR, code);
    sink_open(o, dir, name);
    rng_init(&pr, G.seed, 3, p);

    put_c(o, '{');
    key(o, &first, I2, "oapgraph");
    put_c(o, '1');
    key(o, &first, I2, "plan");
    {
        int g = 1;
        char buf[64];
        put_c(o, '{');
        key(o, &g, I4, "id");
        snprintf(buf, sizeof buf, "\"%d-%s\"", YEAR, code);
        put_s(o, buf);
        key(o, &g, I4, "priority");
        put_jstr(o, code);
        key(o, &g, I4, "title");
        put_jstr(o, plan_titles[p % COUNT(plan_titles)]);
        key(o, &g, I4, "aim");
        put_jstr(o, PICK(&pr, plan_aims));
        key(o, &g, I4, "year");
        put_u(o, YEAR);
        key(o, &g, I4, "cycle");
        put_jstr(o, "2012-2013");
        key(o, &g, I4, "document");
        snprintf(buf, sizeof buf, "\"%05u/1/11 REV 1\"", 10000u + below(&pr, 89999));
        put_s(o, buf);
        key(o, &g, I4, "classification");
        put_jstr(o, "RESTREINT UE/EU RESTRICTED");
        key(o, &g, I4, "driver");
        put_jstr(o, PICK(&pr, member_states));
        key(o, &g, I4, "support");
        {
            const char *sup[4];
            int ns = 0;
            for (int k = 0; k < 4; k++)
                if (k == 0 || chance(&pr, 60))
                    sup[ns++] = agencies[k];
            put_str_array(o, sup, ns, I4, I6);
        }
        put_c(o, '\n');
        put_s(o, I2);
        put_c(o, '}');
    }

    nov = plan_overlaps(p, stamp, list, &external);
    if (nov || external) {
        key(o, &first, I2, "overlaps");
        put_c(o, '[');
        f = 1;
        for (uint32_t k = 0; k <= nov; k++) {
            char other[16];
            int g = 1;
            if (k == nov && !external)
                break;
            item(o, &f, I4);
            put_c(o, '{');
            key(o, &g, I6, "priority");
            if (k < nov) {
                plan_code(list[k], other, sizeof other);
                put_jstr(o, other);
                key(o, &g, I6, "note");
                put_s(o, "\"Priority ");
                put_s(o, other);
                put_s(o, " (");
                put_s(o, plan_titles[list[k] % COUNT(plan_titles)]);
                put_s(o, ") because organised crime groups active in both priorities share "
                         "routes, facilitators and logistics.\"");
            } else {
                put_jstr(o, "Z");
                key(o, &g, I6, "note");
                put_jstr(o, "Priority Z, whose plan is not part of this set, because its "
                            "networks supply the documents used in this priority.");
            }
            put_c(o, '\n');
            put_s(o, I4);
            put_c(o, '}');
        }
        put_c(o, '\n');
        put_s(o, I2);
        put_c(o, ']');
    }

    key(o, &first, I2, "goals");
    put_c(o, '[');
    f = 1;
    for (uint32_t g = 1; g <= G.goals[p]; g++) {
        int h = 1;
        text t;
        item(o, &f, I4);
        put_c(o, '{');
        key(o, &h, I6, "id");
        put(o, "\"SG", 3);
        put_u(o, g);
        put_c(o, '"');
        key(o, &h, I6, "title");
        text_clear(&t);
        push_phrase(&t, "to", TF_CAP, NULL);
        push_phrase(&t, PICK(&pr, goal_verbs), 0, NULL);
        push_np_the(&pr, &t, 100);
        push_phrase(&t, PICK(&pr, conns), 0, NULL);
        push_np(&pr, &t);
        push_tok(&t, ".", 1, TF_GLUE);
        put_text(o, &t);
        put_c(o, '\n');
        put_s(o, I4);
        put_c(o, '}');
    }
    put_c(o, '\n');
    put_s(o, I2);
    put_c(o, ']');

    key(o, &first, I2, "actions");
    put_c(o, '[');
    f = 1;
    for (uint32_t u = start; u < end; u++)
        write_action(o, dot, p, (int32_t)u, &f);
    put_c(o, '\n');
    put_s(o, I2);
    put(o, "]\n}\n", 4);
    sink_close(o);
}

static void write_manifest(const char *dir)
{
    static const char *const rules[] = {
        "syntax",           "schema",         "unknown-key",        "duplicate-id",
        "dangling-ref",     "external-ref",   "ambiguous-ref",      "self-ref",
        "duplicate-ref",    "one-way-ref",    "undeclared-mention", "undeclared-overlap",
        "orphan-action",    "empty-goal",     "isolated-action",    "action-goal-mismatch",
        "missing-leader",   "missing-kpi",    "missing-timing",     "unknown-actor",
        "dependency-cycle", "redundant-need", "timing-order",       "timing-unparsed",
        "possible-overlap",
    };
    sink s = {0};
    int first = 1;

    sink_open(&s, dir, "manifest.json");
    put_c(&s, '{');
    key(&s, &first, "  ", "actions");
    put_u(&s, G.n);
    key(&s, &first, "  ", "plans");
    put_u(&s, G.plans);
    key(&s, &first, "  ", "seed");
    put_u(&s, G.seed);
    key(&s, &first, "  ", "needs_graph");
    put_s(&s, "{\"nodes\": ");
    put_u(&s, G.dot_nodes);
    put_s(&s, ", \"edges\": ");
    put_u(&s, G.dot_edges);
    put_c(&s, '}');
    if (G.noise) {
        /* Random refs make findings in numbers that only a checker knows. */
        key(&s, &first, "  ", "profile");
        put_s(&s, "\"noisy\"");
        key(&s, &first, "  ", "noise");
        put_u(&s, G.noise);
        put_s(&s, "\n}\n");
        sink_close(&s);
        free(s.buf);
        return;
    }
    key(&s, &first, "  ", "expected");
    put_c(&s, '{');
    {
        int f = 1;
        for (size_t k = 0; k < COUNT(rules); k++) {
            uint64_t v = 0;
            const char *id = rules[k];
            if (strcmp(id, "dependency-cycle") == 0)
                v = G.cycles;
            else if (strcmp(id, "dangling-ref") == 0)
                v = G.dangling;
            else if (strcmp(id, "redundant-need") == 0)
                v = G.redundant;
            else if (strcmp(id, "one-way-ref") == 0)
                v = G.oneway;
            else if (strcmp(id, "external-ref") == 0)
                v = G.external;
            else if (strcmp(id, "possible-overlap") == 0)
                v = G.duplicates;
            key(&s, &f, "    ", id);
            put_u(&s, v);
        }
        put_s(&s, "\n  }");
    }
    put_s(&s, "\n}\n");
    sink_close(&s);
    free(s.buf);
}

/* ------------------------------------------------------------------------------------ */
/* Command line                                                                         */

static void usage(FILE *f)
{
    fputs("usage: oap_gen --actions N --plans P --seed S --out DIR [--cycles C] [--dangling D]\n"
          "               [--redundant R] [--duplicates U] [--one-way W] [--external E]\n"
          "               [--noise K]\n"
          "Writes DIR/2012-<code>.oap.json per plan, DIR/needs.dot and DIR/manifest.json.\n"
          "Defaults: P = max(1, N/10000); C, D, R, U, W, E = max(1, N/1000) each.\n"
          "--noise K (1..16): the noisy profile, K random refs an action, shorter texts,\n"
          "random timings; the manifest then has no expected counts.\n"
          "See tests/bench/README.md for what is generated and the planted defects.\n",
          f);
}

static uint64_t parse_num(const char *opt, const char *s, uint64_t max)
{
    uint64_t v = 0;
    if (!s || !*s)
        die("missing value for", opt);
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            die("not a non-negative integer", s);
        if (v > (max - (uint64_t)(*p - '0')) / 10)
            die("value too large for", opt);
        v = v * 10 + (uint64_t)(*p - '0');
    }
    return v;
}

int main(int argc, char **argv)
{
    static const char *const names[] = {"--cycles",     "--dangling", "--redundant",
                                        "--duplicates", "--one-way",  "--external"};
    int64_t extra[6] = {-1, -1, -1, -1, -1, -1};
    int64_t n = -1, plans = -1, seed = -1;
    const char *dir = NULL;
    uint32_t *stamp, *list;
    uint64_t planted;
    sink o = {0}, dot = {0};

    for (int i = 1; i < argc; i += 2) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int known = 1;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--actions") == 0) {
            n = (int64_t)parse_num(a, v, MAX_ACTIONS);
        } else if (strcmp(a, "--plans") == 0) {
            plans = (int64_t)parse_num(a, v, MAX_ACTIONS);
        } else if (strcmp(a, "--seed") == 0) {
            seed = (int64_t)parse_num(a, v, (uint64_t)INT64_MAX);
        } else if (strcmp(a, "--noise") == 0) {
            G.noise = (uint32_t)parse_num(a, v, MAX_NOISE);
        } else if (strcmp(a, "--out") == 0) {
            if (!v || !*v)
                die("missing value for", a);
            dir = v;
        } else {
            known = 0;
            for (int k = 0; k < 6; k++)
                if (strcmp(a, names[k]) == 0) {
                    extra[k] = (int64_t)parse_num(a, v, MAX_ACTIONS);
                    known = 1;
                }
        }
        if (!known) {
            usage(stderr);
            die("unknown option", a);
        }
    }
    if (n < 0 || seed < 0 || !dir) {
        usage(stderr);
        die("--actions, --seed and --out are required", NULL);
    }
    G.n = (uint32_t)n;
    G.seed = (uint64_t)seed;
    G.plans = plans >= 0 ? (uint32_t)plans : (G.n / 10000 > 1 ? G.n / 10000 : 1);
    for (int k = 0; k < 6; k++)
        if (extra[k] < 0)
            extra[k] = G.n / 1000 > 1 ? G.n / 1000 : 1;
    G.cycles = (uint32_t)extra[0];
    G.dangling = (uint32_t)extra[1];
    G.redundant = (uint32_t)extra[2];
    G.duplicates = (uint32_t)extra[3];
    G.oneway = (uint32_t)extra[4];
    G.external = (uint32_t)extra[5];
    if (G.plans == 0)
        die("--plans must be at least 1", NULL);
    if (G.noise) {
        TITLE_MIN = 6;
        TITLE_MAX = 14;
        DESC_MIN = 14;
        DESC_MAX = 38;
    }
    if (G.n < 3 * (uint64_t)G.plans)
        die("every plan needs at least 3 actions: --actions must be at least 3 x --plans", NULL);
    planted = 4ull * G.cycles + 4ull * G.redundant;
    if (planted > G.n / 4 || 2ull * G.duplicates > G.n / 4 || G.dangling > G.n / 4 ||
        G.external > G.n / 4 || G.oneway > G.n / 4)
        die("too many planted defects for the number of actions", NULL);
    G.q = G.n / G.plans;
    G.r = G.n % G.plans;
    if (G.q + (G.r > 0) < 4 && (G.cycles || G.redundant))
        die("planted cycles and redundant needs take up to 4 actions of one plan: use at least "
            "4 actions per plan, or --cycles 0 --redundant 0",
            NULL);
    G.code_width = 3;
    for (uint32_t v = G.plans; v >= 1000; v /= 10)
        G.code_width++;

    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        die("cannot create directory", dir);

    rng_init(&G.rs, G.seed, 0, 0);
    make_rare_words(G.n);
    {
        uint64_t pp = (uint64_t)rare_p * rare_p;
        do
            design_mul = 1 + rng_next(&G.rs) % (pp - 1);
        while (design_mul % rare_p == 0);
        design_off = rng_next(&G.rs) % pp;
    }

    G.a = calloc(G.n ? G.n : 1, sizeof *G.a);
    G.goals = calloc(G.plans, sizeof *G.goals);
    stamp = calloc(G.plans, sizeof *stamp);
    list = xmalloc(G.plans * sizeof *list);
    if (!G.a || !G.goals || !stamp)
        die("out of memory", NULL);
    for (uint32_t i = 0; i < G.n; i++) {
        G.a[i].pneeds[0] = G.a[i].pneeds[1] = -1;
        G.a[i].text = (int32_t)i;
    }

    layout_goals();
    plant_cycles();
    plant_redundant();
    assign_roles();
    plant_background_needs();
    fill_refs();
    assign_timings();
    plant_duplicates();
    plant_extras();

    sink_open(&dot, dir, "needs.dot");
    put_s(&dot, "digraph needs {\n");
    for (uint32_t p = 0; p < G.plans; p++)
        write_plan(dir, p, &o, &dot, stamp, list);
    put_s(&dot, "}\n");
    sink_close(&dot);
    write_manifest(dir);

    free(o.buf);
    free(dot.buf);
    free(G.a);
    free(G.goals);
    free(G.ow);
    free(stamp);
    free(list);
    free(rare_words);
    return 0;
}
