/*
 * demo.c: the demonstration brokerage generator (see demo.h).
 *
 * Every row is made from its own random stream, seeded from (seed, kind,
 * row number), so any client can be rebuilt on demand from its number:
 * shipments name their importer without a table of all clients in memory,
 * and the output does not depend on the order rows are made in.  Rows are
 * assembled field by field into a per-row arena, then written in the
 * column order of the kind's descriptor (kind.c), so a column moved there
 * moves here too; a column this generator fills that the descriptor lost
 * is an error at start-up, not a silently shifted file.
 *
 * Codes come from the real tables where we know them (Schedule D ports,
 * SCACs, IATA airline prefixes, HTS numbers, surety codes); the Schedule K
 * codes of some foreign ports and the FIRMS codes are plausible rather
 * than checked, and are marked so.  People, companies and addresses are
 * made up; telephone numbers use the 555-0100..0199 block that the North
 * American Numbering Plan keeps for fiction.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cbp.h"
#include "date.h"
#include "demo.h"
#include "kind.h"
#include "mem.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

#define IOBUF_SIZE	((size_t)64 * 1024)
#define ARENA_SIZE	4096	/* text of a row (the longest < 1500) */
#define FLUSH_AT	((size_t)32 * 1024)	/* rows per fwrite */
#define MAX_COLS	64
#define MAX_LINES	4	/* lines per shipment */

/* Dates kept formatted, around the base date. */
#define DATE_BEFORE	1500
#define DATE_AFTER	800
#define DATE_SPAN	(DATE_BEFORE + DATE_AFTER + 1)

#define DEFAULT_CLIENTS		200
#define DEFAULT_SHIPMENTS	5000
#define DEFAULT_EMPLOYEES	60

/* Random streams: one per kind of row. */
enum {
	S_PARAMS = 1,
	S_CLIENT,
	S_CONTACT,
	S_EMPLOYEE,
	S_SHIPMENT
};

/*
 * splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for
 * made-up data; each row seeds its own from a hash of (seed, stream, row).
 */
struct rng {
	uint64_t	s;
};

static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static uint64_t
rng_next(struct rng *r)
{
	r->s += UINT64_C(0x9e3779b97f4a7c15);
	return mix64(r->s);
}

static void
rng_init(struct rng *r, uint64_t seed, uint64_t stream, uint64_t row)
{
	r->s = mix64(seed ^ mix64(stream * UINT64_C(0x9e3779b97f4a7c15) ^
	    mix64(row + 1)));
}

/* 0..n-1 (the modulo bias is far below anything a reader could see). */
static uint64_t
rng_below(struct rng *r, uint64_t n)
{
	return n == 0 ? 0 : rng_next(r) % n;
}

/* lo..hi inclusive. */
static int64_t
rng_range(struct rng *r, int64_t lo, int64_t hi)
{
	return lo + (int64_t)rng_below(r, (uint64_t)(hi - lo) + 1);
}

/* True pct times in a hundred. */
static int
rng_pct(struct rng *r, unsigned pct)
{
	return rng_below(r, 100) < pct;
}

