#!/usr/bin/env bash
# lifeboat serve keeps little privilege: started as root on a vault owned
# by another user, it becomes that user once listening and still serves;
# on a vault owned by root it warns.  Either way it cannot gain privileges
# again (NoNewPrivs).  Needs root to start as root: skipped otherwise.
. "$(dirname "$0")/lib.sh"
if [ "$(id -u)" -ne 0 ] || ! id nobody >/dev/null 2>&1; then
	ok "# SKIP not root, or no user nobody"
	exit 0
fi
V="$T/v"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
lb init >/dev/null 2>&1
printf '%s\n' 'correct horse battery staple' | lb user add alice --role staff --password-stdin >/dev/null
chmod 755 "$T"
chown -R nobody:nogroup "$V"

start() {
	"$LIFEBOAT" --vault "$V" serve --listen 127.0.0.1:0 >"$T/srv.out" 2>"$T/srv.err" &
	pid=$!
	for _ in $(seq 50); do grep -q listening "$T/srv.out" && break; sleep 0.1; done
	url=$(sed -n 's/^listening on //p' "$T/srv.out")
}
start
trap 'kill $pid 2>/dev/null; rm -rf "$T"' EXIT
uid=$(awk '/^Uid:/ {print $2 "," $3 "," $4 "," $5}' /proc/$pid/status)
expect_eq "the server runs as the vault's owner" "$uid" "$(id -u nobody),$(id -u nobody),$(id -u nobody),$(id -u nobody)"
expect_eq "... with no way back to privilege (NoNewPrivs)" "$(awk '/^NoNewPrivs:/ {print $2}' /proc/$pid/status)" 1
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url/readyz")
expect_eq "... and serves: /readyz" "$code" 200
code=$(curl -s -o "$T/b" -w '%{http_code}' --max-time 20 -H 'Content-Type: application/json' \
	-H "Origin: $url" -d '{"user":"alice","password":"correct horse battery staple"}' "$url/api/v1/session")
expect_eq "... and signs in (a journaled write as nobody)" "$code" 200
kill -TERM $pid; wait $pid
expect_eq "it stops with 0" "$?" 0
expect_eq "the vault's files still belong to its owner" "$(find "$V" ! -user nobody | wc -l)" 0
expect_rc "the vault verifies" 0 lb verify

chown -R root:root "$V"
start
expect_grep "on a root-owned vault it warns it runs as root" "$T/srv.err" "warning: running as root"
kill -TERM $pid; wait $pid
