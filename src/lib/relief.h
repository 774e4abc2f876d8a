/*
 * relief.h: what the deadlines depend on besides the shipments, kept in the
 * vault and journaled: the calendar file in force, the relief CBP granted
 * (enforcement discretion, extra days), and the incident clocks.
 *
 * The incident room (capability I4) will record relief itself later; the
 * model is here so that deadlines can show as covered now.
 */
#ifndef LB_RELIEF_H
#define LB_RELIEF_H

#include <stdint.h>

#include "calendar.h"
#include "deadline.h"
#include "err.h"
#include "vault.h"

/*
 * Check a calendar file (calendar.h's format) and make it the vault's
 * calendar, replacing the one before, in one journaled change.  On a bad
 * file -1 with "SOURCE:LINE: why" in *e and the vault unchanged.
 */
int	lb_calendar_store(struct lb_vault *, const struct lb_who *,
	    const char *text, size_t n, const char *source, struct lb_err *);
/*
 * The vault's calendar: the rules plus the stored file, if any.  Caller
 * frees with lb_cal_free.  *source (when not NULL, 201 bytes) gets where
 * the file came from and when it was loaded, "" when none is stored.
 */
int	lb_calendar_of_vault(struct lb_vault *, struct lb_calendar **,
	    char *source, struct lb_err *);

/* Relief as recorded, for lists; the model's part is in r. */
struct lb_relief_rec {
	struct lb_relief	r;
	char			first[11], last[11];
	char			reason[401];
	char			reference[201];
	char			at[24];
	char			actor[81];
	char			approved_by[201];
	char			renews[36];
};

/* What a user gives to record relief; NULL or "" for absent options. */
struct lb_relief_in {
	const char	*id;		/* default R1, R2, ... */
	const char	*type;		/* discretion | extension */
	const char	*first;		/* YYYY-MM-DD */
	const char	*last;
	const char	*covers;	/* summary | payment | all (default) */
	const char	*days;		/* extension only */
	const char	*ports;		/* "2704;2304" */
	const char	*importer;	/* an importer number of the vault */
	const char	*reason;
	const char	*reference;	/* CBP's reference (discretion: required) */
	const char	*approved_by;	/* approving CBP office or person
					 * (discretion: required) */
	const char	*renews;	/* the relief it renews (its id) */
};

/*
 * Record relief, every value checked (dates, first <= last, in the
 * calendar's years, days only and always for an extension, ports, a known
 * importer, an unused id).  Relief is evidence: enforcement discretion
 * needs CBP's reference and the approving office or person; downtime (a
 * paper-release authorization, which moves no deadline) needs its ports;
 * --renews names a relief recorded before.
 * id_out gets the id.  0, or -1 with what is wrong and nothing written.
 */
int	lb_relief_add(struct lb_vault *, const struct lb_who *,
	    const struct lb_relief_in *, char id_out[LB_RELIEF_ID],
	    struct lb_err *);
typedef int	lb_relief_cb(void *arg, const struct lb_relief_rec *);
/* Every relief record, by id. */
int	lb_relief_list(struct lb_vault *, lb_relief_cb *, void *arg,
	    struct lb_err *);

/* The incident clocks Lifeboat knows: name, setting of its hours, rule. */
struct lb_clock_def {
	const char	*name;
	const char	*hours_setting;
	const char	*what;
};
extern const struct lb_clock_def lb_clock_defs[];
extern const size_t lb_nclock_defs;

struct lb_clock_rec {
	char	name[36];
	int64_t	started;
	int64_t	stopped;	/* 0 while running */
	int	is_stopped;	/* stopped holds the instant (any value) */
	char	note[201];
	const struct lb_clock_def *def;
	/* A stored time that cannot be read or is outside the calendar:
	 * listed, flagged, never judged. */
	int	bad;
	char	bad_why[120];
};

/* Start a known clock at `at` (refused when already started, or when
 * `at` is outside the calendar's years: lb_time_check_range). */
int	lb_clock_start(struct lb_vault *, const struct lb_who *,
	    const char *name, int64_t at, const char *note, struct lb_err *);
/* Stop it at `at`: the deadline is met (refused before its start). */
int	lb_clock_stop(struct lb_vault *, const struct lb_who *,
	    const char *name, int64_t at, struct lb_err *);
typedef int	lb_clock_cb(void *arg, const struct lb_clock_rec *);
int	lb_clock_list(struct lb_vault *, lb_clock_cb *, void *arg,
	    struct lb_err *);

#endif
