/*
 * parse.c — a regulation's paragraphs → document tree (see parse.h, node.h).
 *
 * The input is already a list of paragraphs (gazette.c recovers them from clean, gazette or
 * database text), so the parser classifies each paragraph by its first characters only, looks at
 * most a few paragraphs ahead and never back more than one node: linear time, no ICU. tiao_parse
 * hands the paragraphs' own buffers over to the document (no copy of the text); tiao_parse_paras
 * copies the text once into the document.
 *
 *   title block   the first paragraph is the title (a title wrapped over lines without sentence
 *                 punctuation is joined until it ends like a title: …法 …条例 …办法 …规定 …); a
 *                 verbatim repetition of the title right after it (a database artifact) is skipped.
 *   题注          paragraphs opening with （ or ( — continued until the parentheses balance — and
 *                 dated lines (1985年1月21日 …, ２０２０年…), each continued while a 《 〈 < ( it opened
 *                 is still unclosed. Each input paragraph is one note, kept as printed.
 *   目录          a paragraph 目录 (目　录) and the headings after it, up to the first article or the
 *                 repetition of the first listed heading: kept in doc->toc, never parsed as headings.
 *   preamble      any other paragraph before the first heading or article (序言 …): doc->preamble.
 *   divisions     第X编 / 第X分编 / 第X章 / 第X节 followed by a space, the end of the paragraph, or a
 *                 short heading without sentence punctuation; an unnumbered 附则 / 总则 / 分则
 *                 directly before an article or heading is a division of the current top level.
 *   articles      第X条 / 第X条之Y followed by a space (U+3000 or ASCII) or the end of the paragraph
 *                 (the body is then the next paragraph).
 *   款            every other paragraph inside an article (the first is the article's own text).
 *   项            （一） (一) ﹙一﹚: items of the last 款; a paragraph after items is a new 款.
 *                 An item label right after a paragraph that ends in 第 or 、 is a wrapped
 *                 cross-reference (…第(二)、 + (三)项规定的…) and is joined to that paragraph.
 *   目            1. １． 1、 after an item, or （1） under an item labelled （一）: sub-items of that
 *                 item (a numbered line elsewhere is the text of a 款).
 *   附件          附件 / 附件一 / 附件1 after the last article: every following paragraph belongs to it.
 *
 * Drafting conventions: 立法技术规范（试行）(全国人大常委会法工委, 2009) §§ 4–6 on 编章节条款项目.
 */
#include "parse.h"

#include "numeral.h"
#include "text.h"

#include <stdlib.h>

#define CP_TIAO 0x6761  /* 条 */
#define CP_ZHANG 0x7AE0 /* 章 */
#define CP_JIE 0x8282   /* 节 */
#define CP_BIAN 0x7F16  /* 编 */

/* ---- paragraph classification ---- */

typedef enum {
	K_TEXT = 0,
	K_ARTICLE,
	K_DIVISION,
	K_ITEM,
	K_SUBITEM,
	K_APPENDIX,
	K_TOC,
	K_BARE_DIVISION, /* 附则 总则 分则 without a number */
	K_ITEM_WRAP      /* an item label that continues a wrapped cross-reference */
} S_kind;

typedef struct {
	char *s;    /* trimmed text, NUL-terminated (in memory the document owns) */
	size_t len;
	size_t line, col;
	const tiao_para *pa; /* the paragraph it comes from, s being at byte off of pa->text */
	size_t off;
} S_line;

/* The part of line l that starts at t (inside l->s), located in the input. */
static S_line S_subline(const S_line *l, char *t)
{
	S_line r = *l;
	size_t d = (size_t)(t - l->s);
	r.s = t;
	r.len = l->len - d;
	r.off = l->off + d;
	if (l->pa)
		tiao_para_locate(l->pa, r.off, &r.line, &r.col);
	return r;
}

typedef struct {
	S_kind kind;
	tiao_node_kind div;  /* K_DIVISION: PART/SUBPART/CHAPTER/SECTION */
	long num, sub;
	size_t label_len;    /* bytes of the label (第一条, 第一章, （一）, 1.) */
	size_t body;         /* offset of the text after the label and any separating space */
} S_class;

/* Whether a code point starting with byte b can be a space (tiao_cp_is_space): ASCII blanks, or
 * a lead byte of NBSP (C2), U+2000–U+205F (E2), U+3000 (E3), U+FEFF (EF). Lets the hot paths skip
 * decoding for the common first and last characters of a line. */
static bool S_maybe_space(unsigned char b)
{
	if (b < 0x80)
		return b == ' ' || (b >= '\t' && b <= '\r');
	return b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF;
}

static size_t S_skip_space(const char *s, size_t len, size_t i)
{
	while (i < len) {
		if (!S_maybe_space((unsigned char)s[i]))
			break;
		size_t j = i;
		uint32_t cp = tiao_utf8_next(s, len, &j);
		if (!tiao_cp_is_space(cp))
			break;
		i = j;
	}
	return i;
}

static bool S_is_space_at(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return false;
	size_t j = i;
	return tiao_cp_is_space(tiao_utf8_next(s, len, &j));
}

/* Sentence or clause punctuation anywhere in s (Chinese or ASCII forms). */
static bool S_has_punct(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			if (b == ',' || b == '.' || b == ';' || b == ':' || b == '!' || b == '?')
				return true;
			i++;
			continue;
		}
		uint32_t cp = tiao_utf8_next(s, len, &i);
		if (tiao_cp_is_stop(cp) || tiao_cp_is_clause(cp))
			return true;
	}
	return false;
}

