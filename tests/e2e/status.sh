#!/usr/bin/env bash
# End-to-end: `oapgraph status`, the monitoring roll-up, on today's cycle
# (fixtures/cycles): the exact output in the four formats, per plan and per actor (what
# fixtures/cycles/README.md says it must show, kept in tests/e2e/status/), JSON read back
# by Python against a roll-up of its own from the plan files, CSV by the csv module; the
# reference plan, which has no rounds; options and trouble.
# usage: status.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
require "python3 is needed" python3
cd "$src/fixtures" || exit 2
want="$src/tests/e2e/status"
# The cycle's plans have an error that check reports (a common goal the cycle does not
# declare), and every roll-up says so first.
printf '%s\n' "oapgraph: status: the plans have 1 error that 'oapgraph check' shows; the roll-up covers what could be read" >"$tmp/errs"

for by in plan actor; do
    for f in text:txt markdown:md csv:csv json:json; do
        expect "status --by $by --format ${f%%:*}" 0 "$want/$by.${f#*:}" "$tmp/errs" -- \
            "$bin" status --by "$by" --format "${f%%:*}" cycles/
    done
done
expect "status: text and by plan are the default" 0 "$want/plan.txt" "$tmp/errs" -- "$bin" status cycles/
expect "status -o FILE" 0 "$empty" "$tmp/errs" -- "$bin" status --format json -o "$tmp/s.json" cycles/
check "status -o FILE writes what standard output gets" cmp -s "$tmp/s.json" "$want/plan.json"

# The README's example of `oapgraph status fixtures/cycles/` is run by tests/readme/examples.py.

# An independent roll-up from the plan files, by the rules of fixtures/cycles/README.md,
# against the JSON; then the README's own numbers, where a mistake would show.
py "status json: the roll-up of the plan files" '
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["by"] == "plan" and doc["classification"] == ["RESTREINT UE/EU RESTRICTED"], doc
plans = {p["plan"]: p for p in doc["plans"]}
assert list(plans) == ["2024-2025-A", "2024-2025-B"], list(plans)
for pid, p in plans.items():
    plan = json.load(open("cycles/%s.oap.json" % pid))
    rounds = sorted({r["round"] for a in plan["actions"] for r in a["results"]})
    assert p["rounds"] == rounds, (pid, p["rounds"])
    assert [a["action"] for a in p["actions"]] == [a["id"] for a in plan["actions"]]
    for got, a in zip(p["actions"], plan["actions"]):
        rs = sorted(a["results"], key=lambda r: r["round"])
        assert got["status"] == rs[-1]["status"], (pid, a["id"])
        assert got["missing_rounds"] == [m for m in rounds if m not in {r["round"] for r in rs}]
        assert (got["continue"] is not None) == (got["status"] == "continue")
        for k, kpi in zip(got["kpis"], a["kpis"]):
            ind = kpi if isinstance(kpi, str) else kpi["indicator"]
            target = None if isinstance(kpi, str) else kpi.get("target")
            vals = [(r["round"], r["values"][ind]) for r in rs if ind in r.get("values", {})]
            value, rnd = (vals[-1][1], vals[-1][0]) if vals else (None, None)
            share = round(100 * value / target + 1e-9) if value is not None and target else None
            assert (k["kpi"], k["target"], k["value"], k["round"], k["share_percent"]) == \
                (ind, target, value, rnd, share), (pid, a["id"], k)
        assert len(got["kpis"]) == len(a["kpis"])
    counts = {}
    for a in p["actions"]:
        counts[a["status"]] = counts.get(a["status"], 0) + 1
    assert {s: n for s, n in p["counts"].items() if n} == counts, (pid, p["counts"])
a, b = plans["2024-2025-A"], plans["2024-2025-B"]
act = lambda p, i: next(x for x in p["actions"] if x["action"] == i)
assert act(a, "7.1")["missing_rounds"] == ["2024-06"]
assert [x["action"] for x in a["actions"] + b["actions"] if x["missing_rounds"]] == ["7.1"]
assert act(a, "6.1")["continue"] == {"next_plan": None, "carried_on_by": []}
assert act(a, "1.1")["kpis"][0]["value"] == 940 and act(a, "1.1")["kpis"][0]["round"] == "2024-06"
k = act(b, "1.1")["kpis"][0]
assert (k["value"], k["round"], k["share_percent"]) == (840, "2024-12", 105), k
assert [k["kpi"] for k in act(a, "3.1")["kpis"]] == ["facilitators detected",
                                                    "irregular migrants apprehended"]
assert {s: n for s, n in a["counts"].items() if n} == {"planned": 2, "ongoing": 3,
    "completed": 3, "continue": 1, "not-completed": 1}
assert {s: n for s, n in b["counts"].items() if n} == {"planned": 1, "ongoing": 5,
    "completed": 1, "cancelled": 1}
' "$want/plan.json"

