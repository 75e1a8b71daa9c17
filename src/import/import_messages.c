/* import_messages: what an import says: messages made, capped, counted, sorted, freed. */
#include "import_table.h"

#include "oapgraph/common.h"
#include "core/array.h"
#include "core/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void oap_import_messages_free(oap_import_messages *msgs)
{
    for (size_t i = 0; i < msgs->n; i++)
        free(msgs->items[i].text);
    free(msgs->items);
    memset(msgs, 0, sizeof *msgs);
}

/* Adds a message; returns 0 or OAP_ENOMEM. The message text is cut at 600 bytes. */
static int add_message(oap_import_messages *m, unsigned line, oap_import_level level,
                       const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));

static int add_message(oap_import_messages *m, unsigned line, oap_import_level level,
                       const char *fmt, va_list ap)
{
    if (level >= OAP_IMPORT_WARNING)
        m->warnings++;
    if (level == OAP_IMPORT_ERROR)
        m->errors++;
    if (m->n >= OAP_IMPORT_MAX_MESSAGES) {
        m->more++;
        return 0;
    }
    if (OAP_ARRAY_RESERVE(m->items, m->cap, m->n + 1) < 0)
        return OAP_ENOMEM;
    char buf[600];
    vsnprintf(buf, sizeof buf, fmt, ap);
    /* The table's text quoted in a message is shown as findings show plan text; the tabs
     * between the cells of a quoted row stay, as they always have. */
    char *text = oap_text_escaped(buf, OAP_TEXT_KEEP_TABS);
    if (!text)
        return OAP_ENOMEM;
    m->items[m->n++] = (oap_import_message){line, level, text};
    return 0;
}

void oap_import__messages_sort(oap_import_messages *m)
{
    for (size_t i = 1; i < m->n; i++) {
        oap_import_message x = m->items[i];
        size_t j = i;
        while (j > 0 && m->items[j - 1].line > x.line) {
            m->items[j] = m->items[j - 1];
            j--;
        }
        m->items[j] = x;
    }
}

void oap_import__msg(oap_import__ctx *c, unsigned line, oap_import_level level, const char *fmt,
                     ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (add_message(c->msgs, line, level, fmt, ap) < 0)
        c->oom = 1;
    va_end(ap);
}
