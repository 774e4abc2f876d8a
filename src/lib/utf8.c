/*
 * utf8.c: strict UTF-8 for the readers of outside input (see utf8.h).
 *
 * The decoder follows the table of well-formed byte sequences in Unicode
 * section 3.9 (table 3-7): the allowed range of the second byte depends on
 * the lead byte, which is what rules out overlong forms, surrogates and
 * code points above U+10FFFF without decoding first and checking after.
 */
#include <stdio.h>
#include <string.h>

#include "utf8.h"

int
lb_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp, size_t *badlen)
{
	unsigned char	 c = p[0], lo = 0x80, hi = 0xbf;
	size_t		 need, i;
	uint32_t	 v;

	if (c < 0x80) {
		if (cp != NULL)
			*cp = c;
		return 1;
	}
	if (c < 0xc2 || c > 0xf4) {
		if (badlen != NULL)
			*badlen = 1;
		return -1;
	}
	if (c < 0xe0) {
		need = 2;
		v = c & 0x1f;
	} else if (c < 0xf0) {
		need = 3;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;	/* below: overlong */
		else if (c == 0xed)
			hi = 0x9f;	/* above: surrogates */
	} else {
		need = 4;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;	/* below: overlong */
		else if (c == 0xf4)
			hi = 0x8f;	/* above: beyond U+10FFFF */
	}
	for (i = 1; i < need; i++) {
		if (i >= n)
			return 0;
		if (p[i] < lo || p[i] > hi) {
			if (badlen != NULL)
				*badlen = i + 1;
			return -1;
		}
		lo = 0x80;
		hi = 0xbf;
		v = (v << 6) | (p[i] & 0x3f);
	}
	if (cp != NULL)
		*cp = v;
	return (int)need;
}

size_t
lb_utf8_encode(uint32_t cp, unsigned char *out)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xc0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp >= 0xd800 && cp <= 0xdfff)
		return 0;
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xe0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp > 0x10ffff)
		return 0;
	out[0] = (unsigned char)(0xf0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Append " 0xNN" for each of the n bytes at p (n <= LB_UTF8_MAX). */
static void
hexbytes(char *dst, size_t size, const unsigned char *p, size_t n)
{
	size_t	 i, len = 0;

	dst[0] = '\0';
	for (i = 0; i < n && i < LB_UTF8_MAX; i++) {
		if (len >= size ||
		    (size_t)snprintf(dst + len, size - len, "%s0x%02x",
		    i == 0 ? "" : " ", p[i]) >= size - len)
			return;
		len += i == 0 ? 4 : 5;
	}
}

void
lb_utf8_strerror(char *msg, size_t size, const unsigned char *p, size_t n,
    int at_end)
{
	char		 hex[32];
	unsigned char	 last;

	if (at_end) {
		hexbytes(hex, sizeof(hex), p, n);
		snprintf(msg, size, "invalid UTF-8: truncated sequence %s "
		    "at end of input", hex);
		return;
	}
	if (n <= 1) {
		snprintf(msg, size, "invalid UTF-8 byte 0x%02x", p[0]);
		return;
	}
	last = p[n - 1];
	if (last < 0x80 || last > 0xbf) {
		/* A lead byte not followed by enough continuation bytes. */
		hexbytes(hex, sizeof(hex), p, n - 1);
		snprintf(msg, size, "invalid UTF-8: truncated sequence %s", hex);
		return;
	}
	/* A continuation byte outside the range the lead byte allows. */
	hexbytes(hex, sizeof(hex), p, n);
	if (p[0] == 0xed)
		snprintf(msg, size, "invalid UTF-8: encoded surrogate %s", hex);
	else if (p[0] == 0xf4)
		snprintf(msg, size, "invalid UTF-8: code point above U+10FFFF "
		    "%s", hex);
	else
		snprintf(msg, size, "invalid UTF-8: overlong sequence %s", hex);
}

int
lb_utf8_validate(const void *v, size_t n, size_t *erroff)
{
	const unsigned char	*p = v;
	size_t			 i = 0;
	int			 r;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((r = lb_utf8_decode(p + i, n - i, NULL, NULL)) <= 0) {
			if (erroff != NULL)
				*erroff = i;
			return -1;
		}
		i += (size_t)r;
	}
	return 0;
}

char *
lb_utf8_quote(char *dst, size_t size, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			 piece[16];
	size_t			 len = 0, i = 0, plen;
	int			 r;

	dst[len++] = '"';
	while (i < n) {
		r = p[i] < 0x80 ? 1 : lb_utf8_decode(p + i, n - i, NULL, NULL);
		if (r <= 0 || p[i] < 0x20 || p[i] == 0x7f) {
			snprintf(piece, sizeof(piece), "\\x%02x", p[i]);
			plen = 4;
			r = 1;
		} else if (p[i] == '"' || p[i] == '\\') {
			piece[0] = '\\';
			piece[1] = (char)p[i];
			plen = 2;
		} else {
			memcpy(piece, p + i, (size_t)r);
			plen = (size_t)r;
		}
		/* Keep room for '..."' and the NUL. */
		if (len + plen + 5 > size) {
			memcpy(dst + len, "...", 3);
			len += 3;
			break;
		}
		memcpy(dst + len, piece, plen);
		len += plen;
		i += (size_t)r;
	}
	dst[len++] = '"';
	dst[len] = '\0';
	return dst;
}
