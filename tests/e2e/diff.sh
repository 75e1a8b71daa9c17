#!/usr/bin/env bash
# End-to-end: oapgraph diff on the reference plan (REV 2) and the REV 3 made for testing
# (fixtures/revisions/README.md): the text, JSON and Markdown reports asserted exactly, the
# JSON read back by Python, --fail-on-new as a pull-request gate, --depth, -o, and usage.
# usage: diff.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
require "python3 is needed" python3
cd "$src" || exit 2
old=fixtures/2012-C.oap.json
new=fixtures/revisions/2012-C.rev3.oap.json
exp=fixtures/revisions/rev2-rev3.diff

echo "oapgraph: diff: 1 added, 1 removed, 1 renumbered, 5 changed; 7 affected; 1 stale reference; 6 findings introduced, 3 fixed" >"$tmp/summary"
expect "diff REV 2 REV 3: the change report" 0 "$exp.txt" "$tmp/summary" -- \
    "$bin" diff --no-config "$old" "$new"
expect "diff --format json: its expected file" 0 "$exp.json" "$empty" -- \
    "$bin" diff --no-config -q --format json "$old" "$new"
expect "diff --format markdown: its expected file" 0 "$exp.md" "$empty" -- \
    "$bin" diff --no-config -q --format markdown "$old" "$new"

"$bin" diff --no-config -q --format json "$old" "$new" >"$tmp/d.json"
py "diff --format json: what REV 3 changes" '
import json, sys
doc = json.load(open(sys.argv[1]))
[p] = doc["plans"]
assert p["id"] == "2012-C", p
assert [(a["id"], a["kind"]) for a in p["added"]] == [("2.3", "action")], p["added"]
assert [(a["id"], a["kind"]) for a in p["removed"]] == [("2.1", "action")], p["removed"]
assert [(r["from"], r["to"]) for r in p["renumbered"]] == [("2.3", "2.4")], p["renumbered"]
changed = {c["id"]: c["fields"] for c in p["changed"]}
assert set(changed) == {"SG3", "1.1", "2.2", "5.1"}, changed
assert changed["5.1"]["leaders"] == {"old": ["UK"], "new": ["NL"]}, changed["5.1"]
assert changed["1.1"]["timing"]["note"].endswith("2 months later"), changed["1.1"]
assert p["fields"]["revision"] == {"old": None, "new": "REV 3"}, p["fields"]
assert {a["id"] for a in p["affected"]} == {"1.1", "1.3", "2.2", "2.4", "5.2"}, p["affected"]
[s] = p["stale_refs"]
assert s["id"] == "2.2" and s["rule"] == "stale-ref-after-renumber", s
new, fixed = doc["findings"]["new"], doc["findings"]["fixed"]
assert sorted(f["rule"] for f in new) == ["dangling-ref"] * 4 + ["one-way-ref"] * 2, new
assert all(f["file"] == "fixtures/revisions/2012-C.rev3.oap.json" and f["fingerprint"] for f in new)
assert [f["node"] for f in fixed] == ["1.3", "2.1", "2.2"], fixed
' "$tmp/d.json"

# The pull-request gate.
expect "--fail-on-new warning: exit 1 on REV 3" 1 - - -- \
    "$bin" diff --no-config -q --fail-on-new warning "$old" "$new"
expect "--fail-on-new error: exit 1 on REV 3" 1 - - -- \
    "$bin" diff --no-config -q --fail-on-new error "$old" "$new"
expect "--fail-on-new warning: exit 0 on diff A A, which prints nothing" 0 "$empty" "$empty" -- \
    "$bin" diff --no-config -q --fail-on-new warning "$old" "$old"
expect "--fail-on-new info: exit 0 on diff REV 3 REV 3" 0 "$empty" - -- \
    "$bin" diff --no-config -q --fail-on-new info "$new" "$new"
