/*
 * password.c: the password policy, the breached-password list and argon2id
 * hashing (see password.h).
 *
 * The policy checks work on the caller's bytes in place, the list lookups
 * included (they fold case while comparing), so that no copy of a password
 * is ever made.  The list is read whole into one buffer, split into
 * NUL-terminated lowercased entries and sorted, so that a lookup is a
 * binary search with no allocation.  The rules that catch a common password
 * dressed up (stripped of digits and punctuation, repeated, concatenated)
 * are a small dynamic program over positions whose only state, the count
 * of pieces reaching each position, lives on the stack and is wiped.
 */
#include <sys/stat.h>

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "err.h"
#include "mem.h"
#include "password.h"
#include "utf8.h"

#define BREACHED_MAX	(64 * 1024 * 1024)	/* bytes in a list file */
#define COMMENT		"#!comment"
#define PW_OPS		crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PW_MEM		crypto_pwhash_MEMLIMIT_INTERACTIVE
#define PW_ALG		crypto_pwhash_ALG_ARGON2ID13
#define DUMMY_PWLEN	32
#define PIECE_MIN	3	/* bytes in a piece of a concatenation, at least */
#define PIECE_MAX	64	/* bytes in a piece, at most */
#define PIECES_BARE	4	/* pieces at most, nothing between them */
#define PIECES_SEP	3	/* pieces at most, separators between some */
#define NONE		0xff	/* a position no concatenation reaches */

_Static_assert(PIECES_BARE < NONE && PIECES_SEP < NONE, "NONE");

_Static_assert(LB_PW_HASH_LEN == crypto_pwhash_STRBYTES,
    "LB_PW_HASH_LEN must be crypto_pwhash_STRBYTES");

struct lb_breached {
	char	 *buf;		/* the file; each entry NUL-terminated */
	char	**ent;		/* sorted by strcmp, no duplicates */
	size_t	  n;
	size_t	  maxlen;	/* bytes in the longest entry */
};

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static int
ent_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The needle of a lookup: bytes that are not NUL-terminated. */
struct key {
	const unsigned char	*p;
	size_t			 n;
};

/* Compares as strcmp would with the key lowercased, without copying it. */
static int
key_cmp(const void *k, const void *el)
{
	const struct key	*key = k;
	const unsigned char	*s = *(unsigned char *const *)el;
	size_t			 i;
	unsigned char		 c;

	for (i = 0; i < key->n; i++) {
		if (s[i] == '\0')
			return 1;
		c = lower(key->p[i]);
		if (c != s[i])
			return c < s[i] ? -1 : 1;
	}
	return s[i] == '\0' ? 0 : -1;
}

