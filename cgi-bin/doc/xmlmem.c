/*
 * xmlmem.c: libxml2's and libxslt's memory during a request comes from one
 * region, forgotten all at once when the request has been answered.
 *
 * Why: a page is thousands of small allocations (the page's XML, the
 * transform's trees, node sets and strings, the HTML), all of them freed
 * together at the end.  glibc's malloc and free were a fifth of a worker's
 * samples serving the dashboard (perf under wrk), much of it
 * malloc_consolidate walking libxml2's small chunks.  Cutting from a region
 * is a pointer bump, and freeing is nothing.
 *
 * How: xmlMemSetup() installs the functions below for the life of the
 * process.  Between xmlmem_begin() and xmlmem_end() an allocation is cut
 * from the region; at any other time it is glibc's.  Whether a block is the
 * region's is one comparison of addresses, so what was allocated before
 * (the compiled stylesheets) is freed and grown by glibc whenever that
 * happens, and freeing a region block does nothing, even one of an earlier
 * request (libxml2 frees its last error's strings at the next error).
 *
 * The region is address space reserved once, inaccessible: with
 * vm.overcommit_memory=2 the kernel charges writable private memory against
 * its commit limit when mapped, so a writable reservation would cost every
 * worker REGION_SIZE of that limit.  It is made writable a STEP at a time as
 * requests reach further, and what a large request made writable beyond KEEP
 * is mapped inaccessible again when it ends, which returns both the pages
 * and the charge.  A request that outgrows the region, or whose next STEP
 * the kernel refuses, carries on with glibc's memory, freed as usual.
 *
 * Under AddressSanitizer every block has a poisoned red zone after it and
 * the whole region is poisoned after each request; under valgrind the same
 * is said with its client requests.  So a pointer kept past its request is
 * reported by make test's ASan stack (and by the valgrind test), not left to
 * chance.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

#include "core/log.h"
#include "doc/xmlmem.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define REDZONE    16
#define HIDE(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define SHOW(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#elif __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
/* Asked once: the two client requests were 26 instructions of every block's
 * 60 in callgrind, paid by every worker that runs outside valgrind. */
static int under_valgrind;
#define REDZONE    0
#define HIDE(p, n)       ((void)(under_valgrind && VALGRIND_MAKE_MEM_NOACCESS((p), (n))))
#define SHOW(p, n)       ((void)(under_valgrind && VALGRIND_MAKE_MEM_UNDEFINED((p), (n))))
#define VALGRIND_ASKED() (under_valgrind = RUNNING_ON_VALGRIND != 0)
#else
#define REDZONE    0
#define HIDE(p, n) ((void)0)
#define SHOW(p, n) ((void)0)
#endif
#ifndef VALGRIND_ASKED
#define VALGRIND_ASKED() ((void)0)
#endif

#define REGION_SIZE ((size_t)512 << 20) /* address space, not memory */
#define STEP        ((size_t)1 << 20)   /* made writable at a time */
#define KEEP        ((size_t)4 << 20)   /* stays writable for the next request */
#define HEADER      16                  /* the block's size; keeps data 16-aligned */

static char *base, *end; /* the reservation */
static char *top;        /* the next block starts here */
static char *writable;   /* [base, writable) may be used */
static char *newest;     /* the newest block's data: grown in place */
static int active;
static int outgrown; /* this request has had glibc's memory: not all of it is the region's */

