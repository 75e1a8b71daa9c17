/* config: the .oapgraph.json file: rule severities, extra actors, the overlap threshold. */
#ifndef OAP_LOAD_CONFIG_H
#define OAP_LOAD_CONFIG_H

#include "oapgraph/policy.h"

#include <stddef.h>

/* Formats "name:line:col: " and the message into err, placing pointer (its member name
 * when at_key) in text, or at line and col when pointer is NULL. */
void oap_policy__located_error(char *err, size_t errsize, const char *name, const char *text,
                               size_t len, const char *pointer, int at_key, unsigned line,
                               unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 10, 11)));

#endif
