/*
 * pdf.c: the page writer over cairo and pango (see pdf.h).
 *
 * Cairo writes the PDF through a stream callback into a buffer of ours,
 * flushed to the temporary file in large blocks: cairo emits many small
 * pieces, and one write(2) each would cost more than the drawing.
 *
 * One PangoLayout per document is reused for every piece of text (its font
 * and width reset each time), since creating a layout means creating a
 * pango context, which costs more than laying a field out.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "buf.h"
#include "date.h"
#include "mem.h"
#include "outfile.h"
#include "pdf.h"

#define FONT_FAMILY	"DejaVu Sans"
#define OUTBUF		(64 * 1024)

#define LABEL_SIZE	5.5	/* field labels */
#define VALUE_SIZE	9.0	/* field values, at best */
#define VALUE_FLOOR	6.0	/* smallest a value is set before it is cut */

struct lb_pdf {
	cairo_surface_t		*surface;
	cairo_t			*cr;
	PangoLayout		*layout;
	PangoFontDescription	*font;
	double			 font_size;	/* what font holds now */
	int			 font_bold;
	int			 dry;	/* measure, draw nothing */
	struct lb_buf		*log;	/* what is drawn, for a replay */
	int			 fd;
	int			 oflags;	/* LB_OUT_FORCE or 0 */
	int			 werr;	/* errno of the first failed write */
	unsigned char		*out;
	size_t			 outlen;
	char			*path;
	char			*tmp;
};

static int
flush_out(struct lb_pdf *p)
{
	size_t	 off = 0;
	ssize_t	 n;

	while (off < p->outlen && p->werr == 0) {
		n = write(p->fd, p->out + off, p->outlen - off);
		if (n == -1) {
			if (errno != EINTR)
				p->werr = errno;
			continue;
		}
		off += (size_t)n;
	}
	p->outlen = 0;
	return p->werr == 0 ? 0 : -1;
}

