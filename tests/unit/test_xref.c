/* test_xref.c — cross-reference scanning (src/xref.c). */
#include "testutil.h"

#include "numeral.h"
#include "xref.h"

#include <time.h>

static tiao_xrefs S_scan(const char *s)
{
	tiao_xrefs x;
	memset(&x, 0, sizeof x);
	assert_int_equal(tiao_xref_scan(&x, s, strlen(s)), 0);
	return x;
}

/* The numeral of token t as written. */
static void S_assert_span(const char *s, const tiao_xtok *t, const char *want)
{
	size_t n = strlen(want);
	assert_int_equal(t->end - t->start, n);
	assert_memory_equal(s + t->start, want, n);
}

static void test_full_address(void **state)
{
	(void)state;
	const char *s = "违反本条例第五条第二款第（一）、（四）项规定的";
	tiao_xrefs x = S_scan(s);
	assert_int_equal(x.toks.len, 4);
	assert_int_equal(x.nrefs, 1);
	tiao_xtok *t = x.toks.items;
	assert_int_equal(t[0].level, TIAO_XLVL_ARTICLE);
	assert_int_equal(t[0].art, 5);
	S_assert_span(s, &t[0], "五");
	assert_int_equal(t[1].level, TIAO_XLVL_PARA);
	assert_int_equal(t[1].art, 5);
	assert_int_equal(t[1].para, 2);
	assert_int_equal(t[2].level, TIAO_XLVL_ITEM);
	assert_int_equal(t[2].art, 5);
	assert_int_equal(t[2].para, 2);
	assert_int_equal(t[2].item, 1);
	S_assert_span(s, &t[2], "一");
	assert_int_equal(t[3].item, 4);
	assert_int_equal(t[3].para, 2);
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(t[i].rel, TIAO_XREL_NONE);
		assert_false(t[i].external);
		assert_int_equal(t[i].ref, 0);
	}
	tiao_xrefs_free(&x);

	/* half-width parentheses, as in the gazette */
	s = "禁止从事第五条第二款第(一)、(二)、(三)项的行为.";
	x = S_scan(s);
	assert_int_equal(x.toks.len, 5);
	assert_int_equal(x.toks.items[4].item, 3);
	assert_int_equal(x.toks.items[4].para, 2);
	tiao_xrefs_free(&x);
}

static void test_lists_and_ranges(void **state)
{
	(void)state;
	const char *s = "依照本法第十六条和第十七条的规定；本法第六十一条至第六十三条；第十条、第十二条第二款";
	tiao_xrefs x = S_scan(s);
	assert_int_equal(x.nrefs, 3);
	assert_int_equal(x.toks.len, 7);
	tiao_xtok *t = x.toks.items;
	assert_int_equal(t[0].art, 16);
	assert_int_equal(t[1].art, 17);
	assert_int_equal(t[1].ref, 0);
	assert_int_equal(t[2].art, 61);
	assert_false(t[2].range_end);
	assert_int_equal(t[3].art, 63);
	assert_true(t[3].range_end);
	assert_int_equal(t[3].ref, 1);
	assert_int_equal(t[4].art, 10);
	assert_int_equal(t[5].art, 12);
	assert_int_equal(t[6].level, TIAO_XLVL_PARA);
	assert_int_equal(t[6].art, 12);
	assert_int_equal(t[6].para, 2);
	tiao_xrefs_free(&x);

	/* numbers without 第 after 、: 第十六条、十七条; 第一、二款 */
	x = S_scan("第十六条、十七条和第三条第一、二款");
	assert_int_equal(x.toks.len, 5);
	assert_int_equal(x.toks.items[1].art, 17);
	assert_int_equal(x.toks.items[3].para, 1);
	assert_int_equal(x.toks.items[4].para, 2);
	assert_int_equal(x.toks.items[4].art, 3);
	tiao_xrefs_free(&x);

	/* 第五条第二款、第三款 and 第五条第二款、第六条 */
	x = S_scan("第五条第二款、第三款");
	assert_int_equal(x.toks.len, 3);
	assert_int_equal(x.toks.items[2].art, 5);
	assert_int_equal(x.toks.items[2].para, 3);
	tiao_xrefs_free(&x);
	x = S_scan("第五条第二款、第六条");
	assert_int_equal(x.toks.len, 3);
	assert_int_equal(x.toks.items[2].level, TIAO_XLVL_ARTICLE);
	assert_int_equal(x.toks.items[2].art, 6);
	assert_int_equal(x.toks.items[2].para, 0);
	tiao_xrefs_free(&x);
}

static void test_relative(void **state)
{
	(void)state;
	const char *s = "免交前款规定费用；前两款规定；本条第二款；第三款规定；第（一）项；第二项；前款第（二）项；前条";
	tiao_xrefs x = S_scan(s);
	tiao_xtok *t = x.toks.items;
	assert_int_equal(x.toks.len, 9);
	assert_int_equal(t[0].rel, TIAO_XREL_PREV_PARA);
	assert_int_equal(t[0].count, 1);
	S_assert_span(s, &t[0], "前款");
	assert_int_equal(t[1].rel, TIAO_XREL_PREV_PARA);
	assert_int_equal(t[1].count, 2);
	assert_int_equal(t[2].rel, TIAO_XREL_THIS_ART);
	assert_int_equal(t[2].para, 2);
	assert_int_equal(t[2].art, 0);
	assert_int_equal(t[3].rel, TIAO_XREL_THIS_ART);
	assert_int_equal(t[3].para, 3);
	assert_int_equal(t[4].rel, TIAO_XREL_THIS_PARA);
	assert_int_equal(t[4].item, 1);
	assert_int_equal(t[5].rel, TIAO_XREL_THIS_PARA);
	assert_int_equal(t[5].item, 2);
	assert_int_equal(t[6].rel, TIAO_XREL_PREV_PARA);
	assert_int_equal(t[7].rel, TIAO_XREL_PREV_PARA);
	assert_int_equal(t[7].level, TIAO_XLVL_ITEM);
	assert_int_equal(t[7].item, 2);
	assert_int_equal(t[8].rel, TIAO_XREL_PREV_ART);
	tiao_xrefs_free(&x);
}

