# The working-day calendar from the command line (E3, first part): fixed
# outputs that scripts rely on, a calendar file's closures and published PMS
# dates, and located errors.
. "$(dirname "$0")/lib.sh"
lb() { "$LIFEBOAT" --vault "$T/none" "$@"; }

expect_rc "holidays 2026" 0 lb calendar holidays 2026 --json
cp "$T/out" "$T/h2026.json"
expect_rc "holidays json: 11 dates, the OPM list" 0 python3 -c '
import json, sys
h = json.load(open(sys.argv[1]))
assert [x["date"] for x in h] == ["2026-01-01", "2026-01-19", "2026-02-16",
    "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12",
    "2026-11-11", "2026-11-26", "2026-12-25"], h
assert all(set(x) >= {"date", "name"} for x in h)
' "$T/h2026.json"
lb calendar holidays 2021 --json > "$T/h2021.json"
lb calendar holidays 2022 --json > "$T/h2022.json"
expect_rc "OPM: New Year 2022, observed 2021-12-31, is in 2022's list" 0 python3 -c '
import json, sys
a = [x["date"] for x in json.load(open(sys.argv[1]))]
b = [x["date"] for x in json.load(open(sys.argv[2]))]
assert "2021-12-31" not in a and b[0] == "2021-12-31", (a, b)
assert not any(d.startswith("2022-01-0") for d in b), b
' "$T/h2021.json" "$T/h2022.json"
lb calendar holidays 2028 --json > "$T/h2028.json"
expect_rc "OPM: New Year 2028 observed Friday 2027-12-31, in 2028" 0 python3 -c '
import json, sys
h = json.load(open(sys.argv[1]))
assert h[0]["date"] == "2027-12-31" and h[0]["observed"], h[0]
' "$T/h2028.json"
lb calendar holidays 2020 --json > "$T/h2020.json"
expect_rc "no Juneteenth before 2021" 0 python3 -c '
import json, sys
assert not any("Juneteenth" in x["name"] for x in json.load(open(sys.argv[1])))
' "$T/h2020.json"

expect_rc "add-workdays" 0 lb calendar add-workdays 2007-08-01 10
expect_eq "entry summary example of CBP.md" "$(cat "$T/out")" "2007-08-15"
expect_rc "add-workdays over Christmas" 0 lb calendar add-workdays 2026-12-23 3
expect_eq "2026-12-23 + 3" "$(cat "$T/out")" "2026-12-29"
expect_rc "add-workdays over a leap day" 0 lb calendar add-workdays 2024-02-28 1
expect_eq "2024-02-28 + 1" "$(cat "$T/out")" "2024-02-29"
expect_rc "add-workdays 0" 0 lb calendar add-workdays 2026-11-28 0
expect_eq "n = 0 is the day" "$(cat "$T/out")" "2026-11-28"
expect_rc "pms json" 0 lb calendar pms 2026-01 --json
expect_eq "pms January 2026" "$(cat "$T/out")" '{"month":"2026-01","preliminary":"2026-01-16","due":"2026-01-23","published":false}'

# A calendar file: a one-off closure, and CBP's published dates win.
cat > "$T/cal.txt" <<'CAL'
# national day of mourning
2025-01-09 closed National Day of Mourning for President Carter
pms 2025-02 2025-02-14 2025-02-24
CAL
expect_rc "closure moves PMS" 0 lb calendar pms 2025-01 --file "$T/cal.txt" --json
expect_eq "January 2025 with the closure" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["preliminary"], d["due"])' "$T/out")" "2025-01-17 2025-01-24"
expect_rc "published dates" 0 lb calendar pms 2025-02 --file "$T/cal.txt" --json
expect_eq "published win" "$(cat "$T/out")" '{"month":"2025-02","preliminary":"2025-02-14","due":"2025-02-24","published":true}'
expect_rc "closure listed" 0 lb calendar holidays 2025 --file "$T/cal.txt"
expect_grep "closure in the list" "$T/out" "^2025-01-09  National Day of Mourning"
expect_rc "add-workdays skips the closure" 0 lb calendar add-workdays 2025-01-08 1 --file "$T/cal.txt"
expect_eq "2025-01-08 + 1 with the closure" "$(cat "$T/out")" "2025-01-10"

# Errors: located in the file, or usage.
printf '2025-01-09 closed Mourning\n2025-01-10 shut\n' > "$T/bad.txt"
expect_rc "bad calendar file" 1 lb calendar holidays 2025 --file "$T/bad.txt"
expect_grep "bad line located" "$T/err" "bad.txt:2: "
expect_rc "year out of range" 2 lb calendar holidays 1900
expect_rc "bad date" 2 lb calendar add-workdays 2025-02-29 1
expect_grep "bad date says why" "$T/err" "not a leap year"
expect_rc "bad month" 2 lb calendar pms 2026-13
expect_rc "unknown subcommand" 2 lb calendar easter 2026
expect_rc "help" 0 lb calendar --help

# The built-in data: the file in data/, byte for byte, loaded by default.
expect_rc "calendar data" 0 lb calendar data
cp "$T/out" "$T/data.cal"
expect_rc "built-in data is data/calendar/us-federal.cal" 0 cmp "$T/data.cal" "$LIFEBOAT_TOP/data/calendar/us-federal.cal"
expect_rc "published PMS 2025 by default" 0 lb calendar pms 2025-01 --json
expect_eq "published January 2025 wins over the computed (closure of Jan 9)" "$(cat "$T/out")" '{"month":"2025-01","preliminary":"2025-01-16","due":"2025-01-23","published":true}'
expect_rc "closures by executive order by default" 0 lb calendar holidays 2025
expect_grep "2025-01-09 closure" "$T/out" "^2025-01-09  National Day of Mourning"
expect_grep "2025-12-26 closure" "$T/out" "^2025-12-26  Day after Christmas"
expect_rc "2024 closure" 0 lb calendar holidays 2024
expect_grep "2024-12-24 closure" "$T/out" "^2024-12-24  Christmas Eve"
expect_rc "2026 computed" 0 lb calendar pms 2026-01 --json
expect_grep "2026 not published" "$T/out" '"published":false'
: > "$T/none.cal"
expect_rc "a file replaces the built-in data" 0 lb calendar pms 2025-01 --file "$T/none.cal" --json
expect_eq "without the data: computed, with no closure" "$(cat "$T/out")" '{"month":"2025-01","preliminary":"2025-01-16","due":"2025-01-23","published":false}'
expect_rc "no closure without the data" 0 lb calendar holidays 2025 --file "$T/none.cal"
expect_eq "none" "$(grep -c Mourning "$T/out")" 0
