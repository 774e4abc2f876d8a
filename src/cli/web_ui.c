/*
 * web_ui.c: what every page of the web workspace (docs/web.md) shares:
 * escaping, the page frame, tables, error pages, how each kind of value
 * is shown, signing in and out, and the one built-in style sheet
 * (web_style.css, embedded at build time).  The pages themselves are in
 * web_ui_home.c, web_ui_ship.c and web_ui_work.c (web_ui.h).
 *
 * Pages are rendered on the server, whole, with no JavaScript: the
 * Content-Security-Policy allows only our own style sheet and forms that
 * post back to us.  Every value that reaches a page from the vault or the
 * request goes through ui_html() (or ui_url() inside a link), so nothing a
 * user or an import wrote can become markup.  Every POST form carries the
 * session's CSRF token; the edge (web_server.c) checks it before a handler
 * runs.  The checks and library calls are the JSON API's (web_api.h), so
 * both doors answer alike; what these files add is the rendering, and the
 * same rule as the API: a client sees only its own importer's shipments.
 *
 * Error pages keep the header and navigation, say what happened and what
 * to do in plain words, and link back to where the user was: no setting
 * name, column name or command line reaches a page.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cbp.h"
#include "date.h"
#include "deadline.h"
#include "port.h"
#include "row.h"
#include "web.h"
#include "zone.h"
#include "web_api.h"
#include "web_ui.h"

/*
 * The style sheet (web_style.css, as a C string made by the Makefile).
 * Colours keep text at 4.5:1 or more against its background; focus is
 * always visible; tables scroll inside their own box so a page fits a
 * 320 px screen.
 */
static const char style_css[] =
#include "web_style.inc"
;

/* Escaping. */

void
ui_html(struct lb_buf *b, const char *s)
{
	if (s != NULL)
		lb_buf_add_html(b, s, strlen(s));
}

/*
 * Append n bytes of s percent-encoded for a path segment or a query value:
 * everything but the unreserved characters, so '/' becomes %2F and '&'
 * %26.  The result holds no HTML special character either.
 */
void
ui_url_n(struct lb_buf *b, const char *s, size_t n)
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

void
ui_url(struct lb_buf *b, const char *s)
{
	if (s != NULL)
		ui_url_n(b, s, strlen(s));
}

/* Append "?name=value", or "&amp;name=value" after the first. */
void
ui_query_add(struct lb_buf *b, int *first, const char *name, const char *val)
{
	if (val == NULL)
		return;
	lb_buf_adds(b, *first ? "?" : "&amp;");
	*first = 0;
	lb_buf_adds(b, name);
	lb_buf_addc(b, '=');
	ui_url(b, val);
}

/* A status word for people: "in_transit" is "in transit". */
void
ui_word_n(struct lb_buf *b, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] == '_')
			lb_buf_addc(b, ' ');
		else
			lb_buf_add_html(b, s + i, 1);
}

void
ui_word(struct lb_buf *b, const char *s)
{
	if (s != NULL)
		ui_word_n(b, s, strlen(s));
}

void
ui_money(struct lb_buf *b, int64_t cents)
{
	char	m[LB_MONEY_DISPLAY_STRLEN];

	lb_money_display(cents, m);
	lb_buf_adds(b, m);
}

/* A value of a row: text escaped, or nothing when NULL. */
void
ui_value_html(struct lb_buf *b, const struct lb_value *v)
{
	if (!v->null && v->s != NULL)
		lb_buf_add_html(b, v->s, v->len);
}

void
ui_value_attr(struct lb_buf *b, const char *v)
{
	if (v == NULL)
		return;
	lb_buf_adds(b, " value=\"");
	ui_html(b, v);
	lb_buf_addc(b, '"');
}

/* How values are shown. */

const char *
ui_s(int64_t n)
{
	return n == 1 ? "" : "s";
}

void
ui_count(struct lb_buf *b, int64_t n)
{
	char	d[24];
	size_t	len, i;

	if (n < 0) {
		lb_buf_addc(b, '-');
		n = n == INT64_MIN ? INT64_MAX : -n;
	}
	(void)snprintf(d, sizeof(d), "%" PRId64, n);
	len = strlen(d);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			lb_buf_addc(b, ',');
		lb_buf_addc(b, d[i]);
	}
}

