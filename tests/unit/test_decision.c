/* test_decision.c — the decision parser (src/decision.c): every corpus decision, the sample
 * gazette's package decision, and each instruction form of amendment-semantics §3. */
#include "testutil.h"

#include "decision.h"
#include "gazette.h"
#include "numeral.h"

#include <dirent.h>

/* ---- helpers ---- */

typedef struct diags {
	int errors;
	char first[600];
	size_t line, col;
} diags;

static void S_cb(const tiao_diag *d, void *payload)
{
	diags *dg = payload;
	if (d->severity == TIAO_ERRORSEV) {
		if (!dg->errors) {
			snprintf(dg->first, sizeof dg->first, "%s", d->message);
			dg->line = d->line;
			dg->col = d->column;
		}
		dg->errors++;
	}
}

/* Parse text (form as given) for the regulation title. */
static tiao_decision *S_parse(const char *text, tiao_input_form form, const char *title, diags *dg,
                              int *rc)
{
	tiao_paras ps;
	tiao_error err;
	memset(&ps, 0, sizeof ps);
	memset(&err, 0, sizeof err);
	memset(dg, 0, sizeof *dg);
	assert_int_equal(tiao_paras_read(&ps, text, strlen(text), form, "decision.txt", &err), 0);
	tiao_decision *d = NULL;
	*rc = tiao_decision_parse(&d, &ps, 0, ps.len, title, S_cb, dg, &err);
	if (*rc && !dg->errors)
		snprintf(dg->first, sizeof dg->first, "%s", err.message);
	tiao_paras_free(&ps);
	assert_non_null(d);
	return d;
}

static tiao_decision *S_clean(const char *text, const char *title)
{
	diags dg;
	int rc;
	tiao_decision *d = S_parse(text, TIAO_INPUT_CLEAN, title, &dg, &rc);
	if (rc || dg.errors)
		fprintf(stderr, "unexpected: rc=%d %s\n", rc, dg.first);
	assert_int_equal(rc, 0);
	assert_int_equal(dg.errors, 0);
	return d;
}

static void S_addr(tiao_buf *b, const tiao_addr *a)
{
	switch (a->at) {
	case TIAO_AT_DOCUMENT: tiao_buf_puts(b, "doc"); return;
	case TIAO_AT_CHAPTER:
		tiao_buf_printf(b, "ch%d", a->chapter);
		if (a->art)
			tiao_buf_printf(b, "@a%d", a->art);
		return;
	case TIAO_AT_SECTION:
		tiao_buf_printf(b, "ch%d.s%d", a->chapter, a->section);
		if (a->art)
			tiao_buf_printf(b, "@a%d", a->art);
		return;
	default: break;
	}
	if (a->art)
		tiao_buf_printf(b, "a%d", a->art);
	if (a->art_sub)
		tiao_buf_printf(b, "-%d", a->art_sub);
	if (a->at == TIAO_AT_ARTICLE) {
		if (a->chapter)
			tiao_buf_printf(b, "@ch%d", a->chapter);
		return;
	}
	tiao_buf_printf(b, ".%d", a->para);
	if (a->at == TIAO_AT_LEADIN)
		tiao_buf_puts(b, "L");
	if (a->sentence)
		tiao_buf_printf(b, "s%d", a->sentence);
	if (a->at == TIAO_AT_ITEM || a->at == TIAO_AT_SUBITEM)
		tiao_buf_printf(b, "(%d)", a->item);
	if (a->at == TIAO_AT_SUBITEM)
		tiao_buf_printf(b, "%d", a->subitem);
}

/* One line per instruction: label op T{…} P{…} A{…} S=n O<…> N<…> before g Qn */
static char *S_fmt(const tiao_instr *in)
{
	tiao_buf b = TIAO_BUF_INIT;
	tiao_buf_printf(&b, "%s %s", in->label, tiao_op_name(in->op));
	for (size_t k = 0; k < in->ntargets; k++) {
		tiao_buf_puts(&b, k ? ", " : " T{");
		S_addr(&b, &in->targets[k]);
	}
	if (in->ntargets)
		tiao_buf_puts(&b, "}");
	if (in->pos.at) {
		tiao_buf_puts(&b, " P{");
		S_addr(&b, &in->pos);
		tiao_buf_puts(&b, "}");
	}
	if (in->anchor.at) {
		tiao_buf_puts(&b, " A{");
		S_addr(&b, &in->anchor);
		tiao_buf_puts(&b, "}");
	}
	if (in->stated_num)
		tiao_buf_printf(&b, " S=%d", in->stated_num);
	for (size_t k = 0; k < in->nolds; k++)
		tiao_buf_printf(&b, " O<%s>", in->olds[k]);
	if (in->new_text)
		tiao_buf_printf(&b, " N<%s>", in->new_text);
	if (in->before)
		tiao_buf_puts(&b, " before");
	if (in->group)
		tiao_buf_printf(&b, " g%d", in->group);
	if (in->quote.n)
		tiao_buf_printf(&b, " Q%zu", in->quote.n);
	tiao_buf_cstr(&b);
	return b.data;
}

static void S_expect(const tiao_decision *d, const char *const *want, size_t n)
{
	for (size_t k = 0; k < d->n && k < n; k++) {
		char *got = S_fmt(&d->instrs[k]);
		if (strcmp(got, want[k]) != 0)
			fprintf(stderr, "instruction %zu:\n  got  %s\n  want %s\n", k, got, want[k]);
		assert_string_equal(got, want[k]);
		free(got);
	}
	if (d->n != n) {
		for (size_t k = 0; k < d->n; k++) {
			char *got = S_fmt(&d->instrs[k]);
			fprintf(stderr, "  [%zu] %s\n", k, got);
			free(got);
		}
	}
	assert_int_equal(d->n, n);
}

/* Elementary operations as the gazette analysis counts them (§4.3): one per target of a
 * deletion or substitution, one per other instruction. */
static size_t S_elementary(const tiao_decision *d)
{
	size_t n = 0;
	for (size_t k = 0; k < d->n; k++) {
		const tiao_instr *in = &d->instrs[k];
		if (in->op == TIAO_OP_DELETE || in->op == TIAO_OP_SUBST || in->op == TIAO_OP_DELETE_PHRASE)
			n += in->ntargets;
		else
			n++;
	}
	return n;
}

static char *S_first_line(const char *text)
{
	const char *e = strchr(text, '\n');
	size_t n = e ? (size_t)(e - text) : strlen(text);
	char *r = malloc(n + 1);
	memcpy(r, text, n);
	r[n] = 0;
	return r;
}

static tiao_decision *S_corpus(const char *kase, const char *title, diags *dg, int *rc)
{
	char rel[256];
	snprintf(rel, sizeof rel, "corpus/%s/decision.txt", kase);
	char *text = test_read_shared(rel, NULL);
	assert_non_null(text);
	tiao_decision *d = S_parse(text, TIAO_INPUT_AUTO, title, dg, rc);
	free(text);
	return d;
}

/* ---- the corpus ---- */

static void test_corpus_all(void **state)
{
	(void)state;
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/corpus", test_shared_dir());
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	struct dirent *e;
	int cases = 0, failed = 0;
	size_t total = 0;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char rel[512];
		snprintf(rel, sizeof rel, "corpus/%s/before.txt", e->d_name);
		char *before = test_read_shared(rel, NULL);
		if (!before)
			continue;
		char *title = S_first_line(before);
		diags dg;
		int rc;
		tiao_decision *d = S_corpus(e->d_name, title, &dg, &rc);
		cases++;
		if (rc || dg.errors || d->n == 0 || !d->target_title ||
		    !tiao_title_equiv(d->target_title, title)) {
			fprintf(stderr, "%s: rc=%d errors=%d n=%zu: %s:%zu:%zu\n", e->d_name, rc, dg.errors,
			        d->n, dg.first, dg.line, dg.col);
			failed++;
		}
		/* every instruction has its place and its clause */
		for (size_t k = 0; k < d->n; k++) {
			assert_true(d->instrs[k].line > 0 && d->instrs[k].col > 0);
			assert_non_null(d->instrs[k].clause);
			assert_non_null(d->instrs[k].label);
		}
		total += d->n;
		tiao_decision_free(d);
		free(title);
		free(before);
	}
	closedir(dp);
	assert_int_equal(cases, 25);
	assert_int_equal(failed, 0);
	assert_true(total > 400);
}

