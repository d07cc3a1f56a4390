/* core/module.c: the linked modules' start and end (see module.h). */
#include <stddef.h>

#include "core/module.h"

/* Weak: a program that links no module with hooks has no such section. */
extern const struct module_hooks *const __start_kb_modules[] __attribute__((weak));
extern const struct module_hooks *const __stop_kb_modules[] __attribute__((weak));

void modules_stop(void)
{
	const struct module_hooks *const *m;

	if (__start_kb_modules == NULL)
		return;
	for (m = __stop_kb_modules; m > __start_kb_modules; m--)
		if (m[-1]->stop != NULL)
			m[-1]->stop();
}
