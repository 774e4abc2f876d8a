# Deadlines (E3): summary and payment due dates of released shipments,
# judged as of a moment; relief (discretion, extension) recorded and
# applied; the vault's calendar file; the SOC-notice clock; exposure
# estimates labelled with their rule; bad inputs refused, vault unchanged.
. "$(dirname "$0")/lib.sh"
V="$T/v"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
good_vault brokerage clients shipments lines
# D1: daily statement, port 2704, released Friday 2026-11-20 (summary due
# Monday 2026-12-07, after Thanksgiving); D2: PMS client, port 1001, same
# day (payment on the 15th working day of December: 2026-12-21); D3:
# released 2026-12-01, due 2026-12-15.  HL26-000001 (good fixture, PMS,
# port 2704) was released Saturday 2026-11-21: due 2026-12-07 as well.
cat >"$T/s.csv" <<EOF
ref,importer_number,status,mode,port_entry,entry_number,entry_type,release_date
D1,98-7654321CD,released,11,2704,$(num B76 7000001),01,2026-11-20
D2,12-3456789AB,released,11,1001,$(num B76 7000002),01,2026-11-20
D3,98-7654321CD,released,40,1001,$(num B76 7000003),01,2026-12-01
EOF
cat >"$T/l.csv" <<EOF
shipment_ref,line_no,hts,country_origin,description,value,duty
D1,1,8507600020,CN,batteries,10000,1000.00
D1,2,8544429090,CN,cables,2000,234.56
EOF
lb import shipments "$T/s.csv" >/dev/null
lb import lines "$T/l.csv" >/dev/null

# field JSONFILE SUBJECT KIND KEY: one value of one deadline.
field() {
	python3 - "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for x in d["deadlines"]:
    if x["subject"] == sys.argv[2] and x["kind"] == sys.argv[3]:
        v = x
        for k in sys.argv[4].split("."):
            v = v[k] if v is not None else None
        print("null" if v is None else v)
        break
else:
    print("absent")
PY
}

expect_rc "deadlines as of a moment" 0 lb deadlines --as-of 2026-12-03T12:00:00Z --json
cp "$T/out" "$T/a.json"
expect_eq "D1 summary due" "$(field "$T/a.json" D1 summary due)" 2026-12-07
expect_eq "D1 summary at risk (Dec 4 and 7 left)" "$(field "$T/a.json" D1 summary state)" at_risk
expect_eq "D1 working days left" "$(field "$T/a.json" D1 summary working_days_left)" 2
expect_eq "D1 daily statement due with the summary" "$(field "$T/a.json" D1 payment due)" 2026-12-07
expect_eq "D1 payment exposure if missed: 2 x duty" "$(field "$T/a.json" D1 payment exposure.amount.cents)" 246912
expect_eq "D1 exposure is an estimate" "$(field "$T/a.json" D1 payment exposure.estimate)" True
expect_eq "D1 exposure is if missed" "$(field "$T/a.json" D1 payment exposure.if_missed)" True
expect_eq "each exposure names its rule" "$(field "$T/a.json" D1 payment exposure.rule)" "19 CFR 113.62"
expect_grep "the rules stated in full" "$T/a.json" '"rules":\{"summary":"late summary, estimate, to confirm: \$100 \+ 0.1% of the duty per day late \(CBP mitigation practice\)","payment":"late deposit, estimate, to confirm: the greater of 2 x the unpaid duty or \$1,000 \(19 CFR 113.62\)"\}'
expect_eq "one basis: D1 summary estimated with its payment" "$(field "$T/a.json" D1 summary estimate_basis)" "with the duty payment"
expect_eq "one basis: no second amount for the same lateness" "$(field "$T/a.json" D1 summary exposure)" null
expect_eq "D2 PMS payment on the 15th working day" "$(field "$T/a.json" D2 payment due)" 2026-12-21
expect_eq "D2 payment not at risk" "$(field "$T/a.json" D2 payment state)" ok
expect_eq "D2 no exposure while ok" "$(field "$T/a.json" D2 payment exposure)" null
expect_eq "Saturday release counts from Monday" "$(field "$T/a.json" HL26-000001 summary due)" 2026-12-07
expect_eq "D3 due 10 working days after 2026-12-01" "$(field "$T/a.json" D3 summary due)" 2026-12-15
expect_eq "unreleased shipments have no summary deadline" "$(field "$T/a.json" HL26-000002 summary due)" absent
# HL26-000002 (good fixture) arrived: entry due 15 calendar days later
# (19 CFR 142.2(a)).
expect_eq "arrived: entry within 15 days" "$(field "$T/a.json" HL26-000002 entry due)" 2026-12-10
expect_eq "entry deadline has no money estimate" "$(field "$T/a.json" HL26-000002 entry exposure)" null
order=$(python3 -c 'import json,sys; print(" ".join(x["due"] for x in json.load(open(sys.argv[1]))["deadlines"]))' "$T/a.json")
expect_eq "sorted by due date" "$order" "2026-12-07 2026-12-07 2026-12-07 2026-12-07 2026-12-10 2026-12-15 2026-12-15 2026-12-21 2026-12-21"
expect_eq "totals" "$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]; print(t["shipments"], t["at_risk"], t["ok"], t["overdue"], t["arrived"])' "$T/a.json")" "4 4 5 0 1"

