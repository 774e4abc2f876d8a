/*
 * cmd_shipment.c: lifeboat shipment list|show|release|set|conflicts|resolve.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cbp.h"
#include "cli.h"
#include "date.h"
#include "kind.h"
#include "row.h"
#include "rowjson.h"
#include "shipment.h"
#include "tz.h"

static const char shipment_usage[] =
    "usage: lifeboat shipment list [--status S] [--importer N] [--q TEXT] "
    "[--without-entry]\n"
    "                              [--limit N] [--json]\n"
    "       lifeboat shipment show REF [--json]\n"
    "       lifeboat shipment release REF --date YYYY-MM-DD [--port DDPP] "
    "[--note TEXT] [--json]\n"
    "       lifeboat shipment set REF FIELD=VALUE... --reason TEXT\n"
    "       lifeboat shipment conflicts [REF] [--json]\n"
    "       lifeboat shipment resolve REF FIELD (--keep | --accept-feed) "
    "--reason TEXT\n\n"
    "Find shipments and record what Lifeboat decides for them while the "
    "main system\nis down.  'release' records that CBP released the cargo "
    "on downtime paperwork:\nthe shipment becomes released on that date and "
    "its entry summary and payment\ndeadlines start.  'set' corrects fields "
    "the port needs that the feed lacked\n(COLUMN=VALUE for a shipments "
    "column, LINE.COLUMN=VALUE for a line's, e.g.\nbond_amount=50000 "
    "driver_name=\"Ana Ruiz\" 2.quantity=40; columns in\ndocs/formats.md), "
    "each checked as the import checks it.  What Lifeboat decides\n(a number "
    "drawn, a release, a correction) survives every later import; a feed\n"
    "value that disagrees is kept out and listed by 'conflicts' until "
    "'resolve'\nkeeps Lifeboat's value or accepts the feed's.\n";

static int
ref_arg(const char *ref)
{
	if (ref == NULL || strlen(ref) == 0 || strlen(ref) > LB_REF_MAX) {
		cli_warn("a shipment ref is 1 to %d characters", LB_REF_MAX);
		return -1;
	}
	return 0;
}

/* "error" JSON on stdout for --json, a message on stderr otherwise. */
static int
fail(int json, int code, const char *msg)
{
	struct lb_buf	b;

	if (json) {
		lb_buf_init(&b, 4096);
		lb_buf_adds(&b, "{\"ok\":false,\"error\":");
		lb_buf_add_json_str(&b, msg, strlen(msg));
		lb_buf_adds(&b, "}\n");
		fputs(lb_buf_cstr(&b), stdout);
		lb_buf_free(&b);
	}
	cli_warn("%s", msg);
	return code;
}

/* list */

/* The columns of the "shipments_page" query (store_sqlite.c), in order. */
enum { P_REF, P_IMPORTER, P_STATUS, P_MODE, P_ENTRY, P_TYPE, P_PORT,
	P_ARRIVAL, P_RELEASE, P_VALUE, P_BILL, P_CARRIER, P_SUMMARY, P_N };

struct list_ctx {
	int		 json;
	int		 without_entry;
	long		 limit;
	long		 shown;
	char		 last[LB_REF_MAX + 1];
	size_t		 rows;		/* of the page */
	struct lb_buf	 b;
};

