/*
 * cmd_pack.c: lifeboat pack REF [-o FILE.pdf] | pack --pending -o DIR.
 *
 * The downtime release pack (capability E2): one PDF per shipment holding
 * the CBP Form 3461 and the broker's downtime letter (pack.h).  A refused
 * shipment is reported with every reason and nothing is written for it.
 *
 * File names: a pack goes to REF.pdf (in the current directory, or in DIR
 * with --pending).  A ref may hold '/', which is written as '+' in the file
 * name, and may begin with '.', which would hide the file: it gets an '@'
 * in front.  Neither '+' nor '@' can be part of a ref, so two refs never
 * share a file, and a name ending in ".pdf" with no '/' always stays
 * inside its directory ("../x" becomes "@..+x.pdf").
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cli.h"
#include "date.h"
#include "journal.h"
#include "outfile.h"
#include "pack.h"

#define REF_MAX		35
#define PROBLEMS_MAX	100

static const char pack_usage[] =
    "usage: lifeboat pack REF [-o FILE.pdf] [--force] [--date YYYY-MM-DD] "
    "[--json]\n"
    "       lifeboat pack --pending -o DIR [--force] [--date YYYY-MM-DD] "
    "[--json]\n"
    "       lifeboat pack REF --check [--entry-type NN]\n\n"
    "Writes the downtime release pack of a shipment as one PDF: the CBP Form "
    "3461\n(Entry/Immediate Delivery) filled from the vault, then the "
    "broker's downtime\nletter to the port director (for trucks, the "
    "driver's name, date of birth,\nplate and ACE trip number; otherwise the "
    "importer, carrier, trip and bill),\nsigned by the brokerage's "
    "signer_name.  The default file is REF.pdf in the\ncurrent directory "
    "('/' in a ref is written '+'; a ref beginning with '.' gets '@' in "
    "front).\n\n"
    "--pending writes DIR/REF.pdf for every shipment with an entry number "
    "that is\nneither released nor cancelled.\n\n"
    "Refused, naming every missing field: a shipment without what its port "
    "needs,\nentry type 86, and informal entries (11, 12) at or below the "
    "deminimis_cents\nsetting (CSMS #66065494).  Exit 1 when a pack was "
    "refused.\n\n"
    "A file that exists is not replaced (that pack is not written, exit 3) "
    "unless\n--force is given, and even then only a regular file is "
    "replaced, never a\nsymbolic link, device, FIFO or directory.\n\n"
    "--check writes nothing: it says whether the pack could be made once "
    "an entry\nnumber is drawn for the shipment (as if one of the "
    "brokerage's numbers were\nassigned, with --entry-type as its entry "
    "type), naming every missing field;\nexit 0 when it could, 1 when "
    "not.\n\n"
    "--date sets the date printed on the documents (default: today, UTC), "
    "for\npaperwork prepared ahead or dated deliberately.\n";

/* A valid ref: [A-Za-z0-9._/-], 1 to 35 (the import's LB_CK_KEY rule). */
static int
ref_valid(const char *s)
{
	size_t	n = strlen(s);

	return n >= 1 && n <= REF_MAX && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789._/-") == n;
}

/* dir/REF.pdf (dir NULL: the current directory), named as said above. */
static void
pack_file(struct lb_buf *b, const char *dir, const char *ref)
{
	const char	*p;

	lb_buf_reset(b);
	if (dir != NULL) {
		lb_buf_adds(b, dir);
		if (b->len > 0 && b->data[b->len - 1] != '/')
			lb_buf_addc(b, '/');
	}
	if (ref[0] == '.')
		lb_buf_addc(b, '@');
	for (p = ref; *p != '\0'; p++)
		lb_buf_addc(b, *p == '/' ? '+' : *p);
	lb_buf_adds(b, ".pdf");
}

struct run {
	struct lb_vault	*v;
	const char	*dir;
	int64_t		 now;
	int		 json;
	int		 oflags;	/* LB_OUT_FORCE or 0 */
	int		 blocked;	/* files not replaced */
	int		 written;
	int		 refused;
	int		 failed;	/* operational failure: stop */
	struct lb_buf	 path;
	struct lb_buf	 out;		/* --json array */
};

static void
print_problems(const char *ref, const struct lb_problems *pr,
    const char *verdict)
{
	size_t	i;

	for (i = 0; i < pr->n; i++)
		cli_warn("%s", pr->v[i].msg);
	if (pr->total > pr->n)
		cli_warn("shipment %s: and %zu more problems", ref,
		    pr->total - pr->n);
	cli_warn("shipment %s: %s (%zu problem%s)", ref, verdict, pr->total,
	    pr->total == 1 ? "" : "s");
}

