/*
 * diff.c — aligning two versions of a regulation, the character diff, and the text / JSON /
 * drafted-decision renderings of the result. See diff.h for the pipeline and docs/DIFF.md for the
 * choice of algorithms.
 *
 * Article alignment is patience diff (Bram Cohen; as in git's xdiff xpatience.c) on hashes of the
 * articles' masked matching keys: articles whose key is unique on both sides are anchors, the
 * longest increasing subsequence of anchors fixes the order, and the gaps between anchors are
 * aligned recursively; a gap without unique anchors is aligned by similarity (Dice coefficient of
 * character bigrams, a monotone dynamic programme inside the gap, banded when the gap is large).
 * Unique anchors that fall outside the increasing subsequence are moves.
 *
 * The character diff is Myers' O(ND) algorithm in its linear-space form (E. Myers, "An O(ND)
 * Difference Algorithm and Its Variations", 1986; the divide-and-conquer "middle snake" as in GNU
 * diffseq.h), on folded code points so that «» and 《》, ASCII and full-width, and whitespace
 * compare equal. Changed runs are then slid (xdiff's xdl_change_compact idea) so that they end at
 * punctuation where the text allows, and short equalities between two edits are absorbed
 * (diff-match-patch's semantic cleanup), since CJK text has no word boundaries to diff on.
 */
#include "diff.h"

#include "amend.h"
#include "numeral.h"
#include "render.h"
#include "text.h"
#include "xref.h"

#include <limits.h>
#include <stdlib.h>

/* ============================================================================================
 * Keys
 * ========================================================================================== */

typedef struct {
	uint32_t *cp;
	size_t *src; /* src[len] = text length */
	size_t len;
} S_key;

static void S_key_free(S_key *k)
{
	free(k->cp);
	free(k->src);
	k->cp = NULL;
	k->src = NULL;
	k->len = 0;
}

/* Folded code points of s, whitespace dropped, '\n' kept as a line separator. */
static int S_key_build(S_key *k, const char *s, size_t len)
{
	k->len = 0;
	k->cp = malloc((len + 1) * sizeof *k->cp);
	k->src = malloc((len + 1) * sizeof *k->src);
	if (!k->cp || !k->src) {
		S_key_free(k);
		return TIAO_ENOMEM;
	}
	size_t i = 0;
	while (i < len) {
		size_t at = i;
		uint32_t cp = tiao_utf8_next(s, len, &i);
		if (cp == '\n') {
			k->cp[k->len] = '\n';
			k->src[k->len++] = at;
			continue;
		}
		uint32_t out[4];
		size_t n = tiao_cp_fold(cp, out);
		for (size_t j = 0; j < n; j++) {
			k->cp[k->len] = out[j];
			k->src[k->len++] = at;
		}
	}
	k->src[k->len] = len;
	return 0;
}

static uint64_t S_fnv(uint64_t h, uint32_t v)
{
	for (int i = 0; i < 4; i++) {
		h ^= (v >> (8 * i)) & 0xFF;
		h *= 0x100000001B3ull;
	}
	return h;
}

#define S_FNV0 0xCBF29CE484222325ull
#define S_MASK_CP 0xE000u /* placeholder of a masked reference numeral */

static bool S_is_punct(uint32_t cp)
{
	return tiao_cp_is_stop(cp) || tiao_cp_is_clause(cp) || cp == '\n' || cp == ')' ||
	       cp == 0xFF09 || cp == '"' || cp == 0x201D || cp == 0x300B;
}

/* ============================================================================================
 * Character diff: Myers, linear space
 * ========================================================================================== */

typedef struct {
	const uint32_t *a, *b;
	char *da, *db; /* changed flags */
	int *fd, *bd;  /* diagonal vectors, offset so index d in [dmin-1, dmax+1] is valid */
	long cost;     /* total work, to cut off pathological inputs */
} S_myers;

static void S_middle(S_myers *c, int xoff, int xlim, int yoff, int ylim, int *xmid, int *ymid)
{
	int *fd = c->fd, *bd = c->bd;
	const uint32_t *xv = c->a, *yv = c->b;
	int dmin = xoff - ylim, dmax = xlim - yoff;
	int fmid = xoff - yoff, bmid = xlim - ylim;
	int fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
	bool odd = ((fmid - bmid) & 1) != 0;
	fd[fmid] = xoff;
	bd[bmid] = xlim;
	for (int cnum = 1;; cnum++) {
		if (fmin > dmin)
			fd[--fmin - 1] = -1;
		else
			++fmin;
		if (fmax < dmax)
			fd[++fmax + 1] = -1;
		else
			--fmax;
		for (int d = fmax; d >= fmin; d -= 2) {
			int tlo = fd[d - 1], thi = fd[d + 1];
			int x0 = tlo >= thi ? tlo + 1 : thi;
			int x = x0, y = x0 - d;
			while (x < xlim && y < ylim && xv[x] == yv[y])
				x++, y++;
			fd[d] = x;
			if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
				*xmid = x;
				*ymid = y;
				return;
			}
		}
		if (bmin > dmin)
			bd[--bmin - 1] = INT_MAX;
		else
			++bmin;
		if (bmax < dmax)
			bd[++bmax + 1] = INT_MAX;
		else
			--bmax;
		for (int d = bmax; d >= bmin; d -= 2) {
			int tlo = bd[d - 1], thi = bd[d + 1];
			int x0 = tlo < thi ? tlo : thi - 1;
			int x = x0, y = x0 - d;
			while (x > xoff && y > yoff && xv[x - 1] == yv[y - 1])
				x--, y--;
			bd[d] = x;
			if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
				*xmid = x;
				*ymid = y;
				return;
			}
		}
		c->cost += fmax - fmin + bmax - bmin;
		if (c->cost > 50000000L) {
			/* Pathological: give up finding a minimal script; split in the middle. */
			*xmid = (xoff + xlim) / 2;
			*ymid = (yoff + ylim) / 2;
			return;
		}
	}
}

static void S_compare(S_myers *c, int xoff, int xlim, int yoff, int ylim)
{
	for (;;) {
		while (xoff < xlim && yoff < ylim && c->a[xoff] == c->b[yoff])
			xoff++, yoff++;
		while (xlim > xoff && ylim > yoff && c->a[xlim - 1] == c->b[ylim - 1])
			xlim--, ylim--;
		if (xoff == xlim) {
			for (int y = yoff; y < ylim; y++)
				c->db[y] = 1;
			return;
		}
		if (yoff == ylim) {
			for (int x = xoff; x < xlim; x++)
				c->da[x] = 1;
			return;
		}
		int xmid, ymid;
		S_middle(c, xoff, xlim, yoff, ylim, &xmid, &ymid);
		if ((xmid == xoff && ymid == yoff) || (xmid == xlim && ymid == ylim)) {
			/* cannot split further (only after the cost cut): mark everything */
			for (int x = xoff; x < xlim; x++)
				c->da[x] = 1;
			for (int y = yoff; y < ylim; y++)
				c->db[y] = 1;
			return;
		}
		/* recurse on the smaller half, loop on the larger */
		if ((xmid - xoff) + (ymid - yoff) < (xlim - xmid) + (ylim - ymid)) {
			S_compare(c, xoff, xmid, yoff, ymid);
			xoff = xmid;
			yoff = ymid;
		} else {
			S_compare(c, xmid, xlim, ymid, ylim);
			xlim = xmid;
			ylim = ymid;
		}
	}
}

/* Slide each changed run of one side to the most readable position (see the file comment). */
static void S_compact(const uint32_t *v, char *ch, int n)
{
	int i = 0;
	while (i < n) {
		if (!ch[i]) {
			i++;
			continue;
		}
		int s = i, e = i;
		while (e < n && ch[e])
			e++;
		/* slide up as far as possible without touching another run */
		while (s > 0 && !ch[s - 1] && (s < 2 || !ch[s - 2]) && v[s - 1] == v[e - 1] &&
		       v[s - 1] != '\n') {
			ch[--s] = 1;
			ch[--e] = 0;
		}
		/* now slide down, remembering the best position */
		int best = s, bestscore = -1;
		for (;;) {
			int score = 0;
			if (e == n || S_is_punct(v[e - 1]))
				score += 2;
			if (s == 0 || S_is_punct(v[s - 1]))
				score += 1;
			if (score >= bestscore) {
				bestscore = score;
				best = s;
			}
			if (e < n && !ch[e] && (e + 1 >= n || !ch[e + 1]) && v[s] == v[e] &&
			    v[e] != '\n') {
				ch[s++] = 0;
				ch[e++] = 1;
			} else
				break;
		}
		/* move back up to best */
		while (s > best) {
			ch[--s] = 1;
			ch[--e] = 0;
		}
		i = e;
	}
}

/* Diff two keys; hunks in key indices. */
typedef TIAO_VEC(tiao_dhunk) S_hunkvec;

typedef struct {
	size_t start, end;
} S_span;

static int S_diff_keys(S_hunkvec *hs, const S_key *ka, const S_key *kb)
{
	int n = (int)ka->len, m = (int)kb->len;
	int rc = 0;
	S_myers c = {0};
	c.a = ka->cp;
	c.b = kb->cp;
	c.da = calloc((size_t)n + 1, 1);
	c.db = calloc((size_t)m + 1, 1);
	int *vec = malloc(2 * ((size_t)n + (size_t)m + 3) * sizeof *vec);
	if (!c.da || !c.db || !vec) {
		rc = TIAO_ENOMEM;
		goto done;
	}
	c.fd = vec + m + 1;
	c.bd = vec + (n + m + 3) + m + 1;
	S_compare(&c, 0, n, 0, m);
	S_compact(ka->cp, c.da, n);
	S_compact(kb->cp, c.db, m);

	int i = 0, j = 0;
	while (i < n || j < m) {
		if ((i < n && c.da[i]) || (j < m && c.db[j])) {
			tiao_dhunk h = {(size_t)i, 0, (size_t)j, 0};
			bool more = true;
			while (more) {
				more = false;
				while (i < n && c.da[i])
					i++, more = true;
				while (j < m && c.db[j])
					j++, more = true;
			}
			h.a1 = (size_t)i;
			h.b1 = (size_t)j;
			if (TIAO_VEC_PUSH(hs, h) < 0) {
				rc = TIAO_ENOMEM;
				goto done;
			}
		} else {
			i++;
			j++;
		}
	}
	/* semantic cleanup: absorb a short equality between two edits into both */
	if (hs->len > 1) {
		size_t w = 0;
		for (size_t r = 1; r < hs->len; r++) {
			tiao_dhunk *p = &hs->items[w], *q = &hs->items[r];
			size_t eq = q->a0 - p->a1;
			size_t ps = p->a1 - p->a0 > p->b1 - p->b0 ? p->a1 - p->a0 : p->b1 - p->b0;
			size_t qs = q->a1 - q->a0 > q->b1 - q->b0 ? q->a1 - q->a0 : q->b1 - q->b0;
			bool nl = false;
			for (size_t x = p->a1; x < q->a0; x++)
				if (ka->cp[x] == '\n')
					nl = true;
			if (!nl && eq <= 2 && eq <= ps && eq <= qs) {
				p->a1 = q->a1;
				p->b1 = q->b1;
			} else
				hs->items[++w] = *q;
		}
		hs->len = w + 1;
	}
done:
	free(c.da);
	free(c.db);
	free(vec);
	return rc;
}

/* Merge hunk h + 1 into hunk h. */
static void S_hunk_merge(S_hunkvec *hs, size_t h)
{
	hs->items[h].a1 = hs->items[h + 1].a1;
	hs->items[h].b1 = hs->items[h + 1].b1;
	memmove(&hs->items[h + 1], &hs->items[h + 2], (hs->len - h - 2) * sizeof *hs->items);
	hs->len--;
}

/* Widen hunks (key indices) so that none covers part of an item label: lab[0] are the labels of
 * the old key, lab[1] of the new one (key indices). The text between two hunks is equal on both
 * sides, so moving both ends of a hunk by the same count into it keeps the hunk a valid edit;
 * a hunk that would reach its neighbour is merged with it. A hunk "touches" a label when it
 * overlaps it, or, for an empty side (a pure insertion or deletion), when it sits strictly inside
 * it. */
static void S_widen_labels(S_hunkvec *hs, const S_span *const lab[2], const size_t nlab[2])
{
	for (size_t h = 0; h < hs->len;) {
		bool again = false;
		for (int side = 0; side < 2 && !again; side++)
			for (size_t s = 0; s < nlab[side] && !again; s++) {
				tiao_dhunk *k = &hs->items[h];
				size_t x0 = side ? k->b0 : k->a0, x1 = side ? k->b1 : k->a1;
				size_t s0 = lab[side][s].start, s1 = lab[side][s].end;
				bool touch = x1 > x0 ? s0 < x1 && x0 < s1 : s0 < x0 && x0 < s1;
				if (!touch)
					continue;
				if (s0 < x0) {
					const tiao_dhunk *p = h ? &hs->items[h - 1] : NULL;
					if (p && s0 < (side ? p->b1 : p->a1)) {
						S_hunk_merge(hs, h - 1);
						h--;
					} else {
						k->a0 -= x0 - s0;
						k->b0 -= x0 - s0;
					}
					again = true;
				} else if (s1 > x1) {
					const tiao_dhunk *q = h + 1 < hs->len ? &hs->items[h + 1] : NULL;
					if (q && s1 > (side ? q->b0 : q->a0))
						S_hunk_merge(hs, h);
					else {
						k->a1 += s1 - x1;
						k->b1 += s1 - x1;
					}
					again = true;
				}
			}
		if (!again)
			h++;
	}
}

/* Label spans (byte offsets, sorted) as key indices of k. */
static int S_spans_to_key(S_span **out, const S_key *k, const S_span *sp, size_t n)
{
	*out = NULL;
	if (!n)
		return 0;
	*out = malloc(n * sizeof **out);
	if (!*out)
		return TIAO_ENOMEM;
	size_t i = 0;
	for (size_t s = 0; s < n; s++) {
		while (i < k->len && k->src[i] < sp[s].start)
			i++;
		size_t j = i;
		while (j < k->len && k->src[j] < sp[s].end)
			j++;
		(*out)[s].start = i;
		(*out)[s].end = j;
	}
	return 0;
}

