/*
 * store.h: the storage interface.
 *
 * Everything the vault keeps goes through a struct lb_store, a table of
 * operations like SQLite's VFS, so that each backend (SQLite now,
 * PostgreSQL for multi-site brokers later) is one file and the rest of the
 * library never sees SQL.  Every statement a backend runs is fixed text or
 * built from the compile-time descriptors of kind.h, with values bound as
 * parameters: nothing from outside ever becomes SQL.
 *
 * Writes happen only between begin() and commit()/rollback(); the journal
 * module (journal.h) is the one caller of begin, so that every change is
 * journaled in its own transaction.
 */
#ifndef LB_STORE_H
#define LB_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "kind.h"

#define LB_HASH_LEN	32	/* BLAKE2b-256 */

/* A journal entry as stored. Strings are NUL-terminated, owned by the store
 * (valid during the callback) or by the caller (when adding). */
struct lb_jentry {
	int64_t		 seq;
	const char	*ts;
	const char	*actor;
	const char	*action;
	const char	*subject;
	const char	*detail;
	int64_t		 nrows;
	unsigned char	 content[LB_HASH_LEN];
	unsigned char	 prev[LB_HASH_LEN];
	unsigned char	 hash[LB_HASH_LEN];
};

/* One row change bound to a journal entry; digest NULL means deleted. */
struct lb_jrow {
	int64_t		 seq;
	const char	*table;
	const char	*key;
	size_t		 keylen;
	const unsigned char *digest;
};

/* Callbacks return 0 to go on, -1 to stop the scan (which then returns -1). */
typedef int	lb_jentry_cb(void *arg, const struct lb_jentry *);
typedef int	lb_jrow_cb(void *arg, const struct lb_jrow *);
typedef int	lb_row_cb(void *arg, const struct lb_value *vals,
		    const unsigned char *digest, size_t digestlen);
typedef int	lb_vals_cb(void *arg, const struct lb_value *vals, size_t n);

struct lb_store;

struct lb_store_ops {
	const char *name;
	void	(*close)(struct lb_store *);

	/*
	 * Read snapshot: between read_begin and read_end every read sees the
	 * vault as committed at read_begin, whatever writers do meanwhile.
	 */
	int	(*read_begin)(struct lb_store *, struct lb_err *);
	void	(*read_end)(struct lb_store *);

	/* Write transaction: immediate, so concurrent writers queue. */
	int	(*begin)(struct lb_store *, struct lb_err *);
	int	(*commit)(struct lb_store *, struct lb_err *);
	void	(*rollback)(struct lb_store *);

	/*
	 * Insert or replace the row of kind k whose key is in vals (all of
	 * k's columns in descriptor order).  *changed is 0 when a row with
	 * this key already held exactly this digest (nothing written).
	 */
	int	(*upsert)(struct lb_store *, const struct lb_kind *k,
		    const struct lb_value *vals, const unsigned char *digest,
		    int *changed, struct lb_err *);
	/*
	 * Delete the row of kind k whose key columns are those of vals
	 * (other columns ignored); *deleted 0 when there was none.
	 */
	int	(*delete_row)(struct lb_store *, const struct lb_kind *k,
		    const struct lb_value *vals, int *deleted, struct lb_err *);
	/* 1 when kind k has a row whose (single-column) key is key, 0 if not. */
	int	(*has_key)(struct lb_store *, const struct lb_kind *k,
		    const char *key, size_t keylen, struct lb_err *);
	/*
	 * For a unique column: 1 and the owning row's key (NUL-terminated, at
	 * most ownerlen-1 bytes) when some row holds value v in column col,
	 * 0 when none does.
	 */
	int	(*unique_owner)(struct lb_store *, const struct lb_kind *k,
		    int col, const char *v, size_t vlen, char *owner,
		    size_t ownerlen, struct lb_err *);
	int	(*count)(struct lb_store *, const struct lb_kind *k,
		    int64_t *n, struct lb_err *);
	/* Every row of kind k, with its stored digest, in key order. */
	int	(*rows_scan)(struct lb_store *, const struct lb_kind *k,
		    lb_row_cb *, void *arg, struct lb_err *);

