/*
 * cmd_user.c: lifeboat user add|passwd|disable|enable|list: the accounts
 * that sign in to the web workspace (account.h).
 *
 * A password comes from the terminal (asked twice, not echoed) or, with
 * --password-stdin, as the first line of standard input, for scripts.  It
 * is held in libsodium's guarded memory and wiped on every path.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "account.h"
#include "buf.h"
#include "cli.h"

static const char user_usage[] =
    "usage: lifeboat user add NAME --role admin|staff|client|auditor "
    "[--client IMPORTER_NUMBER]\n"
    "                         [--password-stdin]\n"
    "       lifeboat user passwd NAME [--password-stdin]\n"
    "       lifeboat user disable|enable NAME\n"
    "       lifeboat user list [--json]\n\n"
    "Accounts of the web workspace (lifeboat serve).  admin: everything, "
    "users\nincluded; staff: shipments, entry numbers, packs, deadlines, "
    "relief, recovery;\nauditor: reads everything, changes nothing; client: "
    "sees only the shipments of\nthe one importer given with --client.  "
    "Passwords: 15 to 256 characters, any\nUnicode, not on the list of "
    "common breached passwords ($LIFEBOAT_BREACHED,\nelse "
    LB_PW_BREACHED_DEFAULT ").  Disabling ends the user's sessions.\n";

#define PW_BUF	(LB_PW_BYTES + 2)

/* The breached list, from $LIFEBOAT_BREACHED or the default path. */
static struct lb_breached *
breached(void)
{
	struct lb_breached	*bl;
	struct lb_err		 e;
	const char		*p = getenv("LIFEBOAT_BREACHED");

	if (p == NULL || p[0] == '\0')
		p = LB_PW_BREACHED_DEFAULT;
	if (lb_breached_load(p, &bl, &e) == -1) {
		cli_warn("%s", e.msg);
		return NULL;
	}
	return bl;
}

/* One line of f into pw (PW_BUF bytes), without its newline; -1 if none. */
static int
read_line(FILE *f, char *pw, size_t *len)
{
	size_t	n;

	if (fgets(pw, PW_BUF, f) == NULL)
		return -1;
	n = strlen(pw);
	if (n > 0 && pw[n - 1] == '\n')
		pw[--n] = '\0';
	else if (n == PW_BUF - 1) {
		/* Longer than any password accepted: say so, not cut it. */
		*len = LB_PW_BYTES + 1;
		return 0;
	}
	if (n > 0 && pw[n - 1] == '\r')
		pw[--n] = '\0';
	*len = n;
	return 0;
}

static int
ask(const char *prompt, char *pw, size_t *len)
{
	struct termios	old, quiet;
	FILE		*tty;
	int		 rc;

	if ((tty = fopen("/dev/tty", "r+")) == NULL) {
		cli_warn("no terminal to ask the password on: use "
		    "--password-stdin");
		return -1;
	}
	fputs(prompt, tty);
	fflush(tty);
	if (tcgetattr(fileno(tty), &old) == -1) {
		fclose(tty);
		cli_warn("cannot turn off echo on the terminal");
		return -1;
	}
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	(void)tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	rc = read_line(tty, pw, len);
	(void)tcsetattr(fileno(tty), TCSAFLUSH, &old);
	fputc('\n', tty);
	fclose(tty);
	if (rc == -1)
		cli_warn("no password given");
	return rc;
}

/* The new password into pw (guarded, PW_BUF bytes); -1 with a message. */
static int
get_password(int from_stdin, char *pw, size_t *len)
{
	char	*again;
	size_t	 n2;
	int	 rc = -1;

	if (from_stdin) {
		if (read_line(stdin, pw, len) == -1) {
			cli_warn("--password-stdin: no line on standard input");
			return -1;
		}
		return 0;
	}
	if ((again = sodium_malloc(PW_BUF)) == NULL) {
		cli_warn("out of memory");
		return -1;
	}
	if (ask("New password: ", pw, len) == 0 &&
	    ask("Same password again: ", again, &n2) == 0) {
		if (n2 == *len && sodium_memcmp(pw, again, n2) == 0)
			rc = 0;
		else
			cli_warn("the two passwords differ");
	}
	sodium_free(again);
	return rc;
}

static int
user_set_password(struct cli *c, int add, const char *name, enum lb_role role,
    const char *client, int from_stdin)
{
	struct lb_breached	*bl;
	struct lb_vault		*v;
	struct lb_err		 e;
	char			*pw;
	size_t			 len = 0;
	int			 rc;

	e.msg[0] = '\0';
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	if ((bl = breached()) == NULL) {
		lb_vault_close(v);
		return EXIT_FAIL;
	}
	if ((pw = sodium_malloc(PW_BUF)) == NULL) {
		lb_breached_free(bl);
		lb_vault_close(v);
		cli_warn("out of memory");
		return EXIT_FAIL;
	}
	if (get_password(from_stdin, pw, &len) == -1)
		rc = EXIT_INVALID;
	else if (add)
		rc = lb_account_add(v, &c->who, name, role, client, pw, len, bl,
		    &e) == -1 ? EXIT_INVALID : 0;
	else
		rc = lb_account_passwd(v, &c->who, name, pw, len, bl, &e) ==
		    -1 ? EXIT_INVALID : 0;
	sodium_free(pw);
	if (rc == EXIT_INVALID && e.msg[0] != '\0')
		cli_warn("user %s: %s", add ? "add" : "passwd", e.msg);
	else if (rc == 0 && add)
		printf("added user %s (%s)\n", name, lb_role_name(role));
	else if (rc == 0)
		printf("new password set for %s; its sessions end\n", name);
	lb_breached_free(bl);
	lb_vault_close(v);
	return rc;
}

