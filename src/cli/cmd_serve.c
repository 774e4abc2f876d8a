/*
 * cmd_serve.c: lifeboat serve: the HTTP server (issue 4), first part: the
 * server itself on libmicrohttpd, its limits, a graceful stop on SIGTERM,
 * and the operational routes /livez, /readyz and /metrics.
 *
 * Every request meets the route allowlist (route.h) before anything else:
 * a path that is not plain, unknown, or asked with a method it does not
 * answer is refused there.  Request bodies are refused on these routes.
 * The vault is one handle shared by the server's threads under a mutex.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>

#include "buf.h"
#include "cli.h"
#include "journal.h"
#include "route.h"
#include "status.h"

static const char serve_usage[] =
    "usage: lifeboat serve [--listen ADDR:PORT] [--max-connections N] "
    "[--timeout SECONDS]\n\n"
    "Serve the vault over HTTP on ADDR:PORT (default 127.0.0.1:8080; port 0 "
    "picks a\nfree one).  It prints \"listening on ADDR:PORT\" once ready, and "
    "stops on SIGTERM\nor SIGINT after the requests in flight.  Routes so far: "
    "GET /livez, /readyz,\n/metrics (Prometheus text format).\n";

enum route_id {
	R_LIVEZ,
	R_READYZ,
	R_METRICS,
	R_NROUTES,
	R_NONE = R_NROUTES	/* refused at the edge */
};

static const struct lb_route routes[] = {
	{ "/livez", LB_M_GET | LB_M_HEAD, LB_ROLE_PUBLIC, R_LIVEZ },
	{ "/readyz", LB_M_GET | LB_M_HEAD, LB_ROLE_PUBLIC, R_READYZ },
	{ "/metrics", LB_M_GET | LB_M_HEAD, LB_ROLE_PUBLIC, R_METRICS },
};
static const char *const route_names[] = {
	"/livez", "/readyz", "/metrics", "other"
};

/* Statuses the metrics count, in this order; anything else is "other". */
static const unsigned statuses[] = { 200, 400, 404, 405, 413, 500, 503 };
#define NSTATUS		(sizeof(statuses) / sizeof(statuses[0]))
/* Latency buckets, upper bounds in microseconds. */
static const int64_t buckets[] = {
	1000, 5000, 10000, 50000, 100000, 500000, 1000000
};
#define NBUCKETS	(sizeof(buckets) / sizeof(buckets[0]))

#define BODY_MAX	0	/* no route takes a body yet */

struct server {
	struct lb_vault	*v;
	pthread_mutex_t	 lock;		/* the vault and the counters */
	uint64_t	 requests[R_NROUTES + 1][NSTATUS + 1];
	uint64_t	 hist[NBUCKETS + 1];
	uint64_t	 hist_count;
	int64_t		 hist_sum_us;
	int64_t		 started;
};

/* What a connection's request has got so far. */
struct req {
	int64_t		 t0_us;
	enum route_id	 route;
	unsigned	 status;
	size_t		 body;
};

