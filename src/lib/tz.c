/*
 * tz.c: a bounded parser of TZif files (RFC 8536) and the conversions
 * between instants and wall-clock times that the deadlines need (tz.h).
 * Pure: bytes in, numbers out; no file, no clock, no environment.
 *
 * The parser reads the version 1 header and skips its 32-bit data; for
 * version 2 and later it reads the 64-bit data and the footer's POSIX TZ
 * string.  Every count is checked against its bound before anything is
 * allocated, and every byte offset against the length, so that a file
 * that lies about its counts is refused rather than read past.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "mem.h"
#include "text.h"
#include "tz.h"

#define DAY	INT64_C(86400)

struct ttype {
	int32_t	 off;
	int	 isdst;
	char	 abbr[LB_TZ_ABBR_MAX];
};

/* A POSIX TZ rule date: Jn, n or Mm.w.d, and the time of day. */
struct rdate {
	char	 kind;		/* 'J', 'N' (zero-based n) or 'M' */
	int	 n, m, w, d;
	int32_t	 secs;		/* -167h..167h */
};

struct posix {
	char	 std[LB_TZ_ABBR_MAX], dst[LB_TZ_ABBR_MAX];
	int32_t	 std_off, dst_off;	/* east of UTC */
	int	 has_dst;
	struct rdate start, end;
};

struct lb_tz {
	size_t		 ntimes, ntypes;
	int64_t		*times;
	unsigned char	*idx;
	struct ttype	*types;
	int		 has_posix;
	struct posix	 px;
};

void
lb_tz_free(struct lb_tz *tz)
{
	if (tz == NULL)
		return;
	free(tz->times);
	free(tz->idx);
	free(tz->types);
	free(tz);
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	uint64_t	u = (uint64_t)be32(p) << 32 | be32(p + 4);

	return (int64_t)u;
}

struct hdr {
	int		 version;
	uint32_t	 isut, isstd, leap, time, type, chr;
};

static int
read_hdr(const unsigned char *b, size_t len, size_t at, struct hdr *h,
    char *why, size_t whylen)
{
	const unsigned char	*p;

	if (len < at || len - at < 44)
		return lb_why(why, whylen, "TZif header cut short at byte %zu",
		    at);
	p = b + at;
	if (memcmp(p, "TZif", 4) != 0)
		return lb_why(why, whylen, "not a TZif file (no TZif magic at "
		    "byte %zu)", at);
	if (p[4] != 0 && (p[4] < '2' || p[4] > '4'))
		return lb_why(why, whylen, "unknown TZif version byte 0x%02x",
		    p[4]);
	h->version = p[4] == 0 ? 1 : p[4] - '0';
	h->isut = be32(p + 20);
	h->isstd = be32(p + 24);
	h->leap = be32(p + 28);
	h->time = be32(p + 32);
	h->type = be32(p + 36);
	h->chr = be32(p + 40);
	if (h->time > LB_TZ_MAX_TIMES)
		return lb_why(why, whylen, "%lu transitions (at most %d)",
		    (unsigned long)h->time, LB_TZ_MAX_TIMES);
	if (h->type == 0 || h->type > LB_TZ_MAX_TYPES)
		return lb_why(why, whylen, "%lu local time types (1 to %d)",
		    (unsigned long)h->type, LB_TZ_MAX_TYPES);
	if (h->chr == 0 || h->chr > LB_TZ_MAX_CHARS)
		return lb_why(why, whylen, "%lu abbreviation bytes (1 to %d)",
		    (unsigned long)h->chr, LB_TZ_MAX_CHARS);
	if (h->leap > LB_TZ_MAX_LEAPS)
		return lb_why(why, whylen, "%lu leap-second records (at most "
		    "%d)", (unsigned long)h->leap, LB_TZ_MAX_LEAPS);
	if ((h->isut != 0 && h->isut != h->type) ||
	    (h->isstd != 0 && h->isstd != h->type))
		return lb_why(why, whylen, "UT/standard indicator counts do not "
		    "match the %lu types", (unsigned long)h->type);
	return 0;
}

