#!/bin/bash
# tools/gnossl-doctor tells, from the ELF files alone, whether a program will
# load with gnossl: checked on real consumers (gnutls-cli, wget: counts
# recomputed independently here) and on tiny programs built here that import
# only real symbols (will load), a stub (may degrade), a tolerated stub under
# a name the table does not list (may degrade) and under one it lists (will
# load, the stub named beside the verdict), a stub GnuTLS itself does not
# implement (will load), and a symbol and a version node gnossl does not
# have (will not load, and the loader agrees); and --census on a small census.
set -eu
build=${GNOSSL_BUILD:?}; src=${GNOSSL_SRC:?}
doctor="python3 $src/tools/gnossl-doctor --lib $build"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# verdict FILE -> the verdict line's text
verdict() { sed -n 's/.*: verdict: //p' "$1" | tail -1; }

# Stub names of this build, for the independent recount.
sed -n 's/^GNOSSL_STUB_[A-Z]*(\([A-Za-z0-9_]*\).*/\1/p' "$build/stubs.c" | sort -u >"$tmp/stubs"

# Real consumers.
for exe in /usr/bin/gnutls-cli /usr/bin/wget; do
    [ -e $exe ] || { bad "$exe not installed"; continue; }
    rc=0; $doctor $exe >"$tmp/out" 2>&1 || rc=$?
    v=$(verdict "$tmp/out")
    head -2 "$tmp/out" | tail -1
    case "$rc:$v" in
        "0:will load"*|"1:may degrade") ;;
        *) bad "$exe: exit $rc, verdict '$v'"; cat "$tmp/out" ;;
    esac
    grep -q ' 0 missing' "$tmp/out" || bad "$exe: doctor reports missing symbols"
done
# wget imports GnuTLS only itself: recount its stubs from objdump.
if [ -e /usr/bin/wget ]; then
    objdump -T /usr/bin/wget | awk '/[ (]GNUTLS_[0-9A-Z_]+\)? / {print $NF}' | sort -u >"$tmp/wget.imports"
    want=$(comm -12 "$tmp/wget.imports" "$tmp/stubs" | wc -l)
    total=$(wc -l <"$tmp/wget.imports")
    $doctor /usr/bin/wget >"$tmp/out" 2>&1 || true
    got=$(sed -n 's/.*imported ([^)]*): \([0-9]*\) real, \([0-9]*\) stub.*/\1 \2/p' "$tmp/out")
    [ "$got" = "$((total - want)) $want" ] ||
        bad "wget: doctor says real/stub '$got', objdump says '$((total - want)) $want'"
    expect="will load"; [ "$want" -eq 0 ] || expect="may degrade"
    [ "$(verdict "$tmp/out")" = "$expect" ] || bad "wget: verdict is not '$expect'"
fi

# Tiny programs.
cat >"$tmp/real.c" <<'C'
#include <gnutls/gnutls.h>
int main(void) { return gnutls_global_init() || !gnutls_check_version(NULL); }
C
cc -o "$tmp/real" "$tmp/real.c" -lgnutls
rc=0; $doctor "$tmp/real" >"$tmp/out" 2>&1 || rc=$?
[ "$rc:$(verdict "$tmp/out")" = "0:will load" ] || { bad "real-only program: exit $rc"; cat "$tmp/out"; }

# importer DIR NAME SYMBOL: build DIR/NAME, a program that imports SYMBOL
importer() {
    mkdir -p "$1"
    printf 'extern void %s(void);\nint main(void) { %s(); return 0; }\n' "$3" "$3" >"$tmp/imp.c"
    cc -o "$1/$2" "$tmp/imp.c" -lgnutls
}
# symbols of a table's first column
table_syms() { awk -F'\t' '!/^#/ && $1 != "symbol" && NF {print $1}' "$1" 2>/dev/null | sort -u; }
table_syms "$src/compat-tests/tolerated-stubs.tsv" >"$tmp/tolerated"
table_syms "$src/compat-tests/gnutls-unimplemented.tsv" >"$tmp/unimplemented"

