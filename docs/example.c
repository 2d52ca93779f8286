/*
 * example.c — using libtiao: parse a regulation, apply an amendment decision, walk the result.
 *
 *   cc example.c $(pkg-config --cflags --libs tiao) -o example
 *   ./example BASE.txt [DECISION.txt]
 *
 * Prints the title, the 题注 lines, one line per division and article (with its number of
 * paragraphs and items), then the number of articles; with a DECISION, the consolidated text is
 * walked instead of the base. Exit status 0 on success, 1 on failure.
 */
#include <tiao.h>

#include <stdio.h>
#include <stdlib.h>

/* Read a whole file into a malloc'd buffer. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (!buf)
			break;
		if (n == cap) {
			char *nb = realloc(buf, cap *= 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		if (r == 0)
			break;
		n += r;
	}
	fclose(f);
	*len = n;
	return buf;
}

/* Print an error from the library: file:line:col: message. */
static void print_error(const char *what, const tiao_error *err)
{
	if (err->line)
		fprintf(stderr, "%s:%zu:%zu: error: %s\n", err->file ? err->file : what, err->line,
		        err->column, err->message);
	else
		fprintf(stderr, "%s: error: %s (%s)\n", what, err->message, tiao_strerror(err->code));
}

/* Diagnostics (failed instructions, warnings) arrive through a callback: the library never prints. */
static void on_diag(const tiao_diag *d, void *payload)
{
	int *errors = payload;
	if (d->severity == TIAO_ERRORSEV)
		(*errors)++;
	fprintf(stderr, "%s:%zu:%zu: %s: %s [%s]\n", d->file ? d->file : "-", d->line, d->column,
	        d->severity == TIAO_ERRORSEV ? "error" : d->severity == TIAO_WARNING ? "warning" : "note",
	        d->message, d->check ? d->check : "");
}

/* Walk the tree with the ENTER/EXIT iterator. */
static int walk(const tiao_doc *doc)
{
	tiao_iter *it;
	if (tiao_iter_new(&it, tiao_doc_root(doc)) != 0)
		return -1;
	int depth = 0, articles = 0;
	tiao_event ev;
	while ((ev = tiao_iter_next(it)) != TIAO_EVENT_DONE) {
		tiao_node *n = tiao_iter_node(it);
		tiao_node_kind k = tiao_node_kind_of(n);
		if (ev == TIAO_EVENT_EXIT) {
			if (k >= TIAO_NODE_FIRST_DIVISION && k <= TIAO_NODE_LAST_DIVISION)
				depth--;
			continue;
		}
		if (k >= TIAO_NODE_FIRST_DIVISION && k <= TIAO_NODE_LAST_DIVISION) {
			printf("%*s%s %s\n", 2 * depth, "", tiao_node_label(n) ? tiao_node_label(n) : "",
			       tiao_node_heading(n) ? tiao_node_heading(n) : "");
			depth++;
		} else if (k == TIAO_NODE_ARTICLE) {
			int paras = 0, items = 0;
			for (tiao_node *p = tiao_node_first_child(n); p; p = tiao_node_next(p)) {
				paras++;
				for (tiao_node *i = tiao_node_first_child(p); i; i = tiao_node_next(i))
					items++;
			}
			printf("%*s%s: %d paragraph(s), %d item(s)\n", 2 * depth, "", tiao_node_label(n),
			       paras, items);
			articles++;
			/* no need to descend into the article: skip to its exit */
			tiao_iter_reset(it, n, TIAO_EVENT_EXIT);
		}
	}
	tiao_iter_free(it);
	return articles;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s BASE [DECISION]\n", argv[0]);
		return 1;
	}
	size_t len;
	char *text = read_file(argv[1], &len);
	if (!text) {
		perror(argv[1]);
		return 1;
	}
	tiao_parse_options popts = TIAO_PARSE_OPTIONS_INIT;
	popts.filename = argv[1];
	tiao_doc *base = NULL;
	tiao_error err = {0};
	int rc = tiao_parse(&base, text, len, &popts, &err);
	free(text); /* the document keeps its own copy */
	if (rc != 0) {
		print_error(argv[1], &err);
		return 1;
	}

	const tiao_doc *doc = base;
	tiao_result *res = NULL;
	if (argc == 3) {
		char *dec = read_file(argv[2], &len);
		if (!dec) {
			perror(argv[2]);
			tiao_doc_free(base);
			return 1;
		}
		tiao_consolidate_options copts = TIAO_CONSOLIDATE_OPTIONS_INIT;
		copts.decision_name = argv[2];
		int errors = 0;
		rc = tiao_consolidate(&res, base, dec, len, &copts, on_diag, &errors, &err);
		free(dec);
		if (rc != 0) {
			print_error(argv[2], &err);
			tiao_result_free(res); /* NULL unless keep_going: freeing NULL is a no-op */
			tiao_doc_free(base);
			return 1;
		}
		doc = tiao_result_doc(res); /* owned by res */
	}

	printf("%s\n", tiao_doc_title(doc));
	for (size_t i = 0; i < tiao_doc_note_count(doc); i++)
		printf("%s\n", tiao_doc_note(doc, i));
	int articles = walk(doc);
	printf("articles: %d\n", articles);
	if ((size_t)articles != tiao_doc_article_count(doc))
		rc = 1;

	tiao_node *first = tiao_doc_find_article(doc, 1, 0);
	if (first && tiao_node_first_child(first))
		printf("first paragraph: %s\n", tiao_node_text(tiao_node_first_child(first)));

	tiao_result_free(res);
	tiao_doc_free(base);
	return rc == 0 && articles > 0 ? 0 : 1;
}
