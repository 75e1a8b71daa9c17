#!/usr/bin/env bash
# End-to-end: the report formats, the config file and baselines, as CI uses them. JSON and
# SARIF output is read back with Python's own JSON parser, and every format must report
# the same findings as the text format.
# usage: report.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
require "python3 is needed" python3

# Compares the four formats of one run: the same findings (file, line, column, severity,
# rule, message: JSON and SARIF messages read as the text format shows them, escapes and
# all) in the same order, the same counts, the same exit status.
agree() {
    local name=$1
    shift
    local status
    "$bin" check -q --no-config "$@" >"$tmp/a.txt" 2>"$tmp/a.err"
    status=$?
    for f in json sarif markdown; do
        "$bin" check -q --no-config --format $f "$@" >"$tmp/a.$f" 2>>"$tmp/a.err"
        if [ $? != $status ]; then
            no "$name: --format $f exits differently from text"
            return
        fi
    done
    if [ "$status" = 2 ] || [ -s "$tmp/a.err" ]; then
        no "$name: trouble"
        cat "$tmp/a.err"
        return
    fi
    py "$name: text, json, sarif and markdown agree" '
import json, re, sys
d = sys.argv[1]
text = open(d + "/a.txt", encoding="utf-8").read().splitlines()
rx = re.compile(r"^(.*):(\d+):(\d+): (error|warning|info): (.*) \[([a-z-]+)\]$")
t = []
for line in text:
    m = rx.match(line)
    assert m, "not a finding line: " + line
    t.append((m[1], int(m[2]), int(m[3]), m[4], m[6], m[5]))

doc = json.load(open(d + "/a.json", encoding="utf-8"))
assert doc["version"] == 1 and doc["tool"]["name"] == "oapgraph", doc["tool"]
keys = ["rule", "severity", "message", "file", "line", "column", "pointer", "plan", "node", "fingerprint"]
pair = ["related", "score"]  # only findings about a pair of actions carry these
for f in doc["findings"]:
    want = keys + pair if f["rule"] in ("possible-overlap", "linked-overlap") else keys
    assert sorted(f) == sorted(want), sorted(f)
j = [(f["file"], f["line"], f["column"], f["severity"], f["rule"],
      f["message"]) for f in doc["findings"]]
assert t == j, "text and json differ:\n%s\n%s" % (t, j)
s = doc["summary"]
for sev in ("error", "warning", "info"):
    assert s["counts"][sev] == sum(1 for x in t if x[3] == sev), (sev, s["counts"])
rules = {}
for x in t:
    rules[x[4]] = rules.get(x[4], 0) + 1
assert s["rules"] == rules, (s["rules"], rules)
assert s["baselined"] == 0 and s["stale_baseline"] == 0

sarif = json.load(open(d + "/a.sarif", encoding="utf-8"))
assert sarif["version"] == "2.1.0"
run = sarif["runs"][0]
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
level = {"error": "error", "warning": "warning", "info": "note"}
sr = []
for r in run["results"]:
    assert ids[r["ruleIndex"]] == r["ruleId"]
    loc = r["locations"][0]["physicalLocation"]
    sr.append((loc["region"]["startLine"], loc["region"]["startColumn"], r["level"], r["ruleId"],
               r["message"]["text"], r["partialFingerprints"]["oapgraph/v2"]))
want = [(x[1], x[2], level[x[3]], x[4], x[5], f["fingerprint"]) for x, f in zip(t, doc["findings"])]
assert sr == want, "text and sarif differ:\n%s\n%s" % (sr, want)

md = open(d + "/a.markdown", encoding="utf-8").read().splitlines()
rows = [l for l in md if re.match(r"^\| (error|warning|info) \| [a-z-]+ \| ", l)]
assert len(rows) == len(t), (len(rows), len(t))
mrules = {}
for l in rows:
    r = l.split(" | ")[1]
    mrules[r] = mrules.get(r, 0) + 1
assert mrules == rules, (mrules, rules)
for sev in ("error", "warning", "info"):
    assert "| %s | %d |" % (sev, s["counts"][sev]) in md, sev
for r, n in rules.items():
    assert "| %s | %d |" % (r, n) in md, r
' "$tmp"
}

