/*
 * node.c — the document tree: allocation in the document's arena, the containment grammar,
 * linking, cloning, the invariant checker and the ENTER/EXIT iterator (after cmark's iterator.c).
 */
#include "node.h"

#include "gazette.h"
#include "text.h"

#include <stdlib.h>

tiao_doc *tiao_doc_new(const char *filename)
{
	tiao_doc *doc = calloc(1, sizeof *doc);
	if (!doc)
		return NULL;
	if (filename && !(doc->filename = tiao_arena_strdup(&doc->arena, filename)))
		goto oom;
	doc->root = tiao_node_new(doc, TIAO_NODE_DOCUMENT);
	if (!doc->root)
		goto oom;
	return doc;
oom:
	tiao_arena_free(&doc->arena);
	free(doc);
	return NULL;
}

void tiao_doc_free(tiao_doc *doc)
{
	if (!doc)
		return;
	tiao_arena_free(&doc->arena);
	if (doc->owned_free)
		doc->owned_free(doc->owned);
	free(doc);
}

tiao_node *tiao_node_new(tiao_doc *doc, tiao_node_kind kind)
{
	tiao_node *n = tiao_arena_alloc(&doc->arena, sizeof *n);
	if (n)
		n->kind = kind;
	return n;
}

const char *tiao_doc_strdup(tiao_doc *doc, const char *s, size_t len)
{
	return tiao_arena_strndup(&doc->arena, s, len);
}

bool tiao_node_can_contain(tiao_node_kind p, tiao_node_kind c)
{
	switch (p) {
	case TIAO_NODE_DOCUMENT:
		return c == TIAO_NODE_PART || c == TIAO_NODE_SUBPART || c == TIAO_NODE_CHAPTER ||
		       c == TIAO_NODE_SECTION || c == TIAO_NODE_ARTICLE || c == TIAO_NODE_APPENDIX;
	case TIAO_NODE_PART:
		return c == TIAO_NODE_SUBPART || c == TIAO_NODE_CHAPTER || c == TIAO_NODE_SECTION ||
		       c == TIAO_NODE_ARTICLE;
	case TIAO_NODE_SUBPART:
		return c == TIAO_NODE_CHAPTER || c == TIAO_NODE_SECTION || c == TIAO_NODE_ARTICLE;
	case TIAO_NODE_CHAPTER:
		return c == TIAO_NODE_SECTION || c == TIAO_NODE_ARTICLE;
	case TIAO_NODE_SECTION:
		return c == TIAO_NODE_ARTICLE;
	case TIAO_NODE_ARTICLE:
		return c == TIAO_NODE_PARAGRAPH;
	case TIAO_NODE_PARAGRAPH:
		return c == TIAO_NODE_ITEM;
	case TIAO_NODE_ITEM:
		return c == TIAO_NODE_SUBITEM;
	case TIAO_NODE_APPENDIX:
		return c == TIAO_NODE_PARAGRAPH;
	default:
		return false;
	}
}

int tiao_node_append(tiao_node *parent, tiao_node *child)
{
	if (!tiao_node_can_contain(parent->kind, child->kind))
		return TIAO_EINVALID;
	child->parent = parent;
	child->next = NULL;
	child->prev = parent->last;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
	return 0;
}

int tiao_node_insert_before(tiao_node *sib, tiao_node *node)
{
	tiao_node *p = sib->parent;
	if (!p || !tiao_node_can_contain(p->kind, node->kind))
		return TIAO_EINVALID;
	node->parent = p;
	node->next = sib;
	node->prev = sib->prev;
	if (sib->prev)
		sib->prev->next = node;
	else
		p->first = node;
	sib->prev = node;
	return 0;
}

int tiao_node_insert_after(tiao_node *sib, tiao_node *node)
{
	tiao_node *p = sib->parent;
	if (!p || !tiao_node_can_contain(p->kind, node->kind))
		return TIAO_EINVALID;
	node->parent = p;
	node->prev = sib;
	node->next = sib->next;
	if (sib->next)
		sib->next->prev = node;
	else
		p->last = node;
	sib->next = node;
	return 0;
}

