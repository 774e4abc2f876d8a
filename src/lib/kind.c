/*
 * kind.c: the descriptors of every kind of data in the vault (see kind.h).
 *
 * The column lists are the import file formats too: docs/formats.md lists
 * the same columns, and a unit test checks that each descriptor matches the
 * SQL schema created by the migrations.
 */
#include <stdlib.h>
#include <string.h>

#include "kind.h"

#define T	LB_ST_TEXT
#define I	LB_ST_INT
#define REQ	LB_COL_REQUIRED
#define KEY	(LB_COL_KEY | LB_COL_REQUIRED)

/* Shorthands: text of at most n characters; integer in [lo, hi]. */
#define TEXT(name, n, fl, doc)	{ name, T, LB_CK_TEXT, fl, 0, n, NULL, NULL, doc }
#define COL(name, st, ck, fl, doc) { name, st, ck, fl, 0, 0, NULL, NULL, doc }
#define REF(name, kind, fl, doc) \
	{ name, T, LB_CK_KEY, (fl) | LB_COL_REF, 0, 35, NULL, kind, doc }

static const char * const shipment_status[] = {
	"expected", "in_transit", "arrived", "held", "released", "cancelled",
	NULL
};

/* Partner government agencies whose requirements may apply to a shipment. */
static const char * const pga_agencies[] = {
	"APHIS", "ATF", "CPSC", "DEA", "DOE", "EPA", "FCC", "FDA", "FSIS",
	"FWS", "NHTSA", "NMFS", "OFAC", "TTB", "USDA", NULL
};

static const struct lb_column brokerage_cols[] = {
	COL("license_number", T, LB_CK_LICENSE, KEY,
	    "customs broker license number"),
	TEXT("name", 120, REQ, "legal name of the brokerage"),
	COL("filer_codes", T, LB_CK_FILER_LIST, REQ,
	    "CBP filer codes, separated by ';'"),
	COL("ports", T, LB_CK_PORT_LIST, 0, "ports served (Schedule D), separated by ';'"),
	TEXT("permit_number", 20, 0, "national permit number"),
	TEXT("address1", 120, REQ, "street address"),
	TEXT("address2", 120, 0, "address, second line"),
	TEXT("city", 60, REQ, "city"),
	COL("state", T, LB_CK_STATE, 0, "US state or territory code"),
	TEXT("postal_code", 10, 0, "ZIP code"),
	COL("country", T, LB_CK_COUNTRY, REQ, "ISO 3166-1 alpha-2 country code"),
	COL("phone", T, LB_CK_PHONE, 0, "main telephone number"),
	COL("email", T, LB_CK_EMAIL, 0, "main email address"),
	TEXT("signer_name", 80, 0, "licensed broker who signs downtime paperwork"),
	TEXT("signer_title", 80, 0, "title of the signer"),
};

static const struct lb_column client_cols[] = {
	COL("importer_number", T, LB_CK_IMPORTER, KEY,
	    "importer of record number: EIN NN-NNNNNNNXX, SSN NNN-NN-NNNN or CBP YYDDPP-NNNNN"),
	COL("importer_type", T, LB_CK_IMPORTER_TYPE, LB_COL_DERIVED,
	    "EIN, SSN or CBP (derived from the number)"),
	TEXT("name", 120, REQ, "importer name"),
	TEXT("address1", 120, REQ, "street address"),
	TEXT("address2", 120, 0, "address, second line"),
	TEXT("city", 60, REQ, "city"),
	COL("state", T, LB_CK_STATE, 0, "US state or territory code (required in the US)"),
	TEXT("postal_code", 10, 0, "postal code"),
	COL("country", T, LB_CK_COUNTRY, REQ, "ISO 3166-1 alpha-2 country code"),
	COL("bond_type", I, LB_CK_BOND_TYPE, REQ,
	    "8 continuous, 9 single transaction, 0 none"),
	COL("surety_code", T, LB_CK_SURETY, 0,
	    "3-digit surety code (required with a bond)"),
	COL("bond_amount", I, LB_CK_MONEY, 0, "bond amount in dollars"),
	COL("poa_expiry", T, LB_CK_DATE, 0, "power of attorney expiry date"),
	COL("pms", I, LB_CK_BOOL, 0,
	    "pays by periodic monthly statement (needs a continuous bond and an ACH payer unit)"),
	{ "ach_payer_unit", T, LB_CK_ALNUM, 0, 0, 10, NULL, NULL,
	    "ACH payer unit number" },
	COL("email", T, LB_CK_EMAIL, 0, "main email address"),
	TEXT("pga_notes", 2000, 0, "partner government agency profile and notes"),
};

