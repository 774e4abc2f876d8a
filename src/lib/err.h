/*
 * err.h: the error a library call hands back to its caller.
 *
 * Library functions return 0 or -1; on -1 they fill a struct lb_err with a
 * short, lowercase, specific message that says what failed and on what
 * input.  Front-ends print it unchanged.  Nothing in the library exits.
 */
#ifndef LB_ERR_H
#define LB_ERR_H

struct lb_err {
	char	msg[512];
};

/* Set e->msg (if e is not NULL) and return -1, for "return lb_error(...)". */
int	lb_error(struct lb_err *e, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
