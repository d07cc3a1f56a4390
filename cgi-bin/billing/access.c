/* billing/access.c: the choices of rights a holder gives. */
#include <stddef.h>
#include <string.h>

#include "billing/access.h"

static const struct {
	const char *name;
	unsigned rights;
} choices[] = {
        {"view", RIGHT_VIEW},
        {"readings", RIGHT_READINGS},
        {"pay", RIGHT_VIEW | RIGHT_PAY},
        {"full", RIGHT_VIEW | RIGHT_READINGS | RIGHT_PAY},
};

unsigned access_rights_of(const char *choice)
{
	size_t i;

	for (i = 0; choice != NULL && i < sizeof(choices) / sizeof(choices[0]); i++)
		if (strcmp(choice, choices[i].name) == 0)
			return choices[i].rights;
	return 0;
}

const char *access_choice_of(unsigned rights)
{
	size_t i;

	for (i = 0; i < sizeof(choices) / sizeof(choices[0]); i++)
		if (choices[i].rights == rights)
			return choices[i].name;
	return NULL;
}
