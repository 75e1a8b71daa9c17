#!/usr/bin/env bash
# End-to-end: what a config file, a baseline or the repository around a plan cannot do: a
# config above the repository (or the home folder) is not read; syntax, schema and limit
# findings are never turned off or baselined; the config a run used is named.
# usage: trust.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
require "python3 is needed" python3

# A config that silences everything, above a repository holding a broken plan.
mkdir -p "$tmp/outer/repo/.git" "$tmp/outer/repo/plans" "$tmp/outer/home/work"
"$bin" rules --format json | python3 -c '
import json, sys
rules = json.load(sys.stdin)
rules = rules["rules"] if isinstance(rules, dict) else rules
json.dump({"rules": {r["id"]: "warning" if r["id"] in ("syntax", "schema", "limit") else "off"
                     for r in rules}}, open(sys.argv[1], "w"))
' "$tmp/outer/.oapgraph.json"
printf '{"oapgraph": 1,\n' >"$tmp/outer/repo/plans/broken.oap.json"
cd "$tmp/outer/repo/plans" || exit 2
expect "a config above the repository is not read: the broken plan fails" 1 - - -- \
    "$bin" check broken.oap.json
grep -q '\[syntax\]' "$tmp/out" && ok "the syntax finding is there" || no "the syntax finding is there"
grep -q '(config' "$tmp/err" && no "no config named on the summary line" ||
    ok "no config named on the summary line"

# Above the home folder, too, when there is no repository.
cp broken.oap.json "$tmp/outer/home/work/"
cd "$tmp/outer/home/work" || exit 2
expect "a config above the home folder is not read" 1 - - -- env HOME="$tmp/outer/home" \
    "$bin" check broken.oap.json

# A config of the repository is read, and named: summary line, JSON, SARIF.
printf '{"rules": {"missing-kpi": "off"}}\n' >"$tmp/outer/repo/.oapgraph.json"
cd "$tmp/outer/repo/plans" || exit 2
expect "the repository's config is read" 1 - - -- "$bin" check broken.oap.json
grep -q ' (config \.\./\.oapgraph\.json)$' "$tmp/err" && ok "summary names the config" ||
    { no "summary names the config"; cat "$tmp/err"; }
"$bin" check -q --format json broken.oap.json >"$tmp/j.json"
"$bin" check -q --format sarif broken.oap.json >"$tmp/s.json"
py "JSON summary and SARIF invocation name the config" '
import json, sys
j = json.load(open(sys.argv[1]))
assert j["summary"]["config"] == "../.oapgraph.json", j["summary"]
s = json.load(open(sys.argv[2]))
inv = s["runs"][0]["invocations"][0]
assert inv["executionSuccessful"] is True and inv["properties"]["configFile"] == "../.oapgraph.json", inv
' "$tmp/j.json" "$tmp/s.json"
"$bin" check -q --no-config --format json broken.oap.json >"$tmp/j.json"
py "no config: JSON says null" '
import json, sys
assert json.load(open(sys.argv[1]))["summary"]["config"] is None
' "$tmp/j.json"

# syntax, schema and limit: never off, never below warning, never baselined.
for rule in syntax schema limit; do
    for sev in off info; do
        printf '{"rules": {"%s": "%s"}}\n' "$rule" "$sev" >"$tmp/c.json"
        printf 'oapgraph: %s:1:%d: rule "%s" cannot be set to "%s": it reports files that cannot be read as plans, which must never pass unseen; "warning" is the lowest it goes\n' \
            "$tmp/c.json" $((16 + ${#rule})) "$rule" "$sev" >"$tmp/want"
        expect "config: $rule cannot be $sev" 2 "$empty" "$tmp/want" -- \
            "$bin" check --config "$tmp/c.json" broken.oap.json
    done
done
printf '{"rules": {"syntax": "warning"}}\n' >"$tmp/c.json"
expect "config: syntax lowered to warning" 0 - - -- "$bin" check --config "$tmp/c.json" broken.oap.json
grep -q 'warning: .*\[syntax\]' "$tmp/out" && ok "the syntax finding is a warning" ||
    no "the syntax finding is a warning"

cp "$src/fixtures/2012-C.oap.json" ref.oap.json
expect "a baseline of a run with a broken plan" 1 - - -- \
    "$bin" check --no-config --write-baseline base.json broken.oap.json ref.oap.json
grep -q '\[syntax\]' "$tmp/out" && ok "write-baseline: the syntax finding is still shown" ||
    no "write-baseline: the syntax finding is still shown"
py "the baseline records no syntax finding" '
import json, sys
b = json.load(open(sys.argv[1]))
assert b["findings"] and all(e["rule"] != "syntax" for e in b["findings"]), b["findings"]
' base.json
# A baseline that says it knows the syntax finding (forged, or of an older version).
fp=$("$bin" check -q --no-config --format json broken.oap.json | python3 -c 'import json,sys; print(json.load(sys.stdin)["findings"][0]["fingerprint"])')
printf '{"oapgraph-baseline": 2, "findings": [{"rule": "syntax", "fingerprint": "%s"}]}\n' "$fp" >forged.json
expect "a baseline entry cannot hide a syntax finding" 1 - - -- \
    "$bin" check --no-config --baseline forged.json broken.oap.json
grep -q '\[syntax\]' "$tmp/out" && ok "the syntax finding is shown" || no "the syntax finding is shown"

finish