static const char *const months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

void
ui_date(struct lb_buf *b, int64_t day)
{
	char	d[LB_DATE_STRLEN];

	lb_date_format(day, d);
	if (strlen(d) != 10) {
		lb_buf_adds(b, "unknown date");
		return;
	}
	/* "2026-12-04": day without its leading zero, month, year. */
	lb_buf_addf(b, "%d %s %.4s", (d[8] - '0') * 10 + (d[9] - '0'),
	    months[((d[5] - '0') * 10 + (d[6] - '0') - 1) % 12], d);
}

/*
 * The one way a moment is shown.  Today in UTC, said so; once the vault's
 * time zone is wired (the timezone setting), here alone.
 */
/* The zone of the page being made (NULL: UTC), one per server thread. */
static __thread struct lb_tz	*page_tz;

void
ui_zone_begin(struct web_req *rq)
{
	struct lb_err	e;

	page_tz = NULL;
	/* No zone, or one that cannot be loaded: the page says UTC. */
	if (lb_zone_of_vault(rq->v, NULL, &page_tz, NULL, &e) == -1)
		page_tz = NULL;
}

void
ui_zone_end(void)
{
	lb_tz_free(page_tz);
	page_tz = NULL;
}

void
ui_time(struct lb_buf *b, int64_t secs)
{
	const char	*abbr = "UTC";
	int64_t		 day, s, local = secs;

	if (page_tz != NULL)
		local = secs + lb_tz_utc_offset(page_tz, secs, &abbr, NULL);
	day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	s = local - day * 86400;
	ui_date(b, day);
	lb_buf_addf(b, " %02d:%02d ", (int)(s / 3600), (int)(s % 3600 / 60));
	lb_buf_add_html(b, abbr, strlen(abbr));
}

void
ui_time_text(struct lb_buf *b, const char *s, size_t n)
{
	int64_t	secs;

	if (s == NULL || n == 0)
		return;
	if (lb_time_parse(s, n, &secs, NULL, 0) == 0)
		ui_time(b, secs);
	else
		lb_buf_add_html(b, s, n);
}

void
ui_date_text(struct lb_buf *b, const char *s, size_t n)
{
	int64_t	day;

	if (s == NULL || n == 0)
		return;
	if (lb_date_parse(s, n, &day, NULL, 0) == 0)
		ui_date(b, day);
	else
		lb_buf_add_html(b, s, n);
}

/*
 * Port codes all go through here: today the code, once port.h's
 * lb_port_find() is merged, "2304 Laredo".
 */
void
web_port_label(struct lb_buf *b, const char *code, size_t n)
{
	const struct lb_port	*p;

	if (code == NULL)
		return;
	lb_buf_add_html(b, code, n);
	if (n == 4 && (p = lb_port_find(code)) != NULL) {
		lb_buf_adds(b, " ");
		lb_buf_add_html(b, p->name, strlen(p->name));
		if (p->state != NULL && p->state[0] != '\0') {
			lb_buf_adds(b, ", ");
			lb_buf_add_html(b, p->state, strlen(p->state));
		}
	}
}

/* The page frame. */

static const struct {
	const char	*href;
	const char	*label;
	unsigned	 roles;
} nav_links[] = {
	{ "/", "Dashboard", UI_READ },
	{ "/shipments", "Shipments", UI_READ },
	{ "/shipments", "Your shipments", LB_ROLE_CLIENT },
	{ "/deadlines", "Deadlines", UI_READ },
	{ "/deadlines", "Your deadlines", LB_ROLE_CLIENT },
	{ "/recovery", "Recovery", UI_READ },
	{ "/users", "Users", LB_ROLE_ADMIN },
};

/* Where a user starts: the dashboard, or a client's own shipments. */
const char *
ui_home_of(const struct web_req *rq)
{
	return rq->signed_in && rq->s.role == LB_CLIENT ? "/shipments" : "/";
}

