/* test_amend.c — the amendment engine on small bases with hand-filled instructions (so the engine
 * is tested independently of the decision parser): every operation, the base/result numbering
 * rules, renumbering and cross-reference rewriting, the §4 conventions, loud failures, and the
 * linear-time requirement. */
#include "testutil.h"

#include <time.h>

#include "amend.h"
#include "node.h"
#include "numeral.h"

/* ---- fixtures ---- */

static tiao_doc *parse_text(const char *s)
{
	tiao_doc *d = NULL;
	tiao_parse_options o = TIAO_PARSE_OPTIONS_INIT;
	o.form = TIAO_INPUT_CLEAN;
	o.filename = "base.txt";
	tiao_error err;
	memset(&err, 0, sizeof err);
	int rc = tiao_parse(&d, s, strlen(s), &o, &err);
	if (rc != 0)
		fprintf(stderr, "parse: %s\n", err.message);
	assert_int_equal(rc, 0);
	return d;
}

typedef struct diags {
	int errors, warnings;
	char last[1024];
	size_t line;
} diags;

static void on_diag(const tiao_diag *d, void *payload)
{
	diags *g = payload;
	if (d->severity == TIAO_ERRORSEV)
		g->errors++;
	else if (d->severity == TIAO_WARNING)
		g->warnings++;
	snprintf(g->last, sizeof g->last, "%s", d->message);
	g->line = d->line;
}

/* A decision with room for a few instructions. */
typedef struct tdec {
	tiao_decision dec;
	tiao_instr in[8];
	tiao_addr tg[8][4];
	const char *olds[8][2];
} tdec;

static void tdec_init(tdec *t, bool renumber)
{
	memset(t, 0, sizeof *t);
	t->dec.filename = "dec.txt";
	t->dec.title = "关于修改《测试条例》的决定";
	t->dec.date = "2024年1月1日";
	t->dec.organ = "测试会议";
	t->dec.renumber = renumber;
	t->dec.instrs = t->in;
}

static tiao_instr *add(tdec *t, tiao_op op, const char *label)
{
	tiao_instr *in = &t->in[t->dec.n];
	in->op = op;
	in->label = label;
	in->clause = label;
	in->line = t->dec.n + 3;
	in->col = 1;
	in->targets = t->tg[t->dec.n];
	in->olds = t->olds[t->dec.n];
	t->dec.n++;
	return in;
}

static void target(tiao_instr *in, tiao_at at, int art, int para, int item)
{
	tiao_addr *a = &in->targets[in->ntargets++];
	a->at = at;
	a->art = art;
	a->para = para;
	a->item = item;
}

static void quote(tiao_instr *in, const char **paras, size_t n)
{
	in->quote.paras = paras;
	in->quote.n = n;
}

static char *render(const tiao_result *r)
{
	tiao_buf b = TIAO_BUF_INIT;
	assert_int_equal(tiao_render_text(&b, tiao_result_doc(r)), 0);
	tiao_buf_putc(&b, '\0');
	return b.data;
}

static const char *BASE =
    "测试条例\n"
    "（2000年1月1日测试会议通过）\n"
    "第一条　为了测试，制定本条例。\n"
    "第二条　本条例所称备案，是指备案服务。\n"
    "第三条　甲款。\n"
    "乙款。\n"
    "丙款。\n"
    "第四条　禁止下列行为：\n"
    "（一）甲；\n"
    "（二）乙；\n"
    "（三）丙。\n"
    "第五条　违反本条例第四条第（二）项规定的，依照本条例第六条处罚。\n"
    "第六条　违反本条例第三条规定的，根据情节，给予警告，并处罚款。\n";

/* ---- tests ---- */