static const struct lb_column contact_cols[] = {
	{ "importer_number", T, LB_CK_IMPORTER, KEY | LB_COL_REF, 0, 0, NULL,
	    "clients", "the client (its importer number)" },
	COL("email", T, LB_CK_EMAIL, KEY, "email address"),
	TEXT("name", 80, REQ, "full name"),
	TEXT("role", 60, 0, "role at the client"),
	COL("phone", T, LB_CK_PHONE, 0, "office telephone"),
	COL("mobile", T, LB_CK_PHONE, 0, "mobile telephone"),
	COL("notify", I, LB_CK_BOOL, 0, "receives shipment-status notices (default true)"),
};

static const struct lb_column employee_cols[] = {
	COL("employee_id", T, LB_CK_KEY, KEY, "employee identifier"),
	TEXT("name", 80, REQ, "full name"),
	TEXT("role", 60, REQ, "role (entry writer, licensed broker, IT...)"),
	TEXT("office", 60, 0, "office or site"),
	COL("work_email", T, LB_CK_EMAIL, 0, "work email (inside the broker's systems)"),
	COL("personal_email", T, LB_CK_EMAIL, 0, "personal email, outside the broker's systems"),
	COL("mobile", T, LB_CK_PHONE, 0, "personal mobile telephone"),
	COL("home_phone", T, LB_CK_PHONE, 0, "home telephone"),
	COL("sms_gateway", T, LB_CK_EMAIL, 0, "email-to-SMS gateway address"),
	{ "reports_to", T, LB_CK_KEY, LB_COL_REF | LB_COL_SELFREF, 0, 35, NULL,
	    "employees", "employee_id of who calls this person in the call tree" },
	{ "call_order", I, LB_CK_INT, 0, 1, 999, NULL, NULL,
	    "order among those called by the same person" },
	COL("can_sign", I, LB_CK_BOOL, 0, "licensed broker allowed to sign downtime paperwork"),
};

