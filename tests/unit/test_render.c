/* test_render.c — canonical text and JSON renderers (src/render_text.c, src/render_json.c). */
#include "testutil.h"

#include "gazette.h"
#include "node.h"
#include "parse.h"
#include "render.h"

static tiao_doc *S_parse(const char *text, size_t len)
{
	tiao_doc *doc = NULL;
	tiao_error err;
	memset(&err, 0, sizeof err);
	int rc = tiao_parse(&doc, text, len, NULL, &err);
	if (rc != 0)
		fprintf(stderr, "parse: %s (line %zu)\n", err.message, err.line);
	assert_int_equal(rc, 0);
	return doc;
}

static const char S_small[] = "某某条例\n"
                              "（2020年9月30日通过）\n"
                              "第一章　总　则\n"
                              "第一条 为了“规范”\\管理，制定本条例。\n"
                              "第二条　下列事项：\n"
                              "（一）甲；\n"
                              "（二）乙：\n"
                              "1.子；\n"
                              "其他事项。\n";

static void test_text_small(void **state)
{
	(void)state;
	tiao_doc *doc = S_parse(S_small, strlen(S_small));
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_render_text(&b, doc), 0);
	assert_string_equal(tiao_buf_cstr(&b), "某某条例\n"
	                                        "（2020年9月30日通过）\n"
	                                        "第一章　总　则\n"
	                                        "第一条　为了“规范”\\管理，制定本条例。\n"
	                                        "第二条　下列事项：\n"
	                                        "（一）甲；\n"
	                                        "（二）乙：\n"
	                                        "1.子；\n"
	                                        "其他事项。\n");
	tiao_buf_free(&b);
	tiao_doc_free(doc);
}

static void test_json_small(void **state)
{
	(void)state;
	const char *in = "某\"条例\"\n（通过）\n第一章　总　则\n第一条 一\\二三。\n第二条　下列：\n（一）甲；\n1.子\n第二条之一\n";
	tiao_doc *doc = S_parse(in, strlen(in));
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_render_json(&b, doc), 0);
	assert_string_equal(
	    tiao_buf_cstr(&b),
	    "{\"tiao\": 1, \"kind\": \"regulation\", \"title\": \"某\\\"条例\\\"\", \"notes\": [\"（通过）\"], \"children\": [\n"
	    "  {\"kind\": \"chapter\", \"num\": 1, \"label\": \"第一章\", \"heading\": \"总　则\", \"line\": 3, \"children\": [\n"
	    "    {\"kind\": \"article\", \"num\": 1, \"label\": \"第一条\", \"line\": 4, \"children\": [\n"
	    "      {\"kind\": \"paragraph\", \"num\": 1, \"text\": \"一\\\\二三。\", \"line\": 4}]},\n"
	    "    {\"kind\": \"article\", \"num\": 2, \"label\": \"第二条\", \"line\": 5, \"children\": [\n"
	    "      {\"kind\": \"paragraph\", \"num\": 1, \"text\": \"下列：\", \"line\": 5, \"children\": [\n"
	    "        {\"kind\": \"item\", \"num\": 1, \"label\": \"（一）\", \"text\": \"甲；\", \"line\": 6, \"children\": [\n"
	    "          {\"kind\": \"subitem\", \"num\": 1, \"label\": \"1.\", \"text\": \"子\", \"line\": 7}]}]}]},\n"
	    "    {\"kind\": \"article\", \"num\": 2, \"sub\": 1, \"label\": \"第二条之一\", \"line\": 8, \"children\": [\n"
	    "      {\"kind\": \"paragraph\", \"num\": 1, \"text\": \"\", \"line\": 8}]}]}]}\n");
	tiao_buf_free(&b);
	tiao_doc_free(doc);
}

static void test_json_str(void **state)
{
	(void)state;
	tiao_buf b = TIAO_BUF_INIT;
	tiao_json_str(&b, "a\"b\\c\nd\x01" "e条例 long enough to use the word loop 0123456789\"");
	assert_string_equal(tiao_buf_cstr(&b),
	                    "\"a\\\"b\\\\c\\nd\\u0001e条例 long enough to use the word loop 0123456789\\\"\"");
	tiao_buf_clear(&b);
	tiao_json_str(&b, NULL);
	assert_string_equal(tiao_buf_cstr(&b), "null");
	tiao_buf_clear(&b);
	tiao_json_nodes(&b, NULL);
	assert_string_equal(tiao_buf_cstr(&b), "[]");
	tiao_buf_free(&b);
}

