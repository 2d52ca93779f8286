/*
 * pngstat.c — decode a PNG (as written by a headless browser's screenshot) and print facts about
 * its pixels, one "key value" per line, so a shell test can tell a blank page from a rendered one.
 *
 *   usage: pngstat FILE.png
 *
 * Output keys:
 *   width, height      image size in pixels
 *   background         the most frequent colour, as #rrggbb
 *   nonbg              fraction of pixels that differ from the background colour (0..1)
 *   nonwhite           fraction of pixels that are not (near) white: any channel below 240
 *   dark               fraction of dark pixels (luma below 96): text strokes, rules
 *   colours            number of distinct RGB colours
 *   red, red_left      red-ish pixels (R clearly above G and B, as <del>'s #b00 and its
 *   red_right          antialiased edges), in all, in the left and in the right half
 *   green, green_left  green-ish pixels (G clearly above R and B, as <ins>'s #060)
 *   green_right
 *   blue               blue-ish pixels (links)
 *
 * Supports non-interlaced PNGs of bit depth 8 in every colour type (grey, RGB, palette, grey +
 * alpha, RGBA); alpha is composited over white. Needs zlib for inflate: cc -O1 pngstat.c -lz.
 * Exit status: 0 on success, 1 if the file is not a PNG this program can decode, 2 on usage.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int die(const char *file, const char *why)
{
	fprintf(stderr, "pngstat: %s: %s\n", file, why);
	return 1;
}

static unsigned char *slurp(const char *file, size_t *len)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	unsigned char *b = malloc(cap);
	while (b) {
		size_t r = fread(b + n, 1, cap - n, f);
		n += r;
		if (n < cap)
			break;
		unsigned char *nb = realloc(b, cap *= 2);
		if (!nb) {
			free(b);
			b = NULL;
		}
		b = nb;
	}
	fclose(f);
	*len = n;
	return b;
}

static int paeth(int a, int b, int c)
{
	int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
	if (pa <= pb && pa <= pc)
		return a;
	return pb <= pc ? b : c;
}

/* open-addressing set of 24-bit colours */
typedef struct {
	uint32_t *slot; /* colour + 1, 0 = empty */
	uint32_t *count;
	size_t cap, n;
} cset;

