# Shared helpers for the consumer and interop shell tests (bash only).
#
#   . "$GNOSSL_SRC/compat-tests/lib/common.sh"
#   gn_init NAME             temp dir $GN_TMP; EXIT trap kills our peers by PID
#   gn_run MODE CMD...       run CMD (timeout 20) on the real GnuTLS ("real") or
#                            on gnossl ("preload" = LD_PRELOAD, "libpath" =
#                            LD_LIBRARY_PATH); gn_prefix for background peers
#   gn_assert_loaded MODE B  B really resolves libgnutls.so.30 as MODE means
#   gn_converse OUT IN RE CMD  interactive client: write IN, wait for RE
#   gn_pass / gn_fail        record one assertion; gn_finish exits 0 or 1
#   gn_req / gn_verdict      one assertion made of named parts
#   gn_like_real             a value must be what the real GnuTLS showed
#   net.sh: gn_free_port, gn_wait_port; pki.sh: gn_make_pki;
#   peers.sh: gn_start_https_dir, gn_start_smtp_starttls
#
# Every test runs each scenario once per mode in GN_MODES (default
# "real preload libpath"): the real GnuTLS run is the baseline that proves the
# scenario itself is right; the two gnossl runs are what is being tested.
# GN_KEEP_TMP=1 keeps the temp dir (logs) for debugging.

GN_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GNOSSL_SRC=${GNOSSL_SRC:-$(cd "$GN_LIB_DIR/../.." && pwd)}
GNOSSL_BUILD=${GNOSSL_BUILD:-$GNOSSL_SRC/build}
GN_MODES=${GN_MODES:-real preload libpath}
GN_PIDS=()
GN_FAILED=()
GN_PASSED=0
# Each mode sets up its own loader environment; an inherited LD_PRELOAD or
# LD_LIBRARY_PATH (a test runner may add the build dir) would turn the "real"
# baseline into gnossl.
unset LD_PRELOAD LD_LIBRARY_PATH

. "$GN_LIB_DIR/net.sh"
. "$GN_LIB_DIR/pki.sh"
. "$GN_LIB_DIR/peers.sh"

gn_log() { printf '%s\n' "$*" >&2; }

gn_init() {
    GN_NAME=$1
    local kf=$GNOSSL_SRC/compat-tests/known-failures.tsv
    [ -f "$kf" ] && mapfile -t GN_KNOWN < <(grep -v '^#' "$kf" | grep -v '^[[:space:]]*$')
    GN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/gnossl-$GN_NAME.XXXXXX")
    trap gn_cleanup EXIT
    trap 'exit 130' INT TERM
}

gn_cleanup() {
    local pid
    for pid in "${GN_PIDS[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done
    GN_PIDS=()
    gn_release_ports
    [ -n "${GN_KEEP_TMP:-}" ] || rm -rf "$GN_TMP"
}

# Skip (exit 77) unless every named program exists.
gn_require() {
    local p
    for p in "$@"; do
        command -v "$p" >/dev/null 2>&1 || { gn_log "SKIP: $p not installed"; exit 77; }
    done
}

# Refuse to test gnossl modes without a built library: that would silently
# test the real GnuTLS twice.
gn_require_build() {
    case " $GN_MODES " in
        *" preload "*|*" libpath "*)
            [ -e "$GNOSSL_BUILD/libgnutls.so.30" ] || {
                gn_log "FATAL: $GNOSSL_BUILD/libgnutls.so.30 not built (set GNOSSL_BUILD)"
                exit 1
            } ;;
    esac
}

