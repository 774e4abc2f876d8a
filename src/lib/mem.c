/*
 * mem.c: checked allocation wrappers (see mem.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "mem.h"

static int
mul_overflows(size_t a, size_t b)
{
	return b != 0 && a > SIZE_MAX / b;
}

void *
lb_mallocarray(size_t nmemb, size_t size)
{
	if (mul_overflows(nmemb, size))
		return NULL;
	return malloc(nmemb * size == 0 ? 1 : nmemb * size);
}

void *
lb_reallocarray(void *p, size_t nmemb, size_t size)
{
	if (mul_overflows(nmemb, size))
		return NULL;
	return realloc(p, nmemb * size == 0 ? 1 : nmemb * size);
}

void *
lb_calloc(size_t nmemb, size_t size)
{
	if (nmemb == 0 || size == 0)
		return calloc(1, 1);
	return calloc(nmemb, size);
}

char *
lb_strndup(const char *s, size_t n)
{
	char	*p;

	if (n == SIZE_MAX)
		return NULL;
	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
lb_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}