# A stub in neither table: may degrade.
stub=$(sort "$tmp/tolerated" "$tmp/unimplemented" | comm -23 "$tmp/stubs" - | head -1)
if [ -n "$stub" ]; then
    importer "$tmp" stub "$stub"
    rc=0; $doctor "$tmp/stub" >"$tmp/out" 2>&1 || rc=$?
    [ "$rc:$(verdict "$tmp/out")" = "1:may degrade" ] || { bad "program importing stub $stub: exit $rc"; cat "$tmp/out"; }
    grep -q "stub *$stub@" "$tmp/out" || bad "stub $stub not listed"
    stubver=$(sed -n "s/^ *stub *$stub@\([A-Z0-9_]*\).*/\1/p" "$tmp/out" | head -1)
fi

# A tolerated stub: its reason holds only for the files the table names.
tol=$(comm -12 "$tmp/stubs" "$tmp/tolerated" | head -1)
if [ -n "$tol" ]; then
    who=$(awk -F'\t' -v s="$tol" '$1 == s {split($2, c, " "); print c[1]}' "$src/compat-tests/tolerated-stubs.tsv")
    importer "$tmp" unlisted "$tol"
    rc=0; $doctor "$tmp/unlisted" >"$tmp/out" 2>&1 || rc=$?
    [ "$rc:$(verdict "$tmp/out")" = "1:may degrade" ] ||
        { bad "program the table does not name, importing tolerated $tol: exit $rc"; cat "$tmp/out"; }
    grep -q "stub *$tol@.*(tolerated: only for .*not checked for unlisted" "$tmp/out" ||
        bad "tolerated $tol: the doctor does not say its reason was not checked for this program"
    importer "$tmp/named" "$who" "$tol"
    rc=0; $doctor "$tmp/named/$who" >"$tmp/out" 2>&1 || rc=$?
    [ "$rc:$(verdict "$tmp/out")" = "0:will load (tolerated stubs: $tol)" ] ||
        { bad "program named $who importing $tol, tolerated for $who: exit $rc"; cat "$tmp/out"; }
    grep -q "stub *$tol@.*(tolerated: [^o]" "$tmp/out" || bad "tolerated $tol: reason not printed"
    grep -q ": 0 real, 1 stub (1 tolerated), 0 missing" "$tmp/out" || bad "a tolerated stub is not counted as a stub"
fi

# A stub GnuTLS itself does not implement (a table of our own): will load.
uni=$(head -1 "$tmp/stubs")
if [ -n "$uni" ]; then
    printf 'symbol\tanswer\twhy\n%s\t0\tnot in this GnuTLS build either\n' "$uni" >"$tmp/uni.tsv"
    importer "$tmp" uni "$uni"
    rc=0; $doctor --unimplemented "$tmp/uni.tsv" "$tmp/uni" >"$tmp/out" 2>&1 || rc=$?
    [ "$rc:$(verdict "$tmp/out")" = "0:will load (as GnuTLS stubs: $uni)" ] ||
        { bad "program importing $uni, unimplemented in GnuTLS too: exit $rc"; cat "$tmp/out"; }
    grep -q "stub *$uni@.*(as GnuTLS: not in this GnuTLS build either)" "$tmp/out" || bad "$uni: reason not printed"
fi