/* Two trees are the same: kinds, numbers, labels, headings, texts; title, notes, toc, preamble. */
static bool S_str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static void S_assert_same(const tiao_doc *a, const tiao_doc *b, const char *what)
{
	assert_true(S_str_eq(a->title, b->title));
	assert_int_equal(a->nnotes, b->nnotes);
	for (size_t i = 0; i < a->nnotes; i++)
		assert_string_equal(a->notes[i], b->notes[i]);
	assert_int_equal(a->ntoc, b->ntoc);
	assert_int_equal(a->npreamble, b->npreamble);
	const tiao_node *x = a->root, *y = b->root;
	while (x && y) {
		bool same = x->kind == y->kind && x->num == y->num && x->sub == y->sub &&
		            S_str_eq(x->label, y->label) && S_str_eq(x->heading, y->heading) &&
		            S_str_eq(x->text, y->text) && !x->first == !y->first && !x->next == !y->next;
		if (!same)
			fprintf(stderr, "%s: trees differ at line %zu / %zu (%s)\n", what, x->line, y->line,
			        x->label ? x->label : x->text ? x->text : "");
		assert_true(same);
		if (x->first) {
			x = x->first;
			y = y->first;
			continue;
		}
		while (x != a->root && !x->next) {
			x = x->parent;
			y = y->parent;
		}
		if (x == a->root)
			break;
		x = x->next;
		y = y->next;
	}
}

/* parse → canonical text → parse gives the same tree, and the text is a fixed point. */
static void S_roundtrip(const tiao_doc *doc, const char *what)
{
	tiao_buf t1 = TIAO_BUF_INIT, t2 = TIAO_BUF_INIT;
	assert_int_equal(tiao_render_text(&t1, doc), 0);
	tiao_doc *again = S_parse(t1.data, t1.len);
	S_assert_same(doc, again, what);
	assert_int_equal(tiao_render_text(&t2, again), 0);
	assert_int_equal(t1.len, t2.len);
	assert_memory_equal(t1.data, t2.data, t1.len);
	/* JSON renders without failure and mentions every article */
	tiao_buf j = TIAO_BUF_INIT;
	assert_int_equal(tiao_render_json(&j, again), 0);
	assert_true(j.len > t1.len);
	tiao_buf_free(&j);
	tiao_doc_free(again);
	tiao_buf_free(&t1);
	tiao_buf_free(&t2);
}

static void test_roundtrip_small(void **state)
{
	(void)state;
	tiao_doc *doc = S_parse(S_small, strlen(S_small));
	S_roundtrip(doc, "small");
	tiao_doc_free(doc);
	const char *more = "某法\n（1982年通过）\n目　录\n序言\n第一编 总则\n第一分编 通则\n第一章 一般规定\n"
	                   "第一节 甲\n序言\n本法……。\n第一编 总则\n第一分编 通则\n第一章 一般规定\n第一节 甲\n"
	                   "第一条 下列：\n（一）甲；\n（二）乙。\n第二条 二。\n附则\n第三条 三。\n附件一\n1．甲\n";
	doc = S_parse(more, strlen(more));
	assert_int_equal(doc->ntoc, 6);
	assert_int_equal(doc->npreamble, 2);
	S_roundtrip(doc, "more");
	tiao_doc_free(doc);
}

static void test_roundtrip_corpus(void **state)
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
			tiao_doc *doc = S_parse(text, len);
			S_roundtrip(doc, rel);
			tiao_doc_free(doc);
			free(text);
			done++;
		}
	if (!done)
		skip();
}

static void test_roundtrip_gazette(void **state)
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
	size_t regs = 0;
	for (size_t i = 0; i < g->ndocs; i++) {
		if (g->docs[i].kind != TIAO_DOC_REGULATION)
			continue;
		tiao_doc *doc = NULL;
		if (tiao_parse_paras(&doc, &g->paras, g->docs[i].first, g->docs[i].n, "gazette", &err) != 0)
			continue; /* a regulation-like title without articles (a 说明 …) */
		S_roundtrip(doc, g->docs[i].title);
		tiao_doc_free(doc);
		regs++;
	}
	assert_true(regs >= 8);
	tiao_gazette_free(g);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text_small),        cmocka_unit_test(test_json_small),
	    cmocka_unit_test(test_json_str),          cmocka_unit_test(test_roundtrip_small),
	    cmocka_unit_test(test_roundtrip_corpus),  cmocka_unit_test(test_roundtrip_gazette),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
