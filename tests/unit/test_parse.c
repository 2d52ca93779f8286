/* test_parse.c — the regulation parser (src/parse.c). */
#include "testutil.h"

#include "gazette.h"
#include "node.h"
#include "parse.h"

#include <time.h>

static tiao_doc *S_parse_ok(const char *text)
{
	tiao_doc *doc = NULL;
	tiao_error err;
	memset(&err, 0, sizeof err);
	int rc = tiao_parse(&doc, text, strlen(text), NULL, &err);
	if (rc != 0)
		fprintf(stderr, "parse failed: %d %s (line %zu)\n", rc, err.message, err.line);
	assert_int_equal(rc, 0);
	assert_non_null(doc);
	assert_int_equal(tiao_node_check(doc->root, stderr), 0);
	return doc;
}

static int S_parse_err(const char *text, size_t len, tiao_error *err)
{
	tiao_doc *doc = NULL;
	memset(err, 0, sizeof *err);
	int rc = tiao_parse(&doc, text, len, NULL, err);
	assert_null(doc);
	return rc;
}

static tiao_node *S_child(tiao_node *n, size_t i)
{
	tiao_node *c = n->first;
	while (c && i--)
		c = c->next;
	assert_non_null(c);
	return c;
}

static void test_basic_structure(void **state)
{
	(void)state;
	const char *t = "某某省某某条例\n"
	                "（2020年9月30日某某省第十三届人民代表大会常务委员会第二十次会议通过）\n"
	                "第一章　总　则\n"
	                "第一条　为了……，制定本条例。\n"
	                "第二条　本条例适用于下列事项：\n"
	                "（一）甲；\n"
	                "(二)乙。\n"
	                "前款规定以外的事项，依照有关规定执行。\n"
	                "第二章　管理\n"
	                "第三条 ASCII 空格之后的正文。\n"
	                "第三条之一　插入的条文。\n";
	tiao_doc *doc = S_parse_ok(t);
	assert_string_equal(doc->title, "某某省某某条例");
	assert_int_equal(doc->nnotes, 1);
	assert_string_equal(doc->notes[0], "（2020年9月30日某某省第十三届人民代表大会常务委员会第二十次会议通过）");
	assert_int_equal(tiao_doc_article_count(doc), 4);
	tiao_node *ch1 = S_child(doc->root, 0);
	assert_int_equal(ch1->kind, TIAO_NODE_CHAPTER);
	assert_int_equal(ch1->num, 1);
	assert_string_equal(ch1->label, "第一章");
	assert_string_equal(ch1->heading, "总　则");
	assert_int_equal(ch1->line, 3);
	tiao_node *a2 = S_child(ch1, 1);
	assert_int_equal(a2->kind, TIAO_NODE_ARTICLE);
	assert_string_equal(a2->label, "第二条");
	assert_int_equal(a2->line, 5);
	assert_int_equal(tiao_node_child_count(a2), 2);
	tiao_node *p1 = S_child(a2, 0);
	assert_string_equal(p1->text, "本条例适用于下列事项：");
	assert_int_equal(tiao_node_child_count(p1), 2);
	tiao_node *i2 = S_child(p1, 1);
	assert_int_equal(i2->kind, TIAO_NODE_ITEM);
	assert_int_equal(i2->num, 2);
	assert_string_equal(i2->label, "(二)");
	assert_string_equal(i2->text, "乙。");
	assert_int_equal(i2->line, 7);
	tiao_node *p2 = S_child(a2, 1);
	assert_int_equal(p2->num, 2);
	assert_string_equal(p2->text, "前款规定以外的事项，依照有关规定执行。");
	tiao_node *ch2 = S_child(doc->root, 1);
	assert_string_equal(ch2->heading, "管理");
	tiao_node *a3 = S_child(ch2, 0);
	assert_int_equal(a3->num, 3);
	assert_string_equal(S_child(a3, 0)->text, "ASCII 空格之后的正文。");
	tiao_node *a31 = S_child(ch2, 1);
	assert_int_equal(a31->num, 3);
	assert_int_equal(a31->sub, 1);
	assert_string_equal(a31->label, "第三条之一");
	assert_ptr_equal(tiao_doc_find_article(doc, 3, 1), a31);
	tiao_doc_free(doc);
}

