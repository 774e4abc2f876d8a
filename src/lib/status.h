/*
 * status.h: how old the copy is and what is at risk (V2, and the start of
 * the broker's dashboard).
 *
 * lb_status_collect() gathers, at a given moment: per kind, the rows held
 * and the age of the last import (stale past the stale_hours setting, or
 * never imported); the journal's head; shipments by status; and the risks
 * the data already shows (employees with no out-of-band contact, expired
 * powers of attorney, arrived cargo with no entry number, PGA shipments
 * still to clear, stale copies).  Pure reading: it changes nothing.
 */
#ifndef LB_STATUS_H
#define LB_STATUS_H

#include <stdint.h>

#include "entry.h"
#include "store.h"
#include "vault.h"

#define LB_STATUS_MAX_KINDS	16
#define LB_STATUS_MAX_RISKS	24

struct lb_kind_status {
	const char	*kind;
	int64_t		 rows;
	int		 imported;	/* ever */
	char		 last[24];	/* time of the last import */
	int64_t		 age;		/* seconds since it */
	int		 stale;
};

struct lb_risk {
	const char	*id;		/* stable, for scripts */
	int64_t		 count;
	char		 what[160];
	const char	*hint;		/* what to do */
};

struct lb_status {
	char			 vault_id[40];
	char			 created_at[24];
	int			 schema;
	int64_t			 entries;
	unsigned char		 head[LB_HASH_LEN];
	int64_t			 stale_hours;
	struct lb_kind_status	 kinds[LB_STATUS_MAX_KINDS];
	size_t			 nkinds;
	int64_t			 by_status[8];	/* shipments, lb_shipment_statuses order */
	struct lb_reserve	 reserve;	/* entry numbers left per filer */
	int64_t			 entry_low;
	struct lb_risk		 risks[LB_STATUS_MAX_RISKS];
	size_t			 nrisks;
};

extern const char * const lb_shipment_statuses[];

int	lb_status_collect(struct lb_vault *, int64_t now, struct lb_status *,
	    struct lb_err *);
/*
 * Add the deadline risks (overdue, at risk) to a collected status.  It
 * judges every released shipment (agenda.h) in a snapshot of its own, so
 * it is for the status a person asks for, not for frequent scrapes.
 */
int	lb_status_deadlines(struct lb_vault *, int64_t now, struct lb_status *,
	    struct lb_err *);

#endif
