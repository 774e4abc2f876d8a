/*
 * entry.c: the entry-number reserve (see entry.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"
#include "entry.h"
#include "journal.h"
#include "keyset.h"
#include "kind.h"
#include "mem.h"
#include "recovery.h"
#include "row.h"
#include "shipment.h"

static void
int_value(struct lb_value *v, int64_t i)
{
	memset(v, 0, sizeof(*v));
	v->i = i;
}

/* Canonical filer code, or -1 with a message. */
static int
filer_code(const char *in, char out[4], struct lb_err *e)
{
	size_t	i;

	if (strlen(in) != 3)
		return lb_error(e, "filer code \"%.10s\" must be 3 letters or "
		    "digits", in);
	for (i = 0; i < 3; i++)
		out[i] = (char)(in[i] >= 'a' && in[i] <= 'z' ? in[i] - 32 :
		    in[i]);
	out[3] = '\0';
	if (!lb_filer_code_valid(out, 3))
		return lb_error(e, "filer code \"%s\" must be 3 letters or "
		    "digits", out);
	return 0;
}

/* The entry number of (filer, serial), check digit computed. */
static void
make_number(const char *filer, int64_t serial, char out[LB_ENTRY_STRLEN])
{
	char	ten[11];

	(void)snprintf(ten, sizeof(ten), "%s%07" PRId64, filer, serial);
	(void)snprintf(out, LB_ENTRY_STRLEN, "%.3s-%.7s-%d", ten, ten + 3,
	    lb_entry_check_digit(ten));
}

/* Record one number's state in the open change. */
static int
record_use(struct lb_change *c, const struct lb_who *who, const char *number,
    const char *filer, int64_t serial, const char *state,
    const char *shipment, const char *reason, struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("entry_numbers");
	struct lb_value		 vals[8];
	char			 ts[24];
	int			 changed;

	lb_who_ts(who, ts);
	lb_value_text(&vals[0], number);
	lb_value_text(&vals[1], filer);
	int_value(&vals[2], serial);
	lb_value_text(&vals[3], state);
	lb_value_text(&vals[4], shipment);
	lb_value_text(&vals[5], reason);
	lb_value_text(&vals[6], ts);
	lb_value_text(&vals[7], who->actor);
	return lb_change_upsert(c, k, vals, number, strlen(number), &changed,
	    e);
}

/* The brokerage's filer codes, when a brokerage was imported. */
struct filers {
	char	codes[256];
	int	found;
};

static int
on_brokerage(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct filers	*f = arg;
	int		 c;

	c = lb_kind_col(lb_kind_get("brokerage"), "filer_codes");
	if (c >= 0 && !vals[c].null && vals[c].s != NULL) {
		(void)snprintf(f->codes, sizeof(f->codes), "%.*s",
		    (int)vals[c].len, vals[c].s);
		f->found = 1;
	}
	return 0;
}

static int
check_filer_is_ours(struct lb_store *st, const char *filer, struct lb_err *e)
{
	struct filers	 f;
	const char	*p;

	memset(&f, 0, sizeof(f));
	if (st->ops->rows_scan(st, lb_kind_get("brokerage"), on_brokerage, &f,
	    e) == -1)
		return -1;
	if (!f.found)
		return 0;
	/* The import stored them canonical: "B76;ABC". */
	for (p = f.codes; strlen(p) >= 3; p += 4) {
		if (strncmp(p, filer, 3) == 0)
			return 0;
		if (p[3] != ';')
			break;
	}
	return lb_error(e, "filer code %s is not one of the brokerage's (%s)",
	    filer, f.codes);
}

