/*
 * render_html.c — the 修改前后对照表 of a diff as one self-contained HTML page.
 *
 * Layout: a table of two columns, 原条文 (old) | 修改后条文 (new), one row per article in merged
 * order (deleted articles have an empty right cell, added ones an empty left cell); deleted text
 * is struck through with <del> on the left, inserted text underlined with <ins> on the right.
 * Runs of unchanged (or purely renumbered) articles are folded into a <details> row. A table of
 * contents links to every changed row. No scripts, no external resources: CSS is inline in
 * <style>, so the page can be mailed or archived as is. The markup is polyglot (well-formed XML as
 * well as HTML5), so XML tools can check and process it.
 */
#include "diff.h"

#include "text.h"

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

/* One side of a changed article, with the changed runs of that side wrapped in tag. */
static void S_side(tiao_buf *o, const tiao_dart *ar, const tiao_dentry *e, bool new_side)
{
	const char *tag = new_side ? "ins" : "del";
	tiao_buf_puts(o, "<span class=\"lbl\">");
	S_esc(o, ar->label);
	tiao_buf_puts(o, "</span>\xE3\x80\x80");
	size_t pos = 0;
	for (size_t h = 0; h < e->nhunks; h++) {
		size_t s0 = new_side ? e->hunks[h].b0 : e->hunks[h].a0;
		size_t s1 = new_side ? e->hunks[h].b1 : e->hunks[h].a1;
		tiao_html_escape(o, ar->flat + pos, s0 - pos);
		if (s1 > s0) {
			tiao_buf_printf(o, "<%s>", tag);
			tiao_html_escape(o, ar->flat + s0, s1 - s0);
			tiao_buf_printf(o, "</%s>", tag);
		}
		pos = s1;
	}
	tiao_html_escape(o, ar->flat + pos, ar->flen - pos);
}

static void S_whole(tiao_buf *o, const tiao_dart *ar, const char *tag)
{
	tiao_buf_puts(o, "<span class=\"lbl\">");
	S_esc(o, ar->label);
	tiao_buf_puts(o, "</span>\xE3\x80\x80");
	if (tag)
		tiao_buf_printf(o, "<%s>", tag);
	tiao_html_escape(o, ar->flat, ar->flen);
	if (tag)
		tiao_buf_printf(o, "</%s>", tag);
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

static bool S_folded(const tiao_dentry *e)
{
	return !e->layout &&
	       (e->op == TIAO_DIFF_SAME || (e->op == TIAO_DIFF_RENUMBERED && !e->refs_only));
}

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
		else if (e->nhunks)
			S_side(o, a, e, false);
		else
			S_whole(o, a, NULL);
	}
	tiao_buf_puts(o, "</td><td class=\"new\">");
	if (b) {
		if (e->op == TIAO_DIFF_ADDED)
			S_whole(o, b, "ins");
		else if (e->nhunks)
			S_side(o, b, e, true);
		else
			S_whole(o, b, NULL);
	}
	tiao_buf_puts(o, "</td></tr>\n");
}

int tiao_diff_render_html(tiao_buf *o, const tiao_diff *d)
{
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
	                 "tr.div th{background:#f0f0f8;text-align:center;font-weight:bold}\n"
	                 "details table{width:100%;border-collapse:collapse;table-layout:fixed}\n"
	                 "nav li{display:inline;margin-right:1em}\n"
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
	if (d->nheads) {
		tiao_buf_puts(o, "<h2>章节标题</h2>\n<ul>\n");
		for (size_t h = 0; h < d->nheads; h++) {
			const tiao_node *a = d->heads[h].a, *b = d->heads[h].b;
			tiao_buf_puts(o, "<li>");
			if (a) {
				tiao_buf_puts(o, "<del>");
				S_esc(o, a->label);
				tiao_buf_puts(o, "\xE3\x80\x80");
				S_esc(o, a->heading);
				tiao_buf_puts(o, "</del>");
			}
			if (a && b)
				tiao_buf_puts(o, " → ");
			if (b) {
				tiao_buf_puts(o, "<ins>");
				S_esc(o, b->label);
				tiao_buf_puts(o, "\xE3\x80\x80");
				S_esc(o, b->heading);
				tiao_buf_puts(o, "</ins>");
			}
			tiao_buf_puts(o, "</li>\n");
		}
		tiao_buf_puts(o, "</ul>\n");
	}
	tiao_buf_puts(o, "<table class=\"cmp\">\n<thead><tr><th>原条文</th><th>修改后条文</th></tr>"
	                 "</thead>\n<tbody>\n");
	const tiao_node *lastdiv = NULL;
	for (size_t i = 0; i < d->nents;) {
		const tiao_dentry *e = &d->ents[i];
		/* the chapter / section an article belongs to (new side, else old side) */
		const tiao_node *dv = e->b >= 0 ? d->B[e->b].division : d->A[e->a].division;
		if (dv && dv != lastdiv) {
			tiao_buf_puts(o, "<tr class=\"div\"><th colspan=\"2\">");
			S_esc(o, dv->label);
			if (dv->heading) {
				tiao_buf_puts(o, "\xE3\x80\x80");
				S_esc(o, dv->heading);
			}
			tiao_buf_puts(o, "</th></tr>\n");
		}
		lastdiv = dv;
		if (!S_folded(e)) {
			S_row(o, d, e, i);
			i++;
			continue;
		}
		size_t k = i;
		while (k < d->nents && S_folded(&d->ents[k]))
			k++;
		const tiao_dentry *f = &d->ents[i], *l = &d->ents[k - 1];
		tiao_buf_puts(o, "<tr><td class=\"fold\" colspan=\"2\"><details><summary>");
		S_esc(o, d->A[f->a].label);
		if (k - i > 1) {
			tiao_buf_puts(o, "至");
			S_esc(o, d->A[l->a].label);
		}
		tiao_buf_printf(o, "未修改（%zu条）</summary>\n<table>\n", k - i);
		for (size_t x = i; x < k; x++)
			S_row(o, d, &d->ents[x], x);
		tiao_buf_puts(o, "</table>\n</details></td></tr>\n");
		lastdiv = l->b >= 0 ? d->B[l->b].division : d->A[l->a].division;
		i = k;
	}
	tiao_buf_puts(o, "</tbody>\n</table>\n</body>\n</html>\n");
	return o->failed ? TIAO_ENOMEM : 0;
}
