#!/usr/bin/env bash
# speed.sh: issue 21's benchmark: oapgraph against a bare jansson parse of the same files,
# with findings rare and with findings on every action, its growth, and the views' growth.
#
# usage: speed.sh [--runs 3] [--out DIR] [--n 100000] [--big 1000000] [--seed 1]
#                 [--gen PATH] [--oapgraph PATH] [--parse PATH]
#
# Generates with oap_gen (N/10,000 plans each): "rare", the exact profile (about 60 words
# an action, 0.007 findings an action), at N, 2N and BIG actions; "noisy" (--noise 5:
# about 40 words an action, five random references each, so about 5.5 findings an
# action) at N and 2N. Times each command, median of --runs, wall clock, with peak RSS
# (GNU time), output to a file: the bare parse (oap_bench_parse --one-at-a-time, each
# tree freed before the next file is read), `check` in each profile and format, and the
# views `tasking`, `impact`, `deps`, `status` and `dot -T dot` at N and 2N. Prints one
# Markdown table and every target with "met" or "MISSED", also written to DIR/speed.md
# (every single run in DIR/raw.tsv). Exit 0 when every target is met, 1 when one is
# missed, 2 on trouble. --big 0 leaves out the growth to BIG and the memory at BIG.
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=${OAP_BENCH_RUNS:-3}
out=${OAP_BENCH_OUT:-}
n=100000
big=1000000
seed=1
gen=${OAP_GEN:-$root/build/oap_gen}
oapgraph=${OAPGRAPH:-$root/build/oapgraph}
parse=${OAP_BENCH_PARSE:-$root/build/oap_bench_parse}

die() {
    echo "speed.sh: $*" >&2
    exit 2
}
while (($#)); do
    case $1 in
    --runs | --out | --n | --big | --seed | --gen | --oapgraph | --parse)
        (($# >= 2)) || die "$1 needs a value"
        case $1 in
        --runs) runs=$2 ;;
        --out) out=$2 ;;
        --n) n=$2 ;;
        --big) big=$2 ;;
        --seed) seed=$2 ;;
        --gen) gen=$2 ;;
        --oapgraph) oapgraph=$2 ;;
        --parse) parse=$2 ;;
        esac
        shift 2
        ;;
    -h | --help)
        sed -n '5,6s/^# //p' "${BASH_SOURCE[0]}"
        exit 0
        ;;
    *) die "unknown option '$1' (see --help)" ;;
    esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number, not '$runs'"
[[ $n =~ ^[1-9][0-9]*$ ]] && ((n >= 10000)) || die "--n must be at least 10000, not '$n'"
[[ $big =~ ^[0-9]+$ ]] || die "--big must be a number of actions (0: none), not '$big'"
for prog in "$gen" "$oapgraph" "$parse"; do
    [[ -x $prog ]] || die "no program at $prog (build first, or see --help)"
done
[[ -x /usr/bin/time ]] || die "GNU time is needed at /usr/bin/time (Debian: time)"

keep=1
if [[ -z $out ]]; then
    out=$(mktemp -d "${TMPDIR:-/tmp}/oapspeed.XXXXXX")
    keep=0 # a temporary folder keeps only the results, not the plan sets
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
raw=$out/raw.tsv
md=$out/speed.md
scratch=$out/scratch
mkdir -p "$scratch"
printf 'n\twhat\trun\tseconds\tpeak_kb\tstatus\n' >"$raw"
declare -A R=()
notes=()
# shellcheck source=lib.sh
source "$root/tests/bench/lib.sh"