static int
on_list(void *arg, const struct lb_value *v, size_t n)
{
	struct list_ctx		*l = arg;
	const struct lb_kind	*k = lb_kind_get("shipments");
	static const char *const names[P_N] = { "ref", "importer_number",
	    "status", "mode", "entry_number", "entry_type", "port_entry",
	    "arrival_date", "release_date", "entered_value", "bill",
	    "carrier_scac", "summary_date" };
	char			 ref[LB_REF_MAX + 1], imp[16], st[16], en[16];
	char			 port[8], arr[12], rel[12], money[LB_MONEY_DISPLAY_STRLEN];
	size_t			 i;

	if (n < P_N)
		return -1;
	l->rows++;
	lb_value_copy(&v[P_REF], l->last, sizeof(l->last));
	if (l->without_entry && !v[P_ENTRY].null)
		return 0;
	if (l->limit > 0 && l->shown >= l->limit)
		return 0;
	l->shown++;
	if (l->json) {
		lb_buf_reset(&l->b);
		lb_buf_adds(&l->b, l->shown > 1 ? ",\n" : "\n");
		lb_buf_addc(&l->b, '{');
		for (i = 0; i < P_N; i++) {
			lb_buf_addf(&l->b, "%s\"%s\":", i ? "," : "", names[i]);
			lb_json_value(&l->b, &k->cols[lb_kind_col(k,
			    names[i])], &v[i]);
		}
		lb_buf_addc(&l->b, '}');
		fputs(lb_buf_cstr(&l->b), stdout);
		return 0;
	}
	lb_value_copy(&v[P_REF], ref, sizeof(ref));
	lb_value_copy(&v[P_IMPORTER], imp, sizeof(imp));
	lb_value_copy(&v[P_STATUS], st, sizeof(st));
	lb_value_copy(&v[P_ENTRY], en, sizeof(en));
	lb_value_copy(&v[P_PORT], port, sizeof(port));
	lb_value_copy(&v[P_ARRIVAL], arr, sizeof(arr));
	lb_value_copy(&v[P_RELEASE], rel, sizeof(rel));
	if (v[P_VALUE].null)
		money[0] = '\0';
	else
		lb_money_display(v[P_VALUE].i, money);
	printf("%-16s %-13s %-10s %-4s %-13s %-10s %-10s %14s\n", ref, imp, st,
	    port, en[0] ? en : "-", arr[0] ? arr : "-", rel[0] ? rel : "-",
	    money);
	return 0;
}

static int
shipment_list(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "status", required_argument, NULL, 's' },
		{ "importer", required_argument, NULL, 'i' },
		{ "q", required_argument, NULL, 'q' },
		{ "without-entry", no_argument, NULL, 'w' },
		{ "limit", required_argument, NULL, 'l' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	const struct lb_kind	*k = lb_kind_get("shipments");
	const struct lb_column	*sc = &k->cols[lb_kind_col(k, "status")];
	struct list_ctx		 l;
	struct lb_value		 p[5];
	struct lb_vault		*v;
	struct lb_err		 e;
	const char		*status = NULL, *importer = NULL, *q = NULL;
	char			 imp[LB_IMPORTER_STRLEN], why[LB_WHY_MAX];
	enum lb_importer_type	 it;
	size_t			 i;
	int			 ch, rc = 0, ok;

	memset(&l, 0, sizeof(l));
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			status = optarg;
			break;
		case 'i':
			importer = optarg;
			break;
		case 'q':
			q = optarg;
			break;
		case 'w':
			l.without_entry = 1;
			break;
		case 'l':
			if (cli_number("--limit", optarg, 1, 100000000,
			    &l.limit) == -1)
				return EXIT_USAGE;
			break;
		case 'j':
			l.json = 1;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cli_warn("shipment list: unexpected argument \"%s\"",
		    argv[optind]);
		return EXIT_USAGE;
	}
	if (status != NULL) {
		for (i = 0, ok = 0; sc->words[i] != NULL; i++)
			ok |= strcmp(sc->words[i], status) == 0;
		if (!ok) {
			cli_warn("--status: \"%.20s\" is not a shipment status "
			    "(%s)", status, sc->doc);
			return EXIT_USAGE;
		}
	}
	if (importer != NULL) {
		if (lb_importer_parse(importer, strlen(importer), imp, &it,
		    why, sizeof(why)) == -1) {
			cli_warn("--importer: %s (use --q to search by name)",
			    why);
			return EXIT_USAGE;
		}
		importer = imp;
	}
	if (q != NULL && (strlen(q) == 0 || strlen(q) > 100)) {
		cli_warn("--q: 1 to 100 characters");
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	lb_buf_init(&l.b, 1 << 16);
	if (l.json)
		fputs("{\"shipments\":[", stdout);
	else
		printf("%-16s %-13s %-10s %-4s %-13s %-10s %-10s %14s\n", "REF",
		    "IMPORTER", "STATUS", "PORT", "ENTRY", "ARRIVED",
		    "RELEASED", "VALUE");
	/* Page through in ref order, one read snapshot. */
	if (v->st->ops->read_begin(v->st, &e) == -1)
		rc = -1;
	while (rc == 0) {
		memset(p, 0, sizeof(p));
		p[0].null = l.last[0] == '\0';
		p[0].s = l.last;
		p[0].len = strlen(l.last);
		p[1].null = importer == NULL;
		p[1].s = importer;
		p[1].len = importer != NULL ? strlen(importer) : 0;
		p[2].null = status == NULL;
		p[2].s = status;
		p[2].len = status != NULL ? strlen(status) : 0;
		p[3].null = q == NULL;
		p[3].s = q;
		p[3].len = q != NULL ? strlen(q) : 0;
		p[4].i = 1000;
		l.rows = 0;
		rc = v->st->ops->query_vals(v->st, "shipments_page", p, 5,
		    on_list, &l, &e);
		if (rc == 0 && (l.rows < 1000 || (l.limit > 0 &&
		    l.shown >= l.limit)))
			break;
	}
	if (rc == 0)
		v->st->ops->read_end(v->st);
	lb_buf_free(&l.b);
	lb_vault_close(v);
	if (rc == -1) {
		if (l.json)
			fputs("]}\n", stdout);
		return fail(0, EXIT_FAIL, e.msg);
	}
	if (l.json)
		printf("%s],\"count\":%ld}\n", l.shown ? "\n" : "", l.shown);
	else
		fprintf(stderr, "%ld shipment%s\n", l.shown,
		    l.shown == 1 ? "" : "s");
	return 0;
}

