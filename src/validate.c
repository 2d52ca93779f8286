/*
 * validate.c — numbering and cross-reference checks on a parsed regulation (tiao_validate).
 *
 * What a well-formed Chinese statute looks like (立法技术规范 numbering rules, as seen in the
 * national and provincial texts of the corpus):
 *
 *  - 条 are numbered 1..N continuously across the whole text, whatever the 编/章/节 around them.
 *    An inserted article 第X条之一 stands right after 第X条, 之二 right after 之一, and so on.
 *  - 编 are numbered 1..n in the text; 分编 within their 编; 章 within their parent (the text, an
 *    编 or a 分编) — some codes restart 章 at 一 in every 编 (刑法), others count them on across
 *    编 (民事诉讼法), and both are accepted; 节 within their 章 (same tolerance).
 *  - 款 carry no number; 项 （一）（二）… are numbered 1..n within their 款, 目 1. 2. … within
 *    their 项.
 *  - Every 条, 款, 项 and 目 has text.
 *  - An internal reference (第X条, 第X条第Y款, 第X条第Y款第（Z）项, 前款, 本条第Y款, 前条 …) names a
 *    provision that exists. References to other acts are never checked (xref flags them external).
 *  - So does a reference to a division: 第X编; 第X章 (in the 编 named — 第二编第三章, 本编第三章,
 *    总则第四章 — else in any 编, as codes that restart 章 per 编 are cited without one); 第X章第Y节;
 *    a bare 第Y节 or 本章第Y节 (a section of the current chapter); and 本编 / 本分编 / 本章 / 本节
 *    are used only in an article inside such a division. Headings and titles are not scanned.
 *
 * Where a fault is reported (cli-contract.md): at the first label out of sequence — after a gap,
 * the provision that follows it; for a repeated number, the second one; for items out of order,
 * the first item whose label is wrong — and a dangling reference at the place that holds it.
 *
 * The algorithm is one walk over the tree. Duplicate numbers are found by sorting (number, index)
 * pairs of each sequence, so the whole check is O(n log n) in the number of provisions and linear
 * in the size of the text (every paragraph is scanned for references once).
 */
#include "validate.h"

#include "node.h"
#include "numeral.h"
#include "text.h"
#include "xref.h"

#include <stdlib.h>

/* ---- context ---- */

typedef struct S_ent {
	int num, sub;
	size_t idx;
	const tiao_node *node;
} S_ent;

typedef TIAO_VEC(S_ent) S_entvec;

/* An index of the provisions references can name, so that every lookup is O(1) or O(log n):
 * per article (document order) its paragraphs, per paragraph its items. */
typedef struct S_ainfo {
	size_t para0, npara; /* range in paras */
	size_t max_items;    /* the most items in one of its paragraphs numbered 1..n */
	size_t best;         /* that paragraph (index in paras) */
} S_ainfo;

typedef struct S_pinfo {
	const tiao_node *node;
	size_t item0, nitems; /* range in items */
	bool consecutive;     /* items numbered 1..nitems in order */
} S_pinfo;

typedef struct S_ctx {
	const tiao_doc *doc;
	tiao_diag_cb cb;
	void *payload;
	int nerrors;
	int failed; /* TIAO_ENOMEM once an allocation failed */
	tiao_buf msg;
	/* articles in document order, and sorted by (num, sub) for lookup */
	S_entvec arts;
	S_ent *sorted;
	/* per division kind: the last number seen anywhere in the text (continuous counting) */
	int last_div[TIAO_NODE_SECTION + 1];
	tiao_xrefs xr;
	TIAO_VEC(S_ainfo) ainfo; /* parallel to arts */
	size_t cur_art;          /* during the walk: document-order index of the current article */
	size_t seen_arts;
	TIAO_VEC(S_pinfo) paras;
	TIAO_VEC(const tiao_node *) items;
	/* every 编/分编/章/节 in document order (references to divisions are looked up here) */
	TIAO_VEC(const tiao_node *) divs;
	TIAO_VEC(const tiao_node *) parts; /* the 编 among them (prefix lookup: 总则第四章) */
	/* during the check of one reference: the 编 it names (第二编第三章), or the one its prefix
	 * names (本编第三章, 总则第四章), else 0; and whether it is prefixed by 本章 */
	const tiao_node *ref_part;
	int ref_part_num;
	bool ref_this_chapter;
	bool ref_in_title; /* the reference stands inside 《…》: part of a title, not a reference */
} S_ctx;

static const char *S_div_name(tiao_node_kind k)
{
	switch (k) {
	case TIAO_NODE_PART: return "part";
	case TIAO_NODE_SUBPART: return "subpart";
	case TIAO_NODE_CHAPTER: return "chapter";
	case TIAO_NODE_SECTION: return "section";
	default: return "division";
	}
}

static uint32_t S_div_char(tiao_node_kind k)
{
	switch (k) {
	case TIAO_NODE_PART: return 0x7F16;    /* 编 */
	case TIAO_NODE_SUBPART: return 0x7F16; /* 分编: label written as 第X编 below */
	case TIAO_NODE_CHAPTER: return 0x7AE0; /* 章 */
	case TIAO_NODE_SECTION: return 0x8282; /* 节 */
	default: return 0x6761;                /* 条 */
	}
}

static void S_emit(S_ctx *c, tiao_severity sev, const char *check, size_t line, size_t col)
{
	const char *m = tiao_buf_cstr(&c->msg);
	if (!m) {
		c->failed = TIAO_ENOMEM;
		tiao_buf_clear(&c->msg);
		return;
	}
	tiao_diag d;
	d.severity = sev;
	d.check = check;
	d.message = m;
	d.file = c->doc->filename;
	d.line = line;
	d.column = col ? col : (line ? 1 : 0);
	if (sev == TIAO_ERRORSEV)
		c->nerrors++;
	if (c->cb)
		c->cb(&d, c->payload);
	tiao_buf_clear(&c->msg);
}

static void S_emit_at(S_ctx *c, tiao_severity sev, const char *check, const tiao_node *n)
{
	S_emit(c, sev, check, n ? n->line : 0, n ? n->col : 0);
}

/* Append the label of an article (num, sub): 第十条之一. */
static void S_put_art(tiao_buf *b, int num, int sub)
{
	if (num > 0)
		tiao_label_write(b, 0x6761, num, sub);
	else
		tiao_buf_puts(b, "?");
}

static void S_put_div(tiao_buf *b, tiao_node_kind k, int num)
{
	if (k == TIAO_NODE_SUBPART)
		tiao_buf_puts(b, "第");
	if (num <= 0) {
		tiao_buf_puts(b, "?");
		return;
	}
	if (k == TIAO_NODE_SUBPART) {
		tiao_num_write(b, num);
		tiao_buf_puts(b, "分编");
	} else {
		tiao_label_write(b, S_div_char(k), num, 0);
	}
}

