/* test_validate.c — the numbering and cross-reference validator on hand-built trees. */
#include "testutil.h"

#include "node.h"
#include "validate.h"

/*
 * A tiny tree description, one node per string (its index + 1 is its input line):
 *   "B1" part, "F1" subpart, "C1" chapter, "S1" section,
 *   "A10" / "A10.1" article (第十条 / 第十条之一) — its first paragraph follows as "P …",
 *   "P text" paragraph (col 6: after a label 第X条 + U+3000, as on an article line; a paragraph on
 *   a line of its own is written "p text", col 1), "I3 text" item, "M2 text" sub-item.
 */
static tiao_doc *build(const char *const *spec, size_t n)
{
	tiao_doc *d = tiao_doc_new("t.txt");
	tiao_node *div[4] = {NULL, NULL, NULL, NULL}; /* part, subpart, chapter, section */
	tiao_node *art = NULL, *para = NULL, *item = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *s = spec[i];
		char c = s[0];
		tiao_node *node = NULL, *parent = NULL;
		char *end;
		long num = strtol(s + 1, &end, 10);
		long sub = 0;
		if (*end == '.')
			sub = strtol(end + 1, &end, 10);
		while (*end == ' ')
			end++;
		switch (c) {
		case 'B': case 'F': case 'C': case 'S': {
			tiao_node_kind k = c == 'B' ? TIAO_NODE_PART : c == 'F' ? TIAO_NODE_SUBPART :
			                   c == 'C' ? TIAO_NODE_CHAPTER : TIAO_NODE_SECTION;
			int lvl = c == 'B' ? 0 : c == 'F' ? 1 : c == 'C' ? 2 : 3;
			node = tiao_node_new(d, k);
			for (int l = lvl - 1; l >= 0 && !parent; l--)
				parent = div[l];
			if (!parent)
				parent = d->root;
			div[lvl] = node;
			for (int l = lvl + 1; l < 4; l++)
				div[l] = NULL;
			break;
		}
		case 'A':
			node = tiao_node_new(d, TIAO_NODE_ARTICLE);
			for (int l = 3; l >= 0 && !parent; l--)
				parent = div[l];
			if (!parent)
				parent = d->root;
			art = node;
			break;
		case 'P':
		case 'p':
			node = tiao_node_new(d, TIAO_NODE_PARAGRAPH);
			parent = art;
			para = node;
			num = (long)tiao_node_child_count(art) + 1;
			break;
		case 'I':
			node = tiao_node_new(d, TIAO_NODE_ITEM);
			parent = para;
			item = node;
			break;
		case 'M':
			node = tiao_node_new(d, TIAO_NODE_SUBITEM);
			parent = item;
			break;
		default:
			fail_msg("bad spec %s", s);
		}
		node->num = (int)num;
		node->sub = (int)sub;
		node->line = i + 1;
		node->col = c == 'P' ? 6 : 1;
		if (c == 'P' || c == 'p' || c == 'I' || c == 'M')
			node->text = tiao_doc_strdup(d, end, strlen(end));
		assert_int_equal(tiao_node_append(parent, node), 0);
	}
	return d;
}

typedef struct {
	int n;
	char check[16][40];
	size_t line[16], col[16];
	char msg[16][256];
} diags;

static void collect(const tiao_diag *d, void *payload)
{
	diags *g = payload;
	if (g->n < 16) {
		snprintf(g->check[g->n], sizeof g->check[0], "%s", d->check);
		g->line[g->n] = d->line;
		g->col[g->n] = d->column;
		snprintf(g->msg[g->n], sizeof g->msg[0], "%s", d->message);
	}
	g->n++;
}

static int run(const char *const *spec, size_t n, diags *g)
{
	memset(g, 0, sizeof *g);
	tiao_doc *d = build(spec, n);
	int rc = tiao_validate(d, collect, g);
	tiao_doc_free(d);
	return rc;
}