static void test_delete_renumber_xref(void **state)
{
	(void)state;
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, true);
	tiao_instr *in = add(&t, TIAO_OP_DELETE, "一");
	target(in, TIAO_AT_ARTICLE, 2, 0, 0);
	diags g = { 0 };
	tiao_result *r = NULL;
	int rc = tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL);
	assert_int_equal(rc, 0);
	char *s = render(r);
	/* old 第五条 is now 第四条, and its references follow their targets */
	assert_non_null(strstr(s, "第四条　违反本条例第三条第（二）项规定的，依照本条例第五条处罚。"));
	assert_non_null(strstr(s, "第五条　违反本条例第二条规定的"));
	assert_null(strstr(s, "备案服务"));
	/* 题注: the single parenthesised note gets the event before its closing parenthesis */
	assert_non_null(strstr(s, "通过　根据2024年1月1日测试会议关于修改《测试条例》的决定修正）"));
	/* the old→new map */
	int found = 0;
	for (size_t i = 0; i < r->renumbering.len; i++) {
		if (r->renumbering.items[i].old_num == 2)
			assert_int_equal(r->renumbering.items[i].new_num, 0), found++;
		if (r->renumbering.items[i].old_num == 5)
			assert_int_equal(r->renumbering.items[i].new_num, 4), found++;
	}
	assert_int_equal(found, 2);
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_insert_result_position(void **state)
{
	(void)state;
	/* 气候: 增加一条，作为第三条; 将第三条修改为 (= old 3); 删去第四条 (= old 4) */
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, true);
	static const char *q1[] = { "新增的条文。" };
	static const char *q2[] = { "替换后的第三条。" };
	tiao_instr *in = add(&t, TIAO_OP_INSERT, "一");
	in->pos.at = TIAO_AT_ARTICLE;
	in->pos.art = 3;
	quote(in, q1, 1);
	in = add(&t, TIAO_OP_REPLACE, "二");
	target(in, TIAO_AT_ARTICLE, 3, 0, 0);
	quote(in, q2, 1);
	in = add(&t, TIAO_OP_DELETE, "三");
	target(in, TIAO_AT_ARTICLE, 4, 0, 0);
	diags g = { 0 };
	tiao_result *r = NULL;
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	char *s = render(r);
	assert_non_null(strstr(s, "第三条　新增的条文。\n第四条　替换后的第三条。\n第五条　违反"));
	assert_null(strstr(s, "禁止下列行为"));
	/* 第五条 referred to old 第四条 (deleted): a warning */
	assert_true(g.warnings >= 1);
	/* …and to old 第六条, now 第六条 again (−1 deleted, +1 inserted) */
	assert_non_null(strstr(s, "依照本条例第六条处罚"));
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_paragraph_base_numbers(void **state)
{
	(void)state;
	/* 删去第三条第一款 then 将第三款修改为 = the old third paragraph */
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, true);
	static const char *q[] = { "新的第三款。" };
	/* (a bare 第Y款 in carried-over text is a reference: see test_relative_refs) */
	tiao_instr *in = add(&t, TIAO_OP_DELETE, "一");
	target(in, TIAO_AT_PARAGRAPH, 3, 1, 0);
	in = add(&t, TIAO_OP_REPLACE, "一");
	target(in, TIAO_AT_PARAGRAPH, 3, 3, 0);
	quote(in, q, 1);
	tiao_result *r = NULL;
	diags g = { 0 };
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	char *s = render(r);
	assert_non_null(strstr(s, "第三条　乙款。\n新的第三款。\n第四条"));
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_subst_follow_through(void **state)
{
	(void)state;
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, true);
	tiao_instr *in = add(&t, TIAO_OP_SUBST, "一");
	target(in, TIAO_AT_ARTICLE, 2, 0, 0);
	in->olds[0] = "备案";
	in->nolds = 1;
	in->new_text = "登记";
	in = add(&t, TIAO_OP_SUBST, "二");
	target(in, TIAO_AT_ARTICLE, 2, 0, 0);
	in->olds[0] = "备案服务";
	in->nolds = 1;
	in->new_text = "登记管理";
	tiao_result *r = NULL;
	diags g = { 0 };
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	char *s = render(r);
	assert_non_null(strstr(s, "本条例所称登记，是指登记管理。"));
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_delete_phrase_clause(void **state)
{
	(void)state;
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, true);
	tiao_instr *in = add(&t, TIAO_OP_DELETE_PHRASE, "一");
	target(in, TIAO_AT_ARTICLE, 6, 0, 0);
	in->olds[0] = "根据情节";
	in->nolds = 1;
	in = add(&t, TIAO_OP_DELETE_PHRASE, "二");
	target(in, TIAO_AT_ARTICLE, 6, 0, 0);
	in->olds[0] = "并处罚款";
	in->nolds = 1;
	tiao_result *r = NULL;
	diags g = { 0 };
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	char *s = render(r);
	assert_non_null(strstr(s, "违反本条例第三条规定的，给予警告。"));
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_insert_text_separator(void **state)
{
	(void)state;
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, true);
	tiao_instr *in = add(&t, TIAO_OP_INSERT_TEXT, "一");
	target(in, TIAO_AT_ARTICLE, 6, 0, 0);
	in->olds[0] = "给予警告";
	in->nolds = 1;
	in->new_text = "通报批评";
	tiao_result *r = NULL;
	diags g = { 0 };
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	char *s = render(r);
	assert_non_null(strstr(s, "给予警告，通报批评，并处罚款"));
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_leadin_keeps_items(void **state)
{
	(void)state;
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, true);
	static const char *q[] = { "禁止下列危害行为：" };
	static const char *qi[] = { "（四）丁" };
	tiao_instr *in = add(&t, TIAO_OP_REPLACE, "一");
	target(in, TIAO_AT_PARAGRAPH, 4, 1, 0);
	quote(in, q, 1);
	in = add(&t, TIAO_OP_INSERT, "二");
	target(in, TIAO_AT_ARTICLE, 4, 0, 0);
	in->pos.at = TIAO_AT_ITEM;
	in->pos.item = 4;
	quote(in, qi, 1);
	tiao_result *r = NULL;
	diags g = { 0 };
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	char *s = render(r);
	/* the old last item now needs ；, the new last item takes 。 */
	assert_non_null(strstr(s, "禁止下列危害行为：\n（一）甲；\n（二）乙；\n（三）丙；\n（四）丁。\n"));
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_failures(void **state)
{
	(void)state;
	tiao_doc *base = parse_text(BASE);
	static const char *q[] = { "甲。" };
	struct {
		int code;
		const char *msg;
	} cases[] = {
		{ TIAO_ENOTFOUND, "the base text has no 第九条" },
		{ TIAO_ENOTFOUND, "“不存在” does not occur in 第二条" },
		{ TIAO_ECONFLICT, "already replaced" },
		{ TIAO_ERENUMBER, "the decision states 第七条, but the result has only 5 articles" },
		{ TIAO_ERANGE, "position 9 is out of range" },
	};
	for (size_t k = 0; k < TIAO_ARRAY_LEN(cases); k++) {
		tdec t;
		tdec_init(&t, true);
		tiao_instr *in;
		switch (k) {
		case 0:
			in = add(&t, TIAO_OP_DELETE, "一");
			target(in, TIAO_AT_ARTICLE, 9, 0, 0);
			break;
		case 1:
			in = add(&t, TIAO_OP_SUBST, "一");
			target(in, TIAO_AT_ARTICLE, 2, 0, 0);
			in->olds[0] = "不存在";
			in->nolds = 1;
			in->new_text = "x";
			break;
		case 2:
			in = add(&t, TIAO_OP_REPLACE, "一");
			target(in, TIAO_AT_ARTICLE, 1, 0, 0);
			quote(in, q, 1);
			in = add(&t, TIAO_OP_REPLACE, "二");
			target(in, TIAO_AT_ARTICLE, 1, 0, 0);
			quote(in, q, 1);
			break;
		case 3:
			in = add(&t, TIAO_OP_RENUMBER, "一");
			target(in, TIAO_AT_ARTICLE, 6, 0, 0);
			in->stated_num = 7;
			break;
		case 4:
			in = add(&t, TIAO_OP_INSERT, "一");
			in->pos.at = TIAO_AT_ARTICLE;
			in->pos.art = 9;
			quote(in, q, 1);
			break;
		}
		diags g = { 0 };
		tiao_result *r = NULL;
		tiao_error err;
		memset(&err, 0, sizeof err);
		int rc = tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, &err);
		if (rc != cases[k].code || !strstr(g.last, cases[k].msg))
			fprintf(stderr, "case %zu: rc %d, message %s\n", k, rc, g.last);
		assert_int_equal(rc, cases[k].code);
		assert_null(r);
		assert_int_equal(g.errors, 1);
		assert_non_null(strstr(g.last, cases[k].msg));
		assert_int_equal(err.line, t.in[t.dec.n - 1].line);
	}
	tiao_doc_free(base);
}

