/*
 * web_ui.c: the HTML pages of the web workspace (docs/web.md) and their
 * one built-in style sheet.
 *
 * Pages are rendered on the server, whole, with no JavaScript: the
 * Content-Security-Policy allows only our own style sheet and forms that
 * post back to us.  Every value that reaches a page from the vault or the
 * request goes through html() (or url() inside a link), so nothing a user
 * or an import wrote can become markup.  Every POST form carries the
 * session's CSRF token; the edge (web_server.c) checks it before a handler
 * runs.  The checks and library calls are the JSON API's (web_api.h), so
 * both doors answer alike; what this file adds is the rendering, and the
 * same rule as the API: a client sees only its own importer's shipments.
 *
 * A page is built in one bounded lb_buf; web_html checks it once.  When a
 * library call fails half-way the buffer is dropped and a short error page
 * answers instead.
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
#include "row.h"
#include "status.h"
#include "web.h"
#include "web_api.h"

#define PAGE_MAX		((size_t)4 << 20)
#define SHIPMENTS_PAGE		50
#define DEADLINES_PAGE		200
#define RECOVERY_ROWS		1000
#define FIELD_MAX		256

#define R_READ	(LB_ROLE_ADMIN | LB_ROLE_STAFF | LB_ROLE_AUDITOR)
#define R_WRITE	(LB_ROLE_ADMIN | LB_ROLE_STAFF)

/*
 * The style sheet.  Colours keep text at 4.5:1 or more against its
 * background; focus is always visible; tables scroll inside their own box
 * so a page fits a 320 px screen.
 */
static const char style_css[] =
	":root{color-scheme:light}\n"
	"*,*::before,*::after{box-sizing:border-box}\n"
	"html{font-size:100%}\n"
	"body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\","
	"Roboto,\"Helvetica Neue\",Arial,sans-serif;line-height:1.5;"
	"color:#1b1b1b;background:#fff}\n"
	"a{color:#0b4f9c}\n"
	"a:hover{color:#06325f}\n"
	":focus-visible{outline:3px solid #b34700;outline-offset:2px}\n"
	".skip{position:absolute;left:-10000px;top:0;background:#fff;"
	"color:#0b4f9c;padding:.5rem 1rem;z-index:10}\n"
	".skip:focus{left:1rem;top:1rem}\n"
	"header.top{display:flex;flex-wrap:wrap;align-items:center;"
	"gap:.5rem 1.5rem;padding:.75rem 1rem;background:#12344d;"
	"color:#fff}\n"
	"header.top a{color:#fff}\n"
	"header.top :focus-visible{outline-color:#ffd166}\n"
	".brand{font-weight:700;font-size:1.25rem;text-decoration:none;"
	"margin:0}\n"
	"nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;"
	"padding:0;list-style:none}\n"
	"nav a{text-decoration:none;padding:.25rem 0;"
	"border-bottom:3px solid transparent}\n"
	"nav a:hover{border-bottom-color:#9cc3e6}\n"
	"nav a[aria-current=page]{border-bottom-color:#fff;font-weight:700}\n"
	".who{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;"
	"margin-left:auto}\n"
	".who p{margin:0}\n"
	".who form{margin:0}\n"
	"main{max-width:80rem;margin:0 auto;padding:1rem}\n"
	"h1{font-size:1.75rem;margin:.5rem 0 1rem}\n"
	"h2{font-size:1.3rem;margin:2rem 0 .5rem}\n"
	"button{font:inherit;padding:.4rem 1rem;border:2px solid #0b4f9c;"
	"border-radius:4px;background:#0b4f9c;color:#fff;cursor:pointer}\n"
	"button:hover{background:#06325f;border-color:#06325f}\n"
	"header.top button{background:transparent;border-color:#fff}\n"
	"header.top button:hover{background:#fff;color:#12344d}\n"
	"input,select{font:inherit;padding:.35rem .5rem;border:2px solid "
	"#595959;border-radius:4px;background:#fff;color:#1b1b1b;"
	"max-width:100%}\n"
	"input[type=checkbox]{width:1.25rem;height:1.25rem;"
	"vertical-align:middle}\n"
	"label{font-weight:600}\n"
	"form.filters{display:flex;flex-wrap:wrap;align-items:flex-end;"
	"gap:.75rem 1rem;margin:0 0 1rem}\n"
	"form.filters div,form.stack div{display:flex;flex-direction:column;"
	"gap:.2rem}\n"
	"form.filters div.check{flex-direction:row;align-items:center;"
	"gap:.4rem}\n"
	"form.stack{display:flex;flex-direction:column;gap:.75rem;"
	"max-width:28rem}\n"
	"form.stack button{align-self:flex-start}\n"
	".hint{font-weight:400;color:#4a4a4a;font-size:.9rem}\n"
	".error{border-left:6px solid #b00020;background:#fdecee;"
	"color:#7a0016;padding:.5rem 1rem;font-weight:600}\n"
	".scroll{overflow-x:auto;margin:0 0 1rem}\n"
	"table{border-collapse:collapse;width:100%}\n"
	"caption{text-align:left;font-weight:700;padding:.25rem 0}\n"
	"th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;"
	"border-bottom:1px solid #c6c6c6}\n"
	"thead th{border-bottom:2px solid #1b1b1b;white-space:nowrap}\n"
	"td.num,th.num{text-align:right;white-space:nowrap}\n"
	"tbody tr:nth-child(even){background:#f4f6f8}\n"
	".state-overdue,.state-rejected,.state-stale,.state-low{"
	"font-weight:700;color:#9e0016}\n"
	".state-at_risk{font-weight:700;color:#7a4100}\n"
	"dl.fields{display:grid;grid-template-columns:minmax(9rem,max-content)"
	" 1fr;gap:.3rem 1rem;margin:0 0 1rem}\n"
	"dl.fields dt{font-weight:700}\n"
	"dl.fields dd{margin:0}\n"
	"ul.risks li{margin:.25rem 0}\n"
	"p.pager{display:flex;gap:1rem}\n"
	"form.inline{display:inline;margin:0}\n"
	"@media (max-width:40rem){dl.fields{grid-template-columns:1fr}"
	"dl.fields dd{margin-bottom:.5rem}.who{margin-left:0}}\n";

/* Escaping. */

static void
html(struct lb_buf *b, const char *s)
{
	if (s != NULL)
		lb_buf_add_html(b, s, strlen(s));
}

/*
 * Append n bytes of s percent-encoded for a path segment or a query value:
 * everything but the unreserved characters, so '/' becomes %2F and '&'
 * %26.  The result holds no HTML special character either.
 */
static void
url_n(struct lb_buf *b, const char *s, size_t n)
{
	static const char	hex[] = "0123456789ABCDEF";
	unsigned char		c;
	size_t			i;
	int			dots = n > 0 && n <= 2;

	/* A segment "." or ".." would be a dot-segment: escape its dots. */
	for (i = 0; i < n && dots; i++)
		dots = s[i] == '.';
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '~' || c == '.') && !dots) {
			lb_buf_addc(b, c);
			continue;
		}
		lb_buf_addc(b, '%');
		lb_buf_addc(b, hex[c >> 4]);
		lb_buf_addc(b, hex[c & 0xf]);
	}
}