# D1 summary and payment, D2 and HL26-000001 summaries.
expect_rc "at-risk only" 0 lb deadlines --as-of 2026-12-03T12:00:00Z --at-risk --json
expect_eq "at-risk lists four" "$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["deadlines"]))' <"$T/out")" 4
expect_rc "one importer" 0 lb deadlines --as-of 2026-12-03T12:00:00Z --importer 987654321CD --json
expect_eq "importer filter" "$(python3 -c 'import json,sys; print(sorted({x["subject"] for x in json.load(sys.stdin)["deadlines"]}))' <"$T/out")" "['D1', 'D3']"

expect_rc "overdue the day after" 0 lb deadlines --as-of 2026-12-08T09:00:00Z --json
cp "$T/out" "$T/b.json"
expect_eq "D1 summary overdue" "$(field "$T/b.json" D1 summary state)" overdue
expect_eq "D1 one day late" "$(field "$T/b.json" D1 summary late_days)" 1
expect_eq "one lateness, one estimate: the deposit's" "$(field "$T/b.json" D1 payment exposure.amount.cents)" 246912
expect_eq "the summary adds none" "$(field "$T/b.json" D1 summary exposure)" null
expect_rc "text report" 0 lb deadlines --as-of 2026-12-08T09:00:00Z
expect_grep "text names the estimate" "$T/out" "Estimated exposure \(an estimate, not a liability\)"
expect_grep "text line of D1" "$T/out" "^2026-12-07 +1d late +overdue +entry summary +D1 +B76-7000001-[0-9] +with the payment"
expect_grep "text prints the rules" "$T/out" "late deposit, estimate, to confirm: the greater of 2 x"

# The status names what is overdue and at risk (D1 summary, D2 and
# HL26-000001 summaries overdue; no relief yet).
expect_rc "status with deadlines" 0 lb status --as-of 2026-12-08T09:00:00Z --json
expect_eq "status counts overdue deadlines" "$(python3 -c 'import json,sys; print({r["id"]: r["count"] for r in json.load(sys.stdin)["risks"]}.get("deadlines_overdue"))' <"$T/out")" 4
expect_rc "status text" 0 lb status --as-of 2026-12-08T09:00:00Z
expect_grep "status text names them" "$T/out" "4 deadlines overdue"