static size_t rounded(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

static int ours(const void *p)
{
	return (const char *)p >= base && (const char *)p < end;
}

static size_t block_size(const void *p)
{
	size_t n;

	memcpy(&n, (const char *)p - HEADER, sizeof(n));
	return n;
}

/* [base, want) writable, or -1 when the kernel will not commit more. */
static int reach(const char *want)
{
	size_t to;

	if (want <= writable)
		return 0;
	to = ((size_t)(want - base) + STEP - 1) / STEP * STEP;
	if (to > REGION_SIZE)
		to = REGION_SIZE;
	if (mprotect(writable, (size_t)(base + to - writable), PROT_READ | PROT_WRITE) != 0)
		return -1;
	writable = base + to;
	return 0;
}

static void *cut(size_t n)
{
	size_t need;
	char *b;

	if (n > REGION_SIZE)
		return NULL;
	need = HEADER + rounded(n) + REDZONE;
	if ((size_t)(end - top) < need || (top + need > writable && reach(top + need) != 0)) {
		outgrown = 1;
		return malloc(n); /* outgrown: glibc's from here on */
	}
	b = top;
	top += need;
	SHOW(b, HEADER + n);
	HIDE(b + HEADER + n, need - HEADER - n);
	memcpy(b, &n, sizeof(n));
	newest = b + HEADER;
	return newest;
}

static void *mem_malloc(size_t n)
{
	return active ? cut(n) : malloc(n);
}

/* A region block is forgotten with its request, never one by one: it may be
 * an earlier request's, whose header is no longer its own. */
static void mem_free(void *p)
{
	if (p != NULL && !ours(p))
		free(p);
}

static void *mem_realloc(void *p, size_t n)
{
	size_t old;
	void *q;

	if (p == NULL)
		return mem_malloc(n);
	/* glibc's block: made before the request, or after it outgrew the region (outgrown) */
	if (!ours(p))
		return realloc(p, n);
	old = block_size(p);
	/* The newest block grows where it is: libxml2's buffers double as they fill. */
	if (active && p == newest && n <= REGION_SIZE &&
	    (size_t)(end - (char *)p) >= rounded(n) + REDZONE &&
	    reach((char *)p + rounded(n) + REDZONE) == 0) {
		top = (char *)p + rounded(n) + REDZONE;
		if (n > old)
			SHOW((char *)p + old, n - old);
		HIDE((char *)p + n, rounded(n) + REDZONE - n);
		memcpy((char *)p - HEADER, &n, sizeof(n));
		return p;
	}
	if ((q = mem_malloc(n)) == NULL)
		return NULL;
	memcpy(q, p, old < n ? old : n);
	return q; /* p, a region block, is forgotten with its request */
}

static char *mem_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = mem_malloc(n);

	if (d != NULL)
		memcpy(d, s, n);
	return d;
}

int xmlmem_install(void)
{
	void *m = mmap(NULL, REGION_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
	               -1, 0);

	if (m == MAP_FAILED) {
		log_msg(LOG_ERR, "cannot reserve the XML memory region");
		return -1;
	}
	VALGRIND_ASKED();
	base = top = writable = m;
	end = base + REGION_SIZE;
	if (xmlMemSetup(mem_free, mem_malloc, mem_realloc, mem_strdup) != 0) {
		log_msg(LOG_ERR, "libxml2 refused its memory functions");
		return -1;
	}
	return 0;
}

void xmlmem_begin(void)
{
	active = base != NULL;
	outgrown = 0;
}

/*
 * A document made during the request, when all the request's memory has been
 * the region's, is forgotten with it: its tree is not walked.  Walking it to
 * free node by node (each name asked of the dictionary) was about 5 % of the
 * dashboard's transform and writing in callgrind, to free nothing.  The rest
 * goes through xmlFreeDoc: the document, its ID table (an HTML result's ids)
 * and its doctype each hold a reference to a dictionary that outlives the
 * request, the compiled stylesheet's, and must give it back.
 */
void xmlmem_free_doc(xmlDocPtr doc)
{
	if (doc != NULL && active && !outgrown && ours(doc))
		doc->children = doc->last = NULL; /* the doctype is unlinked by its own pointer */
	xmlFreeDoc(doc);
}

void xmlmem_end(void)
{
	if (base == NULL)
		return;
	active = 0;
	newest = NULL;
	HIDE(base, (size_t)(top - base));
	top = base;
	/* A large request's pages go back, charge and all; the first KEEP stay. */
	if ((size_t)(writable - base) > KEEP) {
		if (mmap(base + KEEP, (size_t)(writable - base) - KEEP, PROT_NONE,
		         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1,
		         0) == MAP_FAILED)
			log_msg(LOG_WARN, "cannot give back the XML memory region's pages");
		else
			writable = base + KEEP;
	}
}
