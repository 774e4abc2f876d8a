/*
 * test_route.c: the request allowlist (route.c): plain paths, methods,
 * route matching with 400/404/405, the Allow header text, and the declared
 * parameters: path patterns, query strings, form bodies, every value type,
 * the bounds of struct lb_args, and the route table check.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
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

/*
 * Parameters.  The table below is shaped like the server's: a list, a
 * show/delete pair on the same pattern, a literal that beats a parameter,
 * a nested route with two path parameters, query and form parameters.
 */
static const char * const statuses[] = { "open", "held", "released", NULL };

static const struct lb_param p_ref[] = {
	{ "ref", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
};
static const struct lb_param p_list[] = {
	{ "limit", LB_P_INT, LB_P_QUERY, 1, 500, NULL },
	{ "status", LB_P_ENUM, LB_P_QUERY, 0, 0, statuses },
	{ "after", LB_P_CURSOR, LB_P_QUERY, 0, 0, NULL },
	{ "q", LB_P_TEXT, LB_P_QUERY, 0, 40, NULL },
};
static const struct lb_param p_search[] = {
	{ "q", LB_P_TEXT, LB_P_QUERY | LB_P_REQUIRED, 0, 0, NULL },
};
static const struct lb_param p_note[] = {
	{ "ref", LB_P_KEY, LB_P_PATH, 0, 0, NULL },
	{ "entry", LB_P_ENTRY, LB_P_PATH, 0, 0, NULL },
	{ "draft", LB_P_BOOL, LB_P_QUERY, 0, 0, NULL },
	{ "body", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 0, NULL },
	{ "pin", LB_P_BOOL, LB_P_FORM, 0, 0, NULL },
	{ "tag", LB_P_NAME, LB_P_QUERY | LB_P_FORM, 0, 0, NULL },
};
static const struct lb_param p_p[] = {
	{ "p", LB_P_KEY, LB_P_PATH, 0, 0, NULL },
};
static const struct lb_param p_pq[] = {
	{ "p", LB_P_KEY, LB_P_PATH, 0, 0, NULL },
	{ "q", LB_P_KEY, LB_P_PATH, 0, 0, NULL },
};

#define SHIP	"/api/v1/shipments"
#define NOTES	SHIP "/{ref}/entries/{entry}/notes"

static const struct lb_route api[] = {
	{ "/livez", LB_M_GET | LB_M_HEAD, LB_ROLE_PUBLIC, 1 },
	{ SHIP, LB_M_GET, LB_ROLE_STAFF, 10, p_list, NELEM(p_list), 0 },
	{ SHIP "/{ref}", LB_M_GET | LB_M_HEAD, LB_ROLE_STAFF, 11, p_ref, 1,
	    LB_R_JSON },
	{ SHIP "/{ref}", LB_M_DELETE, LB_ROLE_ADMIN, 12, p_ref, 1, 0 },
	{ SHIP "/export", LB_M_GET, LB_ROLE_STAFF, 13, NULL, 0, 0 },
	{ NOTES, LB_M_POST, LB_ROLE_STAFF, 14, p_note, NELEM(p_note),
	    LB_R_FORM },
	{ "/api/v1/search", LB_M_GET, LB_ROLE_STAFF, 15, p_search, 1, 0 },
	{ "/x/{p}/{q}", LB_M_GET, LB_ROLE_STAFF, 20, p_pq, 2, 0 },
	{ "/{p}/y/z", LB_M_GET, LB_ROLE_STAFF, 21, p_p, 1, 0 },
	{ "/k/{p}/m", LB_M_GET, LB_ROLE_STAFF, 22, p_p, 1, 0 },
	{ "/{p}/l/m", LB_M_GET, LB_ROLE_STAFF, 23, p_p, 1, 0 },
};

/* Is s NUL-terminated within size and all printable ASCII? */
static int
printable(const char *s, size_t size)
{
	size_t	i;

	for (i = 0; i < size && s[i] != '\0'; i++)
		if (s[i] < 0x20 || s[i] >= 0x7f)
			return 0;
	return i < size;
}

static int
match(const struct lb_route *rt, size_t n, const char *method,
    const char *target, const struct lb_route **r, unsigned *allow,
    struct lb_args *a)
{
	return lb_route_match(rt, n, method, target, strlen(target), r, allow,
	    a);
}

static void
test_match(void **state)
{
	static const struct {
		const char	*method, *target;
		int		 status, id;
		unsigned	 allow;
		const char	*why;
	} cases[] = {
		/* Literal beats parameter; same pattern split by method. */
		{ "GET", SHIP "/export", 200, 13, 0, NULL },
		{ "GET", SHIP "/HL26-1", 200, 11, 0, NULL },
		{ "HEAD", SHIP "/HL26-1", 200, 11, 0, NULL },
		{ "DELETE", SHIP "/HL26-1", 200, 12, 0, NULL },
		{ "PUT", SHIP "/HL26-1", 405, 0,
		    LB_M_GET | LB_M_HEAD | LB_M_DELETE, NULL },
		{ "DELETE", SHIP "/export", 405, 0, LB_M_GET, NULL },
		{ "GET", "/x/y/z", 200, 21, 0, NULL },	/* more literals */
		{ "GET", "/x/q/r", 200, 20, 0, NULL },
		{ "GET", "/k/l/m", 200, 22, 0, NULL },	/* first literal */
		{ "GET", "/j/l/m", 200, 23, 0, NULL },
		{ "GET", "/livez", 200, 1, 0, NULL },
		/* 404 and 405 come before any parameter is looked at. */
		{ "GET", "/api/v1/shipment", 404, 0, 0, "no such route" },
		{ "GET", SHIP "/a/b", 404, 0, 0, NULL },
		{ "GET", "/x/y", 404, 0, 0, NULL },
		{ "GET", "/", 404, 0, 0, NULL },
		{ "PUT", SHIP "/%21bad", 405, 0,
		    LB_M_GET | LB_M_HEAD | LB_M_DELETE, NULL },
		{ "GET", SHIP "/a/entries/ABC-1234567-7/notes", 405, 0,
		    LB_M_POST, NULL },
		{ "BREW", "/livez", 405, 0, LB_M_GET | LB_M_HEAD, NULL },
		{ "GET", SHIP "/%21bad", 400, 0, 0,
		    "path parameter \"ref\": must be 1 to 35 characters" },
		/* Literal segments compare raw; parameters are decoded. */
		{ "GET", "/%61pi/v1/shipments/export", 404, 0, 0, NULL },
		{ "GET", SHIP "/expor%74", 200, 11, 0, NULL },
		{ "GET", SHIP "/A%2FB", 200, 11, 0, NULL },
		{ "GET", SHIP "/%2e%2e", 200, 11, 0, NULL },	/* a ref */
		{ "GET", SHIP "/A%00B", 400, 0, 0, "request target holds an "
		    "escaped control character (byte 20)" },
		{ "GET", SHIP "/A%0aB", 400, 0, 0, "escaped control" },
		{ "GET", SHIP "/A%7FB", 400, 0, 0, "escaped control" },
		/* Wherever it is: not a 404, nor a 405. */
		{ "GET", "/livez%00x", 400, 0, 0, "escaped control" },
		{ "GET", "/nowhere?a=%1f", 400, 0, 0, "escaped control" },
		{ "PUT", "/livez?%00", 400, 0, 0, "escaped control" },
		{ "GET", "/%6civez", 404, 0, 0, NULL },
		{ "GET", SHIP "/%", 400, 0, 0, "malformed path" },
		{ "GET", SHIP "/%G1", 400, 0, 0, "malformed path" },
		{ "GET", SHIP "/%4", 400, 0, 0, "malformed path" },
		{ "GET", SHIP "/ab%4?q=1", 400, 0, 0, "malformed path" },
		{ "GET", SHIP "/", 400, 0, 0, "malformed path" },
		{ "GET", SHIP "/..", 400, 0, 0, "malformed path" },
		{ "GET", SHIP "/a\\b", 400, 0, 0, "malformed path" },
		{ "GET", SHIP "/a b", 400, 0, 0, "malformed path" },
		{ "GET", SHIP "/caf\xc3\xa9", 400, 0, 0, "malformed path" },
		{ "GET", "livez", 400, 0, 0, "malformed path" },
		{ "GET", "", 400, 0, 0, "empty request target" },
		{ "GET", "?a=1", 400, 0, 0, "malformed path" },
		/* Query strings. */
		{ "GET", SHIP "?limit=20", 200, 10, 0, NULL },
		{ "GET", SHIP "?", 200, 10, 0, NULL },
		{ "GET", SHIP "?li%6dit=5", 200, 10, 0, NULL },
		{ "GET", SHIP "?limit=1&status=held&after=Zz_-9&q=a+b", 200,
		    10, 0, NULL },
		{ "GET", SHIP "?x=1", 400, 0, 0,
		    "undeclared query parameter \"x\"" },
		{ "GET", SHIP "?limit=1&limit=2", 400, 0, 0,
		    "query parameter \"limit\" given twice" },
		{ "GET", SHIP "?limit=1&&status=open", 400, 0, 0,
		    "query string has an empty parameter" },
		{ "GET", SHIP "?limit=1&", 400, 0, 0, "empty parameter" },
		{ "GET", SHIP "?&limit=1", 400, 0, 0, "empty parameter" },
		{ "GET", SHIP "?&", 400, 0, 0, "empty parameter" },
		{ "GET", SHIP "?q=", 400, 0, 0,
		    "query parameter \"q\" is empty" },
		{ "GET", SHIP "?q", 400, 0, 0, "query parameter \"q\" is empty" },
		{ "GET", SHIP "?=1", 400, 0, 0,
		    "query parameter without a name" },
		{ "GET", SHIP "?Limit=1", 400, 0, 0,
		    "bad query parameter name \"Limit\"" },
		{ "GET", SHIP "?limit=%", 400, 0, 0,
		    "query parameter \"limit\": bad %-escape" },
		{ "GET", SHIP "?limit=%G1", 400, 0, 0, "bad %-escape" },
		{ "GET", SHIP "?limit=%4", 400, 0, 0, "bad %-escape" },
		{ "GET", SHIP "?li%6=1", 400, 0, 0, "bad %-escape" },
		{ "GET", SHIP "?limit=0", 400, 0, 0, "query parameter \"limit\": "
		    "must be an integer from 1 to 500" },
		{ "GET", SHIP "?q=a b", 400, 0, 0,
		    "query string: byte 4 must be %-encoded" },
		{ "GET", SHIP "?q=a#b", 400, 0, 0, "must be %-encoded" },
		{ "GET", SHIP "?q=\xc3\xa9", 400, 0, 0, "must be %-encoded" },
		{ "GET", SHIP "?q=%00", 400, 0, 0, "escaped control" },
		{ "GET", SHIP "?q=%FF", 400, 0, 0, "must be UTF-8 text" },
		{ "GET", SHIP "?ref=x", 400, 0, 0,
		    "undeclared query parameter \"ref\"" },
		{ "GET", SHIP "/HL1?ref=x", 400, 0, 0,
		    "undeclared query parameter \"ref\"" },
		{ "GET", "/livez?x", 400, 0, 0, "undeclared query parameter" },
		{ "GET", "/api/v1/search", 400, 0, 0,
		    "missing query parameter \"q\"" },
		{ "GET", "/api/v1/search?q=x", 200, 15, 0, NULL },
		{ "GET", "/api/v1/search?q=x?y=z", 200, 15, 0, NULL },
		/* Path parameters by type, before any form body. */
		{ "POST", SHIP "/a/entries/ABC-1234567-7/notes", 400, 0, 0,
		    "path parameter \"entry\": must be an entry number "
		    "XXX-NNNNNNN-C: check digit is 7, expected 6" },
		{ "POST", SHIP "/a/entries/abc12345676/notes", 200, 14, 0,
		    NULL },
		{ "POST", SHIP "/a/entries/ABC-1234567-6/notes?draft=yes", 400,
		    0, 0, "query parameter \"draft\": must be true or false" },
		{ "POST", SHIP "/a/entries/ABC-1234567-6/notes?body=x", 400,
		    0, 0, "undeclared query parameter \"body\"" },
	};
	const struct lb_route	*r;
	struct lb_args		 a;
	unsigned		 allow;
	size_t			 i;
	int			 st;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		print_message("%s %s\n", cases[i].method, cases[i].target);
		memset(&a, 0xa5, sizeof(a));
		allow = 99;
		st = match(api, NELEM(api), cases[i].method, cases[i].target,
		    &r, &allow, &a);
		assert_int_equal(st, cases[i].status);
		assert_true(printable(a.why, sizeof(a.why)));
		if (st == 200) {
			assert_non_null(r);
			assert_int_equal(r->id, cases[i].id);
			assert_string_equal(a.why, "");
		} else {
			assert_null(r);
			assert_int_equal(a.n, 0);
			assert_true(a.why[0] != '\0');
		}
		assert_int_equal(allow, st == 405 ? cases[i].allow : 0);
		if (cases[i].why != NULL) {
			print_message("  why: %s\n", a.why);
			assert_non_null(strstr(a.why, cases[i].why));
		}
	}

	/* A NUL inside the length, no target, too long. */
	assert_int_equal(lb_route_match(api, NELEM(api), "GET", "/livez\0x", 8,
	    &r, NULL, &a), 400);
	assert_non_null(strstr(a.why, "NUL"));
	assert_int_equal(lb_route_match(api, NELEM(api), "GET", NULL, 0, &r,
	    NULL, &a), 400);
	/* No routes at all. */
	assert_int_equal(lb_route_match(api, 0, "GET", "/livez", 6, &r, NULL,
	    &a), 404);
}

