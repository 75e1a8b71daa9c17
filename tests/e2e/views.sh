#!/usr/bin/env bash
# End-to-end: tasking, impact, deps, rdeps and path run as a user would, on the reference
# plan and on fixtures/views (a plan set whose answers are known by construction).
# usage: views.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"

# json FILE PYTHON: parses FILE as JSON into d and runs the assertions in PYTHON.
# shellcheck disable=SC2317 # called through check
json() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
exec(sys.argv[2])' "$1" "$2"
}

cd "$src/fixtures" || exit 2
ref=2012-C.oap.json

# deps and rdeps follow the plan's needs: 1.1 needs 2.1#1, 2.1#2 needs 1.1, and phase 2
# comes after phase 1.
cat >"$tmp/want" <<'OUT'
RESTREINT UE/EU RESTRICTED
what 2.1 needs, directly and through others, over needs:
0  2.1#1  needs nothing
0  2.1#2  needs 1.1; comes after 2.1#1
1  1.1    needs 2.1#1
1 node beyond 2.1, up to 1 step away.
RESTREINT UE/EU RESTRICTED
OUT
expect "deps 2.1" 0 "$tmp/want" "$empty" -- "$bin" deps 2.1 "$ref"
cat >"$tmp/want" <<'OUT'
RESTREINT UE/EU RESTRICTED
what needs 1.1, directly and through others, over needs:
0  1.1    needed by 2.1#2
1  2.1#2  needed by nothing
1 node beyond 1.1, up to 1 step away.
RESTREINT UE/EU RESTRICTED
OUT
expect "rdeps 1.1" 0 "$tmp/want" "$empty" -- "$bin" rdeps 1.1 "$ref"
cat >"$tmp/want" <<'OUT'
RESTREINT UE/EU RESTRICTED
path from 2.1 to 1.1 over needs, 1 step:
2.1#2 needs 1.1
RESTREINT UE/EU RESTRICTED
OUT
expect "path 2.1 1.1" 0 "$tmp/want" "$empty" -- "$bin" path 2.1 1.1 "$ref"
expect "path with none over needs" 1 - "$empty" -- "$bin" path 1.2 1.1 "$ref"
expect "path over all links" 0 - "$empty" -- "$bin" path --all-links 1.2 2.2 "$ref"
grep -qx 'SG4 referred to by 1.1' "$tmp/out" && pass=$((pass + 1)) ||
    { echo "FAIL path over all links goes through SG4"; fail=$((fail + 1)); }
expect "deps json" 0 - "$empty" -- "$bin" deps --format json 2.1 "$ref"
check "deps json reads back" json "$tmp/out" '
assert d["node"] == "2012-C:2.1" and d["over"] == "needs"
assert [(n["node"], n["depth"]) for n in d["nodes"]] == [("2012-C:2.1#1", 0), ("2012-C:2.1#2", 0), ("2012-C:1.1", 1)]
assert d["nodes"][1]["edges"] == [{"relation": "needs", "node": "2012-C:1.1"}, {"relation": "comes-after", "node": "2012-C:2.1#1"}]
assert d["classification"] == ["RESTREINT UE/EU RESTRICTED"]'
expect "path json" 0 - "$empty" -- "$bin" path --format json 2.1 1.1 "$ref"
check "path json reads back" json "$tmp/out" '
assert d["found"] and d["steps"] == [{"from": "2012-C:2.1#2", "relation": "needs", "to": "2012-C:1.1"}]'
printf "oapgraph: deps: '9.9' is not an action, phase or goal of plan 2012-C\n" >"$tmp/want"
expect "deps of an unknown node" 2 "$empty" "$tmp/want" -- "$bin" deps 9.9 "$ref"
expect "rdeps of unreadable text" 2 "$empty" - -- "$bin" rdeps "2.1 and" "$ref"
expect "deps without a plan" 2 "$empty" - -- "$bin" deps 2.1
expect "path without TO" 2 "$empty" - -- "$bin" path 2.1 "$ref"
expect "deps --format dot" 2 "$empty" - -- "$bin" deps --format dot 2.1 "$ref"

# -o writes a file atomically, and never over an input plan.
expect "deps -o" 0 "$empty" "$empty" -- "$bin" deps -o "$tmp/deps.txt" 2.1 "$ref"
check "deps -o wrote the answer" grep -q '^1  1.1    needs 2.1#1$' "$tmp/deps.txt"
cp "$ref" "$tmp/plan.oap.json"
expect "deps -o over an input plan" 2 "$empty" - -- "$bin" deps -o "$tmp/plan.oap.json" 2.1 "$tmp/plan.oap.json"
check "the input plan is untouched" cmp -s "$ref" "$tmp/plan.oap.json"

