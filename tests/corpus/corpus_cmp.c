/*
 * corpus_cmp.c — compare a consolidated text with the official one, article by article, modulo the
 * normalisation of amendment-semantics §4 (tiao_text_equiv: NFKC, punctuation folded, whitespace
 * ignored). Used by tests/corpus/consolidate.sh; links only the public API.
 *
 *   corpus_cmp OURS OFFICIAL [DEVIATIONS|-] [BASE]
 *
 * DEVIATIONS lists `第X条<TAB>reason` lines: those articles (official numbering) may differ.
 * Chapter/section headings are compared too; the 题注 loosely: the last line of OURS must be
 * present in substance in OFFICIAL's notes (its date and the decision's title); with BASE given,
 * OURS must have changed the 题注. A line without a date (the decision states none) is checked by
 * its title only, and the output says so.
 * Prints one line per difference and exits 0 when there is none (apart from deviations), 1 when
 * there are, 2 on unreadable input. Uses the public API plus the text layer's normalisation
 * (src/text.h) and buffers (src/util.h).
 */
#include "text.h"
#include "util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *S_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
		size_t r = fread(buf + n, 1, cap - n - 1, f);
		if (r == 0)
			break;
		n += r;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static tiao_doc *S_parse(const char *path)
{
	size_t len;
	char *data = S_read(path, &len);
	if (!data) {
		fprintf(stderr, "corpus_cmp: cannot read %s\n", path);
		return NULL;
	}
	tiao_parse_options o = TIAO_PARSE_OPTIONS_INIT;
	o.filename = path;
	tiao_doc *d = NULL;
	tiao_error err;
	memset(&err, 0, sizeof err);
	if (tiao_parse(&d, data, len, &o, &err) < 0)
		fprintf(stderr, "corpus_cmp: %s:%zu: %s\n", path, err.line, err.message);
	free(data);
	return d;
}

/* The whole text of a subtree, items with their labels, one paragraph per line. */
static void S_content(tiao_buf *b, tiao_node *n)
{
	for (tiao_node *c = tiao_node_first_child(n); c; c = tiao_node_next(c)) {
		const char *l = tiao_node_label(c);
		const char *t = tiao_node_text(c);
		if (tiao_node_kind_of(c) != TIAO_NODE_PARAGRAPH && l)
			tiao_buf_puts(b, l);
		if (t)
			tiao_buf_puts(b, t);
		tiao_buf_puts(b, "\n");
		S_content(b, c);
	}
}

static void S_label(char *out, size_t cap, tiao_node *a)
{
	const char *l = tiao_node_label(a);
	snprintf(out, cap, "%s", l ? l : "?");
}

typedef struct art {
	int num, sub;
	tiao_node *node;
} art;

static size_t S_articles(const tiao_doc *d, art **out)
{
	size_t n = 0, cap = 64;
	art *v = malloc(cap * sizeof *v);
	tiao_iter *it = NULL;
	tiao_iter_new(&it, tiao_doc_root(d));
	tiao_event ev;
	while ((ev = tiao_iter_next(it)) != TIAO_EVENT_DONE) {
		tiao_node *x = tiao_iter_node(it);
		if (ev != TIAO_EVENT_ENTER || tiao_node_kind_of(x) != TIAO_NODE_ARTICLE)
			continue;
		if (n == cap)
			v = realloc(v, (cap *= 2) * sizeof *v);
		v[n].num = tiao_node_num(x);
		v[n].sub = tiao_node_sub(x);
		v[n].node = x;
		n++;
		tiao_iter_reset(it, x, TIAO_EVENT_EXIT);
	}
	tiao_iter_free(it);
	*out = v;
	return n;
}