static void
test_match_args(void **state)
{
	const struct lb_route	*r;
	struct lb_args		 a;
	int64_t			 v;

	(void)state;
	assert_int_equal(match(api, NELEM(api), "GET", SHIP "/A%2FB", &r, NULL,
	    &a), 200);
	assert_int_equal(a.n, 1);
	assert_string_equal(a.v[0].p->name, "ref");
	assert_string_equal(lb_arg(&a, "ref"), "A/B");
	assert_int_equal(a.v[0].len, 3);

	assert_int_equal(match(api, NELEM(api), "GET", SHIP "/expor%74", &r,
	    NULL, &a), 200);
	assert_int_equal(r->id, 11);
	assert_string_equal(lb_arg(&a, "ref"), "export");

	/* '+' is itself in a path, a space in a query. */
	assert_int_equal(match(api, NELEM(api), "GET",
	    SHIP "?li%6dit=5&q=caf%C3%A9+au+lait%2B&status=held&after=a_-9",
	    &r, NULL, &a), 200);
	assert_int_equal(a.n, 4);
	assert_string_equal(a.v[0].p->name, "limit");
	assert_string_equal(a.v[1].p->name, "q");
	assert_string_equal(lb_arg(&a, "limit"), "5");
	assert_string_equal(lb_arg(&a, "q"), "caf\xc3\xa9 au lait+");
	assert_string_equal(lb_arg(&a, "status"), "held");
	assert_string_equal(lb_arg(&a, "after"), "a_-9");
	assert_null(lb_arg(&a, "nope"));
	assert_null(lb_arg(&a, "ref"));
	assert_int_equal(lb_arg_int(&a, "limit", &v), 0);
	assert_int_equal(v, 5);
	assert_int_equal(lb_arg_int(&a, "nope", &v), -1);

	/* Path parameters first, then the query; canonical entry number. */
	assert_int_equal(match(api, NELEM(api), "POST",
	    SHIP "/HL-7/entries/abc12345676/notes?draft=true&tag=j.doe", &r,
	    NULL, &a), 200);
	assert_int_equal(a.n, 4);
	assert_string_equal(a.v[0].val, "HL-7");
	assert_string_equal(a.v[1].val, "ABC-1234567-6");
	assert_int_equal(a.v[1].len, 13);
	assert_string_equal(a.v[2].val, "true");
	assert_string_equal(a.v[3].val, "j.doe");
	assert_string_equal(lb_arg(&a, "entry"), "ABC-1234567-6");

	/* A failure drops every value. */
	assert_int_equal(match(api, NELEM(api), "GET", SHIP "?limit=5&x=1", &r,
	    NULL, &a), 400);
	assert_null(lb_arg(&a, "limit"));
	assert_null(lb_arg(NULL, "limit"));
}