static void
json_item(struct run *r, const char *ref, const char *file,
    const struct lb_problems *pr)
{
	size_t	i;

	if (r->out.len > 1)
		lb_buf_addc(&r->out, ',');
	lb_buf_adds(&r->out, "{\"ref\":");
	lb_buf_add_json_str(&r->out, ref, strlen(ref));
	if (file != NULL) {
		lb_buf_adds(&r->out, ",\"file\":");
		lb_buf_add_json_str(&r->out, file, strlen(file));
	} else {
		lb_buf_adds(&r->out, ",\"file\":null,\"refused\":[");
		for (i = 0; i < pr->n; i++) {
			if (i > 0)
				lb_buf_addc(&r->out, ',');
			lb_buf_add_json_str(&r->out, pr->v[i].msg,
			    strlen(pr->v[i].msg));
		}
		lb_buf_adds(&r->out, "]");
	}
	lb_buf_adds(&r->out, "}");
}

/*
 * Load and write one pack.  Returns 0 when written or refused (counted),
 * -1 on an operational failure (reported).
 */
static int
one(struct run *r, const char *ref, const char *file)
{
	struct lb_problems	 pr;
	struct lb_pack		*pk;
	struct lb_err		 e;
	int			 rc;

	/* What is at the file's place is judged before any work. */
	if (lb_outfile_check(file, r->oflags, &e) == -1) {
		cli_warn("shipment %s: %s", ref, e.msg);
		r->blocked++;
		return 0;
	}
	lb_problems_init(&pr, PROBLEMS_MAX);
	rc = lb_pack_load(r->v, ref, &pk, &pr, &e);
	if (rc == -1) {
		cli_warn("%s", e.msg);
		r->failed = 1;
	} else if (rc == LB_PACK_NOT_FOUND) {
		cli_warn("%s", e.msg);
		if (r->json) {
			lb_problems_add(&pr, "%s", e.msg);
			json_item(r, ref, NULL, &pr);
		}
		r->refused++;
	} else if (rc == LB_PACK_REFUSED) {
		print_problems(ref, &pr, "refused, no pack written");
		if (r->json)
			json_item(r, ref, NULL, &pr);
		r->refused++;
	} else {
		if (lb_pack_pdf_to(pk, r->now, file, r->oflags, &e) == -1) {
			cli_warn("%s", e.msg);
			r->failed = 1;
		} else {
			r->written++;
			if (r->json)
				json_item(r, ref, file, NULL);
			else
				printf("%s\n", file);
		}
		lb_pack_free(pk);
	}
	lb_problems_free(&pr);
	return r->failed ? -1 : 0;
}

static int
on_pending(void *arg, const char *ref)
{
	struct run	*r = arg;

	pack_file(&r->path, r->dir, ref);
	if (lb_buf_error(&r->path) != 0) {
		cli_warn("out of memory");
		r->failed = 1;
		return -1;
	}
	return one(r, ref, lb_buf_cstr(&r->path));
}

/* The directory for --pending: made (0700) when missing. */
static int
make_dir(const char *dir)
{
	struct stat	sb;

	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		cli_warn("cannot create directory %s: %s", dir,
		    strerror(errno));
		return -1;
	}
	if (stat(dir, &sb) == -1 || !S_ISDIR(sb.st_mode)) {
		cli_warn("%s is not a directory", dir);
		return -1;
	}
	return 0;
}

