/*
 * bench_pdf.c: the baseline for the release-pack benchmark: the bare rate
 * of cairo + pango at making a trivial one-page PDF holding one line of
 * text (DejaVu Sans through pango, as the packs use), each to its own file
 * in DIR, in one process.  The first document (font discovery, fontconfig
 * and pango caches) is made before the clock starts, so the rate is the
 * steady one; there is no fsync and no atomic rename.
 *
 * usage: bench_pdf DIR COUNT     prints: documents seconds documents_per_second
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

static int
one(const char *dir, long i)
{
	char			 path[4096];
	cairo_surface_t		*s;
	cairo_t			*cr;
	PangoLayout		*layout;
	PangoFontDescription	*font;
	cairo_status_t		 st;

	if ((size_t)snprintf(path, sizeof(path), "%s/bare-%ld.pdf", dir, i) >=
	    sizeof(path))
		return -1;
	s = cairo_pdf_surface_create(path, 612, 792);
	cr = cairo_create(s);
	layout = pango_cairo_create_layout(cr);
	font = pango_font_description_from_string("DejaVu Sans 12");
	pango_layout_set_font_description(layout, font);
	pango_layout_set_text(layout, "Request for downtime release", -1);
	cairo_move_to(cr, 72, 72);
	pango_cairo_show_layout(cr, layout);
	pango_font_description_free(font);
	g_object_unref(layout);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

int
main(int argc, char **argv)
{
	struct timespec	 t0, t1;
	double		 secs;
	char		*end;
	long		 n, i;

	if (argc != 3 || (n = strtol(argv[2], &end, 10)) < 1 || *end != '\0') {
		fprintf(stderr, "usage: bench_pdf DIR COUNT\n");
		return 2;
	}
	if (one(argv[1], 0) == -1) {
		fprintf(stderr, "bench_pdf: cannot write into %s\n", argv[1]);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 1; i <= n; i++)
		if (one(argv[1], i) == -1) {
			fprintf(stderr, "bench_pdf: cannot write into %s\n",
			    argv[1]);
			return 1;
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%ld %.3f %.1f\n", n, secs, (double)n / secs);
	return 0;
}
