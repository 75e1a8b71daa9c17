#!/usr/bin/env bash
# Runs one fuzz target of an OAP_FUZZ build for a while (tests/fuzz/README.md).
# usage: run.sh BUILD_DIR TARGET SECONDS [LIBFUZZER_OPTION...]
#   BUILD_DIR  a build configured with -DOAP_FUZZ=ON (CC=clang)
#   TARGET     load, refs, timing, import or dot
#   SECONDS    -max_total_time
# The corpus grows in BUILD_DIR/fuzz-corpus/TARGET (kept between runs; seeds made from
# the fixtures are read each time from BUILD_DIR/fuzz-seeds/TARGET); a crash, leak or
# timeout is saved in BUILD_DIR/fuzz-artifacts/TARGET/ and the run exits non-zero. The
# last lines of the log (libFuzzer's "Done N runs", cov and ft) go to standard output.
set -u
[ $# -ge 3 ] || { echo "usage: run.sh BUILD_DIR TARGET SECONDS [LIBFUZZER_OPTION...]" >&2; exit 2; }
build=$(realpath "$1")
target=$2
seconds=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
bin=$build/fuzz_$target
[ -x "$bin" ] || { echo "run.sh: no $bin; configure with -DOAP_FUZZ=ON and build" >&2; exit 2; }

case $target in
load | dot) dict=plan.dict max_len=65536 ;;
import) dict=table.dict max_len=65536 ;;
refs) dict=refs.dict max_len=16384 ;;
timing) dict=timing.dict max_len=16384 ;;
*) echo "run.sh: unknown target $target" >&2; exit 2 ;;
esac

# Seeds once per build folder, also when several targets start at the same time.
(
    flock 9
    if [ ! -d "$build/fuzz-seeds/$target" ]; then
        python3 "$here/seeds.py" "$src/fixtures" "$build/fuzz-seeds" >/dev/null || exit 2
    fi
) 9>"$build/fuzz-seeds.lock" || exit 2
corpus=$build/fuzz-corpus/$target
artifacts=$build/fuzz-artifacts/$target
log=$build/fuzz-logs/$target.$(date +%Y%m%d-%H%M%S).log
mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
# Graphviz's own leaks are not ours (tests/e2e/graphviz.lsan.supp); ours are errors.
export LSAN_OPTIONS="suppressions=$src/tests/e2e/graphviz.lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
"$bin" -max_total_time="$seconds" -timeout=10 -max_len=$max_len -dict="$here/$dict" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" \
    "$corpus" "$build/fuzz-seeds/$target" >"$log" 2>&1
status=$?
echo "fuzz_$target: exit $status, log $log"
grep -E '^(Done|#[0-9]+[[:space:]]+DONE)|stat::number_of_executed_units|stat::peak_rss_mb' "$log" | tail -4
if [ $status != 0 ]; then
    grep -E 'ERROR|property failed|SUMMARY|Test unit written' "$log" | head -10
    # In CI the build folder is gone afterwards: show the input itself.
    for unit in $(grep -o 'Test unit written to [^ ]*' "$log" | cut -d' ' -f5); do
        [ -f "$unit" ] || continue
        echo "input $(basename "$unit"), $(wc -c <"$unit") bytes, base64 (first 64 KiB):"
        head -c 65536 "$unit" | base64 -w 100
    done
fi
exit $status
