#!/bin/sh
# tests/cli/html.sh — the HTML redline (tiao diff -f html, 修改前后对照表), checked as markup and in
# headless Chromium (issue 4 acceptance).
#
# For a few corpus cases:
#  - the page: well-formed, self-contained (no http(s) URL but the XHTML namespace, no script,
#    no external stylesheet, image or frame), the two column headers 原条文 | 修改后条文, every
#    changed article one row with the old text left and the new text right, <del> only in the left
#    column and <ins> only in the right one, a known deletion and insertion in the same row, added
#    and deleted articles with an empty opposite cell, unchanged articles folded into <details>,
#    and a table of contents linking every changed row;
#  - in Chromium: --dump-dom gives back the same rows, <del> and <ins>; a 1280x2000 screenshot is
#    decoded by tests/tools/pngstat.c and must not be blank (non-white and dark text pixels, many
#    colours from antialiased text), with the stylesheet's red <del> in the left half and its green
#    <ins> in the right half. A screenshot of an empty page must come out blank (so the inspector
#    can tell).
# The browser part needs chromium, a CJK font and zlib (to decode PNG). When one is missing and
# TIAO_INSTALL_BROWSER=1 is set, running as root with apt-get, they are installed from Debian
# (chromium fonts-noto-cjk zlib1g-dev); if they are still missing the browser part then FAILs.
# Without TIAO_INSTALL_BROWSER=1 the browser part prints SKIP lines.
# HTML_SHOTS=DIR keeps the screenshots (DIR/CASE.png) for a look; CHROMIUM=PATH names another
# Chromium binary (default chromium).
# Run from the repository root; TIAO and SHARED come from tests/run.sh.
TIAO=${TIAO:-build/tiao}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && cd ../shared 2>/dev/null && pwd)}
CC=${CC:-cc}
CHROMIUM=${CHROMIUM:-chromium}
C=$SHARED/corpus
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tiao-html.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }
skip() { echo "SKIP $1"; }
check() { # WHAT CONDITION-STATUS [DETAIL]
	if [ "$2" -eq 0 ]; then pass "$1"; else fail "$1${3:+ ($3)}"; fi
}

# CASE | a deletion | the insertion in the same row (from the text diff of the case)
cases='national_kuaijifa_2024|帐|账
shanxi_wanjiazhai|机构|单位
national_tongjifa_2024|促进|推动全面建设'

# XPath over the polyglot page (namespaced: match on local-name)
have_xmllint=0
command -v xmllint >/dev/null 2>&1 && have_xmllint=1
[ $have_xmllint -eq 1 ] || skip "html: xmllint not installed, XPath checks of the page skipped"
xp() { # FILE EXPR -> value
	xmllint --xpath "$2" "$1" 2>/dev/null
}
# //td -> //*[local-name()="td"] for every element name in the expression
el() { echo "*[local-name()=\"$1\"]"; }
TR=$(el tr) TD=$(el td) TH=$(el th) DEL=$(el del) INS=$(el ins) NAV=$(el nav) A=$(el a)
DETAILS=$(el details) SUMMARY=$(el summary) THEAD=$(el thead) H2=$(el h2)

