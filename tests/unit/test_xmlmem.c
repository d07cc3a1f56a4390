/* Unit tests: libxml2's memory in one region per request (doc/xmlmem.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

#include "doc/xmlmem.h"

static int installed(void **state)
{
	(void)state;
	return xmlmem_install();
}

/* A request's blocks are forgotten together: the next request is given the same memory. */
static void each_request_starts_from_the_beginning(void **state)
{
	void *first, *again;

	(void)state;
	xmlmem_begin();
	first = xmlMalloc(100);
	assert_non_null(first);
	assert_non_null(xmlMalloc(5000));
	xmlFree(first);
	xmlmem_end();
	xmlmem_begin();
	again = xmlMalloc(100);
	assert_ptr_equal(again, first);
	xmlmem_end();
}

static void blocks_are_aligned_and_apart(void **state)
{
	char *a, *b;

	(void)state;
	xmlmem_begin();
	a = xmlMalloc(3);
	b = xmlMalloc(1);
	assert_int_equal((uintptr_t)a % 16, 0);
	assert_int_equal((uintptr_t)b % 16, 0);
	assert_true(b >= a + 16);
	memset(a, 'a', 3);
	memset(b, 'b', 1);
	assert_memory_equal(a, "aaa", 3);
	xmlmem_end();
}

/* Growing keeps the contents, in place for the newest block and by copy for an older one. */
static void a_grown_block_keeps_what_it_held(void **state)
{
	char *buf, *other, *grown;
	size_t i;

	(void)state;
	xmlmem_begin();
	buf = xmlMalloc(64);
	memset(buf, 'x', 64);
	grown = xmlRealloc(buf, 1 << 20);
	assert_ptr_equal(grown, buf); /* the newest: where it was */
	for (i = 0; i < 64; i++)
		assert_int_equal(grown[i], 'x');
	memset(grown, 'y', 1 << 20);
	other = xmlMalloc(10);
	assert_non_null(other);
	buf = xmlRealloc(grown, 2 << 20);
	assert_ptr_not_equal(buf, grown); /* no longer the newest: copied */
	for (i = 0; i < (1 << 20); i += 4096)
		assert_int_equal(buf[i], 'y');
	assert_int_equal(buf[(1 << 20) - 1], 'y');
	assert_string_equal(xmlMemStrdup("копия"), "копия");
	xmlmem_end();
}

/* What was glibc's before the request (a compiled stylesheet) is freed and grown as glibc's. */
static void memory_from_before_stays_glibcs(void **state)
{
	char *kept, *grown;

	(void)state;
	kept = xmlMalloc(32);
	strcpy(kept, "compiled at start-up");
	xmlmem_begin();
	grown = xmlRealloc(kept, 4096);
	assert_string_equal(grown, "compiled at start-up");
	xmlmem_end();
	/* Still good after the request: glibc's, not the region's. */
	assert_string_equal(grown, "compiled at start-up");
	grown = xmlRealloc(grown, 8192);
	assert_string_equal(grown, "compiled at start-up");
	xmlFree(grown);
}

/* A page's document built and dropped inside a request; outside one, freed as usual. */
static void documents_inside_and_outside_a_request(void **state)
{
	xmlDocPtr doc;
	xmlNodePtr root;
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		xmlmem_begin();
		doc = xmlNewDoc(BAD_CAST "1.0");
		root = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
		xmlDocSetRootElement(doc, root);
		assert_non_null(xmlNewTextChild(root, NULL, BAD_CAST "p", BAD_CAST "текст"));
		xmlFreeDoc(doc);
		xmlmem_end();
	}
	doc = xmlNewDoc(BAD_CAST "1.0");
	xmlDocSetRootElement(doc, xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL));
	xmlFreeDoc(doc); /* glibc's: freed (ASan's leak check would say otherwise) */
}

/* libxml2 tells of every node it frees: how many a free walked. */
static int nodes_freed;

static void count_freed(xmlNodePtr n)
{
	(void)n;
	nodes_freed++;
}

static xmlDocPtr small_page(void)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);

	assert_non_null(root);
	xmlDocSetRootElement(doc, root);
	assert_non_null(xmlNewTextChild(root, NULL, BAD_CAST "p", BAD_CAST "текст"));
	assert_non_null(xmlNewProp(root, BAD_CAST "lang", BAD_CAST "ru"));
	assert_non_null(
	        xmlCreateIntSubset(doc, BAD_CAST "html", NULL, BAD_CAST "about:legacy-compat"));
	return doc;
}

/*
 * A request's document whose every node is the region's is not walked to be
 * freed; one made outside a request, or in one that has had to use glibc's
 * memory, is freed node by node.
 */
