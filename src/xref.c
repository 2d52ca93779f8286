/*
 * xref.c — internal cross-references in provision text (see xref.h).
 *
 * A reference is a run of "elements" — 第 + numeral list + level character (条 款 项 目 章 节 编),
 * e.g. 第五条, 第二款, 第（一）、（四）项, 第一、二款, 第十条之一 — joined either directly (a finer
 * level refines the coarser one before it: 第五条第二款第（一）项) or by a connector (、 和 及 以及
 * 或者 或 与 至: siblings or a range). An element after a connector may omit 第 (第十六条、十七条).
 * A reference may open with 本法 / 本条例 / … (explicitly internal), 本条 / 本款 (relative), or be a
 * relative phrase of its own: 前款, 前两款, 前条. One token is emitted per numeral, carrying the full
 * address the numeral names (the coarser levels inherited from the elements before it).
 *
 * External references: a reference is external when the text just before it closes a title
 * (》 〉 > » ›) or names an act (…法, …法典, …条例, …办法, … — but not 本法 / 本条例, nor words like
 * 依法, 违法). External tokens are reported so that nothing rewrites them.
 *
 * The scan looks only at positions holding 第, 前 or 本, parses at most one reference from each and
 * resumes after it, so it is linear in the length of the text.
 */
#include "xref.h"

#include "numeral.h"
#include "text.h"

#include <stdlib.h>

/* UTF-8 of the characters the scanner cares about. */
#define U_DI "\xE7\xAC\xAC"    /* 第 */
#define U_QIAN "\xE5\x89\x8D"  /* 前 */
#define U_BEN "\xE6\x9C\xAC"   /* 本 */

static bool S_at(const char *s, size_t len, size_t i, const char *lit)
{
	size_t n = strlen(lit);
	return i + n <= len && memcmp(s + i, lit, n) == 0;
}

static uint32_t S_cp(const char *s, size_t len, size_t i, size_t *next)
{
	size_t j = i;
	uint32_t cp = i < len ? tiao_utf8_next(s, len, &j) : 0;
	if (next)
		*next = j;
	return cp;
}

static int S_level_of(uint32_t cp)
{
	switch (cp) {
	case 0x6761: return TIAO_XLVL_ARTICLE; /* 条 */
	case 0x6B3E: return TIAO_XLVL_PARA;    /* 款 */
	case 0x9879: return TIAO_XLVL_ITEM;    /* 项 */
	case 0x76EE: return TIAO_XLVL_SUBITEM; /* 目 */
	case 0x7AE0: return TIAO_XLVL_CHAPTER; /* 章 */
	case 0x8282: return TIAO_XLVL_SECTION; /* 节 */
	case 0x7F16: return TIAO_XLVL_PART;    /* 编 */
	default: return 0;
	}
}

/* Depth of a level in the hierarchy (coarse → fine). */
static int S_depth(int level)
{
	switch (level) {
	case TIAO_XLVL_PART: return 1;
	case TIAO_XLVL_CHAPTER: return 2;
	case TIAO_XLVL_SECTION: return 3;
	case TIAO_XLVL_ARTICLE: return 4;
	case TIAO_XLVL_PARA: return 5;
	case TIAO_XLVL_ITEM: return 6;
	case TIAO_XLVL_SUBITEM: return 7;
	default: return 0;
	}
}

typedef struct {
	size_t start, end; /* numeral span */
	int value;
} S_num;

typedef struct {
	size_t end;     /* byte after the element (after 之N if any) */
	int level;
	int n;          /* numerals in the list (第一、二款: 2) */
	size_t list;    /* where the first numeral starts; the others follow, each after a 、 */
	int sub;        /* 之N of an article (only with a single numeral) */
	size_t sub_start, sub_end;
} S_elem;

/* A numeral, plain (一, 12, １２) or in item parentheses ((一) （一） ﹙一﹚). */
static bool S_numeral(const char *s, size_t len, size_t i, S_num *out, size_t *next, bool *paren)
{
	size_t j;
	uint32_t cp = S_cp(s, len, i, &j);
	*paren = false;
	if (cp == '(' || cp == 0xFF08 || cp == 0xFE59) {
		size_t used;
		long v = tiao_num_read(s + j, len - j, &used);
		if (v <= 0 || v > 100000)
			return false;
		size_t k;
		uint32_t close = S_cp(s, len, j + used, &k);
		if (close != ')' && close != 0xFF09 && close != 0xFE5A)
			return false;
		out->start = j;
		out->end = j + used;
		out->value = (int)v;
		*next = k;
		*paren = true;
		return true;
	}
	size_t used;
	long v = tiao_num_read(s + i, len - i, &used);
	if (v <= 0 || v > 100000)
		return false;
	out->start = i;
	out->end = i + used;
	out->value = (int)v;
	*next = i + used;
	return true;
}

