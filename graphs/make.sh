#!/usr/bin/env bash
# graphs/: the diagrams of the fixture plans, made by the built program and kept in the
# repository so that a reviewer sees what a change does to them.
# usage: make.sh OAPGRAPH SOURCE_DIR           rewrite graphs/ (cmake --build build --target graphs)
#        make.sh --check OAPGRAPH SOURCE_DIR   fail when graphs/ differs (the graphs_current test)
set -u
check=0
if [ "${1:-}" = --check ]; then
    check=1
    shift
fi
[ $# = 2 ] || { echo "usage: make.sh [--check] OAPGRAPH SOURCE_DIR" >&2; exit 2; }
bin=$(realpath "$1")
src=$(realpath "$2")
# In a sanitizer build, what Graphviz leaks inside its own libraries is not ours.
export LSAN_OPTIONS="suppressions=$src/tests/e2e/graphviz.lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
out=$src/graphs
if [ $check = 1 ]; then
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
fi

# name, options, plans (relative to fixtures/, so no path of this machine shows)
diagrams=(
    "2012-C.plan|--view plan|2012-C.oap.json"
    "2012-C.overlap|--view overlap|2012-C.oap.json"
    "2012-C.timeline|--view timeline|2012-C.oap.json"
    "2012-BCF.overlap|--view overlap|2012-B.oap.json 2012-C.oap.json 2012-F.oap.json"
)
cd "$src/fixtures" || exit 2
status=0
for d in "${diagrams[@]}"; do
    IFS='|' read -r name opts plans <<<"$d"
    for format in dot svg; do
        # shellcheck disable=SC2086
        if ! "$bin" dot $opts -T $format $plans -o "$out/$name.$format"; then
            echo "make.sh: could not make $name.$format" >&2
            status=1
        fi
    done
done
[ $status = 0 ] || exit 1
[ $check = 1 ] || exit 0

for d in "${diagrams[@]}"; do
    name=${d%%|*}
    for format in dot svg; do
        if ! diff -u "$src/graphs/$name.$format" "$out/$name.$format" >"$out/diff" 2>&1; then
            echo "graphs/$name.$format is not what the build makes:"
            head -40 "$out/diff"
            status=1
        fi
    done
done
if [ $status != 0 ]; then
    echo "Remake them with 'cmake --build build --target graphs' and commit graphs/."
fi
exit $status
