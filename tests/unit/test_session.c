/*
 * test_session.c: the session table and the sign-in throttle (session.c):
 * tokens are random and only their hashes kept, idle and absolute expiry
 * at their exact boundaries, sign-out, ending a user's sessions, the
 * oldest idle session giving way when the table is full, the throttle's
 * hour, and the CSRF comparison.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "session.h"

static struct lb_account
account(const char *name, enum lb_role role, const char *imp)
{
	struct lb_account	a;

	memset(&a, 0, sizeof(a));
	(void)snprintf(a.name, sizeof(a.name), "%s", name);
	a.role = role;
	(void)snprintf(a.importer, sizeof(a.importer), "%s", imp);
	return a;
}

static void
test_create_find(void **state)
{
	struct lb_sessions	*t = lb_sessions_new(8, 0, 0);
	struct lb_account	 a = account("alice", LB_STAFF, "");
	struct lb_account	 c = account("acme", LB_CLIENT, "12-3456789AB");
	struct lb_session	 s, f;
	char			 tok[LB_TOKEN_HEX], tok2[LB_TOKEN_HEX];

	(void)state;
	assert_non_null(t);
	assert_int_equal(lb_session_create(t, &a, 1000, tok, &s), 0);
	assert_int_equal(strlen(tok), 32);
	assert_int_equal(strspn(tok, "0123456789abcdef"), 32);
	assert_int_equal(strlen(s.csrf), 32);
	assert_string_not_equal(tok, s.csrf);
	assert_int_equal(lb_session_create(t, &c, 1000, tok2, &f), 0);
	assert_string_not_equal(tok, tok2);
	assert_int_equal(lb_session_find(t, tok, strlen(tok), 1001, &f), 1);
	assert_string_equal(f.user, "alice");
	assert_int_equal(f.role, LB_STAFF);
	assert_string_equal(f.csrf, s.csrf);
	assert_int_equal(lb_session_find(t, tok2, strlen(tok2), 1001, &f), 1);
	assert_string_equal(f.importer, "12-3456789AB");
	/* Not a token: wrong length, one digit off, the CSRF token. */
	assert_int_equal(lb_session_find(t, tok, 31, 1001, &f), 0);
	tok[0] = tok[0] == 'a' ? 'b' : 'a';
	assert_int_equal(lb_session_find(t, tok, strlen(tok), 1001, &f), 0);
	assert_int_equal(lb_session_find(t, s.csrf, strlen(s.csrf), 1001, &f),
	    0);
	assert_int_equal(lb_session_count(t, 1001), 2);
	lb_sessions_free(t);
}

static void
test_expiry(void **state)
{
	struct lb_sessions	*t = lb_sessions_new(8, 0, 0);
	struct lb_account	 a = account("alice", LB_STAFF, "");
	struct lb_session	 s;
	char			 tok[LB_TOKEN_HEX];
	int64_t			 now = 1000000;

	(void)state;
	/* Idle: a request at 29:59 keeps it; 30:00 after the last is out. */
	lb_session_create(t, &a, now, tok, &s);
	assert_int_equal(lb_session_find(t, tok, 32, now + LB_SESSION_IDLE - 1,
	    &s), 1);
	now += LB_SESSION_IDLE - 1;
	assert_int_equal(lb_session_find(t, tok, 32, now + LB_SESSION_IDLE,
	    &s), 0);
	/* Gone for good once expired. */
	assert_int_equal(lb_session_find(t, tok, 32, now + 1, &s), 0);
	/* Absolute: kept busy, it still ends 12 hours after it began. */
	now = 2000000;
	lb_session_create(t, &a, now, tok, &s);
	for (int64_t at = now; at < now + LB_SESSION_MAX; at += 600)
		assert_int_equal(lb_session_find(t, tok, 32, at, &s), 1);
	assert_int_equal(lb_session_find(t, tok, 32, now + LB_SESSION_MAX,
	    &s), 0);
	/* A clock going back before the start ends it too. */
	lb_session_create(t, &a, now, tok, &s);
	assert_int_equal(lb_session_find(t, tok, 32, now - 1, &s), 0);
	lb_sessions_free(t);

	/* Shorter timeouts when asked, never longer than the maxima. */
	t = lb_sessions_new(8, 2, 4);
	lb_session_create(t, &a, now, tok, &s);
	assert_int_equal(lb_session_find(t, tok, 32, now + 1, &s), 1);
	assert_int_equal(lb_session_find(t, tok, 32, now + 2, &s), 1);
	assert_int_equal(lb_session_find(t, tok, 32, now + 3, &s), 1);
	assert_int_equal(lb_session_find(t, tok, 32, now + 4, &s), 0);
	lb_session_create(t, &a, now, tok, &s);
	assert_int_equal(lb_session_find(t, tok, 32, now + 2, &s), 0);
	lb_sessions_free(t);
	t = lb_sessions_new(8, LB_SESSION_IDLE * 10, LB_SESSION_MAX * 10);
	lb_session_create(t, &a, now, tok, &s);
	assert_int_equal(lb_session_find(t, tok, 32, now + LB_SESSION_IDLE,
	    &s), 0);
	lb_sessions_free(t);
}