void tiao_node_unlink(tiao_node *n)
{
	tiao_node *p = n->parent;
	if (!p)
		return;
	if (n->prev)
		n->prev->next = n->next;
	else
		p->first = n->next;
	if (n->next)
		n->next->prev = n->prev;
	else
		p->last = n->prev;
	n->parent = n->prev = n->next = NULL;
}

void tiao_node_locate(const tiao_node *n, size_t off, size_t *line, size_t *col)
{
	*line = n->line;
	*col = n->col;
	if (!n->text)
		return;
	const tiao_para *pa = n->src;
	if (pa && n->text >= pa->text && n->text <= pa->text + pa->len) {
		size_t at = (size_t)(n->text - pa->text) + off;
		if (at <= pa->len) {
			tiao_para_locate(pa, at, line, col);
			return;
		}
	}
	if (!n->line)
		return;
	/* the node is on one line: count characters from its start */
	size_t base = n->col ? n->col : 1;
	if (n->kind == TIAO_NODE_PARAGRAPH) {
		const tiao_node *art = n->parent;
		if (art && art->kind == TIAO_NODE_ARTICLE && art->first == n && art->line == n->line &&
		    art->col == n->col && art->label && *n->text)
			base += tiao_utf8_count(art->label, strlen(art->label)) + 1;
	} else if ((n->kind == TIAO_NODE_ITEM || n->kind == TIAO_NODE_SUBITEM) && n->label) {
		base += tiao_utf8_count(n->label, strlen(n->label));
	}
	size_t len = strlen(n->text);
	*col = base + tiao_utf8_count(n->text, off < len ? off : len);
}

size_t tiao_node_child_count(const tiao_node *n)
{
	size_t k = 0;
	for (const tiao_node *c = n->first; c; c = c->next)
		k++;
	return k;
}

static const char *S_dup(tiao_doc *doc, const char *s)
{
	return s ? tiao_arena_strdup(&doc->arena, s) : NULL;
}

/* Iterative deep copy: walk the source in preorder, mirroring each node under its copied parent. */
tiao_node *tiao_node_clone(tiao_doc *doc, const tiao_node *src)
{
	tiao_node *top = NULL, *cur_parent = NULL;
	const tiao_node *s = src;
	while (s) {
		tiao_node *c = tiao_node_new(doc, s->kind);
		if (!c)
			return NULL;
		c->num = s->num;
		c->sub = s->sub;
		c->line = s->line;
		c->col = s->col;
		c->base_num = s->base_num;
		c->base_sub = s->base_sub;
		c->flags = s->flags;
		c->src = NULL; /* the source paragraphs belong to the original's input */
		if ((s->label && !(c->label = S_dup(doc, s->label))) ||
		    (s->heading && !(c->heading = S_dup(doc, s->heading))) ||
		    (s->text && !(c->text = S_dup(doc, s->text))) ||
		    (s->base_id && !(c->base_id = S_dup(doc, s->base_id))))
			return NULL;
		if (!top)
			top = c;
		else
			tiao_node_append(cur_parent, c);
		if (s->first) {
			cur_parent = c;
			s = s->first;
			continue;
		}
		/* climb until a next sibling exists (within src's subtree) */
		while (s != src && !s->next) {
			s = s->parent;
			cur_parent = cur_parent->parent;
		}
		if (s == src)
			break;
		s = s->next;
	}
	return top;
}

