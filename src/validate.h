/*
 * validate.h — the numbering and cross-reference validator (tiao_validate in tiao.h).
 *
 * Check ids handed to the diagnostic callback (every one an error):
 *   article-gap, article-duplicate, article-order, sub-article       条 1..N across the text, 之N
 *   part-*, subpart-*, chapter-*, section-* (gap|duplicate|order)     编/分编/章/节 within parent
 *   item-sequence, subitem-sequence                                   项 within 款, 目 within 项
 *   empty-provision                                                   条/款/项/目 without text
 *   xref-missing-article, xref-missing-paragraph, xref-missing-item  dangling internal references
 *   xref-missing-part, xref-missing-chapter, xref-missing-section    … to 编, 章, 节 (第X章, 第X章第Y节,
 *                                                                    a bare 第Y节, 本编第X章, 本章第Y节,
 *                                                                    本编/本章/本节 outside such a division)
 */
#ifndef TIAO_VALIDATE_H
#define TIAO_VALIDATE_H

#include "node.h"

#endif
