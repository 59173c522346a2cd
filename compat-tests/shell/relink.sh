# Relinking: install gnossl into a scratch prefix, then build existing GnuTLS
# code (every differential program, written against the real GnuTLS) with
# `pkg-config --cflags --libs gnutls` resolving to gnossl, and run it.
set -eu
build=${GNOSSL_BUILD:?}; src=${GNOSSL_SRC:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
DESTDIR=$tmp/root meson install -C "$build" --no-rebuild >/dev/null
prefix=$(sed -n 's/^prefix=//p' "$build"/meson-private/gnutls.pc)
pcdir=$(dirname "$(find "$tmp/root" -name gnutls.pc | head -1)")
pc() { PKG_CONFIG_PATH=$pcdir pkg-config --define-variable=prefix="$tmp/root$prefix" "$@" gnutls; }
[ "$(pc --modversion)" = 3.7.9 ] || { echo "gnutls.pc version: $(pc --modversion)"; exit 1; }
libdir=$(pc --variable=libdir)
n=0
for f in "$src"/compat-tests/diff/*.c; do
    exe=$tmp/$(basename "$f" .c)
    # shellcheck disable=SC2046
    cc -Wall -Wno-deprecated-declarations -o "$exe" "$f" $(pc --cflags) $(pc --libs)
    loaded=$(LD_LIBRARY_PATH=$libdir LD_TRACE_LOADED_OBJECTS=1 "$exe" | awk '/libgnutls.so.30/ {print $3}')
    case $loaded in
        "$libdir"/*) ;;
        *) echo "$exe resolves libgnutls.so.30 to '$loaded', not the installed gnossl"; exit 1 ;;
    esac
    LD_LIBRARY_PATH=$libdir "$exe" > "$tmp/out" 2>&1 || { echo "$f failed when relinked:"; tail "$tmp/out"; exit 1; }
    n=$((n + 1))
done
echo "relinked and ran $n programs against installed gnossl via pkg-config"
