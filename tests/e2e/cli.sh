#!/usr/bin/env bash
# End-to-end: run the built oapgraph as a user would and assert exit codes and output.
# usage: cli.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"

# The reference plan loads whole with no loader finding and exits 0; what the checks
# find in it is asserted one by one in tests/check_reference.c.
printf 'oapgraph: 1 file, 1 plan, 16 actions: 0 errors, 1 warning, 15 info\n' >"$tmp/ref.err"
expect "reference plan: no error" 0 - "$tmp/ref.err" -- \
    "$bin" check "$src/fixtures/2012-C.oap.json"
if grep -Eq '\[(syntax|schema|unknown-key|duplicate-id)\]$' "$tmp/out"; then
    echo "FAIL reference plan has a loader finding"
    fail=$((fail + 1))
else
    pass=$((pass + 1))
fi

# A broken file is reported with its real path, line and column, and the good file
# beside it is still loaded in the same run.
cd "$src/fixtures" || exit 2
printf 'oapgraph: 2 files, 1 plan, 16 actions: 1 error, 1 warning, 15 info\n' >"$tmp/two.err"
expect "broken file reported, other still loaded" 1 - "$tmp/two.err" -- \
    "$bin" check syntax/truncated/plan.oap.json 2012-C.oap.json
if [ "$(head -1 "$tmp/out")" = "syntax/truncated/plan.oap.json:7:1: error: not valid JSON: string or '}' expected near end of file [syntax]" ] &&
    [ "$(wc -l <"$tmp/out")" = 17 ]; then
    pass=$((pass + 1))
else
    echo "FAIL broken file first, then the 16 findings of the reference plan"
    fail=$((fail + 1))
fi

# Warnings do not fail the run unless --fail-on says so.
expect "warnings pass by default" 0 - - -- "$bin" check -q unknown-key/misspelled
expect "--fail-on warning" 1 - - -- "$bin" check -q --fail-on warning unknown-key/misspelled
expect "--fail-on none" 0 - - -- "$bin" check -q --fail-on none syntax/truncated

# Standard input is read for "-", and named "-" in findings.
printf -- '-:1:1: error: not valid JSON: '"'"'['"'"' or '"'"'{'"'"' expected near end of file [syntax]\n' >"$tmp/stdin.out"
expect "standard input" 1 "$tmp/stdin.out" - -- "$bin" check -q - <"$empty"

# A folder is read for every *.oap.json and *.cycle.json below it, in name order: three
# files carry plan 2012-C (two more duplicate-id findings) beside the three within
# within-plan, the three within within-cycle and the cycle id of cycle-files.
expect "folder" 1 - - -- "$bin" check -q duplicate-id
if [ "$(grep -c 'duplicate-id\]$' "$tmp/out")" = 9 ] &&
    grep -qx 'duplicate-id/within-plan/plan.oap.json:3:18: error: plan id "2012-C" is also used by duplicate-id/across-files/a.oap.json; plan ids must be unique across the files of a run \[duplicate-id\]' "$tmp/out"; then
    pass=$((pass + 1))
else
    echo "FAIL folder: expected 9 duplicate-id findings"
    cat "$tmp/out"
    fail=$((fail + 1))
fi

# Trouble is exit 2, with a message on standard error and nothing on standard output.
printf "oapgraph: cannot read 'no-such.oap.json': No such file or directory\n" >"$tmp/missing.err"
expect "missing file" 2 "$empty" "$tmp/missing.err" -- "$bin" check -q no-such.oap.json
expect "no plan" 2 "$empty" - -- "$bin" check
expect "bad --fail-on" 2 "$empty" - -- "$bin" check --fail-on fatal 2012-C.oap.json
expect "unknown option" 2 "$empty" - -- "$bin" check --frobnicate 2012-C.oap.json
# What is wrong with an option is said of that option, also inside a cluster of short ones.
printf "oapgraph: check: option '--no-config' takes no value; see 'oapgraph check --help'\n" >"$tmp/opt1"
expect "a value for a switch" 2 "$empty" "$tmp/opt1" -- "$bin" check --no-config=yes 2012-C.oap.json
printf "oapgraph: check: unknown option '-x'; see 'oapgraph check --help'\n" >"$tmp/opt2"
expect "unknown short option in a cluster" 2 "$empty" "$tmp/opt2" -- "$bin" check -qx 2012-C.oap.json
printf "oapgraph: dot: option '-T' needs a value; see 'oapgraph dot --help'\n" >"$tmp/opt3"
expect "a short option without its value" 2 "$empty" "$tmp/opt3" -- "$bin" dot -T
expect "unknown command" 2 "$empty" - -- "$bin" frobnicate
expect "no command" 2 "$empty" - -- "$bin"

