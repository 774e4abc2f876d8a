/*
 * import.c: the import engine (see import.h).
 *
 * The file is read twice: once to take its BLAKE2b digest (recorded in the
 * journal so anyone can tell which file fed the vault), then record by
 * record through the CSV or JSON reader.  Each record is mapped onto its
 * kind's columns, each value checked (check.c), the record's cross-field
 * rules applied, its key checked for repeats, its references resolved, and
 * while the file is still error-free the row is upserted into the open
 * change.  At the end the change commits, or rolls back on any error or
 * in a dry run.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "cbp.h"
#include "check.h"
#include "csv.h"
#include "import.h"
#include "json.h"
#include "keyset.h"
#include "mem.h"
#include "shipment.h"

#define MAX_COLS	64
#define TAG_KEY		1000	/* keyset tag for keys; columns use their index */
#define TAG_FOUND	2000	/* + column: references known to exist */

struct deferred {
	unsigned long	 line, col;
	char		*value;
};

struct imp {
	struct lb_store		*st;
	const struct lb_kind	*k;
	struct lb_import	*im;
	struct lb_err		*e;
	size_t			 max_errors;
	int			 stop;		/* too many errors */
	int			 failed;	/* storage error: -1 */

	struct lb_csv		*csv;
	struct lb_json		*json;
	int			 colmap[LB_MAX_FIELDS];	/* CSV field -> column */
	int			 header_has[MAX_COLS];

	const struct lb_field	*src[MAX_COLS];	/* field of each column */
	struct lb_value		 vals[MAX_COLS];
	char			(*scratch)[LB_CHECK_SCRATCH];

	struct lb_keyset	*seen;
	struct lb_buf		 key;
	struct deferred		*defer;
	size_t			 ndefer;
	struct lb_change	 ch;
	int			 open;
	int			 table_empty;	/* no row of the kind before */
	struct lb_rules		 rules;
	const struct lb_who	*who;
	const char		*file;		/* as named in warnings */
	struct lb_overlay	*ov;		/* fields Lifeboat owns */
	const struct lb_record	*rec;		/* the record being read */
};

static void
vdiag(struct lb_import *im, unsigned long line, unsigned long col,
    const char *fmt, va_list ap)
{
	struct lb_diag	*d;
	size_t		 max = im->max_errors > 0 ? im->max_errors : 100;

	im->nerrors++;
	if (im->ndiags >= max ||
	    (d = lb_reallocarray(im->diags, im->ndiags + 1, sizeof(*d))) == NULL)
		return;
	im->diags = d;
	d = &d[im->ndiags++];
	d->line = line;
	d->col = col;
	(void)vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
}

void
lb_import_diag(struct lb_import *im, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vdiag(im, line, col, fmt, ap);
	va_end(ap);
}

