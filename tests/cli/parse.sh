#!/bin/sh
# tests/cli/parse.sh — `tiao parse` end to end: usage, formats, -o (atomic), error messages and exit
# status on bad input (empty, binary, invalid UTF-8, a 50 MB line, 100,000 labels), the examples of
# the literate spec tests/spec/parse.txt, every corpus text
# (parses, articles in sequence, canonical text is a fixed point; also on 300 mutated texts), the
# eight regulations of the sample gazette as `tiao split` writes them (article and chapter counts
# of the analysis, §2.3).
# Prints one PASS/FAIL line per check; exits non-zero if any check failed.
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && cd ../shared 2>/dev/null && pwd)}
[ -n "$SHARED" ] && [ -d "$SHARED/corpus" ] || SHARED=/work/shared
G=$SHARED/gazette/shanxi-rdcwh-gazette-2020-05.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
fails=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }
# count "kind": "K" nodes in a JSON output
count() { grep -o "\"kind\": \"$1\"" "$2" | wc -l | tr -d ' '; }

# ---- usage ----
"$TIAO" parse --help >"$TMP/help" 2>&1 && grep -q 'usage: tiao parse' "$TMP/help" \
	&& pass "parse --help" || fail "parse --help"
"$TIAO" parse --bogus "$SHARED/corpus/shanxi_qihou/before.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q "Try 'tiao parse --help'" "$TMP/err" \
	&& pass "unknown option: exit 2" || fail "unknown option: exit 2 (got $st)"
"$TIAO" parse -f yaml "$SHARED/corpus/shanxi_qihou/before.txt" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "-f yaml: exit 2" || fail "-f yaml: exit 2 (got $st)"
"$TIAO" parse a b >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "two files: exit 2" || fail "two files: exit 2 (got $st)"
"$TIAO" parse "$TMP/missing.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q 'missing.txt' "$TMP/err" && pass "missing file: exit 2" \
	|| fail "missing file: exit 2 (got $st)"

# ---- formats, stdin, -o ----
F=$SHARED/corpus/shanxi_wanjiazhai/after.txt
"$TIAO" parse "$F" >"$TMP/a.txt" 2>"$TMP/err" && pass "parse FILE" || fail "parse FILE: $(cat "$TMP/err")"
"$TIAO" parse - <"$F" >"$TMP/b.txt" 2>/dev/null && cmp -s "$TMP/a.txt" "$TMP/b.txt" \
	&& pass "parse - (stdin)" || fail "parse - (stdin)"
"$TIAO" parse <"$F" >"$TMP/b.txt" 2>/dev/null && cmp -s "$TMP/a.txt" "$TMP/b.txt" \
	&& pass "parse without FILE reads stdin" || fail "parse without FILE reads stdin"
"$TIAO" parse "$F" -o "$TMP/out.txt" >"$TMP/stdout" 2>/dev/null && cmp -s "$TMP/a.txt" "$TMP/out.txt" \
	&& [ ! -s "$TMP/stdout" ] && pass "-o OUT" || fail "-o OUT"
ls "$TMP"/out.txt.tmp.* >/dev/null 2>&1 && fail "-o leaves no temporary" || pass "-o leaves no temporary"
head -n 1 "$TMP/a.txt" | grep -qx '山西省万家寨引黄工程保护条例' && pass "text: title first" || fail "text: title first"
grep -q '^第三条　' "$TMP/a.txt" && pass "text: label, U+3000, text" || fail "text: label, U+3000, text"
"$TIAO" parse -f json "$F" >"$TMP/a.json" 2>/dev/null && head -n 1 "$TMP/a.json" \
	| grep -q '^{"tiao": 1, "kind": "regulation", "title": "山西省万家寨引黄工程保护条例"' \
	&& pass "json: header" || fail "json: header"
[ "$(count article "$TMP/a.json")" = 25 ] && pass "json: 25 articles" || fail "json: 25 articles"
grep -q '{"kind": "item", "num": 1, "label": "(一)", "text": "' "$TMP/a.json" \
	&& pass "json: items" || fail "json: items"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/a.json" 2>/dev/null \
		&& pass "json: valid JSON" || fail "json: valid JSON"
fi
"$TIAO" parse -f xml "$F" >"$TMP/a.xml" 2>"$TMP/err"; st=$?
if [ $st -eq 0 ]; then
	grep -q 'akomaNtoso' "$TMP/a.xml" && pass "-f xml: Akoma Ntoso" || fail "-f xml: Akoma Ntoso"
else
	[ $st -eq 2 ] && grep -q 'error' "$TMP/err" && pass "-f xml: clear error" || fail "-f xml (got $st)"
fi

