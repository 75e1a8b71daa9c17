/* report.h: write findings for people and for programs. */
#ifndef OAPGRAPH_REPORT_H
#define OAPGRAPH_REPORT_H

#include "oapgraph/export.h"
#include "oapgraph/diag.h"
#include "oapgraph/plan.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct oap_report_options {
    int color;         /* ANSI colours (the caller decides: a terminal, no NO_COLOR) */
    const char *strip; /* a path prefix to leave out of file names, or NULL */
    /* The files the run read, for the summaries of JSON and Markdown; may be NULL. */
    const char *const *files;
    size_t nfiles;
    /* One fingerprint per finding, in the order held (a run with a baseline computes
     * them over all findings before it drops the known ones); NULL: computed here. */
    const char *const *fingerprints;
    size_t baselined; /* findings a baseline matched and that are not in diags */
    int baseline;     /* non-zero when a baseline was used (the summaries say so) */
    /* SARIF: the absolute folder that relative file names start from (the current
     * folder, "/home/ci/plans"), given as %SRCROOT% in originalUriBaseIds; NULL leaves
     * it out. */
    const char *srcroot;
    /* The config file the run used, as named ("../.oapgraph.json"), or NULL: the JSON
     * summary and SARIF's invocation name it, so a silenced rule can be traced. */
    const char *config;
    /* Text only: under each finding, the line of the plan it points at, with a caret
     * under the column, as compilers show it (oap_diag.source; escaped as messages are). */
    int source;
    /* HTML only: a section "Changes since" OLD: the diff of OLD against these plans
     * (oap_diff_build over the graph of the same plan set), OLD's graph, and OLD as
     * named on the command line. since NULL: no such section. */
    const struct oap_diff *since;
    const struct oap_graph *since_graph;
    const char *since_name;
} oap_report_options;

#define OAP_REPORT_OPTIONS_INIT                                                                    \
    {                                                                                              \
        0, NULL, NULL, 0, NULL, 0, 0, NULL, NULL, 0, NULL, NULL, NULL                              \
    }

/* Each writer puts the findings of diags, in the order held, on out, and returns 0, or
 * OAP_EIO when writing fails, OAP_ENOMEM when memory runs out. */

/* `file:line:col: severity: message [rule]`, one finding a line; the file name and the
 * message escaped as oap_report_escape does. With opts->source, each followed by its
 * source line and a caret, both after a gutter ("   12 | ", "      | ") that no finding
 * starts with. */
OAP_EXTERN int oap_report_text(FILE *out, const oap_diags *diags, const oap_report_options *opts);

/* s as the text format shows plan text and file names, for messages that quote them: on
 * one line, controls, invisible and direction-changing characters and bytes that are not
 * UTF-8 escaped (\x1b, \u202e, \n), and the colon of ":N:N: " as \x3a, so that no line
 * holds a place a problem matcher could take for a finding's other than the finding's own. */
OAP_EXTERN void oap_report_escape(FILE *out, const char *s);

/* One JSON document: {"version": 1, "tool", "findings": [...], "summary"}; the field
 * names are stable and documented in the README. Text that is not UTF-8 (a file name,
 * a cut message) is written with U+FFFD in place of the bad bytes. */
OAP_EXTERN int oap_report_json(FILE *out, const oap_diags *diags, const oap_report_options *opts);

/* SARIF 2.1.0: one run, every registered rule in tool.driver.rules, a result per
 * finding with a partialFingerprints entry "oapgraph/v1". */
OAP_EXTERN int oap_report_sarif(FILE *out, const oap_diags *diags, const oap_report_options *opts);

/* GitHub-flavoured Markdown: a table of findings per plan (per file for findings
 * outside a plan) and a summary; cell text is escaped. */
OAP_EXTERN int oap_report_markdown(FILE *out, const oap_diags *diags,
                                   const oap_report_options *opts);

/* One self-contained HTML page over the plans of set and their findings (the caller runs
 * the checks): a summary; the findings in a table a script filters by severity, rule
 * and plan (scripts off: the whole table); the plan view, the overlap view and the
 * timeline as inline SVG; goals, common goals and actors against actions; every action;
 * the tasking sheets; the classification markings at the top and the bottom of the page
 * and of every printed page, and in the title. Nothing on the page asks for anything
 * outside it (a Content-Security-Policy forbids it), and no plan text becomes markup, a
 * script or a link (but an action's https: link). 0, OAP_EIO, OAP_ENOMEM. */
OAP_EXTERN int oap_report_html(FILE *out, const oap_planset *set, const oap_diags *diags,
                               const oap_report_options *opts);

#ifdef __cplusplus
}
#endif
#endif
