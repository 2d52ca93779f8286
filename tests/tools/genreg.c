/*
 * genreg.c — deterministic generator of a regulation, an amending decision, and the consolidated
 * text the decision should produce (for benchmarks and end-to-end tests):
 *
 *   genreg SEED NARTICLES NINSTR BASE_OUT DECISION_OUT [NEW_OUT]
 *
 * BASE_OUT: a regulation in clean form — title, 题注, chapters 第一章　总则 … (one every ~20 articles,
 * the last one 附则), articles 第N条　… with 1–3 paragraphs, some paragraphs with items （一）（二）…,
 * clauses drawn from a small built-in vocabulary, and internal cross-references
 * (依照本条例第十二条第二款的规定 / 违反本条例第八条第一款第（二）项规定的 / 有本条例第九条规定情形的)
 * that always point to an existing article, paragraph and item.
 *
 * DECISION_OUT: a national-style 修改决定 with NINSTR numbered instructions 一、二、… in base article
 * order: 删去第X条。 / 将第X条修改为：“…” / 将第X条第Y款修改为：“…” / 将第X条中的“A”修改为“B”。 (A occurs
 * in that article) / 增加一条，作为第N条：“…” (N in result numbering), and the closing sentences
 * ordering renumbering. Quoted new text may cite other articles, already in result numbering.
 *
 * NEW_OUT: the expected consolidated text — instructions applied, articles renumbered 1..N, every
 * cross-reference carried over from the base rewritten to the new numbers, and the 题注 extended by
 * 根据…决定修正.
 *
 * Invariants kept so that the expected text is unambiguous: each base article receives at most one
 * instruction; articles that are cross-referenced are never deleted or replaced whole (only their
 * phrases or item-less paragraphs change); a chapter's first article is never deleted; new articles
 * are inserted directly after a surviving article (at most one per position), so they belong to that
 * article's chapter; the first and last articles are never touched. When NINSTR does not fit under
 * these rules, fewer instructions are written and a note goes to stderr.
 * With GENREG_RENUMBER=explicit in the environment, the decision states the renumbering of every article
 * it amends whose number changes, in the style of national decisions since 2024 (将第X条改为第Y条，修改为：
 * / 将第X条改为第Y条，第Z款修改为： / 将第X条改为第Y条，其中的“A”修改为“B”。); the texts are the same.
 * The same arguments always give byte-identical files. A one-line summary goes to stdout:
 *   articles=N instructions=K delete=… replace=… paragraph=… substitute=… insert=… result_articles=M
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- utilities */

static unsigned long long S_state;
static unsigned S_rand(void)
{
	S_state = S_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(S_state >> 33);
}
static int S_rn(int n) { return n > 0 ? (int)(S_rand() % (unsigned)n) : 0; }

static void *S_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fprintf(stderr, "genreg: out of memory\n");
		exit(2);
	}
	return p;
}
static void *S_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p) {
		fprintf(stderr, "genreg: out of memory\n");
		exit(2);
	}
	return p;
}
static void *S_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fprintf(stderr, "genreg: out of memory\n");
		exit(2);
	}
	return p;
}

typedef struct {
	char *s;
	size_t len, cap;
} Buf;

static void B_add(Buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t c = b->cap ? b->cap : 64;
		while (c < b->len + n + 1)
			c *= 2;
		b->s = S_xrealloc(b->s, c);
		b->cap = c;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}
