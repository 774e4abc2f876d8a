# t_cli.sh: the command line: help, version, exit codes, init, where the
# vault is, status and staleness, config, and a reproducible demo.
. "$(dirname "$0")/lib.sh"

V="$T/v"
GOOD="$DATA/good"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
cp_of() { "$LIFEBOAT" --vault "$1" journal checkpoint 2>&1; }
plus48h() { date -u -d "@$(($(date +%s) + 48 * 3600))" +%Y-%m-%dT%H:%M:%SZ; }

# --- help and version ------------------------------------------------------------

expect_rc "--help" 0 "$LIFEBOAT" --help
expect_grep "--help: usage" "$T/out" '^usage: lifeboat '
for c in init import status demo journal verify config; do
	expect_grep "--help lists $c" "$T/out" "^  $c "
done
expect_grep "--help: exit codes" "$T/out" '0 ok, 1 invalid data'
expect_rc "help" 0 "$LIFEBOAT" help
expect_grep "help: usage" "$T/out" '^usage: lifeboat '

for c in init import status demo journal verify config "journal verify" \
    "journal checkpoint"; do
	# shellcheck disable=SC2086
	expect_rc "$c --help: exit 0" 0 "$LIFEBOAT" --vault "$T/none" $c --help
	expect_grep "$c --help: usage" "$T/out" "^usage: lifeboat.* ${c##* }"
	# shellcheck disable=SC2086
	expect_rc "$c -h: exit 0" 0 "$LIFEBOAT" --vault "$T/none" $c -h
done
expect_eq "--help created no vault" "$(ls -A "$T" | grep -c none)" 0

expect_rc "--version" 0 "$LIFEBOAT" --version
expect_grep "--version: name, version, schema" "$T/out" \
    '^lifeboat [0-9]+\.[0-9]+\.[0-9]+ \(schema [0-9]+\)$'

expect_rc "unknown command: exit 2" 2 "$LIFEBOAT" --vault "$V" frobnicate
expect_grep "unknown command: named" "$T/err" 'unknown command "frobnicate"'
expect_rc "unknown global option: exit 2" 2 "$LIFEBOAT" --frobnicate
expect_rc "no command: exit 2" 2 "$LIFEBOAT" --vault "$V"
expect_grep "no command: usage on stderr" "$T/err" '^usage: lifeboat'
expect_rc "unknown status option: exit 2" 2 "$LIFEBOAT" --vault "$V" status --frob
expect_rc "init with an argument: exit 2" 2 "$LIFEBOAT" --vault "$V" init extra
expect_rc "journal without a subcommand: exit 2" 2 "$LIFEBOAT" --vault "$V" journal
expect_rc "verify with an argument: exit 2" 2 "$LIFEBOAT" --vault "$V" verify extra
expect_eq "usage errors created no vault" "$(test -e "$V" && echo yes || echo no)" no

# --- init ----------------------------------------------------------------------------

expect_rc "status before init: exit 3" 3 lb status
expect_grep "status before init: says to run init" "$T/err" 'lifeboat init'
expect_eq "status before init: created nothing" \
    "$(test -e "$V" && echo yes || echo no)" no
expect_rc "verify before init: exit 3" 3 lb verify
expect_rc "import before init: exit 3" 3 lb import clients "$GOOD/clients.csv"

expect_rc "init" 0 lb init
expect_eq "vault dir mode 0700" "$(stat -c %a "$V")" 700
expect_eq "vault.db mode 0600" "$(stat -c %a "$V/vault.db")" 600
for k in brokerage clients contacts employees shipments lines; do
	lb import "$k" "$GOOD/$k.csv" >/dev/null 2>&1
done
cp0=$(cp_of "$V")
md0=$(sqlite3 "$V/vault.db" "SELECT count(*) FROM shipment; SELECT value FROM meta WHERE name = 'vault_id'")
expect_rc "init twice: exit 3" 3 lb init
expect_grep "init twice: says a vault exists" "$T/err" 'already exists'
expect_eq "init twice: first vault intact (checkpoint)" "$(cp_of "$V")" "$cp0"
expect_eq "init twice: first vault intact (data, id)" \
    "$(sqlite3 "$V/vault.db" "SELECT count(*) FROM shipment; SELECT value FROM meta WHERE name = 'vault_id'")" \
    "$md0"
