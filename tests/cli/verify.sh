#!/bin/sh
# tests/cli/verify.sh — tiao verify BASE DECISION OFFICIAL: on every corpus case it exits 0 when
# the official text follows the decision, and otherwise exits 1 naming exactly the articles listed
# in DEVIATIONS; classifications on doctored official texts; options and exit status.
# Run from the repository root; TIAO and SHARED come from tests/run.sh.
TIAO=${TIAO:-build/tiao}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && cd ../shared 2>/dev/null && pwd)}
C=$SHARED/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }
expect_status() { # WHAT WANT GOT
	if [ "$2" -eq "$3" ]; then pass "$1"; else fail "$1 (exit $3, want $2)"; fi
}

# ---- options ----
"$TIAO" verify --help >"$tmp/o" 2>&1
expect_status "verify --help exits 0" 0 $?
"$TIAO" verify "$C/shanxi_qihou/before.txt" "$C/shanxi_qihou/decision.txt" >/dev/null 2>&1
expect_status "verify with two files is a usage error" 2 $?
"$TIAO" verify -f xml "$C/shanxi_qihou/before.txt" "$C/shanxi_qihou/decision.txt" "$C/shanxi_qihou/after.txt" \
	>/dev/null 2>&1
expect_status "verify -f xml is a usage error" 2 $?
"$TIAO" verify "$C/shanxi_qihou/before.txt" "$tmp/missing" "$C/shanxi_qihou/after.txt" >/dev/null 2>&1
expect_status "verify with a missing decision exits 2" 2 $?
# a decision that cannot be applied
printf '关于修改《山西省气候资源开发利用和保护条例》的决定\n一、删去第九百条。\n' >"$tmp/bad.txt"
"$TIAO" verify "$C/shanxi_qihou/before.txt" "$tmp/bad.txt" "$C/shanxi_qihou/after.txt" >/dev/null 2>"$tmp/e"
expect_status "verify with an inapplicable instruction exits 2" 2 $?

