/*
 * cmd_recovery.c: lifeboat recovery list|mark|export|attachment: the
 * post-release work to key into ACE once it is back (E4).
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cbp.h"
#include "cli.h"
#include "rowjson.h"
#include "date.h"
#include "outfile.h"
#include "recovery.h"

static const char recovery_usage[] =
    "usage: lifeboat recovery list [--state STATE] [--json]\n"
    "       lifeboat recovery mark REF TASK|all STATE [--reason TEXT]\n"
    "       lifeboat recovery export [--state STATE] [--json]\n"
    "       lifeboat recovery attachment ENTRY [-o FILE] [--force] "
    "[--relief ID]\n"
    "                 [--date YYYY-MM-DD]\n"
    "       lifeboat recovery attachment --all -o DIR [--force] "
    "[--date YYYY-MM-DD]\n\n"
    "Each shipment that drew an entry number from the reserve has three "
    "tasks for\nwhen ACE is back: release (key the cargo release data), "
    "summary (file the entry\nsummary) and statement (authorize the "
    "statement).  STATE is pending,\ntransmitted, accepted or rejected "
    "(rejected needs --reason).  'export' writes\nthe queue as CSV for "
    "keying (or JSON).  'attachment' writes the enforcement-\ndiscretion "
    "attachment for the entry summary of an entry not released on\n"
    "downtime: text on stdout, or FILE (PDF when FILE ends in .pdf); "
    "--all writes\nDIR/ENTRY.pdf for every entry a discretion covers that "
    "was not released on\ndowntime, and lists them.  A file that exists is "
    "not replaced unless --force\nis given, and then only a regular "
    "file.\n";

static const char *const csv_cols[] = {
	"ref", "task", "entry_number", "state", "reason", "at",
	"actor", "shipment_status", "importer_number", "port_entry", "mode",
	"carrier_scac", "bill", "release_date", "entered_value", "drawn_at"
};
#define NCSV	(sizeof(csv_cols) / sizeof(csv_cols[0]))

struct out {
	struct lb_buf	b;
	int		json;
	int		csv;
	size_t		n;
};

static void
field(struct lb_buf *b, const char *s, int last)
{
	lb_buf_add_csv_field(b, s, strlen(s));
	lb_buf_addc(b, last ? '\n' : ',');
}

/* "" as null, else the JSON string. */
static void
str_or_null(struct lb_buf *b, const char *name, const char *s)
{
	lb_buf_addf(b, ",\"%s\":", name);
	if (s[0] == '\0')
		lb_buf_adds(b, "null");
	else
		lb_buf_add_json_str(b, s, strlen(s));
}

void
cli_recovery_json(struct lb_buf *b, const struct lb_recovery_item *it)
{
	lb_buf_adds(b, "{\"ref\":");
	lb_buf_add_json_str(b, it->ref, strlen(it->ref));
	str_or_null(b, "task", it->task);
	str_or_null(b, "entry_number", it->entry);
	str_or_null(b, "state", it->state);
	str_or_null(b, "reason", it->reason);
	str_or_null(b, "at", it->at);
	str_or_null(b, "actor", it->actor);
	str_or_null(b, "shipment_status", it->status);
	str_or_null(b, "importer_number", it->importer);
	str_or_null(b, "port_entry", it->port);
	if (it->mode != 0)
		lb_buf_addf(b, ",\"mode\":%d", it->mode);
	else
		lb_buf_adds(b, ",\"mode\":null");
	str_or_null(b, "carrier_scac", it->carrier);
	str_or_null(b, "bill", it->bill);
	str_or_null(b, "release_date", it->release_date);
	lb_buf_adds(b, ",\"entered_value\":");
	if (it->entered_value >= 0)
		lb_json_money(b, it->entered_value);
	else
		lb_buf_adds(b, "null");
	str_or_null(b, "drawn_at", it->drawn_at);
	lb_buf_addc(b, '}');
}

static int
on_item(void *arg, const struct lb_recovery_item *it)
{
	struct out	*o = arg;
	struct lb_buf	*b = &o->b;
	char		 mode[8], value[LB_MONEY_STRLEN];

	lb_buf_reset(b);
	(void)snprintf(mode, sizeof(mode), "%d", it->mode);
	value[0] = '\0';
	if (it->entered_value >= 0)
		lb_money_format(it->entered_value, value);
	if (o->csv) {
		field(b, it->ref, 0);
		field(b, it->task, 0);
		field(b, it->entry, 0);
		field(b, it->state, 0);
		field(b, it->reason, 0);
		field(b, it->at, 0);
		field(b, it->actor, 0);
		field(b, it->status, 0);
		field(b, it->importer, 0);
		field(b, it->port, 0);
		field(b, it->mode ? mode : "", 0);
		field(b, it->carrier, 0);
		field(b, it->bill, 0);
		field(b, it->release_date, 0);
		field(b, value, 0);
		field(b, it->drawn_at, 1);
	} else if (o->json) {
		if (o->n > 0)
			lb_buf_addc(b, ',');
		cli_recovery_json(b, it);
	} else {
		lb_buf_addf(b, "%-16s %-9s %-13s %-11s %-20s %s\n", it->ref,
		    it->task, it->entry, it->state, it->at[0] ? it->at : "-",
		    it->state[0] == 'r' ? it->reason : "");
	}
	o->n++;
	if (lb_buf_error(b) != 0)
		return -1;
	fputs(lb_buf_cstr(b), stdout);
	return 0;
}

