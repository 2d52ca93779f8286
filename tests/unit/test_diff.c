/* test_diff.c — the diff module: character diff, article alignment, classification, renderers. */
#include "testutil.h"

#include "diff.h"
#include "node.h"
#include "numeral.h"

#include <time.h>

/* A document whose articles have the given texts; paragraphs separated by '\n'. */
static tiao_doc *S_doc(const char *const *arts, size_t n)
{
	tiao_doc *d = tiao_doc_new("test");
	assert_non_null(d);
	d->title = tiao_doc_strdup(d, "测试条例", strlen("测试条例"));
	for (size_t i = 0; i < n; i++) {
		tiao_node *a = tiao_node_new(d, TIAO_NODE_ARTICLE);
		a->num = (int)i + 1;
		a->line = i + 2;
		tiao_buf b = TIAO_BUF_INIT;
		tiao_label_write(&b, 0x6761, (long)i + 1, 0);
		a->label = tiao_doc_strdup(d, b.data, b.len);
		tiao_buf_free(&b);
		assert_int_equal(tiao_node_append(d->root, a), 0);
		const char *s = arts[i];
		int pn = 0;
		for (;;) {
			const char *e = strchr(s, '\n');
			size_t len = e ? (size_t)(e - s) : strlen(s);
			tiao_node *p = tiao_node_new(d, TIAO_NODE_PARAGRAPH);
			p->num = ++pn;
			p->text = tiao_doc_strdup(d, s, len);
			assert_int_equal(tiao_node_append(a, p), 0);
			if (!e)
				break;
			s = e + 1;
		}
	}
	return d;
}

static const tiao_dentry *S_entry_for_old(const tiao_diff *d, int oldnum)
{
	for (size_t i = 0; i < d->nents; i++)
		if (d->ents[i].a >= 0 && d->A[d->ents[i].a].num == oldnum)
			return &d->ents[i];
	return NULL;
}

static const tiao_dentry *S_entry_for_new(const tiao_diff *d, int newnum)
{
	for (size_t i = 0; i < d->nents; i++)
		if (d->ents[i].b >= 0 && d->B[d->ents[i].b].num == newnum)
			return &d->ents[i];
	return NULL;
}

static void test_chardiff_basic(void **state)
{
	(void)state;
	const char *a = "由县级以上人民政府给予行政处分。";
	const char *b = "由县级以上人民政府给予处分。";
	tiao_dhunk *h;
	size_t n;
	assert_int_equal(tiao_chardiff(&h, &n, a, strlen(a), b, strlen(b)), 0);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].a1 - h[0].a0, strlen("行政"));
	assert_memory_equal(a + h[0].a0, "行政", strlen("行政"));
	assert_int_equal(h[0].b0, h[0].b1);
	free(h);
}

static void test_chardiff_normalised(void **state)
{
	(void)state;
	/* «» and 《》, ASCII and full-width punctuation, whitespace: no difference */
	const char *a = "依照«山西省汾河流域水污染防治条例»的规定, 处罚.";
	const char *b = "依照《山西省汾河流域水污染防治条例》的规定，处罚。";
	tiao_dhunk *h;
	size_t n;
	assert_int_equal(tiao_chardiff(&h, &n, a, strlen(a), b, strlen(b)), 0);
	assert_int_equal(n, 0);
	free(h);
}

static void test_chardiff_slides_to_punctuation(void **state)
{
	(void)state;
	/* the inserted clause could be placed at several offsets; it must end after the comma */
	const char *a = "登记，备案，公告。";
	const char *b = "登记，备案，备案，公告。";
	tiao_dhunk *h;
	size_t n;
	assert_int_equal(tiao_chardiff(&h, &n, a, strlen(a), b, strlen(b)), 0);
	assert_int_equal(n, 1);
	size_t len = h[0].b1 - h[0].b0;
	assert_int_equal(len, strlen("备案，"));
	assert_memory_equal(b + h[0].b1 - strlen("，"), "，", strlen("，"));
	free(h);
}

static void test_chardiff_paragraph_boundary(void **state)
{
	(void)state;
	const char *a = "第一句。\n第二句。";
	const char *b = "第一句。第二句。";
	tiao_dhunk *h;
	size_t n;
	assert_int_equal(tiao_chardiff(&h, &n, a, strlen(a), b, strlen(b)), 0);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].a1 - h[0].a0, 1);
	assert_int_equal(a[h[0].a0], '\n');
	free(h);
}