cd "$src/fixtures" || exit 2

# Each format on the reference plan and on runs of several files.
agree "reference plan" 2012-C.oap.json
agree "two folders" duplicate-id/across-files unknown-key/misspelled
agree "every fixture" .

# The exact fields of one finding, in JSON and SARIF.
"$bin" check -q --no-config --format json unknown-key/misspelled duplicate-id/across-files >"$tmp/k.json"
py "json fields of a known finding" '
import json, sys
doc = json.load(open(sys.argv[1]))
f = [f for f in doc["findings"] if f["pointer"] == "/plan/yaer"]
assert len(f) == 1, f
f = f[0]
assert f["rule"] == "unknown-key" and f["severity"] == "warning", f
assert f["file"] == "unknown-key/misspelled/plan.oap.json", f
assert (f["line"], f["column"]) == (3, 77), f
assert f["message"] == "unknown key \"yaer\" in \"plan\"; did you mean \"year\"? without a year, no timing of this plan is checked", f
assert len(f["fingerprint"]) == 16 and int(f["fingerprint"], 16) >= 0, f
g = [f for f in doc["findings"] if f["file"] == "duplicate-id/across-files/b.oap.json"][0]
assert (g["rule"], g["line"], g["column"], g["plan"], g["node"]) == ("duplicate-id", 4, 11, "2012-C", None), g
assert doc["summary"]["files"] == ["unknown-key/misspelled/plan.oap.json",
    "duplicate-id/across-files/a.oap.json", "duplicate-id/across-files/b.oap.json"], doc["summary"]["files"]
' "$tmp/k.json"
"$bin" check -q --no-config --format sarif unknown-key/misspelled >"$tmp/k.sarif"
py "sarif location of a known finding" '
import json, os, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert run["columnKind"] == "unicodeCodePoints"
assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + os.getcwd() + "/", run["originalUriBaseIds"]
r = [r for r in run["results"] if "yaer" in r["message"]["text"]][0]
loc = r["locations"][0]["physicalLocation"]
assert loc["artifactLocation"] == {"uri": "unknown-key/misspelled/plan.oap.json", "uriBaseId": "%SRCROOT%"}, loc
assert loc["region"] == {"startLine": 3, "startColumn": 77}, loc
assert r["level"] == "warning" and r["ruleId"] == "unknown-key"
' "$tmp/k.sarif"

# Fingerprints do not change when a plan is run from another folder.
(cd "$src" && "$bin" check -q --no-config --format json fixtures/unknown-key/misspelled fixtures/duplicate-id/across-files) >"$tmp/k2.json"
py "fingerprints independent of the folder run from" '
import json, sys
a = [f["fingerprint"] for f in json.load(open(sys.argv[1]))["findings"]]
b = [f["fingerprint"] for f in json.load(open(sys.argv[2]))["findings"]]
assert a == b, (a, b)
' "$tmp/k.json" "$tmp/k2.json"

# Usage and write errors are exit 2.
expect "bad --format" 2 "$empty" - -- "$bin" check --format xml 2012-C.oap.json
expect "--baseline without a file" 2 "$empty" - -- "$bin" check 2012-C.oap.json --baseline
if [ -w /dev/full ]; then
    for f in text json sarif markdown; do
        "$bin" check -q --no-config --format $f 2012-C.oap.json >/dev/full 2>"$tmp/err"
        got=$?
        if [ $got = 2 ] && grep -q 'cannot write' "$tmp/err"; then
            ok "--format $f to a full device"
        else
            no "--format $f to a full device: status $got"
        fi
    done
fi

# Colour is for the text format on a terminal only.
if command -v script >/dev/null; then
    script -qec "$bin check -q --no-config --format json unknown-key/misspelled" /dev/null >"$tmp/tty" 2>&1
    if grep -q '"findings"' "$tmp/tty" && ! grep -q $'\033\\[' "$tmp/tty"; then
        ok "no colour in json on a terminal"
    else
        no "no colour in json on a terminal"
    fi
