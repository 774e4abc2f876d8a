# The recovery queue (E4): every shipment that drew a number of the reserve
# gets its release, summary and statement tasks; marks are checked,
# journaled, all or nothing; the export is CSV for keying; the
# enforcement-discretion attachment in text and PDF.
. "$(dirname "$0")/lib.sh"
V="$T/v"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
good_vault brokerage clients shipments lines
printf 'ref,importer_number,status,mode,port_entry\nHL26-000004,98-7654321CD,arrived,11,2704\n' >"$T/s4.csv"
lb import shipments "$T/s4.csv" >/dev/null
lb entry reserve --filer B76 --from 0900000 --to 0900099 >/dev/null
# Their packs are not what this tests: drawn --anyway (t_shipment checks the pack first).
n2=$(lb entry next --filer B76 --shipment HL26-000002 --anyway)
n3=$(lb entry next --filer B76 --shipment HL26-000003 --anyway)
expect_eq "drew two numbers" "$n2 $n3" "$(num B76 0900000) $(num B76 0900001)"

expect_rc "list the queue" 0 lb recovery list --json
cp "$T/out" "$T/q.json"
expect_eq "three tasks per downtime shipment" "$(python3 -c 'import json,sys; print([(t["ref"], t["task"], t["state"]) for t in json.load(sys.stdin)])' <"$T/q.json")" "[('HL26-000002', 'release', 'pending'), ('HL26-000002', 'summary', 'pending'), ('HL26-000002', 'statement', 'pending'), ('HL26-000003', 'release', 'pending'), ('HL26-000003', 'summary', 'pending'), ('HL26-000003', 'statement', 'pending')]"
expect_eq "tasks carry the entry number" "$(python3 -c 'import json,sys; print({t["entry_number"] for t in json.load(sys.stdin) if t["ref"] == "HL26-000002"})' <"$T/q.json")" "{'$n2'}"
expect_grep "pending tasks say when the number was drawn" "$T/q.json" '"drawn_at":"20[0-9-]+T[0-9:]+Z"'
expect_rc "text list" 0 lb recovery list
expect_grep "text count" "$T/out" "^6 tasks$"

# Marks: the state machine, refusals leave nothing behind.
j0=$(sqlite3 "$V/vault.db" 'SELECT count(*) FROM journal')
expect_rc "unknown shipment" 1 lb recovery mark NOPE release transmitted
expect_grep "unknown shipment named" "$T/err" 'no shipment "NOPE"'
expect_rc "shipment without entry number" 1 lb recovery mark HL26-000004 release transmitted
expect_grep "no entry number named" "$T/err" "HL26-000004 has no entry number"
expect_rc "unknown task" 1 lb recovery mark HL26-000002 invoice transmitted
expect_grep "tasks listed" "$T/err" "release, summary, statement or all"
expect_rc "unknown state" 1 lb recovery mark HL26-000002 release done
expect_rc "back to pending refused" 1 lb recovery mark HL26-000002 release pending
expect_rc "rejection needs a reason" 1 lb recovery mark HL26-000002 release rejected
expect_grep "reason asked for" "$T/err" "needs --reason"
expect_rc "missing arguments" 2 lb recovery mark HL26-000002 release
expect_eq "refusals wrote nothing" "$(sqlite3 "$V/vault.db" 'SELECT count(*) FROM journal')" "$j0"

expect_rc "transmit the release" 0 lb recovery mark HL26-000002 release transmitted
expect_rc "same state refused" 1 lb recovery mark HL26-000002 release transmitted
expect_grep "already" "$T/err" "HL26-000002 release is already transmitted"
expect_rc "accepted" 0 lb recovery mark HL26-000002 release accepted
expect_rc "accepted is final" 1 lb recovery mark HL26-000002 release rejected --reason late
expect_grep "final named" "$T/err" "was accepted by CBP"
expect_rc "reject all three" 0 lb recovery mark HL26-000003 all rejected --reason "missing MID"
expect_rc "all refused as a whole when one task cannot" 1 lb recovery mark HL26-000002 all transmitted
expect_rc "retransmit after rejection" 0 lb recovery mark HL26-000003 summary transmitted
expect_eq "each mark is one journal entry" "$(sqlite3 "$V/vault.db" "SELECT count(*) FROM journal WHERE action = 'recovery.mark'")" 4
expect_eq "the refused 'all' changed nothing" "$(sqlite3 "$V/vault.db" "SELECT state FROM recovery WHERE shipment_ref = 'HL26-000002' AND task = 'summary'")" ""