static void test_keep_going(void **state)
{
	(void)state;
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, true);
	tiao_instr *in = add(&t, TIAO_OP_DELETE, "一");
	target(in, TIAO_AT_ARTICLE, 9, 0, 0);
	in = add(&t, TIAO_OP_DELETE, "二");
	target(in, TIAO_AT_ARTICLE, 1, 0, 0);
	diags g = { 0 };
	tiao_result *r = NULL;
	int rc = tiao_amend(&r, base, &t.dec, 1, on_diag, &g, NULL, NULL, NULL);
	assert_int_equal(rc, TIAO_ENOTFOUND);
	assert_non_null(r);
	char *s = render(r);
	assert_null(strstr(s, "为了测试"));
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_amendment_keeps_numbers(void **state)
{
	(void)state;
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, false);
	t.dec.is_amendment = true;
	static const char *q[] = { "之一的条文。" };
	tiao_instr *in = add(&t, TIAO_OP_INSERT, "一");
	in->pos.at = TIAO_AT_ARTICLE;
	in->pos.art = 2;
	in->pos.art_sub = 1;
	quote(in, q, 1);
	in = add(&t, TIAO_OP_DELETE, "二");
	target(in, TIAO_AT_ARTICLE, 3, 0, 0);
	tiao_result *r = NULL;
	diags g = { 0 };
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	char *s = render(r);
	assert_non_null(strstr(s, "第二条之一　之一的条文。\n第四条　禁止"));
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