static int cset_add(cset *s, uint32_t rgb)
{
	if ((s->n + 1) * 2 > s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 4096;
		uint32_t *ns = calloc(ncap, sizeof *ns), *nc = calloc(ncap, sizeof *nc);
		if (!ns || !nc) {
			free(ns);
			free(nc);
			return -1;
		}
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->slot[i])
				continue;
			size_t h = (s->slot[i] * 2654435761u) & (ncap - 1);
			while (ns[h])
				h = (h + 1) & (ncap - 1);
			ns[h] = s->slot[i];
			nc[h] = s->count[i];
		}
		free(s->slot);
		free(s->count);
		s->slot = ns;
		s->count = nc;
		s->cap = ncap;
	}
	uint32_t key = rgb + 1;
	size_t h = (key * 2654435761u) & (s->cap - 1);
	while (s->slot[h] && s->slot[h] != key)
		h = (h + 1) & (s->cap - 1);
	if (!s->slot[h]) {
		s->slot[h] = key;
		s->n++;
	}
	s->count[h]++;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: pngstat FILE.png\n");
		return 2;
	}
	const char *file = argv[1];
	size_t len;
	unsigned char *png = slurp(file, &len);
	if (!png)
		return die(file, "cannot read");
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	if (len < 8 || memcmp(png, sig, 8) != 0)
		return die(file, "not a PNG file");

	uint32_t w = 0, h = 0;
	int depth = 0, ctype = -1, interlace = 0;
	unsigned char pal[256][3];
	unsigned char palpha[256];
	memset(pal, 0, sizeof pal);
	memset(palpha, 255, sizeof palpha);
	unsigned char *idat = NULL;
	size_t idlen = 0;
	for (size_t p = 8; p + 12 <= len;) {
		uint32_t clen = be32(png + p);
		const unsigned char *type = png + p + 4, *data = png + p + 8;
		if (clen > len - p - 12)
			return die(file, "truncated chunk");
		if (!memcmp(type, "IHDR", 4) && clen >= 13) {
			w = be32(data);
			h = be32(data + 4);
			depth = data[8];
			ctype = data[9];
			interlace = data[12];
		} else if (!memcmp(type, "PLTE", 4)) {
			for (uint32_t i = 0; i < clen / 3 && i < 256; i++)
				memcpy(pal[i], data + 3 * i, 3);
		} else if (!memcmp(type, "tRNS", 4) && ctype == 3) {
			for (uint32_t i = 0; i < clen && i < 256; i++)
				palpha[i] = data[i];
		} else if (!memcmp(type, "IDAT", 4)) {
			unsigned char *n = realloc(idat, idlen + clen + 1);
			if (!n)
				return die(file, "out of memory");
			idat = n;
			memcpy(idat + idlen, data, clen);
			idlen += clen;
		} else if (!memcmp(type, "IEND", 4)) {
			break;
		}
		p += 12 + (size_t)clen;
	}
	if (!w || !h || w > 100000 || h > 100000)
		return die(file, "bad or missing IHDR");
	if (depth != 8)
		return die(file, "only bit depth 8 is supported");
	if (interlace)
		return die(file, "interlaced PNGs are not supported");
	int chans;
	switch (ctype) {
	case 0: chans = 1; break;
	case 2: chans = 3; break;
	case 3: chans = 1; break;
	case 4: chans = 2; break;
	case 6: chans = 4; break;
	default: return die(file, "unknown colour type");
	}
	if (!idat)
		return die(file, "no image data");
	size_t stride = (size_t)w * chans;
	uLongf rawlen = (uLongf)((stride + 1) * h);
	unsigned char *raw = malloc(rawlen);
	if (!raw)
		return die(file, "out of memory");
	uLongf got = rawlen;
	if (uncompress(raw, &got, idat, idlen) != Z_OK || got != rawlen)
		return die(file, "corrupt image data");
	free(idat);

	/* unfilter in place: row y starts at raw + y*(stride+1), filter byte first */
	for (uint32_t y = 0; y < h; y++) {
		unsigned char *row = raw + (size_t)y * (stride + 1) + 1;
		const unsigned char *up = y ? row - (stride + 1) : NULL;
		int ft = row[-1];
		for (size_t x = 0; x < stride; x++) {
			int a = x >= (size_t)chans ? row[x - chans] : 0;
			int b = up ? up[x] : 0;
			int c = (up && x >= (size_t)chans) ? up[x - chans] : 0;
			switch (ft) {
			case 0: break;
			case 1: row[x] = (unsigned char)(row[x] + a); break;
			case 2: row[x] = (unsigned char)(row[x] + b); break;
			case 3: row[x] = (unsigned char)(row[x] + ((a + b) >> 1)); break;
			case 4: row[x] = (unsigned char)(row[x] + paeth(a, b, c)); break;
			default: return die(file, "bad filter type");
			}
		}
	}

	cset cs = {0};
	size_t n = (size_t)w * h, nonwhite = 0, dark = 0;
	size_t red[2] = {0, 0}, green[2] = {0, 0}, blue = 0;
	uint32_t *rgbs = malloc(n * sizeof *rgbs);
	if (!rgbs)
		return die(file, "out of memory");
	for (uint32_t y = 0; y < h; y++) {
		const unsigned char *row = raw + (size_t)y * (stride + 1) + 1;
		for (uint32_t x = 0; x < w; x++) {
			const unsigned char *px = row + (size_t)x * chans;
			int r, g, b, al = 255;
			switch (ctype) {
			case 0: r = g = b = px[0]; break;
			case 4: r = g = b = px[0]; al = px[1]; break;
			case 3: r = pal[px[0]][0]; g = pal[px[0]][1]; b = pal[px[0]][2]; al = palpha[px[0]]; break;
			case 2: r = px[0]; g = px[1]; b = px[2]; break;
			default: r = px[0]; g = px[1]; b = px[2]; al = px[3]; break;
			}
			if (al != 255) { /* over white */
				r = (r * al + 255 * (255 - al)) / 255;
				g = (g * al + 255 * (255 - al)) / 255;
				b = (b * al + 255 * (255 - al)) / 255;
			}
			uint32_t rgb = (uint32_t)r << 16 | (uint32_t)g << 8 | (uint32_t)b;
			rgbs[(size_t)y * w + x] = rgb;
			if (cset_add(&cs, rgb) != 0)
				return die(file, "out of memory");
			if (r < 240 || g < 240 || b < 240)
				nonwhite++;
			if ((299 * r + 587 * g + 114 * b) / 1000 < 96)
				dark++;
			int right = x >= w / 2;
			if (r >= 120 && r - (g > b ? g : b) >= 70)
				red[right]++;
			else if (g >= 60 && g - (r > b ? r : b) >= 45)
				green[right]++;
			else if (b >= 120 && b - (r > g ? r : g) >= 70)
				blue++;
		}
	}
	uint32_t bg = 0, bgcount = 0;
	for (size_t i = 0; i < cs.cap; i++)
		if (cs.slot[i] && cs.count[i] > bgcount) {
			bgcount = cs.count[i];
			bg = cs.slot[i] - 1;
		}
	size_t nonbg = 0;
	for (size_t i = 0; i < n; i++)
		nonbg += rgbs[i] != bg;

	printf("width %u\nheight %u\n", (unsigned)w, (unsigned)h);
	printf("background #%06x\n", (unsigned)bg);
	printf("nonbg %.6f\nnonwhite %.6f\ndark %.6f\n", (double)nonbg / n, (double)nonwhite / n,
	       (double)dark / n);
	printf("colours %zu\n", cs.n);
	printf("red %zu\nred_left %zu\nred_right %zu\n", red[0] + red[1], red[0], red[1]);
	printf("green %zu\ngreen_left %zu\ngreen_right %zu\n", green[0] + green[1], green[0], green[1]);
	printf("blue %zu\n", blue);
	free(rgbs);
	free(raw);
	free(png);
	free(cs.slot);
	free(cs.count);
	return 0;
}
