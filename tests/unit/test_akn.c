/*
 * test_akn.c — Akoma Ntoso output (render_akn.c): every document validates against
 * schemas/akomantoso30.xsd (libxml2 xmlSchemaValidateDoc), eIds follow the naming convention,
 * cross-references become <ref href="#eId">, FRBR dates come from the 题注, and a consolidated
 * result carries wIds and passiveModifications/textualMod.
 */
#include "testutil.h"

#include "amend.h"
#include "node.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

static xmlSchemaPtr S_schema;
static char S_errors[4096];

static void S_collect(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	size_t n = strlen(S_errors);
	if (n + 1 >= sizeof S_errors)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(S_errors + n, sizeof S_errors - n, fmt, ap);
	va_end(ap);
}

static int S_setup(void **state)
{
	(void)state;
	xmlInitParser();
	/* the repository's copy (tests run from the repository root), else the shared folder's */
	char path[1024] = "schemas/akomantoso30.xsd";
	FILE *f = fopen(path, "rb");
	if (f)
		fclose(f);
	else
		snprintf(path, sizeof path, "%s/schemas/akomantoso30.xsd", test_shared_dir());
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
	if (!pc)
		return -1;
	xmlSchemaSetParserErrors(pc, S_collect, S_collect, NULL);
	S_schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (!S_schema) {
		fprintf(stderr, "cannot load %s (run from the repository root): %s\n", path, S_errors);
		return -1;
	}
	return 0;
}

static int S_teardown(void **state)
{
	(void)state;
	xmlSchemaFree(S_schema);
	xmlCleanupParser();
	return 0;
}

/* Parse xml (well-formedness) and validate it; returns the parsed document (caller frees). */
static xmlDocPtr S_validate(const char *xml, size_t len, const char *what)
{
	S_errors[0] = '\0';
	xmlDocPtr x = xmlReadMemory(xml, (int)len, "out.xml", "UTF-8", XML_PARSE_NONET);
	if (!x) {
		fail_msg("%s: output is not well-formed XML", what);
		return NULL;
	}
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(S_schema);
	assert_non_null(vc);
	xmlSchemaSetValidErrors(vc, S_collect, S_collect, NULL);
	int rc = xmlSchemaValidateDoc(vc, x);
	xmlSchemaFreeValidCtxt(vc);
	if (rc != 0) {
		fprintf(stderr, "%s: schema errors:\n%s\n", what, S_errors);
		xmlFreeDoc(x);
		fail_msg("%s does not validate against akomantoso30.xsd", what);
	}
	return x;
}

/* Number of nodes matching xpath (prefix a: = AKN namespace). */
static int S_count(xmlDocPtr x, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(x);
	xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST AKN_NS);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	int n = (o && o->nodesetval) ? o->nodesetval->nodeNr : -1;
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return n;
}

/* String value of an xpath expression (malloc'd). */
static char *S_string(xmlDocPtr x, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(x);
	xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST AKN_NS);
	char expr[512];
	snprintf(expr, sizeof expr, "string(%s)", xpath);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	char *s = strdup(o && o->stringval ? (const char *)o->stringval : "");
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return s;
}

static void S_assert_string(xmlDocPtr x, const char *xpath, const char *want)
{
	char *got = S_string(x, xpath);
	if (strcmp(got, want) != 0) {
		fprintf(stderr, "%s: got \"%s\", want \"%s\"\n", xpath, got, want);
		free(got);
		fail();
	}
	free(got);
}

/* ---- building trees by hand ---- */

static tiao_node *S_add(tiao_doc *d, tiao_node *parent, tiao_node_kind k, int num, const char *label,
                        const char *text)
{
	tiao_node *n = tiao_node_new(d, k);
	assert_non_null(n);
	n->num = num;
	if (label)
		n->label = tiao_doc_strdup(d, label, strlen(label));
	if (text)
		n->text = tiao_doc_strdup(d, text, strlen(text));
	assert_int_equal(tiao_node_append(parent, n), 0);
	return n;
}

static void S_notes(tiao_doc *d, const char *const *notes, size_t n)
{
	const char **v = tiao_arena_alloc(&d->arena, n * sizeof *v);
	assert_non_null(v);
	for (size_t i = 0; i < n; i++)
		v[i] = tiao_doc_strdup(d, notes[i], strlen(notes[i]));
	d->notes = v;
	d->nnotes = n;
}

