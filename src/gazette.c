/*
 * gazette.c — from raw input bytes to paragraphs, and from a gazette to its documents.
 *
 * Three input forms (see gazette.h) are read into one list of paragraphs:
 *
 *  (b) clean text: one paragraph per line. The hot path of `tiao parse`: the input is copied once,
 *      every '\n' becomes '\0' and each paragraph's text points into that copy (no per-character
 *      function calls; a byte scan finds the line ends and trims the blanks). A paragraph is one
 *      line, so it has no segs: its line and column locate every offset. Canonical text (tiao's
 *      own `-f text`) is always read in this form (see tiao_detect_form).
 *  (c) database text: a 第X条 label alone on its line is joined with the line that follows
 *      ("第X条　body") unless that line starts an item or a unit of its own (the label's body is
 *      then empty, as parse.c reads a label alone before （一）); a line that ends without closing punctuation (。；：.;:”!?) and is followed by a
 *      line that does not start a structural unit (第X条/章/节/编, （一）, 1.) is a wrapped line and is
 *      joined; nothing before the first article or heading (title, 题注) is ever joined and a
 *      heading is never joined to the next line; page footers "- 6 -" (on their own line or inline)
 *      are dropped; where whole articles run together on one line, "…。第二条　" starts a new one.
 *  (a) PDF-extracted gazette text (notes/gazette-2020-05-analysis.md §1): blank lines are dropped,
 *      footers —N— and running headers (a line padded with U+3000 on both sides, or the same short
 *      line after most footers) are dropped, page-start spaces and indents are stripped, ASCII
 *      spaces between two non-ASCII characters are removed (letter-spaced lines, stray spaces;
 *      not next to a Latin letter or digit, not in table rows), and paragraphs are recovered with
 *      the rules of §1.3: an article label 第X条 + U+3000 starts a paragraph (A); a line ending with
 *      a full stop ends one (B) — except for a one-line sentence right after a report heading whose
 *      next line is as wide as a full line, which an indented first line never is (the 1992 line;
 *      a looser width test would join real paragraph starts in the regulations, e.g. 献血 第三十条
 *      款2, so the 1794 line, which follows ordinary text, stays split); a line ending with ; or :
 *      ends one only before an item (C, D), or for a short ":" line (salutations); an item marker
 *      (一) starts an item only after : ; . or a short line (E; wrapped references end in 、 or 第);
 *      a short line without closing punctuation is a heading or title line (F), while a
 *      letter-spaced line is justified and so never a paragraph's last line. A kept "　　" indent,
 *      a "———date" speech line, a "(２０…)"/"(第…号)" note, a date-only line and a document number
 *      (晋人办函〔…〕…号) always stand apart; a "(…" block right after a title (题注) is kept together
 *      until its parenthesis closes. Line widths are measured against the widths of the
 *      neighbouring lines (75th percentile of 12), so one- and two-column pages both work.
 *
 * Every non-artifact character of the input ends up in exactly one paragraph; each paragraph has
 * segs mapping its cleaned offsets back to input lines and columns.
 *
 * The splitter (tiao_gazette_split_paras) finds title blocks: a run of at most six short
 * paragraphs without sentence punctuation, not starting with an enumerator, a date, a dash or a
 * "(２０…"/"(第…号)" note, whose last paragraph ends with a document word (公告 条例 办法 规定 细则
 * 规则 法 决定 说明 报告 意见 名单 议程 纪要 函 修正案, before any trailing "(…)"), and which does not
 * follow a paragraph cut off in mid-sentence (an annex list). A leading 附件N paragraph makes the
 * block an annex (the enclosed reports of an annex are documents of their own). Each block starts
 * a document that runs to the next one (§2.2, §2.3); text before the first block is a document of
 * kind "unknown". A document's clean text has its title block joined on the first line.
 */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE 1 /* madvise(MADV_HUGEPAGE) for the large buffers of the clean form */
#endif
#include "gazette.h"
#include "numeral.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

/* ---------------------------------------------------------------------------------------------
 * Small UTF-8 helpers
 * ------------------------------------------------------------------------------------------- */

#define CP_IDSP 0x3000u /* ideographic space */

static bool S_is_blank_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' || cp == CP_IDSP ||
	       cp == 0xA0 || cp == 0xFEFF;
}

static uint32_t S_cp_at(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	return tiao_utf8_next(s, len, &i);
}

static uint32_t S_last_cp(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	size_t i = len;
	return tiao_utf8_prev(s, &i);
}

/* The code point before the last one (0 if none). */
static uint32_t S_last_cp2(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	size_t i = len;
	tiao_utf8_prev(s, &i);
	if (i == 0)
		return 0;
	return tiao_utf8_prev(s, &i);
}

static bool S_starts(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit);
	return len >= n && memcmp(s, lit, n) == 0;
}

static bool S_ends(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit);
	return len >= n && memcmp(s + len - n, lit, n) == 0;
}

/* Whether s[0..len) contains lit. */
static bool S_has(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit);
	for (size_t i = 0; n && i + n <= len; i++)
		if (s[i] == lit[0] && memcmp(s + i, lit, n) == 0)
			return true;
	return false;
}

static bool S_is_fw_digit(uint32_t cp) { return cp >= 0xFF10 && cp <= 0xFF19; }

/* ---------------------------------------------------------------------------------------------
 * Line predicates
 * ------------------------------------------------------------------------------------------- */

/* Bytes used by a 第X条 / 第X条之Y label at the start of s, or 0. */
static size_t S_article_label(const char *s, size_t len)
{
	long num, sub;
	size_t used;
	if (len < 9 || (unsigned char)s[0] != 0xE7) /* 第 = E7 AC AC */
		return 0;
	if (tiao_label_read(s, len, 0x6761 /* 条 */, &num, &sub, &used))
		return used;
	return 0;
}

/* Bytes used by a 第X章 / 第X节 / 第X编 label at the start of s, or 0. */
static size_t S_heading_label(const char *s, size_t len)
{
	static const uint32_t kinds[] = {0x7AE0 /* 章 */, 0x8282 /* 节 */, 0x7F16 /* 编 */};
	long num, sub;
	size_t used;
	if (len < 9 || (unsigned char)s[0] != 0xE7)
		return 0;
	for (size_t k = 0; k < TIAO_ARRAY_LEN(kinds); k++)
		if (tiao_label_read(s, len, kinds[k], &num, &sub, &used))
			return used;
	return 0;
}

/* Whether the label of used bytes is followed by a separator or the end. */
static bool S_label_sep(const char *s, size_t len, size_t used)
{
	if (used >= len)
		return true;
	uint32_t c = S_cp_at(s, len, used);
	return c == ' ' || c == '\t' || c == CP_IDSP;
}

/* 第X条 + separator (or alone), 第X章/节/编 + separator (or alone). */
static bool S_struct_start(const char *s, size_t len)
{
	size_t u = S_article_label(s, len);
	if (u && S_label_sep(s, len, u))
		return true;
	u = S_heading_label(s, len);
	return u && S_label_sep(s, len, u);
}

static bool S_heading_line(const char *s, size_t len)
{
	size_t u = S_heading_label(s, len);
	return u && S_label_sep(s, len, u);
}

/* （一） (一) “(一) 一、 １、 1. １． — an enumerated item or heading. */
static bool S_item_start(const char *s, size_t len)
{
	long num;
	size_t used;
	if (S_starts(s, len, "\xE2\x80\x9C")) { /* “ */
		s += 3;
		len -= 3;
	}
	if (len == 0)
		return false;
	if (tiao_item_label_read(s, len, &num, &used))
		return true;
	if (tiao_subitem_label_read(s, len, &num, &used))
		return true;
	long v = tiao_num_read(s, len, &used);
	if (v > 0 && used < len && S_cp_at(s, len, used) == 0x3001 /* 、 */)
		return true;
	return false;
}