static void test_label_alone(void **state)
{
	(void)state;
	/* labels alone on their line (database copies), body on the next */
	const char *t = "某条例\n第一条\n正文一。\n第二条\n（一）甲；\n（二）乙。\n第三条\n";
	tiao_doc *doc = S_parse_ok(t);
	tiao_node *a1 = S_child(doc->root, 0);
	assert_int_equal(tiao_node_child_count(a1), 1);
	assert_string_equal(S_child(a1, 0)->text, "正文一。");
	assert_int_equal(S_child(a1, 0)->line, 3);
	tiao_node *a2 = S_child(doc->root, 1);
	assert_int_equal(tiao_node_child_count(a2), 1);
	assert_string_equal(S_child(a2, 0)->text, "");
	assert_int_equal(tiao_node_child_count(S_child(a2, 0)), 2);
	/* an article label at the very end still gets a paragraph */
	tiao_node *a3 = S_child(doc->root, 2);
	assert_int_equal(tiao_node_child_count(a3), 1);
	tiao_doc_free(doc);
}

static void test_dated_notes(void **state)
{
	(void)state;
	const char *t =
	    "中华人民共和国某某法\n"
	    "1992年4月3日 第七届全国人民代表大会第五次会议通过\n"
	    "2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议《关于修改<甲法>\n"
	    "<乙法>\n"
	    "<丙法>的决定》第三次修正\n"
	    "第一章 总则\n"
	    "第一条 正文。\n";
	tiao_doc *doc = S_parse_ok(t);
	assert_string_equal(doc->title, "中华人民共和国某某法");
	assert_int_equal(doc->nnotes, 4);
	assert_string_equal(doc->notes[3], "<丙法>的决定》第三次修正");
	assert_int_equal(doc->npreamble, 0);
	assert_int_equal(S_child(doc->root, 0)->kind, TIAO_NODE_CHAPTER);
	tiao_doc_free(doc);
}

static void test_title_repeat_and_wrap(void **state)
{
	(void)state;
	/* a database artifact: the title repeated, wrapped */
	tiao_doc *doc = S_parse_ok("中华人民共和国各级人民代表大会常务委员会监督法\n"
	                           "中华人民共和国各级人民代表大会\n常务委员会监督法\n"
	                           "2006年8月27日 第十届全国人民代表大会常务委员会第二十三次会议通过\n"
	                           "第一条 正文。\n");
	assert_int_equal(doc->nnotes, 1);
	assert_int_equal(doc->npreamble, 0);
	tiao_doc_free(doc);
	/* a title wrapped over two lines */
	doc = S_parse_ok("中华人民共和国各级人民代表大会\n常务委员会监督法\n"
	                 "（2006年8月27日通过）\n第一条 正文。\n");
	assert_string_equal(doc->title, "中华人民共和国各级人民代表大会常务委员会监督法");
	assert_int_equal(doc->nnotes, 1);
	tiao_doc_free(doc);
}

static void test_multiline_paren_note(void **state)
{
	(void)state;
	tiao_doc *doc = S_parse_ok("某办法\n"
	                           "(１９８６年５月１６日通过　根据１９９７年\n"
	                           "决定修正　２００９年修订\n"
	                           "根据２０２０年决定修正)\n"
	                           "第一章　总　则\n"
	                           "第一条　正文.\n");
	assert_int_equal(doc->nnotes, 3);
	assert_int_equal(tiao_doc_article_count(doc), 1);
	tiao_doc_free(doc);
}

static void test_wrapped_xref_not_item(void **state)
{
	(void)state;
	/* a cross-reference wrapped at 第(二)、 must not become an item */
	tiao_doc *doc = S_parse_ok("某条例\n"
	                           "第二十一条　违反本条例第十一条第(二)、\n"
	                           "(三)项规定的,由有关行政主管部门责令改正.\n"
	                           "第二十二条　违反本条例第五条第二款第(一)、\n"
	                           "(四)、(五)项规定的,处罚.\n");
	tiao_node *a = S_child(doc->root, 0);
	assert_int_equal(tiao_node_child_count(a), 1);
	tiao_node *p = S_child(a, 0);
	assert_null(p->first);
	assert_string_equal(p->text, "违反本条例第十一条第(二)、(三)项规定的,由有关行政主管部门责令改正.");
	tiao_node *b = S_child(doc->root, 1);
	assert_null(S_child(b, 0)->first);
	tiao_doc_free(doc);
}

