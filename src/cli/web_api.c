/*
 * web_api.c: the JSON API under /api/v1 (docs/api.md, docs/openapi.json).
 *
 * Handlers see only checked input (web.h) and call the library as the CLI
 * does; what they add is the client rule: a client user sees only the
 * shipments of its importer, and one it may not see is answered 404, the
 * same as one that does not exist.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "agenda.h"
#include "attachment.h"
#include "cbp.h"
#include "cli.h"
#include "date.h"
#include "entry.h"
#include "journal.h"
#include "pack.h"
#include "recovery.h"
#include "relief.h"
#include "tz.h"
#include "zone.h"
#include "row.h"
#include "rowjson.h"
#include "shipment.h"
#include "verify.h"
#include "web.h"
#include "web_api.h"

#define PAGE_DEFAULT	100

enum MHD_Result
api_livez(struct web_req *rq)
{
	return web_bytes(rq, 200, "text/plain; charset=utf-8", "ok\n", 3, NULL);
}

enum MHD_Result
api_readyz(struct web_req *rq)
{
	unsigned char	head[LB_HASH_LEN];
	struct lb_err	e;
	char		msg[80];
	int64_t		count;
	int		n;

	if (lb_journal_head(rq->v->st, &count, head, &e) == -1)
		return web_bytes(rq, 503, "text/plain; charset=utf-8",
		    "not ready: the vault cannot be read\n", 36, NULL);
	n = snprintf(msg, sizeof(msg), "ready: journal of %" PRId64
	    " entries\n", count);
	return web_bytes(rq, 200, "text/plain; charset=utf-8", msg, (size_t)n,
	    NULL);
}

/* Session. */

void
api_session_json(struct lb_buf *b, const struct lb_session *s)
{
	lb_buf_adds(b, "{\"user\":");
	lb_buf_add_json_str(b, s->user, strlen(s->user));
	lb_buf_addf(b, ",\"role\":\"%s\",\"importer_number\":",
	    lb_role_name(s->role));
	if (s->importer[0] != '\0')
		lb_buf_add_json_str(b, s->importer, strlen(s->importer));
	else
		lb_buf_adds(b, "null");
	lb_buf_addf(b, ",\"csrf\":\"%s\"}\n", s->csrf);
}

/*
 * The sign-in both front doors share: 1 signed in (rq->s, cookie set),
 * 0 still checking (the connection sleeps), -1 refused with *status and
 * *title to answer.
 */
int
api_sign_in(struct web_req *rq, unsigned *status, const char **title)
{
	const char		*user = lb_arg(&rq->args, "user");
	const char		*pw = lb_arg(&rq->args, "password");
	const char		*why;
	struct lb_account	 a;
	char			 token[LB_TOKEN_HEX];
	int			 rc;

	rc = web_sign_in(rq, user, pw != NULL ? pw : "", pw != NULL ?
	    strlen(pw) : 0, &a, &why);
	if (rc == 0)
		return 0;
	if (rc == 1) {
		/* A new token at every sign-in; an old session ends. */
		if (rq->signed_in)
			(void)lb_session_end(web_sessions(rq), rq->token,
			    strlen(rq->token));
		(void)lb_session_create(web_sessions(rq), &a, rq->now, token,
		    &rq->s);
		sodium_memzero(a.hash, sizeof(a.hash));
		rq->signed_in = 1;
		(void)snprintf(rq->actor, sizeof(rq->actor), "web:%s",
		    rq->s.user);
		web_set_cookie(rq, token);
		sodium_memzero(token, sizeof(token));
		web_event(rq, "login.ok", rq->s.user, NULL);
		return 1;
	}
	if (rc == -2) {
		web_event(rq, "login.fail", lb_account_name_valid(user) ?
		    user : "-", why);
		*status = 429;
		*title = "too many failed sign-ins for this user: try again "
		    "within the hour";
		return -1;
	}
	if (rc == -3 || rc == -4) {
		*status = 503;
		*title = rc == -4 ? "too many sign-ins at once: try again" :
		    "the server cannot check sign-ins now";
		return -1;
	}
	web_event(rq, "login.fail", lb_account_name_valid(user) ? user : "-",
	    why);
	*status = 401;
	*title = "wrong user name or password";
	return -1;
}

enum MHD_Result
api_session_new(struct web_req *rq)
{
	struct lb_buf	 b;
	const char	*title;
	unsigned	 status;
	enum MHD_Result	 ret;
	int		 rc;

	if ((rc = api_sign_in(rq, &status, &title)) == 0)
		return MHD_YES;
	if (rc == -1)
		return web_problem(rq, status, title, NULL);
	lb_buf_init(&b, 4096);
	api_session_json(&b, &rq->s);
	ret = web_json(rq, 200, &b);
	lb_buf_free(&b);
	return ret;
}

enum MHD_Result
api_session_get(struct web_req *rq)
{
	struct lb_buf	 b;
	enum MHD_Result	 ret;

	lb_buf_init(&b, 4096);
	api_session_json(&b, &rq->s);
	ret = web_json(rq, 200, &b);
	lb_buf_free(&b);
	return ret;
}

enum MHD_Result
api_session_end(struct web_req *rq)
{
	(void)lb_session_end(web_sessions(rq), rq->token, strlen(rq->token));
	web_event(rq, "logout", rq->s.user, NULL);
	web_clear_cookie(rq);
	return web_bytes(rq, 204, NULL, "", 0, NULL);
}

