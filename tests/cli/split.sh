#!/bin/sh
# tests/cli/split.sh — `tiao split` end to end on the sample gazette (notes/gazette-2020-05-analysis.md
# §2.3): the document list (count, start lines, kinds, titles of the regulations and decisions),
# -f json, -o DIR (one clean file per document, written atomically), the eight regulations read
# back by `tiao parse` with their article and chapter counts, stdin, usage errors, invalid input.
# Prints one PASS/FAIL line per check; exits non-zero if any check failed.
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && cd ../shared 2>/dev/null && pwd)}
[ -n "$SHARED" ] && [ -d "$SHARED/gazette" ] || SHARED=/work/shared
G=$SHARED/gazette/shanxi-rdcwh-gazette-2020-05.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
fails=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }

# ---- usage ----
"$TIAO" split --help >"$TMP/help" 2>&1 && grep -q 'usage: tiao split' "$TMP/help" \
	&& pass "split --help" || fail "split --help"
"$TIAO" split >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q "Try 'tiao split --help'" "$TMP/err" \
	&& pass "split without a file: exit 2" || fail "split without a file: exit 2 (got $st)"
"$TIAO" split --bogus "$G" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "split unknown option: exit 2" || fail "split unknown option: exit 2 (got $st)"
"$TIAO" split -f xml "$G" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "split -f xml: exit 2" || fail "split -f xml: exit 2 (got $st)"
"$TIAO" split "$TMP/missing.txt" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "split unreadable file: exit 2" || fail "split unreadable file: exit 2 (got $st)"

# ---- invalid input ----
printf 'abc\n\377def\n' >"$TMP/bad.txt"
"$TIAO" split "$TMP/bad.txt" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 2 ] && grep -q 'invalid UTF-8 at byte 4' "$TMP/err" \
	&& pass "split invalid UTF-8: exit 2, byte offset named" \
	|| fail "split invalid UTF-8 (got $st: $(cat "$TMP/err"))"

# ---- the document list ----
if ! "$TIAO" split "$G" >"$TMP/list" 2>"$TMP/err"; then
	fail "split GAZETTE: exit 0 ($(cat "$TMP/err"))"
else
	pass "split GAZETTE: exit 0"
fi
n=$(wc -l <"$TMP/list" | tr -d ' ')
[ "$n" -eq 58 ] && pass "58 documents (50 + 8 annexes)" || fail "58 documents (got $n)"
starts=$(cut -f3 "$TMP/list" | tr '\n' ' ')
want="1 13 557 845 994 1186 1198 1679 1826 1923 2143 2157 2170 2232 2246 2502 2926 3629 3982 4303 4573 4841 5023 5037 5076 5090 5121 5220 5272 5284 5300 5847 6934 7630 8777 9368 9883 10144 10532 10845 11194 11549 11562 11600 11625 11645 11664 11749 11785 11816 12683 12730 12854 12887 12920 13243 13294 13389 "
[ "$starts" = "$want" ] && pass "start lines as in §2.3" || fail "start lines: $starts"

check_doc() { # index kind title
	line=$(awk -F '\t' -v i="$1" '$1 == i' "$TMP/list")
	k=$(printf '%s' "$line" | cut -f2)
	t=$(printf '%s' "$line" | cut -f4)
	[ "$k" = "$2" ] && [ "$t" = "$3" ] && pass "document $1: $2 $3" \
		|| fail "document $1: want $2 $3, got $k $t"
}
check_doc 1 announcement "山西省人民代表大会常务委员会公告"
check_doc 2 regulation "山西省标准化条例"
check_doc 3 explanation "关于«山西省标准化条例(草案)»的说明"
check_doc 7 regulation "山西省机关运行保障条例"
check_doc 12 decision "山西省人民代表大会常务委员会关于废止«山西省重点工业污染监督条例»的决定"
check_doc 15 decision "山西省人民代表大会常务委员会关于修改«山西省公民献血条例»等六部地方性法规的决定"
check_doc 16 regulation "山西省公民献血条例"
check_doc 17 regulation "山西省实施«中华人民共和国义务教育法»办法"
check_doc 18 regulation "山西省实施«中华人民共和国科学技术普及法»办法"
check_doc 19 regulation "山西省农民专业合作社条例"
check_doc 20 regulation "山西省万家寨引黄工程保护条例"
check_doc 21 regulation "山西省气候资源开发利用和保护条例"
check_doc 24 decision "山西省人民代表大会常务委员会关于山西省人民代表大会常务委员会城乡建设环境保护工作委员会更名为山西省人民代表大会常务委员会环境与资源保护工作委员会的决定"
check_doc 26 decision "山西省人民代表大会常务委员会关于延期开展全省村民委员会和社区居民委员会换届选举的决定"
check_doc 29 decision "山西省人民代表大会常务委员会关于批准«太原市城市绿化条例»的决定"
check_doc 4 report "山西省人大财政经济委员会关于«山西省标准化条例(草案)»审议意见的报告"
check_doc 42 list "山西省人民代表大会常务委员会任命名单"
check_doc 57 agenda "山西省第十三届人民代表大会常务委员会第二十次会议议程"
check_doc 58 minutes "山西省十三届人大常委会第二十次会议纪要"
nann=$(cut -f2 "$TMP/list" | grep -c '^annex$')
[ "$nann" -eq 6 ] && pass "6 annexes (附件１/２/３ of 47 and 48; the 47c/48c enclosures are reports)" \
	|| fail "annexes: got $nann"

