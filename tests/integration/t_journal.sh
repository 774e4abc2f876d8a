# t_journal.sh: tampering behind lifeboat's back is detected and named.
#
# A small vault is built once from the good fixtures; each case copies it,
# changes vault.db with the sqlite3 shell, and expects `lifeboat journal
# verify` and/or `lifeboat verify` to exit 1 and name the entry (or the
# kind and key) that was touched.  Then rollback to an older copy, which
# only a checkpoint kept elsewhere can reveal.
. "$(dirname "$0")/lib.sh"

BASE="$T/base"
GOOD="$DATA/good"

"$LIFEBOAT" --vault "$BASE" init 2>/dev/null
for k in brokerage clients contacts employees shipments lines; do
	"$LIFEBOAT" --vault "$BASE" import "$k" "$GOOD/$k.csv" >/dev/null 2>&1
done
# Entries: 1 init, 2 brokerage, 3 clients, 4 contacts, 5 employees,
# 6 shipments, 7 lines.
expect_rc "base vault verifies" 0 "$LIFEBOAT" --vault "$BASE" verify
expect_grep "base vault: 7 entries" "$T/out" "journal of 7 entries intact"
expect_rc "base journal verifies" 0 "$LIFEBOAT" --vault "$BASE" journal verify

n=0
# tamper SQL: a fresh copy of the base vault in $V, changed by SQL.
tamper() {
	n=$((n + 1))
	V="$T/t$n"
	cp -r "$BASE" "$V"
	if ! sqlite3 "$V/vault.db" "$1" 2>"$T/sqlerr"; then
		notok "tamper SQL runs: $1" "$(cat "$T/sqlerr")"
	fi
}

# jfail NAME REGEX: journal verify and verify both exit 1 naming REGEX.
jfail() {
	expect_rc "$1: journal verify exit 1" 1 "$LIFEBOAT" --vault "$V" journal verify
	expect_grep "$1: journal verify names it" "$T/out" "$2"
	expect_rc "$1: verify exit 1" 1 "$LIFEBOAT" --vault "$V" verify
	expect_grep "$1: verify names it" "$T/out" "$2"
}

# dfail NAME REGEX: the journal is intact, verify exits 1 naming REGEX.
dfail() {
	expect_rc "$1: journal verify still passes" 0 \
	    "$LIFEBOAT" --vault "$V" journal verify
	expect_rc "$1: verify exit 1" 1 "$LIFEBOAT" --vault "$V" verify
	expect_grep "$1: verify names it" "$T/out" "$2"
}

# --- the journal -----------------------------------------------------------------

tamper "UPDATE journal SET detail = replace(detail, '\"records\":3', '\"records\":2') WHERE seq = 4"
jfail "entry detail modified" '^FAIL journal entry 4 \(import contacts.*entry modified'

tamper "UPDATE journal SET actor = 'os:mallory' WHERE seq = 3"
jfail "entry actor modified" '^FAIL journal entry 3 \(import clients.*entry modified'

tamper "UPDATE journal SET ts = '2020-01-01T00:00:00Z' WHERE seq = 6"
jfail "entry time modified" '^FAIL journal entry 6 \(import shipments.*entry modified'

tamper "DELETE FROM journal WHERE seq = 4"
jfail "middle entry deleted" 'expected entry 4 here: entries deleted or inserted'

tamper "DELETE FROM journal WHERE seq = 4; DELETE FROM journal_row WHERE seq = 4"
jfail "middle entry and its rows deleted" \
    '^FAIL journal entry 5: expected entry 4 here'

tamper "UPDATE journal SET seq = 100 WHERE seq = 3;
    UPDATE journal SET seq = 3 WHERE seq = 4;
    UPDATE journal SET seq = 4 WHERE seq = 100"
jfail "entries 3 and 4 swapped: entry 3 named" '^FAIL journal entry 3 '
expect_grep "entries 3 and 4 swapped: entry 4 named" "$T/out" '^FAIL journal entry 4 '

# A forged entry appended, linked to the real head.
tamper "INSERT INTO journal (seq, ts, actor, action, subject, detail, nrows,
    content, prev, hash) SELECT 8, ts, 'os:mallory', 'config', 'stale_hours',
    '{\"value\":\"8760\"}', 0, content, hash, hash FROM journal WHERE seq = 7"
jfail "forged entry appended" '^FAIL journal entry 8 \(config stale_hours'