struct list_out {
	struct lb_buf	*b;
	size_t		 n;
};

static int
on_account(void *arg, const struct lb_account *a)
{
	struct list_out	*o = arg;

	if (o->b == NULL) {
		printf("%-20s %-8s %-14s %-9s %s by %s\n", a->name,
		    lb_role_name(a->role), a->importer[0] ? a->importer : "-",
		    a->disabled ? "disabled" : "active", a->at, a->actor);
		o->n++;
		return 0;
	}
	if (o->n++ > 0)
		lb_buf_addc(o->b, ',');
	cli_account_json(o->b, a);
	return 0;
}

void
cli_account_json(struct lb_buf *b, const struct lb_account *a)
{
	lb_buf_adds(b, "{\"name\":");
	lb_buf_add_json_str(b, a->name, strlen(a->name));
	lb_buf_addf(b, ",\"role\":\"%s\",\"importer_number\":",
	    lb_role_name(a->role));
	if (a->importer[0] != '\0')
		lb_buf_add_json_str(b, a->importer, strlen(a->importer));
	else
		lb_buf_adds(b, "null");
	lb_buf_addf(b, ",\"state\":\"%s\",\"at\":\"%s\",\"actor\":",
	    a->disabled ? "disabled" : "active", a->at);
	lb_buf_add_json_str(b, a->actor, strlen(a->actor));
	lb_buf_adds(b, "}");
}

static int
user_list(struct cli *c, int json)
{
	struct lb_vault	*v;
	struct lb_err	 e;
	struct lb_buf	 b;
	struct list_out	 o = { NULL, 0 };
	int		 rc;

	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	lb_buf_init(&b, 64 << 20);
	if (json) {
		o.b = &b;
		lb_buf_adds(&b, "[");
	}
	rc = lb_account_list(v, on_account, &o, &e);
	lb_vault_close(v);
	if (rc == -1) {
		lb_buf_free(&b);
		cli_warn("user list: %s", e.msg);
		return EXIT_FAIL;
	}
	if (json) {
		lb_buf_adds(&b, "]\n");
		fwrite(b.data, 1, b.len, stdout);
	} else if (o.n == 0)
		printf("no users yet: lifeboat user add NAME --role ROLE\n");
	lb_buf_free(&b);
	return 0;
}

int
cmd_user(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "client", required_argument, NULL, 'c' },
		{ "password-stdin", no_argument, NULL, 'p' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*sub, *role_s = NULL, *client = NULL;
	enum lb_role	 role = LB_STAFF;
	struct lb_vault	*v;
	struct lb_err	 e;
	int		 ch, from_stdin = 0, json = 0, dis;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		fputs(user_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : 0;
	}
	sub = argv[1];
	argc--;
	argv++;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			role_s = optarg;
			break;
		case 'c':
			client = optarg;
			break;
		case 'p':
			from_stdin = 1;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			fputs(user_usage, stdout);
			return 0;
		default:
			fputs(user_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (strcmp(sub, "list") == 0) {
		if (optind != argc || role_s != NULL || client != NULL ||
		    from_stdin) {
			cli_warn("user list takes only --json");
			return EXIT_USAGE;
		}
		return user_list(c, json);
	}
	if (optind + 1 != argc) {
		cli_warn("user %s: expected one user NAME", sub);
		return EXIT_USAGE;
	}
	if (json) {
		cli_warn("user %s: --json is for user list", sub);
		return EXIT_USAGE;
	}
	if (strcmp(sub, "add") == 0) {
		if (role_s == NULL) {
			cli_warn("user add: --role admin|staff|client|auditor "
			    "is required");
			return EXIT_USAGE;
		}
		if (lb_role_parse(role_s, &role, &e) == -1) {
			cli_warn("user add: --role: %s", e.msg);
			return EXIT_USAGE;
		}
		return user_set_password(c, 1, argv[optind], role, client,
		    from_stdin);
	}
	if (role_s != NULL || client != NULL) {
		cli_warn("user %s: --role and --client are for user add", sub);
		return EXIT_USAGE;
	}
	if (strcmp(sub, "passwd") == 0)
		return user_set_password(c, 0, argv[optind], role, NULL,
		    from_stdin);
	if (strcmp(sub, "disable") != 0 && strcmp(sub, "enable") != 0) {
		cli_warn("user: unknown subcommand \"%s\" (add, passwd, "
		    "disable, enable, list)", sub);
		return EXIT_USAGE;
	}
	if (from_stdin) {
		cli_warn("user %s takes no password", sub);
		return EXIT_USAGE;
	}
	dis = strcmp(sub, "disable") == 0;
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	if (lb_account_set_disabled(v, &c->who, argv[optind], dis, &e) == -1) {
		lb_vault_close(v);
		cli_warn("user %s: %s", sub, e.msg);
		return EXIT_INVALID;
	}
	lb_vault_close(v);
	printf("user %s %s\n", argv[optind], dis ? "disabled; its sessions "
	    "end on their next request" : "enabled");
	return 0;
}