/*
 * 测试条例 <&>
 * （2001年2月3日…通过　根据二〇一〇年十一月二十六日…《关于修改〈测试条例〉的决定》修正）
 * 第一章 总则 / 第一条 / 第二条 (two paragraphs, the second says 前款)
 * 第二章 管理 / 第一节 一般规定 / 第三条 (paragraph 2 has items; item 2 has sub-items) / 第三条之一
 */
static tiao_doc *S_sample(void)
{
	tiao_doc *d = tiao_doc_new("sample.txt");
	assert_non_null(d);
	d->title = tiao_doc_strdup(d, "测试条例 <&>", strlen("测试条例 <&>"));
	static const char *const notes[] = {
	    "（2001年2月3日某省第九届人民代表大会常务委员会第二十次会议通过　根据二〇一〇年十一月二十六日"
	    "某省第十一届人民代表大会常务委员会第二十次会议《关于修改〈测试条例〉的决定》修正）"};
	S_notes(d, notes, 1);
	static const char *const toc[] = {"目　录", "第一章　总则", "第二章　管理", "　第一节　一般规定"};
	d->toc = tiao_arena_alloc(&d->arena, sizeof toc);
	assert_non_null(d->toc);
	memcpy(d->toc, toc, sizeof toc);
	d->ntoc = 4;
	tiao_node *ch1 = S_add(d, d->root, TIAO_NODE_CHAPTER, 1, "第一章", NULL);
	ch1->heading = "总则";
	tiao_node *a1 = S_add(d, ch1, TIAO_NODE_ARTICLE, 1, "第一条", NULL);
	S_add(d, a1, TIAO_NODE_PARAGRAPH, 1, NULL,
	      "违反本条例第三条第二款第（一）项规定的，依照本条例第三条之一处理。");
	tiao_node *a2 = S_add(d, ch1, TIAO_NODE_ARTICLE, 2, "第二条", NULL);
	S_add(d, a2, TIAO_NODE_PARAGRAPH, 1, NULL, "县级以上人民政府负责本条例的实施。");
	S_add(d, a2, TIAO_NODE_PARAGRAPH, 2, NULL, "前款规定的部门依照《中华人民共和国水法》第十条执行。");
	tiao_node *ch2 = S_add(d, d->root, TIAO_NODE_CHAPTER, 2, "第二章", NULL);
	ch2->heading = "管理";
	tiao_node *s1 = S_add(d, ch2, TIAO_NODE_SECTION, 1, "第一节", NULL);
	s1->heading = "一般规定";
	tiao_node *a3 = S_add(d, s1, TIAO_NODE_ARTICLE, 3, "第三条", NULL);
	S_add(d, a3, TIAO_NODE_PARAGRAPH, 1, NULL, "禁止下列行为。");
	tiao_node *p2 = S_add(d, a3, TIAO_NODE_PARAGRAPH, 2, NULL, "在保护范围内禁止：");
	S_add(d, p2, TIAO_NODE_ITEM, 1, "（一）", "爆破；");
	tiao_node *i2 = S_add(d, p2, TIAO_NODE_ITEM, 2, "（二）", "下列活动：");
	S_add(d, i2, TIAO_NODE_SUBITEM, 1, "1.", "打井；");
	S_add(d, i2, TIAO_NODE_SUBITEM, 2, "2.", "采砂。");
	tiao_node *a31 = S_add(d, s1, TIAO_NODE_ARTICLE, 3, "第三条之一", NULL);
	a31->sub = 1;
	S_add(d, a31, TIAO_NODE_PARAGRAPH, 1, NULL, "本条例自公布之日起施行。");
	assert_int_equal(tiao_node_check(d->root, stderr), 0);
	return d;
}

