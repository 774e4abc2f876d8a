/*
 * route.h: the HTTP server's request edge (issue 4): the request method,
 * path and parameters checked against an allowlist before any handler
 * runs.  Pure: no I/O, no allocation.
 *
 * A route declares its path, the methods it answers, the roles allowed
 * and the parameters it takes, each with a validator.  A path segment
 * "{name}" is a path parameter; the rest of the path is literal.  Anything
 * else is refused here with the status a handler never has to think about:
 * 400 for a malformed target or an undeclared, duplicated, missing or
 * invalid parameter (with a reason), 404 for a path no route has, 405 for a
 * method the route does not answer (with the methods it does, for the
 * Allow header).  Deny by default: a route allows no role unless it says
 * so, and takes no parameter it does not declare.
 *
 * Values reach handlers decoded, checked and in canonical form, in a
 * struct lb_args the caller owns (no allocation: the values live in its
 * buf).  A value never holds a NUL or an ASCII control character.
 */
#ifndef LB_ROUTE_H
#define LB_ROUTE_H

#include <stddef.h>
#include <stdint.h>

/* Methods, as bits. */
#define LB_M_GET	0x01
#define LB_M_HEAD	0x02
#define LB_M_POST	0x04
#define LB_M_PUT	0x08
#define LB_M_DELETE	0x10
#define LB_M_PATCH	0x20

/* Roles, as bits; LB_ROLE_PUBLIC needs no session. */
#define LB_ROLE_PUBLIC	0x01
#define LB_ROLE_ADMIN	0x02
#define LB_ROLE_STAFF	0x04
#define LB_ROLE_CLIENT	0x08
#define LB_ROLE_AUDITOR	0x10

/* Longest path accepted, in bytes. */
#define LB_PATH_MAX	1024
/* Longest request target (path, '?' and query) lb_route_match accepts. */
#define LB_TARGET_MAX	(LB_PATH_MAX + 2048)
/* Longest urlencoded body lb_args_form accepts. */
#define LB_FORM_MAX	((size_t)64 * 1024)

/* Parameter value checks. */
enum lb_ptype {
	LB_P_TEXT,	/* UTF-8, no control character, 1..max bytes (0: 200) */
	LB_P_KEY,	/* reference: [A-Za-z0-9._/-], 1..35 bytes */
	LB_P_NAME,	/* user name: [a-z0-9._-], 1..32, first a letter or digit */
	LB_P_INT,	/* decimal, optional '-', no leading zero but "0", "-0"
			   refused, within [min, max] */
	LB_P_ENUM,	/* one of words (NULL-ended), exact */
	LB_P_DATE,	/* YYYY-MM-DD, a real date (lb_date_parse) */
	LB_P_ENTRY,	/* entry number (lb_entry_parse), stored canonical */
	LB_P_IMPORTER,	/* importer number (lb_importer_parse), canonical */
	LB_P_CURSOR,	/* pagination cursor: [A-Za-z0-9_-], 1..max (0: 64) */
	LB_P_BOOL	/* "true" or "false" exactly */
};

#define LB_P_REQUIRED	0x01	/* must be present */
#define LB_P_PATH	0x02	/* comes from a {name} segment of the path */
#define LB_P_QUERY	0x04	/* may come from the query string */
#define LB_P_FORM	0x08	/* may come from the body (lb_args_form/add) */

/*
 * One declared parameter.  name is [a-z0-9_], 1..LB_PNAME_MAX bytes.  min
 * and max bound an LB_P_INT; max is the longest LB_P_TEXT or LB_P_CURSOR
 * (0 for the default); words lists an LB_P_ENUM's values.
 */
struct lb_param {
	const char		*name;
	enum lb_ptype		 type;
	unsigned		 flags;
	int64_t			 min, max;
	const char * const	*words;
};

#define LB_PNAME_MAX	32

/*
 * Route flags, for the server; route.c reads only LB_R_PAGE: on a page's
 * query string and form body an empty value ("q=") counts as absent, as
 * HTML forms send their empty fields.
 */
#define LB_R_JSON	0x01	/* the body is JSON */
#define LB_R_FORM	0x02	/* the body is application/x-www-form-urlencoded */
#define LB_R_PAGE	0x04	/* an HTML page */
#define LB_R_NOCSRF	0x08	/* state-changing, exempt from the CSRF token */

/*
 * A route.  The first four fields come first so that positional
 * initialisers { path, methods, roles, id } keep working; the rest are
 * then zero (no parameters, no flags).  path starts with '/'; a segment
 * "{name}" matches exactly one non-empty segment, whose decoded value is
 * the LB_P_PATH parameter name.
 */
/*
 * -Wextra warns about those short positional initialisers; the pragma keeps
 * them compiling under -Werror (it holds in every file that includes this
 * header).  Drop it once every table names all seven fields or uses
 * designated initialisers.
 */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