/* Bytes of the data block after a header (tsize 4 or 8); all bounded. */
static size_t
data_len(const struct hdr *h, size_t tsize)
{
	return (size_t)h->time * tsize + h->time + (size_t)h->type * 6 +
	    h->chr + (size_t)h->leap * (tsize + 4) + h->isstd + h->isut;
}

/* Read the data block at b (checked to hold data_len bytes). */
static int
read_data(const unsigned char *b, const struct hdr *h, size_t tsize,
    struct lb_tz *tz, char *why, size_t whylen)
{
	const unsigned char	*p = b, *chars;
	size_t			 i, k, ai;
	int64_t			 t;
	int32_t			 off;

	tz->ntimes = h->time;
	tz->ntypes = h->type;
	if (h->time > 0 && ((tz->times = lb_mallocarray(h->time,
	    sizeof(*tz->times))) == NULL || (tz->idx = lb_mallocarray(h->time,
	    1)) == NULL))
		return lb_why(why, whylen, "out of memory");
	if ((tz->types = lb_calloc(h->type, sizeof(*tz->types))) == NULL)
		return lb_why(why, whylen, "out of memory");
	for (i = 0; i < h->time; i++, p += tsize) {
		t = tsize == 8 ? be64(p) : (int64_t)(int32_t)be32(p);
		if (i > 0 && t <= tz->times[i - 1])
			return lb_why(why, whylen, "transition %zu is not after "
			    "the one before", i + 1);
		tz->times[i] = t;
	}
	for (i = 0; i < h->time; i++, p++) {
		if (*p >= h->type)
			return lb_why(why, whylen, "transition %zu names type %u "
			    "of %lu", i + 1, *p, (unsigned long)h->type);
		tz->idx[i] = *p;
	}
	chars = p + (size_t)h->type * 6;
	for (i = 0; i < h->type; i++, p += 6) {
		off = (int32_t)be32(p);
		if (off < -LB_TZ_MAX_OFFSET || off > LB_TZ_MAX_OFFSET)
			return lb_why(why, whylen, "type %zu: offset %ld s out of "
			    "range", i, (long)off);
		if (p[4] > 1)
			return lb_why(why, whylen, "type %zu: DST flag %u", i,
			    p[4]);
		ai = p[5];
		if (ai >= h->chr)
			return lb_why(why, whylen, "type %zu: abbreviation index "
			    "%zu past %lu bytes", i, ai, (unsigned long)h->chr);
		tz->types[i].off = off;
		tz->types[i].isdst = p[4];
		for (k = 0; ai + k < h->chr && chars[ai + k] != '\0'; k++) {
			if (k + 1 >= LB_TZ_ABBR_MAX)
				return lb_why(why, whylen, "type %zu: "
				    "abbreviation longer than %d bytes", i,
				    LB_TZ_ABBR_MAX - 1);
			if (chars[ai + k] < 0x20 || chars[ai + k] > 0x7e)
				return lb_why(why, whylen, "type %zu: byte 0x%02x "
				    "in its abbreviation", i, chars[ai + k]);
			tz->types[i].abbr[k] = (char)chars[ai + k];
		}
		if (ai + k >= h->chr)
			return lb_why(why, whylen, "type %zu: abbreviation not "
			    "terminated", i);
	}
	/* Leap seconds and the indicators are read past (tz.h). */
	return 0;
}

/* The POSIX TZ string of the footer (RFC 8536 3.3). */

struct cur {
	const char	*p, *end;
};

static int
peek(const struct cur *c)
{
	return c->p < c->end ? (unsigned char)*c->p : -1;
}

