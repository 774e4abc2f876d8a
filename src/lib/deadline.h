/*
 * deadline.h: the deadline model of capability E3 (pure: no I/O, no clock).
 *
 * For an arrived or held shipment not yet released: entry is due within 15
 * calendar days of arrival (19 CFR 142.2(a)); past it the goods go to a
 * general order warehouse.  The day of arrival does not count: goods that
 * arrive on the 1st are due on the 16th, by the end of that day in the
 * vault's time zone, whatever day of the week it is (the CFR counts
 * calendar days and names no roll-over; not moving a weekend due day is
 * the safe reading).  No damages estimate: general order is not a claim.
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
 * A duty payment is met only by payment: the statement's paid date (the
 * shipment's statement_number names it) or an accepted statement task of
 * the recovery queue; a filed summary does not pay anything.  A statement
 * whose ACH authorization was not sent is at risk whatever the days left.
 * CBP's own due date of the statement, when imported, wins over every
 * computed one.
 *
 * One estimate per deadline: a deadline carries one basis (enum lb_dl_est)
 * and its exposure comes from that basis only.  On a daily statement the
 * summary and the deposit due the same day are one lateness: the bond
 * claim for the late deposit is the estimate, on the payment, and the
 * summary names it instead of adding a mitigated amount.
 *
 * Due times are the end of the due day in the vault's time zone (rules->tz,
 * NULL for UTC); "today" is the as-of instant's day in that zone.
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

#define LB_ENTRY_DAYS		15	/* 19 CFR 142.2(a), calendar days */

enum lb_dl_kind {
	LB_DL_SUMMARY,		/* entry summary filed */
	LB_DL_PAYMENT,		/* estimated duties paid */
	LB_DL_CLOCK,		/* an incident clock */
	LB_DL_ENTRY,		/* entry within 15 days of arrival */
	LB_DL_RECORD		/* a stored item that cannot be judged */
};

enum lb_dl_state {
	LB_DL_MET,		/* done (transmitted or accepted, or stopped) */
	LB_DL_COVERED,		/* inside enforcement discretion */
	LB_DL_OVERDUE,
	LB_DL_AT_RISK,
	LB_DL_OK,
	LB_DL_BAD		/* a bad stored date: flagged, not judged */
};
#define LB_DL_NSTATES	6

/* The one basis of a deadline's exposure estimate. */
enum lb_dl_est {
	LB_EST_NONE,		/* no money claim (clock, entry, met...) */
	LB_EST_BOND,		/* late deposit: 19 CFR 113.62 bond claim */
	LB_EST_MITIGATION,	/* late summary: CBP mitigation practice */
	LB_EST_WITH_PAYMENT	/* same lateness as the payment: estimated
				 * there, not here */
};

struct lb_tz;

/* What the to-confirm rules are worth; see the settings in vault.c. */
struct lb_dl_rules {
	int	at_risk_days;		/* working days */
	int64_t	payment_multiplier;	/* x the unpaid duty */
	int64_t	payment_min_cents;
	int64_t	summary_base_cents;
	int64_t	summary_ppm_per_day;	/* of the duty, per calendar day */
	int64_t	soc_notice_hours;
	const struct lb_tz *tz;		/* the vault's zone; NULL for UTC */
	/*
	 * Optional caches of tz the caller may fill (agenda.c does): the
	 * instant each day of day_end_first.. (day_end_n days) ends, and the
	 * local day of the instant today_as_of.  Only speed: the results are
	 * those of tz.
	 */
	const int64_t	*day_end;
	int64_t		 day_end_first;
	size_t		 day_end_n;
	int		 has_today;
	int64_t		 today_as_of, today;
};

#define LB_RELIEF_DISCRETION	1
#define LB_RELIEF_EXTENSION	2
#define LB_RELIEF_DOWNTIME	3	/* paper release; moves no deadline */
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
	int		 payment_done;	/* paid, or statement task accepted */
	/* Zero for a released shipment (what older callers fill). */
	int		 unreleased;	/* arrived or held, not released */
	int64_t		 arrival_day;	/* when unreleased */
	/* The statement it is on, when the vault holds it. */
	int		 stmt;		/* 0 none known, 1 daily, 2 periodic */
	int		 stmt_has_due;	/* stmt_due_day is CBP's due date */
	int64_t		 stmt_due_day;
	int		 stmt_authorized;
};

#define LB_DL_RULE_MAX	256

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
	enum lb_dl_est	 est;		/* the basis of exposure_cents */
	int		 unauthorized;	/* payment: authorization not sent */
	int		 no_statement;	/* payment: no statement on record */
	int		 stmt_due;	/* payment: the statement's CBP due date */
	int		 expiring;	/* covered, and the relief ends within
					 * the at-risk window */
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
 * The entry deadline of an arrived or held shipment (s->unreleased, its
 * arrival_day): due LB_ENTRY_DAYS calendar days after arrival.  0, or -1
 * when a date falls outside the calendar.
 */
int	lb_deadline_entry(const struct lb_calendar *, const struct lb_dl_rules *,
	    const struct lb_dl_shipment *, int64_t as_of, struct lb_deadline *);

/*
 * An incident clock that started at `started` and is due `hours` later;
 * stopped (> 0) when met.  A clock runs in hours: it is at risk when no
 * more than at_risk_days x 24 hours are left, and left_workdays is -1
 * (show left_secs).  No damages estimate.
 */
int	lb_deadline_clock(const struct lb_calendar *, const struct lb_dl_rules *,
	    int64_t started, int64_t hours, int64_t stopped, int64_t as_of,
	    struct lb_deadline *out);
/* The same with an explicit stopped flag (a stop time may be any instant). */
int	lb_deadline_clock2(const struct lb_calendar *,
	    const struct lb_dl_rules *, int64_t started, int64_t hours,
	    int is_stopped, int64_t as_of, struct lb_deadline *out);

/*
 * What is left of a deadline, for people, in the unit that fits: "52h37m
 * left" for a clock, "3 working days left", "2 days late", "5h10m late",
 * "met", "covered until 2026-12-11", "bad stored date".  At most
 * LB_DL_LEFT_MAX bytes.
 */
#define LB_DL_LEFT_MAX	64
void	lb_deadline_left(const struct lb_deadline *, char *out, size_t len);
/* The estimate's basis in words (lb_deadline_rule for that basis). */
void	lb_deadline_est_rule(const struct lb_dl_rules *, enum lb_dl_est,
	    char *out, size_t len);
/* A short name of the basis: "19 CFR 113.62", "none"... */
const char	*lb_dl_est_name(enum lb_dl_est);

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
