/*
 * cmd_entry.c: lifeboat entry check|reserve|next|void|used|export|blocks.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cbp.h"
#include "cli.h"
#include "entry.h"
#include "journal.h"
#include "kind.h"
#include "shipment.h"

static const char entry_usage[] =
    "usage: lifeboat entry check NUMBER...\n"
    "       lifeboat entry reserve --filer F --from NNNNNNN --to NNNNNNN "
    "[--port DDPP] [--note TEXT]\n"
    "       lifeboat entry next --filer F [--shipment REF [--type NN] "
    "[--anyway] | --count N]\n"
    "                           [--json]\n"
    "       lifeboat entry void NUMBER --reason TEXT\n"
    "       lifeboat entry used FILE [--dry-run] [--json]\n"
    "       lifeboat entry export [--json]\n"
    "       lifeboat entry blocks [--json]\n\n"
    "The entry-number reserve: blocks of serials set aside per filer code "
    "outside the\nmain system, drawn one at a time for downtime releases, "
    "never the same number\ntwice.  'check' validates numbers (with or "
    "without dashes, any case) and prints\nthem canonical.  'used' marks "
    "the numbers of a CSV file (column entry_number,\noptional note) as used "
    "by the main system so they are skipped; 'export' lists\nevery number "
    "drawn, voided or used, for the main system to skip after recovery.\n"
    "'blocks' shows what is left, and warns below the entry_low setting.\n"
    "'next --shipment' first checks that the shipment's release pack can be "
    "made\nand draws nothing, naming every missing field, unless --anyway; a "
    "cancelled\nor released shipment never draws.  'void' of a number "
    "assigned to a shipment\nnot yet released takes it off the shipment "
    "(it stays in 'export' as void).\n";

static int
entry_check(int argc, char **argv)
{
	char	out[LB_ENTRY_STRLEN], why[LB_WHY_MAX];
	int	i, bad = 0;

	if (argc < 2) {
		cli_warn("entry check: expected one or more numbers");
		return EXIT_USAGE;
	}
	for (i = 1; i < argc; i++) {
		if (lb_entry_parse(argv[i], strlen(argv[i]), out, why,
		    sizeof(why)) == 0)
			printf("%s\n", out);
		else {
			printf("%s: invalid: %s\n", argv[i], why);
			bad = 1;
		}
	}
	return bad ? EXIT_INVALID : 0;
}

static int
serial_arg(const char *opt, const char *s, int64_t *out)
{
	long	n;

	if (strlen(s) != 7 || strspn(s, "0123456789") != 7) {
		cli_warn("%s: \"%s\" is not a 7-digit serial", opt, s);
		return -1;
	}
	if (cli_number(opt, s, 0, LB_SERIAL_MAX, &n) == -1)
		return -1;
	*out = n;
	return 0;
}

static int
entry_reserve(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "filer", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, 'a' },
		{ "to", required_argument, NULL, 'b' },
		{ "port", required_argument, NULL, 'p' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*filer = NULL, *port = NULL, *note = NULL;
	struct lb_vault	*v;
	struct lb_err	 e;
	int64_t		 from = -1, to = -1;
	int		 ch, rc;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			filer = optarg;
			break;
		case 'a':
			if (serial_arg("--from", optarg, &from) == -1)
				return EXIT_USAGE;
			break;
		case 'b':
			if (serial_arg("--to", optarg, &to) == -1)
				return EXIT_USAGE;
			break;
		case 'p':
			port = optarg;
			break;
		case 'n':
			note = optarg;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (filer == NULL || from < 0 || to < 0 || optind != argc) {
		cli_warn("entry reserve: expected --filer F --from NNNNNNN --to "
		    "NNNNNNN");
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	rc = lb_entry_reserve(v, &c->who, filer, from, to, port, note, &e);
	lb_vault_close(v);
	if (rc == -1) {
		cli_warn("%s", e.msg);
		return EXIT_INVALID;
	}
	printf("reserved %" PRId64 " numbers for filer %.3s: %07" PRId64
	    " to %07" PRId64 "\n", to - from + 1, filer, from, to);
	return 0;
}

/* Why no number was drawn: text on stderr, or JSON on stdout too. */
static int
draw_refused(const char *shipment, int rc, const struct lb_problems *missing,
    const struct lb_err *e, int json)
{
	struct lb_buf	b;
	size_t		i;

	if (json) {
		lb_buf_init(&b, 1 << 16);
		lb_buf_adds(&b, "{\"ok\":false,\"error\":");
		if (rc == 1)
			lb_buf_adds(&b, "\"the release pack cannot be made: "
			    "nothing drawn\"");
		else
			lb_buf_add_json_str(&b, e->msg, strlen(e->msg));
		lb_buf_adds(&b, ",\"missing\":[");
		for (i = 0; rc == 1 && i < missing->n; i++) {
			lb_buf_adds(&b, i ? "," : "");
			lb_buf_add_json_str(&b, missing->v[i].msg,
			    strlen(missing->v[i].msg));
		}
		lb_buf_adds(&b, "]}\n");
		fputs(lb_buf_cstr(&b), stdout);
		lb_buf_free(&b);
	}
	if (rc != 1) {
		cli_warn("%s", e->msg);
		return EXIT_INVALID;
	}
	for (i = 0; i < missing->n; i++)
		cli_warn("%s", missing->v[i].msg);
	cli_warn("shipment %s: nothing drawn, its release pack cannot be made "
	    "(%zu problem%s); correct the fields with lifeboat shipment set %s "
	    "FIELD=VALUE --reason TEXT, or draw anyway with --anyway",
	    shipment, missing->total, missing->total == 1 ? "" : "s",
	    shipment);
	return EXIT_INVALID;
}