static void test_akn_hand_built_tree(void **state)
{
	(void)state;
	tiao_doc *d = S_sample();
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_render_akn(&b, d), 0);
	assert_true(b.len > 0);
	if (getenv("TIAO_TEST_DUMP"))
		fwrite(b.data, 1, b.len, stderr);
	xmlDocPtr x = S_validate(b.data, b.len, "hand-built tree");

	/* structure and eIds */
	/* the title does not end in 条例/法/…: a generic act */
	assert_int_equal(S_count(x, "/a:akomaNtoso/a:act[@name='act']"), 1);
	assert_int_equal(S_count(x, "//a:chapter[@eId='chp_1']"), 1);
	assert_int_equal(S_count(x, "//a:chapter[@eId='chp_2']/a:section[@eId='chp_2__sec_1']"), 1);
	assert_int_equal(S_count(x, "//a:article"), 4);
	assert_int_equal(S_count(x, "//a:article[@eId='art_3_1']"), 1);
	assert_int_equal(S_count(x, "//a:paragraph[@eId='art_2__para_2']/a:content/a:p"), 1);
	assert_int_equal(S_count(x, "//a:paragraph[@eId='art_3__para_2']/a:intro/a:p"), 1);
	assert_int_equal(S_count(x, "//a:point[@eId='art_3__para_2__point_1']/a:content"), 1);
	assert_int_equal(S_count(x, "//a:point[@eId='art_3__para_2__point_2__point_2']"), 1);
	S_assert_string(x, "//a:chapter[@eId='chp_2']/a:heading", "管理");
	S_assert_string(x, "//a:article[@eId='art_3_1']/a:num", "第三条之一");
	S_assert_string(x, "//a:point[@eId='art_3__para_2__point_1']/a:num", "（一）");
	assert_int_equal(S_count(x, "//a:*[@wId]"), 0); /* not a consolidation */

	/* cross-references: internal ones linked, the external 《…水法》第十条 not */
	S_assert_string(x, "//a:ref[@href='#art_3__para_2__point_1']", "第（一）项");
	S_assert_string(x, "//a:ref[@href='#art_3']", "第三条");
	S_assert_string(x, "//a:ref[@href='#art_3__para_2']", "第二款");
	S_assert_string(x, "//a:ref[@href='#art_3_1']", "第三条之一");
	S_assert_string(x, "//a:paragraph[@eId='art_2__para_2']//a:ref/@href", "#art_2__para_1");
	assert_int_equal(S_count(x, "//a:paragraph[@eId='art_2__para_2']//a:ref"), 1);
	/* the text survives the markup unchanged */
	S_assert_string(x, "//a:paragraph[@eId='art_1__para_1']/a:content/a:p",
	                "违反本条例第三条第二款第（一）项规定的，依照本条例第三条之一处理。");

	/* identification, lifecycle, preface */
	S_assert_string(x, "//a:FRBRWork/a:FRBRdate/@date", "2001-02-03");
	S_assert_string(x, "//a:FRBRExpression/a:FRBRdate/@date", "2010-11-26");
	S_assert_string(x, "//a:FRBRWork/a:FRBRcountry/@value", "cn");
	S_assert_string(x, "//a:FRBRWork/a:FRBRuri/@value", "/akn/cn/act/2001-02-03/测试条例");
	S_assert_string(x, "//a:FRBRExpression/a:FRBRuri/@value",
	                "/akn/cn/act/2001-02-03/测试条例/zho@2010-11-26");
	assert_int_equal(S_count(x, "//a:lifecycle/a:eventRef"), 2);
	S_assert_string(x, "//a:eventRef[2]/@type", "amendment");
	S_assert_string(x, "//a:passiveRef[@eId='ro_2']/@href", "/akn/cn/act/2010-11-26/关于修改〈测试条例〉的决定");
	S_assert_string(x, "//a:preface/a:p/a:docTitle", "测试条例 <&>");
	/* the author is the organ of the adoption event, without 第九届 and 第二十次会议 */
	S_assert_string(x, "//a:TLCOrganization[@eId='author']/@showAs", "某省人民代表大会常务委员会");
	assert_int_equal(S_count(x, "//a:preface/a:p[@class='note']"), 1);
	assert_int_equal(S_count(x, "//a:analysis"), 0);
	/* the 目录 links to the divisions */
	assert_int_equal(S_count(x, "//a:preface/a:toc/a:tocItem"), 3);
	S_assert_string(x, "//a:tocItem[1]/@href", "#chp_1");
	S_assert_string(x, "//a:tocItem[3]/@href", "#chp_2__sec_1");
	S_assert_string(x, "//a:tocItem[3]/@level", "2");
	S_assert_string(x, "//a:preface/a:p[@class='toc']", "目　录");

	xmlFreeDoc(x);
	tiao_buf_free(&b);
	tiao_doc_free(d);
}

