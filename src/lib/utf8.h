/*
 * utf8.h: strict UTF-8 decoding, encoding and validation, shared by the
 * readers of outside input (CSV, JSON).
 *
 * Strict means RFC 3629 exactly: no overlong forms, no encoded surrogates
 * (U+D800-DFFF), nothing above U+10FFFF, no truncated sequences.  The
 * decoder looks at a window of n bytes and says when the window is too
 * short to decide, so that a streaming reader can fetch more input when a
 * character straddles its buffer and only report truncation at the end.
 */
#ifndef LB_UTF8_H
#define LB_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define LB_UTF8_MAX	4	/* bytes in the longest sequence */

/*
 * Decode the character starting at p, of which n > 0 bytes are available.
 * Returns its length (1-4) and sets *cp; 0 when the n bytes are a valid
 * but incomplete prefix (more input is needed to decide); -1 when the bytes
 * are invalid, with *badlen = the number of bytes up to and including the
 * first offending one (1 for a bad lead byte).  cp and badlen may be NULL.
 */
int	 lb_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp,
	    size_t *badlen);

/*
 * Encode the scalar value cp into out (LB_UTF8_MAX bytes of room).
 * Returns the length, or 0 when cp is a surrogate or above U+10FFFF.
 */
size_t	 lb_utf8_encode(uint32_t cp, unsigned char *out);

/*
 * Describe an invalid sequence in msg (lowercase, no trailing newline,
 * truncated to size).  For an invalid sequence, p and n are the start and
 * the badlen reported by lb_utf8_decode() and at_end is 0; for a sequence
 * cut off by the end of the input, n is the number of bytes left and
 * at_end is 1.
 */
void	 lb_utf8_strerror(char *msg, size_t size, const unsigned char *p,
	    size_t n, int at_end);

/* 0 when the n bytes at p are valid UTF-8; else -1 and *erroff is set. */
int	 lb_utf8_validate(const void *p, size_t n, size_t *erroff);

/*
 * Write the n bytes at s into dst as a double-quoted string fit for an
 * error message: quotes and backslashes escaped, control characters and
 * invalid bytes as \xNN, shortened with "..." (never inside a character)
 * when it would not fit in size bytes.  Returns dst; size must be >= 8.
 */
char	*lb_utf8_quote(char *dst, size_t size, const char *s, size_t n);

#endif
