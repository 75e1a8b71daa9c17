#!/usr/bin/env python3
"""stable: a finding keeps its fingerprint through edits that are not about it.

For every fixture case (a folder of fixtures/ with an expected.txt, and fixtures/years),
the case is checked (`oapgraph check --format json --no-config`), then checked again after
each of these edits, made on a copy:

  reformat   every plan and cycle file re-indented, every object's keys in reverse order
  reorder    every plan's actions, and every cycle file's priorities, common goals and
             JADs, in reverse order
  insert     an unrelated action inserted before the others of every plan
  edit       the title and description of one action rewritten (each action in turn,
             up to a few per case)

and every finding that is not about an edited or inserted action (neither its node nor
the other node of its pair) must come back with the same fingerprint, as many times as
before. Then one overlap pair's evidence words are edited (fixtures/possible-overlap:
a shared word of its message dropped from one action and a new shared word added to both)
and the pair's fingerprint must stay. Prints each broken case and exits 1 when there is
one. Usage: stable.py OAPGRAPH FIXTURES
"""
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile


def check(oapgraph, folder):
    out = subprocess.run([oapgraph, "check", "--no-config", "-q", "--fail-on", "none",
                          "--format", "json", folder],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{folder}: exit {out.returncode}: {out.stderr}")
    return json.loads(out.stdout)["findings"]


def about(f, plan, action):
    """Whether finding f is about action (of plan), as node or as the other of a pair."""
    return ((f.get("plan") == plan and (f.get("node") or "").split("#")[0] == action)
            or (f.get("related") or "").split("#")[0] == f"{plan}:{action}")


def prints(findings, exclude=()):
    return collections.Counter(f["fingerprint"] for f in findings
                               if not any(about(f, p, a) for p, a in exclude))


def load_strict(path):
    """The plan, or None when it is not JSON with unique keys (such cases are copied as
    they are)."""
    def pairs(items):
        keys = [k for k, _ in items]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(items)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f, object_pairs_hook=pairs)
    except (ValueError, UnicodeDecodeError):
        return None


def reverse_keys(v):
    if isinstance(v, dict):
        return {k: reverse_keys(v[k]) for k in reversed(list(v))}
    if isinstance(v, list):
        return [reverse_keys(x) for x in v]
    return v


def plans_of(folder):
    """The plan and cycle files below folder."""
    for root, _, names in os.walk(folder):
        for n in sorted(names):
            if n.endswith(".oap.json") or n.endswith(".cycle.json"):
                yield os.path.join(root, n)


def copy_case(src, dst):
    shutil.copytree(src, dst, symlinks=False)


def edited_copy(case, work, name, edit):
    """A copy of case where edit(plan) -> plan or None (unchanged) was applied."""
    dst = os.path.join(work, name)
    copy_case(case, dst)
    for path in plans_of(dst):
        plan = load_strict(path)
        if not isinstance(plan, dict):
            continue
        new = edit(plan)
        if new is None:
            continue
        with open(path, "w", encoding="utf-8") as f:
            json.dump(new, f, ensure_ascii=False, indent=4)
    return dst


def actions(plan):
    a = plan.get("actions")
    return a if isinstance(a, list) else []


def plan_id(plan):
    p = plan.get("plan")
    return p.get("id") if isinstance(p, dict) else None


UNRELATED = {"id": "99.9", "goal": "SG1",
             "title": "Zyxwvut quarterly calibration of qwertyuiop registers",
             "leaders": ["Europol"], "kpis": ["Zyxwvut registers calibrated"],
             "timing": "March"}


def compare(case, label, before, after, exclude=()):
    b, a = prints(before, exclude), prints(after, exclude)
    if b == a:
        return []
    lost = b - a
    gained = a - b
    lines = [f"{case}: {label}: fingerprints changed"]
    index = {f["fingerprint"]: f for f in before + after}
    for fp in lost:
        f = index[fp]
        lines.append(f"  lost   {fp} {f['rule']} {f.get('plan')} {f.get('node')}: {f['message']}")
    for fp in gained:
        f = index[fp]
        lines.append(f"  gained {fp} {f['rule']} {f.get('plan')} {f.get('node')}: {f['message']}")
    return lines


