# t_import.sh: lifeboat import, good and bad files.
#
# The good fixtures load and verify; importing the same data again (as CSV
# or as JSON) changes no row but is journaled; --dry-run writes nothing;
# --json is parseable.  Every bad file is refused with exit 1, each error
# located as FILE:LINE:COLUMN, and leaves the vault exactly as it was
# (same journal checkpoint, same row counts, verify still passes).
. "$(dirname "$0")/lib.sh"

V="$T/v"
GOOD="$DATA/good"
BAD="$DATA/bad"
JS="$DATA/json"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }

# The vault's observable state: journal checkpoint and rows per kind (from
# status --json, picked apart with grep: python3 starts too slowly to run
# this dozens of times).  A failure prints something that never compares
# equal.
state() {
	local v=${1:-$V} cp rows
	cp=$("$LIFEBOAT" --vault "$v" journal checkpoint 2>/dev/null)
	rows=$("$LIFEBOAT" --vault "$v" status --json 2>/dev/null |
	    grep -oE '"kind":"[a-z]+","rows":[0-9]+' | tr '\n' ' ')
	if [ -z "$cp" ] || [ -z "$rows" ]; then
		echo "no state for $v ($RANDOM$RANDOM)"
		return
	fi
	printf '%s\n%s\n' "$cp" "$rows"
}

rows_of() {	# rows_of KIND [VAULT]
	"$LIFEBOAT" --vault "${2:-$V}" status --json |
	    grep -oE "\"kind\":\"$1\",\"rows\":[0-9]+" | grep -oE '[0-9]+$'
}

entries() { lb journal checkpoint | cut -d: -f1; }

verify_ok() {	# verify_ok NAME [VAULT]
	if "$LIFEBOAT" --vault "${2:-$V}" verify >"$T/vout" 2>&1; then
		ok "$1"
	else
		notok "$1" "$(head -c 600 "$T/vout")"
	fi
}

# located NAME FILE LINE COL REGEX: stderr ($T/err) has a line
# "FILE:LINE:COL: message" whose message matches REGEX.
located() {
	local name=$1 file=$2 line=$3 col=$4 re=$5
	if grep -F -- "$file:$line:$col: " "$T/err" | grep -qE -- "$re"; then
		ok "$name"
	else
		notok "$name" "no \"$file:$line:$col: /$re/\" in stderr:" \
		    "$(head -c 600 "$T/err")"
	fi
}

# refused NAME KIND FILE LINE COL REGEX [IMPORT OPTIONS]: exit 1, the
# error located, the vault unchanged and still verifying.
refused() {
	local name=$1 kind=$2 file=$3 line=$4 col=$5 re=$6 before after
	shift 6
	before=$(state)
	expect_rc "$name: exit 1" 1 lb import "$kind" "$file" "$@"
	located "$name: error at $line:$col" "$file" "$line" "$col" "$re"
	after=$(state)
	expect_eq "$name: vault unchanged" "$after" "$before"
	verify_ok "$name: vault verifies"
}

count_located() {	# located diagnostics in $T/err for FILE
	grep -cE "^$(printf '%s' "$1" | sed 's/[.[\*^$/]/\\&/g'):[0-9]+:[0-9]+: " \
	    "$T/err"
}