/* Shipments. */

/* The columns of the "shipments_page" query, in its order. */
static const char *const page_cols[] = {
	"ref", "importer_number", "status", "mode", "entry_number",
	"entry_type", "port_entry", "arrival_date", "release_date",
	"entered_value", "bill", "carrier_scac", "summary_date",
	"importer_name"
};
#define NPAGE_COLS	(sizeof(page_cols) / sizeof(page_cols[0]))

struct page {
	struct lb_buf	*b;
	size_t		 n;
	char		 last[40];
	api_ship_cb	*cb;		/* instead of JSON, when set */
	void		*arg;
};

static int
on_page_row(void *arg, const struct lb_value *v, size_t n)
{
	const struct lb_kind	*k = lb_kind_get("shipments");
	struct page		*p = arg;
	size_t			 i;
	int			 ci;

	if (n != NPAGE_COLS)
		return -1;
	p->n++;
	lb_value_copy(&v[0], p->last, sizeof(p->last));
	if (p->cb != NULL)
		return p->cb(p->arg, v, n);
	lb_buf_adds(p->b, p->n > 1 ? ",{" : "{");
	for (i = 0; i < n; i++) {
		ci = lb_kind_col(k, page_cols[i]);
		if (i > 0)
			lb_buf_addc(p->b, ',');
		lb_buf_addc(p->b, '"');
		lb_buf_adds(p->b, page_cols[i]);
		lb_buf_adds(p->b, "\":");
		lb_json_value(p->b, ci >= 0 ? &k->cols[ci] : NULL, &v[i]);
	}
	lb_buf_addc(p->b, '}');
	return 0;
}

void
api_ship_filter_args(struct web_req *rq, struct api_ship_filter *f)
{
	const char	*v;

	memset(f, 0, sizeof(*f));
	f->cursor = lb_arg(&rq->args, "cursor");
	f->importer = lb_arg(&rq->args, "importer");
	f->status = lb_arg(&rq->args, "status");
	f->q = lb_arg(&rq->args, "q");
	f->no_entry = (v = lb_arg(&rq->args, "no_entry")) != NULL &&
	    strcmp(v, "true") == 0;
	f->pga = (v = lb_arg(&rq->args, "pga")) != NULL &&
	    strcmp(v, "true") == 0;
}

static void
text_param(struct lb_value *p, const char *s)
{
	p->null = s == NULL;
	p->s = s;
	p->len = s != NULL ? strlen(s) : 0;
}

int
api_shipments_page(struct web_req *rq, const struct api_ship_filter *f,
    size_t limit, char *next, size_t nextlen, api_ship_cb *cb, void *arg,
    struct lb_err *e)
{
	struct lb_value	 p[7];
	struct page	 pg;
	const char	*imp = f->importer;
	char		 after[40];
	size_t		 i;

	memset(p, 0, sizeof(p));
	memset(&pg, 0, sizeof(pg));
	pg.cb = cb;
	pg.arg = arg;
	pg.b = arg;
	next[0] = '\0';
	if (f->cursor != NULL) {
		/* A cursor is the hex of the last ref of the page before. */
		if (sodium_hex2bin((unsigned char *)after, sizeof(after) - 1,
		    f->cursor, strlen(f->cursor), NULL, &i, NULL) != 0 ||
		    i == 0) {
			return lb_error(e, "query parameter \"cursor\": not a "
			    "cursor this server gave");
		}
		after[i] = '\0';
	}
	if (rq->s.role == LB_CLIENT)
		imp = rq->s.importer;	/* whatever was asked */
	text_param(&p[0], f->cursor != NULL ? after : NULL);
	text_param(&p[1], imp);
	text_param(&p[2], f->status);
	text_param(&p[3], f->q);
	p[4].i = (int64_t)limit;
	p[5].i = f->no_entry;
	p[6].i = f->pga;
	if (rq->v->st->ops->query_vals(rq->v->st, "shipments_page", p, 7,
	    on_page_row, &pg, e) == -1)
		return -1;
	if (pg.n == limit && nextlen > 2 * strlen(pg.last))
		(void)sodium_bin2hex(next, nextlen,
		    (const unsigned char *)pg.last, strlen(pg.last));
	return (int)pg.n;
}

static int
on_count(void *arg, const struct lb_value *v, size_t n)
{
	if (n > 0 && !v[0].null)
		*(int64_t *)arg = v[0].i;
	return 0;
}

int
api_shipments_count(struct web_req *rq, const struct api_ship_filter *f,
    int64_t *count, struct lb_err *e)
{
	struct lb_value	p[5];

	memset(p, 0, sizeof(p));
	text_param(&p[0], rq->s.role == LB_CLIENT ? rq->s.importer :
	    f->importer);
	text_param(&p[1], f->status);
	text_param(&p[2], f->q);
	p[3].i = f->no_entry;
	p[4].i = f->pga;
	*count = 0;
	return rq->v->st->ops->query_vals(rq->v->st, "shipments_count", p, 5,
	    on_count, count, e);
}

size_t
api_limit(struct web_req *rq, size_t def)
{
	int64_t	n;

	/* Checked at the edge: within the route's 1..max. */
	if (lb_arg_int(&rq->args, "limit", &n) == -1 || n < 1)
		return def;
	return (size_t)n;
}

