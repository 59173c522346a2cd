#!/bin/bash
# compat-tests/valgrind/run.sh BUILD
# The TLS tests under valgrind memcheck (--leak-check=full, default leak kinds
# definite+possible, --error-exitcode=1): every unit test-tls-* and
# test-cred-* (CK_FORK=no, so the checks run in the process valgrind watches;
# test-hard-faults is left to the ASan run: ~4 min under valgrind), and
# every differential tls-* and hard-* program on gnossl alone
# (LD_LIBRARY_PATH=BUILD: the program and gnossl are checked, not the real
# GnuTLS).  Two at a time.  Exit 1 if any program has a valgrind report or
# fails; logs in BUILD/valgrind-logs/.
#
# First a self-check: a program that leaks 64 bytes must make valgrind fail,
# so that a broken valgrind setup cannot pass silently.
#
# No suppression file: these programs give no report from OpenSSL, libc or
# GnuTLS's dependencies.  If third-party noise ever appears, add a commented
# suppression to compat-tests/valgrind/third-party.supp (read when present);
# never suppress gnossl's own code.
set -u
build=$(cd "${1:?usage: run.sh BUILD}" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
logs=$build/valgrind-logs
rm -rf "$logs"; mkdir -p "$logs"
supp=$src/compat-tests/valgrind/third-party.supp
VG=(valgrind -q --leak-check=full --error-exitcode=1 --num-callers=30
    --trace-children=yes "--trace-children-skip=/usr/*,/bin/*,/sbin/*")
[ -f "$supp" ] && VG+=(--suppressions="$supp")

command -v valgrind >/dev/null || { echo "valgrind not installed"; exit 1; }

# Self-check.
printf '#include <stdlib.h>\nint main(void){void *volatile p = malloc(64); p = 0; return p != 0;}\n' > "$logs/leak.c"
cc -g -O0 -o "$logs/leak" "$logs/leak.c" || exit 1
if "${VG[@]}" "$logs/leak" > "$logs/self-check.log" 2>&1; then
    echo "valgrind self-check: a 64-byte leak was not reported"; exit 1
fi
grep -q "definitely lost" "$logs/self-check.log" || { echo "valgrind self-check: no leak report"; cat "$logs/self-check.log"; exit 1; }

progs=()
for f in "$build"/compat-tests/test-tls-* "$build"/compat-tests/test-cred-* \
         "$build"/compat-tests/diff-tls-* "$build"/compat-tests/diff-hard-*; do
    [ -x "$f" ] && [ -f "$f" ] && progs+=("$f")
done
[ ${#progs[@]} -gt 0 ] || { echo "no test programs in $build"; exit 1; }

one() { # PROG: run it under valgrind; print one result line
    local p=$1 name log s rc
    name=$(basename "$p"); log=$logs/$name.log
    s=$(date +%s)
    case $name in
        test-*) CK_FORK=no GNOSSL_SRC=$src GNOSSL_BUILD=$build timeout 900 "${VG[@]}" "$p" > "$log" 2>&1 ;;
        diff-*) GNOSSL_SRC=$src GNOSSL_BUILD=$build LD_LIBRARY_PATH=$build timeout 900 "${VG[@]}" "$p" > "$log" 2>&1 ;;
    esac
    rc=$?
    if [ $rc -eq 0 ]; then
        echo "ok   $name ($(( $(date +%s) - s )) s)"
    else
        echo "FAIL $name (exit $rc, $(( $(date +%s) - s )) s): $log"
        grep -E '^==[0-9]+== ' "$log" | head -40 | sed 's/^/    /'
    fi
}
export -f one
export logs src build
VGS=$(printf '%q ' "${VG[@]}"); export VGS

start=$(date +%s)
printf '%s\n' "${progs[@]}" | xargs -P 2 -I{} bash -c 'eval "VG=($VGS)"; one "$1"' _ {} > "$logs/summary" 2>&1
cat "$logs/summary"
fails=$(grep -c '^FAIL' "$logs/summary")
echo "valgrind: ${#progs[@]} programs, $fails with reports or failures, $(( $(date +%s) - start )) s"
[ "$fails" -eq 0 ]