static void
ui_page_header(struct lb_buf *b, struct web_req *rq, const char *here)
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
	    "Lifeboat</a>\n", ui_home_of(rq));
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
	ui_html(b, rq->s.user);
	lb_buf_addf(b, "</strong> (<span id=\"user-role\">%s</span>)</p>\n",
	    lb_role_name(rq->s.role));
	lb_buf_adds(b, "<form method=\"post\" action=\"/logout\">"
	    "<input type=\"hidden\" name=\"csrf\" value=\"");
	ui_html(b, rq->s.csrf);
	lb_buf_adds(b, "\"><button type=\"submit\">Sign out</button></form>\n"
	    "</div>\n</header>\n");
}

/*
 * Everything up to and including the page's one <h1>: the title, the
 * header (signed in: the skip link and the navigation, here naming this
 * page's nav link or NULL) and the opening of <main>.
 */
void
ui_page_begin(struct lb_buf *b, struct web_req *rq, const char *title,
    const char *here)
{
	/*
	 * The server's Referrer-Policy is same-origin: under no-referrer a
	 * browser posts forms with "Origin: null", which the edge refuses.
	 */
	lb_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	ui_html(b, title);
	lb_buf_adds(b, " - Lifeboat</title>\n<link rel=\"stylesheet\" "
	    "href=\"/assets/style.css\">\n</head>\n<body>\n");
	ui_page_header(b, rq, here);
	lb_buf_adds(b, "<main id=\"main\">\n<h1>");
	ui_html(b, title);
	lb_buf_adds(b, "</h1>\n");
}

void
ui_page_end(struct lb_buf *b)
{
	lb_buf_adds(b, "</main>\n</body>\n</html>\n");
}

void
ui_alert(struct lb_buf *b, const char *lead, const char *msg)
{
	lb_buf_adds(b, "<p role=\"alert\" id=\"error\" class=\"error\">");
	ui_html(b, lead);
	ui_html(b, msg);
	lb_buf_adds(b, "</p>\n");
}

void
ui_csrf_field(struct lb_buf *b, struct web_req *rq)
{
	lb_buf_adds(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
	ui_html(b, rq->s.csrf);
	lb_buf_adds(b, "\">\n");
}

/* Send the page and free its buffer. */
enum MHD_Result
ui_page_send(struct web_req *rq, unsigned status, struct lb_buf *b)
{
	enum MHD_Result	ret;

	ret = web_html(rq, status, b);
	lb_buf_free(b);
	return ret;
}

/*
 * Where the user was, from the request: the page a form was on, the list
 * a missing item was in, the page whose address held a wrong value.  Only
 * a plain path of ours ever becomes the link; anything else is the start
 * page.
 */
struct back {
	char	href[256];
	char	label[300];
};

static void
back_of(struct web_req *rq, unsigned status, int csrf, struct back *bk)
{
	static const struct {
		const char	*path;
		const char	*label;
	} lists[] = {
		{ "/shipments", "Back to the shipments" },
		{ "/deadlines", "Back to the deadlines" },
		{ "/recovery", "Back to the recovery queue" },
		{ "/users", "Back to the users" },
		{ "/employees", "Back to the employees" },
		{ "/clients", "Back to the clients" },
		{ "/login", "Back to sign-in" },
	};
	const char	*target = web_target(rq);
	char		 p[256], *slash;
	size_t		 n, i, nseg = 0;

	(void)snprintf(bk->href, sizeof(bk->href), "%s", ui_home_of(rq));
	(void)snprintf(bk->label, sizeof(bk->label), "Go to the start page");
	if (!rq->signed_in)
		(void)snprintf(bk->href, sizeof(bk->href), "/login");
	if (target == NULL || (status == 403 && !csrf))
		return;
	n = strcspn(target, "?#");
	if (n == 0 || n >= sizeof(p) || !lb_path_plain(target, n))
		return;
	memcpy(p, target, n);
	p[n] = '\0';
	for (i = 0; i < n; i++)
		nseg += p[i] == '/';
	/* A form's page is its action's parent; a pack's, its shipment. */
	if (((rq->method & LB_M_POST) && nseg >= 2) || (nseg == 3 &&
	    strncmp(p, "/shipments/", 11) == 0) || (status == 404 &&
	    nseg == 2)) {
		slash = strrchr(p, '/');
		*slash = '\0';
		nseg--;
	}
	if (nseg == 2 && strncmp(p, "/users/", 7) == 0) {
		p[6] = '\0';
		nseg = 1;
	}
	if (nseg == 2 && strncmp(p, "/shipments/", 11) == 0) {
		(void)snprintf(bk->href, sizeof(bk->href), "%s", p);
		(void)snprintf(bk->label, sizeof(bk->label), "Back to shipment "
		    "%s", p + 11);
		return;
	}
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		if (strcmp(p, lists[i].path) != 0)
			continue;
		(void)snprintf(bk->href, sizeof(bk->href), "%s", p);
		(void)snprintf(bk->label, sizeof(bk->label), "%s",
		    strcmp(p, "/shipments") == 0 && rq->signed_in &&
		    rq->s.role == LB_CLIENT ? "Back to your shipments" :
		    lists[i].label);
		return;
	}
}