static void
url(struct lb_buf *b, const char *s)
{
	if (s != NULL)
		url_n(b, s, strlen(s));
}

/* Append "?name=value", or "&amp;name=value" after the first. */
static void
query_add(struct lb_buf *b, int *first, const char *name, const char *val)
{
	if (val == NULL)
		return;
	lb_buf_adds(b, *first ? "?" : "&amp;");
	*first = 0;
	lb_buf_adds(b, name);
	lb_buf_addc(b, '=');
	url(b, val);
}

/* A status word for people: "in_transit" is "in transit". */
static void
word_n(struct lb_buf *b, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] == '_')
			lb_buf_addc(b, ' ');
		else
			lb_buf_add_html(b, s + i, 1);
}

static void
word(struct lb_buf *b, const char *s)
{
	if (s != NULL)
		word_n(b, s, strlen(s));
}

static void
money(struct lb_buf *b, int64_t cents)
{
	char	m[LB_MONEY_DISPLAY_STRLEN];

	lb_money_display(cents, m);
	lb_buf_adds(b, m);
}

/* A value of a row: text escaped, or nothing when NULL. */
static void
value_html(struct lb_buf *b, const struct lb_value *v)
{
	if (!v->null && v->s != NULL)
		lb_buf_add_html(b, v->s, v->len);
}

/* The page frame. */

static const struct {
	const char	*href;
	const char	*label;
	unsigned	 roles;
} nav_links[] = {
	{ "/", "Dashboard", R_READ },
	{ "/shipments", "Shipments", R_READ },
	{ "/shipments", "Your shipments", LB_ROLE_CLIENT },
	{ "/deadlines", "Deadlines", R_READ },
	{ "/recovery", "Recovery", R_READ },
	{ "/users", "Users", LB_ROLE_ADMIN },
};

/* Where a user starts: the dashboard, or a client's own shipments. */
static const char *
home_of(const struct web_req *rq)
{
	return rq->signed_in && rq->s.role == LB_CLIENT ? "/shipments" : "/";
}

static void
page_header(struct lb_buf *b, struct web_req *rq, const char *here)
{
	unsigned	role = web_role_bit(rq);
	size_t		i;

	/*
	 * Signed out there is nothing to skip or go to: the sign-in form's
	 * first field is the first thing the keyboard reaches.
	 */
	if (!rq->signed_in) {
		lb_buf_adds(b, "<header class=\"top\">\n<p class=\"brand\">"
		    "Lifeboat</p>\n</header>\n");
		return;
	}
	lb_buf_addf(b, "<a class=\"skip\" href=\"#main\">Skip to main content"
	    "</a>\n<header class=\"top\">\n<a class=\"brand\" href=\"%s\">"
	    "Lifeboat</a>\n", home_of(rq));
	lb_buf_adds(b, "<nav aria-label=\"Main\">\n<ul>\n");
	for (i = 0; i < sizeof(nav_links) / sizeof(nav_links[0]); i++) {
		if ((nav_links[i].roles & role) == 0)
			continue;
		lb_buf_addf(b, "<li><a href=\"%s\"%s>%s</a></li>\n",
		    nav_links[i].href, here != NULL &&
		    strcmp(here, nav_links[i].href) == 0 ?
		    " aria-current=\"page\"" : "", nav_links[i].label);
	}
	lb_buf_adds(b, "</ul>\n</nav>\n<div class=\"who\">\n<p>Signed in as "
	    "<strong id=\"user-name\">");
	html(b, rq->s.user);
	lb_buf_addf(b, "</strong> (<span id=\"user-role\">%s</span>)</p>\n",
	    lb_role_name(rq->s.role));
	lb_buf_adds(b, "<form method=\"post\" action=\"/logout\">"
	    "<input type=\"hidden\" name=\"csrf\" value=\"");
	html(b, rq->s.csrf);
	lb_buf_adds(b, "\"><button type=\"submit\">Sign out</button></form>\n"
	    "</div>\n</header>\n");
}

/*
 * Everything up to and including the page's one <h1>: the title, the
 * header (signed in: the skip link and the navigation, here naming this
 * page's nav link or NULL) and the opening of <main>.
 */
static void
page_begin(struct lb_buf *b, struct web_req *rq, const char *title,
    const char *here)
{
	/*
	 * The server's Referrer-Policy is same-origin: under no-referrer a
	 * browser posts forms with "Origin: null", which the edge refuses.
	 */
	lb_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	html(b, title);
	lb_buf_adds(b, " - Lifeboat</title>\n<link rel=\"stylesheet\" "
	    "href=\"/assets/style.css\">\n</head>\n<body>\n");
	page_header(b, rq, here);
	lb_buf_adds(b, "<main id=\"main\">\n<h1>");
	html(b, title);
	lb_buf_adds(b, "</h1>\n");
}

static void
page_end(struct lb_buf *b)
{
	lb_buf_adds(b, "</main>\n</body>\n</html>\n");
}

static void
alert(struct lb_buf *b, const char *lead, const char *msg)
{
	lb_buf_adds(b, "<p role=\"alert\" id=\"error\" class=\"error\">");
	html(b, lead);
	html(b, msg);
	lb_buf_adds(b, "</p>\n");
}