/* The sample gazette: split, find the package decision, parse every group. */
static void test_gazette_whole(void **state)
{
	(void)state;
	size_t len = 0;
	char *text = test_read_shared("gazette/shanxi-rdcwh-gazette-2020-05.txt", &len);
	assert_non_null(text);
	tiao_gazette *g = NULL;
	tiao_error err;
	memset(&err, 0, sizeof err);
	assert_int_equal(tiao_gazette_split(&g, text, len, "gazette.txt", &err), 0);
	size_t doc = (size_t)-1;
	for (size_t i = 0; i < g->ndocs; i++)
		if (g->docs[i].title && strstr(g->docs[i].title, "关于修改«山西省公民献血条例»等六部"))
			doc = i;
	assert_true(doc != (size_t)-1);
	tiao_arena ar = TIAO_ARENA_INIT;
	const char **titles;
	size_t nt;
	assert_int_equal(tiao_decision_titles(&g->paras, g->docs[doc].first, g->docs[doc].n, &titles, &nt, &ar), 0);
	assert_int_equal(nt, 6);
	assert_string_equal(titles[0], "山西省公民献血条例");
	assert_string_equal(titles[1], "山西省实施‹中华人民共和国义务教育法›办法");
	const size_t want[6] = { 9, 3, 4, 13, 12, 5 };
	size_t total = 0;
	for (size_t k = 0; k < nt; k++) {
		diags dg;
		memset(&dg, 0, sizeof dg);
		tiao_decision *d = NULL;
		int rc = tiao_decision_parse(&d, &g->paras, g->docs[doc].first, g->docs[doc].n, titles[k],
		                             S_cb, &dg, &err);
		assert_int_equal(rc, 0);
		assert_int_equal(dg.errors, 0);
		assert_true(d->renumber);
		assert_false(d->is_amendment);
		assert_string_equal(d->date, "２０２０年９月３０日");
		assert_string_equal(d->organ, "山西省第十三届人民代表大会常务委员会第二十次会议");
		assert_int_equal(S_elementary(d), want[k]);
		total += S_elementary(d);
		tiao_decision_free(d);
	}
	assert_int_equal(total, 46);
	/* the nested title is found in its «» form as well */
	tiao_decision *d = NULL;
	diags dg;
	memset(&dg, 0, sizeof dg);
	assert_int_equal(tiao_decision_parse(&d, &g->paras, g->docs[doc].first, g->docs[doc].n,
	                                     "山西省实施《中华人民共和国义务教育法》办法", S_cb, &dg, &err),
	                 0);
	assert_int_equal(d->n, 3);
	tiao_decision_free(d);
	/* a regulation it does not amend */
	d = NULL;
	assert_int_equal(tiao_decision_parse(&d, &g->paras, g->docs[doc].first, g->docs[doc].n,
	                                     "山西省标准化条例", S_cb, &dg, &err),
	                 TIAO_ENOTFOUND);
	assert_non_null(strstr(err.message, "山西省标准化条例"));
	assert_non_null(strstr(err.message, "山西省气候资源开发利用和保护条例"));
	assert_int_equal(d->n, 0);
	tiao_decision_free(d);
	tiao_arena_free(&ar);
	tiao_gazette_free(g);
	free(text);
}

