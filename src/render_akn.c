/*
 * render_akn.c — Akoma Ntoso 3.0 XML (OASIS LegalDocML, namespace
 * http://docs.oasis-open.org/legaldocml/ns/akn/3.0), built with libxml2's tree API and serialised
 * by libxml2, so every escape is libxml2's.
 *
 * Shape of the output (every element in the order akomantoso30.xsd requires):
 *
 *   akomaNtoso/act[@name=law|regulation|…, @contains]
 *     meta
 *       identification[@source=#tiao]  FRBRWork / FRBRExpression / FRBRManifestation
 *       lifecycle                       one eventRef per 题注 event (adoption, each amendment)
 *       analysis/passiveModifications   (consolidated output only) one textualMod per change
 *       references                      original + passiveRef per event, TLCOrganization
 *     preface                           <p class="title"><docTitle>, one <p class="note"> per 题注 line
 *     body                              part/subpart/chapter/section/article/paragraph/point
 *
 * FRBR identifiers follow the AKN naming convention: the work is /akn/cn/act/{adoption date}/{title},
 * the expression /akn/cn/act/…/zho@{date of the last amendment named in the 题注}, the
 * manifestation that expression + .akn. Dates come from the 题注 (2005年7月29日, ２００５年…,
 * 二〇〇五年七月二十九日); each date that opens an event (start of a line, after （, a space or 根据)
 * is one lifecycle event, the first being the adoption.
 *
 * eIds (AKN naming convention §5): part_1, chp_1 (part_2__chp_1 when chapter numbers restart in
 * each part), chp_1__sec_2, art_10, art_10_1 (第十条之一), art_10__para_2, art_10__para_2__point_3,
 * …__point_3__point_1 for a 目, appendix_1 for text after the last article. An id that would repeat
 * (a malformed text with two 第十条) gets a suffix _2, _3 … so that eIds stay unique, as the schema
 * requires.
 *
 * Cross-references found by tiao_xref_scan become <ref href="#eId"> around 第五条 / 第二款 / 前款 …
 * when the target exists in the document; external references and dangling ones stay plain text.
 *
 * After consolidation: a provision whose base-text id differs from its eId (renumbered, or inside a
 * renumbered article) carries wId = the base-text id (node->base_id, else built from base_num /
 * base_sub); every tiao_change becomes a textualMod whose source is the decision's passiveRef and
 * whose destination is the provision in the result (or, for a repeal, in the previous expression).
 */
#include "amend.h"
#include "node.h"
#include "numeral.h"
#include "text.h"
#include "xref.h"

#include <libxml/tree.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define NO_DATE "0001-01-01"

/* ---------------------------------------------------------------------------------------------
 * small helpers: pointer map, string set
 * ------------------------------------------------------------------------------------------- */

typedef struct {
	const void *key;
	const char *val;
} S_slot;

typedef struct {
	S_slot *slots;
	size_t cap, len;
} S_map;

static size_t S_hash_ptr(const void *p)
{
	uintptr_t x = (uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static size_t S_hash_str(const char *s)
{
	size_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static int S_map_grow(S_map *m, bool strings)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	S_slot *ns = calloc(ncap, sizeof *ns);
	if (!ns)
		return -1;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].key)
			continue;
		size_t h = (strings ? S_hash_str(m->slots[i].key) : S_hash_ptr(m->slots[i].key)) & (ncap - 1);
		while (ns[h].key)
			h = (h + 1) & (ncap - 1);
		ns[h] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
	return 0;
}

/* Pointer map: node → eId. */
static int S_map_put(S_map *m, const void *key, const char *val)
{
	if ((m->len + 1) * 2 > m->cap && S_map_grow(m, false))
		return -1;
	size_t h = S_hash_ptr(key) & (m->cap - 1);
	while (m->slots[h].key && m->slots[h].key != key)
		h = (h + 1) & (m->cap - 1);
	if (!m->slots[h].key)
		m->len++;
	m->slots[h].key = key;
	m->slots[h].val = val;
	return 0;
}

static const char *S_map_get(const S_map *m, const void *key)
{
	if (!m->cap)
		return NULL;
	size_t h = S_hash_ptr(key) & (m->cap - 1);
	while (m->slots[h].key) {
		if (m->slots[h].key == key)
			return m->slots[h].val;
		h = (h + 1) & (m->cap - 1);
	}
	return NULL;
}

/* String set (keys are the strings). */
static bool S_set_has(const S_map *m, const char *s)
{
	if (!m->cap)
		return false;
	size_t h = S_hash_str(s) & (m->cap - 1);
	while (m->slots[h].key) {
		if (strcmp(m->slots[h].key, s) == 0)
			return true;
		h = (h + 1) & (m->cap - 1);
	}
	return false;
}

static int S_set_add(S_map *m, const char *s)
{
	if ((m->len + 1) * 2 > m->cap && S_map_grow(m, true))
		return -1;
	size_t h = S_hash_str(s) & (m->cap - 1);
	while (m->slots[h].key) {
		if (strcmp(m->slots[h].key, s) == 0)
			return 0;
		h = (h + 1) & (m->cap - 1);
	}
	m->slots[h].key = s;
	m->len++;
	return 0;
}

/* ---------------------------------------------------------------------------------------------
 * context
 * ------------------------------------------------------------------------------------------- */

typedef struct {
	char date[11];    /* YYYY-MM-DD */
	const char *text; /* the event's words in the 题注 (arena copy) */
} S_event;

typedef struct {
	const tiao_doc *doc;
	const tiao_result *res; /* NULL for a plain document */
	xmlDocPtr x;
	xmlNsPtr ns;
	bool oom;
	tiao_arena arena; /* strings that live as long as the rendering */
	S_map eids;       /* node → eId */
	S_map used;       /* set of eIds given out */
	S_map arts;       /* article key → first article node (key encoded as pointer-size int) */
	TIAO_VEC(S_event) events;
	bool chp_prefix;  /* chapter numbers repeat across parts: prefix chapters with their part */
	const char *work_uri, *expr_uri;
} S_ctx;

static char *S_printf(S_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *S_printf(S_ctx *c, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *s;
	if ((size_t)n < sizeof tmp) {
		s = tiao_arena_strndup(&c->arena, tmp, (size_t)n);
	} else {
		s = tiao_arena_alloc(&c->arena, (size_t)n + 1);
		if (s) {
			va_start(ap, fmt);
			vsnprintf(s, (size_t)n + 1, fmt, ap);
			va_end(ap);
		}
	}
	if (!s)
		c->oom = true;
	return s;
}

static char *S_cat(S_ctx *c, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = tiao_arena_alloc(&c->arena, la + lb + 1);
	if (!s) {
		c->oom = true;
		return NULL;
	}
	memcpy(s, a, la);
	memcpy(s + la, b, lb);
	s[la + lb] = '\0';
	return s;
}

/* Text as XML 1.0 allows it: control characters other than tab/newline/return (a form feed from
 * a PDF extraction), U+FFFE/U+FFFF and invalid UTF-8 would make the output ill-formed. Returns s
 * itself when it is clean, else a cleaned copy (control characters dropped, bad bytes U+FFFD). */
static const char *S_xml_safe(S_ctx *c, const char *s, size_t *len)
{
	size_t n = *len;
	bool clean = tiao_utf8_check(s, n) == n;
	for (size_t i = 0; clean && i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') ||
		    (b == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
		     ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)))
			clean = false;
	}
	if (clean)
		return s;
	tiao_buf b = TIAO_BUF_INIT;
	for (size_t i = 0; i < n;) {
		uint32_t cp = tiao_utf8_next(s, n, &i);
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF)
			continue;
		tiao_buf_put_cp(&b, cp);
	}
	char *r = b.failed ? NULL : tiao_arena_strndup(&c->arena, b.data ? b.data : "", b.len);
	*len = b.len;
	tiao_buf_free(&b);
	if (!r) {
		c->oom = true;
		*len = 0;
		return "";
	}
	return r;
}

