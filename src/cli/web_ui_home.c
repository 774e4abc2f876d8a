/*
 * web_ui_home.c: the dashboard (staff, auditors, admins) and the lists of
 * the people behind its risks: employees who cannot be reached outside
 * the broker's systems (/employees), clients with an expired power of
 * attorney or no contact (/clients).
 *
 * Each risk of the vault's status (status.h) has a stable id; this file
 * gives each its words for the page, what to do about it, and the page
 * that lists what is behind it.  The status's own hints name commands and
 * settings: they are for the command line, never shown here.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "cbp.h"
#include "date.h"
#include "status.h"
#include "web.h"
#include "web_api.h"
#include "web_ui.h"

#define PEOPLE_ROWS	1000

static const char *const task_states[] = {
	"pending", "transmitted", "accepted", "rejected", NULL
};

struct rcount {
	int64_t	n[4];
};

static void
age_text(struct lb_buf *b, int64_t secs)
{
	if (secs < 0)
		secs = 0;
	if (secs < 3600)
		lb_buf_addf(b, "%" PRId64 " min", secs / 60);
	else if (secs < 72 * 3600)
		lb_buf_addf(b, "%" PRId64 " h", secs / 3600);
	else {
		ui_count(b, secs / 86400);
		lb_buf_adds(b, " days");
	}
}

static void
dash_deadlines(struct lb_buf *b, const struct lb_agenda_totals *t)
{
	lb_buf_adds(b, "<h2 id=\"deadlines-h\">Deadlines</h2>\n"
	    "<dl class=\"fields\" id=\"deadline-counts\">\n"
	    "<dt>Overdue</dt><dd><span id=\"overdue\">");
	ui_count(b, (int64_t)t->n[LB_DL_OVERDUE]);
	lb_buf_adds(b, "</span>");
	if (t->n[LB_DL_OVERDUE] > 0) {
		lb_buf_adds(b, " (estimated exposure ");
		ui_money(b, t->exposure_overdue);
		lb_buf_addc(b, ')');
	}
	lb_buf_adds(b, "</dd>\n<dt>At risk</dt><dd><span id=\"at-risk\">");
	ui_count(b, (int64_t)t->n[LB_DL_AT_RISK]);
	lb_buf_adds(b, "</span>");
	if (t->n[LB_DL_AT_RISK] > 0) {
		lb_buf_adds(b, " (estimated ");
		ui_money(b, t->exposure_at_risk);
		lb_buf_adds(b, " if missed)");
	}
	lb_buf_adds(b, "</dd>\n</dl>\n<p><a href=\"/deadlines?at_risk=true\">"
	    "See the deadlines overdue and at risk</a></p>\n");
}

/* A risk as the page says it: what, what to do, where its list is. */
struct risk_words {
	const char	*id;
	const char	*one;		/* the count, then this */
	const char	*many;
	const char	*todo;
	const char	*href;
	const char	*link;
};

