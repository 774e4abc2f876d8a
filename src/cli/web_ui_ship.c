/*
 * web_ui_ship.c: the shipments list, the page of one shipment, drawing an
 * entry number, and the release pack (or the page saying why there is
 * none).
 *
 * A shipment's page puts its actions near the top, in their own section,
 * and offers only what can succeed: the draw form when the shipment has
 * no entry number and the reserve has numbers (with the filer code and
 * entry type to choose), the release pack only when lb_pack_load would
 * make it; otherwise it says in plain words why not.  Then what the
 * driver and the officer at the port need (the conveyance, for a truck
 * the driver, plate and ACE trip; the bond; the client and its contacts),
 * the lines, the deadlines, the recovery tasks and the journal history.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "cbp.h"
#include "date.h"
#include "deadline.h"
#include "entry.h"
#include "err.h"
#include "pack.h"
#include "row.h"
#include "web.h"
#include "web_api.h"
#include "web_ui.h"

#define SHIPMENTS_PAGE	50
#define FIELD_MAX	256
#define HISTORY_ROWS	50

static const char *const ship_statuses[] = {
	"expected", "in_transit", "arrived", "held", "released", "cancelled",
	NULL
};

static void
mode_text(struct lb_buf *b, const struct lb_value *v)
{
	const char	*name;

	if (v->null)
		return;
	if (v->s != NULL) {
		lb_buf_add_html(b, v->s, v->len);
		return;
	}
	if ((name = lb_mode_name((int)v->i)) != NULL)
		ui_html(b, name);
	else
		lb_buf_addf(b, "%" PRId64, v->i);
}

struct ship_rows {
	struct lb_buf	*b;
	size_t		 n;
};

/* One row of api_shipments_page (its columns: web_api.h). */
static int
on_ship_row(void *arg, const struct lb_value *v, size_t n)
{
	struct ship_rows	*r = arg;
	struct lb_buf		*b = r->b;

	if (n < 14)
		return -1;
	r->n++;
	lb_buf_adds(b, "<tr><td>");
	if (!v[0].null && v[0].s != NULL)
		ui_ship_link_n(b, v[0].s, v[0].len);
	lb_buf_adds(b, "</td><td><span class=\"imp-no\">");
	ui_value_html(b, &v[1]);
	lb_buf_adds(b, "</span>");
	if (!v[13].null && v[13].s != NULL) {
		lb_buf_adds(b, " <span class=\"imp-name\">");
		ui_value_html(b, &v[13]);
		lb_buf_adds(b, "</span>");
	}
	lb_buf_adds(b, "</td><td>");
	if (!v[2].null && v[2].s != NULL)
		ui_word_n(b, v[2].s, v[2].len);
	lb_buf_adds(b, "</td><td>");
	mode_text(b, &v[3]);
	lb_buf_adds(b, "</td><td>");
	if (v[4].null)
		lb_buf_adds(b, "none yet");
	else
		ui_value_html(b, &v[4]);
	lb_buf_adds(b, "</td><td>");
	if (!v[6].null && v[6].s != NULL)
		web_port_label(b, v[6].s, v[6].len);
	lb_buf_adds(b, "</td><td class=\"date\">");
	if (!v[7].null)
		ui_date_text(b, v[7].s, v[7].len);
	lb_buf_adds(b, "</td><td class=\"date\">");
	if (!v[8].null)
		ui_date_text(b, v[8].s, v[8].len);
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

static void
check_box(struct lb_buf *b, const char *name, int on, const char *label)
{
	lb_buf_addf(b, "<div class=\"check\"><input type=\"checkbox\" "
	    "id=\"%s\" name=\"%s\" value=\"true\"%s><label for=\"%s\">%s"
	    "</label></div>\n", name, name, on ? " checked" : "", name, label);
}

static void
ship_filters(struct lb_buf *b, struct web_req *rq,
    const struct api_ship_filter *f)
{
	const char	*imp = lb_arg(&rq->args, "importer");

	lb_buf_adds(b, "<form method=\"get\" action=\"/shipments\" "
	    "class=\"filters\" role=\"search\">\n<div><label for=\"q\">Search "
	    "<span class=\"hint\" id=\"q-hint\">(reference, entry number, "
	    "bill or importer name)</span></label><input id=\"q\" name=\"q\" "
	    "maxlength=\"35\" aria-describedby=\"q-hint\"");
	ui_value_attr(b, lb_arg(&rq->args, "q"));
	lb_buf_adds(b, "></div>\n<div><label for=\"status\">Status</label>"
	    "<select id=\"status\" name=\"status\">\n");
	ui_select_options(b, ship_statuses, lb_arg(&rq->args, "status"), 1);
	lb_buf_adds(b, "</select></div>\n");
	if (rq->s.role != LB_CLIENT) {
		lb_buf_adds(b, "<div><label for=\"importer\">Importer <span "
		    "class=\"hint\">(number or name)</span></label><input "
		    "id=\"importer\" name=\"importer\" maxlength=\"80\"");
		ui_value_attr(b, imp);
		lb_buf_adds(b, "></div>\n");
		check_box(b, "no_entry", f->no_entry, "Waiting for an entry "
		    "number");
		check_box(b, "pga", f->pga, "Subject to partner government "
		    "agencies");
	}
	lb_buf_adds(b, "<button type=\"submit\">Search</button>\n</form>\n");
}

/*
 * A link to the page of shipments after cursor (NULL: the first), the
 * search kept.
 */
static void
ship_page_link(struct lb_buf *b, struct web_req *rq, const char *cursor,
    const char *attrs, const char *label)
{
	static const char *const keep[] = {
		"q", "status", "importer", "no_entry", "pga", "limit"
	};
	size_t	i;
	int	first = 1;

	lb_buf_addf(b, "<a %shref=\"/shipments", attrs);
	ui_query_add(b, &first, "cursor", cursor);
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		ui_query_add(b, &first, keep[i], lb_arg(&rq->args, keep[i]));
	lb_buf_addf(b, "\">%s</a> ", label);
}

/*
 * What a client sees above its shipments: its own name, the notice the
 * broker set for its clients, and how to reach the broker when its
 * systems are down.
 */
static void
client_portal(struct lb_buf *b, struct web_req *rq)
{
	struct lb_err	e;
	char		name[128], notice[1024], contact[512];

	if (ui_client_name(rq, rq->s.importer, name, sizeof(name), &e) == -1)
		name[0] = '\0';
	if (lb_vault_setting_text(rq->v, "client_notice", notice,
	    sizeof(notice), &e) == -1)
		notice[0] = '\0';
	if (lb_vault_setting_text(rq->v, "oob_contact", contact,
	    sizeof(contact), &e) == -1)
		contact[0] = '\0';
	lb_buf_adds(b, "<section class=\"portal\" aria-labelledby=\"portal-h\">"
	    "\n<h2 id=\"portal-h\">");
	if (name[0] != '\0')
		ui_html(b, name);
	else
		lb_buf_adds(b, "Your company");
	lb_buf_adds(b, "</h2>\n<p>Importer number <span id=\"client-number\">");
	ui_html(b, rq->s.importer);
	lb_buf_adds(b, "</span>.  <a href=\"/deadlines\">Your deadlines</a>"
	    "</p>\n");
	if (notice[0] != '\0') {
		lb_buf_adds(b, "<div class=\"notice\" id=\"notice\"><h3>From "
		    "your customs broker</h3>\n<p>");
		ui_html(b, notice);
		lb_buf_adds(b, "</p></div>\n");
	}
	lb_buf_adds(b, "<p id=\"oob-contact\"><strong>To reach your broker "
	    "while its systems are down:</strong> ");
	if (contact[0] != '\0')
		ui_html(b, contact);
	else
		lb_buf_adds(b, "your usual contact at the broker.");
	lb_buf_adds(b, "</p>\n</section>\n");
}

enum MHD_Result
ui_shipments(struct web_req *rq)
{
	static const struct ui_col	cols[] = {
		{ "Ref", 0 }, { "Importer", 0 }, { "Status", 0 }, { "Mode", 0 },
		{ "Entry number", 0 }, { "Port", 0 }, { "Arrival", 0 },
		{ "Release", 0 }
	};
	struct api_ship_filter		 f;
	struct ship_rows		 r;
	struct lb_buf			 b;
	struct lb_err			 e;
	char				 next[90], imp[LB_IMPORTER_STRLEN];
	const char			*title, *name = NULL;
	int64_t				 total = 0;

	title = rq->s.role == LB_CLIENT ? "Your shipments" : "Shipments";
	api_ship_filter_args(rq, &f);
	/* The importer field takes a number, or else a name to search. */
	if (f.importer != NULL && rq->s.role != LB_CLIENT) {
		if (lb_importer_parse(f.importer, strlen(f.importer), imp, NULL,
		    NULL, 0) == 0)
			f.importer = imp;
		else {
			name = f.importer;
			f.importer = NULL;
			if (f.q == NULL)
				f.q = name;
		}
	}
	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, title, "/shipments");
	if (rq->s.role == LB_CLIENT)
		client_portal(&b, rq);
	ship_filters(&b, rq, &f);
	if (name != NULL && f.q == name) {
		lb_buf_adds(&b, "<p class=\"note\" id=\"importer-note\">");
		lb_buf_adds(&b, "\xe2\x80\x9c");
		ui_html(&b, name);
		lb_buf_adds(&b, "\xe2\x80\x9d is not an importer number, so "
		    "importer names are searched for it.</p>\n");
	} else if (name != NULL) {
		lb_buf_adds(&b, "<p class=\"note\" id=\"importer-note\">The "
		    "importer field holds no importer number, so it was left "
		    "out: the search also finds importer names.</p>\n");
	}
	if (api_shipments_count(rq, &f, &total, &e) == -1)
		return ui_page_broken(rq, &b, e.msg);
	lb_buf_adds(&b, "<p id=\"count\" role=\"status\">");
	ui_count(&b, total);
	lb_buf_adds(&b, total == 1 ? " shipment matches.</p>\n" :
	    " shipments match.</p>\n");
	ui_table_begin(&b, "shipments", rq->s.role == LB_CLIENT ? "Your "
	    "shipments, by reference" : "Shipments, by reference", cols, 8);
	memset(&r, 0, sizeof(r));
	r.b = &b;
	if (api_shipments_page(rq, &f, api_limit(rq, SHIPMENTS_PAGE), next,
	    sizeof(next), on_ship_row, &r, &e) == -1) {
		lb_buf_free(&b);
		return ui_page_error_back(rq, 400, title, "This page link is "
		    "not one the server gave.", "Start again from the first "
		    "page of the list.", "/shipments", "Go to the first page");
	}
	if (r.n == 0)
		ui_table_empty(&b, 8, "No shipments match.");
	ui_table_end(&b);
	if (next[0] != '\0' || f.cursor != NULL) {
		lb_buf_adds(&b, "<p class=\"pager\">");
		if (f.cursor != NULL)
			ship_page_link(&b, rq, NULL, "", "First page");
		if (next[0] != '\0')
			ship_page_link(&b, rq, next,
			    "id=\"next\" rel=\"next\" ", "Next page");
		lb_buf_adds(&b, "</p>\n");
	}
	ui_page_end(&b);
	return ui_page_send(rq, 200, &b);
}