static const struct lb_column shipment_cols[] = {
	COL("ref", T, LB_CK_KEY, KEY, "broker reference of the shipment"),
	{ "importer_number", T, LB_CK_IMPORTER, REQ | LB_COL_REF, 0, 0, NULL,
	    "clients", "importer of record (its number)" },
	{ "status", T, LB_CK_ENUM, REQ, 0, 0, shipment_status, NULL,
	    "expected, in_transit, arrived, held, released or cancelled" },
	COL("mode", I, LB_CK_MODE, REQ, "mode of transport code (10, 11, 20, 21, 30, 31, 40, 41, 50, 60, 70)"),
	COL("carrier_scac", T, LB_CK_SCAC, 0, "carrier code (SCAC or IATA)"),
	COL("bill", T, LB_CK_BILL, 0, "bill of lading (SCAC + number) or air waybill (11 digits)"),
	{ "house_bill", T, LB_CK_ALNUM, 0, 0, 16, NULL, NULL,
	    "house bill or house air waybill (letters and digits)" },
	{ "trip", T, LB_CK_ALNUM, 0, 0, 20, NULL, NULL, "voyage, flight or trip number" },
	TEXT("conveyance", 60, 0, "vessel name or conveyance"),
	COL("port_entry", T, LB_CK_PORT, REQ, "port of entry (Schedule D)"),
	COL("port_unlading", T, LB_CK_PORT, 0, "US port of unlading (Schedule D)"),
	COL("foreign_port_lading", T, LB_CK_FPORT, 0, "foreign port of lading (Schedule K)"),
	COL("location_of_goods", T, LB_CK_FIRMS, 0, "FIRMS code where the goods are"),
	{ "go_number", T, LB_CK_ALNUM, 0, 0, 15, NULL, NULL, "general order number" },
	COL("arrival_date", T, LB_CK_DATE, 0, "arrival date"),
	COL("import_date", T, LB_CK_DATE, 0, "import date"),
	COL("export_date", T, LB_CK_DATE, 0, "export date"),
	COL("export_country", T, LB_CK_COUNTRY, 0, "country of export"),
	COL("country_origin", T, LB_CK_COUNTRY, 0, "country of origin"),
	{ "entry_number", T, LB_CK_ENTRY_NO, LB_COL_UNIQUE, 0, 0, NULL, NULL,
	    "entry number XXX-NNNNNNN-C, if assigned" },
	COL("entry_type", I, LB_CK_ENTRY_TYPE, 0, "entry type code (01, 03, 11...)"),
	COL("entry_date", T, LB_CK_DATE, 0, "entry date"),
	COL("release_date", T, LB_CK_DATE, 0, "release date (required once released)"),
	COL("entered_value", I, LB_CK_MONEY, 0, "entered value in dollars"),
	COL("bond_type", I, LB_CK_BOND_TYPE, 0, "bond type for this entry, if not the client's"),
	COL("bond_amount", I, LB_CK_MONEY, 0, "single transaction bond amount in dollars"),
	COL("it_number", T, LB_CK_INBOND, 0, "in-bond (I.T.) number"),
	COL("it_date", T, LB_CK_DATE, 0, "in-bond date"),
	{ "manifest_number", T, LB_CK_ALNUM, 0, 0, 20, NULL, NULL, "manifest number" },
	{ "manifest_qty", I, LB_CK_INT, 0, 1, 99999999, NULL, NULL, "manifest quantity" },
	{ "manifest_unit", T, LB_CK_ALNUM, 0, 0, 5, NULL, NULL, "manifest unit (CTN, PLT...)" },
	{ "gross_weight_kg", I, LB_CK_INT, 0, 0, 999999999, NULL, NULL, "gross weight in kilograms" },
	{ "ref_id_code", T, LB_CK_ALNUM, 0, 0, 3, NULL, NULL, "reference ID code" },
	{ "ref_id_number", T, LB_CK_ALNUM, 0, 0, 35, NULL, NULL, "reference ID number" },
	COL("consignee_number", T, LB_CK_IMPORTER, 0, "ultimate consignee number"),
	TEXT("consignee_name", 120, 0, "ultimate consignee name"),
	TEXT("buyer_name", 120, 0, "buying party"),
	{ "buyer_id", T, LB_CK_ALNUM, 0, 0, 20, NULL, NULL, "buying party ID" },
	TEXT("seller_name", 120, 0, "selling party"),
	{ "seller_id", T, LB_CK_ALNUM, 0, 0, 20, NULL, NULL, "selling party ID" },
	TEXT("manufacturer_name", 120, 0, "manufacturer"),
	COL("manufacturer_id", T, LB_CK_MID, 0, "manufacturer ID (MID)"),
	TEXT("driver_name", 80, 0, "truck driver name (land border downtime letter)"),
	COL("driver_dob", T, LB_CK_DATE, 0, "truck driver date of birth"),
	{ "truck_plate", T, LB_CK_ALNUM, 0, 0, 15, NULL, NULL, "truck plate number" },
	{ "ace_trip_number", T, LB_CK_ALNUM, 0, 0, 25, NULL, NULL, "ACE e-manifest trip number" },
	{ "pga_flags", T, LB_CK_FLAGS, 0, 0, 0, pga_agencies, NULL,
	    "agencies whose requirements apply, separated by ';' (FDA;USDA...)" },
	TEXT("description", 200, 0, "description of the goods"),
	/* Schema 4. */
	COL("summary_date", T, LB_CK_DATE, LB_COL_LATE,
	    "date the entry summary was filed (7501 block 3): its deadline is met"),
	/* Schema 6: blocks of the current 3461, and the statement. */
	COL("surety_code", T, LB_CK_SURETY, LB_COL_LATE,
	    "surety code for this entry (3461 block 11), if not the client's"),
	COL("ces", T, LB_CK_FIRMS, LB_COL_LATE,
	    "Centralized Examination Station, its FIRMS code (3461 block 8)"),
	COL("warehouse_entry", T, LB_CK_ENTRY_NO, LB_COL_LATE,
	    "originating warehouse entry number, for type 22 (3461 block 10)"),
	COL("self_cert", I, LB_CK_BOOL, LB_COL_LATE,
	    "self-certification (3461 block 19)"),
	{ "statement_number", T, LB_CK_ALNUM, LB_COL_LATE, 0, 11, NULL, NULL,
	    "statement the entry summary is on (see the statements kind)" },
};