/* Character diff of a and b (see tiao_chardiff); with vout, also the display hunks: widened so
 * that no hunk covers part of a label (la: byte spans of the labels of a, lb of b). */
static int S_chardiff_ex(tiao_dhunk **out, size_t *nout, tiao_dhunk **vout, size_t *nvout,
                         const char *a, size_t alen, const char *b, size_t blen, const S_span *la,
                         size_t nla, const S_span *lb, size_t nlb)
{
	*out = NULL;
	*nout = 0;
	if (vout) {
		*vout = NULL;
		*nvout = 0;
	}
	S_key ka = {0}, kb = {0};
	S_hunkvec hs = {0}, vs = {0};
	S_span *ka_lab = NULL, *kb_lab = NULL;
	int rc = S_key_build(&ka, a, alen);
	if (rc == 0)
		rc = S_key_build(&kb, b, blen);
	if (rc == 0)
		rc = S_diff_keys(&hs, &ka, &kb);
	if (rc == 0 && vout) {
		rc = S_spans_to_key(&ka_lab, &ka, la, nla);
		if (rc == 0)
			rc = S_spans_to_key(&kb_lab, &kb, lb, nlb);
		if (rc == 0 && hs.len) {
			vs.items = malloc(hs.len * sizeof *vs.items);
			if (!vs.items)
				rc = TIAO_ENOMEM;
			else {
				memcpy(vs.items, hs.items, hs.len * sizeof *vs.items);
				vs.len = vs.cap = hs.len;
				const S_span *const lab[2] = {ka_lab, kb_lab};
				const size_t nlab[2] = {nla, nlb};
				S_widen_labels(&vs, lab, nlab);
			}
		}
	}
	if (rc == 0) {
		S_hunkvec *v[2] = {&hs, &vs};
		for (int w = 0; w < 2; w++)
			for (size_t h = 0; h < v[w]->len; h++) {
				tiao_dhunk *x = &v[w]->items[h];
				x->a0 = ka.src[x->a0];
				x->a1 = ka.src[x->a1];
				x->b0 = kb.src[x->b0];
				x->b1 = kb.src[x->b1];
			}
		*out = hs.items;
		*nout = hs.len;
		hs.items = NULL;
		if (vout) {
			*vout = vs.items;
			*nvout = vs.len;
			vs.items = NULL;
		}
	}
	TIAO_VEC_FREE(&hs);
	TIAO_VEC_FREE(&vs);
	free(ka_lab);
	free(kb_lab);
	S_key_free(&ka);
	S_key_free(&kb);
	return rc;
}

int tiao_chardiff(tiao_dhunk **out, size_t *nout, const char *a, size_t alen, const char *b,
                  size_t blen)
{
	return S_chardiff_ex(out, nout, NULL, NULL, a, alen, b, blen, NULL, 0, NULL, 0);
}

/* ============================================================================================
 * Preparing articles
 * ========================================================================================== */

