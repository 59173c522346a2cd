#!/bin/bash
# gnossl-doctor over the whole consumer census (compat-tests/consumers: every
# Debian 12 program, library and plug-in linked to libgnutls.so.30): each must
# get "will load", i.e. every symbol it imports resolves and every stub among
# them is one GnuTLS itself does not implement or is tolerated, with a checked
# reason, for that very file.  Installed consumers are read from their ELF
# files (with the libraries they load); the others from the census's record
# of their imports.  A failure names the consumer and the imports that keep
# it from loading cleanly.
set -eu
build=${GNOSSL_BUILD:?}; src=${GNOSSL_SRC:?}
census=$src/compat-tests/consumers
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

rc=0
python3 "$src/tools/gnossl-doctor" --lib "$build" --census "$census" >"$tmp/out" 2>"$tmp/err" || rc=$?
cat "$tmp/err"
n=$(($(wc -l <"$census/consumers.tsv") - 1))
summary=$(grep '^census: ' "$tmp/out" || true)
echo "$summary"
fail=0
[ -z "$(cat "$tmp/err")" ] || { echo "FAIL: the doctor wrote errors"; fail=1; }
# Each consumer's report: its lines up to its verdict.  Print the reports of
# those not at "will load" with what keeps them there.
awk -v n="$n" '
    /^gnossl: / { next }
    / verdict: / {
        seen++
        if ($0 !~ / verdict: will load( \(|$)/) {
            bad++
            printf "FAIL: %s\n", $0
            for (i = 0; i < m; i++)
                if (lines[i] ~ /^  (missing|stub) / && lines[i] !~ /\((tolerated|as GnuTLS): [^o]/)
                    printf "   %s\n", substr(lines[i], 1, 160)
        }
        m = 0
        next
    }
    /^census: / { next }
    { lines[m++] = $0 }
    END {
        if (seen != n) { printf "FAIL: %d verdicts for %d census consumers\n", seen, n; bad++ }
        exit bad > 0
    }' "$tmp/out" || fail=1
[ "$summary" = "${summary/ 0 may degrade, 0 will not load, 0 errors/}" ] && fail=1
[ $rc -eq 0 ] || { echo "FAIL: doctor exit $rc (0 = every consumer will load)"; fail=1; }
[ $fail -eq 0 ] && echo "doctor-census: all $n census consumers will load on gnossl"
exit $fail
