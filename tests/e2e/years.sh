#!/usr/bin/env bash
# End-to-end: plans of many years in one run (fixtures/years): the history of a carried-on
# action, node arguments that name a priority of several years, and continuations in the
# diagrams.
# usage: years.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
require "python3 and Graphviz's dot are needed" python3 dot
cd "$src/fixtures" || exit 2

cat >"$tmp/history" <<'OUT'
RESTREINT UE/EU RESTRICTED
the history of 2013-C:2.2, from its first year to its last:
2012       2012-C:2.3       MS provide to AWF-Checkpoint intelligence from domestic investigation on OCG known to be operating using South-Eastern Europe routes to identify the main facilitation organisations.
2013       2013-C:2.2       continues 2012-C:2.3: MS provide to AWF-Checkpoint intelligence from domestic investigation on OCG known to be operating using South-Eastern Europe and Eastern Mediterranean routes to identify the main facilitation organisations.
2024-2025  2024-2025-C:1.1  continues 2013-C:2.2: MS provide to the Analysis Project Migrant Smuggling at Europol intelligence from their domestic investigations on the networks active on the Eastern Mediterranean and Western Balkan routes, to identify high-value targets.
3 actions in 2 steps.
RESTREINT UE/EU RESTRICTED
OUT
# The years have errors that check reports (a cycle of needs, a continuation of an action
# 2012-C does not have), and every answer says so first.
errs="oapgraph: deps: the plans have 2 errors that 'oapgraph check' shows; this answer covers what could be read"
printf '%s\n' "$errs" >"$tmp/errs"
expect "deps --history: the chain over three years" 0 "$tmp/history" "$tmp/errs" -- \
    "$bin" deps --history 2013-C:2.2 years
expect "rdeps --history from the last link: the same chain" 0 "$tmp/history" - -- \
    "$bin" rdeps --history 2013-C:2.2 years
"$bin" deps --history --format json 2024-2025-C:1.1 years >"$tmp/h.json" 2>"$tmp/err"
py "deps --history --format json" '
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["query"] == "history" and doc["node"] == "2024-2025-C:1.1", doc
chain = [(n["node"], n["years"], n["continues"]) for n in doc["nodes"]]
assert chain == [("2012-C:2.3", "2012", None), ("2013-C:2.2", "2013", "2012-C:2.3"),
                 ("2024-2025-C:1.1", "2024-2025", "2013-C:2.2")], chain
' "$tmp/h.json"
printf "%s\n" "$errs" 'oapgraph: deps: 2013-C:SG1 is not an action; --history follows an action from plan to plan' >"$tmp/want"
expect "deps --history of a goal" 2 "$empty" "$tmp/want" -- "$bin" deps --history 2013-C:SG1 years

# A priority code on the command line has no referring plan whose years would choose: the
# answer names the plans that have the node and asks for a plan id.
printf "%s\n" "$errs" "oapgraph: deps: 'C:4.1' matches 2012-C:4.1, 2013-C:4.1, 2024-2025-C:4.1 in plans of several years; name the plan by its id, as in 2012-C:4.1" >"$tmp/want"
expect "deps C:4.1 over several years" 2 "$empty" "$tmp/want" -- "$bin" deps C:4.1 years
printf "%s\n" "$errs" "oapgraph: deps: 'C:9.9': priority C has 3 loaded plans, and none has 9.9; name the plan by its id" >"$tmp/want"
expect "deps C:9.9 over several years" 2 "$empty" "$tmp/want" -- "$bin" deps C:9.9 years
expect "deps C:4.1 with one plan of C" 0 - "$empty" -- "$bin" deps C:4.1 2012-C.oap.json

# The overlap view of the six plans: each continuation between loaded plans is an edge,
# laid out by dot; a plan that is not loaded leaves its action as a node of its own.
"$bin" dot --view overlap years >"$tmp/o.dot" 2>"$tmp/err"
check "dot --view overlap over the years is valid DOT" dot -Tsvg -o "$tmp/o.svg" "$tmp/o.dot"
n=$(grep -c 'arrowhead=empty' "$tmp/o.dot")
[ "$n" -eq 7 ] && ok "overlap view: 7 continuations between loaded plans" ||
    { no "overlap view: 7 continuations between loaded plans ($n)"; }
grep -q -F '<B>green dotted arrow</B></FONT>: work carried on' "$tmp/o.dot" && ok "overlap view: the legend names continuations" ||
    no "overlap view: the legend names continuations"
"$bin" dot years/2013-C.oap.json >"$tmp/p.dot" 2>"$tmp/err"
for a in 2012-C:1.3 2012-C:4.1 2012-C:5.1 2012-C:7.3 C:2.3; do
    grep -q "^[[:space:]]*\"$a\"" "$tmp/p.dot" && ok "plan view of 2013-C alone: $a as a node of its own" ||
        no "plan view of 2013-C alone: $a as a node of its own"
done
grep -q 'priority <B>2012-C</B>' "$tmp/p.dot" && no "plan view: no priority node for a plan id" ||
    ok "plan view: no priority node for a plan id"

finish
