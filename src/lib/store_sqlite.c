/*
 * store_sqlite.c: the SQLite backend of the storage interface (store.h).
 *
 * One vault is one SQLite file, VAULT/vault.db, in WAL mode with
 * synchronous=FULL (a committed change survives power loss) and foreign
 * keys on.  The schema is versioned with PRAGMA user_version and brought
 * forward by the migrations in store_sqlite_schema.inc, each a fixed SQL
 * text applied in order; a migration is never edited once released.
 *
 * Statements are prepared once per connection and cached; the SQL for the
 * kinds is built from the compile-time descriptors of kind.c, never from
 * input.  Every value is bound.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "mem.h"
#include "store.h"

#include "store_sqlite_schema.inc"

#define MAX_KINDS	32
#define MAX_COLS	64

enum kstmt {
	KS_UPSERT,
	KS_HAS_KEY,
	KS_COUNT,
	KS_SCAN,
	KS_WHERE_FIRST,	/* rows whose first column is ?1, in key order */
	KS_DELETE,	/* the row whose key columns are ?1, ?2... */
	KS_N
};

struct sq_store {
	struct lb_store	 base;
	sqlite3		*db;
	sqlite3_stmt	*kind_stmt[MAX_KINDS][KS_N];
	sqlite3_stmt	*unique_stmt[MAX_KINDS][MAX_COLS];
	sqlite3_stmt	*j_head, *j_add, *j_add_row, *j_get, *j_latest;
	sqlite3_stmt	*begin, *commit, *rollback;
	sqlite3_stmt	*rbegin, *rtouch;	/* read snapshots */
	int		 read_depth;
	sqlite3_stmt	*meta_get, *meta_set;
	sqlite3_stmt	*row_stmt[32];	/* row_queries, when prepared */
	char		*path;
	pthread_t	 checker;
	int		 checking;
	int		 check_rc;
	struct lb_err	 check_err;
};

static struct sq_store *
sq(struct lb_store *s)
{
	return (struct sq_store *)s;
}

static int
db_error(struct sq_store *s, struct lb_err *e, const char *what)
{
	return lb_error(e, "%s: %s", what, sqlite3_errmsg(s->db));
}

static int
kind_index(const struct lb_kind *k)
{
	size_t	i;

	/* Every kind must have room: a missing one would be silent. */
	assert(lb_nkinds <= MAX_KINDS);
	for (i = 0; i < lb_nkinds; i++)
		if (lb_kinds[i] == k)
			return (int)i;
	return -1;
}

static int
prepare(struct sq_store *s, const char *sql, sqlite3_stmt **out,
    struct lb_err *e)
{
	if (*out != NULL)
		return 0;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, out,
	    NULL) != SQLITE_OK)
		return db_error(s, e, "prepare");
	return 0;
}

/* Build, from the descriptor, the SQL of one per-kind statement. */
static void
kind_sql(const struct lb_kind *k, enum kstmt which, struct lb_buf *b)
{
	size_t	 i;
	int	 first;

	switch (which) {
	case KS_UPSERT:
		lb_buf_addf(b, "INSERT INTO %s (", k->table);
		for (i = 0; i < k->ncols; i++)
			lb_buf_addf(b, "%s, ", k->cols[i].name);
		lb_buf_adds(b, "digest) VALUES (");
		for (i = 0; i < k->ncols; i++)
			lb_buf_addf(b, "?%zu, ", i + 1);
		lb_buf_addf(b, "?%zu) ON CONFLICT (", k->ncols + 1);
		for (i = 0, first = 1; i < k->ncols; i++)
			if (k->cols[i].flags & LB_COL_KEY) {
				lb_buf_addf(b, "%s%s", first ? "" : ", ",
				    k->cols[i].name);
				first = 0;
			}
		lb_buf_adds(b, ") DO UPDATE SET ");
		for (i = 0; i < k->ncols; i++)
			if (!(k->cols[i].flags & LB_COL_KEY))
				lb_buf_addf(b, "%s = excluded.%s, ",
				    k->cols[i].name, k->cols[i].name);
		lb_buf_addf(b, "digest = excluded.digest WHERE %s.digest IS NOT "
		    "excluded.digest", k->table);
		break;
	case KS_HAS_KEY:
		lb_buf_addf(b, "SELECT 1 FROM %s WHERE %s = ?1", k->table,
		    k->cols[0].name);
		break;
	case KS_COUNT:
		lb_buf_addf(b, "SELECT count(*) FROM %s", k->table);
		break;
	case KS_SCAN:
		lb_buf_adds(b, "SELECT ");
		for (i = 0; i < k->ncols; i++)
			lb_buf_addf(b, "%s, ", k->cols[i].name);
		lb_buf_addf(b, "digest FROM %s", k->table);
		break;
	case KS_DELETE:
		lb_buf_addf(b, "DELETE FROM %s WHERE ", k->table);
		for (i = 0, first = 1; i < k->ncols; i++)
			if (k->cols[i].flags & LB_COL_KEY) {
				lb_buf_addf(b, "%s%s = ?%zu", first ? "" :
				    " AND ", k->cols[i].name, i + 1);
				first = 0;
			}
		break;
	case KS_WHERE_FIRST:
		kind_sql(k, KS_SCAN, b);
		lb_buf_addf(b, " WHERE %s = ?1", k->cols[0].name);
		for (i = 0, first = 1; i < k->ncols; i++)
			if (k->cols[i].flags & LB_COL_KEY) {
				lb_buf_addf(b, "%s%s", first ? " ORDER BY " :
				    ", ", k->cols[i].name);
				first = 0;
			}
		break;
	default:
		break;
	}
}

static sqlite3_stmt *
kind_stmt(struct sq_store *s, const struct lb_kind *k, enum kstmt which,
    struct lb_err *e)
{
	struct lb_buf	 b;
	int		 ki, rc;

	if ((ki = kind_index(k)) == -1 || k->ncols > MAX_COLS) {
		lb_error(e, "kind %s has no storage", k->name);
		return NULL;
	}
	if (s->kind_stmt[ki][which] != NULL) {
		sqlite3_reset(s->kind_stmt[ki][which]);
		return s->kind_stmt[ki][which];
	}
	lb_buf_init(&b, 1 << 16);
	kind_sql(k, which, &b);
	if (lb_buf_error(&b) != 0) {
		lb_buf_free(&b);
		lb_error(e, "out of memory");
		return NULL;
	}
	rc = prepare(s, lb_buf_cstr(&b), &s->kind_stmt[ki][which], e);
	lb_buf_free(&b);
	return rc == 0 ? s->kind_stmt[ki][which] : NULL;
}