static void test_akn_edge_cases(void **state)
{
	(void)state;
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_render_akn(&b, NULL), TIAO_EINVALID);
	assert_int_equal(tiao_render_akn(NULL, NULL), TIAO_EINVALID);
	assert_int_equal(tiao_render_result_akn(&b, NULL), TIAO_EINVALID);

	/* no title, no 题注, no provisions: still a valid document */
	tiao_doc *d = tiao_doc_new(NULL);
	assert_int_equal(tiao_render_akn(&b, d), 0);
	xmlDocPtr x = S_validate(b.data, b.len, "empty document");
	S_assert_string(x, "//a:FRBRWork/a:FRBRdate/@date", "0001-01-01");
	xmlFreeDoc(x);
	tiao_buf_free(&b);

	/* a malformed text with two 第二条 and control-ish characters: eIds stay unique */
	tiao_node *a = S_add(d, d->root, TIAO_NODE_ARTICLE, 2, "第二条", NULL);
	S_add(d, a, TIAO_NODE_PARAGRAPH, 1, NULL, "a & b < c > d \"e\" 'f'");
	a = S_add(d, d->root, TIAO_NODE_ARTICLE, 2, "第二条", NULL);
	S_add(d, a, TIAO_NODE_PARAGRAPH, 1, NULL, "见第二条。");
	/* characters XML 1.0 cannot carry (a form feed from a PDF, bad bytes) do not break the output */
	a = S_add(d, d->root, TIAO_NODE_ARTICLE, 3, "第三条", NULL);
	S_add(d, a, TIAO_NODE_PARAGRAPH, 1, NULL, "甲\x01乙\x0c丙\xef\xbf\xbe。\xff");
	tiao_node *ap = S_add(d, d->root, TIAO_NODE_APPENDIX, 1, "附件", NULL);
	S_add(d, ap, TIAO_NODE_PARAGRAPH, 1, NULL, "附表一");
	assert_int_equal(tiao_render_akn(&b, d), 0);
	x = S_validate(b.data, b.len, "duplicate articles");
	assert_int_equal(S_count(x, "//a:article[@eId='art_2']"), 1);
	assert_int_equal(S_count(x, "//a:article[@eId='art_2_2']"), 1);
	assert_int_equal(S_count(x, "//a:hcontainer[@name='appendix']/a:paragraph"), 1);
	S_assert_string(x, "//a:paragraph[@eId='art_2__para_1']/a:content/a:p", "a & b < c > d \"e\" 'f'");
	S_assert_string(x, "//a:paragraph[@eId='art_3__para_1']/a:content/a:p", "甲乙丙。\xef\xbf\xbd");
	xmlFreeDoc(x);
	tiao_buf_free(&b);
	tiao_doc_free(d);
}

/* A consolidated result built by hand: 第二条 inserted, old 第二条 now 第三条 (its text
 * substituted), old 第三条 deleted. */
