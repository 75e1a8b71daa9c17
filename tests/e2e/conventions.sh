#!/usr/bin/env bash
# End-to-end: the conventions of linters and command-line tools (issue 19): did-you-mean
# for commands, -V, --color, and the others as they come.
# usage: conventions.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
cd "$src/fixtures" || exit 2
not() { ! "$@"; }

# A misspelled command gets the nearest one, as git does; nothing near, no guess.
printf "oapgraph: 'chek' is not a command; did you mean 'check'? see 'oapgraph --help'\n" >"$tmp/chek.err"
expect "chek: did you mean check" 2 "$empty" "$tmp/chek.err" -- "$bin" chek 2012-C.oap.json
printf "oapgraph: 'frobnicate' is not a command; see 'oapgraph --help'\n" >"$tmp/frob.err"
expect "no guess for a word far from every command" 2 "$empty" "$tmp/frob.err" -- "$bin" frobnicate

# -V is --version.
"$bin" --version >"$tmp/version"
expect "-V as --version" 0 "$tmp/version" "$empty" -- "$bin" -V

# --color: always colours even in a pipe and with NO_COLOR, never does not on a terminal;
# only the severity word and the rule id are coloured, the location stays plain.
NO_COLOR=1 "$bin" check -q --color=always unknown-key/misspelled >"$tmp/always"
if head -1 "$tmp/always" | grep -q $'^unknown-key/misspelled/plan.oap.json:3:77: \033\\[1;33mwarning\033\\[0m: unknown key "yaer" .* \\[\033\\[2munknown-key\033\\[0m\\]$'; then
    ok "--color=always: severity and rule id coloured"
else
    no "--color=always: severity and rule id coloured"
    head -1 "$tmp/always" | cat -v
fi
"$bin" check -q unknown-key/misspelled >"$tmp/plain"
expect "--color=never in a pipe" 0 "$tmp/plain" - -- "$bin" check -q --color=never unknown-key/misspelled
expect "--color=auto in a pipe" 0 "$tmp/plain" - -- "$bin" check -q --color auto unknown-key/misspelled
if command -v script >/dev/null; then
    script -qec "$bin check -q --color=never unknown-key/misspelled" /dev/null >"$tmp/tty" 2>&1
    check "--color=never on a terminal" grep -q 'unknown-key\]' "$tmp/tty"
    check "--color=never on a terminal: no escape" not grep -q $'\033\\[' "$tmp/tty"
fi
printf "oapgraph: check: --color takes auto, always or never, not 'sometimes'\n" >"$tmp/color.err"
expect "--color=sometimes" 2 "$empty" "$tmp/color.err" -- "$bin" check --color=sometimes 2012-C.oap.json

# A folder without plan files is trouble (exit 2), named, in every command that loads plans;
# files ending in .json only are counted, since they are likely plans misnamed.
mkdir -p "$tmp/none" "$tmp/json/sub"
printf '{}\n' >"$tmp/json/a.json"
printf '{}\n' >"$tmp/json/sub/b.json"
printf "oapgraph: no plan files (*.oap.json) under '%s'\n" "$tmp/none" >"$tmp/none.err"
expect "empty folder" 2 "$empty" "$tmp/none.err" -- "$bin" check -q "$tmp/none"
printf "oapgraph: no plan files (*.oap.json) under '%s'; it has 2 .json files not named *.oap.json\n" "$tmp/json" >"$tmp/json.err"
expect "folder of .json files" 2 "$empty" "$tmp/json.err" -- "$bin" check -q "$tmp/json"
expect "tasking over a folder of .json files" 2 "$empty" "$tmp/json.err" -- "$bin" tasking "$tmp/json"
expect "dot over an empty folder" 2 "$empty" "$tmp/none.err" -- "$bin" dot "$tmp/none"

# --disable RULE, again for more, turns rules off over the config; an unknown rule is
# trouble with the nearest id; syntax, schema and limit cannot be turned off (a warning,
# and the run goes on as it would).
"$bin" check -q unknown-key/misspelled | grep -v '\[unknown-key\]$' | grep -v '\[isolated-action\]$' >"$tmp/disabled"
expect "--disable twice" 0 "$tmp/disabled" "$empty" -- \
    "$bin" check -q --disable unknown-key --disable isolated-action unknown-key/misspelled
if [ -s "$tmp/disabled" ] && ! grep -q 'unknown-key\]$' "$tmp/out"; then ok "--disable leaves the others"; else no "--disable leaves the others"; fi
printf '{"rules": {"unknown-key": "error"}}\n' >"$tmp/cfg.json"
expect "--disable over the config" 0 "$tmp/disabled" "$empty" -- \
    "$bin" check -q --config "$tmp/cfg.json" --disable unknown-key --disable isolated-action unknown-key/misspelled
