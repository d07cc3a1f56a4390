/*
 * kabinet-export: what the billing system takes back, streamed.
 *
 *   kabinet-export --org N --what readings|payments|contacts|promises --from YYYY-MM-DD
 *                  --to YYYY-MM-DD [--format csv|xlsx] [--out FILE]
 *
 * CSV goes to stdout (or FILE), UTF-8, comma-separated, decimal point;
 * XLSX needs --out.  Readings and payments have the columns of their import
 * templates.  Memory stays flat whatever the size: rows are written as the
 * database hands them over.  Exit status: 0 written, 2 usage, 70 failed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "app/export.h"
#include "app/job.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/perr.h"

static int usage(void)
{
	fprintf(stderr, "usage: kabinet-export --org N --what readings|payments|contacts|promises "
	                "--from YYYY-MM-DD --to YYYY-MM-DD [--format csv|xlsx] [--out FILE]\n");
	return 2;
}

static int put_file(void *ctx, const char *s, size_t n)
{
	return fwrite(s, 1, n, ctx) == n ? 0 : -1;
}

/*
 * A workbook is written to a scratch file of the user the export runs as,
 * then copied into the output opened before root was given up: the output's
 * folder may be one that user cannot enter.
 */
static enum perr workbook(unsigned org, enum export_what w, const char *from, const char *to,
                          FILE *f)
{
	char path[] = "/tmp/kabinet-export-XXXXXX", buf[65536];
	int fd = mkstemp(path);
	enum perr e;
	FILE *in;
	size_t n;

	if (fd < 0)
		return PERR_SYS;
	close(fd);
	e = export_xlsx(org, w, from, to, path);
	if (e == PERR_OK && (in = fopen(path, "rb")) != NULL) {
		while ((n = fread(buf, 1, sizeof(buf), in)) > 0 && e == PERR_OK)
			if (fwrite(buf, 1, n, f) != n)
				e = PERR_SYS;
		if (ferror(in))
			e = PERR_SYS;
		fclose(in);
	} else if (e == PERR_OK) {
		e = PERR_SYS;
	}
	unlink(path);
	return e;
}

static int day_arg(const char *s)
{
	day_t d;

	return s != NULL && day_parse(s, strlen(s), &d) == 0;
}

int main(int argc, char **argv)
{
	const char *what = NULL, *from = NULL, *to = NULL, *format = "csv", *out = NULL;
	unsigned long org = 0;
	struct arena *a;
	FILE *f = stdout;
	int i, w;
	enum perr e;

	for (i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--org") == 0)
			org = strtoul(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--what") == 0)
			what = argv[i + 1];
		else if (strcmp(argv[i], "--from") == 0)
			from = argv[i + 1];
		else if (strcmp(argv[i], "--to") == 0)
			to = argv[i + 1];
		else if (strcmp(argv[i], "--format") == 0)
			format = argv[i + 1];
		else if (strcmp(argv[i], "--out") == 0)
			out = argv[i + 1];
		else
			return usage();
	}
	if (i != argc || org == 0 || org > 4294967295UL || (w = export_what(what)) < 0 ||
	    !day_arg(from) || !day_arg(to) ||
	    (strcmp(format, "csv") != 0 && (strcmp(format, "xlsx") != 0 || out == NULL)))
		return usage();
	if ((a = job_start("kabinet-export")) == NULL)
		return 70;
	/* The output is opened as whoever started the export; then root, if it
	 * was root, is given up. */
	if (out != NULL && (f = fopen(out, "wb")) == NULL) {
		fprintf(stderr, "kabinet-export: %s: %s\n", out, strerror(errno));
		job_end(a);
		return 70;
	}
	if (job_unroot() != 0) {
		job_end(a);
		return 70;
	}
	if (strcmp(format, "xlsx") == 0)
		e = workbook((unsigned)org, (enum export_what)w, from, to, f);
	else
		e = export_csv((unsigned)org, (enum export_what)w, from, to, put_file, f);
	if (fflush(f) != 0 && e == PERR_OK)
		e = PERR_SYS;
	if (out != NULL && fclose(f) != 0 && e == PERR_OK)
		e = PERR_SYS;
	if (e != PERR_OK)
		fprintf(stderr, "kabinet-export: %s%s%s\n", out ? out : "", out ? ": " : "",
		        perr_str(e));
	job_end(a);
	return e == PERR_OK ? 0 : 70;
}