static int
bind_value(sqlite3_stmt *st, int i, const struct lb_value *v)
{
	if (v->null)
		return sqlite3_bind_null(st, i);
	if (v->s != NULL)
		return sqlite3_bind_text(st, i, v->s, (int)v->len,
		    SQLITE_STATIC);
	return sqlite3_bind_int64(st, i, v->i);
}

static int
sq_upsert(struct lb_store *base, const struct lb_kind *k,
    const struct lb_value *vals, const unsigned char *digest, int *changed,
    struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	if ((st = kind_stmt(s, k, KS_UPSERT, e)) == NULL)
		return -1;
	for (i = 0; i < k->ncols; i++)
		if (bind_value(st, (int)i + 1, &vals[i]) != SQLITE_OK)
			return db_error(s, e, k->table);
	sqlite3_bind_blob(st, (int)k->ncols + 1, digest, LB_HASH_LEN,
	    SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_clear_bindings(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, k->table);
	*changed = sqlite3_changes(s->db) > 0;
	return 0;
}

static int
sq_delete(struct lb_store *base, const struct lb_kind *k,
    const struct lb_value *vals, int *deleted, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	if ((st = kind_stmt(s, k, KS_DELETE, e)) == NULL)
		return -1;
	for (i = 0; i < k->ncols; i++)
		if ((k->cols[i].flags & LB_COL_KEY) &&
		    bind_value(st, (int)i + 1, &vals[i]) != SQLITE_OK)
			return db_error(s, e, k->table);
	rc = sqlite3_step(st);
	sqlite3_clear_bindings(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, k->table);
	*deleted = sqlite3_changes(s->db) > 0;
	return 0;
}

static int
sq_has_key(struct lb_store *base, const struct lb_kind *k, const char *key,
    size_t keylen, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = kind_stmt(s, k, KS_HAS_KEY, e)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, (int)keylen, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_error(s, e, k->table);
}

static int
sq_unique_owner(struct lb_store *base, const struct lb_kind *k, int col,
    const char *v, size_t vlen, char *owner, size_t ownerlen,
    struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	struct lb_buf	 b;
	sqlite3_stmt	*st;
	const unsigned char *txt;
	int		 ki, rc;

	if ((ki = kind_index(k)) == -1 || col < 0 || col >= MAX_COLS)
		return lb_error(e, "kind %s has no storage", k->name);
	if (s->unique_stmt[ki][col] == NULL) {
		lb_buf_init(&b, 1024);
		lb_buf_addf(&b, "SELECT %s FROM %s WHERE %s = ?1",
		    k->cols[0].name, k->table, k->cols[col].name);
		rc = lb_buf_error(&b) == 0 ? prepare(s, lb_buf_cstr(&b),
		    &s->unique_stmt[ki][col], e) : lb_error(e, "out of memory");
		lb_buf_free(&b);
		if (rc == -1)
			return -1;
	}
	st = s->unique_stmt[ki][col];
	sqlite3_bind_text(st, 1, v, (int)vlen, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		txt = sqlite3_column_text(st, 0);
		(void)snprintf(owner, ownerlen, "%s",
		    txt != NULL ? (const char *)txt : "");
		sqlite3_reset(st);
		return 1;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return db_error(s, e, k->table);
}

static int
sq_count(struct lb_store *base, const struct lb_kind *k, int64_t *n,
    struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = kind_stmt(s, k, KS_COUNT, e)) == NULL)
		return -1;
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : db_error(s, e, k->table);
}

static void
column_value(sqlite3_stmt *st, int i, struct lb_value *v)
{
	memset(v, 0, sizeof(*v));
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		v->null = 1;
		break;
	case SQLITE_INTEGER:
		v->i = sqlite3_column_int64(st, i);
		break;
	default:
		/* Text, or a blob/real planted behind Lifeboat's back: its
		 * bytes are what the digest then covers. */
		v->s = (const char *)sqlite3_column_blob(st, i);
		v->len = (size_t)sqlite3_column_bytes(st, i);
		if (v->s == NULL)
			v->s = "";
		break;
	}
}

