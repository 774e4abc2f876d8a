/*
 * web_ui_decide.c: the shipment page's part for what Lifeboat decides
 * (shipment.h): the paper release, voiding a drawn number, correcting a
 * field, and resolving conflicts with the feed; each form posts to its page
 * route, which redirects back to the shipment or shows it with the reason
 * it was refused.  No JavaScript: plain forms.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "entry.h"
#include "row.h"
#include "shipment.h"
#include "web.h"
#include "web_api.h"
#include "web_ui.h"


static void
form_begin(struct lb_buf *b, struct web_req *rq, const char *ref,
    const char *action, const char *id)
{
	lb_buf_adds(b, "<form method=\"post\" action=\"/shipments/");
	ui_url(b, ref);
	lb_buf_addf(b, "/%s\" id=\"%s\">\n", action, id);
	ui_csrf_field(b, rq);
}

static void
field_row(struct lb_buf *b, const char *id, const char *label,
    const char *attrs)
{
	lb_buf_addf(b, "<p><label for=\"%s\">%s</label>\n<input id=\"%s\" "
	    "name=\"%s\" %s></p>\n", id, label, id, id, attrs);
}

struct decided {
	struct lb_buf		*b;
	struct web_req		*rq;
	int			 n;
	int			 write;
};

static void
people_field(struct lb_buf *b, const char *field)
{
	const char	*dot = strchr(field, '.');
	const char	*doc = dot == NULL ? ui_ship_label(field) : NULL;
	char		 line[8];

	if (doc == NULL)
		doc = lb_shipment_field_doc(field);
	if (doc != NULL && doc[0] >= 'a' && doc[0] <= 'z') {
		lb_buf_addc(b, doc[0] - 'a' + 'A');
		doc++;
	}
	ui_html(b, doc != NULL ? doc : field);
	if (dot != NULL && (size_t)(dot - field) < sizeof(line)) {
		memcpy(line, field, (size_t)(dot - field));
		line[dot - field] = '\0';
		lb_buf_adds(b, ", line ");
		ui_html(b, line);
	}
}

static int
on_decided(void *arg, const struct lb_owned_rec *r)
{
	struct decided	*d = arg;
	struct lb_buf	*b = d->b;

	static const struct ui_col	cols[] = {
		{ "Field", 0 }, { "Value", 0 }, { "Why", 0 }, { "By", 0 },
		{ "The feed", 0 }
	};

	if (d->n++ == 0)
		ui_table_begin(b, "decided", "Decided in Lifeboat, kept over "
		    "the main system's feed", cols, 5);
	lb_buf_adds(b, "<tr><td>");
	people_field(b, r->field);
	lb_buf_adds(b, "</td><td>");
	ui_html(b, r->value[0] ? r->value : "(none)");
	lb_buf_adds(b, "</td><td>");
	ui_html(b, r->reason[0] ? r->reason : strcmp(r->source, "draw") ==
	    0 ? "entry number drawn" : r->source);
	lb_buf_adds(b, "</td><td>");
	ui_html(b, r->actor);
	lb_buf_adds(b, "<br>");
	ui_time_text(b, r->at, strlen(r->at));
	lb_buf_adds(b, "</td><td>");
	if (strcmp(r->state, "held") == 0)
		lb_buf_adds(b, "agrees, or says nothing new");
	else {
		lb_buf_adds(b, strcmp(r->state, "conflict") == 0 ?
		    "<strong>disagrees</strong>: " : "kept over: ");
		ui_html(b, r->feed_value[0] ? r->feed_value : "(none)");
		if (d->write && strcmp(r->state, "conflict") == 0) {
			lb_buf_adds(b, "<form method=\"post\" action=\""
			    "/shipments/");
			ui_url(b, r->ref);
			lb_buf_adds(b, "/conflicts\" class=\"resolve\">\n");
			ui_csrf_field(b, d->rq);
			lb_buf_adds(b, "<input type=\"hidden\" name=\"field\" "
			    "value=\"");
			ui_html(b, r->field);
			lb_buf_adds(b, "\">\n<label>Why <input name=\"reason\" "
			    "required maxlength=\"400\" autocomplete=\"off\">"
			    "</label>\n<button "
			    "name=\"resolution\" value=\"keep\">Keep "
			    "Lifeboat's</button>\n<button name=\"resolution\" "
			    "value=\"accept\">Accept the feed's</button>\n"
			    "</form>\n");
		}
	}
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

int
ui_ship_decisions(struct lb_buf *b, struct web_req *rq, const char *ref,
    struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("shipments");
	struct lb_shiprow	*r;
	struct lb_release_rec	 rel;
	struct decided		 d;
	char			 status[16], entry[LB_ENTRY_STRLEN], arrival[12];
	char			 port[8], today[LB_DATE_STRLEN];
	unsigned		 role = web_role_bit(rq);
	size_t			 i;
	int			 rc;

	if ((role & UI_READ) == 0)
		return 0;	/* clients see what was decided, not how */
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	lb_shiprow_init(r, k);
	rc = lb_shiprow_get(rq->v->st, r, ref, e);
	if (rc == 1) {
		lb_value_copy(&r->vals[lb_shiprow_col(r, "status")], status,
		    sizeof(status));
		lb_value_copy(&r->vals[lb_shiprow_col(r, "entry_number")],
		    entry, sizeof(entry));
		lb_value_copy(&r->vals[lb_shiprow_col(r, "arrival_date")],
		    arrival, sizeof(arrival));
		lb_value_copy(&r->vals[lb_shiprow_col(r, "port_entry")], port,
		    sizeof(port));
	}
	lb_shiprow_free(r);
	free(r);
	if (rc != 1)
		return rc == -1 ? -1 : 0;
	if (rc == 1 && (rc = lb_shipment_release_get(rq->v, ref, &rel,
	    e)) == -1)
		return -1;
	lb_buf_adds(b, "<section id=\"decisions\" aria-labelledby=\"decisions-h\">"
	    "<h2 id=\"decisions-h\">Downtime release</h2>\n");
	if (rc == 1) {
		lb_buf_adds(b, "<p id=\"paper-release\">Released on paper on ");
		ui_date_text(b, rel.date, strlen(rel.date));
		lb_buf_adds(b, " at port ");
		web_port_label(b, rel.port, strlen(rel.port));
		lb_buf_adds(b, " under entry number ");
		ui_html(b, rel.entry);
		lb_buf_adds(b, ", recorded by ");
		ui_html(b, rel.actor);
		if (rel.note[0] != '\0') {
			lb_buf_adds(b, ": ");
			ui_html(b, rel.note);
		}
		lb_buf_adds(b, ".</p>\n");
	}
	d.b = b;
	d.rq = rq;
	d.n = 0;
	d.write = (role & UI_WRITE) != 0;
	if (lb_owned_list(rq->v, ref, 0, on_decided, &d, e) == -1)
		return -1;
	if (d.n > 0)
		ui_table_end(b);
	if (!d.write) {
		lb_buf_adds(b, "</section>\n");
		return 0;
	}
	lb_date_format(web_today(rq), today);
	if (entry[0] != '\0' && strcmp(status, "released") != 0 &&
	    strcmp(status, "cancelled") != 0) {
		form_begin(b, rq, ref, "release", "release");
		lb_buf_adds(b, "<h3>Record the paper release</h3>\n<p>When CBP "
		    "has released the cargo on the downtime paperwork, record "
		    "it: the entry summary and duty deadlines start from the "
		    "release date.</p>\n");
		lb_buf_addf(b, "<p><label for=\"date\">Release date</label>\n"
		    "<input id=\"date\" name=\"date\" type=\"date\" required "
		    "max=\"%s\"%s%s%s value=\"%s\"></p>\n", today,
		    arrival[0] ? " min=\"" : "", arrival, arrival[0] ? "\"" :
		    "", today);
		lb_buf_adds(b, "<p><label for=\"port\">Port that released it"
		    "</label>\n<input id=\"port\" name=\"port\" inputmode="
		    "\"numeric\" pattern=\"[0-9]{4}\" maxlength=\"4\" value=\"");
		ui_html(b, port);
		lb_buf_adds(b, "\"></p>\n");
		field_row(b, "note", "Note (officer, reference)",
		    "maxlength=\"400\"");
		lb_buf_adds(b, "<button type=\"submit\">Record the release"
		    "</button>\n</form>\n");
		form_begin(b, rq, ref, "void", "void");
		lb_buf_adds(b, "<h3>Void the entry number</h3>\n<p>If ");
		ui_html(b, entry);
		lb_buf_adds(b, " should not be used for this shipment, void it: "
		    "it is never drawn again, and the shipment can draw another."
		    "</p>\n");
		lb_buf_adds(b, "<p><label for=\"void-reason\">Why</label>\n"
		    "<input id=\"void-reason\" name=\"reason\" required "
		    "maxlength=\"200\"></p>\n");
		lb_buf_adds(b, "<button type=\"submit\">Void ");
		ui_html(b, entry);
		lb_buf_adds(b, "</button>\n</form>\n");
	}
	form_begin(b, rq, ref, "fields", "correct");
	lb_buf_adds(b, "<h3>Correct a field</h3>\n<p>Fill in what the port "
	    "needs and the main system's copy lacks.  The value is checked as "
	    "an import would check it, and later imports keep it.  For a line, "
	    "write its number first: <code>2.quantity</code>.</p>\n"
	    "<p><label for=\"field\">Field</label>\n<input id=\"field\" "
	    "name=\"field\" list=\"settable\" required maxlength=\"35\">\n"
	    "<datalist id=\"settable\">\n");
	for (i = 0; i < k->ncols; i++)
		if (lb_shipment_settable(k->cols[i].name))
			lb_buf_addf(b, "<option value=\"%s\">%s</option>\n",
			    k->cols[i].name, k->cols[i].doc);
	lb_buf_adds(b, "</datalist></p>\n");
	field_row(b, "value", "New value", "maxlength=\"1000\"");
	field_row(b, "reason", "Why", "required maxlength=\"400\"");
	lb_buf_adds(b, "<button type=\"submit\">Save the correction</button>\n"
	    "</form>\n</section>\n");
	return 0;
}