# A forged entry in the middle: later entries renumbered to make room.
tamper "UPDATE journal SET seq = seq + 100 WHERE seq >= 5;
    UPDATE journal SET seq = seq - 99 WHERE seq >= 105;
    UPDATE journal_row SET seq = seq + 1 WHERE seq >= 5;
    INSERT INTO journal (seq, ts, actor, action, subject, detail, nrows,
    content, prev, hash) SELECT 5, ts, actor, 'config', 'stale_hours',
    '{\"value\":\"8760\"}', 0, content, hash, hash FROM journal WHERE seq = 4"
jfail "forged entry inserted in the middle" '^FAIL journal entry 5 \(config stale_hours'

tamper "DELETE FROM journal_row WHERE rowid = (SELECT min(rowid) FROM journal_row
    WHERE seq = 6 AND key = 'HL26-000002')"
jfail "journal row deleted" \
    '^FAIL journal entry 6 \(import shipments\): 2 journal rows found, 3 recorded: rows deleted or added'

tamper "UPDATE journal_row SET digest = (SELECT digest FROM journal_row WHERE
    key = 'HL26-000001' AND tbl = 'shipment') WHERE key = 'HL26-000002'
    AND tbl = 'shipment'"
jfail "journal row digest replaced" \
    '^FAIL journal entry 6 \(import shipments\): its journal rows were changed \(content digest differs\)'

tamper "UPDATE journal_row SET seq = 5 WHERE key = 'HL26-000003'"
jfail "journal row moved to another entry" \
    '^FAIL journal row shipment "HL26-000003" claims entry 5 but lies among the rows of entry 6'

# --- the data ---------------------------------------------------------------------

tamper "UPDATE shipment SET entered_value = 1 WHERE ref = 'HL26-000002'"
dfail "shipment value edited" \
    '^FAIL shipment "HL26-000002": content differs from what journal entry 6 recorded'
expect_grep "shipment value edited: only that row" "$T/err" 'failed: 1 problems?'

tamper "UPDATE employee SET personal_email = 'attacker@evil.example',
    mobile = NULL WHERE employee_id = 'E001'"
dfail "employee contact details edited, nothing else recomputed" \
    '^FAIL employee "E001": content differs from what journal entry 5 recorded'

tamper "UPDATE line SET value = value * 10 WHERE shipment_ref = 'HL26-000001'
    AND line_no = 2"
dfail "line edited" '^FAIL line "HL26-000001\|2": content differs from what journal entry 7'

tamper "INSERT INTO shipment (ref, importer_number, status, mode, port_entry,
    digest) VALUES ('HL26-999999', '12-3456789AB', 'released', 11, '2704',
    randomblob(32))"
dfail "shipment inserted with a random digest" \
    '^FAIL shipment "HL26-999999": not in the journal \(inserted outside lifeboat'

tamper "DELETE FROM line WHERE shipment_ref = 'HL26-000001' AND line_no = 2"
dfail "line deleted" \
    '^FAIL line "HL26-000001\|2": written by journal entry 7 but missing \(deleted outside lifeboat\)'

tamper "DELETE FROM client WHERE importer_number = '123-45-6789'"
dfail "client deleted" '^FAIL client "123-45-6789": written by journal entry 3 but missing'

tamper "UPDATE client SET name = 'Evil Corp', digest = (SELECT digest FROM client
    WHERE importer_number = '98-7654321CD') WHERE importer_number = '12-3456789AB'"
dfail "client edited and another row's digest copied" \
    '^FAIL client "12-3456789AB": content differs from what journal entry 3'

tamper "UPDATE shipment SET digest = (SELECT digest FROM shipment WHERE
    ref = 'HL26-000001') WHERE ref = 'HL26-000003'"
dfail "only a digest column changed" '^FAIL shipment "HL26-000003": content differs'

tamper "INSERT INTO setting (name, value, digest) VALUES ('stale_hours', '8760',
    randomblob(32))"
dfail "setting inserted outside lifeboat" '^FAIL setting "stale_hours": not in the journal'

tamper "UPDATE brokerage SET signer_name = 'Mallory'"
dfail "brokerage edited" '^FAIL brokerage "24571": content differs'

# verify --json on a tampered vault.
tamper "UPDATE shipment SET status = 'released', release_date = '2026-11-26'
    WHERE ref = 'HL26-000002'"
expect_rc "verify --json on a tampered vault: exit 1" 1 \
    "$LIFEBOAT" --vault "$V" verify --json
got=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["ok"], d["problem_count"], [p for p in d["problems"] if "HL26-000002" in p] != [])' \
    "$T/out" 2>&1)
expect_eq "verify --json on a tampered vault: valid, not ok, names the row" \
    "$got" "False 1 True"

