/*
 * web_ui_work.c: the pages of the day's work: the deadlines (opening on
 * what needs action: overdue and at risk; a client sees its own, without
 * the damages estimates), the recovery queue a page at a time, and the
 * users (admins).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "cbp.h"
#include "date.h"
#include "deadline.h"
#include "recovery.h"
#include "web.h"
#include "web_api.h"
#include "web_ui.h"

#define DEADLINES_PAGE	200
#define RECOVERY_PAGE	200

/* The "cursor" argument of a list: an index, as digits. */
static int
list_cursor(struct web_req *rq, size_t *from)
{
	const char	*cur = lb_arg(&rq->args, "cursor");
	size_t		 i;

	*from = 0;
	if (cur == NULL)
		return 0;
	for (i = 0; cur[i] != '\0'; i++) {
		if (cur[i] < '0' || cur[i] > '9' || i >= 12)
			return -1;
		*from = *from * 10 + (size_t)(cur[i] - '0');
	}
	return 0;
}

/* The link to a list from index from, its filters kept. */
static void
list_link(struct lb_buf *b, struct web_req *rq, const char *path,
    const char *const *keep, size_t nkeep, size_t from, const char *id,
    const char *label)
{
	char	cur[24];
	size_t	i;
	int	first = 1;

	lb_buf_addf(b, "<a id=\"%s\" href=\"%s", id, path);
	if (from > 0) {
		(void)snprintf(cur, sizeof(cur), "%zu", from);
		ui_query_add(b, &first, "cursor", cur);
	}
	for (i = 0; i < nkeep; i++)
		ui_query_add(b, &first, keep[i], lb_arg(&rq->args, keep[i]));
	lb_buf_addf(b, "\">%s</a>", label);
}

/* "Showing 1 to 200 of 5,296." and the links to the first and next. */
static void
pager(struct lb_buf *b, struct web_req *rq, const char *path,
    const char *const *keep, size_t nkeep, size_t from, size_t to,
    size_t n)
{
	if (from == 0 && to >= n)
		return;
	lb_buf_adds(b, "<p class=\"pager\">Showing ");
	ui_count(b, (int64_t)(to > from ? from + 1 : from));
	lb_buf_adds(b, " to ");
	ui_count(b, (int64_t)to);
	lb_buf_adds(b, " of ");
	ui_count(b, (int64_t)n);
	lb_buf_adds(b, ".");
	if (from > 0) {
		lb_buf_addc(b, ' ');
		list_link(b, rq, path, keep, nkeep, 0, "first", "First page");
	}
	if (to < n) {
		lb_buf_addc(b, ' ');
		list_link(b, rq, path, keep, nkeep, to, "next", "Next page");
	}
	lb_buf_adds(b, "</p>\n");
}

/* Deadlines. */

enum dl_show {
	DL_ACTION,	/* overdue and at risk */
	DL_OPEN,	/* not met */
	DL_ALL
};

static enum dl_show
dl_show(struct web_req *rq)
{
	const char	*s = lb_arg(&rq->args, "show");

	if (s != NULL && strcmp(s, "all") == 0)
		return DL_ALL;
	if (s != NULL && strcmp(s, "open") == 0)
		return DL_OPEN;
	return DL_ACTION;
}

static void
dl_filters(struct lb_buf *b, struct web_req *rq, enum dl_show show)
{
	static const char *const labels[] = {
		"Overdue and at risk", "Everything not yet met",
		"Everything, met ones too"
	};
	static const char *const values[] = { "action", "open", "all" };
	size_t	i;

	lb_buf_adds(b, "<form method=\"get\" action=\"/deadlines\" "
	    "class=\"filters\">\n<div><label for=\"show\">Show</label>"
	    "<select id=\"show\" name=\"show\">\n");
	for (i = 0; i < 3; i++)
		lb_buf_addf(b, "<option value=\"%s\"%s>%s</option>\n",
		    values[i], (size_t)show == i ? " selected" : "", labels[i]);
	lb_buf_adds(b, "</select></div>\n<div><label for=\"as_of\">As of "
	    "<span class=\"hint\">(empty: today)</span></label><input "
	    "type=\"date\" id=\"as_of\" name=\"as_of\"");
	ui_value_attr(b, lb_arg(&rq->args, "as_of"));
	lb_buf_adds(b, "></div>\n");
	if (rq->s.role != LB_CLIENT) {
		lb_buf_adds(b, "<div><label for=\"importer\">Importer number"
		    "</label><input id=\"importer\" name=\"importer\" "
		    "maxlength=\"16\"");
		ui_value_attr(b, lb_arg(&rq->args, "importer"));
		lb_buf_adds(b, "></div>\n");
	}
	lb_buf_adds(b, "<button type=\"submit\">Show</button>\n</form>\n");
}