/* show */

void
cli_owned_json(struct lb_buf *b, const struct lb_owned_rec *r)
{
	lb_buf_adds(b, "{\"ref\":");
	lb_buf_add_json_str(b, r->ref, strlen(r->ref));
	lb_buf_adds(b, ",\"field\":");
	lb_buf_add_json_str(b, r->field, strlen(r->field));
	lb_buf_adds(b, ",\"value\":");
	lb_buf_add_json_str(b, r->value, strlen(r->value));
	lb_buf_adds(b, ",\"source\":");
	lb_buf_add_json_str(b, r->source, strlen(r->source));
	lb_buf_adds(b, ",\"state\":");
	lb_buf_add_json_str(b, r->state, strlen(r->state));
	lb_buf_adds(b, ",\"reason\":");
	if (r->reason[0] != '\0')
		lb_buf_add_json_str(b, r->reason, strlen(r->reason));
	else
		lb_buf_adds(b, "null");
	lb_buf_adds(b, ",\"feed_value\":");
	if (strcmp(r->state, "held") != 0)
		lb_buf_add_json_str(b, r->feed_value, strlen(r->feed_value));
	else
		lb_buf_adds(b, "null");
	lb_buf_adds(b, ",\"feed_where\":");
	if (strcmp(r->state, "held") != 0)
		lb_buf_add_json_str(b, r->feed_where, strlen(r->feed_where));
	else
		lb_buf_adds(b, "null");
	lb_buf_adds(b, ",\"at\":");
	lb_buf_add_json_str(b, r->at, strlen(r->at));
	lb_buf_adds(b, ",\"actor\":");
	lb_buf_add_json_str(b, r->actor, strlen(r->actor));
	lb_buf_addc(b, '}');
}

