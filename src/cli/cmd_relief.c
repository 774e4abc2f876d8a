/*
 * cmd_relief.c: lifeboat relief add|list: relief CBP granted, as the
 * deadlines see it (enforcement discretion, extra working days).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "relief.h"

static const char relief_usage[] =
    "usage: lifeboat relief add --type discretion|extension|downtime --from "
    "DATE --to DATE\n"
    "           --reason TEXT [--covers summary|payment|all] [--days N]\n"
    "           [--port DDPP]... [--ports DDPP;DDPP] [--importer NUMBER]\n"
    "           [--reference TEXT] [--approved-by TEXT] [--renews ID] "
    "[--id ID] [--json]\n"
    "       lifeboat relief list [--json]\n\n"
    "Record relief CBP granted, so deadlines show as covered or moved.  "
    "discretion:\nenforcement discretion (guidance 3609-0324) for the "
    "deadlines due from --from to\n--to; extension: --days more working "
    "days for the deadlines originally due in\nthat period.  Both apply to "
    "every port and importer unless limited with --port\n(repeatable) and "
    "--importer.  Ids are R1, R2... unless --id is given.\n\n"
    "Relief is evidence: discretion needs CBP's reference (--reference) and "
    "the\napproving CBP office or person (--approved-by).  downtime records "
    "CBP's\nauthorization of paper release at --ports for the period; it "
    "moves no deadline.\n--renews names the relief a new period renews.  A "
    "covered deadline stays listed\nwith the relief and its end; relief "
    "ending within the at-risk window shows as\nexpiring.\n";

void
cli_relief_json(struct lb_buf *b, const struct lb_relief_rec *r)
{
	lb_buf_adds(b, "{\"id\":");
	lb_buf_add_json_str(b, r->r.id, strlen(r->r.id));
	lb_buf_addf(b, ",\"type\":\"%s\",\"from\":\"%s\",\"to\":\"%s\","
	    "\"covers\":\"%s\"", r->r.type == LB_RELIEF_EXTENSION ?
	    "extension" : r->r.type == LB_RELIEF_DOWNTIME ? "downtime" :
	    "discretion", r->first, r->last,
	    r->r.covers == LB_COVERS_SUMMARY ? "summary" :
	    r->r.covers == LB_COVERS_PAYMENT ? "payment" : "all");
	if (r->r.type == LB_RELIEF_EXTENSION)
		lb_buf_addf(b, ",\"days\":%d", r->r.days);
	lb_buf_addf(b, ",\"ports\":\"%s\",\"importer_number\":", r->r.ports);
	if (r->r.importer[0] != '\0')
		lb_buf_addf(b, "\"%s\"", r->r.importer);
	else
		lb_buf_adds(b, "null");
	lb_buf_adds(b, ",\"reason\":");
	lb_buf_add_json_str(b, r->reason, strlen(r->reason));
	lb_buf_adds(b, ",\"reference\":");
	lb_buf_add_json_str(b, r->reference, strlen(r->reference));
	lb_buf_adds(b, ",\"approved_by\":");
	lb_buf_add_json_str(b, r->approved_by, strlen(r->approved_by));
	lb_buf_adds(b, ",\"renews\":");
	if (r->renews[0] != '\0')
		lb_buf_add_json_str(b, r->renews, strlen(r->renews));
	else
		lb_buf_adds(b, "null");
	lb_buf_addf(b, ",\"at\":\"%s\",\"actor\":", r->at);
	lb_buf_add_json_str(b, r->actor, strlen(r->actor));
	lb_buf_adds(b, "}");
}

static int
on_relief(void *arg, const struct lb_relief_rec *r)
{
	struct lb_buf	*b = arg;

	if (b != NULL) {
		if (b->len > 1)
			lb_buf_addc(b, ',');
		cli_relief_json(b, r);
		return 0;
	}
	printf("%-6s %-10s %s to %s  covers %-7s", r->r.id,
	    r->r.type == LB_RELIEF_EXTENSION ? "extension" :
	    r->r.type == LB_RELIEF_DOWNTIME ? "downtime" : "discretion",
	    r->first, r->last, r->r.covers == LB_COVERS_SUMMARY ? "summary" :
	    r->r.covers == LB_COVERS_PAYMENT ? "payment" : "all");
	if (r->r.type == LB_RELIEF_EXTENSION)
		printf(" +%d working days", r->r.days);
	printf("  ports %s  importer %s\n       %s%s%s\n",
	    r->r.ports[0] ? r->r.ports : "all",
	    r->r.importer[0] ? r->r.importer : "all", r->reason,
	    r->reference[0] ? "; ref. " : "", r->reference);
	if (r->approved_by[0] != '\0' || r->renews[0] != '\0')
		printf("       approved by %s%s%s\n", r->approved_by[0] ?
		    r->approved_by : "-", r->renews[0] ? "; renews " : "",
		    r->renews);
	return 0;
}

static int
relief_list(struct cli *c, int json)
{
	struct lb_vault	*v;
	struct lb_err	 e;
	struct lb_buf	 b;
	int		 rc = 0;

	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	lb_buf_init(&b, LB_BUF_DEFAULT_MAX);
	lb_buf_addc(&b, '[');
	if (lb_relief_list(v, on_relief, json ? &b : NULL, &e) == -1) {
		cli_warn("%s", e.msg);
		rc = EXIT_FAIL;
	} else if (json)
		printf("%s]\n", lb_buf_cstr(&b));
	lb_buf_free(&b);
	lb_vault_close(v);
	return rc;
}

int
cmd_relief(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "type", required_argument, NULL, 't' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 'T' },
		{ "covers", required_argument, NULL, 'c' },
		{ "days", required_argument, NULL, 'd' },
		{ "port", required_argument, NULL, 'p' },
		{ "importer", required_argument, NULL, 'i' },
		{ "reason", required_argument, NULL, 'r' },
		{ "reference", required_argument, NULL, 'R' },
		{ "approved-by", required_argument, NULL, 'A' },
		{ "renews", required_argument, NULL, 'N' },
		{ "ports", required_argument, NULL, 'p' },
		{ "id", required_argument, NULL, 'I' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct lb_relief_in	 in;
	struct lb_vault		*v;
	struct lb_err		 e;
	struct lb_buf		 ports;
	const char		*sub;
	char			 id[LB_RELIEF_ID];
	int			 ch, json = 0, rc = 0;

	if (argc < 2) {
		fputs(relief_usage, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(relief_usage, stdout);
		return 0;
	}
	sub = argv[1];
	argc--;
	argv++;
	memset(&in, 0, sizeof(in));
	lb_buf_init(&ports, 255);
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 't':
			in.type = optarg;
			break;
		case 'f':
			in.first = optarg;
			break;
		case 'T':
			in.last = optarg;
			break;
		case 'c':
			in.covers = optarg;
			break;
		case 'd':
			in.days = optarg;
			break;
		case 'i':
			in.importer = optarg;
			break;
		case 'r':
			in.reason = optarg;
			break;
		case 'R':
			in.reference = optarg;
			break;
		case 'I':
			in.id = optarg;
			break;
		case 'A':
			in.approved_by = optarg;
			break;
		case 'N':
			in.renews = optarg;
			break;
		case 'j':
			json = 1;
			break;
		case 'p':
			if (ports.len > 0)
				lb_buf_addc(&ports, ';');
			lb_buf_adds(&ports, optarg);
			break;
		case 'h':
			lb_buf_free(&ports);
			fputs(relief_usage, stdout);
			return 0;
		default:
			lb_buf_free(&ports);
			fputs(relief_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		lb_buf_free(&ports);
		cli_warn("relief: unexpected argument \"%s\"", argv[optind]);
		return EXIT_USAGE;
	}
	if (strcmp(sub, "list") == 0) {
		lb_buf_free(&ports);
		return relief_list(c, json);
	}
	if (strcmp(sub, "add") != 0) {
		lb_buf_free(&ports);
		cli_warn("relief: unknown subcommand \"%s\"", sub);
		return EXIT_USAGE;
	}
	if (lb_buf_error(&ports) != 0) {
		lb_buf_free(&ports);
		cli_warn("relief add: too many --port");
		return EXIT_USAGE;
	}
	if (in.type == NULL || in.first == NULL || in.last == NULL ||
	    in.reason == NULL) {
		lb_buf_free(&ports);
		cli_warn("relief add: --type, --from, --to and --reason are "
		    "required");
		return EXIT_USAGE;
	}
	in.ports = lb_buf_cstr(&ports);
	if ((v = cli_open(c)) == NULL) {
		lb_buf_free(&ports);
		return EXIT_FAIL;
	}
	if (lb_relief_add(v, &c->who, &in, id, &e) == -1) {
		cli_warn("relief add: %s", e.msg);
		rc = EXIT_INVALID;
	} else if (json)
		printf("{\"id\":\"%s\"}\n", id);
	else
		printf("relief %s recorded\n", id);
	lb_vault_close(v);
	lb_buf_free(&ports);
	return rc;
}