static int
sq_rows_scan(struct lb_store *base, const struct lb_kind *k, lb_row_cb *cb,
    void *arg, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	struct lb_value	 vals[MAX_COLS];
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	if ((st = kind_stmt(s, k, KS_SCAN, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < k->ncols; i++)
			column_value(st, (int)i, &vals[i]);
		if (cb(arg, vals, sqlite3_column_blob(st, (int)k->ncols),
		    (size_t)sqlite3_column_bytes(st, (int)k->ncols)) == -1) {
			sqlite3_reset(st);
			return -1;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_error(s, e, k->table);
}

static int
run_simple(struct sq_store *s, sqlite3_stmt **st, const char *sql,
    struct lb_err *e)
{
	int	rc;

	if (prepare(s, sql, st, e) == -1)
		return -1;
	rc = sqlite3_step(*st);
	sqlite3_reset(*st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_error(s, e, sql);
	return 0;
}

/*
 * Snapshots nest: a caller may take one around several library calls that
 * take their own (the web server, around each GET), and only the outermost
 * begins and ends the transaction.
 */
static int
sq_read_begin(struct lb_store *base, struct lb_err *e)
{
	struct sq_store	*s = sq(base);

	if (s->read_depth++ > 0)
		return 0;
	/* A deferred transaction takes its snapshot at its first read. */
	if (run_simple(s, &s->rbegin, "BEGIN DEFERRED", e) == -1 ||
	    run_simple(s, &s->rtouch, "SELECT count(*) FROM meta", e) == -1) {
		if (sqlite3_get_autocommit(s->db) == 0)
			(void)run_simple(s, &s->commit, "COMMIT", NULL);
		s->read_depth = 0;
		return db_error(s, e, "read snapshot");
	}
	return 0;
}

static void
sq_read_end(struct lb_store *base)
{
	struct sq_store	*s = sq(base);

	if (s->read_depth == 0 || --s->read_depth > 0)
		return;
	if (sqlite3_get_autocommit(s->db) == 0)
		(void)run_simple(s, &s->commit, "COMMIT", NULL);
}

static int
sq_begin(struct lb_store *base, struct lb_err *e)
{
	return run_simple(sq(base), &sq(base)->begin, "BEGIN IMMEDIATE", e);
}

static int
sq_commit(struct lb_store *base, struct lb_err *e)
{
	return run_simple(sq(base), &sq(base)->commit, "COMMIT", e);
}

static void
sq_rollback(struct lb_store *base)
{
	struct lb_err	e;

	if (sqlite3_get_autocommit(sq(base)->db) == 0)
		(void)run_simple(sq(base), &sq(base)->rollback, "ROLLBACK", &e);
}

static int
sq_journal_head(struct lb_store *base, int64_t *seq,
    unsigned char hash[LB_HASH_LEN], struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	int		 rc;

	if (prepare(s, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1",
	    &s->j_head, e) == -1)
		return -1;
	rc = sqlite3_step(s->j_head);
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int64(s->j_head, 0);
		memset(hash, 0, LB_HASH_LEN);
		if (sqlite3_column_bytes(s->j_head, 1) == LB_HASH_LEN)
			memcpy(hash, sqlite3_column_blob(s->j_head, 1),
			    LB_HASH_LEN);
	} else {
		*seq = 0;
		memset(hash, 0, LB_HASH_LEN);
	}
	sqlite3_reset(s->j_head);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    db_error(s, e, "journal");
}

static int
sq_journal_add(struct lb_store *base, const struct lb_jentry *je,
    struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	sqlite3_stmt	*st;
	int		 rc;

	if (prepare(s, "INSERT INTO journal (seq, ts, actor, action, subject, "
	    "detail, nrows, content, prev, hash) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10)", &s->j_add, e) == -1)
		return -1;
	st = s->j_add;
	sqlite3_bind_int64(st, 1, je->seq);
	sqlite3_bind_text(st, 2, je->ts, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, je->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, je->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, je->subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, je->detail, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, je->nrows);
	sqlite3_bind_blob(st, 8, je->content, LB_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_blob(st, 9, je->prev, LB_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_blob(st, 10, je->hash, LB_HASH_LEN, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_clear_bindings(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_error(s, e, "journal");
}

static int
sq_journal_add_row(struct lb_store *base, const struct lb_jrow *jr,
    struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	sqlite3_stmt	*st;
	int		 rc;

	if (prepare(s, "INSERT INTO journal_row (seq, tbl, key, digest) "
	    "VALUES (?1, ?2, ?3, ?4)", &s->j_add_row, e) == -1)
		return -1;
	st = s->j_add_row;
	sqlite3_bind_int64(st, 1, jr->seq);
	sqlite3_bind_text(st, 2, jr->table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, jr->key, (int)jr->keylen, SQLITE_STATIC);
	if (jr->digest != NULL)
		sqlite3_bind_blob(st, 4, jr->digest, LB_HASH_LEN,
		    SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 4);
	rc = sqlite3_step(st);
	sqlite3_clear_bindings(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_error(s, e, "journal_row");
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *p = sqlite3_column_text(st, i);

	return p != NULL ? (const char *)p : "";
}

static void
col_hash(sqlite3_stmt *st, int i, unsigned char out[LB_HASH_LEN])
{
	memset(out, 0, LB_HASH_LEN);
	if (sqlite3_column_bytes(st, i) == LB_HASH_LEN)
		memcpy(out, sqlite3_column_blob(st, i), LB_HASH_LEN);
	else if (sqlite3_column_bytes(st, i) > 0)
		memset(out, 0xff, LB_HASH_LEN);	/* malformed: cannot match */
}

#define JENTRY_COLS "seq, ts, actor, action, subject, detail, nrows, " \
	"content, prev, hash"

static void
read_jentry(sqlite3_stmt *st, struct lb_jentry *je)
{
	je->seq = sqlite3_column_int64(st, 0);
	je->ts = col_text(st, 1);
	je->actor = col_text(st, 2);
	je->action = col_text(st, 3);
	je->subject = col_text(st, 4);
	je->detail = col_text(st, 5);
	je->nrows = sqlite3_column_int64(st, 6);
	col_hash(st, 7, je->content);
	col_hash(st, 8, je->prev);
	col_hash(st, 9, je->hash);
}

static int
sq_journal_scan(struct lb_store *base, lb_jentry_cb *ecb, lb_jrow_cb *rcb,
    void *arg, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	sqlite3_stmt	*je_st = NULL, *jr_st = NULL;
	struct lb_jentry je;
	struct lb_jrow	 jr;
	unsigned char	 dg[LB_HASH_LEN];
	int		 erc, rrc, ret = -1;

	if (sqlite3_prepare_v2(s->db, "SELECT " JENTRY_COLS " FROM journal "
	    "ORDER BY seq", -1, &je_st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "SELECT seq, tbl, key, digest FROM "
	    "journal_row ORDER BY rowid", -1, &jr_st, NULL) != SQLITE_OK) {
		db_error(s, e, "journal");
		goto out;
	}
	rrc = sqlite3_step(jr_st);
	while ((erc = sqlite3_step(je_st)) == SQLITE_ROW) {
		read_jentry(je_st, &je);
		/* Rows up to this entry's seq belong before it. */
		while (rrc == SQLITE_ROW &&
		    sqlite3_column_int64(jr_st, 0) <= je.seq) {
			jr.seq = sqlite3_column_int64(jr_st, 0);
			jr.table = col_text(jr_st, 1);
			jr.key = col_text(jr_st, 2);
			jr.keylen = (size_t)sqlite3_column_bytes(jr_st, 2);
			if (sqlite3_column_type(jr_st, 3) == SQLITE_NULL)
				jr.digest = NULL;
			else {
				col_hash(jr_st, 3, dg);
				jr.digest = dg;
			}
			if (rcb(arg, &jr) == -1)
				goto out;
			rrc = sqlite3_step(jr_st);
		}
		if (ecb(arg, &je) == -1)
			goto out;
	}
	if (erc != SQLITE_DONE) {
		db_error(s, e, "journal");
		goto out;
	}
	/* Rows left over belong to no entry: hand them over too. */
	while (rrc == SQLITE_ROW) {
		jr.seq = sqlite3_column_int64(jr_st, 0);
		jr.table = col_text(jr_st, 1);
		jr.key = col_text(jr_st, 2);
		jr.keylen = (size_t)sqlite3_column_bytes(jr_st, 2);
		jr.digest = NULL;
		if (sqlite3_column_type(jr_st, 3) != SQLITE_NULL) {
			col_hash(jr_st, 3, dg);
			jr.digest = dg;
		}
		if (rcb(arg, &jr) == -1)
			goto out;
		rrc = sqlite3_step(jr_st);
	}
	if (rrc != SQLITE_DONE) {
		db_error(s, e, "journal_row");
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(je_st);
	sqlite3_finalize(jr_st);
	return ret;
}

static int
sq_journal_get(struct lb_store *base, int64_t seq, lb_jentry_cb *cb,
    void *arg, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	struct lb_jentry je;
	int		 rc, found = 0;

	if (prepare(s, "SELECT " JENTRY_COLS " FROM journal WHERE seq = ?1",
	    &s->j_get, e) == -1)
		return -1;
	sqlite3_bind_int64(s->j_get, 1, seq);
	rc = sqlite3_step(s->j_get);
	if (rc == SQLITE_ROW) {
		read_jentry(s->j_get, &je);
		found = 1;
		if (cb(arg, &je) == -1) {
			sqlite3_reset(s->j_get);
			return -1;
		}
	}
	sqlite3_reset(s->j_get);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(s, e, "journal");
	return found;
}

static int
sq_journal_latest(struct lb_store *base, const char *action,
    lb_jentry_cb *cb, void *arg, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	struct lb_jentry je;
	int		 rc;

	if (prepare(s, "SELECT " JENTRY_COLS " FROM journal WHERE seq IN "
	    "(SELECT max(seq) FROM journal WHERE action = ?1 GROUP BY subject) "
	    "ORDER BY subject", &s->j_latest, e) == -1)
		return -1;
	sqlite3_bind_text(s->j_latest, 1, action, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s->j_latest)) == SQLITE_ROW) {
		read_jentry(s->j_latest, &je);
		if (cb(arg, &je) == -1) {
			sqlite3_reset(s->j_latest);
			return -1;
		}
	}
	sqlite3_reset(s->j_latest);
	return rc == SQLITE_DONE ? 0 : db_error(s, e, "journal");
}

static int
sq_meta_get(struct lb_store *base, const char *name, char *out,
    size_t outlen, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	int		 rc;

	if (prepare(s, "SELECT value FROM meta WHERE name = ?1", &s->meta_get,
	    e) == -1)
		return -1;
	sqlite3_bind_text(s->meta_get, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s->meta_get);
	if (rc == SQLITE_ROW)
		(void)snprintf(out, outlen, "%s", col_text(s->meta_get, 0));
	else if (outlen > 0)
		out[0] = '\0';
	sqlite3_reset(s->meta_get);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(s, e, "meta");
}

static int
sq_meta_set(struct lb_store *base, const char *name, const char *value,
    struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	int		 rc;

	if (prepare(s, "INSERT INTO meta (name, value) VALUES (?1, ?2) "
	    "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
	    &s->meta_set, e) == -1)
		return -1;
	sqlite3_bind_text(s->meta_set, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->meta_set, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(s->meta_set);
	sqlite3_reset(s->meta_set);
	return rc == SQLITE_DONE ? 0 : db_error(s, e, "meta");
}

static int
sq_schema_version(struct lb_store *base, int *version, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_error(s, e, "schema version");
	rc = sqlite3_step(st);
	*version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_error(s, e, "schema version");
}

static int
sq_migrate(struct lb_store *base, int to, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	char		 sql[64];
	char		*msg = NULL;
	int		 v;

	if (sq_schema_version(base, &v, e) == -1)
		return -1;
	if (to > (int)NMIGRATIONS)
		return lb_error(e, "no migration to schema %d", to);
	if (v > (int)NMIGRATIONS)
		return lb_error(e, "vault schema %d is newer than this lifeboat "
		    "(schema %zu): upgrade lifeboat", v, NMIGRATIONS);
	for (; v < to; v++) {
		if (sqlite3_exec(s->db, migrations[v], NULL, NULL, &msg) !=
		    SQLITE_OK) {
			lb_error(e, "migration to schema %d: %s", v + 1,
			    msg != NULL ? msg : "failed");
			sqlite3_free(msg);
			return -1;
		}
		(void)snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
		    v + 1);
		if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return db_error(s, e, "schema version");
	}
	return 0;
}

/*
 * Reading every page once: map the file instead of copying each page into
 * a cache that would only fill up (the import keeps ordinary reads, so its
 * resident memory stays small).
 */
static int
sq_scan_mode(struct lb_store *base, struct lb_err *e)
{
	struct sq_store	*s = sq(base);

	if (sqlite3_exec(s->db, "PRAGMA mmap_size = 17179869184;"
	    "PRAGMA cache_size = -8192;", NULL, NULL, NULL) != SQLITE_OK)
		return db_error(s, e, "scan mode");
	return 0;
}

/* The self-check, on its own read-only connection (a thread of its own). */
static int
run_check(const char *path, struct lb_err *e)
{
	sqlite3		*db = NULL;
	sqlite3_stmt	*st;
	const char	*r;
	int		 rc, ret = 0;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		ret = lb_error(e, "%s: %s", path, db != NULL ?
		    sqlite3_errmsg(db) : "cannot open");
		goto out;
	}
	sqlite3_busy_timeout(db, 30000);
	(void)sqlite3_exec(db, "PRAGMA mmap_size = 17179869184;"
	    "PRAGMA cache_size = -8192;", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL) !=
	    SQLITE_OK) {
		ret = lb_error(e, "quick_check: %s", sqlite3_errmsg(db));
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r = (const char *)sqlite3_column_text(st, 0);
		if (r != NULL && strcmp(r, "ok") != 0 && ret == 0)
			ret = lb_error(e, "database file is damaged: %s", r);
	}
	if (rc != SQLITE_DONE && ret == 0)
		ret = lb_error(e, "quick_check: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	if (ret == 0 && sqlite3_prepare_v2(db, "PRAGMA foreign_key_check",
	    -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			ret = lb_error(e, "row %lld of %s refers to a missing "
			    "row of %s", (long long)sqlite3_column_int64(st, 1),
			    col_text(st, 0), col_text(st, 2));
		sqlite3_finalize(st);
	}
out:
	sqlite3_close(db);
	return ret;
}

static void *
check_thread(void *arg)
{
	struct sq_store	*s = arg;

	s->check_rc = run_check(s->path, &s->check_err);
	return NULL;
}

static int
sq_check_start(struct lb_store *base, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	int		 rc;

	if (s->checking)
		return lb_error(e, "a check is already running");
	if ((rc = pthread_create(&s->checker, NULL, check_thread, s)) != 0)
		return lb_error(e, "cannot start the check: %s", strerror(rc));
	s->checking = 1;
	return 0;
}

static int
sq_check_wait(struct lb_store *base, struct lb_err *e)
{
	struct sq_store	*s = sq(base);

	if (!s->checking)
		return lb_error(e, "no check running");
	(void)pthread_join(s->checker, NULL);
	s->checking = 0;
	if (s->check_rc == -1) {
		if (e != NULL)
			*e = s->check_err;
		return -1;
	}
	return 0;
}

/*
 * Named read-only queries for reports.  The name picks a fixed SQL text;
 * arg is bound as ?1 (it may be unused).
 */
static const struct {
	const char	*name;
	const char	*sql;
} queries[] = {
	{ "shipments_by_status",
	    "SELECT count(*) FROM shipment WHERE status = ?1" },
	{ "shipments_arrived_no_entry",
	    "SELECT count(*) FROM shipment WHERE status IN ('arrived', 'held') "
	    "AND entry_number IS NULL" },
	{ "shipments_released_before",
	    "SELECT count(*) FROM shipment WHERE status = 'released' "
	    "AND release_date < ?1" },
	{ "employees_no_oob",
	    "SELECT count(*) FROM employee WHERE personal_email IS NULL "
	    "AND mobile IS NULL AND home_phone IS NULL AND sms_gateway IS NULL" },
	{ "clients_poa_expired",
	    "SELECT count(*) FROM client WHERE poa_expiry IS NOT NULL "
	    "AND poa_expiry < ?1" },
	{ "clients_no_poa",
	    "SELECT count(*) FROM client WHERE poa_expiry IS NULL" },
	{ "clients_no_contact",
	    "SELECT count(*) FROM client c WHERE NOT EXISTS (SELECT 1 FROM "
	    "contact t WHERE t.importer_number = c.importer_number)" },
	{ "shipments_pga",
	    "SELECT count(*) FROM shipment WHERE pga_flags IS NOT NULL "
	    "AND status NOT IN ('released', 'cancelled')" },
	/* Entries after seq ?2 that change data, not sign-in events. */
	{ "journal_changes_since",
	    "SELECT count(*) FROM journal WHERE seq > ?2 AND action NOT IN "
	    "('login.ok', 'login.fail', 'logout', 'access.denied')" },
	{ "journal_rows",
	    "SELECT coalesce(max(rowid), 0) FROM journal_row" },
	{ "setting_int",
	    "SELECT CAST(value AS INTEGER) FROM setting WHERE name = ?1" },
	/* The entry-number reserve: ?1 filer, ?2 and ?3 a serial range. */
	{ "serial_taken",
	    "SELECT 1 FROM entry_use WHERE filer = ?1 AND serial = ?2" },
	{ "serial_max",
	    "SELECT max(serial) FROM entry_use WHERE filer = ?1 "
	    "AND serial BETWEEN ?2 AND ?3" },
	{ "serial_gap",
	    "SELECT u.serial + 1 FROM entry_use u WHERE u.filer = ?1 "
	    "AND u.serial BETWEEN ?2 AND ?3 - 1 AND NOT EXISTS (SELECT 1 FROM "
	    "entry_use v WHERE v.filer = ?1 AND v.serial = u.serial + 1) "
	    "ORDER BY u.serial LIMIT 1" },
	{ "serials_in",
	    "SELECT count(*) FROM entry_use WHERE filer = ?1 "
	    "AND serial BETWEEN ?2 AND ?3" },
	{ "block_overlap",
	    "SELECT first FROM entry_block WHERE filer = ?1 AND first <= ?3 "
	    "AND last >= ?2 LIMIT 1" },
	{ "block_after",
	    "SELECT min(first) FROM entry_block WHERE filer = ?1 "
	    "AND first > ?2" },
	{ "block_last",
	    "SELECT last FROM entry_block WHERE filer = ?1 AND first = ?2" },
	{ "block_of",
	    "SELECT first FROM entry_block WHERE filer = ?1 AND first <= ?2 "
	    "AND last >= ?2 LIMIT 1" },
};

/*
 * Named read-only queries returning rows, for reports that join kinds (the
 * deadlines, the recovery queue).  ?1 is a text (NULL when not given), ?2
 * and ?3 integers; each row reaches the callback as ncols values.
 */
static const struct {
	const char	*name;
	const char	*sql;
} row_queries[] = {
	/*
	 * What the deadlines read, one pass each (agenda.c): released
	 * shipments (?1 an importer number, or NULL for all); the duty of
	 * every line; the clients on PMS; the recovery tasks done.
	 */
	{ "released_shipments",
	    "SELECT ref, importer_number, release_date, entry_number, "
	    "port_entry, summary_date, rowid FROM shipment WHERE status = "
	    "'released' AND release_date IS NOT NULL AND (?1 IS NULL OR "
	    "importer_number = ?1) ORDER BY ref" },
	{ "line_duties",
	    "SELECT shipment_ref, duty FROM line WHERE duty IS NOT NULL "
	    "ORDER BY shipment_ref" },
	{ "pms_clients",
	    "SELECT importer_number FROM client WHERE pms = 1" },
	{ "recovery_done",
	    "SELECT shipment_ref, task, state FROM recovery WHERE state IN "
	    "('transmitted', 'accepted')" },
	/* The recovery queue: every shipment that drew a number of the
	 * reserve, was released on paper, or has a task recorded, times the
	 * three tasks; ?1 a state or NULL for all. */
	{ "recovery_queue",
	    "WITH q(ref) AS (SELECT shipment_ref FROM entry_use WHERE "
	    "state = 'drawn' AND shipment_ref IS NOT NULL UNION SELECT "
	    "shipment_ref FROM recovery UNION SELECT shipment_ref FROM "
	    "paper_release), t(task, ord) AS (VALUES "
	    "('release', 1), ('summary', 2), ('statement', 3)) "
	    "SELECT q.ref, t.task, coalesce(r.entry_number, "
	    "(SELECT number FROM entry_use WHERE shipment_ref = q.ref AND "
	    "state = 'drawn'), s.entry_number), coalesce(r.state, 'pending'), "
	    "r.reason, r.at, "
	    "r.actor, s.status, s.importer_number, s.port_entry, s.mode, "
	    "s.carrier_scac, s.bill, s.release_date, s.entered_value, "
	    "(SELECT at FROM entry_use WHERE shipment_ref = q.ref AND "
	    "state = 'drawn') FROM q CROSS JOIN t LEFT JOIN recovery r ON "
	    "r.shipment_ref = q.ref AND r.task = t.task LEFT JOIN shipment s "
	    "ON s.ref = q.ref WHERE ?1 IS NULL OR coalesce(r.state, "
	    "'pending') = ?1 ORDER BY q.ref, t.ord" },
	/*
	 * A page of shipments for the web (query_vals): ?1 the last ref of
	 * the page before (NULL: from the start), ?2 one importer, ?3 one
	 * status, ?4 text found, in any case (ASCII: LIKE, its wildcards
	 * escaped), in the ref, entry number, bill or the importer's name
	 * (each NULL for all), ?5 the page size, ?6 1
	 * for only those waiting for an entry number (arrived or held, none
	 * drawn), ?7 1 for only open ones subject to partner government
	 * agencies; the importer's name last.
	 */
	{ "shipments_page",
	    "WITH p(pat) AS (SELECT '%' || replace(replace(replace(?4, '\\', "
	    "'\\\\'), '%', '\\%'), '_', '\\_') || '%') "
	    "SELECT s.ref, s.importer_number, s.status, s.mode, "
	    "s.entry_number, s.entry_type, s.port_entry, s.arrival_date, "
	    "s.release_date, s.entered_value, s.bill, s.carrier_scac, "
	    "s.summary_date, c.name FROM p, shipment s LEFT JOIN client c ON "
	    "c.importer_number = s.importer_number "
	    "WHERE (?1 IS NULL OR s.ref > ?1) AND (?2 IS NULL OR "
	    "s.importer_number = ?2) AND (?3 IS NULL OR s.status = ?3) AND "
	    "(?4 IS NULL OR s.ref LIKE p.pat ESCAPE '\\' OR s.entry_number "
	    "LIKE p.pat ESCAPE '\\' OR s.bill LIKE p.pat ESCAPE '\\' OR "
	    "c.name LIKE p.pat ESCAPE '\\') AND "
	    "(coalesce(?6, 0) = 0 OR (s.entry_number IS NULL AND s.status IN "
	    "('arrived', 'held'))) AND (coalesce(?7, 0) = 0 OR (s.pga_flags "
	    "IS NOT NULL AND s.status NOT IN ('released', 'cancelled'))) "
	    "ORDER BY s.ref LIMIT ?5" },
	/*
	 * The web workspace (issue 9).  The shipments matching the web's
	 * filters, counted: ?1 one importer, ?2 one status, ?3 text (as in
	 * shipments_page), ?4 1 for only those waiting for an entry number
	 * (arrived or held, none drawn), ?5 1 for only open ones subject to
	 * partner government agencies.
	 */
	{ "shipments_count",
	    "WITH p(pat) AS (SELECT '%' || replace(replace(replace(?3, '\\', "
	    "'\\\\'), '%', '\\%'), '_', '\\_') || '%'), m(imp) AS (SELECT "
	    "importer_number FROM client, p WHERE name LIKE p.pat ESCAPE "
	    "'\\') "
	    "SELECT count(*) FROM p, shipment s WHERE (?1 IS NULL OR "
	    "s.importer_number = ?1) AND (?2 IS NULL OR s.status = ?2) AND "
	    "(?3 IS NULL OR s.ref LIKE p.pat ESCAPE '\\' OR s.entry_number "
	    "LIKE p.pat ESCAPE '\\' OR s.bill LIKE p.pat ESCAPE '\\' OR "
	    "s.importer_number IN m) AND (coalesce(?4, 0) = 0 OR "
	    "(s.entry_number IS NULL AND s.status IN ('arrived', 'held'))) "
	    "AND (coalesce(?5, 0) = 0 OR (s.pga_flags IS NOT NULL AND "
	    "s.status NOT IN ('released', 'cancelled')))" },
	/*
	 * The journal entries about one subject (?1), newest first, at most
	 * ?2.  The index on (action, subject, seq) is reached once per
	 * distinct action (a loose index scan: a few dozen seeks), not by
	 * reading the whole journal.
	 */
	{ "journal_by_subject",
	    "WITH RECURSIVE a(action) AS (SELECT min(action) FROM journal "
	    "UNION ALL SELECT (SELECT min(action) FROM journal WHERE action > "
	    "a.action) FROM a WHERE a.action IS NOT NULL) SELECT j.seq, j.ts, "
	    "j.actor, j.action, j.detail FROM a JOIN journal j ON j.action = "
	    "a.action AND j.subject = ?1 ORDER BY j.seq DESC LIMIT ?2" },
	/* Employees (?1 1: only those with no contact outside the broker's
	 * systems), by name, at most ?2. */
	{ "employees_list",
	    "SELECT employee_id, name, role, office, work_email, "
	    "(personal_email IS NOT NULL OR mobile IS NOT NULL OR home_phone "
	    "IS NOT NULL OR sms_gateway IS NOT NULL) FROM employee WHERE ?1 = "
	    "0 OR (personal_email IS NULL AND mobile IS NULL AND home_phone IS "
	    "NULL AND sms_gateway IS NULL) ORDER BY name, employee_id "
	    "LIMIT ?2" },
	/* Clients (?1 a date: only those whose power of attorney expired
	 * before it; ?2 1: only those without a contact), by name, at most
	 * ?3. */
	{ "clients_list",
	    "SELECT c.importer_number, c.name, c.city, c.state, c.poa_expiry, "
	    "(SELECT count(*) FROM contact t WHERE t.importer_number = "
	    "c.importer_number) AS n FROM client c WHERE (?1 IS NULL OR "
	    "(c.poa_expiry IS NOT NULL AND c.poa_expiry < ?1)) AND (?2 = 0 OR "
	    "NOT EXISTS (SELECT 1 FROM contact t WHERE t.importer_number = "
	    "c.importer_number)) ORDER BY c.name, c.importer_number "
	    "LIMIT ?3" },
	/* The contacts of one client (?1), those to notify first. */
	{ "client_contacts",
	    "SELECT name, role, email, phone, mobile FROM contact WHERE "
	    "importer_number = ?1 ORDER BY coalesce(notify, 1) DESC, name "
	    "LIMIT 5" },
	/* The recovery tasks of one shipment (?1), as recovery_queue. */
	{ "shipment_recovery",
	    "WITH t(task, ord) AS (VALUES ('release', 1), ('summary', 2), "
	    "('statement', 3)) SELECT t.task, coalesce(r.state, 'pending'), "
	    "r.reason, r.at, r.actor FROM t LEFT JOIN recovery r ON "
	    "r.shipment_ref = ?1 AND r.task = t.task WHERE EXISTS (SELECT 1 "
	    "FROM entry_use WHERE shipment_ref = ?1 AND state = 'drawn') OR "
	    "EXISTS (SELECT 1 FROM recovery WHERE shipment_ref = ?1) "
	    "ORDER BY t.ord" },
	/*
	 * The deadlines of issue 9 (agenda.c): arrived or held shipments not
	 * released (the 15-day entry, ?1 an importer or NULL), the
	 * statements, and which shipment is on which statement.
	 */
	{ "arrived_shipments",
	    "SELECT ref, importer_number, arrival_date, entry_number, "
	    "port_entry FROM shipment WHERE status IN ('arrived', 'held') "
	    "AND release_date IS NULL AND arrival_date IS NOT NULL AND "
	    "(?1 IS NULL OR importer_number = ?1) ORDER BY ref" },
	{ "statement_rows",
	    "SELECT statement_number, type, statement_date, due_date, "
	    "authorized_date, paid_date FROM statement" },
	/* By rowid: the partial index shipment_statement covers it. */
	{ "shipment_statements",
	    "SELECT rowid, statement_number FROM shipment WHERE "
	    "statement_number IS NOT NULL" },
};
#define NROW_QUERIES	(sizeof(row_queries) / sizeof(row_queries[0]))
_Static_assert(NROW_QUERIES <= sizeof(((struct sq_store *)0)->row_stmt) /
    sizeof(sqlite3_stmt *), "room for every row query's statement");

/*
 * A named row query with its parameters given as values (NULL, text or
 * integer, bound in order to ?1, ?2...), on a statement kept prepared.
 */
static int
sq_query_vals(struct lb_store *base, const char *name,
    const struct lb_value *params, size_t np, lb_vals_cb *cb, void *arg,
    struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	struct lb_value	 vals[MAX_COLS];
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc, n, own = 0;

	for (i = 0; i < NROW_QUERIES; i++)
		if (strcmp(row_queries[i].name, name) == 0)
			break;
	if (i == NROW_QUERIES)
		return lb_error(e, "unknown query %s", name);
	if (s->row_stmt[i] != NULL && sqlite3_stmt_busy(s->row_stmt[i])) {
		/* Run from a callback of itself: a statement of its own. */
		if (sqlite3_prepare_v2(s->db, row_queries[i].sql, -1, &st,
		    NULL) != SQLITE_OK)
			return db_error(s, e, name);
		own = 1;
	} else {
		if (prepare(s, row_queries[i].sql, &s->row_stmt[i], e) == -1)
			return -1;
		st = s->row_stmt[i];
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	if ((int)np > sqlite3_bind_parameter_count(st)) {
		rc = lb_error(e, "query %s: too many parameters", name);
		goto done;
	}
	for (i = 0; i < np; i++)
		(void)bind_value(st, (int)i + 1, &params[i]);
	n = sqlite3_column_count(st);
	assert(n <= MAX_COLS);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < (size_t)n; i++)
			column_value(st, (int)i, &vals[i]);
		if (cb(arg, vals, (size_t)n) == -1)
			break;
	}
	rc = rc == SQLITE_DONE ? 0 : rc == SQLITE_ROW ? -1 :
	    db_error(s, e, name);
done:
	if (own)
		sqlite3_finalize(st);
	else {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	return rc;
}

/* How many parameters named row query name has (-1: no such query). */
static int
row_query_params(const char *name)
{
	size_t	i;
	int	n = 0;
	const char *p;

	for (i = 0; i < NROW_QUERIES; i++)
		if (strcmp(row_queries[i].name, name) == 0)
			break;
	if (i == NROW_QUERIES)
		return -1;
	for (p = row_queries[i].sql; (p = strchr(p, '?')) != NULL; p++)
		if (p[1] >= '1' && p[1] <= '9' && p[1] - '0' > n)
			n = p[1] - '0';
	return n;
}

static int
sq_query_rows(struct lb_store *base, const char *name, const char *text,
    int64_t a, int64_t b, lb_vals_cb *cb, void *arg, struct lb_err *e)
{
	struct lb_value	p[3];
	int		np;

	/* The same query, its parameters as values: ?1 text, ?2, ?3. */
	memset(p, 0, sizeof(p));
	p[0].null = text == NULL;
	p[0].s = text != NULL ? text : "";
	p[0].len = text != NULL ? strlen(text) : 0;
	p[1].i = a;
	p[2].i = b;
	np = row_query_params(name);
	return sq_query_vals(base, name, p, (size_t)(np < 0 ? 0 : np > 3 ? 3 :
	    np), cb, arg, e);
}

static int
sq_query3(struct lb_store *base, const char *name, const char *text,
    int64_t a, int64_t b, int64_t *out, struct lb_err *e)
{
	struct sq_store	*s = sq(base);
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof(queries) / sizeof(queries[0]); i++)
		if (strcmp(queries[i].name, name) == 0)
			break;
	if (i == sizeof(queries) / sizeof(queries[0]))
		return lb_error(e, "unknown query %s", name);
	if (sqlite3_prepare_v2(s->db, queries[i].sql, -1, &st, NULL) !=
	    SQLITE_OK)
		return db_error(s, e, name);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, a);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int64(st, 3, b);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) == SQLITE_NULL)
			rc = SQLITE_DONE;	/* max() of nothing */
		else
			*out = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(s, e, name);
}

static int
sq_query_int(struct lb_store *base, const char *name, const char *arg,
    int64_t *out, struct lb_err *e)
{
	return sq_query3(base, name, arg, 0, 0, out, e);
}

/*
 * The rows of kind k whose first column is key, in key order: all of them
 * (rows_by), or the first (get_row, for single-column keys).  Returns the
 * number of rows reported.
 */
static int
rows_where_first(struct sq_store *s, const struct lb_kind *k,
    const char *key, size_t keylen, int all, lb_row_cb *cb, void *arg,
    struct lb_err *e)
{
	struct lb_value	 vals[MAX_COLS];
	struct lb_buf	 b;
	sqlite3_stmt	*st = NULL;
	size_t		 i;
	int		 rc, n = 0, ki, own = 0;

	if ((ki = kind_index(k)) == -1 || k->ncols > MAX_COLS)
		return lb_error(e, "kind %s has no storage", k->name);
	/*
	 * The cached statement, unless a caller up the stack is still
	 * stepping it (a callback reading the same kind): then a fresh one.
	 */
	if (s->kind_stmt[ki][KS_WHERE_FIRST] == NULL ||
	    !sqlite3_stmt_busy(s->kind_stmt[ki][KS_WHERE_FIRST])) {
		if ((st = kind_stmt(s, k, KS_WHERE_FIRST, e)) == NULL)
			return -1;
	} else {
		lb_buf_init(&b, 1 << 16);
		kind_sql(k, KS_WHERE_FIRST, &b);
		if (lb_buf_error(&b) != 0 || sqlite3_prepare_v2(s->db,
		    lb_buf_cstr(&b), -1, &st, NULL) != SQLITE_OK) {
			lb_buf_free(&b);
			return db_error(s, e, k->table);
		}
		lb_buf_free(&b);
		own = 1;
	}
	sqlite3_bind_text(st, 1, key, (int)keylen, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < k->ncols; i++)
			column_value(st, (int)i, &vals[i]);
		n++;
		if (cb(arg, vals, sqlite3_column_blob(st, (int)k->ncols),
		    (size_t)sqlite3_column_bytes(st, (int)k->ncols)) == -1) {
			n = -1;
			rc = SQLITE_DONE;
			break;
		}
		if (!all) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		n = db_error(s, e, k->table);
	if (own)
		sqlite3_finalize(st);
	else {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	return n;
}

static int
sq_get_row(struct lb_store *base, const struct lb_kind *k, const char *key,
    size_t keylen, lb_row_cb *cb, void *arg, struct lb_err *e)
{
	return rows_where_first(sq(base), k, key, keylen, 0, cb, arg, e);
}

static int
sq_rows_by(struct lb_store *base, const struct lb_kind *k, const char *key,
    size_t keylen, lb_row_cb *cb, void *arg, struct lb_err *e)
{
	return rows_where_first(sq(base), k, key, keylen, 1, cb, arg, e);
}

static void
sq_close(struct lb_store *base)
{
	struct sq_store	*s = sq(base);
	sqlite3_stmt	*st;

	if (s == NULL)
		return;
	if (s->checking)
		(void)sq_check_wait(base, NULL);
	sq_rollback(base);
	while ((st = sqlite3_next_stmt(s->db, NULL)) != NULL)
		sqlite3_finalize(st);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

static const struct lb_store_ops sqlite_ops = {
	.name = "sqlite",
	.close = sq_close,
	.read_begin = sq_read_begin,
	.read_end = sq_read_end,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.upsert = sq_upsert,
	.delete_row = sq_delete,
	.has_key = sq_has_key,
	.unique_owner = sq_unique_owner,
	.count = sq_count,
	.rows_scan = sq_rows_scan,
	.journal_head = sq_journal_head,
	.journal_add = sq_journal_add,
	.journal_add_row = sq_journal_add_row,
	.journal_scan = sq_journal_scan,
	.journal_get = sq_journal_get,
	.journal_latest = sq_journal_latest,
	.meta_get = sq_meta_get,
	.meta_set = sq_meta_set,
	.schema_version = sq_schema_version,
	.migrate = sq_migrate,
	.scan_mode = sq_scan_mode,
	.check_start = sq_check_start,
	.check_wait = sq_check_wait,
	.query_int = sq_query_int,
	.query3 = sq_query3,
	.get_row = sq_get_row,
	.rows_by = sq_rows_by,
	.query_rows = sq_query_rows,
	.query_vals = sq_query_vals,
};

int
lb_store_sqlite_open(const char *path, int create, struct lb_store **out,
    struct lb_err *e)
{
	static const char *pragmas =
	    "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = FULL;"
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA cache_size = -65536;"
	    "PRAGMA temp_store = MEMORY;"
	    "PRAGMA trusted_schema = OFF;";
	struct sq_store	*s;
	int		 flags, fd;

	*out = NULL;
	if (create) {
		/* Create the file ourselves so it is 0600 from the start. */
		fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd == -1)
			return lb_error(e, "%s: %s", path, strerror(errno));
		close(fd);
	}
	if ((s = lb_calloc(1, sizeof(*s))) == NULL)
		return lb_error(e, "out of memory");
	s->base.ops = &sqlite_ops;
	if ((s->path = lb_strndup(path, strlen(path))) == NULL) {
		free(s);
		return lb_error(e, "out of memory");
	}
	/* One connection is used by one thread: no mutexes needed. */
	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
	    SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		lb_error(e, "%s: %s", path, s->db != NULL ?
		    sqlite3_errmsg(s->db) : "cannot open");
		sqlite3_close(s->db);
		free(s->path);
		free(s);
		return -1;
	}
	sqlite3_busy_timeout(s->db, 30000);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	if (sqlite3_exec(s->db, pragmas, NULL, NULL, NULL) != SQLITE_OK) {
		lb_error(e, "%s: %s", path, sqlite3_errmsg(s->db));
		sq_close(&s->base);
		return -1;
	}
	*out = &s->base;
	return 0;
}
