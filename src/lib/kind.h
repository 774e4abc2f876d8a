/*
 * kind.h: what the vault holds, described once.
 *
 * Each kind of data fed from the broker's main system (the brokerage, its
 * clients, client contacts, employees, shipments, shipment lines) is one
 * table, described here by a struct lb_kind: its columns, how each is
 * stored, how the import validates it, and which columns form its natural
 * key.  The import engine, the storage backends and the verifier all work
 * from these descriptors, so a column is declared in one place.
 *
 * The row digest that binds a row to the journal covers the columns in
 * descriptor order: a column added to a kind later is flagged LB_COL_LATE
 * and goes at the end, so that rows without it keep their digests.
 */
#ifndef LB_KIND_H
#define LB_KIND_H

#include <stddef.h>
#include <stdint.h>

/* How a column is stored. */
enum lb_store_type {
	LB_ST_TEXT,
	LB_ST_INT
};

/* How an imported value is checked and normalised. */
enum lb_check {
	LB_CK_TEXT,		/* printable text, no control characters */
	LB_CK_KEY,		/* reference: [A-Za-z0-9._/-], 1..35 */
	LB_CK_IMPORTER,		/* importer of record number, canonical */
	LB_CK_IMPORTER_TYPE,	/* derived from the column before: EIN/SSN/CBP */
	LB_CK_LICENSE,		/* broker license number: 1..10 digits */
	LB_CK_FILER_LIST,	/* filer codes separated by ';' */
	LB_CK_PORT,		/* Schedule D, 4 digits */
	LB_CK_PORT_LIST,	/* ports separated by ';' */
	LB_CK_FPORT,		/* Schedule K, 5 digits */
	LB_CK_HTS,		/* 10 digits, dotted or not on input */
	LB_CK_SCAC,
	LB_CK_BILL,		/* bill of lading / air waybill, by mode */
	LB_CK_ENTRY_NO,		/* XXX-NNNNNNN-C with its check digit */
	LB_CK_ENTRY_TYPE,	/* two-digit entry type code */
	LB_CK_MODE,		/* mode of transport code */
	LB_CK_BOND_TYPE,
	LB_CK_SURETY,		/* 3 digits */
	LB_CK_DATE,		/* YYYY-MM-DD */
	LB_CK_MONEY,		/* dollars.cents, stored as cents */
	LB_CK_QTY,		/* decimal with up to 3 places, stored as text */
	LB_CK_INT,		/* integer within [min, max] */
	LB_CK_BOOL,		/* true/false, yes/no, 1/0 */
	LB_CK_ENUM,		/* one of a list of words */
	LB_CK_FLAGS,		/* words of a list, separated by ';' */
	LB_CK_COUNTRY,		/* ISO 3166-1 alpha-2 */
	LB_CK_STATE,		/* US state or territory code */
	LB_CK_FIRMS,
	LB_CK_MID,		/* manufacturer ID */
	LB_CK_EMAIL,
	LB_CK_PHONE,		/* E.164 */
	LB_CK_INBOND,		/* 9 digits, mod 7 check */
	LB_CK_ALNUM		/* letters and digits, uppercased */
};

struct lb_column {
	const char		*name;	/* column, and field name in files */
	enum lb_store_type	 store;
	enum lb_check		 check;
	unsigned		 flags;
	int64_t			 min;	/* LB_CK_INT range; TEXT: max length */
	int64_t			 max;
	const char * const	*words;	/* LB_CK_ENUM, LB_CK_FLAGS: NULL-ended */
	const char		*ref;	/* LB_COL_REF: the referenced kind */
	const char		*doc;	/* one line for docs and --help */
};

#define LB_COL_REQUIRED	0x01	/* must be present and non-empty */
#define LB_COL_KEY	0x02	/* part of the natural key */
#define LB_COL_REF	0x04	/* must name a row of kind `ref` */
#define LB_COL_SELFREF	0x08	/* may name a row of the same file */
#define LB_COL_UNIQUE	0x10	/* unique across the table when present */
#define LB_COL_DERIVED	0x20	/* computed, not read from the file */
#define LB_COL_LATE	0x40	/* added by a later schema: out of the row
				 * digest while NULL (journal.h) */

struct lb_kind {
	const char		*name;	/* as in "lifeboat import NAME" */
	const char		*table;	/* SQL table */
	const char		*noun;	/* "shipment", for messages */
	const struct lb_column	*cols;
	size_t			 ncols;
	int			 single; /* the file must hold one record */
	int			 internal; /* written by commands, not imported */
};

/* One value of a row, as stored: text (not NUL-terminated), integer, NULL. */
struct lb_value {
	int		 null;
	int64_t		 i;
	const char	*s;
	size_t		 len;
};

/* The kinds, in the order their data depend on each other. */
extern const struct lb_kind * const lb_kinds[];
extern const size_t lb_nkinds;

const struct lb_kind	*lb_kind_find(const char *name);
/* A kind the program names itself: missing is a programming error (abort). */
const struct lb_kind	*lb_kind_get(const char *name);
/* Index of the column named `name` in k, or -1. */
int			 lb_kind_col(const struct lb_kind *k, const char *name);

#endif
