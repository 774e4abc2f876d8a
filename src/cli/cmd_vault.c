/*
 * cmd_vault.c: lifeboat init, status, config, journal, verify.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "date.h"
#include "journal.h"
#include "status.h"
#include "verify.h"

int
cli_want_help(int argc, char **argv)
{
	int	i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

int
cmd_init(struct cli *c, int argc, char **argv)
{
	struct lb_vault	*v;
	struct lb_err	 e;

	if (cli_want_help(argc, argv)) {
		printf("usage: lifeboat [--vault DIR] init\n\n"
		    "Create a new, empty vault in DIR (made mode 0700; its parent "
		    "must exist).\nRefuses a directory that already holds a "
		    "vault.\n");
		return 0;
	}
	if (argc != 1) {
		cli_warn("init takes no arguments");
		return EXIT_USAGE;
	}
	if (lb_vault_create(c->vault_dir, &c->who, &v, &e) == -1) {
		cli_warn("%s", e.msg);
		return EXIT_FAIL;
	}
	lb_vault_close(v);
	fprintf(stderr, "lifeboat: created vault %s\n", c->vault_dir);
	return 0;
}

static void
age_text(int64_t secs, char *out, size_t outlen)
{
	if (secs < 0)
		secs = 0;
	if (secs < 3600)
		(void)snprintf(out, outlen, "%" PRId64 " min", secs / 60);
	else if (secs < 72 * 3600)
		(void)snprintf(out, outlen, "%" PRId64 " h", secs / 3600);
	else
		(void)snprintf(out, outlen, "%" PRId64 " days", secs / 86400);
}

void
cli_status_json(const struct lb_status *s, int64_t now, struct lb_buf *b)
{
	char	ts[LB_TIME_STRLEN];
	size_t	i;

	lb_time_format(now, ts);
	lb_buf_addf(b, "{\"as_of\":\"%s\",\"vault_id\":\"%s\",\"created_at\":"
	    "\"%s\",\"schema\":%d,\"journal\":{\"entries\":%" PRId64
	    ",\"head\":\"", ts, s->vault_id, s->created_at, s->schema,
	    s->entries);
	lb_buf_add_hex(b, s->head, LB_HASH_LEN);
	lb_buf_addf(b, "\"},\"stale_hours\":%" PRId64 ",\"kinds\":[",
	    s->stale_hours);
	for (i = 0; i < s->nkinds; i++) {
		lb_buf_addf(b, "%s{\"kind\":\"%s\",\"rows\":%" PRId64, i ? "," :
		    "", s->kinds[i].kind, s->kinds[i].rows);
		if (s->kinds[i].imported)
			lb_buf_addf(b, ",\"last_import\":\"%s\",\"age_seconds\":%"
			    PRId64 ",\"stale\":%s}", s->kinds[i].last,
			    s->kinds[i].age, s->kinds[i].stale ? "true" :
			    "false");
		else
			lb_buf_adds(b, ",\"last_import\":null,\"age_seconds\":"
			    "null,\"stale\":true}");
	}
	lb_buf_adds(b, "],\"shipments\":{");
	for (i = 0; lb_shipment_statuses[i] != NULL; i++)
		lb_buf_addf(b, "%s\"%s\":%" PRId64, i ? "," : "",
		    lb_shipment_statuses[i], s->by_status[i]);
	lb_buf_adds(b, "},\"entry_reserve\":{");
	for (i = 0; i < s->reserve.nfilers; i++)
		lb_buf_addf(b, "%s\"%s\":%" PRId64, i ? "," : "",
		    s->reserve.filer[i], s->reserve.left[i]);
	lb_buf_adds(b, "},\"risks\":[");
	for (i = 0; i < s->nrisks; i++) {
		lb_buf_addf(b, "%s{\"id\":\"%s\",\"count\":%" PRId64 ",\"what\":",
		    i ? "," : "", s->risks[i].id, s->risks[i].count);
		lb_buf_add_json_str(b, s->risks[i].what,
		    strlen(s->risks[i].what));
		lb_buf_adds(b, ",\"hint\":");
		lb_buf_add_json_str(b, s->risks[i].hint,
		    strlen(s->risks[i].hint));
		lb_buf_adds(b, "}");
	}
	lb_buf_adds(b, "]}\n");
}

static void
status_text(const struct lb_status *s, int64_t now, const char *dir)
{
	char	ts[LB_TIME_STRLEN], age[32];
	size_t	i;

	lb_time_format(now, ts);
	printf("Vault %s (id %.8s, schema %d), as of %s\n", dir, s->vault_id,
	    s->schema, ts);
	printf("Journal: %" PRId64 " entr%s, head ", s->entries,
	    s->entries == 1 ? "y" : "ies");
	for (i = 0; i < 8; i++)
		printf("%02x", s->head[i]);
	printf("...  (lifeboat journal checkpoint prints it whole)\n\n");
	printf("Copy of the main system (stale after %" PRId64 " h):\n",
	    s->stale_hours);
	printf("  %-10s %9s  %-21s %s\n", "kind", "rows", "last import", "age");
	for (i = 0; i < s->nkinds; i++) {
		if (!s->kinds[i].imported) {
			printf("  %-10s %9" PRId64 "  %-21s %s\n",
			    s->kinds[i].kind, s->kinds[i].rows, "never",
			    "MISSING");
			continue;
		}
		age_text(s->kinds[i].age, age, sizeof(age));
		printf("  %-10s %9" PRId64 "  %-21s %s%s\n", s->kinds[i].kind,
		    s->kinds[i].rows, s->kinds[i].last, age,
		    s->kinds[i].stale ? "  STALE" : "");
	}
	printf("\nShipments:");
	for (i = 0; lb_shipment_statuses[i] != NULL; i++)
		printf(" %s %" PRId64 "%s", lb_shipment_statuses[i],
		    s->by_status[i], lb_shipment_statuses[i + 1] ? "," : "\n");
	printf("Entry numbers left:");
	if (s->reserve.nfilers == 0)
		printf(" none reserved\n");
	for (i = 0; i < s->reserve.nfilers; i++)
		printf(" %s %" PRId64 "%s", s->reserve.filer[i],
		    s->reserve.left[i], i + 1 < s->reserve.nfilers ? "," : "\n");
	if (s->nrisks == 0) {
		printf("\nAt risk: nothing found in the data.\n");
		return;
	}
	printf("\nAt risk:\n");
	for (i = 0; i < s->nrisks; i++)
		printf("  ! %s\n      -> %s\n", s->risks[i].what,
		    s->risks[i].hint);
}

int
cli_print_status(struct lb_vault *v, int64_t now, int json)
{
	struct lb_status s;
	struct lb_buf	 b;
	struct lb_err	 e;

	if (lb_status_collect(v, now, &s, &e) == -1 ||
	    lb_status_deadlines(v, now, &s, &e) == -1) {
		cli_warn("%s", e.msg);
		return EXIT_FAIL;
	}
	if (!json) {
		status_text(&s, now, v->dir);
		return 0;
	}
	lb_buf_init(&b, 1 << 20);
	cli_status_json(&s, now, &b);
	if (lb_buf_error(&b) != 0) {
		lb_buf_free(&b);
		cli_warn("out of memory");
		return EXIT_FAIL;
	}
	fputs(lb_buf_cstr(&b), stdout);
	lb_buf_free(&b);
	return 0;
}

int
cmd_status(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct lb_vault	*v;
	int64_t		 now = c->who.now;
	char		 why[160];
	int		 ch, json = 0, rc;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'a':
			if (lb_time_parse(optarg, strlen(optarg), &now, why,
			    sizeof(why)) == -1 || lb_time_check_range(now, why,
			    sizeof(why)) == -1) {
				cli_warn("--as-of: %s", why);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			printf("usage: lifeboat status [--json] [--as-of "
			    "DATETIME]\n\nShow the vault: rows and age of the "
			    "last import per kind (stale past the\nstale_hours "
			    "setting), the journal head, shipments by status, "
			    "and what the\ndata shows to be at risk.  --as-of "
			    "judges ages at another moment (ISO 8601).\n");
			return 0;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cli_warn("status: unexpected argument \"%s\"", argv[optind]);
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	rc = cli_print_status(v, now, json);
	lb_vault_close(v);
	return rc;
}

int
cli_settings_json(struct lb_vault *v, struct lb_buf *b, struct lb_err *e)
{
	int64_t	val = 0;
	size_t	i;

	lb_buf_adds(b, "{\"settings\":[");
	for (i = 0; i < lb_nsetting_defs; i++) {
		const struct lb_setting_def *d = &lb_setting_defs[i];
		char	 text[2048];

		if ((d->text ? lb_vault_setting_text(v, d->name, text,
		    sizeof(text), e) : lb_vault_setting(v, d->name, &val,
		    e)) == -1)
			return -1;
		if (d->text) {
			lb_buf_addf(b, "%s{\"name\":\"%s\",\"type\":\"text\","
			    "\"value\":", i ? "," : "", d->name);
			if (text[0] != '\0')
				lb_buf_add_json_str(b, text, strlen(text));
			else
				lb_buf_adds(b, "null");
			lb_buf_addf(b, ",\"max_length\":%" PRId64 ",\"what\":",
			    d->max);
		} else
			lb_buf_addf(b, "%s{\"name\":\"%s\",\"type\":\"int\","
			    "\"value\":%" PRId64 ",\"default\":%" PRId64
			    ",\"min\":%" PRId64 ",\"max\":%" PRId64
			    ",\"what\":", i ? "," : "", d->name, val, d->def,
			    d->min, d->max);
		lb_buf_add_json_str(b, d->doc, strlen(d->doc));
		lb_buf_addc(b, '}');
	}
	lb_buf_adds(b, "]}\n");
	return lb_buf_error(b) != 0 ? lb_error(e, "out of memory") : 0;
}

/* One setting's value, as NAME=VALUE (named) or alone. */
static int
config_print(struct lb_vault *v, const struct lb_setting_def *d, int named,
    struct lb_err *e)
{
	char	text[2048];
	int64_t	val;