enum MHD_Result
api_shipments(struct web_req *rq)
{
	struct api_ship_filter	 f;
	struct lb_buf		 b;
	struct lb_err		 e;
	char			 next[90];
	enum MHD_Result		 ret;

	api_ship_filter_args(rq, &f);
	lb_buf_init(&b, 8 << 20);
	lb_buf_adds(&b, "{\"shipments\":[");
	if (api_shipments_page(rq, &f, api_limit(rq, PAGE_DEFAULT), next,
	    sizeof(next), NULL, &b, &e) == -1) {
		lb_buf_free(&b);
		return web_problem(rq, 400, "bad request", e.msg);
	}
	lb_buf_adds(&b, "],\"next\":");
	if (next[0] != '\0')
		lb_buf_addf(&b, "\"%s\"}\n", next);
	else
		lb_buf_adds(&b, "null}\n");
	ret = web_json(rq, 200, &b);
	lb_buf_free(&b);
	return ret;
}

struct one {
	struct lb_buf	*b;
	char		 imp[16];
	int		 found;
};

static int
on_shipment(void *arg, const struct lb_value *v, const unsigned char *dg,
    size_t dlen)
{
	const struct lb_kind	*k = lb_kind_get("shipments");
	struct one		*o = arg;

	o->found = 1;
	lb_value_copy(&v[lb_kind_col(k, "importer_number")], o->imp,
	    sizeof(o->imp));
	lb_json_row(o->b, k, v, 0);
	return 0;
}

static int
on_line(void *arg, const struct lb_value *v, const unsigned char *dg,
    size_t dlen)
{
	struct one	*o = arg;

	if (o->found++ > 1)
		lb_buf_addc(o->b, ',');
	lb_json_row(o->b, lb_kind_get("lines"), v, 1);
	return 0;
}

static int
on_importer(void *arg, const struct lb_value *v, const unsigned char *dg,
    size_t dlen)
{
	struct one	*o = arg;

	o->found = 1;
	lb_value_copy(&v[lb_kind_col(lb_kind_get("shipments"),
	    "importer_number")], o->imp, sizeof(o->imp));
	return 0;
}

int
api_shipment_visible(struct web_req *rq, const char *ref, struct lb_err *e)
{
	struct one	o;

	memset(&o, 0, sizeof(o));
	if (rq->v->st->ops->get_row(rq->v->st, lb_kind_get("shipments"), ref,
	    strlen(ref), on_importer, &o, e) == -1)
		return -1;
	if (o.found && !web_may_see(rq, o.imp)) {
		web_event(rq, "access.denied", rq->s.user, ref);
		return 0;
	}
	return o.found;
}

int
api_shipment_load(struct web_req *rq, const char *ref, struct lb_buf *b,
    struct lb_err *e)
{
	struct one	o;
	size_t		mark = b->len;

	memset(&o, 0, sizeof(o));
	o.b = b;
	lb_buf_adds(b, "{\"shipment\":");
	if (rq->v->st->ops->get_row(rq->v->st, lb_kind_get("shipments"), ref,
	    strlen(ref), on_shipment, &o, e) == -1)
		return -1;
	if (!o.found || !web_may_see(rq, o.imp)) {
		b->len = mark;
		if (o.found)
			web_event(rq, "access.denied", rq->s.user, ref);
		return 0;
	}
	lb_buf_adds(b, ",\"lines\":[");
	if (rq->v->st->ops->rows_by(rq->v->st, lb_kind_get("lines"), ref,
	    strlen(ref), on_line, &o, e) == -1)
		return -1;
	lb_buf_addc(b, ']');
	/* Who decided what, and why, is the broker's business. */
	if (web_role_bit(rq) != LB_ROLE_CLIENT &&
	    api_shipment_decided(rq, ref, b, e) == -1)
		return -1;
	lb_buf_adds(b, "}\n");
	return 1;
}

enum MHD_Result
api_shipment(struct web_req *rq)
{
	struct lb_buf	 b;
	struct lb_err	 e;
	enum MHD_Result	 ret;
	int		 rc;

	lb_buf_init(&b, 8 << 20);
	rc = api_shipment_load(rq, lb_arg(&rq->args, "ref"), &b, &e);
	if (rc == 1)
		ret = web_json(rq, 200, &b);
	else if (rc == 0)
		ret = web_problem(rq, 404, "no such shipment", NULL);
	else
		ret = web_problem(rq, 500, "the vault cannot be read", e.msg);
	lb_buf_free(&b);
	return ret;
}

/* What writes a PDF at a path: the pack or the attachment. */
typedef int	pdf_writer(const void *what, int64_t now, const char *path,
		    struct lb_err *);

/*
 * Write a PDF into a private temporary directory, read it back and send
 * it as a download named name (with '/' made '_'), or the writer's error.
 */
