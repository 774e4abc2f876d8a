/*
 * web_routes.c: every route the web server answers, in one table: path,
 * methods, the roles allowed, each parameter with its validator, and the
 * handler.  Anything not here is refused at the edge (web_server.c), and
 * a role not listed is refused: deny by default.  docs/openapi.json
 * describes the /api/v1 routes; a test checks the two agree, and the
 * access-control matrix test fails when a route here is missing from it.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

#include "web.h"

#define PUB	LB_ROLE_PUBLIC
#define ADM	LB_ROLE_ADMIN
#define STF	LB_ROLE_STAFF
#define CLI	LB_ROLE_CLIENT
#define AUD	LB_ROLE_AUDITOR
#define ANY	(ADM | STF | CLI | AUD)
#define READ	(ADM | STF | AUD)
#define WRITE	(ADM | STF)

#define GET	LB_M_GET | LB_M_HEAD
#define POST	LB_M_POST
#define DEL	LB_M_DELETE

#define NP(a)	a, sizeof(a) / sizeof(a[0])
#define NOPARAMS	NULL, 0

static const char * const statuses[] = {
	"expected", "in_transit", "arrived", "held", "released", "cancelled",
	NULL
};
static const char * const task_states[] = {
	"transmitted", "accepted", "rejected", NULL
};
static const char * const tasks[] = {
	"release", "summary", "statement", "all", NULL
};
static const char * const all_states[] = {
	"pending", "transmitted", "accepted", "rejected", NULL
};
static const char * const roles[] = {
	"admin", "staff", "client", "auditor", NULL
};
static const char * const relief_types[] = {
	"discretion", "extension", "downtime", NULL
};
static const char * const covers[] = {
	"summary", "payment", "all", NULL
};
static const char * const assets[] = {
	"style.css", NULL
};

#define CSRF	{ "csrf", LB_P_CURSOR, LB_P_FORM, 0, 0, NULL }

static const struct lb_param p_sign_in[] = {
	{ "user", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 64, NULL },
	{ "password", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 1024, NULL },
};
static const struct lb_param p_shipments[] = {
	{ "limit", LB_P_INT, LB_P_QUERY, 1, 500, NULL },
	{ "cursor", LB_P_CURSOR, LB_P_QUERY, 0, 80, NULL },
	{ "status", LB_P_ENUM, LB_P_QUERY, 0, 0, statuses },
	{ "q", LB_P_TEXT, LB_P_QUERY, 0, 35, NULL },
	{ "importer", LB_P_IMPORTER, LB_P_QUERY, 0, 0, NULL },
	{ "no_entry", LB_P_BOOL, LB_P_QUERY, 0, 0, NULL },
	{ "pga", LB_P_BOOL, LB_P_QUERY, 0, 0, NULL },
};
/* The page's importer field takes a number or a name (web_ui_ship.c). */
static const struct lb_param p_ship_page[] = {
	{ "limit", LB_P_INT, LB_P_QUERY, 1, 500, NULL },
	{ "cursor", LB_P_CURSOR, LB_P_QUERY, 0, 80, NULL },
	{ "status", LB_P_ENUM, LB_P_QUERY, 0, 0, statuses },
	{ "q", LB_P_TEXT, LB_P_QUERY, 0, 35, NULL },
	{ "importer", LB_P_TEXT, LB_P_QUERY, 0, 80, NULL },
	{ "no_entry", LB_P_BOOL, LB_P_QUERY, 0, 0, NULL },
	{ "pga", LB_P_BOOL, LB_P_QUERY, 0, 0, NULL },
};
static const struct lb_param p_ref[] = {
	{ "ref", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
};
static const struct lb_param p_draw[] = {
	{ "ref", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "filer", LB_P_CURSOR, LB_P_FORM, 0, 3, NULL },
	{ "entry_type", LB_P_INT, LB_P_FORM, 1, 99, NULL },
	{ "anyway", LB_P_BOOL, LB_P_FORM, 0, 0, NULL },
	CSRF,
};
static const char * const resolutions[] = {
	"keep", "accept", NULL
};
static const struct lb_param p_release[] = {
	{ "ref", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "date", LB_P_DATE, LB_P_FORM | LB_P_REQUIRED, 0, 0, NULL },
	{ "port", LB_P_TEXT, LB_P_FORM, 0, 4, NULL },
	{ "note", LB_P_TEXT, LB_P_FORM, 0, 400, NULL },
	CSRF,
};
static const struct lb_param p_setfield[] = {
	{ "ref", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "field", LB_P_KEY, LB_P_FORM | LB_P_REQUIRED, 0, 0, NULL },
	{ "value", LB_P_TEXT, LB_P_FORM, 0, 1000, NULL },
	{ "reason", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 400, NULL },
	CSRF,
};
static const struct lb_param p_resolve[] = {
	{ "ref", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "field", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "resolution", LB_P_ENUM, LB_P_FORM | LB_P_REQUIRED, 0, 0,
	    resolutions },
	{ "reason", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 400, NULL },
	CSRF,
};
static const struct lb_param p_deadlines[] = {
	{ "at_risk", LB_P_BOOL, LB_P_QUERY, 0, 0, NULL },
	{ "as_of", LB_P_DATE, LB_P_QUERY, 0, 0, NULL },
	{ "importer", LB_P_IMPORTER, LB_P_QUERY, 0, 0, NULL },
	{ "limit", LB_P_INT, LB_P_QUERY, 1, 1000, NULL },
	{ "cursor", LB_P_CURSOR, LB_P_QUERY, 0, 12, NULL },
};
static const char * const dl_shows[] = {
	"action", "open", "all", NULL
};
static const struct lb_param p_dl_page[] = {
	{ "at_risk", LB_P_BOOL, LB_P_QUERY, 0, 0, NULL },
	{ "show", LB_P_ENUM, LB_P_QUERY, 0, 0, dl_shows },
	{ "as_of", LB_P_DATE, LB_P_QUERY, 0, 0, NULL },
	{ "importer", LB_P_IMPORTER, LB_P_QUERY, 0, 0, NULL },
	{ "limit", LB_P_INT, LB_P_QUERY, 1, 1000, NULL },
	{ "cursor", LB_P_CURSOR, LB_P_QUERY, 0, 12, NULL },
};
static const struct lb_param p_employees[] = {
	{ "unreachable", LB_P_BOOL, LB_P_QUERY, 0, 0, NULL },
};
static const char * const poa_words[] = {
	"expired", NULL
};
static const char * const contact_words[] = {
	"none", NULL
};
static const struct lb_param p_clients[] = {
	{ "poa", LB_P_ENUM, LB_P_QUERY, 0, 0, poa_words },
	{ "contact", LB_P_ENUM, LB_P_QUERY, 0, 0, contact_words },
};
static const struct lb_param p_recovery[] = {
	{ "state", LB_P_ENUM, LB_P_QUERY, 0, 0, all_states },
	{ "limit", LB_P_INT, LB_P_QUERY, 1, 1000, NULL },
	{ "cursor", LB_P_CURSOR, LB_P_QUERY, 0, 12, NULL },
};
static const struct lb_param p_mark[] = {
	{ "ref", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "task", LB_P_ENUM, LB_P_PATH | LB_P_REQUIRED, 0, 0, tasks },
	{ "state", LB_P_ENUM, LB_P_FORM | LB_P_REQUIRED, 0, 0, task_states },
	{ "reason", LB_P_TEXT, LB_P_FORM, 0, 200, NULL },
	CSRF,
};
static const struct lb_param p_relief[] = {
	{ "id", LB_P_KEY, LB_P_FORM, 0, 0, NULL },
	{ "type", LB_P_ENUM, LB_P_FORM | LB_P_REQUIRED, 0, 0, relief_types },
	{ "from", LB_P_DATE, LB_P_FORM | LB_P_REQUIRED, 0, 0, NULL },
	{ "to", LB_P_DATE, LB_P_FORM | LB_P_REQUIRED, 0, 0, NULL },
	{ "covers", LB_P_ENUM, LB_P_FORM, 0, 0, covers },
	{ "days", LB_P_INT, LB_P_FORM, 1, 60, NULL },
	{ "ports", LB_P_TEXT, LB_P_FORM, 0, 200, NULL },
	{ "importer", LB_P_IMPORTER, LB_P_FORM, 0, 0, NULL },
	{ "reason", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 400, NULL },
	{ "reference", LB_P_TEXT, LB_P_FORM, 0, 200, NULL },
	{ "approved_by", LB_P_TEXT, LB_P_FORM, 0, 200, NULL },
	{ "renews", LB_P_KEY, LB_P_FORM, 0, 0, NULL },
};
static const struct lb_param p_resolve_form[] = {
	{ "ref", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "field", LB_P_KEY, LB_P_FORM | LB_P_REQUIRED, 0, 0, NULL },
	{ "resolution", LB_P_ENUM, LB_P_FORM | LB_P_REQUIRED, 0, 0,
	    resolutions },
	{ "reason", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 400, NULL },
	CSRF,
};
static const struct lb_param p_void_ship[] = {
	{ "ref", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "reason", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 200, NULL },
	CSRF,
};
static const struct lb_param p_user_add[] = {
	{ "name", LB_P_NAME, LB_P_FORM | LB_P_REQUIRED, 0, 0, NULL },
	{ "role", LB_P_ENUM, LB_P_FORM | LB_P_REQUIRED, 0, 0, roles },
	{ "client", LB_P_IMPORTER, LB_P_FORM, 0, 0, NULL },
	{ "password", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 1024, NULL },
	CSRF,
};
static const struct lb_param p_user[] = {
	{ "name", LB_P_NAME, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	CSRF,
};
static const struct lb_param p_clock[] = {
	{ "name", LB_P_KEY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "at", LB_P_TEXT, LB_P_FORM, 0, 24, NULL },
	{ "note", LB_P_TEXT, LB_P_FORM, 0, 200, NULL },
};
static const struct lb_param p_attachment[] = {
	{ "entry", LB_P_ENTRY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "relief", LB_P_KEY, LB_P_QUERY, 0, 0, NULL },
	{ "date", LB_P_DATE, LB_P_QUERY, 0, 0, NULL },
};
static const struct lb_param p_void[] = {
	{ "number", LB_P_ENTRY, LB_P_PATH | LB_P_REQUIRED, 0, 0, NULL },
	{ "reason", LB_P_TEXT, LB_P_FORM | LB_P_REQUIRED, 0, 200, NULL },
};
static const struct lb_param p_asset[] = {
	{ "name", LB_P_ENUM, LB_P_PATH | LB_P_REQUIRED, 0, 0, assets },
};
static const struct lb_param p_csrf[] = {
	CSRF,
};

#define R(path, m, roles, params, flags, fn, what) \
	{ { path, m, roles, 0, params, flags }, fn, what }

const struct web_route web_routes[] = {
	/* Operations. */
	R("/livez", GET, PUB | ANY, NOPARAMS, 0, api_livez,
	    "the process answers"),
	R("/readyz", GET, PUB | ANY, NOPARAMS, 0, api_readyz,
	    "the vault is open and readable"),
	R("/metrics", GET, PUB | ANY, NOPARAMS, 0, web_metrics,
	    "Prometheus metrics"),
	/* The JSON API. */
	R("/api/v1/session", POST, PUB | ANY, NP(p_sign_in),
	    LB_R_JSON | LB_R_NOCSRF, api_session_new, "sign in"),
	R("/api/v1/session", GET, ANY, NOPARAMS, 0, api_session_get,
	    "who is signed in, and the CSRF token"),
	R("/api/v1/session", DEL, ANY, NOPARAMS, 0, api_session_end,
	    "sign out"),
	R("/api/v1/shipments", GET, ANY, NP(p_shipments), 0, api_shipments,
	    "shipments the caller may see, a page at a time"),
	R("/api/v1/shipments/{ref}", GET, ANY, NP(p_ref), 0, api_shipment,
	    "one shipment with its lines"),
	R("/api/v1/shipments/{ref}/pack", GET, READ, NP(p_ref), 0, api_pack,
	    "the downtime release pack (PDF)"),
	R("/api/v1/shipments/{ref}/entry", POST, WRITE, NP(p_draw), LB_R_JSON,
	    api_draw, "draw an entry number from the reserve for it"),
	R("/api/v1/shipments/{ref}/release", POST, WRITE, NP(p_release),
	    LB_R_JSON, api_ship_release,
	    "record that CBP released it on downtime paperwork"),
	R("/api/v1/shipments/{ref}/fields", POST, WRITE, NP(p_setfield),
	    LB_R_JSON, api_ship_set,
	    "correct one field (COLUMN or LINE.COLUMN), with a reason"),
	R("/api/v1/shipments/{ref}/conflicts/{field}", POST, WRITE,
	    NP(p_resolve), LB_R_JSON, api_ship_resolve,
	    "resolve a conflict with the feed: keep or accept"),
	R("/api/v1/conflicts", GET, READ, NOPARAMS, 0, api_conflicts,
	    "fields where the feed disagrees with what Lifeboat decided"),
	R("/api/v1/dashboard", GET, READ, NOPARAMS, 0, api_dashboard,
	    "copy age, deadlines at risk, numbers left, recovery queue"),
	R("/api/v1/deadlines", GET, READ | CLI, NP(p_deadlines), 0,
	    api_deadlines, "deadlines by due time"),
	R("/api/v1/entries", GET, READ, NOPARAMS, 0, api_entries,
	    "reserved entry number blocks and what is left"),
	R("/api/v1/entries/{number}/void", POST, WRITE, NP(p_void), LB_R_JSON,
	    api_void, "void an entry number of the reserve, with a reason"),
	R("/api/v1/recovery", GET, READ, NP(p_recovery), 0, api_recovery,
	    "the recovery queue"),
	R("/api/v1/recovery/attachment/{entry}", GET, READ, NP(p_attachment),
	    0, api_attachment, "the enforcement-discretion attachment (PDF)"),
	R("/api/v1/recovery/{ref}/{task}", POST, WRITE, NP(p_mark), LB_R_JSON,
	    api_recovery_mark, "set the state of a recovery task"),
	R("/api/v1/relief", GET, READ, NOPARAMS, 0, api_relief,
	    "relief CBP granted"),
	R("/api/v1/relief", POST, WRITE, NP(p_relief), LB_R_JSON,
	    api_relief_add, "record relief CBP granted"),
	R("/api/v1/users", GET, ADM, NOPARAMS, 0, api_users, "the accounts"),
	R("/api/v1/users", POST, ADM, NP(p_user_add), LB_R_JSON, api_user_add,
	    "add an account"),
	R("/api/v1/users/{name}/disable", POST, ADM, NP(p_user), LB_R_JSON,
	    api_user_disable, "disable an account, ending its sessions"),
	R("/api/v1/users/{name}/enable", POST, ADM, NP(p_user), LB_R_JSON,
	    api_user_enable, "enable an account"),
	R("/api/v1/clocks", GET, READ, NOPARAMS, 0, api_clocks,
	    "incident clocks (the 72-hour SOC notice)"),
	R("/api/v1/clocks/{name}/start", POST, WRITE, NP(p_clock), LB_R_JSON,
	    api_clock_start, "start an incident clock"),
	R("/api/v1/clocks/{name}/stop", POST, WRITE, NP(p_clock), LB_R_JSON,
	    api_clock_stop, "stop an incident clock: its deadline is met"),
	R("/api/v1/settings", GET, READ, NOPARAMS, 0, api_settings,
	    "the vault's settings"),
	R("/api/v1/journal/checkpoint", GET, READ, NOPARAMS, 0,
	    api_checkpoint, "the journal's head as COUNT:HASH"),
	R("/api/v1/verify", GET, ADM | AUD, NOPARAMS, 0, api_verify,
	    "prove the data matches the journal"),
	/* The web pages. */
	R("/assets/{name}", GET, PUB | ANY, NP(p_asset), 0, ui_asset,
	    "built-in style sheet"),
	R("/login", GET, PUB | ANY, NOPARAMS, LB_R_PAGE, ui_login,
	    "sign-in page"),
	R("/login", POST, PUB | ANY, NP(p_sign_in), LB_R_FORM | LB_R_PAGE |
	    LB_R_NOCSRF, ui_login_post, "sign in (form)"),
	R("/logout", POST, ANY, NP(p_csrf), LB_R_FORM | LB_R_PAGE, ui_logout,
	    "sign out (form)"),
	R("/", GET, ANY, NOPARAMS, LB_R_PAGE, ui_home,
	    "dashboard (staff), own shipments (client)"),
	R("/shipments", GET, ANY, NP(p_ship_page), LB_R_PAGE, ui_shipments,
	    "shipments with search and filters"),
	R("/shipments/{ref}", GET, ANY, NP(p_ref), LB_R_PAGE, ui_shipment,
	    "one shipment: status, lines, deadlines, actions"),
	R("/shipments/{ref}/pack", GET, READ, NP(p_ref), LB_R_PAGE, ui_pack,
	    "the release pack (PDF), or a page saying why not"),
	R("/shipments/{ref}/entry", POST, WRITE, NP(p_draw), LB_R_FORM |
	    LB_R_PAGE, ui_draw, "draw an entry number (form)"),
	R("/shipments/{ref}/release", POST, WRITE, NP(p_release), LB_R_FORM |
	    LB_R_PAGE, ui_ship_release, "record the paper release (form)"),
	R("/shipments/{ref}/fields", POST, WRITE, NP(p_setfield), LB_R_FORM |
	    LB_R_PAGE, ui_ship_set, "correct a field (form)"),
	R("/shipments/{ref}/void", POST, WRITE, NP(p_void_ship), LB_R_FORM |
	    LB_R_PAGE, ui_ship_void, "void its entry number (form)"),
	R("/shipments/{ref}/conflicts", POST, WRITE, NP(p_resolve_form),
	    LB_R_FORM | LB_R_PAGE, ui_ship_resolve,
	    "resolve a conflict with the feed (form)"),
	R("/deadlines", GET, READ | CLI, NP(p_dl_page), LB_R_PAGE,
	    ui_deadlines, "deadlines page (a client: its own)"),
	R("/conflicts", GET, READ, NOPARAMS, LB_R_PAGE, ui_conflicts,
	    "fields where the feed disagrees with what Lifeboat decided"),
	R("/recovery", GET, READ, NP(p_recovery), LB_R_PAGE, ui_recovery,
	    "recovery queue page"),
	R("/employees", GET, READ, NP(p_employees), LB_R_PAGE, ui_employees,
	    "employees (those who cannot be reached)"),
	R("/clients", GET, READ, NP(p_clients), LB_R_PAGE, ui_clients,
	    "clients (expired power of attorney, no contact)"),
	R("/users", GET, ADM, NOPARAMS, LB_R_PAGE, ui_users, "users page"),
	R("/users", POST, ADM, NP(p_user_add), LB_R_FORM | LB_R_PAGE,
	    ui_user_add, "add a user (form)"),
	R("/users/{name}/disable", POST, ADM, NP(p_user), LB_R_FORM |
	    LB_R_PAGE, ui_user_disable, "disable a user (form)"),
	R("/users/{name}/enable", POST, ADM, NP(p_user), LB_R_FORM |
	    LB_R_PAGE, ui_user_enable, "enable a user (form)"),
};
const size_t web_nroutes = sizeof(web_routes) / sizeof(web_routes[0]);

/*
 * lb_route_match wants an array of struct lb_route: web_route starts with
 * one, but the array's stride differs, so a copy is made once.
 */
static struct lb_route	table[sizeof(web_routes) / sizeof(web_routes[0])];

static void
fill_table(void)
{
	size_t	i;

	for (i = 0; i < web_nroutes; i++) {
		table[i] = web_routes[i].r;
		table[i].id = (int)i;
	}
}

const struct lb_route *
web_route_table(void)
{
	static pthread_once_t	once = PTHREAD_ONCE_INIT;

	(void)pthread_once(&once, fill_table);
	return table;
}

static const char *const ptypes[] = {
	"text", "key", "name", "int", "enum", "date", "entry", "importer",
	"cursor", "bool"
};

/* " name:in:type[:required],..." or " -". */
static void
print_params(const struct lb_route *r)
{
	const struct lb_param	*p;
	size_t			 i;

	printf(" ");
	if (r->nparams == 0)
		printf("-");
	for (i = 0; i < r->nparams; i++) {
		p = &r->params[i];
		printf("%s%s:%s:%s%s", i ? "," : "", p->name,
		    p->flags & LB_P_PATH ? "path" : p->flags & LB_P_QUERY ?
		    "query" : "body", (size_t)p->type < sizeof(ptypes) /
		    sizeof(ptypes[0]) ? ptypes[p->type] : "?",
		    p->flags & LB_P_REQUIRED ? ":required" : "");
	}
	printf("\n");
}

void
web_print_routes(void)
{
	static const struct {
		unsigned	 bit;
		const char	*name;
	} role_names[] = {
		{ LB_ROLE_PUBLIC, "public" }, { LB_ROLE_ADMIN, "admin" },
		{ LB_ROLE_STAFF, "staff" }, { LB_ROLE_CLIENT, "client" },
		{ LB_ROLE_AUDITOR, "auditor" },
	};
	char	methods[64];
	size_t	i, j;

	for (i = 0; i < web_nroutes; i++) {
		lb_http_allow(web_routes[i].r.methods & ~(unsigned)LB_M_HEAD,
		    methods, sizeof(methods));
		printf("%s %s ", methods, web_routes[i].r.path);
		for (j = 0; j < sizeof(role_names) / sizeof(role_names[0]); j++)
			if (web_routes[i].r.roles & role_names[j].bit)
				printf("%s%s", role_names[j].name,
				    web_routes[i].r.roles >> 1 >> j ? "," : "");
		printf(" %s%s%s%s",
		    web_routes[i].r.flags & LB_R_JSON ? "json" : "",
		    web_routes[i].r.flags & LB_R_FORM ? "form" : "",
		    web_routes[i].r.flags & LB_R_PAGE ? (web_routes[i].r.flags &
		    (LB_R_JSON | LB_R_FORM) ? ",page" : "page") : "",
		    (web_routes[i].r.flags & (LB_R_JSON | LB_R_FORM |
		    LB_R_PAGE)) == 0 ? "-" : "");
		print_params(&web_routes[i].r);
	}
}
