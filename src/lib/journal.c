/*
 * journal.c: the hash-chained journal (see journal.h for the format).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "journal.h"
#include "mem.h"
#include "state.h"

static const unsigned char zero_hash[LB_HASH_LEN];

static void
put_u64(crypto_generichash_state *h, uint64_t v)
{
	unsigned char	b[8];
	int		i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	crypto_generichash_update(h, b, sizeof(b));
}

static void
put_str(crypto_generichash_state *h, const char *s, size_t n)
{
	put_u64(h, n);
	crypto_generichash_update(h, (const unsigned char *)s, n);
}

static void
put_cstr(crypto_generichash_state *h, const char *s)
{
	put_str(h, s, strlen(s));
}

static void
put_value(crypto_generichash_state *h, const struct lb_value *v)
{
	unsigned char	tag;

	if (v->null) {
		tag = 'n';
		crypto_generichash_update(h, &tag, 1);
	} else if (v->s != NULL) {
		tag = 's';
		crypto_generichash_update(h, &tag, 1);
		put_str(h, v->s, v->len);
	} else {
		tag = 'i';
		crypto_generichash_update(h, &tag, 1);
		put_u64(h, (uint64_t)v->i);
	}
}

/* Append v as 8 bytes little-endian; the caller made room. */
static unsigned char *
ser_u64(unsigned char *p, uint64_t v)
{
	int	i;

	for (i = 0; i < 8; i++)
		*p++ = (unsigned char)(v >> (8 * i));
	return p;
}

/*
 * The row is serialised into one buffer and hashed in one call: hashing
 * field by field costs three library calls a field, which on a
 * 49-column row was most of the digest's time.  The bytes hashed are the
 * same either way.
 */
#define ROW_BUF	8192

/*
 * A column added to its kind by a later schema is left out of the digest
 * while it is NULL, so that the rows written before it existed keep their
 * digests (and their journal records) through the migration.  Values are
 * tagged and length-prefixed, so leaving one out cannot make two rows of
 * a kind serialise alike.
 */
static int
late_null(const struct lb_kind *k, const struct lb_value *vals, size_t i)
{
	return (k->cols[i].flags & LB_COL_LATE) != 0 && vals[i].null;
}

void
lb_row_digest(const struct lb_kind *k, const struct lb_value *vals,
    unsigned char out[LB_HASH_LEN])
{
	crypto_generichash_state h;
	unsigned char		 buf[ROW_BUF], *p = buf;
	size_t			 i, need, tlen = strlen(k->table);
	static const char	 tag[] = "lifeboat-row-v1";

	need = 8 + sizeof(tag) - 1 + 8 + tlen;
	for (i = 0; i < k->ncols; i++)
		need += 1 + (vals[i].null ? 0 : vals[i].s != NULL ?
		    8 + vals[i].len : 8);
	/* (A late column left out below only makes need an overestimate.) */
	if (need > sizeof(buf)) {
		/* A row this wide is rare: stream it. */
		crypto_generichash_init(&h, NULL, 0, LB_HASH_LEN);
		put_cstr(&h, tag);
		put_cstr(&h, k->table);
		for (i = 0; i < k->ncols; i++)
			if (!late_null(k, vals, i))
				put_value(&h, &vals[i]);
		crypto_generichash_final(&h, out, LB_HASH_LEN);
		return;
	}
	p = ser_u64(p, sizeof(tag) - 1);
	memcpy(p, tag, sizeof(tag) - 1);
	p += sizeof(tag) - 1;
	p = ser_u64(p, tlen);
	memcpy(p, k->table, tlen);
	p += tlen;
	for (i = 0; i < k->ncols; i++) {
		if (late_null(k, vals, i))
			continue;
		if (vals[i].null)
			*p++ = 'n';
		else if (vals[i].s != NULL) {
			*p++ = 's';
			p = ser_u64(p, vals[i].len);
			if (vals[i].len > 0)
				memcpy(p, vals[i].s, vals[i].len);
			p += vals[i].len;
		} else {
			*p++ = 'i';
			p = ser_u64(p, (uint64_t)vals[i].i);
		}
	}
	crypto_generichash(out, LB_HASH_LEN, buf, (size_t)(p - buf), NULL, 0);
}

