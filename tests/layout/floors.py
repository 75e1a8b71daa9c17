#!/usr/bin/env python3
"""floors: the include lines of src/ and include/ keep the architecture's one-way floors.

A plan travels file -> model -> graph -> findings -> reports; each folder of src/ is a
floor and may include headers of its own folder and of floors below it, never of a floor
above it or beside it. A public header (include/oapgraph/*.h) counts as the folder that
implements what it declares; the program (src/cli) includes public headers only. Only the folders named in LIBRARIES may include jansson and
cgraph, and public headers include neither. Prints every violation and exits 1 when
there is one; the table below is the architecture, change it with the README's layout.
"""
import os
import re
import sys

FLOORS = {
    "core": 0,
    "load": 1,
    "graph": 2,
    "checks": 3,
    "policy": 4,
    "import": 4,
    "emit": 4,
    "views": 4,
    "report": 5,
    "cli": 6,
}

# Each public header, by the folder that implements it.
PUBLIC = {
    "common.h": "core",
    "diag.h": "core",
    "rules.h": "core",
    "version.h": "core",
    "export.h": "core",
    "text.h": "core",
    "refs.h": "core",
    "graph.h": "graph",
    "plan.h": "load",
    "model.h": "load",
    "check.h": "checks",
    "policy.h": "policy",
    "import.h": "import",
    "emit.h": "emit",
    "views.h": "views",
    "report.h": "report",
    "oapgraph.h": "cli",  # the umbrella: includes every floor
}

LIBRARIES = {
    "jansson.h": {"load", "import", "policy", "report"},
    "graphviz/cgraph.h": {"emit", "graph"},
    "graphviz/gvc.h": {"emit"},
    "cgraph.h": {"emit", "graph"},
    "gvc.h": {"emit"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)


def floor_of_header(root, including_dir, name):
    """The folder a quoted include belongs to, or None when it is not the project's."""
    if name.startswith("oapgraph/"):
        base = name[len("oapgraph/"):]
        return PUBLIC.get(base, "?public:" + base)
    first = name.split("/", 1)[0]
    if "/" in name and first in FLOORS:
        return first
    if os.path.exists(os.path.join(including_dir, name)):
        return os.path.basename(including_dir)
    return None


def main(root):
    problems = []
    files = []
    for top in ("src", "include/oapgraph"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            files += [os.path.join(dirpath, n) for n in names if n.endswith((".c", ".h"))]
    for path in sorted(files):
        rel = os.path.relpath(path, root)
        parts = rel.split(os.sep)
        if parts[0] == "include":
            folder = PUBLIC.get(parts[-1])
            if folder is None:
                problems.append(f"{rel}: a public header the floor table does not know; "
                                "add it to PUBLIC in tests/layout/floors.py")
                continue
            public = True
        else:
            folder = parts[1]
            public = False
            if folder not in FLOORS:
                problems.append(f"{rel}: folder src/{folder} is not a floor of the "
                                "architecture; add it to FLOORS in tests/layout/floors.py")
                continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in INCLUDE.finditer(text):
            kind, name = m.group(1), m.group(2)
            line = text.count("\n", 0, m.start()) + 1
            where = f"{rel}:{line}"
            if name in LIBRARIES:
                if public:
                    problems.append(f"{where}: a public header includes <{name}>")
                elif folder not in LIBRARIES[name]:
                    allowed = ", ".join(sorted(LIBRARIES[name]))
                    problems.append(f"{where}: src/{folder} includes <{name}>, which only "
                                    f"{allowed} may include")
                continue
            if kind != '"':
                continue
            target = floor_of_header(root, os.path.dirname(path), name)
            if target is None:
                continue
            if target.startswith("?public:"):
                problems.append(f"{where}: includes a public header the floor table does not "
                                f"know ({name})")
                continue
            if target == folder:
                continue
            # The program is the library's first client: it sees what any program
            # embedding it sees, the public headers, and its own.
            if folder == "cli" and not name.startswith("oapgraph/"):
                problems.append(f'{where}: src/cli includes "{name}" of src/{target}; the '
                                "program uses the public headers (include/oapgraph) only")
                continue
            if folder == "cli":
                continue
            if FLOORS[target] >= FLOORS[folder]:
                how = "above" if FLOORS[target] > FLOORS[folder] else "beside"
                problems.append(f'{where}: src/{folder} includes "{name}" of src/{target}, '
                                f"a floor {how} it")
    for p in problems:
        print(p)
    print(f"floors: {len(files)} files, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