# ---- stdin gives the same list ----
"$TIAO" split - <"$G" >"$TMP/list2" 2>/dev/null && cmp -s "$TMP/list" "$TMP/list2" \
	&& pass "split - (stdin)" || fail "split - (stdin)"

# ---- JSON ----
"$TIAO" split -f json "$G" >"$TMP/json" 2>/dev/null
head -c 15 "$TMP/json" | grep -q '^{"documents": ' && pass "json: documents array" \
	|| fail "json: documents array"
nj=$(grep -c '"index": ' "$TMP/json")
[ "$nj" -eq 58 ] && pass "json: 58 entries" || fail "json: 58 entries (got $nj)"
grep -q '{"index": 16, "kind": "regulation", "title": "山西省公民献血条例", "line": 2502}' "$TMP/json" \
	&& pass "json: entry fields" || fail "json: entry fields"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["documents"])==58' \
		"$TMP/json" && pass "json: valid JSON" || fail "json: valid JSON"
fi

# ---- -o DIR ----
"$TIAO" split -o "$TMP/docs" "$G" >/dev/null 2>"$TMP/err"; st=$?
[ $st -eq 0 ] && pass "split -o DIR: exit 0" || fail "split -o DIR: exit $st ($(cat "$TMP/err"))"
nf=$(ls "$TMP/docs" | grep -c '\.txt$')
[ "$nf" -eq 58 ] && pass "-o: 58 files" || fail "-o: 58 files (got $nf)"
ls -a "$TMP/docs" | grep -v '^\.\{1,2\}$' | grep -qv '\.txt$' && fail "-o: temporary files left" \
	|| pass "-o: no temporary files left"
[ -f "$TMP/docs/02-regulation.txt" ] && [ -f "$TMP/docs/15-decision.txt" ] \
	&& [ -f "$TMP/docs/58-minutes.txt" ] && pass "-o: NN-<kind>.txt names" || fail "-o: NN-<kind>.txt names"
[ "$(head -n 1 "$TMP/docs/17-regulation.txt")" = "山西省实施«中华人民共和国义务教育法»办法" ] \
	&& pass "-o: title on the first line" || fail "-o: title on the first line"
grep -q '^第一条　为了合理开发利用和保护气候资源,促进经济社会可持续发展,根据«中华人民共和国气象法»等法律、行政法规的规定,结合本省实际,制定本条例\.$' \
	"$TMP/docs/21-regulation.txt" && pass "-o: one paragraph per line" || fail "-o: one paragraph per line"
grep -q -F -e '—１—' -e '—３１１—' -e '公报２０２０５' "$TMP/docs"/*.txt && fail "-o: footers/headers left" \
	|| pass "-o: no footers or running headers"
if cmp -s "$TMP/docs/20-regulation.txt" "$SHARED/corpus/shanxi_wanjiazhai/after.txt"; then
	pass "-o: 万家寨 equals the corpus's re-flowed copy"
else
	fail "-o: 万家寨 differs from corpus after.txt"
fi

# ---- the regulations read back by tiao parse ----
for spec in "02 44 7" "07 45 7" "16 43 6" "17 62 8" "18 29 0" "19 32 5" "20 25 0" "21 25 0"; do
	set -- $spec
	f="$TMP/docs/$1-regulation.txt"
	if "$TIAO" parse -f json "$f" >"$TMP/p.json" 2>"$TMP/perr"; then
		a=$(grep -o '"kind": *"article"' "$TMP/p.json" | wc -l | tr -d ' ')
		c=$(grep -o '"kind": *"chapter"' "$TMP/p.json" | wc -l | tr -d ' ')
		[ "$a" -eq "$2" ] && [ "$c" -eq "$3" ] && pass "parse $1-regulation: $2 条 / $3 章" \
			|| fail "parse $1-regulation: want $2 条 / $3 章, got $a / $c"
	else
		fail "parse $1-regulation: $(head -n 1 "$TMP/perr")"
	fi
done

# ---- writing into a path that is a file fails cleanly ----
: >"$TMP/afile"
"$TIAO" split -o "$TMP/afile" "$G" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "-o onto a file: exit 2" || fail "-o onto a file: exit 2 (got $st)"

[ $fails -eq 0 ]