printf "oapgraph: check: --disable: no rule 'unknwn-key'; did you mean 'unknown-key'?\n" >"$tmp/dis.err"
expect "--disable unknown rule" 2 "$empty" "$tmp/dis.err" -- "$bin" check --disable unknwn-key 2012-C.oap.json
printf "oapgraph: check: warning: --disable syntax has no effect: syntax reports files that cannot be read as plans, which are always reported\n" >"$tmp/syn.err"
expect "--disable syntax: a warning, exit 0" 0 - "$tmp/syn.err" -- "$bin" check -q --disable syntax 2012-C.oap.json
"$bin" check -q syntax/truncated >"$tmp/syn.out"
expect "--disable syntax keeps syntax findings" 1 "$tmp/syn.out" "$tmp/syn.err" -- "$bin" check -q --disable syntax syntax/truncated

# --stdin-name NAME: standard input read as the file NAME would be, in findings, their
# fingerprints and SARIF's artifact locations alike (the editor's buffer of that file).
mkdir -p "$tmp/named/plans"
cp unknown-key/misspelled/plan.oap.json "$tmp/named/plans/x.oap.json"
for f in text json sarif; do
    (cd "$tmp/named" && "$bin" check -q --format $f plans/x.oap.json) >"$tmp/named.$f"
    expect "--stdin-name in $f" 0 "$tmp/named.$f" "$empty" -- \
        sh -c 'cd "$1/named" && "$2" check -q --format "$3" --stdin-name plans/x.oap.json - <plans/x.oap.json' \
        sh "$tmp" "$bin" "$f"
done
if grep -q '"uri": "plans/x.oap.json"' "$tmp/named.sarif"; then ok "--stdin-name: SARIF artifact"; else no "--stdin-name: SARIF artifact"; fi
printf 'oapgraph: check: --stdin-name needs a name\n' >"$tmp/sn.err"
expect "--stdin-name ''" 2 "$empty" "$tmp/sn.err" -- "$bin" check --stdin-name '' -

# tasking --format csv --csv-sep ';' (or tab) and --bom: the same table read with that
# separator (fields holding it quoted), the byte-order mark first; both need csv.
"$bin" tasking --format csv 2012-B.oap.json 2012-C.oap.json >"$tmp/comma.csv"
"$bin" tasking --format csv --csv-sep ';' --bom 2012-B.oap.json 2012-C.oap.json >"$tmp/semi.csv"
"$bin" tasking --format csv --csv-sep tab 2012-B.oap.json 2012-C.oap.json >"$tmp/tab.csv"
py "tasking --csv-sep ';' --bom and --csv-sep tab read as the comma table" '
import csv, sys
def rows(path, sep, bom):
    data = open(path, "rb").read()
    assert data.startswith(b"\xef\xbb\xbf") == bom, (path, data[:4])
    text = data.decode("utf-8-sig")
    return list(csv.reader(text.splitlines(True), delimiter=sep))
comma = rows(sys.argv[1], ",", False)
assert len(comma) > 10 and comma[0][0] == "actor"
assert rows(sys.argv[2], ";", True) == comma
assert rows(sys.argv[3], "\t", False) == comma
assert ";" not in open(sys.argv[1], encoding="utf-8").readline()
' "$tmp/comma.csv" "$tmp/semi.csv" "$tmp/tab.csv"
printf "oapgraph: tasking: --csv-sep and --bom go with --format csv\n" >"$tmp/sep.err"
expect "--csv-sep without csv" 2 "$empty" "$tmp/sep.err" -- "$bin" tasking --csv-sep ';' 2012-C.oap.json
expect "--bom without csv" 2 "$empty" "$tmp/sep.err" -- "$bin" tasking --bom --format json 2012-C.oap.json
printf "oapgraph: tasking: --csv-sep takes one character such as ',', ';' or tab, not ';;'\n" >"$tmp/sep2.err"
expect "--csv-sep of two characters" 2 "$empty" "$tmp/sep2.err" -- "$bin" tasking --format csv --csv-sep ';;' 2012-C.oap.json
mkdir "$tmp/sheets"
"$bin" tasking --format csv --csv-sep ';' --bom --actor HU -o "$tmp/sheets" 2012-C.oap.json 2>/dev/null
if head -c 3 "$tmp/sheets/HU.csv" | od -An -tx1 | grep -q 'ef bb bf' && grep -q '^HU;Hungary;' "$tmp/sheets/HU.csv"; then
    ok "tasking -o DIR: each sheet with the mark and the separator"
else
    no "tasking -o DIR: each sheet with the mark and the separator"
fi

# --source: the plan's line under each finding, behind a gutter no finding starts with,
# the caret under the column; plan text escaped by the one text policy (a bidi override
# shows as \u202e and the caret still lands under the key); a long line cut around the
# column. On a terminal by default, --no-source drops it; never in the machine formats.
cat >"$tmp/src.out" <<'OUT'
unknown-key/misspelled/plan.oap.json:3:77: warning: unknown key "yaer" in "plan"; did you mean "year"? without a year, no timing of this plan is checked [unknown-key]
    3 |   "plan": {"id": "2012-C", "priority": "C", "title": "Illegal immigration", "yaer": 2012},
      |                                                                             ^
