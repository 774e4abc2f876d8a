/*
 * vault.c: creating and opening vaults, migrations, settings (vault.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "cbp.h"
#include "date.h"
#include "journal.h"
#include "mem.h"
#include "vault.h"

const struct lb_setting_def lb_setting_defs[] = {
	{ "stale_hours", 24, 1, 24 * 365,
	    "hours after which an imported copy is reported stale" },
	{ "entry_low", 100, 0, 9999999,
	    "warn when a filer code has fewer entry numbers left than this" },
	{ "at_risk_days", 2, 0, 60,
	    "a deadline due within this many working days is at risk" },
	{ "deminimis_cents", 80000, 0, 100000000,
	    "de minimis value in cents: no paper informal entry at or below it "
	    "(CSMS #66065494)" },
	{ "ld_payment_multiplier", 2, 0, 10,
	    "estimate, to confirm: late deposit of duties costs this many times "
	    "the unpaid amount (19 CFR 113.62)" },
	{ "ld_payment_min_cents", 100000, 0, 100000000,
	    "estimate, to confirm: minimum for late deposit of duties, in cents" },
	{ "ld_summary_base_cents", 10000, 0, 100000000,
	    "estimate, to confirm: late entry summary, fixed part in cents "
	    "(CBP mitigation practice)" },
	{ "ld_summary_ppm_per_day", 1000, 0, 1000000,
	    "estimate, to confirm: late entry summary, parts per million of the "
	    "duty per calendar day late (1000 = 0.1%)" },
	{ "soc_notice_hours", 72, 1, 24 * 30,
	    "hours from discovery of a breach to the SOC notice (19 CFR 111.21(b))" },
	{ "login_failures_per_hour", 100, 1, 100,
	    "failed web sign-ins a user name may have in an hour before it is "
	    "refused until the hour is over" },
};
const size_t lb_nsetting_defs =
    sizeof(lb_setting_defs) / sizeof(lb_setting_defs[0]);

void
lb_who_ts(const struct lb_who *who, char out[24])
{
	char	ts[LB_TIME_STRLEN];

	lb_time_format(who->now, ts);
	(void)snprintf(out, 24, "%s", ts);
}

static int
db_path(const char *dir, char *out, size_t outlen, struct lb_err *e)
{
	if ((size_t)snprintf(out, outlen, "%s/%s", dir, LB_VAULT_DB) >= outlen)
		return lb_error(e, "%s: path too long", dir);
	return 0;
}

static int
new_vault(const char *dir, struct lb_store *st, struct lb_vault **out,
    struct lb_err *e)
{
	struct lb_vault	*v;

	if ((v = lb_calloc(1, sizeof(*v))) == NULL ||
	    (v->dir = lb_strndup(dir, strlen(dir))) == NULL) {
		free(v);
		st->ops->close(st);
		return lb_error(e, "out of memory");
	}
	v->st = st;
	*out = v;
	return 0;
}

/* Bring the schema from its version to `to` as one journaled change. */
static int
migrate(struct lb_store *st, const struct lb_who *who, int to,
    struct lb_err *e)
{
	struct lb_change c;
	char		 ts[24], detail[96];
	int		 from;

	if (st->ops->schema_version(st, &from, e) == -1)
		return -1;
	if (from > LB_SCHEMA_VERSION)
		return lb_error(e, "vault schema %d is newer than this lifeboat "
		    "%s understands (schema %d): upgrade lifeboat", from,
		    LB_VERSION, LB_SCHEMA_VERSION);
	if (from >= to)
		return 0;
	if (lb_change_begin(st, &c, e) == -1)
		return -1;
	/* Another process may have migrated while we waited for the lock. */
	if (st->ops->schema_version(st, &from, e) == -1) {
		lb_change_abort(&c);
		return -1;
	}
	if (from >= to) {
		lb_change_abort(&c);
		return 0;
	}
	if (st->ops->migrate(st, to, e) == -1) {
		lb_change_abort(&c);
		return -1;
	}
	lb_who_ts(who, ts);
	(void)snprintf(detail, sizeof(detail),
	    "{\"from\":%d,\"to\":%d,\"lifeboat\":\"%s\"}", from, to,
	    LB_VERSION);
	return lb_change_commit(&c, ts, who->actor, "migrate", "schema", detail,
	    NULL, e);
}