/* Division headings in order: "第一章 总则". */
static size_t S_headings(const tiao_doc *d, char ***out)
{
	size_t n = 0, cap = 16;
	char **v = malloc(cap * sizeof *v);
	tiao_iter *it = NULL;
	tiao_iter_new(&it, tiao_doc_root(d));
	tiao_event ev;
	while ((ev = tiao_iter_next(it)) != TIAO_EVENT_DONE) {
		tiao_node *x = tiao_iter_node(it);
		tiao_node_kind k = tiao_node_kind_of(x);
		if (ev != TIAO_EVENT_ENTER)
			continue;
		if (k == TIAO_NODE_ARTICLE) {
			tiao_iter_reset(it, x, TIAO_EVENT_EXIT);
			continue;
		}
		if (k < TIAO_NODE_FIRST_DIVISION || k > TIAO_NODE_LAST_DIVISION)
			continue;
		if (n == cap)
			v = realloc(v, (cap *= 2) * sizeof *v);
		tiao_buf b = TIAO_BUF_INIT;
		tiao_buf_puts(&b, tiao_node_label(x) ? tiao_node_label(x) : "");
		tiao_buf_puts(&b, " ");
		tiao_buf_puts(&b, tiao_node_heading(x) ? tiao_node_heading(x) : "");
		tiao_buf_putc(&b, '\0');
		v[n++] = b.data;
	}
	tiao_iter_free(it);
	*out = v;
	return n;
}

static bool S_equiv(const char *a, const char *b)
{
	return tiao_text_equiv(a, strlen(a), b, strlen(b));
}

/* Whether needle occurs in hay modulo normalisation (quadratic, but notes are short). */
static bool S_contains(const char *hay, const char *needle)
{
	size_t hl = strlen(hay), nl = strlen(needle);
	for (size_t i = 0; i < hl; i++) {
		if (((unsigned char)hay[i] & 0xC0) == 0x80)
			continue;
		for (size_t j = i; j <= hl; j++) {
			if (j < hl && ((unsigned char)hay[j] & 0xC0) == 0x80)
				continue;
			if (tiao_text_equiv(hay + i, j - i, needle, nl))
				return true;
		}
	}
	return false;
}

static bool S_deviation(char **devs, size_t ndev, const char *label)
{
	for (size_t i = 0; i < ndev; i++)
		if (strcmp(devs[i], label) == 0)
			return true;
	return false;
}

