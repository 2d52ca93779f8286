/*
 * render_html.c — the 修改前后对照表 of a diff as one self-contained HTML page.
 *
 * Layout: a table of two columns, 原条文 (old) | 修改后条文 (new), one row per article in merged
 * order (deleted articles have an empty right cell, added ones an empty left cell); deleted text
 * is struck through with <del> on the left, inserted text underlined with <ins> on the right,
 * with the display hunks of the diff (never part of an item label) and one mark per line (a mark
 * never crosses a paragraph break). Chapters and sections are divider rows that are aligned
 * pairs too (old heading | new heading, from the division alignment of the diff): a deleted or
 * merged chapter shows struck through on the left with an empty right cell, a renumbered one
 * 第四章 | 第三章, and every heading of either side shows exactly once (see S_plan_divs).
 * Runs of unchanged articles, and runs of purely renumbered ones, are folded into a <details>
 * row (未修改 / 仅序号调整 with both numberings); a fold never spans a divider. A table of
 * contents links to every changed row; a list of heading changes (章节标题) names deleted, added,
 * renamed and renumbered divisions. No scripts, no external resources: CSS is inline in
 * <style>, so the page can be mailed or archived as is. The markup is polyglot (well-formed XML as
 * well as HTML5), so XML tools can check and process it.
 */
#include "diff.h"

#include "text.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void tiao_html_escape(tiao_buf *b, const char *s, size_t len)
{
	size_t from = 0;
	for (size_t i = 0; i < len; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\n': rep = "<br />\n"; break;
		default: break;
		}
		if (rep) {
			tiao_buf_put(b, s + from, i - from);
			tiao_buf_puts(b, rep);
			from = i + 1;
		}
	}
	tiao_buf_put(b, s + from, len - from);
}

static void S_esc(tiao_buf *b, const char *s)
{
	if (s)
		tiao_html_escape(b, s, strlen(s));
}

/* s[0..len) escaped, inside <tag> … </tag> one line at a time: the mark is closed before every
 * line break and reopened after it, so no mark spans two paragraphs. tag NULL: plain. */
static void S_marked(tiao_buf *o, const char *s, size_t len, const char *tag)
{
	if (!tag) {
		tiao_html_escape(o, s, len);
		return;
	}
	size_t from = 0;
	for (size_t x = 0; x <= len; x++) {
		if (x < len && s[x] != '\n')
			continue;
		if (x > from) {
			tiao_buf_printf(o, "<%s>", tag);
			tiao_html_escape(o, s + from, x - from);
			tiao_buf_printf(o, "</%s>", tag);
		}
		if (x < len)
			tiao_buf_puts(o, "<br />\n");
		from = x + 1;
	}
}

/* Text with the changed runs of one side (hunks hs, that side's offsets) wrapped in tag. */
static void S_hunked(tiao_buf *o, const char *s, size_t len, const tiao_dhunk *hs, size_t nh,
                     bool new_side)
{
	const char *tag = new_side ? "ins" : "del";
	size_t pos = 0;
	for (size_t h = 0; h < nh; h++) {
		size_t s0 = new_side ? hs[h].b0 : hs[h].a0;
		size_t s1 = new_side ? hs[h].b1 : hs[h].a1;
		tiao_html_escape(o, s + pos, s0 - pos);
		S_marked(o, s + s0, s1 - s0, tag);
		pos = s1;
	}
	tiao_html_escape(o, s + pos, len - pos);
}

/* One side of a changed article, with the changed runs of that side marked. */
static void S_side(tiao_buf *o, const tiao_dart *ar, const tiao_dentry *e, bool new_side)
{
	tiao_buf_puts(o, "<span class=\"lbl\">");
	S_esc(o, ar->label);
	tiao_buf_puts(o, "</span>\xE3\x80\x80");
	S_hunked(o, ar->flat, ar->flen, e->vhunks, e->nvhunks, new_side);
}

static void S_whole(tiao_buf *o, const tiao_dart *ar, const char *tag)
{
	tiao_buf_puts(o, "<span class=\"lbl\">");
	S_esc(o, ar->label);
	tiao_buf_puts(o, "</span>\xE3\x80\x80");
	S_marked(o, ar->flat, ar->flen, tag);
}