static void test_subitems_and_paragraph_after_items(void **state)
{
	(void)state;
	tiao_doc *doc = S_parse_ok("某条例\n第一条　下列情形：\n（一）甲：\n1.子一；\n２．子二；\n3、子三；\n"
	                           "（二）乙。\n新的一款。\n1.不是目的款。\n");
	tiao_node *a = S_child(doc->root, 0);
	assert_int_equal(tiao_node_child_count(a), 3);
	tiao_node *i1 = S_child(S_child(a, 0), 0);
	assert_int_equal(tiao_node_child_count(i1), 3);
	tiao_node *s2 = S_child(i1, 1);
	assert_int_equal(s2->kind, TIAO_NODE_SUBITEM);
	assert_int_equal(s2->num, 2);
	assert_string_equal(s2->label, "２．");
	assert_string_equal(s2->text, "子二；");
	tiao_node *p2 = S_child(a, 1);
	assert_string_equal(p2->text, "新的一款。");
	/* 目 written in parentheses with digits under an item written with Chinese numerals */
	tiao_doc *d2 = S_parse_ok("某条例\n第一条　下列：\n（一）甲：\n（1）子一；\n（2）子二；\n（二）乙。\n");
	tiao_node *q = S_child(S_child(d2->root, 0), 0);
	assert_int_equal(tiao_node_child_count(q), 2);
	assert_int_equal(tiao_node_child_count(S_child(q, 0)), 2);
	assert_string_equal(S_child(S_child(q, 0), 1)->label, "（2）");
	tiao_doc_free(d2);
	/* a numbered line after a plain paragraph is text of a new 款: 目 need an item */
	assert_null(p2->first);
	assert_string_equal(S_child(a, 2)->text, "1.不是目的款。");
	tiao_doc_free(doc);
}

static void test_divisions(void **state)
{
	(void)state;
	tiao_doc *doc = S_parse_ok("某法\n第一编 总则\n第一分编 通则\n第一章 一般规定\n第一节 甲\n"
	                           "第一条 一。\n第二节 乙\n第二条 二。\n第二章 乙章\n第三条 三。\n"
	                           "第二编 分则\n第四条 四。\n附则\n第五条 五。\n附件一\n1．甲的决定\n2．乙的决定\n"
	                           "附件二\n1．丙\n");
	tiao_node *part1 = S_child(doc->root, 0);
	assert_int_equal(part1->kind, TIAO_NODE_PART);
	tiao_node *sub1 = S_child(part1, 0);
	assert_int_equal(sub1->kind, TIAO_NODE_SUBPART);
	assert_string_equal(sub1->label, "第一分编");
	assert_string_equal(sub1->heading, "通则");
	tiao_node *ch1 = S_child(sub1, 0);
	assert_int_equal(ch1->kind, TIAO_NODE_CHAPTER);
	assert_int_equal(tiao_node_child_count(ch1), 2);
	assert_int_equal(S_child(ch1, 1)->kind, TIAO_NODE_SECTION);
	assert_int_equal(S_child(sub1, 1)->kind, TIAO_NODE_CHAPTER);
	tiao_node *part2 = S_child(doc->root, 1);
	assert_int_equal(part2->num, 2);
	tiao_node *fuze = S_child(doc->root, 2);
	assert_int_equal(fuze->kind, TIAO_NODE_PART);
	assert_null(fuze->label);
	assert_string_equal(fuze->heading, "附则");
	assert_int_equal(S_child(fuze, 0)->num, 5);
	tiao_node *ap1 = S_child(doc->root, 3);
	assert_int_equal(ap1->kind, TIAO_NODE_APPENDIX);
	assert_string_equal(ap1->label, "附件一");
	assert_int_equal(ap1->num, 1);
	assert_int_equal(tiao_node_child_count(ap1), 2);
	assert_string_equal(S_child(ap1, 1)->text, "2．乙的决定");
	tiao_node *ap2 = S_child(doc->root, 4);
	assert_int_equal(ap2->num, 2);
	assert_int_equal(tiao_doc_article_count(doc), 5);
	tiao_doc_free(doc);
}

