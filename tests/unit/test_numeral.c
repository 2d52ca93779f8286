/* test_numeral.c — Chinese numerals both ways, labels. */
#include "testutil.h"

#include "numeral.h"

static long rd(const char *s, size_t *used)
{
	size_t u = 0;
	long v = tiao_num_read(s, strlen(s), &u);
	if (used)
		*used = u;
	return v;
}

static void test_read_basic(void **state)
{
	(void)state;
	struct {
		const char *s;
		long v;
	} cases[] = {
	    {"一", 1},        {"十", 10},         {"十一", 11},       {"二十", 20},
	    {"二十一", 21},   {"一百", 100},      {"一百零一", 101},  {"一百一十", 110},
	    {"一百十", 110},  {"一百一十一", 111}, {"二百", 200},      {"九百九十九", 999},
	    {"一千", 1000},   {"一千零一", 1001}, {"一千零一十", 1010}, {"一千一百", 1100},
	    {"两千", 2000},   {"两", 2},          {"〇", 0},          {"零", 0},
	    {"二〇二〇", 2020}, {"一万", 10000},   {"一万零一", 10001}, {"四百五十二", 452},
	    {"12", 12},       {"１２", 12},       {"０", 0},          {"壹佰", 100},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t used;
		long v = rd(cases[i].s, &used);
		if (v != cases[i].v)
			fail_msg("%s: got %ld, want %ld", cases[i].s, v, cases[i].v);
		assert_int_equal(used, strlen(cases[i].s));
	}
}

static void test_read_stops(void **state)
{
	(void)state;
	size_t used;
	assert_int_equal(rd("十条", &used), 10);
	assert_int_equal(used, strlen("十"));
	assert_int_equal(rd("一百零一条之一", &used), 101);
	assert_int_equal(used, strlen("一百零一"));
	assert_int_equal(rd("条", &used), -1);
	assert_int_equal(used, 0);
	assert_int_equal(rd("", &used), -1);
	assert_int_equal(rd("abc", &used), -1);
	assert_int_equal(rd("99999999", &used), 99999999);
	assert_int_equal(rd("999999999", &used), -1);
}

static char *wr(long n)
{
	static char out[64];
	tiao_buf b = TIAO_BUF_INIT;
	tiao_num_write(&b, n);
	snprintf(out, sizeof out, "%s", tiao_buf_cstr(&b));
	tiao_buf_free(&b);
	return out;
}

static void test_write(void **state)
{
	(void)state;
	assert_string_equal(wr(1), "一");
	assert_string_equal(wr(10), "十");
	assert_string_equal(wr(11), "十一");
	assert_string_equal(wr(20), "二十");
	assert_string_equal(wr(101), "一百零一");
	assert_string_equal(wr(110), "一百一十");
	assert_string_equal(wr(111), "一百一十一");
	assert_string_equal(wr(1001), "一千零一");
	assert_string_equal(wr(1010), "一千零一十");
	assert_string_equal(wr(1100), "一千一百");
	assert_string_equal(wr(10000), "一万");
	assert_string_equal(wr(10010), "一万零一十");
	assert_string_equal(wr(452), "四百五十二");
}

static void test_roundtrip(void **state)
{
	(void)state;
	for (long n = 1; n <= 20000; n++) {
		const char *s = wr(n);
		size_t used;
		long v = rd(s, &used);
		if (v != n)
			fail_msg("%ld -> %s -> %ld", n, s, v);
	}
}

static void test_labels(void **state)
{
	(void)state;
	long num, sub;
	size_t used;
	const char *s = "第十条之一　内容";
	assert_int_equal(tiao_label_read(s, strlen(s), 0x6761 /* 条 */, &num, &sub, &used), 1);
	assert_int_equal(num, 10);
	assert_int_equal(sub, 1);
	assert_int_equal(used, strlen("第十条之一"));
	s = "第三章　总则";
	assert_int_equal(tiao_label_read(s, strlen(s), 0x7AE0 /* 章 */, &num, &sub, &used), 1);
	assert_int_equal(num, 3);
	assert_int_equal(tiao_label_read(s, strlen(s), 0x6761, &num, &sub, &used), 0);
	s = "第X条";
	assert_int_equal(tiao_label_read(s, strlen(s), 0x6761, &num, &sub, &used), 0);
	s = "（十一）内容";
	assert_int_equal(tiao_item_label_read(s, strlen(s), &num, &used), 1);
	assert_int_equal(num, 11);
	s = "(三)内容";
	assert_int_equal(tiao_item_label_read(s, strlen(s), &num, &used), 1);
	assert_int_equal(num, 3);
	s = "（三";
	assert_int_equal(tiao_item_label_read(s, strlen(s), &num, &used), 0);
	s = "１．内容";
	assert_int_equal(tiao_subitem_label_read(s, strlen(s), &num, &used), 1);
	assert_int_equal(num, 1);
	s = "1.5倍";
	assert_int_equal(tiao_subitem_label_read(s, strlen(s), &num, &used), 0);
	tiao_buf b = TIAO_BUF_INIT;
	tiao_label_write(&b, 0x6761, 165, 1);
	assert_string_equal(tiao_buf_cstr(&b), "第一百六十五条之一");
	tiao_buf_clear(&b);
	tiao_item_label_write(&b, 4);
	assert_string_equal(tiao_buf_cstr(&b), "（四）");
	tiao_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read_basic), cmocka_unit_test(test_read_stops),
	    cmocka_unit_test(test_write),      cmocka_unit_test(test_roundtrip),
	    cmocka_unit_test(test_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
