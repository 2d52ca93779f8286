/*
 * cmd_consolidate.c — tiao consolidate BASE DECISION... [-f text|json|xml] [-o OUT] [--trace]
 *                     [--keep-going] [--regulation TITLE] [--caret]
 *
 * Applies one or more amendment decisions, in order, to a regulation and writes the consolidated
 * text. DECISION may be a single decision, a package decision (the group amending BASE's title, or
 * the one named by --regulation), or a whole gazette (the decision in it that amends BASE).
 * An instruction that cannot be applied is an error (DECISION:LINE:COL: error: …, exit 2) and
 * nothing is written to -o; --keep-going applies the rest, writes the result, and still exits 2.
 * --trace prints every elementary operation and what it touched to stderr.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void S_help(FILE *f)
{
	fprintf(f,
	        "usage: tiao consolidate BASE DECISION... [-f text|json|xml] [-o OUT] [--trace]\n"
	        "                        [--keep-going] [--regulation TITLE]\n"
	        "\n"
	        "Apply amendment decisions (修改决定, 修正案) to a regulation and write the\n"
	        "consolidated text. Targets are read in the base numbering, insert positions in the\n"
	        "result numbering; the result is renumbered when the decision orders it, internal\n"
	        "cross-references are rewritten, and a 题注 line is added per decision.\n"
	        "\n"
	        "DECISION may be a single decision, a package decision (the group amending BASE is\n"
	        "chosen by BASE's title), or a whole gazette. Several decisions apply in order.\n"
	        "\n"
	        "options:\n"
	        "  -f, --format text|json|xml  output format (json adds \"changes\" and \"renumbering\")\n"
	        "  -o, --output OUT            write to OUT atomically (untouched on failure)\n"
	        "      --trace                 print every operation and what it touched to stderr\n"
	        "      --keep-going            apply what can be applied, list every failure\n"
	        "      --regulation TITLE      the regulation of a package decision to apply\n"
	        "      --caret                 show the source line and a caret under diagnostics\n"
	        "  -h, --help                  show this help\n"
	        "\n"
	        "Exit status: 0 success; 2 usage error, unreadable input, or an instruction that\n"
	        "cannot be applied (with --keep-going the result is still written).\n");
}

static void S_trace(const tiao_diag *d, void *payload)
{
	(void)payload;
	fprintf(stderr, "%s\n", d->message);
}

int cmd_consolidate(int argc, char **argv)
{
	const char *out_path = NULL, *fmt = NULL, *regulation = NULL;
	bool trace = false, keep_going = false, caret = false;
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	size_t nfiles = 0;
	if (!files)
		return CLI_ERROR;
	int status = CLI_ERROR;
	enum { O_FORMAT = 1, O_OUTPUT, O_REGULATION, O_TRACE, O_KEEP_GOING, O_CARET };
	static const cli_opt opts[] = {{O_FORMAT, 'f', "format", true},
	                               {O_OUTPUT, 'o', "output", true},
	                               {O_REGULATION, 0, "regulation", true},
	                               {O_TRACE, 0, "trace", false},
	                               {O_KEEP_GOING, 'k', "keep-going", false},
	                               {O_CARET, 0, "caret", false},
	                               {0, 0, NULL, false}};
	cli_getopt_state st;
	cli_getopt_init(&st, "consolidate", argc, argv);
	const char *v;
	for (int id; (id = cli_getopt(&st, opts, &v)) != CLI_OPT_END;) {
		switch (id) {
		case CLI_OPT_HELP:
			S_help(stdout);
			free(files);
			return CLI_OK;
		case CLI_OPT_ERR:
			free(files);
			return CLI_ERROR;
		case O_FORMAT: fmt = v; break;
		case O_OUTPUT: out_path = v; break;
		case O_REGULATION: regulation = v; break;
		case O_TRACE: trace = true; break;
		case O_KEEP_GOING: keep_going = true; break;
		case O_CARET: caret = true; break;
		case CLI_OPT_ARG: files[nfiles++] = v; break;
		}
	}
	if (nfiles < 2) {
		free(files);
		return cli_usage_error("consolidate", "BASE and at least one DECISION are required");
	}
	tiao_format format = TIAO_FORMAT_TEXT;
	if (fmt && cli_parse_format("consolidate", fmt, "text|json|xml", &format) < 0) {
		free(files);
		return CLI_ERROR;
	}
	size_t nstdin = 0;
	for (size_t i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") == 0)
			nstdin++;
	if (nstdin > 1) {
		free(files);
		return cli_usage_error("consolidate", "standard input (-) can be read only once");
	}

	const char *base_name = cli_input_name(files[0]);
	char *data = NULL;
	size_t len = 0;
	tiao_doc *base = NULL;
	tiao_result *res = NULL;
	tiao_buf buf = TIAO_BUF_INIT;
	tiao_error err;
	memset(&err, 0, sizeof err);
	if (cli_read_file(files[0], &data, &len) < 0)
		goto out;
	tiao_parse_options popts = TIAO_PARSE_OPTIONS_INIT;
	popts.filename = base_name;
	int rc = tiao_parse(&base, data, len, &popts, &err);
	free(data);
	data = NULL;
	if (rc < 0) {
		cli_print_error(&err, base_name);
		goto out;
	}

	bool failed = false;
	for (size_t i = 1; i < nfiles; i++) {
		const char *dname = cli_input_name(files[i]);
		if (cli_read_file(files[i], &data, &len) < 0)
			goto out;
		cli_diag_ctx dctx;
		cli_diag_init(&dctx, caret);
		dctx.source = data;
		dctx.source_len = len;
		tiao_consolidate_options o = TIAO_CONSOLIDATE_OPTIONS_INIT;
		o.keep_going = keep_going;
		o.regulation = regulation;
		o.decision_name = dname;
		o.trace = trace ? S_trace : NULL;
		memset(&err, 0, sizeof err);
		if (i == 1)
			rc = tiao_consolidate(&res, base, data, len, &o, cli_print_diag, &dctx, &err);
		else
			rc = tiao_result_apply(res, data, len, &o, cli_print_diag, &dctx, &err);
		if (rc < 0) {
			failed = true;
			if (dctx.errors == 0)
				cli_print_error(&err, dname);
			if (!keep_going || !res) {
				free(data);
				data = NULL;
				goto out;
			}
		}
		free(data);
		data = NULL;
	}
	if (!res)
		goto out;
	if (format == TIAO_FORMAT_JSON)
		rc = tiao_render_result_json(&buf, res);
	else if (format == TIAO_FORMAT_XML)
		rc = tiao_render_result_akn(&buf, res);
	else
		rc = tiao_render_text(&buf, tiao_result_doc(res));
	if (rc < 0) {
		fprintf(stderr, "tiao consolidate: error: %s\n", tiao_strerror(rc));
		goto out;
	}
	if (cli_write_output(out_path, buf.data ? buf.data : "", buf.len) < 0)
		goto out;
	status = failed ? CLI_ERROR : CLI_OK;
out:
	free(data);
	tiao_buf_free(&buf);
	tiao_result_free(res);
	tiao_doc_free(base);
	free(files);
	return status;
}
