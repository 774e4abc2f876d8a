/*
 * cmd_import.c: lifeboat import and lifeboat demo.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "date.h"
#include "demo.h"
#include "entry.h"
#include "import.h"
#include "kind.h"

static void
import_usage(void)
{
	size_t	i;

	printf("usage: lifeboat import KIND FILE [--dry-run] [--allow-empty] "
	    "[--format csv|json]\n                       [--max-errors N] "
	    "[--json]\n\n"
	    "Import FILE (CSV with a header row, or a JSON array of objects) "
	    "of one KIND,\nall or nothing, in one journaled change.  Rows are "
	    "matched by their natural\nkey, so importing the same data again "
	    "changes nothing.  Every error is\nreported as FILE:LINE:COLUMN: "
	    "message (up to --max-errors, default 100).\n--dry-run validates "
	    "everything and writes nothing.  A file without records is "
	    "refused\nunless --allow-empty.  The format follows the file name "
	    "(.json is JSON, anything else CSV) unless --format says.\n\n"
	    "kinds (import them in this order): ");
	for (i = 0; i < lb_nkinds; i++)
		if (!lb_kinds[i]->internal)
			printf("%s%s", i ? ", " : "", lb_kinds[i]->name);
	printf("\ncolumns of each: docs/formats.md\n");
}

static void
diags_json(struct lb_buf *b, const struct lb_diag *d, size_t n)
{
	size_t	i;

	lb_buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		lb_buf_addf(b, "%s{\"line\":%lu,\"column\":%lu,\"message\":",
		    i ? "," : "", d[i].line, d[i].col);
		lb_buf_add_json_str(b, d[i].msg, strlen(d[i].msg));
		lb_buf_addc(b, '}');
	}
	lb_buf_addc(b, ']');
}

static void
import_report_json(const struct lb_import *im, int rc)
{
	struct lb_buf	b;

	lb_buf_init(&b, 1 << 22);
	lb_buf_addf(&b, "{\"ok\":%s,\"kind\":\"%s\",\"file\":", rc == 0 ?
	    "true" : "false", im->kind);
	lb_buf_add_json_str(&b, im->path, strlen(im->path));
	lb_buf_addf(&b, ",\"format\":\"%s\",\"dry_run\":%s,\"records\":%" PRId64
	    ",\"written\":%" PRId64 ",\"unchanged\":%" PRId64 ",\"journal_seq\":%"
	    PRId64 ",\"blake2b\":\"", im->used_format == LB_FMT_JSON ? "json" :
	    "csv", im->dry_run ? "true" : "false", im->records, im->written,
	    im->unchanged, im->seq);
	lb_buf_add_hex(&b, im->digest, sizeof(im->digest));
	lb_buf_addf(&b, "\",\"error_count\":%zu,\"stopped\":%s,\"errors\":",
	    im->nerrors, im->stopped ? "true" : "false");
	diags_json(&b, im->diags, im->ndiags);
	lb_buf_addf(&b, ",\"conflict_count\":%" PRId64 ",\"warnings\":",
	    im->conflicts);
	diags_json(&b, im->warns, im->nwarns);
	lb_buf_adds(&b, "}\n");
	fputs(lb_buf_cstr(&b), stdout);
	lb_buf_free(&b);
}

static void
import_report_text(const struct lb_import *im, int rc)
{
	size_t	i;

	for (i = 0; i < im->ndiags; i++) {
		if (im->diags[i].line == 0)
			fprintf(stderr, "%s: %s\n", im->path, im->diags[i].msg);
		else
			fprintf(stderr, "%s:%lu:%lu: %s\n", im->path,
			    im->diags[i].line, im->diags[i].col,
			    im->diags[i].msg);
	}
	if (im->nerrors > im->ndiags)
		fprintf(stderr, "%s: ... %zu errors found, %zu shown\n",
		    im->path, im->nerrors, im->ndiags);
	if (im->stopped)
		fprintf(stderr, "%s: stopped reading after %" PRId64 " records "
		    "at the error limit (--max-errors); later records were not "
		    "checked\n", im->path, im->records);
	if (rc != 0) {
		fprintf(stderr, "lifeboat: %s: %zu error%s; nothing imported\n",
		    im->path, im->nerrors, im->nerrors == 1 ? "" : "s");
		return;
	}
	for (i = 0; i < im->nwarns; i++)
		fprintf(stderr, "%s:%lu:%lu: warning: %s\n", im->path,
		    im->warns[i].line, im->warns[i].col, im->warns[i].msg);
	if (im->conflicts > (int64_t)im->nwarns)
		fprintf(stderr, "%s: ... %" PRId64 " conflicts found, %zu shown\n",
		    im->path, im->conflicts, im->nwarns);
	if (im->conflicts > 0)
		fprintf(stderr, "lifeboat: %s: %" PRId64 " value%s of the feed "
		    "disagree%s with what Lifeboat decided and %s kept out; see "
		    "them with: lifeboat shipment conflicts\n", im->path,
		    im->conflicts, im->conflicts == 1 ? "" : "s",
		    im->conflicts == 1 ? "s" : "", im->conflicts == 1 ? "was" :
		    "were");
	if (im->dry_run)
		printf("%s: %s: %" PRId64 " record%s valid (dry run: nothing "
		    "written)\n", im->path, im->kind, im->records,
		    im->records == 1 ? "" : "s");
	else
		printf("%s: %s: %" PRId64 " record%s imported: %" PRId64 " new "
		    "or changed, %" PRId64 " unchanged (journal entry %" PRId64
		    ")\n", im->path, im->kind, im->records, im->records == 1 ?
		    "" : "s", im->written, im->unchanged, im->seq);
}

int
cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "allow-empty", no_argument, NULL, 'E' },
		{ "format", required_argument, NULL, 'f' },
		{ "max-errors", required_argument, NULL, 'm' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct lb_import im;
	struct lb_vault	*v;
	struct lb_err	 e;
	long		 n;
	int		 ch, json = 0, rc;

	memset(&im, 0, sizeof(im));
	while ((ch = getopt_long(argc, argv, "hn", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			im.dry_run = 1;
			break;
		case 'E':
			im.allow_empty = 1;
			break;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				im.format = LB_FMT_CSV;
			else if (strcmp(optarg, "json") == 0)
				im.format = LB_FMT_JSON;
			else {
				cli_warn("--format: expected csv or json, not "
				    "\"%s\"", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'm':
			if (cli_number("--max-errors", optarg, 1, 100000,
			    &n) == -1)
				return EXIT_USAGE;
			im.max_errors = (size_t)n;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			import_usage();
			return 0;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2) {
		cli_warn("import: expected KIND FILE (see lifeboat import "
		    "--help)");
		return EXIT_USAGE;
	}
	im.kind = argv[optind];
	im.path = argv[optind + 1];
	if (lb_kind_find(im.kind) == NULL || lb_kind_find(im.kind)->internal) {
		cli_warn("import: unknown kind \"%s\" (see lifeboat import "
		    "--help)", im.kind);
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	rc = lb_import_run(v, &c->who, &im, &e);
	lb_vault_close(v);
	if (rc == -1) {
		cli_warn("%s", e.msg);
		lb_import_free(&im);
		return EXIT_FAIL;
	}
	if (json)
		import_report_json(&im, rc);
	else
		import_report_text(&im, rc);
	lb_import_free(&im);
	return rc == 0 ? 0 : EXIT_INVALID;
}

static void
demo_usage(void)
{
	printf("usage: lifeboat demo [--clients N] [--shipments N] "
	    "[--employees N] [--seed S]\n"
	    "                    [--base-date YYYY-MM-DD] [--export DIR] "
	    "[--json]\n\n"
	    "Create the vault if needed and fill it with a synthetic brokerage "
	    "(defaults:\n200 clients, 5,000 open shipments, 60 employees), "
	    "through the same import path\nas real data, set entry numbers "
	    "aside for its filer codes (once), then show\nits status.  "
	    "The same seed and base date (default:\ntoday) give the same data.  "
	    "--export DIR only writes the CSV files to DIR.\n");
}

/*
 * The demo brokerage's filer codes get a block of entry numbers set aside,
 * as a prepared broker would have; a vault that has blocks keeps them.
 */