fi

# The config file.
work="$tmp/work"
mkdir -p "$work/sub/deeper"
# Its own plan id and priority, so that it can be loaded beside the reference plan.
sed 's/"id": "2012-C", "priority": "C"/"id": "2012-X", "priority": "X"/' \
    unknown-key/misspelled/plan.oap.json >"$work/p.oap.json"
cd "$work" || exit 2

printf '{\n  "rules": {"unknown-key": "error"}\n}\n' >.oapgraph.json
expect "config: severity raised" 1 - - -- "$bin" check -q p.oap.json
if [ "$(grep -c ': error: unknown key' "$tmp/out")" = 5 ]; then ok "config: 5 errors"; else no "config: 5 errors"; fi

printf '{"rules": {"unknown-key": "off"}}\n' >.oapgraph.json
expect "config: rule off" 0 - - -- "$bin" check -q --format json p.oap.json
py "config: no unknown-key finding" '
import json, sys
doc = json.load(open(sys.argv[1]))
assert all(f["rule"] != "unknown-key" for f in doc["findings"]), doc["findings"]
assert "unknown-key" not in doc["summary"]["rules"]
' "$tmp/out"

# Found upward from a subfolder; --no-config and --config override.
(cd sub/deeper && "$bin" check -q ../../p.oap.json >"$tmp/up.out" 2>&1)
if ! grep -q 'unknown-key' "$tmp/up.out"; then ok "config: found upward"; else no "config: found upward"; fi
expect "config: --no-config" 0 - - -- "$bin" check -q --no-config p.oap.json
grep -q 'unknown-key' "$tmp/out" && ok "config: --no-config reads none" || no "config: --no-config reads none"
printf '{"rules": {"unknown-key": "error"}}\n' >sub/strict.json
expect "config: --config FILE" 1 - - -- "$bin" check -q --config sub/strict.json p.oap.json

# A bad config is exit 2, with the file, line, column and key, and nothing on stdout.
printf '{\n  "rules": {\n    "dangling-refs": "off"\n  }\n}\n' >.oapgraph.json
printf 'oapgraph: .oapgraph.json:3:5: unknown rule "dangling-refs" in "rules"; did you mean "dangling-ref"?\n' >"$tmp/want"
expect "bad config: unknown rule" 2 "$empty" "$tmp/want" -- "$bin" check p.oap.json
printf '{\n  "rule": {}\n}\n' >.oapgraph.json
printf 'oapgraph: .oapgraph.json:2:3: unknown key "rule" in the config file; did you mean "rules"?\n' >"$tmp/want"
expect "bad config: unknown key" 2 "$empty" "$tmp/want" -- "$bin" check p.oap.json
printf '{"rules": {"missing-kpi": "fatal"}}' >.oapgraph.json
printf 'oapgraph: .oapgraph.json:1:27: rule "missing-kpi" in "rules" has severity "fatal"; expected "error", "warning", "info" or "off"\n' >"$tmp/want"
expect "bad config: bad value" 2 "$empty" "$tmp/want" -- "$bin" check p.oap.json
# Every problem of a config in one run, one a line; the first is the one it always was.
printf '{\n  "rules": {"missing-kpi": "fatal",\n            "dangling-refs": "off"}\n}\n' >.oapgraph.json
printf '%s\n' 'oapgraph: .oapgraph.json:2:28: rule "missing-kpi" in "rules" has severity "fatal"; expected "error", "warning", "info" or "off"' \
    'oapgraph: .oapgraph.json:3:13: unknown rule "dangling-refs" in "rules"; did you mean "dangling-ref"?' >"$tmp/want"
