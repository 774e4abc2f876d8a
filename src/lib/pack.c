/*
 * pack.c: the downtime release pack (see pack.h): what the port needs,
 * gathered from the vault and checked, then laid out as a CBP Form 3461
 * and the broker's downtime letter.
 *
 * Every value printed is copied out of the vault's rows when the pack is
 * loaded, so the read snapshot is short and the PDF is drawn from memory.
 * Rows are kept whole (every column of their kind, as stored) and columns
 * are found by name once per load, through the tables below: a column
 * renamed in kind.c fails loudly here instead of printing blanks.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cbp.h"
#include "date.h"
#include "deadline.h"
#include "kind.h"
#include "mem.h"
#include "outfile.h"
#include "pack.h"
#include "pdf.h"
#include "port.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The columns the pack reads, per kind. */
enum scol {
	S_REF, S_IMPORTER, S_STATUS, S_MODE, S_SCAC, S_BILL, S_HOUSE, S_TRIP,
	S_CONVEYANCE, S_PORT, S_UNLADING, S_LADING, S_FIRMS, S_GO, S_ARRIVAL,
	S_ENTRY, S_ENTRY_TYPE, S_RELEASE, S_VALUE, S_BOND, S_BOND_AMOUNT, S_IT,
	S_IT_DATE, S_MANIFEST, S_MANIFEST_QTY, S_MANIFEST_UNIT, S_WEIGHT,
	S_REFID_CODE, S_REFID_NUMBER, S_CONSIGNEE_NUMBER, S_CONSIGNEE,
	S_BUYER, S_BUYER_ID, S_SELLER, S_SELLER_ID, S_MAKER, S_MID, S_DRIVER,
	S_DOB, S_PLATE, S_ACE_TRIP, S_PGA, S_DESC, S_SURETY, S_CES,
	S_WAREHOUSE, S_SELF_CERT, S_N
};
static const char *const scol_names[S_N] = {
	"ref", "importer_number", "status", "mode", "carrier_scac", "bill",
	"house_bill", "trip", "conveyance", "port_entry", "port_unlading",
	"foreign_port_lading", "location_of_goods", "go_number",
	"arrival_date", "entry_number", "entry_type", "release_date",
	"entered_value", "bond_type", "bond_amount", "it_number", "it_date",
	"manifest_number", "manifest_qty", "manifest_unit", "gross_weight_kg",
	"ref_id_code", "ref_id_number", "consignee_number", "consignee_name",
	"buyer_name", "buyer_id", "seller_name", "seller_id",
	"manufacturer_name", "manufacturer_id", "driver_name", "driver_dob",
	"truck_plate", "ace_trip_number", "pga_flags", "description",
	"surety_code", "ces", "warehouse_entry", "self_cert"
};

enum ccol {
	C_NUMBER, C_TYPE, C_NAME, C_ADDR1, C_ADDR2, C_CITY, C_STATE, C_POSTAL,
	C_COUNTRY, C_BOND, C_SURETY, C_BOND_AMOUNT, C_N
};
static const char *const ccol_names[C_N] = {
	"importer_number", "importer_type", "name", "address1", "address2",
	"city", "state", "postal_code", "country", "bond_type", "surety_code",
	"bond_amount"
};

enum bcol {
	B_LICENSE, B_NAME, B_FILERS, B_ADDR1, B_ADDR2, B_CITY, B_STATE,
	B_POSTAL, B_COUNTRY, B_PHONE, B_EMAIL, B_SIGNER, B_TITLE, B_N
};
static const char *const bcol_names[B_N] = {
	"license_number", "name", "filer_codes", "address1", "address2",
	"city", "state", "postal_code", "country", "phone", "email",
	"signer_name", "signer_title"
};

enum lcol {
	L_NO, L_HTS, L_ORIGIN, L_MID, L_DESC, L_VALUE, L_QTY, L_UNIT, L_QTY2,
	L_UNIT2, L_WEIGHT, L_N
};
static const char *const lcol_names[L_N] = {
	"line_no", "hts", "country_origin", "manufacturer_id", "description",
	"value", "quantity", "unit", "quantity2", "unit2", "gross_weight_kg"
};

/* Relief: the downtime authorizations CBP granted (type downtime). */
enum rcol {
	R_ID, R_TYPE, R_FIRST, R_LAST, R_PORTS, R_REFERENCE, R_APPROVED, R_N
};
static const char *const rcol_names[R_N] = {
	"id", "type", "first", "last", "ports", "reference", "approved_by"
};

/*
 * What a missing column is called in a refusal, in plain words; the
 * column's name follows in parentheses, for lifeboat shipment set.  A
 * column not listed here is called by its documentation (kind.c).
 */
static const struct {
	const char	*col;
	const char	*words;
} plain_names[] = {
	{ "entry_type", "the entry type" },
	{ "port_entry", "the port of entry" },
	{ "mode", "the mode of transport" },
	{ "driver_name", "the truck driver's name" },
	{ "driver_dob", "the truck driver's date of birth" },
	{ "truck_plate", "the truck's plate number" },
	{ "ace_trip_number", "the ACE trip number (e-manifest)" },
	{ "carrier_scac", "the carrier's code (SCAC)" },
	{ "trip", "the voyage, flight or trip number" },
	{ "bill", "the bill of lading or air waybill number" },
	{ "bond_amount", "the single transaction bond amount" },
	{ "surety_code", "the surety code of the bond" },
	{ "signer_name", "the signer (the licensed broker who signs)" },
	{ "hts", "the HTS number" },
	{ "country_origin", "the country of origin" },
	{ "description", "the description of the goods" },
	{ "value", "the value" },
	{ "name", "the name" },
	{ "address1", "the street address" },
	{ "city", "the city" },
	{ "country", "the country" },
	{ "license_number", "the broker's license number" },
	{ "filer_codes", "the filer codes" },
	{ "importer_type", "the kind of importer number" },
};

/* One row, every column of its kind, text copied into `text`. */
struct row {
	const struct lb_kind	*k;
	struct lb_value		*v;
	char			*text;
};

struct lb_pack {
	char		 ref[36];
	struct row	 ship;
	struct row	 client;
	struct row	 broker;
	struct row	*lines;
	size_t		 nlines;
	size_t		 linecap;
	struct row	*dt;		/* downtime authorizations */
	size_t		 ndt;
	size_t		 dtcap;
	int		 rc[R_N];
	char		 oob[256];	/* setting oob_contact, "" unset */
	const struct lb_port *port;	/* the port of entry, NULL unknown */
	int		 has_client;
	int		 has_broker;
	int		 sc[S_N];
	int		 cc[C_N];
	int		 bc[B_N];
	int		 lc[L_N];
	int64_t		 value;		/* entered value, cents */
	int64_t		 bond_type;	/* the shipment's, else the client's */
	int64_t		 bond_cents;	/* -1 when none printed */
	const char	*surety;	/* the surety code printed, or "" */
};

/*
 * Row copies.
 */

static void
row_free(struct row *r)
{
	free(r->v);
	free(r->text);
	r->v = NULL;
	r->text = NULL;
}

static int
row_copy(struct row *r, const struct lb_kind *k, const struct lb_value *vals)
{
	size_t	i, need = 0;
	char	*p;

	r->k = k;
	if ((r->v = lb_calloc(k->ncols, sizeof(*r->v))) == NULL)
		return -1;
	for (i = 0; i < k->ncols; i++)
		if (!vals[i].null && k->cols[i].store == LB_ST_TEXT)
			need += vals[i].len + 1;
	if ((r->text = lb_mallocarray(need + 1, 1)) == NULL) {
		row_free(r);
		return -1;
	}
	p = r->text;
	for (i = 0; i < k->ncols; i++) {
		r->v[i] = vals[i];
		if (vals[i].null || k->cols[i].store != LB_ST_TEXT) {
			r->v[i].s = NULL;
			r->v[i].len = 0;
			continue;
		}
		if (vals[i].len > 0)
			memcpy(p, vals[i].s, vals[i].len);
		p[vals[i].len] = '\0';
		r->v[i].s = p;
		p += vals[i].len + 1;
	}
	return 0;
}

/* Text of column c, "" when absent. */
static const char *
tx(const struct row *r, int c)
{
	if (r->v == NULL || r->v[c].null || r->v[c].s == NULL)
		return "";
	return r->v[c].s;
}

static int
absent(const struct row *r, int c)
{
	if (r->v == NULL || r->v[c].null)
		return 1;
	return r->k->cols[c].store == LB_ST_TEXT && r->v[c].len == 0;
}

static int64_t
ix(const struct row *r, int c)
{
	return r->v == NULL || r->v[c].null ? 0 : r->v[c].i;
}

#define S(pk, c)	tx(&(pk)->ship, (pk)->sc[c])
#define C(pk, c)	tx(&(pk)->client, (pk)->cc[c])
#define B(pk, c)	tx(&(pk)->broker, (pk)->bc[c])
#define L(pk, i, c)	tx(&(pk)->lines[i], (pk)->lc[c])

static int
resolve(const struct lb_kind *k, const char *const *names, int *idx, size_t n,
    struct lb_err *e)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if ((idx[i] = lb_kind_col(k, names[i])) < 0)
			return lb_error(e, "internal error: kind %s has no "
			    "column %s", k->name, names[i]);
	return 0;
}

