/* cli.c — shared CLI helpers (see cli.h). */
#define _DEFAULT_SOURCE /* madvise */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	/* a large input is read once into fresh memory: transparent huge pages spare most of the page
	 * faults (a hint; the text is then parsed in place, see tiao_parse_buffer) */
	if (cap >= ((size_t)4 << 20)) {
		long pg = sysconf(_SC_PAGESIZE);
		if (pg > 0) {
			uintptr_t a = ((uintptr_t)buf + (uintptr_t)pg - 1) & ~((uintptr_t)pg - 1);
			uintptr_t e = ((uintptr_t)buf + cap) & ~((uintptr_t)pg - 1);
			if (e > a)
				(void)madvise((void *)a, (size_t)(e - a), MADV_HUGEPAGE);
		}
	}
#endif
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

int cli_out_open(cli_out *o, const char *path)
{
	memset(o, 0, sizeof *o);
	o->path = path;
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	size_t plen = strlen(path);
	o->tmp = malloc(plen + 16);
	if (!o->tmp) {
		fprintf(stderr, "tiao: cannot write %s: out of memory\n", path);
		return -1;
	}
	memcpy(o->tmp, path, plen);
	memcpy(o->tmp + plen, ".tmp.XXXXXX", 12);
	int fd = mkstemp(o->tmp);
	if (fd < 0 || fchmod(fd, 0644) != 0 || !(o->f = fdopen(fd, "wb"))) {
		fprintf(stderr, "tiao: cannot write %s: %s\n", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	return 0;
}

int cli_out_write(const char *data, size_t len, void *payload)
{
	cli_out *o = payload;
	return len && fwrite(data, 1, len, o->f) != len ? -1 : 0;
}

int cli_out_commit(cli_out *o)
{
	const char *name = o->path && strcmp(o->path, "-") != 0 ? o->path : "output";
	if (!o->tmp) {
		if (fflush(stdout) != 0) {
			fprintf(stderr, "tiao: cannot write %s: %s\n", name, strerror(errno));
			return -1;
		}
		return 0;
	}
	int ok = fflush(o->f) == 0 && fsync(fileno(o->f)) == 0;
	ok = (fclose(o->f) == 0) && ok;
	o->f = NULL;
	if (!ok || rename(o->tmp, o->path) != 0) {
		fprintf(stderr, "tiao: cannot write %s: %s\n", name, strerror(errno));
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	free(o->tmp);
	o->tmp = NULL;
	return 0;
}

void cli_out_abort(cli_out *o)
{
	if (o->tmp) {
		if (o->f)
			fclose(o->f);
		unlink(o->tmp);
		free(o->tmp);
	}
	o->tmp = NULL;
	o->f = NULL;
}

void cli_out_buf(tiao_buf *b, cli_out *o)
{
	tiao_buf init = TIAO_BUF_INIT;
	*b = init;
	b->flush = cli_out_write;
	b->flush_payload = o;
	b->flush_at = 1u << 20;
}

int cli_write_output(const char *path, const char *data, size_t len)
{
	cli_out o;
	if (cli_out_open(&o, path) < 0)
		return -1;
	if (cli_out_write(data, len, &o) < 0) {
		fprintf(stderr, "tiao: cannot write %s: %s\n", o.tmp ? path : "output", strerror(errno));
		cli_out_abort(&o);
		return -1;
	}
	return cli_out_commit(&o);
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

void cli_getopt_init(cli_getopt_state *s, const char *cmd, int argc, char **argv)
{
	s->cmd = cmd;
	s->argc = argc;
	s->argv = argv;
	s->i = 1;
	s->only_args = false;
}

int cli_getopt(cli_getopt_state *s, const cli_opt *opts, const char **value)
{
	*value = NULL;
	if (s->i >= s->argc)
		return CLI_OPT_END;
	const char *a = s->argv[s->i++];
	if (s->only_args || a[0] != '-' || a[1] == '\0') {
		*value = a;
		return CLI_OPT_ARG;
	}
	if (strcmp(a, "--") == 0) {
		s->only_args = true;
		return cli_getopt(s, opts, value);
	}
	if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
		return CLI_OPT_HELP;
	const cli_opt *o = NULL;
	const char *inline_value = NULL;
	if (a[1] == '-') {
		const char *name = a + 2, *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);
		for (const cli_opt *p = opts; p->id; p++)
			if (p->long_name && strlen(p->long_name) == n && memcmp(p->long_name, name, n) == 0) {
				o = p;
				break;
			}
		if (o && eq) {
			if (!o->value) {
				cli_usage_error(s->cmd, "option '--%s' takes no value", o->long_name);
				return CLI_OPT_ERR;
			}
			inline_value = eq + 1;
		}
	} else {
		for (const cli_opt *p = opts; p->id; p++)
			if (p->short_name && p->short_name == a[1]) {
				o = p;
				break;
			}
		if (o && a[2] != '\0') {
			if (!o->value)
				o = NULL; /* -xy: not supported */
			else
				inline_value = a + 2;
		}
	}
	if (!o) {
		cli_usage_error(s->cmd, "unknown option '%s'", a);
		return CLI_OPT_ERR;
	}
	if (o->value) {
		if (inline_value)
			*value = inline_value;
		else if (s->i < s->argc)
			*value = s->argv[s->i++];
		else {
			cli_usage_error(s->cmd, "option '%s' needs a value", a);
			return CLI_OPT_ERR;
		}
	}
	return o->id;
}

const char *cli_input_name(const char *path) { return strcmp(path, "-") == 0 ? "<stdin>" : path; }

int cli_load_doc(const char *path, tiao_doc **out)
{
	char *data;
	size_t len;
	*out = NULL;
	if (cli_read_file(path, &data, &len) < 0)
		return -1;
	const char *name = cli_input_name(path);
	tiao_parse_options po = TIAO_PARSE_OPTIONS_INIT;
	po.filename = name;
	tiao_error err;
	memset(&err, 0, sizeof err);
	int rc = tiao_parse(out, data, len, &po, &err);
	free(data);
	if (rc < 0) {
		cli_print_error(&err, name);
		return -1;
	}
	return 0;
}

void cli_json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}
