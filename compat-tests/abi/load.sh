#!/bin/bash
# Every installed consumer of libgnutls.so.30 (compat-tests/consumers) loads
# against gnossl with every symbol bound at startup (LD_BIND_NOW=1), both
# through LD_LIBRARY_PATH and through LD_PRELOAD: executables run --version
# (falling back to --help), libraries and plugins are dlopen()ed RTLD_NOW.
# Only loader errors count (symbol lookup error, undefined symbol, missing
# GNUTLS version); errors the real GnuTLS produces too (plugins whose host
# provides symbols) are not ours unless they name a gnutls symbol.
# Then, with LD_DEBUG=bindings under LD_PRELOAD, every gnutls symbol that
# gnutls-cli imports binds to gnossl and the real library is not loaded.
set -eu
build=${GNOSSL_BUILD:?}; src=${GNOSSL_SRC:?}
ours=$(readlink -f "$build/libgnutls.so.30")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cc -O0 -o "$tmp/dlopen-now" "$src/compat-tests/abi/dlopen-now.c" -ldl
fail=0
say() { printf '%s\n' "$*"; }

# Consumers: the census, plus git's HTTPS helper (git reaches GnuTLS through
# libcurl-gnutls, so the census lists libcurl, not git).
objs=()
while IFS=$'\t' read -r path _ kind _; do
    [ "$path" = consumer ] && continue
    [ -e "$path" ] && objs+=("$kind:$path")
done <"$src/compat-tests/consumers/consumers.tsv"
[ -e /usr/lib/git-core/git-remote-http ] && objs+=("exe:/usr/lib/git-core/git-remote-http")
for need in /usr/bin/gnutls-cli /usr/bin/certtool /usr/bin/wget /usr/lib/git-core/git-remote-http \
            /usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4.8.0; do
    [ -e "$need" ] || { say "FAIL: required consumer $need is not installed (see tools/install-deps)"; fail=1; }
done

loader_errors() { grep -E 'symbol lookup error|undefined symbol|version .GNUTLS|cannot open shared object' "$1" |
                  sed -E 's/^\s*[0-9]+:\s+//' | sort -u || true; }

# run MODE KIND PATH OUT : load PATH under MODE (real | libpath | preload).
run() {
    local mode=$1 kind=$2 path=$3 out=$4
    local -a envs=(LD_BIND_NOW=1)
    case $mode in
        libpath) envs+=("LD_LIBRARY_PATH=$build${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}") ;;
        preload) envs+=("LD_PRELOAD=$ours") ;;
    esac
    if [ "$kind" = exe ]; then
        env "${envs[@]}" timeout 5 "$path" --version </dev/null >"$out" 2>&1 ||
            env "${envs[@]}" timeout 5 "$path" --help </dev/null >>"$out" 2>&1 || true
    else
        env "${envs[@]}" timeout 10 "$tmp/dlopen-now" "$path" </dev/null >"$out" 2>&1 || true
    fi
}

n=0
for o in "${objs[@]}"; do
    kind=${o%%:*}; path=${o#*:}
    run real "$kind" "$path" "$tmp/real.log"
    loader_errors "$tmp/real.log" >"$tmp/real.err"
    for mode in libpath preload; do
        run $mode "$kind" "$path" "$tmp/$mode.log"
        loader_errors "$tmp/$mode.log" >"$tmp/$mode.err"
        # New errors, or any error about a GnuTLS symbol or version node,
        # are failures (not merely a path such as lighttpd's mod_gnutls.so).
        bad=$(comm -13 "$tmp/real.err" "$tmp/$mode.err"
              grep -E 'symbol: _*gnutls|version .GNUTLS|libgnutls\.so' "$tmp/$mode.err" || true)
        if [ -n "$bad" ]; then
            say "FAIL: $mode: $path:"; printf '%s\n' "$bad" | sort -u | head -5 | sed 's/^/    /'
            fail=1
        fi
    done
    # In libpath mode the object must really have used gnossl.
    if [ "$kind" = exe ] || [ "$kind" = lib ]; then
        got=$(LD_LIBRARY_PATH=$build ldd "$path" 2>/dev/null | awk '$1 == "libgnutls.so.30" {print $3}')
        if [ -n "$got" ] && [ "$(readlink -f "$got")" != "$ours" ]; then
            say "FAIL: libpath: $path resolves libgnutls.so.30 to $got"; fail=1
        fi
    fi
    n=$((n + 1))
done
say "loaded $n consumers with LD_BIND_NOW=1 under LD_LIBRARY_PATH and LD_PRELOAD"

# Bindings: gnutls-cli's gnutls imports all go to gnossl under LD_PRELOAD.
cli=/usr/bin/gnutls-cli
if [ -e $cli ]; then
    LD_DEBUG=bindings,libs LD_DEBUG_OUTPUT=$tmp/dbg LD_BIND_NOW=1 LD_PRELOAD=$ours \
        timeout 5 $cli --version </dev/null >/dev/null 2>&1 || true
    cat "$tmp"/dbg.* >"$tmp/dbg"
    objdump -T $cli | awk '/[ (]GNUTLS_[0-9A-Z_]+\)? / {print $NF}' | sort -u >"$tmp/imports"
    grep -E "binding file $cli \[0\] to " "$tmp/dbg" |
        sed -E "s/.* to ([^ ]+) \[[0-9]+\]: normal symbol \`([^']+)'.*/\2 \1/" | sort -u >"$tmp/bound"
    missing=0; wrong=0
    while read -r sym; do
        to=$(awk -v s="$sym" '$1 == s {print $2}' "$tmp/bound")
        if [ -z "$to" ]; then
            say "FAIL: gnutls-cli's import $sym was not bound"; missing=$((missing + 1))
        elif [ "$(readlink -f "$to")" != "$ours" ]; then
            say "FAIL: gnutls-cli's import $sym bound to $to"; wrong=$((wrong + 1))
        fi
    done <"$tmp/imports"
    if grep -E "calling init: [^ ]*/libgnutls\.so\.30" "$tmp/dbg" | grep -v -F "$ours" | grep -q .; then
        say "FAIL: the real libgnutls.so.30 was loaded under LD_PRELOAD"; wrong=$((wrong + 1))
    fi
    [ "$(wc -l <"$tmp/imports")" -gt 100 ] || { say "FAIL: too few imports read from $cli"; wrong=1; }
    say "gnutls-cli: $(wc -l <"$tmp/imports") gnutls imports, $missing unbound, $wrong bound elsewhere"
    [ $missing -eq 0 ] && [ $wrong -eq 0 ] || fail=1
fi
exit $fail
