/*
 * bench_pdf.c: the baseline for the release-pack benchmark: the same pages
 * drawn by a bare cairo + pango program.
 *
 * First, off the clock, every pending shipment's pack of VAULT is made
 * once through Lifeboat (lb_pack_pdf_log) with a log of every primitive it
 * draws: each text run (font, size, weight, width, alignment, ellipsis,
 * position, the text itself), rectangle, line and page break.  Then, on
 * the clock, those logs are replayed with cairo and pango alone, one PDF
 * per pack into DIR: the same two or more pages (CBP Form 3461 and letter),
 * the same texts and fonts, one pango layout per document, each file
 * fsync'd as Lifeboat's are.  What the baseline leaves out is what is
 * Lifeboat's own work: reading the vault, checking the shipment, measuring
 * text to lay the pages out, the temporary file and the rename.  The first
 * document is replayed before the clock starts (font discovery, caches).
 *
 * usage: bench_pdf VAULT DIR YYYY-MM-DD
 * prints: documents seconds documents_per_second pages
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "buf.h"
#include "date.h"
#include "journal.h"
#include "pack.h"
#include "vault.h"

struct logs {
	struct lb_vault	*v;
	const char	*dir;
	int64_t		 now;
	char		**doc;		/* one log per pack */
	size_t		 n, cap;
};

static int
record(void *arg, const char *ref)
{
	struct logs		*l = arg;
	struct lb_problems	 pr;
	struct lb_pack		*pk;
	struct lb_err		 e;
	struct lb_buf		 b;
	char			 path[4096], **v;
	int			 rc;

	lb_problems_init(&pr, 10);
	rc = lb_pack_load(l->v, ref, &pk, &pr, &e);
	lb_problems_free(&pr);
	if (rc != LB_PACK_READY)
		return rc == -1 ? -1 : 0;
	(void)snprintf(path, sizeof(path), "%s/lifeboat-%zu.pdf", l->dir, l->n);
	lb_buf_init(&b, 1 << 24);
	rc = lb_pack_pdf_log(pk, l->now, path, 0, &b, &e);
	lb_pack_free(pk);
	(void)unlink(path);
	if (rc == -1 || lb_buf_error(&b) != 0) {
		fprintf(stderr, "bench_pdf: %s: %s\n", ref, e.msg);
		lb_buf_free(&b);
		return -1;
	}
	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 256 : l->cap * 2;
		if ((v = realloc(l->doc, l->cap * sizeof(*v))) == NULL)
			return -1;
		l->doc = v;
	}
	l->doc[l->n++] = lb_buf_detach(&b, NULL);
	return 0;
}

static cairo_status_t
write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

