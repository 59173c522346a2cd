# Loopback port helpers (sourced by common.sh).

# gn_port_listening PORT: is something listening on TCP PORT (any address)?
# Reads /proc/net/tcp{,6} rather than connecting, so that one-shot servers do
# not see a stray connection.
gn_port_listening() {
    local hex
    hex=$(printf ':%04X' "$1")
    awk -v p="$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { f = 1 } END { exit !f }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# gn_udp_bound PORT: is a UDP socket bound to PORT (any address)?
gn_udp_bound() {
    local hex
    hex=$(printf ':%04X' "$1")
    awk -v p="$hex" 'substr($2, length($2) - 4) == p { f = 1 } END { exit !f }' \
        /proc/net/udp /proc/net/udp6 2>/dev/null
}

# gn_free_port: print a TCP (and UDP) port that is currently free on 127.0.0.1.
# Random in 20000-32767, below Linux's ephemeral range (32768-60999), so no
# client socket of a parallel test can hold it between the check and the
# peer's bind (a CI run lost a server that way). The port is also claimed for
# this test run by an atomic mkdir under $GN_PORT_CLAIMS, so two parallel
# tests never pick the same one; gn_cleanup drops our claims, and claims of
# dead tests are taken over.
GN_PORT_CLAIMS=${TMPDIR:-/tmp}/gnossl-port-claims
gn_free_port() {
    local i p d owner
    mkdir -p "$GN_PORT_CLAIMS" 2>/dev/null
    for i in $(seq 1 400); do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 12768))
        d=$GN_PORT_CLAIMS/$p
        if ! mkdir "$d" 2>/dev/null; then
            owner=$(cat "$d/pid" 2>/dev/null)
            # Claimed by a live test (or one still writing its pid): skip.
            [ -z "$owner" ] || kill -0 "$owner" 2>/dev/null && continue
            # A dead test's claim: take it over.
            echo $$ >"$d/pid" 2>/dev/null || continue
        else
            echo $$ >"$d/pid"
        fi
        gn_port_listening "$p" && continue
        gn_udp_bound "$p" && continue
        # Nothing listens; make sure nothing else holds it either.
        (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && continue
        echo "$p"
        return 0
    done
    gn_log "gn_free_port: no free port"
    return 1
}

# gn_release_ports: drop this test run's port claims (called by gn_cleanup).
gn_release_ports() {
    local f
    for f in "$GN_PORT_CLAIMS"/*/pid; do
        [ -f "$f" ] && [ "$(cat "$f" 2>/dev/null)" = "$$" ] && rm -rf "${f%/pid}"
    done
    return 0
}

# gn_wait_port PORT PID [SECONDS]: wait until PORT listens; fail early if the
# peer PID died (its log then says why).
gn_wait_port() {
    local port=$1 pid=$2 secs=${3:-30} i
    for i in $(seq 1 $((secs * 20))); do
        gn_port_listening "$port" && return 0
        kill -0 "$pid" 2>/dev/null || { gn_log "peer $pid exited before listening on $port"; return 1; }
        sleep 0.05
    done
    gn_log "peer $pid not listening on $port after ${secs}s"
    return 1
}
