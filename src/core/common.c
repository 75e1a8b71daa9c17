/* common: error code descriptions. */
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
