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
find_missing(void *arg, struct lb_state_row *r)
{
	struct lb_problems	*p = arg;

	if (!r->deleted && !r->seen)
		lb_problems_add(p, "%s \"%.*s\": written by journal entry %"
		    PRId64 " but missing (deleted outside lifeboat)",
		    lb_kinds[r->kind]->noun, (int)r->keylen, r->key, r->seq);
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
	size_t		 i;
	int		 ret = -1;

	memset(stats, 0, sizeof(*stats));
	memset(&s, 0, sizeof(s));
	lb_buf_init(&s.key, 1 << 16);
	if (st->ops->scan_mode(st, e) == -1)
		goto out;
	if (st->ops->check(st, &ce) == -1)
		lb_problems_add(p, "%s", ce.msg);
	if (!journal_only && (state = lb_state_new()) == NULL) {
		lb_error(e, "out of memory");
		goto out;
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
	(void)lb_state_each(state, find_missing, p);
	ret = 0;
out:
	lb_buf_free(&s.key);
	lb_state_free(state);
	return ret;
}
