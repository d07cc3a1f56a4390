/*
 * kabinet-passwd [--config FILE]: read a password on stdin, print its
 * argon2id hash for subscribers.password_hash or staff.password_hash, at the
 * cost the configuration's [passwords] sets (libsodium's interactive limits
 * without one).  For operators and for loading demo data.
 *
 * kabinet-passwd --seal-totp: read a TOTP secret (base32) on stdin, print it
 * sealed for staff.totp_secret (hex), with the key in $KABINET_TOTP_KEY (64
 * hex digits, the admin program's [admin] totp_key): for a staff member
 * whose authenticator app is set up from a known secret, like the demo's.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "core/crypto.h"
#include "core/totp.h"

static size_t read_line(char *buf, size_t cap)
{
	size_t n = fread(buf, 1, cap - 1, stdin);

	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	buf[n] = '\0';
	return ferror(stdin) ? 0 : n;
}

static int seal_totp(void)
{
	const char *hex = getenv("KABINET_TOTP_KEY");
	unsigned char key[32], secret[TOTP_SECRET_BYTES], sealed[TOTP_SEALED_BYTES];
	char text[128], out[2 * TOTP_SEALED_BYTES + 1];
	size_t bin = 0;

	if (hex == NULL || strlen(hex) != 64 ||
	    sodium_hex2bin(key, sizeof(key), hex, 64, NULL, &bin, NULL) != 0 || bin != 32) {
		fprintf(stderr, "kabinet-passwd: $KABINET_TOTP_KEY must be 64 hex digits\n");
		return 2;
	}
	if (read_line(text, sizeof(text)) == 0 || totp_secret_parse(text, secret) != 0) {
		fprintf(stderr, "kabinet-passwd: give a 32-character base32 secret on stdin\n");
		return 2;
	}
	totp_seal(key, secret, sealed);
	sodium_bin2hex(out, sizeof(out), sealed, sizeof(sealed));
	sodium_memzero(secret, sizeof(secret));
	sodium_memzero(key, sizeof(key));
	puts(out);
	return 0;
}

/* The cost of [passwords] in the configuration at path. */
static int use_cost_of(const char *path)
{
	struct config conf;
	char err[512];

	config_defaults(&conf); /* no program: its secrets are not read */
	if (config_load(&conf, path, err, sizeof(err)) != 0) {
		fprintf(stderr, "kabinet-passwd: %s\n", err);
		return -1;
	}
	if (password_cost_set(conf.pw_passes, conf.pw_memory_kib) != 0) {
		fprintf(stderr, "kabinet-passwd: %s: [passwords] cannot be used\n", path);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char pw[1024], hash[crypto_pwhash_STRBYTES];
	size_t n;

	if (sodium_init() < 0)
		return 1;
	if (argc == 2 && strcmp(argv[1], "--seal-totp") == 0)
		return seal_totp();
	if (argc == 3 && strcmp(argv[1], "--config") == 0) {
		if (use_cost_of(argv[2]) != 0)
			return 2;
	} else if (argc != 1) {
		fprintf(stderr, "usage: kabinet-passwd [--config FILE] <password\n"
		                "       kabinet-passwd --seal-totp <secret\n");
		return 2;
	}
	n = read_line(pw, sizeof(pw));
	if (n == 0) {
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
