/*
 * web_server.c: the web server's engine (web.h): libmicrohttpd with a
 * pool of two threads, each with its own vault connection; the request
 * edge; sessions, CSRF and Origin; the sign-in hasher; metrics; replies.
 *
 * A request goes through, in this order, before any handler runs:
 *   1. the target (path and query, as sent) against the route table:
 *      400 malformed or invalid parameter, 404, 405 (route.h);
 *   2. its body: refused (413) on routes that take none, and beyond
 *      BODY_MAX on those that do; the declared content type (415);
 *   3. the session cookie, then the route's roles: 401 (API) or a
 *      redirect to the sign-in page when a session is needed, 403 when
 *      the role is not allowed (journaled);
 *   4. on POST, PUT, PATCH and DELETE: an Origin header equal to ours
 *      (403), and the session's CSRF token in X-CSRF-Token or the form
 *      field "csrf" (403), except on the sign-in routes;
 *   5. the body's fields against the route's declared parameters (400).
 *
 * Password checks (argon2id, 64 MiB each) run on a few hasher threads,
 * not on the server's: a sign-in suspends its connection until its check
 * is done, so a storm of sign-ins queues there, bounded in memory, and
 * every other request goes on.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <grp.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "cli.h"
#include "journal.h"
#include "json.h"
#include "agenda.h"
#include "recovery.h"
#include "status.h"
#include "web.h"

#define BODY_MAX	(64 * 1024)
#define TARGET_MAX	(LB_PATH_MAX + 2048)
#define QUEUE_MAX	256		/* sign-ins waiting for a hasher */
#define SESSIONS_MAX	4096
#define DASH_TTL	60		/* seconds a dashboard is reused */
#define COOKIE		"__Host-lifeboat"

/* Statuses the metrics count, in this order; anything else is "other". */
static const unsigned statuses[] = {
	200, 201, 204, 303, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429,
	500, 503
};
#define NSTATUS		(sizeof(statuses) / sizeof(statuses[0]))
/* Latency buckets, upper bounds in microseconds. */
static const int64_t buckets[] = {
	1000, 2500, 5000, 10000, 50000, 100000, 500000, 1000000
};
#define NBUCKETS	(sizeof(buckets) / sizeof(buckets[0]))
#define MAX_ROUTES	64

struct web {
	const struct web_opts	*o;
	struct MHD_Daemon	*d;
	struct lb_sessions	*sessions;
	pthread_key_t		 vault_key;
	int			 tls;
	int64_t			 started;

	pthread_mutex_t		 lock;		/* counters */
	int64_t			 inflight;	/* requests begun, not ended */
	uint64_t		 requests[MAX_ROUTES + 1][NSTATUS + 1];
	uint64_t		 hist[NBUCKETS + 1];
	uint64_t		 hist_count;
	int64_t			 hist_sum_us;

	pthread_mutex_t		 qlock;		/* the hasher queue */
	pthread_cond_t		 qcond;
	struct web_req		*queue[QUEUE_MAX];
	size_t			 qhead, qlen;
	int			 stopping;
	pthread_t		*hashers;
	unsigned		 nhashers;

	pthread_mutex_t		 dlock;		/* the dashboard cache */
	int			 dash_ok;
	struct lb_status	 dash;
	struct lb_agenda_totals	 dash_totals;
	int64_t			 dash_recovery[4];
	int			 building;
	int64_t			 dash_seq;
	int64_t			 dash_at;
};

/* A connection's request, from its first line to its end. */
struct conn {
	struct web_req	 rq;
	char		 target[TARGET_MAX + 1];
	int		 too_long;
	int		 matched;
	int		 dispatched;
	unsigned	 status;	/* the edge's verdict, then the reply's */
	unsigned	 allow;
	int		 route_ix;	/* index in web_routes, or -1 */
	int64_t		 t0_us;
	char		 method_name[8];
	char		*body;
	size_t		 bodylen;
	int		 body_over;
	char		 cookie[200];	/* Set-Cookie to send */
};

static int64_t
now_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static struct conn *
conn_of(struct web_req *rq)
{
	return (struct conn *)(void *)rq;
}

/* Replies. */

