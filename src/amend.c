/*
 * amend.c — the amendment engine.
 *
 * Applies a parsed decision (decision.h) to a copy of a regulation tree, following
 * /work/shared/notes/amendment-semantics.md:
 *
 *  1. Resolve.  Every target address names a provision of the BASE text (§2.1). All of them are
 *     resolved to node pointers before anything changes; nodes are arena-owned and never move, so
 *     a pointer stays a valid identity for the provision whatever happens around it.
 *  2. Apply.    Instructions run in decision order. Deletions and replacements act at once (on the
 *     resolved nodes); insertions whose position is stated in RESULT numbering (§2.2) — new
 *     articles, moved or split-out or merged articles, new paragraphs and items — are queued.
 *  3. Place.    Queued articles are placed in ascending order of their result position in one
 *     pass over the article sequence (so the k-th placement sees the k-1 earlier ones); then
 *     paragraphs within their article, then items within their paragraph. Articles whose result
 *     number the decision states (将第X条改为第Y条) are placed at that number too, the others
 *     filling the remaining positions in base order: when the stated numbers agree with the
 *     natural order nothing moves; when they imply a reordering, the official consolidations
 *     follow them (监督法 2024, 慈善法 2023, 消耗臭氧层物质管理条例 2023), and tiao says so in a
 *     note. At a chapter boundary a new article joins the chapter of the article before it
 *     (§2.2), unless the position names the chapter or the decision's preceding instruction
 *     addressed the following chapter (监督法 2024: 将第三章章名修改为… then 增加一条，作为第十八条).
 *  4. Renumber  (when the decision orders it, or articles were added or removed; a 修正案 never
 *     does): articles continuously, 章/节 within their parent (章 across 编 when the base numbers
 *     them so, 民事诉讼法); items within every paragraph whose items changed.
 *  5. Check     stated renumberings (将第X条改为第Y条, 第三款改为第四款, 第六项改为第七项) against
 *     the computed numbers (§2.3): out of range or two provisions at one number is an error.
 *  6. Rewrite   carried-over cross-references through the old→new map (§5.3), warning about
 *     references to deleted provisions (§5.4); quoted text (TIAO_NF_QUOTED) is never touched, nor
 *     the exact byte spans of decision text put into carried-over text (pspan). Relative references
 *     (前款, 前两款, 前条, 本条第Y款) are kept while they name the same provisions and otherwise
 *     become the explicit form (S_rewrite_relative); what cannot be followed exactly warns.
 *     Decision text naming an article the result lacks warns too (S_check_new_refs).
 *  7. 题注      add the amendment line in the style of the existing lines (§5.5).
 *
 * Linear time: articles are indexed by (number, sub) once; an instruction touches only its
 * targets, except substitutions over the whole text.
 */
#include "amend.h"

#include "gazette.h"
#include "numeral.h"
#include "parse.h"
#include "render.h"
#include "text.h"
#include "xref.h"

#include <stdlib.h>

#define NF_GONE (1u << 8)     /* removed together with a replaced ancestor */
#define NF_ITEMS (1u << 9)    /* paragraph whose items changed: renumber them */
#define NF_CLAIMED (1u << 10) /* replaced/deleted by an instruction */
#define NF_SOLE (1u << 11)    /* the one paragraph that replaces one base paragraph */

typedef struct art_entry {
	int num, sub;
	tiao_node *node;
	tiao_node *succ;   /* merged/split into this article (for the old→new map) */
	tiao_node **paras; /* the article's paragraphs in the base text */
	size_t nparas;
	long del_instr;    /* instruction that deleted it, or -1 */
	long split_instr;  /* instruction that moved some of its paragraphs/items into a new
	                    * article while the article stays, or -1 */
} art_entry;

typedef struct placement {
	tiao_node *node;   /* article / paragraph / item to place */
	tiao_node *scope;  /* paragraphs: the article; items: the paragraph */
	int pos, pos_sub;  /* result position (article number / paragraph / item position) */
	int chapter;       /* wanted chapter number (0 = any) */
	size_t seq;        /* decision order, for stable sorting */
	size_t instr;      /* index of the instruction */
	int rart, rsub, rpara; /* scope named in RESULT numbering, resolved after articles are placed */
	tiao_node *div;    /* a division inserted by the same decision item that receives it */
	tiao_node *home;   /* division an article pinned by its stated number came from */
	bool stated;       /* pinned by a stated number (将第X条改为第Y条) */
} placement;

typedef struct subst_hist {
	const char *old, *new_;
} subst_hist;

struct stated_check {
	tiao_node *node;
	int num, sub;      /* expected article number, or item/paragraph position */
	size_t instr;
};

struct protect {
	tiao_node *node;
	const char *text;
};

/* A byte span of a node's text that holds decision text (a substitution's or insertion's new
 * phrase): already in result numbering (§2.4), never rewritten. Spans are kept exact through later
 * edits of the same text (S_spans_edit); the spans of one node are chained through next. */
typedef struct pspan {
	tiao_node *node;
	size_t st, en;
	long next;
} pspan;

/* one replacement made in a text: old bytes [ost, oen) became new bytes [nst, nen) */
typedef struct text_edit {
	size_t ost, oen, nst, nen;
	bool decision; /* the new bytes are decision text */
} text_edit;

typedef struct change_node {
	tiao_node *node;
	size_t instr;
} change_node;

/* occurrences a phrase operation over a text wider than one article found in one article (or in
 * one division heading): amendment-semantics §3 wants the count per article */
typedef struct art_count {
	tiao_node *node; /* the article, or the division whose heading held the phrase */
	int n;
} art_count;

typedef struct amend_ctx {
	tiao_result *res;
	tiao_doc *doc;
	const tiao_decision *dec;
	int dec_index;
	const char *file;
	tiao_diag_cb cb;
	void *payload;
	tiao_diag_cb trace;
	void *tpayload;
	int keep_going;
	int first_err;
	tiao_error *err;

	art_entry *arts;
	size_t narts;
	tiao_node **para_store;
	tiao_node ***resolved; /* per instruction: its targets, resolved on the base tree */
	TIAO_VEC(struct stated_check) checks;

	TIAO_VEC(placement) aplace;
	TIAO_VEC(placement) pplace;
	TIAO_VEC(placement) iplace;
	TIAO_VEC(subst_hist) hist;
	TIAO_VEC(change_node) cnodes;
	TIAO_VEC(change_node) claims; /* node → the instruction that replaced/deleted it */
	TIAO_VEC(art_count) per_art;  /* counts per article of the current wide phrase operation */
	size_t seq;
	int ctx_art, ctx_sub;    /* the article named by the clause before (for a bare 第Y款) */
	bool chapters_continuous; /* the base numbers chapters across parts (民事诉讼法) */
	TIAO_VEC(pspan) spans;            /* decision text put into carried-over text */
	tiao_node **sh_keys;              /* node → its first span (open addressing) */
	long *sh_head;
	size_t sh_cap, sh_len;
	TIAO_VEC(struct protect) psucc;   /* replaced base paragraph → its successor (in .text) */
	TIAO_VEC(struct protect) pown;    /* base paragraph → index of its article entry */
	size_t cur;              /* the instruction being applied */
	bool following;          /* its phrase was followed through an earlier substitution (§4) */
	bool overlap_warned;     /* the overlap warning was given for the current instruction */
	tiao_node *open_div;     /* division inserted by the current decision item */
	const char *open_label;  /* … and the label of that item */
	bool structure_changed;
	bool stop;
} amend_ctx;

/* ------------------------------------------------------------------------------------------ */
/* diagnostics                                                                                 */

static const char *S_instr_name(const tiao_instr *in, char *buf, size_t cap)
{
	const char *cl = in->clause ? in->clause : "";
	/* the clause up to its quote, at most ~40 characters */
	size_t n = 0, chars = 0;
	size_t len = strlen(cl);
	bool cut = false;
	while (n < len) {
		size_t at = n;
		uint32_t cp = tiao_utf8_next(cl, len, &n);
		if (cp == 0xFF1A || cp == ':' || cp == 0x3002) {
			n = at; /* up to the colon (a quote follows) or the full stop, excluded */
			break;
		}
		if (++chars > 48) {
			n = at;
			cut = n < len;
			break;
		}
	}
	snprintf(buf, cap, "%s%s%.*s%s", in->label ? in->label : "", in->label ? " " : "", (int)n, cl,
	         cut ? "…" : "");
	return buf;
}

static void S_diag(amend_ctx *c, tiao_severity sev, const char *check, size_t line, size_t col,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void S_diag(amend_ctx *c, tiao_severity sev, const char *check, size_t line, size_t col,
                   const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->cb) {
		tiao_diag d = { sev, check, msg, c->file, line, col };
		c->cb(&d, c->payload);
	}
}

