#!/usr/bin/env bash
# lifeboat serve over TLS (GnuTLS through libmicrohttpd): HTTPS answers with
# HSTS, plain HTTP on the same port gets no answer, sign-in works with the
# https Origin and is refused with an http one, the cookie is Secure; bad
# certificate options are refused before listening.
. "$(dirname "$0")/lib.sh"
V="$T/v"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
lb init >/dev/null 2>&1
PW='correct horse battery staple'
printf '%s\n' "$PW" | lb user add alice --role staff --password-stdin >/dev/null

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	-keyout "$T/key.pem" -out "$T/cert.pem" -days 2 -subj /CN=127.0.0.1 \
	-addext "subjectAltName=IP:127.0.0.1" >/dev/null 2>&1
expect_eq "test certificate made" "$?" 0

expect_rc "--tls-cert alone is a usage error" 2 lb serve --listen 127.0.0.1:0 --tls-cert "$T/cert.pem"
expect_grep "... saying the two go together" "$T/err" "go together"
echo "not a certificate" >"$T/bad.pem"
expect_rc "a bad certificate is refused" 3 timeout 10 "$LIFEBOAT" --vault "$V" serve --listen 127.0.0.1:0 --tls-cert "$T/bad.pem" --tls-key "$T/key.pem"
expect_grep "... naming the files" "$T/err" "bad.pem"
expect_rc "a missing key file is refused" 3 timeout 10 "$LIFEBOAT" --vault "$V" serve --listen 127.0.0.1:0 --tls-cert "$T/cert.pem" --tls-key "$T/nokey.pem"

"$LIFEBOAT" --vault "$V" serve --listen 127.0.0.1:0 --tls-cert "$T/cert.pem" --tls-key "$T/key.pem" >"$T/srv.out" 2>"$T/srv.err" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$T"' EXIT
for _ in $(seq 50); do grep -q listening "$T/srv.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$T/srv.out")
case $url in https://127.0.0.1:*) ok "it listens on an https URL" ;; *) notok "it listens on an https URL" "got '$url'" ;; esac

code=$(curl -s --cacert "$T/cert.pem" -D "$T/h" -o "$T/b" -w '%{http_code}' --max-time 10 "$url/livez")
expect_eq "HTTPS /livez answers 200" "$code" 200
expect_grep "... with Strict-Transport-Security" "$T/h" "^Strict-Transport-Security: max-age="
plain=${url/https:/http:}
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$plain/livez")
expect_eq "plain HTTP on the TLS port gets no HTTP answer" "$code" 000

body='{"user":"alice","password":"correct horse battery staple"}'
code=$(curl -s --cacert "$T/cert.pem" -D "$T/h" -o "$T/b" -w '%{http_code}' --max-time 20 \
	-H 'Content-Type: application/json' -H "Origin: $url" -d "$body" "$url/api/v1/session")
expect_eq "sign-in over TLS with the https Origin" "$code" 200
expect_grep "... sets a Secure, HttpOnly, SameSite=Strict __Host- cookie" "$T/h" \
	"^Set-Cookie: __Host-lifeboat=[0-9a-f]{32}; Path=/; Secure; HttpOnly; SameSite=Strict"
code=$(curl -s --cacert "$T/cert.pem" -o "$T/b" -w '%{http_code}' --max-time 20 \
	-H 'Content-Type: application/json' -H "Origin: $plain" -d "$body" "$url/api/v1/session")
expect_eq "sign-in with an http Origin is refused on TLS" "$code" 403

kill -TERM $pid
wait $pid
expect_eq "SIGTERM stops the TLS server with 0" "$?" 0
