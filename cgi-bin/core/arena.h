/* core/arena.h: the request's allocator. */
#ifndef CORE_ARENA_H
#define CORE_ARENA_H

#include <stddef.h>

#include "core/attrs.h"

/*
 * A request-scoped allocator: bump allocation in chunks plus a list of
 * cleanup callbacks for foreign objects (xmlDoc, result buffers).  Everything
 * is released by arena_reset() at the end of every request, so a long-lived
 * FastCGI worker cannot leak across requests.
 */
struct arena;

struct arena *arena_new(size_t limit) PORTAL_WUR;
void arena_free(struct arena *);  /* accepts NULL */
void arena_reset(struct arena *); /* runs cleanups, keeps the first chunk */
void *arena_alloc(struct arena *, size_t) PORTAL_WUR;
char *arena_strndup(struct arena *, const char *, size_t) PORTAL_WUR;
char *arena_strdup(struct arena *, const char *) PORTAL_WUR;
char *arena_printf(struct arena *, const char *, ...) PORTAL_PRINTF(2, 3) PORTAL_WUR;
int arena_defer(struct arena *, void (*)(void *), void *) PORTAL_WUR;
/*
 * A growing array's larger home: room for cap elements of size bytes, the
 * first n copied from old (which stays until the reset).  NULL if n > cap,
 * cap * size overflows, or the arena is full.
 */
void *arena_regrow(struct arena *, const void *old, size_t n, size_t cap, size_t size) PORTAL_WUR;

#endif
