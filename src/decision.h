/*
 * decision.h — a 修改决定 (or 修正案) as a list of elementary instructions.
 *
 * The decision parser reads decision text in any layout (clean, or PDF-extracted as in a gazette),
 * picks the group of a package decision that amends the regulation titled base_title, and splits
 * every numbered item into elementary instructions. It knows nothing of the base text: targets are
 * addresses in base numbering (amendment-semantics §2.1); insert positions are addresses in result
 * numbering (§2.2); stated renumberings (改为第Y条) are kept for the engine to check (§2.3).
 */
#ifndef TIAO_DECISION_H
#define TIAO_DECISION_H

#include "gazette.h"

typedef enum {
	TIAO_OP_NONE = 0,
	TIAO_OP_DELETE,        /* 删去第X条 / 第X条第Y款 / …第Z项 / 第X章: remove targets */
	TIAO_OP_DELETE_PHRASE, /* 删去第X条中的“A” / 删去其中的“A”: remove every A in each target */
	TIAO_OP_REPLACE,       /* 将第X条(第Y款…)修改为：“…”: targets (1+ consecutive siblings) → quote */
	TIAO_OP_SUBST,         /* 将第X条中的“A”修改为“B”: every A → B in each target */
	TIAO_OP_INSERT_TEXT,   /* 在“A”后/前增加“B” (before = true for 前) */
	TIAO_OP_INSERT,        /* 增加一条/一款/一项/一章，作为 pos: quote */
	TIAO_OP_SPLIT_OUT,     /* 将第X条第Y款(第Z项)单列一条，作为第N条[，修改为：“…”] */
	TIAO_OP_MERGE,         /* 将第X条、第Y条合并，作为第N条，修改为：“…” */
	TIAO_OP_SPLIT_ARTICLE, /* 将第X条改为N条，作为第A条、第B条…，修改为：“第A条 …”“第B条 …” */
	TIAO_OP_MOVE,          /* 将第X条调整为/移作第Y条 (pos = result position) */
	TIAO_OP_RENUMBER,      /* 将第X条改为第Y条 (stated; checked by the engine) */
	TIAO_OP_MERGE_DIVISION,   /* 将第X章并入第Y章 / 将第X章、第Y章合并为一章，章名为“…” */
	TIAO_OP_HEADING,       /* 将第X章(的)章名修改为“…”: heading = new heading */
	TIAO_OP_HEADING_SUBST  /* 第X章章名中的“A”修改为“B” */
} tiao_op;

const char *tiao_op_name(tiao_op op);

typedef enum {
	TIAO_AT_NONE = 0,
	TIAO_AT_DOCUMENT, /* 相关条文 / 本条例 / 全文: the whole text */
	TIAO_AT_PART,
	TIAO_AT_SUBPART,
	TIAO_AT_CHAPTER,
	TIAO_AT_SECTION,
	TIAO_AT_ARTICLE,
	TIAO_AT_PARAGRAPH,
	TIAO_AT_LEADIN,  /* 第一款第一自然段 / the lead-in sentence of a paragraph that has items */
	TIAO_AT_ITEM,
	TIAO_AT_SUBITEM
} tiao_at;

/* An address. For divisions: part/chapter/section numbers (chapter within its parent as printed).
 * For provisions: art (+ sub for 之一), para (1-based, 0 = whole article), item, subitem. */
typedef struct tiao_addr {
	tiao_at at;
	int part, chapter, section;
	int art, art_sub;
	int para, item, subitem;
} tiao_addr;

/* A quoted block: its paragraphs, each with the quote marks removed and closing punctuation as it
 * should appear in the text (a 。 placed after the closing quote moved inside). Nested ‘’ kept. */
typedef struct tiao_quote {
	const char **paras;
	size_t n;
	size_t line, col;
} tiao_quote;

typedef struct tiao_instr {
	tiao_op op;
	const char *label;   /* "一、２", "七", "十五、（三）" — the numbered item it comes from */
	const char *clause;  /* the clause's text, for messages and traces */
	size_t line, col;    /* where the clause starts in the decision (1-based) */

	tiao_addr *targets;  /* base numbering */
	size_t ntargets;
	tiao_addr pos;       /* result position (INSERT, SPLIT_OUT, MERGE, MOVE, SPLIT_ARTICLE) */
	int stated_num, stated_sub; /* 改为第Y条: the result number stated for targets[0]; 0 = none */

	const char **olds;   /* SUBST/DELETE_PHRASE/INSERT_TEXT: the phrase(s) A (alternatives) */
	size_t nolds;
	const char *new_text; /* SUBST: B; INSERT_TEXT: B; HEADING: new heading */
	bool before;         /* INSERT_TEXT: 前增加 */
	int group;           /* clauses sharing a distributive phrase list (§4) share a group id > 0 */
	tiao_quote quote;    /* REPLACE / INSERT / SPLIT_OUT / MERGE / SPLIT_ARTICLE */
} tiao_instr;

typedef struct tiao_decision {
	tiao_arena arena;
	const char *filename;
	const char *title;        /* the decision's own title (关于修改《…》的决定 / 刑法修正案（十二）) */
	const char *target_title; /* the regulation this group amends, as printed in the decision */
	const char *date;         /* adoption date as printed, e.g. 2024年6月28日 */
	const char *organ;        /* adopting meeting, e.g. 第十四届全国人民代表大会常务委员会第十次会议 */
	bool renumber;            /* 条款顺序 / 条文顺序 / 条文序号 作相应调整 */
	bool is_amendment;        /* a 修正案: never renumbers; new articles take 之一 labels */
	tiao_instr *instrs;
	size_t n, cap;
} tiao_decision;

/*
 * Parse a decision from paragraphs [first, first+n) of paras. base_title selects the group of a
 * package decision (compared modulo «»/《》/‹›/〈〉 and spacing); NULL takes the only regulation.
 * An instruction the parser cannot read is an error (TIAO_EUNSUPPORTED) reported through cb with
 * its location; parsing continues, and the function returns the first error code (0 if none).
 * On return *out is set unless allocation failed.
 */
int tiao_decision_parse(tiao_decision **out, const tiao_paras *paras, size_t first, size_t n,
                        const char *base_title, tiao_diag_cb cb, void *payload, tiao_error *err);
void tiao_decision_free(tiao_decision *d);

/* Titles named in a package decision's groups (for choosing the group and for gazettes). */
int tiao_decision_titles(const tiao_paras *paras, size_t first, size_t n, const char ***titles,
                         size_t *ntitles, tiao_arena *arena);

/* Whether two titles are the same modulo bracket style and spacing. */
bool tiao_title_equiv(const char *a, const char *b);

#endif
