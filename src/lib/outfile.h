/*
 * outfile.h: the one rule for every file a command writes (a pack, an
 * attachment, an export): never replace what is already there unless asked
 * to, and even when asked, replace only a regular file.
 *
 * Without LB_OUT_FORCE a path that exists, whatever it is, is refused.
 * With LB_OUT_FORCE a regular file is replaced; anything else (a symbolic
 * link, a device such as /dev/null, a FIFO, a socket, a directory) is
 * still refused: replacing a device node with a file, or writing through a
 * link to somewhere else, is never what the user meant.
 *
 * Files are written beside their target as "PATH.tmp-PID" (mode 0600) and
 * put in place by lb_outfile_place(): without LB_OUT_FORCE with link(2),
 * which fails rather than replace a file that appeared in the meantime;
 * with it by rename(2), after checking once more what is at PATH.
 */
#ifndef LB_OUTFILE_H
#define LB_OUTFILE_H

#include <stddef.h>

#include "err.h"

#define LB_OUT_FORCE	0x01	/* replace an existing regular file */

/* May a file be written at path?  0, or -1 with a message naming it. */
int	lb_outfile_check(const char *path, int flags, struct lb_err *);

/*
 * Put the finished temporary file tmp in place at path (see above).  On
 * failure tmp is removed and -1 returned with a message naming path.
 */
int	lb_outfile_place(const char *tmp, const char *path, int flags,
	    struct lb_err *);

/* Write len bytes to path: checked, through a temporary, fsync'd, placed. */
int	lb_outfile_write(const char *path, const void *data, size_t len,
	    int flags, struct lb_err *);

#endif
