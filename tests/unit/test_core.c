/*
 * test_core.c: the vault core: descriptors against the schema, row digests,
 * the journal hash (known answers), checkpoints, the key set and the state
 * map, and a journaled change committed and aborted.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "buf.h"
#include "journal.h"
#include "keyset.h"
#include "kind.h"
#include "state.h"
#include "vault.h"
#include "verify.h"

static char tmpdir[64];

static int
setup(void **state)
{
	(void)state;
	if (sodium_init() == -1)
		return -1;
	(void)snprintf(tmpdir, sizeof(tmpdir), "/tmp/lbcoreXXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char	cmd[128];

	(void)state;
	(void)snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static struct lb_vault *
new_vault(const char *name)
{
	struct lb_who	 who = { "test", 1795000000 };
	struct lb_vault	*v;
	struct lb_err	 e;
	char		 dir[128];

	(void)snprintf(dir, sizeof(dir), "%s/%s", tmpdir, name);
	if (lb_vault_create(dir, &who, &v, &e) == -1)
		fail_msg("create: %s", e.msg);
	return v;
}

/* Every descriptor column exists in its table with the declared type. */
static void
test_descriptors_match_schema(void **state)
{
	struct lb_vault	*v = new_vault("schema");
	sqlite3		*db;
	sqlite3_stmt	*st;
	char		 path[160], sql[128];
	size_t		 i, j, found;

	(void)state;
	(void)snprintf(path, sizeof(path), "%s/vault.db", v->dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (i = 0; i < lb_nkinds; i++) {
		const struct lb_kind *k = lb_kinds[i];

		(void)snprintf(sql, sizeof(sql), "PRAGMA table_info(%s)",
		    k->table);
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
		    SQLITE_OK);
		found = 0;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 1);
			const char *type = (const char *)sqlite3_column_text(st, 2);
			int notnull = sqlite3_column_int(st, 3);

			if (strcmp(name, "digest") == 0)
				continue;
			j = (size_t)lb_kind_col(k, name);
			if ((int)j == -1)
				fail_msg("%s.%s is not in the descriptor",
				    k->table, name);
			found++;
			assert_string_equal(type, k->cols[j].store == LB_ST_INT ?
			    "INTEGER" : "TEXT");
			if (k->cols[j].flags & (LB_COL_REQUIRED | LB_COL_DERIVED))
				assert_int_equal(notnull, 1);
			else
				assert_int_equal(notnull, 0);
		}
		sqlite3_finalize(st);
		assert_int_equal(found, k->ncols);
	}
	sqlite3_close(db);
	lb_vault_close(v);
}

static void
test_row_digest_binds_every_column(void **state)
{
	const struct lb_kind *k = lb_kind_find("settings");
	struct lb_value	 a[2], b[2];
	unsigned char	 da[LB_HASH_LEN], db[LB_HASH_LEN];

	(void)state;
	memset(a, 0, sizeof(a));
	a[0].s = "stale_hours"; a[0].len = 11;
	a[1].s = "24"; a[1].len = 2;
	memcpy(b, a, sizeof(a));
	lb_row_digest(k, a, da);
	{
		struct lb_buf	hex;

		/* Known answer, computed independently with Python's hashlib
		 * from the format in journal.h. */
		lb_buf_init(&hex, 128);
		lb_buf_add_hex(&hex, da, LB_HASH_LEN);
		assert_string_equal(lb_buf_cstr(&hex), "5971c3f59653a94d0322674dc"
		    "29ead99fd30990421db27a79a263b78ddd44a95");
		lb_buf_free(&hex);
	}
	lb_row_digest(k, b, db);
	assert_memory_equal(da, db, LB_HASH_LEN);
	b[1].s = "25";
	lb_row_digest(k, b, db);
	assert_memory_not_equal(da, db, LB_HASH_LEN);
	/* Moving a byte between fields changes the digest (length-prefixed). */
	b[0].s = "stale_hours2"; b[0].len = 12;
	b[1].s = "4"; b[1].len = 1;
	lb_row_digest(k, b, db);
	assert_memory_not_equal(da, db, LB_HASH_LEN);
	/* NULL, empty text and integer 0 are three different values. */
	b[0] = a[0];
	b[1].s = ""; b[1].len = 0;
	lb_row_digest(k, b, da);
	b[1].s = NULL; b[1].i = 0;
	lb_row_digest(k, b, db);
	assert_memory_not_equal(da, db, LB_HASH_LEN);
	b[1].null = 1;
	lb_row_digest(k, b, da);
	assert_memory_not_equal(da, db, LB_HASH_LEN);
}

