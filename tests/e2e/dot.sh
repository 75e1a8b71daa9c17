#!/usr/bin/env bash
# End-to-end: oapgraph dot. Every view read back by Graphviz's own dot, node and edge
# counts against the reference plan, a hostile plan drawn intact, the classification
# banner, atomic -o, and the layout limit.
# usage: dot.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
require "Graphviz's dot, gc and gvpr are needed (Debian: graphviz)" dot gc gvpr
suppress_graphviz_leaks
# run STATUS COMMAND...: runs COMMAND with output in $tmp/out and $tmp/err, and checks
# its exit status.
# shellcheck disable=SC2317 # called through check
run() {
    local want=$1
    shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" != "$want" ]; then
        echo "     exit status $got, expected $want: $*"
        sed 's/^/     | /' "$tmp/err" | head -20
        return 1
    fi
}
# Graphviz reads the DOT back without a word on standard error.
# shellcheck disable=SC2317 # called through check
reads_back() {
    dot -Tsvg "$1" -o "$tmp/readback.svg" 2>"$tmp/readback.err" && [ ! -s "$tmp/readback.err" ]
}
# counts FILE: "nodes edges clusters" as drawn: nodes and edges that are not invisible
# (the invisible ones only order the layout), clusters as Graphviz's gc counts them
# without the frame that carries the bottom banner.
counts() {
    local n e c
    read -r n e < <(gvpr 'BEG_G { int n = 0, e = 0; } N [$.style != "invis"] { n++; }
                          E [$.style != "invis"] { e++; } END_G { printf("%d %d\n", n, e); }' "$1")
    read -r _ _ c _ < <(gc -n -e -C "$1")
    echo "$n $e $((c - 1))"
}
# Edges by style: "references needs links overlaps".
styles() {
    gvpr 'BEG_G { int r = 0, n = 0, l = 0, o = 0; }
          E [$.style != "invis"] { if ($.style == "dotted") o++; else if ($.style == "dashed" && $.color == "#7a3fa0") l++;
              else if ($.style == "dashed") r++; else n++; }
          END_G { printf("%d %d %d %d\n", r, n, l, o); }' "$1"
}
same() { # same NAME GOT WANT
    if [ "$2" = "$3" ]; then ok "$1"; else no "$1: got '$2', expected '$3'"; fi
}

ref=$src/fixtures/2012-C.oap.json
cd "$tmp" || exit 2

# Every view of the reference plan, as DOT read back by Graphviz, and laid out in-process.
for view in plan overlap actor=HU actor=Frontex; do
    check "view $view: DOT" run 0 "$bin" dot --view "$view" "$ref" -o "$view.dot"
    check "view $view: Graphviz reads it back" reads_back "$view.dot"
    check "view $view: SVG" run 0 "$bin" dot --view "$view" -T svg "$ref" -o "$view.svg"
done
check "focus and highlight: DOT" run 0 "$bin" dot --focus 2.1 --depth 1 --highlight --no-config \
    "$ref" -o focus.dot
check "focus and highlight: Graphviz reads it back" reads_back focus.dot

# The plan view holds the plan: 16 actions, the plan, priorities B and F; 7 goal
# clusters; 7 cross-reference pairs (the three listed both ways drawn once), 2 needs
# (2.1#1 -> 1.1 -> 2.1#2), 3 links to B and F, 2 declared overlaps.
same "plan view: nodes, edges, goal clusters" "$(counts plan.dot)" "19 14 7"
same "plan view: references, needs, links, overlaps" "$(styles plan.dot)" "7 2 3 2"
check "plan view: 2.1's phase 1 feeds 1.1, which feeds phase 2" \
    grep -q -F -e '"2012-C:2.1":p1 -> "2012-C:1.1"' plan.dot
check "plan view: ... and phase 2" grep -q -F -e '"2012-C:1.1" -> "2012-C:2.1":p2' plan.dot
# Overlap view: the plan, 2.2 and 4.1 (which link to B and F), B and F in one cluster.
same "overlap view: nodes, edges, clusters" "$(counts overlap.dot)" "5 5 1"
same "overlap view: references, needs, links, overlaps" "$(styles overlap.dot)" "0 0 3 2"
# HU leads 2.2 and 5.2 and takes part in six actions as one of All MS.
same "actor view: nodes" "$(counts actor=HU.dot | cut -d' ' -f1)" "8"
same "actor view: led in bold" "$(grep -c 'style="rounded,bold"' actor=HU.dot)" "2"
# Around 2.1: 1.1, 1.3, 2.2, 2.1 and a note for SG4's actions; 2.1 has a warning
# (undeclared-mention: orange), the one-way references are info (blue).
same "focus: nodes" "$(counts focus.dot | cut -d' ' -f1)" "5"
check "highlight: 2.1 orange, the rule in its tooltip" \
    gvpr -q 'N [$.name == "2012-C:2.1" && $.color == "#d06000" &&
            index($.tooltip, "[undeclared-mention]") >= 0] { exit(0) } END { exit(1) }' focus.dot