	if (d->text) {
		if (lb_vault_setting_text(v, d->name, text, sizeof(text),
		    e) == -1)
			return -1;
		printf("%s%s%s\n", named ? d->name : "", named ? "=" : "",
		    text);
		return 0;
	}
	if (lb_vault_setting(v, d->name, &val, e) == -1)
		return -1;
	printf("%s%s%" PRId64 "\n", named ? d->name : "", named ? "=" : "",
	    val);
	return 0;
}

int
cmd_config(struct cli *c, int argc, char **argv)
{
	struct lb_vault	*v;
	struct lb_err	 e;
	size_t		 i;
	int		 rc = 0;

	if (cli_want_help(argc, argv) || argc < 2) {
		printf("usage: lifeboat config list [--json]\n"
		    "       lifeboat config get NAME\n"
		    "       lifeboat config set NAME VALUE\n\nsettings:\n");
		for (i = 0; i < lb_nsetting_defs; i++) {
			const struct lb_setting_def *d = &lb_setting_defs[i];

			if (d->text)
				printf("  %-12s %s (text, at most %" PRId64
				    " characters)\n", d->name, d->doc, d->max);
			else
				printf("  %-12s %s (default %" PRId64 ", %"
				    PRId64 "..%" PRId64 ")\n", d->name, d->doc,
				    d->def, d->min, d->max);
		}
		return argc < 2 && !cli_want_help(argc, argv) ? EXIT_USAGE : 0;
	}
	if (strcmp(argv[1], "list") == 0 && argc == 3 &&
	    strcmp(argv[2], "--json") == 0) {
		struct lb_buf	b;

		if ((v = cli_open(c)) == NULL)
			return EXIT_FAIL;
		lb_buf_init(&b, 1 << 16);
		rc = cli_settings_json(v, &b, &e);
		lb_vault_close(v);
		if (rc == 0)
			fputs(lb_buf_cstr(&b), stdout);
		else
			cli_warn("%s", e.msg);
		lb_buf_free(&b);
		return rc == 0 ? 0 : EXIT_FAIL;
	}
	if (!((strcmp(argv[1], "list") == 0 && argc == 2) ||
	    (strcmp(argv[1], "get") == 0 && argc == 3) ||
	    (strcmp(argv[1], "set") == 0 && argc == 4))) {
		cli_warn("config: expected list, get NAME or set NAME VALUE");
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	if (strcmp(argv[1], "list") == 0) {
		for (i = 0; i < lb_nsetting_defs && rc == 0; i++) {
			if (config_print(v, &lb_setting_defs[i], 1, &e) == -1) {
				cli_warn("%s", e.msg);
				rc = EXIT_FAIL;
			}
		}
	} else if (strcmp(argv[1], "get") == 0) {
		const struct lb_setting_def *d = lb_setting_find(argv[2]);

		if (d == NULL) {
			cli_warn("unknown setting \"%s\"", argv[2]);
			rc = EXIT_USAGE;
		} else if (config_print(v, d, 0, &e) == -1) {
			cli_warn("%s", e.msg);
			rc = EXIT_FAIL;
		}
	} else if (strcmp(argv[2], "timezone") == 0 && argv[3][0] != '\0' &&
	    cli_zone_exists(argv[3]) == -1) {
		rc = EXIT_USAGE;
	} else if (lb_vault_setting_set(v, &c->who, argv[2], argv[3],
	    &e) == -1) {
		cli_warn("%s", e.msg);
		rc = EXIT_USAGE;
	}
	lb_vault_close(v);
	return rc;
}

static int
print_problems(const struct lb_problems *p, const char *what)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		printf("FAIL %s\n", p->v[i].msg);
	if (p->total > p->n)
		printf("FAIL ... and %zu more problems\n", p->total - p->n);
	if (p->total > 0)
		cli_warn("%s failed: %zu problem%s", what, p->total,
		    p->total == 1 ? "" : "s");
	return p->total > 0 ? EXIT_INVALID : 0;
}

