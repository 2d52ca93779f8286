#!/bin/sh
# tests/corpus/consolidate.sh — `tiao consolidate` end to end on the real amendment corpus.
#
#  - every case in $SHARED/corpus: before.txt + decision.txt must reproduce after.txt article by
#    article modulo the normalisation of amendment-semantics §4 (tests/corpus/corpus_cmp.c), chapter
#    headings included, the 题注 loosely (the new line present in substance); the articles listed
#    in the case's DEVIATIONS file (`第X条<TAB>reason`) are the only differences allowed;
#  - the sample gazette's package decision, given whole (the gazette itself), consolidates 气候 and
#    万家寨 from their bases with no --regulation flag; acceptance facts about their numbering;
#  - mutated decisions (a wrong article number, a misquoted phrase, a truncated quote, two
#    conflicting replacements) fail with exit 2, the decision's line and a clear message, and
#    -o leaves no file; --keep-going, --trace and -f json.
# Prints one PASS/FAIL line per check (per corpus case: the differing articles after a FAIL);
# exits non-zero if any check failed.
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && cd ../shared 2>/dev/null && pwd)}
[ -n "$SHARED" ] && [ -d "$SHARED/corpus" ] || SHARED=/work/shared
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
fails=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }

# the comparison helper (article-by-article, modulo §4 normalisation)
CMP=$BUILD/tests/corpus_cmp
mkdir -p "$BUILD/tests"
if [ ! -x "$CMP" ] || [ tests/corpus/corpus_cmp.c -nt "$CMP" ] || [ "$BUILD/libtiao.a" -nt "$CMP" ]; then
	san=
	nm "$BUILD/libtiao.a" 2>/dev/null | grep -q '__asan_init' && san="-fsanitize=address,undefined"
	${CC:-cc} -std=c11 -O1 $san -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -o "$CMP" tests/corpus/corpus_cmp.c "$BUILD/libtiao.a" \
		$(pkg-config --libs icu-uc icu-i18n libxml-2.0 2>/dev/null) -lm || { fail "build corpus_cmp"; exit 1; }
fi