static enum MHD_Result
pdf_reply(struct web_req *rq, pdf_writer *write_pdf, const void *what,
    const char *name)
{
	struct lb_err	 e;
	struct stat	 sb;
	char		 dir[] = "/tmp/lifeboat-pdf-XXXXXX";
	char		 path[64], disp[160];
	char		*pdf = NULL;
	ssize_t		 n;
	size_t		 off = 0, i;
	enum MHD_Result	 ret;
	int		 rc, fd;

	if (mkdtemp(dir) == NULL)
		return web_problem(rq, 500, "no room for the PDF", NULL);
	(void)snprintf(path, sizeof(path), "%s/out.pdf", dir);
	rc = write_pdf(what, rq->now, path, &e);
	if (rc == 0 && (fd = open(path, O_RDONLY | O_CLOEXEC)) != -1) {
		if (fstat(fd, &sb) == 0 && sb.st_size > 0 &&
		    sb.st_size < (64 << 20) &&
		    (pdf = malloc((size_t)sb.st_size)) != NULL)
			while (off < (size_t)sb.st_size && (n = read(fd,
			    pdf + off, (size_t)sb.st_size - off)) > 0)
				off += (size_t)n;
		close(fd);
	}
	(void)unlink(path);
	(void)rmdir(dir);
	if (rc == -1 || pdf == NULL || off == 0) {
		free(pdf);
		return web_problem(rq, 500, "the PDF cannot be written",
		    rc == -1 ? e.msg : NULL);
	}
	(void)snprintf(disp, sizeof(disp), "attachment; filename=\"%s.pdf\"",
	    name);
	for (i = 0; disp[i] != '\0'; i++)
		if (disp[i] == '/')
			disp[i] = '_';
	ret = web_bytes(rq, 200, "application/pdf", pdf, off, disp);
	free(pdf);
	return ret;
}

static int
write_pack(const void *what, int64_t now, const char *path, struct lb_err *e)
{
	return lb_pack_pdf(what, now, path, e);
}

static int
write_attachment(const void *what, int64_t now, const char *path,
    struct lb_err *e)
{
	return lb_attachment_pdf(what, path, e);
}

/* The pack as PDF bytes. */
enum MHD_Result
api_pack(struct web_req *rq)
{
	const char		*ref = lb_arg(&rq->args, "ref");
	struct lb_problems	 missing;
	struct lb_pack		*pk = NULL;
	struct lb_err		 e;
	struct lb_buf		 b;
	char			 name[48];
	size_t			 i;
	enum MHD_Result		 ret;
	int			 rc;

	lb_problems_init(&missing, 20);
	rc = lb_pack_load(rq->v, ref, &pk, &missing, &e);
	if (rc == LB_PACK_NOT_FOUND || rc == -1) {
		lb_problems_free(&missing);
		return rc == -1 ? web_problem(rq, 500, "the vault cannot be "
		    "read", e.msg) : web_problem(rq, 404, "no such shipment",
		    NULL);
	}
	if (rc == LB_PACK_REFUSED) {
		lb_buf_init(&b, 8192);
		for (i = 0; i < missing.n; i++)
			lb_buf_addf(&b, "%s%s", i ? "; " : "",
			    missing.v[i].msg);
		lb_problems_free(&missing);
		ret = web_problem(rq, 422, "the pack cannot be made",
		    lb_buf_cstr(&b));
		lb_buf_free(&b);
		return ret;
	}
	lb_problems_free(&missing);
	(void)snprintf(name, sizeof(name), "pack-%s", ref);
	ret = pdf_reply(rq, write_pack, pk, name);
	lb_pack_free(pk);
	return ret;
}

/* The enforcement-discretion attachment of an entry, as PDF. */
enum MHD_Result
api_attachment(struct web_req *rq)
{
	const char		*entry = lb_arg(&rq->args, "entry");
	const char		*date = lb_arg(&rq->args, "date");
	struct lb_attachment	*a;
	struct lb_who		 who = rq->who;
	struct lb_err		 e;
	char			 name[48];
	int64_t			 day;
	enum MHD_Result		 ret;

	if (date != NULL) {
		if (lb_date_parse(date, strlen(date), &day, NULL, 0) == -1)
			return web_problem(rq, 400, "bad request", "date: not "
			    "a date");
		who.now = day * 86400 + 12 * 3600;
	}
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return web_problem(rq, 500, "out of memory", NULL);
	if (lb_recovery_attachment(rq->v, &who, entry,
	    lb_arg(&rq->args, "relief"), a, &e) == -1) {
		free(a);
		return web_problem(rq, 422, "no attachment for this entry",
		    e.msg);
	}
	(void)snprintf(name, sizeof(name), "attachment-%s", entry);
	ret = pdf_reply(rq, write_attachment, a, name);
	free(a);
	return ret;
}

/* Void an entry number of the reserve, with a reason. */
enum MHD_Result
api_void(struct web_req *rq)
{
	struct lb_err	e;

	if (lb_entry_void(rq->v, &rq->who, lb_arg(&rq->args, "number"),
	    lb_arg(&rq->args, "reason"), &e) == -1)
		return web_problem(rq, 409, "not voided", e.msg);
	return web_bytes(rq, 204, NULL, "", 0, NULL);
}

int
api_draw_number(struct web_req *rq, char number[LB_ENTRY_STRLEN],
    struct lb_err *e)
{
	const char	*ref = lb_arg(&rq->args, "ref");
	const char	*filer = lb_arg(&rq->args, "filer");
	const char	*anyway;
	int64_t		 type;
	struct lb_reserve r;
	struct lb_problems missing;
	int		 rc;