static void
csrf_field(struct lb_buf *b, struct web_req *rq)
{
	lb_buf_adds(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html(b, rq->s.csrf);
	lb_buf_adds(b, "\">\n");
}

/* Send the page and free its buffer. */
static enum MHD_Result
page_send(struct web_req *rq, unsigned status, struct lb_buf *b)
{
	enum MHD_Result	ret;

	ret = web_html(rq, status, b);
	lb_buf_free(b);
	return ret;
}

/* A page that only says what went wrong. */
static enum MHD_Result
page_error(struct web_req *rq, unsigned status, const char *title,
    const char *lead, const char *msg)
{
	struct lb_buf	b;

	lb_buf_init(&b, PAGE_MAX);
	page_begin(&b, rq, title, NULL);
	alert(&b, lead, msg);
	lb_buf_addf(&b, "<p><a href=\"%s\">Back to the start page</a></p>\n",
	    home_of(rq));
	page_end(&b);
	return page_send(rq, status, &b);
}

static enum MHD_Result
page_not_found(struct web_req *rq)
{
	return page_error(rq, 404, "Not found", NULL, "There is no such "
	    "shipment, or you may not see it.");
}

static enum MHD_Result
page_broken(struct web_req *rq, struct lb_buf *b, const char *msg)
{
	if (b != NULL)
		lb_buf_free(b);
	return page_error(rq, 500, "Something went wrong", "The vault cannot "
	    "be read: ", msg);
}

/* Tables. */

struct col {
	const char	*label;
	int		 num;		/* right-aligned figures */
};

/* Open a table with its caption, in a box that scrolls on small screens. */
static void
table_begin(struct lb_buf *b, const char *id, const char *caption,
    const struct col *cols, size_t ncols)
{
	size_t	i;

	lb_buf_addf(b, "<div class=\"scroll\" role=\"region\" "
	    "aria-labelledby=\"%s-caption\" tabindex=\"0\">\n<table id=\"%s\">"
	    "\n<caption id=\"%s-caption\">", id, id, id);
	html(b, caption);
	lb_buf_adds(b, "</caption>\n<thead>\n<tr>");
	for (i = 0; i < ncols; i++)
		lb_buf_addf(b, "<th scope=\"col\"%s>%s</th>", cols[i].num ?
		    " class=\"num\"" : "", cols[i].label);
	lb_buf_adds(b, "</tr>\n</thead>\n<tbody>\n");
}

static void
table_end(struct lb_buf *b)
{
	lb_buf_adds(b, "</tbody>\n</table>\n</div>\n");
}

static void
table_empty(struct lb_buf *b, size_t ncols, const char *msg)
{
	lb_buf_addf(b, "<tr><td colspan=\"%zu\">", ncols);
	html(b, msg);
	lb_buf_adds(b, "</td></tr>\n");
}

/* A cell holding a state word, marked for the style sheet as well. */
static void
state_cell(struct lb_buf *b, const char *state)
{
	lb_buf_adds(b, "<td><span class=\"state-");
	html(b, state);
	lb_buf_adds(b, "\">");
	word(b, state);
	lb_buf_adds(b, "</span>");
}

/* The link to a shipment's page, ref shown. */
static void
ship_link_n(struct lb_buf *b, const char *ref, size_t n)
{
	lb_buf_adds(b, "<a href=\"/shipments/");
	url_n(b, ref, n);
	lb_buf_adds(b, "\">");
	lb_buf_add_html(b, ref, n);
	lb_buf_adds(b, "</a>");
}

static void
ship_link(struct lb_buf *b, const char *ref)
{
	ship_link_n(b, ref, strlen(ref));
}

/* Options of a <select>, the one matching cur selected; "" is "Any". */
static void
select_options(struct lb_buf *b, const char *const *words, const char *cur,
    int any)
{
	size_t	i;

	if (any)
		lb_buf_addf(b, "<option value=\"\"%s>Any</option>\n",
		    cur == NULL ? " selected" : "");
	for (i = 0; words[i] != NULL; i++) {
		lb_buf_addf(b, "<option value=\"%s\"%s>", words[i],
		    cur != NULL && strcmp(cur, words[i]) == 0 ? " selected" :
		    "");
		word(b, words[i]);
		lb_buf_adds(b, "</option>\n");
	}
}

/* The style sheet. */

enum MHD_Result
ui_asset(struct web_req *rq)
{
	const char	*name = lb_arg(&rq->args, "name");

	if (name == NULL || strcmp(name, "style.css") != 0)
		return web_problem(rq, 404, "not found", NULL);
	return web_bytes(rq, 200, "text/css; charset=utf-8", style_css,
	    sizeof(style_css) - 1, NULL);
}

/* Signing in and out. */

static enum MHD_Result
login_page(struct web_req *rq, unsigned status, const char *user,
    const char *err)
{
	struct lb_buf	b;

	lb_buf_init(&b, PAGE_MAX);
	page_begin(&b, rq, "Sign in", NULL);
	if (err != NULL)
		alert(&b, NULL, err);
	lb_buf_adds(&b, "<form method=\"post\" action=\"/login\" "
	    "class=\"stack\">\n<div><label for=\"user\">User name</label>"
	    "<input id=\"user\" name=\"user\" autocomplete=\"username\" "
	    "autocapitalize=\"none\" spellcheck=\"false\" required");
	if (user != NULL) {
		lb_buf_adds(&b, " value=\"");
		html(&b, user);
		lb_buf_addc(&b, '"');
	}
	lb_buf_adds(&b, "></div>\n<div><label for=\"password\">Password</label>"
	    "<input id=\"password\" name=\"password\" type=\"password\" "
	    "autocomplete=\"current-password\" required></div>\n"
	    "<button type=\"submit\">Sign in</button>\n</form>\n");
	page_end(&b);
	return page_send(rq, status, &b);
}

enum MHD_Result
ui_login(struct web_req *rq)
{
	if (rq->signed_in)
		return web_redirect(rq, home_of(rq));
	return login_page(rq, 200, NULL, NULL);
}

enum MHD_Result
ui_login_post(struct web_req *rq)
{
	const char	*title;
	unsigned	 status;
	int		 rc;

	if ((rc = api_sign_in(rq, &status, &title)) == 0)
		return MHD_YES;		/* called again once checked */
	if (rc == 1)
		return web_redirect(rq, "/");
	return login_page(rq, status, lb_arg(&rq->args, "user"), title);
}

enum MHD_Result
ui_logout(struct web_req *rq)
{
	(void)lb_session_end(web_sessions(rq), rq->token, strlen(rq->token));
	web_event(rq, "logout", rq->s.user, NULL);
	web_clear_cookie(rq);
	return web_redirect(rq, "/login");
}

/* The dashboard. */

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
	else
		lb_buf_addf(b, "%" PRId64 " days", secs / 86400);
}

static void
dash_deadlines(struct lb_buf *b, const struct lb_agenda_totals *t)
{
	lb_buf_adds(b, "<h2 id=\"deadlines-h\">Deadlines</h2>\n"
	    "<dl class=\"fields\" id=\"deadline-counts\">\n");
	lb_buf_addf(b, "<dt>Overdue</dt><dd><span id=\"overdue\">%zu</span>",
	    t->n[LB_DL_OVERDUE]);
	if (t->n[LB_DL_OVERDUE] > 0) {
		lb_buf_adds(b, " (estimated exposure ");
		money(b, t->exposure_overdue);
		lb_buf_addc(b, ')');
	}
	lb_buf_addf(b, "</dd>\n<dt>At risk</dt><dd><span id=\"at-risk\">%zu"
	    "</span>", t->n[LB_DL_AT_RISK]);
	if (t->n[LB_DL_AT_RISK] > 0) {
		lb_buf_adds(b, " (estimated ");
		money(b, t->exposure_at_risk);
		lb_buf_adds(b, " if missed)");
	}
	lb_buf_adds(b, "</dd>\n</dl>\n<p><a href=\"/deadlines?at_risk=true\">"
	    "See the deadlines overdue and at risk</a></p>\n");
}

static void
dash_risks(struct lb_buf *b, const struct lb_status *st)
{
	size_t	i;

	lb_buf_adds(b, "<h2>Risks</h2>\n");
	if (st->nrisks == 0) {
		lb_buf_adds(b, "<p id=\"risks\">No risks found.</p>\n");
		return;
	}
	lb_buf_adds(b, "<ul id=\"risks\" class=\"risks\">\n");
	for (i = 0; i < st->nrisks; i++) {
		lb_buf_adds(b, "<li><strong>");
		html(b, st->risks[i].what);
		lb_buf_adds(b, "</strong>");
		if (st->risks[i].hint != NULL && st->risks[i].hint[0] != '\0') {
			lb_buf_adds(b, ": ");
			html(b, st->risks[i].hint);
		}
		lb_buf_adds(b, "</li>\n");
	}
	lb_buf_adds(b, "</ul>\n");
}