# --census: installed files are read, absent ones judged from imports.tsv
# (a consumer without rows imports nothing itself).
if [ -n "$stub" ]; then
    mkdir "$tmp/census"
    printf 'consumer\tpackage\tkind\tn_imports\tn_private\n' >"$tmp/census/consumers.tsv"
    for c in "$tmp/real" /nonexistent/ok /nonexistent/stubby /nonexistent/none; do
        printf '%s\tx\texe\t1\t0\n' "$c" >>"$tmp/census/consumers.tsv"
    done
    printf 'consumer\tsymbol\tversion\n/nonexistent/ok\tgnutls_global_init\tGNUTLS_3_4\n/nonexistent/stubby\t%s\t%s\n' \
        "$stub" "$stubver" >"$tmp/census/imports.tsv"
    rc=0; $doctor -q --census "$tmp/census" >"$tmp/out" 2>&1 || rc=$?
    for want in "$tmp/real: verdict: will load" "/nonexistent/ok: verdict: will load" \
                "/nonexistent/stubby: verdict: may degrade" \
                "/nonexistent/none: verdict: will load (imports no GnuTLS symbol itself)" \
                "/nonexistent/ok: 1 GnuTLS symbols imported (recorded by the census; not installed here): 1 real" \
                "census: 4 consumers: 3 will load, 1 may degrade, 0 will not load, 0 errors (3 judged from"; do
        grep -qF "$want" "$tmp/out" || bad "--census: no line '$want'"
    done
    [ $rc -eq 1 ] || bad "--census: exit $rc, expected 1 (the worst verdict, may degrade)"
    [ $fail -eq 0 ] || cat "$tmp/out"
fi

# A program linked against a fake libgnutls.so.30 that has a function and a
# version node GnuTLS 3.7.9 does not.
mkdir "$tmp/fake"
cat >"$tmp/fake/lib.c" <<'C'
int gnutls_global_init(void) { return 0; }
int gnossl_doctor_no_such_function(void) { return 0; }
const char *gnutls_check_version(const char *v) { (void)v; return "0"; }
C
cat >"$tmp/fake/lib.map" <<'M'
GNUTLS_3_4 { global: gnutls_global_init; gnossl_doctor_no_such_function; local: *; };
GNUTLS_99_0 { global: gnutls_check_version; } GNUTLS_3_4;
M
cc -shared -fPIC -o "$tmp/fake/libgnutls.so.30" -Wl,-soname,libgnutls.so.30 \
    -Wl,--version-script="$tmp/fake/lib.map" "$tmp/fake/lib.c"
ln -s libgnutls.so.30 "$tmp/fake/libgnutls.so"
cat >"$tmp/missing.c" <<'C'
int gnutls_global_init(void);
int gnossl_doctor_no_such_function(void);
const char *gnutls_check_version(const char *);
int main(void) { return gnutls_global_init() + gnossl_doctor_no_such_function() + !gnutls_check_version(0); }
C
cc -o "$tmp/missing" "$tmp/missing.c" -L"$tmp/fake" -lgnutls
rc=0; $doctor "$tmp/missing" >"$tmp/out" 2>&1 || rc=$?
cat "$tmp/out"
[ "$rc:$(verdict "$tmp/out")" = "2:will not load" ] || bad "program with missing symbols: exit $rc"
grep -q 'missing *gnossl_doctor_no_such_function@GNUTLS_3_4' "$tmp/out" || bad "missing function not listed"
grep -q 'missing *gnutls_check_version@GNUTLS_99_0' "$tmp/out" || bad "missing versioned symbol not listed"
grep -q 'missing version node GNUTLS_99_0' "$tmp/out" || bad "missing version node not listed"
grep -q ': 1 real, 0 stub, 2 missing' "$tmp/out" || bad "counts wrong (gnutls_global_init is real)"
# The dynamic loader agrees that it will not load.
if LD_BIND_NOW=1 LD_LIBRARY_PATH=$build "$tmp/missing" >"$tmp/ld" 2>&1; then
    bad "the program with missing symbols loaded after all"
fi
grep -q "GNUTLS_99_0" "$tmp/ld" || bad "loader did not complain about GNUTLS_99_0: $(cat "$tmp/ld")"

# Not an ELF file: exit 3.
rc=0; $doctor "$tmp/real.c" >/dev/null 2>&1 || rc=$?
[ $rc -eq 3 ] || bad "non-ELF input: exit $rc, expected 3"
[ $fail -eq 0 ] && echo "gnossl-doctor: all verdicts as expected"
exit $fail
