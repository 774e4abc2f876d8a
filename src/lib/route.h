/*
 * route.h: the HTTP server's request edge (issue 4): the request method and
 * path checked against an allowlist before any handler runs.  Pure: no I/O.
 *
 * A route declares its path (exact, no patterns yet), the methods it
 * answers and the roles allowed.  Anything else is refused here with the
 * status a handler never has to think about: 400 for a path that is not
 * plain, 404 for a path no route has, 405 for a method the route does not
 * answer (with the methods it does, for the Allow header).  Deny by
 * default: a route allows no role unless it says so.
 */
#ifndef LB_ROUTE_H
#define LB_ROUTE_H

#include <stddef.h>

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

struct lb_route {
	const char	*path;
	unsigned	 methods;
	unsigned	 roles;
	int		 id;
};

/* The bit of a method name ("GET"), or 0 for any other. */
unsigned	lb_http_method(const char *name);
/* "GET, HEAD" of a method mask, for an Allow header (out of len bytes). */
void		lb_http_allow(unsigned methods, char *out, size_t len);

/*
 * Is path plain: 1..LB_PATH_MAX bytes, starting with '/', printable ASCII
 * without space, '%', '\\' or '#', no empty, "." or ".." segment?  1 or 0.
 */
int		lb_path_plain(const char *path, size_t len);

/*
 * Find the route for (method, path) among n routes.  Returns 200 and
 * *route, or 400, 404 or 405; on 405 *allow gets the route's methods.
 */
int		lb_route_find(const struct lb_route *routes, size_t n,
		    const char *method, const char *path, size_t pathlen,
		    const struct lb_route **route, unsigned *allow);

#endif