/* An element at i: [第] numeral (、numeral)* level [之N]. */
static bool S_element(const char *s, size_t len, size_t i, bool need_di, S_elem *e)
{
	size_t j = i;
	if (S_at(s, len, j, U_DI))
		j += 3;
	else if (need_di)
		return false;
	e->n = 0;
	e->list = j;
	e->sub = 0;
	e->sub_start = e->sub_end = 0;
	bool any_paren = false;
	for (;;) {
		S_num num;
		size_t k;
		bool paren;
		if (!S_numeral(s, len, j, &num, &k, &paren))
			return false;
		any_paren |= paren;
		e->n++;
		j = k;
		/* a list of bare numerals sharing one level character: 第一、二款, 第（一）、（四）项 */
		if (S_at(s, len, j, "、")) {
			size_t t = j + 3;
			S_num probe;
			size_t k2;
			bool p2;
			if (S_numeral(s, len, t, &probe, &k2, &p2) && p2 == paren) {
				j = t;
				continue;
			}
		}
		break;
	}
	size_t k;
	int level = S_level_of(S_cp(s, len, j, &k));
	if (!level)
		return false;
	if (any_paren && level != TIAO_XLVL_ITEM && level != TIAO_XLVL_SUBITEM)
		return false;
	j = k;
	e->level = level;
	if (level == TIAO_XLVL_ARTICLE && e->n == 1 && S_at(s, len, j, "之")) {
		size_t used;
		long v = tiao_num_read(s + j + 3, len - j - 3, &used);
		if (v > 0 && v < 1000) {
			e->sub = (int)v;
			e->sub_start = j + 3;
			e->sub_end = j + 3 + used;
			j = e->sub_end;
		}
	}
	e->end = j;
	return true;
}

/* Connectors between elements of one reference; returns the byte length, 0 if none. is_range is
 * set for 至. */
static size_t S_connector(const char *s, size_t len, size_t i, bool *is_range)
{
	static const char *const conn[] = {"、", "和", "及", "以及", "或者", "或", "与", "至", "到"};
	*is_range = false;
	for (size_t k = 0; k < TIAO_ARRAY_LEN(conn); k++)
		if (S_at(s, len, i, conn[k])) {
			*is_range = k >= 7;
			return strlen(conn[k]);
		}
	return 0;
}

/* Suffixes after 本 that name the act itself. */
static size_t S_self_name(const char *s, size_t len, size_t i)
{
	static const char *const names[] = {"本法", "本条例", "本办法", "本规定", "本细则", "本规则",
	                                    "本决定", "本解释", "本修正案", "本通则", "本章程", "本准则",
	                                    "本实施细则", "本实施办法"};
	size_t best = 0;
	for (size_t k = 0; k < TIAO_ARRAY_LEN(names); k++)
		if (S_at(s, len, i, names[k]) && strlen(names[k]) > best)
			best = strlen(names[k]);
	return best;
}

/* Whether the text before position i names another act: a closing title mark, or a name ending in
 * 法 / 典 / 条例 / 办法 / 细则 / 规则 / 决定 / 通则 / 章程 that is not 本X and not a word like 依法. */
static bool S_external_before(const char *s, size_t i)
{
	if (i == 0)
		return false;
	size_t p = i;
	uint32_t c1 = tiao_utf8_prev(s, &p);
	if (c1 == 0x300B || c1 == 0x3009 || c1 == '>' || c1 == 0xBB || c1 == 0x203A ||
	    c1 == 0xFF1E)
		return true;
	if (p == 0)
		return false;
	size_t q = p;
	uint32_t c2 = tiao_utf8_prev(s, &q);
	uint32_t c3 = 0;
	if (q > 0) {
		size_t r = q;
		c3 = tiao_utf8_prev(s, &r);
	}
	if (c1 == 0x6CD5 /* 法 */) {
		/* 依法 违法 合法 非法 执法 守法 方法 用法 说法 做法 司法 本法 */
		static const uint32_t no[] = {0x4F9D, 0x8FDD, 0x5408, 0x975E, 0x6267, 0x5B88,
		                              0x65B9, 0x7528, 0x8BF4, 0x505A, 0x53F8, 0x672C};
		for (size_t k = 0; k < TIAO_ARRAY_LEN(no); k++)
			if (c2 == no[k])
				return false;
		return tiao_cp_is_han(c2);
	}
	if (c1 == 0x5178 /* 典 */)
		return c2 == 0x6CD5; /* 法典 */
	/* two-character act names: 条例 办法 细则 规则 决定 通则 章程 */
	static const uint32_t pairs[][2] = {{0x6761, 0x4F8B}, {0x529E, 0x6CD5}, {0x7EC6, 0x5219},
	                                    {0x89C4, 0x5219}, {0x51B3, 0x5B9A}, {0x901A, 0x5219},
	                                    {0x7AE0, 0x7A0B}};
	for (size_t k = 0; k < TIAO_ARRAY_LEN(pairs); k++)
		if (c2 == pairs[k][0] && c1 == pairs[k][1])
			return c3 != 0x672C /* 本 */ && c3 != 0x524D /* 前 */;
	return false;
}