int
lb_entry_reserve(struct lb_vault *v, const struct lb_who *who,
    const char *filer_in, int64_t first, int64_t last, const char *port,
    const char *note, struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("entry_blocks");
	struct lb_change	 c;
	struct lb_value		 vals[5];
	struct lb_buf		 key, detail;
	char			 filer[4], ts[24];
	int64_t			 other;
	int			 rc, changed, ret = -1;

	if (filer_code(filer_in, filer, e) == -1)
		return -1;
	if (first < 0 || last > LB_SERIAL_MAX || first > last)
		return lb_error(e, "serials must be 0000000 to 9999999, --from "
		    "not after --to");
	if (port != NULL && port[0] != '\0' &&
	    !lb_port_valid(port, strlen(port)))
		return lb_error(e, "port \"%.10s\" must be 4 digits (Schedule "
		    "D)", port);
	if (note != NULL && strlen(note) > 200)
		return lb_error(e, "note longer than 200 characters");
	if (lb_change_begin(v->st, &c, e) == -1)
		return -1;
	lb_buf_init(&key, 64);
	lb_buf_init(&detail, 1024);
	if (check_filer_is_ours(v->st, filer, e) == -1)
		goto out;
	rc = v->st->ops->query3(v->st, "block_overlap", filer, first, last,
	    &other, e);
	if (rc == -1)
		goto out;
	if (rc == 1) {
		lb_error(e, "serials %07" PRId64 "-%07" PRId64 " overlap the "
		    "block of filer %s starting at %07" PRId64, first, last,
		    filer, other);
		goto out;
	}
	lb_value_text(&vals[0], filer);
	int_value(&vals[1], first);
	int_value(&vals[2], last);
	lb_value_text(&vals[3], port);
	lb_value_text(&vals[4], note);
	lb_buf_addf(&key, "%s|%" PRId64, filer, first);
	if (lb_change_upsert(&c, k, vals, key.data, key.len, &changed,
	    e) == -1)
		goto out;
	lb_buf_addf(&detail, "{\"filer\":\"%s\",\"first\":%" PRId64 ",\"last\":%"
	    PRId64 ",\"size\":%" PRId64 "}", filer, first, last,
	    last - first + 1);
	lb_who_ts(who, ts);
	ret = lb_change_commit(&c, ts, who->actor, "entry.reserve", filer,
	    lb_buf_cstr(&detail), NULL, e);
out:
	if (ret == -1)
		lb_change_abort(&c);
	lb_buf_free(&key);
	lb_buf_free(&detail);
	return ret;
}

/* The lowest free serial of [first, last]: 1 found, 0 none, -1 error. */
static int
free_serial(struct lb_store *st, const char *filer, int64_t first,
    int64_t last, int64_t *serial, struct lb_err *e)
{
	int64_t	max;
	int	rc;

	if ((rc = st->ops->query3(st, "serial_taken", filer, first, 0, &max,
	    e)) == -1)
		return -1;
	if (rc == 0) {
		*serial = first;
		return 1;
	}
	/* Usually numbers are drawn in order: one past the highest. */
	if ((rc = st->ops->query3(st, "serial_max", filer, first, last, &max,
	    e)) == -1)
		return -1;
	if (rc == 1 && max < last) {
		*serial = max + 1;
		return 1;
	}
	/* The top is taken: look for a hole (numbers voided or used). */
	if ((rc = st->ops->query3(st, "serial_gap", filer, first, last, &max,
	    e)) == -1)
		return -1;
	if (rc == 1) {
		*serial = max;
		return 1;
	}
	return 0;
}

int
lb_entry_next(struct lb_vault *v, const struct lb_who *who,
    const char *filer_in, const char *shipment, char number[LB_ENTRY_STRLEN],
    struct lb_err *e)
{
	return lb_entry_next_typed(v, who, filer_in, shipment, 0, number, e);
}

int
lb_entry_type_check(int entry_type, struct lb_err *e)
{
	if (entry_type != 0 && lb_entry_type_closed(entry_type))
		return lb_error(e, "entry type %02d (%s) is no longer accepted",
		    entry_type, lb_entry_type_name(entry_type));
	if (entry_type != 0 && !lb_entry_type_valid(entry_type))
		return lb_error(e, "entry type %02d is not a CBP entry type",
		    entry_type);
	return 0;
}