/* 十二、 or １、 at the start (not (一), not 1.). */
static bool S_enum_comma(const char *s, size_t len)
{
	size_t used;
	long v = tiao_num_read(s, len, &used);
	return v > 0 && used < len && S_cp_at(s, len, used) == 0x3001;
}

/* ２０２０年９月３０日 alone. */
static bool S_date_only(const char *s, size_t len)
{
	static const uint32_t units[] = {0x5E74 /* 年 */, 0x6708 /* 月 */, 0x65E5 /* 日 */};
	size_t i = 0;
	for (size_t k = 0; k < 3; k++) {
		size_t nd = 0;
		while (i < len) {
			size_t j = i;
			uint32_t c = tiao_utf8_next(s, len, &j);
			if (!tiao_cp_is_digit(c) && !(c == 0x3007 || tiao_num_is_cn(c)))
				break;
			i = j;
			nd++;
		}
		if (nd == 0 || i >= len || tiao_utf8_next(s, len, &i) != units[k])
			return false;
	}
	return i == len;
}

/* A document number alone: 晋人办函〔２０１９〕９５号, 国务院令第216号. */
static bool S_docno(const char *s, size_t len)
{
	if (!S_ends(s, len, "号") || tiao_utf8_count(s, len) > 30)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ',' || c == '.' || c == ':' || c == ';')
			return false;
	}
	return S_has(s, len, "〔") || S_has(s, len, "﹝") || S_has(s, len, "[");
}

/* A page footer: —１— - 6 - －3－ (dashes around a page number). */
static bool S_footer(const char *s, size_t len)
{
	/* fast path (every line is asked): the first byte of a dash, a digit or a space */
	unsigned char c0 = len ? (unsigned char)s[0] : 0;
	if (!(c0 == '-' || (c0 >= '0' && c0 <= '9') || c0 == ' ' || c0 == 0xE2 || c0 == 0xE3 ||
	      c0 == 0xEF))
		return false;
	size_t i = 0, ndash1 = 0, ndig = 0, ndash2 = 0;
	while (i < len) {
		size_t j = i;
		uint32_t c = tiao_utf8_next(s, len, &j);
		if (c == 0x2014 || c == '-' || c == 0xFF0D || c == 0x2013 || c == 0x2015) {
			if (ndig)
				ndash2++;
			else
				ndash1++;
		} else if (tiao_cp_is_digit(c)) {
			if (ndash2)
				return false;
			ndig++;
		} else if (c == ' ' || c == CP_IDSP) {
		} else {
			return false;
		}
		i = j;
	}
	return ndash1 > 0 && ndash2 > 0 && ndig > 0 && ndig <= 4;
}

/* A Word field code left alone on its line by a .doc → text export, next to the page footer
 * (PAGE, PAGE  \* MERGEFORMAT, NUMPAGES): never legal text. */
static bool S_field_code(const char *s, size_t len)
{
	if (len < 4 || (s[0] != 'P' && s[0] != 'N'))
		return false;
	return (len >= 4 && memcmp(s, "PAGE", 4) == 0 && (len == 4 || s[4] == ' ')) ||
	       (len >= 8 && memcmp(s, "NUMPAGES", 8) == 0 && (len == 8 || s[8] == ' '));
}

/* A 题注 line that ends an event: …通过 / …批准 / …修正 / …修订 / …公布 / …施行. */
static bool S_note_event_end(const char *s, size_t len)
{
	static const char *const ends[] = { "通过", "批准", "修正", "修订", "公布", "施行" };
	for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
		size_t l = strlen(ends[k]);
		if (len >= l && memcmp(s + len - l, ends[k], l) == 0)
			return true;
	}
	return false;
}

/* Closing punctuation for the database form: 。；：.;:”!?！？ */
static bool S_db_closing(uint32_t c)
{
	return c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == '.' || c == ';' || c == ':' ||
	       c == 0x201D || c == '!' || c == '?' || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
}

/* ---------------------------------------------------------------------------------------------
 * Paragraph list building
 * ------------------------------------------------------------------------------------------- */

/* Ask for transparent huge pages on a large buffer about to be filled (Linux, THP in "madvise"
 * mode): on a 50 MB input, 4 KiB page faults on the copy and the paragraph index were a large
 * part of the run time. Only a hint; elsewhere it does nothing. */
static void S_hugepage(void *p, size_t n)
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

static int S_push_para(tiao_paras *p, const tiao_para *para)
{
	if (p->len == p->cap) {
		size_t nc = p->cap ? p->cap * 2 : 64;
		tiao_para *n = realloc(p->items, nc * sizeof *n);
		if (!n)
			return -1;
		S_hugepage(n + p->cap, (nc - p->cap) * sizeof *n);
		p->items = n;
		p->cap = nc;
	}
	p->items[p->len++] = *para;
	return 0;
}

void tiao_paras_free(tiao_paras *p)
{
	if (!p)
		return;
	free(p->items);
	free(p->buf);
	tiao_arena_free(&p->arena);
	memset(p, 0, sizeof *p);
}

/* The clean form: one paragraph per non-blank line, trimmed; texts point into one copy. A
 * paragraph is one input line, located by its line and column alone (no segs). */
static int S_read_clean(tiao_paras *out, size_t base, size_t len)
{
	char *buf = out->buf;
	size_t lineno = 0, i = base;
	for (;;) {
		lineno++;
		char *nl = memchr(buf + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - buf) : len;
		size_t s = i, col = 1;
		/* leading blanks: ASCII, U+3000, NBSP, BOM-like */
		for (;;) {
			unsigned char c = (unsigned char)buf[s];
			if (s < e && (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')) {
				s++;
				col++;
			} else if (s + 3 <= e && c == 0xE3 && (unsigned char)buf[s + 1] == 0x80 &&
			           (unsigned char)buf[s + 2] == 0x80) {
				s += 3;
				col++;
			} else if (s + 2 <= e && c == 0xC2 && (unsigned char)buf[s + 1] == 0xA0) {
				s += 2;
				col++;
			} else {
				break;
			}
		}
		size_t t = e;
		for (;;) {
			unsigned char c = t > s ? (unsigned char)buf[t - 1] : 0;
			if (t > s && (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'))
				t--;
			else if (t >= s + 3 && c == 0x80 && (unsigned char)buf[t - 2] == 0x80 &&
			         (unsigned char)buf[t - 3] == 0xE3)
				t -= 3;
			else if (t >= s + 2 && c == 0xA0 && (unsigned char)buf[t - 2] == 0xC2)
				t -= 2;
			else
				break;
		}
		buf[t] = '\0';
		if (e < len)
			buf[e] = '\0';
		if (t > s) {
			tiao_para para = {buf + s, t - s, lineno, col, NULL, 0};
			if (S_push_para(out, &para) < 0)
				return TIAO_ENOMEM;
		}
		if (!nl)
			break;
		i = e + 1;
	}
	return 0;
}

/* ---- forms (a) and (c): line records ---- */

enum { L_TEXT = 0, L_BLANK, L_FOOTER, L_HEADER };
enum {
	F_PAGESTART = 1, /* leading ASCII space (gazette page start) */
	F_INDENT = 2,    /* leading U+3000 U+3000 */
	F_TABLE = 4,     /* space-separated table cells */
	F_LSPACE = 8     /* letter-spaced (justified) line */
};

typedef struct S_line {
	size_t s, len;       /* trimmed content: input[s .. s+len) */
	size_t lineno, col;  /* 1-based */
	int w, W;            /* width and local full width, in quarter characters */
	unsigned char kind, flags;
} S_line;

typedef TIAO_VEC(S_line) S_lines;

/* Width in quarter characters: digits and ASCII letters 3, other characters 4, spaces 0. */
static int S_width(const char *s, size_t len)
{
	int w = 0;
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c != ' ' && c != '\t')
				w += ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ? 3 : 4;
			i++;
			continue;
		}
		uint32_t cp = tiao_utf8_next(s, len, &i);
		if (cp == CP_IDSP)
			continue;
		w += S_is_fw_digit(cp) ? 3 : 4;
	}
	return w;
}