static const char *const S_five[] = {
	"为了规范测试工作，制定本条例。",
	"本条例适用于本省行政区域内的测试活动。",
	"县级以上人民政府负责本行政区域内的测试工作。",
	"测试机构应当依照本条例第三条的规定开展工作。",
	"本条例自公布之日起施行。",
};

static void test_align_deletion_shifts(void **state)
{
	(void)state;
	const char *const nw[] = {S_five[0], S_five[2], "测试机构应当依照本条例第二条的规定开展工作。",
	                          S_five[4]};
	tiao_doc *o = S_doc(S_five, 5), *n = S_doc(nw, 4);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	assert_int_equal(S_entry_for_old(d, 1)->op, TIAO_DIFF_SAME);
	assert_int_equal(S_entry_for_old(d, 2)->op, TIAO_DIFF_DELETED);
	assert_int_equal(S_entry_for_old(d, 3)->op, TIAO_DIFF_RENUMBERED);
	/* only change of old 第四条: 第三条 → 第二条 in a reference, as the renumbering says */
	const tiao_dentry *e = S_entry_for_old(d, 4);
	assert_int_equal(e->op, TIAO_DIFF_RENUMBERED);
	assert_true(e->refs_only);
	assert_int_equal(d->B[e->b].num, 3);
	assert_int_equal(S_entry_for_old(d, 5)->op, TIAO_DIFF_RENUMBERED);
	assert_int_equal(tiao_diff_change_count(d), 4);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

static void test_align_reference_changed_is_modified(void **state)
{
	(void)state;
	/* no renumbering, yet the reference changes: a real modification */
	const char *const nw[] = {S_five[0], S_five[1], S_five[2],
	                          "测试机构应当依照本条例第二条的规定开展工作。", S_five[4]};
	tiao_doc *o = S_doc(S_five, 5), *n = S_doc(nw, 5);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	const tiao_dentry *e = S_entry_for_old(d, 4);
	assert_int_equal(e->op, TIAO_DIFF_MODIFIED);
	assert_int_equal(e->nhunks, 1);
	assert_int_equal(tiao_diff_change_count(d), 1);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

static void test_align_insert_modify_move(void **state)
{
	(void)state;
	const char *const nw[] = {
	    S_five[0],
	    "新增加的一条，规定测试数据的保存期限。",
	    "本条例适用于本省行政区域内的测试活动和评估活动。",
	    "测试机构应当依照本条例第四条的规定开展工作。",
	    S_five[4],
	    S_five[2],
	};
	tiao_doc *o = S_doc(S_five, 5), *n = S_doc(nw, 6);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	assert_int_equal(S_entry_for_new(d, 2)->op, TIAO_DIFF_ADDED);
	assert_int_equal(S_entry_for_old(d, 2)->op, TIAO_DIFF_MODIFIED);
	assert_int_equal(d->B[S_entry_for_old(d, 2)->b].num, 3);
	/* old 第三条 moved to the end: the reference to it in old 第四条 follows it (第三条 → 第六条)?
	 * No: new 第四条 refers to 第四条, which is neither; so old 第四条 is modified. */
	assert_int_equal(S_entry_for_old(d, 3)->op, TIAO_DIFF_MOVED);
	assert_int_equal(d->B[S_entry_for_old(d, 3)->b].num, 6);
	assert_int_equal(S_entry_for_old(d, 4)->op, TIAO_DIFF_MODIFIED);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

static void test_align_rewritten_in_place(void **state)
{
	(void)state;
	const char *const nw[] = {S_five[0], S_five[1], "全然不同的新内容，与原文没有共同之处。",
	                          S_five[3], S_five[4]};
	tiao_doc *o = S_doc(S_five, 5), *n = S_doc(nw, 5);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	assert_int_equal(S_entry_for_old(d, 3)->op, TIAO_DIFF_MODIFIED);
	assert_int_equal(tiao_diff_change_count(d), 1);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

static void test_identical(void **state)
{
	(void)state;
	tiao_doc *o = S_doc(S_five, 5), *n = S_doc(S_five, 5);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	assert_int_equal(tiao_diff_change_count(d), 0);
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_diff_render(&b, d, TIAO_DIFF_FMT_TEXT, 0), 0);
	assert_non_null(strstr(tiao_buf_cstr(&b), "no differences"));
	tiao_buf_free(&b);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

static tiao_diff *S_sample(tiao_doc **o, tiao_doc **n)
{
	const char *const nw[] = {S_five[0], "县级以上人民政府及其有关部门负责本行政区域内的测试工作。",
	                          "测试机构应当依照本条例第二条的规定开展工作。", S_five[4]};
	*o = S_doc(S_five, 5);
	*n = S_doc(nw, 4);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, *o, *n, NULL), 0);
	return d;
}

static void test_render_text_and_json(void **state)
{
	(void)state;
	tiao_doc *o, *n;
	tiao_diff *d = S_sample(&o, &n);
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_diff_render(&b, d, TIAO_DIFF_FMT_TEXT, 0), 0);
	const char *t = tiao_buf_cstr(&b);
	assert_non_null(strstr(t, "第二条 → —  deleted"));
	assert_non_null(strstr(t, "第三条 → 第二条  modified"));
	assert_non_null(strstr(t, "{+及其有关部门+}"));
	tiao_buf_clear(&b);
	assert_int_equal(tiao_diff_render(&b, d, TIAO_DIFF_FMT_JSON, 0), 0);
	t = tiao_buf_cstr(&b);
	assert_non_null(strstr(t, "{\"op\": \"deleted\", \"old\": 2,"));
	assert_non_null(strstr(t, "\"op\": \"modified\", \"old\": 3,"));
	assert_non_null(strstr(t, "\"ins\": \"及其有关部门\""));
	assert_non_null(strstr(t, "\"references_only\": true"));
	tiao_buf_free(&b);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

static void test_render_decision(void **state)
{
	(void)state;
	tiao_doc *o, *n;
	tiao_diff *d = S_sample(&o, &n);
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_diff_render(&b, d, TIAO_DIFF_FMT_DECISION, 0), 0);
	const char *t = tiao_buf_cstr(&b);
	assert_non_null(strstr(t, "关于修改《测试条例》的决定\n"));
	assert_non_null(strstr(t, "一、删去第二条。\n"));
	/* the phrase change of old 第三条, base numbering */
	assert_non_null(strstr(t, "二、将第三条中的“"));
	assert_non_null(strstr(t, "及其有关部门"));
	/* the renumbered reference in old 第四条 needs no instruction */
	assert_null(strstr(t, "第四条"));
	assert_non_null(strstr(t, "根据本决定作相应修改并对条款顺序作相应调整，重新公布。"));
	tiao_buf_free(&b);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

static void test_render_html(void **state)
{
	(void)state;
	const char *const nw[] = {S_five[0], S_five[1], S_five[2], "测试<机构>应当&依照本条例第三条的规定开展工作。",
	                          S_five[4]};
	tiao_doc *o = S_doc(S_five, 5), *n = S_doc(nw, 5);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_diff_render(&b, d, TIAO_DIFF_FMT_HTML, 0), 0);
	const char *t = tiao_buf_cstr(&b);
	assert_true(strncmp(t, "<!DOCTYPE html>", 15) == 0);
	assert_non_null(strstr(t, "<ins>&lt;</ins>"));
	assert_non_null(strstr(t, "&amp;"));
	assert_non_null(strstr(t, "<th>原条文</th><th>修改后条文</th>"));
	assert_non_null(strstr(t, "<details>"));
	assert_non_null(strstr(t, "href=\"#c"));
	assert_null(strstr(t, "<script"));
	assert_null(strstr(t, "src=\"http"));
	assert_null(strstr(t, "href=\"http"));
	tiao_buf_free(&b);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

/* 10,000 articles, every 97th deleted, every 89th modified, some inserted: well under a second. */
static void test_performance_10000(void **state)
{
	(void)state;
	enum { N = 10000 };
	char **oa = calloc(N, sizeof *oa), **na = calloc(N + 200, sizeof *na);
	size_t nn = 0;
	for (int i = 0; i < N; i++) {
		oa[i] = malloc(256);
		snprintf(oa[i], 256, "第%d项事务由有关部门依照规定办理，并报告编号为%d的登记机关备案。", i,
		         i * 7);
	}
	for (int i = 0; i < N; i++) {
		if (i % 97 == 5)
			continue;
		na[nn] = malloc(256);
		if (i % 89 == 3)
			snprintf(na[nn], 256, "第%d项事务由主管部门依照规定办理，并报告编号为%d的登记机关。", i,
			         i * 7);
		else
			strcpy(na[nn], oa[i]);
		nn++;
		if (i % 101 == 7) {
			na[nn] = malloc(256);
			snprintf(na[nn], 256, "新增的第%d条规定。", i);
			nn++;
		}
	}
	tiao_doc *o = S_doc((const char *const *)oa, N), *n = S_doc((const char *const *)na, nn);
	clock_t t0 = clock();
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	size_t cnt[6] = {0};
	for (size_t i = 0; i < d->nents; i++)
		cnt[d->ents[i].op]++;
	print_message("10000-article diff: %.3f s (deleted %zu, added %zu, modified %zu)\n", secs,
	              cnt[TIAO_DIFF_DELETED], cnt[TIAO_DIFF_ADDED], cnt[TIAO_DIFF_MODIFIED]);
	/* 104 deleted, 99 inserted, 113 modified; a deletion right after an insertion is one
	 * article rewritten in place (modified) */
	assert_int_equal((size_t)N - cnt[TIAO_DIFF_DELETED] + cnt[TIAO_DIFF_ADDED], nn);
	assert_true(cnt[TIAO_DIFF_DELETED] >= 100 && cnt[TIAO_DIFF_DELETED] <= 104);
	assert_true(cnt[TIAO_DIFF_MODIFIED] >= 113 && cnt[TIAO_DIFF_MODIFIED] <= 117);
	assert_int_equal(cnt[TIAO_DIFF_MOVED], 0);
	/* generous bound: sanitizer builds are several times slower */
	assert_true(secs < 5.0);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
	for (int i = 0; i < N; i++)
		free(oa[i]);
	for (size_t i = 0; i < nn; i++)
		free(na[i]);
	free(oa);
	free(na);
}

static void test_layout_only(void **state)
{
	(void)state;
	const char *const ol[] = {S_five[0], "第一句话。\n第二句话。", S_five[2]};
	const char *const nw[] = {S_five[0], "第一句话。第二句话。", S_five[2]};
	tiao_doc *o = S_doc(ol, 3), *n = S_doc(nw, 3);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	const tiao_dentry *e = S_entry_for_old(d, 2);
	assert_int_equal(e->op, TIAO_DIFF_SAME);
	assert_true(e->layout);
	assert_int_equal(tiao_diff_change_count(d), 1);
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_diff_render(&b, d, TIAO_DIFF_FMT_JSON, 0), 0);
	assert_non_null(strstr(tiao_buf_cstr(&b), "\"paragraphs_regrouped\": true"));
	tiao_buf_clear(&b);
	/* the drafted decision must restore the paragraphing */
	assert_int_equal(tiao_diff_render(&b, d, TIAO_DIFF_FMT_DECISION, 0), 0);
	assert_non_null(strstr(tiao_buf_cstr(&b), "将第二条修改为：“第一句话。第二句话。”"));
	tiao_buf_free(&b);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

static void test_moved_and_modified(void **state)
{
	(void)state;
	const char *const nw[] = {S_five[0], S_five[1], S_five[3], S_five[4],
	                          "县级以上地方人民政府负责本行政区域内的测试工作。"};
	tiao_doc *o = S_doc(S_five, 5), *n = S_doc(nw, 5);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	const tiao_dentry *e = S_entry_for_old(d, 3);
	assert_int_equal(e->op, TIAO_DIFF_MODIFIED);
	assert_true(e->moved);
	assert_int_equal(d->B[e->b].num, 5);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

static void test_decision_paragraph_operations(void **state)
{
	(void)state;
	const char *const ol[] = {S_five[0], "甲款内容。\n乙款内容。\n丙款原来的内容，与新的内容完全不同。",
	                          S_five[2]};
	const char *const nw[] = {S_five[0], "乙款内容。\n丁款是全新的规定。", S_five[2]};
	tiao_doc *o = S_doc(ol, 3), *n = S_doc(nw, 3);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_diff_render(&b, d, TIAO_DIFF_FMT_DECISION, 0), 0);
	const char *t = tiao_buf_cstr(&b);
	assert_non_null(strstr(t, "一、删去第二条第一款。\n将第二条第三款修改为：“丁款是全新的规定。”\n"));
	/* no renumbering: no closing clause about it */
	assert_null(strstr(t, "并对条款顺序作相应调整"));
	tiao_buf_free(&b);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

static void test_decision_phrase_context(void **state)
{
	(void)state;
	/* an insertion gets a few characters of context, up to punctuation: 职务晋升 → 职务职级等晋升 */
	const char *const ol[] = {S_five[0], "不得给予职务晋升，不得评优。", S_five[2]};
	const char *const nw[] = {S_five[0], "不得给予职务职级等晋升，不得评优。", S_five[2]};
	tiao_doc *o = S_doc(ol, 3), *n = S_doc(nw, 3);
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_diff_render(&b, d, TIAO_DIFF_FMT_DECISION, 0), 0);
	assert_non_null(strstr(tiao_buf_cstr(&b), "一、将第二条中的“职务晋升”修改为“职务职级等晋升”。\n"));
	tiao_buf_free(&b);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

/* 第一条 with a lead-in paragraph and items, then a second paragraph. */
static tiao_doc *S_doc_items(const char *lead, const char *const *items, size_t n, const char *p2)
{
	tiao_doc *d = tiao_doc_new("test");
	d->title = tiao_doc_strdup(d, "测试条例", strlen("测试条例"));
	tiao_node *a = tiao_node_new(d, TIAO_NODE_ARTICLE);
	a->num = 1;
	a->label = tiao_doc_strdup(d, "第一条", strlen("第一条"));
	assert_int_equal(tiao_node_append(d->root, a), 0);
	tiao_node *p = tiao_node_new(d, TIAO_NODE_PARAGRAPH);
	p->num = 1;
	p->text = tiao_doc_strdup(d, lead, strlen(lead));
	assert_int_equal(tiao_node_append(a, p), 0);
	for (size_t i = 0; i < n; i++) {
		tiao_node *it = tiao_node_new(d, TIAO_NODE_ITEM);
		it->num = (int)i + 1;
		tiao_buf b = TIAO_BUF_INIT;
		tiao_item_label_write(&b, (long)i + 1);
		it->label = tiao_doc_strdup(d, b.data, b.len);
		tiao_buf_free(&b);
		it->text = tiao_doc_strdup(d, items[i], strlen(items[i]));
		assert_int_equal(tiao_node_append(p, it), 0);
	}
	tiao_node *q = tiao_node_new(d, TIAO_NODE_PARAGRAPH);
	q->num = 2;
	q->text = tiao_doc_strdup(d, p2, strlen(p2));
	assert_int_equal(tiao_node_append(a, q), 0);
	return d;
}

static void test_decision_item_operations(void **state)
{
	(void)state;
	const char *const oi[] = {"甲情形很长很长的描述；", "乙情形也是描述；", "丙情形是最后一个。"};
	const char *const ni[] = {"甲情形很长很长的描述；", "乙情形也是描述；",
	                          "丁情形完全是新写的内容，和原来没有关系。"};
	tiao_doc *o = S_doc_items("有下列情形之一的，不予登记：", oi, 3, "违反前款规定的，依法处理。");
	tiao_doc *n = S_doc_items("有下列情形之一的，依法不予登记或者撤销登记：", ni, 3,
	                          "违反前款规定的，依法处理。");
	tiao_diff *d;
	assert_int_equal(tiao_diff_new(&d, o, n, NULL), 0);
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_diff_render(&b, d, TIAO_DIFF_FMT_DECISION, 0), 0);
	const char *t = tiao_buf_cstr(&b);
	assert_non_null(strstr(t, "一、将第一条第一款修改为：“有下列情形之一的，依法不予登记或者撤销登记：”\n"
	                          "将第一条第一款第三项修改为：“（三）丁情形完全是新写的内容，和原来没有关系。”\n"));
	tiao_buf_free(&b);
	tiao_diff_free(d);
	tiao_doc_free(o);
	tiao_doc_free(n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_chardiff_basic),
	    cmocka_unit_test(test_chardiff_normalised),
	    cmocka_unit_test(test_chardiff_slides_to_punctuation),
	    cmocka_unit_test(test_chardiff_paragraph_boundary),
	    cmocka_unit_test(test_align_deletion_shifts),
	    cmocka_unit_test(test_align_reference_changed_is_modified),
	    cmocka_unit_test(test_align_insert_modify_move),
	    cmocka_unit_test(test_align_rewritten_in_place),
	    cmocka_unit_test(test_identical),
	    cmocka_unit_test(test_render_text_and_json),
	    cmocka_unit_test(test_render_decision),
	    cmocka_unit_test(test_render_html),
	    cmocka_unit_test(test_layout_only),
	    cmocka_unit_test(test_moved_and_modified),
	    cmocka_unit_test(test_decision_paragraph_operations),
	    cmocka_unit_test(test_decision_phrase_context),
	    cmocka_unit_test(test_decision_item_operations),
	    cmocka_unit_test(test_performance_10000),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