static void
dl_totals(struct lb_buf *b, struct web_req *rq,
    const struct lb_agenda_totals *t, size_t n, int64_t as_of)
{
	lb_buf_adds(b, "<p id=\"totals\">");
	ui_count(b, (int64_t)n);
	lb_buf_addf(b, " deadline%s listed, as of ", ui_s((int64_t)n));
	ui_time(b, as_of);
	lb_buf_adds(b, ".  Of all deadlines: <strong>");
	ui_count(b, (int64_t)t->n[LB_DL_OVERDUE]);
	lb_buf_adds(b, " overdue</strong>, <strong>");
	ui_count(b, (int64_t)t->n[LB_DL_AT_RISK]);
	lb_buf_adds(b, " at risk</strong>, ");
	ui_count(b, (int64_t)t->n[LB_DL_OK]);
	lb_buf_adds(b, " on time, ");
	ui_count(b, (int64_t)t->n[LB_DL_MET]);
	lb_buf_adds(b, " met, ");
	ui_count(b, (int64_t)t->n[LB_DL_COVERED]);
	lb_buf_adds(b, " covered by relief.");
	if (rq->s.role != LB_CLIENT && (t->n[LB_DL_OVERDUE] > 0 ||
	    t->n[LB_DL_AT_RISK] > 0)) {
		lb_buf_adds(b, " Estimated exposure: ");
		ui_money(b, t->exposure_overdue);
		lb_buf_adds(b, " overdue, ");
		ui_money(b, t->exposure_at_risk);
		lb_buf_adds(b, " more if those at risk are missed.");
	}
	lb_buf_adds(b, "</p>\n");
}

static void
dl_row(struct lb_buf *b, struct web_req *rq, const struct lb_agenda_item *it,
    struct ui_names *nm)
{
	lb_buf_adds(b, "<tr><td class=\"date\">");
	ui_due_html(b, &it->d);
	lb_buf_adds(b, "</td>");
	ui_dl_state_html(b, &it->d);
	lb_buf_adds(b, "<td>");
	ui_html(b, it->what);
	lb_buf_adds(b, "</td><td>");
	if (it->d.kind == LB_DL_CLOCK)
		ui_html(b, it->subject);
	else
		ui_ship_link(b, it->subject);
	lb_buf_adds(b, "</td><td>");
	ui_importer_html(b, rq, it->importer, nm);
	lb_buf_adds(b, "</td><td>");
	ui_html(b, it->entry);
	lb_buf_adds(b, "</td>");
	if (rq->s.role != LB_CLIENT) {
		lb_buf_adds(b, "<td class=\"num\">");
		ui_exposure_html(b, &it->d);
		lb_buf_adds(b, "</td>");
	}
	lb_buf_adds(b, "</tr>\n");
}

