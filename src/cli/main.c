/*
 * main.c: the lifeboat command: global options and subcommand dispatch.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "cli.h"
#include "tz.h"

static const struct {
	const char	*name;
	int		(*fn)(struct cli *, int, char **);
	const char	*summary;
} commands[] = {
	{ "init", cmd_init, "create a new vault" },
	{ "import", cmd_import, "import a CSV or JSON file of one kind" },
	{ "status", cmd_status, "copy age per kind, journal head, what is at risk" },
	{ "demo", cmd_demo, "fill a vault with a synthetic brokerage" },
	{ "journal", cmd_journal, "verify the journal, print a checkpoint" },
	{ "verify", cmd_verify, "prove the data matches the journal" },
	{ "config", cmd_config, "show or change vault settings" },
	{ "formats", cmd_formats, "the columns of each import kind" },
	{ "entry", cmd_entry, "entry numbers: check, reserve, draw, void, export" },
	{ "shipment", cmd_shipment, "find shipments; paper release, corrections, feed conflicts" },
	{ "calendar", cmd_calendar, "working days, federal holidays, PMS dates" },
	{ "pack", cmd_pack, "downtime release pack: CBP Form 3461 and letter (PDF)" },
	{ "deadlines", cmd_deadlines, "entry summary, payment and incident deadlines" },
	{ "relief", cmd_relief, "record relief CBP granted (discretion, extra days)" },
	{ "recovery", cmd_recovery, "post-release work to key into ACE; attachments" },
	{ "clock", cmd_clock, "incident clocks: the 72-hour SOC notice" },
	{ "user", cmd_user, "web accounts: add, passwd, disable, enable, list" },
	{ "serve", cmd_serve, "web workspace, client portal and JSON API" },
};

static void
usage(FILE *f)
{
	size_t	i;

	fprintf(f, "usage: lifeboat [--vault DIR] COMMAND [ARGS]\n"
	    "       lifeboat --version | --help\n\n"
	    "Lifeboat keeps a tamper-evident offline copy of what a customs "
	    "broker needs\nfor when its own systems and its link to CBP are "
	    "down.\n\n"
	    "The vault is DIR, else $LIFEBOAT_VAULT, else ./vault.\n\n"
	    "commands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'lifeboat COMMAND --help' describes each.  Exit codes: 0 "
	    "ok, 1 invalid data or\nverification failed, 2 usage, 3 "
	    "operational failure.\n");
}

int64_t
cli_today(struct cli *c, struct lb_vault *v)
{
	struct lb_tz	*tz = NULL;
	int64_t		 day;

	/* The broker's day; without a zone (status says so) the UTC day. */
	if (cli_zone(v, &tz) == -1 || tz == NULL)
		return c->who.now >= 0 ? c->who.now / 86400 :
		    (c->who.now - 86399) / 86400;
	day = lb_tz_local_day(tz, c->who.now);
	lb_tz_free(tz);
	return day;
}

void
cli_warn(const char *fmt, ...)
{
	va_list	ap;

	fputs("lifeboat: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_number(const char *opt, const char *s, long min, long max, long *out)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (s[0] == '\0' || *end != '\0' || errno != 0 || v < min || v > max) {
		cli_warn("%s: \"%s\" is not a whole number from %ld to %ld",
		    opt, s, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

struct lb_vault *
cli_open(struct cli *c)
{
	struct lb_vault	*v;
	struct lb_err	 e;

	if (lb_vault_open(c->vault_dir, &c->who, &v, &e) == -1) {
		cli_warn("%s", e.msg);
		return NULL;
	}
	return v;
}

int
cli_read_file(const char *path, size_t max, char **text, size_t *len)
{
	struct stat	 sb;
	ssize_t		 n;
	size_t		 off = 0;
	char		*buf;
	int		 fd;

	*text = NULL;
	*len = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) == -1 ||
	    fstat(fd, &sb) == -1) {
		cli_warn("%s: cannot read it: %s", path, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	if (!S_ISREG(sb.st_mode) || (size_t)sb.st_size > max) {
		cli_warn("%s: not a regular file of at most %zu bytes", path,
		    max);
		close(fd);
		return -1;
	}
	if ((buf = malloc((size_t)sb.st_size + 1)) == NULL) {
		close(fd);
		cli_warn("out of memory");
		return -1;
	}
	while (off < (size_t)sb.st_size &&
	    (n = read(fd, buf + off, (size_t)sb.st_size - off)) > 0)
		off += (size_t)n;
	close(fd);
	buf[off] = '\0';
	*text = buf;
	*len = off;
	return 0;
}

/* The vault directory from --vault, $LIFEBOAT_VAULT or ./vault, checked. */
static int
vault_dir(const char *opt, const char **out)
{
	const char	*d = opt;

	if (d == NULL)
		d = getenv("LIFEBOAT_VAULT");
	if (d == NULL || d[0] == '\0')
		d = "vault";
	if (strlen(d) >= PATH_MAX - 32) {
		cli_warn("vault directory name is too long");
		return -1;
	}
	*out = d;
	return 0;
}

static void
set_who(struct cli *c)
{
	struct passwd	*pw = getpwuid(geteuid());
	const char	*name = pw != NULL ? pw->pw_name : NULL;
	int		 n;

	if (name == NULL)
		n = snprintf(c->actor, sizeof(c->actor), "os:uid%lu",
		    (unsigned long)geteuid());
	else
		n = snprintf(c->actor, sizeof(c->actor), "os:%s", name);
	if (n < 0 || (size_t)n >= sizeof(c->actor))
		(void)snprintf(c->actor, sizeof(c->actor), "os:uid%lu",
		    (unsigned long)geteuid());
	c->who.actor = c->actor;
	c->who.now = (int64_t)time(NULL);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "vault", required_argument, NULL, 'V' },
		{ "version", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli	 c;
	const char	*dir = NULL;
	size_t		 i;
	int		 ch;

	umask(077);
	if (sodium_init() == -1) {
		cli_warn("libsodium failed to initialise");
		return EXIT_FAIL;
	}
	memset(&c, 0, sizeof(c));
	/* Stop at the first non-option: it is the subcommand. */
	while ((ch = getopt_long(argc, argv, "+hv", longopts, NULL)) != -1) {
		switch (ch) {
		case 'V':
			dir = optarg;
			break;
		case 'v':
			printf("lifeboat %s (schema %d)\n", LB_VERSION,
			    LB_SCHEMA_VERSION);
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (vault_dir(dir, &c.vault_dir) == -1)
		return EXIT_USAGE;
	set_who(&c);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[0], commands[i].name) == 0) {
			optind = 0;	/* glibc: full re-initialisation */
			return commands[i].fn(&c, argc, argv);
		}
	if (strcmp(argv[0], "help") == 0) {
		usage(stdout);
		return 0;
	}
	cli_warn("unknown command \"%s\" (see lifeboat --help)", argv[0]);
	return EXIT_USAGE;
}