# gn_prefix MODE : set the array GN_PFX to the command prefix that runs a
# program with the GnuTLS of MODE under `timeout ${GN_TIMEOUT:-20}`.  Use it
# for background peers ("${GN_PFX[@]}" prog ... &) so that $! is the
# timeout process itself, which passes SIGTERM on to the program.
# Every process started this way writes glibc's LD_DEBUG=files log (one file
# per process, under $GN_TMP/ldproof/MODE/, named GN_LDPROOF_TAG.PID) so that
# gn_finish can prove which libgnutls.so.30 each of them really ran (see
# gn_check_ldproof).
gn_prefix() {
    local t=${GN_TIMEOUT:-20} dbg
    case $1 in real|preload|libpath) ;; *) gn_log "gn_prefix: unknown mode $1"; return 2 ;; esac
    # glibc writes to stderr when it cannot open the file: the dir must exist.
    mkdir -p "$GN_TMP/ldproof/$1" || return 2
    dbg=(LD_DEBUG=files "LD_DEBUG_OUTPUT=$GN_TMP/ldproof/$1/${GN_LDPROOF_TAG:-run}")
    case $1 in
        real)    GN_PFX=(env "${dbg[@]}" timeout "$t") ;;
        preload) GN_PFX=(env "${dbg[@]}" "GNOSSL_LIBDIR=$GNOSSL_BUILD" timeout "$t"
                         "$GNOSSL_SRC/tools/gnossl-run" --preload) ;;
        libpath) GN_PFX=(env "${dbg[@]}" "GNOSSL_LIBDIR=$GNOSSL_BUILD" timeout "$t"
                         "$GNOSSL_SRC/tools/gnossl-run" --libpath) ;;
    esac
}