check "highlight: 1.3's one-way reference blue" \
    gvpr -q 'E [$.color == "#1f5fbf" && index($.tooltip, "[one-way-ref]") >= 0] { exit(0) }
             END { exit(1) }' focus.dot

# The classification: a banner at the top and one at the bottom, in DOT and in SVG, and
# in SVG also the document's <title> and <desc>.
same "banner twice in DOT" "$(grep -o '<B>RESTREINT UE/EU RESTRICTED</B>' plan.dot | wc -l)" "2"
same "banner twice in SVG" \
    "$(grep -c 'fill="#ffffff">RESTREINT UE/EU RESTRICTED</text>' plan.svg)" "2"
check "SVG title for screen readers" \
    grep -q '^<title id="oapgraph-title">RESTREINT UE/EU RESTRICTED: 2012&#45;C\|^<title id="oapgraph-title">RESTREINT UE/EU RESTRICTED: 2012-C' plan.svg
check "SVG desc says the classification" \
    grep -q '<desc id="oapgraph-desc">Classification: RESTREINT UE/EU RESTRICTED\.' plan.svg
check "SVG points aria at them" grep -q 'aria-labelledby="oapgraph-title"' plan.svg
check "SVG is well-formed XML" python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' plan.svg
# Several plans: every distinct marking.
sed 's/"RESTREINT UE\/EU RESTRICTED"/"LIMITE"/; s/"2012-C"/"2012-X"/; s/"priority": "C"/"priority": "X"/' \
    "$ref" >x.oap.json
check "two markings: DOT" run 0 "$bin" dot "$ref" x.oap.json -o two.dot
same "two markings: each at top and bottom" \
    "$(grep -o '<B>LIMITE</B>\|<B>RESTREINT UE/EU RESTRICTED</B>' two.dot | sort | uniq -c | tr -s ' \n' ' ')" \
    " 2 <B>LIMITE</B> 2 <B>RESTREINT UE/EU RESTRICTED</B> "

# A hostile plan: quotes, backslashes at the end and before quotes, markup, record
# syntax, line breaks, escapes Graphviz would expand, Greek, control and bidi
# characters, a title equal to an HTML label of the diagram, attempts to add attributes.
hostile=$src/fixtures/hostile-labels/plan.oap.json
check "hostile: DOT" run 0 "$bin" dot "$hostile" -o hostile.dot
check "hostile: Graphviz reads it back" reads_back hostile.dot
same "hostile: nodes, edges, clusters" "$(counts hostile.dot)" "14 4 4"
check "hostile: SVG" run 0 "$bin" dot -T svg "$hostile" -o hostile.svg
check "hostile: SVG is well-formed XML" \
    python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' hostile.svg
for text in 'say &quot;hi&quot; to everyone' 'ends with a backslash \' \
    'escaped \&quot;quote\&quot; inside' '&lt;b&gt;bold&lt;/b&gt; &lt;i&gt;markup&lt;/i&gt;' \
    'record {a|b} &lt;port&gt; and {c}' 'line one' 'line two' 'line three' \
    'Ελληνικά κείμενα με τόνους' 'bell and override and tab here' \
    'escapes \N \G \L \n \l \r \E \T \H' 'stay' \
    'x&quot; fontcolor=&quot;red&quot; label=&quot;injected' \
    '&lt;FONT POINT&#45;SIZE=&quot;8&quot;' 'COLOR=&quot;#555555&quot;&gt;(no action)&lt;/FONT&gt;' \
    ' &lt;/TD&gt;&lt;/TR&gt;&lt;/TABLE&gt;&gt; &lt;B&gt;break out&lt;/B&gt; &amp; &amp;amp;' \
    'ΑΠΟΡΡΗΤΟ \ &quot;SECRET&quot; &lt;b&gt;UE&lt;/b&gt; &amp; {x|y}'; do
    check "hostile: SVG shows: $text" grep -q -F -e ">$text</text>" hostile.svg
