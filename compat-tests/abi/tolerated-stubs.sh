#!/bin/bash
# compat-tests/tolerated-stubs.tsv justifies the stubs gnossl keeps on
# purpose.  It must stay honest:
#  - every tier-1 function that is a stub in this build is listed (a stub a
#    tier-1 program imports is either made real or justified there);
#  - every listed function is still a stub (the table only shrinks: delete the
#    line of a function that became real), and exported by GnuTLS;
#  - its consumers column is exactly the census consumers importing it, and
#    the reason is not empty;
#  - gnossl-coverage shows them as "stub (tolerated)" and still counts them as
#    stubs; gnossl-doctor prints the reason beside them;
#  - compat-tests/gnutls-unimplemented.tsv (what GnuTLS 3.7.9 itself does not
#    implement) lists only stubs, none of them also tolerated.
set -eu
build=${GNOSSL_BUILD:?}; src=${GNOSSL_SRC:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rc=0
python3 - "$build/stubs.c" "$src" <<'PY' || rc=1
import os, re, sys
stubs_c, src = sys.argv[1], sys.argv[2]
stubs = set(re.findall(r"^GNOSSL_STUB_[A-Z]+\(\s*([A-Za-z0-9_]+)", open(stubs_c).read(), re.M))
def tsv(path):
    lines = [l.rstrip("\n").split("\t") for l in open(path) if l.strip() and not l.startswith("#")]
    return [dict(zip(lines[0], l)) for l in lines[1:]]
cons = os.path.join(src, "compat-tests", "consumers")
tier1 = {r["symbol"] for r in tsv(os.path.join(cons, "tiers.tsv")) if r["tier"] == "1"}
abi = {l.split("\t")[0] for l in open(os.path.join(src, "abi.symbols")) if l.strip() and not l.startswith("#")}
importers = {}
for r in tsv(os.path.join(cons, "imports.tsv")):
    importers.setdefault(r["symbol"], set()).add(os.path.basename(r["consumer"]))
table = tsv(os.path.join(src, "compat-tests", "tolerated-stubs.tsv"))
fail = 0
def bad(msg):
    global fail
    print("FAIL:", msg)
    fail = 1
listed = set()
for r in table:
    name = r["symbol"]
    if name in listed:
        bad("%s listed twice" % name)
    listed.add(name)
    if name not in abi:
        bad("%s is not a GnuTLS 3.7.9 symbol" % name)
    elif name not in stubs:
        bad("%s is real now: delete its line from tolerated-stubs.tsv" % name)
    if not r.get("why", "").strip():
        bad("%s: no reason given" % name)
    have = set(r.get("consumers", "").split())
    want = importers.get(name, set())
    if have != want:
        bad("%s: consumers column %s, but the census importers are %s" % (
            name, " ".join(sorted(have)), " ".join(sorted(want))))
# GnuTLS's own unimplemented functions (gnutls-unimplemented.tsv; its answers
# are checked by diff-core-unimplemented): still stubs, GnuTLS names, and
# never also in the tolerated table.
for r in tsv(os.path.join(src, "compat-tests", "gnutls-unimplemented.tsv")):
    name = r["symbol"]
    if name not in abi:
        bad("gnutls-unimplemented.tsv: %s is not a GnuTLS 3.7.9 symbol" % name)
    elif name not in stubs:
        bad("gnutls-unimplemented.tsv: %s is real now: delete its line" % name)
    if name in listed:
        bad("%s is in both tolerated-stubs.tsv and gnutls-unimplemented.tsv" % name)
    if r.get("answer") not in ("GNUTLS_E_UNIMPLEMENTED_FEATURE", "0", "-1", "void") or not r.get("why", "").strip():
        bad("gnutls-unimplemented.tsv: %s: bad answer or no reason" % name)
unlisted = sorted((tier1 & stubs) - listed)
for name in unlisted:
    bad("tier-1 stub %s is neither real nor justified in tolerated-stubs.tsv (imported by %s)" % (
        name, " ".join(sorted(importers.get(name, ())))))
print("tolerated stubs: %d listed; tier-1 stubs: %d, %d unlisted" % (
    len(listed), len(tier1 & stubs), len(unlisted)))
sys.exit(fail)
PY
# The tools: still stubs, shown as tolerated, with the reason.
first=$(awk -F'\t' '!/^#/ && NR > 1 && $1 != "symbol" {print $1; exit}' "$src/compat-tests/tolerated-stubs.tsv")
if [ -n "$first" ] && grep -q "^GNOSSL_STUB_[A-Z]*( *$first\b" "$build/stubs.c"; then
    python3 "$src/tools/gnossl-coverage" --build "$build" --matrix "$tmp/matrix"
    awk -F'\t' -v s="$first" '$1 == s && $4 == "stub (tolerated)" && $NF != "-" {ok=1} END {exit !ok}' "$tmp/matrix" ||
        { echo "FAIL: the matrix does not show $first as 'stub (tolerated)' with its reason"; rc=1; }
    python3 "$src/tools/gnossl-coverage" --build "$build" >"$tmp/report"
    n=$(sed -n 's/^gnossl coverage: .*, \([0-9]*\) stub (\([0-9]*\) tolerated).*/\1 \2/p' "$tmp/report")
    stubs=$(grep -c '^GNOSSL_STUB_' "$build/stubs.c")
    [ "${n% *}" = "$stubs" ] && [ "${n#* }" -ge 1 ] ||
        { echo "FAIL: coverage counts '$n', expected $stubs stubs including the tolerated ones"; rc=1; }
    printf 'extern void %s(void);\nint main(void) { %s(); return 0; }\n' "$first" "$first" >"$tmp/p.c"
    cc -o "$tmp/p" "$tmp/p.c" -lgnutls
    code=0; python3 "$src/tools/gnossl-doctor" --lib "$build" "$tmp/p" >"$tmp/doc" 2>&1 || code=$?
    [ $code -eq 1 ] || { echo "FAIL: doctor exit $code for a program importing tolerated stub $first (still a stub: 1)"; rc=1; }
    grep -q "stub *$first@.*(tolerated: ..*)" "$tmp/doc" ||
        { echo "FAIL: doctor does not print the reason for $first"; cat "$tmp/doc"; rc=1; }
fi
exit $rc
