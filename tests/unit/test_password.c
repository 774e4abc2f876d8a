/*
 * test_password.c: the password module (src/lib/password.c): the policy at
 * each of its edges (a table: lengths counted in code points, bytes, UTF-8,
 * control characters, repeats, the user name), the breached list (a small
 * list written to a temporary directory, and the real one when john-data
 * is installed), and argon2id hashing: round trip, wrong and malformed
 * hashes, rehash detection and the dummy hash.  Hashing costs about 0.1 s
 * a call, so only a handful are made.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "password.h"

#define L(s)		s, sizeof(s) - 1
#define OURS		"$argon2id$v=19$m=65536,t=2,p=1$"

/*
 * A password is either a literal (cycle NULL) or made of the code points
 * of cycle, repeated until it has chars of them.
 */
struct check_case {
	const char	*name;
	const char	*lit;
	size_t		 litlen;
	const char	*cycle;
	size_t		 chars;
	const char	*user;
	const char	*want;	/* NULL: accepted; else part of the message */
};

static const struct check_case check_cases[] = {
	/* Length in code points, not bytes. */
	{ "15 two-byte chars (30 bytes)", NULL, 0, "\xc3\xa9\xc3\xa8", 15,
	    NULL, NULL },
	{ "14 two-byte chars (28 bytes)", NULL, 0, "\xc3\xa9\xc3\xa8", 14,
	    NULL, "too short: 14 characters, at least 15" },
	{ "15 ascii", NULL, 0, "ab", 15, NULL, NULL },
	{ "14 ascii", NULL, 0, "ab", 14, NULL, "too short" },
	{ "15 four-byte chars", NULL, 0, "\xf0\x9f\x98\x80\xf0\x9d\x84\x9e",
	    15, NULL, NULL },
	{ "14 three-byte chars", NULL, 0, "\xe2\x82\xac\xe2\x84\xa2", 14,
	    NULL, "too short" },
	{ "empty", L(""), NULL, 0, NULL, "too short: 0 characters" },
	{ "64 chars", NULL, 0, "abc", 64, NULL, NULL },
	{ "256 chars", NULL, 0, "abc", 256, NULL, NULL },
	{ "257 chars", NULL, 0, "abc", 257, NULL,
	    "too long: 257 characters, at most 256" },
	{ "256 four-byte chars (1024 bytes)", NULL, 0,
	    "\xf0\x9f\x98\x80\xf0\x9d\x84\x9e", 256, NULL, NULL },
	{ "257 four-byte chars (1028 bytes)", NULL, 0,
	    "\xf0\x9f\x98\x80\xf0\x9d\x84\x9e", 257, NULL,
	    "more than 1024 bytes" },
	{ "1025 bytes", NULL, 0, "ab", 1025, NULL, "more than 1024 bytes" },
	/* Any printable character, spaces included. */
	{ "spaces", L("correct horse battery staple"), NULL, 0, NULL, NULL },
	{ "leading and trailing spaces", L("  correct horse battery  "), NULL,
	    0, NULL, NULL },
	{ "no-break space U+00A0", L("correct\xc2\xa0horse battery"), NULL, 0,
	    NULL, NULL },
	{ "U+00A1 after the C1 range", L("correct horse battery\xc2\xa1"),
	    NULL, 0, NULL, NULL },
	{ "tab", L("correct\thorse battery"), NULL, 0, NULL,
	    "control character" },
	{ "newline", L("correct horse battery\n"), NULL, 0, NULL,
	    "control character" },
	{ "carriage return", L("correct horse\rbattery"), NULL, 0, NULL,
	    "control character" },
	{ "NUL", L("correct horse\0battery staple"), NULL, 0, NULL,
	    "control character" },
	{ "U+001F", L("correct horse\x1f""battery"), NULL, 0, NULL,
	    "control character" },
	{ "DEL U+007F", L("correct horse\x7f battery"), NULL, 0, NULL,
	    "control character" },
	{ "NEL U+0085", L("correct horse\xc2\x85""battery"), NULL, 0, NULL,
	    "control character" },
	{ "U+009F", L("correct horse\xc2\x9f""battery"), NULL, 0, NULL,
	    "control character" },
	/* Strict UTF-8. */
	{ "byte 0xff", L("correct horse \xff battery"), NULL, 0, NULL,
	    "not valid UTF-8" },
	{ "overlong slash", L("correct horse \xc0\xaf battery"), NULL, 0,
	    NULL, "not valid UTF-8" },
	{ "surrogate", L("correct horse \xed\xa0\x80 battery"), NULL, 0,
	    NULL, "not valid UTF-8" },
	{ "lone continuation", L("correct horse \x80 battery"), NULL, 0,
	    NULL, "not valid UTF-8" },
	{ "truncated at the end", L("correct horse battery \xe2\x82"), NULL,
	    0, NULL, "not valid UTF-8" },
	{ "latin-1", L("caf\xe9 au lait, s'il vous pla\xeet"), NULL, 0, NULL,
	    "not valid UTF-8" },
	/* One character repeated. */
	{ "16 times a", NULL, 0, "a", 16, NULL, "one character repeated" },
	{ "a and A", NULL, 0, "aA", 16, NULL, "one character repeated" },
	{ "15 times e-acute", NULL, 0, "\xc3\xa9", 15, NULL,
	    "one character repeated" },
	{ "256 spaces", NULL, 0, " ", 256, NULL, "one character repeated" },
	{ "a then b", L("aaaaaaaaaaaaaaab"), NULL, 0, NULL, NULL },
	/* The user name. */
	{ "contains the user", L("harborline-dana-2026"), NULL, 0, "dana",
	    "contains the user name" },
	{ "contains the user, other case", L("Harborline-DANA-2026"), NULL,
	    0, "Dana", "contains the user name" },
	{ "user at the end", L("harborline-2026-dana"), NULL, 0, "dana",
	    "contains the user name" },
	{ "user at the start", L("dana-harborline-2026"), NULL, 0, "dana",
	    "contains the user name" },
	{ "user of 4 two-byte chars", L("harborline-\xc3\xa9\xc3\xa8\xc3\xa9"
	    "\xc3\xa8-2026"), NULL, 0, "\xc3\xa9\xc3\xa8\xc3\xa9\xc3\xa8",
	    "contains the user name" },
	{ "user of 3 chars may be inside", L("harborline-dan-2026"), NULL, 0,
	    "dan", NULL },
	{ "equals a long user", L("averylongusername1"), NULL, 0,
	    "AVERYLONGUSERNAME1", "is the user name" },
	{ "user longer than the password", L("harborline-2026"), NULL, 0,
	    "harborline-2026-x", NULL },
	{ "no user", L("harborline-dana-2026"), NULL, 0, NULL, NULL },
	{ "empty user", L("harborline-dana-2026"), NULL, 0, "", NULL },
};

