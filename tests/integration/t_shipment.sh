# The downtime loop (issue 9): draw a number after checking the pack,
# re-import the feed (the number kept, the conflict reported and listed),
# pack, release on paper (deadlines start, recovery shows it), corrections
# owned by Lifeboat, void of an assigned number, re-import after recovery
# with the number in the feed (conflict gone), and every refusal leaving
# the journal as it was.
. "$(dirname "$0")/lib.sh"
V="$T/v"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
head_of() { lb journal checkpoint 2>/dev/null; }
good_vault brokerage clients shipments lines
lb entry reserve --filer B76 --from 0900000 --to 0900099 >/dev/null
tomorrow=$(date -u -d tomorrow +%F)

# Find it.
expect_rc "list shipments" 0 lb shipment list --json
expect_eq "all three listed" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["count"], [s["ref"] for s in d["shipments"]])' <"$T/out")" "3 ['HL26-000001', 'HL26-000002', 'HL26-000003']"
expect_rc "without an entry number" 0 lb shipment list --without-entry --json
expect_eq "two have none" "$(python3 -c 'import json,sys; print([s["ref"] for s in json.load(sys.stdin)["shipments"]])' <"$T/out")" "['HL26-000002', 'HL26-000003']"
expect_rc "by status" 0 lb shipment list --status arrived --json
expect_eq "one arrived" "$(python3 -c 'import json,sys; print([s["ref"] for s in json.load(sys.stdin)["shipments"]])' <"$T/out")" "['HL26-000002']"
expect_rc "money as cents and display" 0 lb shipment list --status released --json
expect_eq "entered value" "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["shipments"][0]["entered_value"])' <"$T/out")" "{'cents': 4821055, 'display': '\$48,210.55'}"
expect_rc "unknown status refused" 2 lb shipment list --status lost
expect_grep "statuses named" "$T/err" "expected, in_transit"
expect_rc "a name is not an importer number" 2 lb shipment list --importer "Pacific Rim"
expect_grep "pointed to --q" "$T/err" "use --q"
expect_rc "show" 0 lb shipment show HL26-000001 --json
expect_eq "show has the shipment and its lines" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ref"], d["shipment"]["entry_type"], len(d["lines"]), d["decided"], d["paper_release"])' <"$T/out")" "HL26-000001 01 2 [] None"
expect_rc "show unknown" 1 lb shipment show NOPE --json
expect_eq "its error is JSON on stdout" "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["ok"])' <"$T/out")" "False"

# Check before drawing: HL26-000003 has no carrier and no lines.
h0=$(head_of)
expect_rc "draw refused when the pack cannot be made" 1 lb entry next --filer B76 --shipment HL26-000003 --type 01
expect_grep "every missing field named" "$T/err" "carrier_scac"
expect_grep "and the lines" "$T/err" "no entry lines"
expect_grep "what to do" "$T/err" "lifeboat shipment set HL26-000003"
expect_rc "refusal as JSON" 1 lb entry next --filer B76 --shipment HL26-000003 --type 01 --json
expect_eq "JSON lists what is missing" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ok"], len(d["missing"]))' <"$T/out")" "False 2"
expect_rc "a released shipment never draws" 1 lb entry next --filer B76 --shipment HL26-000001 --anyway
expect_grep "said why" "$T/err" "HL26-000001 is released"
expect_eq "refusals wrote nothing" "$(head_of)" "$h0"

