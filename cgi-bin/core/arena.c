/*
 * arena.c: request-scoped memory.  A FastCGI worker lives for thousands of
 * requests; tying every allocation to the request and releasing it in one
 * place at the end is what keeps it from leaking (see lwan's coro_defer).
 */
#include <stdint.h>
#include <stdarg.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"

#define CHUNK_MIN 16384

struct chunk {
	struct chunk *next;
	size_t cap;
	size_t used;
	max_align_t data[];
};

struct cleanup {
	void (*fn)(void *);
	void *arg;
	struct cleanup *next;
};

struct arena {
	struct chunk *head;
	struct cleanup *cleanups;
	size_t total; /* bytes in all chunks */
	size_t limit; /* refuse to grow past this */
};

static struct chunk *chunk_new(size_t need)
{
	size_t cap = need > CHUNK_MIN ? need : CHUNK_MIN;
	struct chunk *c = malloc(sizeof(*c) + cap);

	if (c == NULL)
		return NULL;
	c->next = NULL;
	c->cap = cap;
	c->used = 0;
	return c;
}

struct arena *arena_new(size_t limit)
{
	struct arena *a = calloc(1, sizeof(*a));

	if (a == NULL)
		return NULL;
	a->head = chunk_new(CHUNK_MIN);
	if (a->head == NULL) {
		free(a);
		return NULL;
	}
	a->total = a->head->cap;
	a->limit = limit;
	return a;
}

static void run_cleanups(struct arena *a)
{
	/* Last registered runs first, like a stack of destructors. */
	while (a->cleanups != NULL) {
		struct cleanup *c = a->cleanups;

		a->cleanups = c->next;
		c->fn(c->arg);
	}
}

void arena_reset(struct arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	run_cleanups(a);
	/* Keep the oldest chunk (the last in the list) for the next request. */
	for (c = a->head; c->next != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = c;
	c->used = 0;
	a->total = c->cap;
}

void arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	free(a->head);
	free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	struct chunk *c;
	void *p;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - align)
		return NULL;
	n = (n + align - 1) / align * align;
	c = a->head;
	if (c->cap - c->used < n) {
		if (a->total + n > a->limit)
			return NULL;
		c = chunk_new(n);
		if (c == NULL)
			return NULL;
		c->next = a->head;
		a->head = c;
		a->total += c->cap;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

void *arena_regrow(struct arena *a, const void *old, size_t n, size_t cap, size_t size)
{
	void *p;

	if (n > cap || (size != 0 && cap > SIZE_MAX / size))
		return NULL;
	if ((p = arena_alloc(a, cap * size)) != NULL && n > 0)
		memcpy(p, old, n * size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = arena_alloc(a, (size_t)n + 1);
	if (p == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

int arena_defer(struct arena *a, void (*fn)(void *), void *arg)
{
	struct cleanup *c = arena_alloc(a, sizeof(*c));

	if (c == NULL)
		return -1;
	c->fn = fn;
	c->arg = arg;
	c->next = a->cleanups;
	a->cleanups = c;
	return 0;
}