	if (filer == NULL) {
		/* The brokerage's first filer code with numbers left. */
		if (lb_entry_reserve_left(rq->v, &r, e) == -1)
			return -1;
		for (size_t i = 0; i < r.nfilers; i++)
			if (r.left[i] > 0) {
				filer = r.filer[i];
				break;
			}
		if (filer == NULL)
			return lb_error(e, "no entry numbers left in the "
			    "reserve");
	}
	if (lb_arg_int(&rq->args, "entry_type", &type) == -1)
		type = 0;	/* leave it as it is */
	anyway = lb_arg(&rq->args, "anyway");
	lb_problems_init(&missing, 32);
	rc = lb_shipment_draw(rq->v, &rq->who, ref, filer, (int)type,
	    anyway != NULL && (strcmp(anyway, "true") == 0 ||
	    strcmp(anyway, "1") == 0 || strcmp(anyway, "yes") == 0 ||
	    strcmp(anyway, "on") == 0), number, &missing, e);
	if (rc == 1) {
		struct lb_buf	 m;
		size_t		 i;

		lb_buf_init(&m, sizeof(e->msg) - 1);
		lb_buf_adds(&m, "the release pack cannot be made, so no number "
		    "was drawn: ");
		for (i = 0; i < missing.n; i++)
			lb_buf_addf(&m, "%s%s", i ? "; " : "",
			    missing.v[i].msg);
		(void)snprintf(e->msg, sizeof(e->msg), "%s", m.data != NULL ?
		    lb_buf_cstr(&m) : "the release pack cannot be made");
		lb_buf_free(&m);
	}
	lb_problems_free(&missing);
	return rc == 2 ? -1 : rc;
}

enum MHD_Result
api_draw(struct web_req *rq)
{
	struct lb_buf	 b;
	struct lb_err	 e;
	char		 number[LB_ENTRY_STRLEN];
	enum MHD_Result	 ret;
	int		 rc;

	rc = api_shipment_visible(rq, lb_arg(&rq->args, "ref"), &e);
	if (rc != 1)
		return rc == 0 ? web_problem(rq, 404, "no such shipment", NULL) :
		    web_problem(rq, 500, "the vault cannot be read", e.msg);
	lb_buf_init(&b, 4096);
	if ((rc = api_draw_number(rq, number, &e)) != 0) {
		lb_buf_free(&b);
		return web_problem(rq, rc == 1 ? 422 : 409, "no number drawn",
		    e.msg);
	}
	lb_buf_addf(&b, "{\"ref\":");
	lb_buf_add_json_str(&b, lb_arg(&rq->args, "ref"),
	    strlen(lb_arg(&rq->args, "ref")));
	lb_buf_addf(&b, ",\"entry_number\":\"%s\"}\n", number);
	ret = web_json(rq, 201, &b);
	lb_buf_free(&b);
	return ret;
}

/* Dashboard: the status and the recovery queue by state (cached). */

int
api_dashboard_json(struct web_req *rq, struct lb_buf *b, struct lb_err *e)
{
	if (web_dashboard(rq, b) == -1)
		return lb_error(e, "the vault cannot be read");
	return 0;
}

enum MHD_Result
api_dashboard(struct web_req *rq)
{
	struct lb_buf	 b;
	struct lb_err	 e;
	enum MHD_Result	 ret;

	lb_buf_init(&b, 1 << 20);
	if (api_dashboard_json(rq, &b, &e) == -1)
		ret = web_problem(rq, 503, "the vault cannot be read", e.msg);
	else
		ret = web_json(rq, 200, &b);
	lb_buf_free(&b);
	return ret;
}

/* Deadlines. */

int
api_agenda(struct web_req *rq, struct lb_agenda **a, int64_t *as_of,
    struct lb_err *e)
{
	struct lb_agenda_opts	 o;
	const char		*d = lb_arg(&rq->args, "as_of");
	const char		*r = lb_arg(&rq->args, "at_risk");
	int64_t			 day;

	memset(&o, 0, sizeof(o));
	o.as_of = rq->now;
	if (d != NULL) {
		if (lb_date_parse(d, strlen(d), &day, NULL, 0) == -1)
			return lb_error(e, "as_of: not a date");
		o.as_of = day * 86400 + 12 * 3600;
	}
	o.at_risk_only = r != NULL && strcmp(r, "true") == 0;
	o.importer = lb_arg(&rq->args, "importer");
	if (rq->s.role == LB_CLIENT) {
		o.importer = rq->s.importer;
		o.no_clocks = 1;
	}
	*as_of = o.as_of;
	return lb_agenda_build(rq->v, &o, a, e);
}

/* The "cursor" argument as an offset (digits, as this server gives). */
static int
offset_cursor(struct web_req *rq, size_t *from)
{
	const char	*cur = lb_arg(&rq->args, "cursor");
	size_t		 i;

	*from = 0;
	if (cur == NULL)
		return 0;
	for (i = 0; cur[i] != '\0'; i++)
		if (cur[i] < '0' || cur[i] > '9')
			return -1;
	*from = (size_t)strtoull(cur, NULL, 10);
	return 0;
}

