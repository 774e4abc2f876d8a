/*
 * port.c: the port table (see port.h), searched by code.  The entries come
 * from data/ports.tsv through the generated ports.inc, sorted by code.
 */
#include <stddef.h>
#include <string.h>

#include "port.h"

static const struct lb_port ports[] = {
#include "ports.inc"
};

#define NPORTS	(sizeof(ports) / sizeof(ports[0]))

const struct lb_port *
lb_port_find(const char code[4])
{
	size_t	lo = 0, hi = NPORTS, mid;
	int	c;

	if (code == NULL)
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		/* strncmp: a shorter, NUL-ended code is not read past. */
		c = strncmp(code, ports[mid].code, 4);
		if (c == 0)
			return &ports[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct lb_port *
lb_port_all(size_t *n)
{
	*n = NPORTS;
	return ports;
}