void
cli_release_json(struct lb_buf *b, const struct lb_release_rec *rel)
{
	if (rel == NULL) {
		lb_buf_adds(b, "null");
		return;
	}
	lb_buf_adds(b, "{\"release_date\":");
	lb_buf_add_json_str(b, rel->date, strlen(rel->date));
	lb_buf_addf(b, ",\"port\":\"%s\",\"entry_number\":\"%s\",\"note\":",
	    rel->port, rel->entry);
	if (rel->note[0] != '\0')
		lb_buf_add_json_str(b, rel->note, strlen(rel->note));
	else
		lb_buf_adds(b, "null");
	lb_buf_adds(b, ",\"at\":");
	lb_buf_add_json_str(b, rel->at, strlen(rel->at));
	lb_buf_adds(b, ",\"actor\":");
	lb_buf_add_json_str(b, rel->actor, strlen(rel->actor));
	lb_buf_addc(b, '}');
}


struct show_ctx {
	struct lb_buf	*b;
	int		 json;
	int		 n;
	struct lb_tz	*tz;
};

/* A stored UTC time for people, in the vault's zone when it has one. */
static const char *
people_time(const struct lb_tz *tz, const char *at, char *out, size_t len)
{
	int64_t	secs;

	if (tz == NULL || lb_time_parse(at, strlen(at), &secs, NULL, 0) == -1)
		return at;
	lb_tz_format(tz, secs, 0, out, len);
	return out[0] != '\0' ? out : at;
}

static int
on_owned_show(void *arg, const struct lb_owned_rec *r)
{
	struct show_ctx	*s = arg;
	char		 when[LB_TZ_HUMAN_STRLEN];

	if (s->json) {
		lb_buf_adds(s->b, s->n++ ? "," : "");
		cli_owned_json(s->b, r);
		return 0;
	}
	if (s->n++ == 0)
		printf("\nDecided in Lifeboat (kept over the feed):\n");
	printf("  %-18s %-24s by %s, %s, %s%s%s\n", r->field,
	    r->value[0] ? r->value : "(none)", r->actor, people_time(s->tz,
	    r->at, when, sizeof(when)), r->source, r->reason[0] ? ": " : "",
	    r->reason);
	if (strcmp(r->state, "conflict") == 0)
		printf("  %-18s ! the feed says \"%s\" (%s): resolve with "
		    "lifeboat shipment resolve\n", "", r->feed_value,
		    r->feed_where);
	else if (strcmp(r->state, "kept") == 0)
		printf("  %-18s   kept over the feed's \"%s\"\n", "",
		    r->feed_value);
	return 0;
}

struct lines_ctx {
	struct lb_buf	*b;
	int		 json;
	int		 n;
};

static int
on_show_line(void *arg, const struct lb_value *vals, const unsigned char *d,
    size_t dlen)
{
	struct lines_ctx	*l = arg;
	const struct lb_kind	*k = lb_kind_get("lines");
	char			 hts[16], desc[201], qty[32], unit[8];
	char			 m[LB_MONEY_DISPLAY_STRLEN];

	if (l->json) {
		lb_buf_adds(l->b, l->n++ ? "," : "");
		lb_json_row(l->b, k, vals, 1);
		return 0;
	}
	if (l->n++ == 0)
		printf("\nLines:\n  %-3s %-12s %-2s %12s %14s  %s\n", "NO", "HTS",
		    "CO", "QUANTITY", "VALUE", "DESCRIPTION");
	lb_value_copy(&vals[lb_kind_col(k, "hts")], hts, sizeof(hts));
	lb_value_copy(&vals[lb_kind_col(k, "description")], desc, sizeof(desc));
	lb_value_copy(&vals[lb_kind_col(k, "quantity")], qty, sizeof(qty));
	lb_value_copy(&vals[lb_kind_col(k, "unit")], unit, sizeof(unit));
	lb_money_display(vals[lb_kind_col(k, "value")].i, m);
	printf("  %-3" PRId64 " %-12s %-2.*s %8s %-3s %14s  %s\n", vals[1].i,
	    hts, (int)vals[lb_kind_col(k, "country_origin")].len,
	    vals[lb_kind_col(k, "country_origin")].s, qty, unit, m, desc);
	return 0;
}