/* The body of an error page: what happened, what to do, the way back. */
static void
error_body(struct lb_buf *b, struct web_req *rq, unsigned status, int csrf,
    const char *lead, const char *msg, const char *todo, const char *href,
    const char *label)
{
	struct back	bk;

	back_of(rq, status, csrf, &bk);
	ui_alert(b, lead, msg);
	if (todo != NULL) {
		lb_buf_adds(b, "<p id=\"todo\">");
		ui_html(b, todo);
		lb_buf_adds(b, "</p>\n");
	}
	lb_buf_adds(b, "<p class=\"back\"><a id=\"back\" href=\"");
	ui_html(b, href != NULL ? href : bk.href);
	lb_buf_adds(b, "\">");
	ui_html(b, href != NULL ? label : bk.label);
	lb_buf_adds(b, "</a>");
	if (strcmp(href != NULL ? href : bk.href, ui_home_of(rq)) != 0 &&
	    rq->signed_in) {
		lb_buf_addf(b, " or <a href=\"%s\">go to the start page</a>",
		    ui_home_of(rq));
	}
	lb_buf_adds(b, "</p>\n");
}

enum MHD_Result
ui_page_error_back(struct web_req *rq, unsigned status, const char *title,
    const char *msg, const char *todo, const char *back,
    const char *back_label)
{
	struct lb_buf	b;

	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, title, NULL);
	error_body(&b, rq, status, 0, NULL, msg, todo, back, back_label);
	ui_page_end(&b);
	return ui_page_send(rq, status, &b);
}

enum MHD_Result
ui_page_error(struct web_req *rq, unsigned status, const char *title,
    const char *lead, const char *msg)
{
	struct lb_buf	b;

	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, title, NULL);
	error_body(&b, rq, status, 0, lead, msg, NULL, NULL, NULL);
	ui_page_end(&b);
	return ui_page_send(rq, status, &b);
}

enum MHD_Result
ui_page_not_found(struct web_req *rq)
{
	return ui_page_error_back(rq, 404, "Shipment not found", "There is "
	    "no such shipment, or it is not one you may see.", "Check the "
	    "reference, or search for it in the list of shipments.", NULL,
	    NULL);
}

enum MHD_Result
ui_page_broken(struct web_req *rq, struct lb_buf *b, const char *msg)
{
	if (b != NULL)
		lb_buf_free(b);
	/* msg is for the server's operator, not for this page. */
	fprintf(stderr, "lifeboat: serve: %s\n", msg != NULL ? msg : "?");
	return ui_page_error_back(rq, 500, "Something went wrong", "The "
	    "vault could not be read, so this page cannot be shown.", "Try "
	    "again in a moment. If it keeps happening, tell whoever runs "
	    "Lifeboat for your office.", NULL, NULL);
}

/*
 * What a field of a form or an address is called on the page, for a 400
 * page: route.h names the parameter ("query parameter \"importer\": ...").
 */