/* Sentence-ending or introducing punctuation (。；：. ; : ! ?) anywhere in s. */
static bool S_has_stop(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			if (b == '.' || b == ';' || b == ':' || b == '!' || b == '?')
				return true;
			i++;
			continue;
		}
		uint32_t cp = tiao_utf8_next(s, len, &i);
		if (tiao_cp_is_stop(cp) || cp == 0xFF1B || cp == 0xFF1A)
			return true;
	}
	return false;
}

/* Whether s equals lit once whitespace is removed from s. */
static bool S_equals_spaced(const char *s, size_t len, const char *lit)
{
	size_t i = 0, k = 0, n = strlen(lit);
	while (i < len) {
		size_t j = i;
		uint32_t cp = tiao_utf8_next(s, len, &j);
		if (tiao_cp_is_space(cp)) {
			i = j;
			continue;
		}
		if (k + (j - i) > n || memcmp(s + i, lit + k, j - i) != 0)
			return false;
		k += j - i;
		i = j;
	}
	return k == n;
}

/* A division heading's rest: empty, or after a space, or short and without punctuation. */
static bool S_heading_rest(const char *s, size_t len, size_t i, size_t *body)
{
	if (i >= len) {
		*body = len;
		return true;
	}
	if (S_is_space_at(s, len, i)) {
		*body = S_skip_space(s, len, i);
		return !S_has_stop(s + *body, len - *body) && tiao_utf8_count(s + i, len - i) <= 100;
	}
	if (tiao_utf8_count(s + i, len - i) > 30 || S_has_punct(s + i, len - i))
		return false;
	*body = i;
	return true;
}

static S_class S_classify(const char *s, size_t len)
{
	S_class c;
	memset(&c, 0, sizeof c);
	c.kind = K_TEXT;
	if (len == 0)
		return c;
	long num, sub;
	size_t used;
	unsigned char b0 = (unsigned char)s[0];
	if (len >= 3 && memcmp(s, "第", 3) == 0) {
		if (tiao_label_read(s, len, CP_TIAO, &num, &sub, &used) && num > 0) {
			if (used == len || S_is_space_at(s, len, used)) {
				c.kind = K_ARTICLE;
				c.num = num;
				c.sub = sub;
				c.label_len = used;
				c.body = S_skip_space(s, len, used);
			}
			return c;
		}
		static const struct {
			uint32_t cp;
			tiao_node_kind kind;
		} divs[] = {{CP_BIAN, TIAO_NODE_PART}, {CP_ZHANG, TIAO_NODE_CHAPTER},
		            {CP_JIE, TIAO_NODE_SECTION}};
		for (size_t k = 0; k < TIAO_ARRAY_LEN(divs); k++) {
			if (tiao_label_read(s, len, divs[k].cp, &num, &sub, &used) && num > 0 && sub == 0) {
				size_t body;
				if (S_heading_rest(s, len, used, &body)) {
					c.kind = K_DIVISION;
					c.div = divs[k].kind;
					c.num = num;
					c.label_len = used;
					c.body = body;
				}
				return c;
			}
		}
		/* 第X分编 */
		size_t n;
		num = tiao_num_read(s + 3, len - 3, &n);
		if (num > 0 && 3 + n + 6 <= len && memcmp(s + 3 + n, "分编", 6) == 0) {
			size_t body;
			if (S_heading_rest(s, len, 3 + n + 6, &body)) {
				c.kind = K_DIVISION;
				c.div = TIAO_NODE_SUBPART;
				c.num = num;
				c.label_len = 3 + n + 6;
				c.body = body;
			}
		}
		return c;
	}
	if (b0 == '(' || (len >= 3 && (memcmp(s, "（", 3) == 0 || memcmp(s, "﹙", 3) == 0))) {
		if (tiao_item_label_read(s, len, &num, &used)) {
			c.kind = K_ITEM;
			c.num = num;
			c.label_len = used;
			c.body = used;
			/* (三)项规定的… / (四)、(五)项…: a wrapped cross-reference, not an item */
			if ((used + 3 <= len && memcmp(s + used, "项", 3) == 0) ||
			    (used + 3 <= len && memcmp(s + used, "、", 3) == 0)) {
				size_t t = used + 3;
				long v;
				size_t u;
				if (memcmp(s + used, "项", 3) == 0 || tiao_item_label_read(s + t, len - t, &v, &u))
					c.kind = K_ITEM_WRAP;
			}
		}
		return c;
	}
	if (tiao_subitem_label_read(s, len, &num, &used)) {
		c.kind = K_SUBITEM;
		c.num = num;
		c.label_len = used;
		c.body = used;
		return c;
	}
	if (len >= 6 && memcmp(s, "附件", 6) == 0) {
		size_t i = 6;
		long v = tiao_num_read(s + i, len - i, &used);
		if (v > 0)
			i += used;
		else
			v = 0;
		if (i == len || S_is_space_at(s, len, i) || (i + 3 <= len && memcmp(s + i, "：", 3) == 0) ||
		    s[i] == ':') {
			if (tiao_utf8_count(s, len) <= 60 && !S_has_punct(s + i + (i < len), len - i - (i < len))) {
				c.kind = K_APPENDIX;
				c.num = v;
				c.label_len = len;
				c.body = len;
			}
		}
		return c;
	}
	if (len <= 12) {
		if (S_equals_spaced(s, len, "目录"))
			c.kind = K_TOC;
		else if (S_equals_spaced(s, len, "附则") || S_equals_spaced(s, len, "总则") ||
		         S_equals_spaced(s, len, "分则"))
			c.kind = K_BARE_DIVISION;
	}
	return c;
}

