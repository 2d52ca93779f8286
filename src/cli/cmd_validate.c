/* cmd_validate.c — placeholder until the command is written. */
#include "cli.h"

#include <stdio.h>

int cmd_validate(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "tiao validate: error: not implemented yet\n");
	return CLI_ERROR;
}