static int
demo_reserve(struct cli *c, struct lb_vault *v)
{
	static const struct {
		const char	*filer;
		int64_t		 first, last;
	} blocks[] = {
		{ LB_DEMO_FILER_MAIN, 900000, 900999 },
		{ LB_DEMO_FILER_BORDER, 900000, 900499 },
	};
	struct lb_reserve r;
	struct lb_err	 e;
	size_t		 i;

	if (lb_entry_reserve_left(v, &r, &e) == -1) {
		cli_warn("%s", e.msg);
		return -1;
	}
	if (r.nfilers > 0)
		return 0;
	for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		if (lb_entry_reserve(v, &c->who, blocks[i].filer,
		    blocks[i].first, blocks[i].last, NULL,
		    "demo downtime reserve", &e) == -1) {
			cli_warn("%s", e.msg);
			return -1;
		}
	return 0;
}

static int	demo_setting(struct cli *, struct lb_vault *, const char *,
		    const char *);

int
cmd_demo(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "clients", required_argument, NULL, 'c' },
		{ "shipments", required_argument, NULL, 's' },
		{ "employees", required_argument, NULL, 'e' },
		{ "seed", required_argument, NULL, 'S' },
		{ "base-date", required_argument, NULL, 'b' },
		{ "export", required_argument, NULL, 'x' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *order[] = {
		"brokerage", "clients", "contacts", "employees", "shipments",
		"lines", "statements"
	};
	struct lb_demo_opts o;
	struct lb_import im;
	struct lb_vault	*v = NULL;
	struct lb_err	 e;
	struct stat	 sb;
	char		 dir[PATH_MAX], path[PATH_MAX], why[160], tzname[65];
	const char	*export = NULL;
	long		 n;
	size_t		 i;
	int		 ch, json = 0, rc = EXIT_FAIL;

	memset(&o, 0, sizeof(o));
	o.seed = 1;
	o.clients = 200;
	o.shipments = 5000;
	o.employees = 60;
	o.base_days = c->who.now / 86400;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			if (cli_number("--clients", optarg, 1, 100000, &n) == -1)
				return EXIT_USAGE;
			o.clients = n;
			break;
		case 's':
			if (cli_number("--shipments", optarg, 0, 1000000,
			    &n) == -1)
				return EXIT_USAGE;
			o.shipments = n;
			break;
		case 'e':
			if (cli_number("--employees", optarg, 1, 100000,
			    &n) == -1)
				return EXIT_USAGE;
			o.employees = n;
			break;
		case 'S':
			if (cli_number("--seed", optarg, 0, LONG_MAX, &n) == -1)
				return EXIT_USAGE;
			o.seed = (uint64_t)n;
			break;
		case 'b':
			if (lb_date_parse(optarg, strlen(optarg), &o.base_days,
			    why, sizeof(why)) == -1) {
				cli_warn("--base-date: %s", why);
				return EXIT_USAGE;
			}
			break;
		case 'x':
			export = optarg;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			demo_usage();
			return 0;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cli_warn("demo: unexpected argument \"%s\"", argv[optind]);
		return EXIT_USAGE;
	}
	if (export != NULL) {
		if (mkdir(export, 0700) == -1 && errno != EEXIST) {
			cli_warn("%s: %s", export, strerror(errno));
			return EXIT_FAIL;
		}
		if (lb_demo_write(export, &o, &e) == -1) {
			cli_warn("%s", e.msg);
			return EXIT_FAIL;
		}
		fprintf(stderr, "lifeboat: demo files written to %s\n", export);
		return 0;
	}
	if ((size_t)snprintf(path, sizeof(path), "%s/vault.db",
	    c->vault_dir) >= sizeof(path) ||
	    (size_t)snprintf(dir, sizeof(dir), "%s/demo-feed",
	    c->vault_dir) >= sizeof(dir)) {
		cli_warn("vault directory name is too long");
		return EXIT_USAGE;
	}
	if (stat(path, &sb) == -1) {
		if (lb_vault_create(c->vault_dir, &c->who, &v, &e) == -1) {
			cli_warn("%s", e.msg);
			return EXIT_FAIL;
		}
		fprintf(stderr, "lifeboat: created vault %s\n", c->vault_dir);
	} else if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		cli_warn("%s: %s", dir, strerror(errno));
		goto out;
	}
	if (lb_demo_write(dir, &o, &e) == -1) {
		cli_warn("%s", e.msg);
		goto out;
	}
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		memset(&im, 0, sizeof(im));
		im.kind = order[i];
		if ((size_t)snprintf(path, sizeof(path), "%s/%s.csv", dir,
		    order[i]) >= sizeof(path)) {
			cli_warn("path too long");
			goto out;
		}
		im.path = path;
		ch = lb_import_run(v, &c->who, &im, &e);
		if (ch != 0) {
			if (ch == -1)
				cli_warn("%s", e.msg);
			import_report_text(&im, ch);
			lb_import_free(&im);
			goto out;
		}
		if (!json)
			import_report_text(&im, 0);
		lb_import_free(&im);
	}
	if (demo_reserve(c, v) == -1)
		goto out;
	/* The demo brokerage is in Long Beach. */
	if (lb_vault_setting_text(v, "timezone", tzname, sizeof(tzname),
	    &e) == -1 || (tzname[0] == '\0' && lb_vault_setting_set(v,
	    &c->who, "timezone", "America/Los_Angeles", &e) == -1)) {
		cli_warn("%s", e.msg);
		goto out;
	}
	/* Once, so a broker's own words are never overwritten. */
	if (demo_setting(c, v, "oob_contact", "Operations desk outside the "
	    "office network: +1 562 555 0199, harborline.ops@proton.example") ==
	    -1 || demo_setting(c, v, "client_notice", "Our systems are down "
	    "after a cyberattack. CBP has authorized downtime: your cargo "
	    "keeps moving on paper releases. Call our operations desk for "
	    "anything urgent.") == -1)
		goto out;
	if (!json)
		printf("\n");
	rc = cli_print_status(v, c->who.now, json);