struct lb_route {
	const char		*path;
	unsigned		 methods;
	unsigned		 roles;
	int			 id;
	const struct lb_param	*params;	/* nparams of them; may be NULL */
	size_t			 nparams;
	unsigned		 flags;		/* LB_R_* */
};

#define LB_ARGS_MAX	16	/* decoded values held */
#define LB_ARGS_BYTES	4096	/* decoded bytes held, NULs included */

/*
 * The checked parameters of one request, filled by lb_route_match, then
 * lb_args_form or lb_args_add.  Invariants: n <= LB_ARGS_MAX, used <=
 * LB_ARGS_BYTES; v[i].val points into buf, is NUL-terminated, of v[i].len
 * bytes, and v[i].p points into the matched route's params; no two v[i]
 * share a param.  After a failure n is 0 and why says what was wrong
 * (printable ASCII, NUL-terminated; it names the parameter and where it
 * came from but does not quote its value, beyond the character or digits
 * that the date, entry and importer checks may show).
 */
struct lb_args {
	size_t	n;
	struct {
		const struct lb_param	*p;
		const char		*val;
		size_t			 len;
	} v[LB_ARGS_MAX];
	char	buf[LB_ARGS_BYTES];
	size_t	used;
	char	why[256];
};

/* The bit of a method name ("GET"), or 0 for any other. */
unsigned	lb_http_method(const char *name);
/* "GET, HEAD" of a method mask, for an Allow header (out of len bytes). */
void		lb_http_allow(unsigned methods, char *out, size_t len);

/*
 * Is path plain: 1..LB_PATH_MAX bytes, starting with '/', printable ASCII
 * without space, '%', '?', '\\' or '#', no empty, "." or ".." segment?  1
 * or 0.  Stricter than lb_route_match, which also takes "%XX" escapes.
 */
int		lb_path_plain(const char *path, size_t len);

/*
 * Check a route table once at start-up: paths well formed, every "{name}"
 * declared LB_P_PATH and every LB_P_PATH param in its path, names
 * [a-z0-9_], no name twice, an LB_P_INT's min <= max, an LB_P_ENUM's words
 * given.  0, or -1 with a reason in why (whylen bytes).
 */
int		lb_route_check(const struct lb_route *routes, size_t n,
		    char *why, size_t whylen);

/*
 * Match a request target (the raw path then optional "?query", as sent,
 * at most LB_TARGET_MAX bytes) against the n routes.  Returns 200 with
 * *route set and args filled (path parameters, then query parameters); 404
 * when no route's path matches; 405 (*allow = the route's methods; allow
 * may be NULL); 400 with args->why when the target is malformed or a
 * parameter is undeclared, duplicated, invalid, or a required path or
 * query parameter is missing.  A malformed path, or an escaped NUL or
 * control byte anywhere in the target, is 400 before any route is looked
 * for; the query is only looked at once a route and method match.  Required LB_P_FORM parameters are left to
 * lb_args_form or lb_args_complete.  *route is NULL unless 200.
 *
 * Literal segments compare with the raw bytes (so "%61pi" is never
 * "api").  When several routes' paths match, the one with more literal
 * segments wins, then the one whose first literal comes earlier; among
 * routes with the same pattern, the first that answers the method, and
 * 405 with all their methods when none does.
 */
int		lb_route_match(const struct lb_route *routes, size_t n,
		    const char *method, const char *target, size_t len,
		    const struct lb_route **route, unsigned *allow,
		    struct lb_args *args);

/*
 * Decode an application/x-www-form-urlencoded body of n bytes (at most
 * LB_FORM_MAX) against r's LB_P_FORM parameters, adding to args; then
 * check that every required LB_P_FORM parameter is present.  0, or -1
 * with args->why.
 */
int		lb_args_form(const struct lb_route *r, const char *body,
		    size_t n, struct lb_args *args);
/*
 * Add one decoded value (from a JSON body, say) of len bytes for r's
 * LB_P_FORM parameter name, checked by its type; refused when undeclared
 * or already present.  0, or -1 with args->why.
 */
int		lb_args_add(const struct lb_route *r, const char *name,
		    const char *val, size_t len, struct lb_args *args);
/* After lb_args_add: is every required LB_P_FORM parameter present?  0,
 * or -1 with args->why. */
int		lb_args_complete(const struct lb_route *r, struct lb_args *args);

/* The value of name, or NULL when absent. */
const char	*lb_arg(const struct lb_args *args, const char *name);
/* The value of an LB_P_INT name in *v: 0, or -1 when absent. */
int		lb_arg_int(const struct lb_args *args, const char *name,
		    int64_t *v);

/*
 * Find the route for (method, path) among n routes, for a path without a
 * query: 400 unless lb_path_plain, else lb_route_match's answer (its
 * parameters are checked and dropped).
 */
int		lb_route_find(const struct lb_route *routes, size_t n,
		    const char *method, const char *path, size_t pathlen,
		    const struct lb_route **route, unsigned *allow);

#endif