static int
shipment_show(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct lb_shiprow	*r;
	struct lb_release_rec	 rel;
	struct lb_vault		*v;
	struct lb_err		 e;
	struct lb_buf		 b;
	struct show_ctx		 so = { NULL, 0, 0, NULL };
	struct lines_ctx	 lc;
	const char		*ref;
	size_t			 i;
	int			 ch, json = 0, rc, relrc = 0, code = 0;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch != 'j')
			return EXIT_USAGE;
		json = 1;
	}
	if (optind != argc - 1) {
		cli_warn("shipment show: expected one REF");
		return EXIT_USAGE;
	}
	ref = argv[optind];
	if (ref_arg(ref) == -1)
		return EXIT_USAGE;
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	if ((r = calloc(1, sizeof(*r))) == NULL) {
		lb_vault_close(v);
		return fail(json, EXIT_FAIL, "out of memory");
	}
	lb_shiprow_init(r, lb_kind_get("shipments"));
	lb_buf_init(&b, 1 << 22);
	if (v->st->ops->read_begin(v->st, &e) == -1) {
		code = fail(json, EXIT_FAIL, e.msg);
		goto out;
	}
	rc = lb_shiprow_get(v->st, r, ref, &e);
	if (rc == 1)
		relrc = lb_shipment_release_get(v, ref, &rel, &e);
	if (rc == -1 || relrc == -1) {
		v->st->ops->read_end(v->st);
		code = fail(json, EXIT_FAIL, e.msg);
		goto out;
	}
	if (rc == 0) {
		char	msg[128];

		v->st->ops->read_end(v->st);
		(void)snprintf(msg, sizeof(msg), "no shipment \"%s\" in the "
		    "vault", ref);
		code = fail(json, EXIT_INVALID, msg);
		goto out;
	}
	memset(&so, 0, sizeof(so));
	memset(&lc, 0, sizeof(lc));
	so.b = lc.b = &b;
	so.json = lc.json = json;
	if (!json)
		(void)cli_zone(v, &so.tz);
	if (json) {
		lb_buf_adds(&b, "{\"ref\":");
		lb_buf_add_json_str(&b, ref, strlen(ref));
		lb_buf_adds(&b, ",\"shipment\":");
		lb_json_row(&b, r->k, r->vals, 0);
		lb_buf_adds(&b, ",\"lines\":[");
	} else {
		printf("Shipment %s\n", ref);
		for (i = 1; i < r->k->ncols; i++) {
			char	val[LB_CHECK_SCRATCH], m[LB_MONEY_DISPLAY_STRLEN];

			if (r->vals[i].null)
				continue;
			if (r->k->cols[i].check == LB_CK_MONEY) {
				lb_money_display(r->vals[i].i, m);
				(void)snprintf(val, sizeof(val), "%s", m);
			} else
				lb_value_copy(&r->vals[i], val, sizeof(val));
			printf("  %-20s %s\n", r->k->cols[i].name, val);
		}
	}
	rc = v->st->ops->rows_by(v->st, lb_kind_get("lines"), ref, strlen(ref),
	    on_show_line, &lc, &e);
	if (rc != -1 && json)
		lb_buf_adds(&b, "],\"decided\":[");
	if (rc != -1)
		rc = lb_owned_list(v, ref, 0, on_owned_show, &so, &e);
	v->st->ops->read_end(v->st);
	if (rc == -1) {
		code = fail(json, EXIT_FAIL, e.msg);
		goto out;
	}
	if (json) {
		lb_buf_adds(&b, "],\"paper_release\":");
		cli_release_json(&b, relrc == 1 ? &rel : NULL);
		lb_buf_adds(&b, "}\n");
		if (lb_buf_error(&b) != 0) {
			code = fail(json, EXIT_FAIL, "out of memory");
			goto out;
		}
		fputs(lb_buf_cstr(&b), stdout);
	} else if (relrc == 1) {
		char	when[LB_TZ_HUMAN_STRLEN];

		printf("\nReleased on paper: %s at port %s under %s, recorded by "
		    "%s at %s%s%s\n", rel.date, rel.port, rel.entry, rel.actor,
		    people_time(so.tz, rel.at, when, sizeof(when)),
		    rel.note[0] ? ": " : "", rel.note);
	}
