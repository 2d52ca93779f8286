/*
 * decision.c — a 修改决定 / 修正案 as a list of elementary instructions (decision.h).
 *
 * The forms read are those of amendment-semantics.md §3, checked against every decision of the
 * corpus and the sample gazette. The parser works in three passes, each linear in the input:
 *
 *  1. Classify paragraphs. A running quote state (“…” or ASCII "…", a multi-paragraph block opening
 *     every paragraph and closing only the last, or closing each, or opening only the first) tells
 *     which paragraphs lie inside a quote; the others are header lines (title, adoption note,
 *     preamble), numbered items (一、 / １、 / （一）, numbers checked to run in sequence), their
 *     unnumbered continuations, closing sentences (本决定自…施行, …重新公布, 此外…) and annexes
 *     (附件N; a list of repealed regulations is skipped).
 *  2. Build units. A unit is one numbered item with its continuations; group headers
 *     (一、对《A》作出修改) and titles named inline (五、将《A》第七条修改为…) give each unit the
 *     regulation it amends. Only the units of the wanted regulation are parsed further.
 *  3. Parse clauses. The unit's paragraphs are joined (with a hard break between paragraphs, and
 *     none where a PDF line wrap cut a sentence), and a recursive-descent parser reads clause after
 *     clause: references (第X条第Y款第（Z）项, lists with 、/和, ranges with 至, numbers without 第),
 *     quotes and quote blocks, and the operation words. A bare 第Y款 or 其中 takes its article or
 *     scope from the clause before. A clause it cannot read is reported (unrecognised instruction)
 *     with its line and column, and parsing goes on with the next sentence.
 *
 * Beyond the national and provincial forms of the corpus the parser reads the local styles seen in
 * other real decisions: item labels 1. / （1）, new text printed without quotes after 修改为：,
 * 在第X条中，将“A”修改为“B”, 款首/款尾, 合并修改为, “A”删除, and a closing 此外 sentence that
 * amends every regulation of a package (marked optional). Narrative prose (宽甸-style 修正案 that
 * describe rather than instruct) is reported, never guessed.
 *
 * Every pass is linear in the input; the tests parse a 70 MB decision in a few seconds.
 */
#include "decision.h"

#include "numeral.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------------------------------------ */
/* names                                                                                       */

const char *tiao_op_name(tiao_op op)
{
	switch (op) {
	case TIAO_OP_NONE: return "none";
	case TIAO_OP_DELETE: return "delete";
	case TIAO_OP_DELETE_PHRASE: return "delete-phrase";
	case TIAO_OP_REPLACE: return "replace";
	case TIAO_OP_SUBST: return "substitute";
	case TIAO_OP_INSERT_TEXT: return "insert-text";
	case TIAO_OP_INSERT: return "insert";
	case TIAO_OP_SPLIT_OUT: return "split-out";
	case TIAO_OP_MERGE: return "merge";
	case TIAO_OP_SPLIT_ARTICLE: return "split-article";
	case TIAO_OP_MOVE: return "move";
	case TIAO_OP_RENUMBER: return "renumber";
	case TIAO_OP_MERGE_DIVISION: return "merge-division";
	case TIAO_OP_HEADING: return "heading";
	case TIAO_OP_HEADING_SUBST: return "heading-substitute";
	}
	return "?";
}

/* ------------------------------------------------------------------------------------------ */
/* characters                                                                                  */

static uint32_t S_cp(const char *s, size_t len, size_t i, size_t *next)
{
	if (i >= len) {
		if (next)
			*next = len;
		return 0;
	}
	size_t j = i;
	uint32_t cp = tiao_utf8_next(s, len, &j);
	if (next)
		*next = j;
	return cp;
}

static bool S_is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x3000 || cp == 0xA0;
}
static bool S_is_open(uint32_t cp) { return cp == 0x201C || cp == '"'; }
static bool S_is_comma(uint32_t cp) { return cp == 0xFF0C || cp == ','; }
static bool S_is_semi(uint32_t cp) { return cp == 0xFF1B || cp == ';'; }
static bool S_is_colon(uint32_t cp) { return cp == 0xFF1A || cp == ':'; }
static bool S_is_period(uint32_t cp) { return cp == 0x3002 || cp == '.'; }
/* marks that may end a paragraph (a PDF line ending in one of them is not a mid-sentence wrap) */
static bool S_is_terminal(uint32_t cp)
{
	return S_is_period(cp) || S_is_semi(cp) || S_is_colon(cp) || cp == 0xFF01 || cp == 0xFF1F ||
	       cp == '!' || cp == '?' || cp == 0xFF0E;
}

static bool S_starts(const char *s, const char *lit) { return strncmp(s, lit, strlen(lit)) == 0; }

static const char *S_find(const char *s, size_t len, const char *lit)
{
	size_t m = strlen(lit);
	if (m == 0 || m > len)
		return NULL;
	for (size_t i = 0; i + m <= len; i++)
		if (s[i] == lit[0] && memcmp(s + i, lit, m) == 0)
			return s + i;
	return NULL;
}

static bool S_contains(const char *s, size_t len, const char *lit) { return S_find(s, len, lit) != NULL; }

/* Last non-blank code point of s[0..len). */
static uint32_t S_last_cp(const char *s, size_t len)
{
	size_t i = len;
	while (i > 0) {
		size_t j = i;
		uint32_t cp = tiao_utf8_prev(s, &j);
		i = j;
		if (!S_is_blank(cp) && cp != '\n')
			return cp;
	}
	return 0;
}

/* First non-blank position of s. */
static size_t S_skip_blank(const char *s, size_t len, size_t i)
{
	while (i < len) {
		size_t j;
		uint32_t cp = S_cp(s, len, i, &j);
		if (!S_is_blank(cp))
			break;
		i = j;
	}
	return i;
}

/* ------------------------------------------------------------------------------------------ */
/* titles                                                                                      */

static uint32_t S_title_fold1(uint32_t cp)
{
	switch (cp) {
	case 0x00AB: case 0x2039: case 0x3008: case 0x300A: case 0xFF1C: case '<': return 0x300A;
	case 0x00BB: case 0x203A: case 0x3009: case 0x300B: case 0xFF1E: case '>': return 0x300B;
	case 0xFF08: return '(';
	case 0xFF09: return ')';
	default: return cp;
	}
}

static void S_title_key(tiao_buf *b, const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp = tiao_utf8_next(s, len, &i);
		if (tiao_cp_is_space(cp) || S_is_blank(cp) || cp == '\n')
			continue;
		cp = S_title_fold1(cp);
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		tiao_buf_put_cp(b, cp);
	}
}

/* The title without enclosing book-title marks. */
static void S_title_key_bare(tiao_buf *b, const char *s)
{
	S_title_key(b, s);
	const char *o = "\xE3\x80\x8A", *c = "\xE3\x80\x8B"; /* 《 》 */
	if (b->len >= 6 && memcmp(b->data, o, 3) == 0 && memcmp(b->data + b->len - 3, c, 3) == 0) {
		memmove(b->data, b->data + 3, b->len - 6);
		b->len -= 6;
	}
}

bool tiao_title_equiv(const char *a, const char *b)
{
	if (!a || !b)
		return false;
	tiao_buf x = TIAO_BUF_INIT, y = TIAO_BUF_INIT;
	S_title_key_bare(&x, a);
	S_title_key_bare(&y, b);
	bool eq = !x.failed && !y.failed && x.len == y.len && (x.len == 0 || memcmp(x.data, y.data, x.len) == 0);
	tiao_buf_free(&x);
	tiao_buf_free(&y);
	return eq;
}

static bool S_is_title_open(uint32_t cp) { return cp == 0x300A || cp == 0x00AB; }

/* A book title starting at s[i] (《 or «), nested marks allowed; on success *end is past the
 * closing mark and the title text (without the outer marks) is [*ts, *te). */
static bool S_read_title(const char *s, size_t len, size_t i, size_t *ts, size_t *te, size_t *end)
{
	size_t j;
	uint32_t cp = S_cp(s, len, i, &j);
	if (!S_is_title_open(cp))
		return false;
	int depth = 1;
	*ts = j;
	while (j < len) {
		size_t k;
		uint32_t c = S_cp(s, len, j, &k);
		if (c == '\n')
			return false;
		uint32_t f = S_title_fold1(c);
		if (f == 0x300A)
			depth++;
		else if (f == 0x300B) {
			if (--depth == 0) {
				*te = j;
				*end = k;
				return true;
			}
		}
		j = k;
	}
	return false;
}

/* ------------------------------------------------------------------------------------------ */
/* the decision being built                                                                    */

typedef enum {
	PK_HEADER = 0, /* title, adoption note, preamble */
	PK_ITEM,       /* starts a numbered item */
	PK_CONT,       /* continues the item before (unnumbered, or inside a quote) */
	PK_CLOSING,    /* 本决定自…施行, …重新公布, 此外… */
	PK_ANNEX_HEAD, /* 附件N / 附件： */
	PK_SKIP        /* inside an annex list, or otherwise not part of any instruction */
} para_kind;

typedef struct pinfo {
	para_kind kind;
	int level;        /* PK_ITEM: 1 = 一、, 2 = １、 or （一） */
	long num;         /* PK_ITEM: its number */
	size_t body;      /* PK_ITEM: byte offset after the label */
	bool open_at_end; /* a quote is still open at the end of the paragraph */
} pinfo;

typedef struct unit {
	size_t first, last;   /* paragraph indices (relative to the decision's first) */
	char *label;
	const char *title;    /* regulation this unit amends (package decisions), or NULL */
	bool is_header;       /* a group header (一、对《A》作出修改) with no instruction of its own */
	bool skip;            /* not an instruction (附件 notes, closing sentences) */
	bool all;             /* 此外，…将相关地方性法规中的“A”统一修改为“B”: every regulation of a package */
	size_t body0;         /* byte offset of the body in the first paragraph */
} unit;

typedef struct srcmap {
	size_t buf_off;       /* offset in the unit buffer */
	size_t para;          /* paragraph index (absolute) */
	size_t para_off;      /* offset in that paragraph */
} srcmap;

typedef struct dctx {
	tiao_decision *d;
	const tiao_paras *paras;
	size_t first, n;
	tiao_diag_cb cb;
	void *payload;
	tiao_error *err;
	int rc;
	int next_group;
	const char *short_title; /* 刑法 for 中华人民共和国刑法 (修正案) */
	int oom;
} dctx;

static void S_locate(const tiao_para *p, size_t off, size_t *line, size_t *col)
{
	tiao_para_locate(p, off, line, col);
}

static void S_report(dctx *c, int code, size_t line, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void S_report(dctx *c, int code, size_t line, size_t col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->cb) {
		tiao_diag dg;
		dg.severity = TIAO_ERRORSEV;
		dg.check = "unrecognised-instruction";
		dg.message = msg;
		dg.file = c->paras->filename;
		dg.line = line;
		dg.column = col;
		c->cb(&dg, c->payload);
	}
	if (c->rc == 0) {
		c->rc = code;
		tiao_error_set(c->err, code, c->paras->filename, line, col, "%s", msg);
	}
}

static char *S_dup(dctx *c, const char *s, size_t len)
{
	char *r = tiao_arena_strndup(&c->d->arena, s, len);
	if (!r)
		c->oom = 1;
	return r;
}

/* Copy of s[0..len) with line breaks and doubled blanks removed (for clause texts and messages). */
static char *S_dup_line(dctx *c, const char *s, size_t len)
{
	tiao_buf b = TIAO_BUF_INIT;
	for (size_t i = 0; i < len; i++)
		if (s[i] != '\n' && s[i] != '\r')
			tiao_buf_putc(&b, s[i]);
	char *r = S_dup(c, b.data ? b.data : "", b.len);
	tiao_buf_free(&b);
	return r;
}

/* ------------------------------------------------------------------------------------------ */
/* pass 1: quote state and paragraph classes                                                   */

typedef struct qstate {
	bool open;
	bool ascii;
	int nest;
} qstate;

/* Update the quote state over one paragraph (the same rules the quote reader applies). */
static void S_scan_quotes(const char *s, size_t len, qstate *q)
{
	size_t i = S_skip_blank(s, len, 0);
	if (q->open && i < len) {
		uint32_t cp = S_cp(s, len, i, NULL);
		if ((q->ascii && cp == '"') || (!q->ascii && cp == 0x201C))
			i += q->ascii ? 1 : 3; /* the opening mark of a continued block */
	}
	while (i < len) {
		size_t j;
		uint32_t cp = S_cp(s, len, i, &j);
		if (!q->open) {
			if (cp == 0x201C) {
				q->open = true;
				q->ascii = false;
				q->nest = 0;
			} else if (cp == '"') {
				q->open = true;
				q->ascii = true;
				q->nest = 0;
			}
		} else if (q->ascii) {
			if (cp == '"')
				q->open = false;
		} else {
			if (cp == 0x201C)
				q->nest++;
			else if (cp == 0x201D) {
				if (q->nest > 0)
					q->nest--;
				else
					q->open = false;
			}
		}
		i = j;
	}
}

static bool S_is_cn_digit(uint32_t cp) { return tiao_num_is_cn(cp); }

/* Item label at the start of s: 一、 (level 1), １、 / 1、 / （一） / (一) (level 2). */
static bool S_item_label(const char *s, size_t len, int *level, long *num, size_t *body)
{
	size_t i = S_skip_blank(s, len, 0), used;
	uint32_t cp = S_cp(s, len, i, NULL);
	if (S_is_cn_digit(cp)) {
		long v = tiao_num_read(s + i, len - i, &used);
		if (v > 0 && S_starts(s + i + used, "、")) {
			*level = 1;
			*num = v;
			*body = i + used + 3;
			return true;
		}
		return false;
	}
	if (tiao_cp_is_digit(cp)) {
		long v = tiao_num_read(s + i, len - i, &used);
		if (v > 0 && S_starts(s + i + used, "、")) {
			*level = 2;
			*num = v;
			*body = i + used + 3;
			return true;
		}
		/* 1. / １． (not a decimal number) */
		size_t dl = S_starts(s + i + used, ".") ? 1 : S_starts(s + i + used, "．") ? 3 : 0;
		if (v > 0 && dl && !tiao_cp_is_digit(S_cp(s, len, i + used + dl, NULL)) && i + used + dl < len) {
			*level = 2;
			*num = v;
			*body = i + used + dl;
			return true;
		}
		return false;
	}
	if (cp == 0xFF08 || cp == '(') {
		size_t j;
		S_cp(s, len, i, &j);
		long v = tiao_num_read(s + j, len - j, &used);
		if (v <= 0)
			return false;
		size_t k;
		uint32_t c2 = S_cp(s, len, j + used, &k);
		if (c2 == 0xFF09 || c2 == ')') {
			*level = 2;
			*num = v;
			*body = k;
			return true;
		}
	}
	return false;
}

static const char *const S_op_words[] = { "修改为", "删去", "删除", "增加", "改为", "合并", "并入",
	                                  "作为", "单列", "单作", "调整为", "移作", "分为" };

static bool S_has_op_word(const char *s, size_t len)
{
	for (size_t k = 0; k < TIAO_ARRAY_LEN(S_op_words); k++)
		if (S_contains(s, len, S_op_words[k]))
			return true;
	return false;
}

/* A count of chapters / articles: numerals then 章 / 节 / 条; the end offset or 0. */
static size_t S_count_at(const char *s, size_t len, size_t i)
{
	size_t j = i, k;
	while (j < len) {
		uint32_t cp = S_cp(s, len, j, &k);
		if (!(S_is_cn_digit(cp) || tiao_cp_is_digit(cp)))
			break;
		j = k;
	}
	if (j == i)
		return 0;
	if (S_starts(s + j, "章") || S_starts(s + j, "节") || S_starts(s + j, "条"))
		return j + 3;
	return 0;
}

/* The op words of a 此外 sentence outside its count summaries (条例由八章修改为七章，由五十条修改为
 * 四十一条 — 宁夏 中卫 2024): a sentence with nothing else is a closing note, not an instruction. */
static bool S_has_op_word_beyond_counts(const char *s, size_t len)
{
	char *t = malloc(len + 1);
	if (!t)
		return true;
	memcpy(t, s, len);
	t[len] = '\0';
	for (size_t i = 0; i + 3 <= len;) {
		size_t a, b;
		if (S_starts(t + i, "由") && (a = S_count_at(t, len, i + 3)) != 0) {
			size_t v = 0;
			if (S_starts(t + a, "修改为"))
				v = 9;
			else if (S_starts(t + a, "改为"))
				v = 6;
			if (v && (b = S_count_at(t, len, a + v)) != 0) {
				memset(t + i, ' ', b - i);
				i = b;
				continue;
			}
		}
		size_t k;
		S_cp(t, len, i, &k);
		i = k > i ? k : i + 1;
	}
	bool r = S_has_op_word(t, len);
	free(t);
	return r;
}

static bool S_is_closing_text(const char *s, size_t len)
{
	size_t i = S_skip_blank(s, len, 0);
	const char *t = s + i;
	size_t n = len - i;
	if (S_starts(t, "本决定") || S_starts(t, "本修正案"))
		return true;
	if (S_starts(t, "此外") && !S_has_op_word_beyond_counts(t, n))
		return true;
	if (S_contains(t, n, "重新公布") || S_contains(t, n, "根据本决定作相应修改"))
		return true;
	return false;
}

static bool S_is_annex_head(const char *s, size_t len)
{
	size_t i = S_skip_blank(s, len, 0);
	if (!S_starts(s + i, "附件"))
		return false;
	i += 6;
	/* 附件, 附件：…, 附件1, 附件１ */
	while (i < len) {
		size_t j;
		uint32_t cp = S_cp(s, len, i, &j);
		if (!(tiao_cp_is_digit(cp) || S_is_cn_digit(cp) || S_is_blank(cp) || S_is_colon(cp)))
			return S_is_colon(S_cp(s, len, i, NULL)) || len - i < 1 ? true : false;
		if (S_is_colon(cp))
			return true;
		i = j;
	}
	return true;
}

