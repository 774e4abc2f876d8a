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
#include "utf8.h"
#include "vault.h"

/*
 * An IANA time zone name as tzdata spells them (America/Chicago, UTC,
 * Etc/GMT+5): letters, digits, '_', '-', '+' in '/'-separated parts, none
 * empty or starting with '.'.  Whether the zone exists is for whoever
 * loads it to say.
 */
static int
check_tzname(const char *v, char *why, size_t whylen)
{
	size_t	i, n = strlen(v);
	int	start = 1;

	if (n == 0 || n > 64) {
		(void)snprintf(why, whylen, "a time zone name is 1 to 64 "
		    "characters, like America/Chicago");
		return -1;
	}
	for (i = 0; i < n; i++) {
		unsigned char	ch = (unsigned char)v[i];

		if (ch == '/') {
			if (start)
				break;
			start = 1;
			continue;
		}
		if (start && (ch == '.' || ch == '-'))
			break;
		start = 0;
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' ||
		    ch == '+'))
			break;
	}
	if (i < n || start) {
		(void)snprintf(why, whylen, "not a time zone name (IANA names "
		    "look like America/Chicago or UTC)");
		return -1;
	}
	return 0;
}

/* One line of printable text: no control characters. */
static int
check_line(const char *v, char *why, size_t whylen)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)v; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f) {
			(void)snprintf(why, whylen, "control characters are "
			    "not allowed");
			return -1;
		}
	return 0;
}

#define INT_SETTING(name, def, min, max, doc) \
	{ name, def, min, max, doc, 0, "", NULL }
#define TEXT_SETTING(name, max, def, check, doc) \
	{ name, 0, 0, max, doc, 1, def, check }

const struct lb_setting_def lb_setting_defs[] = {
	INT_SETTING("stale_hours", 24, 1, 24 * 365,
	    "hours after which an imported copy is reported stale"),
	INT_SETTING("entry_low", 100, 0, 9999999,
	    "warn when a filer code has fewer entry numbers left than this"),
	INT_SETTING("at_risk_days", 2, 0, 60,
	    "a deadline due within this many working days is at risk"),
	INT_SETTING("deminimis_cents", 80000, 0, 100000000,
	    "de minimis value in cents: no paper informal entry at or below it "
	    "(CSMS #66065494)"),
	INT_SETTING("ld_payment_multiplier", 2, 0, 10,
	    "estimate, to confirm: late deposit of duties costs this many times "
	    "the unpaid amount (19 CFR 113.62)"),
	INT_SETTING("ld_payment_min_cents", 100000, 0, 100000000,
	    "estimate, to confirm: minimum for late deposit of duties, in cents"),
	INT_SETTING("ld_summary_base_cents", 10000, 0, 100000000,
	    "estimate, to confirm: late entry summary, fixed part in cents "
	    "(CBP mitigation practice)"),
	INT_SETTING("ld_summary_ppm_per_day", 1000, 0, 1000000,
	    "estimate, to confirm: late entry summary, parts per million of the "
	    "duty per calendar day late (1000 = 0.1%)"),
	INT_SETTING("soc_notice_hours", 72, 1, 24 * 30,
	    "hours from discovery of a breach to the SOC notice (19 CFR 111.21(b))"),
	INT_SETTING("login_failures_per_hour", 100, 1, 100,
	    "failed web sign-ins a user name may have in an hour before it is "
	    "refused until the hour is over"),
	TEXT_SETTING("timezone", 64, "", check_tzname,
	    "the broker's time zone (IANA name, e.g. America/Chicago): "
	    "date-times typed without an offset are read in it, and shown in it"),
	TEXT_SETTING("oob_contact", 200, "", check_line,
	    "a contact that works outside the broker's systems (phone, personal "
	    "email), printed on downtime letters and shown to clients"),
	TEXT_SETTING("client_notice", 2000, "", check_line,
	    "a notice from the broker shown to every client on the portal"),
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

const struct lb_setting_def *
lb_setting_find(const char *name)
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

	if ((d = lb_setting_find(name)) == NULL || d->text)
		return lb_error(e, "unknown whole-number setting \"%s\"", name);
	rc = v->st->ops->query_int(v->st, "setting_int", name, value, e);
	if (rc == -1)
		return -1;
	if (rc == 0)
		*value = d->def;
	return 0;
}

