/*
 * bench_http.c: the baseline for the web server benchmark (bench/web): a
 * bare libmicrohttpd server with the daemon flags, thread pool (two
 * threads) and connection limits of `lifeboat serve`, each thread with its
 * own read-only SQLite connection to the vault's database, answering
 * GET /shipments/REF with one prepared primary-key lookup and a small JSON
 * body.  No routing table, no sessions, no checks, no journal: what any
 * server on this stack pays to answer one lookup, and nothing else.
 *
 * usage: bench_http VAULT_DIR PORT     (PORT 0 picks a free one)
 * prints "listening on PORT" once ready; stops on SIGTERM or SIGINT.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>
#include <sqlite3.h>

#include "buf.h"
#include "vault.h"

#define PREFIX		"/shipments/"
#define LOOKUP		"SELECT ref, importer_number, status FROM shipment " \
			"WHERE ref = ?1"

/* One thread's connection and its statement. */
struct conn_db {
	sqlite3		*db;
	sqlite3_stmt	*st;
};

static char		 db_path[4096];
static pthread_key_t	 db_key;

static void
close_db(void *p)
{
	struct conn_db	*c = p;

	sqlite3_finalize(c->st);
	sqlite3_close(c->db);
	free(c);
}

/* This thread's connection, opened on its first request; NULL on error. */
static struct conn_db *
thread_db(void)
{
	struct conn_db	*c = pthread_getspecific(db_key);

	if (c != NULL)
		return c;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	if (sqlite3_open_v2(db_path, &c->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_exec(c->db, "PRAGMA cache_size = -65536;", NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v3(c->db, LOOKUP, -1, SQLITE_PREPARE_PERSISTENT,
	    &c->st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_http: %s: %s\n", db_path,
		    c->db != NULL ? sqlite3_errmsg(c->db) : "cannot open");
		sqlite3_close(c->db);
		free(c);
		return NULL;
	}
	sqlite3_busy_timeout(c->db, 30000);
	(void)pthread_setspecific(db_key, c);
	return c;
}

static enum MHD_Result
reply(struct MHD_Connection *con, unsigned status, const char *body,
    size_t n)
{
	struct MHD_Response	*r;
	enum MHD_Result		 ret;

	r = MHD_create_response_from_buffer(n, (void *)(uintptr_t)body,
	    MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	(void)MHD_add_response_header(r, "Content-Type", "application/json");
	ret = MHD_queue_response(con, status, r);
	MHD_destroy_response(r);
	return ret;
}

static void
add_col(struct lb_buf *b, sqlite3_stmt *st, int i)
{
	const char	*s = (const char *)sqlite3_column_text(st, i);

	if (s == NULL)
		lb_buf_adds(b, "null");
	else
		lb_buf_add_json_str(b, s, (size_t)sqlite3_column_bytes(st, i));
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *con, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	static const char	 notfound[] = "{\"error\":\"not found\"}\n";
	static const char	 failed[] = "{\"error\":\"storage\"}\n";
	static int		 marker;
	struct conn_db		*c;
	struct lb_buf		 b;
	const char		*ref;
	enum MHD_Result		 ret;
	int			 rc;

	if (*con_cls == NULL) {
		*con_cls = &marker;	/* headers only: answer on the next call */
		return MHD_YES;
	}
	if (strcmp(method, "GET") != 0 || strncmp(url, PREFIX,
	    sizeof(PREFIX) - 1) != 0 || url[sizeof(PREFIX) - 1] == '\0')
		return reply(con, 404, notfound, sizeof(notfound) - 1);
	if ((c = thread_db()) == NULL)
		return reply(con, 503, failed, sizeof(failed) - 1);
	ref = url + sizeof(PREFIX) - 1;
	sqlite3_bind_text(c->st, 1, ref, (int)strlen(ref), SQLITE_STATIC);
	rc = sqlite3_step(c->st);
	if (rc == SQLITE_ROW) {
		lb_buf_init(&b, 4096);
		lb_buf_adds(&b, "{\"ref\":");
		add_col(&b, c->st, 0);
		lb_buf_adds(&b, ",\"importer_number\":");
		add_col(&b, c->st, 1);
		lb_buf_adds(&b, ",\"status\":");
		add_col(&b, c->st, 2);
		lb_buf_adds(&b, "}\n");
		ret = lb_buf_error(&b) != 0 ? reply(con, 500, failed,
		    sizeof(failed) - 1) : reply(con, 200, b.data, b.len);
		lb_buf_free(&b);
	} else if (rc == SQLITE_DONE)
		ret = reply(con, 404, notfound, sizeof(notfound) - 1);
	else
		ret = reply(con, 500, failed, sizeof(failed) - 1);
	sqlite3_reset(c->st);
	sqlite3_clear_bindings(c->st);
	return ret;
}

int
main(int argc, char **argv)
{
	struct MHD_Daemon		*d;
	const union MHD_DaemonInfo	*info;
	struct sockaddr_in		 sin;
	sigset_t			 sigs;
	char				*end;
	long				 port;
	int				 n, sig;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_http VAULT_DIR PORT\n");
		return 2;
	}
	errno = 0;
	port = strtol(argv[2], &end, 10);
	if (errno != 0 || end == argv[2] || *end != '\0' || port < 0 ||
	    port > 65535) {
		fprintf(stderr, "bench_http: port: expected 0 to 65535, got "
		    "\"%s\"\n", argv[2]);
		return 2;
	}
	n = snprintf(db_path, sizeof(db_path), "%s/%s", argv[1], LB_VAULT_DB);
	if (n < 0 || (size_t)n >= sizeof(db_path)) {
		fprintf(stderr, "bench_http: %s: path too long\n", argv[1]);
		return 2;
	}
	if (pthread_key_create(&db_key, close_db) != 0) {
		fprintf(stderr, "bench_http: pthread_key_create failed\n");
		return 1;
	}
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons((uint16_t)port);
	/* Signals come to sigwait below, in every thread started after. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGPIPE);
	(void)pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	/* As lifeboat serve (web_server.c, web_run), without TLS. */
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
	    MHD_USE_ITC | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME, 0, NULL,
	    NULL, handle, NULL,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)2,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)64,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)64,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
	    MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "bench_http: cannot listen on port %ld: %s\n",
		    port, strerror(errno));
		return 1;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	printf("listening on %u\n", info != NULL ? (unsigned)info->port :
	    (unsigned)port);
	fflush(stdout);
	do {
		if (sigwait(&sigs, &sig) != 0)
			sig = SIGTERM;
	} while (sig == SIGPIPE);
	MHD_stop_daemon(d);
	return 0;
}
