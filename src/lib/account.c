/*
 * account.c: web accounts in the vault (account.h).
 *
 * Each change is one journaled change of one "accounts" row, built with
 * row.h so that every value meets its column's check.  The password is
 * checked and hashed before the write transaction begins: hashing takes a
 * tenth of a second on purpose, and nobody should queue behind it.
 */
#include <string.h>

#include <sodium.h>

#include "account.h"
#include "buf.h"
#include "journal.h"
#include "mem.h"
#include "row.h"

enum {
	C_NAME, C_ROLE, C_IMPORTER, C_HASH, C_STATE, C_AT, C_ACTOR
};

static const char *const role_names[] = {
	"admin", "staff", "client", "auditor"
};

const char *
lb_role_name(enum lb_role r)
{
	return (size_t)r < sizeof(role_names) / sizeof(role_names[0]) ?
	    role_names[r] : "?";
}

int
lb_role_parse(const char *s, enum lb_role *r, struct lb_err *e)
{
	size_t	i;

	for (i = 0; i < sizeof(role_names) / sizeof(role_names[0]); i++)
		if (s != NULL && strcmp(s, role_names[i]) == 0) {
			*r = (enum lb_role)i;
			return 0;
		}
	return lb_error(e, "role must be admin, staff, client or auditor");
}

int
lb_account_name_valid(const char *s)
{
	size_t	n = s != NULL ? strlen(s) : 0, i;

	if (n < 1 || n > LB_ACCOUNT_NAME - 1)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    (i > 0 && (s[i] == '.' || s[i] == '_' || s[i] == '-'))))
			return 0;
	return 1;
}

static int
check_name(const char *name, struct lb_err *e)
{
	if (!lb_account_name_valid(name))
		return lb_error(e, "user name must be 1 to 32 of a-z, 0-9, "
		    "'.', '_', '-', starting with a letter or digit");
	return 0;
}

static int
on_row(void *arg, const struct lb_value *vals, const unsigned char *dg,
    size_t dlen)
{
	struct lb_account	*a = arg;
	char			 role[16], state[16];
	enum lb_role		 r = LB_AUDITOR;

	memset(a, 0, sizeof(*a));
	lb_value_copy(&vals[C_NAME], a->name, sizeof(a->name));
	lb_value_copy(&vals[C_ROLE], role, sizeof(role));
	a->role = lb_role_parse(role, &r, NULL) == 0 ? r : LB_AUDITOR;
	lb_value_copy(&vals[C_IMPORTER], a->importer, sizeof(a->importer));
	lb_value_copy(&vals[C_HASH], a->hash, sizeof(a->hash));
	lb_value_copy(&vals[C_STATE], state, sizeof(state));
	a->disabled = strcmp(state, "active") != 0;
	lb_value_copy(&vals[C_AT], a->at, sizeof(a->at));
	lb_value_copy(&vals[C_ACTOR], a->actor, sizeof(a->actor));
	return 0;
}

int
lb_account_get(struct lb_vault *v, const char *name, struct lb_account *a,
    struct lb_err *e)
{
	memset(a, 0, sizeof(*a));
	if (!lb_account_name_valid(name))
		return 0;
	return v->st->ops->get_row(v->st, lb_kind_get("accounts"), name,
	    strlen(name), on_row, a, e);
}

/* Write row r of account `name` and journal it as action with detail d. */
static int
write_row(struct lb_vault *v, const struct lb_who *who, struct lb_change *c,
    struct lb_row *r, const char *action, const char *name,
    struct lb_buf *d, struct lb_err *e)
{
	char	ts[24];
	int	changed;

	lb_who_ts(who, ts);
	if (lb_row_set(r, "at", ts, e) == -1 ||
	    lb_row_set(r, "actor", who->actor, e) == -1 ||
	    lb_row_complete(r, e) == -1 ||
	    lb_change_upsert(c, lb_kind_get("accounts"), r->vals, name,
	    strlen(name), &changed, e) == -1) {
		lb_change_abort(c);
		return -1;
	}
	if (lb_buf_error(d) != 0) {
		lb_change_abort(c);
		return lb_error(e, "%s: detail too large", action);
	}
	return lb_change_commit(c, ts, who->actor, action, name,
	    lb_buf_cstr(d), NULL, e);
}