static int
list(struct cli *c, const char *state, int json, int csv)
{
	struct lb_vault	*v;
	struct lb_err	 e;
	struct out	 o;
	size_t		 i;
	int		 rc = 0;

	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	memset(&o, 0, sizeof(o));
	o.json = json;
	o.csv = csv;
	lb_buf_init(&o.b, 1 << 16);
	if (csv)
		for (i = 0; i < NCSV; i++)
			printf("%s%c", csv_cols[i], i + 1 < NCSV ? ',' : '\n');
	else if (json)
		fputs("[", stdout);
	else
		printf("%-16s %-9s %-13s %-11s %-20s %s\n", "SHIPMENT", "TASK",
		    "ENTRY", "STATE", "SET AT", "REASON");
	if (lb_recovery_list(v, state, on_item, &o, &e) == -1) {
		cli_warn("%s", e.msg);
		rc = state != NULL && strncmp(e.msg, "unknown state", 13) == 0 ?
		    EXIT_USAGE : EXIT_FAIL;
	}
	if (json)
		fputs("]\n", stdout);
	else if (!csv && rc == 0)
		printf("%zu tasks\n", o.n);
	lb_buf_free(&o.b);
	lb_vault_close(v);
	return rc;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t	n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The attachment of entry in a, as of who (day >= 0: dated that day). */
static int
fill(struct lb_vault *v, const struct cli *c, int64_t day, const char *entry,
    const char *relief, struct lb_attachment *a, struct lb_err *e)
{
	struct lb_who	who = c->who;

	if (day >= 0)
		who.now = day * 86400;
	return lb_recovery_attachment(v, &who, entry, relief, a, e);
}

static int
attachment(struct cli *c, const char *entry, const char *out,
    const char *relief, int64_t day, int oflags)
{
	struct lb_attachment	 a;
	struct lb_vault		*v;
	struct lb_err		 e;
	struct lb_buf		 b;
	int			 rc = 0;

	/* What is at the file's place is judged before any work. */
	if (out != NULL && lb_outfile_check(out, oflags, &e) == -1) {
		cli_warn("recovery attachment: %s", e.msg);
		return EXIT_FAIL;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	if (fill(v, c, day, entry, relief, &a, &e) == -1) {
		cli_warn("recovery attachment: %s", e.msg);
		lb_vault_close(v);
		return EXIT_INVALID;
	}
	lb_vault_close(v);
	lb_buf_init(&b, 1 << 16);
	if (out != NULL && ends_with(out, ".pdf")) {
		if (lb_attachment_pdf_to(&a, out, oflags, &e) == -1) {
			cli_warn("recovery attachment: %s", e.msg);
			rc = EXIT_FAIL;
		} else
			printf("%s\n", out);
	} else if (lb_attachment_text(&a, &b) == -1) {
		cli_warn("recovery attachment: cannot build the text");
		rc = EXIT_FAIL;
	} else if (out == NULL)
		fputs(lb_buf_cstr(&b), stdout);
	else if (lb_outfile_write(out, b.data, b.len, oflags, &e) == -1) {
		cli_warn("recovery attachment: %s", e.msg);
		rc = EXIT_FAIL;
	} else
		printf("%s\n", out);
	lb_buf_free(&b);
	return rc;
}

struct all {
	struct cli	*c;
	struct lb_vault	*v;
	const char	*dir;
	int64_t		 day;
	int		 oflags;
	int		 written, blocked, uncovered, failed;
	struct lb_buf	 path;
};

static int
on_entry(void *arg, const char *entry)
{
	struct all		*x = arg;
	struct lb_attachment	 a;
	struct lb_err		 e;

	lb_buf_reset(&x->path);
	lb_buf_addf(&x->path, "%s%s%s.pdf", x->dir,
	    x->dir[strlen(x->dir) - 1] == '/' ? "" : "/", entry);
	if (lb_buf_error(&x->path) != 0) {
		cli_warn("out of memory");
		x->failed = 1;
		return -1;
	}
	if (fill(x->v, x->c, x->day, entry, NULL, &a, &e) == -1) {
		/* Not covered by any discretion: nothing to attach. */
		x->uncovered++;
		return 0;
	}
	/* A file in the way is named and skipped; the others go on. */
	if (lb_outfile_check(lb_buf_cstr(&x->path), x->oflags, &e) == -1) {
		cli_warn("recovery attachment: %s", e.msg);
		x->blocked++;
		return 0;
	}
	if (lb_attachment_pdf_to(&a, lb_buf_cstr(&x->path), x->oflags,
	    &e) == -1) {
		cli_warn("recovery attachment: %s", e.msg);
		x->failed = 1;
		return -1;
	}
	printf("%s\n", lb_buf_cstr(&x->path));
	x->written++;
	return 0;
}

static int
attachment_all(struct cli *c, const char *dir, int64_t day, int oflags)
{
	struct all	x;
	struct lb_err	e;
	struct stat	sb;

	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		cli_warn("cannot create directory %s: %s", dir,
		    strerror(errno));
		return EXIT_FAIL;
	}
	if (stat(dir, &sb) == -1 || !S_ISDIR(sb.st_mode)) {
		cli_warn("%s is not a directory", dir);
		return EXIT_FAIL;
	}
	memset(&x, 0, sizeof(x));
	x.c = c;
	x.dir = dir;
	x.day = day;
	x.oflags = oflags;
	if ((x.v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	lb_buf_init(&x.path, 1 << 16);
	if (lb_attachment_entries(x.v, on_entry, &x, &e) == -1 && !x.failed) {
		cli_warn("recovery attachment: %s", e.msg);
		x.failed = 1;
	}
	lb_vault_close(x.v);
	lb_buf_free(&x.path);
	if (!x.failed)
		printf("%d attachment%s written to %s%s; %d entr%s not "
		    "covered by enforcement discretion\n", x.written,
		    x.written == 1 ? "" : "s", dir, x.blocked > 0 ?
		    " (some files not replaced)" : "", x.uncovered,
		    x.uncovered == 1 ? "y" : "ies");
	return x.failed || x.blocked > 0 ? EXIT_FAIL : 0;
}

int
cmd_recovery(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "state", required_argument, NULL, 's' },
		{ "reason", required_argument, NULL, 'r' },
		{ "relief", required_argument, NULL, 'R' },
		{ "date", required_argument, NULL, 'd' },
		{ "output", required_argument, NULL, 'o' },
		{ "json", no_argument, NULL, 'j' },
		{ "force", no_argument, NULL, 'f' },
		{ "all", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*sub, *state = NULL, *reason = NULL, *relief = NULL;
	const char	*out = NULL;
	struct lb_vault	*v;
	struct lb_err	 e;
	char		 why[LB_WHY_MAX];
	int64_t		 day = -1;
	int		 ch, json = 0, rc = 0, oflags = 0, all = 0;

	if (argc < 2) {
		fputs(recovery_usage, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(recovery_usage, stdout);
		return 0;
	}
	sub = argv[1];
	argc--;
	argv++;
	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			state = optarg;
			break;
		case 'r':
			reason = optarg;
			break;
		case 'R':
			relief = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'd':
			if (lb_date_parse(optarg, strlen(optarg), &day, why,
			    sizeof(why)) == -1) {
				cli_warn("--date: %s", why);
				return EXIT_USAGE;
			}
			break;
		case 'j':
			json = 1;
			break;
		case 'f':
			oflags = LB_OUT_FORCE;
			break;
		case 'a':
			all = 1;
			break;
		case 'h':
			fputs(recovery_usage, stdout);
			return 0;
		default:
			fputs(recovery_usage, stderr);
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (strcmp(sub, "list") == 0 || strcmp(sub, "export") == 0) {
		if (argc != 0 || reason != NULL || out != NULL || all ||
		    oflags != 0) {
			cli_warn("recovery %s: takes only --state and --json",
			    sub);
			return EXIT_USAGE;
		}
		return list(c, state, json, strcmp(sub, "export") == 0 &&
		    !json);
	}
	if (strcmp(sub, "attachment") == 0) {
		if (all) {
			if (argc != 0 || out == NULL || out[0] == '\0' ||
			    relief != NULL) {
				cli_warn("recovery attachment --all: expected "
				    "-o DIR, no ENTRY and no --relief");
				return EXIT_USAGE;
			}
			return attachment_all(c, out, day, oflags);
		}
		if (argc != 1) {
			cli_warn("recovery attachment: expected one ENTRY number");
			return EXIT_USAGE;
		}
		if (out != NULL && out[0] == '\0') {
			cli_warn("recovery attachment: -o needs a file name");
			return EXIT_USAGE;
		}
		return attachment(c, argv[0], out, relief, day, oflags);
	}
	if (strcmp(sub, "mark") != 0) {
		cli_warn("recovery: unknown subcommand \"%s\"", sub);
		return EXIT_USAGE;
	}
	if (argc != 3) {
		cli_warn("recovery mark: expected REF TASK STATE");
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	if (lb_recovery_mark(v, &c->who, argv[0], argv[1], argv[2], reason,
	    &e) == -1) {
		cli_warn("recovery mark: %s", e.msg);
		rc = EXIT_INVALID;
	} else
		printf("%s %s: %s\n", argv[0], argv[1], argv[2]);
	lb_vault_close(v);
	return rc;
}
