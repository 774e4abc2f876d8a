/*
 * web_ui.h: what the files of the web pages share (web_ui*.c).
 *
 *   web_ui.c       escaping, the page frame, tables, error pages, the one
 *                  way each kind of value is shown (counts, times, dates,
 *                  money, ports), sign-in and sign-out, the style sheet
 *   web_ui_home.c  the dashboard, the client's start page, and the lists
 *                  of people behind a risk (/employees, /clients)
 *   web_ui_ship.c  the shipments list, one shipment, drawing a number, the
 *                  release pack
 *   web_ui_work.c  deadlines, the recovery queue, users
 *
 * Every value that reaches a page goes through ui_html() (or ui_url()
 * inside a link).  A page is built in one bounded lb_buf that ui_page_send
 * checks once and frees.
 */
#ifndef LB_WEB_UI_H
#define LB_WEB_UI_H

#include <stddef.h>
#include <stdint.h>

#include "deadline.h"
#include "web.h"

#define UI_PAGE_MAX	((size_t)4 << 20)
#define UI_READ		(LB_ROLE_ADMIN | LB_ROLE_STAFF | LB_ROLE_AUDITOR)
#define UI_WRITE	(LB_ROLE_ADMIN | LB_ROLE_STAFF)

/* Escaping. */
void	ui_html(struct lb_buf *, const char *);
void	ui_url_n(struct lb_buf *, const char *, size_t);
void	ui_url(struct lb_buf *, const char *);
/* Append "?name=value", or "&amp;name=value" after the first. */
void	ui_query_add(struct lb_buf *, int *first, const char *name,
	    const char *val);
/* A status word for people: "in_transit" is "in transit". */
void	ui_word_n(struct lb_buf *, const char *, size_t);
void	ui_word(struct lb_buf *, const char *);
/* A value of a row: text escaped, or nothing when NULL. */
void	ui_value_html(struct lb_buf *, const struct lb_value *);

/*
 * How values are shown, each in one place.  ui_time is the one way a
 * moment is shown ("4 Dec 2026 03:11 UTC"): switching pages to the vault's
 * time zone is a change to it alone.
 */
void	ui_money(struct lb_buf *, int64_t cents);
void	ui_count(struct lb_buf *, int64_t);		/* 10,374 */
void	ui_time(struct lb_buf *, int64_t secs);
/* A stored "YYYY-MM-DDTHH:MM:SSZ" through ui_time; as it is otherwise. */
void	ui_time_text(struct lb_buf *, const char *, size_t);
/* A day "YYYY-MM-DD" as "4 Dec 2026" (days are not zoned). */
void	ui_date_text(struct lb_buf *, const char *, size_t);
void	ui_date(struct lb_buf *, int64_t day);
/* A port: its code and its name (port.h), e.g. "2704 Los Angeles, CA". */
void	web_port_label(struct lb_buf *, const char *code, size_t n);
/* "s" when n is not 1. */
const char *ui_s(int64_t n);

/* The page frame. */
const char *ui_home_of(const struct web_req *);
/*
 * Everything up to and including the page's one <h1>: the header
 * (signed in: the skip link and the navigation, here naming the current
 * nav link or NULL) and the opening of <main>.
 */
void	ui_page_begin(struct lb_buf *, struct web_req *, const char *title,
	    const char *here);
void	ui_page_end(struct lb_buf *);
void	ui_alert(struct lb_buf *, const char *lead, const char *msg);
void	ui_csrf_field(struct lb_buf *, struct web_req *);
/* Send the page and free its buffer. */
enum MHD_Result	ui_page_send(struct web_req *, unsigned status,
		    struct lb_buf *);
/*
 * A page that says what went wrong (lead and msg) and what to do, with
 * the header and navigation and a link back to where the user was (back,
 * or the page the request came from when NULL).
 */
enum MHD_Result	ui_page_error(struct web_req *, unsigned status,
		    const char *title, const char *lead, const char *msg);
enum MHD_Result	ui_page_error_back(struct web_req *, unsigned status,
		    const char *title, const char *msg, const char *todo,
		    const char *back, const char *back_label);
enum MHD_Result	ui_page_not_found(struct web_req *);
/* The vault cannot be read: frees b (when not NULL). */
enum MHD_Result	ui_page_broken(struct web_req *, struct lb_buf *b,
		    const char *msg);

/* Tables. */
struct ui_col {
	const char	*label;
	int		 num;		/* right-aligned figures */
};
/*
 * A table in a box that scrolls sideways on a small screen, with its
 * caption above the box (so it is never cut) and a hint to scroll.
 */
void	ui_table_begin(struct lb_buf *, const char *id, const char *caption,
	    const struct ui_col *, size_t ncols);
void	ui_table_end(struct lb_buf *);
void	ui_table_empty(struct lb_buf *, size_t ncols, const char *msg);
/* A cell holding a state word, marked for the style sheet (left open). */
void	ui_state_cell(struct lb_buf *, const char *state);
void	ui_ship_link_n(struct lb_buf *, const char *ref, size_t n);
void	ui_ship_link(struct lb_buf *, const char *ref);
/* Options of a <select>, the one matching cur selected; "" is "Any". */
void	ui_select_options(struct lb_buf *, const char *const *words,
	    const char *cur, int any);
/* A text <input>'s value attribute, when v is not NULL. */
void	ui_value_attr(struct lb_buf *, const char *v);

/* Deadlines, as the shipment page and the deadlines page show them. */
void	ui_due_html(struct lb_buf *, const struct lb_deadline *);
/* A <td> with the state and the time left. */
void	ui_dl_state_html(struct lb_buf *, const struct lb_deadline *);
void	ui_exposure_html(struct lb_buf *, const struct lb_deadline *);

/* The name of the client of importer number imp into out ("" if none). */
int	ui_client_name(struct web_req *, const char *imp, char *out,
	    size_t outlen, struct lb_err *);
/*
 * An importer number with its client's name beside it; the name of the
 * last importer shown is kept in *last (zeroed by the caller), so a list
 * sorted by importer looks each up once.
 */
struct ui_names {
	char	imp[16];
	char	name[128];
};
void	ui_importer_html(struct lb_buf *, struct web_req *, const char *imp,
	    struct ui_names *last);

/* The shipment page (web_ui_ship.c), with an alert when err is set. */
enum MHD_Result	ui_ship_page(struct web_req *, const char *ref,
		    unsigned status, const char *lead, const char *err);
/* The shipment page's label of a shipments column, or NULL. */
const char *ui_ship_label(const char *col);
/* What Lifeboat decided for shipment ref, and the forms to decide it
 * (web_ui_decide.c). */
int	ui_ship_decisions(struct lb_buf *, struct web_req *, const char *ref,
	    struct lb_err *);

#endif
