/*
 * vault.h: the vault (capability V1): one directory on a clean machine.
 *
 * A vault is a directory (mode 0700) holding vault.db, the SQLite store
 * (mode 0600).  Creating it, opening it (which migrates an older schema),
 * and changing a setting are each one journaled change.
 *
 * Who and when: every change is attributed to a struct lb_who that the
 * front-end fills (the OS user or the signed-in user, and the clock); the
 * library never reads the clock itself.
 */
#ifndef LB_VAULT_H
#define LB_VAULT_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "store.h"

#define LB_VERSION	"0.1.0"
#define LB_VAULT_DB	"vault.db"

struct lb_who {
	const char	*actor;	/* "os:alice", "web:bob" */
	int64_t		 now;	/* seconds since the epoch, UTC */
};

struct lb_vault {
	struct lb_store	*st;
	char		*dir;
};

/* Create dir (its parent must exist) and a new vault in it. */
int	lb_vault_create(const char *dir, const struct lb_who *,
	    struct lb_vault **, struct lb_err *);
/*
 * Open an existing vault, migrating its schema to LB_SCHEMA_VERSION (as one
 * journaled change) when it is older; `upto` > 0 stops at that schema
 * (tests make old vaults this way).  A vault newer than this build is
 * refused.
 */
int	lb_vault_open(const char *dir, const struct lb_who *,
	    struct lb_vault **, struct lb_err *);
int	lb_vault_create_at(const char *dir, const struct lb_who *, int upto,
	    struct lb_vault **, struct lb_err *);
void	lb_vault_close(struct lb_vault *);

/*
 * Settings: names, defaults and ranges are fixed in vault.c.  A setting is
 * a whole number in [min, max], or (text != 0) a text of at most max
 * characters whose default is tdef ("" for none), checked by its check
 * function when set.
 */
struct lb_setting_def {
	const char	*name;
	int64_t		 def;
	int64_t		 min;
	int64_t		 max;
	const char	*doc;
	int		 text;
	const char	*tdef;
	/* Text settings: 0 if value is acceptable, else -1 and why. */
	int		(*check)(const char *value, char *why, size_t whylen);
};
extern const struct lb_setting_def lb_setting_defs[];
extern const size_t lb_nsetting_defs;

int	lb_vault_setting(struct lb_vault *, const char *name, int64_t *value,
	    struct lb_err *);
/* A text setting's value (its default when not set), NUL-terminated. */
int	lb_vault_setting_text(struct lb_vault *, const char *name, char *out,
	    size_t outlen, struct lb_err *);
/* The setting's definition, or NULL when there is none of that name. */
const struct lb_setting_def *lb_setting_find(const char *name);
int	lb_vault_setting_set(struct lb_vault *, const struct lb_who *,
	    const char *name, const char *value, struct lb_err *);

/* "YYYY-MM-DDTHH:MM:SSZ" of who->now, for journal entries. */
void	lb_who_ts(const struct lb_who *, char out[24]);

#endif