done
check "hostile: tooltips keep text too" \
    grep -q -F -e 'xlink:title="1.2: ends with a backslash \&#10;leaders: EL' hostile.svg
check "hostile: a tooltip that copies an HTML label stays text" \
    grep -q -F -e 'xlink:title="3.1: &lt;FONT POINT&#45;SIZE=&quot;8&quot;' hostile.svg
same "hostile: the SVG holds only the plan's nodes" \
    "$(grep -o '^<title>[^<]*</title>' hostile.svg | grep -v -c -e '^<title>2099&#45;H' \
        -e '^<title>Z:\*</title>' -e '^<title>cluster_')" "1"
same "hostile: no colour but ours" \
    "$(grep -o -e 'fill="[^"]*"' -e 'stroke="[^"]*"' hostile.svg | sort -u | tr '\n' ' ')" \
    'fill="#333333" fill="#444444" fill="#505050" fill="#555555" fill="#7a3fa0" fill="#a00000" fill="#eeeeee" fill="#f3f5f9" fill="#ffffff" fill="black" fill="none" fill="white" stroke="#505050" stroke="#7a3fa0" stroke="#aab4c4" stroke="black" stroke="transparent" '

# Deterministic: the same bytes each time (graphs/ relies on it).
"$bin" dot -T svg "$ref" -o again.svg
check "the same SVG twice" cmp -s plan.svg again.svg

# PNG and PDF through Graphviz's cairo plugin, in-process.
check "PNG" run 0 "$bin" dot -T png "$ref" -o plan.png
check "PNG is PNG" bash -c '[ "$(head -c 4 plan.png | od -An -c | tr -d " ")" = "211PNG" ]'
check "PDF from the extension" run 0 "$bin" dot "$ref" -o plan.pdf
check "PDF is PDF" bash -c '[ "$(head -c 5 plan.pdf)" = "%PDF-" ]'

# -o is atomic: a run that fails after opening its output (an unknown focus, a write
# that runs out of room) leaves the old file as it was and no temporary file behind.
cp plan.svg keep.svg
check "unknown focus: exit 2" run 2 "$bin" dot -T svg --focus 9.9 "$ref" -o plan.svg
check "unknown focus: says so" grep -q -F -e "dot: focus '9.9' names no action, goal, plan or priority" "$tmp/err"
check "unknown focus: old file kept" cmp -s plan.svg keep.svg
check "write fails halfway: exit 2" run 2 bash -c 'trap "" XFSZ; ulimit -f 8; exec "$0" dot -T svg "$1" -o plan.svg' "$bin" "$ref"
check "write fails halfway: says why" grep -q "cannot write 'plan.svg': File too large" "$tmp/err"
check "write fails halfway: old file kept" cmp -s plan.svg keep.svg
same "no temporary file left" "$(ls | grep -c '\.tmp\.')" "0"
# ... and never writes over an input plan.
cp "$ref" input.oap.json
check "over an input plan: exit 2" run 2 "$bin" dot -T dot input.oap.json -o input.oap.json
check "over an input plan: says so" grep -q "it is one of the input plans" "$tmp/err"
check "over an input plan: plan kept" cmp -s input.oap.json "$ref"

# Too big to lay out: refused with an estimate and what to do instead; DOT has no limit.
python3 - <<'EOF'
import json
actions = [{"id": f"{g}.{i}", "goal": f"SG{g}", "title": f"Action {g}.{i}", "leaders": ["HU"]}
           for g in range(1, 31) for i in range(1, 21)]
goals = [{"id": f"SG{g}", "title": f"Goal {g}"} for g in range(1, 31)]
plan = {"oapgraph": 1, "plan": {"id": "2099-BIG", "priority": "Q", "title": "Big"},
        "goals": goals, "actions": actions}
json.dump(plan, open("big.oap.json", "w"))
EOF
check "600 actions: SVG refused" run 2 "$bin" dot -T svg big.oap.json -o big.svg
check "600 actions: says how big, how long, what instead" \
    grep -q "601 nodes and 0 edges, more than 500: laying it out would take about .* seconds.*--focus REF --depth N or --view overlap.*--force" \
    <(tr '\n' ' ' <"$tmp/err")
check "600 actions: nothing written" test ! -e big.svg
check "600 actions: DOT has no limit" run 0 "$bin" dot big.oap.json -o big.dot
check "600 actions: focus makes it small enough" run 0 "$bin" dot -T svg --focus SG3 --depth 0 big.oap.json -o big.svg

