/*
 * cmd_validate.c — tiao validate FILE... [-f text|json] [--caret]
 *
 * Parses each FILE as a regulation and runs tiao_validate on it. Text output: one diagnostic per
 * line on stderr (FILE:LINE:COL: error: message [check]), with the source line and a caret when
 * stderr is a terminal or --caret is given. JSON output (stdout):
 *   {"diagnostics": [{"file", "line", "col", "severity", "check", "message"}, …]}
 * Exit status: 0 no problems, 1 problems found, 2 usage error or unreadable / invalid input.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void S_help(FILE *f)
{
	fprintf(f,
	        "usage: tiao validate FILE... [-f text|json] [--caret]\n"
	        "\n"
	        "Check the numbering and internal cross-references of regulations:\n"
	        "  条 numbered 1..N across the whole text (第X条之一 only right after 第X条),\n"
	        "  编/分编/章/节 within their parent, 项 within each 款, 目 within each 项,\n"
	        "  provisions without text, and references to 条/款/项 that do not exist\n"
	        "  (references to other acts are not checked).\n"
	        "\n"
	        "options:\n"
	        "  -f, --format text|json  text: diagnostics on stderr, FILE:LINE:COL: error: msg [check]\n"
	        "                          json: {\"diagnostics\": [...]} on stdout\n"
	        "      --caret             show the source line and a caret under each diagnostic\n"
	        "                          (the default when stderr is a terminal)\n"
	        "  -h, --help              show this help\n"
	        "\n"
	        "FILE may be - for standard input. A gazette holding several documents is refused:\n"
	        "split it first (tiao split GAZETTE -o DIR) and validate the regulations.\n"
	        "Exit status: 0 no problems, 1 problems found, 2 usage error or unreadable input.\n");
}

typedef struct S_json {
	FILE *out;
	size_t count;
	size_t problems;
} S_json;

static const char *S_sev(tiao_severity s)
{
	return s == TIAO_ERRORSEV ? "error" : s == TIAO_WARNING ? "warning" : "note";
}

static void S_json_diag(const tiao_diag *d, void *payload)
{
	S_json *j = payload;
	FILE *f = j->out;
	fputs(j->count ? ",\n  " : "\n  ", f);
	fputs("{\"file\": ", f);
	cli_json_str(f, d->file);
	fprintf(f, ", \"line\": %zu, \"col\": %zu, \"severity\": ", d->line, d->column);
	cli_json_str(f, S_sev(d->severity));
	fputs(", \"check\": ", f);
	cli_json_str(f, d->check);
	fputs(", \"message\": ", f);
	cli_json_str(f, d->message);
	fputc('}', f);
	j->count++;
	if (d->severity != TIAO_NOTE)
		j->problems++;
}

/*
 * A gazette (several documents in one file) cannot be validated as one regulation, and its
 * regulations' positions could not be reported in its own lines: say so instead of guessing.
 */
static bool S_is_collection(const char *data, size_t len, const char *name)
{
	tiao_gazette *g = NULL;
	tiao_error err;
	memset(&err, 0, sizeof err);
	if (tiao_gazette_split(&g, data, len, name, &err) != 0)
		return false; /* the parser will say what is wrong */
	size_t n = tiao_gazette_count(g), nreg = 0;
	for (size_t i = 0; i < n; i++)
		if (tiao_gazette_kind(g, i) == TIAO_DOC_REGULATION)
			nreg++;
	tiao_gazette_free(g);
	if (n <= 1)
		return false;
	fprintf(stderr,
	        "%s: error: the file holds %zu documents (%zu regulations), not one regulation; "
	        "split it with 'tiao split %s -o DIR' and validate each regulation\n",
	        name, n, nreg, name);
	return true;
}

int cmd_validate(int argc, char **argv)
{
	tiao_format fmt = TIAO_FORMAT_TEXT;
	bool caret = false;
	const char **files = calloc((size_t)(argc > 0 ? argc : 1), sizeof *files);
	size_t nfiles = 0;
	if (!files) {
		fprintf(stderr, "tiao validate: error: out of memory\n");
		return CLI_ERROR;
	}
	int status = CLI_OK;
	enum { O_FORMAT = 1, O_CARET };
	static const cli_opt opts[] = {{O_FORMAT, 'f', "format", true},
	                               {O_CARET, 0, "caret", false},
	                               {0, 0, NULL, false}};
	cli_getopt_state st;
	cli_getopt_init(&st, "validate", argc, argv);
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
		case O_FORMAT:
			if (cli_parse_format("validate", v, "text|json", &fmt) != 0) {
				free(files);
				return CLI_ERROR;
			}
			break;
		case O_CARET: caret = true; break;
		case CLI_OPT_ARG: files[nfiles++] = v; break;
		}
	}
	if (nfiles == 0) {
		free(files);
		return cli_usage_error("validate", "no input file");
	}

	S_json json = { stdout, 0, 0 };
	if (fmt == TIAO_FORMAT_JSON)
		fputs("{\"diagnostics\": [", stdout);
	size_t problems = 0;
	for (size_t k = 0; k < nfiles; k++) {
		const char *path = files[k];
		const char *name = cli_input_name(path);
		char *data = NULL;
		size_t len = 0;
		if (cli_read_file(path, &data, &len) != 0) {
			status = CLI_ERROR;
			continue;
		}
		tiao_parse_options po = TIAO_PARSE_OPTIONS_INIT;
		po.filename = name;
		tiao_error err;
		memset(&err, 0, sizeof err);
		if (S_is_collection(data, len, name)) {
			status = CLI_ERROR;
			free(data);
			continue;
		}
		tiao_doc *doc = NULL;
		int rc = tiao_parse(&doc, data, len, &po, &err);
		if (rc < 0) {
			cli_print_error(&err, name);
			status = CLI_ERROR;
			free(data);
			continue;
		}
		if (fmt == TIAO_FORMAT_JSON) {
			rc = tiao_validate(doc, S_json_diag, &json);
		} else {
			cli_diag_ctx ctx;
			cli_diag_init(&ctx, caret);
			ctx.source = data;
			ctx.source_len = len;
			rc = tiao_validate(doc, cli_print_diag, &ctx);
			problems += ctx.errors + ctx.warnings;
		}
		if (rc < 0) {
			fprintf(stderr, "%s: error: %s\n", name, tiao_strerror(rc));
			status = CLI_ERROR;
		}
		tiao_doc_free(doc);
		free(data);
	}
	if (fmt == TIAO_FORMAT_JSON) {
		fputs(json.count ? "\n]}\n" : "]}\n", stdout);
		fflush(stdout);
		problems += json.problems;
	}
	free(files);
	if (status == CLI_OK && problems > 0)
		status = CLI_FOUND;
	return status;
}
