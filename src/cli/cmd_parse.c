/*
 * cmd_parse.c — tiao parse [FILE|-] [-f text|json|xml] [-o OUT]
 *
 * Reads a regulation (clean, gazette or database text), parses it into its tree and writes the
 * canonical text (default), JSON or Akoma Ntoso XML. -o writes atomically; on failure OUT is left untouched.
 * Errors: FILE:LINE:COL: error: message, exit status 2.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void S_help(FILE *f)
{
	fprintf(f,
	        "usage: tiao parse [FILE|-] [-f text|json|xml] [-o OUT]\n"
	        "\n"
	        "Parse a regulation into its tree: title, 题注, 目录, 编/分编/章/节, 条 (incl. 之一),\n"
	        "款, 项, 目 and 附件. The input may be clean text (one paragraph per line), a\n"
	        "PDF-extracted gazette text or a database copy; tiao detects which.\n"
	        "\n"
	        "options:\n"
	        "  -f, --format text|json|xml  text: canonical text, one paragraph per line (default)\n"
	        "                              json: the tree as JSON\n"
	        "                              xml: Akoma Ntoso 3.0\n"
	        "  -o, --output OUT            write to OUT atomically instead of standard output\n"
	        "  -h, --help                  show this help\n"
	        "\n"
	        "FILE may be - (or omitted) for standard input.\n"
	        "Exit status: 0 success, 2 usage error or unreadable / invalid input.\n");
}

int cmd_parse(int argc, char **argv)
{
	const char *file = NULL, *out_path = NULL, *fmt = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			S_help(stdout);
			return CLI_OK;
		} else if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
			if (++i >= argc)
				return cli_usage_error("parse", "%s needs a value", a);
			fmt = argv[i];
		} else if (strncmp(a, "--format=", 9) == 0) {
			fmt = a + 9;
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
			if (++i >= argc)
				return cli_usage_error("parse", "%s needs a value", a);
			out_path = argv[i];
		} else if (strncmp(a, "--output=", 9) == 0) {
			out_path = a + 9;
		} else if (a[0] == '-' && a[1] != '\0') {
			return cli_usage_error("parse", "unknown option '%s'", a);
		} else if (file) {
			return cli_usage_error("parse", "only one FILE may be given");
		} else {
			file = a;
		}
	}
	tiao_format format = TIAO_FORMAT_TEXT;
	if (fmt && cli_parse_format("parse", fmt, "text|json|xml", &format) < 0)
		return CLI_ERROR;
	if (!file)
		file = "-";
	const char *name = strcmp(file, "-") == 0 ? "<stdin>" : file;

	char *data;
	size_t len;
	if (cli_read_file(file, &data, &len) < 0)
		return CLI_ERROR;
	tiao_parse_options opts = TIAO_PARSE_OPTIONS_INIT;
	opts.filename = name;
	tiao_error err;
	memset(&err, 0, sizeof err);
	tiao_doc *doc = NULL;
	/* the library takes the input buffer over (no copy of the text) */
	int rc = tiao_parse_buffer(&doc, data, len, &opts, &err);
	if (rc < 0) {
		cli_print_error(&err, name);
		return CLI_ERROR;
	}
	/* the output streams out in pieces (to a temporary file renamed at the end with -o) */
	cli_out out;
	if (cli_out_open(&out, out_path) < 0) {
		tiao_doc_free(doc);
		return CLI_ERROR;
	}
	tiao_buf buf;
	cli_out_buf(&buf, &out);
	rc = format == TIAO_FORMAT_JSON  ? tiao_render_json(&buf, doc)
	     : format == TIAO_FORMAT_XML ? tiao_render_akn(&buf, doc)
	                                 : tiao_render_text(&buf, doc);
	tiao_doc_free(doc);
	if (rc == 0 && tiao_buf_flush(&buf) < 0)
		rc = TIAO_EIO;
	if (rc == 0 && buf.failed)
		rc = TIAO_ENOMEM;
	tiao_buf_free(&buf);
	if (rc < 0) {
		cli_out_abort(&out);
		fprintf(stderr, "tiao parse: error: %s\n", tiao_strerror(rc));
		return CLI_ERROR;
	}
	return cli_out_commit(&out) < 0 ? CLI_ERROR : CLI_OK;
}
