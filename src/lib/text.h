/*
 * text.h: small helpers the pure parsers share: ASCII classes that no
 * locale can change, trimming, and writing a reason for a refusal.
 */
#ifndef LB_TEXT_H
#define LB_TEXT_H

#include <stddef.h>

static inline int
lb_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
	    c == '\f' || c == '\r';
}

static inline int
lb_is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Narrow (*sp, *np) to drop leading and trailing ASCII white space. */
void	lb_trim(const char **sp, size_t *np);
/*
 * Write a reason into why (whylen bytes; why may be NULL) and return -1,
 * for "return lb_why(why, whylen, ...)".  A reason cut short is still a
 * NUL-terminated prefix.
 */
int	lb_why(char *why, size_t whylen, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#endif
