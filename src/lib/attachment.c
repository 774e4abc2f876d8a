/*
 * attachment.c: the enforcement-discretion attachment (see attachment.h).
 *
 * The document is made once, as a list of items (the letterhead, fields,
 * paragraphs) by compose(); the text and the PDF are two renderings of
 * those same items, so they cannot say different things.  The text wraps
 * at 72 characters; the PDF lets pango wrap at the width of the page, so
 * its lines run the normal length of a letter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attachment.h"
#include "date.h"
#include "kind.h"
#include "mem.h"
#include "pdf.h"
#include "row.h"
#include "store.h"

#define WRAP	72	/* characters per line of the text */

enum style {
	A_HEAD,		/* the letterhead's name */
	A_HEADLINE,	/* a line of the letterhead under it */
	A_RULE,		/* the rule under the letterhead */
	A_DATE,		/* the document's date, right */
	A_TITLE,	/* the heading */
	A_SUB,		/* the line under it */
	A_BLANK,
	A_FIELD,	/* "Label: value" */
	A_PARA,		/* a paragraph of running text */
	A_SIGN,		/* the signature line */
	A_LINE		/* a line of the signature block */
};

typedef void	emit_fn(void *arg, enum style, const char *label,
		    const char *text, size_t len);

/* Bytes of s up to its NUL or the end of its array, whichever is first. */
static size_t
field_len(const char *s, size_t size)
{
	const char	*nul = memchr(s, '\0', size);

	return nul != NULL ? (size_t)(nul - s) : size;
}

#define FLEN(a, f)	field_len((a)->f, sizeof((a)->f))

typedef void	line_fn(void *arg, int first, const char *line, size_t len);

/*
 * Call out for each line of s wrapped at word boundaries so that each
 * line, after an indent of `indent` characters, holds at most WRAP
 * characters.  Line breaks and tabs in the text count as spaces; a word
 * longer than a line is cut.
 */
static void
wrap(line_fn *out, void *arg, const char *s, size_t n, size_t indent)
{
	char		 line[4 * WRAP + 8];
	size_t		 width = WRAP - indent, len = 0, nch = 0, i, w, wch;
	int		 first = 1;

	i = 0;
	while (i < n) {
		/* The next word: [i, i + w), wch characters. */
		while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' ||
		    s[i] == '\r'))
			i++;
		if (i >= n)
			break;
		for (w = 0, wch = 0; i + w < n && s[i + w] != ' ' &&
		    s[i + w] != '\n' && s[i + w] != '\t' && s[i + w] != '\r';
		    w++) {
			if (w == 4 * width)
				break;	/* bytes that are not UTF-8 */
			if (((unsigned char)s[i + w] & 0xc0) == 0x80)
				continue;
			if (wch == width)
				break;	/* cut an overlong word */
			wch++;
		}
		if (nch > 0 && (nch + 1 + wch > width ||
		    len + 1 + w > sizeof(line))) {
			out(arg, first, line, len);
			first = 0;
			len = nch = 0;
		}
		if (nch > 0) {
			line[len++] = ' ';
			nch++;
		}
		memcpy(line + len, s + i, w);
		len += w;
		nch += wch;
		i += w;
	}
	if (nch > 0 || first)
		out(arg, first, line, len);
}

static void
item(emit_fn *emit, void *arg, enum style st, const char *label,
    const char *s, size_t n)
{
	emit(arg, st, label, s, n);
}

static void
plain(emit_fn *emit, void *arg, enum style st, const char *s)
{
	emit(arg, st, "", s, strlen(s));
}

