/*
 * account.h: the people who sign in to the web workspace (issue 4), kept
 * in the vault (kind "accounts") and journaled like everything else.
 *
 * An account has a name, a role and an argon2id hash of its password
 * (password.h).  Roles: admin (everything, users included), staff (the
 * broker's people: read and act on shipments, entries, deadlines, relief,
 * the recovery queue), auditor (reads everything, changes nothing), client
 * (an importer's user: bound to one importer number of the vault, sees
 * only that importer's shipments).  A disabled account cannot sign in, and
 * sessions it holds stop working on their next request.
 *
 * Passwords never leave this module except as hashes, and hashes never
 * leave the vault: lists and the journal name the account and its role.
 */
#ifndef LB_ACCOUNT_H
#define LB_ACCOUNT_H

#include <stddef.h>

#include "err.h"
#include "password.h"
#include "vault.h"

#define LB_ACCOUNT_NAME	33	/* 32 bytes and the NUL */

enum lb_role {
	LB_ADMIN,
	LB_STAFF,
	LB_CLIENT,
	LB_AUDITOR
};

struct lb_account {
	char		name[LB_ACCOUNT_NAME];
	enum lb_role	role;
	char		importer[16];	/* client accounts; "" otherwise */
	int		disabled;
	char		at[24];		/* last change */
	char		actor[81];
	char		hash[LB_PW_HASH_LEN];	/* only from lb_account_get */
};

/* "admin", ...; lb_role_parse: 0, or -1 with the roles named in *e. */
const char	*lb_role_name(enum lb_role);
int		 lb_role_parse(const char *, enum lb_role *, struct lb_err *);
/* Is name a valid account name ([a-z0-9._-], 1..32, starts alnum)? */
int		 lb_account_name_valid(const char *name);

/*
 * Add an account.  importer is required for (and only for) a client and
 * must be a client of the vault.  The password is checked against the
 * policy (password.h, with the breached list bl) and hashed.  0, or -1
 * with what is wrong and nothing written.
 */
int	lb_account_add(struct lb_vault *, const struct lb_who *,
	    const char *name, enum lb_role, const char *importer,
	    const char *pw, size_t pwlen, const struct lb_breached *bl,
	    struct lb_err *);
/* Set a new password (checked and hashed as above). */
int	lb_account_passwd(struct lb_vault *, const struct lb_who *,
	    const char *name, const char *pw, size_t pwlen,
	    const struct lb_breached *bl, struct lb_err *);
/* Disable (disabled 1) or enable (0) an account. */
int	lb_account_set_disabled(struct lb_vault *, const struct lb_who *,
	    const char *name, int disabled, struct lb_err *);
/* The account, hash included: 1 found, 0 none, -1 storage error. */
int	lb_account_get(struct lb_vault *, const char *name,
	    struct lb_account *, struct lb_err *);
typedef int	lb_account_cb(void *arg, const struct lb_account *);
/* Every account by name; the hash is left empty. */
int	lb_account_list(struct lb_vault *, lb_account_cb *, void *arg,
	    struct lb_err *);
/*
 * Journal a sign-in event (action "login.ok", "login.fail", "logout",
 * "access.denied") with its detail, no row written.  The detail never
 * holds a password or a token.
 */
int	lb_account_event(struct lb_vault *, const struct lb_who *,
	    const char *action, const char *subject, const char *why,
	    struct lb_err *);

#endif