/* Whether a line has sentence or clause punctuation (a table row has none; a "," or "." between
 * two digits is a thousands separator or a decimal point). */
static bool S_has_sentence_punct(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t prev = 0;
	while (i < len) {
		uint32_t c = tiao_utf8_next(s, len, &i);
		if (c == ',' || c == '.') {
			uint32_t next = S_cp_at(s, len, i);
			if (!(tiao_cp_is_digit(prev) && tiao_cp_is_digit(next)))
				return true;
		} else if (c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A || c == ';' ||
		           c == ':' || c == 0x3001) {
			return true;
		}
		prev = c;
	}
	return false;
}

/* Classify spaces: a table row has >= 3 space-separated cells, most longer than one character;
 * a letter-spaced line has >= 3 spaces and mostly one-character cells. */
static unsigned S_space_flags(const char *s, size_t len)
{
	size_t nsp = 0;
	for (size_t i = 0; i < len; i++)
		nsp += s[i] == ' ';
	if (nsp < 2)
		return 0;
	size_t ntok = 0, nsingle = 0, i = 0;
	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		size_t st = i;
		while (i < len && s[i] != ' ')
			i++;
		ntok++;
		nsingle += tiao_utf8_count(s + st, i - st) == 1;
	}
	if (ntok < 3)
		return 0;
	if (nsingle * 2 < ntok)
		return S_article_label(s, len) || S_has_sentence_punct(s, len) ? 0 : F_TABLE;
	return nsp >= 3 ? F_LSPACE : 0;
}

static int S_split_lines(S_lines *L, const char *in, size_t base, size_t len, bool gazette)
{
	size_t lineno = 0, i = base;
	while (i < len) {
		lineno++;
		const char *nl = memchr(in + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - in) : len;
		S_line ln;
		memset(&ln, 0, sizeof ln);
		ln.lineno = lineno;
		size_t s = i, col = 1;
		unsigned flags = 0;
		if (s < e && in[s] == ' ')
			flags |= F_PAGESTART;
		if (e - s >= 6 && memcmp(in + s, "\xE3\x80\x80\xE3\x80\x80", 6) == 0)
			flags |= F_INDENT;
		bool lead_idsp = e - s >= 3 && memcmp(in + s, "\xE3\x80\x80", 3) == 0;
		while (s < e) {
			size_t j = s;
			uint32_t c = tiao_utf8_next(in, e, &j);
			if (!S_is_blank_cp(c))
				break;
			s = j;
			col++;
		}
		size_t t = e;
		bool trail_idsp = t - s >= 3 && memcmp(in + t - 3, "\xE3\x80\x80", 3) == 0;
		if (t > s && in[t - 1] == '\r')
			trail_idsp = t - s >= 4 && memcmp(in + t - 4, "\xE3\x80\x80", 3) == 0;
		while (t > s) {
			size_t j = t;
			uint32_t c = tiao_utf8_prev(in, &j);
			if (!S_is_blank_cp(c))
				break;
			t = j;
		}
		ln.s = s;
		ln.len = t - s;
		ln.col = col;
		if (ln.len == 0)
			ln.kind = L_BLANK;
		else if (S_footer(in + s, t - s) || S_field_code(in + s, t - s))
			ln.kind = L_FOOTER;
		else if (gazette && lead_idsp && trail_idsp && tiao_utf8_count(in + s, t - s) <= 40 &&
		         !S_struct_start(in + s, t - s))
			ln.kind = L_HEADER;
		else
			ln.kind = L_TEXT;
		if (ln.kind == L_TEXT) {
			ln.flags = (unsigned char)(flags | S_space_flags(in + s, t - s));
			ln.w = S_width(in + s, t - s);
		}
		if (TIAO_VEC_PUSH(L, ln) < 0)
			return TIAO_ENOMEM;
		if (!nl)
			break;
		i = e + 1;
	}
	return 0;
}

/* Local full width of each text line: the 75th percentile of up to 6 text lines on either side. */
static void S_local_widths(S_line *ls, size_t *idx, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		int v[12];
		size_t nv = 0;
		size_t lo = k >= 6 ? k - 6 : 0, hi = k + 6 < n ? k + 6 : n - 1;
		for (size_t j = lo; j <= hi; j++) {
			const S_line *o = &ls[idx[j]];
			if (j == k || (o->flags & (F_TABLE | F_LSPACE)))
				continue;
			int x = o->w;
			size_t p = nv++;
			while (p > 0 && v[p - 1] > x) {
				v[p] = v[p - 1];
				p--;
			}
			v[p] = x;
		}
		S_line *l = &ls[idx[k]];
		l->W = nv ? v[(nv - 1) * 3 / 4] : l->w;
		if (l->W < l->w)
			l->W = l->w;
		if (l->flags & F_LSPACE)
			l->w = l->W;
	}
}

/* ---- building one paragraph's cleaned text and segs ---- */

typedef struct S_pb {
	tiao_buf text;
	TIAO_VEC(tiao_seg) segs;
	size_t line, col;
	bool open;
} S_pb;

static int S_pb_seg(S_pb *pb, size_t line, size_t col)
{
	tiao_seg sg = {pb->text.len, line, col};
	if (pb->segs.len && pb->segs.items[pb->segs.len - 1].off == pb->text.len)
		pb->segs.len--; /* an empty segment: replace it */
	return TIAO_VEC_PUSH(&pb->segs, sg);
}

/* Whether an ASCII space next to cp is an artifact: not next to a Latin letter or digit. */
static bool S_joinable(uint32_t cp)
{
	if (cp == 0 || cp == ' ' || cp == '\t')
		return false;
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'));
	return true;
}

/* Append a line's content, removing ASCII spaces between two non-ASCII characters (unless
 * keep_spaces), keeping one separator after a leading article label. */