static void
dash_copy(struct lb_buf *b, const struct lb_status *st)
{
	static const struct col	cols[] = {
		{ "Kind", 0 }, { "Rows", 1 }, { "Last import", 0 },
		{ "Age", 1 }, { "State", 0 }
	};
	const struct lb_kind_status *k;
	char			 cap[96];
	size_t			 i;

	lb_buf_adds(b, "<h2>Copy of the main system</h2>\n");
	(void)snprintf(cap, sizeof(cap), "Each kind of data and its last "
	    "import (stale after %" PRId64 " hours)", st->stale_hours);
	table_begin(b, "copy", cap, cols, 5);
	for (i = 0; i < st->nkinds; i++) {
		k = &st->kinds[i];
		lb_buf_adds(b, "<tr><td>");
		html(b, k->kind);
		lb_buf_addf(b, "</td><td class=\"num\">%" PRId64 "</td><td>",
		    k->rows);
		if (k->imported) {
			html(b, k->last);
			lb_buf_adds(b, "</td><td class=\"num\">");
			age_text(b, k->age);
		} else
			lb_buf_adds(b, "never</td><td class=\"num\">none");
		lb_buf_adds(b, "</td>");
		state_cell(b, k->stale || !k->imported ? "stale" : "fresh");
		lb_buf_adds(b, "</td></tr>\n");
	}
	table_end(b);
}

static void
dash_reserve(struct lb_buf *b, const struct lb_status *st)
{
	static const struct col	cols[] = {
		{ "Filer code", 0 }, { "Numbers left", 1 }, { "State", 0 }
	};
	size_t			i;

	lb_buf_adds(b, "<h2>Entry numbers left</h2>\n");
	table_begin(b, "reserve", "Entry numbers left for downtime, per filer "
	    "code", cols, 3);
	for (i = 0; i < st->reserve.nfilers; i++) {
		lb_buf_adds(b, "<tr><td>");
		html(b, st->reserve.filer[i]);
		lb_buf_addf(b, "</td><td class=\"num\">%" PRId64 "</td>",
		    st->reserve.left[i]);
		state_cell(b, st->reserve.left[i] < st->entry_low ? "low" :
		    "enough");
		lb_buf_adds(b, "</td></tr>\n");
	}
	if (st->reserve.nfilers == 0)
		table_empty(b, 3, "No entry numbers are reserved.");
	table_end(b);
}

static void
dash_recovery(struct lb_buf *b, const struct rcount *rc)
{
	static const struct col	cols[] = { { "State", 0 }, { "Tasks", 1 } };
	size_t			i;

	lb_buf_adds(b, "<h2>Recovery queue</h2>\n");
	table_begin(b, "recovery-states", "Work to key into ACE when it is "
	    "back, by state", cols, 2);
	for (i = 0; task_states[i] != NULL; i++) {
		lb_buf_addf(b, "<tr><td><a href=\"/recovery?state=%s\">%s</a>"
		    "</td><td class=\"num\">%" PRId64 "</td></tr>\n",
		    task_states[i], task_states[i], rc->n[i]);
	}
	table_end(b);
	lb_buf_adds(b, "<p><a href=\"/recovery\">Open the recovery queue</a>"
	    "</p>\n");
}

static void
dash_shipments(struct lb_buf *b, const struct lb_status *st)
{
	static const struct col	cols[] = {
		{ "Status", 0 }, { "Shipments", 1 }
	};
	size_t			i;

	lb_buf_adds(b, "<h2>Shipments</h2>\n");
	table_begin(b, "by-status", "Shipments by status", cols, 2);
	for (i = 0; lb_shipment_statuses[i] != NULL && i < 8; i++) {
		lb_buf_addf(b, "<tr><td><a href=\"/shipments?status=%s\">",
		    lb_shipment_statuses[i]);
		word(b, lb_shipment_statuses[i]);
		lb_buf_addf(b, "</a></td><td class=\"num\">%" PRId64
		    "</td></tr>\n", st->by_status[i]);
	}
	table_end(b);
}

enum MHD_Result
ui_home(struct web_req *rq)
{
	struct lb_agenda_totals	 t;
	struct lb_status	*st;
	struct rcount		 rc;
	struct lb_buf		 b;
	char			 ts[LB_TIME_STRLEN];

	if (rq->s.role == LB_CLIENT)
		return web_redirect(rq, "/shipments");
	if ((st = calloc(1, sizeof(*st))) == NULL)
		return page_error(rq, 500, "Something went wrong", NULL,
		    "Out of memory.");
	memset(&rc, 0, sizeof(rc));
	/* The status, deadline totals and recovery counts are cached. */
	if (web_status(rq, st, &t, rc.n) == -1) {
		free(st);
		return page_broken(rq, NULL, "the vault cannot be read");
	}
	lb_buf_init(&b, PAGE_MAX);
	page_begin(&b, rq, "Dashboard", "/");
	lb_time_format(rq->now, ts);
	lb_buf_adds(&b, "<p>As of ");
	html(&b, ts);
	lb_buf_adds(&b, " (UTC).</p>\n");
	dash_deadlines(&b, &t);
	dash_risks(&b, st);
	dash_copy(&b, st);
	dash_reserve(&b, st);
	dash_recovery(&b, &rc);
	dash_shipments(&b, st);
	page_end(&b);
	free(st);
	return page_send(rq, 200, &b);
}

/* Shipments. */

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
		html(b, name);
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

	if (n < 9)
		return -1;
	r->n++;
	lb_buf_adds(b, "<tr><td>");
	if (!v[0].null && v[0].s != NULL)
		ship_link_n(b, v[0].s, v[0].len);
	lb_buf_adds(b, "</td><td>");
	value_html(b, &v[1]);
	lb_buf_adds(b, "</td><td>");
	if (!v[2].null && v[2].s != NULL)
		word_n(b, v[2].s, v[2].len);
	lb_buf_adds(b, "</td><td>");
	mode_text(b, &v[3]);
	lb_buf_adds(b, "</td><td>");
	if (v[4].null)
		lb_buf_adds(b, "none yet");
	else
		value_html(b, &v[4]);
	lb_buf_adds(b, "</td><td>");
	value_html(b, &v[6]);
	lb_buf_adds(b, "</td><td>");
	value_html(b, &v[7]);
	lb_buf_adds(b, "</td><td>");
	value_html(b, &v[8]);
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