/* 10,000 articles, 2,000 instructions of every common kind: must run in well under a second or
 * two (index by number; no rescans of the whole text per instruction). */
static void test_linear_time(void **state)
{
	(void)state;
	enum { N = 10000, M = 2000 };
	tiao_buf b = TIAO_BUF_INIT;
	tiao_buf_puts(&b, "大条例\n");
	for (int i = 1; i <= N; i++) {
		tiao_buf_puts(&b, "第");
		tiao_num_write(&b, i);
		tiao_buf_puts(&b, "条　本条规定事项甲乙丙，参照本条例第");
		tiao_num_write(&b, i > 1 ? i - 1 : 1);
		tiao_buf_puts(&b, "条执行。\n");
	}
	tiao_buf_putc(&b, '\0');
	tiao_doc *base = parse_text(b.data);
	tiao_buf_free(&b);
	assert_int_equal(tiao_doc_article_count(base), N);
	tiao_instr *ins = calloc(M, sizeof *ins);
	tiao_addr *tg = calloc(M, sizeof *tg);
	const char **olds = calloc(M, sizeof *olds);
	static const char *q[] = { "新条文。" };
	for (int k = 0; k < M; k++) {
		tiao_instr *in = &ins[k];
		in->label = "x";
		in->clause = "x";
		in->line = (size_t)k + 1;
		in->targets = &tg[k];
		in->olds = &olds[k];
		int art = 5 * k + 3;
		switch (k % 4) {
		case 0:
			in->op = TIAO_OP_DELETE;
			break;
		case 1:
			in->op = TIAO_OP_REPLACE;
			in->quote.paras = q;
			in->quote.n = 1;
			break;
		case 2:
			in->op = TIAO_OP_SUBST;
			olds[k] = "甲乙";
			in->nolds = 1;
			in->new_text = "丁";
			break;
		case 3:
			in->op = TIAO_OP_INSERT;
			in->pos.at = TIAO_AT_ARTICLE;
			in->pos.art = 5 * k;
			in->quote.paras = q;
			in->quote.n = 1;
			continue;
		}
		tg[k].at = TIAO_AT_ARTICLE;
		tg[k].art = art;
		in->ntargets = 1;
	}
	tiao_decision dec;
	memset(&dec, 0, sizeof dec);
	dec.filename = "big.txt";
	dec.title = "关于修改《大条例》的决定";
	dec.date = "2024年1月1日";
	dec.organ = "会议";
	dec.renumber = true;
	dec.instrs = ins;
	dec.n = M;
	diags g = { 0 };
	clock_t t0 = clock();
	tiao_result *r = NULL;
	int rc = tiao_amend(&r, base, &dec, 0, on_diag, &g, NULL, NULL, NULL);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	if (rc)
		fprintf(stderr, "%s\n", g.last);
	assert_int_equal(rc, 0);
	assert_int_equal(tiao_doc_article_count(tiao_result_doc(r)), N);
	assert_true(secs < 3.0);
	tiao_result_free(r);
	free(ins);
	free(tg);
	free(olds);
	tiao_doc_free(base);
}