static void S_put_label(tiao_buf *b, const tiao_node *n)
{
	switch (n->kind) {
	case TIAO_NODE_ARTICLE:
		if (n->label)
			tiao_buf_puts(b, n->label);
		else
			S_put_art(b, n->num, n->sub);
		break;
	case TIAO_NODE_ITEM:
		if (n->label)
			tiao_buf_puts(b, n->label);
		else
			tiao_item_label_write(b, n->num);
		break;
	case TIAO_NODE_SUBITEM:
		if (n->label)
			tiao_buf_puts(b, n->label);
		else
			tiao_buf_printf(b, "%d.", n->num);
		break;
	default:
		if (n->label)
			tiao_buf_puts(b, n->label);
		else
			S_put_div(b, n->kind, n->num);
		break;
	}
}

/* The article a node belongs to, or NULL. */
static const tiao_node *S_article_of(const tiao_node *n)
{
	while (n && n->kind != TIAO_NODE_ARTICLE)
		n = n->parent;
	return n;
}

/* Position 1..n of a paragraph within its parent. */
static int S_para_pos(const tiao_node *p)
{
	if (p->num > 0)
		return p->num;
	int i = 1;
	for (const tiao_node *q = p->prev; q; q = q->prev)
		i++;
	return i;
}

/* Describe where a paragraph/item is: 第五条第二款 / 第五条第二款第（一）项. */
static void S_put_place(tiao_buf *b, const tiao_node *n)
{
	const tiao_node *art = S_article_of(n);
	if (art)
		S_put_label(b, art);
	const tiao_node *para = n;
	while (para && para->kind != TIAO_NODE_PARAGRAPH)
		para = para->parent;
	if (para && art) {
		tiao_buf_puts(b, "第");
		tiao_num_write(b, S_para_pos(para));
		tiao_buf_puts(b, "款");
	}
	if (n->kind == TIAO_NODE_ITEM || n->kind == TIAO_NODE_SUBITEM) {
		const tiao_node *it = n->kind == TIAO_NODE_ITEM ? n : n->parent;
		if (it && it->kind == TIAO_NODE_ITEM) {
			tiao_buf_puts(b, "第");
			S_put_label(b, it);
			tiao_buf_puts(b, "项");
		}
		if (n->kind == TIAO_NODE_SUBITEM) {
			tiao_buf_puts(b, "第");
			S_put_label(b, n);
			tiao_buf_puts(b, "目");
		}
	}
}

/* ---- duplicates: sort (num, sub, idx) and point every later equal entry at the first ---- */

static int S_cmp_ent(const void *a, const void *b)
{
	const S_ent *x = a, *y = b;
	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	if (x->sub != y->sub)
		return x->sub < y->sub ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* dup[i] = the first node with the same key as e[i], if e[i] is not that first one; else NULL.
 * Returns the sorted copy (caller frees) or NULL on OOM. */
static S_ent *S_find_dups(const S_ent *e, size_t n, const tiao_node **dup)
{
	S_ent *s = malloc((n ? n : 1) * sizeof *s);
	if (!s)
		return NULL;
	if (n)
		memcpy(s, e, n * sizeof *s);
	qsort(s, n, sizeof *s, S_cmp_ent);
	size_t run = 0; /* start of the run of equal keys: its first element (smallest idx) is the original */
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && s[i].num == s[run].num && s[i].sub == s[run].sub) {
			dup[s[i].idx] = s[run].node;
		} else {
			run = i;
			dup[s[i].idx] = NULL;
		}
	}
	return s;
}

/* ---- generic sequence check (divisions, items, sub-items): numbers 1..n in order ---- */

typedef enum { S_SEQ_DIV, S_SEQ_ITEM, S_SEQ_SUBITEM } S_seqkind;

/* ascii: the list writes its item labels with ASCII parentheses, (一) — as gazette text does */
static void S_seq_label(tiao_buf *b, S_seqkind sk, tiao_node_kind k, int num, bool ascii)
{
	if (sk == S_SEQ_ITEM && ascii) {
		tiao_buf_putc(b, '(');
		tiao_num_write(b, num);
		tiao_buf_putc(b, ')');
	} else if (sk == S_SEQ_ITEM)
		tiao_item_label_write(b, num);
	else if (sk == S_SEQ_SUBITEM)
		tiao_buf_printf(b, "%d.", num);
	else
		S_put_div(b, k, num);
}

/*
 * Classifying one number of a sequence. max is the highest number accepted so far, so max + 1 is
 * expected; prev is the number just before; next is the number just after (-1 if none or not
 * comparable). The cases, each reported once at the first label out of sequence:
 *   duplicate  the number was used before;
 *   swap       max+2 right before max+1 (第四条 第三条): reported at the first of the pair;
 *   mislabel   the next number continues as if this one were max+1 (29 999 31): one wrong label;
 *   first      the sequence does not start at 1 (or at the number it continues from);
 *   order      lower than the one before it;
 *   gap        higher than max+1: the numbers between are missing.
 * A number between prev and max (it fills an earlier gap, 1 2 5 3 4 at 4) is not reported again.
 */
typedef enum { F_NONE, F_DUP, F_SWAP, F_MISLABEL, F_FIRST, F_ORDER, F_GAP } S_fault;

static S_fault S_classify(int num, int prev, int max, bool first, bool dup, int next)
{
	int exp = max + 1;
	if (dup)
		return F_DUP;
	if (num == exp)
		return F_NONE;
	if (num == exp + 1 && next == exp)
		return F_SWAP;
	if (first)
		return F_FIRST;
	if (next == exp + 1)
		return F_MISLABEL;
	if (num < prev)
		return F_ORDER;
	if (num > exp)
		return F_GAP;
	return F_NONE;
}

/* The state after a number classified as f: the highest number accepted (max). */
static int S_advance(S_fault f, int num, int max, int next)
{
	switch (f) {
	case F_DUP:
	case F_FIRST:
	case F_MISLABEL:
		/* a wrong label that the next number shows stands for max+1 */
		if (next == max + 2)
			return max + 1;
		return f == F_DUP ? max : (num > max ? num : max);
	default:
		return num > max ? num : max;
	}
}

/*
 * Check one sequence. cont: a number the first element may continue from (its predecessor in
 * continuous counting), or 0. Reports at the first label out of sequence.
 */