static void
diag(struct imp *p, unsigned long line, unsigned long col, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
diag(struct imp *p, unsigned long line, unsigned long col, const char *fmt,
    ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vdiag(p->im, line, col, fmt, ap);
	va_end(ap);
	if (p->im->nerrors >= p->max_errors)
		p->stop = 1;
}

/* Digest of the whole file, read in 1 MiB blocks; also refuses non-files. */
static int
file_digest(int fd, const char *path, unsigned char out[LB_HASH_LEN],
    struct lb_err *e)
{
	crypto_generichash_state h;
	struct stat	 sb;
	unsigned char	*blk;
	ssize_t		 n;

	if (fstat(fd, &sb) == -1)
		return lb_error(e, "%s: %s", path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return lb_error(e, "%s: not a regular file", path);
	if ((blk = malloc(1 << 20)) == NULL)
		return lb_error(e, "out of memory");
	crypto_generichash_init(&h, NULL, 0, LB_HASH_LEN);
	while ((n = read(fd, blk, 1 << 20)) > 0)
		crypto_generichash_update(&h, blk, (size_t)n);
	free(blk);
	if (n == -1)
		return lb_error(e, "%s: %s", path, strerror(errno));
	crypto_generichash_final(&h, out, LB_HASH_LEN);
	if (lseek(fd, 0, SEEK_SET) == -1)
		return lb_error(e, "%s: %s", path, strerror(errno));
	return 0;
}

static int
name_is(const struct lb_field *f, const char *name)
{
	return strlen(name) == f->name_len &&
	    memcmp(f->name, name, f->name_len) == 0;
}

static int
column_of(const struct lb_kind *k, const struct lb_field *f)
{
	size_t	i;

	for (i = 0; i < k->ncols; i++)
		if (name_is(f, k->cols[i].name))
			return (int)i;
	return -1;
}

static void
known_columns(const struct lb_kind *k, struct lb_buf *b)
{
	size_t	i;

	for (i = 0; i < k->ncols; i++)
		if (!(k->cols[i].flags & LB_COL_DERIVED))
			lb_buf_addf(b, "%s%s", i > 0 ? ", " : "",
			    k->cols[i].name);
}

/* CSV: map header columns onto the kind; complain about the header. */
static void
map_header(struct imp *p)
{
	const struct lb_record	*h = lb_csv_header(p->csv);
	const struct lb_kind	*k = p->k;
	struct lb_buf		 known;
	size_t			 i;
	int			 c;

	lb_buf_init(&known, 4096);
	known_columns(k, &known);
	for (i = 0; i < h->nfields; i++) {
		c = column_of(k, &h->fields[i]);
		p->colmap[i] = c;
		if (c == -1)
			diag(p, h->fields[i].line, h->fields[i].col,
			    "unknown column \"%.*s\" for %s (known: %s)",
			    (int)h->fields[i].name_len, h->fields[i].name,
			    k->name, lb_buf_cstr(&known));
		else if (k->cols[c].flags & LB_COL_DERIVED)
			diag(p, h->fields[i].line, h->fields[i].col,
			    "column \"%s\" is computed by lifeboat: remove it",
			    k->cols[c].name);
		else
			p->header_has[c] = 1;
	}
	for (i = 0; i < k->ncols; i++)
		if ((k->cols[i].flags & LB_COL_REQUIRED) && !p->header_has[i])
			diag(p, 1, 1, "missing required column \"%s\"",
			    k->cols[i].name);
	lb_buf_free(&known);
}

/* Assign the fields of a record to columns; 0, or -1 when unusable. */
static int
gather(struct imp *p, const struct lb_record *r)
{
	const struct lb_field	*f;
	size_t			 i;
	int			 c, bad = 0;

	memset(p->src, 0, sizeof(p->src[0]) * p->k->ncols);
	for (i = 0; i < r->nfields; i++) {
		f = &r->fields[i];
		if (p->csv != NULL)
			c = p->colmap[i];
		else {
			c = column_of(p->k, f);
			if (c == -1) {
				diag(p, f->line, f->col, "unknown field \"%.*s\" "
				    "for %s", (int)f->name_len, f->name,
				    p->k->name);
				bad = 1;
				continue;
			}
			if (p->k->cols[c].flags & LB_COL_DERIVED) {
				diag(p, f->line, f->col, "field \"%s\" is "
				    "computed by lifeboat: remove it",
				    p->k->cols[c].name);
				bad = 1;
				continue;
			}
		}
		if (c >= 0)
			p->src[c] = f;
	}
	return bad ? -1 : 0;
}

static void
where(struct imp *p, const struct lb_record *r, int c, unsigned long *line,
    unsigned long *col)
{
	if (c >= 0 && p->src[c] != NULL) {
		*line = p->src[c]->line;
		*col = p->src[c]->col;
	} else {
		*line = r->line;
		*col = r->col;
	}
}

/* Check every column of the record; 0 when all are valid. */
static int
check_columns(struct imp *p, const struct lb_record *r)
{
	const struct lb_kind	*k = p->k;
	const struct lb_column	*col;
	const struct lb_field	*f;
	struct lb_check_ctx	 ctx = { 0 };
	enum lb_importer_type	 type;
	char			 why[256], canon[LB_IMPORTER_STRLEN];
	const char		*tname, *raw;
	size_t			 rawlen;
	size_t			 i;
	int			 bad = 0;

	for (i = 0; i < k->ncols; i++) {
		col = &k->cols[i];
		f = p->src[i];
		memset(&p->vals[i], 0, sizeof(p->vals[i]));
		p->vals[i].null = 1;
		if (col->flags & LB_COL_DERIVED) {
			/* importer_type follows the number before it. */
			if (i > 0 && !p->vals[i - 1].null &&
			    lb_importer_parse(p->vals[i - 1].s,
			    p->vals[i - 1].len, canon, &type, NULL, 0) == 0) {
				tname = lb_importer_type_name(type);
				p->vals[i].null = 0;
				p->vals[i].s = tname;
				p->vals[i].len = strlen(tname);
			}
			continue;
		}
		if (f == NULL || f->type == LB_VAL_NULL || f->len == 0) {
			if (col->flags & LB_COL_REQUIRED) {
				diag(p, f != NULL ? f->line : r->line,
				    f != NULL ? f->col : r->col,
				    "%s: required value missing", col->name);
				bad = 1;
			}
			continue;
		}
		raw = f->val;
		rawlen = f->len;
		/*
		 * Undo the neutralisation of spreadsheet formulas that Lifeboat
		 * (and careful exporters) apply when writing CSV: a quote mark
		 * before = + - @ is not part of the value ("'+15625550100").
		 */
		if (p->csv != NULL && rawlen >= 2 && raw[0] == '\'' &&
		    strchr("=+-@", raw[1]) != NULL) {
			raw++;
			rawlen--;
		}
		if (lb_check_value(col, &ctx, raw, rawlen, p->scratch[i],
		    &p->vals[i], why, sizeof(why)) == -1) {
			diag(p, f->line, f->col, "%s: %s", col->name, why);
			p->vals[i].null = 1;
			bad = 1;
			if (col->flags & LB_COL_REQUIRED)
				continue;
			continue;
		}
		if (col->check == LB_CK_MODE)
			ctx.mode = (int)p->vals[i].i;
	}
	return bad ? -1 : 0;
}

static void
value_text(const struct lb_value *v, struct lb_buf *b)
{
	if (v->null)
		return;
	if (v->s != NULL)
		lb_buf_add(b, v->s, v->len);
	else
		lb_buf_addf(b, "%" PRId64, v->i);
}

/* The natural key of the record, "a" or "a|b". */
static void
build_key(struct imp *p)
{
	size_t	i;
	int	first = 1;

	lb_buf_reset(&p->key);
	for (i = 0; i < p->k->ncols; i++) {
		if (!(p->k->cols[i].flags & LB_COL_KEY))
			continue;
		if (!first)
			lb_buf_addc(&p->key, '|');
		value_text(&p->vals[i], &p->key);
		first = 0;
	}
}

static int
defer_ref(struct imp *p, unsigned long line, unsigned long col,
    const struct lb_value *v)
{
	struct deferred	*d;

	if ((d = lb_reallocarray(p->defer, p->ndefer + 1,
	    sizeof(*d))) == NULL)
		return -1;
	p->defer = d;
	d = &d[p->ndefer];
	if ((d->value = lb_strndup(v->s, v->len)) == NULL)
		return -1;
	d->line = line;
	d->col = col;
	p->ndefer++;
	return 0;
}

/* References and uniqueness against the file so far and the vault. */
static int
check_links(struct imp *p, const struct lb_record *r)
{
	const struct lb_kind	*k = p->k, *rk;
	const struct lb_column	*col;
	const struct lb_value	*v;
	unsigned long		 line, cn;
	char			 owner[128];
	uint32_t		 first;
	size_t			 i;
	int			 rc, bad = 0;

	for (i = 0; i < k->ncols; i++) {
		col = &k->cols[i];
		v = &p->vals[i];
		if (v->null)
			continue;
		where(p, r, (int)i, &line, &cn);
		if (col->flags & LB_COL_REF) {
			rk = lb_kind_find(col->ref);
			if (col->flags & LB_COL_SELFREF) {
				if (v->len == p->key.len &&
				    memcmp(v->s, p->key.data, v->len) == 0) {
					diag(p, line, cn, "%s: refers to the "
					    "record itself", col->name);
					bad = 1;
					continue;
				}
				if (lb_keyset_has(p->seen, TAG_KEY, v->s,
				    v->len))
					continue;
			}
			/* Most rows name a client already seen: remember. */
			if (lb_keyset_has(p->seen, TAG_FOUND + (int)i, v->s,
			    v->len))
				continue;
			rc = p->st->ops->has_key(p->st, rk, v->s, v->len, p->e);
			if (rc == -1)
				return p->failed = -1;
			if (rc == 1) {
				if (lb_keyset_add(p->seen, TAG_FOUND + (int)i,
				    v->s, v->len, 0, NULL) == -1) {
					lb_error(p->e, "out of memory");
					return p->failed = -1;
				}
				continue;
			}
			if (col->flags & LB_COL_SELFREF) {
				if (defer_ref(p, line, cn, v) == -1) {
					lb_error(p->e, "out of memory");
					return p->failed = -1;
				}
				continue;
			}
			diag(p, line, cn, "%s: no %s \"%.*s\" in the vault "
			    "(import %s first, or fix the reference)",
			    col->name, rk->noun, (int)v->len, v->s, rk->name);
			bad = 1;
		}
		if (col->flags & LB_COL_UNIQUE) {
			rc = lb_keyset_add(p->seen, (int)i, v->s, v->len,
			    (uint32_t)line, &first);
			if (rc == -1) {
				lb_error(p->e, "out of memory");
				return p->failed = -1;
			}
			if (rc == 1) {
				diag(p, line, cn, "%s: \"%.*s\" appears again "
				    "(first at line %" PRIu32 ")", col->name,
				    (int)v->len, v->s, first);
				bad = 1;
				continue;
			}
			if (p->table_empty)
				continue;	/* nothing in the vault to clash */
			rc = p->st->ops->unique_owner(p->st, k, (int)i, v->s,
			    v->len, owner, sizeof(owner), p->e);
			if (rc == -1)
				return p->failed = -1;
			if (rc == 1 && (strlen(owner) != p->key.len ||
			    memcmp(owner, p->key.data, p->key.len) != 0)) {
				diag(p, line, cn, "%s: \"%.*s\" already belongs "
				    "to %s \"%s\" in the vault", col->name,
				    (int)v->len, v->s, k->noun, owner);
				bad = 1;
			}
		}
	}
	return bad ? -1 : 0;
}

static void
overlay_where(void *arg, int c, unsigned long *line, unsigned long *col)
{
	struct imp	*p = arg;

	where(p, p->rec, c, line, col);
}

static void
overlay_warn(void *arg, unsigned long line, unsigned long col,
    const char *msg)
{
	struct imp	*p = arg;
	struct lb_import *im = p->im;
	struct lb_diag	*d;

	if (im->nwarns >= p->max_errors ||
	    (d = lb_reallocarray(im->warns, im->nwarns + 1, sizeof(*d))) ==
	    NULL)
		return;
	im->warns = d;
	d = &d[im->nwarns++];
	d->line = line;
	d->col = col;
	(void)snprintf(d->msg, sizeof(d->msg), "%s", msg);
}

static void
record(struct imp *p, const struct lb_record *r)
{
	struct lb_import	*im = p->im;
	char			 why[256];
	unsigned long		 line, cn;
	uint32_t		 first;
	int			 c = -1, rc, changed, bad;

	im->records++;
	if (gather(p, r) == -1)
		return;
	bad = check_columns(p, r);
	/* What Lifeboat decided wins over the feed (shipment.h). */
	p->rec = r;
	if (bad == 0 && p->ov != NULL && lb_overlay_apply(p->ov, &p->ch, p->who,
	    p->vals, p->file, overlay_where, overlay_warn, p,
	    &im->conflicts, p->e) == -1) {
		p->failed = -1;
		return;
	}
	if (bad == 0 && lb_check_record(&p->rules, p->vals, &c, why,
	    sizeof(why)) == -1) {
		where(p, r, c, &line, &cn);
		diag(p, line, cn, "%s: %s", p->k->cols[c].name, why);
		bad = -1;
	}
	build_key(p);
	if (lb_buf_error(&p->key) != 0) {
		lb_error(p->e, "out of memory");
		p->failed = -1;
		return;
	}
	if (p->key.len > 0 && p->vals[0].null == 0) {
		rc = lb_keyset_add(p->seen, TAG_KEY, p->key.data, p->key.len,
		    (uint32_t)r->line, &first);
		if (rc == -1) {
			lb_error(p->e, "out of memory");
			p->failed = -1;
			return;
		}
		if (rc == 1) {
			diag(p, r->line, r->col, "%s \"%s\" appears again (first "
			    "at line %" PRIu32 ")", p->k->noun,
			    lb_buf_cstr(&p->key), first);
			bad = -1;
		}
	}
	if (bad != 0)
		return;
	if (check_links(p, r) == -1 || p->failed)
		return;
	if (p->k->single) {
		int64_t	n = 0;

		if (p->st->ops->count(p->st, p->k, &n, p->e) == -1) {
			p->failed = -1;
			return;
		}
		rc = n == 0 ? 1 : p->st->ops->has_key(p->st, p->k,
		    p->key.data, p->key.len, p->e);
		if (rc == -1) {
			p->failed = -1;
			return;
		}
		if (rc == 0) {
			diag(p, r->line, r->col, "this vault belongs to another "
			    "%s: one vault holds one brokerage", p->k->noun);
			return;
		}
	}
	if (im->nerrors > 0)
		return;	/* the file is already refused: only validate */
	if (lb_change_upsert(&p->ch, p->k, p->vals, p->key.data, p->key.len,
	    &changed, p->e) == -1) {
		p->failed = -1;
		return;
	}
	if (changed)
		im->written++;
	else
		im->unchanged++;
}

static void
resolve_deferred(struct imp *p)
{
	const struct lb_column	*col;
	size_t			 i, c;

	for (i = 0; i < p->ndefer; i++) {
		if (lb_keyset_has(p->seen, TAG_KEY, p->defer[i].value,
		    strlen(p->defer[i].value)))
			continue;
		for (c = 0; c < p->k->ncols; c++)
			if (p->k->cols[c].flags & LB_COL_SELFREF)
				break;
		col = &p->k->cols[c < p->k->ncols ? c : 0];
		diag(p, p->defer[i].line, p->defer[i].col, "%s: no %s \"%s\" "
		    "in this file or the vault", col->name, p->k->noun,
		    p->defer[i].value);
	}
}

/* Self-references (the call tree) must not loop: collect key -> parent. */
struct tree {
	char		**key;
	char		**parent;
	size_t		  n;
	size_t		  cap;
	int		  keycol;
	int		  refcol;
	int		  oom;
};

static int
tree_row(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct tree	*t = arg;
	const struct lb_value *k = &vals[t->keycol], *r = &vals[t->refcol];
	char		**nk, **np;

	if (k->null || k->s == NULL || r->null || r->s == NULL)
		return 0;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		nk = lb_reallocarray(t->key, t->cap, sizeof(*nk));
		if (nk != NULL)
			t->key = nk;
		np = lb_reallocarray(t->parent, t->cap, sizeof(*np));
		if (np != NULL)
			t->parent = np;
		if (nk == NULL || np == NULL) {
			t->oom = 1;
			return -1;
		}
	}
	t->key[t->n] = lb_strndup(k->s, k->len);
	t->parent[t->n] = lb_strndup(r->s, r->len);
	if (t->key[t->n] == NULL || t->parent[t->n] == NULL) {
		free(t->key[t->n]);
		free(t->parent[t->n]);
		t->oom = 1;
		return -1;
	}
	t->n++;
	return 0;
}

static long
tree_find(const struct tree *t, const char *key)
{
	size_t	i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->key[i], key) == 0)
			return (long)i;
	return -1;
}

