/*
 * fuzz_route.c: libFuzzer target for the HTTP request edge (route.c).
 *
 * The input is "METHOD TARGET", then optionally a blank line ("\n\n") and
 * a body.  The method is split off at the first space (no space, or a
 * longer first word: all of the head is the target, method GET).  The
 * target goes to lb_route_match against a small table shaped like the
 * server's, with path, query and form parameters of every type; on 200 the
 * body goes to lb_args_form, or, for a route flagged LB_R_JSON, line by
 * line ("name=value", taken as decoded) to lb_args_add then
 * lb_args_complete.
 *
 * Checks what route.h promises: the statuses; r only on 200; 400 for an
 * escaped control byte anywhere in the target; on 200 the
 * method allowed, every path parameter of the pattern and every required
 * path or query parameter present, no parameter twice, each value inside
 * args->buf, NUL-terminated at its length, free of NUL and control bytes,
 * and valid again by an independent check of its type; on failure no
 * values and a reason that is NUL-terminated printable ASCII.  The old
 * lb_path_plain and lb_route_find promises are checked too.  Target and
 * body are copied to buffers of their exact size so that a read past the
 * end is caught.  Linked with replay.c, it replays the corpus in the
 * normal test run.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cbp.h"
#include "date.h"
#include "route.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(x)	do { if (!(x)) abort(); } while (0)
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char * const statuses[] = { "open", "held", "released", NULL };
static const char * const formats[] = { "csv", "xlsx", NULL };
static const char * const roles[] = { "admin", "staff", "client", NULL };

static const struct lb_param p_session[] = {
	{ "user", LB_P_NAME, LB_P_FORM | LB_P_REQUIRED, 0, 0, NULL },
	{ "password", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 128, NULL },
};
static const struct lb_param p_list[] = {
	{ "limit", LB_P_INT, LB_P_QUERY, 1, 500, NULL },
	{ "status", LB_P_ENUM, LB_P_QUERY, 0, 0, statuses },
	{ "after", LB_P_CURSOR, LB_P_QUERY, 0, 0, NULL },
	{ "q", LB_P_TEXT, LB_P_QUERY, 0, 40, NULL },
	{ "since", LB_P_DATE, LB_P_QUERY, 0, 0, NULL },
	{ "open", LB_P_BOOL, LB_P_QUERY, 0, 0, NULL },
};
static const struct lb_param p_ref[] = {
	{ "ref", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
};
static const struct lb_param p_export[] = {
	{ "format", LB_P_ENUM, LB_P_QUERY | LB_P_REQUIRED, 0, 0, formats },
};
static const struct lb_param p_note[] = {
	{ "ref", LB_P_KEY, LB_P_PATH, 0, 0, NULL },
	{ "entry", LB_P_ENTRY, LB_P_PATH, 0, 0, NULL },
	{ "body", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 0, NULL },
	{ "pin", LB_P_BOOL, LB_P_FORM, 0, 0, NULL },
	{ "tag", LB_P_NAME, LB_P_QUERY | LB_P_FORM, 0, 0, NULL },
};
static const struct lb_param p_importer[] = {
	{ "imp", LB_P_IMPORTER, LB_P_PATH, 0, 0, NULL },
	{ "n", LB_P_INT, LB_P_QUERY, INT64_MIN, INT64_MAX, NULL },
	{ "page", LB_P_CURSOR, LB_P_QUERY, 0, 8, NULL },
};
static const struct lb_param p_user[] = {
	{ "user", LB_P_NAME, LB_P_PATH, 0, 0, NULL },
	{ "role", LB_P_ENUM, LB_P_FORM | LB_P_REQUIRED, 0, 0, roles },
	{ "note", LB_P_TEXT, LB_P_FORM, 0, 0, NULL },
	{ "until", LB_P_DATE, LB_P_QUERY | LB_P_FORM, 0, 0, NULL },
	{ "level", LB_P_INT, LB_P_FORM, -3, 3, NULL },
};
static const struct lb_param p_p[] = {
	{ "p", LB_P_KEY, LB_P_PATH, 0, 0, NULL },
};
static const struct lb_param p_pq[] = {
	{ "p", LB_P_KEY, LB_P_PATH, 0, 0, NULL },
	{ "q", LB_P_TEXT, LB_P_PATH, 0, 0, NULL },
};

#define SHIP	"/api/v1/shipments"

static const struct lb_route routes[] = {
	{ "/livez", LB_M_GET | LB_M_HEAD, LB_ROLE_PUBLIC, 1 },
	{ "/readyz", LB_M_GET | LB_M_HEAD, LB_ROLE_PUBLIC, 2 },
	{ "/api/v1/session", LB_M_POST | LB_M_DELETE, LB_ROLE_PUBLIC, 3,
	    p_session, NELEM(p_session), LB_R_FORM | LB_R_NOCSRF },
	{ SHIP, LB_M_GET, LB_ROLE_STAFF, 4, p_list, NELEM(p_list), 0 },
	{ SHIP "/{ref}", LB_M_GET | LB_M_HEAD, LB_ROLE_STAFF, 5, p_ref, 1,
	    0 },
	{ SHIP "/{ref}", LB_M_DELETE, LB_ROLE_ADMIN, 6, p_ref, 1, 0 },
	{ SHIP "/export", LB_M_GET, LB_ROLE_STAFF, 7, p_export, 1, 0 },
	{ SHIP "/{ref}/entries/{entry}/notes", LB_M_POST, LB_ROLE_STAFF, 8,
	    p_note, NELEM(p_note), LB_R_FORM },
	{ "/api/v1/importers/{imp}", LB_M_GET, LB_ROLE_STAFF, 9, p_importer,
	    NELEM(p_importer), 0 },
	{ "/api/v1/users/{user}", LB_M_PUT | LB_M_PATCH, LB_ROLE_ADMIN, 10,
	    p_user, NELEM(p_user), LB_R_JSON },
	{ "/x/{p}/{q}", LB_M_GET, LB_ROLE_STAFF, 11, p_pq, 2, 0 },
	{ "/{p}/y/z", LB_M_GET, LB_ROLE_STAFF, 12, p_p, 1, 0 },
	{ "/k/{p}/m", LB_M_GET, LB_ROLE_STAFF, 14, p_p, 1, 0 },
	{ "/{p}/l/m", LB_M_GET, LB_ROLE_STAFF, 15, p_p, 1, 0 },
	{ "/", LB_M_GET, LB_ROLE_STAFF, 13 },
};
#define NROUTES	NELEM(routes)

static int
in(const char *set, char c)
{
	return c != '\0' && strchr(set, c) != NULL;
}

#define ALNUM	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/* Every byte of (s, n) in set, 1..max of them. */
static int
all_in(const char *s, size_t n, size_t max, const char *set)
{
	size_t	i;

	if (n == 0 || n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (!in(set, s[i]))
			return 0;
	return 1;
}

/* An independent check of a stored (canonical) value. */
static int
valid(const struct lb_param *p, const char *s, size_t n)
{
	char		 out[32], back[LB_DATE_STRLEN], *end;
	int64_t		 days;
	long long	 v;
	size_t		 i;

	switch (p->type) {
	case LB_P_TEXT:
		return n >= 1 && n <= (p->max > 0 ? (size_t)p->max : 200) &&
		    lb_utf8_validate(s, n, NULL) == 0;
	case LB_P_KEY:
		return all_in(s, n, 35, ALNUM "._/-");
	case LB_P_NAME:
		return all_in(s, n, 32, "abcdefghijklmnopqrstuvwxyz0123456789"
		    "._-") && in(ALNUM, s[0]);
	case LB_P_INT:
		if (n == 0 || s[0] == '+' || in(" \t\n\v\f\r", s[0]))
			return 0;
		if ((s[0] == '0' && n > 1) || (s[0] == '-' && (n == 1 ||
		    s[1] == '0')))
			return 0;
		errno = 0;
		v = strtoll(s, &end, 10);
		return end == s + n && errno == 0 && v >= p->min &&
		    v <= p->max;
	case LB_P_ENUM:
		for (i = 0; p->words[i] != NULL; i++)
			if (strcmp(p->words[i], s) == 0)
				return 1;
		return 0;
	case LB_P_DATE:
		if (n != 10 || lb_date_parse(s, n, &days, NULL, 0) == -1)
			return 0;
		lb_date_format(days, back);
		return strcmp(back, s) == 0;
	case LB_P_ENTRY:
		return n == 13 && lb_entry_parse(s, n, out, NULL, 0) == 0 &&
		    strcmp(out, s) == 0;
	case LB_P_IMPORTER:
		return lb_importer_parse(s, n, out, NULL, NULL, 0) == 0 &&
		    strcmp(out, s) == 0;
	case LB_P_CURSOR:
		return all_in(s, n, p->max > 0 ? (size_t)p->max : 64,
		    ALNUM "_-");
	case LB_P_BOOL:
		return strcmp(s, "true") == 0 || strcmp(s, "false") == 0;
	}
	return 0;
}

/* memmem, which glibc hides without _GNU_SOURCE. */
static const char *
find(const char *s, size_t n, const char *w)
{
	size_t	i, k = strlen(w);

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return s + i;
	return NULL;
}

static int
hexv(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* Does (s, n) hold "%XX" for a NUL or control byte? */
static int
escaped_control(const char *s, size_t n)
{
	size_t	i;
	int	v;

	for (i = 0; i + 2 < n; i++) {
		if (s[i] != '%' || hexv(s[i + 1]) < 0 || hexv(s[i + 2]) < 0)
			continue;
		v = hexv(s[i + 1]) << 4 | hexv(s[i + 2]);
		if (v < 0x20 || v == 0x7f)
			return 1;
	}
	return 0;
}

static void
check_why(const struct lb_args *a)
{
	size_t	i;

	for (i = 0; i < sizeof(a->why) && a->why[i] != '\0'; i++)
		CHECK(a->why[i] >= 0x20 && a->why[i] < 0x7f);
	CHECK(i < sizeof(a->why));
	CHECK(i > 0);
}

/* The values held are sound; every required parameter with one of the
 * flags in want and none in skip is there. */
static void
check_args(const struct lb_route *r, const struct lb_args *a, unsigned want,
    unsigned skip)
{
	const struct lb_param	*p;
	size_t			 i, j, used = 0;
	int			 seen;

	CHECK(a->n <= LB_ARGS_MAX && a->used <= LB_ARGS_BYTES);
	for (i = 0; i < a->n; i++) {
		p = a->v[i].p;
		CHECK(r->params != NULL && p >= r->params &&
		    p < r->params + r->nparams);
		CHECK(a->v[i].val >= a->buf &&
		    a->v[i].val + a->v[i].len < a->buf + a->used);
		CHECK(a->v[i].val[a->v[i].len] == '\0');
		CHECK(strlen(a->v[i].val) == a->v[i].len);
		for (j = 0; j < a->v[i].len; j++)
			CHECK((unsigned char)a->v[i].val[j] >= 0x20 &&
			    a->v[i].val[j] != 0x7f);
		CHECK(valid(p, a->v[i].val, a->v[i].len));
		for (j = 0; j < i; j++)
			CHECK(a->v[j].p != p);
		CHECK(lb_arg(a, p->name) == a->v[i].val);
		used += a->v[i].len + 1;
	}
	CHECK(used == a->used);
	for (i = 0; r->params != NULL && i < r->nparams; i++) {
		p = &r->params[i];
		if ((p->flags & LB_P_REQUIRED) == 0 ||
		    (p->flags & want) == 0 || (p->flags & skip) != 0)
			continue;
		for (seen = 0, j = 0; j < a->n; j++)
			seen |= a->v[j].p == p;
		CHECK(seen);
	}
}

/* Lines "name=value" of the body to lb_args_add, then complete. */
static void
json_like(const struct lb_route *r, const char *b, size_t n,
    struct lb_args *a)
{
	const char	*nl, *eq, *end = b + n;
	char		 name[64];
	size_t		 k;
	int		 rc = 0;

	while (b < end && rc == 0) {
		if ((nl = memchr(b, '\n', (size_t)(end - b))) == NULL)
			nl = end;
		if ((eq = memchr(b, '=', (size_t)(nl - b))) == NULL)
			eq = nl;
		k = (size_t)(eq - b) < sizeof(name) - 1 ? (size_t)(eq - b) :
		    sizeof(name) - 1;
		memcpy(name, b, k);
		name[k] = '\0';
		rc = lb_args_add(r, name, eq < nl ? eq + 1 : eq,
		    eq < nl ? (size_t)(nl - eq - 1) : 0, a);
		b = nl < end ? nl + 1 : end;
	}
	if (rc == 0)
		rc = lb_args_complete(r, a);
	if (rc == 0)
		check_args(r, a, LB_P_PATH | LB_P_QUERY | LB_P_FORM, 0);
	else {
		CHECK(rc == -1 && a->n == 0);
		check_why(a);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int		 checked;
	static struct lb_args	 a;
	const struct lb_route	*r, *r2;
	const char		*sp, *p, *bl, *rp, *e;
	char			 method[16] = "GET", allow[64], why[256];
	char			*target, *body = NULL;
	size_t			 tlen, blen = 0, i, m;
	unsigned		 al, al2;
	int			 st, st2, plain, rc;

	if (!checked) {
		CHECK(lb_route_check(routes, NROUTES, why, sizeof(why)) == 0);
		checked = 1;
	}
	if (size > LB_TARGET_MAX + LB_FORM_MAX + 64)
		return 0;
	p = (const char *)data;
	tlen = size;
	if ((bl = find(p, size, "\n\n")) != NULL) {
		tlen = (size_t)(bl - p);
		blen = size - tlen - 2;
	}
	sp = memchr(p, ' ', tlen);
	if (sp != NULL && (size_t)(sp - p) < sizeof(method)) {
		m = (size_t)(sp - p);
		memcpy(method, p, m);
		method[m] = '\0';
		p = sp + 1;
		tlen -= m + 1;
	}
	/* Exact sizes, no NUL after: reads past the end are caught. */
	if ((target = malloc(tlen > 0 ? tlen : 1)) == NULL)
		return 0;
	memcpy(target, p, tlen);
	if (bl != NULL && (body = malloc(blen > 0 ? blen : 1)) == NULL) {
		free(target);
		return 0;
	}
	if (bl != NULL)
		memcpy(body, bl + 2, blen);

	/* The old promises of lb_path_plain and lb_route_find. */
	plain = lb_path_plain(target, tlen);
	if (plain) {
		CHECK(tlen >= 1 && tlen <= LB_PATH_MAX && target[0] == '/');
		CHECK(find(target, tlen, "//") == NULL);
		CHECK(memchr(target, '%', tlen) == NULL);
		CHECK(memchr(target, '?', tlen) == NULL);
		CHECK(memchr(target, '\\', tlen) == NULL);
		for (i = 0; i < tlen; i++)
			CHECK(target[i] > ' ' && target[i] < 0x7f);
		CHECK(find(target, tlen, "/../") == NULL &&
		    find(target, tlen, "/./") == NULL);
	}
	st2 = lb_route_find(routes, NROUTES, method, target, tlen, &r2, &al2);
	CHECK(st2 == 200 || st2 == 400 || st2 == 404 || st2 == 405);
	if (!plain)
		CHECK(st2 == 400);

	memset(&a, 0x5a, sizeof(a));
	al = 99;
	st = lb_route_match(routes, NROUTES, method, target, tlen, &r, &al,
	    &a);
	CHECK(st == 200 || st == 400 || st == 404 || st == 405);
	CHECK((st == 405) == (al != 0));
	if (escaped_control(target, tlen))
		CHECK(st == 400);
	if (plain)
		/* A plain path has no query: both agree. */
		CHECK(st == st2 && r == r2 && al == al2);
	if (st == 405) {
		lb_http_allow(al, allow, sizeof(allow));
		CHECK(allow[0] != '\0' || (al & 0x3f) == 0);
		CHECK((al & lb_http_method(method)) == 0);
	}
	if (st != 200) {
		CHECK(r == NULL && a.n == 0);
		check_why(&a);
		goto out;
	}
	CHECK(r != NULL && r >= routes && r < routes + NROUTES);
	CHECK((r->methods & lb_http_method(method)) != 0);
	CHECK(a.why[0] == '\0');
	check_args(r, &a, LB_P_PATH | LB_P_QUERY, LB_P_FORM);
	/* Every "{name}" of the pattern has its value. */
	for (rp = r->path; *rp != '\0'; rp = e) {
		rp++;
		if ((e = strchr(rp, '/')) == NULL)
			e = rp + strlen(rp);
		if (e - rp >= 3 && rp[0] == '{') {
			CHECK((size_t)(e - rp - 2) < sizeof(why));
			memcpy(why, rp + 1, (size_t)(e - rp - 2));
			why[e - rp - 2] = '\0';
			CHECK(lb_arg(&a, why) != NULL);
		}
	}
	if (body == NULL)
		goto out;
	if ((r->flags & LB_R_JSON) != 0) {
		json_like(r, body, blen, &a);
		goto out;
	}
	rc = lb_args_form(r, body, blen, &a);
	if (rc == 0)
		check_args(r, &a, LB_P_PATH | LB_P_QUERY | LB_P_FORM, 0);
	else {
		CHECK(rc == -1 && a.n == 0);
		check_why(&a);
	}
out:
	free(body);
	free(target);
	return 0;
}