/* One shipment. */

enum fmt {
	F_TEXT,
	F_WORD,		/* a status word */
	F_MONEY,
	F_MODE,
	F_ETYPE,
	F_INT,
	F_DATE,
	F_PORT,
	F_BOND,
	F_YN
};

/* The sections of a shipment's page. */
enum group {
	G_MAIN,
	G_TRANSPORT,
	G_TRUCK,	/* shown for a truck (modes 30, 31) */
	G_BOND,
	G_GOODS
};

/* The fields of a shipment shown, in order; none: shown when NULL. */
static const struct field {
	const char	*col;
	const char	*label;
	enum fmt	 fmt;
	enum group	 group;
	const char	*none;		/* shown when NULL, or skip */
} ship_fields[] = {
	{ "status", "Status", F_WORD, G_MAIN, "not recorded" },
	{ "importer_number", "Importer", F_TEXT, G_MAIN, "not recorded" },
	{ "entry_number", "Entry number", F_TEXT, G_MAIN, "none yet" },
	{ "entry_type", "Entry type", F_ETYPE, G_MAIN, "not recorded" },
	{ "port_entry", "Port of entry", F_PORT, G_MAIN, "not recorded" },
	{ "port_unlading", "Port of unlading", F_PORT, G_MAIN, NULL },
	{ "arrival_date", "Arrival", F_DATE, G_MAIN, "not recorded" },
	{ "entry_date", "Entry date", F_DATE, G_MAIN, NULL },
	{ "release_date", "Release", F_DATE, G_MAIN, "not released" },
	{ "summary_date", "Entry summary filed", F_DATE, G_MAIN, NULL },
	{ "statement_number", "Statement", F_TEXT, G_MAIN, NULL },
	{ "entered_value", "Entered value", F_MONEY, G_MAIN, "not recorded" },
	{ "mode", "Mode of transport", F_MODE, G_TRANSPORT, "not recorded" },
	{ "carrier_scac", "Carrier", F_TEXT, G_TRANSPORT, NULL },
	{ "conveyance", "Vessel or conveyance", F_TEXT, G_TRANSPORT, NULL },
	{ "trip", "Voyage, flight or trip", F_TEXT, G_TRANSPORT, NULL },
	{ "bill", "Bill of lading or air waybill", F_TEXT, G_TRANSPORT,
	    "not recorded" },
	{ "house_bill", "House bill", F_TEXT, G_TRANSPORT, NULL },
	{ "it_number", "In-bond number", F_TEXT, G_TRANSPORT, NULL },
	{ "location_of_goods", "Location of goods (FIRMS)", F_TEXT,
	    G_TRANSPORT, NULL },
	{ "ces", "Centralized examination station", F_TEXT, G_TRANSPORT,
	    NULL },
	{ "driver_name", "Driver", F_TEXT, G_TRUCK, "not recorded" },
	{ "driver_dob", "Driver's date of birth", F_DATE, G_TRUCK,
	    "not recorded" },
	{ "truck_plate", "Truck plate", F_TEXT, G_TRUCK, "not recorded" },
	{ "ace_trip_number", "ACE trip number", F_TEXT, G_TRUCK,
	    "not recorded" },
	{ "bond_type", "Bond type", F_BOND, G_BOND, NULL },
	{ "bond_amount", "Bond amount", F_MONEY, G_BOND, NULL },
	{ "surety_code", "Surety code", F_TEXT, G_BOND, NULL },
	{ "country_origin", "Country of origin", F_TEXT, G_GOODS, NULL },
	{ "gross_weight_kg", "Gross weight (kg)", F_INT, G_GOODS, NULL },
	{ "pga_flags", "Partner government agencies", F_TEXT, G_GOODS, NULL },
	{ "self_cert", "Self-certification", F_YN, G_GOODS, NULL },
	{ "warehouse_entry", "Warehouse entry withdrawn from", F_TEXT,
	    G_GOODS, NULL },
	{ "description", "Description of goods", F_TEXT, G_GOODS, NULL },
};
#define NSHIP_FIELDS	(sizeof(ship_fields) / sizeof(ship_fields[0]))