/* Report a failing instruction. */
static int S_fail(amend_ctx *c, const tiao_instr *in, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int S_fail(amend_ctx *c, const tiao_instr *in, int code, const char *fmt, ...)
{
	char msg[768], name[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	S_instr_name(in, name, sizeof name);
	S_diag(c, TIAO_ERRORSEV, "amend", in->line, in->col, "%s: %s", name, msg);
	if (!c->first_err) {
		c->first_err = code;
		if (c->err) {
			tiao_error_set(c->err, code, c->file, in->line, in->col, "%s: %s", name, msg);
		}
	}
	if (!c->keep_going)
		c->stop = true;
	return code;
}

static void S_tracef(amend_ctx *c, const tiao_instr *in, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void S_tracef(amend_ctx *c, const tiao_instr *in, const char *fmt, ...)
{
	if (!c->trace)
		return;
	char msg[768], name[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char full[1100];
	if (in)
		snprintf(full, sizeof full, "%s %s", S_instr_name(in, name, sizeof name), msg);
	else
		snprintf(full, sizeof full, "%s", msg);
	tiao_diag d = { TIAO_NOTE, "trace", full, c->file, in ? in->line : 0, in ? in->col : 0 };
	c->trace(&d, c->tpayload);
}

/* Address → "第十条第二款第（三）项" */
static void S_addr_str(tiao_buf *b, const tiao_addr *a)
{
	switch (a->at) {
	case TIAO_AT_DOCUMENT:
		tiao_buf_puts(b, "全文");
		return;
	case TIAO_AT_PART:
		tiao_label_write(b, 0x7F16 /* 编 */, a->part, 0);
		return;
	case TIAO_AT_SUBPART:
		tiao_buf_puts(b, "分编");
		return;
	case TIAO_AT_CHAPTER:
		if (a->part)
			tiao_label_write(b, 0x7F16, a->part, 0);
		tiao_label_write(b, 0x7AE0 /* 章 */, a->chapter, 0);
		return;
	case TIAO_AT_SECTION:
		if (a->chapter)
			tiao_label_write(b, 0x7AE0, a->chapter, 0);
		tiao_label_write(b, 0x8282 /* 节 */, a->section, 0);
		return;
	default:
		break;
	}
	if (a->art)
		tiao_label_write(b, 0x6761 /* 条 */, a->art, a->art_sub);
	if (a->para)
		tiao_label_write(b, 0x6B3E /* 款 */, a->para, 0);
	if (a->at == TIAO_AT_LEADIN)
		tiao_buf_puts(b, "第一自然段");
	if (a->item) {
		tiao_buf_puts(b, "第");
		tiao_item_label_write(b, a->item);
		tiao_buf_puts(b, "项");
	}
	if (a->subitem) {
		tiao_buf_printf(b, "第%d目", a->subitem);
	}
}

static const char *S_addr_cstr(tiao_buf *b, const tiao_addr *a)
{
	tiao_buf_clear(b);
	S_addr_str(b, a);
	const char *s = tiao_buf_cstr(b);
	return s ? s : "?";
}

/* ------------------------------------------------------------------------------------------ */
/* tree helpers                                                                                */

static bool S_in_tree(amend_ctx *c, const tiao_node *n);
static tiao_node *S_div_of(tiao_node *n);

static bool S_is_div(const tiao_node *n)
{
	return n->kind >= TIAO_NODE_FIRST_DIVISION && n->kind <= TIAO_NODE_LAST_DIVISION;
}

/* preorder successor within root's subtree */
static tiao_node *S_next_pre(tiao_node *n, const tiao_node *root)
{
	if (n->first)
		return n->first;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* preorder successor that skips n's subtree */
static tiao_node *S_next_skip(tiao_node *n, const tiao_node *root)
{
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

static tiao_node *S_article_of(tiao_node *n)
{
	while (n && n->kind != TIAO_NODE_ARTICLE)
		n = n->parent;
	return n;
}

static int S_child_index(const tiao_node *n)
{
	int k = 1;
	for (const tiao_node *p = n->prev; p; p = p->prev)
		if (p->kind == n->kind)
			k++;
	return k;
}

static tiao_node *S_nth_child(tiao_node *parent, tiao_node_kind kind, int k)
{
	int i = 0;
	for (tiao_node *c = parent->first; c; c = c->next)
		if (c->kind == kind && ++i == k)
			return c;
	return NULL;
}

static const char *S_bufdup(amend_ctx *c, tiao_buf *b)
{
	const char *s = tiao_buf_cstr(b);
	if (!s)
		return NULL;
	return tiao_doc_strdup(c->doc, s, b->len);
}

static const char *S_label(amend_ctx *c, uint32_t kind, int num, int sub)
{
	tiao_buf b = TIAO_BUF_INIT;
	tiao_label_write(&b, kind, num, sub);
	const char *s = S_bufdup(c, &b);
	tiao_buf_free(&b);
	return s;
}

static const char *S_item_label(amend_ctx *c, int num)
{
	tiao_buf b = TIAO_BUF_INIT;
	tiao_item_label_write(&b, num);
	const char *s = S_bufdup(c, &b);
	tiao_buf_free(&b);
	return s;
}

/* Replace nested ‘’ by “” (quoted text in a decision, §4). */
static const char *S_fix_quotes(amend_ctx *c, const char *s)
{
	if (!s)
		return NULL;
	size_t napos = 0;
	for (const char *p = s; *p; p++)
		if (*p == '\'')
			napos++;
	if (!strstr(s, "\xE2\x80\x98") && !strstr(s, "\xE2\x80\x99") && (!napos || napos % 2))
		return tiao_doc_strdup(c->doc, s, strlen(s));
	tiao_buf b = TIAO_BUF_INIT;
	size_t len = strlen(s), i = 0;
	bool open = true;
	while (i < len) {
		size_t at = i;
		uint32_t cp = tiao_utf8_next(s, len, &i);
		if (cp == 0x2018)
			tiao_buf_put_cp(&b, 0x201C);
		else if (cp == 0x2019)
			tiao_buf_put_cp(&b, 0x201D);
		else if (cp == '\'' && napos % 2 == 0) {
			/* straight quotes of a database copy: nested quotes, alternately opening/closing */
			tiao_buf_put_cp(&b, open ? 0x201C : 0x201D);
			open = !open;
		}
		else
			tiao_buf_put(&b, s + at, i - at);
	}
	const char *r = S_bufdup(c, &b);
	tiao_buf_free(&b);
	return r;
}

/* ------------------------------------------------------------------------------------------ */
/* index and resolution                                                                        */

static int S_art_cmp(const void *a, const void *b)
{
	const art_entry *x = a, *y = b;
	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	return x->sub < y->sub ? -1 : x->sub > y->sub;
}

static int S_index(amend_ctx *c)
{
	size_t n = 0;
	for (tiao_node *a = tiao_doc_first_article(c->doc); a; a = tiao_article_next(a))
		n++;
	c->arts = calloc(n ? n : 1, sizeof *c->arts);
	if (!c->arts)
		return TIAO_ENOMEM;
	size_t i = 0;
	for (tiao_node *a = tiao_doc_first_article(c->doc); a; a = tiao_article_next(a)) {
		c->arts[i].num = a->num;
		c->arts[i].sub = a->sub;
		c->arts[i].node = a;
		i++;
	}
	c->narts = n;
	qsort(c->arts, n, sizeof *c->arts, S_art_cmp);
	size_t np = 0;
	for (size_t k = 0; k < n; k++) {
		c->arts[k].del_instr = -1;
		c->arts[k].split_instr = -1;
		np += tiao_node_child_count(c->arts[k].node);
	}
	c->para_store = calloc(np ? np : 1, sizeof *c->para_store);
	if (!c->para_store)
		return TIAO_ENOMEM;
	np = 0;
	for (size_t k = 0; k < n; k++) {
		c->arts[k].paras = c->para_store + np;
		for (tiao_node *p = c->arts[k].node->first; p; p = p->next)
			if (p->kind == TIAO_NODE_PARAGRAPH)
				c->arts[k].paras[c->arts[k].nparas++] = p;
		np += c->arts[k].nparas;
	}
	/* chapters numbered across parts in the base (民事诉讼法)? */
	for (tiao_node *x = c->doc->root->first; x;) {
		if (x->kind == TIAO_NODE_ARTICLE || x->kind == TIAO_NODE_APPENDIX) {
			x = S_next_skip(x, c->doc->root);
			continue;
		}
		if (x->kind == TIAO_NODE_CHAPTER && x->parent &&
		    (x->parent->kind == TIAO_NODE_PART || x->parent->kind == TIAO_NODE_SUBPART) &&
		    x->num != S_child_index(x))
			c->chapters_continuous = true;
		x = S_next_pre(x, c->doc->root);
	}
	/* identity in the base text */
	for (tiao_node *x = c->doc->root; x; x = S_next_pre(x, c->doc->root)) {
		if (x->flags & TIAO_NF_NEW)
			continue;
		x->base_num = x->kind == TIAO_NODE_PARAGRAPH ? S_child_index(x) : x->num;
		x->base_sub = x->sub;
	}
	return 0;
}

static art_entry *S_find_entry(amend_ctx *c, int num, int sub)
{
	art_entry key;
	memset(&key, 0, sizeof key);
	key.num = num;
	key.sub = sub;
	return bsearch(&key, c->arts, c->narts, sizeof *c->arts, S_art_cmp);
}

static tiao_node *S_find_art(amend_ctx *c, int num, int sub)
{
	art_entry *e = S_find_entry(c, num, sub);
	return e ? e->node : NULL;
}

/* Find a division by its base number: chapter (within part if given), section (within chapter
 * if given), part. Divisions are few; article subtrees are skipped. */
static tiao_node *S_find_div(amend_ctx *c, const tiao_addr *a)
{
	tiao_node_kind kind = a->at == TIAO_AT_PART      ? TIAO_NODE_PART
	                      : a->at == TIAO_AT_SUBPART ? TIAO_NODE_SUBPART
	                      : a->at == TIAO_AT_CHAPTER ? TIAO_NODE_CHAPTER
	                                                 : TIAO_NODE_SECTION;
	int want = a->at == TIAO_AT_PART      ? a->part
	           : a->at == TIAO_AT_CHAPTER ? a->chapter
	           : a->at == TIAO_AT_SECTION ? a->section
	                                      : 0;
	tiao_node *root = c->doc->root;
	for (tiao_node *x = root->first; x;) {
		if (x->kind == TIAO_NODE_ARTICLE || x->kind == TIAO_NODE_APPENDIX) {
			x = S_next_skip(x, root);
			continue;
		}
		if (x->kind == kind && x->base_num == want && !(x->flags & TIAO_NF_NEW)) {
			bool ok = true;
			if (kind == TIAO_NODE_CHAPTER && a->part) {
				tiao_node *p = x->parent;
				while (p && p->kind != TIAO_NODE_PART)
					p = p->parent;
				ok = p && p->base_num == a->part;
			}
			if (kind == TIAO_NODE_SECTION && a->chapter) {
				tiao_node *p = x->parent;
				ok = p && p->kind == TIAO_NODE_CHAPTER && p->base_num == a->chapter;
			}
			if (ok)
				return x;
		}
		x = S_next_pre(x, root);
	}
	return NULL;
}

/* The paragraph of art that holds item number item (0: the first paragraph with items). */
static tiao_node *S_para_with_items(tiao_node *art, int item)
{
	for (tiao_node *p = art->first; p; p = p->next) {
		if (p->kind != TIAO_NODE_PARAGRAPH || !p->first)
			continue;
		if (!item)
			return p;
		for (tiao_node *i = p->first; i; i = i->next)
			if (i->base_num == item)
				return p;
	}
	return NULL;
}

/* Resolve an address in base numbering to a node. On failure writes a reason to why. */
static tiao_node *S_resolve(amend_ctx *c, const tiao_addr *a, char *why, size_t cap)
{
	tiao_buf b = TIAO_BUF_INIT;
	tiao_node *n = NULL;
	switch (a->at) {
	case TIAO_AT_DOCUMENT:
		n = c->doc->root;
		break;
	case TIAO_AT_PART:
	case TIAO_AT_SUBPART:
	case TIAO_AT_CHAPTER:
	case TIAO_AT_SECTION:
		n = S_find_div(c, a);
		if (!n)
			snprintf(why, cap, "the base text has no %s", S_addr_cstr(&b, a));
		break;
	case TIAO_AT_ARTICLE:
	case TIAO_AT_PARAGRAPH:
	case TIAO_AT_LEADIN:
	case TIAO_AT_ITEM:
	case TIAO_AT_SUBITEM: {
		tiao_node *art = S_find_art(c, a->art, a->art_sub);
		if (!art) {
			tiao_addr t;
			memset(&t, 0, sizeof t);
			t.at = TIAO_AT_ARTICLE;
			t.art = a->art;
			t.art_sub = a->art_sub;
			snprintf(why, cap, "the base text has no %s", S_addr_cstr(&b, &t));
			break;
		}
		if (a->at == TIAO_AT_ARTICLE) {
			n = art;
			break;
		}
		tiao_node *para = NULL;
		if (a->para) {
			para = NULL;
			for (tiao_node *p = art->first; p; p = p->next)
				if (p->kind == TIAO_NODE_PARAGRAPH && p->base_num == a->para &&
				    !(p->flags & TIAO_NF_NEW))
					para = p;
			if (!para) {
				tiao_addr t = *a;
				t.at = TIAO_AT_PARAGRAPH;
				t.item = t.subitem = 0;
				snprintf(why, cap, "the base text has no %s (%s has %zu paragraphs)",
				         S_addr_cstr(&b, &t), art->label ? art->label : "the article",
				         tiao_node_child_count(art));
				break;
			}
		} else if (a->at == TIAO_AT_ITEM || a->at == TIAO_AT_SUBITEM) {
			para = S_para_with_items(art, a->item);
		} else {
			para = S_nth_child(art, TIAO_NODE_PARAGRAPH, 1);
		}
		if (a->at == TIAO_AT_PARAGRAPH || a->at == TIAO_AT_LEADIN) {
			n = para;
			break;
		}
		tiao_node *item = NULL;
		if (para)
			for (tiao_node *i = para->first; i; i = i->next)
				if (i->base_num == a->item && !(i->flags & TIAO_NF_NEW))
					item = i;
		if (!item) {
			tiao_addr t = *a;
			t.at = TIAO_AT_ITEM;
			t.subitem = 0;
			snprintf(why, cap, "the base text has no %s", S_addr_cstr(&b, &t));
			break;
		}
		if (a->at == TIAO_AT_ITEM) {
			n = item;
			break;
		}
		for (tiao_node *s = item->first; s; s = s->next)
			if (s->base_num == a->subitem)
				n = s;
		if (!n)
			snprintf(why, cap, "the base text has no %s", S_addr_cstr(&b, a));
		break;
	}
	default:
		snprintf(why, cap, "no target");
		break;
	}
	tiao_buf_free(&b);
	return n;
}

/* ------------------------------------------------------------------------------------------ */
/* building nodes from quotes                                                                  */

static size_t S_skip_space(const char *s, size_t len, size_t i)
{
	while (i < len) {
		size_t j = i;
		uint32_t cp = tiao_utf8_next(s, len, &j);
		if (!tiao_cp_is_space(cp))
			break;
		i = j;
	}
	return i;
}

/* If s starts with an article label followed by a space (第十条　…), return 1 and its parts. */
static int S_read_art_label(const char *s, long *num, long *sub, size_t *body)
{
	size_t len = strlen(s), used = 0;
	if (!tiao_label_read(s, len, 0x6761, num, sub, &used))
		return 0;
	size_t j = used;
	if (j < len) {
		size_t k = j;
		uint32_t cp = tiao_utf8_next(s, len, &k);
		if (!tiao_cp_is_space(cp))
			return 0;
	}
	*body = S_skip_space(s, len, j);
	return 1;
}

/* Append quoted paragraphs to container (an article, or a scratch article for items). Paragraphs
 * starting with an item label become items of the preceding paragraph (or of a new empty one),
 * those starting with a sub-item label after an item become sub-items. */
static int S_build_paras(amend_ctx *c, tiao_node *art, const char **paras, size_t n, bool items_only)
{
	tiao_node *lastp = NULL, *lasti = NULL;
	for (size_t k = 0; k < n; k++) {
		const char *t = S_fix_quotes(c, paras[k]);
		if (!t)
			return TIAO_ENOMEM;
		size_t len = strlen(t), used = 0;
		long num = 0;
		size_t st = S_skip_space(t, len, 0);
		if (tiao_item_label_read(t + st, len - st, &num, &used)) {
			tiao_node *it = tiao_node_new(c->doc, TIAO_NODE_ITEM);
			if (!it)
				return TIAO_ENOMEM;
			it->num = (int)num;
			it->label = tiao_doc_strdup(c->doc, t + st, used);
			it->text = t + S_skip_space(t, len, st + used);
			it->flags = TIAO_NF_NEW | TIAO_NF_QUOTED | TIAO_NF_MODIFIED;
			if (!lastp) {
				lastp = tiao_node_new(c->doc, TIAO_NODE_PARAGRAPH);
				if (!lastp)
					return TIAO_ENOMEM;
				lastp->text = "";
				lastp->flags = TIAO_NF_NEW | TIAO_NF_QUOTED | TIAO_NF_MODIFIED;
				tiao_node_append(art, lastp);
			}
			tiao_node_append(lastp, it);
			lasti = it;
			continue;
		}
		if (lasti && tiao_subitem_label_read(t + st, len - st, &num, &used)) {
			tiao_node *si = tiao_node_new(c->doc, TIAO_NODE_SUBITEM);
			if (!si)
				return TIAO_ENOMEM;
			si->num = (int)num;
			si->label = tiao_doc_strdup(c->doc, t + st, used);
			si->text = t + S_skip_space(t, len, st + used);
			si->flags = TIAO_NF_NEW | TIAO_NF_QUOTED | TIAO_NF_MODIFIED;
			tiao_node_append(lasti, si);
			continue;
		}
		if (items_only && lasti) {
			/* an unlabelled item in an item-level quote */
		}
		tiao_node *p = tiao_node_new(c->doc, items_only ? TIAO_NODE_ITEM : TIAO_NODE_PARAGRAPH);
		if (!p)
			return TIAO_ENOMEM;
		p->text = t + st;
		p->flags = TIAO_NF_NEW | TIAO_NF_QUOTED | TIAO_NF_MODIFIED;
		if (items_only) {
			if (!lastp) {
				lastp = tiao_node_new(c->doc, TIAO_NODE_PARAGRAPH);
				if (!lastp)
					return TIAO_ENOMEM;
				lastp->text = "";
				tiao_node_append(art, lastp);
			}
			tiao_node_append(lastp, p);
			lasti = p;
		} else {
			tiao_node_append(art, p);
			lastp = p;
			lasti = NULL;
		}
	}
	return 0;
}

/* Split a quote into article groups when its paragraphs carry article labels. Returns the number
 * of groups (0 if the first paragraph has no label); starts[] receive the group starts. */
static size_t S_quote_articles(const tiao_quote *q, size_t *starts, long *nums, long *subs,
                               size_t cap)
{
	size_t g = 0;
	for (size_t k = 0; k < q->n; k++) {
		long num, sub;
		size_t body;
		if (S_read_art_label(q->paras[k], &num, &sub, &body)) {
			if (g < cap) {
				starts[g] = k;
				nums[g] = num;
				subs[g] = sub;
			}
			g++;
		} else if (k == 0) {
			return 0;
		}
	}
	return g;
}

/* New article numbered (num, sub) holding quote paragraphs [from, to). */
static tiao_node *S_new_article(amend_ctx *c, const tiao_quote *q, size_t from, size_t to, int num,
                                int sub, bool strip_label)
{
	tiao_node *a = tiao_node_new(c->doc, TIAO_NODE_ARTICLE);
	if (!a)
		return NULL;
	a->num = num;
	a->sub = sub;
	a->label = S_label(c, 0x6761, num, sub);
	a->flags = TIAO_NF_NEW | TIAO_NF_QUOTED | TIAO_NF_MODIFIED;
	const char **ps = malloc((to - from + 1) * sizeof *ps);
	if (!ps)
		return NULL;
	for (size_t k = from; k < to; k++)
		ps[k - from] = q->paras[k];
	if (strip_label && to > from) {
		long n2, s2;
		size_t body;
		if (S_read_art_label(ps[0], &n2, &s2, &body))
			ps[0] += body;
	}
	int rc = S_build_paras(c, a, ps, to - from, false);
	free(ps);
	if (rc)
		return NULL;
	if (!a->first) {
		tiao_node *p = tiao_node_new(c->doc, TIAO_NODE_PARAGRAPH);
		if (!p)
			return NULL;
		p->text = "";
		tiao_node_append(a, p);
	}
	return a;
}

/* ------------------------------------------------------------------------------------------ */
/* change records                                                                              */

static void S_change(amend_ctx *c, size_t ii, const char *what, const tiao_addr *target,
                     tiao_node *node, int count)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	tiao_change ch;
	memset(&ch, 0, sizeof ch);
	ch.label = in->label;
	ch.line = in->line;
	ch.col = in->col;
	ch.op = in->op;
	ch.what = what;
	if (target)
		ch.target = *target;
	ch.count = count;
	ch.decision_index = c->dec_index;
	if (TIAO_VEC_PUSH(&c->res->changes, ch) == 0) {
		change_node cn = { node, ii };
		TIAO_VEC_PUSH(&c->cnodes, cn);
	}
}

/* ------------------------------------------------------------------------------------------ */
/* conflict bookkeeping                                                                        */

static bool S_claim(amend_ctx *c, const tiao_instr *in, tiao_node *n)
{
	if (n->flags & (TIAO_NF_DELETED | NF_CLAIMED)) {
		const tiao_instr *by = NULL;
		for (size_t k = 0; k < c->claims.len; k++)
			if (c->claims.items[k].node == n)
				by = &c->dec->instrs[c->claims.items[k].instr];
		char who[160] = "an earlier instruction";
		if (by)
			snprintf(who, sizeof who, "%s (line %zu)", by->label ? by->label : "?", by->line);
		const char *what = n->label;
		char pbuf[64];
		if (!what && n->kind == TIAO_NODE_PARAGRAPH) {
			snprintf(pbuf, sizeof pbuf, "the paragraph");
			what = pbuf;
		}
		S_fail(c, in, TIAO_ECONFLICT, "%s was already %s by %s", what ? what : "the provision",
		       (n->flags & TIAO_NF_DELETED) ? "deleted" : "replaced", who);
		return false;
	}
	{
		change_node cl = { n, (size_t)(in - c->dec->instrs) };
		TIAO_VEC_PUSH(&c->claims, cl);
	}
	if (n->flags & NF_GONE) {
		S_fail(c, in, TIAO_ECONFLICT,
		       "the provision was replaced as part of its article by an earlier instruction");
		return false;
	}
	n->flags |= NF_CLAIMED;
	return true;
}

static void S_mark_gone(tiao_node *n)
{
	for (tiao_node *x = n->first; x; x = S_next_pre(x, n))
		x->flags |= NF_GONE;
}

static void S_delete_node(amend_ctx *c, tiao_node *n)
{
	n->flags |= TIAO_NF_DELETED;
	S_mark_gone(n);
	if (n->parent && (n->kind == TIAO_NODE_ITEM || n->kind == TIAO_NODE_SUBITEM))
		n->parent->flags |= NF_ITEMS;
	if (n->kind == TIAO_NODE_ARTICLE || S_is_div(n))
		c->structure_changed = true;
	/* a deleted division takes its articles with it */
	for (tiao_node *x = n->first; x; x = S_next_pre(x, n))
		if (x->kind == TIAO_NODE_ARTICLE)
			x->flags |= TIAO_NF_DELETED;
	tiao_node *parent = n->parent;
	tiao_node_unlink(n);
	/* an article must keep a paragraph */
	if (parent && parent->kind == TIAO_NODE_ARTICLE && !parent->first) {
		tiao_node *p = tiao_node_new(c->doc, TIAO_NODE_PARAGRAPH);
		if (p) {
			p->text = "";
			p->flags = TIAO_NF_NEW;
			tiao_node_append(parent, p);
		}
	}
}

/* ------------------------------------------------------------------------------------------ */
/* phrase operations                                                                           */

static uint32_t S_cp_before(const char *s, size_t at)
{
	while (at > 0) {
		size_t i = at;
		uint32_t cp = tiao_utf8_prev(s, &i);
		if (!tiao_cp_is_space(cp))
			return cp;
		at = i;
	}
	return 0;
}

static uint32_t S_cp_after(const char *s, size_t len, size_t at, size_t *next)
{
	size_t i = at;
	while (i < len) {
		size_t j = i;
		uint32_t cp = tiao_utf8_next(s, len, &j);
		if (!tiao_cp_is_space(cp)) {
			if (next)
				*next = j;
			return cp;
		}
		i = j;
	}
	if (next)
		*next = len;
	return 0;
}

static bool S_is_comma(uint32_t cp) { return cp == 0xFF0C || cp == ','; }
static bool S_is_semi(uint32_t cp) { return cp == 0xFF1B || cp == ';'; }
static bool S_is_colon(uint32_t cp) { return cp == 0xFF1A || cp == ':'; }
static bool S_is_period(uint32_t cp) { return cp == 0x3002 || cp == '.' || cp == 0xFF0E; }
static bool S_is_dun(uint32_t cp) { return cp == 0x3001; }
static bool S_is_mark(uint32_t cp)
{
	return S_is_comma(cp) || S_is_semi(cp) || S_is_colon(cp) || S_is_period(cp) || S_is_dun(cp);
}

static bool S_starts_with(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }
static bool S_ends_with(const char *s, const char *p)
{
	size_t a = strlen(s), b = strlen(p);
	return a >= b && memcmp(s + a - b, p, b) == 0;
}

static const char *const S_conj[] = { "和", "或者", "及", "以及", "与" };

static bool S_starts_conj(const char *s)
{
	for (size_t i = 0; i < TIAO_ARRAY_LEN(S_conj); i++)
		if (S_starts_with(s, S_conj[i]))
			return true;
	return false;
}

static bool S_ends_conj(const char *s)
{
	for (size_t i = 0; i < TIAO_ARRAY_LEN(S_conj); i++)
		if (S_ends_with(s, S_conj[i]))
			return true;
	return false;
}

static uint32_t S_first_cp(const char *s)
{
	size_t i = 0;
	return *s ? tiao_utf8_next(s, strlen(s), &i) : 0;
}

static uint32_t S_last_cp(const char *s)
{
	size_t i = strlen(s);
	return i ? tiao_utf8_prev(s, &i) : 0;
}

enum { PH_SUBST, PH_DELETE, PH_AFTER, PH_BEFORE };

/* The text field a phrase operation works on. */
static const char **S_field(tiao_node *n)
{
	if (S_is_div(n))
		return &n->heading;
	if (n->kind == TIAO_NODE_PARAGRAPH || n->kind == TIAO_NODE_ITEM ||
	    n->kind == TIAO_NODE_SUBITEM)
		return &n->text;
	return NULL;
}

/* Count occurrences of needle in the texts of scope's subtree. */
static int S_count_in(tiao_node *scope, const tiao_key *needle)
{
	int count = 0;
	for (tiao_node *x = scope; x; x = S_next_pre(x, scope)) {
		const char **f = S_field(x);
		if (!f || !*f || (x->flags & TIAO_NF_DELETED))
			continue;
		tiao_key k;
		if (tiao_key_build(&k, *f, strlen(*f)))
			return -1;
		long at = 0;
		while ((at = tiao_key_find(&k, needle, (size_t)at)) >= 0) {
			count++;
			at += (long)needle->len;
		}
		tiao_key_free(&k);
	}
	return count;
}

/* The chain head of node n's spans (created when create is set); NULL when absent or on OOM. */
static long *S_span_head(amend_ctx *c, tiao_node *n, bool create)
{
	if (c->sh_cap == 0 || (create && (c->sh_len + 1) * 2 > c->sh_cap)) {
		if (!create)
			return NULL;
		size_t ncap = c->sh_cap ? c->sh_cap * 2 : 64;
		tiao_node **keys = calloc(ncap, sizeof *keys);
		long *heads = calloc(ncap, sizeof *heads);
		if (!keys || !heads) {
			free(keys);
			free(heads);
			return NULL;
		}
		for (size_t i = 0; i < c->sh_cap; i++) {
			if (!c->sh_keys[i])
				continue;
			size_t h = ((uintptr_t)c->sh_keys[i] >> 4) * 2654435761u & (ncap - 1);
			while (keys[h])
				h = (h + 1) & (ncap - 1);
			keys[h] = c->sh_keys[i];
			heads[h] = c->sh_head[i];
		}
		free(c->sh_keys);
		free(c->sh_head);
		c->sh_keys = keys;
		c->sh_head = heads;
		c->sh_cap = ncap;
	}
	size_t h = ((uintptr_t)n >> 4) * 2654435761u & (c->sh_cap - 1);
	while (c->sh_keys[h] && c->sh_keys[h] != n)
		h = (h + 1) & (c->sh_cap - 1);
	if (!c->sh_keys[h]) {
		if (!create)
			return NULL;
		c->sh_keys[h] = n;
		c->sh_head[h] = -1;
		c->sh_len++;
	}
	return &c->sh_head[h];
}

static void S_span_add(amend_ctx *c, tiao_node *n, size_t st, size_t en)
{
	long *head = S_span_head(c, n, true);
	if (!head || st >= en)
		return;
	pspan sp = { n, st, en, *head };
	if (TIAO_VEC_PUSH(&c->spans, sp) == 0)
		*head = (long)c->spans.len - 1;
}

/* Map an offset of the old text through edits (sorted, non-overlapping): an offset inside a
 * replaced region maps to the start (or, with at_end, the end) of its replacement. */
static size_t S_map_off(const text_edit *ed, size_t ned, size_t off, bool at_end)
{
	long delta = 0;
	for (size_t k = 0; k < ned; k++) {
		if (off < ed[k].ost || (off == ed[k].ost && !at_end))
			break;
		if (off < ed[k].oen || (off == ed[k].oen && at_end && ed[k].ost == ed[k].oen))
			return at_end ? ed[k].nen : ed[k].nst;
		delta = (long)ed[k].nen - (long)ed[k].oen;
	}
	return (size_t)((long)off + delta);
}

/* Node n's text was rewritten by edits: move its spans, and add the decision text of the edits. */
static void S_spans_edit(amend_ctx *c, tiao_node *n, const text_edit *ed, size_t ned)
{
	long *head = S_span_head(c, n, false);
	for (long i = head ? *head : -1; i >= 0; i = c->spans.items[i].next) {
		pspan *sp = &c->spans.items[i];
		size_t a = S_map_off(ed, ned, sp->st, false), b = S_map_off(ed, ned, sp->en, true);
		sp->st = a;
		sp->en = b > a ? b : a;
	}
	for (size_t k = 0; k < ned; k++)
		if (ed[k].decision)
			S_span_add(c, n, ed[k].nst, ed[k].nen);
}

/* A phrase operation whose match cuts through the numeral of a carried-over cross-reference
 * (“二” in 第十二条) leaves a number nobody wrote whole: it is not base numbering any more, and
 * tiao cannot know whether the decision meant it in result numbering. The changed numeral is kept
 * as the decision leaves it (read as result numbering, §2.4: protected from the rewrite) and a
 * warning says so. s/len: the field before the edit; edits in the node's text offsets. */
static void S_cut_numbers(amend_ctx *c, tiao_node *n, const char *s, size_t len,
                          const text_edit *ed, size_t ned, size_t base_off, const char *phrase)
{
	if (!ned || (n->flags & TIAO_NF_QUOTED) || S_is_div(n))
		return;
	tiao_xrefs xr;
	memset(&xr, 0, sizeof xr);
	if (tiao_xref_scan(&xr, s, len) != 0) {
		tiao_xrefs_free(&xr);
		return;
	}
	for (size_t k = 0; k < xr.toks.len; k++) {
		const tiao_xtok *t = &xr.toks.items[k];
		if (t->external || t->rel == TIAO_XREL_PREV_PARA || t->rel == TIAO_XREL_PREV_ART)
			continue;
		size_t ts = base_off + t->start, te = base_off + t->end;
		bool cut = false;
		for (size_t e = 0; e < ned && !cut; e++) {
			size_t os = ed[e].ost, oe = ed[e].oen;
			bool overlap = os == oe ? (ts < os && os < te) : (os < te && ts < oe);
			if (overlap && !(os <= ts && te <= oe))
				cut = true;
		}
		if (!cut)
			continue;
		S_span_add(c, n, S_map_off(ed, ned, ts, false), S_map_off(ed, ned, te, true));
		if (c->dec && c->cur < c->dec->n) {
			const tiao_instr *in = &c->dec->instrs[c->cur];
			char name[256];
			S_instr_name(in, name, sizeof name);
			S_diag(c, TIAO_WARNING, "number-cut", in->line, in->col,
			       "%s: “%s” cuts through the number “%.*s” of a cross-reference in carried-over "
			       "text; the number it leaves is kept as written (result numbering), not "
			       "renumbered: check it",
			       name, phrase, (int)(t->end - t->start), s + t->start);
		}
	}
	tiao_xrefs_free(&xr);
}

/* Apply a phrase operation to one text field; returns occurrences or -1 on OOM. base_off: where
 * the field starts in the node's text (a sentence of it, S_phrase_sentence), for the spans of
 * decision text kept exact through the edit. */
static int S_phrase_field(amend_ctx *c, tiao_node *n, const char **f, const tiao_key *needle,
                          const char *old, const char *new_, int mode, const char **sep_note,
                          size_t base_off)
{
	const char *s = *f;
	size_t len = strlen(s);
	tiao_key k;
	if (tiao_key_build(&k, s, len))
		return -1;
	tiao_buf b = TIAO_BUF_INIT;
	TIAO_VEC(text_edit) ed = { NULL, 0, 0 };
	size_t copied = 0;
	int count = 0;
	long at = 0;
	while ((at = tiao_key_find(&k, needle, (size_t)at)) >= 0) {
		size_t st, en;
		tiao_key_span(&k, s, len, (size_t)at, needle->len, &st, &en);
		at += (long)needle->len;
		count++;
		if (!c->following && !c->overlap_warned && c->dec && c->cur < c->dec->n) {
			/* the phrase matches (part of) text an earlier instruction of this decision put
			 * there, not base text: applied in decision order (§4), but never silently */
			long *head = S_span_head(c, n, false);
			for (long i = head ? *head : -1; i >= 0; i = c->spans.items[i].next) {
				const pspan *sp = &c->spans.items[i];
				if (sp->st < base_off + en && base_off + st < sp->en) {
					const tiao_instr *in = &c->dec->instrs[c->cur];
					char name[256];
					S_instr_name(in, name, sizeof name);
					S_diag(c, TIAO_WARNING, "overlapping-change", in->line, in->col,
					       "%s: “%s” matches text that an earlier instruction of the decision "
					       "wrote, not base text; applied to it in decision order",
					       name, old);
					c->overlap_warned = true;
					break;
				}
			}
		}
		if (mode == PH_SUBST) {
			tiao_buf_put(&b, s + copied, st - copied);
			text_edit te = { base_off + st, base_off + en, base_off + b.len, 0, true };
			tiao_buf_puts(&b, new_);
			te.nen = base_off + b.len;
			TIAO_VEC_PUSH(&ed, te);
			copied = en;
		} else if (mode == PH_DELETE) {
			uint32_t before = S_cp_before(s, st);
			size_t after_end = en;
			uint32_t after = S_cp_after(s, len, en, &after_end);
			bool clause_start = before == 0 || S_is_period(before) || S_is_semi(before) ||
			                    S_is_colon(before) || S_is_comma(before);
			bool adverbial = S_starts_with(old, "根据") || S_starts_with(old, "按照") ||
			                 S_starts_with(old, "依照") || S_starts_with(old, "为了");
			size_t cut_st = st, cut_en = en;
			bool sentence_start = before == 0 || S_is_period(before);
			if ((S_is_period(after) || after == 0) &&
			    (S_is_comma(before) || S_is_semi(before)) && !S_is_mark(S_last_cp(old))) {
				goto drop_before;
			}
			if (((S_is_comma(after) || S_is_semi(after)) && (clause_start || adverbial)) ||
			    (S_is_period(after) && sentence_start)) {
				if (!S_is_mark(S_last_cp(old))) {
					cut_en = after_end; /* the clause goes with its closing mark */
					if (sep_note)
						*sep_note = "clause removed with its mark";
				}
			} else if (0) {
			drop_before:;
				/* the last clause of a sentence: drop the mark before it */
				size_t i = st;
				while (i > 0) {
					size_t j = i;
					uint32_t cp = tiao_utf8_prev(s, &j);
					i = j;
					if (!tiao_cp_is_space(cp))
						break;
				}
				if (i >= copied) {
					cut_st = i;
					if (sep_note)
						*sep_note = "closing clause removed with the mark before it";
				}
			}
			tiao_buf_put(&b, s + copied, cut_st - copied);
			text_edit te = { base_off + cut_st, base_off + cut_en, base_off + b.len,
			                 base_off + b.len, false };
			TIAO_VEC_PUSH(&ed, te);
			copied = cut_en;
			if (copied > (size_t)0 && at < (long)k.len) {
				/* continue after the cut */
				while ((size_t)at < k.len && k.src[at] < cut_en)
					at++;
			}
		} else {
			/* insert B after/before A with the separator of A's context (§4) */
			const char *sep = "";
			uint32_t before = S_cp_before(s, st);
			size_t dummy;
			uint32_t after = S_cp_after(s, len, en, &dummy);
			if (mode == PH_AFTER) {
				bool joined = S_is_mark(S_first_cp(new_)) || S_starts_conj(new_) ||
				              S_is_mark(S_last_cp(old)) || S_ends_conj(old);
				if (!joined) {
					if (S_is_dun(after))
						sep = "、";
					else if (S_is_comma(after))
						sep = "，";
					else if (after == 0x7B49 /* 等 */) {
						if (S_is_dun(before))
							sep = "、";
						else if (S_is_comma(before))
							sep = "，";
					} else if (after == 0 || S_is_period(after) || S_is_semi(after) ||
					           S_is_colon(after))
						sep = "，";
				}
				tiao_buf_put(&b, s + copied, en - copied);
				text_edit te = { base_off + en, base_off + en, base_off + b.len, 0, true };
				tiao_buf_puts(&b, sep);
				tiao_buf_puts(&b, new_);
				te.nen = base_off + b.len;
				TIAO_VEC_PUSH(&ed, te);
				copied = en;
			} else {
				bool joined = S_is_mark(S_last_cp(new_)) || S_ends_conj(new_) ||
				              S_is_mark(S_first_cp(old)) || S_starts_conj(old) ||
				              S_ends_with(new_, "的");
				if (!joined) {
					uint32_t mark = before;
					/* a conjunction before A: use the mark that follows A */
					size_t i = st;
					bool conj_before = false;
					for (size_t ci = 0; ci < TIAO_ARRAY_LEN(S_conj); ci++) {
						size_t cl = strlen(S_conj[ci]);
						if (i >= cl && memcmp(s + i - cl, S_conj[ci], cl) == 0)
							conj_before = true;
					}
					if (conj_before)
						mark = after;
					if (S_is_dun(mark))
						sep = "、";
					else if (S_is_comma(mark))
						sep = "，";
				}
				tiao_buf_put(&b, s + copied, st - copied);
				text_edit te = { base_off + st, base_off + st, base_off + b.len, 0, true };
				tiao_buf_puts(&b, new_);
				tiao_buf_puts(&b, sep);
				te.nen = base_off + b.len;
				TIAO_VEC_PUSH(&ed, te);
				copied = st;
			}
			if (sep_note)
				*sep_note = *sep ? sep : "no separator";
		}
	}
	if (count) {
		tiao_buf_put(&b, s + copied, len - copied);
		const char *r = S_bufdup(c, &b);
		if (!r)
			count = -1;
		else {
			*f = r;
			n->flags |= TIAO_NF_MODIFIED;
			S_spans_edit(c, n, ed.items, ed.len);
			S_cut_numbers(c, n, s, len, ed.items, ed.len, base_off, old);
		}
	}
	tiao_buf_free(&b);
	TIAO_VEC_FREE(&ed);
	tiao_key_free(&k);
	return count;
}

/* Whether a phrase operation over scope reports its counts per article (§3: a substitution over
 * the whole text, a chapter or a section). */
static bool S_wide_scope(const tiao_node *scope)
{
	return scope->kind != TIAO_NODE_ARTICLE && scope->kind != TIAO_NODE_PARAGRAPH &&
	       scope->kind != TIAO_NODE_ITEM && scope->kind != TIAO_NODE_SUBITEM;
}

/* Apply a phrase operation over scope's subtree. Over a wide scope the occurrences are also
 * counted per article (or per division heading) into c->per_art, and listed in the trace. */
static int S_phrase_scope(amend_ctx *c, tiao_node *scope, const char *old, const char *new_,
                          int mode, const char **note)
{
	tiao_key needle;
	if (tiao_key_build(&needle, old, strlen(old)))
		return -1;
	int total = 0;
	bool per_article = S_wide_scope(scope);
	size_t k0 = c->per_art.len;
	for (tiao_node *x = scope; x; x = S_next_pre(x, scope)) {
		const char **f = S_field(x);
		if (!f || !*f || (x->flags & TIAO_NF_DELETED))
			continue;
		int n = S_phrase_field(c, x, f, &needle, old, new_, mode, note, 0);
		if (n < 0) {
			total = -1;
			break;
		}
		total += n;
		if (per_article && n > 0) {
			tiao_node *a = S_is_div(x) ? x : S_article_of(x);
			size_t k = k0;
			while (k < c->per_art.len && c->per_art.items[k].node != a)
				k++;
			if (k < c->per_art.len) {
				c->per_art.items[k].n += n;
			} else {
				art_count ac = { a, n };
				TIAO_VEC_PUSH(&c->per_art, ac);
			}
		}
	}
	if (per_article && total > 0 && c->trace) {
		tiao_buf counts = TIAO_BUF_INIT;
		for (size_t k = k0; k < c->per_art.len; k++) {
			tiao_node *a = c->per_art.items[k].node;
			if (counts.len)
				tiao_buf_puts(&counts, "、");
			if (a && a->kind == TIAO_NODE_ARTICLE && !(a->flags & TIAO_NF_NEW))
				tiao_label_write(&counts, 0x6761, a->base_num, a->base_sub);
			else if (a && S_is_div(a))
				tiao_buf_printf(&counts, "%s章名", a->label ? a->label : "");
			else
				tiao_buf_puts(&counts, "新条文");
			tiao_buf_printf(&counts, "×%d", c->per_art.items[k].n);
		}
		const char *cs = tiao_buf_cstr(&counts);
		S_tracef(c, NULL, "  “%s” in base %s", old, cs ? cs : "");
		tiao_buf_free(&counts);
	}
	tiao_key_free(&needle);
	return total;
}

/* Byte span of the k-th sentence (1-based; a sentence ends with 。！？ or the text) of s. */
static bool S_sentence_span(const char *s, int k, size_t *st, size_t *en)
{
	size_t len = strlen(s), i = 0, start = 0;
	int n = 0;
	while (i < len) {
		uint32_t cp = tiao_utf8_next(s, len, &i);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || i == len) {
			if (++n == k) {
				*st = start;
				*en = i;
				return true;
			}
			start = i;
		}
	}
	return false;
}

/* Apply a phrase operation to the k-th sentence of a paragraph only (第九十七条第一款第一句). */
static int S_phrase_sentence(amend_ctx *c, tiao_node *n, int k, const char *old, const char *new_,
                             int mode, const char **note)
{
	const char **f = S_field(n);
	size_t st, en;
	if (!f || !*f || !S_sentence_span(*f, k, &st, &en))
		return 0;
	const char *sub = tiao_doc_strdup(c->doc, *f + st, en - st);
	tiao_key needle;
	if (!sub || tiao_key_build(&needle, old, strlen(old)))
		return -1;
	const char *before = sub;
	int cnt = S_phrase_field(c, n, &sub, &needle, old, new_, mode, note, st);
	tiao_key_free(&needle);
	if (cnt > 0 && sub != before) {
		tiao_buf b = TIAO_BUF_INIT;
		tiao_buf_put(&b, *f, st);
		tiao_buf_puts(&b, sub);
		tiao_buf_puts(&b, *f + en);
		const char *r = S_bufdup(c, &b);
		tiao_buf_free(&b);
		if (r)
			*f = r;
	}
	return cnt;
}

/* Rewrite phrase p through earlier substitutions of this decision (§4: 备案→登记 then 备案服务
 * means 登记服务). Returns NULL when no earlier substitution touches p. */
static const char *S_follow(amend_ctx *c, const char *p)
{
	const char *cur = p;
	bool changed = false;
	for (size_t h = 0; h < c->hist.len; h++) {
		const char *o = c->hist.items[h].old, *nw = c->hist.items[h].new_;
		tiao_key kp, ko;
		if (tiao_key_build(&kp, cur, strlen(cur)))
			return NULL;
		if (tiao_key_build(&ko, o, strlen(o))) {
			tiao_key_free(&kp);
			return NULL;
		}
		long at = tiao_key_find(&kp, &ko, 0);
		if (at >= 0) {
			tiao_buf b = TIAO_BUF_INIT;
			size_t copied = 0, len = strlen(cur);
			while (at >= 0) {
				size_t st, en;
				tiao_key_span(&kp, cur, len, (size_t)at, ko.len, &st, &en);
				tiao_buf_put(&b, cur + copied, st - copied);
				tiao_buf_puts(&b, nw);
				copied = en;
				at = tiao_key_find(&kp, &ko, (size_t)at + ko.len);
			}
			tiao_buf_put(&b, cur + copied, len - copied);
			const char *r = S_bufdup(c, &b);
			tiao_buf_free(&b);
			if (r) {
				cur = r;
				changed = true;
			}
		}
		tiao_key_free(&kp);
		tiao_key_free(&ko);
	}
	return changed ? cur : NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* operations                                                                                  */

static void S_queue(amend_ctx *c, int level, tiao_node *node, tiao_node *scope, int pos, int sub,
                    int chapter, size_t ii)
{
	placement p;
	memset(&p, 0, sizeof p);
	p.node = node;
	p.scope = scope;
	p.pos = pos;
	p.pos_sub = sub;
	p.chapter = chapter;
	p.seq = c->seq++;
	p.instr = ii;
	if (level == 0)
		TIAO_VEC_PUSH(&c->aplace, p);
	else if (level == 1)
		TIAO_VEC_PUSH(&c->pplace, p);
	else
		TIAO_VEC_PUSH(&c->iplace, p);
}

static void S_check(amend_ctx *c, tiao_node *node, int num, int sub, size_t ii)
{
	struct stated_check k = { node, num, sub, ii };
	TIAO_VEC_PUSH(&c->checks, k);
}

/* Resolve every target of instruction ii; reports and returns false on the first failure. */
static bool S_resolve_all(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	for (size_t t = 0; t < in->ntargets; t++) {
		char why[300] = "";
		tiao_addr a = in->targets[t];
		/* a bare 第Y款 / 第Z项 takes its article from the clause before (§3) */
		if (!a.art && (a.at == TIAO_AT_PARAGRAPH || a.at == TIAO_AT_LEADIN ||
		               a.at == TIAO_AT_ITEM || a.at == TIAO_AT_SUBITEM)) {
			a.art = c->ctx_art;
			a.art_sub = c->ctx_sub;
		}
		if (a.art && a.at >= TIAO_AT_ARTICLE) {
			c->ctx_art = a.art;
			c->ctx_sub = a.art_sub;
		}
		nodes[t] = S_resolve(c, &a, why, sizeof why);
		if (!nodes[t]) {
			S_fail(c, in, TIAO_ENOTFOUND, "%s", why);
			return false;
		}
	}
	return true;
}

static tiao_node *S_scratch(amend_ctx *c)
{
	return tiao_node_new(c->doc, TIAO_NODE_ARTICLE);
}

/* Move the children of scratch before `before` (or append to parent when before is NULL). */
static void S_move_children(tiao_node *scratch, tiao_node *parent, tiao_node *before)
{
	tiao_node *x = scratch->first;
	while (x) {
		tiao_node *nx = x->next;
		tiao_node_unlink(x);
		if (before)
			tiao_node_insert_before(before, x);
		else
			tiao_node_append(parent, x);
		x = nx;
	}
}

static bool S_ends_colon(const char *s)
{
	uint32_t cp = S_last_cp(s);
	return S_is_colon(cp);
}

static void S_succ(amend_ctx *c, tiao_node *old, tiao_node *succ)
{
	if (!old || !succ || old->kind != TIAO_NODE_PARAGRAPH || succ->kind != TIAO_NODE_PARAGRAPH)
		return;
	struct protect pr = { old, (const char *)(uintptr_t)succ };
	TIAO_VEC_PUSH(&c->psucc, pr);
}

static void S_op_delete(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	for (size_t t = 0; t < in->ntargets; t++)
		if (!S_claim(c, in, nodes[t]))
			return;
	for (size_t t = 0; t < in->ntargets; t++) {
		tiao_node *n = nodes[t];
		if (n->kind == TIAO_NODE_ARTICLE) {
			art_entry *e = S_find_entry(c, n->base_num, n->base_sub);
			if (e)
				e->del_instr = (long)ii;
		}
		S_change(c, ii, "repeal", &in->targets[t], n, 0);
		S_delete_node(c, n);
	}
}

static void S_op_replace(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	const tiao_quote *q = &in->quote;
	if (!in->ntargets) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "no target to replace");
		return;
	}
	if (!q->n) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "no quoted text to replace with");
		return;
	}
	for (size_t t = 0; t < in->ntargets; t++)
		if (!S_claim(c, in, nodes[t]))
			return;
	tiao_node *first = nodes[0];
	tiao_at at = in->targets[0].at;

	if (first->kind == TIAO_NODE_ARTICLE) {
		size_t starts[64];
		long nums[64], subs[64];
		size_t g = S_quote_articles(q, starts, nums, subs, 64);
		if (g > in->ntargets || g > 64) {
			S_fail(c, in, TIAO_EUNSUPPORTED, "the quote holds %zu articles for %zu targets", g,
			       in->ntargets);
			return;
		}
		for (size_t t = 0; t < in->ntargets; t++) {
			tiao_node *art = nodes[t];
			if (g == 0 && t > 0) {
				S_change(c, ii, "repeal", &in->targets[t], art, 0);
				S_delete_node(c, art);
				continue;
			}
			if (g > 0 && t >= g) {
				S_change(c, ii, "repeal", &in->targets[t], art, 0);
				S_delete_node(c, art);
				continue;
			}
			size_t from = g ? starts[t] : 0, to = g ? (t + 1 < g ? starts[t + 1] : q->n) : q->n;
			tiao_node *na = S_new_article(c, q, from, to, art->num, art->sub, g > 0);
			if (!na) {
				S_fail(c, in, TIAO_ENOMEM, "out of memory");
				return;
			}
			/* keep the article node (its identity), swap its content */
			for (tiao_node *x = art->first; x; x = x->next)
				S_mark_gone(x), x->flags |= NF_GONE;
			while (art->first)
				tiao_node_unlink(art->first);
			S_move_children(na, art, NULL);
			art->flags |= TIAO_NF_MODIFIED;
			if (g)
				S_check(c, art, (int)nums[t], (int)subs[t], ii);
			S_change(c, ii, "replacement", &in->targets[t], art, 0);
		}
		return;
	}

	if (first->kind == TIAO_NODE_PARAGRAPH) {
		bool leadin = at == TIAO_AT_LEADIN;
		if (!leadin && in->ntargets == 1 && first->first && q->n == 1 &&
		    S_ends_colon(q->paras[0])) {
			long num;
			size_t used;
			const char *t0 = q->paras[0];
			if (!tiao_item_label_read(t0, strlen(t0), &num, &used))
				leadin = true;
		}
		if (leadin) {
			if (q->n != 1) {
				S_fail(c, in, TIAO_EUNSUPPORTED,
				       "a lead-in sentence is replaced by %zu quoted paragraphs", q->n);
				return;
			}
			first->text = S_fix_quotes(c, q->paras[0]);
			first->flags |= TIAO_NF_MODIFIED | TIAO_NF_QUOTED;
			/* its items stay: they are carried over text, not quoted */
			S_change(c, ii, "replacement", &in->targets[0], first, 0);
			S_tracef(c, in, "(lead-in replaced, items kept)");
			return;
		}
		tiao_node *scratch = S_scratch(c);
		if (!scratch || S_build_paras(c, scratch, q->paras, q->n, false)) {
			S_fail(c, in, TIAO_ENOMEM, "out of memory");
			return;
		}
		tiao_node *art = first->parent;
		tiao_node *anchor = first;
		tiao_node *newfirst = scratch->first;
		if (in->ntargets == 1 && newfirst && !newfirst->next)
			newfirst->flags |= NF_SOLE; /* one for one: references may follow it */
		S_move_children(scratch, art, anchor);
		for (size_t t = 0; t < in->ntargets; t++) {
			S_change(c, ii, "replacement", &in->targets[t], t == 0 ? newfirst : nodes[t], 0);
			S_succ(c, nodes[t], newfirst);
			if (nodes[t]->parent)
				S_delete_node(c, nodes[t]);
			nodes[t]->flags &= ~TIAO_NF_DELETED;
			nodes[t]->flags |= NF_CLAIMED | NF_GONE;
		}
		art->flags |= TIAO_NF_MODIFIED;
		return;
	}

	if (first->kind == TIAO_NODE_ITEM || first->kind == TIAO_NODE_SUBITEM) {
		tiao_node *scratch = S_scratch(c);
		if (!scratch || S_build_paras(c, scratch, q->paras, q->n, true)) {
			S_fail(c, in, TIAO_ENOMEM, "out of memory");
			return;
		}
		tiao_node *holder = scratch->first; /* a paragraph holding the new items */
		tiao_node *parent = first->parent;
		int k = 0;
		tiao_node *newfirst = holder ? holder->first : NULL;
		for (tiao_node *x = newfirst; x; x = x->next, k++) {
			x->kind = first->kind;
			if (!x->label) { /* quoted without its label: keeps its position's label */
				x->num = first->num + k;
				x->label = first->kind == TIAO_NODE_ITEM ? S_item_label(c, x->num) : first->label;
			}
		}
		if (in->ntargets == 1 && newfirst && !newfirst->next && newfirst->kind == TIAO_NODE_ITEM) {
			/* one item for one (将第二项改为第三项，修改为：“（三）…”): the same item, rewritten —
			 * references to it follow it, as they follow a paragraph replaced one for one */
			newfirst->base_num = first->base_num;
			newfirst->flags &= ~TIAO_NF_NEW;
			newfirst->flags |= TIAO_NF_MODIFIED;
		}
		if (holder)
			S_move_children(holder, parent, first);
		for (size_t t = 0; t < in->ntargets; t++) {
			S_change(c, ii, "replacement", &in->targets[t], t == 0 ? newfirst : nodes[t], 0);
			S_delete_node(c, nodes[t]);
			nodes[t]->flags &= ~TIAO_NF_DELETED;
			nodes[t]->flags |= NF_CLAIMED | NF_GONE;
		}
		parent->flags |= NF_ITEMS | TIAO_NF_MODIFIED;
		return;
	}
	S_fail(c, in, TIAO_EUNSUPPORTED, "cannot replace a whole division; name its heading");
}

static void S_op_phrase(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	int mode = in->op == TIAO_OP_SUBST         ? PH_SUBST
	           : in->op == TIAO_OP_DELETE_PHRASE ? PH_DELETE
	           : in->before                    ? PH_BEFORE
	                                           : PH_AFTER;
	if (!in->nolds && mode != PH_DELETE && in->new_text) {
		/* 在第一款最后增加“B”: append B to each target */
		const char *add = S_fix_quotes(c, in->new_text);
		for (size_t t = 0; t < in->ntargets; t++) {
			tiao_node *n = nodes[t];
			if (n->kind == TIAO_NODE_ARTICLE)
				n = n->last;
			while (n && n->last && (n->kind == TIAO_NODE_PARAGRAPH || n->kind == TIAO_NODE_ITEM))
				n = n->last;
			const char **f = n ? S_field(n) : NULL;
			if (!f || !*f || (n->flags & (TIAO_NF_DELETED | NF_GONE))) {
				S_fail(c, in, TIAO_ENOTFOUND, "no text to append to");
				return;
			}
			tiao_buf b = TIAO_BUF_INIT;
			tiao_buf_puts(&b, *f);
			size_t at = b.len;
			tiao_buf_puts(&b, add);
			*f = S_bufdup(c, &b);
			S_span_add(c, n, at, b.len); /* decision text: result numbering (§2.4) */
			tiao_buf_free(&b);
			n->flags |= TIAO_NF_MODIFIED;
			S_change(c, ii, "insertion", &in->targets[t], n, 1);
		}
		return;
	}
	if (!in->nolds) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "no quoted phrase");
		return;
	}
	const char *new_ = "";
	if (mode != PH_DELETE) {
		if (!in->new_text) {
			S_fail(c, in, TIAO_EUNSUPPORTED, "no new phrase");
			return;
		}
		new_ = S_fix_quotes(c, in->new_text);
	}
	size_t nscopes = in->ntargets ? in->ntargets : 1;
	int total = 0;
	tiao_buf b = TIAO_BUF_INIT;
	for (size_t t = 0; t < nscopes; t++) {
		tiao_node *scope = in->ntargets ? nodes[t] : c->doc->root;
		c->per_art.len = 0;
		if (scope->flags & (TIAO_NF_DELETED | NF_GONE)) {
			S_fail(c, in, TIAO_ECONFLICT, "%s was deleted or replaced by an earlier instruction",
			       in->ntargets ? S_addr_cstr(&b, &in->targets[t]) : "the text");
			tiao_buf_free(&b);
			return;
		}
		int in_scope = 0;
		if (in->ntargets && in->targets[t].heading && S_is_div(scope)) {
			/* 第二章的章名和第五条第一款中的“A”: the heading alone, not the chapter's articles */
			for (size_t o = 0; o < in->nolds && scope->heading; o++) {
				tiao_key k;
				if (tiao_key_build(&k, in->olds[o], strlen(in->olds[o])))
					break;
				const char *f = scope->heading;
				int n = S_phrase_field(c, scope, &f, &k, in->olds[o], new_, mode, NULL, 0);
				tiao_key_free(&k);
				if (n > 0) {
					scope->heading = f;
					scope->flags |= TIAO_NF_MODIFIED;
					in_scope += n;
				}
			}
			if (in_scope == 0 && !in->optional && in->group == 0) {
				S_fail(c, in, TIAO_ENOTFOUND, "“%s” does not occur in the heading of %s", in->olds[0],
				       S_addr_cstr(&b, &in->targets[t]));
				tiao_buf_free(&b);
				return;
			}
			total += in_scope;
			if (in_scope)
				S_change(c, ii, mode == PH_SUBST ? "substitution" : mode == PH_DELETE ? "repeal" : "insertion",
				         &in->targets[t], scope, in_scope);
			continue;
		}
		for (size_t o = 0; o < in->nolds; o++) {
			const char *phrase = in->olds[o];
			c->following = false;
			tiao_key k;
			if (tiao_key_build(&k, phrase, strlen(phrase)))
				break;
			int cnt = S_count_in(scope, &k);
			tiao_key_free(&k);
			const char *followed = NULL;
			if (cnt == 0 && (followed = S_follow(c, phrase)) != NULL) {
				if (tiao_key_build(&k, followed, strlen(followed)) == 0) {
					cnt = S_count_in(scope, &k);
					tiao_key_free(&k);
				}
				if (cnt > 0) {
					S_tracef(c, in, "“%s” followed through an earlier substitution: “%s”",
					         phrase, followed);
					phrase = followed;
					c->following = true;
				}
			}
			if (cnt <= 0)
				continue;
			const char *note = NULL;
			int sentence = in->ntargets ? in->targets[t].sentence : 0;
			int n = sentence > 0 && scope->kind == TIAO_NODE_PARAGRAPH
			            ? S_phrase_sentence(c, scope, sentence, phrase, new_, mode, &note)
			            : S_phrase_scope(c, scope, phrase, new_, mode, &note);
			if (n > 0) {
				in_scope += n;
				if (note && c->trace)
					S_tracef(c, in, "“%s”: %s", phrase, note);
			}
		}
		if (in_scope == 0 && in->ntargets > 1 && in->group == 0 && mode != PH_SUBST) {
			/* strictness for lists without a distributive group: every scope must hold A */
		}
		if (in_scope == 0 && in->ntargets && in->group == 0 && in->ntargets == 1 && !in->optional) {
			S_fail(c, in, TIAO_ENOTFOUND, "“%s” does not occur in %s", in->olds[0],
			       S_addr_cstr(&b, &in->targets[t]));
			tiao_buf_free(&b);
			return;
		}
		if (in_scope == 0 && in->ntargets > 1 && in->group == 0 && !in->optional) {
			S_fail(c, in, TIAO_ENOTFOUND, "“%s” does not occur in %s", in->olds[0],
			       S_addr_cstr(&b, &in->targets[t]));
			tiao_buf_free(&b);
			return;
		}
		total += in_scope;
		const char *what = mode == PH_SUBST    ? "substitution"
		                   : mode == PH_DELETE ? "repeal"
		                                       : "insertion";
		if (in_scope && S_wide_scope(scope) && c->per_art.len) {
			/* over the whole text (or a division): one change per article touched, with its
			 * count (§3), in document order; alternatives found in one article add up */
			for (size_t k = 0; k < c->per_art.len; k++) {
				tiao_node *a = c->per_art.items[k].node;
				int n = c->per_art.items[k].n;
				if (!a || n <= 0)
					continue;
				for (size_t q = k + 1; q < c->per_art.len; q++)
					if (c->per_art.items[q].node == a) {
						n += c->per_art.items[q].n;
						c->per_art.items[q].n = 0;
					}
				tiao_addr ta;
				memset(&ta, 0, sizeof ta);
				if (a->kind == TIAO_NODE_ARTICLE && !(a->flags & TIAO_NF_NEW)) {
					ta.at = TIAO_AT_ARTICLE;
					ta.art = a->base_num;
					ta.art_sub = a->base_sub;
				} else if (S_is_div(a) && !(a->flags & TIAO_NF_NEW)) {
					ta.at = a->kind == TIAO_NODE_CHAPTER   ? TIAO_AT_CHAPTER
					        : a->kind == TIAO_NODE_SECTION ? TIAO_AT_SECTION
					                                       : TIAO_AT_PART;
					if (a->kind == TIAO_NODE_CHAPTER)
						ta.chapter = a->base_num;
					else if (a->kind == TIAO_NODE_SECTION)
						ta.section = a->base_num;
					else
						ta.part = a->base_num;
				}
				S_change(c, ii, what, ta.at ? &ta : NULL, a, n);
			}
		} else if (in_scope) {
			S_change(c, ii, what, in->ntargets ? &in->targets[t] : NULL, scope, in_scope);
		}
	}
	tiao_buf_free(&b);
	if (total == 0 && in->optional) {
		/* a sentence that amends every regulation of a package (此外，…中的“A”修改为“B”) need not
		 * find A in each of them: say so, but it is no failure */
		char name[256];
		S_diag(c, TIAO_NOTE, "not-applicable", in->line, in->col,
		       "%s: “%s” does not occur in this regulation (the sentence applies to every regulation "
		       "of the package)", S_instr_name(in, name, sizeof name), in->olds[0]);
		return;
	}
	if (total == 0) {
		S_fail(c, in, TIAO_ENOTFOUND, "“%s” does not occur in %s", in->olds[0],
		       in->ntargets > 1 ? "any of the listed provisions"
		       : in->ntargets    ? "its scope"
		                         : "the text");
		return;
	}
	if (mode == PH_SUBST)
		for (size_t o = 0; o < in->nolds; o++) {
			subst_hist h = { in->olds[o], new_ };
			TIAO_VEC_PUSH(&c->hist, h);
		}
}

