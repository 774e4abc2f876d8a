/*
 * attachment.h: the enforcement-discretion attachment (CBP guidance
 * 3609-0324, CBP.md section 1).
 *
 * When a cyberattack stops a broker from filing entry summaries or
 * depositing duties on time, CBP may decide not to issue or enforce
 * liquidated damages.  For each affected entry summary not released on
 * downtime, the broker attaches a document naming the broker, the date
 * range of enforcement discretion and the reason.  This module writes that
 * document, as plain text and as a one-page PDF saying the same words; the
 * caller fills the struct (from the relief register).
 *
 * Every string is NUL-terminated UTF-8 within its array; dates are
 * "YYYY-MM-DD" and printed MM/DD/YYYY.  An empty reference is left out.
 * The importer is named, but never its importer number.
 */
#ifndef LB_ATTACHMENT_H
#define LB_ATTACHMENT_H

#include "buf.h"
#include "err.h"

struct lb_attachment {
	char	broker_name[121];
	char	broker_license[11];
	char	filer[4];
	char	entry_number[16];	/* canonical XXX-NNNNNNN-C */
	char	importer_name[121];
	char	from[11];		/* YYYY-MM-DD, first day of discretion */
	char	to[11];			/* YYYY-MM-DD, last day */
	char	reason[401];
	char	relief_id[36];		/* the relief record, e.g. R1 */
	char	reference[201];		/* CBP's approval reference, may be "" */
	char	signer_name[81];
	char	signer_title[81];
	char	date[11];		/* YYYY-MM-DD, date of the document */
};

/*
 * Plain text of the attachment appended to out (lines end "\n").  0, or -1
 * when out failed (lb_buf_error) or a required field (broker name, entry
 * number, from, to, reason) is empty.
 */
int	lb_attachment_text(const struct lb_attachment *, struct lb_buf *out);
/* The same as a one-page PDF written atomically at path (pdf.h). */
int	lb_attachment_pdf(const struct lb_attachment *, const char *path,
	    struct lb_err *);

#endif
