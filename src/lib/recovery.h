/*
 * recovery.h: the recovery queue (capability E4).
 *
 * Every shipment that drew an entry number from the reserve was released
 * (or is being released) on downtime paperwork, so three pieces of
 * post-release work wait for ACE to come back: the cargo release data to
 * key, the entry summary, and the statement to authorize.  Each task is
 * pending until someone marks it transmitted, then accepted or rejected
 * (with the reason), each mark one journaled change with who and when.
 * A task can also be recorded for a shipment released normally whose
 * summary the attack held back, so its deadline shows as met once filed.
 *
 * The enforcement-discretion attachment (CBP guidance 3609-0324) goes
 * with the entry summary of an entry NOT released on downtime: it names the
 * broker, the date range of the discretion and its reason, taken from the
 * relief recorded (relief.h) that covers the entry's summary deadline.
 */
#ifndef LB_RECOVERY_H
#define LB_RECOVERY_H

#include <stdint.h>

#include "attachment.h"
#include "err.h"
#include "journal.h"
#include "vault.h"

struct lb_recovery_item {
	char	ref[36];
	char	task[12];		/* release, summary, statement */
	char	entry[16];
	char	state[12];		/* pending ... rejected, void */
	char	reason[201];
	char	at[24];			/* when the state was set; "" pending */
	char	actor[81];
	char	status[12];		/* the shipment's status */
	char	importer[16];
	char	port[5];
	int	mode;
	char	carrier[5];
	char	bill[40];
	char	release_date[11];
	int64_t	entered_value;		/* cents, -1 when unknown */
	char	drawn_at[24];		/* when its number was drawn */
};

typedef int	lb_recovery_cb(void *arg, const struct lb_recovery_item *);
/*
 * The queue in shipment order, each shipment's tasks in the order above;
 * state NULL for every task, or one state only (refused when unknown).
 */
int	lb_recovery_list(struct lb_vault *, const char *state,
	    lb_recovery_cb *, void *arg, struct lb_err *);
/*
 * Set the state of a shipment's task (or of all three with task "all"):
 * transmitted, accepted or rejected (a reason is required for rejected).
 * Refused: an unknown shipment or one without an entry number, going back
 * to pending, changing an accepted or void task, setting the state it
 * already has.  One journaled change; nothing is written when any task refuses.
 */
int	lb_recovery_mark(struct lb_vault *, const struct lb_who *,
	    const char *ref, const char *task, const char *state,
	    const char *reason, struct lb_err *);
/*
 * Inside an open change: close the three tasks of shipment ref as void
 * (its entry number `number` was voided), or reopen them (delete void
 * rows) when the shipment draws a new number.
 */
int	lb_recovery_void(struct lb_change *, const struct lb_who *,
	    const char *ref, const char *number, struct lb_err *);
int	lb_recovery_reopen(struct lb_change *, const char *ref,
	    struct lb_err *);

/*
 * Fill the attachment for an entry number of the vault as of who->now:
 * relief_id names the discretion to cite, or NULL to take the one covering
 * the entry's summary deadline.  Refused for an entry released on downtime
 * and when no discretion covers it.
 */
int	lb_recovery_attachment(struct lb_vault *, const struct lb_who *,
	    const char *entry, const char *relief_id, struct lb_attachment *,
	    struct lb_err *);

#endif