/* The document, item by item; -1 when a required field is missing. */
static int
compose(const struct lb_attachment *a, emit_fn *emit, void *arg)
{
	char		 from[11], to[11], date[11], s[1024];
	const char	*p, *nl;
	size_t		 nbroker = FLEN(a, broker_name);
	size_t		 nentry = FLEN(a, entry_number);
	size_t		 nreason = FLEN(a, reason), naddr, nref, nappr;
	int		 n;

	if (nbroker == 0 || nentry == 0 || nreason == 0 ||
	    lb_date_paper(a->from, FLEN(a, from), from) == -1 ||
	    lb_date_paper(a->to, FLEN(a, to), to) == -1 ||
	    lb_date_paper(a->date, FLEN(a, date), date) == -1 ||
	    strncmp(a->from, a->to, 10) > 0)
		return -1;

	/* Letterhead: who writes, where, under which license. */
	item(emit, arg, A_HEAD, "", a->broker_name, nbroker);
	naddr = FLEN(a, broker_address);
	for (p = a->broker_address; p < a->broker_address + naddr; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(a->broker_address + naddr -
		    p))) == NULL)
			nl = a->broker_address + naddr;
		if (nl > p)
			item(emit, arg, A_HEADLINE, "", p, (size_t)(nl - p));
	}
	n = snprintf(s, sizeof(s), "Licensed customs broker");
	if (FLEN(a, broker_license) > 0)
		n += snprintf(s + n, sizeof(s) - (size_t)n, ", license %.*s",
		    (int)FLEN(a, broker_license), a->broker_license);
	if (FLEN(a, filer) > 0)
		(void)snprintf(s + n, sizeof(s) - (size_t)n,
		    ", filer code %.*s", (int)FLEN(a, filer), a->filer);
	plain(emit, arg, A_HEADLINE, s);
	if (FLEN(a, broker_contact) > 0)
		item(emit, arg, A_HEADLINE, "", a->broker_contact,
		    FLEN(a, broker_contact));
	plain(emit, arg, A_RULE, "");
	plain(emit, arg, A_DATE, date);
	plain(emit, arg, A_BLANK, "");

	(void)snprintf(s, sizeof(s), "Entry summary for entry %.*s: filed "
	    "late under enforcement discretion", (int)nentry, a->entry_number);
	plain(emit, arg, A_TITLE, s);
	plain(emit, arg, A_SUB, "Attachment to the entry summary (CBP "
	    "guidance 3609-0324, broker cybersecurity incident)");
	plain(emit, arg, A_BLANK, "");

	item(emit, arg, A_FIELD, "Entry number:", a->entry_number, nentry);
	if (FLEN(a, importer_name) > 0)
		item(emit, arg, A_FIELD, "Importer of record:",
		    a->importer_name, FLEN(a, importer_name));
	n = snprintf(s, sizeof(s), "%.*s", (int)nbroker, a->broker_name);
	if (FLEN(a, broker_license) > 0)
		n += snprintf(s + n, sizeof(s) - (size_t)n, ", license %.*s",
		    (int)FLEN(a, broker_license), a->broker_license);
	if (FLEN(a, filer) > 0)
		(void)snprintf(s + n, sizeof(s) - (size_t)n,
		    ", filer code %.*s", (int)FLEN(a, filer), a->filer);
	item(emit, arg, A_FIELD, "Filed by:", s, strlen(s));
	(void)snprintf(s, sizeof(s), "%s through %s", from, to);
	item(emit, arg, A_FIELD, "Discretion period:", s, strlen(s));
	item(emit, arg, A_FIELD, "Reason:", a->reason, nreason);
	nref = FLEN(a, reference);
	nappr = FLEN(a, approved_by);
	if (nref > 0)
		item(emit, arg, A_FIELD, "CBP reference:", a->reference, nref);
	if (nappr > 0)
		item(emit, arg, A_FIELD, "Approved by:", a->approved_by, nappr);
	if (FLEN(a, relief_id) > 0)
		item(emit, arg, A_FIELD, "Broker's relief record:",
		    a->relief_id, FLEN(a, relief_id));
	plain(emit, arg, A_BLANK, "");

	n = snprintf(s, sizeof(s), "This entry was not released under "
	    "downtime procedures. Because of the cybersecurity incident "
	    "stated above, %.*s could not file its entry summary, deposit "
	    "the estimated duties or complete the other post-release work "
	    "on time. CBP granted enforcement discretion for %s through %s",
	    (int)nbroker, a->broker_name, from, to);
	if (nappr > 0)
		n += snprintf(s + n, sizeof(s) - (size_t)n, " (%.*s)",
		    (int)nappr, a->approved_by);
	(void)snprintf(s + n, sizeof(s) - (size_t)n, ". We file this entry "
	    "summary under that discretion and ask that CBP not issue or "
	    "enforce liquidated damages for its late filing. The discretion "
	    "does not cover post-summary corrections, protests, "
	    "reconciliation, drawback or refund claims, and interest remains "
	    "due.");
	plain(emit, arg, A_PARA, s);
	plain(emit, arg, A_BLANK, "");
	plain(emit, arg, A_LINE, "Sincerely,");
	plain(emit, arg, A_BLANK, "");

	plain(emit, arg, A_SIGN, "Signature: ______________________________");
	if (FLEN(a, signer_name) > 0) {
		(void)snprintf(s, sizeof(s), "%.*s%s%.*s",
		    (int)FLEN(a, signer_name), a->signer_name,
		    FLEN(a, signer_title) > 0 ? ", " : "",
		    (int)FLEN(a, signer_title), a->signer_title);
		plain(emit, arg, A_LINE, s);
	}
	item(emit, arg, A_LINE, "", a->broker_name, nbroker);
	(void)snprintf(s, sizeof(s), "Date: %s", date);
	plain(emit, arg, A_LINE, s);
	return 0;
}

