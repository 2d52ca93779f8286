/*
 * cmd_verify.c — tiao verify BASE DECISION OFFICIAL [-f text|json] [-o OUT] [--regulation TITLE]
 *
 * Consolidates BASE with DECISION and compares the result with the OFFICIAL consolidated text,
 * article by article (the alignment of tiao diff). Every difference is reported with both
 * locations and a classification: quote (the official text differs from the decision's quoted
 * text), text (it differs where the decision changed nothing), renumbering, xref (a
 * cross-reference rewritten differently), structure (paragraphs or articles split or merged
 * differently), heading.
 * Exit status: 0 the official text follows the decision, 1 differences, 2 error (unreadable input,
 * or an instruction that cannot be applied).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void S_help(FILE *f)
{
	fprintf(f,
	        "usage: tiao verify BASE DECISION OFFICIAL [-f text|json] [-o OUT] [--strict]\n"
	        "                   [--regulation TITLE]\n"
	        "\n"
	        "Apply DECISION to BASE and compare the result with OFFICIAL, the published\n"
	        "consolidated text. Each difference is reported with its article in OFFICIAL (and\n"
	        "line) and in the consolidation (and its base article), classified as:\n"
	        "  quote        text differs from the decision's quote\n"
	        "  text         text differs where the decision changed nothing\n"
	        "  renumbering  renumbering differs\n"
	        "  xref         cross-reference not rewritten (or rewritten differently)\n"
	        "  structure    paragraph (or article) split or merged differently\n"
	        "  heading      a chapter/section heading differs\n"
	        "\n"
	        "options:\n"
	        "  -f, --format text|json  report format (default text)\n"
	        "  -o, --output OUT        write the report to OUT instead of standard output\n"
	        "      --regulation TITLE  the group of a package decision to apply\n"
	        "      --strict            count differences in paragraphing alone (same text, other\n"
	        "                          line breaks; by default reported as notes)\n"
	        "      --caret             show source lines under diagnostics\n"
	        "  -h, --help              show this help\n"
	        "\n"
	        "Exit status: 0 the official text follows the decision, 1 differences found,\n"
	        "2 usage error, invalid input, or an instruction that cannot be applied.\n");
}

int cmd_verify(int argc, char **argv)
{
	const char *files[3] = {NULL, NULL, NULL};
	size_t nfiles = 0;
	const char *outpath = NULL, *regulation = NULL;
	tiao_format fmt = TIAO_FORMAT_TEXT;
	bool caret = false, strict = false;
	enum { O_FORMAT = 1, O_OUTPUT, O_REGULATION, O_STRICT, O_CARET };
	static const cli_opt opts[] = {{O_FORMAT, 'f', "format", true},
	                               {O_OUTPUT, 'o', "output", true},
	                               {O_REGULATION, 0, "regulation", true},
	                               {O_STRICT, 0, "strict", false},
	                               {O_CARET, 0, "caret", false},
	                               {0, 0, NULL, false}};
	cli_getopt_state st;
	cli_getopt_init(&st, "verify", argc, argv);
	const char *v;
	for (int id; (id = cli_getopt(&st, opts, &v)) != CLI_OPT_END;) {
		switch (id) {
		case CLI_OPT_HELP: S_help(stdout); return CLI_OK;
		case CLI_OPT_ERR: return CLI_ERROR;
		case O_FORMAT:
			if (cli_parse_format("verify", v, "text|json", &fmt) < 0)
				return CLI_ERROR;
			break;
		case O_OUTPUT: outpath = v; break;
		case O_REGULATION: regulation = v; break;
		case O_STRICT: strict = true; break;
		case O_CARET: caret = true; break;
		case CLI_OPT_ARG:
			if (nfiles == 3)
				return cli_usage_error("verify", "too many arguments ('%s')", v);
			files[nfiles++] = v;
			break;
		}
	}
	if (nfiles != 3)
		return cli_usage_error("verify", "needs three files: BASE DECISION OFFICIAL");
	int nstdin = 0;
	for (size_t i = 0; i < 3; i++)
		nstdin += strcmp(files[i], "-") == 0;
	if (nstdin > 1)
		return cli_usage_error("verify", "only one input can be standard input");

	tiao_doc *base = NULL, *official = NULL;
	tiao_result *r = NULL;
	char *dec = NULL;
	size_t declen = 0;
	tiao_buf buf = TIAO_BUF_INIT;
	int status = CLI_ERROR;
	if (cli_load_doc(files[0], &base) < 0 || cli_read_file(files[1], &dec, &declen) < 0 ||
	    cli_load_doc(files[2], &official) < 0)
		goto done;

	cli_diag_ctx ctx;
	cli_diag_init(&ctx, caret);
	ctx.source = dec;
	ctx.source_len = declen;
	tiao_consolidate_options co = TIAO_CONSOLIDATE_OPTIONS_INIT;
	co.regulation = regulation;
	co.decision_name = files[1];
	tiao_error err = {0};
	int rc = tiao_consolidate(&r, base, dec, declen, &co, cli_print_diag, &ctx, &err);
	if (rc < 0 || !r) {
		if (ctx.errors == 0)
			cli_print_error(&err, files[1]);
		goto done;
	}
	size_t n = 0;
	memset(&err, 0, sizeof err);
	unsigned vflags = (fmt == TIAO_FORMAT_JSON ? TIAO_VERIFY_JSON : 0) |
	                  (strict ? TIAO_VERIFY_STRICT : 0);
	if (tiao_verify(&buf, &n, r, official, vflags, &err) < 0) {
		cli_print_error(&err, NULL);
		goto done;
	}
	if (cli_write_output(outpath, buf.data ? buf.data : "", buf.len) < 0)
		goto done;
	status = n ? CLI_FOUND : CLI_OK;
done:
	tiao_buf_free(&buf);
	tiao_result_free(r);
	free(dec);
	tiao_doc_free(base);
	tiao_doc_free(official);
	return status;
}