static void S_show(const char *who, const char *s)
{
	printf("    %s: ", who);
	for (const char *p = s; *p; p++)
		putchar(*p == '\n' ? '|' : *p);
	putchar('\n');
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: corpus_cmp OURS OFFICIAL [DEVIATIONS]\n");
		return 2;
	}
	tiao_doc *ours = S_parse(argv[1]), *off = S_parse(argv[2]);
	if (!ours || !off)
		return 2;
	char *devs[64];
	size_t ndev = 0;
	char *devbuf = NULL;
	if (argc > 3 && strcmp(argv[3], "-") != 0) {
		size_t len;
		char *d = devbuf = S_read(argv[3], &len);
		for (char *line = d ? strtok(d, "\n") : NULL; line && ndev < 64; line = strtok(NULL, "\n")) {
			char *tab = strchr(line, '\t');
			if (tab)
				*tab = '\0';
			devs[ndev++] = line;
		}
	}
	int diffs = 0, devused = 0;
	art *a, *b;
	size_t na = S_articles(ours, &a), nb = S_articles(off, &b);
	size_t i = 0, j = 0;
	char lab[128];
	while (i < na || j < nb) {
		if (j >= nb || (i < na && (a[i].num < b[j].num || (a[i].num == b[j].num && a[i].sub < b[j].sub)))) {
			S_label(lab, sizeof lab, a[i].node);
			printf("  %s: only in ours\n", lab);
			diffs++;
			i++;
			continue;
		}
		if (i >= na || a[i].num > b[j].num || (a[i].num == b[j].num && a[i].sub > b[j].sub)) {
			S_label(lab, sizeof lab, b[j].node);
			if (S_deviation(devs, ndev, lab)) {
				devused++;
			} else {
				printf("  %s: only in the official text\n", lab);
				diffs++;
			}
			j++;
			continue;
		}
		tiao_buf x = TIAO_BUF_INIT, y = TIAO_BUF_INIT;
		S_content(&x, a[i].node);
		S_content(&y, b[j].node);
		tiao_buf_putc(&x, '\0');
		tiao_buf_putc(&y, '\0');
		if (!S_equiv(x.data, y.data)) {
			S_label(lab, sizeof lab, b[j].node);
			if (S_deviation(devs, ndev, lab)) {
				devused++;
			} else {
				printf("  %s differs\n", lab);
				S_show("ours    ", x.data);
				S_show("official", y.data);
				diffs++;
			}
		}
		tiao_buf_free(&x);
		tiao_buf_free(&y);
		i++;
		j++;
	}
	char **ha, **hb;
	size_t nha = S_headings(ours, &ha), nhb = S_headings(off, &hb);
	for (size_t k = 0; k < nha || k < nhb; k++) {
		const char *p = k < nha ? ha[k] : "(none)", *q = k < nhb ? hb[k] : "(none)";
		if (!S_equiv(p, q)) {
			printf("  heading %zu differs: ours %s, official %s\n", k + 1, p, q);
			diffs++;
		}
	}
	/* 题注, loosely: the new line of ours, its date and decision title, in the official notes */
	size_t nn = tiao_doc_note_count(ours), no = tiao_doc_note_count(off);
	const char *last = nn ? tiao_doc_note(ours, nn - 1) : NULL;
	char *rawline = NULL;
	if (argc > 4) {
		tiao_doc *base = S_parse(argv[4]);
		size_t nb = base ? tiao_doc_note_count(base) : 0;
		/* a new event: one more line, or (one parenthesised note) a longer last line */
		bool same = base && nb == nn;
		if (same && nn == 1 && strlen(tiao_doc_note(ours, 0)) > strlen(tiao_doc_note(base, 0)))
			same = false;
		if (same) {
			/* an undated line (the decision states no date) does not parse as a note: look for
			 * it in the raw text between the title and the first heading or article */
			size_t len;
			char *raw = S_read(argv[1], &len);
			char *line = raw ? strtok(raw, "\n") : NULL;
			for (line = line ? strtok(NULL, "\n") : NULL; line; line = strtok(NULL, "\n")) {
				if (strncmp(line, "第", 3) == 0 || strncmp(line, "目", 3) == 0)
					break;
				bool known = false;
				for (size_t k = 0; k < nb && !known; k++)
					known = S_equiv(line, tiao_doc_note(base, k));
				if (!known && strstr(line, "决定")) {
					free(rawline);
					rawline = strdup(line);
				}
			}
			free(raw);
			if (rawline) {
				last = rawline;
			} else {
				printf("  题注: not updated\n");
				diffs++;
				last = NULL;
			}
		}
		tiao_doc_free(base);
	}
	if (last) {
		tiao_buf all = TIAO_BUF_INIT;
		for (size_t k = 0; k < no; k++)
			tiao_buf_puts(&all, tiao_doc_note(off, k));
		tiao_buf_putc(&all, '\0');
		const char *day = strstr(last, "日");
		const char *date0 = last;
		if (strncmp(date0, "（", 3) == 0)
			date0 += 3;
		const char *gen = strstr(last, "根据");
		if (gen && gen < day)
			date0 = gen + 6;
		char date[128] = "";
		if (day && day > date0 && (size_t)(day - date0) < sizeof date - 4)
			snprintf(date, sizeof date, "%.*s日", (int)(day - date0), date0);
		const char *t1 = strstr(last, "关于"), *t2 = NULL;
		if (t1) {
			for (const char *p = t1; (p = strstr(p, "决定")) != NULL; p += 6)
				t2 = p;
		}
		char title[1024] = "";
		if (t1 && t2 && (size_t)(t2 - t1) < sizeof title - 8)
			snprintf(title, sizeof title, "%.*s决定", (int)(t2 - t1), t1);
		size_t i0 = 0;
		bool dated = day && day > date0 &&
		             tiao_cp_is_digit(tiao_utf8_next(date0, strlen(date0), &i0));
		if (!dated)
			*date = '\0';
		if (!dated && *title)
			printf("  (题注: the new line has no date, the decision states none; checked by its "
			       "title: %s)\n", last);
		if (!dated && all.data && !S_contains(all.data, last)) {
			printf("  题注: the undated new line is not in the official notes: %s\n", last);
			diffs++;
		} else if ((!*date && !*title) || !all.data || (*date && !S_contains(all.data, date)) ||
		    (*title && !S_contains(all.data, title))) {
			printf("  题注: the new line is not in the official notes: %s\n", last);
			diffs++;
		}
		tiao_buf_free(&all);
	}
	free(rawline);
	if (devused)
		printf("  (%d listed deviation%s)\n", devused, devused == 1 ? "" : "s");
	for (size_t k = 0; k < nha; k++)
		free(ha[k]);
	for (size_t k = 0; k < nhb; k++)
		free(hb[k]);
	free(ha);
	free(hb);
	free(a);
	free(b);
	free(devbuf);
	tiao_doc_free(ours);
	tiao_doc_free(off);
	return diffs ? 1 : 0;
}