#define RUN(spec, g) run(spec, TIAO_ARRAY_LEN(spec), g)

static void expect(const diags *g, int i, const char *check, size_t line, size_t col)
{
	assert_true(i < g->n);
	assert_string_equal(g->check[i], check);
	assert_int_equal(g->line[i], line);
	assert_int_equal(g->col[i], col);
}

static void test_clean(void **state)
{
	(void)state;
	static const char *const spec[] = {
	    "C1", "A1", "P 为了……，制定本条例。", "p 依照第三条第二款的规定。",
	    "A2", "P 有下列行为之一的：", "I1 甲；", "I2 乙：", "M1 子一；", "M2 子二。",
	    "p 有前款第（二）项行为的，依照本条例第三条处理。",
	    "C2", "S1", "A3", "P 甲。", "p 前款规定以外的，适用第二条第一款第（一）项。",
	    "S2", "A4", "P 前条所称……", "A4.1", "P 之一。", "A4.2", "P 之二。", "A5",
	    "P 依照《中华人民共和国刑法》第九十九条第五款第（八）项追究。",
	};
	diags g;
	assert_int_equal(RUN(spec, &g), 0);
	assert_int_equal(g.n, 0);
}

static void test_article_gap(void **state)
{
	(void)state;
	static const char *const spec[] = {"A1", "P 一。", "A2", "P 二。", "A4", "P 四。", "A5", "P 五。"};
	diags g;
	assert_int_equal(RUN(spec, &g), 1);
	assert_int_equal(g.n, 1);
	expect(&g, 0, "article-gap", 5, 1);
	assert_string_equal(g.msg[0], "第四条 follows 第二条: 第三条 is missing");
}

static void test_article_gap_first(void **state)
{
	(void)state;
	static const char *const spec[] = {"A2", "P 二。", "A3", "P 三。"};
	diags g;
	assert_int_equal(RUN(spec, &g), 1);
	expect(&g, 0, "article-gap", 1, 1);
}

static void test_article_duplicate(void **state)
{
	(void)state;
	static const char *const spec[] = {"A1", "P 一。", "A2", "P 二。", "A2", "P 二。", "A3", "P 三。"};
	diags g;
	assert_int_equal(RUN(spec, &g), 1);
	assert_int_equal(g.n, 1);
	expect(&g, 0, "article-duplicate", 5, 1);
	assert_string_equal(g.msg[0], "第二条 repeats the number of line 3");
}

static void test_article_order(void **state)
{
	(void)state;
	/* 1 2 4 3 5: the gap shows at 第四条, the disorder at 第三条; 第五条 is fine */
	static const char *const spec[] = {"A1", "P 一。", "A2", "P 二。", "A4", "P 四。",
	                                   "A3", "P 三。", "A5", "P 五。"};
	diags g;
	assert_int_equal(RUN(spec, &g), 1);
	assert_int_equal(g.n, 1);
	expect(&g, 0, "article-order", 5, 1);
	assert_string_equal(g.msg[0], "第四条 comes before 第三条");
	/* 1 2 5 3 4: a misplaced article, reported at 第五条 (gap) and 第三条 (order) */
	static const char *const moved[] = {"A1", "P 一。", "A2", "P 二。", "A5", "P 五。",
	                                    "A3", "P 三。", "A4", "P 四。"};
	assert_int_equal(RUN(moved, &g), 2);
	expect(&g, 0, "article-gap", 5, 1);
	expect(&g, 1, "article-order", 7, 1);
}

