/*
 * cmd_split.c — tiao split GAZETTE [-o DIR] [-f text|json]
 *
 * Lists the documents of a gazette (index, kind, start line, title). With -o DIR, also writes each
 * document as a clean file, one paragraph per line, named NN-<kind>.txt (written atomically:
 * temporary file + rename). -f json prints {"documents": [{"index", "kind", "title", "line"}]}.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static void S_help(FILE *f)
{
	fprintf(f,
	        "usage: tiao split GAZETTE [-o DIR] [-f text|json]\n"
	        "\n"
	        "List the documents of a gazette: 公告, regulations (条例/办法/规定/细则), 决定, 说明,\n"
	        "reports (报告, 审议意见, 调研, 执法检查), 名单, 议程, 纪要 and annexes. The gazette may be\n"
	        "PDF-extracted text (blank line after every printed line, page footers and headers,\n"
	        "wrapped lines) or clean text; tiao detects which.\n"
	        "\n"
	        "Each document is listed as: index, kind, start line in GAZETTE, title.\n"
	        "\n"
	        "options:\n"
	        "  -o, --output DIR            also write each document to DIR/NN-<kind>.txt as clean\n"
	        "                              text, one paragraph per line (title on the first line)\n"
	        "  -f, --format text|json      text: one document per line, tab-separated (default)\n"
	        "                              json: {\"documents\": [{\"index\", \"kind\", \"title\",\n"
	        "                              \"line\"}]}\n"
	        "  -h, --help                  show this help\n"
	        "\n"
	        "GAZETTE may be - for standard input.\n"
	        "Exit status: 0 success, 2 usage error or unreadable / invalid input.\n");
}

static int S_mkdir(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		fprintf(stderr, "tiao split: error: %s is not a directory\n", dir);
		return -1;
	}
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "tiao split: error: cannot create %s: %s\n", dir, strerror(errno));
		return -1;
	}
	return 0;
}

int cmd_split(int argc, char **argv)
{
	const char *file = NULL, *dir = NULL, *fmt = NULL;
	enum { O_FORMAT = 1, O_OUTPUT };
	static const cli_opt opts[] = {{O_FORMAT, 'f', "format", true},
	                               {O_OUTPUT, 'o', "output", true},
	                               {0, 0, NULL, false}};
	cli_getopt_state st;
	cli_getopt_init(&st, "split", argc, argv);
	const char *v;
	for (int id; (id = cli_getopt(&st, opts, &v)) != CLI_OPT_END;) {
		switch (id) {
		case CLI_OPT_HELP: S_help(stdout); return CLI_OK;
		case CLI_OPT_ERR: return CLI_ERROR;
		case O_FORMAT: fmt = v; break;
		case O_OUTPUT: dir = v; break;
		case CLI_OPT_ARG:
			if (file)
				return cli_usage_error("split", "only one GAZETTE may be given");
			file = v;
			break;
		}
	}
	if (!file)
		return cli_usage_error("split", "no GAZETTE given");
	tiao_format format = TIAO_FORMAT_TEXT;
	if (fmt && cli_parse_format("split", fmt, "text|json", &format) < 0)
		return CLI_ERROR;
	const char *name = cli_input_name(file);

	char *data;
	size_t len;
	if (cli_read_file(file, &data, &len) < 0)
		return CLI_ERROR;
	tiao_error err;
	memset(&err, 0, sizeof err);
	tiao_gazette *g = NULL;
	int rc = tiao_gazette_split(&g, data, len, name, &err);
	free(data);
	if (rc < 0) {
		cli_print_error(&err, name);
		return CLI_ERROR;
	}
	size_t n = tiao_gazette_count(g);
	int status = CLI_OK;
	if (dir) {
		if (S_mkdir(dir) < 0) {
			tiao_gazette_free(g);
			return CLI_ERROR;
		}
		int width = n >= 100 ? (n >= 1000 ? 4 : 3) : 2;
		for (size_t i = 0; i < n && status == CLI_OK; i++) {
			size_t tl;
			const char *t = tiao_gazette_text(g, i, &tl);
			size_t plen = strlen(dir) + 64;
			char *path = malloc(plen);
			if (!t || !path) {
				fprintf(stderr, "tiao split: error: out of memory\n");
				free(path);
				status = CLI_ERROR;
				break;
			}
			snprintf(path, plen, "%s/%0*zu-%s.txt", dir, width, i + 1,
			         tiao_doc_kind_name(tiao_gazette_kind(g, i)));
			if (cli_write_output(path, t, tl) < 0)
				status = CLI_ERROR;
			free(path);
		}
	}
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	if (!f) {
		fprintf(stderr, "tiao split: error: out of memory\n");
		tiao_gazette_free(g);
		return CLI_ERROR;
	}
	if (format == TIAO_FORMAT_JSON) {
		fputs("{\"documents\": [", f);
		for (size_t i = 0; i < n; i++) {
			fprintf(f, "%s\n  {\"index\": %zu, \"kind\": \"%s\", \"title\": ", i ? "," : "", i + 1,
			        tiao_doc_kind_name(tiao_gazette_kind(g, i)));
			cli_json_str(f, tiao_gazette_title(g, i) ? tiao_gazette_title(g, i) : "");
			fprintf(f, ", \"line\": %zu}", tiao_gazette_line(g, i));
		}
		fputs(n ? "\n]}\n" : "]}\n", f);
	} else {
		for (size_t i = 0; i < n; i++) {
			const char *title = tiao_gazette_title(g, i);
			fprintf(f, "%zu\t%s\t%zu\t%s\n", i + 1, tiao_doc_kind_name(tiao_gazette_kind(g, i)),
			        tiao_gazette_line(g, i), title ? title : "");
		}
	}
	fclose(f);
	tiao_gazette_free(g);
	if (cli_write_output(NULL, out ? out : "", outlen) < 0)
		status = CLI_ERROR;
	free(out);
	return status;
}
