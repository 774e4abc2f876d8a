/*
 * web.h: what the web server's files share (lifeboat serve, issue 4).
 *
 *   web_server.c  libmicrohttpd glue: limits, the request edge (route.h),
 *                 sessions, CSRF and Origin checks, the sign-in hasher,
 *                 metrics, replies
 *   web_routes.c  the one table of routes: path, methods, roles,
 *                 parameters with their validators, handler
 *   web_api.c     the JSON API under /api/v1
 *   web_ui*.c     the HTML pages and their built-in style sheet
 *                 (web_ui.h)
 *
 * A handler runs only after the edge has checked everything: the route
 * exists and answers the method, every parameter was declared and is
 * valid (rq->args), the caller's role is allowed, and a state-changing
 * request came from our own origin with the session's CSRF token.  What is
 * left to a handler is what only it can know: a client may see only its
 * own importer's shipments (web_may_see).
 */
#ifndef LB_WEB_H
#define LB_WEB_H

#include <stddef.h>
#include <stdint.h>

#include <microhttpd.h>

#include "account.h"
#include "agenda.h"
#include "status.h"
#include "buf.h"
#include "route.h"
#include "session.h"
#include "vault.h"

struct web;

/* Where a sign-in's password check stands (the hasher runs it). */
enum web_verify {
	WV_NONE,
	WV_QUEUED,
	WV_DONE
};

struct web_req {
	struct web		*w;
	struct MHD_Connection	*con;
	const struct lb_route	*route;
	unsigned		 method;	/* LB_M_* */
	struct lb_args		 args;
	struct lb_vault		*v;		/* this thread's handle */
	int			 signed_in;
	struct lb_session	 s;
	char			 token[LB_TOKEN_HEX];	/* the cookie's */
	char			 actor[48];	/* "web:NAME" */
	struct lb_who		 who;
	int64_t			 now;
	/* A GET runs in one read snapshot; an event it journals waits for
	 * the snapshot to end. */
	int			 reading;
	int			 pending;
	char			 pend_action[24];
	char			 pend_subject[64];
	char			 pend_why[300];
	/* Sign-in in progress. */
	enum web_verify		 verify;
	int			 verified;
	char			 hash[LB_PW_HASH_LEN];
	char			*pw;		/* guarded memory */
	size_t			 pwlen;
};

typedef enum MHD_Result	web_handler(struct web_req *);

struct web_route {
	struct lb_route	 r;
	web_handler	*fn;
	const char	*summary;	/* one line, for docs and the matrix */
};

extern const struct web_route	web_routes[];
extern const size_t		web_nroutes;
/* The lb_route part of each, for lb_route_match. */
extern const struct lb_route	*web_route_table(void);

/* The handlers (web_api.c, web_ui.c, web_server.c). */
web_handler	web_metrics;
web_handler	api_livez, api_readyz;
web_handler	api_session_new, api_session_get, api_session_end;
web_handler	api_shipments, api_shipment, api_pack, api_draw;
web_handler	api_dashboard, api_deadlines, api_entries;
web_handler	api_recovery, api_recovery_mark, api_relief, api_relief_add;
web_handler	api_users, api_user_add, api_user_disable, api_user_enable;
web_handler	api_clocks, api_clock_start, api_clock_stop;
web_handler	api_settings, api_checkpoint, api_verify;
web_handler	api_attachment, api_void;
web_handler	api_ship_release, api_ship_set, api_ship_resolve, api_conflicts;
web_handler	ui_ship_release, ui_ship_set, ui_ship_void, ui_ship_resolve;
web_handler	ui_conflicts;
/* Around a page handler: the vault's time zone for ui_time (web_ui.c), one
 * load per page, held by the thread. */
void		ui_zone_begin(struct web_req *);
void		ui_zone_end(void);

web_handler	ui_asset, ui_login, ui_login_post, ui_logout, ui_home;
web_handler	ui_shipments, ui_shipment, ui_draw, ui_pack, ui_deadlines;
web_handler	ui_recovery, ui_employees, ui_clients;
web_handler	ui_users, ui_user_add, ui_user_disable, ui_user_enable;

/* Replies.  Each consumes nothing: the caller frees its buffer. */
enum MHD_Result	web_json(struct web_req *, unsigned status, struct lb_buf *);
enum MHD_Result	web_problem(struct web_req *, unsigned status,
		    const char *title, const char *detail);
enum MHD_Result	web_html(struct web_req *, unsigned status, struct lb_buf *);
enum MHD_Result	web_redirect(struct web_req *, const char *location);
enum MHD_Result	web_bytes(struct web_req *, unsigned status,
		    const char *type, const void *data, size_t n,
		    const char *disposition);
/* Sign-in: set the session cookie (token) on the next reply. */
void		web_set_cookie(struct web_req *, const char *token);
void		web_clear_cookie(struct web_req *);

/*
 * Check a sign-in: on the first call queue the password check (the
 * connection sleeps meanwhile) and return 0; once checked, 1 with
 * *account set when the password is right and the account active, -1
 * when not (also: unknown user, throttled, disabled; *why says which, for
 * the journal only: the caller answers the same in every case).
 */
int		web_sign_in(struct web_req *, const char *user,
		    const char *pw, size_t pwlen, struct lb_account *,
		    const char **why);
/* Journal an event of the signed-in user (or of name when not signed). */
void		web_event(struct web_req *, const char *action,
		    const char *subject, const char *why);
struct lb_sessions *web_sessions(struct web_req *);
/* The request target as sent (path and query), or NULL. */
const char	*web_target(struct web_req *);
/*
 * The error page for a person (web_ui.c) into b: status, the edge's own
 * title and detail (for the API's words, never shown as they are), csrf
 * set when a form's token did not match the session (a stale form).
 */
void		ui_problem_page(struct web_req *, struct lb_buf *b,
		    unsigned status, const char *title, const char *detail,
		    int csrf);
/*
 * The vault's status with its deadline risks, the totals of the deadlines
 * at risk and the recovery queue by state (pending, transmitted, accepted,
 * rejected), as of rq->now: built at most once a minute, and again when
 * the vault's data changes (sign-in events do not count).  While one
 * request rebuilds it, the others get the copy before.
 */
int		web_status(struct web_req *, struct lb_status *,
		    struct lb_agenda_totals *, int64_t recovery[4]);
/* {"status":{as lifeboat status --json},"recovery":{...}} (web_status). */
int		web_dashboard(struct web_req *, struct lb_buf *);

/* May the caller see shipments of importer imp?  1 or 0. */
int		web_may_see(const struct web_req *, const char *imp);
/* The signed-in role as an LB_ROLE_* bit (LB_ROLE_PUBLIC when none). */
unsigned	web_role_bit(const struct web_req *);

/* Options of lifeboat serve. */
struct web_opts {
	const char	*vault_dir;
	struct lb_who	 who;		/* the OS user, for start-up */
	const char	*listen;	/* ADDR:PORT */
	unsigned	 max_connections;
	unsigned	 timeout;
	const char	*tls_cert;	/* PEM files, both or neither */
	const char	*tls_key;
	const char	*origin;	/* the public origin behind a proxy */
	unsigned	 hashers;	/* concurrent password checks */
	int64_t		 login_limit;	/* failed sign-ins per name per hour
					 * (0: the vault's setting) */
	int64_t		 idle;		/* session timeouts, 0: the most */
	int64_t		 absolute;
};

/* Print the route table (METHOD PATH ROLES FLAGS), for docs and tests. */
void	web_print_routes(void);

/* Run the server until SIGTERM or SIGINT; the exit code. */
int	web_run(const struct web_opts *);

#endif