void
lb_pack_free(struct lb_pack *pk)
{
	size_t	i;

	if (pk == NULL)
		return;
	row_free(&pk->ship);
	row_free(&pk->client);
	row_free(&pk->broker);
	for (i = 0; i < pk->nlines; i++)
		row_free(&pk->lines[i]);
	free(pk->lines);
	for (i = 0; i < pk->ndt; i++)
		row_free(&pk->dt[i]);
	free(pk->dt);
	free(pk);
}

const char *
lb_pack_ref(const struct lb_pack *pk)
{
	return pk->ref;
}

const char *
lb_pack_entry_number(const struct lb_pack *pk)
{
	return S(pk, S_ENTRY);
}

/*
 * Loading.
 */

struct loader {
	struct lb_pack		*pk;
	struct row		*into;
	const struct lb_kind	*k;
	int			 oom;
	int			 rows;
};

static int
on_row(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct loader	*ld = arg;

	ld->rows++;
	if (ld->rows > 1)
		return 0;	/* the brokerage is one row; keep the first */
	if (row_copy(ld->into, ld->k, vals) == -1) {
		ld->oom = 1;
		return -1;
	}
	return 0;
}

static int
on_line(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct loader	*ld = arg;
	struct lb_pack	*pk = ld->pk;
	struct row	*v;
	size_t		 cap;

	if (pk->nlines == pk->linecap) {
		cap = pk->linecap == 0 ? 16 : pk->linecap * 2;
		if ((v = lb_reallocarray(pk->lines, cap, sizeof(*v))) == NULL) {
			ld->oom = 1;
			return -1;
		}
		pk->lines = v;
		pk->linecap = cap;
	}
	memset(&pk->lines[pk->nlines], 0, sizeof(pk->lines[0]));
	if (row_copy(&pk->lines[pk->nlines], ld->k, vals) == -1) {
		ld->oom = 1;
		return -1;
	}
	pk->nlines++;
	return 0;
}

/* A relief row: kept when it is a downtime authorization. */
static int
on_relief(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct loader		*ld = arg;
	struct lb_pack		*pk = ld->pk;
	const struct lb_value	*t = &vals[pk->rc[R_TYPE]];
	struct row		*v;
	size_t			 cap;

	if (t->null || t->len != 8 || memcmp(t->s, "downtime", 8) != 0)
		return 0;
	if (pk->ndt == pk->dtcap) {
		cap = pk->dtcap == 0 ? 4 : pk->dtcap * 2;
		if ((v = lb_reallocarray(pk->dt, cap, sizeof(*v))) == NULL) {
			ld->oom = 1;
			return -1;
		}
		pk->dt = v;
		pk->dtcap = cap;
	}
	memset(&pk->dt[pk->ndt], 0, sizeof(pk->dt[0]));
	if (row_copy(&pk->dt[pk->ndt], ld->k, vals) == -1) {
		ld->oom = 1;
		return -1;
	}
	pk->ndt++;
	return 0;
}

/* Read everything in one snapshot; 1 when the shipment exists. */
static int
read_rows(struct lb_vault *v, struct lb_pack *pk, int64_t *deminimis,
    struct lb_err *e)
{
	struct lb_store		*st = v->st;
	const struct lb_kind	*ks = lb_kind_find("shipments");
	const struct lb_kind	*kc = lb_kind_find("clients");
	const struct lb_kind	*kb = lb_kind_find("brokerage");
	const struct lb_kind	*kl = lb_kind_find("lines");
	struct loader		 ld;
	const char		*imp;
	int			 rc, ret = -1;

	if (st->ops->read_begin(st, e) == -1)
		return -1;
	memset(&ld, 0, sizeof(ld));
	ld.pk = pk;
	ld.into = &pk->ship;
	ld.k = ks;
	rc = st->ops->get_row(st, ks, pk->ref, strlen(pk->ref), on_row, &ld, e);
	if (rc == -1)
		goto out;
	if (rc == 0) {
		ret = 0;
		goto out;
	}
	imp = S(pk, S_IMPORTER);
	memset(&ld, 0, sizeof(ld));
	ld.into = &pk->client;
	ld.k = kc;
	if ((rc = st->ops->get_row(st, kc, imp, strlen(imp), on_row, &ld,
	    e)) == -1)
		goto out;
	pk->has_client = rc == 1;
	memset(&ld, 0, sizeof(ld));
	ld.into = &pk->broker;
	ld.k = kb;
	if (st->ops->rows_scan(st, kb, on_row, &ld, e) == -1)
		goto out;
	pk->has_broker = ld.rows > 0;
	memset(&ld, 0, sizeof(ld));
	ld.pk = pk;
	ld.k = kl;
	if (st->ops->rows_by(st, kl, pk->ref, strlen(pk->ref), on_line, &ld,
	    e) == -1)
		goto out;
	memset(&ld, 0, sizeof(ld));
	ld.pk = pk;
	ld.k = lb_kind_get("relief");
	if (st->ops->rows_scan(st, ld.k, on_relief, &ld, e) == -1)
		goto out;
	if (lb_vault_setting(v, "deminimis_cents", deminimis, e) == -1 ||
	    lb_vault_setting_text(v, "oob_contact", pk->oob, sizeof(pk->oob),
	    e) == -1)
		goto out;
	pk->port = lb_port_find(S(pk, S_PORT));
	ret = 1;
out:
	st->ops->read_end(st);
	if (ld.oom)
		return lb_error(e, "out of memory");
	return ret;
}

/* "MM/DD/YYYY" of a stored "YYYY-MM-DD"; anything else as it is. */
static void
date_paper(const char *iso, char *out, size_t outlen)
{
	char	us[LB_DATE_STRLEN];

	if (lb_date_paper(iso, strlen(iso), us) == 0)
		(void)snprintf(out, outlen, "%s", us);
	else
		(void)snprintf(out, outlen, "%s", iso);
}

/*
 * One missing column of a row: plain words first, then the column (as in
 * docs/formats.md) and where it is: where is "" for the shipment's own
 * (lifeboat shipment set REF COLUMN=VALUE), else "clients", "brokerage"
 * or "line N".
 */
static void
need(struct lb_problems *p, const char *ref, const char *where,
    const struct row *r, int c)
{
	const char	*col = r->k->cols[c].name, *words = r->k->cols[c].doc;
	const char	*owner = "the ";
	size_t		 i;

	if (!absent(r, c))
		return;
	for (i = 0; i < NELEM(plain_names); i++)
		if (strcmp(plain_names[i].col, col) == 0)
			words = plain_names[i].words + 4;	/* "the " */
	if (strcmp(where, "clients") == 0)
		owner = "the client's ";
	else if (strcmp(where, "brokerage") == 0)
		owner = "the brokerage's ";
	if (strncmp(where, "line ", 5) == 0)
		lb_problems_add(p, "shipment %s: %s: the %s is missing (%s of "
		    "%s)", ref, where, words, col, where);
	else
		lb_problems_add(p, "shipment %s: %s%s is missing (%s%s%s)", ref,
		    owner, words, where, where[0] != '\0' ? " " : "", col);
}

/* Is filer (3 characters) one of the brokerage's "B76;ABC"? */
static int
filer_is_ours(const char *codes, const char *filer)
{
	const char	*p;

	for (p = codes; strlen(p) >= 3; p += 4) {
		if (strncmp(p, filer, 3) == 0)
			return 1;
		if (p[3] != ';')
			break;
	}
	return 0;
}

/*
 * Check pk; with draw set, as lb_pack_check_draw() does: the entry number
 * is the one about to be drawn, so neither its absence nor its filer code
 * is a problem.
 */