int
lb_entry_next_typed(struct lb_vault *v, const struct lb_who *who,
    const char *filer_in, const char *shipment, int entry_type,
    char number[LB_ENTRY_STRLEN], struct lb_err *e)
{
	const struct lb_kind	*sk = lb_kind_get("shipments");
	struct lb_store		*st = v->st;
	struct lb_change	 c;
	struct lb_shiprow	*sr;
	struct lb_buf		 detail;
	char			 filer[4], ts[24], owner[128], status[16];
	int64_t			 serial = 0, first, last, nblocks;
	int			 rc, found = 0, ret = -1;
	int			 ce = lb_kind_col(sk, "entry_number");

	number[0] = '\0';
	if (filer_code(filer_in, filer, e) == -1)
		return -1;
	if (entry_type != 0 && shipment == NULL)
		return lb_error(e, "an entry type goes with a shipment");
	if (lb_entry_type_check(entry_type, e) == -1)
		return -1;
	if ((sr = lb_calloc(1, sizeof(*sr))) == NULL)
		return lb_error(e, "out of memory");
	lb_shiprow_init(sr, sk);
	lb_buf_init(&detail, 1024);
	if (lb_change_begin(st, &c, e) == -1)
		goto out_free;
	if (shipment != NULL) {
		if ((rc = lb_shiprow_get(st, sr, shipment, e)) == -1)
			goto out;
		if (rc == 0) {
			lb_error(e, "no shipment \"%s\" in the vault", shipment);
			goto out;
		}
		if (!sr->vals[ce].null) {
			lb_error(e, "shipment %s already has entry number %.*s",
			    shipment, (int)sr->vals[ce].len, sr->vals[ce].s);
			goto out;
		}
		lb_value_copy(&sr->vals[lb_shiprow_col(sr, "status")], status,
		    sizeof(status));
		if (strcmp(status, "cancelled") == 0 ||
		    strcmp(status, "released") == 0) {
			lb_error(e, "shipment %s is %s: it takes no entry number "
			    "from the reserve", shipment, status);
			goto out;
		}
	}
	/* The filer's blocks, lowest first, each read when needed. */
	for (first = -1, nblocks = 0; !found; nblocks++) {
		rc = st->ops->query3(st, "block_after", filer, first, 0, &first,
		    e);
		if (rc == -1)
			goto out;
		if (rc == 0)
			break;
		if (st->ops->query3(st, "block_last", filer, first, 0, &last,
		    e) != 1)
			goto out;
		for (;;) {
			rc = free_serial(st, filer, first, last, &serial, e);
			if (rc == -1)
				goto out;
			if (rc == 0)
				break;
			make_number(filer, serial, number);
			/* A number already on a shipment was used elsewhere. */
			rc = st->ops->unique_owner(st, sk, ce, number,
			    strlen(number), owner, sizeof(owner), e);
			if (rc == -1)
				goto out;
			if (rc == 0) {
				found = 1;
				break;
			}
			if (record_use(&c, who, number, filer, serial, "used",
			    owner, "already on a shipment in the vault",
			    e) == -1)
				goto out;
		}
	}
	if (nblocks == 0) {
		lb_error(e, "no block of entry numbers is reserved for filer %s "
		    "(lifeboat entry reserve)", filer);
		goto out;
	}
	if (!found) {
		number[0] = '\0';
		lb_error(e, "the reserve of filer %s is exhausted: every number "
		    "of its blocks is drawn, void or used (lifeboat entry "
		    "reserve)", filer);
		goto out;
	}
	if (record_use(&c, who, number, filer, serial, "drawn", shipment, NULL,
	    e) == -1)
		goto out;
	if (shipment != NULL && (lb_shipment_put_entry(&c, who, sr, number,
	    entry_type, e) == -1 || lb_recovery_reopen(&c, shipment, e) == -1))
		goto out;
	lb_buf_addf(&detail, "{\"number\":\"%s\"", number);
	if (entry_type != 0)
		lb_buf_addf(&detail, ",\"entry_type\":\"%02d\"", entry_type);
	if (shipment != NULL) {
		lb_buf_adds(&detail, ",\"shipment\":");
		lb_buf_add_json_str(&detail, shipment, strlen(shipment));
	}
	lb_buf_adds(&detail, "}");
	lb_who_ts(who, ts);
	ret = lb_change_commit(&c, ts, who->actor, "entry.next", filer,
	    lb_buf_cstr(&detail), NULL, e);
	if (ret == -1)
		number[0] = '\0';
	goto out_free;
out:
	lb_change_abort(&c);
	number[0] = '\0';
out_free:
	lb_shiprow_free(sr);
	free(sr);
	lb_buf_free(&detail);
	return ret;
}