enum MHD_Result
api_deadlines(struct web_req *rq)
{
	struct lb_agenda	*a;
	struct lb_agenda_item	 it;
	const struct lb_agenda_totals *t;
	struct lb_buf		 b;
	struct lb_err		 e;
	char			 ts[LB_TIME_STRLEN];
	int64_t			 as_of;
	size_t			 i, from = 0, n, limit;
	enum MHD_Result		 ret;

	if (offset_cursor(rq, &from) == -1)
		return web_problem(rq, 400, "bad request", "query parameter "
		    "\"cursor\": not a cursor this server gave");
	if (api_agenda(rq, &a, &as_of, &e) == -1)
		return web_problem(rq, 500, "the deadlines cannot be read",
		    e.msg);
	limit = api_limit(rq, 200);
	n = lb_agenda_count(a);
	t = lb_agenda_totals(a);
	lb_time_format(as_of, ts);
	lb_buf_init(&b, 16 << 20);
	lb_buf_addf(&b, "{\"as_of\":\"%s\",\"total\":%zu,\"overdue\":%zu,"
	    "\"at_risk\":%zu,\"deadlines\":[", ts, n, t->n[LB_DL_OVERDUE],
	    t->n[LB_DL_AT_RISK]);
	for (i = from; i < n && i < from + limit; i++) {
		if (lb_agenda_get(a, i, &it, &e) == -1)
			break;
		if (i > from)
			lb_buf_addc(&b, ',');
		/* A client is never shown the damages estimates. */
		if (rq->s.role == LB_CLIENT)
			it.d.exposure_cents = -1;
		cli_deadline_json(&b, &it);
	}
	lb_buf_adds(&b, "],\"next\":");
	if (i < n)
		lb_buf_addf(&b, "\"%zu\"}\n", i);
	else
		lb_buf_adds(&b, "null}\n");
	lb_agenda_free(a);
	ret = web_json(rq, 200, &b);
	lb_buf_free(&b);
	return ret;
}

/*
 * Close the list of a {"name":[ body and send it, or the error of the
 * library call that filled it (rc -1).  Frees b.
 */
static enum MHD_Result
list_reply(struct web_req *rq, struct lb_buf *b, int rc,
    const struct lb_err *e)
{
	enum MHD_Result	ret;

	if (rc == -1)
		ret = web_problem(rq, 500, "the vault cannot be read", e->msg);
	else {
		lb_buf_adds(b, "]}\n");
		ret = web_json(rq, 200, b);
	}
	lb_buf_free(b);
	return ret;
}

/* Entry number blocks. */

static int
on_block(void *arg, const struct lb_block *bl)
{
	struct lb_buf	*b = arg;

	if (b->len > 13)
		lb_buf_addc(b, ',');
	lb_buf_addf(b, "{\"filer\":\"%s\",\"first\":%" PRId64 ",\"last\":%"
	    PRId64 ",\"port\":", bl->filer, bl->first, bl->last);
	if (bl->port[0] != '\0')
		lb_buf_addf(b, "\"%s\"", bl->port);
	else
		lb_buf_adds(b, "null");
	lb_buf_addf(b, ",\"taken\":%" PRId64 ",\"left\":%" PRId64 "}",
	    bl->taken, bl->left);
	return 0;
}

enum MHD_Result
api_entries(struct web_req *rq)
{
	struct lb_buf	b;
	struct lb_err	e;
	int		rc;

	lb_buf_init(&b, 1 << 20);
	lb_buf_adds(&b, "{\"blocks\":[");
	rc = lb_entry_blocks(rq->v, on_block, &b, &e);
	return list_reply(rq, &b, rc, &e);
}

/* The recovery queue. */

void
api_recovery_item_json(struct lb_buf *b, const struct lb_recovery_item *it)
{
	cli_recovery_json(b, it);
}

/* A page of the queue: items [from, from + limit) of the listing. */
struct rpage {
	struct lb_buf	*b;
	size_t		 i, from, limit;
	int		 more;
};

static int
on_recovery(void *arg, const struct lb_recovery_item *it)
{
	struct rpage	*p = arg;

	if (p->i++ < p->from)
		return 0;
	if (p->i > p->from + p->limit) {
		p->more = 1;
		return -1;	/* a full page: stop the scan */
	}
	if (p->b->data[p->b->len - 1] != '[')
		lb_buf_addc(p->b, ',');
	api_recovery_item_json(p->b, it);
	return 0;
}

enum MHD_Result
api_recovery(struct web_req *rq)
{
	struct rpage	 p;
	struct lb_buf	 b;
	struct lb_err	 e;
	enum MHD_Result	 ret;
	int		 rc;

	memset(&p, 0, sizeof(p));
	if (offset_cursor(rq, &p.from) == -1)
		return web_problem(rq, 400, "bad request", "query parameter "
		    "\"cursor\": not a cursor this server gave");
	p.limit = api_limit(rq, 500);
	p.b = &b;
	lb_buf_init(&b, 16 << 20);
	lb_buf_adds(&b, "{\"tasks\":[");
	rc = lb_recovery_list(rq->v, lb_arg(&rq->args, "state"),
	    on_recovery, &p, &e);
	if (rc == -1 && !p.more) {
		lb_buf_free(&b);
		return web_problem(rq, 500, "the vault cannot be read", e.msg);
	}
	lb_buf_adds(&b, "],\"next\":");
	if (p.more)
		lb_buf_addf(&b, "\"%zu\"}\n", p.from + p.limit);
	else
		lb_buf_adds(&b, "null}\n");
	ret = web_json(rq, 200, &b);
	lb_buf_free(&b);
	return ret;
}

enum MHD_Result
api_recovery_mark(struct web_req *rq)
{
	struct lb_err	e;

	if (lb_recovery_mark(rq->v, &rq->who, lb_arg(&rq->args, "ref"),
	    lb_arg(&rq->args, "task"), lb_arg(&rq->args, "state"),
	    lb_arg(&rq->args, "reason"), &e) == -1)
		return web_problem(rq, 409, "not marked", e.msg);
	return web_bytes(rq, 204, NULL, "", 0, NULL);
}