static int S_pb_append(S_pb *pb, const char *in, const S_line *ln, bool keep_spaces)
{
	const char *s = in + ln->s;
	size_t len = ln->len;
	if (!pb->open) {
		pb->open = true;
		pb->line = ln->lineno;
		pb->col = ln->col;
		pb->text.len = 0;
		pb->segs.len = 0;
	}
	if (S_pb_seg(pb, ln->lineno, ln->col) < 0)
		return TIAO_ENOMEM;
	size_t label = pb->text.len == 0 ? S_article_label(s, len) : 0;
	size_t i = 0, col = ln->col;
	uint32_t prev = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t') {
			size_t j = i, n = 0;
			while (j < len && (s[j] == ' ' || s[j] == '\t')) {
				j++;
				n++;
			}
			uint32_t next = S_cp_at(s, len, j);
			if (label && i == label) {
				/* 第X条  body: keep one separator */
				tiao_buf_putc(&pb->text, ' ');
				col += n;
				i = j;
				if (n > 1 && S_pb_seg(pb, ln->lineno, col) < 0)
					return TIAO_ENOMEM;
				prev = ' ';
				continue;
			}
			if (!keep_spaces && (prev >= 0x80 || next >= 0x80) && S_joinable(prev) &&
			    S_joinable(next)) {
				col += n;
				i = j;
				if (S_pb_seg(pb, ln->lineno, col) < 0)
					return TIAO_ENOMEM;
				continue;
			}
			tiao_buf_put(&pb->text, s + i, n);
			col += n;
			i = j;
			prev = ' ';
			continue;
		}
		if (label && i == label && c == 0xE3 && S_cp_at(s, len, i) == CP_IDSP) {
			/* 第十二条　 血站: U+3000 then stray spaces — keep the U+3000 only */
			tiao_buf_put(&pb->text, s + i, 3);
			i += 3;
			col++;
			size_t n = 0;
			while (i < len && (s[i] == ' ' || s[i] == '\t')) {
				i++;
				n++;
			}
			if (n) {
				col += n;
				if (S_pb_seg(pb, ln->lineno, col) < 0)
					return TIAO_ENOMEM;
			}
			prev = CP_IDSP;
			continue;
		}
		size_t j = i;
		prev = tiao_utf8_next(s, len, &j);
		tiao_buf_put(&pb->text, s + i, j - i);
		col++;
		i = j;
	}
	return pb->text.failed ? TIAO_ENOMEM : 0;
}

/* Insert literal text (e.g. the U+3000 after a label alone on its line). */
static void S_pb_put(S_pb *pb, const char *lit) { tiao_buf_puts(&pb->text, lit); }

static int S_pb_flush(S_pb *pb, tiao_paras *out)
{
	if (!pb->open)
		return 0;
	pb->open = false;
	if (pb->text.len == 0)
		return 0;
	if (pb->segs.len && pb->segs.items[pb->segs.len - 1].off == pb->text.len)
		pb->segs.len--;
	char *t = tiao_arena_strndup(&out->arena, pb->text.data, pb->text.len);
	tiao_seg *sg = tiao_arena_alloc(&out->arena, pb->segs.len * sizeof *sg);
	if (!t || !sg)
		return TIAO_ENOMEM;
	memcpy(sg, pb->segs.items, pb->segs.len * sizeof *sg);
	tiao_para para = {t, pb->text.len, pb->line, pb->col, sg, pb->segs.len};
	return S_push_para(out, &para) < 0 ? TIAO_ENOMEM : 0;
}

static void S_pb_free(S_pb *pb)
{
	tiao_buf_free(&pb->text);
	TIAO_VEC_FREE(&pb->segs);
}

/* ---- form (c): database text ---- */

/* Length of an inline page footer " - 6 - " starting at in[i] (a space or the line start st),
 * trailing spaces included; 0 if there is none. */
static size_t S_inline_footer(const char *in, size_t i, size_t st, size_t end)
{
	size_t j = i;
	if (in[j] == ' ') {
		while (j < end && in[j] == ' ')
			j++;
	} else if (i != st) {
		return 0;
	}
	size_t nd = 0, ndash = 0;
	for (int part = 0; part < 3; part++) {
		if (part == 1) {
			while (j < end && in[j] >= '0' && in[j] <= '9') {
				j++;
				nd++;
			}
		} else {
			size_t k = j;
			uint32_t c = S_cp_at(in, end, k);
			if (c != '-' && c != 0x2014 && c != 0xFF0D)
				return 0;
			tiao_utf8_next(in, end, &k);
			j = k;
			ndash++;
		}
		while (j < end && in[j] == ' ')
			j++;
	}
	if (nd == 0 || nd > 4 || ndash != 2 || (j < end && in[j - 1] != ' '))
		return 0;
	return j - i;
}

static int S_db_piece(S_lines *P, const char *in, const S_line *ln, size_t a, size_t b)
{
	while (a < b && (in[a] == ' ' || in[a] == '\t'))
		a++;
	while (b > a && (in[b - 1] == ' ' || in[b - 1] == '\t'))
		b--;
	if (a == b)
		return 0;
	S_line p = *ln;
	p.s = a;
	p.len = b - a;
	p.col = ln->col + tiao_utf8_count(in + ln->s, a - ln->s);
	p.flags = (unsigned char)S_space_flags(in + a, b - a);
	return TIAO_VEC_PUSH(P, p) < 0 ? TIAO_ENOMEM : 0;
}

/* Split a database line at inline page footers (" - 6 - ") and where a new article starts after a
 * full stop (…。第二条　…: whole articles run together). */
static int S_db_pieces(S_lines *P, const char *in, const S_line *ln)
{
	size_t st = ln->s, end = ln->s + ln->len, i = ln->s;
	int rc = 0;
	while (i < end && rc == 0) {
		unsigned char c = (unsigned char)in[i];
		if (c == ' ' || (i == st && (c == '-' || c == 0xE2 || c == 0xEF))) {
			size_t fl = S_inline_footer(in, i, ln->s, end);
			if (fl) {
				rc = S_db_piece(P, in, ln, st, i);
				st = i = i + fl;
				continue;
			}
		}
		if (c == 0xE7 && i >= st + 3 && memcmp(in + i - 3, "。", 3) == 0) {
			size_t u = S_article_label(in + i, end - i);
			if (u && i + u < end && S_label_sep(in + i, end - i, u)) {
				rc = S_db_piece(P, in, ln, st, i);
				st = i;
			}
		}
		i++;
		while (i < end && ((unsigned char)in[i] & 0xC0) == 0x80)
			i++;
	}
	if (rc == 0)
		rc = S_db_piece(P, in, ln, st, end);
	return rc;
}

static int S_read_database(tiao_paras *out, const char *in, size_t base, size_t len)
{
	S_lines L = {0}, P = {0};
	S_pb pb;
	memset(&pb, 0, sizeof pb);
	int rc = S_split_lines(&L, in, base, len, false);
	for (size_t k = 0; rc == 0 && k < L.len; k++)
		if (L.items[k].kind == L_TEXT)
			rc = S_db_pieces(&P, in, &L.items[k]);
	bool body = false, in_note = false;
	const S_line *prev = NULL;
	bool prev_label_only = false;
	for (size_t k = 0; rc == 0 && k < P.len; k++) {
		const S_line *ln = &P.items[k];
		if (ln->kind != L_TEXT)
			continue;
		const char *s = in + ln->s;
		bool st = S_struct_start(s, ln->len);
		size_t lab = S_article_label(s, ln->len);
		bool label_only = lab && lab == ln->len;
		bool join = false, add_sep = false;
		if (prev && pb.open) {
			const char *ps = in + prev->s;
			if (prev_label_only) {
				/* the label's body, unless the next line starts a unit of its own: an item
				 * (（一）…) stays a paragraph, and the label's own text is then empty — as in
				 * the clean form, where parse.c gives the article an empty first paragraph
				 * holding the items */
				join = !st && !S_item_start(s, ln->len);
				add_sep = join;
			} else if (body && !st && !S_item_start(s, ln->len) &&
			           !S_heading_line(ps, prev->len) && !S_db_closing(S_last_cp(ps, prev->len))) {
				join = true;
			} else if (!body && in_note && !st && !S_db_closing(S_last_cp(ps, prev->len)) &&
			           !S_note_event_end(ps, prev->len)) {
				/* a 题注 wrapped mid-phrase (…常务委⏎员会第二十八次会议通过…): one note; a
				 * line that ends an event (…通过 / …批准) keeps the one-event-a-line layout */
				join = true;
			}
		}
		if (!join && (rc = S_pb_flush(&pb, out)) != 0)
			break;
		if (add_sep)
			S_pb_put(&pb, "\xE3\x80\x80");
		if ((rc = S_pb_append(&pb, in, ln, (ln->flags & F_TABLE) != 0)) != 0)
			break;
		if (st)
			body = true;
		if (!body) {
			bool opens = S_starts(s, ln->len, "\xEF\xBC\x88") || S_starts(s, ln->len, "(");
			bool closes = S_has(s, ln->len, "\xEF\xBC\x89") || S_has(s, ln->len, ")");
			if (!join && opens)
				in_note = !closes;
			else if (closes)
				in_note = false;
		}
		prev_label_only = label_only && !join;
		if (label_only && join)
			prev_label_only = false;
		prev = ln;
	}
	if (rc == 0)
		rc = S_pb_flush(&pb, out);
	S_pb_free(&pb);
	TIAO_VEC_FREE(&L);
	TIAO_VEC_FREE(&P);
	return rc;
}