static void
test_end(void **state)
{
	struct lb_sessions	*t = lb_sessions_new(8, 0, 0);
	struct lb_account	 a = account("alice", LB_STAFF, "");
	struct lb_account	 b = account("bob", LB_ADMIN, "");
	struct lb_session	 s;
	char			 t1[LB_TOKEN_HEX], t2[LB_TOKEN_HEX];
	char			 t3[LB_TOKEN_HEX];

	(void)state;
	lb_session_create(t, &a, 10, t1, &s);
	lb_session_create(t, &a, 10, t2, &s);
	lb_session_create(t, &b, 10, t3, &s);
	assert_int_equal(lb_session_end(t, t1, 32), 1);
	assert_int_equal(lb_session_end(t, t1, 32), 0);
	assert_int_equal(lb_session_find(t, t1, 32, 11, &s), 0);
	assert_int_equal(lb_session_find(t, t2, 32, 11, &s), 1);
	lb_session_end_user(t, "alice");
	assert_int_equal(lb_session_find(t, t2, 32, 11, &s), 0);
	assert_int_equal(lb_session_find(t, t3, 32, 11, &s), 1);
	lb_sessions_free(t);
}

static void
test_full(void **state)
{
	struct lb_sessions	*t = lb_sessions_new(3, 0, 0);
	struct lb_account	 a = account("alice", LB_STAFF, "");
	struct lb_session	 s;
	char			 tok[4][LB_TOKEN_HEX];

	(void)state;
	lb_session_create(t, &a, 100, tok[0], &s);
	lb_session_create(t, &a, 101, tok[1], &s);
	lb_session_create(t, &a, 102, tok[2], &s);
	/* tok[0] used last: tok[1] is idle the longest and gives way. */
	assert_int_equal(lb_session_find(t, tok[0], 32, 103, &s), 1);
	lb_session_create(t, &a, 104, tok[3], &s);
	assert_int_equal(lb_session_count(t, 104), 3);
	assert_int_equal(lb_session_find(t, tok[1], 32, 105, &s), 0);
	assert_int_equal(lb_session_find(t, tok[0], 32, 105, &s), 1);
	assert_int_equal(lb_session_find(t, tok[2], 32, 105, &s), 1);
	assert_int_equal(lb_session_find(t, tok[3], 32, 105, &s), 1);
	lb_sessions_free(t);
}

static void
test_throttle(void **state)
{
	struct lb_sessions	*t = lb_sessions_new(4, 0, 0);
	int			 i;

	(void)state;
	for (i = 0; i < 3; i++) {
		assert_int_equal(lb_throttle_ok(t, "alice", 1000 + i, 3), 1);
		lb_throttle_fail(t, "alice", 1000 + i);
	}
	assert_int_equal(lb_throttle_ok(t, "alice", 1003, 3), 0);
	assert_int_equal(lb_throttle_ok(t, "alice", 1000 + 3599, 3), 0);
	/* Other names are not affected; the hour starts at the first. */
	assert_int_equal(lb_throttle_ok(t, "bob", 1003, 3), 1);
	assert_int_equal(lb_throttle_ok(t, "alice", 1000 + 3600, 3), 1);
	/* A refund takes one failure back, never below none. */
	lb_throttle_fail(t, "carol", 2000);
	lb_throttle_fail(t, "carol", 2000);
	lb_throttle_fail(t, "carol", 2000);
	assert_int_equal(lb_throttle_ok(t, "carol", 2001, 3), 0);
	lb_throttle_refund(t, "carol", 2001);
	assert_int_equal(lb_throttle_ok(t, "carol", 2001, 3), 1);
	lb_throttle_refund(t, "carol", 2001);
	lb_throttle_refund(t, "carol", 2001);
	lb_throttle_refund(t, "carol", 2001);
	lb_throttle_fail(t, "carol", 2002);
	lb_throttle_fail(t, "carol", 2002);
	assert_int_equal(lb_throttle_ok(t, "carol", 2002, 3), 1);
	lb_throttle_fail(t, "carol", 2002);
	assert_int_equal(lb_throttle_ok(t, "carol", 2002, 3), 0);
	lb_sessions_free(t);
	t = lb_sessions_new(4, 0, 0);
	/* A full table of live strikes refuses names it cannot count. */
	lb_throttle_fail(t, "a1", 5000);
	lb_throttle_fail(t, "a2", 5000);
	lb_throttle_fail(t, "a3", 5000);
	lb_throttle_fail(t, "a4", 5000);
	assert_int_equal(lb_throttle_ok(t, "a5", 5001, 3), 0);
	assert_int_equal(lb_throttle_ok(t, "a1", 5001, 3), 1);
	assert_int_equal(lb_throttle_ok(t, "a5", 5000 + 3600, 3), 1);
	lb_sessions_free(t);
}

static void
test_csrf(void **state)
{
	const char	*tok = "0123456789abcdef0123456789abcdef";

	(void)state;
	assert_int_equal(lb_csrf_equal(tok, tok, 32), 1);
	assert_int_equal(lb_csrf_equal(tok, "0123456789abcdef0123456789abcdee",
	    32), 0);
	assert_int_equal(lb_csrf_equal(tok, tok, 31), 0);
	assert_int_equal(lb_csrf_equal(tok, "", 0), 0);
	assert_int_equal(lb_csrf_equal("", "", 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_find),
		cmocka_unit_test(test_expiry),
		cmocka_unit_test(test_end),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_throttle),
		cmocka_unit_test(test_csrf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