# Draw, then the feed comes again without the number.
n2=$(lb entry next --filer B76 --shipment HL26-000002 --type 01)
expect_eq "drew a number for HL26-000002" "$n2" "$(num B76 0900000)"
expect_rc "re-import the feed" 0 lb import shipments "$DATA/good/shipments.csv"
expect_grep "conflict warned at its place" "$T/err" "shipments.csv:3:[0-9]+: warning: entry_number of shipment HL26-000002: the feed says nothing but Lifeboat holds \"$n2\""
expect_grep "nothing changed" "$T/out" "0 new or changed"
expect_rc "the number is kept" 0 lb shipment show HL26-000002 --json
expect_eq "entry number and type survive the feed" "$(python3 -c 'import json,sys; d=json.load(sys.stdin)["shipment"]; print(d["entry_number"], d["entry_type"])' <"$T/out")" "$n2 01"
expect_rc "conflicts listed" 0 lb shipment conflicts --json
expect_eq "two conflicts, with where" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["count"], sorted(c["field"] for c in d["conflicts"]), d["conflicts"][0]["feed_where"].split(":")[1])' <"$T/out")" "2 ['entry_number', 'entry_type'] 3"
expect_rc "status raises them" 0 lb status --json
expect_grep "feed_conflicts risk" "$T/out" '"id":"feed_conflicts","count":2'
expect_rc "the import journal counts them" 0 lb journal verify
expect_rc "draw again refused" 1 lb entry next --filer B76 --shipment HL26-000002 --anyway
expect_grep "already has" "$T/err" "already has entry number $n2"
expect_rc "export keeps the number" 0 lb entry export
expect_grep "drawn number exported" "$T/out" "^$n2,drawn,HL26-000002"

# Resolve: keep Lifeboat's; the same feed value is not raised again.
expect_rc "resolve needs a reason" 2 lb shipment resolve HL26-000002 entry_number --keep
expect_rc "resolve keep" 0 lb shipment resolve HL26-000002 entry_number --keep --reason "main system down"
expect_rc "keep twice refused" 1 lb shipment resolve HL26-000002 entry_number --keep --reason again
expect_rc "no conflict on a field not owned" 1 lb shipment resolve HL26-000002 bill --keep --reason x
expect_grep "said so" "$T/err" "no conflict"
expect_rc "import again" 0 lb import shipments "$DATA/good/shipments.csv"
if grep -q "warning: entry_number" "$T/err"; then notok "a kept value is not raised again" "$(cat "$T/err")"; else ok "a kept value is not raised again"; fi
expect_grep "the unresolved one still is" "$T/err" "warning: entry_type"

# The pack, then the paper release.
expect_rc "pack" 0 lb pack HL26-000002 -o "$T/p.pdf"
h0=$(head_of)
expect_rc "release before arrival refused" 1 lb shipment release HL26-000002 --date 2026-11-24
expect_grep "arrival named" "$T/err" "before the shipment's arrival on 2026-11-25"
expect_rc "release in the future refused" 1 lb shipment release HL26-000002 --date "$tomorrow"
expect_grep "future named" "$T/err" "in the future"
expect_rc "release without a number refused" 1 lb shipment release HL26-000003 --date 2026-12-02
expect_grep "number asked for" "$T/err" "has no entry number"
expect_rc "bad date refused" 2 lb shipment release HL26-000002 --date 2026-02-30
expect_rc "bad port refused" 1 lb shipment release HL26-000002 --date 2026-11-26 --port 27
expect_rc "unknown shipment" 1 lb shipment release NOPE --date 2026-11-26
expect_eq "refused releases wrote nothing" "$(head_of)" "$h0"
expect_rc "release on paper" 0 lb shipment release HL26-000002 --date 2026-11-26 --note "Officer Diaz, LA/LB" --json
expect_rc "released twice refused" 1 lb shipment release HL26-000002 --date 2026-11-26
expect_grep "already released" "$T/err" "already released \(on 2026-11-26\)"
expect_rc "show the release" 0 lb shipment show HL26-000002 --json
expect_eq "released on that date, paper release recorded" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["shipment"]["status"], d["shipment"]["release_date"], d["paper_release"]["port"], d["paper_release"]["note"])' <"$T/out")" "released 2026-11-26 2704 Officer Diaz, LA/LB"
expect_rc "deadlines start" 0 lb deadlines --json
expect_eq "summary due 10 working days after the release" "$(python3 -c 'import json,sys; print([d["due"] for d in json.load(sys.stdin)["deadlines"] if d.get("ref", d.get("subject")) == "HL26-000002" and d["kind"] == "summary"])' <"$T/out")" "['2026-12-10']"
expect_rc "recovery shows it" 0 lb recovery list --json
expect_eq "three tasks with the release date" "$(python3 -c 'import json,sys; print(sorted({(t["release_date"], t["entry_number"]) for t in json.load(sys.stdin) if t["ref"] == "HL26-000002"}))' <"$T/out")" "[('2026-11-26', '$n2')]"
expect_rc "a released number cannot be voided" 1 lb entry void "$n2" --reason "changed our mind"
expect_grep "why" "$T/err" "released on 2026-11-26: a released entry must be filed"
expect_rc "the feed's entry number cannot replace a paper release" 1 lb shipment resolve HL26-000002 entry_number --accept-feed --reason x
expect_grep "said why" "$T/err" "released shipment HL26-000002 on paper"

