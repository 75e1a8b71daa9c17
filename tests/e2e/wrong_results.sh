#!/usr/bin/env bash
# End-to-end: readings and messages issue 19 found wrong ("Wrong results"), each as a
# user met it: what the program now says and does instead.
# usage: wrong_results.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"

suppress_graphviz_leaks
cd "$src/fixtures" || exit 2
ref=2012-C.oap.json

# dot -o: the extension names the format when -T does not, and must agree with it when it
# does; an extension that names no format is refused, and nothing is written.
expect "dot -o plan.jpg: exit 2" 2 "$empty" - -- "$bin" dot "$ref" -o "$tmp/plan.jpg"
check "dot -o plan.jpg: says why" grep -q "cannot tell the format of '$tmp/plan.jpg'" "$tmp/err"
check "dot -o plan.jpg: writes nothing" test ! -e "$tmp/plan.jpg"
expect "dot -T svg -o x.png: exit 2" 2 "$empty" - -- "$bin" dot -T svg "$ref" -o "$tmp/x.png"
check "dot -T svg -o x.png: says why" grep -q "\-T svg does not match the extension" "$tmp/err"
check "dot -T svg -o x.png: writes nothing" test ! -e "$tmp/x.png"
expect "dot -o plan.SVG" 0 "$empty" "$empty" -- "$bin" dot "$ref" -o "$tmp/plan.SVG"
check "dot -o plan.SVG: SVG" grep -q "<svg" "$tmp/plan.SVG"
expect "dot -T png -o plan.out" 0 "$empty" "$empty" -- "$bin" dot -T png "$ref" -o "$tmp/plan.out"
check "dot -T png -o plan.out: PNG" cmp -s -n 4 "$tmp/plan.out" <(printf '\211PNG')

# tasking, impact, deps and dot count the errors 'oapgraph check' reports: the rules' as
# well as the loader's, with the config check reads (here: one found in the folder).
plan=dangling-ref/missing-targets/plan.oap.json
mkdir "$tmp/cfg"
cp "$plan" "$tmp/cfg/plan.oap.json"
for cfg in none config; do
    if [ $cfg = config ]; then
        printf '{"rules": {"one-way-ref": "error"}}\n' >"$tmp/cfg/.oapgraph.json"
    fi
    n=$(cd "$tmp/cfg" && "$bin" check -q plan.oap.json | grep -c ': error: ')
    for cmd in "tasking" "impact --without 1.1" "rdeps 1.1" "dot"; do
        # shellcheck disable=SC2086 # cmd is the command and its options
        (cd "$tmp/cfg" && "$bin" $cmd plan.oap.json >/dev/null 2>"$tmp/err")
        check "$cmd ($cfg) counts $n errors, as check does" \
            grep -q "^oapgraph: ${cmd%% *}: the plans have $n errors that 'oapgraph check' shows" "$tmp/err"
    done
done

# With several plans loaded, every id of an answer names its plan; with one, none does.
"$bin" rdeps 2012-F:2.1 2012-C.oap.json 2012-F.oap.json 2012-B.oap.json >"$tmp/out" 2>/dev/null
check "rdeps over three plans: the query qualified" grep -q '^what needs 2012-F:2.1,' "$tmp/out"
check "rdeps over three plans: 2012-F:2.2 needed by 2012-F:2.1" \
    grep -q '^2  2012-F:2.2  needed by 2012-F:2.1$' "$tmp/out"
"$bin" rdeps 2.1 2012-F.oap.json >"$tmp/out" 2>/dev/null
check "rdeps over one plan: bare ids" grep -q '^what needs 2.1,' "$tmp/out"

# Council page furniture: the running footers a PDF conversion leaves between the rows of
# the annex tables are skipped with a note, and the plan is the reference text's own.
python3 - "$src/fixtures/council/2012-C.txt" "$tmp/footers.txt" <<'EOF'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = []
for i, line in enumerate(lines):
    out.append(line)
    # after each marking in the annex, and between an action's row and its continuation
    if (line.strip() == "RESTREINT UE/EU RESTRICTED" and i > 180) or line.startswith("1.2\t"):
        out += ["", "17793/2/11 REV 2  PV/ks  12", "ANNEX  DG H 2B  RESTREINT UE/EU RESTRICTED  EN", ""]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
EOF
expect "import with page footers: exit 0" 0 "$empty" - -- \
    "$bin" import -o "$tmp/footers.oap.json" "$tmp/footers.txt"
check "import with page footers: no row left unplaced" bash -c '! grep -q "cannot place" "$1"' - "$tmp/err"
check "import with page footers: one note per kind of footer" \
    test "$(grep -c 'is a page footer; skipped' "$tmp/err")" = 2
"$bin" import -q -o "$tmp/plain.oap.json" council/2012-C.txt 2>/dev/null
check "import with page footers: the same 16 actions" cmp -s "$tmp/footers.oap.json" "$tmp/plain.oap.json"

finish