# Order (issue 19): goal clusters top to bottom in the plan's order (2012-C drew SG1,
# SG5, SG2, ...), and plans left to right in load order, side by side; read from the
# laid-out SVG: each cluster's box and its first bold text.
# order SVG: "2012-B:SG1,SG2,... 2012-C:SG1,..." the goals of each plan from the top, the
# plans from the left.
order() {
    python3 - "$1" <<'PY'
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
boxes = []
for m in re.finditer(r'<g id="clust\d+" class="cluster">\n<title>(cluster_(plan|goal)\d+)</title>(.*?)\n</g>', svg, re.S):
    body = m.group(3)
    nums = [float(x) for x in re.findall(r'-?\d+(?:\.\d+)?', re.search(r' (?:d|points)="([^"]*)"', body).group(1))]
    xs, ys = nums[0::2], nums[1::2]
    name = re.search(r'font-weight="bold"[^>]*>([^<]*)<', body).group(1).replace("&#45;", "-")
    boxes.append((m.group(2), name, min(xs), min(ys), max(xs), max(ys)))
plans = sorted([b for b in boxes if b[0] == "plan"], key=lambda b: b[2])
out = []
for p in plans:
    goals = [b for b in boxes if b[0] == "goal" and p[2] <= b[2] and b[4] <= p[4]]
    goals.sort(key=lambda b: b[3])  # SVG y grows downward: the top first
    out.append(p[1] + ":" + ",".join(g[1] for g in goals))
if not plans:
    goals = sorted([b for b in boxes if b[0] == "goal"], key=lambda b: b[3])
    out.append(",".join(g[1] for g in goals))
print(" ".join(out))
PY
}
same "2012-C: goals in the plan's order" "$(order plan.svg)" "SG1,SG2,SG3,SG4,SG5,SG6,SG7"
check "three plans: SVG" run 0 "$bin" dot -T svg "$src/fixtures/2012-B.oap.json" "$ref" \
    "$src/fixtures/2012-F.oap.json" -o bcf.svg
same "three plans: side by side in load order, goals in order" "$(order bcf.svg)" \
    "2012-B:SG1,SG2,SG3,SG4,SG5 2012-C:SG1,SG2,SG3,SG4,SG5,SG6,SG7 2012-F:SG1,SG2,SG3,SG4,SG5"
check "three plans, loaded the other way round: SVG" run 0 "$bin" dot -T svg \
    "$src/fixtures/2012-F.oap.json" "$ref" "$src/fixtures/2012-B.oap.json" -o fcb.svg
check "three plans: the caption says how to narrow the view" \
    grep -q -F -e 'to narrow it: --focus REF (an action, a goal, a plan) with --depth N, or one plan at a time' \
    <("$bin" dot "$src/fixtures/2012-B.oap.json" "$ref")
same "three plans, the other way round" "$(order fcb.svg | sed 's/:[^ ]*//g')" "2012-F 2012-C 2012-B"

# Today's plans (issue 16): co-leaders after the leader, a goal's common goal in its
# cluster's label, a plan's years.
cycles=$src/fixtures/cycles
check "today's plans: DOT" run 0 "$bin" dot "$cycles" -o cycles.dot
check "today's plans: Graphviz reads it back" reads_back cycles.dot
check "co-leaders after the leader" \
    grep -q -F -e '<B>2.1</B>  <FONT POINT-SIZE="8" COLOR="#444444">Leader: AT; co-leaders: Europol, Eurojust</FONT>' cycles.dot
check "a goal's common goal, titled as the cycle has it" \
    grep -q -F -e 'implements <B>CHSG1</B> Criminal intelligence picture</FONT>' cycles.dot
check "a common goal the cycle lacks, named as written" \
    grep -q -F -e 'implements <B>CHSG9</B></FONT>' cycles.dot
check "a plan of two years" grep -q -F -e '2024-2025 · driver AT' cycles.dot

check "actor view of a co-leader: DOT" run 0 "$bin" dot --view actor=NL "$cycles" -o actor-nl.dot
same "actor view: what NL leads or co-leads in bold" \
    "$(gvpr 'N [$.style == "rounded,bold"] { print($.name); }' actor-nl.dot | sort | tr '\n' ' ')" \
    "2024-2025-A:2.2 2024-2025-A:4.1 2024-2025-B:1.1 "

