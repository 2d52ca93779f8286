/*
 * cmd_diff.c — tiao diff OLD NEW [-f text|json|html|decision] [-o OUT] [--color=auto|always|never]
 *
 * Parses both versions, aligns their articles by content (see docs/DIFF.md) and prints the
 * changes: text (per changed article, [-deleted-]{+inserted+}, coloured on a terminal), JSON
 * ({"changes": [...]}), HTML (a self-contained 修改前后对照表) or a drafted 修改决定 that turns OLD
 * into NEW. Exit status: 0 no differences, 1 differences, 2 usage error or invalid input.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void S_help(FILE *f)
{
	fprintf(f,
	        "usage: tiao diff OLD NEW [-f text|json|html|decision] [-o OUT] [--color=WHEN]\n"
	        "\n"
	        "Compare two versions of a regulation article by article. Articles are matched by\n"
	        "content, not by number, so a deleted or inserted article does not make every later\n"
	        "one look changed; an article whose only change is a renumbered cross-reference is\n"
	        "reported as renumbered, not modified. Text is compared after normalisation\n"
	        "(full-width/ASCII punctuation, «»/《》, whitespace).\n"
	        "\n"
	        "options:\n"
	        "  -f, --format FMT    text      changed articles, [-deleted-]{+inserted+} (default)\n"
	        "                      json      {\"changes\": [{\"op\", \"old\", \"new\", \"hunks\"...}]}\n"
	        "                      html      a self-contained 修改前后对照表 page\n"
	        "                      decision  a drafted 修改决定 turning OLD into NEW\n"
	        "  -o, --output OUT    write to OUT (atomically) instead of standard output\n"
	        "      --color=WHEN    text: auto (default: when writing to a terminal), always, never\n"
	        "  -h, --help          show this help\n"
	        "\n"
	        "OLD or NEW may be - for standard input.\n"
	        "Exit status: 0 no differences, 1 differences found, 2 usage error or invalid input.\n");
}

int cmd_diff(int argc, char **argv)
{
	const char *files[2] = {NULL, NULL};
	size_t nfiles = 0;
	const char *outpath = NULL, *fmtname = "text";
	int color = -1; /* auto */
	enum { O_FORMAT = 1, O_OUTPUT, O_COLOR, O_NO_COLOR };
	static const cli_opt opts[] = {{O_FORMAT, 'f', "format", true},
	                               {O_OUTPUT, 'o', "output", true},
	                               {O_COLOR, 0, "color", true},
	                               {O_NO_COLOR, 0, "no-color", false},
	                               {0, 0, NULL, false}};
	cli_getopt_state st;
	cli_getopt_init(&st, "diff", argc, argv);
	const char *v;
	for (int id; (id = cli_getopt(&st, opts, &v)) != CLI_OPT_END;) {
		switch (id) {
		case CLI_OPT_HELP: S_help(stdout); return CLI_OK;
		case CLI_OPT_ERR: return CLI_ERROR;
		case O_FORMAT: fmtname = v; break;
		case O_OUTPUT: outpath = v; break;
		case O_NO_COLOR: color = 0; break;
		case O_COLOR:
			if (strcmp(v, "always") == 0)
				color = 1;
			else if (strcmp(v, "never") == 0)
				color = 0;
			else if (strcmp(v, "auto") == 0)
				color = -1;
			else
				return cli_usage_error("diff", "--color takes auto, always or never");
			break;
		case CLI_OPT_ARG:
			if (nfiles == 2)
				return cli_usage_error("diff", "too many arguments ('%s')", v);
			files[nfiles++] = v;
			break;
		}
	}
	if (nfiles != 2)
		return cli_usage_error("diff", "needs two files, OLD and NEW");
	tiao_diff_format fmt;
	if (strcmp(fmtname, "text") == 0)
		fmt = TIAO_DIFF_FMT_TEXT;
	else if (strcmp(fmtname, "json") == 0)
		fmt = TIAO_DIFF_FMT_JSON;
	else if (strcmp(fmtname, "html") == 0)
		fmt = TIAO_DIFF_FMT_HTML;
	else if (strcmp(fmtname, "decision") == 0)
		fmt = TIAO_DIFF_FMT_DECISION;
	else
		return cli_usage_error("diff", "unknown format '%s' (text|json|html|decision)", fmtname);
	if (strcmp(files[0], "-") == 0 && strcmp(files[1], "-") == 0)
		return cli_usage_error("diff", "only one of OLD and NEW can be standard input");

	tiao_doc *old_doc = NULL, *new_doc = NULL;
	tiao_diff *d = NULL;
	tiao_buf buf = TIAO_BUF_INIT;
	int status = CLI_ERROR;
	if (cli_load_doc(files[0], &old_doc) < 0 || cli_load_doc(files[1], &new_doc) < 0)
		goto done;
	tiao_error err = {0};
	if (tiao_diff_new(&d, old_doc, new_doc, &err) < 0) {
		cli_print_error(&err, NULL);
		goto done;
	}
	unsigned flags = 0;
	if (fmt == TIAO_DIFF_FMT_TEXT &&
	    (color == 1 || (color == -1 && (!outpath || strcmp(outpath, "-") == 0) &&
	                    isatty(STDOUT_FILENO) && !getenv("NO_COLOR"))))
		flags |= TIAO_DIFF_COLOR;
	if (tiao_diff_render(&buf, d, fmt, flags) < 0 || buf.failed) {
		fprintf(stderr, "tiao diff: error: out of memory\n");
		goto done;
	}
	if (cli_write_output(outpath, buf.data ? buf.data : "", buf.len) < 0)
		goto done;
	status = tiao_diff_change_count(d) ? CLI_FOUND : CLI_OK;
done:
	tiao_buf_free(&buf);
	tiao_diff_free(d);
	tiao_doc_free(old_doc);
	tiao_doc_free(new_doc);
	return status;
}