static void
ship_filters(struct lb_buf *b, struct web_req *rq)
{
	const char	*q = lb_arg(&rq->args, "q");
	const char	*imp = lb_arg(&rq->args, "importer");

	lb_buf_adds(b, "<form method=\"get\" action=\"/shipments\" "
	    "class=\"filters\" role=\"search\">\n<div><label for=\"q\">Search"
	    "</label><input id=\"q\" name=\"q\" maxlength=\"35\"");
	if (q != NULL) {
		lb_buf_adds(b, " value=\"");
		html(b, q);
		lb_buf_addc(b, '"');
	}
	lb_buf_adds(b, "></div>\n<div><label for=\"status\">Status</label>"
	    "<select id=\"status\" name=\"status\">\n");
	select_options(b, ship_statuses, lb_arg(&rq->args, "status"), 1);
	lb_buf_adds(b, "</select></div>\n");
	if (rq->s.role != LB_CLIENT) {
		lb_buf_adds(b, "<div><label for=\"importer\">Importer number"
		    "</label><input id=\"importer\" name=\"importer\" "
		    "maxlength=\"16\"");
		if (imp != NULL) {
			lb_buf_adds(b, " value=\"");
			html(b, imp);
			lb_buf_addc(b, '"');
		}
		lb_buf_adds(b, "></div>\n");
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
	int	first = 1;

	lb_buf_addf(b, "<a %shref=\"/shipments", attrs);
	query_add(b, &first, "cursor", cursor);
	query_add(b, &first, "q", lb_arg(&rq->args, "q"));
	query_add(b, &first, "status", lb_arg(&rq->args, "status"));
	query_add(b, &first, "importer", lb_arg(&rq->args, "importer"));
	query_add(b, &first, "limit", lb_arg(&rq->args, "limit"));
	lb_buf_addf(b, "\">%s</a> ", label);
}

enum MHD_Result
ui_shipments(struct web_req *rq)
{
	static const struct col	cols[] = {
		{ "Ref", 0 }, { "Importer", 0 }, { "Status", 0 }, { "Mode", 0 },
		{ "Entry number", 0 }, { "Port", 0 }, { "Arrival", 0 },
		{ "Release", 0 }
	};
	struct ship_rows	 r;
	struct lb_buf		 b;
	struct lb_err		 e;
	char			 next[90];
	const char		*title;

	title = rq->s.role == LB_CLIENT ? "Your shipments" : "Shipments";
	lb_buf_init(&b, PAGE_MAX);
	page_begin(&b, rq, title, "/shipments");
	ship_filters(&b, rq);
	table_begin(&b, "shipments", rq->s.role == LB_CLIENT ? "Your "
	    "shipments, by reference" : "Shipments, by reference", cols, 8);
	memset(&r, 0, sizeof(r));
	r.b = &b;
	if (api_shipments_page(rq, api_limit(rq, SHIPMENTS_PAGE), next,
	    sizeof(next), on_ship_row, &r, &e) == -1) {
		lb_buf_free(&b);
		return page_error(rq, 400, title, NULL, e.msg);
	}
	if (r.n == 0)
		table_empty(&b, 8, "No shipments match.");
	table_end(&b);
	if (next[0] != '\0' || lb_arg(&rq->args, "cursor") != NULL) {
		lb_buf_adds(&b, "<p class=\"pager\">");
		if (lb_arg(&rq->args, "cursor") != NULL)
			ship_page_link(&b, rq, NULL, "", "First page");
		if (next[0] != '\0')
			ship_page_link(&b, rq, next,
			    "id=\"next\" rel=\"next\" ", "Next page");
		lb_buf_adds(&b, "</p>\n");
	}
	page_end(&b);
	return page_send(rq, 200, &b);
}

/* One shipment. */

enum fmt {
	F_TEXT,
	F_WORD,		/* a status word */
	F_MONEY,
	F_MODE,
	F_ETYPE,
	F_INT
};

/* The fields of a shipment shown, in order; always: shown even when NULL. */
static const struct field {
	const char	*col;
	const char	*label;
	enum fmt	 fmt;
	const char	*none;		/* shown when NULL, or skip */
} ship_fields[] = {
	{ "status", "Status", F_WORD, "not recorded" },
	{ "importer_number", "Importer", F_TEXT, "not recorded" },
	{ "entry_number", "Entry number", F_TEXT, "none yet" },
	{ "entry_type", "Entry type", F_ETYPE, "not recorded" },
	{ "mode", "Mode of transport", F_MODE, "not recorded" },
	{ "port_entry", "Port of entry", F_TEXT, "not recorded" },
	{ "port_unlading", "Port of unlading", F_TEXT, NULL },
	{ "arrival_date", "Arrival", F_TEXT, "not recorded" },
	{ "entry_date", "Entry date", F_TEXT, NULL },
	{ "release_date", "Release", F_TEXT, "not released" },
	{ "summary_date", "Entry summary filed", F_TEXT, NULL },
	{ "entered_value", "Entered value", F_MONEY, "not recorded" },
	{ "carrier_scac", "Carrier", F_TEXT, NULL },
	{ "bill", "Bill of lading or air waybill", F_TEXT, "not recorded" },
	{ "house_bill", "House bill", F_TEXT, NULL },
	{ "conveyance", "Vessel or conveyance", F_TEXT, NULL },
	{ "trip", "Voyage, flight or trip", F_TEXT, NULL },
	{ "it_number", "In-bond number", F_TEXT, NULL },
	{ "location_of_goods", "Location of goods (FIRMS)", F_TEXT, NULL },
	{ "country_origin", "Country of origin", F_TEXT, NULL },
	{ "gross_weight_kg", "Gross weight (kg)", F_INT, NULL },
	{ "pga_flags", "Partner government agencies", F_TEXT, NULL },
	{ "description", "Description of goods", F_TEXT, NULL },
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
	char	client[128];	/* the importer's name */
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
	return 0;
}

static int
on_client(void *arg, const struct lb_value *v, const unsigned char *dg,
    size_t dlen)
{
	struct ship_view	*sv = arg;
	int			 c;

	if ((c = lb_kind_col(lb_kind_get("clients"), "name")) >= 0)
		lb_value_copy(&v[c], sv->client, sizeof(sv->client));
	return 0;
}

static void
ship_fields_html(struct lb_buf *b, const struct ship_view *sv)
{
	size_t	i;

	lb_buf_adds(b, "<dl class=\"fields\" id=\"shipment\">\n");
	for (i = 0; i < NSHIP_FIELDS; i++) {
		if (!sv->has[i] && ship_fields[i].none == NULL)
			continue;
		lb_buf_addf(b, "<dt>%s</dt><dd id=\"f-%s\">",
		    ship_fields[i].label, ship_fields[i].col);
		if (!sv->has[i])
			lb_buf_adds(b, ship_fields[i].none);
		else if (ship_fields[i].fmt == F_WORD)
			word(b, sv->val[i]);
		else
			html(b, sv->val[i]);
		if (strcmp(ship_fields[i].col, "importer_number") == 0 &&
		    sv->client[0] != '\0') {
			lb_buf_adds(b, ", ");
			html(b, sv->client);
		}
		lb_buf_adds(b, "</dd>\n");
	}
	lb_buf_adds(b, "</dl>\n");
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
		money(b, v->i);
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
			value_html(b, &v[c]);
		lb_buf_adds(b, "</td>");
	}
	lb_buf_adds(b, "<td class=\"num\">");
	if ((c = lb_kind_col(k, "quantity")) >= 0 && !v[c].null) {
		value_html(b, &v[c]);
		if ((c = lb_kind_col(k, "unit")) >= 0 && !v[c].null) {
			lb_buf_addc(b, ' ');
			value_html(b, &v[c]);
		}
	}
	lb_buf_adds(b, "</td>");
	if ((c = lb_kind_col(k, "value")) >= 0)
		money_cell(b, &v[c]);
	lb_buf_adds(b, "<td>");
	if ((c = lb_kind_col(k, "duty_rate")) >= 0)
		value_html(b, &v[c]);
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
	static const struct col	cols[] = {
		{ "Line", 1 }, { "HTS number", 0 }, { "Description", 0 },
		{ "Origin", 0 }, { "Quantity", 1 }, { "Value", 1 },
		{ "Duty rate", 0 }, { "Duty", 1 }
	};
	struct line_rows	r;

	memset(&r, 0, sizeof(r));
	r.b = b;
	lb_buf_adds(b, "<h2>Lines</h2>\n");
	table_begin(b, "lines", "Invoice lines of this shipment", cols, 8);
	if (rq->v->st->ops->rows_by(rq->v->st, lb_kind_get("lines"), ref,
	    strlen(ref), on_line_row, &r, e) == -1)
		return -1;
	if (r.n == 0)
		table_empty(b, 8, "No lines recorded.");
	table_end(b);
	return 0;
}