/* One route per type, its value in the query parameter v. */
#define TY(nm, t, lo, hi, w)						\
	static const struct lb_param t_##nm[] = {			\
		{ "v", t, LB_P_QUERY | LB_P_REQUIRED, lo, hi, w }	\
	}
TY(text, LB_P_TEXT, 0, 0, NULL);
TY(text5, LB_P_TEXT, 0, 5, NULL);
TY(key, LB_P_KEY, 0, 0, NULL);
TY(name, LB_P_NAME, 0, 0, NULL);
TY(int, LB_P_INT, -5, 500, NULL);
TY(wide, LB_P_INT, INT64_MIN, INT64_MAX, NULL);
TY(enum, LB_P_ENUM, 0, 0, statuses);
TY(date, LB_P_DATE, 0, 0, NULL);
TY(entry, LB_P_ENTRY, 0, 0, NULL);
TY(importer, LB_P_IMPORTER, 0, 0, NULL);
TY(cursor, LB_P_CURSOR, 0, 0, NULL);
TY(cursor8, LB_P_CURSOR, 0, 8, NULL);
TY(bool, LB_P_BOOL, 0, 0, NULL);
#undef TY

#define TR(nm)	{ "/ty/" #nm, LB_M_GET, LB_ROLE_STAFF, 0, t_##nm, 1, 0 }
static const struct lb_route types[] = {
	TR(text), TR(text5), TR(key), TR(name), TR(int), TR(wide), TR(enum),
	TR(date), TR(entry), TR(importer), TR(cursor), TR(cursor8), TR(bool),
};
#undef TR