struct use_row {
	char	state[8];
	char	shipment[64];
	int	found;
};

static int
on_use(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct use_row	*u = arg;

	u->found = 1;
	(void)snprintf(u->state, sizeof(u->state), "%.*s", (int)vals[3].len,
	    vals[3].s != NULL ? vals[3].s : "");
	if (!vals[4].null && vals[4].s != NULL)
		(void)snprintf(u->shipment, sizeof(u->shipment), "%.*s",
		    (int)vals[4].len, vals[4].s);
	return 0;
}

int
lb_entry_mark_void(struct lb_change *c, const struct lb_who *who,
    const char *number, const char *reason, struct lb_err *e)
{
	struct use_row	u;
	char		filer[4];
	int64_t		serial;
	int		rc;

	memset(&u, 0, sizeof(u));
	rc = c->st->ops->get_row(c->st, lb_kind_get("entry_numbers"), number,
	    strlen(number), on_use, &u, e);
	if (rc == -1)
		return -1;
	memcpy(filer, number, 3);
	filer[3] = '\0';
	serial = strtoll(number + 4, NULL, 10);
	return record_use(c, who, number, filer, serial, "void",
	    u.shipment[0] != '\0' ? u.shipment : NULL, reason, e);
}

int
lb_entry_void(struct lb_vault *v, const struct lb_who *who,
    const char *number_in, const char *reason, struct lb_err *e)
{
	struct lb_store		*st = v->st;
	struct lb_change	 c;
	struct use_row		 u;
	struct lb_shiprow	*sr;
	struct lb_buf		 detail;
	char			 number[LB_ENTRY_STRLEN], why[LB_WHY_MAX];
	char			 filer[4], ts[24], status[16], on[LB_ENTRY_STRLEN];
	char			 released[16];
	int64_t			 serial, first;
	int			 rc, ret = -1, assigned = 0;

	if (lb_entry_parse(number_in, strlen(number_in), number, why,
	    sizeof(why)) == -1)
		return lb_error(e, "%.40s: %s", number_in, why);
	if (reason == NULL || reason[0] == '\0' || strlen(reason) > 200)
		return lb_error(e, "a reason (1 to 200 characters) is needed "
		    "to void a number");
	memcpy(filer, number, 3);
	filer[3] = '\0';
	serial = strtoll(number + 4, NULL, 10);
	memset(&u, 0, sizeof(u));
	if ((sr = lb_calloc(1, sizeof(*sr))) == NULL)
		return lb_error(e, "out of memory");
	lb_shiprow_init(sr, lb_kind_get("shipments"));
	lb_buf_init(&detail, 1024);
	if (lb_change_begin(st, &c, e) == -1)
		goto out_free;
	rc = st->ops->query3(st, "block_of", filer, serial, 0, &first, e);
	if (rc == -1)
		goto out;
	if (rc == 0) {
		lb_error(e, "%s is in no reserved block of filer %s", number,
		    filer);
		goto out;
	}
	rc = st->ops->get_row(st, lb_kind_get("entry_numbers"), number,
	    strlen(number), on_use, &u, e);
	if (rc == -1)
		goto out;
	if (u.found && strcmp(u.state, "drawn") != 0) {
		lb_error(e, "%s is already %s", number, strcmp(u.state,
		    "void") == 0 ? "void" : "used by the main system");
		goto out;
	}
	if (u.found && u.shipment[0] != '\0') {
		/* Undo a draw: the shipment loses the number, unless CBP
		 * released the cargo on it. */
		if ((rc = lb_shiprow_get(st, sr, u.shipment, e)) == -1)
			goto out;
		lb_value_copy(&sr->vals[lb_shiprow_col(sr, "entry_number")],
		    on, sizeof(on));
		if (rc == 1 && strcmp(on, number) == 0) {
			lb_value_copy(&sr->vals[lb_shiprow_col(sr, "status")],
			    status, sizeof(status));
			lb_value_copy(&sr->vals[lb_shiprow_col(sr,
			    "release_date")], released, sizeof(released));
			if (strcmp(status, "released") == 0) {
				lb_error(e, "%s is the entry number of shipment "
				    "%s, released on %s: a released entry must "
				    "be filed, it cannot be voided", number,
				    u.shipment, released[0] ? released :
				    "a date the feed does not give");
				goto out;
			}
			if (lb_shipment_put_entry(&c, who, sr, NULL, 0,
			    e) == -1)
				goto out;
			assigned = 1;
		}
		if (lb_recovery_void(&c, who, u.shipment, number, e) == -1)
			goto out;
	}
	if (record_use(&c, who, number, filer, serial, "void",
	    u.shipment[0] != '\0' ? u.shipment : NULL, reason, e) == -1)
		goto out;
	lb_buf_addf(&detail, "{\"number\":\"%s\",\"reason\":", number);
	lb_buf_add_json_str(&detail, reason, strlen(reason));
	if (u.shipment[0] != '\0') {
		lb_buf_adds(&detail, ",\"shipment\":");
		lb_buf_add_json_str(&detail, u.shipment, strlen(u.shipment));
		lb_buf_addf(&detail, ",\"unassigned\":%s", assigned ? "true" :
		    "false");
	}
	lb_buf_adds(&detail, "}");
	lb_who_ts(who, ts);
	ret = lb_change_commit(&c, ts, who->actor, "entry.void",
	    u.shipment[0] != '\0' ? u.shipment : filer, lb_buf_cstr(&detail),
	    NULL, e);
	goto out_free;
out:
	lb_change_abort(&c);
out_free:
	lb_shiprow_free(sr);
	free(sr);
	lb_buf_free(&detail);
	return ret;
}

