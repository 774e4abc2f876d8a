/*
 * fuzz_csv.c: libFuzzer target for the CSV reader (src/lib/csv.c).
 *
 * Reads every record of the input through the memory reader and checks
 * what the reader promises (record.h, csv.h): every field named after the
 * header, within the limits, valid UTF-8 without NUL, at a plausible place;
 * after an error, the same error again.  Every byte of every field is read,
 * so that a stale or out-of-bounds pointer trips AddressSanitizer.  Linked
 * with replay.c, it also replays the corpus in the normal test run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
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
check_error(struct lb_csv *c, const struct lb_read_error *err,
    unsigned long maxline)
{
	struct lb_read_error	 again;
	struct lb_record	 rec;

	CHECK(memchr(err->msg, '\0', sizeof(err->msg)) != NULL);
	CHECK(err->msg[0] != '\0');
	CHECK(err->line >= 1 && err->line <= maxline);
	CHECK(err->col >= 1);
	CHECK(lb_csv_next(c, &rec, &again) == -1);
	CHECK(memcmp(&again, err, sizeof(again)) == 0);
	CHECK(lb_csv_read_header(c, &again) == -1);
	CHECK(memcmp(&again, err, sizeof(again)) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct lb_record	*h;
	struct lb_read_error	 err;
	struct lb_record	 rec;
	struct lb_csv		*c;
	unsigned long		 maxline = 1, lastline = 0;
	volatile size_t		 sum = 0;
	size_t			 i, j;
	int			 r;

	for (i = 0; i < size; i++)
		if (data[i] == '\n')
			maxline++;
	if ((c = lb_csv_open_mem((const char *)data, size)) == NULL)
		return 0;
	if (lb_csv_read_header(c, &err) == -1) {
		check_error(c, &err, maxline);
		lb_csv_close(c);
		return 0;
	}
	h = lb_csv_header(c);
	CHECK(h->nfields >= 1 && h->nfields <= LB_MAX_FIELDS);
	for (i = 0; i < h->nfields; i++) {
		CHECK(h->fields[i].name_len >= 1);
		CHECK(h->fields[i].name_len <= LB_MAX_NAME);
		check_text(h->fields[i].name, h->fields[i].name_len);
		for (j = 0; j < i; j++)
			CHECK(h->fields[j].name_len != h->fields[i].name_len ||
			    memcmp(h->fields[j].name, h->fields[i].name,
			    h->fields[i].name_len) != 0);
	}
	while ((r = lb_csv_next(c, &rec, &err)) == 1) {
		CHECK(rec.nfields == h->nfields);
		CHECK(rec.line > lastline && rec.line <= maxline);
		CHECK(rec.col == 1);
		lastline = rec.line;
		for (i = 0; i < rec.nfields; i++) {
			const struct lb_field	*f = &rec.fields[i];

			CHECK(f->name == h->fields[i].name);
			CHECK(f->name_len == h->fields[i].name_len);
			CHECK(f->type == LB_VAL_STRING);
			CHECK(f->len <= LB_MAX_FIELD);
			CHECK(f->line >= rec.line && f->line <= maxline);
			CHECK(f->col >= 1);
			check_text(f->val, f->len);
			sum += touch(f->val, f->len) + f->len;
		}
	}
	if (r == -1)
		check_error(c, &err, maxline);
	else
		CHECK(lb_csv_next(c, &rec, &err) == 0);
	lb_csv_close(c);
	(void)sum;
	return 0;
}