# make_set PROFILE N: generates the set (once) into $out/PROFILE-N; sets $set.
make_set() {
    local profile=$1 size=$2 extra=()
    set=$out/$profile-$size
    [[ $profile == noisy ]] && extra=(--noise 5)
    if [[ ! -f $set/manifest.json ]]; then
        echo "speed.sh: generating $profile $size" >&2
        rm -rf "$set"
        "$gen" --actions "$size" --plans $((size / 10000)) --seed "$seed" --out "$set" "${extra[@]}" >/dev/null
    fi
    R[$profile.$size.bytes]=$(cat "$set"/*.oap.json | wc -c)
}

# timed KEY OK_CODES CMD...: measure with the output to a file (as a CI job writes it).
timed() {
    local key=$1 ok=$2
    shift 2
    echo "speed.sh: $key" >&2
    measure_out=$scratch/output measure "$key" t 0 "$ok" "$@"
}
sec() { echo "${R[$1.t.s]:-}"; }
kb() { echo "${R[$1.t.kb]:-}"; }

n2=$((2 * n))
for profile in rare noisy; do
    for size in "$n" "$n2"; do
        make_set "$profile" "$size"
        files=("$set"/*.oap.json)
        timed "parse.$profile.$size" 0 "$parse" --one-at-a-time "${files[@]}"
        timed "check.$profile.$size.text" 0,1 "$oapgraph" check --no-config -q "$set"
        R[$profile.$size.findings]=$(grep -c '' "$scratch/output" || true)
        if [[ $profile == noisy ]]; then
            for format in json sarif; do
                timed "check.$profile.$size.$format" 0,1 "$oapgraph" check --no-config -q --format "$format" "$set"
            done
        else
            timed "tasking.$size" 0,1 "$oapgraph" tasking --format csv "$set"
            timed "impact.$size" 0,1 "$oapgraph" impact --without EE "$set"
            timed "deps.$size" 0,1 "$oapgraph" deps 2012-P001:1.1 "$set"
            timed "status.$size" 0,1 "$oapgraph" status "$set"
            timed "dot.$size" 0 "$oapgraph" dot -T dot "$set"
        fi
        ((keep)) || [[ $size == "$n" ]] || rm -rf "$set"
    done
done
if ((big > 0)); then
    make_set rare "$big"
    files=("$set"/*.oap.json)
    timed "parse.rare.$big" 0 "$parse" --one-at-a-time "${files[@]}"
    timed "check.rare.$big.text" 0,1 "$oapgraph" check --no-config -q "$set"
    ((keep)) || rm -rf "$set"
fi

# The table, then the targets.
fail=0
# target TEXT VALUE LIMIT: prints "- TEXT VALUE (at most LIMIT): met" or MISSED.
target() {
    local v=$2
    [[ -n $v ]] || v=none
    if [[ $v != none ]] && awk -v v="$v" -v t="$3" 'BEGIN { exit !(v <= t) }'; then
        echo "- $1 $v (at most $3): met"
    else
        echo "- $1 $v (at most $3): MISSED"
        fail=1
    fi
}
# quotient A B: A / B, or nothing when either is missing; exact: A / B to 2 decimals.
quotient() { [[ -n $1 && -n $2 ]] && ratio "$1" "$2" || true; }
exact() { [[ -n $1 && -n $2 ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || true; }
row() { # row LABEL KEY PARSE_KEY
    local s=${R[$2.t.s]:-} p=${R[$3.t.s]:-}
    [[ ${R[$2.t.st]:-} == ok ]] || {
        echo "| $1 | failed | | |"
        return
    }
    echo "| $1 | $(fmt_s "$s") | $(fmt_mb "$(kb "$2")") | $(quotient "$s" "$p") |"
}
{
    printf 'oapgraph speed (issue 21): %s; seed %s, median of %s runs; %s\n\n' \
        "$(machine)" "$seed" "$runs" "$(date -u +%Y-%m-%d)"
    for size in "$n" "$n2"; do
        echo "| $size actions, $((size / 10000)) plans | seconds | peak MB | / parse |"
        echo '|---|---:|---:|---:|'
        for profile in rare noisy; do
            mb=$(fmt_mb $((R[$profile.$size.bytes] / 1024)))
            per=$(awk -v f="${R[$profile.$size.findings]}" -v a="$size" 'BEGIN { printf "%.3f", f / a }')
            row "$profile ($mb MB of JSON): bare jansson parse, one file at a time" "parse.$profile.$size" "parse.$profile.$size"
            row "$profile: check, text ($per findings an action)" "check.$profile.$size.text" "parse.$profile.$size"
        done
        row "noisy: check, JSON" "check.noisy.$size.json" "parse.noisy.$size"
        row "noisy: check, SARIF" "check.noisy.$size.sarif" "parse.noisy.$size"
        for view in tasking impact deps status dot; do
            row "rare: $view" "$view.$size" "parse.rare.$size"
        done
        echo
    done
    if ((big > 0)); then
        echo "| $big actions, $((big / 10000)) plans, rare ($(fmt_mb $((R[rare.$big.bytes] / 1024))) MB of JSON) | seconds | peak MB | / parse |"
        echo '|---|---:|---:|---:|'
        row "bare jansson parse, one file at a time" "parse.rare.$big" "parse.rare.$big"
        row "check, text" "check.rare.$big.text" "parse.rare.$big"
        echo
    fi

    echo "Targets (issue 21):"
    echo
    target "findings rare: check / parse at $n =" \
        "$(exact "$(sec "check.rare.$n.text")" "$(sec "parse.rare.$n")")" 1.3
    target "findings on every action, text: check / parse at $n =" \
        "$(exact "$(sec "check.noisy.$n.text")" "$(sec "parse.noisy.$n")")" 2
    for format in json sarif; do
        target "findings on every action, $format: check / parse at $n =" \
            "$(exact "$(sec "check.noisy.$n.$format")" "$(sec "parse.noisy.$n")")" 2.5
    done
    for format in text json sarif; do
        target "findings on every action, $format (fingerprints for JSON and SARIF): time at $n2 / at $n =" \
            "$(exact "$(sec "check.noisy.$n2.$format")" "$(sec "check.noisy.$n.$format")")" 2.2
    done
    for view in tasking impact deps status dot; do
        target "$view: time at $n2 / at $n =" "$(exact "$(sec "$view.$n2")" "$(sec "$view.$n")")" 2.2
    done
    if ((big > 0)); then
        target "growth: check time at $big / at $n =" \
            "$(exact "$(sec "check.rare.$big.text")" "$(sec "check.rare.$n.text")")" \
            "$(awk -v b="$big" -v n="$n" 'BEGIN { printf "%g", 1.1 * b / n }')"
        target "memory: check's peak at $big / the JSON read =" \
            "$(awk -v k="$(kb "check.rare.$big.text")" -v b="${R[rare.$big.bytes]}" \
                'BEGIN { if (k != "") printf "%.2f", k * 1024 / b }')" 1.2
    fi
    for note in "${notes[@]}"; do
        echo "- $note"
        fail=1
    done
} >"$md"
cat "$md"
rm -rf "$scratch"
echo "speed.sh: results in $md, every run in $raw" >&2
exit "$fail"