# Relief: bad inputs refused, nothing written.
before=$(sqlite3 "$V/vault.db" 'SELECT count(*) FROM journal')
expect_rc "relief needs its options" 2 lb relief add --type discretion --from 2026-12-01
expect_rc "relief bad date" 1 lb relief add --type discretion --from 2026-12-32 --to 2026-12-07 --reason x
expect_grep "bad date named" "$T/err" "first: "
expect_rc "relief ends before it starts" 1 lb relief add --type discretion --from 2026-12-07 --to 2026-12-01 --reason x
expect_grep "period named" "$T/err" "ends \(2026-12-01\) before it starts \(2026-12-07\)"
expect_rc "extension without days" 1 lb relief add --type extension --from 2026-12-01 --to 2026-12-31 --reason x
expect_grep "days asked for" "$T/err" "needs --days"
expect_rc "discretion with days" 1 lb relief add --type discretion --from 2026-12-01 --to 2026-12-31 --days 3 --reason x
expect_rc "unknown type" 1 lb relief add --type amnesty --from 2026-12-01 --to 2026-12-31 --reason x
expect_rc "bad port" 1 lb relief add --type discretion --from 2026-12-01 --to 2026-12-31 --port 27 --reason x
expect_grep "port named" "$T/err" "ports: "
expect_rc "unknown importer" 1 lb relief add --type discretion --from 2026-12-01 --to 2026-12-31 --importer 11-1111111AB --reason x --reference r --approved-by a
expect_grep "importer named" "$T/err" "no client 11-1111111AB"
expect_rc "control character in reason" 1 lb relief add --type discretion --from 2026-12-01 --to 2026-12-31 --reason "$(printf 'a\001b')"
expect_eq "refusals wrote nothing" "$(sqlite3 "$V/vault.db" 'SELECT count(*) FROM journal')" "$before"

expect_rc "discretion without who approved it" 1 lb relief add --type discretion --from 2026-12-01 --to 2026-12-07 --reason x --reference "CBP HQ"
expect_grep "approval asked for" "$T/err" "approved-by"
expect_rc "discretion without CBP's reference" 1 lb relief add --type discretion --from 2026-12-01 --to 2026-12-07 --reason x --approved-by "OT"
expect_rc "relief before the calendar" 1 lb relief add --type discretion --from 1970-06-01 --to 1970-06-07 --reason x --reference r --approved-by a
expect_grep "range named" "$T/err" "outside the years 1971-2199"
expect_rc "downtime needs its ports" 1 lb relief add --type downtime --from 2026-12-01 --to 2026-12-31 --reason x
expect_eq "refusals wrote nothing (2)" "$(sqlite3 "$V/vault.db" 'SELECT count(*) FROM journal')" "$before"
expect_rc "record discretion" 0 lb relief add --type discretion --from 2026-12-01 --to 2026-12-07 --covers summary --port 2704 --reason "ransomware; CBP OT/OFO email" --reference "CBP HQ 2026-12-02" --approved-by "CBP Office of Trade"
expect_grep "first id is R1" "$T/out" "relief R1 recorded"
expect_rc "record extension" 0 lb relief add --type extension --from 2026-12-01 --to 2026-12-31 --covers payment --days 5 --reason "extra payment days" --json
expect_eq "second id R2" "$(cat "$T/out")" '{"id":"R2"}'
expect_rc "duplicate id refused" 1 lb relief add --id R1 --type discretion --from 2026-12-01 --to 2026-12-07 --reason x
expect_rc "relief list" 0 lb relief list --json
expect_eq "relief listed" "$(python3 -c 'import json,sys; print([(r["id"], r["type"], r["covers"], r.get("days")) for r in json.load(sys.stdin)])' <"$T/out")" "[('R1', 'discretion', 'summary', None), ('R2', 'extension', 'payment', 5)]"
expect_rc "downtime authorization at its ports" 0 lb relief add --type downtime --from 2026-12-01 --to 2026-12-31 --ports "2704;2709" --reason "paper release" --approved-by "port director" --renews R1
expect_rc "renewing an unknown relief" 1 lb relief add --type downtime --from 2026-12-01 --to 2026-12-31 --ports 2704 --reason x --renews R9