out:
	lb_vault_close(v);
	return rc;
}

/* Set a text setting of the demo vault when it has none yet. */
static int
demo_setting(struct cli *c, struct lb_vault *v, const char *name,
    const char *value)
{
	struct lb_err	e;
	char		now[2048];

	if (lb_vault_setting_text(v, name, now, sizeof(now), &e) == -1 ||
	    (now[0] == '\0' && lb_vault_setting_set(v, &c->who, name, value,
	    &e) == -1)) {
		cli_warn("%s", e.msg);
		return -1;
	}
	return 0;
}

static const char *
check_name(const struct lb_column *c)
{
	switch (c->check) {
	case LB_CK_TEXT:	return "text";
	case LB_CK_KEY:		return "reference";
	case LB_CK_IMPORTER:	return "importer number";
	case LB_CK_IMPORTER_TYPE: return "derived";
	case LB_CK_LICENSE:	return "digits";
	case LB_CK_FILER_LIST:	return "filer codes";
	case LB_CK_PORT:	return "port code";
	case LB_CK_PORT_LIST:	return "port codes";
	case LB_CK_FPORT:	return "foreign port";
	case LB_CK_HTS:		return "HTS number";
	case LB_CK_SCAC:	return "SCAC";
	case LB_CK_BILL:	return "bill";
	case LB_CK_ENTRY_NO:	return "entry number";
	case LB_CK_ENTRY_TYPE:	return "entry type";
	case LB_CK_MODE:	return "mode code";
	case LB_CK_BOND_TYPE:	return "bond type";
	case LB_CK_SURETY:	return "surety code";
	case LB_CK_DATE:	return "date";
	case LB_CK_MONEY:	return "money";
	case LB_CK_QTY:		return "decimal";
	case LB_CK_INT:		return "integer";
	case LB_CK_BOOL:	return "boolean";
	case LB_CK_ENUM:	return "word";
	case LB_CK_FLAGS:	return "words";
	case LB_CK_COUNTRY:	return "country";
	case LB_CK_STATE:	return "state";
	case LB_CK_FIRMS:	return "FIRMS code";
	case LB_CK_MID:		return "MID";
	case LB_CK_EMAIL:	return "email";
	case LB_CK_PHONE:	return "phone";
	case LB_CK_INBOND:	return "in-bond number";
	case LB_CK_ALNUM:	return "letters/digits";
	}
	return "?";
}

