/*
 * buf.c: the growable, bounded byte buffer (see buf.h for the invariants).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

void
lb_buf_init(struct lb_buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
	b->err = 0;
}

void
lb_buf_free(struct lb_buf *b)
{
	free(b->data);
	lb_buf_init(b, b->max);
}

void
lb_buf_reset(struct lb_buf *b)
{
	b->len = 0;
	b->err = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Make room for n more bytes plus the NUL; 0 on success. */
static int
grow(struct lb_buf *b, size_t n)
{
	size_t	 need, cap;
	char	*p;

	if (b->err != 0)
		return -1;
	if (n > b->max || b->len > b->max - n) {
		b->err = EOVERFLOW;
		return -1;
	}
	need = b->len + n + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap < 64 ? 64 : b->cap;
	while (cap < need)
		cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
	if (cap > b->max + 1)
		cap = b->max + 1;
	if ((p = realloc(b->data, cap)) == NULL) {
		b->err = ENOMEM;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void
lb_buf_add(struct lb_buf *b, const void *p, size_t n)
{
	if (grow(b, n) == -1)
		return;
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
lb_buf_addc(struct lb_buf *b, int c)
{
	char	ch = (char)c;

	lb_buf_add(b, &ch, 1);
}

void
lb_buf_adds(struct lb_buf *b, const char *s)
{
	lb_buf_add(b, s, strlen(s));
}

void
lb_buf_vaddf(struct lb_buf *b, const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;

	if (b->err != 0)
		return;
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0) {
		b->err = EINVAL;
		return;
	}
	if (grow(b, (size_t)n) == -1)
		return;
	if (vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap) != n) {
		b->err = EINVAL;
		return;
	}
	b->len += (size_t)n;
}

void
lb_buf_addf(struct lb_buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	lb_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
lb_buf_add_json_str(struct lb_buf *b, const char *s, size_t n)
{
	size_t	 i, start;
	unsigned char c;

	lb_buf_addc(b, '"');
	for (i = start = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		lb_buf_add(b, s + start, i - start);
		switch (c) {
		case '"':
			lb_buf_adds(b, "\\\"");
			break;
		case '\\':
			lb_buf_adds(b, "\\\\");
			break;
		case '\n':
			lb_buf_adds(b, "\\n");
			break;
		case '\r':
			lb_buf_adds(b, "\\r");
			break;
		case '\t':
			lb_buf_adds(b, "\\t");
			break;
		default:
			lb_buf_addf(b, "\\u%04x", c);
			break;
		}
		start = i + 1;
	}
	lb_buf_add(b, s + start, n - start);
	lb_buf_addc(b, '"');
}

void
lb_buf_add_csv_field(struct lb_buf *b, const char *s, size_t n)
{
	size_t	 i;
	int	 formula, quote;

	formula = n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' ||
	    s[0] == '@' || s[0] == '\t' || s[0] == '\r');
	quote = formula;
	for (i = 0; i < n && !quote; i++)
		if (s[i] == '"' || s[i] == ',' || s[i] == '\n' ||
		    s[i] == '\r')
			quote = 1;
	if (!quote) {
		lb_buf_add(b, s, n);
		return;
	}
	lb_buf_addc(b, '"');
	if (formula)
		lb_buf_addc(b, '\'');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			lb_buf_addc(b, '"');
		lb_buf_addc(b, s[i]);
	}
	lb_buf_addc(b, '"');
}

void
lb_buf_add_hex(struct lb_buf *b, const unsigned char *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	size_t	 i;

	for (i = 0; i < n; i++) {
		lb_buf_addc(b, digits[p[i] >> 4]);
		lb_buf_addc(b, digits[p[i] & 0xf]);
	}
}

const char *
lb_buf_cstr(const struct lb_buf *b)
{
	return b->data == NULL ? "" : b->data;
}

int
lb_buf_error(const struct lb_buf *b)
{
	return b->err;
}

char *
lb_buf_detach(struct lb_buf *b, size_t *lenp)
{
	char	*p;

	if (b->data == NULL)
		lb_buf_add(b, "", 0);
	p = b->data;
	if (lenp != NULL)
		*lenp = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	b->err = 0;
	return p;
}

void
lb_buf_add_html(struct lb_buf *b, const char *s, size_t n)
{
	const char	*rep;
	size_t		 i, from = 0;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		lb_buf_add(b, s + from, i - from);
		lb_buf_adds(b, rep);
		from = i + 1;
	}
	lb_buf_add(b, s + from, n - from);
}
