#!/usr/bin/env bash
# End-to-end: a run ended by SIGINT, SIGTERM or SIGHUP leaves no temporary file and no
# half-written output, and ends with the signal's own status (issue 20, item 12). The
# signal is sent by strace at a chosen system call, not after a sleep, so the moment is
# exact on a loaded machine: while dot lays out a diagram (when Graphviz opens its
# plugin configuration), or while a temporary file is written (its fsync). A signal the
# program was started to ignore stays ignored. Not under valgrind (strace and valgrind
# both trace the program).
# usage: signals.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
require "python3 is needed" python3
suppress_graphviz_leaks
if ! command -v strace >/dev/null || ! strace -qq -o /dev/null true 2>/dev/null; then
    echo "skip every case: strace is missing or may not trace here"
    finish
fi
config=$(ls /usr/lib/*/graphviz/config6* /usr/lib/graphviz/config6* 2>/dev/null | head -1)

python3 - "$bin" "$src" "$tmp" "$config" >"$tmp/py" 2>&1 <<'EOF'
import os, signal, subprocess, sys

binary, src, tmp, config = sys.argv[1:5]
ref = os.path.join(src, "fixtures", "2012-C.oap.json")
council = os.path.join(src, "fixtures", "council", "2012-C.txt")
results = []
# LeakSanitizer cannot run under ptrace: a sanitized run that ends normally under strace
# would fail at its leak check (the other scripts check leaks).
env = dict(os.environ)
env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))


def report(ok, name, why=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + why))
    results.append(ok)


def folder(path):
    """Every file below path with its content, the way a user would find it."""
    found = {}
    for root, dirs, files in os.walk(path):
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as h:
                found[os.path.relpath(p, path)] = h.read()
    return found


def run(name, args, sig, inject, where, ignore=False, expect_signal=True):
    """Runs oapgraph ARGS in the folder WHERE under strace, which sends SIG at the
    system call INJECT ("fsync", "fsync:when=3", or a path for -P); then the folder must
    be as it was (or, when the signal is ignored, hold the output), with no temporary
    file, and the run must have ended by the signal."""
    before = folder(where)
    strace = ["strace", "-qq", "-o", "/dev/null"]
    call, _, when = inject.partition(":")
    if call.startswith("/"):
        strace += ["-P", call, "-e", "trace=openat,open", "-e",
                   "inject=openat,open:signal=%s%s" % (sig.name[3:], ":" + when if when else "")]
    else:
        strace += ["-e", "trace=" + call, "-e",
                   "inject=%s:signal=%s%s" % (call, sig.name[3:], ":" + when if when else "")]

    def dispositions():
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(s, signal.SIG_DFL)
        if ignore:
            signal.signal(sig, signal.SIG_IGN)

    p = subprocess.run(strace + [binary] + args, cwd=where, preexec_fn=dispositions, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    after = folder(where)
    leftovers = [f for f in after if os.path.basename(f).startswith(".oapgraph-") or ".tmp." in f]
    if expect_signal:
        report(p.returncode == -sig, name + ": ends by " + sig.name,
               "exit status %d; %s" % (p.returncode, p.stderr.decode(errors="replace")[-300:]))
        report(after == before, name + ": the folder as it was",
               "now %s, before %s" % (sorted(after), sorted(before)))
    else:
        report(p.returncode == 0, name + ": ignored, the run goes on", "exit status %d" % p.returncode)
    report(not leftovers, name + ": no temporary file", " ".join(leftovers))


def fresh(name, files=()):
    d = os.path.join(tmp, name)
    os.makedirs(d)
    for f, text in files:
        os.makedirs(os.path.dirname(os.path.join(d, f)) or d, exist_ok=True)
        with open(os.path.join(d, f), "w") as h:
            h.write(text)
    return d


# While the temporary file is written: the handler removes it.
run("dot -o, SIGINT while writing", ["dot", "-o", "plan.dot", ref], signal.SIGINT, "fsync",
    fresh("a", [("plan.dot", "old\n")]))
run("dot -o, SIGTERM while writing", ["dot", "-T", "svg", "-o", "plan.svg", ref], signal.SIGTERM,
    "fsync", fresh("b"))
run("import -o, SIGHUP while writing", ["import", "-q", "-o", "plan.oap.json", council],
    signal.SIGHUP, "fsync", fresh("c", [("plan.oap.json", "{}\n")]))
run("check --write-baseline, SIGINT while writing",
    ["check", "-q", "--write-baseline", "base.json", ref], signal.SIGINT, "fsync", fresh("d"))
# tasking writes every sheet before it renames the first: stopped at the third, none is in
# place, and the sheet that was there is as it was.
run("tasking -o, SIGINT at the third sheet", ["tasking", "-o", "sheets", ref], signal.SIGINT,
    "fsync:when=3", fresh("e", [("sheets/HU.md", "old\n")]))
# While dot lays out the diagram, before anything is written: no temporary file exists yet.
if config:
    run("dot -T svg -o, SIGINT while laying out", ["dot", "-T", "svg", "-o", "plan.svg", ref],
        signal.SIGINT, config, fresh("f", [("plan.svg", "old\n")]))
else:
    print("skip dot -T svg -o, SIGINT while laying out: no Graphviz configuration to stop at")
# A signal ignored when the program starts (nohup, a background job) stays ignored.
run("dot -o, SIGINT ignored", ["dot", "-o", "plan.dot", ref], signal.SIGINT, "fsync",
    fresh("g"), ignore=True, expect_signal=False)
print("python: %d passed, %d failed" % (results.count(True), results.count(False)))
EOF
cat "$tmp/py"
pass=$((pass + $(grep -c '^ok ' "$tmp/py")))
fail=$((fail + $(grep -c '^FAIL ' "$tmp/py")))
grep -q '^python: ' "$tmp/py" || no "the Python driver did not finish"
finish
