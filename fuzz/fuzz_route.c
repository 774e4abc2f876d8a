/*
 * fuzz_route.c: libFuzzer target for the HTTP request edge (route.c).
 *
 * The input is "METHOD PATH" (split at the first space; no space: all of
 * it is the path with method GET).  Checks what route.h promises: 200
 * only for a plain path equal to a route's and a method it answers; 405
 * with that route's methods; 400 exactly for paths that are not plain; and
 * that a plain path never holds '%', '\\', "..", "//" or bytes outside
 * printable ASCII.  Linked with replay.c, it also replays the corpus in
 * the normal test run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "route.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(x)	do { if (!(x)) abort(); } while (0)

static const struct lb_route routes[] = {
	{ "/livez", LB_M_GET | LB_M_HEAD, LB_ROLE_PUBLIC, 1 },
	{ "/readyz", LB_M_GET | LB_M_HEAD, LB_ROLE_PUBLIC, 2 },
	{ "/api/v1/session", LB_M_POST | LB_M_DELETE, LB_ROLE_PUBLIC, 3 },
};
#define NROUTES	(sizeof(routes) / sizeof(routes[0]))

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct lb_route	*r;
	const char		*sp, *p;
	char			 method[16] = "GET", allow[64];
	char			*path;
	size_t			 plen, i, m;
	unsigned		 al;
	int			 st, plain;

	if (size > 4096)
		return 0;
	p = (const char *)data;
	plen = size;
	sp = memchr(p, ' ', plen);
	if (sp != NULL && (size_t)(sp - p) < sizeof(method)) {
		m = (size_t)(sp - p);
		memcpy(method, p, m);
		method[m] = '\0';
		p = sp + 1;
		plen -= m + 1;
	}
	if ((path = malloc(plen + 1)) == NULL)
		return 0;
	memcpy(path, p, plen);
	path[plen] = '\0';
	plain = lb_path_plain(path, plen);
	if (plain) {
		CHECK(plen >= 1 && plen <= LB_PATH_MAX && path[0] == '/');
		CHECK(strstr(path, "//") == NULL && strchr(path, '%') == NULL);
		CHECK(strchr(path, '\\') == NULL);
		for (i = 0; i < plen; i++)
			CHECK(path[i] > ' ' && path[i] < 0x7f);
		CHECK(strstr(path, "/../") == NULL && strstr(path, "/./") ==
		    NULL);
	}
	st = lb_route_find(routes, NROUTES, method, path, plen, &r, &al);
	CHECK(st == 200 || st == 400 || st == 404 || st == 405);
	CHECK((st == 400) == !plain);
	if (st == 200) {
		CHECK(r != NULL && strlen(r->path) == plen &&
		    memcmp(r->path, path, plen) == 0);
		CHECK((r->methods & lb_http_method(method)) != 0);
	} else
		CHECK(r == NULL);
	if (st == 405) {
		CHECK(al != 0);
		lb_http_allow(al, allow, sizeof(allow));
		CHECK(allow[0] != '\0');
	}
	free(path);
	return 0;
}
