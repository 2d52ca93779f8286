/*
 * numeral.h — Chinese numerals as used in statute labels, both ways.
 *
 * Reading accepts 〇 零 一 二 两 三 … 九 十 百 千 万 (and 壹贰叁… financial forms), ASCII and
 * full-width digits: 一百零一 = 101, 一百一十 = 110, 十 = 10, 两千 = 2000, ２０ = 20.
 * Writing produces the form of statute labels: 十, 十一, 二十, 一百零一, 一百一十, 一千零一十.
 */
#ifndef TIAO_NUMERAL_H
#define TIAO_NUMERAL_H

#include "util.h"

/* Whether cp is a Chinese numeral character. */
bool tiao_num_is_cn(uint32_t cp);
/* Read a number (Chinese numerals or digits, not mixed) at the start of s. On success returns the
 * value and sets *used to the bytes consumed; returns -1 (and *used = 0) if s does not start with a
 * number or the number is malformed or larger than 99,999,999. */
long tiao_num_read(const char *s, size_t len, size_t *used);
/* Append n (1..99,999,999) in Chinese numerals. */
void tiao_num_write(tiao_buf *b, long n);

/* Labels. Each reader returns 1 and fills its outputs if s starts with the label, else 0. */
/* 第X条, 第X条之Y. kind is the level character: 条 章 节 编 款 项 目. */
int tiao_label_read(const char *s, size_t len, uint32_t kind, long *num, long *sub, size_t *used);
/* （一） (一) ﹙一﹚ — item labels. */
int tiao_item_label_read(const char *s, size_t len, long *num, size_t *used);
/* 1. １． 1、 １、 — sub-item labels (目). */
int tiao_subitem_label_read(const char *s, size_t len, long *num, size_t *used);

/* Write labels in the canonical form: 第十条, 第十条之一, （一）. */
void tiao_label_write(tiao_buf *b, uint32_t kind, long num, long sub);
void tiao_item_label_write(tiao_buf *b, long num);

#endif