expect_rc "deadlines with relief" 0 lb deadlines --as-of 2026-12-08T09:00:00Z --json
cp "$T/out" "$T/c.json"
expect_eq "D1 summary covered" "$(field "$T/c.json" D1 summary state)" covered
expect_eq "covered by R1" "$(field "$T/c.json" D1 summary covered_by)" R1
expect_eq "covered has no exposure" "$(field "$T/c.json" D1 summary exposure)" null
expect_eq "covered shows the relief's end" "$(field "$T/c.json" D1 summary covered_until)" 2026-12-07
expect_rc "covered leaves the at-risk list" 0 lb deadlines --as-of 2026-12-08T09:00:00Z --at-risk --json
expect_eq "D1 summary not at risk" "$(field "$T/out" D1 summary state)" absent
expect_rc "relief ending soon" 0 lb deadlines --as-of 2026-12-04T09:00:00Z --at-risk --json
expect_eq "expiring relief listed" "$(field "$T/out" D1 summary relief_expiring)" True
expect_eq "downtime moves nothing" "$(field "$T/c.json" D3 summary due)" 2026-12-15
expect_eq "HL26-000001 at 2704 covered too" "$(field "$T/c.json" HL26-000001 summary state)" covered
expect_eq "D2 at 1001 not covered" "$(field "$T/c.json" D2 summary state)" overdue
expect_eq "D1 payment moved 5 working days" "$(field "$T/c.json" D1 payment due)" 2026-12-14
expect_eq "original date kept" "$(field "$T/c.json" D1 payment original_due)" 2026-12-07
expect_eq "extended by R2" "$(field "$T/c.json" D1 payment extended_by)" R2
expect_eq "D2 PMS payment moved too" "$(field "$T/c.json" D2 payment due)" 2026-12-29

# The vault's calendar: a closure on Friday 2026-12-04 moves D1 a day.
printf '# test\n2026-12-04 closed National Day of Mourning\n' >"$T/cal.txt"
printf '2026-12-04 closed Mourning\n2026-12-05 closed Saturday\n' >"$T/bad.txt"
before=$(sqlite3 "$V/vault.db" 'SELECT count(*) FROM journal')
expect_rc "bad calendar refused" 1 lb calendar load "$T/bad.txt"
expect_grep "bad calendar located" "$T/err" "bad.txt:2: "
expect_eq "bad calendar wrote nothing" "$(sqlite3 "$V/vault.db" 'SELECT count(*) FROM journal')" "$before"
expect_rc "load the calendar" 0 lb calendar load "$T/cal.txt"
expect_rc "holidays now show the closure" 0 lb calendar holidays 2026
expect_grep "closure listed" "$T/out" "2026-12-04.*National Day of Mourning"
: >"$T/empty.txt"
expect_rc "a --file still overrides" 0 lb calendar holidays 2026 --file "$T/empty.txt"
expect_eq "no closure with that file" "$(grep -c Mourning "$T/out")" 0
expect_rc "deadlines on the vault calendar" 0 lb deadlines --as-of 2026-12-03T12:00:00Z --json
cp "$T/out" "$T/d.json"
expect_eq "D1 summary now due Dec 8" "$(field "$T/d.json" D1 summary due)" 2026-12-08
expect_grep "calendar source shown" "$T/d.json" '"calendar":"[^"]*cal.txt, loaded '

