/* common: error code descriptions and the library's version. */
#include "oapgraph/common.h"

const char *oap_strerror(int code)
{
    switch (code) {
    case OAP_OK:
        return "success";
    case OAP_ENOMEM:
        return "out of memory";
    case OAP_EIO:
        return "input/output error";
    case OAP_EINVAL:
        return "invalid argument";
    case OAP_ELIMIT:
        return "input exceeds a configured limit";
    }
    return "unknown error";
}

/* OAPGRAPH_VERSION as the library was compiled: a program linked with the shared library
 * gets the version of the one it runs with, not of the headers it was compiled against. */
const char *oap_version(void)
{
    return OAPGRAPH_VERSION;
}