/* ---- title block ---- */

/* A date at the start: digits or Chinese numerals (2 to 4) followed by 年. */
static bool S_dated(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	while (i < len && n < 5) {
		size_t j = i;
		uint32_t cp = tiao_utf8_next(s, len, &j);
		bool digit = tiao_cp_is_digit(cp) || cp == 0x3007 || cp == 0x96F6 ||
		             (tiao_num_is_cn(cp) && cp != 0x5341 && cp != 0x767E && cp != 0x5343 &&
		              cp != 0x4E07);
		if (!digit)
			break;
		n++;
		i = j;
	}
	return n >= 2 && n <= 4 && i + 3 <= len && memcmp(s + i, "年", 3) == 0;
}

/* Net depth of brackets opened in s: （( 《 〈 < « ‹ count +1, the closing ones -1. */
static long S_bracket_balance(const char *s, size_t len, bool parens_only)
{
	long d = 0;
	size_t i = 0;
	while (i < len) {
		uint32_t cp = tiao_utf8_next(s, len, &i);
		switch (cp) {
		case '(': case 0xFF08: d++; break;
		case ')': case 0xFF09: d--; break;
		case 0x300A: case 0x3008: case '<': case 0xAB: case 0x2039:
			if (!parens_only)
				d++;
			break;
		case 0x300B: case 0x3009: case '>': case 0xBB: case 0x203A:
			if (!parens_only)
				d--;
			break;
		default: break;
		}
	}
	return d;
}

/* Whether a title is complete: it ends like the name of an act (…法 …条例 …规定 …（十二）). */
static bool S_title_complete(const char *s, size_t len)
{
	if (len == 0)
		return false;
	size_t i = len;
	uint32_t cp = tiao_utf8_prev(s, &i);
	static const uint32_t ends[] = {
	    0x6CD5, /* 法 */ 0x4F8B, /* 例 */ 0x5B9A, /* 定 */ 0x5219, /* 则 */ 0x5178, /* 典 */
	    0x7A0B, /* 程 */ 0x6848, /* 案 */ 0x89C1, /* 见 */ 0x91CA, /* 释 */ 0x8981, /* 要 */
	    0x8BAE, /* 议 */ 0x7EA6, /* 约 */ 0x544A, /* 告 */ 0x4EE4, /* 令 */ 0x5355, /* 单 */
	    0xFF09, ')', 0x300B, 0xBB};
	for (size_t k = 0; k < TIAO_ARRAY_LEN(ends); k++)
		if (cp == ends[k])
			return true;
	return false;
}

/* ---- the builder ---- */

#define S_RING 64

typedef struct {
	tiao_doc *doc;
	const char *filename;
	tiao_error *err;
	const tiao_para *src; /* the paragraphs (writable text: the document's copy or borrowed) */
	size_t nraw;          /* paragraphs in src */
	size_t n;             /* non-blank lines */
	/* lines are computed on demand (trimmed, located) into a small ring: the parser looks at most
	 * a few lines back or ahead, so no array of all lines is needed */
	S_line ring[S_RING];
	size_t ring_at[S_RING]; /* line index + 1 held by each slot, 0 = none */
	size_t computed, raw_next;
	size_t title_line, title_col;
	tiao_node *divs[4];   /* open PART, SUBPART, CHAPTER, SECTION */
	tiao_node *art;       /* current article */
	tiao_node *para;      /* current paragraph of art (or of the appendix) */
	tiao_node *item;      /* current item of para */
	tiao_node *last;      /* the last node that holds text (for joining wrapped lines) */
	tiao_node *appendix;  /* once set, everything belongs to appendices */
	bool art_open_label;  /* the article's label stood alone: its body is the next paragraph */
	int npara;            /* paragraphs in art / appendix */
	size_t narticles;
	bool seen_part;
	TIAO_VEC(const char *) notes;
	TIAO_VEC(const char *) toc;
	TIAO_VEC(const char *) preamble;
	tiao_node *join_node; /* the node whose text S_join is extending in join_buf */
	tiao_buf join_buf;
	const tiao_para *pa_from; /* the last paragraph copied into the document for locating */
	const tiao_para *pa_copy;
} S_parser;

/* Trim paragraph raw of the source into *l; false if it is blank. */
static bool S_trim(const S_parser *p, size_t raw, S_line *l)
{
	const tiao_para *pa = &p->src[raw];
	char *s = (char *)pa->text;
	size_t a = S_skip_space(s, pa->len, 0), e = pa->len;
	if (a == e)
		return false;
	while (e > a) {
		/* the last character is plain ASCII, or a multi-byte one whose lead byte is no space's */
		unsigned char b = (unsigned char)s[e - 1];
		if (b < 0x80 ? !S_maybe_space(b)
		             : !((e - a >= 2 && (unsigned char)s[e - 2] == 0xC2) ||
		                 (e - a >= 3 && S_maybe_space((unsigned char)s[e - 3]))))
			break;
		size_t q = e;
		uint32_t cp = tiao_utf8_prev(s, &q);
		if (!tiao_cp_is_space(cp))
			break;
		e = q;
	}
	s[e] = '\0';
	l->s = s + a;
	l->len = e - a;
	l->line = pa->line;
	l->col = pa->col;
	l->pa = pa;
	l->off = a;
	if (a > 0)
		tiao_para_locate(pa, a, &l->line, &l->col);
	return true;
}