/* The last placement queued at a level (to attach a deferred scope or a division). */
static placement *S_last_placement(amend_ctx *c, int level)
{
	if (level == 0)
		return c->aplace.len ? &c->aplace.items[c->aplace.len - 1] : NULL;
	if (level == 1)
		return c->pplace.len ? &c->pplace.items[c->pplace.len - 1] : NULL;
	return c->iplace.len ? &c->iplace.items[c->iplace.len - 1] : NULL;
}

/* Resolve the anchor of an insertion (在第X条后增加一条 / 在第四款后增加一款), base numbering. */
static tiao_node *S_anchor(amend_ctx *c, const tiao_instr *in)
{
	if (in->anchor.at == TIAO_AT_NONE)
		return NULL;
	char why[300];
	return S_resolve(c, &in->anchor, why, sizeof why);
}

static void S_op_insert_division(amend_ctx *c, size_t ii)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	tiao_node_kind kind = in->pos.at == TIAO_AT_CHAPTER   ? TIAO_NODE_CHAPTER
	                      : in->pos.at == TIAO_AT_SECTION ? TIAO_NODE_SECTION
	                      : in->pos.at == TIAO_AT_PART    ? TIAO_NODE_PART
	                                                      : TIAO_NODE_SUBPART;
	int num = kind == TIAO_NODE_CHAPTER ? in->pos.chapter
	          : kind == TIAO_NODE_SECTION ? in->pos.section
	                                      : in->pos.part;
	tiao_node *d = tiao_node_new(c->doc, kind);
	if (!d) {
		S_fail(c, in, TIAO_ENOMEM, "out of memory");
		return;
	}
	d->num = num;
	d->label = S_label(c, kind == TIAO_NODE_CHAPTER ? 0x7AE0 : kind == TIAO_NODE_SECTION ? 0x8282 : 0x7F16,
	                   num, 0);
	const char *h = in->new_text ? in->new_text : (in->quote.n ? in->quote.paras[0] : "");
	long n2, s2;
	size_t used;
	if (tiao_label_read(h, strlen(h), kind == TIAO_NODE_CHAPTER ? 0x7AE0 : 0x8282, &n2, &s2, &used))
		h += S_skip_space(h, strlen(h), used);
	d->heading = S_fix_quotes(c, h);
	d->flags = TIAO_NF_NEW | TIAO_NF_QUOTED;
	tiao_node *anchor = S_anchor(c, in);
	if (anchor && S_is_div(anchor)) {
		tiao_node_insert_after(anchor, d);
	} else {
		/* the num-th division of its kind among the siblings of the existing ones */
		tiao_node *parent = c->doc->root;
		tiao_node *any = NULL;
		for (tiao_node *x = c->doc->root; x && !any; x = S_next_pre(x, c->doc->root))
			if (x->kind == kind)
				any = x;
		if (any)
			parent = any->parent;
		tiao_node *before = NULL;
		int k = 0;
		for (tiao_node *x = parent->first; x; x = x->next)
			if (x->kind == kind && ++k == num) {
				before = x;
				break;
			}
		if (before)
			tiao_node_insert_before(before, d);
		else if (num == k + 1) {
			/* after the last one: before any appendix */
			tiao_node *app = NULL;
			for (tiao_node *x = parent->first; x; x = x->next)
				if (x->kind == TIAO_NODE_APPENDIX && !app)
					app = x;
			if (app)
				tiao_node_insert_before(app, d);
			else
				tiao_node_append(parent, d);
		} else {
			S_fail(c, in, TIAO_ERANGE, "position %d is out of range: there are %d divisions", num,
			       k);
			return;
		}
	}
	c->open_div = d;
	c->open_label = in->label;
	c->structure_changed = true;
	S_change(c, ii, "insertion", NULL, d, 0);
}