static int64_t
now_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static enum MHD_Result
reply(struct MHD_Connection *con, struct req *rq, unsigned status,
    const char *type, struct lb_buf *body, const char *allow)
{
	struct MHD_Response	*r;
	enum MHD_Result		 ret;

	rq->status = status;
	r = MHD_create_response_from_buffer(body->len, body->data,
	    MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	(void)MHD_add_response_header(r, "Content-Type", type);
	(void)MHD_add_response_header(r, "Cache-Control", "no-store");
	(void)MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	if (allow != NULL)
		(void)MHD_add_response_header(r, "Allow", allow);
	ret = MHD_queue_response(con, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* An error as application/problem+json (RFC 9457). */
static enum MHD_Result
problem(struct MHD_Connection *con, struct req *rq, unsigned status,
    const char *title, const char *allow)
{
	struct lb_buf	 b;
	enum MHD_Result	 ret;

	lb_buf_init(&b, 4096);
	lb_buf_addf(&b, "{\"type\":\"about:blank\",\"status\":%u,\"title\":",
	    status);
	lb_buf_add_json_str(&b, title, strlen(title));
	lb_buf_adds(&b, "}\n");
	ret = reply(con, rq, status, "application/problem+json", &b, allow);
	lb_buf_free(&b);
	return ret;
}

static enum MHD_Result
text(struct MHD_Connection *con, struct req *rq, unsigned status,
    const char *type, struct lb_buf *b)
{
	if (lb_buf_error(b) != 0)
		return problem(con, rq, 500, "response too large", NULL);
	return reply(con, rq, status, type, b, NULL);
}

static enum MHD_Result
readyz(struct server *s, struct MHD_Connection *con, struct req *rq)
{
	unsigned char	head[LB_HASH_LEN];
	struct lb_buf	b;
	struct lb_err	e;
	int64_t		count;
	int		rc;
	enum MHD_Result	ret;

	(void)pthread_mutex_lock(&s->lock);
	rc = lb_journal_head(s->v->st, &count, head, &e);
	(void)pthread_mutex_unlock(&s->lock);
	lb_buf_init(&b, 4096);
	if (rc == -1) {
		lb_buf_adds(&b, "not ready: the vault cannot be read\n");
		ret = text(con, rq, 503, "text/plain; charset=utf-8", &b);
	} else {
		lb_buf_addf(&b, "ready: journal of %" PRId64 " entries\n", count);
		ret = text(con, rq, 200, "text/plain; charset=utf-8", &b);
	}
	lb_buf_free(&b);
	return ret;
}

static enum MHD_Result
metrics(struct server *s, struct MHD_Connection *con, struct req *rq)
{
	struct lb_status	*st;
	struct lb_err		 e;
	struct lb_buf		 b;
	size_t			 i, j;
	uint64_t		 cum;
	int			 rc;
	enum MHD_Result		 ret;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return problem(con, rq, 500, "out of memory", NULL);
	lb_buf_init(&b, 1 << 20);
	(void)pthread_mutex_lock(&s->lock);
	rc = lb_status_collect(s->v, time(NULL), st, &e);
	lb_buf_adds(&b, "# HELP lifeboat_http_requests_total Requests answered, "
	    "by route and status.\n# TYPE lifeboat_http_requests_total "
	    "counter\n");
	for (i = 0; i <= R_NROUTES; i++)
		for (j = 0; j <= NSTATUS; j++) {
			if (s->requests[i][j] == 0)
				continue;
			lb_buf_addf(&b, "lifeboat_http_requests_total{route=\"%s\","
			    "status=\"%s%u\"} %" PRIu64 "\n", route_names[i],
			    j == NSTATUS ? "other" : "", j == NSTATUS ? 0 :
			    statuses[j], s->requests[i][j]);
		}
	lb_buf_adds(&b, "# HELP lifeboat_http_request_duration_seconds Time "
	    "from request to response sent.\n# TYPE "
	    "lifeboat_http_request_duration_seconds histogram\n");
	for (i = 0, cum = 0; i < NBUCKETS; i++) {
		cum += s->hist[i];
		lb_buf_addf(&b, "lifeboat_http_request_duration_seconds_bucket"
		    "{le=\"%g\"} %" PRIu64 "\n", (double)buckets[i] / 1e6, cum);
	}
	lb_buf_addf(&b, "lifeboat_http_request_duration_seconds_bucket"
	    "{le=\"+Inf\"} %" PRIu64 "\n", s->hist_count);
	lb_buf_addf(&b, "lifeboat_http_request_duration_seconds_sum %.6f\n"
	    "lifeboat_http_request_duration_seconds_count %" PRIu64 "\n",
	    (double)s->hist_sum_us / 1e6, s->hist_count);
	(void)pthread_mutex_unlock(&s->lock);
	if (rc == -1) {
		lb_buf_free(&b);
		free(st);
		return problem(con, rq, 503, "the vault cannot be read", NULL);
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
	lb_buf_addf(&b, "# HELP lifeboat_uptime_seconds Seconds since the "
	    "server started.\n# TYPE lifeboat_uptime_seconds gauge\n"
	    "lifeboat_uptime_seconds %" PRId64 "\n", (now_us() - s->started) /
	    1000000);
	ret = text(con, rq, 200, "text/plain; version=0.0.4; charset=utf-8", &b);
	lb_buf_free(&b);
	free(st);
	return ret;
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *con, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct server		*s = cls;
	struct req		*rq = *con_cls;
	const struct lb_route	*r;
	struct lb_buf		 b;
	char			 allow[64];
	unsigned		 allowed;
	int			 st;
	enum MHD_Result		 ret;

	if (rq == NULL) {
		/* First call: headers only.  Check the route before any
		 * body is read. */
		if ((rq = calloc(1, sizeof(*rq))) == NULL)
			return MHD_NO;
		rq->t0_us = now_us();
		rq->route = R_NONE;
		*con_cls = rq;
		st = lb_route_find(routes, sizeof(routes) / sizeof(routes[0]),
		    method, url, strlen(url), &r, &allowed);
		if (st == 200)
			rq->route = (enum route_id)r->id;
		rq->status = (unsigned)st;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		rq->body += *upload_size;
		*upload_size = 0;	/* discarded: no route takes a body */
		return MHD_YES;
	}
	switch (rq->status) {
	case 400:
		return problem(con, rq, 400, "bad request path", NULL);
	case 404:
		return problem(con, rq, 404, "no such route", NULL);
	case 405:
		(void)lb_route_find(routes, sizeof(routes) / sizeof(routes[0]),
		    method, url, strlen(url), &r, &allowed);
		lb_http_allow(allowed, allow, sizeof(allow));
		return problem(con, rq, 405, "method not allowed", allow);
	default:
		break;
	}
	if (rq->body > BODY_MAX)
		return problem(con, rq, 413, "this route takes no body", NULL);
	switch (rq->route) {
	case R_LIVEZ:
		lb_buf_init(&b, 64);
		lb_buf_adds(&b, "ok\n");
		ret = text(con, rq, 200, "text/plain; charset=utf-8", &b);
		lb_buf_free(&b);
		return ret;
	case R_READYZ:
		return readyz(s, con, rq);
	case R_METRICS:
		return metrics(s, con, rq);
	default:
		return problem(con, rq, 404, "no such route", NULL);
	}
}

/*
 * Leave escapes as they came: the route allowlist refuses '%' in a path,
 * so "%00" can never cut a path short and no two spellings reach the same
 * route.  (Query arguments, when routes take them, get their own decoder
 * with validators.)
 */
static size_t
no_unescape(void *cls, struct MHD_Connection *con, char *s)
{
	return strlen(s);
}

/* Count the request once it is over, whatever happened to it. */
static void
completed(void *cls, struct MHD_Connection *con, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct server	*s = cls;
	struct req	*rq = *con_cls;
	int64_t		 us;
	size_t		 i, j;

	if (rq == NULL)
		return;
	us = now_us() - rq->t0_us;
	for (j = 0; j < NSTATUS && statuses[j] != rq->status; j++)
		;
	for (i = 0; i < NBUCKETS && us > buckets[i]; i++)
		;
	(void)pthread_mutex_lock(&s->lock);
	s->requests[rq->route][j]++;
	s->hist[i]++;
	s->hist_count++;
	s->hist_sum_us += us;
	(void)pthread_mutex_unlock(&s->lock);
	free(rq);
	*con_cls = NULL;
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

int
cmd_serve(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "max-connections", required_argument, NULL, 'm' },
		{ "timeout", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct sockaddr_in	 sin;
	struct MHD_Daemon	*d;
	const union MHD_DaemonInfo *info;
	struct server		 s;
	sigset_t		 sigs;
	char			 addr[INET_ADDRSTRLEN];
	long			 maxcon = 64, timeout = 30;
	int			 ch, sig;

	if (parse_listen("127.0.0.1:8080", &sin) == -1)
		return EXIT_FAIL;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			if (parse_listen(optarg, &sin) == -1)
				return EXIT_USAGE;
			break;
		case 'm':
			if (cli_number("--max-connections", optarg, 1, 10000,
			    &maxcon) == -1)
				return EXIT_USAGE;
			break;
		case 't':
			if (cli_number("--timeout", optarg, 1, 3600,
			    &timeout) == -1)
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(serve_usage, stdout);
			return 0;
		default:
			fputs(serve_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cli_warn("serve: unexpected argument \"%s\"", argv[optind]);
		return EXIT_USAGE;
	}
	memset(&s, 0, sizeof(s));
	if ((s.v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	(void)pthread_mutex_init(&s.lock, NULL);
	s.started = now_us();
	/* The server's threads inherit this mask: signals come to sigwait. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGPIPE);
	(void)pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
	    MHD_USE_ITC | MHD_USE_ERROR_LOG, 0, NULL, NULL, handle, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)2,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)maxcon,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)maxcon,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, &s,
	    MHD_OPTION_UNESCAPE_CALLBACK, no_unescape, NULL,
	    MHD_OPTION_END);
	if (d == NULL) {
		cli_warn("serve: cannot listen on %s:%u: %s",
		    inet_ntop(AF_INET, &sin.sin_addr, addr, sizeof(addr)) ?
		    addr : "?", ntohs(sin.sin_port), strerror(errno));
		lb_vault_close(s.v);
		return EXIT_FAIL;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	(void)inet_ntop(AF_INET, &sin.sin_addr, addr, sizeof(addr));
	printf("listening on %s:%u\n", addr, info != NULL ?
	    (unsigned)info->port : ntohs(sin.sin_port));
	fflush(stdout);
	do {
		if (sigwait(&sigs, &sig) != 0)
			sig = SIGTERM;
	} while (sig == SIGPIPE);
	/* Stop taking connections, then let those in flight finish. */
	(void)MHD_quiesce_daemon(d);
	MHD_stop_daemon(d);
	lb_vault_close(s.v);
	(void)pthread_mutex_destroy(&s.lock);
	fprintf(stderr, "lifeboat: serve: stopped on %s\n",
	    sig == SIGINT ? "SIGINT" : "SIGTERM");
	return 0;
}
