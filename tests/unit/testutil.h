/* testutil.h — common includes and helpers for cmocka unit tests. */
#ifndef TIAO_TESTUTIL_H
#define TIAO_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tiao.h"

/* The shared folder (corpus, gazette): $SHARED, else ../shared beside the repo, else /work/shared. */
static inline const char *test_shared_dir(void)
{
	const char *e = getenv("SHARED");
	if (e && *e)
		return e;
	FILE *f = fopen("../shared/README.md", "rb");
	if (f) {
		fclose(f);
		return "../shared";
	}
	return "/work/shared";
}

/* Read a whole file (relative paths from the repo root); NULL if missing. Caller frees. */
static inline char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
		size_t r = fread(buf + n, 1, cap - n - 1, f);
		if (r == 0)
			break;
		n += r;
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

/* Read a file under the shared folder. */
static inline char *test_read_shared(const char *rel, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", test_shared_dir(), rel);
	return test_read_file(path, len);
}

#endif