static void S_op_insert(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	const tiao_quote *q = &in->quote;
	if (in->pos.at == TIAO_AT_CHAPTER || in->pos.at == TIAO_AT_SECTION ||
	    in->pos.at == TIAO_AT_PART || in->pos.at == TIAO_AT_SUBPART) {
		S_op_insert_division(c, ii);
		return;
	}
	if (!q->n) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "no quoted text to insert");
		return;
	}
	tiao_node *anchor = S_anchor(c, in);
	if (in->anchor.at != TIAO_AT_NONE && !anchor) {
		char why[300];
		S_resolve(c, &in->anchor, why, sizeof why);
		S_fail(c, in, TIAO_ENOTFOUND, "%s", why);
		return;
	}
	switch (in->pos.at) {
	case TIAO_AT_ARTICLE: {
		size_t starts[256];
		long nums[256], subs[256];
		size_t g = S_quote_articles(q, starts, nums, subs, 256);
		if (g > 256) {
			S_fail(c, in, TIAO_EUNSUPPORTED, "too many articles in one quote");
			return;
		}
		size_t ng = g ? g : 1;
		for (size_t k = 0; k < ng; k++) {
			int num = g ? (int)nums[k] : in->pos.art, sub = g ? (int)subs[k] : in->pos.art_sub;
			size_t from = g ? starts[k] : 0, to = g ? (k + 1 < g ? starts[k + 1] : q->n) : q->n;
			tiao_node *a = S_new_article(c, q, from, to, num, sub, g > 0);
			if (!a) {
				S_fail(c, in, TIAO_ENOMEM, "out of memory");
				return;
			}
			if (!num && anchor && anchor->kind == TIAO_NODE_ARTICLE) {
				/* no stated number: right after the anchor */
				tiao_node_insert_after(anchor, a);
				anchor = a;
			} else {
				S_queue(c, 0, a, NULL, num, sub, in->pos.chapter, ii);
				placement *p = S_last_placement(c, 0);
				if (p && c->open_div && c->open_label && in->label &&
				    strcmp(c->open_label, in->label) == 0)
					p->div = c->open_div;
			}
			S_change(c, ii, "insertion", NULL, a, 0);
		}
		c->structure_changed = true;
		return;
	}
	case TIAO_AT_PARAGRAPH: {
		tiao_node *art = in->ntargets ? S_article_of(nodes[0]) : NULL;
		if (anchor && anchor->kind == TIAO_NODE_PARAGRAPH)
			art = anchor->parent;
		tiao_node *scratch = S_scratch(c);
		if (!scratch || S_build_paras(c, scratch, q->paras, q->n, false)) {
			S_fail(c, in, TIAO_ENOMEM, "out of memory");
			return;
		}
		int k = 0;
		while (scratch->first) {
			tiao_node *p = scratch->first;
			tiao_node_unlink(p);
			if (!in->pos.para && anchor && anchor->kind == TIAO_NODE_PARAGRAPH) {
				tiao_node_insert_after(anchor, p);
				anchor = p;
			} else if (!in->pos.para && art) {
				tiao_node_append(art, p); /* 增加一款 with no position: at the end */
			} else {
				S_queue(c, 1, p, art, in->pos.para + k, 0, 0, ii);
				placement *pl = S_last_placement(c, 1);
				if (!art && pl) {
					pl->rart = in->pos.art;
					pl->rsub = in->pos.art_sub;
				}
			}
			S_change(c, ii, "insertion", NULL, p, 0);
			k++;
		}
		return;
	}
	case TIAO_AT_ITEM:
	case TIAO_AT_SUBITEM: {
		tiao_node *para = NULL;
		bool deferred = false;
		if (anchor && anchor->kind == TIAO_NODE_ITEM)
			para = anchor->parent;
		else if (in->ntargets && nodes[0]->kind == TIAO_NODE_PARAGRAPH)
			para = nodes[0];
		else if (in->ntargets && (nodes[0]->kind == TIAO_NODE_ITEM))
			para = nodes[0]->parent;
		else if (in->ntargets) {
			tiao_node *art = S_article_of(nodes[0]);
			if (art) {
				if (in->pos.para)
					for (tiao_node *p = art->first; p; p = p->next)
						if (p->base_num == in->pos.para && !(p->flags & TIAO_NF_NEW))
							para = p;
				if (!para)
					para = S_para_with_items(art, 0);
				if (!para)
					para = art->first;
			}
		} else {
			deferred = true;
		}
		if (!para && !deferred) {
			S_fail(c, in, TIAO_ENOTFOUND, "no paragraph to add the item to");
			return;
		}
		tiao_node *scratch = S_scratch(c);
		if (!scratch || S_build_paras(c, scratch, q->paras, q->n, true)) {
			S_fail(c, in, TIAO_ENOMEM, "out of memory");
			return;
		}
		tiao_node *holder = scratch->first;
		int k = 0;
		while (holder && holder->first) {
			tiao_node *it = holder->first;
			tiao_node_unlink(it);
			if (!it->label) {
				it->num = in->pos.item + k;
				it->label = S_item_label(c, it->num);
			}
			if (!in->pos.item && anchor && anchor->kind == TIAO_NODE_ITEM) {
				tiao_node_insert_after(anchor, it);
				anchor = it;
			} else if (!in->pos.item && para) {
				tiao_node_append(para, it);
			} else {
				S_queue(c, 2, it, para, in->pos.item + k, 0, 0, ii);
				placement *pl = S_last_placement(c, 2);
				if (deferred && pl) {
					pl->rart = in->pos.art;
					pl->rsub = in->pos.art_sub;
					pl->rpara = in->pos.para;
				}
			}
			S_change(c, ii, "insertion", NULL, it, 0);
			k++;
		}
		if (para)
			para->flags |= NF_ITEMS;
		return;
	}
	default:
		S_fail(c, in, TIAO_EUNSUPPORTED, "no position for the insertion");
		return;
	}
}

/* An article all of whose paragraphs left for new articles is gone; references to it follow the
 * last of them. */
static void S_article_emptied(amend_ctx *c, size_t ii, tiao_node *art, tiao_node *succ)
{
	if (art->flags & (TIAO_NF_DELETED | NF_GONE))
		return;
	art_entry *e = S_find_entry(c, art->base_num, art->base_sub);
	if (e && !(art->flags & TIAO_NF_NEW))
		e->succ = succ;
	S_tracef(c, &c->dec->instrs[ii], "(%s has no paragraph left: removed)",
	         art->label ? art->label : "the article");
	S_delete_node(c, art);
}

/* 单列一条 / 合并: targets leave, a new article is queued at pos. */
static void S_op_split_merge(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	const tiao_quote *q = &in->quote;
	if (!in->ntargets) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "no target");
		return;
	}
	for (size_t t = 0; t < in->ntargets; t++) {
		tiao_node *n = nodes[t];
		if (n->flags & (TIAO_NF_DELETED | NF_CLAIMED)) {
			S_claim(c, in, n);
			return;
		}
		if ((n->flags & NF_GONE) && !q->n) {
			S_claim(c, in, n);
			return;
		}
	}
	tiao_node *home = NULL;
	{
		tiao_node *src = S_article_of(nodes[0]);
		home = src ? S_div_of(src) : NULL;
	}
	tiao_node *a;
	if (q->n) {
		a = S_new_article(c, q, 0, q->n, in->pos.art, in->pos.art_sub, true);
	} else {
		a = tiao_node_new(c->doc, TIAO_NODE_ARTICLE);
		if (a) {
			a->num = in->pos.art;
			a->sub = in->pos.art_sub;
			a->label = S_label(c, 0x6761, a->num, a->sub);
			a->flags = TIAO_NF_NEW;
		}
	}
	if (!a) {
		S_fail(c, in, TIAO_ENOMEM, "out of memory");
		return;
	}
	for (size_t t = 0; t < in->ntargets; t++) {
		tiao_node *n = nodes[t];
		bool gone = n->flags & NF_GONE;
		n->flags |= NF_CLAIMED;
		{
			change_node cl = { n, ii };
			TIAO_VEC_PUSH(&c->claims, cl);
		}
		if (n->kind == TIAO_NODE_ARTICLE) {
			art_entry *e = S_find_entry(c, n->base_num, n->base_sub);
			if (e)
				e->succ = a;
		} else if (!gone) {
			/* part of an article leaves it: a reference to the whole article becomes ambiguous */
			tiao_node *src = S_article_of(n);
			art_entry *e = src && !(src->flags & TIAO_NF_NEW)
			                   ? S_find_entry(c, src->base_num, src->base_sub)
			                   : NULL;
			if (e && e->node == src && e->split_instr < 0)
				e->split_instr = (long)ii;
		}
		if (!q->n && !gone) {
			/* carry the text over */
			if (n->kind == TIAO_NODE_PARAGRAPH) {
				tiao_node *parent = n->parent;
				tiao_node_unlink(n);
				tiao_node_append(a, n);
				if (parent && !parent->first)
					S_article_emptied(c, ii, parent, a);
			} else if (n->kind == TIAO_NODE_ITEM) {
				tiao_node *p = tiao_node_new(c->doc, TIAO_NODE_PARAGRAPH);
				if (p) {
					p->text = n->text;
					p->flags = n->flags & ~TIAO_NF_NEW;
					tiao_node_append(a, p);
				}
				if (n->parent)
					n->parent->flags |= NF_ITEMS;
				S_delete_node(c, n);
			} else if (n->kind == TIAO_NODE_ARTICLE) {
				while (n->first) {
					tiao_node *p = n->first;
					tiao_node_unlink(p);
					tiao_node_append(a, p);
				}
				S_delete_node(c, n);
			}
		} else if (!gone) {
			tiao_node *parent = n->parent;
			if (t == 0)
				S_succ(c, n, a->first);
			S_delete_node(c, n);
			if (parent && parent->kind == TIAO_NODE_ARTICLE && n->kind == TIAO_NODE_PARAGRAPH &&
			    parent->first && !parent->first->next && parent->first->flags == TIAO_NF_NEW &&
			    parent->first->text && !*parent->first->text)
				S_article_emptied(c, ii, parent, a);
		}
		S_change(c, ii, in->op == TIAO_OP_MERGE ? "join" : "split", &in->targets[t], a, 0);
	}
	if (!a->first) {
		tiao_node *p = tiao_node_new(c->doc, TIAO_NODE_PARAGRAPH);
		if (p) {
			p->text = "";
			tiao_node_append(a, p);
		}
	}
	S_queue(c, 0, a, NULL, in->pos.art, in->pos.art_sub, in->pos.chapter, ii);
	c->aplace.items[c->aplace.len - 1].home = home;
	c->structure_changed = true;
}

/* 将第X条改为N条: the article is replaced in place by the quoted articles. */
static void S_op_split_article(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	const tiao_quote *q = &in->quote;
	if (in->ntargets != 1 || nodes[0]->kind != TIAO_NODE_ARTICLE) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "splitting needs one article");
		return;
	}
	size_t starts[64];
	long nums[64], subs[64];
	size_t g = S_quote_articles(q, starts, nums, subs, 64);
	if (g == 0 || g > 64) {
		S_fail(c, in, TIAO_EUNSUPPORTED,
		       "the quote of a split article must give each new article with its label");
		return;
	}
	tiao_node *art = nodes[0];
	if (!S_claim(c, in, art))
		return;
	art_entry *e = S_find_entry(c, art->base_num, art->base_sub);
	tiao_node *prev = art;
	for (size_t k = 0; k < g; k++) {
		size_t to = k + 1 < g ? starts[k + 1] : q->n;
		tiao_node *a = S_new_article(c, q, starts[k], to, (int)nums[k], (int)subs[k], true);
		if (!a) {
			S_fail(c, in, TIAO_ENOMEM, "out of memory");
			return;
		}
		tiao_node_insert_after(prev, a);
		prev = a;
		if (k == 0 && e)
			e->succ = a;
		S_check(c, a, (int)nums[k], (int)subs[k], ii);
		S_change(c, ii, "split", &in->targets[0], a, 0);
	}
	S_delete_node(c, art);
	c->structure_changed = true;
}

