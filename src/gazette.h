/*
 * gazette.h — from raw input bytes to paragraphs, and from a gazette to its documents.
 *
 * Input comes in three forms (detected automatically, see tiao_detect_form):
 *  (a) PDF-extracted gazette text: a blank line after every printed line, mid-sentence wraps,
 *      page-start leading spaces, footers —N—, running headers, letter-spaced lines;
 *  (b) clean text, one paragraph per line;
 *  (c) database text: article labels alone on their line, mid-sentence wraps, footers "- 6 -".
 * tiao_paras_read() turns any of them into paragraphs (one per 条 start / 款 / 项 / heading …), each
 * with its text cleaned and a map back to input lines. It never invents or drops a paragraph: every
 * non-artifact character of the input ends up in exactly one paragraph.
 */
#ifndef TIAO_GAZETTE_H
#define TIAO_GAZETTE_H

#include "util.h"

/* A paragraph byte offset off (in the cleaned text) comes from input line/col. */
typedef struct tiao_seg {
	size_t off, line, col;
} tiao_seg;

typedef struct tiao_para {
	const char *text; /* cleaned, NUL-terminated */
	size_t len;
	size_t line, col; /* start in the input (1-based; col in characters) */
	const tiao_seg *segs; /* one per joined input line (segs[0].off == 0); NULL when nsegs == 0 */
	size_t nsegs;
} tiao_para;

typedef struct tiao_paras {
	tiao_para *items;
	size_t len, cap;
	tiao_input_form form; /* the form detected or given */
	const char *filename;
	tiao_arena arena;     /* owns texts and segs */
	char *buf;            /* owned copy of the input, if used */
} tiao_paras;

/* Check UTF-8 (BOM accepted), detect the form (unless given) and recover paragraphs. On invalid
 * UTF-8 fails with TIAO_EENCODING and "invalid UTF-8 at byte N". Empty input gives 0 paragraphs. */
int tiao_paras_read(tiao_paras *out, const char *bytes, size_t len, tiao_input_form form,
                    const char *filename, tiao_error *err);
/* The same, taking ownership of bytes (malloc'd, room for len + 1): clean text is read in place
 * instead of copied. bytes is freed by tiao_paras_free, or at once when not needed or on failure. */
int tiao_paras_adopt(tiao_paras *out, char *bytes, size_t len, tiao_input_form form,
                     const char *filename, tiao_error *err);
void tiao_paras_free(tiao_paras *p);
tiao_input_form tiao_detect_form(const char *bytes, size_t len);
/* Input line and column of byte offset off inside paragraph p. */
void tiao_para_locate(const tiao_para *p, size_t off, size_t *line, size_t *col);

/* A gazette's documents: each a range of paragraphs of one tiao_paras. */
typedef struct tiao_gdoc {
	tiao_doc_kind kind;
	size_t first, n; /* paragraph range */
	const char *title; /* the title block's paragraphs joined (an annex mark excluded) */
	size_t ntitle;     /* paragraphs [first, first+ntitle) form the title block (0: none) */
} tiao_gdoc;

struct tiao_gazette {
	tiao_paras paras;
	tiao_gdoc *docs;
	size_t ndocs;
	tiao_arena arena;
	char **texts; /* lazily built clean texts */
	size_t *text_lens;
};

/* Split already-read paragraphs into documents (used by split, and by consolidate on a gazette). */
int tiao_gazette_split_paras(tiao_gazette *g, tiao_error *err);

#endif
