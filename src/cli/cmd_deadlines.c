/*
 * cmd_deadlines.c: lifeboat deadlines, and lifeboat clock start|stop|list.
 *
 * The deadlines of every released shipment and every incident clock,
 * judged as of a moment (the clock, or --as-of) and sorted by due time;
 * the estimated liquidated-damages exposure is always labelled as an
 * estimate and names the rule it comes from.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "buf.h"
#include "cbp.h"
#include "cli.h"
#include "rowjson.h"
#include "date.h"
#include "relief.h"
#include "tz.h"
#include "zone.h"

const char *
cli_zoneinfo(void)
{
	const char	*d = getenv("LIFEBOAT_ZONEINFO");

	return d != NULL && d[0] == '/' ? d : NULL;
}

int
cli_zone_exists(const char *name)
{
	struct lb_tz	*tz;
	struct lb_err	 e;

	if (lb_zone_load(cli_zoneinfo(), name, &tz, &e) == -1) {
		cli_warn("timezone: %s; give an IANA zone such as "
		    "America/Chicago", e.msg);
		return -1;
	}
	lb_tz_free(tz);
	return 0;
}

int
cli_zone(struct lb_vault *v, struct lb_tz **tz)
{
	struct lb_err	e;

	if (lb_zone_of_vault(v, cli_zoneinfo(), tz, NULL, &e) == -1) {
		cli_warn("%s (set another: lifeboat config set timezone NAME)",
		    e.msg);
		return -1;
	}
	return 0;
}

static const char deadlines_usage[] =
    "usage: lifeboat deadlines [--at-risk] [--as-of DATETIME] "
    "[--importer NUMBER] [--json]\n\n"
    "Every deadline of the vault by due date: for each released shipment "
    "its entry\nsummary (10 working days after release) and its duty "
    "payment (daily statement,\nor the PMS date for clients on PMS), and "
    "the incident clocks (lifeboat clock).\nEach shows the time left and "
    "its state: overdue, at_risk (due within the\nat_risk_days setting, in "
    "working days), ok, covered (enforcement discretion\nrecorded with "
    "lifeboat relief) or met (the recovery task transmitted or\naccepted).  "
    "Exposure is an ESTIMATE of liquidated damages from rules still\nto "
    "confirm (settings ld_*), named on each line.  --at-risk lists only "
    "overdue\nand at-risk deadlines; --as-of judges at another moment "
    "(ISO 8601;\nwithout an offset it is read in the vault's time zone, "
    "the setting timezone).\nDue days are days of that zone, due at its "
    "23:59:59; an entry is due 15 calendar\ndays after arrival (19 CFR "
    "142.2(a)).  A stored date outside the calendar's\nyears (1971-2199) is "
    "listed as one flagged item (state bad), never fatal.\n";

static const char clock_usage[] =
    "usage: lifeboat clock start NAME [--at DATETIME] [--note TEXT]\n"
    "       lifeboat clock stop NAME [--at DATETIME]\n"
    "       lifeboat clock list [--json]\n\n"
    "Incident clocks.  soc-notice: 19 CFR 111.21(b) gives a broker 72 hours "
    "(setting\nsoc_notice_hours) from discovering a breach to notify the "
    "CBP SOC by email,\nlisting the compromised importer numbers.  Start it "
    "at the time of discovery;\nstop it when the notice is sent.  Times are "
    "ISO 8601, now by default; without an\noffset they are read in the "
    "vault's time zone (lifeboat config set timezone\nAmerica/Chicago), and "
    "refused when none is set.  Years 1971-2199.\n";

/*
 * The renderers append to one buffer with plain copies: a million
 * shipments make two million lines, and printf per field would cost more
 * than judging them.
 */