/*
 * Text.
 */

struct textw {
	struct lb_buf	*b;
	const char	*label;
};

static void
text_line(void *arg, int first, const char *line, size_t len)
{
	struct textw	*w = arg;
	size_t		 i, n = strlen(w->label);

	if (n > 0) {
		if (first)
			lb_buf_adds(w->b, w->label);
		else
			for (i = 0; i < n; i++)
				lb_buf_addc(w->b, ' ');
		lb_buf_addc(w->b, ' ');
	}
	lb_buf_add(w->b, line, len);
	lb_buf_addc(w->b, '\n');
}

static void
emit_text(void *arg, enum style st, const char *label, const char *text,
    size_t len)
{
	struct textw	w;

	w.b = arg;
	w.label = "";
	switch (st) {
	case A_RULE:
		lb_buf_adds(w.b, "------------------------------------------"
		    "------------------------------\n");
		break;
	case A_BLANK:
		lb_buf_addc(w.b, '\n');
		break;
	case A_SIGN:
		lb_buf_addc(w.b, '\n');
		lb_buf_add(w.b, text, len);
		lb_buf_addc(w.b, '\n');
		break;
	case A_FIELD:
		w.label = label;
		wrap(text_line, &w, text, len, strlen(label) + 1);
		break;
	default:
		wrap(text_line, &w, text, len, 0);
		break;
	}
}

int
lb_attachment_text(const struct lb_attachment *a, struct lb_buf *out)
{
	if (compose(a, emit_text, out) == -1)
		return -1;
	return lb_buf_error(out) == 0 ? 0 : -1;
}

/*
 * PDF: the same items; labels bold in a column, values wrapped beside
 * them, paragraphs across the page's width (one inch margins).
 */

#define X0		72.0
#define TOP		60.0
#define WIDTH		(LB_PDF_WIDTH - 2 * X0)
#define SIZE		10.5
#define LABELW		140.0	/* the fields' label column */

#define BOTTOM		(LB_PDF_HEIGHT - 48.0)	/* the page's last line */

struct pdfw {
	struct lb_pdf	*pdf;
	double		 y;
	double		 k;	/* type scale: 1, less when it must fit */
	char		 buf[1024];
};

static void
emit_pdf(void *arg, enum style st, const char *label, const char *text,
    size_t len)
{
	struct pdfw	*w = arg;
	struct lb_pdf	*p = w->pdf;
	double		 hl, hv, k = w->k, sz = SIZE * w->k;

	if (len >= sizeof(w->buf))
		len = sizeof(w->buf) - 1;
	memcpy(w->buf, text, len);
	w->buf[len] = '\0';
	switch (st) {
	case A_HEAD:
		w->y += lb_pdf_text(p, X0, w->y, WIDTH, 15 * k, LB_PDF_BOLD,
		    w->buf) + 2;
		break;
	case A_HEADLINE:
		w->y += lb_pdf_text(p, X0, w->y, WIDTH, 9 * k, 0, w->buf);
		break;
	case A_RULE:
		w->y += 6;
		lb_pdf_line(p, X0, w->y, X0 + WIDTH, w->y, 1.2);
		w->y += 16 * k;
		break;
	case A_DATE:
		w->y += lb_pdf_text(p, X0, w->y, WIDTH, sz, LB_PDF_RIGHT,
		    w->buf);
		break;
	case A_TITLE:
		w->y += lb_pdf_text(p, X0, w->y, WIDTH, 13 * k, LB_PDF_BOLD,
		    w->buf) + 3;
		break;
	case A_SUB:
		w->y += lb_pdf_text(p, X0, w->y, WIDTH, 9.5 * k, LB_PDF_GRAY,
		    w->buf);
		break;
	case A_BLANK:
		w->y += sz;
		break;
	case A_FIELD:
		hl = lb_pdf_text(p, X0, w->y, LABELW - 8, sz, LB_PDF_BOLD,
		    label);
		hv = lb_pdf_text(p, X0 + LABELW, w->y, WIDTH - LABELW, sz, 0,
		    w->buf);
		w->y += (hl > hv ? hl : hv) + 3;
		break;
	case A_SIGN:
		w->y += 2 * sz;
		w->y += lb_pdf_text(p, X0, w->y, WIDTH, sz, 0, w->buf) + 2;
		break;
	case A_PARA:
		w->y += lb_pdf_text(p, X0, w->y, WIDTH, sz, 0, w->buf);
		break;
	default:
		w->y += lb_pdf_text(p, X0, w->y, WIDTH, sz, 0, w->buf) + 1;
		break;
	}
}

