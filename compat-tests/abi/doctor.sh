#!/bin/bash
# tools/gnossl-doctor tells, from the ELF files alone, whether a program will
# load with gnossl: checked on real consumers (gnutls-cli, wget: counts
# recomputed independently here) and on tiny programs built here that import
# only real symbols (will load), a stub (may degrade), and a symbol and a
# version node gnossl does not have (will not load, and the loader agrees).
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
        "0:will load"|"1:may degrade") ;;
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

stub=$(head -1 "$tmp/stubs")
if [ -n "$stub" ]; then
    printf 'extern void %s(void);\nint main(void) { %s(); return 0; }\n' "$stub" "$stub" >"$tmp/stub.c"
    cc -o "$tmp/stub" "$tmp/stub.c" -lgnutls
    rc=0; $doctor "$tmp/stub" >"$tmp/out" 2>&1 || rc=$?
    [ "$rc:$(verdict "$tmp/out")" = "1:may degrade" ] || { bad "program importing stub $stub: exit $rc"; cat "$tmp/out"; }
    grep -q "stub *$stub@" "$tmp/out" || bad "stub $stub not listed"
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
