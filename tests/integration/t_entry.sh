# The entry-number reserve (E1): check, reserve, draw, void, used, export,
# blocks; and never the same number twice, across concurrent processes and
# kill -9 at any moment, with every serial of a block accounted for.
. "$(dirname "$0")/lib.sh"
V="$T/v"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
lb init 2>/dev/null
for k in brokerage clients shipments; do
	lb import $k "$DATA/good/$k.csv" >/dev/null
done

# check: canonical output, exit 1 naming what is wrong.
expect_rc "check valid forms" 0 lb entry check ABC-1234567-6 b76-1234567-1 B7612345671
expect_eq "check prints canonical" "$(cat "$T/out" | tr '\n' ' ')" "ABC-1234567-6 B76-1234567-1 B76-1234567-1 "
expect_rc "check a wrong digit" 1 lb entry check B76-1234567-1 B76-1234567-2
expect_grep "check says the expected digit" "$T/out" "B76-1234567-2: invalid: check digit is 2, expected 1"
expect_grep "check still prints the good one" "$T/out" "^B76-1234567-1$"
expect_rc "check a bad length" 1 lb entry check B76-123456-1
expect_grep "check names the length" "$T/out" "invalid: expected 11 characters"

# reserve: blocks, overlaps refused, filer must be the brokerage's.
expect_rc "reserve a block" 0 lb entry reserve --filer b76 --from 0000100 --to 0000109 --port 2704 --note "downtime"
expect_rc "overlap refused" 1 lb entry reserve --filer B76 --from 0000105 --to 0000200
expect_grep "overlap named" "$T/err" "overlap the block of filer B76 starting at 0000100"
expect_rc "adjacent block" 0 lb entry reserve --filer B76 --from 0000110 --to 0000111
expect_rc "other filer code refused" 1 lb entry reserve --filer ZZ9 --from 0000001 --to 0000002
expect_grep "other filer named" "$T/err" "not one of the brokerage's \(B76;ABC\)"
expect_rc "bad serial" 2 lb entry reserve --filer B76 --from 12 --to 0000200
expect_rc "from after to" 1 lb entry reserve --filer B76 --from 0000300 --to 0000200
expect_rc "bad port" 1 lb entry reserve --filer ABC --from 0000001 --to 0000002 --port 27

# next: in order, with valid check digits, assigned to a shipment on request.
expect_rc "next" 0 lb entry next --filer B76
expect_eq "first number" "$(cat "$T/out")" "$(num B76 0000100)"
expect_rc "--type needs --shipment" 2 lb entry next --filer B76 --type 01
expect_rc "--type 99 is not an entry type" 1 lb entry next --filer B76 --shipment HL26-000002 --type 99
expect_grep "... says so" "$T/err" "entry type 99 is not a CBP entry type"
expect_rc "--type 86 is closed" 1 lb entry next --filer B76 --shipment HL26-000002 --type 86
expect_grep "... says so" "$T/err" "entry type 86 .* is no longer accepted"
expect_eq "nothing drawn by the refusals" "$(sqlite3 "$V/vault.db" "SELECT count(*) FROM entry_use")" 1
# HL26-000002 has no lines, so its pack cannot be made: drawn anyway (the
# check before drawing is t_shipment's).
expect_rc "next --json for a shipment, entry type 11" 0 lb entry next --filer B76 --shipment HL26-000002 --type 11 --anyway --json
num=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["number"])' "$T/out")
expect_eq "second number" "${num:0:11}" "B76-0000101"
expect_rc "the number checks" 0 lb entry check "$num"
expect_eq "shipment holds it" "$(sqlite3 "$V/vault.db" "SELECT entry_number FROM shipment WHERE ref = 'HL26-000002'")" "$num"
expect_eq "... and its entry type" "$(sqlite3 "$V/vault.db" "SELECT entry_type FROM shipment WHERE ref = 'HL26-000002'")" 11
expect_rc "shipment cannot take a second" 1 lb entry next --filer B76 --shipment HL26-000002
expect_grep "says which it has" "$T/err" "already has entry number $num"
expect_rc "unknown shipment" 1 lb entry next --filer B76 --shipment NOPE
expect_rc "verify after drawing" 0 lb verify