static const struct risk_words risk_words[] = {
	{ "deadlines_overdue", "deadline overdue", "deadlines overdue",
	    "File what is late now, or record the relief CBP granted.",
	    "/deadlines?at_risk=true", "See the deadlines" },
	{ "deadlines_at_risk", "deadline due within %s", "deadlines due "
	    "within %s", "Work on these first.", "/deadlines?at_risk=true",
	    "See the deadlines" },
	{ "never_imported", "kind of data never copied from the main system",
	    "kinds of data never copied from the main system", "Ask whoever "
	    "exports from the main system to send every kind.", "#copy",
	    "See the copy" },
	{ "stale_copy", "kind of data older than %s", "kinds of data older "
	    "than %s", "Ask for a fresh export from the main system.",
	    "#copy", "See the copy" },
	{ "employees_no_oob", "employee cannot be reached outside the "
	    "broker's systems", "employees cannot be reached outside the "
	    "broker's systems", "Collect a personal email or mobile number "
	    "from each.", "/employees?unreachable=true", "See who" },
	{ "arrived_no_entry", "arrived or held shipment without an entry "
	    "number", "arrived or held shipments without an entry number",
	    "Draw an entry number for each so it can be released on paper.",
	    "/shipments?no_entry=true", "See the shipments" },
	{ "pga_pending", "open shipment subject to partner government "
	    "agencies", "open shipments subject to partner government "
	    "agencies", "Downtime does not waive their requirements: check "
	    "each without system access.", "/shipments?pga=true",
	    "See the shipments" },
	{ "poa_expired", "client with an expired power of attorney",
	    "clients with an expired power of attorney", "Renew the power of "
	    "attorney before filing for them.", "/clients?poa=expired",
	    "See the clients" },
	{ "clients_no_contact", "client without a contact to notify",
	    "clients without a contact to notify", "Get a contact for each so "
	    "they can be told about their shipments.",
	    "/clients?contact=none", "See the clients" },
	{ "entry_reserve_low", "filer code with fewer than %s entry numbers "
	    "left", "filer codes with fewer than %s entry numbers left",
	    "Ask an administrator to reserve another block of numbers.",
	    "#reserve", "See the numbers left" },
	{ "no_entry_reserve", NULL, NULL, "Ask an administrator to set a "
	    "block of entry numbers aside for downtime.", "#reserve",
	    "See the numbers left" },
	{ "entry_15_days", "arrived or held shipment to be entered within 15 "
	    "days of arrival", "arrived or held shipments to be entered within "
	    "15 days of arrival", "Past the 15th day the goods go to a general "
	    "order warehouse: release them on paper first.",
	    "/deadlines?at_risk=true", "See the deadlines" },
	{ "statements_unauthorized", "duty payment on a statement never "
	    "authorized", "duty payments on statements never authorized",
	    "Filing a summary does not pay the duty: authorize each "
	    "statement's payment as soon as ACE is back.",
	    "/deadlines?at_risk=true", "See the deadlines" },
	{ "relief_expiring", "piece of relief ending soon", "pieces of relief "
	    "ending soon", "Ask CBP to renew it before it ends.",
	    "/deadlines?at_risk=true", "See the deadlines" },
	{ "bad_stored_dates", "stored date Lifeboat cannot read", "stored "
	    "dates Lifeboat cannot read", "Someone changed the vault outside "
	    "Lifeboat, or an old import slipped through: have the vault "
	    "verified.", "/deadlines", "See the deadlines" },
	{ "no_time_zone", NULL, NULL, "Ask an administrator to set the "
	    "broker's time zone: times typed without an offset cannot be read "
	    "until then.", "/deadlines", "See the deadlines" },
	{ "time_zone_unavailable", NULL, NULL, "The broker's time zone cannot "
	    "be loaded on this machine: times are shown in UTC.",
	    "/deadlines", "See the deadlines" },
	{ "feed_conflicts", "value of the main system's feed disagrees with "
	    "what Lifeboat decided", "values of the main system's feed disagree "
	    "with what Lifeboat decided", "Keep Lifeboat's value or accept the "
	    "feed's, shipment by shipment.", "/conflicts", "See the conflicts" },
};

static void
risk_item(struct lb_buf *b, const struct lb_risk *r, const char *arg)
{
	const struct risk_words	*w = NULL;
	const char		*fmt, *pct;
	size_t			 i;

	for (i = 0; i < sizeof(risk_words) / sizeof(risk_words[0]); i++)
		if (r->id != NULL && strcmp(r->id, risk_words[i].id) == 0)
			w = &risk_words[i];
	lb_buf_adds(b, "<li");
	if (r->id != NULL)
		lb_buf_addf(b, " id=\"risk-%s\"", r->id);
	lb_buf_adds(b, "><strong>");
	if (w == NULL || w->one == NULL) {
		if (w != NULL && strcmp(w->id, "no_entry_reserve") == 0)
			lb_buf_adds(b, "No entry numbers are reserved for "
			    "downtime");
		else if (w != NULL && strcmp(w->id, "no_time_zone") == 0)
			lb_buf_adds(b, "The broker's time zone is not set");
		else if (w != NULL && strcmp(w->id, "time_zone_unavailable") ==
		    0)
			lb_buf_adds(b, "The broker's time zone cannot be loaded");
		else
			ui_html(b, r->what);
	} else {
		ui_count(b, r->count);
		lb_buf_addc(b, ' ');
		fmt = r->count == 1 ? w->one : w->many;
		if ((pct = strstr(fmt, "%s")) != NULL) {
			lb_buf_add_html(b, fmt, (size_t)(pct - fmt));
			ui_html(b, arg);
			ui_html(b, pct + 2);
		} else
			ui_html(b, fmt);
	}
	lb_buf_adds(b, "</strong>");
	if (w != NULL) {
		lb_buf_adds(b, ". ");
		ui_html(b, w->todo);
		lb_buf_addf(b, " <a href=\"%s\">%s</a>", w->href, w->link);
	}
	lb_buf_adds(b, "</li>\n");
}