# Corrections for the port, owned by Lifeboat.
h0=$(head_of)
expect_rc "set needs a reason" 2 lb shipment set HL26-000003 carrier_scac=UAL
expect_rc "a bad value refused, located" 1 lb shipment set HL26-000003 carrier_scac=U2 --reason x
expect_grep "the column named" "$T/err" "^lifeboat: carrier_scac: "
expect_rc "the status has its own command" 1 lb shipment set HL26-000003 status=released --reason x
expect_grep "pointed to the release" "$T/err" "record a paper release instead"
expect_rc "the entry number has its own" 1 lb shipment set HL26-000003 entry_number=B76-0900005-7 --reason x
expect_rc "unknown field" 1 lb shipment set HL26-000003 colour=red --reason x
expect_rc "a missing line" 1 lb shipment set HL26-000001 7.quantity=3 --reason x
expect_grep "line named" "$T/err" "has no line 7"
expect_rc "the record's rules apply" 1 lb shipment set HL26-000003 entry_type=01 --reason x
expect_grep "cross-field rule" "$T/err" "entry type without an entry number"
expect_rc "a required field cannot be cleared" 1 lb shipment set HL26-000001 mode= --reason x
expect_rc "all or nothing" 1 lb shipment set HL26-000003 carrier_scac=UAL bill=nope! --reason x
expect_eq "refused corrections wrote nothing" "$(head_of)" "$h0"
expect_rc "correct a shipment and a line" 0 lb shipment set HL26-000001 bond_amount=75000 driver_name="Ana Ruiz" 2.quantity=351 --reason "port asked"
expect_rc "lines re-imported" 0 lb import lines "$DATA/good/lines.csv"
expect_grep "line conflict warned" "$T/err" "lines.csv:3:[0-9]+: warning: quantity of line 2 of shipment HL26-000001: the feed says \"350.5\" but Lifeboat holds \"351\""
expect_rc "shipments re-imported" 0 lb import shipments "$DATA/good/shipments.csv"
expect_rc "show the corrections" 0 lb shipment show HL26-000001 --json
expect_eq "corrections survive the feed" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["shipment"]["bond_amount"]["cents"], d["shipment"]["driver_name"], d["lines"][1]["quantity"], sorted(x["field"] for x in d["decided"]))' <"$T/out")" "7500000 Ana Ruiz 351 ['2.quantity', 'bond_amount', 'driver_name']"
expect_rc "accept the feed's quantity" 0 lb shipment resolve HL26-000001 2.quantity --accept-feed --reason "feed is right"
expect_rc "show again" 0 lb shipment show HL26-000001 --json
expect_eq "the feed's value, no longer Lifeboat's" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["lines"][1]["quantity"], sorted(x["field"] for x in d["decided"]))' <"$T/out")" "350.5 ['bond_amount', 'driver_name']"