# tasking: HU co-leads 2.2 and 5.2 and takes part in every All MS action of 2012.
expect "tasking HU" 0 - "$empty" -- "$bin" tasking --actor HU "$ref"
grep '^| 2012-C' "$tmp/out" | cut -d'|' -f4,5 >"$tmp/rows"
cat >"$tmp/want" <<'OUT'
 1.1 | participant, as one of All MS 
 1.2 | participant, as one of All MS 
 1.3 | participant, as one of All MS 
 2.2 | co-leader 
 2.3 | participant, as one of All MS 
 3.1 | participant, as one of All MS 
 5.2 | co-leader 
 6.3 | participant, as one of All MS 
OUT
check "HU's sheet: 2.2 and 5.2 as co-leader, every All MS action" diff -u "$tmp/want" "$tmp/rows"
check "HU's sheet carries the plan's marking first and last" \
    test "$(head -1 "$tmp/out")" = "**RESTREINT UE/EU RESTRICTED**" -a \
    "$(tail -1 "$tmp/out")" = "**RESTREINT UE/EU RESTRICTED**"
check "HU's sheet heading" grep -qx '# HU: Hungary' "$tmp/out"
check "HU's sheet summary" grep -qx 'Member State. Co-leads 2 actions and takes part in 6 (6 as one of All MS).' "$tmp/out"

# Europol leads 2.3, co-leads 1.1, 3.1 and 4.1, and joins six more.
expect "tasking Europol" 0 - "$empty" -- "$bin" tasking --actor europol "$ref"
grep '^| 2012-C' "$tmp/out" | cut -d'|' -f4,5 >"$tmp/rows"
cat >"$tmp/want" <<'OUT'
 1.1 | co-leader 
 1.2 | participant 
 2.2 | participant 
 2.3 | leader 
 3.1 | co-leader 
 4.1 | co-leader 
 4.2 | participant 
 5.1 | participant 
 5.2 | participant 
 7.1 | participant 
OUT
check "Europol's sheet" diff -u "$tmp/want" "$tmp/rows"
expect "tasking Cefpol is CEPOL" 0 - "$empty" -- "$bin" tasking --actor Cefpol "$ref"
check "CEPOL's sheet" grep -qx '# CEPOL: European Union Agency for Law Enforcement Training' "$tmp/out"
printf "oapgraph: tasking: 'Europool' is not a known actor, and no loaded plan names it; did you mean 'Europol'?\n" >"$tmp/want"
expect "tasking of an unknown actor" 2 "$empty" "$tmp/want" -- "$bin" tasking --actor Europool "$ref"
expect "tasking --format xml" 2 "$empty" - -- "$bin" tasking --format xml "$ref"

# One file per actor with -o, named by code; groups have sheets of their own.
printf 'oapgraph: tasking: wrote 43 sheets to %s/sheets\n' "$tmp" >"$tmp/want"
expect "tasking -o" 0 "$empty" "$tmp/want" -- "$bin" tasking -o "$tmp/sheets" "$ref"
check "43 sheet files" test "$(ls "$tmp/sheets" | wc -l)" = 43
for f in HU.md Europol.md CEPOL.md Relevant-MS.md MS-concerned.md Acting-EU-Presidency.md; do
    check "sheet file $f" test -s "$tmp/sheets/$f"
done
check "no temporary file left" test -z "$(ls "$tmp/sheets" | grep tmp)"
"$bin" tasking --actor HU "$ref" >"$tmp/hu.md"
check "a sheet file is the sheet" cmp -s "$tmp/hu.md" "$tmp/sheets/HU.md"
cp "$ref" "$tmp/sheets/HU.md"
expect "tasking -o over an input plan" 2 "$empty" - -- "$bin" tasking -o "$tmp/sheets" "$tmp/sheets/HU.md"
check "the folder is left as it was" cmp -s "$ref" "$tmp/sheets/HU.md"
: >"$tmp/afile"
expect "tasking -o a file" 2 "$empty" - -- "$bin" tasking -o "$tmp/afile" "$ref"