/* Exposure of a deadline: the estimate, or why there is none. */
static void
exposure_html(struct lb_buf *b, const struct lb_deadline *d)
{
	if (d->covered != NULL) {
		lb_buf_adds(b, "none: covered by relief ");
		html(b, d->covered->id);
	} else if (d->exposure_cents >= 0) {
		money(b, d->exposure_cents);
		if (d->if_missed)
			lb_buf_adds(b, " if missed");
	} else
		lb_buf_adds(b, "none");
}

/* The state of a deadline in words, with the time left. */
static void
dl_state_html(struct lb_buf *b, const struct lb_deadline *d)
{
	state_cell(b, lb_dl_state_name(d->state));
	if (d->state == LB_DL_OVERDUE && d->late_days > 0)
		lb_buf_addf(b, ", %" PRId64 " day%s late", d->late_days,
		    d->late_days == 1 ? "" : "s");
	else if ((d->state == LB_DL_AT_RISK || d->state == LB_DL_OK) &&
	    d->left_workdays >= 0)
		lb_buf_addf(b, ", %" PRId64 " working day%s left",
		    d->left_workdays, d->left_workdays == 1 ? "" : "s");
	if (d->extended != NULL) {
		lb_buf_adds(b, " (extended by relief ");
		html(b, d->extended->id);
		lb_buf_addc(b, ')');
	}
	lb_buf_adds(b, "</td>");
}

static void
due_html(struct lb_buf *b, const struct lb_deadline *d)
{
	char	t[LB_TIME_STRLEN];

	if (d->kind == LB_DL_CLOCK) {
		lb_time_format(d->due_at, t);
		if (strlen(t) >= 16) {
			t[10] = ' ';
			t[16] = '\0';
		}
		html(b, t);
		lb_buf_adds(b, " UTC");
	} else {
		lb_date_format(d->due_day, t);
		html(b, t);
	}
}

/* The deadlines of a released shipment. */
static int
ship_deadlines(struct lb_buf *b, struct web_req *rq, const char *ref,
    const struct ship_view *sv, struct lb_err *e)
{
	static const struct col	cols[] = {
		{ "What", 0 }, { "Due", 0 }, { "State", 0 }, { "Exposure", 1 }
	};
	struct lb_agenda_opts	 o;
	struct lb_agenda_item	 it;
	struct lb_agenda	*a;
	size_t			 i, n, shown = 0;

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
	table_begin(b, "ship-deadlines", "Deadlines of this shipment", cols,
	    4);
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
		html(b, it.what);
		lb_buf_adds(b, "</td><td>");
		due_html(b, &it.d);
		lb_buf_adds(b, "</td>");
		dl_state_html(b, &it.d);
		lb_buf_adds(b, "<td class=\"num\">");
		exposure_html(b, &it.d);
		lb_buf_adds(b, "</td></tr>\n");
	}
	lb_agenda_free(a);
	if (shown == 0)
		table_empty(b, 4, "No deadlines for this shipment.");
	table_end(b);
	return 0;
}

static void
ship_actions(struct lb_buf *b, struct web_req *rq, const char *ref,
    const struct ship_view *sv)
{
	unsigned	role = web_role_bit(rq);
	int		code;

	if ((role & R_READ) == 0)
		return;		/* clients see no actions */
	if (sv->entry[0] == '\0' && (role & R_WRITE) == 0)
		return;
	lb_buf_adds(b, "<h2>Actions</h2>\n");
	if (sv->entry[0] == '\0') {
		lb_buf_adds(b, "<form method=\"post\" action=\"/shipments/");
		url(b, ref);
		lb_buf_adds(b, "/entry\" id=\"draw\">\n");
		csrf_field(b, rq);
		lb_buf_adds(b, "<p>This shipment has no entry number.  Draw "
		    "the next one from the downtime reserve; its entry type "
		    "goes on the release pack.</p>\n<p><label for=\""
		    "entry_type\">Entry type</label>\n<select id=\"entry_type\" "
		    "name=\"entry_type\">\n");
		for (code = 1; code < 100; code++) {
			if (!lb_entry_type_valid(code) ||
			    lb_entry_type_closed(code))
				continue;
			lb_buf_addf(b, "<option value=\"%d\"%s>%02d %s</option>\n",
			    code, code == 1 ? " selected" : "", code,
			    lb_entry_type_name(code));
		}
		lb_buf_adds(b, "</select></p>\n<button type=\"submit\">Draw "
		    "entry number</button>\n</form>\n");
		return;
	}
	lb_buf_adds(b, "<p><a href=\"/shipments/");
	url(b, ref);
	lb_buf_adds(b, "/pack\" id=\"pack\">Download release pack (PDF)</a>"
	    "</p>\n");
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
		return page_error(rq, 500, "Something went wrong", NULL,
		    "Out of memory.");
	if (rq->v->st->ops->get_row(rq->v->st, lb_kind_get("shipments"), ref,
	    strlen(ref), on_ship_view, sv, &e) == -1) {
		free(sv);
		return page_broken(rq, NULL, e.msg);
	}
	if (!sv->found || !web_may_see(rq, sv->importer)) {
		free(sv);
		return page_not_found(rq);
	}
	if (sv->importer[0] != '\0' && rq->v->st->ops->get_row(rq->v->st,
	    lb_kind_get("clients"), sv->importer, strlen(sv->importer),
	    on_client, sv, &e) == -1) {
		free(sv);
		return page_broken(rq, NULL, e.msg);
	}
	(void)snprintf(title, sizeof(title), "Shipment %s", ref);
	lb_buf_init(&b, PAGE_MAX);
	page_begin(&b, rq, title, NULL);
	if (err != NULL)
		alert(&b, lead, err);
	ship_fields_html(&b, sv);
	ship_actions(&b, rq, ref, sv);
	if (ui_ship_decisions(&b, rq, ref, &e) == -1) {
		free(sv);
		return page_broken(rq, &b, e.msg);
	}
	if (ship_lines(&b, rq, ref, &e) == -1 ||
	    ship_deadlines(&b, rq, ref, sv, &e) == -1) {
		free(sv);
		return page_broken(rq, &b, e.msg);
	}
	lb_buf_addf(&b, "<p><a href=\"/shipments\">Back to %s shipments</a>"
	    "</p>\n", rq->s.role == LB_CLIENT ? "your" : "the");
	page_end(&b);
	free(sv);
	return page_send(rq, status, &b);
}

enum MHD_Result
ui_shipment(struct web_req *rq)
{
	const char	*ref = lb_arg(&rq->args, "ref");
	struct lb_err	 e;
	int		 rc;

	if ((rc = api_shipment_visible(rq, ref, &e)) == -1)
		return page_broken(rq, NULL, e.msg);
	if (rc == 0)
		return page_not_found(rq);
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
		return page_broken(rq, NULL, e.msg);
	if (rc == 0)
		return page_not_found(rq);
	if (api_draw_number(rq, number, &e) != 0)
		return ship_page(rq, ref, 409, "No entry number drawn: ",
		    e.msg);
	lb_buf_init(&loc, 512);
	lb_buf_adds(&loc, "/shipments/");
	url(&loc, ref);
	if (lb_buf_error(&loc) != 0) {
		lb_buf_free(&loc);
		return page_error(rq, 500, "Something went wrong", NULL,
		    "Out of memory.");
	}
	ret = web_redirect(rq, lb_buf_cstr(&loc));
	lb_buf_free(&loc);
	return ret;
}