# Joint Action Days (issue 16): a node each (a hexagon), linked to the actions that name
# it across plans; the overlap view keeps those that join actions of several plans.
jads() { # the JAD nodes of a DOT file and the actions each links to, sorted
    gvpr 'N [$.shape == "hexagon"] { edge_t e; string s = $.name + ":";
          for (e = fstout($); e; e = nxtout(e)) s = s + " " + e.head.name; print(s); }' "$1" | sort
}
same "plan view: every JAD and its actions" "$(jads cycles.dot)" "JAD-2024-DANUBE: 2024-2025-A:2.2 2024-2025-A:5.1
JAD-2024-MDE: 2024-2025-B:2.2
JAD-2024-MED: 2024-2025-A:3.1 2024-2025-B:3.1
JAD-2025-LABOUR: 2024-2025-B:3.2"
check "a JAD node says its window and title" \
    grep -q -F -e '<B>JAD-2024-MED</B>  2024-06</TD></TR><TR><TD><FONT POINT-SIZE="8">Joint Action Days Mediterranean' cycles.dot
check "a JAD no cycle declares says so" grep -q -F -e 'no loaded cycle file declares it' cycles.dot
check "overlap view of today's plans: DOT" run 0 "$bin" dot --view overlap "$cycles" -o cycles-overlap.dot
same "overlap view: the shared JAD links the two plans" "$(jads cycles-overlap.dot)" \
    "JAD-2024-MED: 2024-2025-A:3.1 2024-2025-B:3.1"
check "focus on a JAD" run 0 "$bin" dot --focus JAD-2024-MED --depth 1 "$cycles" -o jad-focus.dot
same "focus on a JAD: it and its two actions" "$(counts jad-focus.dot | cut -d' ' -f1)" "3"

# The legend explains every mark the picture holds (issue 19), and no other.
legend() { grep -o 'labelloc=b' "$1" >/dev/null && tr -d '\n\t' <"$1" | grep -o '<FONT POINT-SIZE="9" COLOR="#333333">.*' | sed 's/<TD BGCOLOR.*//'; }
check "legend: JAD hexagons" grep -q -F -e '<B>hexagon</B></FONT>: a Joint Action Day' <(legend cycles.dot)
check "legend: no score lines where there are none" bash -c '! grep -q "orange line" <(tr -d "\n\t" <"$1")' _ cycles.dot
check "legend: the overlap view's orange score lines" \
    grep -q -F -e '<B>orange line with a score</B></FONT>: two actions that may be the same work' \
    <("$bin" dot --view overlap "$src/fixtures/2012-B.oap.json" "$ref" "$src/fixtures/2012-F.oap.json")
check "legend: --highlight colours" \
    grep -q -F -e '<B>--highlight</B>: what a finding is about is outlined and filled <FONT COLOR="#c00000"><B>red</B></FONT> for an error' focus.dot
check "legend: the focus" grep -q -F -e '<B>double border</B>: the focus' focus.dot
check "legend: continuation arrows" \
    grep -q -F -e '<B>green dotted arrow</B></FONT>: work carried on' <("$bin" dot "$src/fixtures/years")
# The timeline: positions fixed before layout, read back by neato -n2 without a word;
# bars on their months (x: 258 + 20 per month from January, the bar's centre), 2.1's
# two phases, the needs through 1.1, the banner top and bottom, the legend.
# shellcheck disable=SC2317 # called through check
reads_back_pinned() {
    neato -n2 -Tsvg "$1" -o "$tmp/readback.svg" 2>"$tmp/readback.err" && [ ! -s "$tmp/readback.err" ]
}
pos() { # pos FILE NODE: the node's x
    gvpr -a "$2" 'N [$.name == ARGV[0]] { printf("%s\n", sub($.pos, ",*")); }' "$1"
}
check "timeline: DOT" run 0 "$bin" dot --view timeline "$ref" -o timeline.dot
check "timeline: neato -n2 reads it back" reads_back_pinned timeline.dot
for f in svg png pdf; do
    check "timeline: $f" run 0 "$bin" dot --view timeline -T $f "$ref" -o timeline.$f
done
same "timeline: 1.1 in September, 2.1's phases in April-May and October-November" \
    "$(pos timeline.dot 2012-C:1.1) $(pos timeline.dot '2012-C:2.1#1') $(pos timeline.dot '2012-C:2.1#2')" \
    "428.00 338.00 458.00"