static int
is_alpha(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static int
is_dig(int ch)
{
	return ch >= '0' && ch <= '9';
}

static int
px_name(struct cur *c, char out[LB_TZ_ABBR_MAX])
{
	size_t	n = 0;
	int	ch;

	if (peek(c) == '<') {
		c->p++;
		while ((ch = peek(c)) != '>') {
			if (ch == -1 || !(is_alpha(ch) || is_dig(ch) ||
			    ch == '+' || ch == '-') || n + 1 >= LB_TZ_ABBR_MAX)
				return -1;
			out[n++] = (char)ch;
			c->p++;
		}
		c->p++;
	} else
		while (is_alpha(ch = peek(c))) {
			if (n + 1 >= LB_TZ_ABBR_MAX)
				return -1;
			out[n++] = (char)ch;
			c->p++;
		}
	out[n] = '\0';
	return n >= 3 ? 0 : -1;
}

/* A number of at most maxd digits, at most max. */
static int
px_num(struct cur *c, int maxd, int max, int *v)
{
	int	n = 0;

	*v = 0;
	while (is_dig(peek(c))) {
		if (++n > maxd)
			return -1;
		*v = *v * 10 + (*c->p - '0');
		c->p++;
	}
	return n > 0 && *v <= max ? 0 : -1;
}

/* [+-]hh[:mm[:ss]], hours 0..maxh; seconds (sign applied). */
static int
px_hms(struct cur *c, int maxh, int32_t *secs)
{
	int	sign = 1, h, m = 0, s = 0;

	if (peek(c) == '+' || peek(c) == '-') {
		sign = *c->p == '-' ? -1 : 1;
		c->p++;
	}
	if (px_num(c, 3, maxh, &h) == -1)
		return -1;
	if (peek(c) == ':') {
		c->p++;
		if (px_num(c, 2, 59, &m) == -1)
			return -1;
		if (peek(c) == ':') {
			c->p++;
			if (px_num(c, 2, 59, &s) == -1)
				return -1;
		}
	}
	*secs = sign * (h * 3600 + m * 60 + s);
	return 0;
}

static int
px_rdate(struct cur *c, struct rdate *r)
{
	memset(r, 0, sizeof(*r));
	r->secs = 2 * 3600;
	if (peek(c) == 'J') {
		c->p++;
		r->kind = 'J';
		if (px_num(c, 3, 365, &r->n) == -1 || r->n < 1)
			return -1;
	} else if (peek(c) == 'M') {
		c->p++;
		r->kind = 'M';
		if (px_num(c, 2, 12, &r->m) == -1 || r->m < 1 ||
		    peek(c) != '.')
			return -1;
		c->p++;
		if (px_num(c, 1, 5, &r->w) == -1 || r->w < 1 || peek(c) != '.')
			return -1;
		c->p++;
		if (px_num(c, 1, 6, &r->d) == -1)
			return -1;
	} else {
		r->kind = 'N';
		if (px_num(c, 3, 365, &r->n) == -1)
			return -1;
	}
	if (peek(c) == '/') {
		c->p++;
		if (px_hms(c, 167, &r->secs) == -1)
			return -1;
	}
	return 0;
}

static int
px_parse(const char *s, size_t n, struct posix *px)
{
	struct cur	c = { s, s + n };
	int32_t		o;

	memset(px, 0, sizeof(*px));
	if (px_name(&c, px->std) == -1 || px_hms(&c, 24, &o) == -1)
		return -1;
	px->std_off = -o;	/* POSIX counts west of UTC */
	if (c.p == c.end)
		return 0;
	if (px_name(&c, px->dst) == -1)
		return -1;
	px->has_dst = 1;
	px->dst_off = px->std_off + 3600;
	if (peek(&c) != ',' && c.p != c.end) {
		if (px_hms(&c, 24, &o) == -1)
			return -1;
		px->dst_off = -o;
	}
	if (c.p == c.end) {
		/* No rule: the US rule, as tzcode assumes. */
		c.p = "M3.2.0,M11.1.0";
		c.end = c.p + strlen(c.p);
	} else if (*c.p++ != ',')
		return -1;
	if (px_rdate(&c, &px->start) == -1 || peek(&c) != ',')
		return -1;
	c.p++;
	if (px_rdate(&c, &px->end) == -1 || c.p != c.end)
		return -1;
	return 0;
}

int
lb_tz_parse(const unsigned char *b, size_t len, struct lb_tz **out,
    char *why, size_t whylen)
{
	struct lb_tz	*tz;
	struct hdr	 h1, h2;
	const unsigned char *f, *nl;
	size_t		 at, dl, fl;

	*out = NULL;
	if (b == NULL || len > LB_TZ_MAX_FILE)
		return lb_why(why, whylen, "TZif file larger than %d bytes",
		    LB_TZ_MAX_FILE);
	if (read_hdr(b, len, 0, &h1, why, whylen) == -1)
		return -1;
	dl = data_len(&h1, 4);
	if (len - 44 < dl)
		return lb_why(why, whylen, "TZif version 1 data cut short");
	if ((tz = lb_calloc(1, sizeof(*tz))) == NULL)
		return lb_why(why, whylen, "out of memory");
	if (h1.version == 1) {
		if (read_data(b + 44, &h1, 4, tz, why, whylen) == -1)
			goto fail;
		*out = tz;
		return 0;
	}
	at = 44 + dl;
	if (read_hdr(b, len, at, &h2, why, whylen) == -1)
		goto fail;
	at += 44;
	dl = data_len(&h2, 8);
	if (len - at < dl) {
		lb_why(why, whylen, "TZif 64-bit data cut short");
		goto fail;
	}
	if (read_data(b + at, &h2, 8, tz, why, whylen) == -1)
		goto fail;
	at += dl;
	if (len - at < 2 || b[at] != '\n') {
		lb_why(why, whylen, "TZif footer missing");
		goto fail;
	}
	f = b + at + 1;
	if ((nl = memchr(f, '\n', len - at - 1)) == NULL) {
		lb_why(why, whylen, "TZif footer not terminated");
		goto fail;
	}
	fl = (size_t)(nl - f);
	if (fl > LB_TZ_MAX_FOOTER) {
		lb_why(why, whylen, "TZif footer longer than %d bytes",
		    LB_TZ_MAX_FOOTER);
		goto fail;
	}
	if (fl > 0) {
		if (px_parse((const char *)f, fl, &tz->px) == -1) {
			lb_why(why, whylen, "bad POSIX TZ string in the footer");
			goto fail;
		}
		if (tz->px.std_off < -LB_TZ_MAX_OFFSET ||
		    tz->px.std_off > LB_TZ_MAX_OFFSET ||
		    tz->px.dst_off < -LB_TZ_MAX_OFFSET ||
		    tz->px.dst_off > LB_TZ_MAX_OFFSET) {
			lb_why(why, whylen, "footer offset out of range");
			goto fail;
		}
		tz->has_posix = 1;
	}
	*out = tz;
	return 0;
fail:
	lb_tz_free(tz);
	return -1;
}

/* Conversions. */

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t	q = a / b;

	if (a % b != 0 && (a < 0) != (b < 0))
		q--;
	return q;
}