/* A shipment read for its page: each field as text to show. */
struct ship_view {
	int	found;
	int	has[NSHIP_FIELDS];
	char	val[NSHIP_FIELDS][FIELD_MAX];
	char	importer[16];
	char	entry[LB_ENTRY_STRLEN + 4];
	char	status[16];
	char	release[LB_DATE_STRLEN];
	int64_t	mode;
	int64_t	entry_type;		/* 0: none */
	int	bond_own;		/* the shipment names its bond */
	/* The client. */
	int	has_client;
	char	client[128];
	char	address[400];
	int64_t	client_bond;		/* -1: none */
	int64_t	client_bond_cents;	/* -1: none */
	char	client_surety[8];
	char	client_email[128];
};

static void
field_text(const struct field *f, const struct lb_value *v, char *out,
    size_t len)
{
	char		 m[LB_MONEY_DISPLAY_STRLEN];
	const char	*name;

	if (v->s != NULL) {
		(void)snprintf(out, len, "%.*s", (int)(v->len < len ? v->len :
		    len - 1), v->s);
		return;
	}
	switch (f->fmt) {
	case F_MONEY:
		lb_money_display(v->i, m);
		(void)snprintf(out, len, "%s", m);
		break;
	case F_MODE:
		name = lb_mode_name((int)v->i);
		(void)snprintf(out, len, "%" PRId64 "%s%s", v->i, name !=
		    NULL ? ", " : "", name != NULL ? name : "");
		break;
	case F_ETYPE:
		name = lb_entry_type_name((int)v->i);
		(void)snprintf(out, len, "%02" PRId64 "%s%s", v->i, name !=
		    NULL ? ", " : "", name != NULL ? name : "");
		break;
	case F_BOND:
		name = lb_bond_type_name((int)v->i);
		(void)snprintf(out, len, "%s (%" PRId64 ")", name != NULL ?
		    name : "unknown", v->i);
		break;
	case F_YN:
		(void)snprintf(out, len, "%s", v->i ? "yes" : "no");
		break;
	default:
		(void)snprintf(out, len, "%" PRId64, v->i);
		break;
	}
}

static int
on_ship_view(void *arg, const struct lb_value *v, const unsigned char *dg,
    size_t dlen)
{
	const struct lb_kind	*k = lb_kind_get("shipments");
	struct ship_view	*sv = arg;
	size_t			 i;
	int			 c;

	sv->found = 1;
	for (i = 0; i < NSHIP_FIELDS; i++) {
		if ((c = lb_kind_col(k, ship_fields[i].col)) < 0 ||
		    v[c].null)
			continue;
		sv->has[i] = 1;
		field_text(&ship_fields[i], &v[c], sv->val[i],
		    sizeof(sv->val[i]));
	}
	if ((c = lb_kind_col(k, "importer_number")) >= 0)
		lb_value_copy(&v[c], sv->importer, sizeof(sv->importer));
	if ((c = lb_kind_col(k, "entry_number")) >= 0)
		lb_value_copy(&v[c], sv->entry, sizeof(sv->entry));
	if ((c = lb_kind_col(k, "status")) >= 0)
		lb_value_copy(&v[c], sv->status, sizeof(sv->status));
	if ((c = lb_kind_col(k, "release_date")) >= 0)
		lb_value_copy(&v[c], sv->release, sizeof(sv->release));
	sv->mode = -1;
	if ((c = lb_kind_col(k, "mode")) >= 0 && !v[c].null && v[c].s == NULL)
		sv->mode = v[c].i;
	if ((c = lb_kind_col(k, "entry_type")) >= 0 && !v[c].null &&
	    v[c].s == NULL)
		sv->entry_type = v[c].i;
	if ((c = lb_kind_col(k, "bond_type")) >= 0 && !v[c].null)
		sv->bond_own = 1;
	return 0;
}

static void
copy_col(const struct lb_kind *k, const struct lb_value *v, const char *col,
    char *out, size_t len)
{
	int	c;

	out[0] = '\0';
	if ((c = lb_kind_col(k, col)) >= 0)
		lb_value_copy(&v[c], out, len);
}

static int
on_client(void *arg, const struct lb_value *v, const unsigned char *dg,
    size_t dlen)
{
	const struct lb_kind	*k = lb_kind_get("clients");
	struct ship_view	*sv = arg;
	char			 a1[128], a2[128], city[64], st[8], zip[16];
	char			 cc[4];
	int			 c;

	sv->has_client = 1;
	copy_col(k, v, "name", sv->client, sizeof(sv->client));
	copy_col(k, v, "address1", a1, sizeof(a1));
	copy_col(k, v, "address2", a2, sizeof(a2));
	copy_col(k, v, "city", city, sizeof(city));
	copy_col(k, v, "state", st, sizeof(st));
	copy_col(k, v, "postal_code", zip, sizeof(zip));
	copy_col(k, v, "country", cc, sizeof(cc));
	(void)snprintf(sv->address, sizeof(sv->address), "%s%s%s, %s%s%s%s%s, "
	    "%s", a1, a2[0] != '\0' ? ", " : "", a2, city, st[0] != '\0' ?
	    " " : "", st, zip[0] != '\0' ? " " : "", zip, cc);
	copy_col(k, v, "surety_code", sv->client_surety,
	    sizeof(sv->client_surety));
	copy_col(k, v, "email", sv->client_email, sizeof(sv->client_email));
	sv->client_bond = sv->client_bond_cents = -1;
	if ((c = lb_kind_col(k, "bond_type")) >= 0 && !v[c].null)
		sv->client_bond = v[c].i;
	if ((c = lb_kind_col(k, "bond_amount")) >= 0 && !v[c].null)
		sv->client_bond_cents = v[c].i;
	return 0;
}

