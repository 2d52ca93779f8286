/*
 * numeral.c — Chinese numerals as written in statute labels (第一百零一条, 第二十条之一, （十一）).
 *
 * Reading: a numeral is a run of digit characters (零〇一二两三四五六七八九 and 壹贰叁肆伍陆柒捌玖)
 * and unit characters (十百千万, 拾佰仟). Each digit is held until a unit multiplies it; 万 closes a
 * group of four. A leading 十 means 1×10. Runs like 二〇二〇 (digits only, no units) read positionally.
 * Writing follows the drafting convention: 十 for 10 and 十X for 11–19 at the head of a number, but 一十
 * inside (一百一十), 零 for each gap of zeros (一百零一, 一千零一十).
 */
#include "numeral.h"

#include "text.h"

static int S_digit(uint32_t cp)
{
	switch (cp) {
	case 0x96F6: case 0x3007: return 0;            /* 零 〇 */
	case 0x4E00: case 0x58F9: return 1;            /* 一 壹 */
	case 0x4E8C: case 0x4E24: case 0x8D30: return 2; /* 二 两 贰 */
	case 0x4E09: case 0x53C1: return 3;            /* 三 叁 */
	case 0x56DB: case 0x8086: return 4;            /* 四 肆 */
	case 0x4E94: case 0x4F0D: return 5;            /* 五 伍 */
	case 0x516D: case 0x9646: return 6;            /* 六 陆 */
	case 0x4E03: case 0x67D2: return 7;            /* 七 柒 */
	case 0x516B: case 0x634C: return 8;            /* 八 捌 */
	case 0x4E5D: case 0x7396: return 9;            /* 九 玖 */
	default: return -1;
	}
}

static int S_unit(uint32_t cp)
{
	switch (cp) {
	case 0x5341: case 0x62FE: return 10;    /* 十 拾 */
	case 0x767E: case 0x4F70: return 100;   /* 百 佰 */
	case 0x5343: case 0x4EDF: return 1000;  /* 千 仟 */
	case 0x4E07: return 10000;              /* 万 */
	default: return 0;
	}
}

bool tiao_num_is_cn(uint32_t cp) { return S_digit(cp) >= 0 || S_unit(cp) > 0; }

#define NUM_MAX 99999999L

long tiao_num_read(const char *s, size_t len, size_t *used)
{
	size_t i = 0;
	*used = 0;
	if (len == 0)
		return -1;
	size_t k = 0;
	uint32_t cp = tiao_utf8_next(s, len, &k);
	if (tiao_cp_is_digit(cp)) {
		long v = 0;
		while (i < len) {
			size_t j = i;
			uint32_t c = tiao_utf8_next(s, len, &j);
			int d = tiao_cp_digit(c);
			if (d < 0)
				break;
			if (v > NUM_MAX / 10)
				return -1;
			v = v * 10 + d;
			i = j;
		}
		*used = i;
		return v;
	}
	if (!tiao_num_is_cn(cp))
		return -1;
	/* Positional runs (二〇二〇) read digit by digit; otherwise digits multiply the unit after
	 * them (a unit with no digit before it counts once: 十一 = 11), 万 closes a group. */
	long total = 0, section = 0, digit = 0, positional = 0;
	bool have_digit = false, any_unit = false;
	size_t ndig_run = 0;
	while (i < len) {
		size_t j = i;
		uint32_t c = tiao_utf8_next(s, len, &j);
		int d = S_digit(c);
		int u = S_unit(c);
		if (d < 0 && u == 0)
			break;
		if (d >= 0) {
			if (have_digit && !any_unit) {
				/* a second digit with no unit yet: positional reading */
				if (ndig_run == 1)
					positional = digit;
				positional = positional * 10 + d;
				if (positional > NUM_MAX)
					return -1;
				ndig_run++;
			} else {
				if (have_digit && digit != 0 && d != 0)
					break; /* 一百二三: stop before the stray digit */
				ndig_run = 1;
			}
			digit = d;
			have_digit = true;
		} else {
			if (ndig_run > 1)
				break; /* 二〇十: a positional run cannot take a unit */
			if (u == 10000) {
				section += digit;
				if (section == 0 && total == 0)
					break;
				total = (total + section) * 10000;
				if (total > NUM_MAX)
					return -1;
				section = 0;
			} else {
				long m = (have_digit && digit > 0) ? digit : 1;
				section += m * u;
			}
			digit = 0;
			have_digit = false;
			any_unit = true;
			ndig_run = 0;
		}
		i = j;
	}
	if (i == 0)
		return -1;
	long v;
	if (!any_unit && ndig_run > 1)
		v = positional;
	else
		v = total + section + digit;
	if (v > NUM_MAX)
		return -1;
	*used = i;
	return v;
}

