#!/bin/bash
# Run every gnossl fuzz harness for a while on its seed corpus.
#
# usage: fuzz/run-short.sh [SECONDS] [BUILD]   (defaults: 60, build-fuzz)
#
# Builds the harnesses if BUILD has none (fuzz/build.sh), generates the seed
# corpora with the real GnuTLS (BUILD/gen-seeds) if missing, then runs each
# harness for SECONDS on BUILD/corpus/<harness> (kept between runs, so the
# corpus grows).  Crash/leak inputs land in BUILD/artifacts/<harness>/.
# Exit status: 0 when no harness found anything, 1 otherwise.
# Environment: FUZZ_ONLY="server client" runs just those harnesses.
set -u
cd "$(dirname "$0")/.."
secs=${1:-60}
build=${2:-build-fuzz}
[ -x "$build/fuzz-server" ] || fuzz/build.sh "$build" || exit 1
if [ ! -d "$build/seeds" ]; then
    "$build/gen-seeds" "$build/seeds" || exit 1
    fuzz/gen-ocsp-seed.sh "$build/seeds" || exit 1
fi
harnesses=${FUZZ_ONLY:-"server client session-ops x509 priority encoding"}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
rc=0
for h in $harnesses; do
    mkdir -p "$build/corpus/$h" "$build/artifacts/$h" "$build/seeds/$h"
    log=$build/fuzz-$h.log
    "$build/fuzz-$h" -max_total_time="$secs" -print_final_stats=1 -timeout=20 -rss_limit_mb=2048 \
        -artifact_prefix="$build/artifacts/$h/" "$build/corpus/$h" "$build/seeds/$h" > "$log" 2>&1
    r=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1)
    corp=$(ls "$build/corpus/$h" | wc -l)
    if [ $r -ne 0 ]; then
        rc=1
        echo "fuzz-$h: FOUND A PROBLEM (exit $r) after ${execs:-?} runs; see $log and $build/artifacts/$h/"
        grep -m3 -E 'ERROR: |runtime error|SUMMARY' "$log" | sed 's/^/    /'
    else
        echo "fuzz-$h: ${secs}s, ${execs:-?} runs, $cov, $ft, corpus $corp files, nothing found"
    fi
done
exit $rc
