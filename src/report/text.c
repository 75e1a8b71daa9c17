/* text: findings in the form compilers use, for people, editors and problem matchers. */
#include "oapgraph/report.h"
#include "oapgraph/common.h"

#include "core/text.h"

#include <string.h>

static const char *severity_color(oap_severity s)
{
    switch (s) {
    case OAP_SEVERITY_ERROR:
        return "\033[1;31m";
    case OAP_SEVERITY_WARNING:
        return "\033[1;33m";
    default:
        return "\033[1;36m";
    }
}

static void put_file(void *ctx, const char *b, size_t n)
{
    fwrite(b, 1, n, ctx);
}

void oap_report_escape(FILE *out, const char *s)
{
    oap_text_escape(s, 0, put_file, out);
}

int oap_report_text(FILE *out, const oap_diags *diags, const oap_report_options *opts)
{
    size_t strip = opts && opts->strip ? strlen(opts->strip) : 0;
    int color = opts && opts->color;
    for (size_t i = 0; i < oap_diags_count(diags); i++) {
        const oap_diag *d = oap_diags_at(diags, i);
        const char *file = d->file;
        if (strip && strncmp(file, opts->strip, strip) == 0)
            file += strip;
        /* The file name as plan text: a name may hold anything but "/" and NUL, a line
         * break and a whole forged finding ("x:1:1: error: ... [syntax]\nevil") included;
         * escaped, the only place on the line is the finding's own. Colour marks the
         * severity word and the rule id only: the location stays plain text, for whatever
         * matches it (an editor reading a terminal, a problem matcher). */
        oap_text_escape(file, 0, put_file, out);
        if (color)
            fprintf(out, ":%u:%u: %s%s\033[0m: ", d->line, d->col,
                    severity_color(d->severity), oap_severity_name(d->severity));
        else
            fprintf(out, ":%u:%u: %s: ", d->line, d->col, oap_severity_name(d->severity));
        /* Plan text reaches messages (keys, ids, quoted text): escaped, so a finding stays
         * on one line, reads as written and cannot move a terminal's cursor. */
        oap_text_escape(d->message, 0, put_file, out);
        fprintf(out, color ? " [\033[2m%s\033[0m]\n" : " [%s]\n", d->rule);
    }
    return ferror(out) ? OAP_EIO : 0;
}
