/*
 * password.h: the password policy, the list of breached passwords and the
 * hashing of passwords (argon2id, through libsodium).
 *
 * The policy follows NIST SP 800-63B and OWASP: a length rule counted in
 * characters (code points), any printable character including spaces, no
 * composition rules, and a refusal of passwords that are common, breached,
 * built on the user name or one character repeated.  Nothing here ever puts
 * a password into an error message, and nothing keeps a copy of one.
 *
 * Hashes are the encoded strings of crypto_pwhash_str_alg(), NUL-terminated
 * and at most LB_PW_HASH_LEN bytes with the NUL: they carry their own salt
 * and parameters, so that lb_password_needs_rehash() can tell when a stored
 * hash is weaker than what lb_password_hash() makes now.
 */
#ifndef LB_PASSWORD_H
#define LB_PASSWORD_H

#include <stddef.h>

#include "err.h"

#define LB_PW_MIN	15	/* characters (code points), no second factor exists yet */
#define LB_PW_MAX	256	/* characters accepted at most; at least 64 must be */
#define LB_PW_BYTES	1024	/* bytes at most (UTF-8) */
#define LB_PW_HASH_LEN	128	/* crypto_pwhash_STRBYTES */
#define LB_PW_BREACHED_DEFAULT	"/usr/share/john/password.lst"	/* Debian package john-data: Openwall's list of common passwords */

/*
 * The list, loaded: one buffer holding the lowercased entries and a sorted
 * array of pointers into it.  Read-only once loaded, so one list may be
 * shared by threads.
 */
struct lb_breached;

/*
 * Load the list at path: one entry a line; "#!comment" lines, empty lines
 * and a trailing \r are skipped; entries are bytes, lowercased for ASCII
 * letters.  A file over 64 MiB is refused.  0 and *OUT: the list, freed
 * with lb_breached_free(); or -1 with "PATH: why" in *e.  The library does
 * not read LIFEBOAT_BREACHED itself: the front-end picks the path.
 */
int	lb_breached_load(const char *path, struct lb_breached **,
	    struct lb_err *);
void	lb_breached_free(struct lb_breached *);
/*
 * 1 when pw (n bytes) is too close to a common or breached password, else
 * 0; also 0 for a NULL list.  Entries and pw are compared byte for byte,
 * ASCII letters without case.  The default list has no entry as long as
 * LB_PW_MIN, so the rules below are what refuse a password in practice:
 * they follow the rules of attackers' wordlists (repeat, concatenate,
 * append digits) and leave passphrases of four words or more alone.
 *
 * From pw, T is pw without its leading and trailing ASCII spaces and
 * punctuation (0x20-0x2f, 0x3a-0x40, 0x5b-0x60, 0x7b-0x7e), and C is pw
 * without its leading and trailing ASCII digits, spaces and punctuation.
 * A piece is an entry of 3 to 64 bytes; a separator is one of " -_.".
 * pw is refused when:
 *  1. pw is an entry;
 *  2. T or C, of 3 bytes or more, is an entry ("password123456789!");
 *  3. T or C is one piece repeated twice or more, with nothing or a run
 *     of separators between the repeats ("letmein letmein letmein letmein");
 *  4. T or C, of LB_PW_BYTES bytes at most, is 2 to 4 pieces with
 *     nothing between them ("dragonmaster123456", "1234567890123456!"),
 *     or 2 or 3 pieces with a run of separators between some of them
 *     ("letmein-dragon master").
 * So four different common words with spaces or separators between them
 * pass ("horse dragon master monkey"), as do three that are not all on
 * the list ("correct horse battery").  pw is never copied and nothing is
 * allocated; the work is at most 3 * 62 binary searches and 64 byte
 * comparisons for each byte of pw, and in practice far less.
 */
int	lb_breached_has(const struct lb_breached *, const char *pw, size_t n);

/*
 * The policy: valid UTF-8, no control characters (U+0000-U+001F,
 * U+007F-U+009F), LB_PW_MIN..LB_PW_MAX code points, at most LB_PW_BYTES
 * bytes; refused when one character repeated (ASCII letters compared
 * without case), when it equals the user name or contains it and the user
 * name has 4 characters or more (ASCII letters compared without case), or
 * when lb_breached_has() finds it too close to the breached list.  user may be NULL or "" (no user check);
 * the list may be NULL only in unit tests (no breached check).  0, or -1
 * with a message in *e that says what is wrong and never holds the password.
 */
int	lb_password_check(const char *pw, size_t n, const char *user,
	    const struct lb_breached *, struct lb_err *);

/*
 * Hash pw (n bytes) with argon2id, opslimit crypto_pwhash_OPSLIMIT_INTERACTIVE
 * (2) and memlimit crypto_pwhash_MEMLIMIT_INTERACTIVE (64 MiB): above OWASP's
 * minimum (m=19 MiB, t=2, p=1).  *OUT gets "$argon2id$v=19$m=65536,t=2,p=1$..."
 * and its NUL.  -1 with "out of memory" on failure (out is then "").
 */
int	lb_password_hash(const char *pw, size_t n, char out[LB_PW_HASH_LEN],
	    struct lb_err *);
/*
 * 1 when pw matches the stored hash; 0 when not, also for a malformed,
 * unterminated or NULL hash; -1 only when libsodium cannot start or runs
 * out of memory.  Constant-time as libsodium is.
 */
int	lb_password_verify(const char *hash, const char *pw, size_t n);
/*
 * 1 when a stored hash was made with other parameters or another algorithm
 * than lb_password_hash() uses now (crypto_pwhash_str_needs_rehash), and
 * also when it cannot be parsed; else 0.  Call it after a successful verify.
 */
int	lb_password_needs_rehash(const char *hash);
/*
 * A hash of a random password, made once per process (thread-safe), for
 * verifying when the user does not exist, so that an unknown user takes as
 * long as a wrong password.  Never NULL; nothing verifies against it.
 */
const char *lb_password_dummy_hash(void);

#endif