/* Whether a paragraph reads as an instruction (to end an unquoted block of new text). */
static bool S_is_instr_line(const char *s, size_t len)
{
	size_t i = S_skip_blank(s, len, 0);
	{
		int lv;
		long nm;
		size_t bd;
		if (S_item_label(s, len, &lv, &nm, &bd))
			i = S_skip_blank(s, len, bd);
	}
	const char *t = s + i;
	static const char *const verbs[] = { "将", "删去", "删除", "增加", "在第", "在“", "在\"", "原第", "对第",
		                             "其他修改" };
	for (size_t k = 0; k < TIAO_ARRAY_LEN(verbs); k++)
		if (S_starts(t, verbs[k]))
			return true;
	if (!S_starts(t, "第"))
		return false;
	/* 第三项修改为 / 第二款中的“A”修改为 / 第一款改为第二款 */
	size_t j = i;
	while (j < len && S_starts(s + j, "第")) {
		size_t used;
		long v = tiao_num_read(s + j + 3, len - j - 3, &used);
		if (v < 0)
			return false;
		j += 3 + used;
		static const char *const lv[] = { "条", "款", "项", "目", "章", "节" };
		bool ok = false;
		for (size_t k = 0; k < TIAO_ARRAY_LEN(lv) && !ok; k++)
			if (S_starts(s + j, lv[k]))
				j += 3, ok = true;
		if (!ok)
			return false;
		if (S_starts(s + j, "、"))
			j += 3;
	}
	static const char *const ops[] = { "修改为", "改为", "中的", "增加", "删去", "作为", "分为", "合并" };
	for (size_t k = 0; k < TIAO_ARRAY_LEN(ops); k++)
		if (S_starts(s + j, ops[k]))
			return true;
	return false;
}

/* The style of an item label: 0 一、/１、, 1 1. / １．, 2 （一）. */
static int S_label_style(const char *s, size_t len)
{
	size_t i = S_skip_blank(s, len, 0);
	if (S_starts(s + i, "（") || S_starts(s + i, "("))
		return 2;
	while (i < len && tiao_cp_is_digit(S_cp(s, len, i, NULL)))
		S_cp(s, len, i, &i);
	return (S_starts(s + i, ".") || S_starts(s + i, "．")) ? 1 : 0;
}

/* A paragraph announcing new text after its colon (修改为： / 作为第X条： / 内容如下：). */
static bool S_announces_block(const char *s, size_t len)
{
	if (!S_is_colon(S_last_cp(s, len)))
		return false;
	return S_contains(s, len, "修改为") || S_contains(s, len, "内容如下") ||
	       (S_contains(s, len, "增加") && S_contains(s, len, "作为"));
}

/* ------------------------------------------------------------------------------------------ */
/* pass 3: the clause parser                                                                   */

typedef struct ref {
	tiao_addr a;
	tiao_at top, bottom;
	int list[64];
	size_t nlist; /* > 1 when the bottom level lists several numbers (第三、四、五、六款) */
	bool leadin;
} ref;

#define MAXT 256

typedef struct tlist {
	tiao_addr a[MAXT];
	size_t n;
} tlist;

typedef struct qblock {
	TIAO_VEC(const char *) paras;
	TIAO_VEC(size_t) offs; /* buffer offset where each paragraph starts */
	size_t line, col;
	size_t start; /* buffer offset of the first opening mark */
	bool ok;
} qblock;

static void S_qfree(qblock *q)
{
	TIAO_VEC_FREE(&q->paras);
	TIAO_VEC_FREE(&q->offs);
}

typedef struct pending {
	size_t instr;   /* index in d->instrs */
	tiao_at at;     /* ARTICLE / CHAPTER / SECTION: which label in a 内容如下 block it takes */
	int num;
	bool subsumed_ok; /* 修正案: 增加一款作为第二款，将该条修改为 — the REPLACE quote holds it */
} pending;

typedef struct P {
	dctx *c;
	unit *u;
	const char *s;
	size_t len, i;
	const srcmap *map;
	size_t nmap;
	/* context */
	tiao_addr ctx;        /* article (and paragraph) the last clause was about, base numbering */
	bool ctx_ok;
	bool ctx_result;      /* the last clause created a result article, res (增加两款 goes there) */
	tiao_addr res;
	tlist *last;          /* scope of the last clause (for 其中) */
	int last_group;       /* group of the last phrase scope */
	size_t last_group_n;
	size_t clause_start;
	size_t first_instr;   /* first instruction emitted for the current clause */
	TIAO_VEC(pending) pend;
	size_t unit_first_instr;
	const char *why; /* detail for the next failure report */
	/* headings cited after division references in the last reference list (第五章“供水保障”、…):
	 * cited[k] for the k-th address, NULL when none */
	const char *cited[16];
	size_t ncited;
} P;

static void S_where(P *p, size_t off, size_t *line, size_t *col)
{
	size_t k = 0;
	size_t lo = 0, hi = p->nmap;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (p->map[mid].buf_off <= off)
			lo = mid;
		else
			hi = mid;
	}
	k = lo;
	const srcmap *m = &p->map[k];
	const tiao_para *para = &p->c->paras->items[m->para];
	size_t po = m->para_off + (off - m->buf_off);
	if (po > para->len)
		po = para->len;
	S_locate(para, po, line, col);
}

/* ---- low-level scanning ---- */

static void S_ws(P *p) { p->i = S_skip_blank(p->s, p->len, p->i); }

static uint32_t S_peek(P *p)
{
	S_ws(p);
	return S_cp(p->s, p->len, p->i, NULL);
}

static bool S_at(P *p, const char *lit)
{
	S_ws(p);
	return S_starts(p->s + p->i, lit);
}

static bool S_eat(P *p, const char *lit)
{
	if (S_at(p, lit)) {
		p->i += strlen(lit);
		return true;
	}
	return false;
}

static bool S_eat_any(P *p, const char *const *lits, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (S_eat(p, lits[k]))
			return true;
	return false;
}

static bool S_eat_cp(P *p, bool (*cls)(uint32_t))
{
	size_t j;
	S_ws(p);
	uint32_t cp = S_cp(p->s, p->len, p->i, &j);
	if (p->i < p->len && cls(cp)) {
		p->i = j;
		return true;
	}
	return false;
}

static bool S_eat_comma(P *p) { return S_eat_cp(p, S_is_comma); }
static bool S_eat_colon(P *p) { return S_eat_cp(p, S_is_colon); }

/* At the end of a clause: ，；。 line break or end. */
static bool S_at_sep(P *p)
{
	uint32_t cp = S_peek(p);
	return p->i >= p->len || cp == '\n' || S_is_comma(cp) || S_is_semi(cp) || S_is_period(cp);
}

/* A clause that ends in a quote closed after its own sentence end (“（七）…的预案；” / “…。”) and is
 * followed at once by the next clause's verb, without ，；。 between them (三亚 2023:
 * 将第七项修改为：“（七）…；”将第八项修改为：“…”): the quote's terminal mark ends the clause. */
static bool S_at_quote_sep(P *p)
{
	size_t i = p->i;
	while (i > 0 && (p->s[i - 1] == ' ' || p->s[i - 1] == '\t'))
		i--;
	size_t q;
	if (i >= 3 && memcmp(p->s + i - 3, "\xE2\x80\x9D", 3) == 0)
		q = i - 3;
	else if (i >= 1 && p->s[i - 1] == '"')
		q = i - 1;
	else
		return false;
	bool term = (q >= 3 && (memcmp(p->s + q - 3, "；", 3) == 0 || memcmp(p->s + q - 3, "。", 3) == 0)) ||
	            (q >= 1 && (p->s[q - 1] == ';' || p->s[q - 1] == '.'));
	if (!term)
		return false;
	static const char *const verbs[] = { "将", "增加", "删去", "删除", "在" };
	for (size_t k = 0; k < TIAO_ARRAY_LEN(verbs); k++)
		if (S_at(p, verbs[k]))
			return true;
	return false;
}

/* ---- numbers and references ---- */

static long S_read_num(P *p, size_t at, size_t *end)
{
	size_t used;
	uint32_t cp = S_cp(p->s, p->len, at, NULL);
	if (!(S_is_cn_digit(cp) || tiao_cp_is_digit(cp)))
		return -1;
	long v = tiao_num_read(p->s + at, p->len - at, &used);
	if (v < 0 || used == 0)
		return -1;
	*end = at + used;
	return v;
}

/* A number, possibly in parentheses （四） / (四). */
static long S_read_num_paren(P *p, size_t at, size_t *end, bool *paren)
{
	size_t j;
	uint32_t cp = S_cp(p->s, p->len, at, &j);
	*paren = false;
	if (cp == 0xFF08 || cp == '(') {
		size_t e;
		long v = S_read_num(p, j, &e);
		if (v < 0)
			return -1;
		size_t k;
		uint32_t c2 = S_cp(p->s, p->len, e, &k);
		if (c2 != 0xFF09 && c2 != ')')
			return -1;
		*end = k;
		*paren = true;
		return v;
	}
	return S_read_num(p, at, end);
}

static const struct {
	const char *word;
	tiao_at at;
} S_levels[] = {
	{ "分编", TIAO_AT_SUBPART }, { "编", TIAO_AT_PART },        { "章", TIAO_AT_CHAPTER },
	{ "节", TIAO_AT_SECTION },   { "条", TIAO_AT_ARTICLE },     { "款", TIAO_AT_PARAGRAPH },
	{ "项", TIAO_AT_ITEM },      { "目", TIAO_AT_SUBITEM },     { "自然段", TIAO_AT_LEADIN },
	{ "句", TIAO_AT_NONE },
};

static int S_level_at(P *p, size_t at, tiao_at *lv, size_t *end, bool *sentence)
{
	for (size_t k = 0; k < TIAO_ARRAY_LEN(S_levels); k++) {
		if (S_starts(p->s + at, S_levels[k].word)) {
			*lv = S_levels[k].at;
			*sentence = S_levels[k].at == TIAO_AT_NONE;
			*end = at + strlen(S_levels[k].word);
			return 1;
		}
	}
	return 0;
}

static int S_rank(tiao_at a)
{
	switch (a) {
	case TIAO_AT_PART: return 1;
	case TIAO_AT_SUBPART: return 2;
	case TIAO_AT_CHAPTER: return 3;
	case TIAO_AT_SECTION: return 4;
	case TIAO_AT_ARTICLE: return 5;
	case TIAO_AT_PARAGRAPH: return 6;
	case TIAO_AT_LEADIN: return 7;
	case TIAO_AT_ITEM: return 8;
	case TIAO_AT_SUBITEM: return 9;
	default: return 0;
	}
}

static void S_set_level(tiao_addr *a, tiao_at lv, int v)
{
	switch (lv) {
	case TIAO_AT_PART: a->part = v; break;
	case TIAO_AT_SUBPART: break;
	case TIAO_AT_CHAPTER: a->chapter = v; break;
	case TIAO_AT_SECTION: a->section = v; break;
	case TIAO_AT_ARTICLE: a->art = v; break;
	case TIAO_AT_PARAGRAPH: a->para = v; break;
	case TIAO_AT_ITEM: a->item = v; break;
	case TIAO_AT_SUBITEM: a->subitem = v; break;
	default: break;
	}
}

/* Skip a 刑法 / 原 prefix before 第. */
static void S_skip_ref_prefix(P *p)
{
	S_ws(p);
	if (S_starts(p->s + p->i, "原第"))
		p->i += 3;
	const char *st = p->c->short_title;
	if (st && *st && S_starts(p->s + p->i, st) && S_starts(p->s + p->i + strlen(st), "第"))
		p->i += strlen(st);
	/* 删除条例第七条 / 本条例第七条 */
	static const char *const pre[] = { "本条例", "条例", "本办法", "本规定" };
	for (size_t k = 0; k < TIAO_ARRAY_LEN(pre); k++) {
		size_t l = strlen(pre[k]);
		if (S_starts(p->s + p->i, pre[k]) && S_starts(p->s + p->i + l, "第")) {
			p->i += l;
			break;
		}
	}
}

/* A reference chain: 第十五章第三节, 第九条第一款第（四）项, 第一款第一自然段, 第九十七条第一款第一句,
 * 第十条之一, 第三、四、五、六款. nodi: the first level may be written without 第 (第六条、十二条). */
static bool S_ref(P *p, ref *r, bool nodi)
{
	memset(r, 0, sizeof *r);
	S_skip_ref_prefix(p);
	size_t i = p->i;
	bool first = true;
	for (;;) {
		size_t save = i, j = i;
		bool di = S_starts(p->s + j, "第");
		if (di)
			j += 3;
		else if (!(first && nodi))
			break;
		bool paren;
		size_t e;
		long v = S_read_num_paren(p, j, &e, &paren);
		if (v < 0) {
			i = save;
			break;
		}
		int nums[64];
		size_t nn = 0;
		nums[nn++] = (int)v;
		/* 第一、二款 / 第（一）、（四）项 */
		while (S_starts(p->s + e, "、") && nn < 64) {
			size_t e2;
			bool paren2;
			long v2 = S_read_num_paren(p, e + 3, &e2, &paren2);
			if (v2 < 0)
				break;
			tiao_at lv2;
			size_t e3;
			bool sen2;
			if (!(S_starts(p->s + e2, "、") || S_level_at(p, e2, &lv2, &e3, &sen2)))
				break;
			nums[nn++] = (int)v2;
			e = e2;
		}
		tiao_at lv;
		size_t le;
		bool sentence;
		if (!S_level_at(p, e, &lv, &le, &sentence)) {
			i = save;
			break;
		}
		if (sentence) {
			if (first || nn > 1) {
				i = save;
				break;
			}
			r->a.sentence = (int)v;
			i = le;
			continue;
		}
		if (!first && S_rank(lv) <= S_rank(r->bottom)) {
			i = save;
			break;
		}
		if (lv == TIAO_AT_LEADIN) {
			if (first || v != 1 || nn > 1 || r->bottom != TIAO_AT_PARAGRAPH) {
				i = save;
				break;
			}
			r->leadin = true;
			r->bottom = TIAO_AT_LEADIN;
			i = le;
			continue;
		}
		S_set_level(&r->a, lv, (int)v);
		if (lv == TIAO_AT_ARTICLE && S_starts(p->s + le, "之")) {
			size_t e4;
			long sub = S_read_num(p, le + 3, &e4);
			if (sub > 0) {
				r->a.art_sub = (int)sub;
				le = e4;
			}
		}
		if (first)
			r->top = lv;
		r->bottom = lv;
		first = false;
		i = le;
		if (nn > 1) {
			memcpy(r->list, nums, nn * sizeof nums[0]);
			r->nlist = nn;
			break;
		}
	}
	if (first)
		return false;
	r->a.at = r->bottom;
	p->i = i;
	return true;
}

/* Fill the levels above r's top from the address ctx (a bare 第三款 takes the article of the
 * clause before; a bare 第二项 its article and paragraph). */
static void S_inherit(tiao_addr *a, tiao_at top, const tiao_addr *ctx)
{
	int t = S_rank(top);
	if (t > S_rank(TIAO_AT_SECTION) && !a->chapter && t <= S_rank(TIAO_AT_ARTICLE))
		return;
	if (t > S_rank(TIAO_AT_CHAPTER) && t <= S_rank(TIAO_AT_SECTION))
		a->chapter = ctx->chapter, a->part = ctx->part;
	if (t > S_rank(TIAO_AT_ARTICLE)) {
		a->art = ctx->art;
		a->art_sub = ctx->art_sub;
	}
	if (t > S_rank(TIAO_AT_LEADIN) && ctx->para && !a->para)
		a->para = ctx->para;
	if (t > S_rank(TIAO_AT_ITEM) && ctx->item && !a->item)
		a->item = ctx->item;
}

static bool S_push(tlist *t, tiao_addr a)
{
	if (t->n >= MAXT)
		return false;
	t->a[t->n++] = a;
	return true;
}

/* Expand a ref (number lists) into t. */
static void S_expand(tlist *t, const ref *r, const tiao_addr *a)
{
	if (r->nlist > 1) {
		for (size_t k = 0; k < r->nlist; k++) {
			tiao_addr x = *a;
			S_set_level(&x, r->bottom, r->list[k]);
			S_push(t, x);
		}
	} else {
		S_push(t, *a);
	}
}

static int S_level_num(const tiao_addr *a, tiao_at lv)
{
	switch (lv) {
	case TIAO_AT_PART: return a->part;
	case TIAO_AT_CHAPTER: return a->chapter;
	case TIAO_AT_SECTION: return a->section;
	case TIAO_AT_ARTICLE: return a->art;
	case TIAO_AT_PARAGRAPH: return a->para;
	case TIAO_AT_ITEM: return a->item;
	case TIAO_AT_SUBITEM: return a->subitem;
	default: return 0;
	}
}

/* A reference list: ref ((、|和|及|以及) ref | 至 ref)*. Bare lower-level refs inherit from the
 * element before them, the first from the clause context. *top receives the first ref's top
 * level. Returns false (and restores the position) if no reference is there. */
/* 第二章的章名 / 第二章章名 inside a scope list: the heading (the chapter address itself). */
/* Returns true when the heading word was eaten: the reference names the heading only. */
static bool S_eat_heading_word(P *p, const ref *r, bool first)
{
	if (r->bottom != TIAO_AT_CHAPTER && r->bottom != TIAO_AT_SECTION && r->bottom != TIAO_AT_PART)
		return false;
	static const char *const w[] = { "的章名", "的节名", "的编名", "章名", "节名", "编名" };
	size_t s0 = p->i;
	if (S_eat_any(p, w, TIAO_ARRAY_LEN(w))) {
		if (!(S_at(p, "和") || S_at(p, "、") || (!first && S_at(p, "中的")))) {
			p->i = s0; /* 将第二章章名修改为 / 第二章章名中的 are read by their own rules */
			return false;
		}
		return true;
	}
	return false;
}

static const char *S_phrase(P *p);

/* A division reference followed by its heading in quotes, before the next reference or the
 * verb (将第五章“供水保障”、第六章“供水管理”合并为第五章 — 宁夏 中卫 2024): the heading is kept
 * in p->cited for the address just expanded, to be checked against the base. */
static void S_eat_cited_name(P *p, const ref *r, const tlist *t)
{
	if (r->bottom != TIAO_AT_CHAPTER && r->bottom != TIAO_AT_SECTION && r->bottom != TIAO_AT_PART)
		return;
	if (!S_is_open(S_peek(p)))
		return;
	size_t s0 = p->i;
	const char *h = S_phrase(p);
	static const char *const next[] = { "、", "和", "合并", "并入" };
	if (!h || !S_eat_any(p, next, TIAO_ARRAY_LEN(next))) {
		p->i = s0;
		return;
	}
	/* only the word after the heading was looked at */
	p->i = s0;
	S_phrase(p);
	if (t->n && t->n - 1 < TIAO_ARRAY_LEN(p->cited)) {
		for (size_t k = p->ncited; k < t->n - 1; k++)
			p->cited[k] = NULL;
		p->cited[t->n - 1] = h;
		p->ncited = t->n;
	}
}