int
lb_attachment_pdf(const struct lb_attachment *a, const char *path,
    struct lb_err *e)
{
	return lb_attachment_pdf_to(a, path, 0, e);
}

int
lb_attachment_pdf_to(const struct lb_attachment *a, const char *path,
    int oflags, struct lb_err *e)
{
	struct pdfw	 w;
	char		 title[96];
	int64_t		 days = 0;

	if (FLEN(a, broker_name) == 0 || FLEN(a, entry_number) == 0 ||
	    FLEN(a, reason) == 0)
		return lb_error(e, "attachment: broker name, entry number and "
		    "reason are required");
	if (FLEN(a, date) != 10 || lb_date_parse(a->date, 10, &days, NULL,
	    0) == -1)
		return lb_error(e, "attachment: date \"%.10s\" is not "
		    "YYYY-MM-DD", a->date);
	memset(&w, 0, sizeof(w));
	(void)snprintf(title, sizeof(title), "Enforcement discretion "
	    "attachment, entry %.*s", (int)FLEN(a, entry_number),
	    a->entry_number);
	if (lb_pdf_open(path, title, days * 86400, oflags, &w.pdf, e) == -1)
		return -1;
	/*
	 * One page, whatever the values' lengths: laid out dry first, the
	 * type made smaller (down to 70%) until the signature block fits.
	 */
	lb_pdf_dry(w.pdf, 1);
	for (w.k = 1.0;; w.k -= 0.05) {
		w.y = TOP;
		if (compose(a, emit_pdf, &w) == -1) {
			lb_pdf_abort(w.pdf);
			return lb_error(e, "attachment: the discretion dates "
			    "must be YYYY-MM-DD, the first not after the last");
		}
		if (w.y <= BOTTOM || w.k <= 0.7)
			break;
	}
	lb_pdf_dry(w.pdf, 0);
	w.y = TOP;
	(void)compose(a, emit_pdf, &w);
	return lb_pdf_close(w.pdf, e);
}

/*
 * From the vault.
 */

struct lh {
	struct lb_attachment	*a;
	const struct lb_kind	*k;
};

static const char *
col(const struct lb_kind *k, const struct lb_value *vals, const char *name,
    char *buf, size_t len)
{
	lb_value_copy(&vals[lb_kind_col(k, name)], buf, len);
	return buf;
}

static int
on_broker(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct lh	*x = arg;
	struct lb_buf	 b;
	char		 v[8][128];
	size_t		 n;

	col(x->k, vals, "address1", v[0], sizeof(v[0]));
	col(x->k, vals, "address2", v[1], sizeof(v[1]));
	col(x->k, vals, "city", v[2], sizeof(v[2]));
	col(x->k, vals, "state", v[3], sizeof(v[3]));
	col(x->k, vals, "postal_code", v[4], sizeof(v[4]));
	col(x->k, vals, "country", v[5], sizeof(v[5]));
	col(x->k, vals, "phone", v[6], sizeof(v[6]));
	col(x->k, vals, "email", v[7], sizeof(v[7]));
	lb_buf_init(&b, sizeof(x->a->broker_address));
	lb_buf_adds(&b, v[0]);
	if (v[1][0] != '\0')
		lb_buf_addf(&b, "\n%s", v[1]);
	lb_buf_addf(&b, "\n%s", v[2]);
	if (v[3][0] != '\0')
		lb_buf_addf(&b, ", %s", v[3]);
	if (v[4][0] != '\0')
		lb_buf_addf(&b, " %s", v[4]);
	if (v[5][0] != '\0' && strcmp(v[5], "US") != 0)
		lb_buf_addf(&b, "\n%s", v[5]);
	if (lb_buf_error(&b) == 0)
		(void)snprintf(x->a->broker_address,
		    sizeof(x->a->broker_address), "%s", lb_buf_cstr(&b));
	lb_buf_reset(&b);
	n = strlen(v[6]);
	if (n == 12 && strncmp(v[6], "+1", 2) == 0)
		lb_buf_addf(&b, "Telephone (%.3s) %.3s-%.4s", v[6] + 2,
		    v[6] + 5, v[6] + 8);
	else if (n > 0)
		lb_buf_addf(&b, "Telephone %s", v[6]);
	if (v[7][0] != '\0')
		lb_buf_addf(&b, "%s%s", b.len > 0 ? "    " : "", v[7]);
	if (lb_buf_error(&b) == 0)
		(void)snprintf(x->a->broker_contact,
		    sizeof(x->a->broker_contact), "%s", lb_buf_cstr(&b));
	lb_buf_free(&b);
	return 0;	/* the brokerage is one row */
}