/* After an action: back to the shipment, or the shipment with why not. */
static enum MHD_Result
done(struct web_req *rq, int rc, unsigned status, const char *lead,
    const struct lb_err *e)
{
	const char	*ref = lb_arg(&rq->args, "ref");
	struct lb_buf	 loc;
	enum MHD_Result	 ret;

	if (rc == -1)
		return ui_ship_page(rq, ref, status, lead, e->msg);
	lb_buf_init(&loc, 512);
	lb_buf_adds(&loc, "/shipments/");
	ui_url(&loc, ref);
	ret = lb_buf_error(&loc) == 0 ? web_redirect(rq, lb_buf_cstr(&loc)) :
	    ui_ship_page(rq, ref, 500, "Something went wrong: ",
	    "out of memory");
	lb_buf_free(&loc);
	return ret;
}

/* The shipment exists and the caller may see it: 1, else the reply. */
static int
ship_ok(struct web_req *rq, enum MHD_Result *ret)
{
	struct lb_err	e;
	int		rc;

	rc = api_shipment_visible(rq, lb_arg(&rq->args, "ref"), &e);
	if (rc == 1)
		return 1;
	*ret = rc == 0 ? ui_ship_page(rq, lb_arg(&rq->args, "ref"), 404, NULL,
	    NULL) : ui_ship_page(rq, lb_arg(&rq->args, "ref"), 500,
	    "The vault cannot be read: ", "try again");
	return 0;
}