# jcheck NAME FILE [LABEL WANT EXPR]...: FILE is one valid JSON object with
# the keys ok, records and errors, and each python EXPR on it (as d) prints
# its WANT.  One python3 per output: it starts slowly.
jcheck() {
	local name=$1 f=$2 got i=2
	shift 2
	got=$(python3 -c '
import json, sys
try:
	d = json.load(open(sys.argv[1]))
except ValueError as x:
	print("invalid JSON: %s" % x); sys.exit(0)
missing = [k for k in ("ok", "records", "errors") if k not in d]
print("missing keys %s" % missing if missing else "valid")
for e in sys.argv[4::3]:
	try:
		print(eval(e))
	except Exception as x:
		print("error: %r" % x)' "$f" "$@" 2>&1)
	expect_eq "$name: valid JSON with ok/records/errors" \
	    "$(echo "$got" | head -n1)" valid
	while [ $# -ge 3 ]; do
		expect_eq "$name: $1" "$(echo "$got" | sed -n "${i}p")" "$2"
		i=$((i + 1))
		shift 3
	done
}

# --- the good brokerage ------------------------------------------------------

expect_rc "init" 0 lb init
n=2
for k in brokerage clients contacts employees shipments lines; do
	expect_rc "import good $k" 0 lb import "$k" "$GOOD/$k.csv"
	want=$(($(wc -l <"$GOOD/$k.csv") - 1))
	expect_grep "import good $k: reports $want new (journal entry $n)" \
	    "$T/out" ": $k: $want records? imported: $want new or changed, 0 unchanged \\(journal entry $n\\)"
	expect_eq "import good $k: $want rows" "$(rows_of "$k")" "$want"
	n=$((n + 1))
done
verify_ok "verify after the good imports"

# --- idempotence ---------------------------------------------------------------

before=$(state)
e0=$(entries)
expect_rc "re-import shipments" 0 lb import shipments "$GOOD/shipments.csv"
expect_grep "re-import shipments: 0 new or changed" "$T/out" \
    ": shipments: 3 records imported: 0 new or changed, 3 unchanged"
expect_eq "re-import shipments: a new journal entry" "$(entries)" "$((e0 + 1))"
after=$(state)
expect_eq "re-import shipments: row counts unchanged" \
    "$(echo "$after" | tail -n1)" "$(echo "$before" | tail -n1)"
verify_ok "verify after the re-import"

# The same data as JSON changes nothing either.
for k in clients shipments; do
	e0=$(entries)
	rows0=$(rows_of "$k")
	expect_rc "json $k over csv" 0 lb import "$k" "$JS/$k.json"
	expect_grep "json $k over csv: 0 new or changed" "$T/out" \
	    ": $k: $rows0 records? imported: 0 new or changed, $rows0 unchanged"
	expect_eq "json $k over csv: journaled" "$(entries)" "$((e0 + 1))"
	expect_eq "json $k over csv: rows unchanged" "$(rows_of "$k")" "$rows0"
done
verify_ok "verify after the JSON re-imports"

# And the other way: JSON first into a fresh vault, then CSV.
V2="$T/v2"
"$LIFEBOAT" --vault "$V2" init 2>/dev/null
"$LIFEBOAT" --vault "$V2" import brokerage "$GOOD/brokerage.csv" >/dev/null 2>&1
expect_rc "json clients into a fresh vault" 0 \
    "$LIFEBOAT" --vault "$V2" import clients "$JS/clients.json"
expect_grep "json clients into a fresh vault: 3 new" "$T/out" \
    ": clients: 3 records imported: 3 new or changed, 0 unchanged"
expect_rc "json shipments into a fresh vault" 0 \
    "$LIFEBOAT" --vault "$V2" import shipments "$JS/shipments.json"
expect_grep "json shipments into a fresh vault: 3 new" "$T/out" \
    ": shipments: 3 records imported: 3 new or changed, 0 unchanged"
for k in clients shipments; do
	expect_rc "csv $k over json" 0 \
	    "$LIFEBOAT" --vault "$V2" import "$k" "$GOOD/$k.csv"
	expect_grep "csv $k over json: 0 new or changed" "$T/out" \
	    ": $k: 3 records imported: 0 new or changed, 3 unchanged"
done
verify_ok "verify the JSON-first vault" "$V2"
# The stored rows are identical, whichever format fed them.
for t in client:importer_number shipment:ref; do
	q="SELECT ${t#*:}, hex(digest) FROM ${t%:*} ORDER BY 1"
	expect_eq "${t%:*} rows identical from csv and json" \
	    "$(sqlite3 "$V2/vault.db" "$q")" "$(sqlite3 "$V/vault.db" "$q")"
done

# --- dry run and --json ----------------------------------------------------------

printf 'ref,importer_number,status,mode,port_entry\nHL26-000401,12-3456789AB,arrived,11,2704\nHL26-000402,98-7654321CD,expected,40,1001\n' >"$T/new.csv"
before=$(state)
expect_rc "dry run of new rows" 0 lb import shipments "$T/new.csv" --dry-run
expect_grep "dry run: says nothing written" "$T/out" \
    "shipments: 2 records valid \\(dry run: nothing written\\)"
expect_eq "dry run: vault unchanged" "$(state)" "$before"
expect_eq "dry run: rows not there" \
    "$(sqlite3 "$V/vault.db" "SELECT count(*) FROM shipment WHERE ref LIKE 'HL26-0004%'")" 0
expect_rc "dry run of a bad file: exit 1" 1 \
    lb import shipments "$BAD/shipments-check-digit.csv" --dry-run
located "dry run of a bad file: located" "$BAD/shipments-check-digit.csv" 2 115 \
    "entry_number: check digit"

expect_rc "--json dry run" 0 lb import shipments "$T/new.csv" --dry-run --json
jcheck "--json dry run" "$T/out" "ok, 2 records, no errors, dry run" \
    "(True, 2, [], True)" \
    '(d["ok"], d["records"], d["errors"], d["dry_run"])'
expect_eq "--json dry run: vault unchanged" "$(state)" "$before"

e0=$(entries)
expect_rc "--json import" 0 lb import shipments "$T/new.csv" --json
jcheck "--json import" "$T/out" "ok, 2 records, 2 written, its entry" \
    "(True, 2, 2, $((e0 + 1)))" \
    '(d["ok"], d["records"], d["written"], d["journal_seq"])'
expect_eq "--json import: 2 rows added" "$(rows_of shipments)" 5

# --- bad files -------------------------------------------------------------------

refused "missing required column" clients "$BAD/clients-missing-column.csv" \
    1 1 'missing required column "bond_type"'
refused "unknown header column" clients "$BAD/clients-unknown-column.csv" \
    1 22 'unknown column "colour"'
refused "unterminated quote" shipments "$BAD/shipments-unterminated-quote.csv" \
    5 1 'unterminated quoted field \(opened at line 3, column 42\)'
refused "too few columns" shipments "$BAD/shipments-column-count.csv" \
    3 41 'record has 5 fields, header has 6'
refused "too many columns" shipments "$BAD/shipments-extra-column.csv" \
    3 47 'record has 7 fields, header has 6'

# Invalid UTF-8 and a NUL byte, made here: "é" is two bytes, one column.
{ printf 'ref,importer_number,status,mode,port_entry,description\n'
  printf 'HL26-000501,12-3456789AB,arrived,11,2704,ok\n'
  printf 'HL26-000502,12-3456789AB,arrived,11,2704,caf\xc3\xa9 d\xe9j\xe0\n'; } \
    >"$T/utf8.csv"
refused "invalid UTF-8" shipments "$T/utf8.csv" 3 48 'invalid UTF-8'
{ printf 'ref,importer_number,status,mode,port_entry,description\n'
  printf 'HL26-000501,12-3456789AB,arrived,11,2704,ab\000cd\n'; } >"$T/nul.csv"
refused "NUL byte" shipments "$T/nul.csv" 2 44 'NUL byte'

# A 100 MB field: refused at its start, quickly, in little memory.
{ printf 'ref,importer_number,status,mode,port_entry,description\n'
  printf 'HL26-000601,12-3456789AB,arrived,11,2704,'
  head -c 100000000 /dev/zero | tr '\0' 'x'
  printf '\nHL26-000602,12-3456789AB,arrived,11,2704,fine\n'; } >"$T/huge.csv"
before=$(state)
t0=$(date +%s%N)
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f %M -o "$T/rss" "$LIFEBOAT" --vault "$V" import shipments \
	    "$T/huge.csv" >"$T/out" 2>"$T/err"
	rc=$?
else
	"$LIFEBOAT" --vault "$V" import shipments "$T/huge.csv" >"$T/out" 2>"$T/err"
	rc=$?
	echo 0 >"$T/rss"
fi
ms=$((($(date +%s%N) - t0) / 1000000))
expect_eq "100 MB field: exit 1" "$rc" 1
located "100 MB field: error at its start" "$T/huge.csv" 2 42 \
    'field longer than [0-9]+ bytes'
if [ "$ms" -lt 5000 ]; then ok "100 MB field: refused in ${ms} ms"; else
	notok "100 MB field: refused in under 5 s" "took $ms ms"; fi
rss=$(tail -n1 "$T/rss")
if [ -x /usr/bin/time ] && [ "$rss" -lt 50000 ] 2>/dev/null; then
	ok "100 MB field: peak RSS ${rss} KB"
else
	notok "100 MB field: peak RSS under 50000 KB" "got '$rss' (/usr/bin/time -f %M)"
fi
expect_eq "100 MB field: vault unchanged" "$(state)" "$before"
rm -f "$T/huge.csv"

refused "bad entry-number check digit" shipments "$BAD/shipments-check-digit.csv" \
    2 115 'entry_number: check digit is 7, expected 1'
refused "unknown client" shipments "$BAD/shipments-unknown-client.csv" \
    4 13 'importer_number: no client "11-1111111AA"'
refused "key repeated in the file" shipments "$BAD/shipments-repeated-key.csv" \
    5 1 'shipment "HL26-000002" appears again \(first at line 3\)'
refused "empty file" shipments "$BAD/empty.csv" 1 1 'empty file'
refused "entry type 86" shipments "$BAD/shipments-entry-type-86.csv" \
    2 129 'entry_type: entry type 86 is closed'
refused "json nested object" shipments "$BAD/shipments-nested.json" \
    3 35 'member "extra": nested arrays and objects are not supported'
refused "json syntax error" shipments "$BAD/shipments-syntax.json" \
    3 81 "expected ',' or '}' after member \"status\""
# An unknown field is located at its value (fields carry the position of
# their value, see src/lib/record.h).
refused "json unknown field" shipments "$BAD/shipments-unknown-field.json" \
    3 36 'unknown field "colour" for shipments'
refused "json given as csv by --format" shipments "$GOOD/shipments.csv" \
    1 1 'top level must be an array' --format json

# A header-only file is refused unless --allow-empty: an empty export from a
# broken main system must not make an old copy look fresh.
before=$(state)
expect_rc "header-only csv: refused" 1 lb import shipments "$BAD/shipments-header-only.csv"
expect_grep "header-only csv: says why" "$T/err" "no records.*--allow-empty"
expect_eq "header-only csv: nothing journaled" "$(state)" "$before"
expect_rc "header-only csv with --allow-empty: exit 0" 0 lb import shipments "$BAD/shipments-header-only.csv" --allow-empty
expect_grep "header-only csv: 0 records" "$T/out" ": shipments: 0 records imported: 0 new or changed"
expect_eq "header-only csv: rows unchanged" "$(state | tail -n1)" \
    "$(echo "$before" | tail -n1)"

# Several errors in one file: each one located.
F="$BAD/shipments-three-errors.csv"
before=$(state)
expect_rc "three bad rows: exit 1" 1 lb import shipments "$F"
expect_eq "three bad rows: 3 located errors" "$(count_located "$F")" 3
located "three bad rows: bad status" "$F" 3 26 'status: "arived" is not one of'
located "three bad rows: bad mode" "$F" 5 34 'mode: unknown mode of transport'
located "three bad rows: bad port" "$F" 7 37 'port_entry: port code must be 4 digits'
located "three bad rows: message quotes the bad mode exactly" "$F" 5 34 \
    'mode: unknown mode of transport "99" '
expect_grep "three bad rows: summary" "$T/err" "3 errors; nothing imported"
expect_eq "three bad rows: vault unchanged" "$(state)" "$before"
expect_rc "three bad rows --json: exit 1" 1 lb import shipments "$F" --json
jcheck "three bad rows --json" "$T/out" \
    "not ok, 6 records, the 3 errors located" \
    "(False, 6, [(3, 26), (5, 34), (7, 37)])" \
    '(d["ok"], d["records"], [(x["line"], x["column"]) for x in d["errors"]])' \
    "written is 0 when nothing was imported" 0 'd["written"]'

expect_rc "--max-errors 2: exit 1" 1 lb import shipments "$F" --max-errors 2
expect_eq "--max-errors 2: 2 located errors" "$(count_located "$F")" 2
expect_grep "--max-errors 2: says it stopped early" "$T/err" \
    'too many errors|stopped'
expect_grep "--max-errors 2: counts the 2 errors found" "$T/err" \
    '(^|[^0-9])2 errors; nothing imported'
expect_rc "--max-errors 1: exit 1" 1 lb import shipments "$F" --max-errors 1
expect_eq "--max-errors 1: 1 located error" "$(count_located "$F")" 1
expect_grep "--max-errors 1: says it stopped early" "$T/err" \
    'too many errors|stopped'
if grep -qE '(^|[^0-9])2 errors' "$T/err"; then
	notok "--max-errors 1: no made-up error count" \
	    "the file has 3 errors, 1 was found, stderr claims 2:" \
	    "$(head -c 400 "$T/err")"
else
	ok "--max-errors 1: no made-up error count"
fi
expect_eq "--max-errors: vault unchanged" "$(state)" "$before"

# All or nothing: row 5 of 10 is bad, none of the 10 lands.
refused "row 5 of 10 bad" shipments "$BAD/shipments-row5-bad.csv" \
    6 42 'entered_value: at most 2 decimal places'
expect_eq "row 5 of 10 bad: none of the 10 rows stored" \
    "$(sqlite3 "$V/vault.db" "SELECT count(*) FROM shipment WHERE ref LIKE 'HL26-0003%'")" 0

# --- kinds and files -------------------------------------------------------------

before=$(state)
expect_rc "unknown kind: exit 2" 2 lb import widgets "$GOOD/shipments.csv"
expect_grep "unknown kind: named" "$T/err" 'unknown kind "widgets"'
expect_rc "internal kind settings: exit 2" 2 lb import settings "$GOOD/shipments.csv"
expect_rc "missing file: exit 3" 3 lb import shipments "$T/no-such.csv"
expect_grep "missing file: named" "$T/err" "no-such.csv: No such file"
expect_rc "directory as FILE: exit 3" 3 lb import shipments "$T"
expect_grep "directory as FILE: named" "$T/err" "not a regular file"
expect_rc "no FILE: exit 2" 2 lb import shipments
expect_rc "bad --format: exit 2" 2 lb import shipments "$GOOD/shipments.csv" --format xml
expect_rc "bad --max-errors: exit 2" 2 lb import shipments "$GOOD/shipments.csv" --max-errors 0
expect_eq "kinds and files: vault unchanged" "$(state)" "$before"

verify_ok "verify at the end"