static const struct lb_column line_cols[] = {
	REF("shipment_ref", "shipments", LB_COL_KEY | REQ, "the shipment (its ref)"),
	{ "line_no", I, LB_CK_INT, KEY, 1, 999, NULL, NULL, "line number, 1 to 999" },
	COL("hts", T, LB_CK_HTS, REQ, "HTS number, 10 digits (8507.60.0020 or 8507600020)"),
	COL("country_origin", T, LB_CK_COUNTRY, REQ, "country of origin"),
	COL("manufacturer_id", T, LB_CK_MID, 0, "manufacturer ID (MID)"),
	TEXT("description", 200, REQ, "description of the goods"),
	COL("value", I, LB_CK_MONEY, REQ, "entered value in dollars"),
	COL("quantity", T, LB_CK_QTY, 0, "quantity in the first HTS unit"),
	{ "unit", T, LB_CK_ALNUM, 0, 0, 5, NULL, NULL, "first HTS unit (NO, KG, DOZ...)" },
	COL("quantity2", T, LB_CK_QTY, 0, "quantity in the second HTS unit"),
	{ "unit2", T, LB_CK_ALNUM, 0, 0, 5, NULL, NULL, "second HTS unit" },
	{ "gross_weight_kg", I, LB_CK_INT, 0, 0, 999999999, NULL, NULL, "gross weight in kilograms" },
	{ "adcvd_case", T, LB_CK_TEXT, 0, 0, 20, NULL, NULL, "AD/CVD case number (A-570-000-000)" },
	{ "duty_rate", T, LB_CK_TEXT, 0, 0, 40, NULL, NULL, "duty rate as printed (2.5%, Free)" },
	COL("duty", I, LB_CK_MONEY, 0, "duty in dollars"),
};

static const char * const entry_states[] = {
	"drawn", "void", "used", NULL
};

static const struct lb_column block_cols[] = {
	{ "filer", T, LB_CK_ALNUM, KEY, 0, 3, NULL, NULL, "filer code" },
	{ "first", I, LB_CK_INT, KEY, 0, 9999999, NULL, NULL, "first serial" },
	{ "last", I, LB_CK_INT, REQ, 0, 9999999, NULL, NULL, "last serial" },
	COL("port", T, LB_CK_PORT, 0, "port the block is for"),
	TEXT("note", 200, 0, "note"),
};

