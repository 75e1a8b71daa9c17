#!/usr/bin/env bash
# Install: `cmake --install` into a fresh prefix, then tests/install/embed.c built as
# another project would build it, with nothing but cc and the installed oapgraph.pc, run
# against the installed shared library on the reference plan; and once more linked
# statically (pkg-config --static), which proves the .pc's private dependencies.
# usage: run.sh OAPGRAPH SOURCE_DIR BUILD_DIR VERSION LIBDIR
# VERSION is CMake's project version, LIBDIR its CMAKE_INSTALL_LIBDIR. OAP_EMBED_CC (cc)
# and OAP_EMBED_CFLAGS (none) are set by a sanitizer build, whose library needs the
# program built with the same sanitizers.
# shellcheck source=../e2e/lib/harness.sh
. "$(dirname "${BASH_SOURCE[0]}")/../e2e/lib/harness.sh"
build=$(realpath "$3")
version=$4
libdir=$5
cc=${OAP_EMBED_CC:-cc}
read -r -a cflags <<<"${OAP_EMBED_CFLAGS:-}"
require "install: needs cc, pkg-config and ldd" "$cc" pkg-config ldd
case $libdir in
/*) echo "skipped: CMAKE_INSTALL_LIBDIR ($libdir) is absolute, so no prefix moves it"; exit 77 ;;
esac
suppress_graphviz_leaks

prefix=$tmp/prefix
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
# install_prefix: cmake --install, its listing kept out of the test's output.
# shellcheck disable=SC2317 # called through check
install_prefix() {
    cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || {
        cat "$tmp/install.log"
        return 1
    }
}
check "cmake --install into a fresh prefix" install_prefix
check "installed: program, headers with version.h, both libraries, oapgraph.pc" \
    test -x "$prefix/bin/oapgraph" -a -f "$prefix/include/oapgraph/oapgraph.h" \
    -a -f "$prefix/include/oapgraph/version.h" -a -f "$prefix/$libdir/liboapgraph.a" \
    -a -L "$prefix/$libdir/liboapgraph.so" -a -f "$prefix/$libdir/liboapgraph.so.$version" \
    -a -f "$PKG_CONFIG_PATH/oapgraph.pc"
check "installed: shell completion for bash and zsh" \
    test -f "$prefix/share/bash-completion/completions/oapgraph" \
    -a -f "$prefix/share/zsh/site-functions/_oapgraph"

# The .pc finds the prefix from its own place, wherever the install went.
pc_prefix=$(pkg-config --variable=prefix oapgraph)
if [ "$(realpath "$pc_prefix")" = "$(realpath "$prefix")" ]; then
    ok "pkg-config --variable=prefix is the install prefix"
else
    no "pkg-config --variable=prefix: '$pc_prefix', not the install prefix '$prefix'"
fi
check "pkg-config --modversion is the project version" \
    test "$(pkg-config --modversion oapgraph)" = "$version"

# Built with only what pkg-config says; the linker takes the shared library.
# shellcheck disable=SC2046 # pkg-config's flags are words
check "cc embed.c \$(pkg-config --cflags --libs oapgraph)" \
    "$cc" "${cflags[@]}" "$src/tests/install/embed.c" -o "$tmp/embed" \
    $(pkg-config --cflags --libs oapgraph)
[ -x "$tmp/embed" ] || finish
LD_LIBRARY_PATH="$prefix/$libdir" ldd "$tmp/embed" >"$tmp/ldd"
soname=liboapgraph.so.${version%%.*}
check "embed runs with the installed $soname" \
    grep -qF "$soname => $prefix/$libdir/$soname " "$tmp/ldd"

# What embed prints: the plan, its actions (as the plan file has them, read here by
# Python), that two checks of one set agree, the findings as `oapgraph check` prints them (the first
# lines and the counts written out here, the rest from the installed program), the
# diagram's size and the version of the library that ran.
cd "$src/fixtures" || exit 2
ref=2012-C.oap.json
"$prefix/bin/oapgraph" check -q --no-config "$ref" >"$tmp/check"
cat >"$tmp/want-head" <<'OUT'
2012-C.oap.json:123:9: info: action 1.3 refers to action 2.1, but 2.1 does not refer back to 1.3 [one-way-ref]
2012-C.oap.json:134:82: warning: action 2.1 mentions Action 1.3 in its title, but neither its refs nor its needs list 1.3 [undeclared-mention]
2012-C.oap.json:189:9: info: action 2.2 refers to B:*: no loaded plan carries priority B; load its plan to check this reference [external-ref]
OUT
{
    echo "plan 2012-C: 16 actions"
    python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))
for a in p["actions"]:
    line = "%s %s (%s): led by %s" % (p["plan"]["id"], a["id"], a["goal"], " ".join(a["leaders"]))
    if a.get("phases"):
        line += "; %d phases" % len(a["phases"])
    print(line)
' "$ref"
    echo "checked twice: the same findings, located alike"
    cat "$tmp/want-head"
    tail -n +4 "$tmp/check"
    echo "16 findings: error 0, warning 1, info 15"
    echo "svg: 19 nodes, 14 edges, 7 clusters"
    echo "library version $version"
} >"$tmp/want"
expect "oapgraph check: the same findings" 0 "$tmp/want-head" - -- head -n 3 "$tmp/check"
expect "embed against the shared library" 0 "$tmp/want" "$empty" -- \
    env LD_LIBRARY_PATH="$prefix/$libdir" "$tmp/embed" "$ref"

# Linked statically, liboapgraph.a needs what Requires.private and Libs.private name.
# shellcheck disable=SC2046
check "cc embed.c \$(pkg-config --static --cflags --libs oapgraph), liboapgraph.a" \
    "$cc" "${cflags[@]}" "$src/tests/install/embed.c" -o "$tmp/embed-static" \
    $(pkg-config --static --cflags --libs oapgraph | sed 's/-loapgraph\b/-l:liboapgraph.a/')
[ -x "$tmp/embed-static" ] || finish
# shellcheck disable=SC2016 # $1 is the inner shell's
check "embed linked statically uses no liboapgraph.so" \
    bash -c '! ldd "$1" | grep -q liboapgraph' - "$tmp/embed-static"
expect "embed against the static library" 0 "$tmp/want" "$empty" -- "$tmp/embed-static" "$ref"

finish