expect_rc "init twice: first vault verifies" 0 lb verify
expect_eq "modes kept after use" "$(stat -c %a "$V" "$V"/vault.db* | sort -u | tr '\n' ' ')" "600 700 "

mkdir -m 755 "$T/pre"
expect_rc "init in an existing empty directory" 0 "$LIFEBOAT" --vault "$T/pre" init
expect_eq "init in an existing directory: vault.db 0600" "$(stat -c %a "$T/pre/vault.db")" 600
expect_rc "init where the parent is missing: exit 3" 3 \
    "$LIFEBOAT" --vault "$T/no/such/dir" init

# --- where the vault is ------------------------------------------------------------

expect_rc "\$LIFEBOAT_VAULT: init" 0 env LIFEBOAT_VAULT="$T/env" "$LIFEBOAT" init
expect_eq "\$LIFEBOAT_VAULT: vault made there" "$(test -f "$T/env/vault.db" && echo yes)" yes
expect_rc "\$LIFEBOAT_VAULT: status" 0 env LIFEBOAT_VAULT="$T/env" "$LIFEBOAT" status
expect_grep "\$LIFEBOAT_VAULT: status of that vault" "$T/out" "^Vault $T/env "
envcp=$(cp_of "$T/env")
expect_rc "--vault wins over \$LIFEBOAT_VAULT: config set" 0 \
    env LIFEBOAT_VAULT="$T/env" "$LIFEBOAT" --vault "$V" config set stale_hours 24
expect_eq "--vault wins: the env vault untouched" "$(cp_of "$T/env")" "$envcp"
expect_rc "--vault wins: status" 0 \
    env LIFEBOAT_VAULT="$T/env" "$LIFEBOAT" --vault "$V" status
expect_grep "--vault wins: status of the --vault vault" "$T/out" "^Vault $V "
expect_rc "--vault wins even over a missing \$LIFEBOAT_VAULT" 0 \
    env LIFEBOAT_VAULT="$T/missing" "$LIFEBOAT" --vault "$V" verify
mkdir "$T/cwd"
expect_rc "default ./vault: init" 0 \
    sh -c 'cd "$1" && env -u LIFEBOAT_VAULT "$2" init' sh "$T/cwd" "$LIFEBOAT"
expect_eq "default ./vault: made in the working directory" \
    "$(test -f "$T/cwd/vault/vault.db" && echo yes)" yes

# --- status and staleness ------------------------------------------------------------

lb config set stale_hours 24 2>/dev/null
expect_rc "status" 0 lb status
expect_grep "status: journal line" "$T/out" '^Journal: [0-9]+ entries, head [0-9a-f]{16}'
if grep -q STALE "$T/out"; then notok "status now: nothing STALE" "$(cat "$T/out")"
else ok "status now: nothing STALE"; fi
later=$(plus48h)
expect_rc "status --as-of +48h" 0 lb status --as-of "$later"
expect_grep "status --as-of +48h: as of that time" "$T/out" "as of $later"
expect_eq "status --as-of +48h: all 6 kinds STALE" \
    "$(grep -cE '^  (brokerage|clients|contacts|employees|shipments|lines) .*  STALE$' "$T/out")" 6
expect_grep "status --as-of +48h: a stale-copy risk" "$T/out" 'older than 24 hours'
expect_rc "status --as-of +48h --json" 0 lb status --as-of "$later" --json
got=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(sorted(set(k["stale"] for k in d["kinds"])), d["stale_hours"])' "$T/out" 2>&1)
expect_eq "status --json: valid, every kind stale, 24 h" "$got" "[True] 24"

e0=$(cp_of "$V" | cut -d: -f1)
expect_rc "config set stale_hours 72" 0 lb config set stale_hours 72
expect_eq "config set: journaled" "$(cp_of "$V" | cut -d: -f1)" "$((e0 + 1))"
expect_eq "config set: the entry says what" \
    "$(sqlite3 "$V/vault.db" 'SELECT action, subject, detail FROM journal ORDER BY seq DESC LIMIT 1')" \
    'config|stale_hours|{"value":"72"}'
expect_rc "config get stale_hours" 0 lb config get stale_hours
expect_eq "config get stale_hours: 72" "$(cat "$T/out")" 72
expect_rc "config list" 0 lb config list
expect_grep "config list: stale_hours=72" "$T/out" '^stale_hours=72$'
expect_rc "verify after config set" 0 lb verify
expect_rc "status --as-of +48h after stale_hours 72" 0 lb status --as-of "$later"
if grep -q STALE "$T/out"; then
	notok "stale_hours 72: nothing STALE at +48h" "$(cat "$T/out")"
