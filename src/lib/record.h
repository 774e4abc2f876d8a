/*
 * record.h: one record read from an outside file, whatever its format.
 *
 * The CSV and JSON readers both hand the import engine a struct lb_record:
 * a list of named fields, each with its text and the place it came from.
 * Field names and values are validated UTF-8 without NUL bytes (the readers
 * refuse anything else), but are NOT NUL-terminated: always use len.
 * All pointers belong to the reader and stay valid until its next call.
 */
#ifndef LB_RECORD_H
#define LB_RECORD_H

#include <stddef.h>

enum lb_val_type {
	LB_VAL_STRING,	/* CSV field, or JSON string (escapes decoded) */
	LB_VAL_NUMBER,	/* JSON number, as written in the file */
	LB_VAL_BOOL,	/* JSON true/false: val is "true" or "false" */
	LB_VAL_NULL	/* JSON null: val is "" */
};

struct lb_field {
	const char	*name;
	size_t		 name_len;
	const char	*val;
	size_t		 len;
	enum lb_val_type type;
	unsigned long	 line;	/* 1-based line where the value starts */
	unsigned long	 col;	/* 1-based column (in characters) of the value */
};

struct lb_record {
	struct lb_field	*fields;
	size_t		 nfields;
	unsigned long	 line;	/* where the record starts */
	unsigned long	 col;
};

/* Error from a reader: where and what, message without a trailing newline. */
struct lb_read_error {
	unsigned long	 line;
	unsigned long	 col;
	char		 msg[256];
};

/* Limits every reader enforces (see docs/formats.md). */
#define LB_MAX_FIELD	((size_t)64 * 1024)	/* bytes in one value */
#define LB_MAX_FIELDS	256			/* fields in one record */
#define LB_MAX_NAME	64			/* bytes in a field name */

#endif
