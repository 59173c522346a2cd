#!/bin/bash
# Build the libFuzzer harnesses against gnossl's real code.
#
# usage: fuzz/build.sh [OUTDIR]        (default: build-fuzz)
#
# Compiles every src/**/*.c with clang and -fsanitize=fuzzer-no-link,address,
# undefined into a static archive, generates the typed stubs for whatever
# that archive does not define (tools/gen-stubs, as the meson build does),
# and links each fuzz/fuzz-*.c with -fsanitize=fuzzer (whole archive: the rooms
# reach each other through weak references, which never pull archive members).  Also builds
# fuzz/gen-seeds (against the system's real libgnutls) for the seed corpora.
# Environment: CC (default clang-14 or clang), JOBS (default nproc).
set -eu
cd "$(dirname "$0")/.."
src=$PWD
out=${1:-build-fuzz}
mkdir -p "$out/obj"
out=$(cd "$out" && pwd)
# Objects are rebuilt when their .c changes; a changed header (struct layouts
# between rooms) makes every object stale, so start over then.
if [ -f "$out/libgnossl-real.a" ] && [ -n "$(find src include -name '*.h' -newer "$out/libgnossl-real.a" | head -1)" ]; then
    rm -f "$out"/obj/*.o
fi
CC=${CC:-$(command -v clang-14 || command -v clang)}
JOBS=${JOBS:-$(nproc)}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
CFLAGS="-g -O1 -std=gnu11 -D_GNU_SOURCE -fvisibility=hidden -Iinclude -Isrc $SAN"
# the same external libraries as meson.build
LIBS="$(pkg-config --libs libssl libcrypto libidn2) -lunistring -lpthread"

# 1. real code, compiled in parallel; objects are named after their path
python3 tools/list-sources src | grep -v '^$' | while read -r f; do
    o=$out/obj/$(echo "$f" | tr / _).o
    if [ ! -f "$o" ] || [ "$f" -nt "$o" ] || [ src/gnossl.h -nt "$o" ]; then
        echo "$f $o"
    fi
done | xargs -r -P "$JOBS" -n 2 sh -c "$CC $CFLAGS -fsanitize=fuzzer-no-link -c \"\$0\" -o \"\$1\""
rm -f "$out/libgnossl-real.a"
ar rcs "$out/libgnossl-real.a" $(python3 tools/list-sources src | grep -v '^$' | sed "s|/|_|g; s|\$|.o|; s|^|$out/obj/|")

# 2. stubs for the rest of the ABI
python3 tools/gen-stubs abi.symbols "$out/stubs.c" "$(command -v nm)" "$out/libgnossl-real.a"
$CC $CFLAGS -fsanitize=fuzzer-no-link -Isrc/unimplemented -c "$out/stubs.c" -o "$out/stubs.o"

# 3. harnesses
for h in fuzz/fuzz-*.c; do
    name=$(basename "$h" .c)
    $CC $CFLAGS -fsanitize=fuzzer "$h" "$out/stubs.o" -Wl,--whole-archive "$out/libgnossl-real.a" -Wl,--no-whole-archive $LIBS -o "$out/$name"
    echo "built $out/$name"
done

# 4. seed generator: runs the real GnuTLS (system libgnutls) in process
cc -O1 -g -Wall -Wextra -Wno-deprecated-declarations -Wno-unused-function fuzz/gen-seeds.c -o "$out/gen-seeds" -lgnutls
echo "built $out/gen-seeds"
