/*
 * bench_rows.c: the baseline for the deadlines benchmark: read the rows
 * `lifeboat deadlines` reads, by the same queries of the store (released
 * shipments, the duty of every line, the clients on PMS, the recovery tasks
 * done), touching every value, and nothing else: no maps, no calendar, no
 * model, no sorting, no output.  It reads in the store's scan mode
 * (memory-mapped), as the command does.
 *
 * usage: bench_rows VAULT_DIR
 * prints: shipments seconds
 */
#include <stdio.h>
#include <time.h>

#include "store.h"
#include "vault.h"

struct tally {
	long long	rows;
	unsigned long	sink;
};

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
on_row(void *arg, const struct lb_value *vals, size_t n)
{
	struct tally	*t = arg;
	size_t		 i;

	t->rows++;
	for (i = 0; i < n; i++)
		t->sink += vals[i].null ? 0 : vals[i].s != NULL ?
		    (unsigned long)vals[i].len : (unsigned long)vals[i].i;
	return 0;
}

int
main(int argc, char **argv)
{
	struct lb_store	*st;
	struct lb_err	 e;
	static const char *const queries[] = {
		"line_duties", "pms_clients", "recovery_done",
		"statement_rows", "shipment_statements", "arrived_shipments",
		"released_shipments"
	};
	struct tally	 t = { 0, 0 };
	size_t		 i;
	char		 path[4096];
	double		 t0, t1;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_rows VAULT_DIR\n");
		return 2;
	}
	(void)snprintf(path, sizeof(path), "%s/%s", argv[1], LB_VAULT_DB);
	if (lb_store_sqlite_open(path, 0, &st, &e) == -1) {
		fprintf(stderr, "bench_rows: %s\n", e.msg);
		return 1;
	}
	t0 = now();
	if (st->ops->scan_mode(st, &e) == -1 ||
	    st->ops->read_begin(st, &e) == -1)
		goto fail;
	for (i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		t.rows = 0;
		if (st->ops->query_rows(st, queries[i], NULL, 0, 0, on_row, &t,
		    &e) == -1)
			goto fail;
	}
	st->ops->read_end(st);
	t1 = now();
	st->ops->close(st);
	printf("%lld %.3f\n", t.rows, t1 - t0);
	return t.sink == 1 ? 3 : 0;	/* keep the reads */
fail:
	fprintf(stderr, "bench_rows: %s\n", e.msg);
	st->ops->close(st);
	return 1;
}
