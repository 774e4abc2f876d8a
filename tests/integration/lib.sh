# lib.sh: helpers for integration tests, sourced by tests/integration/t_*.sh.
# Each check prints "ok - NAME" or "not ok - NAME" (TAP-like); tests/run
# counts them.  $LIFEBOAT is the binary under test; every test gets a fresh
# temporary directory $T, removed on exit.
set -u
: "${LIFEBOAT:?run through tests/run}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
DATA="$LIFEBOAT_TOP/tests/data"

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do echo "#   $l"; done; }

# expect_rc NAME RC CMD...: run CMD, check its exit status; output in $T/out, $T/err.
expect_rc() {
	local name=$1 want=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"
	local rc=$?
	if [ "$rc" -eq "$want" ]; then ok "$name"; else
		notok "$name" "exit $rc, wanted $want: $*" "stderr: $(head -c 600 "$T/err")"
	fi
}

# expect_grep NAME FILE PATTERN: FILE contains PATTERN (grep -E).
expect_grep() {
	if grep -qE -- "$3" "$2"; then ok "$1"; else
		notok "$1" "no /$3/ in $2:" "$(head -c 600 "$2")"
	fi
}

# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "got '$2', wanted '$3'"; fi
}

# good_vault KIND...: a new vault at $V (lb) with these kinds of the good
# fixtures imported.
good_vault() {
	lb init 2>/dev/null
	for k in "$@"; do
		lb import "$k" "$DATA/good/$k.csv" >/dev/null
	done
}

# num FILER SERIAL: the entry number, check digit computed independently
# of lifeboat (CBP.md section 3, in Python).
num() {
	python3 - "$1$2" <<'PY'
import sys
s = sys.argv[1]
t = 0
for i, ch in enumerate(s):
    if ch.isdigit():
        d = int(ch)
    elif ch < 'S':
        d = (ord(ch) - 65) % 9 + 1
    else:
        d = ord(ch) - ord('S') + 2
    if (i + 1) % 2 == 0:
        d *= 2
        d = d // 10 + d % 10
    t += d
print(f"{s[:3]}-{s[3:]}-{(10 - t % 10) % 10}")
PY
}
