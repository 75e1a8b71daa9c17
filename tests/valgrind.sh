#!/usr/bin/env bash
# valgrind memcheck over the tests (CTest label valgrind, registered with -DOAP_VALGRIND=ON):
# no memory error and no definite or indirect leak in oapgraph's own code. What Graphviz
# leaks inside its libraries is suppressed (tests/valgrind.supp), nothing else.
#
# usage: valgrind.sh run PROGRAM [ARG...]
#            PROGRAM (a unit suite, a fuzz replay) under memcheck; fails when it fails or
#            memcheck reports anything.
#        valgrind.sh e2e SCRIPT OAPGRAPH SOURCE_DIR
#            an end-to-end script with every run of OAPGRAPH under memcheck (a wrapper
#            in its place); fails when the script fails or any run reported anything.
# VALGRIND: the valgrind to use (default: valgrind on PATH).
set -u
here=$(cd "$(dirname "$0")" && pwd)
valgrind=${VALGRIND:-valgrind}
command -v "$valgrind" >/dev/null || { echo "valgrind.sh: no valgrind (Debian: apt-get install valgrind)"; exit 2; }
[ $# -ge 2 ] || { echo "usage: valgrind.sh run PROGRAM [ARG...] | e2e SCRIPT OAPGRAPH SOURCE_DIR" >&2; exit 2; }
mode=$1
shift
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# --error-exitcode makes a run with an error exit 99, which the end-to-end scripts see as a
# wrong exit status; the logs are read afterwards as well, so nothing slips through a
# script that tolerates any status.
opts=(--error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
      --show-leak-kinds=definite,indirect --num-callers=40 --track-fds=no
      --suppressions="$here/valgrind.supp" --log-file="$logs/vg.%p.log")

# Prints the logs that report an error or a leak; returns 1 when there is one.
report() {
    local bad=0 log
    for log in "$logs"/vg.*.log; do
        [ -e "$log" ] || continue
        if grep -q -E 'ERROR SUMMARY: [1-9]' "$log"; then
            bad=1
            echo "== memcheck: $(grep -m1 -E '^==[0-9]+== Command:' "$log" | sed 's/^==[0-9]*== //')"
            grep -v -E '^==[0-9]+== *$' "$log" | sed -n '/Command:/,$p' | head -150
        fi
    done
    return $bad
}

case $mode in
run)
    "$valgrind" "${opts[@]}" "$@"
    status=$?
    runs=$(ls "$logs" | wc -l)
    if ! report; then
        echo "valgrind.sh: memcheck found errors or leaks (exit $status)"
        exit 1
    fi
    if [ $status != 0 ]; then
        echo "valgrind.sh: $1 exited with $status"
        exit 1
    fi
    echo "valgrind.sh: $runs run(s) of $(basename "$1") clean"
    ;;
e2e)
    [ $# = 3 ] || { echo "usage: valgrind.sh e2e SCRIPT OAPGRAPH SOURCE_DIR" >&2; exit 2; }
    script=$1
    bin=$(realpath "$2")
    src=$3
    # The scripts take the program's path; the wrapper runs it under memcheck. Named like
    # it, so messages that show the program's name stay the same.
    mkdir -p "$logs/bin"
    wrapper=$logs/bin/$(basename "$bin")
    {
        echo '#!/bin/sh'
        printf 'exec %q' "$valgrind"
        printf ' %q' "${opts[@]}" "$bin"
        echo ' "$@"'
    } >"$wrapper"
    chmod +x "$wrapper"
    # Give commands the time memcheck needs (tests/e2e/hostile.sh reads this).
    export OAP_HOSTILE_TIMEOUT=${OAP_HOSTILE_TIMEOUT:-3000}
    bash "$script" "$wrapper" "$src"
    status=$?
    runs=$(ls "$logs" | grep -c '^vg\.')
    if ! report; then
        echo "valgrind.sh: memcheck found errors or leaks in $(basename "$script")"
        exit 1
    fi
    if [ $status != 0 ]; then
        echo "valgrind.sh: $(basename "$script") failed under memcheck (exit $status)"
        exit 1
    fi
    echo "valgrind.sh: $runs run(s) of oapgraph in $(basename "$script") clean"
    ;;
*)
    echo "valgrind.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