	/* The last journal entry; 0 and *seq = 0 when the journal is empty. */
	int	(*journal_head)(struct lb_store *, int64_t *seq,
		    unsigned char hash[LB_HASH_LEN], struct lb_err *);
	int	(*journal_add)(struct lb_store *, const struct lb_jentry *,
		    struct lb_err *);
	int	(*journal_add_row)(struct lb_store *, const struct lb_jrow *,
		    struct lb_err *);
	/*
	 * Every journal entry in seq order and every journal row in the order
	 * written; rows of an entry are reported before the entry itself.
	 */
	int	(*journal_scan)(struct lb_store *, lb_jentry_cb *, lb_jrow_cb *,
		    void *arg, struct lb_err *);
	/* The entry with this seq: 1 found, 0 none. */
	int	(*journal_get)(struct lb_store *, int64_t seq,
		    lb_jentry_cb *, void *arg, struct lb_err *);
	/* Latest entry per subject for an action (e.g. last import per kind). */
	int	(*journal_latest)(struct lb_store *, const char *action,
		    lb_jentry_cb *, void *arg, struct lb_err *);

	/* Vault-wide facts stored outside the kinds (vault id, versions). */
	int	(*meta_get)(struct lb_store *, const char *name, char *out,
		    size_t outlen, struct lb_err *);
	int	(*meta_set)(struct lb_store *, const char *name,
		    const char *value, struct lb_err *);

	/* Schema version of the store; 0 for an empty store. */
	int	(*schema_version)(struct lb_store *, int *version,
		    struct lb_err *);
	/* Apply the migrations up to version `to`, inside begin/commit. */
	int	(*migrate)(struct lb_store *, int to, struct lb_err *);

	/*
	 * Prepare for reading everything once (verification): the backend
	 * may trade memory or caching for sequential speed.
	 */
	int	(*scan_mode)(struct lb_store *, struct lb_err *);

	/*
	 * Backend self-check (SQLite: quick_check and foreign keys), run in
	 * the background on a connection of its own while the caller goes on:
	 * check_start launches it, check_wait waits for its verdict (0 sound,
	 * -1 with the problem in *e).  The check reads the file as committed
	 * when it starts; the caller's own reading is not disturbed.
	 */
	int	(*check_start)(struct lb_store *, struct lb_err *);
	int	(*check_wait)(struct lb_store *, struct lb_err *);
	/*
	 * Named read-only queries (the names are listed in store_sqlite.c):
	 * query_int binds arg as the text parameter; query3 binds a text and
	 * two integers.  1 and *out set when a row came back, 0 when none.
	 */
	int	(*query_int)(struct lb_store *, const char *name,
		    const char *arg, int64_t *out, struct lb_err *);
	int	(*query3)(struct lb_store *, const char *name, const char *s,
		    int64_t a, int64_t b, int64_t *out, struct lb_err *);
	/* The row of kind k whose (single-column) key is key: 1 found, 0 not. */
	int	(*get_row)(struct lb_store *, const struct lb_kind *k,
		    const char *key, size_t keylen, lb_row_cb *, void *arg,
		    struct lb_err *);
	/*
	 * Every row of kind k whose first column is key (the lines of one
	 * shipment), in key order.  Returns how many were reported.
	 */
	int	(*rows_by)(struct lb_store *, const struct lb_kind *k,
		    const char *key, size_t keylen, lb_row_cb *, void *arg,
		    struct lb_err *);
	/*
	 * Named read-only queries returning rows (reports joining kinds;
	 * the names and their columns are listed in store_sqlite.c): binds
	 * s (NULL allowed) and the integers a and b.
	 */
	int	(*query_rows)(struct lb_store *, const char *name, const char *s,
		    int64_t a, int64_t b, lb_vals_cb *, void *arg,
		    struct lb_err *);
	/*
	 * The same with any number of parameters, given as values (a NULL
	 * value binds NULL), on a statement kept prepared: for the queries
	 * the web server runs on every request.
	 */
	int	(*query_vals)(struct lb_store *, const char *name,
		    const struct lb_value *params, size_t nparams, lb_vals_cb *,
		    void *arg, struct lb_err *);
};

struct lb_store {
	const struct lb_store_ops *ops;
};

/* Schema version this build writes; opening older vaults migrates them. */
#define LB_SCHEMA_VERSION	6

/*
 * Open the SQLite store at path (creating the file, mode 0600, when
 * `create`).  The schema is not touched: see the schema_version and
 * migrate operations, which lb_vault_open() runs in a journaled change.
 */
int	lb_store_sqlite_open(const char *path, int create,
	    struct lb_store **, struct lb_err *);

#endif