# --- checkpoints and rollback --------------------------------------------------------

V="$T/rb"
cp -r "$BASE" "$V"
expect_rc "checkpoint" 0 "$LIFEBOAT" --vault "$V" journal checkpoint
CP1=$(cat "$T/out")
expect_grep "checkpoint is COUNT:HASH" "$T/out" '^7:[0-9a-f]{64}$'
expect_rc "checkpoint --json" 0 "$LIFEBOAT" --vault "$V" journal checkpoint --json
got=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["checkpoint"], d["entries"])' "$T/out" 2>&1)
expect_eq "checkpoint --json: valid JSON, same checkpoint" "$got" "$CP1 7"

expect_rc "journal verify --json" 0 "$LIFEBOAT" --vault "$V" journal verify --json
got=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["ok"], d["entries"], d["checkpoint"], d["problem_count"], d["problems"])' \
    "$T/out" 2>&1)
expect_eq "journal verify --json: valid, ok, the checkpoint" "$got" "True 7 $CP1 0 []"

expect_rc "journal verify --against the current checkpoint" 0 \
    "$LIFEBOAT" --vault "$V" journal verify --against "$CP1"
expect_grep "journal verify --against the current checkpoint: says so" "$T/out" \
    '^OK extends checkpoint 7$'
expect_rc "verify --against the current checkpoint" 0 \
    "$LIFEBOAT" --vault "$V" verify --against "$CP1"

# Keep a copy, move on, then put the copy back.
sqlite3 "$V/vault.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$V/vault.db" "$T/old.db"
"$LIFEBOAT" --vault "$V" config set stale_hours 48 2>/dev/null
"$LIFEBOAT" --vault "$V" import clients "$GOOD/clients.csv" >/dev/null 2>&1
CP2=$("$LIFEBOAT" --vault "$V" journal checkpoint)
expect_eq "two more entries" "${CP2%%:*}" 9
expect_rc "journal verify --against an older checkpoint" 0 \
    "$LIFEBOAT" --vault "$V" journal verify --against "$CP1"
expect_rc "verify --against the newest checkpoint" 0 \
    "$LIFEBOAT" --vault "$V" verify --against "$CP2"

rm -f "$V/vault.db-wal" "$V/vault.db-shm"
cp "$T/old.db" "$V/vault.db"
expect_rc "rolled back: journal verify alone passes" 0 \
    "$LIFEBOAT" --vault "$V" journal verify
expect_rc "rolled back: verify alone passes" 0 "$LIFEBOAT" --vault "$V" verify
expect_rc "rolled back: journal verify --against exit 1" 1 \
    "$LIFEBOAT" --vault "$V" journal verify --against "$CP2"
expect_grep "rolled back: names the rollback" "$T/out" \
    'journal has 7 entries but the checkpoint names entry 9: the journal was truncated or the vault rolled back'
expect_rc "rolled back: verify --against exit 1" 1 \
    "$LIFEBOAT" --vault "$V" verify --against "$CP2"
expect_grep "rolled back: verify names the rollback" "$T/out" 'rolled back'

# Rolled back, then written again up to the same count: a rewrite.
"$LIFEBOAT" --vault "$V" config set stale_hours 72 2>/dev/null
"$LIFEBOAT" --vault "$V" config set stale_hours 96 2>/dev/null
expect_eq "rewritten to the same count" \
    "$("$LIFEBOAT" --vault "$V" journal checkpoint | cut -d: -f1)" 9
expect_rc "rewritten: journal verify --against exit 1" 1 \
    "$LIFEBOAT" --vault "$V" journal verify --against "$CP2"
expect_grep "rewritten: names entry 9 and the rewrite" "$T/out" \
    "journal entry 9 does not have the checkpoint's hash: the journal was rewritten"
expect_rc "rewritten: still extends the older checkpoint" 0 \
    "$LIFEBOAT" --vault "$V" journal verify --against "$CP1"

h=${CP1#*:}
for bad in "7:abc" "7" "abc" "0:$h" "-7:$h" "7:${h}0" "7:${h%?}g" ":$h" "7 :$h"; do
	expect_rc "malformed checkpoint \"$bad\": exit 2" 2 \
	    "$LIFEBOAT" --vault "$V" journal verify --against "$bad"
done
expect_grep "malformed checkpoint: says what is wrong" "$T/err" \
    'checkpoint .*COUNT:HASH|64 hex digits'
expect_rc "checkpoint with an extra argument: exit 2" 2 \
    "$LIFEBOAT" --vault "$V" journal checkpoint extra