static void B_puts(Buf *b, const char *s) { B_add(b, s, strlen(s)); }
static char *B_take(Buf *b)
{
	char *s = b->s ? b->s : strcpy(S_xmalloc(1), "");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

/* Chinese numerals, drafting convention: 十 / 十一 at the head, 一十 inside (一百一十), one 零 per
 * gap (一百零一, 一千零一十), 万 groups (一万零一, 十万). */
static const char *const S_dig[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
static void S_group(Buf *b, long n, int head)
{
	static const char *const units[] = {"千", "百", "十", ""};
	static const long div[] = {1000, 100, 10, 1};
	int started = 0, zero = 0;
	for (int k = 0; k < 4; k++) {
		long d = (n / div[k]) % 10;
		if (d == 0) {
			if (started)
				zero = 1;
			continue;
		}
		if (zero) {
			B_puts(b, "零");
			zero = 0;
		}
		if (!(k == 2 && d == 1 && !started && head))
			B_puts(b, S_dig[d]);
		B_puts(b, units[k]);
		started = 1;
	}
}
static void B_cn(Buf *b, long n)
{
	if (n >= 10000) {
		long hi = n / 10000, lo = n % 10000;
		S_group(b, hi, 1);
		B_puts(b, "万");
		if (lo) {
			if (lo < 1000)
				B_puts(b, "零");
			S_group(b, lo, 0);
		}
	} else
		S_group(b, n, 1);
}

static size_t S_count(const char *hay, const char *needle)
{
	size_t n = 0, k = strlen(needle);
	for (const char *p = strstr(hay, needle); p; p = strstr(p + k, needle))
		n++;
	return n;
}
/* every non-overlapping occurrence of a replaced by r, left to right */
static char *S_replace(const char *s, const char *a, const char *r)
{
	Buf b = {0};
	size_t k = strlen(a);
	const char *p;
	while ((p = strstr(s, a)) != NULL) {
		B_add(&b, s, (size_t)(p - s));
		B_puts(&b, r);
		s = p + k;
	}
	B_puts(&b, s);
	return B_take(&b);
}

/* ---------------------------------------------------------------- vocabulary */

static const char *const S_titles[] = {
    "某省生态环境保护条例", "某省水资源管理条例", "某省安全生产条例", "某省农村公路条例",
    "某省文物保护条例", "某省消防条例", "某省城乡规划条例", "某省森林防火条例",
};
static const char *const S_subj[] = {
    "县级以上人民政府", "县级以上人民政府有关部门", "省人民政府有关主管部门", "设区的市人民政府",
    "乡镇人民政府和街道办事处", "村民委员会和居民委员会", "生产经营单位", "有关行业协会",
    "新闻媒体", "任何单位和个人", "管理机构", "建设单位", "运营单位", "监督管理部门",
};
static const char *const S_verb[] = {
    "应当加强", "应当建立健全", "应当组织开展", "应当依法做好", "应当支持和鼓励", "应当及时公开",
    "负责", "应当定期开展", "应当配合做好", "应当落实",
};
static const char *const S_iverb[] = {
    "组织开展", "建立健全", "依法做好", "定期开展", "督促落实", "统筹推进",
};
/* objects: the phrases that substitution instructions replace (none is part of another) */
static const char *const S_obj[] = {
    "本行政区域内的监督管理工作", "监督检查制度", "宣传教育工作", "信息共享机制", "应急预案编制",
    "风险评估", "安全生产责任制", "档案管理制度", "技术标准体系", "资金保障机制", "日常巡查工作",
    "隐患排查治理", "执法检查", "考核评价制度", "公众参与机制", "专业技术培训", "数据统计分析",
    "社会信用体系建设", "基础设施维护", "举报投诉处理",
};
#define NOBJ ((int)(sizeof S_obj / sizeof S_obj[0]))
static const char *const S_tail[] = {
    "并将所需经费列入本级财政预算", "并向社会公布", "并及时向上级主管部门报告", "保障相关工作有序开展",
    "提高服务和管理水平", "防止损害公共利益", "具体办法由省人民政府制定", "推动相关工作协调发展",
};
static const char *const S_amount[] = {
    "一千元以上一万元以下", "五千元以上五万元以下", "二万元以上二十万元以下", "五万元以上五十万元以下",
};
static const char *const S_lead[] = {
    "%s应当履行下列职责：", "有下列情形之一的，由%s责令改正：", "%s应当做好下列工作：",
    "%s应当遵守下列规定：",
};
static const char *const S_heads[] = {
    "规划与建设", "保护与管理", "监督检查", "服务与保障", "预防与控制", "应急处置", "社会参与",
    "信息化建设", "法律责任",
};
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define PICK(a) ((a)[S_rn(N(a))])

/* ---------------------------------------------------------------- the model */

/* Text of base paragraphs holds cross-references as "\x01INDEX\x02" placeholders into S_refs, so it can
 * be rendered in base or in result numbering. */
typedef struct {
	int art, para, item; /* para/item 0: not named */
} Ref;

typedef struct {
	char *lead; /* the paragraph, or its lead-in when it has items */
	int nitems;
	char **items;
} Para;

enum { OP_NONE, OP_DELETE, OP_REPLACE, OP_PARA, OP_SUBST };

typedef struct {
	int npara;
	Para *p;
	int chapter;    /* >0: the heading of chapter `chapter` precedes this article */
	int referenced; /* some other article cites it */
	int objs[16], nobjs;
	int op, opara;   /* opara: 1-based paragraph for OP_PARA */
	int a, b;        /* S_obj indices for OP_SUBST */
	int nnp;         /* OP_REPLACE: new content (final text); OP_PARA: nnp = 1 */
	Para *np;
	int ins;         /* index of the article inserted right after this one, or -1 */
	long newnum;
} Art;

typedef struct {
	int after;
	long num;
	int npara;
	Para *p;
} Ins;

static Ref *S_refs;
static int S_nrefs, S_caprefs;
static Art *S_art; /* 1-based */
static int S_n;
static const char **S_chapheads; /* 1-based */
static int S_nchap;

static int S_addref(int art, int para, int item)
{
	if (S_nrefs == S_caprefs) {
		S_caprefs = S_caprefs ? 2 * S_caprefs : 1024;
		S_refs = S_xrealloc(S_refs, (size_t)S_caprefs * sizeof *S_refs);
	}
	S_refs[S_nrefs] = (Ref){art, para, item};
	return S_nrefs++;
}

static void S_reftext(Buf *b, long art, int para, int item)
{
	B_puts(b, "本条例第");
	B_cn(b, art);
	B_puts(b, "条");
	if (para) {
		B_puts(b, "第");
		B_cn(b, para);
		B_puts(b, "款");
	}
	if (item) {
		B_puts(b, "第（");
		B_cn(b, item);
		B_puts(b, "）项");
	}
}

/* render placeholder text; newnums: cite articles by their result numbers */
static void S_render(Buf *b, const char *s, int newnums)
{
	for (;;) {
		const char *p = strchr(s, '\x01');
		if (!p) {
			B_puts(b, s);
			return;
		}
		B_add(b, s, (size_t)(p - s));
		char *end;
		long k = strtol(p + 1, &end, 10);
		const Ref *r = &S_refs[k];
		S_reftext(b, newnums ? S_art[r->art].newnum : r->art, r->para, r->item);
		s = end + 1; /* past \x02 */
	}
}

/* Generation context: art != NULL: base text of that article (placeholders, objects recorded);
 * art == NULL: new text for the decision (references written in result numbering). */
typedef struct {
	Art *art;
	int self;
} Ctx;

static void S_obj_put(Buf *b, Ctx *c)
{
	int k = S_rn(NOBJ);
	B_puts(b, S_obj[k]);
	if (c->art && c->art->nobjs < 16)
		c->art->objs[c->art->nobjs++] = k;
}

/* a cross-reference to a random article other than self: placeholder (base) or result numbers */
static int S_put_ref(Buf *b, Ctx *c, int want_item)
{
	if (S_n < 3)
		return 0;
	int j;
	do
		j = 1 + S_rn(S_n);
	while (j == c->self);
	Art *t = &S_art[j];
	if (!c->art) { /* new text: only surviving articles, whole-article citation */
		for (int tries = 0; t->op == OP_DELETE && tries < 50; tries++) {
			j = 1 + S_rn(S_n);
			t = &S_art[j];
		}
		if (t->op == OP_DELETE)
			return 0;
		S_reftext(b, t->newnum, 0, 0);
		return 1;
	}
	int para = 0, item = 0;
	if (S_rn(3) != 0) {
		para = 1 + S_rn(t->npara);
		if (want_item && t->p[para - 1].nitems)
			item = 1 + S_rn(t->p[para - 1].nitems);
	}
	t->referenced = 1;
	char tmp[32];
	snprintf(tmp, sizeof tmp, "\x01%d\x02", S_addref(j, para, item));
	B_puts(b, tmp);
	return 1;
}

static void S_sentence(Buf *b, Ctx *c, int allow_ref)
{
	int form = S_rn(10);
	if (allow_ref && form < 3) {
		Buf r = {0};
		if (S_put_ref(&r, c, form == 1)) {
			char *ref = B_take(&r);
			if (form == 0) {
				B_puts(b, "依照");
				B_puts(b, ref);
				B_puts(b, "的规定，");
				B_puts(b, PICK(S_subj));
				B_puts(b, PICK(S_verb));
				S_obj_put(b, c);
				B_puts(b, "。");
			} else if (form == 1) {
				B_puts(b, "违反");
				B_puts(b, ref);
				B_puts(b, "规定的，由");
				B_puts(b, PICK(S_subj));
				B_puts(b, "责令改正，处");
				B_puts(b, PICK(S_amount));
				B_puts(b, "的罚款。");
			} else {
				B_puts(b, "有");
				B_puts(b, ref);
				B_puts(b, "规定情形的，");
				B_puts(b, PICK(S_subj));
				B_puts(b, "应当依法予以处理。");
			}
			free(ref);
			return;
		}
		free(B_take(&r));
	}
	B_puts(b, PICK(S_subj));
	B_puts(b, PICK(S_verb));
	S_obj_put(b, c);
	switch (S_rn(3)) {
	case 0:
		B_puts(b, "，");
		B_puts(b, PICK(S_tail));
		break;
	case 1:
		B_puts(b, "和");
		S_obj_put(b, c);
		break;
	default:
		break;
	}
	B_puts(b, "。");
}

/* a paragraph; nitems > 0: a lead-in followed by that many items */
static void S_paragraph(Para *p, Ctx *c, int index, int nitems, int allow_ref)
{
	Buf b = {0};
	p->nitems = 0;
	p->items = NULL;
	if (nitems > 0) {
		char lead[256];
		const char *form = S_lead[S_rn(N(S_lead))]; /* one draw per statement: argument order is unspecified */
		snprintf(lead, sizeof lead, form, PICK(S_subj));
		B_puts(&b, lead);
		p->lead = B_take(&b);
		p->nitems = nitems;
		p->items = S_xmalloc((size_t)p->nitems * sizeof *p->items);
		for (int k = 0; k < p->nitems; k++) {
			B_puts(&b, "（");
			B_cn(&b, k + 1);
			B_puts(&b, "）");
			B_puts(&b, PICK(S_iverb));
			S_obj_put(&b, c);
			B_puts(&b, k + 1 < p->nitems ? "；" : "。");
			p->items[k] = B_take(&b);
		}
		return;
	}
	if (index > 0 && S_rn(5) == 0) {
		B_puts(&b, "违反前款规定的，由");
		B_puts(&b, PICK(S_subj));
		B_puts(&b, "责令改正，处");
		B_puts(&b, PICK(S_amount));
		B_puts(&b, "的罚款。");
	} else {
		int ns = 1 + S_rn(2);
		for (int s = 0; s < ns; s++)
			S_sentence(&b, c, allow_ref && s == 0);
	}
	p->lead = B_take(&b);
}

/* fresh content: npara paragraphs, some with items */
static Para *S_content(Ctx *c, int *npara, int allow_ref)
{
	int r = S_rn(20);
	int n = r < 10 ? 1 : r < 17 ? 2 : 3;
	Para *p = S_xmalloc((size_t)n * sizeof *p);
	for (int k = 0; k < n; k++)
		S_paragraph(&p[k], c, k, S_rn(5) == 0 ? 2 + S_rn(4) : 0, allow_ref);
	*npara = n;
	return p;
}

/* ---------------------------------------------------------------- output */

static FILE *S_open(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(2);
	}
	return f;
}
static void S_close(FILE *f, const char *path)
{
	if (ferror(f) || fclose(f) != 0) {
		fprintf(stderr, "genreg: cannot write %s\n", path);
		exit(2);
	}
}

/* an article in clean form: label, U+3000, first paragraph; further paragraphs and items on lines */
static void S_write_article(Buf *o, long num, const Para *p, int npara, int placeholders, int newnums)
{
	B_puts(o, "第");
	B_cn(o, num);
	B_puts(o, "条　");
	for (int k = 0; k < npara; k++) {
		if (placeholders)
			S_render(o, p[k].lead, newnums);
		else
			B_puts(o, p[k].lead);
		B_puts(o, "\n");
		for (int i = 0; i < p[k].nitems; i++) {
			if (placeholders)
				S_render(o, p[k].items[i], newnums);
			else
				B_puts(o, p[k].items[i]);
			B_puts(o, "\n");
		}
	}
}

/* new content quoted in the decision: every paragraph and item opens with “, the last closes with ” */
static void S_write_quote(Buf *o, const Para *p, int npara)
{
	for (int k = 0; k < npara; k++) {
		if (k > 0)
			B_puts(o, "\n");
		B_puts(o, "“");
		B_puts(o, p[k].lead);
		for (int i = 0; i < p[k].nitems; i++) {
			B_puts(o, "\n“");
			B_puts(o, p[k].items[i]);
		}
	}
	B_puts(o, "”\n");
}

static void S_flush(Buf *o, FILE *f)
{
	if (o->len) {
		fwrite(o->s, 1, o->len, f);
		o->len = 0;
	}
}

static const char S_adopt[] = "2020年1月1日某省第一届人民代表大会常务委员会第一次会议通过";
static const char S_dadopt[] = "2024年6月28日第十四届全国人民代表大会常务委员会第十次会议";

int main(int argc, char **argv)
{
	if (argc != 6 && argc != 7) {
		fprintf(stderr, "usage: genreg SEED NARTICLES NINSTR BASE_OUT DECISION_OUT [NEW_OUT]\n");
		return 2;
	}
	unsigned long long seed = strtoull(argv[1], NULL, 10);
	long na = strtol(argv[2], NULL, 10), ni = strtol(argv[3], NULL, 10);
	if (na < 3 || na > 5000000 || ni < 0) {
		fprintf(stderr, "genreg: NARTICLES must be 3..5000000, NINSTR >= 0\n");
		return 2;
	}
	S_state = seed * 2654435761ULL + 0x9E3779B97F4A7C15ULL;
	for (int k = 0; k < 4; k++)
		S_rand();
	const char *style = getenv("GENREG_RENUMBER");
	int explicit = style && strcmp(style, "explicit") == 0;
	S_n = (int)na;
	const char *title = S_titles[S_rn(N(S_titles))];

	/* 1. structure: chapters and the shape of every article (so references can point forward) */
	S_art = S_xcalloc((size_t)S_n + 2, sizeof *S_art);
	S_chapheads = S_xmalloc(((size_t)S_n + 2) * sizeof *S_chapheads);
	for (int i = 1; i <= S_n;) {
		S_art[i].chapter = ++S_nchap;
		S_chapheads[S_nchap] = i == 1 ? "总则" : PICK(S_heads);
		i += 15 + S_rn(11);
	}
	if (S_nchap > 1 && S_art[S_n].chapter == 0) { /* a closing 附则 holding the last article(s) */
		int start = S_n - S_rn(2);
		if (S_art[start].chapter == 0) {
			S_art[start].chapter = ++S_nchap;
			S_chapheads[S_nchap] = "附则";
		}
	}
	for (int i = 1; i <= S_n; i++) {
		Art *a = &S_art[i];
		a->ins = -1;
		int r = S_rn(20);
		a->npara = (i == 1 || i == S_n) ? 1 : r < 10 ? 1 : r < 17 ? 2 : 3;
		a->p = S_xcalloc((size_t)a->npara, sizeof *a->p);
		for (int k = 0; k < a->npara; k++)
			a->p[k].nitems = (i > 2 && i < S_n && S_rn(5) == 0) ? 1 : 0; /* shape only */
	}
	/* item counts must be known before text refers to them */
	for (int i = 1; i <= S_n; i++)
		for (int k = 0; k < S_art[i].npara; k++)
			if (S_art[i].p[k].nitems)
				S_art[i].p[k].nitems = 2 + S_rn(4);

	/* 2. text */
	for (int i = 1; i <= S_n; i++) {
		Art *a = &S_art[i];
		Ctx c = {a, i};
		Buf b = {0};
		if (i == 1) {
			char topic[256];
			size_t tl = strlen(title);
			snprintf(topic, sizeof topic, "%.*s", (int)(tl - strlen("某省") - strlen("条例")),
				 title + strlen("某省"));
			B_puts(&b, "为了加强");
			B_puts(&b, topic);
			B_puts(&b, "工作，保障公共利益，根据有关法律、行政法规，结合本省实际，制定本条例。");
			a->p[0].lead = B_take(&b);
			continue;
		}
		if (i == S_n) {
			B_puts(&b, "本条例自2020年3月1日起施行。");
			a->p[0].lead = B_take(&b);
			continue;
		}
		for (int k = 0; k < a->npara; k++)
			S_paragraph(&a->p[k], &c, k, a->p[k].nitems, 1);
	}

	/* 3. choose the instructions */
	int nins_target = (int)(ni * 15 / 100), nbase_target = (int)ni - nins_target;
	int *cand = S_xmalloc((size_t)S_n * sizeof *cand);
	int nc = 0;
	for (int i = 2; i < S_n; i++)
		cand[nc++] = i;
	for (int k = nc - 1; k > 0; k--) {
		int j = S_rn(k + 1), t = cand[k];
		cand[k] = cand[j];
		cand[j] = t;
	}
	int nbase = 0;
	for (int k = 0; k < nc && nbase < nbase_target; k++) {
		Art *a = &S_art[cand[k]];
		int r = S_rn(85); /* delete 15 : replace 20 : paragraph 20 : substitution 30 */
		int op = r < 15 ? OP_DELETE : r < 35 ? OP_REPLACE : r < 55 ? OP_PARA : OP_SUBST;
		if (op == OP_DELETE && (a->referenced || a->chapter))
			op = OP_SUBST;
		if (op == OP_REPLACE && a->referenced)
			op = OP_PARA;
		if (op == OP_PARA) {
			int free_paras[3], nf = 0;
			for (int x = 0; x < a->npara; x++)
				if (!a->p[x].nitems)
					free_paras[nf++] = x + 1;
			if (nf)
				a->opara = free_paras[S_rn(nf)];
			else
				op = OP_SUBST;
		}
		if (op == OP_SUBST) {
			/* a phrase of this article whose occurrences are the same in placeholder and rendered
			 * text (so no match crosses a reference) */
			int found = 0;
			for (int t = 0; t < a->nobjs && !found; t++) {
				int o = a->objs[(t + S_rn(a->nobjs)) % a->nobjs];
				size_t n1 = 0, n2 = 0;
				Buf rb = {0};
				for (int x = 0; x < a->npara; x++) {
					n1 += S_count(a->p[x].lead, S_obj[o]);
					S_render(&rb, a->p[x].lead, 0);
					for (int y = 0; y < a->p[x].nitems; y++) {
						n1 += S_count(a->p[x].items[y], S_obj[o]);
						B_puts(&rb, "\n");
						S_render(&rb, a->p[x].items[y], 0);
					}
					B_puts(&rb, "\n");
				}
				n2 = rb.s ? S_count(rb.s, S_obj[o]) : 0;
				free(rb.s);
				if (n1 >= 1 && n1 == n2) {
					int bb;
					do
						bb = S_rn(NOBJ);
					while (bb == o || strstr(S_obj[bb], S_obj[o]) || strstr(S_obj[o], S_obj[bb]));
					a->a = o;
					a->b = bb;
					found = 1;
				}
			}
			if (!found)
				continue;
		}
		a->op = op;
		nbase++;
	}
	/* insertions: directly after a surviving article other than the last, at most one per place */
	int nins = 0, cap_ins = nins_target > 0 ? nins_target : 1;
	Ins *ins = S_xmalloc((size_t)cap_ins * sizeof *ins);
	for (int k = nc - 1; k >= 0 && nins < nins_target; k--) {
		int i = cand[k]; /* 2..n-1; reversed order so deletions and insertions interleave */
		if (S_rn(2))
			i--; /* also allow "after the first article" */
		if (i < 1 || i >= S_n || S_art[i].op == OP_DELETE || S_art[i].ins >= 0)
			continue;
		S_art[i].ins = nins;
		ins[nins++] = (Ins){i, 0, 0, NULL};
	}
	if (nbase + nins < ni)
		fprintf(stderr, "genreg: note: %d of %ld instructions fit in %d articles\n", nbase + nins, ni, S_n);

	/* 4. result numbering */
	long cnt = 0;
	for (int i = 1; i <= S_n; i++) {
		Art *a = &S_art[i];
		if (a->op != OP_DELETE)
			a->newnum = ++cnt;
		if (a->ins >= 0)
			ins[a->ins].num = ++cnt;
	}

	/* 5. new content (written in result numbering) */
	for (int i = 1; i <= S_n; i++) {
		Art *a = &S_art[i];
		Ctx c = {NULL, i};
		if (a->op == OP_REPLACE)
			a->np = S_content(&c, &a->nnp, 1);
		else if (a->op == OP_PARA) {
			a->nnp = 1;
			a->np = S_xmalloc(sizeof *a->np);
			S_paragraph(a->np, &c, a->opara - 1, 0, 1);
		}
		if (a->ins >= 0) {
			Ins *in = &ins[a->ins];
			in->p = S_content(&c, &in->npara, 1);
		}
	}

	/* 6. base text */
	Buf o = {0};
	FILE *f = S_open(argv[4]);
	B_puts(&o, title);
	B_puts(&o, "\n（");
	B_puts(&o, S_adopt);
	B_puts(&o, "）\n");
	for (int i = 1; i <= S_n; i++) {
		Art *a = &S_art[i];
		if (a->chapter) {
			B_puts(&o, "第");
			B_cn(&o, a->chapter);
			B_puts(&o, "章　");
			B_puts(&o, S_chapheads[a->chapter]);
			B_puts(&o, "\n");
		}
		S_write_article(&o, i, a->p, a->npara, 1, 0);
		if (o.len > (1 << 20))
			S_flush(&o, f);
	}
	S_flush(&o, f);
	S_close(f, argv[4]);

	/* 7. decision */
	f = S_open(argv[5]);
	B_puts(&o, "全国人民代表大会常务委员会关于修改《");
	B_puts(&o, title);
	B_puts(&o, "》的决定\n（");
	B_puts(&o, S_dadopt);
	B_puts(&o, "通过）\n第十四届全国人民代表大会常务委员会第十次会议决定对《");
	B_puts(&o, title);
	B_puts(&o, "》作如下修改：\n");
	long item = 0;
	for (int i = 1; i <= S_n; i++) {
		Art *a = &S_art[i];
		if (a->op != OP_NONE) {
			B_cn(&o, ++item);
			B_puts(&o, "、");
			switch (a->op) {
			case OP_DELETE:
				B_puts(&o, "删去第");
				B_cn(&o, i);
				B_puts(&o, "条。\n");
				break;
			case OP_REPLACE:
			case OP_PARA:
			case OP_SUBST: {
				/* 2024 style: 将第X条改为第Y条，修改为 / ，第Z款修改为 / ，其中的“A”修改为“B” */
				int moved = explicit && a->newnum != i;
				B_puts(&o, "将第");
				B_cn(&o, i);
				B_puts(&o, "条");
				if (moved) {
					B_puts(&o, "改为第");
					B_cn(&o, a->newnum);
					B_puts(&o, "条，");
				}
				if (a->op == OP_REPLACE) {
					B_puts(&o, "修改为：");
					S_write_quote(&o, a->np, a->nnp);
				} else if (a->op == OP_PARA) {
					B_puts(&o, "第");
					B_cn(&o, a->opara);
					B_puts(&o, "款修改为：");
					S_write_quote(&o, a->np, 1);
				} else {
					B_puts(&o, moved ? "其中的“" : "中的“");
					B_puts(&o, S_obj[a->a]);
					B_puts(&o, "”修改为“");
					B_puts(&o, S_obj[a->b]);
					B_puts(&o, "”。\n");
				}
				break;
			}
			default:
				break;
			}
		}
		if (a->ins >= 0) {
			Ins *in = &ins[a->ins];
			B_cn(&o, ++item);
			B_puts(&o, "、增加一条，作为第");
			B_cn(&o, in->num);
			B_puts(&o, "条：");
			S_write_quote(&o, in->p, in->npara);
		}
		if (o.len > (1 << 20))
			S_flush(&o, f);
	}
	B_puts(&o, "本决定自2025年1月1日起施行。\n《");
	B_puts(&o, title);
	B_puts(&o, "》根据本决定作相应修改并对条文顺序作相应调整，重新公布。\n");
	S_flush(&o, f);
	S_close(f, argv[5]);

	/* 8. expected consolidated text */
	if (argc == 7) {
		f = S_open(argv[6]);
		B_puts(&o, title);
		B_puts(&o, "\n（");
		B_puts(&o, S_adopt);
		B_puts(&o, "　根据");
		B_puts(&o, S_dadopt);
		B_puts(&o, "关于修改《");
		B_puts(&o, title);
		B_puts(&o, "》的决定修正）\n");
		for (int i = 1; i <= S_n; i++) {
			Art *a = &S_art[i];
			if (a->chapter) {
				B_puts(&o, "第");
				B_cn(&o, a->chapter);
				B_puts(&o, "章　");
				B_puts(&o, S_chapheads[a->chapter]);
				B_puts(&o, "\n");
			}
			switch (a->op) {
			case OP_DELETE:
				break;
			case OP_REPLACE:
				S_write_article(&o, a->newnum, a->np, a->nnp, 0, 0);
				break;
			case OP_PARA: {
				/* the new paragraph is quoted text (no placeholders): written as is */
				char *save = a->p[a->opara - 1].lead;
				a->p[a->opara - 1].lead = a->np[0].lead;
				S_write_article(&o, a->newnum, a->p, a->npara, 1, 1);
				a->p[a->opara - 1].lead = save;
				break;
			}
			case OP_SUBST: {
				Para *q = S_xmalloc((size_t)a->npara * sizeof *q);
				for (int x = 0; x < a->npara; x++) {
					q[x].lead = S_replace(a->p[x].lead, S_obj[a->a], S_obj[a->b]);
					q[x].nitems = a->p[x].nitems;
					q[x].items = q[x].nitems ? S_xmalloc((size_t)q[x].nitems * sizeof(char *)) : NULL;
					for (int y = 0; y < q[x].nitems; y++)
						q[x].items[y] = S_replace(a->p[x].items[y], S_obj[a->a], S_obj[a->b]);
				}
				S_write_article(&o, a->newnum, q, a->npara, 1, 1);
				for (int x = 0; x < a->npara; x++) {
					free(q[x].lead);
					for (int y = 0; y < q[x].nitems; y++)
						free(q[x].items[y]);
					free(q[x].items);
				}
				free(q);
				break;
			}
			default:
				S_write_article(&o, a->newnum, a->p, a->npara, 1, 1);
				break;
			}
			if (a->ins >= 0) {
				Ins *in = &ins[a->ins];
				S_write_article(&o, in->num, in->p, in->npara, 0, 0);
			}
			if (o.len > (1 << 20))
				S_flush(&o, f);
		}
		S_flush(&o, f);
		S_close(f, argv[6]);
	}
	free(o.s);
	int cnt_op[5] = {0};
	for (int i = 1; i <= S_n; i++)
		cnt_op[S_art[i].op]++;
	printf("articles=%d instructions=%d delete=%d replace=%d paragraph=%d substitute=%d insert=%d "
	       "result_articles=%ld\n",
	       S_n, nbase + nins, cnt_op[OP_DELETE], cnt_op[OP_REPLACE], cnt_op[OP_PARA], cnt_op[OP_SUBST], nins,
	       cnt);
	return 0;
}