/* ---- form (a): gazette text ---- */

static bool S_stop_cp(uint32_t c)
{
	return c == '.' || c == 0x3002 || c == '!' || c == 0xFF01 || c == '?' || c == 0xFF1F ||
	       c == 0xFF0E;
}

/* A report heading: a short paragraph without closing punctuation (一、立法意义, (一)关于…). */
static bool S_heading_para(const char *s, size_t len)
{
	if (len == 0 || tiao_utf8_count(s, len) > 40 || S_heading_line(s, len))
		return false;
	uint32_t c = S_last_cp(s, len);
	return !(S_stop_cp(c) || c == ';' || c == 0xFF1B || c == ':' || c == 0xFF1A || c == ',' ||
	         c == 0xFF0C || c == 0x3001 || c == 0x201D);
}

/* Whether a paragraph ends between line a and line b. a_first: a is the paragraph's first line. */
static bool S_gz_break(const char *in, const S_line *a, const S_line *b, bool a_first,
                       bool after_heading)
{
	const char *as = in + a->s, *bs = in + b->s;
	size_t al = a->len, bl = b->len;
	if ((a->flags | b->flags) & F_TABLE)
		return true;
	if (S_struct_start(bs, bl) || S_heading_line(as, al))
		return true;
	/* anchors: ———date…, (２０２０年…), (第五十七号) */
	if (S_starts(bs, bl, "\xE2\x80\x94\xE2\x80\x94"))
		return true;
	if (S_starts(bs, bl, "(") || S_starts(bs, bl, "\xEF\xBC\x88")) {
		size_t o = bs[0] == '(' ? 1 : 3;
		uint32_t c = S_cp_at(bs, bl, o);
		if (tiao_cp_is_digit(c) || c == 0x7B2C /* 第 */)
			return true;
	}
	if (S_date_only(as, al) || S_date_only(bs, bl) || S_docno(as, al) || S_docno(bs, bl))
		return true;
	/* a kept two-character indent marks a first line (§1.3) */
	if (b->flags & F_INDENT)
		return true;
	uint32_t last = S_last_cp(as, al);
	if (last == 0x201D /* ” */ && S_stop_cp(S_last_cp2(as, al)))
		last = '.';
	bool bitem = S_item_start(bs, bl);
	bool a_short = a->w * 5 < a->W * 4;
	if (S_stop_cp(last)) {
		/* rule B, with the report exception: a following line as wide as a full line cannot
		 * be an (indented) first line */
		if (a_first && after_heading && !S_article_label(as, al) && !bitem &&
		    !(b->flags & (F_INDENT | F_LSPACE)) && b->w >= b->W && b->W >= 64 &&
		    a->w + 12 >= a->W)
			return false;
		return true;
	}
	if (last == ';' || last == 0xFF1B)
		return bitem;
	if (last == ':' || last == 0xFF1A)
		return bitem || a->w + 8 < a->W;
	if (last == ',' || last == 0xFF0C || last == 0x3001 /* 、 */)
		return false;
	/* before an enumerated line, a line at least two characters short is a heading */
	if (bitem && a->w + 8 <= a->W)
		return true;
	/* 十二、 １、 at a line start after a line that does not end in 第: a new enumerated
	 * paragraph (agenda items, decision instructions); a wrapped reference ends in 第 or 、 */
	if (bitem && last != 0x7B2C /* 第 */ && S_enum_comma(bs, bl))
		return true;
	/* no closing punctuation: a wrap, unless the line is short (heading, title) */
	if (a_first && S_article_label(as, al))
		return false;
	/* a letter-spaced line is justified, so never a paragraph's last line (its width is W) */
	return a_short;
}

/* Parenthesis depth change of a line: ( （ +1, ) ） -1. */
static int S_paren_delta(const char *s, size_t len)
{
	int d = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '(')
			d++;
		else if (c == ')')
			d--;
		else if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBC) {
			if ((unsigned char)s[i + 2] == 0x88)
				d++;
			else if ((unsigned char)s[i + 2] == 0x89)
				d--;
		}
	}
	return d;
}

/* Running headers without U+3000 padding: a short line that comes right after a page footer
 * (blank lines between allowed), with the same text at least three times and after at least a
 * quarter of the footers around it (a 公告 title may start two pages). Candidates are
 * compared with a bounded window of other candidates, so this stays linear. */
static void S_mark_repeated_headers(S_lines *L, const char *in)
{
	TIAO_VEC(size_t) cand = {0};
	for (size_t k = 0; k < L->len; k++) {
		if (L->items[k].kind != L_FOOTER)
			continue;
		size_t j = k + 1;
		while (j < L->len && L->items[j].kind == L_BLANK)
			j++;
		if (j < L->len && L->items[j].kind == L_TEXT && tiao_utf8_count(in + L->items[j].s, L->items[j].len) <= 40 &&
		    !S_struct_start(in + L->items[j].s, L->items[j].len) && TIAO_VEC_PUSH(&cand, j) < 0)
			break;
	}
	for (size_t a = 0; a < cand.len; a++) {
		S_line *x = &L->items[cand.items[a]];
		size_t lo = a >= 32 ? a - 32 : 0, hi = a + 32 < cand.len ? a + 32 : cand.len;
		size_t same = 1;
		for (size_t b = lo; b < hi; b++) {
			const S_line *y = &L->items[cand.items[b]];
			if (b != a && y->len == x->len && memcmp(in + y->s, in + x->s, x->len) == 0)
				same++;
		}
		/* at least three times, and after at least a quarter of the footers around */
		if (same >= 3 && same * 4 >= hi - lo)
			x->kind = L_HEADER;
	}
	TIAO_VEC_FREE(&cand);
}