static void S_op_move(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	if (in->ntargets >= 1 && nodes[0]->kind == TIAO_NODE_PARAGRAPH &&
	    in->pos.at == TIAO_AT_PARAGRAPH) {
		/* 第三款作为第八十一条第二款: the paragraph goes to a result article */
		for (size_t t = 0; t < in->ntargets; t++) {
			tiao_node *n = nodes[t];
			if (n->kind != TIAO_NODE_PARAGRAPH || !S_claim(c, in, n))
				return;
			tiao_node *parent = n->parent;
			tiao_node_unlink(n);
			S_queue(c, 1, n, NULL, in->pos.para + (int)t, 0, 0, ii);
			placement *p = S_last_placement(c, 1);
			if (p) {
				p->rart = in->pos.art;
				p->rsub = in->pos.art_sub;
			}
			if (parent && parent->kind == TIAO_NODE_ARTICLE && !parent->first)
				S_article_emptied(c, ii, parent, NULL);
			S_change(c, ii, "renumbering", &in->targets[t], n, 0);
		}
		return;
	}
	if (in->ntargets == 1 && nodes[0]->kind == TIAO_NODE_ITEM && in->pos.at == TIAO_AT_ITEM) {
		/* 将第X条第Y款第Z项移作/调整为第N项: the item moves within its paragraph; the other items
		 * are renumbered and references to them follow (§5.1) */
		tiao_node *it = nodes[0], *para = it->parent;
		const tiao_addr *tg = &in->targets[0];
		bool same = para && (!in->pos.art || (in->pos.art == tg->art &&
		                                      in->pos.art_sub == tg->art_sub)) &&
		            (!in->pos.para || in->pos.para == para->base_num);
		if (!same) {
			S_fail(c, in, TIAO_EUNSUPPORTED,
			       "moving an item to another paragraph or article is not supported: the "
			       "decision's result numbering of the receiving paragraph is ambiguous; "
			       "apply it as a deletion and an insertion");
			return;
		}
		if (it->flags & (TIAO_NF_DELETED | NF_GONE)) {
			S_claim(c, in, it);
			return;
		}
		if (in->pos.item < 1) {
			S_fail(c, in, TIAO_ERANGE, "no position given for the moved item");
			return;
		}
		tiao_node_unlink(it);
		para->flags |= NF_ITEMS;
		S_queue(c, 2, it, para, in->pos.item, 0, 0, ii);
		S_change(c, ii, "renumbering", &in->targets[0], it, 0);
		return;
	}
	if (in->ntargets >= 1 &&
	    (nodes[0]->kind == TIAO_NODE_ITEM || nodes[0]->kind == TIAO_NODE_PARAGRAPH) &&
	    in->pos.at == TIAO_AT_ARTICLE) {
		/* 将第X条第Y款(第Z项)移作第N条: the same as 单列一条，作为第N条 */
		S_op_split_merge(c, ii, nodes);
		return;
	}
	if (in->ntargets != 1 || nodes[0]->kind != TIAO_NODE_ARTICLE) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "a move needs one article (or an item within its "
		                                 "paragraph, or a paragraph or item becoming an article)");
		return;
	}
	tiao_node *a = nodes[0];
	if (a->flags & (TIAO_NF_DELETED | NF_GONE)) {
		S_claim(c, in, a);
		return;
	}
	tiao_node_unlink(a);
	S_queue(c, 0, a, NULL, in->pos.art, in->pos.art_sub, in->pos.chapter, ii);
	placement *p = S_last_placement(c, 0);
	if (p && c->open_div && c->open_label && in->label && strcmp(c->open_label, in->label) == 0)
		p->div = c->open_div;
	S_change(c, ii, "renumbering", &in->targets[0], a, 0);
	c->structure_changed = true;
}

static void S_op_renumber(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	if (!in->ntargets) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "no target to renumber");
		return;
	}
	tiao_node *n = nodes[0];
	int want = in->stated_num, wsub = in->stated_sub;
	if (!want) {
		if (n->kind == TIAO_NODE_PARAGRAPH)
			want = in->pos.para, wsub = 0;
		else if (n->kind == TIAO_NODE_ITEM)
			want = in->pos.item, wsub = 0;
		else if (n->kind == TIAO_NODE_ARTICLE)
			want = in->pos.art, wsub = in->pos.art_sub;
	}
	if (want)
		S_check(c, n, want, wsub, ii);
	S_change(c, ii, "renumbering", &in->targets[0], n, 0);
}

static void S_op_heading(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	if (!in->ntargets || !S_is_div(nodes[0])) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "a heading change needs a chapter or section");
		return;
	}
	tiao_node *d = nodes[0];
	if (in->op == TIAO_OP_HEADING) {
		if (!in->new_text) {
			S_fail(c, in, TIAO_EUNSUPPORTED, "no new heading");
			return;
		}
		const char *h = in->new_text;
		/* a quoted heading may repeat the label: 第二章　… */
		long num, sub;
		size_t used;
		uint32_t kinds[] = { 0x7AE0, 0x8282, 0x7F16 };
		for (size_t k = 0; k < 3; k++)
			if (tiao_label_read(h, strlen(h), kinds[k], &num, &sub, &used)) {
				h = h + S_skip_space(h, strlen(h), used);
				break;
			}
		d->heading = S_fix_quotes(c, h);
		d->flags |= TIAO_NF_MODIFIED | TIAO_NF_QUOTED;
		S_change(c, ii, "substitution", &in->targets[0], d, 1);
		return;
	}
	/* HEADING_SUBST: a substitution confined to the heading */
	if (!in->nolds || !in->new_text || !d->heading) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "incomplete heading substitution");
		return;
	}
	tiao_key k;
	if (tiao_key_build(&k, in->olds[0], strlen(in->olds[0])))
		return;
	const char *f = d->heading;
	int n = S_phrase_field(c, d, &f, &k, in->olds[0], S_fix_quotes(c, in->new_text), PH_SUBST,
	                       NULL, 0);
	tiao_key_free(&k);
	if (n <= 0) {
		S_fail(c, in, TIAO_ENOTFOUND, "“%s” does not occur in the heading", in->olds[0]);
		return;
	}
	d->heading = f;
	S_change(c, ii, "substitution", &in->targets[0], d, n);
}

/* Two headings equal but for blanks (总　　则 = 总则). */
static bool S_same_heading(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || *a == '\t' || (memcmp(a, "\xE3\x80\x80", 3) == 0 && (a += 2, true)))
			a++;
		while (*b == ' ' || *b == '\t' || (memcmp(b, "\xE3\x80\x80", 3) == 0 && (b += 2, true)))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (*a++ != *b++)
			return false;
	}
}

static void S_op_merge_division(amend_ctx *c, size_t ii, tiao_node **nodes)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	/* headings cited with the divisions (第五章“供水保障”、第六章“供水管理”合并为第五章) must be
	 * theirs: a division named otherwise is a drafting fault the decision does not resolve */
	for (size_t t = 0; t < in->nolds && t < in->ntargets; t++) {
		const char *want = in->olds[t];
		const char *have = nodes[t] ? tiao_node_heading(nodes[t]) : NULL;
		if (want && *want && have && !S_same_heading(want, have)) {
			S_fail(c, in, TIAO_ENOTFOUND, "the decision cites the division as “%s”, but its heading is “%s”",
			       want, have);
			return;
		}
	}
	tiao_node *into = NULL;
	size_t from = 0;
	if (in->ntargets >= 2) {
		into = nodes[0];
		from = 1;
	} else if (in->ntargets == 1) {
		char why[300];
		into = S_resolve(c, &in->pos, why, sizeof why);
		if (!into) {
			S_fail(c, in, TIAO_ENOTFOUND, "%s", why);
			return;
		}
	}
	if (!into || !S_is_div(into)) {
		S_fail(c, in, TIAO_EUNSUPPORTED, "cannot tell which division to merge into");
		return;
	}
	for (size_t t = from; t < in->ntargets; t++) {
		tiao_node *d = nodes[t];
		if (!S_is_div(d) || d == into) {
			S_fail(c, in, TIAO_EUNSUPPORTED, "only divisions can be merged");
			return;
		}
		if (!S_claim(c, in, d))
			return;
		/* before or after `into` in document order? */
		bool before = false;
		for (tiao_node *x = d->next; x; x = x->next)
			if (x == into)
				before = true;
		tiao_node *firstc = into->first;
		while (d->first) {
			tiao_node *x = d->first;
			tiao_node_unlink(x);
			if (before && firstc)
				tiao_node_insert_before(firstc, x);
			else
				tiao_node_append(into, x);
		}
		tiao_node_unlink(d);
		d->flags |= TIAO_NF_DELETED;
		S_change(c, ii, "join", &in->targets[t], into, 0);
	}
	if (in->new_text) {
		into->heading = S_fix_quotes(c, in->new_text);
		into->flags |= TIAO_NF_MODIFIED;
	}
	c->structure_changed = true;
}

static void S_apply(amend_ctx *c, size_t ii)
{
	const tiao_instr *in = &c->dec->instrs[ii];
	tiao_node *stack[16];
	tiao_node **nodes = in->ntargets <= 16 ? stack : calloc(in->ntargets, sizeof *nodes);
	if (!nodes) {
		S_fail(c, in, TIAO_ENOMEM, "out of memory");
		return;
	}
	c->cur = ii;
	c->following = false;
	c->overlap_warned = false;
	/* targets were resolved before anything changed (S_resolve_pass) */
	for (size_t t = 0; t < in->ntargets; t++)
		nodes[t] = c->resolved[ii] ? c->resolved[ii][t] : NULL;
	bool ok = true;
	for (size_t t = 0; t < in->ntargets; t++)
		if (!nodes[t])
			ok = false;
	if (!ok)
		goto done; /* the resolution failure was reported */
	switch (in->op) {
	case TIAO_OP_DELETE:
		S_op_delete(c, ii, nodes);
		break;
	case TIAO_OP_REPLACE:
		S_op_replace(c, ii, nodes);
		break;
	case TIAO_OP_SUBST:
	case TIAO_OP_DELETE_PHRASE:
	case TIAO_OP_INSERT_TEXT:
		S_op_phrase(c, ii, nodes);
		break;
	case TIAO_OP_INSERT:
		S_op_insert(c, ii, nodes);
		break;
	case TIAO_OP_SPLIT_OUT:
	case TIAO_OP_MERGE:
		if (in->op == TIAO_OP_MERGE && in->pos.at == TIAO_AT_PARAGRAPH && in->ntargets &&
		    nodes[0]->kind == TIAO_NODE_PARAGRAPH) {
			/* 将第一款和第二款合并，作为第二款: the merged text replaces them in place */
			S_op_replace(c, ii, nodes);
			break;
		}
		S_op_split_merge(c, ii, nodes);
		break;
	case TIAO_OP_SPLIT_ARTICLE:
		S_op_split_article(c, ii, nodes);
		break;
	case TIAO_OP_MOVE:
		S_op_move(c, ii, nodes);
		break;
	case TIAO_OP_RENUMBER:
		S_op_renumber(c, ii, nodes);
		break;
	case TIAO_OP_MERGE_DIVISION:
		S_op_merge_division(c, ii, nodes);
		break;
	case TIAO_OP_HEADING:
	case TIAO_OP_HEADING_SUBST:
		S_op_heading(c, ii, nodes);
		break;
	default:
		S_fail(c, in, TIAO_EUNSUPPORTED, "unrecognised instruction");
		break;
	}
	/* a stated result number on any instruction (将第X条改为第Y条，修改为…) is checked too */
	if (in->op != TIAO_OP_RENUMBER && in->stated_num && in->ntargets &&
	    nodes[0]->kind == TIAO_NODE_ARTICLE && !(nodes[0]->flags & TIAO_NF_DELETED))
		S_check(c, nodes[0], in->stated_num, in->stated_sub, ii);
done:
	if (nodes != stack)
		free(nodes);
}

/* ------------------------------------------------------------------------------------------ */
/* placement of queued insertions                                                              */