# refs: how a table cell reads, one reference a line; unreadable text is quoted with
# the position of the fault, and no half answer is printed.
printf 'SG1\nB:*\n' >"$tmp/refs1"
expect "refs SG 1, SGs in priority B" 0 "$tmp/refs1" "$empty" -- "$bin" refs "SG 1, SGs in priority B"
printf 'B:*\nF:*\n' >"$tmp/refs2"
expect "refs SGs in priority B and priority F" 0 "$tmp/refs2" "$empty" -- \
    "$bin" refs "SGs in priority B and priority F"
printf 'SG1\nSG2\nSG4\n' >"$tmp/refs3"
expect "refs with stray spaces and a full stop" 0 "$tmp/refs3" "$empty" -- "$bin" refs " SG 1 , SG 2 and SG 4."
cat >"$tmp/refs4" <<'ERR'
oapgraph: refs: SG 1, blah, 2.1
oapgraph: refs:       ^ at character 7: cannot read "blah" as a reference (expected "SG n", an action number such as 2.1, or "SGs in priority X")
ERR
expect "refs unreadable" 1 "$empty" "$tmp/refs4" -- "$bin" refs "SG 1, blah, 2.1"
expect "refs without text" 2 "$empty" - -- "$bin" refs

# Limits: an input over one is a [limit] finding (exit 1), a bad limit is trouble.
size=$(wc -c <2012-C.oap.json)
printf '2012-C.oap.json:1:1: error: the file is %s bytes; this run reads plan files of at most 1024 bytes [limit]\n' "$size" >"$tmp/limit.out"
expect "--max-file-size" 1 "$tmp/limit.out" - -- "$bin" check -q --max-file-size 1k 2012-C.oap.json
# A stream that does not end (a device, a pipe) is read only up to the limit.
printf '%s:1:1: error: the file has more than 1024 bytes; this run reads plan files of at most 1024 bytes [limit]\n' /dev/zero - >"$tmp/endless.out"
expect "endless file and input stop at --max-file-size" 1 "$tmp/endless.out" - -- \
    bash -c 'exec timeout 60 "$0" check -q --max-file-size 1k /dev/zero - </dev/zero' "$bin"
expect "endless table stops at the import limit" 2 "$empty" - -- timeout 60 "$bin" import -q /dev/zero
expect "--max-depth too deep for jansson" 2 "$empty" - -- "$bin" check -q --max-depth 5000 2012-C.oap.json
expect "--max-actions not a number" 2 "$empty" - -- "$bin" check -q --max-actions many 2012-C.oap.json

# Help and version go to standard output and exit 0.
expect "--help" 0 - "$empty" -- "$bin" --help
grep -q '^usage: oapgraph COMMAND' "$tmp/out" && pass=$((pass + 1)) ||
    { echo "FAIL --help text"; fail=$((fail + 1)); }
expect "check --help" 0 - "$empty" -- "$bin" check --help
expect "schema --help" 0 - "$empty" -- "$bin" schema --help
printf 'oapgraph 0.1.0\n' >"$tmp/version"
expect "--version" 0 "$tmp/version" "$empty" -- "$bin" --version

# The schema printed is the one in the source tree, byte for byte.
expect "schema" 0 "$src/src/load/plan.schema.json" "$empty" -- "$bin" schema
expect "schema --cycle" 0 "$src/src/load/cycle.schema.json" "$empty" -- "$bin" schema --cycle
printf 'oapgraph: schema: --cycle and --config: one schema at a time\n' >"$tmp/want"
expect "schema --cycle --config" 2 "$empty" "$tmp/want" -- "$bin" schema --cycle --config

