/*
 * test_attachment.c: the enforcement-discretion attachment (attachment.c):
 * the text exactly (a golden string), what is left out when absent, the
 * wrapping of long values, the refusals, and the PDF: written atomically,
 * nothing left on failure, an existing file refused unless forced (and
 * never anything but a regular file), and holding every word of the text
 * in order (read back with poppler's pdftotext, which scripts/setup
 * installs; without it that test is reported SKIPPED, never passed).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attachment.h"
#include "buf.h"
#include "outfile.h"

#define SETP(p, f, v)	(void)snprintf((p)->f, sizeof((p)->f), "%s", v)
#define SET(f, v)	SETP(a, f, v)

static void
fill(struct lb_attachment *a)
{
	memset(a, 0, sizeof(*a));
	SET(broker_name, "Harborline Customs Brokerage LLC");
	SET(broker_address, "301 E Ocean Blvd\nSuite 1450\nLong Beach, CA "
	    "90802");
	SET(broker_contact, "Telephone (562) 555-0100    ops@example.com");
	SET(broker_license, "24571");
	SET(filer, "B76");
	SET(entry_number, "B76-0900102-2");
	SET(importer_name, "Pacific Rim Imports Inc");
	SET(from, "2026-11-16");
	SET(to, "2026-11-30");
	SET(reason, "Ransomware attack on the broker's systems, discovered "
	    "11/16/2026; no connection to ACE until the systems are rebuilt "
	    "and verified clean.");
	SET(relief_id, "R1");
	SET(reference, "CBP OFO/OT approval email of 11/18/2026");
	SET(approved_by, "CBP Office of Trade, Trade Remedy Law Enforcement");
	SET(signer_name, "Dana Whitfield");
	SET(signer_title, "Licensed Customs Broker");
	SET(date, "2026-12-02");
}

static const char golden[] =
    "Harborline Customs Brokerage LLC\n"
    "301 E Ocean Blvd\n"
    "Suite 1450\n"
    "Long Beach, CA 90802\n"
    "Licensed customs broker, license 24571, filer code B76\n"
    "Telephone (562) 555-0100 ops@example.com\n"
    "------------------------------------------------------------------------\n"
    "12/02/2026\n"
    "\n"
    "Entry summary for entry B76-0900102-2: filed late under enforcement\n"
    "discretion\n"
    "Attachment to the entry summary (CBP guidance 3609-0324, broker\n"
    "cybersecurity incident)\n"
    "\n"
    "Entry number: B76-0900102-2\n"
    "Importer of record: Pacific Rim Imports Inc\n"
    "Filed by: Harborline Customs Brokerage LLC, license 24571, filer code\n"
    "          B76\n"
    "Discretion period: 11/16/2026 through 11/30/2026\n"
    "Reason: Ransomware attack on the broker's systems, discovered\n"
    "        11/16/2026; no connection to ACE until the systems are rebuilt\n"
    "        and verified clean.\n"
    "CBP reference: CBP OFO/OT approval email of 11/18/2026\n"
    "Approved by: CBP Office of Trade, Trade Remedy Law Enforcement\n"
    "Broker's relief record: R1\n"
    "\n"
    "This entry was not released under downtime procedures. Because of the\n"
    "cybersecurity incident stated above, Harborline Customs Brokerage LLC\n"
    "could not file its entry summary, deposit the estimated duties or\n"
    "complete the other post-release work on time. CBP granted enforcement\n"
    "discretion for 11/16/2026 through 11/30/2026 (CBP Office of Trade, Trade\n"
    "Remedy Law Enforcement). We file this entry summary under that\n"
    "discretion and ask that CBP not issue or enforce liquidated damages for\n"
    "its late filing. The discretion does not cover post-summary corrections,\n"
    "protests, reconciliation, drawback or refund claims, and interest\n"
    "remains due.\n"
    "\n"
    "Sincerely,\n"
    "\n"
    "\n"
    "Signature: ______________________________\n"
    "Dana Whitfield, Licensed Customs Broker\n"
    "Harborline Customs Brokerage LLC\n"
    "Date: 12/02/2026\n";

static char *
text_of(const struct lb_attachment *a, int *rc)
{
	struct lb_buf	b;

	lb_buf_init(&b, 1 << 20);
	*rc = lb_attachment_text(a, &b);
	return lb_buf_detach(&b, NULL);
}

static void
test_golden(void **state)
{
	struct lb_attachment	a;
	char			*s;
	int			 rc;

	fill(&a);
	s = text_of(&a, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(s, golden);
	free(s);
}

/* Text is appended: what the buffer held is kept. */
static void
test_appends(void **state)
{
	struct lb_attachment	a;
	struct lb_buf		b;

	fill(&a);
	lb_buf_init(&b, 1 << 20);
	lb_buf_adds(&b, "before\n");
	assert_int_equal(lb_attachment_text(&a, &b), 0);
	assert_true(strncmp(lb_buf_cstr(&b), "before\nHarborline", 17) == 0);
	lb_buf_free(&b);
}