static const char *const S_digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* Write 0 < n < 10000; head: this is the leading group (十 instead of 一十). */
static void S_write_group(tiao_buf *b, long n, bool head)
{
	static const char *const units[] = {"千", "百", "十", ""};
	static const long div[] = {1000, 100, 10, 1};
	bool started = false, zero = false;
	for (int k = 0; k < 4; k++) {
		long d = (n / div[k]) % 10;
		if (d == 0) {
			if (started)
				zero = true;
			continue;
		}
		if (zero) {
			tiao_buf_puts(b, "零");
			zero = false;
		}
		if (!(k == 2 && d == 1 && !started && head))
			tiao_buf_puts(b, S_digits[d]);
		tiao_buf_puts(b, units[k]);
		started = true;
	}
}

void tiao_num_write(tiao_buf *b, long n)
{
	if (n <= 0) {
		tiao_buf_puts(b, "零");
		return;
	}
	if (n >= 10000) {
		long hi = n / 10000, lo = n % 10000;
		S_write_group(b, hi, true);
		tiao_buf_puts(b, "万");
		if (lo) {
			if (lo < 1000)
				tiao_buf_puts(b, "零");
			S_write_group(b, lo, false);
		}
		return;
	}
	S_write_group(b, n, true);
}

static const char *S_kind_utf8(uint32_t kind, char tmp[5])
{
	size_t n = 0;
	tiao_buf b = TIAO_BUF_INIT;
	tiao_buf_put_cp(&b, kind);
	n = b.len < 4 ? b.len : 4;
	memcpy(tmp, b.data, n);
	tmp[n] = '\0';
	tiao_buf_free(&b);
	return tmp;
}

int tiao_label_read(const char *s, size_t len, uint32_t kind, long *num, long *sub, size_t *used)
{
	/* 第 */
	if (len < 3 || memcmp(s, "第", 3) != 0)
		return 0;
	size_t i = 3, n;
	/* allow whitespace between 第 and the numeral only if none — statutes never space it */
	long v = tiao_num_read(s + i, len - i, &n);
	if (v < 0)
		return 0;
	i += n;
	size_t j = i;
	if (j >= len || tiao_utf8_next(s, len, &j) != kind)
		return 0;
	i = j;
	long sv = 0;
	/* 之一 */
	if (i + 3 <= len && memcmp(s + i, "之", 3) == 0) {
		size_t m;
		long w = tiao_num_read(s + i + 3, len - i - 3, &m);
		if (w > 0) {
			sv = w;
			i += 3 + m;
		}
	}
	*num = v;
	*sub = sv;
	*used = i;
	return 1;
}

int tiao_item_label_read(const char *s, size_t len, long *num, size_t *used)
{
	size_t i = 0;
	if (len == 0)
		return 0;
	uint32_t open = tiao_utf8_next(s, len, &i);
	uint32_t close;
	if (open == 0xFF08)
		close = 0xFF09;
	else if (open == '(')
		close = ')';
	else if (open == 0xFE59)
		close = 0xFE5A;
	else
		return 0;
	size_t n;
	long v = tiao_num_read(s + i, len - i, &n);
	if (v <= 0)
		return 0;
	i += n;
	if (i >= len)
		return 0;
	uint32_t c = tiao_utf8_next(s, len, &i);
	/* tolerate mixed full/half-width parentheses: （一) */
	if (c != close && c != ')' && c != 0xFF09)
		return 0;
	*num = v;
	*used = i;
	return 1;
}

int tiao_subitem_label_read(const char *s, size_t len, long *num, size_t *used)
{
	size_t i = 0, n;
	if (len == 0)
		return 0;
	size_t k = 0;
	uint32_t first = tiao_utf8_next(s, len, &k);
	if (!tiao_cp_is_digit(first))
		return 0;
	long v = tiao_num_read(s, len, &n);
	if (v <= 0)
		return 0;
	i = n;
	if (i >= len)
		return 0;
	uint32_t c = tiao_utf8_next(s, len, &i);
	if (c != '.' && c != 0xFF0E && c != 0x3001)
		return 0;
	/* 1.5 is a number, not a label */
	if (i < len) {
		size_t t = i;
		uint32_t nx = tiao_utf8_next(s, len, &t);
		if (tiao_cp_is_digit(nx))
			return 0;
	}
	*num = v;
	*used = i;
	return 1;
}

void tiao_label_write(tiao_buf *b, uint32_t kind, long num, long sub)
{
	char tmp[5];
	tiao_buf_puts(b, "第");
	tiao_num_write(b, num);
	tiao_buf_puts(b, S_kind_utf8(kind, tmp));
	if (sub > 0) {
		tiao_buf_puts(b, "之");
		tiao_num_write(b, sub);
	}
}

void tiao_item_label_write(tiao_buf *b, long num)
{
	tiao_buf_puts(b, "（");
	tiao_num_write(b, num);
	tiao_buf_puts(b, "）");
}