/* The local day (since 1970) of a rule date in year y. */
static int64_t
rdate_day(const struct rdate *r, int y)
{
	int64_t	first, day;
	int	dim;

	switch (r->kind) {
	case 'J':
		/* 1..365, February 29 never counted. */
		day = lb_days_from_civil(y, 1, 1) + r->n - 1;
		if (lb_is_leap(y) && r->n >= 60)
			day++;
		return day;
	case 'N':
		return lb_days_from_civil(y, 1, 1) + r->n;
	default:
		first = lb_days_from_civil(y, r->m, 1);
		day = first + (r->d - lb_weekday(first) + 7) % 7 +
		    7 * (r->w - 1);
		dim = lb_days_in_month(y, r->m);
		while (day >= first + dim)
			day -= 7;	/* w = 5: the last such weekday */
		return day;
	}
}

/* The footer's offset at t; *dst set. */
static int32_t
px_offset(const struct posix *px, int64_t t, int *dst)
{
	int64_t	start, end, days;
	int	y, m, d;

	*dst = 0;
	if (!px->has_dst)
		return px->std_off;
	days = floor_div(t + px->std_off, DAY);
	if (days < -LB_DAYS_LIMIT / 2 || days > LB_DAYS_LIMIT / 2)
		return px->std_off;
	lb_civil_from_days(days, &y, &m, &d);
	/* Start is in standard time, end in daylight time (POSIX). */
	start = rdate_day(&px->start, y) * DAY + px->start.secs - px->std_off;
	end = rdate_day(&px->end, y) * DAY + px->end.secs - px->dst_off;
	if (start < end)
		*dst = t >= start && t < end;
	else
		*dst = !(t >= end && t < start);
	return *dst ? px->dst_off : px->std_off;
}