static int S_span_cmp(const void *x, const void *y)
{
	const S_span *a = x, *b = y;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* Spans of the numerals of internal, non-relative references in text (sorted). */
typedef TIAO_VEC(S_span) S_spanvec;

static int S_ref_spans(S_spanvec *out, const char *text, size_t len)
{
	tiao_xrefs x = {0};
	int rc = tiao_xref_scan(&x, text, len);
	if (rc) {
		tiao_xrefs_free(&x);
		return rc;
	}
	for (size_t i = 0; i < x.toks.len; i++) {
		const tiao_xtok *t = &x.toks.items[i];
		if (t->external || t->rel != TIAO_XREL_NONE)
			continue;
		S_span s = {t->start, t->end};
		if (t->sub_end > t->sub_start && t->sub_end > s.end)
			s.end = t->sub_end;
		if (TIAO_VEC_PUSH(out, s) < 0) {
			tiao_xrefs_free(&x);
			return TIAO_ENOMEM;
		}
	}
	tiao_xrefs_free(&x);
	if (out->len > 1)
		qsort(out->items, out->len, sizeof *out->items, S_span_cmp);
	return 0;
}

static void S_label(tiao_buf *b, int num, int sub)
{
	tiao_label_write(b, 0x6761 /* 条 */, num, sub);
}

/* Lines of an article in order: paragraphs (lead-in), items, sub-items. */
typedef TIAO_VEC(const tiao_node *) S_nodes;

static int S_lines(S_nodes *v, const tiao_node *art)
{
	for (const tiao_node *p = art->first; p; p = p->next) {
		if (TIAO_VEC_PUSH(v, p) < 0)
			return TIAO_ENOMEM;
		for (const tiao_node *it = p->first; it; it = it->next) {
			if (TIAO_VEC_PUSH(v, it) < 0)
				return TIAO_ENOMEM;
			for (const tiao_node *si = it->first; si; si = si->next)
				if (TIAO_VEC_PUSH(v, si) < 0)
					return TIAO_ENOMEM;
		}
	}
	return 0;
}

static int S_prepare(tiao_diff *d, tiao_dart *ar, const tiao_node *art)
{
	memset(ar, 0, sizeof *ar);
	ar->node = art;
	ar->num = art->num;
	ar->sub = art->sub;
	ar->partner = -1;
	for (const tiao_node *p = art->parent; p; p = p->parent)
		if (p->kind >= TIAO_NODE_FIRST_DIVISION && p->kind <= TIAO_NODE_LAST_DIVISION) {
			ar->division = p;
			break;
		}
	tiao_buf b = TIAO_BUF_INIT;
	if (art->label)
		ar->label = art->label;
	else {
		S_label(&b, art->num, art->sub);
		ar->label = tiao_arena_strndup(&d->arena, b.data ? b.data : "", b.len);
		tiao_buf_clear(&b);
	}
	S_nodes lines = {0};
	int rc = S_lines(&lines, art);
	for (size_t i = 0; i < lines.len && rc == 0; i++) {
		const tiao_node *n = lines.items[i];
		if (i)
			tiao_buf_putc(&b, '\n');
		if (n->kind != TIAO_NODE_PARAGRAPH && n->label)
			tiao_buf_puts(&b, n->label);
		if (n->text)
			tiao_buf_puts(&b, n->text);
	}
	ar->nlines = lines.len ? lines.len : 1;
	TIAO_VEC_FREE(&lines);
	if (rc || b.failed) {
		tiao_buf_free(&b);
		return TIAO_ENOMEM;
	}
	ar->flat = tiao_arena_strndup(&d->arena, b.data ? b.data : "", b.len);
	ar->flen = b.len;
	tiao_buf_free(&b);
	if (!ar->flat || !ar->label)
		return TIAO_ENOMEM;

	S_key k = {0};
	S_spanvec spans = {0};
	rc = S_key_build(&k, ar->flat, ar->flen);
	if (rc == 0)
		rc = S_ref_spans(&spans, ar->flat, ar->flen);
	if (rc == 0) {
		uint64_t he = S_fnv(S_FNV0, 0x2F), hm = S_fnv(S_FNV0, 0x2F), hf = S_fnv(S_FNV0, 0x2F);
		size_t si = 0;
		size_t lastmask = SIZE_MAX;
		for (size_t i = 0; i < k.len; i++) {
			he = S_fnv(he, k.cp[i]);
			if (k.cp[i] == '\n')
				continue;
			hf = S_fnv(hf, k.cp[i]);
			size_t off = k.src[i];
			while (si < spans.len && spans.items[si].end <= off)
				si++;
			if (si < spans.len && spans.items[si].start <= off) {
				if (lastmask != si)
					hm = S_fnv(hm, S_MASK_CP);
				lastmask = si;
			} else
				hm = S_fnv(hm, k.cp[i]);
		}
		ar->hexact = he;
		ar->hmask = hm;
		ar->hflat = hf;
		ar->klen = (uint32_t)k.len;
	}
	S_key_free(&k);
	TIAO_VEC_FREE(&spans);
	return rc;
}

/* ============================================================================================
 * Alignment
 * ========================================================================================== */

typedef struct {
	tiao_diff *d;
	uint32_t **sig; /* bigram signatures, lazily built: sig[i] for A (i < n) and B (n + j) */
	size_t *siglen;
	char *reserved; /* A (i) and B (n + j) articles set aside as move candidates */
	int rc;
} S_align_ctx;

static void S_pair(tiao_diff *d, int i, int j)
{
	d->A[i].partner = j;
	d->B[j].partner = i;
}

static int S_u32cmp(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

static const uint32_t *S_sig(S_align_ctx *c, size_t idx, size_t *len)
{
	if (!c->sig[idx]) {
		const tiao_dart *ar = idx < c->d->n ? &c->d->A[idx] : &c->d->B[idx - c->d->n];
		S_key k = {0};
		if (S_key_build(&k, ar->flat, ar->flen)) {
			c->rc = TIAO_ENOMEM;
			*len = 0;
			return NULL;
		}
		size_t nb = k.len > 1 ? k.len - 1 : 0;
		uint32_t *s = malloc((nb + 1) * sizeof *s);
		if (!s) {
			S_key_free(&k);
			c->rc = TIAO_ENOMEM;
			*len = 0;
			return NULL;
		}
		for (size_t i = 0; i < nb; i++)
			s[i] = (uint32_t)(S_fnv(S_fnv(S_FNV0, k.cp[i]), k.cp[i + 1]) >> 16);
		qsort(s, nb, sizeof *s, S_u32cmp);
		c->sig[idx] = s;
		c->siglen[idx] = nb;
		S_key_free(&k);
	}
	*len = c->siglen[idx];
	return c->sig[idx];
}

/* Dice coefficient of bigram multisets, in [0, 1]. */
static double S_sim(S_align_ctx *c, int i, int j)
{
	const tiao_dart *a = &c->d->A[i], *b = &c->d->B[j];
	if (a->hmask == b->hmask)
		return 1.0;
	size_t la, lb;
	const uint32_t *sa = S_sig(c, (size_t)i, &la);
	const uint32_t *sb = S_sig(c, c->d->n + (size_t)j, &lb);
	if (!sa || !sb || la + lb == 0)
		return 0.0;
	size_t x = 0, y = 0, common = 0;
	while (x < la && y < lb) {
		if (sa[x] == sb[y])
			common++, x++, y++;
		else if (sa[x] < sb[y])
			x++;
		else
			y++;
	}
	return 2.0 * (double)common / (double)(la + lb);
}

#define S_SIM_MIN 0.5

static void S_gap_pairs(S_align_ctx *c, const int *ia, int na, const int *ib, int nb);

/* A gap without unique anchors: monotone alignment maximising total similarity. */
static void S_gap(S_align_ctx *c, int a0, int a1, int b0, int b1)
{
	tiao_diff *d = c->d;
	/* skip reserved (move candidates) */
	int *ia = malloc(((size_t)(a1 - a0) + (size_t)(b1 - b0) + 2) * sizeof *ia);
	if (!ia) {
		c->rc = TIAO_ENOMEM;
		return;
	}
	int *ib = ia + (a1 - a0) + 1;
	int na = 0, nb = 0;
	for (int i = a0; i < a1; i++)
		if (!c->reserved[i])
			ia[na++] = i;
	for (int j = b0; j < b1; j++)
		if (!c->reserved[d->n + (size_t)j])
			ib[nb++] = j;
	if (na > 0 && nb > 0)
		S_gap_pairs(c, ia, na, ib, nb);
	free(ia);
}

static void S_gap_pairs(S_align_ctx *c, const int *ia, int na, const int *ib, int nb)
{
	tiao_diff *d = c->d;
	if ((size_t)na * (size_t)nb <= 40000) {
		size_t w = (size_t)nb + 1;
		float *sc = malloc(((size_t)na + 1) * w * sizeof *sc);
		float *sm = malloc(((size_t)na + 1) * w * sizeof *sm);
		if (!sc || !sm) {
			free(sc);
			free(sm);
			c->rc = TIAO_ENOMEM;
			return;
		}
		for (int x = 0; x <= na; x++)
			for (int y = 0; y <= nb; y++) {
				size_t at = (size_t)x * w + (size_t)y;
				if (x == 0 || y == 0) {
					sc[at] = 0;
					sm[at] = 0;
					continue;
				}
				float s = (float)S_sim(c, ia[x - 1], ib[y - 1]);
				sm[at] = s;
				float best = sc[at - w] > sc[at - 1] ? sc[at - w] : sc[at - 1];
				if (s >= S_SIM_MIN && sc[at - w - 1] + s > best)
					best = sc[at - w - 1] + s;
				sc[at] = best;
			}
		int x = na, y = nb;
		while (x > 0 && y > 0) {
			size_t at = (size_t)x * w + (size_t)y;
			if (sm[at] >= S_SIM_MIN && sc[at] == sc[at - w - 1] + sm[at]) {
				S_pair(d, ia[x - 1], ib[y - 1]);
				x--, y--;
			} else if (sc[at] == sc[at - w])
				x--;
			else
				y--;
		}
		free(sc);
		free(sm);
		return;
	}
	/* large gap: greedy walk with a bounded look-ahead */
	int x = 0, y = 0;
	while (x < na && y < nb) {
		if (S_sim(c, ia[x], ib[y]) >= S_SIM_MIN) {
			S_pair(d, ia[x], ib[y]);
			x++, y++;
			continue;
		}
		int found = 0;
		for (int k = 1; k <= 16 && !found; k++) {
			if (y + k < nb && S_sim(c, ia[x], ib[y + k]) >= S_SIM_MIN) {
				y += k;
				found = 1;
			} else if (x + k < na && S_sim(c, ia[x + k], ib[y]) >= S_SIM_MIN) {
				x += k;
				found = 1;
			}
		}
		if (!found)
			x++, y++;
	}
}

typedef struct {
	uint64_t h;
	int ca, cb, ia, ib;
} S_slot;

/* Patience diff over [a0,a1) × [b0,b1); top marks the outermost call (moves are found there). */
static void S_align(S_align_ctx *c, int a0, int a1, int b0, int b1, bool top)
{
	tiao_diff *d = c->d;
	if (c->rc)
		return;
	while (a0 < a1 && b0 < b1 && d->A[a0].hmask == d->B[b0].hmask) {
		S_pair(d, a0, b0);
		a0++, b0++;
	}
	while (a1 > a0 && b1 > b0 && d->A[a1 - 1].hmask == d->B[b1 - 1].hmask) {
		S_pair(d, a1 - 1, b1 - 1);
		a1--, b1--;
	}
	if (a0 == a1 || b0 == b1)
		return;
	size_t tot = (size_t)(a1 - a0) + (size_t)(b1 - b0);
	size_t cap = 16;
	while (cap < 2 * tot)
		cap <<= 1;
	S_slot *tab = calloc(cap, sizeof *tab);
	int *pa = malloc((size_t)(a1 - a0) * sizeof *pa), *pb = malloc((size_t)(a1 - a0) * sizeof *pb);
	int *tails = malloc((size_t)(a1 - a0) * sizeof *tails);
	int *prev = malloc((size_t)(a1 - a0) * sizeof *prev);
	if (!tab || !pa || !pb || !tails || !prev) {
		c->rc = TIAO_ENOMEM;
		goto out;
	}
	for (int side = 0; side < 2; side++) {
		int lo = side ? b0 : a0, hi = side ? b1 : a1;
		for (int i = lo; i < hi; i++) {
			uint64_t h = side ? d->B[i].hmask : d->A[i].hmask;
			size_t at = (size_t)(h ^ (h >> 29)) & (cap - 1);
			while (tab[at].ca + tab[at].cb && tab[at].h != h)
				at = (at + 1) & (cap - 1);
			tab[at].h = h;
			if (side) {
				tab[at].cb++;
				tab[at].ib = i;
			} else {
				tab[at].ca++;
				tab[at].ia = i;
			}
		}
	}
	/* unique pairs in A order */
	int k = 0;
	for (int i = a0; i < a1; i++) {
		uint64_t h = d->A[i].hmask;
		size_t at = (size_t)(h ^ (h >> 29)) & (cap - 1);
		while (tab[at].h != h)
			at = (at + 1) & (cap - 1);
		if (tab[at].ca == 1 && tab[at].cb == 1) {
			pa[k] = i;
			pb[k] = tab[at].ib;
			k++;
		}
	}
	/* longest increasing subsequence of pb (patience sorting) */
	int ntails = 0;
	for (int x = 0; x < k; x++) {
		int lo = 0, hi = ntails;
		while (lo < hi) {
			int mid = (lo + hi) / 2;
			if (pb[tails[mid]] < pb[x])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[x] = lo > 0 ? tails[lo - 1] : -1;
		tails[lo] = x;
		if (lo == ntails)
			ntails++;
	}
	if (ntails == 0) {
		S_gap(c, a0, a1, b0, b1);
		goto out;
	}
	/* the chain, in order */
	int *chain = malloc((size_t)ntails * sizeof *chain);
	if (!chain) {
		c->rc = TIAO_ENOMEM;
		goto out;
	}
	for (int x = tails[ntails - 1], p = ntails - 1; x >= 0; x = prev[x])
		chain[p--] = x;
	if (top) {
		/* unique pairs off the chain are move candidates */
		char *inchain = calloc((size_t)k + 1, 1);
		if (!inchain) {
			free(chain);
			c->rc = TIAO_ENOMEM;
			goto out;
		}
		for (int p = 0; p < ntails; p++)
			inchain[chain[p]] = 1;
		for (int x = 0; x < k; x++)
			if (!inchain[x]) {
				c->reserved[pa[x]] = 1;
				c->reserved[d->n + (size_t)pb[x]] = 1;
			}
		free(inchain);
	}
	int ca = a0, cb = b0;
	for (int p = 0; p < ntails; p++) {
		int x = chain[p];
		S_align(c, ca, pa[x], cb, pb[x], false);
		S_pair(d, pa[x], pb[x]);
		ca = pa[x] + 1;
		cb = pb[x] + 1;
	}
	S_align(c, ca, a1, cb, b1, false);
	free(chain);
out:
	free(tab);
	free(pa);
	free(pb);
	free(tails);
	free(prev);
}

/* Moves: reserved or left-over articles with equal masked keys, paired uniquely. */
static void S_moves(S_align_ctx *c)
{
	tiao_diff *d = c->d;
	size_t cap = 16;
	while (cap < 2 * (d->m + 1))
		cap <<= 1;
	S_slot *tab = calloc(cap, sizeof *tab);
	if (!tab) {
		c->rc = TIAO_ENOMEM;
		return;
	}
	for (size_t j = 0; j < d->m; j++) {
		if (d->B[j].partner >= 0)
			continue;
		uint64_t h = d->B[j].hmask;
		size_t at = (size_t)(h ^ (h >> 29)) & (cap - 1);
		while (tab[at].cb && tab[at].h != h)
			at = (at + 1) & (cap - 1);
		tab[at].h = h;
		tab[at].cb++;
		tab[at].ib = (int)j;
	}
	for (size_t i = 0; i < d->n; i++) {
		if (d->A[i].partner >= 0)
			continue;
		uint64_t h = d->A[i].hmask;
		size_t at = (size_t)(h ^ (h >> 29)) & (cap - 1);
		while (tab[at].cb && tab[at].h != h)
			at = (at + 1) & (cap - 1);
		if (tab[at].cb == 1 && tab[at].h == h && d->B[tab[at].ib].partner < 0) {
			S_pair(d, (int)i, tab[at].ib);
			d->A[i].moved = d->B[tab[at].ib].moved = true;
		}
	}
	free(tab);
}

/* Between two consecutive pairs, k unmatched old and k unmatched new articles (k <= 3) are
 * rewritten in place (将第X条修改为 with little text in common): pair them in order. */
static void S_pair_leftovers(S_align_ctx *c)
{
	tiao_diff *d = c->d;
	size_t i = 0, j = 0;
	while (i <= d->n && j <= d->m) {
		size_t i0 = i, j0 = j;
		while (i < d->n && (d->A[i].partner < 0 || d->A[i].moved))
			i++;
		while (j < d->m && (d->B[j].partner < 0 || d->B[j].moved))
			j++;
		size_t ua = 0, ub = 0;
		for (size_t x = i0; x < i; x++)
			ua += d->A[x].partner < 0;
		for (size_t y = j0; y < j; y++)
			ub += d->B[y].partner < 0;
		if (ua == ub && ua > 0 && ua <= 3) {
			size_t y = j0;
			for (size_t x = i0; x < i; x++) {
				if (d->A[x].partner >= 0)
					continue;
				while (d->B[y].partner >= 0)
					y++;
				S_pair(d, (int)x, (int)y);
			}
		}
		if (i == d->n || j == d->m)
			break;
		/* A[i] and B[j] are now a monotone pair */
		i++;
		j++;
	}
}

/* Articles moved and changed: left-over old and new articles that are similar (bigram Dice >=
 * 0.5, or one contains most of the other, as when paragraphs are deleted), best pairs first. */
typedef struct {
	float score;
	int i, j;
} S_cand;

static int S_cand_cmp(const void *x, const void *y)
{
	const S_cand *a = x, *b = y;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->i != b->i ? a->i - b->i : a->j - b->j;
}

static void S_moves_similar(S_align_ctx *c)
{
	tiao_diff *d = c->d;
	size_t ua = 0, ub = 0;
	for (size_t i = 0; i < d->n; i++)
		ua += d->A[i].partner < 0;
	for (size_t j = 0; j < d->m; j++)
		ub += d->B[j].partner < 0;
	if (ua == 0 || ub == 0 || ua * ub > 250000)
		return;
	TIAO_VEC(S_cand) cs = {0};
	for (size_t i = 0; i < d->n; i++) {
		if (d->A[i].partner >= 0)
			continue;
		for (size_t j = 0; j < d->m; j++) {
			if (d->B[j].partner >= 0)
				continue;
			size_t la, lb;
			const uint32_t *sa = S_sig(c, i, &la), *sb = S_sig(c, d->n + j, &lb);
			if (!sa || !sb || la == 0 || lb == 0)
				continue;
			size_t x = 0, y = 0, common = 0;
			while (x < la && y < lb) {
				if (sa[x] == sb[y])
					common++, x++, y++;
				else if (sa[x] < sb[y])
					x++;
				else
					y++;
			}
			double dice = 2.0 * (double)common / (double)(la + lb);
			size_t mn = la < lb ? la : lb, mx = la < lb ? lb : la;
			double cont = (double)common / (double)mn;
			if (dice >= S_SIM_MIN || (cont >= 0.8 && mn * 4 >= mx && mn >= 8)) {
				S_cand k = {(float)(dice > cont * 0.9 ? dice : cont * 0.9), (int)i, (int)j};
				if (TIAO_VEC_PUSH(&cs, k) < 0) {
					c->rc = TIAO_ENOMEM;
					TIAO_VEC_FREE(&cs);
					return;
				}
			}
		}
	}
	if (cs.len > 1)
		qsort(cs.items, cs.len, sizeof *cs.items, S_cand_cmp);
	for (size_t k = 0; k < cs.len; k++) {
		S_cand *x = &cs.items[k];
		if (d->A[x->i].partner >= 0 || d->B[x->j].partner >= 0)
			continue;
		S_pair(d, x->i, x->j);
		d->A[x->i].moved = d->B[x->j].moved = true;
	}
	TIAO_VEC_FREE(&cs);
}

/* ============================================================================================
 * Article number map and reference consistency
 * ========================================================================================== */

typedef struct {
	long key;
	int idx;
} S_nument;

static int S_nument_cmp(const void *x, const void *y)
{
	const S_nument *a = x, *b = y;
	return a->key < b->key ? -1 : a->key > b->key;
}

static long S_numkey(int num, int sub) { return (long)num * 128 + sub; }

typedef struct {
	S_nument *e;
	size_t n;
} S_nummap;

static int S_nummap_build(S_nummap *mp, const tiao_dart *arts, size_t n)
{
	mp->e = malloc((n + 1) * sizeof *mp->e);
	if (!mp->e)
		return TIAO_ENOMEM;
	mp->n = n;
	for (size_t i = 0; i < n; i++) {
		mp->e[i].key = S_numkey(arts[i].num, arts[i].sub);
		mp->e[i].idx = (int)i;
	}
	qsort(mp->e, n, sizeof *mp->e, S_nument_cmp);
	return 0;
}

static int S_nummap_find(const S_nummap *mp, int num, int sub)
{
	S_nument k = {S_numkey(num, sub), 0};
	S_nument *f = bsearch(&k, mp->e, mp->n, sizeof *mp->e, S_nument_cmp);
	return f ? f->idx : -1;
}

/* New number of old article (num, sub) through the alignment; 0 if deleted or unknown. */
static bool S_map_article(const tiao_diff *d, const S_nummap *mp, int num, int sub, int *nnum,
                          int *nsub)
{
	int i = S_nummap_find(mp, num, sub);
	if (i < 0 || d->A[i].partner < 0)
		return false;
	*nnum = d->B[d->A[i].partner].num;
	*nsub = d->B[d->A[i].partner].sub;
	return true;
}

static int S_internal_toks(tiao_xrefs *x, const char *s, size_t len)
{
	int rc = tiao_xref_scan(x, s, len);
	if (rc)
		return rc;
	size_t w = 0;
	for (size_t i = 0; i < x->toks.len; i++) {
		tiao_xtok t = x->toks.items[i];
		if (!t.external && t.rel == TIAO_XREL_NONE)
			x->toks.items[w++] = t;
	}
	x->toks.len = w;
	return 0;
}

/* Whether the references of a (old) and b (new) differ only as the article map says. */
static bool S_refs_consistent(const tiao_diff *d, const S_nummap *mp, const tiao_dart *a,
                              const tiao_dart *b)
{
	tiao_xrefs xa = {0}, xb = {0};
	bool ok = S_internal_toks(&xa, a->flat, a->flen) == 0 &&
	          S_internal_toks(&xb, b->flat, b->flen) == 0 && xa.toks.len == xb.toks.len;
	for (size_t i = 0; ok && i < xa.toks.len; i++) {
		const tiao_xtok *ta = &xa.toks.items[i], *tb = &xb.toks.items[i];
		if (ta->level != tb->level) {
			ok = false;
			break;
		}
		if (ta->art == 0 && tb->art == 0)
			continue;
		int nn, ns;
		if (!S_map_article(d, mp, ta->art, ta->art_sub, &nn, &ns) || nn != tb->art ||
		    ns != tb->art_sub)
			ok = false;
	}
	tiao_xrefs_free(&xa);
	tiao_xrefs_free(&xb);
	return ok;
}

/* Old text with its internal article references renumbered through the map (what a
 * consolidation does to carried-over text). Appends to out. */
static int S_rewrite_refs(tiao_buf *out, const tiao_diff *d, const S_nummap *mp, const char *s,
                          size_t len)
{
	tiao_xrefs x = {0};
	int rc = S_internal_toks(&x, s, len);
	if (rc) {
		tiao_xrefs_free(&x);
		return rc;
	}
	size_t pos = 0;
	for (size_t i = 0; i < x.toks.len; i++) {
		const tiao_xtok *t = &x.toks.items[i];
		if (t->level != TIAO_XLVL_ARTICLE || t->start < pos)
			continue;
		int nn, ns;
		if (!S_map_article(d, mp, t->art, t->art_sub, &nn, &ns) || ns != t->art_sub)
			continue;
		if (nn == t->art)
			continue;
		tiao_buf_put(out, s + pos, t->start - pos);
		tiao_num_write(out, nn);
		pos = t->end;
	}
	tiao_buf_put(out, s + pos, len - pos);
	tiao_xrefs_free(&x);
	return out->failed ? TIAO_ENOMEM : 0;
}

/* ============================================================================================
 * Divisions
 * ========================================================================================== */

typedef TIAO_VEC(const tiao_node *) S_divs;

static int S_collect_divs(S_divs *v, const tiao_node *n)
{
	for (const tiao_node *c = n->first; c; c = c->next)
		if (c->kind >= TIAO_NODE_FIRST_DIVISION && c->kind <= TIAO_NODE_LAST_DIVISION) {
			if (TIAO_VEC_PUSH(v, c) < 0 || S_collect_divs(v, c))
				return TIAO_ENOMEM;
		}
	return 0;
}

static bool S_str_equiv(const char *a, const char *b)
{
	if (!a)
		a = "";
	if (!b)
		b = "";
	return tiao_text_equiv(a, strlen(a), b, strlen(b));
}

static bool S_div_equal(const tiao_node *a, const tiao_node *b)
{
	return a->kind == b->kind && S_str_equiv(a->heading, b->heading);
}

/* LCS of the two division lists on (kind, heading); unmatched runs inside a gap are paired in
 * order when kinds agree (heading changed), else reported as added / deleted. d->heads gets the
 * changes, d->divs the whole alignment (the matched pairs too, for the HTML divider rows). */
static int S_diff_divs(tiao_diff *d)
{
	S_divs va = {0}, vb = {0};
	int rc = S_collect_divs(&va, d->old_doc->root);
	if (rc == 0)
		rc = S_collect_divs(&vb, d->new_doc->root);
	size_t n = va.len, m = vb.len;
	unsigned short *L = NULL;
	TIAO_VEC(tiao_dhead) out = {0}, all = {0};
	if (rc)
		goto done;
	if (n * m > 4000000) {
		/* absurd: compare positionally */
		for (size_t i = 0; i < n || i < m; i++) {
			const tiao_node *a = i < n ? va.items[i] : NULL, *b = i < m ? vb.items[i] : NULL;
			tiao_dhead h = {a, b};
			if (TIAO_VEC_PUSH(&all, h) < 0)
				rc = TIAO_ENOMEM;
			if (a && b && S_div_equal(a, b))
				continue;
			if (TIAO_VEC_PUSH(&out, h) < 0)
				rc = TIAO_ENOMEM;
		}
		goto done;
	}
	L = calloc((n + 1) * (m + 1), sizeof *L);
	if (!L) {
		rc = TIAO_ENOMEM;
		goto done;
	}
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;) {
			size_t at = i * (m + 1) + j;
			if (S_div_equal(va.items[i], vb.items[j]))
				L[at] = (unsigned short)(L[at + m + 2] + 1);
			else
				L[at] = L[at + 1] > L[at + m + 1] ? L[at + 1] : L[at + m + 1];
		}
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && S_div_equal(va.items[i], vb.items[j])) {
			tiao_dhead h = {va.items[i], vb.items[j]};
			if (TIAO_VEC_PUSH(&all, h) < 0) {
				rc = TIAO_ENOMEM;
				goto done;
			}
			i++, j++;
			continue;
		}
		/* collect the gap */
		size_t gi = i, gj = j;
		while (i < n || j < m) {
			if (i < n && j < m && S_div_equal(va.items[i], vb.items[j]) &&
			    L[i * (m + 1) + j] == L[(i + 1) * (m + 1) + j + 1] + 1)
				break;
			if (j >= m || (i < n && L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1]))
				i++;
			else
				j++;
		}
		size_t x = gi, y = gj;
		while (x < i || y < j) {
			const tiao_node *a = x < i ? va.items[x] : NULL;
			const tiao_node *b = y < j ? vb.items[y] : NULL;
			if (a && b && a->kind != b->kind) {
				if (a->kind < b->kind)
					b = NULL;
				else
					a = NULL;
			}
			tiao_dhead h = {a, b};
			if (TIAO_VEC_PUSH(&out, h) < 0 || TIAO_VEC_PUSH(&all, h) < 0) {
				rc = TIAO_ENOMEM;
				goto done;
			}
			if (a)
				x++;
			if (b)
				y++;
		}
	}
