#!/usr/bin/env bash
# End-to-end: the shell completions (src/cli/completion/) offer what --help lists: the
# commands, each command's options, and the values of a few options. bash always; zsh
# when it is installed (with compadd, _describe and _files standing in for zsh's own).
# usage: completion.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
comp=$src/src/cli/completion

# What --help lists, read here by Python, not by the completion's sed: the commands, and
# the options of check and tasking (long names, else short ones).
"$bin" --help | python3 -c '
import re, sys
text = sys.stdin.read().split("commands:\n", 1)[1].split("\n\n", 1)[0]
print("\n".join(re.match(r"  (\S+)", l).group(1) for l in text.splitlines()))' >"$tmp/commands"
for cmd in check tasking; do
    "$bin" $cmd --help | python3 -c '
import re, sys
text = sys.stdin.read().split("options:\n", 1)[1].split("\n\n", 1)[0]
for l in text.splitlines():
    m = re.match(r"  (-\w)?(?:, )?(--[\w-]+)?", l)
    if m and (m.group(1) or m.group(2)):
        print(m.group(2) or m.group(1))' >"$tmp/options.$cmd"
done
check "help lists 11 commands or more" test "$(wc -l <"$tmp/commands")" -ge 11
check "check --help lists --disable" grep -qx -- --disable "$tmp/options.check"

# complete WORD...: what the bash completion offers for the command line WORD... (the
# last word being completed; "" for a new one), one a line.
complete_bash() {
    bash -c '
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _oapgraph
        printf "%s\n" "${COMPREPLY[@]}"' sh "$comp/oapgraph.bash" "$bin" "$@"
}
check "bash: sourced, it completes oapgraph" \
    bash -c 'source "$1" && complete -p oapgraph | grep -q "_oapgraph oapgraph$"' sh "$comp/oapgraph.bash"
complete_bash "" >"$tmp/got"
check "bash: the commands, as --help lists them" diff -u "$tmp/commands" "$tmp/got"
complete_bash ch >"$tmp/got"
check "bash: 'ch' completes to check" diff -u <(echo check) "$tmp/got"
complete_bash check -- >"$tmp/got"
check "bash: check's options, as its --help lists them" diff -u "$tmp/options.check" "$tmp/got"
complete_bash tasking - >"$tmp/got"
check "bash: tasking's options, -o among them" diff -u "$tmp/options.tasking" "$tmp/got"
complete_bash check --color "" >"$tmp/got"
check "bash: --color's values" diff -u <(printf 'auto\nalways\nnever\n') "$tmp/got"
complete_bash check --disable unknown- >"$tmp/got"
"$bin" rules | python3 -c '
import re, sys
print("\n".join(m.group(1) for m in (re.match(r"  (unknown-\S+) ", l) for l in sys.stdin) if m))' >"$tmp/unknown-rules"
check "bash: --disable's rules, as 'oapgraph rules' lists them" diff -u "$tmp/unknown-rules" "$tmp/got"
check "more than one rule starts with unknown-" test "$(wc -l <"$tmp/unknown-rules")" -ge 2
mkdir "$tmp/plans" && : >"$tmp/plans/a.oap.json"
complete_bash check "$tmp/plans/a" >"$tmp/got"
check "bash: plans are files" diff -u <(echo "$tmp/plans/a.oap.json") "$tmp/got"

if command -v zsh >/dev/null; then
    cat >"$tmp/stubs.zsh" <<'ZSH'
compadd() { while [[ $1 == -* && $1 != -- ]]; do shift; done; [[ $1 == -- ]] && shift; print -l -- "$@"; }
_describe() { print -l -- ${${(P)4}%%:*}; }
_files() { print -- FILES; }
comp=$1; shift
words=("$@"); CURRENT=$#
source $comp
ZSH
    complete_zsh() { zsh "$tmp/stubs.zsh" "$comp/_oapgraph" "$bin" "$@"; }
    complete_zsh "" >"$tmp/got"
    check "zsh: the commands, as --help lists them" diff -u "$tmp/commands" "$tmp/got"
    complete_zsh check -- >"$tmp/got"
    check "zsh: check's options, as its --help lists them" diff -u "$tmp/options.check" "$tmp/got"
    complete_zsh tasking - >"$tmp/got"
    check "zsh: tasking's options" diff -u "$tmp/options.tasking" "$tmp/got"
    complete_zsh check --fail-on "" >"$tmp/got"
    check "zsh: --fail-on's values" diff -u <(printf 'error\nwarning\ninfo\nnone\n') "$tmp/got"
    complete_zsh check x >"$tmp/got"
    check "zsh: plans are files" diff -u <(echo FILES) "$tmp/got"
    check "zsh: the file names its command" grep -qx '#compdef oapgraph' "$comp/_oapgraph"
else
    echo "skip zsh: not installed"
fi

finish