struct text_out {
	char	*out;
	size_t	 outlen;
	int	 found;
};

static int
on_setting(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct text_out	*t = arg;

	t->found = 1;
	(void)snprintf(t->out, t->outlen, "%.*s", (int)vals[1].len,
	    vals[1].s != NULL ? vals[1].s : "");
	return 0;
}

int
lb_vault_setting_text(struct lb_vault *v, const char *name, char *out,
    size_t outlen, struct lb_err *e)
{
	const struct lb_setting_def *d;
	struct text_out		 t = { out, outlen, 0 };

	if ((d = lb_setting_find(name)) == NULL || !d->text)
		return lb_error(e, "unknown text setting \"%s\"", name);
	if (v->st->ops->get_row(v->st, lb_kind_get("settings"), name,
	    strlen(name), on_setting, &t, e) == -1)
		return -1;
	if (!t.found)
		(void)snprintf(out, outlen, "%s", d->tdef);
	return 0;
}

int
lb_vault_setting_set(struct lb_vault *v, const struct lb_who *who,
    const char *name, const char *value, struct lb_err *e)
{
	const struct lb_setting_def *d;
	const struct lb_kind	*k = lb_kind_get("settings");
	struct lb_value		 vals[2];
	struct lb_change	 c;
	struct lb_buf		 detail;
	char			 ts[24], canon[24], why[160];
	const char		*p;
	int64_t			 n = 0;
	int			 changed, rc;

	if ((d = lb_setting_find(name)) == NULL)
		return lb_error(e, "unknown setting \"%s\"", name);
	memset(vals, 0, sizeof(vals));
	vals[0].s = name;
	vals[0].len = strlen(name);
	if (d->text) {
		size_t	off, nchar = 0;

		for (p = value; *p != '\0'; p++)
			nchar += ((unsigned char)*p & 0xc0) != 0x80;
		if (lb_utf8_validate(value, strlen(value), &off) != 0 ||
		    nchar > (size_t)d->max)
			return lb_error(e, "setting %s: at most %" PRId64
			    " characters of UTF-8 text", name, d->max);
		if (value[0] == '\0' && d->tdef[0] == '\0')
			;	/* back to none */
		else if (d->check != NULL && d->check(value, why,
		    sizeof(why)) == -1)
			return lb_error(e, "setting %s: %s", name, why);
		vals[1].s = value;
		vals[1].len = strlen(value);
	} else {
		for (p = value; *p >= '0' && *p <= '9' && n <= d->max; p++)
			n = n * 10 + (*p - '0');
		if (p == value || *p != '\0' || n < d->min || n > d->max)
			return lb_error(e, "setting %s: \"%.40s\" is not a "
			    "whole number from %" PRId64 " to %" PRId64, name,
			    value, d->min, d->max);
		(void)snprintf(canon, sizeof(canon), "%" PRId64, n);
		vals[1].s = canon;
		vals[1].len = strlen(canon);
	}
	if (lb_change_begin(v->st, &c, e) == -1)
		return -1;
	if (lb_change_upsert(&c, k, vals, name, strlen(name), &changed,
	    e) == -1) {
		lb_change_abort(&c);
		return -1;
	}
	lb_who_ts(who, ts);
	lb_buf_init(&detail, 4096 + 64);
	lb_buf_adds(&detail, "{\"value\":");
	lb_buf_add_json_str(&detail, vals[1].s, vals[1].len);
	lb_buf_adds(&detail, "}");
	if (lb_buf_error(&detail) != 0) {
		lb_buf_free(&detail);
		lb_change_abort(&c);
		return lb_error(e, "out of memory");
	}
	rc = lb_change_commit(&c, ts, who->actor, "config", name,
	    lb_buf_cstr(&detail), NULL, e);
	lb_buf_free(&detail);
	return rc;
}
