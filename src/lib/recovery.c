/*
 * recovery.c: the recovery queue and the enforcement-discretion attachment
 * (recovery.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "buf.h"
#include "cbp.h"
#include "date.h"
#include "journal.h"
#include "mem.h"
#include "recovery.h"
#include "relief.h"
#include "row.h"

static const char *const tasks[] = { "release", "summary", "statement" };
#define NTASKS	3

/* A state of the recovery kind (kind.c declares them, "void" included). */
static int
known_state(const char *s)
{
	const struct lb_kind	*k = lb_kind_get("recovery");
	const char * const	*w = k->cols[lb_kind_col(k, "state")].words;

	for (; *w != NULL; w++)
		if (strcmp(*w, s) == 0)
			return 1;
	return 0;
}

struct list_scan {
	lb_recovery_cb	*cb;
	void		*arg;
};

static int
on_item(void *arg, const struct lb_value *v, size_t n)
{
	struct list_scan	*s = arg;
	struct lb_recovery_item	 it;

	memset(&it, 0, sizeof(it));
	lb_value_copy(&v[0], it.ref, sizeof(it.ref));
	lb_value_copy(&v[1], it.task, sizeof(it.task));
	lb_value_copy(&v[2], it.entry, sizeof(it.entry));
	lb_value_copy(&v[3], it.state, sizeof(it.state));
	lb_value_copy(&v[4], it.reason, sizeof(it.reason));
	lb_value_copy(&v[5], it.at, sizeof(it.at));
	lb_value_copy(&v[6], it.actor, sizeof(it.actor));
	lb_value_copy(&v[7], it.status, sizeof(it.status));
	lb_value_copy(&v[8], it.importer, sizeof(it.importer));
	lb_value_copy(&v[9], it.port, sizeof(it.port));
	it.mode = v[10].null ? 0 : (int)v[10].i;
	lb_value_copy(&v[11], it.carrier, sizeof(it.carrier));
	lb_value_copy(&v[12], it.bill, sizeof(it.bill));
	lb_value_copy(&v[13], it.release_date, sizeof(it.release_date));
	it.entered_value = v[14].null ? -1 : v[14].i;
	lb_value_copy(&v[15], it.drawn_at, sizeof(it.drawn_at));
	return s->cb(s->arg, &it);
}

int
lb_recovery_list(struct lb_vault *v, const char *state, lb_recovery_cb *cb,
    void *arg, struct lb_err *e)
{
	struct list_scan	s = { cb, arg };

	if (state != NULL && !known_state(state))
		return lb_error(e, "unknown state \"%s\" (pending, transmitted, "
		    "accepted, rejected or void)", state);
	return v->st->ops->query_rows(v->st, "recovery_queue", state, 0, 0,
	    on_item, &s, e);
}

/* What marking needs of the shipment and of its tasks as they stand. */
struct mark_ctx {
	char	entry[16];
	char	status[12];
	char	state[NTASKS][12];	/* "" when no row yet: pending */
	int	found;
	int	drawn;
};

static int
on_ship(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct mark_ctx		*m = arg;
	const struct lb_kind	*k = lb_kind_get("shipments");

	m->found = 1;
	lb_value_copy(&vals[lb_kind_col(k, "entry_number")], m->entry,
	    sizeof(m->entry));
	lb_value_copy(&vals[lb_kind_col(k, "status")], m->status,
	    sizeof(m->status));
	return 0;
}

static int
on_task(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct mark_ctx	*m = arg;
	char		 task[12];
	int		 i;

	lb_value_copy(&vals[1], task, sizeof(task));
	for (i = 0; i < NTASKS; i++)
		if (strcmp(task, tasks[i]) == 0)
			lb_value_copy(&vals[3], m->state[i], sizeof(m->state[i]));
	return 0;
}