expect "tasking csv" 0 - "$empty" -- "$bin" tasking --format csv --actor HU --actor Europol "$ref"
check "tasking csv reads back" python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
hu = [(r["action"], r["role"], r["via"]) for r in rows if r["actor"] == "HU"]
assert ("2.2", "co-leader", "") in hu and ("6.3", "participant", "All MS") in hu and len(hu) == 8, hu
eu = [r for r in rows if r["actor"] == "Europol"]
assert eu[0]["role"] == "support" and eu[0]["action"] == "", eu[0]
assert all(r["classification"] == "RESTREINT UE/EU RESTRICTED" for r in rows)
assert [r["kpis"] for r in eu if r["action"] == "2.3"] == ["Number of contributions to AWF Checkpoint\nNumber of action days\nNumber of arrests"]' "$tmp/out"
expect "tasking json" 0 - "$empty" -- "$bin" tasking --format json "$ref"
check "tasking json reads back" json "$tmp/out" '
s = {x["actor"]: x for x in d["sheets"]}
assert len(d["sheets"]) == 43 and "All MS" not in s
assert [(a["action"], a["role"]) for a in s["HU"]["actions"] if a["via"] is None] == [("2.2", "co-leader"), ("5.2", "co-leader")]
assert s["IT"]["plans"] == [{"plan": "2012-C", "role": "driver"}]
assert [a["action"] for a in s["Relevant MS"]["actions"]] == ["2.1", "4.1", "4.2", "5.1", "7.2"]
assert s["HU"]["actions"][0]["window"] == ["2012-09", "2012-09"]'

