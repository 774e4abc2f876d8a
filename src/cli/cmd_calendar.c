/*
 * cmd_calendar.c: lifeboat calendar holidays|add-workdays|pms.
 *
 * The working-day calendar of 19 CFR 101.1: weekends and the federal
 * holidays by rule, plus the additions, removals and published PMS dates
 * of a calendar file given with --file (format in docs/cli.md).
 */
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "calendar.h"
#include "cli.h"
#include "date.h"
#include "relief.h"

#define CAL_FILE_MAX	((size_t)1 << 20)

static const char calendar_usage[] =
    "usage: lifeboat calendar holidays YEAR [--file F] [--json]\n"
    "       lifeboat calendar add-workdays DATE N [--file F]\n"
    "       lifeboat calendar pms YYYY-MM [--file F] [--json]\n"
    "       lifeboat calendar load FILE\n"
    "       lifeboat calendar data\n\n"
    "The working-day calendar: weekends and the federal holidays (observed "
    "dates,\neach from the year it exists), plus a calendar file's one-off "
    "closures,\nholidays declared working days, and CBP's published PMS "
    "dates (which win over\nthe computed ones).  'add-workdays' prints the "
    "date N working days after DATE;\n'pms' the preliminary statement date "
    "(11th working day) and the payment date\n(15th working day) of the "
    "month.  Years 1971 to 2199.  A holiday observed on 31 December is listed "
    "under\nthe next year, as OPM's tables do.\n\n"
    "Built in (lifeboat calendar data prints it, with sources): the federal "
    "closures by\nexecutive order since 2024 and CBP's published PMS dates "
    "for 2025.  A file given\nwith --file, or loaded into the vault with "
    "'load', replaces that data.\n";

/* Load the calendar file, if any, into cal; -1 with a message. */
static int
load_file(struct lb_calendar *cal, const char *path)
{
	unsigned long	 line = 0;
	char		*text, why[160];
	size_t		 n;
	int		 rc;

	if (path == NULL)
		return 0;
	if (cli_read_file(path, CAL_FILE_MAX, &text, &n) == -1)
		return -1;
	rc = lb_cal_read(cal, text, n, &line, why, sizeof(why));
	free(text);
	if (rc == -1) {
		fprintf(stderr, "%s:%lu: %s\n", path, line, why);
		return -1;
	}
	return 0;
}

/* lifeboat calendar load FILE: make FILE the vault's calendar. */
static int
load_into_vault(struct cli *c, int argc, char **argv)
{
	struct lb_vault	*v;
	struct lb_err	 e;
	char		*text;
	size_t		 n;
	int		 rc = 0;

	if (argc != 2) {
		cli_warn("calendar load: expected one FILE");
		return EXIT_USAGE;
	}
	if (cli_read_file(argv[1], CAL_FILE_MAX, &text, &n) == -1)
		return EXIT_INVALID;
	if ((v = cli_open(c)) == NULL) {
		free(text);
		return EXIT_FAIL;
	}
	if (lb_calendar_store(v, &c->who, text, n, argv[1], &e) == -1) {
		fprintf(stderr, "%s\n", e.msg);
		rc = EXIT_INVALID;
	} else
		printf("calendar of the vault loaded from %s (%zu bytes)\n",
		    argv[1], n);
	free(text);
	lb_vault_close(v);
	return rc;
}

/*
 * Without --file the vault's calendar applies when there is a vault (its
 * database exists), the rules alone otherwise.
 */
static struct lb_calendar *
vault_calendar(struct cli *c)
{
	struct lb_calendar	*cal = NULL;
	struct lb_vault		*v;
	struct lb_err		 e;
	struct stat		 sb;
	char			 db[PATH_MAX];

	if ((size_t)snprintf(db, sizeof(db), "%s/%s", c->vault_dir,
	    LB_VAULT_DB) >= sizeof(db) || stat(db, &sb) == -1)
		return lb_cal_new_default();
	if ((v = cli_open(c)) == NULL)
		return NULL;
	if (lb_calendar_of_vault(v, &cal, NULL, &e) == -1)
		cli_warn("%s", e.msg);
	lb_vault_close(v);
	return cal;
}

/* Shared option parsing: --file, --json; positional arguments left. */
static int
options(int argc, char **argv, const char **file, int *json)
{
	static const struct option longopts[] = {
		{ "file", required_argument, NULL, 'f' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch;

	*file = NULL;
	*json = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			*file = optarg;
			break;
		case 'j':
			*json = 1;
			break;
		default:
			return -1;
		}
	}
	return 0;
}