static int S_place_cmp(const void *a, const void *b)
{
	const placement *x = a, *y = b;
	if (x->scope != y->scope)
		return (uintptr_t)x->scope < (uintptr_t)y->scope ? -1 : 1;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	if (x->pos_sub != y->pos_sub)
		return x->pos_sub < y->pos_sub ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static tiao_node *S_div_of(tiao_node *n)
{
	tiao_node *p = n ? n->parent : NULL;
	return p && S_is_div(p) ? p : NULL;
}

static bool S_is_ancestor(const tiao_node *anc, const tiao_node *n)
{
	for (; n; n = n->parent)
		if (n == anc)
			return true;
	return false;
}

/* Where an article at a chapter boundary goes: §2.2 says the chapter of the article before it;
 * but when the decision's preceding instruction addresses the following division (e.g. renames
 * it — 监督法 2024: 将第三章章名修改为… then 增加一条，作为第十八条 opening that chapter), or the
 * position names the chapter, the following one. */
static bool S_boundary_to_next(amend_ctx *c, const placement *p, tiao_node *prev, tiao_node *next)
{
	tiao_node *nd = S_div_of(next);
	if (p->chapter) {
		for (tiao_node *x = next->parent; x; x = x->parent)
			if (x->kind == TIAO_NODE_CHAPTER)
				return x->num == p->chapter;
		return false;
	}
	if (p->instr > 0 && nd) {
		const tiao_instr *pi = &c->dec->instrs[p->instr - 1];
		tiao_node **r = c->resolved[p->instr - 1];
		for (size_t t = 0; r && t < pi->ntargets; t++)
			if (r[t] && S_is_div(r[t]) && S_is_ancestor(r[t], next) && !S_is_ancestor(r[t], prev))
				return true;
	}
	return false;
}

static void S_insert_between(amend_ctx *c, const placement *p, tiao_node *prev, tiao_node *next)
{
	tiao_node *n = p->node;
	const tiao_instr *in = &c->dec->instrs[p->instr];
	if (p->home && S_in_tree(c, p->home) && !(prev && next && prev->parent == next->parent)) {
		/* a pinned, moved, split-out or merged article stays in its division when it can */
		if (prev && p->home == prev->parent) {
			tiao_node_insert_after(prev, n);
			return;
		}
		if (next && p->home == next->parent) {
			tiao_node_insert_before(next, n);
			return;
		}
		if (!p->home->first && ((next && next->parent && next->parent->prev == p->home) ||
		                        (prev && prev->parent && prev->parent->next == p->home))) {
			tiao_node_append(p->home, n);
			return;
		}
	}
	if (p->div) {
		/* an article of a division inserted by the same item goes into that division */
		if (prev && prev->parent == p->div)
			tiao_node_insert_after(prev, n);
		else if (p->div->first && p->div->first->kind != TIAO_NODE_ARTICLE) {
			tiao_node_append(p->div, n);
		} else if (p->div->first)
			tiao_node_insert_before(p->div->first, n);
		else
			tiao_node_append(p->div, n);
		return;
	}
	if (!prev && !next) {
		tiao_node_append(p->scope ? p->scope : c->doc->root, n);
	} else if (!prev) {
		tiao_node_insert_before(next, n);
	} else if (!next || prev->parent == next->parent) {
		tiao_node_insert_after(prev, n);
	} else {
		bool to_next = S_boundary_to_next(c, p, prev, next);
		if (to_next)
			tiao_node_insert_before(next, n);
		else
			tiao_node_insert_after(prev, n);
		tiao_node *d = S_div_of(n);
		S_tracef(c, in, "(position at a division boundary: placed in %s%s%s, with the article %s it)",
		         d && d->label ? d->label : "the text", d && d->heading ? " " : "",
		         d && d->heading ? d->heading : "", to_next ? "after" : "before");
	}
}

/* With --keep-going, a queued provision that could not be placed is left out of the result: say
 * so (a warning at the instruction), so that the written result is never silently incomplete. */
static void S_left_out(amend_ctx *c, const placement *p, const char *what)
{
	if (!c->keep_going)
		return;
	const tiao_instr *in = &c->dec->instrs[p->instr];
	char name[256];
	S_instr_name(in, name, sizeof name);
	const char *lab = p->node && p->node->label ? p->node->label : NULL;
	S_diag(c, TIAO_WARNING, "left-out", in->line, in->col,
	       "%s: the %s%s%s is left out of the result (--keep-going)", name, what,
	       lab ? " " : "", lab ? lab : "");
}

static void S_place_level(amend_ctx *c, placement *ps, size_t np, tiao_node_kind kind,
                          const char *what)
{
	if (!np)
		return;
	qsort(ps, np, sizeof *ps, S_place_cmp);
	size_t i = 0;
	tiao_node **cur = NULL;
	while (i < np) {
		size_t j = i;
		while (j < np && ps[j].scope == ps[i].scope)
			j++;
		if (kind != TIAO_NODE_ARTICLE && !ps[i].scope) {
			for (size_t k = i; k < j; k++)
				S_left_out(c, &ps[k], what); /* its scope was not found (reported) */
			i = j;
			continue;
		}
		/* the current sequence of siblings */
		size_t m = 0, cap = 0;
		free(cur);
		cur = NULL;
		if (kind == TIAO_NODE_ARTICLE) {
			for (tiao_node *a = tiao_doc_first_article(c->doc); a; a = tiao_article_next(a))
				cap++;
			cur = malloc((cap + 1) * sizeof *cur);
			if (!cur)
				return;
			for (tiao_node *a = tiao_doc_first_article(c->doc); a; a = tiao_article_next(a))
				cur[m++] = a;
		} else {
			cap = tiao_node_child_count(ps[i].scope);
			cur = malloc((cap + 1) * sizeof *cur);
			if (!cur)
				return;
			for (tiao_node *x = ps[i].scope->first; x; x = x->next)
				if (x->kind == kind)
					cur[m++] = x;
		}
		size_t ci = 0, consumed = 0;
		tiao_node *prev = NULL;
		bool by_label = kind == TIAO_NODE_ARTICLE && c->dec->is_amendment;
		for (size_t k = i; k < j; k++) {
			placement *p = &ps[k];
			const tiao_instr *in = &c->dec->instrs[p->instr];
			if (by_label) {
				/* a 修正案 keeps every number: 第X条之一 goes after 第X条 (and earlier 之N) */
				while (ci < m && (cur[ci]->num < p->pos ||
				                  (cur[ci]->num == p->pos && cur[ci]->sub < p->pos_sub)))
					prev = cur[ci++];
				if (ci < m && cur[ci]->num == p->pos && cur[ci]->sub == p->pos_sub) {
					S_fail(c, in, TIAO_ECONFLICT, "%s already exists", p->node->label);
					S_left_out(c, p, what);
					continue;
				}
				S_insert_between(c, p, prev, ci < m ? cur[ci] : NULL);
				prev = p->node;
				continue;
			}
			if (p->pos == -1 || !p->scope) {
				if (kind != TIAO_NODE_ARTICLE) {
					S_left_out(c, p, what); /* its scope was not found (reported) */
					continue;
				}
			}
			if (p->pos < 1) {
				S_fail(c, in, TIAO_ERANGE, "no position given for the new %s", what);
				S_left_out(c, p, what);
				continue;
			}
			while (consumed + 1 < (size_t)p->pos && ci < m) {
				prev = cur[ci++];
				consumed++;
			}
			if (consumed + 1 < (size_t)p->pos && p->stated) {
				tiao_buf lb = TIAO_BUF_INIT;
				tiao_label_write(&lb, 0x6761, p->pos, 0);
				const char *ls = tiao_buf_cstr(&lb);
				S_fail(c, in, TIAO_ERENUMBER,
				       "the decision states %s, but the result has only %zu articles there",
				       ls ? ls : "?", consumed);
				tiao_buf_free(&lb);
				/* keep the article: put it back at the end of what exists */
				S_insert_between(c, p, prev, ci < m ? cur[ci] : NULL);
				prev = p->node;
				consumed++;
				continue;
			}
			if (consumed + 1 < (size_t)p->pos) {
				S_fail(c, in, TIAO_ERANGE,
				       "position %d is out of range: the result has only %zu %ss there",
				       p->pos, consumed, what);
				S_left_out(c, p, what);
				continue;
			}
			if (consumed + 1 > (size_t)p->pos && kind == TIAO_NODE_ARTICLE && k > i &&
			    ps[k - 1].pos == p->pos && ps[k - 1].node != p->node) {
				tiao_buf lb = TIAO_BUF_INIT;
				tiao_label_write(&lb, 0x6761, p->pos, 0);
				const char *ls = tiao_buf_cstr(&lb);
				S_fail(c, in, TIAO_ECONFLICT, "two provisions are placed at %s", ls ? ls : "?");
				tiao_buf_free(&lb);
				S_left_out(c, p, what);
				continue;
			}
			S_insert_between(c, p, prev, ci < m ? cur[ci] : NULL);
			prev = p->node;
			consumed++;
			if (kind == TIAO_NODE_ARTICLE && !c->dec->is_amendment)
				S_check(c, p->node, p->pos, 0, p->instr);
		}
		i = j;
	}
	free(cur);
}

/* Articles whose result number the decision states (将第X条改为第Y条) are placed at that number,
 * like insertions, and the others fill the remaining positions in their base order. When the
 * stated numbers agree with the natural order nothing moves; when they imply a reordering the
 * official consolidation follows them (监督法 2024: old 第四条 ends up as 第八条 after old 第五条
 * is stated as 第六条), and tiao says so in a note. Two provisions at one number is an error. */
static void S_pin_stated(amend_ctx *c)
{
	if (c->dec->is_amendment)
		return;
	size_t n0 = c->aplace.len;
	for (size_t k = 0; k < c->checks.len; k++) {
		struct stated_check *ck = &c->checks.items[k];
		tiao_node *n = ck->node;
		if (n->kind != TIAO_NODE_ARTICLE || !S_in_tree(c, n) || ck->sub || ck->num < 1)
			continue;
		bool dup = false;
		for (size_t q = n0; q < c->aplace.len; q++)
			if (c->aplace.items[q].node == n)
				dup = true;
		if (dup)
			continue;
		S_queue(c, 0, n, NULL, ck->num, 0, 0, ck->instr);
		c->aplace.items[c->aplace.len - 1].home = S_div_of(n);
		c->aplace.items[c->aplace.len - 1].stated = true;
	}
	for (size_t q = n0; q < c->aplace.len; q++)
		tiao_node_unlink(c->aplace.items[q].node);
}

/* Scopes named in result numbering (增加一款，作为第十四条第一款 with no base container): the
 * k-th article of the text once articles are placed (or the article so labelled in a 修正案). */
static void S_resolve_deferred(amend_ctx *c, placement *ps, size_t np, bool items)
{
	bool any = false;
	for (size_t k = 0; k < np; k++)
		if (!ps[k].scope)
			any = true;
	if (!any)
		return;
	size_t m = 0;
	for (tiao_node *a = tiao_doc_first_article(c->doc); a; a = tiao_article_next(a))
		m++;
	tiao_node **cur = malloc((m + 1) * sizeof *cur);
	if (!cur)
		return;
	m = 0;
	for (tiao_node *a = tiao_doc_first_article(c->doc); a; a = tiao_article_next(a))
		cur[m++] = a;
	for (size_t k = 0; k < np; k++) {
		placement *p = &ps[k];
		if (p->scope)
			continue;
		const tiao_instr *in = &c->dec->instrs[p->instr];
		tiao_node *art = NULL;
		if (c->dec->is_amendment) {
			for (size_t i = 0; i < m && !art; i++)
				if (cur[i]->num == p->rart && cur[i]->sub == p->rsub)
					art = cur[i];
		} else if (p->rart >= 1 && (size_t)p->rart <= m) {
			art = cur[p->rart - 1];
		}
		if (!art) {
			tiao_buf b = TIAO_BUF_INIT;
			tiao_label_write(&b, 0x6761, p->rart, p->rsub);
			const char *ls = tiao_buf_cstr(&b);
			S_fail(c, in, TIAO_ERANGE, "the result has no %s", ls ? ls : "such article");
			tiao_buf_free(&b);
			p->pos = -1;
			continue;
		}
		if (!items) {
			p->scope = art;
			continue;
		}
		tiao_node *para = p->rpara ? S_nth_child(art, TIAO_NODE_PARAGRAPH, p->rpara) : NULL;
		if (!para)
			para = S_para_with_items(art, 0);
		if (!para)
			para = art->first;
		p->scope = para;
		if (para)
			para->flags |= NF_ITEMS;
	}
	free(cur);
}

/* ------------------------------------------------------------------------------------------ */
/* renumbering                                                                                 */

static void S_fix_item_punct(amend_ctx *c, tiao_node *para)
{
	for (tiao_node *it = para->first; it; it = it->next) {
		if (it->kind != TIAO_NODE_ITEM || !it->text || it->first)
			continue;
		bool last = !it->next;
		uint32_t cp = S_last_cp(it->text);
		size_t len = strlen(it->text);
		tiao_buf b = TIAO_BUF_INIT;
		if (!last && S_is_period(cp) && cp == 0x3002) {
			tiao_buf_put(&b, it->text, len - 3);
			tiao_buf_puts(&b, "；");
		} else if (last && S_is_semi(cp) && cp == 0xFF1B) {
			tiao_buf_put(&b, it->text, len - 3);
			tiao_buf_puts(&b, "。");
		} else if ((it->flags & TIAO_NF_QUOTED) && cp && !S_is_mark(cp) && !S_is_colon(cp)) {
			tiao_buf_puts(&b, it->text);
			tiao_buf_puts(&b, last ? "。" : "；");
		} else if (last && S_is_semi(cp) && cp == ';') {
			tiao_buf_put(&b, it->text, len - 1);
			tiao_buf_puts(&b, ".");
		} else if (!last && cp == '.' && !(len >= 2 && tiao_cp_is_digit((unsigned char)it->text[len - 2]))) {
			tiao_buf_put(&b, it->text, len - 1);
			tiao_buf_puts(&b, ";");
		}
		if (b.len) {
			const char *s = S_bufdup(c, &b);
			if (s)
				it->text = s;
		}
		tiao_buf_free(&b);
	}
}

static void S_renumber_divisions(amend_ctx *c)
{
	tiao_node *root = c->doc->root;
	int chapters = 0;
	for (tiao_node *x = root; x;) {
		if (x->kind == TIAO_NODE_ARTICLE || x->kind == TIAO_NODE_APPENDIX) {
			x = S_next_skip(x, root);
			continue;
		}
		int counts[TIAO_NODE_APPENDIX + 1] = { 0 };
		for (tiao_node *ch = x->first; ch; ch = ch->next) {
			if (!S_is_div(ch))
				continue;
			int k = ++counts[ch->kind];
			if (ch->kind == TIAO_NODE_CHAPTER && c->chapters_continuous)
				k = ++chapters;
			if (ch->num != k || !ch->label) {
				uint32_t kc = ch->kind == TIAO_NODE_PART      ? 0x7F16
				              : ch->kind == TIAO_NODE_CHAPTER ? 0x7AE0
				              : ch->kind == TIAO_NODE_SECTION ? 0x8282
				                                              : 0x7F16;
				ch->num = k;
				if (ch->kind == TIAO_NODE_SUBPART) {
					tiao_buf b = TIAO_BUF_INIT;
					tiao_buf_puts(&b, "第");
					tiao_num_write(&b, k);
					tiao_buf_puts(&b, "分编");
					ch->label = S_bufdup(c, &b);
					tiao_buf_free(&b);
				} else {
					ch->label = S_label(c, kc, k, 0);
				}
			}
		}
		x = S_next_pre(x, root);
	}
}

/* A warning for each base article that no longer follows the base order (a move, or an order the
 * stated numbers imply). Real decisions reorder this way (监督法 2024, 慈善法 2023), so it is not
 * an error; but a mistyped 改为第Y条 would look the same, so it is never silent: the warning names
 * the instruction whose stated number caused it. */
static void S_note_reorders(amend_ctx *c)
{
	int maxb = 0;
	tiao_node *maxn = NULL;
	for (tiao_node *a = tiao_doc_first_article(c->doc); a; a = tiao_article_next(a)) {
		if (a->flags & TIAO_NF_NEW)
			continue;
		if (a->base_num < maxb && maxn) {
			char msg[300];
			tiao_buf b = TIAO_BUF_INIT;
			tiao_label_write(&b, 0x6761, a->base_num, a->base_sub);
			tiao_buf_puts(&b, "\t");
			tiao_label_write(&b, 0x6761, maxn->base_num, maxn->base_sub);
			const char *ls = tiao_buf_cstr(&b);
			const char *tab = ls ? strchr(ls, '\t') : NULL;
			snprintf(msg, sizeof msg,
			         "base %.*s now follows base %s (the decision moves or renumbers around it)",
			         tab ? (int)(tab - ls) : 0, ls ? ls : "", tab ? tab + 1 : "?");
			tiao_buf_free(&b);
			/* point at the instruction whose stated number put maxn ahead, if any */
			size_t line = 0, col = 0;
			for (size_t k = 0; k < c->checks.len; k++)
				if (c->checks.items[k].node == maxn && c->checks.items[k].instr < c->dec->n) {
					line = c->dec->instrs[c->checks.items[k].instr].line;
					col = c->dec->instrs[c->checks.items[k].instr].col;
					break;
				}
			S_diag(c, TIAO_WARNING, "reordered", line, col, "%s", msg);
			S_tracef(c, NULL, "note: %s", msg);
		}
		if (a->base_num > maxb) {
			maxb = a->base_num;
			maxn = a;
		}
	}
}

static void S_renumber(amend_ctx *c)
{
	bool articles = !c->dec->is_amendment && (c->dec->renumber || c->structure_changed);
	if (articles && !c->dec->renumber)
		S_tracef(c, NULL, "note: the decision orders no renumbering, but articles were added or "
		                  "removed: renumbered");
	if (articles)
		S_note_reorders(c);
	if (articles) {
		int k = 0;
		for (tiao_node *a = tiao_doc_first_article(c->doc); a; a = tiao_article_next(a)) {
			k++;
			if (a->num != k || a->sub || !a->label) {
				a->num = k;
				a->sub = 0;
				a->label = S_label(c, 0x6761, k, 0);
			}
		}
		S_renumber_divisions(c);
	}
	/* items within every paragraph whose items changed */
	for (tiao_node *x = c->doc->root; x; x = S_next_pre(x, c->doc->root)) {
		if (x->kind != TIAO_NODE_PARAGRAPH || !(x->flags & NF_ITEMS))
			continue;
		int k = 0;
		for (tiao_node *it = x->first; it; it = it->next) {
			if (it->kind != TIAO_NODE_ITEM)
				continue;
			k++;
			if (it->num != k || !it->label) {
				it->num = k;
				it->label = S_item_label(c, k);
			}
		}
		S_fix_item_punct(c, x);
	}
	/* quoted paragraphs that end without closing punctuation take a 。; so do quoted items (the
	 * last of the list; the others a ；) — a block whose 。 stood after the closing mark of its
	 * last item (…（五）…保存两年”。 — 宁夏 中卫 2024) */
	for (tiao_node *x = c->doc->root; x; x = S_next_pre(x, c->doc->root)) {
		if ((x->kind != TIAO_NODE_PARAGRAPH && x->kind != TIAO_NODE_ITEM) || !(x->flags & TIAO_NF_QUOTED) ||
		    !x->text || !*x->text || x->first)
			continue;
		uint32_t cp = S_last_cp(x->text);
		if (tiao_cp_is_han(cp) || tiao_cp_is_digit(cp)) {
			bool semi = x->kind == TIAO_NODE_ITEM && x->next && x->next->kind == TIAO_NODE_ITEM;
			tiao_buf b = TIAO_BUF_INIT;
			tiao_buf_puts(&b, x->text);
			tiao_buf_puts(&b, semi ? "；" : "。");
			const char *s = S_bufdup(c, &b);
			if (s)
				x->text = s;
			tiao_buf_free(&b);
		}
	}
}

static bool S_in_tree(amend_ctx *c, const tiao_node *n)
{
	while (n && n->parent)
		n = n->parent;
	return n == c->doc->root;
}

static void S_checks(amend_ctx *c)
{
	tiao_buf b = TIAO_BUF_INIT;
	for (size_t k = 0; k < c->checks.len; k++) {
		struct stated_check *ck = &c->checks.items[k];
		const tiao_instr *in = &c->dec->instrs[ck->instr];
		tiao_node *n = ck->node;
		if (!S_in_tree(c, n))
			continue; /* reported elsewhere (deleted, or not placed) */
		int got = 0, gsub = 0;
		uint32_t kind = 0x6761;
		if (n->kind == TIAO_NODE_ARTICLE) {
			if (c->dec->is_amendment)
				continue;
			got = n->num, gsub = n->sub;
		} else if (n->kind == TIAO_NODE_PARAGRAPH) {
			got = S_child_index(n), kind = 0x6B3E;
		} else if (n->kind == TIAO_NODE_ITEM) {
			got = n->num, kind = 0x9879;
		} else {
			continue;
		}
		if (got == ck->num && gsub == ck->sub)
			continue;
		tiao_buf_clear(&b);
		tiao_label_write(&b, kind, ck->num, ck->sub);
		tiao_buf_puts(&b, "\t");
		tiao_label_write(&b, kind, got, gsub);
		const char *s = tiao_buf_cstr(&b);
		const char *tab = s ? strchr(s, '\t') : NULL;
		S_fail(c, in, TIAO_ERENUMBER, "the decision states %.*s, but the result numbers it %s",
		       tab ? (int)(tab - s) : 0, s ? s : "", tab ? tab + 1 : "?");
	}
	tiao_buf_free(&b);
}

/* ------------------------------------------------------------------------------------------ */
/* cross-references                                                                            */

static void S_put_num_like(tiao_buf *b, const char *orig, long v)
{
	unsigned char c0 = (unsigned char)orig[0];
	if (c0 >= '0' && c0 <= '9') {
		tiao_buf_printf(b, "%ld", v);
	} else if (c0 == 0xEF && (unsigned char)orig[1] == 0xBC) { /* full-width digits */
		char tmp[32];
		snprintf(tmp, sizeof tmp, "%ld", v);
		for (char *p = tmp; *p; p++)
			tiao_buf_put_cp(b, 0xFF10 + (uint32_t)(*p - '0'));
	} else {
		tiao_num_write(b, v);
	}
}

static int S_protect_cmp(const void *a, const void *b)
{
	const struct protect *x = a, *y = b;
	return (uintptr_t)x->node < (uintptr_t)y->node ? -1 : (uintptr_t)x->node > (uintptr_t)y->node;
}

/* Whether byte range [st, en) of node x's text lies inside decision text put there by a
 * substitution or insertion (already in result numbering, §2.4). Spans are exact byte ranges, so
 * the same words carried over elsewhere in the text are still rewritten. */
static bool S_protected(amend_ctx *c, tiao_node *x, size_t st, size_t en)
{
	long *head = S_span_head(c, x, false);
	for (long i = head ? *head : -1; i >= 0; i = c->spans.items[i].next) {
		const pspan *sp = &c->spans.items[i];
		if (sp->st <= st && en <= sp->en)
			return true;
	}
	return false;
}

/* Successor of a replaced base paragraph (the first paragraph that took its place). */
static tiao_node *S_para_succ(amend_ctx *c, tiao_node *p)
{
	for (int guard = 0; p && guard < 8; guard++) {
		if (S_in_tree(c, p) && !(p->flags & (TIAO_NF_DELETED | NF_GONE)))
			return p;
		struct protect key = { p, NULL };
		struct protect *h = c->psucc.len ? bsearch(&key, c->psucc.items, c->psucc.len,
		                                           sizeof key, S_protect_cmp)
		                                 : NULL;
		p = h ? (tiao_node *)(uintptr_t)h->text : NULL;
	}
	return NULL;
}

/* The base article entry a carried-over paragraph belongs to. */
static art_entry *S_entry_of_para(amend_ctx *c, tiao_node *p)
{
	struct protect key = { p, NULL };
	struct protect *h = c->pown.len ? bsearch(&key, c->pown.items, c->pown.len, sizeof key,
	                                          S_protect_cmp)
	                                : NULL;
	return h ? &c->arts[(uintptr_t)h->text] : NULL;
}

typedef struct ref_loc {
	long art, para, item; /* result numbers, -1 unknown */
	bool deleted;
} ref_loc;

/* Where the provision a token names (base numbering) is in the result. */
static ref_loc S_locate(amend_ctx *c, art_entry *e, int para, int item, tiao_xlevel level)
{
	ref_loc r = { -1, -1, -1, false };
	if (level == TIAO_XLVL_ARTICLE) {
		tiao_node *n = e->node;
		if ((n->flags & TIAO_NF_DELETED) || !S_in_tree(c, n)) {
			if (e->succ && S_in_tree(c, e->succ))
				n = e->succ;
			else {
				r.deleted = true;
				return r;
			}
		}
		if (n->sub == 0)
			r.art = n->num;
		return r;
	}
	tiao_node *p = NULL;
	if (para >= 1 && (size_t)para <= e->nparas)
		p = e->paras[para - 1];
	else if (!para && level == TIAO_XLVL_ITEM)
		for (size_t q = 0; q < e->nparas && !p; q++)
			if (e->paras[q]->first)
				p = e->paras[q];
	if (!p)
		return r;
	tiao_node *np = S_para_succ(c, p);
	if (!np) {
		if ((p->flags & NF_GONE) && !(p->flags & TIAO_NF_DELETED))
			return r; /* replaced with its article: the quote decides */
		r.deleted = true;
		return r;
	}
	tiao_node *na = S_article_of(np);
	if (na && na->sub == 0)
		r.art = na->num;
	r.para = S_child_index(np);
	if (level == TIAO_XLVL_PARA)
		return r;
	if (np != p)
		return r; /* the paragraph was replaced: its items are the quote's */
	tiao_node *it = NULL;
	for (tiao_node *i = np->first; i; i = i->next)
		if (i->base_num == item && !(i->flags & TIAO_NF_NEW))
			it = i;
	if (!it) {
		r.deleted = !(np->flags & TIAO_NF_QUOTED);
		return r;
	}
	if (!(it->flags & NF_GONE))
		r.item = it->num;
	return r;
}

/* The instruction that deleted or replaced node n (for "both locations" in warnings), or NULL. */
static const tiao_instr *S_claimer(amend_ctx *c, const tiao_node *n)
{
	for (size_t k = 0; k < c->claims.len; k++)
		if (c->claims.items[k].node == n)
			return &c->dec->instrs[c->claims.items[k].instr];
	return NULL;
}

/* Warning for a carried-over reference (in node x, article art) to a provision the decision
 * deletes: both locations, the text's (base file, result article) and the deleting instruction's.
 * what: the base provision named ("第三条第二款"); how: the words of the reference when relative
 * ("前款"), else NULL. */
static void S_warn_dangling(amend_ctx *c, tiao_node *x, tiao_node *art, const char *what,
                            const char *how, const tiao_instr *di)
{
	char where[300] = "";
	if (di)
		snprintf(where, sizeof where, " (by %s at %s:%zu:%zu)",
		         di->label ? di->label : "an instruction", c->file ? c->file : "decision", di->line,
		         di->col);
	char who[128] = "the text";
	if (art && art->label && !(art->flags & TIAO_NF_NEW) &&
	    (art->base_num != art->num || art->base_sub != art->sub)) {
		tiao_buf wb = TIAO_BUF_INIT;
		tiao_label_write(&wb, 0x6761, art->base_num, art->base_sub);
		const char *ws = tiao_buf_cstr(&wb);
		snprintf(who, sizeof who, "%s (base %s)", art->label, ws ? ws : "?");
		tiao_buf_free(&wb);
	} else if (art && art->label) {
		snprintf(who, sizeof who, "%s", art->label);
	}
	/* a provision split out or merged into a new article is gone from where the reference
	 * points too; the reference cannot be rewritten exactly (its form would change) */
	bool moved = di && (di->op == TIAO_OP_SPLIT_OUT || di->op == TIAO_OP_MERGE ||
	                    di->op == TIAO_OP_MOVE || di->op == TIAO_OP_SPLIT_ARTICLE);
	char msg[800];
	snprintf(msg, sizeof msg, "%s refers to base %s%s%s%s, which the decision %s%s", who,
	         what ? what : "?", how ? " (" : "", how ? how : "", how ? ")" : "",
	         moved ? "moves out of its place" : "deletes", where);
	tiao_diag d;
	d.severity = TIAO_WARNING;
	d.check = "dangling-reference";
	d.message = msg;
	d.file = c->doc->filename;
	d.line = x->line;
	d.column = x->col;
	if (c->cb)
		c->cb(&d, c->payload);
}

/* A warning for a relative reference tiao cannot rewrite exactly. */
static void S_warn_relative(amend_ctx *c, tiao_node *x, tiao_node *art, const char *phrase,
                            const char *why)
{
	char msg[600];
	snprintf(msg, sizeof msg, "%s: the relative reference “%s” %s; check it by hand",
	         art && art->label ? art->label : "the text", phrase, why);
	tiao_diag d;
	d.severity = TIAO_WARNING;
	d.check = "relative-reference";
	d.message = msg;
	d.file = c->doc->filename;
	d.line = x->line;
	d.column = x->col;
	if (c->cb)
		c->cb(&d, c->payload);
}

/* Write the explicit form of a list of sibling numbers (paragraphs or articles), the way official
 * consolidations spell what a relative reference named: one → 第二款; two → 第一款、第二款; three
 * or more consecutive → 第一款至第三款; otherwise each, joined by 、. art > 0 prefixes the article
 * (第五条第二款) when the paragraphs now lie in another article than the referring text. */
static void S_write_explicit(tiao_buf *b, uint32_t kind, const int *nums, const int *subs, int n,
                             int art, int art_sub)
{
	bool consecutive = true;
	for (int k = 1; k < n; k++)
		if (nums[k] != nums[k - 1] + 1 || subs[k] || subs[k - 1])
			consecutive = false;
	if (art > 0)
		tiao_label_write(b, 0x6761, art, art_sub);
	if (n >= 3 && consecutive) {
		tiao_label_write(b, kind, nums[0], subs[0]);
		tiao_buf_puts(b, "至");
		tiao_label_write(b, kind, nums[n - 1], subs[n - 1]);
		return;
	}
	for (int k = 0; k < n; k++) {
		if (k)
			tiao_buf_puts(b, "、");
		tiao_label_write(b, kind, nums[k], subs[k]);
	}
}

/* The last article in n's subtree (n itself when an article), or NULL. */
static tiao_node *S_last_article_in(tiao_node *n)
{
	if (n->kind == TIAO_NODE_ARTICLE)
		return n;
	if (!S_is_div(n) && n->kind != TIAO_NODE_DOCUMENT)
		return NULL;
	for (tiao_node *ch = n->last; ch; ch = ch->prev) {
		tiao_node *a = S_last_article_in(ch);
		if (a)
			return a;
	}
	return NULL;
}

/* The article before art in document order (across divisions), or NULL. */
static tiao_node *S_article_before(tiao_node *art)
{
	for (tiao_node *n = art; n && n->kind != TIAO_NODE_DOCUMENT; n = n->parent)
		for (tiao_node *p = n->prev; p; p = p->prev) {
			tiao_node *a = S_last_article_in(p);
			if (a)
				return a;
		}
	return NULL;
}

/*
 * Relative references in carried-over text (§5.3): 前款 / 前两款 / 前三款 name the paragraph(s)
 * just before the referring paragraph IN THE BASE TEXT, 前条 / 前两条 the article(s) just before
 * the referring article in the base text. After the decision:
 *  - if the named provisions are exactly the ones now just before the referring paragraph (same
 *    article) or article, the relative form is kept (it still names the same provisions);
 *  - if one of them is deleted, the reference dangles: a warning with both locations;
 *  - otherwise the relative form no longer names them (a paragraph or article was inserted,
 *    deleted or moved between), and it is replaced by the explicit form official consolidations
 *    use: 第二款; 第一款、第二款; 第一款至第三款; 第N条 (a paragraph now in another article:
 *    第N条第二款);
 *  - if a named paragraph was replaced by quoted text, or the named paragraphs now lie in several
 *    articles, tiao cannot tell which provision the reference means: a warning, text unchanged.
 * Appends the replacement of the phrase t to b and returns true when it rewrote it.
 */
static bool S_rewrite_relative(amend_ctx *c, tiao_node *x, tiao_node *bp, art_entry *home,
                               tiao_node *art, const tiao_xtok *t, const tiao_xtok *next,
                               const char *s, tiao_buf *b)
{
	int n = t->count > 0 ? t->count : 1;
	if (n > 16 || !home || !art)
		return false;
	char phrase[64];
	snprintf(phrase, sizeof phrase, "%.*s", (int)(t->end - t->start), s + t->start);
	int nums[16], subs[16];
	tiao_buf lab = TIAO_BUF_INIT;
	bool rewritten = false;
	if (t->level == TIAO_XLVL_PARA) {
		int P = bp ? bp->base_num : 0;
		if (P - n < 1)
			goto out; /* 前款 in a first paragraph: nothing to track */
		tiao_node *nart = NULL;
		bool same_art = true, replaced = false;
		for (int k = 0; k < n; k++) {
			int q = P - n + k;
			if ((size_t)q > home->nparas)
				goto out;
			tiao_node *p = home->paras[q - 1];
			tiao_node *np = S_para_succ(c, p);
			if (!np) {
				if ((p->flags & NF_GONE) && !(p->flags & TIAO_NF_DELETED))
					goto out; /* replaced with its whole article: the quote decides */
				tiao_buf_clear(&lab);
				tiao_label_write(&lab, 0x6761, home->num, home->sub);
				tiao_label_write(&lab, 0x6B3E, q, 0);
				const char *ls = tiao_buf_cstr(&lab);
				S_warn_dangling(c, x, art, ls, phrase, S_claimer(c, p));
				goto out;
			}
			if (np != p && !(np->flags & NF_SOLE))
				replaced = true;
			tiao_node *a = S_article_of(np);
			if (k == 0)
				nart = a;
			else if (a != nart)
				same_art = false;
			nums[k] = S_child_index(np);
			subs[k] = 0;
		}
		int R = bp ? S_child_index(bp) : 0;
		bool still = same_art && nart == art;
		for (int k = 0; still && k < n; k++)
			if (nums[k] != R - n + k)
				still = false;
		if (still)
			goto out;
		if (!same_art || !nart) {
			S_warn_relative(c, x, art, phrase, "names paragraphs that now lie in different articles");
			goto out;
		}
		if (replaced) {
			S_warn_relative(c, x, art, phrase,
			                "no longer names the paragraph(s) it named, one of which the decision "
			                "replaces by new text");
			goto out;
		}
		S_write_explicit(b, 0x6B3E, nums, subs, n, nart == art ? 0 : nart->num, nart->sub);
		rewritten = true;
		goto out;
	}
	if (t->level == TIAO_XLVL_ARTICLE) {
		size_t hi = (size_t)(home - c->arts);
		if (hi < (size_t)n)
			goto out;
		tiao_node *named[16];
		for (int k = 0; k < n; k++) {
			art_entry *e = &c->arts[hi - (size_t)n + (size_t)k];
			tiao_node *a = e->node;
			if ((a->flags & TIAO_NF_DELETED) || !S_in_tree(c, a))
				a = e->succ && S_in_tree(c, e->succ) ? e->succ : NULL;
			if (!a) {
				tiao_buf_clear(&lab);
				tiao_label_write(&lab, 0x6761, e->num, e->sub);
				const char *ls = tiao_buf_cstr(&lab);
				S_warn_dangling(c, x, art, ls, phrase,
				                e->del_instr >= 0 ? &c->dec->instrs[e->del_instr] : NULL);
				goto out;
			}
			/* 前条第二款: the article follows its paragraph when that moved (split out) */
			if (n == 1 && next && next->rel == TIAO_XREL_THIS_ART && !next->art &&
			    next->level == TIAO_XLVL_PARA && next->start == t->end + 3 && next->para >= 1 &&
			    (size_t)next->para <= e->nparas) {
				tiao_node *np = S_para_succ(c, e->paras[next->para - 1]);
				tiao_node *pa = np ? S_article_of(np) : NULL;
				if (pa && S_in_tree(c, pa))
					a = pa;
			}
			named[k] = a;
			nums[k] = a->num;
			subs[k] = a->sub;
		}
		/* the articles now just before the referring one */
		bool still = true;
		tiao_node *prev = art;
		for (int k = n - 1; k >= 0 && still; k--) {
			tiao_node *pa = prev ? S_article_before(prev) : NULL;
			if (pa != named[k])
				still = false;
			prev = pa;
		}
		if (still)
			goto out;
		for (int k = 1; k < n; k++)
			if (named[k] == named[k - 1]) {
				S_warn_relative(c, x, art, phrase, "names articles the decision merges");
				goto out;
			}
		S_write_explicit(b, 0x6761, nums, subs, n, 0, 0);
		rewritten = true;
	}
out:
	tiao_buf_free(&lab);
	return rewritten;
}

static void S_rewrite_refs(amend_ctx *c)
{
	if (c->psucc.len)
		qsort(c->psucc.items, c->psucc.len, sizeof *c->psucc.items, S_protect_cmp);
	/* which base article each base paragraph belongs to */
	for (size_t k = 0; k < c->narts; k++)
		for (size_t q = 0; q < c->arts[k].nparas; q++) {
			struct protect pr = { c->arts[k].paras[q], (const char *)(uintptr_t)k };
			TIAO_VEC_PUSH(&c->pown, pr);
		}
	if (c->pown.len)
		qsort(c->pown.items, c->pown.len, sizeof *c->pown.items, S_protect_cmp);
	tiao_xrefs xr;
	memset(&xr, 0, sizeof xr);
	tiao_buf b = TIAO_BUF_INIT;
	tiao_buf lab = TIAO_BUF_INIT;
	for (tiao_node *x = c->doc->root; x; x = S_next_pre(x, c->doc->root)) {
		if ((x->kind != TIAO_NODE_PARAGRAPH && x->kind != TIAO_NODE_ITEM &&
		     x->kind != TIAO_NODE_SUBITEM) ||
		    !x->text || (x->flags & TIAO_NF_QUOTED))
			continue;
		const char *s = x->text;
		size_t len = strlen(s);
		xr.toks.len = 0;
		xr.nrefs = 0;
		if (tiao_xref_scan(&xr, s, len) != 0 || !xr.toks.len)
			continue;
		tiao_node *art = S_article_of(x);
		/* the base article this text comes from (for 本条第Y款) */
		tiao_node *bp = x;
		while (bp && bp->kind != TIAO_NODE_PARAGRAPH)
			bp = bp->parent;
		art_entry *home = bp ? S_entry_of_para(c, bp) : NULL;
		tiao_buf_clear(&b);
		size_t copied = 0;
		bool changed = false;
		for (size_t k = 0; k < xr.toks.len; k++) {
			const tiao_xtok *t = &xr.toks.items[k];
			if (t->external || t->start < copied || t->end > len)
				continue;
			int tart = t->art, tsub = t->art_sub, tpara = t->para;
			if ((t->rel == TIAO_XREL_PREV_PARA || t->rel == TIAO_XREL_PREV_ART) &&
			    t->level != TIAO_XLVL_ITEM && t->level != TIAO_XLVL_SUBITEM) {
				/* 前款 / 前两款 / 前条: the token spans the phrase */
				if (c->spans.len && S_protected(c, x, t->start, t->end))
					continue;
				size_t mark = b.len;
				tiao_buf_put(&b, s + copied, t->start - copied);
				size_t before = b.len;
				const tiao_xtok *nt = k + 1 < xr.toks.len ? &xr.toks.items[k + 1] : NULL;
				if (S_rewrite_relative(c, x, bp, home, art, t, nt, s, &b) && b.len > before) {
					copied = t->end;
					changed = true;
				} else {
					b.len = mark; /* nothing written: the text up to here is copied later */
				}
				continue;
			}
			if (t->rel == TIAO_XREL_PREV_PARA) {
				/* 前款第（一）项: an item of the paragraph before the referring one (base) */
				if (!home || !bp || bp->base_num - (t->count > 0 ? t->count : 1) < 1 ||
				    t->count > 1)
					continue;
				tart = home->num;
				tsub = home->sub;
				tpara = bp->base_num - 1;
			} else if (tiao_xtok_of_prev_article(t, s)) {
				/* 前条第二款: a paragraph of the article before the referring one (base) */
				if (!home || home == c->arts)
					continue;
				tart = home[-1].num;
				tsub = home[-1].sub;
			} else if (t->rel == TIAO_XREL_THIS_ART || t->rel == TIAO_XREL_THIS_PARA) {
				if (!home)
					continue;
				tart = home->num;
				tsub = home->sub;
				if (t->rel == TIAO_XREL_THIS_PARA) {
					if (!bp || bp->base_num < 1)
						continue;
					/* a bare 第Z项 in a paragraph without items names the article's items
					 * (刑法 第三百八十三条: 犯第一款罪，有第一项规定情形的) */
					tpara = bp->first ? bp->base_num : 0;
				}
			} else if (t->rel != TIAO_XREL_NONE) {
				continue;
			}
			if (!tart)
				continue;
			if (c->spans.len && S_protected(c, x, t->start, t->end))
				continue;
			art_entry *e = S_find_entry(c, tart, tsub);
			if (!e)
				continue;
			long newv = -1, oldv = 0;
			ref_loc loc;
			if (t->level == TIAO_XLVL_ARTICLE) {
				oldv = tart;
				loc = S_locate(c, e, 0, 0, TIAO_XLVL_ARTICLE);
				/* 第七十二条第二款: the article follows its paragraph when that moved */
				if (k + 1 < xr.toks.len && xr.toks.items[k + 1].ref == t->ref &&
				    xr.toks.items[k + 1].level == TIAO_XLVL_PARA &&
				    xr.toks.items[k + 1].art == t->art && !xr.toks.items[k + 1].range_end) {
					ref_loc pl = S_locate(c, e, xr.toks.items[k + 1].para, 0, TIAO_XLVL_PARA);
					if (pl.art > 0)
						loc = pl;
				}
				newv = loc.art;
				bool refined = k + 1 < xr.toks.len && xr.toks.items[k + 1].ref == t->ref &&
				               xr.toks.items[k + 1].level != TIAO_XLVL_ARTICLE &&
				               !xr.toks.items[k + 1].range_end;
				if (!refined && e->split_instr >= 0 && !loc.deleted && S_in_tree(c, e->node) &&
				    !(e->node->flags & TIAO_NF_DELETED)) {
					/* the whole of base 第X条 now lies in two articles: the reference follows
					 * the article that stays, as official consolidations do (慈善法 2023: 第二十三条
					 * 第三款 became 第二十七条, 第三十条's 本法第二十三条 still names 第二十三条);
					 * the trace says so */
					const tiao_instr *si = &c->dec->instrs[e->split_instr];
					S_tracef(c, NULL,
					         "note: %s refers to base 第%.*s条 as a whole; %s (line %zu) moves part "
					         "of it into a new article: the reference follows the article that stays",
					         art && art->label ? art->label : "the text",
					         (int)(t->end - t->start), s + t->start,
					         si->label ? si->label : "an instruction", si->line);
				}
			} else if (t->level == TIAO_XLVL_PARA) {
				oldv = tpara;
				loc = S_locate(c, e, tpara, 0, TIAO_XLVL_PARA);
				newv = loc.para;
			} else if (t->level == TIAO_XLVL_ITEM) {
				oldv = t->item;
				loc = S_locate(c, e, tpara, t->item, TIAO_XLVL_ITEM);
				newv = loc.item;
			} else {
				continue;
			}
			if (loc.deleted) {
				tiao_buf_clear(&lab);
				tiao_label_write(&lab, 0x6761, tart, tsub);
				if (t->level != TIAO_XLVL_ARTICLE && tpara)
					tiao_label_write(&lab, 0x6B3E, tpara, 0);
				if (t->level == TIAO_XLVL_ITEM) {
					tiao_buf_puts(&lab, "第");
					tiao_item_label_write(&lab, t->item);
					tiao_buf_puts(&lab, "项");
				}
				const char *ls = tiao_buf_cstr(&lab);
				/* the instruction that deleted it: the article's, or the paragraph's or item's */
				const tiao_instr *di =
				    t->level == TIAO_XLVL_ARTICLE && e->del_instr >= 0 ? &c->dec->instrs[e->del_instr]
				                                                        : NULL;
				if (!di && t->level != TIAO_XLVL_ARTICLE && tpara >= 1 &&
				    (size_t)tpara <= e->nparas) {
					tiao_node *bpn = e->paras[tpara - 1];
					di = S_claimer(c, bpn);
					/* an item: the instruction that names it (it left its paragraph) */
					for (size_t q = 0; !di && t->level == TIAO_XLVL_ITEM && q < c->claims.len;
					     q++) {
						const tiao_node *cn = c->claims.items[q].node;
						const tiao_instr *ci = &c->dec->instrs[c->claims.items[q].instr];
						if (cn->kind != TIAO_NODE_ITEM || cn->base_num != t->item)
							continue;
						for (size_t r = 0; r < ci->ntargets && !di; r++) {
							const tiao_addr *ta = &ci->targets[r];
							if (ta->at == TIAO_AT_ITEM && ta->item == t->item &&
							    (!ta->art || (ta->art == tart && ta->art_sub == tsub)) &&
							    (!ta->para || ta->para == tpara))
								di = ci;
						}
					}
				}
				if (!di && e->del_instr >= 0)
					di = &c->dec->instrs[e->del_instr];
				S_warn_dangling(c, x, art, ls, NULL, di);
				continue;
			}
			if (t->level == TIAO_XLVL_PARA && t->rel == TIAO_XREL_THIS_ART && home &&
			    e == home && art && !art->sub && loc.art > 0 && loc.art != art->num) {
				/* 本条第二款 / a bare 第二款 whose paragraph went to another article */
				/* show the reference as written: [本条]第Y款 */
				size_t ps = t->start >= 3 ? t->start - 3 : t->start;
				if (ps >= 6 && memcmp(s + ps - 6, "本条", 6) == 0)
					ps -= 6;
				size_t pe = t->end + 3 <= len ? t->end + 3 : t->end;
				char ph[96];
				snprintf(ph, sizeof ph, "%.*s", (int)(pe - ps), s + ps);
				S_warn_relative(c, x, art, ph,
				                "names a paragraph the decision moves to another article");
				continue;
			}
			if (newv > 0 && newv != oldv) {
				tiao_buf_put(&b, s + copied, t->start - copied);
				S_put_num_like(&b, s + t->start, newv);
				copied = t->end;
				changed = true;
			}
		}
		if (changed) {
			tiao_buf_put(&b, s + copied, len - copied);
			const char *r = S_bufdup(c, &b);
			if (r) {
				x->text = r;
				x->flags |= TIAO_NF_MODIFIED;
			}
		}
	}
	tiao_xrefs_free(&xr);
	tiao_buf_free(&b);
	tiao_buf_free(&lab);
}

/* References in decision text (quotes, substituted or inserted phrases) are in result numbering
 * (§2.4) and are never rewritten; one that names an article the result does not have is a mistake
 * in the decision or a base-numbered reference copied into new text: a warning, never silence. */
static void S_check_new_refs(amend_ctx *c)
{
	int maxnum = 0;
	size_t m = 0;
	for (tiao_node *a = tiao_doc_first_article(c->doc); a; a = tiao_article_next(a)) {
		m++;
		if (a->num > maxnum)
			maxnum = a->num;
	}
	int limit = c->dec->is_amendment ? maxnum : (int)m;
	tiao_xrefs xr;
	memset(&xr, 0, sizeof xr);
	for (tiao_node *x = c->doc->root; x; x = S_next_pre(x, c->doc->root)) {
		if ((x->kind != TIAO_NODE_PARAGRAPH && x->kind != TIAO_NODE_ITEM &&
		     x->kind != TIAO_NODE_SUBITEM) ||
		    !x->text)
			continue;
		bool quoted = x->flags & TIAO_NF_QUOTED;
		if (!quoted && !S_span_head(c, x, false))
			continue;
		xr.toks.len = 0;
		xr.nrefs = 0;
		if (tiao_xref_scan(&xr, x->text, strlen(x->text)) != 0)
			break;
		for (size_t k = 0; k < xr.toks.len; k++) {
			const tiao_xtok *t = &xr.toks.items[k];
			if (t->external || t->rel != TIAO_XREL_NONE || t->level != TIAO_XLVL_ARTICLE ||
			    t->art <= limit)
				continue;
			if (!quoted && !S_protected(c, x, t->start, t->end))
				continue;
			tiao_node *art = S_article_of(x);
			tiao_buf lb = TIAO_BUF_INIT;
			tiao_label_write(&lb, 0x6761, t->art, t->art_sub);
			const char *ls = tiao_buf_cstr(&lb);
			char msg[600];
			snprintf(msg, sizeof msg,
			         "%s: new text of the decision refers to %s, but the result has %zu articles "
			         "(decision text is in result numbering and is not rewritten)",
			         art && art->label ? art->label : "the text", ls ? ls : "?", m);
			tiao_buf_free(&lb);
			/* point at the instruction that wrote the text, when one did */
			const tiao_instr *src = NULL;
			for (size_t q = 0; q < c->cnodes.len && !src; q++)
				for (tiao_node *y = x; y && !src; y = y->parent)
					if (y == c->cnodes.items[q].node)
						src = &c->dec->instrs[c->cnodes.items[q].instr];
			tiao_diag d;
			d.severity = TIAO_WARNING;
			d.check = "reference-out-of-range";
			d.message = msg;
			d.file = src ? c->file : c->doc->filename;
			d.line = src ? src->line : x->line;
			d.column = src ? src->col : x->col;
			if (c->cb)
				c->cb(&d, c->payload);
		}
	}
	tiao_xrefs_free(&xr);
}

/* ------------------------------------------------------------------------------------------ */
/* 题注                                                                                        */

/* Copy s converting 《》 to 〈〉 (a title inside 《…》) and < > to 〈〉. */
static void S_put_inner_title(tiao_buf *b, const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		size_t at = i;
		uint32_t cp = tiao_utf8_next(s, len, &i);
		if (cp == 0x300A || cp == 0xAB || cp == '<')
			tiao_buf_put_cp(b, 0x3008);
		else if (cp == 0x300B || cp == 0xBB || cp == '>')
			tiao_buf_put_cp(b, 0x3009);
		else
			tiao_buf_put(b, s + at, i - at);
	}
}