static const char *S_op_zh(int op)
{
	switch (op) {
	case TIAO_DIFF_ADDED: return "增加";
	case TIAO_DIFF_DELETED: return "删去";
	case TIAO_DIFF_MODIFIED: return "修改";
	case TIAO_DIFF_MOVED: return "移动";
	case TIAO_DIFF_RENUMBERED: return "序号调整";
	default: return "未修改";
	}
}

/* Folded: unchanged (kind 1) or only renumbered (kind 2); 0 when the row is shown. */
static int S_fold_kind(const tiao_dentry *e)
{
	if (e->layout)
		return 0;
	if (e->op == TIAO_DIFF_SAME)
		return 1;
	if (e->op == TIAO_DIFF_RENUMBERED && !e->refs_only)
		return 2;
	return 0;
}

static bool S_folded(const tiao_dentry *e) { return S_fold_kind(e) != 0; }

static void S_row(tiao_buf *o, const tiao_diff *d, const tiao_dentry *e, size_t idx)
{
	const tiao_dart *a = e->a >= 0 ? &d->A[e->a] : NULL, *b = e->b >= 0 ? &d->B[e->b] : NULL;
	if (S_folded(e))
		tiao_buf_puts(o, "<tr>");
	else
		tiao_buf_printf(o, "<tr id=\"c%zu\" class=\"%s\">", idx,
		                tiao_diff_op_name((tiao_diff_op)e->op));
	tiao_buf_puts(o, "<td class=\"old\">");
	if (a) {
		if (e->op == TIAO_DIFF_DELETED)
			S_whole(o, a, "del");
		else if (e->nvhunks)
			S_side(o, a, e, false);
		else
			S_whole(o, a, NULL);
	}
	tiao_buf_puts(o, "</td><td class=\"new\">");
	if (b) {
		if (e->op == TIAO_DIFF_ADDED)
			S_whole(o, b, "ins");
		else if (e->nvhunks)
			S_side(o, b, e, true);
		else
			S_whole(o, b, NULL);
	}
	tiao_buf_puts(o, "</td></tr>\n");
}

/* ---- divisions ----------------------------------------------------------------------------- */

static bool S_equiv(const char *a, const char *b)
{
	if (!a)
		a = "";
	if (!b)
		b = "";
	return tiao_text_equiv(a, strlen(a), b, strlen(b));
}

/* How a division pair changed: 0 same, 1 renumbered (same heading, other label), 2 heading
 * changed, 3 deleted, 4 added. */
static int S_div_change(const tiao_dhead *p)
{
	if (!p->b)
		return 3;
	if (!p->a)
		return 4;
	if (!S_equiv(p->a->heading, p->b->heading))
		return 2;
	return S_equiv(p->a->label, p->b->label) ? 0 : 1;
}

static const char *const S_div_class[] = {"same", "renumbered", "modified", "deleted", "added"};

/* One half of a divider: label and heading; a changed heading gets the character diff of the
 * two headings, a division of one side only is marked as a whole. */
static void S_div_half(tiao_buf *o, const tiao_dhead *p, bool new_side)
{
	const tiao_node *n = new_side ? p->b : p->a;
	int ch = S_div_change(p);
	const char *whole = ch == 3 ? "del" : ch == 4 ? "ins" : NULL;
	if (whole)
		tiao_buf_printf(o, "<%s>", whole);
	S_esc(o, n->label);
	if (n->heading && *n->heading) {
		tiao_buf_puts(o, "\xE3\x80\x80");
		tiao_dhunk *hs = NULL;
		size_t nh = 0;
		if (ch == 2 && tiao_chardiff(&hs, &nh, p->a->heading, strlen(p->a->heading),
		                             p->b->heading, strlen(p->b->heading)) == 0)
			S_hunked(o, n->heading, strlen(n->heading), hs, nh, new_side);
		else
			S_esc(o, n->heading);
		free(hs);
	}
	if (whole)
		tiao_buf_printf(o, "</%s>", whole);
}

/* A divider row to print before an entry: division pair p, with its old and / or new half. */
typedef struct {
	size_t before; /* entry index (nents: after the last one) */
	size_t p;
	bool a, b;
} S_divrow;

typedef struct {
	const tiao_node *n;
	size_t p;
} S_divkey;

