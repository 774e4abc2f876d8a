/*
 * demo.h: a believable customs brokerage, generated, for demonstrations,
 * training and load tests.
 *
 * lb_demo_write() writes the six import files of one fictitious brokerage
 * (Harborline Customs Brokerage LLC): its brokerage record, clients, client
 * contacts, employees with their call tree, shipments, shipment lines and
 * the daily statements their summaries are on (the last days' never
 * authorized: what an attack takes first).
 * Every value passes the checks of the import engine (kind.c, check.c),
 * so "lifeboat import KIND FILE" takes each file as it is, in the order
 * brokerage, clients, contacts, employees, shipments, lines, statements.
 *
 * The output depends only on the options: the same seed, base date and
 * counts give byte-identical files on every machine.  Nothing reads the
 * clock or the environment; randomness comes from a private splitmix64
 * generator.  Rows are streamed to disk as they are made, so memory stays
 * small whatever the counts.  Each file is written under a temporary name
 * (NAME.csv.tmp, mode 0600: importer numbers are sensitive even when made
 * up); only when all six are complete are they renamed into place, so a
 * failed run leaves the directory's earlier files as they were.
 *
 * The data is fictitious but shaped like the real thing: EINs, CBP-assigned
 * numbers, entry numbers with their check digits, air waybills with their
 * mod-7 digits, MIDs built by CBP's rule, statuses consistent with the
 * dates.  Telephone numbers are in the 555-01XX block reserved for fiction.
 */
#ifndef LB_DEMO_H
#define LB_DEMO_H

#include <stdint.h>

#include "err.h"

/* Limits of the counts (the defaults apply to a count of 0). */
#define LB_DEMO_MAX_CLIENTS	1000000L
#define LB_DEMO_MAX_SHIPMENTS	1000000L
#define LB_DEMO_MAX_EMPLOYEES	9999L

/* The demo brokerage's filer codes: the main one and the border branch's. */
#define LB_DEMO_FILER_MAIN	"B76"
#define LB_DEMO_FILER_BORDER	"HB3"

struct lb_demo_opts {
	uint64_t	seed;		/* default 1 */
	int64_t		base_days;	/* "today" as days since 1970-01-01 (see date.h) */
	long		clients;	/* default 200 */
	long		shipments;	/* default 5000, up to 1000000 */
	long		employees;	/* default 60 */
};

/*
 * Write brokerage.csv, clients.csv, contacts.csv, employees.csv,
 * shipments.csv, lines.csv, statements.csv into dir (which exists), deterministic for
 * (seed, base_days, counts): same inputs give byte-identical files.
 * A count of 0 (and a seed of 0) means its default; a negative count, a
 * count above its limit or a base date outside the years 1972-2150 is
 * refused.  Existing files of those names are replaced.  0, or -1 with *e
 * set and the temporary files removed.
 */
int	lb_demo_write(const char *dir, const struct lb_demo_opts *,
	    struct lb_err *);

#endif