# void: a drawn or free number, with a reason; never twice (an assigned one
# is taken off its shipment: t_shipment).
expect_rc "void needs a reason" 2 lb entry void B76-0000100-5
expect_rc "void a drawn number" 0 lb entry void "$(num B76 0000100)" --reason "form torn"
expect_rc "void it again" 1 lb entry void "$(num B76 0000100)" --reason again
expect_rc "void outside every block" 1 lb entry void B76-1234567-1 --reason x
expect_grep "outside named" "$T/err" "in no reserved block"

# used: the main system's numbers are skipped; a clash with a drawn one is
# refused, located, nothing written.
for x in 0000102 0000103 0000104; do num B76 $x; done > "$T/nums"
{ echo "entry_number,note"; sed -n 2,3p "$T/nums" | sed 's/$/,keyed in ACE/'; } > "$T/used.csv"
expect_rc "used marks numbers" 0 lb entry used "$T/used.csv"
expect_grep "used counts" "$T/out" "2 marked used"
expect_rc "used again: already known" 0 lb entry used "$T/used.csv"
expect_grep "already known" "$T/out" "0 marked used, 2 already known"
before=$(lb journal checkpoint)
bad102=$(num B76 0000102 | sed 's/.$/X/')
{ echo "entry_number"; echo "$num"; echo "$bad102"; num B76 0000102; num B76 0000102; } > "$T/clash.csv"
expect_rc "used clashing with a drawn number" 1 lb entry used "$T/clash.csv"
expect_grep "clash located" "$T/err" "clash.csv:2:1: entry_number: $num was drawn by lifeboat for shipment HL26-000002"
expect_grep "bad digit located" "$T/err" "clash.csv:3:1: entry_number: check digit"
expect_grep "repeat located" "$T/err" "clash.csv:5:1: entry_number: .* appears again \(first at line 4\)"
expect_eq "nothing written" "$(lb journal checkpoint)" "$before"
expect_rc "next skips used numbers" 0 lb entry next --filer B76
expect_eq "skipped 102-104" "$(head -c 11 "$T/out")" "B76-0000105"

# A number already on a shipment of the vault is recorded as used and skipped.
n106=$(num B76 0000106)
printf 'ref,importer_number,status,mode,port_entry,entry_number\nHL26-000009,12-3456789AB,arrived,11,2704,%s\n' "$n106" > "$T/s9.csv"
lb import shipments "$T/s9.csv" >/dev/null
expect_rc "next past a number on a shipment" 0 lb entry next --filer B76
expect_eq "skipped 106" "$(head -c 11 "$T/out")" "B76-0000107"
expect_eq "106 recorded as used" "$(sqlite3 "$V/vault.db" "SELECT state || ' ' || shipment_ref FROM entry_use WHERE number = '$n106'")" "used HL26-000009"

# Exhaustion, then the next block.
# 102 (free below the highest drawn) is found by the gap search.
lb entry next --filer B76 --count 5 > "$T/last5"
expect_eq "the last five, holes included" "$(tr '\n' ' ' < "$T/last5")" \
	"$(for x in 0000108 0000109 0000102 0000110 0000111; do num B76 $x; done | tr '\n' ' ')"
expect_rc "reserve exhausted" 1 lb entry next --filer B76
expect_grep "exhausted says so" "$T/err" "reserve of filer B76 is exhausted"
expect_rc "blocks warns" 0 lb entry blocks
expect_grep "blocks warning" "$T/err" "filer B76 has 0 entry numbers left, below the entry_low setting"
lb entry blocks --json > "$T/blocks.json" 2>/dev/null
expect_rc "blocks json: taken + left = size" 0 python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); assert len(b) == 2 and all(x["taken"]+x["left"]==x["size"] for x in b)' "$T/blocks.json"