/* One field as a <dt> and <dd>. */
static void
field_html(struct lb_buf *b, const struct ship_view *sv, size_t i)
{
	const struct field	*f = &ship_fields[i];

	lb_buf_addf(b, "<dt>%s</dt><dd id=\"f-%s\">", f->label, f->col);
	if (!sv->has[i])
		lb_buf_adds(b, f->none);
	else if (f->fmt == F_WORD)
		ui_word(b, sv->val[i]);
	else if (f->fmt == F_DATE)
		ui_date_text(b, sv->val[i], strlen(sv->val[i]));
	else if (f->fmt == F_PORT)
		web_port_label(b, sv->val[i], strlen(sv->val[i]));
	else if (f->fmt == F_INT)
		ui_count(b, strtoll(sv->val[i], NULL, 10));
	else
		ui_html(b, sv->val[i]);
	if (strcmp(f->col, "importer_number") == 0 && sv->client[0] != '\0') {
		lb_buf_adds(b, ", ");
		ui_html(b, sv->client);
	}
	lb_buf_adds(b, "</dd>\n");
}

/* The fields of one group, in a <dl>; 0 when none was shown. */
static size_t
group_html(struct lb_buf *b, const struct ship_view *sv, enum group g,
    const char *id)
{
	size_t	i, shown = 0, mark = b->len;

	lb_buf_addf(b, "<dl class=\"fields\" id=\"%s\">\n", id);
	for (i = 0; i < NSHIP_FIELDS; i++) {
		if (ship_fields[i].group != g || (!sv->has[i] &&
		    ship_fields[i].none == NULL))
			continue;
		field_html(b, sv, i);
		shown++;
	}
	if (shown == 0 && b->len >= mark)
		b->len = mark;
	else
		lb_buf_adds(b, "</dl>\n");
	return shown;
}

/* The bond: the shipment's own, or the client's. */
static void
bond_html(struct lb_buf *b, const struct ship_view *sv)
{
	const char	*name;

	lb_buf_adds(b, "<h2 id=\"bond-h\">Bond</h2>\n");
	if (sv->bond_own) {
		group_html(b, sv, G_BOND, "bond");
		return;
	}
	lb_buf_adds(b, "<dl class=\"fields\" id=\"bond\">\n<dt>Bond type</dt>"
	    "<dd id=\"f-bond_type\">");
	if (sv->client_bond >= 0 && (name = lb_bond_type_name(
	    (int)sv->client_bond)) != NULL)
		lb_buf_addf(b, "%s (%" PRId64 "), the client's", name,
		    sv->client_bond);
	else
		lb_buf_adds(b, "not recorded");
	lb_buf_adds(b, "</dd>\n");
	if (sv->client_bond_cents >= 0) {
		lb_buf_adds(b, "<dt>Bond amount</dt><dd id=\"f-bond_amount\">");
		ui_money(b, sv->client_bond_cents);
		lb_buf_adds(b, "</dd>\n");
	}
	if (sv->client_surety[0] != '\0') {
		lb_buf_adds(b, "<dt>Surety code</dt><dd id=\"f-surety_code\">");
		ui_html(b, sv->client_surety);
		lb_buf_adds(b, "</dd>\n");
	}
	lb_buf_adds(b, "</dl>\n");
}

struct contact_rows {
	struct lb_buf	*b;
	size_t		 n;
};

/* name, role, email, phone, mobile. */
static int
on_contact(void *arg, const struct lb_value *v, size_t n)
{
	struct contact_rows	*r = arg;
	struct lb_buf		*b = r->b;
	size_t			 i;

	if (n < 5)
		return -1;
	r->n++;
	lb_buf_adds(b, "<li>");
	ui_value_html(b, &v[0]);
	if (!v[1].null) {
		lb_buf_adds(b, " (");
		ui_value_html(b, &v[1]);
		lb_buf_addc(b, ')');
	}
	for (i = 2; i < 5; i++) {
		if (v[i].null || v[i].s == NULL)
			continue;
		lb_buf_adds(b, ", ");
		if (i == 2) {
			lb_buf_adds(b, "<a href=\"mailto:");
			ui_value_html(b, &v[i]);
			lb_buf_adds(b, "\">");
			ui_value_html(b, &v[i]);
			lb_buf_adds(b, "</a>");
		} else {
			lb_buf_adds(b, i == 3 ? "office " : "mobile ");
			ui_value_html(b, &v[i]);
		}
	}
	lb_buf_adds(b, "</li>\n");
	return 0;
}

static int
client_html(struct lb_buf *b, struct web_req *rq, const struct ship_view *sv,
    struct lb_err *e)
{
	struct contact_rows	r;
	struct lb_value		p;

	lb_buf_adds(b, "<h2 id=\"client-h\">Client</h2>\n");
	if (!sv->has_client) {
		lb_buf_adds(b, "<p id=\"client\">The client of this shipment "
		    "is not in the vault's copy of the main system.</p>\n");
		return 0;
	}
	lb_buf_adds(b, "<dl class=\"fields\" id=\"client\">\n<dt>Name</dt>"
	    "<dd>");
	ui_html(b, sv->client);
	lb_buf_adds(b, "</dd>\n<dt>Importer number</dt><dd>");
	ui_html(b, sv->importer);
	lb_buf_adds(b, "</dd>\n<dt>Address</dt><dd>");
	ui_html(b, sv->address);
	lb_buf_adds(b, "</dd>\n");
	if (sv->client_email[0] != '\0') {
		lb_buf_adds(b, "<dt>Email</dt><dd>");
		ui_html(b, sv->client_email);
		lb_buf_adds(b, "</dd>\n");
	}
	lb_buf_adds(b, "</dl>\n<h3>Contacts</h3>\n<ul id=\"contacts\">\n");
	memset(&r, 0, sizeof(r));
	r.b = b;
	memset(&p, 0, sizeof(p));
	p.s = sv->importer;
	p.len = strlen(sv->importer);
	if (rq->v->st->ops->query_vals(rq->v->st, "client_contacts", &p, 1,
	    on_contact, &r, e) == -1)
		return -1;
	if (r.n == 0)
		lb_buf_adds(b, "<li>No contact recorded.</li>\n");
	lb_buf_adds(b, "</ul>\n");
	return 0;
}

/* The HTS number as printed: NNNN.NN.NNNN. */
static void
hts_html(struct lb_buf *b, const struct lb_value *v)
{
	if (v->null || v->s == NULL)
		return;
	if (v->len != 10) {
		lb_buf_add_html(b, v->s, v->len);
		return;
	}
	lb_buf_add_html(b, v->s, 4);
	lb_buf_addc(b, '.');
	lb_buf_add_html(b, v->s + 4, 2);
	lb_buf_addc(b, '.');
	lb_buf_add_html(b, v->s + 6, 4);
}

static void
money_cell(struct lb_buf *b, const struct lb_value *v)
{
	lb_buf_adds(b, "<td class=\"num\">");
	if (!v->null && v->s == NULL)
		ui_money(b, v->i);
	lb_buf_adds(b, "</td>");
}