/* Relief. */

static int
on_relief(void *arg, const struct lb_relief_rec *r)
{
	struct lb_buf	*b = arg;

	if (b->data[b->len - 1] != '[')
		lb_buf_addc(b, ',');
	cli_relief_json(b, r);
	return 0;
}

enum MHD_Result
api_relief(struct web_req *rq)
{
	struct lb_buf	b;
	struct lb_err	e;
	int		rc;

	lb_buf_init(&b, 4 << 20);
	lb_buf_adds(&b, "{\"relief\":[");
	rc = lb_relief_list(rq->v, on_relief, &b, &e);
	return list_reply(rq, &b, rc, &e);
}

enum MHD_Result
api_relief_add(struct web_req *rq)
{
	struct lb_relief_in	in;
	struct lb_buf		b;
	struct lb_err		e;
	char			id[LB_RELIEF_ID];
	enum MHD_Result		ret;

	memset(&in, 0, sizeof(in));
	in.id = lb_arg(&rq->args, "id");
	in.type = lb_arg(&rq->args, "type");
	in.first = lb_arg(&rq->args, "from");
	in.last = lb_arg(&rq->args, "to");
	in.covers = lb_arg(&rq->args, "covers");
	in.days = lb_arg(&rq->args, "days");
	in.ports = lb_arg(&rq->args, "ports");
	in.importer = lb_arg(&rq->args, "importer");
	in.reason = lb_arg(&rq->args, "reason");
	in.reference = lb_arg(&rq->args, "reference");
	in.approved_by = lb_arg(&rq->args, "approved_by");
	in.renews = lb_arg(&rq->args, "renews");
	if (lb_relief_add(rq->v, &rq->who, &in, id, &e) == -1)
		return web_problem(rq, 422, "relief not recorded", e.msg);
	lb_buf_init(&b, 256);
	lb_buf_adds(&b, "{\"id\":");
	lb_buf_add_json_str(&b, id, strlen(id));
	lb_buf_adds(&b, "}\n");
	ret = web_json(rq, 201, &b);
	lb_buf_free(&b);
	return ret;
}

/* Users. */

static int
on_user(void *arg, const struct lb_account *a)
{
	struct lb_buf	*b = arg;

	if (b->data[b->len - 1] != '[')
		lb_buf_addc(b, ',');
	cli_account_json(b, a);
	return 0;
}

enum MHD_Result
api_users(struct web_req *rq)
{
	struct lb_buf	b;
	struct lb_err	e;
	int		rc;

	lb_buf_init(&b, 4 << 20);
	lb_buf_adds(&b, "{\"users\":[");
	rc = lb_account_list(rq->v, on_user, &b, &e);
	return list_reply(rq, &b, rc, &e);
}

int
api_user_create(struct web_req *rq, struct lb_err *e)
{
	const char		*pw = lb_arg(&rq->args, "password");
	struct lb_breached	*bl;
	const char		*path = getenv("LIFEBOAT_BREACHED");
	enum lb_role		 role;
	int			 rc;

	if (lb_role_parse(lb_arg(&rq->args, "role"), &role, e) == -1)
		return -1;
	if (path == NULL || path[0] == '\0')
		path = LB_PW_BREACHED_DEFAULT;
	if (lb_breached_load(path, &bl, e) == -1)
		return -1;
	rc = lb_account_add(rq->v, &rq->who, lb_arg(&rq->args, "name"), role,
	    lb_arg(&rq->args, "client"), pw, strlen(pw), bl, e);
	lb_breached_free(bl);
	return rc;
}

enum MHD_Result
api_user_add(struct web_req *rq)
{
	struct lb_err	e;

	if (api_user_create(rq, &e) == -1)
		return web_problem(rq, 422, "user not added", e.msg);
	return web_bytes(rq, 201, "application/json", "{}\n", 3, NULL);
}

int
api_user_set(struct web_req *rq, int disabled, struct lb_err *e)
{
	const char	*name = lb_arg(&rq->args, "name");

	if (disabled && strcmp(name, rq->s.user) == 0)
		return lb_error(e, "you cannot disable your own account");
	if (lb_account_set_disabled(rq->v, &rq->who, name, disabled, e) == -1)
		return -1;
	if (disabled)
		lb_session_end_user(web_sessions(rq), name);
	return 0;
}

static enum MHD_Result
user_set(struct web_req *rq, int disabled)
{
	struct lb_err	e;

	if (api_user_set(rq, disabled, &e) == -1)
		return web_problem(rq, 409, disabled ? "not disabled" :
		    "not enabled", e.msg);
	return web_bytes(rq, 204, NULL, "", 0, NULL);
}

enum MHD_Result
api_user_disable(struct web_req *rq)
{
	return user_set(rq, 1);
}

enum MHD_Result
api_user_enable(struct web_req *rq)
{
	return user_set(rq, 0);
}

/* Incident clocks. */

static int
on_clock(void *arg, const struct lb_clock_rec *r)
{
	struct lb_buf	*b = arg;
	char		 t[LB_TIME_STRLEN];

	if (b->data[b->len - 1] != '[')
		lb_buf_addc(b, ',');
	lb_buf_adds(b, "{\"name\":");
	lb_buf_add_json_str(b, r->name, strlen(r->name));
	lb_time_format(r->started, t);
	lb_buf_addf(b, ",\"started\":\"%s\",\"stopped\":", t);
	if (r->stopped > 0) {
		lb_time_format(r->stopped, t);
		lb_buf_addf(b, "\"%s\"", t);
	} else
		lb_buf_adds(b, "null");
	lb_buf_adds(b, ",\"note\":");
	lb_buf_add_json_str(b, r->note, strlen(r->note));
	lb_buf_addc(b, '}');
	return 0;
}

