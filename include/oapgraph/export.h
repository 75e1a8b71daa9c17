/* export.h: OAP_EXTERN, the mark of a function the shared library exports. */
#ifndef OAPGRAPH_EXPORT_H
#define OAPGRAPH_EXPORT_H

/* The rule, for whoever adds to the public API: every function declared in a public
 * header (a .h file of include/oapgraph/) is declared OAP_EXTERN,
 *
 *     OAP_EXTERN int oap_planset_new(oap_planset **out);
 *
 * and the header includes this file. The library is compiled with -fvisibility=hidden,
 * so a function without the mark stays inside liboapgraph.so, however many files of the
 * library call it; internal headers (src/) never use it. tests/install/exports.py
 * compares `nm -D` of the shared library with these declarations and names every
 * function that is missing on either side.
 *
 * OAPGRAPH_BUILDING is defined only while the library itself is compiled (CMakeLists.txt);
 * a program using the library sees a plain declaration. */
#if defined(OAPGRAPH_BUILDING) && (defined(__GNUC__) || defined(__clang__))
#define OAP_EXTERN extern __attribute__((visibility("default")))
#else
#define OAP_EXTERN extern
#endif

#endif
