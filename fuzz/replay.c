/*
 * replay.c: runs a fuzz target's LLVMFuzzerTestOneInput over files, so the
 * corpus that libFuzzer grew is replayed by the normal test run (with the
 * sanitizer build too).  Arguments are files or directories (one level).
 * Exit 0 when every input ran; a crash or sanitizer report ends the process.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define REPLAY_MAX	((size_t)16 << 20)

static int
run_file(const char *path)
{
	struct stat	 st;
	uint8_t		*p;
	ssize_t		 n;
	size_t		 off = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &st) == -1) {
		perror(path);
		return -1;
	}
	if ((size_t)st.st_size > REPLAY_MAX) {
		fprintf(stderr, "%s: larger than %zu bytes\n", path, REPLAY_MAX);
		close(fd);
		return -1;
	}
	if ((p = malloc((size_t)st.st_size + 1)) == NULL) {
		close(fd);
		return -1;
	}
	while (off < (size_t)st.st_size &&
	    (n = read(fd, p + off, (size_t)st.st_size - off)) > 0)
		off += (size_t)n;
	close(fd);
	LLVMFuzzerTestOneInput(p, off);
	free(p);
	return 0;
}

int
main(int argc, char **argv)
{
	struct stat	 st;
	struct dirent	*de;
	DIR		*d;
	char		 path[4096];
	int		 i, count = 0, rc = 0;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == -1) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			rc |= run_file(argv[i]);
			count++;
			continue;
		}
		if ((d = opendir(argv[i])) == NULL) {
			perror(argv[i]);
			return 1;
		}
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			if ((size_t)snprintf(path, sizeof(path), "%s/%s",
			    argv[i], de->d_name) >= sizeof(path)) {
				fprintf(stderr, "%s: path too long\n", argv[i]);
				rc = -1;
				continue;
			}
			rc |= run_file(path);
			count++;
		}
		closedir(d);
	}
	printf("replayed %d inputs\n", count);
	return rc == 0 ? 0 : 1;
}
