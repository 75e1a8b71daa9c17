#!/usr/bin/env bash
# run.sh: the benchmark of issue 9: oapgraph against a bare jansson parse and Graphviz's tools.
#
# usage: run.sh [--sizes "1000 10000 100000 1000000"] [--runs 3] [--out DIR] [--limit 120]
#               [--dot-limit 600] [--seed 1] [--gen PATH] [--oapgraph PATH] [--parse PATH]
#               [--stats PATH]
#
# For each N: generates a plan set with oap_gen (P = max(1, N/10000) plans, fixed seed),
# times (median of --runs, wall clock; peak RSS from /usr/bin/time) the bare jansson parse
# (oap_bench_parse, every tree kept), `oapgraph check` with every rule, `oapgraph dot -T dot`
# (under `timeout --dot-limit`), `sccmap -s` and `tred` (each under `timeout --limit`), checks the findings against
# manifest.json, and reads the graph and rule timings from oap_bench_stats. Prints one
# Markdown table and the targets of issue 9, also written to DIR/bench.md; every single
# run is in DIR/raw.tsv. Exit 0 when every planted defect was found in exact numbers at
# every N measured, 1 when not, 2 on trouble. tests/bench/README.md says more.
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
sizes=${OAP_BENCH_SIZES:-"1000 10000 100000 1000000"}
runs=${OAP_BENCH_RUNS:-3}
out=${OAP_BENCH_OUT:-}
limit=120
dot_limit=600
seed=1
gen=${OAP_GEN:-$root/build/oap_gen}
oapgraph=${OAPGRAPH:-$root/build/oapgraph}
parse=${OAP_BENCH_PARSE:-$root/build/oap_bench_parse}
stats=${OAP_BENCH_STATS:-$root/build/oap_bench_stats}
python=${PYTHON:-python3}
# Rules that are not in manifest.json's "expected" must have no finding, but for the
# info-level rules listed here. None is: linked-overlap would be two actions that refer
# to each other and look alike, which the generator never makes (every pair but the
# planted ones shares at most one rare term), and stale-baseline needs a baseline.
info_allowed=""
# Free memory (GB, `free -g`'s "available") needed per million actions: the jansson tree
# of the plan JSON is about 13 times its size, about 13 GB at 1,000,000 actions.
gb_per_million=20

die() {
    echo "run.sh: $*" >&2
    exit 2
}
usage() {
    sed -n '4,6s/^# //p' "${BASH_SOURCE[0]}"
}

while (($#)); do
    case $1 in
    --sizes | --runs | --out | --limit | --dot-limit | --seed | --gen | --oapgraph | --parse | --stats)
        (($# >= 2)) || die "$1 needs a value"
        case $1 in
        --sizes) sizes=$2 ;;
        --runs) runs=$2 ;;
        --out) out=$2 ;;
        --limit) limit=$2 ;;
        --dot-limit) dot_limit=$2 ;;
        --seed) seed=$2 ;;
        --gen) gen=$2 ;;
        --oapgraph) oapgraph=$2 ;;
        --parse) parse=$2 ;;
        --stats) stats=$2 ;;
        esac
        shift 2
        ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        usage >&2
        exit 2
        ;;
    esac
done

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number, not '$runs'"
[[ $limit =~ ^[1-9][0-9]*$ ]] || die "--limit must be a positive number of seconds, not '$limit'"
[[ $dot_limit =~ ^[1-9][0-9]*$ ]] || die "--dot-limit must be a positive number of seconds, not '$dot_limit'"
[[ $seed =~ ^[0-9]+$ ]] || die "--seed must be a number, not '$seed'"
for n in $sizes; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || die "--sizes: '$n' is not a number of actions"
done
for prog in "$gen" "$oapgraph" "$parse" "$stats"; do
    [[ -x $prog ]] || die "no program at $prog (build first, or see --help)"
done
[[ -x /usr/bin/time ]] || die "GNU time is needed at /usr/bin/time (Debian: time)"
command -v timeout >/dev/null || die "timeout (coreutils) is needed"
command -v "$python" >/dev/null || die "$python is needed to compare the findings"

keep=1
if [[ -z $out ]]; then
    out=$(mktemp -d "${TMPDIR:-/tmp}/oapbench.XXXXXX")
    keep=0 # a temporary folder keeps only the results, not the plan sets
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
raw=$out/raw.tsv
md=$out/bench.md
scratch=$out/scratch
mkdir -p "$scratch"
printf 'n\twhat\trun\tseconds\tpeak_kb\tstatus\n' >"$raw"