/*
 * A column added by a later schema (LB_COL_LATE) is out of the digest
 * while NULL: a shipment row written before schema 4 keeps its digest.
 */
static void
test_row_digest_late_column(void **state)
{
	const struct lb_kind	*k = lb_kind_find("shipments");
	struct lb_kind		 before;
	struct lb_value		 v[64];
	unsigned char		 d1[LB_HASH_LEN], d2[LB_HASH_LEN];
	size_t			 i;
	int			 late = lb_kind_col(k, "summary_date");

	(void)state;
	/* Every column from summary_date (schema 4) on is late. */
	for (i = (size_t)late; i < k->ncols; i++)
		assert_true(k->cols[i].flags & LB_COL_LATE);
	memset(v, 0, sizeof(v));
	for (i = 0; i < k->ncols; i++)
		v[i].null = 1;
	v[0].null = 0;
	v[0].s = "HL26-000001";
	v[0].len = 11;
	before = *k;
	before.ncols = (size_t)late;	/* the kind as schema 3 knew it */
	lb_row_digest(k, v, d1);
	lb_row_digest(&before, v, d2);
	assert_memory_equal(d1, d2, LB_HASH_LEN);
	v[late].null = 0;
	v[late].s = "2026-11-30";
	v[late].len = 10;
	lb_row_digest(k, v, d1);
	assert_memory_not_equal(d1, d2, LB_HASH_LEN);
	/* Only late columns are left out: a NULL elsewhere still counts. */
	v[late].null = 1;
	v[1].null = 0;
	v[1].s = "";
	lb_row_digest(k, v, d1);
	assert_memory_not_equal(d1, d2, LB_HASH_LEN);
}

/*
 * Known answer: the entry hash of a fixed entry.  If this changes, every
 * journal ever written stops verifying: change the format only with a new
 * "lifeboat-entry-vN" tag and code that still reads v1.
 */
static void
test_entry_hash_known_answer(void **state)
{
	struct lb_jentry je;
	unsigned char	 h[LB_HASH_LEN];
	struct lb_buf	 b;

	(void)state;
	memset(&je, 0, sizeof(je));
	je.seq = 1;
	je.ts = "2026-11-28T00:00:00Z";
	je.actor = "os:root";
	je.action = "init";
	je.subject = "vault";
	je.detail = "{}";
	je.nrows = 0;
	lb_jentry_hash(&je, h);
	lb_buf_init(&b, 128);
	lb_buf_add_hex(&b, h, LB_HASH_LEN);
	/* Computed independently from the format in journal.h with Python's
	 * hashlib.blake2b(digest_size=32). */
	assert_string_equal(lb_buf_cstr(&b),
	    "067e0cfa50f0c79a7f4ae5e8413b8ba2eb647e89410d9245a9cd3e06a3db76b5");
	lb_buf_free(&b);
}