py "status --by actor json: who leads and co-leads what" '
import json, sys
doc = json.load(open(sys.argv[1]))
actors = {x["actor"]: x for x in doc["actors"]}
assert len(actors) == 23, sorted(actors)
row = lambda x: "; ".join("%s:%s %s, %s" % (a["plan"][-1], a["action"], a["role"], a["status"])
                          for a in x["actions"])
assert row(actors["Europol"]) == ("A:1.1 leader, ongoing; A:2.1 co-leader, ongoing; "
    "A:8.1 co-leader, ongoing; B:1.1 leader, ongoing; B:2.2 co-leader, ongoing"), row(actors["Europol"])
assert row(actors["EL"]) == "A:3.1 co-leader, completed; A:7.1 leader, planned"
assert [a["missing_rounds"] for a in actors["EUAA"]["actions"]] == [["2024-06"]]
assert row(actors["ELA"]) == "B:3.2 co-leader, planned"
assert row(actors["HU"]) == "A:6.1 co-leader, continue"
assert {s: n for s, n in actors["Frontex"]["counts"].items() if n} == {"ongoing": 1,
    "completed": 2, "not-completed": 1}
assert all(x["classification"] == ["RESTREINT UE/EU RESTRICTED"] for x in doc["actors"])
' "$want/actor.json"

py "status csv reads back: a row per KPI, the marking in each" '
import csv, sys
raw = open(sys.argv[1], newline="").read()
assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", ""), "CRLF"
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 17 + 13, len(rows)
assert all(r["classification"] == "RESTREINT UE/EU RESTRICTED" for r in rows)
r = next(r for r in rows if r["plan"] == "2024-2025-B" and r["kpi"] == "assets seized")
assert (r["target"], r["unit"], r["last_value"], r["value_round"], r["share_percent"]) == \
    ("1500000", "EUR", "300000", "2024-12", "20"), r
r = next(r for r in rows if r["plan"] == "2024-2025-A" and r["action"] == "7.1")
assert (r["missing_rounds"], r["last_status"], r["last_value"]) == ("2024-06", "planned", ""), r
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
assert len({r["actor"] for r in rows}) == 23
assert [r["role"] for r in rows if r["actor"] == "BE"] == ["co-leader", "co-leader"]
' "$want/plan.csv" "$want/actor.csv"

check "status markdown: the marking opens and closes each sheet" python3 -c '
import sys
sheets = open(sys.argv[1]).read().split("\n\n**RESTREINT UE/EU RESTRICTED**\n\n**RESTREINT")
assert len(sheets) == 2, len(sheets)
text = open(sys.argv[1]).read()
assert text.startswith("**RESTREINT UE/EU RESTRICTED**\n\n# 2024-2025-A")
assert text.endswith("\n\n**RESTREINT UE/EU RESTRICTED**\n")
' "$want/plan.md"

# The reference plan has no reporting rounds: every action "no report", no KPI value.
"$bin" status 2012-C.oap.json >"$tmp/ref" 2>"$tmp/err"
check "status of the reference plan: exit 0, nothing on standard error" test $? = 0 -a ! -s "$tmp/err"
check "status of the reference plan: no rounds, 16 actions without a report" grep -qx \
    'priority C, 2012; 16 actions; no reporting rounds' "$tmp/ref"
check "status of the reference plan: every action counted as no report" grep -q \
    '^by last status: no report 16 (1.1, 1.2,' "$tmp/ref"
"$bin" status --format json 2012-C.oap.json >"$tmp/ref.json"
py "status json of the reference plan" '
import json, sys
p = json.load(open(sys.argv[1]))["plans"][0]
assert p["rounds"] == [] and p["counts"]["no-report"] == 16, p["counts"]
assert all(k["value"] is None and k["share_percent"] is None for a in p["actions"] for k in a["kpis"])
' "$tmp/ref.json"

# Findings do not change the exit status; what the loader cannot read is said on stderr.
printf '{"oapgraph": 1, "plan": {"id": "X", "title": "t", "priority": "X"}, "goals": [], "actions": [{"id": "1.1"}]}\n' >"$tmp/bad.oap.json"
expect "status of a plan with errors: exit 0" 0 - - -- "$bin" status "$tmp/bad.oap.json"
check "status of a plan with errors: a warning" grep -q "the roll-up covers what could be read" "$tmp/err"

# The folder walk itself says a folder holds no plan file (the command's own check is for
# paths that hold only cycle files).
mkdir "$tmp/none"
printf "oapgraph: no plan files (*.oap.json) under '%s'\n" "$tmp/none" >"$tmp/want"
expect "status of a folder without plans" 2 "$empty" "$tmp/want" -- "$bin" status "$tmp/none"
expect "status without a plan" 2 "$empty" - -- "$bin" status
expect "status --by goal" 2 "$empty" - -- "$bin" status --by goal cycles/
expect "status --format xml" 2 "$empty" - -- "$bin" status --format xml cycles/
expect "status --help" 0 - "$empty" -- "$bin" status --help

finish