expect_rc "filter by state" 0 lb recovery list --state rejected --json
expect_eq "two rejected" "$(python3 -c 'import json,sys; print([(t["ref"], t["task"], t["reason"]) for t in json.load(sys.stdin)])' <"$T/out")" "[('HL26-000003', 'release', 'missing MID'), ('HL26-000003', 'statement', 'missing MID')]"
expect_rc "bad state filter" 2 lb recovery list --state done

expect_rc "export CSV" 0 lb recovery export
cp "$T/out" "$T/q.csv"
expect_eq "CSV header" "$(head -n1 "$T/q.csv")" "ref,task,entry_number,state,reason,at,actor,shipment_status,importer_number,port_entry,mode,carrier_scac,bill,release_date,entered_value,drawn_at"
expect_eq "CSV rows" "$(python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin)); print(len(r), r[0]["state"], r[0]["actor"] != "", r[0]["entered_value"], r[3]["state"], r[3]["reason"], r[4]["state"], r[4]["reason"] == "")' <"$T/q.csv")" "6 accepted True 12500.00 rejected missing MID transmitted True"
expect_rc "export JSON" 0 lb recovery export --state pending --json
expect_eq "pending left" "$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' <"$T/out")" 2

# The attachment: for HL26-000001 (released normally, B76-1234567-1).
expect_rc "no discretion recorded" 1 lb recovery attachment B76-1234567-1
expect_grep "says what to record" "$T/err" "no enforcement discretion recorded covers entry B76-1234567-1 \(its summary is due 2026-12-07, port 2704\)"
lb relief add --type discretion --from 2026-12-01 --to 2026-12-11 --covers all --reason "Ransomware attack on the broker's systems since 2026-11-30" --reference "CBP OT/OFO email of 2026-12-02" --approved-by "CBP Office of Trade" >/dev/null
expect_rc "attachment text" 0 lb recovery attachment b7612345671 --date 2026-12-09
cp "$T/out" "$T/att.txt"
expect_grep "names the broker" "$T/att.txt" "Harborline Customs Brokerage LLC"
expect_grep "names the entry" "$T/att.txt" "B76-1234567-1"
expect_grep "date range on paper" "$T/att.txt" "12/01/2026.*12/11/2026"
expect_grep "the reason" "$T/att.txt" "Ransomware attack on the broker's systems since 2026-11-30"
expect_grep "the reference" "$T/att.txt" "CBP OT/OFO email of 2026-12-02"
expect_rc "no importer number on it" 1 grep -q "12-3456789AB" "$T/att.txt"
expect_rc "attachment PDF" 0 lb recovery attachment B76-1234567-1 -o "$T/att.pdf" --date 2026-12-09
if pdftotext "$T/att.pdf" "$T/att.pdf.txt" 2>/dev/null; then
	expect_grep "PDF says the entry" "$T/att.pdf.txt" "B76-1234567-1"
	expect_grep "PDF says the reason" "$T/att.pdf.txt" "Ransomware attack"
else
	notok "pdftotext reads the attachment"