static void test_akn_result_hand_built(void **state)
{
	(void)state;
	tiao_doc *d = tiao_doc_new("result.txt");
	d->title = "测试条例";
	static const char *const notes[] = {"（2001年2月3日某会议通过", "2024年6月28日某会议《关于修改〈测试条例〉的决定》修正）"};
	S_notes(d, notes, 2);
	tiao_node *a1 = S_add(d, d->root, TIAO_NODE_ARTICLE, 1, "第一条", NULL);
	a1->base_num = 1;
	tiao_node *p = S_add(d, a1, TIAO_NODE_PARAGRAPH, 1, NULL, "第一条的内容。");
	p->base_num = 1;
	tiao_node *a2 = S_add(d, d->root, TIAO_NODE_ARTICLE, 2, "第二条", NULL);
	a2->flags = TIAO_NF_NEW;
	p = S_add(d, a2, TIAO_NODE_PARAGRAPH, 1, NULL, "新增的条文，见第三条。");
	p->flags = TIAO_NF_NEW;
	tiao_node *a3 = S_add(d, d->root, TIAO_NODE_ARTICLE, 3, "第三条", NULL);
	a3->base_num = 2;
	p = S_add(d, a3, TIAO_NODE_PARAGRAPH, 1, NULL, "原第二条。");
	p->base_num = 1;
	p = S_add(d, a3, TIAO_NODE_PARAGRAPH, 2, NULL, "原第二条第二款。");
	p->base_num = 2;

	tiao_result r;
	memset(&r, 0, sizeof r);
	r.doc = d;
	tiao_change ch;
	memset(&ch, 0, sizeof ch);
	ch.label = "一";
	ch.op = TIAO_OP_INSERT;
	ch.what = "insertion";
	ch.new_art = 2;
	assert_int_equal(TIAO_VEC_PUSH(&r.changes, ch), 0);
	memset(&ch, 0, sizeof ch);
	ch.label = "二";
	ch.op = TIAO_OP_SUBST;
	ch.what = "substitution";
	ch.target.at = TIAO_AT_PARAGRAPH;
	ch.target.art = 2;
	ch.target.para = 2;
	ch.new_art = 3;
	ch.new_para = 2;
	assert_int_equal(TIAO_VEC_PUSH(&r.changes, ch), 0);
	memset(&ch, 0, sizeof ch);
	ch.label = "三";
	ch.op = TIAO_OP_DELETE;
	ch.what = "repeal";
	ch.target.at = TIAO_AT_ARTICLE;
	ch.target.art = 3;
	assert_int_equal(TIAO_VEC_PUSH(&r.changes, ch), 0);
	tiao_renum rn = {2, 0, 3, 0};
	assert_int_equal(TIAO_VEC_PUSH(&r.renumbering, rn), 0);

	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_render_result_akn(&b, &r), 0);
	xmlDocPtr x = S_validate(b.data, b.len, "hand-built result");
	/* wId: base ids of renumbered provisions only */
	S_assert_string(x, "//a:article[@eId='art_3']/@wId", "art_2");
	S_assert_string(x, "//a:paragraph[@eId='art_3__para_2']/@wId", "art_2__para_2");
	assert_int_equal(S_count(x, "//a:article[@eId='art_1']/@wId"), 0);
	assert_int_equal(S_count(x, "//a:article[@eId='art_2']/@wId"), 0);
	assert_int_equal(S_count(x, "//a:*[@wId]"), 3);
	/* passive modifications: one per change, plus the unstated renumbering */
	assert_int_equal(S_count(x, "//a:passiveModifications/a:textualMod"), 4);
	S_assert_string(x, "//a:textualMod[1]/@type", "insertion");
	S_assert_string(x, "//a:textualMod[1]/a:destination/@href", "#art_2");
	S_assert_string(x, "//a:textualMod[1]/a:source/@href", "#ro_2");
	S_assert_string(x, "//a:textualMod[2]/@type", "substitution");
	S_assert_string(x, "//a:textualMod[2]/a:destination/@href", "#art_3__para_2");
	S_assert_string(x, "//a:textualMod[3]/@type", "repeal");
	S_assert_string(x, "//a:textualMod[3]/a:destination/@href",
	                "/akn/cn/act/2001-02-03/测试条例/zho@2001-02-03#art_3");
	S_assert_string(x, "//a:textualMod[4]/@type", "renumbering");
	S_assert_string(x, "//a:textualMod[4]/a:destination/@href", "#art_3");
	S_assert_string(x, "//a:textualMod[4]/a:previous/@href",
	                "/akn/cn/act/2001-02-03/测试条例/zho@2001-02-03#art_2");
	S_assert_string(x, "//a:FRBRExpression/a:FRBRdate/@date", "2024-06-28");
	assert_int_equal(S_count(x, "/a:akomaNtoso/a:act[@name='regulation'][@contains='singleVersion']"), 1);
	assert_int_equal(S_count(x, "//a:lifecycle/a:eventRef"), 2);
	S_assert_string(x, "//a:ref[@href='#art_3']", "第三条");
	xmlFreeDoc(x);
	tiao_buf_free(&b);
	TIAO_VEC_FREE(&r.changes);
	TIAO_VEC_FREE(&r.renumbering);
	tiao_doc_free(d);
}