struct line_rows {
	struct lb_buf	*b;
	size_t		 n;
};

static int
on_line_row(void *arg, const struct lb_value *v, const unsigned char *dg,
    size_t dlen)
{
	static const char *const text_cols[] = {
		"description", "country_origin"
	};
	const struct lb_kind	*k = lb_kind_get("lines");
	struct line_rows	*r = arg;
	struct lb_buf		*b = r->b;
	size_t			 i;
	int			 c;

	r->n++;
	lb_buf_adds(b, "<tr><td class=\"num\">");
	if ((c = lb_kind_col(k, "line_no")) >= 0 && !v[c].null)
		lb_buf_addf(b, "%" PRId64, v[c].i);
	lb_buf_adds(b, "</td><td>");
	if ((c = lb_kind_col(k, "hts")) >= 0)
		hts_html(b, &v[c]);
	lb_buf_adds(b, "</td>");
	for (i = 0; i < 2; i++) {
		lb_buf_adds(b, "<td>");
		if ((c = lb_kind_col(k, text_cols[i])) >= 0)
			ui_value_html(b, &v[c]);
		lb_buf_adds(b, "</td>");
	}
	lb_buf_adds(b, "<td class=\"num\">");
	if ((c = lb_kind_col(k, "quantity")) >= 0 && !v[c].null) {
		ui_value_html(b, &v[c]);
		if ((c = lb_kind_col(k, "unit")) >= 0 && !v[c].null) {
			lb_buf_addc(b, ' ');
			ui_value_html(b, &v[c]);
		}
	}
	lb_buf_adds(b, "</td>");
	if ((c = lb_kind_col(k, "value")) >= 0)
		money_cell(b, &v[c]);
	lb_buf_adds(b, "<td>");
	if ((c = lb_kind_col(k, "duty_rate")) >= 0)
		ui_value_html(b, &v[c]);
	lb_buf_adds(b, "</td>");
	if ((c = lb_kind_col(k, "duty")) >= 0)
		money_cell(b, &v[c]);
	lb_buf_adds(b, "</tr>\n");
	return 0;
}

static int
ship_lines(struct lb_buf *b, struct web_req *rq, const char *ref,
    struct lb_err *e)
{
	static const struct ui_col	cols[] = {
		{ "Line", 1 }, { "HTS number", 0 }, { "Description", 0 },
		{ "Origin", 0 }, { "Quantity", 1 }, { "Value", 1 },
		{ "Duty rate", 0 }, { "Duty", 1 }
	};
	struct line_rows		r;

	memset(&r, 0, sizeof(r));
	r.b = b;
	lb_buf_adds(b, "<h2>Lines</h2>\n");
	ui_table_begin(b, "lines", "Invoice lines of this shipment", cols, 8);
	if (rq->v->st->ops->rows_by(rq->v->st, lb_kind_get("lines"), ref,
	    strlen(ref), on_line_row, &r, e) == -1)
		return -1;
	if (r.n == 0)
		ui_table_empty(b, 8, "No lines recorded.");
	ui_table_end(b);
	return 0;
}

/* The deadlines of a released shipment (a client: without exposure). */
static int
ship_deadlines(struct lb_buf *b, struct web_req *rq, const char *ref,
    const struct ship_view *sv, struct lb_err *e)
{
	static const struct ui_col	cols[] = {
		{ "What", 0 }, { "Due", 0 }, { "State", 0 }, { "Exposure", 1 }
	};
	int				 client = rq->s.role == LB_CLIENT;
	struct lb_agenda_opts		 o;
	struct lb_agenda_item		 it;
	struct lb_agenda		*a;
	size_t				 i, n, shown = 0;

	lb_buf_adds(b, "<h2>Deadlines</h2>\n");
	if (sv->release[0] == '\0') {
		lb_buf_adds(b, "<p id=\"no-deadlines\">The entry summary and "
		    "duty deadlines start when the shipment is released."
		    "</p>\n");
		return 0;
	}
	memset(&o, 0, sizeof(o));
	o.as_of = rq->now;
	o.importer = sv->importer;
	o.no_clocks = 1;
	if (lb_agenda_build(rq->v, &o, &a, e) == -1)
		return -1;
	ui_table_begin(b, "ship-deadlines", "Deadlines of this shipment", cols,
	    client ? 3 : 4);
	n = lb_agenda_count(a);
	for (i = 0; i < n; i++) {
		if (lb_agenda_get(a, i, &it, e) == -1) {
			lb_agenda_free(a);
			return -1;
		}
		if (strcmp(it.subject, ref) != 0)
			continue;
		shown++;
		lb_buf_adds(b, "<tr><td>");
		ui_html(b, it.what);
		lb_buf_adds(b, "</td><td>");
		ui_due_html(b, &it.d);
		lb_buf_adds(b, "</td>");
		ui_dl_state_html(b, &it.d);
		if (!client) {
			lb_buf_adds(b, "<td class=\"num\">");
			ui_exposure_html(b, &it.d);
			lb_buf_adds(b, "</td>");
		}
		lb_buf_adds(b, "</tr>\n");
	}
	lb_agenda_free(a);
	if (shown == 0)
		ui_table_empty(b, client ? 3 : 4, "No deadlines for this "
		    "shipment.");
	ui_table_end(b);
	return 0;
}

struct task_rows {
	struct lb_buf	*b;
	size_t		 n;
};