static void S_check_seq(S_ctx *c, const S_ent *e, size_t n, S_seqkind sk, tiao_node_kind k, int cont)
{
	if (n == 0)
		return;
	const tiao_node *stack_dup[16];
	const tiao_node **dup = n <= 16 ? stack_dup : malloc(n * sizeof *dup);
	if (!dup) {
		c->failed = TIAO_ENOMEM;
		return;
	}
	S_ent *s = S_find_dups(e, n, dup);
	if (!s) {
		if (dup != stack_dup)
			free(dup);
		c->failed = TIAO_ENOMEM;
		return;
	}
	free(s);

	char idbuf[32];
	const char *l0 = e[0].node->label;
	bool ascii = l0 && l0[0] == '(';
	const char *what = sk == S_SEQ_ITEM ? "item" : sk == S_SEQ_SUBITEM ? "sub-item" : S_div_name(k);
	/* a first number that continues the count of the parent before (民事诉讼法 chapters) */
	int max = cont > 0 && e[0].num == cont + 1 ? cont : 0, prev = max;
	size_t skip = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		int num = e[i].num;
		const tiao_node *node = e[i].node;
		int next = i + 1 < n && !dup[i + 1] ? e[i + 1].num : -1;
		S_fault f = i == skip ? F_NONE : S_classify(num, prev, max, i == 0, dup[i] != NULL, next);
		const char *fault = NULL;
		if (f != F_NONE) {
			tiao_buf_puts(&c->msg, what);
			tiao_buf_puts(&c->msg, " ");
			S_put_label(&c->msg, node);
		}
		switch (f) {
		case F_NONE:
			break;
		case F_DUP:
			fault = "duplicate";
			tiao_buf_printf(&c->msg, " repeats the number of line %zu", dup[i]->line);
			break;
		case F_SWAP:
			fault = "order";
			skip = i + 1;
			tiao_buf_puts(&c->msg, " comes before ");
			S_seq_label(&c->msg, sk, k, max + 1, ascii);
			break;
		case F_FIRST:
		case F_MISLABEL:
			fault = f == F_FIRST && num > max + 1 && next != max + 2 ? "gap" : "order";
			tiao_buf_puts(&c->msg, f == F_FIRST ? " comes first where " : " stands where ");
			S_seq_label(&c->msg, sk, k, max + 1, ascii);
			tiao_buf_puts(&c->msg, " was expected");
			break;
		case F_ORDER:
			fault = "order";
			tiao_buf_puts(&c->msg, " comes after ");
			S_seq_label(&c->msg, sk, k, prev, ascii);
			break;
		case F_GAP:
			fault = "gap";
			tiao_buf_puts(&c->msg, " follows ");
			S_seq_label(&c->msg, sk, k, prev, ascii);
			tiao_buf_puts(&c->msg, ": ");
			S_seq_label(&c->msg, sk, k, max + 1, ascii);
			if (num > max + 2) {
				tiao_buf_puts(&c->msg, " to ");
				S_seq_label(&c->msg, sk, k, num - 1, ascii);
				tiao_buf_puts(&c->msg, " are missing");
			} else {
				tiao_buf_puts(&c->msg, " is missing");
			}
			break;
		}
		if (fault) {
			const char *check;
			if (sk == S_SEQ_ITEM) {
				check = "item-sequence";
			} else if (sk == S_SEQ_SUBITEM) {
				check = "subitem-sequence";
			} else {
				snprintf(idbuf, sizeof idbuf, "%s-%s", S_div_name(k), fault);
				check = idbuf;
			}
			/* where the container is known, name it: "in 第五条第二款" */
			if (sk != S_SEQ_DIV && node->parent) {
				tiao_buf_puts(&c->msg, " (in ");
				S_put_place(&c->msg, node->parent);
				tiao_buf_puts(&c->msg, ")");
			}
			S_emit_at(c, TIAO_ERRORSEV, check, node);
			/* items and sub-items: the first wrong label of a list is the finding; what follows it
			 * is usually its consequence */
			if (sk != S_SEQ_DIV)
				break;
		}
		int nmax = S_advance(f, num, max, next);
		/* a label taken as standing for max+1 continues the count as max+1 */
		prev = (f == F_MISLABEL || f == F_FIRST || f == F_DUP) && nmax == max + 1 && num != nmax
		           ? nmax
		           : num;
		max = nmax;
	}
	if (dup != stack_dup)
		free(dup);
}

/* Collect the children of parent of kind k (or of any item/subitem kind) and check them. */
static void S_check_children(S_ctx *c, const tiao_node *parent, tiao_node_kind k, S_seqkind sk)
{
	S_entvec v = { 0 };
	size_t i = 0;
	for (const tiao_node *ch = parent->first; ch; ch = ch->next) {
		/* an unnumbered heading (附则 standing alone in 刑法) takes no part in the sequence */
		if (ch->kind != k || (sk == S_SEQ_DIV && ch->num <= 0 && !ch->label))
			continue;
		S_ent e = { ch->num, 0, i++, ch };
		if (TIAO_VEC_PUSH(&v, e) < 0) {
			c->failed = TIAO_ENOMEM;
			TIAO_VEC_FREE(&v);
			return;
		}
	}
	if (v.len) {
		int cont = 0;
		if (sk == S_SEQ_DIV && k >= TIAO_NODE_FIRST_DIVISION && k <= TIAO_NODE_LAST_DIVISION) {
			cont = c->last_div[k];
			c->last_div[k] = v.items[v.len - 1].num;
		}
		S_check_seq(c, v.items, v.len, sk, k, cont);
	}
	TIAO_VEC_FREE(&v);
}

/* ---- articles ---- */

