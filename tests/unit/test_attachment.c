/*
 * test_attachment.c: the enforcement-discretion attachment (attachment.c):
 * the text exactly (a golden string), what is left out when absent, the
 * wrapping of long values, the refusals, and the PDF: written atomically,
 * nothing left on failure, and (when poppler's pdftotext is installed, as
 * scripts/setup does) holding every line of the text, word for word.
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

#define SETP(p, f, v)	(void)snprintf((p)->f, sizeof((p)->f), "%s", v)
#define SET(f, v)	SETP(a, f, v)

static void
fill(struct lb_attachment *a)
{
	memset(a, 0, sizeof(*a));
	SET(broker_name, "Harborline Customs Brokerage LLC");
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
	SET(signer_name, "Dana Whitfield");
	SET(signer_title, "Licensed Customs Broker");
	SET(date, "2026-12-02");
}

static const char golden[] =
    "ATTACHMENT TO ENTRY SUMMARY B76-0900102-2\n"
    "Enforcement discretion, cybersecurity incident (CBP guidance "
    "3609-0324)\n"
    "\n"
    "Broker: Harborline Customs Brokerage LLC, license 24571, filer code B76\n"
    "Entry number: B76-0900102-2\n"
    "Importer of record: Pacific Rim Imports Inc\n"
    "Enforcement discretion: 11/16/2026 through 11/30/2026\n"
    "Reason: Ransomware attack on the broker's systems, discovered\n"
    "        11/16/2026; no connection to ACE until the systems are "
    "rebuilt\n"
    "        and verified clean.\n"
    "CBP approval reference: CBP OFO/OT approval email of 11/18/2026\n"
    "Relief record: R1\n"
    "\n"
    "This entry summary was not released on downtime. The broker named "
    "above\n"
    "could not file it, deposit its estimated duties or complete other\n"
    "post-release work on time because of the incident stated, and asks "
    "that\n"
    "CBP exercise enforcement discretion for it from 11/16/2026 through\n"
    "11/30/2026. The discretion does not cover post-summary corrections,\n"
    "protests, reconciliation, drawback or refund claims, and interest\n"
    "remains due.\n"
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
	assert_true(strncmp(lb_buf_cstr(&b), "before\nATTACHMENT", 17) == 0);
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
	a.importer_name[0] = '\0';
	a.filer[0] = '\0';
	a.signer_title[0] = '\0';
	s = text_of(&a, &rc);
	assert_int_equal(rc, 0);
	assert_null(strstr(s, "CBP approval reference"));
	assert_null(strstr(s, "Importer of record"));
	assert_null(strstr(s, "filer code"));
	assert_non_null(strstr(s, "\nBroker: Harborline Customs Brokerage LLC, "
	    "license 24571\n"));
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

/* Collapse runs of blanks to one space, trim; in place. */
static void
squeeze(char *s)
{
	char	*w = s, *r = s;
	int	 blank = 1;

	for (; *r != '\0'; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\f') {
			if (!blank)
				*w++ = ' ';
			blank = 1;
			continue;
		}
		*w++ = *r;
		blank = 0;
	}
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
}

static void
test_pdf(void **state)
{
	struct lb_attachment	a;
	struct lb_err		e;
	char			*dir, *text, *l, *nl;
	char			 path[512], cmd[1200], line[512];
	char			 got[16384];
	size_t			 glen = 0;
	FILE			*f;
	struct stat		 sb;
	int			 rc;

	fill(&a);
	dir = tmpdir();
	(void)snprintf(path, sizeof(path), "%s/attachment.pdf", dir);
	assert_int_equal(lb_attachment_pdf(&a, path, &e), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_true(sb.st_size > 1000);
	assert_int_equal(entries(dir), 1);	/* no temporary left */

	if (system("command -v pdftotext >/dev/null 2>&1") == 0) {
		(void)snprintf(cmd, sizeof(cmd), "pdftotext -layout '%s' -",
		    path);
		f = popen(cmd, "r");
		assert_non_null(f);
		while (fgets(line, sizeof(line), f) != NULL) {
			line[strcspn(line, "\n")] = '\0';
			squeeze(line);
			if (line[0] == '\0')
				continue;
			rc = snprintf(got + glen, sizeof(got) - glen, "%s\n",
			    line);
			assert_true(rc > 0 && (size_t)rc < sizeof(got) - glen);
			glen += (size_t)rc;
		}
		assert_int_equal(pclose(f), 0);
		/* Every line of the text is a line of the PDF, in order. */
		text = text_of(&a, &rc);
		assert_int_equal(rc, 0);
		l = got;
		for (char *t = text; *t != '\0'; t = nl + 1) {
			nl = strchr(t, '\n');
			*nl = '\0';
			squeeze(t);
			if (*t == '\0')
				continue;
			(void)snprintf(line, sizeof(line), "%s\n", t);
			if ((l = strstr(l, line)) == NULL)
				fail_msg("line not in the PDF: \"%s\"\n"
				    "PDF:\n%s", t, got);
			l += strlen(line);
		}
		free(text);
	} else
		print_message("pdftotext not installed: PDF text not "
		    "checked\n");

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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