done:
	free(L);
	TIAO_VEC_FREE(&va);
	TIAO_VEC_FREE(&vb);
	if (rc == 0 && out.len) {
		d->heads = tiao_arena_alloc(&d->arena, out.len * sizeof *d->heads);
		if (!d->heads)
			rc = TIAO_ENOMEM;
		else {
			memcpy(d->heads, out.items, out.len * sizeof *d->heads);
			d->nheads = out.len;
		}
	}
	if (rc == 0 && all.len) {
		d->divs = tiao_arena_alloc(&d->arena, all.len * sizeof *d->divs);
		if (!d->divs)
			rc = TIAO_ENOMEM;
		else {
			memcpy(d->divs, all.items, all.len * sizeof *d->divs);
			d->ndivs = all.len;
		}
	}
	TIAO_VEC_FREE(&out);
	TIAO_VEC_FREE(&all);
	return rc;
}

/* ============================================================================================
 * Building the diff
 * ========================================================================================== */

const char *tiao_diff_op_name(tiao_diff_op op)
{
	switch (op) {
	case TIAO_DIFF_SAME: return "same";
	case TIAO_DIFF_ADDED: return "added";
	case TIAO_DIFF_DELETED: return "deleted";
	case TIAO_DIFF_MODIFIED: return "modified";
	case TIAO_DIFF_MOVED: return "moved";
	case TIAO_DIFF_RENUMBERED: return "renumbered";
	}
	return "?";
}

static int S_side(tiao_diff *d, const tiao_doc *doc, tiao_dart **out, size_t *nout)
{
	size_t n = 0;
	for (const tiao_node *a = tiao_doc_first_article(doc); a; a = tiao_article_next(a))
		n++;
	*out = tiao_arena_alloc(&d->arena, (n + 1) * sizeof **out);
	if (!*out)
		return TIAO_ENOMEM;
	*nout = n;
	size_t i = 0;
	for (const tiao_node *a = tiao_doc_first_article(doc); a; a = tiao_article_next(a)) {
		int rc = S_prepare(d, &(*out)[i++], a);
		if (rc)
			return rc;
	}
	return 0;
}

static int S_label_spans(S_spanvec *v, const tiao_node *art, const char *s, size_t len);

/* Copy n hunks into the arena. */
static tiao_dhunk *S_hunks_keep(tiao_diff *d, const tiao_dhunk *h, size_t n)
{
	tiao_dhunk *k = tiao_arena_alloc(&d->arena, n * sizeof *h);
	if (k)
		memcpy(k, h, n * sizeof *h);
	return k;
}

static int S_hunks(tiao_diff *d, tiao_dentry *e)
{
	const tiao_dart *a = &d->A[e->a], *b = &d->B[e->b];
	tiao_dhunk *h = NULL, *vh = NULL;
	size_t nh = 0, nvh = 0;
	S_spanvec la = {0}, lb = {0};
	int rc = S_label_spans(&la, a->node, a->flat, a->flen);
	if (rc == 0)
		rc = S_label_spans(&lb, b->node, b->flat, b->flen);
	if (rc == 0)
		rc = S_chardiff_ex(&h, &nh, &vh, &nvh, a->flat, a->flen, b->flat, b->flen, la.items,
		                   la.len, lb.items, lb.len);
	if (rc == 0 && nh) {
		e->hunks = S_hunks_keep(d, h, nh);
		e->nhunks = nh;
		e->vhunks = S_hunks_keep(d, vh, nvh);
		e->nvhunks = nvh;
		if (!e->hunks || !e->vhunks)
			rc = TIAO_ENOMEM;
	}
	free(h);
	free(vh);
	TIAO_VEC_FREE(&la);
	TIAO_VEC_FREE(&lb);
	return rc;
}

int tiao_diff_new(tiao_diff **out, const tiao_doc *old_doc, const tiao_doc *new_doc,
                  tiao_error *err)
{
	*out = NULL;
	if (!old_doc || !new_doc)
		return tiao_error_set(err, TIAO_EINVALID, NULL, 0, 0, "diff needs two documents");
	tiao_diff *d = calloc(1, sizeof *d);
	if (!d)
		return tiao_error_set(err, TIAO_ENOMEM, NULL, 0, 0, "out of memory");
	d->old_doc = old_doc;
	d->new_doc = new_doc;
	S_align_ctx c = {0};
	S_nummap mp = {0};
	TIAO_VEC(tiao_dentry) ents = {0};
	int rc = S_side(d, old_doc, &d->A, &d->n);
	if (rc == 0)
		rc = S_side(d, new_doc, &d->B, &d->m);
	if (rc)
		goto fail;

	c.d = d;
	c.sig = calloc(d->n + d->m + 1, sizeof *c.sig);
	c.siglen = calloc(d->n + d->m + 1, sizeof *c.siglen);
	c.reserved = calloc(d->n + d->m + 1, 1);
	if (!c.sig || !c.siglen || !c.reserved) {
		rc = TIAO_ENOMEM;
		goto fail;
	}
	S_align(&c, 0, (int)d->n, 0, (int)d->m, true);
	if (c.rc == 0)
		S_moves(&c);
	if (c.rc == 0)
		S_pair_leftovers(&c);
	if (c.rc == 0)
		S_moves_similar(&c);
	if ((rc = c.rc))
		goto fail;
	if ((rc = S_nummap_build(&mp, d->A, d->n)))
		goto fail;

	/* classify pairs */
	for (size_t i = 0; i < d->n; i++) {
		tiao_dart *a = &d->A[i];
		if (a->partner < 0) {
			a->op = TIAO_DIFF_DELETED;
			continue;
		}
		tiao_dart *b = &d->B[a->partner];
		bool same_num = a->num == b->num && a->sub == b->sub;
		int unchanged = a->moved ? TIAO_DIFF_MOVED : same_num ? TIAO_DIFF_SAME : TIAO_DIFF_RENUMBERED;
		if (a->hexact == b->hexact)
			a->op = unchanged;
		else if (a->hflat == b->hflat) {
			a->op = unchanged;
			a->layout = true;
		} else if (a->hmask == b->hmask && S_refs_consistent(d, &mp, a, b)) {
			a->op = a->moved ? TIAO_DIFF_MOVED : TIAO_DIFF_RENUMBERED;
			a->refs_only = true;
		} else
			a->op = TIAO_DIFF_MODIFIED;
		b->op = a->op;
		b->layout = a->layout;
		b->refs_only = a->refs_only;
	}
	for (size_t j = 0; j < d->m; j++)
		if (d->B[j].partner < 0)
			d->B[j].op = TIAO_DIFF_ADDED;

	/* merged order */
	size_t i = 0;
	for (size_t j = 0; j <= d->m; j++) {
		tiao_dart *b = j < d->m ? &d->B[j] : NULL;
		size_t upto = i; /* added or moved: nothing to flush */
		if (!b)
			upto = d->n;
		else if (b->partner >= 0 && !b->moved)
			upto = (size_t)b->partner;
		for (; i < upto; i++) {
			if (d->A[i].partner >= 0)
				continue; /* moved: emitted with its new position */
			tiao_dentry e = {.op = TIAO_DIFF_DELETED, .a = (int)i, .b = -1};
			if (TIAO_VEC_PUSH(&ents, e) < 0) {
				rc = TIAO_ENOMEM;
				goto fail;
			}
		}
		if (!b)
			break;
		tiao_dentry e = {.op = b->op, .a = b->partner, .b = (int)j, .refs_only = b->refs_only,
		                  .moved = b->moved, .layout = b->layout};
		if (b->partner >= 0 && !b->moved)
			i = (size_t)b->partner + 1;
		if (b->partner >= 0 && d->A[e.a].hexact != b->hexact && (rc = S_hunks(d, &e)))
			goto fail;
		if (TIAO_VEC_PUSH(&ents, e) < 0) {
			rc = TIAO_ENOMEM;
			goto fail;
		}
	}
	d->ents = ents.items;
	d->nents = ents.len;
	ents.items = NULL;
	if ((rc = S_diff_divs(d)))
		goto fail;
	d->title_changed = !S_str_equiv(old_doc->title, new_doc->title);
	d->nchanges = d->nheads + (d->title_changed ? 1 : 0);
	for (size_t e = 0; e < d->nents; e++)
		if (d->ents[e].op != TIAO_DIFF_SAME || d->ents[e].layout)
			d->nchanges++;

	for (size_t x = 0; x < d->n + d->m; x++)
		free(c.sig[x]);
	free(c.sig);
	free(c.siglen);
	free(c.reserved);
	free(mp.e);
	*out = d;
	return 0;
fail:
	if (c.sig)
		for (size_t x = 0; x < d->n + d->m; x++)
			free(c.sig[x]);
	free(c.sig);
	free(c.siglen);
	free(c.reserved);
	free(mp.e);
	TIAO_VEC_FREE(&ents);
	tiao_diff_free(d);
	return tiao_error_set(err, rc, NULL, 0, 0, "diff: %s", tiao_strerror(rc));
}

void tiao_diff_free(tiao_diff *d)
{
	if (!d)
		return;
	free(d->ents);
	tiao_arena_free(&d->arena);
	free(d);
}

size_t tiao_diff_change_count(const tiao_diff *d) { return d ? d->nchanges : 0; }

/* ============================================================================================
 * Rendering helpers
 * ========================================================================================== */

static const char *S_side_label(const tiao_diff *d, int idx, bool new_side)
{
	if (idx < 0)
		return NULL;
	return new_side ? d->B[idx].label : d->A[idx].label;
}

/* s[0..len) between marks l and r, one mark per line (a mark never crosses a line break);
 * continuation lines indented like the article text. */