static void
test_optional_left_out(void **state)
{
	struct lb_attachment	a;
	char			*s;
	int			 rc;

	fill(&a);
	a.reference[0] = '\0';
	a.approved_by[0] = '\0';
	a.importer_name[0] = '\0';
	a.filer[0] = '\0';
	a.signer_title[0] = '\0';
	a.broker_address[0] = '\0';
	a.broker_contact[0] = '\0';
	s = text_of(&a, &rc);
	assert_int_equal(rc, 0);
	assert_null(strstr(s, "CBP reference"));
	assert_null(strstr(s, "Approved by"));
	assert_null(strstr(s, "Trade Remedy"));
	assert_null(strstr(s, "Importer of record"));
	assert_null(strstr(s, "filer code"));
	assert_null(strstr(s, "Telephone"));
	assert_non_null(strstr(s, "Harborline Customs Brokerage LLC\n"
	    "Licensed customs broker, license 24571\n---"));
	assert_non_null(strstr(s, "\nFiled by: Harborline Customs Brokerage "
	    "LLC, license 24571\n"));
	/* No approving office: the sentence ends at the dates. */
	assert_non_null(strstr(s, "11/16/2026 through 11/30/2026. We file"));
	assert_non_null(strstr(s, "\nDana Whitfield\nHarborline"));
	free(s);
}

/* Every line at most 72 characters; a word longer than a line is cut. */
static void
test_wrapping(void **state)
{
	struct lb_attachment	a;
	char			*s, *line, *save = NULL;
	size_t			 i, n, longest = 0;
	int			 rc;

	fill(&a);
	memset(a.reason, 'x', 150);
	a.reason[150] = '\0';
	/* Two-byte characters count once. */
	for (i = 0; i + 1 < 100; i += 2)
		memcpy(a.importer_name + i, "\xc3\xa9", 2);
	a.importer_name[100] = '\0';
	s = text_of(&a, &rc);
	assert_int_equal(rc, 0);
	for (line = s; line != NULL && *line != '\0'; line = save) {
		save = strchr(line, '\n');
		assert_non_null(save);
		for (n = 0, i = 0; line + i < save; i++)
			if (((unsigned char)line[i] & 0xc0) != 0x80)
				n++;
		if (n > longest)
			longest = n;
		save++;
	}
	assert_true(longest <= 72);
	assert_non_null(strstr(s, "Reason: xxxx"));
	assert_non_null(strstr(s, "\n        xxxx"));
	free(s);
}

/* Fields filled to the brim, with no NUL: never read past them. */
static void
test_unterminated(void **state)
{
	struct lb_attachment	a;
	char			*s;
	int			 rc;

	fill(&a);
	memset(a.reason, 'r', sizeof(a.reason));
	memset(a.reference, 'q', sizeof(a.reference));
	memset(a.broker_name, 'b', sizeof(a.broker_name));
	s = text_of(&a, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(s, "qqqq"));
	free(s);
}