int32_t
lb_tz_utc_offset(const struct lb_tz *tz, int64_t t, const char **abbr,
    int *isdst)
{
	const struct ttype	*tt;
	size_t			 lo, hi, mid;
	int			 dst;
	int32_t			 off;

	if (tz == NULL) {
		if (abbr != NULL)
			*abbr = "UTC";
		if (isdst != NULL)
			*isdst = 0;
		return 0;
	}
	if (tz->has_posix && (tz->ntimes == 0 ||
	    t >= tz->times[tz->ntimes - 1])) {
		off = px_offset(&tz->px, t, &dst);
		if (abbr != NULL)
			*abbr = dst ? tz->px.dst : tz->px.std;
		if (isdst != NULL)
			*isdst = dst;
		return off;
	}
	if (tz->ntimes == 0 || t < tz->times[0])
		tt = &tz->types[0];
	else {
		lo = 0;
		hi = tz->ntimes;
		/* The last transition at or before t. */
		while (hi - lo > 1) {
			mid = lo + (hi - lo) / 2;
			if (tz->times[mid] <= t)
				lo = mid;
			else
				hi = mid;
		}
		tt = &tz->types[tz->idx[lo]];
	}
	if (abbr != NULL)
		*abbr = tt->abbr;
	if (isdst != NULL)
		*isdst = tt->isdst;
	return tt->off;
}

int64_t
lb_tz_local_to_utc(const struct lb_tz *tz, int64_t local, int *how)
{
	int32_t	o[3];
	int64_t	u, best_ok = 0, best_gap = 0;
	int	i, j, nok = 0, ngap = 0;

	if (how != NULL)
		*how = LB_TZ_UNIQUE;
	if (tz == NULL)
		return local;
	/*
	 * The offsets in force within a day either way are the only ones
	 * this wall time can have; each gives a candidate instant, valid
	 * when the offset is the one in force then.
	 */
	o[0] = lb_tz_utc_offset(tz, local - 2 * DAY, NULL, NULL);
	o[1] = lb_tz_utc_offset(tz, local, NULL, NULL);
	o[2] = lb_tz_utc_offset(tz, local + 2 * DAY, NULL, NULL);
	for (i = 0; i < 3; i++) {
		for (j = 0; j < i; j++)
			if (o[j] == o[i])
				break;
		if (j < i)
			continue;
		u = local - o[i];
		if (lb_tz_utc_offset(tz, u, NULL, NULL) == o[i]) {
			if (nok == 0 || u < best_ok)
				best_ok = u;
			nok++;
		} else {
			/* In a gap, the instant of the offset before it is
			 * the latest candidate: that is moving forward. */
			if (ngap == 0 || u > best_gap)
				best_gap = u;
			ngap++;
		}
	}
	if (nok > 0) {
		if (how != NULL && nok > 1)
			*how = LB_TZ_OVERLAP;
		return best_ok;
	}
	if (how != NULL)
		*how = LB_TZ_GAP;
	return best_gap;
}