static void
check(struct lb_pack *pk, int64_t deminimis, int draw, struct lb_problems *p)
{
	const char	*ref = pk->ref, *entry;
	char		 a[32], b[32], d[16];
	int64_t		 mode, type, sum = 0;
	size_t		 i, c;
	int		 ship_bond, ship_surety;

	if (!draw && absent(&pk->ship, pk->sc[S_ENTRY]))
		lb_problems_add(p, "shipment %s: it has no entry number yet "
		    "(entry_number): draw one from the reserve with: lifeboat "
		    "entry next --filer FILER --shipment %s", ref, ref);
	need(p, ref, "", &pk->ship, pk->sc[S_ENTRY_TYPE]);
	need(p, ref, "", &pk->ship, pk->sc[S_PORT]);
	need(p, ref, "", &pk->ship, pk->sc[S_MODE]);
	mode = ix(&pk->ship, pk->sc[S_MODE]);
	type = ix(&pk->ship, pk->sc[S_ENTRY_TYPE]);
	entry = S(pk, S_ENTRY);

	if (strcmp(S(pk, S_STATUS), "cancelled") == 0)
		lb_problems_add(p, "shipment %s: cancelled: there is nothing "
		    "to release", ref);
	else if (strcmp(S(pk, S_STATUS), "released") == 0) {
		date_paper(S(pk, S_RELEASE), d, sizeof(d));
		lb_problems_add(p, "shipment %s: already released%s%s: no "
		    "downtime release is needed", ref, d[0] != '\0' ?
		    " on " : "", d);
	}

	if (!absent(&pk->ship, pk->sc[S_MODE]) && lb_mode_is_truck((int)mode)) {
		need(p, ref, "", &pk->ship, pk->sc[S_DRIVER]);
		need(p, ref, "", &pk->ship, pk->sc[S_DOB]);
		need(p, ref, "", &pk->ship, pk->sc[S_PLATE]);
		need(p, ref, "", &pk->ship, pk->sc[S_ACE_TRIP]);
	} else if (!absent(&pk->ship, pk->sc[S_MODE])) {
		need(p, ref, "", &pk->ship, pk->sc[S_SCAC]);
		need(p, ref, "", &pk->ship, pk->sc[S_TRIP]);
		need(p, ref, "", &pk->ship, pk->sc[S_BILL]);
	}

	if (!pk->has_client)
		lb_problems_add(p, "shipment %s: its client %s is not in the "
		    "vault (lifeboat import clients)", ref,
		    S(pk, S_IMPORTER));
	else {
		for (c = 0; c < C_N; c++)
			if (pk->client.k->cols[pk->cc[c]].flags &
			    LB_COL_REQUIRED)
				need(p, ref, "clients", &pk->client,
				    pk->cc[c]);
	}

	/*
	 * Bond: the shipment's own bond type when it has one (a single
	 * transaction bond for this entry), else the client's.
	 *
	 * A single transaction bond covers one entry, so its value is the
	 * shipment's bond_amount (the client's only when the shipment says
	 * nothing), and it is required.  A continuous bond is on file with
	 * CBP: its value is printed when known, never required.  The surety
	 * code is the shipment's when it has one (schema 6: the bond document
	 * of this entry names it), which wins over the client's.  Else the
	 * client's, required for the client's own bond; for a shipment's
	 * single transaction bond the client's is printed only when the
	 * client's own bonds are single transaction ones too (the same
	 * surety, most likely), otherwise the field stays blank rather than
	 * show another bond's surety.  Informal entries need no bond: nothing
	 * is required of them.
	 */
	ship_bond = !absent(&pk->ship, pk->sc[S_BOND]);
	ship_surety = !absent(&pk->ship, pk->sc[S_SURETY]);
	pk->bond_type = ship_bond ? ix(&pk->ship, pk->sc[S_BOND]) :
	    ix(&pk->client, pk->cc[C_BOND]);
	pk->bond_cents = -1;
	if (pk->bond_type == 9 && !absent(&pk->ship, pk->sc[S_BOND_AMOUNT]))
		pk->bond_cents = ix(&pk->ship, pk->sc[S_BOND_AMOUNT]);
	else if (!ship_bond && pk->has_client &&
	    !absent(&pk->client, pk->cc[C_BOND_AMOUNT]))
		pk->bond_cents = ix(&pk->client, pk->cc[C_BOND_AMOUNT]);
	pk->surety = "";
	if (pk->bond_type != 0 && ship_surety)
		pk->surety = S(pk, S_SURETY);
	else if (pk->bond_type != 0 && pk->has_client && (!ship_bond ||
	    ix(&pk->client, pk->cc[C_BOND]) == 9))
		pk->surety = C(pk, C_SURETY);
	if (!lb_entry_type_informal((int)type) && pk->has_client) {
		if (!ship_surety && (pk->bond_type == 8 ||
		    (pk->bond_type == 9 && !ship_bond)))
			need(p, ref, "clients", &pk->client,
			    pk->cc[C_SURETY]);
		if (pk->bond_type == 9 && pk->bond_cents < 0)
			need(p, ref, "", &pk->ship, pk->sc[S_BOND_AMOUNT]);
	}

	if (pk->nlines == 0)
		lb_problems_add(p, "shipment %s: no entry lines (import its "
		    "lines)", ref);
	for (i = 0; i < pk->nlines; i++) {
		char	who[32];

		(void)snprintf(who, sizeof(who), "line %" PRId64,
		    ix(&pk->lines[i], pk->lc[L_NO]));
		for (c = 0; c < pk->lines[i].k->ncols; c++)
			if (pk->lines[i].k->cols[c].flags & LB_COL_REQUIRED)
				need(p, ref, who, &pk->lines[i], (int)c);
		sum += ix(&pk->lines[i], pk->lc[L_VALUE]);
	}
	pk->value = absent(&pk->ship, pk->sc[S_VALUE]) ? sum :
	    ix(&pk->ship, pk->sc[S_VALUE]);

	if (!pk->has_broker)
		lb_problems_add(p, "shipment %s: no brokerage in the vault "
		    "(import brokerage)", ref);
	else {
		for (c = 0; c < B_N; c++)
			if (pk->broker.k->cols[pk->bc[c]].flags &
			    LB_COL_REQUIRED)
				need(p, ref, "brokerage", &pk->broker,
				    pk->bc[c]);
		need(p, ref, "brokerage", &pk->broker, pk->bc[B_SIGNER]);
		if (!draw && strlen(entry) == 13 &&
		    !filer_is_ours(B(pk, B_FILERS), entry))
			lb_problems_add(p, "shipment %s: entry number %s has "
			    "filer code %.3s, not one of the brokerage's (%s)",
			    ref, entry, entry, B(pk, B_FILERS));
	}

	/* What may not be released on paper at all (CSMS #66065494). */
	if (!absent(&pk->ship, pk->sc[S_ENTRY_TYPE]) &&
	    lb_entry_type_closed((int)type))
		lb_problems_add(p, "shipment %s: entry type %02" PRId64 " is "
		    "closed since 29 August 2025 (CSMS #66065494): no paper "
		    "release", ref, type);
	else if (!absent(&pk->ship, pk->sc[S_ENTRY_TYPE]) &&
	    lb_entry_type_informal((int)type) && pk->value <= deminimis) {
		lb_money_display(pk->value, a);
		lb_money_display(deminimis, b);
		lb_problems_add(p, "shipment %s: informal entry (type %02"
		    PRId64 ") of %s, at or below the de minimis value of %s "
		    "(setting deminimis_cents): paper informal entries of "
		    "these goods are not allowed since 29 August 2025 (CSMS "
		    "#66065494)", ref, type, a, b);
	}
}

/*
 * lb_pack_load(), and lb_pack_check_draw() when draw is set: then the
 * shipment is judged with entry_type (when not 0) as its entry type, and
 * the entry number yet to be drawn is not asked for.
 */
static int
load(struct lb_vault *v, const char *ref, int draw, int entry_type,
    struct lb_pack **out, struct lb_problems *missing, struct lb_err *e)
{
	struct lb_pack	*pk;
	struct lb_value	*t;
	int64_t		 deminimis = 0;
	size_t		 before = missing->total;
	int		 rc;

	*out = NULL;
	if (ref == NULL || ref[0] == '\0' || strlen(ref) > 35)
		return lb_error(e, "a shipment ref is 1 to 35 characters");
	if ((pk = lb_calloc(1, sizeof(*pk))) == NULL)
		return lb_error(e, "out of memory");
	(void)snprintf(pk->ref, sizeof(pk->ref), "%s", ref);
	if (resolve(lb_kind_find("shipments"), scol_names, pk->sc, S_N,
	    e) == -1 || resolve(lb_kind_find("clients"), ccol_names, pk->cc,
	    C_N, e) == -1 || resolve(lb_kind_find("brokerage"), bcol_names,
	    pk->bc, B_N, e) == -1 || resolve(lb_kind_find("lines"),
	    lcol_names, pk->lc, L_N, e) == -1 ||
	    resolve(lb_kind_get("relief"), rcol_names, pk->rc, R_N, e) == -1)
		goto fail;
	if ((rc = read_rows(v, pk, &deminimis, e)) == -1)
		goto fail;
	if (rc == 0) {
		lb_error(e, "no shipment \"%s\" in the vault", ref);
		lb_pack_free(pk);
		return LB_PACK_NOT_FOUND;
	}
	if (draw && entry_type != 0) {
		t = &pk->ship.v[pk->sc[S_ENTRY_TYPE]];
		t->null = 0;
		t->i = entry_type;
	}
	check(pk, deminimis, draw, missing);
	if (missing->total > before) {
		lb_pack_free(pk);
		return LB_PACK_REFUSED;
	}
	*out = pk;
	return LB_PACK_READY;
fail:
	lb_pack_free(pk);
	return -1;
}

int
lb_pack_load(struct lb_vault *v, const char *ref, struct lb_pack **out,
    struct lb_problems *missing, struct lb_err *e)
{
	return load(v, ref, 0, 0, out, missing, e);
}

int
lb_pack_check_draw(struct lb_vault *v, const char *ref, int entry_type,
    struct lb_problems *missing, struct lb_err *e)
{
	struct lb_pack	*pk;
	int		 rc;

	rc = load(v, ref, 1, entry_type, &pk, missing, e);
	lb_pack_free(pk);
	return rc;
}

/*
 * Pending shipments.
 */

struct pending {
	int		 cref, cstatus, centry;
	char		(*refs)[36];
	size_t		 n, cap;
	int		 oom;
};

