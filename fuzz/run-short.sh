#!/bin/bash
# Run every gnossl fuzz harness for a while on its seed corpus.
#
# usage: fuzz/run-short.sh [SECONDS] [BUILD]   (defaults: 60, build-fuzz)
#
# Builds the harnesses if BUILD has none (fuzz/build.sh), generates the seed
# corpora with the real GnuTLS (BUILD/gen-seeds) if missing, then:
#  1. runs each harness once over its regression inputs, fuzz/regress/<harness>/
#     (inputs that once crashed gnossl: each must now run clean);
#  2. runs each harness for SECONDS on BUILD/corpus/<harness> (kept between
#     runs, so the corpus grows), fuzz/regress/<harness> and the seeds.
# Crash/leak inputs land in BUILD/artifacts/<harness>/.
# Exit status: 0 when no harness found anything, 1 otherwise.
# Environment: FUZZ_ONLY="server client" runs just those harnesses;
# FUZZ_JOBS=N runs N harnesses at once (default 1; one core each).
set -u
cd "$(dirname "$0")/.."
secs=${1:-60}
build=${2:-build-fuzz}
[ -x "$build/fuzz-server" ] || fuzz/build.sh "$build" || exit 1
if [ ! -d "$build/seeds" ]; then
    "$build/gen-seeds" "$build/seeds.tmp" > "$build/gen-seeds.log" 2>&1 &&
        fuzz/gen-openssl-seeds.sh "$build/seeds.tmp" >> "$build/gen-seeds.log" 2>&1 ||
        { echo "seed generation failed:"; tail -20 "$build/gen-seeds.log"; exit 1; }
    mv "$build/seeds.tmp" "$build/seeds"
fi
harnesses=${FUZZ_ONLY:-"server client dtls session-ops x509 priority encoding"}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
rc=0

# 1. Regression inputs (libFuzzer runs each file given as an argument once).
for h in $harnesses; do
    reg=fuzz/regress/$h
    ls "$reg"/* >/dev/null 2>&1 || continue
    log=$build/regress-$h.log
    if "$build/fuzz-$h" -runs=1 "$reg"/* > "$log" 2>&1; then
        echo "fuzz-$h: $(ls "$reg" | wc -l) regression inputs run clean"
    else
        rc=1
        echo "fuzz-$h: A REGRESSION INPUT FAILS; see $log"
        grep -m3 -E 'ERROR: |runtime error|SUMMARY|Running: ' "$log" | sed 's/^/    /'
    fi
done

# 2. Timed runs, FUZZ_JOBS at a time; each writes one result line.
one() { # HARNESS
    local h=$1 log r execs cov ft corp reg
    mkdir -p "$build/corpus/$h" "$build/artifacts/$h" "$build/seeds/$h"
    reg=()
    [ -d "fuzz/regress/$h" ] && reg=("fuzz/regress/$h")
    log=$build/fuzz-$h.log
    "$build/fuzz-$h" -max_total_time="$secs" -print_final_stats=1 -timeout=20 -rss_limit_mb=2048 \
        -artifact_prefix="$build/artifacts/$h/" "$build/corpus/$h" "${reg[@]}" "$build/seeds/$h" > "$log" 2>&1
    r=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1)
    corp=$(ls "$build/corpus/$h" | wc -l)
    if [ $r -ne 0 ]; then
        echo "fuzz-$h: FOUND A PROBLEM (exit $r) after ${execs:-?} runs; see $log and $build/artifacts/$h/"
        grep -m3 -E 'ERROR: |runtime error|SUMMARY' "$log" | sed 's/^/    /'
    else
        echo "fuzz-$h: ${secs}s, ${execs:-?} runs, $cov, $ft, corpus $corp files, nothing found"
    fi
}
export -f one
export build secs
results=$(printf '%s\n' $harnesses | xargs -P "${FUZZ_JOBS:-1}" -I{} bash -c 'one "$1"' _ {})
printf '%s\n' "$results"
case $results in *"FOUND A PROBLEM"*) rc=1 ;; esac
exit $rc