static void
detail(struct lb_buf *d, const char *name, const char *role,
    const char *importer)
{
	lb_buf_adds(d, "{\"name\":");
	lb_buf_add_json_str(d, name, strlen(name));
	if (role != NULL)
		lb_buf_addf(d, ",\"role\":\"%s\"", role);
	if (importer != NULL && importer[0] != '\0') {
		lb_buf_adds(d, ",\"importer_number\":");
		lb_buf_add_json_str(d, importer, strlen(importer));
	}
	lb_buf_adds(d, "}");
}

int
lb_account_add(struct lb_vault *v, const struct lb_who *who,
    const char *name, enum lb_role role, const char *importer,
    const char *pw, size_t pwlen, const struct lb_breached *bl,
    struct lb_err *e)
{
	const struct lb_kind	*k = lb_kind_get("accounts");
	struct lb_change	 c;
	struct lb_row		*r;
	struct lb_buf		 d;
	char			 hash[LB_PW_HASH_LEN], imp[16];
	int			 rc, ret = -1;

	if (check_name(name, e) == -1)
		return -1;
	if (role == LB_CLIENT && (importer == NULL || importer[0] == '\0'))
		return lb_error(e, "a client user needs --client "
		    "IMPORTER_NUMBER: the one importer it sees");
	if (role != LB_CLIENT && importer != NULL && importer[0] != '\0')
		return lb_error(e, "only a client user is bound to an importer "
		    "(role %s takes no --client)", lb_role_name(role));
	if (lb_password_check(pw, pwlen, name, bl, e) == -1)
		return -1;
	if ((r = lb_calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	lb_buf_init(&d, 1024);
	lb_row_init(r, k);
	if (lb_row_set(r, "name", name, e) == -1 ||
	    lb_row_set(r, "role", lb_role_name(role), e) == -1 ||
	    lb_row_set(r, "importer_number", importer, e) == -1 ||
	    lb_row_set(r, "state", "active", e) == -1)
		goto out;
	lb_value_copy(&r->vals[C_IMPORTER], imp, sizeof(imp));
	if (lb_password_hash(pw, pwlen, hash, e) == -1)
		goto out;
	rc = lb_row_set(r, "hash", hash, e);
	sodium_memzero(hash, sizeof(hash));
	if (rc == -1)
		goto out;
	if (lb_change_begin(v->st, &c, e) == -1)
		goto out;
	if ((rc = v->st->ops->has_key(v->st, k, name, strlen(name), e)) != 0) {
		lb_change_abort(&c);
		if (rc == 1)
			lb_error(e, "user %s already exists", name);
		goto out;
	}
	if (imp[0] != '\0') {
		rc = v->st->ops->has_key(v->st, lb_kind_get("clients"), imp,
		    strlen(imp), e);
		if (rc != 1) {
			lb_change_abort(&c);
			if (rc == 0)
				lb_error(e, "--client: no client %s in the vault",
				    imp);
			goto out;
		}
	}
	detail(&d, name, lb_role_name(role), imp);
	ret = write_row(v, who, &c, r, "user.add", name, &d, e);
out:
	sodium_memzero(r, sizeof(*r));
	free(r);
	lb_buf_free(&d);
	return ret;
}

/*
 * Begin a change of an existing account: r gets its row as stored.
 * 0, or -1 (nothing begun) when it does not exist.
 */
static int
begin_existing(struct lb_vault *v, const char *name, struct lb_change *c,
    struct lb_row *r, struct lb_account *a, struct lb_err *e)
{
	int	rc;

	if (check_name(name, e) == -1 || lb_change_begin(v->st, c, e) == -1)
		return -1;
	rc = v->st->ops->get_row(v->st, lb_kind_get("accounts"), name,
	    strlen(name), on_row, a, e);
	if (rc != 1) {
		lb_change_abort(c);
		if (rc == 0)
			lb_error(e, "no user %s", name);
		return -1;
	}
	lb_row_init(r, lb_kind_get("accounts"));
	if (lb_row_set(r, "name", a->name, e) == -1 ||
	    lb_row_set(r, "role", lb_role_name(a->role), e) == -1 ||
	    lb_row_set(r, "importer_number", a->importer, e) == -1 ||
	    lb_row_set(r, "hash", a->hash, e) == -1 ||
	    lb_row_set(r, "state", a->disabled ? "disabled" : "active",
	    e) == -1) {
		lb_change_abort(c);
		return -1;
	}
	return 0;
}

int
lb_account_passwd(struct lb_vault *v, const struct lb_who *who,
    const char *name, const char *pw, size_t pwlen,
    const struct lb_breached *bl, struct lb_err *e)
{
	struct lb_account	 a;
	struct lb_change	 c;
	struct lb_row		*r;
	struct lb_buf		 d;
	char			 hash[LB_PW_HASH_LEN];
	int			 rc, ret = -1;

	if (check_name(name, e) == -1 ||
	    lb_password_check(pw, pwlen, name, bl, e) == -1)
		return -1;
	if ((r = lb_calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	lb_buf_init(&d, 1024);
	if (lb_password_hash(pw, pwlen, hash, e) == -1)
		goto out;
	if (begin_existing(v, name, &c, r, &a, e) == -1)
		goto out;
	rc = lb_row_set(r, "hash", hash, e);
	if (rc == -1) {
		lb_change_abort(&c);
		goto out;
	}
	detail(&d, name, NULL, NULL);
	ret = write_row(v, who, &c, r, "user.passwd", name, &d, e);
out:
	sodium_memzero(hash, sizeof(hash));
	sodium_memzero(&a, sizeof(a));
	sodium_memzero(r, sizeof(*r));
	free(r);
	lb_buf_free(&d);
	return ret;
}

int
lb_account_set_disabled(struct lb_vault *v, const struct lb_who *who,
    const char *name, int disabled, struct lb_err *e)
{
	struct lb_account	 a;
	struct lb_change	 c;
	struct lb_row		*r;
	struct lb_buf		 d;
	int			 ret = -1;

	if ((r = lb_calloc(1, sizeof(*r))) == NULL)
		return lb_error(e, "out of memory");
	lb_buf_init(&d, 1024);
	if (begin_existing(v, name, &c, r, &a, e) == -1)
		goto out;
	if (a.disabled == (disabled != 0)) {
		lb_change_abort(&c);
		lb_error(e, "user %s is already %s", name, disabled ?
		    "disabled" : "active");
		goto out;
	}
	if (lb_row_set(r, "state", disabled ? "disabled" : "active",
	    e) == -1) {
		lb_change_abort(&c);
		goto out;
	}
	detail(&d, name, NULL, NULL);
	ret = write_row(v, who, &c, r, disabled ? "user.disable" :
	    "user.enable", name, &d, e);
out:
	sodium_memzero(&a, sizeof(a));
	sodium_memzero(r, sizeof(*r));
	free(r);
	lb_buf_free(&d);
	return ret;
}

struct list_scan {
	lb_account_cb	*cb;
	void		*arg;
};

static int
on_list(void *arg, const struct lb_value *vals, const unsigned char *dg,
    size_t dlen)
{
	struct list_scan	*s = arg;
	struct lb_account	 a;
	int			 rc;

	(void)on_row(&a, vals, dg, dlen);
	sodium_memzero(a.hash, sizeof(a.hash));
	rc = s->cb(s->arg, &a);
	return rc;
}

int
lb_account_list(struct lb_vault *v, lb_account_cb *cb, void *arg,
    struct lb_err *e)
{
	struct list_scan	s = { cb, arg };

	return v->st->ops->rows_scan(v->st, lb_kind_get("accounts"), on_list,
	    &s, e);
}

int
lb_account_event(struct lb_vault *v, const struct lb_who *who,
    const char *action, const char *subject, const char *why,
    struct lb_err *e)
{
	struct lb_change	c;
	struct lb_buf		d;
	char			ts[24];
	int			ret;

	lb_buf_init(&d, 1024);
	lb_buf_adds(&d, "{");
	if (why != NULL) {
		lb_buf_adds(&d, "\"why\":");
		lb_buf_add_json_str(&d, why, strlen(why));
	}
	lb_buf_adds(&d, "}");
	if (lb_buf_error(&d) != 0 || lb_change_begin(v->st, &c, e) == -1) {
		lb_buf_free(&d);
		return lb_error(e, "%s: cannot journal", action);
	}
	lb_who_ts(who, ts);
	ret = lb_change_commit(&c, ts, who->actor, action, subject,
	    lb_buf_cstr(&d), NULL, e);
	lb_buf_free(&d);
	return ret;
}
