# lifeboat serve (issue 4, first part): a real server on loopback, a real
# HTTP client (curl): the operational routes, the request edge (400, 404,
# 405 with Allow, 413), errors as problem+json, Prometheus metrics, limits,
# and a clean stop on SIGTERM.
. "$(dirname "$0")/lib.sh"
V="$T/v"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
good_vault brokerage clients shipments

"$LIFEBOAT" --vault "$V" serve --listen 127.0.0.1:0 >"$T/serve.out" 2>"$T/serve.err" &
pid=$!
for _ in $(seq 1 50); do
	grep -q '^listening on ' "$T/serve.out" && break
	sleep 0.1
done
port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$T/serve.out")
if [ -z "$port" ]; then
	notok "server started" "$(cat "$T/serve.out" "$T/serve.err")"
	kill "$pid" 2>/dev/null
	exit 1
fi
ok "server started on port $port"
U="http://127.0.0.1:$port"
# get NAME WANT_STATUS CURL_ARGS...: body in $T/body, headers in $T/hdr.
get() {
	local name=$1 want=$2; shift 2
	local got
	got=$(curl -s -o "$T/body" -D "$T/hdr" -w '%{http_code}' "$@")
	expect_eq "$name" "$got" "$want"
}

get "livez" 200 "$U/livez"
expect_eq "livez body" "$(cat "$T/body")" "ok"
expect_grep "no sniffing" "$T/hdr" "^X-Content-Type-Options: nosniff"
expect_grep "no caching" "$T/hdr" "^Cache-Control: no-store"
get "HEAD livez" 200 -I "$U/livez"
get "readyz" 200 "$U/readyz"
expect_grep "readyz says the journal" "$T/body" "^ready: journal of [0-9]+ entries"

get "unknown route" 404 "$U/nope"
expect_grep "problem+json" "$T/hdr" "^Content-Type: application/problem\+json"
expect_eq "problem body" "$(cat "$T/body")" '{"type":"about:blank","status":404,"title":"not found"}'
get "wrong method" 405 -X POST "$U/livez"
expect_grep "Allow header" "$T/hdr" "^Allow: GET, HEAD"
get "dot-dot path" 400 --path-as-is "$U/a/../livez"
get "trailing slash" 400 "$U/livez/"
get "double slash" 400 --path-as-is "$U//livez"
# Literal segments compare with the bytes sent: an escape never names a route.
get "an escaped literal is no route" 404 "$U/%6civez"
get "escaped NUL cannot cut a path" 400 "$U/livez%00x"
get "body on a route that takes none" 413 -X GET --data-binary 'x=1' "$U/livez"
{ printf 'X-Big: '; head -c 200000 /dev/zero | tr '\0' 'a'; echo; } >"$T/big"
code=$(curl -s -o /dev/null -w '%{http_code}' -H @"$T/big" "$U/livez")
case "$code" in
4??|000) ok "oversized headers refused ($code)" ;;
*) notok "oversized headers refused" "got $code" ;;
esac

get "metrics" 200 "$U/metrics"
cp "$T/body" "$T/metrics"
expect_grep "metrics content type" "$T/hdr" "^Content-Type: text/plain; version=0.0.4"
expect_grep "requests by route and status" "$T/metrics" '^lifeboat_http_requests_total\{route="/livez",method="GET",status="200"\} [2-9]'
expect_grep "refusals counted" "$T/metrics" '^lifeboat_http_requests_total\{route="other",method="other",status="400"\} 4$'
expect_grep "unknown routes counted" "$T/metrics" '^lifeboat_http_requests_total\{route="other",method="other",status="404"\} 2$'
expect_grep "latency histogram" "$T/metrics" '^lifeboat_http_request_duration_seconds_bucket\{le="\+Inf"\} [0-9]+$'
expect_grep "journal length" "$T/metrics" "^lifeboat_journal_entries $(lb journal checkpoint | cut -d: -f1)$"
expect_grep "copy age per kind" "$T/metrics" '^lifeboat_copy_age_seconds\{kind="shipments"\} [0-9]+$'
expect_grep "never imported is stale" "$T/metrics" '^lifeboat_copy_stale\{kind="employees"\} 1$'
if python3 - "$T/metrics" <<'PY'
import re, sys
ok = True
for line in open(sys.argv[1]):
    line = line.rstrip("\n")
    if line.startswith("# HELP ") or line.startswith("# TYPE "):
        continue
    if not re.fullmatch(r'[a-z_]+(\{[a-z_]+="[^"\\]*"(,[a-z_]+="[^"\\]*")*\})? [0-9.e+-]+', line):
        print("bad line:", line); ok = False
sys.exit(0 if ok else 1)
PY
then ok "metrics parse as Prometheus text"; else notok "metrics parse as Prometheus text"; fi

# Many connections at once: all answered.
for i in $(seq 1 40); do
	curl -s -o /dev/null -w '%{http_code}\n' "$U/readyz" &
done >"$T/many"
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null
expect_eq "40 concurrent requests answered" "$(grep -c '^200$' "$T/many")" 40

kill -TERM "$pid"
wait "$pid"
expect_eq "SIGTERM: clean exit" "$?" 0
expect_grep "SIGTERM: says so" "$T/serve.err" "stopped on SIGTERM"
code=$(curl -s -o /dev/null -w '%{http_code}' "$U/livez")
expect_eq "stopped server answers nothing" "$code" "000"
expect_rc "vault verifies after" 0 lb verify

# Options.
expect_rc "bad listen address" 2 lb serve --listen localhost:80
expect_rc "bad port" 2 lb serve --listen 127.0.0.1:70000
expect_rc "stray argument" 2 lb serve now
expect_rc "help" 0 lb serve --help
expect_rc "--idle-timeout 0" 2 lb serve --idle-timeout 0
expect_rc "--session-max over 12 hours" 2 lb serve --session-max 43201
expect_rc "--login-limit 0" 2 lb serve --login-limit 0
expect_rc "--hashers 9" 2 lb serve --hashers 9
expect_rc "--origin without a scheme" 2 lb serve --origin example.com
expect_rc "--tls-cert without --tls-key" 2 lb serve --tls-cert /dev/null --listen 127.0.0.1:0
expect_rc "--routes" 0 lb serve --routes
expect_grep "--routes: one line a route" "$T/out" '^GET /livez public,admin,staff,client,auditor -( |$)'
python3 -c 'import socket,time; s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(5)' >"$T/busy" &
bpid=$!
for _ in $(seq 1 30); do [ -s "$T/busy" ] && break; sleep 0.1; done
expect_rc "port in use" 3 lb serve --listen "127.0.0.1:$(cat "$T/busy")"
expect_grep "port in use named" "$T/err" "cannot listen on 127.0.0.1:$(cat "$T/busy")"
kill "$bpid" 2>/dev/null
wait "$bpid" 2>/dev/null
expect_rc "no vault" 3 "$LIFEBOAT" --vault "$T/none" serve --listen 127.0.0.1:0
