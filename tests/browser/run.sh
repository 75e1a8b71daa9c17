#!/usr/bin/env bash
# The HTML report in Chromium, headless (tests/browser/README.md). CTest label browser,
# kept out of valgrind. Skipped (exit 77) only when Chromium or puppeteer-core cannot be
# had, and never in CI (CI=true): there a missing browser is a failure.
# usage: run.sh OAPGRAPH SOURCE_DIR BUILD_DIR [SCREENSHOT]   SCREENSHOT: where to copy the
#        first screen of the 2012 report (the report-screenshot target's graphs/ copy)
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
build=$(realpath "$3")
shot=${4:-}
chromium=${CHROMIUM:-/usr/bin/chromium}

skip() {
    if [ "${CI:-}" = true ]; then
        echo "FAIL browser test cannot run in CI: $1"
        exit 1
    fi
    echo "SKIP browser test: $1"
    exit 77
}
[ -x "$chromium" ] || skip "no Chromium at $chromium (Debian: apt-get install chromium)"
command -v node >/dev/null && command -v npm >/dev/null || skip "no node and npm (Debian: nodejs npm)"
command -v pdftotext >/dev/null || skip "no pdftotext (Debian: poppler-utils)"

# puppeteer-core, as package-lock.json pins it, in the build tree.
mods=$build/browser
if ! cmp -s "$src/tests/browser/package-lock.json" "$mods/package-lock.json" ||
    [ ! -d "$mods/node_modules/puppeteer-core" ]; then
    mkdir -p "$mods"
    cp "$src/tests/browser/package.json" "$src/tests/browser/package-lock.json" "$mods/"
    (cd "$mods" && npm ci --no-audit --no-fund >"$mods/npm.log" 2>&1) ||
        skip "npm ci of puppeteer-core failed (see $mods/npm.log)"
fi

out=$build/browser/out
rm -rf "$out"
mkdir -p "$out"
export LSAN_OPTIONS="suppressions=$src/tests/e2e/graphviz.lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
cd "$src/fixtures" || exit 2
"$bin" report -o "$out/plans.html" 2012-B.oap.json 2012-C.oap.json 2012-F.oap.json || exit 1
"$bin" report -o "$out/hostile.html" hostile || exit 1
"$bin" check --no-config --format json 2012-B.oap.json 2012-C.oap.json 2012-F.oap.json \
    >"$out/check.json" 2>/dev/null
NODE_PATH=$mods/node_modules node "$src/tests/browser/report.mjs" "$chromium" "$out" "$mods" || exit 1
if [ -n "$shot" ]; then
    cp "$out/plans-top.png" "$shot" && echo "wrote $shot"
fi