/* Print one kind's columns as a Markdown table (docs/formats.md). */
static void
print_columns(const struct lb_kind *k)
{
	const struct lb_column	*c;
	size_t			 i;

	printf("### %s\n\n", k->name);
	printf("| column | type | required | description |\n");
	printf("|---|---|---|---|\n");
	for (i = 0; i < k->ncols; i++) {
		c = &k->cols[i];
		if (c->flags & LB_COL_DERIVED)
			continue;
		printf("| `%s` | %s", c->name, check_name(c));
		if ((c->check == LB_CK_TEXT || c->check == LB_CK_ALNUM) &&
		    c->max > 0)
			printf(" (max %" PRId64 ")", c->max);
		if (c->check == LB_CK_INT)
			printf(" (%" PRId64 "-%" PRId64 ")", c->min, c->max);
		printf(" | %s | %s%s%s%s |\n",
		    c->flags & LB_COL_KEY ? "key" :
		    c->flags & LB_COL_REQUIRED ? "yes" : "",
		    c->doc,
		    c->flags & LB_COL_REF ? "; must exist in " : "",
		    c->flags & LB_COL_REF ? c->ref : "",
		    c->flags & LB_COL_UNIQUE ? "; unique" : "");
	}
	printf("\n");
}

/* {"kinds":[{"kind","columns":[{"name","type","required","key","what"}]}]} */
static int
formats_json(const char *only, int argc)
{
	const struct lb_kind	*k;
	struct lb_buf		 b;
	size_t			 i, j, n = 0;

	if (argc > 3) {
		cli_warn("formats: expected at most one KIND");
		return EXIT_USAGE;
	}
	if (only != NULL && ((k = lb_kind_find(only)) == NULL || k->internal)) {
		cli_warn("formats: unknown kind \"%s\"", only);
		return EXIT_USAGE;
	}
	lb_buf_init(&b, 1 << 20);
	lb_buf_adds(&b, "{\"kinds\":[");
	for (i = 0; i < lb_nkinds; i++) {
		k = lb_kinds[i];
		if (k->internal || (only != NULL && strcmp(only, k->name) != 0))
			continue;
		lb_buf_addf(&b, "%s{\"kind\":\"%s\",\"columns\":[", n++ ? "," :
		    "", k->name);
		for (j = 0; j < k->ncols; j++) {
			const struct lb_column *c = &k->cols[j];

			lb_buf_addf(&b, "%s{\"name\":\"%s\",\"type\":", j ? "," :
			    "", c->name);
			lb_buf_add_json_str(&b, check_name(c),
			    strlen(check_name(c)));
			lb_buf_addf(&b, ",\"required\":%s,\"key\":%s,\"what\":",
			    c->flags & LB_COL_REQUIRED ? "true" : "false",
			    c->flags & LB_COL_KEY ? "true" : "false");
			lb_buf_add_json_str(&b, c->doc, strlen(c->doc));
			lb_buf_addc(&b, '}');
		}
		lb_buf_adds(&b, "]}");
	}
	lb_buf_adds(&b, "]}\n");
	fputs(lb_buf_cstr(&b), stdout);
	lb_buf_free(&b);
	return 0;
}

int
cmd_formats(struct cli *c, int argc, char **argv)
{
	const struct lb_kind	*k;
	size_t			 i;

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		printf("usage: lifeboat formats [KIND] [--json]\n\nPrint the "
		    "columns of each import kind (or of KIND) as Markdown tables: "
		    "the\nreference for CSV headers and JSON field names.\n");
		return 0;
	}
	if (argc >= 2 && strcmp(argv[argc - 1], "--json") == 0)
		return formats_json(argc == 3 ? argv[1] : NULL, argc);
	if (argc > 2) {
		cli_warn("formats: expected at most one KIND");
		return EXIT_USAGE;
	}
	if (argc == 2) {
		if ((k = lb_kind_find(argv[1])) == NULL || k->internal) {
			cli_warn("formats: unknown kind \"%s\"", argv[1]);
			return EXIT_USAGE;
		}
		print_columns(k);
		return 0;
	}
	for (i = 0; i < lb_nkinds; i++)
		if (!lb_kinds[i]->internal)
			print_columns(lb_kinds[i]);
	return 0;
}
