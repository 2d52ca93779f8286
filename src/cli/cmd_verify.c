/* cmd_verify.c — placeholder until the command is written. */
#include "cli.h"

#include <stdio.h>

int cmd_verify(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "tiao verify: error: not implemented yet\n");
	return CLI_ERROR;
}