# Going back fixes what REV 3 broke and introduces only what REV 2 already had.
"$bin" diff --no-config -q --format json "$new" "$old" >"$tmp/back.json"
py "diff REV 3 REV 2: the renumbering the other way, the dangling refs fixed" '
import json, sys
[p] = json.load(open(sys.argv[1]))["plans"]
assert [(r["from"], r["to"]) for r in p["renumbered"]] == [("2.4", "2.3")], p["renumbered"]
assert [a["id"] for a in p["added"]] == ["2.1"] and [a["id"] for a in p["removed"]] == ["2.3"], p
' "$tmp/back.json"
expect "diff - NEW: OLD from standard input" 0 "$exp.txt" - -- \
    sh -c '"$1" diff --no-config -q - "$2" <"$3" | sed "s|^  -:|  fixtures/2012-C.oap.json:|"' sh \
    "$bin" "$new" "$old"

# --depth: what needs an affected action is affected too.
mkdir -p "$tmp/depth"
python3 - "$tmp/depth" <<'PY'
import json, sys
def plan(timing):
    return {"oapgraph": 1, "x-fixture": "made for oapgraph's tests; not a real OAP",
            "plan": {"id": "T", "priority": "C", "title": "Depth (test fixture)", "year": 2012},
            "goals": [{"id": "SG1", "title": "Goal"}],
            "actions": [
                {"id": "1.1", "goal": "SG1", "title": "Gather intelligence on routes",
                 "leaders": ["Europol"], "timing": timing, "kpis": ["report"]},
                {"id": "1.2", "goal": "SG1", "title": "Analyse the routes gathered",
                 "leaders": ["Frontex"], "timing": "June", "needs": ["1.1"], "kpis": ["report"]},
                {"id": "1.3", "goal": "SG1", "title": "Operation on the routes analysed",
                 "leaders": ["IT"], "timing": "September", "needs": ["1.2"], "kpis": ["report"]}]}
for name, timing in (("old", "March"), ("new", "July")):
    json.dump(plan(timing), open(f"{sys.argv[1]}/{name}.oap.json", "w"), indent=1)
PY
"$bin" diff --no-config -q --format json "$tmp/depth/old.oap.json" "$tmp/depth/new.oap.json" >"$tmp/d1.json"
"$bin" diff --no-config -q --format json --depth 2 "$tmp/depth/old.oap.json" "$tmp/depth/new.oap.json" >"$tmp/d2.json"
py "--depth: 1.2 needs 1.1 directly; with --depth 2, 1.3 through 1.2" '
import json, sys
d1 = json.load(open(sys.argv[1]))["plans"][0]["affected"]
d2 = json.load(open(sys.argv[2]))["plans"][0]["affected"]
assert [a["id"] for a in d1] == ["1.2"], d1
assert "1.2 now starts before 1.1 ends" in d1[0]["why"], d1
assert [a["id"] for a in d2] == ["1.2", "1.3"], d2
assert d2[1]["why"].startswith("1.3 needs 1.2, which depends on 1.1"), d2
' "$tmp/d1.json" "$tmp/d2.json"

# -o writes the report atomically; usage errors are trouble.
expect "-o FILE: the report in the file" 0 "$empty" - -- \
    "$bin" diff --no-config -q -o "$tmp/report.txt" "$old" "$new"
check "-o FILE: the file holds the report" cmp -s "$tmp/report.txt" "$exp.txt"
expect "one revision only: usage, exit 2" 2 "$empty" - -- "$bin" diff "$old"
expect "--fail-on-new none is not a level: exit 2" 2 "$empty" - -- \
    "$bin" diff --fail-on-new none "$old" "$new"
expect "--format sarif is not a diff format: exit 2" 2 "$empty" - -- \
    "$bin" diff --format sarif "$old" "$new"
expect "an unreadable OLD: exit 2" 2 "$empty" - -- "$bin" diff --no-config "$tmp/none.json" "$new"

# A file name that holds a forged finding: escaped in the text report as check escapes it,
# so no line reads as an error at x:1:2 (the README's problem-matcher pattern).
forged="$tmp/x:1:2: error: forged [syntax]"
mkdir -p "$forged" && cp "$old" "$forged/c.oap.json"
"$bin" diff --no-config -q "$forged/c.oap.json" "$new" >"$tmp/forged.txt"
py "diff: a forged file name is escaped in the findings it lists" '
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
assert "x\\x3a1:2: error: forged" in text, text
assert "x:1:2: error" not in text, text
' "$tmp/forged.txt"
finish