/* task, state, reason, at, actor. */
static int
on_task(void *arg, const struct lb_value *v, size_t n)
{
	struct task_rows	*r = arg;
	struct lb_buf		*b = r->b;
	char			 state[16];

	if (n < 5)
		return -1;
	r->n++;
	lb_value_copy(&v[1], state, sizeof(state));
	lb_buf_adds(b, "<tr><td>");
	ui_value_html(b, &v[0]);
	lb_buf_adds(b, "</td>");
	ui_state_cell(b, state);
	lb_buf_adds(b, "</td><td>");
	ui_value_html(b, &v[2]);
	lb_buf_adds(b, "</td><td>");
	if (v[3].null)
		lb_buf_adds(b, "not yet");
	else
		ui_time_text(b, v[3].s, v[3].len);
	lb_buf_adds(b, "</td><td>");
	ui_value_html(b, &v[4]);
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

static int
ship_recovery(struct lb_buf *b, struct web_req *rq, const char *ref,
    struct lb_err *e)
{
	static const struct ui_col	cols[] = {
		{ "Task", 0 }, { "State", 0 }, { "Reason", 0 }, { "When", 0 },
		{ "By", 0 }
	};
	struct task_rows		r;
	struct lb_value			p;
	size_t				mark;

	lb_buf_adds(b, "<h2 id=\"recovery-h\">Recovery tasks</h2>\n");
	mark = b->len;
	ui_table_begin(b, "ship-recovery", "What to key into ACE for this "
	    "shipment when it is back", cols, 5);
	memset(&r, 0, sizeof(r));
	r.b = b;
	memset(&p, 0, sizeof(p));
	p.s = ref;
	p.len = strlen(ref);
	if (rq->v->st->ops->query_vals(rq->v->st, "shipment_recovery", &p, 1,
	    on_task, &r, e) == -1)
		return -1;
	if (r.n == 0) {
		b->len = mark;
		lb_buf_adds(b, "<p id=\"ship-recovery\">None: this shipment "
		    "drew no entry number of the downtime reserve.</p>\n");
		return 0;
	}
	ui_table_end(b);
	return 0;
}

/* An action's name for people: "recovery.mark" is "recovery mark". */
static void
action_words(struct lb_buf *b, const struct lb_value *v)
{
	size_t	i;

	if (v->null || v->s == NULL)
		return;
	for (i = 0; i < v->len; i++)
		if (v->s[i] == '.' || v->s[i] == '_')
			lb_buf_addc(b, ' ');
		else
			lb_buf_add_html(b, v->s + i, 1);
}

/* A journal entry's detail without JSON's punctuation. */
static void
detail_words(struct lb_buf *b, const struct lb_value *v)
{
	size_t	i, n;

	if (v->null || v->s == NULL)
		return;
	n = v->len > 300 ? 300 : v->len;
	for (i = 0; i < n; i++) {
		switch (v->s[i]) {
		case '{': case '}': case '"': case '[': case ']':
			break;
		case ':':
			lb_buf_adds(b, ": ");
			break;
		case ',':
			lb_buf_adds(b, "; ");
			break;
		case '_':
			lb_buf_addc(b, ' ');
			break;
		default:
			lb_buf_add_html(b, v->s + i, 1);
		}
	}
	if (v->len > n)
		lb_buf_adds(b, "\xe2\x80\xa6");
}

/* seq, ts, actor, action, detail. */
static int
on_history(void *arg, const struct lb_value *v, size_t n)
{
	struct task_rows	*r = arg;
	struct lb_buf		*b = r->b;

	if (n < 5)
		return -1;
	r->n++;
	lb_buf_adds(b, "<tr><td class=\"date\">");
	if (!v[1].null)
		ui_time_text(b, v[1].s, v[1].len);
	lb_buf_adds(b, "</td><td>");
	if (!v[2].null && v[2].s != NULL)
		/* "web:sam" is sam. */
		lb_buf_add_html(b, v[2].len > 4 && memcmp(v[2].s, "web:", 4) ==
		    0 ? v[2].s + 4 : v[2].s, v[2].len > 4 && memcmp(v[2].s,
		    "web:", 4) == 0 ? v[2].len - 4 : v[2].len);
	lb_buf_adds(b, "</td><td>");
	action_words(b, &v[3]);
	lb_buf_adds(b, "</td><td>");
	detail_words(b, &v[4]);
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

static int
ship_history(struct lb_buf *b, struct web_req *rq, const char *ref,
    struct lb_err *e)
{
	static const struct ui_col	cols[] = {
		{ "When", 0 }, { "Who", 0 }, { "What", 0 }, { "Details", 0 }
	};
	struct task_rows		r;
	struct lb_value			p[2];

	lb_buf_adds(b, "<h2 id=\"history-h\">History</h2>\n");
	ui_table_begin(b, "history", "What the journal records about this "
	    "shipment, newest first", cols, 4);
	memset(&r, 0, sizeof(r));
	r.b = b;
	memset(p, 0, sizeof(p));
	p[0].s = ref;
	p[0].len = strlen(ref);
	p[1].i = HISTORY_ROWS;
	if (rq->v->st->ops->query_vals(rq->v->st, "journal_by_subject", p, 2,
	    on_history, &r, e) == -1)
		return -1;
	if (r.n == 0)
		ui_table_empty(b, 4, "Nothing recorded about this shipment "
		    "since it was imported.");
	ui_table_end(b);
	return 0;
}

/*
 * Why a pack was refused, in plain words, from one of lb_pack_load's
 * problems ("shipment S1: missing driver_dob (truck driver date of
 * birth)"): column names, settings and commands are left out.
 */
static int
pack_reason(struct lb_buf *b, const char *ref, const char *msg)
{
	const char	*p = msg, *m, *open, *close, *s;
	size_t		 rl = strlen(ref);
	char		 who[64];
	size_t		 n;

	if (strncmp(p, "shipment ", 9) == 0 && strncmp(p + 9, ref, rl) == 0 &&
	    strncmp(p + 9 + rl, ": ", 2) == 0)
		p += 9 + rl + 2;
	if (strncmp(p, "missing entry_number", 20) == 0) {
		lb_buf_adds(b, "It has no entry number yet: draw one first.");
		return 0;
	}
	if ((m = strstr(p, "missing ")) != NULL &&
	    (open = strchr(m, '(')) != NULL &&
	    (close = strrchr(open, ')')) != NULL) {
		n = (size_t)(m - p);
		(void)snprintf(who, sizeof(who), "%.*s", (int)(n < sizeof(who) ?
		    n : sizeof(who) - 1), p);
		if (strcmp(who, "client: ") == 0)
			lb_buf_adds(b, "The client's record lacks the ");
		else if (strcmp(who, "brokerage: ") == 0)
			lb_buf_adds(b, "The brokerage's record lacks the ");
		else if (strncmp(who, "line ", 5) == 0) {
			lb_buf_adds(b, "Line ");
			lb_buf_add_html(b, who + 5, strcspn(who + 5, ":"));
			lb_buf_adds(b, " lacks the ");
		} else
			lb_buf_adds(b, "It lacks the ");
		lb_buf_add_html(b, open + 1, (size_t)(close - open - 1));
		lb_buf_adds(b, ".");
		return 1;
	}
	/* Anything else, without "(setting ...)" or "(import ...)". */
	for (s = p; *s != '\0'; s++) {
		if (*s == ' ' && (strncmp(s, " (setting ", 10) == 0 ||
		    strncmp(s, " (import ", 9) == 0) &&
		    (close = strchr(s, ')')) != NULL) {
			s = close;
			continue;
		}
		if (s == p && *s >= 'a' && *s <= 'z')
			lb_buf_addc(b, *s - 'a' + 'A');
		else
			lb_buf_add_html(b, s, 1);
	}
	if (s > p && s[-1] != '.')
		lb_buf_addc(b, '.');
	/* Data the main system can add: the client, lines, brokerage. */
	return strstr(p, "(import ") != NULL;
}

/*
 * Can the pack of ref be made?  LB_PACK_READY, LB_PACK_REFUSED (the
 * reasons, in words, as <li> into why; *fixable set when data missing
 * from the main system's copy is among them), LB_PACK_NOT_FOUND or -1.
 */
static int
pack_check(struct web_req *rq, const char *ref, struct lb_buf *why,
    int *fixable, struct lb_err *e)
{
	struct lb_problems	 missing;
	struct lb_pack		*pk = NULL;
	size_t			 i;
	int			 rc;

	lb_problems_init(&missing, 20);
	rc = lb_pack_load(rq->v, ref, &pk, &missing, e);
	if (rc == LB_PACK_READY)
		lb_pack_free(pk);
	*fixable = 0;
	for (i = 0; rc == LB_PACK_REFUSED && i < missing.n; i++) {
		lb_buf_adds(why, "<li>");
		*fixable |= pack_reason(why, ref, missing.v[i].msg);
		lb_buf_adds(why, "</li>\n");
	}
	lb_problems_free(&missing);
	return rc;
}

static void
draw_form(struct lb_buf *b, struct web_req *rq, const char *ref,
    const struct ship_view *sv, const struct lb_reserve *r,
    const struct lb_buf *why)
{
	size_t	i, nleft = 0;
	int	code;

	for (i = 0; i < r->nfilers; i++)
		nleft += r->left[i] > 0;
	if (nleft == 0) {
		lb_buf_adds(b, "<p id=\"no-draw\">No entry number can be "
		    "drawn: the downtime reserve has none left.  Ask an "
		    "administrator to reserve another block.</p>\n");
		return;
	}
	lb_buf_adds(b, "<form method=\"post\" action=\"/shipments/");
	ui_url(b, ref);
	lb_buf_adds(b, "/entry\" id=\"draw\" class=\"filters\">\n");
	ui_csrf_field(b, rq);
	lb_buf_adds(b, "<p class=\"wide\">This shipment has no entry number.  "
	    "Draw the next one from the downtime reserve; its entry type goes "
	    "on the release pack.</p>\n<div><label for=\"filer\">Filer code"
	    "</label><select id=\"filer\" name=\"filer\">\n");
	for (i = 0; i < r->nfilers; i++) {
		if (r->left[i] <= 0)
			continue;
		lb_buf_adds(b, "<option value=\"");
		ui_html(b, r->filer[i]);
		lb_buf_adds(b, "\">");
		ui_html(b, r->filer[i]);
		lb_buf_adds(b, " (");
		ui_count(b, r->left[i]);
		lb_buf_adds(b, " left)</option>\n");
	}
	lb_buf_adds(b, "</select></div>\n<div><label for=\"entry_type\">Entry "
	    "type</label><select id=\"entry_type\" name=\"entry_type\" "
	    "required>\n");
	if (sv->entry_type == 0)
		lb_buf_adds(b, "<option value=\"\" selected>Choose the entry "
		    "type</option>\n");
	for (code = 1; code < 100; code++) {
		if (!lb_entry_type_valid(code) || lb_entry_type_closed(code))
			continue;
		lb_buf_addf(b, "<option value=\"%d\"%s>%02d %s</option>\n",
		    code, code == sv->entry_type ? " selected" : "", code,
		    lb_entry_type_name(code));
	}
	lb_buf_adds(b, "</select></div>\n");
	if (why->len > 0) {
		/* Drawing binds the broker to file: say first what the port
		 * will lack. */
		lb_buf_adds(b, "<div class=\"wide\" id=\"draw-gaps\"><p>The "
		    "release pack cannot be made yet:</p>\n<ul>\n");
		lb_buf_add(b, why->data, why->len);
		lb_buf_adds(b, "</ul>\n<p>Correct these below (Correct a field) "
		    "first, or draw anyway.</p>\n<p><label><input type=\""
		    "checkbox\" name=\"anyway\" value=\"true\"> Draw even "
		    "though the pack cannot be made yet</label></p></div>\n");
	}
	lb_buf_adds(b, "<button type=\"submit\">Draw entry number</button>\n"
	    "</form>\n");
}

/* Why the pack of ref could not be made once a number is drawn, as <li>
 * into why (empty when it could). */
static int
draw_check(struct web_req *rq, const char *ref, const struct ship_view *sv,
    struct lb_buf *why, struct lb_err *e)
{
	struct lb_problems	missing;
	size_t			i;
	int			rc;

	lb_problems_init(&missing, 20);
	rc = lb_pack_check_draw(rq->v, ref, sv->entry_type, &missing, e);
	for (i = 0; rc == LB_PACK_REFUSED && i < missing.n; i++) {
		lb_buf_adds(why, "<li>");
		(void)pack_reason(why, ref, missing.v[i].msg);
		lb_buf_adds(why, "</li>\n");
	}
	lb_problems_free(&missing);
	return rc == -1 ? -1 : 0;
}

/*
 * The actions on a shipment, near the top of its page, offering only
 * what can succeed.  (Room for more: paper release, corrections.)
 */
static int
ship_actions(struct lb_buf *b, struct web_req *rq, const char *ref,
    const struct ship_view *sv, struct lb_err *e)
{
	unsigned		role = web_role_bit(rq);
	struct lb_reserve	r;
	struct lb_buf		why;
	int			rc, fixable;

	if ((role & UI_READ) == 0)
		return 0;		/* clients see no actions */
	lb_buf_adds(b, "<section class=\"actions\" id=\"actions\" "
	    "aria-labelledby=\"actions-h\">\n<h2 id=\"actions-h\">Actions</h2>"
	    "\n");
	if (sv->entry[0] == '\0') {
		if (strcmp(sv->status, "released") == 0 ||
		    strcmp(sv->status, "cancelled") == 0) {
			lb_buf_addf(b, "<p id=\"no-draw\">This shipment is %s: "
			    "it needs no entry number from the downtime "
			    "reserve.</p>\n", sv->status);
		} else if ((role & UI_WRITE) == 0)
			lb_buf_adds(b, "<p id=\"no-draw\">This shipment has no "
			    "entry number yet.</p>\n");
		else {
			lb_buf_init(&why, 64 << 10);
			if (lb_entry_reserve_left(rq->v, &r, e) == -1 ||
			    draw_check(rq, ref, sv, &why, e) == -1) {
				lb_buf_free(&why);
				return -1;
			}
			draw_form(b, rq, ref, sv, &r, &why);
			lb_buf_free(&why);
		}
		lb_buf_adds(b, "</section>\n");
		return 0;
	}
	lb_buf_init(&why, 64 << 10);
	if ((rc = pack_check(rq, ref, &why, &fixable, e)) == -1) {
		lb_buf_free(&why);
		return -1;
	}
	if (rc == LB_PACK_READY) {
		lb_buf_adds(b, "<p><a href=\"/shipments/");
		ui_url(b, ref);
		lb_buf_adds(b, "/pack\" id=\"pack\" class=\"button\">Download "
		    "release pack (PDF)</a></p>\n");
	} else {
		lb_buf_adds(b, "<div id=\"no-pack\"><p>No downtime release "
		    "pack for this shipment:</p>\n<ul>\n");
		lb_buf_add(b, why.data, why.len);
		lb_buf_adds(b, "</ul>\n");
		if (fixable)
			lb_buf_adds(b, "<p>Correct what is missing below "
			    "(Correct a field), or in the main system: it reaches "
			    "Lifeboat with the next import.</p>\n");
		lb_buf_adds(b, "</div>\n");
	}
	lb_buf_free(&why);
	lb_buf_adds(b, "</section>\n");
	return 0;
}

/*
 * The page of shipment ref as the caller may see it (the caller checked
 * that it may), with an error in an alert when err is not NULL.
 */
static enum MHD_Result
ship_page(struct web_req *rq, const char *ref, unsigned status,
    const char *lead, const char *err)
{
	struct ship_view	*sv;
	struct lb_buf		 b;
	struct lb_err		 e;
	char			 title[64];

	if ((sv = calloc(1, sizeof(*sv))) == NULL)
		return ui_page_broken(rq, NULL, "out of memory");
	if (rq->v->st->ops->get_row(rq->v->st, lb_kind_get("shipments"), ref,
	    strlen(ref), on_ship_view, sv, &e) == -1) {
		free(sv);
		return ui_page_broken(rq, NULL, e.msg);
	}
	if (!sv->found || !web_may_see(rq, sv->importer)) {
		free(sv);
		return ui_page_not_found(rq);
	}
	if (sv->importer[0] != '\0' && rq->v->st->ops->get_row(rq->v->st,
	    lb_kind_get("clients"), sv->importer, strlen(sv->importer),
	    on_client, sv, &e) == -1) {
		free(sv);
		return ui_page_broken(rq, NULL, e.msg);
	}
	(void)snprintf(title, sizeof(title), "Shipment %s", ref);
	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, title, NULL);
	if (err != NULL)
		ui_alert(&b, lead, err);
	group_html(&b, sv, G_MAIN, "shipment");
	if (ship_actions(&b, rq, ref, sv, &e) == -1 ||
	    ui_ship_decisions(&b, rq, ref, &e) == -1) {
		free(sv);
		return ui_page_broken(rq, &b, e.msg);
	}
	lb_buf_adds(&b, "<h2 id=\"transport-h\">Transport</h2>\n");
	group_html(&b, sv, G_TRANSPORT, "transport");
	if (sv->mode >= 0 && lb_mode_is_truck((int)sv->mode)) {
		lb_buf_adds(&b, "<h3 id=\"driver-h\">Truck and driver</h3>\n");
		group_html(&b, sv, G_TRUCK, "driver");
	}
	bond_html(&b, sv);
	if (client_html(&b, rq, sv, &e) == -1) {
		free(sv);
		return ui_page_broken(rq, &b, e.msg);
	}
	lb_buf_adds(&b, "<h2 id=\"goods-h\">Goods</h2>\n");
	if (group_html(&b, sv, G_GOODS, "goods") == 0)
		lb_buf_adds(&b, "<p>Nothing more recorded.</p>\n");
	if (ship_lines(&b, rq, ref, &e) == -1 ||
	    ship_deadlines(&b, rq, ref, sv, &e) == -1 ||
	    ((web_role_bit(rq) & UI_READ) != 0 &&
	    (ship_recovery(&b, rq, ref, &e) == -1 ||
	    ship_history(&b, rq, ref, &e) == -1))) {
		free(sv);
		return ui_page_broken(rq, &b, e.msg);
	}
	lb_buf_addf(&b, "<p><a href=\"/shipments\">Back to %s shipments</a>"
	    "</p>\n", rq->s.role == LB_CLIENT ? "your" : "the");
	ui_page_end(&b);
	free(sv);
	return ui_page_send(rq, status, &b);
}

const char *
ui_ship_label(const char *col)
{
	size_t	i;

	for (i = 0; i < sizeof(ship_fields) / sizeof(ship_fields[0]); i++)
		if (strcmp(ship_fields[i].col, col) == 0)
			return ship_fields[i].label;
	return NULL;
}

enum MHD_Result
ui_ship_page(struct web_req *rq, const char *ref, unsigned status,
    const char *lead, const char *err)
{
	return ship_page(rq, ref, status, lead, err);
}

enum MHD_Result
ui_shipment(struct web_req *rq)
{
	const char	*ref = lb_arg(&rq->args, "ref");
	struct lb_err	 e;
	int		 rc;

	if ((rc = api_shipment_visible(rq, ref, &e)) == -1)
		return ui_page_broken(rq, NULL, e.msg);
	if (rc == 0)
		return ui_page_not_found(rq);
	return ship_page(rq, ref, 200, NULL, NULL);
}

enum MHD_Result
ui_draw(struct web_req *rq)
{
	const char	*ref = lb_arg(&rq->args, "ref");
	struct lb_buf	 loc;
	struct lb_err	 e;
	char		 number[LB_ENTRY_STRLEN];
	enum MHD_Result	 ret;
	int		 rc;

	if ((rc = api_shipment_visible(rq, ref, &e)) == -1)
		return ui_page_broken(rq, NULL, e.msg);
	if (rc == 0)
		return ui_page_not_found(rq);
	if ((rc = api_draw_number(rq, number, &e)) != 0)
		return ship_page(rq, ref, rc == 1 ? 422 : 409,
		    "No entry number drawn: ", e.msg);
	lb_buf_init(&loc, 512);
	lb_buf_adds(&loc, "/shipments/");
	ui_url(&loc, ref);
	if (lb_buf_error(&loc) != 0) {
		lb_buf_free(&loc);
		return ui_page_broken(rq, NULL, "out of memory");
	}
	ret = web_redirect(rq, lb_buf_cstr(&loc));
	lb_buf_free(&loc);
	return ret;
}

/* The pack as a PDF, or a page saying in plain words why there is none. */
enum MHD_Result
ui_pack(struct web_req *rq)
{
	const char	*ref = lb_arg(&rq->args, "ref");
	struct lb_buf	 b, why;
	struct lb_err	 e;
	char		 title[64];
	int		 rc, fixable;

	lb_buf_init(&why, 64 << 10);
	if ((rc = pack_check(rq, ref, &why, &fixable, &e)) == -1) {
		lb_buf_free(&why);
		return ui_page_broken(rq, NULL, e.msg);
	}
	if (rc == LB_PACK_NOT_FOUND) {
		lb_buf_free(&why);
		return ui_page_not_found(rq);
	}
	if (rc == LB_PACK_READY) {
		lb_buf_free(&why);
		return api_pack(rq);
	}
	(void)snprintf(title, sizeof(title), "No release pack for %s", ref);
	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, title, NULL);
	lb_buf_adds(&b, "<div role=\"alert\" id=\"error\" class=\"error\"><p>"
	    "A downtime release pack cannot be made for this shipment:</p>\n"
	    "<ul id=\"reasons\">\n");
	lb_buf_add(&b, why.data, why.len);
	lb_buf_adds(&b, "</ul></div>\n<p id=\"todo\">");
	lb_buf_adds(&b, fixable ? "Correct what is missing in the main "
	    "system; it reaches Lifeboat with the next import." : "This "
	    "shipment cannot be released on downtime paperwork.");
	lb_buf_adds(&b, "</p>\n<p class=\"back\"><a id=\"back\" "
	    "href=\"/shipments/");
	ui_url(&b, ref);
	lb_buf_adds(&b, "\">Back to shipment ");
	ui_html(&b, ref);
	lb_buf_adds(&b, "</a></p>\n");
	lb_buf_free(&why);
	ui_page_end(&b);
	return ui_page_send(rq, 422, &b);
}