struct block_walk {
	struct lb_store	*st;
	lb_block_cb	*cb;
	void		*arg;
	struct lb_err	*e;
	int		 failed;
};

static int
on_block_status(void *arg, const struct lb_value *vals,
    const unsigned char *d, size_t dlen)
{
	struct block_walk	*w = arg;
	struct lb_block		 b;
	int64_t			 taken = 0;

	memset(&b, 0, sizeof(b));
	(void)snprintf(b.filer, sizeof(b.filer), "%.*s", (int)vals[0].len,
	    vals[0].s != NULL ? vals[0].s : "");
	b.first = vals[1].i;
	b.last = vals[2].i;
	if (!vals[3].null && vals[3].s != NULL)
		(void)snprintf(b.port, sizeof(b.port), "%.*s",
		    (int)vals[3].len, vals[3].s);
	if (!vals[4].null && vals[4].s != NULL)
		(void)snprintf(b.note, sizeof(b.note), "%.*s",
		    (int)vals[4].len, vals[4].s);
	if (w->st->ops->query3(w->st, "serials_in", b.filer, b.first, b.last,
	    &taken, w->e) == -1) {
		w->failed = 1;
		return -1;
	}
	b.taken = taken;
	b.left = b.last - b.first + 1 - taken;
	return w->cb(w->arg, &b);
}

