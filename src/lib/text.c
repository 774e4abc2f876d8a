/*
 * text.c: shared text helpers of the pure parsers (see text.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "text.h"

void
lb_trim(const char **sp, size_t *np)
{
	const char	*s = *sp;
	size_t		 n = *np;

	if (s == NULL) {
		*np = 0;
		return;
	}
	while (n > 0 && lb_is_space((unsigned char)s[0])) {
		s++;
		n--;
	}
	while (n > 0 && lb_is_space((unsigned char)s[n - 1]))
		n--;
	*sp = s;
	*np = n;
}

int
lb_why(char *why, size_t whylen, const char *fmt, ...)
{
	va_list	ap;

	if (why == NULL || whylen == 0)
		return -1;
	va_start(ap, fmt);
	(void)vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
	return -1;
}
