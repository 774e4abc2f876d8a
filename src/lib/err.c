/*
 * err.c: filling a struct lb_err (see err.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "err.h"

int
lb_error(struct lb_err *e, const char *fmt, ...)
{
	va_list	ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	/* A message cut at 511 bytes is still a message. */
	(void)vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}
