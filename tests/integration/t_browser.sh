# Browser tests of the web workspace: a real `lifeboat serve` on loopback
# over a demo vault, driven by Debian's chromium through Playwright
# (tests/browser/run.mjs, playwright-core and axe-core from
# tests/browser/package-lock.json).  Needs chromium, node and
# `npm ci` in tests/browser: scripts/setup installs them.  Missing, they
# fail this test; LIFEBOAT_NO_BROWSER=1 skips it instead.
. "$(dirname "$0")/lib.sh"
BR="$LIFEBOAT_TOP/tests/browser"
CHROMIUM=${LB_CHROMIUM:-/usr/bin/chromium}

if [ "${LIFEBOAT_NO_BROWSER:-0}" = 1 ]; then
	echo "ok 1 - # SKIP browser tests (LIFEBOAT_NO_BROWSER=1)"
	exit 0
fi
missing=""
[ -x "$CHROMIUM" ] || missing="$missing chromium ($CHROMIUM)"
command -v node >/dev/null 2>&1 || missing="$missing node"
for m in playwright-core axe-core; do
	[ -f "$BR/node_modules/$m/package.json" ] || missing="$missing $m (tests/browser/node_modules)"
done
if [ -n "$missing" ]; then
	notok "browser tests: missing$missing" \
	    "run scripts/setup (installs chromium, nodejs, npm and runs npm ci in tests/browser)," \
	    "or set LIFEBOAT_NO_BROWSER=1 to skip these tests"
	exit 1
fi
# node_modules as the lock file says, not an older install.
if ! stale=$(cd "$BR" && node -e '
	const want = require("./package.json").dependencies;
	const bad = Object.keys(want).filter((m) => require(`./node_modules/${m}/package.json`).version !== want[m]);
	if (bad.length) { console.log(bad.join(" ")); process.exit(1); }'); then
	notok "browser tests: tests/browser/node_modules out of date ($stale)" "run scripts/setup (npm ci in tests/browser)"
	exit 1
fi

V="$T/v"
PW='correct horse battery staple'
if ! "$LIFEBOAT" --vault "$V" demo >"$T/demo.out" 2>&1; then
	notok "demo vault" "$(tail -n 5 "$T/demo.out")"
	exit 1
fi
IMP=$(sqlite3 "$V/vault.db" "select importer_number from shipment group by 1 order by count(*) desc, 1 limit 1")
OTHER=$(sqlite3 "$V/vault.db" "select ref from shipment where importer_number <> '$IMP' order by ref limit 1")
for u in "ada admin" "sam staff" "cli client --client $IMP"; do
	# shellcheck disable=SC2086
	set -- $u
	name=$1 role=$2; shift 2
	if ! echo "$PW" | "$LIFEBOAT" --vault "$V" user add "$name" --role "$role" "$@" \
	    --password-stdin >"$T/out" 2>"$T/err"; then
		notok "user add $name" "$(cat "$T/err")"
		exit 1
	fi
done

# What the broker tells its clients, for the client portal.
NOTICE='Our systems are down since 2 December: releases continue on paper.'
OOB='Maria Lopez, +1 956 555 0142, maria.lopez@example.net'
if ! "$LIFEBOAT" --vault "$V" config set client_notice "$NOTICE" >"$T/out" 2>&1 ||
    ! "$LIFEBOAT" --vault "$V" config set oob_contact "$OOB" >"$T/out" 2>&1; then
	notok "config set client_notice, oob_contact" "$(cat "$T/out")"
	exit 1
fi

"$LIFEBOAT" --vault "$V" serve --listen 127.0.0.1:0 >"$T/serve.out" 2>"$T/serve.err" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$T"' EXIT
for _ in $(seq 1 100); do
	grep -q '^listening on ' "$T/serve.out" && break
	sleep 0.1
done
port=$(sed -n 's|^listening on \(http://\)\{0,1\}127\.0\.0\.1:\([0-9]*\)$|\2|p' "$T/serve.out")
if [ -z "$port" ]; then
	notok "server started" "$(cat "$T/serve.out" "$T/serve.err")"
	exit 1
fi

LB_URL="http://127.0.0.1:$port" LB_PASSWORD="$PW" LB_ADMIN=ada LB_STAFF=sam \
LB_CLIENT=cli LB_CLIENT_IMPORTER="$IMP" LB_OTHER_REF="$OTHER" \
LB_NOTICE="$NOTICE" LB_OOB="$OOB" \
LB_CHROMIUM="$CHROMIUM" LB_SHOTS="${LB_SHOTS:-/tmp/lifeboat-browser}" \
    timeout 600 node "$BR/run.mjs"
rc=$?
if [ "$rc" -ne 0 ]; then
	echo "# run.mjs exit $rc; server log:"
	sed 's/^/#   /' "$T/serve.err" | tail -n 20
fi
kill -TERM "$pid"
wait "$pid"
expect_eq "server stops cleanly after the browser tests" "$?" 0
trap 'rm -rf "$T"' EXIT
exit "$rc"
