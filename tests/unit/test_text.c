/* test_text.c — UTF-8 checks, folds, matching keys, line maps. */
#include "testutil.h"

#include "text.h"

static void test_utf8_check(void **state)
{
	(void)state;
	const char ok[] = "第一条　abc";
	assert_int_equal(tiao_utf8_check(ok, strlen(ok)), strlen(ok));
	const char bad1[] = "ab\xff" "cd";
	assert_int_equal(tiao_utf8_check(bad1, 5), 2);
	const char overlong[] = "a\xc0\xaf";
	assert_int_equal(tiao_utf8_check(overlong, 3), 1);
	const char surrogate[] = "\xed\xa0\x80";
	assert_int_equal(tiao_utf8_check(surrogate, 3), 0);
	const char truncated[] = "条\xe6\x9d";
	assert_int_equal(tiao_utf8_check(truncated, 5), 3);
	const char big[] = "\xf4\x90\x80\x80";
	assert_int_equal(tiao_utf8_check(big, 4), 0);
	assert_int_equal(tiao_utf8_count("第一条", strlen("第一条")), 3);
}

static void test_decode(void **state)
{
	(void)state;
	const char *s = "a条𠀀";
	size_t i = 0, n = strlen(s);
	assert_int_equal(tiao_utf8_next(s, n, &i), 'a');
	assert_int_equal(tiao_utf8_next(s, n, &i), 0x6761);
	assert_int_equal(tiao_utf8_next(s, n, &i), 0x20000);
	assert_int_equal(i, n);
	assert_int_equal(tiao_utf8_prev(s, &i), 0x20000);
	assert_int_equal(tiao_utf8_prev(s, &i), 0x6761);
	assert_int_equal(i, 1);
}

static void test_equiv(void **state)
{
	(void)state;
#define EQ(a, b) assert_true(tiao_text_equiv(a, strlen(a), b, strlen(b)))
#define NE(a, b) assert_false(tiao_text_equiv(a, strlen(a), b, strlen(b)))
	EQ("根据«中华人民共和国气象法»等法律,制定本条例.", "根据《中华人民共和国气象法》等法律，制定本条例。");
	EQ("山西省实施‹中华人民共和国义务教育法›办法", "山西省实施〈中华人民共和国义务教育法〉办法");
	EQ("（一）规划编制的背景;", "(一)规划编制的背景；");
	EQ("２０１２年９月", "2012年9月");
	EQ("总　则", "总则");
	EQ("a b\tc", "abc");
	EQ("“处分”", "\"处分\"");
	NE("处分", "行政处分");
	NE("、", ",");
	EQ("", "  ");
}

static void test_key_find(void **state)
{
	(void)state;
	const char *hay = "由县级以上人民政府　财政部门（以下简称财政部门）负责。";
	tiao_key h, n;
	assert_int_equal(tiao_key_build(&h, hay, strlen(hay)), 0);
	const char *needle = "人民政府财政部门(以下";
	assert_int_equal(tiao_key_build(&n, needle, strlen(needle)), 0);
	long at = tiao_key_find(&h, &n, 0);
	assert_true(at >= 0);
	size_t s, e;
	tiao_key_span(&h, hay, strlen(hay), (size_t)at, n.len, &s, &e);
	assert_int_equal(s, strlen("由县级以上"));
	assert_int_equal(e, strlen("由县级以上人民政府　财政部门（以下"));
	tiao_key_free(&n);
	const char *none = "国土资源";
	assert_int_equal(tiao_key_build(&n, none, strlen(none)), 0);
	assert_int_equal(tiao_key_find(&h, &n, 0), -1);
	tiao_key_free(&n);
	tiao_key_free(&h);
}

static void test_linemap(void **state)
{
	(void)state;
	const char *t = "第一条\n第二条　ab\n\n末";
	tiao_linemap m;
	assert_int_equal(tiao_linemap_init(&m, t, strlen(t)), 0);
	size_t line, col;
	tiao_linemap_locate(&m, 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	tiao_linemap_locate(&m, strlen("第一条\n第二条　a"), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 6);
	tiao_linemap_locate(&m, strlen(t) - 3, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 1);
	tiao_linemap_free(&m);
}

static void test_classes(void **state)
{
	(void)state;
	assert_true(tiao_cp_is_space(0x3000));
	assert_true(tiao_cp_is_han(0x6761));
	assert_true(tiao_cp_is_han(0x3007));
	assert_false(tiao_cp_is_han('a'));
	assert_true(tiao_cp_is_stop(0x3002));
	assert_true(tiao_cp_is_clause(0x3001));
	assert_int_equal(tiao_cp_digit(0xFF15), 5);
	uint32_t out[4];
	assert_int_equal(tiao_cp_fold(0x3000, out), 0);
	assert_int_equal(tiao_cp_fold(0xFF0C, out), 1);
	assert_int_equal(out[0], ',');
	assert_int_equal(tiao_cp_fold(0x00AB, out), 1);
	assert_int_equal(out[0], 0x300A);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_utf8_check), cmocka_unit_test(test_decode),
	    cmocka_unit_test(test_equiv),      cmocka_unit_test(test_key_find),
	    cmocka_unit_test(test_linemap),    cmocka_unit_test(test_classes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