/*
 * After the rows are staged, follow each parent chain of the kind's
 * self-reference as the vault would hold it; a chain that comes back to
 * where it started is a loop: someone in it would never be called.
 */
static void
check_loops(struct imp *p)
{
	struct tree	 t;
	struct lb_buf	 path;
	size_t		 i, steps;
	long		 at;

	memset(&t, 0, sizeof(t));
	t.keycol = 0;
	t.refcol = -1;
	for (i = 0; i < p->k->ncols; i++)
		if (p->k->cols[i].flags & LB_COL_SELFREF)
			t.refcol = (int)i;
	if (t.refcol == -1 || p->im->nerrors > 0)
		return;
	if (p->st->ops->rows_scan(p->st, p->k, tree_row, &t, p->e) == -1) {
		if (t.oom)
			lb_error(p->e, "out of memory");
		p->failed = -1;
		goto out;
	}
	lb_buf_init(&path, 4096);
	for (i = 0; i < t.n && p->im->nerrors == 0; i++) {
		lb_buf_reset(&path);
		lb_buf_adds(&path, t.key[i]);
		at = (long)i;
		for (steps = 0; steps <= t.n; steps++) {
			lb_buf_addf(&path, " -> %s", t.parent[at]);
			if (strcmp(t.parent[at], t.key[i]) == 0) {
				diag(p, 0, 0, "%s: loop in the call tree: %s",
				    p->k->cols[t.refcol].name,
				    lb_buf_cstr(&path));
				break;
			}
			if ((at = tree_find(&t, t.parent[at])) == -1)
				break;
		}
	}
	lb_buf_free(&path);
out:
	for (i = 0; i < t.n; i++) {
		free(t.key[i]);
		free(t.parent[i]);
	}
	free(t.key);
	free(t.parent);
}

