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
	int sentence; /* 第一句: the sentence within the paragraph (1-based); 0 = the whole provision.
	               * Set together with at = TIAO_AT_PARAGRAPH (第九十七条第一款第一句). */
	int heading;  /* 1: a division's heading only, named in a scope list (将第二章的章名和第五条第一款
	               * 中的“A”修改为“B”); 0: the division with everything in it */
} tiao_addr;

/* A quoted block: its paragraphs, each with the quote marks removed and closing punctuation as it
 * should appear in the text (a 。 placed after the closing quote moved inside). Nested ‘’ kept.
 * line/col: the opening mark of the block (of the article's own first paragraph when a block was
 * split per article). New text printed without quotes (修改为：⏎text⏎text, as some local decisions
 * do) is read the same way, one paragraph per line up to the next instruction. */
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
	tiao_addr anchor;    /* INSERT: the base provision the decision says the insertion follows
	                      * (在第七章后增加一章 / 在第四款后增加一款 / 在刑法第X条后增加一条);
	                      * at == TIAO_AT_NONE when not stated */
	const char *title;   /* package decisions: the regulation this instruction's group amends */
	bool optional;       /* a phrase found nowhere is not an error: the sentence applies to every
	                      * regulation of a package (此外，根据本决定将相关地方性法规中“区、县”的
	                      * 提法统一修改为“区”) */
} tiao_instr;

/*
 * What the parser produces, per op (every address in targets is BASE numbering; pos is RESULT
 * numbering; both filled only at the levels the decision names or implies):
 *
 *  DELETE         targets: 1+ provisions of any level (删去第九条第一款第（四）项、第十条、第十二条).
 *  DELETE_PHRASE  targets: the scope(s) (TIAO_AT_DOCUMENT for the whole text); olds[0] = the phrase.
 *                 删去其中的“A”和“B” gives one instruction per phrase, sharing targets and group.
 *  REPLACE        targets: 1+ consecutive siblings; quote replaces them (N may become M). A target
 *                 at TIAO_AT_ITEM may have para == 0 when the decision does not name the paragraph
 *                 (将第二项修改为): the paragraph that has items. TIAO_AT_LEADIN: 第一款第一自然段.
 *                 A quote paragraph that ends without closing punctuation keeps it that way (items
 *                 quoted as “（六）…”。 get their mark from their position); a 。 printed right
 *                 after the closing quote of a non-item paragraph has been moved inside.
 *  SUBST          targets: the scope(s); olds: alternatives (“A”“A2”修改为“B”); new_text = B.
 *                 Several SUBST reading the same scope list (…中的“A”修改为“B”，“C”修改为“D”;
 *                 其中的“A”修改为“B”；“C”修改为“D”) share group > 0 (distributive, §4).
 *  INSERT_TEXT    targets: the scope(s); olds[0] = A; new_text = B; before = 前增加.
 *                 nolds == 0: append B at the end of the target (在第一款最后增加“B”).
 *  INSERT         pos.at = ARTICLE (art, art_sub; chapter when stated: 作为第九章第六十三条),
 *                 PARAGRAPH (para; art = result article when the decision names one), ITEM (item;
 *                 para/art when named), CHAPTER / SECTION (heading in new_text; pos.art = result
 *                 number of its first article when the decision's quote shows it).
 *                 targets: 0 or 1 — the BASE container when the decision names it or it comes from
 *                 the clause before (第八条增加一款 / 将第三条改为第七条，增加一项: targets[0] =
 *                 article 3, pos = {ITEM, item 6}); absent when pos.art is a result article.
 *                 anchor: see above. quote: the new text; article quotes have their label removed.
 *                 增加三条，作为第四条、第五条和第六条：“第四条　…”“第五条　…” gives one INSERT per
 *                 article; an inserted 章/节 whose quote carries articles gives one INSERT per
 *                 article after the division's own INSERT (same label and line).
 *  SPLIT_OUT      targets: paragraph(s) or an item of one base article (将第八条第三款单列一条 /
 *                 将第二十三条第三款改为第二十七条 / 第一款作为第八十条) → pos {ARTICLE N};
 *                 quote = new text when 修改为 follows, else n == 0 (text kept).
 *  MERGE          targets: articles or paragraphs → pos {ARTICLE N} (chapter when stated) or
 *                 {PARAGRAPH para} (将第一款和第二款合并，作为第二款); quote = merged text.
 *                 将第十条、第十一条合并为一条，修改为：pos.at == NONE (the merged article stays where
 *                 the first was). 将第一款、第二款合并为一款，修改为 is a REPLACE (N paragraphs → 1).
 *  SPLIT_ARTICLE  targets: {ARTICLE X}; pos = the first result article; quote paragraphs carry the
 *                 labels (“第十二条　…”), a label printed alone on its line joined to its text.
 *  MOVE           targets: {one provision} → pos: 对第三十条进行修改，作为第七十条 (ARTICLE; the
 *                 修改 is a separate REPLACE) ; 第三款作为第八十一条第二款 (PARAGRAPH of a result
 *                 article); 将第X条调整为/移作第Y条.
 *  RENUMBER       targets: {one article, paragraph or item}; stated_num/stated_sub: its result
 *                 number at the same level (将第三款改为第四款 → paragraph 4). 将第二十六条改为第二十九条
 *                 第一款 is read as RENUMBER 26 → 29 (the article becomes the first paragraph).
 *  MERGE_DIVISION targets: the chapter(s) merged; pos: the chapter absorbing them (并入第二章);
 *                 new_text: heading when stated (合并为一章，章名为“…” / 合并为第五章，章名修改为“…”,
 *                 the number being the first target's); olds: when the decision cites the divisions
 *                 with their headings (第五章“供水保障”、第六章“用水管理”合并…), one per target ("" for
 *                 none) — the engine refuses a division whose heading differs.
 *  HEADING        targets: {CHAPTER/SECTION}; new_text: the new heading.
 *  HEADING_SUBST  targets: {CHAPTER/SECTION}; olds, new_text.
 *
 * Not instructions, and never reported: group headers (一、对《A》作出修改 / 的修改), headings of
 * sub-numbered lists (对部分条文作以下修改： / 其他修改：), narrative lead-ins without operation word,
 * reference or quote (此外，按照立法技术规范要求，…), closing sentences, 附件 lists. Everything
 * else that cannot be read is an error "unrecognised instruction: …" (check id
 * unrecognised-instruction) at the clause's line and column.
 */

typedef struct tiao_decision {
	tiao_arena arena;
	const char *filename;
	const char *title;        /* the decision's own title (关于修改《…》的决定 / 刑法修正案（十二）) */
	const char *target_title; /* the regulation this group amends, as printed in the decision */
	const char *date;         /* adoption date as printed, e.g. 2024年6月28日 */
	const char *organ;        /* adopting meeting, e.g. 第十四届全国人民代表大会常务委员会第十次会议 */
	const char *approval;     /* a 设区的市's decision: the approving meeting with its date as printed
	                           * after 通过 (2025年11月26日浙江省…第二十次会议), or NULL */
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