static int
on_pending(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct pending		*pe = arg;
	const struct lb_value	*s = &vals[pe->cstatus];
	char			(*v)[36];
	size_t			 cap;

	if (vals[pe->centry].null || vals[pe->centry].len == 0 ||
	    vals[pe->cref].null || vals[pe->cref].len > 35)
		return 0;
	if (!s->null && ((s->len == 8 && memcmp(s->s, "released", 8) == 0) ||
	    (s->len == 9 && memcmp(s->s, "cancelled", 9) == 0)))
		return 0;
	if (pe->n == pe->cap) {
		cap = pe->cap == 0 ? 256 : pe->cap * 2;
		if ((v = lb_reallocarray(pe->refs, cap, sizeof(*v))) == NULL) {
			pe->oom = 1;
			return -1;
		}
		pe->refs = v;
		pe->cap = cap;
	}
	memcpy(pe->refs[pe->n], vals[pe->cref].s, vals[pe->cref].len);
	pe->refs[pe->n][vals[pe->cref].len] = '\0';
	pe->n++;
	return 0;
}

static int
ref_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

int
lb_pack_pending(struct lb_vault *v, lb_pack_ref_cb *cb, void *arg,
    struct lb_err *e)
{
	const struct lb_kind	*ks = lb_kind_find("shipments");
	struct lb_store		*st = v->st;
	struct pending		 pe;
	size_t			 i;
	int			 rc;

	memset(&pe, 0, sizeof(pe));
	pe.cref = lb_kind_col(ks, "ref");
	pe.cstatus = lb_kind_col(ks, "status");
	pe.centry = lb_kind_col(ks, "entry_number");
	if (pe.cref < 0 || pe.cstatus < 0 || pe.centry < 0)
		return lb_error(e, "internal error: shipments lack a column");
	if (st->ops->read_begin(st, e) == -1)
		return -1;
	rc = st->ops->rows_scan(st, ks, on_pending, &pe, e);
	st->ops->read_end(st);
	if (pe.oom)
		rc = lb_error(e, "out of memory");
	/* The backend's scan order is its own: ref order is promised. */
	if (rc == 0 && pe.n > 1)
		qsort(pe.refs, pe.n, sizeof(pe.refs[0]), ref_cmp);
	for (i = 0; rc == 0 && i < pe.n; i++)
		rc = cb(arg, pe.refs[i]);
	free(pe.refs);
	return rc;
}

/*
 * Layout.  Points, US Letter, origin top left.
 */

#define X0		36.0
#define WIDTH		540.0
#define TOP		36.0
#define BOTTOM		744.0	/* last line of content; the footer below */
#define ROW		26.0	/* a one-line field */
#define LINE_SIZE	7.5	/* the lines table */
#define CERT_H		100.0	/* certification and CBP block, page 1 */
#define BAR		11.0	/* a section's title bar */
#define ROW1		34.0	/* the first row: the port's name */
#define ROW2		44.0	/* the importer's name and address */
#define PARTY_HEAD	10.0	/* the header parties' column titles */
#define PARTY_ROW	13.0	/* one header party */
#define TROW		24.0	/* a row of the transport fields */
#define FIELDS_TOP	(TOP + 40)
#define FIELDS_H	(4 * BAR + ROW1 + 3 * ROW + ROW2 + PARTY_HEAD + \
			    4 * PARTY_ROW + 2 * TROW + 8)
#define CONT_TOP	(TOP + 52)
#define TABLE1_BOTTOM	(BOTTOM - CERT_H - 22)	/* lines area, page 1 */
#define TABLEN_BOTTOM	(BOTTOM - 22)		/* on the pages after */

/* The lines table: x offset, width, label of each column. */
static const struct {
	double		 x, w;
	const char	*label;
	int		 flags;
} tcol[] = {
	{ 0, 24, "Line", LB_PDF_RIGHT },
	{ 24, 66, "HTS number", 0 },
	{ 90, 34, "Origin", 0 },
	{ 124, 92, "Manufacturer ID", 0 },
	{ 216, 180, "Description", 0 },
	{ 396, 74, "Quantity", LB_PDF_RIGHT },
	{ 470, 70, "Value", LB_PDF_RIGHT },
};
#define T_DESC	4
#define T_QTY	5

struct doc {
	struct lb_pdf		*pdf;
	const struct lb_pack	*pk;
	char			 date[16];	/* MM/DD/YYYY of now */
	char			 iso[LB_DATE_STRLEN];	/* the same, ISO */
	int			 page;
	int			 npages;
	double			*rowh;		/* height of each line's row */
	size_t			*first;		/* first line of each page */
	size_t			 nform;		/* 3461 pages */
};

static void
footer(struct doc *d)
{
	char	s[160];

	lb_pdf_line(d->pdf, X0, BOTTOM + 8, X0 + WIDTH, BOTTOM + 8, 0.4);
	(void)snprintf(s, sizeof(s), "Downtime release pack, shipment %s, "
	    "entry %s", d->pk->ref, S(d->pk, S_ENTRY));
	lb_pdf_text(d->pdf, X0, BOTTOM + 11, 0, 7, LB_PDF_GRAY, s);
	(void)snprintf(s, sizeof(s), "Page %d of %d", d->page, d->npages);
	lb_pdf_text(d->pdf, X0, BOTTOM + 11, WIDTH, 7, LB_PDF_GRAY |
	    LB_PDF_RIGHT, s);
}

static void
next_page(struct doc *d)
{
	footer(d);
	lb_pdf_page(d->pdf);
	d->page++;
}

/* "code name" of a coded value. */
static void
coded(char *out, size_t outlen, int64_t code, int width, const char *name)
{
	if (name != NULL)
		(void)snprintf(out, outlen, "%0*" PRId64 " %s", width, code,
		    name);
	else
		(void)snprintf(out, outlen, "%0*" PRId64, width, code);
}

/* The importer's (or brokerage's) address, lines separated by sep. */
static void
address(struct lb_buf *b, const char *a1, const char *a2, const char *city,
    const char *state, const char *postal, const char *country,
    const char *sep)
{
	if (b->len > 0)
		lb_buf_adds(b, sep);
	lb_buf_adds(b, a1);
	if (a2[0] != '\0') {
		lb_buf_adds(b, sep);
		lb_buf_adds(b, a2);
	}
	lb_buf_adds(b, sep);
	lb_buf_adds(b, city);
	if (state[0] != '\0')
		lb_buf_addf(b, ", %s", state);
	if (postal[0] != '\0')
		lb_buf_addf(b, " %s", postal);
	if (strcmp(country, "US") != 0)
		lb_buf_addf(b, "%s%s", sep, country);
}

/* "(562) 555-0142" for a North American E.164 number, else as stored. */
static void
phone_paper(const char *e164, char *out, size_t outlen)
{
	if (strlen(e164) == 12 && strncmp(e164, "+1", 2) == 0)
		(void)snprintf(out, outlen, "(%.3s) %.3s-%.4s", e164 + 2,
		    e164 + 5, e164 + 8);
	else
		(void)snprintf(out, outlen, "%s", e164);
}

static void
form_header(struct doc *d, int cont)
{
	struct lb_pdf	*p = d->pdf;
	char		 s[160];

	lb_pdf_text(p, X0, TOP, 0, 6.5, 0, "DEPARTMENT OF HOMELAND SECURITY");
	lb_pdf_text(p, X0, TOP + 8, 0, 6.5, 0,
	    "U.S. Customs and Border Protection");
	lb_pdf_text(p, X0, TOP, WIDTH, 13, LB_PDF_BOLD | LB_PDF_CENTER,
	    "ENTRY/IMMEDIATE DELIVERY");
	lb_pdf_text(p, X0, TOP + 17, WIDTH, 7, LB_PDF_CENTER | LB_PDF_GRAY,
	    cont ? "Continuation sheet: line information" :
	    "19 CFR 142.3, 142.16, 142.22, 142.24, 149.3");
	lb_pdf_text(p, X0, TOP, WIDTH, 9, LB_PDF_BOLD | LB_PDF_RIGHT,
	    "CBP Form 3461");
	(void)snprintf(s, sizeof(s), "OMB No. 1651-0024\nDowntime release, "
	    "broker ref. %s", d->pk->ref);
	lb_pdf_text(p, X0, TOP + 11, WIDTH, 6.5, LB_PDF_RIGHT, s);
}

/* A section's title bar at y; returns the y below it. */
static double
bar(struct doc *d, double y, const char *title)
{
	lb_pdf_rect(d->pdf, X0, y, WIDTH, BAR, 0.6, 0.88);
	lb_pdf_text(d->pdf, X0 + 3, y + 2.2, WIDTH - 6, 6, LB_PDF_BOLD,
	    title);
	return y + BAR;
}

struct fld {
	double		 w;
	const char	*label;
	const char	*value;
};

/*
 * A row of fields from X0 at y, h high, every value at one size: the
 * largest at which each of them fits.  Returns the y below the row.
 */
static double
frow(struct doc *d, double y, double h, const struct fld *f, size_t n)
{
	double	size = 99, fs, x = X0;
	size_t	i;

	for (i = 0; i < n; i++) {
		fs = lb_pdf_field_size(d->pdf, f[i].w, h, f[i].label,
		    f[i].value);
		if (fs < size)
			size = fs;
	}
	for (i = 0; i < n; i++) {
		lb_pdf_field_sized(d->pdf, x, y, f[i].w, h, f[i].label,
		    f[i].value, size);
		x += f[i].w;
	}
	return y + h;
}

