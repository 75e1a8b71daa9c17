#!/usr/bin/env python3
"""examples: the README's examples are what the program prints (issue 19).

Every fenced block of README.md whose first line is a command, `$ oapgraph ...` or
`$ cd DIR && oapgraph ...`, is run: each `$ ` line of the block is a command, and the lines
after it, up to the next `$ ` line or the end of the block, are what it prints. The
command runs from the top of the repository under bash, with every `oapgraph` in a command
position (first, after `&&` or after `|`) replaced by the built program.

Standard output and standard error go to one pipe, interleaved as a terminal shows them:
the program runs under `stdbuf -oL`, so its standard output is line-buffered as on a
terminal and each line lands in the order it was written (findings on standard output,
then the summary on standard error; import's notes before the findings of the check it
feeds). The pipe is no terminal, so colour and the source lines are off, as the README
shows them. The exit status is not compared: the README does not show it.

`...` on a line of its own stands for any number of lines left out (the README's text says
so where it uses it); everything else is compared exactly. A block preceded by the
comment `<!-- example: not run: REASON -->` is skipped, and listed with its reason.

Usage: examples.py OAPGRAPH SRCDIR; exit 1 when an example differs, or when the README has
no example at all.
"""
import difflib
import os
import re
import subprocess
import sys

SKIP = re.compile(r"<!--\s*example:\s*not run:\s*(.*?)\s*-->")
COMMAND = re.compile(r"\$ (cd \S+ && )?oapgraph ")
PROGRAM = re.compile(r"(^|&&\s*|\|\s*)oapgraph\b")


def blocks(readme):
    """(line number, skip reason or None, the block's lines) for each fenced block whose
    first line is a command."""
    lines = readme.split("\n")
    i, found = 0, []
    while i < len(lines):
        if not lines[i].startswith("```"):
            i += 1
            continue
        start = i
        end = start + 1
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        body = lines[start + 1 : end]
        if body and COMMAND.match(body[0]):
            # The marker is the last non-blank line before the fence.
            j = start - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            skip = SKIP.search(lines[j]) if j >= 0 else None
            found.append((start + 2, skip.group(1) if skip else None, body))
        i = end + 1
    return found


def commands(body):
    """Split a block into (command, expected lines) pairs."""
    out = []
    for line in body:
        if line.startswith("$ "):
            out.append((line[2:], []))
        else:
            out[-1][1].append(line)
    return out


def matches(want, got):
    """Whether got (lines) is want (lines), where a line "..." stands for any number of
    lines."""
    memo = {}

    def at(w, g):
        if (w, g) in memo:
            return memo[w, g]
        if w == len(want):
            ok = g == len(got)
        elif want[w] == "...":
            ok = any(at(w + 1, k) for k in range(g, len(got) + 1))
        else:
            ok = g < len(got) and got[g] == want[w] and at(w + 1, g + 1)
        memo[w, g] = ok
        return ok

    return at(0, 0)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: examples.py OAPGRAPH SRCDIR")
    program, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    with open(os.path.join(src, "README.md"), encoding="utf-8") as f:
        found = blocks(f.read())
    if not found:
        sys.exit("README.md: no example found; has the way it writes them changed?")
    env = dict(os.environ)
    for name in ("NO_COLOR", "OAP_CONFIG"):
        env.pop(name, None)
    # stdbuf preloads its library ahead of a sanitizer build's runtime.
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "verify_asan_link_order=0"]))
    failed = ran = 0
    skipped = []
    for line, skip, body in found:
        if skip is not None:
            skipped.append(f"README.md:{line}: {body[0]}: {skip}")
            continue
        for command, want in commands(body):
            shell = PROGRAM.sub(lambda m: m.group(1) + "stdbuf -oL " + program, command)
            run = subprocess.run(["bash", "-c", shell], cwd=src, env=env, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            got = run.stdout.decode("utf-8", "replace").split("\n")
            if got and got[-1] == "":
                got.pop()
            ran += 1
            if matches(want, got):
                print(f"ok: README.md:{line}: $ {command}")
                continue
            failed += 1
            print(f"FAIL: README.md:{line}: $ {command} (exit {run.returncode})")
            for d in difflib.unified_diff(want, got, "README.md", "output", lineterm=""):
                print("    " + d)
    for s in skipped:
        print(f"skipped: {s}")
    print(f"{ran} commands run, {failed} differ, {len(skipped)} blocks skipped")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
