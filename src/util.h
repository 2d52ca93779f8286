/*
 * util.h — memory and buffers shared by every module: the growable byte buffer (tiao_buf, public),
 * the per-document arena, and a tiny typed vector.
 *
 * The arena hands out memory that lives until tiao_arena_free(); documents own one each, so a whole
 * tree is released in one call. Building with -DTIAO_DEBUG_ARENA makes every allocation a separate
 * malloc, so ASan and valgrind still see each one.
 */
#ifndef TIAO_UTIL_H
#define TIAO_UTIL_H

#include "tiao.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TIAO_UNUSED(x) ((void)(x))
#define TIAO_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- buffer ---- */
int tiao_buf_grow(tiao_buf *b, size_t need);
void tiao_buf_put(tiao_buf *b, const void *data, size_t len);
void tiao_buf_puts(tiao_buf *b, const char *s);
void tiao_buf_putc(tiao_buf *b, char c);
void tiao_buf_printf(tiao_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tiao_buf_clear(tiao_buf *b);
/* NUL-terminates (not counted in len) and returns data, or NULL if any allocation failed. */
const char *tiao_buf_cstr(tiao_buf *b);
/* Appends the codepoint cp as UTF-8. */
void tiao_buf_put_cp(tiao_buf *b, uint32_t cp);

/* ---- arena ---- */
typedef struct tiao_arena_block tiao_arena_block;
typedef struct tiao_arena {
	tiao_arena_block *head;
	size_t used, cap;
} tiao_arena;
#define TIAO_ARENA_INIT { NULL, 0, 0 }
void *tiao_arena_alloc(tiao_arena *a, size_t size); /* zeroed, 16-aligned; NULL on OOM */
char *tiao_arena_strndup(tiao_arena *a, const char *s, size_t len);
char *tiao_arena_strdup(tiao_arena *a, const char *s);
void tiao_arena_free(tiao_arena *a);

/* ---- vector: TIAO_VEC(int) v = {0}; TIAO_VEC_PUSH(&v, 3) returns 0 or -1 ---- */
#define TIAO_VEC(T) struct { T *items; size_t len, cap; }
int tiao_vec_grow_(void **items, size_t *cap, size_t elem, size_t need);
#define TIAO_VEC_PUSH(v, x)                                                                        \
	(((v)->len < (v)->cap ||                                                                   \
	  tiao_vec_grow_((void **)&(v)->items, &(v)->cap, sizeof(*(v)->items), (v)->len + 1) == 0)  \
	     ? ((v)->items[(v)->len++] = (x), 0)                                                   \
	     : -1)
#define TIAO_VEC_FREE(v) (free((v)->items), (v)->items = NULL, (v)->len = (v)->cap = 0)

/* ---- errors ---- */
/* Fill err (if non-NULL) and return code. */
int tiao_error_set(tiao_error *err, int code, const char *file, size_t line, size_t col,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