/* ---- libxml2 node helpers: after an allocation failure they do nothing and set c->oom ---- */

static xmlNodePtr S_el(S_ctx *c, xmlNodePtr parent, const char *name)
{
	if (c->oom || !parent)
		return NULL;
	xmlNodePtr n = xmlNewNode(c->ns, BAD_CAST name);
	if (!n) {
		c->oom = true;
		return NULL;
	}
	if (!xmlAddChild(parent, n)) {
		xmlFreeNode(n);
		c->oom = true;
		return NULL;
	}
	return n;
}

static void S_attr(S_ctx *c, xmlNodePtr n, const char *name, const char *value)
{
	if (c->oom || !n || !value)
		return;
	size_t len = strlen(value);
	value = S_xml_safe(c, value, &len);
	if (!xmlNewProp(n, BAD_CAST name, BAD_CAST value))
		c->oom = true;
}

static void S_text(S_ctx *c, xmlNodePtr n, const char *s, size_t len)
{
	if (c->oom || !n || len == 0)
		return;
	s = S_xml_safe(c, s, &len);
	if (len == 0)
		return;
	xmlNodePtr t = xmlNewTextLen(BAD_CAST s, (int)len);
	if (!t) {
		c->oom = true;
		return;
	}
	if (!xmlAddChild(n, t)) {
		xmlFreeNode(t);
		c->oom = true;
	}
}

static xmlNodePtr S_el_text(S_ctx *c, xmlNodePtr parent, const char *name, const char *s)
{
	xmlNodePtr n = S_el(c, parent, name);
	if (s)
		S_text(c, n, s, strlen(s));
	return n;
}

/* ---------------------------------------------------------------------------------------------
 * dates and events from the 题注
 * ------------------------------------------------------------------------------------------- */

static int S_cn_digit(uint32_t cp)
{
	static const uint32_t d[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
	                             0x516D, 0x4E03, 0x516B, 0x4E5D}; /* 〇一二三四五六七八九 */
	if (cp == 0x96F6) /* 零 */
		return 0;
	for (int i = 0; i < 10; i++)
		if (d[i] == cp)
			return i;
	return -1;
}

/* A small number (month/day) in digits or Chinese numerals (一 … 三十一) followed by unit. */
static int S_read_small(const char *s, size_t len, size_t *i, uint32_t unit)
{
	size_t j = *i;
	int v = 0, nd = 0;
	bool cn = false;
	while (j < len) {
		size_t k = j;
		uint32_t cp = tiao_utf8_next(s, len, &k);
		int d = tiao_cp_digit(cp);
		if (d >= 0 && !cn) {
			v = v * 10 + d;
			nd++;
		} else if (cp == 0x5341 && (nd == 0 || cn)) { /* 十 */
			v = (nd == 0 ? 1 : v) * 10;
			cn = true;
			nd++;
		} else if ((d = S_cn_digit(cp)) >= 0 && (nd == 0 || cn)) {
			v = (cn && v % 10 == 0 && v >= 10) ? v + d : v * 10 + d;
			cn = true;
			nd++;
		} else if (cp == unit && nd > 0) {
			*i = k;
			return v;
		} else {
			return -1;
		}
		if (nd > 3)
			return -1;
		j = k;
	}
	return -1;
}

/* Read 2005年7月29日 at s[i]; on success fills out (YYYY-MM-DD) and *end. */
static bool S_read_date(const char *s, size_t len, size_t i, char out[11], size_t *end)
{
	int y = 0, nd = 0;
	size_t j = i;
	while (j < len && nd < 4) {
		size_t k = j;
		uint32_t cp = tiao_utf8_next(s, len, &k);
		int d = tiao_cp_digit(cp);
		if (d < 0)
			d = S_cn_digit(cp);
		if (d < 0)
			return false;
		y = y * 10 + d;
		nd++;
		j = k;
	}
	if (nd != 4)
		return false;
	size_t k = j;
	if (j >= len || tiao_utf8_next(s, len, &k) != 0x5E74) /* 年 */
		return false;
	j = k;
	int m = S_read_small(s, len, &j, 0x6708); /* 月 */
	if (m < 1 || m > 12)
		return false;
	int d = S_read_small(s, len, &j, 0x65E5); /* 日 */
	if (d < 1 || d > 31 || y < 1000)
		return false;
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y % 10000, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
	*end = j;
	return true;
}

/* Whether the date at s[i] opens an event: start of the note, after an opening parenthesis, a
 * space, punctuation or 根据; not after 自 (自…起施行) or a digit. */
static bool S_event_start(const char *s, size_t i)
{
	if (i == 0)
		return true;
	size_t k = i;
	uint32_t p = tiao_utf8_prev(s, &k);
	if (p == 0x636E && k >= 3) { /* 据 of 根据 */
		size_t k2 = k;
		return tiao_utf8_prev(s, &k2) == 0x6839; /* 根 */
	}
	return p == 0xFF08 || p == '(' || p == 0x3010 || tiao_cp_is_space(p) || tiao_cp_is_clause(p) ||
	       tiao_cp_is_stop(p) || p == 0x4E8E; /* （ ( 【 space ，；。 于 */
}

static const char *S_trim_event(S_ctx *c, const char *s, size_t len)
{
	size_t a = 0, b = len;
	for (;;) {
		size_t k = b;
		if (b <= a)
			break;
		uint32_t cp = tiao_utf8_prev(s, &k);
		if (cp == 0x636E && k >= a + 3) { /* 据 of a trailing 根据 */
			size_t k2 = k;
			if (tiao_utf8_prev(s, &k2) == 0x6839) {
				b = k2;
				continue;
			}
		}
		if (tiao_cp_is_space(cp) || cp == 0xFF09 || cp == ')' || cp == 0xFF1B || cp == ';' ||
		    cp == 0xFF0C || cp == 0x3002) /* ）) ；; ，。 */
			b = k;
		else
			break;
	}
	const char *r = tiao_arena_strndup(&c->arena, s + a, b - a);
	if (!r)
		c->oom = true;
	return r;
}

static void S_scan_events(S_ctx *c)
{
	for (size_t ni = 0; ni < c->doc->nnotes; ni++) {
		const char *s = c->doc->notes[ni];
		if (!s)
			continue;
		size_t len = strlen(s);
		size_t open = (size_t)-1; /* start of the current event in this note */
		for (size_t i = 0; i < len;) {
			char date[11];
			size_t end;
			if ((unsigned char)s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9')) {
				if (S_event_start(s, i) && S_read_date(s, len, i, date, &end)) {
					/* not 自…起 */
					size_t k = end;
					if (k < len && tiao_utf8_next(s, len, &k) == 0x8D77) { /* 起 */
						i = end;
						continue;
					}
					if (open != (size_t)-1 && c->events.len)
						c->events.items[c->events.len - 1].text =
						    S_trim_event(c, s + open, i - open);
					S_event ev;
					memcpy(ev.date, date, sizeof ev.date);
					ev.text = NULL;
					if (TIAO_VEC_PUSH(&c->events, ev)) {
						c->oom = true;
						return;
					}
					open = i;
					i = end;
					continue;
				}
			}
			i += tiao_utf8_len((unsigned char)s[i]);
		}
		if (open != (size_t)-1 && c->events.len)
			c->events.items[c->events.len - 1].text = S_trim_event(c, s + open, len - open);
	}
}