/* Parse, render, validate; returns the number of articles in the XML (or -1 if parse failed). */
static int S_roundtrip(const char *text, size_t len, const char *what)
{
	tiao_doc *d = NULL;
	tiao_error err;
	tiao_parse_options o = TIAO_PARSE_OPTIONS_INIT;
	o.filename = what;
	if (tiao_parse(&d, text, len, &o, &err) != 0)
		return -1;
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_render_akn(&b, d), 0);
	xmlDocPtr x = S_validate(b.data, b.len, what);
	int n = S_count(x, "//a:article");
	assert_int_equal((size_t)n, tiao_doc_article_count(d));
	/* every internal link points at an element of the document */
	xmlXPathContextPtr ctx = xmlXPathNewContext(x);
	xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST AKN_NS);
	xmlXPathObjectPtr refs = xmlXPathEvalExpression(BAD_CAST "//a:ref/@href", ctx);
	for (int i = 0; refs && refs->nodesetval && i < refs->nodesetval->nodeNr; i++) {
		xmlChar *h = xmlNodeGetContent(refs->nodesetval->nodeTab[i]);
		char q[256];
		snprintf(q, sizeof q, "//a:*[@eId='%s']", (const char *)h + 1);
		if (S_count(x, q) != 1)
			fail_msg("%s: <ref href=\"%s\"> points nowhere", what, (const char *)h);
		xmlFree(h);
	}
	xmlXPathFreeObject(refs);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(x);
	tiao_buf_free(&b);
	tiao_doc_free(d);
	return n;
}

static const char *const S_cases[] = {
    "national_cishanfa_2023",       "national_daibiaofa_2025",       "national_duiwaimaoyi_2022",
    "national_fanlongduan_2022",    "national_jianchafa_2024",       "national_jiandufa_2024",
    "national_kuaijifa_2024",       "national_lifafa_2023",          "national_minshisusong_2023",
    "national_nongjituiguang_2024", "national_shengwuanquan_2024",   "national_tongjifa_2024",
    "national_weichengnianrenbaohu_2024", "national_xingfa_xiuzhengan12_2023",
    "national_yishiguize_2022",     "sc_2022_baoan_fuwu",            "sc_2022_daolu_yunshu",
    "sc_2022_hulianwang_shangwang", "sc_2022_jiliangfa_shishi",      "sc_2022_nongyao",
    "sc_2023_xiaohao_chouyangceng", "sc_2024_keji_jiangli",          "sc_2024_nianjie_fangjia",
    "shanxi_qihou",                 "shanxi_wanjiazhai",
};

static void test_akn_corpus_texts_validate(void **state)
{
	(void)state;
	int docs = 0, arts = 0;
	for (size_t i = 0; i < sizeof S_cases / sizeof S_cases[0]; i++) {
		for (int k = 0; k < 2; k++) {
			char rel[256];
			snprintf(rel, sizeof rel, "corpus/%s/%s.txt", S_cases[i], k ? "after" : "before");
			size_t len = 0;
			char *text = test_read_shared(rel, &len);
			if (!text)
				continue;
			int n = S_roundtrip(text, len, rel);
			free(text);
			if (n < 0)
				fail_msg("%s does not parse", rel);
			assert_true(n > 0);
			docs++;
			arts += n;
		}
	}
	printf("    %d corpus texts, %d articles: all valid Akoma Ntoso\n", docs, arts);
	assert_int_equal(docs, 2 * (int)(sizeof S_cases / sizeof S_cases[0]));
}

static void test_akn_gazette_regulations_validate(void **state)
{
	(void)state;
	size_t len = 0;
	char *text = test_read_shared("gazette/shanxi-rdcwh-gazette-2020-05.txt", &len);
	assert_non_null(text);
	tiao_gazette *g = NULL;
	tiao_error err;
	assert_int_equal(tiao_gazette_split(&g, text, len, "gazette", &err), 0);
	int regs = 0;
	for (size_t i = 0; i < tiao_gazette_count(g); i++) {
		if (tiao_gazette_kind(g, i) != TIAO_DOC_REGULATION)
			continue;
		size_t n = 0;
		const char *t = tiao_gazette_text(g, i, &n);
		assert_non_null(t);
		char what[256];
		snprintf(what, sizeof what, "gazette document %zu (%s)", i, tiao_gazette_title(g, i));
		int arts = S_roundtrip(t, n, what);
		if (arts < 0)
			fail_msg("%s does not parse", what);
		regs++;
	}
	printf("    %d gazette regulations: all valid Akoma Ntoso\n", regs);
	assert_true(regs >= 1);
	tiao_gazette_free(g);
	free(text);
}

static void S_count_diag(const tiao_diag *d, void *payload)
{
	(void)d;
	(*(int *)payload)++;
}

/* Real consolidations (the engine on the corpus): the XML validates, every change is a textualMod
 * whose destination exists, every renumbered article keeps its base id in wId. */
