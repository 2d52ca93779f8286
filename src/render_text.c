/*
 * render_text.c — canonical text (cli-contract.md, "Canonical text"): one paragraph per line.
 *
 *   title
 *   题注 lines as they were
 *   目录 and its lines (if any), preamble paragraphs (if any)
 *   第一章　总　则                 divisions: label, U+3000, heading (or the bare heading: 附则)
 *   第一条　first paragraph        articles: label, U+3000, the text of their first 款
 *   second paragraph               every further 款, 项 (label + text) and 目 on its own line
 *   附件一                         appendices: their heading line, then their paragraphs
 *
 * Parsing this output again yields the same tree (tests/unit/test_render.c checks it).
 */
#include "render.h"

#define IDEO_SPACE "\xE3\x80\x80" /* U+3000 */

static void S_line(tiao_buf *b, const char *s)
{
	if (s)
		tiao_buf_puts(b, s);
	tiao_buf_putc(b, '\n');
}

static void S_node(tiao_buf *b, const tiao_node *n)
{
	switch (n->kind) {
	case TIAO_NODE_PART:
	case TIAO_NODE_SUBPART:
	case TIAO_NODE_CHAPTER:
	case TIAO_NODE_SECTION:
		if (n->label)
			tiao_buf_puts(b, n->label);
		if (n->label && n->heading && *n->heading)
			tiao_buf_puts(b, IDEO_SPACE);
		if (n->heading)
			tiao_buf_puts(b, n->heading);
		tiao_buf_putc(b, '\n');
		break;
	case TIAO_NODE_ARTICLE:
		/* the label and the first paragraph share a line: written with the paragraph */
		break;
	case TIAO_NODE_PARAGRAPH:
		if (n->parent && n->parent->kind == TIAO_NODE_ARTICLE && n == n->parent->first) {
			tiao_buf_puts(b, n->parent->label ? n->parent->label : "");
			if (n->text && *n->text) {
				tiao_buf_puts(b, IDEO_SPACE);
				tiao_buf_puts(b, n->text);
			}
			tiao_buf_putc(b, '\n');
		} else {
			S_line(b, n->text ? n->text : "");
		}
		break;
	case TIAO_NODE_ITEM:
	case TIAO_NODE_SUBITEM:
		if (n->label)
			tiao_buf_puts(b, n->label);
		S_line(b, n->text ? n->text : "");
		break;
	case TIAO_NODE_APPENDIX:
		if (n->label)
			tiao_buf_puts(b, n->label);
		if (n->label && n->heading && *n->heading)
			tiao_buf_puts(b, IDEO_SPACE);
		if (n->heading)
			tiao_buf_puts(b, n->heading);
		tiao_buf_putc(b, '\n');
		break;
	default:
		break;
	}
}

int tiao_render_text(tiao_buf *out, const tiao_doc *doc)
{
	if (!out || !doc)
		return TIAO_EINVALID;
	S_line(out, doc->title ? doc->title : "");
	for (size_t i = 0; i < doc->nnotes; i++)
		S_line(out, doc->notes[i]);
	for (size_t i = 0; i < doc->ntoc; i++)
		S_line(out, doc->toc[i]);
	for (size_t i = 0; i < doc->npreamble; i++)
		S_line(out, doc->preamble[i]);
	/* preorder walk of the tree below the root */
	const tiao_node *root = doc->root, *n = root ? root->first : NULL;
	while (n) {
		S_node(out, n);
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
	return out->failed ? TIAO_ENOMEM : 0;
}
