/* util.c — buffer, arena and vector helpers (see util.h). */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE 1 /* madvise(MADV_HUGEPAGE) for large arena blocks */
#endif
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

/* ---- buffer ---- */

int tiao_buf_flush(tiao_buf *b)
{
	if (b->failed)
		return -1;
	if (!b->flush || b->len == 0)
		return 0;
	if (b->flush(b->data, b->len, b->flush_payload) < 0) {
		b->failed = 1;
		return -1;
	}
	b->len = 0;
	return 0;
}

int tiao_buf_grow(tiao_buf *b, size_t need)
{
	if (b->failed)
		return -1;
	if (b->flush && b->len > 0 && need + 1 > b->flush_at) {
		/* streaming: hand out what is there before the buffer passes flush_at */
		size_t more = need - b->len;
		if (tiao_buf_flush(b) < 0)
			return -1;
		need = more;
	}
	if (need + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need + 1) {
		if (cap > SIZE_MAX / 2) {
			b->failed = 1;
			return -1;
		}
		cap *= 2;
	}
	char *p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void tiao_buf_put(tiao_buf *b, const void *data, size_t len)
{
	if (len == 0 || tiao_buf_grow(b, b->len + len) < 0)
		return;
	memcpy(b->data + b->len, data, len);
	b->len += len;
}

void tiao_buf_puts(tiao_buf *b, const char *s) { tiao_buf_put(b, s, strlen(s)); }

void tiao_buf_putc(tiao_buf *b, char c)
{
	if (tiao_buf_grow(b, b->len + 1) < 0)
		return;
	b->data[b->len++] = c;
}

void tiao_buf_printf(tiao_buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		tiao_buf_put(b, small, (size_t)n);
		return;
	}
	if (tiao_buf_grow(b, b->len + (size_t)n) < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void tiao_buf_clear(tiao_buf *b) { b->len = 0; }

const char *tiao_buf_cstr(tiao_buf *b)
{
	if (tiao_buf_grow(b, b->len) < 0)
		return NULL;
	b->data[b->len] = '\0';
	return b->data;
}

void tiao_buf_put_cp(tiao_buf *b, uint32_t cp)
{
	char s[4];
	size_t n;
	if (cp < 0x80) {
		s[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	tiao_buf_put(b, s, n);
}

void tiao_buf_free(tiao_buf *b)
{
	if (!b)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

void tiao_free(void *p) { free(p); }

/* ---- arena ---- */

struct tiao_arena_block {
	tiao_arena_block *next;
	size_t size;
	_Alignas(16) unsigned char data[];
};

#define ARENA_MIN_BLOCK (64 * 1024)

#ifndef TIAO_DEBUG_ARENA
/* Ask for transparent huge pages on a large block (Linux, where THP is in "madvise" mode): a
 * 50 MB input fills tens of MB of nodes, and 4 KiB page faults were a fifth of the parse time.
 * Only a hint; elsewhere (or if refused) the block simply keeps ordinary pages. */
static void S_arena_hugepage(void *p, size_t n)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	if (n < ((size_t)4 << 20))
		return;
	long pg = sysconf(_SC_PAGESIZE);
	if (pg <= 0)
		return;
	uintptr_t a = ((uintptr_t)p + (uintptr_t)pg - 1) & ~((uintptr_t)pg - 1);
	uintptr_t e = ((uintptr_t)p + n) & ~((uintptr_t)pg - 1);
	if (e > a)
		(void)madvise((void *)a, (size_t)(e - a), MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}
#endif

void *tiao_arena_alloc(tiao_arena *a, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	if (size == 0)
		size = 16;
#ifdef TIAO_DEBUG_ARENA
	tiao_arena_block *blk = calloc(1, sizeof *blk + size);
	if (!blk)
		return NULL;
	blk->size = size;
	blk->next = a->head;
	a->head = blk;
	return blk->data;
#else
	if (!a->head || a->used + size > a->cap) {
		size_t bsz = size > ARENA_MIN_BLOCK ? size : ARENA_MIN_BLOCK;
		/* grow blocks geometrically so that large inputs need few blocks */
		if (a->head && a->head->size * 2 > bsz && a->head->size < (64u << 20))
			bsz = a->head->size * 2 > size ? a->head->size * 2 : size;
		/* calloc: a block is handed out once, front to back, so its memory is zero already and
		 * allocations need no memset (a large block comes zeroed from mmap, untouched) */
		tiao_arena_block *blk = calloc(1, sizeof *blk + bsz);
		if (!blk)
			return NULL;
		S_arena_hugepage(blk, sizeof *blk + bsz);
		blk->size = bsz;
		blk->next = a->head;
		a->head = blk;
		a->used = 0;
		a->cap = bsz;
	}
	void *p = a->head->data + a->used;
	a->used += size;
	return p;
#endif
}

char *tiao_arena_strndup(tiao_arena *a, const char *s, size_t len)
{
	char *p = tiao_arena_alloc(a, len + 1);
	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *tiao_arena_strdup(tiao_arena *a, const char *s) { return tiao_arena_strndup(a, s, strlen(s)); }

void tiao_arena_free(tiao_arena *a)
{
	tiao_arena_block *b = a->head;
	while (b) {
		tiao_arena_block *n = b->next;
		free(b);
		b = n;
	}
	a->head = NULL;
	a->used = a->cap = 0;
}

/* ---- vector ---- */

int tiao_vec_grow_(void **items, size_t *cap, size_t elem, size_t need)
{
	size_t c = *cap ? *cap : 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			return -1;
		c *= 2;
	}
	void *p = realloc(*items, c * elem);
	if (!p)
		return -1;
	*items = p;
	*cap = c;
	return 0;
}

/* ---- errors ---- */

int tiao_error_set(tiao_error *err, int code, const char *file, size_t line, size_t col,
                   const char *fmt, ...)
{
	if (!err)
		return code;
	err->code = code;
	err->file = file;
	err->line = line;
	err->column = col;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return code;
}

const char *tiao_strerror(int code)
{
	switch (code) {
	case TIAO_OK: return "ok";
	case TIAO_ENOMEM: return "out of memory";
	case TIAO_EIO: return "input/output error";
	case TIAO_EENCODING: return "invalid encoding";
	case TIAO_EPARSE: return "parse error";
	case TIAO_ENOTFOUND: return "not found";
	case TIAO_EAMBIGUOUS: return "ambiguous";
	case TIAO_ECONFLICT: return "conflict";
	case TIAO_ERANGE: return "out of range";
	case TIAO_ERENUMBER: return "renumbering mismatch";
	case TIAO_EUNSUPPORTED: return "unsupported instruction";
	case TIAO_EINVALID: return "invalid argument";
	default: return "error";
	}
}