static cairo_status_t
write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	struct lb_pdf	*p = closure;
	size_t		 n;

	while (len > 0) {
		if (p->werr != 0)
			return CAIRO_STATUS_WRITE_ERROR;
		if (p->outlen == OUTBUF && flush_out(p) == -1)
			return CAIRO_STATUS_WRITE_ERROR;
		n = OUTBUF - p->outlen;
		if (n > len)
			n = len;
		memcpy(p->out + p->outlen, data, n);
		p->outlen += n;
		data += n;
		len -= (unsigned int)n;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* Release everything but the files. */
static void
release(struct lb_pdf *p)
{
	if (p->layout != NULL)
		g_object_unref(p->layout);
	if (p->font != NULL)
		pango_font_description_free(p->font);
	if (p->cr != NULL)
		cairo_destroy(p->cr);
	if (p->surface != NULL)
		cairo_surface_destroy(p->surface);
	if (p->fd != -1)
		(void)close(p->fd);
	free(p->out);
	free(p->path);
	free(p->tmp);
	free(p);
}

void
lb_pdf_abort(struct lb_pdf *p)
{
	if (p == NULL)
		return;
	/* Finishing first, so cairo writes no more into the file. */
	if (p->surface != NULL) {
		if (p->cr != NULL) {
			cairo_destroy(p->cr);
			p->cr = NULL;
		}
		p->werr = p->werr != 0 ? p->werr : ECANCELED;
		cairo_surface_finish(p->surface);
	}
	if (p->tmp != NULL)
		(void)unlink(p->tmp);
	release(p);
}

int
lb_pdf_open(const char *path, const char *title, int64_t created, int oflags,
    struct lb_pdf **out, struct lb_err *e)
{
	struct lb_pdf	*p;
	cairo_font_options_t *fo;
	PangoContext	*ctx;
	PangoAttrList	*attrs;
	char		 when[LB_TIME_STRLEN];
	size_t		 n;
	int		 tries;

	*out = NULL;
	if (path == NULL || path[0] == '\0')
		return lb_error(e, "no file name for the PDF");
	/* Refused before anything is created beside it. */
	if (lb_outfile_check(path, oflags, e) == -1)
		return -1;
	if ((p = lb_calloc(1, sizeof(*p))) == NULL)
		return lb_error(e, "out of memory");
	p->fd = -1;
	p->oflags = oflags;
	n = strlen(path) + 32;
	if ((p->path = lb_strndup(path, strlen(path))) == NULL ||
	    (p->tmp = lb_mallocarray(n, 1)) == NULL ||
	    (p->out = lb_mallocarray(OUTBUF, 1)) == NULL) {
		release(p);
		return lb_error(e, "out of memory");
	}
	(void)snprintf(p->tmp, n, "%s.tmp-%ld", path, (long)getpid());
	/*
	 * A temporary of this name can only be left by a crashed run of a
	 * process that had our pid: remove it and try once more.
	 */
	for (tries = 0; tries < 2; tries++) {
		p->fd = open(p->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
		    O_NOFOLLOW, 0600);
		if (p->fd != -1 || errno != EEXIST)
			break;
		(void)unlink(p->tmp);
	}
	if (p->fd == -1) {
		lb_error(e, "cannot create %s: %s", path, strerror(errno));
		free(p->tmp);
		p->tmp = NULL;
		release(p);
		return -1;
	}
	p->surface = cairo_pdf_surface_create_for_stream(write_cb, p,
	    LB_PDF_WIDTH, LB_PDF_HEIGHT);
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS) {
		lb_error(e, "cannot write %s: cairo: %s", path,
		    cairo_status_to_string(cairo_surface_status(p->surface)));
		lb_pdf_abort(p);
		return -1;
	}
	if (title != NULL)
		cairo_pdf_surface_set_metadata(p->surface,
		    CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_CREATOR, "Lifeboat");
	lb_time_format(created, when);
	if (when[0] != '\0')
		cairo_pdf_surface_set_metadata(p->surface,
		    CAIRO_PDF_METADATA_CREATE_DATE, when);
	p->cr = cairo_create(p->surface);
	if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS) {
		lb_error(e, "cannot write %s: cairo: %s", path,
		    cairo_status_to_string(cairo_status(p->cr)));
		lb_pdf_abort(p);
		return -1;
	}
	p->layout = pango_cairo_create_layout(p->cr);
	/* Metrics as designed, not snapped to a screen's pixels. */
	ctx = pango_layout_get_context(p->layout);
	if ((fo = cairo_font_options_create()) != NULL) {
		cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
		cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
		pango_cairo_context_set_font_options(ctx, fo);
		cairo_font_options_destroy(fo);
	}
	/* Sizes are in points and a PDF user unit is a point: 72 per inch. */
	pango_cairo_context_set_resolution(ctx, 72);
	pango_layout_context_changed(p->layout);
	p->font = pango_font_description_from_string(FONT_FAMILY);
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	/*
	 * No ligatures: "fi" stays two letters, so the text extracts as
	 * typed and Latin text keeps to glyphs that map to WinAnsi, which
	 * lets cairo embed one simple subset per font instead of adding a
	 * CID subset to each.
	 */
	if ((attrs = pango_attr_list_new()) != NULL) {
		pango_attr_list_insert(attrs,
		    pango_attr_font_features_new("liga 0, clig 0"));
		pango_layout_set_attributes(p->layout, attrs);
		pango_attr_list_unref(attrs);
	}
	cairo_set_line_join(p->cr, CAIRO_LINE_JOIN_MITER);
	*out = p;
	return 0;
}