static int
entry_next(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "filer", required_argument, NULL, 'f' },
		{ "shipment", required_argument, NULL, 's' },
		{ "count", required_argument, NULL, 'c' },
		{ "type", required_argument, NULL, 't' },
		{ "anyway", no_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*filer = NULL, *shipment = NULL;
	long		 type = 0;
	char		 number[LB_ENTRY_STRLEN];
	struct lb_vault	*v;
	struct lb_err	 e;
	struct lb_problems missing;
	long		 count = 1, i;
	int		 ch, rc = 0, json = 0, anyway = 0;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			filer = optarg;
			break;
		case 's':
			shipment = optarg;
			break;
		case 'c':
			if (cli_number("--count", optarg, 1, 1000000,
			    &count) == -1)
				return EXIT_USAGE;
			break;
		case 't':
			if (cli_number("--type", optarg, 1, 99, &type) == -1)
				return EXIT_USAGE;
			break;
		case 'a':
			anyway = 1;
			break;
		case 'j':
			json = 1;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (filer == NULL || optind != argc) {
		cli_warn("entry next: expected --filer F [--shipment REF]");
		return EXIT_USAGE;
	}
	if (anyway && shipment == NULL) {
		cli_warn("entry next: --anyway goes with --shipment");
		return EXIT_USAGE;
	}
	if (type != 0 && shipment == NULL) {
		cli_warn("entry next: --type sets the entry type of --shipment");
		return EXIT_USAGE;
	}
	if (shipment != NULL && count != 1) {
		cli_warn("entry next: a shipment takes one number (--count 1)");
		return EXIT_USAGE;
	}
	if (shipment != NULL && (strlen(shipment) == 0 ||
	    strlen(shipment) > 35)) {
		cli_warn("--shipment: a shipment ref is 1 to 35 characters");
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	/* Each number is its own durable transaction, printed once drawn. */
	for (i = 0; i < count - 1 && rc == 0; i++) {
		rc = lb_entry_next(v, &c->who, filer, NULL, number, &e);
		if (rc == 0) {
			printf(json ? "{\"number\":\"%s\",\"ref\":null}\n" :
			    "%s\n", number);
			fflush(stdout);
		}
	}
	lb_problems_init(&missing, 64);
	if (rc == 0 && shipment != NULL)
		rc = lb_shipment_draw(v, &c->who, shipment, filer, (int)type,
		    anyway, number, &missing, &e);
	else if (rc == 0)
		rc = lb_entry_next(v, &c->who, filer, NULL, number, &e);
	lb_vault_close(v);
	if (rc == 1 || rc == 2 || rc == -1) {
		rc = draw_refused(shipment, rc, &missing, &e, json);
		lb_problems_free(&missing);
		return rc;
	}
	if (missing.total > 0 && !json)
		cli_warn("%s drawn anyway: the release pack cannot be made yet "
		    "(%zu problem%s: lifeboat pack %s names them)", number,
		    missing.total, missing.total == 1 ? "" : "s", shipment);
	lb_problems_free(&missing);
	if (json) {
		struct lb_buf	b;

		lb_buf_init(&b, 1024);
		lb_buf_addf(&b, "{\"number\":\"%s\",\"ref\":", number);
		if (shipment != NULL)
			lb_buf_add_json_str(&b, shipment, strlen(shipment));
		else
			lb_buf_adds(&b, "null");
		lb_buf_adds(&b, "}\n");
		fputs(lb_buf_cstr(&b), stdout);
		lb_buf_free(&b);
	} else
		printf("%s\n", number);
	return 0;
}

static int
entry_void(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*reason = NULL;
	struct lb_vault	*v;
	struct lb_err	 e;
	int		 ch, rc;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch != 'r')
			return EXIT_USAGE;
		reason = optarg;
	}
	if (reason == NULL || argc - optind != 1) {
		cli_warn("entry void: expected NUMBER --reason TEXT");
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	rc = lb_entry_void(v, &c->who, argv[optind], reason, &e);
	lb_vault_close(v);
	if (rc == -1) {
		cli_warn("%s", e.msg);
		return EXIT_INVALID;
	}
	return 0;
}

