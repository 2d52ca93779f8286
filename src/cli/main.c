/*
 * main.c — tiao's entry point: a dispatch table of commands, each in its own file (cmd_*.c).
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *name;
	cli_cmd_fn fn;
	const char *summary;
} S_commands[] = {
	{"split", cmd_split, "list the documents of a gazette, or write each to a file"},
	{"parse", cmd_parse, "parse a regulation into its tree (text, JSON, Akoma Ntoso XML)"},
	{"validate", cmd_validate, "check numbering and cross-references"},
	{"consolidate", cmd_consolidate, "apply amendment decisions to a regulation"},
	{"verify", cmd_verify, "check an official consolidated text against base + decision"},
	{"diff", cmd_diff, "compare two versions article by article"},
};

static void S_usage(FILE *f)
{
	fprintf(f, "usage: tiao COMMAND [ARGS]\n\n"
	           "tiao (条) works on Chinese statute texts.\n\ncommands:\n");
	for (size_t i = 0; i < sizeof S_commands / sizeof S_commands[0]; i++)
		fprintf(f, "  %-12s %s\n", S_commands[i].name, S_commands[i].summary);
	fprintf(f, "\n'tiao COMMAND --help' describes a command. 'tiao --version' prints the version.\n"
	           "Exit status: 0 success, 1 differences or problems found (diff, verify, validate),\n"
	           "2 usage error, invalid input, or an instruction that cannot be applied.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		S_usage(stderr);
		return CLI_ERROR;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		S_usage(stdout);
		return CLI_OK;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("tiao %s\n", TIAO_VERSION);
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof S_commands / sizeof S_commands[0]; i++)
		if (strcmp(cmd, S_commands[i].name) == 0)
			return S_commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "tiao: error: unknown command '%s'\n", cmd);
	S_usage(stderr);
	return CLI_ERROR;
}
