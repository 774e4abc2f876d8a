/*
 * bench_hash.c: the baseline for the verify benchmark: bare BLAKE2b-256
 * (libsodium) over a file's bytes, read in 1 MiB blocks.
 *
 * usage: bench_hash FILE...     prints: bytes seconds MB_per_second
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

int
main(int argc, char **argv)
{
	crypto_generichash_state h;
	struct timespec	 t0, t1;
	unsigned char	 out[32], *blk;
	long long	 total = 0;
	ssize_t		 n;
	double		 secs;
	int		 fd, i;

	if (argc < 2 || sodium_init() == -1 || (blk = malloc(1 << 20)) == NULL)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	crypto_generichash_init(&h, NULL, 0, sizeof(out));
	for (i = 1; i < argc; i++) {
		if ((fd = open(argv[i], O_RDONLY)) == -1) {
			perror(argv[i]);
			return 1;
		}
		while ((n = read(fd, blk, 1 << 20)) > 0) {
			crypto_generichash_update(&h, blk, (size_t)n);
			total += n;
		}
		close(fd);
	}
	crypto_generichash_final(&h, out, sizeof(out));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%lld %.3f %.1f\n", total, secs, (double)total / secs / 1e6);
	free(blk);
	return 0;
}