static void
test_refused(void **state)
{
	struct lb_attachment	a;
	char			*s;
	int			 rc;

	fill(&a);
	a.reason[0] = '\0';
	s = text_of(&a, &rc);
	assert_int_equal(rc, -1);
	free(s);
	fill(&a);
	a.entry_number[0] = '\0';
	free(text_of(&a, &rc));
	assert_int_equal(rc, -1);
	fill(&a);
	SETP(&a, from, "2026-02-30");
	free(text_of(&a, &rc));
	assert_int_equal(rc, -1);
	fill(&a);
	SETP(&a, from, "2026-12-01");	/* after `to` */
	free(text_of(&a, &rc));
	assert_int_equal(rc, -1);
	fill(&a);
	SETP(&a, date, "12/02/2026");
	free(text_of(&a, &rc));
	assert_int_equal(rc, -1);
}

static char *
tmpdir(void)
{
	char	tmpl[] = "/tmp/lb-attach-XXXXXX";
	char	*d;

	d = mkdtemp(tmpl);
	assert_non_null(d);
	return strdup(d);
}

static int
entries(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	int		 n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* Every word of text, one per line, rules of dashes left out. */
static void
words(const char *text, char *out, size_t outlen)
{
	size_t	o = 0, i, n;

	out[0] = '\0';
	for (i = 0; text[i] != '\0'; i += n) {
		while (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' ||
		    text[i] == '\f')
			i++;
		n = strcspn(text + i, " \n\t\f");
		if (n == 0 || strspn(text + i, "-") == n)
			continue;
		assert_true(o + n + 2 < outlen);
		memcpy(out + o, text + i, n);
		o += n;
		out[o++] = '\n';
		out[o] = '\0';
	}
}

static void
test_pdf(void **state)
{
	struct lb_attachment	a;
	struct lb_err		e;
	char			*dir;
	char			 path[512], other[512];
	struct stat		 sb;
	FILE			*f;

	fill(&a);
	dir = tmpdir();
	(void)snprintf(path, sizeof(path), "%s/attachment.pdf", dir);
	assert_int_equal(lb_attachment_pdf(&a, path, &e), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_true(sb.st_size > 1000);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(entries(dir), 1);	/* no temporary left */

	/* An existing file: refused, kept; replaced only when forced. */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("mine", f);
	fclose(f);
	assert_int_equal(lb_attachment_pdf(&a, path, &e), -1);
	assert_non_null(strstr(e.msg, "exists"));
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, 4);
	assert_int_equal(lb_attachment_pdf_to(&a, path, LB_OUT_FORCE, &e), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_true(sb.st_size > 1000);
	/* Forced or not, a symbolic link is never replaced. */
	(void)snprintf(other, sizeof(other), "%s/link.pdf", dir);
	assert_int_equal(symlink(path, other), 0);
	assert_int_equal(lb_attachment_pdf_to(&a, other, LB_OUT_FORCE, &e),
	    -1);
	assert_non_null(strstr(e.msg, "symbolic link"));
	assert_int_equal(lstat(other, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	(void)unlink(other);
	/* Nor a directory. */
	(void)snprintf(other, sizeof(other), "%s/sub.pdf", dir);
	assert_int_equal(mkdir(other, 0700), 0);
	assert_int_equal(lb_attachment_pdf_to(&a, other, LB_OUT_FORCE, &e),
	    -1);
	assert_non_null(strstr(e.msg, "a directory"));
	(void)rmdir(other);
	assert_int_equal(entries(dir), 1);

	/* Unwritable: an error naming the path, nothing left behind. */
	(void)snprintf(path, sizeof(path), "%s/no/such/dir/a.pdf", dir);
	assert_int_equal(lb_attachment_pdf(&a, path, &e), -1);
	assert_non_null(strstr(e.msg, path));
	/* Refused content: nothing written either. */
	(void)snprintf(path, sizeof(path), "%s/refused.pdf", dir);
	a.reason[0] = '\0';
	assert_int_equal(lb_attachment_pdf(&a, path, &e), -1);
	fill(&a);
	SETP(&a, to, "2026-11-01");
	assert_int_equal(lb_attachment_pdf(&a, path, &e), -1);
	assert_int_equal(entries(dir), 1);

	(void)snprintf(path, sizeof(path), "%s/attachment.pdf", dir);
	(void)unlink(path);
	(void)rmdir(dir);
	free(dir);
}

/* The PDF says the text's words, in the same order, and on one page. */
static void
test_pdf_text(void **state)
{
	struct lb_attachment	a;
	struct lb_err		e;
	char			*dir, *text;
	char			 path[512], cmd[1200];
	static char		 got[32768], want[32768], pdf[32768];
	size_t			 n;
	FILE			*f;
	int			 rc;

	if (system("command -v pdftotext >/dev/null 2>&1") != 0) {
		print_message("pdftotext (poppler-utils) is not installed: "
		    "the PDF's text is not checked\n");
		skip();
	}
	fill(&a);
	dir = tmpdir();
	(void)snprintf(path, sizeof(path), "%s/attachment.pdf", dir);
	assert_int_equal(lb_attachment_pdf(&a, path, &e), 0);
	(void)snprintf(cmd, sizeof(cmd), "pdftotext -layout '%s' -", path);
	f = popen(cmd, "r");
	assert_non_null(f);
	n = fread(pdf, 1, sizeof(pdf) - 1, f);
	pdf[n] = '\0';
	assert_int_equal(pclose(f), 0);
	/* One page: pdftotext ends each page with a form feed. */
	assert_non_null(strchr(pdf, '\f'));
	assert_null(strchr(strchr(pdf, '\f') + 1, '\f'));
	text = text_of(&a, &rc);
	assert_int_equal(rc, 0);
	words(text, want, sizeof(want));
	words(pdf, got, sizeof(got));
	if (strcmp(got, want) != 0)
		fail_msg("the PDF's words differ from the text's\nPDF:\n%s\n"
		    "text:\n%s", pdf, text);
	free(text);
	(void)unlink(path);
	(void)rmdir(dir);
	free(dir);
}

/* Fill field f (of n bytes) with words of 9 letters to its last byte. */
static void
words_to_brim(char *f, size_t n)
{
	size_t	i;

	for (i = 0; i + 1 < n; i++)
		f[i] = i % 10 == 9 ? ' ' : "abcdefghi"[i % 10];
	f[n - 1] = '\0';
}

/* Every field at its longest still makes one page, signature included. */
static void
test_pdf_longest(void **state)
{
	struct lb_attachment	a;
	struct lb_err		e;
	char			*dir, path[512], cmd[1200];
	static char		 pdf[65536];
	size_t			 n;
	FILE			*f;

	if (system("command -v pdftotext >/dev/null 2>&1") != 0) {
		print_message("pdftotext (poppler-utils) is not installed: "
		    "the page count is not checked\n");
		skip();
	}
	fill(&a);
	words_to_brim(a.broker_name, sizeof(a.broker_name));
	words_to_brim(a.importer_name, sizeof(a.importer_name));
	words_to_brim(a.reason, sizeof(a.reason));
	words_to_brim(a.reference, sizeof(a.reference));
	words_to_brim(a.approved_by, sizeof(a.approved_by));
	words_to_brim(a.signer_name, sizeof(a.signer_name));
	words_to_brim(a.signer_title, sizeof(a.signer_title));
	words_to_brim(a.broker_contact, sizeof(a.broker_contact));
	dir = tmpdir();
	(void)snprintf(path, sizeof(path), "%s/long.pdf", dir);
	assert_int_equal(lb_attachment_pdf(&a, path, &e), 0);
	(void)snprintf(cmd, sizeof(cmd), "pdftotext -layout '%s' -", path);
	f = popen(cmd, "r");
	assert_non_null(f);
	n = fread(pdf, 1, sizeof(pdf) - 1, f);
	pdf[n] = '\0';
	assert_int_equal(pclose(f), 0);
	assert_non_null(strstr(pdf, "Date: 12/02/2026"));
	assert_non_null(strchr(pdf, '\f'));
	assert_null(strchr(strchr(pdf, '\f') + 1, '\f'));
	(void)unlink(path);
	(void)rmdir(dir);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_optional_left_out),
		cmocka_unit_test(test_wrapping),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_pdf_text),
		cmocka_unit_test(test_pdf_longest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