# gn_run MODE CMD... : run CMD with the GnuTLS of MODE (exit 124 on timeout).
# After GN_MAX_HANGS (3) timeouts in one mode, further runs in that mode fail
# at once with 125 ("not run"), so that a library that hangs every handshake
# fails the test in a minute rather than running into the harness's timeout.
# When the program under test is the peer (a real client against a gnossl
# server), set GN_HANG_KEY to the server's mode so the count is charged there.
gn_run() {
    local mode=$1 rc hung
    hung=GN_HANGS_${GN_HANG_KEY:-$mode}
    hung=${hung//[^A-Za-z0-9_]/_}
    if [ "${!hung:-0}" -ge "${GN_MAX_HANGS:-3}" ]; then
        gn_log "  (not run: $mode already timed out ${!hung} times) $2"
        return 125
    fi
    gn_prefix "$mode" || return 2
    shift
    "${GN_PFX[@]}" "$@"
    rc=$?
    [ $rc -eq 124 ] && gn_count_hang "${GN_HANG_KEY:-$mode}"
    return $rc
}
gn_count_hang() {
    local v=GN_HANGS_$1
    v=${v//[^A-Za-z0-9_]/_}
    printf -v "$v" '%s' $((${!v:-0} + 1))
}

# gn_assert_loaded MODE BINARY: check, with ldd under MODE's environment, that
# BINARY would resolve libgnutls.so.30 to the library MODE is meant to test.
# Guards against a "gnossl" run that really used the system library.  It also
# arms the run-time proof of MODE: gn_finish then requires that some process
# started with MODE's prefix ran a libgnutls.so.30 (gn_check_ldproof).
gn_assert_loaded() {
    local mode=$1 bin=$2 ours got
    GN_LDPROOF_ARMED[$mode]=1
    ours=$(readlink -f "$GNOSSL_BUILD/libgnutls.so.30" 2>/dev/null || echo /nonexistent)
    gn_prefix "$mode" || return 2
    got=$("${GN_PFX[@]}" ldd "$bin" 2>/dev/null |
          awk '$1 ~ /^\/.*libgnutls\.so\.30/ { print $1; exit }
               $1 ~ /libgnutls\.so\.30/ && $3 ~ /^\// { print $3; exit }')
    got=$(readlink -f "$got" 2>/dev/null || true)
    if [ -n "$got" ]; then
        if [ "$mode" = real ] && [ "$got" != "$ours" ]; then return 0; fi
        if [ "$mode" != real ] && [ "$got" = "$ours" ]; then return 0; fi
    fi
    gn_fail "$mode: $bin resolves libgnutls.so.30 to '${got:-nothing}' (gnossl is $ours)"
    return 1
}

# gn_start NAME CMD... : start a peer in the background (stdin from
# /dev/null, output in $GN_TMP/NAME.log); its PID is in GN_LAST_PID and is
# killed on exit.
gn_start() {
    local name=$1; shift
    "$@" </dev/null >"$GN_TMP/$name.log" 2>&1 &
    GN_LAST_PID=$!
    GN_PIDS+=("$GN_LAST_PID")
}

# gn_stop PID: kill one peer we started and forget it.
gn_stop() {
    local pid=$1 p keep=()
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    for p in "${GN_PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
    GN_PIDS=("${keep[@]}")
}

# Assertion bookkeeping: a test keeps going after a failure so that one run
# reports every mode, then gn_finish exits 1 if anything failed.
# Known gaps of gnossl (compat-tests/known-failures.tsv: test, glob on the
# check's text, reason).  A listed gnossl check that fails is reported as a
# known failure, not hidden; a listed check that passes fails the test, so the
# list can only shrink.  Checks of the "real" baseline can never be listed.
GN_KNOWN=()
GN_XFAILED=()
gn_known_pattern() { # TEXT -> prints the matching pattern, status 0 if listed
    local line test pat
    case $1 in preload:*|libpath:*) ;; *) return 1 ;; esac
    for line in "${GN_KNOWN[@]}"; do
        test=${line%%$'\t'*}
        pat=${line#*$'\t'}
        pat=${pat%%$'\t'*}
        [ "$test" = "$GN_NAME" ] || continue
        # shellcheck disable=SC2053
        [[ $1 == $pat ]] && { printf '%s' "$pat"; return 0; }
    done
    return 1
}
gn_pass() {
    local pat
    if pat=$(gn_known_pattern "$*"); then
        GN_FAILED+=("$* -- passes but is listed in known-failures.tsv ('$pat'): remove it")
        gn_log "XPASS - $*"
        return
    fi
    GN_PASSED=$((GN_PASSED + 1)); gn_log "ok   - $*"
}
gn_fail() {
    if gn_known_pattern "$*" >/dev/null; then
        GN_XFAILED+=("$*"); gn_log "KNOWN FAILURE - $*"
        return
    fi
    GN_FAILED+=("$*"); gn_log "FAIL - $*"
}

# Multi-part verdicts that say which part failed:
#   GN_WHY=; gn_req "reply seen" [ $ok -eq 0 ]; gn_req "TLS 1.3" grep -q ...
#   gn_verdict "$mode: what was tried"
# Every gn_req runs (no short cut), so a failure lists all unmet parts.
gn_req() {
    local what=$1
    shift
    "$@" && return 0
    GN_WHY+="${GN_WHY:+; }$what"
    return 1
}
gn_verdict() {
    if [ -z "${GN_WHY:-}" ]; then gn_pass "$1"; else gn_fail "$1 -- unmet: $GN_WHY"; fi
    local rc=${GN_WHY:+1}
    GN_WHY=
    return "${rc:-0}"
}

# gn_like_real MODE KEY VALUE : differential check of one observed value.
# The "real" run records VALUE under KEY (and passes); a gnossl run passes if
# VALUE equals what the real GnuTLS showed (or if no real run recorded KEY).
declare -A GN_REAL_SEEN=()
gn_like_real() {
    if [ "$1" = real ]; then
        GN_REAL_SEEN[$2]=$3
        return 0
    fi
    [ -z "${GN_REAL_SEEN[$2]+set}" ] || [ "${GN_REAL_SEEN[$2]}" = "$3" ]
}
gn_real_value() { printf '%s' "${GN_REAL_SEEN[$1]:-}"; }

# gn_show FILE: print a log into the test output (indented, capped).
gn_show() {
    [ -f "$1" ] || return 0
    gn_log "  --- $(basename "$1") (last 25 lines)"
    tail -n 25 "$1" | awk '{ print "  | " $0 }' >&2
}

# gn_check_ldproof: what the loader logged (gn_prefix) says about every
# process the test started: each one that initialised a libgnutls.so.30 ran
# gnossl's under "preload"/"libpath" and the system's under "real"; and in
# each mode armed by gn_assert_loaded at least one process did.  This fails
# a test whose program silently ran on the real GnuTLS (a program that drops
# LD_PRELOAD, a helper process started with a clean environment, a plug-in
# loaded from elsewhere), which ldd alone cannot see.
declare -A GN_LDPROOF_ARMED=()
gn_check_ldproof() {
    local ours dir mode lib n wrong
    ours=$(readlink -f "$GNOSSL_BUILD/libgnutls.so.30" 2>/dev/null || echo /nonexistent)
    for dir in "$GN_TMP"/ldproof/*/; do
        [ -d "$dir" ] || continue
        mode=$(basename "$dir")
        n=0 wrong=()
        while read -r lib; do
            n=$((n + 1))
            lib=$(readlink -f "$lib")
            if [ "$mode" = real ]; then [ "$lib" != "$ours" ] || wrong+=("$lib")
            else [ "$lib" = "$ours" ] || wrong+=("$lib"); fi
        done < <(cat "$dir"* 2>/dev/null | sed -n 's/.*calling init: \(.*libgnutls\.so\.30\)$/\1/p')
        if [ ${#wrong[@]} -gt 0 ]; then
            gn_fail "$mode: $n programs started ran a libgnutls.so.30, ${#wrong[@]} of them not the $mode one (${wrong[0]})"
        elif [ -n "${GN_LDPROOF_ARMED[$mode]:-}" ]; then
            if [ $n -gt 0 ]; then
                gn_pass "$mode: the loader ran the $mode libgnutls.so.30 in all $n programs started that loaded one"
            else
                gn_fail "$mode: no process loaded any libgnutls.so.30 (the program never used GnuTLS)"
            fi
        fi
        unset "GN_LDPROOF_ARMED[$mode]"
    done
    for mode in "${!GN_LDPROOF_ARMED[@]}"; do
        gn_fail "$mode: no process was started with the $mode loader settings"
    done
}

gn_finish() {
    local f
    gn_check_ldproof
    gn_log ""
    gn_log "$GN_NAME: ${GN_PASSED} passed, ${#GN_FAILED[@]} failed, ${#GN_XFAILED[@]} known failures (modes: $GN_MODES)"
    for f in "${GN_FAILED[@]}"; do gn_log "  failed: $f"; done
    for f in "${GN_XFAILED[@]}"; do gn_log "  known failure: $f"; done
    [ ${#GN_FAILED[@]} -eq 0 ]
    exit $?
}

# gn_converse OUT INPUT EXPECT CMD... : run an interactive client (CMD is
# usually `gn_run MODE ...`, which brings the timeout) whose stdin is a pipe
# we hold open: write INPUT, wait until OUT (its stdout
# and stderr) matches the extended regex EXPECT or the client exits, then close
# its stdin and collect it.  Returns 0 iff EXPECT was seen.  GN_CONVERSE_RC is
# the client's exit status (124 = timed out, 125 = not run).
gn_converse() {
    local out=$1 input=$2 expect=$3 fifo pid fd i
    shift 3
    fifo=$GN_TMP/stdin.$RANDOM$RANDOM
    mkfifo "$fifo"
    "$@" <"$fifo" >"$out" 2>&1 &
    pid=$!
    exec {fd}>"$fifo"
    rm -f "$fifo"
    # The client may already be gone: a write error, not SIGPIPE, for us
    # (only in this subshell: the client keeps the default disposition).
    (trap '' PIPE; printf '%b' "$input" >&"$fd") 2>/dev/null
    # No deadline of our own: the client's timeout ends a hang (slow, loaded
    # machines must not turn into spurious failures).
    while :; do
        grep -Eq -- "$expect" "$out" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    exec {fd}>&-
    wait "$pid"
    GN_CONVERSE_RC=$?
    # The client ran in a subshell: count its timeout here.
    [ "$GN_CONVERSE_RC" -eq 124 ] && [ "$1" = gn_run ] && gn_count_hang "${GN_HANG_KEY:-$2}"
    grep -Eq -- "$expect" "$out"
}

# gn_reverse STRING: print STRING reversed (what `s_server -rev` answers).
gn_reverse() {
    local s=$1 r="" i
    for ((i = ${#s} - 1; i >= 0; i--)); do r+=${s:i:1}; done
    printf '%s' "$r"
}