static void test_external(void **state)
{
	(void)state;
	const char *s = "依照《中华人民共和国行政处罚法》第十条、第十二条的规定；依照刑法第六十四条；"
	                "民法典第一千条；本法第五条；依法第三次会议；«山西省甲条例»第八条；该条例第三条";
	tiao_xrefs x = S_scan(s);
	tiao_xtok *t = x.toks.items;
	assert_int_equal(x.toks.len, 7);
	assert_true(t[0].external);
	assert_true(t[1].external);
	assert_true(t[2].external);
	assert_int_equal(t[2].art, 64);
	assert_true(t[3].external);
	assert_int_equal(t[3].art, 1000);
	assert_false(t[4].external);
	assert_int_equal(t[4].art, 5);
	assert_true(t[5].external);
	assert_true(t[6].external);
	tiao_xrefs_free(&x);
	/* 本条例 / 本办法 are internal */
	x = S_scan("违反本办法第三条；依照本条例第七条、第九条第一款");
	for (size_t i = 0; i < x.toks.len; i++)
		assert_false(x.toks.items[i].external);
	assert_int_equal(x.toks.len, 4);
	tiao_xrefs_free(&x);
}

static void test_not_references(void **state)
{
	(void)state;
	tiao_xrefs x = S_scan("第十三届全国人民代表大会第一次会议；第三人；前述规定；本条规定；本法所称；第一百零一条第一款第一句");
	/* only the last: 第一百零一条第一款 (句 is no level) */
	assert_int_equal(x.toks.len, 2);
	assert_int_equal(x.toks.items[0].art, 101);
	assert_int_equal(x.toks.items[1].para, 1);
	tiao_xrefs_free(&x);
}

static void test_sub_articles(void **state)
{
	(void)state;
	const char *s = "依照本法第一百二十条之一、第一百二十条之二的规定";
	tiao_xrefs x = S_scan(s);
	assert_int_equal(x.toks.len, 2);
	assert_int_equal(x.toks.items[0].art, 120);
	assert_int_equal(x.toks.items[0].art_sub, 1);
	assert_int_equal(x.toks.items[1].art_sub, 2);
	const tiao_xtok *t = &x.toks.items[1];
	assert_memory_equal(s + t->sub_start, "二", 3);
	assert_int_equal(t->sub_end - t->sub_start, 3);
	tiao_xrefs_free(&x);
}

static void test_chapters(void **state)
{
	(void)state;
	tiao_xrefs x = S_scan("本法第二章第三节的规定；第四章");
	assert_int_equal(x.toks.len, 3);
	assert_int_equal(x.toks.items[0].level, TIAO_XLVL_CHAPTER);
	assert_int_equal(x.toks.items[1].level, TIAO_XLVL_SECTION);
	assert_int_equal(x.toks.items[1].chapter, 2);
	assert_int_equal(x.toks.items[1].section, 3);
	assert_int_equal(x.toks.items[2].chapter, 4);
	tiao_xrefs_free(&x);
}

static void test_long_list(void **state)
{
	(void)state;
	/* a list longer than any fixed table: every numeral is a token */
	tiao_buf b = TIAO_BUF_INIT;
	tiao_buf_puts(&b, "违反本条例第五条第二款第");
	for (int i = 1; i <= 300; i++) {
		if (i > 1)
			tiao_buf_puts(&b, "、");
		tiao_buf_putc(&b, '(');
		tiao_num_write(&b, i);
		tiao_buf_putc(&b, ')');
	}
	tiao_buf_puts(&b, "项规定的");
	tiao_xrefs x;
	memset(&x, 0, sizeof x);
	assert_int_equal(tiao_xref_scan(&x, b.data, b.len), 0);
	assert_int_equal(x.toks.len, 302);
	assert_int_equal(x.toks.items[301].item, 300);
	assert_int_equal(x.toks.items[301].para, 2);
	tiao_xrefs_free(&x);
	tiao_buf_free(&b);
}

static void test_linear(void **state)
{
	(void)state;
	tiao_buf b = TIAO_BUF_INIT;
	for (int i = 0; i < 400000; i++)
		tiao_buf_puts(&b, "第第一、");
	for (int i = 0; i < 200000; i++)
		tiao_buf_puts(&b, "第一条第二款第（三）、");
	for (int i = 0; i < 200000; i++)
		tiao_buf_puts(&b, "前前款本本条");
	clock_t c0 = clock();
	tiao_xrefs x;
	memset(&x, 0, sizeof x);
	assert_int_equal(tiao_xref_scan(&x, b.data, b.len), 0);
	double dt = (double)(clock() - c0) / CLOCKS_PER_SEC;
	assert_true(dt < 5.0);
	assert_true(x.toks.len >= 400000);
	tiao_xrefs_free(&x);
	tiao_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_full_address), cmocka_unit_test(test_lists_and_ranges),
	    cmocka_unit_test(test_relative),     cmocka_unit_test(test_external),
	    cmocka_unit_test(test_not_references), cmocka_unit_test(test_sub_articles),
	    cmocka_unit_test(test_chapters),     cmocka_unit_test(test_long_list),
	    cmocka_unit_test(test_linear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
