#!/usr/bin/env bash
# End-to-end: 'oapgraph rules' lists exactly the rule registry and explains each rule, and
# every rule's example is a real case: its files, checked by its command, give its findings.
# usage: rules.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
require "python3 is needed" python3

# The registry as the source writes it, read apart from the program: its ids in order.
sed -n 's/^    {"\([a-z-]*\)", OAP_SEVERITY_.*/\1/p' "$src/src/core/rules.c" >"$tmp/ids"
[ "$(wc -l <"$tmp/ids")" -ge 30 ] || { echo "cannot read the ids of src/core/rules.c"; exit 2; }

# The list: every rule once, in the registry's order, under its family, with its severity
# (off for a rule that only a config turns on).
expect "rules" 0 - "$empty" -- "$bin" rules
cp "$tmp/out" "$tmp/list"
sed -n 's/^  \([a-z-]*\)  *\(error\|warning\|info\|off\)  .*/\1/p' "$tmp/list" >"$tmp/listed"
check "rules lists exactly the registry, in order" diff -u "$tmp/ids" "$tmp/listed"
check "rules: every line a family or a rule" \
    test "$(grep -cvE '^$|^[a-z-]+$|^  [a-z-]+ +(error|warning|info|off)  ' "$tmp/list")" = 0

expect "rules --format json" 0 - "$empty" -- "$bin" rules --format json
py "rules --format json: every rule, every field" '
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
ids = open(sys.argv[2]).read().split()
assert doc["version"] == 1
got = [r["id"] for r in doc["rules"]]
assert got == ids, "json ids %s, registry %s" % (got, ids)
for r in doc["rules"]:
    assert r["severity"] in ("error", "warning", "info", "off"), r
    for k in ("family", "summary", "explanation", "fix", "example", "example_command",
              "example_finding"):
        assert isinstance(r[k], str) and r[k].strip(), "%s: no %s" % (r["id"], k)
    assert r["example_command"].startswith("oapgraph check "), r["id"]
' "$tmp/out" "$tmp/ids"
cp "$tmp/out" "$tmp/rules.json"

# Each rule explained, exit 0; its JSON is the list's entry.
bad=0
while read -r id; do
    "$bin" rules "$id" >"$tmp/one" 2>"$tmp/err" || { echo "rules $id: exit $?"; bad=1; }
    [ -s "$tmp/err" ] && { echo "rules $id: says on standard error:"; cat "$tmp/err"; bad=1; }
    head -1 "$tmp/one" | grep -q "^$id: " || { echo "rules $id: first line"; bad=1; }
    for part in "What fires it" "How to fix it" "Example"; do
        grep -qx "$part" "$tmp/one" || { echo "rules $id: no '$part'"; bad=1; }
    done
done <"$tmp/ids"
if [ $bad = 0 ]; then ok "rules RULE for every rule"; else no "rules RULE for every rule"; fi
expect "rules RULE --format json" 0 - "$empty" -- "$bin" rules --format json missing-kpi
py "rules RULE --format json: that rule only" '
import json, sys
one = json.load(open(sys.argv[1], encoding="utf-8"))["rules"]
every = json.load(open(sys.argv[2], encoding="utf-8"))["rules"]
assert one == [r for r in every if r["id"] == "missing-kpi"], one
' "$tmp/out" "$tmp/rules.json"

# An unknown rule is trouble, with the nearest id when one is near.
printf "oapgraph: rules: no rule 'dangling-refs'; did you mean 'dangling-ref'?\n" >"$tmp/e1"
expect "unknown rule: did you mean" 2 "$empty" "$tmp/e1" -- "$bin" rules dangling-refs
printf "oapgraph: rules: no rule 'Missing KPI'; did you mean 'missing-kpi'?\n" >"$tmp/e2"
expect "unknown rule: case and a space" 2 "$empty" "$tmp/e2" -- "$bin" rules "Missing KPI"
printf "oapgraph: rules: no rule 'frobnicate'; 'oapgraph rules' lists them\n" >"$tmp/e3"
expect "unknown rule, nothing near" 2 "$empty" "$tmp/e3" -- "$bin" rules frobnicate
expect "two rules" 2 "$empty" - -- "$bin" rules syntax schema
expect "bad --format" 2 "$empty" - -- "$bin" rules --format xml
expect "unknown option" 2 "$empty" - -- "$bin" rules --frobnicate
expect "rules --help" 0 - "$empty" -- "$bin" rules --help
check "rules --help: usage first" grep -qx 'usage: oapgraph rules \[--format FORMAT\] \[RULE\]' "$tmp/out"

# Every example: its files written out, its command run in their folder; every finding it
# shows is printed, and is one of its rule.
py "every example gives its findings" '
import json, os, shlex, subprocess, sys
program, rules, work = sys.argv[1], sys.argv[2], sys.argv[3]
failed = []
for r in json.load(open(rules, encoding="utf-8"))["rules"]:
    folder = os.path.join(work, r["id"])
    os.makedirs(folder)
    text = r["example"]
    if not text.startswith("==> "):
        text = "==> plan.oap.json <==\n" + text
    name = None
    files = {}
    for line in text.splitlines(keepends=True):
        if line.startswith("==> ") and line.rstrip("\n").endswith(" <=="):
            name = line[4:-5]
            files[name] = ""
        else:
            files[name] += line
    for name, content in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(content)
    argv = shlex.split(r["example_command"])
    assert argv[0] == "oapgraph", r["id"]
    proc = subprocess.run([program] + argv[1:], cwd=folder, capture_output=True, text=True)
    out = proc.stdout.splitlines()
    for want in r["example_finding"].splitlines():
        if not want.endswith(" [%s]" % r["id"]):
            failed.append("%s: the example shows a finding of another rule: %s" % (r["id"], want))
        elif want not in out:
            failed.append("%s: %s gives\n  %s\nnot\n  %s" % (r["id"], r["example_command"],
                                                            "\n  ".join(out), want))
    if proc.returncode == 2:
        failed.append("%s: exit status 2: %s" % (r["id"], proc.stderr))
for f in failed:
    print(f)
sys.exit(1 if failed else 0)
' "$bin" "$tmp/rules.json" "$tmp/examples"

finish