static int
entry_used(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct lb_import im;
	struct lb_vault	*v;
	struct lb_err	 e;
	size_t		 i;
	int		 ch, rc, json = 0;

	memset(&im, 0, sizeof(im));
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			im.dry_run = 1;
			break;
		case 'j':
			json = 1;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		cli_warn("entry used: expected FILE");
		return EXIT_USAGE;
	}
	im.path = argv[optind];
	im.kind = "entry_numbers";
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	rc = lb_entry_used(v, &c->who, &im, &e);
	lb_vault_close(v);
	if (rc == -1) {
		cli_warn("%s", e.msg);
		lb_import_free(&im);
		return EXIT_FAIL;
	}
	for (i = 0; i < im.ndiags; i++)
		fprintf(stderr, "%s:%lu:%lu: %s\n", im.path, im.diags[i].line,
		    im.diags[i].col, im.diags[i].msg);
	if (json)
		printf("{\"ok\":%s,\"records\":%" PRId64 ",\"marked\":%" PRId64
		    ",\"already\":%" PRId64 ",\"error_count\":%zu}\n",
		    rc == 0 ? "true" : "false", im.records, im.written,
		    im.unchanged, im.nerrors);
	else if (rc == 0)
		printf("%s: %" PRId64 " numbers: %" PRId64 " marked used, %"
		    PRId64 " already known%s\n", im.path, im.records,
		    im.written, im.unchanged, im.dry_run ? " (dry run: "
		    "nothing written)" : "");
	else
		cli_warn("%s: %zu error%s; nothing marked", im.path,
		    im.nerrors, im.nerrors == 1 ? "" : "s");
	lb_import_free(&im);
	return rc == 0 ? 0 : EXIT_INVALID;
}

/* Export: every number the reserve knows, as CSV or JSON. */
struct export {
	struct lb_buf	b;
	int		json;
	int		n;
};

static int
on_export(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct export	*x = arg;
	static const int cols[] = { 0, 3, 4, 5, 6, 7 };
	static const char *names[] = { "number", "state", "ref",
	    "reason", "at", "actor" };
	size_t		 i;

	if (x->json)
		lb_buf_adds(&x->b, x->n++ ? ",{" : "{");
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		const struct lb_value *v = &vals[cols[i]];

		if (x->json) {
			lb_buf_addf(&x->b, "%s\"%s\":", i ? "," : "",
			    names[i]);
			if (v->null || v->s == NULL)
				lb_buf_adds(&x->b, "null");
			else
				lb_buf_add_json_str(&x->b, v->s, v->len);
		} else {
			if (i > 0)
				lb_buf_addc(&x->b, ',');
			if (!v->null && v->s != NULL)
				lb_buf_add_csv_field(&x->b, v->s, v->len);
		}
	}
	lb_buf_adds(&x->b, x->json ? "}" : "\r\n");
	if (lb_buf_error(&x->b) != 0)
		return -1;
	fwrite(x->b.data, 1, x->b.len, stdout);
	lb_buf_reset(&x->b);
	return 0;
}

