/*
 * kabinet-passwd: read a password on stdin, print its argon2id hash for
 * subscribers.password_hash.  For operators and for loading demo data.
 */
#include <sodium.h>
#include <stdio.h>

#include "core/crypto.h"

int main(void)
{
	char pw[1024], hash[crypto_pwhash_STRBYTES];
	size_t n;

	if (sodium_init() < 0)
		return 1;
	n = fread(pw, 1, sizeof(pw) - 1, stdin);
	while (n > 0 && (pw[n - 1] == '\n' || pw[n - 1] == '\r'))
		n--;
	if (n == 0 || ferror(stdin)) {
		fprintf(stderr, "kabinet-passwd: give the password on stdin\n");
		return 2;
	}
	if (password_hash(pw, n, hash, sizeof(hash)) != 0) {
		fprintf(stderr, "kabinet-passwd: out of memory\n");
		return 1;
	}
	sodium_memzero(pw, sizeof(pw));
	puts(hash);
	return 0;
}