typedef struct {
	int art, art_sub, para, item, subitem, chapter, section, part;
	tiao_xrel rel;
	int count;
	bool external;
	bool relative_art; /* the reference has no article of its own */
} S_ctx;

static void S_clear_below(S_ctx *c, int level)
{
	int d = S_depth(level);
	if (d < S_depth(TIAO_XLVL_CHAPTER))
		c->chapter = 0;
	if (d < S_depth(TIAO_XLVL_SECTION))
		c->section = 0;
	if (d < S_depth(TIAO_XLVL_ARTICLE)) {
		c->art = c->art_sub = 0;
	}
	if (d < S_depth(TIAO_XLVL_PARA))
		c->para = 0;
	if (d < S_depth(TIAO_XLVL_ITEM))
		c->item = 0;
	if (d < S_depth(TIAO_XLVL_SUBITEM))
		c->subitem = 0;
}

static int S_emit(tiao_xrefs *out, const S_ctx *c, int level, size_t start, size_t end,
                  bool range_end, size_t ref)
{
	tiao_xtok t;
	memset(&t, 0, sizeof t);
	t.start = start;
	t.end = end;
	t.level = (tiao_xlevel)level;
	t.rel = c->rel;
	t.count = c->count;
	t.art = c->art;
	t.art_sub = c->art_sub;
	t.para = c->para;
	t.item = c->item;
	t.subitem = c->subitem;
	t.chapter = c->chapter;
	t.section = c->section;
	t.range_end = range_end;
	t.external = c->external;
	t.ref = ref;
	if (t.rel == TIAO_XREL_NONE && !c->external && S_depth(level) >= S_depth(TIAO_XLVL_PARA) &&
	    c->art == 0) {
		/* a bare 第Y款 names a paragraph of the containing article; a bare 第Z项 an item of the
		 * containing paragraph */
		t.rel = c->para || level == TIAO_XLVL_PARA ? TIAO_XREL_THIS_ART : TIAO_XREL_THIS_PARA;
	}
	return TIAO_VEC_PUSH(&out->toks, t) < 0 ? TIAO_ENOMEM : 0;
}

/* Apply element e to the context and emit its tokens. */
static int S_apply(tiao_xrefs *out, const char *s, size_t len, S_ctx *c, const S_elem *e,
                   bool range, size_t ref)
{
	size_t at = e->list;
	for (int k = 0; k < e->n; k++) {
		S_num num;
		size_t next;
		bool paren;
		if (!S_numeral(s, len, at, &num, &next, &paren))
			break; /* cannot happen: S_element read the same list */
		at = next + 3; /* past the 、 before the next numeral */
		S_clear_below(c, e->level);
		int v = num.value;
		switch (e->level) {
		case TIAO_XLVL_PART: c->part = v; break;
		case TIAO_XLVL_CHAPTER: c->chapter = v; break;
		case TIAO_XLVL_SECTION: c->section = v; break;
		case TIAO_XLVL_ARTICLE:
			c->art = v;
			c->art_sub = e->n == 1 ? e->sub : 0;
			if (c->rel == TIAO_XREL_THIS_ART || c->rel == TIAO_XREL_THIS_PARA ||
			    c->rel == TIAO_XREL_PREV_PARA || c->rel == TIAO_XREL_PREV_ART)
				c->rel = TIAO_XREL_NONE;
			break;
		case TIAO_XLVL_PARA: c->para = v; break;
		case TIAO_XLVL_ITEM: c->item = v; break;
		case TIAO_XLVL_SUBITEM: c->subitem = v; break;
		default: break;
		}
		int rc = S_emit(out, c, e->level, num.start, num.end, range && k == 0, ref);
		if (rc < 0)
			return rc;
		if (e->level == TIAO_XLVL_ARTICLE && c->art_sub) {
			out->toks.items[out->toks.len - 1].sub_start = e->sub_start;
			out->toks.items[out->toks.len - 1].sub_end = e->sub_end;
		}
	}
	return 0;
}

