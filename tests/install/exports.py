#!/usr/bin/env python3
"""exports: the shared library exports exactly the functions the public headers declare.

Usage: exports.py INCLUDE_DIR LIBRARY [NM]

Reads every header of INCLUDE_DIR (include/oapgraph) and lists `nm -D --defined-only` of
LIBRARY (liboapgraph.so). Every function a header declares must be declared OAP_EXTERN
(include/oapgraph/export.h) and be in the library's dynamic symbols; every symbol the
library exports must be such a function; every header must include export.h, directly
or through another public header. Prints each difference and exits 1 when there is one.
"""
import os
import re
import subprocess
import sys

# What the linker itself may define in a shared object's dynamic symbols: these, and the
# bounds of a section named like a C identifier (__start_X, __stop_X: the coverage
# counters of a fuzzing build).
LINKER = {"_init", "_fini", "_edata", "_end", "__bss_start"}
SECTION_BOUND = re.compile(r"^__(start|stop)_[A-Za-z_]\w*$")

INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*"oapgraph/([^"]+)"', re.M)
CPLUSPLUS = re.compile(r"^[ \t]*#[ \t]*ifdef[ \t]+__cplusplus\b.*?^[ \t]*#[ \t]*endif\b[^\n]*",
                       re.M | re.S)
NAME = re.compile(r"([A-Za-z_]\w*)\s*\($")


def blank(m):
    """The match with every character but newlines made a space, so offsets keep lines."""
    return re.sub(r"[^\n]", " ", m.group(0))


def code_of(text):
    """The header's C declarations: comments, the extern "C" guards and preprocessor
    lines (with their continuations) blanked out."""
    text = re.sub(r"/\*.*?\*/|//[^\n]*", blank, text, flags=re.S)
    text = CPLUSPLUS.sub(blank, text)
    return re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", blank, text, flags=re.M)


def declarations(code):
    """(offset, statement) for each top-level declaration that is a function: a statement
    ended by ';' outside braces, with a '(' outside braces, that is not a typedef. Bodies
    of static inline functions are skipped, as they export nothing."""
    out = []
    depth = 0
    start = 0
    for i, c in enumerate(code):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            stmt = code[start:i + 1]
            head = stmt.split("{", 1)[0]
            if depth == 0 and "(" in head and not stmt.lstrip().startswith("typedef"):
                start = i + 1  # a function body: inline, nothing to export
        elif c == ";" and depth == 0:
            stmt = code[start:i]
            flat = re.sub(r"\{.*\}", "{}", stmt, flags=re.S)
            first = flat.split()
            if "(" in flat and first and first[0] not in ("typedef", "struct", "union", "enum"):
                out.append((start + len(stmt) - len(stmt.lstrip()), flat.strip()))
            start = i + 1
    return out


def main(include_dir, library, nm="nm"):
    problems = []
    declared = {}  # name -> "header:line"
    includes = {}
    headers = sorted(n for n in os.listdir(include_dir) if n.endswith(".h"))
    for name in headers:
        with open(os.path.join(include_dir, name), encoding="utf-8") as f:
            text = f.read()
        includes[name] = set(INCLUDE.findall(text))
        code = code_of(text)
        for offset, stmt in declarations(code):
            where = f"{name}:{code.count(chr(10), 0, offset) + 1}"
            m = NAME.search(stmt.split("(", 1)[0] + "(")
            if not m:
                problems.append(f"{where}: cannot read the name of `{' '.join(stmt.split())}`")
                continue
            fn = m.group(1)
            if not stmt.startswith("OAP_EXTERN"):
                problems.append(f"{where}: {fn} is declared without OAP_EXTERN, so the shared "
                                "library does not export it")
                continue
            declared.setdefault(fn, where)

    for name in headers:
        if name == "export.h":
            continue
        seen, todo = set(), [name]
        while todo:
            h = todo.pop()
            if h not in seen:
                seen.add(h)
                todo += includes.get(h, ())
        if "export.h" not in seen:
            problems.append(f'{name}: does not include "oapgraph/export.h", directly or '
                            "through another public header")

    run = subprocess.run([nm, "-D", "--defined-only", library], capture_output=True,
                         text=True)
    if run.returncode != 0:
        print(f"exports: {nm} -D --defined-only {library} failed:\n{run.stderr}", end="")
        return 1
    exported = {}
    for line in run.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            exported[fields[-1].split("@", 1)[0]] = fields[-2]
    for sym in list(exported):
        if sym in LINKER or SECTION_BOUND.match(sym):
            del exported[sym]

    for fn in sorted(set(declared) - set(exported)):
        problems.append(f"{declared[fn]}: {fn} is declared OAP_EXTERN but not exported by "
                        f"{os.path.basename(library)} (not defined, or defined static?)")
    for sym in sorted(set(exported) - set(declared)):
        problems.append(f"{os.path.basename(library)}: exports {sym} ({exported[sym]}), which "
                        "no public header declares OAP_EXTERN")
    for p in problems:
        print(p)
    print(f"exports: {len(declared)} functions declared OAP_EXTERN in {len(headers)} headers, "
          f"{len(exported)} symbols exported, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.split("\n\n")[1])
    sys.exit(main(*sys.argv[1:]))
