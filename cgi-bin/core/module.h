/*
 * core/module.h: what a module does at a program's end, found by
 * the linker.  A module that is linked into a program registers its hooks in
 * a section of their own; one that is not linked registers nothing.  So the
 * program's main loop never names the payment client or the PDF code, and a
 * program that does not contain them does not stop them.
 */
#ifndef CORE_MODULE_H
#define CORE_MODULE_H

struct module_hooks {
	/* At the end of the process (each worker, each scheduled run). */
	void (*stop)(void);
};

/* Register hooks (a file-scope declaration). */
#define MODULE_HOOKS(id, ...)                                                                  \
	static const struct module_hooks id##_hooks = {__VA_ARGS__};                           \
	static const struct module_hooks *const id##_hooks_entry                                 \
		__attribute__((used, section("kb_modules"))) = &id##_hooks

/* Run every linked module's stop hook, in the reverse order. */
void modules_stop(void);

#endif