/* A URI component from a title: whitespace and URI-unsafe ASCII dropped, other characters kept. */
static const char *S_uri_name(S_ctx *c, const char *title)
{
	tiao_buf b = TIAO_BUF_INIT;
	size_t len = title ? strlen(title) : 0;
	for (size_t i = 0; i < len;) {
		size_t k = i;
		uint32_t cp = tiao_utf8_next(title, len, &k);
		bool keep;
		if (cp < 0x80)
			keep = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
			       (cp >= 'A' && cp <= 'Z') || cp == '-' || cp == '.' || cp == '_' || cp == '(' ||
			       cp == ')';
		else
			keep = !tiao_cp_is_space(cp) && cp != 0xFEFF;
		if (keep)
			tiao_buf_put(&b, title + i, k - i);
		i = k;
	}
	if (b.len == 0)
		tiao_buf_puts(&b, "main");
	const char *s = tiao_buf_cstr(&b);
	const char *r = s ? tiao_arena_strdup(&c->arena, s) : NULL;
	tiao_buf_free(&b);
	if (!r)
		c->oom = true;
	return r;
}

/* ---------------------------------------------------------------------------------------------
 * eIds
 * ------------------------------------------------------------------------------------------- */

static int S_pos_num(const tiao_node *n)
{
	if (n->num > 0)
		return n->num;
	int i = 1;
	for (const tiao_node *p = n->prev; p; p = p->prev)
		if (p->kind == n->kind)
			i++;
	return i;
}

/* Paragraph position among its siblings (the paragraph's number). */
static int S_para_pos(const tiao_node *n)
{
	int i = 1;
	for (const tiao_node *p = n->prev; p; p = p->prev)
		if (p->kind == TIAO_NODE_PARAGRAPH)
			i++;
	return i;
}

static const char *S_parent_eid(S_ctx *c, const tiao_node *n)
{
	for (const tiao_node *p = n->parent; p; p = p->parent) {
		const char *e = S_map_get(&c->eids, p);
		if (e)
			return e;
	}
	return NULL;
}

static const char *S_make_eid(S_ctx *c, const tiao_node *n)
{
	const char *pe = S_parent_eid(c, n);
	switch (n->kind) {
	case TIAO_NODE_PART:
		return S_printf(c, "part_%d", S_pos_num(n));
	case TIAO_NODE_SUBPART:
		return pe ? S_printf(c, "%s__subpart_%d", pe, S_pos_num(n))
		          : S_printf(c, "subpart_%d", S_pos_num(n));
	case TIAO_NODE_CHAPTER:
		if (c->chp_prefix && pe)
			return S_printf(c, "%s__chp_%d", pe, S_pos_num(n));
		return S_printf(c, "chp_%d", S_pos_num(n));
	case TIAO_NODE_SECTION:
		return pe ? S_printf(c, "%s__sec_%d", pe, S_pos_num(n)) : S_printf(c, "sec_%d", S_pos_num(n));
	case TIAO_NODE_ARTICLE:
		if (n->sub > 0)
			return S_printf(c, "art_%d_%d", S_pos_num(n), n->sub);
		return S_printf(c, "art_%d", S_pos_num(n));
	case TIAO_NODE_PARAGRAPH:
		return pe ? S_printf(c, "%s__para_%d", pe, S_para_pos(n)) : S_printf(c, "para_%d", S_para_pos(n));
	case TIAO_NODE_ITEM:
	case TIAO_NODE_SUBITEM:
		return pe ? S_printf(c, "%s__point_%d", pe, S_pos_num(n)) : S_printf(c, "point_%d", S_pos_num(n));
	case TIAO_NODE_APPENDIX:
		return S_printf(c, "appendix_%d", S_pos_num(n));
	default:
		return NULL;
	}
}

static void S_assign_eids(S_ctx *c)
{
	/* Do chapter numbers repeat (民法典: each 编 starts again at 第一章)? */
	TIAO_VEC(const tiao_node *) chs = {0};
	tiao_iter *it = NULL;
	if (tiao_iter_new(&it, c->doc->root)) {
		c->oom = true;
		return;
	}
	tiao_event ev;
	while ((ev = tiao_iter_next(it)) != TIAO_EVENT_DONE) {
		tiao_node *n = tiao_iter_node(it);
		if (ev != TIAO_EVENT_ENTER)
			continue;
		if (n->kind == TIAO_NODE_CHAPTER) {
			for (size_t i = 0; i < chs.len; i++)
				if (S_pos_num(chs.items[i]) == S_pos_num(n))
					c->chp_prefix = true;
			if (TIAO_VEC_PUSH(&chs, n))
				c->oom = true;
		}
		/* leaves are entered but never need descending into text */
		if (n->kind == TIAO_NODE_ARTICLE || n->kind == TIAO_NODE_APPENDIX)
			tiao_iter_reset(it, n, TIAO_EVENT_EXIT);
	}
	TIAO_VEC_FREE(&chs);

	tiao_iter_free(it);
	it = NULL;
	if (tiao_iter_new(&it, c->doc->root)) {
		c->oom = true;
		return;
	}
	while (!c->oom && (ev = tiao_iter_next(it)) != TIAO_EVENT_DONE) {
		tiao_node *n = tiao_iter_node(it);
		if (ev != TIAO_EVENT_ENTER || n->kind == TIAO_NODE_DOCUMENT)
			continue;
		const char *e = S_make_eid(c, n);
		if (!e)
			continue;
		const char *u = e;
		for (int k = 2; S_set_has(&c->used, u); k++)
			u = S_printf(c, "%s_%d", e, k);
		if (!u || S_set_add(&c->used, u) || S_map_put(&c->eids, n, u))
			c->oom = true;
		if (n->kind == TIAO_NODE_ARTICLE) {
			uintptr_t key = ((uintptr_t)(unsigned)n->num << 12) | ((unsigned)n->sub & 0xfff);
			if (key && !S_map_get(&c->arts, (const void *)key) &&
			    S_map_put(&c->arts, (const void *)key, (const char *)n))
				c->oom = true;
		}
	}
	tiao_iter_free(it);
}

static const tiao_node *S_article(S_ctx *c, int num, int sub)
{
	if (num <= 0 || sub < 0)
		return NULL;
	uintptr_t key = ((uintptr_t)(unsigned)num << 12) | ((unsigned)sub & 0xfff);
	return (const tiao_node *)S_map_get(&c->arts, (const void *)key);
}

/* The n-th child of kind k (paragraphs by position; items by number, else position). */
static const tiao_node *S_child(const tiao_node *parent, tiao_node_kind k, int n)
{
	if (!parent || n <= 0)
		return NULL;
	int i = 0;
	const tiao_node *bypos = NULL;
	for (const tiao_node *x = parent->first; x; x = x->next) {
		if (x->kind != k)
			continue;
		i++;
		if (k != TIAO_NODE_PARAGRAPH && x->num == n)
			return x;
		if (i == n && !bypos)
			bypos = x;
	}
	return bypos;
}

static const tiao_node *S_up(const tiao_node *n, tiao_node_kind k)
{
	for (; n; n = n->parent)
		if (n->kind == k)
			return n;
	return NULL;
}

static const tiao_node *S_find_div(S_ctx *c, const tiao_node *within, tiao_node_kind k, int num)
{
	if (num <= 0)
		return NULL;
	const tiao_node *root = within ? within : c->doc->root;
	for (const tiao_node *x = root->first; x;) {
		if (x->kind == k && x->num == num)
			return x;
		if (x->kind >= TIAO_NODE_FIRST_DIVISION && x->kind <= TIAO_NODE_LAST_DIVISION && x->first) {
			x = x->first;
			continue;
		}
		while (x != root && !x->next)
			x = x->parent;
		if (x == root)
			break;
		x = x->next;
	}
	return NULL;
}

/* ---------------------------------------------------------------------------------------------
 * cross-references
 * ------------------------------------------------------------------------------------------- */

