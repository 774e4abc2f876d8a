/*
 * verify.c: the data-against-journal verification (see verify.h).
 */
#include <inttypes.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "journal.h"
#include "state.h"
#include "verify.h"

struct scan {
	const struct lb_kind	*k;
	int			 kind;
	struct lb_state		*state;
	struct lb_problems	*p;
	struct lb_buf		 key;
	int64_t			 rows;
};

static void
row_key(const struct lb_kind *k, const struct lb_value *vals,
    struct lb_buf *b)
{
	size_t	i;
	int	first = 1;

	lb_buf_reset(b);
	for (i = 0; i < k->ncols; i++) {
		if (!(k->cols[i].flags & LB_COL_KEY))
			continue;
		if (!first)
			lb_buf_addc(b, '|');
		first = 0;
		if (vals[i].null)
			continue;
		if (vals[i].s != NULL)
			lb_buf_add(b, vals[i].s, vals[i].len);
		else
			lb_buf_addf(b, "%" PRId64, vals[i].i);
	}
}

static int
scan_row(void *arg, const struct lb_value *vals, const unsigned char *stored,
    size_t storedlen)
{
	struct scan		*s = arg;
	struct lb_state_row	*r;
	unsigned char		 digest[LB_HASH_LEN];

	s->rows++;
	row_key(s->k, vals, &s->key);
	lb_row_digest(s->k, vals, digest);
	r = lb_state_get(s->state, s->kind, s->key.data != NULL ?
	    s->key.data : "", s->key.len);
	if (r == NULL || r->deleted) {
		lb_problems_add(s->p, "%s \"%s\": not in the journal "
		    "(inserted outside lifeboat, or its journal row removed)",
		    s->k->noun, lb_buf_cstr(&s->key));
		return 0;
	}
	r->seen = 1;
	if (storedlen != LB_HASH_LEN ||
	    sodium_memcmp(digest, stored, LB_HASH_LEN) != 0 ||
	    sodium_memcmp(digest, r->digest, LB_HASH_LEN) != 0)
		lb_problems_add(s->p, "%s \"%s\": content differs from what "
		    "journal entry %" PRId64 " recorded (edited outside "
		    "lifeboat)", s->k->noun, lb_buf_cstr(&s->key), r->seq);
	return 0;
}

static int
count_missing(void *arg, struct lb_state_row *r)
{
	size_t	*n = arg;

	if (!r->deleted && !r->seen)
		(*n)++;
	return 0;
}

/* Second reading of the journal rows, to name the rows found missing. */
struct naming {
	struct lb_state		*state;
	struct lb_problems	*p;
};

static int
name_entry(void *arg, const struct lb_jentry *je)
{
	return 0;
}

static int
name_row(void *arg, const struct lb_jrow *jr)
{
	struct naming		*nm = arg;
	struct lb_state_row	*r;
	size_t			 i;

	for (i = 0; i < lb_nkinds; i++)
		if (strcmp(lb_kinds[i]->table, jr->table) == 0)
			break;
	if (i == lb_nkinds)
		return 0;
	r = lb_state_get(nm->state, (int)i, jr->key, jr->keylen);
	if (r == NULL || r->deleted || r->seen || r->named ||
	    r->seq != jr->seq)
		return 0;
	r->named = 1;
	lb_problems_add(nm->p, "%s \"%.*s\": written by journal entry %"
	    PRId64 " but missing (deleted outside lifeboat)",
	    lb_kinds[i]->noun, (int)jr->keylen, jr->key, r->seq);
	return 0;
}

int
lb_verify(struct lb_vault *v, int journal_only, int64_t against_count,
    const unsigned char *against_hash, struct lb_problems *p,
    struct lb_verify_stats *stats, struct lb_err *e)
{
	struct lb_store	*st = v->st;
	struct lb_state	*state = NULL;
	struct lb_err	 ce;
	struct scan	 s;
	int64_t		 nrows = 0;
	size_t		 i, missing = 0;
	int		 ret = -1, checking = 0, reading = 0;

	memset(stats, 0, sizeof(*stats));
	memset(&s, 0, sizeof(s));
	lb_buf_init(&s.key, 1 << 16);
	if (st->ops->scan_mode(st, e) == -1)
		goto out;
	/* The journal and the rows must be read as of one moment. */
	if (st->ops->read_begin(st, e) == -1)
		goto out;
	reading = 1;
	/* The file check runs beside the journal and row checks. */
	if (st->ops->check_start(st, e) == -1)
		goto out;
	checking = 1;
	if (!journal_only) {
		if (st->ops->query_int(st, "journal_rows", NULL, &nrows,
		    e) == -1)
			goto out;
		if ((state = lb_state_new((size_t)nrows)) == NULL) {
			lb_error(e, "out of memory");
			goto out;
		}
	}
	if (lb_journal_verify(st, against_count, against_hash, state, p,
	    &stats->entries, stats->head, e) == -1)
		goto out;
	if (journal_only) {
		ret = 0;
		goto out;
	}
	s.state = state;
	s.p = p;
	for (i = 0; i < lb_nkinds; i++) {
		s.k = lb_kinds[i];
		s.kind = (int)i;
		if (st->ops->rows_scan(st, s.k, scan_row, &s, e) == -1)
			goto out;
	}
	if (lb_buf_error(&s.key) != 0) {
		lb_error(e, "out of memory");
		goto out;
	}
	stats->rows = s.rows;
	(void)lb_state_each(state, count_missing, &missing);
	if (missing > 0) {
		struct naming	nm = { state, p };

		if (st->ops->journal_scan(st, name_entry, name_row, &nm,
		    e) == -1)
			goto out;
	}
	ret = 0;
out:
	if (checking && st->ops->check_wait(st, &ce) == -1) {
		/* Reported first: a damaged file explains what follows. */
		lb_problems_add(p, "%s", ce.msg);
		if (p->n > 1) {
			struct lb_problem first = p->v[p->n - 1];

			memmove(&p->v[1], &p->v[0], (p->n - 1) *
			    sizeof(p->v[0]));
			p->v[0] = first;
		}
	}
	if (reading)
		st->ops->read_end(st);
	lb_buf_free(&s.key);
	lb_state_free(state);
	return ret;
}
