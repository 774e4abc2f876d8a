/*
 * csv.h: a streaming RFC 4180 reader.
 *
 * Reads comma-separated UTF-8 text with a header row, from a file
 * descriptor or a memory block, one record at a time, in bounded memory
 * (never more than LB_MAX_FIELD bytes per field and LB_MAX_FIELDS fields per
 * record, whatever the input).  Line endings CRLF or LF; a UTF-8 byte order
 * mark at the very start is skipped; quoted fields may hold commas, quotes
 * ("") and line breaks.  Fields are named by the header row.
 *
 * Refused, with line and column: invalid UTF-8, a NUL byte, a field longer
 * than LB_MAX_FIELD, more than LB_MAX_FIELDS fields, an unterminated quote,
 * text after a closing quote, a record whose field count differs from the
 * header's, an empty or duplicate header name, an empty input (no header).
 * A completely empty line between records is skipped.  After an error the
 * reader is finished: every later call returns -1 with the same error.
 */
#ifndef LB_CSV_H
#define LB_CSV_H

#include <stddef.h>

#include "record.h"

struct lb_csv;

/* Reader over fd (not closed by the reader).  NULL on allocation failure. */
struct lb_csv	*lb_csv_open_fd(int fd);
/* Reader over n bytes at p (not copied: must outlive the reader). */
struct lb_csv	*lb_csv_open_mem(const char *p, size_t n);
void		 lb_csv_close(struct lb_csv *);

/*
 * Read the header row.  Must be called once, first.  On success the header
 * names are available through lb_csv_header(); returns 0, or -1 with *err
 * filled (empty input gives "empty file: no header row").
 */
int		 lb_csv_read_header(struct lb_csv *, struct lb_read_error *err);
/* Header names, as fields with name = the column name (val unused). */
const struct lb_record *lb_csv_header(const struct lb_csv *);

/*
 * Next data record: 1 and *rec filled (fields named after the header, in
 * header order, type LB_VAL_STRING), 0 at end of input, -1 on error with *err.
 */
int		 lb_csv_next(struct lb_csv *, struct lb_record *rec,
		    struct lb_read_error *err);

#endif