/*
 * A party's ID: its own, else the importer number when the party is the
 * importer of record (the same name as the client), which is the ID the
 * form asks for then.
 */
static const char *
party_id(const struct lb_pack *pk, const char *name, const char *id)
{
	if (id[0] != '\0')
		return id;
	if (name[0] != '\0' && pk->has_client &&
	    strcmp(name, C(pk, C_NAME)) == 0)
		return C(pk, C_NUMBER);
	return "";
}

/* Block 1: "2704 Los Angeles" when the port table knows the code. */
static void
port_text(const struct lb_pack *pk, char *out, size_t outlen)
{
	if (pk->port != NULL)
		(void)snprintf(out, outlen, "%s %s", pk->port->code,
		    pk->port->name);
	else
		(void)snprintf(out, outlen, "%s", S(pk, S_PORT));
}

/* The fields of the form, from y; returns the y below them. */
static double
form_fields(struct doc *d, double y)
{
	const struct lb_pack	*pk = d->pk;
	struct lb_pdf		*p = d->pdf;
	struct lb_buf		 b;
	char			 port[96], bond[48], imp[48], bval[32];
	char			 eval[32], type[64], mode[64], arr[16];
	char			 trip[40], mq[40], itd[16], gw[32], s[256];
	int64_t			 m = ix(&pk->ship, pk->sc[S_MODE]);
	int64_t			 t = ix(&pk->ship, pk->sc[S_ENTRY_TYPE]);
	const char		*bill = S(pk, S_BILL), *sc;
	const char		*party[4][3];
	size_t			 i;

	y = bar(d, y, "HEADER INFORMATION");
	port_text(pk, port, sizeof(port));
	coded(bond, sizeof(bond), pk->bond_type, 1,
	    lb_bond_type_name((int)pk->bond_type));
	(void)snprintf(imp, sizeof(imp), "%s (%s)", C(pk, C_NUMBER),
	    C(pk, C_TYPE));
	{
		const struct fld r1[] = {
			{ 150, "1. PORT OF ENTRY", port },
			{ 120, "2. BOND TYPE", bond },
			{ 140, "3. IMPORTER NUMBER", imp },
			{ 130, "5. ENTRY NUMBER", S(pk, S_ENTRY) },
		};
		/* Taller: a port's name may take two lines. */
		y = frow(d, y, ROW1, r1, NELEM(r1));
	}

	lb_buf_init(&b, 4096);
	lb_buf_adds(&b, C(pk, C_NAME));
	address(&b, C(pk, C_ADDR1), C(pk, C_ADDR2), C(pk, C_CITY),
	    C(pk, C_STATE), C(pk, C_POSTAL), C(pk, C_COUNTRY), "\n");
	bval[0] = '\0';
	if (pk->bond_cents >= 0)
		lb_money_display(pk->bond_cents, bval);
	lb_money_display(pk->value, eval);
	{
		const struct fld r2[] = {
			{ 300, "4. IMPORTER NAME AND ADDRESS",
			    lb_buf_cstr(&b) },
			{ 80, "6. BOND VALUE", bval },
			{ 80, "7. ENTRY VALUE", eval },
			{ 80, "8. CES", S(pk, S_CES) },
		};
		y = frow(d, y, ROW2, r2, NELEM(r2));
	}
	lb_buf_free(&b);

	coded(type, sizeof(type), t, 2, lb_entry_type_name((int)t));
	coded(mode, sizeof(mode), m, 2, lb_mode_name((int)m));
	{
		const struct fld r3[] = {
			{ 140, "9. ENTRY TYPE", type },
			{ 165, "10. ORIGINATING WHSE ENTRY NUMBER (TYPE 22 "
			    "ONLY)", S(pk, S_WAREHOUSE) },
			{ 55, "11. SURETY CODE", pk->surety },
			{ 80, "12. PORT OF UNLADING", S(pk, S_UNLADING) },
			{ 100, "13. MODE OF TRANSPORTATION", mode },
		};
		y = frow(d, y, ROW, r3, NELEM(r3));
	}
	{
		const struct fld r4[] = {
			{ 120, "14. LOCATION OF GOODS (FIRMS)",
			    S(pk, S_FIRMS) },
			{ 120, "15. G.O. NUMBER", S(pk, S_GO) },
			{ 300, "16. CONVEYANCE NAME/FTZ ZONE ID",
			    S(pk, S_CONVEYANCE) },
		};
		y = frow(d, y, ROW, r4, NELEM(r4));
	}

	y = bar(d, y, "HEADER REFERENCE INFORMATION");
	sc = absent(&pk->ship, pk->sc[S_SELF_CERT]) ? "" :
	    ix(&pk->ship, pk->sc[S_SELF_CERT]) ? "Yes" : "No";
	{
		const struct fld r5[] = {
			{ 120, "17. REFERENCE ID CODE", S(pk, S_REFID_CODE) },
			{ 320, "18. REFERENCE ID NUMBER",
			    S(pk, S_REFID_NUMBER) },
			{ 100, "19. SELF CERTIFICATION", sc },
		};
		y = frow(d, y, ROW, r5, NELEM(r5));
	}

	/* Header parties: one row per type, blank where the vault has none. */
	y = bar(d, y, "HEADER PARTIES (APPLY TO THE ENTIRE ENTRY)");
	party[0][0] = "Manufacturer";
	party[0][1] = S(pk, S_MAKER);
	party[0][2] = S(pk, S_MID);
	party[1][0] = "Consignee";
	party[1][1] = S(pk, S_CONSIGNEE);
	party[1][2] = party_id(pk, S(pk, S_CONSIGNEE),
	    S(pk, S_CONSIGNEE_NUMBER));
	party[2][0] = "Buying party";
	party[2][1] = S(pk, S_BUYER);
	party[2][2] = party_id(pk, S(pk, S_BUYER), S(pk, S_BUYER_ID));
	party[3][0] = "Selling party";
	party[3][1] = S(pk, S_SELLER);
	party[3][2] = S(pk, S_SELLER_ID);
	lb_pdf_text(p, X0 + 3, y + 2, 104, 5.5, LB_PDF_GRAY,
	    "20. HEADER PARTY TYPE");
	lb_pdf_text(p, X0 + 113, y + 2, 314, 5.5, LB_PDF_GRAY,
	    "21. HEADER PARTY NAME AND ADDRESS");
	lb_pdf_text(p, X0 + 433, y + 2, 104, 5.5, LB_PDF_GRAY,
	    "22. HEADER ID #");
	lb_pdf_rect(p, X0, y, WIDTH, PARTY_HEAD + 4 * PARTY_ROW, 0.6, -1);
	lb_pdf_line(p, X0 + 110, y, X0 + 110, y + PARTY_HEAD + 4 * PARTY_ROW,
	    0.4);
	lb_pdf_line(p, X0 + 430, y, X0 + 430, y + PARTY_HEAD + 4 * PARTY_ROW,
	    0.4);
	y += PARTY_HEAD;
	for (i = 0; i < 4; i++) {
		lb_pdf_line(p, X0, y, X0 + WIDTH, y, 0.3);
		lb_pdf_text(p, X0 + 3, y + 2, 104, 8, LB_PDF_ONELINE,
		    party[i][0]);
		lb_pdf_text(p, X0 + 113, y + 2, 314, 8, LB_PDF_ONELINE,
		    party[i][1]);
		lb_pdf_text(p, X0 + 433, y + 2, 104, 8, LB_PDF_ONELINE,
		    party[i][2]);
		y += PARTY_ROW;
	}

	/* What the port also needs to find the cargo (the older layout's). */
	y = bar(d, y, "TRANSPORT AND MANIFEST (FOR THE PORT: NOT NUMBERED ON "
	    "THE CURRENT FORM)");
	date_paper(S(pk, S_ARRIVAL), arr, sizeof(arr));
	/* A truck's trip is its e-manifest's when no other is given. */
	(void)snprintf(trip, sizeof(trip), "%s", S(pk, S_TRIP)[0] == '\0' &&
	    lb_mode_is_truck((int)m) ? S(pk, S_ACE_TRIP) : S(pk, S_TRIP));
	{
		/*
		 * IT/BL/AWB code: B for a bill of lading, A for an air
		 * waybill; an in-bond number has its own field below.
		 */
		const struct fld t1[] = {
			{ 80, "Arrival date", arr },
			{ 60, "Carrier code", S(pk, S_SCAC) },
			{ 100, "Voyage/flight/trip", trip },
			{ 100, "Manifest number", S(pk, S_MANIFEST) },
			{ 60, "IT/BL/AWB code", bill[0] == '\0' ? "" :
			    lb_mode_is_air((int)m) ? "A (AWB)" : "B (BL)" },
			{ 140, "IT/BL/AWB number", bill },
		};
		y = frow(d, y, TROW, t1, NELEM(t1));
	}
	mq[0] = gw[0] = '\0';
	if (!absent(&pk->ship, pk->sc[S_MANIFEST_QTY]))
		(void)snprintf(mq, sizeof(mq), "%" PRId64 " %s",
		    ix(&pk->ship, pk->sc[S_MANIFEST_QTY]),
		    S(pk, S_MANIFEST_UNIT));
	if (!absent(&pk->ship, pk->sc[S_WEIGHT]))
		(void)snprintf(gw, sizeof(gw), "%" PRId64 " kg",
		    ix(&pk->ship, pk->sc[S_WEIGHT]));
	date_paper(S(pk, S_IT_DATE), itd, sizeof(itd));
	(void)snprintf(s, sizeof(s), "%s", S(pk, S_HOUSE));
	{
		const struct fld t2[] = {
			{ 90, "Manifest quantity", mq },
			{ 110, "In-bond (I.T.) number", S(pk, S_IT) },
			{ 70, "I.T. date", itd },
			{ 130, "House bill", s },
			{ 70, "Foreign port of lading", S(pk, S_LADING) },
			{ 70, "Gross weight", gw },
		};
		y = frow(d, y, TROW, t2, NELEM(t2));
	}
	return y + 8;
}