static int S_divkey_cmp(const void *x, const void *y)
{
	uintptr_t a = (uintptr_t)((const S_divkey *)x)->n, b = (uintptr_t)((const S_divkey *)y)->n;
	return a < b ? -1 : a > b;
}

/* Pair index of division n in keys (sorted), or -1. */
static long S_div_index(const S_divkey *keys, size_t nk, const tiao_node *n)
{
	if (!n)
		return -1;
	S_divkey k = {n, 0};
	const S_divkey *f = bsearch(&k, keys, nk, sizeof k, S_divkey_cmp);
	return f ? (long)f->p : -1;
}

/* Plan the divider rows. The division pairs d->divs are in document order on both sides; an
 * entry needs the old half of every pair up to its old article's division (unless it moved: its
 * old place is elsewhere) and the new half of every pair up to its new article's division. A
 * needed half is printed before the entry; the other half of the same pair joins it in one row
 * when that is in order on its own side too (no later entry still belongs to an earlier division
 * there), otherwise it follows later in a row of its own. So each side's headings show once, in
 * that side's order, above that side's first article under them; a chapter renumbered by a
 * deletion before it is one row 第四章 | 第三章, a deleted chapter one row with an empty right
 * half, and a deleted article never repeats the old chapter of its neighbours. */
static int S_plan_divs(const tiao_diff *d, S_divrow **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	size_t nd = d->ndivs, ne = d->nents;
	if (!nd)
		return 0;
	int rc = TIAO_ENOMEM;
	S_divkey *ka = malloc(nd * sizeof *ka), *kb = malloc(nd * sizeof *kb);
	long *ta = malloc((ne + 1) * sizeof *ta), *tb = malloc((ne + 1) * sizeof *tb);
	long *na = malloc((ne + 1) * sizeof *na), *nb = malloc((ne + 1) * sizeof *nb);
	bool *sa = calloc(nd, 1), *sb = calloc(nd, 1);
	S_divrow *rows = malloc(2 * nd * sizeof *rows);
	size_t nr = 0, nka = 0, nkb = 0;
	if (!ka || !kb || !ta || !tb || !na || !nb || !sa || !sb || !rows)
		goto done;
	for (size_t p = 0; p < nd; p++) {
		if (d->divs[p].a)
			ka[nka++] = (S_divkey){d->divs[p].a, p};
		else
			sa[p] = true; /* no old half to show */
		if (d->divs[p].b)
			kb[nkb++] = (S_divkey){d->divs[p].b, p};
		else
			sb[p] = true;
	}
	qsort(ka, nka, sizeof *ka, S_divkey_cmp);
	qsort(kb, nkb, sizeof *kb, S_divkey_cmp);
	for (size_t i = 0; i < ne; i++) {
		const tiao_dentry *e = &d->ents[i];
		ta[i] = e->a >= 0 && !e->moved ? S_div_index(ka, nka, d->A[e->a].division) : -1;
		tb[i] = e->b >= 0 ? S_div_index(kb, nkb, d->B[e->b].division) : -1;
	}
	/* na[i]: the old division of the first entry from i on that has one (LONG_MAX: none) */
	ta[ne] = tb[ne] = (long)nd - 1; /* after the last entry: whatever is left */
	na[ne] = nb[ne] = LONG_MAX;
	for (size_t i = ne; i-- > 0;) {
		na[i] = ta[i] >= 0 ? ta[i] : na[i + 1];
		nb[i] = tb[i] >= 0 ? tb[i] : nb[i + 1];
	}
	size_t ca = 0, cb = 0; /* first pair whose old / new half may still be unshown */
	for (size_t i = 0; i <= ne; i++) {
		long hi = ta[i] > tb[i] ? ta[i] : tb[i];
		while (ca < nd && sa[ca])
			ca++;
		while (cb < nd && sb[cb])
			cb++;
		for (size_t p = ca < cb ? ca : cb; (long)p <= hi && p < nd; p++) {
			bool a = !sa[p] && na[i] >= (long)p, b = !sb[p] && nb[i] >= (long)p;
			if (!a && !b)
				continue;
			sa[p] = sa[p] || a;
			sb[p] = sb[p] || b;
			rows[nr++] = (S_divrow){i, p, a, b};
		}
	}
	*out = rows;
	*nout = nr;
	rows = NULL;
	rc = 0;
done:
	free(ka);
	free(kb);
	free(ta);
	free(tb);
	free(na);
	free(nb);
	free(sa);
	free(sb);
	free(rows);
	return rc;
}