enum MHD_Result
ui_ship_release(struct web_req *rq)
{
	enum MHD_Result	ret;
	struct lb_err	e;

	if (!ship_ok(rq, &ret))
		return ret;
	return done(rq, web_ship_release(rq, &e), 409,
	    "The release was not recorded: ", &e);
}

enum MHD_Result
ui_ship_set(struct web_req *rq)
{
	enum MHD_Result	ret;
	struct lb_err	e;

	if (!ship_ok(rq, &ret))
		return ret;
	return done(rq, web_ship_set(rq, &e), 422,
	    "The correction was not saved: ", &e);
}

enum MHD_Result
ui_ship_resolve(struct web_req *rq)
{
	enum MHD_Result	ret;
	struct lb_err	e;

	if (!ship_ok(rq, &ret))
		return ret;
	return done(rq, web_ship_resolve(rq, &e), 409,
	    "The conflict was not resolved: ", &e);
}

enum MHD_Result
ui_ship_void(struct web_req *rq)
{
	const char		*ref = lb_arg(&rq->args, "ref");
	struct lb_shiprow	*r;
	enum MHD_Result		 ret;
	struct lb_err		 e;
	char			 entry[LB_ENTRY_STRLEN];
	int			 rc;

	if (!ship_ok(rq, &ret))
		return ret;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return ui_ship_page(rq, ref, 500, "Something went wrong: ",
		    "out of memory");
	lb_shiprow_init(r, lb_kind_get("shipments"));
	entry[0] = '\0';
	if ((rc = lb_shiprow_get(rq->v->st, r, ref, &e)) == 1)
		lb_value_copy(&r->vals[lb_shiprow_col(r, "entry_number")],
		    entry, sizeof(entry));
	lb_shiprow_free(r);
	free(r);
	if (rc == -1)
		return done(rq, -1, 500, "The vault cannot be read: ", &e);
	if (entry[0] == '\0') {
		(void)snprintf(e.msg, sizeof(e.msg), "this shipment has no "
		    "entry number to void");
		return done(rq, -1, 409, "Nothing was voided: ", &e);
	}
	return done(rq, lb_entry_void(rq->v, &rq->who, entry,
	    lb_arg(&rq->args, "reason"), &e), 409, "Nothing was voided: ", &e);
}

