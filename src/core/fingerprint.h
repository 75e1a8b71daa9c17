/* fingerprint: the hash findings are identified by, for the floors that make more of them. */
#ifndef OAP_CORE_FINGERPRINT_H
#define OAP_CORE_FINGERPRINT_H

#include <stdint.h>

/* FNV-1a, 64 bits. */
#define OAP_FNV_OFFSET 0xcbf29ce484222325ULL

/* Hashes a field and its terminating NUL into h, so that "ab"+"c" and "a"+"bc" differ; NULL
 * reads as "". */
uint64_t oap_fnv_field(uint64_t h, const char *s);

/* The last component of a path ("plans/a.oap.json" -> "a.oap.json"). */
const char *oap_base_name(const char *path);

#endif
