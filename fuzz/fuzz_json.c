/*
 * fuzz_json.c: libFuzzer target for the JSON reader (src/lib/json.c).
 *
 * Reads every object of the input through the memory reader and checks
 * what the reader promises (record.h, json.h): names and values within the
 * limits, valid UTF-8 without NUL, no duplicate names, literals and
 * numbers as documented, plausible positions; after an error, the same
 * error again.  Every byte of every name and value is read, so that a stale
 * or out-of-bounds pointer trips AddressSanitizer.  Linked with replay.c,
 * it also replays the corpus in the normal test run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(x)	do { if (!(x)) abort(); } while (0)

static size_t
touch(const char *p, size_t n)
{
	size_t	 i, sum = 0;

	for (i = 0; i < n; i++)
		sum += (unsigned char)p[i];
	return sum;
}

static void
check_text(const char *p, size_t n)
{
	CHECK(p != NULL);
	CHECK(memchr(p, '\0', n) == NULL);
	CHECK(lb_utf8_validate(p, n, NULL) == 0);
}

static void
check_value(const struct lb_field *f)
{
	size_t	 i;

	switch (f->type) {
	case LB_VAL_STRING:
		break;
	case LB_VAL_NUMBER:
		CHECK(f->len >= 1);
		for (i = 0; i < f->len; i++)
			CHECK(strchr("0123456789+-.eE", f->val[i]) != NULL);
		CHECK(f->val[0] == '-' || (f->val[0] >= '0' &&
		    f->val[0] <= '9'));
		break;
	case LB_VAL_BOOL:
		CHECK((f->len == 4 && memcmp(f->val, "true", 4) == 0) ||
		    (f->len == 5 && memcmp(f->val, "false", 5) == 0));
		break;
	case LB_VAL_NULL:
		CHECK(f->len == 0);
		break;
	default:
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lb_read_error	 err, again;
	struct lb_record	 rec;
	struct lb_json		*j;
	unsigned long		 maxline = 1, lastline = 0, lastcol = 0;
	volatile size_t		 sum = 0;
	size_t			 i, k;
	int			 r;

	for (i = 0; i < size; i++)
		if (data[i] == '\n')
			maxline++;
	if ((j = lb_json_open_mem((const char *)data, size)) == NULL)
		return 0;
	while ((r = lb_json_next(j, &rec, &err)) == 1) {
		CHECK(rec.nfields <= LB_MAX_FIELDS);
		CHECK(rec.line <= maxline && rec.col >= 1);
		CHECK(rec.line > lastline ||
		    (rec.line == lastline && rec.col > lastcol));
		lastline = rec.line;
		lastcol = rec.col;
		for (i = 0; i < rec.nfields; i++) {
			const struct lb_field	*f = &rec.fields[i];

			CHECK(f->name_len <= LB_MAX_NAME);
			CHECK(f->len <= LB_MAX_FIELD);
			check_text(f->name, f->name_len);
			check_text(f->val, f->len);
			check_value(f);
			CHECK(f->line >= rec.line && f->line <= maxline);
			CHECK(f->col >= 1);
			for (k = 0; k < i; k++)
				CHECK(rec.fields[k].name_len != f->name_len ||
				    memcmp(rec.fields[k].name, f->name,
				    f->name_len) != 0);
			sum += touch(f->name, f->name_len) +
			    touch(f->val, f->len);
		}
	}
	if (r == -1) {
		CHECK(memchr(err.msg, '\0', sizeof(err.msg)) != NULL);
		CHECK(err.msg[0] != '\0');
		CHECK(err.line >= 1 && err.line <= maxline);
		CHECK(err.col >= 1);
		CHECK(lb_json_next(j, &rec, &again) == -1);
		CHECK(memcmp(&again, &err, sizeof(again)) == 0);
	} else
		CHECK(lb_json_next(j, &rec, &err) == 0);
	lb_json_close(j);
	(void)sum;
	return 0;
}