static int
entry_export(struct cli *c, int argc, char **argv)
{
	struct export	 x;
	struct lb_vault	*v;
	struct lb_err	 e;
	int		 rc;

	memset(&x, 0, sizeof(x));
	x.json = argc == 2 && strcmp(argv[1], "--json") == 0;
	if (argc > 2 || (argc == 2 && !x.json)) {
		cli_warn("entry export: expected [--json]");
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	lb_buf_init(&x.b, 1 << 16);
	fputs(x.json ? "[" : "number,state,ref,reason,at,actor\r\n",
	    stdout);
	rc = v->st->ops->rows_scan(v->st, lb_kind_find("entry_numbers"),
	    on_export, &x, &e);
	fputs(x.json ? "]\n" : "", stdout);
	lb_buf_free(&x.b);
	lb_vault_close(v);
	if (rc == -1) {
		cli_warn("%s", e.msg);
		return EXIT_FAIL;
	}
	return 0;
}

struct blocks_out {
	int	json;
	int	n;
};

static int
on_block_out(void *arg, const struct lb_block *b)
{
	struct blocks_out	*o = arg;

	o->n++;
	if (o->json) {
		struct lb_buf	j;

		lb_buf_init(&j, 1024);
		lb_buf_addf(&j, "%s{\"filer\":\"%s\",\"from\":\"%07" PRId64
		    "\",\"to\":\"%07" PRId64 "\",\"size\":%" PRId64 ",\"taken\":%"
		    PRId64 ",\"left\":%" PRId64 ",\"port\":", o->n > 1 ? "," : "",
		    b->filer, b->first, b->last, b->last - b->first + 1,
		    b->taken, b->left);
		if (b->port[0] != '\0')
			lb_buf_addf(&j, "\"%s\"", b->port);
		else
			lb_buf_adds(&j, "null");
		lb_buf_adds(&j, ",\"note\":");
		lb_buf_add_json_str(&j, b->note, strlen(b->note));
		lb_buf_adds(&j, "}");
		fputs(lb_buf_cstr(&j), stdout);
		lb_buf_free(&j);
	} else
		printf("%-5s %07" PRId64 "-%07" PRId64 " %9" PRId64 " %9" PRId64
		    " %9" PRId64 "  %-4s %s\n", b->filer, b->first, b->last,
		    b->last - b->first + 1, b->taken, b->left,
		    b->port[0] ? b->port : "-", b->note);
	return 0;
}

static int
entry_blocks(struct cli *c, int argc, char **argv)
{
	struct blocks_out o;
	struct lb_reserve r;
	struct lb_vault	*v;
	struct lb_err	 e;
	int64_t		 low;
	size_t		 i;
	int		 rc;

	memset(&o, 0, sizeof(o));
	o.json = argc == 2 && strcmp(argv[1], "--json") == 0;
	if (argc > 2 || (argc == 2 && !o.json)) {
		cli_warn("entry blocks: expected [--json]");
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	if (lb_vault_setting(v, "entry_low", &low, &e) == -1) {
		cli_warn("%s", e.msg);
		lb_vault_close(v);
		return EXIT_FAIL;
	}
	if (o.json)
		fputs("[", stdout);
	else
		printf("%-5s %-15s %9s %9s %9s  %-4s %s\n", "filer", "serials",
		    "size", "taken", "left", "port", "note");
	rc = lb_entry_blocks(v, on_block_out, &o, &e);
	if (o.json)
		fputs("]\n", stdout);
	if (rc == 0)
		rc = lb_entry_reserve_left(v, &r, &e);
	lb_vault_close(v);
	if (rc == -1) {
		cli_warn("%s", e.msg);
		return EXIT_FAIL;
	}
	for (i = 0; i < r.nfilers; i++)
		if (r.left[i] < low)
			cli_warn("filer %s has %" PRId64 " entry number%s left, "
			    "below the entry_low setting (%" PRId64 "): reserve "
			    "another block", r.filer[i], r.left[i],
			    r.left[i] == 1 ? "" : "s", low);
	if (o.n == 0)
		cli_warn("no blocks reserved yet (lifeboat entry reserve)");
	return 0;
}

int
cmd_entry(struct cli *c, int argc, char **argv)
{
	int	i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			fputs(entry_usage, stdout);
			return 0;
		}
	if (argc < 2) {
		fputs(entry_usage, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "check") == 0)
		return entry_check(argc - 1, argv + 1);
	if (strcmp(argv[1], "reserve") == 0)
		return entry_reserve(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "next") == 0)
		return entry_next(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "void") == 0)
		return entry_void(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "used") == 0)
		return entry_used(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "export") == 0)
		return entry_export(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "blocks") == 0)
		return entry_blocks(c, argc - 1, argv + 1);
	cli_warn("entry: unknown subcommand \"%s\" (see lifeboat entry "
	    "--help)", argv[1]);
	return EXIT_USAGE;
}
