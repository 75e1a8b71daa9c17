#!/usr/bin/env python3
"""check_man: the man pages the build made cover what they document, and read well.

usage: check_man.py OAPGRAPH SOURCE_DIR BUILD_DIR

Reads the pages in BUILD_DIR/man and checks them against the sources, each read here
apart from src/man/mkman.py, which made them:
  - oapgraph(1) has a section for every command of src/cli/main.c's table, with every
    option of its help table; the tables ('oapgraph help --dump-json') are what each
    command's --help prints, line for line;
  - oapgraph-format(5) has an entry for every key of every object of the three JSON
    Schemas (src/load/plan.schema.json, src/load/cycle.schema.json,
    src/policy/config.schema.json), with its description;
  - oapgraph-rules(7) has a section for every rule of src/core/rules.c, in its order,
    with the registry's explanation;
  - groff reads each page without a warning (-ww; skipped when groff is not installed);
  - 'cmake --install' puts them under share/man/man1, man5 and man7, where man finds
    them (the last part skipped without man).
Prints what is wrong and exits 1 when anything is.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

problems = []


def no(message):
    problems.append(message)
    print("FAIL " + message)


def ok(message):
    print("ok   " + message)


def plain(troff):
    """The text of troff source, escapes undone, whitespace made single."""
    t = re.sub(r"\\\[u([0-9A-F]{4,6})\]", lambda m: chr(int(m.group(1), 16)), troff)
    t = t.replace("\\(aq", "'").replace("\\(ga", "`").replace("\\-", "-").replace("\\e", "\\")
    t = re.sub(r"\\f[BIRP]", "", t).replace("\\&", "").replace("\\%", "")
    t = "\n".join(line for line in t.split("\n") if not line.startswith("."))
    return " ".join(t.split())


def sections(page, macro):
    """{name: source} for each .SS (or .SH) of a page, in order."""
    out = {}
    parts = re.split(r"^\.%s (.*)$" % macro, page, flags=re.M)
    for name, body in zip(parts[1::2], parts[2::2]):
        out[plain(name.strip('"'))] = body
    return out


def help_text(c):
    """What --help prints, from a command's table, as src/cli/help.c lays it out."""
    out = "usage: " + "\n       ".join(c["usage"]) + "\n\n" + c["description"] + "\n"
    if c["options"]:
        out += "\noptions:\n"
        for o in c["options"]:
            for k, line in enumerate(o["text"].split("\n")):
                left = "  " + o["names"][k] if k < len(o["names"]) else ""
                out += left + " " * max(c["column"] - len(left), 1 if left else 0) + line + "\n"
    if c["notes"]:
        out += "\n" + c["notes"] + "\n"
    if c["exit_status"]:
        out += "\nexit status: " + c["exit_status"] + "\n"
    return out


def check_program(program, source, page, dump):
    table = re.findall(r'\{"([a-z]+)", oap_cmd_', open(os.path.join(source, "src/cli/main.c")).read())
    if len(table) < 10:
        no("cannot read the command table of src/cli/main.c")
        return
    commands = sections(page.split("\n.SH COMMANDS\n", 1)[-1].split("\n.SH ", 1)[0], "SS")
    if list(commands) != table:
        no("oapgraph(1) has sections %s, main.c's table %s" % (list(commands), table))
    else:
        ok("oapgraph(1): a section for each of the %d commands of main.c" % len(table))
    dumped = {c["name"]: c for c in dump["commands"]}
    for name in table:
        c = dumped.get(name)
        if not c:
            no("%s: not in 'oapgraph help --dump-json'" % name)
            continue
        text = plain(commands.get(name, ""))
        missing = [n for o in c["options"] for n in o["names"] if n not in text]
        missing += [u for u in c["usage"] if " ".join(u.split()) not in text]
        if missing:
            no("oapgraph(1), %s: no %s" % (name, ", ".join(missing)))
        # The table is what --help prints: same usage, texts and options, line for line.
        got = subprocess.run([program, name, "--help"], capture_output=True, text=True).stdout
        if help_text(c) != got:
            no("%s --help is not what its table in 'oapgraph help --dump-json' says" % name)
    if not problems:
        ok("every command's --help is its table, and its options are in oapgraph(1)")


