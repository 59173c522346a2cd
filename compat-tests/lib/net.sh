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

# gn_free_port: print a TCP port that is currently free on 127.0.0.1.
# Random in 20000-59999 and checked, so parallel tests rarely collide; a
# peer that still loses the race fails to start and gn_wait_port says so.
gn_free_port() {
    local i p
    for i in $(seq 1 200); do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        gn_port_listening "$p" && continue
        # Nothing listens; make sure nothing else holds it either.
        (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && continue
        echo "$p"
        return 0
    done
    gn_log "gn_free_port: no free port"
    return 1
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