static void test_article_mislabel(void **state)
{
	(void)state;
	/* one wrong label, the count going on after it: one finding */
	static const char *const typo[] = {"A1", "P 一。", "A2", "P 二。", "A99", "P 三。", "A4", "P 四。",
	                                   "A5", "P 五。"};
	diags g;
	assert_int_equal(RUN(typo, &g), 1);
	expect(&g, 0, "article-order", 5, 1);
	assert_string_equal(g.msg[0], "第九十九条 stands where 第三条 was expected");
	/* a label repeated by mistake for the next number: only the duplicate */
	static const char *const rep[] = {"A1", "P 一。", "A2", "P 二。", "A2", "P 三。", "A4", "P 四。"};
	assert_int_equal(RUN(rep, &g), 1);
	expect(&g, 0, "article-duplicate", 5, 1);
	/* the first label wrong */
	static const char *const first[] = {"A7", "P 一。", "A2", "P 二。", "A3", "P 三。"};
	assert_int_equal(RUN(first, &g), 1);
	expect(&g, 0, "article-order", 1, 1);
	assert_string_equal(g.msg[0], "the first article is 第七条, not 第一条");
	/* 第十条 after its own 之一 */
	static const char *const subfirst[] = {"A1", "P 一。", "A1.1", "P x。", "A1", "P y。", "A2", "P 二。"};
	assert_int_equal(RUN(subfirst, &g), 1);
	expect(&g, 0, "article-duplicate", 5, 1);
	static const char *const items[] = {"A1", "P 有：", "I1 甲；", "I1 乙；", "I3 丙。"};
	assert_int_equal(RUN(items, &g), 1);
	expect(&g, 0, "item-sequence", 4, 1);
	static const char *const chap[] = {"C1", "A1", "P 一。", "C9", "A2", "P 二。", "C3", "A3", "P 三。"};
	assert_int_equal(RUN(chap, &g), 1);
	expect(&g, 0, "chapter-order", 4, 1);
	assert_string_equal(g.msg[0], "chapter 第九章 stands where 第二章 was expected");
}

static void test_article_gap_across_chapters(void **state)
{
	(void)state;
	static const char *const spec[] = {"C1", "A1", "P 一。", "A2", "P 二。",
	                                   "C2", "A1", "P 一。", "A2", "P 二。"};
	diags g;
	RUN(spec, &g);
	/* articles must run on across chapters: the second 第一条 repeats */
	assert_true(g.n >= 1);
	expect(&g, 0, "article-duplicate", 7, 1);
}

static void test_sub_articles(void **state)
{
	(void)state;
	static const char *const ok[] = {"A1", "P 一。", "A1.1", "P 一之一。", "A1.2", "P 一之二。",
	                                 "A2", "P 二。"};
	diags g;
	assert_int_equal(RUN(ok, &g), 0);
	static const char *const skip[] = {"A1", "P 一。", "A1.2", "P 一之二。", "A2", "P 二。"};
	assert_int_equal(RUN(skip, &g), 1);
	expect(&g, 0, "sub-article", 3, 1);
	static const char *const wrong_base[] = {"A1", "P 一。", "A2", "P 二。", "A1.1", "P x。",
	                                         "A3", "P 三。"};
	assert_int_equal(RUN(wrong_base, &g), 1);
	expect(&g, 0, "sub-article", 5, 1);
	assert_string_equal(g.msg[0], "第一条之一 must follow 第一条, not 第二条");
	static const char *const dup[] = {"A1", "P 一。", "A1.1", "P x。", "A1.1", "P y。", "A2", "P 二。"};
	assert_int_equal(RUN(dup, &g), 1);
	expect(&g, 0, "article-duplicate", 5, 1);
}