# Undo a draw: HL26-000003 gets its carrier and lines, draws, voids.
printf 'shipment_ref,line_no,hts,country_origin,description,value,quantity,unit\nHL26-000003,1,8205.59.8000,DE,hand tools,3200.10,40,NO\n' >"$T/l3.csv"
lb import lines "$T/l3.csv" >/dev/null
lb shipment set HL26-000003 carrier_scac=UAL --reason "from the AWB" >/dev/null
n3=$(lb entry next --filer B76 --shipment HL26-000003 --type 01 2>"$T/err")
expect_eq "drew for HL26-000003" "$n3" "$(num B76 0900001)"
expect_rc "void the assigned number" 0 lb entry void "$n3" --reason "wrong filer code for this port"
expect_rc "show after void" 0 lb shipment show HL26-000003 --json
expect_eq "the shipment lost the number and its type" "$(python3 -c 'import json,sys; d=json.load(sys.stdin)["shipment"]; print(d["entry_number"], d["entry_type"])' <"$T/out")" "None None"
expect_rc "export after void" 0 lb entry export
expect_grep "the number stays, void" "$T/out" "^$n3,void,HL26-000003,wrong filer code"
expect_rc "recovery after void" 0 lb recovery list --json
expect_eq "its tasks close as void" "$(python3 -c 'import json,sys; print(sorted({(t["state"], t["entry_number"]) for t in json.load(sys.stdin) if t["ref"] == "HL26-000003"}))' <"$T/out")" "[('void', '$n3')]"
expect_rc "a void task cannot be marked" 1 lb recovery mark HL26-000003 release transmitted
n3b=$(lb entry next --filer B76 --shipment HL26-000003 --type 01 2>"$T/err")
expect_eq "a new draw never reuses the void number" "$n3b" "$(num B76 0900002)"
expect_rc "recovery after the new draw" 0 lb recovery list --json
expect_eq "its tasks are pending on the new number" "$(python3 -c 'import json,sys; print(sorted({(t["state"], t["entry_number"]) for t in json.load(sys.stdin) if t["ref"] == "HL26-000003"}))' <"$T/out")" "[('pending', '$n3b')]"

# After recovery: the feed carries Lifeboat's number and the release.
python3 - "$DATA/good/shipments.csv" "$T/after.csv" "$n2" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for r in rows:
    if r["ref"] == "HL26-000002":
        r.update(entry_number=sys.argv[3], entry_type="01", status="released", release_date="2026-11-26")
w = csv.DictWriter(open(sys.argv[2], "w", newline=""), fieldnames=rows[0].keys())
w.writeheader(); w.writerows(rows)
PY
expect_rc "import the recovered feed" 0 lb import shipments "$T/after.csv"
if grep -q "HL26-000002" "$T/err"; then notok "the recovered feed agrees: no warning for HL26-000002" "$(cat "$T/err")"; else ok "the recovered feed agrees: no warning for HL26-000002"; fi
expect_rc "conflicts after recovery" 0 lb shipment conflicts --json
expect_eq "none left for HL26-000002" "$(python3 -c 'import json,sys; print([c["field"] for c in json.load(sys.stdin)["conflicts"] if c["ref"] == "HL26-000002"])' <"$T/out")" "[]"

# Accepting a feed's other number voids Lifeboat's, never loses it.
lb shipment set HL26-000003 carrier_scac=UAL --reason same >/dev/null 2>&1
python3 - "$DATA/good/shipments.csv" "$T/other.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for r in rows:
    if r["ref"] == "HL26-000003":
        r.update(entry_number="B76-1234570-5", entry_type="01", carrier_scac="UAL")
w = csv.DictWriter(open(sys.argv[2], "w", newline=""), fieldnames=rows[0].keys())
w.writeheader(); w.writerows(rows)
PY
expect_rc "a feed with another number" 0 lb import shipments "$T/other.csv"
expect_grep "its conflict warned" "$T/err" "entry_number of shipment HL26-000003: the feed says \"B76-1234570-5\""
expect_rc "accept the feed's number" 0 lb shipment resolve HL26-000003 entry_number --accept-feed --reason "main system filed it"
expect_rc "export after accepting" 0 lb entry export
expect_grep "Lifeboat's number is void, not lost" "$T/out" "^$n3b,void,HL26-000003"
expect_rc "show after accepting" 0 lb shipment show HL26-000003 --json
expect_eq "the shipment has the feed's number" "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["shipment"]["entry_number"])' <"$T/out")" "B76-1234570-5"
expect_rc "the vault verifies after all of it" 0 lb verify
