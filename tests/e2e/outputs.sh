#!/usr/bin/env bash
# End-to-end: the files the commands write (issue 20, items 4 and 15). A file written over
# keeps its mode, owner and group, a new one gets 0666 less the umask; -o onto a symbolic
# link writes the file it names; a long name has room for the temporary file. Signals are
# in signals.sh.
# usage: outputs.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
require "python3 is needed" python3
suppress_graphviz_leaks
ref="$src/fixtures/2012-C.oap.json"
council="$src/fixtures/council/2012-C.txt"
cd "$tmp" || exit 2

# same NAME GOT WANT
same() {
    if [ "$2" = "$3" ]; then ok "$1"; else no "$1: '$2', expected '$3'"; fi
}
# leftovers: the temporary files left anywhere below $tmp.
leftovers() {
    find "$tmp" -name '.oapgraph-*' -o -name '*.tmp.*' | wc -l
}

# --- Permissions: a file written over keeps its mode and group; a new one follows the umask.
# A group the process may give a file: any as root, else one of its others.
group=
if [ "$(id -u)" = 0 ]; then
    group=4242
else
    for g in $(id -G); do [ "$g" != "$(id -g)" ] && group=$g; done
fi
# keeps NAME FILE COMMAND...: FILE exists with mode 0600 (and $group), COMMAND rewrites it.
keeps() {
    local name=$1 file=$2
    shift 2
    echo old >"$file"
    chmod 600 "$file"
    [ -n "$group" ] && chgrp "$group" "$file"
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ $got != 0 ] || [ "$(cat "$file")" = old ]; then
        no "$name: exit $got, or nothing written"
        sed 's/^/     | /' "$tmp/err" | head -5
        return
    fi
    same "$name: mode kept" "$(stat -c %a "$file")" 600
    if [ -n "$group" ]; then
        same "$name: group kept" "$(stat -c %g "$file")" "$group"
    fi
}
keeps "dot -o" "$tmp/plan.dot" "$bin" dot -o "$tmp/plan.dot" "$ref"
keeps "import -o" "$tmp/plan.oap.json" "$bin" import -q -o "$tmp/plan.oap.json" "$council"
mkdir "$tmp/sheets"
keeps "tasking -o" "$tmp/sheets/HU.md" "$bin" tasking --actor HU -o "$tmp/sheets" "$ref"
keeps "check --write-baseline" "$tmp/base.json" "$bin" check -q --write-baseline "$tmp/base.json" "$ref"
[ -n "$group" ] || echo "skip group kept: no second group to give a file"
(umask 027 && "$bin" dot -o "$tmp/new.dot" "$ref")
same "a new file: 0666 less the umask (027)" "$(stat -c %a "$tmp/new.dot")" 640
(umask 077 && "$bin" tasking --actor HU -o "$tmp/new-sheets" "$ref" 2>/dev/null)
same "a new sheet: 0666 less the umask (077)" "$(stat -c %a "$tmp/new-sheets/HU.md")" 600

# A user who is not root cannot give the file back to its owner: it becomes theirs, and
# since its group cannot be kept either, the group loses its permissions (0640 -> 0600),
# as the message says.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    chmod 755 "$tmp"
    mkdir "$tmp/theirs"
    cp "$ref" "$tmp/theirs/plan.oap.json"
    chown 65534 "$tmp/theirs"
    echo old >"$tmp/theirs/d.dot"
    chmod 640 "$tmp/theirs/d.dot"
    if unprivileged "$bin" --version >/dev/null 2>&1; then
        unprivileged "$bin" dot -o "$tmp/theirs/d.dot" "$tmp/theirs/plan.oap.json" 2>"$tmp/err"
        same "another's file: written" "$?" 0
        same "another's file: now the writer's, without the group's permissions" \
            "$(stat -c '%u %a' "$tmp/theirs/d.dot")" "65534 600"
        check "another's file: the change is said" \
            grep -q "^oapgraph: '$tmp/theirs/d.dot' belonged to user 0, group 0, and this run cannot give it to them (Operation not permitted): it now belongs to user 65534, group 65534, with mode 0600$" "$tmp/err"
    else
        echo "skip another's file: nobody cannot run $bin"
    fi
else
    echo "skip another's file: needs root and setpriv to set up"
fi

# --- Where -o writes: through a symbolic link, to a long name, nothing left behind.
mkdir "$tmp/real"
ln -s real/target.svg "$tmp/link.svg"
"$bin" dot -T svg -o "$tmp/link.svg" "$ref" 2>"$tmp/err"
check "-o onto a link: the link stays a link" test -L "$tmp/link.svg"
check "-o onto a link: its target is written" grep -q '</svg>' "$tmp/real/target.svg"
ln -s real/dangling.dot "$tmp/dangling.dot"
"$bin" dot -o "$tmp/dangling.dot" "$ref"
check "-o onto a dangling link: the file it names is made" test -s "$tmp/real/dangling.dot"
long=$(printf 'x%.0s' $(seq 250))
"$bin" dot -o "$tmp/$long.dot" "$ref" 2>"$tmp/err"
same "-o with a 254-byte name" "$?" 0
check "-o with a 254-byte name: written" test -s "$tmp/$long.dot"
same "no temporary file left" "$(leftovers)" 0

finish
