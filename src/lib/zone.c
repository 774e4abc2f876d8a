/*
 * zone.c: loading the vault's time zone from tzdata (zone.h).  This is
 * the one place that reads a zone file; tz.c parses the bytes.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "zone.h"

/* The syntax vault.c checks, again here: this is an edge of its own. */
static int
name_ok(const char *name)
{
	size_t	i, n = strlen(name);
	int	start = 1;

	if (n == 0 || n >= LB_ZONE_NAME_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char	ch = (unsigned char)name[i];

		if (ch == '/') {
			if (start)
				return 0;
			start = 1;
			continue;
		}
		if (start && (ch == '.' || ch == '-'))
			return 0;
		start = 0;
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' ||
		    ch == '+'))
			return 0;
	}
	return !start;
}

int
lb_zone_load(const char *dir, const char *name, struct lb_tz **out,
    struct lb_err *e)
{
	char		 path[PATH_MAX], rdir[PATH_MAX], rfile[PATH_MAX];
	char		 why[160];
	unsigned char	*buf = NULL;
	struct stat	 sb;
	size_t		 len, got = 0;
	ssize_t		 r;
	int		 fd = -1, rc = -1;

	*out = NULL;
	if (dir == NULL || dir[0] == '\0')
		dir = LB_ZONE_DIR;
	if (!name_ok(name))
		return lb_error(e, "time zone \"%.64s\": not an IANA name (like "
		    "America/Chicago)", name);
	if (realpath(dir, rdir) == NULL)
		return lb_error(e, "time zone data %s: %s (install tzdata)", dir,
		    strerror(errno));
	if (snprintf(path, sizeof(path), "%s/%s", rdir, name) >=
	    (int)sizeof(path))
		return lb_error(e, "time zone \"%s\": name too long", name);
	if (realpath(path, rfile) == NULL)
		return lb_error(e, "unknown time zone \"%s\" (no such zone in "
		    "%s)", name, dir);
	len = strlen(rdir);
	if (strncmp(rfile, rdir, len) != 0 || rfile[len] != '/')
		return lb_error(e, "time zone \"%s\" leads out of %s", name, dir);
	if ((fd = open(rfile, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1)
		return lb_error(e, "time zone \"%s\": %s", name, strerror(errno));
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		lb_error(e, "unknown time zone \"%s\" (not a zone file)", name);
		goto out;
	}
	if (sb.st_size <= 0 || sb.st_size > LB_TZ_MAX_FILE) {
		lb_error(e, "time zone \"%s\": not a TZif file (%lld bytes)",
		    name, (long long)sb.st_size);
		goto out;
	}
	len = (size_t)sb.st_size;
	if ((buf = lb_mallocarray(len, 1)) == NULL) {
		lb_error(e, "out of memory");
		goto out;
	}
	while (got < len) {
		r = read(fd, buf + got, len - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0) {
			lb_error(e, "time zone \"%s\": cannot read it", name);
			goto out;
		}
		got += (size_t)r;
	}
	if (lb_tz_parse(buf, len, out, why, sizeof(why)) == -1) {
		lb_error(e, "time zone \"%s\": %s", name, why);
		goto out;
	}
	rc = 0;
out:
	free(buf);
	if (fd != -1)
		(void)close(fd);
	return rc;
}

int
lb_zone_of_vault(struct lb_vault *v, const char *dir, struct lb_tz **out,
    char name[LB_ZONE_NAME_MAX], struct lb_err *e)
{
	char	n[LB_ZONE_NAME_MAX];

	*out = NULL;
	if (name != NULL)
		name[0] = '\0';
	if (lb_vault_setting_text(v, "timezone", n, sizeof(n), e) == -1)
		return -1;
	if (name != NULL)
		memcpy(name, n, sizeof(n));
	if (n[0] == '\0')
		return 0;
	return lb_zone_load(dir, n, out, e);
}

void
lb_zone_format(struct lb_vault *v, const char *dir, int64_t t, int seconds,
    char *out, size_t len)
{
	struct lb_tz	*tz = NULL;
	struct lb_err	 e;

	if (lb_zone_of_vault(v, dir, &tz, NULL, &e) == -1)
		tz = NULL;
	lb_tz_format(tz, t, seconds, out, len);
	lb_tz_free(tz);
}
