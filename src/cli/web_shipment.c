/*
 * web_shipment.c: the JSON API of what Lifeboat decides for a shipment
 * (shipment.h): the paper release, corrections, conflicts with the feed.
 * The pages (web_ui.c) call the same functions through web_ship_*.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "journal.h"
#include "cli.h"
#include "shipment.h"
#include "web.h"
#include "web_api.h"
#include "zone.h"

int64_t
web_today(struct web_req *rq)
{
	struct lb_tz	*tz = NULL;
	struct lb_err	 e;
	int64_t		 day;

	if (lb_zone_of_vault(rq->v, NULL, &tz, NULL, &e) == -1 || tz == NULL)
		return rq->now >= 0 ? rq->now / 86400 : 0;
	day = lb_tz_local_day(tz, rq->now);
	lb_tz_free(tz);
	return day;
}

int
web_ship_release(struct web_req *rq, struct lb_err *e)
{
	const char	*ref = lb_arg(&rq->args, "ref");
	const char	*date = lb_arg(&rq->args, "date");
	int64_t		 days;
	char		 why[64];

	/* The route checked the date's form; this gives its day. */
	if (lb_date_parse(date, strlen(date), &days, why, sizeof(why)) == -1)
		return lb_error(e, "date: %s", why);
	return lb_shipment_release(rq->v, &rq->who, ref, days,
	    lb_arg(&rq->args, "port"), lb_arg(&rq->args, "note"),
	    web_today(rq), e);
}

int
web_ship_set(struct web_req *rq, struct lb_err *e)
{
	const char	*field = lb_arg(&rq->args, "field");
	const char	*value = lb_arg(&rq->args, "value");
	struct lb_buf	 a;
	char		*one;
	int		 rc;

	lb_buf_init(&a, 4096);
	lb_buf_addf(&a, "%s=%s", field, value != NULL ? value : "");
	if (lb_buf_error(&a) != 0) {
		lb_buf_free(&a);
		return lb_error(e, "value too long");
	}
	one = (char *)lb_buf_cstr(&a);
	rc = lb_shipment_set(rq->v, &rq->who, lb_arg(&rq->args, "ref"), &one,
	    1, lb_arg(&rq->args, "reason"), e);
	lb_buf_free(&a);
	return rc;
}

int
web_ship_resolve(struct web_req *rq, struct lb_err *e)
{
	const char	*how = lb_arg(&rq->args, "resolution");

	return lb_shipment_resolve(rq->v, &rq->who, lb_arg(&rq->args, "ref"),
	    lb_arg(&rq->args, "field"), strcmp(how, "keep") == 0 ?
	    LB_RESOLVE_KEEP : LB_RESOLVE_ACCEPT, lb_arg(&rq->args, "reason"),
	    e);
}

/* The shipment must exist and be the caller's to see: else a reply. */
static int
visible(struct web_req *rq, enum MHD_Result *ret)
{
	struct lb_err	e;
	int		rc;

	rc = api_shipment_visible(rq, lb_arg(&rq->args, "ref"), &e);
	if (rc == 1)
		return 1;
	*ret = rc == 0 ? web_problem(rq, 404, "no such shipment", NULL) :
	    web_problem(rq, 500, "the vault cannot be read", NULL);
	return 0;
}

/* After a change: the shipment as GET /api/v1/shipments/{ref} gives it. */
static enum MHD_Result
reply_shipment(struct web_req *rq, unsigned status)
{
	struct lb_buf	 b;
	struct lb_err	 e;
	enum MHD_Result	 ret;

	lb_buf_init(&b, 8 << 20);
	if (api_shipment_load(rq, lb_arg(&rq->args, "ref"), &b, &e) == 1)
		ret = web_json(rq, status, &b);
	else
		ret = web_problem(rq, 500, "the vault cannot be read", NULL);
	lb_buf_free(&b);
	return ret;
}

enum MHD_Result
api_ship_release(struct web_req *rq)
{
	enum MHD_Result	ret;
	struct lb_err	e;

	if (!visible(rq, &ret))
		return ret;
	if (web_ship_release(rq, &e) == -1)
		return web_problem(rq, 409, "not released", e.msg);
	return reply_shipment(rq, 200);
}

enum MHD_Result
api_ship_set(struct web_req *rq)
{
	enum MHD_Result	ret;
	struct lb_err	e;

	if (!visible(rq, &ret))
		return ret;
	if (web_ship_set(rq, &e) == -1)
		return web_problem(rq, 422, "not changed", e.msg);
	return reply_shipment(rq, 200);
}

enum MHD_Result
api_ship_resolve(struct web_req *rq)
{
	enum MHD_Result	ret;
	struct lb_err	e;

	if (!visible(rq, &ret))
		return ret;
	if (web_ship_resolve(rq, &e) == -1)
		return web_problem(rq, 409, "not resolved", e.msg);
	return reply_shipment(rq, 200);
}

struct olist {
	struct lb_buf	*b;
	size_t		 n;
};

static int
on_conflict(void *arg, const struct lb_owned_rec *r)
{
	struct olist	*l = arg;

	if (l->n++ > 0)
		lb_buf_addc(l->b, ',');
	cli_owned_json(l->b, r);
	return lb_buf_error(l->b) != 0 ? -1 : 0;
}

enum MHD_Result
api_conflicts(struct web_req *rq)
{
	struct lb_buf	 b;
	struct lb_err	 e;
	struct olist	 l;
	enum MHD_Result	 ret;

	lb_buf_init(&b, 32 << 20);
	l.b = &b;
	l.n = 0;
	lb_buf_adds(&b, "{\"conflicts\":[");
	if (lb_owned_list(rq->v, NULL, 1, on_conflict, &l, &e) == -1) {
		lb_buf_free(&b);
		return web_problem(rq, 500, "the vault cannot be read", NULL);
	}
	lb_buf_addf(&b, "],\"count\":%zu}\n", l.n);
	ret = web_json(rq, 200, &b);
	lb_buf_free(&b);
	return ret;
}

/* "decided" and "paper_release" of a shipment, after its lines. */
int
api_shipment_decided(struct web_req *rq, const char *ref, struct lb_buf *b,
    struct lb_err *e)
{
	struct lb_release_rec	rel;
	struct olist		l;
	int			rc;

	l.b = b;
	l.n = 0;
	lb_buf_adds(b, ",\"decided\":[");
	if (lb_owned_list(rq->v, ref, 0, on_conflict, &l, e) == -1)
		return -1;
	lb_buf_adds(b, "],\"paper_release\":");
	if ((rc = lb_shipment_release_get(rq->v, ref, &rel, e)) == -1)
		return -1;
	cli_release_json(b, rc == 1 ? &rel : NULL);
	return 0;
}
