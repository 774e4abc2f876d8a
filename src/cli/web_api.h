/*
 * web_api.h: what the JSON API (web_api.c) shares with the web pages
 * (web_ui.c): the same checks and library calls behind both doors.
 */
#ifndef LB_WEB_API_H
#define LB_WEB_API_H

#include <stddef.h>

#include "agenda.h"
#include "cbp.h"
#include "recovery.h"
#include "web.h"

/*
 * Sign in with the "user" and "password" arguments: 1 signed in (session
 * made, cookie set, journaled), 0 the password is being checked (return
 * MHD_YES: the handler runs again when it is), -1 refused: answer *status
 * with *title.
 */
int	api_sign_in(struct web_req *, unsigned *status, const char **title);
void	api_session_json(struct lb_buf *, const struct lb_session *);

/* The "limit" argument, or def. */
size_t	api_limit(struct web_req *, size_t def);
/* The filters of a list of shipments (NULL or 0: not filtered). */
struct api_ship_filter {
	const char	*cursor;	/* as this server gave it */
	const char	*importer;	/* an importer number */
	const char	*status;
	const char	*q;		/* text in the ref, entry number,
					 * bill or importer's name, any case */
	int		 no_entry;	/* waiting for an entry number */
	int		 pga;		/* open, subject to a PGA */
};
/* The filters of the arguments cursor, importer, status, q, no_entry, pga. */
void	api_ship_filter_args(struct web_req *, struct api_ship_filter *);
/*
 * One page of the shipments the caller may see (a client: its own,
 * whatever f says): each row (the "shipments_page" columns: ref,
 * importer_number, status, mode, entry_number, entry_type, port_entry,
 * arrival_date, release_date, entered_value, bill, carrier_scac,
 * summary_date, importer_name) to cb, or as JSON objects into the lb_buf
 * arg when cb is NULL.  next gets the cursor of the next page ("" on the
 * last).  Returns the rows, or -1 (*e).
 */
typedef int	api_ship_cb(void *arg, const struct lb_value *v, size_t n);
int	api_shipments_page(struct web_req *, const struct api_ship_filter *,
	    size_t limit, char *next, size_t nextlen, api_ship_cb *,
	    void *arg, struct lb_err *);
/* How many shipments match f (the cursor aside). */
int	api_shipments_count(struct web_req *, const struct api_ship_filter *,
	    int64_t *, struct lb_err *);
/*
 * {"shipment":{...},"lines":[...]} of ref into b when the caller may see
 * it: 1; 0 when it does not exist or the caller may not see it; -1.
 */
int	api_shipment_load(struct web_req *, const char *ref, struct lb_buf *,
	    struct lb_err *);
/* May the caller see shipment ref?  1; 0 when it does not exist or the
 * caller may not see it (journaled as access.denied); -1. */
int	api_shipment_visible(struct web_req *, const char *ref,
	    struct lb_err *);
/*
 * Draw a number for the "ref" argument (filer: the argument, or the first
 * with numbers left), after checking its release pack can be made (unless
 * the "anyway" argument): 0 drawn, 1 refused with every missing field in
 * *e, -1 refused or failed (*e).
 */
int	api_draw_number(struct web_req *, char number[LB_ENTRY_STRLEN],
	    struct lb_err *);
/* The shipment page's and the API's actions of shipment.h, on the
 * arguments ref, date, port, note / field, value, reason / field,
 * resolution, reason: 0 or -1 (*e). */
int	web_ship_release(struct web_req *, struct lb_err *);
/* The broker's current day (the vault's zone; UTC without one). */
int64_t	web_today(struct web_req *);
int	web_ship_set(struct web_req *, struct lb_err *);
int	web_ship_resolve(struct web_req *, struct lb_err *);
/* ,"decided":[...],"paper_release":{...}|null of shipment ref. */
int	api_shipment_decided(struct web_req *, const char *ref,
	    struct lb_buf *, struct lb_err *);
/* {"status":{...},"recovery":{...}} */
int	api_dashboard_json(struct web_req *, struct lb_buf *, struct lb_err *);
/* The deadlines by the arguments as_of, at_risk, importer (a client: its
 * own, without the incident clocks). */
int	api_agenda(struct web_req *, struct lb_agenda **, int64_t *as_of,
	    struct lb_err *);
void	api_recovery_item_json(struct lb_buf *,
	    const struct lb_recovery_item *);
/* Disable (or enable) the account of the argument name, ending its
 * sessions; nobody disables their own account. */
int	api_user_set(struct web_req *, int disabled, struct lb_err *);
/* Add the account of the arguments name, role, client, password. */
int	api_user_create(struct web_req *, struct lb_err *);

#endif