static void S_put_marked(tiao_buf *o, const char *s, size_t len, const char *l, const char *r)
{
	size_t from = 0;
	for (size_t x = 0; x <= len; x++) {
		if (x < len && s[x] != '\n')
			continue;
		if (x > from) {
			tiao_buf_puts(o, l);
			tiao_buf_put(o, s + from, x - from);
			tiao_buf_puts(o, r);
		}
		if (x < len)
			tiao_buf_puts(o, "\n    ");
		from = x + 1;
	}
}

/* Inline redline of one entry: equal text from the new side, [-deleted-]{+inserted+}, with the
 * display hunks (whole item labels, marks closed at line breaks). */
static void S_text_inline(tiao_buf *o, const tiao_diff *d, const tiao_dentry *e, bool color)
{
	const tiao_dart *a = &d->A[e->a], *b = &d->B[e->b];
	const char *dl = color ? "\033[31;9m" : "[-", *dr = color ? "\033[0m" : "-]";
	const char *il = color ? "\033[32;4m" : "{+", *ir = color ? "\033[0m" : "+}";
	size_t pb = 0;
	tiao_buf_puts(o, "    ");
	for (size_t h = 0; h <= e->nvhunks; h++) {
		size_t upto = h < e->nvhunks ? e->vhunks[h].b0 : b->flen;
		for (size_t x = pb; x < upto; x++) {
			tiao_buf_putc(o, b->flat[x]);
			if (b->flat[x] == '\n')
				tiao_buf_puts(o, "    ");
		}
		if (h == e->nvhunks)
			break;
		const tiao_dhunk *k = &e->vhunks[h];
		if (k->a1 > k->a0)
			S_put_marked(o, a->flat + k->a0, k->a1 - k->a0, dl, dr);
		if (k->b1 > k->b0)
			S_put_marked(o, b->flat + k->b0, k->b1 - k->b0, il, ir);
		pb = k->b1;
	}
	tiao_buf_putc(o, '\n');
}

static void S_text_whole(tiao_buf *o, const tiao_dart *ar, const char *l, const char *r)
{
	tiao_buf_puts(o, "    ");
	tiao_buf_puts(o, l);
	for (size_t x = 0; x < ar->flen; x++) {
		if (ar->flat[x] == '\n') {
			tiao_buf_puts(o, r);
			tiao_buf_puts(o, "\n    ");
			tiao_buf_puts(o, l);
		} else
			tiao_buf_putc(o, ar->flat[x]);
	}
	tiao_buf_puts(o, r);
	tiao_buf_putc(o, '\n');
}

static void S_head_label(tiao_buf *o, const tiao_node *n)
{
	if (!n) {
		tiao_buf_puts(o, "—");
		return;
	}
	if (n->label)
		tiao_buf_puts(o, n->label);
	if (n->heading) {
		tiao_buf_puts(o, "\xE3\x80\x80");
		tiao_buf_puts(o, n->heading);
	}
}

static int S_render_text(tiao_buf *o, const tiao_diff *d, bool color)
{
	const char *hl = color ? "\033[1m" : "", *hr = color ? "\033[0m" : "";
	if (d->title_changed)
		tiao_buf_printf(o, "%stitle%s  %s → %s\n", hl, hr, d->old_doc->title ? d->old_doc->title : "",
		                d->new_doc->title ? d->new_doc->title : "");
	for (size_t h = 0; h < d->nheads; h++) {
		const tiao_dhead *x = &d->heads[h];
		tiao_buf_printf(o, "%sheading%s  ", hl, hr);
		S_head_label(o, x->a);
		tiao_buf_puts(o, " → ");
		S_head_label(o, x->b);
		tiao_buf_putc(o, '\n');
	}
	for (size_t i = 0; i < d->nents; i++) {
		const tiao_dentry *e = &d->ents[i];
		if (e->op == TIAO_DIFF_SAME && !e->layout)
			continue;
		if (e->op == TIAO_DIFF_RENUMBERED && !e->refs_only && !e->layout) {
			/* a run of plain renumberings with one shift is one line */
			size_t k = i;
			while (k + 1 < d->nents && d->ents[k + 1].op == TIAO_DIFF_RENUMBERED &&
			       !d->ents[k + 1].refs_only && !d->ents[k + 1].layout &&
			       d->ents[k + 1].a == d->ents[k].a + 1 &&
			       d->ents[k + 1].b == d->ents[k].b + 1 &&
			       d->A[d->ents[k + 1].a].num - d->B[d->ents[k + 1].b].num ==
			           d->A[e->a].num - d->B[e->b].num &&
			       d->A[d->ents[k + 1].a].sub == 0 && d->B[d->ents[k + 1].b].sub == 0)
				k++;
			if (k == i)
				tiao_buf_printf(o, "%s%s → %s%s  renumbered\n", hl, d->A[e->a].label,
				                d->B[e->b].label, hr);
			else
				tiao_buf_printf(o, "%s%s–%s → %s–%s%s  renumbered (%zu articles)\n", hl,
				                d->A[e->a].label, d->A[d->ents[k].a].label, d->B[e->b].label,
				                d->B[d->ents[k].b].label, hr, k - i + 1);
			i = k;
			continue;
		}
		const char *al = S_side_label(d, e->a, false), *bl = S_side_label(d, e->b, true);
		tiao_buf_printf(o, "%s%s → %s%s  %s%s%s%s\n", hl, al ? al : "—", bl ? bl : "—", hr,
		                tiao_diff_op_name((tiao_diff_op)e->op),
		                e->refs_only ? " (references only)" : "",
		                e->moved && e->op == TIAO_DIFF_MODIFIED ? " (moved)" : "",
		                e->layout ? " (paragraphs regrouped)" : "");
		if (e->op == TIAO_DIFF_ADDED)
			S_text_whole(o, &d->B[e->b], color ? "\033[32;4m" : "{+", color ? "\033[0m" : "+}");
		else if (e->op == TIAO_DIFF_DELETED)
			S_text_whole(o, &d->A[e->a], color ? "\033[31;9m" : "[-", color ? "\033[0m" : "-]");
		else if (e->nhunks)
			S_text_inline(o, d, e, color);
	}
	if (d->nchanges == 0)
		tiao_buf_puts(o, "no differences\n");
	return o->failed ? TIAO_ENOMEM : 0;
}

/* Number of code points in s[0..off), advancing incrementally from (*pos, *cnt). */
static size_t S_cpos(const char *s, size_t off, size_t *pos, size_t *cnt)
{
	if (off < *pos) {
		*pos = 0;
		*cnt = 0;
	}
	while (*pos < off) {
		*pos += tiao_utf8_len((unsigned char)s[*pos]);
		(*cnt)++;
	}
	return *cnt;
}

static void S_json_side(tiao_buf *o, const char *key, const tiao_dart *ar)
{
	if (!ar) {
		tiao_buf_printf(o, "\"%s\": null", key);
		return;
	}
	tiao_buf_printf(o, "\"%s\": %d, \"%s_sub\": %d, \"%s_label\": ", key, ar->num, key, ar->sub,
	                key);
	tiao_json_str(o, ar->label);
	tiao_buf_printf(o, ", \"%s_line\": %zu", key, ar->node->line);
}

static void S_json_hunks(tiao_buf *o, const tiao_dart *a, const tiao_dart *b, const tiao_dhunk *hs,
                         size_t nh)
{
	size_t pa = 0, ca = 0, pb = 0, cb = 0;
	tiao_buf_puts(o, "[");
	for (size_t h = 0; h < nh; h++) {
		const tiao_dhunk *k = &hs[h];
		size_t a0 = S_cpos(a->flat, k->a0, &pa, &ca);
		size_t a1 = S_cpos(a->flat, k->a1, &pa, &ca);
		size_t b0 = S_cpos(b->flat, k->b0, &pb, &cb);
		size_t b1 = S_cpos(b->flat, k->b1, &pb, &cb);
		size_t la = 1, lb = 1; /* which line of the article (paragraph or item) the hunk starts in */
		for (size_t x = 0; x < k->a0; x++)
			la += a->flat[x] == '\n';
		for (size_t x = 0; x < k->b0; x++)
			lb += b->flat[x] == '\n';
		tiao_buf_printf(o,
		                "%s{\"old\": [%zu, %zu], \"new\": [%zu, %zu], \"old_para\": %zu, "
		                "\"new_para\": %zu, \"del\": ",
		                h ? ", " : "", a0, a1, b0, b1, la, lb);
		tiao_json_strn(o, a->flat + k->a0, k->a1 - k->a0);
		tiao_buf_puts(o, ", \"ins\": ");
		tiao_json_strn(o, b->flat + k->b0, k->b1 - k->b0);
		tiao_buf_puts(o, "}");
	}
	tiao_buf_puts(o, "]");
}

static void S_json_head(tiao_buf *o, const tiao_node *n)
{
	if (!n) {
		tiao_buf_puts(o, "null");
		return;
	}
	tiao_buf_printf(o, "{\"kind\": \"%s\", \"num\": %d, \"label\": ", tiao_node_kind_name(n->kind),
	                n->num);
	tiao_json_str(o, n->label ? n->label : "");
	tiao_buf_puts(o, ", \"heading\": ");
	tiao_json_str(o, n->heading ? n->heading : "");
	tiao_buf_printf(o, ", \"line\": %zu}", n->line);
}

static int S_render_json(tiao_buf *o, const tiao_diff *d)
{
	size_t cnt[6] = {0};
	for (size_t i = 0; i < d->nents; i++)
		cnt[d->ents[i].op]++;
	tiao_buf_puts(o, "{\"tiao\": 1,\n \"old\": {\"title\": ");
	tiao_json_str(o, d->old_doc->title ? d->old_doc->title : "");
	tiao_buf_printf(o, ", \"articles\": %zu},\n \"new\": {\"title\": ", d->n);
	tiao_json_str(o, d->new_doc->title ? d->new_doc->title : "");
	tiao_buf_printf(o, ", \"articles\": %zu},\n", d->m);
	tiao_buf_printf(o,
	                " \"summary\": {\"added\": %zu, \"deleted\": %zu, \"modified\": %zu, \"moved\": "
	                "%zu, \"renumbered\": %zu, \"same\": %zu, \"headings\": %zu},\n",
	                cnt[TIAO_DIFF_ADDED], cnt[TIAO_DIFF_DELETED], cnt[TIAO_DIFF_MODIFIED],
	                cnt[TIAO_DIFF_MOVED], cnt[TIAO_DIFF_RENUMBERED], cnt[TIAO_DIFF_SAME], d->nheads);
	if (d->title_changed) {
		tiao_buf_puts(o, " \"title\": {\"old\": ");
		tiao_json_str(o, d->old_doc->title ? d->old_doc->title : "");
		tiao_buf_puts(o, ", \"new\": ");
		tiao_json_str(o, d->new_doc->title ? d->new_doc->title : "");
		tiao_buf_puts(o, "},\n");
	}
	tiao_buf_puts(o, " \"headings\": [");
	for (size_t h = 0; h < d->nheads; h++) {
		tiao_buf_puts(o, h ? ",\n  {\"old\": " : "\n  {\"old\": ");
		S_json_head(o, d->heads[h].a);
		tiao_buf_puts(o, ", \"new\": ");
		S_json_head(o, d->heads[h].b);
		tiao_buf_puts(o, "}");
	}
	tiao_buf_puts(o, d->nheads ? "\n ],\n" : "],\n");
	tiao_buf_puts(o, " \"changes\": [");
	bool first = true;
	for (size_t i = 0; i < d->nents; i++) {
		const tiao_dentry *e = &d->ents[i];
		if (e->op == TIAO_DIFF_SAME && !e->layout)
			continue;
		const tiao_dart *a = e->a >= 0 ? &d->A[e->a] : NULL, *b = e->b >= 0 ? &d->B[e->b] : NULL;
		tiao_buf_puts(o, first ? "\n  " : ",\n  ");
		first = false;
		tiao_buf_printf(o, "{\"op\": \"%s\", ", tiao_diff_op_name((tiao_diff_op)e->op));
		S_json_side(o, "old", a);
		tiao_buf_puts(o, ", ");
		S_json_side(o, "new", b);
		if (e->op == TIAO_DIFF_RENUMBERED || e->op == TIAO_DIFF_MOVED)
			tiao_buf_printf(o, ", \"references_only\": %s", e->refs_only ? "true" : "false");
		if (e->op == TIAO_DIFF_MODIFIED && e->moved)
			tiao_buf_puts(o, ", \"moved\": true");
		if (e->layout)
			tiao_buf_puts(o, ", \"paragraphs_regrouped\": true");
		if (a && (!b || e->nhunks)) {
			tiao_buf_puts(o, ", \"old_text\": ");
			tiao_json_strn(o, a->flat, a->flen);
		}
		if (b && (!a || e->nhunks)) {
			tiao_buf_puts(o, ", \"new_text\": ");
			tiao_json_strn(o, b->flat, b->flen);
		}
		if (a && b && e->nhunks) {
			tiao_buf_puts(o, ", \"hunks\": ");
			S_json_hunks(o, a, b, e->hunks, e->nhunks);
		}
		tiao_buf_puts(o, "}");
	}
	tiao_buf_puts(o, first ? "]\n}\n" : "\n ]\n}\n");
	return o->failed ? TIAO_ENOMEM : 0;
}

/* ============================================================================================
 * Drafting a decision
 * ========================================================================================== */

typedef struct {
	const char *A, *B; /* phrase pair (arena); B may be "" (删去…中的“A”) */
} S_sub;

/* A paragraph operation: 1 delete base paragraph y, 2 replace base paragraph y by text,
 * 3 insert text as paragraph y of the result, 4 replace item z of base paragraph y by text. */
struct S_pop {
	int op, y;
	const char *text;
	size_t len;
	int z;
};

typedef struct {
	int kind;   /* 0 nothing, 1 substitutions, 2 whole article, 3 delete, 4 insert, 5 move,
	             * 6 paragraph operations */
	S_sub *subs;
	size_t nsubs;
	struct S_pop *pops;
	size_t npops;
	int group;  /* index of the entry leading a merged substitution group, or -1 */
} S_draft;

static bool S_quote_cp(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019;
}

