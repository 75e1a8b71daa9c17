/* text: findings in the form compilers use, for people, editors and problem matchers. */
#include "oapgraph/report.h"
#include "oapgraph/common.h"

#include "core/utf8.h"

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

/* Plan text reaches messages (keys, ids, quoted text): control characters and the
 * invisible code points (oap_utf8_invisible) are shown escaped, so a finding stays on one line,
 * reads as written and cannot move a terminal's cursor; bytes that are not UTF-8 show as \xNN. */
static void put_message(FILE *out, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        const unsigned char *u = (const unsigned char *)s + i;
        uint32_t cp;
        size_t k = oap_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            fprintf(out, "\\x%02x", u[0]);
            i++;
            continue;
        }
        if (cp == '\n')
            fputs("\\n", out);
        else if (cp == '\t')
            fputs("\\t", out);
        else if (cp < 0x20 || cp == 0x7f)
            fprintf(out, "\\x%02x", (unsigned)cp);
        else if (oap_utf8_invisible(cp))
            fprintf(out, "\\u%04x", (unsigned)cp);
        else
            fwrite(s + i, 1, k, out);
        i += k;
    }
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
        if (color)
            fprintf(out, "\033[1m%s:%u:%u:\033[0m %s%s:\033[0m ", file, d->line, d->col,
                    severity_color(d->severity), oap_severity_name(d->severity));
        else
            fprintf(out, "%s:%u:%u: %s: ", file, d->line, d->col, oap_severity_name(d->severity));
        put_message(out, d->message);
        fprintf(out, color ? " \033[2m[%s]\033[0m\n" : " [%s]\n", d->rule);
    }
    return ferror(out) ? OAP_EIO : 0;
}
