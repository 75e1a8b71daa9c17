#!/usr/bin/env python3
"""empty: `oapgraph diff` finds nothing where nothing changed.

For every fixture case (a folder of fixtures/ with an expected.txt, and fixtures/years) and
the reference and test plans: `diff A A` prints nothing, exits 0 with --fail-on-new info,
and its JSON has every list empty; and so does `diff A B`, B being A with every plan
re-indented, every object's keys in reverse order and every plan's actions in reverse
order. Prints each broken case and exits 1 when there is one.
Usage: empty.py OAPGRAPH FIXTURES
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fingerprints"))
from stable import fixture_cases, load_strict, plans_of, reverse_keys  # noqa: E402


def diff(oapgraph, a, b, fmt):
    return subprocess.run([oapgraph, "diff", "--no-config", "-q", "--fail-on-new", "info",
                           "--format", fmt, a, b], capture_output=True, text=True, check=False)


def empty_json(doc):
    for p in doc["plans"]:
        for key in ("added", "removed", "renumbered", "changed", "affected", "stale_refs"):
            if p[key]:
                return f"plan {p['id']}: {key} not empty: {p[key]}"
        if "fields" in p:
            return f"plan {p['id']}: fields changed: {p['fields']}"
    if doc["findings"]["new"] or doc["findings"]["fixed"]:
        return f"findings: {doc['findings']}"
    return None


def check_pair(oapgraph, a, b, label):
    problems = []
    text = diff(oapgraph, a, b, "text")
    if text.returncode != 0 or text.stdout:
        problems.append(f"{label}: exit {text.returncode}, output:\n{text.stdout}{text.stderr}")
    js = diff(oapgraph, a, b, "json")
    try:
        why = empty_json(json.loads(js.stdout))
    except (ValueError, KeyError) as e:
        why = f"JSON unreadable: {e}: {js.stdout[:200]}{js.stderr}"
    if why:
        problems.append(f"{label}: {why}")
    return problems


def reordered(case, work):
    dst = os.path.join(work, "reordered")
    if os.path.isdir(case):
        shutil.copytree(case, dst)
        paths = list(plans_of(dst))
    else:
        os.makedirs(dst)
        paths = [os.path.join(dst, os.path.basename(case))]
        shutil.copy(case, paths[0])
    for path in paths:
        plan = load_strict(path)
        if not isinstance(plan, dict):
            continue
        plan = reverse_keys(plan)
        if isinstance(plan.get("actions"), list):
            plan["actions"] = list(reversed(plan["actions"]))
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False, indent=1)
    return dst if os.path.isdir(case) else paths[0]


def main(oapgraph, fixtures):
    cases = [os.path.join(fixtures, n) for n in
             ("2012-C.oap.json", "2012-B.oap.json", "2012-F.oap.json")]
    cases += fixture_cases(fixtures)
    problems = []
    for case in cases:
        with tempfile.TemporaryDirectory() as work:
            problems += check_pair(oapgraph, case, case, f"{case}: diff A A")
            problems += check_pair(oapgraph, case, reordered(case, work),
                                   f"{case}: diff A reordered")
    for p in problems:
        print(p)
    print(f"{len(cases)} cases, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
