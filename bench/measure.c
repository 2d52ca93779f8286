/*
 * measure.c — run a command, report its wall time (seconds) and peak resident memory (KiB):
 *   measure [-i INPUT] [-o OUTPUT] -- CMD ARGS...
 * stdin/stdout of the command are redirected from/to the given files (default /dev/null).
 * Prints "SECONDS MAXRSS_KIB EXIT CPU_SECONDS" (CPU = user + system time of the command). Needs no package beyond libc (wait4/getrusage).
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *in = "/dev/null", *out = "/dev/null";
	int i = 1;
	for (; i < argc; i++) {
		if (strcmp(argv[i], "-i") == 0 && i + 1 < argc)
			in = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else
			break;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: measure [-i IN] [-o OUT] -- CMD ARGS...\n");
		return 2;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		int fi = open(in, O_RDONLY), fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fi < 0 || fo < 0)
			_exit(127);
		dup2(fi, 0);
		dup2(fo, 1);
		execvp(argv[i], argv + i);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	             (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	printf("%.4f %ld %d %.4f\n", s, ru.ru_maxrss, WIFEXITED(st) ? WEXITSTATUS(st) : 128, cpu);
	return 0;
}
