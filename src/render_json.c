/*
 * render_json.c — the document tree as JSON (cli-contract.md, "JSON"):
 *
 *   {"tiao": 1, "kind": "regulation", "title": "…", "notes": ["…"], "children": [
 *     {"kind": "chapter", "num": 1, "label": "第一章", "heading": "总则", "line": 12, "children": [
 *       {"kind": "article", "num": 1, "label": "第一条", "line": 13, "children": [
 *         {"kind": "paragraph", "num": 1, "text": "…", "line": 13, "children": [
 *           {"kind": "item", "num": 1, "label": "（一）", "text": "…", "line": 15}]}]}]}]}
 *
 * "sub" appears for 之N articles, "toc" and "preamble" when the document has them, "children" when a
 * node has any. Written for speed on large inputs: one output buffer (appends take a plain memcpy
 * while it has room), strings scanned eight bytes at a time and copied in runs between the few
 * bytes JSON must escape, integers formatted by hand, no recursion (the walk follows parent/next
 * links). Each node starts a line indented by its depth.
 */
#include "render.h"

/* 1 for bytes that need escaping inside a JSON string. */
static const unsigned char S_esc[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
};

/* Reserve n more bytes; returns the write pointer or NULL (buffer marked failed). */
static char *S_reserve(tiao_buf *b, size_t n)
{
	if (tiao_buf_grow(b, b->len + n) < 0)
		return NULL;
	return b->data + b->len;
}

/* Append n bytes: a plain copy when the buffer has room (it is grown ahead), else tiao_buf_put. */
static inline void S_put(tiao_buf *b, const void *data, size_t n)
{
	if (b->len + n < b->cap) {
		memcpy(b->data + b->len, data, n);
		b->len += n;
	} else {
		tiao_buf_put(b, data, n);
	}
}

static inline void S_putc(tiao_buf *b, char c)
{
	if (b->len + 1 < b->cap)
		b->data[b->len++] = c;
	else
		tiao_buf_putc(b, c);
}

/* The first byte in [p, end) that JSON must escape, or end. Eight bytes at a time: a word holds
 * such a byte iff it has a byte < 0x20, '"' or '\\'. */
static const unsigned char *S_scan(const unsigned char *p, const unsigned char *end)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	while (end - p >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		uint64_t lt = (w - ones * 0x20) & ~w & highs; /* a byte < 0x20 */
		uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
		uint64_t zq = (q - ones) & ~q & highs, zb = (bs - ones) & ~bs & highs;
		if (lt | zq | zb)
			break;
		p += 8;
	}
	while (p < end && !S_esc[*p])
		p++;
	return p;
}

void tiao_json_str(tiao_buf *b, const char *s)
{
	if (!s) {
		tiao_buf_put(b, "null", 4);
		return;
	}
	tiao_json_strn(b, s, strlen(s));
}

void tiao_json_strn(tiao_buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	S_putc(b, '"');
	/* the usual case, a string without anything to escape: copied eight bytes at a time as it is
	 * scanned, into room reserved for all of it (one pass over the text, not a scan then a copy) */
	char *w = S_reserve(b, (size_t)(end - p) + 2);
	if (!w)
		return;
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	while (end - p >= 8) {
		uint64_t x;
		memcpy(&x, p, 8);
		uint64_t lt = (x - ones * 0x20) & ~x & highs; /* a byte < 0x20 */
		uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
		uint64_t zq = (q - ones) & ~q & highs, zb = (bs - ones) & ~bs & highs;
		if (lt | zq | zb)
			break;
		memcpy(w, &x, 8);
		w += 8;
		p += 8;
	}
	b->len = (size_t)(w - b->data);
	for (;;) {
		const unsigned char *q = S_scan(p, end);
		if (q > p)
			S_put(b, p, (size_t)(q - p));
		if (q == end)
			break;
		char esc[8];
		size_t n = 2;
		esc[0] = '\\';
		switch (*q) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		default: {
			static const char hex[] = "0123456789abcdef";
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[*q >> 4];
			esc[5] = hex[*q & 15];
			n = 6;
		}
		}
		S_put(b, esc, n);
		p = q + 1;
	}
	S_putc(b, '"');
}

