# Schema migrations: a vault written by schema 1 (committed as SQL, made by
# the first release's migration) opens, is migrated in one journaled change,
# keeps its data, and verifies; a vault newer than this build is refused.
. "$(dirname "$0")/lib.sh"

mkdir -m 700 "$T/old"
sqlite3 "$T/old/vault.db" < "$DATA/vault-v1.sql"
expect_eq "old vault is schema 1" "$(sqlite3 "$T/old/vault.db" 'PRAGMA user_version')" 1
before=$(sqlite3 "$T/old/vault.db" 'SELECT count(*) FROM journal')

current=$("$LIFEBOAT" --version | sed -E 's/.*schema ([0-9]+).*/\1/')
expect_rc "old vault verifies after migration" 0 "$LIFEBOAT" --vault "$T/old" verify
expect_eq "schema is now the current one" "$(sqlite3 "$T/old/vault.db" 'PRAGMA user_version')" "$current"
expect_eq "migration journaled once" \
	"$(sqlite3 "$T/old/vault.db" "SELECT count(*) FROM journal WHERE action = 'migrate'")" 1
expect_eq "journal grew by one" \
	"$(sqlite3 "$T/old/vault.db" 'SELECT count(*) FROM journal')" $((before + 1))
expect_eq "migration entry says from 1 to current" \
	"$(sqlite3 "$T/old/vault.db" "SELECT detail LIKE '%\"from\":1,\"to\":$current%' FROM journal WHERE action = 'migrate'")" 1
expect_eq "shipments kept" "$(sqlite3 "$T/old/vault.db" 'SELECT count(*) FROM shipment')" 3
expect_eq "lines kept" "$(sqlite3 "$T/old/vault.db" 'SELECT count(*) FROM line')" 3

# Opening again migrates nothing more.
expect_rc "second open" 0 "$LIFEBOAT" --vault "$T/old" status
expect_eq "no second migration" \
	"$(sqlite3 "$T/old/vault.db" "SELECT count(*) FROM journal WHERE action = 'migrate'")" 1

# The new schema works on the migrated vault.
expect_rc "setting on migrated vault" 0 "$LIFEBOAT" --vault "$T/old" config set stale_hours 48
expect_rc "verify after setting" 0 "$LIFEBOAT" --vault "$T/old" verify

# A column added by schema 4 (summary_date) left the old rows' digests as
# they were (verify above), and takes values from now on.
printf 'ref,importer_number,status,mode,port_entry,release_date,summary_date\nM1,%s,released,11,2704,2026-11-02,2026-11-09\n' \
	"$(sqlite3 "$T/old/vault.db" 'SELECT importer_number FROM client LIMIT 1')" >"$T/m1.csv"
expect_rc "import with the new column" 0 "$LIFEBOAT" --vault "$T/old" import shipments "$T/m1.csv"
expect_eq "new column stored" "$(sqlite3 "$T/old/vault.db" "SELECT summary_date FROM shipment WHERE ref = 'M1'")" 2026-11-09
expect_rc "verify with the new column" 0 "$LIFEBOAT" --vault "$T/old" verify

# A vault from a newer lifeboat is refused, untouched.
"$LIFEBOAT" --vault "$T/new" init 2>/dev/null
sqlite3 "$T/new/vault.db" 'PRAGMA user_version = 99'
expect_rc "newer vault refused" 3 "$LIFEBOAT" --vault "$T/new" status
expect_grep "newer vault message" "$T/err" "newer than this lifeboat"
expect_eq "newer vault untouched" "$(sqlite3 "$T/new/vault.db" 'PRAGMA user_version')" 99

# A database that is not a vault is refused.
mkdir -m 700 "$T/empty"
sqlite3 "$T/empty/vault.db" 'PRAGMA user_version = 0; CREATE TABLE x (a)'
expect_rc "non-vault refused" 3 "$LIFEBOAT" --vault "$T/empty" status
expect_grep "non-vault message" "$T/err" "not a lifeboat vault"