static void test_chapters(void **state)
{
	(void)state;
	/* chapters may restart in every part (刑法) or run on across parts (民事诉讼法) */
	static const char *const restart[] = {"B1", "C1", "A1", "P 一。", "C2", "A2", "P 二。",
	                                      "B2", "C1", "A3", "P 三。", "C2", "S1", "A4", "P 四。",
	                                      "S2", "A5", "P 五。"};
	diags g;
	assert_int_equal(RUN(restart, &g), 0);
	static const char *const runon[] = {"B1", "C1", "A1", "P 一。", "C2", "A2", "P 二。",
	                                    "B2", "C3", "A3", "P 三。", "C4", "A4", "P 四。"};
	assert_int_equal(RUN(runon, &g), 0);
	static const char *const gap[] = {"C1", "A1", "P 一。", "C3", "A2", "P 二。", "C4", "A3", "P 三。"};
	assert_int_equal(RUN(gap, &g), 1);
	expect(&g, 0, "chapter-gap", 4, 1);
	assert_string_equal(g.msg[0], "chapter 第三章 follows 第一章: 第二章 is missing");
	static const char *const dup[] = {"C1", "A1", "P 一。", "C2", "S1", "A2", "P 二。", "S1", "A3",
	                                  "P 三。"};
	assert_int_equal(RUN(dup, &g), 1);
	expect(&g, 0, "section-duplicate", 8, 1);
	static const char *const badstart[] = {"B1", "C1", "A1", "P 一。", "B2", "C5", "A2", "P 二。"};
	assert_int_equal(RUN(badstart, &g), 1);
	expect(&g, 0, "chapter-gap", 6, 1);
}

static void test_items(void **state)
{
	(void)state;
	static const char *const ok[] = {"A1", "P 有下列情形之一：", "I1 甲；", "I2 乙。",
	                                 "p 另有下列情形：", "I1 丙；", "I2 丁。"};
	diags g;
	assert_int_equal(RUN(ok, &g), 0);
	static const char *const swap[] = {"A1", "P 有下列情形之一：", "I1 甲；", "I3 丙；", "I2 乙；",
	                                   "I4 丁。"};
	assert_int_equal(RUN(swap, &g), 1);
	expect(&g, 0, "item-sequence", 4, 1);
	assert_string_equal(g.msg[0], "item （三） comes before （二） (in 第一条第一款)");
	static const char *const first[] = {"A1", "P 有下列情形之一：", "I2 乙；", "I3 丙。"};
	assert_int_equal(RUN(first, &g), 1);
	expect(&g, 0, "item-sequence", 3, 1);
	static const char *const sub[] = {"A1", "P 有下列情形之一：", "I1 甲：", "M1 子；", "M3 丑。"};
	assert_int_equal(RUN(sub, &g), 1);
	expect(&g, 0, "subitem-sequence", 5, 1);
}

static void test_empty(void **state)
{
	(void)state;
	static const char *const spec[] = {"A1", "P ", "A2", "P 二。", "p ", "p 三。",
	                                   "A3", "P 有：", "I1 ", "I2 乙。"};
	diags g;
	assert_int_equal(RUN(spec, &g), 3);
	expect(&g, 0, "empty-provision", 1, 1);
	expect(&g, 1, "empty-provision", 5, 1);
	expect(&g, 2, "empty-provision", 9, 1);
}

static void test_xref_missing(void **state)
{
	(void)state;
	static const char *const spec[] = {
	    "A1", "P 依照本条例第九条的规定。",                 /* line 2: only 5 articles */
	    "A2", "P 甲。", "p 违反第二条第三款规定的。",       /* line 5: 第二条 has 2 paragraphs */
	    "A3", "P 有下列情形：", "I1 甲；", "I2 乙；", "I3 丙；", "I4 丁。",
	    "p 有前款第（五）项情形的。",                        /* line 12: 4 items */
	    "A4", "P 前款规定的。",                              /* line 14: first paragraph */
	    "A5", "P 依照第三条第一款第（二）项和《中华人民共和国刑法》第九百条。",
	};
	diags g;
	assert_int_equal(RUN(spec, &g), 4);
	assert_int_equal(g.n, 4);
	/* col: paragraph text starts at col 6 (after 第一条　) */
	expect(&g, 0, "xref-missing-article", 2, 6 + 5);
	assert_string_equal(g.msg[0], "reference to 第九条, which does not exist (the last article is 第五条)");
	expect(&g, 1, "xref-missing-paragraph", 5, 1 + 2);
	assert_string_equal(g.msg[1], "reference to 第二条第三款, but 第二条 has 2 paragraphs");
	expect(&g, 2, "xref-missing-item", 12, 1 + 1);
	expect(&g, 3, "xref-missing-paragraph", 14, 6);
	assert_string_equal(g.msg[3], "reference to 前款 in the first paragraph of 第四条");
}

