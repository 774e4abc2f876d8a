# Rules across columns and rows: each refused with its place, nothing
# written; and the call tree may not loop, through the file or the vault.
. "$(dirname "$0")/lib.sh"
V="$T/v"
"$LIFEBOAT" --vault "$V" init 2>/dev/null
for k in brokerage clients; do
	"$LIFEBOAT" --vault "$V" import $k "$DATA/good/$k.csv" >/dev/null
done

# refuse NAME KIND CSV-TEXT PATTERN: exit 1, PATTERN in stderr, nothing written.
refuse() {
	local name=$1 kind=$2 text=$3 pattern=$4 before
	printf '%b' "$text" > "$T/in.csv"
	before=$("$LIFEBOAT" --vault "$V" journal checkpoint)
	expect_rc "$name: refused" 1 "$LIFEBOAT" --vault "$V" import "$kind" "$T/in.csv"
	expect_grep "$name: message" "$T/err" "$pattern"
	expect_eq "$name: vault unchanged" "$("$LIFEBOAT" --vault "$V" journal checkpoint)" "$before"
}

refuse "US address without state" clients \
	'importer_number,name,address1,city,country,bond_type\n11-1111111AA,X,1 A St,Reno,US,0\n' \
	'in.csv:2:1: state: state is required for an address in the US'
refuse "bond without surety" clients \
	'importer_number,name,address1,city,state,country,bond_type\n11-1111111AA,X,1 A St,Reno,NV,US,8\n' \
	'surety_code: a bond needs its 3-digit surety code'
refuse "PMS without continuous bond" clients \
	'importer_number,name,address1,city,state,country,bond_type,surety_code,pms,ach_payer_unit\n11-1111111AA,X,1 A St,Reno,NV,US,9,457,yes,AB1\n' \
	'pms: periodic monthly statement needs a continuous bond'
refuse "PMS without ACH payer unit" clients \
	'importer_number,name,address1,city,state,country,bond_type,surety_code,pms\n11-1111111AA,X,1 A St,Reno,NV,US,8,457,true\n' \
	'ach_payer_unit: periodic monthly statement needs an ACH payer unit'
refuse "EIN suffix with O" clients \
	'importer_number,name,address1,city,state,country,bond_type\n11-1111111AO,X,1 A St,Reno,NV,US,0\n' \
	'in.csv:2:1: importer_number:'
refuse "released without release date" shipments \
	'ref,importer_number,status,mode,port_entry\nS1,12-3456789AB,released,11,2704\n' \
	'release_date: a released shipment needs its release date'
refuse "release before arrival" shipments \
	'ref,importer_number,status,mode,port_entry,arrival_date,release_date\nS1,12-3456789AB,released,11,2704,2026-11-20,2026-11-19\n' \
	'release date is before the arrival date'
refuse "entry type without number" shipments \
	'ref,importer_number,status,mode,port_entry,entry_type\nS1,12-3456789AB,arrived,11,2704,01\n' \
	'entry_number: an entry type without an entry number'
refuse "entry type 86" shipments \
	'ref,importer_number,status,mode,port_entry,entry_number,entry_type\nS1,12-3456789AB,arrived,11,2704,B76-1234567-1,86\n' \
	'in.csv:2:47: entry_type: entry type 86 is closed'
refuse "bad mode names only its value" shipments \
	'ref,importer_number,status,mode,port_entry\nS1,12-3456789AB,arrived,99,2704\n' \
	'mode: unknown mode of transport "99" \('
refuse "air bill with bad check digit" shipments \
	'ref,importer_number,status,mode,port_entry,bill\nS1,12-3456789AB,arrived,40,2704,16012345670\n' \
	'in.csv:2:33: bill: air waybill check digit is 0, expected 5'
refuse "Feb 29 in a common year" shipments \
	'ref,importer_number,status,mode,port_entry,arrival_date\nS1,12-3456789AB,arrived,11,2704,2025-02-29\n' \
	'arrival_date: .*not a leap year'
refuse "HTS with a bad chapter" lines \
	'shipment_ref,line_no,hts,country_origin,description,value\nX,1,0007600020,CN,x,1\n' \
	'hts:'
refuse "duplicate entry number in file" shipments \
	'ref,importer_number,status,mode,port_entry,entry_number\nS1,12-3456789AB,arrived,11,2704,B76-1234567-1\nS2,12-3456789AB,arrived,11,2704,B76-1234567-1\n' \
	'in.csv:3:[0-9]+: entry_number: "B76-1234567-1" appears again \(first at line 2\)'

# An entry number already held by another shipment of the vault.
"$LIFEBOAT" --vault "$V" import shipments "$DATA/good/shipments.csv" >/dev/null
refuse "entry number owned by another shipment" shipments \
	'ref,importer_number,status,mode,port_entry,entry_number\nS9,12-3456789AB,arrived,11,2704,B76-1234567-1\n' \
	'already belongs to shipment "HL26-000001"'
# ...but the same shipment keeping its number is fine.
printf 'ref,importer_number,status,mode,port_entry,entry_number,entry_type,arrival_date,release_date\nHL26-000001,12-3456789AB,released,11,2704,B76-1234567-1,01,2026-11-20,2026-11-21\n' > "$T/same.csv"
expect_rc "shipment keeps its own entry number" 0 "$LIFEBOAT" --vault "$V" import shipments "$T/same.csv"

# References are matched in canonical form: an EIN without its dash.
printf 'importer_number,email,name\n123456789ab,x@pacificrim.example,X\n' > "$T/c.csv"
expect_rc "reference without dash, lower case" 0 "$LIFEBOAT" --vault "$V" import contacts "$T/c.csv"
expect_eq "stored canonical" "$(sqlite3 "$V/vault.db" "SELECT importer_number FROM contact WHERE email = 'x@pacificrim.example'")" "12-3456789AB"

# Spreadsheet-neutralised values import as the value.
printf 'importer_number,email,name,mobile\n12-3456789AB,y@pacificrim.example,Y,"'"'"'+15625550100"\n' > "$T/n.csv"
expect_rc "neutralised phone" 0 "$LIFEBOAT" --vault "$V" import contacts "$T/n.csv"
expect_eq "phone stored without the quote" "$(sqlite3 "$V/vault.db" "SELECT mobile FROM contact WHERE email = 'y@pacificrim.example'")" "+15625550100"

# Call tree: loops refused, in the file or through the vault.
refuse "call tree loop in file" employees \
	'employee_id,name,role,reports_to\nE1,A,Broker,\nE2,B,Writer,E3\nE3,C,Writer,E2\n' \
	'reports_to: loop in the call tree: E2 -> E3 -> E2'
refuse "employee reports to itself" employees \
	'employee_id,name,role,reports_to\nE1,A,Broker,E1\n' \
	'in.csv:2:[0-9]+: reports_to: refers to the record itself'
refuse "reports to nobody known" employees \
	'employee_id,name,role,reports_to\nE1,A,Broker,E7\n' \
	'reports_to: no employee "E7" in this file or the vault'
printf 'employee_id,name,role,reports_to\nE1,A,Broker,\nE2,B,Writer,E1\nE3,C,Writer,E2\n' > "$T/tree.csv"
expect_rc "a proper tree" 0 "$LIFEBOAT" --vault "$V" import employees "$T/tree.csv"
refuse "loop closed through the vault" employees \
	'employee_id,name,role,reports_to\nE1,A,Broker,E3\n' \
	'loop in the call tree: E1 -> E3 -> E2 -> E1'
expect_rc "verify at the end" 0 "$LIFEBOAT" --vault "$V" verify