static void
put_i64(struct lb_buf *b, int64_t v)
{
	char		 d[24];
	size_t		 n = sizeof(d);
	uint64_t	 u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do {
		d[--n] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		d[--n] = '-';
	lb_buf_add(b, d + n, sizeof(d) - n);
}

static const char spaces[] = "                                ";

/* Spaces from column `from` of the line (its start at byte `start`) up
 * to `to`; none when past it. */
static void
pad_to(struct lb_buf *b, size_t from, size_t to)
{
	size_t	n = b->len - from;

	if (n < to)
		lb_buf_add(b, spaces, to - n < sizeof(spaces) - 1 ? to - n :
		    sizeof(spaces) - 1);
}

/* s, then spaces up to width + 2 (two columns apart from the next). */
static void
put_col(struct lb_buf *b, const char *s, size_t width)
{
	size_t	from = b->len;

	lb_buf_adds(b, s);
	pad_to(b, from, width + 2);
}

static void
put_str(struct lb_buf *b, const char *key, const char *s)
{
	lb_buf_adds(b, key);
	lb_buf_add_json_str(b, s, strlen(s));
}

static void
left_text(const struct lb_deadline *d, struct lb_buf *b)
{
	if (d->state == LB_DL_BAD) {
		lb_buf_adds(b, "-");
	} else if (d->state == LB_DL_OVERDUE && d->kind == LB_DL_CLOCK &&
	    d->left_secs > -86400) {
		put_i64(b, -d->left_secs / 3600);
		lb_buf_addc(b, 'h');
		lb_buf_addc(b, (int)('0' + -d->left_secs % 3600 / 600));
		lb_buf_addc(b, (int)('0' + -d->left_secs % 600 / 60));
		lb_buf_adds(b, "m late");
	} else if (d->state == LB_DL_OVERDUE) {
		put_i64(b, d->late_days);
		lb_buf_adds(b, "d late");
	} else if (d->kind == LB_DL_CLOCK && d->left_secs >= 0) {
		put_i64(b, d->left_secs / 3600);
		lb_buf_addc(b, 'h');
		lb_buf_addc(b, (int)('0' + d->left_secs % 3600 / 600));
		lb_buf_addc(b, (int)('0' + d->left_secs % 600 / 60));
		lb_buf_addc(b, 'm');
	} else if (d->left_workdays >= 0) {
		put_i64(b, d->left_workdays);
		lb_buf_adds(b, " wd");
	} else
		lb_buf_addc(b, '-');
}

void
cli_deadline_json(struct lb_buf *b, const struct lb_agenda_item *it)
{
	const struct lb_deadline *d = &it->d;
	char	due[LB_DATE_STRLEN], at[LB_TZ_RFC3339_STRLEN];
	char	orig[LB_DATE_STRLEN];
	char	basis[LB_DL_RULE_MAX];

	if (d->state == LB_DL_BAD) {
		lb_buf_adds(b, "{\"kind\":\"record\",\"state\":\"bad\"");
		put_str(b, ",\"subject\":", it->subject);
		put_str(b, ",\"what\":", it->what);
		put_str(b, ",\"flag\":", it->flag != NULL ? it->flag : "");
		lb_buf_adds(b, ",\"due\":null,\"exposure\":null}");
		return;
	}
	lb_date_format(d->due_day, due);
	/* RFC 3339 with the zone's offset: the end of the due day there. */
	lb_tz_format_rfc3339(it->tz, d->kind == LB_DL_CLOCK ? d->due_at :
	    d->due_at - 1, at);
	lb_buf_adds(b, "{\"kind\":\"");
	lb_buf_adds(b, lb_dl_kind_name(d->kind));
	put_str(b, "\",\"what\":", it->what);
	put_str(b, ",\"subject\":", it->subject);
	/* The shipment, named as everywhere else (null for a clock). */
	if (d->kind != LB_DL_CLOCK)
		put_str(b, ",\"ref\":", it->subject);
	else
		lb_buf_adds(b, ",\"ref\":null");
	if (d->kind != LB_DL_CLOCK) {
		put_str(b, ",\"importer_number\":", it->importer);
		if (it->entry[0] != '\0')
			put_str(b, ",\"entry_number\":", it->entry);
		else
			lb_buf_adds(b, ",\"entry_number\":null");
		put_str(b, ",\"port\":", it->port);
	}
	put_str(b, ",\"due\":", due);
	put_str(b, ",\"due_at\":", at);
	put_str(b, ",\"state\":", lb_dl_state_name(d->state));
	lb_buf_adds(b, ",\"working_days_left\":");
	if (d->left_workdays >= 0)
		put_i64(b, d->left_workdays);
	else
		lb_buf_adds(b, "null");
	lb_buf_adds(b, ",\"late_days\":");
	put_i64(b, d->late_days);
	lb_buf_adds(b, ",\"seconds_left\":");
	put_i64(b, d->left_secs);
	lb_deadline_basis(d, basis, sizeof(basis));
	put_str(b, ",\"basis\":", basis);
	if (d->extended != NULL) {
		lb_date_format(d->original_day, orig);
		put_str(b, ",\"original_due\":", orig);
		put_str(b, ",\"extended_by\":", d->extended->id);
	}
	if (d->covered != NULL) {
		put_str(b, ",\"covered_by\":", d->covered->id);
		lb_date_format(d->covered->last, orig);
		put_str(b, ",\"covered_until\":", orig);
		lb_buf_adds(b, d->expiring ? ",\"relief_expiring\":true" :
		    ",\"relief_expiring\":false");
	}
	if (d->kind == LB_DL_PAYMENT) {
		lb_buf_adds(b, d->unauthorized ? ",\"authorized\":false" :
		    d->no_statement ? ",\"authorized\":null" :
		    ",\"authorized\":true");
	}
	put_str(b, ",\"estimate_basis\":", lb_dl_est_name(d->est));
	if (d->exposure_cents >= 0) {
		lb_buf_adds(b, ",\"exposure\":{\"estimate\":true,\"amount\":");
		lb_json_money(b, d->exposure_cents);
		lb_buf_adds(b, d->if_missed ? ",\"if_missed\":true" :
		    ",\"if_missed\":false");
		put_str(b, ",\"rule\":", lb_dl_est_name(d->est));
		lb_buf_addc(b, '}');
	} else
		lb_buf_adds(b, ",\"exposure\":null");
	lb_buf_addc(b, '}');
}

static void
text_item(struct lb_buf *b, const struct lb_agenda_item *it, int used[4])
{
	const struct lb_deadline *d = &it->d;
	char	due[LB_TZ_HUMAN_STRLEN], m[LB_MONEY_DISPLAY_STRLEN];
	size_t	start = b->len, n;

	if (d->state == LB_DL_BAD) {
		put_col(b, "-", 16);
		put_col(b, "-", 9);
		put_col(b, "bad", 8);
		put_col(b, "bad record", 13);
		put_col(b, it->subject, 16);
		lb_buf_adds(b, it->flag != NULL ? it->flag : "");
		lb_buf_addc(b, '\n');
		return;
	}
	if (d->kind == LB_DL_CLOCK) {
		/* "2026-12-04 14:05 CST": to the minute, in the zone. */
		lb_tz_format(it->tz, d->due_at, 0, due, sizeof(due));
	} else
		lb_date_format(d->due_day, due);
	put_col(b, due, 16);
	n = b->len;
	left_text(d, b);
	pad_to(b, n, 11);
	put_col(b, lb_dl_state_name(d->state), 8);
	put_col(b, it->what, 13);
	put_col(b, it->subject, 16);
	put_col(b, it->entry[0] ? it->entry : "-", 13);
	n = b->len;
	if (d->exposure_cents >= 0) {
		lb_money_display(d->exposure_cents, m);
		lb_buf_adds(b, m);
		if (d->if_missed)
			lb_buf_adds(b, " if missed");
		used[d->est] = 1;
	} else if (d->est == LB_EST_WITH_PAYMENT) {
		lb_buf_adds(b, "with the payment");
		used[d->est] = 1;
	} else
		lb_buf_addc(b, '-');
	pad_to(b, n, 24);
	if (d->covered != NULL) {
		lb_buf_adds(b, "covered by ");
		lb_buf_adds(b, d->covered->id);
		lb_buf_adds(b, " until ");
		lb_date_format(d->covered->last, m);
		lb_buf_adds(b, m);
		if (d->expiring)
			lb_buf_adds(b, " (expiring)");
	} else if (d->unauthorized) {
		lb_buf_adds(b, "ACH authorization not sent");
	} else if (d->extended != NULL) {
		lb_buf_adds(b, "extended by ");
		lb_buf_adds(b, d->extended->id);
	}
	while (b->len > start && b->data[b->len - 1] == ' ')
		b->len--;
	lb_buf_addc(b, '\n');
}

static int
print_agenda(struct lb_agenda *a, int64_t as_of, int json)
{
	const struct lb_agenda_totals *t = lb_agenda_totals(a);
	struct lb_agenda_item	 it;
	struct lb_buf		 b;
	struct lb_err		 e;
	char			 now[LB_TZ_RFC3339_STRLEN], m1[LB_MONEY_STRLEN];
	char			 m2[LB_MONEY_STRLEN], d1[LB_MONEY_DISPLAY_STRLEN];
	char			 d2[LB_MONEY_DISPLAY_STRLEN];
	char			 rules[4][LB_DL_RULE_MAX];
	char			 human[LB_TZ_HUMAN_STRLEN];
	size_t			 i, n = lb_agenda_count(a);
	int			 used[4] = { 0, 0, 0, 0 };

	lb_tz_format_rfc3339(lb_agenda_tz(a), as_of, now);
	lb_tz_format(lb_agenda_tz(a), as_of, 0, human, sizeof(human));
	for (i = 0; i < 4; i++)
		lb_deadline_est_rule(lb_agenda_rules(a), (enum lb_dl_est)i,
		    rules[i], sizeof(rules[i]));
	lb_buf_init(&b, 1 << 20);
	if (json) {
		printf("{\"as_of\":\"%s\",\"calendar\":", now);
		lb_buf_add_json_str(&b, lb_agenda_calendar(a),
		    strlen(lb_agenda_calendar(a)));
		fputs(lb_buf_cstr(&b), stdout);
		fputs(",\"deadlines\":[", stdout);
	} else {
		printf("Deadlines as of %s (calendar: %s)\n", human,
		    lb_agenda_calendar(a)[0] ? lb_agenda_calendar(a) :
		    "federal holidays by rule only");
		printf("%-16s  %-9s  %-8s  %-13s  %-16s  %-13s  %-22s  %s\n",
		    "DUE", "LEFT", "STATE", "WHAT", "SUBJECT", "ENTRY",
		    "EXPOSURE (ESTIMATE)", "RELIEF");
	}
	lb_buf_reset(&b);
	for (i = 0; i < n; i++) {
		if (lb_agenda_get(a, i, &it, &e) == -1) {
			lb_buf_free(&b);
			cli_warn("%s", e.msg);
			return EXIT_FAIL;
		}
		if (json) {
			if (i > 0)
				lb_buf_addc(&b, ',');
			cli_deadline_json(&b, &it);
		} else
			text_item(&b, &it, used);
		if (b.len >= (1 << 16) || i + 1 == n) {
			if (lb_buf_error(&b) != 0 ||
			    fwrite(b.data, 1, b.len, stdout) != b.len) {
				lb_buf_free(&b);
				cli_warn("cannot write the deadlines");
				return EXIT_FAIL;
			}
			lb_buf_reset(&b);
		}
	}
	lb_money_format(t->exposure_overdue, m1);
	lb_money_format(t->exposure_at_risk, m2);
	if (json) {
		printf("],\"rules\":{");
		lb_buf_reset(&b);
		put_str(&b, "\"summary\":", rules[LB_EST_MITIGATION]);
		put_str(&b, ",\"payment\":", rules[LB_EST_BOND]);
		fputs(lb_buf_cstr(&b), stdout);
		printf("},\"totals\":{\"shipments\":%zu,\"overdue\":%zu,"
		    "\"at_risk\":%zu,\"ok\":%zu,\"covered\":%zu,\"met\":%zu,"
		    "\"bad\":%zu,\"arrived\":%zu,\"unauthorized\":%zu,\"expiring\":%zu,"
		    "\"exposure_overdue\":\"%s\",\"exposure_at_risk\":\"%s\","
		    "\"estimated_overdue\":%zu,\"estimated_at_risk\":%zu,"
		    "\"exposure_is_estimate\":true}}\n", t->shipments,
		    t->n[LB_DL_OVERDUE], t->n[LB_DL_AT_RISK], t->n[LB_DL_OK],
		    t->n[LB_DL_COVERED], t->n[LB_DL_MET], t->n[LB_DL_BAD],
		    t->arrived, t->unauthorized, t->expiring, m1, m2,
		    t->estimated_overdue, t->estimated_at_risk);
	} else {
		printf("\n%zu released and %zu arrived shipments: %zu overdue, "
		    "%zu at risk, %zu ok, %zu covered by relief, %zu met, %zu "
		    "bad stored items.\n", t->shipments, t->arrived,
		    t->n[LB_DL_OVERDUE], t->n[LB_DL_AT_RISK], t->n[LB_DL_OK],
		    t->n[LB_DL_COVERED], t->n[LB_DL_MET], t->n[LB_DL_BAD]);
		lb_money_display(t->exposure_overdue, d1);
		lb_money_display(t->exposure_at_risk, d2);
		printf("Estimated exposure (an estimate, not a liability): %s "
		    "overdue, %s more if\nthe at-risk deadlines are missed.\n",
		    d1, d2);
		for (i = 1; i < 4; i++)
			if (used[i])
				printf("  %s\n", rules[i]);
		if (lb_agenda_tz(a) == NULL)
			printf("Times are UTC: no time zone set (lifeboat config "
			    "set timezone America/Chicago).\n");
	}
	lb_buf_free(&b);
	return 0;
}

int
cmd_deadlines(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "at-risk", no_argument, NULL, 'r' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "importer", required_argument, NULL, 'i' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct lb_agenda_opts	 o;
	struct lb_agenda	*a;
	struct lb_vault		*v;
	struct lb_tz		*tz = NULL;
	struct lb_err		 e;
	const char		*asof = NULL;
	char			 why[LB_WHY_MAX], imp[LB_IMPORTER_STRLEN];
	enum lb_importer_type	 itype;
	int			 ch, json = 0, rc;

	memset(&o, 0, sizeof(o));
	o.as_of = c->who.now;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			o.at_risk_only = 1;
			break;
		case 'a':
			asof = optarg;
			break;
		case 'i':
			if (lb_importer_parse(optarg, strlen(optarg), imp,
			    &itype, why, sizeof(why)) == -1) {
				cli_warn("--importer: %s", why);
				return EXIT_USAGE;
			}
			o.importer = imp;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			fputs(deadlines_usage, stdout);
			return 0;
		default:
			fputs(deadlines_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cli_warn("deadlines: unexpected argument \"%s\"", argv[optind]);
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	/* A zone that cannot be loaded is warned about, not fatal. */
	(void)cli_zone(v, &tz);
	o.tz = tz;
	o.zoneinfo = cli_zoneinfo();
	if (asof != NULL && lb_tz_time_parse(tz, asof, strlen(asof), &o.as_of,
	    why, sizeof(why)) == -1) {
		cli_warn("--as-of: %s", why);
		lb_tz_free(tz);
		lb_vault_close(v);
		return EXIT_USAGE;
	}
	if (lb_agenda_build(v, &o, &a, &e) == -1) {
		cli_warn("%s", e.msg);
		lb_tz_free(tz);
		lb_vault_close(v);
		return EXIT_FAIL;
	}
	rc = print_agenda(a, o.as_of, json);
	lb_agenda_free(a);
	lb_tz_free(tz);
	lb_vault_close(v);
	return rc;
}

/* lifeboat clock */

struct clock_out {
	struct lb_buf		*b;	/* NULL for text */
	const struct lb_tz	*tz;
};

static int
clock_print(void *arg, const struct lb_clock_rec *r)
{
	struct clock_out	*o = arg;
	struct lb_buf		*b = o->b;
	char			 s[LB_TZ_RFC3339_STRLEN], t[LB_TZ_RFC3339_STRLEN];
	char			 hs[LB_TZ_HUMAN_STRLEN], ht[LB_TZ_HUMAN_STRLEN];

	if (r->bad) {
		if (b == NULL)
			printf("%-12s BAD  %s\n", r->name, r->bad_why);
		else {
			if (b->len > 1)
				lb_buf_addc(b, ',');
			lb_buf_addf(b, "{\"name\":\"%s\",\"bad\":", r->name);
			lb_buf_add_json_str(b, r->bad_why, strlen(r->bad_why));
			lb_buf_addc(b, '}');
		}
		return 0;
	}
	lb_tz_format_rfc3339(o->tz, r->started, s);
	lb_tz_format(o->tz, r->started, 1, hs, sizeof(hs));
	t[0] = ht[0] = '\0';
	if (r->is_stopped) {
		lb_tz_format_rfc3339(o->tz, r->stopped, t);
		lb_tz_format(o->tz, r->stopped, 1, ht, sizeof(ht));
	}
	if (b == NULL) {
		printf("%-12s started %s  %s%s  %s\n", r->name, hs,
		    r->is_stopped ? "stopped " : "running", ht, r->note);
		return 0;
	}
	if (b->len > 1)
		lb_buf_addc(b, ',');
	lb_buf_addf(b, "{\"name\":\"%s\",\"started\":\"%s\",\"stopped\":", r->name,
	    s);
	if (r->is_stopped)
		lb_buf_addf(b, "\"%s\"", t);
	else
		lb_buf_adds(b, "null");
	lb_buf_adds(b, ",\"note\":");
	lb_buf_add_json_str(b, r->note, strlen(r->note));
	lb_buf_adds(b, "}");
	return 0;
}

int
cmd_clock(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "at", required_argument, NULL, 'a' },
		{ "note", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*sub, *note = NULL, *at_arg = NULL;
	struct lb_vault	*v;
	struct lb_tz	*tz = NULL;
	struct clock_out co;
	struct lb_err	 e;
	struct lb_buf	 b;
	char		 why[LB_WHY_MAX];
	int64_t		 at = c->who.now;
	int		 ch, json = 0, rc = 0;

	if (argc < 2) {
		fputs(clock_usage, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(clock_usage, stdout);
		return 0;
	}
	sub = argv[1];
	argc--;
	argv++;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			at_arg = optarg;
			break;
		case 'n':
			note = optarg;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			fputs(clock_usage, stdout);
			return 0;
		default:
			fputs(clock_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (strcmp(sub, "list") == 0) {
		if (optind != argc) {
			cli_warn("clock list: unexpected argument \"%s\"",
			    argv[optind]);
			return EXIT_USAGE;
		}
	} else if ((strcmp(sub, "start") == 0 || strcmp(sub, "stop") == 0)) {
		if (optind + 1 != argc) {
			cli_warn("clock %s: expected one clock NAME", sub);
			return EXIT_USAGE;
		}
		if (strcmp(sub, "stop") == 0 && note != NULL) {
			cli_warn("clock stop: --note is for start");
			return EXIT_USAGE;
		}
	} else {
		cli_warn("clock: unknown subcommand \"%s\"", sub);
		return EXIT_USAGE;
	}
	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	if (cli_zone(v, &tz) == -1 && at_arg != NULL) {
		lb_vault_close(v);
		return EXIT_FAIL;
	}
	if (at_arg != NULL && lb_tz_time_parse(tz, at_arg, strlen(at_arg), &at,
	    why, sizeof(why)) == -1) {
		cli_warn("--at: %s", why);
		lb_tz_free(tz);
		lb_vault_close(v);
		return EXIT_USAGE;
	}
	if (strcmp(sub, "list") == 0) {
		lb_buf_init(&b, 1 << 20);
		lb_buf_addc(&b, '[');
		co.b = json ? &b : NULL;
		co.tz = tz;
		if (lb_clock_list(v, clock_print, &co, &e) == -1) {
			cli_warn("%s", e.msg);
			rc = EXIT_FAIL;
		} else if (json)
			printf("%s]\n", lb_buf_cstr(&b));
		lb_buf_free(&b);
	} else if (strcmp(sub, "start") == 0) {
		if (lb_clock_start(v, &c->who, argv[optind], at, note,
		    &e) == -1) {
			cli_warn("%s", e.msg);
			rc = EXIT_INVALID;
		} else
			printf("clock %s started\n", argv[optind]);
	} else {
		if (lb_clock_stop(v, &c->who, argv[optind], at, &e) == -1) {
			cli_warn("%s", e.msg);
			rc = EXIT_INVALID;
		} else
			printf("clock %s stopped\n", argv[optind]);
	}
	lb_tz_free(tz);
	lb_vault_close(v);
	return rc;
}