out:
	lb_tz_free(so.tz);
	lb_shiprow_free(r);
	free(r);
	lb_buf_free(&b);
	lb_vault_close(v);
	return code;
}

/* release */

static int
shipment_release(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "port", required_argument, NULL, 'p' },
		{ "note", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*date = NULL, *port = NULL, *note = NULL, *ref;
	char		 why[LB_WHY_MAX];
	struct lb_vault	*v;
	struct lb_err	 e;
	int64_t		 days, today;
	int		 ch, json = 0, rc;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			date = optarg;
			break;
		case 'p':
			port = optarg;
			break;
		case 'n':
			note = optarg;
			break;
		case 'j':
			json = 1;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || date == NULL) {
		cli_warn("shipment release: expected REF --date YYYY-MM-DD");
		return EXIT_USAGE;
	}
	ref = argv[optind];
	if (ref_arg(ref) == -1)
		return EXIT_USAGE;
	if (lb_date_parse(date, strlen(date), &days, why, sizeof(why)) == -1) {
		cli_warn("--date: %s", why);
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	today = cli_today(c, v);
	rc = lb_shipment_release(v, &c->who, ref, days, port, note, today, &e);
	lb_vault_close(v);
	if (rc == -1)
		return fail(json, EXIT_INVALID, e.msg);
	if (json) {
		struct lb_buf	b;

		lb_buf_init(&b, 1024);
		lb_buf_adds(&b, "{\"ok\":true,\"ref\":");
		lb_buf_add_json_str(&b, ref, strlen(ref));
		lb_buf_addf(&b, ",\"release_date\":\"%s\"}\n", date);
		fputs(lb_buf_cstr(&b), stdout);
		lb_buf_free(&b);
	} else
		printf("%s released on paper on %s: its entry summary and "
		    "payment deadlines now run\n", ref, date);
	return 0;
}

/* set */

static int
shipment_set(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*reason = NULL, *ref;
	struct lb_vault	*v;
	struct lb_err	 e;
	int		 ch, json = 0, rc;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			reason = optarg;
			break;
		case 'j':
			json = 1;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind > argc - 2 || reason == NULL) {
		cli_warn("shipment set: expected REF FIELD=VALUE... --reason "
		    "TEXT");
		return EXIT_USAGE;
	}
	ref = argv[optind];
	if (ref_arg(ref) == -1)
		return EXIT_USAGE;
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	rc = lb_shipment_set(v, &c->who, ref, argv + optind + 1,
	    (size_t)(argc - optind - 1), reason, &e);
	lb_vault_close(v);
	if (rc == -1)
		return fail(json, EXIT_INVALID, e.msg);
	if (json)
		printf("{\"ok\":true,\"fields\":%d}\n", argc - optind - 1);
	else
		printf("%s: %d field%s set\n", ref, argc - optind - 1,
		    argc - optind - 1 == 1 ? "" : "s");
	return 0;
}

/* conflicts */

struct conflicts_ctx {
	int		 json;
	int		 n;
	struct lb_buf	 b;
};

static int
on_conflict(void *arg, const struct lb_owned_rec *r)
{
	struct conflicts_ctx	*x = arg;

	if (x->json) {
		lb_buf_reset(&x->b);
		lb_buf_adds(&x->b, x->n++ ? ",\n" : "\n");
		cli_owned_json(&x->b, r);
		fputs(lb_buf_cstr(&x->b), stdout);
		return 0;
	}
	if (x->n++ == 0)
		printf("%-16s %-16s %-22s %-22s %s\n", "REF", "FIELD",
		    "LIFEBOAT", "FEED", "WHERE");
	printf("%-16s %-16s %-22s %-22s %s\n", r->ref, r->field,
	    r->value[0] ? r->value : "(none)",
	    r->feed_value[0] ? r->feed_value : "(none)", r->feed_where);
	return 0;
}