static bool S_reflist(P *p, tlist *t, tiao_at *top, bool *need_ctx)
{
	size_t save = p->i;
	ref r;
	t->n = 0;
	p->ncited = 0;
	if (need_ctx)
		*need_ctx = false;
	if (!S_ref(p, &r, false)) {
		p->i = save;
		return false;
	}
	if (top)
		*top = r.top;
	tiao_addr a = r.a;
	if (r.leadin)
		a.at = TIAO_AT_LEADIN;
	if (S_rank(r.top) > S_rank(TIAO_AT_ARTICLE) || r.top == TIAO_AT_SECTION) {
		if (!p->ctx_ok) {
			if (need_ctx)
				*need_ctx = true;
		} else {
			S_inherit(&a, r.top, &p->ctx);
		}
	}
	S_expand(t, &r, &a);
	if (S_eat_heading_word(p, &r, true) && t->n)
		t->a[t->n - 1].heading = 1; /* 第二章的章名和第五条…中的 (广东 东莞 2022) */
	S_eat_cited_name(p, &r, t);
	tiao_addr prev = a;
	for (;;) {
		size_t s2 = p->i;
		static const char *const seps[] = { "、", "和", "以及", "及" };
		if (S_eat_any(p, seps, TIAO_ARRAY_LEN(seps))) {
			ref r2;
			if (!S_ref(p, &r2, true)) {
				p->i = s2;
				break;
			}
			tiao_addr b = r2.a;
			if (r2.leadin)
				b.at = TIAO_AT_LEADIN;
			if (S_rank(r2.top) > S_rank(TIAO_AT_ARTICLE) || r2.top == TIAO_AT_SECTION)
				S_inherit(&b, r2.top, &prev);
			S_expand(t, &r2, &b);
			if (S_eat_heading_word(p, &r2, false) && t->n)
				t->a[t->n - 1].heading = 1;
			S_eat_cited_name(p, &r2, t);
			prev = b;
			continue;
		}
		if (S_eat(p, "至")) {
			ref r2;
			if (!S_ref(p, &r2, true) || r2.bottom != r.bottom) {
				p->i = s2;
				break;
			}
			tiao_addr b = r2.a;
			if (S_rank(r2.top) > S_rank(TIAO_AT_ARTICLE) || r2.top == TIAO_AT_SECTION)
				S_inherit(&b, r2.top, &prev);
			int from = S_level_num(&prev, r2.bottom), to = S_level_num(&b, r2.bottom);
			if (to < from || to - from > MAXT) {
				p->i = s2;
				break;
			}
			for (int v = from + 1; v <= to; v++) {
				tiao_addr x = b;
				S_set_level(&x, r2.bottom, v);
				S_push(t, x);
			}
			prev = b;
			continue;
		}
		break;
	}
	return true;
}

/* ---- quotes ---- */

static bool S_is_item_start(const char *s)
{
	size_t len = strlen(s), used;
	int lv;
	long num;
	if (S_item_label(s, len, &lv, &num, &used))
		return lv == 2 && (S_starts(s, "（") || S_starts(s, "("));
	long v;
	return tiao_subitem_label_read(s, len, &v, &used) == 1;
}

/* One quote at p->i (“…” or "…"), possibly spanning paragraphs; appends its paragraphs to q. */
static bool S_quote1(P *p, qblock *q)
{
	size_t j;
	S_ws(p);
	uint32_t open = S_cp(p->s, p->len, p->i, &j);
	if (!S_is_open(open))
		return false;
	bool ascii = open == '"';
	if (!q->ok) {
		q->start = p->i;
		S_where(p, p->i, &q->line, &q->col);
	}
	size_t i = j, pstart = p->i;
	int nest = 0;
	tiao_buf b = TIAO_BUF_INIT;
	for (;;) {
		if (i >= p->len) {
			tiao_buf_free(&b);
			p->why = "(unterminated quote)";
			return false;
		}
		size_t k;
		uint32_t cp = S_cp(p->s, p->len, i, &k);
		if (cp == '\n') {
			/* the paragraph ends inside the quote: the block continues */
			size_t tl = b.len;
			while (tl > 0 && (b.data[tl - 1] == ' ' || b.data[tl - 1] == '\t'))
				tl--;
			if (tl) {
				TIAO_VEC_PUSH(&q->paras, S_dup(p->c, b.data, tl));
				TIAO_VEC_PUSH(&q->offs, pstart);
			}
			tiao_buf_clear(&b);
			i = S_skip_blank(p->s, p->len, k);
			pstart = i;
			uint32_t c2 = S_cp(p->s, p->len, i, &k);
			if ((ascii && c2 == '"') || (!ascii && c2 == 0x201C))
				i = k;
			continue;
		}
		if (ascii) {
			if (cp == '"')
				break;
		} else if (cp == 0x201C) {
			nest++;
		} else if (cp == 0x201D) {
			if (nest == 0)
				break;
			nest--;
		}
		tiao_buf_put(&b, p->s + i, k - i);
		i = k;
	}
	size_t k;
	S_cp(p->s, p->len, i, &k);
	size_t tl = b.len;
	while (tl > 0 && (b.data[tl - 1] == ' ' || b.data[tl - 1] == '\t'))
		tl--;
	size_t tb = 0;
	while (tb < tl && b.data[tb] == ' ')
		tb++;
	TIAO_VEC_PUSH(&q->paras, S_dup(p->c, b.data ? b.data + tb : "", tl - tb));
	TIAO_VEC_PUSH(&q->offs, pstart);
	tiao_buf_free(&b);
	p->i = k;
	q->ok = true;
	return true;
}

/* A single quoted phrase → arena string. */
static const char *S_phrase(P *p)
{
	qblock q;
	memset(&q, 0, sizeof q);
	size_t save = p->i;
	if (!S_quote1(p, &q) || q.paras.len != 1) {
		S_qfree(&q);
		TIAO_VEC_FREE(&q.offs);
		p->i = save;
		return NULL;
	}
	const char *r = q.paras.items[0];
	S_qfree(&q);
	TIAO_VEC_FREE(&q.offs);
	return r;
}

/* Alternatives: “A”“A2” (adjacent quotes). */
static size_t S_phrases(P *p, const char **out, size_t cap)
{
	size_t n = 0;
	const char *ph;
	while (n < cap && (ph = S_phrase(p)) != NULL) {
		out[n++] = ph;
		/* “区、县”的提法 / “A”的表述 */
		if (!S_eat(p, "的提法"))
			S_eat(p, "的表述");
		/* “表彰奖励”和“表彰、奖励”修改为… */
		size_t s0 = p->i;
		static const char *const conj[] = { "和", "、", "或者", "以及" };
		if (S_eat_any(p, conj, TIAO_ARRAY_LEN(conj)) && !S_is_open(S_peek(p)))
			p->i = s0;
	}
	return n;
}

/* A quote block: one or more quotes, adjacent or on following paragraphs. The 。 printed right
 * after the closing mark is moved inside when the last paragraph lacks one (not for items). */
static bool S_qblock(P *p, qblock *q)
{
	memset(q, 0, sizeof *q);
	/* the block may start on the next paragraph (修改为：⏎“第三条　…) */
	size_t save = p->i;
	S_ws(p);
	if (p->i < p->len && p->s[p->i] == '\n') {
		p->i++;
		S_ws(p);
	}
	if (p->i < p->len && !S_is_open(S_cp(p->s, p->len, p->i, NULL)) && p->i > 0 && p->s[p->i - 1] == '\n' &&
	    S_is_colon(S_last_cp(p->s, p->i - 1))) {
		/* new text printed without quotes, one paragraph a line, up to the next instruction */
		size_t i = p->i;
		while (i < p->len) {
			size_t e = i;
			while (e < p->len && p->s[e] != '\n')
				e++;
			if (S_is_instr_line(p->s + i, e - i))
				break;
			size_t a = S_skip_blank(p->s, e, i), b = e;
			while (b > a && (p->s[b - 1] == ' ' || p->s[b - 1] == '\t'))
				b--;
			if (b > a) {
				if (!q->ok) {
					q->start = a;
					S_where(p, a, &q->line, &q->col);
					q->ok = true;
				}
				TIAO_VEC_PUSH(&q->paras, S_dup(p->c, p->s + a, b - a));
				TIAO_VEC_PUSH(&q->offs, a);
			}
			if (e >= p->len) {
				i = e;
				break;
			}
			i = e + 1;
		}
		if (q->paras.len) {
			/* leave the position at the line break before the next instruction */
			p->i = (i < p->len && i > 0 && p->s[i - 1] == '\n') ? i - 1 : i;
			return true;
		}
		p->i = save;
		S_qfree(q);
		return false;
	}
	if (!S_quote1(p, q)) {
		p->i = save;
		S_qfree(q);
		return false;
	}
	for (;;) {
		size_t s2 = p->i;
		S_ws(p);
		bool nl = false;
		if (p->i < p->len && p->s[p->i] == '\n') {
			nl = true;
			p->i++;
			S_ws(p);
		}
		if (!S_is_open(S_cp(p->s, p->len, p->i, NULL))) {
			p->i = s2;
			break;
		}
		size_t before = q->paras.len, s3 = p->i;
		if (!S_quote1(p, q)) {
			p->i = s2;
			break;
		}
		/* after a line break, only a quote that ends its line continues the block (not a new
		 * clause “A”修改为“B”) */
		if (nl) {
			S_ws(p);
			uint32_t cp = S_cp(p->s, p->len, p->i, NULL);
			if (!(p->i >= p->len || cp == '\n' || S_is_open(cp) || S_is_period(cp) ||
			      S_is_semi(cp))) {
				q->paras.len = before;
				q->offs.len = before;
				p->i = s3;
				p->i = s2;
				break;
			}
		}
	}
	/* the closing 。 */
	size_t s4 = p->i;
	S_ws(p);
	size_t j;
	uint32_t cp = S_cp(p->s, p->len, p->i, &j);
	if (p->i < p->len && S_is_period(cp) && q->paras.len > 0) {
		const char *last = q->paras.items[q->paras.len - 1];
		size_t ll = strlen(last);
		if (!S_is_terminal(S_last_cp(last, ll)) && !S_is_item_start(last)) {
			char *t = tiao_arena_alloc(&p->c->d->arena, ll + (j - p->i) + 1);
			if (t) {
				memcpy(t, last, ll);
				memcpy(t + ll, p->s + p->i, j - p->i);
				t[ll + (j - p->i)] = 0;
				q->paras.items[q->paras.len - 1] = t;
			}
		}
	}
	p->i = s4;
	return true;
}

/* ---- emitting ---- */

static size_t S_emit(P *p, tiao_op op)
{
	tiao_decision *d = p->c->d;
	if (d->n == d->cap) {
		size_t nc = d->cap ? d->cap * 2 : 32;
		tiao_instr *ni = realloc(d->instrs, nc * sizeof *ni);
		if (!ni) {
			p->c->oom = 1;
			return (size_t)-1;
		}
		d->instrs = ni;
		d->cap = nc;
	}
	tiao_instr *in = &d->instrs[d->n];
	memset(in, 0, sizeof *in);
	in->op = op;
	in->label = p->u->label;
	in->title = p->u->title;
	in->optional = p->u->all;
	S_where(p, p->clause_start, &in->line, &in->col);
	return d->n++;
}

static tiao_instr *S_in(P *p, size_t k) { return k == (size_t)-1 ? NULL : &p->c->d->instrs[k]; }

static void S_set_targets(P *p, size_t k, const tiao_addr *a, size_t n)
{
	tiao_instr *in = S_in(p, k);
	if (!in || n == 0)
		return;
	tiao_addr *t = tiao_arena_alloc(&p->c->d->arena, n * sizeof *t);
	if (!t) {
		p->c->oom = 1;
		return;
	}
	memcpy(t, a, n * sizeof *t);
	in->targets = t;
	in->ntargets = n;
}

static void S_set_olds(P *p, size_t k, const char **olds, size_t n)
{
	tiao_instr *in = S_in(p, k);
	if (!in || n == 0)
		return;
	const char **o = tiao_arena_alloc(&p->c->d->arena, n * sizeof *o);
	if (!o) {
		p->c->oom = 1;
		return;
	}
	memcpy(o, olds, n * sizeof *o);
	in->olds = o;
	in->nolds = n;
}

static void S_set_quote(P *p, size_t k, qblock *q)
{
	tiao_instr *in = S_in(p, k);
	if (!in)
		return;
	size_t n = q->paras.len;
	const char **ps = tiao_arena_alloc(&p->c->d->arena, (n ? n : 1) * sizeof *ps);
	if (!ps) {
		p->c->oom = 1;
		return;
	}
	for (size_t i = 0; i < n; i++)
		ps[i] = q->paras.items[i];
	in->quote.paras = ps;
	in->quote.n = n;
	in->quote.line = q->line;
	in->quote.col = q->col;
}

/* Scope bookkeeping: the targets of the last clause (for 其中 / 该条 / a bare “A”修改为“B”). */
static void S_set_last(P *p, const tiao_addr *a, size_t n, bool new_group)
{
	p->last->n = 0;
	for (size_t k = 0; k < n; k++)
		S_push(p->last, a[k]);
	if (new_group) {
		p->last_group = ++p->c->next_group;
		p->last_group_n = 0;
	}
}

static void S_set_ctx(P *p, const tiao_addr *a)
{
	p->ctx = *a;
	p->ctx_ok = true;
	p->ctx_result = false;
	if (p->ctx.at != TIAO_AT_ARTICLE && p->ctx.at != TIAO_AT_PARAGRAPH && p->ctx.at != TIAO_AT_LEADIN &&
	    p->ctx.at != TIAO_AT_ITEM && p->ctx.at != TIAO_AT_SUBITEM)
		p->ctx_ok = a->art > 0;
}

static void S_fail(P *p, const char *why)
{
	size_t line, col;
	S_where(p, p->clause_start, &line, &col);
	/* the clause up to the next sentence end */
	size_t e = p->clause_start, qd = 0;
	while (e < p->len) {
		size_t j;
		uint32_t cp = S_cp(p->s, p->len, e, &j);
		if (cp == 0x201C)
			qd++;
		else if (cp == 0x201D && qd)
			qd--;
		else if (!qd && (cp == '\n' || S_is_period(cp) || S_is_semi(cp)))
			break;
		e = j;
	}
	size_t show = e - p->clause_start, k = 0, chars = 0;
	while (k < show && chars < 60) {
		size_t j;
		S_cp(p->s + p->clause_start, show, k, &j);
		k = j;
		chars++;
	}
	char *txt = S_dup_line(p->c, p->s + p->clause_start, k);
	if (!why)
		why = p->why;
	p->why = NULL;
	S_report(p->c, TIAO_EUNSUPPORTED, line, col, "unrecognised instruction%s%s: %s%s",
	         why ? " " : "", why ? why : "", txt ? txt : "", k < show ? "…" : "");
}

/* ---- position lists (作为第X条、第Y条 / 第七十一条至第七十四条) ---- */

static bool S_poslist(P *p, tlist *t, tiao_at *top)
{
	bool need;
	return S_reflist(p, t, top, &need);
}

/* Count word after 增加: 一条 两款 三条 四条 二款 一项 一章 一节. */
static bool S_count_unit(P *p, long *count, tiao_at *what)
{
	S_ws(p);
	size_t e;
	long v = S_read_num(p, p->i, &e);
	if (v <= 0)
		return false;
	tiao_at lv;
	size_t le;
	bool sen;
	if (!S_level_at(p, e, &lv, &le, &sen) || sen || lv == TIAO_AT_LEADIN)
		return false;
	*count = v;
	*what = lv;
	p->i = le;
	return true;
}

/* 将第一项改为两项，修改为：“（一）…；（二）…；” — the new items printed in one quoted paragraph:
 * split each paragraph that opens with an item label after every ； followed by the next label, when
 * that yields exactly the count the clause announced (otherwise the block is left as it is). */
static void S_split_inline_items(P *p, qblock *q, long cnt)
{
	if (cnt <= 1 || q->paras.len >= (size_t)cnt)
		return;
	TIAO_VEC(const char *) np;
	TIAO_VEC(size_t) no;
	memset(&np, 0, sizeof np);
	memset(&no, 0, sizeof no);
	for (size_t k = 0; k < q->paras.len; k++) {
		const char *t = q->paras.items[k];
		size_t n = strlen(t), from = 0;
		bool lab = S_starts(t, "（") || t[0] == '(';
		for (size_t i = 0; lab && i < n;) {
			size_t j;
			uint32_t cp = S_cp(t, n, i, &j);
			if (S_is_semi(cp) && j < n && (S_starts(t + j, "（") || t[j] == '(')) {
				size_t j2, e;
				uint32_t c2 = S_cp(t, n, j, &j2);
				(void)c2;
				size_t used;
				uint32_t d = S_cp(t, n, j2, NULL);
				long v = (S_is_cn_digit(d) || tiao_cp_is_digit(d)) ? tiao_num_read(t + j2, n - j2, &used) : -1;
				e = j2 + (v > 0 ? used : 0);
				if (v > 0 && e < n && (S_starts(t + e, "）") || t[e] == ')')) {
					(void)TIAO_VEC_PUSH(&np, S_dup(p->c, t + from, j - from));
					(void)TIAO_VEC_PUSH(&no, q->offs.items[k]);
					from = j;
				}
			}
			i = j;
		}
		(void)TIAO_VEC_PUSH(&np, from ? S_dup(p->c, t + from, n - from) : t);
		(void)TIAO_VEC_PUSH(&no, q->offs.items[k]);
	}
	if (np.len == (size_t)cnt) {
		TIAO_VEC_FREE(&q->paras);
		TIAO_VEC_FREE(&q->offs);
		memcpy(&q->paras, &np, sizeof np);
		memcpy(&q->offs, &no, sizeof no);
	} else {
		TIAO_VEC_FREE(&np);
		TIAO_VEC_FREE(&no);
	}
}

/* ---- phrase clauses ---- */

typedef struct src {
	tiao_addr t[MAXT];
	size_t nt;
	const char *olds[8];
	size_t nolds;
	int group;
} src;

/* The scope before 中的: a reference list, 其中/该条/本条/该款, or the whole text. Returns 1 when
 * a scope was read (and 中的 eaten), 0 when none is there (position restored), -1 on error. */