static bool S_is_event_line(const char *s, const char **verb)
{
	/* …》(第N次)修正 / 修订, optionally followed by a closing parenthesis */
	size_t len = strlen(s);
	while (len && (s[len - 1] == ')' || s[len - 1] == ' '))
		len--;
	if (len >= 3 && memcmp(s + len - 3, "）", 3) == 0)
		len -= 3;
	const char *vs[] = { "修正", "修订" };
	for (size_t k = 0; k < 2; k++) {
		size_t vl = strlen(vs[k]);
		if (len >= vl && memcmp(s + len - vl, vs[k], vl) == 0) {
			const char *close = strstr(s, "》");
			if (!close || (size_t)(close - s) > len)
				return false;
			*verb = vs[k];
			return true;
		}
	}
	return false;
}

static void S_add_note(amend_ctx *c)
{
	const tiao_decision *dec = c->dec;
	tiao_doc *d = c->doc;
	if (!dec->title) {
		S_diag(c, TIAO_WARNING, "no-adoption-note", 1, 1,
		       "the decision has no title: the 题注 is not updated");
		return;
	}
	const char *date = dec->date ? dec->date : "";
	if (!dec->date)
		S_diag(c, TIAO_WARNING, "no-adoption-date", 1, 1,
		       "the decision states no adoption date: the new 题注 line has none");
	const char *title = dec->title;
	const char *rel = strstr(title, "关于");
	const char *organ = dec->organ ? dec->organ : "";
	tiao_buf b = TIAO_BUF_INIT;
	const char **notes = tiao_arena_alloc(&d->arena, (d->nnotes + 1) * sizeof *notes);
	if (!notes)
		return;
	for (size_t i = 0; i < d->nnotes; i++)
		notes[i] = d->notes[i];
	size_t nn = d->nnotes;
	bool paren = nn && (S_starts_with(notes[0], "（") || notes[0][0] == '(');

	if (nn == 0 || paren) {
		tiao_buf_puts(&b, "根据");
		tiao_buf_puts(&b, date);
		tiao_buf_puts(&b, organ);
		if (dec->is_amendment) {
			tiao_buf_puts(&b, "通过的《");
			tiao_buf_puts(&b, title);
			tiao_buf_puts(&b, "》");
		} else if (dec->approval) {
			/* a 设区的市's decision approved by the province (浙江, 山东 gazettes):
			 * 根据<date><organ>通过　<date2><organ2>批准的《<full title>》修正 */
			tiao_buf_puts(&b, "通过　");
			tiao_buf_puts(&b, dec->approval);
			tiao_buf_puts(&b, "批准的《");
			S_put_inner_title(&b, title);
			tiao_buf_puts(&b, "》");
		} else {
			tiao_buf_puts(&b, rel ? rel : title);
		}
		tiao_buf_puts(&b, "修正");
		const char *ev = tiao_buf_cstr(&b);
		if (!ev)
			goto out;
		tiao_buf nb = TIAO_BUF_INIT;
		if (nn == 0) {
			tiao_buf_puts(&nb, "（");
			tiao_buf_puts(&nb, ev);
			tiao_buf_puts(&nb, "）");
			notes[nn++] = S_bufdup(c, &nb);
		} else {
			const char *last = notes[nn - 1];
			size_t len = strlen(last), cut = len;
			if (len >= 3 && memcmp(last + len - 3, "）", 3) == 0)
				cut = len - 3;
			else if (len && last[len - 1] == ')')
				cut = len - 1;
			const char *closing = last + cut;
			if (nn == 1) {
				/* one line: the new event joins it before the closing parenthesis */
				const char *sep = strstr(last, " 根据") ? " " : "　";
				tiao_buf_put(&nb, last, cut);
				tiao_buf_puts(&nb, sep);
				tiao_buf_puts(&nb, ev);
				tiao_buf_puts(&nb, *closing ? closing : "）");
				notes[nn - 1] = S_bufdup(c, &nb);
			} else {
				/* one event per line: a new line carries the closing parenthesis */
				notes[nn - 1] = tiao_doc_strdup(d, last, cut);
				tiao_buf_puts(&nb, ev);
				tiao_buf_puts(&nb, *closing ? closing : "）");
				notes[nn++] = S_bufdup(c, &nb);
			}
		}
		tiao_buf_free(&nb);
	} else {
		/* dated lines: <date> <organ>《<title>》第N次修正 */
		size_t nevents = 0;
		long last_ev = -1;
		const char *verb = NULL;
		for (size_t i = 0; i < nn; i++) {
			const char *v;
			if (S_is_event_line(notes[i], &v)) {
				nevents++;
				last_ev = (long)i;
				verb = v;
			}
		}
		const char *ref = last_ev >= 0 ? notes[last_ev] : NULL;
		/* every earlier event of the same kind counts (国务院令第731号第三次修订 has no 《》) */
		if (verb) {
			size_t same = 0;
			for (size_t i = 0; i < nn; i++) {
				const char *t = notes[i];
				size_t tl = strlen(t);
				while (tl && (t[tl - 1] == ')' || t[tl - 1] == ' '))
					tl--;
				if (tl >= 3 && memcmp(t + tl - 3, "）", 3) == 0)
					tl -= 3;
				if (tl >= 6 && memcmp(t + tl - 6, verb, 6) == 0)
					same++;
			}
			if (same > nevents)
				nevents = same;
		}
		bool with_organ = *organ != 0;
		bool short_title = rel != NULL;
		if (ref) {
			const char *open = strstr(ref, "《");
			const char *sp = strchr(ref, ' ');
			if (open && sp && sp + 1 == open)
				with_organ = false; /* "<date> 《…》" */
			if (open)
				short_title = S_starts_with(open + 3, "关于") && rel;
		}
		if (!verb)
			verb = with_organ ? "修正" : "修订";
		tiao_buf_puts(&b, date);
		if (*date)
			tiao_buf_puts(&b, " ");
		if (dec->is_amendment) {
			tiao_buf_puts(&b, organ);
			tiao_buf_puts(&b, "通过的《");
			tiao_buf_puts(&b, title);
			tiao_buf_puts(&b, "》");
		} else {
			if (with_organ)
				tiao_buf_puts(&b, organ);
			tiao_buf_puts(&b, "《");
			S_put_inner_title(&b, short_title ? rel : title);
			tiao_buf_puts(&b, "》");
			if (nevents) {
				tiao_buf_puts(&b, "第");
				tiao_num_write(&b, (long)nevents + 1);
				tiao_buf_puts(&b, "次");
			}
			tiao_buf_puts(&b, verb);
			/* a single earlier event without its ordinal becomes 第一次 */
			if (nevents == 1 && !strstr(ref, "次修")) {
				const char *v = strstr(ref, verb);
				const char *vv = v;
				while (vv && (vv = strstr(vv + 1, verb)) != NULL)
					v = vv;
				if (v) {
					tiao_buf nb = TIAO_BUF_INIT;
					tiao_buf_put(&nb, ref, (size_t)(v - ref));
					tiao_buf_puts(&nb, "第一次");
					tiao_buf_puts(&nb, v);
					notes[last_ev] = S_bufdup(c, &nb);
					tiao_buf_free(&nb);
				}
			}
		}
		notes[nn++] = S_bufdup(c, &b);
	}
	d->notes = notes;
	d->nnotes = nn;
	S_tracef(c, NULL, "题注: %s", notes[nn - 1] ? notes[nn - 1] : "");
out:
	tiao_buf_free(&b);
}