/* Remove a half-made database left by a creation that was killed. */
static void
remove_db(const char *path)
{
	char	aux[PATH_MAX + 8];

	(void)unlink(path);
	if ((size_t)snprintf(aux, sizeof(aux), "%s-wal", path) < sizeof(aux))
		(void)unlink(aux);
	if ((size_t)snprintf(aux, sizeof(aux), "%s-shm", path) < sizeof(aux))
		(void)unlink(aux);
}

static int
sync_dir(const char *dir, struct lb_err *e)
{
	int	fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return lb_error(e, "%s: %s", dir, strerror(errno));
	if (fsync(fd) == -1) {
		close(fd);
		return lb_error(e, "%s: %s", dir, strerror(errno));
	}
	close(fd);
	return 0;
}

/*
 * The new database is made complete under a temporary name (schema, vault
 * id, the journal's first entry, committed and closed), then linked to
 * vault.db, which never exists half-made: a creation killed at any moment
 * leaves either no vault or a whole one, and the next init cleans up.
 */
static int
build_db(const char *tmp, const struct lb_who *who, int to, struct lb_err *e)
{
	struct lb_store	*st;
	struct lb_change c;
	unsigned char	 id[16];
	char		 ts[24], idhex[40], detail[160];
	struct lb_buf	 b;

	if (lb_store_sqlite_open(tmp, 1, &st, e) == -1)
		return -1;
	if (st->ops->begin(st, e) == -1)
		goto fail;
	if (st->ops->migrate(st, to, e) == -1 ||
	    lb_change_attach(st, &c, e) == -1) {
		st->ops->rollback(st);
		goto fail;
	}
	randombytes_buf(id, sizeof(id));
	lb_buf_init(&b, sizeof(idhex));
	lb_buf_add_hex(&b, id, sizeof(id));
	(void)snprintf(idhex, sizeof(idhex), "%s", lb_buf_cstr(&b));
	lb_buf_free(&b);
	lb_who_ts(who, ts);
	if (st->ops->meta_set(st, "vault_id", idhex, e) == -1 ||
	    st->ops->meta_set(st, "created_at", ts, e) == -1) {
		lb_change_abort(&c);
		goto fail;
	}
	(void)snprintf(detail, sizeof(detail), "{\"vault_id\":\"%s\","
	    "\"schema\":%d,\"lifeboat\":\"%s\"}", idhex, to, LB_VERSION);
	if (lb_change_commit(&c, ts, who->actor, "init", "vault", detail, NULL,
	    e) == -1)
		goto fail;
	/* Closing the last connection folds the WAL into the file. */
	st->ops->close(st);
	return 0;
fail:
	st->ops->close(st);
	return -1;
}

int
lb_vault_create_at(const char *dir, const struct lb_who *who, int upto,
    struct lb_vault **out, struct lb_err *e)
{
	struct lb_store	*st;
	char		 path[PATH_MAX], tmp[PATH_MAX];
	int		 to = upto > 0 ? upto : LB_SCHEMA_VERSION;

	*out = NULL;
	if (db_path(dir, path, sizeof(path), e) == -1)
		return -1;
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s/%s.new", dir, LB_VAULT_DB) >=
	    sizeof(tmp))
		return lb_error(e, "%s: path too long", dir);
	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return lb_error(e, "%s: cannot create: %s", dir, strerror(errno));
	if (access(path, F_OK) == 0)
		return lb_error(e, "%s: a vault already exists here", dir);
	/* An existing directory becomes private too. */
	if (chmod(dir, 0700) == -1)
		return lb_error(e, "%s: cannot make it private: %s", dir,
		    strerror(errno));
	remove_db(tmp);
	if (build_db(tmp, who, to, e) == -1) {
		remove_db(tmp);
		return -1;
	}
	/* link() refuses to replace a vault made meanwhile by another init. */
	if (link(tmp, path) == -1) {
		lb_error(e, "%s: %s", path, errno == EEXIST ?
		    "a vault already exists here" : strerror(errno));
		remove_db(tmp);
		return -1;
	}
	remove_db(tmp);
	if (sync_dir(dir, e) == -1)
		return -1;
	if (lb_store_sqlite_open(path, 0, &st, e) == -1)
		return -1;
	return new_vault(dir, st, out, e);
}