static void
test_types(void **state)
{
	static const struct {
		const char	*type, *raw, *want;	/* want NULL: 400 */
	} cases[] = {
		{ "text", "hello", "hello" },
		{ "text", "a+b%20c", "a b c" },
		{ "text", "caf%C3%A9", "caf\xc3\xa9" },
		{ "text", "%F0%9F%9A%A2", "\xf0\x9f\x9a\xa2" },
		{ "text", "%3C%26%3E%22", "<&>\"" },
		{ "text", "%C3", NULL },		/* cut short */
		{ "text", "%C0%80", NULL },		/* overlong NUL */
		{ "text", "%ED%A0%80", NULL },		/* surrogate */
		{ "text", "a%09b", NULL },
		{ "text", "a%0D%0Ab", NULL },
		{ "text", "%7F", NULL },
		{ "text5", "abcde", "abcde" },
		{ "text5", "abcdef", NULL },
		{ "text5", "%C3%A9%C3%A9%C3%A9", NULL },	/* 6 bytes */
		{ "key", "HL26-000001", "HL26-000001" },
		{ "key", "A.b_c/d-e", "A.b_c/d-e" },
		{ "key", "A%2FB", "A/B" },
		{ "key", "a+b", NULL },
		{ "key", "a:b", NULL },
		{ "key", "%C3%A9", NULL },
		{ "name", "jsmith", "jsmith" },
		{ "name", "j.smith-2_x", "j.smith-2_x" },
		{ "name", "0day", "0day" },
		{ "name", "_x", NULL },
		{ "name", ".x", NULL },
		{ "name", "-x", NULL },
		{ "name", "JSmith", NULL },
		{ "name", "j%40x", NULL },
		{ "int", "0", "0" },
		{ "int", "42", "42" },
		{ "int", "-5", "-5" },
		{ "int", "500", "500" },
		{ "int", "501", NULL },
		{ "int", "-6", NULL },
		{ "int", "042", NULL },
		{ "int", "00", NULL },
		{ "int", "-0", NULL },
		{ "int", "-01", NULL },
		{ "int", "%2B1", NULL },
		{ "int", "+1", NULL },			/* " 1" */
		{ "int", "1+", NULL },
		{ "int", "-", NULL },
		{ "int", "1e3", NULL },
		{ "int", "1.0", NULL },
		{ "int", "0x10", NULL },
		{ "int", "--1", NULL },
		{ "wide", "9223372036854775807", "9223372036854775807" },
		{ "wide", "-9223372036854775808", "-9223372036854775808" },
		{ "wide", "9223372036854775808", NULL },
		{ "wide", "-9223372036854775809", NULL },
		{ "wide", "18446744073709551616", NULL },
		{ "wide", "184467440737095516160", NULL },
		{ "wide", "99999999999999999999999999999999", NULL },
		{ "enum", "open", "open" },
		{ "enum", "released", "released" },
		{ "enum", "Open", NULL },
		{ "enum", "ope", NULL },
		{ "enum", "openx", NULL },
		{ "enum", "open%00", NULL },
		{ "date", "2024-02-29", "2024-02-29" },
		{ "date", "2023-02-29", NULL },
		{ "date", "2024-2-29", NULL },
		{ "date", "2024-13-01", NULL },
		{ "date", "2024-04-31", NULL },
		{ "date", "24-02-29", NULL },
		{ "date", "2024%2D02%2D29", "2024-02-29" },
		{ "date", "+2024-02-29+", "2024-02-29" },	/* trimmed */
		{ "entry", "ABC-1234567-6", "ABC-1234567-6" },
		{ "entry", "abc12345676", "ABC-1234567-6" },
		{ "entry", "ABC-1234567-7", NULL },		/* check digit */
		{ "entry", "ABC-123456-6", NULL },
		{ "entry", "ABC1234567-6", NULL },
		{ "importer", "12-3456789AB", "12-3456789AB" },
		{ "importer", "123456789ab", "12-3456789AB" },
		{ "importer", "123-45-6789", "123-45-6789" },
		{ "importer", "123456789", NULL },	/* ambiguous */
		{ "importer", "12-3456789O0", NULL },
		{ "cursor", "abc_DEF-09", "abc_DEF-09" },
		{ "cursor", "a.b", NULL },
		{ "cursor", "a%2Fb", NULL },
		{ "cursor", "a=b", NULL },
		{ "cursor8", "12345678", "12345678" },
		{ "cursor8", "123456789", NULL },
		{ "bool", "true", "true" },
		{ "bool", "false", "false" },
		{ "bool", "True", NULL },
		{ "bool", "1", NULL },
		{ "bool", "yes", NULL },
		{ "bool", "truex", NULL },
		{ "bool", "fals", NULL },
	};
	static const char * const all[] = {
		"text", "key", "name", "int", "enum", "date", "entry",
		"importer", "cursor", "bool"
	};
	/* Lengths: type, longest good length, the byte repeated. */
	static const struct {
		const char	*type;
		size_t		 max;
		char		 c;
	} lens[] = {
		{ "text", 200, 'a' }, { "key", 35, 'K' }, { "name", 32, 'n' },
		{ "cursor", 64, 'c' }, { "cursor8", 8, 'c' },
		{ "text5", 5, 'a' },
	};
	const struct lb_route	*r;
	struct lb_args		 a;
	char			 t[512];
	size_t			 i, k;
	int			 st;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		(void)snprintf(t, sizeof(t), "/ty/%s?v=%s", cases[i].type,
		    cases[i].raw);
		print_message("%s\n", t);
		st = match(types, NELEM(types), "GET", t, &r, NULL, &a);
		print_message("  %d %s\n", st, a.why);
		if (cases[i].want == NULL) {
			assert_int_equal(st, 400);
			assert_true(strncmp(a.why, "query parameter \"v\": ",
			    21) == 0 || strstr(a.why, "escaped control") !=
			    NULL);
			continue;
		}
		assert_int_equal(st, 200);
		assert_int_equal(a.n, 1);
		assert_string_equal(lb_arg(&a, "v"), cases[i].want);
		assert_int_equal(a.v[0].len, strlen(cases[i].want));
	}
	/* Each type: empty and missing. */
	for (i = 0; i < NELEM(all); i++) {
		(void)snprintf(t, sizeof(t), "/ty/%s?v=", all[i]);
		assert_int_equal(match(types, NELEM(types), "GET", t, &r, NULL,
		    &a), 400);
		assert_string_equal(a.why, "query parameter \"v\" is empty");
		(void)snprintf(t, sizeof(t), "/ty/%s", all[i]);
		assert_int_equal(match(types, NELEM(types), "GET", t, &r, NULL,
		    &a), 400);
		assert_string_equal(a.why, "missing query parameter \"v\"");
	}
	/* Longest good value, then one byte more. */
	for (i = 0; i < NELEM(lens); i++) {
		for (k = 0; k < 2; k++) {
			st = snprintf(t, sizeof(t), "/ty/%s?v=", lens[i].type);
			assert_true(st > 0 && (size_t)st + lens[i].max + 1 <
			    sizeof(t));
			memset(t + st, lens[i].c, lens[i].max + k);
			t[(size_t)st + lens[i].max + k] = '\0';
			assert_int_equal(match(types, NELEM(types), "GET", t,
			    &r, NULL, &a), k == 0 ? 200 : 400);
		}
	}
	/* Reasons never hold the value. */
	assert_int_equal(match(types, NELEM(types), "GET", "/ty/int?v=SECRET1",
	    &r, NULL, &a), 400);
	assert_string_equal(a.why,
	    "query parameter \"v\": must be an integer from -5 to 500");
	assert_int_equal(match(types, NELEM(types), "GET", "/ty/enum?v=SECRET1",
	    &r, NULL, &a), 400);
	assert_string_equal(a.why,
	    "query parameter \"v\": must be one of open, held, released");
}