/* ------------------------------------------------------------------------------------------ */
/* driver                                                                                      */

static const char *S_what_past(const char *what)
{
	if (!strcmp(what, "repeal"))
		return "deleted";
	if (!strcmp(what, "replacement"))
		return "replaced";
	if (!strcmp(what, "substitution"))
		return "substituted";
	if (!strcmp(what, "insertion"))
		return "inserted";
	if (!strcmp(what, "join"))
		return "merged";
	if (!strcmp(what, "renumbering"))
		return "renumbered";
	return what;
}

/* Fill the result numbers of the changes of this decision and emit the trace. */
static void S_finish_changes(amend_ctx *c, size_t first_change)
{
	tiao_buf b = TIAO_BUF_INIT;
	for (size_t k = 0; k < c->cnodes.len; k++) {
		tiao_change *ch = &c->res->changes.items[first_change + k];
		tiao_node *n = c->cnodes.items[k].node;
		const tiao_instr *in = &c->dec->instrs[c->cnodes.items[k].instr];
		bool alive = n && S_in_tree(c, n) && !(n->flags & (TIAO_NF_DELETED | NF_GONE));
		tiao_buf_clear(&b);
		if (alive) {
			tiao_node *art = S_article_of(n);
			if (art) {
				ch->new_art = art->num;
				ch->new_art_sub = art->sub;
				tiao_label_write(&b, 0x6761, art->num, art->sub);
			}
			tiao_node *p = n;
			while (p && p->kind != TIAO_NODE_PARAGRAPH)
				p = p->kind == TIAO_NODE_ARTICLE ? NULL : p->parent;
			if (p && n->kind != TIAO_NODE_ARTICLE) {
				ch->new_para = S_child_index(p);
				if (art && tiao_node_child_count(art) > 1)
					tiao_label_write(&b, 0x6B3E, ch->new_para, 0);
			}
			if (n->kind == TIAO_NODE_ITEM) {
				ch->new_item = n->num;
				tiao_buf_puts(&b, "第");
				tiao_item_label_write(&b, n->num);
				tiao_buf_puts(&b, "项");
			}
			if (S_is_div(n) && n->label) {
				tiao_buf_puts(&b, n->label);
			}
			if (n->kind == TIAO_NODE_DOCUMENT)
				tiao_buf_puts(&b, "全文");
		} else {
			ch->new_art = 0;
		}
		if (c->trace) {
			char cnt[32] = "";
			if (ch->count > 0 && strcmp(ch->what, "replacement"))
				snprintf(cnt, sizeof cnt, ", %d×", ch->count);
			const char *res = tiao_buf_cstr(&b);
			S_tracef(c, in, "→ %s (%s%s)", alive && res && *res ? res : "—",
			         S_what_past(ch->what), cnt);
		}
	}
	tiao_buf_free(&b);
}

/* The divisions of a tree as one string (label and heading of each, in order), to tell whether a
 * decision changed them. */
static void S_div_signature(const tiao_doc *doc, tiao_buf *b)
{
	for (tiao_node *x = doc->root; x; x = S_next_pre(x, doc->root))
		if (S_is_div(x)) {
			tiao_buf_puts(b, x->label ? x->label : "");
			tiao_buf_putc(b, ' ');
			tiao_buf_puts(b, x->heading ? x->heading : "");
			tiao_buf_putc(b, '\n');
		}
}

static int S_amend_into(tiao_result *r, const tiao_decision *dec, int dec_index, int keep_going,
                        tiao_diag_cb cb, void *payload, tiao_diag_cb trace, void *tpayload,
                        tiao_error *err)
{
	amend_ctx ctx;
	amend_ctx *c = &ctx;
	memset(c, 0, sizeof *c);
	c->res = r;
	c->doc = r->doc;
	c->dec = dec;
	c->dec_index = dec_index;
	c->file = dec->filename;
	c->cb = cb;
	c->payload = payload;
	c->trace = trace;
	c->tpayload = tpayload;
	c->keep_going = keep_going;
	c->err = err;
	size_t first_change = r->changes.len;
	int rc = 0;
	tiao_buf divs_before = TIAO_BUF_INIT;
	if (c->doc->ntoc)
		S_div_signature(c->doc, &divs_before);

	/* every node is base text for this decision */
	for (tiao_node *x = c->doc->root; x; x = S_next_pre(x, c->doc->root))
		x->flags = 0;
	if ((rc = S_index(c)) != 0)
		goto done;

	/* 1. resolve every target on the base tree */
	c->resolved = calloc(dec->n ? dec->n : 1, sizeof *c->resolved);
	if (!c->resolved) {
		rc = TIAO_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < dec->n; i++) {
		const tiao_instr *in = &dec->instrs[i];
		if (!in->ntargets)
			continue;
		c->resolved[i] = calloc(in->ntargets, sizeof **c->resolved);
		if (!c->resolved[i]) {
			rc = TIAO_ENOMEM;
			goto done;
		}
		if (!S_resolve_all(c, i, c->resolved[i]) && c->stop)
			break;
	}

	/* 2. apply in decision order */
	for (size_t i = 0; i < dec->n && !c->stop; i++)
		S_apply(c, i);

	if (!c->stop) {
		/* 3. place queued insertions: articles, then paragraphs, then items */
		S_pin_stated(c);
		S_place_level(c, c->aplace.items, c->aplace.len, TIAO_NODE_ARTICLE, "article");
		S_resolve_deferred(c, c->pplace.items, c->pplace.len, false);
		S_place_level(c, c->pplace.items, c->pplace.len, TIAO_NODE_PARAGRAPH, "paragraph");
		S_resolve_deferred(c, c->iplace.items, c->iplace.len, true);
		S_place_level(c, c->iplace.items, c->iplace.len, TIAO_NODE_ITEM, "item");
		for (size_t k = 0; k < c->iplace.len; k++)
			if (c->iplace.items[k].scope)
				c->iplace.items[k].scope->flags |= NF_ITEMS;
	}
	if (!c->stop) {
		/* 4. renumber; 5. check stated numbers; 6. references; 7. 题注 */
		S_renumber(c);
		S_checks(c);
		S_rewrite_refs(c);
		S_check_new_refs(c);
		S_add_note(c);
		if (c->doc->ntoc) {
			/* a 目录 is carried over as printed: say so when the divisions it lists changed */
			tiao_buf after = TIAO_BUF_INIT;
			S_div_signature(c->doc, &after);
			if (after.len != divs_before.len ||
			    (after.len && memcmp(after.data, divs_before.data, after.len) != 0))
				S_diag(c, TIAO_WARNING, "toc-not-updated", 0, 0,
				       "the decision changes the chapters or sections, but the 目录 is carried "
				       "over as it was: update it by hand");
			tiao_buf_free(&after);
		}
		/* old → new article map */
		for (size_t k = 0; k < c->narts; k++) {
			art_entry *e = &c->arts[k];
			tiao_node *n = e->node;
			tiao_renum m = { e->num, e->sub, 0, 0 };
			if (S_in_tree(c, n) && !(n->flags & TIAO_NF_DELETED)) {
				m.new_num = n->num;
				m.new_sub = n->sub;
			} else if (e->succ && S_in_tree(c, e->succ)) {
				m.new_num = e->succ->num;
				m.new_sub = e->succ->sub;
			}
			TIAO_VEC_PUSH(&r->renumbering, m);
		}
		S_finish_changes(c, first_change);
	}
	rc = c->first_err;
done:
	tiao_buf_free(&divs_before);
	if (c->resolved)
		for (size_t i = 0; i < dec->n; i++)
			free(c->resolved[i]);
	free(c->resolved);
	free(c->arts);
	free(c->para_store);
	TIAO_VEC_FREE(&c->aplace);
	TIAO_VEC_FREE(&c->pplace);
	TIAO_VEC_FREE(&c->iplace);
	TIAO_VEC_FREE(&c->hist);
	TIAO_VEC_FREE(&c->cnodes);
	TIAO_VEC_FREE(&c->claims);
	TIAO_VEC_FREE(&c->per_art);
	TIAO_VEC_FREE(&c->checks);
	TIAO_VEC_FREE(&c->spans);
	free(c->sh_keys);
	free(c->sh_head);
	TIAO_VEC_FREE(&c->psucc);
	TIAO_VEC_FREE(&c->pown);
	if (rc == TIAO_ENOMEM && err)
		tiao_error_set(err, rc, c->file, 0, 0, "out of memory");
	return rc;
}

static tiao_result *S_result_new(const tiao_doc *base)
{
	tiao_result *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->doc = tiao_doc_clone(base);
	if (!r->doc) {
		free(r);
		return NULL;
	}
	return r;
}

int tiao_amend(tiao_result **out, const tiao_doc *base, const tiao_decision *dec, int keep_going,
               tiao_diag_cb cb, void *payload, tiao_diag_cb trace, void *trace_payload,
               tiao_error *err)
{
	*out = NULL;
	tiao_result *r = S_result_new(base);
	if (!r)
		return tiao_error_set(err, TIAO_ENOMEM, NULL, 0, 0, "out of memory");
	int rc = S_amend_into(r, dec, 0, keep_going, cb, payload, trace, trace_payload, err);
	r->ndecisions = 1;
	if (rc < 0 && (!keep_going || rc == TIAO_ENOMEM)) {
		tiao_result_free(r);
		return rc;
	}
	*out = r;
	return rc;
}

void tiao_result_free(tiao_result *r)
{
	if (!r)
		return;
	tiao_doc_free(r->doc);
	TIAO_VEC_FREE(&r->changes);
	TIAO_VEC_FREE(&r->renumbering);
	for (size_t i = 0; i < r->decisions.len; i++)
		tiao_decision_free(r->decisions.items[i]);
	TIAO_VEC_FREE(&r->decisions);
	tiao_arena_free(&r->arena);
	free(r);
}

const tiao_doc *tiao_result_doc(const tiao_result *r) { return r ? r->doc : NULL; }

/* ------------------------------------------------------------------------------------------ */
/* public entry points                                                                         */

/* Choose the paragraph range of the decision that amends `want` in a gazette (or the whole
 * input when it holds one document). */
static int S_pick_decision(tiao_gazette *g, const char *want, size_t *first, size_t *n,
                           tiao_error *err)
{
	*first = 0;
	*n = g->paras.len;
	if (g->ndocs <= 1)
		return 0;
	size_t cand = 0, ncand = 0;
	for (size_t i = 0; i < g->ndocs; i++) {
		const tiao_gdoc *gd = &g->docs[i];
		if (gd->kind != TIAO_DOC_DECISION && gd->kind != TIAO_DOC_AMENDMENT)
			continue;
		const char **titles = NULL;
		size_t nt = 0;
		tiao_arena a = TIAO_ARENA_INIT;
		bool match = false;
		if (tiao_decision_titles(&g->paras, gd->first, gd->n, &titles, &nt, &a) == 0)
			for (size_t t = 0; t < nt && !match; t++)
				if (want && tiao_title_equiv(titles[t], want))
					match = true;
		tiao_arena_free(&a);
		if (match) {
			*first = gd->first;
			*n = gd->n;
			return 0;
		}
		cand = i;
		ncand++;
	}
	if (ncand == 0)
		return tiao_error_set(err, TIAO_ENOTFOUND, g->paras.filename, 0, 0,
		                      "the input holds %zu documents but no decision", g->ndocs);
	if (ncand == 1 && !want) {
		*first = g->docs[cand].first;
		*n = g->docs[cand].n;
		return 0;
	}
	return tiao_error_set(err, TIAO_ENOTFOUND, g->paras.filename, 0, 0,
	                      "no decision in the input amends 《%s》", want ? want : "?");
}

static int S_result_apply(tiao_result *r, const char *decision, size_t decision_len,
                          const tiao_consolidate_options *opts, tiao_diag_cb cb, void *payload,
                          tiao_error *err)
{
	tiao_consolidate_options defaults = TIAO_CONSOLIDATE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!r || !decision)
		return tiao_error_set(err, TIAO_EINVALID, NULL, 0, 0, "invalid argument");
	tiao_gazette *g = calloc(1, sizeof *g);
	if (!g)
		return tiao_error_set(err, TIAO_ENOMEM, NULL, 0, 0, "out of memory");
	int rc = tiao_paras_read(&g->paras, decision, decision_len, TIAO_INPUT_AUTO,
	                         opts->decision_name, err);
	if (rc < 0) {
		free(g);
		return rc;
	}
	const char *want = opts->regulation ? opts->regulation : r->doc->title;
	size_t first = 0, n = g->paras.len;
	tiao_error serr;
	memset(&serr, 0, sizeof serr);
	if (tiao_gazette_split_paras(g, &serr) == 0) {
		rc = S_pick_decision(g, want, &first, &n, err);
		if (rc < 0) {
			tiao_gazette_free(g);
			return rc;
		}
	}
	tiao_decision *dec = NULL;
	rc = tiao_decision_parse(&dec, &g->paras, first, n, want, cb, payload, err);
	if (!dec) {
		tiao_gazette_free(g);
		return rc < 0 ? rc : TIAO_ENOMEM;
	}
	if (!dec->filename && opts->decision_name)
		dec->filename = tiao_arena_strdup(&dec->arena, opts->decision_name);
	if (rc < 0 && !opts->keep_going) {
		tiao_decision_free(dec);
		tiao_gazette_free(g);
		return rc;
	}
	int rc2 = S_amend_into(r, dec, (int)r->ndecisions, opts->keep_going, cb, payload, opts->trace,
	                       opts->trace_payload, err);
	r->ndecisions++;
	TIAO_VEC_PUSH(&r->decisions, dec);
	tiao_gazette_free(g);
	return rc < 0 ? rc : rc2;
}

int tiao_result_apply(tiao_result *r, const char *decision, size_t decision_len,
                      const tiao_consolidate_options *opts, tiao_diag_cb cb, void *payload,
                      tiao_error *err)
{
	int rc = S_result_apply(r, decision, decision_len, opts, cb, payload, err);
	/* the decision (and the strings it owns) may be gone on failure: name the caller's file */
	if (rc < 0 && err)
		err->file = opts ? opts->decision_name : NULL;
	return rc;
}

int tiao_consolidate(tiao_result **out, const tiao_doc *base, const char *decision,
                     size_t decision_len, const tiao_consolidate_options *opts, tiao_diag_cb cb,
                     void *payload, tiao_error *err)
{
	*out = NULL;
	if (!base || !decision)
		return tiao_error_set(err, TIAO_EINVALID, NULL, 0, 0, "invalid argument");
	tiao_result *r = S_result_new(base);
	if (!r)
		return tiao_error_set(err, TIAO_ENOMEM, NULL, 0, 0, "out of memory");
	int rc = tiao_result_apply(r, decision, decision_len, opts, cb, payload, err);
	if (rc < 0 && (!opts || !opts->keep_going || rc == TIAO_ENOMEM || !r->ndecisions)) {
		tiao_result_free(r);
		return rc;
	}
	*out = r;
	return rc;
}

static void S_json_addr(tiao_buf *b, const tiao_addr *a)
{
	tiao_buf_printf(b, "{\"art\": %d", a->art);
	if (a->art_sub)
		tiao_buf_printf(b, ", \"sub\": %d", a->art_sub);
	if (a->para)
		tiao_buf_printf(b, ", \"para\": %d", a->para);
	if (a->item)
		tiao_buf_printf(b, ", \"item\": %d", a->item);
	if (a->chapter)
		tiao_buf_printf(b, ", \"chapter\": %d", a->chapter);
	if (a->section)
		tiao_buf_printf(b, ", \"section\": %d", a->section);
	tiao_buf_puts(b, "}");
}

int tiao_render_result_json(tiao_buf *out, const tiao_result *r)
{
	if (!out || !r)
		return TIAO_EINVALID;
	tiao_buf doc = TIAO_BUF_INIT;
	int rc = tiao_render_json(&doc, r->doc);
	if (rc < 0) {
		tiao_buf_free(&doc);
		return rc;
	}
	/* strip the closing brace of the document object and extend it */
	size_t len = doc.len;
	while (len && (doc.data[len - 1] == '\n' || doc.data[len - 1] == ' '))
		len--;
	if (!len || doc.data[len - 1] != '}') {
		tiao_buf_free(&doc);
		return TIAO_ERROR;
	}
	tiao_buf_put(out, doc.data, len - 1);
	tiao_buf_free(&doc);
	tiao_buf_puts(out, ",\n \"changes\": [");
	for (size_t i = 0; i < r->changes.len; i++) {
		const tiao_change *ch = &r->changes.items[i];
		tiao_buf_puts(out, i ? ",\n  " : "\n  ");
		tiao_buf_puts(out, "{\"instruction\": ");
		tiao_json_str(out, ch->label ? ch->label : "");
		tiao_buf_printf(out, ", \"line\": %zu, \"col\": %zu, \"op\": ", ch->line, ch->col);
		tiao_json_str(out, tiao_op_name(ch->op));
		tiao_buf_puts(out, ", \"what\": ");
		tiao_json_str(out, ch->what ? ch->what : "");
		tiao_buf_puts(out, ", \"target\": ");
		if (ch->target.at == TIAO_AT_NONE)
			tiao_buf_puts(out, "null");
		else
			S_json_addr(out, &ch->target);
		tiao_buf_puts(out, ", \"result\": ");
		if (ch->new_art) {
			tiao_buf_printf(out, "{\"art\": %d", ch->new_art);
			if (ch->new_art_sub)
				tiao_buf_printf(out, ", \"sub\": %d", ch->new_art_sub);
			if (ch->new_para)
				tiao_buf_printf(out, ", \"para\": %d", ch->new_para);
			if (ch->new_item)
				tiao_buf_printf(out, ", \"item\": %d", ch->new_item);
			tiao_buf_puts(out, "}");
		} else {
			tiao_buf_puts(out, "null");
		}
		if (ch->count)
			tiao_buf_printf(out, ", \"count\": %d", ch->count);
		tiao_buf_printf(out, ", \"decision\": %d}", ch->decision_index);
	}
	tiao_buf_puts(out, r->changes.len ? "\n ],\n \"renumbering\": [" : "],\n \"renumbering\": [");
	size_t shown = 0;
	for (size_t i = 0; i < r->renumbering.len; i++) {
		const tiao_renum *m = &r->renumbering.items[i];
		if (m->old_num == m->new_num && m->old_sub == m->new_sub)
			continue;
		tiao_buf_puts(out, shown++ ? ",\n  " : "\n  ");
		tiao_buf_printf(out, "{\"old\": %d", m->old_num);
		if (m->old_sub)
			tiao_buf_printf(out, ", \"old_sub\": %d", m->old_sub);
		if (m->new_num)
			tiao_buf_printf(out, ", \"new\": %d", m->new_num);
		else
			tiao_buf_puts(out, ", \"new\": null");
		if (m->new_sub)
			tiao_buf_printf(out, ", \"new_sub\": %d", m->new_sub);
		tiao_buf_puts(out, "}");
	}
	tiao_buf_puts(out, shown ? "\n ]\n}\n" : "]\n}\n");
	return out->failed ? TIAO_ENOMEM : 0;
}