static void
test_checkpoint_parse(void **state)
{
	static const struct {
		const char	*in;
		int		 ok;
		int64_t		 count;
	} cases[] = {
		{ "7:5a415205a6e4f36357963c5ec3047edcd82d27a456531d2723bd033ed1de2eea", 1, 7 },
		{ "12:5A415205A6E4F36357963C5EC3047EDCD82D27A456531D2723BD033ED1DE2EEA", 1, 12 },
		{ "0:5a415205a6e4f36357963c5ec3047edcd82d27a456531d2723bd033ed1de2eea", 0, 0 },
		{ "7:5a415205a6e4f36357963c5ec3047edcd82d27a456531d2723bd033ed1de2ee", 0, 0 },
		{ "7:5a415205a6e4f36357963c5ec3047edcd82d27a456531d2723bd033ed1de2eeaa", 0, 0 },
		{ "7:5a415205a6e4f36357963c5ec3047edcd82d27a456531d2723bd033ed1de2eeg", 0, 0 },
		{ ":5a415205a6e4f36357963c5ec3047edcd82d27a456531d2723bd033ed1de2eea", 0, 0 },
		{ "7", 0, 0 },
		{ "", 0, 0 },
		{ "-1:00", 0, 0 },
		{ "99999999999999999999999:00", 0, 0 },
	};
	unsigned char	 h[LB_HASH_LEN];
	char		 out[LB_CHECKPOINT_STRLEN];
	struct lb_err	 e;
	int64_t		 n;
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = lb_checkpoint_parse(cases[i].in, &n, h, &e);

		if (cases[i].ok != (rc == 0))
			fail_msg("case %zu \"%s\": rc %d", i, cases[i].in, rc);
		if (rc == 0) {
			assert_int_equal(n, cases[i].count);
			lb_checkpoint_format(n, h, out);
			assert_int_equal(strcasecmp(out, cases[i].in), 0);
		}
	}
}

static void
test_keyset(void **state)
{
	struct lb_keyset *ks = lb_keyset_new();
	char		  key[32];
	uint32_t	  first;
	int		  i;

	(void)state;
	assert_non_null(ks);
	for (i = 0; i < 100000; i++) {
		(void)snprintf(key, sizeof(key), "HL26-%06d", i);
		assert_int_equal(lb_keyset_add(ks, 1, key, strlen(key),
		    (uint32_t)i + 2, &first), 0);
	}
	assert_int_equal(lb_keyset_add(ks, 1, "HL26-000042", 11, 9, &first), 1);
	assert_int_equal(first, 44);
	/* Another tag is another set. */
	assert_int_equal(lb_keyset_add(ks, 2, "HL26-000042", 11, 9, &first), 0);
	assert_true(lb_keyset_has(ks, 1, "HL26-099999", 11));
	assert_false(lb_keyset_has(ks, 1, "HL26-100000", 11));
	lb_keyset_free(ks);
}

static void
test_state_map(void **state)
{
	struct lb_state		*s = lb_state_new(10);
	struct lb_state_row	*r;
	unsigned char		 d[LB_HASH_LEN];
	char			 key[32];
	int			 i;

	(void)state;
	assert_non_null(s);
	memset(d, 7, sizeof(d));
	for (i = 0; i < 50000; i++) {
		(void)snprintf(key, sizeof(key), "K%d", i);
		assert_int_equal(lb_state_put(s, i % 3, key, strlen(key), d,
		    i), 0);
	}
	assert_int_equal(lb_state_put(s, 1, "K1", 2, NULL, 99), 0);
	r = lb_state_get(s, 1, "K1", 2);
	assert_non_null(r);
	assert_true(r->deleted);
	assert_int_equal(r->seq, 99);
	assert_null(lb_state_get(s, 0, "K1", 2));
	r = lb_state_get(s, 49999 % 3, "K49999", 6);
	assert_non_null(r);
	assert_false(r->deleted);
	lb_state_free(s);
}