static const struct lb_route *
notes_route(struct lb_args *a, const char *query)
{
	const struct lb_route	*r;
	char			 t[256];

	(void)snprintf(t, sizeof(t), SHIP "/HL-7/entries/ABC-1234567-6/notes"
	    "%s", query);
	assert_int_equal(match(api, NELEM(api), "POST", t, &r, NULL, a), 200);
	return r;
}

static int
form(const struct lb_route *r, const char *body, struct lb_args *a)
{
	return lb_args_form(r, body, strlen(body), a);
}

static void
test_form(void **state)
{
	static const struct {
		const char	*query, *body, *why;	/* why NULL: 0 */
	} cases[] = {
		{ "", "body=hello+world%21&pin=true", NULL },
		{ "", "pin=true&body=x", NULL },
		{ "", "b%6Fdy=x", NULL },
		{ "", "body=x&tag=a.b", NULL },
		{ "?tag=a", "body=x", NULL },
		{ "", "pin=true", "missing form parameter \"body\"" },
		{ "", "", "missing form parameter \"body\"" },
		{ "", "body=", "form parameter \"body\" is empty" },
		{ "", "body=x&draft=true",
		    "undeclared form parameter \"draft\"" },
		{ "", "body=x&ref=y", "undeclared form parameter \"ref\"" },
		{ "", "body=x&entry=y", "undeclared form parameter \"entry\"" },
		{ "?tag=a", "body=x&tag=b",
		    "form parameter \"tag\" given twice" },
		{ "", "body=x&body=y", "form parameter \"body\" given twice" },
		{ "", "body=a b", "form body: byte 7 must be %-encoded" },
		{ "", "body=a\r\n", "must be %-encoded" },
		{ "", "&body=x", "form body has an empty parameter" },
		{ "", "body=x&", "form body has an empty parameter" },
		{ "", "body=x&&pin=true", "empty parameter" },
		{ "", "body=%ZZ", "form parameter \"body\": bad %-escape" },
		{ "", "body=x&pin=1",
		    "form parameter \"pin\": must be true or false" },
		{ "", "body=x&tag=A",
		    "form parameter \"tag\": must be 1 to 32 characters" },
		{ "", "body=%01", "control characters" },
	};
	static char		 big[LB_FORM_MAX + 2];
	const struct lb_route	*r;
	struct lb_args		 a;
	size_t			 i;
	int			 rc;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		print_message("%s | %s\n", cases[i].query, cases[i].body);
		r = notes_route(&a, cases[i].query);
		rc = form(r, cases[i].body, &a);
		print_message("  %d %s\n", rc, a.why);
		assert_true(printable(a.why, sizeof(a.why)));
		if (cases[i].why == NULL) {
			assert_int_equal(rc, 0);
			assert_non_null(lb_arg(&a, "body"));
			continue;
		}
		assert_int_equal(rc, -1);
		assert_int_equal(a.n, 0);
		assert_non_null(strstr(a.why, cases[i].why));
	}

	r = notes_route(&a, "?draft=false");
	assert_int_equal(form(r, "body=hello+world%21&pin=true", &a), 0);
	assert_int_equal(a.n, 5);
	assert_string_equal(a.v[2].val, "false");
	assert_string_equal(a.v[3].p->name, "body");
	assert_string_equal(lb_arg(&a, "body"), "hello world!");
	assert_string_equal(lb_arg(&a, "pin"), "true");

	/* A form may be as long as LB_FORM_MAX, no longer. */
	memset(big, 'x', sizeof(big));
	memcpy(big, "body=", 5);
	r = notes_route(&a, "");
	assert_int_equal(lb_args_form(r, big, LB_FORM_MAX + 1, &a), -1);
	assert_non_null(strstr(a.why, "form body too long"));
	r = notes_route(&a, "");
	assert_int_equal(lb_args_form(r, big, LB_FORM_MAX, &a), -1);
	assert_string_equal(a.why, "parameters too long (at most 4096 bytes "
	    "in all)");
	r = notes_route(&a, "");
	assert_int_equal(lb_args_form(r, NULL, 0, &a), -1);
	assert_string_equal(a.why, "missing form parameter \"body\"");
}

