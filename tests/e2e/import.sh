#!/usr/bin/env bash
# End-to-end: oapgraph import as a planner runs it, alone and piped into oapgraph check.
# usage: import.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"

cd "$src/fixtures/council" || exit 2

# The reference document, end to end: import, then check what came out. The plan loads
# with no loader finding, and the checks find what they find in the curated plan (one
# warning, 15 info; see tests/check_reference.c).
"$bin" import 2012-C.txt 2>"$tmp/import.err" | "$bin" check - >"$tmp/check.out" 2>"$tmp/check.err"
status=("${PIPESTATUS[@]}")
if [ "${status[0]}" = 0 ] && [ "${status[1]}" = 0 ]; then
    ok "import 2012-C.txt | check -: both exit 0"
else
    no "import 2012-C.txt | check -: exit ${status[*]}"
    cat "$tmp/import.err" "$tmp/check.err"
fi
if grep -Eq '\[(syntax|schema|unknown-key|duplicate-id)\]$' "$tmp/check.out"; then
    no "imported plan has a loader finding"
    cat "$tmp/check.out"
else
    ok "imported plan: no syntax, schema or unknown-key finding"
fi
printf 'oapgraph: 1 file, 1 plan, 16 actions: 0 errors, 1 warning, 15 info\n' >"$tmp/want.err"
if diff -u "$tmp/want.err" "$tmp/check.err"; then
    ok "imported plan: the reference plan's findings"
else
    no "imported plan: the reference plan's findings"
fi

# What the import says about the reference document: three notes, nothing left out.
cat >"$tmp/ref.err" <<'ERR'
oapgraph: import: 2012-C.txt:220: note: the heading of Strategic Goal 5 says "group/facilitators" where section 5.1 says "groups/facilitators" (line 137); section 5.1's wording is kept
oapgraph: import: 2012-C.txt:232: note: the heading of Strategic Goal 6 says "sources" where section 5.1 says "source" (line 141); section 5.1's wording is kept
oapgraph: import: 2012-C.txt:240: note: "involved in EUROSUR" after MS concerned in the Participants cell of action 6.2 is not an actor; left out
oapgraph: import: 2012-C.txt: Council text, plan 2012-C: 7 goals, 16 actions; 0 warnings, 3 notes
ERR
expect "import 2012-C.txt: messages" 0 - "$tmp/ref.err" -- "$bin" import 2012-C.txt
cp "$tmp/out" "$tmp/council.json"

# The plan as the curated file has it, but for the needs of 1.1 and the phases of 2.1,
# which the table does not state.
python3 - "$src/fixtures/2012-C.oap.json" "$tmp/council.json" <<'PY' && ok "import = curated plan but 1.1 needs, 2.1 phases" || no "import = curated plan but 1.1 needs, 2.1 phases"
import json, sys
want = json.load(open(sys.argv[1], encoding="utf-8"))
got = json.load(open(sys.argv[2], encoding="utf-8"))
for a in want["actions"]:
    if a["id"] == "1.1":
        del a["needs"]
    if a["id"] == "2.1":
        del a["phases"]
if got != want:
    print(json.dumps(got, indent=1, ensure_ascii=False)[:2000])
    sys.exit(1)
PY