else ok "stale_hours 72: nothing STALE at +48h"; fi
expect_grep "stale_hours 72: shown" "$T/out" 'stale after 72 h'

cp1=$(cp_of "$V")
expect_rc "config set stale_hours 0: exit 2" 2 lb config set stale_hours 0
expect_grep "config set stale_hours 0: range named" "$T/err" 'from 1 to'
expect_rc "config set stale_hours abc: exit 2" 2 lb config set stale_hours abc
expect_rc "config set stale_hours 1e3: exit 2" 2 lb config set stale_hours 1e3
expect_rc "config set stale_hours huge: exit 2" 2 \
    lb config set stale_hours 99999999999999999999999
expect_rc "config set nope 1: exit 2" 2 lb config set nope 1
expect_grep "config set nope 1: named" "$T/err" 'unknown setting "nope"'
expect_rc "config get nope: exit 2" 2 lb config get nope
expect_rc "config alone: exit 2" 2 lb config
expect_rc "config set without a value: exit 2" 2 lb config set stale_hours
expect_eq "refused config changes: nothing journaled" "$(cp_of "$V")" "$cp1"
expect_eq "refused config changes: stale_hours still 72" \
    "$(lb config get stale_hours 2>&1)" 72
expect_rc "status --as-of garbage: exit 2" 2 lb status --as-of yesterday
expect_rc "config on a missing vault: exit 3" 3 \
    "$LIFEBOAT" --vault "$T/missing" config get stale_hours

# --- demo ------------------------------------------------------------------------------

demo_args="--clients 20 --shipments 200 --employees 10 --seed 3 --base-date 2026-11-01"
for d in d1 d2; do
	# shellcheck disable=SC2086
	expect_rc "demo in fresh vault $d" 0 "$LIFEBOAT" --vault "$T/$d" demo $demo_args
	expect_grep "demo $d: status shown" "$T/out" '^Vault '
	expect_rc "demo $d: verify" 0 "$LIFEBOAT" --vault "$T/$d" verify
	# shellcheck disable=SC2086
	expect_rc "demo $d: --export" 0 \
	    "$LIFEBOAT" --vault "$T/$d" demo $demo_args --export "$T/$d-export"
done
for f in brokerage clients contacts employees shipments lines; do
	if cmp -s "$T/d1-export/$f.csv" "$T/d2-export/$f.csv" &&
	    [ -s "$T/d1-export/$f.csv" ]; then
		ok "demo twice: identical $f.csv"
	else
		notok "demo twice: identical $f.csv" \
		    "$(cmp "$T/d1-export/$f.csv" "$T/d2-export/$f.csv" 2>&1)"
	fi
done
expect_eq "demo: export has 200 shipments" \
    "$(($(wc -l <"$T/d1-export/shipments.csv") - 1))" 200
q="SELECT hex(digest) FROM shipment ORDER BY ref"
expect_eq "demo twice: the same shipments stored" \
    "$(sqlite3 "$T/d1/vault.db" "$q" | md5sum)" \
    "$(sqlite3 "$T/d2/vault.db" "$q" | md5sum)"
expect_eq "demo: 200 shipments stored" \
    "$(sqlite3 "$T/d1/vault.db" 'SELECT count(*) FROM shipment')" 200
# A different seed gives different data (the comparison above can fail).
# shellcheck disable=SC2086
"$LIFEBOAT" --vault "$T/d3" demo ${demo_args/--seed 3/--seed 4} --export "$T/d3-export" 2>/dev/null
if cmp -s "$T/d1-export/shipments.csv" "$T/d3-export/shipments.csv"; then
	notok "demo: another seed, other shipments" "seed 3 and 4 gave the same file"
else ok "demo: another seed, other shipments"; fi
expect_rc "demo --shipments -1: exit 2" 2 "$LIFEBOAT" --vault "$T/d4" demo --shipments -1
expect_rc "demo --base-date bad: exit 2" 2 "$LIFEBOAT" --vault "$T/d4" demo --base-date 2026-13-01
expect_eq "refused demo created no vault" "$(test -e "$T/d4" && echo yes || echo no)" no
