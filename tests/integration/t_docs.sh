# The documentation stays in step with the code: the column tables of
# docs/formats.md are exactly `lifeboat formats`, and every command and
# import kind is documented.
. "$(dirname "$0")/lib.sh"
DOCS="$LIFEBOAT_TOP/docs"

"$LIFEBOAT" formats > "$T/formats"
if python3 - "$T/formats" "$DOCS/formats.md" <<'PY'
import sys
want = open(sys.argv[1]).read()
have = open(sys.argv[2]).read()
sys.exit(0 if want in have else 1)
PY
then ok "docs/formats.md holds the current column tables"
else notok "docs/formats.md holds the current column tables" \
	"regenerate the Columns section with: lifeboat formats"
fi

for cmd in $("$LIFEBOAT" --help | awk '/^commands:/{on=1; next} on && NF && /^  /{print $1}'); do
	expect_grep "docs/cli.md documents $cmd" "$DOCS/cli.md" "^### \`lifeboat $cmd"
	expect_rc "$cmd --help" 0 "$LIFEBOAT" --vault "$T/none" "$cmd" --help
done
for kind in brokerage clients contacts employees shipments lines; do
	expect_grep "formats.md has $kind" "$DOCS/formats.md" "^### $kind\$"
done