static int S_read_gazette(tiao_paras *out, const char *in, size_t base, size_t len)
{
	S_lines L = {0};
	size_t *idx = NULL;
	S_pb pb;
	memset(&pb, 0, sizeof pb);
	int rc = S_split_lines(&L, in, base, len, true);
	size_t n = 0;
	if (rc == 0)
		S_mark_repeated_headers(&L, in);
	if (rc == 0) {
		idx = malloc((L.len ? L.len : 1) * sizeof *idx);
		if (!idx)
			rc = TIAO_ENOMEM;
	}
	if (rc == 0) {
		for (size_t k = 0; k < L.len; k++)
			if (L.items[k].kind == L_TEXT)
				idx[n++] = k;
		S_local_widths(L.items, idx, n);
	}
	const S_line *prev = NULL;
	size_t nlines_in_para = 0;
	int depth = 0;
	bool in_paren = false, after_heading = false;
	for (size_t k = 0; rc == 0 && k < n; k++) {
		const S_line *ln = &L.items[idx[k]];
		const char *s = in + ln->s;
		bool brk = true;
		if (prev && pb.open) {
			if (in_paren && !S_struct_start(s, ln->len))
				brk = false;
			else
				brk = S_gz_break(in, prev, ln, nlines_in_para == 1, after_heading);
		}
		if (brk) {
			/* the paragraph that ends here was a heading (no closing punctuation)? */
			after_heading = pb.open && pb.text.len && S_heading_para(pb.text.data, pb.text.len);
			if ((rc = S_pb_flush(&pb, out)) != 0)
				break;
			nlines_in_para = 0;
			in_paren = false;
			depth = 0;
			/* a "(…" block that is not an item label: keep together until it closes */
			long num;
			size_t used;
			if ((S_starts(s, ln->len, "(") || S_starts(s, ln->len, "\xEF\xBC\x88")) &&
			    !tiao_item_label_read(s, ln->len, &num, &used))
				in_paren = true;
		}
		if ((rc = S_pb_append(&pb, in, ln, (ln->flags & F_TABLE) != 0)) != 0)
			break;
		nlines_in_para++;
		if (in_paren) {
			depth += S_paren_delta(s, ln->len);
			if (depth <= 0 || nlines_in_para >= 12)
				in_paren = false;
		}
		prev = ln;
	}
	if (rc == 0)
		rc = S_pb_flush(&pb, out);
	S_pb_free(&pb);
	free(idx);
	TIAO_VEC_FREE(&L);
	return rc;
}

/* ---------------------------------------------------------------------------------------------
 * Form detection
 * ------------------------------------------------------------------------------------------- */

/* Whether a label alone on its line may be followed by line p[0..pl) in canonical text (tiao's own
 * `-f text`): only where the article's first paragraph is empty — before an item, a heading or the
 * next article, an unnumbered division (附则 总则 分则) or an annex (附件). */
static bool S_canon_after_label(const char *p, size_t pl)
{
	return S_struct_start(p, pl) || S_item_start(p, pl) || S_starts(p, pl, "附件") ||
	       S_starts(p, pl, "附则") || S_starts(p, pl, "总则") || S_starts(p, pl, "分则");
}

/* Fast paths of the blank trimming below: whether a line can start / end with a blank at all
 * (S_is_blank_cp: ASCII blanks, U+3000 E3 80 80, U+00A0 C2 A0, U+FEFF EF BB BF). */
static bool S_may_lead_blank(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xC2 || c == 0xE3 || c == 0xEF;
}

static bool S_may_trail_blank(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x80 || c == 0xA0 || c == 0xBF;
}

/*
 * The form of an input. Gazette: many single blank lines between printed lines. Database: a label
 * alone on its line, labels followed by two spaces, page footers, or articles whose first line
 * ends without closing punctuation and runs on into a plain line (wraps) — unless the text is
 * canonical, as tiao's own `-f text` writes it, which is always clean (so that parse → text →
 * parse gives the same text): no blank line and no line with leading or trailing blanks, every
 * 第X条 label followed by exactly one U+3000 and its text, or alone on its line before an item, a
 * heading, the next article, 附则/总则/分则 or 附件 (an article with an empty first paragraph).
 * Lines after an annex (附件 after an article) are not looked at for this, since an annex holds
 * text of any shape.
 */
tiao_input_form tiao_detect_form(const char *bytes, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	size_t nonblank = 0, blank = 0, single_blank = 0, footers = 0, label_alone = 0;
	size_t label_dsp = 0, art_wrap = 0, narticles = 0;
	int run = 0; /* blank lines since the last non-blank line */
	bool prev_nb = false, pending_wrap = false;
	/* canonical text: canon while nothing contradicts it; canon_label: the previous line was a
	 * label alone; in_annex: past an annex heading, where any line may stand */
	bool canon = i == 0, canon_label = false, in_annex = false;
	while (i < len) {
		const char *nl = memchr(bytes + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - bytes) : len;
		size_t s = i, t = e;
		if (s < t && S_may_lead_blank((unsigned char)bytes[s])) {
			while (s < t) {
				size_t j = s;
				uint32_t c = tiao_utf8_next(bytes, t, &j);
				if (!S_is_blank_cp(c))
					break;
				s = j;
			}
		}
		if (t > s && S_may_trail_blank((unsigned char)bytes[t - 1])) {
			while (t > s) {
				size_t j = t;
				uint32_t c = tiao_utf8_prev(bytes, &j);
				if (!S_is_blank_cp(c))
					break;
				t = j;
			}
		}
		if (t == s) {
			blank++;
			run++;
			canon = false;
		} else {
			const char *p = bytes + s;
			size_t pl = t - s;
			if (s != i || t != e)
				canon = false;
			if (canon_label && !in_annex && !S_canon_after_label(p, pl))
				canon = false;
			canon_label = false;
			if (prev_nb && run == 1)
				single_blank++;
			nonblank++;
			if (pending_wrap && !S_struct_start(p, pl) && !S_item_start(p, pl))
				art_wrap++;
			pending_wrap = false;
			if (S_footer(p, pl) || S_field_code(p, pl)) {
				footers++;
				/* a Word field code is an export artifact tiao's own text never keeps */
				if (S_field_code(p, pl))
					canon = false;
			} else {
				size_t u = S_article_label(p, pl);
				if (u && u == pl) {
					label_alone++;
					canon_label = true;
				} else if (u && u + 2 <= pl && p[u] == ' ' && p[u + 1] == ' ') {
					label_dsp++;
				}
				if (u && S_label_sep(p, pl, u) && u < pl) {
					narticles++;
					if (!in_annex &&
					    !(u + 3 < pl && memcmp(p + u, "\xE3\x80\x80", 3) == 0 &&
					      !S_is_blank_cp(S_cp_at(p, pl, u + 3))))
						canon = false;
					if (!S_db_closing(S_last_cp(p, pl)))
						pending_wrap = true;
				} else if (u == pl) {
					narticles++;
				} else if (narticles && S_starts(p, pl, "附件") && tiao_utf8_count(p, pl) <= 60) {
					in_annex = true;
				}
			}
			prev_nb = true;
			run = 0;
		}
		if (!nl)
			break;
		i = e + 1;
	}
	if (nonblank == 0)
		return TIAO_INPUT_CLEAN;
	if (blank * 10 >= nonblank * 4 && single_blank * 2 >= nonblank && nonblank >= 4)
		return TIAO_INPUT_GAZETTE;
	if (canon)
		return TIAO_INPUT_CLEAN;
	if (label_alone >= 1 || label_dsp >= 2 || footers >= 1 || art_wrap >= 2)
		return TIAO_INPUT_DATABASE;
	return TIAO_INPUT_CLEAN;
}

/* ---------------------------------------------------------------------------------------------
 * Entry point
 * ------------------------------------------------------------------------------------------- */

static int S_paras_read(tiao_paras *out, const char *bytes, size_t len, tiao_input_form form,
                        const char *filename, tiao_error *err, char *adopt);

int tiao_paras_read(tiao_paras *out, const char *bytes, size_t len, tiao_input_form form,
                    const char *filename, tiao_error *err)
{
	return S_paras_read(out, bytes, len, form, filename, err, NULL);
}

int tiao_paras_adopt(tiao_paras *out, char *bytes, size_t len, tiao_input_form form,
                     const char *filename, tiao_error *err)
{
	int rc = S_paras_read(out, bytes, len, form, filename, err, bytes);
	/* clean text keeps bytes as its buffer; the other forms build their own */
	if (rc < 0 || out->buf != bytes)
		free(bytes);
	return rc;
}

