# lifeboat user (issue 4): web accounts from the command line.  Roles and
# the client binding, user names, the password policy, duplicates, passwd,
# disable and enable, list (text and JSON), the journal entries each change
# writes, exit codes, and that a refused change writes nothing.  Hashes
# never show: not in lists, not in the journal.
. "$(dirname "$0")/lib.sh"
# Numbered: "ok N - what" (lib.sh's ok and notok, counting).
NT=0
ok() { NT=$((NT + 1)); echo "ok $NT - $1"; }
notok() {
	NT=$((NT + 1)); echo "not ok $NT - $1"; shift
	local l; for l in "$@"; do echo "#   $l"; done
}
V="$T/v"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
# python3 itself, not a version manager's shim (slow to start).
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
good_vault brokerage clients
# Our own breached list: the tests do not depend on john-data.
printf '#!comment\npasswordpassword1\ncorrect horse battery staple\n' >"$T/breached"
export LIFEBOAT_BREACHED="$T/breached"

# jlen: the journal's length.
jlen() { lb journal checkpoint | cut -d: -f1; }
# JL: the journal's length when known ("" after a change).
JL=""
# pw PASSWORD NAME WANT_RC CMD...: run CMD with PASSWORD on standard input.
pw() {
	local p=$1 name=$2 want=$3; shift 3
	expect_rc "$name" "$want" "$@" <<<"$p"
	JL=""
}
# refused PASSWORD NAME RC ARGS...: user ARGS refused with RC, nothing written.
refused() {
	local p=$1 name=$2 want=$3; shift 3
	local before=${JL:-$(jlen)}
	expect_rc "$name: exit $want" "$want" lb user "$@" <<<"$p"
	JL=$(jlen)
	expect_eq "$name: nothing journaled" "$JL" "$before"
}
GOOD="a-long-enough-passphrase"
IMP=12-3456789AB
OTHER=98-7654321CD

# --- roles ---------------------------------------------------------------------
for r in admin staff auditor; do
	pw "$GOOD" "add $r" 0 lb user add "u$r" --role "$r" --password-stdin
	expect_grep "add $r: says so" "$T/out" "^added user u$r \($r\)$"
done
pw "$GOOD" "add client bound to an importer" 0 \
    lb user add uclient --role client --client "$IMP" --password-stdin
refused "$GOOD" "client without --client" 1 add c2 --role client --password-stdin
expect_grep "client without --client: named" "$T/err" "needs --client"
refused "$GOOD" "client of a non-existent importer" 1 \
    add c2 --role client --client 11-1111111AA --password-stdin
expect_grep "non-existent importer: named" "$T/err" "no client 11-1111111AA"
refused "$GOOD" "client with a malformed importer" 1 \
    add c2 --role client --client nonsense --password-stdin
for r in admin staff auditor; do
	refused "$GOOD" "--client refused for $r" 1 \
	    add "x$r" --role "$r" --client "$IMP" --password-stdin
done
expect_grep "--client for auditor: named" "$T/err" "only a client user"

# --- names -----------------------------------------------------------------------
for n in Upper .dot _under "sp ace" "é" "a/b" \
    "$(printf 'a%.0s' $(seq 1 33))"; do
	refused "$GOOD" "name '$n' refused" 1 add "$n" --role staff --password-stdin
done
expect_grep "bad name: the rule named" "$T/err" "1 to 32 of a-z"
refused "$GOOD" "name '-dash' refused" 1 add --role staff --password-stdin -- -dash
refused "$GOOD" "empty name refused" 1 add "" --role staff --password-stdin
pw "$GOOD" "name of 32 characters" 0 \
    lb user add "$(printf 'b%.0s' $(seq 1 32))" --role staff --password-stdin
pw "$GOOD" "name with . _ -" 0 lb user add "a.b_c-9" --role staff --password-stdin

# --- the password policy --------------------------------------------------------
refused "abcdefghijklmn" "14 characters refused" 1 add p1 --role staff --password-stdin
expect_grep "too short: the minimum named" "$T/err" "15"
pw "abcdefghijklmno" "15 ASCII characters accepted" 0 \
    lb user add p15 --role staff --password-stdin
e15=$(printf 'é%.0s' $(seq 1 15))
ea14=$(printf 'é%.0s' $(seq 1 14))
# 15 x é is 15 characters, 30 bytes, one character repeated: refused as such,
# not for its length; é and è alternating is varied.
ee15=$("$PY" -c 'print(("éè" * 8)[:15], end="")')
pw "$ee15" "15 multibyte characters (30 bytes) accepted" 0 \
    lb user add pmb --role staff --password-stdin
