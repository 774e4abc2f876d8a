/*
 * bench_commit.c: the baseline for the durable `entry next` benchmark: a
 * bare SQLite loop committing one row per transaction, in WAL mode with
 * synchronous=FULL, as the vault does.
 *
 * usage: bench_commit DB N     prints: rows seconds rows_per_second
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

int
main(int argc, char **argv)
{
	struct timespec	 t0, t1;
	sqlite3		*db;
	sqlite3_stmt	*ins, *begin, *commit;
	double		 secs;
	long		 n, i;
	char		*end;

	if (argc != 3 || (n = strtol(argv[2], &end, 10)) <= 0 || *end != '\0')
		return 2;
	if (sqlite3_open(argv[1], &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = "
	    "FULL; CREATE TABLE IF NOT EXISTS t (filer TEXT, serial INTEGER, "
	    "PRIMARY KEY (filer, serial))", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO t VALUES ('B76', ?1)", -1, &ins,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, NULL) !=
	    SQLITE_OK ||
	    sqlite3_prepare_v2(db, "COMMIT", -1, &commit, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s\n", sqlite3_errmsg(db));
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		sqlite3_step(begin);
		sqlite3_reset(begin);
		sqlite3_bind_int64(ins, 1, i);
		if (sqlite3_step(ins) != SQLITE_DONE)
			return 1;
		sqlite3_reset(ins);
		if (sqlite3_step(commit) != SQLITE_DONE)
			return 1;
		sqlite3_reset(commit);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%ld %.3f %.0f\n", n, secs, (double)n / secs);
	sqlite3_finalize(ins);
	sqlite3_finalize(begin);
	sqlite3_finalize(commit);
	sqlite3_close(db);
	return 0;
}
