# lib.sh: what the benchmark's scripts (run.sh, speed.sh) share; sourced, not run.
#
# The caller sets: runs (repetitions), raw (a TSV file of every single run), scratch (a
# folder for standard error and GNU time's output), and declares the associative array
# R and the array notes.

# Median of numbers (the mean of the middle two for an even count).
median() {
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {
        if (NR % 2) printf "%.6f", v[(NR + 1) / 2]; else printf "%.6f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure N WHAT LIMIT OK_CODES CMD...: runs CMD $runs times, output to /dev/null (or to
# the file in $measure_out when set), under `timeout LIMIT` (0: none). Sets R[N.WHAT.st]
# to ok, timeout or "exit S" (a status not in the comma-separated OK_CODES; stops there),
# and when ok the medians R[N.WHAT.s] (wall seconds) and R[N.WHAT.kb] (peak RSS). A
# timeout is not run again.
measure() {
    local n=$1 what=$2 lim=$3 ok=$4
    shift 4
    local i rc t0 t1 sec kb st=ok dest=${measure_out:-/dev/null}
    local -a secs=() kbs=()
    for ((i = 1; i <= runs; i++)); do
        rc=0
        t0=$EPOCHREALTIME
        /usr/bin/time -f '%M' -o "$scratch/time" timeout "$lim" "$@" \
            >"$dest" 2>"$scratch/$what.$n.err" || rc=$?
        t1=$EPOCHREALTIME
        sec=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
        kb=$(tail -n 1 "$scratch/time")
        if ((rc == 124)); then
            st=timeout
        elif [[ ",$ok," != *",$rc,"* ]]; then
            st="exit $rc"
        fi
        printf '%s\t%s\t%d\t%s\t%s\t%s\n' "$n" "$what" "$i" "$sec" "$kb" "$st" >>"$raw"
        [[ $st == ok ]] || break
        secs+=("$sec")
        kbs+=("$kb")
    done
    R[$n.$what.st]=$st
    if [[ $st == ok ]]; then
        R[$n.$what.s]=$(median "${secs[@]}")
        R[$n.$what.kb]=$(median "${kbs[@]}")
    elif [[ $st != timeout ]]; then
        notes+=("N=$n: $what failed ($st): $(head -c 300 "$scratch/$what.$n.err" | tr '\n' ' ')")
    fi
}

# Number formats for the tables.
fmt_s() { awk -v v="$1" 'BEGIN { if (v < 1) printf "%.3f", v; else if (v < 100) printf "%.2f", v; else printf "%.0f", v }'; }
fmt_mb() { awk -v v="$1" 'BEGIN { v /= 1024; if (v < 10) printf "%.1f", v; else printf "%.0f", v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; if (r < 10) printf "%.2f", r; else printf "%.0f", r }'; }

# The machine, for a table's heading: cores, CPU model, memory, Graphviz and jansson.
machine() {
    printf '%s cores (%s), %s GB; Graphviz %s, jansson %s' \
        "$(nproc)" "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" \
        "$(free -g | awk '/^Mem:/ { print $2 }')" \
        "$(dot -V 2>&1 | sed -n 's/.*version \([0-9.]*\).*/\1/p')" \
        "$(pkg-config --modversion jansson 2>/dev/null || echo '?')"
}