static enum lb_format
guess_format(const char *path)
{
	size_t	n = strlen(path);

	if (n >= 5 && strcasecmp(path + n - 5, ".json") == 0)
		return LB_FMT_JSON;
	return LB_FMT_CSV;
}

static void
journal_detail(struct imp *p, const char *source, struct lb_buf *b)
{
	struct lb_import	*im = p->im;

	lb_buf_adds(b, "{\"source\":");
	lb_buf_add_json_str(b, source, strlen(source));
	lb_buf_addf(b, ",\"format\":\"%s\",\"records\":%" PRId64 ",\"written\":%"
	    PRId64 ",\"unchanged\":%" PRId64, im->used_format == LB_FMT_JSON ?
	    "json" : "csv", im->records, im->written, im->unchanged);
	if (im->conflicts > 0)
		lb_buf_addf(b, ",\"conflicts\":%" PRId64, im->conflicts);
	lb_buf_adds(b, ",\"blake2b\":\"");
	lb_buf_add_hex(b, im->digest, LB_HASH_LEN);
	lb_buf_adds(b, "\"}");
}

static int
read_all(struct imp *p)
{
	struct lb_read_error	 re;
	struct lb_record	 r;
	int			 rc;

	if (p->csv != NULL) {
		if (lb_csv_read_header(p->csv, &re) == -1) {
			diag(p, re.line, re.col, "%s", re.msg);
			return 0;
		}
		map_header(p);
		if (p->im->nerrors > 0)
			return 0;	/* rows cannot be read against it */
	}
	for (;;) {
		if (p->stop) {
			p->im->stopped = 1;
			return 0;
		}
		rc = p->csv != NULL ? lb_csv_next(p->csv, &r, &re) :
		    lb_json_next(p->json, &r, &re);
		if (rc == 0)
			break;
		if (rc == -1) {
			diag(p, re.line, re.col, "%s", re.msg);
			return 0;
		}
		record(p, &r);
		if (p->failed)
			return -1;
	}
	resolve_deferred(p);
	check_loops(p);
	if (p->failed)
		return -1;
	if (p->im->records == 0 && !p->im->allow_empty && !p->k->single) {
		diag(p, 0, 0, "no records: an empty export would make the old "
		    "copy look fresh (use --allow-empty if the main system "
		    "really has none)");
		return 0;
	}
	if (p->k->single && p->im->records != 1)
		diag(p, 0, 0, "a %s file holds exactly one record, this one "
		    "has %" PRId64, p->k->name, p->im->records);
	return 0;
}