int64_t
lb_tz_local_day(const struct lb_tz *tz, int64_t t)
{
	return floor_div(t + lb_tz_utc_offset(tz, t, NULL, NULL), DAY);
}

int64_t
lb_tz_day_end(const struct lb_tz *tz, int64_t day)
{
	return lb_tz_local_to_utc(tz, (day + 1) * DAY, NULL);
}

int
lb_tz_time_parse(const struct lb_tz *tz, const char *s, size_t n,
    int64_t *secs, char *why, size_t whylen)
{
	int64_t	t;
	int	zoned;

	if (lb_time_parse_zoned(s, n, &t, &zoned, why, whylen) == -1)
		return -1;
	if (!zoned) {
		if (tz == NULL)
			return lb_why(why, whylen, "no time zone set: give an "
			    "offset (Z, -06:00) or set one: lifeboat config set "
			    "timezone America/Chicago");
		t = lb_tz_local_to_utc(tz, t, NULL);
	}
	if (lb_time_check_range(t, why, whylen) == -1)
		return -1;
	*secs = t;
	return 0;
}

/* Civil date and time of local seconds; 0, or -1 out of 4-digit years. */
static int
civil(int64_t local, int *y, int *mo, int *d, int *h, int *mi, int *s)
{
	int64_t	days = floor_div(local, DAY), rem = local - days * DAY;

	if (days < lb_days_from_civil(0, 1, 1) ||
	    days > lb_days_from_civil(9999, 12, 31))
		return -1;
	lb_civil_from_days(days, y, mo, d);
	*h = (int)(rem / 3600);
	*mi = (int)(rem / 60 % 60);
	*s = (int)(rem % 60);
	return 0;
}

void
lb_tz_format(const struct lb_tz *tz, int64_t t, int seconds, char *out,
    size_t len)
{
	const char	*abbr;
	int32_t		 off;
	int		 y, mo, d, h, mi, s;

	if (len == 0)
		return;
	out[0] = '\0';
	off = lb_tz_utc_offset(tz, t, &abbr, NULL);
	if (civil(t + off, &y, &mo, &d, &h, &mi, &s) == -1)
		return;
	if (seconds)
		(void)snprintf(out, len, "%04d-%02d-%02d %02d:%02d:%02d %s", y,
		    mo, d, h, mi, s, abbr);
	else
		(void)snprintf(out, len, "%04d-%02d-%02d %02d:%02d %s", y, mo,
		    d, h, mi, abbr);
}

/* Two digits by hand: JSON reports format millions of instants. */
static void
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

void
lb_tz_format_rfc3339(const struct lb_tz *tz, int64_t t,
    char out[LB_TZ_RFC3339_STRLEN])
{
	int32_t	off;
	int	y, mo, d, h, mi, s, a;

	out[0] = '\0';
	/* RFC 3339 offsets are whole minutes. */
	off = lb_tz_utc_offset(tz, t, NULL, NULL) / 60 * 60;
	if (civil(t + off, &y, &mo, &d, &h, &mi, &s) == -1)
		return;
	a = off < 0 ? -off : off;
	put2(out, y / 100);
	put2(out + 2, y % 100);
	out[4] = '-';
	put2(out + 5, mo);
	out[7] = '-';
	put2(out + 8, d);
	out[10] = 'T';
	put2(out + 11, h);
	out[13] = ':';
	put2(out + 14, mi);
	out[16] = ':';
	put2(out + 17, s);
	out[19] = off < 0 ? '-' : '+';
	put2(out + 20, a / 3600);
	out[22] = ':';
	put2(out + 23, a / 60 % 60);
	out[25] = '\0';
}
