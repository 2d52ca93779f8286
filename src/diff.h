/*
 * diff.h — comparing two versions of a regulation (see docs/DIFF.md).
 *
 * Pipeline (after git's xdiff: prepare → core → compact → script → emit):
 *   prepare  every article becomes a flat text (its paragraphs, items and sub-items joined by '\n',
 *            item labels included, the article label not) and two hashes of its matching key: the
 *            exact key (text.h folding: NFKC-ish punctuation, no whitespace) and the masked key, in
 *            which the numerals of internal cross-references are replaced by a placeholder;
 *   align    articles of OLD and NEW are matched by patience diff on the masked hashes (unique
 *            anchors, longest increasing subsequence, recursion into the gaps), then by similarity
 *            (character-bigram Dice) inside each remaining gap, then left-over identical articles
 *            are paired as moves;
 *   classify each pair is same, renumbered (equal text, or only references changed consistently
 *            with the article map), moved, or modified; unmatched articles are added / deleted;
 *   chardiff inside a modified article, Myers' O(ND) diff (linear-space, GNU diffseq style) on the
 *            folded code points; hunks are slid to punctuation boundaries and short equalities
 *            between two edits are absorbed (semantic cleanup);
 *   emit     text, JSON, a drafted decision (diff.c) and HTML (render_html.c).
 */
#ifndef TIAO_DIFF_H
#define TIAO_DIFF_H

#include "node.h"

/* One changed stretch inside an article, as byte offsets into the two flat texts. */
typedef struct tiao_dhunk {
	size_t a0, a1; /* old flat text [a0, a1) deleted */
	size_t b0, b1; /* new flat text [b0, b1) inserted */
} tiao_dhunk;

/* One article of one side, prepared. */
typedef struct tiao_dart {
	const tiao_node *node;
	int num, sub;
	const char *label;   /* 第十条 (as printed), or a canonical label if the node has none */
	char *flat;          /* paragraphs/items joined by '\n' (arena) */
	size_t flen;
	size_t nlines;       /* number of '\n'-separated lines */
	uint64_t hexact, hmask; /* exact key; key with reference numerals masked, line breaks dropped */
	uint64_t hflat;         /* exact key with line breaks dropped */
	uint32_t klen;       /* length of the exact key */
	int partner;         /* index on the other side, or -1 */
	int op;              /* tiao_diff_op of the pair (both sides carry it) */
	bool moved;          /* paired out of order */
	bool layout;         /* same text, paragraphs / items broken differently */
	bool refs_only;      /* differs only by consistently renumbered references */
	const tiao_node *division; /* the innermost division containing it, or NULL */
} tiao_dart;

/* One entry of the change list, in merged order. */
typedef struct tiao_dentry {
	int op;      /* tiao_diff_op */
	int a, b;    /* indices into old / new articles, -1 when absent */
	tiao_dhunk *hunks;  /* exact character hunks (JSON, verify) */
	size_t nhunks;
	tiao_dhunk *vhunks; /* the same change for display (text, HTML): widened so that no hunk
	                     * covers part of an item label （二）; renderers also close their marks at
	                     * every line break, so no mark crosses a paragraph boundary */
	size_t nvhunks;
	bool refs_only; /* renumbered: the text differs only by consistently renumbered references */
	bool moved;     /* out of order (op MOVED, or MODIFIED when the text changed too) */
	bool layout;    /* same text, other paragraph breaks (op SAME or RENUMBERED) */
} tiao_dentry;

/* A heading change of a division (chapter/section/…) matched by kind and number. */
typedef struct tiao_dhead {
	const tiao_node *a, *b; /* either may be NULL (division added / deleted) */
} tiao_dhead;

struct tiao_diff {
	tiao_arena arena;
	const tiao_doc *old_doc, *new_doc;
	tiao_dart *A, *B;
	size_t n, m;
	tiao_dentry *ents; /* every article of both sides in merged order, SAME included */
	size_t nents;
	tiao_dhead *heads;
	size_t nheads;
	tiao_dhead *divs; /* every division of both sides aligned, in document order: matched pairs
	                   * (same kind and heading, possibly renumbered), heading changes, and
	                   * divisions present on one side only (a NULL partner) */
	size_t ndivs;
	bool title_changed;
	size_t nchanges; /* entries with op != SAME, plus heading changes, plus title */
};

/* Character-level diff of two UTF-8 texts compared on their folded keys (whitespace ignored);
 * hunks in byte offsets of a and b, compacted to readable boundaries. *out is malloc'd (free()).
 * Returns 0 or TIAO_ENOMEM. */
int tiao_chardiff(tiao_dhunk **out, size_t *nout, const char *a, size_t alen, const char *b,
                  size_t blen);

/* HTML rendering (render_html.c). */
int tiao_diff_render_html(tiao_buf *out, const tiao_diff *d);

/* Escape s[0..len) for HTML text. */
void tiao_html_escape(tiao_buf *b, const char *s, size_t len);

#endif