expect "bad config: every problem" 2 "$empty" "$tmp/want" -- "$bin" check p.oap.json
printf '{"rules": {}' >.oapgraph.json
expect "bad config: not JSON" 2 "$empty" - -- "$bin" check p.oap.json
grep -q '^oapgraph: .oapgraph.json:1:12: not valid JSON' "$tmp/err" && ok "bad config: not JSON message" || { no "bad config: not JSON message"; cat "$tmp/err"; }
(cd sub/deeper && "$bin" check ../../p.oap.json >"$tmp/up.out" 2>"$tmp/up.err")
grep -q '^oapgraph: ../../.oapgraph.json:1:12: ' "$tmp/up.err" && ok "bad config found upward: named as found" || no "bad config found upward: named as found"
printf "oapgraph: cannot read 'nope.json': No such file or directory\n" >"$tmp/want"
expect "missing --config" 2 "$empty" "$tmp/want" -- "$bin" check --config nope.json p.oap.json
rm .oapgraph.json

# Actors and the overlap threshold reach the rules.
printf '{"actors": ["Atlantis", {"code": "Nowhere", "kind": "network"}]}' >actors.json
"$bin" check -q --no-config "$src/fixtures/unknown-actor/unknown-and-misspelled" >"$tmp/a1" 2>&1
"$bin" check -q --config actors.json "$src/fixtures/unknown-actor/unknown-and-misspelled" >"$tmp/a2" 2>&1
if grep -q '"Atlantis" is not a known actor' "$tmp/a1" && ! grep -q 'Atlantis' "$tmp/a2" &&
    grep -q '"Europl" is not a known actor' "$tmp/a2"; then
    ok "config: actors are known"
else
    no "config: actors are known"
fi
printf '{"overlap": {"threshold": 1}}' >strict-overlap.json
n1=$("$bin" check -q --no-config "$src/fixtures/possible-overlap/reworded-across-plans" | grep -c 'possible-overlap\]$')
n2=$("$bin" check -q --config strict-overlap.json "$src/fixtures/possible-overlap/reworded-across-plans" | grep -c 'possible-overlap\]$')
if [ "$n1" -gt 0 ] && [ "$n2" -lt "$n1" ]; then
    ok "config: overlap threshold"
else
    no "config: overlap threshold ($n1 findings by default, $n2 at threshold 1)"
fi

# The config schema: printed as in the source tree, and it agrees with the tool on
# what is a valid config.
expect "schema --config" 0 "$src/src/policy/config.schema.json" "$empty" -- "$bin" schema --config
py "config schema accepts and rejects what the tool does" '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
v = jsonschema.Draft7Validator(schema)
good = [{}, {"$schema": "x", "rules": {"missing-kpi": "off", "dangling-ref": "warning"},
         "actors": ["SEAHORSE", {"code": "NET", "name": "n", "kind": "network"}],
         "overlap": {"threshold": 0.4}, "x-team": 1}]
badc = [{"rule": {}}, {"rules": {"missing-kpi": "fatal"}}, {"rules": []},
        {"overlap": {"threshold": 2}}, {"overlap": {"treshold": 0.5}}, {"actors": [3]},
        {"actors": [{"name": "x"}]}, []]
for c in good:
    assert v.is_valid(c), c
for c in badc:
    assert not v.is_valid(c), c
' "$src/src/policy/config.schema.json"
for c in '{"$schema": "x", "rules": {"missing-kpi": "off"}, "actors": ["SEAHORSE", {"code": "NET", "kind": "network"}], "overlap": {"threshold": 0.4}, "x-team": 1}'; do
    printf '%s' "$c" >good.json
    expect "a config the schema accepts is read" 0 - - -- "$bin" check -q --config good.json p.oap.json
done

# Baselines: written, then the run is clean; moving lines keeps it clean; a fixed
# finding leaves a stale entry; a new finding fails the run.
cp "$src/fixtures/2012-C.oap.json" ref.oap.json
expect "write a baseline" 0 "$empty" - -- "$bin" check --no-config --write-baseline base.json p.oap.json ref.oap.json
grep -q '^oapgraph: wrote [0-9]* findings to the baseline base.json$' "$tmp/err" && ok "baseline: written message" || { no "baseline: written message"; cat "$tmp/err"; }
grep -q ', [0-9]* baselined$' "$tmp/err" && ok "baseline: summary counts baselined" || no "baseline: summary counts baselined"
py "baseline file" '
import json, sys
b = json.load(open(sys.argv[1]))
assert b["oapgraph-baseline"] == 2
assert len(b["findings"]) >= 6, len(b["findings"])
for e in b["findings"]:
    assert {"rule", "plan", "node", "message", "fingerprint"} <= set(e), e
    assert "line" not in e and "column" not in e
