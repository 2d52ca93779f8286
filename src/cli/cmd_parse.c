/* cmd_parse.c — placeholder until the command is written. */
#include "cli.h"

#include <stdio.h>

int cmd_parse(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "tiao parse: error: not implemented yet\n");
	return CLI_ERROR;
}