/* Line i (0-based, blank paragraphs skipped; i < p->n). */
static S_line *S_L(S_parser *p, size_t i)
{
	size_t slot = i % S_RING;
	if (p->ring_at[slot] == i + 1)
		return &p->ring[slot];
	if (i < p->computed) { /* fell out of the ring (never by design): compute again from the start */
		p->computed = 0;
		p->raw_next = 0;
		memset(p->ring_at, 0, sizeof p->ring_at);
	}
	while (p->computed <= i && p->raw_next < p->nraw) {
		size_t k = p->computed % S_RING;
		if (S_trim(p, p->raw_next++, &p->ring[k]))
			p->ring_at[k] = ++p->computed;
	}
	return &p->ring[slot];
}

/* Compare title and the concatenation of lines [from, from+k) with whitespace removed. */
static bool S_is_repeat(S_parser *p, const char *title, size_t tlen, size_t from, size_t k)
{
	size_t ti = 0;
	for (size_t m = 0; m < k; m++) {
		const S_line *l = S_L(p, from + m);
		const char *s = l->s;
		size_t len = l->len, i = 0;
		while (i < len) {
			size_t j = i;
			uint32_t cp = tiao_utf8_next(s, len, &j);
			if (tiao_cp_is_space(cp)) {
				i = j;
				continue;
			}
			ti = S_skip_space(title, tlen, ti);
			if (ti + (j - i) > tlen || memcmp(title + ti, s + i, j - i) != 0)
				return false;
			ti += j - i;
			i = j;
		}
	}
	ti = S_skip_space(title, tlen, ti);
	return ti == tlen;
}

static int S_oom(S_parser *p)
{
	return tiao_error_set(p->err, TIAO_ENOMEM, p->filename, 0, 0, "out of memory");
}

static int S_div_index(tiao_node_kind k)
{
	switch (k) {
	case TIAO_NODE_PART: return 0;
	case TIAO_NODE_SUBPART: return 1;
	case TIAO_NODE_CHAPTER: return 2;
	default: return 3;
	}
}

/* The node new divisions of level idx, or articles (idx 4), are appended to. */
static tiao_node *S_container(S_parser *p, int idx)
{
	for (int k = idx - 1; k >= 0; k--)
		if (p->divs[k])
			return p->divs[k];
	return p->doc->root;
}

/* Leave the current article (an article whose label stood alone gets an empty paragraph). */
static int S_close_article(S_parser *p)
{
	if (p->art && !p->art->first) {
		tiao_node *e = tiao_node_new(p->doc, TIAO_NODE_PARAGRAPH);
		if (!e)
			return S_oom(p);
		e->num = 1;
		e->text = "";
		e->line = p->art->line;
		e->col = p->art->col;
		tiao_node_append(p->art, e);
	}
	p->art = NULL;
	p->para = NULL;
	p->item = NULL;
	p->last = NULL;
	p->art_open_label = false;
	p->npara = 0;
	return 0;
}

static const char *S_dup(S_parser *p, const char *s, size_t len)
{
	return tiao_doc_strdup(p->doc, s, len);
}

static int S_append(S_parser *p, tiao_node *parent, tiao_node *child)
{
	int rc = tiao_node_append(parent, child);
	if (rc < 0)
		return tiao_error_set(p->err, TIAO_EPARSE, p->filename, child->line, child->col,
		                      "a %s cannot stand inside a %s", tiao_node_kind_name(child->kind),
		                      tiao_node_kind_name(parent->kind));
	return 0;
}

/* For a paragraph joined from several input lines, a copy (in the document) of its record and of
 * its line map, so that nodes can locate any offset of their text in the input (tiao_node_locate);
 * NULL for single-line paragraphs, whose nodes locate by line and column. */
static const tiao_para *S_locatable(S_parser *p, const tiao_para *pa)
{
	if (!pa || pa->nsegs < 2)
		return NULL;
	if (pa == p->pa_from)
		return p->pa_copy;
	tiao_para *c = tiao_arena_alloc(&p->doc->arena, sizeof *c);
	tiao_seg *segs = tiao_arena_alloc(&p->doc->arena, pa->nsegs * sizeof *segs);
	if (!c || !segs)
		return NULL;
	*c = *pa;
	memcpy(segs, pa->segs, pa->nsegs * sizeof *segs);
	c->segs = segs;
	p->pa_from = pa;
	p->pa_copy = c;
	return c;
}

static tiao_node *S_new(S_parser *p, tiao_node_kind kind, const S_line *l)
{
	tiao_node *n = tiao_node_new(p->doc, kind);
	if (n) {
		n->line = l->line;
		n->col = l->col;
		n->src = S_locatable(p, l->pa);
	}
	return n;
}

/* A new paragraph (款) of the current article or appendix with text t. */
static int S_new_para(S_parser *p, const S_line *l, const char *t)
{
	tiao_node *parent = p->art ? p->art : p->appendix;
	tiao_node *n = S_new(p, TIAO_NODE_PARAGRAPH, l);
	if (!n)
		return S_oom(p);
	n->num = ++p->npara;
	n->text = t;
	int rc = S_append(p, parent, n);
	if (rc < 0)
		return rc;
	p->para = n;
	p->item = NULL;
	p->last = n;
	p->art_open_label = false;
	return 0;
}