static void test_xref_relative(void **state)
{
	(void)state;
	static const char *const spec[] = {
	    "A1", "P 前条规定。",                         /* 前条 in the first article */
	    "A2", "P 甲。", "p 乙。", "p 前两款规定的；本条第四款。", /* 本条第四款: 3 paragraphs */
	    "A3", "P 有下列情形：", "I1 甲；", "I2 乙，依照第（三）项。",
	};
	diags g;
	assert_int_equal(RUN(spec, &g), 3);
	expect(&g, 0, "xref-missing-article", 2, 6);
	expect(&g, 1, "xref-missing-paragraph", 6, 1 + 9);
	expect(&g, 2, "xref-missing-item", 10, 1 + 4);
}

/* References to 编, 章 and 节: 第X章, 第X章第Y节, a bare 第Y节 (of the current chapter), 本编第X章,
 * 本章第Y节, and 本编 / 本章 / 本节 in an article outside any such division. */
static void test_xref_divisions(void **state)
{
	(void)state;
	/* chapters restart in every part (刑法): 本编第一章 is the first chapter of the current part */
	static const char *const ok[] = {
	    "B1", "C1", "A1", "P 依照本法第二章和第二编第一章第二节的规定。",
	    "C2", "A2", "P 本章所称甲，依照本编第一章的规定。",
	    "B2", "C1", "S1", "A3", "P 犯本节规定之罪的，依照本章第二节和第一节的规定。",
	    "S2", "A4", "P 依照本编第一章第一节、第二节和《中华人民共和国民法典》第三编第九章的规定。",
	    "A5", "P 依照刑法第五编第九章的规定；成本节约，本编制内。",
	    "A6", "P 执行《关于第九章第八节的解释》。",
	};
	diags g;
	assert_int_equal(RUN(ok, &g), 0);

	static const char *const bad[] = {
	    "C1", "A1", "P 依照本条例第三章的规定。",            /* line 3: two chapters */
	    "C2", "S1", "A2", "P 依照第一章第一节的规定。",      /* line 7: 第一章 has no sections */
	    "S2", "A3", "P 适用第三节和本编的规定。",            /* line 10: 本编; 第三节 of 第二章 */
	    "A4", "P 依照本法第二编第一章的规定。",              /* line 12: no parts */
	};
	assert_int_equal(RUN(bad, &g), 5);
	expect(&g, 0, "xref-missing-chapter", 3, 6 + 5);
	assert_string_equal(g.msg[0], "reference to 第三章, which does not exist (the last chapter is 第二章)");
	expect(&g, 1, "xref-missing-section", 7, 6 + 2);
	assert_string_equal(g.msg[1], "reference to 第一章第一节, but 第一章 has 0 sections");
	expect(&g, 2, "xref-missing-part", 10, 6 + 6);
	assert_string_equal(g.msg[2], "reference to 本编 in an article outside any part");
	expect(&g, 3, "xref-missing-section", 10, 6 + 2);
	assert_string_equal(g.msg[3], "reference to 第三节, but 第二章 has 2 sections");
	expect(&g, 4, "xref-missing-part", 12, 6 + 4);
	assert_string_equal(g.msg[4], "reference to 第二编, which does not exist (the text has no parts)");

	static const char *const parts[] = {
	    "B1", "C1", "A1", "P 一。", "B2", "C1", "A2", "P 依照本编第三章的规定。", /* line 8 */
	    "C2", "A3", "P 依照第一编第二章第一节的规定。",                        /* line 11 */
	};
	assert_int_equal(RUN(parts, &g), 2);
	expect(&g, 0, "xref-missing-chapter", 8, 6 + 4);
	assert_string_equal(g.msg[0], "reference to 第二编第三章, but 第二编 has 2 chapters");
	expect(&g, 1, "xref-missing-chapter", 11, 6 + 2);
	assert_string_equal(g.msg[1], "reference to 第一编第二章, but 第一编 has 1 chapter");

	/* no divisions at all: 本章, 本节 and a bare 第Y节 name nothing (基本章程 is a word) */
	static const char *const flat[] = {
	    "A1", "P 本章所称甲，本节所称乙，依照第二节的规定；基本章程。",
	};
	assert_int_equal(RUN(flat, &g), 3);
	expect(&g, 0, "xref-missing-chapter", 2, 6);
	assert_string_equal(g.msg[0], "reference to 本章 in an article outside any chapter");
	expect(&g, 1, "xref-missing-section", 2, 6 + 6);
	assert_string_equal(g.msg[1], "reference to 本节 in an article outside any section");
	expect(&g, 2, "xref-missing-section", 2, 6 + 14);
	assert_string_equal(g.msg[2], "reference to 第二节 in an article outside any chapter");
}