static void
content_row(crypto_generichash_state *h, const char *table, const char *key,
    size_t keylen, const unsigned char *digest)
{
	unsigned char	tag = digest != NULL ? 'w' : 'd';

	put_cstr(h, table);
	put_str(h, key, keylen);
	crypto_generichash_update(h, &tag, 1);
	crypto_generichash_update(h, digest != NULL ? digest : zero_hash,
	    LB_HASH_LEN);
}

static void
content_init(crypto_generichash_state *h)
{
	crypto_generichash_init(h, NULL, 0, LB_HASH_LEN);
	put_cstr(h, "lifeboat-content-v1");
}

void
lb_jentry_hash(const struct lb_jentry *je, unsigned char out[LB_HASH_LEN])
{
	crypto_generichash_state h;

	crypto_generichash_init(&h, NULL, 0, LB_HASH_LEN);
	put_cstr(&h, "lifeboat-entry-v1");
	crypto_generichash_update(&h, je->prev, LB_HASH_LEN);
	put_u64(&h, (uint64_t)je->seq);
	put_cstr(&h, je->ts);
	put_cstr(&h, je->actor);
	put_cstr(&h, je->action);
	put_cstr(&h, je->subject);
	put_cstr(&h, je->detail);
	put_u64(&h, (uint64_t)je->nrows);
	crypto_generichash_update(&h, je->content, LB_HASH_LEN);
	crypto_generichash_final(&h, out, LB_HASH_LEN);
}

int
lb_change_begin(struct lb_store *st, struct lb_change *c, struct lb_err *e)
{
	if (st->ops->begin(st, e) == -1)
		return -1;
	return lb_change_attach(st, c, e);
}

int
lb_change_attach(struct lb_store *st, struct lb_change *c, struct lb_err *e)
{
	memset(c, 0, sizeof(*c));
	c->st = st;
	c->open = 1;
	if (st->ops->journal_head(st, &c->seq, c->prev, e) == -1) {
		lb_change_abort(c);
		return -1;
	}
	c->seq++;
	content_init(&c->content);
	return 0;
}

int
lb_change_row(struct lb_change *c, const struct lb_kind *k, const char *key,
    size_t keylen, const unsigned char *digest, struct lb_err *e)
{
	struct lb_jrow	jr;

	jr.seq = c->seq;
	jr.table = k->table;
	jr.key = key;
	jr.keylen = keylen;
	jr.digest = digest;
	if (c->st->ops->journal_add_row(c->st, &jr, e) == -1)
		return -1;
	content_row(&c->content, k->table, key, keylen, digest);
	c->nrows++;
	return 0;
}

int
lb_change_upsert(struct lb_change *c, const struct lb_kind *k,
    const struct lb_value *vals, const char *key, size_t keylen, int *changed,
    struct lb_err *e)
{
	unsigned char	digest[LB_HASH_LEN];

	lb_row_digest(k, vals, digest);
	if (c->st->ops->upsert(c->st, k, vals, digest, changed, e) == -1)
		return -1;
	if (!*changed)
		return 0;
	return lb_change_row(c, k, key, keylen, digest, e);
}

int
lb_change_delete(struct lb_change *c, const struct lb_kind *k,
    const struct lb_value *vals, const char *key, size_t keylen, int *deleted,
    struct lb_err *e)
{
	if (c->st->ops->delete_row(c->st, k, vals, deleted, e) == -1)
		return -1;
	if (!*deleted)
		return 0;
	return lb_change_row(c, k, key, keylen, NULL, e);
}

int
lb_change_commit(struct lb_change *c, const char *ts, const char *actor,
    const char *action, const char *subject, const char *detail,
    int64_t *seq_out, struct lb_err *e)
{
	struct lb_jentry	je;

	memset(&je, 0, sizeof(je));
	je.seq = c->seq;
	je.ts = ts;
	je.actor = actor;
	je.action = action;
	je.subject = subject;
	je.detail = detail;
	je.nrows = c->nrows;
	crypto_generichash_final(&c->content, je.content, LB_HASH_LEN);
	memcpy(je.prev, c->prev, LB_HASH_LEN);
	lb_jentry_hash(&je, je.hash);
	if (c->st->ops->journal_add(c->st, &je, e) == -1 ||
	    c->st->ops->commit(c->st, e) == -1) {
		lb_change_abort(c);
		return -1;
	}
	c->open = 0;
	if (seq_out != NULL)
		*seq_out = je.seq;
	return 0;
}