/* Set the layout up for s at size, in width w (<= 0: unbounded). */
static void
prepare(struct lb_pdf *p, double w, double size, int flags, const char *s)
{
	int	bold = (flags & LB_PDF_BOLD) != 0;

	if (size != p->font_size || bold != p->font_bold) {
		pango_font_description_set_size(p->font,
		    (gint)(size * PANGO_SCALE + 0.5));
		pango_font_description_set_weight(p->font, bold ?
		    PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
		pango_layout_set_font_description(p->layout, p->font);
		p->font_size = size;
		p->font_bold = bold;
	}
	pango_layout_set_width(p->layout, w > 0 ? (int)(w * PANGO_SCALE) : -1);
	/* Height -1 with an ellipsis: at most one line per paragraph. */
	pango_layout_set_height(p->layout, -1);
	pango_layout_set_ellipsize(p->layout, (flags & LB_PDF_ONELINE) &&
	    w > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
	pango_layout_set_alignment(p->layout, (flags & LB_PDF_CENTER) ?
	    PANGO_ALIGN_CENTER : (flags & LB_PDF_RIGHT) ? PANGO_ALIGN_RIGHT :
	    PANGO_ALIGN_LEFT);
	pango_layout_set_text(p->layout, s != NULL ? s : "", -1);
}

static double
layout_height(struct lb_pdf *p)
{
	int	w, h;

	pango_layout_get_size(p->layout, &w, &h);
	return (double)h / PANGO_SCALE;
}

/*
 * The drawing log (lb_pdf_log): one record per primitive, numbers as text,
 * a text's bytes after its header line, so that a program of its own can
 * draw the same pages with cairo and pango alone (bench/bench_pdf.c).
 */
static void
log_text(struct lb_pdf *p, double x, double y, int flags)
{
	const char	*t = pango_layout_get_text(p->layout);
	size_t		 n = strlen(t);
	int		 w = pango_layout_get_width(p->layout);
	int		 h = pango_layout_get_height(p->layout);

	lb_buf_addf(p->log, "T %.3f %.3f %.3f %.3f %d %d %d %d %zu\n", x, y,
	    w < 0 ? -1.0 : (double)w / PANGO_SCALE, p->font_size, p->font_bold,
	    flags, pango_layout_get_alignment(p->layout), h < 0 ? -1 : h, n);
	lb_buf_add(p->log, t, n);
	lb_buf_addc(p->log, '\n');
	lb_buf_addf(p->log, "E %d\n",
	    (int)pango_layout_get_ellipsize(p->layout));
}

static void
show(struct lb_pdf *p, double x, double y, int flags)
{
	if (p->log != NULL)
		log_text(p, x, y, flags);
	double	gray = (flags & LB_PDF_GRAY) ? 0.3 : 0.0;

	cairo_set_source_rgb(p->cr, gray, gray, gray);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
}

double
lb_pdf_text(struct lb_pdf *p, double x, double y, double w, double size,
    int flags, const char *s)
{
	double	h;

	if (s == NULL || s[0] == '\0')
		return 0;
	prepare(p, w, size, flags, s);
	h = layout_height(p);
	if (!p->dry)
		show(p, x, y, flags);
	return h;
}

double
lb_pdf_text_height(struct lb_pdf *p, double w, double size, int flags,
    const char *s)
{
	if (s == NULL || s[0] == '\0')
		return 0;
	prepare(p, w, size, flags, s);
	return layout_height(p);
}

double
lb_pdf_text_width(struct lb_pdf *p, double size, int flags, const char *s)
{
	int	w, h;

	if (s == NULL || s[0] == '\0')
		return 0;
	prepare(p, -1, size, flags, s);
	pango_layout_get_size(p->layout, &w, &h);
	return (double)w / PANGO_SCALE;
}

static const double field_sizes[] = { VALUE_SIZE, 8.0, 7.0, VALUE_FLOOR };
#define NSIZES	(sizeof(field_sizes) / sizeof(field_sizes[0]))

/* Height of a field's label (drawn at LABEL_SIZE in w - 5). */
static double
label_height(struct lb_pdf *p, double w, const char *label)
{
	if (label == NULL || label[0] == '\0')
		return 0;
	prepare(p, w - 5, LABEL_SIZE, LB_PDF_GRAY, label);
	return layout_height(p);
}

double
lb_pdf_field_size(struct lb_pdf *p, double w, double h, const char *label,
    const char *value)
{
	double	avail = h - label_height(p, w, label) - 3;
	size_t	i;

	if (value == NULL || value[0] == '\0' || w - 6 <= 0)
		return VALUE_SIZE;
	for (i = 0; i < NSIZES; i++) {
		prepare(p, w - 6, field_sizes[i], 0, value);
		if (layout_height(p) <= avail)
			return field_sizes[i];
	}
	return VALUE_FLOOR;
}

void
lb_pdf_field_sized(struct lb_pdf *p, double x, double y, double w, double h,
    const char *label, const char *value, double size)
{
	double	lh = 0, avail, vw = w - 6;

	if (p->dry)
		return;
	lb_pdf_rect(p, x, y, w, h, 0.6, -1);
	if (label != NULL && label[0] != '\0')
		lh = lb_pdf_text(p, x + 2.5, y + 1.5, w - 5, LABEL_SIZE,
		    LB_PDF_GRAY, label);
	if (value == NULL || value[0] == '\0' || vw <= 0)
		return;
	if (size < VALUE_FLOOR)
		size = VALUE_FLOOR;
	avail = h - lh - 3;
	prepare(p, vw, size, 0, value);
	if (layout_height(p) > avail) {
		/* Too tall even so: cut to the lines that fit. */
		pango_layout_set_ellipsize(p->layout, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(p->layout, (int)(avail * PANGO_SCALE));
	}
	show(p, x + 3, y + lh + 2, 0);
}

void
lb_pdf_field(struct lb_pdf *p, double x, double y, double w, double h,
    const char *label, const char *value)
{
	if (p->dry)
		return;
	lb_pdf_field_sized(p, x, y, w, h, label, value,
	    lb_pdf_field_size(p, w, h, label, value));
}

void
lb_pdf_rect(struct lb_pdf *p, double x, double y, double w, double h,
    double lw, double fill)
{
	if (p->dry)
		return;
	if (p->log != NULL)
		lb_buf_addf(p->log, "R %.3f %.3f %.3f %.3f %.3f %.3f\n", x, y,
		    w, h, lw, fill);
	cairo_rectangle(p->cr, x, y, w, h);
	if (fill >= 0) {
		cairo_set_source_rgb(p->cr, fill, fill, fill);
		cairo_fill_preserve(p->cr);
	}
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_line_width(p->cr, lw);
	cairo_stroke(p->cr);
}

void
lb_pdf_line(struct lb_pdf *p, double x1, double y1, double x2, double y2,
    double lw)
{
	if (p->dry)
		return;
	if (p->log != NULL)
		lb_buf_addf(p->log, "L %.3f %.3f %.3f %.3f %.3f\n", x1, y1, x2,
		    y2, lw);
	cairo_move_to(p->cr, x1, y1);
	cairo_line_to(p->cr, x2, y2);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_line_width(p->cr, lw);
	cairo_stroke(p->cr);
}

void
lb_pdf_page(struct lb_pdf *p)
{
	if (p->dry)
		return;
	if (p->log != NULL)
		lb_buf_adds(p->log, "P\n");
	cairo_show_page(p->cr);
}

void
lb_pdf_log(struct lb_pdf *p, struct lb_buf *log)
{
	p->log = log;
}

void
lb_pdf_dry(struct lb_pdf *p, int on)
{
	p->dry = on;
}

int
lb_pdf_close(struct lb_pdf *p, struct lb_err *e)
{
	cairo_status_t	 cs;
	int		 fd, rc;

	cs = cairo_status(p->cr);
	g_object_unref(p->layout);
	p->layout = NULL;
	cairo_destroy(p->cr);
	p->cr = NULL;
	if (cs == CAIRO_STATUS_SUCCESS) {
		cairo_surface_finish(p->surface);
		cs = cairo_surface_status(p->surface);
	}
	if (p->werr == 0)
		(void)flush_out(p);
	if (p->werr != 0) {
		lb_error(e, "cannot write %s: %s", p->path, strerror(p->werr));
		goto fail;
	}
	if (cs != CAIRO_STATUS_SUCCESS) {
		lb_error(e, "cannot write %s: cairo: %s", p->path,
		    cairo_status_to_string(cs));
		goto fail;
	}
	fd = p->fd;
	p->fd = -1;
	if (fsync(fd) == -1) {
		lb_error(e, "cannot write %s: %s", p->path, strerror(errno));
		(void)close(fd);
		goto fail;
	}
	if (close(fd) == -1) {
		lb_error(e, "cannot write %s: %s", p->path, strerror(errno));
		goto fail;
	}
	rc = lb_outfile_place(p->tmp, p->path, p->oflags, e);
	free(p->tmp);
	p->tmp = NULL;
	if (rc == -1) {
		release(p);
		return -1;
	}
	release(p);
	return 0;
fail:
	lb_pdf_abort(p);
	return -1;
}
