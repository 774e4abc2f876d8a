/*
 * agenda.h: the vault's deadlines, judged and sorted by due time (E3).
 *
 * Reads, in one snapshot, the released shipments (with their summary date,
 * their clients' PMS flag, the duty of their lines and the state of their
 * recovery tasks), the relief recorded, the incident clocks, the vault's
 * calendar and the settings that carry the to-confirm rules; runs the pure
 * model of deadline.h on each; keeps what was asked for and sorts it by
 * due time.
 *
 * Memory stays small for a million shipments: each deadline kept costs a
 * small sort record, and its texts are rebuilt when it is read back.
 */
#ifndef LB_AGENDA_H
#define LB_AGENDA_H

#include <stddef.h>
#include <stdint.h>

#include "deadline.h"
#include "err.h"
#include "vault.h"

struct lb_tz;

struct lb_agenda_opts {
	int64_t		 as_of;		/* seconds since the epoch */
	int		 at_risk_only;	/* only at risk, overdue, bad and
					 * expiring relief */
	const char	*importer;	/* one importer only, or NULL */
	int		 no_clocks;	/* leave the incident clocks out */
	/*
	 * The vault's zone: tz when given (the caller keeps it), else
	 * loaded from the setting out of zoneinfo (NULL: zone.h's default
	 * directory).  A zone that cannot be loaded is not fatal: the
	 * deadlines are judged in UTC and totals.zone_bad says so.
	 */
	const struct lb_tz *tz;
	const char	*zoneinfo;
};

struct lb_agenda_item {
	struct lb_deadline	 d;
	const char		*subject;	/* shipment ref or clock name */
	const char		*importer;	/* "" for a clock */
	const char		*entry;		/* "" when none */
	const char		*port;		/* "" for a clock */
	const char		*what;		/* for a clock: what is due */
	const char		*flag;		/* state LB_DL_BAD: what is
						 * wrong with the stored row;
						 * else "" */
	const struct lb_tz	*tz;		/* the zone the agenda used
						 * (NULL: UTC), for display */
};

struct lb_agenda_totals {
	size_t	n[LB_DL_NSTATES];	/* by enum lb_dl_state */
	int64_t	exposure_overdue;	/* cents, estimates summed */
	int64_t	exposure_at_risk;	/* cents, if the at-risk are missed */
	size_t	shipments;		/* released shipments looked at */
	/* How many of the overdue and at-risk carry an estimate: an
	 * exposure of $0.00 over none of them means "no estimate". */
	size_t	estimated_overdue, estimated_at_risk;
	size_t	arrived;		/* arrived or held, entry pending */
	size_t	unauthorized;		/* payments never authorized */
	size_t	expiring;		/* covered, relief ending soon */
	size_t	clocks_at_risk;		/* incident clocks overdue/at risk */
	int	zone_bad;		/* the zone named cannot be loaded */
	int	zone_unset;		/* no timezone setting */
};

struct lb_agenda;

int	lb_agenda_build(struct lb_vault *, const struct lb_agenda_opts *,
	    struct lb_agenda **, struct lb_err *);
size_t	lb_agenda_count(const struct lb_agenda *);
/* The i-th deadline by due time; *out valid until the next call. */
int	lb_agenda_get(struct lb_agenda *, size_t i,
	    struct lb_agenda_item *out, struct lb_err *);
const struct lb_agenda_totals *lb_agenda_totals(const struct lb_agenda *);
/* The rules the estimates used (for lb_deadline_rule). */
const struct lb_dl_rules *lb_agenda_rules(const struct lb_agenda *);
/* The zone deadlines were judged in (NULL: UTC), valid with the agenda. */
const struct lb_tz *lb_agenda_tz(const struct lb_agenda *);
/* Where the calendar came from ("" for the rules alone). */
const char *lb_agenda_calendar(const struct lb_agenda *);
void	lb_agenda_free(struct lb_agenda *);

/* The to-confirm rules from the vault's settings. */
int	lb_dl_rules_of_vault(struct lb_vault *, struct lb_dl_rules *,
	    struct lb_err *);

#endif