# ---- every corpus case ----
ncases=0; npass=0
for dir in "$SHARED"/corpus/*/; do
	[ -f "$dir/decision.txt" ] || continue
	case_=$(basename "$dir")
	ncases=$((ncases + 1))
	dev=-
	[ -f "$dir/DEVIATIONS" ] && dev="$dir/DEVIATIONS"
	if ! "$TIAO" consolidate "$dir/before.txt" "$dir/decision.txt" -o "$TMP/$case_.txt" 2>"$TMP/$case_.err"; then
		fail "corpus $case_: consolidate failed"
		head -n 8 "$TMP/$case_.err" | sed 's/^/  /'
		continue
	fi
	if "$CMP" "$TMP/$case_.txt" "$dir/after.txt" "$dev" "$dir/before.txt" >"$TMP/$case_.cmp" 2>&1; then
		npass=$((npass + 1))
		pass "corpus $case_"
		grep '^  (' "$TMP/$case_.cmp"
	else
		fail "corpus $case_: differs from after.txt"
		head -n 30 "$TMP/$case_.cmp"
	fi
done
echo "corpus: $npass of $ncases cases reproduce after.txt"

# ---- the sample gazette ----
GZ="$SHARED/gazette/shanxi-rdcwh-gazette-2020-05.txt"
QH="$SHARED/corpus/shanxi_qihou/before.txt"
WJZ="$SHARED/corpus/shanxi_wanjiazhai/before.txt"
if [ -f "$GZ" ]; then
	if "$TIAO" consolidate "$QH" "$GZ" -o "$TMP/qh.txt" 2>"$TMP/qh.err"; then
		pass "gazette: 气候 consolidated from the whole gazette"
		grep -q '^第二十三条.*从事大气环境影响评价的单位' "$TMP/qh.txt" \
			&& pass "气候: the inserted article is 第二十三条" || fail "气候: the inserted article is 第二十三条"
		grep -q '^第二十四条.*气象主管机构及其工作人员有下列行为之一的' "$TMP/qh.txt" \
			&& pass "气候: old 第二十三条 became 第二十四条" || fail "气候: old 第二十三条 became 第二十四条"
		if "$CMP" "$TMP/qh.txt" "$SHARED/corpus/shanxi_qihou/after.txt" >"$TMP/qh.cmp"; then
			pass "气候 from the gazette matches after.txt (old 第二十四条 gone)"
		else
			fail "气候 from the gazette matches after.txt"; head -n 10 "$TMP/qh.cmp"
		fi
	else
		fail "gazette: 气候 consolidated from the whole gazette"; head -n 5 "$TMP/qh.err"
	fi
	if "$TIAO" consolidate "$WJZ" "$GZ" -o "$TMP/wjz.txt" 2>"$TMP/wjz.err"; then
		pass "gazette: 万家寨 consolidated from the whole gazette"
		grep -q '^第十一条.*禁止下列损害引黄工程设施的行为' "$TMP/wjz.txt" \
			&& pass "万家寨: old 第十条 became 第十一条" || fail "万家寨: old 第十条 became 第十一条"
		n=$(grep -c '本条例第十一条第[(（]' "$TMP/wjz.txt")
		[ "$n" -ge 2 ] && ! grep -q '本条例第十条第[(（]' "$TMP/wjz.txt" \
			&& pass "万家寨: references 本条例第十条第(…)项 now read 第十一条" \
			|| fail "万家寨: references 本条例第十条第(…)项 now read 第十一条 (found $n)"
	else
		fail "gazette: 万家寨 consolidated from the whole gazette"; head -n 5 "$TMP/wjz.err"
	fi
fi

# ---- mutated decisions: loud failure, nothing written ----
W="$SHARED/corpus/shanxi_wanjiazhai"
QD="$SHARED/corpus/shanxi_qihou/decision.txt"
mutate() { # name sed-expression expected-message-regex
	sed "$2" "$W/decision.txt" >"$TMP/m-$1.txt"
	if cmp -s "$TMP/m-$1.txt" "$W/decision.txt"; then
		fail "mutation $1: the mutation did not apply"; return
	fi
	line=$(diff "$TMP/m-$1.txt" "$W/decision.txt" | sed -n '1s/^\([0-9]*\).*/\1/p')
	rm -f "$TMP/out-$1.txt"
	"$TIAO" consolidate "$W/before.txt" "$TMP/m-$1.txt" -o "$TMP/out-$1.txt" 2>"$TMP/err-$1"; st=$?
	if [ $st -eq 2 ] && [ ! -e "$TMP/out-$1.txt" ] && grep -Eq "m-$1.txt:$line:[0-9]+: error: .*$3" "$TMP/err-$1"; then
		pass "mutation $1: exit 2, error at line $line, no output"
	else
		fail "mutation $1: exit $st, expected /$3/ near line $line"; head -n 3 "$TMP/err-$1"
	fi
}
mutate wrong-article 's/将第十七条修改为/将第九十七条修改为/' 'has no 第九十七条'
mutate misquoted 's/删去第十八条中的“引黄工程管理机构或/删去第十八条中的“引黄工程管理部门或/' 'does not occur'
mutate conflict 's/将第二十三条修改为/将第二十一条修改为/' 'already replaced'
# a truncated quote: the decision's last quote loses its closing mark and the rest of the text
awk '/将第二十三条修改为/ { sub(/”.*/, ""); print; exit } { print }' "$W/decision.txt" >"$TMP/m-trunc.txt"
rm -f "$TMP/out-trunc.txt"
"$TIAO" consolidate "$W/before.txt" "$TMP/m-trunc.txt" -o "$TMP/out-trunc.txt" 2>"$TMP/err-trunc"; st=$?
[ $st -eq 2 ] && [ ! -e "$TMP/out-trunc.txt" ] && grep -Eq 'm-trunc.txt:[0-9]+:[0-9]+: error:' "$TMP/err-trunc" \
	&& pass "mutation truncated quote: exit 2, error with location, no output" \
	|| { fail "mutation truncated quote: exit $st"; head -n 3 "$TMP/err-trunc"; }

# --keep-going: the rest is applied and written, still exit 2, every failure listed
sed -e 's/将第十七条修改为/将第九十七条修改为/' -e 's/删去第十八条中的“引黄工程管理机构或/删去第十八条中的“不存在的机构或/' \
	"$W/decision.txt" >"$TMP/m-two.txt"
"$TIAO" consolidate --keep-going "$W/before.txt" "$TMP/m-two.txt" -o "$TMP/out-two.txt" 2>"$TMP/err-two"; st=$?
n=$(grep -c ': error: ' "$TMP/err-two")
[ $st -eq 2 ] && [ -s "$TMP/out-two.txt" ] && [ "$n" -ge 2 ] && grep -q '^第十条.*万家寨水库' "$TMP/out-two.txt" \
	&& pass "--keep-going: result written, both failures listed, exit 2" \
	|| fail "--keep-going: exit $st, $n errors"