/* The divider rows planned before entry i, from *r on. */
static void S_divrows(tiao_buf *o, const tiao_diff *d, const S_divrow *rows, size_t nr, size_t *r,
                      size_t i, bool *anchored)
{
	for (; *r < nr && rows[*r].before == i; (*r)++) {
		const S_divrow *x = &rows[*r];
		const tiao_dhead *p = &d->divs[x->p];
		tiao_buf_printf(o, "<tr class=\"div %s\">", S_div_class[S_div_change(p)]);
		for (int side = 0; side < 2; side++) {
			bool show = side ? x->b : x->a;
			tiao_buf_printf(o, "<th class=\"%s\"", side ? "new" : "old");
			if (show && !anchored[x->p]) {
				tiao_buf_printf(o, " id=\"d%zu\"", x->p);
				anchored[x->p] = true;
			}
			tiao_buf_puts(o, ">");
			if (show)
				S_div_half(o, p, side != 0);
			tiao_buf_puts(o, "</th>");
		}
		tiao_buf_puts(o, "</tr>\n");
	}
}

/* Label range of a folded run on one side: 第十条 or 第十条至第十一条. */
static void S_range(tiao_buf *o, const char *first, const char *last)
{
	S_esc(o, first);
	if (last && first != last) {
		tiao_buf_puts(o, "至");
		S_esc(o, last);
	}
}

