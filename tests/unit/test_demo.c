/*
 * test_demo.c: unit tests of the demonstration generator (src/lib/demo.c).
 *
 * The same options must give the same bytes, another seed other bytes, the
 * counts asked for, and above all files that the real import engine takes
 * without a single complaint: each run is imported into a fresh vault in
 * dependency order (brokerage, clients, contacts, employees, shipments,
 * lines), and any diagnostic is printed before the test fails.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "demo.h"
#include "import.h"
#include "mem.h"
#include "vault.h"

#define NFILES	7

static const char *const files[NFILES] = {
	"brokerage.csv", "clients.csv", "contacts.csv", "employees.csv",
	"shipments.csv", "lines.csv", "statements.csv"
};
static const char *const kinds[NFILES] = {
	"brokerage", "clients", "contacts", "employees", "shipments", "lines",
	"statements"
};

/* What a run should hold: exact counts, or a range for the children. */
struct want {
	long	brokerage, clients, employees, shipments;
};

static int64_t
base_date(void)
{
	return lb_days_from_civil(2025, 6, 16);
}

static char *
path_join(const char *dir, const char *name)
{
	size_t	 n = strlen(dir) + strlen(name) + 2;
	char	*p;

	p = lb_mallocarray(n, 1);
	assert_non_null(p);
	assert_true((size_t)snprintf(p, n, "%s/%s", dir, name) < n);
	return p;
}

static char *
tmpdir_make(void)
{
	const char	*base = getenv("TMPDIR");
	char		*p;

	p = path_join(base != NULL && *base != '\0' ? base : "/tmp",
	    "lb-demo-XXXXXX");
	assert_non_null(mkdtemp(p));
	return p;
}

/* Remove dir and everything under it (only what the tests made). */
static void
rm_tree(const char *dir)
{
	struct dirent	*de;
	struct stat	 sb;
	DIR		*d;
	char		*p;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		p = path_join(dir, de->d_name);
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			rm_tree(p);
		else
			(void)unlink(p);
		free(p);
	}
	closedir(d);
	(void)rmdir(dir);
}

static char *
slurp(const char *dir, const char *file, size_t *lenp)
{
	char	*path, *buf = NULL;
	size_t	 len = 0, cap = 0, n;
	FILE	*fp;

	path = path_join(dir, file);
	fp = fopen(path, "rb");
	if (fp == NULL)
		print_message("%s: %s\n", path, strerror(errno));
	assert_non_null(fp);
	for (;;) {
		if (cap - len < 65536) {
			cap = cap == 0 ? 1 << 20 : cap * 2;
			buf = lb_reallocarray(buf, cap, 1);
			assert_non_null(buf);
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0)
			break;
	}
	assert_int_equal(ferror(fp), 0);
	fclose(fp);
	free(path);
	*lenp = len;
	return buf;
}

/* Data lines of a CSV file (no field of ours holds a line break). */
static long
data_lines(const char *dir, const char *file)
{
	char	*buf;
	size_t	 len, i;
	long	 n = 0;

	buf = slurp(dir, file, &len);
	for (i = 0; i < len; i++)
		if (buf[i] == '\n')
			n++;
	assert_true(len > 0 && buf[len - 1] == '\n');
	free(buf);
	return n - 1;
}