# ---- bad input: exit 2, a located message, no output, OUT untouched ----
echo keep >"$TMP/keep.txt"
: >"$TMP/empty.txt"
"$TIAO" parse "$TMP/empty.txt" -o "$TMP/keep.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q 'empty.txt.*error' "$TMP/err" && [ "$(cat "$TMP/keep.txt")" = keep ] \
	&& pass "empty file: exit 2, OUT untouched" || fail "empty file (got $st: $(cat "$TMP/err"))"
printf '某条例\n第一条　\377\376。\n' >"$TMP/bad.txt"
"$TIAO" parse "$TMP/bad.txt" >"$TMP/stdout" 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q "bad.txt:2:[0-9]*: error: invalid UTF-8 at byte 22" "$TMP/err" && [ ! -s "$TMP/stdout" ] \
	&& pass "invalid UTF-8: exit 2, FILE:LINE:COL" || fail "invalid UTF-8 (got $st: $(cat "$TMP/err"))"
printf '某条例\n第一条\000正文\n' >"$TMP/nul.txt"
"$TIAO" parse "$TMP/nul.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q 'error' "$TMP/err" && pass "binary input: exit 2" || fail "binary input (got $st)"
head -c 3000 /bin/sh >"$TMP/bin.dat"
"$TIAO" parse "$TMP/bin.dat" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && pass "executable as input: exit 2" || fail "executable as input (got $st)"
printf '某法\n第一章 总则\n第一条 一。\n第二章 其他\n这一段不属于任何一条，也不是章名。\n第二条 二。\n' >"$TMP/outside.txt"
"$TIAO" parse "$TMP/outside.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q 'outside.txt:5:1: error: text outside any article' "$TMP/err" \
	&& pass "text outside articles: FILE:5:1: error" || fail "text outside articles (got $st: $(cat "$TMP/err"))"
printf '某条例\n没有条文。\n' >"$TMP/noart.txt"
"$TIAO" parse "$TMP/noart.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q 'no article' "$TMP/err" && pass "no article: exit 2" || fail "no article (got $st)"

# a 50 MB line: refused (no article) quickly, no crash
head -c 52428800 /dev/zero | tr '\000' 'a' >"$TMP/line.txt"
start=$(date +%s)
"$TIAO" parse "$TMP/line.txt" >/dev/null 2>"$TMP/err"; st=$?
end=$(date +%s)
[ $st -eq 2 ] && [ $((end - start)) -lt 30 ] && pass "50 MB single line: exit 2 in $((end - start)) s" \
	|| fail "50 MB single line (got $st in $((end - start)) s)"
rm -f "$TMP/line.txt"
# 100,000 nested-looking labels
awk 'BEGIN { print "某条例"; for (i = 0; i < 20000; i++) { print "第一编 编"; print "第一章 章";
	print "第一节 节"; print "第一条 条："; print "（一）事项："; print "1.目" } }' >"$TMP/nested.txt"
start=$(date +%s)
"$TIAO" parse -f json "$TMP/nested.txt" >"$TMP/nested.json" 2>"$TMP/err"; st=$?
end=$(date +%s)
[ $st -eq 0 ] && [ "$(count subitem "$TMP/nested.json")" = 20000 ] && [ $((end - start)) -lt 30 ] \
	&& pass "100,000 nested labels: parsed in $((end - start)) s" || fail "100,000 nested labels (got $st)"

# ---- the literate spec: tests/spec/parse.txt ----
SPEC=tests/spec/parse.txt
if [ -f "$SPEC" ]; then
	mkdir -p "$TMP/spec"
	awk -v dir="$TMP/spec" '
		/^#/ && !sect { next }
		/^=== / { n++; sect = ""; f = dir "/" n; print substr($0, 5) > (f ".title"); close(f ".title"); next }
		/^--- (input|expect|json|error)$/ { sect = $2; out = dir "/" n "." sect; printf "" > out; next }
		sect != "" && n { print >> out }
	' "$SPEC"
	k=1
	while [ -f "$TMP/spec/$k.title" ]; do
		t=$(cat "$TMP/spec/$k.title")
		in="$TMP/spec/$k.input"
		# drop the blank line that separates examples
		sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$in" >"$in.x" 2>/dev/null && mv "$in.x" "$in"
		if [ -f "$TMP/spec/$k.expect" ]; then
			sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$TMP/spec/$k.expect" >"$TMP/spec/want"
			"$TIAO" parse "$in" >"$TMP/spec/got" 2>"$TMP/spec/err" && cmp -s "$TMP/spec/want" "$TMP/spec/got" \
				&& pass "spec: $t" || { fail "spec: $t"; diff "$TMP/spec/want" "$TMP/spec/got" | head -n 10; cat "$TMP/spec/err"; }
		elif [ -f "$TMP/spec/$k.json" ]; then
			"$TIAO" parse -f json "$in" 2>"$TMP/spec/err" | sed 's/^ *//' >"$TMP/spec/got"
			miss=""
			while IFS= read -r want; do
				want=$(printf '%s' "$want" | sed 's/^ *//')
				[ -n "$want" ] || continue
				grep -qF -- "$want" "$TMP/spec/got" || miss="$miss
  missing: $want"
			done <"$TMP/spec/$k.json"
			[ -z "$miss" ] && pass "spec: $t" || fail "spec: $t$miss"
		elif [ -f "$TMP/spec/$k.error" ]; then
			re=$(grep -v '^$' "$TMP/spec/$k.error" | head -n 1)
			"$TIAO" parse "$in" >"$TMP/spec/got" 2>"$TMP/spec/err"; st=$?
			[ $st -eq 2 ] && [ ! -s "$TMP/spec/got" ] && grep -qE -- "$re" "$TMP/spec/err" \
				&& pass "spec: $t" || fail "spec: $t (exit $st: $(cat "$TMP/spec/err"))"
		fi
		k=$((k + 1))
	done