tiao_doc *tiao_doc_clone(const tiao_doc *d)
{
	tiao_doc *c = tiao_doc_new(d->filename);
	if (!c)
		return NULL;
	c->title = S_dup(c, d->title);
	c->title_line = d->title_line;
	if (d->nnotes) {
		c->notes = tiao_arena_alloc(&c->arena, d->nnotes * sizeof *c->notes);
		if (!c->notes)
			goto oom;
		for (size_t i = 0; i < d->nnotes; i++)
			if (!(c->notes[i] = S_dup(c, d->notes[i])))
				goto oom;
		c->nnotes = d->nnotes;
	}
	if (d->ntoc) {
		c->toc = tiao_arena_alloc(&c->arena, d->ntoc * sizeof *c->toc);
		if (!c->toc)
			goto oom;
		for (size_t i = 0; i < d->ntoc; i++)
			if (!(c->toc[i] = S_dup(c, d->toc[i])))
				goto oom;
		c->ntoc = d->ntoc;
	}
	if (d->npreamble) {
		c->preamble = tiao_arena_alloc(&c->arena, d->npreamble * sizeof *c->preamble);
		if (!c->preamble)
			goto oom;
		for (size_t i = 0; i < d->npreamble; i++)
			if (!(c->preamble[i] = S_dup(c, d->preamble[i])))
				goto oom;
		c->npreamble = d->npreamble;
	}
	tiao_node *root = tiao_node_clone(c, d->root);
	if (!root)
		goto oom;
	c->root = root;
	return c;
oom:
	tiao_doc_free(c);
	return NULL;
}

int tiao_node_check(const tiao_node *root, FILE *f)
{
	int errs = 0;
	const tiao_node *n = root;
	while (n) {
		for (const tiao_node *c = n->first; c; c = c->next) {
			if (c->parent != n) {
				errs++;
				if (f)
					fprintf(f, "node %p: wrong parent\n", (const void *)c);
			}
			if (!tiao_node_can_contain(n->kind, c->kind)) {
				errs++;
				if (f)
					fprintf(f, "%s cannot contain %s (line %zu)\n", tiao_node_kind_name(n->kind),
					        tiao_node_kind_name(c->kind), c->line);
			}
			if ((c->next && c->next->prev != c) || (!c->next && n->last != c)) {
				errs++;
				if (f)
					fprintf(f, "broken sibling links at line %zu\n", c->line);
			}
		}
		if (n->kind == TIAO_NODE_ARTICLE && !n->first) {
			errs++;
			if (f)
				fprintf(f, "article %s without paragraphs (line %zu)\n",
				        n->label ? n->label : "?", n->line);
		}
		/* preorder advance */
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n != root && !n->next)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
	return errs;
}

tiao_node *tiao_doc_first_article(const tiao_doc *doc)
{
	tiao_node *n = doc->root->first;
	while (n) {
		if (n->kind == TIAO_NODE_ARTICLE)
			return n;
		if (n->kind >= TIAO_NODE_FIRST_DIVISION && n->kind <= TIAO_NODE_LAST_DIVISION && n->first) {
			n = n->first;
			continue;
		}
		while (n->parent && !n->next)
			n = n->parent;
		n = n->next;
	}
	return NULL;
}

tiao_node *tiao_article_next(const tiao_node *art)
{
	tiao_node *n = (tiao_node *)art;
	/* leave the article, then walk divisions in preorder until the next article */
	for (;;) {
		while (n->parent && !n->next)
			n = n->parent;
		if (!n->parent)
			return NULL;
		n = n->next;
		while (n && n->kind != TIAO_NODE_ARTICLE) {
			if (n->kind >= TIAO_NODE_FIRST_DIVISION && n->kind <= TIAO_NODE_LAST_DIVISION &&
			    n->first) {
				n = n->first;
				continue;
			}
			break;
		}
		if (!n)
			return NULL;
		if (n->kind == TIAO_NODE_ARTICLE)
			return n;
		/* an empty division or an appendix: continue after it */
	}
}

/* ---- public accessors ---- */

const char *tiao_node_kind_name(tiao_node_kind k)
{
	switch (k) {
	case TIAO_NODE_DOCUMENT: return "regulation";
	case TIAO_NODE_PART: return "part";
	case TIAO_NODE_SUBPART: return "subpart";
	case TIAO_NODE_CHAPTER: return "chapter";
	case TIAO_NODE_SECTION: return "section";
	case TIAO_NODE_ARTICLE: return "article";
	case TIAO_NODE_PARAGRAPH: return "paragraph";
	case TIAO_NODE_ITEM: return "item";
	case TIAO_NODE_SUBITEM: return "subitem";
	case TIAO_NODE_APPENDIX: return "appendix";
	default: return "none";
	}
}