static double
table_header(struct doc *d, double y)
{
	size_t	i;

	lb_pdf_rect(d->pdf, X0, y, WIDTH, 12, 0.6, 0.88);
	for (i = 0; i < NELEM(tcol); i++)
		lb_pdf_text(d->pdf, X0 + tcol[i].x + 3, y + 2.5,
		    tcol[i].w - 6, 6, LB_PDF_BOLD | tcol[i].flags,
		    tcol[i].label);
	return y + 12;
}

/*
 * Quantity text of line i: "1200 NO", a second unit below; a line whose
 * HTS number reports no quantity (unit X) shows its gross weight instead,
 * so that no line the vault can describe is left blank.
 */
static void
quantity(const struct lb_pack *pk, size_t i, char *out, size_t outlen)
{
	const char	*q = L(pk, i, L_QTY), *q2 = L(pk, i, L_QTY2);

	if (q[0] == '\0' && q2[0] == '\0') {
		out[0] = '\0';
		if (!absent(&pk->lines[i], pk->lc[L_WEIGHT]))
			(void)snprintf(out, outlen, "%" PRId64 " kg gross",
			    ix(&pk->lines[i], pk->lc[L_WEIGHT]));
		return;
	}
	(void)snprintf(out, outlen, "%s%s%s%s%s%s%s", q, q[0] != '\0' ?
	    " " : "", q[0] != '\0' ? L(pk, i, L_UNIT) : "",
	    q[0] != '\0' && q2[0] != '\0' ? "\n" : "", q2, q2[0] != '\0' ?
	    " " : "", q2[0] != '\0' ? L(pk, i, L_UNIT2) : "");
}

/* The cells of line i's row (the description is the line's own). */
static void
row_cells(const struct lb_pack *pk, size_t i, char cell[][80])
{
	(void)snprintf(cell[0], 80, "%" PRId64,
	    ix(&pk->lines[i], pk->lc[L_NO]));
	lb_hts_format(L(pk, i, L_HTS), cell[1]);
	(void)snprintf(cell[2], 80, "%s", L(pk, i, L_ORIGIN));
	(void)snprintf(cell[3], 80, "%s", L(pk, i, L_MID));
	cell[4][0] = '\0';
	quantity(pk, i, cell[5], 80);
	lb_money_display(ix(&pk->lines[i], pk->lc[L_VALUE]), cell[6]);
}

/* The tallest cell of line i's row decides its height. */
static double
row_height(struct doc *d, size_t i)
{
	char	cell[NELEM(tcol)][80];
	double	h = LINE_SIZE * 1.2, hc;
	size_t	c;

	row_cells(d->pk, i, cell);
	for (c = 3; c < NELEM(tcol); c++) {
		hc = lb_pdf_text_height(d->pdf, tcol[c].w - 6, LINE_SIZE, 0,
		    c == T_DESC ? L(d->pk, i, L_DESC) : cell[c]);
		if (hc > h)
			h = hc;
	}
	return h + 4;
}

static void
table_row(struct doc *d, size_t i, double y)
{
	const struct lb_pack	*pk = d->pk;
	char			 cell[NELEM(tcol)][80];
	const char		*desc = L(pk, i, L_DESC);
	double			 h = d->rowh[i];
	size_t			 c;

	row_cells(pk, i, cell);
	lb_pdf_line(d->pdf, X0, y + h, X0 + WIDTH, y + h, 0.3);
	for (c = 0; c < NELEM(tcol); c++) {
		lb_pdf_text(d->pdf, X0 + tcol[c].x + 3, y + 2,
		    tcol[c].w - 6, LINE_SIZE, tcol[c].flags,
		    c == T_DESC ? desc : cell[c]);
	}
}

/* The table's outline and column rules, from top to bottom. */
static void
table_frame(struct doc *d, double top, double bottom)
{
	size_t	c;

	lb_pdf_rect(d->pdf, X0, top, WIDTH, bottom - top, 0.6, -1);
	for (c = 1; c < NELEM(tcol); c++)
		lb_pdf_line(d->pdf, X0 + tcol[c].x, top, X0 + tcol[c].x,
		    bottom, 0.4);
}

/* Lines [from, to) as table rows from y; returns the y below. */
static double
table_rows(struct doc *d, size_t from, size_t to, double y)
{
	size_t	i;

	for (i = from; i < to; i++) {
		table_row(d, i, y);
		y += d->rowh[i];
	}
	return y;
}

static void
certification(struct doc *d, double y)
{
	const struct lb_pack	*pk = d->pk;
	struct lb_pdf		*p = d->pdf;
	char			 s[256];
	double			 cw = 330, h = CERT_H, yy;

	lb_pdf_rect(p, X0, y, cw, h, 0.6, -1);
	lb_pdf_text(p, X0 + 3, y + 2, cw - 6, 5.5, LB_PDF_GRAY,
	    "Certification");
	lb_pdf_text(p, X0 + 3, y + 10, cw - 6, 7, 0,
	    "I hereby make application for entry/immediate delivery.  I "
	    "certify that the above information is accurate, the bond is "
	    "sufficient, valid and current, and that all requirements of 19 "
	    "CFR Part 142 have been met.");
	yy = y + 56;
	lb_pdf_line(p, X0 + 3, yy, X0 + 200, yy, 0.5);
	lb_pdf_text(p, X0 + 3, yy + 1, 0, 5.5, LB_PDF_GRAY,
	    "Signature of applicant");
	lb_pdf_line(p, X0 + 215, yy, X0 + cw - 5, yy, 0.5);
	lb_pdf_text(p, X0 + 215, yy - 10, 0, 8, 0, d->date);
	lb_pdf_text(p, X0 + 215, yy + 1, 0, 5.5, LB_PDF_GRAY, "Date");
	(void)snprintf(s, sizeof(s), "%s%s%s", B(pk, B_SIGNER),
	    B(pk, B_TITLE)[0] != '\0' ? ", " : "", B(pk, B_TITLE));
	lb_pdf_text(p, X0 + 3, yy + 10, cw - 6, 8, LB_PDF_BOLD |
	    LB_PDF_ONELINE, s);
	(void)snprintf(s, sizeof(s), "%s, customs broker license %s",
	    B(pk, B_NAME), B(pk, B_LICENSE));
	lb_pdf_text(p, X0 + 3, yy + 21, cw - 6, 7, LB_PDF_ONELINE, s);

	lb_pdf_rect(p, X0 + cw, y, WIDTH - cw, h, 0.6, 0.95);
	lb_pdf_text(p, X0 + cw + 3, y + 2, WIDTH - cw - 6, 7, LB_PDF_BOLD,
	    "CBP USE ONLY");
	yy = y + 14;
	lb_pdf_text(p, X0 + cw + 3, yy, 0, 6.5, 0,
	    "[  ] Other agency action required, namely:");
	lb_pdf_line(p, X0 + cw + 3, yy + 19, X0 + WIDTH - 4, yy + 19, 0.4);
	lb_pdf_text(p, X0 + cw + 3, yy + 23, 0, 6.5, 0,
	    "[  ] CBP examination required.");
	lb_pdf_text(p, X0 + cw + 3, yy + 33, 0, 6.5, 0,
	    "[  ] Entry rejected, because:");
	lb_pdf_line(p, X0 + cw + 3, yy + 52, X0 + WIDTH - 4, yy + 52, 0.4);
	lb_pdf_line(p, X0 + cw + 3, yy + 76, X0 + cw + 130, yy + 76, 0.4);
	lb_pdf_text(p, X0 + cw + 3, yy + 77, 0, 5.5, LB_PDF_GRAY,
	    "Delivery authorized: signature");
	lb_pdf_line(p, X0 + cw + 140, yy + 76, X0 + WIDTH - 4, yy + 76, 0.4);
	lb_pdf_text(p, X0 + cw + 140, yy + 77, 0, 5.5, LB_PDF_GRAY, "Date");
}