def schema_keys(schema):
    """(key, description) of every property of every object anywhere in a schema."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                desc = prop.get("description")
                if desc is None and "$ref" in prop:
                    desc = schema["definitions"][prop["$ref"].split("/")[-1]].get("description")
                found.append((key, desc))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


def check_format(source, page):
    parts = {"plan": page.split("\n.SH PLAN FILES\n", 1)[-1].split("\n.SH CYCLE FILES\n")[0],
             "cycle": page.split("\n.SH CYCLE FILES\n", 1)[-1].split("\n.SH ", 1)[0],
             "config": page.split("\n.SH CONFIG FILE\n", 1)[-1]}
    for which, path in (("plan", "src/load/plan.schema.json"),
                        ("cycle", "src/load/cycle.schema.json"),
                        ("config", "src/policy/config.schema.json")):
        schema = json.load(open(os.path.join(source, path), encoding="utf-8"))
        entries = set(re.findall(r"^\\fB(.+?)\\fR \(", parts[which], flags=re.M))
        entries = {plain(e) for e in entries}
        text = plain(parts[which])
        keys = schema_keys(schema)
        bad = [k for k, _ in keys if k not in entries]
        bad += ["the description of %s" % k for k, d in keys if d and " ".join(d.split()) not in text]
        if bad:
            no("oapgraph-format(5), %s file: no %s" % (which, ", ".join(sorted(set(bad)))))
        else:
            ok("oapgraph-format(5): the %d keys of %s, with their descriptions" % (len(keys), path))
    for heading in ("REFERENCES", "TIMING", "EXAMPLES"):
        if "\n.SH %s\n" % heading not in page:
            no("oapgraph-format(5) has no %s" % heading)


def check_rules(source, page, rules):
    ids = re.findall(r'^    \{"([a-z-]+)", OAP_SEVERITY_', open(os.path.join(source, "src/core/rules.c")).read(),
                     flags=re.M)
    got = sections(page, "SS")
    if list(got) != ids or len(ids) < 30:
        no("oapgraph-rules(7) has %s, src/core/rules.c %s" % (list(got), ids))
        return
    bad = [r["id"] for r in rules
           if " ".join(r["explanation"].split()) not in plain(got.get(r["id"], ""))
           or " ".join(r["fix"].split()) not in plain(got.get(r["id"], ""))]
    if bad:
        no("oapgraph-rules(7): the explanation or fix of %s is not in its section" % ", ".join(bad))
    else:
        ok("oapgraph-rules(7): every one of the %d rules of src/core/rules.c, in order" % len(ids))


def check_groff(mandir, pages):
    if not shutil.which("groff"):
        print("skip groff: not installed (apt-get install groff-base)")
        return
    for p in pages:
        proc = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", os.path.join(mandir, p)],
                              capture_output=True, text=True)
        if proc.returncode or proc.stderr:
            no("groff warns about %s:\n%s" % (p, proc.stderr))
        else:
            ok("groff -man -ww reads %s without a warning" % p)


def check_install(build):
    prefix = tempfile.mkdtemp(prefix="oapgraph-man-")
    try:
        proc = subprocess.run(["cmake", "--install", build, "--prefix", prefix],
                              capture_output=True, text=True)
        if proc.returncode:
            no("cmake --install failed: %s" % proc.stderr)
            return
        want = ["share/man/man1/oapgraph.1", "share/man/man5/oapgraph-format.5",
                "share/man/man7/oapgraph-rules.7"]
        missing = [w for w in want if not os.path.isfile(os.path.join(prefix, w))]
        if missing:
            no("cmake --install did not install %s" % ", ".join(missing))
            return
        ok("cmake --install puts the pages under share/man")
        if not shutil.which("man"):
            print("skip man -w: man is not installed")
            return
        for page in ("oapgraph", "oapgraph-format", "oapgraph-rules"):
            proc = subprocess.run(["man", "-M", os.path.join(prefix, "share/man"), "-w", page],
                                  capture_output=True, text=True)
            if proc.returncode or not proc.stdout.strip().startswith(prefix):
                no("man does not find %s in the installed tree: %s" % (page, proc.stderr))
        ok("man finds the installed pages")
    finally:
        shutil.rmtree(prefix)


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    program, source, build = (os.path.abspath(a) for a in argv[1:])
    mandir = os.path.join(build, "man")
    pages = ["oapgraph.1", "oapgraph-format.5", "oapgraph-rules.7"]
    text = {}
    for p in pages:
        try:
            with open(os.path.join(mandir, p), encoding="ascii") as f:
                text[p] = f.read()
        except (OSError, UnicodeDecodeError) as e:
            no("cannot read %s: %s" % (p, e))
            return 1
    dump = json.loads(subprocess.run([program, "help", "--dump-json"], capture_output=True,
                                     text=True, check=True).stdout)
    rules = json.loads(subprocess.run([program, "rules", "--format", "json"], capture_output=True,
                                      text=True, check=True).stdout)["rules"]
    check_program(program, source, text["oapgraph.1"], dump)
    check_format(source, text["oapgraph-format.5"])
    check_rules(source, text["oapgraph-rules.7"], rules)
    check_groff(mandir, pages)
    check_install(build)
    print("%d problem(s)" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