has_dot=1
"$oapgraph" dot --help >/dev/null 2>&1 || has_dot=0
has_sccmap=1
command -v sccmap >/dev/null || has_sccmap=0
has_tred=1
command -v tred >/dev/null || has_tred=0

declare -A R=()
notes=()
# shellcheck source=lib.sh
source "$root/tests/bench/lib.sh"

# Compares oapgraph's JSON findings with the manifest; prints one line per rule that
# differs, exits 1 when any does.
compare() {
    "$python" - "$1" "$2" "$info_allowed" <<'EOF'
import collections, json, sys
expected = json.load(open(sys.argv[1]))["expected"]
findings = json.load(open(sys.argv[2]))["findings"]
allowed = set(sys.argv[3].split())
found = collections.Counter(f["rule"] for f in findings)
severity = {f["rule"]: f["severity"] for f in findings}
bad = 0
for rule, want in expected.items():
    if found.get(rule, 0) != want:
        print(f"{rule}: expected {want}, found {found.get(rule, 0)}")
        bad = 1
for rule, got in sorted(found.items()):
    if rule in expected or (rule in allowed and severity[rule] == "info"):
        continue
    print(f"{rule}: not in the manifest, expected 0, found {got}")
    bad = 1
sys.exit(bad)
EOF
}

# A tool's time cell (KEY LIMIT): seconds, "over LIMIT s", "-" (not run) or "failed".
time_cell() {
    local key=$1
    case ${R[$key.st]:-none} in
    ok) fmt_s "${R[$key.s]}" ;;
    timeout) printf 'over %s s' "$2" ;;
    none) printf -- '-' ;;
    *) printf 'failed' ;;
    esac
}

