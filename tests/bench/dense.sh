#!/usr/bin/env bash
# The cost of dense needs (issue 20, item 9): plans of N actions, each needing every earlier
# one (N^2/2 needs, all but N-1 redundant), and of N actions each needing the 50 before,
# checked at N and 2N. Input grows 4 times (2 times) from one N to the next; check's time
# should grow no faster than its input, give or take noise. Not run by ctest.
# usage: dense.sh [OAPGRAPH] [SIZES...]   (default: build/oapgraph 250 500 1000 2000)
set -eu
bin=${1:-build/oapgraph}
shift || true
sizes=${*:-250 500 1000 2000}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '| shape | N | needs | JSON MB | check s | peak MB | findings | time growth | input growth |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for shape in all 50; do
    prev_t= prev_b=
    for n in $sizes; do
        f=$tmp/d.oap.json
        if [ "$shape" = all ]; then
            python3 "$here/../../fixtures/hostile/make.py" --dense "$n" "$f"
            needs=$((n * (n - 1) / 2))
        else
            python3 "$here/../../fixtures/hostile/make.py" --dense "$n:$shape" "$f"
            needs=$(python3 -c "n,k=$n,$shape; print(sum(min(i,k) for i in range(n)))")
        fi
        bytes=$(stat -c %s "$f")
        /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" check --no-config -q "$f" >"$tmp/out" || true
        read -r t kb <"$tmp/time"
        findings=$(wc -l <"$tmp/out")
        tg=- bg=-
        if [ -n "$prev_t" ]; then
            tg=$(python3 -c "print(f'{$t / max($prev_t, 0.01):.2f}')")
            bg=$(python3 -c "print(f'{$bytes / $prev_b:.2f}')")
        fi
        printf '| %s | %d | %d | %.1f | %s | %d | %d | %s | %s |\n' "$shape" "$n" "$needs" \
            "$(python3 -c "print($bytes / 1048576)")" "$t" $((kb / 1024)) "$findings" "$tg" "$bg"
        prev_t=$t prev_b=$bytes
    done
done