static void test_relative_refs(void **state)
{
	(void)state;
	/* paragraphs move: 本条第二款 and 第二条第三款 follow them; a bare 第Y款 in the text too */
	tiao_doc *base = parse_text("小条例\n"
	                            "第一条　为了测试。\n"
	                            "第二条　甲款。\n"
	                            "乙款。\n"
	                            "依照本条第二款办理。\n"
	                            "第三条　依照本条例第二条第三款办理。\n");
	tdec t;
	tdec_init(&t, true);
	tiao_instr *in = add(&t, TIAO_OP_DELETE, "一");
	target(in, TIAO_AT_PARAGRAPH, 2, 1, 0);
	tiao_result *r = NULL;
	diags g = { 0 };
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	char *s = render(r);
	assert_non_null(strstr(s, "第二条　乙款。\n依照本条第一款办理。\n"));
	assert_non_null(strstr(s, "第三条　依照本条例第二条第二款办理。"));
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_subst_counts_per_article(void **state)
{
	(void)state;
	/* §3: a substitution over the whole text records one change per article, with its count */
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, true);
	tiao_instr *in = add(&t, TIAO_OP_SUBST, "一");
	target(in, TIAO_AT_DOCUMENT, 0, 0, 0);
	in->olds[0] = "款";
	in->nolds = 1;
	in->new_text = "段";
	tiao_result *r = NULL;
	diags g = { 0 };
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	/* 第三条 (甲款 乙款 丙款) and 第六条 (罚款), in document order */
	assert_int_equal(r->changes.len, 2);
	assert_int_equal(r->changes.items[0].target.at, TIAO_AT_ARTICLE);
	assert_int_equal(r->changes.items[0].target.art, 3);
	assert_int_equal(r->changes.items[0].count, 3);
	assert_int_equal(r->changes.items[0].new_art, 3);
	assert_int_equal(r->changes.items[1].target.art, 6);
	assert_int_equal(r->changes.items[1].count, 1);
	tiao_result_free(r);

	tdec_init(&t, true);
	in = add(&t, TIAO_OP_SUBST, "一");
	target(in, TIAO_AT_DOCUMENT, 0, 0, 0);
	in->olds[0] = "本条例";
	in->nolds = 1;
	in->new_text = "本规定";
	in = add(&t, TIAO_OP_DELETE, "二");
	target(in, TIAO_AT_ARTICLE, 1, 0, 0);
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	/* 第一条 (deleted later: its change has no result), 第二条, 第五条 ×2, 第六条 */
	int total = 0, n5 = 0;
	size_t nsubst = 0;
	for (size_t k = 0; k < r->changes.len; k++) {
		const tiao_change *ch = &r->changes.items[k];
		if (strcmp(ch->what, "substitution"))
			continue;
		nsubst++;
		total += ch->count;
		assert_int_equal(ch->target.at, TIAO_AT_ARTICLE);
		if (ch->target.art == 5) {
			n5 = ch->count;
			assert_int_equal(ch->new_art, 4);
		}
	}
	assert_int_equal(nsubst, 4);
	assert_int_equal(total, 5);
	assert_int_equal(n5, 2);
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_relative_prev_para(void **state)
{
	(void)state;
	/* 前款 names the base paragraph before: a paragraph inserted between makes it explicit;
	 * deleting the named paragraph is a warning; 前条 after an inserted article becomes 第N条 */
	tiao_doc *base = parse_text("小条例\n"
	                            "第一条　甲款。\n"
	                            "乙款。\n"
	                            "违反前款规定的，依照前两款处理。\n"
	                            "第二条　违反前条第二款的，依照前条处罚。\n");
	tdec t;
	tdec_init(&t, true);
	const char *q[] = { "新款。" };
	tiao_instr *in = add(&t, TIAO_OP_INSERT, "一");
	target(in, TIAO_AT_ARTICLE, 1, 0, 0);
	in->pos.at = TIAO_AT_PARAGRAPH;
	in->pos.para = 3;
	quote(in, q, 1);
	const char *q2[] = { "新条。" };
	in = add(&t, TIAO_OP_INSERT, "二");
	in->pos.at = TIAO_AT_ARTICLE;
	in->pos.art = 2;
	quote(in, q2, 1);
	tiao_result *r = NULL;
	diags g = { 0 };
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	char *s = render(r);
	assert_non_null(strstr(s, "新款。\n违反第二款规定的，依照第一款、第二款处理。\n"));
	assert_non_null(strstr(s, "第三条　违反第一条第二款的，依照第一条处罚。"));
	assert_int_equal(g.warnings, 0);
	free(s);
	tiao_result_free(r);

	tdec_init(&t, true);
	in = add(&t, TIAO_OP_DELETE, "一");
	target(in, TIAO_AT_PARAGRAPH, 1, 2, 0);
	memset(&g, 0, sizeof g);
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	assert_true(g.warnings >= 1);
	assert_non_null(strstr(g.last, "refers to base 第一条第二款"));
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_keep_going_left_out(void **state)
{
	(void)state;
	/* an insertion out of range under keep_going: an error, and a warning that the result lacks it */
	tiao_doc *base = parse_text(BASE);
	tdec t;
	tdec_init(&t, true);
	const char *q[] = { "新条文。" };
	tiao_instr *in = add(&t, TIAO_OP_INSERT, "一");
	in->pos.at = TIAO_AT_ARTICLE;
	in->pos.art = 9;
	quote(in, q, 1);
	diags g = { 0 };
	tiao_result *r = NULL;
	assert_int_equal(tiao_amend(&r, base, &t.dec, 1, on_diag, &g, NULL, NULL, NULL), TIAO_ERANGE);
	assert_non_null(r);
	assert_int_equal(g.errors, 1);
	assert_int_equal(g.warnings, 1);
	assert_non_null(strstr(g.last, "left out of the result"));
	tiao_result_free(r);
	tiao_doc_free(base);
}

static void test_stated_numbers_reorder(void **state)
{
	(void)state;
	/* 监督法 2024: the stated number of old 第三条 puts it before old 第二条; the others fill the
	 * remaining positions, and a note says old 第二条 now follows old 第三条 */
	tiao_doc *base = parse_text("小条例\n"
	                            "第一条　一。\n"
	                            "第二条　二。\n"
	                            "第三条　三。\n"
	                            "第四条　四。\n");
	tdec t;
	tdec_init(&t, true);
	tiao_instr *in = add(&t, TIAO_OP_RENUMBER, "一");
	target(in, TIAO_AT_ARTICLE, 3, 0, 0);
	in->stated_num = 2;
	tiao_result *r = NULL;
	diags g = { 0 };
	assert_int_equal(tiao_amend(&r, base, &t.dec, 0, on_diag, &g, NULL, NULL, NULL), 0);
	char *s = render(r);
	assert_non_null(strstr(s, "第一条　一。\n第二条　三。\n第三条　二。\n第四条　四。"));
	assert_non_null(strstr(g.last, "base 第二条 now follows base 第三条"));
	free(s);
	tiao_result_free(r);
	tiao_doc_free(base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delete_renumber_xref),
		cmocka_unit_test(test_insert_result_position),
		cmocka_unit_test(test_paragraph_base_numbers),
		cmocka_unit_test(test_subst_follow_through),
		cmocka_unit_test(test_delete_phrase_clause),
		cmocka_unit_test(test_insert_text_separator),
		cmocka_unit_test(test_leadin_keeps_items),
		cmocka_unit_test(test_failures),
		cmocka_unit_test(test_keep_going),
		cmocka_unit_test(test_amendment_keeps_numbers),
		cmocka_unit_test(test_relative_refs),
		cmocka_unit_test(test_subst_counts_per_article),
		cmocka_unit_test(test_relative_prev_para),
		cmocka_unit_test(test_keep_going_left_out),
		cmocka_unit_test(test_stated_numbers_reorder),
		cmocka_unit_test(test_linear_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