check "timeline: phase 1 ends where 1.1 needs it" \
    grep -q -F -e '"2012-C:2.1#1":e -> "2012-C:1.1":w' timeline.dot
check "timeline: 1.1 ends where phase 2 needs it" \
    grep -q -F -e '"2012-C:1.1":e -> "2012-C:2.1#2":w' timeline.dot
same "timeline: banner top and bottom" "$(grep -c 'RESTREINT UE/EU RESTRICTED</B>' timeline.dot)" "2"
check "timeline: the legend says what a bar is" grep -q "bar: the months an action or a phase runs" timeline.dot
check "timeline: SVG title names the view" grep -q "<title id=\"oapgraph-title\">RESTREINT UE/EU RESTRICTED: 2012-C Illegal immigration: timeline" timeline.svg
check "timeline: highlight" run 0 "$bin" dot --view timeline --highlight --no-config "$ref" -o timeline-hl.dot
check "timeline: 2.1's span orange, the rule in its tooltip" \
    gvpr -q 'N [$.name == "2012-C:2.1" && $.color == "#d06000" &&
            index($.tooltip, "[undeclared-mention]") >= 0] { exit(0) } END { exit(1) }' timeline-hl.dot
# Actions without a window are listed, not drawn.
check "timeline: no window" run 0 "$bin" dot --view timeline "$src/fixtures/missing-timing/no-timing" -o nowin.dot
check "timeline: listed apart" grep -q "no window: 1.1, 1.3#1, 1.4" nowin.dot
check "timeline: not drawn" test -z "$(pos nowin.dot 1.1)"
# Joint Action Days of a cycle file: a row each, and a diamond on the rows of the
# actions that take part.
check "timeline: cycle" run 0 "$bin" dot --view timeline "$src/fixtures/cycles" -o cycle.dot
check "timeline: cycle: neato -n2 reads it back" reads_back_pinned cycle.dot
same "timeline: JAD diamonds: 5 rows, 5 on the rows of actions" "$(grep -c "shape=diamond" cycle.dot)" "10"
check "timeline: each JAD has its row" grep -q '"label JAD-2025-LABOUR"' cycle.dot
# --late: the bars impact --late moves, dashed "+N" on their rows: 2.1#1 six months
# late moves itself to October-November, 1.1 two months and 2.1#2 one.
check "timeline --late" run 0 "$bin" dot --view timeline --late '2.1#1' --months 6 "$ref" -o late.dot
check "timeline --late: neato -n2 reads it back" reads_back_pinned late.dot
same "timeline --late: the slipped bars, by how much, where" \
    "$(gvpr 'N [index($.name, "slip ") == 0] { printf("%s %s %s\n", $.name, $.label, sub($.pos, ",*")); }' late.dot | sort | tr '\n' ';')" \
    "slip 2012-C:1.1 +2 468.00;slip 2012-C:2.1#1 +6 458.00;slip 2012-C:2.1#2 +1 478.00;"
check "timeline --late: the legend says so" grep -q "dashed bar +N: where a bar moves" late.dot
check "--late without --months" run 2 "$bin" dot --view timeline --late 2.1 "$ref"
check "--late off the timeline" run 2 "$bin" dot --late 2.1 --months 2 "$ref"
check "--late of nothing" run 2 "$bin" dot --view timeline --late 9.9 --months 2 "$ref"
check "--months out of range" run 2 "$bin" dot --view timeline --late 2.1 --months 0 "$ref"

# Usage.
check "unknown view" run 2 "$bin" dot --view tree "$ref"
check "unknown format" run 2 "$bin" dot -T gif "$ref"
check "--depth without --focus" run 2 "$bin" dot --depth 2 "$ref"
check "bad depth" run 2 "$bin" dot --focus 2.1 --depth -1 "$ref"
check "no plan" run 2 "$bin" dot
check "unreadable plan" run 2 "$bin" dot "$tmp/missing.oap.json"
check "unknown actor" run 2 "$bin" dot --view actor=NOBODY "$ref"
check "ambiguous focus across plans" run 2 "$bin" dot --focus 2.1 "$ref" x.oap.json
check "ambiguous focus: names every match and says how to qualify" grep -q "focus '2.1' is in 2 plans (2012-C:2.1, .*): qualify it, as in '2012-C:2.1'" "$tmp/err"
check "qualified focus" run 0 "$bin" dot --focus 2012-X:2.1 "$ref" x.oap.json
check "help" run 0 "$bin" dot --help

finish