static const tiao_node *S_resolve(S_ctx *c, const tiao_xtok *t, const tiao_node *at)
{
	const tiao_node *cur_art = S_up(at, TIAO_NODE_ARTICLE);
	const tiao_node *cur_para = S_up(at, TIAO_NODE_PARAGRAPH);
	if (t->external)
		return NULL;
	switch (t->level) {
	case TIAO_XLVL_PART:
		return NULL; /* tokens carry no part number */
	case TIAO_XLVL_CHAPTER:
		return S_find_div(c, NULL, TIAO_NODE_CHAPTER, t->chapter);
	case TIAO_XLVL_SECTION: {
		const tiao_node *ch = t->chapter ? S_find_div(c, NULL, TIAO_NODE_CHAPTER, t->chapter)
		                                 : S_up(at, TIAO_NODE_CHAPTER);
		return ch ? S_find_div(c, ch, TIAO_NODE_SECTION, t->section) : NULL;
	}
	default:
		break;
	}
	const tiao_node *art;
	if (t->rel == TIAO_XREL_PREV_ART) {
		if (!cur_art)
			return NULL;
		art = NULL;
		for (const tiao_node *a = tiao_doc_first_article(c->doc); a && a != cur_art;
		     a = tiao_article_next(a))
			art = a;
		if (!art || t->level == TIAO_XLVL_ARTICLE || t->para <= 0)
			return art;
		cur_art = art; /* 前条第二款: on to the paragraph of that article */
		cur_para = NULL;
	} else {
		art = t->art > 0 ? S_article(c, t->art, t->art_sub) : cur_art;
	}
	if (!art)
		return NULL;
	if (t->level == TIAO_XLVL_ARTICLE)
		return art;
	const tiao_node *para = NULL;
	if (t->rel == TIAO_XREL_PREV_PARA) {
		if (!cur_para || art != cur_art)
			return NULL;
		int pos = S_para_pos(cur_para) - (t->count > 0 ? t->count : 1);
		return S_child(art, TIAO_NODE_PARAGRAPH, pos);
	}
	if (t->para > 0) {
		para = S_child(art, TIAO_NODE_PARAGRAPH, t->para);
	} else if (t->rel == TIAO_XREL_THIS_PARA || (t->art == 0 && cur_para)) {
		para = cur_para;
	} else {
		/* 第十一条第（一）项: the article's paragraph that has items */
		for (const tiao_node *p = art->first; p; p = p->next)
			if (p->kind == TIAO_NODE_PARAGRAPH && p->first) {
				para = p;
				break;
			}
	}
	if (!para)
		return NULL;
	if (t->level == TIAO_XLVL_PARA)
		return para;
	const tiao_node *item = S_child(para, TIAO_NODE_ITEM, t->item);
	if (!item || t->level == TIAO_XLVL_ITEM)
		return item;
	if (t->level == TIAO_XLVL_SUBITEM)
		return S_child(item, TIAO_NODE_SUBITEM, t->subitem);
	return NULL;
}

static bool S_is_level_cp(uint32_t cp)
{
	switch (cp) {
	case 0x6761: case 0x6B3E: case 0x9879: case 0x76EE: case 0x7AE0: case 0x8282: case 0x7F16:
		return true;
	default:
		return false;
	}
}

