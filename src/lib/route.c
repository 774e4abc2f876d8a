/*
 * route.c: the request allowlist (route.h).
 */
#include <string.h>

#include "route.h"

static const struct {
	const char	*name;
	unsigned	 bit;
} methods[] = {
	{ "GET", LB_M_GET },
	{ "HEAD", LB_M_HEAD },
	{ "POST", LB_M_POST },
	{ "PUT", LB_M_PUT },
	{ "DELETE", LB_M_DELETE },
	{ "PATCH", LB_M_PATCH },
};
#define NMETHODS	(sizeof(methods) / sizeof(methods[0]))

unsigned
lb_http_method(const char *name)
{
	size_t	i;

	if (name == NULL)
		return 0;
	for (i = 0; i < NMETHODS; i++)
		if (strcmp(name, methods[i].name) == 0)
			return methods[i].bit;
	return 0;
}

void
lb_http_allow(unsigned m, char *out, size_t len)
{
	size_t	i, used = 0, n;

	if (len == 0)
		return;
	out[0] = '\0';
	for (i = 0; i < NMETHODS; i++) {
		if ((m & methods[i].bit) == 0)
			continue;
		n = strlen(methods[i].name) + (used > 0 ? 2 : 0);
		if (used + n + 1 > len)
			break;
		if (used > 0) {
			memcpy(out + used, ", ", 2);
			used += 2;
		}
		memcpy(out + used, methods[i].name, strlen(methods[i].name));
		used += strlen(methods[i].name);
		out[used] = '\0';
	}
}

int
lb_path_plain(const char *p, size_t len)
{
	size_t	i, seg = 1;

	if (len == 0 || len > LB_PATH_MAX || p[0] != '/')
		return 0;
	for (i = 1; i <= len; i++) {
		if (i == len || p[i] == '/') {
			/* A segment: p[seg..i). The root "/" alone is fine. */
			if (i - seg == 0 && !(len == 1 && i == 1))
				return 0;
			if ((i - seg == 1 && p[seg] == '.') ||
			    (i - seg == 2 && p[seg] == '.' && p[seg + 1] == '.'))
				return 0;
			seg = i + 1;
			continue;
		}
		if (p[i] <= ' ' || p[i] >= 0x7f || p[i] == '%' ||
		    p[i] == '\\' || p[i] == '#' || p[i] == '?')
			return 0;
	}
	return 1;
}

int
lb_route_find(const struct lb_route *routes, size_t n, const char *method,
    const char *path, size_t pathlen, const struct lb_route **route,
    unsigned *allow)
{
	unsigned	m = lb_http_method(method);
	size_t		i;

	*route = NULL;
	if (allow != NULL)
		*allow = 0;
	if (path == NULL || !lb_path_plain(path, pathlen) ||
	    memchr(path, '\0', pathlen) != NULL)
		return 400;
	for (i = 0; i < n; i++) {
		if (strlen(routes[i].path) != pathlen ||
		    memcmp(routes[i].path, path, pathlen) != 0)
			continue;
		if ((routes[i].methods & m) == 0) {
			if (allow != NULL)
				*allow = routes[i].methods;
			return 405;
		}
		*route = &routes[i];
		return 200;
	}
	return 404;
}