fi

# ---- every corpus text ----
n=0; bad=""
for f in "$SHARED"/corpus/*/before.txt "$SHARED"/corpus/*/after.txt; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	c=$(basename "$(dirname "$f")")/$(basename "$f")
	if ! "$TIAO" parse -f json "$f" >"$TMP/c.json" 2>"$TMP/err"; then
		bad="$bad $c(parse:$(head -c 100 "$TMP/err"))"; continue
	fi
	# articles in sequence: 第N条 follows 第N-1条 or 第N-1条之K; 之K follows 第N条 or 之K-1
	seq=$(grep -o '"kind": "article", "num": [0-9]*\(, "sub": [0-9]*\)\{0,1\}' "$TMP/c.json" \
		| sed 's/[^0-9,]//g' | awk -F, '{ n = $2 + 0; s = ($3 == "" ? 0 : $3 + 0);
			if (!((s == 0 && n == pn + 1) || (n == pn && s == ps + 1))) { print NR; exit }
			pn = n; ps = s } END { if (NR < 7) print "few" }')
	[ -z "$seq" ] || bad="$bad $c(sequence:$seq)"
	"$TIAO" parse "$f" >"$TMP/c1.txt" 2>/dev/null && "$TIAO" parse "$TMP/c1.txt" >"$TMP/c2.txt" 2>/dev/null \
		&& cmp -s "$TMP/c1.txt" "$TMP/c2.txt" || bad="$bad $c(roundtrip)"
	"$TIAO" parse -f json "$TMP/c1.txt" 2>/dev/null | sed 's/"line": [0-9]*//g' >"$TMP/c2.json"
	sed 's/"line": [0-9]*//g' "$TMP/c.json" | cmp -s - "$TMP/c2.json" || bad="$bad $c(tree)"
done
[ $n -ge 50 ] && [ -z "$bad" ] && pass "corpus: $n texts parse, articles in sequence, text and tree round-trip" \
	|| fail "corpus ($n texts):$bad"

# ---- canonical text is a fixed point on mutated inputs too ----
# 300 mutated corpus texts (tests/tools/mutate.c; invalid UTF-8 left by the edits is dropped with
# iconv -c, so that most of them parse): `tiao parse -f text` of its own output gives that output
# again — the canonical text is always read as clean text, never as database text (no joined lines,
# no dropped footer-like paragraphs).
if cc -O1 -o "$TMP/mutate" tests/tools/mutate.c 2>/dev/null; then
	set -- "$SHARED/corpus/national_lifafa_2023/before.txt" "$SHARED/corpus/sc_2022_nongyao/after.txt" \
		"$SHARED/corpus/shanxi_qihou/before.txt" "$SHARED/corpus/shanxi_wanjiazhai/before.txt"
	nm=0; nparsed=0; bad=""
	for seed in $(seq 1 300); do
		shift_by=$(( (seed - 1) % 4 ))
		case $shift_by in 0) f=$1 ;; 1) f=$2 ;; 2) f=$3 ;; *) f=$4 ;; esac
		[ -f "$f" ] || continue
		nm=$((nm + 1))
		"$TMP/mutate" "$seed" "$f" "$TMP/m0.txt" || { bad="$bad $seed(mutate)"; continue; }
		if command -v iconv >/dev/null 2>&1; then
			iconv -c -f UTF-8 -t UTF-8 "$TMP/m0.txt" >"$TMP/m.txt" 2>/dev/null
		else
			cp "$TMP/m0.txt" "$TMP/m.txt"
		fi
		"$TIAO" parse -f text "$TMP/m.txt" >"$TMP/m1.txt" 2>/dev/null || continue
		nparsed=$((nparsed + 1))
		"$TIAO" parse -f text "$TMP/m1.txt" >"$TMP/m2.txt" 2>/dev/null && cmp -s "$TMP/m1.txt" "$TMP/m2.txt" \
			|| bad="$bad $seed($(basename "$(dirname "$f")"))"
	done
	[ $nm -eq 300 ] && [ $nparsed -ge 150 ] && [ -z "$bad" ] \
		&& pass "mutated: parse -f text is idempotent on its own output ($nparsed of $nm parse)" \
		|| fail "mutated: parse -f text idempotence ($nparsed of $nm parse):$bad"