/* Join text to the last text-holding node (a paragraph split inside a sentence). */
/* Give the node being extended by S_join its final text, in the document's arena. */
static int S_join_finish(S_parser *p)
{
	if (!p->join_node)
		return 0;
	const char *s = tiao_doc_strdup(p->doc, p->join_buf.data, p->join_buf.len);
	if (!s)
		return S_oom(p);
	p->join_node->text = s;
	p->join_node = NULL;
	return 0;
}

/* Join text to the last text-holding node (a paragraph split inside a sentence). Consecutive joins
 * to one node append to a growing buffer, so that a run of joined lines costs linear time. */
static int S_join(S_parser *p, const S_line *l)
{
	tiao_node *n = p->last;
	if (p->join_node != n) {
		int rc = S_join_finish(p);
		if (rc < 0)
			return rc;
		tiao_buf_clear(&p->join_buf);
		tiao_buf_puts(&p->join_buf, n->text);
		p->join_node = n;
	}
	tiao_buf_put(&p->join_buf, l->s, l->len);
	const char *s = tiao_buf_cstr(&p->join_buf);
	if (!s)
		return S_oom(p);
	n->text = s; /* in the buffer until S_join_finish */
	return 0;
}

/* Whether the text of the last text-holding node ends with lit (in O(1) while S_join extends it). */
static bool S_ends_with(const char *s, const char *lit)
{
	size_t a = strlen(s), b = strlen(lit);
	return a >= b && memcmp(s + a - b, lit, b) == 0;
}

static bool S_last_ends(const S_parser *p, const char *lit)
{
	size_t b = strlen(lit);
	if (p->last == p->join_node)
		return p->join_buf.len >= b && memcmp(p->join_buf.data + p->join_buf.len - b, lit, b) == 0;
	return S_ends_with(p->last->text, lit);
}

/* Whether an item label (（1） (１)) is numbered with digits rather than Chinese numerals. */
static bool S_digit_label(const char *label)
{
	size_t i = 0, len = strlen(label);
	tiao_utf8_next(label, len, &i); /* the opening parenthesis */
	return i < len && tiao_cp_is_digit(tiao_utf8_next(label, len, &i));
}


static int S_division(S_parser *p, const S_line *l, const S_class *c, tiao_node_kind kind)
{
	int idx = S_div_index(kind);
	for (int k = idx; k < 4; k++)
		p->divs[k] = NULL;
	int rc0 = S_close_article(p);
	if (rc0 < 0)
		return rc0;
	tiao_node *n = S_new(p, kind, l);
	if (!n)
		return S_oom(p);
	n->num = (int)c->num;
	if (c->label_len) {
		/* the label ends where a space or the heading starts */
		if (c->body > c->label_len || c->label_len == l->len) {
			l->s[c->label_len] = '\0'; /* overwrite the first byte of the separating space */
			n->label = l->s;
		} else if (!(n->label = S_dup(p, l->s, c->label_len)))
			return S_oom(p);
		if (c->body < l->len)
			n->heading = l->s + c->body;
	} else {
		n->heading = l->s;
	}
	int rc = S_append(p, S_container(p, idx), n);
	if (rc < 0)
		return rc;
	p->divs[idx] = n;
	if (kind == TIAO_NODE_PART)
		p->seen_part = true;
	return 0;
}

static int S_item(S_parser *p, const S_line *l, const S_class *c);

static int S_article(S_parser *p, const S_line *l, const S_class *c)
{
	int rc0 = S_close_article(p);
	if (rc0 < 0)
		return rc0;
	tiao_node *n = S_new(p, TIAO_NODE_ARTICLE, l);
	if (!n)
		return S_oom(p);
	n->num = (int)c->num;
	n->sub = (int)c->sub;
	n->label = l->s;
	int rc = S_append(p, S_container(p, 4), n);
	if (rc < 0)
		return rc;
	p->art = n;
	p->narticles++;
	char *t = l->s + c->body;
	size_t tlen = l->len - c->body;
	l->s[c->label_len] = '\0';
	p->art_open_label = true;
	if (tlen == 0)
		return 0;
	S_line body = S_subline(l, t);
	/* 第二条　（一）…: the article opens with an item (a label joined to its first item) */
	S_class ic = S_classify(t, tlen);
	if (ic.kind == K_ITEM)
		return S_item(p, &body, &ic);
	return S_new_para(p, &body, t);
}

/* The current article's paragraph that items attach to (an empty one after a bare label). */
static int S_item_parent(S_parser *p, const S_line *l)
{
	if (p->para && !p->art_open_label)
		return 0;
	int rc = S_new_para(p, l, "");
	if (rc == 0 && p->art) { /* the empty lead-in stands where the article does */
		p->para->line = p->art->line;
		p->para->col = p->art->col;
	}
	return rc;
}

static int S_item(S_parser *p, const S_line *l, const S_class *c)
{
	int rc = S_item_parent(p, l);
	if (rc < 0)
		return rc;
	tiao_node *n = S_new(p, TIAO_NODE_ITEM, l);
	if (!n)
		return S_oom(p);
	n->num = (int)c->num;
	if (!(n->label = S_dup(p, l->s, c->label_len)))
		return S_oom(p);
	n->text = l->s + c->body;
	rc = S_append(p, p->para, n);
	if (rc < 0)
		return rc;
	p->item = n;
	p->last = n;
	return 0;
}