/* adopt: bytes itself, malloc'd with room for len + 1, to use as the clean form's buffer. */
static int S_paras_read(tiao_paras *out, const char *bytes, size_t len, tiao_input_form form,
                        const char *filename, tiao_error *err, char *adopt)
{
	memset(out, 0, sizeof *out);
	out->filename = filename;
	if (!bytes && len)
		return tiao_error_set(err, TIAO_EINVALID, filename, 0, 0, "no input");
	size_t base = 0;
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		base = 3;
	const char *nul = len ? memchr(bytes, '\0', len) : NULL;
	size_t bad = tiao_utf8_check(bytes, len);
	if (nul && (size_t)(nul - bytes) <= bad) {
		size_t off = (size_t)(nul - bytes);
		tiao_error_set(err, TIAO_EENCODING, filename, 0, 0,
		               "binary input (NUL byte at byte %zu)", off);
		if (err)
			err->byte_offset = off;
		return TIAO_EENCODING;
	}
	if (bad < len) {
		size_t line = 1, lstart = base;
		for (const char *q = bytes + base; (q = memchr(q, '\n', (size_t)(bytes + bad - q))) != NULL;
		     q++) {
			line++;
			lstart = (size_t)(q - bytes) + 1;
		}
		tiao_error_set(err, TIAO_EENCODING, filename, line,
		               1 + (bad >= lstart ? tiao_utf8_count(bytes + lstart, bad - lstart) : 0),
		               "invalid UTF-8 at byte %zu", bad);
		if (err)
			err->byte_offset = bad;
		return TIAO_EENCODING;
	}
	if (form == TIAO_INPUT_AUTO)
		form = tiao_detect_form(bytes, len);
	out->form = form;
	if (len == base)
		return 0;
	int rc;
	if (form == TIAO_INPUT_CLEAN) {
		if (adopt) {
			out->buf = adopt;
		} else {
			out->buf = malloc(len + 1);
			if (!out->buf)
				return tiao_error_set(err, TIAO_ENOMEM, filename, 0, 0, "out of memory");
			S_hugepage(out->buf, len + 1);
			memcpy(out->buf, bytes, len);
		}
		out->buf[len] = '\0';
		rc = S_read_clean(out, base, len);
	} else if (form == TIAO_INPUT_DATABASE) {
		rc = S_read_database(out, bytes, base, len);
	} else {
		rc = S_read_gazette(out, bytes, base, len);
	}
	if (rc != 0) {
		if (adopt && out->buf == adopt)
			out->buf = NULL; /* the caller (tiao_paras_adopt) frees it */
		tiao_paras_free(out);
		out->form = form;
		return tiao_error_set(err, rc, filename, 0, 0, "out of memory");
	}
	return 0;
}