# The SOC-notice clock.
expect_rc "unknown clock" 1 lb clock start coffee --at 2026-12-01T09:00:00Z
expect_rc "stop before start" 1 lb clock stop soc-notice --at 2026-12-01T09:00:00Z
expect_grep "never started" "$T/err" "never started"
expect_rc "start the clock" 0 lb clock start soc-notice --at 2026-12-01T09:00:00Z --note "discovered by IT"
expect_rc "start twice refused" 1 lb clock start soc-notice --at 2026-12-01T10:00:00Z
expect_grep "already started" "$T/err" "already started at 2026-12-01T09:00:00Z"
expect_rc "deadlines with the clock" 0 lb deadlines --as-of 2026-12-03T12:00:00Z --json
cp "$T/out" "$T/e.json"
expect_eq "clock due 72 hours later" "$(field "$T/e.json" soc-notice clock due_at)" 2026-12-04T09:00:00+00:00
expect_eq "a clock counts hours, not working days" "$(field "$T/e.json" soc-notice clock working_days_left)" null
expect_eq "clock at risk" "$(field "$T/e.json" soc-notice clock state)" at_risk
expect_eq "clock seconds left" "$(field "$T/e.json" soc-notice clock seconds_left)" 75600
expect_rc "stopping before the start refused" 1 lb clock stop soc-notice --at 2026-11-30T00:00:00Z
expect_rc "stop the clock" 0 lb clock stop soc-notice --at 2026-12-02T15:00:00Z
expect_rc "deadlines after the notice" 0 lb deadlines --as-of 2026-12-05T12:00:00Z --json
expect_eq "clock met" "$(field "$T/out" soc-notice clock state)" met
expect_rc "clock list" 0 lb clock list --json
expect_grep "clock listed" "$T/out" '"stopped":"2026-12-02T15:00:00\+00:00","note":"discovered by IT"'

# A transmitted summary meets its deadline.
expect_rc "summary transmitted" 0 lb recovery mark D2 summary transmitted
expect_rc "deadlines after filing" 0 lb deadlines --as-of 2026-12-08T09:00:00Z --json
expect_eq "D2 summary met" "$(field "$T/out" D2 summary state)" met

# A summary filed (its 7501 date, from the main system) meets its
# deadline; on a daily statement the payment too, on PMS not.
cat >"$T/s5.csv" <<EOF
ref,importer_number,status,mode,port_entry,entry_number,entry_type,release_date,summary_date
D5,98-7654321CD,released,11,2704,$(num B76 7000005),01,2026-11-20,2026-11-27
D6,12-3456789AB,released,11,1001,$(num B76 7000006),01,2026-11-20,2026-11-27
EOF
expect_rc "import filed summaries" 0 lb import shipments "$T/s5.csv"
expect_rc "deadlines with filed summaries" 0 lb deadlines --as-of 2026-12-28T09:00:00Z --json
cp "$T/out" "$T/f.json"
expect_eq "filed summary met" "$(field "$T/f.json" D5 summary state)" met
expect_eq "a filed summary pays nothing" "$(field "$T/f.json" D5 payment state)" overdue
# Statements: D5's is paid, D6's never authorized.
printf 'statement_number,type,statement_date,amount,authorized_date,paid_date\nS5,daily,2026-11-27,1.00,2026-11-27,2026-11-30\nS6,periodic,2026-11-30,1.00,,\n' >"$T/st.csv"
printf 'ref,importer_number,status,mode,port_entry,entry_number,entry_type,release_date,summary_date,statement_number\nD5,98-7654321CD,released,11,2704,%s,01,2026-11-20,2026-11-27,S5\nD6,12-3456789AB,released,11,1001,%s,01,2026-11-20,2026-11-27,S6\n' "$(num B76 7000005)" "$(num B76 7000006)" >"$T/s6.csv"
expect_rc "import statements" 0 lb import statements "$T/st.csv"
expect_rc "shipments name their statements" 0 lb import shipments "$T/s6.csv"
expect_rc "deadlines with statements" 0 lb deadlines --as-of 2026-12-28T09:00:00Z --json
cp "$T/out" "$T/g.json"
expect_eq "paid statement: payment met" "$(field "$T/g.json" D5 payment state)" met
expect_eq "unauthorized statement flagged" "$(field "$T/g.json" D6 payment authorized)" False
expect_rc "status names unauthorized statements" 0 lb status --as-of 2026-12-28T09:00:00Z --json
expect_eq "unauthorized risk" "$(python3 -c 'import json,sys; print({r["id"]: r["count"] for r in json.load(sys.stdin)["risks"]}.get("statements_unauthorized"))' <"$T/out")" 1
expect_eq "PMS summary met" "$(field "$T/f.json" D6 summary state)" met
# 15th working day of December after the 2026-12-04 closure: Dec 22; R2
# adds 5 working days: Dec 30.
expect_eq "PMS payment still owed" "$(field "$T/f.json" D6 payment state)" at_risk
expect_eq "PMS payment date" "$(field "$T/f.json" D6 payment due)" 2026-12-30