static void test_akn_consolidated_corpus_validate(void **state)
{
	(void)state;
	int done = 0, mods = 0, wids = 0;
	for (size_t i = 0; i < sizeof S_cases / sizeof S_cases[0]; i++) {
		char rel[256];
		size_t blen = 0, dlen = 0;
		snprintf(rel, sizeof rel, "corpus/%s/before.txt", S_cases[i]);
		char *base_text = test_read_shared(rel, &blen);
		snprintf(rel, sizeof rel, "corpus/%s/decision.txt", S_cases[i]);
		char *dec_text = test_read_shared(rel, &dlen);
		assert_non_null(base_text);
		assert_non_null(dec_text);
		tiao_doc *base = NULL;
		tiao_error err;
		tiao_parse_options o = TIAO_PARSE_OPTIONS_INIT;
		assert_int_equal(tiao_parse(&base, base_text, blen, &o, &err), 0);
		tiao_consolidate_options co = TIAO_CONSOLIDATE_OPTIONS_INIT;
		co.keep_going = 1;
		tiao_result *r = NULL;
		int ndiag = 0;
		tiao_consolidate(&r, base, dec_text, dlen, &co, S_count_diag, &ndiag, &err);
		if (!r) {
			printf("    %s: no consolidation (%s)\n", S_cases[i], err.message);
			free(base_text);
			free(dec_text);
			tiao_doc_free(base);
			continue;
		}
		tiao_buf b = TIAO_BUF_INIT;
		assert_int_equal(tiao_render_result_akn(&b, r), 0);
		xmlDocPtr x = S_validate(b.data, b.len, S_cases[i]);
		int tm = S_count(x, "//a:passiveModifications/a:textualMod");
		assert_true(tm >= (int)r->changes.len);
		/* every local destination names an element of the result */
		for (int k = 1; k <= tm; k++) {
			char q[128];
			snprintf(q, sizeof q, "//a:textualMod[%d]/a:destination/@href", k);
			char *h = S_string(x, q);
			assert_true(*h != '\0');
			if (*h == '#') {
				snprintf(q, sizeof q, "//a:*[@eId='%s']", h + 1);
				if (S_count(x, q) != 1)
					fail_msg("%s: destination %s does not exist", S_cases[i], h);
			}
			free(h);
		}
		/* renumbered articles keep their base id */
		const tiao_doc *d = tiao_result_doc(r);
		for (const tiao_node *a = tiao_doc_first_article(d); a; a = tiao_article_next(a)) {
			if ((a->flags & TIAO_NF_NEW) || a->base_num <= 0 || a->base_id)
				continue;
			char q[128], want[64];
			if (a->sub)
				snprintf(q, sizeof q, "//a:article[@eId='art_%d_%d']/@wId", a->num, a->sub);
			else
				snprintf(q, sizeof q, "//a:article[@eId='art_%d']/@wId", a->num);
			if (a->base_sub)
				snprintf(want, sizeof want, "art_%d_%d", a->base_num, a->base_sub);
			else
				snprintf(want, sizeof want, "art_%d", a->base_num);
			if (a->base_num == a->num && a->base_sub == a->sub) {
				assert_int_equal(S_count(x, q), 0);
			} else {
				S_assert_string(x, q, want);
				wids++;
			}
		}
		/* the expression is dated by the last event of the 题注 */
		int nev = S_count(x, "//a:lifecycle/a:eventRef");
		assert_true(nev >= 2);
		char q[128];
		snprintf(q, sizeof q, "//a:lifecycle/a:eventRef[%d]/@date", nev);
		char *last = S_string(x, q);
		S_assert_string(x, "//a:FRBRExpression/a:FRBRdate/@date", last);
		free(last);
		mods += tm;
		done++;
		xmlFreeDoc(x);
		tiao_buf_free(&b);
		tiao_result_free(r);
		tiao_doc_free(base);
		free(base_text);
		free(dec_text);
	}
	printf("    %d consolidations valid: %d textualMod, %d renumbered articles with wId\n", done, mods,
	       wids);
	assert_true(done >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_akn_hand_built_tree),
	    cmocka_unit_test(test_akn_edge_cases),
	    cmocka_unit_test(test_akn_result_hand_built),
	    cmocka_unit_test(test_akn_corpus_texts_validate),
	    cmocka_unit_test(test_akn_gazette_regulations_validate),
	    cmocka_unit_test(test_akn_consolidated_corpus_validate),
	};
	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
