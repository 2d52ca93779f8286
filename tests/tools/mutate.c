/*
 * mutate.c — deterministic input mutator for robustness tests:
 *   mutate SEED IN OUT
 * Applies 1–8 random edits to IN and writes OUT: byte flips, deletions and duplications of ranges,
 * inserted statute labels (第X条, 第X章, （X）, 之一), inserted quotes and brackets, stray invalid
 * UTF-8 (rarely), truncation. The same SEED always gives the same output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long S_state;
static unsigned S_rand(void)
{
	S_state = S_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(S_state >> 33);
}

static const char *const S_snippets[] = {
    "第十条", "第一百零一条　", "第三章　", "第二节　", "（一）", "（十一）", "(二)", "1.", "之一",
    "“", "”", "‘", "《", "》", "«", "»", "\n", "\n\n", "　", "第", "条", "款", "项", "本条例第五条第二款第（一）、（四）项",
    "前款", "第十条至第十二条", "删去第十八条。", "将第二条修改为：“", "增加一条，作为第十条：", "中的“",
    "”修改为“", "（２０２０年９月３０日通过）", "—１２—", " ", "\xef\xbb\xbf",
};

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: mutate SEED IN OUT\n");
		return 2;
	}
	S_state = strtoull(argv[1], NULL, 10) * 2654435761ULL + 1;
	FILE *f = fopen(argv[2], "rb");
	if (!f)
		return 2;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	size_t cap = (size_t)n * 3 + 4096, len = (size_t)n;
	char *b = malloc(cap);
	if (!b || fread(b, 1, len, f) != len)
		return 2;
	fclose(f);
	int edits = 1 + (int)(S_rand() % 8);
	for (int e = 0; e < edits; e++) {
		size_t at = len ? S_rand() % len : 0;
		switch (S_rand() % 8) {
		case 0: /* flip a byte (rarely makes invalid UTF-8) */
			if (len && S_rand() % 4 == 0)
				b[at] = (char)(S_rand() & 0xFF);
			break;
		case 1: { /* delete a range */
			size_t k = S_rand() % 200;
			if (at + k > len)
				k = len - at;
			memmove(b + at, b + at + k, len - at - k);
			len -= k;
			break;
		}
		case 2: { /* duplicate a range */
			size_t k = S_rand() % 400;
			if (at + k > len)
				k = len - at;
			if (len + k >= cap)
				break;
			memmove(b + at + k, b + at, len - at);
			len += k;
			break;
		}
		case 7: /* truncate */
			if (S_rand() % 3 == 0)
				len = at;
			break;
		default: { /* insert a snippet */
			const char *s = S_snippets[S_rand() % (sizeof S_snippets / sizeof S_snippets[0])];
			size_t k = strlen(s);
			if (len + k >= cap)
				break;
			memmove(b + at + k, b + at, len - at);
			memcpy(b + at, s, k);
			len += k;
			break;
		}
		}
	}
	f = fopen(argv[3], "wb");
	if (!f || fwrite(b, 1, len, f) != len)
		return 2;
	fclose(f);
	free(b);
	return 0;
}
