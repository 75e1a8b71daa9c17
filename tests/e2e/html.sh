#!/usr/bin/env bash
# End-to-end: oapgraph report, the HTML page, read with Python's HTML parser
# (tests/html/inspect.py): self-contained, banners, every finding a row, ids unique, no
# plan text turned into markup, a script or a link. The browser test (tests/browser/)
# asks Chromium the same and more.
# usage: html.sh OAPGRAPH SOURCE_DIR
. "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"
require "python3 is needed" python3
suppress_graphviz_leaks
inspect=$src/tests/html/inspect.py
cd "$src/fixtures" || exit 2

check "2012 B, C, F: written" "$bin" report -o "$tmp/plans.html" 2012-B.oap.json 2012-C.oap.json 2012-F.oap.json
"$bin" check --no-config --format json 2012-B.oap.json 2012-C.oap.json 2012-F.oap.json >"$tmp/check.json" 2>/dev/null
python3 "$inspect" "$tmp/plans.html" >"$tmp/plans.json"
py "2012 B, C, F: under 2 MB, banners, title, CSP, a row per finding, three diagrams" "
import json, os
p = json.load(open('$tmp/plans.json'))
n = len(json.load(open('$tmp/check.json'))['findings'])
assert os.path.getsize('$tmp/plans.html') < 2 * 1024 * 1024
assert p['banners'] == ['RESTREINT UE/EU RESTRICTED'] * 2, p['banners']
assert p['title'].startswith('RESTREINT UE/EU RESTRICTED: '), p['title']
assert p['csp'].startswith(\"default-src 'none';\"), p['csp']
assert p['rows'] == n == 22, (p['rows'], n)
assert p['svgs'] == 3, p['svgs']
assert p['scripts'] == 1
assert not p['repeated_ids'], p['repeated_ids'][:10]
assert not p['broken_links'], p['broken_links']
assert not p['outside_links'], p['outside_links']
assert not p['fetching_attributes'], p['fetching_attributes']
assert not p['unknown_tags'], p['unknown_tags']
"

# Hostile plans: their text stays text.
check "hostile: written" "$bin" report -o "$tmp/hostile.html" "$src/fixtures/hostile"
python3 "$inspect" "$tmp/hostile.html" >"$tmp/hostile.json"
py "hostile: no markup, script, handler or link from the plans" "
import json
p = json.load(open('$tmp/hostile.json'))
assert p['scripts'] == 1
assert not p['unknown_tags'], p['unknown_tags']
assert not p['fetching_attributes'], p['fetching_attributes']
assert not p['outside_links'], p['outside_links']
assert not p['repeated_ids'], p['repeated_ids'][:10]
"
check "hostile: the injected tag shows as text" grep -q '&lt;img src=x onerror=alert(1)&gt;' "$tmp/hostile.html"

# Each finding on an action links to its node in the plan view, beside its row.
for page in plans hostile; do
py "$page: each finding's diagram link lands on a node of the plan view" "
import re
page = open('$tmp/$page.html').read()
table = page[page.index('id=\"findings-table\"'):]
table = table[:table.index('</table>')]
rows = table.count('<a class=\"node\"')
targets = re.findall(r'<a class=\"diagram-node\"[^>]*href=\"#([^\"]+)\"', table)
assert rows and len(targets) == rows, (rows, len(targets))
svg = page[page.index('<svg'):]
svg = svg[:svg.index('</svg>')]
nodes = set(re.findall(r'<g id=\"(plan-view-[^\"]+)\" class=\"node\">', svg))
assert set(targets) <= nodes, sorted(set(targets) - nodes)[:5]
"
done

# An action's link: https: is a link, anything else text.
mkdir -p "$tmp/links"
python3 - "$src/fixtures/2012-C.oap.json" "$tmp/links/l.oap.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p['actions'][0]['link'] = 'https://example.org/a?b=1&c=2'
p['actions'][1]['link'] = 'javascript:alert(1)'
p['actions'][2]['link'] = 'http://example.org/'
json.dump(p, open(sys.argv[2], 'w'))
PY
check "links: written" "$bin" report -o "$tmp/links.html" "$tmp/links/l.oap.json"
python3 "$inspect" "$tmp/links.html" >"$tmp/links.json"
py "links: only the https: one is a link" "
import json
p = json.load(open('$tmp/links.json'))
assert p['outside_links'] == ['https://example.org/a?b=1&c=2'], p['outside_links']
"
check "links: the others as text" grep -q '<td>javascript:alert(1)</td>' "$tmp/links.html"

# --since OLD: the changes diff finds, and as many findings introduced and fixed.
check "since: written" "$bin" report --no-config --since 2012-C.oap.json -o "$tmp/since.html" revisions/2012-C.rev3.oap.json
"$bin" diff --no-config --format json 2012-C.oap.json revisions/2012-C.rev3.oap.json >"$tmp/diff.json" 2>/dev/null
python3 "$inspect" "$tmp/since.html" >"$tmp/since.json"
py "since: renumbered 2.3 -> 2.4, 2.3 added, 2.1 removed, findings as diff counts them" "
import json, re
page = open('$tmp/since.html').read()
d = json.load(open('$tmp/diff.json'))['findings']
p = json.load(open('$tmp/since.json'))
sec = page[page.index('<section id=\"since\">'):]
sec = sec[:sec.index('</section>')]
rows = re.findall(r'<tr data-change=\"(\w+)\"><td>\w+</td><td>(\w+)</td><td>(.*?)</td><td>(.*?)</td></tr>', sec)
strip = lambda h: re.sub(r'<[^>]*>', '', h)
rows = [(c, k, strip(b), strip(n)) for c, k, b, n in rows]
assert ('renumbered', 'action', '2012-C:2.3', '2012-C:2.4') in rows, rows
assert ('added', 'action', '', '2012-C:2.3') in rows, rows
assert ('removed', 'action', '2012-C:2.1', '') in rows, rows
num = lambda k: int(re.search(r'id=\"since-%s\">(\d+)<' % k, sec).group(1))
assert num('introduced') == len(d['new']) == 6, (num('introduced'), len(d['new']))
assert num('fixed') == len(d['fixed']) == 3, (num('fixed'), len(d['fixed']))
assert not p['repeated_ids'], p['repeated_ids'][:10]
assert not p['broken_links'], p['broken_links']
"
check "since: the page without --since has no such section" sh -c '! grep -q "id=\"since\"" "$1"' - "$tmp/plans.html"
check "since: an unreadable OLD is trouble" sh -c '"$1" report --since "$2/missing.oap.json" -o "$2/x.html" 2012-C.oap.json 2>/dev/null; [ $? = 2 ]' - "$bin" "$tmp"

# Usage.
check "no plan" sh -c '"$1" report -o "$2/x.html" 2>/dev/null; [ $? = 2 ]' - "$bin" "$tmp"
check "unreadable plan" sh -c '"$1" report -o "$2/x.html" "$2/missing.oap.json" 2>/dev/null; [ $? = 2 ]' - "$bin" "$tmp"
check "help" "$bin" report --help >/dev/null

finish