/* Build the password of c into buf; returns its length in bytes. */
static size_t
build(const struct check_case *c, char *buf, size_t size)
{
	const unsigned char	*cy;
	size_t			 len = 0, i = 0, k, clen, chars;

	if (c->cycle == NULL) {
		assert_true(c->litlen <= size);
		memcpy(buf, c->lit, c->litlen);
		return c->litlen;
	}
	cy = (const unsigned char *)c->cycle;
	clen = strlen(c->cycle);
	for (chars = 0; chars < c->chars; chars++) {
		/* One code point: its lead byte and continuation bytes. */
		k = i;
		do
			k++;
		while (k < clen && (cy[k] & 0xc0) == 0x80);
		assert_true(len + (k - i) <= size);
		memcpy(buf + len, cy + i, k - i);
		len += k - i;
		i = k == clen ? 0 : k;
	}
	return len;
}

/* Whether the string s holds the n > 0 bytes at p. */
static int
holds(const char *s, const char *p, size_t n)
{
	size_t	 len = strlen(s), i;

	for (i = 0; n > 0 && i + n <= len; i++)
		if (memcmp(s + i, p, n) == 0)
			return 1;
	return 0;
}

static void
test_check_table(void **state)
{
	const struct check_case	*c;
	struct lb_err		 e;
	char			 pw[2048];
	size_t			 i, n;
	int			 r;

	for (i = 0; i < sizeof(check_cases) / sizeof(check_cases[0]); i++) {
		c = &check_cases[i];
		n = build(c, pw, sizeof(pw));
		memset(&e, 0, sizeof(e));
		r = lb_password_check(pw, n, c->user, NULL, &e);
		if (c->want == NULL) {
			if (r != 0)
				fail_msg("%s: refused: %s", c->name, e.msg);
			continue;
		}
		if (r != -1)
			fail_msg("%s: accepted", c->name);
		if (strstr(e.msg, c->want) == NULL)
			fail_msg("%s: \"%s\" lacks \"%s\"", c->name, e.msg,
			    c->want);
		if (strncmp(e.msg, "password ", 9) != 0)
			fail_msg("%s: \"%s\"", c->name, e.msg);
		/* The message never holds the password. */
		if (holds(e.msg, pw, n))
			fail_msg("%s: password in \"%s\"", c->name, e.msg);
	}
}

