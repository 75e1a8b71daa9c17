/* import_input: the input made safe (UTF-8, line ends) and cut into rows of cells. */
#include "import_table.h"

#include "oapgraph/common.h"
#include "core/array.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"

#include <string.h>

void oap_import__make_safe(oap_import__ctx *c, const char *text, size_t len, oap_strbuf *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    unsigned line = 1, bad_line = 0, hidden_line = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    oap_strbuf_putn(out, "", 0);
    while (i < len && !out->oom) {
        size_t start = i;
        while (i < len && s[i] >= 0x20 && s[i] < 0x7f)
            i++;
        oap_strbuf_putn(out, text + start, i - start);
        if (i >= len)
            break;
        uint32_t cp;
        oap_text_class cls;
        size_t k = oap_text_next(text + i, len - i, &cp, &cls);
        if (cls == OAP_TEXT_LINE_BREAK && cp < 0x80) {
            oap_strbuf_putc(out, '\n');
            line++;
        } else if (cls == OAP_TEXT_INVALID || cp == 0) {
            oap_strbuf_putn(out, OAP_UTF8_REPLACEMENT, 3);
            if (bad_line != line) {
                bad_line = line;
                oap_import__msg(
                    c, line, OAP_IMPORT_WARNING,
                    "bytes that are not UTF-8 are replaced by U+FFFD (save the table as UTF-8)");
            }
        } else {
            oap_strbuf_putn(out, text + i, k);
            if (cls != OAP_TEXT_ORDINARY && cls != OAP_TEXT_TAB && cls != OAP_TEXT_LINE_BREAK &&
                hidden_line != line) {
                hidden_line = line;
                oap_import__msg(
                    c, line, OAP_IMPORT_NOTE,
                    "the line holds U+%04X, a control, invisible or direction-changing character: "
                    "what is imported keeps it, and the plan file shows it as a \\u escape (delete "
                    "it unless it is meant)",
                    (unsigned)cp);
            }
        }
        i += k;
    }
}

static int row_add_cell(oap_import__row *r)
{
    if (OAP_ARRAY_RESERVE(r->offs, r->cap, r->n + 1) < 0)
        return OAP_ENOMEM;
    r->offs[r->n++] = r->buf.len;
    return 0;
}

int oap_import__next_row(oap_import__ctx *c, oap_import__rowreader *rd, oap_import__row *r)
{
    if (rd->pos >= rd->n)
        return 0;
    r->line = rd->line;
    r->n = 0;
    oap_strbuf_reset(&r->buf);
    oap_strbuf_putn(&r->buf, "", 0);
    for (;;) {
        if (row_add_cell(r) < 0)
            return OAP_ENOMEM;
        size_t start = rd->pos, buf_start = r->buf.len;
        unsigned line_start = rd->line;
        int plain = 1;
        if (rd->quotes && rd->pos < rd->n && rd->s[rd->pos] == '"') {
            size_t i = rd->pos + 1;
            unsigned lines = 0;
            int closed = 0;
            while (i < rd->n) {
                if (rd->s[i] == '"') {
                    if (i + 1 < rd->n && rd->s[i + 1] == '"') {
                        oap_strbuf_putc(&r->buf, '"');
                        i += 2;
                        continue;
                    }
                    closed = 1;
                    i++;
                    break;
                }
                if (rd->s[i] == '\n')
                    lines++;
                oap_strbuf_putc(&r->buf, rd->s[i]);
                i++;
            }
            if (closed && (i >= rd->n || rd->s[i] == rd->delim || rd->s[i] == '\n')) {
                rd->pos = i;
                rd->line += lines;
                plain = 0;
            } else {
                if (!closed)
                    oap_import__msg(
                        c, line_start, OAP_IMPORT_WARNING,
                        "the double quote that opens a cell here is never closed; it is read "
                        "as a plain character");
                oap_strbuf_truncate(&r->buf, buf_start);
                rd->pos = start;
            }
        }
        if (plain) {
            size_t i = rd->pos;
            while (i < rd->n && rd->s[i] != rd->delim && rd->s[i] != '\n')
                i++;
            oap_strbuf_putn(&r->buf, rd->s + rd->pos, i - rd->pos);
            rd->pos = i;
        }
        /* The cell's NUL stays in the buffer; the next cell starts after it. */
        oap_strbuf_putc(&r->buf, '\0');
        if (r->buf.oom)
            return OAP_ENOMEM;
        if (rd->pos < rd->n && rd->s[rd->pos] == rd->delim) {
            rd->pos++;
            continue;
        }
        if (rd->pos < rd->n) { /* '\n' */
            rd->pos++;
            rd->line++;
        }
        return 1;
    }
}