static void
verify_json(const struct lb_problems *p, const struct lb_verify_stats *vs,
    int journal_only)
{
	struct lb_buf	b;
	char		cp[LB_CHECKPOINT_STRLEN];
	size_t		i;

	lb_checkpoint_format(vs->entries, vs->head, cp);
	lb_buf_init(&b, 1 << 20);
	lb_buf_addf(&b, "{\"ok\":%s,\"entries\":%" PRId64 ",\"checkpoint\":"
	    "\"%s\"", p->total == 0 ? "true" : "false", vs->entries, cp);
	if (!journal_only)
		lb_buf_addf(&b, ",\"rows\":%" PRId64, vs->rows);
	lb_buf_addf(&b, ",\"problem_count\":%zu,\"problems\":[", p->total);
	for (i = 0; i < p->n; i++) {
		if (i > 0)
			lb_buf_addc(&b, ',');
		lb_buf_add_json_str(&b, p->v[i].msg, strlen(p->v[i].msg));
	}
	lb_buf_adds(&b, "]}\n");
	fputs(lb_buf_cstr(&b), stdout);
	lb_buf_free(&b);
}

static int
run_verify(struct cli *c, int argc, char **argv, int journal_only,
    const char *usage)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "against", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct lb_verify_stats vs;
	struct lb_problems p;
	struct lb_vault	*v;
	struct lb_err	 e;
	unsigned char	 hash[LB_HASH_LEN];
	char		 cp[LB_CHECKPOINT_STRLEN];
	int64_t		 count = 0;
	int		 ch, json = 0, rc;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'a':
			if (lb_checkpoint_parse(optarg, &count, hash, &e) ==
			    -1) {
				cli_warn("--against: %s", e.msg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			fputs(usage, stdout);
			return 0;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cli_warn("unexpected argument \"%s\"", argv[optind]);
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	lb_problems_init(&p, 1000);
	if (lb_verify(v, journal_only, count, count > 0 ? hash : NULL, &p, &vs,
	    &e) == -1) {
		cli_warn("%s", e.msg);
		lb_problems_free(&p);
		lb_vault_close(v);
		return EXIT_FAIL;
	}
	if (json) {
		verify_json(&p, &vs, journal_only);
		rc = p.total > 0 ? EXIT_INVALID : 0;
	} else {
		rc = print_problems(&p, journal_only ? "journal verification" :
		    "verification");
		if (rc == 0) {
			lb_checkpoint_format(vs.entries, vs.head, cp);
			if (journal_only)
				printf("OK journal: %" PRId64 " entr%s, chain "
				    "intact; head %s\n", vs.entries,
				    vs.entries == 1 ? "y" : "ies", cp);
			else
				printf("OK vault: database intact, journal of %"
				    PRId64 " entr%s intact, %" PRId64 " row%s "
				    "match%s it; head %s\n", vs.entries,
				    vs.entries == 1 ? "y" : "ies", vs.rows,
				    vs.rows == 1 ? "" : "s", vs.rows == 1 ? "es" :
				    "", cp);			if (count > 0)
				printf("OK extends checkpoint %" PRId64 "\n",
				    count);
		}
	}
	lb_problems_free(&p);
	lb_vault_close(v);
	return rc;
}

int
cmd_verify(struct cli *c, int argc, char **argv)
{
	return run_verify(c, argc, argv, 0,
	    "usage: lifeboat verify [--json] [--against COUNT:HASH]\n\n"
	    "Prove the vault: the database file is intact, the journal chain is "
	    "unbroken\n(and extends the checkpoint, if given), and every data "
	    "row is exactly what\nthe journal says was written: rows edited, "
	    "inserted or deleted outside\nlifeboat are named.  Exit 0 when all "
	    "holds, 1 when anything does not.\n");
}

static int
journal_checkpoint(struct cli *c, int argc, char **argv)
{
	struct lb_vault	*v;
	struct lb_err	 e;
	unsigned char	 hash[LB_HASH_LEN];
	char		 cp[LB_CHECKPOINT_STRLEN], ts[LB_TIME_STRLEN];
	int64_t		 count;
	int		 json = argc == 2 && strcmp(argv[1], "--json") == 0;

	if (cli_want_help(argc, argv)) {
		printf("usage: lifeboat journal checkpoint [--json]\n\n"
		    "Print the journal head as COUNT:HASH.  Write it down or send "
		    "it off this\nmachine: 'lifeboat journal verify --against "
		    "COUNT:HASH' later proves the\njournal still extends it (no "
		    "rewriting, no rollback to an older copy).\n");
		return 0;
	}
	if (argc > 2 || (argc == 2 && !json)) {
		cli_warn("journal checkpoint: unexpected argument");
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	if (lb_journal_head(v->st, &count, hash, &e) == -1) {
		cli_warn("%s", e.msg);
		lb_vault_close(v);
		return EXIT_FAIL;
	}
	lb_vault_close(v);
	lb_checkpoint_format(count, hash, cp);
	lb_time_format(c->who.now, ts);
	if (json)
		printf("{\"checkpoint\":\"%s\",\"entries\":%" PRId64 ",\"at\":"
		    "\"%s\"}\n", cp, count, ts);
	else
		printf("%s\n", cp);
	return 0;
}

int
cmd_journal(struct cli *c, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "verify") == 0)
		return run_verify(c, argc - 1, argv + 1, 1,
		    "usage: lifeboat journal verify [--json] [--against "
		    "COUNT:HASH]\n\nWalk the journal's hash chain and name the "
		    "first broken entry: modified,\ndeleted, inserted or "
		    "reordered entries and rows are all detected.  With\n"
		    "--against, also prove the journal extends that checkpoint "
		    "(see 'lifeboat\njournal checkpoint').\n");
	if (argc >= 2 && strcmp(argv[1], "checkpoint") == 0)
		return journal_checkpoint(c, argc - 1, argv + 1);
	if (cli_want_help(argc, argv)) {
		printf("usage: lifeboat journal verify [--json] [--against "
		    "COUNT:HASH]\n       lifeboat journal checkpoint "
		    "[--json]\n");
		return 0;
	}
	cli_warn("journal: expected verify or checkpoint");
	return EXIT_USAGE;
}