static int
shipment_conflicts(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct conflicts_ctx	 x;
	struct lb_vault		*v;
	struct lb_err		 e;
	const char		*ref = NULL;
	int			 ch, rc;

	memset(&x, 0, sizeof(x));
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch != 'j')
			return EXIT_USAGE;
		x.json = 1;
	}
	if (optind < argc - 1) {
		cli_warn("shipment conflicts: expected at most one REF");
		return EXIT_USAGE;
	}
	if (optind == argc - 1) {
		ref = argv[optind];
		if (ref_arg(ref) == -1)
			return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	lb_buf_init(&x.b, 1 << 16);
	if (x.json)
		fputs("{\"conflicts\":[", stdout);
	rc = lb_owned_list(v, ref, 1, on_conflict, &x, &e);
	lb_vault_close(v);
	lb_buf_free(&x.b);
	if (x.json)
		printf("%s],\"count\":%d}\n", x.n ? "\n" : "", rc == -1 ? 0 :
		    x.n);
	if (rc == -1)
		return fail(0, EXIT_FAIL, e.msg);
	if (!x.json)
		fprintf(stderr, "%d conflict%s with the feed%s\n", x.n,
		    x.n == 1 ? "" : "s", x.n ? ": resolve each with lifeboat "
		    "shipment resolve REF FIELD --keep|--accept-feed --reason "
		    "TEXT" : "");
	return 0;
}

/* resolve */

static int
shipment_resolve(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "keep", no_argument, NULL, 'k' },
		{ "accept-feed", no_argument, NULL, 'a' },
		{ "reason", required_argument, NULL, 'r' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*reason = NULL;
	struct lb_vault	*v;
	struct lb_err	 e;
	int		 ch, how = -1, json = 0, rc;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'k':
		case 'a':
			if (how != -1) {
				cli_warn("shipment resolve: --keep or "
				    "--accept-feed, not both");
				return EXIT_USAGE;
			}
			how = ch == 'k' ? LB_RESOLVE_KEEP : LB_RESOLVE_ACCEPT;
			break;
		case 'r':
			reason = optarg;
			break;
		case 'j':
			json = 1;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 2 || how == -1 || reason == NULL) {
		cli_warn("shipment resolve: expected REF FIELD (--keep | "
		    "--accept-feed) --reason TEXT");
		return EXIT_USAGE;
	}
	if (ref_arg(argv[optind]) == -1)
		return EXIT_USAGE;
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	rc = lb_shipment_resolve(v, &c->who, argv[optind], argv[optind + 1],
	    how, reason, &e);
	lb_vault_close(v);
	if (rc == -1)
		return fail(json, EXIT_INVALID, e.msg);
	if (json)
		printf("{\"ok\":true}\n");
	else
		printf("%s %s: %s\n", argv[optind], argv[optind + 1],
		    how == LB_RESOLVE_KEEP ? "Lifeboat's value kept" :
		    "the feed's value accepted");
	return 0;
}

int
cmd_shipment(struct cli *c, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*fn)(struct cli *, int, char **);
	} subs[] = {
		{ "list", shipment_list },
		{ "show", shipment_show },
		{ "release", shipment_release },
		{ "set", shipment_set },
		{ "conflicts", shipment_conflicts },
		{ "resolve", shipment_resolve },
	};
	size_t	i;

	if (argc < 2 || cli_want_help(argc, argv)) {
		fputs(shipment_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : 0;
	}
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].fn(c, argc - 1, argv + 1);
	cli_warn("shipment: unknown subcommand \"%s\" (list, show, release, "
	    "set, conflicts, resolve)", argv[1]);
	return EXIT_USAGE;
}