static void S_int(tiao_buf *b, long long v)
{
	if (v >= 0 && v < 100) { /* most numbers: positions, item numbers, short line numbers */
		char d[2] = {(char)('0' + v / 10), (char)('0' + v % 10)};
		if (v < 10)
			S_putc(b, d[1]);
		else
			S_put(b, d, 2);
		return;
	}
	/* two digits at a time (line numbers of large inputs) */
	static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233"
	                            "34353637383940414243444546474849505152535455565758596061626364656667"
	                            "6869707172737475767778798081828384858687888990919293949596979899";
	char tmp[24];
	size_t n = 0;
	unsigned long long u = v < 0 ? (unsigned long long)(-(v + 1)) + 1 : (unsigned long long)v;
	while (u >= 100) {
		unsigned r = (unsigned)(u % 100);
		u /= 100;
		tmp[sizeof tmp - 1 - n++] = pairs[2 * r + 1];
		tmp[sizeof tmp - 1 - n++] = pairs[2 * r];
	}
	if (u >= 10) {
		tmp[sizeof tmp - 1 - n++] = pairs[2 * u + 1];
		tmp[sizeof tmp - 1 - n++] = pairs[2 * u];
	} else {
		tmp[sizeof tmp - 1 - n++] = (char)('0' + u);
	}
	if (v < 0)
		tmp[sizeof tmp - 1 - n++] = '-';
	S_put(b, tmp + sizeof tmp - n, n);
}

#define PUTLIT(b, lit) S_put((b), (lit), sizeof(lit) - 1)

static void S_key_str(tiao_buf *b, const char *lit_key, const char *v)
{
	S_put(b, lit_key, strlen(lit_key));
	tiao_json_str(b, v);
}

static void S_newline(tiao_buf *b, size_t depth)
{
	char *w = S_reserve(b, 1 + 2 * depth);
	if (!w)
		return;
	*w++ = '\n';
	memset(w, ' ', 2 * depth);
	b->len += 1 + 2 * depth;
}

/* Open a node's object (every field but its children). */
static void S_open(tiao_buf *b, const tiao_node *n)
{
	PUTLIT(b, "{\"kind\": \"");
	const char *kind = tiao_node_kind_name(n->kind);
	S_put(b, kind, strlen(kind));
	PUTLIT(b, "\", \"num\": ");
	S_int(b, n->num);
	if (n->sub) {
		PUTLIT(b, ", \"sub\": ");
		S_int(b, n->sub);
	}
	if (n->label)
		S_key_str(b, ", \"label\": ", n->label);
	if (n->heading)
		S_key_str(b, ", \"heading\": ", n->heading);
	if (n->text)
		S_key_str(b, ", \"text\": ", n->text);
	PUTLIT(b, ", \"line\": ");
	S_int(b, (long long)n->line);
}

void tiao_json_nodes(tiao_buf *b, const tiao_node *first)
{
	tiao_buf_putc(b, '[');
	if (!first) {
		tiao_buf_putc(b, ']');
		return;
	}
	const tiao_node *top = first->parent, *n = first;
	size_t depth = 1;
	while (n) {
		S_newline(b, depth);
		S_open(b, n);
		if (n->first) {
			PUTLIT(b, ", \"children\": [");
			n = n->first;
			depth++;
			continue;
		}
		tiao_buf_putc(b, '}');
		/* climb: close finished parents */
		while (n->parent != top && !n->next) {
			n = n->parent;
			depth--;
			PUTLIT(b, "]}");
		}
		if (n->parent == top && !n->next)
			break;
		tiao_buf_putc(b, ',');
		n = n->next;
	}
	tiao_buf_putc(b, ']');
}

static void S_str_array(tiao_buf *b, const char *key, const char *const *a, size_t n)
{
	tiao_buf_puts(b, key);
	tiao_buf_putc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			PUTLIT(b, ", ");
		tiao_json_str(b, a[i]);
	}
	tiao_buf_putc(b, ']');
}

int tiao_render_json(tiao_buf *out, const tiao_doc *doc)
{
	if (!out || !doc)
		return TIAO_EINVALID;
	PUTLIT(out, "{\"tiao\": 1, \"kind\": \"regulation\", \"title\": ");
	tiao_json_str(out, doc->title);
	S_str_array(out, ", \"notes\": ", doc->notes, doc->nnotes);
	if (doc->ntoc)
		S_str_array(out, ", \"toc\": ", doc->toc, doc->ntoc);
	if (doc->npreamble)
		S_str_array(out, ", \"preamble\": ", doc->preamble, doc->npreamble);
	PUTLIT(out, ", \"children\": ");
	tiao_json_nodes(out, doc->root ? doc->root->first : NULL);
	PUTLIT(out, "}\n");
	return out->failed ? TIAO_ENOMEM : 0;
}