pw "${ea14}a" "14 x é + 1 (29 bytes) counted as 15 characters" 0 \
    lb user add pmb2 --role staff --password-stdin
refused "$ea14" "14 multibyte characters (28 bytes) refused" 1 \
    add pmb3 --role staff --password-stdin
refused "$e15" "one character repeated (15 x é) refused" 1 \
    add pmb4 --role staff --password-stdin
refused "aaaaaaaaaaaaaaaaaaaa" "one ASCII character repeated refused" 1 \
    add prep --role staff --password-stdin
long=$("$PY" -c 'print("".join(chr(97 + i % 26) for i in range(1100)), end="")')
refused "$long" "1100 bytes refused" 1 add plong --role staff --password-stdin
expect_grep "too long: said" "$T/err" "(long|at most)"
c257=$("$PY" -c 'print("".join(chr(97 + i % 26) for i in range(257)), end="")')
refused "$c257" "257 characters refused" 1 add p257 --role staff --password-stdin
c256=$("$PY" -c 'print("".join(chr(0x1D400 + i % 50) for i in range(256)), end="")')
pw "$c256" "256 characters of 4 bytes (1024 bytes) accepted" 0 \
    lb user add p256 --role staff --password-stdin
refused "passwordpassword1" "breached password refused" 1 \
    add pbr --role staff --password-stdin
expect_grep "breached: said" "$T/err" "(breached|common)"
refused "PasswordPassword1" "breached compared without case" 1 \
    add pbr --role staff --password-stdin
refused "correct horse battery staple" "breached with spaces refused" 1 \
    add pbr --role staff --password-stdin
refused "averylongusername1" "password equal to the name refused" 1 \
    add averylongusername1 --role staff --password-stdin
refused "xx-averylongusername1-yy" "password containing the name refused" 1 \
    add averylongusername1 --role staff --password-stdin
refused "$(printf 'tab\there-and-more-text')" "control character refused" 1 \
    add pctl --role staff --password-stdin
before=$(jlen)
expect_rc "no line on stdin: exit 1" 1 lb user add pnone --role staff --password-stdin </dev/null
expect_eq "no line on stdin: nothing journaled" "$(jlen)" "$before"
expect_rc "no terminal and no --password-stdin: exit 1" 1 \
    setsid -w "$LIFEBOAT" --vault "$V" user add ptty --role staff </dev/null
expect_grep "no terminal: says to use --password-stdin" "$T/err" "password-stdin"
LIFEBOAT_BREACHED="$T/none" expect_rc "breached list missing: exit 3" 3 \
    lb user add pmiss --role staff --password-stdin </dev/null
refused "$GOOD" "duplicate user refused" 1 add ustaff --role auditor --password-stdin
expect_grep "duplicate: named" "$T/err" "already exists"

# --- no password anywhere ------------------------------------------------------
lb user list >"$T/list"
lb user list --json >"$T/list.json"
sqlite3 "$V/vault.db" "SELECT seq, ts, actor, action, subject, detail FROM journal" >"$T/journal"
lb journal verify >"$T/jverify" 2>&1
for f in list list.json journal jverify; do
	expect_eq "no hash in $f" "$(grep -c '\$argon2' "$T/$f")" 0
	for p in "$GOOD" abcdefghijklmno "$ee15"; do
		expect_eq "no password in $f ($p)" "$(grep -cF -- "$p" "$T/$f")" 0
	done
done
expect_eq "the vault does hold hashes" \
    "$(sqlite3 "$V/vault.db" "SELECT count(*) FROM account WHERE hash LIKE '\$argon2id\$%'")" \
    "$(sqlite3 "$V/vault.db" "SELECT count(*) FROM account")"

# --- list ------------------------------------------------------------------------
expect_grep "list: client with importer" "$T/list" "^uclient +client +$IMP +active "
expect_grep "list: staff without importer" "$T/list" "^ustaff +staff +- +active .* by os:"
if "$PY" - "$T/list.json" "$IMP" <<'PY'
import json, sys
u = {a["name"]: a for a in json.load(open(sys.argv[1]))}
assert set(u["uclient"]) == {"name", "role", "importer_number", "state", "at", "actor"}, u["uclient"]
assert u["uclient"]["role"] == "client" and u["uclient"]["importer_number"] == sys.argv[2]
assert u["uadmin"]["role"] == "admin" and u["uadmin"]["importer_number"] is None
assert u["uauditor"]["role"] == "auditor" and u["ustaff"]["state"] == "active"
assert "c2" not in u and "pbr" not in u and "Upper" not in u
assert len(u) == 10, sorted(u)
PY
then ok "list --json: the accounts, their roles and nothing refused"
else notok "list --json: the accounts, their roles and nothing refused" "$(cat "$T/list.json")"; fi
expect_rc "list takes no name" 2 lb user list ustaff
expect_rc "list takes no --role" 2 lb user list --role staff