/* Where each 3461 page's lines start; sets d->nform and d->first. */
static int
paginate(struct doc *d, double first_top, double cont_top)
{
	const struct lb_pack	*pk = d->pk;
	double			 room, used = 0;
	size_t			 i, n = 1, cap = 8;
	size_t			*v;

	if ((d->rowh = lb_calloc(pk->nlines + 1, sizeof(double))) == NULL ||
	    (d->first = lb_calloc(cap, sizeof(size_t))) == NULL)
		return -1;
	for (i = 0; i < pk->nlines; i++)
		d->rowh[i] = row_height(d, i);
	/* Page 1 keeps room for the total, the note and the certification. */
	room = TABLE1_BOTTOM - first_top;
	d->first[0] = 0;
	for (i = 0; i < pk->nlines; i++) {
		if (used + d->rowh[i] > room) {
			if (n + 1 >= cap) {
				cap *= 2;
				if ((v = lb_reallocarray(d->first, cap,
				    sizeof(*v))) == NULL)
					return -1;
				d->first = v;
			}
			d->first[n++] = i;
			used = 0;
			room = TABLEN_BOTTOM - cont_top;
		}
		used += d->rowh[i];
	}
	d->first[n] = pk->nlines;
	d->nform = n;
	return 0;
}

static void
total_line(struct doc *d, double y, size_t nlines)
{
	char	s[160], m[32];

	lb_money_display(d->pk->value, m);
	(void)snprintf(s, sizeof(s), "Entry value %s, %zu line%s", m,
	    nlines, nlines == 1 ? "" : "s");
	lb_pdf_text(d->pdf, X0, y + 3, WIDTH, 8, LB_PDF_BOLD | LB_PDF_RIGHT,
	    s);
}

static void
draw_form(struct doc *d)
{
	const struct lb_pack	*pk = d->pk;
	char			 s[256], port[96];
	double			 y, top;
	size_t			 pg;

	form_header(d, 0);
	y = form_fields(d, FIELDS_TOP);
	y = bar(d, y - 4, "LINE INFORMATION");
	top = y;
	y = table_header(d, y);
	(void)table_rows(d, d->first[0], d->first[1], y);
	table_frame(d, top, TABLE1_BOTTOM);
	if (d->nform > 1) {
		(void)snprintf(s, sizeof(s), "Continued on the next page: "
		    "lines %zu to %zu of %zu.", d->first[1] + 1, pk->nlines,
		    pk->nlines);
		lb_pdf_text(d->pdf, X0, TABLE1_BOTTOM + 3, 0, 8, 0, s);
	} else
		total_line(d, TABLE1_BOTTOM, pk->nlines);
	certification(d, BOTTOM - CERT_H);
	for (pg = 1; pg < d->nform; pg++) {
		next_page(d);
		form_header(d, 1);
		port_text(pk, port, sizeof(port));
		(void)snprintf(s, sizeof(s), "Entry number %s    Port of "
		    "entry %s    Importer %s", S(pk, S_ENTRY), port,
		    C(pk, C_NAME));
		lb_pdf_text(d->pdf, X0, CONT_TOP - 16, WIDTH, 8,
		    LB_PDF_ONELINE, s);
		y = table_header(d, CONT_TOP);
		(void)table_rows(d, d->first[pg], d->first[pg + 1], y);
		table_frame(d, CONT_TOP, TABLEN_BOTTOM);
		if (pg + 1 == d->nform)
			total_line(d, TABLEN_BOTTOM, pk->nlines);
		else {
			(void)snprintf(s, sizeof(s), "Continued on the next "
			    "page: lines %zu to %zu of %zu.",
			    d->first[pg + 1] + 1, pk->nlines, pk->nlines);
			lb_pdf_text(d->pdf, X0, TABLEN_BOTTOM + 3, 0, 8, 0, s);
		}
	}
}

/*
 * Room for h more points below y, or a new page (the letter only: its
 * length follows the data).  Returns where to draw.
 */
static double
room(struct doc *d, double y, double h)
{
	char	s[96];

	if (y + h <= BOTTOM - 4)
		return y;
	next_page(d);
	(void)snprintf(s, sizeof(s), "Request for downtime release: entry %s "
	    "(continued)", S(d->pk, S_ENTRY));
	lb_pdf_text(d->pdf, X0, TOP, WIDTH, 8, LB_PDF_GRAY, s);
	return TOP + 24;
}

/* A paragraph of the letter at y; returns the y below it and after gap. */
static double
para(struct doc *d, double y, double size, int flags, const char *s,
    double gap)
{
	y = room(d, y, lb_pdf_text_height(d->pdf, WIDTH, size, flags, s));
	return y + lb_pdf_text(d->pdf, X0, y, WIDTH, size, flags, s) + gap;
}

/* A "label: value" row of the letter; returns the y below it. */
static double
detail(struct doc *d, double y, const char *label, const char *value)
{
	double	h;

	if (value == NULL || value[0] == '\0')
		return y;
	h = lb_pdf_text_height(d->pdf, WIDTH - 188, 9.5, 0, value);
	if (h < 12)
		h = 12;
	y = room(d, y, h);
	lb_pdf_text(d->pdf, X0 + 18, y, 150, 9.5, LB_PDF_GRAY, label);
	lb_pdf_text(d->pdf, X0 + 170, y, WIDTH - 188, 9.5, 0, value);
	return y + h + 2;
}

/*
 * The downtime authorization in force for the shipment's port on day iso
 * (YYYY-MM-DD): its ports name the port or are empty (every port), and
 * first <= iso <= last.  Of several, the one that began last (a renewal
 * over the authorization it renews).  NULL when none is.
 */
static const struct row *
in_force(const struct lb_pack *pk, const char *iso)
{
	const struct row	*r, *best = NULL;
	size_t			 i;

	for (i = 0; i < pk->ndt; i++) {
		r = &pk->dt[i];
		if (!lb_relief_has_port(tx(r, pk->rc[R_PORTS]),
		    S(pk, S_PORT)) ||
		    strcmp(tx(r, pk->rc[R_FIRST]), iso) > 0 ||
		    strcmp(tx(r, pk->rc[R_LAST]), iso) < 0)
			continue;
		if (best == NULL || strcmp(tx(r, pk->rc[R_FIRST]),
		    tx(best, pk->rc[R_FIRST])) > 0)
			best = r;
	}
	return best;
}

