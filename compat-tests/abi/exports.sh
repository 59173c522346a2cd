#!/bin/bash
# The built library exports exactly abi.symbols (name, version node, kind,
# data size), and exactly what the reference libgnutls.so.30 exports,
# version-node markers, version definitions (parent chain) and SONAME included.
set -eu
build=${GNOSSL_BUILD:?}; src=${GNOSSL_SRC:?}
lib=$build/libgnutls.so.30
ref=/lib/x86_64-linux-gnu/libgnutls.so.30
x="python3 $src/compat-tests/abi/elf-exports.py"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0

$x "$lib" >"$tmp/ours"
$x --abi "$src/abi.symbols" >"$tmp/abi"
grep '^sym ' "$tmp/ours" >"$tmp/ours.sym" || true
if ! diff -u "$tmp/abi" "$tmp/ours.sym" >"$tmp/d1"; then
    echo "FAIL: exported symbols differ from abi.symbols (- abi.symbols, + built):"
    grep '^[-+]sym' "$tmp/d1" | head -50
    fail=1
fi
# Anything exported that is neither a symbol of abi.symbols nor the version
# machinery (unversioned or non-default-versioned names) is a leak.
if grep -E '^(unversioned|nondefault|[a-z]+ [^ ]+ [^ ]+ (notype|common))' "$tmp/ours" >"$tmp/odd"; then
    echo "FAIL: unexpected exports:"; head -20 "$tmp/odd"; fail=1
fi
grep -qx 'soname libgnutls.so.30' "$tmp/ours" || { echo "FAIL: SONAME is not libgnutls.so.30"; fail=1; }

names=$(grep -c '^sym ' "$tmp/ours.sym" || true)
funcs=$(grep -c '^sym [^ ]* [^ ]* func ' "$tmp/ours.sym" || true)
data=$(grep -c '^sym [^ ]* [^ ]* data ' "$tmp/ours.sym" || true)
nodes=$(grep -c '^verdef ' "$tmp/ours" || true)
markers=$(grep -c '^marker ' "$tmp/ours" || true)
echo "built: $names names ($funcs functions, $data data), $nodes version nodes, $markers node markers"
# The counts GnuTLS 3.7.9 has: a change here is an ABI change.
[ "$names/$funcs/$data/$nodes/$markers" = 1339/1297/42/21/21 ] ||
    { echo "FAIL: expected 1339 names (1297 functions, 42 data), 21 nodes, 21 markers"; fail=1; }
# Each node's marker carries its own node.
if grep '^marker ' "$tmp/ours" | awk '$2 != $3' | grep -q .; then
    echo "FAIL: version-node marker with a foreign version"; fail=1
fi

if [ -e "$ref" ]; then
    $x "$ref" >"$tmp/ref"
    if ! diff -u "$tmp/ref" "$tmp/ours" >"$tmp/d2"; then
        echo "FAIL: exports differ from the reference $ref (- reference, + built):"
        grep '^[-+][a-z]' "$tmp/d2" | head -50
        fail=1
    else
        echo "identical to the reference $(readlink -f "$ref")"
    fi
else
    echo "note: reference $ref not installed; compared with abi.symbols only"
fi
exit $fail
