/*
 * bench_bare.c: the baseline for the import benchmark: a bare SQLite
 * prepared-insert loop over the same rows, into the same table of a fresh
 * vault (same schema, indexes, foreign keys, WAL, synchronous=FULL), in one
 * transaction, with no validation and no journal.  The CSV is split into
 * fields before the clock starts, so only the inserts are timed.
 *
 * With "plain" as a fourth argument, the rows go instead into a new table
 * of the same columns with no key, index or constraint: not a baseline,
 * but it shows what the vault's schema itself costs.
 *
 * usage: bench_bare VAULT_DIR CLIENTS.csv SHIPMENTS.csv [plain]
 * prints: rows seconds rows_per_second
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "csv.h"
#include "import.h"
#include "kind.h"
#include "mem.h"
#include "vault.h"

struct row {
	char	*text;		/* fields, NUL-separated */
	size_t	 off[64];
	size_t	 len[64];
	size_t	 n;
};

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	const struct lb_kind *k = lb_kind_find("shipments");
	struct lb_who	 who = { "bench", 1795000000 };
	struct lb_import im;
	struct lb_vault	*v;
	struct lb_err	 e;
	struct lb_csv	*csv;
	struct lb_record r;
	struct lb_read_error re;
	struct row	*rows = NULL;
	size_t		 nrows = 0, cap = 0, i, j, tot;
	int		 hdrcol[64];
	char		 path[4096], sql[8192];
	sqlite3		*db;
	sqlite3_stmt	*st;
	double		 t0, t1;
	int		 fd, rc, plain;
	static const unsigned char zero[32];

	plain = argc == 5 && strcmp(argv[4], "plain") == 0;
	if ((argc != 4 && !plain) || sodium_init() == -1) {
		fprintf(stderr, "usage: bench_bare VAULT_DIR CLIENTS.csv "
		    "SHIPMENTS.csv\n");
		return 2;
	}
	if (lb_vault_create(argv[1], &who, &v, &e) == -1) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	memset(&im, 0, sizeof(im));
	im.kind = "clients";
	im.path = argv[2];
	if (lb_import_run(v, &who, &im, &e) != 0) {
		fprintf(stderr, "clients import failed\n");
		return 1;
	}
	lb_import_free(&im);
	lb_vault_close(v);

	/* Split the shipments file before timing. */
	if ((fd = open(argv[3], O_RDONLY)) == -1 ||
	    (csv = lb_csv_open_fd(fd)) == NULL ||
	    lb_csv_read_header(csv, &re) == -1) {
		perror(argv[3]);
		return 1;
	}
	for (i = 0; i < lb_csv_header(csv)->nfields && i < 64; i++) {
		const struct lb_field *f = &lb_csv_header(csv)->fields[i];
		char name[80];

		(void)snprintf(name, sizeof(name), "%.*s", (int)f->name_len,
		    f->name);
		hdrcol[i] = lb_kind_col(k, name);
	}
	while ((rc = lb_csv_next(csv, &r, &re)) == 1) {
		if (nrows == cap) {
			cap = cap ? cap * 2 : 1024;
			rows = lb_reallocarray(rows, cap, sizeof(*rows));
			if (rows == NULL)
				return 1;
		}
		memset(&rows[nrows], 0, sizeof(rows[nrows]));
		for (i = 0, tot = 0; i < r.nfields; i++)
			tot += r.fields[i].len + 1;
		rows[nrows].text = malloc(tot + 1);
		for (i = 0, tot = 0; i < r.nfields && i < 64; i++) {
			memcpy(rows[nrows].text + tot, r.fields[i].val,
			    r.fields[i].len);
			rows[nrows].off[i] = tot;
			rows[nrows].len[i] = r.fields[i].len;
			tot += r.fields[i].len + 1;
		}
		rows[nrows].n = r.nfields;
		nrows++;
	}
	lb_csv_close(csv);
	close(fd);

	/* The same INSERT shape the vault uses, without its upsert clause. */
	(void)snprintf(path, sizeof(path), "%s/vault.db", argv[1]);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return 1;
	sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
	    "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;", NULL, NULL,
	    NULL);
	if (plain) {
		tot = (size_t)snprintf(sql, sizeof(sql), "CREATE TABLE plain (");
		for (i = 0; i < k->ncols; i++)
			tot += (size_t)snprintf(sql + tot, sizeof(sql) - tot,
			    "%s, ", k->cols[i].name);
		(void)snprintf(sql + tot, sizeof(sql) - tot, "digest)");
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return 1;
	}
	tot = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s (",
	    plain ? "plain" : "shipment");
	for (i = 0; i < k->ncols; i++)
		tot += (size_t)snprintf(sql + tot, sizeof(sql) - tot, "%s, ",
		    k->cols[i].name);
	tot += (size_t)snprintf(sql + tot, sizeof(sql) - tot, "digest) VALUES (");
	for (i = 0; i < k->ncols; i++)
		tot += (size_t)snprintf(sql + tot, sizeof(sql) - tot, "?, ");
	(void)snprintf(sql + tot, sizeof(sql) - tot, "?)");
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s\n", sqlite3_errmsg(db));
		return 1;
	}
	t0 = now();
	sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	for (i = 0; i < nrows; i++) {
		for (j = 0; j < rows[i].n; j++) {
			if (hdrcol[j] < 0 || rows[i].len[j] == 0)
				continue;
			if (k->cols[hdrcol[j]].store == LB_ST_INT)
				sqlite3_bind_int64(st, hdrcol[j] + 1,
				    strtoll(rows[i].text + rows[i].off[j], NULL,
				    10));
			else
				sqlite3_bind_text(st, hdrcol[j] + 1,
				    rows[i].text + rows[i].off[j],
				    (int)rows[i].len[j], SQLITE_STATIC);
		}
		sqlite3_bind_blob(st, (int)k->ncols + 1, zero, 32, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			fprintf(stderr, "row %zu: %s\n", i, sqlite3_errmsg(db));
			return 1;
		}
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	t1 = now();
	printf("%zu %.3f %.0f\n", nrows, t1 - t0, (double)nrows / (t1 - t0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return 0;
}