static void
draw_letter(struct doc *d)
{
	const struct lb_pack	*pk = d->pk;
	struct lb_pdf		*p = d->pdf;
	struct lb_buf		 b;
	const struct row	*dt;
	char			 s[512], t[64], f[16];
	int64_t			 mode = ix(&pk->ship, pk->sc[S_MODE]);
	int64_t			 type = ix(&pk->ship, pk->sc[S_ENTRY_TYPE]);
	double			 y;
	size_t			 i;

	lb_buf_init(&b, 8192);
	/* Letterhead. */
	y = TOP;
	y += lb_pdf_text(p, X0, y, WIDTH, 15, LB_PDF_BOLD, B(pk, B_NAME));
	address(&b, B(pk, B_ADDR1), B(pk, B_ADDR2), B(pk, B_CITY),
	    B(pk, B_STATE), B(pk, B_POSTAL), B(pk, B_COUNTRY), ", ");
	y += lb_pdf_text(p, X0, y + 2, WIDTH, 8.5, 0, lb_buf_cstr(&b)) + 2;
	lb_buf_reset(&b);
	if (B(pk, B_PHONE)[0] != '\0') {
		phone_paper(B(pk, B_PHONE), t, sizeof(t));
		lb_buf_addf(&b, "Telephone %s", t);
	}
	if (B(pk, B_EMAIL)[0] != '\0')
		lb_buf_addf(&b, "%s%s", b.len > 0 ? "    " : "",
		    B(pk, B_EMAIL));
	y += lb_pdf_text(p, X0, y, WIDTH, 8.5, 0, lb_buf_cstr(&b));
	lb_buf_reset(&b);
	lb_buf_addf(&b, "Licensed customs broker, license %s, filer code%s ",
	    B(pk, B_LICENSE), strchr(B(pk, B_FILERS), ';') != NULL ? "s" :
	    "");
	for (i = 0; B(pk, B_FILERS)[i] != '\0'; i++) {
		if (B(pk, B_FILERS)[i] == ';')
			lb_buf_adds(&b, ", ");
		else
			lb_buf_addc(&b, B(pk, B_FILERS)[i]);
	}
	y += lb_pdf_text(p, X0, y, WIDTH, 8.5, 0, lb_buf_cstr(&b));
	y += 6;
	lb_pdf_line(p, X0, y, X0 + WIDTH, y, 1.2);
	y += 16;

	lb_pdf_text(p, X0, y, WIDTH, 10, LB_PDF_RIGHT, d->date);
	lb_buf_reset(&b);
	lb_buf_adds(&b, "Port Director\nU.S. Customs and Border Protection\n");
	if (pk->port == NULL)
		lb_buf_addf(&b, "Port of entry %s", S(pk, S_PORT));
	else {
		lb_buf_addf(&b, "Port of %s (%s)", pk->port->name,
		    pk->port->code);
		if (pk->port->address[0] == NULL)
			lb_buf_addf(&b, "\n%s, %s", pk->port->city,
			    pk->port->state);
		for (i = 0; i < 2 && pk->port->address[i] != NULL; i++)
			lb_buf_addf(&b, "\n%s", pk->port->address[i]);
	}
	y += lb_pdf_text(p, X0, y, 300, 10, 0, lb_buf_cstr(&b)) + 16;
	(void)snprintf(s, sizeof(s), "Subject: Request for downtime release: "
	    "entry %s", S(pk, S_ENTRY));
	y = para(d, y, 10.5, LB_PDF_BOLD, s, 12);
	y = para(d, y, 10, 0, "Dear Port Director,", 8);
	lb_buf_reset(&b);
	lb_buf_addf(&b, "Because of a cybersecurity incident, %s cannot "
	    "transmit entries to ACE at present. ", B(pk, B_NAME));
	if ((dt = in_force(pk, d->iso)) != NULL) {
		date_paper(tx(dt, pk->rc[R_FIRST]), f, sizeof(f));
		date_paper(tx(dt, pk->rc[R_LAST]), t, sizeof(t));
		lb_buf_addf(&b, "CBP authorized downtime release for this port "
		    "from %s through %s", f, t);
		if (!absent(dt, pk->rc[R_REFERENCE]))
			lb_buf_addf(&b, " (reference: %s)",
			    tx(dt, pk->rc[R_REFERENCE]));
		if (!absent(dt, pk->rc[R_APPROVED]))
			lb_buf_addf(&b, ", approved by %s",
			    tx(dt, pk->rc[R_APPROVED]));
		lb_buf_adds(&b, ". Under that authorization, we ask");
	} else
		lb_buf_adds(&b, "Under the downtime procedures for this "
		    "incident, we ask");
	lb_buf_adds(&b, " that the shipment below be released on this letter "
	    "and the attached CBP Form 3461.");
	y = para(d, y, 10, 0, lb_buf_cstr(&b), 12);

	y = detail(d, y, "Entry number", S(pk, S_ENTRY));
	coded(s, sizeof(s), type, 2, lb_entry_type_name((int)type));
	y = detail(d, y, "Entry type", s);
	port_text(pk, s, sizeof(s));
	y = detail(d, y, "Port of entry", s);
	date_paper(S(pk, S_ARRIVAL), t, sizeof(t));
	y = detail(d, y, "Arrival date", t);
	coded(s, sizeof(s), mode, 2, lb_mode_name((int)mode));
	y = detail(d, y, "Mode of transport", s);
	if (lb_mode_is_truck((int)mode)) {
		y = detail(d, y, "Driver name", S(pk, S_DRIVER));
		date_paper(S(pk, S_DOB), t, sizeof(t));
		y = detail(d, y, "Driver date of birth", t);
		y = detail(d, y, "Truck plate number", S(pk, S_PLATE));
		y = detail(d, y, "ACE trip number", S(pk, S_ACE_TRIP));
		y = detail(d, y, "Carrier", S(pk, S_SCAC));
		y = detail(d, y, "Importer", C(pk, C_NAME));
	} else {
		lb_buf_reset(&b);
		lb_buf_adds(&b, C(pk, C_NAME));
		address(&b, C(pk, C_ADDR1), C(pk, C_ADDR2), C(pk, C_CITY),
		    C(pk, C_STATE), C(pk, C_POSTAL), C(pk, C_COUNTRY), "\n");
		y = detail(d, y, "Importer", lb_buf_cstr(&b));
		y = detail(d, y, "Carrier", S(pk, S_SCAC));
		y = detail(d, y, lb_mode_is_vessel((int)mode) ? "Vessel" :
		    "Conveyance", S(pk, S_CONVEYANCE));
		y = detail(d, y, lb_mode_is_air((int)mode) ? "Flight" :
		    lb_mode_is_vessel((int)mode) ? "Voyage" : "Trip",
		    S(pk, S_TRIP));
		y = detail(d, y, lb_mode_is_air((int)mode) ? "Air waybill" :
		    "Bill of lading", S(pk, S_BILL));
		y = detail(d, y, lb_mode_is_air((int)mode) ?
		    "House air waybill" : "House bill", S(pk, S_HOUSE));
	}
	/* Every line's goods, one row each (the list may run on a page). */
	if (pk->nlines == 0)
		y = detail(d, y, "Goods", S(pk, S_DESC));
	for (i = 0; i < pk->nlines; i++) {
		char	h[LB_HTS_FMTLEN], q[80], *nl;

		lb_hts_format(L(pk, i, L_HTS), h);
		quantity(pk, i, q, sizeof(q));
		for (nl = q; (nl = strchr(nl, '\n')) != NULL; )
			*nl = ',';
		(void)snprintf(s, sizeof(s), "%" PRId64 ". %s (HTS %s%s%s)",
		    ix(&pk->lines[i], pk->lc[L_NO]), L(pk, i, L_DESC), h,
		    q[0] != '\0' ? ", " : "", q);
		y = detail(d, y, i == 0 ? "Goods" : "", s);
	}
	lb_money_display(pk->value, t);
	(void)snprintf(s, sizeof(s), "%s, %zu line%s", t, pk->nlines,
	    pk->nlines == 1 ? "" : "s");
	y = detail(d, y, "Entry value", s);
	y = detail(d, y, "Broker reference", pk->ref);
	y += 10;

	lb_buf_reset(&b);
	lb_buf_addf(&b, "We will file the entry and entry summary for this "
	    "shipment in ACE under entry number %s as soon as our systems are "
	    "restored. Downtime release does not waive the requirements of "
	    "partner government agencies", S(pk, S_ENTRY));
	if (S(pk, S_PGA)[0] != '\0') {
		lb_buf_adds(&b, ", which apply to this shipment (");
		for (i = 0; S(pk, S_PGA)[i] != '\0'; i++) {
			if (S(pk, S_PGA)[i] == ';')
				lb_buf_adds(&b, ", ");
			else
				lb_buf_addc(&b, S(pk, S_PGA)[i]);
		}
		lb_buf_adds(&b, ")");
	}
	lb_buf_adds(&b, ", and it does not extend any filing or payment "
	    "deadline.");
	y = para(d, y, 10, 0, lb_buf_cstr(&b), pk->oob[0] != '\0' ? 8 : 14);
	/* Said only when set: the letter never gives a contact it lacks. */
	if (pk->oob[0] != '\0') {
		lb_buf_reset(&b);
		lb_buf_addf(&b, "Our usual telephone and email may not work "
		    "during the incident. To reach us, use this contact, "
		    "which works outside our systems: %s.", pk->oob);
		y = para(d, y, 10, 0, lb_buf_cstr(&b), 14);
	}

	/* The signature block is kept whole, with its "Sincerely,". */
	lb_buf_reset(&b);
	lb_buf_adds(&b, B(pk, B_SIGNER));
	if (B(pk, B_TITLE)[0] != '\0')
		lb_buf_addf(&b, "\n%s", B(pk, B_TITLE));
	lb_buf_addf(&b, "\n%s\nCustoms broker license %s", B(pk, B_NAME),
	    B(pk, B_LICENSE));
	y = room(d, y, lb_pdf_text_height(p, WIDTH, 10, 0, "Sincerely,") +
	    38 + lb_pdf_text_height(p, WIDTH, 10, 0, lb_buf_cstr(&b)));
	y += lb_pdf_text(p, X0, y, WIDTH, 10, 0, "Sincerely,") + 34;
	lb_pdf_line(p, X0, y, X0 + 220, y, 0.6);
	y += 4;
	lb_pdf_text(p, X0, y, WIDTH, 10, 0, lb_buf_cstr(&b));
	lb_buf_free(&b);
}

int
lb_pack_pdf(const struct lb_pack *pk, int64_t now, const char *path,
    struct lb_err *e)
{
	return lb_pack_pdf_to(pk, now, path, 0, e);
}

int
lb_pack_pdf_to(const struct lb_pack *pk, int64_t now, const char *path,
    int oflags, struct lb_err *e)
{
	return lb_pack_pdf_log(pk, now, path, oflags, NULL, e);
}

int
lb_pack_pdf_log(const struct lb_pack *pk, int64_t now, const char *path,
    int oflags, struct lb_buf *log, struct lb_err *e)
{
	struct doc	 d;
	char		 title[160], iso[LB_DATE_STRLEN];
	int64_t		 days;
	int		 rc;

	memset(&d, 0, sizeof(d));
	d.pk = pk;
	days = now >= 0 ? now / 86400 : -((-now + 86399) / 86400);
	lb_date_format(days, iso);
	date_paper(iso, d.date, sizeof(d.date));
	memcpy(d.iso, iso, sizeof(d.iso));
	(void)snprintf(title, sizeof(title), "CBP Form 3461 and downtime "
	    "letter, shipment %s", pk->ref);
	if (lb_pdf_open(path, title, now, oflags, &d.pdf, e) == -1)
		return -1;
	/* Where the table starts on page 1 and on the pages after it. */
	if (paginate(&d, FIELDS_TOP + FIELDS_H - 4 + BAR + 12,
	    CONT_TOP + 12) == -1) {
		lb_pdf_abort(d.pdf);
		free(d.rowh);
		free(d.first);
		return lb_error(e, "out of memory");
	}
	/* The letter's length follows the data: lay it out dry first. */
	lb_pdf_dry(d.pdf, 1);
	d.page = 1;
	draw_letter(&d);
	lb_pdf_dry(d.pdf, 0);
	lb_pdf_log(d.pdf, log);
	d.npages = (int)d.nform + d.page;
	d.page = 1;
	draw_form(&d);
	next_page(&d);
	draw_letter(&d);
	footer(&d);
	rc = lb_pdf_close(d.pdf, e);
	free(d.rowh);
	free(d.first);
	return rc;
}