fi
expect_rc "text file" 0 lb recovery attachment B76-1234567-1 -o "$T/att2.txt" --date 2026-12-09
expect_eq "text file is the text" "$(cat "$T/att2.txt")" "$(cat "$T/att.txt")"
expect_eq "text file private" "$(stat -c %a "$T/att2.txt")" 600
expect_rc "existing text file not overwritten" 3 lb recovery attachment B76-1234567-1 -o "$T/att2.txt"
expect_grep "existing file: says --force" "$T/err" "att2.txt exists: not replaced \(give --force to replace it\)"
expect_rc "existing PDF not overwritten either" 3 lb recovery attachment B76-1234567-1 -o "$T/att.pdf" --date 2026-12-09
expect_rc "--force replaces a PDF" 0 lb recovery attachment B76-1234567-1 -o "$T/att.pdf" --date 2026-12-09 --force
echo old > "$T/att2.txt"
expect_rc "--force replaces a text file" 0 lb recovery attachment B76-1234567-1 -o "$T/att2.txt" --date 2026-12-09 --force
expect_eq "forced text file is the text" "$(cat "$T/att2.txt")" "$(cat "$T/att.txt")"
ln -s "$T/att2.txt" "$T/attlink.pdf"
expect_rc "a symlink is refused with --force" 3 lb recovery attachment B76-1234567-1 -o "$T/attlink.pdf" --force
expect_grep "symlink named" "$T/err" "is a symbolic link"
expect_eq "link target untouched" "$(cat "$T/att2.txt")" "$(cat "$T/att.txt")"
if [ "$(id -u)" != 0 ]; then
	expect_rc "/dev/null is refused with --force" 3 lb recovery attachment B76-1234567-1 -o /dev/null --force
fi
expect_rc "/dev/null is refused" 3 lb recovery attachment B76-1234567-1 -o /dev/null
expect_eq "/dev/null still a device" "$(stat -c %F /dev/null)" "character special file"
# The letterhead and plain words.
expect_grep "letterhead: license and filer code" "$T/att.txt" "^Licensed customs broker, license [0-9]+, filer code B76$"
expect_grep "title in plain words" "$T/att.txt" "^Entry summary for entry B76-1234567-1: filed late under enforcement"
expect_grep "the period" "$T/att.txt" "^Discretion period: 12/01/2026 through 12/11/2026$"
# --all: every entry a discretion covers that was not released on downtime.
expect_rc "--all needs -o DIR" 2 lb recovery attachment --all
expect_rc "--all takes no ENTRY" 2 lb recovery attachment --all B76-1234567-1 -o "$T/all"
expect_rc "--all" 0 lb recovery attachment --all -o "$T/all" --date 2026-12-09
expect_grep "--all lists what it wrote" "$T/out" "^$T/all/B76-1234567-1.pdf$"
expect_grep "--all: summary" "$T/out" "^[0-9]+ attachments? written to $T/all; [0-9]+ entr(y|ies) not covered"
expect_eq "--all: one file per listed entry" "$(ls "$T/all" | wc -l)" "$(grep -c '\.pdf$' "$T/out")"
expect_eq "--all: no downtime entry" "$(ls "$T/all" | grep -c -e "$n2" -e "$n3")" 0
if pdftotext -layout "$T/all/B76-1234567-1.pdf" "$T/all1.txt" 2>/dev/null; then
	expect_eq "--all: the same words as one by one" "$(tr -s ' \n' '\n\n' <"$T/all1.txt" | grep -v '^-*$' | tr -d '\f')" "$(tr -s ' \n' '\n\n' <"$T/att.txt" | grep -v '^-*$')"
fi
expect_rc "--all again: existing files refused" 3 lb recovery attachment --all -o "$T/all" --date 2026-12-09
expect_grep "--all again: named" "$T/err" "B76-1234567-1.pdf exists: not replaced"
expect_rc "--all --force" 0 lb recovery attachment --all -o "$T/all" --date 2026-12-09 --force
expect_rc "downtime entry refused" 1 lb recovery attachment "$n2"
expect_grep "downtime named" "$T/err" "released on downtime"
expect_rc "unknown entry" 1 lb recovery attachment "$(num B76 0000042)"
expect_rc "bad entry number" 1 lb recovery attachment B76-1234567-2
expect_grep "check digit named" "$T/err" "check digit"
expect_rc "explicit relief of the wrong type" 1 lb recovery attachment B76-1234567-1 --relief R9
expect_rc "explicit relief" 0 lb recovery attachment B76-1234567-1 --relief R1 --date 2026-12-09
expect_rc "the vault verifies" 0 lb verify