# status shows the reserve and its risk.
lb status --json > "$T/status.json"
expect_rc "status: numbers left per filer, low-reserve risk" 0 python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["entry_reserve"] == {"B76": 0}, s["entry_reserve"]
assert "entry_reserve_low" in [r["id"] for r in s["risks"]]
' "$T/status.json"

# export: every number known, CSV and JSON.
expect_rc "export csv" 0 lb entry export
expect_eq "export rows" "$(($(wc -l < "$T/out") - 1))" "$(sqlite3 "$V/vault.db" 'SELECT count(*) FROM entry_use')"
expect_grep "export header" "$T/out" "^number,state,ref,reason,at,actor"
lb entry export --json > "$T/export.json"
expect_rc "export json valid, one per number" 0 python3 -c 'import json,sys; e=json.load(open(sys.argv[1])); assert len(e) == int(sys.argv[2])' "$T/export.json" "$(sqlite3 "$V/vault.db" 'SELECT count(*) FROM entry_use')"
expect_rc "verify after all" 0 lb verify

# Concurrency: 4 processes draw 10,000 numbers each at once.
W="$T/w"
"$LIFEBOAT" --vault "$W" init 2>/dev/null
"$LIFEBOAT" --vault "$W" entry reserve --filer ABC --from 0100000 --to 0149999 >/dev/null
for p in 1 2 3 4; do
	"$LIFEBOAT" --vault "$W" entry next --filer ABC --count 10000 > "$T/draw$p" 2>"$T/drawerr$p" &
done
wait
expect_eq "40,000 numbers drawn" "$(cat "$T"/draw? | wc -l)" 40000
expect_eq "no duplicates" "$(cat "$T"/draw? | sort | uniq -d | wc -l)" 0
expect_eq "all in the vault" "$(sqlite3 "$W/vault.db" "SELECT count(*) FROM entry_use WHERE state = 'drawn'")" 40000

# Kill -9 at random moments, 20 times: every number printed (it is printed
# only once committed) is in the vault, none twice, and the block adds up.
for i in $(seq 1 20); do
	"$LIFEBOAT" --vault "$W" entry next --filer ABC --count 400 >> "$T/killed" 2>/dev/null &
	pid=$!
	sleep "$(printf '0.%03d' $((RANDOM % 300)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
done
expect_eq "no duplicates after kills" "$(cat "$T"/draw? "$T/killed" | sort | uniq -d | wc -l)" 0
missing=0
sqlite3 "$W/vault.db" "SELECT number FROM entry_use" | sort > "$T/invault"
missing=$(cat "$T"/draw? "$T/killed" | sort | comm -23 - "$T/invault" | wc -l)
expect_eq "every printed number is in the vault" "$missing" 0
"$LIFEBOAT" --vault "$W" entry blocks --json > "$T/b.json"
expect_rc "block accounted: taken + left = size, taken = rows" 0 python3 -c '
import json, sys, subprocess
b = json.load(open(sys.argv[1]))[0]
rows = int(subprocess.check_output(["sqlite3", sys.argv[2], "SELECT count(*) FROM entry_use"]))
assert b["taken"] + b["left"] == b["size"] == 50000, b
assert b["taken"] == rows, (b, rows)
' "$T/b.json" "$W/vault.db"
expect_rc "verify after the kills" 0 "$LIFEBOAT" --vault "$W" verify
"$LIFEBOAT" --vault "$T/none" init 2>/dev/null
"$LIFEBOAT" --vault "$T/none" status --json > "$T/none.json"
expect_rc "status: no reserve is a risk" 0 python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["entry_reserve"] == {} and "no_entry_reserve" in [r["id"] for r in s["risks"]]
' "$T/none.json"
echo "# $(wc -l < "$T/killed") numbers drawn by processes killed 20 times"
