#!/bin/sh
# tests/cli/validate.sh — `tiao validate` end to end.
#
#  - every official text of the corpus (before.txt and after.txt) validates clean (exit 0, silent);
#  - fixtures made from real corpus files with one planted fault each (tests/data/validate/*.txt,
#    see README there) give exactly the diagnostic in the matching .expected file, exit 1;
#  - one fixture is derived here from the 刑法 text (an inserted article 之二 removed);
#  - --caret, -f json, stdin, several files, usage errors, unreadable input;
#  - a large synthetic law validates in linear time.
# Prints one PASS/FAIL line per check; exits non-zero if any check failed.
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && cd ../shared 2>/dev/null && pwd)}
[ -n "$SHARED" ] && [ -d "$SHARED/corpus" ] || SHARED=/work/shared
D=tests/data/validate
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
fails=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }

# ---- usage ----
"$TIAO" validate --help >"$TMP/out" 2>&1 && grep -q 'usage: tiao validate' "$TMP/out" \
	&& pass "validate --help" || fail "validate --help"
"$TIAO" validate >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q "Try 'tiao validate --help'" "$TMP/err" \
	&& pass "validate without a file: exit 2" || fail "validate without a file: exit 2 (got $st)"
"$TIAO" validate --bogus "$D/wanjiazhai-article-gap.txt" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "unknown option: exit 2" || fail "unknown option: exit 2 (got $st)"
"$TIAO" validate -f xml "$D/wanjiazhai-article-gap.txt" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "-f xml refused: exit 2" || fail "-f xml refused: exit 2 (got $st)"
"$TIAO" validate "$TMP/does-not-exist.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q 'cannot read' "$TMP/err" \
	&& pass "unreadable file: exit 2" || fail "unreadable file: exit 2 (got $st)"
printf '\344\270\255\377\n' >"$TMP/bad.txt"
"$TIAO" validate "$TMP/bad.txt" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "invalid UTF-8: exit 2" || fail "invalid UTF-8: exit 2 (got $st)"

# ---- the official texts: no diagnostic ----
n=0; bad=0
for f in "$SHARED"/corpus/*/before.txt "$SHARED"/corpus/*/after.txt; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	"$TIAO" validate "$f" >"$TMP/out" 2>"$TMP/err"; st=$?
	case=$(basename "$(dirname "$f")")/$(basename "$f")
	if [ $st -eq 0 ] && [ ! -s "$TMP/err" ] && [ ! -s "$TMP/out" ]; then
		pass "corpus $case validates clean"
	else
		bad=$((bad + 1))
		fail "corpus $case validates clean (exit $st)"
		head -n 5 "$TMP/err"
	fi
done
[ $n -ge 50 ] && pass "corpus: $n official texts checked" || fail "corpus: only $n texts found under $SHARED"