static size_t S_count(const uint32_t *h, size_t hn, const uint32_t *nd, size_t nn)
{
	size_t c = 0;
	for (size_t i = 0; i + nn <= hn;) {
		if (memcmp(h + i, nd, nn * sizeof *nd) == 0) {
			c++;
			i += nn;
		} else
			i++;
	}
	return c;
}

/* Replace every occurrence of nd by rp in work (left to right, non-overlapping). */
static int S_replace_all(uint32_t **work, size_t *wn, const uint32_t *nd, size_t nn,
                         const uint32_t *rp, size_t rn)
{
	size_t cnt = S_count(*work, *wn, nd, nn);
	if (cnt == 0)
		return 1;
	size_t outn = *wn - cnt * nn + cnt * rn;
	uint32_t *o = malloc((outn + 1) * sizeof *o);
	if (!o)
		return TIAO_ENOMEM;
	size_t w = 0;
	for (size_t i = 0; i < *wn;) {
		if (i + nn <= *wn && memcmp(*work + i, nd, nn * sizeof *nd) == 0) {
			memcpy(o + w, rp, rn * sizeof *rp);
			w += rn;
			i += nn;
		} else
			o[w++] = (*work)[i++];
	}
	free(*work);
	*work = o;
	*wn = w;
	return 0;
}

static void S_trim_src(const char *s, size_t *b, size_t *e)
{
	while (*e > *b && (s[*e - 1] == ' ' || s[*e - 1] == '\t'))
		(*e)--;
	/* U+3000 */
	while (*e >= *b + 3 && memcmp(s + *e - 3, "\xE3\x80\x80", 3) == 0)
		*e -= 3;
}

/* Try to express the change of an article as phrase substitutions. R is the old text with its
 * references renumbered (what the engine would carry over), N the new text. */
/* Add the spans of item / sub-item labels of art's lines (as laid out in text s) to v. */
static int S_label_spans(S_spanvec *v, const tiao_node *art, const char *s, size_t len)
{
	S_nodes lines = {0};
	int rc = S_lines(&lines, art);
	size_t off = 0;
	for (size_t l = 0; rc == 0 && l < lines.len && off <= len; l++) {
		const tiao_node *n = lines.items[l];
		if (n->kind != TIAO_NODE_PARAGRAPH && n->label) {
			S_span sp = {off, off + strlen(n->label)};
			if (TIAO_VEC_PUSH(v, sp) < 0)
				rc = TIAO_ENOMEM;
		}
		const char *nl = memchr(s + off, '\n', len - off);
		if (!nl)
			break;
		off = (size_t)(nl - s) + 1;
	}
	TIAO_VEC_FREE(&lines);
	if (rc == 0 && v->len > 1)
		qsort(v->items, v->len, sizeof *v->items, S_span_cmp);
	return rc;
}

static int S_try_subs(tiao_diff *d, const tiao_node *an, const char *R, size_t rlen,
                      const tiao_node *bn, const char *N, size_t nlen, bool unique, S_draft *out)
{
	S_key kr = {0}, kn = {0};
	S_hunkvec hs = {0};
	S_spanvec sr = {0}, sn = {0};
	char *fr = NULL, *fn = NULL;
	uint32_t *work = NULL;
	TIAO_VEC(S_sub) subs = {0};
	TIAO_VEC(tiao_dhunk) ph = {0}; /* chosen phrase ranges in key indices */
	int rc = S_key_build(&kr, R, rlen);
	if (rc == 0)
		rc = S_key_build(&kn, N, nlen);
	if (rc == 0)
		rc = S_diff_keys(&hs, &kr, &kn);
	if (rc == 0)
		rc = S_ref_spans(&sr, R, rlen);
	if (rc == 0)
		rc = S_ref_spans(&sn, N, nlen);
	if (rc == 0)
		rc = S_label_spans(&sr, an, R, rlen);
	if (rc == 0)
		rc = S_label_spans(&sn, bn, N, nlen);
	if (rc)
		goto done;
	int ok = hs.len > 0 && hs.len <= 3 ? 1 : 0;
	size_t changed = 0;
	for (size_t h = 0; h < hs.len; h++)
		changed += (hs.items[h].a1 - hs.items[h].a0) + (hs.items[h].b1 - hs.items[h].b0);
	if (changed * 5 > (kr.len + kn.len) * 2)
		ok = 0;
	/* forbidden key positions: reference numerals, quotes, line breaks */
	fr = calloc(kr.len + 1, 1);
	fn = calloc(kn.len + 1, 1);
	if (!fr || !fn) {
		rc = TIAO_ENOMEM;
		goto done;
	}
	for (int side = 0; side < 2; side++) {
		S_key *k = side ? &kn : &kr;
		S_spanvec *sp = side ? &sn : &sr;
		char *f = side ? fn : fr;
		size_t si = 0;
		for (size_t i = 0; i < k->len; i++) {
			size_t off = k->src[i];
			while (si < sp->len && sp->items[si].end <= off)
				si++;
			if ((si < sp->len && sp->items[si].start <= off) || k->cp[i] == '\n' ||
			    S_quote_cp(k->cp[i]))
				f[i] = 1;
		}
	}
	for (size_t h = 0; ok && h < hs.len; h++) {
		tiao_dhunk x = hs.items[h];
		size_t lo_a = h ? hs.items[h - 1].a1 : 0;
		size_t hi_a = h + 1 < hs.len ? hs.items[h + 1].a0 : kr.len;
		/* context: a short change gets about four characters around it, up to the nearest
		 * punctuation on each side (so the phrase reads as words, not as a stray character) */
		size_t lmax = 0, rmax = 0;
		while (x.a0 - lmax > lo_a && x.b0 - lmax > 0 && !fr[x.a0 - lmax - 1] &&
		       !S_is_punct(kr.cp[x.a0 - lmax - 1]) && lmax < 4)
			lmax++;
		while (x.a1 + rmax < hi_a && x.b1 + rmax < kn.len && !fr[x.a1 + rmax] &&
		       !S_is_punct(kr.cp[x.a1 + rmax]) && rmax < 4)
			rmax++;
		size_t dl = x.a1 - x.a0, il = x.b1 - x.b0;
		size_t want = ((dl >= 2 && il >= 2) || (il == 0 && dl >= 2)) ? 0 : 4;
		size_t l = want / 2 < lmax ? want / 2 : lmax;
		size_t r = want - l < rmax ? want - l : rmax;
		if (l + r < want)
			l = want - r < lmax ? want - r : lmax;
		int step = 0;
		for (;;) {
			size_t a0 = x.a0 - l, a1 = x.a1 + r, b0 = x.b0 - l, b1 = x.b1 + r;
			bool bad = false;
			for (size_t i = a0; i < a1 && !bad; i++)
				bad = fr[i];
			for (size_t i = b0; i < b1 && !bad; i++)
				bad = fn[i];
			if (bad) {
				ok = 0;
				break;
			}
			/* a phrase of at least two characters (unique in the article on the second try) */
			bool good = a1 - a0 >= 2;
			if (good && unique && S_count(kr.cp, kr.len, kr.cp + a0, a1 - a0) != 1)
				good = false;
			if (good) {
				tiao_dhunk p = {a0, a1, b0, b1};
				if (TIAO_VEC_PUSH(&ph, p) < 0) {
					rc = TIAO_ENOMEM;
					goto done;
				}
				break;
			}
			bool can_l = x.a0 - l > lo_a && x.b0 - l > 0 && !fr[x.a0 - l - 1];
			bool can_r = x.a1 + r < hi_a && x.b1 + r < kn.len && !fr[x.a1 + r];
			if (l + r >= 16 || (!can_l && !can_r)) {
				ok = 0;
				break;
			}
			if ((step++ % 2 == 0 && can_l) || !can_r)
				l++;
			else
				r++;
		}
	}
	if (!ok)
		goto done;
	/* simulate */
	size_t wn = kr.len;
	work = malloc((wn + 1) * sizeof *work);
	if (!work) {
		rc = TIAO_ENOMEM;
		goto done;
	}
	memcpy(work, kr.cp, wn * sizeof *work);
	for (size_t h = 0; h < ph.len && ok; h++) {
		tiao_dhunk p = ph.items[h];
		/* identical to an earlier pair: already applied */
		bool dup = false;
		for (size_t q = 0; q < h && !dup; q++) {
			tiao_dhunk o = ph.items[q];
			dup = o.a1 - o.a0 == p.a1 - p.a0 && o.b1 - o.b0 == p.b1 - p.b0 &&
			      memcmp(kr.cp + o.a0, kr.cp + p.a0, (p.a1 - p.a0) * 4) == 0 &&
			      memcmp(kn.cp + o.b0, kn.cp + p.b0, (p.b1 - p.b0) * 4) == 0;
		}
		if (dup)
			continue;
		int r = S_replace_all(&work, &wn, kr.cp + p.a0, p.a1 - p.a0, kn.cp + p.b0, p.b1 - p.b0);
		if (r < 0) {
			rc = r;
			goto done;
		}
		if (r > 0) {
			ok = 0;
			break;
		}
		size_t as = kr.src[p.a0], ae = kr.src[p.a1], bs = kn.src[p.b0], be = kn.src[p.b1];
		S_trim_src(R, &as, &ae);
		S_trim_src(N, &bs, &be);
		S_sub sb = {tiao_arena_strndup(&d->arena, R + as, ae - as),
		            tiao_arena_strndup(&d->arena, N + bs, be - bs)};
		if (!sb.A || !sb.B || TIAO_VEC_PUSH(&subs, sb) < 0) {
			rc = TIAO_ENOMEM;
			goto done;
		}
	}
	if (ok && (wn != kn.len || memcmp(work, kn.cp, wn * sizeof *work) != 0))
		ok = 0;
	if (ok && subs.len) {
		out->kind = 1;
		out->subs = tiao_arena_alloc(&d->arena, subs.len * sizeof *out->subs);
		if (!out->subs) {
			rc = TIAO_ENOMEM;
			goto done;
		}
		memcpy(out->subs, subs.items, subs.len * sizeof *out->subs);
		out->nsubs = subs.len;
	}
done:
	free(work);
	free(fr);
	free(fn);
	TIAO_VEC_FREE(&hs);
	TIAO_VEC_FREE(&sr);
	TIAO_VEC_FREE(&sn);
	TIAO_VEC_FREE(&subs);
	TIAO_VEC_FREE(&ph);
	S_key_free(&kr);
	S_key_free(&kn);
	return rc;
}

/* Equal modulo normalisation, line breaks (paragraph boundaries) included. */
static bool S_lines_equiv(const char *a, size_t alen, const char *b, size_t blen)
{
	S_key ka = {0}, kb = {0};
	bool eq = S_key_build(&ka, a, alen) == 0 && S_key_build(&kb, b, blen) == 0 &&
	          ka.len == kb.len && memcmp(ka.cp, kb.cp, ka.len * sizeof *ka.cp) == 0;
	S_key_free(&ka);
	S_key_free(&kb);
	return eq;
}

/* Whether the article has no items: every line is a paragraph. */
static bool S_plain_paragraphs(const tiao_node *art)
{
	for (const tiao_node *p = art->first; p; p = p->next)
		if (p->kind != TIAO_NODE_PARAGRAPH || p->first)
			return false;
	return true;
}

typedef struct {
	const char *s;
	size_t len;
} S_line;

static size_t S_split_lines(S_line *out, size_t max, const char *s, size_t len)
{
	size_t n = 0, from = 0;
	for (size_t i = 0; i <= len && n < max; i++)
		if (i == len || s[i] == '\n') {
			out[n].s = s + from;
			out[n].len = i - from;
			n++;
			from = i + 1;
		}
	return n;
}

/* Try to express the change of a plain article (no items) as paragraph operations: deletions,
 * replacements and insertions of whole paragraphs (LCS of the paragraphs). At most 3 operations,
 * and at least one paragraph kept unchanged. */
static int S_try_paras(tiao_diff *d, const tiao_node *an, const char *R, size_t rlen,
                       const tiao_node *bn, const char *N, size_t nlen, S_draft *out)
{
	enum { MAXL = 32 };
	if (!S_plain_paragraphs(an) || !S_plain_paragraphs(bn))
		return 0;
	S_line la[MAXL], lb[MAXL];
	size_t na = S_split_lines(la, MAXL, R, rlen), nb = S_split_lines(lb, MAXL, N, nlen);
	if (na >= MAXL || nb >= MAXL)
		return 0;
	bool eq[MAXL][MAXL];
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			eq[i][j] = S_lines_equiv(la[i].s, la[i].len, lb[j].s, lb[j].len);
	unsigned char L[MAXL + 1][MAXL + 1];
	memset(L, 0, sizeof L);
	for (size_t i = na; i-- > 0;)
		for (size_t j = nb; j-- > 0;)
			L[i][j] = eq[i][j] ? (unsigned char)(L[i + 1][j + 1] + 1)
			          : L[i + 1][j] > L[i][j + 1] ? L[i + 1][j] : L[i][j + 1];
	if (L[0][0] == 0)
		return 0;
	struct S_pop ops[3 * MAXL];
	size_t nops = 0, i = 0, j = 0;
	while (i < na || j < nb) {
		if (i < na && j < nb && eq[i][j] && L[i][j] == L[i + 1][j + 1] + 1) {
			i++, j++;
			continue;
		}
		size_t gi = i, gj = j;
		while (i < na || j < nb) {
			if (i < na && j < nb && eq[i][j] && L[i][j] == L[i + 1][j + 1] + 1)
				break;
			if (j >= nb || (i < na && L[i + 1][j] >= L[i][j + 1]))
				i++;
			else
				j++;
		}
		/* the gap: old [gi, i), new [gj, j): pair in order, the rest deleted / inserted */
		size_t x = gi, y = gj;
		while (x < i || y < j) {
			struct S_pop p = {0, 0, NULL, 0, 0};
			if (x < i && y < j) {
				p.op = 2;
				p.y = (int)x + 1;
				p.text = lb[y].s;
				p.len = lb[y].len;
				x++, y++;
			} else if (x < i) {
				p.op = 1;
				p.y = (int)x + 1;
				x++;
			} else {
				p.op = 3;
				p.y = (int)y + 1;
				p.text = lb[y].s;
				p.len = lb[y].len;
				y++;
			}
			ops[nops++] = p;
		}
	}
	if (nops == 0 || nops > 3)
		return 0;
	out->pops = tiao_arena_alloc(&d->arena, nops * sizeof *out->pops);
	if (!out->pops)
		return TIAO_ENOMEM;
	memcpy(out->pops, ops, nops * sizeof *ops);
	out->npops = nops;
	out->kind = 6;
	return 0;
}