static const struct lb_column use_cols[] = {
	COL("number", T, LB_CK_ENTRY_NO, KEY, "entry number"),
	{ "filer", T, LB_CK_ALNUM, REQ, 0, 3, NULL, NULL, "filer code" },
	{ "serial", I, LB_CK_INT, REQ, 0, 9999999, NULL, NULL, "serial" },
	{ "state", T, LB_CK_ENUM, REQ, 0, 0, entry_states, NULL,
	    "drawn, void or used" },
	COL("shipment_ref", T, LB_CK_KEY, 0, "shipment it was assigned to"),
	TEXT("reason", 200, 0, "why voided, or where the main system used it"),
	TEXT("at", 24, REQ, "when (UTC)"),
	TEXT("actor", 80, REQ, "who"),
};

/* The working-day calendar file in force (calendar.h), kept whole. */
static const struct lb_column calendar_cols[] = {
	COL("name", T, LB_CK_KEY, KEY, "always \"current\""),
	TEXT("text", 5 << 20, REQ, "the calendar file"),
	TEXT("source", 200, 0, "file it was loaded from"),
	TEXT("at", 24, REQ, "when (UTC)"),
	TEXT("actor", 80, REQ, "who"),
};

static const char * const relief_types[] = {
	"discretion", "extension", "downtime", NULL
};

static const char * const relief_covers[] = {
	"summary", "payment", "all", NULL
};

/* Relief CBP granted (capability I4, used by the deadlines of E3). */
static const struct lb_column relief_cols[] = {
	COL("id", T, LB_CK_KEY, KEY, "relief identifier (R1, R2...)"),
	{ "type", T, LB_CK_ENUM, REQ, 0, 0, relief_types, NULL,
	    "discretion (enforcement discretion) or extension (extra days)" },
	COL("first", T, LB_CK_DATE, REQ, "first day covered"),
	COL("last", T, LB_CK_DATE, REQ, "last day covered"),
	{ "covers", T, LB_CK_ENUM, REQ, 0, 0, relief_covers, NULL,
	    "summary, payment or all" },
	{ "days", I, LB_CK_INT, 0, 1, 60, NULL, NULL,
	    "extension: working days added" },
	COL("ports", T, LB_CK_PORT_LIST, 0, "ports it applies to (all when empty)"),
	COL("importer_number", T, LB_CK_IMPORTER, 0,
	    "the one importer it applies to (all when empty)"),
	TEXT("reason", 400, REQ, "reason, as granted"),
	TEXT("reference", 200, 0, "CBP's approval reference or contact"),
	TEXT("at", 24, REQ, "when recorded (UTC)"),
	TEXT("actor", 80, REQ, "who recorded it"),
	/* Schema 6: relief is evidence. */
	TEXT("approved_by", 200, LB_COL_LATE,
	    "the approving CBP office or person"),
	{ "renews", T, LB_CK_KEY, LB_COL_LATE, 0, 35, NULL, NULL,
	    "the relief this one renews or extends (its id)" },
};

/* Incident clocks (the 72-hour SOC notice), started at discovery. */
static const struct lb_column clock_cols[] = {
	COL("name", T, LB_CK_KEY, KEY, "clock name"),
	TEXT("started", 24, REQ, "when the clock started (UTC)"),
	TEXT("stopped", 24, 0, "when it was met (UTC)"),
	TEXT("note", 200, 0, "note"),
	TEXT("at", 24, REQ, "when recorded (UTC)"),
	TEXT("actor", 80, REQ, "who recorded it"),
};

static const char * const recovery_tasks[] = {
	"release", "summary", "statement", NULL
};

static const char * const recovery_states[] = {
	"pending", "transmitted", "accepted", "rejected", "void", NULL
};

/* Post-release work to key into ACE once it is back (E4). */
static const struct lb_column recovery_cols[] = {
	COL("shipment_ref", T, LB_CK_KEY, KEY, "the shipment"),
	{ "task", T, LB_CK_ENUM, KEY, 0, 0, recovery_tasks, NULL,
	    "release (cargo release data), summary or statement" },
	COL("entry_number", T, LB_CK_ENTRY_NO, REQ, "entry number"),
	{ "state", T, LB_CK_ENUM, REQ, 0, 0, recovery_states, NULL,
	    "pending, transmitted, accepted, rejected, or void (its number was voided)" },
	TEXT("reason", 200, 0, "why rejected, or a note"),
	TEXT("at", 24, REQ, "when the state was set (UTC)"),
	TEXT("actor", 80, REQ, "who set it"),
};