else
	fail "mutated: cannot build tests/tools/mutate.c"
fi

# ---- the sample gazette's regulations, as `tiao split -o` writes them ----
if [ -f "$G" ]; then
	mkdir -p "$TMP/split"
	if "$TIAO" split "$G" -o "$TMP/split" >/dev/null 2>&1; then
		src="tiao split"
	else # the splitter failed: cut the line ranges of the analysis (§2.3)
		src="line ranges"
		i=0
		for r in 13,556 1198,1678 2502,2925 2926,3628 3629,3981 3982,4302 4303,4572 4573,4840; do
			i=$((i + 1)); sed -n "${r}p" "$G" >"$TMP/split/$i-regulation.txt"
		done
	fi
	while IFS='|' read -r title arts chs; do
		got=""
		for f in "$TMP"/split/*.txt; do
			[ -f "$f" ] || continue
			head -n 3 "$f" | grep -qxF "$title" || continue
			"$TIAO" parse -f json "$f" >"$TMP/g.json" 2>"$TMP/err" || { got="error $(cat "$TMP/err")"; break; }
			got="$(count article "$TMP/g.json")/$(count chapter "$TMP/g.json")"
			break
		done
		[ "$got" = "$arts/$chs" ] && pass "gazette ($src): $title $arts 条 $chs 章" \
			|| fail "gazette ($src): $title: want $arts/$chs, got '$got'"
	done <<EOF
山西省标准化条例|44|7
山西省机关运行保障条例|45|7
山西省公民献血条例|43|6
山西省实施«中华人民共和国义务教育法»办法|62|8
山西省实施«中华人民共和国科学技术普及法»办法|29|0
山西省农民专业合作社条例|32|5
山西省万家寨引黄工程保护条例|25|0
山西省气候资源开发利用和保护条例|25|0
EOF
	# structure the analysis describes: 献血 第三十条 2 款 (items (一)–(四)), 义务教育 第五十七条 to (十一),
	# 万家寨: the wrapped references 第(二)、(三)项 stay text
	for f in "$TMP"/split/*.txt; do
		head -n 1 "$f" | grep -qx '山西省公民献血条例' || continue
		"$TIAO" parse "$f" | sed -n '/^第三十条　/,/^第三十一条　/p' | sed '$d' >"$TMP/a30.txt"
		[ "$(wc -l <"$TMP/a30.txt")" -eq 6 ] && [ "$(grep -c '^(' "$TMP/a30.txt")" -eq 4 ] \
			&& tail -n 1 "$TMP/a30.txt" | grep -q '^医疗机构应当在临时采集血液后十日内' \
			&& pass "gazette: 献血 第三十条 2 款, items (一)–(四)" || fail "gazette: 献血 第三十条: $(cat "$TMP/a30.txt")"
	done
	for f in "$TMP"/split/*.txt; do
		head -n 1 "$f" | grep -q '义务教育法' || continue
		"$TIAO" parse "$f" | sed -n '/^第五十七条　/,/^第五十八条　/p' | sed '$d' \
			| tail -n 1 | grep -q '^(十一)' && pass "gazette: 义务教育 第五十七条 reaches (十一)" \
			|| fail "gazette: 义务教育 第五十七条 reaches (十一)"
	done
	for f in "$TMP"/split/*.txt; do
		head -n 1 "$f" | grep -qx '山西省万家寨引黄工程保护条例' || continue
		"$TIAO" parse "$f" >"$TMP/w.txt"
		grep -q '^第二十一条　违反本条例第十一条第(二)、(三)项规定的' "$TMP/w.txt" \
			&& ! grep -q '^(三)项' "$TMP/w.txt" && ! grep -q '^(四)、(五)' "$TMP/w.txt" \
			&& pass "gazette: wrapped 第(二)、(三)项 is no item" || fail "gazette: wrapped 第(二)、(三)项 is no item"
	done
fi

[ $fails -eq 0 ]