static void
demo(const char *dir, const struct lb_demo_opts *o)
{
	struct lb_err	e;
	int		rc;

	memset(&e, 0, sizeof(e));
	rc = lb_demo_write(dir, o, &e);
	if (rc != 0)
		print_message("lb_demo_write: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

/* Import every file of dir into a new vault; return the record counts. */
static void
import_all(const char *dir, const struct lb_demo_opts *o, int64_t *records)
{
	struct lb_vault	*v = NULL;
	struct lb_import im;
	struct lb_err	 e;
	struct lb_who	 who;
	char		*vdir, *path;
	size_t		 i, k;
	int		 rc;

	who.actor = "os:test";
	who.now = (o->base_days != 0 ? o->base_days : base_date()) * 86400 +
	    9 * 3600;
	vdir = path_join(dir, "vault");
	memset(&e, 0, sizeof(e));
	rc = lb_vault_create(vdir, &who, &v, &e);
	if (rc != 0)
		print_message("lb_vault_create: %s\n", e.msg);
	assert_int_equal(rc, 0);
	for (i = 0; i < NFILES; i++) {
		path = path_join(dir, files[i]);
		memset(&im, 0, sizeof(im));
		memset(&e, 0, sizeof(e));
		im.kind = kinds[i];
		im.path = path;
		im.format = LB_FMT_CSV;
		im.max_errors = 20;
		/* A tiny brokerage may have no statement yet, as the demo
		 * command allows. */
		im.allow_empty = strcmp(kinds[i], "statements") == 0;
		rc = lb_import_run(v, &who, &im, &e);
		if (rc != 0) {
			print_message("import %s %s: rc %d%s%s\n", kinds[i],
			    path, rc, rc == -1 ? ": " : "",
			    rc == -1 ? e.msg : "");
			for (k = 0; k < im.ndiags; k++)
				print_message("  %s:%lu:%lu: %s\n", files[i],
				    im.diags[k].line, im.diags[k].col,
				    im.diags[k].msg);
		}
		assert_int_equal(rc, 0);
		assert_int_equal(im.written, im.records);
		records[i] = im.records;
		lb_import_free(&im);
		free(path);
	}
	lb_vault_close(v);
	free(vdir);
}

static void
check_counts(const char *dir, const struct want *w, const int64_t *records)
{
	long	n[NFILES];
	size_t	i;

	for (i = 0; i < NFILES; i++) {
		n[i] = data_lines(dir, files[i]);
		if (records != NULL)
			assert_int_equal(n[i], records[i]);
	}
	assert_int_equal(n[0], w->brokerage);
	assert_int_equal(n[1], w->clients);
	assert_in_range(n[2], w->clients, 3 * w->clients);
	assert_int_equal(n[3], w->employees);
	assert_int_equal(n[4], w->shipments);
	assert_in_range(n[5], w->shipments, 4 * w->shipments);
}

static const struct lb_demo_opts small = {
	42, 0, 50, 500, 20
};

static struct lb_demo_opts
small_opts(uint64_t seed)
{
	struct lb_demo_opts	o = small;

	o.seed = seed;
	o.base_days = base_date();
	return o;
}

static void
test_same_options_same_bytes(void **state)
{
	struct lb_demo_opts	 o = small_opts(42);
	char			*d1, *d2, *a, *b;
	size_t			 i, na, nb;

	d1 = tmpdir_make();
	d2 = tmpdir_make();
	demo(d1, &o);
	demo(d2, &o);
	for (i = 0; i < NFILES; i++) {
		a = slurp(d1, files[i], &na);
		b = slurp(d2, files[i], &nb);
		if (na != nb || memcmp(a, b, na) != 0)
			print_message("%s differs between two runs\n",
			    files[i]);
		assert_int_equal(na, nb);
		assert_memory_equal(a, b, na);
		free(a);
		free(b);
	}
	/* A second run into the same directory replaces the files whole. */
	demo(d1, &o);
	for (i = 0; i < NFILES; i++) {
		a = slurp(d1, files[i], &na);
		b = slurp(d2, files[i], &nb);
		assert_int_equal(na, nb);
		assert_memory_equal(a, b, na);
		free(a);
		free(b);
	}
	rm_tree(d1);
	rm_tree(d2);
	free(d1);
	free(d2);
}

static void
test_other_seed_other_bytes(void **state)
{
	struct lb_demo_opts	 o1 = small_opts(42), o2 = small_opts(43);
	struct lb_demo_opts	 o3 = small_opts(42);
	char			*d1, *d2, *d3, *a, *b;
	size_t			 i, na, nb, differ = 0, differ_base = 0;

	o3.base_days += 30;
	d1 = tmpdir_make();
	d2 = tmpdir_make();
	d3 = tmpdir_make();
	demo(d1, &o1);
	demo(d2, &o2);
	demo(d3, &o3);
	for (i = 0; i < NFILES; i++) {
		a = slurp(d1, files[i], &na);
		b = slurp(d2, files[i], &nb);
		if (na != nb || memcmp(a, b, na) != 0)
			differ++;
		free(b);
		b = slurp(d3, files[i], &nb);
		if (na != nb || memcmp(a, b, na) != 0)
			differ_base++;
		free(a);
		free(b);
	}
	/* Clients, contacts, employees, shipments, lines at least. */
	assert_true(differ >= 5);
	/* Another day moves the shipments and their statuses. */
	assert_true(differ_base >= 2);
	rm_tree(d1);
	rm_tree(d2);
	rm_tree(d3);
	free(d1);
	free(d2);
	free(d3);
}

static void
test_small_imports_cleanly(void **state)
{
	struct lb_demo_opts	 o = small_opts(42);
	struct want		 w = { 1, 50, 20, 500 };
	int64_t			 records[NFILES];
	char			*d;

	d = tmpdir_make();
	demo(d, &o);
	check_counts(d, &w, NULL);
	import_all(d, &o, records);
	check_counts(d, &w, records);
	rm_tree(d);
	free(d);
}

/* Several seeds and dates, to reach the rarer paths (in-bond, G.O.). */
static void
test_many_seeds_import_cleanly(void **state)
{
	static const int	 dates[][3] = {
		{ 2025, 1, 3 }, { 2024, 2, 29 }, { 2025, 12, 30 },
		{ 2030, 7, 4 }, { 1972, 1, 1 }, { 2150, 12, 31 }
	};
	struct lb_demo_opts	 o;
	struct want		 w = { 1, 30, 12, 400 };
	int64_t			 records[NFILES];
	char			*d;
	size_t			 i;

	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		memset(&o, 0, sizeof(o));
		o.seed = 1000 + i;
		o.base_days = lb_days_from_civil(dates[i][0], dates[i][1],
		    dates[i][2]);
		o.clients = w.clients;
		o.shipments = w.shipments;
		o.employees = w.employees;
		d = tmpdir_make();
		demo(d, &o);
		import_all(d, &o, records);
		check_counts(d, &w, records);
		rm_tree(d);
		free(d);
	}
}

static void
test_defaults_import_cleanly(void **state)
{
	struct lb_demo_opts	 o;
	struct want		 w = { 1, 200, 60, 5000 };
	int64_t			 records[NFILES];
	char			*d;

	memset(&o, 0, sizeof(o));
	o.base_days = base_date();
	d = tmpdir_make();
	demo(d, &o);
	import_all(d, &o, records);
	check_counts(d, &w, records);
	rm_tree(d);
	free(d);
}

static void
test_smallest_imports_cleanly(void **state)
{
	struct lb_demo_opts	 o = { 7, 0, 1, 1, 1 };
	struct want		 w = { 1, 1, 1, 1 };
	int64_t			 records[NFILES];
	char			*d;

	o.base_days = base_date();
	d = tmpdir_make();
	demo(d, &o);
	import_all(d, &o, records);
	check_counts(d, &w, records);
	rm_tree(d);
	free(d);
}

/* The header rows follow kind.c, without the derived importer_type. */
static void
test_headers(void **state)
{
	struct lb_demo_opts	 o = { 3, 0, 2, 2, 2 };
	char			*d, *buf, *nl;
	size_t			 len;

	o.base_days = base_date();
	d = tmpdir_make();
	demo(d, &o);
	buf = slurp(d, "clients.csv", &len);
	nl = memchr(buf, '\n', len);
	assert_non_null(nl);
	*nl = '\0';
	assert_string_equal(buf, "importer_number,name,address1,address2,"
	    "city,state,postal_code,country,bond_type,surety_code,bond_amount,"
	    "poa_expiry,pms,ach_payer_unit,email,pga_notes");
	free(buf);
	buf = slurp(d, "lines.csv", &len);
	nl = memchr(buf, '\n', len);
	assert_non_null(nl);
	*nl = '\0';
	assert_string_equal(buf, "shipment_ref,line_no,hts,country_origin,"
	    "manufacturer_id,description,value,quantity,unit,quantity2,unit2,"
	    "gross_weight_kg,adcvd_case,duty_rate,duty");
	free(buf);
	rm_tree(d);
	free(d);
}

static void
refused(const struct lb_demo_opts *o, const char *what)
{
	struct lb_err	 e;
	char		*d;

	d = tmpdir_make();
	memset(&e, 0, sizeof(e));
	assert_int_equal(lb_demo_write(d, o, &e), -1);
	if (strstr(e.msg, what) == NULL)
		print_message("message \"%s\" lacks \"%s\"\n", e.msg, what);
	assert_non_null(strstr(e.msg, what));
	/* Nothing is left behind by a refused run. */
	assert_int_equal(rmdir(d), 0);
	free(d);
}

static size_t
dir_entries(const char *dir)
{
	struct dirent	*de;
	DIR		*d;
	size_t		 n = 0;

	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* Success leaves the seven files only; failure leaves none of them. */
static void
test_all_or_nothing(void **state)
{
	struct lb_demo_opts	 o = small_opts(5);
	struct lb_err		 e;
	struct stat		 sb;
	char			*d, *p;
	size_t			 i;

	d = tmpdir_make();
	demo(d, &o);
	assert_int_equal(dir_entries(d), NFILES);
	rm_tree(d);
	free(d);

	/* Make the shipments file impossible to create. */
	d = tmpdir_make();
	p = path_join(d, "shipments.csv.tmp");
	assert_int_equal(mkdir(p, 0700), 0);
	memset(&e, 0, sizeof(e));
	assert_int_equal(lb_demo_write(d, &o, &e), -1);
	assert_non_null(strstr(e.msg, "shipments.csv.tmp"));
	for (i = 0; i < NFILES; i++) {
		free(p);
		p = path_join(d, files[i]);
		assert_int_equal(stat(p, &sb), -1);
	}
	free(p);
	/* Only the obstacle is left. */
	assert_int_equal(dir_entries(d), 1);
	rm_tree(d);
	free(d);
}

static void
test_refuses_bad_options(void **state)
{
	struct lb_demo_opts	o = small_opts(1);
	struct lb_err		e;

	o.shipments = LB_DEMO_MAX_SHIPMENTS + 1;
	refused(&o, "shipments");
	o = small_opts(1);
	o.clients = -1;
	refused(&o, "clients");
	o = small_opts(1);
	o.employees = LB_DEMO_MAX_EMPLOYEES + 1;
	refused(&o, "employees");
	o = small_opts(1);
	o.base_days = lb_days_from_civil(1969, 12, 31);
	refused(&o, "base date");
	o.base_days = lb_days_from_civil(2151, 1, 1);
	refused(&o, "base date");
	refused(NULL, "options");
	assert_int_equal(lb_demo_write("/nonexistent/lb-demo", &o, &e), -1);
	o = small_opts(1);
	assert_int_equal(lb_demo_write("/nonexistent/lb-demo", &o, &e), -1);
	assert_non_null(strstr(e.msg, "/nonexistent/lb-demo"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_options_same_bytes),
		cmocka_unit_test(test_other_seed_other_bytes),
		cmocka_unit_test(test_small_imports_cleanly),
		cmocka_unit_test(test_many_seeds_import_cleanly),
		cmocka_unit_test(test_defaults_import_cleanly),
		cmocka_unit_test(test_smallest_imports_cleanly),
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_all_or_nothing),
		cmocka_unit_test(test_refuses_bad_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