def run_case(oapgraph, case, work):
    problems = []
    before = check(oapgraph, case)

    def reformat(plan):
        return reverse_keys(plan)

    def reorder(plan):
        for key in ("actions", "priorities", "common_goals", "jads"):
            if isinstance(plan.get(key), list):
                plan[key] = list(reversed(plan[key]))
        return plan

    inserted = []

    def insert(plan):
        if not isinstance(plan.get("actions"), list):
            return None
        goals = plan.get("goals")
        extra = dict(UNRELATED)
        if isinstance(goals, list) and goals and isinstance(goals[0], dict) and \
                isinstance(goals[0].get("id"), str):
            extra["goal"] = goals[0]["id"]
        plan["actions"] = [extra] + plan["actions"]
        inserted.append((plan_id(plan), extra["id"]))
        return plan

    for label, edit in (("reformat", reformat), ("reorder", reorder), ("insert", insert)):
        after = check(oapgraph, edited_copy(case, work, label, edit))
        problems += compare(case, label, before, after, inserted if label == "insert" else ())

    # Each action in turn (a few per case), its words rewritten.
    targets = []
    for path in plans_of(case):
        plan = load_strict(path)
        if isinstance(plan, dict):
            for a in actions(plan):
                if isinstance(a, dict) and isinstance(a.get("id"), str):
                    targets.append((os.path.relpath(path, case), plan_id(plan), a["id"]))
    for k, (rel, pid, aid) in enumerate(targets[:4]):
        def rewrite(plan, rel=rel, aid=aid, path_of=None):
            return plan
        dst = os.path.join(work, f"edit{k}")
        copy_case(case, dst)
        path = os.path.join(dst, rel)
        plan = load_strict(path)
        for a in actions(plan):
            if isinstance(a, dict) and a.get("id") == aid:
                a["title"] = "Rewritten in other words entirely"
                a.pop("description", None)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False, indent=2)
        after = check(oapgraph, dst)
        problems += compare(case, f"edit {pid}:{aid}", before, after, [(pid, aid)])
    return problems


def overlap_evidence(oapgraph, fixtures, work):
    """One overlap pair's shared words change; its fingerprint stays."""
    case = os.path.join(fixtures, "possible-overlap", "reworded-across-plans")
    before = [f for f in check(oapgraph, case) if f["rule"] == "possible-overlap"]
    if not before:
        return [f"{case}: no possible-overlap to edit"]
    dst = os.path.join(work, "evidence")
    copy_case(case, dst)
    for path in plans_of(dst):
        plan = load_strict(path)
        for a in actions(plan):
            if isinstance(a, dict) and isinstance(a.get("description"), str):
                a["description"] += " Both mention the Quenneville corridor."
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False, indent=2)
    after = [f for f in check(oapgraph, dst) if f["rule"] == "possible-overlap"]
    problems = []
    if [f["message"] for f in before] == [f["message"] for f in after]:
        problems.append(f"{case}: the edit did not change the overlap evidence; the test "
                        "tests nothing")
    problems += compare(case, "evidence words", before, after)
    return problems


def fixture_cases(fixtures):
    """Every fixture case: fixtures/years, and each folder of a rule with an expected.txt."""
    cases = [os.path.join(fixtures, "years")]
    for rule in sorted(os.listdir(fixtures)):
        d = os.path.join(fixtures, rule)
        if not os.path.isdir(d):
            continue
        for c in sorted(os.listdir(d)):
            if os.path.exists(os.path.join(d, c, "expected.txt")):
                cases.append(os.path.join(d, c))
    return cases


def main(oapgraph, fixtures):
    cases = fixture_cases(fixtures)
    problems = []
    with tempfile.TemporaryDirectory() as work:
        for i, case in enumerate(cases):
            sub = os.path.join(work, str(i))
            os.mkdir(sub)
            problems += run_case(oapgraph, case, sub)
        problems += overlap_evidence(oapgraph, fixtures, work)
    for p in problems:
        print(p)
    print(f"stable: {len(cases)} cases, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