static void
test_args_add(void **state)
{
	const struct lb_route	*r;
	struct lb_args		 a;

	(void)state;
	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, "body", "hi \xc3\xa9", 5, &a), 0);
	assert_int_equal(lb_args_add(r, "pin", "true", 4, &a), 0);
	assert_int_equal(lb_args_add(r, "tag", "ops", 3, &a), 0);
	assert_int_equal(lb_args_complete(r, &a), 0);
	assert_int_equal(a.n, 5);
	assert_string_equal(lb_arg(&a, "body"), "hi \xc3\xa9");
	assert_string_equal(lb_arg(&a, "ref"), "HL-7");
	/* Values are taken as given: no %-decoding, no '+'. */
	assert_int_equal(lb_args_add(r, "body", "x", 1, &a), -1);
	assert_string_equal(a.why, "body parameter \"body\" given twice");

	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, "body", "a+b%21", 6, &a), 0);
	assert_string_equal(lb_arg(&a, "body"), "a+b%21");

	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, "draft", "true", 4, &a), -1);
	assert_string_equal(a.why, "undeclared body parameter \"draft\"");
	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, "ref", "x", 1, &a), -1);
	assert_string_equal(a.why, "undeclared body parameter \"ref\"");
	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, "x\x01<\"\xff", "1", 1, &a), -1);
	assert_string_equal(a.why,
	    "undeclared body parameter \"x\\x01<\\\"\\xff\"");
	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, NULL, "1", 1, &a), -1);
	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, "body", "a\0b", 3, &a), -1);
	assert_string_equal(a.why,
	    "body parameter \"body\": control characters are not allowed");
	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, "body", "", 0, &a), -1);
	assert_string_equal(a.why, "body parameter \"body\" is empty");
	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, "body", NULL, 0, &a), -1);
	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, "body", "\xc3", 1, &a), -1);
	assert_non_null(strstr(a.why, "must be UTF-8 text"));
	r = notes_route(&a, "");
	assert_int_equal(lb_args_add(r, "pin", "false", 5, &a), 0);
	assert_int_equal(lb_args_complete(r, &a), -1);
	assert_string_equal(a.why, "missing body parameter \"body\"");
	assert_null(lb_arg(&a, "pin"));
}

/* Seventeen query parameters, and two long form ones. */
#define PQ(nm)	{ #nm, LB_P_TEXT, LB_P_QUERY, 0, 0, NULL }
static const struct lb_param p_many[] = {
	PQ(a), PQ(b), PQ(c), PQ(d), PQ(e), PQ(f), PQ(g), PQ(h), PQ(i),
	PQ(j), PQ(k), PQ(l), PQ(m), PQ(n), PQ(o), PQ(p), PQ(q),
};
#undef PQ
static const struct lb_param p_big[] = {
	{ "a", LB_P_TEXT, LB_P_FORM, 0, 4095, NULL },
	{ "b", LB_P_TEXT, LB_P_FORM, 0, 4095, NULL },
};
static const struct lb_route bounds[] = {
	{ "/many", LB_M_GET, LB_ROLE_STAFF, 1, p_many, NELEM(p_many), 0 },
	{ "/big", LB_M_POST, LB_ROLE_STAFF, 2, p_big, NELEM(p_big), 0 },
};