/* Whether two texts end with the same character (after folding). */
static bool S_same_last_char(const char *a, size_t alen, const char *b, size_t blen)
{
	S_key ka = {0}, kb = {0};
	bool eq = S_key_build(&ka, a, alen) == 0 && S_key_build(&kb, b, blen) == 0 && ka.len &&
	          kb.len && ka.cp[ka.len - 1] == kb.cp[kb.len - 1];
	S_key_free(&ka);
	S_key_free(&kb);
	return eq;
}

/* An article whose paragraphs have items, with the same skeleton on both sides (same number of
 * paragraphs, same number of items in each, no sub-items): up to three changed lines become
 * `将第X条第Y款第Z项修改为：“（Z）…”` (an item) or `将第X条第Y款修改为：“…：”` (the lead-in of
 * a paragraph with items, when the new lead-in still ends with a colon). */
static int S_try_lines(tiao_diff *d, const tiao_node *an, const char *R, size_t rlen,
                       const tiao_node *bn, const char *N, size_t nlen, S_draft *out)
{
	enum { MAXL = 64 };
	S_nodes la = {0}, lb = {0};
	int rc = S_lines(&la, an);
	if (rc == 0)
		rc = S_lines(&lb, bn);
	S_line ta[MAXL], tb[MAXL];
	size_t na = 0, nb = 0, nops = 0;
	struct S_pop ops[3];
	if (rc || la.len != lb.len || la.len >= MAXL)
		goto done;
	na = S_split_lines(ta, MAXL, R, rlen);
	nb = S_split_lines(tb, MAXL, N, nlen);
	if (na != la.len || nb != lb.len)
		goto done;
	for (size_t i = 0; i < la.len; i++) {
		const tiao_node *x = la.items[i], *y = lb.items[i];
		if (x->kind != y->kind || x->kind == TIAO_NODE_SUBITEM ||
		    (x->kind == TIAO_NODE_PARAGRAPH && (x->first == NULL) != (y->first == NULL)) ||
		    tiao_node_child_count(x) != tiao_node_child_count(y))
			goto done;
	}
	for (size_t i = 0; i < la.len; i++) {
		if (S_lines_equiv(ta[i].s, ta[i].len, tb[i].s, tb[i].len))
			continue;
		const tiao_node *x = la.items[i];
		if (nops == 3)
			goto done;
		if (x->kind == TIAO_NODE_PARAGRAPH && x->first) {
			/* a lead-in: only when the new one still introduces the items */
			size_t e = tb[i].len;
			while (e > 0 && (tb[i].s[e - 1] == ' '))
				e--;
			if (!(e >= 3 && memcmp(tb[i].s + e - 3, "\xEF\xBC\x9A", 3) == 0) &&
			    !(e >= 1 && tb[i].s[e - 1] == ':'))
				goto done;
		}
		if (x->kind == TIAO_NODE_ITEM) {
			/* the quote keeps the position's label and gets the position's closing mark:
			 * only when the new item already has both */
			const tiao_node *y = lb.items[i];
			if (!x->label || !y->label || !S_str_equiv(x->label, y->label) ||
			    !S_same_last_char(ta[i].s, ta[i].len, tb[i].s, tb[i].len))
				goto done;
		}
		struct S_pop p = {x->kind == TIAO_NODE_ITEM ? 4 : 2, 0, tb[i].s, tb[i].len, 0};
		if (x->kind == TIAO_NODE_ITEM) {
			p.y = x->parent->num;
			p.z = x->num;
		} else
			p.y = x->num;
		ops[nops++] = p;
	}
	if (nops == 0)
		goto done;
	out->pops = tiao_arena_alloc(&d->arena, nops * sizeof *out->pops);
	if (!out->pops) {
		rc = TIAO_ENOMEM;
		goto done;
	}
	memcpy(out->pops, ops, nops * sizeof *ops);
	out->npops = nops;
	out->kind = 6;
done:
	TIAO_VEC_FREE(&la);
	TIAO_VEC_FREE(&lb);
	return rc;
}

/* The division of the old document equal (kind, heading) to b, or NULL. */
static const tiao_node *S_find_div(const tiao_node *root, const tiao_node *b)
{
	for (const tiao_node *c = root->first; c; c = c->next)
		if (c->kind >= TIAO_NODE_FIRST_DIVISION && c->kind <= TIAO_NODE_LAST_DIVISION) {
			if (S_div_equal(c, b))
				return c;
			const tiao_node *f = S_find_div(c, b);
			if (f)
				return f;
		}
	return NULL;
}

static void S_quote_body(tiao_buf *o, const char *s, size_t len);

/* Append a quoted block: every line opens with “, the last closes with ”; inner “” become ‘’. */
static void S_quote(tiao_buf *o, const char *s, size_t len)
{
	tiao_buf_puts(o, "\xE2\x80\x9C");
	S_quote_body(o, s, len);
	tiao_buf_puts(o, "\xE2\x80\x9D");
}

static void S_quote_body(tiao_buf *o, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t at = i;
		uint32_t cp = tiao_utf8_next(s, len, &i);
		if (cp == '\n')
			tiao_buf_puts(o, "\n\xE2\x80\x9C");
		else if (cp == 0x201C)
			tiao_buf_puts(o, "\xE2\x80\x98");
		else if (cp == 0x201D)
			tiao_buf_puts(o, "\xE2\x80\x99");
		else
			tiao_buf_put(o, s + at, i - at);
	}
}

static void S_canon_label(tiao_buf *o, const tiao_dart *ar) { S_label(o, ar->num, ar->sub); }

typedef struct {
	uint64_t h;
	size_t e;
} S_gkey;

static int S_gkey_cmp(const void *x, const void *y)
{
	const S_gkey *a = x, *b = y;
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return a->e < b->e ? -1 : a->e > b->e;
}

static uint64_t S_strhash(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = S_fnv(h, (unsigned char)*s);
	return S_fnv(h, 0xFFFF);
}

static void S_item_start(tiao_buf *o, int *item)
{
	++*item;
	tiao_num_write(o, *item);
	tiao_buf_puts(o, "\xE3\x80\x81"); /* 、 */
}

static const char *S_div_char(tiao_node_kind k)
{
	switch (k) {
	case TIAO_NODE_PART: return "\xE7\xBC\x96";     /* 编 */
	case TIAO_NODE_SUBPART: return "\xE5\x88\x86\xE7\xBC\x96"; /* 分编 */
	case TIAO_NODE_CHAPTER: return "\xE7\xAB\xA0";  /* 章 */
	case TIAO_NODE_SECTION: return "\xE8\x8A\x82";  /* 节 */
	default: return "";
	}
}

static int S_render_decision(tiao_buf *o, tiao_diff *d)
{
	S_nummap mp = {0};
	S_draft *dr = calloc(d->nents + 1, sizeof *dr);
	S_gkey *gk = NULL;
	tiao_buf R = TIAO_BUF_INIT;
	int rc = dr ? S_nummap_build(&mp, d->A, d->n) : TIAO_ENOMEM;
	bool renum = false;
	if (rc)
		goto done;
	for (size_t i = 0; i < d->nents; i++) {
		tiao_dentry *e = &d->ents[i];
		dr[i].group = -1;
		if (e->op == TIAO_DIFF_DELETED) {
			dr[i].kind = 3;
			continue;
		}
		if (e->op == TIAO_DIFF_ADDED) {
			dr[i].kind = 4;
			continue;
		}
		if (e->moved) {
			dr[i].kind = 5;
			renum = true;
			continue;
		}
		const tiao_dart *a = &d->A[e->a], *b = &d->B[e->b];
		if (a->num != b->num || a->sub != b->sub)
			renum = true;
		/* what the engine would carry over: the old text, references renumbered */
		tiao_buf_clear(&R);
		if ((rc = S_rewrite_refs(&R, d, &mp, a->flat, a->flen)))
			goto done;
		if (S_lines_equiv(R.data ? R.data : "", R.len, b->flat, b->flen))
			continue;
		const char *rs = R.data ? R.data : "";
		if ((rc = S_try_subs(d, a->node, rs, R.len, b->node, b->flat, b->flen, false, &dr[i])))
			goto done;
		if (dr[i].kind == 0 &&
		    (rc = S_try_subs(d, a->node, rs, R.len, b->node, b->flat, b->flen, true, &dr[i])))
			goto done;
		if (dr[i].kind == 0 &&
		    (rc = S_try_paras(d, a->node, rs, R.len, b->node, b->flat, b->flen, &dr[i])))
			goto done;
		if (dr[i].kind == 0 &&
		    (rc = S_try_lines(d, a->node, rs, R.len, b->node, b->flat, b->flen, &dr[i])))
			goto done;
		if (dr[i].kind == 0)
			dr[i].kind = 2;
	}
	/* merge identical single substitutions across articles */
	gk = malloc((d->nents + 1) * sizeof *gk);
	if (!gk) {
		rc = TIAO_ENOMEM;
		goto done;
	}
	size_t ng = 0;
	for (size_t i = 0; i < d->nents; i++)
		if (dr[i].kind == 1 && dr[i].nsubs == 1)
			gk[ng++] = (S_gkey){S_strhash(S_strhash(S_FNV0, dr[i].subs[0].A), dr[i].subs[0].B), i};
	qsort(gk, ng, sizeof *gk, S_gkey_cmp);
	for (size_t x = 0; x < ng;) {
		size_t y = x + 1;
		while (y < ng && gk[y].h == gk[x].h)
			y++;
		for (size_t z = x + 1; z < y; z++) {
			const S_sub *p = &dr[gk[x].e].subs[0], *q = &dr[gk[z].e].subs[0];
			if (strcmp(p->A, q->A) == 0 && strcmp(p->B, q->B) == 0)
				dr[gk[z].e].group = (int)gk[x].e;
		}
		x = y;
	}

	const char *title = d->old_doc->title ? d->old_doc->title : "";
	tiao_buf_printf(o, "关于修改《%s》的决定\n", title);
	tiao_buf_printf(o, "对《%s》作如下修改：\n", title);
	int item = 0;
	for (size_t h = 0; h < d->nheads; h++) {
		const tiao_dhead *x = &d->heads[h];
		if (x->a && x->b && x->a->kind == x->b->kind && x->a->label) {
			S_item_start(o, &item);
			tiao_buf_printf(o, "将%s%s名修改为“%s”。\n", x->a->label, S_div_char(x->a->kind),
			                x->b->heading ? x->b->heading : "");
		} else if (x->a && !x->b && x->a->kind == TIAO_NODE_CHAPTER && x->a->label) {
			/* a chapter that disappears: its articles join the chapter before (or after) */
			const tiao_node *p = x->a->prev;
			while (p && p->kind != TIAO_NODE_CHAPTER)
				p = p->prev;
			if (!p)
				for (p = x->a->next; p && p->kind != TIAO_NODE_CHAPTER;)
					p = p->next;
			if (!p || !p->label)
				continue;
			S_item_start(o, &item);
			tiao_buf_printf(o, "将%s并入%s。\n", x->a->label, p->label);
		} else if (!x->a && x->b && x->b->kind == TIAO_NODE_SECTION) {
			/* 在第X章第Y节后增加一节，作为第Z节：“第Z节　…”“第N条　…” */
			const tiao_node *pb = x->b->prev;
			while (pb && pb->kind != TIAO_NODE_SECTION)
				pb = pb->prev;
			const tiao_node *pa = pb ? S_find_div(d->old_doc->root, pb) : NULL;
			if (!pa || !pa->label || !pa->parent || !pa->parent->label)
				continue;
			S_item_start(o, &item);
			tiao_buf_printf(o, "在%s%s后增加一节，作为", pa->parent->label, pa->label);
			tiao_label_write(o, 0x8282, x->b->num, 0);
			tiao_buf_puts(o, "：\n“");
			tiao_label_write(o, 0x8282, x->b->num, 0);
			tiao_buf_printf(o, "\xE3\x80\x80%s", x->b->heading ? x->b->heading : "");
			for (size_t i = 0; i < d->nents; i++) {
				const tiao_dentry *e = &d->ents[i];
				if (dr[i].kind != 4 || d->B[e->b].division != x->b)
					continue;
				tiao_buf_puts(o, "\n");
				tiao_buf_puts(o, "“");
				S_canon_label(o, &d->B[e->b]);
				tiao_buf_puts(o, "\xE3\x80\x80");
				S_quote_body(o, d->B[e->b].flat, d->B[e->b].flen);
				dr[i].kind = 0;
			}
			tiao_buf_puts(o, "”\n");
		} else if (!x->a && x->b && x->b->kind == TIAO_NODE_CHAPTER) {
			/* a new chapter, with the new articles it holds, in one item */
			S_item_start(o, &item);
			tiao_buf_puts(o, "增加一章，作为");
			tiao_label_write(o, 0x7AE0, x->b->num, 0);
			tiao_buf_printf(o, "“%s”。\n", x->b->heading ? x->b->heading : "");
			for (size_t i = 0; i < d->nents; i++) {
				const tiao_dentry *e = &d->ents[i];
				if (dr[i].kind != 4)
					continue;
				const tiao_node *dv = d->B[e->b].division;
				while (dv && dv != x->b)
					dv = dv->parent;
				if (!dv)
					continue;
				tiao_buf_puts(o, "增加一条，作为");
				S_canon_label(o, &d->B[e->b]);
				tiao_buf_puts(o, "：");
				S_quote(o, d->B[e->b].flat, d->B[e->b].flen);
				tiao_buf_puts(o, "\n");
				dr[i].kind = 0;
			}
		}
	}
	for (size_t i = 0; i < d->nents; i++) {
		const tiao_dentry *e = &d->ents[i];
		S_draft *t = &dr[i];
		if (t->kind == 0 || t->group >= 0)
			continue;
		S_item_start(o, &item);
		switch (t->kind) {
		case 3: { /* a run of deletions */
			size_t k = i;
			tiao_buf_puts(o, "删去");
			S_canon_label(o, &d->A[e->a]);
			while (k + 1 < d->nents && dr[k + 1].kind == 3 && d->ents[k + 1].a == d->ents[k].a + 1) {
				k++;
				tiao_buf_puts(o, "、");
				S_canon_label(o, &d->A[d->ents[k].a]);
			}
			tiao_buf_puts(o, "。\n");
			i = k;
			break;
		}
		case 5:
			tiao_buf_puts(o, "删去");
			S_canon_label(o, &d->A[e->a]);
			tiao_buf_puts(o, "。\n");
			S_item_start(o, &item);
			/* fall through */
		case 4:
			tiao_buf_puts(o, "增加一条，作为");
			S_canon_label(o, &d->B[e->b]);
			tiao_buf_puts(o, "：");
			S_quote(o, d->B[e->b].flat, d->B[e->b].flen);
			tiao_buf_puts(o, "\n");
			break;
		case 6:
			for (size_t k = 0; k < t->npops; k++) {
				const struct S_pop *p = &t->pops[k];
				if (k)
					tiao_buf_puts(o, "\n");
				if (p->op == 1) {
					tiao_buf_puts(o, "删去");
					S_canon_label(o, &d->A[e->a]);
					tiao_buf_puts(o, "第");
					tiao_num_write(o, p->y);
					tiao_buf_puts(o, "款。");
				} else if (p->op == 2 || p->op == 4) {
					tiao_buf_puts(o, "将");
					S_canon_label(o, &d->A[e->a]);
					tiao_buf_puts(o, "第");
					tiao_num_write(o, p->y);
					tiao_buf_puts(o, "款");
					if (p->op == 4) {
						tiao_buf_puts(o, "第");
						tiao_num_write(o, p->z);
						tiao_buf_puts(o, "项");
					}
					tiao_buf_puts(o, "修改为：");
					S_quote(o, p->text, p->len);
				} else {
					S_canon_label(o, &d->A[e->a]);
					tiao_buf_puts(o, "增加一款，作为第");
					tiao_num_write(o, p->y);
					tiao_buf_puts(o, "款：");
					S_quote(o, p->text, p->len);
				}
			}
			tiao_buf_puts(o, "\n");
			break;
		case 2:
			tiao_buf_puts(o, "将");
			S_canon_label(o, &d->A[e->a]);
			tiao_buf_puts(o, "修改为：");
			S_quote(o, d->B[e->b].flat, d->B[e->b].flen);
			tiao_buf_puts(o, "\n");
			break;
		case 1:
			for (size_t s = 0; s < t->nsubs; s++) {
				const S_sub *sb = &t->subs[s];
				if (s)
					tiao_buf_puts(o, "；");
				tiao_buf_puts(o, *sb->B ? "将" : "删去");
				S_canon_label(o, &d->A[e->a]);
				if (t->nsubs == 1)
					for (size_t z = i + 1; z < d->nents; z++)
						if (dr[z].group == (int)i) {
							tiao_buf_puts(o, "、");
							S_canon_label(o, &d->A[d->ents[z].a]);
						}
				tiao_buf_puts(o, "中的“");
				tiao_buf_puts(o, sb->A);
				if (*sb->B)
					tiao_buf_printf(o, "”修改为“%s”", sb->B);
				else
					tiao_buf_puts(o, "”");
			}
			tiao_buf_puts(o, "。\n");
			break;
		default:
			break;
		}
	}
	if (item == 0)
		tiao_buf_puts(o, "（无修改）\n");
	tiao_buf_puts(o, "本决定自公布之日起施行。\n");
	tiao_buf_printf(o, "《%s》根据本决定作相应修改%s，重新公布。\n", title,
	                renum ? "并对条款顺序作相应调整" : "");
	if (o->failed)
		rc = TIAO_ENOMEM;
done:
	free(dr);
	free(gk);
	free(mp.e);
	tiao_buf_free(&R);
	return rc;
}

