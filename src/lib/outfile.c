/*
 * outfile.c: writing a command's output file without replacing what must
 * not be replaced (see outfile.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "outfile.h"

static const char *
what_is(mode_t m)
{
	if (S_ISLNK(m))
		return "a symbolic link";
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

int
lb_outfile_check(const char *path, int flags, struct lb_err *e)
{
	struct stat	sb;

	if (path == NULL || path[0] == '\0')
		return lb_error(e, "no file name given");
	if (lstat(path, &sb) == -1) {
		if (errno == ENOENT)
			return 0;
		return lb_error(e, "cannot create %s: %s", path,
		    strerror(errno));
	}
	if (!S_ISREG(sb.st_mode))
		return lb_error(e, "%s is %s: it is never replaced, not even "
		    "with --force", path, what_is(sb.st_mode));
	if ((flags & LB_OUT_FORCE) == 0)
		return lb_error(e, "%s exists: not replaced (give --force to "
		    "replace it)", path);
	return 0;
}

/* fsync the directory holding path, so the new name is durable. */
static int
sync_dir(const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*dir;
	int		 fd, rc;

	if (slash == NULL)
		dir = lb_strndup(".", 1);
	else
		dir = lb_strndup(path, slash == path ? 1 : (size_t)(slash -
		    path));
	if (dir == NULL) {
		errno = ENOMEM;
		return -1;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd == -1)
		return -1;
	rc = fsync(fd);
	(void)close(fd);
	return rc;
}

int
lb_outfile_place(const char *tmp, const char *path, int flags,
    struct lb_err *e)
{
	if (lb_outfile_check(path, flags, e) == -1)
		goto fail;
	if ((flags & LB_OUT_FORCE) == 0) {
		/* link(2) never replaces: a file that appeared is kept. */
		if (link(tmp, path) == 0)
			(void)unlink(tmp);
		else if (errno == EEXIST) {
			lb_error(e, "%s exists: not replaced (give --force to "
			    "replace it)", path);
			goto fail;
		} else if (errno == EPERM || errno == ENOTSUP ||
		    errno == EOPNOTSUPP || errno == EXDEV) {
			/* A file system without hard links: checked above. */
			if (rename(tmp, path) == -1) {
				lb_error(e, "cannot put %s in place: %s", path,
				    strerror(errno));
				goto fail;
			}
		} else {
			lb_error(e, "cannot put %s in place: %s", path,
			    strerror(errno));
			goto fail;
		}
	} else if (rename(tmp, path) == -1) {
		lb_error(e, "cannot put %s in place: %s", path,
		    strerror(errno));
		goto fail;
	}
	if (sync_dir(path) == -1) {
		/* Not durable: say so, not leave a file that may vanish. */
		lb_error(e, "cannot sync the directory of %s: %s", path,
		    strerror(errno));
		(void)unlink(path);
		return -1;
	}
	return 0;
fail:
	(void)unlink(tmp);
	return -1;
}

int
lb_outfile_write(const char *path, const void *data, size_t len, int flags,
    struct lb_err *e)
{
	const unsigned char	*p = data;
	char			*tmp;
	size_t			 n, off = 0;
	ssize_t			 w;
	int			 fd;

	if (lb_outfile_check(path, flags, e) == -1)
		return -1;
	n = strlen(path) + 32;
	if ((tmp = lb_mallocarray(n, 1)) == NULL)
		return lb_error(e, "out of memory");
	(void)snprintf(tmp, n, "%s.tmp-%ld", path, (long)getpid());
	(void)unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd == -1) {
		lb_error(e, "cannot create %s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	while (off < len) {
		w = write(fd, p + off, len - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1)
			break;
		off += (size_t)w;
	}
	if (off < len || fsync(fd) == -1) {
		lb_error(e, "cannot write %s: %s", path, strerror(errno));
		(void)close(fd);
		(void)unlink(tmp);
		free(tmp);
		return -1;
	}
	if (close(fd) == -1) {
		lb_error(e, "cannot write %s: %s", path, strerror(errno));
		(void)unlink(tmp);
		free(tmp);
		return -1;
	}
	w = lb_outfile_place(tmp, path, flags, e);
	free(tmp);
	return w == 0 ? 0 : -1;
}