static void test_toc_and_preamble(void **state)
{
	(void)state;
	tiao_doc *doc = S_parse_ok("某法\n（1982年通过）\n目　录\n序言\n第一章 总纲\n第二章 权利\n"
	                           "序言\n本法以法律的形式确认了……。\n"
	                           "第一章 总纲\n第一条 一。\n第二章 权利\n第二条 二。\n");
	assert_int_equal(doc->ntoc, 4);
	assert_string_equal(doc->toc[0], "目　录");
	assert_string_equal(doc->toc[3], "第二章 权利");
	assert_int_equal(doc->npreamble, 2);
	assert_string_equal(doc->preamble[0], "序言");
	assert_int_equal(tiao_node_child_count(doc->root), 2);
	assert_int_equal(tiao_doc_article_count(doc), 2);
	tiao_doc_free(doc);
}

static void test_wrapped_heading(void **state)
{
	(void)state;
	tiao_doc *doc = S_parse_ok("某法\n第一章 总则\n第一条 一。\n第三章 审查和批准决算，听取和审议国民经济和\n"
	                           "社会发展计划、预算的执行情况报告\n第二条 二。\n");
	tiao_node *ch = S_child(doc->root, 1);
	assert_string_equal(ch->heading, "审查和批准决算，听取和审议国民经济和社会发展计划、预算的执行情况报告");
	tiao_doc_free(doc);
}

static void test_errors(void **state)
{
	(void)state;
	tiao_error err;
	assert_int_equal(S_parse_err("", 0, &err), TIAO_EPARSE);
	assert_int_equal(S_parse_err("\n\n  \n", 4, &err), TIAO_EPARSE);
	const char *only_title = "某条例\n没有条文的一段话。\n";
	assert_int_equal(S_parse_err(only_title, strlen(only_title), &err), TIAO_EPARSE);
	assert_non_null(strstr(err.message, "no article"));
	const char *bad = "某条例\n第一条　\xff\xfe。\n";
	assert_int_equal(S_parse_err(bad, strlen(bad), &err), TIAO_EENCODING);
	assert_int_equal(err.byte_offset, strlen("某条例\n第一条　"));
	assert_int_equal(err.line, 2);
	const char nul[] = "某条例\n第一条\0正文\n";
	assert_int_equal(S_parse_err(nul, sizeof nul - 1, &err), TIAO_EENCODING);
	const char *outside = "某法\n第一章 总则\n第一条 一。\n第二章 其他\n这一段不属于任何一条，也不是章名。\n第二条 二。\n";
	assert_int_equal(S_parse_err(outside, strlen(outside), &err), TIAO_EPARSE);
	assert_int_equal(err.line, 5);
	assert_int_equal(err.column, 1);
	const char *notitle = "第一条 一。\n";
	assert_int_equal(S_parse_err(notitle, strlen(notitle), &err), TIAO_EPARSE);
}

