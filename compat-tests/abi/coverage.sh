#!/bin/bash
# The committed coverage matrix (compat-tests/coverage-matrix.tsv) is what the
# code says now: regenerated from abi.symbols, the build's stubs.c and the
# built library's exports, it must be identical.  When it is stale, run
#   tools/gnossl-coverage --build BUILD --write
set -eu
build=${GNOSSL_BUILD:?}; src=${GNOSSL_SRC:?}
python3 "$src/tools/gnossl-coverage" --build "$build" --lib "$build/libgnutls.so.30" | head -1
python3 "$src/tools/gnossl-coverage" --build "$build" --lib "$build/libgnutls.so.30" \
    --check "$src/compat-tests/coverage-matrix.tsv"
