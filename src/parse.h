/*
 * parse.h — regulation paragraphs → document tree.
 *
 * Recognises the title, the 题注 (adoption/amendment history, in parentheses or as dated lines),
 * an optional 目录, divisions 编/分编/章/节 (with 第X章 label and heading), 条 (第X条, 第X条之一),
 * 款 (every further paragraph of an article), 项 （一）, 目 1. , and 附件 after the last article.
 */
#ifndef TIAO_PARSE_H
#define TIAO_PARSE_H

#include "gazette.h"
#include "node.h"

/* Build a tree from paragraphs [first, first+n) of paras. */
int tiao_parse_paras(tiao_doc **out, const tiao_paras *paras, size_t first, size_t n,
                     const char *filename, tiao_error *err);

#endif