static int
on_relief(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct lh	*x = arg;

	col(x->k, vals, "approved_by", x->a->approved_by,
	    sizeof(x->a->approved_by));
	return 0;
}

int
lb_attachment_letterhead(struct lb_vault *v, struct lb_attachment *a,
    struct lb_err *e)
{
	struct lb_store	*st = v->st;
	struct lh	 x;
	int		 rc = 0;

	x.a = a;
	if (st->ops->read_begin(st, e) == -1)
		return -1;
	x.k = lb_kind_get("brokerage");
	if (st->ops->rows_scan(st, x.k, on_broker, &x, e) == -1)
		rc = -1;
	x.k = lb_kind_get("relief");
	if (rc == 0 && FLEN(a, relief_id) > 0 && st->ops->get_row(st, x.k,
	    a->relief_id, FLEN(a, relief_id), on_relief, &x, e) == -1)
		rc = -1;
	st->ops->read_end(st);
	return rc;
}

struct cand {
	const struct lb_kind	*k;
	int			 cent, cstatus, crel, cdate;
	char			(*v)[16];
	size_t			 n, cap;
	int			 oom;
};

static int
on_ship(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct cand		*c = arg;
	const struct lb_value	*en = &vals[c->cent], *s = &vals[c->cstatus];
	char			(*p)[16];
	size_t			 cap;

	if (en->null || en->len == 0 || en->len > 15)
		return 0;
	if (!s->null && s->len == 9 && memcmp(s->s, "cancelled", 9) == 0)
		return 0;
	if ((vals[c->crel].null || vals[c->crel].len == 0) &&
	    (vals[c->cdate].null || vals[c->cdate].len == 0))
		return 0;
	if (c->n == c->cap) {
		cap = c->cap == 0 ? 64 : c->cap * 2;
		if ((p = lb_reallocarray(c->v, cap, sizeof(*p))) == NULL) {
			c->oom = 1;
			return -1;
		}
		c->v = p;
		c->cap = cap;
	}
	memcpy(c->v[c->n], en->s, en->len);
	c->v[c->n][en->len] = '\0';
	c->n++;
	return 0;
}

struct use {
	int	drawn;
};

static int
on_use(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct use		*u = arg;
	const struct lb_value	*s = &vals[lb_kind_col(
				    lb_kind_get("entry_numbers"), "state")];

	u->drawn = !s->null && s->len == 5 && memcmp(s->s, "drawn", 5) == 0;
	return 0;
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

int
lb_attachment_entries(struct lb_vault *v, lb_attachment_entry_cb *cb,
    void *arg, struct lb_err *e)
{
	struct lb_store		*st = v->st;
	const struct lb_kind	*ku = lb_kind_get("entry_numbers");
	struct cand		 c;
	struct use		 u;
	size_t			 i, keep = 0;
	int			 rc;

	memset(&c, 0, sizeof(c));
	c.k = lb_kind_get("shipments");
	c.cent = lb_kind_col(c.k, "entry_number");
	c.cstatus = lb_kind_col(c.k, "status");
	c.crel = lb_kind_col(c.k, "release_date");
	c.cdate = lb_kind_col(c.k, "entry_date");
	if (st->ops->read_begin(st, e) == -1)
		return -1;
	rc = st->ops->rows_scan(st, c.k, on_ship, &c, e);
	if (c.oom)
		rc = lb_error(e, "out of memory");
	/* Released on downtime: its number was drawn from the reserve. */
	for (i = 0; rc == 0 && i < c.n; i++) {
		u.drawn = 0;
		if (st->ops->get_row(st, ku, c.v[i], strlen(c.v[i]), on_use,
		    &u, e) == -1) {
			rc = -1;
			break;
		}
		if (!u.drawn)
			memmove(c.v[keep++], c.v[i], sizeof(c.v[0]));
	}
	st->ops->read_end(st);
	if (rc == 0 && keep > 1)
		qsort(c.v, keep, sizeof(c.v[0]), entry_cmp);
	for (i = 0; rc == 0 && i < keep; i++)
		rc = cb(arg, c.v[i]);
	free(c.v);
	return rc;
}