' base.json
expect "baseline: re-run is clean" 0 "$empty" - -- "$bin" check --no-config --fail-on info --baseline base.json p.oap.json ref.oap.json
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' base.json)
grep -q "0 errors, 0 warnings, 0 info, $n baselined\$" "$tmp/err" && ok "baseline: all $n known" || { no "baseline: all known"; cat "$tmp/err"; }

# An unrelated action added to one plan: the words it shares with others change which
# words are rare, so the evidence of an overlap elsewhere reads "site, labour" instead of
# "labour, site". Fingerprints do not hash messages: nothing new, nothing stale (with the
# message-based fingerprints of baseline version 1, the overlap came back as new and its
# entry as stale).
mkdir -p three
cp "$src/fixtures/2012-B.oap.json" "$src/fixtures/2012-C.oap.json" "$src/fixtures/2012-F.oap.json" three/
expect "baseline of three plans" 0 "$empty" - -- "$bin" check --no-config -q --write-baseline three.json three
python3 - three/2012-F.oap.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["actions"].insert(0, {"id": "1.9", "goal": "SG1", "title":
    "Exchange of labour market statistics between statistical offices",
    "leaders": ["NL"], "participants": ["BE"], "refs": ["SG2"], "timing": "March",
    "kpis": ["Statistics exchanged"]})
json.dump(p, open(sys.argv[1], "w"), indent=2, ensure_ascii=False)
PY
"$bin" check --no-config -q --fail-on none three >"$tmp/three.txt"
grep -q 'shared terms sites, labour' "$tmp/three.txt" && ok "baseline: the edit reorders overlap evidence" ||
    { no "baseline: the edit reorders overlap evidence"; cat "$tmp/three.txt"; }
expect "baseline: an unrelated action added, nothing new, nothing stale" 0 "$empty" - -- \
    "$bin" check --no-config -q --fail-on info --baseline three.json three

# Unrelated edits: a blank line and a new key at the top of both plans move every line.
for f in p.oap.json ref.oap.json; do
    { printf '\n{\n  "x-note": "edited after the baseline",\n'; tail -c +2 "$f"; } >"$f.new" && mv "$f.new" "$f"
done
expect "baseline: lines moved, still clean" 0 "$empty" - -- "$bin" check --no-config --fail-on info --baseline base.json p.oap.json ref.oap.json
"$bin" check -q --no-config --format json --baseline base.json p.oap.json ref.oap.json >"$tmp/b.json"
py "baseline: json summary" '
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["findings"] == [], doc["findings"]
assert doc["summary"]["baselined"] == int(sys.argv[2]) and doc["summary"]["stale_baseline"] == 0, doc["summary"]
' "$tmp/b.json" "$n"

# Fixing a finding leaves its entry stale: reported at its line in the baseline.
sed -i 's/"yaer"/"year"/' p.oap.json
expect "baseline: fixed finding, info does not fail" 0 - - -- "$bin" check -q --no-config --baseline base.json p.oap.json ref.oap.json
line=$(grep -n '"message": "unknown key \\"yaer\\"' base.json | cut -d: -f1)
line=$((line - 5))
printf 'base.json:%s:5: info: no current finding matches this baseline entry; remove it so the baseline shrinks (it recorded: unknown key "yaer" in "plan"; did you mean "year"? without a year, no timing of this plan is checked [unknown-key]) [stale-baseline]\n' "$line" >"$tmp/want"
expect "baseline: stale entry reported" 1 "$tmp/want" - -- "$bin" check -q --no-config --fail-on info --baseline base.json p.oap.json ref.oap.json
"$bin" check -q --no-config --format json --baseline base.json p.oap.json ref.oap.json >"$tmp/b.json"
py "baseline: stale entry in json" '
import json, sys
doc = json.load(open(sys.argv[1]))
assert [f["rule"] for f in doc["findings"]] == ["stale-baseline"], doc["findings"]
assert doc["findings"][0]["file"] == "base.json" and doc["findings"][0]["pointer"].startswith("/findings/")
assert doc["summary"]["stale_baseline"] == 1 and doc["summary"]["baselined"] == int(sys.argv[2]) - 1, doc["summary"]
' "$tmp/b.json" "$n"
printf '{"rules": {"stale-baseline": "off"}}' >quiet.json
expect "baseline: stale-baseline can be turned off" 0 "$empty" - -- "$bin" check -q --config quiet.json --fail-on info --baseline base.json p.oap.json ref.oap.json