# ---- corpus ----
for d in "$C"/*/; do
	c=$(basename "$d")
	"$TIAO" verify "$d/before.txt" "$d/decision.txt" "$d/after.txt" >"$tmp/v" 2>"$tmp/e"
	st=$?
	if [ "$st" -eq 2 ]; then
		fail "corpus $c: verify exit 2: $(grep -m1 error "$tmp/e" | head -c 300)"
		continue
	fi
	grep -a '^official ' "$tmp/v" | cut -d' ' -f2 | sort -u >"$tmp/named"
	if [ -f "$d/DEVIATIONS" ]; then
		cut -f1 "$d/DEVIATIONS" | sort -u >"$tmp/want"
		if [ "$st" -eq 1 ] && cmp -s "$tmp/named" "$tmp/want"; then
			pass "corpus $c: verify exits 1 naming $(tr '\n' ' ' <"$tmp/want")"
		else
			fail "corpus $c: verify exit $st naming [$(tr '\n' ' ' <"$tmp/named")], want [$(tr '\n' ' ' <"$tmp/want")]"
		fi
	else
		if [ "$st" -eq 0 ]; then pass "corpus $c: verify exits 0"
		else fail "corpus $c: verify exit $st naming [$(tr '\n' ' ' <"$tmp/named")]"; fi
	fi
done

# ---- a whole gazette as DECISION (tiao finds the decision that amends BASE) ----
g=$SHARED/gazette/shanxi-rdcwh-gazette-2020-05.txt
if [ -f "$g" ]; then
	"$TIAO" verify "$C/shanxi_wanjiazhai/before.txt" "$g" "$C/shanxi_wanjiazhai/after.txt" >"$tmp/v" 2>"$tmp/e"
	expect_status "verify with the whole gazette as the decision" 0 $?
fi

# ---- JSON ----
d=$C/sc_2024_nianjie_fangjia
"$TIAO" verify -f json "$d/before.txt" "$d/decision.txt" "$d/after.txt" >"$tmp/j" 2>/dev/null
expect_status "verify -f json exits 1 on a deviating text" 1 $?
if command -v jq >/dev/null 2>&1; then
	jq -e . "$tmp/j" >/dev/null 2>&1 && pass "verify json: valid" || fail "verify json: valid"
	n=$(jq '.count' "$tmp/j")
	[ "$n" = 2 ] && pass "verify json: count 2" || fail "verify json: count ($n)"
	cls=$(jq -r '.findings[] | select(.official.label == "第六条") | .class' "$tmp/j")
	[ "$cls" = "text" ] && pass "verify json: 第六条 differs where the decision changed nothing" \
		|| fail "verify json: 第六条 class ($cls)"
	l=$(jq -r '.findings[] | select(.official.label == "第六条") | "\(.official.line) \(.consolidated.base)"' "$tmp/j")
	[ "$l" = "23 6" ] && pass "verify json: both locations" || fail "verify json: both locations ($l)"
else
	echo "SKIP verify json: jq not installed"
fi
d=$C/national_fanlongduan_2022
"$TIAO" verify "$d/before.txt" "$d/decision.txt" "$d/after.txt" >"$tmp/v" 2>/dev/null
grep -aq '^official 第四十九条 (line [0-9]*) vs consolidated 第四十九条 (base 第四十一条, line [0-9]*): quote:' "$tmp/v" \
	&& pass "verify: an insertion the official text punctuates differently is a quote difference" \
	|| fail "verify: quote classification ($(head -c 200 "$tmp/v"))"

# ---- doctored official texts ----
d=$C/shanxi_wanjiazhai
# a carried-over reference the official text failed to rewrite (本条例第十一条 → 第十条)
sed 's/违反本条例第十一条第(一)项/违反本条例第十条第(一)项/' "$d/after.txt" >"$tmp/xref.txt"
if cmp -s "$d/after.txt" "$tmp/xref.txt"; then
	fail "verify xref: could not doctor the official text"
else
	"$TIAO" verify "$d/before.txt" "$d/decision.txt" "$tmp/xref.txt" >"$tmp/v" 2>/dev/null
	st=$?
	[ "$st" -eq 1 ] && grep -aq '^official 第二十条 .*: xref: cross-reference not rewritten' "$tmp/v" \
		&& pass "verify: reference not rewritten is classified xref" \
		|| fail "verify xref (exit $st): $(head -c 300 "$tmp/v")"
fi
# two paragraphs of one article merged: a note, counted only with --strict
awk '/^第三条/ { getline nxt; print $0 nxt; next } { print }' "$d/after.txt" >"$tmp/merged.txt"
"$TIAO" verify "$d/before.txt" "$d/decision.txt" "$tmp/merged.txt" >"$tmp/v" 2>/dev/null
st=$?
[ "$st" -eq 0 ] && grep -aq '^note: official 第三条 .*: structure: ' "$tmp/v" \
	&& pass "verify: paragraphs merged is a structure note" || fail "verify structure note (exit $st): $(head -c 300 "$tmp/v")"
"$TIAO" verify --strict "$d/before.txt" "$d/decision.txt" "$tmp/merged.txt" >/dev/null 2>&1
expect_status "verify --strict counts a paragraph merge" 1 $?
# an article the official text leaves out: the rest shift (renumbering)
awk '/^第二十四条/ { skip = 1; next } skip && /^第二十五条/ { sub(/^第二十五条/, "第二十四条") } { print }' \
	"$d/after.txt" >"$tmp/short.txt"
"$TIAO" verify "$d/before.txt" "$d/decision.txt" "$tmp/short.txt" >"$tmp/v" 2>/dev/null
st=$?
[ "$st" -eq 1 ] && grep -aq 'renumbering: renumbering differs' "$tmp/v" && grep -aq 'structure: article only in the consolidation' "$tmp/v" \
	&& pass "verify: a missing article and the shift after it" || fail "verify missing article (exit $st): $(head -c 300 "$tmp/v")"
[ "$fails" -eq 0 ]