enum MHD_Result
api_clocks(struct web_req *rq)
{
	struct lb_buf	b;
	struct lb_err	e;
	int		rc;

	lb_buf_init(&b, 1 << 20);
	lb_buf_adds(&b, "{\"clocks\":[");
	rc = lb_clock_list(rq->v, on_clock, &b, &e);
	return list_reply(rq, &b, rc, &e);
}

/*
 * The time of the "at" argument (ISO 8601; without an offset, in the
 * vault's time zone, refused when it has none), else now.
 */
static int
clock_at(struct web_req *rq, int64_t *at, struct lb_err *e)
{
	const char	*s = lb_arg(&rq->args, "at");
	struct lb_tz	*tz = NULL;
	char		 why[160];
	int		 rc;

	*at = rq->now;
	if (s == NULL)
		return 0;
	if (lb_zone_of_vault(rq->v, NULL, &tz, NULL, e) == -1)
		return -1;
	rc = lb_tz_time_parse(tz, s, strlen(s), at, why, sizeof(why));
	lb_tz_free(tz);
	if (rc == -1)
		return lb_error(e, "at: %s", why);
	return 0;
}

enum MHD_Result
api_clock_start(struct web_req *rq)
{
	struct lb_err	e;
	int64_t		at;

	if (clock_at(rq, &at, &e) == -1)
		return web_problem(rq, 400, "bad request body", e.msg);
	if (lb_clock_start(rq->v, &rq->who, lb_arg(&rq->args, "name"), at,
	    lb_arg(&rq->args, "note"), &e) == -1)
		return web_problem(rq, 409, "clock not started", e.msg);
	return web_bytes(rq, 204, NULL, "", 0, NULL);
}

enum MHD_Result
api_clock_stop(struct web_req *rq)
{
	struct lb_err	e;
	int64_t		at;

	if (clock_at(rq, &at, &e) == -1)
		return web_problem(rq, 400, "bad request body", e.msg);
	if (lb_clock_stop(rq->v, &rq->who, lb_arg(&rq->args, "name"), at,
	    &e) == -1)
		return web_problem(rq, 409, "clock not stopped", e.msg);
	return web_bytes(rq, 204, NULL, "", 0, NULL);
}

/* Settings, the journal's checkpoint, verification. */

enum MHD_Result
api_settings(struct web_req *rq)
{
	struct lb_buf	 b;
	struct lb_err	 e;
	enum MHD_Result	 ret;

	lb_buf_init(&b, 1 << 16);
	if (cli_settings_json(rq->v, &b, &e) == -1) {
		lb_buf_free(&b);
		return web_problem(rq, 500, "the vault cannot be read", NULL);
	}
	ret = web_json(rq, 200, &b);
	lb_buf_free(&b);
	return ret;
}

enum MHD_Result
api_checkpoint(struct web_req *rq)
{
	unsigned char	head[LB_HASH_LEN];
	struct lb_buf	b;
	struct lb_err	e;
	char		cp[LB_HASH_LEN * 2 + 24];
	int64_t		count;
	enum MHD_Result	ret;

	if (lb_journal_head(rq->v->st, &count, head, &e) == -1)
		return web_problem(rq, 500, "the vault cannot be read", e.msg);
	lb_checkpoint_format(count, head, cp);
	lb_buf_init(&b, 256);
	lb_buf_addf(&b, "{\"checkpoint\":\"%s\",\"entries\":%" PRId64 "}\n",
	    cp, count);
	ret = web_json(rq, 200, &b);
	lb_buf_free(&b);
	return ret;
}

enum MHD_Result
api_verify(struct web_req *rq)
{
	struct lb_verify_stats	 vs;
	struct lb_problems	 p;
	struct lb_buf		 b;
	struct lb_err		 e;
	char			 cp[LB_HASH_LEN * 2 + 24];
	size_t			 i;
	enum MHD_Result		 ret;

	lb_problems_init(&p, 100);
	if (lb_verify(rq->v, 0, 0, NULL, &p, &vs, &e) == -1) {
		lb_problems_free(&p);
		return web_problem(rq, 500, "verification could not run",
		    e.msg);
	}
	lb_checkpoint_format(vs.entries, vs.head, cp);
	lb_buf_init(&b, 1 << 20);
	lb_buf_addf(&b, "{\"ok\":%s,\"entries\":%" PRId64 ",\"rows\":%" PRId64
	    ",\"checkpoint\":\"%s\",\"problems\":%zu,\"first_problems\":[",
	    p.total == 0 ? "true" : "false", vs.entries, vs.rows, cp,
	    p.total);
	for (i = 0; i < p.n; i++) {
		if (i > 0)
			lb_buf_addc(&b, ',');
		lb_buf_add_json_str(&b, p.v[i].msg, strlen(p.v[i].msg));
	}
	lb_buf_adds(&b, "]}\n");
	lb_problems_free(&p);
	ret = web_json(rq, 200, &b);
	lb_buf_free(&b);
	return ret;
}
