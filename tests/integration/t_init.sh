# Creating a vault is all or nothing: vault.db never exists half-made.  A
# creation killed at any moment leaves no vault (and the next init works)
# or a whole one that verifies.
. "$(dirname "$0")/lib.sh"

# Leftovers of a killed creation are cleaned up by the next init.
mkdir -m 700 "$T/left"
head -c 5000 /dev/urandom > "$T/left/vault.db.new"
: > "$T/left/vault.db.new-wal"
expect_rc "init over leftovers" 0 "$LIFEBOAT" --vault "$T/left" init
expect_rc "that vault verifies" 0 "$LIFEBOAT" --vault "$T/left" verify
expect_eq "leftovers gone" "$(ls "$T/left")" "vault.db"

# Kill init at random moments: afterwards either no vault.db and a fresh
# init succeeds, or a vault.db that verifies.
none=0 whole=0 bad=0
for i in $(seq 1 30); do
	d="$T/k$i"
	"$LIFEBOAT" --vault "$d" init 2>/dev/null &
	pid=$!
	sleep "$(printf "0.%03d" $((RANDOM % 15)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ -e "$d/vault.db" ]; then
		if "$LIFEBOAT" --vault "$d" verify >/dev/null 2>&1; then
			whole=$((whole + 1))
		else
			bad=$((bad + 1))
		fi
	elif "$LIFEBOAT" --vault "$d" init 2>/dev/null &&
	    "$LIFEBOAT" --vault "$d" verify >/dev/null 2>&1; then
		none=$((none + 1))
	else
		bad=$((bad + 1))
	fi
done
echo "# init killed 30 times: $none left no vault, $whole a whole one, $bad broken"
expect_eq "no killed init leaves a broken vault" "$bad" 0

# An existing, open directory is made private.
mkdir -m 755 "$T/open"
expect_rc "init in an existing directory" 0 "$LIFEBOAT" --vault "$T/open" init
expect_eq "directory now 0700" "$(stat -c %a "$T/open")" 700
expect_eq "database 0600" "$(stat -c %a "$T/open/vault.db")" 600