/* May a task go from `from` ("" = pending) to `to`? */
static int
transition(const char *ref, const char *task, const char *from,
    const char *to, struct lb_err *e)
{
	const char	*was = from[0] != '\0' ? from : "pending";

	if (strcmp(to, "pending") == 0)
		return lb_error(e, "%s %s: a task cannot go back to pending "
		    "(mark it rejected, then transmitted again)", ref, task);
	if (strcmp(was, to) == 0)
		return lb_error(e, "%s %s is already %s", ref, task, to);
	if (strcmp(was, "accepted") == 0)
		return lb_error(e, "%s %s was accepted by CBP: it cannot change",
		    ref, task);
	if (strcmp(was, "void") == 0)
		return lb_error(e, "%s %s is void: its entry number was voided",
		    ref, task);
	return 0;
}

int
lb_recovery_mark(struct lb_vault *v, const struct lb_who *who,
    const char *ref, const char *task, const char *state,
    const char *reason, struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("recovery");
	struct lb_store		*st = v->st;
	struct lb_change	 c;
	struct mark_ctx		 m;
	struct lb_row		*r;
	struct lb_buf		 d;
	char			 key[64], ts[24];
	int			 i, rc, changed, ret = -1, which = -1;

	if (strcmp(task, "all") != 0) {
		for (i = 0; i < NTASKS; i++)
			if (strcmp(task, tasks[i]) == 0)
				which = i;
		if (which == -1)
			return lb_error(e, "unknown task \"%s\" (release, "
			    "summary, statement or all)", task);
	}
	if (!known_state(state) || strcmp(state, "void") == 0)
		return lb_error(e, "unknown state \"%s\" (transmitted, accepted "
		    "or rejected)", state);
	if (strcmp(state, "rejected") == 0 && (reason == NULL ||
	    reason[0] == '\0'))
		return lb_error(e, "a rejection needs --reason, as CBP gave it");
	if ((r = lb_calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	lb_buf_init(&d, 1024);
	memset(&m, 0, sizeof(m));
	if (lb_change_begin(st, &c, e) == -1)
		goto out_free;
	rc = st->ops->get_row(st, lb_kind_get("shipments"), ref, strlen(ref),
	    on_ship, &m, e);
	if (rc == -1)
		goto out;
	if (rc == 0) {
		lb_error(e, "no shipment \"%s\" in the vault", ref);
		goto out;
	}
	if (m.entry[0] == '\0') {
		lb_error(e, "shipment %s has no entry number: nothing to key "
		    "into ACE yet", ref);
		goto out;
	}
	if (st->ops->rows_by(st, k, ref, strlen(ref), on_task, &m, e) == -1)
		goto out;
	lb_who_ts(who, ts);
	for (i = 0; i < NTASKS; i++) {
		if (which != -1 && i != which)
			continue;
		if (transition(ref, tasks[i], m.state[i], state, e) == -1)
			goto out;
		lb_row_init(r, k);
		if (lb_row_set(r, "shipment_ref", ref, e) == -1 ||
		    lb_row_set(r, "task", tasks[i], e) == -1 ||
		    lb_row_set(r, "entry_number", m.entry, e) == -1 ||
		    lb_row_set(r, "state", state, e) == -1 ||
		    lb_row_set(r, "reason", reason, e) == -1 ||
		    lb_row_set(r, "at", ts, e) == -1 ||
		    lb_row_set(r, "actor", who->actor, e) == -1 ||
		    lb_row_key(r, key, sizeof(key), e) == -1 ||
		    lb_change_upsert(&c, k, r->vals, key, strlen(key),
		    &changed, e) == -1)
			goto out;
	}
	lb_buf_adds(&d, "{\"shipment\":");
	lb_buf_add_json_str(&d, ref, strlen(ref));
	lb_buf_addf(&d, ",\"task\":\"%s\",\"state\":\"%s\",\"entry\":\"%s\"",
	    task, state, m.entry);
	if (reason != NULL && reason[0] != '\0') {
		lb_buf_adds(&d, ",\"reason\":");
		lb_buf_add_json_str(&d, reason, strlen(reason));
	}
	lb_buf_adds(&d, "}");
	if (lb_buf_error(&d) != 0) {
		lb_error(e, "recovery mark: detail too large");
		goto out;
	}
	ret = lb_change_commit(&c, ts, who->actor, "recovery.mark", ref,
	    lb_buf_cstr(&d), NULL, e);
	goto out_free;
out:
	lb_change_abort(&c);
out_free:
	lb_buf_free(&d);
	free(r);
	return ret;
}

static int
task_row(struct lb_change *c, const struct lb_who *who, struct lb_row *r,
    const char *ref, const char *task, const char *number, const char *state,
    const char *reason, struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("recovery");
	char			 key[64], ts[24];
	int			 changed;

	lb_who_ts(who, ts);
	lb_row_init(r, k);
	if (lb_row_set(r, "shipment_ref", ref, e) == -1 ||
	    lb_row_set(r, "task", task, e) == -1 ||
	    lb_row_set(r, "entry_number", number, e) == -1 ||
	    lb_row_set(r, "state", state, e) == -1 ||
	    lb_row_set(r, "reason", reason, e) == -1 ||
	    lb_row_set(r, "at", ts, e) == -1 ||
	    lb_row_set(r, "actor", who->actor, e) == -1 ||
	    lb_row_key(r, key, sizeof(key), e) == -1)
		return -1;
	return lb_change_upsert(c, k, r->vals, key, strlen(key), &changed, e);
}

int
lb_recovery_void(struct lb_change *c, const struct lb_who *who,
    const char *ref, const char *number, struct lb_err *e)
{
	struct lb_row	*r;
	char		 why[80];
	int		 i, rc = 0;

	if ((r = lb_calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	(void)snprintf(why, sizeof(why), "entry number %s was voided", number);
	for (i = 0; i < NTASKS && rc == 0; i++)
		rc = task_row(c, who, r, ref, tasks[i], number, "void", why, e);
	free(r);
	return rc;
}

int
lb_recovery_reopen(struct lb_change *c, const char *ref, struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("recovery");
	struct mark_ctx		 m;
	struct lb_value		 vals[8];
	char			 key[64];
	int			 i, deleted;

	memset(&m, 0, sizeof(m));
	if (c->st->ops->rows_by(c->st, k, ref, strlen(ref), on_task, &m,
	    e) == -1)
		return -1;
	for (i = 0; i < NTASKS; i++) {
		if (strcmp(m.state[i], "void") != 0)
			continue;
		memset(vals, 0, sizeof(vals));
		vals[0].s = ref;
		vals[0].len = strlen(ref);
		vals[1].s = tasks[i];
		vals[1].len = strlen(tasks[i]);
		(void)snprintf(key, sizeof(key), "%s|%s", ref, tasks[i]);
		if (lb_change_delete(c, k, vals, key, strlen(key), &deleted,
		    e) == -1)
			return -1;
	}
	return 0;
}

/* The attachment. */

struct att_ctx {
	struct lb_attachment	*a;
	char			 ref[36];
	char			 importer[16];
	char			 port[5];
	char			 release[11];
	char			 use_state[8];
	struct lb_relief	*reliefs;
	struct lb_relief_rec	*recs;
	size_t			 nreliefs;
	struct lb_err		*e;
};

static int
att_ship(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct att_ctx		*x = arg;
	const struct lb_kind	*k = lb_kind_get("shipments");

	lb_value_copy(&vals[lb_kind_col(k, "importer_number")], x->importer,
	    sizeof(x->importer));
	lb_value_copy(&vals[lb_kind_col(k, "port_entry")], x->port,
	    sizeof(x->port));
	lb_value_copy(&vals[lb_kind_col(k, "release_date")], x->release,
	    sizeof(x->release));
	if (x->release[0] == '\0')
		lb_value_copy(&vals[lb_kind_col(k, "entry_date")], x->release,
		    sizeof(x->release));
	return 0;
}

static int
att_client(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct att_ctx	*x = arg;

	lb_value_copy(&vals[lb_kind_col(lb_kind_get("clients"), "name")],
	    x->a->importer_name, sizeof(x->a->importer_name));
	return 0;
}

static int
att_broker(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct att_ctx		*x = arg;
	const struct lb_kind	*k = lb_kind_get("brokerage");

	lb_value_copy(&vals[lb_kind_col(k, "name")], x->a->broker_name,
	    sizeof(x->a->broker_name));
	lb_value_copy(&vals[lb_kind_col(k, "license_number")],
	    x->a->broker_license, sizeof(x->a->broker_license));
	lb_value_copy(&vals[lb_kind_col(k, "signer_name")],
	    x->a->signer_name, sizeof(x->a->signer_name));
	lb_value_copy(&vals[lb_kind_col(k, "signer_title")],
	    x->a->signer_title, sizeof(x->a->signer_title));
	return 0;
}

static int
att_use(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct att_ctx	*x = arg;

	lb_value_copy(&vals[3], x->use_state, sizeof(x->use_state));
	return 0;
}

static int
att_relief(void *arg, const struct lb_relief_rec *rec)
{
	struct att_ctx		*x = arg;
	struct lb_relief	*p;
	struct lb_relief_rec	*q;

	if ((p = lb_reallocarray(x->reliefs, x->nreliefs + 1,
	    sizeof(*p))) == NULL)
		return lb_error(x->e, "out of memory");
	x->reliefs = p;
	if ((q = lb_reallocarray(x->recs, x->nreliefs + 1,
	    sizeof(*q))) == NULL)
		return lb_error(x->e, "out of memory");
	x->recs = q;
	x->reliefs[x->nreliefs] = rec->r;
	x->recs[x->nreliefs++] = *rec;
	return 0;
}

/* Read what the attachment needs, in the caller's snapshot. */
static int
att_gather(struct lb_vault *v, const char *entry, struct att_ctx *x,
    struct lb_err *e)
{
	struct lb_store		*st = v->st;
	const struct lb_kind	*sk = lb_kind_get("shipments");
	int			 rc;

	rc = st->ops->unique_owner(st, sk, lb_kind_col(sk, "entry_number"),
	    entry, strlen(entry), x->ref, sizeof(x->ref), e);
	if (rc == -1)
		return -1;
	if (rc == 0)
		return lb_error(e, "no shipment in the vault has entry %s",
		    entry);
	if (st->ops->get_row(st, sk, x->ref, strlen(x->ref), att_ship, x,
	    e) == -1 || st->ops->get_row(st, lb_kind_get("entry_numbers"),
	    entry, strlen(entry), att_use, x, e) == -1 ||
	    st->ops->get_row(st, lb_kind_get("clients"), x->importer,
	    strlen(x->importer), att_client, x, e) == -1 ||
	    st->ops->rows_scan(st, lb_kind_get("brokerage"), att_broker, x,
	    e) == -1 || lb_relief_list(v, att_relief, x, e) == -1)
		return -1;
	if (strcmp(x->use_state, "drawn") == 0)
		return lb_error(e, "entry %s was released on downtime (drawn "
		    "from the reserve): the attachment is for entries not "
		    "released on downtime (CBP guidance 3609-0324)", entry);
	if (x->a->broker_name[0] == '\0')
		return lb_error(e, "no brokerage in the vault (lifeboat import "
		    "brokerage)");
	if (x->release[0] == '\0')
		return lb_error(e, "shipment %s (entry %s) has no release or "
		    "entry date: its summary deadline is unknown", x->ref,
		    entry);
	return 0;
}

static const struct lb_relief_rec *
pick_relief(struct lb_vault *v, const struct lb_who *who, const char *entry,
    const char *relief_id, struct att_ctx *x, struct lb_err *e)
{
	struct lb_calendar	*cal = NULL;
	struct lb_dl_rules	 rules;
	struct lb_dl_shipment	 in;
	struct lb_deadline	 d[2];
	char			 due[LB_DATE_STRLEN];
	size_t			 i;
	int			 rc;

	if (relief_id != NULL) {
		for (i = 0; i < x->nreliefs; i++)
			if (strcmp(x->recs[i].r.id, relief_id) == 0)
				break;
		if (i == x->nreliefs) {
			lb_error(e, "no relief %s is recorded", relief_id);
			return NULL;
		}
		if (x->recs[i].r.type != LB_RELIEF_DISCRETION ||
		    (x->recs[i].r.covers & LB_COVERS_SUMMARY) == 0) {
			lb_error(e, "relief %s is not enforcement discretion "
			    "for entry summaries", relief_id);
			return NULL;
		}
		if ((x->recs[i].r.importer[0] != '\0' &&
		    strcmp(x->recs[i].r.importer, x->importer) != 0) ||
		    !lb_relief_has_port(x->recs[i].r.ports, x->port)) {
			lb_error(e, "relief %s does not apply to entry %s (port "
			    "%s or importer)", relief_id, entry, x->port);
			return NULL;
		}
		return &x->recs[i];
	}
	memset(&in, 0, sizeof(in));
	in.ref = x->ref;
	in.importer = x->importer;
	in.port = x->port;
	in.duty_cents = -1;
	if (lb_date_parse(x->release, strlen(x->release), &in.release_day,
	    NULL, 0) == -1) {
		lb_error(e, "shipment %s: bad release date", x->ref);
		return NULL;
	}
	if (lb_dl_rules_of_vault(v, &rules, e) == -1 ||
	    lb_calendar_of_vault(v, &cal, NULL, e) == -1)
		return NULL;
	rc = lb_deadlines_shipment(cal, &rules, x->reliefs, x->nreliefs, &in,
	    who->now, d);
	lb_cal_free(cal);
	if (rc == -1) {
		lb_error(e, "shipment %s: outside the calendar", x->ref);
		return NULL;
	}
	if (d[0].covered == NULL) {
		lb_date_format(d[0].due_day, due);
		lb_error(e, "no enforcement discretion recorded covers entry %s "
		    "(its summary is due %s, port %s): record it with lifeboat "
		    "relief add --type discretion", entry, due, x->port);
		return NULL;
	}
	return &x->recs[d[0].covered - x->reliefs];
}

int
lb_recovery_attachment(struct lb_vault *v, const struct lb_who *who,
    const char *entry_in, const char *relief_id, struct lb_attachment *a,
    struct lb_err *e)
{
	const struct lb_relief_rec *r;
	struct att_ctx		 x;
	char			 entry[LB_ENTRY_STRLEN], why[LB_WHY_MAX];
	int			 ret = -1;

	memset(a, 0, sizeof(*a));
	if (lb_entry_parse(entry_in, strlen(entry_in), entry, why,
	    sizeof(why)) == -1)
		return lb_error(e, "entry number %s: %s", entry_in, why);
	memset(&x, 0, sizeof(x));
	x.a = a;
	x.e = e;
	if (v->st->ops->read_begin(v->st, e) == -1)
		return -1;
	if (att_gather(v, entry, &x, e) == -1 ||
	    (r = pick_relief(v, who, entry, relief_id, &x, e)) == NULL)
		goto out;
	(void)snprintf(a->filer, sizeof(a->filer), "%.3s", entry);
	(void)snprintf(a->entry_number, sizeof(a->entry_number), "%s", entry);
	(void)snprintf(a->from, sizeof(a->from), "%s", r->first);
	(void)snprintf(a->to, sizeof(a->to), "%s", r->last);
	(void)snprintf(a->reason, sizeof(a->reason), "%s", r->reason);
	(void)snprintf(a->relief_id, sizeof(a->relief_id), "%s", r->r.id);
	(void)snprintf(a->reference, sizeof(a->reference), "%s",
	    r->reference);
	lb_date_format(who->now / 86400, a->date);
	ret = 0;
out:
	v->st->ops->read_end(v->st);
	free(x.reliefs);
	free(x.recs);
	/* The letterhead and the approving office (attachment.c). */
	if (ret == 0)
		ret = lb_attachment_letterhead(v, a, e);
	return ret;
}