OUT
"$bin" check -q --source unknown-key/misspelled | head -3 >"$tmp/got"
check "--source: line and caret" diff -u "$tmp/src.out" "$tmp/got"
printf '{"oapgraph": 1, "plan": {"id": "P", "priority": "C", "title": "ab\xe2\x80\xaecd", "yaer": 1}, "goals": [], "actions": []}\n' >"$tmp/bidi.oap.json"
cat >"$tmp/bidi.want" <<'OUT'
    1 | {"oapgraph": 1, "plan": {"id": "P", "priority": "C", "title": "ab\u202ecd", "yaer": 1}, "goals": [], "actions": []}
      |                                                                             ^
OUT
"$bin" check -q --source "$tmp/bidi.oap.json" | sed -n 2,3p >"$tmp/got"
check "--source: escaped as messages are, caret after the escape" diff -u "$tmp/bidi.want" "$tmp/got"
python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' 2012-C.oap.json >"$tmp/one.oap.json"
"$bin" check -q --source "$tmp/one.oap.json" | sed -n 2,3p >"$tmp/got"
py "--source: a long line cut around the column" '
import sys
line, caret = open(sys.argv[1]).read().splitlines()
assert line.startswith("    1 | ...") and line.endswith("..."), line[:20]
assert 200 < len(line) < 230, len(line)
assert caret.index("^") - len("      | ") == 83, caret
' "$tmp/got"
"$bin" check -q unknown-key/misspelled >"$tmp/plain"
expect "--no-source" 0 "$tmp/plain" - -- "$bin" check -q --no-source unknown-key/misspelled
for f in json sarif markdown; do
    "$bin" check -q --format $f unknown-key/misspelled >"$tmp/want.$f"
    expect "--source never in $f" 0 "$tmp/want.$f" - -- "$bin" check -q --source --format $f unknown-key/misspelled
done
if command -v script >/dev/null; then
    script -qec "$bin check -q --color=never unknown-key/misspelled" /dev/null >"$tmp/tty" 2>&1
    script -qec "$bin check -q --color=never --no-source unknown-key/misspelled" /dev/null >"$tmp/tty-no" 2>&1
    if grep -q '^    3 | ' "$tmp/tty" && ! grep -q ' | ' "$tmp/tty-no" && grep -q 'unknown-key\]' "$tmp/tty-no"; then
        ok "source lines on a terminal by default, not with --no-source"
    else
        no "source lines on a terminal by default, not with --no-source"
    fi
fi

# --exclude GLOB (again for more) and the config's "exclude" leave paths out of a folder
# walk, by fnmatch on the path as walked ('*' crosses '/'); a folder that matches is not
# entered; a path given itself is still read.
files_of() { cut -d: -f1 "$tmp/out" | sort -u; }
expect "no --exclude" 1 - - -- "$bin" check -q duplicate-id
files_of >"$tmp/all"
check "every file of the folder" test "$(wc -l <"$tmp/all")" = 4
expect "--exclude a folder" 1 - - -- "$bin" check -q --exclude '*/within-*' duplicate-id
files_of >"$tmp/got"
check "--exclude '*/within-*' leaves out two folders" diff -u <(grep -v /within- "$tmp/all") "$tmp/got"
printf '{"exclude": ["*/within-*"]}\n' >"$tmp/excl.json"
expect "config exclude" 1 - - -- "$bin" check -q --config "$tmp/excl.json" duplicate-id
files_of >"$tmp/got"
check "the config's \"exclude\" as --exclude" diff -u <(grep -v /within- "$tmp/all") "$tmp/got"
expect "--exclude beside the config's" 1 - - -- "$bin" check -q --config "$tmp/excl.json" --exclude '*.cycle.json' duplicate-id
files_of >"$tmp/got"
check "--exclude and the config's both apply" diff -u <(echo duplicate-id/across-files/b.oap.json) "$tmp/got"
expect "--exclude: a file given is read" 1 - - -- "$bin" check -q --exclude '*' syntax/truncated/plan.oap.json
printf '{"exclude": [3, ""]}\n' >"$tmp/bad-excl.json"
printf '%s\n' "oapgraph: $tmp/bad-excl.json:1:14: an item of \"exclude\" must be a glob of paths (\"*/drafts/*\"), not an integer" \
    "oapgraph: $tmp/bad-excl.json:1:17: an item of \"exclude\" must be a glob of paths (\"*/drafts/*\"), not an empty string" >"$tmp/bad-excl.err"
expect "config exclude: every wrong item" 2 "$empty" "$tmp/bad-excl.err" -- "$bin" check -q --config "$tmp/bad-excl.json" duplicate-id

# x-oapgraph-ignore (fixtures/unused-ignore: what it leaves out, unused entries): its
# unused-ignore findings go with --disable as any rule's do.
expect "x-oapgraph-ignore" 0 - - -- "$bin" check -q --no-config unused-ignore
check "unused-ignore reported" grep -q 'unused-ignore\]$' "$tmp/out"
check "an ignored finding is not" test "$(grep -c 'isolated-action\]$' "$tmp/out")" = 1
expect "--disable unused-ignore" 0 - - -- "$bin" check -q --no-config --disable unused-ignore unused-ignore
check "--disable unused-ignore drops them" test "$(grep -c 'unused-ignore\]$' "$tmp/out")" = 0

finish