# --format auto tells each format; giving it gives the same plan.
for f in txt:council tsv:tsv csv:csv; do
    ext=${f%%:*}
    fmt=${f##*:}
    expect "--format auto on .$ext" 0 - - -- "$bin" import -q "2012-C.$ext"
    cp "$tmp/out" "$tmp/auto.$ext.json"
    expect "--format $fmt on .$ext" 0 "$tmp/auto.$ext.json" - -- \
        "$bin" import -q --format "$fmt" "2012-C.$ext"
done
printf 'oapgraph: import: 2012-C.tsv:56: note: "involved in EUROSUR" after MS concerned in the Participants cell of action 6.2 is not an actor; left out\noapgraph: import: 2012-C.tsv: TSV, plan 2012-C: 7 goals, 16 actions; 0 warnings, 1 note\n' >"$tmp/tsv.err"
expect "TSV summary" 0 - "$tmp/tsv.err" -- "$bin" import 2012-C.tsv
sed 's/2012-C.tsv/2012-C.csv/; s/: TSV,/: CSV,/' "$tmp/tsv.err" >"$tmp/csv.err"
expect "CSV summary" 0 - "$tmp/csv.err" -- "$bin" import 2012-C.csv
if cmp -s "$tmp/auto.tsv.json" "$tmp/auto.csv.json"; then
    ok "the TSV and the CSV export give the same plan file"
else
    no "the TSV and the CSV export give the same plan file"
    diff "$tmp/auto.tsv.json" "$tmp/auto.csv.json" | head -20
fi

# Standard input: "-", named "-" in messages.
sed 's/2012-C.txt/-/' "$tmp/ref.err" >"$tmp/stdin.err"
expect "import - (standard input)" 0 "$tmp/council.json" "$tmp/stdin.err" -- \
    sh -c "\"$bin\" import - <2012-C.txt"

# -o writes the file atomically: the same bytes, no temporary file left behind.
expect "-o FILE" 0 "$empty" - -- "$bin" import -q -o "$tmp/written.oap.json" 2012-C.txt
if cmp -s "$tmp/written.oap.json" "$tmp/council.json" && [ -z "$(ls "$tmp" | grep '\.tmp\.')" ]; then
    ok "-o FILE: same plan, no temporary file"
else
    no "-o FILE: same plan, no temporary file"
fi
expect "-o over the table itself" 2 "$empty" - -- "$bin" import -o 2012-C.txt 2012-C.txt
expect "-o into a folder" 2 "$empty" - -- "$bin" import -o "$tmp" 2012-C.txt

# Malformed tables: what cannot be placed is reported with its line; exit 1.
cat >"$tmp/missing.err" <<'ERR'
oapgraph: import: malformed/missing-column.tsv:3: the header row has no Leader column (expected one named "Leader"; found: #, Activity, Participants, Timing); nothing is imported
ERR
expect "missing column: no plan" 1 "$empty" "$tmp/missing.err" -- \
    "$bin" import malformed/missing-column.tsv
cat >"$tmp/cells.err" <<'ERR'
oapgraph: import: malformed/too-many-cells.csv: note: the table gives no title for the priority; "Priority C" is used (add a "Title: ..." row above the header)
oapgraph: import: malformed/too-many-cells.csv:6: this row has 7 cells but the header row (line 3) has 6; the row is not imported (in CSV, a cell with a comma must be in double quotes)
oapgraph: import: malformed/too-many-cells.csv: CSV, plan 2012-C: 1 goal, 2 actions; 1 warning, 1 note
ERR
expect "too many cells: the other rows" 1 - "$tmp/cells.err" -- \
    "$bin" import malformed/too-many-cells.csv
"$bin" check -q - <"$tmp/out" >"$tmp/check.out"
if grep -Eq '\[(syntax|schema|unknown-key)\]$' "$tmp/check.out"; then
    no "a partial import still loads without a loader finding"
else
    ok "a partial import still loads without a loader finding"
fi
expect "unknown goal heading" 1 - - -- "$bin" import -q malformed/unknown-goal.tsv
if grep -qx 'oapgraph: import: malformed/unknown-goal.tsv:6: cannot read the goal heading "Strategic Goal: To use the intelligence picture and risk ana..." (expected "Strategic Goal N: title"); the actions under it are not imported' "$tmp/err"; then
    ok "unknown goal heading: message with its line"
else
    no "unknown goal heading: message with its line"
    cat "$tmp/err"
fi

# Trouble is exit 2, with a message and nothing on standard output.
printf "oapgraph: import: cannot read 'no-such.txt': No such file or directory\n" >"$tmp/nofile.err"
expect "unreadable file" 2 "$empty" "$tmp/nofile.err" -- "$bin" import no-such.txt
expect "a folder" 2 "$empty" - -- "$bin" import malformed
expect "no table" 2 "$empty" - -- "$bin" import
expect "two tables" 2 "$empty" - -- "$bin" import 2012-C.txt 2012-C.tsv
expect "bad --format" 2 "$empty" - -- "$bin" import --format xlsx 2012-C.txt
expect "bad --year" 2 "$empty" - -- "$bin" import --year 12 2012-C.txt
expect "bad --priority" 2 "$empty" - -- "$bin" import --priority 'C D' 2012-C.txt
expect "unknown option" 2 "$empty" - -- "$bin" import --frobnicate 2012-C.txt
expect "option without value" 2 "$empty" - -- "$bin" import 2012-C.txt --year
printf '#\tActivity\tLeader\nStrategic Goal 1: G\n1.1\tA\tIT\n' >"$tmp/bare.tsv"
cat >"$tmp/bare.err" <<ERR
oapgraph: import: $tmp/bare.tsv: the table does not say which priority it is for; give --priority (or a "Priority: C" row above the header)
oapgraph: import: $tmp/bare.tsv: the table does not say which year it is for; give --year (or a "Year: 2012" row above the header)
ERR
expect "no priority or year" 2 "$empty" "$tmp/bare.err" -- "$bin" import "$tmp/bare.tsv"
expect "--priority and --year" 0 - - -- "$bin" import -q --priority C --year 2012 "$tmp/bare.tsv"
if grep -q '"id": "2012-C"' "$tmp/out"; then ok "--priority and --year make the id"; else no "--priority and --year make the id"; fi

# A table with a terminal escape, a C1 CSI, an override and a zero-width space: the
# messages show them escaped, a note says which is kept (exit 1 for the stray row's
# warning), and the plan file holds each as a \u escape and reads back as the table had it.
printf 'Priority: C\nYear: 2012\nTitle: T\n\x1b[2J\xc2\x9b\tstray row\n#\tActivity\tLeader\n' >"$tmp/evil.tsv"
printf 'Strategic Goal 1: G\n1.1\tTitle \xe2\x80\xae \xe2\x80\x8b\tHU\xe2\x80\x8b\n' >>"$tmp/evil.tsv"
cat >"$tmp/evil.err" <<ERR
oapgraph: import: $tmp/evil.tsv:4: note: the line holds U+001B, a control, invisible or direction-changing character: what is imported keeps it, and the plan file shows it as a \u escape (delete it unless it is meant)
oapgraph: import: $tmp/evil.tsv:4: cannot place this row above the header: "\x1b[2J\u009b" (metadata rows are "Priority: C", "Year: 2012", "Title: ...")
oapgraph: import: $tmp/evil.tsv:7: note: the line holds U+202E, a control, invisible or direction-changing character: what is imported keeps it, and the plan file shows it as a \u escape (delete it unless it is meant)
oapgraph: import: $tmp/evil.tsv: TSV, plan 2012-C: 1 goal, 1 action; 1 warning, 2 notes
ERR
expect "hostile characters: messages escaped" 1 - "$tmp/evil.err" -- "$bin" import "$tmp/evil.tsv"
python3 - "$tmp/out" <<'PY' && ok "hostile characters: \\u escapes in the plan file, read back as they were" || no "hostile characters: \\u escapes in the plan file, read back as they were"
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
assert '"Title \\u202e \\u200b"' in text and '"HU\\u200b"' in text, text
assert "\u202e" not in text and "\u200b" not in text, text
a = json.loads(text)["actions"][0]
assert a["title"] == "Title \u202e \u200b" and a["leaders"] == ["HU\u200b"], a
PY

# Help goes to standard output.
expect "--help" 0 - "$empty" -- "$bin" import --help
if grep -q '^usage: oapgraph import' "$tmp/out"; then ok "--help: usage"; else no "--help: usage"; fi

finish