static int S_tok_cmp(const void *a, const void *b)
{
	const tiao_xtok *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* Append text to parent, wrapping each resolvable internal reference in <ref href="#eId">. */
static void S_text_refs(S_ctx *c, xmlNodePtr parent, const char *text, const tiao_node *at)
{
	if (!text || !*text || !parent)
		return;
	size_t len = strlen(text);
	tiao_xrefs xr;
	memset(&xr, 0, sizeof xr);
	if (tiao_xref_scan(&xr, text, len) || xr.toks.len == 0) {
		tiao_xrefs_free(&xr);
		S_text(c, parent, text, len);
		return;
	}
	qsort(xr.toks.items, xr.toks.len, sizeof *xr.toks.items, S_tok_cmp);
	size_t done = 0;
	for (size_t i = 0; i < xr.toks.len && !c->oom; i++) {
		const tiao_xtok *t = &xr.toks.items[i];
		if (t->start < done || t->end > len || t->end <= t->start)
			continue;
		tiao_xtok prev_tok;
		if (tiao_xtok_of_prev_article(t, text)) {
			prev_tok = *t;
			prev_tok.rel = TIAO_XREL_PREV_ART;
			t = &prev_tok;
		}
		const tiao_node *target = S_resolve(c, t, at);
		const char *eid = target ? S_map_get(&c->eids, target) : NULL;
		if (!eid)
			continue;
		size_t lim = i + 1 < xr.toks.len && xr.toks.items[i + 1].start > t->end
		                 ? xr.toks.items[i + 1].start
		                 : len;
		size_t s = t->start, e = t->end;
		{
			/* widen 五 to 第五条, 一 of （一） to （一）, and take 之一 */
			size_t k = s;
			if (k > done) {
				uint32_t p = tiao_utf8_prev(text, &k);
				if ((p == 0xFF08 || p == '(') && k >= done) { /* （ */
					s = k;
					if (k > done) {
						size_t k2 = k;
						if (tiao_utf8_prev(text, &k2) == 0x7B2C && k2 >= done) /* 第 */
							s = k2;
					}
				} else if (p == 0x7B2C && k >= done) {
					s = k;
				}
			}
			if (t->sub_end > e && t->sub_end <= lim)
				e = t->sub_end;
			size_t k2 = e;
			if (k2 < lim) {
				uint32_t q = tiao_utf8_next(text, len, &k2);
				if ((q == 0xFF09 || q == ')') && k2 <= lim) {
					e = k2;
					if (k2 < lim) {
						size_t k3 = k2;
						if (S_is_level_cp(tiao_utf8_next(text, len, &k3)) && k3 <= lim)
							e = k3;
					}
				} else if (S_is_level_cp(q) && k2 <= lim) {
					e = k2;
				}
			}
		}
		S_text(c, parent, text + done, s - done);
		xmlNodePtr r = S_el(c, parent, "ref");
		S_attr(c, r, "href", S_cat(c, "#", eid));
		S_text(c, r, text + s, e - s);
		done = e;
	}
	S_text(c, parent, text + done, len - done);
	tiao_xrefs_free(&xr);
}

/* ---------------------------------------------------------------------------------------------
 * body
 * ------------------------------------------------------------------------------------------- */

/* Base-text id of a node of a consolidated document, or NULL (new, or not from a result). */
static const char *S_base_id(S_ctx *c, const tiao_node *n, S_map *memo)
{
	if (!c->res || !n || n->kind == TIAO_NODE_DOCUMENT)
		return NULL;
	if (n->base_id)
		return n->base_id;
	if ((n->flags & TIAO_NF_NEW) || n->base_num <= 0)
		return NULL;
	const char *m = S_map_get(memo, n);
	if (m)
		return m;
	const tiao_node *up = n->parent;
	while (up && up->kind != TIAO_NODE_DOCUMENT && !S_map_get(&c->eids, up))
		up = up->parent;
	const char *pb = NULL;
	bool has_parent = up && up->kind != TIAO_NODE_DOCUMENT;
	if (has_parent) {
		pb = S_base_id(c, up, memo);
		if (!pb && n->kind >= TIAO_NODE_PARAGRAPH && n->kind <= TIAO_NODE_SUBITEM)
			return NULL; /* inside a new article */
	}
	const char *r = NULL;
	switch (n->kind) {
	case TIAO_NODE_ARTICLE:
		r = n->base_sub > 0 ? S_printf(c, "art_%d_%d", n->base_num, n->base_sub)
		                    : S_printf(c, "art_%d", n->base_num);
		break;
	case TIAO_NODE_PARAGRAPH:
		r = S_printf(c, "%s__para_%d", pb, n->base_num);
		break;
	case TIAO_NODE_ITEM:
	case TIAO_NODE_SUBITEM:
		r = S_printf(c, "%s__point_%d", pb, n->base_num);
		break;
	case TIAO_NODE_PART:
		r = S_printf(c, "part_%d", n->base_num);
		break;
	case TIAO_NODE_CHAPTER:
		r = (c->chp_prefix && pb) ? S_printf(c, "%s__chp_%d", pb, n->base_num)
		                          : S_printf(c, "chp_%d", n->base_num);
		break;
	case TIAO_NODE_SUBPART:
	case TIAO_NODE_SECTION:
		if (!pb)
			return NULL;
		r = S_printf(c, n->kind == TIAO_NODE_SECTION ? "%s__sec_%d" : "%s__subpart_%d", pb,
		             n->base_num);
		break;
	default:
		return NULL;
	}
	if (r && S_map_put(memo, n, r))
		c->oom = true;
	return r;
}

static const char *S_elname(tiao_node_kind k)
{
	switch (k) {
	case TIAO_NODE_PART: return "part";
	case TIAO_NODE_SUBPART: return "subpart";
	case TIAO_NODE_CHAPTER: return "chapter";
	case TIAO_NODE_SECTION: return "section";
	case TIAO_NODE_ARTICLE: return "article";
	case TIAO_NODE_PARAGRAPH: return "paragraph";
	case TIAO_NODE_ITEM: return "point";
	case TIAO_NODE_SUBITEM: return "point";
	case TIAO_NODE_APPENDIX: return "hcontainer";
	default: return NULL;
	}
}

static void S_body(S_ctx *c, xmlNodePtr body)
{
	S_map memo = {0};
	tiao_iter *it = NULL;
	if (tiao_iter_new(&it, c->doc->root)) {
		c->oom = true;
		return;
	}
	xmlNodePtr cur = body;
	tiao_event ev;
	while (!c->oom && (ev = tiao_iter_next(it)) != TIAO_EVENT_DONE) {
		const tiao_node *n = tiao_iter_node(it);
		const char *name = S_elname(n->kind);
		if (!name)
			continue;
		if (ev == TIAO_EVENT_EXIT) {
			if (cur && cur != body)
				cur = cur->parent;
			continue;
		}
		xmlNodePtr e = S_el(c, cur, name);
		const char *eid = S_map_get(&c->eids, n);
		S_attr(c, e, "eId", eid);
		const char *wid = S_base_id(c, n, &memo);
		if (wid && eid && strcmp(wid, eid) != 0)
			S_attr(c, e, "wId", wid);
		if (n->kind == TIAO_NODE_APPENDIX)
			S_attr(c, e, "name", "appendix");
		if (n->label && *n->label)
			S_el_text(c, e, "num", n->label);
		if (n->heading && *n->heading)
			S_el_text(c, e, "heading", n->heading);
		bool has_sub = false;
		for (const tiao_node *k = n->first; k; k = k->next)
			if (S_elname(k->kind))
				has_sub = true;
		if (n->kind >= TIAO_NODE_PARAGRAPH && n->kind <= TIAO_NODE_SUBITEM) {
			/* a leaf has content; one with items has its lead-in as intro */
			xmlNodePtr box = S_el(c, e, has_sub ? "intro" : "content");
			xmlNodePtr p = S_el(c, box, "p");
			S_text_refs(c, p, n->text, n);
		} else if (n->kind == TIAO_NODE_APPENDIX && n->text && *n->text) {
			xmlNodePtr box = S_el(c, e, has_sub ? "intro" : "content");
			xmlNodePtr p = S_el(c, box, "p");
			S_text(c, p, n->text, strlen(n->text));
		} else if (n->kind == TIAO_NODE_APPENDIX && !has_sub) {
			S_el(c, S_el(c, e, "content"), "p");
		}
		cur = e;
	}
	tiao_iter_free(it);
	free(memo.slots);
}

/* ---------------------------------------------------------------------------------------------
 * meta
 * ------------------------------------------------------------------------------------------- */

static const char *S_act_name(const char *title)
{
	static const struct {
		const char *suffix, *name;
	} names[] = {
	    {"\xE6\xB3\x95", "law"},                                 /* 法 */
	    {"\xE6\xB3\x95\xE5\x85\xB8", "code"},                   /* 法典 */
	    {"\xE6\x9D\xA1\xE4\xBE\x8B", "regulation"},             /* 条例 */
	    {"\xE8\xA7\x84\xE5\xAE\x9A", "provisions"},             /* 规定 */
	    {"\xE5\x8A\x9E\xE6\xB3\x95", "measures"},               /* 办法 */
	    {"\xE7\xBB\x86\xE5\x88\x99", "rules"},                  /* 细则 */
	    {"\xE8\xA7\x84\xE5\x88\x99", "rules"},                  /* 规则 */
	    {"\xE5\x86\xB3\xE5\xAE\x9A", "decision"},               /* 决定 */
	};
	size_t len = title ? strlen(title) : 0;
	const char *best = "act";
	size_t bestlen = 0;
	for (size_t i = 0; i < TIAO_ARRAY_LEN(names); i++) {
		size_t n = strlen(names[i].suffix);
		if (n <= len && n > bestlen && memcmp(title + len - n, names[i].suffix, n) == 0) {
			best = names[i].name;
			bestlen = n;
		}
	}
	return best;
}

static void S_frbr(S_ctx *c, xmlNodePtr parent, const char *level, const char *this_, const char *uri,
                   const char *date, const char *date_name, const char *author)
{
	xmlNodePtr f = S_el(c, parent, level);
	S_attr(c, S_el(c, f, "FRBRthis"), "value", this_);
	S_attr(c, S_el(c, f, "FRBRuri"), "value", uri);
	xmlNodePtr d = S_el(c, f, "FRBRdate");
	S_attr(c, d, "date", date);
	S_attr(c, d, "name", date_name);
	S_attr(c, S_el(c, f, "FRBRauthor"), "href", author);
	if (strcmp(level, "FRBRWork") == 0) {
		S_attr(c, S_el(c, f, "FRBRcountry"), "value", "cn");
		S_attr(c, S_el(c, f, "FRBRsubtype"), "value", S_act_name(c->doc->title));
		if (c->doc->title)
			S_attr(c, S_el(c, f, "FRBRname"), "value", c->doc->title);
	} else if (strcmp(level, "FRBRExpression") == 0) {
		S_attr(c, S_el(c, f, "FRBRlanguage"), "language", "zho");
	} else {
		S_attr(c, S_el(c, f, "FRBRformat"), "value", "application/akn+xml");
	}
}

/* The expression URI as it was just before event ev (for repealed provisions). */
static const char *S_expr_at(S_ctx *c, size_t ev)
{
	if (c->events.len == 0)
		return c->expr_uri;
	if (ev >= c->events.len)
		ev = c->events.len - 1;
	return S_printf(c, "%s/zho@%s", c->work_uri, c->events.items[ev].date);
}

static const char *S_tmod_type(const tiao_change *ch)
{
	static const char *const valid[] = {"repeal",      "substitution", "insertion", "replacement",
	                                    "renumbering", "split",        "join"};
	if (ch->what)
		for (size_t i = 0; i < TIAO_ARRAY_LEN(valid); i++)
			if (strcmp(ch->what, valid[i]) == 0)
				return valid[i];
	switch (ch->op) {
	case TIAO_OP_DELETE:
	case TIAO_OP_DELETE_PHRASE:
		return "repeal";
	case TIAO_OP_REPLACE:
	case TIAO_OP_HEADING:
		return "replacement";
	case TIAO_OP_SUBST:
	case TIAO_OP_HEADING_SUBST:
		return "substitution";
	case TIAO_OP_INSERT:
	case TIAO_OP_INSERT_TEXT:
		return "insertion";
	case TIAO_OP_SPLIT_OUT:
	case TIAO_OP_SPLIT_ARTICLE:
		return "split";
	case TIAO_OP_MERGE:
	case TIAO_OP_MERGE_DIVISION:
		return "join";
	case TIAO_OP_MOVE:
	case TIAO_OP_RENUMBER:
		return "renumbering";
	default:
		return "substitution";
	}
}

/* Base-numbering id of an address (for provisions that no longer exist in the result). */
static const char *S_addr_id(S_ctx *c, const tiao_addr *a)
{
	tiao_buf b = TIAO_BUF_INIT;
	switch (a->at) {
	case TIAO_AT_PART:
		tiao_buf_printf(&b, "part_%d", a->part);
		break;
	case TIAO_AT_SUBPART:
	case TIAO_AT_CHAPTER:
		tiao_buf_printf(&b, "chp_%d", a->chapter);
		break;
	case TIAO_AT_SECTION:
		tiao_buf_printf(&b, "chp_%d__sec_%d", a->chapter, a->section);
		break;
	case TIAO_AT_ARTICLE:
	case TIAO_AT_PARAGRAPH:
	case TIAO_AT_LEADIN:
	case TIAO_AT_ITEM:
	case TIAO_AT_SUBITEM:
		if (a->art <= 0)
			break;
		tiao_buf_printf(&b, "art_%d", a->art);
		if (a->art_sub > 0)
			tiao_buf_printf(&b, "_%d", a->art_sub);
		if (a->para > 0)
			tiao_buf_printf(&b, "__para_%d", a->para);
		if (a->item > 0)
			tiao_buf_printf(&b, "__point_%d", a->item);
		if (a->subitem > 0)
			tiao_buf_printf(&b, "__point_%d", a->subitem);
		break;
	default:
		break;
	}
	const char *s = b.len ? tiao_buf_cstr(&b) : NULL;
	const char *r = s ? tiao_arena_strdup(&c->arena, s) : NULL;
	if (b.failed)
		c->oom = true;
	tiao_buf_free(&b);
	return r;
}

/* eId in the result of the provision a change produced, or NULL. */
static const char *S_result_id(S_ctx *c, const tiao_change *ch)
{
	if (ch->new_art <= 0)
		return NULL;
	const tiao_node *n = S_article(c, ch->new_art, ch->new_art_sub);
	if (!n)
		return NULL;
	if (ch->new_para > 0) {
		const tiao_node *p = S_child(n, TIAO_NODE_PARAGRAPH, ch->new_para);
		if (p) {
			n = p;
			if (ch->new_item > 0) {
				const tiao_node *i = S_child(p, TIAO_NODE_ITEM, ch->new_item);
				if (i)
					n = i;
			}
		}
	}
	return S_map_get(&c->eids, n);
}

static void S_analysis(S_ctx *c, xmlNodePtr meta, size_t first_dec_event, size_t ndec)
{
	const tiao_result *r = c->res;
	if (!r || (r->changes.len == 0 && r->renumbering.len == 0))
		return;
	xmlNodePtr an = S_el(c, meta, "analysis");
	S_attr(c, an, "source", "#tiao");
	xmlNodePtr pm = S_el(c, an, "passiveModifications");
	size_t k = 0;
	for (size_t i = 0; i < r->changes.len && !c->oom; i++) {
		const tiao_change *ch = &r->changes.items[i];
		size_t di = ch->decision_index >= 0 ? (size_t)ch->decision_index : 0;
		if (di >= ndec)
			di = ndec - 1;
		size_t evi = first_dec_event + di;
		xmlNodePtr tm = S_el(c, pm, "textualMod");
		S_attr(c, tm, "eId", S_printf(c, "pmod_%zu", ++k));
		S_attr(c, tm, "type", S_tmod_type(ch));
		S_attr(c, S_el(c, tm, "source"), "href", S_printf(c, "#ro_%zu", evi + 1));
		const char *dest;
		/* the result numbers of an earlier decision are those of the text it produced */
		bool last_dec = di + 1 >= ndec;
		const char *rid = last_dec ? S_result_id(c, ch) : NULL;
		if (!last_dec && ch->new_art > 0) {
			tiao_addr na;
			memset(&na, 0, sizeof na);
			na.at = TIAO_AT_ARTICLE;
			na.art = ch->new_art;
			na.art_sub = ch->new_art_sub;
			na.para = ch->new_para;
			na.item = ch->new_item;
			const char *nid = S_addr_id(c, &na);
			S_attr(c, S_el(c, tm, "destination"), "href",
			       nid ? S_printf(c, "%s#%s", S_expr_at(c, evi), nid) : S_expr_at(c, evi));
			continue;
		}
		if (rid) {
			dest = S_cat(c, "#", rid);
		} else if (ch->target.at == TIAO_AT_DOCUMENT || ch->target.at == TIAO_AT_NONE) {
			dest = c->expr_uri;
		} else {
			const char *bid = S_addr_id(c, &ch->target);
			const char *prev = S_expr_at(c, evi > 0 ? evi - 1 : 0);
			dest = bid ? S_printf(c, "%s#%s", prev, bid) : prev;
		}
		S_attr(c, S_el(c, tm, "destination"), "href", dest);
		if (rid && ch->target.art > 0 && (ch->target.art != ch->new_art ||
		                                  ch->target.art_sub != ch->new_art_sub)) {
			const char *bid = S_addr_id(c, &ch->target);
			if (bid)
				S_attr(c, S_el(c, tm, "previous"), "href",
				       S_printf(c, "%s#%s", S_expr_at(c, evi > 0 ? evi - 1 : 0), bid));
		}
	}
	/* renumberings that no instruction stated (条文顺序作相应调整); with several decisions the
	 * renumbering list mixes the numberings of the intermediate texts: left to the wIds then */
	size_t last_ev = first_dec_event + ndec - 1;
	for (size_t i = 0; ndec == 1 && i < r->renumbering.len && !c->oom; i++) {
		const tiao_renum *rn = &r->renumbering.items[i];
		if (rn->new_num <= 0 || (rn->old_num == rn->new_num && rn->old_sub == rn->new_sub))
			continue;
		bool stated = false;
		for (size_t j = 0; j < r->changes.len; j++) {
			const tiao_change *ch = &r->changes.items[j];
			if ((ch->op == TIAO_OP_RENUMBER || ch->op == TIAO_OP_MOVE) &&
			    ch->target.art == rn->old_num && ch->target.art_sub == rn->old_sub)
				stated = true;
		}
		if (stated)
			continue;
		const tiao_node *a = S_article(c, rn->new_num, rn->new_sub);
		const char *eid = a ? S_map_get(&c->eids, a) : NULL;
		if (!eid)
			continue;
		xmlNodePtr tm = S_el(c, pm, "textualMod");
		S_attr(c, tm, "eId", S_printf(c, "pmod_%zu", ++k));
		S_attr(c, tm, "type", "renumbering");
		S_attr(c, S_el(c, tm, "source"), "href", S_printf(c, "#ro_%zu", last_ev + 1));
		S_attr(c, S_el(c, tm, "destination"), "href", S_cat(c, "#", eid));
		tiao_addr old;
		memset(&old, 0, sizeof old);
		old.at = TIAO_AT_ARTICLE;
		old.art = rn->old_num;
		old.art_sub = rn->old_sub;
		const char *bid = S_addr_id(c, &old);
		if (bid)
			S_attr(c, S_el(c, tm, "previous"), "href",
			       S_printf(c, "%s#%s", S_expr_at(c, last_ev > 0 ? last_ev - 1 : 0), bid));
	}
	if (k == 0) {
		/* nothing to say: drop the empty container (the schema wants at least one child) */
		xmlUnlinkNode(an);
		xmlFreeNode(an);
	}
}

/* The organ that adopted the text, from the adoption event: 2005年7月29日山西省第十届人民代表大会
 * 常务委员会第十九次会议通过 → 山西省人民代表大会常务委员会; …国务院令第564号公布 → …国务院.
 * NULL when the event does not name one. */
static const char *S_author(S_ctx *c)
{
	if (!c->events.len || !c->events.items[0].text)
		return NULL;
	const char *s = c->events.items[0].text;
	size_t len = strlen(s), i = 0;
	char date[11];
	if (!S_read_date(s, len, 0, date, &i))
		return NULL;
	tiao_buf b = TIAO_BUF_INIT;
	while (i < len) {
		size_t k = i;
		uint32_t cp = tiao_utf8_next(s, len, &k);
		if (tiao_cp_is_space(cp)) {
			i = k;
			continue;
		}
		if (cp == 0x7B2C) { /* 第…届 / 第…次会议 / 令第…号 : numbered words are dropped */
			size_t j = k;
			while (j < len) {
				size_t k2 = j;
				uint32_t d = tiao_utf8_next(s, len, &k2);
				if (!tiao_num_is_cn(d) && !tiao_cp_is_digit(d))
					break;
				j = k2;
			}
			if (j > k && j < len) {
				size_t k2 = j;
				uint32_t u = tiao_utf8_next(s, len, &k2);
				if (u == 0x5C4A) { /* 届 */
					i = k2;
					continue;
				}
				if (u == 0x6B21 || u == 0x53F7) /* 次(会议) 号: the rest is not the organ */
					break;
			}
		}
		if (cp == 0x4EE4 && i + 3 < len && strncmp(s + k, "\xE7\xAC\xAC", 3) == 0) /* 令第 */
			break;
		if (strncmp(s + i, "\xE9\x80\x9A\xE8\xBF\x87", 6) == 0 ||  /* 通过 */
		    strncmp(s + i, "\xE5\x85\xAC\xE5\xB8\x83", 6) == 0 ||  /* 公布 */
		    strncmp(s + i, "\xE5\x8F\x91\xE5\xB8\x83", 6) == 0 ||  /* 发布 */
		    strncmp(s + i, "\xE6\x89\xB9\xE5\x87\x86", 6) == 0)    /* 批准 */
			break;
		tiao_buf_put(&b, s + i, k - i);
		i = k;
	}
	const char *r = NULL;
	if (b.len && !b.failed) {
		r = tiao_arena_strndup(&c->arena, b.data, b.len);
		if (!r)
			c->oom = true;
	}
	tiao_buf_free(&b);
	return r;
}

/* The 目录 as a toc: each line a tocItem linking to its division (第X编/章/节, resolved in the
 * document in the order the 目录 lists them); a line naming no division links to the body. The
 * 目录 heading itself (a first line without a label) is a <p class="toc"> before it. */
static void S_toc(S_ctx *c, xmlNodePtr preface)
{
	const tiao_doc *d = c->doc;
	bool has_parts = S_find_div(c, NULL, TIAO_NODE_PART, 1) != NULL;
	const tiao_node *part = NULL, *chapter = NULL;
	xmlNodePtr toc = NULL;
	for (size_t i = 0; i < d->ntoc && !c->oom; i++) {
		const char *line = d->toc[i];
		if (!line)
			continue;
		size_t len = strlen(line), off = 0;
		while (off < len) {
			size_t k = off;
			if (!tiao_cp_is_space(tiao_utf8_next(line, len, &k)))
				break;
			off = k;
		}
		long num = 0, sub = 0;
		size_t used = 0;
		const tiao_node *target = NULL;
		int level = 1;
		if (tiao_label_read(line + off, len - off, 0x7F16, &num, &sub, &used)) { /* 编 */
			target = part = S_find_div(c, NULL, TIAO_NODE_PART, (int)num);
			chapter = NULL;
		} else if (tiao_label_read(line + off, len - off, 0x7AE0, &num, &sub, &used)) { /* 章 */
			target = chapter = S_find_div(c, part, TIAO_NODE_CHAPTER, (int)num);
			level = has_parts ? 2 : 1;
		} else if (tiao_label_read(line + off, len - off, 0x8282, &num, &sub, &used)) { /* 节 */
			target = chapter ? S_find_div(c, chapter, TIAO_NODE_SECTION, (int)num) : NULL;
			level = has_parts ? 3 : 2;
		} else if (!toc) {
			S_attr(c, S_el_text(c, preface, "p", line), "class", "toc");
			continue;
		}
		if (!toc) {
			toc = S_el(c, preface, "toc");
			S_attr(c, toc, "eId", "toc");
		}
		const char *eid = target ? S_map_get(&c->eids, target) : NULL;
		xmlNodePtr it = S_el_text(c, toc, "tocItem", line);
		S_attr(c, it, "href", eid ? S_cat(c, "#", eid) : "#body");
		S_attr(c, it, "level", level == 1 ? "1" : level == 2 ? "2" : "3");
	}
}

/* Decision title 《…》 inside an event's text, as a URI component; NULL if none. */
static const char *S_event_doc_name(S_ctx *c, const char *text)
{
	if (!text)
		return NULL;
	const char *open = strstr(text, "\xE3\x80\x8A"); /* 《 */
	if (!open)
		return NULL;
	const char *p = open + 3;
	int depth = 1;
	while (*p) {
		if (strncmp(p, "\xE3\x80\x8A", 3) == 0)
			depth++;
		else if (strncmp(p, "\xE3\x80\x8B", 3) == 0 && --depth == 0)
			break;
		p++;
	}
	if (!*p)
		return NULL;
	char *t = tiao_arena_strndup(&c->arena, open + 3, (size_t)(p - open - 3));
	if (!t) {
		c->oom = true;
		return NULL;
	}
	return S_uri_name(c, t);
}

/* The decision a consolidation applied that event i stands for, or NULL. */
static const tiao_decision *S_event_decision(S_ctx *c, size_t i, size_t first_dec_event)
{
	if (!c->res || i < first_dec_event)
		return NULL;
	size_t di = i - first_dec_event;
	return di < c->res->decisions.len ? c->res->decisions.items[di] : NULL;
}

static int S_build(S_ctx *c, xmlDocPtr *out)
{
	const tiao_doc *d = c->doc;
	S_scan_events(c);
	S_assign_eids(c);
	if (c->oom)
		return TIAO_ENOMEM;

	/* decisions applied by this consolidation: the last ndec events (the engine adds their 题注) */
	size_t ndec = 0;
	if (c->res) {
		for (size_t i = 0; i < c->res->changes.len; i++)
			if ((size_t)c->res->changes.items[i].decision_index + 1 > ndec)
				ndec = (size_t)c->res->changes.items[i].decision_index + 1;
		if (c->res->decisions.len > ndec)
			ndec = c->res->decisions.len;
		if (ndec == 0)
			ndec = 1;
		/* make sure there is an event for each (a 题注 line the engine could not add) */
		while (c->events.len < ndec + 1) {
			S_event ev;
			memset(&ev, 0, sizeof ev);
			memcpy(ev.date, c->events.len ? c->events.items[c->events.len - 1].date : NO_DATE, 11);
			/* the decision's own date, when the decision parser found one */
			size_t di = c->events.len ? c->events.len - 1 : (size_t)-1;
			if (di < c->res->decisions.len && c->res->decisions.items[di]->date) {
				const char *ds = c->res->decisions.items[di]->date;
				size_t end;
				char date[11];
				if (S_read_date(ds, strlen(ds), 0, date, &end))
					memcpy(ev.date, date, 11);
			}
			if (TIAO_VEC_PUSH(&c->events, ev))
				return TIAO_ENOMEM;
		}
	}
	size_t first_dec_event = c->events.len - ndec;

	const char *work_date = c->events.len ? c->events.items[0].date : NO_DATE;
	const char *expr_date = c->events.len ? c->events.items[c->events.len - 1].date : NO_DATE;
	const char *name = S_uri_name(c, d->title);
	c->work_uri = S_printf(c, "/akn/cn/act/%s/%s", work_date, name ? name : "main");
	c->expr_uri = S_printf(c, "%s/zho@%s", c->work_uri, expr_date);
	if (c->oom)
		return TIAO_ENOMEM;

	xmlDocPtr x = xmlNewDoc(BAD_CAST "1.0");
	if (!x)
		return TIAO_ENOMEM;
	c->x = x;
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "akomaNtoso");
	if (!root) {
		xmlFreeDoc(x);
		return TIAO_ENOMEM;
	}
	xmlDocSetRootElement(x, root);
	c->ns = xmlNewNs(root, BAD_CAST AKN_NS, NULL);
	if (!c->ns) {
		xmlFreeDoc(x);
		return TIAO_ENOMEM;
	}
	xmlSetNs(root, c->ns);

	xmlNodePtr act = S_el(c, root, "act");
	S_attr(c, act, "name", S_act_name(d->title));
	S_attr(c, act, "contains", c->events.len > 1 ? "singleVersion" : "originalVersion");

	/* meta */
	xmlNodePtr meta = S_el(c, act, "meta");
	xmlNodePtr id = S_el(c, meta, "identification");
	S_attr(c, id, "source", "#tiao");
	S_frbr(c, id, "FRBRWork", S_cat(c, c->work_uri, "/!main"), c->work_uri, work_date,
	       c->events.len ? "adoption" : "unknown", "#author");
	S_frbr(c, id, "FRBRExpression", S_cat(c, c->expr_uri, "/!main"), c->expr_uri, expr_date,
	       c->events.len > 1 ? "amendment" : c->events.len ? "adoption" : "unknown", "#author");
	S_frbr(c, id, "FRBRManifestation", S_cat(c, c->expr_uri, "/!main.xml"),
	       S_cat(c, c->expr_uri, ".akn"), expr_date, "generation", "#tiao");

	if (c->events.len) {
		xmlNodePtr lc = S_el(c, meta, "lifecycle");
		S_attr(c, lc, "source", "#tiao");
		for (size_t i = 0; i < c->events.len; i++) {
			xmlNodePtr e = S_el(c, lc, "eventRef");
			S_attr(c, e, "eId", S_printf(c, "evt_%zu", i + 1));
			S_attr(c, e, "date", c->events.items[i].date);
			S_attr(c, e, "source", S_printf(c, "#ro_%zu", i + 1));
			S_attr(c, e, "type", i == 0 ? "generation" : "amendment");
		}
	}

	S_analysis(c, meta, first_dec_event, ndec);

	xmlNodePtr refs = S_el(c, meta, "references");
	S_attr(c, refs, "source", "#tiao");
	for (size_t i = 0; i < c->events.len; i++) {
		const S_event *ev = &c->events.items[i];
		xmlNodePtr r;
		if (i == 0) {
			r = S_el(c, refs, "original");
			S_attr(c, r, "eId", "ro_1");
			S_attr(c, r, "href", S_printf(c, "%s/zho@%s", c->work_uri, ev->date));
		} else {
			r = S_el(c, refs, "passiveRef");
			S_attr(c, r, "eId", S_printf(c, "ro_%zu", i + 1));
			const char *dn = S_event_doc_name(c, ev->text);
			const tiao_decision *dec = S_event_decision(c, i, first_dec_event);
			if (dec && dec->title && *dec->title)
				dn = S_uri_name(c, dec->title);
			S_attr(c, r, "href",
			       dn ? S_printf(c, "/akn/cn/act/%s/%s", ev->date, dn)
			          : S_printf(c, "/akn/cn/act/%s/amendment_%zu", ev->date, i));
		}
		const tiao_decision *dec = S_event_decision(c, i, first_dec_event);
		const char *show = ev->text && *ev->text ? ev->text
		                   : dec && dec->title && *dec->title ? dec->title
		                   : i == 0 ? "adoption" : "amendment";
		S_attr(c, r, "showAs", show);
	}
	xmlNodePtr o = S_el(c, refs, "TLCOrganization");
	S_attr(c, o, "eId", "author");
	S_attr(c, o, "href", "/ontology/organization/cn/legislator");
	const char *author = S_author(c);
	S_attr(c, o, "showAs", author ? author : "legislator");
	o = S_el(c, refs, "TLCOrganization");
	S_attr(c, o, "eId", "tiao");
	S_attr(c, o, "href", "/ontology/organization/tiao");
	S_attr(c, o, "showAs", "tiao " TIAO_VERSION);

	/* preface: the title and the 题注 */
	xmlNodePtr pre = S_el(c, act, "preface");
	xmlNodePtr tp = S_el(c, pre, "p");
	S_attr(c, tp, "class", "title");
	S_el_text(c, tp, "docTitle", d->title ? d->title : "");
	for (size_t i = 0; i < d->nnotes; i++) {
		xmlNodePtr np = S_el_text(c, pre, "p", d->notes[i]);
		S_attr(c, np, "class", "note");
	}

	if (d->ntoc)
		S_toc(c, pre);

	if (d->npreamble) {
		xmlNodePtr pa = S_el(c, act, "preamble");
		for (size_t i = 0; i < d->npreamble; i++)
			S_text_refs(c, S_el(c, pa, "p"), d->preamble[i], NULL);
	}

	xmlNodePtr body = S_el(c, act, "body");
	S_attr(c, body, "eId", "body");
	S_body(c, body);
	if (body && !body->children) {
		/* the schema wants at least one provision */
		xmlNodePtr h = S_el(c, body, "hcontainer");
		S_attr(c, h, "name", "empty");
		S_attr(c, h, "eId", "hcontainer_1");
		S_el(c, S_el(c, h, "content"), "p");
	}
	if (c->oom) {
		xmlFreeDoc(x);
		c->x = NULL;
		return TIAO_ENOMEM;
	}
	*out = x;
	return 0;
}