static int S_scope(P *p, src *sc)
{
	size_t save = p->i;
	static const char *const here[] = { "其中的", "该条中的", "本条中的", "该款中的", "该项中的", "其中" };
	static const char *const whole[] = { "相关条文中的", "相关条款中的", "有关条款中的", "相关地方性法规中的",
		                             "相关地方性法规中", "相关行政法规中的", "相关法规中的", "相关法律中的",
		                             "本条例中的", "本法中的", "本规定中的",
		                             "本办法中的", "本细则中的", "全文中的", "有关条文中的" };
	bool doc = S_eat_any(p, whole, TIAO_ARRAY_LEN(whole));
	if (!doc) {
		/* (本)?(《)?条例/规定/办法/法规(》)?中(的)?“ */
		static const char *const names[] = { "条例", "规定", "办法", "细则", "法规", "法" };
		size_t s0 = p->i;
		S_eat(p, "本");
		bool br = S_eat(p, "《");
		if (S_eat_any(p, names, TIAO_ARRAY_LEN(names)) && (!br || S_eat(p, "》")) &&
		    (S_eat(p, "中的") || S_eat(p, "中")) && S_is_open(S_peek(p)))
			doc = true;
		else
			p->i = s0;
	}
	if (doc) {
		tiao_addr a;
		memset(&a, 0, sizeof a);
		a.at = TIAO_AT_DOCUMENT;
		sc->t[0] = a;
		sc->nt = 1;
		sc->group = ++p->c->next_group;
		return 1;
	}
	for (size_t k = 0; k < TIAO_ARRAY_LEN(here); k++) {
		if (S_eat(p, here[k])) {
			bool art_only = k == 1 || k == 2;
			if (p->last->n == 0 && !p->ctx_ok) {
				p->i = save;
				return -1;
			}
			if (art_only || p->last->n == 0) {
				tiao_addr a;
				memset(&a, 0, sizeof a);
				a.at = TIAO_AT_ARTICLE;
				a.art = p->ctx.art;
				a.art_sub = p->ctx.art_sub;
				sc->t[0] = a;
				sc->nt = 1;
			} else {
				memcpy(sc->t, p->last->a, p->last->n * sizeof sc->t[0]);
				sc->nt = p->last->n;
			}
			sc->group = ++p->c->next_group;
			return 1;
		}
	}
	tlist *t = malloc(sizeof *t);
	if (!t) {
		p->c->oom = 1;
		return -1;
	}
	bool need;
	if (S_reflist(p, t, NULL, &need) &&
	    (S_eat(p, "中的") || (S_at(p, "的") && S_is_open(S_cp(p->s, p->len, p->i + 3, NULL)) && S_eat(p, "的")) ||
	     (S_at(p, "中") && S_is_open(S_cp(p->s, p->len, p->i + 3, NULL)) && S_eat(p, "中")))) {
		if (need) {
			free(t);
			p->i = save;
			return -1;
		}
		memcpy(sc->t, t->a, t->n * sizeof sc->t[0]);
		sc->nt = t->n;
		sc->group = ++p->c->next_group;
		if (t->a[0].art)
			S_set_ctx(p, &t->a[0]);
		free(t);
		return 1;
	}
	free(t);
	p->i = save;
	return 0;
}

/* Scope inherited for a bare “A”修改为“B”: the last phrase scope. */
static bool S_inherit_scope(P *p, src *sc)
{
	if (p->last->n) {
		memcpy(sc->t, p->last->a, p->last->n * sizeof sc->t[0]);
		sc->nt = p->last->n;
		sc->group = p->last_group ? p->last_group : ++p->c->next_group;
		return true;
	}
	if (p->ctx_ok) {
		tiao_addr a;
		memset(&a, 0, sizeof a);
		a.at = TIAO_AT_ARTICLE;
		a.art = p->ctx.art;
		a.art_sub = p->ctx.art_sub;
		sc->t[0] = a;
		sc->nt = 1;
		sc->group = ++p->c->next_group;
		return true;
	}
	return false;
}

static bool S_eat_subst_verb(P *p)
{
	static const char *const v[] = { "统一修改为", "均修改为", "合并修改为", "修改为", "改为" };
	return S_eat_any(p, v, TIAO_ARRAY_LEN(v));
}

/* Emit one phrase instruction per source. */
static void S_emit_phrase(P *p, tiao_op op, src *srcs, size_t ns, const char *new_text, bool before)
{
	for (size_t k = 0; k < ns; k++) {
		size_t in = S_emit(p, op);
		S_set_targets(p, in, srcs[k].t, srcs[k].nt);
		S_set_olds(p, in, srcs[k].olds, srcs[k].nolds);
		tiao_instr *x = S_in(p, in);
		if (x) {
			x->new_text = new_text;
			x->before = before;
			x->group = srcs[k].group;
		}
	}
	if (ns) {
		S_set_last(p, srcs[ns - 1].t, srcs[ns - 1].nt, false);
		p->last_group = srcs[ns - 1].group;
	}
}

/* (scope 中的)? “A”(“A2”)* ((、|，) (scope 中的)? “B”…)* (，)? (统一)?修改为 “C” */
static bool S_subst_clause(P *p, bool have_first, src *first)
{
	src *srcs = malloc(8 * sizeof *srcs);
	if (!srcs) {
		p->c->oom = 1;
		return false;
	}
	size_t ns = 0;
	bool ok = false;
	if (have_first) {
		srcs[ns++] = *first;
	} else {
		int r = S_scope(p, &srcs[0]);
		if (r < 0)
			goto out;
		if (r == 0 && !S_inherit_scope(p, &srcs[0]))
			goto out;
		srcs[0].nolds = S_phrases(p, srcs[0].olds, 8);
		if (!srcs[0].nolds)
			goto out;
		ns = 1;
	}
	for (;;) {
		if (S_eat_subst_verb(p))
			break;
		if (S_eat(p, "删除") || S_eat(p, "删去")) {
			/* 将第十七条中的“荒废”删除 */
			for (size_t k = 0; k < ns; k++)
				for (size_t m = 0; m < srcs[k].nolds; m++) {
					src one = srcs[k];
					one.olds[0] = srcs[k].olds[m];
					one.nolds = 1;
					S_emit_phrase(p, TIAO_OP_DELETE_PHRASE, &one, 1, NULL, false);
				}
			ok = true;
			goto out;
		}
		size_t save = p->i;
		if ((S_eat(p, "、") || S_eat_comma(p)) && ns < 8) {
			if (S_eat_subst_verb(p))
				break;
			src *sc = &srcs[ns];
			int r = S_scope(p, sc);
			if (r < 0) {
				p->i = save;
				goto out;
			}
			if (r == 0) {
				*sc = srcs[ns - 1];
				sc->nolds = 0;
			}
			sc->nolds = S_phrases(p, sc->olds, 8);
			if (!sc->nolds) {
				p->i = save;
				goto out;
			}
			ns++;
			continue;
		}
		goto out;
	}
	const char *nt = S_phrase(p);
	if (!nt)
		goto out;
	S_emit_phrase(p, TIAO_OP_SUBST, srcs, ns, nt, false);
	ok = true;
out:
	free(srcs);
	return ok;
}

/* 删去 (scope 中的)? “A” (和|、 “B”)*, a 、 also opening the next scope: 删去第五条第一款中的“A”、第二款中的
 * “B” (宁夏 中卫 2024) — each phrase goes with the scope it follows */
static bool S_delete_phrases(P *p, src *sc)
{
	src cur = *sc;
	size_t n = 0;
	for (;;) {
		const char *x = S_phrase(p);
		if (!x)
			break;
		src one = cur;
		one.olds[0] = x;
		one.nolds = 1;
		S_emit_phrase(p, TIAO_OP_DELETE_PHRASE, &one, 1, NULL, false);
		n++;
		size_t s1 = p->i;
		bool pause = S_eat(p, "、");
		if (!pause && !(S_eat(p, "和") || S_eat(p, "以及") || S_eat(p, "及") || S_is_open(S_peek(p))))
			break;
		if (S_is_open(S_peek(p)))
			continue;
		if (pause) {
			/* 、第二款中的“B” */
			src nsc;
			memset(&nsc, 0, sizeof nsc);
			if (S_scope(p, &nsc) == 1 && S_is_open(S_peek(p))) {
				cur = nsc;
				continue;
			}
		}
		p->i = s1;
		break;
	}
	return n > 0;
}

/* 在 (scope 中的)? “A” (后|之后|前|之前) 增加 “B” ; 在 ref (最后|末尾)增加 “B” */
static bool S_insert_text(P *p)
{
	src sc;
	memset(&sc, 0, sizeof sc);
	size_t save = p->i;
	/* 在第一款最后增加 */
	tlist *t = malloc(sizeof *t);
	if (!t) {
		p->c->oom = 1;
		return false;
	}
	bool need;
	if (S_reflist(p, t, NULL, &need) && !need &&
	    (S_eat(p, "最后增加") || S_eat(p, "末尾增加") || S_eat(p, "的最后增加") || S_eat(p, "最后一句后增加") ||
	     S_eat(p, "款尾增加") || S_eat(p, "条尾增加"))) {
		S_eat_colon(p);
		const char *b = S_phrase(p);
		if (b) {
			size_t in = S_emit(p, TIAO_OP_INSERT_TEXT);
			S_set_targets(p, in, t->a, t->n);
			S_in(p, in) ? (void)(S_in(p, in)->new_text = b) : (void)0;
			S_set_last(p, t->a, t->n, true);
			S_set_ctx(p, &t->a[0]);
			free(t);
			return true;
		}
	}
	free(t);
	p->i = save;
	int r = S_scope(p, &sc);
	if (r < 0)
		return false;
	if (r == 0 && !S_inherit_scope(p, &sc))
		return false;
	sc.nolds = S_phrases(p, sc.olds, 8);
	if (!sc.nolds)
		return false;
	bool before;
	if (S_eat(p, "之后") || S_eat(p, "后"))
		before = false;
	else if (S_eat(p, "之前") || S_eat(p, "前"))
		before = true;
	else
		return false;
	if (!S_eat(p, "增加"))
		return false;
	const char *b = S_phrase(p);
	if (!b)
		return false;
	S_emit_phrase(p, TIAO_OP_INSERT_TEXT, &sc, 1, b, before);
	if (sc.nt && sc.t[0].art)
		S_set_ctx(p, &sc.t[0]);
	return true;
}

/* ---- structural clauses ---- */

static bool S_modify_tail(P *p, qblock *q)
{
	/* ，(分为两款，)?修改为：“…” */
	memset(q, 0, sizeof *q);
	size_t save = p->i;
	if (!S_eat_comma(p)) {
		p->i = save;
		return false;
	}
	if (S_eat(p, "分为")) {
		long cnt;
		tiao_at w;
		if (!S_count_unit(p, &cnt, &w) || !S_eat_comma(p)) {
			p->i = save;
			return false;
		}
	}
	if (!(S_eat(p, "修改为") || S_eat(p, "并修改为"))) {
		p->i = save;
		return false;
	}
	S_eat_colon(p);
	if (!S_qblock(p, q)) {
		p->i = save;
		return false;
	}
	return true;
}

static tiao_addr S_article_of(const tiao_addr *a)
{
	tiao_addr x;
	memset(&x, 0, sizeof x);
	x.at = TIAO_AT_ARTICLE;
	x.art = a->art;
	x.art_sub = a->art_sub;
	x.chapter = 0;
	return x;
}

/* Label split of a quote block whose paragraphs carry 第X条 / 第X章 / 第X节 labels. */
typedef struct seg {
	tiao_at at;
	long num, sub;
	size_t from, to; /* paragraph range in the block (label removed from paras[from]) */
	const char *heading;
} seg;

static size_t S_utf8_after_blank(const char *s, size_t i)
{
	size_t len = strlen(s);
	return S_skip_blank(s, len, i);
}

/* Join a label printed alone (“第三条”) with the paragraph after it; returns the new count. */
static void S_join_label_lines(P *p, qblock *q)
{
	size_t w = 0;
	for (size_t k = 0; k < q->paras.len; k++) {
		const char *t = q->paras.items[k];
		size_t tl = strlen(t);
		long num, sub;
		size_t used;
		if (k + 1 < q->paras.len && tiao_label_read(t, tl, 0x6761, &num, &sub, &used) &&
		    S_utf8_after_blank(t, used) == tl) {
			tiao_buf b = TIAO_BUF_INIT;
			tiao_buf_put(&b, t, used);
			tiao_buf_puts(&b, "\xE3\x80\x80");
			tiao_buf_puts(&b, q->paras.items[k + 1]);
			if (q->offs.len == q->paras.len)
				q->offs.items[w] = q->offs.items[k];
			q->paras.items[w++] = S_dup(p->c, b.data ? b.data : "", b.len);
			tiao_buf_free(&b);
			k++;
			continue;
		}
		if (q->offs.len == q->paras.len)
			q->offs.items[w] = q->offs.items[k];
		q->paras.items[w++] = t;
	}
	if (q->offs.len == q->paras.len)
		q->offs.len = w;
	q->paras.len = w;
}

static size_t S_segments(P *p, qblock *q, seg *sg, size_t cap)
{
	size_t n = 0;
	S_join_label_lines(p, q);
	for (size_t k = 0; k < q->paras.len; k++) {
		const char *t = q->paras.items[k];
		size_t tl = strlen(t), used;
		long num, sub;
		tiao_at at = TIAO_AT_NONE;
		if (tiao_label_read(t, tl, 0x6761 /* 条 */, &num, &sub, &used))
			at = TIAO_AT_ARTICLE;
		else if (tiao_label_read(t, tl, 0x7AE0 /* 章 */, &num, &sub, &used))
			at = TIAO_AT_CHAPTER;
		else if (tiao_label_read(t, tl, 0x8282 /* 节 */, &num, &sub, &used))
			at = TIAO_AT_SECTION;
		if (at != TIAO_AT_NONE) {
			size_t body = S_utf8_after_blank(t, used);
			if (at == TIAO_AT_ARTICLE && body == used && body < tl)
				at = TIAO_AT_NONE; /* 第三条规定… inside the text, not a label */
			else {
				if (n < cap) {
					sg[n].at = at;
					sg[n].num = num;
					sg[n].sub = sub;
					sg[n].from = k;
					sg[n].to = k + 1;
					sg[n].heading = NULL;
					if (at != TIAO_AT_ARTICLE) {
						/* heading: letter spacing removed */
						tiao_buf b = TIAO_BUF_INIT;
						size_t i = body;
						while (i < tl) {
							size_t j = i;
							uint32_t cp = tiao_utf8_next(t, tl, &j);
							if (!S_is_blank(cp))
								tiao_buf_put(&b, t + i, j - i);
							i = j;
						}
						sg[n].heading = S_dup(p->c, b.data ? b.data : "", b.len);
						tiao_buf_free(&b);
					} else {
						q->paras.items[k] = t + body;
					}
				}
				n++;
				continue;
			}
		}
		if (n == 0)
			return 0; /* the first paragraph has no label */
		if (n <= cap)
			sg[n - 1].to = k + 1;
	}
	return n;
}

static void S_quote_range(P *p, size_t k, qblock *q, size_t from, size_t to)
{
	qblock part;
	memset(&part, 0, sizeof part);
	for (size_t i = from; i < to; i++)
		TIAO_VEC_PUSH(&part.paras, q->paras.items[i]);
	part.line = q->line;
	part.col = q->col;
	if (from < q->offs.len)
		S_where(p, q->offs.items[from], &part.line, &part.col);
	S_set_quote(p, k, &part);
	S_qfree(&part);
}

/* Hand the segments of a labelled block to the pending instructions of this unit; articles no
 * instruction claims become new INSERTs when a division was inserted. */
static bool S_distribute(P *p, qblock *q)
{
	seg sg[256];
	size_t n = S_segments(p, q, sg, 256);
	if (n == 0 || n > 256)
		return false;
	size_t div_instr = (size_t)-1;
	for (size_t k = 0; k < p->pend.len; k++) {
		tiao_instr *in = S_in(p, p->pend.items[k].instr);
		if (in && in->op == TIAO_OP_INSERT &&
		    (in->pos.at == TIAO_AT_CHAPTER || in->pos.at == TIAO_AT_SECTION))
			div_instr = p->pend.items[k].instr;
	}
	for (size_t s = 0; s < n; s++) {
		bool claimed = false;
		for (size_t k = 0; k < p->pend.len; k++) {
			pending *pd = &p->pend.items[k];
			if (pd->instr == (size_t)-1 || pd->at != sg[s].at || pd->num != sg[s].num)
				continue;
			tiao_instr *in = S_in(p, pd->instr);
			if (!in)
				continue;
			if (sg[s].at == TIAO_AT_ARTICLE) {
				S_quote_range(p, pd->instr, q, sg[s].from, sg[s].to);
			} else {
				if (!in->new_text)
					in->new_text = sg[s].heading;
				if (s + 1 < n && sg[s + 1].at == TIAO_AT_ARTICLE)
					in->pos.art = (int)sg[s + 1].num;
			}
			pd->instr = (size_t)-1;
			claimed = true;
			break;
		}
		if (claimed)
			continue;
		if (sg[s].at == TIAO_AT_ARTICLE && div_instr != (size_t)-1) {
			size_t k = S_emit(p, TIAO_OP_INSERT);
			tiao_instr *in = S_in(p, k);
			if (in) {
				in->pos.at = TIAO_AT_ARTICLE;
				in->pos.art = (int)sg[s].num;
				in->pos.art_sub = (int)sg[s].sub;
			}
			S_quote_range(p, k, q, sg[s].from, sg[s].to);
			continue;
		}
		return false;
	}
	return true;
}

static void S_pend(P *p, size_t instr, tiao_at at, int num)
{
	pending pd = { instr, at, num, false };
	TIAO_VEC_PUSH(&p->pend, pd);
}