static int S_subitem(S_parser *p, const S_line *l, const S_class *c)
{
	tiao_node *n = S_new(p, TIAO_NODE_SUBITEM, l);
	if (!n)
		return S_oom(p);
	n->num = (int)c->num;
	if (!(n->label = S_dup(p, l->s, c->label_len)))
		return S_oom(p);
	n->text = l->s + c->body;
	int rc = S_append(p, p->item, n);
	if (rc < 0)
		return rc;
	p->last = n;
	return 0;
}

static int S_appendix(S_parser *p, const S_line *l, const S_class *c)
{
	for (int k = 0; k < 4; k++)
		p->divs[k] = NULL;
	int rc0 = S_close_article(p);
	if (rc0 < 0)
		return rc0;
	tiao_node *n = S_new(p, TIAO_NODE_APPENDIX, l);
	if (!n)
		return S_oom(p);
	n->num = (int)c->num;
	n->label = l->s;
	int rc = S_append(p, p->doc->root, n);
	if (rc < 0)
		return rc;
	p->appendix = n;
	return 0;
}

static bool S_structural(S_kind k)
{
	return k == K_ARTICLE || k == K_DIVISION;
}

static int S_body_line(S_parser *p, size_t i)
{
	S_line *l = S_L(p, i);
	S_class c = S_classify(l->s, l->len);

	if (p->appendix) {
		if (c.kind == K_APPENDIX)
			return S_appendix(p, l, &c);
		return S_new_para(p, l, l->s);
	}
	switch (c.kind) {
	case K_DIVISION:
		return S_division(p, l, &c, c.div);
	case K_ARTICLE:
		return S_article(p, l, &c);
	case K_BARE_DIVISION: {
		/* only directly before an article or a heading; otherwise it is text */
		S_class nx = i + 1 < p->n ? S_classify(S_L(p, i + 1)->s, S_L(p, i + 1)->len) : c;
		if (i + 1 < p->n && S_structural(nx.kind)) {
			tiao_node_kind kind = p->divs[0] || p->seen_part ? TIAO_NODE_PART
			                      : p->divs[1]               ? TIAO_NODE_SUBPART
			                                                 : TIAO_NODE_CHAPTER;
			S_class bare = c;
			bare.num = 0;
			bare.label_len = 0;
			return S_division(p, l, &bare, kind);
		}
		break;
	}
	case K_APPENDIX:
		if (p->narticles)
			return S_appendix(p, l, &c);
		break;
	case K_ITEM_WRAP: /* (八)项目管理制度 is an item unless the line before ends in 第 or 、 */
	case K_ITEM:
		if (p->art) {
			/* a wrapped cross-reference: …第(二)、 + (三)项… */
			if (p->last && !p->art_open_label && (S_last_ends(p, "第") || S_last_ends(p, "、")))
				return S_join(p, l);
			/* (1) under an item labelled (一): a sub-item written in parentheses */
			if (p->item && S_digit_label(l->s) && !S_digit_label(p->item->label))
				return S_subitem(p, l, &c);
			return S_item(p, l, &c);
		}
		break;
	case K_SUBITEM:
		if (p->art && p->item)
			return S_subitem(p, l, &c);
		break;
	default:
		break;
	}
	/* plain text: a new 款 (or the body of a bare article label) */
	if (p->art)
		return S_new_para(p, l, l->s);
	/* text after a heading, before its first article: a heading wrapped over two lines */
	for (int k = 3; k >= 0; k--) {
		tiao_node *d = p->divs[k];
		if (!d)
			continue;
		size_t a = d->heading ? strlen(d->heading) : 0;
		if (!d->first && !S_has_stop(l->s, l->len) && tiao_utf8_count(l->s, l->len) <= 60 &&
		    a <= 300) {
			char *s = tiao_arena_alloc(&p->doc->arena, a + l->len + 1);
			if (!s)
				return S_oom(p);
			if (a)
				memcpy(s, d->heading, a);
			memcpy(s + a, l->s, l->len);
			s[a + l->len] = '\0';
			d->heading = s;
			return 0;
		}
		break;
	}
	/* quote at most 20 characters, cut at a character boundary */
	size_t q = 0;
	for (int k = 0; k < 20 && q < l->len; k++)
		q += tiao_utf8_len((unsigned char)l->s[q]);
	if (q > l->len)
		q = l->len;
	return tiao_error_set(p->err, TIAO_EPARSE, p->filename, l->line, l->col,
	                      "text outside any article (after a heading, before its first article): "
	                      "\"%.*s%s\"",
	                      (int)q, l->s, q < l->len ? "…" : "");
}