fail=0
measured=()
for n in $sizes; do
    plans=$((n / 10000 > 0 ? n / 10000 : 1))
    need_gb=$(((n * gb_per_million + 999999) / 1000000))
    avail_gb=$(free -g | awk '/^Mem:/ { print $7 }')
    if ((avail_gb < need_gb)); then
        msg="N=$n skipped: $avail_gb GB of memory available (free -g), $need_gb GB asked for"
        msg+=" ($gb_per_million GB per million actions: the bare parse keeps every jansson tree)"
        echo "run.sh: $msg" >&2
        notes+=("$msg")
        continue
    fi
    need_mb=$((n * 12 / 10000 + 10)) # ~1.1 KB of plan JSON and DOT per action
    avail_mb=$(df -Pm "$out" | awk 'NR == 2 { print $4 }')
    if ((avail_mb < need_mb)); then
        msg="N=$n skipped: $avail_mb MB free on the disk of $out, about $need_mb MB needed"
        echo "run.sh: $msg" >&2
        notes+=("$msg")
        continue
    fi
    set_dir=$out/set-$n
    rm -rf "$set_dir"
    echo "run.sh: N=$n: generating $plans plan(s) in $set_dir" >&2
    "$gen" --actions "$n" --plans "$plans" --seed "$seed" --out "$set_dir" >/dev/null
    shopt -s nullglob
    files=("$set_dir"/*.oap.json)
    shopt -u nullglob
    ((${#files[@]} == plans)) || die "oap_gen wrote ${#files[@]} plan files for N=$n, not $plans"
    R[$n.plans]=$plans
    R[$n.bytes]=$(cat "${files[@]}" | wc -c)

    echo "run.sh: N=$n: jansson parse" >&2
    measure "$n" parse 0 0 "$parse" "${files[@]}"
    echo "run.sh: N=$n: oapgraph check" >&2
    measure "$n" check 0 0,1 "$oapgraph" check --no-config -q "$set_dir"
    if ((has_dot)); then
        echo "run.sh: N=$n: oapgraph dot -T dot" >&2
        measure "$n" dot "$dot_limit" 0 "$oapgraph" dot -T dot "$set_dir"
    fi
    if ((has_sccmap)); then
        echo "run.sh: N=$n: sccmap -s" >&2
        measure "$n" sccmap "$limit" 0,1 sccmap -s "$set_dir/needs.dot"
    fi
    if ((has_tred)); then
        echo "run.sh: N=$n: tred" >&2
        measure "$n" tred "$limit" 0 tred "$set_dir/needs.dot"
    fi

    echo "run.sh: N=$n: planted defects" >&2
    rc=0
    "$oapgraph" check --no-config -q --format json "$set_dir" >"$out/findings-$n.json" || rc=$?
    if ((rc > 1)); then
        R[$n.defects]=FAIL
        notes+=("N=$n: oapgraph check --format json exited $rc")
    elif diff=$(compare "$set_dir/manifest.json" "$out/findings-$n.json"); then
        R[$n.defects]=PASS
    else
        R[$n.defects]=FAIL
        notes+=("N=$n: planted defects: $(tr '\n' ';' <<<"$diff" | sed 's/;$//; s/;/; /g')")
    fi
    [[ ${R[$n.defects]} == PASS ]] || fail=1
    echo "run.sh: N=$n: planted defects ${R[$n.defects]}" >&2

    echo "run.sh: N=$n: rule timings (oap_bench_stats)" >&2
    cr=() graph=()
    for ((i = 1; i <= runs; i++)); do
        "$stats" "$set_dir" >"$scratch/stats" || die "oap_bench_stats failed on N=$n"
        c=$(awk '$1 == "rule" && ($2 == "dependency-cycle" || $2 == "redundant-need") { s += $3 }
                 END { printf "%.6f", s }' "$scratch/stats")
        g=$(awk '$1 == "graph_seconds" { print $2 }' "$scratch/stats")
        cr+=("$c")
        graph+=("$g")
        printf '%s\tcycle+redundancy\t%d\t%s\t\tok\n' "$n" "$i" "$c" >>"$raw"
        printf '%s\tgraph\t%d\t%s\t\tok\n' "$n" "$i" "$g" >>"$raw"
    done
    cp "$scratch/stats" "$out/stats-$n.txt"
    R[$n.cr]=$(median "${cr[@]}")
    R[$n.graph]=$(median "${graph[@]}")
    R[$n.cand]=$(awk '$1 == "overlap_candidates" { print $2 }' "$scratch/stats")

    ((keep)) || rm -rf "$set_dir"
    measured+=("$n")
done

# The table.
{
    printf 'oapgraph benchmark: %s; seed %s, median of %s runs; %s\n\n' \
        "$(machine)" "$seed" "$runs" "$(date -u +%Y-%m-%d)"
    echo '| N | plans | JSON MB | parse s / MB peak | check s / MB peak | dot s | sccmap s | tred s | check/parse time | check/parse memory | check/sccmap | cycle+redundancy ms | tred/that | overlap candidates | planted defects |'
    echo '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'
    for n in "${measured[@]}"; do
        row="| $n | ${R[$n.plans]} | $(fmt_mb "$((R[$n.bytes] / 1024))")"
        for w in parse check; do
            if [[ ${R[$n.$w.st]} == ok ]]; then
                row+=" | $(fmt_s "${R[$n.$w.s]}") / $(fmt_mb "${R[$n.$w.kb]}")"
            else
                row+=" | failed"
            fi
        done
        if ((has_dot)); then
            row+=" | $(time_cell "$n.dot" "$dot_limit")"
        else
            row+=" | n/a"
        fi
        row+=" | $(time_cell "$n.sccmap" "$limit") | $(time_cell "$n.tred" "$limit")"
        ok_pc=0
        [[ ${R[$n.parse.st]} == ok && ${R[$n.check.st]} == ok ]] && ok_pc=1
        if ((ok_pc)); then
            row+=" | $(ratio "${R[$n.check.s]}" "${R[$n.parse.s]}") | $(ratio "${R[$n.check.kb]}" "${R[$n.parse.kb]}")"
        else
            row+=" | - | -"
        fi
        case ${R[$n.sccmap.st]:-none}/${R[$n.check.st]} in
        ok/ok) row+=" | $(ratio "${R[$n.check.s]}" "${R[$n.sccmap.s]}")" ;;
        timeout/ok) row+=" | < $(ratio "${R[$n.check.s]}" "$limit")" ;;
        *) row+=" | -" ;;
        esac
        row+=" | $(awk -v v="${R[$n.cr]}" 'BEGIN { printf "%.2f", v * 1000 }')"
        case ${R[$n.tred.st]:-none} in
        ok) row+=" | $(ratio "${R[$n.tred.s]}" "${R[$n.cr]}")" ;;
        timeout) row+=" | > $(ratio "$limit" "${R[$n.cr]}")" ;;
        *) row+=" | -" ;;
        esac
        row+=" | ${R[$n.cand]} | ${R[$n.defects]} |"
        echo "$row"
    done
    echo
    if [[ ${R[100000.check.st]:-} == ok && ${R[1000000.check.st]:-} == ok ]]; then
        g=$(ratio "${R[1000000.check.s]}" "${R[100000.check.s]}")
        echo "Growth: check time at 10^6 / at 10^5 = $g (target at most 12)."
    else
        echo "Growth: check time at 10^6 / at 10^5 not measured (needs both sizes)."
    fi
    echo
    # The targets of issue 9, where their sizes were measured.
    verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
        ok = (op == "<=") ? v <= t : (op == "<") ? v < t : v >= t; printf "%s", ok ? "met" : "MISSED" }'; }
    n=100000
    if [[ ${R[$n.check.st]:-} == ok && ${R[$n.parse.st]:-} == ok ]]; then
        r=$(awk -v a="${R[$n.check.s]}" -v b="${R[$n.parse.s]}" 'BEGIN { print a / b }')
        echo "- 10^5: check/parse time $(ratio "${R[$n.check.s]}" "${R[$n.parse.s]}") (at most 2): $(verdict "$r" "<=" 2)"
        if [[ ${R[$n.sccmap.st]:-} == ok ]]; then
            r=$(awk -v a="${R[$n.check.s]}" -v b="${R[$n.sccmap.s]}" 'BEGIN { print a / b }')
            echo "- 10^5: check/sccmap time $(ratio "${R[$n.check.s]}" "${R[$n.sccmap.s]}") (below 1): $(verdict "$r" "<" 1)"
        fi
    fi
    n=10000
    if [[ -n ${R[$n.cr]:-} ]]; then
        case ${R[$n.tred.st]:-none} in
        ok)
            r=$(awk -v a="${R[$n.tred.s]}" -v b="${R[$n.cr]}" 'BEGIN { print a / b }')
            echo "- 10^4: tred / (dependency-cycle + redundant-need) $(ratio "${R[$n.tred.s]}" "${R[$n.cr]}") (at least 100): $(verdict "$r" ">=" 100)"
            ;;
        timeout) echo "- 10^4: tred over $limit s: at least $(ratio "$limit" "${R[$n.cr]}") times dependency-cycle + redundant-need (at least 100): met" ;;
        esac
    fi
    n=1000000
    if [[ ${R[$n.check.st]:-} == ok && ${R[$n.parse.st]:-} == ok ]]; then
        r=$(awk -v a="${R[$n.check.s]}" -v b="${R[$n.parse.s]}" 'BEGIN { print a / b }')
        m=$(awk -v a="${R[$n.check.kb]}" -v b="${R[$n.parse.kb]}" 'BEGIN { print a / b }')
        echo "- 10^6: check/parse time $(ratio "${R[$n.check.s]}" "${R[$n.parse.s]}") (at most 2.5): $(verdict "$r" "<=" 2.5); peak memory $(ratio "${R[$n.check.kb]}" "${R[$n.parse.kb]}") (at most 1.5): $(verdict "$m" "<=" 1.5); planted defects ${R[$n.defects]}"
    fi
    if [[ ${R[100000.check.st]:-} == ok && ${R[1000000.check.st]:-} == ok ]]; then
        r=$(awk -v a="${R[1000000.check.s]}" -v b="${R[100000.check.s]}" 'BEGIN { print a / b }')
        echo "- growth 10^6 / 10^5: $(ratio "${R[1000000.check.s]}" "${R[100000.check.s]}") (at most 12): $(verdict "$r" "<=" 12)"
    fi
    ((has_dot)) || echo "- oapgraph dot is not in this build (\`oapgraph dot --help\` failed): not timed."
    ((has_sccmap)) || echo "- sccmap is not installed (Debian: graphviz): not timed."
    ((has_tred)) || echo "- tred is not installed (Debian: graphviz): not timed."
    for note in "${notes[@]}"; do
        echo "- $note"
    done
} >"$md"
cat "$md"
rm -rf "$scratch"
echo "run.sh: results in $md, every run in $raw" >&2
exit "$fail"