static int S_collect_articles(S_ctx *c, const tiao_node *n)
{
	for (const tiao_node *ch = n->first; ch; ch = ch->next) {
		if (ch->kind == TIAO_NODE_ARTICLE) {
			S_ent e = { ch->num, ch->sub, c->arts.len, ch };
			S_ainfo ai = { c->paras.len, 0, 0, 0 };
			if (TIAO_VEC_PUSH(&c->arts, e) < 0)
				return TIAO_ENOMEM;
			for (const tiao_node *p = ch->first; p; p = p->next) {
				if (p->kind != TIAO_NODE_PARAGRAPH)
					continue;
				S_pinfo pi = { p, c->items.len, 0, true };
				for (const tiao_node *it = p->first; it; it = it->next) {
					if (it->kind != TIAO_NODE_ITEM)
						continue;
					if (TIAO_VEC_PUSH(&c->items, it) < 0)
						return TIAO_ENOMEM;
					pi.nitems++;
					if (it->num != (int)pi.nitems)
						pi.consecutive = false;
				}
				if (pi.consecutive && pi.nitems > ai.max_items) {
					ai.max_items = pi.nitems;
					ai.best = c->paras.len;
				}
				if (TIAO_VEC_PUSH(&c->paras, pi) < 0)
					return TIAO_ENOMEM;
				ai.npara++;
			}
			if (TIAO_VEC_PUSH(&c->ainfo, ai) < 0)
				return TIAO_ENOMEM;
		} else if (ch->kind >= TIAO_NODE_FIRST_DIVISION && ch->kind <= TIAO_NODE_LAST_DIVISION) {
			int rc = S_collect_articles(c, ch);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

static void S_check_articles(S_ctx *c)
{
	size_t n = c->arts.len;
	if (n == 0)
		return;
	const tiao_node **dup = malloc(n * sizeof *dup);
	if (!dup) {
		c->failed = TIAO_ENOMEM;
		return;
	}
	c->sorted = S_find_dups(c->arts.items, n, dup);
	if (!c->sorted) {
		free(dup);
		c->failed = TIAO_ENOMEM;
		return;
	}
	int max = 0, pnum = 0, psub = 0;
	size_t skip = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		const S_ent *a = &c->arts.items[i];
		const char *check = NULL;
		if (a->sub > 0 && !dup[i]) {
			/* 第X条之N only right after 第X条 (N = 1) or 第X条之(N-1) */
			if (i == 0 || pnum != a->num || psub != a->sub - 1) {
				check = "sub-article";
				S_put_label(&c->msg, a->node);
				tiao_buf_puts(&c->msg, " must follow ");
				S_put_art(&c->msg, a->num, a->sub - 1);
				if (i > 0) {
					tiao_buf_puts(&c->msg, ", not ");
					S_put_art(&c->msg, pnum, psub);
				}
				S_emit_at(c, TIAO_ERRORSEV, check, a->node);
			}
			if (a->num > max)
				max = a->num;
			pnum = a->num;
			psub = a->sub;
			continue;
		}
		const S_ent *nx = i + 1 < n ? &c->arts.items[i + 1] : NULL;
		int next = nx && !dup[i + 1] && nx->sub == 0 ? nx->num : -1;
		/* followed by 第(max+1)条之一: this label stands for max+1 (as if the next were max+2) */
		if (nx && nx->sub == 1 && !dup[i + 1] && nx->num == max + 1 && a->num != max + 1)
			next = max + 2;
		/* after a 之N article, its base number counts as the one before */
		S_fault f = i == skip ? F_NONE : S_classify(a->num, pnum, max, i == 0, dup[i] != NULL, next);
		if (f == F_NONE && i > 0 && a->num == pnum && psub > 0 && !dup[i])
			f = F_ORDER; /* 第十条 after 第十条之一 */
		switch (f) {
		case F_NONE:
			break;
		case F_DUP:
			check = "article-duplicate";
			S_put_label(&c->msg, a->node);
			tiao_buf_printf(&c->msg, " repeats the number of line %zu", dup[i]->line);
			break;
		case F_SWAP:
			check = "article-order";
			skip = i + 1;
			S_put_label(&c->msg, a->node);
			tiao_buf_puts(&c->msg, " comes before ");
			S_put_art(&c->msg, max + 1, 0);
			break;
		case F_FIRST:
			check = a->num > 1 && next != 2 ? "article-gap" : "article-order";
			tiao_buf_puts(&c->msg, "the first article is ");
			S_put_label(&c->msg, a->node);
			tiao_buf_puts(&c->msg, ", not 第一条");
			break;
		case F_MISLABEL:
			check = "article-order";
			S_put_label(&c->msg, a->node);
			tiao_buf_puts(&c->msg, " stands where ");
			S_put_art(&c->msg, max + 1, 0);
			tiao_buf_puts(&c->msg, " was expected");
			break;
		case F_ORDER:
			check = "article-order";
			S_put_label(&c->msg, a->node);
			tiao_buf_puts(&c->msg, " comes after ");
			S_put_art(&c->msg, pnum, psub);
			break;
		case F_GAP:
			check = "article-gap";
			S_put_label(&c->msg, a->node);
			tiao_buf_puts(&c->msg, " follows ");
			S_put_art(&c->msg, pnum, psub);
			tiao_buf_puts(&c->msg, ": ");
			S_put_art(&c->msg, max + 1, 0);
			if (a->num > max + 2) {
				tiao_buf_puts(&c->msg, " to ");
				S_put_art(&c->msg, a->num - 1, 0);
				tiao_buf_puts(&c->msg, " are missing");
			} else {
				tiao_buf_puts(&c->msg, " is missing");
			}
			break;
		}
		if (check)
			S_emit_at(c, TIAO_ERRORSEV, check, a->node);
		int nmax = S_advance(f, a->num, max, next);
		/* a label taken as standing for max+1 continues the count as max+1 */
		pnum = (f == F_MISLABEL || f == F_FIRST || f == F_DUP) && nmax == max + 1 && a->num != nmax
		           ? nmax
		           : a->num;
		psub = pnum == a->num ? a->sub : 0;
		max = nmax;
	}
	free(dup);
}

/* The article (num, sub) — the first of that number — as its entry (idx = document order), or NULL:
 * binary search over the sorted copy. */
static const S_ent *S_find_article(const S_ctx *c, int num, int sub)
{
	size_t lo = 0, hi = c->sorted ? c->arts.len : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const S_ent *e = &c->sorted[mid];
		if (e->num < num || (e->num == num && e->sub < sub))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (c->sorted && lo < c->arts.len && c->sorted[lo].num == num && c->sorted[lo].sub == sub)
		return &c->sorted[lo];
	return NULL;
}

/* ---- empty provisions ---- */

static bool S_blank(const char *s)
{
	if (!s)
		return true;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp = tiao_utf8_next(s, len, &i);
		if (!tiao_cp_is_space(cp))
			return false;
	}
	return true;
}

static void S_check_empty(S_ctx *c, const tiao_node *n)
{
	switch (n->kind) {
	case TIAO_NODE_ARTICLE: {
		bool any = false;
		for (const tiao_node *p = n->first; p && !any; p = p->next)
			if (!S_blank(p->text) || p->first)
				any = true;
		if (!any) {
			S_put_label(&c->msg, n);
			tiao_buf_puts(&c->msg, " has no text");
			S_emit_at(c, TIAO_ERRORSEV, "empty-provision", n);
		}
		break;
	}
	case TIAO_NODE_PARAGRAPH:
		/* an article with no text at all was reported above; here: an empty 款 among others, or a
		 * paragraph of items with no lead-in is normal (the items carry the text) */
		if (S_blank(n->text) && !n->first && (n->prev || n->next)) {
			tiao_buf_puts(&c->msg, "paragraph ");
			S_put_place(&c->msg, n);
			tiao_buf_puts(&c->msg, " has no text");
			S_emit_at(c, TIAO_ERRORSEV, "empty-provision", n);
		}
		break;
	case TIAO_NODE_ITEM:
	case TIAO_NODE_SUBITEM:
		if (S_blank(n->text) && !n->first) {
			tiao_buf_puts(&c->msg, n->kind == TIAO_NODE_ITEM ? "item " : "sub-item ");
			S_put_place(&c->msg, n);
			tiao_buf_puts(&c->msg, " has no text");
			S_emit_at(c, TIAO_ERRORSEV, "empty-provision", n);
		}
		break;
	default:
		break;
	}
}

/* ---- cross-references ---- */

/*
 * Input line/column of byte offset off in the text of node n. Nodes carry the position of their
 * start (the label of an item, the line of a paragraph — for an article's first paragraph, the
 * article label); the text follows the label: an article label and one separating space (U+3000
 * or ASCII), or an item label directly. This is exact for text on one input line; a paragraph
 * joined from several input lines (database or gazette layout) is reported on its first line.
 */
static void S_locate(const tiao_node *n, size_t off, size_t *line, size_t *col)
{
	tiao_node_locate(n, off, line, col);
}

/* The index entry of the article with document-order index idx, or NULL. */
static const S_ainfo *S_ainfo_at(const S_ctx *c, size_t idx)
{
	return idx < c->ainfo.len ? &c->ainfo.items[idx] : NULL;
}

/* Paragraph pos (1-based) of an article, or NULL. */
static const S_pinfo *S_para_at(const S_ctx *c, const S_ainfo *ai, size_t pos)
{
	if (!ai || pos < 1 || pos > ai->npara)
		return NULL;
	return &c->paras.items[ai->para0 + pos - 1];
}

/* The index entry of paragraph p of article art. */
static const S_pinfo *S_pinfo_of(const S_ctx *c, const S_ainfo *ai, const tiao_node *p)
{
	const S_pinfo *pi = S_para_at(c, ai, (size_t)S_para_pos(p));
	if (pi && pi->node == p)
		return pi;
	for (size_t k = 0; ai && k < ai->npara; k++)
		if (c->paras.items[ai->para0 + k].node == p)
			return &c->paras.items[ai->para0 + k];
	return NULL;
}

/* Item num of a paragraph, or NULL. */
static const tiao_node *S_item_num(const S_ctx *c, const S_pinfo *pi, int num)
{
	if (!pi || num < 1)
		return NULL;
	if (pi->consecutive)
		return (size_t)num <= pi->nitems ? c->items.items[pi->item0 + (size_t)num - 1] : NULL;
	for (size_t k = 0; k < pi->nitems; k++)
		if (c->items.items[pi->item0 + k]->num == num)
			return c->items.items[pi->item0 + k];
	return NULL;
}

static const tiao_node *S_child_num(const tiao_node *n, tiao_node_kind k, int num)
{
	for (const tiao_node *ch = n ? n->first : NULL; ch; ch = ch->next)
		if (ch->kind == k && ch->num == num)
			return ch;
	return NULL;
}

static int S_count_kind(const tiao_node *n, tiao_node_kind k)
{
	int i = 0;
	for (const tiao_node *ch = n ? n->first : NULL; ch; ch = ch->next)
		if (ch->kind == k)
			i++;
	return i;
}

/* An item numbered num in some paragraph of the article (max_items >= num guarantees one). */
static const tiao_node *S_find_item_in(const S_ctx *c, const S_ainfo *ai, int num)
{
	return S_item_num(c, &c->paras.items[ai->best], num);
}

static void S_put_ref(tiao_buf *b, const char *text, const tiao_xtok *t)
{
	(void)text;
	if (t->art > 0)
		S_put_art(b, t->art, t->art_sub);
	else if (t->rel == TIAO_XREL_PREV_ART)
		tiao_buf_puts(b, "前条");
	else if (t->rel == TIAO_XREL_THIS_ART || t->rel == TIAO_XREL_THIS_PARA)
		tiao_buf_puts(b, "本条");
	if (t->rel == TIAO_XREL_PREV_PARA) {
		if (t->count > 1) {
			tiao_buf_puts(b, "前");
			tiao_num_write(b, t->count);
			tiao_buf_puts(b, "款");
		} else {
			tiao_buf_puts(b, "前款");
		}
	} else if (t->para > 0 && t->level >= TIAO_XLVL_PARA && t->level <= TIAO_XLVL_SUBITEM) {
		tiao_buf_puts(b, "第");
		tiao_num_write(b, t->para);
		tiao_buf_puts(b, "款");
	}
	if (t->item > 0 && (t->level == TIAO_XLVL_ITEM || t->level == TIAO_XLVL_SUBITEM)) {
		tiao_buf_puts(b, "第");
		tiao_item_label_write(b, t->item);
		tiao_buf_puts(b, "项");
	}
	if (t->subitem > 0 && t->level == TIAO_XLVL_SUBITEM)
		tiao_buf_printf(b, "第%d目", t->subitem);
}

/* ---- references to divisions: 第X编, 第X章, 第X章第Y节, a bare 第Y节, 本编 / 本章 / 本节 ---- */

static int S_collect_divs(S_ctx *c, const tiao_node *n)
{
	for (const tiao_node *ch = n->first; ch; ch = ch->next) {
		if (ch->kind < TIAO_NODE_FIRST_DIVISION || ch->kind > TIAO_NODE_LAST_DIVISION)
			continue;
		if (TIAO_VEC_PUSH(&c->divs, ch) < 0)
			return TIAO_ENOMEM;
		if (ch->kind == TIAO_NODE_PART && TIAO_VEC_PUSH(&c->parts, ch) < 0)
			return TIAO_ENOMEM;
		int rc = S_collect_divs(c, ch);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* The division of kind k that holds n, or NULL. */
static const tiao_node *S_enclosing(const tiao_node *n, tiao_node_kind k)
{
	for (n = n ? n->parent : NULL; n; n = n->parent)
		if (n->kind == k)
			return n;
	return NULL;
}

/* Whether division d lies in part (NULL: anywhere). */
static bool S_in_part(const tiao_node *d, const tiao_node *part)
{
	return !part || S_enclosing(d, TIAO_NODE_PART) == part;
}

/* Whether text[0..at) ends with the string lit. */
static bool S_ends_with(const char *text, size_t at, const char *lit)
{
	size_t n = strlen(lit);
	return n > 0 && at >= n && memcmp(text + at - n, lit, n) == 0;
}

/* The prefix of a reference starting at byte at: 本编第三章 (the part of the holder), 总则第四章
 * (the part whose heading is 总则), 本章第二节 (the chapter of the holder). Sets c->ref_*; returns
 * false if the reference is not to be checked (本编 outside any part: reported by S_check_this). */
static bool S_ref_prefix(S_ctx *c, const tiao_node *holder, const char *text, size_t at)
{
	c->ref_part = NULL;
	c->ref_part_num = 0;
	c->ref_this_chapter = false;
	if (S_ends_with(text, at, "本编")) {
		c->ref_part = S_enclosing(holder, TIAO_NODE_PART);
		if (c->ref_part)
			c->ref_part_num = c->ref_part->num;
		return c->ref_part != NULL;
	}
	if (S_ends_with(text, at, "本章")) {
		c->ref_this_chapter = true;
		return true;
	}
	for (size_t k = 0; k < c->parts.len; k++) {
		const tiao_node *d = c->parts.items[k];
		if (d->heading && S_ends_with(text, at, d->heading)) {
			c->ref_part = d;
			c->ref_part_num = d->num;
			break;
		}
	}
	return true;
}

static void S_put_part_prefix(S_ctx *c)
{
	if (c->ref_part_num > 0)
		tiao_label_write(&c->msg, 0x7F16, c->ref_part_num, 0);
}

/* Check a token naming a 编, 章 or 节. Returns true if it reported a fault. */
static bool S_check_div_tok(S_ctx *c, const tiao_node *holder, const tiao_xtok *t, size_t line,
                            size_t col)
{
	const char *check = NULL;
	if (t->level == TIAO_XLVL_PART) {
		/* the scanner does not hand the number of a 编 over: read it from the text */
		size_t used;
		long v = tiao_num_read(holder->text + t->start, t->end - t->start, &used);
		c->ref_part_num = (int)v;
		c->ref_part = NULL;
		int n = 0, last = 0;
		for (size_t k = 0; k < c->divs.len; k++) {
			const tiao_node *d = c->divs.items[k];
			if (d->kind != TIAO_NODE_PART)
				continue;
			n++;
			if (d->num > last)
				last = d->num;
			if (d->num == v && !c->ref_part)
				c->ref_part = d;
		}
		if (c->ref_part)
			return false;
		tiao_buf_puts(&c->msg, "reference to ");
		tiao_label_write(&c->msg, 0x7F16, v, 0);
		tiao_buf_puts(&c->msg, ", which does not exist");
		if (n) {
			tiao_buf_puts(&c->msg, " (the last part is ");
			tiao_label_write(&c->msg, 0x7F16, last, 0);
			tiao_buf_puts(&c->msg, ")");
		} else {
			tiao_buf_puts(&c->msg, " (the text has no parts)");
		}
		check = "xref-missing-part";
	} else if (t->level == TIAO_XLVL_CHAPTER) {
		if (t->chapter <= 0)
			return false;
		const tiao_node *part = c->ref_part;
		int n = 0, last = 0;
		for (size_t k = 0; k < c->divs.len; k++) {
			const tiao_node *d = c->divs.items[k];
			if (d->kind != TIAO_NODE_CHAPTER || !S_in_part(d, part))
				continue;
			if (d->num == t->chapter)
				return false;
			n++;
			if (d->num > last)
				last = d->num;
		}
		tiao_buf_puts(&c->msg, "reference to ");
		S_put_part_prefix(c);
		tiao_label_write(&c->msg, 0x7AE0, t->chapter, 0);
		if (part) {
			tiao_buf_puts(&c->msg, ", but ");
			tiao_label_write(&c->msg, 0x7F16, part->num, 0);
			tiao_buf_printf(&c->msg, " has %d chapter%s", n, n == 1 ? "" : "s");
		} else {
			tiao_buf_puts(&c->msg, ", which does not exist");
			if (n) {
				tiao_buf_puts(&c->msg, " (the last chapter is ");
				tiao_label_write(&c->msg, 0x7AE0, last, 0);
				tiao_buf_puts(&c->msg, ")");
			} else {
				tiao_buf_puts(&c->msg, " (the text has no chapters)");
			}
		}
		check = "xref-missing-chapter";
	} else if (t->level == TIAO_XLVL_SECTION) {
		if (t->section <= 0)
			return false;
		/* the chapter (or other division) whose sections are meant */
		const tiao_node *shown = NULL;
		if (t->chapter > 0) {
			/* 第二章第三节: any chapter of that number (in the part named, if any) */
			const tiao_node *here = S_enclosing(holder, TIAO_NODE_PART);
			for (size_t k = 0; k < c->divs.len; k++) {
				const tiao_node *d = c->divs.items[k];
				if (d->kind != TIAO_NODE_CHAPTER || d->num != t->chapter ||
				    !S_in_part(d, c->ref_part))
					continue;
				if (S_child_num(d, TIAO_NODE_SECTION, t->section))
					return false;
				if (!shown || S_enclosing(d, TIAO_NODE_PART) == here)
					shown = d;
			}
			if (!shown)
				return false; /* the chapter is missing: reported at its token */
		} else {
			/* 本章第二节 or a bare 第二节: a section of the division holding the current one */
			const tiao_node *sec = S_enclosing(holder, TIAO_NODE_SECTION);
			shown = sec ? sec->parent : S_enclosing(holder, TIAO_NODE_CHAPTER);
			if (!shown && c->ref_this_chapter)
				return false; /* 本章 outside any chapter: reported by S_check_this */
			if (shown && S_child_num(shown, TIAO_NODE_SECTION, t->section))
				return false;
		}
		tiao_buf_puts(&c->msg, "reference to ");
		if (t->chapter > 0) {
			S_put_part_prefix(c);
			tiao_label_write(&c->msg, 0x7AE0, t->chapter, 0);
		} else if (c->ref_this_chapter) {
			tiao_buf_puts(&c->msg, "本章");
		}
		tiao_label_write(&c->msg, 0x8282, t->section, 0);
		if (shown && shown->kind != TIAO_NODE_DOCUMENT) {
			int n = S_count_kind(shown, TIAO_NODE_SECTION);
			tiao_buf_puts(&c->msg, ", but ");
			S_put_label(&c->msg, shown);
			tiao_buf_printf(&c->msg, " has %d section%s", n, n == 1 ? "" : "s");
		} else {
			tiao_buf_puts(&c->msg, " in an article outside any chapter");
		}
		check = "xref-missing-section";
	} else {
		return false;
	}
	S_emit(c, TIAO_ERRORSEV, check, line, col);
	return true;
}

/* Characters that, before 本, make it part of a word (成本, 资本, 根本, 文本 …): 本 then does not
 * mean "this". */
static bool S_word_before_ben(uint32_t cp)
{
	static const char *const w = "成资根基样文版账副正课剧日书原标范脚蓝底读工血老股刊稿母单话抄"
	                             "校珍善孤残手传印译台教选绘画唱拓";
	size_t len = strlen(w), i = 0;
	while (i < len)
		if (tiao_utf8_next(w, len, &i) == cp)
			return true;
	return false;
}

/* Whether cp after 本X makes X part of a word (编制, 节能, 章程 …). */
static bool S_word_after(uint32_t x, uint32_t cp, const char *rest)
{
	const char *w;
	switch (x) {
	case 0x7AE0: /* 章: 本章程 is the act itself, but 本章程序 is "this chapter's procedure" */
		return cp == 0x7A0B /* 程 */ && strncmp(rest, "程序", 6) != 0;
	case 0x8282: w = "能约日假点目奏省余制俭庆"; break;
	case 0x7F16: w = "制码号写辑纂排选印著译列织撰造"; break;
	default: return false;
	}
	size_t len = strlen(w), i = 0;
	while (i < len)
		if (tiao_utf8_next(w, len, &i) == cp)
			return true;
	return false;
}

/* 本编 / 本分编 / 本章 / 本节 in an article that is in no such division. */
static void S_check_this(S_ctx *c, const tiao_node *holder)
{
	static const struct {
		const char *word;
		tiao_node_kind kind;
		const char *name, *check;
	} forms[] = {
		{"本分编", TIAO_NODE_SUBPART, "subpart", "xref-missing-part"},
		{"本编", TIAO_NODE_PART, "part", "xref-missing-part"},
		{"本章", TIAO_NODE_CHAPTER, "chapter", "xref-missing-chapter"},
		{"本节", TIAO_NODE_SECTION, "section", "xref-missing-section"},
	};
	const char *s = holder->text;
	size_t len = strlen(s);
	const char *p = s;
	while ((p = strstr(p, "本")) != NULL) {
		size_t at = (size_t)(p - s);
		p += 3;
		for (size_t k = 0; k < TIAO_ARRAY_LEN(forms); k++) {
			size_t n = strlen(forms[k].word);
			if (at + n > len || memcmp(s + at, forms[k].word, n) != 0)
				continue;
			if (S_enclosing(holder, forms[k].kind))
				break;
			if (at > 0) {
				size_t j = at;
				if (S_word_before_ben(tiao_utf8_prev(s, &j)))
					break;
			}
			size_t j = at + n;
			uint32_t after = j < len ? tiao_utf8_next(s, len, &j) : 0;
			uint32_t x;
			size_t xi = at + n - 3;
			x = tiao_utf8_next(s, len, &xi);
			if (S_word_after(x, after, s + at + n))
				break;
			size_t line, col;
			S_locate(holder, at, &line, &col);
			tiao_buf_puts(&c->msg, "reference to ");
			tiao_buf_puts(&c->msg, forms[k].word);
			tiao_buf_printf(&c->msg, " in an article outside any %s", forms[k].name);
			S_emit(c, TIAO_ERRORSEV, forms[k].check, line, col);
			break;
		}
	}
}

/*
 * Check one token found in the text of node holder. Returns true if it reported a fault.
 */
static bool S_check_tok(S_ctx *c, const tiao_node *holder, const tiao_xtok *t, size_t at)
{
	if (t->external)
		return false;
	bool div = t->level == TIAO_XLVL_CHAPTER || t->level == TIAO_XLVL_SECTION ||
	           t->level == TIAO_XLVL_PART;
	if (!div && t->level != TIAO_XLVL_ARTICLE && t->level != TIAO_XLVL_PARA &&
	    t->level != TIAO_XLVL_ITEM && t->level != TIAO_XLVL_SUBITEM)
		return false;
	const tiao_node *here_art = S_article_of(holder);
	const tiao_node *here_para = holder;
	while (here_para && here_para->kind != TIAO_NODE_PARAGRAPH)
		here_para = here_para->parent;
	if (!here_art)
		return false; /* text outside articles (appendix): not checked */

	const char *check = NULL;
	const tiao_node *art = NULL;
	size_t line, col;
	S_locate(holder, at, &line, &col);

	/* the article */
	size_t here_idx = c->cur_art, art_idx;
	if (here_idx >= c->arts.len || c->arts.items[here_idx].node != here_art)
		return false; /* not an article of the body */
	if (div)
		return !c->ref_in_title && S_check_div_tok(c, holder, t, line, col);
	/* 前条第二款: the scanner reads 前条 and 第二款 as two references; the paragraph belongs to the
	 * article before this one, not to this one (as the engine reads it too) */
	tiao_xtok prev_tok;
	if (tiao_xtok_of_prev_article(t, holder->text)) {
		prev_tok = *t;
		prev_tok.rel = TIAO_XREL_PREV_ART;
		prev_tok.count = 1;
		t = &prev_tok;
	}
	if (t->rel == TIAO_XREL_PREV_ART) {
		size_t i = here_idx, cnt = t->count > 1 ? (size_t)t->count : 1;
		if (i < cnt || i >= c->arts.len) {
			if (cnt > 1) {
				tiao_buf_puts(&c->msg, "reference to 前");
				tiao_num_write(&c->msg, (long)cnt);
				tiao_buf_puts(&c->msg, "条 in ");
				S_put_label(&c->msg, here_art);
			} else {
				tiao_buf_puts(&c->msg, "reference to 前条 in the first article");
			}
			check = "xref-missing-article";
			goto report;
		}
		art_idx = i - cnt;
		art = c->arts.items[art_idx].node;
	} else if (t->art > 0 && t->rel == TIAO_XREL_NONE) {
		const S_ent *e = S_find_article(c, t->art, t->art_sub);
		if (!e) {
			tiao_buf_puts(&c->msg, "reference to ");
			S_put_art(&c->msg, t->art, t->art_sub);
			tiao_buf_puts(&c->msg, ", which does not exist");
			if (c->arts.len) {
				const S_ent *last = &c->sorted[c->arts.len - 1];
				tiao_buf_puts(&c->msg, " (the last article is ");
				S_put_art(&c->msg, last->num, last->sub);
				tiao_buf_puts(&c->msg, ")");
			}
			check = "xref-missing-article";
			goto report;
		}
		art_idx = e->idx;
		art = e->node;
	} else {
		art_idx = here_idx;
		art = here_art;
	}
	if (t->level == TIAO_XLVL_ARTICLE)
		return false;

	/* the paragraph */
	const S_ainfo *ai = S_ainfo_at(c, art_idx);
	const S_pinfo *para = NULL;
	int npara = ai ? (int)ai->npara : 0;
	if (t->rel == TIAO_XREL_PREV_PARA) {
		int cnt = t->count > 0 ? t->count : 1;
		int pos = here_para ? S_para_pos(here_para) : 1;
		if (pos - cnt < 1) {
			tiao_buf_puts(&c->msg, "reference to ");
			S_put_ref(&c->msg, NULL, t);
			tiao_buf_puts(&c->msg, " in ");
			if (pos == 1)
				tiao_buf_puts(&c->msg, "the first paragraph of ");
			else
				tiao_buf_printf(&c->msg, "paragraph %d of ", pos);
			S_put_label(&c->msg, art);
			check = "xref-missing-paragraph";
			goto report;
		}
		para = S_para_at(c, ai, (size_t)(pos - 1));
	} else if (t->rel == TIAO_XREL_THIS_PARA) {
		/* a bare 第Z项 names an item of its own paragraph; in a paragraph without items (loose
		 * drafting: the items are in another paragraph of the article) look in the whole article */
		para = here_para ? S_pinfo_of(c, ai, here_para) : NULL;
		if (para && para->nitems == 0)
			para = NULL;
	} else if (t->para > 0) {
		para = S_para_at(c, ai, (size_t)t->para);
		if (!para) {
			tiao_buf_puts(&c->msg, "reference to ");
			S_put_ref(&c->msg, NULL, t);
			tiao_buf_puts(&c->msg, ", but ");
			S_put_label(&c->msg, art);
			tiao_buf_printf(&c->msg, " has %d paragraph%s", npara, npara == 1 ? "" : "s");
			check = "xref-missing-paragraph";
			goto report;
		}
	}
	if (t->level == TIAO_XLVL_PARA)
		return false;

	/* the item: in the named paragraph, or (no paragraph named) in any paragraph of the article */
	if (t->item > 0) {
		const tiao_node *item = NULL;
		size_t nitems = 0;
		if (para) {
			item = S_item_num(c, para, t->item);
			nitems = para->nitems;
		} else if (ai && (size_t)t->item <= ai->max_items) {
			item = S_find_item_in(c, ai, t->item);
		} else {
			for (size_t k = 0; ai && k < ai->npara && !item; k++) {
				const S_pinfo *pk = &c->paras.items[ai->para0 + k];
				item = S_item_num(c, pk, t->item);
				if (pk->nitems > nitems)
					nitems = pk->nitems;
			}
		}
		if (!item) {
			tiao_buf_puts(&c->msg, "reference to ");
			S_put_ref(&c->msg, NULL, t);
			tiao_buf_puts(&c->msg, ", but ");
			if (para) {
				S_put_place(&c->msg, para->node);
			} else {
				S_put_label(&c->msg, art);
			}
			tiao_buf_printf(&c->msg, " has %zu item%s", nitems, nitems == 1 ? "" : "s");
			check = "xref-missing-item";
			goto report;
		}
		if (t->level == TIAO_XLVL_SUBITEM && t->subitem > 0 &&
		    !S_child_num(item, TIAO_NODE_SUBITEM, t->subitem)) {
			int ns = S_count_kind(item, TIAO_NODE_SUBITEM);
			tiao_buf_puts(&c->msg, "reference to ");
			S_put_ref(&c->msg, NULL, t);
			tiao_buf_puts(&c->msg, ", but ");
			S_put_place(&c->msg, item);
			tiao_buf_printf(&c->msg, " has %d sub-item%s", ns, ns == 1 ? "" : "s");
			check = "xref-missing-item";
			goto report;
		}
	}
	return false;

report:
	S_emit(c, TIAO_ERRORSEV, check, line, col);
	return true;
}

/* Where the reference whose first numeral starts at off begins: back over an item parenthesis
 * （ ( ﹙ and over 第 (relative phrases such as 前款 start at their first character already). */
static size_t S_ref_start(const char *text, size_t off)
{
	size_t i = off;
	if (i > 0) {
		size_t j = i;
		uint32_t cp = tiao_utf8_prev(text, &j);
		if (cp == '(' || cp == 0xFF08 || cp == 0xFE59)
			i = j;
	}
	if (i >= 3 && memcmp(text + i - 3, "\xE7\xAC\xAC", 3) == 0) /* 第 */
		i -= 3;
	return i;
}

static void S_check_refs(S_ctx *c, const tiao_node *n)
{
	if (!n->text || !*n->text)
		return;
	c->xr.toks.len = 0;
	c->xr.nrefs = 0;
	if (tiao_xref_scan(&c->xr, n->text, strlen(n->text)) < 0) {
		c->failed = TIAO_ENOMEM;
		return;
	}
	const tiao_node *art = S_article_of(n);
	bool body = art && c->cur_art < c->arts.len && c->arts.items[c->cur_art].node == art;
	if (body)
		S_check_this(c, n);
	/* one report per reference (the first of its tokens that fails), at the reference's start */
	size_t bad_ref = (size_t)-1, cur_ref = (size_t)-1, at = 0;
	size_t seen = 0; /* the text before seen has been read for title marks */
	int title = 0;   /* 《 open at seen */
	for (size_t i = 0; i < c->xr.toks.len; i++) {
		const tiao_xtok *t = &c->xr.toks.items[i];
		if (t->ref != cur_ref) {
			cur_ref = t->ref;
			at = S_ref_start(n->text, t->start);
			/* 第三章 inside 《关于……第三章……》 is part of a title (one pass: tokens are in order) */
			for (; seen + 3 <= at; seen++) {
				if (memcmp(n->text + seen, "《", 3) == 0)
					title++;
				else if (memcmp(n->text + seen, "》", 3) == 0 && title > 0)
					title--;
			}
			c->ref_in_title = title > 0;
			if (body && !S_ref_prefix(c, n, n->text, at))
				bad_ref = t->ref;
		}
		if (t->ref == bad_ref)
			continue;
		if (S_check_tok(c, n, t, at))
			bad_ref = t->ref;
	}
}

/* ---- the walk ---- */

static void S_walk(S_ctx *c, const tiao_node *n)
{
	if (c->failed)
		return;
	switch (n->kind) {
	case TIAO_NODE_DOCUMENT:
	case TIAO_NODE_PART:
	case TIAO_NODE_SUBPART:
	case TIAO_NODE_CHAPTER:
		for (tiao_node_kind k = TIAO_NODE_FIRST_DIVISION; k <= TIAO_NODE_LAST_DIVISION; k++)
			if (tiao_node_can_contain(n->kind, k))
				S_check_children(c, n, k, S_SEQ_DIV);
		break;
	case TIAO_NODE_ARTICLE:
		c->cur_art = c->seen_arts++;
		S_check_empty(c, n);
		break;
	case TIAO_NODE_PARAGRAPH:
		if (n->parent && n->parent->kind == TIAO_NODE_APPENDIX)
			return;
		S_check_empty(c, n);
		S_check_refs(c, n);
		S_check_children(c, n, TIAO_NODE_ITEM, S_SEQ_ITEM);
		break;
	case TIAO_NODE_ITEM:
		S_check_empty(c, n);
		S_check_refs(c, n);
		S_check_children(c, n, TIAO_NODE_SUBITEM, S_SEQ_SUBITEM);
		break;
	case TIAO_NODE_SUBITEM:
		S_check_empty(c, n);
		S_check_refs(c, n);
		break;
	case TIAO_NODE_APPENDIX:
		return;
	default:
		break;
	}
	for (const tiao_node *ch = n->first; ch; ch = ch->next)
		S_walk(c, ch);
}

int tiao_validate(const tiao_doc *doc, tiao_diag_cb cb, void *payload)
{
	if (!doc || !doc->root)
		return TIAO_EINVALID;
	S_ctx c;
	memset(&c, 0, sizeof c);
	c.doc = doc;
	c.cb = cb;
	c.payload = payload;
	int rc = S_collect_articles(&c, doc->root);
	if (rc >= 0)
		rc = S_collect_divs(&c, doc->root);
	if (rc < 0) {
		TIAO_VEC_FREE(&c.divs);
		TIAO_VEC_FREE(&c.parts);
		TIAO_VEC_FREE(&c.arts);
		TIAO_VEC_FREE(&c.ainfo);
		TIAO_VEC_FREE(&c.paras);
		TIAO_VEC_FREE(&c.items);
		return rc;
	}
	S_check_articles(&c);
	S_walk(&c, doc->root);
	rc = c.failed ? c.failed : c.nerrors;
	free(c.sorted);
	TIAO_VEC_FREE(&c.arts);
	TIAO_VEC_FREE(&c.ainfo);
	TIAO_VEC_FREE(&c.paras);
	TIAO_VEC_FREE(&c.items);
	TIAO_VEC_FREE(&c.divs);
	TIAO_VEC_FREE(&c.parts);
	tiao_xrefs_free(&c.xr);
	tiao_buf_free(&c.msg);
	return rc;
}