# impact --without HU: 2.2 and 5.2 keep other leaders; nothing needs them.
cat >"$tmp/want" <<'OUT'
RESTREINT UE/EU RESTRICTED
without HU:
2.2  loses co-leader HU; AT, Frontex still lead it
5.2  loses co-leader HU; UK still leads it
1.1  loses HU as one of All MS; the other Member States still take part
1.2  loses HU as one of All MS; the other Member States still take part
1.3  loses HU as one of All MS; the other Member States still take part
2.3  loses HU as one of All MS; the other Member States still take part
3.1  loses HU as one of All MS; the other Member States still take part
6.3  loses HU as one of All MS; the other Member States still take part
downstream through needs: nothing needs 2.2 or 5.2
actions at risk: 0 (0 without a leader); losing a co-leader: 2, every named participant: 0, a participant: 0, a Member State of All MS: 6; downstream: 0, 0 at risk
RESTREINT UE/EU RESTRICTED
OUT
expect "impact --without HU" 0 "$tmp/want" "$empty" -- "$bin" impact --without HU "$ref"
# Without IT, the driver: 2.1 has no leader, and 1.1 needs its first phase.
expect "impact --without IT" 0 - "$empty" -- "$bin" impact --without IT "$ref"
check "IT: the plan loses its driver" grep -qx '2012-C  loses its driver IT' "$tmp/out"
check "IT: 2.1 has no leader" grep -qx '2.1     loses its only leader IT: no one is left to lead it' "$tmp/out"
check "IT: 1.1 is at risk through 2.1#1" grep -qx '1.1     at risk through 1.1 -> 2.1#1: 2.1 is left without a leader' "$tmp/out"
expect "impact json" 0 - "$empty" -- "$bin" impact --format json --without Frontex "$ref"
check "impact json reads back" json "$tmp/out" '
a = {x["id"]: x for x in d["actions"]}
assert d["without"] == ["Frontex"]
assert [x["id"] for x in d["actions"] if x["leaders_lost"] == "all"] == ["1.2", "1.3", "7.1"]
assert a["2.2"]["leaders_kept"] == ["HU", "AT"] and not a["2.2"]["at_risk"]
assert a["3.1"]["participants_lost"] == "all" and not a["3.1"]["at_risk"]
assert d["downstream"] == [{"node": "2012-C:2.1#2", "at_risk": False, "cause": "2012-C:1.1", "next": "2012-C:1.1", "origin": "2012-C:1.1", "steps": 1}]
assert d["plans"][0]["support_lost_from"] == ["Frontex"]'
# Co-leaders count as leaders (fixtures/cycles): without IT, its three actions keep a
# co-leader who can take over; without IT and Europol, 8.1 and B:2.2 have no one left.
expect "impact --without IT, co-leaders" 0 - - -- "$bin" impact --without IT cycles
check "IT: A:3.1 has co-leaders to take over" grep -qx '2024-2025-A:3.1  loses its leader IT; co-leaders EL, Frontex can take over' "$tmp/out"
check "IT: B:2.2 has a co-leader to take over" grep -qx '2024-2025-B:2.2  loses its leader IT; co-leader Europol can take over' "$tmp/out"
check "IT: no action without a leader" grep -q '^actions at risk: 0 (0 without a leader); losing a co-leader: 3,' "$tmp/out"
expect "impact --without EL, a co-leader" 0 - - -- "$bin" impact --without EL cycles
check "EL: A:3.1 loses a co-leader" grep -qx '2024-2025-A:3.1  loses co-leader EL; IT, Frontex still lead it' "$tmp/out"
expect "impact --without IT and Europol" 0 - - -- "$bin" impact --without IT --without Europol cycles
check "IT, Europol: 8.1 has no leader left" grep -qx '2024-2025-A:8.1  loses every leader (IT, Europol): no one is left to lead it' "$tmp/out"
expect "impact json, co-leaders" 0 - - -- "$bin" impact --format json --without IT cycles
check "impact json: who can take over" json "$tmp/out" '
a = {x["node"]: x for x in d["actions"]}
x = a["2024-2025-A:3.1"]
assert x["leaders_lost"] == "some" and not x["at_risk"], x
assert x["leaders_lost_from"] == ["IT"] and x["leaders_kept"] == ["EL", "Frontex"], x
assert x["can_take_over"] == ["EL", "Frontex"], x
assert a["2024-2025-A:1.2"]["can_take_over"] == []'
cat >"$tmp/want" <<'OUT'
RESTREINT UE/EU RESTRICTED
if 2.1#1 is 6 months late:
2.1#1  slips 6 months: 2012-04..2012-05 becomes 2012-10..2012-11
1.1    slips 2 months: 2012-09 becomes 2012-11; it needs 2.1#1, which now ends 2012-11 (1.1 -> 2.1#1)
2.1#2  slips 1 month: 2012-10..2012-11 becomes 2012-11..2012-12; it needs 2.1#1, which now ends 2012-11 (2.1#2 -> 2.1#1)
2 dependants must move, 0 still fit, 0 cannot be told
RESTREINT UE/EU RESTRICTED
OUT
expect "impact --late 2.1#1 --months 6" 0 "$tmp/want" "$empty" -- "$bin" impact --late 2.1#1 --months 6 "$ref"
expect "impact late json" 0 - "$empty" -- "$bin" impact --format json --late 1.1 --months 2 "$ref"
check "impact late json reads back" json "$tmp/out" '
assert [(x["node"], x["slip"]) for x in d["slipped"]] == [("2012-C:1.1", 2), ("2012-C:2.1#2", 1)]
assert d["slipped"][1]["new_window"] == ["2012-11", "2012-12"] and d["slipped"][1]["needs_new_end"] == "2012-11"'
printf "oapgraph: impact: 'Hungria' is not a known actor, and no loaded plan names it\n" >"$tmp/want"
expect "impact of an unknown actor" 2 "$empty" - -- "$bin" impact --without Hungria "$ref"
expect "impact with both questions" 2 "$empty" - -- "$bin" impact --without HU --late 1.1 --months 1 "$ref"
expect "impact --late without --months" 2 "$empty" - -- "$bin" impact --late 1.1 "$ref"
expect "impact --months 0" 2 "$empty" - -- "$bin" impact --late 1.1 --months 0 "$ref"
expect "impact --late of a goal" 2 "$empty" - -- "$bin" impact --late SG1 --months 1 "$ref"
# A slip past 9999-12, the last month "YYYY-MM" can write, is refused rather than answered
# with "????-??"; one that stays within it is answered.
cat >"$tmp/y9999.oap.json" <<'EOF2'
{
  "oapgraph": 1,
  "plan": {"id": "2012-C", "priority": "C", "title": "Windows at the end of time", "year": 2012},
  "goals": [{"id": "SG1", "title": "Goal"}],
  "actions": [
    {"id": "1.1", "goal": "SG1", "title": "First", "leaders": ["Frontex"], "window": ["9999-11", "9999-11"], "kpis": ["k"]},
    {"id": "1.2", "goal": "SG1", "title": "Second", "leaders": ["Frontex"], "needs": ["1.1"], "window": ["9999-12", "9999-12"], "kpis": ["k"]}
  ]
}
EOF2
printf 'oapgraph: impact: a slip of 2 months moves 1.1 to after 9999-12, the last month a window can name\n' >"$tmp/want"
expect "impact --late past 9999-12" 2 "$empty" "$tmp/want" -- "$bin" impact --late 1.1 --months 2 "$tmp/y9999.oap.json"
expect "impact --late up to 9999-12" 0 - "$empty" -- "$bin" impact --late 1.1 --months 1 "$tmp/y9999.oap.json"
check "impact --late up to 9999-12: the new window" grep -q '9999-11 becomes 9999-12$' "$tmp/out"