static void
test_overflow(void **state)
{
	static char		 t[LB_TARGET_MAX + 2], body[8192];
	const struct lb_route	*r;
	struct lb_args		 a;
	size_t			 i, o;

	(void)state;
	o = (size_t)snprintf(t, sizeof(t), "/many?");
	for (i = 0; i < 16; i++)
		o += (size_t)snprintf(t + o, sizeof(t) - o, "%s%c=%zu",
		    i > 0 ? "&" : "", (char)('a' + i), i);
	assert_int_equal(match(bounds, NELEM(bounds), "GET", t, &r, NULL, &a),
	    200);
	assert_int_equal(a.n, LB_ARGS_MAX);
	assert_string_equal(lb_arg(&a, "p"), "15");
	(void)snprintf(t + o, sizeof(t) - o, "&q=16");
	assert_int_equal(match(bounds, NELEM(bounds), "GET", t, &r, NULL, &a),
	    400);
	assert_string_equal(a.why, "too many parameters (at most 16)");

	/* 4095 bytes and a NUL fill the buffer exactly. */
	memset(body, 'x', sizeof(body));
	memcpy(body, "a=", 2);
	assert_int_equal(match(bounds, NELEM(bounds), "POST", "/big", &r, NULL,
	    &a), 200);
	assert_int_equal(lb_args_form(r, body, 2 + 4095, &a), 0);
	assert_int_equal(a.used, LB_ARGS_BYTES);
	assert_int_equal(a.v[0].len, 4095);
	assert_int_equal(match(bounds, NELEM(bounds), "POST", "/big", &r, NULL,
	    &a), 200);
	assert_int_equal(lb_args_form(r, body, 2 + 4096, &a), -1);
	assert_string_equal(a.why, "parameters too long (at most 4096 bytes "
	    "in all)");
	/* Two values that fit alone but not together. */
	memcpy(body + 2 + 2100, "&b=", 3);
	assert_int_equal(match(bounds, NELEM(bounds), "POST", "/big", &r, NULL,
	    &a), 200);
	assert_int_equal(lb_args_form(r, body, 2 + 2100 + 3 + 2100, &a), -1);
	assert_string_equal(a.why, "parameters too long (at most 4096 bytes "
	    "in all)");
	assert_int_equal(a.n, 0);
	assert_int_equal(a.used, 0);

	/* The target and its path have a longest length. */
	memset(t, 'a', sizeof(t));
	t[0] = '/';
	assert_int_equal(lb_route_match(bounds, NELEM(bounds), "GET", t,
	    LB_PATH_MAX, &r, NULL, &a), 404);
	assert_int_equal(lb_route_match(bounds, NELEM(bounds), "GET", t,
	    LB_PATH_MAX + 1, &r, NULL, &a), 400);
	assert_string_equal(a.why, "path too long (at most 1024 bytes)");
	memcpy(t, "/many?a=", 8);
	/* Taken, then refused for its value (longer than 200 bytes). */
	assert_int_equal(lb_route_match(bounds, NELEM(bounds), "GET", t,
	    LB_TARGET_MAX, &r, NULL, &a), 400);
	assert_string_equal(a.why, "query parameter \"a\": must be UTF-8 text "
	    "of 1 to 200 bytes");
	assert_int_equal(lb_route_match(bounds, NELEM(bounds), "GET", t,
	    LB_TARGET_MAX + 1, &r, NULL, &a), 400);
	assert_string_equal(a.why, "request target too long (at most 3072 "
	    "bytes)");
}

static void
test_why_printable(void **state)
{
	static const char * const targets[] = {
		SHIP "?%FF=1",
		SHIP "?%00=1",
		SHIP "?a%0Ab=1",
		SHIP "?%22%5C=1",
		SHIP "?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=1",
		SHIP "?a%=1",
		SHIP "?q=%FF%FE",
		SHIP "/a%01",
		"/ty/entry?v=%C3%A9%C3%A9%C3%A9%C3%A9%C3%A91",
		"/ty/importer?v=%C3%A9%C3%A9%C3%A9%C3%A9%C3%A91",
		"/ty/date?v=%C3%A9%C3%A9%C3%A9%C3%A9%C3%A91",
	};
	const struct lb_route	*r;
	struct lb_args		 a;
	size_t			 i;

	(void)state;
	for (i = 0; i < NELEM(targets); i++) {
		assert_int_equal(match(i < 8 ? api : types, i < 8 ? NELEM(api) :
		    NELEM(types), "GET", targets[i], &r, NULL, &a), 400);
		print_message("%s: %s\n", targets[i], a.why);
		assert_true(printable(a.why, sizeof(a.why)));
	}
	assert_int_equal(match(api, NELEM(api), "GET", SHIP "?%FF=1", &r, NULL,
	    &a), 400);
	assert_string_equal(a.why,
	    "bad query parameter name \"\\xff\" (expected a-z 0-9 _)");
	assert_int_equal(match(api, NELEM(api), "GET", SHIP "?%22%5C=1", &r,
	    NULL, &a), 400);
	assert_string_equal(a.why,
	    "bad query parameter name \"\\\"\\\\\" (expected a-z 0-9 _)");
	/* At most 40 bytes of a name the client sent. */
	assert_int_equal(match(api, NELEM(api), "GET", SHIP
	    "?aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeee=1", &r, NULL, &a),
	    400);
	assert_string_equal(a.why, "query parameter name \"aaaaaaaaaabbbbbbbbbb"
	    "ccccccccccdddddddddd...\" is too long");
}