# --- passwd, disable, enable -----------------------------------------------------
n0=$(jlen)
pw "another-long-passphrase" "passwd" 0 lb user passwd ustaff --password-stdin
expect_grep "passwd: says sessions end" "$T/out" "new password set for ustaff"
expect_eq "passwd: one journal entry" "$(jlen)" $((n0 + 1))
h1=$(sqlite3 "$V/vault.db" "SELECT hash FROM account WHERE name = 'ustaff'")
refused "short-one" "passwd: policy applies" 1 passwd ustaff --password-stdin
refused "passwordpassword1" "passwd: breached refused" 1 passwd ustaff --password-stdin
refused "$GOOD" "passwd of an unknown user" 1 passwd nosuch --password-stdin
expect_grep "passwd unknown: named" "$T/err" "no user nosuch"
expect_eq "refused passwd keeps the hash" \
    "$(sqlite3 "$V/vault.db" "SELECT hash FROM account WHERE name = 'ustaff'")" "$h1"
expect_rc "disable" 0 lb user disable ustaff
JL=""
expect_grep "disable: says so" "$T/out" "ustaff disabled"
expect_grep "list shows disabled" <(lb user list) "^ustaff +staff +- +disabled "
refused "" "disable again refused" 1 disable ustaff
expect_grep "already disabled: said" "$T/err" "already disabled"
expect_rc "enable" 0 lb user enable ustaff
JL=""
refused "" "enable again refused" 1 enable ustaff
expect_grep "already active: said" "$T/err" "already active"
refused "" "disable unknown user" 1 disable nosuch
refused "" "disable with a bad name" 1 disable "Bad Name"

# --- the journal ----------------------------------------------------------------
sqlite3 "$V/vault.db" "SELECT action, subject, actor, detail FROM journal WHERE action LIKE 'user.%' ORDER BY seq" >"$T/uj"
expect_eq "journal: one user.add per user added" "$(grep -c '^user\.add|' "$T/uj")" 10
expect_grep "journal: user.add of the client names role and importer" "$T/uj" \
    "^user\.add\|uclient\|os:[^|]+\|\{\"name\":\"uclient\",\"role\":\"client\",\"importer_number\":\"$IMP\"\}$"
expect_grep "journal: user.passwd" "$T/uj" '^user\.passwd\|ustaff\|os:[^|]+\|\{"name":"ustaff"\}$'
expect_grep "journal: user.disable" "$T/uj" '^user\.disable\|ustaff\|'
expect_grep "journal: user.enable" "$T/uj" '^user\.enable\|ustaff\|'
expect_eq "journal: 13 user entries in all" "$(wc -l <"$T/uj")" 13
expect_eq "journal: no hash in any detail" "$(grep -c 'argon2' "$T/uj")" 0
expect_rc "journal verifies" 0 lb journal verify
expect_rc "vault verifies" 0 lb verify

# --- usage --------------------------------------------------------------------
n0=$(jlen)
expect_rc "user alone: usage" 2 lb user
expect_rc "user --help" 0 lb user --help
expect_rc "unknown subcommand" 2 lb user frob x
expect_rc "add without a name" 2 lb user add --role staff --password-stdin
expect_rc "add with two names" 2 lb user add a b --role staff --password-stdin
expect_rc "add without --role" 2 lb user add x --password-stdin
expect_rc "add with a bad --role" 2 lb user add x --role root --password-stdin
expect_rc "add with --json" 2 lb user add x --role staff --json
expect_rc "unknown option" 2 lb user add x --role staff --bogus
expect_rc "passwd with --role" 2 lb user passwd ustaff --role admin
expect_rc "disable with --password-stdin" 2 lb user disable ustaff --password-stdin
expect_rc "enable with --client" 2 lb user enable ustaff --client "$OTHER"
expect_eq "usage errors write nothing" "$(jlen)" "$n0"
expect_rc "no vault: exit 3" 3 "$LIFEBOAT" --vault "$T/none" user list
echo "1..$NT"