static int S_render(tiao_buf *out, const tiao_doc *doc, const tiao_result *res)
{
	if (!out || !doc || !doc->root)
		return TIAO_EINVALID;
	S_ctx c;
	memset(&c, 0, sizeof c);
	c.doc = doc;
	c.res = res;
	xmlDocPtr x = NULL;
	int rc = S_build(&c, &x);
	if (rc == 0) {
		xmlChar *mem = NULL;
		int size = 0;
		xmlDocDumpFormatMemoryEnc(x, &mem, &size, "UTF-8", 1);
		if (!mem) {
			rc = TIAO_ENOMEM;
		} else {
			tiao_buf_put(out, mem, (size_t)size);
			xmlFree(mem);
			if (out->failed)
				rc = TIAO_ENOMEM;
		}
		xmlFreeDoc(x);
	}
	free(c.eids.slots);
	free(c.used.slots);
	free(c.arts.slots);
	TIAO_VEC_FREE(&c.events);
	tiao_arena_free(&c.arena);
	return rc;
}

int tiao_render_akn(tiao_buf *out, const tiao_doc *doc)
{
	return S_render(out, doc, NULL);
}

int tiao_render_result_akn(tiao_buf *out, const tiao_result *r)
{
	if (!r)
		return TIAO_EINVALID;
	return S_render(out, r->doc, r);
}