/* Index drawn with the given weights. */
static size_t
rng_weighted(struct rng *r, const unsigned *w, size_t n)
{
	uint64_t	total = 0, x;
	size_t		i;

	for (i = 0; i < n; i++)
		total += w[i];
	x = rng_below(r, total);
	for (i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

#define PICK(r, a)	((a)[rng_below((r), NELEM(a))])

/*
 * The tables.
 */

/* A name, and its ASCII spelling for e-mail addresses (NULL: the same). */
struct pname {
	const char	*s;
	const char	*ascii;
};

static const struct pname first_names[] = {
	{ "James", NULL }, { "Maria", NULL }, { "Robert", NULL },
	{ "Linda", NULL }, { "Michael", NULL }, { "Patricia", NULL },
	{ "David", NULL }, { "Jennifer", NULL }, { "Carlos", NULL },
	{ "Sofía", "sofia" }, { "Wei", NULL }, { "Mei", NULL },
	{ "Daniel", NULL }, { "Angela", NULL }, { "Thomas", NULL },
	{ "Rebecca", NULL }, { "Kevin", NULL }, { "Laura", NULL },
	{ "Jorge", NULL }, { "Ana", NULL }, { "Brian", NULL },
	{ "Michelle", NULL }, { "Anthony", NULL }, { "Stephanie", NULL },
	{ "Raj", NULL }, { "Priya", NULL }, { "Jason", NULL },
	{ "Nicole", NULL }, { "Eric", NULL }, { "Hannah", NULL },
	{ "Luis", NULL }, { "Verónica", "veronica" }, { "Steven", NULL },
	{ "Karen", NULL }, { "Minh", NULL }, { "Thuy", NULL },
	{ "Gregory", NULL }, { "Diane", NULL }, { "Samuel", NULL },
	{ "Olivia", NULL }, { "Hiroshi", NULL }, { "Yuki", NULL },
	{ "Marcus", NULL }, { "Tanya", NULL }, { "Patrick", NULL },
	{ "Erin", NULL }, { "José", "jose" }, { "Claire", NULL },
};

static const struct pname last_names[] = {
	{ "Nguyen", NULL }, { "Garcia", NULL }, { "Smith", NULL },
	{ "Johnson", NULL }, { "Martínez", "martinez" }, { "Chen", NULL },
	{ "Williams", NULL }, { "Rodriguez", NULL }, { "Brown", NULL },
	{ "Lee", NULL }, { "Hernández", "hernandez" }, { "Kim", NULL },
	{ "Patel", NULL }, { "Davis", NULL }, { "Lopez", NULL },
	{ "Wilson", NULL }, { "O'Brien", "obrien" }, { "Anderson", NULL },
	{ "Tanaka", NULL }, { "Gonzalez", NULL }, { "Thompson", NULL },
	{ "Wong", NULL }, { "Ramirez", NULL }, { "Moore", NULL },
	{ "Jackson", NULL }, { "Shah", NULL }, { "Flores", NULL },
	{ "Murphy", NULL }, { "Tran", NULL }, { "Sullivan", NULL },
	{ "Park", NULL }, { "Rivera", NULL }, { "Cohen", NULL },
	{ "Foster", NULL }, { "Huang", NULL }, { "Kowalski", NULL },
	{ "Reyes", NULL }, { "Bennett", NULL }, { "Okafor", NULL },
	{ "Castillo", NULL }, { "Fischer", NULL }, { "Hughes", NULL },
	{ "Singh", NULL }, { "Morales", NULL }, { "Price", NULL },
	{ "Yamamoto", NULL }, { "Delgado", NULL }, { "Walsh", NULL },
};

/* Drivers at the Mexican border, and elsewhere. */
static const char *const driver_first_mx[] = {
	"Juan", "José", "Luis", "Miguel", "Jesús", "Francisco", "Alejandro",
	"Ricardo", "Arturo", "Eduardo", "Héctor", "Raúl", "Sergio", "Javier",
	"Óscar", "Roberto"
};
static const char *const driver_last_mx[] = {
	"García", "Hernández", "Martínez", "López", "González", "Pérez",
	"Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz",
	"Cruz", "Morales", "Treviño"
};
static const char *const driver_first_ca[] = {
	"Mark", "Paul", "Steve", "Dave", "Rick", "Jean-Luc", "Gurpreet",
	"Harjit", "Tom", "Mike", "Pierre", "Brent"
};
static const char *const driver_last_ca[] = {
	"Tremblay", "Gagnon", "MacDonald", "Sidhu", "Gill", "Campbell",
	"Roy", "Wilson", "Côté", "Bouchard", "Dhillon", "Fraser"
};

/* Client names: [place-ish] [trade] [business] [legal form]. */
static const char *const client_w1[] = {
	"Pacific Rim", "Atlantic", "Golden Gate", "Blue Ridge", "Summit",
	"Harbor", "Coastal", "Evergreen", "Pioneer", "Liberty", "Cascade",
	"Redwood", "Lakeshore", "Gulf Coast", "Silverline", "Northstar",
	"Keystone", "Heartland", "Sierra", "Meridian", "Bayview", "Frontier",
	"Prairie", "Magnolia", "Granite", "Crescent", "Riverbend", "Canyon",
	"Sunbelt", "Tidewater", "Great Lakes", "Lone Star"
};
static const char *const client_w2[] = {
	"Home", "Trade", "Outdoor", "Apparel", "Electronics", "Furniture",
	"Toy", "Footwear", "Kitchen", "Auto Parts", "Lighting", "Textile",
	"Housewares", "Sporting Goods", "Pet Supply", "Garden", "Mobility",
	"Power", "Food", "Consumer", "Industrial", "Hardware"
};
static const char *const client_w3[] = {
	"Imports", "Trading", "Distribution", "Brands", "Sourcing",
	"Products", "Wholesale", "Group", "International", "Supply"
};
static const char *const client_suffix_us[] = {
	"Inc", "Inc", "LLC", "LLC", "LLC", "Corp", "Co"
};

/* US places: city, state, ZIP code, area code. */
struct place {
	const char	*city;
	const char	*state;
	const char	*zip;
	const char	*area;
};

static const struct place places[] = {
	{ "Los Angeles", "CA", "90021", "213" },
	{ "Long Beach", "CA", "90813", "562" },
	{ "Ontario", "CA", "91761", "909" },
	{ "City of Industry", "CA", "91745", "626" },
	{ "Carson", "CA", "90746", "310" },
	{ "Fontana", "CA", "92335", "909" },
	{ "Newark", "NJ", "07105", "973" },
	{ "Edison", "NJ", "08837", "732" },
	{ "Secaucus", "NJ", "07094", "201" },
	{ "Brooklyn", "NY", "11232", "718" },
	{ "Houston", "TX", "77029", "713" },
	{ "Laredo", "TX", "78045", "956" },
	{ "Dallas", "TX", "75247", "214" },
	{ "El Paso", "TX", "79936", "915" },
	{ "Chicago", "IL", "60638", "312" },
	{ "Elk Grove Village", "IL", "60007", "847" },
	{ "Atlanta", "GA", "30336", "404" },
	{ "Savannah", "GA", "31408", "912" },
	{ "Charleston", "SC", "29405", "843" },
	{ "Miami", "FL", "33166", "305" },
	{ "Seattle", "WA", "98108", "206" },
	{ "Tacoma", "WA", "98421", "253" },
	{ "Portland", "OR", "97217", "503" },
	{ "Memphis", "TN", "38118", "901" },
	{ "Nashville", "TN", "37210", "615" },
	{ "Columbus", "OH", "43228", "614" },
	{ "Detroit", "MI", "48209", "313" },
	{ "Minneapolis", "MN", "55413", "612" },
	{ "Denver", "CO", "80216", "303" },
	{ "Phoenix", "AZ", "85043", "602" },
	{ "Salt Lake City", "UT", "84104", "801" },
	{ "Baltimore", "MD", "21224", "410" },
	{ "Norfolk", "VA", "23502", "757" },
	{ "Boston", "MA", "02128", "617" },
	{ "Philadelphia", "PA", "19148", "215" },
	{ "Kansas City", "MO", "64120", "816" },
	{ "Louisville", "KY", "40213", "502" },
	{ "Indianapolis", "IN", "46241", "317" },
	{ "Charlotte", "NC", "28208", "704" },
	{ "San Juan", "PR", "00920", "787" },
};

static const char *const streets[] = {
	"Commerce Way", "Industrial Pkwy", "E Alondra Blvd", "Harbor Blvd",
	"Distribution Dr", "Logistics Ct", "Port Rd", "Airport Rd",
	"Main St", "Market St", "Eastern Ave", "Warehouse Ln",
	"Trade Center Dr", "Gateway Blvd", "Mission Blvd", "Foothill Blvd",
	"Valley View Ave", "Jefferson St", "Pioneer Dr", "Corporate Dr",
	"Export Blvd", "Enterprise Ave", "Railroad Ave", "Wharf St"
};

/*
 * Non-resident importers: they have no EIN and use a CBP-assigned number.
 * The street is written before the number where that is the local custom.
 */
struct abroad {
	const char	*country;
	const char	*city;
	const char	*postal;
	const char	*street;
	int		 number_after;
	const char	*area;	/* NANP area code, or NULL */
	const char	*tld;
	const char	*suffix;
	const char	*port;	/* where CBP assigned the number */
};

static const struct abroad abroads[] = {
	{ "CA", "Vancouver", "V6C 3E8", "W Hastings St", 0, "604", "ca",
	    "Ltd", "3004" },
	{ "CA", "Mississauga", "L5T 2N7", "Courtneypark Dr E", 0, "905",
	    "ca", "Inc", "0901" },
	{ "CA", "Montréal", "H4T 1V8", "rue Ferrier", 0, "514", "ca",
	    "Inc", "0712" },
	{ "MX", "Monterrey", "64000", "Av. Constitución", 1, NULL, "com.mx",
	    "SA de CV", "2304" },
	{ "MX", "Tijuana", "22500", "Blvd. Agua Caliente", 1, NULL,
	    "com.mx", "S de RL de CV", "2504" },
	{ "DE", "Hamburg", "20457", "Am Sandtorkai", 1, NULL, "de", "GmbH",
	    "1001" },
	{ "GB", "Felixstowe", "IP11 3SY", "Walton Avenue", 0, NULL, "co.uk",
	    "Ltd", "2704" },
};

static const char *const cbp_years[] = {
	"98", "03", "09", "14", "17", "19", "21", "23"
};

/* IRS campus EIN prefixes. */
static const char *const ein_prefixes[] = {
	"11", "13", "20", "22", "26", "27", "33", "35", "36", "38", "45",
	"46", "47", "52", "54", "56", "58", "59", "61", "65", "68", "74",
	"75", "77", "81", "82", "84", "87", "88", "91", "93", "94", "95",
	"98"
};

static const char *const sureties[] = { "457", "739", "161" };

/* Bond types of resident importers: mostly continuous. */
static const int bond_types[] = { 8, 9, 0 };
static const unsigned bond_weights[] = { 82, 12, 6 };

static const char *const pga_notes[] = {
	"FDA: registered food facility, FFRN on file; prior notice filed "
	    "by broker.",
	"APHIS Lacey Act declaration (PPQ 505) needed for wood furniture; "
	    "genus/species list kept with the POA.",
	"CPSC: children's product certificates held by importer; confirm "
	    "eFiling before release.",
	"FCC: Form 740 data on file for RF devices (equipment class "
	    "\"radio\").",
	"EPA: TSCA positive certification for chemicals; FIFRA Notice of "
	    "Arrival for disinfectants.",
	"DOE: energy conservation certification on file for cooking "
	    "appliances.",
	"NHTSA: HS-7 box 2A for motor vehicle equipment; FMVSS "
	    "certification on file.",
	"USDA APHIS VS permit on file for pet food with animal-origin "
	    "ingredients.",
};

static const char *const contact_roles[] = {
	"Logistics Manager", "Import Coordinator", "Supply Chain Director",
	"Controller", "Owner", "Compliance Manager", "Purchasing Manager",
	"Operations Director", "Import Specialist", "CFO"
};

/* The brokerage. */
#define BROKER_NAME	"Harborline Customs Brokerage LLC"
#define BROKER_DOMAIN	"harborlinecustoms.com"
#define BROKER_FILERS	LB_DEMO_FILER_MAIN ";" LB_DEMO_FILER_BORDER
#define BROKER_PORTS	"2704;2709;2720;1001;4701;5301;2304;3801;3901"
#define FILER_MAIN	LB_DEMO_FILER_MAIN
#define FILER_BORDER	LB_DEMO_FILER_BORDER

struct office {
	const char	*name;
	const char	*area;
};

static const struct office offices[] = {
	{ "Long Beach", "562" },
	{ "Newark", "973" },
	{ "Laredo", "956" },
	{ "Houston", "713" },
	{ "Chicago", "312" },
};
static const unsigned office_weights[] = { 35, 20, 15, 15, 15 };

enum role {
	ROLE_LCB,
	ROLE_WRITER,
	ROLE_OPS,
	ROLE_IT,
	ROLE_ACCOUNTING
};
static const char *const role_names[] = {
	"Licensed Customs Broker", "Entry Writer", "Operations Manager",
	"IT Security Lead", "Accounting"
};
static const unsigned role_weights[] = { 20, 58, 5, 2, 15 };

static const char *const mail_domains[] = {
	"gmail.com", "outlook.com", "yahoo.com"
};
static const unsigned mail_weights[] = { 55, 25, 20 };
static const char *const sms_domains[] = {
	"vtext.com", "tmomail.net", "txt.att.net"
};

/* Partner government agencies, in the order they are listed. */
#define PGA_APHIS	0x01
#define PGA_CPSC	0x02
#define PGA_DOE		0x04
#define PGA_EPA		0x08
#define PGA_FCC		0x10
#define PGA_FDA		0x20
#define PGA_NHTSA	0x40
#define PGA_USDA	0x80
static const char *const pga_names[] = {
	"APHIS", "CPSC", "DOE", "EPA", "FCC", "FDA", "NHTSA", "USDA"
};

/*
 * Goods: HTS number (2025 schedule), descriptions, units (NULL unit: the
 * statistical unit is "X", no quantity reported), general duty rate in
 * hundredths of a percent, agencies, unit price range in cents, quantity
 * range on an ocean shipment, grams per unit.
 */
enum {
	P_BATT, P_LAPTOP, P_NET, P_TABLE, P_BEDROOM, P_BINS, P_SWEAT, P_DENIM,
	P_SHOES, P_RANGE, P_TOYS, P_BODY, P_FOOD, P_WIPES, P_PETFOOD
};

struct product {
	const char	*hts;
	const char	*desc[2];
	const char	*unit;
	const char	*unit2;
	int		 rate_bp;
	const char	*rate;
	unsigned	 pga;
	int64_t		 pmin, pmax;
	int64_t		 qlo, qhi;
	int64_t		 grams;
};

static const struct product products[] = {
	[P_BATT] = { "8507600020", { "Lithium-ion battery packs for e-bikes, "
	    "48V", "Lithium-ion power tool batteries, 18V" }, "NO", NULL, 340,
	    "3.4%", 0, 4500, 16000, 200, 3000, 2800 },
	[P_LAPTOP] = { "8471300100", { "Notebook computers, 14-inch",
	    "Rugged tablet computers" }, "NO", NULL, 0, "Free", PGA_FCC,
	    28000, 95000, 100, 1500, 2300 },
	[P_NET] = { "8517620090", { "Wireless routers, dual-band",
	    "Managed network switches, 24-port" }, "NO", NULL, 0, "Free",
	    PGA_FCC, 2500, 24000, 200, 4000, 1200 },
	[P_TABLE] = { "9403608081", { "Wooden dining tables, oak veneer",
	    "Wooden TV stands and media cabinets" }, "NO", NULL, 0, "Free",
	    PGA_APHIS, 6000, 38000, 40, 600, 30000 },
	/* HTS statistical suffix to confirm. */
	[P_BEDROOM] = { "9403509080", { "Wooden bedroom dressers",
	    "Wooden nightstands" }, "NO", NULL, 0, "Free", PGA_APHIS, 5000,
	    30000, 40, 600, 35000 },
	[P_BINS] = { "3926909985", { "Plastic storage bins with lids",
	    "Plastic drawer organizers" }, NULL, NULL, 530, "5.3%", 0, 150,
	    900, 1000, 20000, 800 },
	[P_SWEAT] = { "6110202079", { "Men's cotton knit pullovers",
	    "Men's cotton crew-neck sweaters" }, "DOZ", "KG", 1650, "16.5%",
	    0, 5500, 14000, 100, 3000, 4200 },
	[P_DENIM] = { "6204624011", { "Women's blue denim trousers, cotton",
	    "Women's cotton denim jeans" }, "DOZ", "KG", 1660, "16.6%", 0,
	    7000, 19000, 100, 3000, 7500 },
	[P_SHOES] = { "6402993165", { "Men's athletic shoes, rubber soles",
	    "Men's rubber-soled sneakers" }, "PRS", NULL, 600, "6%", 0, 700,
	    2600, 500, 12000, 900 },
	[P_RANGE] = { "8516604060", { "Electric cooking ranges, 30-inch",
	    "Electric wall ovens" }, "NO", NULL, 270, "2.7%", PGA_DOE, 24000,
	    72000, 20, 400, 60000 },
	[P_TOYS] = { "9503000073", { "Plastic toy figures and playsets",
	    "Toy building block sets" }, "NO", NULL, 0, "Free", PGA_CPSC,
	    200, 1400, 1000, 30000, 400 },
	[P_BODY] = { "8708295160", { "Steel door panels for passenger "
	    "vehicles", "Vehicle hood and fender stampings" }, NULL, NULL, 250,
	    "2.5%", 0, 3500, 22000, 50, 3000, 12000 },
	[P_FOOD] = { "2106909998", { "Seasoning blends in bulk bags",
	    "Instant noodle seasoning sachets" }, "KG", NULL, 640, "6.4%",
	    PGA_FDA, 300, 900, 500, 20000, 1000 },
	/* HTS statistical suffix to confirm. */
	[P_WIPES] = { "3808945090", { "Disinfectant wipes, EPA registered",
	    "Disinfectant spray concentrate" }, "KG", NULL, 500, "5%", PGA_EPA,
	    200, 600, 500, 15000, 1000 },
	/* HTS statistical suffix to confirm. */
	[P_PETFOOD] = { "2309100090", { "Dry dog food in retail bags",
	    "Cat treats with chicken" }, "KG", NULL, 0, "Free",
	    PGA_FDA | PGA_USDA, 200, 700, 1000, 20000, 1000 },
};

/* The antidumping order on wooden bedroom furniture from China. */
#define ADCVD_BEDROOM	"A-570-890-000"

enum region {
	R_EAST_ASIA,
	R_SOUTH_ASIA,	/* and South-East Asia */
	R_EUROPE,
	R_MEXICO,
	R_CANADA
};

/*
 * Manufacturers (made up) with the address the MID is built from.  The
 * lading port is a Schedule K code; those marked "?" are to confirm.
 */
struct maker {
	const char	*name;
	const char	*country;
	const char	*mid_country;	/* Canada: CBP's province code */
	const char	*street;
	const char	*city;
	const char	*lading;
	enum region	 region;
	unsigned	 weight;
	int		 goods[3];
	int		 ngoods;
};

static const struct maker makers[] = {
	{ "Shenzhen Eletek Power Co Ltd", "CN", "CN",
	    "Building 3, 1234 Bulong Road", "Shenzhen", "57078", R_EAST_ASIA,
	    12, { P_BATT, P_LAPTOP, P_NET }, 3 },
	{ "Ningbo Haitian Plastic Products Co Ltd", "CN", "CN",
	    "No. 1688 Jiangnan Road", "Ningbo", "57020", R_EAST_ASIA, 8,
	    { P_BINS, P_TOYS }, 2 },
	{ "Dongguan Everwin Furniture Co Ltd", "CN", "CN",
	    "88 Huanzhen Road, Dalang Town", "Dongguan", "57078", R_EAST_ASIA,
	    8, { P_TABLE, P_BEDROOM }, 2 },
	{ "Xiamen Goldstar Footwear Co Ltd", "CN", "CN",
	    "2012 Haicang Avenue", "Xiamen", "57069", R_EAST_ASIA, 5,
	    { P_SHOES }, 1 },
	{ "Yiwu Sunrise Toys Co Ltd", "CN", "CN", "399 Chouzhou North Road",
	    "Yiwu", "57020", R_EAST_ASIA, 6, { P_TOYS }, 1 },
	{ "Foshan Kingwell Appliance Co Ltd", "CN", "CN",
	    "15 Xingye Road, Shunde", "Foshan", "57078", R_EAST_ASIA, 4,
	    { P_RANGE }, 1 },
	{ "Qingdao Oceanic Foods Co Ltd", "CN", "CN", "276 Huangdao Road",
	    "Qingdao", "57047", R_EAST_ASIA, 3, { P_FOOD, P_PETFOOD }, 2 },
	{ "Suzhou Brightclean Hygiene Products Co Ltd", "CN", "CN",
	    "58 Suhong West Road", "Suzhou", "57035", R_EAST_ASIA, 3,
	    { P_WIPES }, 1 },
	{ "Viet Thang Garment Joint Stock Co", "VN", "VN",
	    "127 Le Van Chi Street", "Ho Chi Minh City", "55224" /* ? */,
	    R_SOUTH_ASIA, 6, { P_SWEAT, P_DENIM }, 2 },
	{ "Saigon Stride Footwear Co Ltd", "VN", "VN",
	    "Lot 25, Tan Thuan Export Processing Zone", "Ho Chi Minh City",
	    "55224" /* ? */, R_SOUTH_ASIA, 4, { P_SHOES }, 1 },
	{ "Binh Duong Oakline Furniture Co Ltd", "VN", "VN",
	    "9 DT743 Street", "Thu Dau Mot", "55224" /* ? */, R_SOUTH_ASIA,
	    4, { P_TABLE }, 1 },
	{ "Tirupur Knit Exports Pvt Ltd", "IN", "IN", "45 Avinashi Road",
	    "Tirupur", "53313" /* ? */, R_SOUTH_ASIA, 4,
	    { P_SWEAT, P_DENIM }, 2 },
	{ "Hanil Precision Co Ltd", "KR", "KR",
	    "123 Gongdan-ro, Seongsan-gu", "Changwon", "58023", R_EAST_ASIA,
	    4, { P_BODY, P_BATT }, 2 },
	{ "Takahashi Denki Co Ltd", "JP", "JP", "2-15 Minatomirai",
	    "Yokohama", "58895" /* ? */, R_EAST_ASIA, 3, { P_NET, P_BATT },
	    2 },
	{ "Formosa Netcom Technology Co Ltd", "TW", "TW",
	    "No. 88 Zhongshan Road, Section 2", "Taichung", "58309",
	    R_EAST_ASIA, 4, { P_NET, P_LAPTOP }, 2 },
	{ "Kessler Hausgeraete GmbH", "DE", "DE", "Industriestrasse 42",
	    "Stuttgart", "42879" /* ? */, R_EUROPE, 3, { P_RANGE }, 1 },
	{ "Calzaturificio Rossi SRL", "IT", "IT", "Via Roma 120", "Padova",
	    "47527" /* ? */, R_EUROPE, 2, { P_SHOES }, 1 },
	/* Across the land borders, by truck. */
	{ "Autopartes Garza SA de CV", "MX", "MX", "Calle 5 de Mayo 1450",
	    "Saltillo", NULL, R_MEXICO, 5, { P_BODY }, 1 },
	{ "Industrias Plasticas del Norte SA de CV", "MX", "MX",
	    "Av. Ruiz Cortines 2800", "Monterrey", NULL, R_MEXICO, 3,
	    { P_BINS, P_TOYS }, 2 },
	{ "Muebles Finos de Jalisco SA de CV", "MX", "MX",
	    "Av. Lopez Mateos Sur 2375", "Zapopan", NULL, R_MEXICO, 3,
	    { P_TABLE }, 1 },
	{ "Electrodomesticos Regio SA de CV", "MX", "MX",
	    "Av. Industrial 501", "Apodaca", NULL, R_MEXICO, 2, { P_RANGE },
	    1 },
	{ "Maple Leaf Auto Stampings Inc", "CA", "XO", "2150 Industrial Rd",
	    "Windsor", NULL, R_CANADA, 3, { P_BODY }, 1 },
	{ "Great Lakes Home Products Ltd", "CA", "XO", "880 Walker Rd",
	    "Windsor", NULL, R_CANADA, 2, { P_BINS }, 1 },
};

/* Ocean carriers and some of their ships. */
struct liner {
	const char	*scac;
	const char	*ships[3];
};

static const struct liner liners[] = {
	{ "MAEU", { "MAERSK ESSEN", "MAERSK KENSINGTON", "MAERSK EINDHOVEN" } },
	{ "MSCU", { "MSC GULSUN", "MSC ANNA", "MSC AMBRA" } },
	{ "CMDU", { "CMA CGM MARCO POLO", "CMA CGM BENJAMIN FRANKLIN",
	    "CMA CGM LOUVRE" } },
	{ "HLCU", { "BERLIN EXPRESS", "HAMBURG EXPRESS", "BASLE EXPRESS" } },
	{ "ONEY", { "ONE APUS", "ONE STORK", "ONE HARMONY" } },
	{ "EGLV", { "EVER ACE", "EVER GLOBE", "EVER LUNAR" } },
	{ "COSU", { "COSCO SHIPPING UNIVERSE", "COSCO PRIDE",
	    "COSCO DEVELOPMENT" } },
};

/* NVOCCs issuing house bills. */
static const char *const nvoccs[] = { "EXDO", "KHNN", "FLXT" };

/* Airlines: IATA code, air waybill prefix, name. */
struct airline {
	const char	*code;
	const char	*prefix;
	const char	*name;
};

static const struct airline airlines[] = {
	{ "CX", "160", "Cathay Pacific Cargo" },
	{ "KE", "180", "Korean Air Cargo" },
	{ "LH", "020", "Lufthansa Cargo" },
	{ "CI", "297", "China Airlines Cargo" },
	{ "NH", "205", "ANA Cargo" },
	{ "BR", "695", "EVA Air Cargo" },
	{ "CV", "172", "Cargolux" },
	{ "CA", "999", "Air China Cargo" },
	{ "TK", "235", "Turkish Cargo" },
};

static const char *const truckers[] = { "SWFT", "JBHT", "SNDR" };

/* FIRMS codes by port of entry: the format is real, the codes made up. */
struct firms {
	const char	*port;
	const char	*codes[2];
};

static const struct firms firms[] = {
	{ "2704", { "Y258", "Y773" } },
	{ "2709", { "Y790", "W183" } },
	{ "2720", { "W240", "M125" } },
	{ "1001", { "E071", "E213" } },
	{ "4701", { "E588", "K105" } },
	{ "5301", { "N703", "N318" } },
	{ "2304", { "L017", "L355" } },
	{ "3801", { "D712", "D035" } },
	{ "3901", { "H541", "H208" } },
};

/*
 * Output: one table per file.
 */

enum {
	F_BROKERAGE, F_CLIENTS, F_CONTACTS, F_EMPLOYEES, F_SHIPMENTS, F_LINES,
	F_STATEMENTS
};
static const char *const out_files[] = {
	"brokerage.csv", "clients.csv", "contacts.csv", "employees.csv",
	"shipments.csv", "lines.csv", "statements.csv"
};

/* A bounded string builder over a caller's buffer; always NUL-ended. */
struct sbuf {
	char	*p;
	size_t	 n;
	size_t	 cap;
	int	 over;
};

static void
sb_init(struct sbuf *b, char *p, size_t cap)
{
	b->p = p;
	b->n = 0;
	b->cap = cap;
	b->over = cap == 0;
	if (cap > 0)
		p[0] = '\0';
}

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->over || n >= b->cap - b->n) {
		b->over = 1;
		return;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
sb_adds(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void
sb_addc(struct sbuf *b, char c)
{
	sb_add(b, &c, 1);
}

/* v in decimal, zero-padded to width digits. */
static void
sb_addu(struct sbuf *b, uint64_t v, int width)
{
	char	d[24];
	size_t	n = 0;

	do {
		d[sizeof(d) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n < (size_t)width && n < 20)
		d[sizeof(d) - 1 - n++] = '0';
	sb_add(b, d + sizeof(d) - n, n);
}

static void
sb_addmoney(struct sbuf *b, int64_t cents)
{
	sb_addu(b, (uint64_t)(cents / 100), 1);
	sb_addc(b, '.');
	sb_addu(b, (uint64_t)(cents % 100), 2);
}

/* The lowercase ASCII letters and digits of s. */
static void
sb_addslug(struct sbuf *b, const char *s)
{
	char	c;

	for (; *s != '\0'; s++) {
		c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			sb_addc(b, c);
	}
}

/* "(AAA) 555-01NN", a NANP number in the block kept for fiction. */
static void
sb_addphone(struct sbuf *b, const char *area, struct rng *r)
{
	sb_addc(b, '(');
	sb_adds(b, area);
	sb_adds(b, ") 555-01");
	sb_addu(b, rng_below(r, 100), 2);
}

struct table {
	const char		*file;
	const struct lb_kind	*k;
	int			 map[MAX_COLS];	/* field -> column */
	FILE			*fp;
	char			*iobuf;
	struct lb_buf		 tmp;	/* dir/file.tmp */
	struct lb_buf		 line;
	const char		*val[MAX_COLS];
	size_t			 len[MAX_COLS];
	char			 arena[ARENA_SIZE];
	size_t			 used;
	int			 overflow;
};

/* Fields of each kind this generator fills, by name. */
enum {
	B_LICENSE, B_NAME, B_FILERS, B_PORTS, B_PERMIT, B_ADDR1, B_ADDR2,
	B_CITY, B_STATE, B_ZIP, B_COUNTRY, B_PHONE, B_EMAIL, B_SIGNER,
	B_TITLE, B_NFIELDS
};
static const char *const brokerage_fields[] = {
	"license_number", "name", "filer_codes", "ports", "permit_number",
	"address1", "address2", "city", "state", "postal_code", "country",
	"phone", "email", "signer_name", "signer_title"
};
_Static_assert(NELEM(brokerage_fields) == B_NFIELDS, "brokerage fields");

enum {
	C_NUMBER, C_NAME, C_ADDR1, C_ADDR2, C_CITY, C_STATE, C_ZIP,
	C_COUNTRY, C_BOND, C_SURETY, C_BOND_AMOUNT, C_POA, C_PMS, C_ACH,
	C_EMAIL, C_PGA, C_NFIELDS
};
static const char *const client_fields[] = {
	"importer_number", "name", "address1", "address2", "city", "state",
	"postal_code", "country", "bond_type", "surety_code", "bond_amount",
	"poa_expiry", "pms", "ach_payer_unit", "email", "pga_notes"
};
_Static_assert(NELEM(client_fields) == C_NFIELDS, "client fields");

enum {
	K_NUMBER, K_EMAIL, K_NAME, K_ROLE, K_PHONE, K_MOBILE, K_NOTIFY,
	K_NFIELDS
};
static const char *const contact_fields[] = {
	"importer_number", "email", "name", "role", "phone", "mobile",
	"notify"
};
_Static_assert(NELEM(contact_fields) == K_NFIELDS, "contact fields");

enum {
	E_ID, E_NAME, E_ROLE, E_OFFICE, E_WORK, E_PERSONAL, E_MOBILE, E_HOME,
	E_SMS, E_REPORTS, E_ORDER, E_SIGN, E_NFIELDS
};
static const char *const employee_fields[] = {
	"employee_id", "name", "role", "office", "work_email",
	"personal_email", "mobile", "home_phone", "sms_gateway", "reports_to",
	"call_order", "can_sign"
};
_Static_assert(NELEM(employee_fields) == E_NFIELDS, "employee fields");

enum {
	H_REF, H_IMPORTER, H_STATUS, H_MODE, H_SCAC, H_BILL, H_HOUSE, H_TRIP,
	H_CONVEYANCE, H_PORT, H_UNLADING, H_LADING, H_FIRMS, H_GO,
	H_ARRIVAL, H_IMPORT, H_EXPORT, H_EXPORT_COUNTRY, H_ORIGIN, H_ENTRY,
	H_ENTRY_TYPE, H_ENTRY_DATE, H_RELEASE, H_VALUE, H_BOND, H_BOND_AMOUNT,
	H_IT, H_IT_DATE, H_MANIFEST_QTY, H_MANIFEST_UNIT, H_WEIGHT,
	H_CONSIGNEE_NUMBER, H_CONSIGNEE, H_BUYER, H_SELLER, H_SELLER_ID,
	H_MAKER, H_MID, H_DRIVER, H_DOB, H_PLATE, H_ACE_TRIP, H_PGA, H_DESC,
	H_SUMMARY, H_STATEMENT,
	H_NFIELDS
};
static const char *const shipment_fields[] = {
	"ref", "importer_number", "status", "mode", "carrier_scac", "bill",
	"house_bill", "trip", "conveyance", "port_entry", "port_unlading",
	"foreign_port_lading", "location_of_goods", "go_number",
	"arrival_date", "import_date", "export_date", "export_country",
	"country_origin", "entry_number", "entry_type", "entry_date",
	"release_date", "entered_value", "bond_type", "bond_amount",
	"it_number", "it_date", "manifest_qty", "manifest_unit",
	"gross_weight_kg", "consignee_number", "consignee_name", "buyer_name",
	"seller_name", "seller_id", "manufacturer_name", "manufacturer_id",
	"driver_name", "driver_dob", "truck_plate", "ace_trip_number",
	"pga_flags", "description", "summary_date", "statement_number"
};
_Static_assert(NELEM(shipment_fields) == H_NFIELDS, "shipment fields");

enum {
	T_NUMBER, T_TYPE, T_DATE, T_IMPORTER, T_AMOUNT, T_AUTHORIZED, T_PAID,
	T_NFIELDS
};
static const char *const statement_fields[] = {
	"statement_number", "type", "statement_date", "importer_number",
	"amount", "authorized_date", "paid_date"
};
_Static_assert(NELEM(statement_fields) == T_NFIELDS, "statement fields");

enum {
	L_REF, L_NO, L_HTS, L_ORIGIN, L_MID, L_DESC, L_VALUE, L_QTY, L_UNIT,
	L_QTY2, L_UNIT2, L_WEIGHT, L_ADCVD, L_RATE, L_DUTY, L_NFIELDS
};
static const char *const line_fields[] = {
	"shipment_ref", "line_no", "hts", "country_origin", "manufacturer_id",
	"description", "value", "quantity", "unit", "quantity2", "unit2",
	"gross_weight_kg", "adcvd_case", "duty_rate", "duty"
};
_Static_assert(NELEM(line_fields) == L_NFIELDS, "line fields");

static void
row_begin(struct table *t)
{
	size_t	i;

	for (i = 0; i < t->k->ncols; i++) {
		t->val[i] = NULL;
		t->len[i] = 0;
	}
	t->used = 0;
}

/* Set field f to s, which must live as long as the row. */
static void
put(struct table *t, int f, const char *s)
{
	int	c = t->map[f];

	t->val[c] = s;
	t->len[c] = strlen(s);
}

/* Start a value built in the row's arena; field_end() sets the field. */
static void
field_begin(struct table *t, struct sbuf *b)
{
	sb_init(b, t->arena + t->used, sizeof(t->arena) - t->used);
}

static void
field_end(struct table *t, int f, struct sbuf *b)
{
	int	c = t->map[f];

	if (b->over) {
		t->overflow = 1;
		return;
	}
	t->val[c] = b->p;
	t->len[c] = b->n;
	t->used += b->n + 1;
}

static void
put_u(struct table *t, int f, uint64_t v, int width)
{
	struct sbuf	b;

	field_begin(t, &b);
	sb_addu(&b, v, width);
	field_end(t, f, &b);
}

static void
put_money(struct table *t, int f, int64_t cents)
{
	struct sbuf	b;

	field_begin(t, &b);
	sb_addmoney(&b, cents);
	field_end(t, f, &b);
}

static void
put_bool(struct table *t, int f, int v)
{
	put(t, f, v ? "true" : "false");
}

/* Hand the rows gathered in t->line to stdio. */
static int
table_flush(struct table *t, struct lb_err *e)
{
	if (lb_buf_error(&t->line) != 0)
		return lb_error(e, "demo: %s: out of memory", t->file);
	if (t->line.len > 0 &&
	    fwrite(t->line.data, 1, t->line.len, t->fp) != t->line.len)
		return lb_error(e, "%s: %s", lb_buf_cstr(&t->tmp),
		    strerror(errno));
	lb_buf_reset(&t->line);
	return 0;
}

/*
 * Append the row to t->line; rows go to the file a block at a time.  The
 * separators before a value are added in one call, empty fields and all.
 */
#define COMMAS8	",,,,,,,,"
static const char commas[] = COMMAS8 COMMAS8 COMMAS8 COMMAS8 COMMAS8 COMMAS8
    COMMAS8 COMMAS8;
_Static_assert(sizeof(commas) - 1 >= MAX_COLS - 1, "a comma per column");

static int
row_end(struct table *t, struct lb_err *e)
{
	size_t	i, pending = 0;
	int	first = 1;

	if (t->overflow)
		return lb_error(e, "demo: a row of %s outgrew its %d bytes",
		    t->file, ARENA_SIZE);
	for (i = 0; i < t->k->ncols; i++) {
		if (t->k->cols[i].flags & LB_COL_DERIVED)
			continue;
		if (!first)
			pending++;
		first = 0;
		if (t->val[i] == NULL)
			continue;
		lb_buf_add(&t->line, commas, pending);
		pending = 0;
		lb_buf_add_csv_field(&t->line, t->val[i], t->len[i]);
	}
	lb_buf_add(&t->line, commas, pending);
	lb_buf_addc(&t->line, '\n');
	if (t->line.len >= FLUSH_AT || lb_buf_error(&t->line) != 0)
		return table_flush(t, e);
	return 0;
}

static void
table_init(struct table *t)
{
	memset(t, 0, sizeof(*t));
	lb_buf_init(&t->tmp, 4096);
	lb_buf_init(&t->line, (size_t)1 << 20);
}

/*
 * Open dir/file.tmp for kind and write the header row: the kind's columns
 * in descriptor order, derived ones left out.
 */
static int
table_open(struct table *t, const char *dir, const char *file,
    const char *kind, const char *const *fields, int nfields,
    struct lb_err *e)
{
	size_t	i;
	int	f, c, fd, first = 1;

	t->file = file;
	if ((t->k = lb_kind_find(kind)) == NULL)
		return lb_error(e, "demo: no kind \"%s\"", kind);
	if (t->k->ncols > MAX_COLS)
		return lb_error(e, "demo: kind %s has %zu columns, at most %d "
		    "handled", kind, t->k->ncols, MAX_COLS);
	for (f = 0; f < nfields; f++) {
		c = lb_kind_col(t->k, fields[f]);
		if (c == -1 || (t->k->cols[c].flags & LB_COL_DERIVED))
			return lb_error(e, "demo: kind %s has no column \"%s\" "
			    "to import", kind, fields[f]);
		t->map[f] = c;
	}
	lb_buf_adds(&t->tmp, dir);
	lb_buf_addc(&t->tmp, '/');
	lb_buf_adds(&t->tmp, file);
	lb_buf_adds(&t->tmp, ".tmp");
	if (lb_buf_error(&t->tmp) != 0)
		return lb_error(e, "%s: directory name too long", dir);
	if ((t->iobuf = lb_mallocarray(1, IOBUF_SIZE)) == NULL)
		return lb_error(e, "out of memory");
	fd = open(lb_buf_cstr(&t->tmp), O_WRONLY | O_CREAT | O_TRUNC |
	    O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd == -1)
		return lb_error(e, "%s: %s", lb_buf_cstr(&t->tmp),
		    strerror(errno));
	if ((t->fp = fdopen(fd, "w")) == NULL) {
		lb_error(e, "%s: %s", lb_buf_cstr(&t->tmp), strerror(errno));
		(void)close(fd);
		(void)unlink(lb_buf_cstr(&t->tmp));
		return -1;
	}
	if (setvbuf(t->fp, t->iobuf, _IOFBF, IOBUF_SIZE) != 0)
		return lb_error(e, "%s: cannot set its buffer",
		    lb_buf_cstr(&t->tmp));
	for (i = 0; i < t->k->ncols; i++) {
		if (t->k->cols[i].flags & LB_COL_DERIVED)
			continue;
		if (!first)
			lb_buf_addc(&t->line, ',');
		first = 0;
		lb_buf_add_csv_field(&t->line, t->k->cols[i].name,
		    strlen(t->k->cols[i].name));
	}
	lb_buf_addc(&t->line, '\n');
	return table_flush(t, e);
}

/*
 * Close the table: with ok, flush it (0, or -1 and *e); otherwise remove
 * the temporary file.  files_finish() renames the files into place once
 * all are written.  The data can always be made again: no fsync.
 */
static int
table_close(struct table *t, int ok, struct lb_err *e)
{
	int	rc = 0;

	if (t->fp != NULL) {
		if (ok && table_flush(t, e) == -1) {
			ok = 0;
			rc = -1;
		}
		if (ok && (fflush(t->fp) != 0 || ferror(t->fp))) {
			lb_error(e, "%s: %s", lb_buf_cstr(&t->tmp),
			    strerror(errno));
			ok = 0;
			rc = -1;
		}
		if (fclose(t->fp) != 0 && ok) {
			lb_error(e, "%s: %s", lb_buf_cstr(&t->tmp),
			    strerror(errno));
			ok = 0;
			rc = -1;
		}
		t->fp = NULL;
		if (!ok)
			(void)unlink(lb_buf_cstr(&t->tmp));
	}
	free(t->iobuf);
	t->iobuf = NULL;
	lb_buf_free(&t->tmp);
	lb_buf_free(&t->line);
	return rc;
}

/*
 * The generator's state: the options and what follows from them.
 */
struct gen {
	uint64_t	 seed;
	int64_t		 base;
	long		 nclients;
	long		 nshipments;
	long		 nemployees;
	uint64_t	 ein_mul;	/* client row -> EIN serial, 1 to 1 */
	uint64_t	 ein_add;
	uint64_t	 name_mul;	/* employee row -> name, 1 to 1 */
	uint64_t	 name_add;
	uint64_t	 serial_base;	/* first entry number serial */
	unsigned	 license;
	int		 yy;		/* base year, mod 100 */
	char		 dates[DATE_SPAN][LB_DATE_STRLEN];
	/* Daily statements used, by day (as dates[]), with their totals. */
	unsigned char	 stmt_used[DATE_SPAN];
	int64_t		 stmt_cents[DATE_SPAN];
};

#define EIN_SERIALS	UINT64_C(10000000)
#define NNAMES		(NELEM(first_names) * NELEM(last_names))

static void
put_date(struct gen *g, struct table *t, int f, int64_t days)
{
	struct sbuf	b;
	int64_t		k = days - g->base + DATE_BEFORE;

	if (k >= 0 && k < (int64_t)NELEM(g->dates)) {
		put(t, f, g->dates[k]);
		return;
	}
	field_begin(t, &b);
	if (b.cap < LB_DATE_STRLEN) {
		t->overflow = 1;
		return;
	}
	lb_date_format(days, b.p);
	b.n = strlen(b.p);
	field_end(t, f, &b);
}

/* A multiplier coprime with m (m's prime factors are among 2, 3, 5). */
static uint64_t
coprime_mul(struct rng *r, uint64_t m)
{
	uint64_t	a;

	do
		a = rng_below(r, m - 1) + 1;
	while ((m % 2 == 0 && a % 2 == 0) || (m % 3 == 0 && a % 3 == 0) ||
	    (m % 5 == 0 && a % 5 == 0));
	return a;
}

static int
gen_init(struct gen *g, const struct lb_demo_opts *o, struct lb_err *e)
{
	struct rng	r;
	size_t		i;
	int		y, m, d;

	if (o == NULL)
		return lb_error(e, "demo: no options");
	if (o->clients < 0 || o->clients > LB_DEMO_MAX_CLIENTS)
		return lb_error(e, "demo: %ld clients: expected 1 to %ld",
		    o->clients, LB_DEMO_MAX_CLIENTS);
	if (o->shipments < 0 || o->shipments > LB_DEMO_MAX_SHIPMENTS)
		return lb_error(e, "demo: %ld shipments: expected 1 to %ld",
		    o->shipments, LB_DEMO_MAX_SHIPMENTS);
	if (o->employees < 0 || o->employees > LB_DEMO_MAX_EMPLOYEES)
		return lb_error(e, "demo: %ld employees: expected 1 to %ld",
		    o->employees, LB_DEMO_MAX_EMPLOYEES);
	/* Every date it makes falls in the calendar's years (1971-2199). */
	if (o->base_days < lb_days_from_civil(1972, 1, 1) ||
	    o->base_days > lb_days_from_civil(2150, 12, 31))
		return lb_error(e, "demo: base date %lld is outside the years "
		    "1972 to 2150", (long long)o->base_days);
	g->seed = o->seed != 0 ? o->seed : 1;
	g->base = o->base_days;
	g->nclients = o->clients != 0 ? o->clients : DEFAULT_CLIENTS;
	g->nshipments = o->shipments != 0 ? o->shipments : DEFAULT_SHIPMENTS;
	g->nemployees = o->employees != 0 ? o->employees : DEFAULT_EMPLOYEES;
	rng_init(&r, g->seed, S_PARAMS, 0);
	g->ein_mul = coprime_mul(&r, EIN_SERIALS);
	g->ein_add = rng_below(&r, EIN_SERIALS);
	g->name_mul = coprime_mul(&r, NNAMES);
	g->name_add = rng_below(&r, NNAMES);
	/* Serials stay below 10^7 even after a million entries. */
	g->serial_base = 1000000 + rng_below(&r, 6000000);
	g->license = 100000 + (unsigned)rng_below(&r, 900000);
	lb_civil_from_days(g->base, &y, &m, &d);
	g->yy = y % 100;
	for (i = 0; i < NELEM(g->dates); i++)
		lb_date_format(g->base - DATE_BEFORE + (int64_t)i, g->dates[i]);
	return 0;
}

/*
 * Clients.  client_make() rebuilds client j from its own stream: what
 * shipments need first, then (in client_write) the rest.
 */
struct client {
	char			 number[LB_IMPORTER_STRLEN];
	char			 name[128];
	char			 domain[64];
	const struct place	*place;
	const struct abroad	*abroad;
	int			 bond_type;
	struct rng		 r;	/* where client_write goes on */
};

static void
client_make(const struct gen *g, long j, struct client *c)
{
	struct sbuf	 b;
	const char	*w1, *w2, *w3, *suffix;
	uint64_t	 serial;

	rng_init(&c->r, g->seed, S_CLIENT, (uint64_t)j);
	c->place = NULL;
	c->abroad = NULL;
	if (j % 25 == 7)
		c->abroad = &PICK(&c->r, abroads);
	else
		c->place = &PICK(&c->r, places);
	w1 = PICK(&c->r, client_w1);
	w2 = PICK(&c->r, client_w2);
	w3 = PICK(&c->r, client_w3);
	suffix = c->abroad != NULL ? c->abroad->suffix :
	    PICK(&c->r, client_suffix_us);
	sb_init(&b, c->name, sizeof(c->name));
	sb_adds(&b, w1);
	sb_addc(&b, ' ');
	sb_adds(&b, w2);
	sb_addc(&b, ' ');
	sb_adds(&b, w3);
	sb_addc(&b, ' ');
	sb_adds(&b, suffix);
	sb_init(&b, c->domain, sizeof(c->domain));
	sb_addslug(&b, w1);
	sb_addslug(&b, w2);
	sb_addslug(&b, w3);
	sb_addc(&b, '.');
	sb_adds(&b, c->abroad != NULL ? c->abroad->tld : "com");
	sb_init(&b, c->number, sizeof(c->number));
	if (c->abroad != NULL) {
		/* CBP-assigned YYDDPP-NNNNN: NNNNN is unique per client. */
		sb_adds(&b, PICK(&c->r, cbp_years));
		sb_adds(&b, c->abroad->port);
		sb_addc(&b, '-');
		sb_addu(&b, ((uint64_t)(j / 25) * g->ein_mul + g->ein_add) %
		    100000, 5);
		c->bond_type = rng_pct(&c->r, 70) ? 8 : 9;
	} else {
		serial = ((uint64_t)j * g->ein_mul + g->ein_add) % EIN_SERIALS;
		sb_adds(&b, PICK(&c->r, ein_prefixes));
		sb_addc(&b, '-');
		sb_addu(&b, serial, 7);
		sb_adds(&b, "00");
		c->bond_type = bond_types[rng_weighted(&c->r, bond_weights,
		    NELEM(bond_weights))];
	}
}

static int
client_write(struct gen *g, struct client *c, struct table *t,
    struct lb_err *e)
{
	struct rng	*r = &c->r;
	struct sbuf	 b;
	size_t		 a, k;

	row_begin(t);
	put(t, C_NUMBER, c->number);
	put(t, C_NAME, c->name);
	field_begin(t, &b);
	if (c->abroad != NULL && c->abroad->number_after) {
		sb_adds(&b, c->abroad->street);
		sb_addc(&b, ' ');
		sb_addu(&b, (uint64_t)rng_range(r, 10, 4999), 1);
	} else {
		sb_addu(&b, (uint64_t)rng_range(r, 100, 19999), 1);
		sb_addc(&b, ' ');
		sb_adds(&b, c->abroad != NULL ? c->abroad->street :
		    PICK(r, streets));
	}
	field_end(t, C_ADDR1, &b);
	if (rng_pct(r, 30)) {
		field_begin(t, &b);
		if (rng_pct(r, 70)) {
			sb_adds(&b, "Suite ");
			sb_addu(&b, (uint64_t)rng_range(r, 1, 30) * 100, 1);
		} else {
			sb_adds(&b, "Unit ");
			sb_addc(&b, (char)('A' + rng_below(r, 8)));
		}
		field_end(t, C_ADDR2, &b);
	}
	if (c->abroad != NULL) {
		put(t, C_CITY, c->abroad->city);
		put(t, C_ZIP, c->abroad->postal);
		put(t, C_COUNTRY, c->abroad->country);
	} else {
		put(t, C_CITY, c->place->city);
		put(t, C_STATE, c->place->state);
		put(t, C_ZIP, c->place->zip);
		put(t, C_COUNTRY, "US");
	}
	put_u(t, C_BOND, (uint64_t)c->bond_type, 1);
	if (c->bond_type != 0)
		put(t, C_SURETY, PICK(r, sureties));
	if (c->bond_type == 8)
		put_money(t, C_BOND_AMOUNT, rng_range(r, 5, 50) * 1000000);
	/* Powers of attorney: a few lapsed, most good for up to a year. */
	put_date(g, t, C_POA, g->base + rng_range(r, -90, 365));
	if (c->bond_type == 8 && rng_pct(r, 36)) {
		put_bool(t, C_PMS, 1);
		field_begin(t, &b);
		sb_addc(&b, (char)('A' + rng_below(r, 26)));
		sb_addu(&b, rng_below(r, 1000000), 6);
		field_end(t, C_ACH, &b);
	} else
		put_bool(t, C_PMS, 0);
	field_begin(t, &b);
	sb_adds(&b, rng_pct(r, 50) ? "imports@" : "customs@");
	sb_adds(&b, c->domain);
	field_end(t, C_EMAIL, &b);
	if (rng_pct(r, 25)) {
		field_begin(t, &b);
		a = rng_below(r, NELEM(pga_notes));
		sb_adds(&b, pga_notes[a]);
		if (rng_pct(r, 30)) {
			k = (a + 1 + rng_below(r, NELEM(pga_notes) - 1)) %
			    NELEM(pga_notes);
			sb_addc(&b, ' ');
			sb_adds(&b, pga_notes[k]);
		}
		field_end(t, C_PGA, &b);
	}
	return row_end(t, e);
}

/* 1 to 3 contacts, e-mail addresses unique within the client. */
static int
contacts_write(struct gen *g, long j, const struct client *c,
    struct table *t, struct lb_err *e)
{
	static const unsigned	 counts[] = { 50, 35, 15 };
	const struct pname	*fn, *ln;
	const char		*area;
	struct rng		 r;
	struct sbuf		 b;
	char			 locals[3][64];
	size_t			 n, i, k;

	rng_init(&r, g->seed, S_CONTACT, (uint64_t)j);
	n = 1 + rng_weighted(&r, counts, NELEM(counts));
	area = c->abroad != NULL ? c->abroad->area : c->place->area;
	for (i = 0; i < n; i++) {
		fn = &PICK(&r, first_names);
		ln = &PICK(&r, last_names);
		sb_init(&b, locals[i], sizeof(locals[i]));
		sb_addslug(&b, fn->ascii != NULL ? fn->ascii : fn->s);
		sb_addc(&b, '.');
		sb_addslug(&b, ln->ascii != NULL ? ln->ascii : ln->s);
		for (k = 0; k < i; k++)
			if (strcmp(locals[k], locals[i]) == 0)
				sb_addu(&b, i + 1, 1);
		row_begin(t);
		put(t, K_NUMBER, c->number);
		field_begin(t, &b);
		sb_adds(&b, locals[i]);
		sb_addc(&b, '@');
		sb_adds(&b, c->domain);
		field_end(t, K_EMAIL, &b);
		field_begin(t, &b);
		sb_adds(&b, fn->s);
		sb_addc(&b, ' ');
		sb_adds(&b, ln->s);
		field_end(t, K_NAME, &b);
		put(t, K_ROLE, PICK(&r, contact_roles));
		/* Outside North America the numbers would need a '+'. */
		if (area != NULL) {
			field_begin(t, &b);
			sb_addphone(&b, area, &r);
			field_end(t, K_PHONE, &b);
			if (rng_pct(&r, 70)) {
				field_begin(t, &b);
				sb_addphone(&b, area, &r);
				field_end(t, K_MOBILE, &b);
			}
		}
		put_bool(t, K_NOTIFY, i == 0 || rng_pct(&r, 75));
		if (row_end(t, e) == -1)
			return -1;
	}
	return 0;
}

static int
clients_write(struct gen *g, const char *dir, struct lb_err *e)
{
	struct table	 tc, tk;
	struct client	 c;
	long		 j;
	int		 ok = 0, rc;

	table_init(&tc);
	table_init(&tk);
	if (table_open(&tc, dir, out_files[F_CLIENTS], "clients", client_fields,
	    C_NFIELDS, e) == -1 || table_open(&tk, dir, out_files[F_CONTACTS],
	    "contacts", contact_fields, K_NFIELDS, e) == -1)
		goto out;
	for (j = 0; j < g->nclients; j++) {
		client_make(g, j, &c);
		if (client_write(g, &c, &tc, e) == -1 ||
		    contacts_write(g, j, &c, &tk, e) == -1)
			goto out;
	}
	ok = 1;
out:
	rc = table_close(&tc, ok, e);
	if (table_close(&tk, ok && rc == 0, e) == -1)
		rc = -1;
	return ok ? rc : -1;
}

/*
 * Employees and their call tree.  Employee 0 heads the firm; employees 1
 * to 5 lead the offices and report to 0; everyone else joins an office and
 * reports to its members breadth-first, at most FANOUT each, so every
 * reports_to names someone earlier in the file.
 */
#define FANOUT	5

static void
employee_name(const struct gen *g, long i, const struct pname **fn,
    const struct pname **ln)
{
	uint64_t	k = ((uint64_t)i * g->name_mul + g->name_add) % NNAMES;

	*fn = &first_names[k % NELEM(first_names)];
	*ln = &last_names[k / NELEM(first_names)];
}

static int
employees_write(struct gen *g, const char *dir, struct lb_err *e)
{
	const struct pname	*fn, *ln;
	const struct office	*of;
	struct table		 t;
	struct rng		 r;
	struct sbuf		 b;
	long			*members = NULL, *children = NULL;
	long			*nmembers, *next;
	long			 i, parent, gap = -1, n = g->nemployees;
	size_t			 o, nof = NELEM(offices);
	enum role		 role;
	int			 ok = 0, rc, reach;

	table_init(&t);
	members = lb_mallocarray(nof * (size_t)n + 2 * nof, sizeof(*members));
	children = lb_calloc((size_t)n, sizeof(*children));
	if (members == NULL || children == NULL) {
		lb_error(e, "out of memory");
		goto out;
	}
	nmembers = members + nof * (size_t)n;
	next = nmembers + nof;
	for (o = 0; o < nof; o++)
		nmembers[o] = next[o] = 0;
	if (table_open(&t, dir, out_files[F_EMPLOYEES], "employees",
	    employee_fields, E_NFIELDS, e) == -1)
		goto out;
	/* About one in twenty has no way to be reached outside the office. */
	for (i = 0; i < n; i++) {
		rng_init(&r, g->seed, S_EMPLOYEE, (uint64_t)i);
		employee_name(g, i, &fn, &ln);
		if (i == 0) {
			o = 0;
			role = ROLE_LCB;
			parent = -1;
		} else if (i <= (long)nof) {
			o = (size_t)i - 1;
			role = ROLE_OPS;
			parent = 0;
		} else {
			o = rng_weighted(&r, office_weights, nof);
			role = i == (long)nof + 1 ? ROLE_IT :
			    (enum role)rng_weighted(&r, role_weights,
			    NELEM(role_weights));
			if (nmembers[o] == 0)
				parent = 0;
			else {
				parent = members[o * (size_t)n +
				    (size_t)next[o]];
				if (children[parent] + 1 >= FANOUT)
					next[o]++;
			}
		}
		if (i > 0)
			members[o * (size_t)n + (size_t)nmembers[o]++] = i;
		of = &offices[o];
		reach = i == 0 || !rng_pct(&r, 5);
		if (i == n - 1 && gap == -1 && n >= 10)
			reach = 0;	/* a gap for status to show */
		if (!reach)
			gap = i;

		row_begin(&t);
		field_begin(&t, &b);
		sb_addc(&b, 'E');
		sb_addu(&b, (uint64_t)i + 1, 4);
		field_end(&t, E_ID, &b);
		field_begin(&t, &b);
		sb_adds(&b, fn->s);
		sb_addc(&b, ' ');
		sb_adds(&b, ln->s);
		field_end(&t, E_NAME, &b);
		put(&t, E_ROLE, role_names[role]);
		put(&t, E_OFFICE, of->name);
		field_begin(&t, &b);
		sb_addslug(&b, fn->ascii != NULL ? fn->ascii : fn->s);
		sb_addc(&b, '.');
		sb_addslug(&b, ln->ascii != NULL ? ln->ascii : ln->s);
		if ((uint64_t)i >= NNAMES)
			sb_addu(&b, (uint64_t)i + 1, 1);
		sb_adds(&b, "@" BROKER_DOMAIN);
		field_end(&t, E_WORK, &b);
		if (reach) {
			field_begin(&t, &b);
			sb_addslug(&b, fn->ascii != NULL ? fn->ascii : fn->s);
			sb_addc(&b, rng_pct(&r, 50) ? '.' : '_');
			sb_addslug(&b, ln->ascii != NULL ? ln->ascii : ln->s);
			sb_addu(&b, rng_below(&r, 100), 2);
			sb_addc(&b, '@');
			sb_adds(&b, mail_domains[rng_weighted(&r, mail_weights,
			    NELEM(mail_weights))]);
			field_end(&t, E_PERSONAL, &b);
			field_begin(&t, &b);
			sb_addphone(&b, of->area, &r);
			field_end(&t, E_MOBILE, &b);
			if (rng_pct(&r, 30)) {
				field_begin(&t, &b);
				sb_addphone(&b, of->area, &r);
				field_end(&t, E_HOME, &b);
			}
			if (rng_pct(&r, 40)) {
				/* The gateway address of the mobile number. */
				field_begin(&t, &b);
				sb_adds(&b, of->area);
				sb_adds(&b, "55501");
				sb_add(&b, t.val[t.map[E_MOBILE]] + 12, 2);
				sb_addc(&b, '@');
				sb_adds(&b, PICK(&r, sms_domains));
				field_end(&t, E_SMS, &b);
			}
		}
		if (parent >= 0) {
			children[parent]++;
			field_begin(&t, &b);
			sb_addc(&b, 'E');
			sb_addu(&b, (uint64_t)parent + 1, 4);
			field_end(&t, E_REPORTS, &b);
			put_u(&t, E_ORDER, (uint64_t)children[parent], 1);
		}
		put_bool(&t, E_SIGN, role == ROLE_LCB);
		if (row_end(&t, e) == -1)
			goto out;
	}
	ok = 1;
out:
	rc = table_close(&t, ok, e);
	free(members);
	free(children);
	return ok ? rc : -1;
}

static int
brokerage_write(struct gen *g, const char *dir, struct lb_err *e)
{
	const struct pname	*fn, *ln;
	struct table		 t;
	struct sbuf		 b;
	int			 ok = 0, rc;

	table_init(&t);
	if (table_open(&t, dir, out_files[F_BROKERAGE], "brokerage",
	    brokerage_fields, B_NFIELDS, e) == -1)
		goto out;
	row_begin(&t);
	put_u(&t, B_LICENSE, g->license, 6);
	put(&t, B_NAME, BROKER_NAME);
	put(&t, B_FILERS, BROKER_FILERS);
	put(&t, B_PORTS, BROKER_PORTS);
	field_begin(&t, &b);
	sb_adds(&b, "NP-");
	sb_addu(&b, g->license, 6);
	field_end(&t, B_PERMIT, &b);
	put(&t, B_ADDR1, "301 E Ocean Blvd");
	put(&t, B_ADDR2, "Suite 1450");
	put(&t, B_CITY, "Long Beach");
	put(&t, B_STATE, "CA");
	put(&t, B_ZIP, "90802");
	put(&t, B_COUNTRY, "US");
	put(&t, B_PHONE, "(562) 555-0100");
	put(&t, B_EMAIL, "ops@" BROKER_DOMAIN);
	/* The head of the call tree signs downtime paperwork. */
	employee_name(g, 0, &fn, &ln);
	field_begin(&t, &b);
	sb_adds(&b, fn->s);
	sb_addc(&b, ' ');
	sb_adds(&b, ln->s);
	field_end(&t, B_SIGNER, &b);
	put(&t, B_TITLE, "President, Licensed Customs Broker");
	if (row_end(&t, e) == -1)
		goto out;
	ok = 1;
out:
	rc = table_close(&t, ok, e);
	return ok ? rc : -1;
}

/*
 * Shipments and their lines.
 */

struct line {
	const struct product	*p;
	int			 variant;
	int64_t			 qty;
	int64_t			 value;	/* cents */
	int64_t			 duty;	/* cents */
	int64_t			 kg;
	int			 adcvd;
};

static const char *
firms_code(const char *port, struct rng *r)
{
	size_t	i;

	for (i = 0; i < NELEM(firms); i++)
		if (strcmp(firms[i].port, port) == 0)
			return firms[i].codes[rng_below(r, 2)];
	return NULL;
}

/*
 * Manufacturer ID by CBP's rule: country, the first three letters of the
 * first two words of the name (skipping "A", "An", "And", "Of", "The"),
 * the first four digits of the largest number in the street address, the
 * first three letters of the city.
 */
static void
mid_build(const struct maker *mk, char *out, size_t outlen)
{
	static const char *const skip[] = { "A", "AN", "AND", "OF", "THE" };
	struct sbuf	 b;
	const char	*s, *w;
	char		 word[16], best[24], num[24];
	size_t		 wn, nn, bn = 0, i, taken;
	int		 words = 0, skipped;

	sb_init(&b, out, outlen);
	sb_adds(&b, mk->mid_country);
	for (s = mk->name; *s != '\0' && words < 2; ) {
		while (*s == ' ')
			s++;
		w = s;
		wn = 0;
		while (*s != '\0' && *s != ' ') {
			if (wn < sizeof(word) - 1 && ((*s >= 'A' &&
			    *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
				word[wn++] = (char)(*s >= 'a' ? *s - 32 : *s);
			s++;
		}
		word[wn] = '\0';
		if (s == w || wn == 0)
			continue;
		skipped = 0;
		for (i = 0; i < NELEM(skip); i++)
			if (strcmp(word, skip[i]) == 0)
				skipped = 1;
		if (skipped)
			continue;
		sb_add(&b, word, wn < 3 ? wn : 3);
		words++;
	}
	for (s = mk->street; *s != '\0'; ) {
		if (*s < '0' || *s > '9') {
			s++;
			continue;
		}
		for (nn = 0; *s >= '0' && *s <= '9'; s++)
			if (nn < sizeof(num) - 1)
				num[nn++] = *s;
		if (nn > bn || (nn == bn && memcmp(num, best, nn) > 0)) {
			memcpy(best, num, nn);
			bn = nn;
		}
	}
	sb_add(&b, best, bn < 4 ? bn : 4);
	for (s = mk->city, taken = 0; *s != '\0' && taken < 3; s++) {
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')) {
			sb_addc(&b, (char)(*s >= 'a' ? *s - 32 : *s));
			taken++;
		}
	}
}

struct shipctx {
	struct gen	*g;
	struct table	*ts;
	struct table	*tl;
	char		 mids[NELEM(makers)][16];
	unsigned	 sea_weights[NELEM(makers)];
	unsigned	 mx_weights[NELEM(makers)];
	unsigned	 ca_weights[NELEM(makers)];
};

/* Lines of one shipment, values in cents; informal ones stay < $2,400. */
static size_t
lines_make(struct rng *r, const struct maker *mk, int mode, int informal,
    struct line *ln)
{
	static const unsigned	 formal[] = { 35, 30, 20, 15 };
	static const unsigned	 small[] = { 70, 30 };
	const struct product	*p;
	size_t			 n, i;
	int64_t			 price, qty, budget, lo, hi;

	n = 1 + (informal ? rng_weighted(r, small, NELEM(small)) :
	    rng_weighted(r, formal, NELEM(formal)));
	for (i = 0; i < n; i++) {
		p = &products[mk->goods[rng_below(r, (uint64_t)mk->ngoods)]];
		/*
		 * Bedroom furniture (under an antidumping order) is the odd
		 * line, and never on an informal entry.
		 */
		if (p == &products[P_BEDROOM] && (informal || !rng_pct(r, 20)))
			p = &products[P_TABLE];
		price = rng_range(r, p->pmin, p->pmax);
		lo = p->qlo;
		hi = p->qhi;
		if (lb_mode_is_air(mode)) {
			lo = lo / 10 > 0 ? lo / 10 : 1;
			hi = hi / 10 > lo ? hi / 10 : lo;
		} else if (lb_mode_is_truck(mode))
			hi = hi / 2 > lo ? hi / 2 : lo;
		qty = rng_range(r, lo, hi);
		if (informal) {
			budget = rng_range(r, 20000, 240000 / (int64_t)n);
			qty = budget / price;
			if (qty == 0) {
				qty = 1;
				price = budget;
			}
		}
		ln[i].p = p;
		ln[i].variant = (int)rng_below(r, 2);
		ln[i].qty = qty;
		ln[i].value = qty * price;
		ln[i].duty = (ln[i].value * p->rate_bp + 5000) / 10000;
		ln[i].kg = qty * p->grams / 1000;
		if (ln[i].kg == 0)
			ln[i].kg = 1;
		ln[i].adcvd = p == &products[P_BEDROOM] &&
		    strcmp(mk->country, "CN") == 0;
	}
	return n;
}

static int
lines_write(struct shipctx *sc, const char *ref, const struct maker *mk,
    const char *mid, const struct line *ln, size_t n, struct lb_err *e)
{
	struct table	*t = sc->tl;
	size_t		 i;

	for (i = 0; i < n; i++) {
		row_begin(t);
		put(t, L_REF, ref);
		put_u(t, L_NO, i + 1, 1);
		put(t, L_HTS, ln[i].p->hts);
		put(t, L_ORIGIN, mk->country);
		put(t, L_MID, mid);
		put(t, L_DESC, ln[i].p->desc[ln[i].variant]);
		put_money(t, L_VALUE, ln[i].value);
		if (ln[i].p->unit != NULL) {
			put_u(t, L_QTY, (uint64_t)ln[i].qty, 1);
			put(t, L_UNIT, ln[i].p->unit);
		}
		if (ln[i].p->unit2 != NULL) {
			put_u(t, L_QTY2, (uint64_t)ln[i].kg, 1);
			put(t, L_UNIT2, ln[i].p->unit2);
		}
		put_u(t, L_WEIGHT, (uint64_t)ln[i].kg, 1);
		if (ln[i].adcvd)
			put(t, L_ADCVD, ADCVD_BEDROOM);
		put(t, L_RATE, ln[i].p->rate);
		put_money(t, L_DUTY, ln[i].duty);
		if (row_end(t, e) == -1)
			return -1;
	}
	return 0;
}

enum status {
	ST_EXPECTED,
	ST_IN_TRANSIT,
	ST_ARRIVED,
	ST_HELD,
	ST_RELEASED,
	ST_CANCELLED
};
static const char *const status_names[] = {
	"expected", "in_transit", "arrived", "held", "released", "cancelled"
};

static int
shipment_write(struct shipctx *sc, long i, struct lb_err *e)
{
	static const unsigned	 mode_w[] = { 62, 22, 7, 9 };
	static const int	 mode_codes[] = { 11, 40, 30, 31 };
	static const char *const air_ports[] = { "2720", "4701", "3901" };
	struct gen		*g = sc->g;
	struct table		*t = sc->ts;
	const struct maker	*mk;
	const struct liner	*lr;
	const struct airline	*al;
	const char		*port = "2704", *unlading, *scac, *firm;
	struct client		 c;
	struct line		 ln[MAX_LINES];
	struct rng		 r;
	struct sbuf		 b;
	enum status		 st;
	char			 ref[24], ten[11];
	int64_t			 arrival, export, release = 0, value = 0;
	int64_t			 duty = 0, kg = 0, lag;
	uint64_t		 serial, v, v2;
	size_t			 nl, k, m;
	unsigned		 pga = 0;
	int			 mode, informal, entry, adcvd = 0, cd, bond9;
	int			 pct;
	int64_t			 sk;

	rng_init(&r, g->seed, S_SHIPMENT, (uint64_t)i);
	/* The larger clients (low numbers) ship more: the less of two. */
	v = rng_below(&r, (uint64_t)g->nclients);
	v2 = rng_below(&r, (uint64_t)g->nclients);
	client_make(g, (long)(v < v2 ? v : v2), &c);

	mode = mode_codes[rng_weighted(&r, mode_w, NELEM(mode_w))];
	if (lb_mode_is_truck(mode)) {
		if (rng_pct(&r, 75)) {
			mk = &makers[rng_weighted(&r, sc->mx_weights,
			    NELEM(makers))];
			port = "2304";
		} else {
			mk = &makers[rng_weighted(&r, sc->ca_weights,
			    NELEM(makers))];
			port = "3801";
		}
	} else
		mk = &makers[rng_weighted(&r, sc->sea_weights, NELEM(makers))];
	if (lb_mode_is_vessel(mode)) {
		if (mk->region == R_EUROPE || rng_pct(&r, 15))
			port = rng_pct(&r, 60) ? "1001" : "5301";
		else
			port = rng_pct(&r, 55) ? "2704" : "2709";
	} else if (lb_mode_is_air(mode))
		port = PICK(&r, air_ports);
	unlading = port;
	/* Some West Coast discharges move in bond to Chicago by rail. */
	if (lb_mode_is_vessel(mode) && port[0] == '2' && rng_pct(&r, 5))
		port = "3901";

	/* Dates, then the status they allow. */
	arrival = g->base + rng_range(&r, -30, 20);
	if (lb_mode_is_vessel(mode))
		export = arrival - rng_range(&r, mk->region == R_EAST_ASIA ?
		    12 : 20, mk->region == R_EAST_ASIA ? 24 : 34);
	else if (lb_mode_is_air(mode))
		export = arrival - rng_range(&r, 1, 3);
	else
		export = arrival - rng_range(&r, 0, 1);
	pct = (int)rng_below(&r, 100);
	informal = rng_pct(&r, lb_mode_is_air(mode) ? 14 : 3);
	nl = lines_make(&r, mk, mode, informal, ln);
	for (k = 0; k < nl; k++) {
		value += ln[k].value;
		duty += ln[k].duty;
		kg += ln[k].kg;
		pga |= ln[k].p->pga;
		adcvd |= ln[k].adcvd;
	}
	if (arrival > g->base)
		st = export <= g->base ? ST_IN_TRANSIT : ST_EXPECTED;
	else if (pct < 1)
		st = ST_CANCELLED;
	else if (pct < (pga != 0 ? 9 : 3))
		st = ST_HELD;
	else {
		if (lb_mode_is_air(mode))
			lag = rng_range(&r, 0, 2);
		else if (lb_mode_is_truck(mode))
			lag = rng_range(&r, 0, 1);
		else
			lag = rng_range(&r, 1, rng_pct(&r, 10) ? 9 : 5);
		release = arrival + lag;
		st = release <= g->base ? ST_RELEASED : ST_ARRIVED;
	}
	switch (st) {
	case ST_HELD:
		/* Some held goods have no entry yet and will go to G.O. */
		entry = arrival > g->base - 15 || !rng_pct(&r, 30);
		break;
	case ST_ARRIVED:
	case ST_RELEASED:
		entry = 1;
		break;
	case ST_IN_TRANSIT:
		entry = rng_pct(&r, 55);	/* filed before arrival */
		break;
	case ST_EXPECTED:
		entry = rng_pct(&r, 15);
		break;
	default:
		entry = 0;
		break;
	}

	row_begin(t);
	sb_init(&b, ref, sizeof(ref));
	sb_adds(&b, "HL");
	sb_addu(&b, (uint64_t)g->yy, 2);
	sb_addc(&b, '-');
	sb_addu(&b, (uint64_t)i + 1, 6);
	put(t, H_REF, ref);
	put(t, H_IMPORTER, c.number);
	put(t, H_STATUS, status_names[st]);
	put_u(t, H_MODE, (uint64_t)mode, 2);

	if (lb_mode_is_vessel(mode)) {
		lr = &PICK(&r, liners);
		scac = lr->scac;
		put(t, H_SCAC, scac);
		field_begin(t, &b);
		sb_adds(&b, scac);
		k = 8 + rng_below(&r, 3);	/* 8 to 10 digits */
		sb_addu(&b, rng_below(&r, k == 8 ? 100000000 : k == 9 ?
		    1000000000 : UINT64_C(10000000000)), (int)k);
		field_end(t, H_BILL, &b);
		if (rng_pct(&r, 40)) {
			field_begin(t, &b);
			sb_adds(&b, PICK(&r, nvoccs));
			sb_addu(&b, rng_below(&r, 100000000), 8);
			field_end(t, H_HOUSE, &b);
		}
		field_begin(t, &b);
		sb_addu(&b, rng_below(&r, 1000), 3);
		sb_addc(&b, mk->region == R_EAST_ASIA && unlading[0] == '2' ?
		    'E' : 'W');
		field_end(t, H_TRIP, &b);
		put(t, H_CONVEYANCE, lr->ships[rng_below(&r, 3)]);
	} else if (lb_mode_is_air(mode)) {
		al = &PICK(&r, airlines);
		put(t, H_SCAC, al->code);
		field_begin(t, &b);
		sb_adds(&b, al->prefix);
		v = rng_below(&r, 10000000);
		sb_addu(&b, v, 7);
		sb_addu(&b, v % 7, 1);
		field_end(t, H_BILL, &b);
		field_begin(t, &b);
		sb_adds(&b, al->code);
		sb_addu(&b, (uint64_t)rng_range(&r, 100, 9899), 1);
		field_end(t, H_TRIP, &b);
		put(t, H_CONVEYANCE, al->name);
	} else {
		scac = PICK(&r, truckers);
		put(t, H_SCAC, scac);
		field_begin(t, &b);
		sb_adds(&b, scac);
		sb_addu(&b, rng_below(&r, 1000000000), 9);
		field_end(t, H_BILL, &b);
	}
	put(t, H_PORT, port);
	put(t, H_UNLADING, unlading);
	/* Schedule K names seaports: the block is for vessel shipments. */
	if (lb_mode_is_vessel(mode) && mk->lading != NULL)
		put(t, H_LADING, mk->lading);
	if ((firm = firms_code(port, &r)) != NULL)
		put(t, H_FIRMS, firm);
	if (!entry && st == ST_HELD) {
		/* No entry 15 days after arrival: general order. */
		field_begin(t, &b);
		sb_adds(&b, port);
		sb_addu(&b, (uint64_t)i, 7);
		field_end(t, H_GO, &b);
	}
	put_date(g, t, H_ARRIVAL, arrival);
	if (st == ST_ARRIVED || st == ST_HELD || st == ST_RELEASED)
		put_date(g, t, H_IMPORT, arrival);
	put_date(g, t, H_EXPORT, export);
	put(t, H_EXPORT_COUNTRY, mk->country);
	put(t, H_ORIGIN, mk->country);

	bond9 = 0;
	if (entry) {
		/* Serials follow the shipments, so none is used twice. */
		serial = g->serial_base + (uint64_t)i;
		sb_init(&b, ten, sizeof(ten));
		sb_adds(&b, lb_mode_is_truck(mode) ? FILER_BORDER : FILER_MAIN);
		sb_addu(&b, serial, 7);
		cd = lb_entry_check_digit(ten);
		field_begin(t, &b);
		sb_add(&b, ten, 3);
		sb_addc(&b, '-');
		sb_add(&b, ten + 3, 7);
		sb_addc(&b, '-');
		sb_addc(&b, (char)('0' + cd));
		field_end(t, H_ENTRY, &b);
		put(t, H_ENTRY_TYPE, informal ? "11" : adcvd ? "03" : "01");
		if (st == ST_RELEASED) {
			put_date(g, t, H_ENTRY_DATE, release);
			put_date(g, t, H_RELEASE, release);
			/* Released two weeks ago or more: summary filed a week
			 * after release, as the main system would have. */
			if (release <= g->base - 14)
				put_date(g, t, H_SUMMARY, release + 7);
			/* Its daily statement: one per summary day
			 * (statements_write says which were paid). */
			sk = release + 7 - g->base + DATE_BEFORE;
			if (release <= g->base - 14 && sk >= 0 &&
			    sk < (int64_t)NELEM(g->stmt_used)) {
				field_begin(t, &b);
				sb_adds(&b, "DS");
				sb_addu(&b, (uint64_t)(release + 7), 6);
				field_end(t, H_STATEMENT, &b);
				g->stmt_used[sk] = 1;
				g->stmt_cents[sk] += duty;
			}
		}
		bond9 = !informal && c.bond_type != 8;
	}
	put_money(t, H_VALUE, value);
	if (bond9) {
		/* Single transaction bond: value and duties, rounded up. */
		put_u(t, H_BOND, 9, 1);
		put_money(t, H_BOND_AMOUNT, ((value + duty) / 100000 + 1) *
		    100000);
	}
	if (port != unlading) {
		/* In-bond number: 8 digits, then those 8 mod 7. */
		v = rng_below(&r, 100000000);
		field_begin(t, &b);
		sb_addu(&b, v, 8);
		sb_addu(&b, v % 7, 1);
		field_end(t, H_IT, &b);
		put_date(g, t, H_IT_DATE, arrival);
	}
	if (lb_mode_is_truck(mode)) {
		put_u(t, H_MANIFEST_QTY, (uint64_t)rng_range(&r, 6, 26), 1);
		put(t, H_MANIFEST_UNIT, "PLT");
	} else if (lb_mode_is_air(mode)) {
		put_u(t, H_MANIFEST_QTY, (uint64_t)rng_range(&r, 1, 60), 1);
		put(t, H_MANIFEST_UNIT, "CTN");
	} else {
		put_u(t, H_MANIFEST_QTY, (uint64_t)rng_range(&r, 40, 2400), 1);
		put(t, H_MANIFEST_UNIT, "CTN");
	}
	put_u(t, H_WEIGHT, (uint64_t)(kg + kg / 10 + 1), 1);
	put(t, H_CONSIGNEE_NUMBER, c.number);
	put(t, H_CONSIGNEE, c.name);
	put(t, H_BUYER, c.name);
	m = (size_t)(mk - makers);
	put(t, H_SELLER, mk->name);
	put(t, H_SELLER_ID, sc->mids[m]);
	put(t, H_MAKER, mk->name);
	put(t, H_MID, sc->mids[m]);
	if (lb_mode_is_truck(mode)) {
		field_begin(t, &b);
		if (mk->region == R_MEXICO) {
			sb_adds(&b, PICK(&r, driver_first_mx));
			sb_addc(&b, ' ');
			sb_adds(&b, PICK(&r, driver_last_mx));
		} else {
			sb_adds(&b, PICK(&r, driver_first_ca));
			sb_addc(&b, ' ');
			sb_adds(&b, PICK(&r, driver_last_ca));
		}
		field_end(t, H_DRIVER, &b);
		put_date(g, t, H_DOB, g->base - rng_range(&r, 22 * 365,
		    64 * 365));
		field_begin(t, &b);
		if (mk->region == R_MEXICO) {
			sb_addu(&b, rng_below(&r, 100), 2);
			sb_addc(&b, (char)('A' + rng_below(&r, 26)));
			sb_addc(&b, (char)('A' + rng_below(&r, 26)));
			sb_addu(&b, rng_below(&r, 1000), 3);
		} else {
			sb_addc(&b, (char)('A' + rng_below(&r, 26)));
			sb_addc(&b, (char)('A' + rng_below(&r, 26)));
			sb_addc(&b, (char)('A' + rng_below(&r, 26)));
			sb_addc(&b, (char)('A' + rng_below(&r, 26)));
			sb_addu(&b, rng_below(&r, 1000), 3);
		}
		field_end(t, H_PLATE, &b);
		field_begin(t, &b);
		sb_adds(&b, t->val[t->map[H_SCAC]]);
		sb_addu(&b, rng_below(&r, UINT64_C(10000000000)), 10);
		field_end(t, H_ACE_TRIP, &b);
	}
	if (pga != 0) {
		field_begin(t, &b);
		for (k = 0; k < NELEM(pga_names); k++) {
			if (!(pga & (1u << k)))
				continue;
			if (b.n > 0)
				sb_addc(&b, ';');
			sb_adds(&b, pga_names[k]);
		}
		field_end(t, H_PGA, &b);
	}
	field_begin(t, &b);
	sb_adds(&b, ln[0].p->desc[ln[0].variant]);
	for (k = 1; k < nl; k++) {
		if (ln[k].p == ln[0].p)
			continue;
		sb_adds(&b, "; ");
		sb_adds(&b, ln[k].p->desc[ln[k].variant]);
		break;
	}
	field_end(t, H_DESC, &b);
	if (row_end(t, e) == -1)
		return -1;
	return lines_write(sc, ref, mk, sc->mids[m], ln, nl, e);
}

static int
shipments_write(struct gen *g, const char *dir, struct lb_err *e)
{
	struct shipctx	*sc;
	struct table	 ts, tl;
	size_t		 m;
	long		 i;
	int		 ok = 0, rc;

	table_init(&ts);
	table_init(&tl);
	if ((sc = lb_calloc(1, sizeof(*sc))) == NULL) {
		lb_error(e, "out of memory");
		goto out;
	}
	sc->g = g;
	sc->ts = &ts;
	sc->tl = &tl;
	for (m = 0; m < NELEM(makers); m++) {
		mid_build(&makers[m], sc->mids[m], sizeof(sc->mids[m]));
		if (!lb_mid_valid(sc->mids[m], strlen(sc->mids[m]))) {
			lb_error(e, "demo: MID \"%s\" of %s is not valid",
			    sc->mids[m], makers[m].name);
			goto out;
		}
		if (makers[m].region == R_MEXICO)
			sc->mx_weights[m] = makers[m].weight;
		else if (makers[m].region == R_CANADA)
			sc->ca_weights[m] = makers[m].weight;
		else
			sc->sea_weights[m] = makers[m].weight;
	}
	if (table_open(&ts, dir, out_files[F_SHIPMENTS], "shipments",
	    shipment_fields, H_NFIELDS, e) == -1 || table_open(&tl, dir,
	    out_files[F_LINES], "lines", line_fields, L_NFIELDS, e) == -1)
		goto out;
	for (i = 0; i < g->nshipments; i++)
		if (shipment_write(sc, i, e) == -1)
			goto out;
	ok = 1;
out:
	rc = table_close(&ts, ok, e);
	if (table_close(&tl, ok && rc == 0, e) == -1)
		rc = -1;
	free(sc);
	return ok ? rc : -1;
}

/*
 * The daily statements the summaries were filed on.  The broker's system
 * authorized and paid them, except those of the last days before the
 * attack (the base date): their ACH authorization is what an attack takes
 * first (CBP.md 4), so they are on record, unauthorized and unpaid.
 */
static int
statements_write(struct gen *g, const char *dir, struct lb_err *e)
{
	struct table	 tt;
	struct sbuf	 b;
	int64_t		 day;
	size_t		 k;
	int		 ok = 0, rc;

	table_init(&tt);
	if (table_open(&tt, dir, out_files[F_STATEMENTS], "statements",
	    statement_fields, T_NFIELDS, e) == -1)
		goto out;
	for (k = 0; k < NELEM(g->stmt_used); k++) {
		if (!g->stmt_used[k])
			continue;
		day = g->base - DATE_BEFORE + (int64_t)k;
		row_begin(&tt);
		field_begin(&tt, &b);
		sb_adds(&b, "DS");
		sb_addu(&b, (uint64_t)day, 6);
		field_end(&tt, T_NUMBER, &b);
		put(&tt, T_TYPE, "daily");
		put_date(g, &tt, T_DATE, day);
		put_money(&tt, T_AMOUNT, g->stmt_cents[k]);
		if (day < g->base - 10) {
			put_date(g, &tt, T_AUTHORIZED, day);
			put_date(g, &tt, T_PAID, day + 2);
		}
		if (row_end(&tt, e) == -1)
			goto out;
	}
	ok = 1;
out:
	rc = table_close(&tt, ok, e);
	return ok ? rc : -1;
}

/*
 * With commit, rename every dir/NAME.tmp into place (0, or -1 and *e when
 * one cannot be, the rest then removed); otherwise remove them all.
 */
static int
files_finish(const char *dir, int commit, struct lb_err *e)
{
	struct lb_buf	 from, to;
	size_t		 i;
	int		 rc = 0;

	lb_buf_init(&from, 8192);
	lb_buf_init(&to, 8192);
	for (i = 0; i < NELEM(out_files); i++) {
		lb_buf_reset(&to);
		lb_buf_adds(&to, dir);
		lb_buf_addc(&to, '/');
		lb_buf_adds(&to, out_files[i]);
		lb_buf_reset(&from);
		lb_buf_adds(&from, lb_buf_cstr(&to));
		lb_buf_adds(&from, ".tmp");
		if (lb_buf_error(&from) != 0 || lb_buf_error(&to) != 0) {
			if (commit)
				rc = lb_error(e, "%s: directory name too long",
				    dir);
			commit = 0;
			continue;
		}
		if (commit && rename(lb_buf_cstr(&from), lb_buf_cstr(&to)) ==
		    -1) {
			rc = lb_error(e, "%s: %s", lb_buf_cstr(&to),
			    strerror(errno));
			commit = 0;
		}
		if (!commit)
			(void)unlink(lb_buf_cstr(&from));
	}
	lb_buf_free(&from);
	lb_buf_free(&to);
	return rc;
}

int
lb_demo_write(const char *dir, const struct lb_demo_opts *o,
    struct lb_err *e)
{
	struct gen	*g;
	int		 ok;

	if (dir == NULL || *dir == '\0')
		return lb_error(e, "demo: no directory");
	if ((g = lb_calloc(1, sizeof(*g))) == NULL)
		return lb_error(e, "out of memory");
	if (gen_init(g, o, e) == -1) {
		free(g);
		return -1;
	}
	ok = brokerage_write(g, dir, e) == 0 &&
	    clients_write(g, dir, e) == 0 &&
	    employees_write(g, dir, e) == 0 &&
	    shipments_write(g, dir, e) == 0 &&
	    statements_write(g, dir, e) == 0;
	free(g);
	return files_finish(dir, ok, e) == 0 && ok ? 0 : -1;
}
