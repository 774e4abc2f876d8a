/*
 * buf.h: a growable, bounded byte buffer for building text (SQL never from
 * input, but CSV lines, JSON, messages, keys).
 *
 * Invariants: data is NULL or holds len bytes followed by a NUL byte, so
 * lb_buf_cstr() is always a C string; len < cap <= max + 1.  The first
 * failure (allocation, or growth past max) is remembered in err and every
 * later append is a no-op, so a caller builds freely and checks once with
 * lb_buf_error().  The buffer owns data until lb_buf_detach() hands it over.
 */
#ifndef LB_BUF_H
#define LB_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct lb_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	size_t	 max;	/* largest len allowed */
	int	 err;	/* 0, or ENOMEM / EOVERFLOW after the first failure */
};

#define LB_BUF_DEFAULT_MAX	((size_t)64 << 20)

void	 lb_buf_init(struct lb_buf *, size_t max);
void	 lb_buf_free(struct lb_buf *);
void	 lb_buf_reset(struct lb_buf *);	/* len = 0, err kept clear */
void	 lb_buf_add(struct lb_buf *, const void *, size_t);
void	 lb_buf_addc(struct lb_buf *, int);
void	 lb_buf_adds(struct lb_buf *, const char *);
void	 lb_buf_addf(struct lb_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 lb_buf_vaddf(struct lb_buf *, const char *, va_list);
/* Append s as a JSON string literal, quotes included. */
void	 lb_buf_add_json_str(struct lb_buf *, const char *, size_t);
/*
 * Append s as one CSV field (RFC 4180 quoting when needed).  A field that a
 * spreadsheet would run as a formula (first byte = + - @ tab CR) is
 * prefixed with a single quote to neutralise it.
 */
void	 lb_buf_add_csv_field(struct lb_buf *, const char *, size_t);
/* Append n bytes as HTML text or attribute value (& < > " ' escaped). */
void	 lb_buf_add_html(struct lb_buf *, const char *, size_t);
/* Append n bytes as lowercase hex. */
void	 lb_buf_add_hex(struct lb_buf *, const unsigned char *, size_t);
const char *lb_buf_cstr(const struct lb_buf *);
/* 0 when every append so far succeeded, else the remembered errno value. */
int	 lb_buf_error(const struct lb_buf *);
/* Hand the data over to the caller (who frees it) and reset the buffer. */
char	*lb_buf_detach(struct lb_buf *, size_t *lenp);

#endif