/* 增加 N 条/款/项/章/节 … */
static bool S_insert_clause(P *p, const tiao_addr *container, const tiao_addr *anchor, bool in_article)
{
	long cnt = 0;
	tiao_at what = TIAO_AT_NONE;
	bool counted = S_count_unit(p, &cnt, &what);
	if (!counted && !S_is_open(S_peek(p)))
		return false;
	qblock q;
	bool have_pre = false;
	memset(&q, 0, sizeof q);
	/* a quote before its position: 增加一款“…”作为第二款 / 增加“…”作为第二款 */
	if (S_is_open(S_peek(p)))
		have_pre = S_qblock(p, &q);
	if (!counted) {
		/* the level comes from the position */
		size_t s0 = p->i;
		tlist *tt = malloc(sizeof *tt);
		tiao_at tp;
		S_eat_comma(p);
		if (!have_pre || !tt || !S_eat(p, "作为") || !S_reflist(p, tt, &tp, NULL) || tt->n != 1) {
			free(tt);
			S_qfree(&q);
			return false;
		}
		what = tt->a[0].at;
		cnt = 1;
		free(tt);
		p->i = s0;
	}
	S_eat_comma(p);
	S_eat(p, "分别");
	tlist *t = malloc(sizeof *t);
	if (!t) {
		p->c->oom = 1;
		return false;
	}
	bool ok = false;
	tiao_at top = TIAO_AT_NONE;
	if (!S_eat(p, "作为") || !S_poslist(p, t, &top))
		goto out;
	if (t->n != (size_t)cnt && !(what == TIAO_AT_PARAGRAPH || what == TIAO_AT_ITEM))
		goto out;
	/* the level of the positions */
	tiao_at pat = t->a[0].at;
	if (pat != what && !(what == TIAO_AT_ARTICLE && pat == TIAO_AT_ARTICLE))
		goto out;
	const char *heading = NULL;
	if ((what == TIAO_AT_CHAPTER || what == TIAO_AT_SECTION) && S_is_open(S_peek(p)))
		heading = S_phrase(p);
	/* 增加一条，作为第一百一十一条，将第九十九条第三款修改后作为本条第一款：“…” */
	if (what == TIAO_AT_ARTICLE && t->n == 1) {
		size_t s2 = p->i;
		tlist *from = malloc(sizeof *from);
		if (from && S_eat_comma(p) && S_eat(p, "将") && S_reflist(p, from, NULL, NULL) &&
		    (S_eat(p, "修改后作为本条第一款") || S_eat(p, "修改后作为本条"))) {
			S_eat_colon(p);
			if (S_qblock(p, &q)) {
				size_t k = S_emit(p, TIAO_OP_SPLIT_OUT);
				S_set_targets(p, k, from->a, from->n);
				tiao_instr *in = S_in(p, k);
				if (in) {
					in->pos.at = TIAO_AT_ARTICLE;
					in->pos.art = t->a[0].art;
					in->pos.art_sub = t->a[0].art_sub;
				}
				S_set_quote(p, k, &q);
				S_qfree(&q);
				S_set_ctx(p, &from->a[0]);
				p->res = t->a[0];
				p->ctx_result = true;
				ok = true;
				free(from);
				goto out;
			}
		}
		free(from);
		p->i = s2;
	}
	bool have_q = have_pre;
	if (!have_pre) {
		size_t s3 = p->i;
		S_eat_colon(p);
		if (S_qblock(p, &q))
			have_q = true;
		else
			p->i = s3;
	}
	/* build the instructions */
	if (what == TIAO_AT_ARTICLE) {
		seg sg[64];
		size_t ns = have_q ? S_segments(p, &q, sg, 64) : 0;
		if (ns > 64)
			goto out;
		if (ns && ns != t->n)
			goto out;
		if (!ns && have_q && t->n > 1)
			goto out; /* which paragraphs belong to which article? */
		for (size_t k = 0; k < t->n; k++) {
			size_t in = S_emit(p, TIAO_OP_INSERT);
			tiao_instr *x = S_in(p, in);
			if (!x)
				goto out;
			x->pos = t->a[k];
			x->pos.at = TIAO_AT_ARTICLE;
			if (anchor)
				x->anchor = *anchor;
			if (ns) {
				if (sg[k].num != t->a[k].art || sg[k].sub != t->a[k].art_sub)
					goto out;
				S_quote_range(p, in, &q, sg[k].from, sg[k].to);
			} else if (have_q) {
				S_set_quote(p, in, &q);
			} else {
				S_pend(p, in, TIAO_AT_ARTICLE, t->a[k].art);
			}
		}
		p->res = t->a[t->n - 1];
		p->res.at = TIAO_AT_ARTICLE;
		p->ctx_result = true;
	} else if (what == TIAO_AT_CHAPTER || what == TIAO_AT_SECTION) {
		if (t->n != 1)
			goto out;
		size_t in = S_emit(p, TIAO_OP_INSERT);
		tiao_instr *x = S_in(p, in);
		if (!x)
			goto out;
		x->pos = t->a[0];
		if (what == TIAO_AT_SECTION && !x->pos.chapter && anchor)
			x->pos.chapter = anchor->chapter;
		if (anchor)
			x->anchor = *anchor;
		x->new_text = heading;
		S_pend(p, in, what, S_level_num(&t->a[0], what));
		if (have_q && !S_distribute(p, &q))
			goto out;
	} else {
		/* paragraphs and items: one INSERT holding every quoted paragraph */
		if (!t->n)
			goto out;
		size_t in = S_emit(p, TIAO_OP_INSERT);
		tiao_instr *x = S_in(p, in);
		if (!x)
			goto out;
		x->pos = t->a[0];
		x->pos.at = what;
		if (anchor)
			x->anchor = *anchor;
		bool explicit_art = S_rank(top) <= S_rank(TIAO_AT_ARTICLE) && t->a[0].art;
		if (explicit_art) {
			/* result numbering */
		} else if (container) {
			tiao_addr cont = *container;
			if (what == TIAO_AT_PARAGRAPH || cont.at == TIAO_AT_ARTICLE || !cont.para)
				cont = S_article_of(container);
			else {
				cont.at = TIAO_AT_PARAGRAPH;
				cont.item = cont.subitem = 0;
			}
			S_set_targets(p, in, &cont, 1);
			x = S_in(p, in);
			x->pos.art = 0;
			x->pos.art_sub = 0;
			if (what == TIAO_AT_ITEM && cont.at == TIAO_AT_PARAGRAPH)
				x->pos.para = cont.para;
		} else if (p->ctx_result) {
			x->pos.art = p->res.art;
			x->pos.art_sub = p->res.art_sub;
		} else if (p->ctx_ok) {
			tiao_addr cont = S_article_of(&p->ctx);
			if (what == TIAO_AT_ITEM && p->ctx.para) {
				cont.at = TIAO_AT_PARAGRAPH;
				cont.para = p->ctx.para;
			}
			S_set_targets(p, in, &cont, 1);
			x = S_in(p, in);
			x->pos.art = 0;
			x->pos.art_sub = 0;
			if (what == TIAO_AT_ITEM && cont.at == TIAO_AT_PARAGRAPH)
				x->pos.para = cont.para;
		} else {
			goto out;
		}
		if (have_q)
			S_set_quote(p, in, &q);
		else {
			pending pd = { in, what, 0, in_article };
			TIAO_VEC_PUSH(&p->pend, pd);
		}
	}
	ok = true;
out:
	S_qfree(&q);
	free(t);
	return ok;
}

/* Subject 改为/作为/单列一条… dest, with an optional ，修改为：“…” */
static bool S_move_clause(P *p, tlist *subj, tiao_at subj_top, bool via_as, bool split_word)
{
	/* 改为两条 / 改为三条 */
	size_t save = p->i;
	long cnt;
	tiao_at what;
	if (!via_as && !split_word && S_count_unit(p, &cnt, &what)) {
		if (what != TIAO_AT_ARTICLE || subj->n != 1 || subj->a[0].at != TIAO_AT_ARTICLE) {
			p->i = save;
			return false;
		}
		S_set_ctx(p, &subj->a[0]);
		S_set_last(p, subj->a, 1, true);
		size_t s2 = p->i;
		tlist *t = malloc(sizeof *t);
		if (!t) {
			p->c->oom = 1;
			return false;
		}
		if (S_eat_comma(p) && (S_eat(p, "分别作为") || S_eat(p, "作为")) && S_poslist(p, t, NULL) &&
		    t->n == (size_t)cnt) {
			qblock q;
			if (S_modify_tail(p, &q)) {
				size_t k = S_emit(p, TIAO_OP_SPLIT_ARTICLE);
				S_set_targets(p, k, subj->a, 1);
				S_join_label_lines(p, &q);
				S_set_quote(p, k, &q);
				tiao_instr *in = S_in(p, k);
				if (in) {
					in->pos = t->a[0];
					in->pos.at = TIAO_AT_ARTICLE;
				}
				S_qfree(&q);
				free(t);
				return true;
			}
		}
		free(t);
		p->i = s2; /* the parts follow as clauses of their own (第一款作为第八十条；…) */
		return true;
	}
	p->i = save;
	tlist *dest = malloc(sizeof *dest);
	if (!dest) {
		p->c->oom = 1;
		return false;
	}
	tiao_at dtop;
	bool ok = false;
	bool need;
	size_t dsave = p->i;
	qblock q;
	memset(&q, 0, sizeof q);
	if (!S_reflist(p, dest, &dtop, &need)) {
		p->i = dsave;
		goto out;
	}
	/* a bare destination paragraph/item keeps the subject's article: 第三款改为第四款 */
	bool same_art = S_rank(dtop) > S_rank(TIAO_AT_ARTICLE);
	bool have_q = S_modify_tail(p, &q);
	if (!have_q && split_word) {
		/* 将第十条第（一）项单列增加一条，作为第九条：“…” — the new text follows the colon */
		size_t qs = p->i;
		memset(&q, 0, sizeof q);
		if (S_eat_colon(p) && (S_at(p, "“") || S_at(p, "\"")) && S_qblock(p, &q))
			have_q = true;
		else {
			S_qfree(&q);
			memset(&q, 0, sizeof q);
			p->i = qs;
		}
	}
	if (subj->n == dest->n && subj->n > 1) {
		/* 第三、四、五、六款分别作为第八十一条第二、三、四、五款: pairwise */
		for (size_t k = 0; k < subj->n; k++) {
			size_t in = S_emit(p, TIAO_OP_MOVE);
			S_set_targets(p, in, &subj->a[k], 1);
			if (S_in(p, in))
				S_in(p, in)->pos = dest->a[k];
		}
		if (have_q)
			goto out;
		ok = true;
		goto out;
	}
	if (dest->n != 1)
		goto out;
	tiao_addr s0 = subj->a[0], d0 = dest->a[0];
	tiao_at sat = s0.at, dat = d0.at;
	size_t in;
	if (sat == TIAO_AT_ARTICLE && subj->n == 1 &&
	    (dat == TIAO_AT_ARTICLE || (dat == TIAO_AT_PARAGRAPH && !same_art && d0.para == 1))) {
		if (via_as) {
			in = S_emit(p, TIAO_OP_MOVE);
			S_set_targets(p, in, &s0, 1);
			if (S_in(p, in))
				S_in(p, in)->pos = d0, S_in(p, in)->pos.at = TIAO_AT_ARTICLE, S_in(p, in)->pos.para = 0;
		} else {
			in = S_emit(p, TIAO_OP_RENUMBER);
			S_set_targets(p, in, &s0, 1);
			if (S_in(p, in)) {
				S_in(p, in)->stated_num = d0.art;
				S_in(p, in)->stated_sub = d0.art_sub;
			}
		}
		S_set_ctx(p, &s0);
		S_set_last(p, &s0, 1, true);
		if (have_q) {
			size_t r = S_emit(p, TIAO_OP_REPLACE);
			S_set_targets(p, r, &s0, 1);
			S_set_quote(p, r, &q);
			S_qfree(&q);
		}
		ok = true;
		goto out;
	}
	if ((sat == TIAO_AT_PARAGRAPH || sat == TIAO_AT_ITEM) && !same_art &&
	    (dat == TIAO_AT_ARTICLE || (dat == TIAO_AT_PARAGRAPH && d0.para == 1))) {
		in = S_emit(p, TIAO_OP_SPLIT_OUT);
		S_set_targets(p, in, subj->a, subj->n);
		tiao_instr *x = S_in(p, in);
		if (x) {
			x->pos = d0;
			x->pos.at = TIAO_AT_ARTICLE;
			x->pos.para = 0;
		}
		if (have_q) {
			S_set_quote(p, in, &q);
			S_qfree(&q);
		}
		S_set_ctx(p, &s0);
		p->res = d0;
		p->res.at = TIAO_AT_ARTICLE;
		p->res.para = 0;
		p->ctx_result = true;
		ok = true;
		goto out;
	}
	if ((sat == TIAO_AT_PARAGRAPH && dat == TIAO_AT_PARAGRAPH && !same_art) && subj->n == 1) {
		in = S_emit(p, TIAO_OP_MOVE);
		S_set_targets(p, in, &s0, 1);
		if (S_in(p, in))
			S_in(p, in)->pos = d0;
		if (have_q) {
			size_t r = S_emit(p, TIAO_OP_REPLACE);
			S_set_targets(p, r, &s0, 1);
			S_set_quote(p, r, &q);
			S_qfree(&q);
		}
		ok = true;
		goto out;
	}
	if (same_art && subj->n == 1 && sat == dat && !via_as &&
	    (sat == TIAO_AT_PARAGRAPH || sat == TIAO_AT_ITEM || sat == TIAO_AT_SUBITEM)) {
		in = S_emit(p, TIAO_OP_RENUMBER);
		S_set_targets(p, in, &s0, 1);
		if (S_in(p, in))
			S_in(p, in)->stated_num = S_level_num(&d0, dat);
		S_set_ctx(p, &s0);
		S_set_last(p, &s0, 1, true);
		if (have_q) {
			size_t r = S_emit(p, TIAO_OP_REPLACE);
			S_set_targets(p, r, &s0, 1);
			S_set_quote(p, r, &q);
			S_qfree(&q);
		}
		ok = true;
		goto out;
	}
	if (via_as && same_art && subj->n == 1 && sat == TIAO_AT_PARAGRAPH && dat == TIAO_AT_PARAGRAPH) {
		in = S_emit(p, TIAO_OP_MOVE);
		S_set_targets(p, in, &s0, 1);
		if (S_in(p, in)) {
			S_in(p, in)->pos = d0;
			S_in(p, in)->pos.art = 0;
		}
		ok = true;
		goto out;
	}
out:
	S_qfree(&q);
	free(dest);
	return ok;
}