static double S_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_pathological(void **state)
{
	(void)state;
	tiao_buf b = TIAO_BUF_INIT;
	/* 100,000 nested-looking labels: divisions, articles, items and sub-items, each level */
	tiao_buf_puts(&b, "某条例\n");
	for (int i = 0; i < 25000; i++)
		tiao_buf_puts(&b, "第一编 编\n第一分编 分编\n第一章 章\n第一条 条：\n（一）事项：\n1.目\n");
	double t0 = S_now();
	tiao_doc *doc = NULL;
	tiao_error err;
	assert_int_equal(tiao_parse(&doc, b.data, b.len, NULL, &err), 0);
	assert_int_equal(tiao_doc_article_count(doc), 25000);
	assert_int_equal(tiao_node_check(doc->root, stderr), 0);
	tiao_doc_free(doc);
	/* labels without bodies, 100,000 of them */
	tiao_buf_clear(&b);
	tiao_buf_puts(&b, "某条例\n");
	for (int i = 0; i < 100000; i++)
		tiao_buf_puts(&b, "第一条\n");
	assert_int_equal(tiao_parse(&doc, b.data, b.len, NULL, &err), 0);
	assert_int_equal(tiao_doc_article_count(doc), 100000);
	tiao_doc_free(doc);
	/* items only */
	tiao_buf_clear(&b);
	tiao_buf_puts(&b, "某条例\n第一条 下列：\n");
	for (int i = 0; i < 100000; i++)
		tiao_buf_puts(&b, "（一）（一）（一）（一）\n");
	assert_int_equal(tiao_parse(&doc, b.data, b.len, NULL, &err), 0);
	tiao_doc_free(doc);
	/* 100,000 wrapped cross-reference lines joined to one paragraph: linear, not quadratic */
	tiao_buf_clear(&b);
	tiao_buf_puts(&b, "某条例\n第一条 违反第（一）、\n");
	for (int i = 0; i < 100000; i++)
		tiao_buf_puts(&b, "（二）、\n");
	assert_int_equal(tiao_parse(&doc, b.data, b.len, NULL, &err), 0);
	assert_int_equal(tiao_node_child_count(tiao_doc_first_article(doc)), 1);
	assert_null(tiao_doc_first_article(doc)->first->first);
	assert_int_equal(strlen(tiao_doc_first_article(doc)->first->text), strlen("违反第（一）、") + 100000 * strlen("（二）、"));
	tiao_doc_free(doc);
	/* 100,000 short lines after a heading: not one endless heading */
	tiao_buf_clear(&b);
	tiao_buf_puts(&b, "某条例\n第一章 总则\n");
	for (int i = 0; i < 100000; i++)
		tiao_buf_puts(&b, "标题续行\n");
	tiao_buf_puts(&b, "第一条 一。\n");
	assert_int_equal(tiao_parse(&doc, b.data, b.len, NULL, &err), TIAO_EPARSE);
	/* one 20 MB line: a title and no article */
	tiao_buf_clear(&b);
	for (int i = 0; i < 20 * 1024 * 1024 / 30; i++)
		tiao_buf_puts(&b, "第一条第一条第一条第一条第一条第一条");
	assert_int_not_equal(tiao_parse(&doc, b.data, b.len, NULL, &err), 0);
	assert_null(doc);
	/* the same line as an article body */
	tiao_buf_clear(&b);
	tiao_buf_puts(&b, "某条例\n第一条 ");
	for (int i = 0; i < 20 * 1024 * 1024 / 30; i++)
		tiao_buf_puts(&b, "第一条第二款第（一）、（二）项");
	assert_int_equal(tiao_parse(&doc, b.data, b.len, NULL, &err), 0);
	assert_int_equal(tiao_doc_article_count(doc), 1);
	tiao_doc_free(doc);
	double dt = S_now() - t0;
	assert_true(dt < 20.0);
	tiao_buf_free(&b);
}

/* Paragraphs made by hand, one per line, bypassing gazette.c's recovery (which may join lines). */
static void S_paras_from_lines(tiao_paras *P, char *text)
{
	memset(P, 0, sizeof *P);
	size_t n = 1;
	for (char *q = text; *q; q++)
		n += *q == '\n';
	P->items = calloc(n, sizeof *P->items);
	size_t line = 0;
	for (char *s = text; *s;) {
		char *e = strchr(s, '\n');
		line++;
		if (e)
			*e = '\0';
		tiao_para *pa = &P->items[P->len++];
		pa->text = s;
		pa->len = strlen(s);
		pa->line = line;
		pa->col = 1;
		if (!e)
			break;
		s = e + 1;
	}
}

static void test_paras_direct_linear(void **state)
{
	(void)state;
	tiao_buf b = TIAO_BUF_INIT;
	tiao_buf_puts(&b, "某条例\n第一条 违反第（一）、\n");
	for (int i = 0; i < 100000; i++)
		tiao_buf_puts(&b, "（二）、\n");
	tiao_buf_puts(&b, "（三）项规定的。\n（一）甲；\n");
	tiao_paras P;
	S_paras_from_lines(&P, (char *)tiao_buf_cstr(&b));
	tiao_doc *doc = NULL;
	tiao_error err;
	clock_t c0 = clock();
	assert_int_equal(tiao_parse_paras(&doc, &P, 0, P.len, "x", &err), 0);
	assert_true((double)(clock() - c0) / CLOCKS_PER_SEC < 2.0);
	tiao_node *para = tiao_doc_first_article(doc)->first;
	assert_null(para->next);
	assert_int_equal(strlen(para->text), strlen("违反第（一）、") + 100000 * strlen("（二）、") +
	                                       strlen("（三）项规定的。"));
	/* the line after the joined text is an item again */
	assert_int_equal(tiao_node_child_count(para), 1);
	assert_string_equal(para->first->label, "（一）");
	assert_int_equal(para->first->line, 100004);
	tiao_doc_free(doc);
	free(P.items);
	tiao_buf_free(&b);
}

