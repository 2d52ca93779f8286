/* cmd_consolidate.c — placeholder until the command is written. */
#include "cli.h"

#include <stdio.h>

int cmd_consolidate(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "tiao consolidate: error: not implemented yet\n");
	return CLI_ERROR;
}