/* The title block: title, repeated title, 题注, 目录, preamble. Returns the first body line. */
static int S_title_block(S_parser *p, size_t *out_i)
{
	size_t i = 0;
	S_line *t = S_L(p, 0);
	p->title_line = t->line;
	p->title_col = t->col;
	S_class tc = S_classify(t->s, t->len);
	if (S_structural(tc.kind) || tc.kind == K_ITEM)
		return tiao_error_set(p->err, TIAO_EPARSE, p->filename, t->line, t->col,
		                      "no title: the text starts with %s",
		                      tc.kind == K_ARTICLE ? "an article" : tc.kind == K_ITEM ? "an item" : "a heading");
	const char *title = t->s;
	size_t tlen = t->len;
	i = 1;
	/* a title wrapped over short lines without punctuation */
	if (!S_title_complete(title, tlen) && !S_has_punct(title, tlen)) {
		size_t k = i, total = tlen;
		while (k < p->n && k < i + 3) {
			S_line *l = S_L(p, k);
			S_class c = S_classify(l->s, l->len);
			bool paren = l->s[0] == '(' || memcmp(l->s, "（", 3) == 0;
			if (c.kind != K_TEXT || S_has_punct(l->s, l->len) || S_dated(l->s, l->len) ||
			    paren || tiao_utf8_count(l->s, l->len) > 40)
				break;
			total += l->len;
			k++;
			/* title complete: join lines [i, k) */
			if (S_title_complete(l->s, l->len)) {
				char *s = tiao_arena_alloc(&p->doc->arena, total + 1);
				if (!s)
					return S_oom(p);
				size_t o = 0;
				for (size_t m = 0; m < k; m++) {
					memcpy(s + o, S_L(p, m)->s, S_L(p, m)->len);
					o += S_L(p, m)->len;
				}
				s[o] = '\0';
				title = s;
				tlen = o;
				i = k;
				break;
			}
		}
	}
	p->doc->title = title;
	p->doc->title_line = p->title_line;
	/* the title repeated (wrapped) right after itself */
	for (size_t k = 1; k <= 4 && i + k <= p->n; k++)
		if (S_is_repeat(p, title, tlen, i, k)) {
			i += k;
			break;
		}
	/* 题注 */
	while (i < p->n) {
		S_line *l = S_L(p, i);
		S_class c = S_classify(l->s, l->len);
		if (c.kind != K_TEXT)
			break;
		bool paren = l->s[0] == '(' || (l->len >= 3 && memcmp(l->s, "（", 3) == 0);
		if (!paren && !S_dated(l->s, l->len))
			break;
		long depth = S_bracket_balance(l->s, l->len, paren);
		if (TIAO_VEC_PUSH(&p->notes, l->s) < 0)
			return S_oom(p);
		i++;
		/* continued while what it opened is still open */
		while (depth > 0 && i < p->n) {
			S_line *m = S_L(p, i);
			S_class mc = S_classify(m->s, m->len);
			if (mc.kind != K_TEXT || (!paren && S_dated(m->s, m->len)))
				break;
			depth += S_bracket_balance(m->s, m->len, paren);
			if (TIAO_VEC_PUSH(&p->notes, m->s) < 0)
				return S_oom(p);
			i++;
		}
	}
	/* 目录 */
	if (i < p->n && S_classify(S_L(p, i)->s, S_L(p, i)->len).kind == K_TOC) {
		if (TIAO_VEC_PUSH(&p->toc, S_L(p, i)->s) < 0)
			return S_oom(p);
		i++;
		S_class first = {0};
		bool have_first = false;
		S_line first_entry = {0};
		if (i < p->n)
			first_entry = *S_L(p, i);
		size_t first_i = i;
		while (i < p->n) {
			S_line *l = S_L(p, i);
			S_class c = S_classify(l->s, l->len);
			if (c.kind == K_ARTICLE)
				break;
			/* the body starts where the first entry comes again */
			if (i != first_i && S_is_repeat(p, first_entry.s, first_entry.len, i, 1))
				break;
			if (c.kind == K_DIVISION) {
				if (have_first && c.div == first.div && c.num == first.num)
					break; /* the body starts: the first listed heading again */
				if (!have_first) {
					first = c;
					have_first = true;
				}
			} else if (c.kind == K_TEXT && S_has_punct(l->s, l->len)) {
				break; /* a sentence: the preamble or body has started */
			}
			if (TIAO_VEC_PUSH(&p->toc, l->s) < 0)
				return S_oom(p);
			i++;
		}
	}
	/* preamble: everything before the first heading or article */
	while (i < p->n) {
		S_line *l = S_L(p, i);
		S_class c = S_classify(l->s, l->len);
		if (S_structural(c.kind))
			break;
		if (c.kind == K_BARE_DIVISION && i + 1 < p->n &&
		    S_structural(S_classify(S_L(p, i + 1)->s, S_L(p, i + 1)->len).kind))
			break;
		if (TIAO_VEC_PUSH(&p->preamble, l->s) < 0)
			return S_oom(p);
		i++;
	}
	*out_i = i;
	return 0;
}

static const char **S_freeze(S_parser *p, const char **items, size_t n)
{
	if (n == 0)
		return NULL;
	const char **a = tiao_arena_alloc(&p->doc->arena, n * sizeof *a);
	if (a)
		memcpy(a, items, n * sizeof *a);
	return a;
}

/* Set up the source paragraphs: with borrow, the caller's own (writable) paragraph buffers, which
 * it hands over to the document; else a copy of their text in the document (one allocation) and a
 * temporary index *cp the caller frees. Counts the non-blank lines. */
static int S_setup(S_parser *p, const tiao_paras *paras, size_t first, size_t n, bool borrow,
                   tiao_para **cp)
{
	*cp = NULL;
	if (borrow) {
		p->src = paras->items + first;
	} else {
		size_t total = 0;
		for (size_t k = 0; k < n; k++)
			total += paras->items[first + k].len + 1;
		char *buf = tiao_arena_alloc(&p->doc->arena, total ? total : 1);
		*cp = malloc((n ? n : 1) * sizeof **cp);
		if (!buf || !*cp)
			return S_oom(p);
		size_t o = 0;
		for (size_t k = 0; k < n; k++) {
			const tiao_para *pa = &paras->items[first + k];
			(*cp)[k] = *pa;
			memcpy(buf + o, pa->text, pa->len);
			buf[o + pa->len] = '\0';
			(*cp)[k].text = buf + o;
			o += pa->len + 1;
		}
		p->src = *cp;
	}
	p->nraw = n;
	p->n = 0;
	for (size_t k = 0; k < n; k++) {
		const tiao_para *pa = &p->src[k];
		if (S_skip_space(pa->text, pa->len, 0) < pa->len)
			p->n++;
	}
	return 0;
}