/* ---- the sample gazette: every regulation, through the gazette splitter ---- */

typedef struct {
	const char *title;
	size_t articles, chapters;
} S_expect;

static size_t S_count_kind(const tiao_node *root, tiao_node_kind kind)
{
	size_t k = 0;
	const tiao_node *n = root->first;
	while (n) {
		if (n->kind == kind)
			k++;
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n != root && !n->next)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
	return k;
}

static tiao_doc *S_gazette_doc(tiao_gazette *g, const char *title)
{
	for (size_t i = 0; i < g->ndocs; i++) {
		if (g->docs[i].kind != TIAO_DOC_REGULATION || !g->docs[i].title ||
		    strcmp(g->docs[i].title, title) != 0)
			continue;
		tiao_doc *doc = NULL;
		tiao_error err;
		memset(&err, 0, sizeof err);
		int rc = tiao_parse_paras(&doc, &g->paras, g->docs[i].first, g->docs[i].n, "gazette", &err);
		if (rc != 0)
			fprintf(stderr, "%s: %s (line %zu)\n", title, err.message, err.line);
		assert_int_equal(rc, 0);
		return doc;
	}
	fprintf(stderr, "regulation not found by the splitter: %s\n", title);
	return NULL;
}

static tiao_node *S_article(tiao_doc *doc, int num)
{
	tiao_node *a = tiao_doc_find_article(doc, num, 0);
	assert_non_null(a);
	return a;
}

static void test_gazette_regulations(void **state)
{
	(void)state;
	size_t len;
	char *text = test_read_shared("gazette/shanxi-rdcwh-gazette-2020-05.txt", &len);
	if (!text) {
		skip();
		return;
	}
	tiao_gazette *g = NULL;
	tiao_error err;
	assert_int_equal(tiao_gazette_split(&g, text, len, "gazette", &err), 0);
	static const S_expect expect[] = {
	    {"山西省标准化条例", 44, 7},
	    {"山西省机关运行保障条例", 45, 7},
	    {"山西省公民献血条例", 43, 6},
	    {"山西省实施«中华人民共和国义务教育法»办法", 62, 8},
	    {"山西省实施«中华人民共和国科学技术普及法»办法", 29, 0},
	    {"山西省农民专业合作社条例", 32, 5},
	    {"山西省万家寨引黄工程保护条例", 25, 0},
	    {"山西省气候资源开发利用和保护条例", 25, 0},
	};
	for (size_t k = 0; k < TIAO_ARRAY_LEN(expect); k++) {
		tiao_doc *doc = S_gazette_doc(g, expect[k].title);
		assert_non_null(doc);
		assert_int_equal(tiao_node_check(doc->root, stderr), 0);
		assert_string_equal(doc->title, expect[k].title);
		assert_int_equal(tiao_doc_article_count(doc), expect[k].articles);
		assert_int_equal(S_count_kind(doc->root, TIAO_NODE_CHAPTER), expect[k].chapters);
		/* articles numbered 1..N in order */
		int want = 1;
		for (tiao_node *a = tiao_doc_first_article(doc); a; a = tiao_article_next(a))
			assert_int_equal(a->num, want++);
		assert_int_equal(doc->nnotes >= 1, 1);
		if (k == 2) { /* 献血 第三十条: 2 款, the first with items (一)–(四) */
			tiao_node *a30 = S_article(doc, 30);
			assert_int_equal(tiao_node_child_count(a30), 2);
			assert_int_equal(tiao_node_child_count(a30->first), 4);
			assert_string_equal(a30->first->last->label, "(四)");
			/* 第四条: items followed by a second 款 */
			assert_int_equal(tiao_node_child_count(S_article(doc, 4)), 2);
		}
		if (k == 3) { /* 义务教育 第五十七条 reaches item (十一) */
			tiao_node *a57 = S_article(doc, 57);
			assert_int_equal(a57->first->last->num, 11);
			assert_string_equal(a57->first->last->label, "(十一)");
		}
		if (k == 6) { /* 万家寨: wrapped references are no items; 第六条 款2 after items */
			assert_null(S_article(doc, 7)->first->first);
			assert_null(S_article(doc, 19)->first->first);
			assert_null(S_article(doc, 21)->first->first);
			assert_int_equal(tiao_node_child_count(S_article(doc, 6)), 2);
			assert_int_equal(tiao_node_child_count(S_article(doc, 3)), 2);
		}
		if (k == 7) /* 气候 第二十条: 2 款 */
			assert_int_equal(tiao_node_child_count(S_article(doc, 20)), 2);
		tiao_doc_free(doc);
	}
	tiao_gazette_free(g);
	free(text);
}