# Usage errors.
expect_rc "bad as-of" 2 lb deadlines --as-of yesterday
expect_rc "bad importer" 2 lb deadlines --importer nobody
expect_rc "stray argument" 2 lb deadlines now
expect_rc "help" 0 lb deadlines --help
expect_rc "settings change the window" 0 lb config set at_risk_days 0
expect_rc "deadlines with a zero window" 0 lb deadlines --as-of 2026-12-03T12:00:00Z --json
expect_eq "nothing at risk three days out" "$(field "$T/out" D3 summary state)" ok
expect_rc "the vault verifies" 0 lb verify

# Time zones (issue 9): offset-less input refused until the vault has a
# zone, then read in it; unknown zones refused; due times at the end of the
# due day in the zone; JSON with the offset.
V="$T/z"
good_vault brokerage clients shipments lines
expect_rc "no zone: offset-less input refused" 2 lb clock start soc-notice --at 2026-12-01T09:00
expect_grep "says how to set it" "$T/err" "lifeboat config set timezone America/Chicago"
expect_rc "status without a zone" 0 lb status --as-of 2026-12-03T12:00:00Z --json
expect_eq "risk: no time zone set" "$(python3 -c 'import json,sys; print({r["id"]: r["count"] for r in json.load(sys.stdin)["risks"]}.get("no_time_zone"))' <"$T/out")" 1
expect_rc "unknown zone refused" 2 lb config set timezone Mars/Olympus_Mons
expect_grep "zone named" "$T/err" "unknown time zone \"Mars/Olympus_Mons\""
expect_rc "escape refused" 2 lb config set timezone ../../etc/passwd
expect_rc "set the zone" 0 lb config set timezone America/Chicago
expect_rc "clock at a Chicago wall time" 0 lb clock start soc-notice --at 2026-12-01T09:00
expect_rc "clock list" 0 lb clock list --json
expect_grep "read as CST" "$T/out" '"started":"2026-12-01T09:00:00-06:00"'
expect_rc "clock list text in the zone" 0 lb clock list
expect_grep "text in CST" "$T/out" "started 2026-12-01 09:00:00 CST"
expect_rc "deadlines as of a wall time" 0 lb deadlines --as-of 2026-12-03T12:00 --json
cp "$T/out" "$T/z.json"
expect_eq "as_of with the offset" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$T/z.json")" 2026-12-03T12:00:00-06:00
expect_eq "due at 23:59:59 Chicago" "$(field "$T/z.json" HL26-000001 summary due_at)" 2026-12-07T23:59:59-06:00
expect_eq "clock due 72 hours later, CST" "$(field "$T/z.json" soc-notice clock due_at)" 2026-12-04T09:00:00-06:00
# 2026-12-07 23:30 Chicago is 2026-12-08 05:30 UTC: not yet overdue there.
expect_rc "late evening of the due day" 0 lb deadlines --as-of 2026-12-07T23:30 --json
expect_eq "still at risk before midnight in Chicago" "$(field "$T/out" HL26-000001 summary state)" at_risk
expect_rc "zone dir override" 0 env LIFEBOAT_ZONEINFO="$T/nozones" "$LIFEBOAT" --vault "$V" deadlines --as-of 2026-12-03T12:00:00Z
expect_grep "a missing zone is warned, not fatal" "$T/err" "(unknown time zone|time zone data)"