static const struct {
	const char	*param;
	const char	*label;
} param_labels[] = {
	{ "importer", "Importer" }, { "as_of", "As of" }, { "q", "Search" },
	{ "status", "Status" }, { "cursor", "the page link" },
	{ "limit", "the page size" }, { "entry_type", "Entry type" },
	{ "filer", "Filer code" }, { "state", "State" },
	{ "name", "User name" }, { "role", "Role" },
	{ "client", "Client importer number" }, { "password", "Password" },
	{ "show", "Show" }, { "at_risk", "Show" }, { "ref", "the shipment" },
	{ "no_entry", "Waiting for an entry number" }, { "pga", "Partner "
	    "government agencies" }, { "poa", "Power of attorney" },
	{ "unreachable", "Cannot be reached" }, { "contact", "Contact" },
};

static void
bad_value_text(struct lb_buf *b, const char *why)
{
	const char	*q, *e, *must;
	size_t		 i, n;

	lb_buf_adds(b, "Something in the form or the address was not "
	    "accepted");
	if (why == NULL || (q = strchr(why, '"')) == NULL ||
	    (e = strchr(q + 1, '"')) == NULL) {
		lb_buf_adds(b, ".");
		return;
	}
	n = (size_t)(e - q - 1);
	for (i = 0; i < sizeof(param_labels) / sizeof(param_labels[0]); i++)
		if (strlen(param_labels[i].param) == n &&
		    memcmp(param_labels[i].param, q + 1, n) == 0)
			break;
	if (i == sizeof(param_labels) / sizeof(param_labels[0])) {
		lb_buf_adds(b, ": this page takes no such value.");
		return;
	}
	lb_buf_adds(b, ": the value of \xe2\x80\x9c");
	ui_html(b, param_labels[i].label);
	lb_buf_adds(b, "\xe2\x80\x9d");
	if ((must = strstr(e, "must be ")) != NULL) {
		lb_buf_adds(b, " ");
		ui_html(b, must);
	}
	lb_buf_adds(b, ".");
}

void
ui_problem_page(struct web_req *rq, struct lb_buf *b, unsigned status,
    const char *title, const char *detail, int csrf)
{
	const char	*h1, *msg = NULL, *todo = NULL;
	struct lb_buf	 m;

	lb_buf_init(&m, 1024);
	switch (status) {
	case 400:
		h1 = "This request was not accepted";
		bad_value_text(&m, detail);
		msg = lb_buf_cstr(&m);
		todo = "Go back, correct the value and try again.";
		break;
	case 403:
		if (csrf && rq->signed_in) {
			h1 = "This form has expired";
			msg = "Nothing was changed: the page with this form "
			    "was opened before you last signed in (perhaps in "
			    "another tab or window).";
			todo = "Go back, reload the page, and send the form "
			    "again.";
		} else if (csrf) {
			h1 = "Your session has ended";
			msg = "Nothing was changed: you are no longer "
			    "signed in.";
			todo = "Sign in again, then send the form again.";
		} else if (detail != NULL && strstr(title, "origin") != NULL) {
			h1 = "This form came from elsewhere";
			msg = "Nothing was changed: the form was not sent from "
			    "a Lifeboat page.";
			todo = "Open the page in Lifeboat itself and send the "
			    "form from there.";
		} else {
			h1 = "Not available to you";
			lb_buf_addf(&m, "Your account (%s) may not open this "
			    "page or do this.", rq->signed_in ?
			    lb_role_name(rq->s.role) : "signed out");
			msg = lb_buf_cstr(&m);
			todo = "If you need it, ask an administrator of "
			    "Lifeboat for your office.";
		}
		break;
	case 404:
		h1 = "Page not found";
		msg = "There is no page at this address.";
		todo = "Check the address, or use the links above.";
		break;
	case 405:
		h1 = "This page cannot do that";
		msg = "This address does not take this kind of request.";
		todo = "Use the links and forms of the pages themselves.";
		break;
	case 413:
		h1 = "Too much was sent";
		msg = "The form sent more than the server takes.";
		todo = "Go back and shorten what you typed.";
		break;
	case 414:
		h1 = "The address is too long";
		msg = "The server does not take addresses this long.";
		todo = "Go back and search with fewer words.";
		break;
	case 415:
		h1 = "The form could not be read";
		msg = "The form was sent in a way the server does not read.";
		todo = "Go back, reload the page and send the form again.";
		break;
	case 429:
		h1 = "Too many attempts";
		msg = "There were too many attempts in a short time.";
		todo = "Wait a few minutes, then try again.";
		break;
	case 503:
		h1 = "Lifeboat is busy";
		msg = "The server cannot answer just now.";
		todo = "Try again in a moment.";
		break;
	default:
		h1 = "Something went wrong";
		msg = "The server could not finish this request.";
		todo = "Try again in a moment. If it keeps happening, tell "
		    "whoever runs Lifeboat for your office.";
		break;
	}
	if (lb_buf_error(&m) != 0)
		msg = "Something in the request was not accepted.";
	ui_page_begin(b, rq, h1, NULL);
	error_body(b, rq, status, csrf, NULL, msg, todo, NULL, NULL);
	ui_page_end(b);
	lb_buf_free(&m);
}