static void
dash_risks(struct lb_buf *b, struct web_req *rq, const struct lb_status *st)
{
	struct lb_err	e;
	char		arg[48];
	int64_t		days = 2;
	size_t		i;

	lb_buf_adds(b, "<h2>Risks</h2>\n");
	if (st->nrisks == 0) {
		lb_buf_adds(b, "<p id=\"risks\">No risks found.</p>\n");
		return;
	}
	if (lb_vault_setting(rq->v, "at_risk_days", &days, &e) == -1)
		days = 2;
	lb_buf_adds(b, "<ul id=\"risks\" class=\"risks\">\n");
	for (i = 0; i < st->nrisks; i++) {
		arg[0] = '\0';
		if (st->risks[i].id == NULL)
			;
		else if (strcmp(st->risks[i].id, "deadlines_at_risk") == 0)
			(void)snprintf(arg, sizeof(arg), "%" PRId64
			    " working day%s", days, ui_s(days));
		else if (strcmp(st->risks[i].id, "stale_copy") == 0)
			(void)snprintf(arg, sizeof(arg), "%" PRId64 " hour%s",
			    st->stale_hours, ui_s(st->stale_hours));
		else if (strcmp(st->risks[i].id, "entry_reserve_low") == 0)
			(void)snprintf(arg, sizeof(arg), "%" PRId64,
			    st->entry_low);
		risk_item(b, &st->risks[i], arg);
	}
	lb_buf_adds(b, "</ul>\n");
}

static void
dash_copy(struct lb_buf *b, const struct lb_status *st)
{
	static const struct ui_col	cols[] = {
		{ "Kind", 0 }, { "Rows", 1 }, { "Last import", 0 },
		{ "Age", 1 }, { "State", 0 }
	};
	const struct lb_kind_status	*k;
	char				 cap[96];
	size_t				 i;

	lb_buf_adds(b, "<h2 id=\"copy\">Copy of the main system</h2>\n");
	(void)snprintf(cap, sizeof(cap), "Each kind of data and its last "
	    "import (stale after %" PRId64 " hours)", st->stale_hours);
	ui_table_begin(b, "copy-table", cap, cols, 5);
	for (i = 0; i < st->nkinds; i++) {
		k = &st->kinds[i];
		lb_buf_adds(b, "<tr><td>");
		ui_word(b, k->kind);
		lb_buf_adds(b, "</td><td class=\"num\">");
		ui_count(b, k->rows);
		lb_buf_adds(b, "</td><td>");
		if (k->imported) {
			ui_time_text(b, k->last, strlen(k->last));
			lb_buf_adds(b, "</td><td class=\"num\">");
			age_text(b, k->age);
		} else
			lb_buf_adds(b, "never</td><td class=\"num\">none");
		lb_buf_adds(b, "</td>");
		ui_state_cell(b, k->stale || !k->imported ? "stale" : "fresh");
		lb_buf_adds(b, "</td></tr>\n");
	}
	ui_table_end(b);
}

static void
dash_reserve(struct lb_buf *b, const struct lb_status *st)
{
	static const struct ui_col	cols[] = {
		{ "Filer code", 0 }, { "Numbers left", 1 }, { "State", 0 }
	};
	size_t				i;

	lb_buf_adds(b, "<h2 id=\"numbers\">Entry numbers left</h2>\n");
	ui_table_begin(b, "reserve", "Entry numbers left for downtime, per "
	    "filer code", cols, 3);
	for (i = 0; i < st->reserve.nfilers; i++) {
		lb_buf_adds(b, "<tr><td>");
		ui_html(b, st->reserve.filer[i]);
		lb_buf_adds(b, "</td><td class=\"num\">");
		ui_count(b, st->reserve.left[i]);
		lb_buf_adds(b, "</td>");
		ui_state_cell(b, st->reserve.left[i] < st->entry_low ? "low" :
		    "enough");
		lb_buf_adds(b, "</td></tr>\n");
	}
	if (st->reserve.nfilers == 0)
		ui_table_empty(b, 3, "No entry numbers are reserved.");
	ui_table_end(b);
}

static void
dash_recovery(struct lb_buf *b, const struct rcount *rc)
{
	static const struct ui_col	cols[] = {
		{ "State", 0 }, { "Tasks", 1 }
	};
	size_t				i;

	lb_buf_adds(b, "<h2>Recovery queue</h2>\n");
	ui_table_begin(b, "recovery-states", "Work to key into ACE when it is "
	    "back, by state", cols, 2);
	for (i = 0; task_states[i] != NULL; i++) {
		lb_buf_addf(b, "<tr><td><a href=\"/recovery?state=%s\">",
		    task_states[i]);
		ui_word(b, task_states[i]);
		lb_buf_adds(b, "</a></td><td class=\"num\">");
		ui_count(b, rc->n[i]);
		lb_buf_adds(b, "</td></tr>\n");
	}
	ui_table_end(b);
	lb_buf_adds(b, "<p><a href=\"/recovery\">Open the recovery queue</a>"
	    "</p>\n");
}