# --trace: one line per operation, to stderr
"$TIAO" consolidate --trace "$SHARED/corpus/shanxi_qihou/before.txt" "$QD" >/dev/null 2>"$TMP/trace"; st=$?
[ $st -eq 0 ] && grep -q '→ 第二十三条 (inserted)' "$TMP/trace" && grep -q '(deleted)' "$TMP/trace" \
	&& pass "--trace lists the operations and the result positions" \
	|| { fail "--trace (exit $st)"; head -n 5 "$TMP/trace"; }

# -f json: changes and renumbering
"$TIAO" consolidate -f json "$W/before.txt" "$W/decision.txt" >"$TMP/wjz.json" 2>/dev/null; st=$?
[ $st -eq 0 ] && grep -q '"changes"' "$TMP/wjz.json" && grep -q '"renumbering"' "$TMP/wjz.json" \
	&& grep -q '{"old": 10, "new": 11}' "$TMP/wjz.json" \
	&& pass "-f json has changes and renumbering (old 10 → new 11)" || fail "-f json (exit $st)"

# several decisions in order: the second reads the text the first produced and adds its own 题注
cat >"$TMP/d2.txt" <<'D2'
山西省人民代表大会常务委员会关于修改《山西省万家寨引黄工程保护条例》的决定
（2021年1月1日山西省第十三届人民代表大会常务委员会第二十五次会议通过）
山西省第十三届人民代表大会常务委员会第二十五次会议决定对《山西省万家寨引黄工程保护条例》作如下修改：
一、将第十一条中的“侵占”修改为“占用”。
本决定自公布之日起施行。
D2
"$TIAO" consolidate "$W/before.txt" "$W/decision.txt" "$TMP/d2.txt" >"$TMP/chain.txt" 2>"$TMP/chain.err"; st=$?
[ $st -eq 0 ] && grep -q '^第十一条　禁止下列损害' "$TMP/chain.txt" && grep -q '^（一）占用、拆除' "$TMP/chain.txt" \
	&& [ "$(head -n 2 "$TMP/chain.txt" | grep -o '决定修正' | wc -l)" -eq 2 ] \
	&& pass "two decisions in order (second in the first one's numbering, two 题注 events)" \
	|| { fail "two decisions in order (exit $st)"; head -n 3 "$TMP/chain.err"; }
"$TIAO" consolidate -f json "$W/before.txt" "$W/decision.txt" "$TMP/d2.txt" 2>/dev/null | grep -q '"decision": 1}' \
	&& pass "-f json reports the changes per decision" || fail "-f json reports the changes per decision"

# a substitution over the whole text (会计法 2024: 将相关条文中的“帐”修改为“账”) reports one change per
# article touched, each with its count (amendment-semantics §3), and the trace lists the counts
K="$SHARED/corpus/national_kuaijifa_2024"
if [ -f "$K/decision.txt" ]; then
	"$TIAO" consolidate -f json "$K/before.txt" "$K/decision.txt" >"$TMP/k.json" 2>/dev/null
	n=$(grep '"substitution"' "$TMP/k.json" | grep -c '"instruction": "十五、（七）"')
	z=$(grep '"instruction": "十五、（七）"' "$TMP/k.json" | grep -c '"target": {"art": 0\|"target": null\|"count"' )
	total=$(grep '"instruction": "十五、（七）"' "$TMP/k.json" | sed -n 's/.*"count": \([0-9]*\).*/\1/p' | awk '{ t += $1 } END { print t + 0 }')
	[ "$n" -ge 10 ] && [ "$z" -eq "$n" ] && ! grep '"instruction": "十五、（七）"' "$TMP/k.json" | grep -q '"target": {"art": 0' \
		&& [ "$total" -gt "$n" ] \
		&& pass "-f json: whole-text substitution, one change per article with its count ($n articles, $total occurrences)" \
		|| fail "-f json: whole-text substitution per article ($n entries, total $total)"
	"$TIAO" consolidate --trace "$K/before.txt" "$K/decision.txt" 2>&1 >/dev/null | grep -q '“帐” in base 第三条×1、.*第十五条×9' \
		&& pass "--trace: whole-text substitution lists the count per base article" \
		|| fail "--trace: whole-text substitution lists the count per base article"
fi

# usage
"$TIAO" consolidate "$W/before.txt" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "consolidate without a decision: exit 2" || fail "consolidate without a decision: exit $st"

# README's main command: the sample case in data/
if [ -f data/wanjiazhai-before.txt ]; then
	"$TIAO" consolidate data/wanjiazhai-before.txt data/wanjiazhai-decision.txt >"$TMP/data.txt" 2>/dev/null \
		&& "$CMP" "$TMP/data.txt" "$W/after.txt" >/dev/null \
		&& pass "data/ sample consolidates to the official text" || fail "data/ sample consolidates"
fi

[ $fails -eq 0 ]