int
lb_entry_blocks(struct lb_vault *v, lb_block_cb *cb, void *arg,
    struct lb_err *e)
{
	struct block_walk	w = { v->st, cb, arg, e, 0 };
	int			rc;

	if (v->st->ops->read_begin(v->st, e) == -1)
		return -1;
	rc = v->st->ops->rows_scan(v->st, lb_kind_get("entry_blocks"),
	    on_block_status, &w, e);
	v->st->ops->read_end(v->st);
	return rc;
}

static int
on_left(void *arg, const struct lb_block *b)
{
	struct lb_reserve	*r = arg;
	size_t			 i;

	for (i = 0; i < r->nfilers; i++)
		if (strcmp(r->filer[i], b->filer) == 0)
			break;
	if (i == r->nfilers) {
		if (r->nfilers == LB_RESERVE_MAX_FILERS)
			return -1;	/* lb_entry_reserve_left says why */
		(void)snprintf(r->filer[i], sizeof(r->filer[i]), "%s",
		    b->filer);
		r->left[i] = 0;
		r->nfilers++;
	}
	r->left[i] += b->left;
	return 0;
}

int
lb_entry_reserve_left(struct lb_vault *v, struct lb_reserve *r,
    struct lb_err *e)
{
	struct block_walk	w = { v->st, on_left, r, e, 0 };

	memset(r, 0, sizeof(*r));
	if (v->st->ops->rows_scan(v->st, lb_kind_get("entry_blocks"),
	    on_block_status, &w, e) == -1) {
		if (!w.failed)
			lb_error(e, "more than %d filer codes have blocks",
			    LB_RESERVE_MAX_FILERS);
		return -1;
	}
	return 0;
}

/* One number of the main system's list, inside the open change. */
static int
mark_used(struct lb_store *st, struct lb_change *c, const struct lb_who *who,
    struct lb_import *im, const struct lb_field *f, const char *note,
    struct lb_err *e)
{
	struct use_row	u;
	char		number[LB_ENTRY_STRLEN], why[LB_WHY_MAX], filer[4];
	int		rc;

	if (lb_entry_parse(f->val, f->len, number, why, sizeof(why)) == -1) {
		lb_import_diag(im, f->line, f->col, "entry_number: %s", why);
		return 0;
	}
	memset(&u, 0, sizeof(u));
	rc = st->ops->get_row(st, lb_kind_get("entry_numbers"), number,
	    strlen(number), on_use, &u, e);
	if (rc == -1)
		return -1;
	if (u.found && strcmp(u.state, "drawn") == 0) {
		lb_import_diag(im, f->line, f->col, "entry_number: %s was drawn by "
		    "lifeboat%s%s: the main system used it too, so two entries "
		    "share it", number, u.shipment[0] ? " for shipment " : "",
		    u.shipment);
		return 0;
	}
	if (u.found) {
		im->unchanged++;
		return 0;
	}
	if (im->nerrors > 0)
		return 0;
	memcpy(filer, number, 3);
	filer[3] = '\0';
	if (record_use(c, who, number, filer, strtoll(number + 4, NULL, 10),
	    "used", NULL, note != NULL ? note : "used by the main system",
	    e) == -1)
		return -1;
	im->written++;
	return 0;
}

int
lb_entry_used(struct lb_vault *v, const struct lb_who *who,
    struct lb_import *im, struct lb_err *e)
{
	struct lb_store		*st = v->st;
	struct lb_change	 c;
	struct lb_csv		*csv = NULL;
	struct lb_read_error	 re;
	struct lb_record	 r;
	const struct lb_record	*h;
	struct lb_keyset	*seen = NULL;
	struct lb_buf		 detail;
	char			 note[201], ts[24];
	const struct lb_field	*nf;
	uint32_t		 first;
	size_t			 i;
	int			 fd = -1, open_c = 0, rc, col_no = -1, col_note = -1;
	int			 ret = -1;

