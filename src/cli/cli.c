/* cli.c — shared CLI helpers (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_read_file(const char *path, char **data, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "tiao: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (f != stdin) {
		struct stat st;
		if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
			fprintf(stderr, "tiao: cannot read %s: Is a directory\n", path);
			fclose(f);
			return -1;
		}
	}
	/* a regular file is read into one allocation of its size (no regrowth, no copies) */
	size_t cap = 1 << 16, n = 0;
	struct stat fst;
	if (fstat(fileno(f), &fst) == 0 && S_ISREG(fst.st_mode) && fst.st_size > 0 &&
	    (unsigned long long)fst.st_size < (unsigned long long)SIZE_MAX - 2)
		cap = (size_t)fst.st_size + 2;
	char *buf = malloc(cap);
	if (!buf)
		goto oom;
	for (;;) {
		if (n + 1 >= cap) {
			cap *= 2;
			char *p = realloc(buf, cap);
			if (!p)
				goto oom;
			buf = p;
		}
		size_t r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "tiao: cannot read %s: %s\n", path, strerror(errno));
		free(buf);
		if (f != stdin)
			fclose(f);
		return -1;
	}
	if (f != stdin)
		fclose(f);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
oom:
	fprintf(stderr, "tiao: cannot read %s: out of memory\n", path);
	free(buf);
	if (f != stdin)
		fclose(f);
	return -1;
}

int cli_write_output(const char *path, const char *data, size_t len)
{
	if (!path || strcmp(path, "-") == 0) {
		if ((len && fwrite(data, 1, len, stdout) != len) || fflush(stdout) != 0) {
			fprintf(stderr, "tiao: cannot write output: %s\n", strerror(errno));
			return -1;
		}
		return 0;
	}
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16);
	if (!tmp) {
		fprintf(stderr, "tiao: cannot write %s: out of memory\n", path);
		return -1;
	}
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp.XXXXXX", 12);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "tiao: cannot write %s: %s\n", path, strerror(errno));
		free(tmp);
		return -1;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)w;
	}
	if (fchmod(fd, 0644) != 0 || fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	return 0;
fail:
	fprintf(stderr, "tiao: cannot write %s: %s\n", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return -1;
}

void cli_diag_init(cli_diag_ctx *ctx, bool caret_opt)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->caret = caret_opt || isatty(STDERR_FILENO);
}

static const char *S_sev(tiao_severity s)
{
	return s == TIAO_ERRORSEV ? "error" : s == TIAO_WARNING ? "warning" : "note";
}

/* Print the source line `line` of ctx->source and a caret under column col (in characters; CJK
 * characters are two cells wide on a terminal). */
static void S_caret(const cli_diag_ctx *ctx, size_t line, size_t col)
{
	if (!ctx->source || line == 0)
		return;
	const char *s = ctx->source, *end = s + ctx->source_len;
	for (size_t l = 1; l < line && s < end; l++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl)
			return;
		s = nl + 1;
	}
	const char *e = memchr(s, '\n', (size_t)(end - s));
	if (!e)
		e = end;
	fprintf(stderr, "%.*s\n", (int)(e - s), s);
	size_t width = 0, c = 1;
	for (const char *p = s; p < e && c < col; c++) {
		unsigned char b = (unsigned char)*p;
		size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		width += n >= 3 ? 2 : 1;
		p += n;
	}
	for (size_t i = 0; i < width; i++)
		fputc(' ', stderr);
	fputs("^\n", stderr);
}

void cli_print_diag(const tiao_diag *d, void *payload)
{
	cli_diag_ctx *ctx = payload;
	if (ctx) {
		if (d->severity == TIAO_ERRORSEV)
			ctx->errors++;
		else if (d->severity == TIAO_WARNING)
			ctx->warnings++;
	}
	const char *file = d->file ? d->file : "tiao";
	if (d->line)
		fprintf(stderr, "%s:%zu:%zu: %s: %s", file, d->line, d->column ? d->column : 1,
		        S_sev(d->severity), d->message);
	else
		fprintf(stderr, "%s: %s: %s", file, S_sev(d->severity), d->message);
	if (d->check && *d->check)
		fprintf(stderr, " [%s]", d->check);
	fputc('\n', stderr);
	if (ctx && ctx->caret)
		S_caret(ctx, d->line, d->column);
}

void cli_print_error(const tiao_error *err, const char *file)
{
	const char *f = err->file ? err->file : file;
	const char *msg = err->message[0] ? err->message : tiao_strerror(err->code);
	if (f && err->line)
		fprintf(stderr, "%s:%zu:%zu: error: %s\n", f, err->line, err->column ? err->column : 1, msg);
	else if (f)
		fprintf(stderr, "%s: error: %s\n", f, msg);
	else
		fprintf(stderr, "tiao: error: %s\n", msg);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "tiao %s: error: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'tiao %s --help'.\n", cmd);
	return CLI_ERROR;
}

int cli_parse_format(const char *cmd, const char *value, const char *allowed, tiao_format *out)
{
	static const struct {
		const char *name;
		tiao_format f;
	} names[] = {{"text", TIAO_FORMAT_TEXT}, {"json", TIAO_FORMAT_JSON}, {"xml", TIAO_FORMAT_XML},
	             {"html", TIAO_FORMAT_HTML}};
	size_t vlen = strlen(value);
	const char *p = allowed;
	while (*p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (n == vlen && memcmp(p, value, n) == 0) {
			for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
				if (strcmp(names[i].name, value) == 0) {
					*out = names[i].f;
					return 0;
				}
			/* a command-specific format (e.g. diff's "decision") is handled by the caller */
			return 1;
		}
		if (!bar)
			break;
		p = bar + 1;
	}
	cli_usage_error(cmd, "unknown format '%s' (expected %s)", value, allowed);
	return -1;
}