# ---- the eight regulations of the sample gazette (split out first) ----
G=$SHARED/gazette/shanxi-rdcwh-gazette-2020-05.txt
mkdir -p "$TMP/gz"
if "$TIAO" split "$G" -o "$TMP/gz" >/dev/null 2>"$TMP/err"; then
	n=0
	for f in "$TMP"/gz/*-regulation.txt; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		"$TIAO" validate "$f" >/dev/null 2>"$TMP/err"; st=$?
		if [ $st -eq 0 ] && [ ! -s "$TMP/err" ]; then
			pass "gazette regulation $(head -n 1 "$f") validates clean"
		else
			fail "gazette regulation $(head -n 1 "$f") validates clean (exit $st)"
			head -n 5 "$TMP/err"
		fi
	done
	[ $n -eq 8 ] && pass "gazette: 8 regulations checked" || fail "gazette: $n regulations found, 8 expected"
else
	fail "gazette: tiao split failed"; head -n 3 "$TMP/err"
fi

"$TIAO" validate "$G" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q 'holds 58 documents (8 regulations).*tiao split' "$TMP/err" \
	&& pass "a whole gazette is refused with a hint to split it" \
	|| fail "a whole gazette is refused (exit $st)"

# ---- planted faults: exactly the expected diagnostic ----
for f in "$D"/*.txt; do
	exp=${f%.txt}.expected
	[ -f "$exp" ] || continue
	name=$(basename "$f" .txt)
	"$TIAO" validate "$f" >"$TMP/out" 2>"$TMP/err"; st=$?
	if [ $st -eq 1 ] && cmp -s "$TMP/err" "$exp" && [ ! -s "$TMP/out" ]; then
		pass "planted fault $name"
	else
		fail "planted fault $name (exit $st)"
		echo "  expected:"; sed 's/^/    /' "$exp"
		echo "  got:"; sed 's/^/    /' "$TMP/err"
	fi
done

# 刑法: remove 第一百二十条之二 (its six lines), so 之三 follows 之一
X=$SHARED/corpus/national_xingfa_xiuzhengan12_2023/before.txt
if [ -f "$X" ] && sed -n 300p "$X" | grep -q '^第一百二十条之二 ' && sed -n 306p "$X" | grep -q '^第一百二十条之三 '; then
	sed '300,305d' "$X" >"$TMP/xingfa.txt"
	"$TIAO" validate "$TMP/xingfa.txt" >/dev/null 2>"$TMP/err"; st=$?
	want="$TMP/xingfa.txt:300:1: error: 第一百二十条之三 must follow 第一百二十条之二, not 第一百二十条之一 [sub-article]"
	if [ $st -eq 1 ] && [ "$(cat "$TMP/err")" = "$want" ]; then
		pass "planted fault xingfa sub-article"
	else
		fail "planted fault xingfa sub-article (exit $st)"; sed 's/^/    /' "$TMP/err" | head -n 5
	fi
else
	fail "planted fault xingfa sub-article: 刑法 text not where expected"
fi

# 刑法: chapters restart in every 编 — references to 章/节 are looked up in the 编 they name
# (总则第四章 = 第一编第四章, 本编第十一章 = the current 编's); 刑法第二编… names another act
if [ -f "$X" ] && sed -n 33p "$X" | grep -q '本法总则第四章第八节的规定' \
	&& sed -n 274p "$X" | grep -q '^第一百零六条 .*实施本章第一百零三条'; then
	sed '33s/总则第四章第八节/总则第四章第九节/' "$X" >"$TMP/xf-sec.txt"
	sed '274s/实施本章第一百零三条/实施本编第十一章第一百零三条/' "$X" >"$TMP/xf-chap.txt"
	sed '274s/实施本章第一百零三条/实施刑法第二编第十一章第一百零三条/' "$X" >"$TMP/xf-ext.txt"
	"$TIAO" validate "$TMP/xf-sec.txt" >/dev/null 2>"$TMP/e1"; s1=$?
	"$TIAO" validate "$TMP/xf-chap.txt" >/dev/null 2>"$TMP/e2"; s2=$?
	"$TIAO" validate "$TMP/xf-ext.txt" >/dev/null 2>"$TMP/e3"; s3=$?
	w1="$TMP/xf-sec.txt:33:70: error: reference to 第一编第四章第九节, but 第四章 has 8 sections [xref-missing-section]"
	w2="$TMP/xf-chap.txt:274:27: error: reference to 第二编第十一章, but 第二编 has 10 chapters [xref-missing-chapter]"
	if [ $s1 -eq 1 ] && [ "$(cat "$TMP/e1")" = "$w1" ] && [ $s2 -eq 1 ] && [ "$(cat "$TMP/e2")" = "$w2" ] \
		&& [ $s3 -eq 0 ] && [ ! -s "$TMP/e3" ]; then
		pass "planted faults xingfa chapter/section references"
	else
		fail "planted faults xingfa chapter/section references (exit $s1/$s2/$s3)"
		cat "$TMP/e1" "$TMP/e2" "$TMP/e3" | head -n 5
	fi
else
	fail "planted faults xingfa chapter/section references: 刑法 text not where expected"
fi

# ---- --caret: the source line and a caret under the reference ----
f=$D/wanjiazhai-xref-article.txt
"$TIAO" validate --caret "$f" >/dev/null 2>"$TMP/err"
line2=$(sed -n 2p "$TMP/err")
line3=$(sed -n 3p "$TMP/err")
src=$(sed -n 48p "$f")
# column 11: 第二十条 (8 cells) + U+3000 (2) + 违反本条例 (10) = 20 cells before the caret
if [ "$(wc -l <"$TMP/err")" -eq 3 ] && [ "$line2" = "$src" ] && [ "$line3" = "                    ^" ]; then
	pass "--caret shows the source line and a caret"
else
	fail "--caret shows the source line and a caret"; cat "$TMP/err" | head -n 5
fi

# ---- -f json ----
"$TIAO" validate -f json "$D/wanjiazhai-article-gap.txt" >"$TMP/out" 2>"$TMP/err"; st=$?
if [ $st -eq 1 ] && grep -q '^{"diagnostics": \[' "$TMP/out" \
	&& grep -q '"file": "tests/data/validate/wanjiazhai-article-gap.txt", "line": 27, "col": 1, "severity": "error", "check": "article-gap", "message": "第十条 follows 第八条: 第九条 is missing"}' "$TMP/out" \
	&& [ "$(grep -c '"check"' "$TMP/out")" -eq 1 ] && [ ! -s "$TMP/err" ]; then
	pass "-f json lists the diagnostic"
else
	fail "-f json lists the diagnostic (exit $st)"; head -n 5 "$TMP/out"
fi
"$TIAO" validate --format=json "$SHARED/corpus/shanxi_wanjiazhai/after.txt" >"$TMP/out" 2>&1; st=$?
[ $st -eq 0 ] && [ "$(cat "$TMP/out")" = '{"diagnostics": []}' ] \
	&& pass "-f json on a clean text: empty list" || fail "-f json on a clean text (exit $st)"
if command -v python3 >/dev/null 2>&1; then
	"$TIAO" validate -f json "$D"/*.txt >"$TMP/out" 2>/dev/null
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["diagnostics"]) >= 8' "$TMP/out" \
		&& pass "-f json is valid JSON" || fail "-f json is valid JSON"
fi

# ---- stdin, several files ----
"$TIAO" validate - <"$D/wanjiazhai-article-gap.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 1 ] && grep -q '^<stdin>:27:1: error: .*\[article-gap\]$' "$TMP/err" \
	&& pass "stdin is read as -" || fail "stdin is read as - (exit $st)"
"$TIAO" validate "$SHARED/corpus/shanxi_wanjiazhai/after.txt" "$D/wanjiazhai-article-gap.txt" \
	"$D/wanjiazhai-item-order.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 1 ] && [ "$(wc -l <"$TMP/err")" -eq 2 ] \
	&& pass "several files: one diagnostic each" || fail "several files (exit $st)"
"$TIAO" validate "$D/wanjiazhai-article-gap.txt" "$TMP/missing.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q 'article-gap' "$TMP/err" \
	&& pass "an unreadable file among others: exit 2, the others still checked" \
	|| fail "an unreadable file among others (exit $st)"

# ---- linear time: a synthetic law of about 50 MB, every article referring back ----
awk '
function cn4(n, top,   s, th, h, t, u) {
	th = int(n / 1000); h = int(n / 100) % 10; t = int(n / 10) % 10; u = n % 10; s = "";
	if (th) s = d[th] "千";
	if (h) s = s d[h] "百"; else if (th && (t || u)) s = s "零";
	if (t) { if (t == 1 && !th && !h && top) s = s "十"; else s = s d[t] "十"; }
	else if (h && u) s = s "零";
	if (u) s = s d[u];
	return s;
}
function cn(n,   hi, lo) {
	if (n < 10000) return cn4(n, 1);
	hi = int(n / 10000); lo = n % 10000;
	return cn4(hi, 1) "万" (lo > 0 && lo < 1000 ? "零" : "") (lo ? cn4(lo, 0) : "");
}
BEGIN {
	split("一 二 三 四 五 六 七 八 九", a, " ");
	for (k = 1; k <= 9; k++) d[k] = a[k];
	print "大型测试条例";
	for (i = 1; i <= 120000; i++) {
		printf "第%s条　依照本条例第%s条和前条的规定，有关部门应当依法履行职责，", cn(i), cn(i > 1 ? i - 1 : 1);
		printf "对违反规定的行为进行调查处理，并将处理结果向社会公布，接受社会监督。";
		printf "有关单位和个人应当予以配合，不得拒绝、阻挠或者隐瞒有关情况。\n";
		printf "有下列情形之一的，依照前款规定处理：\n（一）未按照规定履行职责的；\n（二）其他违反本条例规定的。\n";
	}
}' >"$TMP/big.txt"
size=$(wc -c <"$TMP/big.txt")
start=$(date +%s)
"$TIAO" validate "$TMP/big.txt" >/dev/null 2>"$TMP/err"; st=$?
end=$(date +%s)
secs=$((end - start))
# the first article's 前条 is a true finding; nothing else may be reported
if [ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -q '^[^:]*:2:.*\[xref-missing-article\]$' "$TMP/err" \
	&& [ $st -eq 1 ] && [ $secs -le 30 ]; then
	pass "large input ($size bytes) validated in ${secs}s"
else
	fail "large input ($size bytes): exit $st in ${secs}s"; head -n 3 "$TMP/err"
fi

# ---- locations in PDF-extracted (gazette) input: references on joined lines point into the file ----
G="$SHARED/gazette/shanxi-rdcwh-gazette-2020-05.txt"
if [ -f "$G" ]; then
	sed -n 4303,4571p "$G" >"$TMP/wj.txt"
	# 第二十条 (line 228 of the extract) refers to 第十一条第(一)项: make it a missing article
	sed '228s/第十一条第(一)项/第九十一条第(一)项/' "$TMP/wj.txt" >"$TMP/wj-a.txt"
	# 第二十一条's reference 第十一条第(二)、(三)项 wraps from line 236 to 238: make the item missing
	sed '238s/^(三)项/(九)项/' "$TMP/wj.txt" >"$TMP/wj-b.txt"
	"$TIAO" validate "$TMP/wj.txt" >/dev/null 2>&1; s0=$?
	"$TIAO" validate "$TMP/wj-a.txt" 2>"$TMP/ea"; sa=$?
	"$TIAO" validate "$TMP/wj-b.txt" 2>"$TMP/eb"; sb=$?
	if [ $s0 -eq 0 ] && [ $sa -eq 1 ] && grep -q "wj-a.txt:228:11: error: reference to 第九十一条" "$TMP/ea" \
		&& [ $sb -eq 1 ] && grep -q "wj-b.txt:236:12: error: reference to 第十一条第（九）项" "$TMP/eb"; then
		pass "gazette-form input: references located at their input line and column"
	else
		fail "gazette-form locations (exit $s0/$sa/$sb)"; cat "$TMP/ea" "$TMP/eb"
	fi
fi

# ---- 前条第二款 names a paragraph of the article before, not of this one ----
printf '测试条例\n第一条　甲。\n第二条　乙。\n丙。\n第三条　违反前条第二款规定的，处罚。\n' >"$TMP/pq1.txt"
printf '测试条例\n第一条　甲。\n第二条　乙。\n第三条　丙。\n丁。\n违反前条第二款规定的，处罚。\n' >"$TMP/pq2.txt"
"$TIAO" validate "$TMP/pq1.txt" >/dev/null 2>&1; s1=$?
"$TIAO" validate "$TMP/pq2.txt" 2>"$TMP/pq2.err"; s2=$?
if [ $s1 -eq 0 ] && [ $s2 -eq 1 ] && grep -q "pq2.txt:6:5: error: reference to 前条第二款, but 第二条 has 1 paragraph \[xref-missing-paragraph\]" "$TMP/pq2.err"; then
	pass "前条第二款 is checked against the article before"
else
	fail "前条第二款 (exit $s1/$s2)"; cat "$TMP/pq2.err"
fi

[ $fails -eq 0 ]
