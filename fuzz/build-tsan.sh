#!/bin/bash
# ThreadSanitizer run of the threads test (compat-tests/unit/test-hard-threads.c)
# against gnossl's real code compiled with clang -fsanitize=thread.
#
# usage: fuzz/build-tsan.sh [OUTDIR]     (default: build-tsan)
#
# OpenSSL itself is not instrumented: TSan sees its locks (pthread
# interceptors) but not its memory accesses, so what it reports is about
# gnossl's own shared state.  Sizes are reduced (TSan is ~10x slower).
set -eu
cd "$(dirname "$0")/.."
out=${1:-build-tsan}
mkdir -p "$out/obj"
out=$(cd "$out" && pwd)
# Objects are rebuilt when their .c changes; a changed header (struct layouts
# between rooms) makes every object stale, so start over then.
if [ -f "$out/libgnossl-real.a" ] && [ -n "$(find src include -name '*.h' -newer "$out/libgnossl-real.a" | head -1)" ]; then
    rm -f "$out"/obj/*.o
fi
CC=${CC:-$(command -v clang-14 || command -v clang)}
JOBS=${JOBS:-$(nproc)}
CFLAGS="-g -O1 -std=gnu11 -D_GNU_SOURCE -fvisibility=hidden -Iinclude -Isrc -fsanitize=thread"
python3 tools/list-sources src | grep -v '^$' | while read -r f; do
    o=$out/obj/$(echo "$f" | tr / _).o
    if [ ! -f "$o" ] || [ "$f" -nt "$o" ]; then echo "$f $o"; fi
done | xargs -r -P "$JOBS" -n 2 sh -c "$CC $CFLAGS -c \"\$0\" -o \"\$1\""
rm -f "$out/libgnossl-real.a"
ar rcs "$out/libgnossl-real.a" $(python3 tools/list-sources src | grep -v '^$' | sed "s|/|_|g; s|\$|.o|; s|^|$out/obj/|")
python3 tools/gen-stubs abi.symbols "$out/stubs.c" "$(command -v nm)" "$out/libgnossl-real.a"
$CC $CFLAGS -Isrc/unimplemented -c "$out/stubs.c" -o "$out/stubs.o"
$CC $CFLAGS -DHARD_SESSIONS=${HARD_SESSIONS:-10} -DHARD_BULK=${HARD_BULK:-65536} \
    compat-tests/unit/test-hard-threads.c "$out/stubs.o" \
    -Wl,--whole-archive "$out/libgnossl-real.a" -Wl,--no-whole-archive \
    $(pkg-config --cflags --libs check libssl libcrypto libidn2) -lunistring -lpthread -o "$out/test-hard-threads"
# Self-check: a plain data race must be reported (exit 66), so that a TSan
# that sees nothing cannot pass for a clean run.
printf '#include <pthread.h>\nint x;\nstatic void *f(void *a) { x++; return a; }\nint main(void) { pthread_t t; pthread_create(&t, 0, f, 0); x++; pthread_join(t, 0); return 0; }\n' > "$out/race.c"
$CC -g -fsanitize=thread "$out/race.c" -o "$out/race" -lpthread
if TSAN_OPTIONS= "$out/race" > "$out/race.log" 2>&1 || ! grep -q "data race" "$out/race.log"; then
    echo "TSan self-check: a data race was not reported"; exit 1
fi
echo "running $out/test-hard-threads under TSan"
CK_FORK=no TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0:second_deadlock_stack=1} "$out/test-hard-threads"
