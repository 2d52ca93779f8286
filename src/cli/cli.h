/*
 * cli.h — what every command shares: reading inputs (files or - for stdin), writing outputs
 * atomically, printing diagnostics and errors, exit codes. Commands include only tiao.h and this.
 */
#ifndef TIAO_CLI_H
#define TIAO_CLI_H

#include "tiao.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum {
	CLI_OK = 0,       /* success; diff/verify: no differences; validate: no problems */
	CLI_FOUND = 1,    /* diff/verify: differences; validate: problems */
	CLI_ERROR = 2     /* usage, unreadable or invalid input, instruction that cannot be applied */
};

typedef int (*cli_cmd_fn)(int argc, char **argv);

/* Read a whole file ("-" = stdin) into a malloc'd buffer (NUL-terminated, not counted in len).
 * On failure prints "tiao: cannot read PATH: reason" and returns -1. */
int cli_read_file(const char *path, char **data, size_t *len);

/* Write data to path atomically (temporary file in the same directory, then rename), or to stdout
 * when path is NULL or "-". On failure prints a message, removes the temporary, returns -1. */
int cli_write_output(const char *path, const char *data, size_t len);

/* Streaming output: to standard output (path NULL or "-"), or to a temporary file beside path that
 * cli_out_commit renames into place (so a failed run never leaves a partial file). */
typedef struct cli_out {
	const char *path;
	char *tmp;   /* temporary file name, NULL for standard output */
	FILE *f;
} cli_out;
int cli_out_open(cli_out *o, const char *path);
/* A tiao_buf flush callback writing to a cli_out (payload). */
int cli_out_write(const char *data, size_t len, void *payload);
int cli_out_commit(cli_out *o);
void cli_out_abort(cli_out *o);
/* A tiao_buf that streams into o in pieces of about a megabyte. */
void cli_out_buf(tiao_buf *b, cli_out *o);

/* Diagnostic printing: FILE:LINE:COL: severity: message [check], plus the source line and a caret
 * when ctx->caret is set (by --caret, or when stderr is a terminal). */
typedef struct cli_diag_ctx {
	bool caret;
	const char *source;   /* text of the file the diagnostics refer to, for caret lines */
	size_t source_len;
	size_t errors, warnings;
} cli_diag_ctx;
void cli_diag_init(cli_diag_ctx *ctx, bool caret_opt);
void cli_print_diag(const tiao_diag *d, void *payload /* cli_diag_ctx* */);

/* Print an error from the library: FILE:LINE:COL: error: message (or "tiao: error: message"). */
void cli_print_error(const tiao_error *err, const char *file);

/* Print "tiao CMD: error: msg\nTry 'tiao CMD --help'." and return CLI_ERROR. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parse -f/--format value into out; returns 0 or prints an error and returns -1. allowed is a
 * "|"-separated list such as "text|json|xml". */
int cli_parse_format(const char *cmd, const char *value, const char *allowed, tiao_format *out);

/* ---- options, table-driven (after libgit2's cli_opt_spec) ----
 * A command lists its options; cli_getopt() returns them one at a time in command-line order and
 * accepts -f V, -fV, --format V, --format=V, "--" (only arguments after it) and "-" (an argument:
 * standard input). -h and --help are built in. */
typedef struct cli_opt {
	int id;                /* > 0: what cli_getopt returns for this option */
	char short_name;       /* 'f', or 0 */
	const char *long_name; /* "format", or NULL */
	bool value;            /* takes a value */
} cli_opt;

enum {
	CLI_OPT_END = 0,   /* no more arguments */
	CLI_OPT_ARG = -1,  /* a positional argument, in *value */
	CLI_OPT_HELP = -2, /* -h / --help */
	CLI_OPT_ERR = -3   /* a usage error, already printed */
};

typedef struct cli_getopt_state {
	const char *cmd;
	int argc;
	char **argv;
	int i;
	bool only_args;
} cli_getopt_state;

void cli_getopt_init(cli_getopt_state *s, const char *cmd, int argc, char **argv);
/* The next option's id (its value in *value), CLI_OPT_ARG, CLI_OPT_HELP, CLI_OPT_END or
 * CLI_OPT_ERR. opts ends with an entry whose id is 0. */
int cli_getopt(cli_getopt_state *s, const cli_opt *opts, const char **value);

/* The name diagnostics use for path: "<stdin>" for "-". */
const char *cli_input_name(const char *path);

/* Read and parse a regulation (FILE or -); prints the error and returns -1 on failure. */
int cli_load_doc(const char *path, tiao_doc **out);

/* Write s as a JSON string literal to f. */
void cli_json_str(FILE *f, const char *s);

/* The commands (one file each). */
int cmd_split(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_consolidate(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_diff(int argc, char **argv);

#endif