int
lb_import_run(struct lb_vault *v, const struct lb_who *who,
    struct lb_import *im, struct lb_err *e)
{
	struct imp	 p;
	struct lb_buf	 detail;
	const char	*source, *slash;
	char		 ts[24];
	size_t		 i;
	int		 fd = -1, ret = -1;

	im->records = im->written = im->unchanged = im->seq = 0;
	im->diags = im->warns = NULL;
	im->ndiags = im->nerrors = im->nwarns = 0;
	im->conflicts = 0;
	memset(&p, 0, sizeof(p));
	p.st = v->st;
	p.im = im;
	p.e = e;
	p.max_errors = im->max_errors > 0 ? im->max_errors : 100;
	lb_buf_init(&p.key, 4096);
	lb_buf_init(&detail, 8192);
	if ((p.k = lb_kind_find(im->kind)) == NULL || p.k->internal) {
		struct lb_buf	 names;

		lb_buf_init(&names, 1024);
		for (i = 0; i < lb_nkinds; i++)
			if (!lb_kinds[i]->internal)
				lb_buf_addf(&names, "%s%s", i ? ", " : "",
				    lb_kinds[i]->name);
		lb_error(e, "unknown kind \"%s\" (known: %s)", im->kind,
		    lb_buf_cstr(&names));
		lb_buf_free(&names);
		goto out;
	}
	lb_rules_init(&p.rules, p.k);
	if ((fd = open(im->path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) == -1) {
		lb_error(e, "%s: %s", im->path, strerror(errno));
		goto out;
	}
	if (file_digest(fd, im->path, im->digest, e) == -1)
		goto out;
	im->used_format = im->format != LB_FMT_AUTO ? im->format :
	    guess_format(im->path);
	if (im->used_format == LB_FMT_JSON)
		p.json = lb_json_open_fd(fd);
	else
		p.csv = lb_csv_open_fd(fd);
	p.scratch = lb_mallocarray(p.k->ncols, sizeof(*p.scratch));
	p.seen = lb_keyset_new();
	if ((p.json == NULL && p.csv == NULL) || p.scratch == NULL ||
	    p.seen == NULL) {
		lb_error(e, "out of memory");
		goto out;
	}
	p.who = who;
	p.file = im->source != NULL ? im->source : im->path;
	if (lb_change_begin(v->st, &p.ch, e) == -1)
		goto out;
	p.open = 1;
	if (lb_overlay_load(v->st, p.k, &p.ov, e) == -1)
		goto out;
	{
		int64_t	n;

		if (v->st->ops->count(v->st, p.k, &n, e) == -1)
			goto out;
		p.table_empty = n == 0;
	}
	if (read_all(&p) == -1)
		goto out;
	if (im->nerrors > 0) {
		/* Nothing was written: say so, whatever was staged. */
		im->written = im->unchanged = 0;
		ret = 1;
		goto out;
	}
	if (im->dry_run) {
		ret = 0;
		goto out;
	}
	source = im->source != NULL ? im->source : im->path;
	if ((slash = strrchr(source, '/')) != NULL)
		source = slash + 1;
	journal_detail(&p, source, &detail);
	if (lb_buf_error(&detail) != 0) {
		lb_error(e, "out of memory");
		goto out;
	}
	lb_who_ts(who, ts);
	p.open = 0;
	if (lb_change_commit(&p.ch, ts, who->actor, "import", p.k->name,
	    lb_buf_cstr(&detail), &im->seq, e) == -1)
		goto out;
	ret = 0;
out:
	if (p.open)
		lb_change_abort(&p.ch);
	if (p.csv != NULL)
		lb_csv_close(p.csv);
	if (p.json != NULL)
		lb_json_close(p.json);
	if (fd != -1)
		close(fd);
	for (i = 0; i < p.ndefer; i++)
		free(p.defer[i].value);
	free(p.defer);
	free(p.scratch);
	lb_overlay_free(p.ov);
	lb_keyset_free(p.seen);
	lb_buf_free(&p.key);
	lb_buf_free(&detail);
	return ret;
}

void
lb_import_free(struct lb_import *im)
{
	free(im->diags);
	free(im->warns);
	im->diags = im->warns = NULL;
	im->ndiags = im->nwarns = 0;
}