static const char * const account_roles[] = {
	"admin", "staff", "client", "auditor", NULL
};

static const char * const account_states[] = {
	"active", "disabled", NULL
};

/* Who may sign in to the web workspace (account.h); never imported. */
static const struct lb_column account_cols[] = {
	TEXT("name", 32, KEY, "user name: a-z, 0-9, '.', '_', '-'"),
	{ "role", T, LB_CK_ENUM, REQ, 0, 0, account_roles, NULL,
	    "admin, staff, client or auditor" },
	COL("importer_number", T, LB_CK_IMPORTER, 0,
	    "client users: the one importer they see"),
	TEXT("hash", 128, REQ, "argon2id hash of the password (never shown)"),
	{ "state", T, LB_CK_ENUM, REQ, 0, 0, account_states, NULL,
	    "active or disabled" },
	TEXT("at", 24, REQ, "when last changed (UTC)"),
	TEXT("actor", 80, REQ, "who changed it"),
};

static const struct lb_column setting_cols[] = {
	COL("name", T, LB_CK_KEY, KEY, "setting name"),
	TEXT("value", 2000, REQ, "setting value"),
};

static const char * const statement_types[] = {
	"daily", "periodic", NULL
};

/*
 * Statements (19 CFR 24.25): a daily or periodic monthly statement groups
 * entry summaries for one ACH payment.  Authorizing it (through ABI) and
 * its payment are separate acts; a summary filed on a statement never
 * authorized is unpaid (CBP.md 4).
 */
static const struct lb_column statement_cols[] = {
	{ "statement_number", T, LB_CK_ALNUM, KEY, 0, 11, NULL, NULL,
	    "statement number" },
	{ "type", T, LB_CK_ENUM, REQ, 0, 0, statement_types, NULL,
	    "daily or periodic (PMS)" },
	COL("statement_date", T, LB_CK_DATE, REQ,
	    "statement date (periodic: any day of the month it bills)"),
	COL("due_date", T, LB_CK_DATE, 0,
	    "payment due date, when CBP's is known"),
	COL("importer_number", T, LB_CK_IMPORTER, 0,
	    "the importer it bills, if one"),
	COL("amount", I, LB_CK_MONEY, 0, "amount in dollars"),
	COL("authorized_date", T, LB_CK_DATE, 0,
	    "date the ACH debit was authorized (ABI)"),
	COL("paid_date", T, LB_CK_DATE, 0, "date CBP debited the payment"),
};

static const char * const owned_states[] = {
	"held", "conflict", "kept", NULL
};

/*
 * Fields Lifeboat owns (shipment.h): what Lifeboat decided for a shipment
 * (a number drawn, the paper release, a correction) survives every later
 * import; a feed that disagrees is a conflict until someone resolves it.
 */
static const struct lb_column owned_cols[] = {
	COL("shipment_ref", T, LB_CK_KEY, KEY, "the shipment"),
	COL("field", T, LB_CK_KEY, KEY, "the shipments column"),
	TEXT("value", 400, 0, "the value Lifeboat holds (empty: none)"),
	TEXT("source", 20, REQ, "what set it: draw, release, set"),
	TEXT("reason", 400, 0, "why"),
	{ "state", T, LB_CK_ENUM, REQ, 0, 0, owned_states, NULL,
	    "held, conflict (the feed disagrees) or kept (resolved)" },
	TEXT("feed_value", 400, 0, "what the feed said, when it disagreed"),
	TEXT("feed_where", 400, 0, "FILE:LINE:COLUMN of that feed value"),
	TEXT("at", 24, REQ, "when last changed (UTC)"),
	TEXT("actor", 80, REQ, "who changed it"),
};

