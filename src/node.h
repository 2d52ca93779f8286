/*
 * node.h — the document tree: node layout, the containment grammar, construction and the iterator.
 *
 * Containment (enforced by tiao_node_can_contain, checked by tiao_node_check):
 *   DOCUMENT  ⊃ PART | CHAPTER | ARTICLE | APPENDIX
 *   PART      ⊃ SUBPART | CHAPTER | ARTICLE
 *   SUBPART   ⊃ CHAPTER | ARTICLE
 *   CHAPTER   ⊃ SECTION | ARTICLE
 *   SECTION   ⊃ ARTICLE
 *   ARTICLE   ⊃ PARAGRAPH            (at least one)
 *   PARAGRAPH ⊃ ITEM
 *   ITEM      ⊃ SUBITEM
 *   APPENDIX  ⊃ PARAGRAPH
 *
 * Text lives in fields of the node: a division has label + heading, an article has a label, a
 * paragraph/item/sub-item has text (the item label, e.g. （一）, is kept separately in label).
 * Every node belongs to one document and is allocated from its arena.
 */
#ifndef TIAO_NODE_H
#define TIAO_NODE_H

#include "util.h"

struct tiao_node {
	tiao_node_kind kind;
	int num;             /* number as integer (paragraph: position 1..n) */
	int sub;             /* 之N, else 0 */
	const char *label;   /* label as printed: 第十条, 第一章, （一）, 1. ; NULL for paragraphs */
	const char *heading; /* divisions: heading text after the label */
	const char *text;    /* paragraph, item, subitem, appendix line: the text (without label) */
	size_t line, col;    /* where the node starts in the input (1-based; 0 = not from input) */
	/* the input paragraph the node's text was read from (its segs map offsets back to input lines,
	 * see tiao_node_locate); NULL for nodes not read from input, and in clones */
	const struct tiao_para *src;
	tiao_node *parent, *first, *last, *prev, *next;

	/* consolidation bookkeeping (amend.c): identity of the node in the base text */
	int base_num, base_sub; /* base number of an article/chapter/item; paragraph: base position */
	unsigned flags;         /* TIAO_NF_* */
	const char *base_id;    /* AKN-style eId of the provision in the base text, or NULL */
};

enum {
	TIAO_NF_NEW = 1u << 0,      /* inserted by a decision (its text is in result numbering) */
	TIAO_NF_MODIFIED = 1u << 1, /* text replaced or changed */
	TIAO_NF_QUOTED = 1u << 2,   /* text comes from a decision's quote: never rewrite its refs */
	TIAO_NF_DELETED = 1u << 3   /* scheduled for deletion (amend internal) */
};

struct tiao_doc {
	tiao_arena arena;
	const char *filename;
	const char *title;
	const char **notes; /* 题注 lines, without the outer parentheses removed: as in input */
	size_t nnotes;
	const char **toc;   /* 目录 lines, if any */
	size_t ntoc;
	const char **preamble; /* paragraphs between 题注/目录 and the first heading or article (序言…) */
	size_t npreamble;
	/* memory the document's strings may point into, released by tiao_doc_free (tiao_parse hands
	 * the input's paragraph buffers over to the document instead of copying them) */
	void *owned;
	void (*owned_free)(void *owned);
	tiao_node *root;    /* a DOCUMENT node */
	size_t title_line;
};

/* Create a document with an empty root. NULL on OOM. */
tiao_doc *tiao_doc_new(const char *filename);
tiao_node *tiao_node_new(tiao_doc *doc, tiao_node_kind kind);
bool tiao_node_can_contain(tiao_node_kind parent, tiao_node_kind child);
/* Link child as the last child of parent / before or after sibling. Return TIAO_EINVALID if the
 * grammar forbids it. */
int tiao_node_append(tiao_node *parent, tiao_node *child);
int tiao_node_insert_before(tiao_node *sibling, tiao_node *node);
int tiao_node_insert_after(tiao_node *sibling, tiao_node *node);
/* Unlink node (and its subtree) from its parent. Memory stays in the arena. */
void tiao_node_unlink(tiao_node *node);
/* Deep copy of node (and subtree) into doc. */
tiao_node *tiao_node_clone(tiao_doc *doc, const tiao_node *node);
/* Input line and column of byte offset off of node->text: exact when the node was read from a
 * paragraph joined from several input lines; otherwise counted from the node's own line/col. */
void tiao_node_locate(const tiao_node *node, size_t off, size_t *line, size_t *col);
/* Number of children. */
size_t tiao_node_child_count(const tiao_node *node);
/* Copy a string into the document's arena. */
const char *tiao_doc_strdup(tiao_doc *doc, const char *s, size_t len);
/* Deep copy of a document. */
tiao_doc *tiao_doc_clone(const tiao_doc *doc);
/* Invariant checker for tests: grammar, parent/sibling links, articles have paragraphs.
 * Returns the number of violations and describes each on f (if non-NULL). */
int tiao_node_check(const tiao_node *root, FILE *f);

/* Preorder walk helpers over articles (skipping divisions). */
tiao_node *tiao_doc_first_article(const tiao_doc *doc);
tiao_node *tiao_article_next(const tiao_node *art);

struct tiao_iter {
	tiao_node *root, *cur;
	tiao_event ev;
};

#endif