/* Every corpus text parses, with its articles numbered in sequence (之N after their base). */
static void test_corpus(void **state)
{
	(void)state;
	static const char *const cases[] = {
	    "national_cishanfa_2023", "national_daibiaofa_2025", "national_duiwaimaoyi_2022",
	    "national_fanlongduan_2022", "national_jianchafa_2024", "national_jiandufa_2024",
	    "national_kuaijifa_2024", "national_lifafa_2023", "national_minshisusong_2023",
	    "national_nongjituiguang_2024", "national_shengwuanquan_2024", "national_tongjifa_2024",
	    "national_weichengnianrenbaohu_2024", "national_xingfa_xiuzhengan12_2023",
	    "national_yishiguize_2022", "sc_2022_baoan_fuwu", "sc_2022_daolu_yunshu",
	    "sc_2022_hulianwang_shangwang", "sc_2022_jiliangfa_shishi", "sc_2022_nongyao",
	    "sc_2023_xiaohao_chouyangceng", "sc_2024_keji_jiangli", "sc_2024_nianjie_fangjia",
	    "shanxi_qihou", "shanxi_wanjiazhai"};
	size_t done = 0;
	for (size_t c = 0; c < TIAO_ARRAY_LEN(cases); c++)
		for (int which = 0; which < 2; which++) {
			char rel[256];
			snprintf(rel, sizeof rel, "corpus/%s/%s", cases[c], which ? "after.txt" : "before.txt");
			size_t len;
			char *text = test_read_shared(rel, &len);
			if (!text)
				continue;
			tiao_doc *doc = NULL;
			tiao_error err;
			memset(&err, 0, sizeof err);
			int rc = tiao_parse(&doc, text, len, NULL, &err);
			if (rc != 0)
				fprintf(stderr, "%s: %s (line %zu)\n", rel, err.message, err.line);
			assert_int_equal(rc, 0);
			assert_int_equal(tiao_node_check(doc->root, stderr), 0);
			int num = 0, sub = 0;
			size_t n = 0;
			for (tiao_node *a = tiao_doc_first_article(doc); a; a = tiao_article_next(a), n++) {
				bool ok = (a->num == num + 1 && a->sub == 0) || (a->num == num && a->sub == sub + 1);
				if (!ok)
					fprintf(stderr, "%s: article %s after %d/%d\n", rel, a->label, num, sub);
				assert_true(ok);
				num = a->num;
				sub = a->sub;
			}
			assert_true(n >= 7);
			assert_true(doc->nnotes >= 1);
			assert_int_equal(doc->npreamble, 0);
			tiao_doc_free(doc);
			free(text);
			done++;
		}
	if (done == 0)
		skip();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_basic_structure),
	    cmocka_unit_test(test_label_alone),
	    cmocka_unit_test(test_dated_notes),
	    cmocka_unit_test(test_title_repeat_and_wrap),
	    cmocka_unit_test(test_multiline_paren_note),
	    cmocka_unit_test(test_wrapped_xref_not_item),
	    cmocka_unit_test(test_subitems_and_paragraph_after_items),
	    cmocka_unit_test(test_divisions),
	    cmocka_unit_test(test_toc_and_preamble),
	    cmocka_unit_test(test_wrapped_heading),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_pathological),
	    cmocka_unit_test(test_paras_direct_linear),
	    cmocka_unit_test(test_gazette_regulations),
	    cmocka_unit_test(test_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