/* Paper releases: CBP released the cargo on downtime paperwork. */
static const struct lb_column release_cols[] = {
	COL("shipment_ref", T, LB_CK_KEY, KEY, "the shipment"),
	COL("release_date", T, LB_CK_DATE, REQ, "date CBP released it"),
	COL("port", T, LB_CK_PORT, REQ, "port that released it"),
	COL("entry_number", T, LB_CK_ENTRY_NO, REQ, "its entry number"),
	TEXT("note", 400, 0, "note (officer, reference)"),
	TEXT("at", 24, REQ, "when recorded (UTC)"),
	TEXT("actor", 80, REQ, "who recorded it"),
};

#define KIND(n, t, noun, cols, single) \
	{ n, t, noun, cols, sizeof(cols) / sizeof(cols[0]), single, 0 }

static const struct lb_kind brokerage = KIND("brokerage", "brokerage", "brokerage", brokerage_cols, 1);
static const struct lb_kind clients = KIND("clients", "client", "client", client_cols, 0);
static const struct lb_kind contacts = KIND("contacts", "contact", "contact", contact_cols, 0);
static const struct lb_kind employees = KIND("employees", "employee", "employee", employee_cols, 0);
static const struct lb_kind shipments = KIND("shipments", "shipment", "shipment", shipment_cols, 0);
static const struct lb_kind lines = KIND("lines", "line", "line", line_cols, 0);
static const struct lb_kind blocks = {
	"entry_blocks", "entry_block", "entry block", block_cols,
	sizeof(block_cols) / sizeof(block_cols[0]), 0, 1
};
static const struct lb_kind uses = {
	"entry_numbers", "entry_use", "entry number", use_cols,
	sizeof(use_cols) / sizeof(use_cols[0]), 0, 1
};
static const struct lb_kind settings = {
	"settings", "setting", "setting", setting_cols,
	sizeof(setting_cols) / sizeof(setting_cols[0]), 0, 1
};

#define INTERNAL(n, t, noun, cols) \
	{ n, t, noun, cols, sizeof(cols) / sizeof(cols[0]), 0, 1 }

static const struct lb_kind calendar = INTERNAL("calendar", "calendar", "calendar", calendar_cols);
static const struct lb_kind relief = INTERNAL("relief", "relief", "relief", relief_cols);
static const struct lb_kind clocks = INTERNAL("clocks", "clock", "clock", clock_cols);
static const struct lb_kind recovery = INTERNAL("recovery", "recovery", "recovery task", recovery_cols);
static const struct lb_kind accounts = INTERNAL("accounts", "account", "account", account_cols);
static const struct lb_kind statements = KIND("statements", "statement", "statement", statement_cols, 0);
static const struct lb_kind owned = INTERNAL("owned", "owned_field", "owned field", owned_cols);
static const struct lb_kind releases = INTERNAL("releases", "paper_release", "paper release", release_cols);

const struct lb_kind * const lb_kinds[] = {
	&brokerage, &clients, &contacts, &employees, &shipments, &lines,
	&settings, &blocks, &uses, &calendar, &relief, &clocks, &recovery,
	&accounts, &statements, &owned, &releases
};
const size_t lb_nkinds = sizeof(lb_kinds) / sizeof(lb_kinds[0]);

const struct lb_kind *
lb_kind_find(const char *name)
{
	size_t	i;

	for (i = 0; i < lb_nkinds; i++)
		if (strcmp(lb_kinds[i]->name, name) == 0)
			return lb_kinds[i];
	return NULL;
}

const struct lb_kind *
lb_kind_get(const char *name)
{
	const struct lb_kind	*k = lb_kind_find(name);

	/* The kinds are compiled in: the caller's name is wrong. */
	if (k == NULL)
		abort();
	return k;
}

int
lb_kind_col(const struct lb_kind *k, const char *name)
{
	size_t	i;

	for (i = 0; i < k->ncols; i++)
		if (strcmp(k->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}
