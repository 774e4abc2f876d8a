/*
 * attachment.c: the enforcement-discretion attachment (see attachment.h).
 *
 * The document is made once, as a list of lines (already wrapped), by
 * compose(); the text and the PDF are two renderings of those same lines,
 * so they cannot drift apart: the PDF only adds type sizes and weights.
 */
#include <stdio.h>
#include <string.h>

#include "attachment.h"
#include "date.h"
#include "pdf.h"

#define WRAP	72	/* characters per line of the text */

enum style {
	A_TITLE,	/* the heading */
	A_SUB,		/* the line under it */
	A_BLANK,
	A_FIELD,	/* "Label: value", value continued on A_CONT lines */
	A_CONT,
	A_PARA,		/* a line of running text */
	A_SIGN		/* the signature line */
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

/*
 * Emit text wrapped at word boundaries so that each line, after an indent
 * of `indent` characters, holds at most WRAP characters.  The first line
 * is emitted with style first, the rest with style rest.  Line breaks and
 * tabs in the text count as spaces; a word longer than a line is cut.
 */
static void
wrap(emit_fn *emit, void *arg, enum style first, enum style rest,
    const char *label, const char *s, size_t n, size_t indent)
{
	char		 line[4 * WRAP + 8];
	size_t		 width = WRAP - indent, len = 0, nch = 0, i, w, wch;
	enum style	 st = first;

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
			emit(arg, st, label, line, len);
			st = rest;
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
	if (nch > 0 || st == first)
		emit(arg, st, label, line, len);
}

static void
field(emit_fn *emit, void *arg, const char *label, const char *s, size_t n)
{
	wrap(emit, arg, A_FIELD, A_CONT, label, s, n, strlen(label) + 1);
}

static void
plain(emit_fn *emit, void *arg, enum style st, const char *s)
{
	emit(arg, st, "", s, strlen(s));
}

/* The document, line by line; -1 when a required field is missing. */
static int
compose(const struct lb_attachment *a, emit_fn *emit, void *arg)
{
	char	from[11], to[11], date[11], s[512];
	size_t	nbroker = FLEN(a, broker_name), nentry = FLEN(a, entry_number);
	size_t	nreason = FLEN(a, reason);
	int	n;

	if (nbroker == 0 || nentry == 0 || nreason == 0 ||
	    lb_date_paper(a->from, FLEN(a, from), from) == -1 ||
	    lb_date_paper(a->to, FLEN(a, to), to) == -1 ||
	    lb_date_paper(a->date, FLEN(a, date), date) == -1 ||
	    strncmp(a->from, a->to, 10) > 0)
		return -1;

	(void)snprintf(s, sizeof(s), "ATTACHMENT TO ENTRY SUMMARY %.*s",
	    (int)nentry, a->entry_number);
	plain(emit, arg, A_TITLE, s);
	plain(emit, arg, A_SUB, "Enforcement discretion, cybersecurity "
	    "incident (CBP guidance 3609-0324)");
	plain(emit, arg, A_BLANK, "");

	n = snprintf(s, sizeof(s), "%.*s", (int)nbroker, a->broker_name);
	if (FLEN(a, broker_license) > 0)
		n += snprintf(s + n, sizeof(s) - (size_t)n, ", license %.*s",
		    (int)FLEN(a, broker_license), a->broker_license);
	if (FLEN(a, filer) > 0)
		n += snprintf(s + n, sizeof(s) - (size_t)n, ", filer code %.*s",
		    (int)FLEN(a, filer), a->filer);
	field(emit, arg, "Broker:", s, strlen(s));
	field(emit, arg, "Entry number:", a->entry_number, nentry);
	if (FLEN(a, importer_name) > 0)
		field(emit, arg, "Importer of record:", a->importer_name,
		    FLEN(a, importer_name));
	(void)snprintf(s, sizeof(s), "%s through %s", from, to);
	field(emit, arg, "Enforcement discretion:", s, strlen(s));
	field(emit, arg, "Reason:", a->reason, nreason);
	if (FLEN(a, reference) > 0)
		field(emit, arg, "CBP approval reference:", a->reference,
		    FLEN(a, reference));
	if (FLEN(a, relief_id) > 0)
		field(emit, arg, "Relief record:", a->relief_id,
		    FLEN(a, relief_id));
	plain(emit, arg, A_BLANK, "");

	(void)snprintf(s, sizeof(s), "This entry summary was not released on "
	    "downtime. The broker named above could not file it, deposit its "
	    "estimated duties or complete other post-release work on time "
	    "because of the incident stated, and asks that CBP exercise "
	    "enforcement discretion for it from %s through %s. The "
	    "discretion does not cover post-summary corrections, protests, "
	    "reconciliation, drawback or refund claims, and interest remains "
	    "due.", from, to);
	wrap(emit, arg, A_PARA, A_PARA, "", s, strlen(s), 0);
	plain(emit, arg, A_BLANK, "");
	plain(emit, arg, A_BLANK, "");

	plain(emit, arg, A_SIGN, "Signature: ______________________________");
	if (FLEN(a, signer_name) > 0) {
		(void)snprintf(s, sizeof(s), "%.*s%s%.*s",
		    (int)FLEN(a, signer_name), a->signer_name,
		    FLEN(a, signer_title) > 0 ? ", " : "",
		    (int)FLEN(a, signer_title), a->signer_title);
		wrap(emit, arg, A_PARA, A_PARA, "", s, strlen(s), 0);
	}
	wrap(emit, arg, A_PARA, A_PARA, "", a->broker_name, nbroker, 0);
	(void)snprintf(s, sizeof(s), "Date: %s", date);
	plain(emit, arg, A_PARA, s);
	return 0;
}

/*
 * Text.
 */

static void
emit_text(void *arg, enum style st, const char *label, const char *text,
    size_t len)
{
	struct lb_buf	*b = arg;
	size_t		 i;

	if (st == A_FIELD) {
		lb_buf_adds(b, label);
		lb_buf_addc(b, ' ');
	} else if (st == A_CONT)
		for (i = 0; i <= strlen(label); i++)
			lb_buf_addc(b, ' ');
	lb_buf_add(b, text, len);
	lb_buf_addc(b, '\n');
}

int
lb_attachment_text(const struct lb_attachment *a, struct lb_buf *out)
{
	if (compose(a, emit_text, out) == -1)
		return -1;
	return lb_buf_error(out) == 0 ? 0 : -1;
}

/*
 * PDF: the same lines, one text run each; labels bold, values aligned
 * after them.
 */

#define X0		72.0
#define TOP		72.0
#define SIZE		10.5
#define LEAD		15.0

struct pdfw {
	struct lb_pdf	*pdf;
	double		 y;
	double		 valx;	/* where the last field's value starts */
	char		 line[4 * WRAP + 8];
};

static void
emit_pdf(void *arg, enum style st, const char *label, const char *text,
    size_t len)
{
	struct pdfw	*w = arg;
	double		 lw;

	if (len >= sizeof(w->line))
		len = sizeof(w->line) - 1;
	memcpy(w->line, text, len);
	w->line[len] = '\0';
	switch (st) {
	case A_TITLE:
		w->y += lb_pdf_text(w->pdf, X0, w->y, 0, 14, LB_PDF_BOLD,
		    w->line) + 2;
		break;
	case A_SUB:
		w->y += lb_pdf_text(w->pdf, X0, w->y, 0, 9.5, LB_PDF_GRAY,
		    w->line);
		lb_pdf_line(w->pdf, X0, w->y + 5, LB_PDF_WIDTH - X0, w->y + 5,
		    0.8);
		w->y += 8;
		break;
	case A_BLANK:
		w->y += LEAD * 0.8;
		break;
	case A_FIELD:
		lw = lb_pdf_text_width(w->pdf, SIZE, LB_PDF_BOLD, label);
		lb_pdf_text(w->pdf, X0, w->y, 0, SIZE, LB_PDF_BOLD, label);
		w->valx = X0 + lw + SIZE * 0.4;
		lb_pdf_text(w->pdf, w->valx, w->y, 0, SIZE, 0, w->line);
		w->y += LEAD;
		break;
	case A_CONT:
		lb_pdf_text(w->pdf, w->valx, w->y, 0, SIZE, 0, w->line);
		w->y += LEAD;
		break;
	case A_SIGN:
		w->y += LEAD;
		lb_pdf_text(w->pdf, X0, w->y, 0, SIZE, 0, w->line);
		w->y += LEAD;
		break;
	default:
		lb_pdf_text(w->pdf, X0, w->y, 0, SIZE, 0, w->line);
		w->y += LEAD;
		break;
	}
}

int
lb_attachment_pdf(const struct lb_attachment *a, const char *path,
    struct lb_err *e)
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
	if (lb_pdf_open(path, title, days * 86400, &w.pdf, e) == -1)
		return -1;
	w.y = TOP;
	if (compose(a, emit_pdf, &w) == -1) {
		lb_pdf_abort(w.pdf);
		return lb_error(e, "attachment: the discretion dates must be "
		    "YYYY-MM-DD, the first not after the last");
	}
	return lb_pdf_close(w.pdf, e);
}