int tiao_diff_render_html(tiao_buf *o, const tiao_diff *d)
{
	S_divrow *drows = NULL;
	size_t ndrows = 0;
	if (S_plan_divs(d, &drows, &ndrows))
		return TIAO_ENOMEM;
	bool *anchored = calloc(d->ndivs + 1, 1);
	if (!anchored) {
		free(drows);
		return TIAO_ENOMEM;
	}
	const char *ot = d->old_doc->title ? d->old_doc->title : "";
	const char *nt = d->new_doc->title ? d->new_doc->title : "";
	tiao_buf_puts(o, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n"
	                 "<meta charset=\"utf-8\" />\n"
	                 "<meta name=\"generator\" content=\"tiao " TIAO_VERSION "\" />\n<title>");
	S_esc(o, nt);
	tiao_buf_puts(o, "修改前后对照表</title>\n<style>\n"
	                 "body{font-family:\"Noto Serif CJK SC\",\"Songti SC\",SimSun,serif;margin:2em;"
	                 "line-height:1.7}\n"
	                 "table.cmp{border-collapse:collapse;width:100%;table-layout:fixed}\n"
	                 "table.cmp th,table.cmp td{border:1px solid #999;padding:.4em .6em;"
	                 "vertical-align:top;text-align:left}\n"
	                 "table.cmp th{background:#eee}\n"
	                 "del{color:#b00;text-decoration:line-through}\n"
	                 "ins{color:#060;text-decoration:underline}\n"
	                 ".lbl{font-weight:bold}\n"
	                 "tr.added td.new,tr.deleted td.old{background:#fafaf0}\n"
	                 "td.fold{color:#666;background:#f6f6f6}\n"
	                 "table.cmp tr.div th{background:#f0f0f8;text-align:center;font-weight:bold}\n"
	                 "details table{width:100%;border-collapse:collapse;table-layout:fixed}\n"
	                 "nav ul,ul.heads{padding-left:1em}\n"
	                 "nav li{display:inline-block;white-space:nowrap;margin-right:1em}\n"
	                 "</style>\n</head>\n<body>\n<h1>");
	S_esc(o, nt);
	tiao_buf_puts(o, "修改前后对照表</h1>\n");
	if (d->title_changed) {
		tiao_buf_puts(o, "<p>标题：<del>");
		S_esc(o, ot);
		tiao_buf_puts(o, "</del> → <ins>");
		S_esc(o, nt);
		tiao_buf_puts(o, "</ins></p>\n");
	}
	/* table of contents */
	tiao_buf_puts(o, "<nav>\n<h2>修改条文目录</h2>\n<ul>\n");
	size_t nchanged = 0;
	for (size_t i = 0; i < d->nents; i++) {
		const tiao_dentry *e = &d->ents[i];
		if (S_folded(e))
			continue;
		nchanged++;
		tiao_buf_printf(o, "<li><a href=\"#c%zu\">", i);
		if (e->a >= 0)
			S_esc(o, d->A[e->a].label);
		if (e->a >= 0 && e->b >= 0)
			tiao_buf_puts(o, " → ");
		if (e->b >= 0)
			S_esc(o, d->B[e->b].label);
		tiao_buf_printf(o, "（%s）</a></li>\n", S_op_zh(e->op));
	}
	if (nchanged == 0)
		tiao_buf_puts(o, "<li>无修改</li>\n");
	tiao_buf_puts(o, "</ul>\n</nav>\n");
	/* heading changes: deleted, added, renamed and renumbered divisions, linked to their rows */
	size_t nheadch = 0;
	for (size_t p = 0; p < d->ndivs; p++)
		nheadch += S_div_change(&d->divs[p]) != 0;
	if (nheadch) {
		static const char *const zh[] = {"", "序号调整", "修改", "删去", "增加"};
		tiao_buf_puts(o, "<h2>章节标题</h2>\n<ul class=\"heads\">\n");
		for (size_t p = 0; p < d->ndivs; p++) {
			const tiao_dhead *x = &d->divs[p];
			int ch = S_div_change(x);
			if (!ch)
				continue;
			tiao_buf_printf(o, "<li><a href=\"#d%zu\">", p);
			if (x->a) {
				tiao_buf_puts(o, ch == 1 ? "" : "<del>");
				S_esc(o, x->a->label);
				tiao_buf_puts(o, "\xE3\x80\x80");
				S_esc(o, x->a->heading);
				tiao_buf_puts(o, ch == 1 ? "" : "</del>");
			}
			if (x->a && x->b)
				tiao_buf_puts(o, " → ");
			if (x->b) {
				tiao_buf_puts(o, ch == 1 ? "" : "<ins>");
				S_esc(o, x->b->label);
				tiao_buf_puts(o, "\xE3\x80\x80");
				S_esc(o, x->b->heading);
				tiao_buf_puts(o, ch == 1 ? "" : "</ins>");
			}
			tiao_buf_printf(o, "（%s）</a></li>\n", zh[ch]);
		}
		tiao_buf_puts(o, "</ul>\n");
	}
	tiao_buf_puts(o, "<table class=\"cmp\">\n<thead><tr><th>原条文</th><th>修改后条文</th></tr>"
	                 "</thead>\n<tbody>\n");
	size_t r = 0;
	for (size_t i = 0; i < d->nents;) {
		const tiao_dentry *e = &d->ents[i];
		S_divrows(o, d, drows, ndrows, &r, i, anchored);
		int kind = S_fold_kind(e);
		if (!kind) {
			S_row(o, d, e, i);
			i++;
			continue;
		}
		/* a fold: entries of one kind, up to the next divider row */
		size_t k = i + 1;
		while (k < d->nents && S_fold_kind(&d->ents[k]) == kind &&
		       !(r < ndrows && drows[r].before == k))
			k++;
		const tiao_dentry *f = &d->ents[i], *l = &d->ents[k - 1];
		tiao_buf_puts(o, "<tr><td class=\"fold\" colspan=\"2\"><details><summary>");
		S_range(o, d->A[f->a].label, d->A[l->a].label);
		if (kind == 2) {
			tiao_buf_puts(o, "（修改后");
			S_range(o, d->B[f->b].label, d->B[l->b].label);
			tiao_buf_puts(o, "）仅序号调整");
		} else
			tiao_buf_puts(o, "未修改");
		tiao_buf_printf(o, "（%zu条）</summary>\n<table>\n", k - i);
		for (size_t x = i; x < k; x++)
			S_row(o, d, &d->ents[x], x);
		tiao_buf_puts(o, "</table>\n</details></td></tr>\n");
		i = k;
	}
	S_divrows(o, d, drows, ndrows, &r, d->nents, anchored);
	tiao_buf_puts(o, "</tbody>\n</table>\n</body>\n</html>\n");
	free(drows);
	free(anchored);
	return o->failed ? TIAO_ENOMEM : 0;
}
