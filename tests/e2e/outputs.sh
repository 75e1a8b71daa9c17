#!/usr/bin/env bash
# End-to-end: the files the commands write (issue 20, items 4, 13, 14 and 15). A file
# written over keeps its mode, owner and group, a new one gets 0666 less the umask; -o
# onto a symbolic link writes the file it names; a long name has room for the temporary
# file; a reader that closes the pipe early ends the output, not the program; tasking's
# folder is written all or nothing, with nothing but files of the folder in place of a
# sheet, and a code that is not ASCII still names a file. Signals are in signals.sh.
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

# --- A reader that closes the pipe early (| head -1) ends the output: the exit status is
# what the findings say, with no message; never death by SIGPIPE (141).
python3 - "$tmp/big.oap.json" <<'EOF'
import json, sys
n = 3000
actions = [{"id": "%d.1" % i, "goal": "SG1", "title": "Action %d on document fraud" % i,
            "leaders": ["Leader%d" % i], "refs": ["99.1"], "timing": "March",
            "kpis": ["Number of meetings"]} for i in range(1, n + 1)]
for i in range(2, n + 1):
    actions[i - 1]["needs"] = ["%d.1" % (i - 1)]
json.dump({"oapgraph": 1,
           "plan": {"id": "2012-C", "priority": "C", "title": "Big", "year": 2012},
           "goals": [{"id": "SG1", "title": "Goal"}], "actions": actions},
          open(sys.argv[1], "w"), indent=1)
EOF
# pipe NAME STATUS COMMAND...: COMMAND | head -1, whose output is far larger than a pipe
# holds, ends with STATUS and says on standard error what it says when nothing stops it.
pipe() {
    local name=$1 want=$2
    shift 2
    "$@" >/dev/null 2>"$tmp/err.whole"
    "$@" 2>"$tmp/err" | head -1 >/dev/null
    local got=${PIPESTATUS[0]}
    same "$name | head -1: exit status" "$got" "$want"
    if cmp -s "$tmp/err" "$tmp/err.whole"; then
        ok "$name | head -1: no message"
    else
        no "$name | head -1: a message"
        diff "$tmp/err.whole" "$tmp/err" | head -5
    fi
}
pipe "check" 1 "$bin" check --fail-on warning big.oap.json
pipe "check --fail-on none" 0 "$bin" check --fail-on none big.oap.json
pipe "check --format json" 1 "$bin" check -q --fail-on warning --format json big.oap.json
pipe "dot" 0 "$bin" dot big.oap.json
pipe "tasking" 0 "$bin" tasking big.oap.json
pipe "deps" 0 "$bin" deps 3000.1 big.oap.json
pipe "import" 0 "$bin" import -q "$council"
# A full device is not a closed pipe: the failed write is said (deps said nothing when its
# answer was larger than the buffer of standard output).
if [ -w /dev/full ]; then
    "$bin" deps 3000.1 big.oap.json >/dev/full 2>"$tmp/err"
    same "deps to a full device: exit status" "$?" 2
    check "deps to a full device: said" grep -q '^oapgraph: cannot write to standard output$' "$tmp/err"
fi
# -o to a pipe is asked to be complete: a reader that goes early is trouble.
mkfifo "$tmp/fifo"
head -c 10 "$tmp/fifo" >/dev/null &
reader=$!
timeout 60 "$bin" dot -o "$tmp/fifo" big.oap.json 2>"$tmp/err"
same "-o FIFO whose reader goes early: exit status" "$?" 2
check "-o FIFO whose reader goes early: said" grep -q "^oapgraph: cannot write '$tmp/fifo': Broken pipe$" "$tmp/err"
wait "$reader"

