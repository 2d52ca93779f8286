/* cmd_diff.c — placeholder until the command is written. */
#include "cli.h"

#include <stdio.h>

int cmd_diff(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "tiao diff: error: not implemented yet\n");
	return CLI_ERROR;
}
