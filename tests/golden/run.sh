#!/usr/bin/env bash
# golden/run.sh OAPGRAPH [--update]: every output of oapgraph on the fixtures, byte for byte
# as outputs.sha256 records it.
#
# Runs, from the repository's top, `check` in the four formats on every fixture (each
# folder and plan file of fixtures/) and every line of commands.txt, and compares each
# command's exit status and the SHA-256 of its standard output, its standard error and
# the file it writes ({OUT}) with outputs.sha256. Made so that work on speed (issue 21)
# cannot change a finding, their order or a byte of any output unnoticed.
#
# --update writes outputs.sha256 from OAPGRAPH instead: only when an output is meant to
# change, saying so in the commit. To see what changed, run the command with the binary
# of the commit that wrote outputs.sha256 (its first line names it) and with this one.
# Exit 0 when everything is the same, 1 when a command differs, 2 on trouble.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
manifest=$here/outputs.sha256
(($# >= 1 && $# <= 2)) || {
    echo "usage: run.sh OAPGRAPH [--update]" >&2
    exit 2
}
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
update=0
[[ ${2:-} == --update ]] && update=1
[[ $# == 1 || $update == 1 ]] || {
    echo "run.sh: unknown option '$2'" >&2
    exit 2
}
[[ -x $bin ]] || {
    echo "run.sh: no program at $bin" >&2
    exit 2
}
command -v sha256sum >/dev/null || {
    echo "run.sh: sha256sum is needed" >&2
    exit 2
}

# Under LeakSanitizer, Graphviz's own leaks (the report lays diagrams out) are not ours.
export LSAN_OPTIONS="suppressions=$root/tests/e2e/graphviz.lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/oapgolden.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The command lines: check on every fixture, then commands.txt.
lines=()
cd "$root"
for f in fixtures/*; do
    [[ -d $f || $f == *.oap.json ]] || continue
    for format in text json sarif markdown; do
        lines+=("check --no-config --format $format $f")
    done
done
while IFS= read -r line; do
    [[ -z $line || $line == \#* ]] && continue
    lines+=("$line")
done <"$here/commands.txt"

hash() { sha256sum "$1" | cut -c1-16; }
# The repository's folder as a sed pattern (its punctuation escaped).
root_re=$(printf '%s' "$root" | sed 's/[][\.*^$|]/\\&/g')

# One record a command: exit status, then the hashes of stdout, stderr and {OUT} ("-"
# when the command writes no file), then the command.
records=$tmp/records
: >"$records"
for line in "${lines[@]}"; do
    out=$tmp/out
    rm -f "$out".*
    # {OUT} stands for a file under $tmp; the record names it {OUT} again.
    args=${line//\{OUT\}/$out}
    rc=0
    eval "\"\$bin\" $args" >"$tmp/stdout" 2>"$tmp/stderr" || rc=$?
    file=-
    shopt -s nullglob
    written=("$out".*)
    shopt -u nullglob
    ((${#written[@]} == 0)) || file=$(hash "${written[0]}")
    # A message may name the file {OUT} stands for, and SARIF names the folder it ran in
    # (originalUriBaseIds): the record depends on neither $tmp nor where the clone is.
    sed -i "s|$tmp/out|{OUT}|g; s|$root_re|{ROOT}|g" "$tmp/stdout" "$tmp/stderr"
    printf '%s %s %s %s  %s\n' "$rc" "$(hash "$tmp/stdout")" "$(hash "$tmp/stderr")" \
        "$file" "$line" >>"$records"
done

if ((update)); then
    {
        echo "# written by tests/golden/run.sh --update at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
        echo "# exit status, SHA-256 (16 hex digits) of stdout, stderr and {OUT}, command"
        cat "$records"
    } >"$manifest"
    echo "run.sh: wrote $manifest: ${#lines[@]} commands"
    exit 0
fi

[[ -r $manifest ]] || {
    echo "run.sh: no $manifest (run with --update once)" >&2
    exit 2
}
if diff <(grep -v '^#' "$manifest") "$records" >"$tmp/diff"; then
    echo "run.sh: ${#lines[@]} commands, every output the same as outputs.sha256 records"
    exit 0
fi
echo "run.sh: outputs differ from outputs.sha256 (< recorded, > now; exit status, stdout, stderr, {OUT}):"
cat "$tmp/diff"
exit 1
