/*
 * test_route.c: the request allowlist (route.c): plain paths, methods,
 * route matching with 400/404/405, and the Allow header text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "route.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct lb_route routes[] = {
	{ "/livez", LB_M_GET | LB_M_HEAD, LB_ROLE_PUBLIC, 1 },
	{ "/api/v1/session", LB_M_POST | LB_M_DELETE, LB_ROLE_PUBLIC, 2 },
	{ "/", LB_M_GET, LB_ROLE_STAFF, 3 },
};

static void
test_path_plain(void **state)
{
	static const struct {
		const char	*path;
		int		 plain;
	} cases[] = {
		{ "/", 1 },
		{ "/livez", 1 },
		{ "/api/v1/shipments/HL26-000001", 1 },
		{ "/a.b/c_d-e~f", 1 },
		{ "", 0 },
		{ "livez", 0 },
		{ "//livez", 0 },
		{ "/livez/", 0 },
		{ "/a//b", 0 },
		{ "/./livez", 0 },
		{ "/a/../livez", 0 },
		{ "/..", 0 },
		{ "/.", 0 },
		{ "/...", 1 },		/* an ordinary name */
		{ "/%6civez", 0 },
		{ "/livez%00", 0 },
		{ "/a b", 0 },
		{ "/a\\b", 0 },
		{ "/a#b", 0 },
		{ "/a?b=c", 0 },
		{ "/caf\xc3\xa9", 0 },	/* ASCII only */
		{ "/a\tb", 0 },
		{ "/a\x7f", 0 },
	};
	char	long_path[LB_PATH_MAX + 2];
	size_t	i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		print_message("%s\n", cases[i].path);
		assert_int_equal(lb_path_plain(cases[i].path,
		    strlen(cases[i].path)), cases[i].plain);
	}
	memset(long_path, 'a', sizeof(long_path));
	long_path[0] = '/';
	assert_int_equal(lb_path_plain(long_path, LB_PATH_MAX), 1);
	assert_int_equal(lb_path_plain(long_path, LB_PATH_MAX + 1), 0);
	/* A NUL inside the given length is not plain. */
	assert_int_equal(lb_path_plain("/a\0b", 4), 0);
}

static void
test_route_find(void **state)
{
	static const struct {
		const char	*method, *path;
		int		 status, id;
		unsigned	 allow;
	} cases[] = {
		{ "GET", "/livez", 200, 1, 0 },
		{ "HEAD", "/livez", 200, 1, 0 },
		{ "POST", "/livez", 405, 0, LB_M_GET | LB_M_HEAD },
		{ "get", "/livez", 405, 0, LB_M_GET | LB_M_HEAD },
		{ "BREW", "/livez", 405, 0, LB_M_GET | LB_M_HEAD },
		{ "POST", "/api/v1/session", 200, 2, 0 },
		{ "DELETE", "/api/v1/session", 200, 2, 0 },
		{ "GET", "/api/v1/session", 405, 0, LB_M_POST | LB_M_DELETE },
		{ "GET", "/", 200, 3, 0 },
		{ "GET", "/livez2", 404, 0, 0 },
		{ "GET", "/Livez", 404, 0, 0 },
		{ "GET", "/liv", 404, 0, 0 },
		{ "GET", "/livez/", 400, 0, 0 },
		{ "GET", "/../livez", 400, 0, 0 },
		{ "GET", "livez", 400, 0, 0 },
	};
	const struct lb_route	*r;
	unsigned		 allow;
	size_t			 i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		print_message("%s %s\n", cases[i].method, cases[i].path);
		assert_int_equal(lb_route_find(routes, NELEM(routes),
		    cases[i].method, cases[i].path, strlen(cases[i].path), &r,
		    &allow), cases[i].status);
		if (cases[i].status == 200) {
			assert_non_null(r);
			assert_int_equal(r->id, cases[i].id);
		} else
			assert_null(r);
		if (cases[i].status == 405)
			assert_int_equal(allow, cases[i].allow);
	}
	assert_int_equal(lb_route_find(routes, NELEM(routes), NULL, "/livez",
	    6, &r, NULL), 405);
	assert_int_equal(lb_route_find(routes, NELEM(routes), "GET", NULL, 0,
	    &r, NULL), 400);
}

static void
test_allow(void **state)
{
	char	out[64];

	(void)state;
	lb_http_allow(LB_M_GET | LB_M_HEAD, out, sizeof(out));
	assert_string_equal(out, "GET, HEAD");
	lb_http_allow(LB_M_DELETE | LB_M_POST, out, sizeof(out));
	assert_string_equal(out, "POST, DELETE");
	lb_http_allow(0, out, sizeof(out));
	assert_string_equal(out, "");
	lb_http_allow(LB_M_GET | LB_M_HEAD, out, 8);	/* no room for HEAD */
	assert_string_equal(out, "GET");
	assert_int_equal(lb_http_method("PATCH"), LB_M_PATCH);
	assert_int_equal(lb_http_method("CONNECT"), 0);
	assert_int_equal(lb_http_method(NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path_plain),
		cmocka_unit_test(test_route_find),
		cmocka_unit_test(test_allow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
