/* test_stream.c — streaming output buffers and parsing a buffer the library takes over. */
#include "testutil.h"

#include "util.h"

typedef struct {
	char out[4096];
	size_t len;
	int calls;
	int fail_after;
} sink;

static int S_sink(const char *data, size_t len, void *payload)
{
	sink *s = payload;
	if (s->fail_after && s->calls >= s->fail_after)
		return -1;
	s->calls++;
	if (s->len + len > sizeof s->out)
		return -1;
	memcpy(s->out + s->len, data, len);
	s->len += len;
	return 0;
}

static void test_buf_streams(void **state)
{
	(void)state;
	sink s;
	memset(&s, 0, sizeof s);
	tiao_buf b = TIAO_BUF_INIT;
	b.flush = S_sink;
	b.flush_payload = &s;
	b.flush_at = 64;
	char want[4096];
	size_t wl = 0;
	for (int i = 0; i < 200; i++) {
		char piece[16];
		int n = snprintf(piece, sizeof piece, "第%d条;", i);
		memcpy(want + wl, piece, (size_t)n);
		wl += (size_t)n;
		tiao_buf_put(&b, piece, (size_t)n);
		assert_true(b.len <= 64 + 16);
	}
	assert_int_equal(tiao_buf_flush(&b), 0);
	assert_true(s.calls > 10);
	assert_int_equal(s.len, wl);
	assert_memory_equal(s.out, want, wl);
	tiao_buf_free(&b);

	/* a failing sink marks the buffer failed; later appends are ignored */
	memset(&s, 0, sizeof s);
	s.fail_after = 1;
	tiao_buf c = TIAO_BUF_INIT;
	c.flush = S_sink;
	c.flush_payload = &s;
	c.flush_at = 8;
	for (int i = 0; i < 10; i++)
		tiao_buf_puts(&c, "abcdef");
	assert_true(c.failed);
	assert_int_equal(tiao_buf_flush(&c), -1);
	tiao_buf_free(&c);
}

static char *S_dup(const char *s, size_t *len)
{
	*len = strlen(s);
	char *p = malloc(*len + 1);
	memcpy(p, s, *len + 1);
	return p;
}

static void test_parse_buffer(void **state)
{
	(void)state;
	const char *text = "测试条例\n（2000年1月1日通过）\n第一条　甲。\n乙。\n第二条　丙：\n（一）丁；\n（二）戊。\n";
	tiao_doc *a = NULL, *b = NULL;
	tiao_error err;
	memset(&err, 0, sizeof err);
	assert_int_equal(tiao_parse(&a, text, strlen(text), NULL, &err), 0);
	size_t len;
	char *own = S_dup(text, &len);
	assert_int_equal(tiao_parse_buffer(&b, own, len, NULL, &err), 0); /* own belongs to b now */
	tiao_buf ta = TIAO_BUF_INIT, tb = TIAO_BUF_INIT;
	assert_int_equal(tiao_render_json(&ta, a), 0);
	assert_int_equal(tiao_render_json(&tb, b), 0);
	assert_int_equal(ta.len, tb.len);
	assert_memory_equal(ta.data, tb.data, ta.len);
	tiao_buf_free(&ta);
	tiao_buf_free(&tb);
	tiao_doc_free(a);
	tiao_doc_free(b);

	/* failures free the buffer too (ASan would report a leak) */
	own = S_dup("标题\n第一条　\xff坏。\n", &len);
	assert_int_equal(tiao_parse_buffer(&b, own, len, NULL, &err), TIAO_EENCODING);
	assert_null(b);
	own = S_dup("", &len);
	assert_true(tiao_parse_buffer(&b, own, len, NULL, &err) < 0);
	/* a gazette-form input is read into buffers of its own: the given one is freed */
	const char *gz = "测试条例\n\n（2000年1月1日通过）\n\n第一条　为了测\n\n试，制定本条例。\n\n第二条　本条例自公布之日起施行。\n";
	own = S_dup(gz, &len);
	assert_int_equal(tiao_parse_buffer(&b, own, len, NULL, &err), 0);
	assert_int_equal(tiao_doc_article_count(b), 2);
	tiao_doc_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_buf_streams),
	    cmocka_unit_test(test_parse_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