/* The body of a clause after its subject reference list. */
static bool S_after_subject(P *p, tlist *t, tiao_at top, bool need)
{
	if (need)
		return false;
	tiao_addr s0 = t->a[0];
	/* 中的 … : phrases */
	if (S_at(p, "中的") || S_at(p, "章名中的") || S_at(p, "的章名中的") || S_at(p, "节名中的")) {
		bool heading = !S_at(p, "中的");
		if (heading) {
			if (!(S_eat(p, "章名中的") || S_eat(p, "的章名中的") || S_eat(p, "节名中的")))
				return false;
			const char *ph[8];
			size_t n = S_phrases(p, ph, 8);
			if (!n || !S_eat_subst_verb(p))
				return false;
			const char *nt = S_phrase(p);
			if (!nt)
				return false;
			size_t k = S_emit(p, TIAO_OP_HEADING_SUBST);
			S_set_targets(p, k, t->a, t->n);
			S_set_olds(p, k, ph, n);
			S_in(p, k) ? (void)(S_in(p, k)->new_text = nt) : (void)0;
			return true;
		}
		S_eat(p, "中的");
		src first;
		memset(&first, 0, sizeof first);
		memcpy(first.t, t->a, t->n * sizeof t->a[0]);
		first.nt = t->n;
		first.group = ++p->c->next_group;
		first.nolds = S_phrases(p, first.olds, 8);
		if (!first.nolds)
			return false;
		if (s0.art)
			S_set_ctx(p, &s0);
		return S_subst_clause(p, true, &first);
	}
	/* 款首修改为: the lead-in of the paragraph */
	if (S_at(p, "款首")) {
		p->i += strlen("款首");
		for (size_t k = 0; k < t->n; k++)
			if (t->a[k].at == TIAO_AT_PARAGRAPH)
				t->a[k].at = TIAO_AT_LEADIN;
	}
	/* 章名修改为 */
	if (S_eat(p, "章名修改为") || S_eat(p, "的章名修改为") || S_eat(p, "节名修改为") ||
	    S_eat(p, "的节名修改为")) {
		S_eat_colon(p);
		const char *h = S_phrase(p);
		if (!h)
			return false;
		size_t k = S_emit(p, TIAO_OP_HEADING);
		S_set_targets(p, k, t->a, t->n);
		S_in(p, k) ? (void)(S_in(p, k)->new_text = h) : (void)0;
		return true;
	}
	/* 修改为：“…” / 分为两款，修改为 / 改为两项，修改为 */
	{
		size_t save = p->i;
		long split_cnt = 0;
		tiao_at split_w = TIAO_AT_ARTICLE;
		if (S_eat(p, "改为")) {
			/* 改为两项，修改为 (改为两条 is a SPLIT_ARTICLE, read by S_move_clause) */
			long cnt;
			tiao_at w;
			if (S_count_unit(p, &cnt, &w) && w != TIAO_AT_ARTICLE && S_eat_comma(p) && S_at(p, "修改为")) {
				split_cnt = cnt;
				split_w = w;
			} else
				p->i = save;
		} else if (S_eat(p, "分为")) {
			long cnt;
			tiao_at w;
			if (!S_count_unit(p, &cnt, &w) || !S_eat_comma(p))
				p->i = save;
			else if (S_at(p, "分别作为") || S_at(p, "作为")) {
				/* 分为两项，作为第二项、第三项，修改为 (the positions follow from the quote) */
				size_t s2 = p->i;
				tlist *pl = malloc(sizeof *pl);
				if (!pl || !(S_eat(p, "分别作为") || S_eat(p, "作为")) || !S_reflist(p, pl, NULL, NULL) ||
				    pl->n != (size_t)cnt || !S_eat_comma(p))
					p->i = s2;
				free(pl);
			} else {
				split_cnt = cnt;
				split_w = w;
			}
		}
		if (S_eat(p, "修改为")) {
			S_eat_colon(p);
			qblock q;
			if (!S_qblock(p, &q))
				return false;
			if (split_cnt > 1 && split_w == TIAO_AT_ITEM)
				S_split_inline_items(p, &q, split_cnt);
			size_t k = S_emit(p, TIAO_OP_REPLACE);
			S_set_targets(p, k, t->a, t->n);
			S_set_quote(p, k, &q);
			S_qfree(&q);
			S_set_ctx(p, &s0);
			S_set_last(p, t->a, t->n, true);
			return true;
		}
		p->i = save;
	}
	/* 修改后作为…, 进行修改 are handled by their callers */
	/* 单列一条，作为 / 单作一条，作为 */
	if (S_eat(p, "单列一条") || S_eat(p, "单作一条") || S_eat(p, "单列为一条") || S_eat(p, "单列增加一条")) {
		S_eat_comma(p);
		if (!S_eat(p, "作为"))
			return false;
		return S_move_clause(p, t, top, true, true);
	}
	/* 合并 */
	if (S_eat(p, "合并修改为")) {
		/* 将第一项、第二项、第三项合并修改为“…” */
		S_eat_colon(p);
		qblock q;
		if (!S_qblock(p, &q))
			return false;
		size_t k = S_emit(p, TIAO_OP_REPLACE);
		S_set_targets(p, k, t->a, t->n);
		S_set_quote(p, k, &q);
		S_qfree(&q);
		return true;
	}
	{
		/* 合并为一章，章名为“…” / 合并为第五章，章名修改为“…” (the number: the first division's) */
		size_t cited_n = p->ncited;
		const char *cited[TIAO_ARRAY_LEN(p->cited)];
		memcpy(cited, p->cited, sizeof cited);
		bool one = S_eat(p, "合并为一章") || S_eat(p, "合并为一节");
		bool numbered = false;
		if (!one && S_at(p, "合并为第")) {
			size_t s1 = p->i;
			S_eat(p, "合并为");
			tlist *d = malloc(sizeof *d);
			if (!d) {
				p->c->oom = 1;
				return false;
			}
			tiao_at dt;
			numbered = S_reflist(p, d, &dt, NULL) && d->n == 1 && t->n >= 2 && d->a[0].at == t->a[0].at &&
			           (d->a[0].at == TIAO_AT_CHAPTER || d->a[0].at == TIAO_AT_SECTION) &&
			           d->a[0].chapter == t->a[0].chapter && d->a[0].section == t->a[0].section;
			free(d);
			if (!numbered)
				p->i = s1;
		}
		if (one || numbered) {
			S_eat_comma(p);
			static const char *const hw[] = { "章名修改为", "节名修改为", "章名为", "节名为" };
			if (!S_eat_any(p, hw, TIAO_ARRAY_LEN(hw)))
				return false;
			S_eat_colon(p);
			const char *h = S_phrase(p);
			if (!h)
				return false;
			size_t k = S_emit(p, TIAO_OP_MERGE_DIVISION);
			S_set_targets(p, k, t->a, t->n);
			tiao_instr *x = S_in(p, k);
			if (x) {
				x->new_text = h;
				if (cited_n == t->n) {
					const char *olds[TIAO_ARRAY_LEN(p->cited)];
					for (size_t m = 0; m < cited_n; m++)
						olds[m] = cited[m] ? cited[m] : "";
					S_set_olds(p, k, olds, cited_n);
				}
			}
			return true;
		}
	}
	if (S_eat(p, "合并")) {
		bool one_art = S_eat(p, "为一条");
		bool one_para = !one_art && S_eat(p, "为一款");
		S_eat_comma(p);
		if (!S_at(p, "作为") && (one_art || one_para) && (S_at(p, "修改为") || S_at(p, "并修改为"))) {
			/* 将第一款、第二款合并为一款，修改为 / 将第十条、第十一条合并为一条，修改为 */
			if (!S_eat(p, "修改为"))
				S_eat(p, "并修改为");
			S_eat_colon(p);
			qblock q;
			if (!S_qblock(p, &q))
				return false;
			size_t k = S_emit(p, one_para ? TIAO_OP_REPLACE : TIAO_OP_MERGE);
			S_set_targets(p, k, t->a, t->n);
			S_set_quote(p, k, &q);
			S_qfree(&q);
			if (s0.art)
				S_set_ctx(p, &s0);
			return true;
		}
		if (!S_eat(p, "作为"))
			return false;
		tlist *d = malloc(sizeof *d);
		if (!d)
			return false;
		tiao_at dtop;
		bool ok = false;
		if (S_reflist(p, d, &dtop, NULL) && d->n == 1) {
			qblock q;
			bool hq = S_modify_tail(p, &q);
			size_t k = S_emit(p, TIAO_OP_MERGE);
			S_set_targets(p, k, t->a, t->n);
			tiao_instr *in = S_in(p, k);
			if (in) {
				in->pos = d->a[0];
				if (S_rank(dtop) > S_rank(TIAO_AT_ARTICLE))
					in->pos.art = 0, in->pos.art_sub = 0;
			}
			if (hq) {
				S_set_quote(p, k, &q);
				S_qfree(&q);
			}
			if (s0.art)
				S_set_ctx(p, &s0);
			ok = true;
		}
		free(d);
		return ok;
	}
	if (S_eat(p, "并入")) {
		tlist *d = malloc(sizeof *d);
		if (!d)
			return false;
		bool ok = false;
		if (S_reflist(p, d, NULL, NULL) && d->n == 1) {
			size_t k = S_emit(p, TIAO_OP_MERGE_DIVISION);
			S_set_targets(p, k, t->a, t->n);
			if (S_in(p, k))
				S_in(p, k)->pos = d->a[0];
			ok = true;
		}
		free(d);
		return ok;
	}
	if (S_eat(p, "调整为") || S_eat(p, "移作")) {
		tlist *d = malloc(sizeof *d);
		if (!d)
			return false;
		bool ok = false;
		if (S_reflist(p, d, NULL, NULL) && d->n == 1 && t->n == 1) {
			size_t k = S_emit(p, TIAO_OP_MOVE);
			S_set_targets(p, k, t->a, 1);
			if (S_in(p, k))
				S_in(p, k)->pos = d->a[0];
			S_set_ctx(p, &s0);
			ok = true;
		}
		free(d);
		return ok;
	}
	if (S_eat(p, "改为"))
		return S_move_clause(p, t, top, false, false);
	if (S_eat(p, "分别作为") || S_eat(p, "作为"))
		return S_move_clause(p, t, top, true, false);
	/* 第八条增加一款，作为第三款 */
	if (S_eat(p, "中增加") || S_eat(p, "增加")) {
		if (t->n != 1)
			return false;
		bool ok = S_insert_clause(p, &s0, NULL, true);
		if (ok)
			S_set_ctx(p, &s0);
		return ok;
	}
	/* 第一百六十二条后增加一条，作为第一百六十二条之一 (在 left out) */
	if (t->n == 1 && (S_eat(p, "之后增加") || S_eat(p, "后增加")))
		return S_insert_clause(p, NULL, &s0, false);
	return false;
}

/* One clause. Returns false if it cannot be read. */
/* The instruction before, when it inserts an article of this unit still waiting for its text. */
static tiao_instr *S_pending_insert(P *p)
{
	if (p->c->d->n <= p->unit_first_instr)
		return NULL;
	tiao_instr *in = &p->c->d->instrs[p->c->d->n - 1];
	if (in->op != TIAO_OP_INSERT || in->pos.at != TIAO_AT_ARTICLE || in->quote.n)
		return NULL;
	return in;
}

static bool S_clause(P *p)
{
	static const char *const lead[] = { "根据本决定", "并且", "并", "同时", "另外", "另" };
	S_eat_any(p, lead, TIAO_ARRAY_LEN(lead));
	/* 第五十三条以后各条序号依次提前 (辽宁 丹东 2022): the renumbering order, in an item */
	{
		size_t s0 = p->i;
		ref r;
		if (S_at(p, "第") && S_ref(p, &r, false) && r.bottom == TIAO_AT_ARTICLE &&
		    (S_eat(p, "以后") || S_eat(p, "之后") || S_eat(p, "后")) && (S_eat(p, "的"), S_eat(p, "各条"))) {
			S_eat(p, "的");
			static const char *const what[] = { "条文序号", "条款序号", "序号", "顺序" };
			S_eat_any(p, what, TIAO_ARRAY_LEN(what));
			static const char *const how[] = { "依次", "相应", "顺次" };
			S_eat_any(p, how, TIAO_ARRAY_LEN(how));
			static const char *const mv[] = { "提前", "前移", "顺延", "后移", "调整" };
			if (S_eat_any(p, mv, TIAO_ARRAY_LEN(mv))) {
				if (!p->c->d->is_amendment)
					p->c->d->renumber = true;
				return true;
			}
		}
		p->i = s0;
	}
	/* not instructions */
	if (S_at(p, "本决定") || S_at(p, "本修正案")) {
		while (p->i < p->len && p->s[p->i] != '\n')
			p->i++;
		return true;
	}
	if (S_at(p, "对") && !S_at(p, "对第")) {
		/* 对部分条文作以下修改： / 对部分条文中的有关表述作以下修改： */
		size_t j = p->i;
		while (j < p->len && p->s[j] != '\n') {
			size_t k;
			uint32_t cp = S_cp(p->s, p->len, j, &k);
			if (S_is_colon(cp)) {
				if (S_contains(p->s + p->i, j - p->i, "修改")) {
					p->i = k;
					return true;
				}
				break;
			}
			if (S_is_period(cp) || S_is_comma(cp) || S_is_semi(cp) || S_is_open(cp))
				break;
			j = k;
		}
	}
	{
		/* 其他修改： / 对部分条文作如下修改： (a heading, not an instruction) */
		size_t j = p->i;
		bool has_ref = false;
		while (j < p->len && p->s[j] != '\n') {
			size_t k;
			uint32_t cp = S_cp(p->s, p->len, j, &k);
			if (S_is_open(cp) || S_is_period(cp) || S_is_comma(cp) || S_is_semi(cp))
				break;
			if (S_starts(p->s + j, "第"))
				has_ref = true;
			if (S_is_colon(cp)) {
				size_t e = S_skip_blank(p->s, p->len, k);
				if (!has_ref && (e >= p->len || p->s[e] == '\n') &&
				    S_contains(p->s + p->i, j - p->i, "修改") && !S_contains(p->s + p->i, j - p->i, "修改为")) {
					p->i = k;
					return true;
				}
				break;
			}
			j = k;
		}
	}
	{
		/* narrative lead-ins (此外，按照立法技术规范要求，…对条例部分文字表述作了规范，将…): no
		 * operation word, no reference, no quote before the next ，；。 */
		size_t j = p->i;
		bool plain = true;
		while (j < p->len && p->s[j] != '\n') {
			size_t k;
			uint32_t cp = S_cp(p->s, p->len, j, &k);
			if (S_is_comma(cp) || S_is_semi(cp) || S_is_period(cp))
				break;
			if (S_is_open(cp) || S_is_colon(cp) || S_starts(p->s + j, "第")) {
				plain = false;
				break;
			}
			j = k;
		}
		if (plain) {
			/* a line with a closing mark but no opening one before it is new text whose opening
			 * mark is missing (贵州 三都 2022: 修改为：“…报告。”⏎禁渔期…违规垂钓行为。”), never
			 * narrative: it is reported, not dropped */
			int open = 0;
			for (size_t m = p->i; m < p->len && p->s[m] != '\n';) {
				size_t k;
				uint32_t cp = S_cp(p->s, p->len, m, &k);
				if (cp == 0x201C)
					open++;
				else if (cp == 0x201D && open-- <= 0) {
					plain = false;
					break;
				}
				m = k;
			}
		}
		if (plain && j > p->i && !S_has_op_word(p->s + p->i, j - p->i) &&
		    !S_contains(p->s + p->i, j - p->i, "修改") && !S_contains(p->s + p->i, j - p->i, "删") &&
		    !S_contains(p->s + p->i, j - p->i, "增加")) {
			p->i = j;
			return true;
		}
	}
	/* 内容如下：“…” */
	if (S_eat(p, "内容如下")) {
		S_eat_colon(p);
		qblock q;
		if (!S_qblock(p, &q))
			return false;
		bool ok = S_distribute(p, &q);
		S_qfree(&q);
		return ok;
	}
	/* 对第三十条进行修改，作为第七十条 */
	if (S_eat(p, "对")) {
		tlist *t = malloc(sizeof *t);
		if (!t)
			return false;
		bool ok = false;
		if (S_reflist(p, t, NULL, NULL) && t->n == 1 && t->a[0].at == TIAO_AT_ARTICLE &&
		    (S_eat(p, "进行修改") || S_eat(p, "作出修改") || S_eat(p, "作修改"))) {
			tiao_addr s0 = t->a[0];
			size_t s2 = p->i;
			tlist *d = malloc(sizeof *d);
			if (d && S_eat_comma(p) && S_eat(p, "作为") && S_reflist(p, d, NULL, NULL) && d->n == 1 &&
			    d->a[0].at == TIAO_AT_ARTICLE) {
				size_t k = S_emit(p, TIAO_OP_MOVE);
				S_set_targets(p, k, &s0, 1);
				if (S_in(p, k))
					S_in(p, k)->pos = d->a[0];
				size_t r = S_emit(p, TIAO_OP_REPLACE);
				S_set_targets(p, r, &s0, 1);
				S_pend(p, r, TIAO_AT_ARTICLE, d->a[0].art);
				ok = true;
			} else {
				p->i = s2;
				size_t r = S_emit(p, TIAO_OP_REPLACE);
				S_set_targets(p, r, &s0, 1);
				S_pend(p, r, TIAO_AT_ARTICLE, s0.art);
				ok = true;
			}
			free(d);
			S_set_ctx(p, &s0);
		}
		free(t);
		return ok;
	}
	/* 在 … */
	if (S_eat(p, "在")) {
		size_t save = p->i;
		/* 在第七章后增加一章 / 在第四款后增加一款 / 在刑法第X条后增加一条 / 在刑法第X条中增加一款 */
		tlist *t = malloc(sizeof *t);
		if (!t)
			return false;
		bool need;
		tiao_at top;
		if (S_reflist(p, t, &top, &need) && !need) {
			tiao_addr a0 = t->a[0];
			if (t->n == 1 && (S_eat(p, "之后增加") || S_eat(p, "后增加"))) {
				bool ok = S_insert_clause(p, NULL, &a0, false);
				free(t);
				return ok;
			}
			if (S_at(p, "中") && S_is_comma(S_cp(p->s, p->len, p->i + 3, NULL))) {
				/* 在第十一条第一款、第十五条中，将“A”修改为“B”，在“C”后增加“D” */
				p->i += 3;
				S_set_last(p, t->a, t->n, true);
				if (a0.art)
					S_set_ctx(p, &a0);
				free(t);
				return true;
			}
			if (t->n == 1 && S_eat(p, "中增加")) {
				S_set_ctx(p, &a0);
				S_set_last(p, &a0, 1, true);
				bool ok = S_insert_clause(p, &a0, NULL, true);
				if (ok)
					S_set_ctx(p, &a0);
				free(t);
				return ok;
			}
		}
		free(t);
		p->i = save;
		return S_insert_text(p);
	}
	/* 删去 / 删除 */
	if (S_eat(p, "删去") || S_eat(p, "删除")) {
		S_eat(p, "了");
		src sc;
		memset(&sc, 0, sizeof sc);
		int r = S_scope(p, &sc);
		if (r < 0)
			return false;
		if (r == 1)
			return S_delete_phrases(p, &sc);
		tlist *t = malloc(sizeof *t);
		if (!t)
			return false;
		bool need;
		tiao_at top;
		bool ok = false;
		if (S_reflist(p, t, &top, &need)) {
			if (!need) {
				size_t k = S_emit(p, TIAO_OP_DELETE);
				S_set_targets(p, k, t->a, t->n);
				S_set_ctx(p, &t->a[0]);
				S_set_last(p, t->a, t->n, true);
				ok = true;
			}
		} else if (S_is_open(S_peek(p)) && S_inherit_scope(p, &sc)) {
			ok = S_delete_phrases(p, &sc);
		}
		free(t);
		return ok;
	}
	/* 增加一条，作为… */
	if (S_at(p, "增加")) {
		p->i += strlen("增加");
		return S_insert_clause(p, NULL, NULL, false);
	}
	/* 将 … / a bare subject */
	if (!S_eat(p, "将"))
		S_eat(p, "把");
	if (S_is_open(S_peek(p)))
		return S_subst_clause(p, false, NULL);
	{
		size_t save = p->i;
		src sc;
		memset(&sc, 0, sizeof sc);
		int r = S_scope(p, &sc);
		if (r < 0)
			return false;
		if (r == 1) {
			sc.nolds = S_phrases(p, sc.olds, 8);
			if (!sc.nolds)
				return false;
			return S_subst_clause(p, true, &sc);
		}
		p->i = save;
	}
	tlist *t = malloc(sizeof *t);
	if (!t)
		return false;
	bool need;
	tiao_at top;
	bool ok = false;
	if (S_eat(p, "该条") || S_eat(p, "本条")) {
		/* 将该条修改为 (修正案) */
		if (p->ctx_ok) {
			t->a[0] = S_article_of(&p->ctx);
			t->n = 1;
			ok = S_after_subject(p, t, TIAO_AT_ARTICLE, false);
		}
	} else if (S_reflist(p, t, &top, &need)) {
		/* 增加一条作为第四十四条，原第四十三条第一款修改后并入本条：⏎text (上海 2024): the old
		 * provision moves into the inserted article, whose full text the decision gives; it
		 * leaves its old place (a DELETE), and the text stays pending for the INSERT */
		tiao_instr *prev = S_pending_insert(p);
		if (!need && prev && (S_eat(p, "修改后并入本条") || S_eat(p, "并入本条") ||
		                      S_eat(p, "修改后并入该条") || S_eat(p, "并入该条"))) {
			size_t ins = (size_t)(prev - p->c->d->instrs);
			size_t k = S_emit(p, TIAO_OP_DELETE);
			S_set_targets(p, k, t->a, t->n);
			S_eat_colon(p);
			qblock q;
			if (S_qblock(p, &q)) {
				S_set_quote(p, ins, &q);
				S_qfree(&q);
			}
			ok = true;
		} else {
			ok = S_after_subject(p, t, top, need);
		}
	}
	free(t);
	return ok;
}

/* Skip to the end of the sentence (for recovery after an unreadable clause). */
static void S_skip_sentence(P *p)
{
	qstate q = { false, false, 0 };
	while (p->i < p->len) {
		size_t j;
		uint32_t cp = S_cp(p->s, p->len, p->i, &j);
		if (!q.open && (cp == '\n' || S_is_period(cp) || S_is_semi(cp)))
			return;
		if (cp == 0x201C && !q.open)
			q.open = true;
		else if (cp == 0x201D && q.open)
			q.open = false;
		else if (cp == '"')
			q.open = !q.open;
		p->i = j;
	}
}

