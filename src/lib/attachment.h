/*
 * attachment.h: the enforcement-discretion attachment (CBP guidance
 * 3609-0324, CBP.md section 1).
 *
 * When a cyberattack stops a broker from filing entry summaries or
 * depositing duties on time, CBP may decide not to issue or enforce
 * liquidated damages.  For each affected entry summary not released on
 * downtime, the broker attaches a document naming the broker, the date
 * range of enforcement discretion and the reason.  This module writes that
 * document, as plain text and as a one-page PDF saying the same words
 * under the brokerage's letterhead; the caller fills the struct (from the
 * relief register: lb_recovery_attachment(), then lb_attachment_letterhead()
 * for the brokerage's address and contact and the relief's approving
 * office).
 *
 * Every string is NUL-terminated UTF-8 within its array; dates are
 * "YYYY-MM-DD" and printed MM/DD/YYYY.  An empty reference is left out.
 * The importer is named, but never its importer number.
 */
#ifndef LB_ATTACHMENT_H
#define LB_ATTACHMENT_H

#include "buf.h"
#include "err.h"
#include "vault.h"

struct lb_attachment {
	char	broker_name[121];
	char	broker_address[400];	/* lines separated by '\n', may be "" */
	char	broker_contact[200];	/* "Telephone ...    email", may be "" */
	char	broker_license[11];
	char	filer[4];
	char	entry_number[16];	/* canonical XXX-NNNNNNN-C */
	char	importer_name[121];
	char	from[11];		/* YYYY-MM-DD, first day of discretion */
	char	to[11];			/* YYYY-MM-DD, last day */
	char	reason[401];
	char	relief_id[36];		/* the relief record, e.g. R1 */
	char	reference[201];		/* CBP's approval reference, may be "" */
	char	approved_by[201];	/* the approving CBP office, may be "" */
	char	signer_name[81];
	char	signer_title[81];
	char	date[11];		/* YYYY-MM-DD, date of the document */
};

/*
 * Fill a's letterhead (broker_address, broker_contact) from the vault's
 * brokerage and, when a->relief_id names a relief, a->approved_by from it;
 * in one read snapshot of its own.  What the vault lacks is left "".
 */
int	lb_attachment_letterhead(struct lb_vault *, struct lb_attachment *,
	    struct lb_err *);

/*
 * The entries an attachment may be made for, for `recovery attachment
 * --all`: every shipment with an entry number that was not drawn from the
 * reserve (so not released on downtime), that is not cancelled and has a
 * release or entry date (so a summary is due).  Gathered in one snapshot,
 * then cb is called for each entry number in order, outside it; cb returns
 * 0 to go on, -1 to stop (then -1 is returned, *e left to cb).  Whether a
 * discretion covers each is for lb_recovery_attachment() to say.
 */
typedef int	lb_attachment_entry_cb(void *arg, const char *entry);
int	lb_attachment_entries(struct lb_vault *, lb_attachment_entry_cb *,
	    void *arg, struct lb_err *);

/*
 * Plain text of the attachment appended to out (lines end "\n").  0, or -1
 * when out failed (lb_buf_error) or a required field (broker name, entry
 * number, from, to, reason) is empty.
 */
int	lb_attachment_text(const struct lb_attachment *, struct lb_buf *out);
/* The same as a one-page PDF written atomically at path (pdf.h). */
int	lb_attachment_pdf(const struct lb_attachment *, const char *path,
	    struct lb_err *);
/* The same, oflags 0 (refuse a path that exists) or LB_OUT_FORCE. */
int	lb_attachment_pdf_to(const struct lb_attachment *, const char *path,
	    int oflags, struct lb_err *);

#endif
