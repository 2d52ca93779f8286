/*
 * text.h — the text layer: UTF-8 decoding and validation, character classes used by every parser,
 * line/column maps, and the normalised matching keys of amendment-semantics §4.
 *
 * All text inside tiao is UTF-8. Positions are byte offsets; columns shown to users are counted in
 * characters (code points), computed from a line map.
 */
#ifndef TIAO_TEXT_H
#define TIAO_TEXT_H

#include "util.h"

/* Decode the code point at s[*i] (s has len bytes) and advance *i. Invalid sequences decode as
 * U+FFFD and advance one byte (input is validated on entry, so this only guards). */
uint32_t tiao_utf8_next(const char *s, size_t len, size_t *i);
/* Decode the code point that ends just before s[*i] and move *i back to its start. */
uint32_t tiao_utf8_prev(const char *s, size_t *i);
/* Returns len if s is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF), else the offset of
 * the first invalid byte. */
size_t tiao_utf8_check(const char *s, size_t len);
/* Number of code points in s[0..len). */
size_t tiao_utf8_count(const char *s, size_t len);
/* Byte length of the UTF-8 sequence starting with byte c (1 for invalid lead bytes). */
static inline size_t tiao_utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* ---- character classes ---- */
bool tiao_cp_is_space(uint32_t cp);  /* ASCII blanks, U+3000, NBSP, other Zs */
bool tiao_cp_is_han(uint32_t cp);    /* CJK ideographs incl. 〇 */
/* Sentence/clause punctuation in either Chinese or ASCII form. */
bool tiao_cp_is_stop(uint32_t cp);   /* 。 . ！ ! ？ ? */
bool tiao_cp_is_clause(uint32_t cp); /* ； ; ， , ： : 、 */
bool tiao_cp_is_digit(uint32_t cp);  /* 0-9 and ０-９ */
int tiao_cp_digit(uint32_t cp);      /* its value, or -1 */
/* Fold a code point to its matching form: « » ‹ › → 《 》 〈 〉, full-width → ASCII (NFKC),
 * 。→ . , “ ” → " , ‘ ’ → '. Whitespace folds to nothing (returns 0 code points).
 * Writes at most 4 code points to out and returns how many. */
size_t tiao_cp_fold(uint32_t cp, uint32_t out[4]);

/* ---- line map ---- */
typedef struct tiao_linemap {
	const char *text;
	size_t len;
	size_t *starts; /* byte offset of each line start */
	size_t nlines;
} tiao_linemap;
int tiao_linemap_init(tiao_linemap *m, const char *text, size_t len);
void tiao_linemap_free(tiao_linemap *m);
/* 1-based line and character column of byte offset off. */
void tiao_linemap_locate(const tiao_linemap *m, size_t off, size_t *line, size_t *col);

/* ---- matching keys (amendment-semantics §4) ----
 * A key is the folded code point sequence of a text, whitespace removed, with for each key code
 * point the byte offset of the source character it came from (and src[len] = end of text). */
typedef struct tiao_key {
	uint32_t *cp;
	size_t *src;
	size_t len;
} tiao_key;
int tiao_key_build(tiao_key *k, const char *s, size_t len);
void tiao_key_free(tiao_key *k);
/* Index of the first occurrence of needle in hay at or after from, or -1. */
long tiao_key_find(const tiao_key *hay, const tiao_key *needle, size_t from);
/* Whether two texts are equal modulo normalisation. */
bool tiao_text_equiv(const char *a, size_t alen, const char *b, size_t blen);
/* Source byte span [*start,*end) of key range [i, i+n). */
void tiao_key_span(const tiao_key *k, const char *s, size_t slen, size_t i, size_t n, size_t *start,
                   size_t *end);

#endif
