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

finish
