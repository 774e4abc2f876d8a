/*
 * json.h: a streaming reader for a JSON array of flat objects.
 *
 * Lifeboat's JSON import files are RFC 8259 text whose top level is one
 * array of objects; each object's members are strings, numbers, true, false
 * or null (no nested arrays or objects).  The reader hands over one object
 * at a time as a struct lb_record, in bounded memory whatever the input:
 * it never holds more than one object.  Strings are returned decoded
 * (escapes, \u surrogate pairs to UTF-8); numbers as written.
 *
 * Refused, with line and column: invalid UTF-8, a NUL byte (raw or as
 * \u0000), a lone or reversed surrogate, control characters in strings,
 * a value longer than LB_MAX_FIELD, more than LB_MAX_FIELDS members, a
 * member name longer than LB_MAX_NAME, a duplicate member name in one
 * object, nested arrays/objects, malformed numbers or literals, trailing
 * commas, text after the closing bracket, an empty input, a top level that
 * is not an array.  After an error every later call returns -1 again.
 */
#ifndef LB_JSON_H
#define LB_JSON_H

#include <stddef.h>

#include "record.h"

struct lb_json;

struct lb_json	*lb_json_open_fd(int fd);
struct lb_json	*lb_json_open_mem(const char *p, size_t n);
void		 lb_json_close(struct lb_json *);

/* Next object: 1 and *rec filled, 0 after the closing ], -1 with *err. */
int		 lb_json_next(struct lb_json *, struct lb_record *rec,
		    struct lb_read_error *err);

#endif