void
lb_change_abort(struct lb_change *c)
{
	if (c->open)
		c->st->ops->rollback(c->st);
	c->open = 0;
}

int
lb_journal_head(struct lb_store *st, int64_t *count,
    unsigned char hash[LB_HASH_LEN], struct lb_err *e)
{
	return st->ops->journal_head(st, count, hash, e);
}

void
lb_checkpoint_format(int64_t count, const unsigned char *hash,
    char out[LB_CHECKPOINT_STRLEN])
{
	struct lb_buf	b;

	lb_buf_init(&b, LB_CHECKPOINT_STRLEN);
	lb_buf_addf(&b, "%" PRId64 ":", count);
	lb_buf_add_hex(&b, hash, LB_HASH_LEN);
	(void)snprintf(out, LB_CHECKPOINT_STRLEN, "%s", lb_buf_cstr(&b));
	lb_buf_free(&b);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
lb_checkpoint_parse(const char *s, int64_t *count,
    unsigned char hash[LB_HASH_LEN], struct lb_err *e)
{
	const char	*p;
	int64_t		 n = 0;
	int		 i, hi, lo;

	for (p = s; *p >= '0' && *p <= '9'; p++) {
		if (n > (INT64_MAX - 9) / 10)
			return lb_error(e, "checkpoint count too large");
		n = n * 10 + (*p - '0');
	}
	if (p == s || *p != ':' || n <= 0)
		return lb_error(e, "checkpoint \"%.80s\" is not COUNT:HASH "
		    "(a positive count, a colon, 64 hex digits)", s);
	p++;
	for (i = 0; i < LB_HASH_LEN; i++) {
		if ((hi = hexval(p[2 * i])) == -1 ||
		    (lo = hexval(p[2 * i + 1])) == -1)
			return lb_error(e, "checkpoint hash must be 64 hex "
			    "digits");
		hash[i] = (unsigned char)(hi << 4 | lo);
	}
	if (p[2 * LB_HASH_LEN] != '\0')
		return lb_error(e, "checkpoint hash must be 64 hex digits");
	*count = n;
	return 0;
}

void
lb_problems_init(struct lb_problems *p, size_t max)
{
	memset(p, 0, sizeof(*p));
	p->max = max;
}

void
lb_problems_free(struct lb_problems *p)
{
	free(p->v);
	lb_problems_init(p, p->max);
}

void
lb_problems_add(struct lb_problems *p, const char *fmt, ...)
{
	struct lb_problem	*v;
	va_list			 ap;

	p->total++;
	if (p->n >= p->max)
		return;
	if ((v = lb_reallocarray(p->v, p->n + 1, sizeof(*v))) == NULL)
		return;
	p->v = v;
	va_start(ap, fmt);
	(void)vsnprintf(v[p->n].msg, sizeof(v[p->n].msg), fmt, ap);
	va_end(ap);
	p->n++;
}

/* Walking state for lb_journal_verify. */
struct walk {
	struct lb_problems	*p;
	struct lb_state		*state;
	int64_t			 expect;	/* next entry seq */
	unsigned char		 prev[LB_HASH_LEN];
	crypto_generichash_state content;
	int64_t			 nrows;
	int64_t			 against_count;
	const unsigned char	*against_hash;
	int			 against_seen;
	int			 broken;	/* chain broken: later entries unproven */
	int			 oom;
};

static int
kind_of_table(const char *table)
{
	size_t	i;

	for (i = 0; i < lb_nkinds; i++)
		if (strcmp(lb_kinds[i]->table, table) == 0)
			return (int)i;
	return -1;
}

static int
walk_row(void *arg, const struct lb_jrow *jr)
{
	struct walk	*w = arg;
	int		 kind;

	if (jr->seq != w->expect) {
		lb_problems_add(w->p, "journal row %s \"%.*s\" claims entry %"
		    PRId64 " but lies among the rows of entry %" PRId64
		    ": rows moved or inserted", jr->table, (int)jr->keylen,
		    jr->key, jr->seq, w->expect);
		w->broken = 1;
	}
	content_row(&w->content, jr->table, jr->key, jr->keylen, jr->digest);
	w->nrows++;
	if (w->state == NULL)
		return 0;
	if ((kind = kind_of_table(jr->table)) == -1) {
		lb_problems_add(w->p, "journal row of entry %" PRId64 " names "
		    "unknown table \"%s\"", jr->seq, jr->table);
		return 0;
	}
	if (lb_state_put(w->state, kind, jr->key, jr->keylen, jr->digest,
	    jr->seq) == -1) {
		w->oom = 1;
		return -1;
	}
	return 0;
}

static int
walk_entry(void *arg, const struct lb_jentry *je)
{
	struct walk	*w = arg;
	unsigned char	 content[LB_HASH_LEN], hash[LB_HASH_LEN];
	struct lb_jentry check;

	crypto_generichash_final(&w->content, content, LB_HASH_LEN);
	if (je->seq != w->expect) {
		lb_problems_add(w->p, "journal entry %" PRId64 ": expected "
		    "entry %" PRId64 " here: entries deleted or inserted",
		    je->seq, w->expect);
		w->broken = 1;
	}
	if (sodium_memcmp(je->prev, w->prev, LB_HASH_LEN) != 0) {
		lb_problems_add(w->p, "journal entry %" PRId64 " (%s %s): link "
		    "to the previous entry is broken", je->seq, je->action,
		    je->subject);
		w->broken = 1;
	}
	if (je->nrows != w->nrows || sodium_memcmp(content, je->content,
	    LB_HASH_LEN) != 0) {
		if (je->nrows != w->nrows)
			lb_problems_add(w->p, "journal entry %" PRId64 " (%s %s): "
			    "%" PRId64 " journal rows found, %" PRId64 " recorded: "
			    "rows deleted or added", je->seq, je->action,
			    je->subject, w->nrows, je->nrows);
		else
			lb_problems_add(w->p, "journal entry %" PRId64 " (%s %s): "
			    "its journal rows were changed (content digest "
			    "differs)", je->seq, je->action, je->subject);
		w->broken = 1;
	}
	check = *je;
	lb_jentry_hash(&check, hash);
	if (sodium_memcmp(hash, je->hash, LB_HASH_LEN) != 0) {
		lb_problems_add(w->p, "journal entry %" PRId64 " (%s %s at %s): "
		    "hash does not match its content: entry modified",
		    je->seq, je->action, je->subject, je->ts);
		w->broken = 1;
	}
	if (w->against_count == je->seq) {
		w->against_seen = 1;
		if (sodium_memcmp(je->hash, w->against_hash, LB_HASH_LEN) != 0)
			lb_problems_add(w->p, "journal entry %" PRId64 " does "
			    "not have the checkpoint's hash: the journal was "
			    "rewritten since the checkpoint", je->seq);
	}
	/* Go on from what is stored, so one break is reported once. */
	memcpy(w->prev, je->hash, LB_HASH_LEN);
	w->expect = je->seq + 1;
	w->nrows = 0;
	content_init(&w->content);
	return 0;
}

int
lb_journal_verify(struct lb_store *st, int64_t against_count,
    const unsigned char *against_hash, struct lb_state *state,
    struct lb_problems *p, int64_t *count, unsigned char head[LB_HASH_LEN],
    struct lb_err *e)
{
	struct walk	w;

	memset(&w, 0, sizeof(w));
	w.p = p;
	w.state = state;
	w.expect = 1;
	w.against_count = against_count;
	w.against_hash = against_hash;
	content_init(&w.content);
	if (st->ops->journal_scan(st, walk_entry, walk_row, &w, e) == -1) {
		if (w.oom)
			return lb_error(e, "out of memory walking the journal");
		return -1;
	}
	if (w.nrows > 0) {
		lb_problems_add(p, "%" PRId64 " journal rows after the last "
		    "entry belong to no entry", w.nrows);
	}
	if (against_count > 0 && !w.against_seen)
		lb_problems_add(p, "journal has %" PRId64 " entries but the "
		    "checkpoint names entry %" PRId64 ": the journal was "
		    "truncated or the vault rolled back to an older copy",
		    w.expect - 1, against_count);
	*count = w.expect - 1;
	memcpy(head, w.prev, LB_HASH_LEN);
	return 0;
}