# fixtures/views: answers known by construction (see its README.md).
cd "$src/fixtures/views" || exit 2
# Several plans are loaded: every id says its plan.
cat >"$tmp/want" <<'OUT'
TEST MARKING
what 2020-X:1.4 needs, directly and through others, over needs:
0  2020-X:1.4  needs 2020-X:1.3
1  2020-X:1.3  needs 2020-X:1.2
2  2020-X:1.2  needs 2020-X:1.1
3  2020-X:1.1  needs nothing
3 nodes beyond 2020-X:1.4, up to 3 steps away.
TEST MARKING
OUT
expect "chain: deps of the tail" 0 "$tmp/want" "$empty" -- "$bin" deps 1.4 .
cat >"$tmp/want" <<'OUT'
TEST MARKING
what needs 2020-X:2.1, directly and through others, over needs:
0  2020-X:2.1  needed by 2020-X:2.2, 2020-X:2.3
1  2020-X:2.2  needed by 2020-X:2.4
1  2020-X:2.3  needed by 2020-X:2.4
2  2020-X:2.4  needed by nothing
3 nodes beyond 2020-X:2.1, up to 2 steps away.
TEST MARKING
OUT
expect "diamond: rdeps of the top" 0 "$tmp/want" "$empty" -- "$bin" rdeps 2.1 .
printf "oapgraph: deps: '1.1' is in several loaded plans (2020-X, 2021-Y); qualify it, as in 2020-X:1.1\n" >"$tmp/want"
expect "an id in two plans" 2 "$empty" "$tmp/want" -- "$bin" deps 1.1 .
expect "across plans: path" 0 - "$empty" -- "$bin" path 2021-Y:1.1 2020-X:1.1 .
check "across plans: 4 steps" grep -qx 'path from 2021-Y:1.1 to 2020-X:1.1 over needs, 4 steps:' "$tmp/out"
cat >"$tmp/want" <<'OUT'
TEST MARKING
without SEAHORSE:
2020-X:1.1   loses its only leader SEAHORSE: no one is left to lead it
2020-X:3.1   loses its only named participant Seahorse network; no one else takes part
downstream through needs:
2020-X:1.2   at risk through 2020-X:1.2 -> 2020-X:1.1: 2020-X:1.1 is left without a leader
undated:9.1  at risk through undated:9.1 -> 2020-X:1.1: 2020-X:1.1 is left without a leader
2020-X:1.3   at risk through 2020-X:1.3 -> 2020-X:1.2 -> 2020-X:1.1: 2020-X:1.1 is left without a leader
2020-X:1.4   at risk through 2020-X:1.4 -> 2020-X:1.3 -> 2020-X:1.2 -> 2020-X:1.1: 2020-X:1.1 is left without a leader
2021-Y:1.1   at risk through 2021-Y:1.1 -> 2020-X:1.4 -> 2020-X:1.3 -> 2020-X:1.2 -> 2020-X:1.1: 2020-X:1.1 is left without a leader
actions at risk: 2 (1 without a leader); losing a co-leader: 0, every named participant: 1, a participant: 0, a Member State of All MS: 0; downstream: 5, 5 at risk
TEST MARKING
OUT
expect "an actor who leads the chain's head" 0 "$tmp/want" "$empty" -- "$bin" impact --without "Seahorse network" .
expect "tasking json of the set" 0 - "$empty" -- "$bin" tasking --format json .
check "tasking json of the set reads back" json "$tmp/out" '
s = {x["actor"]: x for x in d["sheets"]}
assert [(a["plan"], a["action"], a["via"]) for a in s["UK"]["actions"]] == [("2020-X", "1.2", "All MS"), ("2020-X", "2.4", "All MS"), ("2020-X", "3.1", None)]
assert s["IOM"]["classification"] == [] and s["DE"]["classification"] == ["TEST MARKING"]
assert s["SEAHORSE"]["kind"] == "declared" and s["Atlantis"]["kind"] == "unknown"
assert [a["action"] for a in s["All MS"]["actions"]] == ["9.1"]
assert s["UK"]["actions"][2]["window"] == ["2020-02", "2020-10"]'

# Help.
for c in tasking impact deps rdeps path; do
    expect "$c --help" 0 - "$empty" -- "$bin" "$c" --help
done

finish