/* Relative phrases at i: 前款 前两款 前三款 前条 前两条. Returns the phrase length (0 if none). */
static size_t S_relative(const char *s, size_t len, size_t i, int *level, int *count)
{
	if (!S_at(s, len, i, U_QIAN))
		return 0;
	size_t j = i + 3;
	int n = 1;
	if (S_at(s, len, j, "两")) {
		n = 2;
		j += 3;
	} else {
		size_t used;
		long v = tiao_num_read(s + j, len - j, &used);
		if (v >= 2 && v <= 9 && !tiao_cp_is_digit(S_cp(s, len, j, NULL))) {
			n = (int)v;
			j += used;
		}
	}
	if (S_at(s, len, j, "款"))
		*level = TIAO_XLVL_PARA;
	else if (S_at(s, len, j, "条"))
		*level = TIAO_XLVL_ARTICLE;
	else
		return 0;
	*count = n;
	return j + 3 - i;
}

/* Parse one reference starting at i. Returns the byte after it, or i if there is none. */
static size_t S_reference(tiao_xrefs *out, const char *s, size_t len, size_t i, int *rc)
{
	S_ctx c;
	memset(&c, 0, sizeof c);
	size_t j = i;
	size_t ref = out->nrefs;
	size_t ntok0 = out->toks.len;
	int last_level = 0;
	*rc = 0;

	size_t self = S_self_name(s, len, j);
	if (self) {
		j += self;
		if (!S_at(s, len, j, U_DI))
			return i; /* 本法 alone: no numeral to track */
	} else if (S_at(s, len, j, "本条") && !S_at(s, len, j, "本条例")) {
		c.rel = TIAO_XREL_THIS_ART;
		j += 6;
		if (!S_at(s, len, j, U_DI))
			return i;
	} else if (S_at(s, len, j, "本款")) {
		c.rel = TIAO_XREL_THIS_PARA;
		j += 6;
		if (!S_at(s, len, j, U_DI))
			return i;
	} else if (S_at(s, len, j, U_QIAN)) {
		int level, count;
		size_t n = S_relative(s, len, j, &level, &count);
		if (!n)
			return i;
		c.rel = level == TIAO_XLVL_PARA ? TIAO_XREL_PREV_PARA : TIAO_XREL_PREV_ART;
		c.count = count;
		tiao_xtok t;
		memset(&t, 0, sizeof t);
		t.start = j;
		t.end = j + n;
		t.level = (tiao_xlevel)level;
		t.rel = c.rel;
		t.count = count;
		t.ref = ref;
		if (TIAO_VEC_PUSH(&out->toks, t) < 0) {
			*rc = TIAO_ENOMEM;
			return i;
		}
		j += n;
		last_level = level;
		if (level == TIAO_XLVL_ARTICLE) {
			out->nrefs++;
			return j;
		}
	} else {
		c.external = S_external_before(s, i);
	}

	bool first = last_level == 0;
	for (;;) {
		S_elem e;
		bool range = false;
		size_t at = j;
		bool have = false;
		if (S_element(s, len, at, true, &e)) {
			/* directly adjacent: a refinement (or the first element) */
			if (!first && S_depth(e.level) <= S_depth(last_level))
				break; /* 第五条第六条: not one reference */
			have = true;
		} else if (!first) {
			size_t cl = S_connector(s, len, at, &range);
			if (cl && S_element(s, len, at + cl, false, &e) &&
			    (S_depth(e.level) >= S_depth(TIAO_XLVL_PART)))
				have = true;
		}
		if (!have)
			break;
		int r = S_apply(out, s, len, &c, &e, range, ref);
		if (r < 0) {
			*rc = r;
			return i;
		}
		last_level = e.level;
		first = false;
		j = e.end;
	}
	if (out->toks.len == ntok0)
		return i;
	out->nrefs++;
	return j;
}

int tiao_xref_scan(tiao_xrefs *out, const char *text, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char b = (unsigned char)text[i];
		/* 第 E7 AC AC, 前 E5 89 8D, 本 E6 9C AC */
		if ((b == 0xE7 && S_at(text, len, i, U_DI)) || (b == 0xE5 && S_at(text, len, i, U_QIAN)) ||
		    (b == 0xE6 && S_at(text, len, i, U_BEN))) {
			int rc;
			size_t j = S_reference(out, text, len, i, &rc);
			if (rc < 0)
				return rc;
			if (j > i) {
				i = j;
				continue;
			}
		}
		i += tiao_utf8_len(b);
	}
	return 0;
}

void tiao_xrefs_free(tiao_xrefs *x)
{
	if (!x)
		return;
	TIAO_VEC_FREE(&x->toks);
	x->nrefs = 0;
}

bool tiao_xtok_of_prev_article(const tiao_xtok *t, const char *text)
{
	return t->rel == TIAO_XREL_THIS_ART && !t->art && text && t->start >= 9 &&
	       memcmp(text + t->start - 9, "前条第", 9) == 0;
}
