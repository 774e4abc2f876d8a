/*
 * pdf.h: a thin page writer over cairo's PDF surface and pango, for the
 * paperwork Lifeboat prints (the downtime release pack, the enforcement-
 * discretion attachment).
 *
 * A document is US Letter (612 x 792 points), origin at the top left of
 * the page, y growing downwards, in DejaVu Sans.  Text is always given to
 * pango as plain text (never markup), so nothing in a value is interpreted.
 *
 * Errors: the drawing calls return nothing.  Cairo remembers the first
 * failure of a drawing (like lb_buf), so a caller draws freely and learns
 * of any failure once, from lb_pdf_close().
 *
 * The file is written atomically: to "PATH.tmp-PID" (mode 0600: the pages
 * may carry importer numbers), then, when cairo has finished without error,
 * fsync'd and put in place at PATH by lb_outfile_place() (outfile.h: an
 * existing PATH is refused, or with LB_OUT_FORCE replaced only when it is
 * a regular file), and the directory fsync'd.  On any error, and on
 * lb_pdf_abort(), the temporary file is removed and nothing is left at PATH
 * (an earlier file at PATH is left as it was).
 *
 * Ownership: lb_pdf_open() hands out a document that lb_pdf_close() or
 * lb_pdf_abort() frees, whatever happens; exactly one of them must be
 * called.  A document is used by one thread at a time.
 */
#ifndef LB_PDF_H
#define LB_PDF_H

#include <stdint.h>

#include "err.h"

#define LB_PDF_WIDTH	612.0	/* US Letter, points */
#define LB_PDF_HEIGHT	792.0

/* Text flags. */
#define LB_PDF_BOLD	0x01
#define LB_PDF_CENTER	0x02	/* centred in the width given */
#define LB_PDF_RIGHT	0x04	/* right-aligned in the width given */
#define LB_PDF_GRAY	0x08	/* dark gray instead of black (labels) */
#define LB_PDF_ONELINE	0x10	/* with a width: one line, cut with "..." */

struct lb_pdf;

/*
 * Start a document to be written at path, titled title (the PDF metadata;
 * UTF-8), created at `created` (seconds since the epoch, UTC; recorded in
 * the metadata so the same input gives the same document).  The first page
 * is open.  oflags is 0 or LB_OUT_FORCE (outfile.h): what may be at path
 * is checked first.  -1 with a message naming the path when path is
 * refused or the temporary file cannot be created.
 */
int	lb_pdf_open(const char *path, const char *title, int64_t created,
	    int oflags, struct lb_pdf **out, struct lb_err *);

/*
 * Draw s (UTF-8) with the top of its first line at (x, y), at size points.
 * With w > 0 the text wraps at word boundaries within w (and CENTER or
 * RIGHT align it there); with w <= 0 it is one line per '\n'.  Returns the
 * height of what was drawn.
 */
double	lb_pdf_text(struct lb_pdf *, double x, double y, double w,
	    double size, int flags, const char *s);
/* The height lb_pdf_text would draw, without drawing. */
double	lb_pdf_text_height(struct lb_pdf *, double w, double size, int flags,
	    const char *s);
/* The width of s on one line at size points. */
double	lb_pdf_text_width(struct lb_pdf *, double size, int flags,
	    const char *s);

/*
 * A form field: a box at (x, y) of w by h, its label small at the top left,
 * its value (may hold '\n') below.  A value that does not fit is set
 * smaller, down to a floor, then cut with an ellipsis: a field never
 * spills over its neighbours.  A NULL or empty value leaves the box blank.
 */
void	lb_pdf_field(struct lb_pdf *, double x, double y, double w, double h,
	    const char *label, const char *value);
/*
 * The size lb_pdf_field() would set value at in that box, and the field
 * drawn with its value at a size given (cut with an ellipsis if it does
 * not fit): a row of fields is set at the smallest size any of them needs,
 * so that type does not change size along the row.
 */
double	lb_pdf_field_size(struct lb_pdf *, double w, double h,
	    const char *label, const char *value);
void	lb_pdf_field_sized(struct lb_pdf *, double x, double y, double w,
	    double h, const char *label, const char *value, double size);

/* A rectangle outline of line width lw, filled with gray (0 black, 1 white)
 * first when fill >= 0. */
void	lb_pdf_rect(struct lb_pdf *, double x, double y, double w, double h,
	    double lw, double fill);
void	lb_pdf_line(struct lb_pdf *, double x1, double y1, double x2,
	    double y2, double lw);

/* End the page and start the next. */
void	lb_pdf_page(struct lb_pdf *);

/*
 * Dry run: while on, nothing is drawn and lb_pdf_page does nothing, but
 * lb_pdf_text still returns the height it would draw.  A caller lays a
 * flowing page out once dry to learn how many pages it takes (to print
 * "page N of M"), then again for real.
 */
void	lb_pdf_dry(struct lb_pdf *, int on);

/*
 * Record everything drawn from now on into log (NULL: stop), in a plain
 * text form a separate program can replay with cairo and pango alone: the
 * release-pack benchmark draws the same pages that way as its baseline.
 * The caller owns log; lb_buf's first error is remembered in it.
 */
struct lb_buf;
void	lb_pdf_log(struct lb_pdf *, struct lb_buf *log);

/*
 * Finish the document and put it in place at path (see above).  Frees the
 * document.  0, or -1 with a message naming the path.
 */
int	lb_pdf_close(struct lb_pdf *, struct lb_err *);
/* Discard the document and its temporary file.  Frees it. */
void	lb_pdf_abort(struct lb_pdf *);

#endif