enum MHD_Result
ui_deadlines(struct web_req *rq)
{
	static const struct ui_col	cols[] = {
		{ "Due", 0 }, { "State", 0 }, { "What", 0 },
		{ "Shipment", 0 }, { "Importer", 0 }, { "Entry", 0 },
		{ "Exposure", 1 }
	};
	static const char *const keep[] = {
		"show", "as_of", "importer", "limit"
	};
	int				 client = rq->s.role == LB_CLIENT;
	size_t				 ncols = client ? 6 : 7;
	enum dl_show			 show = dl_show(rq);
	struct lb_agenda_opts		 o;
	struct lb_agenda_item		 it;
	struct lb_agenda		*a;
	struct ui_names			 nm;
	struct lb_buf			 b;
	struct lb_err			 e;
	const char			*d = lb_arg(&rq->args, "as_of");
	size_t				*ix = NULL;
	size_t				 i, from, n, total, limit, to;
	int64_t				 day;

	if (list_cursor(rq, &from) == -1)
		return ui_page_error_back(rq, 400, "Deadlines", "This page "
		    "link is not one the server gave.", "Start again from the "
		    "first page.", "/deadlines", "Go to the first page");
	memset(&o, 0, sizeof(o));
	o.as_of = rq->now;
	if (d != NULL && lb_date_parse(d, strlen(d), &day, NULL, 0) == 0)
		o.as_of = day * 86400 + 12 * 3600;
	o.at_risk_only = show == DL_ACTION;
	o.importer = lb_arg(&rq->args, "importer");
	if (client) {
		o.importer = rq->s.importer;
		o.no_clocks = 1;
	}
	if (lb_agenda_build(rq->v, &o, &a, &e) == -1)
		return ui_page_broken(rq, NULL, e.msg);
	total = lb_agenda_count(a);
	/* The deadlines shown, by index into the agenda. */
	if (total > 0 && (ix = calloc(total, sizeof(*ix))) == NULL) {
		lb_agenda_free(a);
		return ui_page_broken(rq, NULL, "out of memory");
	}
	for (i = 0, n = 0; i < total; i++) {
		if (show == DL_OPEN) {
			if (lb_agenda_get(a, i, &it, &e) == -1)
				break;
			if (it.d.state == LB_DL_MET)
				continue;
		}
		ix[n++] = i;
	}
	limit = api_limit(rq, DEADLINES_PAGE);
	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, client ? "Your deadlines" : "Deadlines",
	    "/deadlines");
	dl_filters(&b, rq, show);
	dl_totals(&b, rq, lb_agenda_totals(a), n, o.as_of);
	ui_table_begin(&b, "deadlines", show == DL_ACTION ? "Deadlines "
	    "overdue and at risk, by due date" : "Deadlines by due date",
	    cols, ncols);
	memset(&nm, 0, sizeof(nm));
	for (to = from; to < n && to < from + limit; to++) {
		if (lb_agenda_get(a, ix[to], &it, &e) == -1) {
			lb_agenda_free(a);
			free(ix);
			return ui_page_broken(rq, &b, e.msg);
		}
		dl_row(&b, rq, &it, &nm);
	}
	lb_agenda_free(a);
	free(ix);
	if (to == from)
		ui_table_empty(&b, ncols, show == DL_ACTION ? "Nothing is "
		    "overdue or at risk." : "No deadlines match.");
	ui_table_end(&b);
	pager(&b, rq, "/deadlines", keep, sizeof(keep) / sizeof(keep[0]),
	    from, to, n);
	ui_page_end(&b);
	return ui_page_send(rq, 200, &b);
}

/* The recovery queue. */

static const char *const task_states[] = {
	"pending", "transmitted", "accepted", "rejected", NULL
};

struct rec_rows {
	struct lb_buf	*b;
	struct web_req	*rq;
	struct ui_names	 names;
	size_t		 n;		/* every task */
	size_t		 from, to;	/* the page shown */
};