/* Tables. */

void
ui_table_begin(struct lb_buf *b, const char *id, const char *caption,
    const struct ui_col *cols, size_t ncols)
{
	size_t	i;

	/*
	 * The caption stands above the box, whole: inside it, it would be as
	 * wide as the table and cut on a phone.  Wide tables say they scroll
	 * (the style sheet shows it on small screens only).
	 */
	lb_buf_addf(b, "<p class=\"caption\" id=\"%s-caption\">", id);
	ui_html(b, caption);
	lb_buf_adds(b, "</p>\n");
	if (ncols >= 4)
		lb_buf_adds(b, "<p class=\"scroll-hint\">Swipe or scroll the "
		    "table sideways to see every column.</p>\n");
	lb_buf_addf(b, "<div class=\"scroll\" role=\"region\" "
	    "aria-labelledby=\"%s-caption\" tabindex=\"0\">\n<table id=\"%s\" "
	    "aria-labelledby=\"%s-caption\">\n<thead>\n<tr>", id, id, id);
	for (i = 0; i < ncols; i++)
		lb_buf_addf(b, "<th scope=\"col\"%s>%s</th>", cols[i].num ?
		    " class=\"num\"" : "", cols[i].label);
	lb_buf_adds(b, "</tr>\n</thead>\n<tbody>\n");
}

void
ui_table_end(struct lb_buf *b)
{
	lb_buf_adds(b, "</tbody>\n</table>\n</div>\n");
}

void
ui_table_empty(struct lb_buf *b, size_t ncols, const char *msg)
{
	lb_buf_addf(b, "<tr><td colspan=\"%zu\">", ncols);
	ui_html(b, msg);
	lb_buf_adds(b, "</td></tr>\n");
}

/* A cell holding a state word, marked for the style sheet as well. */
void
ui_state_cell(struct lb_buf *b, const char *state)
{
	lb_buf_adds(b, "<td><span class=\"state-");
	ui_html(b, state);
	lb_buf_adds(b, "\">");
	ui_word(b, state);
	lb_buf_adds(b, "</span>");
}

/* The link to a shipment's page, ref shown. */
void
ui_ship_link_n(struct lb_buf *b, const char *ref, size_t n)
{
	lb_buf_adds(b, "<a href=\"/shipments/");
	ui_url_n(b, ref, n);
	lb_buf_adds(b, "\">");
	lb_buf_add_html(b, ref, n);
	lb_buf_adds(b, "</a>");
}

void
ui_ship_link(struct lb_buf *b, const char *ref)
{
	ui_ship_link_n(b, ref, strlen(ref));
}

/* Options of a <select>, the one matching cur selected; "" is "Any". */
void
ui_select_options(struct lb_buf *b, const char *const *words, const char *cur,
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
		ui_word(b, words[i]);
		lb_buf_adds(b, "</option>\n");
	}
}

/* The client's name. */

struct client_name {
	char	*out;
	size_t	 len;
};

static int
on_client_name(void *arg, const struct lb_value *v, const unsigned char *dg,
    size_t dlen)
{
	struct client_name	*cn = arg;
	int			 c;

	if ((c = lb_kind_col(lb_kind_get("clients"), "name")) >= 0)
		lb_value_copy(&v[c], cn->out, cn->len);
	return 0;
}