/* Read the whole regular file at path (at most BREACHED_MAX bytes). */
static int
read_file(const char *path, char **out, size_t *outlen, struct lb_err *e)
{
	struct stat	 st;
	char		*buf = NULL;
	size_t		 size, got = 0;
	ssize_t		 r;
	int		 fd, ret = -1;

	*out = NULL;
	*outlen = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) == -1) {
		if (errno == ENOENT)
			return lb_error(e, "%s: no such file; the list of "
			    "common passwords comes with the Debian package "
			    "john-data, or set LIFEBOAT_BREACHED to another "
			    "list", path);
		return lb_error(e, "%s: %s", path, strerror(errno));
	}
	if (fstat(fd, &st) == -1) {
		lb_error(e, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		lb_error(e, "%s: not a regular file", path);
		goto out;
	}
	if (st.st_size > BREACHED_MAX) {
		lb_error(e, "%s: larger than %d MiB", path,
		    BREACHED_MAX / (1024 * 1024));
		goto out;
	}
	size = (size_t)st.st_size;
	/* One byte more than expected, to see a file that grew meanwhile. */
	if ((buf = lb_mallocarray(size + 1, 1)) == NULL) {
		lb_error(e, "out of memory");
		goto out;
	}
	while (got < size + 1) {
		r = read(fd, buf + got, size + 1 - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			lb_error(e, "%s: %s", path, strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	if (got > size) {
		lb_error(e, "%s: changed while being read", path);
		goto out;
	}
	buf[got] = '\0';
	*out = buf;
	*outlen = got;
	buf = NULL;
	ret = 0;
 out:
	free(buf);
	(void)close(fd);
	return ret;
}

int
lb_breached_load(const char *path, struct lb_breached **out,
    struct lb_err *e)
{
	struct lb_breached	*bl;
	char			*p, *nl;
	size_t			 len = 0, i, nlines, start, end, j;

	*out = NULL;
	if ((bl = lb_calloc(1, sizeof(*bl))) == NULL)
		return lb_error(e, "out of memory");
	if (read_file(path, &bl->buf, &len, e) == -1)
		goto fail;
	nlines = 1;
	for (p = bl->buf; (nl = memchr(p, '\n', len - (size_t)(p - bl->buf)))
	    != NULL; p = nl + 1)
		nlines++;
	if ((bl->ent = lb_mallocarray(nlines, sizeof(*bl->ent))) == NULL) {
		lb_error(e, "out of memory");
		goto fail;
	}
	for (start = 0; start < len; start = end + 1) {
		p = bl->buf + start;
		nl = memchr(p, '\n', len - start);
		end = nl != NULL ? (size_t)(nl - bl->buf) : len;
		bl->buf[end] = '\0';
		j = end - start;
		if (j > 0 && p[j - 1] == '\r')
			p[--j] = '\0';
		/* A NUL inside a line would cut the entry short: skip it. */
		if (j == 0 || strncmp(p, COMMENT, sizeof(COMMENT) - 1) == 0 ||
		    strlen(p) != j)
			continue;
		for (i = 0; i < j; i++)
			p[i] = (char)lower((unsigned char)p[i]);
		bl->ent[bl->n++] = p;
		if (j > bl->maxlen)
			bl->maxlen = j;
	}
	if (bl->n == 0) {
		lb_error(e, "%s: no entries", path);
		goto fail;
	}
	qsort(bl->ent, bl->n, sizeof(*bl->ent), ent_cmp);
	for (i = j = 1; i < bl->n; i++)
		if (strcmp(bl->ent[i], bl->ent[j - 1]) != 0)
			bl->ent[j++] = bl->ent[i];
	bl->n = j;
	*out = bl;
	return 0;
 fail:
	lb_breached_free(bl);
	return -1;
}

void
lb_breached_free(struct lb_breached *bl)
{
	if (bl == NULL)
		return;
	free(bl->ent);
	free(bl->buf);
	free(bl);
}

/* Whether the n bytes at a equal those at b, ASCII letters without case. */
static int
caseeq(const unsigned char *a, const unsigned char *b, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (lower(a[i]) != lower(b[i]))
			return 0;
	return 1;
}

/* ASCII space and punctuation: stripped from both ends. */
static int
is_punct(unsigned char c)
{
	return (c >= 0x20 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) ||
	    (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* What may stand between the pieces of a concatenation. */
static int
is_sep(unsigned char c)
{
	return c == ' ' || c == '-' || c == '_' || c == '.';
}

/* Whether the n bytes at p are an entry, without case. */
static int
lookup(const struct lb_breached *bl, const unsigned char *p, size_t n)
{
	struct key	 k;

	if (n == 0 || n > bl->maxlen)
		return 0;
	k.p = p;
	k.n = n;
	return bsearch(&k, bl->ent, bl->n, sizeof(*bl->ent), key_cmp) !=
	    NULL;
}

static size_t
piece_max(const struct lb_breached *bl)
{
	return bl->maxlen < PIECE_MAX ? bl->maxlen : PIECE_MAX;
}

/*
 * Whether the m bytes at p are one entry of PIECE_MIN bytes or more,
 * repeated, with runs of separators or nothing between the repeats.  At
 * most PIECE_MAX lookups and m byte comparisons for each.
 */
static int
repeated(const struct lb_breached *bl, const unsigned char *p, size_t m)
{
	size_t	 len, i, top = piece_max(bl);
	int	 same;

	for (len = PIECE_MIN; len <= top && 2 * len <= m; len++) {
		if (!lookup(bl, p, len))
			continue;
		for (i = len, same = 1; same && i < m; i += len) {
			while (i < m && is_sep(p[i]))
				i++;
			same = m - i >= len && caseeq(p + i, p, len);
		}
		if (same)
			return 1;
	}
	return 0;
}

/* Each entry that starts at i ends a piece: count[end] is k + 1 at most. */
static void
reach(const struct lb_breached *bl, const unsigned char *p, size_t m,
    size_t i, unsigned char k, unsigned char *count)
{
	size_t	 len, top = piece_max(bl);

	for (len = PIECE_MIN; len <= top && len <= m - i; len++)
		if (count[i + len] > k + 1 && lookup(bl, p + i, len))
			count[i + len] = (unsigned char)(k + 1);
}

/*
 * Whether the m bytes at p are a concatenation of entries of PIECE_MIN
 * bytes or more: at most PIECES_BARE of them with nothing between, or at
 * most PIECES_SEP with a run of separators between some.  bare[i] and
 * sep[i] are the fewest pieces that make the first i bytes, without and
 * with separators; one pass from left to right fills them.  Only the
 * positions that fewer pieces than the bound reach are expanded, so that
 * without separators the lookups stop after (PIECES_BARE - 1) * PIECE_MAX
 * bytes, and a position costs 3 * PIECE_MAX lookups at most.
 */
static int
concat(const struct lb_breached *bl, const unsigned char *p, size_t m)
{
	unsigned char	 bare[LB_PW_BYTES + 1], sep[LB_PW_BYTES + 1], k;
	size_t		 i, s;
	int		 found;

	if (m < 2 * PIECE_MIN || m > LB_PW_BYTES)
		return 0;
	memset(bare, NONE, m + 1);
	memset(sep, NONE, m + 1);
	bare[0] = 0;
	for (i = 0; i < m; i++) {
		if (bare[i] < PIECES_BARE)
			reach(bl, p, m, i, bare[i], bare);
		if (sep[i] < PIECES_SEP)
			reach(bl, p, m, i, sep[i], sep);
		/* A piece ends at i, then separators, then the next piece. */
		k = bare[i] < sep[i] ? bare[i] : sep[i];
		if (i == 0 || k >= PIECES_SEP || !is_sep(p[i]))
			continue;
		for (s = i; s < m && is_sep(p[s]); s++)
			;
		if (s < m)
			reach(bl, p, m, s, k, sep);
	}
	found = bare[m] <= PIECES_BARE || sep[m] <= PIECES_SEP;
	sodium_memzero(bare, m + 1);
	sodium_memzero(sep, m + 1);
	return found;
}

/* The rules of password.h, on one stripped form of the password. */
static int
close_to(const struct lb_breached *bl, const unsigned char *p, size_t m)
{
	if (m < PIECE_MIN)
		return 0;
	return lookup(bl, p, m) || repeated(bl, p, m) || concat(bl, p, m);
}

int
lb_breached_has(const struct lb_breached *bl, const char *pw, size_t n)
{
	const unsigned char	*p = (const unsigned char *)pw, *t, *c;
	size_t			 tn, cn;

	assert(pw != NULL || n == 0);
	if (bl == NULL || n == 0)
		return 0;
	if (lookup(bl, p, n))
		return 1;
	/* Without punctuation and spaces at either end. */
	for (t = p, tn = n; tn > 0 && is_punct(t[0]); t++, tn--)
		;
	while (tn > 0 && is_punct(t[tn - 1]))
		tn--;
	if (close_to(bl, t, tn))
		return 1;
	/* Without digits at either end too. */
	for (c = t, cn = tn; cn > 0 && (is_punct(c[0]) || is_digit(c[0]));
	    c++, cn--)
		;
	while (cn > 0 && (is_punct(c[cn - 1]) || is_digit(c[cn - 1])))
		cn--;
	return cn != tn && close_to(bl, c, cn);
}

int
lb_password_check(const char *pw, size_t n, const char *user,
    const struct lb_breached *bl, struct lb_err *e)
{
	const unsigned char	*p = (const unsigned char *)pw;
	size_t			 i, chars = 0, ulen, uchars;
	uint32_t		 cp, first = 0;
	int			 r, same = 1;

	assert(pw != NULL || n == 0);
	if (n > LB_PW_BYTES)
		return lb_error(e, "password is too long: more than %d bytes",
		    LB_PW_BYTES);
	for (i = 0; i < n; i += (size_t)r) {
		if ((r = lb_utf8_decode(p + i, n - i, &cp, NULL)) <= 0)
			return lb_error(e, "password is not valid UTF-8");
		if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f))
			return lb_error(e, "password contains a control "
			    "character (such as a tab or a line break)");
		if (cp < 0x80)
			cp = lower((unsigned char)cp);
		if (chars++ == 0)
			first = cp;
		else if (cp != first)
			same = 0;
	}
	if (chars < LB_PW_MIN)
		return lb_error(e, "password is too short: %zu characters, "
		    "at least %d", chars, LB_PW_MIN);
	if (chars > LB_PW_MAX)
		return lb_error(e, "password is too long: %zu characters, "
		    "at most %d", chars, LB_PW_MAX);
	if (same)
		return lb_error(e, "password is one character repeated");
	if (user != NULL && user[0] != '\0') {
		ulen = strlen(user);
		for (i = uchars = 0; i < ulen; i++)
			if (((unsigned char)user[i] & 0xc0) != 0x80)
				uchars++;
		if (ulen == n && caseeq(p, (const unsigned char *)user, n))
			return lb_error(e, "password is the user name");
		if (uchars >= 4 && ulen <= n)
			for (i = 0; i <= n - ulen; i++)
				if (caseeq(p + i, (const unsigned char *)user,
				    ulen))
					return lb_error(e, "password contains "
					    "the user name");
	}
	if (bl != NULL && lb_breached_has(bl, pw, n))
		return lb_error(e, "password is, or is built from, a "
		    "password on a list of common or breached passwords");
	return 0;
}

int
lb_password_hash(const char *pw, size_t n, char out[LB_PW_HASH_LEN],
    struct lb_err *e)
{
	assert(pw != NULL || n == 0);
	out[0] = '\0';
	if (sodium_init() == -1)
		return lb_error(e, "libsodium cannot start");
	if (crypto_pwhash_str_alg(out, pw != NULL ? pw : "", n, PW_OPS,
	    PW_MEM, PW_ALG) != 0) {
		sodium_memzero(out, LB_PW_HASH_LEN);
		return lb_error(e, "out of memory");
	}
	return 0;
}

/* Whether hash is a string libsodium may read: NUL within the size. */
static int
terminated(const char *hash)
{
	return hash != NULL && strnlen(hash, LB_PW_HASH_LEN) < LB_PW_HASH_LEN;
}

int
lb_password_verify(const char *hash, const char *pw, size_t n)
{
	assert(pw != NULL || n == 0);
	if (!terminated(hash))
		return 0;
	if (sodium_init() == -1)
		return -1;
	errno = 0;
	if (crypto_pwhash_str_verify(hash, pw != NULL ? pw : "", n) == 0)
		return 1;
	/* A mismatch sets EINVAL, a malformed hash nothing. */
	return errno == ENOMEM ? -1 : 0;
}

int
lb_password_needs_rehash(const char *hash)
{
	if (!terminated(hash) || sodium_init() == -1)
		return 1;
	/* 1 for other parameters or argon2i, -1 for what it cannot parse. */
	return crypto_pwhash_str_needs_rehash(hash, PW_OPS, PW_MEM) != 0;
}

static pthread_once_t	 dummy_once = PTHREAD_ONCE_INIT;
static char		 dummy[LB_PW_HASH_LEN];

/*
 * Should the hash fail (out of memory), this one stands in: same
 * parameters, made once from 32 random bytes that were then thrown away.
 */
static const char	 dummy_fallback[] =
    "$argon2id$v=19$m=65536,t=2,p=1$VIVkgqaLHXDAyL57PN46Jw"
    "$SCjZIAfQWBblGBosvrwOeLhm3SfPBfY8Xzgvcbl4ubM";
_Static_assert(sizeof(dummy_fallback) <= LB_PW_HASH_LEN, "dummy_fallback");

static void
dummy_make(void)
{
	unsigned char	 pw[DUMMY_PWLEN];

	if (sodium_init() != -1) {
		randombytes_buf(pw, sizeof(pw));
		if (crypto_pwhash_str_alg(dummy, (const char *)pw, sizeof(pw),
		    PW_OPS, PW_MEM, PW_ALG) == 0) {
			sodium_memzero(pw, sizeof(pw));
			return;
		}
		sodium_memzero(pw, sizeof(pw));
	}
	memcpy(dummy, dummy_fallback, sizeof(dummy_fallback));
}

const char *
lb_password_dummy_hash(void)
{
	(void)pthread_once(&dummy_once, dummy_make);
	return dummy;
}