	im->records = im->written = im->unchanged = im->seq = 0;
	im->diags = NULL;
	im->ndiags = im->nerrors = 0;
	lb_buf_init(&detail, 1024);
	if ((fd = open(im->path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) == -1) {
		lb_error(e, "%s: %s", im->path, strerror(errno));
		goto out;
	}
	if ((csv = lb_csv_open_fd(fd)) == NULL ||
	    (seen = lb_keyset_new()) == NULL) {
		lb_error(e, "out of memory");
		goto out;
	}
	if (lb_change_begin(st, &c, e) == -1)
		goto out;
	open_c = 1;
	if (lb_csv_read_header(csv, &re) == -1) {
		lb_import_diag(im, re.line, re.col, "%s", re.msg);
		ret = 1;
		goto out;
	}
	h = lb_csv_header(csv);
	for (i = 0; i < h->nfields; i++) {
		if (h->fields[i].name_len == 12 &&
		    memcmp(h->fields[i].name, "entry_number", 12) == 0)
			col_no = (int)i;
		else if (h->fields[i].name_len == 4 &&
		    memcmp(h->fields[i].name, "note", 4) == 0)
			col_note = (int)i;
		else
			lb_import_diag(im, h->fields[i].line, h->fields[i].col,
			    "unknown column \"%.*s\" (known: entry_number, "
			    "note)", (int)h->fields[i].name_len,
			    h->fields[i].name);
	}
	if (col_no == -1)
		lb_import_diag(im, 1, 1, "missing required column \"entry_number\"");
	if (im->nerrors > 0) {
		ret = 1;
		goto out;
	}
	while ((rc = lb_csv_next(csv, &r, &re)) == 1) {
		im->records++;
		nf = &r.fields[col_no];
		note[0] = '\0';
		if (col_note >= 0 && r.fields[col_note].len > 0)
			(void)snprintf(note, sizeof(note), "%.*s",
			    (int)(r.fields[col_note].len > 200 ? 200 :
			    r.fields[col_note].len), r.fields[col_note].val);
		if (nf->len == 0) {
			lb_import_diag(im, nf->line, nf->col, "entry_number: "
			    "required value missing");
			continue;
		}
		rc = lb_keyset_add(seen, 0, nf->val, nf->len,
		    (uint32_t)nf->line, &first);
		if (rc == -1) {
			lb_error(e, "out of memory");
			goto out;
		}
		if (rc == 1) {
			lb_import_diag(im, nf->line, nf->col, "entry_number: \"%.*s\" "
			    "appears again (first at line %" PRIu32 ")",
			    (int)nf->len, nf->val, first);
			continue;
		}
		if (mark_used(st, &c, who, im, nf, note[0] ? note : NULL,
		    e) == -1)
			goto out;
		if (im->nerrors >= (im->max_errors > 0 ? im->max_errors : 100)) {
			im->stopped = 1;
			break;
		}
	}
	if (rc == -1)
		lb_import_diag(im, re.line, re.col, "%s", re.msg);
	if (im->nerrors > 0) {
		im->written = im->unchanged = 0;
		ret = 1;
		goto out;
	}
	if (im->dry_run) {
		ret = 0;
		goto out;
	}
	lb_buf_adds(&detail, "{\"source\":");
	lb_buf_add_json_str(&detail, im->path, strlen(im->path));
	lb_buf_addf(&detail, ",\"records\":%" PRId64 ",\"marked\":%" PRId64
	    "}", im->records, im->written);
	lb_who_ts(who, ts);
	open_c = 0;
	if (lb_change_commit(&c, ts, who->actor, "entry.used", "main system",
	    lb_buf_cstr(&detail), &im->seq, e) == -1)
		goto out;
	ret = 0;
out:
	if (open_c)
		lb_change_abort(&c);
	if (csv != NULL)
		lb_csv_close(csv);
	if (fd != -1)
		close(fd);
	lb_keyset_free(seen);
	lb_buf_free(&detail);
	return ret;
}
