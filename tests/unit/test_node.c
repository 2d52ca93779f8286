/* test_node.c — tree construction, grammar, clone, iterator, checker. */
#include "testutil.h"

#include "node.h"

static tiao_node *mk(tiao_doc *d, tiao_node_kind k, int num, const char *text)
{
	tiao_node *n = tiao_node_new(d, k);
	n->num = num;
	if (text)
		n->text = tiao_doc_strdup(d, text, strlen(text));
	return n;
}

static tiao_doc *sample(void)
{
	tiao_doc *d = tiao_doc_new("x.txt");
	tiao_node *ch = mk(d, TIAO_NODE_CHAPTER, 1, NULL);
	assert_int_equal(tiao_node_append(d->root, ch), 0);
	for (int i = 1; i <= 3; i++) {
		tiao_node *a = mk(d, TIAO_NODE_ARTICLE, i, NULL);
		assert_int_equal(tiao_node_append(ch, a), 0);
		tiao_node *p = mk(d, TIAO_NODE_PARAGRAPH, 1, "text");
		assert_int_equal(tiao_node_append(a, p), 0);
		if (i == 2) {
			assert_int_equal(tiao_node_append(p, mk(d, TIAO_NODE_ITEM, 1, "i1")), 0);
			assert_int_equal(tiao_node_append(p, mk(d, TIAO_NODE_ITEM, 2, "i2")), 0);
		}
	}
	return d;
}

static void test_grammar(void **state)
{
	(void)state;
	tiao_doc *d = tiao_doc_new(NULL);
	tiao_node *item = mk(d, TIAO_NODE_ITEM, 1, "x");
	assert_int_equal(tiao_node_append(d->root, item), TIAO_EINVALID);
	tiao_node *art = mk(d, TIAO_NODE_ARTICLE, 1, NULL);
	assert_int_equal(tiao_node_append(art, mk(d, TIAO_NODE_CHAPTER, 1, NULL)), TIAO_EINVALID);
	assert_int_equal(tiao_node_append(d->root, art), 0);
	/* an article without paragraphs is a violation */
	assert_int_equal(tiao_node_check(d->root, NULL), 1);
	tiao_doc_free(d);
}

static void test_articles_and_clone(void **state)
{
	(void)state;
	tiao_doc *d = sample();
	assert_int_equal(tiao_node_check(d->root, stderr), 0);
	assert_int_equal(tiao_doc_article_count(d), 3);
	tiao_node *a2 = tiao_doc_find_article(d, 2, 0);
	assert_non_null(a2);
	assert_int_equal(tiao_node_child_count(a2->first), 2);
	tiao_doc *c = tiao_doc_clone(d);
	assert_non_null(c);
	assert_int_equal(tiao_node_check(c->root, stderr), 0);
	assert_int_equal(tiao_doc_article_count(c), 3);
	tiao_node *c2 = tiao_doc_find_article(c, 2, 0);
	assert_ptr_not_equal(c2, a2);
	assert_string_equal(c2->first->last->text, "i2");
	tiao_node_unlink(c2);
	assert_int_equal(tiao_doc_article_count(c), 2);
	assert_int_equal(tiao_doc_article_count(d), 3);
	tiao_doc_free(c);
	tiao_doc_free(d);
}

static void test_iter(void **state)
{
	(void)state;
	tiao_doc *d = sample();
	tiao_iter *it;
	assert_int_equal(tiao_iter_new(&it, d->root), 0);
	int enters = 0, exits = 0;
	tiao_event ev;
	while ((ev = tiao_iter_next(it)) != TIAO_EVENT_DONE) {
		if (ev == TIAO_EVENT_ENTER)
			enters++;
		else if (ev == TIAO_EVENT_EXIT)
			exits++;
	}
	/* root, chapter, 3 articles, 3 paragraphs, 2 items = 10 nodes */
	assert_int_equal(enters, 10);
	assert_int_equal(exits, 10);
	tiao_iter_free(it);
	tiao_doc_free(d);
}

static void test_insert(void **state)
{
	(void)state;
	tiao_doc *d = sample();
	tiao_node *a2 = tiao_doc_find_article(d, 2, 0);
	tiao_node *n = mk(d, TIAO_NODE_ARTICLE, 9, NULL);
	tiao_node_append(n, mk(d, TIAO_NODE_PARAGRAPH, 1, "new"));
	assert_int_equal(tiao_node_insert_before(a2, n), 0);
	tiao_node *a = tiao_doc_first_article(d);
	int order[4], k = 0;
	for (; a; a = tiao_article_next(a))
		order[k++] = a->num;
	assert_int_equal(k, 4);
	assert_int_equal(order[1], 9);
	assert_int_equal(order[2], 2);
	assert_int_equal(tiao_node_check(d->root, stderr), 0);
	tiao_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_grammar),
	    cmocka_unit_test(test_articles_and_clone),
	    cmocka_unit_test(test_iter),
	    cmocka_unit_test(test_insert),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
