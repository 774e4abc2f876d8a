/*
 * deadline.h: the deadline model of capability E3 (pure: no I/O, no clock).
 *
 * For a released shipment: the entry summary is due 10 working days after
 * release (19 CFR 142.12(b)); estimated duties are paid with it on a daily
 * statement, or for a client on the Periodic Monthly Statement on the 15th
 * working day of the month after release (19 CFR 24.25).  For an incident:
 * the SOC breach notice is due a number of hours after discovery (19 CFR
 * 111.21(b), 72 by default).  Each deadline is then judged as of a moment:
 * met, covered by relief, overdue, at risk (due within N working days), or
 * ok, with the time left and, when not met and not covered, an estimate of
 * the liquidated-damages exposure naming the rule it comes from.
 *
 * Relief CBP grants changes deadlines: an extension adds working days to
 * the deadlines originally due inside its period; enforcement discretion
 * covers the deadlines due inside its period.  Either may be limited to
 * ports and to one importer.
 *
 * Every figure that CBP.md marks "to confirm" (the damages rules, the
 * notice hours) comes in through struct lb_dl_rules, which the caller
 * fills from the vault's settings: data, not code.
 */
#ifndef LB_DEADLINE_H
#define LB_DEADLINE_H

#include <stddef.h>
#include <stdint.h>

#include "calendar.h"

#define LB_SUMMARY_WORKDAYS	10	/* 19 CFR 142.12(b) */

enum lb_dl_kind {
	LB_DL_SUMMARY,		/* entry summary filed */
	LB_DL_PAYMENT,		/* estimated duties paid */
	LB_DL_CLOCK		/* an incident clock */
};

enum lb_dl_state {
	LB_DL_MET,		/* done (transmitted or accepted, or stopped) */
	LB_DL_COVERED,		/* inside enforcement discretion */
	LB_DL_OVERDUE,
	LB_DL_AT_RISK,
	LB_DL_OK
};

/* What the to-confirm rules are worth; see the settings in vault.c. */
struct lb_dl_rules {
	int	at_risk_days;		/* working days */
	int64_t	payment_multiplier;	/* x the unpaid duty */
	int64_t	payment_min_cents;
	int64_t	summary_base_cents;
	int64_t	summary_ppm_per_day;	/* of the duty, per calendar day */
	int64_t	soc_notice_hours;
};

#define LB_RELIEF_DISCRETION	1
#define LB_RELIEF_EXTENSION	2
#define LB_COVERS_SUMMARY	0x1
#define LB_COVERS_PAYMENT	0x2

#define LB_RELIEF_ID		36
#define LB_RELIEF_PORTS		256	/* "2704;2304;..." and NUL */

/* A relief period as the model reads it. */
struct lb_relief {
	char	id[LB_RELIEF_ID];
	int	type;			/* LB_RELIEF_* */
	int	covers;			/* LB_COVERS_* bits */
	int64_t	first;			/* days, inclusive */
	int64_t	last;
	int	days;			/* extension: working days added */
	char	ports[LB_RELIEF_PORTS];	/* "" for every port */
	char	importer[16];		/* "" for every importer */
};

/* A released shipment, as the deadlines need it. */
struct lb_dl_shipment {
	const char	*ref;
	const char	*importer;
	const char	*port;
	int64_t		 release_day;
	int		 pms;		/* client pays by monthly statement */
	int64_t		 duty_cents;	/* -1 when no line says */
	int		 summary_done;	/* summary transmitted or accepted */
	int		 payment_done;	/* statement transmitted or accepted */
};

#define LB_DL_RULE_MAX	160

/* One deadline, judged. */
struct lb_deadline {
	enum lb_dl_kind	 kind;
	enum lb_dl_state state;
	int64_t		 due_day;	/* the day it is due (UTC) */
	int64_t		 due_at;	/* the instant: clocks exact, dates
					 * the end of the due day */
	int64_t		 left_workdays;	/* working days after the as-of day
					 * up to and including the due day;
					 * -1 when overdue */
	int64_t		 late_days;	/* calendar days overdue, else 0 */
	int64_t		 left_secs;	/* due_at - as_of */
	int64_t		 original_day;	/* before any extension */
	const struct lb_relief *extended; /* the extension applied, or NULL */
	const struct lb_relief *covered;  /* the discretion covering, or NULL */
	int64_t		 exposure_cents; /* estimate; -1 none (met, covered,
					  * clock) */
	int		 if_missed;	/* exposure is for missing it, not yet
					 * late */
	/* How the due date came, for lb_deadline_basis. */
	int64_t		 from;		/* release day; a clock's start */
	int64_t		 hours;		/* a clock's length */
	int		 pms;		/* 0 daily statement, else PMS month */
	int		 published;	/* PMS dates published by CBP */
};

/*
 * The deadlines of one released shipment as of as_of (seconds since the
 * epoch): out[0] the entry summary, out[1] the payment.  reliefs (n of
 * them) apply as described above.  0, or -1 when a date falls outside the
 * calendar (or a PMS month has too few working days).
 */
int	lb_deadlines_shipment(const struct lb_calendar *,
	    const struct lb_dl_rules *, const struct lb_relief *reliefs,
	    size_t nreliefs, const struct lb_dl_shipment *, int64_t as_of,
	    struct lb_deadline out[2]);

/*
 * An incident clock that started at `started` and is due `hours` later;
 * stopped (> 0) when met.  Judged like the others (working days to its
 * due day for at-risk); no damages estimate.
 */
int	lb_deadline_clock(const struct lb_calendar *, const struct lb_dl_rules *,
	    int64_t started, int64_t hours, int64_t stopped, int64_t as_of,
	    struct lb_deadline *out);

/*
 * How a deadline's due date came ("10 working days after release on
 * 2026-11-20 (19 CFR 142.12(b))"), and the rule its exposure estimate
 * comes from, as text of at most LB_DL_RULE_MAX bytes.  Kept out of the
 * model's results so that judging a million deadlines formats nothing.
 */
void	lb_deadline_basis(const struct lb_deadline *, char *out, size_t len);
void	lb_deadline_rule(const struct lb_dl_rules *, enum lb_dl_kind,
	    char *out, size_t len);

/* "summary", "payment", "clock"; "met", "covered", "overdue"... */
const char	*lb_dl_kind_name(enum lb_dl_kind);
const char	*lb_dl_state_name(enum lb_dl_state);

/* Does port (4 digits) appear in a "DDPP;DDPP" list ("" = all ports)? */
int	lb_relief_has_port(const char *ports, const char *port);

#endif