static void
test_route_check(void **state)
{
	static const struct lb_param p_int00[] = {
		{ "n", LB_P_INT, LB_P_QUERY, 0, 0, NULL },
	};
	static const struct lb_param p_intrev[] = {
		{ "n", LB_P_INT, LB_P_QUERY, 5, 1, NULL },
	};
	static const struct lb_param p_enum0[] = {
		{ "s", LB_P_ENUM, LB_P_QUERY, 0, 0, NULL },
	};
	static const struct lb_param p_twice[] = {
		{ "s", LB_P_TEXT, LB_P_QUERY, 0, 0, NULL },
		{ "s", LB_P_TEXT, LB_P_FORM, 0, 0, NULL },
	};
	static const struct lb_param p_badname[] = {
		{ "Bad", LB_P_TEXT, LB_P_QUERY, 0, 0, NULL },
	};
	static const struct lb_param p_nowhere[] = {
		{ "s", LB_P_TEXT, LB_P_REQUIRED, 0, 0, NULL },
	};
	static const struct lb_param p_pathq[] = {
		{ "p", LB_P_KEY, LB_P_PATH | LB_P_QUERY, 0, 0, NULL },
	};
	static const struct {
		struct lb_route	 r[2];
		size_t		 n;
		const char	*why;		/* NULL: good */
	} cases[] = {
		{ { { "/", LB_M_GET, 0, 1 } }, 1, NULL },
		{ { { "/a/{p}", LB_M_GET, 0, 1, p_p, 1, 0 },
		    { "/a/{p}", LB_M_POST, 0, 2, p_p, 1, 0 } }, 2, NULL },
		{ { { "/a/{x}", LB_M_GET, 0, 1 } }, 1,
		    "route /a/{x}: {x} is not a declared path parameter" },
		{ { { "/a/{q}", LB_M_GET, 0, 1, p_p, 1, 0 } }, 1,
		    "{q} is not a declared path parameter" },
		{ { { "/a", LB_M_GET, 0, 1, p_p, 1, 0 } }, 1,
		    "route /a: path parameter p must be in the path once" },
		{ { { "/a/{p}/{p}", LB_M_GET, 0, 1, p_p, 1, 0 } }, 1,
		    "must be in the path once" },
		{ { { "/a", LB_M_GET, 0, 1, p_int00, 1, 0 } }, 1,
		    "route /a: parameter n needs min <= max" },
		{ { { "/a", LB_M_GET, 0, 1, p_intrev, 1, 0 } }, 1,
		    "needs min <= max" },
		{ { { "/a", LB_M_GET, 0, 1, p_enum0, 1, 0 } }, 1,
		    "route /a: parameter s needs words" },
		{ { { "/a", LB_M_GET, 0, 1, p_twice, 2, 0 } }, 1,
		    "route /a: parameter s declared twice" },
		{ { { "/a", LB_M_GET, 0, 1, p_badname, 1, 0 } }, 1,
		    "name must be a-z 0-9 _" },
		{ { { "/a", LB_M_GET, 0, 1, p_nowhere, 1, 0 } }, 1,
		    "comes from nowhere" },
		{ { { "/a/{p}", LB_M_GET, 0, 1, p_pathq, 1, 0 } }, 1,
		    "may come from the path only" },
		{ { { "/a", LB_M_GET, 0, 1, NULL, 1, 0 } }, 1,
		    "nparams without params" },
		{ { { "a", LB_M_GET, 0, 7 } }, 1,
		    "route 7: path must start with '/'" },
		{ { { NULL, LB_M_GET, 0, 7 } }, 1, "must start with '/'" },
		{ { { "/a/../b", LB_M_GET, 0, 1 } }, 1,
		    "route /a/../b: segment \"..\" is not plain" },
		{ { { "/a//b", LB_M_GET, 0, 1 } }, 1, "segment \"\" is not plain" },
		{ { { "/a/", LB_M_GET, 0, 1 } }, 1, "is not plain" },
		{ { { "/a%20b", LB_M_GET, 0, 1 } }, 1, "is not plain" },
		{ { { "/a/{}", LB_M_GET, 0, 1 } }, 1, "is not plain" },
		{ { { "/a/b{p}", LB_M_GET, 0, 1, p_p, 1, 0 } }, 1,
		    "is not plain" },
		{ { { "/s/{p}", LB_M_GET, 0, 1, p_p, 1, 0 },
		    { "/s/{q}", LB_M_GET | LB_M_POST, 0, 2, p_pq + 1, 1, 0 } },
		    2, "route /s/{q}: hidden by /s/{p} for the same methods" },
	};
	char	why[256];
	size_t	i;

	(void)state;
	assert_int_equal(lb_route_check(routes, NELEM(routes), why,
	    sizeof(why)), 0);
	assert_int_equal(lb_route_check(api, NELEM(api), why, sizeof(why)), 0);
	assert_int_equal(lb_route_check(types, NELEM(types), why,
	    sizeof(why)), 0);
	assert_int_equal(lb_route_check(bounds, NELEM(bounds), why,
	    sizeof(why)), 0);
	for (i = 0; i < NELEM(cases); i++) {
		why[0] = '\0';
		assert_int_equal(lb_route_check(cases[i].r, cases[i].n, why,
		    sizeof(why)), cases[i].why == NULL ? 0 : -1);
		print_message("%zu: %s\n", i, why);
		if (cases[i].why != NULL)
			assert_non_null(strstr(why, cases[i].why));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path_plain),
		cmocka_unit_test(test_route_find),
		cmocka_unit_test(test_allow),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_match_args),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_args_add),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_why_printable),
		cmocka_unit_test(test_route_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