int tiao_diff_render(tiao_buf *out, const tiao_diff *d, tiao_diff_format fmt, unsigned flags)
{
	if (!out || !d)
		return TIAO_EINVALID;
	switch (fmt) {
	case TIAO_DIFF_FMT_TEXT: return S_render_text(out, d, (flags & TIAO_DIFF_COLOR) != 0);
	case TIAO_DIFF_FMT_JSON: return S_render_json(out, d);
	case TIAO_DIFF_FMT_HTML: return tiao_diff_render_html(out, d);
	case TIAO_DIFF_FMT_DECISION: return S_render_decision(out, (tiao_diff *)d);
	}
	return TIAO_EINVALID;
}

/* ============================================================================================
 * Verify: a consolidation against the official text
 * ========================================================================================== */

static const char *S_class_msg(const char *cls, int op)
{
	if (strcmp(cls, "quote") == 0)
		return "text differs from the decision's quote";
	if (strcmp(cls, "text") == 0)
		return "text differs where the decision made no change";
	if (strcmp(cls, "xref") == 0)
		return "cross-reference not rewritten";
	if (strcmp(cls, "renumbering") == 0)
		return "renumbering differs";
	if (strcmp(cls, "heading") == 0)
		return "heading differs";
	if (op == TIAO_DIFF_ADDED)
		return "article only in the official text (split or merged differently)";
	if (op == TIAO_DIFF_DELETED)
		return "article only in the consolidation (split or merged differently)";
	return "paragraph split or merged differently";
}

/* Whether the key of a and b agree once line breaks are ignored. */
static bool S_equal_but_lines(const tiao_dart *a, const tiao_dart *b)
{
	S_key ka = {0}, kb = {0};
	bool eq = false;
	if (S_key_build(&ka, a->flat, a->flen) == 0 && S_key_build(&kb, b->flat, b->flen) == 0) {
		size_t i = 0, j = 0;
		eq = true;
		for (;;) {
			while (i < ka.len && ka.cp[i] == '\n')
				i++;
			while (j < kb.len && kb.cp[j] == '\n')
				j++;
			if (i == ka.len || j == kb.len) {
				eq = i == ka.len && j == kb.len;
				break;
			}
			if (ka.cp[i++] != kb.cp[j++]) {
				eq = false;
				break;
			}
		}
	}
	S_key_free(&ka);
	S_key_free(&kb);
	return eq;
}

/* Whether any changed run of the consolidated side lies in text a decision supplied. */
static bool S_touches_decision_text(const tiao_dart *c, const tiao_dentry *e)
{
	const unsigned fl = TIAO_NF_NEW | TIAO_NF_MODIFIED | TIAO_NF_QUOTED;
	if (c->node->flags & TIAO_NF_NEW)
		return true;
	S_nodes lines = {0};
	if (S_lines(&lines, c->node)) {
		TIAO_VEC_FREE(&lines);
		return false;
	}
	bool hit = false;
	for (size_t h = 0; h < e->nhunks && !hit; h++) {
		size_t line = 0;
		for (size_t x = 0; x < e->hunks[h].a0 && x < c->flen; x++)
			if (c->flat[x] == '\n')
				line++;
		size_t last = line;
		for (size_t x = e->hunks[h].a0; x < e->hunks[h].a1 && x < c->flen; x++)
			if (c->flat[x] == '\n')
				last++;
		/* the line itself came from (or was changed by) the decision; a container flagged
		 * because one of its items changed does not count */
		for (size_t l = line; l <= last && l < lines.len; l++)
			if (lines.items[l]->flags & fl)
				hit = true;
	}
	TIAO_VEC_FREE(&lines);
	return hit;
}

static void S_verify_loc(tiao_buf *o, const char *key, const tiao_dart *ar, bool base, bool json)
{
	if (json) {
		tiao_buf_printf(o, "\"%s\": ", key);
		if (!ar) {
			tiao_buf_puts(o, "null");
			return;
		}
		tiao_buf_printf(o, "{\"num\": %d, \"sub\": %d, \"label\": ", ar->num, ar->sub);
		tiao_json_str(o, ar->label);
		if (base) {
			const tiao_node *n = ar->node;
			tiao_buf_printf(o, ", \"base\": %d, \"base_sub\": %d, \"base_line\": %zu",
			                (n->flags & TIAO_NF_NEW) ? 0 : n->base_num, n->base_sub, n->line);
		} else
			tiao_buf_printf(o, ", \"line\": %zu", ar->node->line);
		tiao_buf_puts(o, "}");
		return;
	}
	if (!ar) {
		tiao_buf_puts(o, "—");
		return;
	}
	tiao_buf_puts(o, ar->label);
	if (base) {
		const tiao_node *n = ar->node;
		if ((n->flags & TIAO_NF_NEW) || n->base_num == 0)
			tiao_buf_puts(o, " (new)");
		else {
			tiao_buf_puts(o, " (base ");
			S_label(o, n->base_num, n->base_sub);
			if (n->line)
				tiao_buf_printf(o, ", line %zu", n->line);
			tiao_buf_puts(o, ")");
		}
	} else if (ar->node->line)
		tiao_buf_printf(o, " (line %zu)", ar->node->line);
}

int tiao_verify(tiao_buf *out, size_t *nfindings, const tiao_result *r, const tiao_doc *official,
                unsigned flags, tiao_error *err)
{
	bool json = (flags & TIAO_VERIFY_JSON) != 0, strict = (flags & TIAO_VERIFY_STRICT) != 0;
	*nfindings = 0;
	tiao_diff *d = NULL;
	int rc = tiao_diff_new(&d, r->doc, official, err);
	if (rc)
		return rc;
	size_t n = 0, shown = 0;
	if (json)
		tiao_buf_puts(out, "{\"tiao\": 1, \"findings\": [");
	for (size_t h = 0; h < d->nheads; h++) {
		const tiao_dhead *x = &d->heads[h];
		if (json) {
			tiao_buf_puts(out, shown ? ",\n  " : "\n  ");
			tiao_buf_puts(out, "{\"class\": \"heading\", \"message\": \"heading differs\", "
			                   "\"consolidated\": ");
			S_json_head(out, x->a);
			tiao_buf_puts(out, ", \"official\": ");
			S_json_head(out, x->b);
			tiao_buf_puts(out, "}");
		} else {
			tiao_buf_puts(out, "heading: ");
			S_head_label(out, x->a);
			tiao_buf_puts(out, " (consolidated) vs ");
			S_head_label(out, x->b);
			tiao_buf_puts(out, " (official): heading differs\n");
		}
		n++;
		shown++;
	}
	for (size_t i = 0; i < d->nents; i++) {
		const tiao_dentry *e = &d->ents[i];
		if (e->op == TIAO_DIFF_SAME && !e->layout)
			continue;
		const tiao_dart *c = e->a >= 0 ? &d->A[e->a] : NULL, *o = e->b >= 0 ? &d->B[e->b] : NULL;
		const char *cls;
		switch (e->layout ? TIAO_DIFF_SAME : e->op) {
		case TIAO_DIFF_SAME: cls = "structure"; break;
		case TIAO_DIFF_RENUMBERED:
		case TIAO_DIFF_MOVED: cls = "renumbering"; break;
		case TIAO_DIFF_ADDED:
		case TIAO_DIFF_DELETED: cls = "structure"; break;
		default:
			if (c->hmask == o->hmask)
				cls = "xref";
			else if (S_equal_but_lines(c, o))
				cls = "structure";
			else if (S_touches_decision_text(c, e))
				cls = "quote";
			else
				cls = "text";
		}
		const char *msg = S_class_msg(cls, e->op);
		/* same text, other paragraphing: a note unless strict */
		bool note = !strict && e->layout && (e->op == TIAO_DIFF_SAME || (c && o && c->num == o->num &&
		                                                                  c->sub == o->sub));
		if (json) {
			tiao_buf_puts(out, shown ? ",\n  " : "\n  ");
			tiao_buf_printf(out, "{\"class\": \"%s\", \"severity\": \"%s\", \"message\": ",
			                cls, note ? "note" : "error");
			tiao_json_str(out, msg);
			tiao_buf_puts(out, ", ");
			S_verify_loc(out, "official", o, false, true);
			tiao_buf_puts(out, ", ");
			S_verify_loc(out, "consolidated", c, true, true);
			if (c && o && e->nhunks) {
				tiao_buf_puts(out, ", \"hunks\": ");
				S_json_hunks(out, c, o, e->hunks, e->nhunks);
			}
			tiao_buf_puts(out, "}");
		} else {
			tiao_buf_puts(out, note ? "note: official " : "official ");
			S_verify_loc(out, "official", o, false, false);
			tiao_buf_puts(out, " vs consolidated ");
			S_verify_loc(out, "consolidated", c, true, false);
			tiao_buf_printf(out, ": %s: %s\n", cls, msg);
			if (c && o && e->nhunks)
				S_text_inline(out, d, e, false);
			else if (o && !c)
				S_text_whole(out, o, "{+", "+}");
			else if (c && !o)
				S_text_whole(out, c, "[-", "-]");
		}
		if (!note)
			n++;
		shown++;
	}
	if (json)
		tiao_buf_printf(out, "%s], \"count\": %zu}\n", shown ? "\n " : "", n);
	else if (n == 0)
		tiao_buf_puts(out, "the official text follows the decision\n");
	*nfindings = n;
	tiao_diff_free(d);
	return out->failed ? tiao_error_set(err, TIAO_ENOMEM, NULL, 0, 0, "out of memory") : 0;
}
