/*
 * xref.h — internal cross-references in provision text: finding them, and rewriting their numbers.
 *
 * A reference such as 本条例第五条第二款第（一）、（四）项 yields one token per number, each carrying
 * the full address it names: 条5; 条5 款2; 条5 款2 项1; 条5 款2 项4. Relative references (前款,
 * 前两款, 本条第二款, 前条) are tokens too, flagged relative. References to other acts
 * (《中华人民共和国XX法》第十条, 宪法第X条, 刑法第X条 inside a decision) are flagged external and
 * must never be rewritten.
 */
#ifndef TIAO_XREF_H
#define TIAO_XREF_H

#include "util.h"

typedef enum {
	TIAO_XLVL_ARTICLE = 1, /* 条 */
	TIAO_XLVL_PARA,        /* 款 */
	TIAO_XLVL_ITEM,        /* 项 */
	TIAO_XLVL_SUBITEM,     /* 目 */
	TIAO_XLVL_CHAPTER,     /* 章 */
	TIAO_XLVL_SECTION,     /* 节 */
	TIAO_XLVL_PART         /* 编 */
} tiao_xlevel;

typedef enum {
	TIAO_XREL_NONE = 0,
	TIAO_XREL_PREV_PARA,   /* 前款 (count = 1), 前两款 (count = 2) */
	TIAO_XREL_THIS_ART,    /* 本条第Y款 / a bare 第Y款: art is the containing article */
	TIAO_XREL_PREV_ART,    /* 前条 */
	TIAO_XREL_THIS_PARA    /* 本款第Z项 / a bare 第Z项: art and para are the containing ones */
} tiao_xrel;

typedef struct tiao_xtok {
	size_t start, end;   /* byte span of the numeral itself (for relative refs: the whole phrase) */
	tiao_xlevel level;   /* what the token names */
	tiao_xrel rel;       /* relative kind, or NONE */
	int count;           /* for 前两款: 2 */
	int art, art_sub;    /* address; 0 = the containing one (relative) */
	int para, item, subitem;
	int chapter, section;
	bool range_end;      /* second end of X至Y */
	bool external;       /* names a provision of another act */
	size_t ref;          /* index of the reference this token belongs to */
	size_t sub_start, sub_end; /* span of the 之N numeral of an article (第十条之一), else 0, 0 */
} tiao_xtok;

typedef struct tiao_xrefs {
	TIAO_VEC(tiao_xtok) toks;
	size_t nrefs;
} tiao_xrefs;

/* Append the references found in text to out. Returns 0 or TIAO_ENOMEM. Linear in len. */
int tiao_xref_scan(tiao_xrefs *out, const char *text, size_t len);
void tiao_xrefs_free(tiao_xrefs *x);

/* Whether token t of text is the paragraph of 前条第Y款: the scanner reads 前条 and 第Y款 as two
 * references (t then has rel TIAO_XREL_THIS_ART), but the paragraph is one of the article before. */
bool tiao_xtok_of_prev_article(const tiao_xtok *t, const char *text);

#endif
