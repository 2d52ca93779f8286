/* cmd_split.c — placeholder until the command is written. */
#include "cli.h"

#include <stdio.h>

int cmd_split(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "tiao split: error: not implemented yet\n");
	return CLI_ERROR;
}
