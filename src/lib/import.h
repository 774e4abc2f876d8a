/*
 * import.h: feeding the vault from the broker's main system (V2).
 *
 * One call imports one file of one kind, CSV (RFC 4180, header row) or
 * JSON (an array of flat objects), all or nothing: every record is
 * validated field by field, references are resolved, and the rows are
 * written in one journaled change, or nothing is written at all.  Rows are
 * upserted by natural key, so importing the same file twice changes
 * nothing the second time (the import itself is still journaled).
 *
 * Every problem is reported with its place (line and column) up to
 * max_errors; with dry_run the whole import runs and is rolled back.
 */
#ifndef LB_IMPORT_H
#define LB_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "journal.h"
#include "vault.h"

enum lb_format {
	LB_FMT_AUTO,	/* from the file name: .json is JSON, else CSV */
	LB_FMT_CSV,
	LB_FMT_JSON
};

struct lb_diag {
	unsigned long	line;	/* 0 when about the file as a whole */
	unsigned long	col;
	char		msg[320];
};

struct lb_import {
	/* In. */
	const char	*kind;
	const char	*path;		/* file to read */
	const char	*source;	/* name recorded in the journal */
	enum lb_format	 format;
	int		 dry_run;
	int		 allow_empty;	/* a file with no records is valid */
	size_t		 max_errors;	/* 0: 100 */
	/* Out. */
	enum lb_format	 used_format;
	int64_t		 records;
	int64_t		 written;	/* rows new or changed */
	int64_t		 unchanged;
	int64_t		 seq;		/* journal entry, when committed */
	unsigned char	 digest[LB_HASH_LEN];	/* of the file's bytes */
	struct lb_diag	*diags;
	size_t		 ndiags;
	size_t		 nerrors;	/* found, maybe more than ndiags */
	int		 stopped;	/* reading stopped at max_errors */
	/*
	 * Warnings: feed values that disagree with a field Lifeboat owns
	 * (shipment.h), kept out of the vault; the file is still imported.
	 */
	struct lb_diag	*warns;
	size_t		 nwarns;	/* kept (at most max_errors) */
	int64_t		 conflicts;	/* found */
};

/*
 * Run the import described by *im.  Returns 0 when the file was valid
 * (and, unless dry_run, committed), 1 when it had errors (listed in
 * im->diags; nothing written), -1 on a failure that is not the file's
 * fault (storage, memory) with *e set.  Free with lb_import_free().
 */
int	lb_import_run(struct lb_vault *, const struct lb_who *,
	    struct lb_import *im, struct lb_err *e);
void	lb_import_free(struct lb_import *im);
/*
 * Record a problem at (line, col) of im's file (line 0: the whole file),
 * for importers of other shapes of file (entry.c); counts every problem,
 * keeps the first max_errors (default 100).
 */
void	lb_import_diag(struct lb_import *im, unsigned long line,
	    unsigned long col, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

#endif