static int
on_rec_row(void *arg, const struct lb_recovery_item *it)
{
	struct rec_rows	*r = arg;
	struct lb_buf	*b = r->b;

	if (r->n++ < r->from || r->n > r->to)
		return 0;
	lb_buf_adds(b, "<tr><td>");
	ui_ship_link(b, it->ref);
	lb_buf_adds(b, "</td><td>");
	ui_importer_html(b, r->rq, it->importer, &r->names);
	lb_buf_adds(b, "</td><td>");
	ui_html(b, it->task);
	lb_buf_adds(b, "</td><td>");
	ui_html(b, it->entry);
	lb_buf_adds(b, "</td>");
	ui_state_cell(b, it->state);
	lb_buf_adds(b, "</td><td>");
	ui_html(b, it->reason);
	lb_buf_adds(b, "</td><td class=\"date\">");
	if (it->at[0] != '\0')
		ui_time_text(b, it->at, strlen(it->at));
	else
		lb_buf_adds(b, "not yet");
	lb_buf_adds(b, "</td><td>");
	ui_html(b, it->actor);
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

enum MHD_Result
ui_recovery(struct web_req *rq)
{
	static const struct ui_col	cols[] = {
		{ "Ref", 0 }, { "Importer", 0 }, { "Task", 0 },
		{ "Entry", 0 }, { "State", 0 }, { "Reason", 0 }, { "When", 0 },
		{ "By", 0 }
	};
	static const char *const keep[] = { "state", "limit" };
	const char			*state = lb_arg(&rq->args, "state");
	struct rec_rows			 r;
	struct lb_buf			 b;
	struct lb_err			 e;
	size_t				 from;

	if (list_cursor(rq, &from) == -1)
		return ui_page_error_back(rq, 400, "Recovery queue", "This "
		    "page link is not one the server gave.", "Start again "
		    "from the first page.", "/recovery",
		    "Go to the first page");
	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, "Recovery queue", "/recovery");
	lb_buf_adds(&b, "<p>Work to key into ACE when it is back: the release, "
	    "the entry summary and the statement of each shipment released on "
	    "downtime paperwork.</p>\n<form method=\"get\" "
	    "action=\"/recovery\" class=\"filters\">\n<div><label "
	    "for=\"state\">State</label><select id=\"state\" "
	    "name=\"state\">\n");
	ui_select_options(&b, task_states, state, 1);
	lb_buf_adds(&b, "</select></div>\n<button type=\"submit\">Show</button>"
	    "\n</form>\n");
	ui_table_begin(&b, "recovery", "Recovery tasks, by shipment", cols, 8);
	memset(&r, 0, sizeof(r));
	r.b = &b;
	r.rq = rq;
	r.from = from;
	r.to = from + api_limit(rq, RECOVERY_PAGE);
	if (lb_recovery_list(rq->v, state, on_rec_row, &r, &e) == -1)
		return ui_page_broken(rq, &b, e.msg);
	if (r.n <= from)
		ui_table_empty(&b, 8, state != NULL ? "No tasks in this "
		    "state." : "No recovery tasks.");
	ui_table_end(&b);
	lb_buf_adds(&b, "<p id=\"count\">");
	ui_count(&b, (int64_t)r.n);
	lb_buf_addf(&b, " task%s.</p>\n", ui_s((int64_t)r.n));
	pager(&b, rq, "/recovery", keep, sizeof(keep) / sizeof(keep[0]), from,
	    r.to < r.n ? r.to : r.n, r.n);
	ui_page_end(&b);
	return ui_page_send(rq, 200, &b);
}

/* Users. */

static const char *const role_words[] = {
	"admin", "staff", "client", "auditor", NULL
};

struct user_rows {
	struct lb_buf	*b;
	struct web_req	*rq;
	struct ui_names	 names;
};