/* Every conflict with the feed, each linked to its shipment. */
struct clist {
	struct lb_buf	*b;
	size_t		 n;
};

static int
on_conflict_row(void *arg, const struct lb_owned_rec *r)
{
	struct clist	*l = arg;
	struct lb_buf	*b = l->b;

	l->n++;
	lb_buf_adds(b, "<tr><td>");
	ui_ship_link(b, r->ref);
	lb_buf_adds(b, "</td><td>");
	people_field(b, r->field);
	lb_buf_adds(b, "</td><td>");
	ui_html(b, r->value[0] ? r->value : "(none)");
	lb_buf_adds(b, "</td><td>");
	ui_html(b, r->feed_value[0] ? r->feed_value : "(none)");
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

enum MHD_Result
ui_conflicts(struct web_req *rq)
{
	static const struct ui_col	cols[] = {
		{ "Shipment", 0 }, { "Field", 0 }, { "Lifeboat holds", 0 },
		{ "The feed says", 0 }
	};
	struct lb_buf	b;
	struct lb_err	e;
	struct clist	l;

	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, "Conflicts with the main system's feed", NULL);
	lb_buf_adds(&b, "<p>What Lifeboat decided while the main system was "
	    "down is kept over its feed.  Where the feed says something else, "
	    "open the shipment and keep Lifeboat's value or accept the "
	    "feed's.</p>\n");
	ui_table_begin(&b, "conflicts", "Fields where the feed disagrees",
	    cols, 4);
	l.b = &b;
	l.n = 0;
	if (lb_owned_list(rq->v, NULL, 1, on_conflict_row, &l, &e) == -1)
		return ui_page_broken(rq, &b, e.msg);
	if (l.n == 0)
		ui_table_empty(&b, 4, "No conflict: the feed agrees with "
		    "everything Lifeboat decided.");
	ui_table_end(&b);
	ui_page_end(&b);
	return ui_page_send(rq, 200, &b);
}