# ---- the page as markup ----
echo "$cases" >"$tmp/cases"
while IFS='|' read -r c d i; do
	h=$tmp/$c.html
	"$TIAO" diff -f html "$C/$c/before.txt" "$C/$c/after.txt" >"$h" 2>"$tmp/err"
	st=$?
	[ $st -eq 1 ] && [ -s "$h" ] && pass "$c: diff -f html writes a page, exit 1" \
		|| { fail "$c: diff -f html writes a page, exit 1 (exit $st: $(head -c 200 "$tmp/err"))"; continue; }
	head -n 1 "$h" | grep -q '^<!DOCTYPE html>' && grep -q '<meta charset="utf-8" />' "$h"
	check "$c: HTML5 doctype and utf-8" $?
	# self-contained: no URL but the XHTML namespace, nothing loaded from elsewhere
	urls=$(grep -Eo "https?://[^\"' <>)]*" "$h" | grep -v '^http://www\.w3\.org/1999/xhtml$' | head -n 3 | tr '\n' ' ')
	ext=$(grep -Eoi '<script|<link|<img|<iframe|<object|<embed|@import|url\(|src=' "$h" | head -n 3 | tr '\n' ' ')
	[ -z "$urls$ext" ]
	check "$c: self-contained (no URL, script, stylesheet link or image)" $? "$urls$ext"
	grep -q '<style>' "$h" && grep -q 'del{' "$h" && grep -q 'ins{' "$h"
	check "$c: inline stylesheet styles del and ins" $?
	grep -q '<th>原条文</th><th>修改后条文</th>' "$h"
	check "$c: two column headers 原条文 | 修改后条文" $?
	grep -q '<h2>修改条文目录</h2>' "$h"
	check "$c: table of contents heading" $?
	[ $have_xmllint -eq 1 ] || continue
	xmllint --noout "$h" 2>"$tmp/err"
	check "$c: well-formed (polyglot XHTML)" $? "$(head -c 200 "$tmp/err")"
	[ "$(xp "$h" "string((//$THEAD//$TH)[1])")|$(xp "$h" "string((//$THEAD//$TH)[2])")" = "原条文|修改后条文" ]
	check "$c: 原条文 is the left column, 修改后条文 the right" $?
	rows=$(xp "$h" "count(//$TR[@id])")
	good=$(xp "$h" "count(//$TR[@id][count($TD)=2][$TD[1][@class=\"old\"]][$TD[2][@class=\"new\"]])")
	[ "${rows:-0}" -gt 0 ] && [ "$rows" = "$good" ]
	check "$c: every changed article is one row: old cell left, new cell right ($rows rows)" $? "$good of $rows"
	dl=$(xp "$h" "count(//$TD[@class=\"old\"]//$DEL)"); dr=$(xp "$h" "count(//$TD[@class=\"new\"]//$DEL)")
	il=$(xp "$h" "count(//$TD[@class=\"old\"]//$INS)"); ir=$(xp "$h" "count(//$TD[@class=\"new\"]//$INS)")
	[ "${dl:-0}" -gt 0 ] && [ "$dr" = 0 ]
	check "$c: <del> only in the left column ($dl left, $dr right)" $?
	[ "${ir:-0}" -gt 0 ] && [ "$il" = 0 ]
	check "$c: <ins> only in the right column ($ir right, $il left)" $?
	n=$(xp "$h" "count(//$TR[@id][$TD[@class=\"old\"]//$DEL[contains(.,\"$d\")]][$TD[@class=\"new\"]//$INS[contains(.,\"$i\")]])")
	[ "${n:-0}" -ge 1 ]
	check "$c: <del>$d</del> and <ins>$i</ins> side by side in one row" $?
	n=$(xp "$h" "count(//$TR[@class=\"added\"][normalize-space($TD[@class=\"old\"])!=\"\" or not($TD[@class=\"new\"]/$INS)])")
	m=$(xp "$h" "count(//$TR[@class=\"deleted\"][normalize-space($TD[@class=\"new\"])!=\"\" or not($TD[@class=\"old\"]/$DEL)])")
	[ "$n" = 0 ] && [ "$m" = 0 ]
	check "$c: added articles only right (all <ins>), deleted only left (all <del>)" $?
	f=$(xp "$h" "count(//$DETAILS/$SUMMARY[contains(.,\"未修改\")])")
	fid=$(xp "$h" "count(//$DETAILS//$TR[@id])")
	[ "${f:-0}" -ge 1 ] && [ "$fid" = 0 ]
	check "$c: unchanged articles folded into <details> ($f folds), not in the contents" $?
	toc=$(xp "$h" "count(//$NAV//$A[starts-with(@href,\"#c\")])")
	dangling=$(xp "$h" "count(//$NAV//$A[not(substring(@href,2) = //$TR/@id)])")
	[ "$(xp "$h" "string(//$NAV/$H2)")" = "修改条文目录" ] && [ "$toc" = "$rows" ] && [ "$dangling" = 0 ]
	check "$c: table of contents links every changed row ($toc links, $dangling dangling)" $?
done <"$tmp/cases"

# ---- divider rows, folds, contents, labels (review of the redline) ----
# Divider rows are aligned pairs (old heading | new heading): each heading of either side shows
# exactly once, in order; a deleted chapter is struck through on the left with an empty right
# cell; a renumbered chapter is one row 第四章 | 第三章. Folds say 未修改 only for unchanged runs
# and give both numberings for renumbered ones (仅序号调整); a fold never hides a divider.
divlabels() { # FILE old|new -> the labels of that side's divider halves, in order, one line
	grep -o '<tr class="div[^"]*">.*</tr>' "$1" | sed 's/<th /\
<th /g' | grep "^<th class=\"$2\"" \
		| sed -e 's/<[^>]*>//g' -e 's/　.*//' | grep -v '^$' | tr '\n' ' '
}
h=$tmp/national_kuaijifa_2024.html
if [ -s "$h" ]; then
	got=$(divlabels "$h" new)
	[ "$got" = "第一章 第二章 第三章 第四章 第五章 第六章 " ]
	check "national_kuaijifa_2024: every new chapter heading once, in order ($got)" $?
	got=$(divlabels "$h" old)
	[ "$got" = "第一章 第二章 第三章 第四章 第五章 第六章 第七章 " ]
	check "national_kuaijifa_2024: every old chapter heading once, in order ($got)" $?
	grep -q '<tr class="div deleted"><th class="old"[^>]*><del>第三章　公司、企业会计核算的特别规定</del></th><th class="new"></th></tr>' "$h"
	check "national_kuaijifa_2024: deleted chapter 第三章 struck through left, right cell empty" $?
	grep -q '<tr class="div renumbered"><th class="old"[^>]*>第四章　会计监督</th><th class="new">第三章　会计监督</th></tr>' "$h" \
		&& grep -q '<th class="old"[^>]*>第六章　法律责任</th><th class="new">第五章　法律责任</th>' "$h"
	check "national_kuaijifa_2024: renumbered chapters are one row each (第四章 | 第三章, 第六章 | 第五章)" $?
	grep -q 'nav li{display:inline-block;white-space:nowrap' "$h"
	check "contents entries do not break inside a link (inline-block, nowrap)" $?
	grep -q '<li><a href="#d[0-9]*">第四章　会计监督 → 第三章　会计监督（序号调整）</a></li>' "$h" \
		&& grep -q '<li><a href="#d[0-9]*"><del>第三章　公司、企业会计核算的特别规定</del>（删去）</a></li>' "$h"
	check "national_kuaijifa_2024: 章节标题 lists the deleted and the renumbered chapters" $?
	grep -q '<del>（三）债权债务的发生和结算</del>' "$h" && grep -q '<ins>（二）负债的增减</ins>' "$h" && grep -q '<del>（五）</del>' "$h" && grep -q '<ins>（四）</ins>' "$h"
	check "national_kuaijifa_2024: a changed item label is marked whole (<del>（五）</del> | <ins>（四）</ins>)" $?
fi
h=$tmp/national_tongjifa_2024.html
if [ -s "$h" ]; then
	got=$(divlabels "$h" old)
	[ "$got" = "第一章 第二章 第三章 第四章 第五章 第六章 第七章 " ]
	check "national_tongjifa_2024: no fold hides a chapter divider ($got)" $?
	grep -q '<summary>第七条（修改后第八条）仅序号调整（1条）</summary>' "$h" \
		&& grep -q '<summary>第二条未修改（1条）</summary>' "$h" && ! grep -q '<summary>第七条未修改' "$h"
	check "national_tongjifa_2024: 第七条（修改后第八条）仅序号调整, not 未修改" $?
fi
h=$tmp/shanxi_wanjiazhai.html
if [ -s "$h" ]; then
	grep -q '<summary>第十条至第十一条（修改后第十一条至第十二条）仅序号调整（2条）</summary>' "$h" \
		&& grep -q '<summary>第一条至第二条未修改（2条）</summary>' "$h"
	check "shanxi_wanjiazhai: renumbered run 第十条至第十一条（修改后第十一条至第十二条）仅序号调整" $?
fi
while IFS='|' read -r c d i; do
	h=$tmp/$c.html
	[ -s "$h" ] || continue
	# no mark starts inside an item label or spans a line break
	bad=$(grep -Eo '（<(del|ins)>[^<]{0,4}|<(del|ins)>[一二三四五六七八九十]+）' "$h" | head -n 3 | tr '\n' ' ')
	[ -z "$bad" ]
	check "$c: no <del>/<ins> splits an item label" $? "$bad"
	[ $have_xmllint -eq 1 ] || continue
	n=$(xp "$h" "count(//$DEL[$(el br)] | //$INS[$(el br)])")
	[ "$n" = 0 ]
	check "$c: no <del>/<ins> crosses a paragraph break ($n)" $?
	n=$(xp "$h" "count(//$DETAILS[$SUMMARY[contains(.,\"未修改\")]]//$TR[string($TD[1]/*[1]) != string($TD[2]/*[1])])")
	m=$(xp "$h" "count(//$DETAILS[$SUMMARY[contains(.,\"仅序号调整\")]]//$TR[string($TD[1]/*[1]) = string($TD[2]/*[1])])")
	[ "$n" = 0 ] && [ "$m" = 0 ]
	check "$c: 未修改 folds hold only unchanged numbers, 仅序号调整 folds only renumbered ones" $? "$n, $m"
	n=$(xp "$h" "count(//*[local-name()=\"ul\"][@class=\"heads\"]//$A[not(substring(@href,2) = //$TH/@id)])")
	[ "${n:-1}" = 0 ]
	check "$c: 章节标题 entries link to their divider rows" $?
done <"$tmp/cases"

# ---- headless Chromium ----
inst=0
[ "${TIAO_INSTALL_BROWSER:-0}" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && inst=1
have_cjk() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]; }
have_zlib() { printf '#include <zlib.h>\nint main(void){return 0;}\n' | $CC -x c -o "$tmp/z" - -lz >/dev/null 2>&1; }
want=
command -v "$CHROMIUM" >/dev/null 2>&1 || want="$want chromium"
have_cjk || want="$want fonts-noto-cjk"
have_zlib || want="$want zlib1g-dev"
if [ -n "$want" ] && [ $inst -eq 1 ]; then
	echo "installing:$want"
	if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $want; } \
		>"$tmp/apt.log" 2>&1; then
		pass "browser packages installed:$want"
	else
		fail "browser packages installed:$want ($(tail -n 3 "$tmp/apt.log" | tr '\n' ' '))"
	fi
fi
browser=1 shots=0
if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
	browser=0
	if [ "${TIAO_INSTALL_BROWSER:-0}" = 1 ]; then
		fail "$CHROMIUM available (TIAO_INSTALL_BROWSER=1; install needs root and apt-get)"
	else
		skip "$CHROMIUM not installed (set TIAO_INSTALL_BROWSER=1 as root to install it): browser checks skipped"
	fi
fi
if [ $browser -eq 1 ]; then
	if have_cjk; then
		pass "a CJK font is installed ($(fc-match -f '%{family[0]}' 'serif:lang=zh-cn'))"
	elif [ "${TIAO_INSTALL_BROWSER:-0}" = 1 ]; then
		fail "a CJK font is installed (fonts-noto-cjk)"
	else
		skip "no CJK font (fonts-noto-cjk): the screenshot shows boxes for 汉字"
	fi
	if $CC -O1 -std=c11 -o "$tmp/pngstat" tests/tools/pngstat.c -lz 2>"$tmp/err"; then
		pass "pngstat builds (zlib)"
		shots=1
	elif [ "${TIAO_INSTALL_BROWSER:-0}" = 1 ]; then
		fail "pngstat builds (zlib1g-dev): $(head -c 300 "$tmp/err")"
	else
		skip "pngstat does not build (no zlib1g-dev): screenshot checks skipped"
	fi
fi
chrome() { # chromium ARGS... (own profile, no network, bounded time)
	ud=$(mktemp -d "$tmp/profile.XXXXXX")
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$ud" "$@" 2>>"$tmp/chromium.log"
	cst=$?
	rm -rf "$ud"
	return $cst
}
stat_of() { sed -n "s/^$1 //p" "$2"; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; } # A >= B (decimals)

if [ $shots -eq 1 ]; then
	# the inspector must see an empty page as blank
	printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>x</title></head><body></body></html>\n' >"$tmp/empty.html"
	if chrome --screenshot="$tmp/empty.png" --window-size=1280,2000 "file://$tmp/empty.html" >/dev/null \
		&& "$tmp/pngstat" "$tmp/empty.png" >"$tmp/empty.stat"; then
		nw=$(stat_of nonwhite "$tmp/empty.stat")
		ge 0.001 "$nw"
		check "chromium: a screenshot of an empty page is blank (non-white $nw)" $?
	else
		fail "chromium: screenshot of an empty page ($(tail -n 2 "$tmp/chromium.log" | tr '\n' ' '))"
	fi
fi
if [ $browser -eq 1 ]; then
	while IFS='|' read -r c d i; do
		h=$tmp/$c.html
		[ -s "$h" ] || continue
		# DOM as the browser parsed it: same rows, deletions and insertions as the page
		if chrome --dump-dom "file://$h" >"$tmp/$c.dom"; then
			grep -q "<title>.*修改前后对照表</title>" "$tmp/$c.dom" && grep -q '<th>原条文</th><th>修改后条文</th>' "$tmp/$c.dom"
			check "$c: chromium --dump-dom: title and column headers" $?
			grep -o '<tr id="c[0-9]*"[^>]*>' "$h" >"$tmp/rows.src"
			grep -o '<tr id="c[0-9]*"[^>]*>' "$tmp/$c.dom" >"$tmp/rows.dom"
			[ -s "$tmp/rows.src" ] && cmp -s "$tmp/rows.src" "$tmp/rows.dom"
			check "$c: chromium --dump-dom: the same $(wc -l <"$tmp/rows.src" | tr -d ' ') changed rows in order" $?
			[ "$(grep -o '<del>' "$h" | wc -l)" -eq "$(grep -o '<del>' "$tmp/$c.dom" | wc -l)" ] \
				&& [ "$(grep -o '<ins>' "$h" | wc -l)" -eq "$(grep -o '<ins>' "$tmp/$c.dom" | wc -l)" ] \
				&& [ "$(grep -o '<details>' "$h" | wc -l)" -eq "$(grep -o '<details>' "$tmp/$c.dom" | wc -l)" ]
			check "$c: chromium --dump-dom: every <del>, <ins> and <details> kept" $?
			[ "$(grep -o '<tr class="div' "$h" | wc -l)" -eq "$(grep -o '<tr class="div' "$tmp/$c.dom" | wc -l)" ]
			check "$c: chromium --dump-dom: every divider row kept" $?
		else
			fail "$c: chromium --dump-dom ($(tail -n 2 "$tmp/chromium.log" | tr '\n' ' '))"
		fi
		# screenshot, decoded and inspected
		[ $shots -eq 1 ] || continue
		png=$tmp/$c.png
		if ! chrome --screenshot="$png" --window-size=1280,2000 "file://$h" >/dev/null || [ ! -s "$png" ]; then
			fail "$c: chromium --screenshot ($(tail -n 2 "$tmp/chromium.log" | tr '\n' ' '))"
			continue
		fi
		if [ -n "${HTML_SHOTS:-}" ]; then
			mkdir -p "$HTML_SHOTS" && cp "$png" "$HTML_SHOTS/$c.png"
		fi
		if ! "$tmp/pngstat" "$png" >"$tmp/$c.stat" 2>"$tmp/err"; then
			fail "$c: screenshot decodes ($(cat "$tmp/err"))"
			continue
		fi
		s=$tmp/$c.stat
		[ "$(stat_of width "$s")x$(stat_of height "$s")" = 1280x2000 ]
		check "$c: screenshot is 1280x2000 ($(stat_of width "$s")x$(stat_of height "$s"))" $?
		nw=$(stat_of nonwhite "$s"); dk=$(stat_of dark "$s"); nc=$(stat_of colours "$s")
		ge "$nw" 0.01 && ge "$dk" 0.005 && [ "$nc" -ge 32 ]
		check "$c: screenshot not blank (non-white $nw, dark $dk, $nc colours)" $?
		rl=$(stat_of red_left "$s"); rr=$(stat_of red_right "$s")
		[ "$rl" -ge 300 ] && [ "$rl" -ge $((4 * rr)) ]
		check "$c: red <del> text in the left column ($rl px left, $rr right)" $?
		gl=$(stat_of green_left "$s"); gr=$(stat_of green_right "$s")
		[ "$gr" -ge 300 ] && [ "$gr" -ge $((4 * gl)) ]
		check "$c: green <ins> text in the right column ($gr px right, $gl left)" $?
		[ "$(stat_of blue "$s")" -ge 300 ]
		check "$c: table of contents links drawn ($(stat_of blue "$s") blue px)" $?
	done <"$tmp/cases"
fi
[ $fails -eq 0 ]
