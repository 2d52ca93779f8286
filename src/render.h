/*
 * render.h — shared helpers of the renderers (render_text.c, render_json.c, render_akn.c, …).
 */
#ifndef TIAO_RENDER_H
#define TIAO_RENDER_H

#include "node.h"

/* Append s as a JSON string literal (with quotes). */
void tiao_json_str(tiao_buf *b, const char *s);
/* The same for the len bytes at s (not NUL-terminated). */
void tiao_json_strn(tiao_buf *b, const char *s, size_t len);
/* Append the children of a document tree as JSON (the "children" array value). */
void tiao_json_nodes(tiao_buf *b, const tiao_node *first);

#endif
