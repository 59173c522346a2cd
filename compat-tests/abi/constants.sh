#!/bin/bash
# Our public headers say what GnuTLS 3.7.9's say: every enum constant and
# object-like macro has the reference value (and type), every public struct
# the reference size, alignment and member offsets, every typedef and every
# declared function/variable of abi.symbols the reference type (compared as
# the C++ ABI mangles it, so typedefs and struct tags count), and the same
# macro names exist.  One generated program, compiled against each header
# set, prints all of it; the two outputs must be identical.
set -eu
src=${GNOSSL_SRC:?}
ours=$src/include
ref=/usr/include
[ -e "$ref/gnutls/gnutls.h" ] || { echo "SKIP: reference headers (libgnutls28-dev) not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0

# Our headers must be self-contained: none may reach the reference ones.
for h in "$ours"/gnutls/*.h; do printf '#include <gnutls/%s>\n' "${h##*/}"; done >"$tmp/all.c"
if gcc -M -I "$ours" "$tmp/all.c" | tr -s ' \\\n' '\n' | grep -q "^$ref/gnutls/"; then
    echo "FAIL: our headers include files from $ref/gnutls"; fail=1
fi
# ...and clean C for consumers building with warnings on.
gcc -std=gnu11 -Wall -Wextra -Werror -fsyntax-only -I "$ours" "$tmp/all.c" ||
    { echo "FAIL: our headers do not compile cleanly as C"; fail=1; }
g++ -std=gnu++17 -Wall -Wextra -Werror -Wno-deprecated-declarations -fsyntax-only -x c++ -I "$ours" "$tmp/all.c" ||
    { echo "FAIL: our headers do not compile cleanly as C++"; fail=1; }

python3 "$src/compat-tests/abi/header-facts.py" "$tmp" "$src/abi.symbols" "$ours" "$ref"
if ! diff -u "$tmp/macros-b.txt" "$tmp/macros-a.txt" >"$tmp/d"; then
    echo "FAIL: macro names differ (- reference, + ours):"; grep '^[-+][^-+]' "$tmp/d"; fail=1
fi
if ! diff -u "$tmp/dropped-b.txt" "$tmp/dropped-a.txt" >"$tmp/d"; then
    echo "FAIL: items that are not usable the same way in both header sets"
    echo "      (+ fails only with ours, - fails only with the reference):"
    grep '^[-+][^-+]' "$tmp/d"; fail=1
fi
g++ -std=gnu++17 -w -I "$ours" "$tmp/facts.cc" -o "$tmp/facts-ours"
g++ -std=gnu++17 -w -I "$ref" "$tmp/facts.cc" -o "$tmp/facts-ref"
"$tmp/facts-ours" >"$tmp/ours.txt"
"$tmp/facts-ref" >"$tmp/ref.txt"
if ! diff -u "$tmp/ref.txt" "$tmp/ours.txt" >"$tmp/d"; then
    echo "FAIL: header facts differ (- reference, + ours):"; grep '^[-+][^-+]' "$tmp/d" | head -100; fail=1
fi
# The parser must have found the structs everybody uses.
for s in gnutls_datum_t gnutls_range_st gnutls_library_config_st gnutls_typed_vdata_st \
         gnutls_ocsp_data_st gnutls_pcert_st gnutls_x509_ext_st gnutls_keygen_data_st; do
    grep -q "^layout $s " "$tmp/ours.txt" || { echo "FAIL: no layout checked for $s"; fail=1; }
done
for k in const layout member typedef symbol; do
    printf '%s=%s ' "$k" "$(grep -c "^$k " "$tmp/ours.txt")"
done
echo "(compared with $ref/gnutls)"
[ "$(grep -c '^const ' "$tmp/ours.txt")" -gt 1000 ] || { echo "FAIL: too few constants found"; fail=1; }
[ "$(grep -c '^symbol ' "$tmp/ours.txt")" -gt 1200 ] || { echo "FAIL: too few prototypes found"; fail=1; }
exit $fail