# The reviewers' case: 52h37m left on the 72-hour clock.
expect_rc "clock 52h37m from due" 0 lb deadlines --as-of 2026-12-02T04:23
expect_grep "hours and minutes" "$T/out" "52h37m"

# Out-of-range dates never take the vault down (issue 9).
expect_rc "clock stop before 1971 refused" 2 lb clock stop soc-notice --at 1926-12-02T00:00:00Z
expect_grep "range named" "$T/err" "outside the years 1971-2199"
expect_rc "clock still running" 0 lb clock list --json
expect_grep "still open" "$T/out" '"stopped":null'
expect_rc "clock stop" 0 lb clock stop soc-notice --at 2026-12-02T10:00
expect_rc "clock list after stop" 0 lb clock list --json
expect_grep "stopping stops it" "$T/out" '"stopped":"2026-12-02T10:00:00-06:00"'
printf 'ref,importer_number,status,mode,port_entry,release_date\nOLD1,98-7654321CD,released,11,2704,1970-06-02\n' >"$T/old.csv"
expect_rc "import of a 1970 release refused" 1 lb import shipments "$T/old.csv"
grep -q "old.csv:2:" "$T/err" "$T/out" && ok "error located FILE:LINE" || notok "error located FILE:LINE"
# Tampering: rows planted with the sqlite3 shell degrade to flagged items.
sqlite3 "$V/vault.db" "UPDATE shipment SET release_date = '1970-06-02' WHERE ref = 'HL26-000001'"
sqlite3 "$V/vault.db" "UPDATE clock SET started = 'garbage' WHERE name = 'soc-notice'" 2>/dev/null || sqlite3 "$V/vault.db" "UPDATE clocks SET started = 'garbage'"
expect_rc "deadlines with bad stored dates" 0 lb deadlines --as-of 2026-12-03T12:00 --json
cp "$T/out" "$T/bad.json"
expect_eq "one flagged item per bad row" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sorted((x["subject"], x["state"]) for x in d["deadlines"] if x["state"] == "bad"))' "$T/bad.json")" "[('HL26-000001', 'bad'), ('soc-notice', 'bad')]"
expect_grep "the flag names the row and date" "$T/bad.json" 'bad stored date: release_date \\"1970-06-02\\"'
expect_eq "the rest still judged" "$(field "$T/bad.json" HL26-000002 entry state)" ok
expect_rc "text deadlines with bad rows" 0 lb deadlines --as-of 2026-12-03T12:00
expect_rc "at-risk with bad rows" 0 lb deadlines --at-risk --as-of 2026-12-03T12:00
expect_grep "flagged in the at-risk list" "$T/out" "bad record"
expect_rc "status with bad rows" 0 lb status --as-of 2026-12-03T12:00:00Z --json
expect_eq "status flags them" "$(python3 -c 'import json,sys; print({r["id"]: r["count"] for r in json.load(sys.stdin)["risks"]}.get("bad_stored_dates"))' <"$T/out")" 2
expect_rc "clock list with a bad row" 0 lb clock list

# A zone name must resolve to a TZif file inside the tzdata directory.
mkdir -p "$T/zi/Local"
cp /usr/share/zoneinfo/America/Chicago "$T/zi/Local/Here"
ln -s /usr/share/zoneinfo/UTC "$T/zi/Away"
printf 'not a zone\n' > "$T/zi/Junk"
zl() { LIFEBOAT_ZONEINFO="$T/zi" "$LIFEBOAT" --vault "$V" "$@"; }
expect_rc "a zone inside the directory" 0 zl config set timezone Local/Here
expect_rc "a symbolic link out of it refused" 2 zl config set timezone Away
expect_grep "escape named" "$T/err" "leads out of"
expect_rc "a file that is not TZif refused" 2 zl config set timezone Junk
expect_grep "not TZif named" "$T/err" "TZif"
expect_rc "a directory refused" 2 zl config set timezone Local
expect_rc "the zone kept" 0 zl config get timezone
expect_eq "timezone unchanged by the refusals" "$(cat "$T/out")" Local/Here
