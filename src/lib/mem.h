/*
 * mem.h: checked allocation.
 *
 * Every allocation in Lifeboat goes through these wrappers so that a size
 * computation can never overflow silently.  They return NULL on overflow or
 * when memory is exhausted and never abort: the caller reports the failure.
 */
#ifndef LB_MEM_H
#define LB_MEM_H

#include <stddef.h>

/* malloc(nmemb * size), or NULL when the product overflows. */
void	*lb_mallocarray(size_t nmemb, size_t size);
/* realloc(p, nmemb * size), or NULL when the product overflows (p untouched). */
void	*lb_reallocarray(void *p, size_t nmemb, size_t size);
/* calloc with the same contract. */
void	*lb_calloc(size_t nmemb, size_t size);
/* Copy of the first n bytes of s, NUL-terminated; NULL on failure. */
char	*lb_strndup(const char *s, size_t n);
/* Overwrite n bytes at p with zeros in a way the compiler cannot elide. */
void	 lb_wipe(void *p, size_t n);

#endif
