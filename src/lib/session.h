/*
 * session.h: signed-in sessions and the sign-in throttle of the web
 * server (issue 4), held in the server's memory.
 *
 * A session is named by a 128-bit random token the browser keeps in a
 * cookie; the table keeps only the token's BLAKE2b hash, so a dump of the
 * server's memory or a log line cannot be replayed as a cookie.  Each
 * session has its own random CSRF token.  A session ends on sign-out, on
 * LB_SESSION_IDLE seconds without a request, LB_SESSION_MAX after it began,
 * when its account is disabled or its password changed, and when the
 * server stops: sessions are deliberately not kept on disk.
 *
 * The throttle counts failed sign-ins per user name (existing or not, so
 * that it reveals nothing): at most `limit` in an hour, after which the
 * name is refused until the hour has passed.
 *
 * Thread-safe: one mutex.  Pure otherwise: the caller passes the time.
 */
#ifndef LB_SESSION_H
#define LB_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "account.h"

#define LB_TOKEN_HEX	33	/* 128 bits in hex, and the NUL */
#define LB_SESSION_IDLE	(30 * 60)
#define LB_SESSION_MAX	(12 * 60 * 60)
#define LB_THROTTLE_WINDOW	3600

struct lb_session {
	char		user[LB_ACCOUNT_NAME];
	enum lb_role	role;
	char		importer[16];
	char		csrf[LB_TOKEN_HEX];
	unsigned char	pwfp[16];	/* fingerprint of the password hash */
	int64_t		created;
	int64_t		seen;
};

struct lb_sessions;

/*
 * A table of at most max sessions and max throttled names; sessions end
 * after idle seconds without a request and absolute seconds after they
 * began (at most LB_SESSION_IDLE and LB_SESSION_MAX: 0 means those).
 */
struct lb_sessions	*lb_sessions_new(size_t max, int64_t idle,
			    int64_t absolute);
void			 lb_sessions_free(struct lb_sessions *);

/*
 * Begin a session for account a at now: token gets the cookie value, *out
 * a copy.  When the table is full the session idle the longest goes.
 * 0, or -1 when no memory or randomness (never in practice).
 */
int	lb_session_create(struct lb_sessions *, const struct lb_account *a,
	    int64_t now, char token[LB_TOKEN_HEX], struct lb_session *out);
/*
 * The session of token (as sent: any bytes, len bounded by the caller):
 * 1 and *out when it exists and has not expired (its idle time restarts),
 * 0 otherwise (an expired session is removed).
 */
int	lb_session_find(struct lb_sessions *, const char *token, size_t len,
	    int64_t now, struct lb_session *out);
/*
 * The fingerprint of an account's password hash as a session keeps it:
 * a session whose fingerprint is no longer its account's (the password
 * changed since sign-in) must end.
 */
void	lb_session_fingerprint(const char *hash, unsigned char fp[16]);
/* End the session of token; 1 when there was one. */
int	lb_session_end(struct lb_sessions *, const char *token, size_t len);
/* End every session of user (disabled, new password). */
void	lb_session_end_user(struct lb_sessions *, const char *user);
size_t	lb_session_count(struct lb_sessions *, int64_t now);

/*
 * May name try to sign in at now, given limit failures an hour?  1 yes,
 * 0 throttled (also when the throttle table is full of live entries).
 */
int	lb_throttle_ok(struct lb_sessions *, const char *name, int64_t now,
	    int64_t limit);
/* Count a failure of name at now. */
void	lb_throttle_fail(struct lb_sessions *, const char *name, int64_t now);
/*
 * Take back one failure of name (an attempt counted as a failure while its
 * password was checked, which turned out right): attempts in flight count,
 * so a burst cannot run more checks than the limit.
 */
void	lb_throttle_refund(struct lb_sessions *, const char *name, int64_t now);

/* Do two CSRF tokens match (constant time)?  1 or 0. */
int	lb_csrf_equal(const char *expect, const char *got, size_t gotlen);

#endif
