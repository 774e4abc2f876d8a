/*
 * cli.h: what the lifeboat subcommands share.
 *
 * The CLI is a thin front-end: it parses arguments, fills a struct lb_who
 * from the OS user and the clock, calls the library and renders the result
 * (text for people, --json for scripts).  Data goes to stdout, messages to
 * stderr.  Exit codes (docs/cli.md): 0 success, 1 the data or the vault is
 * not right (invalid import, failed verification), 2 usage, 3 an
 * operational failure (cannot open, storage or memory error).
 */
#ifndef LB_CLI_H
#define LB_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "vault.h"

#define EXIT_INVALID	1
#define EXIT_USAGE	2
#define EXIT_FAIL	3

struct cli {
	const char	*vault_dir;
	struct lb_who	 who;
	char		 actor[80];
};

/* Every subcommand: argv[0] is its name. Returns the exit code. */
int	cmd_init(struct cli *, int, char **);
int	cmd_import(struct cli *, int, char **);
int	cmd_status(struct cli *, int, char **);
int	cmd_demo(struct cli *, int, char **);
int	cmd_journal(struct cli *, int, char **);
int	cmd_verify(struct cli *, int, char **);
int	cmd_config(struct cli *, int, char **);
int	cmd_formats(struct cli *, int, char **);
int	cmd_entry(struct cli *, int, char **);
int	cmd_calendar(struct cli *, int, char **);
int	cmd_pack(struct cli *, int, char **);
int	cmd_deadlines(struct cli *, int, char **);
int	cmd_relief(struct cli *, int, char **);
int	cmd_recovery(struct cli *, int, char **);
int	cmd_clock(struct cli *, int, char **);
int	cmd_serve(struct cli *, int, char **);
int	cmd_user(struct cli *, int, char **);
int	cmd_shipment(struct cli *, int, char **);

/* Is --help or -h among the arguments? */
int	cli_want_help(int argc, char **argv);
/* Open the vault or print why not; NULL on failure. */
struct lb_vault	*cli_open(struct cli *);
/* The broker's current day (days since 1970-01-01). */
int64_t	cli_today(struct cli *, struct lb_vault *);
/* Message to stderr prefixed "lifeboat: ". */
void	cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Parse a bounded non-negative integer option; -1 with a message if bad. */
int	cli_number(const char *opt, const char *s, long min, long max,
	    long *out);
/*
 * Read a whole regular file of at most max bytes into *text (NUL added,
 * caller frees); -1 with a message naming the file.
 */
int	cli_read_file(const char *path, size_t max, char **text, size_t *len);
struct lb_buf;
struct lb_status;
/* The status report as JSON (status --json, the web dashboard). */
void	cli_status_json(const struct lb_status *, int64_t now, struct lb_buf *);
struct lb_agenda_item;
/* One deadline as JSON (deadlines --json, the API). */
void	cli_deadline_json(struct lb_buf *, const struct lb_agenda_item *);
struct lb_relief_rec;
struct lb_account;
/* Relief and accounts as JSON (relief list --json, user list --json, the
 * API). */
void	cli_relief_json(struct lb_buf *, const struct lb_relief_rec *);
void	cli_account_json(struct lb_buf *, const struct lb_account *);
struct lb_recovery_item;
/* A task of the recovery queue (recovery list --json, the API). */
void	cli_recovery_json(struct lb_buf *, const struct lb_recovery_item *);
struct lb_owned_rec;
struct lb_release_rec;
/* A field Lifeboat owns, and a paper release (NULL: null), as JSON
 * (shipment show|conflicts --json, the API). */
void	cli_owned_json(struct lb_buf *, const struct lb_owned_rec *);
void	cli_release_json(struct lb_buf *, const struct lb_release_rec *);
/* {"settings":[...]} of the vault (config list --json, the API). */
int	cli_settings_json(struct lb_vault *, struct lb_buf *, struct lb_err *);
struct lb_tz;
/* The tzdata directory: LIFEBOAT_ZONEINFO (absolute) or NULL (zone.h's). */
const char	*cli_zoneinfo(void);
/* The vault's zone into *tz (NULL when none is set); -1 with a warning
 * when the zone named cannot be loaded (*tz NULL). */
int	cli_zone(struct lb_vault *, struct lb_tz **tz);
/* 0 when the zone loads from the tzdata directory, else -1 with a
 * warning (config set timezone checks it). */
int	cli_zone_exists(const char *name);
/* Print a status report (text or JSON) of the vault at `now`. */
int	cli_print_status(struct lb_vault *, int64_t now, int json);

#endif