static void
dash_shipments(struct lb_buf *b, const struct lb_status *st)
{
	static const struct ui_col	cols[] = {
		{ "Status", 0 }, { "Shipments", 1 }
	};
	size_t				i;

	lb_buf_adds(b, "<h2>Shipments</h2>\n");
	ui_table_begin(b, "by-status", "Shipments by status", cols, 2);
	for (i = 0; lb_shipment_statuses[i] != NULL && i < 8; i++) {
		lb_buf_addf(b, "<tr><td><a href=\"/shipments?status=%s\">",
		    lb_shipment_statuses[i]);
		ui_word(b, lb_shipment_statuses[i]);
		lb_buf_adds(b, "</a></td><td class=\"num\">");
		ui_count(b, st->by_status[i]);
		lb_buf_adds(b, "</td></tr>\n");
	}
	ui_table_end(b);
}

enum MHD_Result
ui_home(struct web_req *rq)
{
	struct lb_agenda_totals	 t;
	struct lb_status	*st;
	struct rcount		 rc;
	struct lb_buf		 b;

	if (rq->s.role == LB_CLIENT)
		return web_redirect(rq, "/shipments");
	if ((st = calloc(1, sizeof(*st))) == NULL)
		return ui_page_broken(rq, NULL, "out of memory");
	memset(&rc, 0, sizeof(rc));
	/* The status, deadline totals and recovery counts are cached. */
	if (web_status(rq, st, &t, rc.n) == -1) {
		free(st);
		return ui_page_broken(rq, NULL, "the vault cannot be read");
	}
	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, "Dashboard", "/");
	lb_buf_adds(&b, "<p>As of ");
	ui_time(&b, rq->now);
	lb_buf_adds(&b, ".</p>\n");
	dash_deadlines(&b, &t);
	dash_risks(&b, rq, st);
	dash_copy(&b, st);
	dash_reserve(&b, st);
	dash_recovery(&b, &rc);
	dash_shipments(&b, st);
	ui_page_end(&b);
	free(st);
	return ui_page_send(rq, 200, &b);
}

/* The people behind a risk. */

struct people {
	struct lb_buf	*b;
	size_t		 n;
	int		 more;
};

/* employee_id, name, role, office, work_email, reachable (0 or 1). */
static int
on_employee(void *arg, const struct lb_value *v, size_t n)
{
	struct people	*p = arg;
	struct lb_buf	*b = p->b;
	size_t		 i;

	if (n < 6)
		return -1;
	if (p->n >= PEOPLE_ROWS) {
		p->more = 1;
		return -1;
	}
	p->n++;
	lb_buf_adds(b, "<tr>");
	for (i = 1; i < 5; i++) {
		lb_buf_adds(b, "<td>");
		ui_value_html(b, &v[i]);
		lb_buf_adds(b, "</td>");
	}
	ui_state_cell(b, v[5].i ? "reachable" : "unreachable");
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

enum MHD_Result
ui_employees(struct web_req *rq)
{
	static const struct ui_col	cols[] = {
		{ "Name", 0 }, { "Role", 0 }, { "Office", 0 },
		{ "Work email", 0 }, { "Outside contact", 0 }
	};
	const char			*u = lb_arg(&rq->args, "unreachable");
	int				 only = u != NULL &&
					    strcmp(u, "true") == 0;
	struct lb_value			 p[2];
	struct people			 pp;
	struct lb_buf			 b;
	struct lb_err			 e;

	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, only ? "Employees who cannot be reached" :
	    "Employees", NULL);
	lb_buf_adds(&b, "<p>An employee can be reached outside the broker's "
	    "systems with a personal email, a mobile or home telephone, or an "
	    "SMS gateway address.  ");
	if (only)
		lb_buf_adds(&b, "These have none.  <a href=\"/employees\">"
		    "See every employee</a>.</p>\n");
	else
		lb_buf_adds(&b, "<a href=\"/employees?unreachable=true\">See "
		    "only those who cannot be reached</a>.</p>\n");
	memset(p, 0, sizeof(p));
	p[0].i = only;
	p[1].i = PEOPLE_ROWS + 1;
	memset(&pp, 0, sizeof(pp));
	pp.b = &b;
	ui_table_begin(&b, "employees", only ? "Employees with no contact "
	    "outside the broker's systems, by name" : "Employees, by name",
	    cols, 5);
	if (rq->v->st->ops->query_vals(rq->v->st, "employees_list", p, 2,
	    on_employee, &pp, &e) == -1 && !pp.more)
		return ui_page_broken(rq, &b, e.msg);
	if (pp.n == 0)
		ui_table_empty(&b, 5, "Nobody.");
	ui_table_end(&b);
	lb_buf_adds(&b, "<p id=\"count\">");
	ui_count(&b, (int64_t)pp.n);
	lb_buf_addf(&b, "%s employee%s shown.</p>\n", pp.more ? " (the first)"
	    : "", ui_s((int64_t)pp.n));
	ui_page_end(&b);
	return ui_page_send(rq, 200, &b);
}