static int S_parse(tiao_doc **out, const tiao_paras *paras, size_t first, size_t n,
                   const char *filename, tiao_error *err, bool borrow)
{
	*out = NULL;
	if (first > paras->len || n > paras->len - first)
		return tiao_error_set(err, TIAO_EINVALID, filename, 0, 0, "paragraph range out of bounds");
	S_parser p;
	memset(&p, 0, sizeof p);
	p.filename = filename;
	p.err = err;
	p.doc = tiao_doc_new(filename);
	if (!p.doc)
		return tiao_error_set(err, TIAO_ENOMEM, filename, 0, 0, "out of memory");
	tiao_para *cp = NULL;
	int rc = S_setup(&p, paras, first, n, borrow, &cp);
	if (rc < 0)
		goto fail;
	if (p.n == 0) {
		rc = tiao_error_set(err, TIAO_EPARSE, filename, 1, 1, "empty input: no title, no article");
		goto fail;
	}
	size_t i = 0;
	rc = S_title_block(&p, &i);
	if (rc < 0)
		goto fail;
	for (; i < p.n; i++) {
		rc = S_body_line(&p, i);
		if (rc < 0)
			goto fail;
	}
	if (p.narticles == 0) {
		rc = tiao_error_set(err, TIAO_EPARSE, filename, p.title_line, p.title_col,
		                    "no article found (no paragraph starts with 第…条 and a space)");
		goto fail;
	}
	rc = S_close_article(&p);
	if (rc == 0)
		rc = S_join_finish(&p);
	if (rc < 0)
		goto fail;
	tiao_buf_free(&p.join_buf);
	p.doc->nnotes = p.notes.len;
	p.doc->ntoc = p.toc.len;
	p.doc->npreamble = p.preamble.len;
	if ((p.notes.len && !(p.doc->notes = S_freeze(&p, p.notes.items, p.notes.len))) ||
	    (p.toc.len && !(p.doc->toc = S_freeze(&p, p.toc.items, p.toc.len))) ||
	    (p.preamble.len && !(p.doc->preamble = S_freeze(&p, p.preamble.items, p.preamble.len)))) {
		rc = S_oom(&p);
		goto fail;
	}
	TIAO_VEC_FREE(&p.notes);
	TIAO_VEC_FREE(&p.toc);
	TIAO_VEC_FREE(&p.preamble);
	free(cp);
	*out = p.doc;
	return 0;
fail:
	tiao_buf_free(&p.join_buf);
	TIAO_VEC_FREE(&p.notes);
	TIAO_VEC_FREE(&p.toc);
	TIAO_VEC_FREE(&p.preamble);
	free(cp);
	tiao_doc_free(p.doc);
	return rc;
}

int tiao_parse_paras(tiao_doc **out, const tiao_paras *paras, size_t first, size_t n,
                     const char *filename, tiao_error *err)
{
	return S_parse(out, paras, first, n, filename, err, false);
}

static void S_free_paras(void *owned)
{
	tiao_paras_free(owned);
	free(owned);
}

/* tiao_parse and tiao_parse_buffer: adopt is bytes itself when the library takes it over. */
static int S_parse_bytes(tiao_doc **out, const char *bytes, size_t len,
                         const tiao_parse_options *opts, tiao_error *err, char *adopt)
{
	*out = NULL;
	tiao_input_form form = opts ? opts->form : TIAO_INPUT_AUTO;
	const char *filename = opts ? opts->filename : NULL;
	if (!bytes && len) {
		free(adopt);
		return tiao_error_set(err, TIAO_EINVALID, filename, 0, 0, "no input");
	}
	tiao_paras *paras = calloc(1, sizeof *paras);
	if (!paras) {
		free(adopt);
		return tiao_error_set(err, TIAO_ENOMEM, filename, 0, 0, "out of memory");
	}
	int rc = adopt ? tiao_paras_adopt(paras, adopt, len, form, filename, err)
	               : tiao_paras_read(paras, bytes, len, form, filename, err);
	if (rc == 0)
		rc = S_parse(out, paras, 0, paras->len, filename, err, true);
	if (rc < 0) {
		S_free_paras(paras);
		return rc;
	}
	/* the tree points into the paragraphs' text: the document keeps their buffers, not the
	 * paragraph index */
	free(paras->items);
	paras->items = NULL;
	paras->len = paras->cap = 0;
	(*out)->owned = paras;
	(*out)->owned_free = S_free_paras;
	return 0;
}

int tiao_parse(tiao_doc **out, const char *bytes, size_t len, const tiao_parse_options *opts,
               tiao_error *err)
{
	return S_parse_bytes(out, bytes, len, opts, err, NULL);
}

int tiao_parse_buffer(tiao_doc **out, char *bytes, size_t len, const tiao_parse_options *opts,
                      tiao_error *err)
{
	return S_parse_bytes(out, bytes, len, opts, err, bytes);
}