const char *tiao_doc_title(const tiao_doc *d) { return d->title; }
size_t tiao_doc_note_count(const tiao_doc *d) { return d->nnotes; }
const char *tiao_doc_note(const tiao_doc *d, size_t i) { return i < d->nnotes ? d->notes[i] : NULL; }
const char *tiao_doc_filename(const tiao_doc *d) { return d->filename; }
tiao_node *tiao_doc_root(const tiao_doc *d) { return d->root; }

size_t tiao_doc_article_count(const tiao_doc *d)
{
	size_t k = 0;
	for (tiao_node *a = tiao_doc_first_article(d); a; a = tiao_article_next(a))
		k++;
	return k;
}

tiao_node *tiao_doc_find_article(const tiao_doc *d, int num, int sub)
{
	for (tiao_node *a = tiao_doc_first_article(d); a; a = tiao_article_next(a))
		if (a->num == num && a->sub == sub)
			return a;
	return NULL;
}

tiao_node_kind tiao_node_kind_of(const tiao_node *n) { return n->kind; }
tiao_node *tiao_node_parent(const tiao_node *n) { return n->parent; }
tiao_node *tiao_node_first_child(const tiao_node *n) { return n->first; }
tiao_node *tiao_node_last_child(const tiao_node *n) { return n->last; }
tiao_node *tiao_node_next(const tiao_node *n) { return n->next; }
tiao_node *tiao_node_prev(const tiao_node *n) { return n->prev; }
int tiao_node_num(const tiao_node *n) { return n->num; }
int tiao_node_sub(const tiao_node *n) { return n->sub; }
const char *tiao_node_label(const tiao_node *n) { return n->label; }
const char *tiao_node_heading(const tiao_node *n) { return n->heading; }
const char *tiao_node_text(const tiao_node *n) { return n->text; }
size_t tiao_node_line(const tiao_node *n) { return n->line; }

/* ---- iterator ---- */

int tiao_iter_new(tiao_iter **out, tiao_node *root)
{
	tiao_iter *it = calloc(1, sizeof *it);
	if (!it)
		return TIAO_ENOMEM;
	it->root = root;
	it->cur = NULL;
	it->ev = TIAO_EVENT_NONE;
	*out = it;
	return 0;
}

static bool S_leaf(const tiao_node *n) { return n->first == NULL; }

tiao_event tiao_iter_next(tiao_iter *it)
{
	if (it->ev == TIAO_EVENT_DONE)
		return TIAO_EVENT_DONE;
	if (it->ev == TIAO_EVENT_NONE) {
		it->cur = it->root;
		it->ev = TIAO_EVENT_ENTER;
		return it->ev;
	}
	tiao_node *n = it->cur;
	if (it->ev == TIAO_EVENT_ENTER && !S_leaf(n)) {
		it->cur = n->first;
		it->ev = TIAO_EVENT_ENTER;
		return it->ev;
	}
	/* n is exited (or is a leaf that was entered: treat as exited) */
	if (n == it->root) {
		if (it->ev == TIAO_EVENT_ENTER) {
			it->ev = TIAO_EVENT_EXIT;
			return it->ev;
		}
		it->ev = TIAO_EVENT_DONE;
		it->cur = NULL;
		return it->ev;
	}
	if (it->ev == TIAO_EVENT_ENTER && S_leaf(n)) {
		it->ev = TIAO_EVENT_EXIT;
		return it->ev;
	}
	if (n->next) {
		it->cur = n->next;
		it->ev = TIAO_EVENT_ENTER;
		return it->ev;
	}
	it->cur = n->parent;
	it->ev = TIAO_EVENT_EXIT;
	return it->ev;
}

tiao_node *tiao_iter_node(const tiao_iter *it) { return it->cur; }

void tiao_iter_reset(tiao_iter *it, tiao_node *node, tiao_event ev)
{
	it->cur = node;
	it->ev = ev;
}

void tiao_iter_free(tiao_iter *it) { free(it); }