# A new finding fails the run; only it is shown.
sed -i '0,/"goal": "SG1"/s//"goal": "SG9"/' ref.oap.json
expect "baseline: new error fails the run" 1 - - -- "$bin" check -q --no-config --baseline base.json p.oap.json ref.oap.json
if grep -q 'error: .*SG9.*\[orphan-action\]$' "$tmp/out" && ! grep -q 'one-way-ref' "$tmp/out"; then
    ok "baseline: only the new finding shown"
else
    no "baseline: only the new finding shown"
    cat "$tmp/out"
fi

# Writing again shrinks the baseline to what is there now.
expect "baseline: rewrite" 0 "$empty" - -- "$bin" check -q --no-config --write-baseline base.json p.oap.json ref.oap.json
expect "baseline: rewritten is clean" 0 "$empty" - -- "$bin" check -q --no-config --fail-on info --baseline base.json p.oap.json ref.oap.json
grep -q 'yaer' base.json && no "baseline: stale entry gone" || ok "baseline: stale entry gone"

# Trouble: a bad or missing baseline, and never a baseline over a plan.
cp ref.oap.json before.json
printf "oapgraph: refusing to write 'ref.oap.json': it is one of the input plans\n" >"$tmp/want"
expect "write-baseline over an input plan" 2 "$empty" "$tmp/want" -- "$bin" check -q --no-config --write-baseline ref.oap.json p.oap.json ref.oap.json
cmp -s ref.oap.json before.json && ok "input plan untouched" || no "input plan untouched"
expect "write-baseline to standard output" 2 "$empty" - -- "$bin" check -q --no-config --write-baseline - p.oap.json
printf "oapgraph: cannot read 'nope.json': No such file or directory\n" >"$tmp/want"
expect "missing baseline" 2 "$empty" "$tmp/want" -- "$bin" check -q --no-config --baseline nope.json p.oap.json
printf '{"findings": []}' >notbase.json
printf 'oapgraph: notbase.json:1:1: not an oapgraph baseline: a baseline is an object with "oapgraph-baseline": 2 and "findings"\n' >"$tmp/want"
expect "not a baseline" 2 "$empty" "$tmp/want" -- "$bin" check -q --no-config --baseline notbase.json p.oap.json
ls -a | grep -q '\.tmp\.' && no "no temporary files left" || ok "no temporary files left"

# Config and baseline files obey --max-file-size as plan files do: a larger regular file is
# refused from its size, and a device or pipe is read no further than the limit.
{ printf '{"x-pad": "'; head -c 2000 /dev/zero | tr '\0' a; printf '"}\n'; } >big.json
printf "oapgraph: cannot read 'big.json': it has more than 1024 bytes\n" >"$tmp/want"
expect "a config over --max-file-size" 2 "$empty" "$tmp/want" -- "$bin" check -q --config big.json --max-file-size 1k p.oap.json
expect "a baseline over --max-file-size" 2 "$empty" "$tmp/want" -- "$bin" check -q --no-config --baseline big.json --max-file-size 1k p.oap.json
printf "oapgraph: cannot read '/dev/zero': it has more than 1024 bytes\n" >"$tmp/want"
expect "a config that never ends, under --max-file-size" 2 "$empty" "$tmp/want" -- "$bin" check -q --config /dev/zero --max-file-size 1k p.oap.json
expect "a config within the default limit" 0 - - -- "$bin" check -q --config big.json p.oap.json

finish