static int
on_user_row(void *arg, const struct lb_account *a)
{
	struct user_rows	*ur = arg;
	struct lb_buf		*b = ur->b;
	const char		*verb = a->disabled ? "enable" : "disable";

	lb_buf_adds(b, "<tr><td>");
	ui_html(b, a->name);
	lb_buf_adds(b, "</td><td>");
	ui_html(b, lb_role_name(a->role));
	lb_buf_adds(b, "</td><td>");
	ui_importer_html(b, ur->rq, a->importer, &ur->names);
	lb_buf_adds(b, "</td>");
	ui_state_cell(b, a->disabled ? "disabled" : "active");
	lb_buf_adds(b, "</td><td>");
	ui_time_text(b, a->at, strlen(a->at));
	lb_buf_adds(b, "</td><td>");
	if (strcmp(a->name, ur->rq->s.user) != 0) {
		/* One small form per row; no way to lock oneself out. */
		lb_buf_adds(b, "<form method=\"post\" action=\"/users/");
		ui_url(b, a->name);
		lb_buf_addf(b, "/%s\" class=\"inline\">", verb);
		ui_csrf_field(b, ur->rq);
		lb_buf_addf(b, "<button type=\"submit\" aria-label=\"%s ",
		    a->disabled ? "Enable" : "Disable");
		ui_html(b, a->name);
		lb_buf_addf(b, "\">%s</button></form>", a->disabled ?
		    "Enable" : "Disable");
	} else
		lb_buf_adds(b, "(you)");
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

static void
user_form(struct lb_buf *b, struct web_req *rq, const char *name,
    const char *role, const char *client)
{
	lb_buf_adds(b, "<h2 id=\"add-h\">Add a user</h2>\n<form "
	    "method=\"post\" action=\"/users\" class=\"stack\" "
	    "aria-labelledby=\"add-h\">\n");
	ui_csrf_field(b, rq);
	lb_buf_adds(b, "<div><label for=\"name\">User name <span "
	    "class=\"hint\">(a-z, 0-9, dot, dash, underscore)</span></label>"
	    "<input id=\"name\" name=\"name\" autocomplete=\"off\" "
	    "autocapitalize=\"none\" spellcheck=\"false\" maxlength=\"32\" "
	    "required");
	if (name != NULL) {
		lb_buf_adds(b, " value=\"");
		ui_html(b, name);
		lb_buf_addc(b, '"');
	}
	lb_buf_adds(b, "></div>\n<div><label for=\"role\">Role</label><select "
	    "id=\"role\" name=\"role\" required>\n");
	ui_select_options(b, role_words, role != NULL ? role : "staff", 0);
	lb_buf_adds(b, "</select></div>\n<div><label for=\"client\">Client "
	    "importer number <span class=\"hint\" id=\"client-hint\">(clients "
	    "only)</span></label><input id=\"client\" name=\"client\" "
	    "maxlength=\"16\" aria-describedby=\"client-hint\"");
	if (client != NULL) {
		lb_buf_adds(b, " value=\"");
		ui_html(b, client);
		lb_buf_addc(b, '"');
	}
	lb_buf_adds(b, "></div>\n<div><label for=\"new-password\">Password "
	    "<span class=\"hint\" id=\"pw-hint\">(15 to 256 characters)</span>"
	    "</label><input id=\"new-password\" name=\"password\" "
	    "type=\"password\" autocomplete=\"new-password\" minlength=\"15\" "
	    "maxlength=\"256\" aria-describedby=\"pw-hint\" required></div>\n"
	    "<button type=\"submit\">Add user</button>\n</form>\n");
}

static enum MHD_Result
users_page(struct web_req *rq, unsigned status, const char *lead,
    const char *err)
{
	static const struct ui_col	cols[] = {
		{ "Name", 0 }, { "Role", 0 }, { "Importer", 0 }, { "State", 0 },
		{ "Last change", 0 }, { "Action", 0 }
	};
	struct lb_buf		b;
	struct lb_err		e;
	struct user_rows	ur;
	size_t			mark;

	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, "Users", "/users");
	if (err != NULL)
		ui_alert(&b, lead, err);
	ui_table_begin(&b, "users", "The people who may sign in", cols, 6);
	mark = b.len;
	memset(&ur, 0, sizeof(ur));
	ur.b = &b;
	ur.rq = rq;
	if (lb_account_list(rq->v, on_user_row, &ur, &e) == -1)
		return ui_page_broken(rq, &b, e.msg);
	if (b.len == mark)
		ui_table_empty(&b, 6, "No users yet.");
	ui_table_end(&b);
	if (err != NULL && lb_arg(&rq->args, "role") != NULL)
		user_form(&b, rq, lb_arg(&rq->args, "name"), lb_arg(&rq->args,
		    "role"), lb_arg(&rq->args, "client"));
	else
		user_form(&b, rq, NULL, NULL, NULL);
	ui_page_end(&b);
	return ui_page_send(rq, status, &b);
}

enum MHD_Result
ui_users(struct web_req *rq)
{
	return users_page(rq, 200, NULL, NULL);
}

enum MHD_Result
ui_user_add(struct web_req *rq)
{
	struct lb_err	e;

	if (api_user_create(rq, &e) == -1)
		return users_page(rq, 422, "User not added: ", e.msg);
	return web_redirect(rq, "/users");
}

static enum MHD_Result
user_set(struct web_req *rq, int disabled)
{
	struct lb_err	e;

	if (api_user_set(rq, disabled, &e) == -1)
		return users_page(rq, 409, "User not changed: ", e.msg);
	return web_redirect(rq, "/users");
}

enum MHD_Result
ui_user_disable(struct web_req *rq)
{
	return user_set(rq, 1);
}

enum MHD_Result
ui_user_enable(struct web_req *rq)
{
	return user_set(rq, 0);
}