static void S_parse_unit(dctx *c, unit *u, const char *buf, size_t len, const srcmap *map, size_t nmap)
{
	P p;
	memset(&p, 0, sizeof p);
	p.c = c;
	p.u = u;
	p.s = buf;
	p.len = len;
	p.map = map;
	p.nmap = nmap;
	p.last = calloc(1, sizeof *p.last);
	if (!p.last) {
		c->oom = 1;
		return;
	}
	p.unit_first_instr = c->d->n;
	p.i = u->body0;
	/* an inline title: 将《A》第七条… / 删去《A》第三十七条 */
	for (;;) {
		S_ws(&p);
		while (p.i < p.len) {
			size_t j;
			uint32_t cp = S_cp(p.s, p.len, p.i, &j);
			if (cp == '\n' || S_is_blank(cp) || S_is_comma(cp) || S_is_semi(cp) || S_is_period(cp))
				p.i = j;
			else
				break;
		}
		if (p.i >= p.len)
			break;
		p.clause_start = p.i;
		size_t before = c->d->n;
		/* drop an inline regulation title after the first verb */
		if (u->title) {
			static const char *const verbs[] = { "将", "删去", "删除", "在", "对" };
			for (size_t k = 0; k < TIAO_ARRAY_LEN(verbs); k++) {
				size_t vl = strlen(verbs[k]);
				if (S_starts(p.s + p.i, verbs[k])) {
					size_t ts, te, end;
					if (S_read_title(p.s, p.len, p.i + vl, &ts, &te, &end)) {
						/* rewrite in place: the title is blanked out (the buffer is ours) */
						char *w = (char *)p.s;
						for (size_t z = p.i + vl; z < end; z++)
							w[z] = ' ';
					}
					break;
				}
			}
		}
		p.why = NULL;
		bool ok = S_clause(&p);
		if (ok && !S_at_sep(&p) && !S_at(&p, "内容如下") && !S_at_quote_sep(&p))
			ok = false;
		if (!ok) {
			c->d->n = before; /* drop half-built instructions */
			p.i = p.clause_start;
			S_fail(&p, NULL);
			S_skip_sentence(&p);
		} else {
			for (size_t k = before; k < c->d->n; k++)
				c->d->instrs[k].clause = NULL;
			/* the clause text */
			size_t e = p.i;
			char *txt = S_dup_line(c, p.s + p.clause_start, e - p.clause_start);
			for (size_t k = before; k < c->d->n; k++)
				c->d->instrs[k].clause = txt;
		}
	}
	/* instructions still waiting for their quote */
	for (size_t k = 0; k < p.pend.len; k++) {
		pending *pd = &p.pend.items[k];
		if (pd->instr == (size_t)-1)
			continue;
		tiao_instr *in = &c->d->instrs[pd->instr];
		if (in->quote.n)
			continue;
		if (in->op == TIAO_OP_INSERT && (in->pos.at == TIAO_AT_CHAPTER || in->pos.at == TIAO_AT_SECTION))
			continue;
		/* 修正案: 在刑法第X条中增加一款作为第Y款，将该条修改为：“…” — the quote holds it */
		bool subsumed = false;
		if (pd->subsumed_ok && in->op == TIAO_OP_INSERT && in->ntargets == 1) {
			for (size_t m = pd->instr + 1; m < c->d->n; m++) {
				tiao_instr *r = &c->d->instrs[m];
				if (r->op == TIAO_OP_REPLACE && r->ntargets == 1 &&
				    r->targets[0].at == TIAO_AT_ARTICLE && r->targets[0].art == in->targets[0].art &&
				    r->targets[0].art_sub == in->targets[0].art_sub)
					subsumed = true;
			}
		}
		if (subsumed) {
			in->op = TIAO_OP_NONE; /* removed below */
			continue;
		}
		S_report(c, TIAO_EUNSUPPORTED, in->line, in->col,
		         "unrecognised instruction (no quoted text for it): %s", in->clause ? in->clause : "");
		in->op = TIAO_OP_NONE;
	}
	/* compact away removed instructions */
	size_t w = p.unit_first_instr;
	for (size_t k = p.unit_first_instr; k < c->d->n; k++)
		if (c->d->instrs[k].op != TIAO_OP_NONE)
			c->d->instrs[w++] = c->d->instrs[k];
	c->d->n = w;
	TIAO_VEC_FREE(&p.pend);
	free(p.last);
}

/* ------------------------------------------------------------------------------------------ */
/* passes 1 and 2                                                                              */

typedef struct scan {
	pinfo *pi;
	TIAO_VEC(unit) units;
	size_t header_end; /* paragraphs [0, header_end) are the header */
	bool renumber;
	bool packaged;     /* groups or inline titles */
} scan;

static const tiao_para *S_para(dctx *c, size_t k) { return &c->paras->items[c->first + k]; }

/* Copy of a label: the numeral (or （一）) as printed. */
static char *S_label_text(dctx *c, const char *s, size_t body, int level)
{
	size_t i = S_skip_blank(s, body, 0), e = body;
	/* drop the 、 / . / ． after the number (not the ） of （一）) */
	if (e >= i + 3 && (memcmp(s + e - 3, "、", 3) == 0 || memcmp(s + e - 3, "．", 3) == 0))
		e -= 3;
	else if (e > i && s[e - 1] == '.')
		e -= 1;
	(void)level;
	return S_dup(c, s + i, e - i);
}

static bool S_renumber_phrase(const char *s, size_t len)
{
	const char *p = s;
	size_t left = len;
	const char *hit;
	while ((hit = S_find(p, left, "作相应调整")) != NULL) {
		size_t back = (size_t)(hit - s);
		size_t from = back > 60 ? back - 60 : 0;
		if (S_contains(s + from, back - from, "顺序") || S_contains(s + from, back - from, "序号"))
			return true;
		left -= (size_t)(hit - p) + 1;
		p = hit + 1;
	}
	return false;
}

/* A group header joined with the first item after it (一、对《A》作出修改１、将…, as a PDF
 * paragraph recovery may produce): the offset of that item's label, or 0. */
static size_t S_header_tail(const char *s, size_t len, size_t body, int *level, long *num, size_t *ibody)
{
	size_t i = S_skip_blank(s, len, body), ts, te, end;
	if (!S_starts(s + i, "对") || !S_read_title(s, len, i + 3, &ts, &te, &end))
		return 0;
	static const char *const tails[] = { "作出修改", "作如下修改", "作以下修改", "作出如下修改" };
	size_t e = S_skip_blank(s, len, end);
	for (size_t k = 0; k < TIAO_ARRAY_LEN(tails); k++) {
		if (S_starts(s + e, tails[k])) {
			size_t at = e + strlen(tails[k]);
			if (at < len && S_is_colon(S_cp(s, len, at, NULL)))
				S_cp(s, len, at, &at);
			at = S_skip_blank(s, len, at);
			size_t b;
			if (at < len && S_item_label(s + at, len - at, level, num, &b) && *level == 2) {
				*ibody = at + b;
				return at;
			}
			return 0;
		}
	}
	return 0;
}

static int S_scan(dctx *c, scan *sc)
{
	size_t n = c->n;
	sc->pi = calloc(n ? n : 1, sizeof *sc->pi);
	if (!sc->pi)
		return TIAO_ENOMEM;
	qstate q = { false, false, 0 };
	bool header = true;
	long last1 = 0, last2 = 0;
	enum { AX_NONE, AX_LIST, AX_SKIP, AX_ITEMS } annex = AX_NONE;
	bool expect_annex_title = false;
	bool await_block = false, in_block = false;
	bool ended = false; /* after 本决定自…施行 / …重新公布: nothing more to amend (annexes aside) */
	tiao_buf closing = TIAO_BUF_INIT;
	sc->header_end = n;
	for (size_t k = 0; k < n; k++) {
		const tiao_para *pp = S_para(c, k);
		const char *s = pp->text;
		size_t len = pp->len;
		pinfo *pi = &sc->pi[k];
		int level;
		long num;
		size_t body;
		bool labelled = S_item_label(s, len, &level, &num, &body);
		if (q.open && labelled && level == 1 && num == last1 + 1 && k > 0 &&
		    S_is_terminal(S_last_cp(S_para(c, k - 1)->text, S_para(c, k - 1)->len))) {
			/* a quote left open by a misprint must not swallow the next item */
			q.open = false;
		}
		if (q.open) {
			pi->kind = PK_CONT;
		} else if (header) {
			size_t i0 = S_skip_blank(s, len, 0);
			bool verb = S_starts(s + i0, "将") || S_starts(s + i0, "删去") || S_starts(s + i0, "增加") ||
			            S_starts(s + i0, "在第") || S_starts(s + i0, "删除");
			if ((labelled && level == 1 && num == 1) || verb) {
				header = false;
				sc->header_end = k;
			} else {
				pi->kind = PK_HEADER;
				uint32_t lc = S_last_cp(s, len);
				if (S_contains(s, len, "决定") && S_is_colon(lc) && !S_starts(s + i0, "（") &&
				    !S_starts(s + i0, "(")) {
					header = false;
					sc->header_end = k + 1;
				}
				S_scan_quotes(s, len, &q);
				q.open = false; /* titles never open quotes */
				continue;
			}
		}
		if (!q.open) {
			size_t i0 = S_skip_blank(s, len, 0);
			bool opener = S_is_open(S_cp(s, len, i0, NULL));
			if (await_block && !opener)
				in_block = true;
			await_block = false;
			if (in_block) {
				/* unquoted new text (修改为：⏎text⏎text): until the next item or instruction */
				bool instr = labelled && S_is_instr_line(s + body, len - body);
				bool item = labelled && (instr || (level == 1 && num == last1 + 1) ||
				                         (level == 2 && num == last2 + 1 && S_label_style(s, len) != 2));
				if (item || S_is_closing_text(s, len) || S_is_annex_head(s, len) ||
				    S_is_instr_line(s, len))
					in_block = false;
				else {
					pi->kind = PK_CONT;
					pi->open_at_end = false;
					continue;
				}
			}
		}
		if (!q.open) {
			if (expect_annex_title) {
				expect_annex_title = false;
				annex = S_contains(s, len, "废止") ? AX_SKIP : AX_ITEMS;
				if (annex == AX_ITEMS)
					last1 = 0;
				pi->kind = PK_SKIP;
			} else if (S_is_annex_head(s, len)) {
				pi->kind = PK_ANNEX_HEAD;
				ended = false;
				size_t i0 = S_skip_blank(s, len, 0) + 6;
				i0 = S_skip_blank(s, len, i0);
				if (i0 < len && S_is_colon(S_cp(s, len, i0, NULL)))
					annex = AX_LIST;
				else
					expect_annex_title = true, annex = AX_SKIP;
			} else if (annex == AX_LIST || annex == AX_SKIP) {
				pi->kind = PK_SKIP;
			} else if (ended) {
				pi->kind = PK_CLOSING;
				tiao_buf_put(&closing, s, len);
				tiao_buf_putc(&closing, '\n');
			} else if (labelled && ((level == 1 && num == last1 + 1) ||
			                        (level == 2 && (num == last2 + 1 || num == 1)) ||
			                        S_is_instr_line(s + body, len - body) ||
			                        S_starts(s + S_skip_blank(s, len, body), "对《") ||
			                        S_starts(s + S_skip_blank(s, len, body), "对«"))) {
				pi->kind = PK_ITEM;
				pi->level = level;
				pi->num = num;
				pi->body = body;
				if (level == 1) {
					last1 = num;
					last2 = 0;
					int lv2;
					long n2;
					size_t b2;
					if (S_header_tail(s, len, body, &lv2, &n2, &b2))
						last2 = n2;
				} else {
					last2 = num;
				}
				if (S_is_closing_text(s + body, len - body)) {
					tiao_buf_put(&closing, s + body, len - body);
					tiao_buf_putc(&closing, '\n');
				}
			} else {
				/* unnumbered: a wrapped line, a continuation, or a closing sentence */
				bool wrapped = false;
				if (k > 0 && c->paras->form != TIAO_INPUT_CLEAN) {
					const tiao_para *prev = S_para(c, k - 1);
					uint32_t lc = S_last_cp(prev->text, prev->len);
					wrapped = !S_is_terminal(lc) && lc != 0x201D && lc != '"' &&
					          sc->pi[k - 1].kind != PK_HEADER;
				}
				if (wrapped && sc->pi[k - 1].kind == PK_CLOSING) {
					pi->kind = PK_CLOSING;
					tiao_buf_put(&closing, s, len);
					tiao_buf_putc(&closing, '\n');
				} else if (wrapped || S_is_open(S_cp(s, len, S_skip_blank(s, len, 0), NULL))) {
					pi->kind = PK_CONT;
				} else if (S_is_closing_text(s, len) ||
				           (!S_has_op_word(s, len) && !S_contains(s, len, "\xE2\x80\x9D"))) {
					/* (a line with a closing mark and no op word is quoted text whose opening
					 * mark is missing — 贵州 三都 2022 — not a closing note: it stays in its
					 * item, to be read or reported) */
					pi->kind = PK_CLOSING;
					tiao_buf_put(&closing, s, len);
					tiao_buf_putc(&closing, '\n');
				} else {
					pi->kind = PK_CONT;
				}
			}
		}
		if (pi->kind == PK_CLOSING || (pi->kind == PK_ITEM && S_is_closing_text(s + body, len - body))) {
			size_t i0 = S_skip_blank(s, len, pi->kind == PK_ITEM ? body : 0);
			if (S_starts(s + i0, "本决定自") || S_starts(s + i0, "本修正案自") || S_contains(s, len, "重新公布"))
				ended = true;
		}
		if (pi->kind != PK_SKIP && pi->kind != PK_ANNEX_HEAD)
			S_scan_quotes(s, len, &q);
		pi->open_at_end = q.open;
		if (!q.open && (pi->kind == PK_ITEM || pi->kind == PK_CONT) && S_announces_block(s, len))
			await_block = true;
	}
	/* the closing sentences may wrap (…并对条款顺 / 序作相应调整后…): compare without breaks */
	tiao_buf flat = TIAO_BUF_INIT;
	for (size_t i = 0; i < closing.len; i++)
		if (closing.data[i] != '\n' && closing.data[i] != ' ')
			tiao_buf_putc(&flat, closing.data[i]);
	sc->renumber = flat.len && S_renumber_phrase(flat.data, flat.len);
	tiao_buf_free(&flat);
	tiao_buf_free(&closing);
	return 0;
}

/* 对《A》作出修改 at s (after an item label); spans up to 3 paragraphs when the title wraps. */
static bool S_group_header(dctx *c, size_t k, size_t body, char **title, size_t *lastp)
{
	tiao_buf b = TIAO_BUF_INIT;
	const tiao_para *pp = S_para(c, k);
	size_t i = S_skip_blank(pp->text, pp->len, body);
	if (!S_starts(pp->text + i, "对"))
		return false;
	tiao_buf_put(&b, pp->text + i + 3, pp->len - i - 3);
	size_t last = k;
	bool ok = false;
	for (int extra = 0; extra <= 3; extra++) {
		size_t ts, te, end;
		if (b.data && S_read_title(b.data, b.len, S_skip_blank(b.data, b.len, 0), &ts, &te, &end)) {
			size_t e = S_skip_blank(b.data, b.len, end);
			if (S_starts(b.data + e, "作出修改") || S_starts(b.data + e, "作如下修改") ||
			    S_starts(b.data + e, "的修改") || S_starts(b.data + e, "作以下修改") ||
			    S_starts(b.data + e, "作出如下修改")) {
				*title = S_dup(c, b.data + ts, te - ts);
				*lastp = last;
				ok = true;
			}
			break;
		}
		if (last + 1 >= c->n || c->paras->form == TIAO_INPUT_CLEAN)
			break;
		last++;
		tiao_buf_put(&b, S_para(c, last)->text, S_para(c, last)->len);
	}
	/* the wrap may also cut 作出 / 修改 */
	if (!ok && c->paras->form != TIAO_INPUT_CLEAN && last + 1 < c->n) {
		tiao_buf_put(&b, S_para(c, last + 1)->text, S_para(c, last + 1)->len);
		size_t ts, te, end;
		if (b.data && S_read_title(b.data, b.len, S_skip_blank(b.data, b.len, 0), &ts, &te, &end)) {
			size_t e = S_skip_blank(b.data, b.len, end);
			if (S_starts(b.data + e, "作出修改")) {
				*title = S_dup(c, b.data + ts, te - ts);
				*lastp = last + 1;
				ok = true;
			}
		}
	}
	tiao_buf_free(&b);
	return ok;
}

/* An inline title right after the first verb: 将《A》第七条… / 删去《A》… */
static char *S_inline_title(dctx *c, const char *s, size_t len, size_t body)
{
	static const char *const verbs[] = { "将", "删去", "删除", "在", "对" };
	size_t i = S_skip_blank(s, len, body);
	for (size_t k = 0; k < TIAO_ARRAY_LEN(verbs); k++) {
		if (S_starts(s + i, verbs[k])) {
			size_t ts, te, end;
			if (S_read_title(s, len, i + strlen(verbs[k]), &ts, &te, &end)) {
				size_t e = S_skip_blank(s, len, end);
				if (S_starts(s + e, "第"))
					return S_dup(c, s + ts, te - ts);
			}
			return NULL;
		}
	}
	return NULL;
}