# --- tasking -o DIR: every destination checked before anything is written.
# refused NAME COMMAND...: tasking refuses (exit 2, within 60 s) and writes nothing in $tmp/t.
refused() {
    local name=$1
    shift
    local before
    before=$(ls -A "$tmp/t" | sort | tr '\n' ' ')
    timeout 60 "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    same "$name: exit status" "$got" 2
    same "$name: nothing written" "$(ls -A "$tmp/t" | sort | tr '\n' ' ')" "$before"
}
mkdir "$tmp/t"
mkfifo "$tmp/t/HU.md"
refused "a FIFO in place of a sheet" "$bin" tasking -o "$tmp/t" "$ref"
check "a FIFO in place of a sheet: said" grep -q "HU.md': it is not a file of the folder" "$tmp/err"
rm "$tmp/t/HU.md"
mkdir "$tmp/t/IT.md"
refused "a folder in place of a sheet" "$bin" tasking -o "$tmp/t" "$ref"
check "a folder in place of a sheet: said" grep -q "IT.md': it is a folder" "$tmp/err"
rmdir "$tmp/t/IT.md"
echo outside >"$tmp/outside.md"
ln -s ../outside.md "$tmp/t/HU.md"
refused "a link out of the folder in place of a sheet" "$bin" tasking -o "$tmp/t" "$ref"
same "a link out of the folder: what it names is untouched" "$(cat "$tmp/outside.md")" outside
rm "$tmp/t/HU.md"
ln -s /dev/null "$tmp/t/HU.md"
refused "a link to a device in place of a sheet" "$bin" tasking -o "$tmp/t" "$ref"
rm "$tmp/t/HU.md"
if mknod "$tmp/t/HU.md" c 1 3 2>/dev/null; then
    refused "a device in place of a sheet" "$bin" tasking -o "$tmp/t" "$ref"
    rm "$tmp/t/HU.md"
else
    echo "skip a device in place of a sheet: mknod is not allowed here"
fi
ln -s hu-latest.md "$tmp/t/HU.md"
"$bin" tasking -o "$tmp/t" "$ref" 2>"$tmp/err"
same "a link within the folder: written" "$?" 0
check "a link within the folder: the link stays" test -L "$tmp/t/HU.md"
check "a link within the folder: the file it names is the sheet" grep -q '^# HU: Hungary' "$tmp/t/hu-latest.md"
rm -r "$tmp/t"
mkdir "$tmp/t"
ln -s ./AT.md "$tmp/t/HU.md"
refused "two sheets that lead to one file" "$bin" tasking -o "$tmp/t" "$ref"
rm -r "$tmp/t"
# Codes that are not ASCII name files too: Latin letters by their ASCII letters, other
# characters by their escape; codes that differ only there get files of their own.
python3 - "$tmp/names.oap.json" <<'EOF'
import json, sys
leaders = ["Ελληνική Αστυνομία", "Österreich BMI", "Café net", "Cafe\u200b net", "HU"]
json.dump({"oapgraph": 1,
           "plan": {"id": "2012-C", "priority": "C", "title": "Names", "year": 2012},
           "goals": [{"id": "SG1", "title": "Goal"}],
           "actions": [{"id": "1.%d" % (i + 1), "goal": "SG1", "title": "Action",
                        "leaders": [l], "timing": "March", "kpis": ["k"]}
                       for i, l in enumerate(leaders)]},
          open(sys.argv[1], "w"), ensure_ascii=False)
EOF
"$bin" tasking -o "$tmp/names" "$tmp/names.oap.json" 2>"$tmp/err"
same "codes that are not ASCII: written" "$?" 0
same "codes that are not ASCII: their files" "$(ls "$tmp/names" | grep -v '^[A-Z][A-Z]\.md$' | tr '\n' ' ')" \
    "Cafe-net.md Cafeu200b-net.md Osterreich-BMI.md u0395u03bbu03bbu03b7u03bdu03b9u03bau03ae-u0391u03c3u03c4u03c5u03bdu03bfu03bcu03afu03b1.md "
same "no temporary file left" "$(leftovers)" 0

finish
