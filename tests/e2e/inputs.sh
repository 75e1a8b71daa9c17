#!/usr/bin/env bash
# End-to-end: the files the commands read (issue 20, items 6 and 7). A folder walk reads
# each folder once, whatever symbolic links lead back to it, and says so once; a file
# named twice, or reached under two names, is one file of the run; a plan from a pipe or a
# FIFO is read once, and its findings located in the text read then.
# usage: inputs.sh OAPGRAPH SOURCE_DIR
# OAP_INPUTS_TIMEOUT: seconds one command may take (default 60; a hang is a failure).
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
limit=${OAP_INPUTS_TIMEOUT:-60}
ref="$src/fixtures/2012-C.oap.json"
cd "$tmp" || exit 2

# same NAME GOT WANT
same() {
    if [ "$2" = "$3" ]; then ok "$1"; else no "$1: '$2', expected '$3'"; fi
}
# run STATUS COMMAND...: COMMAND within the time limit, output in $tmp/out and $tmp/err;
# returns 0 when it exits with STATUS, and says why not otherwise.
run() {
    local want=$1
    shift
    timeout "$limit" "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" = "$want" ] && return 0
    if [ "$got" = 124 ]; then echo "     | no answer within $limit s"; else echo "     | exit $got, expected $want"; fi
    sed 's/^/     | /' "$tmp/err" | head -5
    return 1
}
summary() {
    grep '^oapgraph: [0-9]* file' "$tmp/err"
}
# The findings of the reference plan, as check prints them for FILE.
cp "$ref" "$tmp/c.oap.json"
"$bin" check --no-config -q c.oap.json >"$tmp/want.txt"

# --- Item 6: symbolic links in a folder walk.
# A link back to the folder itself: the walk reads the folder once (it read it 41 times,
# 40 false duplicate-id) and says so once, on standard error.
mkdir -p L && cp "$ref" L/c.oap.json && ln -s . L/self
if run 0 "$bin" check --no-config L; then
    same "a link to its own folder: one file" "$(summary)" \
        "oapgraph: 1 file, 1 plan, 16 actions: 0 errors, 1 warning, 15 info"
    same "a link to its own folder: no duplicate-id" "$(grep -c duplicate-id "$tmp/out")" 0
    same "a link to its own folder: said once" "$(grep -c '^oapgraph: note:' "$tmp/err")" 1
    same "a link to its own folder: the note names it" "$(grep '^oapgraph: note:' "$tmp/err")" \
        "oapgraph: note: 'L/self' is a folder read already under another name (a symbolic link leads to it): not read again (1 such folder in all)"
else
    no "a link to its own folder"
fi
# Two links back: the walk was exponential (2^depth paths). One note for both.
mkdir -p L2/a && cp "$ref" L2/a/c.oap.json && ln -s .. L2/a/up && ln -s . L2/a/self
if run 0 "$bin" check --no-config L2; then
    same "two links back: one file" "$(summary | cut -d: -f2)" " 1 file, 1 plan, 16 actions"
    same "two links back: said once, with the count" "$(grep -c "^oapgraph: note: 'L2/a/self' .*(2 such folders in all)$" "$tmp/err")" 1
else
    no "two links back: the walk ends"
fi
# A link to a folder beside: the folder is named by its own path, not the link's, whatever
# order the file system lists them in ("aa" sorts before "zz").
mkdir -p S/zz && cp "$ref" S/zz/c.oap.json && ln -s zz S/aa
if run 0 "$bin" check --no-config -q S; then
    same "a second name for a folder: the file under its own path" \
        "$(cut -d: -f1 "$tmp/out" | sort -u)" "S/zz/c.oap.json"
else
    no "a second name for a folder"
fi
# A link to a folder outside the walk is followed.
mkdir -p O && ln -s "$tmp/L" O/ext
if run 0 "$bin" check --no-config O; then
    same "a link out of the folder is followed" "$(summary | cut -d: -f2)" " 1 file, 1 plan, 16 actions"
else
    no "a link out of the folder"
fi
# The same file named twice, or under two names (a link, a hard link): loaded once (it was
# loaded twice, a false duplicate-id).
mkdir D && cp "$ref" D/c.oap.json && ln -s c.oap.json D/link.json && ln D/c.oap.json D/hard.json
for args in "D D/c.oap.json" "D/c.oap.json ./D/c.oap.json" "D/c.oap.json D/link.json D/hard.json"; do
    # shellcheck disable=SC2086
    if run 0 "$bin" check --no-config $args; then
        same "check $args: one file" "$(summary | cut -d: -f2)" " 1 file, 1 plan, 16 actions"
    else
        no "check $args: one file"
    fi
done

# --- Item 7: inputs that cannot be read twice, located from the text read once.
# A pipe (<(cat plan)): every finding was put at 1:1, the second read finding nothing.
if run 0 "$bin" check --no-config -q <(cat c.oap.json); then
    same "a pipe: findings where they are" "$(cut -d: -f2- "$tmp/out")" "$(cut -d: -f2- "$tmp/want.txt")"
else
    no "a pipe"
fi
# A FIFO: the second open waited for a writer that never came.
mkfifo fifo
cat c.oap.json >fifo &
if run 0 "$bin" check --no-config -q fifo; then
    same "a FIFO: read once, findings where they are" "$(cut -d: -f2- "$tmp/out")" "$(cut -d: -f2- "$tmp/want.txt")"
else
    no "a FIFO: no answer"
    exec 3<>fifo # let the writer go
    exec 3>&-
fi
wait
# Standard input, as before.
if run 0 "$bin" check --no-config -q - <c.oap.json; then
    same "standard input: findings where they are" "$(cut -d: -f2- "$tmp/out")" "$(cut -d: -f2- "$tmp/want.txt")"
else
    no "standard input"
fi
# A pipe over --max-file-size is a limit finding, read no further than the limit.
if run 1 "$bin" check --no-config -q --max-file-size 1k <(cat c.oap.json); then
    same "a pipe over the limit: a limit finding" "$(grep -c '\[limit\]$' "$tmp/out")" 1
else
    no "a pipe over the limit"
fi

finish