static int S_units(dctx *c, scan *sc)
{
	char *top = NULL;         /* label of the current level-1 item */
	const char *group = NULL; /* current group title (style A) */
	long cur = -1;            /* index of the current unit */
	for (size_t k = sc->header_end; k < c->n; k++) {
		pinfo *pi = &sc->pi[k];
		const tiao_para *pp = S_para(c, k);
		if (pi->kind == PK_ITEM) {
			unit u;
			memset(&u, 0, sizeof u);
			u.first = u.last = k;
			u.body0 = pi->body;
			char *lab = S_label_text(c, pp->text, pi->body, pi->level);
			if (pi->level == 1) {
				top = lab;
				u.label = lab;
				group = NULL;
				char *title;
				size_t lastp;
				if (S_group_header(c, k, pi->body, &title, &lastp)) {
					u.is_header = true;
					u.title = title;
					u.last = lastp;
					group = title;
					sc->packaged = true;
					for (size_t m = k + 1; m <= lastp; m++)
						sc->pi[m].kind = PK_SKIP;
				} else {
					u.title = S_inline_title(c, pp->text, pp->len, pi->body);
					if (u.title)
						sc->packaged = true;
				}
			} else {
				tiao_buf b = TIAO_BUF_INIT;
				if (top) {
					tiao_buf_puts(&b, top);
					tiao_buf_puts(&b, "、");
				}
				tiao_buf_puts(&b, lab ? lab : "");
				u.label = S_dup(c, b.data ? b.data : "", b.len);
				tiao_buf_free(&b);
				u.title = group;
			}
			const char *bd = pp->text + pi->body;
			size_t bl = pp->len - pi->body;
			if (S_is_closing_text(bd, bl) ||
			    (S_contains(bd, bl, "附件") && (S_contains(bd, bl, "予以修改") || S_contains(bd, bl, "予以废止"))))
				u.skip = true;
			if (TIAO_VEC_PUSH(&sc->units, u))
				return TIAO_ENOMEM;
			cur = (long)sc->units.len - 1;
			k = u.last;
			int lv2;
			long n2;
			size_t b2, at2;
			if (u.is_header && u.first == u.last &&
			    (at2 = S_header_tail(pp->text, pp->len, pi->body, &lv2, &n2, &b2)) != 0) {
				/* 四、对《A》作出修改１、将… in one paragraph */
				unit v;
				memset(&v, 0, sizeof v);
				v.first = v.last = k;
				v.body0 = b2;
				char *lab2 = S_label_text(c, pp->text + at2, b2 - at2, 2);
				tiao_buf b = TIAO_BUF_INIT;
				tiao_buf_puts(&b, top ? top : "");
				tiao_buf_puts(&b, "、");
				tiao_buf_puts(&b, lab2 ? lab2 : "");
				v.label = S_dup(c, b.data ? b.data : "", b.len);
				tiao_buf_free(&b);
				v.title = group;
				if (TIAO_VEC_PUSH(&sc->units, v))
					return TIAO_ENOMEM;
				cur = (long)sc->units.len - 1;
			}
			continue;
		}
		if (pi->kind == PK_CONT) {
			size_t i0 = S_skip_blank(pp->text, pp->len, 0);
			if (S_starts(pp->text + i0, "此外")) {
				/* after the groups: applies to every regulation the package amends */
				unit u;
				memset(&u, 0, sizeof u);
				u.first = u.last = k;
				u.label = S_dup(c, "此外", strlen("此外"));
				u.all = true;
				if (TIAO_VEC_PUSH(&sc->units, u))
					return TIAO_ENOMEM;
				cur = (long)sc->units.len - 1;
				continue;
			}
			if (cur >= 0 && !sc->units.items[cur].is_header && sc->units.items[cur].last + 1 == k) {
				sc->units.items[cur].last = k;
				continue;
			}
			unit u;
			memset(&u, 0, sizeof u);
			u.first = u.last = k;
			u.label = top ? top : S_dup(c, "", 0);
			u.title = group;
			if (cur >= 0 && !group && sc->units.items[cur].title && !sc->units.items[cur].is_header)
				u.title = sc->units.items[cur].title;
			if (TIAO_VEC_PUSH(&sc->units, u))
				return TIAO_ENOMEM;
			cur = (long)sc->units.len - 1;
			continue;
		}
		/* closing, annex, skipped: the current unit ends */
		cur = -1;
		if (pi->kind == PK_ANNEX_HEAD)
			top = NULL, group = NULL;
	}
	return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* header: title, date, organ, target                                                          */

static void S_header(dctx *c, scan *sc, const char **target)
{
	tiao_decision *d = c->d;
	tiao_buf title = TIAO_BUF_INIT, note = TIAO_BUF_INIT;
	size_t k = 0;
	bool in_note = false;
	const char *preamble = NULL;
	size_t pre_len = 0;
	for (; k < sc->header_end; k++) {
		const tiao_para *pp = S_para(c, k);
		size_t i0 = S_skip_blank(pp->text, pp->len, 0);
		const char *s = pp->text + i0;
		size_t len = pp->len - i0;
		if (in_note) {
			tiao_buf_put(&note, s, len);
			if (S_contains(s, len, "）") || S_contains(s, len, ")"))
				in_note = false;
			continue;
		}
		if (S_starts(s, "（") || S_starts(s, "(")) {
			if (!note.len) {
				tiao_buf_put(&note, s, len);
				in_note = !(S_contains(s, len, "）") || S_contains(s, len, ")"));
			}
			continue;
		}
		if (tiao_cp_is_digit(S_cp(s, len, 0, NULL)) && S_contains(s, len, "通过")) {
			if (!note.len)
				tiao_buf_put(&note, s, len);
			continue;
		}
		if (S_contains(s, len, "决定") && S_is_colon(S_last_cp(s, len))) {
			preamble = s;
			pre_len = len;
			continue;
		}
		if (!note.len && !preamble)
			tiao_buf_put(&title, s, len);
	}
	if (title.len)
		d->title = S_dup(c, title.data, title.len);
	/* the adoption note: （２０２０年９月３０日山西省第十三届…第二十次会议通过） */
	if (note.len) {
		const char *s = note.data;
		size_t len = note.len, i = 0;
		if (S_starts(s, "（"))
			i = 3;
		else if (S_starts(s, "("))
			i = 1;
		const char *day = S_find(s + i, len - i, "日");
		if (day) {
			size_t de = (size_t)(day - s) + 3;
			d->date = S_dup(c, s + i, de - i);
			const char *pass = S_find(s + de, len - de, "通过");
			if (pass) {
				size_t os = S_skip_blank(s, len, de);
				size_t oe = (size_t)(pass - s);
				while (oe > os && (s[oe - 1] == ' '))
					oe--;
				tiao_buf org = TIAO_BUF_INIT;
				for (size_t z = os; z < oe;) {
					size_t j = z;
					uint32_t cp = tiao_utf8_next(s, oe, &j);
					if (!S_is_blank(cp))
						tiao_buf_put(&org, s + z, j - z);
					z = j;
				}
				if (org.len)
					d->organ = S_dup(c, org.data, org.len);
				tiao_buf_free(&org);
				/* …通过　2025年11月26日浙江省…会议批准 (a 设区的市: approved by the province);
				 * also 通过并经…批准 */
				size_t as = (size_t)(pass - s) + strlen("通过");
				if (S_starts(s + as, "并经"))
					as += strlen("并经");
				const char *appr = S_find(s + as, len - as, "批准");
				if (appr) {
					tiao_buf ap = TIAO_BUF_INIT;
					for (size_t z = as; z < (size_t)(appr - s);) {
						size_t j = z;
						uint32_t cp = tiao_utf8_next(s, len, &j);
						if (!S_is_blank(cp))
							tiao_buf_put(&ap, s + z, j - z);
						z = j;
					}
					if (S_starts(ap.data ? ap.data : "", "经"))
						memmove(ap.data, ap.data + 3, ap.len - 3), ap.len -= 3;
					if (ap.len && tiao_cp_is_digit(S_cp(ap.data, ap.len, 0, NULL)) &&
					    S_find(ap.data, ap.len, "日"))
						d->approval = S_dup(c, ap.data, ap.len);
					tiao_buf_free(&ap);
				}
			}
		}
	}
	if (!d->organ && preamble) {
		const char *h = S_find(preamble, pre_len, "会议决定");
		if (h)
			d->organ = S_dup(c, preamble, (size_t)(h - preamble) + strlen("会议"));
	}
	d->is_amendment = d->title && S_contains(d->title, strlen(d->title), "修正案");
	/* the target */
	*target = NULL;
	if (preamble) {
		const char *o = S_find(preamble, pre_len, "对");
		while (o && !*target) {
			size_t at = (size_t)(o - preamble) + 3, ts, te, end;
			if (S_read_title(preamble, pre_len, at, &ts, &te, &end)) {
				const char *rest = preamble + end;
				if (S_starts(rest, "作如下修改") || S_starts(rest, "作出如下修改") ||
				    S_starts(rest, "作以下修改") || S_starts(rest, "作出修改"))
					*target = S_dup(c, preamble + ts, te - ts);
			}
			o = S_find(o + 3, pre_len - (size_t)(o + 3 - preamble), "对");
		}
	}
	if (!*target && d->title) {
		const char *t = d->title;
		size_t tl = strlen(t);
		if (d->is_amendment) {
			const char *m = S_find(t, tl, "修正案");
			*target = S_dup(c, t, (size_t)(m - t));
		} else if (S_contains(t, tl, "修改")) {
			size_t i = 0, found = 0, ts = 0, te = 0;
			while (i < tl) {
				size_t j, a, b, e;
				uint32_t cp = S_cp(t, tl, i, &j);
				if (S_is_title_open(cp) && S_read_title(t, tl, i, &a, &b, &e)) {
					found++;
					ts = a;
					te = b;
					i = e;
					continue;
				}
				i = j;
			}
			if (found == 1 && !S_contains(t, tl, "等"))
				*target = S_dup(c, t + ts, te - ts);
		}
	}
	if (d->is_amendment && *target) {
		const char *pre = "中华人民共和国";
		c->short_title = S_starts(*target, pre) ? *target + strlen(pre) : *target;
	}
	tiao_buf_free(&title);
	tiao_buf_free(&note);
}

/* ------------------------------------------------------------------------------------------ */
/* public entry points                                                                         */

/* Whether the decision orders renumbering for the regulation sel: a closing sentence after the
 * groups speaks for all of them; one inside a group (一、对《A》作出修改…此外，对有关条文顺序作相应
 * 调整。二、对《B》…) only for its own group. Sentences may wrap over lines. */
static bool S_renumber(dctx *c, scan *sc, const char *sel)
{
	/* the group in effect at each paragraph */
	const char **grp = calloc(c->n ? c->n : 1, sizeof *grp);
	if (!grp)
		return sc->renumber;
	size_t last_header = 0;
	bool any_header = false;
	for (size_t ui = 0; ui < sc->units.len; ui++) {
		unit *u = &sc->units.items[ui];
		if (u->is_header) {
			for (size_t k = u->first; k < c->n; k++)
				grp[k] = u->title;
			last_header = u->first;
			any_header = true;
		}
	}
	bool global = false, mine = false;
	tiao_buf run = TIAO_BUF_INIT;
	for (size_t k = sc->header_end; k <= c->n; k++) {
		bool closing = k < c->n && sc->pi[k].kind == PK_CLOSING;
		if (closing) {
			const tiao_para *pp = S_para(c, k);
			for (size_t i = 0; i < pp->len; i++)
				if (pp->text[i] != ' ')
					tiao_buf_putc(&run, pp->text[i]);
			continue;
		}
		if (run.len) {
			if (S_renumber_phrase(run.data, run.len)) {
				size_t at = k - 1;
				if (any_header && at < last_header && grp[at])
					mine = mine || (sel && tiao_title_equiv(grp[at], sel));
				else
					global = true;
			}
			tiao_buf_clear(&run);
		}
	}
	tiao_buf_free(&run);
	free(grp);
	return global || mine;
}

static int S_parse_units(dctx *c, scan *sc, const char *sel)
{
	tiao_buf buf = TIAO_BUF_INIT;
	TIAO_VEC(srcmap) map = { 0 };
	for (size_t ui = 0; ui < sc->units.len; ui++) {
		unit *u = &sc->units.items[ui];
		if (u->skip || u->is_header)
			continue;
		if (sc->packaged && !u->all && !(u->title && sel && tiao_title_equiv(u->title, sel)))
			continue;
		tiao_buf_clear(&buf);
		map.len = 0;
		for (size_t k = u->first; k <= u->last; k++) {
			const tiao_para *pp = S_para(c, k);
			if (k > u->first) {
				const tiao_para *prev = S_para(c, k - 1);
				uint32_t lc = S_last_cp(prev->text, prev->len);
				size_t i0 = S_skip_blank(pp->text, pp->len, 0);
				bool opener = S_is_open(S_cp(pp->text, pp->len, i0, NULL));
				bool soft = c->paras->form != TIAO_INPUT_CLEAN && !opener && !S_is_terminal(lc) &&
				            (sc->pi[k - 1].open_at_end || (lc != 0x201D && lc != '"'));
				if (!soft)
					tiao_buf_putc(&buf, '\n');
			}
			srcmap m = { buf.len, c->first + k, 0 };
			TIAO_VEC_PUSH(&map, m);
			tiao_buf_put(&buf, pp->text, pp->len);
		}
		if (buf.failed) {
			c->oom = 1;
			break;
		}
		tiao_buf_cstr(&buf);
		S_parse_unit(c, u, buf.data ? buf.data : "", buf.len, map.items, map.len);
		if (c->oom)
			break;
	}
	tiao_buf_free(&buf);
	TIAO_VEC_FREE(&map);
	return c->oom ? TIAO_ENOMEM : 0;
}

/* Distinct titles of the groups (package), or the single target. */
static size_t S_titles(scan *sc, const char *target, const char **out, size_t cap)
{
	size_t n = 0;
	if (sc->packaged) {
		for (size_t ui = 0; ui < sc->units.len; ui++) {
			const char *t = sc->units.items[ui].title;
			if (!t)
				continue;
			bool seen = false;
			for (size_t k = 0; k < n && !seen; k++)
				seen = tiao_title_equiv(out[k], t);
			if (!seen && n < cap)
				out[n++] = t;
		}
	} else if (target && cap) {
		out[n++] = target;
	}
	return n;
}

void tiao_decision_free(tiao_decision *d)
{
	if (!d)
		return;
	free(d->instrs);
	tiao_arena_free(&d->arena);
	free(d);
}

static void S_fix_groups(tiao_decision *d, int ngroups)
{
	int *cnt = calloc((size_t)ngroups + 1, sizeof *cnt);
	if (!cnt)
		return;
	for (size_t k = 0; k < d->n; k++)
		if (d->instrs[k].group > 0 && d->instrs[k].group <= ngroups)
			cnt[d->instrs[k].group]++;
	/* renumber the shared groups 1, 2, …; singletons get 0 */
	int *map = calloc((size_t)ngroups + 1, sizeof *map);
	int next = 0;
	for (size_t k = 0; k < d->n; k++) {
		int g = d->instrs[k].group;
		if (g <= 0 || g > ngroups)
			continue;
		if (cnt[g] < 2) {
			d->instrs[k].group = 0;
			continue;
		}
		if (map && !map[g])
			map[g] = ++next;
		d->instrs[k].group = map ? map[g] : g;
	}
	free(map);
	free(cnt);
}

int tiao_decision_parse(tiao_decision **out, const tiao_paras *paras, size_t first, size_t n,
                        const char *base_title, tiao_diag_cb cb, void *payload, tiao_error *err)
{
	*out = NULL;
	if (!paras || first > paras->len || n > paras->len - first)
		return tiao_error_set(err, TIAO_EINVALID, NULL, 0, 0, "invalid paragraph range");
	tiao_decision *d = calloc(1, sizeof *d);
	if (!d)
		return tiao_error_set(err, TIAO_ENOMEM, NULL, 0, 0, "out of memory");
	dctx c;
	memset(&c, 0, sizeof c);
	c.d = d;
	c.paras = paras;
	c.first = first;
	c.n = n;
	c.cb = cb;
	c.payload = payload;
	c.err = err;
	if (paras->filename)
		d->filename = tiao_arena_strdup(&d->arena, paras->filename);
	scan sc;
	memset(&sc, 0, sizeof sc);
	int rc = S_scan(&c, &sc);
	if (rc == 0)
		rc = S_units(&c, &sc);
	const char *target = NULL;
	if (rc == 0) {
		S_header(&c, &sc, &target);
		d->renumber = false;
		const char *titles[64];
		size_t nt = S_titles(&sc, target, titles, 64);
		const char *sel = NULL;
		if (sc.packaged) {
			for (size_t k = 0; k < nt && !sel; k++)
				if (!base_title || tiao_title_equiv(titles[k], base_title))
					sel = titles[k];
			if (!base_title && nt > 1) {
				sel = NULL;
				rc = tiao_error_set(err, TIAO_EAMBIGUOUS, paras->filename, 0, 0,
				                    "the decision amends %zu regulations; name one", nt);
			}
		} else {
			sel = target;
			if (base_title && target && !tiao_title_equiv(target, base_title))
				sel = NULL;
			else if (!target)
				sel = base_title;
		}
		if (rc == 0 && !sel && (base_title || sc.packaged)) {
			tiao_buf b = TIAO_BUF_INIT;
			for (size_t k = 0; k < nt; k++) {
				tiao_buf_puts(&b, k ? "、《" : "《");
				tiao_buf_puts(&b, titles[k]);
				tiao_buf_puts(&b, "》");
			}
			rc = tiao_error_set(err, TIAO_ENOTFOUND, paras->filename, 0, 0,
			                    "the decision does not amend 《%s》; it amends %s",
			                    base_title ? base_title : "?", nt ? tiao_buf_cstr(&b) : "no regulation it names");
			tiao_buf_free(&b);
		}
		d->target_title = sel ? tiao_arena_strdup(&d->arena, sel) : NULL;
		d->renumber = !d->is_amendment && S_renumber(&c, &sc, sel);
		if (rc == 0) {
			rc = S_parse_units(&c, &sc, sel);
			if (rc == 0)
				rc = c.rc;
			S_fix_groups(d, c.next_group);
		}
	}
	if (c.oom && rc == 0)
		rc = tiao_error_set(err, TIAO_ENOMEM, NULL, 0, 0, "out of memory");
	free(sc.pi);
	TIAO_VEC_FREE(&sc.units);
	*out = d;
	return rc;
}

int tiao_decision_titles(const tiao_paras *paras, size_t first, size_t n, const char ***titles,
                         size_t *ntitles, tiao_arena *arena)
{
	*titles = NULL;
	*ntitles = 0;
	if (!paras || first > paras->len || n > paras->len - first)
		return TIAO_EINVALID;
	tiao_decision tmp;
	memset(&tmp, 0, sizeof tmp);
	dctx c;
	memset(&c, 0, sizeof c);
	c.d = &tmp;
	c.paras = paras;
	c.first = first;
	c.n = n;
	scan sc;
	memset(&sc, 0, sizeof sc);
	int rc = S_scan(&c, &sc);
	if (rc == 0)
		rc = S_units(&c, &sc);
	if (rc == 0) {
		const char *target = NULL;
		S_header(&c, &sc, &target);
		const char *ts[64];
		size_t nt = S_titles(&sc, target, ts, 64);
		const char **o = nt ? tiao_arena_alloc(arena, nt * sizeof *o) : NULL;
		if (nt && !o)
			rc = TIAO_ENOMEM;
		for (size_t k = 0; k < nt && rc == 0; k++) {
			o[k] = tiao_arena_strdup(arena, ts[k]);
			if (!o[k])
				rc = TIAO_ENOMEM;
		}
		if (rc == 0) {
			*titles = o;
			*ntitles = nt;
		}
	}
	free(sc.pi);
	TIAO_VEC_FREE(&sc.units);
	tiao_arena_free(&tmp.arena);
	return rc;
}