static int
holidays(struct lb_calendar *cal, int argc, char **argv, int json)
{
	struct lb_holiday h[LB_CAL_HOLIDAYS_MAX];
	struct lb_buf	 b;
	char		 d[LB_DATE_STRLEN];
	long		 year;
	int		 i, n;

	if (argc - optind != 1) {
		cli_warn("calendar holidays: expected YEAR");
		return EXIT_USAGE;
	}
	if (cli_number("YEAR", argv[optind], 1971, 2199, &year) == -1)
		return EXIT_USAGE;
	if ((n = lb_cal_holidays(cal, (int)year, h, LB_CAL_HOLIDAYS_MAX)) == -1) {
		cli_warn("year %ld is outside 1971-2199", year);
		return EXIT_USAGE;
	}
	lb_buf_init(&b, 1 << 16);
	if (json)
		lb_buf_addc(&b, '[');
	for (i = 0; i < n; i++) {
		lb_date_format(h[i].day, d);
		if (json) {
			lb_buf_addf(&b, "%s{\"date\":\"%s\",\"name\":", i ? "," :
			    "", d);
			lb_buf_add_json_str(&b, h[i].name, strlen(h[i].name));
			lb_buf_addf(&b, ",\"observed\":%s}", h[i].observed ?
			    "true" : "false");
		} else
			lb_buf_addf(&b, "%s  %s%s\n", d, h[i].name,
			    h[i].observed ? " (observed)" : "");
	}
	if (json)
		lb_buf_adds(&b, "]\n");
	fputs(lb_buf_cstr(&b), stdout);
	lb_buf_free(&b);
	return 0;
}

static int
add_workdays(struct lb_calendar *cal, int argc, char **argv)
{
	char	why[160], d[LB_DATE_STRLEN];
	int64_t	day, out;
	long	n;

	if (argc - optind != 2) {
		cli_warn("calendar add-workdays: expected DATE N");
		return EXIT_USAGE;
	}
	if (lb_date_parse(argv[optind], strlen(argv[optind]), &day, why,
	    sizeof(why)) == -1) {
		cli_warn("DATE: %s", why);
		return EXIT_USAGE;
	}
	if (cli_number("N", argv[optind + 1], 0, 10000, &n) == -1)
		return EXIT_USAGE;
	if (lb_cal_add_workdays(cal, day, (int)n, &out) == -1) {
		cli_warn("the result falls outside the years 1971-2199");
		return EXIT_USAGE;
	}
	lb_date_format(out, d);
	printf("%s\n", d);
	return 0;
}

static int
pms(struct lb_calendar *cal, int argc, char **argv, int json)
{
	char	 p[LB_DATE_STRLEN], due[LB_DATE_STRLEN], *end;
	const char *s;
	int64_t	 prelim, dday;
	long	 y, m;
	int	 published = 0;

	if (argc - optind != 1) {
		cli_warn("calendar pms: expected YYYY-MM");
		return EXIT_USAGE;
	}
	s = argv[optind];
	if (strlen(s) != 7 || s[4] != '-' || strspn(s, "0123456789") != 4 ||
	    strspn(s + 5, "0123456789") != 2) {
		cli_warn("month \"%.20s\" is not YYYY-MM", s);
		return EXIT_USAGE;
	}
	y = strtol(s, &end, 10);
	m = strtol(s + 5, &end, 10);
	if (y < 1971 || y > 2199 || m < 1 || m > 12) {
		cli_warn("month \"%s\" is outside 1971-01 to 2199-12", s);
		return EXIT_USAGE;
	}
	if (lb_cal_pms(cal, (int)y, (int)m, &prelim, &dday, &published) ==
	    -1) {
		cli_warn("no PMS dates for %s", s);
		return EXIT_USAGE;
	}
	lb_date_format(prelim, p);
	lb_date_format(dday, due);
	if (json)
		printf("{\"month\":\"%s\",\"preliminary\":\"%s\",\"due\":\"%s\","
		    "\"published\":%s}\n", s, p, due, published ? "true" :
		    "false");
	else
		printf("%s: preliminary statement %s, payment due %s%s\n", s, p,
		    due, published ? " (published by CBP)" :
		    " (computed: 11th and 15th working days)");
	return 0;
}

int
cmd_calendar(struct cli *c, int argc, char **argv)
{
	struct lb_calendar *cal;
	const char	*file, *sub;
	int		 i, json, rc;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			fputs(calendar_usage, stdout);
			return 0;
		}
	if (argc < 2) {
		fputs(calendar_usage, stderr);
		return EXIT_USAGE;
	}
	sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "load") == 0)
		return load_into_vault(c, argc, argv);
	if (strcmp(sub, "data") == 0) {
		const char	*t;
		size_t		 n;

		if (argc != 1) {
			cli_warn("calendar data: no arguments");
			return EXIT_USAGE;
		}
		t = lb_cal_builtin(&n);
		return fwrite(t, 1, n, stdout) == n ? 0 : EXIT_FAIL;
	}
	if (options(argc, argv, &file, &json) == -1)
		return EXIT_USAGE;
	if ((cal = file != NULL ? lb_cal_new() : vault_calendar(c)) == NULL) {
		cli_warn("no calendar");
		return EXIT_FAIL;
	}
	if (load_file(cal, file) == -1) {
		lb_cal_free(cal);
		return EXIT_INVALID;
	}
	if (strcmp(sub, "holidays") == 0)
		rc = holidays(cal, argc, argv, json);
	else if (strcmp(sub, "add-workdays") == 0 && !json)
		rc = add_workdays(cal, argc, argv);
	else if (strcmp(sub, "pms") == 0)
		rc = pms(cal, argc, argv, json);
	else {
		cli_warn("calendar: unknown subcommand \"%s\" (see lifeboat "
		    "calendar --help)", sub);
		rc = EXIT_USAGE;
	}
	lb_cal_free(cal);
	return rc;
}
