# t_crash.sh: an import killed at any moment leaves the vault consistent.
#
# Two versions of one big shipments file differ in every row (the
# description of version B ends in " (B)").  Fifty times, an import of the
# version the vault does not hold is started, killed with SIGKILL after a
# random delay, and the vault checked: all shipments present, every row from
# one version (never a mix), the journal grown by one entry exactly when
# the rows changed, and `lifeboat verify` passing.  The delay is drawn from
# 0 to one measured import on odd rounds, and from 70% to 110% of it on even
# ones, so kills land all along the import and often around its commit
# (and the WAL checkpoint when the vault is closed).
. "$(dirname "$0")/lib.sh"

V="$T/v"
FEED="$T/feed"
N=${CRASH_SHIPMENTS:-15000}
ROUNDS=${CRASH_ROUNDS:-50}
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
q() { sqlite3 "$V/vault.db" "$1" 2>&1; }
entries() { lb journal checkpoint 2>&1 | cut -d: -f1; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

expect_rc "demo export of $N shipments" 0 lb demo --export "$FEED" \
    --shipments "$N" --clients 50 --seed 7 --base-date 2026-11-01
expect_eq "export has $N shipments" "$(($(wc -l <"$FEED/shipments.csv") - 1))" "$N"
A="$FEED/shipments.csv"
B="$T/shipments-b.csv"
# Version B: every description ends in " (B)".
python3 - "$A" "$B" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
with open(sys.argv[2], "w", newline="") as o:
    w = csv.DictWriter(o, fieldnames=rows[0].keys(), lineterminator="\n")
    w.writeheader()
    for r in rows:
        r["description"] += " (B)"
        w.writerow(r)
PY
expect_eq "version B changes every row" \
    "$(grep -c ' (B)' "$B")" "$N"

lb init 2>/dev/null
lb import brokerage "$FEED/brokerage.csv" >/dev/null 2>&1
lb import clients "$FEED/clients.csv" >/dev/null 2>&1
expect_rc "import version A" 0 lb import shipments "$A"
t0=$(now_ms)
expect_rc "import version B" 0 lb import shipments "$B"
D=$(($(now_ms) - t0))
expect_grep "version B rewrote every row" "$T/out" ": $N new or changed, 0 unchanged"
t0=$(now_ms)
expect_rc "import version A again" 0 lb import shipments "$A"
t1=$(($(now_ms) - t0))
expect_grep "version A rewrote every row" "$T/out" ": $N new or changed, 0 unchanged"
[ "$t1" -lt "$D" ] && D=$t1	# the faster of two: the cache is warm
echo "# one import of $N shipments took $D ms: kills after 0 to $((D * 15 / 10)) ms"

nb() { q "SELECT count(*) FROM shipment WHERE description LIKE '% (B)'"; }

# First, new rows: the first import of the lines, killed until one commits
# (at most 8 tries): the vault holds none of them or all of them.
NL=$(($(wc -l <"$FEED/lines.csv") - 1))
t0=$(now_ms)
lb import lines "$FEED/lines.csv" --dry-run >/dev/null 2>&1
DL=$(($(now_ms) - t0))
lbad=0 lunverified=0 lkills=0
for i in 1 2 3 4 5 6 7 8; do
	delay=$((RANDOM % (DL * 6 / 5 + 1)))
	"$LIFEBOAT" --vault "$V" import lines "$FEED/lines.csv" >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -9 "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	rc=$?
	[ "$rc" -eq 137 ] && lkills=$((lkills + 1))
	if ! lb verify >"$T/vout" 2>&1; then
		lunverified=$((lunverified + 1))
		notok "lines try $i: verify after a kill at $delay ms" \
		    "$(head -c 600 "$T/vout")"
	fi
	nl=$(q "SELECT count(*) FROM line")
	if [ "$nl" != 0 ] && [ "$nl" != "$NL" ]; then
		lbad=$((lbad + 1))
		notok "lines try $i: none or all of the lines" \
		    "$nl of $NL lines after a kill at $delay ms"
	fi
	[ "$nl" = "$NL" ] && break
done
echo "# lines: $lkills of $i imports killed, $(q 'SELECT count(*) FROM line') of $NL lines in the vault"
expect_eq "killed first imports: none or all of the $NL lines" "$lbad" 0
expect_eq "killed first imports: verify passed" "$lunverified" 0

before=0 after=0 finished=0 bad=0 mixed=0 unverified=0 badjournal=0 failed=0
for i in $(seq 1 "$ROUNDS"); do
	if [ "$(nb)" = 0 ]; then cur=A file=$B want=B; else cur=B file=$A want=A; fi
	e0=$(entries)
	if [ $((i % 2)) -eq 1 ]; then delay=$((RANDOM % (D + 1)))
	# Late kills: up to half as long again as the import took when
	# measured, so some land after the commit on a loaded machine too.
	else delay=$((D * 7 / 10 + RANDOM % (D * 8 / 10 + 1))); fi
	"$LIFEBOAT" --vault "$V" import shipments "$file" >/dev/null 2>"$T/imp.err" &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -9 "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null	# without the shell's "Killed" line
	rc=$?

	# lifeboat is the first to open the vault after the kill.
	e1=$(entries)
	if ! lb verify >"$T/vout" 2>&1; then
		unverified=$((unverified + 1))
		notok "round $i: verify after a kill at $delay ms" \
		    "$(head -c 600 "$T/vout")"
	fi
	total=$(q "SELECT count(*) FROM shipment")
	b=$(nb)
	case "$b" in
	0) got=A ;;
	"$N") got=B ;;
	*) got="mixed ($b of $N rows are version B)" ;;
	esac
	if [ "$total" != "$N" ] || [ "${got#mixed}" != "$got" ]; then
		mixed=$((mixed + 1))
		notok "round $i: all rows from one version" \
		    "after a kill at $delay ms: $total rows, $got"
	fi
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 137 ]; then
		failed=$((failed + 1))
		notok "round $i: import exit 0 or killed" "exit $rc:" \
		    "$(head -c 300 "$T/imp.err")"
	fi
	if [ "$got" = "$want" ]; then
		if [ "$rc" -eq 0 ]; then finished=$((finished + 1))
		else after=$((after + 1)); fi
		[ "$e1" = "$((e0 + 1))" ] || { badjournal=$((badjournal + 1))
			notok "round $i: one new journal entry for the new rows" \
			    "entries $e0 -> $e1"; }
	elif [ "$got" = "$cur" ]; then
		before=$((before + 1))
		[ "$rc" -ne 0 ] || { bad=$((bad + 1))
			notok "round $i: a finished import changed the rows" \
			    "exit 0 but the rows are still version $cur"; }
		[ "$e1" = "$e0" ] || { badjournal=$((badjournal + 1))
			notok "round $i: no journal entry without the rows" \
			    "entries $e0 -> $e1"; }
	fi
done

echo "# $ROUNDS kills: $before before the commit, $after after it," \
    "$finished after the import had finished"
expect_eq "every round: rows all from one version" "$mixed" 0
expect_eq "every round: import exited 0 or was killed" "$failed" 0
expect_eq "every round: journal grew exactly with the rows" "$badjournal" 0
expect_eq "every round: no finished import left the old rows" "$bad" 0
expect_eq "every round: verify passed" "$unverified" 0
if [ "$before" -gt 0 ]; then ok "some kills landed before the commit ($before)"
else notok "some kills landed before the commit" "none of $ROUNDS"; fi
if [ $((after + finished)) -gt 0 ]; then
	ok "some imports committed ($after killed after, $finished finished)"
else
	notok "some imports committed" "none of $ROUNDS"
fi

# Afterwards the vault works as usual.
if [ "$(nb)" = 0 ]; then file=$B; else file=$A; fi
expect_rc "a last import completes" 0 lb import shipments "$file"
expect_grep "a last import rewrites every row" "$T/out" ": $N new or changed"
expect_rc "verify at the end" 0 lb verify
expect_eq "no stray files in the vault" \
    "$(ls "$V" | grep -vxE 'vault\.db(-wal|-shm)?' | tr '\n' ' ')" ""
