/*
 * port.h: the US ports of entry Lifeboat knows by name (CBP Schedule D),
 * with the port office's address where it is known.
 *
 * The table is data, not code: data/ports.tsv, compiled in at build time
 * (scripts/gen-ports), its source and the status of each address written
 * in its header.  Lookup is pure: no I/O, no allocation; the entries are
 * static and live as long as the program.
 */
#ifndef LB_PORT_H
#define LB_PORT_H

#include <stddef.h>

struct lb_port {
	const char	*code;		/* "2704": 4 digits, DDPP */
	const char	*name;		/* "Los Angeles" */
	const char	*city;		/* where the port is */
	const char	*state;		/* "CA": US state or territory */
	/*
	 * The port office's postal address, complete (street, then "City,
	 * ST ZIP"): address[0] NULL when unknown, address[1] NULL when the
	 * address takes one line.
	 */
	const char	*address[2];
	int		 address_confirmed;	/* 0: "to confirm" */
};

/*
 * The port with Schedule D code `code` (its first 4 characters are read;
 * no NUL needed), or NULL when the table does not have it.
 */
const struct lb_port	*lb_port_find(const char code[4]);

/* Every port, in code order: *n entries. */
const struct lb_port	*lb_port_all(size_t *n);

#endif