int
ui_client_name(struct web_req *rq, const char *imp, char *out, size_t outlen,
    struct lb_err *e)
{
	struct client_name	cn;

	out[0] = '\0';
	if (imp == NULL || imp[0] == '\0')
		return 0;
	cn.out = out;
	cn.len = outlen;
	return rq->v->st->ops->get_row(rq->v->st, lb_kind_get("clients"),
	    imp, strlen(imp), on_client_name, &cn, e);
}

void
ui_importer_html(struct lb_buf *b, struct web_req *rq, const char *imp,
    struct ui_names *last)
{
	struct lb_err	e;

	if (imp == NULL || imp[0] == '\0')
		return;
	lb_buf_adds(b, "<span class=\"imp-no\">");
	ui_html(b, imp);
	lb_buf_adds(b, "</span>");
	if (strcmp(last->imp, imp) != 0) {
		(void)snprintf(last->imp, sizeof(last->imp), "%s", imp);
		if (ui_client_name(rq, imp, last->name, sizeof(last->name),
		    &e) == -1)
			last->name[0] = '\0';
	}
	if (last->name[0] != '\0') {
		lb_buf_adds(b, " <span class=\"imp-name\">");
		ui_html(b, last->name);
		lb_buf_adds(b, "</span>");
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

	lb_buf_init(&b, UI_PAGE_MAX);
	ui_page_begin(&b, rq, "Sign in", NULL);
	if (err != NULL)
		ui_alert(&b, NULL, err);
	lb_buf_adds(&b, "<form method=\"post\" action=\"/login\" "
	    "class=\"stack\">\n<div><label for=\"user\">User name</label>"
	    "<input id=\"user\" name=\"user\" autocomplete=\"username\" "
	    "autocapitalize=\"none\" spellcheck=\"false\" required");
	if (user != NULL) {
		lb_buf_adds(&b, " value=\"");
		ui_html(&b, user);
		lb_buf_addc(&b, '"');
	}
	lb_buf_adds(&b, "></div>\n<div><label for=\"password\">Password</label>"
	    "<input id=\"password\" name=\"password\" type=\"password\" "
	    "autocomplete=\"current-password\" required></div>\n"
	    "<button type=\"submit\">Sign in</button>\n</form>\n");
	ui_page_end(&b);
	return ui_page_send(rq, status, &b);
}

enum MHD_Result
ui_login(struct web_req *rq)
{
	if (rq->signed_in)
		return web_redirect(rq, ui_home_of(rq));
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

/* Deadlines. */

/* Exposure of a deadline: the estimate, or why there is none. */
void
ui_exposure_html(struct lb_buf *b, const struct lb_deadline *d)
{
	if (d->covered != NULL) {
		lb_buf_adds(b, "none: covered by relief ");
		ui_html(b, d->covered->id);
	} else if (d->exposure_cents >= 0) {
		ui_money(b, d->exposure_cents);
		if (d->if_missed)
			lb_buf_adds(b, " if missed");
	} else
		lb_buf_adds(b, "none");
}

/* The state of a deadline in words, with the time left. */
void
ui_dl_state_html(struct lb_buf *b, const struct lb_deadline *d)
{
	ui_state_cell(b, lb_dl_state_name(d->state));
	if (d->state == LB_DL_OVERDUE && d->late_days > 0)
		lb_buf_addf(b, ", %" PRId64 " day%s late", d->late_days,
		    d->late_days == 1 ? "" : "s");
	else if ((d->state == LB_DL_AT_RISK || d->state == LB_DL_OK) &&
	    d->left_workdays >= 0)
		lb_buf_addf(b, ", %" PRId64 " working day%s left",
		    d->left_workdays, d->left_workdays == 1 ? "" : "s");
	if (d->extended != NULL) {
		lb_buf_adds(b, " (extended by relief ");
		ui_html(b, d->extended->id);
		lb_buf_addc(b, ')');
	}
	lb_buf_adds(b, "</td>");
}

void
ui_due_html(struct lb_buf *b, const struct lb_deadline *d)
{
	if (d->kind == LB_DL_CLOCK)
		ui_time(b, d->due_at);
	else
		ui_date(b, d->due_day);
}

