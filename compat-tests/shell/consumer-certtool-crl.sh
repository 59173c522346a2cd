#!/bin/bash
# Real consumer: certtool --generate-crl (unmodified gnutls-bin) on the real
# GnuTLS and through gnossl.  The CRL revokes the test server certificate;
# it must verify with `openssl crl -verify` and with the real certtool
# (--verify-crl), list the revoked serial and CRL number, and read back
# (--crl-info) exactly as the real GnuTLS prints it.  Each mode's CRL is
# also read by the other library: gnossl's CRL by the real certtool and the
# real CRL by gnossl's certtool.
set -u
. "${GNOSSL_SRC:-$(dirname "$0")/../..}/compat-tests/lib/common.sh"
gn_require certtool openssl
gn_require_build
gn_init consumer-certtool-crl
export LC_ALL=C TZ=UTC

p=$GN_TMP/pki
gn_make_pki "$p" rsa || exit 1
serial=$(openssl x509 -in "$p/server.pem" -noout -serial | sed 's/^serial=//')
printf 'crl_next_update = 30\ncrl_number = 7\ncrl_this_update_date = "2024-01-01 00:00:00"\ncrl_revocation_date = "2023-12-31 12:00:00"\n' >"$GN_TMP/crl.tmpl"

for mode in $GN_MODES; do
    gn_log "== mode: $mode"
    gn_assert_loaded "$mode" "$(command -v certtool)" || continue
    crl=$GN_TMP/$mode.crl
    log=$GN_TMP/$mode.log
    gn_run "$mode" certtool --generate-crl --load-ca-privkey "$p/ca.key" --load-ca-certificate "$p/ca.pem" \
        --load-certificate "$p/server.pem" --template "$GN_TMP/crl.tmpl" --outfile "$crl" >"$log" 2>&1
    rc=$?
    GN_WHY=
    gn_req "certtool exit 0 (got $rc)" [ $rc -eq 0 ]
    gn_req "openssl crl -verify" openssl crl -in "$crl" -CAfile "$p/ca.pem" -noout -verify >>"$log" 2>&1
    openssl crl -in "$crl" -noout -text >"$GN_TMP/$mode.text" 2>>"$log"
    gn_req "serial $serial listed" grep -qi "Serial Number: *$serial" "$GN_TMP/$mode.text"
    gn_req "CRL number 7" grep -A1 "CRL Number" "$GN_TMP/$mode.text" | grep -q '^ *7'
    gn_req "this update 2024-01-01" grep -q "Last Update: Jan  1 00:00:00 2024 GMT" "$GN_TMP/$mode.text"
    gn_req "real certtool --verify-crl" gn_run real certtool --verify-crl --load-ca-certificate "$p/ca.pem" \
        --infile "$crl" >>"$log" 2>&1
    gn_verdict "$mode: certtool --generate-crl makes a CRL OpenSSL and the real certtool verify" || gn_show "$log"

    # reading: the same output and status as the real GnuTLS, on every CRL
    for src in real $mode; do
        [ -f "$GN_TMP/$src.crl" ] || continue
        gn_run real certtool --crl-info --infile "$GN_TMP/$src.crl" >"$GN_TMP/info.real" 2>&1
        r1=$?
        gn_run "$mode" certtool --crl-info --infile "$GN_TMP/$src.crl" >"$GN_TMP/info.$mode" 2>&1
        r2=$?
        gn_run real certtool --verify-crl --load-ca-certificate "$p/ca.pem" --infile "$GN_TMP/$src.crl" \
            >"$GN_TMP/vfy.real" 2>&1
        v1=$?
        gn_run "$mode" certtool --verify-crl --load-ca-certificate "$p/ca.pem" --infile "$GN_TMP/$src.crl" \
            >"$GN_TMP/vfy.$mode" 2>&1
        v2=$?
        if [ $r1 -eq 0 ] && [ $r1 -eq $r2 ] && cmp -s "$GN_TMP/info.real" "$GN_TMP/info.$mode" &&
           grep -q "Revoked certificates (1):" "$GN_TMP/info.$mode" &&
           [ $v1 -eq 0 ] && [ $v1 -eq $v2 ] && cmp -s "$GN_TMP/vfy.real" "$GN_TMP/vfy.$mode"; then
            gn_pass "$mode: certtool --crl-info and --verify-crl on the $src CRL as the real GnuTLS"
        else
            gn_fail "$mode: certtool --crl-info/--verify-crl on the $src CRL (exit $r1/$r2, verify $v1/$v2)"
            diff "$GN_TMP/info.real" "$GN_TMP/info.$mode" | head -n 10 | sed 's/^/  | /' >&2
            diff "$GN_TMP/vfy.real" "$GN_TMP/vfy.$mode" | head -n 10 | sed 's/^/  | /' >&2
        fi
    done
done

gn_finish
