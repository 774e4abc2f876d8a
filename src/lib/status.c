/*
 * status.c: collecting the vault's status and risks (see status.h).
 */
#include <assert.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "agenda.h"
#include "date.h"
#include "journal.h"
#include "shipment.h"
#include "status.h"

const char * const lb_shipment_statuses[] = {
	"expected", "in_transit", "arrived", "held", "released", "cancelled",
	NULL
};

struct latest {
	struct lb_status	*s;
	int64_t			 now;
};

static int
on_import(void *arg, const struct lb_jentry *je)
{
	struct latest		*l = arg;
	struct lb_kind_status	*ks;
	int64_t			 t;
	size_t			 i;

	for (i = 0; i < l->s->nkinds; i++) {
		ks = &l->s->kinds[i];
		if (strcmp(ks->kind, je->subject) != 0)
			continue;
		ks->imported = 1;
		(void)snprintf(ks->last, sizeof(ks->last), "%s", je->ts);
		if (lb_time_parse(je->ts, strlen(je->ts), &t, NULL, 0) == 0)
			ks->age = l->now - t;
		ks->stale = ks->age > l->s->stale_hours * 3600;
	}
	return 0;
}

static void
risk(struct lb_status *s, const char *id, int64_t count, const char *hint,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
risk(struct lb_status *s, const char *id, int64_t count, const char *hint,
    const char *fmt, ...)
{
	struct lb_risk	*r;
	va_list		 ap;

	assert(s->nrisks < LB_STATUS_MAX_RISKS);
	if (count <= 0)
		return;
	r = &s->risks[s->nrisks++];
	r->id = id;
	r->count = count;
	r->hint = hint;
	va_start(ap, fmt);
	(void)vsnprintf(r->what, sizeof(r->what), fmt, ap);
	va_end(ap);
}

static int
q(struct lb_store *st, const char *name, const char *arg, int64_t *out,
    struct lb_err *e)
{
	*out = 0;
	return st->ops->query_int(st, name, arg, out, e) == -1 ? -1 : 0;
}

static int	collect(struct lb_vault *, int64_t, struct lb_status *,
		    struct lb_err *);

int
lb_status_deadlines(struct lb_vault *v, int64_t now, struct lb_status *s,
    struct lb_err *e)
{
	const struct lb_agenda_totals *t;
	struct lb_agenda_opts	 o;
	struct lb_agenda	*a;
	int64_t			 n;

	memset(&o, 0, sizeof(o));
	o.as_of = now;
	o.at_risk_only = 1;
	if (lb_agenda_build(v, &o, &a, e) == -1)
		return -1;
	t = lb_agenda_totals(a);
	n = (int64_t)t->n[LB_DL_OVERDUE];
	risk(s, "deadlines_overdue", n, "lifeboat deadlines --at-risk; record "
	    "the relief CBP grants: lifeboat relief add", "%" PRId64
	    " deadline%s overdue (entries, entry summaries, payments, "
	    "incident clocks)", n, n == 1 ? "" : "s");
	n = (int64_t)t->n[LB_DL_AT_RISK];
	risk(s, "deadlines_at_risk", n, "lifeboat deadlines --at-risk",
	    "%" PRId64 " deadline%s due within the at_risk_days setting", n,
	    n == 1 ? "" : "s");
	n = (int64_t)t->arrived;
	risk(s, "entry_15_days", n, "file the entry (or a downtime release) "
	    "before general order: lifeboat deadlines --at-risk",
	    "%" PRId64 " arrived or held shipment%s awaiting entry within 15 "
	    "days of arrival (19 CFR 142.2)", n, n == 1 ? "" : "s");
	n = (int64_t)t->unauthorized;
	risk(s, "statements_unauthorized", n, "send the ACH debit "
	    "authorization for each statement; import statements.csv",
	    "%" PRId64 " duty payment%s on a statement never authorized", n,
	    n == 1 ? "" : "s");
	n = (int64_t)t->expiring;
	risk(s, "relief_expiring", n, "ask CBP to renew: lifeboat relief add "
	    "--renews ID", "%" PRId64 " covered deadline%s whose relief ends "
	    "within the at_risk_days setting", n, n == 1 ? "" : "s");
	n = (int64_t)t->n[LB_DL_BAD];
	risk(s, "bad_stored_dates", n, "lifeboat verify; lifeboat deadlines "
	    "lists each one", "%" PRId64 " stored item%s with a date outside "
	    "the calendar or unreadable (flagged, not judged)", n,
	    n == 1 ? "" : "s");
	risk(s, "no_time_zone", t->zone_unset ? 1 : 0, "lifeboat config set "
	    "timezone America/Chicago", "no time zone set: due times are "
	    "shown in UTC and times without an offset are refused");
	risk(s, "time_zone_unavailable", t->zone_bad ? 1 : 0, "install tzdata "
	    "or set another zone: lifeboat config set timezone NAME",
	    "the vault's time zone cannot be loaded: deadlines judged in UTC");
	lb_agenda_free(a);
	return 0;
}

int
lb_status_collect(struct lb_vault *v, int64_t now, struct lb_status *s,
    struct lb_err *e)
{
	struct lb_store	*st = v->st;
	int		 rc;

	memset(s, 0, sizeof(*s));
	if (st->ops->read_begin(st, e) == -1)
		return -1;
	rc = collect(v, now, s, e);
	st->ops->read_end(st);
	return rc;
}

static int
collect(struct lb_vault *v, int64_t now, struct lb_status *s,
    struct lb_err *e)
{
	struct lb_store	*st = v->st;
	struct latest	 l;
	char		 today[LB_DATE_STRLEN];
	int64_t		 n, stale = 0, never = 0;
	size_t		 i;

	if (st->ops->meta_get(st, "vault_id", s->vault_id,
	    sizeof(s->vault_id), e) == -1 ||
	    st->ops->meta_get(st, "created_at", s->created_at,
	    sizeof(s->created_at), e) == -1 ||
	    st->ops->schema_version(st, &s->schema, e) == -1 ||
	    lb_journal_head(st, &s->entries, s->head, e) == -1 ||
	    lb_vault_setting(v, "stale_hours", &s->stale_hours, e) == -1)
		return -1;
	for (i = 0; i < lb_nkinds && s->nkinds < LB_STATUS_MAX_KINDS; i++) {
		if (lb_kinds[i]->internal)
			continue;
		s->kinds[s->nkinds].kind = lb_kinds[i]->name;
		if (st->ops->count(st, lb_kinds[i],
		    &s->kinds[s->nkinds].rows, e) == -1)
			return -1;
		s->nkinds++;
	}
	l.s = s;
	l.now = now;
	if (st->ops->journal_latest(st, "import", on_import, &l, e) == -1)
		return -1;
	for (i = 0; lb_shipment_statuses[i] != NULL; i++)
		if (q(st, "shipments_by_status", lb_shipment_statuses[i],
		    &s->by_status[i], e) == -1)
			return -1;

	for (i = 0; i < s->nkinds; i++) {
		if (!s->kinds[i].imported)
			never++;
		else if (s->kinds[i].stale)
			stale++;
	}
	risk(s, "never_imported", never, "import every kind: lifeboat import "
	    "KIND FILE", "%" PRId64 " kind%s of data never imported", never,
	    never == 1 ? "" : "s");
	risk(s, "stale_copy", stale, "re-export from the main system and "
	    "import again", "%" PRId64 " kind%s of data older than %" PRId64
	    " hours", stale, stale == 1 ? "" : "s", s->stale_hours);
	lb_date_format(now / 86400, today);
	if (q(st, "employees_no_oob", NULL, &n, e) == -1)
		return -1;
	risk(s, "employees_no_oob", n, "collect a personal email or mobile "
	    "number for each", "%" PRId64 " employee%s cannot be reached "
	    "outside the broker's systems", n, n == 1 ? "" : "s");
	if (q(st, "shipments_arrived_no_entry", NULL, &n, e) == -1)
		return -1;
	risk(s, "arrived_no_entry", n, "draw entry numbers from the reserve "
	    "for downtime release", "%" PRId64 " arrived or held shipment%s "
	    "without an entry number", n, n == 1 ? "" : "s");
	if (q(st, "shipments_pga", NULL, &n, e) == -1)
		return -1;
	risk(s, "pga_pending", n, "downtime does not waive PGA requirements: "
	    "check them without system access", "%" PRId64 " open shipment%s "
	    "subject to partner government agencies", n, n == 1 ? "" : "s");
	if (q(st, "clients_poa_expired", today, &n, e) == -1)
		return -1;
	risk(s, "poa_expired", n, "renew the power of attorney before "
	    "filing for these clients", "%" PRId64 " client%s with an expired power "
	    "of attorney", n, n == 1 ? "" : "s");
	if (q(st, "clients_no_contact", NULL, &n, e) == -1)
		return -1;
	risk(s, "clients_no_contact", n, "import client contacts so they can "
	    "be told about their shipments", "%" PRId64 " client%s without a "
	    "contact to notify", n, n == 1 ? "" : "s");
	if (lb_entry_reserve_left(v, &s->reserve, e) == -1 ||
	    lb_vault_setting(v, "entry_low", &s->entry_low, e) == -1)
		return -1;
	for (i = 0, n = 0; i < s->reserve.nfilers; i++)
		if (s->reserve.left[i] < s->entry_low)
			n++;
	risk(s, "entry_reserve_low", n, "reserve another block: lifeboat "
	    "entry reserve", "%" PRId64 " filer code%s with fewer than %" PRId64
	    " entry numbers left for downtime", n, n == 1 ? "" : "s",
	    s->entry_low);
	risk(s, "no_entry_reserve", s->reserve.nfilers == 0 ? 1 : 0,
	    "set serials aside outside the main system: lifeboat entry "
	    "reserve", "no entry numbers reserved for downtime");
	if (lb_owned_conflicts(v, &n, e) == -1)
		return -1;
	risk(s, "feed_conflicts", n, "keep Lifeboat's value or accept the "
	    "feed's: lifeboat shipment conflicts", "%" PRId64 " value%s of the "
	    "main system's feed disagree%s with what Lifeboat decided", n,
	    n == 1 ? "" : "s", n == 1 ? "s" : "");
	return 0;
}