int
lb_vault_create(const char *dir, const struct lb_who *who,
    struct lb_vault **out, struct lb_err *e)
{
	return lb_vault_create_at(dir, who, 0, out, e);
}

int
lb_vault_open(const char *dir, const struct lb_who *who,
    struct lb_vault **out, struct lb_err *e)
{
	struct lb_store	*st;
	struct stat	 sb;
	char		 path[PATH_MAX];
	int		 version;

	*out = NULL;
	if (db_path(dir, path, sizeof(path), e) == -1)
		return -1;
	if (stat(path, &sb) == -1)
		return lb_error(e, "%s: no vault here (run \"lifeboat init\" "
		    "first): %s", dir, strerror(errno));
	if (lb_store_sqlite_open(path, 0, &st, e) == -1)
		return -1;
	if (st->ops->schema_version(st, &version, e) == -1)
		goto fail;
	if (version == 0) {
		lb_error(e, "%s: not a lifeboat vault (empty database)", path);
		goto fail;
	}
	if (migrate(st, who, LB_SCHEMA_VERSION, e) == -1)
		goto fail;
	return new_vault(dir, st, out, e);
fail:
	st->ops->close(st);
	return -1;
}

void
lb_vault_close(struct lb_vault *v)
{
	if (v == NULL)
		return;
	v->st->ops->close(v->st);
	free(v->dir);
	free(v);
}

static const struct lb_setting_def *
setting_def(const char *name)
{
	size_t	i;

	for (i = 0; i < lb_nsetting_defs; i++)
		if (strcmp(lb_setting_defs[i].name, name) == 0)
			return &lb_setting_defs[i];
	return NULL;
}

int
lb_vault_setting(struct lb_vault *v, const char *name, int64_t *value,
    struct lb_err *e)
{
	const struct lb_setting_def *d;
	int			 rc;

	if ((d = setting_def(name)) == NULL)
		return lb_error(e, "unknown setting \"%s\"", name);
	rc = v->st->ops->query_int(v->st, "setting_int", name, value, e);
	if (rc == -1)
		return -1;
	if (rc == 0)
		*value = d->def;
	return 0;
}

int
lb_vault_setting_set(struct lb_vault *v, const struct lb_who *who,
    const char *name, const char *value, struct lb_err *e)
{
	const struct lb_setting_def *d;
	const struct lb_kind	*k = lb_kind_find("settings");
	struct lb_value		 vals[2];
	struct lb_change	 c;
	char			 ts[24], canon[24], detail[128];
	const char		*p;
	int64_t			 n = 0;
	int			 changed;

	if ((d = setting_def(name)) == NULL)
		return lb_error(e, "unknown setting \"%s\"", name);
	for (p = value; *p >= '0' && *p <= '9' && n <= d->max; p++)
		n = n * 10 + (*p - '0');
	if (p == value || *p != '\0' || n < d->min || n > d->max)
		return lb_error(e, "setting %s: \"%.40s\" is not a whole number "
		    "from %" PRId64 " to %" PRId64, name, value, d->min, d->max);
	(void)snprintf(canon, sizeof(canon), "%" PRId64, n);
	memset(vals, 0, sizeof(vals));
	vals[0].s = name;
	vals[0].len = strlen(name);
	vals[1].s = canon;
	vals[1].len = strlen(canon);
	if (lb_change_begin(v->st, &c, e) == -1)
		return -1;
	if (lb_change_upsert(&c, k, vals, name, strlen(name), &changed,
	    e) == -1) {
		lb_change_abort(&c);
		return -1;
	}
	lb_who_ts(who, ts);
	(void)snprintf(detail, sizeof(detail), "{\"value\":\"%s\"}", canon);
	return lb_change_commit(&c, ts, who->actor, "config", name, detail,
	    NULL, e);
}