# A cycle file is told from a plan file by its content, whatever its name (standard
# input here), and a folder is read for *.cycle.json beside *.oap.json.
printf '{"oapgraph": 1, "cycle": {"id": "2022-2025", "years": [2022, 2025]}}\n' >"$tmp/cycle.txt"
printf 'oapgraph: 1 file, 0 plans, 0 actions: 0 errors, 0 warnings, 0 info\n' >"$tmp/want"
expect "a cycle file on standard input" 0 "$empty" "$tmp/want" -- \
    sh -c '"$1" check - <"$2"' sh "$bin" "$tmp/cycle.txt"
mkdir -p "$tmp/cycles"
cp "$tmp/cycle.txt" "$tmp/cycles/2022-2025.cycle.json"
printf '{"oapgraph": 1, "cycle": {"id": "2022-2025", "years": [2026, 2029]}}\n' \
    >"$tmp/cycles/2026-2029.cycle.json"
printf '%s\n' "$tmp/cycles/2026-2029.cycle.json:1:33: error: cycle id \"2022-2025\" is also used by $tmp/cycles/2022-2025.cycle.json; cycle ids must be unique across the files of a run [duplicate-id]" >"$tmp/want"
expect "a folder's cycle files" 1 "$tmp/want" - -- "$bin" check -q "$tmp/cycles"

# A write to a closed or full standard output is an error, not a silent truncation.
if [ -w /dev/full ]; then
    "$bin" schema >/dev/full 2>"$tmp/err"
    got=$?
    if [ $got = 2 ] && grep -q 'cannot write' "$tmp/err"; then
        ok "write to a full device"
    else
        no "write to a full device: status $got"
    fi
fi

# An unreadable subfolder is skipped with a message, as an unreadable file is: the rest of
# the folder is still read, and the run is trouble (exit 2). Root reads every folder, so
# this runs as another user.
mkdir -p "$tmp/walk/sub"
cp "$src/fixtures/2012-C.oap.json" "$tmp/walk/"
cp "$src/fixtures/2012-B.oap.json" "$tmp/walk/sub/"
chmod 755 "$tmp"
chmod 000 "$tmp/walk/sub"
if unprivileged "$bin" --version >/dev/null 2>&1 && ! unprivileged ls "$tmp/walk/sub" >/dev/null 2>&1; then
    unprivileged "$bin" check -q "$tmp/walk" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ $got = 2 ] && grep -q "^oapgraph: cannot read folder '$tmp/walk/sub': " "$tmp/err" &&
        grep -q "^$tmp/walk/2012-C.oap.json:" "$tmp/out"; then
        ok "an unreadable subfolder is skipped with a message"
    else
        no "an unreadable subfolder is skipped with a message: status $got"
        cat "$tmp/err"
    fi
else
    echo "skip an unreadable subfolder: no user here whom file permissions bind"
fi
chmod 755 "$tmp/walk/sub"

# Colour only on a terminal: never in a pipe, and never with NO_COLOR.
"$bin" check -q unknown-key/misspelled >"$tmp/out"
if ! grep -q 'unknown-key\]$' "$tmp/out" || grep -q $'\033' "$tmp/out"; then
    no "colour escape in a pipe"
else
    ok "no colour in a pipe"
fi
if command -v script >/dev/null; then
    script -qec "$bin check -q unknown-key/misspelled" /dev/null >"$tmp/tty" 2>&1
    NO_COLOR=1 script -qec "$bin check -q unknown-key/misspelled" /dev/null >"$tmp/tty-nocolor" 2>&1
    if grep -q $'\033\\[' "$tmp/tty" && ! grep -q $'\033\\[' "$tmp/tty-nocolor" &&
        grep -q 'unknown-key\]' "$tmp/tty-nocolor"; then
        ok "colour on a terminal, none with NO_COLOR"
    else
        no "colour on a terminal"
    fi
fi

finish