/* Deadlines. */

static void
dl_filters(struct lb_buf *b, struct web_req *rq)
{
	const char	*r = lb_arg(&rq->args, "at_risk");
	const char	*d = lb_arg(&rq->args, "as_of");
	const char	*imp = lb_arg(&rq->args, "importer");

	lb_buf_adds(b, "<form method=\"get\" action=\"/deadlines\" "
	    "class=\"filters\">\n<div class=\"check\"><input type=\"checkbox\""
	    " id=\"at_risk\" name=\"at_risk\" value=\"true\"");
	if (r != NULL && strcmp(r, "true") == 0)
		lb_buf_adds(b, " checked");
	lb_buf_adds(b, "><label for=\"at_risk\">Only overdue and at risk"
	    "</label></div>\n<div><label for=\"as_of\">As of <span "
	    "class=\"hint\">(empty: today)</span></label><input "
	    "type=\"date\" id=\"as_of\" name=\"as_of\"");
	if (d != NULL) {
		lb_buf_adds(b, " value=\"");
		html(b, d);
		lb_buf_addc(b, '"');
	}
	lb_buf_adds(b, "></div>\n<div><label for=\"importer\">Importer number"
	    "</label><input id=\"importer\" name=\"importer\" "
	    "maxlength=\"16\"");
	if (imp != NULL) {
		lb_buf_adds(b, " value=\"");
		html(b, imp);
		lb_buf_addc(b, '"');
	}
	lb_buf_adds(b, "></div>\n<button type=\"submit\">Show</button>\n"
	    "</form>\n");
}

static void
dl_totals(struct lb_buf *b, const struct lb_agenda_totals *t, size_t n,
    int64_t as_of)
{
	char	ts[LB_TIME_STRLEN];

	lb_time_format(as_of, ts);
	lb_buf_addf(b, "<p id=\"totals\">%zu deadline%s listed, as of ", n,
	    n == 1 ? "" : "s");
	html(b, ts);
	lb_buf_addf(b, " (UTC).  Of all deadlines: <strong>%zu overdue"
	    "</strong>, <strong>%zu at risk</strong>, %zu on time, %zu met, "
	    "%zu covered by relief.", t->n[LB_DL_OVERDUE], t->n[LB_DL_AT_RISK],
	    t->n[LB_DL_OK], t->n[LB_DL_MET], t->n[LB_DL_COVERED]);
	if (t->n[LB_DL_OVERDUE] > 0 || t->n[LB_DL_AT_RISK] > 0) {
		lb_buf_adds(b, " Estimated exposure: ");
		money(b, t->exposure_overdue);
		lb_buf_adds(b, " overdue, ");
		money(b, t->exposure_at_risk);
		lb_buf_adds(b, " more if those at risk are missed.");
	}
	lb_buf_adds(b, "</p>\n");
}

static void
dl_row(struct lb_buf *b, const struct lb_agenda_item *it)
{
	lb_buf_adds(b, "<tr><td>");
	due_html(b, &it->d);
	lb_buf_adds(b, "</td>");
	dl_state_html(b, &it->d);
	lb_buf_adds(b, "<td>");
	html(b, it->what);
	lb_buf_adds(b, "</td><td>");
	if (it->d.kind == LB_DL_CLOCK)
		html(b, it->subject);
	else
		ship_link(b, it->subject);
	lb_buf_adds(b, "</td><td>");
	html(b, it->importer);
	lb_buf_adds(b, "</td><td>");
	html(b, it->entry);
	lb_buf_adds(b, "</td><td class=\"num\">");
	exposure_html(b, &it->d);
	lb_buf_adds(b, "</td></tr>\n");
}

/* The link to the deadlines page from index from, the filters kept. */
static void
dl_link(struct lb_buf *b, struct web_req *rq, size_t from, const char *id,
    const char *label)
{
	char	cur[24];
	int	first = 1;

	lb_buf_addf(b, "<a id=\"%s\" href=\"/deadlines", id);
	if (from > 0) {
		(void)snprintf(cur, sizeof(cur), "%zu", from);
		query_add(b, &first, "cursor", cur);
	}
	query_add(b, &first, "at_risk", lb_arg(&rq->args, "at_risk"));
	query_add(b, &first, "as_of", lb_arg(&rq->args, "as_of"));
	query_add(b, &first, "importer", lb_arg(&rq->args, "importer"));
	query_add(b, &first, "limit", lb_arg(&rq->args, "limit"));
	lb_buf_addf(b, "\">%s</a>", label);
}

/* The "cursor" argument of the deadlines: an index, as digits. */
static int
dl_cursor(struct web_req *rq, size_t *from)
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

enum MHD_Result
ui_deadlines(struct web_req *rq)
{
	static const struct col	cols[] = {
		{ "Due", 0 }, { "State", 0 }, { "What", 0 }, { "Subject", 0 },
		{ "Importer", 0 }, { "Entry", 0 }, { "Exposure", 1 }
	};
	struct lb_agenda_item	 it;
	struct lb_agenda	*a;
	struct lb_buf		 b;
	struct lb_err		 e;
	int64_t			 as_of;
	size_t			 i, from, n, limit;

	if (dl_cursor(rq, &from) == -1)
		return page_error(rq, 400, "Deadlines", NULL, "This page "
		    "link is not one the server gave.");
	if (api_agenda(rq, &a, &as_of, &e) == -1)
		return page_broken(rq, NULL, e.msg);
	limit = api_limit(rq, DEADLINES_PAGE);
	n = lb_agenda_count(a);
	lb_buf_init(&b, PAGE_MAX);
	page_begin(&b, rq, "Deadlines", "/deadlines");
	dl_filters(&b, rq);
	dl_totals(&b, lb_agenda_totals(a), n, as_of);
	table_begin(&b, "deadlines", "Deadlines by due date", cols, 7);
	for (i = from; i < n && i < from + limit; i++) {
		if (lb_agenda_get(a, i, &it, &e) == -1) {
			lb_agenda_free(a);
			return page_broken(rq, &b, e.msg);
		}
		dl_row(&b, &it);
	}
	lb_agenda_free(a);
	if (i == from)
		table_empty(&b, 7, "No deadlines match.");
	table_end(&b);
	if (from > 0 || i < n) {
		lb_buf_addf(&b, "<p class=\"pager\">Showing %zu to %zu of %zu.",
		    i > from ? from + 1 : from, i, n);
		if (from > 0) {
			lb_buf_addc(&b, ' ');
			dl_link(&b, rq, 0, "first", "First page");
		}
		if (i < n) {
			lb_buf_addc(&b, ' ');
			dl_link(&b, rq, i, "next", "Next page");
		}
		lb_buf_adds(&b, "</p>\n");
	}
	page_end(&b);
	return page_send(rq, 200, &b);
}

/* The recovery queue. */