void tiao_para_locate(const tiao_para *p, size_t off, size_t *line, size_t *col)
{
	if (!p->nsegs) {
		*line = p->line;
		*col = p->col + tiao_utf8_count(p->text, off < p->len ? off : p->len);
		return;
	}
	if (off > p->len)
		off = p->len;
	size_t lo = 0, hi = p->nsegs;
	while (hi - lo > 1) { /* last seg with seg.off <= off */
		size_t mid = (lo + hi) / 2;
		if (p->segs[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	const tiao_seg *sg = &p->segs[lo];
	*line = sg->line;
	*col = sg->col + (off > sg->off ? tiao_utf8_count(p->text + sg->off, off - sg->off) : 0);
}

/* ---------------------------------------------------------------------------------------------
 * Splitting a gazette into documents
 * ------------------------------------------------------------------------------------------- */

const char *tiao_doc_kind_name(tiao_doc_kind kind)
{
	switch (kind) {
	case TIAO_DOC_ANNOUNCEMENT: return "announcement";
	case TIAO_DOC_REGULATION: return "regulation";
	case TIAO_DOC_DECISION: return "decision";
	case TIAO_DOC_EXPLANATION: return "explanation";
	case TIAO_DOC_REPORT: return "report";
	case TIAO_DOC_LIST: return "list";
	case TIAO_DOC_AGENDA: return "agenda";
	case TIAO_DOC_MINUTES: return "minutes";
	case TIAO_DOC_ANNEX: return "annex";
	case TIAO_DOC_AMENDMENT: return "amendment";
	case TIAO_DOC_UNKNOWN:
	default: return "unknown";
	}
}

/* The kind named by the last word of a title, or UNKNOWN if it names none. */
static tiao_doc_kind S_title_kind(const char *s, size_t len)
{
	static const struct {
		const char *suffix;
		tiao_doc_kind kind;
	} words[] = {
		{"公告", TIAO_DOC_ANNOUNCEMENT}, {"修正案", TIAO_DOC_AMENDMENT},
		{"条例", TIAO_DOC_REGULATION},   {"办法", TIAO_DOC_REGULATION},
		{"规定", TIAO_DOC_REGULATION},   {"细则", TIAO_DOC_REGULATION},
		{"规则", TIAO_DOC_REGULATION},   {"决定", TIAO_DOC_DECISION},
		{"决议", TIAO_DOC_DECISION},     {"说明", TIAO_DOC_EXPLANATION},
		{"报告", TIAO_DOC_REPORT},       {"意见", TIAO_DOC_REPORT},
		{"名单", TIAO_DOC_LIST},         {"议程", TIAO_DOC_AGENDA},
		{"纪要", TIAO_DOC_MINUTES},      {"函", TIAO_DOC_ANNEX},
		{"法", TIAO_DOC_REGULATION}, /* 中华人民共和国某某法: a law */
	};
	/* 刑法修正案（十二）, 某某条例(草案), 某某办法（试行）: look before the parenthesis */
	if (S_ends(s, len, ")") || S_ends(s, len, "）")) {
		size_t i = len;
		while (i > 0 && s[i - 1] != '(' && !(i >= 3 && memcmp(s + i - 3, "（", 3) == 0))
			i--;
		if (i > 0)
			len = s[i - 1] == '(' ? i - 1 : i - 3;
	}
	for (size_t k = 0; k < TIAO_ARRAY_LEN(words); k++)
		if (S_ends(s, len, words[k].suffix))
			return words[k].kind;
	return TIAO_DOC_UNKNOWN;
}

/* 附件 / 附件１ / 附件一 alone. */
static bool S_annex_mark(const char *s, size_t len)
{
	if (!S_starts(s, len, "附件"))
		return false;
	size_t i = 6;
	while (i < len) {
		size_t j = i;
		uint32_t c = tiao_utf8_next(s, len, &j);
		if (!tiao_cp_is_digit(c) && !tiao_num_is_cn(c) && !S_is_blank_cp(c))
			return false;
		i = j;
	}
	return true;
}

/* A paragraph that may be part of a title block: short, without sentence or clause punctuation,
 * not a structural label, an enumerated item, a date or a speech line. */
static bool S_title_like(const char *s, size_t len)
{
	if (len == 0 || tiao_utf8_count(s, len) > 120)
		return false;
	if (S_struct_start(s, len) || S_item_start(s, len) || S_date_only(s, len) || S_docno(s, len))
		return false;
	uint32_t c0 = S_cp_at(s, len, 0);
	if (tiao_cp_is_digit(c0) || c0 == 0x2014 || c0 == 0x201C)
		return false;
	if (c0 == '(' || c0 == 0xFF08) { /* (２０２０年…通过), (第五十七号): not a title line */
		uint32_t c1 = S_cp_at(s, len, c0 == '(' ? 1 : 3);
		if (tiao_cp_is_digit(c1) || c1 == 0x7B2C /* 第 */)
			return false;
	}
	size_t i = 0;
	while (i < len) {
		uint32_t c = tiao_utf8_next(s, len, &i);
		if (S_stop_cp(c) || c == ',' || c == 0xFF0C || c == ':' || c == 0xFF1A || c == ';' ||
		    c == 0xFF1B)
			return false;
	}
	return true;
}

static int S_push_doc(tiao_gazette *g, size_t *cap, const tiao_gdoc *d)
{
	if (g->ndocs == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		tiao_gdoc *n = realloc(g->docs, nc * sizeof *n);
		if (!n)
			return -1;
		g->docs = n;
		*cap = nc;
	}
	g->docs[g->ndocs++] = *d;
	return 0;
}

int tiao_gazette_split_paras(tiao_gazette *g, tiao_error *err)
{
	const tiao_paras *P = &g->paras;
	size_t cap = 0, n = P->len;
	g->docs = NULL;
	g->ndocs = 0;
	tiao_buf title = TIAO_BUF_INIT;
	size_t i = 0;
	while (i < n) {
		/* a maximal run of title-like paragraphs, possibly led by an annex mark */
		size_t r = i;
		bool annex = false;
		if (S_annex_mark(P->items[r].text, P->items[r].len) && r + 1 < n) {
			annex = true;
			r++;
		}
		size_t e = r;
		while (e < n && e - r < 6 && S_title_like(P->items[e].text, P->items[e].len) &&
		       !S_annex_mark(P->items[e].text, P->items[e].len))
			e++;
		tiao_doc_kind kind = TIAO_DOC_UNKNOWN;
		if (e > r) {
			const tiao_para *last = &P->items[e - 1];
			kind = S_title_kind(last->text, last->len);
		}
		/* a run longer than a title block cannot be one; a run that ends in the middle of
		 * a longer run neither */
		if (kind != TIAO_DOC_UNKNOWN && e < n && e - r >= 6 &&
		    S_title_like(P->items[e].text, P->items[e].len))
			kind = TIAO_DOC_UNKNOWN;
		if (kind == TIAO_DOC_UNKNOWN) {
			if (g->ndocs == 0) { /* text before the first title: a document of its own */
				tiao_gdoc d = {TIAO_DOC_UNKNOWN, 0, 0, "", 0};
				d.title = tiao_arena_strndup(&g->arena, P->items[0].text, P->items[0].len);
				d.ntitle = 0;
				if (!d.title || S_push_doc(g, &cap, &d) < 0)
					goto oom;
			}
			i = (e > i) ? e : i + 1;
			continue;
		}
		/* a title block follows the end of something: not a paragraph cut off in the middle
		 * of a sentence (an annex list, a wrapped heading) */
		if (i > 0 && !annex) {
			const tiao_para *pp = &P->items[i - 1];
			if (tiao_cp_is_han(S_last_cp(pp->text, pp->len)) && !S_item_start(pp->text, pp->len) &&
			    !S_date_only(pp->text, pp->len) && !S_docno(pp->text, pp->len)) {
				i = e;
				continue;
			}
		}
		if (annex)
			kind = TIAO_DOC_ANNEX;
		tiao_buf_clear(&title);
		for (size_t k = r; k < e; k++)
			tiao_buf_put(&title, P->items[k].text, P->items[k].len);
		tiao_gdoc d = {kind, i, 0, NULL, e - i};
		d.title = title.failed ? NULL : tiao_arena_strndup(&g->arena, title.data, title.len);
		if (!d.title || S_push_doc(g, &cap, &d) < 0)
			goto oom;
		i = e;
	}
	tiao_buf_free(&title);
	for (size_t k = 0; k < g->ndocs; k++)
		g->docs[k].n = (k + 1 < g->ndocs ? g->docs[k + 1].first : n) - g->docs[k].first;
	if (g->ndocs) {
		g->texts = calloc(g->ndocs, sizeof *g->texts);
		g->text_lens = calloc(g->ndocs, sizeof *g->text_lens);
		if (!g->texts || !g->text_lens)
			return tiao_error_set(err, TIAO_ENOMEM, P->filename, 0, 0, "out of memory");
	}
	return 0;
oom:
	tiao_buf_free(&title);
	return tiao_error_set(err, TIAO_ENOMEM, P->filename, 0, 0, "out of memory");
}

int tiao_gazette_split(tiao_gazette **out, const char *bytes, size_t len, const char *filename,
                       tiao_error *err)
{
	*out = NULL;
	tiao_gazette *g = calloc(1, sizeof *g);
	if (!g)
		return tiao_error_set(err, TIAO_ENOMEM, filename, 0, 0, "out of memory");
	tiao_input_form form = tiao_detect_form(bytes, len);
	int rc = tiao_paras_read(&g->paras, bytes, len, form, filename, err);
	if (rc == 0)
		rc = tiao_gazette_split_paras(g, err);
	if (rc != 0) {
		tiao_gazette_free(g);
		return rc;
	}
	*out = g;
	return 0;
}

void tiao_gazette_free(tiao_gazette *g)
{
	if (!g)
		return;
	if (g->texts)
		for (size_t k = 0; k < g->ndocs; k++)
			free(g->texts[k]);
	free(g->texts);
	free(g->text_lens);
	free(g->docs);
	tiao_arena_free(&g->arena);
	tiao_paras_free(&g->paras);
	free(g);
}

size_t tiao_gazette_count(const tiao_gazette *g) { return g ? g->ndocs : 0; }

tiao_doc_kind tiao_gazette_kind(const tiao_gazette *g, size_t i)
{
	return g && i < g->ndocs ? g->docs[i].kind : TIAO_DOC_UNKNOWN;
}

const char *tiao_gazette_title(const tiao_gazette *g, size_t i)
{
	return g && i < g->ndocs ? g->docs[i].title : NULL;
}

const char *tiao_gazette_first_line(const tiao_gazette *g, size_t i)
{
	if (!g || i >= g->ndocs || g->docs[i].n == 0)
		return NULL;
	return g->paras.items[g->docs[i].first].text;
}

size_t tiao_gazette_line(const tiao_gazette *g, size_t i)
{
	if (!g || i >= g->ndocs || g->docs[i].n == 0)
		return 0;
	return g->paras.items[g->docs[i].first].line;
}

const char *tiao_gazette_text(const tiao_gazette *g, size_t i, size_t *len)
{
	if (len)
		*len = 0;
	if (!g || i >= g->ndocs || !g->texts)
		return NULL;
	if (!g->texts[i]) {
		const tiao_gdoc *d = &g->docs[i];
		tiao_buf b = TIAO_BUF_INIT;
		size_t k = d->first, end = d->first + d->n;
		/* the title block (after an annex mark) on one line */
		if (d->ntitle) {
			size_t ts = k;
			if (d->kind == TIAO_DOC_ANNEX && S_annex_mark(g->paras.items[k].text, g->paras.items[k].len)) {
				tiao_buf_put(&b, g->paras.items[k].text, g->paras.items[k].len);
				tiao_buf_putc(&b, '\n');
				ts++;
			}
			for (; ts < d->first + d->ntitle; ts++)
				tiao_buf_put(&b, g->paras.items[ts].text, g->paras.items[ts].len);
			tiao_buf_putc(&b, '\n');
			k = d->first + d->ntitle;
		}
		for (; k < end; k++) {
			tiao_buf_put(&b, g->paras.items[k].text, g->paras.items[k].len);
			tiao_buf_putc(&b, '\n');
		}
		if (!tiao_buf_cstr(&b)) {
			tiao_buf_free(&b);
			return NULL;
		}
		g->texts[i] = b.data;
		g->text_lens[i] = b.len;
	}
	if (len)
		*len = g->text_lens[i];
	return g->texts[i];
}