/* pack REF --check: lb_pack_check_draw(), nothing written. */
static int
check_draw(struct cli *c, const char *ref, int entry_type)
{
	struct lb_problems	 pr;
	struct lb_vault		*v;
	struct lb_err		 e;
	int			 rc;

	if ((v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	lb_problems_init(&pr, PROBLEMS_MAX);
	rc = lb_pack_check_draw(v, ref, entry_type, &pr, &e);
	lb_vault_close(v);
	if (rc == -1 || rc == LB_PACK_NOT_FOUND)
		cli_warn("%s", e.msg);
	else if (rc == LB_PACK_REFUSED)
		print_problems(ref, &pr, "the pack could not be made once a "
		    "number is drawn");
	else
		printf("shipment %s: the pack can be made once an entry number "
		    "is drawn\n", ref);
	lb_problems_free(&pr);
	return rc == -1 ? EXIT_FAIL : rc == LB_PACK_READY ? 0 : EXIT_INVALID;
}

int
cmd_pack(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "pending", no_argument, NULL, 'p' },
		{ "date", required_argument, NULL, 'd' },
		{ "json", no_argument, NULL, 'j' },
		{ "force", no_argument, NULL, 'f' },
		{ "check", no_argument, NULL, 'c' },
		{ "entry-type", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*output = NULL, *ref = NULL;
	struct run	 r;
	struct lb_err	 e;
	char		 why[160];
	int64_t		 days;
	int		 ch, pending = 0, rc, checkonly = 0;
	long		 etype = 0;
	char		*end;

	memset(&r, 0, sizeof(r));
	r.now = c->who.now;
	while ((ch = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			output = optarg;
			break;
		case 'p':
			pending = 1;
			break;
		case 'd':
			if (lb_date_parse(optarg, strlen(optarg), &days, why,
			    sizeof(why)) == -1) {
				cli_warn("--date: \"%s\": %s", optarg, why);
				return EXIT_USAGE;
			}
			r.now = days * 86400;
			break;
		case 'j':
			r.json = 1;
			break;
		case 'f':
			r.oflags = LB_OUT_FORCE;
			break;
		case 'c':
			checkonly = 1;
			break;
		case 't':
			errno = 0;
			etype = strtol(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    etype < 1 || etype > 99) {
				cli_warn("--entry-type: \"%s\" is not an entry "
				    "type (01 to 99)", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			fputs(pack_usage, stdout);
			return 0;
		default:
			fputs(pack_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (pending) {
		if (optind != argc || output == NULL || output[0] == '\0') {
			cli_warn("pack --pending: expected -o DIR and no REF");
			return EXIT_USAGE;
		}
	} else {
		if (argc - optind != 1) {
			cli_warn("pack: expected one shipment REF (or "
			    "--pending -o DIR)");
			return EXIT_USAGE;
		}
		ref = argv[optind];
		/* Checked before any file is touched. */
		if (!ref_valid(ref)) {
			cli_warn("pack: \"%.40s\" is not a shipment ref "
			    "(letters, digits, . _ / -, 1 to 35)", ref);
			return EXIT_USAGE;
		}
		if (output != NULL && output[0] == '\0') {
			cli_warn("pack: -o needs a file name");
			return EXIT_USAGE;
		}
	}
	if (checkonly || etype != 0) {
		if (!checkonly || pending || output != NULL) {
			cli_warn("pack: --check takes one REF and no -o or "
			    "--pending; --entry-type goes with --check");
			return EXIT_USAGE;
		}
		return check_draw(c, ref, (int)etype);
	}
	if (pending && make_dir(output) == -1)
		return EXIT_FAIL;
#ifdef M_TRIM_THRESHOLD
	/*
	 * Each document allocates and frees a few megabytes (font tables,
	 * recorded pages); glibc would hand them back to the kernel after
	 * every one and fault them in again for the next, which cost a fifth
	 * of the time of --pending.  Keep them instead.
	 */
	(void)mallopt(M_TRIM_THRESHOLD, 64 << 20);
	(void)mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
	if ((r.v = cli_open(c)) == NULL)
		return EXIT_FAIL;
	lb_buf_init(&r.path, 1 << 16);
	lb_buf_init(&r.out, 1 << 26);
	if (r.json)
		lb_buf_addc(&r.out, '[');
	if (pending) {
		r.dir = output;
		rc = lb_pack_pending(r.v, on_pending, &r, &e);
		if (rc == -1 && !r.failed) {
			cli_warn("%s", e.msg);
			r.failed = 1;
		}
	} else {
		if (output == NULL)
			pack_file(&r.path, NULL, ref);
		else
			lb_buf_adds(&r.path, output);
		if (lb_buf_error(&r.path) != 0) {
			cli_warn("out of memory");
			r.failed = 1;
		} else
			(void)one(&r, ref, lb_buf_cstr(&r.path));
	}
	lb_vault_close(r.v);
	if (r.json && !r.failed) {
		lb_buf_adds(&r.out, "]\n");
		if (lb_buf_error(&r.out) != 0) {
			cli_warn("out of memory");
			r.failed = 1;
		} else if (pending)
			fputs(lb_buf_cstr(&r.out), stdout);
		else if (r.out.len > 3) {
			/* One pack: the object, not an array of one. */
			fwrite(r.out.data + 1, 1, r.out.len - 3, stdout);
			fputc('\n', stdout);
		}
	}
	if (pending && !r.json && !r.failed)
		printf("%d pack%s written to %s, %d refused%s\n", r.written,
		    r.written == 1 ? "" : "s", output, r.refused,
		    r.blocked > 0 ? ", some files not replaced" : "");
	lb_buf_free(&r.path);
	lb_buf_free(&r.out);
	if (r.failed || r.blocked > 0)
		return EXIT_FAIL;
	return r.refused > 0 ? EXIT_INVALID : 0;
}