struct rec_rows {
	struct lb_buf	*b;
	size_t		 n;
	int		 more;		/* stopped at RECOVERY_ROWS */
};

static int
on_rec_row(void *arg, const struct lb_recovery_item *it)
{
	struct rec_rows	*r = arg;
	struct lb_buf	*b = r->b;

	if (r->n >= RECOVERY_ROWS) {
		r->more = 1;
		return -1;
	}
	r->n++;
	lb_buf_adds(b, "<tr><td>");
	ship_link(b, it->ref);
	lb_buf_adds(b, "</td><td>");
	html(b, it->task);
	lb_buf_adds(b, "</td><td>");
	html(b, it->entry);
	lb_buf_adds(b, "</td>");
	state_cell(b, it->state);
	lb_buf_adds(b, "</td><td>");
	html(b, it->reason);
	lb_buf_adds(b, "</td><td>");
	html(b, it->at[0] != '\0' ? it->at : "not yet");
	lb_buf_adds(b, "</td><td>");
	html(b, it->actor);
	lb_buf_adds(b, "</td></tr>\n");
	return 0;
}

enum MHD_Result
ui_recovery(struct web_req *rq)
{
	static const struct col	cols[] = {
		{ "Ref", 0 }, { "Task", 0 }, { "Entry", 0 }, { "State", 0 },
		{ "Reason", 0 }, { "When", 0 }, { "By", 0 }
	};
	const char		*state = lb_arg(&rq->args, "state");
	struct rec_rows		 r;
	struct lb_buf		 b;
	struct lb_err		 e;

	lb_buf_init(&b, PAGE_MAX);
	page_begin(&b, rq, "Recovery queue", "/recovery");
	lb_buf_adds(&b, "<p>Work to key into ACE when it is back: the release, "
	    "the entry summary and the statement of each shipment released on "
	    "downtime paperwork.</p>\n<form method=\"get\" "
	    "action=\"/recovery\" class=\"filters\">\n<div><label "
	    "for=\"state\">State</label><select id=\"state\" "
	    "name=\"state\">\n");
	select_options(&b, task_states, state, 1);
	lb_buf_adds(&b, "</select></div>\n<button type=\"submit\">Show</button>"
	    "\n</form>\n");
	table_begin(&b, "recovery", "Recovery tasks, by shipment", cols, 7);
	memset(&r, 0, sizeof(r));
	r.b = &b;
	if (lb_recovery_list(rq->v, state, on_rec_row, &r, &e) == -1 &&
	    !r.more)
		return page_broken(rq, &b, e.msg);
	if (r.n == 0)
		table_empty(&b, 7, state != NULL ? "No tasks in this state." :
		    "No recovery tasks.");
	table_end(&b);
	if (r.more)
		lb_buf_addf(&b, "<p id=\"more\">Showing the first %d tasks "
		    "only: choose a state to narrow the list.</p>\n",
		    RECOVERY_ROWS);
	page_end(&b);
	return page_send(rq, 200, &b);
}

/* Users. */

static const char *const role_words[] = {
	"admin", "staff", "client", "auditor", NULL
};

struct user_rows {
	struct lb_buf	*b;
	struct web_req	*rq;
};

static int
on_user_row(void *arg, const struct lb_account *a)
{
	struct user_rows	*ur = arg;
	struct lb_buf		*b = ur->b;
	const char		*verb = a->disabled ? "enable" : "disable";

	lb_buf_adds(b, "<tr><td>");
	html(b, a->name);
	lb_buf_adds(b, "</td><td>");
	html(b, lb_role_name(a->role));
	lb_buf_adds(b, "</td><td>");
	html(b, a->importer);
	lb_buf_adds(b, "</td>");
	state_cell(b, a->disabled ? "disabled" : "active");
	lb_buf_adds(b, "</td><td>");
	html(b, a->at);
	lb_buf_adds(b, "</td><td>");
	if (strcmp(a->name, ur->rq->s.user) != 0) {
		/* One small form per row; no way to lock oneself out. */
		lb_buf_adds(b, "<form method=\"post\" action=\"/users/");
		url(b, a->name);
		lb_buf_addf(b, "/%s\" class=\"inline\">", verb);
		csrf_field(b, ur->rq);
		lb_buf_addf(b, "<button type=\"submit\" aria-label=\"%s ",
		    a->disabled ? "Enable" : "Disable");
		html(b, a->name);
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
	csrf_field(b, rq);
	lb_buf_adds(b, "<div><label for=\"name\">User name <span "
	    "class=\"hint\">(a-z, 0-9, dot, dash, underscore)</span></label>"
	    "<input id=\"name\" name=\"name\" autocomplete=\"off\" "
	    "autocapitalize=\"none\" spellcheck=\"false\" maxlength=\"32\" "
	    "required");
	if (name != NULL) {
		lb_buf_adds(b, " value=\"");
		html(b, name);
		lb_buf_addc(b, '"');
	}
	lb_buf_adds(b, "></div>\n<div><label for=\"role\">Role</label><select "
	    "id=\"role\" name=\"role\" required>\n");
	select_options(b, role_words, role != NULL ? role : "staff", 0);
	lb_buf_adds(b, "</select></div>\n<div><label for=\"client\">Client "
	    "importer number <span class=\"hint\" id=\"client-hint\">(clients "
	    "only)</span></label><input id=\"client\" name=\"client\" "
	    "maxlength=\"16\" aria-describedby=\"client-hint\"");
	if (client != NULL) {
		lb_buf_adds(b, " value=\"");
		html(b, client);
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
	static const struct col	cols[] = {
		{ "Name", 0 }, { "Role", 0 }, { "Importer", 0 }, { "State", 0 },
		{ "Last change", 0 }, { "Action", 0 }
	};
	struct lb_buf		b;
	struct lb_err		e;
	struct user_rows	ur;
	size_t			mark;

	lb_buf_init(&b, PAGE_MAX);
	page_begin(&b, rq, "Users", "/users");
	if (err != NULL)
		alert(&b, lead, err);
	table_begin(&b, "users", "The people who may sign in", cols, 6);
	mark = b.len;
	ur.b = &b;
	ur.rq = rq;
	if (lb_account_list(rq->v, on_user_row, &ur, &e) == -1)
		return page_broken(rq, &b, e.msg);
	if (b.len == mark)
		table_empty(&b, 6, "No users yet.");
	table_end(&b);
	if (err != NULL && lb_arg(&rq->args, "role") != NULL)
		user_form(&b, rq, lb_arg(&rq->args, "name"), lb_arg(&rq->args,
		    "role"), lb_arg(&rq->args, "client"));
	else
		user_form(&b, rq, NULL, NULL, NULL);
	page_end(&b);
	return page_send(rq, status, &b);
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

/* For the other page files (web_ui_ship.c). */

void
ui_put_html(struct lb_buf *b, const char *s)
{
	html(b, s);
}

void
ui_put_url(struct lb_buf *b, const char *s)
{
	url(b, s);
}

void
ui_put_csrf(struct lb_buf *b, struct web_req *rq)
{
	csrf_field(b, rq);
}

enum MHD_Result
ui_ship_page(struct web_req *rq, const char *ref, unsigned status,
    const char *lead, const char *err)
{
	return ship_page(rq, ref, status, lead, err);
}