static void test_gazette_qihou(void **state)
{
	(void)state;
	diags dg;
	int rc;
	tiao_decision *d = S_corpus("shanxi_qihou", "山西省气候资源开发利用和保护条例", &dg, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(dg.errors, 0);
	assert_string_equal(d->title,
	                    "山西省人民代表大会常务委员会关于修改«山西省公民献血条例»等六部地方性法规的决定");
	assert_string_equal(d->target_title, "山西省气候资源开发利用和保护条例");
	static const char *const want[] = {
		"六、１ delete T{a20.2}",
		"六、１ replace T{a20.3} Q1",
		"六、２ insert P{a23} Q1",
		"六、３ replace T{a23} Q4",
		"六、４ delete T{a24}",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	/* places: 删去第二十条第二款 at line 219, the bare 第三款 on its own line 221 */
	assert_int_equal(d->instrs[0].line, 219);
	assert_int_equal(d->instrs[0].col, 3);
	assert_int_equal(d->instrs[1].line, 221);
	assert_int_equal(d->instrs[1].col, 1);
	assert_string_equal(d->instrs[1].quote.paras[0], "气候可行性论证应当使用符合国家气象技术标准的气象资料.");
	const tiao_quote *q = &d->instrs[3].quote;
	assert_int_equal(q->line, 235);
	assert_string_equal(q->paras[0], "气象主管机构及其工作人员有下列行为之一的,对其直接负责的主管人员"
	                                 "和其他直接责任人员依法给予处分;构成犯罪的,依法追究刑事责任:");
	assert_string_equal(q->paras[1], "(一)出具虚假书面评审意见的;");
	assert_string_equal(q->paras[3], "(三)其他玩忽职守、滥用职权、徇私舞弊的.");
	assert_string_equal(d->instrs[2].quote.paras[0],
	                    "从事大气环境影响评价的单位进行工程建设项目大气环境影响评价时,使用的气象资料不符合"
	                    "国家气象技术标准的,由有关气象主管机构按照权限责令改正,给予警告,可以并处五千元以上"
	                    "五万元以下的罚款.");
	tiao_decision_free(d);
}

static void test_gazette_wanjiazhai(void **state)
{
	(void)state;
	diags dg;
	int rc;
	tiao_decision *d = S_corpus("shanxi_wanjiazhai", "山西省万家寨引黄工程保护条例", &dg, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(dg.errors, 0);
	static const char *const want[] = {
		"五、１ delete T{a3.1}",
		"五、１ replace T{a3.3} Q1",
		"五、２ replace T{a8} Q1",
		"五、３ substitute T{a9, a12} O<引黄工程管理机构> N<引黄工程管理单位>",
		"五、３ substitute T{a19, a20} O<引黄工程管理机构> N<有关行政主管部门>",
		"五、４ insert P{a10} Q1",
		"五、５ replace T{a17} Q1",
		"五、６ delete-phrase T{a18} O<引黄工程管理机构或者>",
		"五、７ replace T{a21} Q1",
		"五、８ replace T{a23} Q1",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	/* the 。 printed after the closing quote goes inside */
	assert_string_equal(d->instrs[5].quote.paras[0],
	                    "万家寨水库、各级泵站、头马营出水口等具有文化价值的水利工程,应当按照其原有的功能、"
	                    "建筑特点和风貌进行管理和保护.");
	/* the second clause without 将 starts mid-line */
	assert_int_equal(d->instrs[4].line, 172);
	tiao_decision_free(d);
}

static void test_gazette_hezuoshe(void **state)
{
	(void)state;
	diags dg;
	int rc;
	tiao_decision *d = S_corpus("shanxi_qihou", "山西省农民专业合作社条例", &dg, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(dg.errors, 0);
	static const char *const want[] = {
		"四、１ substitute T{a9, a15, a16, a29} O<农业行政主管部门或者农村经济经营管理部门> "
		"N<农业农村主管部门>",
		"四、１ substitute T{a8.1} O<工商行政管理> N<市场监督管理>",
		"四、１ substitute T{a23.2} O<工商> N<市场监督管理>",
		"四、２ replace T{a4.1, a4.2} Q1",
		"四、３ delete T{a6.3}",
		"四、４ replace T{a7} Q1",
		"四、５ replace T{a12.1} Q1",
		"四、６ insert P{a14.1} Q1",
		"四、７ delete T{a20.2}",
		"四、８ replace T{a31} Q1",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	assert_int_equal(S_elementary(d), 13);
	tiao_decision_free(d);
}

static void test_gazette_xianxue(void **state)
{
	(void)state;
	diags dg;
	int rc;
	tiao_decision *d = S_corpus("shanxi_wanjiazhai", "山西省公民献血条例", &dg, &rc);
	assert_int_equal(rc, 0);
	static const char *const want[] = {
		"一、１ delete T{a16.2, a18}",
		"一、２ replace T{a21.1} Q1",
		"一、３ replace T{a31} Q6",
		"一、４ substitute T{a35, a37, a39, a40, a42} O<行政处分> N<处分>",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	/* a quote paragraph split by a page start is one paragraph */
	assert_string_equal(d->instrs[2].quote.paras[5],
	                    "医疗机构应当在临时采集血液后十日内,将有关情况报告县级以上人民政府卫生行政部门.");
	tiao_decision_free(d);
}

/* ---- national forms ---- */

static void test_national_cishanfa(void **state)
{
	(void)state;
	diags dg;
	int rc;
	tiao_decision *d = S_corpus("national_cishanfa_2023", "中华人民共和国慈善法", &dg, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(d->date, "2023年12月29日");
	assert_string_equal(d->organ, "第十四届全国人民代表大会常务委员会第七次会议");
	assert_true(d->renumber);
	for (size_t k = 0; k < d->n; k++) {
		char *s = S_fmt(&d->instrs[k]);
		if (!strcmp(d->instrs[k].label, "一"))
			assert_string_equal(s, "一 insert T{a4} P{.1} Q1");
		if (!strcmp(d->instrs[k].label, "七"))
			assert_string_equal(s, "七 split-out T{a23.3} P{a27} Q2");
		if (!strcmp(d->instrs[k].label, "十七") && d->instrs[k].op == TIAO_OP_INSERT)
			assert_string_equal(s, "十七 insert T{a87} P{.2} Q1");
		if (!strcmp(d->instrs[k].label, "三十一、（二）") && d->instrs[k].targets[0].art == 41)
			assert_string_equal(s, "三十一、（二） insert-text T{a41.2, a42.2, a97.1s1, a102, a103, a104} "
			                       "O<民政部门> N<县级以上人民政府> before");
		free(s);
	}
	/* 十、在第七章后增加一章…；对第三十条进行修改，作为第七十条；增加四条…。内容如下：“第八章　应急慈善”… */
	size_t k10 = 0;
	while (k10 < d->n && strcmp(d->instrs[k10].label, "十"))
		k10++;
	static const char *const ten[] = {
		"十 insert P{ch8@a70} A{ch7} N<应急慈善>",
		"十 move T{a30} P{a70}",
		"十 replace T{a30} Q1",
		"十 insert P{a71} Q2",
		"十 insert P{a72} Q1",
		"十 insert P{a73} Q1",
		"十 insert P{a74} Q1",
	};
	for (size_t k = 0; k < TIAO_ARRAY_LEN(ten); k++) {
		char *s = S_fmt(&d->instrs[k10 + k]);
		assert_string_equal(s, ten[k]);
		free(s);
	}
	/* each article of the block keeps the place of its own quote */
	assert_int_equal(d->instrs[k10 + 2].quote.line, 25);
	assert_int_equal(d->instrs[k10 + 3].quote.line, 26);
	assert_int_equal(d->instrs[k10 + 3].quote.col, 1);
	assert_string_equal(d->instrs[k10 + 3].quote.paras[1],
	                    "在发生重大突发事件时，鼓励慈善组织、志愿者等在有关人民政府的协调引导下依法开展或者参与慈善活动。");
	tiao_decision_free(d);
}

static void test_national_renumber_combined(void **state)
{
	(void)state;
	/* 将第二十七条改为第二十五条，在“A”后增加“B”。 / 将第三十六条改为第三十四条，第一款修改为：…
	 * / 增加一项，作为第五项 (scope from the clause before) / 第一款第一自然段修改为 / 其中 / 相关条文 */
	diags dg;
	int rc;
	tiao_decision *d = S_corpus("national_kuaijifa_2024", "中华人民共和国会计法", &dg, &rc);
	assert_int_equal(rc, 0);
	static const char *const want[] = {
		"一 insert T{a2} P{.1} Q1",
		"二 split-out T{a8.3} P{a49} Q1",
		"二 insert T{a8} P{.3} Q1",
		"三 merge T{a10, a25} P{a10} Q7",
		"四 replace T{a20.2} Q1",
		"五 replace T{a23} Q1",
		"六 merge-division T{ch3} P{ch2}",
		"六 delete T{a24}",
		"七 renumber T{a27} S=25",
		"七 insert-text T{a27} O<各单位应当建立、健全本单位内部会计监督制度> N<并将其纳入本单位内部控制制度>",
		"七 insert T{a27} P{.0(5)} Q1",
		"八 renumber T{a33} S=31",
		"八 replace T{a33} Q2",
		"九 renumber T{a36} S=34",
		"九 replace T{a36.1} Q5",
		"九 substitute T{a36.2} O<国有资产> N<国有资本>",
		"十 renumber T{a42} S=40",
		"十 replace T{a42.1L} Q1",
		"十一 merge T{a43, a44} P{a41} Q1",
		"十二 renumber T{a45} S=42",
		"十二 replace T{a45} Q1",
		"十三 insert P{a46} Q1",
		"十四 renumber T{a49} S=47",
		"十四 insert T{a49} P{.1} Q1",
		"十五、（一） renumber T{a26} S=24",
		"十五、（一） substitute T{a26} O<公司、企业> N<各单位> g1",
		"十五、（一） substitute T{a26} O<所有者权益> N<净资产（所有者权益）> g1",
		"十五、（二） renumber T{a34} S=32",
		"十五、（二） substitute T{a34} O<国家秘密和商业秘密> N<国家秘密、工作秘密、商业秘密、个人隐私、个人信息>",
		"十五、（三） renumber T{a39} S=37",
		"十五、（三） insert-text T{a39} O<提高业务素质> N<严格遵守国家有关保密规定>",
		"十五、（四） renumber T{a46} S=43",
		"十五、（四） substitute T{a46} O<构成犯罪的，依法追究刑事责任；尚不构成犯罪的，由其所在单位或者有关单位"
		"依法给予行政处分> N<依法给予处分；构成犯罪的，依法追究刑事责任>",
		"十五、（五） renumber T{a47} S=44",
		"十五、（五） substitute T{a47} O<泄露国家秘密、商业秘密，构成犯罪的，依法追究刑事责任；尚不构成犯罪的，"
		"依法给予行政处分> N<泄露国家秘密、工作秘密、商业秘密、个人隐私、个人信息的，依法给予处分；构成犯罪的，"
		"依法追究刑事责任>",
		"十五、（六） renumber T{a48} S=45",
		"十五、（六） delete-phrase T{a48} O<第三十条> g2",
		"十五、（六） substitute T{a48} O<由所在单位或者有关单位依法给予行政处分> N<依法给予处分> g2",
		"十五、（七） substitute T{doc} O<帐> N<账>",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	/* an item quoted without closing mark keeps it that way (its position decides) */
	assert_string_equal(d->instrs[10].quote.paras[0], "（五）国务院财政部门规定的其他要求");
	tiao_decision_free(d);
}

static void test_national_lifafa(void **state)
{
	(void)state;
	diags dg;
	int rc;
	tiao_decision *d = S_corpus("national_lifafa_2023", "中华人民共和国立法法", &dg, &rc);
	assert_int_equal(rc, 0);
	/* 一、将第三条改为两条，作为第三条、第四条，修改为："第三条⏎…" (ASCII quotes, label alone) */
	char *s = S_fmt(&d->instrs[0]);
	assert_string_equal(s, "一 split-article T{a3} P{a3} Q2");
	free(s);
	assert_true(strncmp(d->instrs[0].quote.paras[0], "第三条　立法应当坚持中国共产党的领导", 54) == 0);
	assert_non_null(strstr(d->instrs[0].quote.paras[0], "'三个代表'"));
	assert_true(strncmp(d->instrs[0].quote.paras[1], "第四条　", 12) == 0);
	/* 二十四、将第七十二条改为两条，第一款作为第八十条；第二款作为第八十一条第一款，修改为：…；
	 * 第三、四、五、六款分别作为第八十一条第二、三、四、五款。 */
	size_t k = 0;
	while (k < d->n && strcmp(d->instrs[k].label, "二十四"))
		k++;
	static const char *const want[] = {
		"二十四 split-out T{a72.1} P{a80}",
		"二十四 split-out T{a72.2} P{a81} Q1",
		"二十四 move T{a72.3} P{a81.2}",
		"二十四 move T{a72.4} P{a81.3}",
		"二十四 move T{a72.5} P{a81.4}",
		"二十四 move T{a72.6} P{a81.5}",
	};
	for (size_t i = 0; i < TIAO_ARRAY_LEN(want); i++) {
		s = S_fmt(&d->instrs[k + i]);
		assert_string_equal(s, want[i]);
		free(s);
	}
	/* 三十三、增加一条，作为第一百一十一条，将第九十九条第三款修改后作为本条第一款：…
	 * 增加一款，作为第一百一十一条第二款：… */
	while (k < d->n && strcmp(d->instrs[k].label, "三十三"))
		k++;
	s = S_fmt(&d->instrs[k]);
	assert_string_equal(s, "三十三 split-out T{a99.3} P{a111} Q1");
	free(s);
	s = S_fmt(&d->instrs[k + 1]);
	assert_string_equal(s, "三十三 insert P{a111.2} Q1");
	free(s);
	tiao_decision_free(d);
}

static void test_national_amendment(void **state)
{
	(void)state;
	diags dg;
	int rc;
	tiao_decision *d = S_corpus("national_xingfa_xiuzhengan12_2023", "中华人民共和国刑法", &dg, &rc);
	assert_int_equal(rc, 0);
	assert_true(d->is_amendment);
	assert_false(d->renumber);
	assert_string_equal(d->title, "中华人民共和国刑法修正案（十二）");
	assert_string_equal(d->target_title, "中华人民共和国刑法");
	assert_string_equal(d->date, "2023年12月29日");
	assert_string_equal(d->organ, "第十四届全国人民代表大会常务委员会第七次会议");
	static const char *const want[] = {
		"一 replace T{a165} Q2", "二 replace T{a166} Q5", "三 replace T{a169} Q2",
		"四 replace T{a387.1} Q1", "五 replace T{a390} Q10", "六 replace T{a391.1} Q1",
		"七 replace T{a393} Q1",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	tiao_decision_free(d);

	d = S_clean("中华人民共和国刑法修正案（十三）\n"
	            "2025年1月1日 第十四届全国人民代表大会常务委员会第十三次会议通过\n"
	            "一、在刑法第一百二十条后增加一条，作为第一百二十条之一：“甲。”\n"
	            "二、本修正案自2025年3月1日起施行。\n",
	            "中华人民共和国刑法");
	static const char *const want2[] = { "一 insert P{a120-1} A{a120} Q1" };
	S_expect(d, want2, 1);
	tiao_decision_free(d);

	/* the 1999 style: no 在, ASCII parentheses, a preamble without 决定, items in a quote opened once */
	d = S_clean("中华人民共和国刑法修正案\n"
	            "(1999年12月25日第九届全国人民代表大会常务委员会第十三次会议通过)\n"
	            "为了惩治破坏社会主义市场经济秩序的犯罪，对刑法作如下补充修改：\n"
	            "一、第一百六十二条后增加一条，作为第一百六十二条之一：“隐匿会计凭证的，处五年以下有期徒刑。\n"
	            "“单位犯前款罪的，对单位判处罚金。”\n"
	            "二、将刑法第一百八十二条修改为：“有下列情形之一的：\n"
	            "（一）单独或者合谋；\n"
	            "（二）与他人串通。\n"
	            "“单位犯前款罪的，对单位判处罚金。”\n"
	            "三、在刑法第一百三十三条之一后增加一条，作为第一百三十三条之二：“甲。”\n"
	            "四、本修正案自公布之日起施行。\n",
	            "中华人民共和国刑法");
	assert_string_equal(d->date, "1999年12月25日");
	assert_true(d->is_amendment);
	static const char *const want3[] = {
		"一 insert P{a162-1} A{a162} Q2",
		"二 replace T{a182} Q4",
		"三 insert P{a133-2} A{a133-1} Q1",
	};
	S_expect(d, want3, TIAO_ARRAY_LEN(want3));
	assert_string_equal(d->instrs[1].quote.paras[2], "（二）与他人串通。");
	tiao_decision_free(d);
}

/* ---- State Council package ---- */

static void test_sc_package(void **state)
{
	(void)state;
	diags dg;
	int rc;
	tiao_decision *d = S_corpus("sc_2022_baoan_fuwu", "保安服务管理条例", &dg, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(dg.errors, 0);
	assert_true(d->renumber); /* 此外，对相关行政法规中的条文序号作相应调整。 */
	static const char *const want[] = {
		"四 delete-phrase T{a32} O<依法设立的保安服务公司或者>",
		"四 replace T{a32.0(2)} Q1",
		"四 replace T{a33} Q3",
		"四 delete-phrase T{a41} O<、保安培训>",
		"四 replace T{a47} Q6",
		"四 delete-phrase T{a50} O<保安培训许可证以及>",
		"四 delete-phrase T{a51} O<、保安培训单位> g1",
		"四 delete-phrase T{a51} O<、保安培训许可证> g1",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	tiao_decision_free(d);

	d = S_corpus("sc_2022_hulianwang_shangwang", "互联网上网服务营业场所管理条例", &dg, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(d->n, 4);
	char *s = S_fmt(&d->instrs[2]);
	assert_string_equal(s, "十 insert T{a11} P{.5} A{a11.4} Q1");
	free(s);
	tiao_decision_free(d);

	d = S_corpus("sc_2022_nongyao", "农药管理条例", &dg, &rc);
	assert_int_equal(rc, 0);
	static const char *const want3[] = { "六 delete T{a9.3}" };
	S_expect(d, want3, 1);
	tiao_decision_free(d);

	/* the package's titles: 14 regulations, none from the 附件2 list of repealed ones */
	char *text = test_read_shared("corpus/sc_2022_nongyao/decision.txt", NULL);
	tiao_paras ps;
	tiao_error err;
	memset(&ps, 0, sizeof ps);
	assert_int_equal(tiao_paras_read(&ps, text, strlen(text), TIAO_INPUT_AUTO, "d", &err), 0);
	tiao_arena ar = TIAO_ARENA_INIT;
	const char **titles;
	size_t nt;
	assert_int_equal(tiao_decision_titles(&ps, 0, ps.len, &titles, &nt, &ar), 0);
	assert_int_equal(nt, 14);
	assert_string_equal(titles[0], "外商投资电信企业管理规定");
	assert_string_equal(titles[13], "放射性药品管理办法");
	tiao_arena_free(&ar);
	/* a regulation the package only repeals is not amended by it */
	tiao_decision *d2 = NULL;
	assert_int_equal(tiao_decision_parse(&d2, &ps, 0, ps.len, "信访条例", NULL, NULL, &err), TIAO_ENOTFOUND);
	assert_non_null(strstr(err.message, "《外商投资电信企业管理规定》"));
	tiao_decision_free(d2);
	tiao_paras_free(&ps);
	free(text);
}

/* ---- synthetic forms ---- */

static const char S_head[] = "关于修改《测试条例》的决定\n"
                             "（2024年6月28日第十四届全国人民代表大会常务委员会第十次会议通过）\n"
                             "第十四届全国人民代表大会常务委员会第十次会议决定对《测试条例》作如下修改：\n";

static tiao_decision *S_synth(const char *body)
{
	tiao_buf b = TIAO_BUF_INIT;
	tiao_buf_puts(&b, S_head);
	tiao_buf_puts(&b, body);
	tiao_buf_puts(&b, "本决定自2024年7月1日起施行。\n");
	tiao_decision *d = S_clean(tiao_buf_cstr(&b), "测试条例");
	tiao_buf_free(&b);
	return d;
}

static void test_forms(void **state)
{
	(void)state;
	tiao_decision *d = S_synth(
	    "一、第二条增加一款，作为第一款：“甲。”\n"
	    "二、将第八条第三款单列一条，作为第四十九条，修改为：“乙。”\n"
	    "三、将第十条、第二十五条合并，作为第十条，修改为：“丙。”\n"
	    "四、将第三章并入第二章。\n"
	    "五、将第二十七条改为第二十五条，在“A”后增加“B”。\n"
	    "六、将第三十六条改为第三十四条，第一款修改为：“丁。”\n"
	    "七、将第四十二条改为第四十条，增加一项，作为第五项：“（五）戊”。\n"
	    "八、将第四十二条改为第四十条，第一款第一自然段修改为：“己：”\n"
	    "九、将第四十八条改为第四十五条，删去其中的“第三十条”。\n"
	    "十、将相关条文中的“帐”修改为“账”。\n"
	    "十一、删去第九条第一款第（四）项、第十条、第十二条。\n"
	    "十二、删去第五条第一、二款。\n"
	    "十三、将第六条、十二条中的“A”修改为“B”，“C”修改为“D”。\n"
	    "十四、删除第七条。\n"
	    "十五、对部分条文作以下修改：\n"
	    "（一）将第十四条中的“E”“E2”修改为“F”。\n"
	    "（二）将第十五条第（二）项单列增加一条，作为第十六条。\n"
	    "十六、增加一款“庚。”作为第十七条第二款。\n"
	    "十七、将第九条改为三条，作为第十二条、第十三条、第十四条，修改为：“第十二条　子。”“第十三条　丑。”"
	    "“第十四条　寅。”\n"
	    "十八、将第三章、第四章合并为一章，章名为“监督管理”。\n"
	    "十九、将第五章的章名修改为“法律责任”。\n"
	    "二十、将第六章章名中的“附则”修改为“附　则”。\n"
	    "二十一、将第三十条调整为第三十二条。\n"
	    "二十二、将第二十条修改为：“辛‘引’号。\n"
	    "“壬。”\n"
	    "二十三、将第二十一条修改为：“癸。\n"
	    "（一）一项；\n"
	    "（二）二项。”\n"
	    "二十四、增加一条，作为第五十条：“子丑”。\n"
	    "二十五、将第十一条修改为：“第一段。”“第二段。”\n"
	    "二十六、将第三十一条修改为：\"A。\n"
	    "\"B。\"\n"
	    "二十七、在第十五章第三节后增加一节，作为第四节：“第四节　甲乙\n"
	    "“第一百九十四条　丙。\n"
	    "“第一百九十五条　丁。”\n"
	    "二十八、将第二十二条移作第三条。\n");
	static const char *const want[] = {
		"一 insert T{a2} P{.1} Q1",
		"二 split-out T{a8.3} P{a49} Q1",
		"三 merge T{a10, a25} P{a10} Q1",
		"四 merge-division T{ch3} P{ch2}",
		"五 renumber T{a27} S=25",
		"五 insert-text T{a27} O<A> N<B>",
		"六 renumber T{a36} S=34",
		"六 replace T{a36.1} Q1",
		"七 renumber T{a42} S=40",
		"七 insert T{a42} P{.0(5)} Q1",
		"八 renumber T{a42} S=40",
		"八 replace T{a42.1L} Q1",
		"九 renumber T{a48} S=45",
		"九 delete-phrase T{a48} O<第三十条>",
		"十 substitute T{doc} O<帐> N<账>",
		"十一 delete T{a9.1(4), a10, a12}",
		"十二 delete T{a5.1, a5.2}",
		"十三 substitute T{a6, a12} O<A> N<B> g1",
		"十三 substitute T{a6, a12} O<C> N<D> g1",
		"十四 delete T{a7}",
		"十五、（一） substitute T{a14} O<E> O<E2> N<F>",
		"十五、（二） split-out T{a15.0(2)} P{a16}",
		"十六 insert P{a17.2} Q1",
		"十七 split-article T{a9} P{a12} Q3",
		"十八 merge-division T{ch3, ch4} N<监督管理>",
		"十九 heading T{ch5} N<法律责任>",
		"二十 heading-substitute T{ch6} O<附则> N<附　则>",
		"二十一 move T{a30} P{a32}",
		"二十二 replace T{a20} Q2",
		"二十三 replace T{a21} Q3",
		"二十四 insert P{a50} Q1",
		"二十五 replace T{a11} Q2",
		"二十六 replace T{a31} Q2",
		"二十七 insert P{ch15.s4@a194} A{ch15.s3} N<甲乙>",
		"二十七 insert P{a194} Q1",
		"二十七 insert P{a195} Q1",
		"二十八 move T{a22} P{a3}",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	assert_true(d->renumber == false);
	/* quotes: nested ‘’ kept; 。 after the closing quote moved inside, not for items */
	assert_string_equal(d->instrs[28].quote.paras[0], "辛‘引’号。");
	assert_string_equal(d->instrs[30].quote.paras[0], "子丑。");
	assert_string_equal(d->instrs[9].quote.paras[0], "（五）戊");
	assert_string_equal(d->instrs[29].quote.paras[1], "（一）一项；");
	assert_string_equal(d->instrs[32].quote.paras[1], "B。");
	assert_string_equal(d->instrs[23].quote.paras[1], "第十三条　丑。");
	assert_string_equal(d->instrs[35].quote.paras[0], "丁。");
	/* places */
	assert_int_equal(d->instrs[0].line, 4);
	assert_int_equal(d->instrs[0].col, 3);
	assert_int_equal(d->instrs[5].line, 8);
	assert_int_equal(d->instrs[5].col, 17);
	assert_string_equal(d->instrs[5].clause, "在“A”后增加“B”");
	assert_string_equal(d->instrs[20].label, "十五、（一）");
	tiao_decision_free(d);
}

static void test_unrecognised(void **state)
{
	(void)state;
	diags dg;
	int rc;
	tiao_decision *d = S_parse("关于修改《测试条例》的决定\n"
	                           "第十四届全国人民代表大会常务委员会第十次会议决定对《测试条例》作如下修改：\n"
	                           "一、删去第三条。\n"
	                           "二、将第四条修剪为：“甲。”\n"
	                           "三、删去第五条，胡乱第六条；删去第七条。\n"
	                           "本决定自公布之日起施行。\n",
	                           TIAO_INPUT_CLEAN, "测试条例", &dg, &rc);
	assert_int_equal(rc, TIAO_EUNSUPPORTED);
	assert_int_equal(dg.errors, 2);
	assert_non_null(strstr(dg.first, "unrecognised instruction"));
	assert_non_null(strstr(dg.first, "将第四条修剪为"));
	assert_int_equal(dg.line, 4);
	assert_int_equal(dg.col, 3);
	/* the rest is still read */
	static const char *const want[] = { "一 delete T{a3}", "三 delete T{a5}", "三 delete T{a7}" };
	S_expect(d, want, 3);
	tiao_decision_free(d);

	/* a line of new text whose opening mark is missing (only a stray closing one) is reported,
	 * not taken for a closing note (贵州 三都 2022) */
	d = S_parse("关于修改《测试条例》的决定\n"
	            "第十四届全国人民代表大会常务委员会第十次会议决定对《测试条例》作如下修改：\n"
	            "一、将第十四条修改为：“甲。”\n"
	            "乙丙丁。”\n"
	            "二、删去第五条。\n"
	            "本决定自公布之日起施行。\n",
	            TIAO_INPUT_CLEAN, "测试条例", &dg, &rc);
	assert_int_equal(rc, TIAO_EUNSUPPORTED);
	assert_non_null(strstr(dg.first, "unrecognised instruction: 乙丙丁"));
	assert_int_equal(dg.line, 4);
	tiao_decision_free(d);

	/* a quote left open does not swallow the items after it */
	d = S_parse("关于修改《测试条例》的决定\n"
	            "第十四届全国人民代表大会常务委员会第十次会议决定对《测试条例》作如下修改：\n"
	            "一、将第四条修改为：“甲。\n"
	            "二、删去第五条。\n",
	            TIAO_INPUT_CLEAN, "测试条例", &dg, &rc);
	assert_int_equal(rc, TIAO_EUNSUPPORTED);
	assert_int_equal(dg.errors, 1);
	assert_non_null(strstr(dg.first, "unterminated quote"));
	static const char *const want2[] = { "二 delete T{a5}" };
	S_expect(d, want2, 1);
	tiao_decision_free(d);
}

static void test_package_titles(void **state)
{
	(void)state;
	assert_true(tiao_title_equiv("山西省实施‹中华人民共和国义务教育法›办法",
	                             "山西省实施《中华人民共和国义务教育法》办法"));
	assert_true(tiao_title_equiv("«山西省实施‹中华人民共和国义务教育法›办法»",
	                             "山西省实施〈中华人民共和国义务教育法〉办法"));
	assert_true(tiao_title_equiv("山西省公民献血条例", "山西省 公民献血条例"));
	assert_false(tiao_title_equiv("山西省公民献血条例", "山西省献血条例"));
	/* groups with （一）items, and a group whose instruction has no number */
	diags dg;
	int rc;
	tiao_decision *d = S_corpus("national_weichengnianrenbaohu_2024", "中华人民共和国未成年人保护法", &dg, &rc);
	assert_int_equal(rc, 0);
	assert_false(d->renumber); /* …根据本决定作相应修改，重新公布。 */
	static const char *const want[] = { "二 replace T{a9} Q1" };
	S_expect(d, want, 1);
	tiao_decision_free(d);
	d = S_corpus("national_nongjituiguang_2024", "中华人民共和国农业技术推广法", &dg, &rc);
	static const char *const want2[] = {
		"一、（一） substitute T{a9} O<国务院农业、林业、水利等部门> N<国务院农业农村、林业草原、水利等部门>",
		"一、（一） delete-phrase T{a9} O<同级人民政府科学技术部门对农业技术推广工作进行指导>",
		"一、（二） substitute T{a19} O<会同科学技术等相关部门> N<会同相关部门>",
		"一、（三） substitute T{a23.2} O<教育、人力资源和社会保障、农业、林业、水利、科学技术等部门> "
		"N<教育、人力资源和社会保障、农业农村、林业草原、水利、科学技术等部门>",
	};
	S_expect(d, want2, TIAO_ARRAY_LEN(want2));
	tiao_decision_free(d);
	/* without a title, a package is ambiguous */
	d = S_corpus("national_nongjituiguang_2024", NULL, &dg, &rc);
	assert_int_equal(rc, TIAO_EAMBIGUOUS);
	tiao_decision_free(d);
}

/* Local styles: 1. labels, new text printed without quotes, 在…中，将…, 条例中的, 款首, 款尾增加. */
static void test_local_styles(void **state)
{
	(void)state;
	const char *text = "上海市人民代表大会常务委员会\n"
	                   "关于修改《上海市甲条例》等2件\n"
	                   "地方性法规的决定\n"
	                   "（2024年12月31日上海市第十六届人民代表大会常务委员会第十八次会议通过）\n"
	                   "上海市第十六届人民代表大会常务委员会第十八次会议决定：\n"
	                   "一、对《上海市甲条例》的修改\n"
	                   "1.将第九条修改为：\n"
	                   "从事经营业务，应当具备下列条件：\n"
	                   "（一）有名称、章程；\n"
	                   "（二）有确定的业务范围。\n"
	                   "2.将第三十二条改为第三十一条，第一款修改为：\n"
	                   "举办展销的，应当办理相关手续。\n"
	                   "删去第二款、第三款。\n"
	                   "3.其他修改：\n"
	                   "将条例中的“区、县”均修改为“区”，“卫生”“计划生育”合并修改为“卫生健康”。\n"
	                   "在第四十三条第一款款尾增加“情节严重的，依法吊销其资质许可证”。\n"
	                   "将第七条第一款款首修改为：\n"
	                   "各级人民政府应当重视未成年人保护工作：\n"
	                   "4.将第十一条、第十二条、第十三条合并为一条，作为第十一条，修改为：\n"
	                   "责任人依照法律的相关规定，承担相应责任。\n"
	                   "二、对《上海市乙条例》的修改\n"
	                   "（一）在第十一条第一款、第十五条中，将“环境保护”修改为“生态文明建设”，在“历史文化保护”后增加“基层治理”；\n"
	                   "（二）在第七十条的“市人民政府”后增加“市监察委员会”。\n"
	                   "此外，对相关法规的章节、条款顺序和部分文字作相应调整。\n"
	                   "本决定自2025年1月1日起施行。\n";
	tiao_decision *d = S_clean(text, "上海市甲条例");
	assert_true(d->renumber);
	assert_string_equal(d->organ, "上海市第十六届人民代表大会常务委员会第十八次会议");
	static const char *const want[] = {
		"一、1 replace T{a9} Q3",
		"一、2 renumber T{a32} S=31",
		"一、2 replace T{a32.1} Q1",
		"一、2 delete T{a32.2, a32.3}",
		"一、3 substitute T{doc} O<区、县> N<区> g1",
		"一、3 substitute T{doc} O<卫生> O<计划生育> N<卫生健康> g1",
		"一、3 insert-text T{a43.1} N<情节严重的，依法吊销其资质许可证>",
		"一、3 replace T{a7.1L} Q1",
		"一、4 merge T{a11, a12, a13} P{a11} Q1",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	assert_string_equal(d->instrs[0].quote.paras[2], "（二）有确定的业务范围。");
	assert_int_equal(d->instrs[0].quote.line, 8);
	tiao_decision_free(d);
	d = S_clean(text, "上海市乙条例");
	static const char *const want2[] = {
		"二、（一） substitute T{a11.1, a15} O<环境保护> N<生态文明建设> g1",
		"二、（一） insert-text T{a11.1, a15} O<历史文化保护> N<基层治理> g1",
		"二、（二） insert-text T{a70} O<市人民政府> N<市监察委员会>",
	};
	S_expect(d, want2, TIAO_ARRAY_LEN(want2));
	tiao_decision_free(d);

	/* county style: 增加“…”作为第二款, 合并修改为, 删除条例第七条, “A”删除, a narrative lead-in */
	d = S_synth("一、将第五条第一款修改为“甲。”；增加“乙。”作为第二款；增加“丙。”作为第三款。\n"
	            "二、将第四十六条第一款修改为“丁：”；将第一项、第二项、第三项合并修改为“（一）戊；”；删除第四项、第六项。\n"
	            "三、删除条例第七条、第十一条。\n"
	            "四、此外，按照立法技术规范要求，对条例部分文字表述作了规范，将第一条、第四条中“或”修改为“或者”；"
	            "将第十七条中的“荒废”删除；将相关条款中的“县人民政府”修改为“自治县人民政府”；删除了第五十三条中的“部门”。\n");
	static const char *const want3[] = {
		"一 replace T{a5.1} Q1",
		"一 insert T{a5} P{.2} Q1",
		"一 insert T{a5} P{.3} Q1",
		"二 replace T{a46.1} Q1",
		"二 replace T{a46.1(1), a46.1(2), a46.1(3)} Q1",
		"二 delete T{a46.1(4), a46.1(6)}",
		"三 delete T{a7, a11}",
		"四 substitute T{a1, a4} O<或> N<或者>",
		"四 delete-phrase T{a17} O<荒废>",
		"四 substitute T{doc} O<县人民政府> N<自治县人民政府>",
		"四 delete-phrase T{a53} O<部门>",
	};
	S_expect(d, want3, TIAO_ARRAY_LEN(want3));
	tiao_decision_free(d);

	d = S_synth("一、将第五条第一款、第二款合并为一款，修改为：“甲。”\n"
	            "二、将第十条、第十一条合并为一条，修改为：“乙。”\n"
	            "三、将第九条第一款第二项分为两项，作为第二项、第三项，修改为：“（二）丙；”“（三）丁；”\n"
	            "四、第七条第二款增加一项，作为第三项：“（三）戊；”\n");
	static const char *const want4[] = {
		"一 replace T{a5.1, a5.2} Q1",
		"二 merge T{a10, a11} Q1",
		"三 replace T{a9.1(2)} Q2",
		"四 insert T{a7.2} P{.2(3)} Q1",
	};
	S_expect(d, want4, TIAO_ARRAY_LEN(want4));
	tiao_decision_free(d);

	/* a chapter heading in a scope list; alternatives joined by 和; 删去 several quotes */
	d = S_synth("一、将第二章的章名和第五条第一款中的“备案”修改为“登记”。\n"
	            "二、将第十八条、第二十条中的“表彰奖励”和“表彰、奖励”修改为“褒扬激励”。\n"
	            "三、将第三十二条中的“国土资源”修改为“自然资源”，删去“城乡规划”“环境保护”。\n"
	            "四、将第十二条第一项中的“。”修改为“；”，第二十四条第一款第十二项的“。”修改为“；”。\n");
	static const char *const want5[] = {
		"一 substitute T{ch2, a5.1} O<备案> N<登记>",
		"二 substitute T{a18, a20} O<表彰奖励> O<表彰、奖励> N<褒扬激励>",
		"三 substitute T{a32} O<国土资源> N<自然资源> g1",
		"三 delete-phrase T{a32} O<城乡规划> g1",
		"三 delete-phrase T{a32} O<环境保护> g1",
		"四 substitute T{a12.0(1)} O<。> N<；>",
		"四 substitute T{a24.1(12)} O<。> N<；>",
	};
	S_expect(d, want5, TIAO_ARRAY_LEN(want5));
	tiao_decision_free(d);
}

/* A package: ASCII quotes opened once over several paragraphs; a closing 此外 sentence that
 * amends every regulation of the package. */
/* A 设区的市's decision: the adoption note names the approving meeting (→ d->approval); the new
 * text printed without quotes; 原第X条第Y款修改后并入本条 moves a base paragraph into the inserted
 * article whose full text follows (上海 2024 非机动车): a DELETE of the old paragraph, the text
 * going to the INSERT. */
static void test_city_styles(void **state)
{
	(void)state;
	const char *text = "丽水市人民代表大会常务委员会\n"
	                   "关于修改《丽水市甲规定》的决定\n"
	                   "（2025年9月30日丽水市第五届人民代表大会常务委员会第三十次会议通过　"
	                   "2025年11月26日浙江省第十四届人民代表大会常务委员会第二十次会议批准）\n"
	                   "丽水市第五届人民代表大会常务委员会第三十次会议决定对《丽水市甲规定》作如下修改：\n"
	                   "一、增加一条作为第四十四条，原第四十三条第一款修改后并入本条：\n"
	                   "违反本规定第二十九条第一款规定的，处五十元罚款。\n"
	                   "违反本规定第二十九条第二款规定的，按照下列规定处理：\n"
	                   "（一）甲；\n"
	                   "（二）乙。\n"
	                   "二、将第五条修改为：“丙。”\n"
	                   "本决定自公布之日起施行。\n";
	tiao_decision *d = S_clean(text, "丽水市甲规定");
	assert_string_equal(d->organ, "丽水市第五届人民代表大会常务委员会第三十次会议");
	assert_non_null(d->approval);
	assert_string_equal(d->approval, "2025年11月26日浙江省第十四届人民代表大会常务委员会第二十次会议");
	static const char *const want[] = {
		"一 insert P{a44} Q4",
		"一 delete T{a43.1}",
		"二 replace T{a5} Q1",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	assert_string_equal(d->instrs[0].quote.paras[3], "（二）乙。");
	tiao_decision_free(d);
	/* 通过并经…批准 (山东) */
	d = S_clean("东营市人民代表大会常务委员会关于修改《东营市乙条例》的决定\n"
	            "（2020年9月3日东营市第八届人民代表大会常务委员会第二十八次会议通过并经"
	            "2020年9月25日山东省第十三届人民代表大会常务委员会第二十三次会议批准）\n"
	            "东营市第八届人民代表大会常务委员会第28次会议决定对《东营市乙条例》作如下修改：\n"
	            "一、删去第三条。\n"
	            "本决定自公布之日起施行。\n",
	            "东营市乙条例");
	assert_non_null(d->approval);
	assert_string_equal(d->approval, "2020年9月25日山东省第十三届人民代表大会常务委员会第二十三次会议");
	tiao_decision_free(d);
	/* a provincial decision has none */
	d = S_synth("一、删去第三条。\n");
	assert_null(d->approval);
	tiao_decision_free(d);
	/* 海南 (三亚 2023): a quote closed after its own ；/。 and followed at once by the next clause;
	 * 改为两项，修改为 with both new items in one quoted paragraph */
	d = S_synth("一、将第十二条第七项修改为：“（七）甲；”将第八项修改为：“（八）乙。”\n"
	            "二、将第十八条第一项改为两项，修改为：“（一）丙；（二）丁；”将第二项改为第三项，修改为：“（三）戊；”\n"
	            "三、将第十七条第一项修改为：“（一）己；”增加一项作为第二项：“（二）庚；”。\n");
	static const char *const want2[] = {
		"一 replace T{a12.0(7)} Q1",
		"一 replace T{a12.0(8)} Q1",
		"二 replace T{a18.0(1)} Q2",
		"二 renumber T{a18.0(2)} S=3",
		"二 replace T{a18.0(2)} Q1",
		"三 replace T{a17.0(1)} Q1",
		"三 insert T{a17} P{.0(2)} Q1",
	};
	S_expect(d, want2, TIAO_ARRAY_LEN(want2));
	assert_string_equal(d->instrs[2].quote.paras[0], "（一）丙；");
	assert_string_equal(d->instrs[2].quote.paras[1], "（二）丁；");
	tiao_decision_free(d);
	/* 宁夏 (中卫 2024): 删去 X中的“A”、Y中的“B”，其中…; 单列增加一条，作为第九条：“…”; a chapter merge
	 * into the first one's number with cited headings; a 此外 count summary is a closing note */
	d = S_synth("一、删去第五条第一款中的“、乡（镇）”、第二款中的“甲，乙”，其中“丙”修改为“丁”。\n"
	            "二、将第十条第（一）项单列增加一条，作为第九条：“禁止戊”。\n"
	            "三、将第五章“供水保障”、第六章“用水管理”合并为第五章，章名修改为“供水保障与管理”。\n"
	            "此外，对条例的章节和条文序号作相应调整，条例由八章修改为七章，由五十条修改为四十一条。\n");
	static const char *const want3[] = {
		"一 delete-phrase T{a5.1} O<、乡（镇）>",
		"一 delete-phrase T{a5.2} O<甲，乙>",
		"一 substitute T{a5.2} O<丙> N<丁>",
		"二 split-out T{a10.0(1)} P{a9} Q1",
		"三 merge-division T{ch5, ch6} O<供水保障> O<用水管理> N<供水保障与管理>",
	};
	S_expect(d, want3, TIAO_ARRAY_LEN(want3));
	tiao_decision_free(d);
	/* 辽宁 (丹东 2022): the renumbering ordered inside an item, the closing sentence on its line */
	d = S_synth("一、删除第二十七条第三款，将第二十七条修改为：“甲。”\n"
	            "二、删除第五十三条，第五十三条以后各条序号依次提前。本决定自公布之日起施行。\n");
	static const char *const want4[] = {
		"一 delete T{a27.3}",
		"一 replace T{a27} Q1",
		"二 delete T{a53}",
	};
	S_expect(d, want4, TIAO_ARRAY_LEN(want4));
	assert_true(d->renumber);
	tiao_decision_free(d);
	d = S_synth("一、删除第五十三条。\n");
	assert_false(d->renumber);
	tiao_decision_free(d);
	/* 广东 (东莞 2022): a chapter heading opening a scope list names the heading alone */
	d = S_synth("一、将第二章的章名和第五条第一款、第十一条第二款中的“备案”修改为“登记”。\n"
	            "二、将第三章中的“备案”修改为“登记”。\n");
	static const char *const want5[] = {
		"一 substitute T{ch2, a5.1, a11.2} O<备案> N<登记>",
		"二 substitute T{ch3} O<备案> N<登记>",
	};
	S_expect(d, want5, TIAO_ARRAY_LEN(want5));
	assert_int_equal(d->instrs[0].targets[0].heading, 1);
	assert_int_equal(d->instrs[0].targets[1].heading, 0);
	assert_int_equal(d->instrs[0].targets[2].heading, 0);
	assert_int_equal(d->instrs[1].targets[0].heading, 0);
	tiao_decision_free(d);
	/* the quote's own terminal mark is needed: “甲”将… is not cut there */
	{
		diags dg;
		int rc;
		d = S_parse("关于修改《测试条例》的决定\n"
		            "第十四届全国人民代表大会常务委员会第十次会议决定对《测试条例》作如下修改：\n"
		            "一、将第三条中的“甲”修改为“乙”将第四条删去。\n"
		            "本决定自公布之日起施行。\n",
		            TIAO_INPUT_CLEAN, "测试条例", &dg, &rc);
		assert_int_equal(rc, TIAO_EUNSUPPORTED);
		assert_non_null(strstr(dg.first, "unrecognised instruction"));
		tiao_decision_free(d);
	}
}

static void test_package_all(void **state)
{
	(void)state;
	const char *text = "上海市人民代表大会常务委员会\n"
	                   "关于修改本市部分地方性法规的决定\n"
	                   "（2020年12月30日上海市第十五届人民代表大会\n"
	                   "常务委员会第二十八次会议通过）\n"
	                   "上海市第十五届人民代表大会常务委员会第二十八次会议决定，对《上海市甲条例》等2件地方性法规作如下修改：\n"
	                   "一、对《上海市甲条例》的修改\n"
	                   "1.将第一条中的\"《中华人民共和国合同法》\"修改为\"《中华人民共和国民法典》\"。\n"
	                   "2.将第十八条第一款、第二款修改为：\"业主大会会议可以采用集体讨论形式。\n"
	                   "业主大会作出决定，应当经业主同意。\"\n"
	                   "二、对《上海市乙规定》的修改\n"
	                   "将第六条第一项修改为\"（一）造成消费者人身损害的责任；\"\n"
	                   "此外，根据本决定将相关地方性法规中\"区、县\"的提法统一修改为\"区\"，并对部分文字作相应调整。\n"
	                   "本决定自2021年1月1日起施行。《上海市甲条例》《上海市乙规定》根据本决定作相应修正后，重新公布。\n";
	tiao_decision *d = S_clean(text, "上海市甲条例");
	assert_string_equal(d->date, "2020年12月30日");
	assert_false(d->renumber);
	static const char *const want[] = {
		"一、1 substitute T{a1} O<《中华人民共和国合同法》> N<《中华人民共和国民法典》>",
		"一、2 replace T{a18.1, a18.2} Q2",
		"此外 substitute T{doc} O<区、县> N<区>",
	};
	S_expect(d, want, TIAO_ARRAY_LEN(want));
	assert_false(d->instrs[0].optional);
	assert_true(d->instrs[2].optional);
	assert_string_equal(d->instrs[1].quote.paras[1], "业主大会作出决定，应当经业主同意。");
	tiao_decision_free(d);
	d = S_clean(text, "上海市乙规定");
	static const char *const want2[] = {
		"二 replace T{a6.0(1)} Q1",
		"此外 substitute T{doc} O<区、县> N<区>",
	};
	S_expect(d, want2, TIAO_ARRAY_LEN(want2));
	tiao_decision_free(d);

	/* a renumbering ordered inside one group only concerns that group */
	const char *t2 = "甲市人民代表大会常务委员会关于修改《甲市养犬管理条例》《甲市水源保护条例》两项地方性法规的决定\n"
	                 "甲市第十七届人民代表大会常务委员会第五次会议决定：\n"
	                 "一、对《甲市养犬管理条例》作出修改：\n"
	                 "（一）删去第四十三条。\n"
	                 "此外，对有关条文顺序作相应调整。\n"
	                 "二、对《甲市水源保护条例》作出修改：\n"
	                 "（一）将第十二条中“水行政主管部门”修改为“水务部门”。\n"
	                 "本决定自公布之日起施行。\n"
	                 "《甲市养犬管理条例》《甲市水源保护条例》根据本决定作相应修改后，重新公布。\n";
	d = S_clean(t2, "甲市养犬管理条例");
	assert_true(d->renumber);
	assert_int_equal(d->n, 1);
	tiao_decision_free(d);
	d = S_clean(t2, "甲市水源保护条例");
	assert_false(d->renumber);
	static const char *const want3[] = { "二、（一） substitute T{a12} O<水行政主管部门> N<水务部门>" };
	S_expect(d, want3, 1);
	tiao_decision_free(d);
}

/* A long decision parses in linear time (no quadratic scans). */
static void test_large(void **state)
{
	(void)state;
	tiao_buf b = TIAO_BUF_INIT;
	tiao_buf_puts(&b, S_head);
	for (int i = 1; i <= 20000; i++) {
		tiao_num_write(&b, i);
		tiao_buf_puts(&b, "、将第一条、第二条、第三条中的“甲乙丙”修改为“丁”，删去第四条第二款，将第五条修改为：“戊。\n"
		                  "“（一）己；\n“（二）庚。”\n");
	}
	tiao_decision *d = S_clean(tiao_buf_cstr(&b), "测试条例");
	assert_int_equal(d->n, 60000);
	tiao_decision_free(d);
	tiao_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_all),
		cmocka_unit_test(test_gazette_whole),
		cmocka_unit_test(test_gazette_qihou),
		cmocka_unit_test(test_gazette_wanjiazhai),
		cmocka_unit_test(test_gazette_hezuoshe),
		cmocka_unit_test(test_gazette_xianxue),
		cmocka_unit_test(test_national_cishanfa),
		cmocka_unit_test(test_national_renumber_combined),
		cmocka_unit_test(test_national_lifafa),
		cmocka_unit_test(test_national_amendment),
		cmocka_unit_test(test_sc_package),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_unrecognised),
		cmocka_unit_test(test_package_titles),
		cmocka_unit_test(test_local_styles),
		cmocka_unit_test(test_city_styles),
		cmocka_unit_test(test_package_all),
		cmocka_unit_test(test_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