static void a_request_document_is_forgotten_not_walked(void **state)
{
	xmlDocPtr doc;
	xmlDeregisterNodeFunc before;
	void *outgrow[2];

	(void)state;
	xmlRegisterNodeDefault(NULL);
	before = xmlDeregisterNodeDefault(count_freed);

	xmlmem_begin();
	doc = small_page();
	nodes_freed = 0;
	xmlmem_free_doc(doc);
	assert_int_equal(nodes_freed, 2); /* the document and its doctype only */
	xmlmem_end();

	doc = small_page(); /* glibc's: walked and freed (ASan's leak check would say otherwise) */
	nodes_freed = 0;
	xmlmem_free_doc(doc);
	assert_true(nodes_freed >=
	            5); /* the doctype, page, its attribute, p, its text, the document */

	xmlmem_begin();
	doc = small_page();
	/* Two blocks of 300 MB: the second does not fit the 512 MB region, so it is glibc's. */
	outgrow[0] = xmlMalloc((size_t)300 << 20);
	outgrow[1] = xmlMalloc((size_t)300 << 20);
	assert_non_null(outgrow[0]);
	assert_non_null(outgrow[1]);
	nodes_freed = 0;
	xmlmem_free_doc(doc);
	assert_true(nodes_freed >= 5);
	xmlFree(outgrow[1]);
	xmlmem_end();

	xmlDeregisterNodeDefault(before);
}

/*
 * A transform's HTML result holds the stylesheet's dictionary three ways:
 * itself, its ID table (every id="" of an HTML page) and its doctype.  Each
 * gives its reference back, or the dictionary outlives its stylesheet
 * (LeakSanitizer reports it at exit, and make unit fails).
 */
static void a_forgotten_document_gives_back_its_dictionary(void **state)
{
	xmlDictPtr dict = xmlDictCreate(); /* the stylesheet's, made at start-up */
	htmlDocPtr doc;
	xmlNodePtr root, p;

	(void)state;
	assert_non_null(dict);
	xmlmem_begin();
	doc = htmlNewDocNoDtD(BAD_CAST "about:legacy-compat", NULL);
	assert_non_null(doc);
	doc->dict = dict;
	assert_int_equal(xmlDictReference(dict), 0);
	root = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL);
	xmlDocSetRootElement(doc, root);
	p = xmlNewChild(root, NULL, BAD_CAST "p", BAD_CAST "text");
	assert_non_null(xmlSetProp(p, BAD_CAST "id", BAD_CAST "form-error"));
	assert_non_null(doc->ids); /* an HTML id is an ID */
	assert_non_null(doc->intSubset);
	xmlmem_free_doc(doc);
	xmlmem_end();
	xmlDictFree(dict); /* the last reference: the dictionary goes */
}

/* The permissions /proc/self/maps gives the mapping that holds p ("rw-p"), or "" if none. */
static void permissions_at(const void *p, char perms[5])
{
	FILE *maps = fopen("/proc/self/maps", "r");
	char line[512];
	uintptr_t from, to, at = (uintptr_t)p;

	perms[0] = '\0';
	assert_non_null(maps);
	while (fgets(line, sizeof(line), maps) != NULL)
		if (sscanf(line, "%lx-%lx %4s", &from, &to, perms) == 3 && from <= at && at < to)
			break;
		else
			perms[0] = '\0';
	fclose(maps);
}

/*
 * Only what requests use is writable, and what a large one used beyond the
 * first few megabytes is inaccessible again after it: with
 * vm.overcommit_memory=2 writable memory is charged to the commit limit.
 */
static void only_what_is_used_is_writable(void **state)
{
	char perms[5], *first, *large;
	const size_t size = (size_t)32 << 20;

	(void)state;
	xmlmem_begin();
	first = xmlMalloc(100);
	permissions_at(first, perms);
	assert_string_equal(perms, "rw-p");
	permissions_at(first + ((size_t)64 << 20), perms);
	assert_string_equal(perms, "---p"); /* reserved, not yet used */
	large = xmlMalloc(size);
	assert_true(large > first && large < first + ((size_t)512 << 20)); /* the region's */
	memset(large, 1, size);
	permissions_at(large + size - 1, perms);
	assert_string_equal(perms, "rw-p");
	xmlmem_end();
	permissions_at(large + size - 1, perms);
	assert_string_equal(perms, "---p");
	permissions_at(first, perms);
	assert_string_equal(perms, "rw-p"); /* kept for the next request */
	xmlmem_begin();
	assert_ptr_equal(xmlMalloc(100), first);
	xmlmem_end();
}

#if defined(__SANITIZE_ADDRESS__)
/* A pointer kept past its request, or read past its block, is caught by ASan. */
static void kept_or_overrun_memory_is_poisoned(void **state)
{
	char *p;

	(void)state;
	xmlmem_begin();
	p = xmlMalloc(20);
	assert_false(__asan_address_is_poisoned(p + 19));
	assert_true(__asan_address_is_poisoned(p + 20 + 12)); /* the red zone */
	xmlmem_end();
	assert_true(__asan_address_is_poisoned(p));
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_request_starts_from_the_beginning),
		cmocka_unit_test(blocks_are_aligned_and_apart),
		cmocka_unit_test(a_grown_block_keeps_what_it_held),
		cmocka_unit_test(memory_from_before_stays_glibcs),
		cmocka_unit_test(documents_inside_and_outside_a_request),
		cmocka_unit_test(a_request_document_is_forgotten_not_walked),
		cmocka_unit_test(a_forgotten_document_gives_back_its_dictionary),
		cmocka_unit_test(only_what_is_used_is_writable),
#if defined(__SANITIZE_ADDRESS__)
		cmocka_unit_test(kept_or_overrun_memory_is_poisoned),
#endif
	};

	return cmocka_run_group_tests(tests, installed, NULL);
}