static void test_large_linear(void **state)
{
	(void)state;
	/* 100,000 articles each referring to the one before: must run quickly */
	tiao_doc *d = tiao_doc_new("big.txt");
	for (int i = 1; i <= 100000; i++) {
		tiao_node *a = tiao_node_new(d, TIAO_NODE_ARTICLE);
		a->num = i;
		a->line = (size_t)i;
		a->col = 1;
		assert_int_equal(tiao_node_append(d->root, a), 0);
		tiao_node *p = tiao_node_new(d, TIAO_NODE_PARAGRAPH);
		p->num = 1;
		p->line = (size_t)i;
		p->col = 6;
		p->text = i > 1 ? "依照前条和第一条的规定。" : "总则。";
		assert_int_equal(tiao_node_append(a, p), 0);
	}
	diags g;
	memset(&g, 0, sizeof g);
	assert_int_equal(tiao_validate(d, collect, &g), 0);
	assert_int_equal(g.n, 0);
	tiao_doc_free(d);
}

static void test_pathological(void **state)
{
	(void)state;
	/* one article of 200,000 paragraphs, each naming a paragraph and an item of its own article,
	 * and 200,000 articles all numbered 第一条: every lookup must stay O(log n) */
	tiao_doc *d = tiao_doc_new("path.txt");
	tiao_node *a = tiao_node_new(d, TIAO_NODE_ARTICLE);
	a->num = 1;
	a->line = 1;
	assert_int_equal(tiao_node_append(d->root, a), 0);
	for (int i = 1; i <= 200000; i++) {
		tiao_node *p = tiao_node_new(d, TIAO_NODE_PARAGRAPH);
		p->num = i;
		p->line = (size_t)i;
		p->text = "依照本条第二款和第一条第（一）项以及第一条第二十万款。";
		assert_int_equal(tiao_node_append(a, p), 0);
		if (i == 1) {
			tiao_node *it = tiao_node_new(d, TIAO_NODE_ITEM);
			it->num = 1;
			it->text = "甲。";
			assert_int_equal(tiao_node_append(p, it), 0);
		}
	}
	for (int i = 2; i <= 200000; i++) {
		tiao_node *b = tiao_node_new(d, TIAO_NODE_ARTICLE);
		b->num = 1;
		b->line = (size_t)(200000 + i);
		assert_int_equal(tiao_node_append(d->root, b), 0);
		tiao_node *p = tiao_node_new(d, TIAO_NODE_PARAGRAPH);
		p->num = 1;
		p->text = "依照第一条第三款。";
		assert_int_equal(tiao_node_append(b, p), 0);
	}
	diags g;
	memset(&g, 0, sizeof g);
	/* 199,999 duplicates; the references are all good */
	assert_int_equal(tiao_validate(d, collect, &g), 199999);
	assert_string_equal(g.check[0], "article-duplicate");
	tiao_doc_free(d);
}

