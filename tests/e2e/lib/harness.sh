# Preamble and helpers shared by the end-to-end scripts tests/e2e/*.sh. Not a test itself:
# it lives in lib/ because CMakeLists.txt registers every tests/e2e/*.sh as one.
#
# A script, run as SCRIPT OAPGRAPH SOURCE_DIR, starts with
#     . "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
# and so gets set -u; $bin and $src, the absolute paths of OAPGRAPH and SOURCE_DIR (exit 2
# when there is no program); $tmp, a folder removed on exit, with $empty, an empty file in
# it; the counters $pass and $fail, and the helpers below. It ends with finish.
# shellcheck shell=bash
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
[ -x "$bin" ] || { echo "no program at $1"; exit 2; }
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
pass=0
fail=0
empty="$tmp/empty"
: >"$empty"

# require MESSAGE COMMAND...: exits 2 with MESSAGE unless every COMMAND is on the PATH.
require() {
    local message=$1 c
    shift
    for c in "$@"; do
        command -v "$c" >/dev/null || { echo "$message"; exit 2; }
    done
}

# unprivileged COMMAND...: runs COMMAND as a user whom file permissions bind: as it is
# when not root, else as nobody (setpriv); 77 without running it when that cannot be.
# What it reads must be open to others (chmod 755 "$tmp" first).
unprivileged() {
    if [ "$(id -u)" != 0 ]; then
        "$@"
        return
    fi
    command -v setpriv >/dev/null || return 77
    setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
}

# Graphviz's layout and text measuring (pango, fontconfig) leak inside their libraries in
# a sanitizer build; ours must not, so only those libraries are suppressed.
suppress_graphviz_leaks() {
    export LSAN_OPTIONS="suppressions=$src/tests/e2e/graphviz.lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
}

# ok NAME: one test passed. no WHY: one test failed, WHY starting with its name.
ok() {
    pass=$((pass + 1))
    echo "ok   $1"
}
no() {
    fail=$((fail + 1))
    echo "FAIL $1"
}

# check NAME COMMAND...: a test that passes when COMMAND succeeds.
check() {
    local name=$1
    shift
    if "$@"; then ok "$name"; else no "$name"; fi
}

# expect NAME STATUS STDOUT_FILE STDERR_FILE -- COMMAND...
# Runs COMMAND (output in $tmp/out and $tmp/err), compares its exit status and, where a
# file is given rather than -, its exact output.
expect() {
    local name=$1 status=$2 want_out=$3 want_err=$4
    shift 5
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    local good=1
    if [ "$got" != "$status" ]; then
        echo "FAIL $name: exit status $got, expected $status"
        cat "$tmp/err"
        good=0
    fi
    if [ "$want_out" != "-" ] && ! diff -u "$want_out" "$tmp/out" >"$tmp/diff"; then
        echo "FAIL $name: standard output differs"
        cat "$tmp/diff"
        good=0
    fi
    if [ "$want_err" != "-" ] && ! diff -u "$want_err" "$tmp/err" >"$tmp/diff"; then
        echo "FAIL $name: standard error differs"
        cat "$tmp/diff"
        good=0
    fi
    if [ $good = 1 ]; then ok "$name"; else fail=$((fail + 1)); fi
}

# py NAME SCRIPT ARGS...: a Python check (python3 -c SCRIPT ARGS...) that passes when
# the script exits 0, and prints what it said when it does not.
py() {
    local name=$1
    shift
    if python3 -c "$@" >"$tmp/py" 2>&1; then
        ok "$name"
    else
        no "$name"
        cat "$tmp/py"
    fi
}

# finish: the last line of a script. Prints the counts; exits 1 when any test failed.
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" = 0 ] || exit 1
    exit 0
}