static void
test_check_null_err(void **state)
{
	/* A NULL error is allowed, as everywhere in the library. */
	assert_int_equal(lb_password_check(L("short"), NULL, NULL, NULL), -1);
	assert_int_equal(lb_password_check(NULL, 0, NULL, NULL, NULL), -1);
}

/* A temporary directory with a list file in it, for the list tests. */
struct tmp {
	char	dir[64];
	char	path[128];
};

static void
tmp_make(struct tmp *t, const char *name, const char *data, size_t n)
{
	FILE	*fp;

	if (t->dir[0] == '\0') {
		(void)snprintf(t->dir, sizeof(t->dir), "/tmp/lb_pw_XXXXXX");
		assert_non_null(mkdtemp(t->dir));
	}
	(void)snprintf(t->path, sizeof(t->path), "%s/%s", t->dir, name);
	if (data == NULL)
		return;
	assert_non_null(fp = fopen(t->path, "wb"));
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static void
tmp_remove(struct tmp *t, const char *name)
{
	(void)snprintf(t->path, sizeof(t->path), "%s/%s", t->dir, name);
	(void)unlink(t->path);
}

static const char list[] =
    "#!comment: a small list for the tests\n"
    "#!comment:\n"
    "123456\n"
    "PasswordPassword\r\n"
    "\n"
    "\r\n"
    "qwertyuiopasdfgh\n"
    "correct horse battery staple\n"
    "123456\n"
    "nul\0inside-an-entry\n"
    "#not a comment\n"
    "\xc3\x89t\xc3\xa9 \xc3\xa0 Paris 2024\n"
    "last-line-without-newline";

struct has_case {
	const char	*pw;
	size_t		 n;
	int		 want;
};

static const struct has_case has_cases[] = {
	{ L("passwordpassword"), 1 },
	{ L("PASSWORDPASSWORD"), 1 },
	{ L("PasswordPassword"), 1 },
	{ L("passwordpassword\r"), 0 },
	{ L("passwordpasswor"), 0 },
	{ L("passwordpasswordx"), 0 },
	{ L("123456"), 1 },
	{ L("12345"), 0 },
	{ L("1234567"), 0 },
	{ L("Correct Horse Battery Staple"), 1 },
	{ L("last-line-without-newline"), 1 },
	{ L("LAST-LINE-WITHOUT-NEWLINE"), 1 },
	{ L("#not a comment"), 1 },
	{ L("#!comment: a small list for the tests"), 0 },
	{ L("#!comment:"), 0 },
	{ L(""), 0 },
	{ L("nul"), 0 },
	{ L("nul\0inside-an-entry"), 0 },
	{ L("inside-an-entry"), 0 },
	/* Only ASCII letters fold: "ÉTÉ" in capitals is another entry. */
	{ L("\xc3\xa9t\xc3\xa9 \xc3\xa0 paris 2024"), 0 },
	{ L("\xc3\x89t\xc3\xa9 \xc3\xa0 paris 2024"), 1 },
	{ L("\xc3\x89T\xc3\x89 \xc3\xa0 PARIS 2024"), 0 },
};

static void
test_breached_small(void **state)
{
	struct tmp		 t = { "", "" };
	struct lb_breached	*bl = NULL;
	struct lb_err		 e;
	size_t			 i;

	tmp_make(&t, "list", list, sizeof(list) - 1);
	if (lb_breached_load(t.path, &bl, &e) == -1)
		fail_msg("%s", e.msg);
	assert_non_null(bl);
	for (i = 0; i < sizeof(has_cases) / sizeof(has_cases[0]); i++)
		if (lb_breached_has(bl, has_cases[i].pw, has_cases[i].n) !=
		    has_cases[i].want)
			fail_msg("has \"%s\": not %d", has_cases[i].pw,
			    has_cases[i].want);

	/* The policy consults it, without case. */
	assert_int_equal(lb_password_check(L("PasswordPassword"), NULL, bl,
	    &e), -1);
	assert_non_null(strstr(e.msg, "list of common or breached"));
	assert_false(holds(e.msg, L("PasswordPassword")));
	assert_int_equal(lb_password_check(L("qwertyuiopASDFGH"), NULL, bl,
	    &e), -1);
	assert_int_equal(lb_password_check(L("qwertyuiopasdfgj"), NULL, bl,
	    &e), 0);
	assert_int_equal(lb_password_check(L("passwordpasswordx"), NULL, bl,
	    &e), 0);
	lb_breached_free(bl);
	lb_breached_free(NULL);
	assert_int_equal(lb_breached_has(NULL, L("passwordpassword")), 0);
	tmp_remove(&t, "list");
	assert_int_equal(rmdir(t.dir), 0);
}

/*
 * Common passwords dressed up, against a small list where every word is
 * known, and against the real list: the rules of lb_breached_has().
 */
static const char close_list[] =
    "password\nmonkey\niloveyou\nqwerty\ndragon\nmaster\nletmein\n"
    "correct\nhorse\nbattery\nstaple\n123456\n1234567890\n12345\n"
    "e-mail\nab\na\n";

#define ANY	(-1)	/* not checked against the real list */

struct close_case {
	const char	*pw;
	size_t		 n;
	int		 small;	/* lb_breached_has() with close_list */
	int		 real;	/* with LB_PW_BREACHED_DEFAULT, or ANY */
};

static const struct close_case close_cases[] = {
	/* 1 and 2: the entry, then the entry stripped. */
	{ L("password"), 1, 1 },
	{ L("Password1234567!"), 1, 1 },
	{ L("password123456789!"), 1, 1 },
	{ L("!!2024 PASSWORD 2024!!"), 1, 1 },
	{ L("passwordx123456789"), 0, 0 },
	{ L("pass word 123456789"), 0, 1 },
	/* A remainder under 3 bytes is not looked up. */
	{ L("12345678901234a"), 0, ANY },
	{ L("!!!!!!!!!!!!!!ab"), 0, ANY },
	/* 3: one piece repeated, however often. */
	{ L("passwordpassword"), 1, 1 },
	{ L("monkeymonkeymonkey"), 1, 1 },
	{ L("iloveyouiloveyou"), 1, 1 },
	{ L("qwertyqwertyqwerty"), 1, 1 },
	{ L("MONKEY-monkey-Monkey"), 1, 1 },
	{ L("letmein letmein letmein letmein"), 1, 1 },
	{ L("monkeymonkeymonkeymonkeymonkey"), 1, 1 },
	{ L("e-mail e-mail e-mail"), 1, 1 },
	{ L("monkey monkey monkeys"), 0, ANY },
	/* 4: up to 4 pieces with nothing between them. */
	{ L("qwertyqwerty12345"), 1, 1 },
	{ L("dragonmaster123456"), 1, 1 },
	{ L("DragonMaster123456!"), 1, 1 },
	{ L("dragon123456master"), 1, 1 },
	{ L("correcthorsebatterystaple"), 1, ANY },
	{ L("123456789012345"), 1, 1 },
	{ L("1234567890123456!"), 1, 1 },
	{ L("123456123456123456"), 1, 1 },
	{ L("correcthorsebatterystapledragon"), 0, ANY },
	{ L("dragonxmaster123456"), 0, 0 },
	/* Up to 3 with separators between some of them. */
	{ L("letmein letmein letmein"), 1, 1 },
	{ L("letmein--__..dragon"), 1, 1 },
	{ L("correct horse battery"), 1, ANY },
	{ L("monkey dragonmaster!"), 1, 1 },
	{ L("monkey-dragon master letmein"), 0, 0 },
	/* Four words or more with spaces are passphrases. */
	{ L("correct horse battery staple"), 0, 0 },
	{ L("correct-horse-battery-staple"), 0, 0 },
	{ L("Correct Horse Battery Staple 2024!"), 0, 0 },
	{ L("horse dragon master monkey"), 0, 0 },
	{ L("Zollstock Hafenkran Lotse"), 0, 0 },
	{ L("harborline customs brokerage"), 0, 0 },
	/* Random ones. */
	{ L("tq8#vLp2!mZr9wKe"), 0, 0 },
	{ L("q7Lr-w2Vx9!pTz4mKc8B"), 0, 0 },
	{ L("4829 1057 3316 9920"), 0, 0 },
	/* A separator run that ends the string is no piece. */
	{ L("-.-_- -.-_- -.-_-"), 0, 0 },
};

static void
close_run(const struct lb_breached *bl, int real)
{
	const struct close_case	*c;
	size_t			 i;
	int			 want;

	for (i = 0; i < sizeof(close_cases) / sizeof(close_cases[0]); i++) {
		c = &close_cases[i];
		want = real ? c->real : c->small;
		if (want != ANY && lb_breached_has(bl, c->pw, c->n) != want)
			fail_msg("%s list, \"%s\": not %d", real ? "real" :
			    "small", c->pw, want);
	}
}

/* Long inputs: the bounds of the dynamic program, under the sanitizers. */
static void
close_long(const struct lb_breached *bl)
{
	char	 pw[LB_PW_BYTES + 1];
	size_t	 i;

	for (i = 0; i + 6 <= LB_PW_BYTES; i += 6)
		memcpy(pw + i, "monkey", 6);
	assert_int_equal(lb_breached_has(bl, pw, i), 1);
	pw[i - 1] = 'x';
	assert_int_equal(lb_breached_has(bl, pw, i), 0);
	memset(pw, '7', LB_PW_BYTES);
	pw[LB_PW_BYTES - 1] = 'z';
	assert_int_equal(lb_breached_has(bl, pw, LB_PW_BYTES), 0);
	memset(pw, '-', LB_PW_BYTES);
	assert_int_equal(lb_breached_has(bl, pw, LB_PW_BYTES), 0);
	memcpy(pw + LB_PW_BYTES - 6, "dragon", 6);
	assert_int_equal(lb_breached_has(bl, pw, LB_PW_BYTES), 1);
	/* A run of separators has no bound. */
	memcpy(pw, "master", 6);
	assert_int_equal(lb_breached_has(bl, pw, LB_PW_BYTES), 1);
	memcpy(pw + LB_PW_BYTES - 6, "dragox", 6);
	assert_int_equal(lb_breached_has(bl, pw, LB_PW_BYTES), 0);
	/* Longer than the policy allows: rule 4 looks no further. */
	memcpy(pw + LB_PW_BYTES - 6, "dragon", 6);
	pw[LB_PW_BYTES] = 'x';
	assert_int_equal(lb_breached_has(bl, pw, LB_PW_BYTES + 1), 0);
}

static void
test_breached_close(void **state)
{
	struct tmp		 t = { "", "" };
	struct lb_breached	*bl = NULL;
	struct lb_err		 e;

	tmp_make(&t, "list", close_list, sizeof(close_list) - 1);
	if (lb_breached_load(t.path, &bl, &e) == -1)
		fail_msg("%s", e.msg);
	close_run(bl, 0);
	close_long(bl);
	/* The policy says why, and not what. */
	assert_int_equal(lb_password_check(L("Monkey-Monkey-Monkey!"), NULL,
	    bl, &e), -1);
	assert_non_null(strstr(e.msg, "built from"));
	assert_false(holds(e.msg, L("onkey")));
	assert_int_equal(lb_password_check(L("correct horse battery staple"),
	    NULL, bl, &e), 0);
	lb_breached_free(bl);
	tmp_remove(&t, "list");
	assert_int_equal(rmdir(t.dir), 0);
}

static void
test_breached_refused(void **state)
{
	struct tmp		 t = { "", "" };
	struct lb_breached	*bl = (struct lb_breached *)&t;
	struct lb_err		 e;
	FILE			*fp;

	/* Missing: says where the list comes from. */
	tmp_make(&t, "missing", NULL, 0);
	assert_int_equal(lb_breached_load(t.path, &bl, &e), -1);
	assert_null(bl);
	assert_non_null(strstr(e.msg, t.path));
	assert_non_null(strstr(e.msg, "no such file"));
	assert_non_null(strstr(e.msg, "john-data"));
	assert_non_null(strstr(e.msg, "LIFEBOAT_BREACHED"));

	/* Comments and empty lines only. */
	tmp_make(&t, "empty", L("#!comment: nothing\n\n\r\n"));
	assert_int_equal(lb_breached_load(t.path, &bl, &e), -1);
	assert_non_null(strstr(e.msg, "no entries"));
	assert_int_equal(strncmp(e.msg, t.path, strlen(t.path)), 0);
	tmp_remove(&t, "empty");

	/* A directory. */
	assert_int_equal(lb_breached_load(t.dir, &bl, &e), -1);
	assert_non_null(strstr(e.msg, "not a regular file"));

	/* Over 64 MiB (sparse, so cheap). */
	tmp_make(&t, "big", NULL, 0);
	assert_non_null(fp = fopen(t.path, "wb"));
	assert_int_equal(ftruncate(fileno(fp), 64 * 1024 * 1024 + 1), 0);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(lb_breached_load(t.path, &bl, &e), -1);
	assert_non_null(strstr(e.msg, "larger than 64 MiB"));
	assert_null(bl);
	tmp_remove(&t, "big");
	assert_int_equal(rmdir(t.dir), 0);
}

/*
 * Random passwords of 16 to 24 printable ASCII characters, from a fixed
 * seed (xorshift64): none is close to a common one.
 */
static void
random_run(const struct lb_breached *bl)
{
	uint64_t	 x = 0x9e3779b97f4a7c15ULL;
	char		 pw[24];
	size_t		 i, j, n;

	for (i = 0; i < 5000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		n = 16 + x % 9;
		for (j = 0; j < n; j++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			pw[j] = (char)(0x21 + (x >> 11) % 94);
		}
		if (lb_breached_has(bl, pw, n) != 0)
			fail_msg("random \"%.*s\": refused", (int)n, pw);
	}
}

static void
test_breached_real(void **state)
{
	struct lb_breached	*bl;
	struct lb_err		 e;

	if (access(LB_PW_BREACHED_DEFAULT, R_OK) != 0) {
		skip();
		return;
	}
	if (lb_breached_load(LB_PW_BREACHED_DEFAULT, &bl, &e) == -1)
		fail_msg("%s", e.msg);
	assert_int_equal(lb_breached_has(bl, L("password")), 1);
	assert_int_equal(lb_breached_has(bl, L("PassWord")), 1);
	assert_int_equal(lb_breached_has(bl, L("123456")), 1);
	assert_int_equal(lb_breached_has(bl, L("#!comment:")), 0);
	assert_int_equal(lb_breached_has(bl,
	    L("not a common password, surely")), 0);
	assert_int_equal(lb_password_check(L("harborline customs brokerage"),
	    "dana", bl, &e), 0);
	close_run(bl, 1);
	close_long(bl);
	random_run(bl);
	lb_breached_free(bl);
}

static const char pw1[] = "correct horse battery staple";

static void
test_hash(void **state)
{
	char		 h[LB_PW_HASH_LEN], weak[LB_PW_HASH_LEN];
	char		 bad[LB_PW_HASH_LEN + 8];
	struct lb_err	 e;

	/* Two of the five slow calls of this file. */
	assert_int_equal(lb_password_hash(L(pw1), h, &e), 0);
	assert_int_equal(strncmp(h, OURS, strlen(OURS)), 0);
	assert_true(strlen(h) < LB_PW_HASH_LEN);
	assert_int_equal(lb_password_verify(h, L(pw1)), 1);
	assert_int_equal(lb_password_verify(h, L("correct horse battery stapl")),
	    0);
	assert_int_equal(lb_password_needs_rehash(h), 0);

	/* Weaker parameters verify still, and call for a rehash. */
	assert_int_equal(crypto_pwhash_str_alg(weak, L(pw1),
	    crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
	    crypto_pwhash_ALG_ARGON2ID13), 0);
	assert_int_equal(lb_password_verify(weak, L(pw1)), 1);
	assert_int_equal(lb_password_verify(weak, L("Correct horse battery "
	    "staple")), 0);
	assert_int_equal(lb_password_needs_rehash(weak), 1);
	/* So does argon2i. */
	assert_int_equal(crypto_pwhash_str_alg(weak, L(pw1),
	    crypto_pwhash_argon2i_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
	    crypto_pwhash_ALG_ARGON2I13), 0);
	assert_int_equal(lb_password_verify(weak, L(pw1)), 1);
	assert_int_equal(lb_password_needs_rehash(weak), 1);

	/* Malformed hashes verify nothing (and cost nothing). */
	assert_int_equal(lb_password_verify(NULL, L(pw1)), 0);
	assert_int_equal(lb_password_verify("", L(pw1)), 0);
	assert_int_equal(lb_password_verify("garbage", L(pw1)), 0);
	assert_int_equal(lb_password_verify(OURS, L(pw1)), 0);
	(void)snprintf(bad, sizeof(bad), "%.*s", (int)(strrchr(h, '$') - h), h);
	assert_int_equal(lb_password_verify(bad, L(pw1)), 0);
	assert_int_equal(lb_password_needs_rehash(bad), 1);
	(void)snprintf(bad, sizeof(bad), "%s", h);
	bad[strlen(OURS)] = '!';
	assert_int_equal(lb_password_verify(bad, L(pw1)), 0);
	/* No NUL within LB_PW_HASH_LEN bytes: not read any further. */
	memset(bad, 'a', sizeof(bad));
	memcpy(bad, h, strlen(h));
	bad[sizeof(bad) - 1] = '\0';
	assert_int_equal(lb_password_verify(bad, L(pw1)), 0);
	assert_int_equal(lb_password_needs_rehash(bad), 1);
	assert_int_equal(lb_password_needs_rehash(NULL), 1);
	assert_int_equal(lb_password_needs_rehash("garbage"), 1);

	/* The empty password hashes too (the policy is not the hash's). */
	assert_int_equal(crypto_pwhash_str_alg(weak, "", 0,
	    crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
	    crypto_pwhash_ALG_ARGON2ID13), 0);
	assert_int_equal(lb_password_verify(weak, NULL, 0), 1);
	assert_int_equal(lb_password_verify(weak, L(" ")), 0);
}

static void *
dummy_thread(void *arg)
{
	return (void *)lb_password_dummy_hash();
}

static void
test_dummy(void **state)
{
	pthread_t	 th[4];
	const char	*d, *got[4];
	char		 copy[LB_PW_HASH_LEN];
	size_t		 i;

	/* Made once, whichever thread asks first. */
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, dummy_thread,
		    NULL), 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_join(th[i], (void **)&got[i]), 0);
	d = lb_password_dummy_hash();
	assert_non_null(d);
	for (i = 0; i < 4; i++)
		assert_ptr_equal(got[i], d);
	(void)snprintf(copy, sizeof(copy), "%s", d);
	assert_ptr_equal(lb_password_dummy_hash(), d);
	assert_string_equal(lb_password_dummy_hash(), copy);
	assert_int_equal(strncmp(d, OURS, strlen(OURS)), 0);
	assert_int_equal(lb_password_needs_rehash(d), 0);
	/* It takes a full verify, and verifies nothing. */
	assert_int_equal(lb_password_verify(d, L(pw1)), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_table),
		cmocka_unit_test(test_check_null_err),
		cmocka_unit_test(test_breached_small),
		cmocka_unit_test(test_breached_close),
		cmocka_unit_test(test_breached_refused),
		cmocka_unit_test(test_breached_real),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_dummy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