/* A change aborted leaves nothing; committed, it extends the chain. */
static void
test_change_commit_and_abort(void **state)
{
	struct lb_vault	*v = new_vault("change");
	struct lb_who	 who = { "test", 1795000100 };
	struct lb_problems p;
	struct lb_verify_stats vs;
	struct lb_err	 e;
	int64_t		 before, after;
	unsigned char	 h[LB_HASH_LEN];

	(void)state;
	assert_int_equal(lb_journal_head(v->st, &before, h, &e), 0);
	assert_int_equal(before, 1);	/* init */
	assert_int_equal(lb_vault_setting_set(v, &who, "stale_hours", "48",
	    &e), 0);
	assert_int_equal(lb_journal_head(v->st, &after, h, &e), 0);
	assert_int_equal(after, 2);
	/* Invalid values are refused before any write. */
	assert_int_equal(lb_vault_setting_set(v, &who, "stale_hours", "0",
	    &e), -1);
	assert_int_equal(lb_vault_setting_set(v, &who, "stale_hours", "1x",
	    &e), -1);
	assert_int_equal(lb_vault_setting_set(v, &who, "nope", "1", &e), -1);
	assert_int_equal(lb_journal_head(v->st, &after, h, &e), 0);
	assert_int_equal(after, 2);
	lb_problems_init(&p, 10);
	assert_int_equal(lb_verify(v, 0, 0, NULL, &p, &vs, &e), 0);
	assert_int_equal(p.total, 0);
	assert_int_equal(vs.entries, 2);
	assert_int_equal(vs.rows, 1);
	lb_problems_free(&p);
	lb_vault_close(v);
}

/* What Lifeboat writes as CSV cannot run as a spreadsheet formula, and
 * quotes what RFC 4180 says must be quoted. */
static void
test_csv_field_neutralises_formulas(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "plain", "plain" },
		{ "", "" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "two\nlines", "\"two\nlines\"" },
		{ "=1+1", "\"'=1+1\"" },
		{ "+15625550100", "\"'+15625550100\"" },
		{ "-2", "\"'-2\"" },
		{ "@SUM(A1)", "\"'@SUM(A1)\"" },
		{ "\tx", "\"'\tx\"" },
		{ "\rx", "\"'\rx\"" },
		{ "a=b", "a=b" },
		{ "=\"x\"", "\"'=\"\"x\"\"\"" },
	};
	struct lb_buf	b;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		lb_buf_init(&b, 1024);
		lb_buf_add_csv_field(&b, cases[i].in, strlen(cases[i].in));
		assert_int_equal(lb_buf_error(&b), 0);
		if (strcmp(lb_buf_cstr(&b), cases[i].out) != 0)
			fail_msg("case %zu: got [%s], wanted [%s]", i,
			    lb_buf_cstr(&b), cases[i].out);
		lb_buf_free(&b);
	}
}

/* JSON strings escape what JSON requires; the buffer refuses to grow past
 * its bound and remembers it. */
static void
test_buf_json_and_bounds(void **state)
{
	struct lb_buf	b;
	char		raw[] = { 'a', '"', '\\', '\n', 0x01, 0x7f, 'z' };

	(void)state;
	lb_buf_init(&b, 1024);
	lb_buf_add_json_str(&b, raw, sizeof(raw));
	assert_string_equal(lb_buf_cstr(&b),
	    "\"a\\\"\\\\\\n\\u0001\\u007fz\"");
	lb_buf_free(&b);
	lb_buf_init(&b, 8);
	lb_buf_adds(&b, "12345678");
	assert_int_equal(lb_buf_error(&b), 0);
	lb_buf_addc(&b, '9');
	assert_int_not_equal(lb_buf_error(&b), 0);
	lb_buf_adds(&b, "more");
	assert_string_equal(lb_buf_cstr(&b), "12345678");
	lb_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_descriptors_match_schema),
		cmocka_unit_test(test_row_digest_binds_every_column),
		cmocka_unit_test(test_row_digest_late_column),
		cmocka_unit_test(test_entry_hash_known_answer),
		cmocka_unit_test(test_checkpoint_parse),
		cmocka_unit_test(test_keyset),
		cmocka_unit_test(test_state_map),
		cmocka_unit_test(test_change_commit_and_abort),
		cmocka_unit_test(test_csv_field_neutralises_formulas),
		cmocka_unit_test(test_buf_json_and_bounds),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