/* importer_number, name, city, state, poa_expiry, contacts. */
static int
on_client_row(void *arg, const struct lb_value *v, size_t n)
{
	struct people	*p = arg;
	struct lb_buf	*b = p->b;

	if (n < 6)
		return -1;
	if (p->n >= PEOPLE_ROWS) {
		p->more = 1;
		return -1;
	}
	p->n++;
	lb_buf_adds(b, "<tr><td>");
	ui_value_html(b, &v[1]);
	lb_buf_adds(b, "</td><td><a href=\"/shipments?importer=");
	if (!v[0].null && v[0].s != NULL)
		ui_url_n(b, v[0].s, v[0].len);
	lb_buf_adds(b, "\">");
	ui_value_html(b, &v[0]);
	lb_buf_adds(b, "</a></td><td>");
	ui_value_html(b, &v[2]);
	if (!v[3].null) {
		lb_buf_adds(b, ", ");
		ui_value_html(b, &v[3]);
	}
	lb_buf_adds(b, "</td><td>");
	if (v[4].null)
		lb_buf_adds(b, "not recorded");
	else
		ui_date_text(b, v[4].s, v[4].len);
	lb_buf_adds(b, "</td><td class=\"num\">");
	ui_count(b, v[5].i);
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

enum MHD_Result
ui_clients(struct web_req *rq)
{
	static const struct ui_col	cols[] = {
		{ "Name", 0 }, { "Importer number", 0 }, { "City", 0 },
		{ "Power of attorney expires", 0 }, { "Contacts", 1 }
	};
	const char			*poa = lb_arg(&rq->args, "poa");
	const char			*contact = lb_arg(&rq->args, "contact");
	struct lb_value			 p[3];
	struct people			 pp;
	struct lb_buf			 b;
	struct lb_err			 e;
	char				 today[LB_DATE_STRLEN];
	const char			*title = "Clients";

	lb_date_format(rq->now / 86400, today);
	memset(p, 0, sizeof(p));
	p[0].null = poa == NULL;
	p[0].s = today;
	p[0].len = strlen(today);
	p[1].i = contact != NULL;
	p[2].i = PEOPLE_ROWS + 1;
	if (poa != NULL && contact != NULL)
		title = "Clients with an expired power of attorney and no "
		    "contact";
	else if (poa != NULL)
		title = "Clients with an expired power of attorney";
	else if (contact != NULL)
		title = "Clients without a contact to notify";
	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, title, NULL);
	lb_buf_adds(&b, "<p class=\"filters-now\">Show: <a href=\"/clients\">"
	    "every client</a>, <a href=\"/clients?poa=expired\">power of "
	    "attorney expired</a>, <a href=\"/clients?contact=none\">no "
	    "contact</a>.</p>\n");
	memset(&pp, 0, sizeof(pp));
	pp.b = &b;
	ui_table_begin(&b, "clients", "Clients, by name", cols, 5);
	if (rq->v->st->ops->query_vals(rq->v->st, "clients_list", p, 3,
	    on_client_row, &pp, &e) == -1 && !pp.more)
		return ui_page_broken(rq, &b, e.msg);
	if (pp.n == 0)
		ui_table_empty(&b, 5, "No clients match.");
	ui_table_end(&b);
	lb_buf_adds(&b, "<p id=\"count\">");
	ui_count(&b, (int64_t)pp.n);
	lb_buf_addf(&b, "%s client%s shown.</p>\n", pp.more ? " (the first)" :
	    "", ui_s((int64_t)pp.n));
	ui_page_end(&b);
	return ui_page_send(rq, 200, &b);
}