static enum MHD_Result
send_reply(struct web_req *rq, unsigned status, const char *type,
    const void *data, size_t n, const char *allow, const char *location,
    const char *disposition)
{
	struct conn		*c = conn_of(rq);
	struct MHD_Response	*r;
	enum MHD_Result		 ret;

	c->status = status;
	r = MHD_create_response_from_buffer(n, (void *)(uintptr_t)data,
	    MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	if (type != NULL)
		(void)MHD_add_response_header(r, "Content-Type", type);
	(void)MHD_add_response_header(r, "Cache-Control", "no-store");
	(void)MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	(void)MHD_add_response_header(r, "X-Frame-Options", "DENY");
	(void)MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	(void)MHD_add_response_header(r, "Content-Security-Policy",
	    "default-src 'none'; style-src 'self'; img-src 'self'; "
	    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	if (rq->w != NULL && rq->w->tls)
		(void)MHD_add_response_header(r, "Strict-Transport-Security",
		    "max-age=31536000");
	if (allow != NULL)
		(void)MHD_add_response_header(r, "Allow", allow);
	if (location != NULL)
		(void)MHD_add_response_header(r, "Location", location);
	if (disposition != NULL)
		(void)MHD_add_response_header(r, "Content-Disposition",
		    disposition);
	if (c->cookie[0] != '\0')
		(void)MHD_add_response_header(r, "Set-Cookie", c->cookie);
	if (status == 429 || status == 503)
		(void)MHD_add_response_header(r, "Retry-After", "5");
	ret = MHD_queue_response(rq->con, status, r);
	MHD_destroy_response(r);
	return ret;
}

enum MHD_Result
web_json(struct web_req *rq, unsigned status, struct lb_buf *b)
{
	if (lb_buf_error(b) != 0)
		return web_problem(rq, 500, "response too large", NULL);
	return send_reply(rq, status, "application/json", b->data, b->len,
	    NULL, NULL, NULL);
}

enum MHD_Result
web_html(struct web_req *rq, unsigned status, struct lb_buf *b)
{
	if (lb_buf_error(b) != 0)
		return web_problem(rq, 500, "response too large", NULL);
	return send_reply(rq, status, "text/html; charset=utf-8", b->data,
	    b->len, NULL, NULL, NULL);
}

enum MHD_Result
web_bytes(struct web_req *rq, unsigned status, const char *type,
    const void *data, size_t n, const char *disposition)
{
	return send_reply(rq, status, type, data, n, NULL, NULL, disposition);
}

enum MHD_Result
web_redirect(struct web_req *rq, const char *location)
{
	return send_reply(rq, 303, "text/plain; charset=utf-8", "", 0, NULL,
	    location, NULL);
}

/*
 * Does the error go to a person: a page route, or no route at all asked
 * by a browser (Accept: text/html) outside the API?
 */
static int
wants_html(struct web_req *rq)
{
	struct conn	*c = conn_of(rq);
	const char	*acc;

	if (rq->route != NULL)
		return (rq->route->flags & LB_R_PAGE) != 0;
	if (strncmp(c->target, "/api/", 5) == 0)
		return 0;
	acc = MHD_lookup_connection_value(rq->con, MHD_HEADER_KIND, "Accept");
	return acc != NULL && strstr(acc, "text/html") != NULL;
}

/*
 * An error page, for people (web_ui.c): the header and navigation, what
 * happened and what to do in plain words, a link back to where they were.
 */
static enum MHD_Result
problem_page(struct web_req *rq, unsigned status, const char *title,
    const char *detail, const char *allow, int csrf)
{
	struct lb_buf	 b;
	enum MHD_Result	 ret;

	lb_buf_init(&b, 1 << 20);
	ui_problem_page(rq, &b, status, title, detail, csrf);
	ret = send_reply(rq, status, "text/html; charset=utf-8", b.data,
	    lb_buf_error(&b) ? 0 : b.len, allow, NULL, NULL);
	lb_buf_free(&b);
	return ret;
}

const char *
web_target(struct web_req *rq)
{
	return conn_of(rq)->target;
}

static enum MHD_Result
problem_allow(struct web_req *rq, unsigned status, const char *title,
    const char *detail, const char *allow)
{
	struct lb_buf	 b;
	enum MHD_Result	 ret;

	if (wants_html(rq))
		return problem_page(rq, status, title, detail, allow, 0);
	lb_buf_init(&b, 8192);
	lb_buf_addf(&b, "{\"type\":\"about:blank\",\"status\":%u,\"title\":",
	    status);
	lb_buf_add_json_str(&b, title, strlen(title));
	if (detail != NULL) {
		lb_buf_adds(&b, ",\"detail\":");
		lb_buf_add_json_str(&b, detail, strlen(detail));
	}
	lb_buf_adds(&b, "}\n");
	ret = send_reply(rq, status, "application/problem+json", b.data,
	    lb_buf_error(&b) ? 0 : b.len, allow, NULL, NULL);
	lb_buf_free(&b);
	return ret;
}

enum MHD_Result
web_problem(struct web_req *rq, unsigned status, const char *title,
    const char *detail)
{
	return problem_allow(rq, status, title, detail, NULL);
}

void
web_set_cookie(struct web_req *rq, const char *token)
{
	struct conn	*c = conn_of(rq);

	(void)snprintf(c->cookie, sizeof(c->cookie), COOKIE "=%s; Path=/; "
	    "Secure; HttpOnly; SameSite=Strict", token);
}

void
web_clear_cookie(struct web_req *rq)
{
	struct conn	*c = conn_of(rq);

	(void)snprintf(c->cookie, sizeof(c->cookie), COOKIE "=; Path=/; "
	    "Secure; HttpOnly; SameSite=Strict; Max-Age=0");
}

/* The vault, one connection per server thread. */

static void
close_vault(void *p)
{
	lb_vault_close(p);
}

static struct lb_vault *
thread_vault(struct web *w, struct lb_err *e)
{
	struct lb_vault	*v = pthread_getspecific(w->vault_key);

	if (v != NULL)
		return v;
	if (lb_vault_open(w->o->vault_dir, &w->o->who, &v, e) == -1)
		return NULL;
	(void)pthread_setspecific(w->vault_key, v);
	return v;
}

struct lb_sessions *
web_sessions(struct web_req *rq)
{
	return rq->w->sessions;
}

unsigned
web_role_bit(const struct web_req *rq)
{
	if (!rq->signed_in)
		return LB_ROLE_PUBLIC;
	switch (rq->s.role) {
	case LB_ADMIN:
		return LB_ROLE_ADMIN;
	case LB_STAFF:
		return LB_ROLE_STAFF;
	case LB_CLIENT:
		return LB_ROLE_CLIENT;
	case LB_AUDITOR:
		return LB_ROLE_AUDITOR;
	}
	return LB_ROLE_PUBLIC;
}

int
web_may_see(const struct web_req *rq, const char *imp)
{
	if (!rq->signed_in)
		return 0;
	if (rq->s.role != LB_CLIENT)
		return 1;
	return imp != NULL && rq->s.importer[0] != '\0' &&
	    strcmp(imp, rq->s.importer) == 0;
}

void
web_event(struct web_req *rq, const char *action, const char *subject,
    const char *why)
{
	struct lb_err	e;

	if (rq->v == NULL)
		return;
	if (rq->reading) {
		/* No write inside the read snapshot: after it. */
		if (!rq->pending) {
			rq->pending = 1;
			(void)snprintf(rq->pend_action, sizeof(rq->pend_action),
			    "%s", action);
			(void)snprintf(rq->pend_subject,
			    sizeof(rq->pend_subject), "%s", subject);
			(void)snprintf(rq->pend_why, sizeof(rq->pend_why), "%s",
			    why != NULL ? why : "");
		}
		return;
	}
	if (lb_account_event(rq->v, &rq->who, action, subject, why, &e) == -1)
		fprintf(stderr, "lifeboat: serve: cannot journal %s: %s\n",
		    action, e.msg);
}

/* The hasher. */

static void *
hasher(void *arg)
{
	struct web	*w = arg;
	struct web_req	*rq;

	for (;;) {
		(void)pthread_mutex_lock(&w->qlock);
		while (w->qlen == 0 && !w->stopping)
			(void)pthread_cond_wait(&w->qcond, &w->qlock);
		if (w->qlen == 0) {
			(void)pthread_mutex_unlock(&w->qlock);
			return NULL;
		}
		rq = w->queue[w->qhead];
		w->qhead = (w->qhead + 1) % QUEUE_MAX;
		w->qlen--;
		(void)pthread_mutex_unlock(&w->qlock);
		rq->verified = lb_password_verify(rq->hash, rq->pw,
		    rq->pwlen) == 1;
		sodium_free(rq->pw);
		rq->pw = NULL;
		rq->verify = WV_DONE;
		MHD_resume_connection(rq->con);
	}
}

int
web_sign_in(struct web_req *rq, const char *user, const char *pw,
    size_t pwlen, struct lb_account *a, const char **why)
{
	struct web	*w = rq->w;
	struct lb_err	 e;
	int64_t		 limit = w->o->login_limit;
	int		 rc, found;

	*why = NULL;
	if (rq->verify == WV_DONE) {
		/* Counted as a failure when queued: refunded if right. */
		rc = lb_account_get(rq->v, user, a, &e);
		sodium_memzero(rq->hash, sizeof(rq->hash));
		if (rq->verified && rc == 1 && !a->disabled) {
			lb_throttle_refund(w->sessions, user, rq->now);
			return 1;
		}
		sodium_memzero(a->hash, sizeof(a->hash));
		*why = rc != 1 ? "unknown user" : !rq->verified ?
		    "wrong password" : "account disabled";
		return -1;
	}
	if (limit <= 0 && lb_vault_setting(rq->v, "login_failures_per_hour",
	    &limit, &e) == -1)
		limit = 100;
	if (!lb_throttle_ok(w->sessions, user, rq->now, limit)) {
		*why = "throttled";
		return -2;
	}
	found = lb_account_get(rq->v, user, a, &e);
	if (found == -1) {
		*why = "storage";
		return -3;
	}
	(void)snprintf(rq->hash, sizeof(rq->hash), "%s", found == 1 ?
	    a->hash : lb_password_dummy_hash());
	sodium_memzero(a->hash, sizeof(a->hash));
	if ((rq->pw = sodium_malloc(pwlen + 1)) == NULL) {
		*why = "memory";
		return -3;
	}
	memcpy(rq->pw, pw, pwlen);
	rq->pwlen = pwlen;
	(void)pthread_mutex_lock(&w->qlock);
	if (w->qlen == QUEUE_MAX || w->stopping) {
		(void)pthread_mutex_unlock(&w->qlock);
		sodium_free(rq->pw);
		rq->pw = NULL;
		*why = "busy";
		return -4;
	}
	/* In flight, it counts against the limit until it proves right. */
	lb_throttle_fail(w->sessions, user, rq->now);
	/* Asleep before the hasher can wake it. */
	MHD_suspend_connection(rq->con);
	rq->verify = WV_QUEUED;
	w->queue[(w->qhead + w->qlen) % QUEUE_MAX] = rq;
	w->qlen++;
	(void)pthread_cond_signal(&w->qcond);
	(void)pthread_mutex_unlock(&w->qlock);
	return 0;
}

/* The dashboard cache. */

static int
on_recovery_count(void *arg, const struct lb_recovery_item *it)
{
	int64_t		*n = arg;
	static const char *const st[] = {
		"pending", "transmitted", "accepted", "rejected"
	};
	size_t		 i;

	for (i = 0; i < 4; i++)
		if (strcmp(it->state, st[i]) == 0)
			n[i]++;
	return 0;
}

/* Build what the dashboard shows; called unlocked. */
static int
dash_build(struct web_req *rq, struct lb_status *st,
    struct lb_agenda_totals *t, int64_t recovery[4], struct lb_err *e)
{
	struct lb_agenda_opts	 o;
	struct lb_agenda	*a;

	memset(&o, 0, sizeof(o));
	o.as_of = rq->now;
	o.at_risk_only = 1;
	memset(recovery, 0, 4 * sizeof(recovery[0]));
	if (lb_status_collect(rq->v, rq->now, st, e) == -1 ||
	    lb_status_deadlines(rq->v, rq->now, st, e) == -1 ||
	    lb_recovery_list(rq->v, NULL, on_recovery_count, recovery,
	    e) == -1 || lb_agenda_build(rq->v, &o, &a, e) == -1)
		return -1;
	*t = *lb_agenda_totals(a);
	lb_agenda_free(a);
	return 0;
}

int
web_status(struct web_req *rq, struct lb_status *out,
    struct lb_agenda_totals *totals, int64_t recovery[4])
{
	struct web		*w = rq->w;
	struct lb_status	*st;
	struct lb_agenda_totals	 t;
	struct lb_err		 e;
	unsigned char		 head[LB_HASH_LEN];
	int64_t			 seq, changes = 1, rc4[4];
	int			 fresh, rc = -1;

	if (lb_journal_head(rq->v->st, &seq, head, &e) == -1)
		return -1;
	(void)pthread_mutex_lock(&w->dlock);
	fresh = w->dash_ok && rq->now - w->dash_at < DASH_TTL &&
	    rq->now >= w->dash_at;
	if (fresh && w->dash_seq != seq) {
		/* Sign-ins are journaled too: only data changes count. */
		if (rq->v->st->ops->query3(rq->v->st, "journal_changes_since",
		    "", w->dash_seq, 0, &changes, &e) != 1)
			changes = 1;
		if (changes == 0)
			w->dash_seq = seq;
	}
	if ((fresh && w->dash_seq == seq) || (w->dash_ok && w->building)) {
		/* Fresh; or being rebuilt by another request: this one. */
		*out = w->dash;
		*totals = w->dash_totals;
		memcpy(recovery, w->dash_recovery, sizeof(w->dash_recovery));
		(void)pthread_mutex_unlock(&w->dlock);
		return 0;
	}
	w->building = 1;
	(void)pthread_mutex_unlock(&w->dlock);
	if ((st = calloc(1, sizeof(*st))) != NULL &&
	    dash_build(rq, st, &t, rc4, &e) == 0)
		rc = 0;
	(void)pthread_mutex_lock(&w->dlock);
	w->building = 0;
	if (rc == 0) {
		w->dash = *st;
		w->dash_totals = t;
		memcpy(w->dash_recovery, rc4, sizeof(rc4));
		w->dash_ok = 1;
		w->dash_seq = seq;
		w->dash_at = rq->now;
		*out = w->dash;
		*totals = t;
		memcpy(recovery, rc4, sizeof(rc4));
	}
	(void)pthread_mutex_unlock(&w->dlock);
	free(st);
	return rc;
}

int
web_dashboard(struct web_req *rq, struct lb_buf *out)
{
	struct lb_agenda_totals	 t;
	struct lb_status	*st;
	int64_t			 rc4[4];
	int			 rc = -1;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return -1;
	if (web_status(rq, st, &t, rc4) == 0) {
		lb_buf_adds(out, "{\"status\":");
		cli_status_json(st, rq->now, out);
		while (out->len > 0 && out->data[out->len - 1] == '\n')
			out->len--;
		lb_buf_addf(out, ",\"recovery\":{\"pending\":%" PRId64
		    ",\"transmitted\":%" PRId64 ",\"accepted\":%" PRId64
		    ",\"rejected\":%" PRId64 "}}\n", rc4[0], rc4[1], rc4[2],
		    rc4[3]);
		rc = 0;
	}
	free(st);
	return rc;
}

/* The edge. */

static int
safe_method(unsigned m)
{
	return m == LB_M_GET || m == LB_M_HEAD;
}

/* Does the request's Origin name us?  1 or 0. */
static int
origin_ok(struct web *w, struct MHD_Connection *con)
{
	const char	*origin, *host, *site;
	char		 want[300];
	int		 n;

	site = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
	    "Sec-Fetch-Site");
	if (site != NULL && strcmp(site, "same-origin") != 0 &&
	    strcmp(site, "none") != 0)
		return 0;
	origin = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Origin");
	if (origin == NULL)
		return 0;
	if (w->o->origin != NULL)
		return strcmp(origin, w->o->origin) == 0;
	host = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Host");
	if (host == NULL)
		return 0;
	n = snprintf(want, sizeof(want), "%s://%s", w->tls ? "https" :
	    "http", host);
	return n > 0 && (size_t)n < sizeof(want) && strcmp(origin, want) == 0;
}

/* The body's fields into rq->args, by the route's declared content type. */
static int
body_args(struct conn *c, struct lb_err *e)
{
	struct web_req		*rq = &c->rq;
	const struct lb_route	*r = rq->route;
	struct lb_json		*j;
	struct lb_record	 rec;
	struct lb_read_error	 re;
	struct lb_buf		 b;
	char			 name[LB_MAX_NAME + 1], *val;
	size_t			 i;
	int			 rc, ret = -1;

	if (r->flags & LB_R_FORM) {
		if (lb_args_form(r, c->body != NULL ? c->body : "", c->bodylen,
		    &rq->args) == -1)
			return lb_error(e, "%s", rq->args.why);
		return 0;
	}
	if ((r->flags & LB_R_JSON) == 0)
		return 0;
	if (c->bodylen == 0) {
		/* No body: no fields, which may be all the route needs. */
		if (lb_args_complete(r, &rq->args) == -1)
			return lb_error(e, "%s", rq->args.why);
		return 0;
	}
	/* One flat object: the import's JSON reader, on "[" body "]". */
	lb_buf_init(&b, BODY_MAX + 4);
	lb_buf_addc(&b, '[');
	lb_buf_add(&b, c->body != NULL ? c->body : "", c->bodylen);
	lb_buf_addc(&b, ']');
	if (lb_buf_error(&b) != 0 || (j = lb_json_open_mem(b.data,
	    b.len)) == NULL) {
		lb_buf_free(&b);
		return lb_error(e, "out of memory");
	}
	rc = lb_json_next(j, &rec, &re);
	if (rc != 1) {
		lb_error(e, rc == 0 ? "the body must be one JSON object" :
		    "body, column %lu: %s", re.col > 1 ? re.col - 1 : 1,
		    re.msg);
		goto out;
	}
	for (i = 0; i < rec.nfields; i++) {
		if (rec.fields[i].type == LB_VAL_NULL)
			continue;
		memcpy(name, rec.fields[i].name, rec.fields[i].name_len);
		name[rec.fields[i].name_len] = '\0';
		if ((val = malloc(rec.fields[i].len + 1)) == NULL) {
			lb_error(e, "out of memory");
			goto out;
		}
		memcpy(val, rec.fields[i].val, rec.fields[i].len);
		val[rec.fields[i].len] = '\0';
		rc = lb_args_add(r, name, val, rec.fields[i].len, &rq->args);
		sodium_memzero(val, rec.fields[i].len);
		free(val);
		if (rc == -1) {
			lb_error(e, "%s", rq->args.why);
			goto out;
		}
	}
	if ((rc = lb_json_next(j, &rec, &re)) != 0) {
		lb_error(e, rc == 1 ? "the body must be one JSON object" :
		    "body, column %lu: %s", re.col > 1 ? re.col - 1 : 1,
		    re.msg);
		goto out;
	}
	if (lb_args_complete(r, &rq->args) == -1) {
		lb_error(e, "%s", rq->args.why);
		goto out;
	}
	ret = 0;
out:
	lb_json_close(j);
	sodium_memzero(b.data, b.len);
	lb_buf_free(&b);
	return ret;
}

/* Is the declared content type the route's? */
static int
content_type_ok(struct conn *c)
{
	const char	*ct = MHD_lookup_connection_value(c->rq.con,
	    MHD_HEADER_KIND, "Content-Type");
	const char	*want;
	size_t		 n;

	if (c->rq.route->flags & LB_R_JSON)
		want = "application/json";
	else if (c->rq.route->flags & LB_R_FORM)
		want = "application/x-www-form-urlencoded";
	else
		return 1;
	if (c->bodylen == 0)
		return 1;	/* nothing to decode */
	if (ct == NULL)
		return 0;
	n = strlen(want);
	return strncmp(ct, want, n) == 0 && (ct[n] == '\0' || ct[n] == ';');
}

static void	session_of(struct web *, struct conn *);

static enum MHD_Result
edge_refusal(struct web *w, struct conn *c)
{
	struct web_req	*rq = &c->rq;
	struct lb_err	 e;
	char		 allow[64];

	/* A page keeps its header and navigation: whose session is it? */
	if (wants_html(rq) && (rq->v = thread_vault(w, &e)) != NULL) {
		rq->now = (int64_t)time(NULL);
		session_of(w, c);
	}

	switch (c->status) {
	case 400:
		return web_problem(rq, 400, "bad request", c->rq.args.why[0] ?
		    c->rq.args.why : "malformed request target");
	case 404:
		return web_problem(rq, 404, "not found", NULL);
	case 405:
		lb_http_allow(c->allow, allow, sizeof(allow));
		return problem_allow(rq, 405, "method not allowed", NULL,
		    allow);
	case 414:
		return web_problem(rq, 414, "request target too long", NULL);
	default:
		return web_problem(rq, 400, "bad request", NULL);
	}
}

/*
 * The session of the request's cookie, when it is valid and its account
 * unchanged since sign-in (disabled, another role or importer, a new
 * password end it); rq->actor names who asks.
 */
static void
session_of(struct web *w, struct conn *c)
{
	struct web_req		*rq = &c->rq;
	struct lb_err		 e;
	const char		*tok;
	struct lb_account	 a;
	unsigned char		 fp[16];

	tok = MHD_lookup_connection_value(rq->con, MHD_COOKIE_KIND, COOKIE);
	if (tok != NULL && strlen(tok) == LB_TOKEN_HEX - 1 &&
	    lb_session_find(w->sessions, tok, strlen(tok), rq->now, &rq->s)) {
		/* The account may have changed since: check it each time
		 * (disabled, another role or importer, a new password). */
		if (lb_account_get(rq->v, rq->s.user, &a, &e) == 1)
			lb_session_fingerprint(a.hash, fp);
		else
			memset(fp, 0, sizeof(fp));
		if (a.name[0] == '\0' || a.disabled || a.role != rq->s.role ||
		    strcmp(a.importer, rq->s.importer) != 0 ||
		    sodium_memcmp(fp, rq->s.pwfp, sizeof(fp)) != 0) {
			lb_session_end(w->sessions, tok, strlen(tok));
		} else {
			rq->signed_in = 1;
			memcpy(rq->token, tok, LB_TOKEN_HEX);
		}
		sodium_memzero(a.hash, sizeof(a.hash));
	}
	if (rq->signed_in)
		(void)snprintf(rq->actor, sizeof(rq->actor), "web:%s",
		    rq->s.user);
	else
		(void)snprintf(rq->actor, sizeof(rq->actor), "web:-");
}

/* Everything between the edge and the handler; see the file comment. */
static enum MHD_Result
dispatch_in(struct web *w, struct conn *c)
{
	struct web_req		*rq = &c->rq;
	const struct lb_route	*r = rq->route;
	const char		*csrf;
	struct lb_err		 e;
	char			 why[300];
	int			 page = (r->flags & LB_R_PAGE) != 0;
	int			 decoded = 0;

	if (c->body_over)
		return web_problem(rq, 413, "request body too large",
		    (r->flags & (LB_R_JSON | LB_R_FORM)) ? "at most 64 KiB" :
		    "this route takes no body");
	if (!content_type_ok(c))
		return web_problem(rq, 415, "unsupported content type",
		    (r->flags & LB_R_JSON) ? "send application/json" :
		    "send application/x-www-form-urlencoded");
	session_of(w, c);
	rq->who.actor = rq->actor;
	rq->who.now = rq->now;
	if ((r->roles & web_role_bit(rq)) == 0) {
		if (!rq->signed_in)
			return page ? web_redirect(rq, "/login") :
			    web_problem(rq, 401, "sign in first", NULL);
		(void)snprintf(why, sizeof(why), "%s %s", c->method_name,
		    r->path);
		web_event(rq, "access.denied", rq->s.user, why);
		return web_problem(rq, 403, "not allowed for your role", NULL);
	}
	if (!safe_method(rq->method)) {
		if (!origin_ok(w, rq->con))
			return web_problem(rq, 403, "cross-origin request "
			    "refused", "state-changing requests need an Origin "
			    "header naming this server");
		if ((r->flags & LB_R_NOCSRF) == 0) {
			csrf = MHD_lookup_connection_value(rq->con,
			    MHD_HEADER_KIND, "X-CSRF-Token");
			if (csrf == NULL && (r->flags & LB_R_FORM)) {
				/* The form carries it: decode the form now. */
				if (body_args(c, &e) == -1)
					return web_problem(rq, 400,
					    "bad request body", e.msg);
				decoded = 1;
				csrf = lb_arg(&rq->args, "csrf");
			}
			if (!rq->signed_in || csrf == NULL ||
			    !lb_csrf_equal(rq->s.csrf, csrf, strlen(csrf)))
				/* A person: a form of an older session,
				 * most likely, so the page says so. */
				return page ? problem_page(rq, 403,
				    "missing or wrong CSRF token", NULL, NULL,
				    1) : web_problem(rq, 403, "missing or "
				    "wrong CSRF token", "send the token from "
				    "sign-in in X-CSRF-Token");
		}
	}
	if (!decoded && body_args(c, &e) == -1)
		return web_problem(rq, 400, "bad request body", e.msg);
	if (page) {
		enum MHD_Result	ret;

		/* Pages show times in the broker's zone. */
		ui_zone_begin(rq);
		ret = web_routes[c->route_ix].fn(rq);
		ui_zone_end();
		return ret;
	}
	return web_routes[c->route_ix].fn(rq);
}

/*
 * A GET or HEAD runs, session check included, in one read snapshot: one
 * transaction instead of one per read, and a consistent view.
 */
static enum MHD_Result
dispatch(struct web *w, struct conn *c)
{
	struct web_req	*rq = &c->rq;
	struct lb_err	 e;
	enum MHD_Result	 ret;

	if ((rq->v = thread_vault(w, &e)) == NULL) {
		fprintf(stderr, "lifeboat: serve: %s\n", e.msg);
		return web_problem(rq, 503, "the vault cannot be opened", NULL);
	}
	if (safe_method(rq->method) &&
	    rq->v->st->ops->read_begin(rq->v->st, &e) == 0)
		rq->reading = 1;
	ret = dispatch_in(w, c);
	if (rq->reading) {
		rq->v->st->ops->read_end(rq->v->st);
		rq->reading = 0;
	}
	if (rq->pending) {
		rq->pending = 0;
		web_event(rq, rq->pend_action, rq->pend_subject,
		    rq->pend_why[0] != '\0' ? rq->pend_why : NULL);
	}
	return ret;
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *con, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct web		*w = cls;
	struct conn		*c = *con_cls;
	const struct lb_route	*r;
	const char		*cl;

	if (c == NULL)
		return MHD_NO;	/* the URI callback always makes one */
	c->rq.con = con;
	if (!c->matched) {
		c->matched = 1;
		c->rq.w = w;
		c->rq.method = lb_http_method(method);
		(void)snprintf(c->method_name, sizeof(c->method_name), "%s",
		    method);
		c->route_ix = -1;
		if (c->too_long)
			c->status = 414;
		else
			c->status = (unsigned)lb_route_match(web_route_table(),
			    web_nroutes, method, c->target, strlen(c->target),
			    &r, &c->allow, &c->rq.args);
		if (c->status == 200) {
			c->rq.route = r;
			c->route_ix = (int)(r - web_route_table());
		}
		/* A declared length of 7 digits or more is over BODY_MAX:
		 * refused without reading it. */
		cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
		    "Content-Length");
		if (cl != NULL && strlen(cl) > 6)
			c->body_over = 1;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (c->status == 200 && !c->body_over &&
		    (c->rq.route->flags & (LB_R_JSON | LB_R_FORM)) &&
		    c->bodylen + *upload_size <= BODY_MAX) {
			/* One buffer, never moved: a body may hold a
			 * password, and it is wiped when the request ends. */
			if (c->body == NULL &&
			    (c->body = malloc(BODY_MAX + 1)) == NULL)
				return MHD_NO;
			memcpy(c->body + c->bodylen, upload, *upload_size);
			c->bodylen += *upload_size;
			c->body[c->bodylen] = '\0';
		} else
			c->body_over = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (c->status != 200)
		return edge_refusal(w, c);
	c->rq.now = (int64_t)time(NULL);
	if (c->dispatched)	/* back from the hasher */
		return web_routes[c->route_ix].fn(&c->rq);
	c->dispatched = 1;
	return dispatch(w, c);
}

/* Keep the target as sent: route.h decodes it, strictly, once. */
static void *
uri_log(void *cls, const char *uri, struct MHD_Connection *con)
{
	struct web	*w = cls;
	struct conn	*c;
	size_t		 n = strlen(uri);

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->t0_us = now_us();
	(void)pthread_mutex_lock(&w->lock);
	w->inflight++;
	(void)pthread_mutex_unlock(&w->lock);
	if (n > TARGET_MAX)
		c->too_long = 1;
	else
		memcpy(c->target, uri, n + 1);
	return c;
}

static size_t
no_unescape(void *cls, struct MHD_Connection *con, char *s)
{
	return strlen(s);
}

static void
completed(void *cls, struct MHD_Connection *con, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct web	*w = cls;
	struct conn	*c = *con_cls;
	int64_t		 us;
	size_t		 i, j, ri;

	if (c == NULL)
		return;
	us = now_us() - c->t0_us;
	for (j = 0; j < NSTATUS && statuses[j] != c->status; j++)
		;
	for (i = 0; i < NBUCKETS && us > buckets[i]; i++)
		;
	ri = c->route_ix >= 0 && (size_t)c->route_ix < MAX_ROUTES ?
	    (size_t)c->route_ix : MAX_ROUTES;
	(void)pthread_mutex_lock(&w->lock);
	w->inflight--;
	w->requests[ri][j]++;
	w->hist[i]++;
	w->hist_count++;
	w->hist_sum_us += us;
	(void)pthread_mutex_unlock(&w->lock);
	if (c->rq.pw != NULL)
		sodium_free(c->rq.pw);
	if (c->body != NULL)
		sodium_memzero(c->body, c->bodylen);
	free(c->body);
	sodium_memzero(c, sizeof(*c));
	free(c);
	*con_cls = NULL;
}

/* /metrics, here because the counters are. */

enum MHD_Result
web_metrics(struct web_req *rq)
{
	struct web		*w = rq->w;
	struct lb_status	*st;
	struct lb_err		 e;
	struct lb_buf		 b;
	char			 meth[64];
	size_t			 i, j;
	uint64_t		 cum;
	int			 rc;
	enum MHD_Result		 ret;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return web_problem(rq, 500, "out of memory", NULL);
	rc = lb_status_collect(rq->v, rq->now, st, &e);
	lb_buf_init(&b, 1 << 20);
	lb_buf_adds(&b, "# HELP lifeboat_http_requests_total Requests answered, "
	    "by route, method and status.\n# TYPE lifeboat_http_requests_total "
	    "counter\n");
	(void)pthread_mutex_lock(&w->lock);
	for (i = 0; i <= MAX_ROUTES; i++)
		for (j = 0; j <= NSTATUS; j++) {
			if (w->requests[i][j] == 0)
				continue;
			/* Routes share paths: the method tells them apart. */
			if (i < web_nroutes)
				lb_http_allow(web_routes[i].r.methods &
				    ~(unsigned)LB_M_HEAD, meth, sizeof(meth));
			lb_buf_addf(&b, "lifeboat_http_requests_total{route=\"%s\","
			    "method=\"%s\",status=\"", i < web_nroutes ?
			    web_routes[i].r.path : "other", i < web_nroutes ?
			    meth : "other");
			if (j == NSTATUS)
				lb_buf_adds(&b, "other");
			else
				lb_buf_addf(&b, "%u", statuses[j]);
			lb_buf_addf(&b, "\"} %" PRIu64 "\n", w->requests[i][j]);
		}
	lb_buf_adds(&b, "# HELP lifeboat_http_request_duration_seconds Time "
	    "from request to response sent.\n# TYPE "
	    "lifeboat_http_request_duration_seconds histogram\n");
	for (i = 0, cum = 0; i < NBUCKETS; i++) {
		cum += w->hist[i];
		lb_buf_addf(&b, "lifeboat_http_request_duration_seconds_bucket"
		    "{le=\"%g\"} %" PRIu64 "\n", (double)buckets[i] / 1e6, cum);
	}
	lb_buf_addf(&b, "lifeboat_http_request_duration_seconds_bucket"
	    "{le=\"+Inf\"} %" PRIu64 "\n", w->hist_count);
	lb_buf_addf(&b, "lifeboat_http_request_duration_seconds_sum %.6f\n"
	    "lifeboat_http_request_duration_seconds_count %" PRIu64 "\n",
	    (double)w->hist_sum_us / 1e6, w->hist_count);
	(void)pthread_mutex_unlock(&w->lock);
	if (rc == -1) {
		lb_buf_free(&b);
		free(st);
		return web_problem(rq, 503, "the vault cannot be read", NULL);
	}
	lb_buf_addf(&b, "# HELP lifeboat_journal_entries Entries in the "
	    "vault's journal.\n# TYPE lifeboat_journal_entries gauge\n"
	    "lifeboat_journal_entries %" PRId64 "\n", st->entries);
	lb_buf_adds(&b, "# HELP lifeboat_copy_age_seconds Age of the last "
	    "import of each kind (absent: never imported).\n# TYPE "
	    "lifeboat_copy_age_seconds gauge\n");
	for (i = 0; i < st->nkinds; i++)
		if (st->kinds[i].imported)
			lb_buf_addf(&b, "lifeboat_copy_age_seconds{kind=\"%s\"} "
			    "%" PRId64 "\n", st->kinds[i].kind, st->kinds[i].age);
	lb_buf_adds(&b, "# HELP lifeboat_copy_stale Whether the copy of a "
	    "kind is older than the stale_hours setting.\n# TYPE "
	    "lifeboat_copy_stale gauge\n");
	for (i = 0; i < st->nkinds; i++)
		lb_buf_addf(&b, "lifeboat_copy_stale{kind=\"%s\"} %d\n",
		    st->kinds[i].kind, st->kinds[i].imported ?
		    st->kinds[i].stale : 1);
	lb_buf_addf(&b, "# HELP lifeboat_sessions Signed-in sessions.\n"
	    "# TYPE lifeboat_sessions gauge\nlifeboat_sessions %zu\n",
	    lb_session_count(w->sessions, rq->now));
	lb_buf_addf(&b, "# HELP lifeboat_uptime_seconds Seconds since the "
	    "server started.\n# TYPE lifeboat_uptime_seconds gauge\n"
	    "lifeboat_uptime_seconds %" PRId64 "\n", (now_us() - w->started) /
	    1000000);
	free(st);
	if (lb_buf_error(&b) != 0)
		ret = web_problem(rq, 500, "response too large", NULL);
	else
		ret = web_bytes(rq, 200, "text/plain; version=0.0.4; "
		    "charset=utf-8", b.data, b.len, NULL);
	lb_buf_free(&b);
	return ret;
}

/* "ADDR:PORT" with an IPv4 address; -1 with a message when not. */
static int
parse_listen(const char *s, struct sockaddr_in *sin)
{
	const char	*colon = strrchr(s, ':');
	char		 host[64];
	long		 port;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	if (colon == NULL || (size_t)(colon - s) >= sizeof(host) ||
	    colon == s) {
		cli_warn("--listen: expected ADDR:PORT, got \"%s\"", s);
		return -1;
	}
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	if (inet_pton(AF_INET, host, &sin->sin_addr) != 1) {
		cli_warn("--listen: \"%s\" is not an IPv4 address", host);
		return -1;
	}
	if (cli_number("--listen port", colon + 1, 0, 65535, &port) == -1)
		return -1;
	sin->sin_port = htons((uint16_t)port);
	return 0;
}

static void
stop_hashers(struct web *w)
{
	unsigned	i;

	(void)pthread_mutex_lock(&w->qlock);
	w->stopping = 1;
	(void)pthread_cond_broadcast(&w->qcond);
	(void)pthread_mutex_unlock(&w->qlock);
	for (i = 0; i < w->nhashers; i++)
		(void)pthread_join(w->hashers[i], NULL);
	w->nhashers = 0;
}

/*
 * The network-facing process keeps as little as it can.  Started as root
 * (to bind a port below 1024, say), once listening it becomes the owner of
 * the vault directory, who needs nothing more; a vault owned by root keeps
 * root, with a warning.  In any case it can gain no privilege again (no
 * setuid binaries), and, outside sanitizer builds (LeakSanitizer needs to
 * trace the process), it cannot be traced or dumped by its own user:
 * session tokens and the TLS key live in its memory.
 */
static int
drop_privileges(const char *dir)
{
	struct stat	sb;

	(void)prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
#if !defined(__SANITIZE_ADDRESS__)
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
	if (geteuid() != 0)
		return 0;
	if (stat(dir, &sb) == -1) {
		cli_warn("serve: %s: %s", dir, strerror(errno));
		return -1;
	}
	if (sb.st_uid == 0) {
		fprintf(stderr, "lifeboat: serve: warning: running as root "
		    "(the vault %s belongs to root; give it to a user of its "
		    "own and the server runs as that user)\n", dir);
		return 0;
	}
	if (setgroups(0, NULL) == -1 || setgid(sb.st_gid) == -1 ||
	    setuid(sb.st_uid) == -1 || setuid(0) != -1) {
		cli_warn("serve: cannot become the vault's owner (uid %lu): %s",
		    (unsigned long)sb.st_uid, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Let the requests in flight end (the sign-ins just resumed among them),
 * for at most limit microseconds: MHD_stop_daemon closes what is left.
 */
static void
wait_idle(struct web *w, int64_t limit)
{
	struct timespec	ts = { 0, 10 * 1000 * 1000 };
	int64_t		t0 = now_us(), n;

	for (;;) {
		(void)pthread_mutex_lock(&w->lock);
		n = w->inflight;
		(void)pthread_mutex_unlock(&w->lock);
		if (n <= 0 || now_us() - t0 > limit)
			return;
		(void)nanosleep(&ts, NULL);
	}
}

int
web_run(const struct web_opts *o)
{
	struct sockaddr_in	 sin;
	struct web		*w;
	struct lb_vault		*v;
	struct lb_err		 e;
	const union MHD_DaemonInfo *info;
	sigset_t		 sigs;
	char			 addr[INET_ADDRSTRLEN];
	char			*cert = NULL, *key = NULL;
	size_t			 len;
	struct MHD_OptionItem	 mopts[16];
	char			 why[256];
	size_t			 nopt;
	unsigned		 flags, i;
	int			 sig, rc = EXIT_FAIL;

	if (parse_listen(o->listen, &sin) == -1)
		return EXIT_USAGE;
	if ((o->tls_cert == NULL) != (o->tls_key == NULL)) {
		cli_warn("serve: --tls-cert and --tls-key go together");
		return EXIT_USAGE;
	}
	if (web_nroutes > MAX_ROUTES) {
		cli_warn("serve: too many routes");
		return EXIT_FAIL;
	}
	if (lb_route_check(web_route_table(), web_nroutes, why,
	    sizeof(why)) == -1) {
		cli_warn("serve: the route table is wrong: %s", why);
		return EXIT_FAIL;
	}
	/* Open (and migrate) once, up front, so that errors show here. */
	if (lb_vault_open(o->vault_dir, &o->who, &v, &e) == -1) {
		cli_warn("%s", e.msg);
		return EXIT_FAIL;
	}
	lb_vault_close(v);
	if (o->tls_cert != NULL &&
	    (cli_read_file(o->tls_cert, 1 << 20, &cert, &len) == -1 ||
	    cli_read_file(o->tls_key, 1 << 20, &key, &len) == -1)) {
		free(cert);
		return EXIT_FAIL;
	}
	if ((w = calloc(1, sizeof(*w))) == NULL ||
	    (w->sessions = lb_sessions_new(SESSIONS_MAX, o->idle, o->absolute)) == NULL ||
	    (w->hashers = calloc(o->hashers, sizeof(pthread_t))) == NULL) {
		cli_warn("serve: out of memory");
		goto out;
	}
	w->o = o;
	w->tls = cert != NULL;
	w->started = now_us();
	(void)lb_password_dummy_hash();	/* made once, before any sign-in */
	(void)pthread_mutex_init(&w->lock, NULL);
	(void)pthread_mutex_init(&w->qlock, NULL);
	(void)pthread_mutex_init(&w->dlock, NULL);
	(void)pthread_cond_init(&w->qcond, NULL);
	(void)pthread_key_create(&w->vault_key, close_vault);
	/* Every thread started from here inherits this mask: signals come
	 * to sigwait below. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGPIPE);
	(void)pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	for (i = 0; i < o->hashers; i++) {
		if (pthread_create(&w->hashers[i], NULL, hasher, w) != 0)
			break;
		w->nhashers++;
	}
	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC |
	    MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
	nopt = 0;
#define OPT(o, v, p) do {						\
		mopts[nopt].option = (o);				\
		mopts[nopt].value = (intptr_t)(v);			\
		mopts[nopt].ptr_value = (p);				\
		nopt++;							\
	} while (0)
	OPT(MHD_OPTION_SOCK_ADDR, 0, &sin);
	OPT(MHD_OPTION_THREAD_POOL_SIZE, 2, NULL);
	OPT(MHD_OPTION_CONNECTION_LIMIT, o->max_connections, NULL);
	OPT(MHD_OPTION_PER_IP_CONNECTION_LIMIT, o->max_connections, NULL);
	OPT(MHD_OPTION_CONNECTION_TIMEOUT, o->timeout, NULL);
	OPT(MHD_OPTION_CONNECTION_MEMORY_LIMIT, 65536, NULL);
	OPT(MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, w);
	OPT(MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)uri_log, w);
	OPT(MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)no_unescape, NULL);
	if (cert != NULL) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			cli_warn("serve: this libmicrohttpd has no TLS");
			goto out;
		}
		flags |= MHD_USE_TLS;
		OPT(MHD_OPTION_HTTPS_MEM_CERT, 0, cert);
		OPT(MHD_OPTION_HTTPS_MEM_KEY, 0, key);
	}
	OPT(MHD_OPTION_END, 0, NULL);
#undef OPT
	w->d = MHD_start_daemon(flags, 0, NULL, NULL, handle, w,
	    MHD_OPTION_ARRAY, mopts, MHD_OPTION_END);
	if (w->d == NULL) {
		if (cert != NULL)
			cli_warn("serve: cannot start on %s: check that %s and "
			    "%s are a PEM certificate and its private key, and "
			    "that the address is free", o->listen, o->tls_cert,
			    o->tls_key);
		else
			cli_warn("serve: cannot listen on %s: %s", o->listen,
			    strerror(errno));
		goto out;
	}
	if (drop_privileges(o->vault_dir) == -1)
		goto out;
	info = MHD_get_daemon_info(w->d, MHD_DAEMON_INFO_BIND_PORT);
	(void)inet_ntop(AF_INET, &sin.sin_addr, addr, sizeof(addr));
	printf("listening on %s://%s:%u\n", w->tls ? "https" : "http", addr,
	    info != NULL ? (unsigned)info->port : ntohs(sin.sin_port));
	fflush(stdout);
	do {
		if (sigwait(&sigs, &sig) != 0)
			sig = SIGTERM;
	} while (sig == SIGPIPE);
	/* Stop taking connections; finish the sign-ins queued and the
	 * requests in flight. */
	(void)MHD_quiesce_daemon(w->d);
	stop_hashers(w);
	wait_idle(w, (int64_t)o->timeout * 1000000);
	MHD_stop_daemon(w->d);
	w->d = NULL;
	fprintf(stderr, "lifeboat: serve: stopped on %s\n",
	    sig == SIGINT ? "SIGINT" : "SIGTERM");
	rc = 0;
out:
	if (w != NULL) {
		stop_hashers(w);
		if (w->d != NULL)
			MHD_stop_daemon(w->d);
		lb_sessions_free(w->sessions);
		free(w->hashers);
		free(w);
	}
	if (key != NULL)
		sodium_memzero(key, strlen(key));
	free(key);
	free(cert);
	return rc;
}