/* Parsed text: positions come from the parser (label columns; references inside the paragraph). */
static void test_parsed_positions(void **state)
{
	(void)state;
	static const char text[] =
	    "测试条例\n"
	    "第一条　为了测试，制定本条例。\n"
	    "第二条　依照本条例第九条的规定。\n"
	    "有下列情形之一的：\n"
	    "（一）甲；\n"
	    "（三）丙。\n"
	    "第四条　违反前款第（一）项的。\n";
	tiao_doc *doc = NULL;
	tiao_parse_options opts = TIAO_PARSE_OPTIONS_INIT;
	opts.filename = "p.txt";
	tiao_error err;
	memset(&err, 0, sizeof err);
	assert_int_equal(tiao_parse(&doc, text, sizeof text - 1, &opts, &err), 0);
	diags g;
	memset(&g, 0, sizeof g);
	assert_int_equal(tiao_validate(doc, collect, &g), 4);
	/* walk order: articles first, then the tree (references, then items of each paragraph) */
	expect(&g, 0, "article-gap", 7, 1);
	expect(&g, 1, "xref-missing-article", 3, 10);
	expect(&g, 2, "item-sequence", 6, 1);
	expect(&g, 3, "xref-missing-paragraph", 7, 7);
	tiao_doc_free(doc);
}

/* The eight regulations of the sample gazette validate clean. */
static void test_gazette_regulations(void **state)
{
	(void)state;
	size_t len = 0;
	char *bytes = test_read_shared("gazette/shanxi-rdcwh-gazette-2020-05.txt", &len);
	if (!bytes)
		skip();
	tiao_gazette *gz = NULL;
	tiao_error err;
	memset(&err, 0, sizeof err);
	assert_int_equal(tiao_gazette_split(&gz, bytes, len, "gazette", &err), 0);
	int nreg = 0;
	for (size_t i = 0; i < tiao_gazette_count(gz); i++) {
		if (tiao_gazette_kind(gz, i) != TIAO_DOC_REGULATION)
			continue;
		nreg++;
		size_t tlen;
		const char *t = tiao_gazette_text(gz, i, &tlen);
		assert_non_null(t);
		tiao_doc *doc = NULL;
		tiao_parse_options opts = TIAO_PARSE_OPTIONS_INIT;
		opts.filename = tiao_gazette_title(gz, i);
		assert_int_equal(tiao_parse(&doc, t, tlen, &opts, &err), 0);
		diags g;
		memset(&g, 0, sizeof g);
		int rc = tiao_validate(doc, collect, &g);
		if (g.n)
			print_message("%s: %d:%d %s %s\n", opts.filename, (int)g.line[0], (int)g.col[0],
			              g.check[0], g.msg[0]);
		assert_int_equal(rc, 0);
		assert_int_equal(g.n, 0);
		tiao_doc_free(doc);
	}
	assert_int_equal(nreg, 8);
	tiao_gazette_free(gz);
	free(bytes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_clean),
	    cmocka_unit_test(test_article_gap),
	    cmocka_unit_test(test_article_gap_first),
	    cmocka_unit_test(test_article_duplicate),
	    cmocka_unit_test(test_article_order),
	    cmocka_unit_test(test_article_mislabel),
	    cmocka_unit_test(test_article_gap_across_chapters),
	    cmocka_unit_test(test_sub_articles),
	    cmocka_unit_test(test_chapters),
	    cmocka_unit_test(test_items),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_xref_missing),
	    cmocka_unit_test(test_xref_relative),
	    cmocka_unit_test(test_xref_divisions),
	    cmocka_unit_test(test_large_linear),
	    cmocka_unit_test(test_pathological),
	    cmocka_unit_test(test_parsed_positions),
	    cmocka_unit_test(test_gazette_regulations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