/* Draw one logged document into path; its page count in *pages. */
static int
replay(const char *log, const char *path, long *pages)
{
	cairo_surface_t		*s;
	cairo_t			*cr;
	PangoLayout		*layout;
	PangoContext		*ctx;
	PangoFontDescription	*font;
	PangoAttrList		*attrs;
	cairo_font_options_t	*fo;
	cairo_status_t		 st;
	FILE			*f;
	const char		*p = log;
	char			*end;
	double			 a[6], gray;
	long			 k[5];
	size_t			 n;
	int			 i;

	if ((f = fopen(path, "w")) == NULL)
		return -1;
	s = cairo_pdf_surface_create_for_stream(write_cb, f, 612, 792);
	cr = cairo_create(s);
	layout = pango_cairo_create_layout(cr);
	ctx = pango_layout_get_context(layout);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(ctx, 72);
	pango_layout_context_changed(layout);
	font = pango_font_description_from_string("DejaVu Sans");
	attrs = pango_attr_list_new();
	pango_attr_list_insert(attrs,
	    pango_attr_font_features_new("liga 0, clig 0"));
	pango_layout_set_attributes(layout, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	*pages = 1;
	while (*p != '\0') {
		char	op = *p++;

		switch (op) {
		case 'T':
			for (i = 0; i < 4; i++)
				a[i] = strtod(p, &end), p = end;
			for (i = 0; i < 5; i++)
				k[i] = strtol(p, &end, 10), p = end;
			p++;	/* the newline */
			n = (size_t)k[4];
			pango_font_description_set_size(font,
			    (gint)(a[3] * PANGO_SCALE + 0.5));
			pango_font_description_set_weight(font, k[0] ?
			    PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
			pango_layout_set_font_description(layout, font);
			pango_layout_set_width(layout, a[2] < 0 ? -1 :
			    (int)(a[2] * PANGO_SCALE));
			pango_layout_set_height(layout, (int)k[3]);
			pango_layout_set_alignment(layout,
			    (PangoAlignment)k[2]);
			pango_layout_set_text(layout, p, (int)n);
			p += n + 1;
			if (*p == 'E') {
				pango_layout_set_ellipsize(layout,
				    (PangoEllipsizeMode)strtol(p + 1, &end,
				    10));
				p = end + 1;
			}
			gray = (k[1] & 0x08) ? 0.3 : 0.0;
			cairo_set_source_rgb(cr, gray, gray, gray);
			cairo_move_to(cr, a[0], a[1]);
			pango_cairo_show_layout(cr, layout);
			break;
		case 'R':
			for (i = 0; i < 6; i++)
				a[i] = strtod(p, &end), p = end;
			p++;
			cairo_rectangle(cr, a[0], a[1], a[2], a[3]);
			if (a[5] >= 0) {
				cairo_set_source_rgb(cr, a[5], a[5], a[5]);
				cairo_fill_preserve(cr);
			}
			cairo_set_source_rgb(cr, 0, 0, 0);
			cairo_set_line_width(cr, a[4]);
			cairo_stroke(cr);
			break;
		case 'L':
			for (i = 0; i < 5; i++)
				a[i] = strtod(p, &end), p = end;
			p++;
			cairo_move_to(cr, a[0], a[1]);
			cairo_line_to(cr, a[2], a[3]);
			cairo_set_source_rgb(cr, 0, 0, 0);
			cairo_set_line_width(cr, a[4]);
			cairo_stroke(cr);
			break;
		case 'P':
			p++;
			cairo_show_page(cr);
			(*pages)++;
			break;
		default:
			fprintf(stderr, "bench_pdf: bad log record '%c'\n", op);
			return -1;
		}
	}
	pango_font_description_free(font);
	g_object_unref(layout);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
		(void)fclose(f);
		return -1;
	}
	if (fclose(f) != 0)
		return -1;
	return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

int
main(int argc, char **argv)
{
	struct lb_who	 who = { "os:bench", 0 };
	struct logs	 l;
	struct lb_err	 e;
	struct timespec	 t0, t1;
	char		 path[4096], why[160];
	double		 secs;
	int64_t		 day;
	long		 pages, total = 0;
	size_t		 i;

	if (argc != 4 || lb_date_parse(argv[3], strlen(argv[3]), &day, why,
	    sizeof(why)) == -1) {
		fprintf(stderr, "usage: bench_pdf VAULT DIR YYYY-MM-DD\n");
		return 2;
	}
	memset(&l, 0, sizeof(l));
	l.dir = argv[2];
	l.now = day * 86400;
	if (lb_vault_open(argv[1], &who, &l.v, &e) == -1) {
		fprintf(stderr, "bench_pdf: %s\n", e.msg);
		return 1;
	}
	if (lb_pack_pending(l.v, record, &l, &e) == -1 || l.n == 0) {
		fprintf(stderr, "bench_pdf: no packs recorded\n");
		return 1;
	}
	lb_vault_close(l.v);
	(void)snprintf(path, sizeof(path), "%s/bare-warmup.pdf", l.dir);
	if (replay(l.doc[0], path, &pages) == -1) {
		fprintf(stderr, "bench_pdf: cannot write into %s: %s\n", l.dir,
		    strerror(errno));
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < l.n; i++) {
		(void)snprintf(path, sizeof(path), "%s/bare-%zu.pdf", l.dir, i);
		if (replay(l.doc[i], path, &pages) == -1) {
			fprintf(stderr, "bench_pdf: cannot write %s\n", path);
			return 1;
		}
		total += pages;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%zu %.3f %.1f %.2f\n", l.n, secs, (double)l.n / secs,
	    (double)total / (double)l.n);
	for (i = 0; i < l.n; i++)
		free(l.doc[i]);
	free(l.doc);
	return 0;
}
