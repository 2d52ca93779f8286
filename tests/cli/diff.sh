#!/bin/sh
# tests/cli/diff.sh — tiao diff: options and exit status, the four formats, the corpus acceptance
# check (diff before/after reports exactly the articles the decision touches), and speed.
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

# ---- options and exit status ----
"$TIAO" diff --help >"$tmp/o" 2>&1
expect_status "diff --help exits 0" 0 $?
grep -q "usage: tiao diff OLD NEW" "$tmp/o" && pass "diff --help prints usage" || fail "diff --help prints usage"
"$TIAO" diff "$C/shanxi_qihou/before.txt" >/dev/null 2>"$tmp/e"
expect_status "diff with one file is a usage error" 2 $?
"$TIAO" diff -f pdf "$C/shanxi_qihou/before.txt" "$C/shanxi_qihou/after.txt" >/dev/null 2>"$tmp/e"
expect_status "diff -f pdf is a usage error" 2 $?
grep -q "unknown format 'pdf'" "$tmp/e" && pass "diff names the unknown format" || fail "diff names the unknown format"
"$TIAO" diff "$tmp/missing.txt" "$C/shanxi_qihou/after.txt" >/dev/null 2>&1
expect_status "diff of a missing file exits 2" 2 $?
"$TIAO" diff "$C/shanxi_qihou/before.txt" "$C/shanxi_qihou/before.txt" >"$tmp/o" 2>&1
expect_status "diff of a file with itself exits 0" 0 $?
grep -q "no differences" "$tmp/o" && pass "diff says no differences" || fail "diff says no differences"
"$TIAO" diff "$C/shanxi_qihou/before.txt" "$C/shanxi_qihou/after.txt" >"$tmp/o" 2>&1
expect_status "diff of two versions exits 1" 1 $?
# whitespace, line breaks inside nothing, ASCII vs full-width punctuation, «» vs 《》: no difference
sed -e 's/，/,/g' -e 's/。/./g' -e 's/《/«/g' -e 's/》/»/g' "$C/shanxi_qihou/before.txt" >"$tmp/folded.txt"
"$TIAO" diff "$C/shanxi_qihou/before.txt" "$tmp/folded.txt" >"$tmp/o" 2>&1
expect_status "punctuation style alone is no difference" 0 $?
cat "$C/shanxi_qihou/before.txt" | "$TIAO" diff - "$tmp/folded.txt" >/dev/null 2>&1
expect_status "OLD may be standard input" 0 $?

# ---- text ----
"$TIAO" diff "$C/shanxi_wanjiazhai/before.txt" "$C/shanxi_wanjiazhai/after.txt" >"$tmp/t" 2>&1
grep -q '^— → 第十条  added' "$tmp/t" && pass "text: the inserted article is added as 第十条" \
	|| fail "text: the inserted article is added as 第十条"
grep -q '^第九条 → 第九条  modified' "$tmp/t" && grep -q '引黄工程管理\[-机构-\]{+单位+}' "$tmp/t" \
	&& pass "text: [-deleted-]{+inserted+} inside a modified article" \
	|| fail "text: [-deleted-]{+inserted+} inside a modified article"
grep -q '^第十条–第十一条 → 第十一条–第十二条  renumbered (2 articles)' "$tmp/t" \
	&& pass "text: a run of renumbered articles is one line" || fail "text: a run of renumbered articles is one line"
if grep -q "$(printf '\033')" "$tmp/t"; then fail "text: no colour when not a terminal"; else pass "text: no colour when not a terminal"; fi
"$TIAO" diff --color=always "$C/shanxi_wanjiazhai/before.txt" "$C/shanxi_wanjiazhai/after.txt" >"$tmp/t" 2>&1
grep -q "$(printf '\033')\[32;4m单位" "$tmp/t" && pass "text: --color=always colours insertions" \
	|| fail "text: --color=always colours insertions"

# ---- JSON ----
"$TIAO" diff -f json "$C/shanxi_wanjiazhai/before.txt" "$C/shanxi_wanjiazhai/after.txt" >"$tmp/j" 2>&1
if command -v jq >/dev/null 2>&1; then
	jq -e . "$tmp/j" >/dev/null 2>&1 && pass "json: valid JSON" || fail "json: valid JSON"
	"$TIAO" diff -f json "$C/national_duiwaimaoyi_2022/before.txt" "$C/national_duiwaimaoyi_2022/after.txt" >"$tmp/j2"
	n=$(jq '[.changes[] | select(.op == "renumbered" and .references_only)] | length' "$tmp/j2")
	[ "$n" -ge 3 ] && pass "json: reference-only changes are renumbered ($n)" || fail "json: reference-only changes are renumbered ($n)"
	n=$(jq '[.changes[] | select(.op == "modified")] | length' "$tmp/j2")
	[ "$n" -eq 0 ] && pass "json: renumbered references are not modifications" || fail "json: renumbered references are not modifications ($n)"
	h=$(jq -r '.changes[] | select(.old == 9) | .hunks[0] | "\(.del)>\(.ins)"' "$tmp/j")
	[ "$h" = "机构>单位" ] && pass "json: hunks carry deleted and inserted text" || fail "json: hunks ($h)"
	s=$(jq -r '.changes[] | select(.old == 9) | .hunks[0].old | "\(.[0]) \(.[1])"' "$tmp/j")
	[ "$s" = "6 8" ] && pass "json: hunk spans in characters" || fail "json: hunk spans in characters ($s)"
else
	echo "SKIP json: jq not installed"
fi
grep -q '{"op": "added", "old": null, "new": 10,' "$tmp/j" && pass "json: added article has old null" \
	|| fail "json: added article has old null"

# ---- display hunks: whole item labels, marks closed at line breaks; JSON spans stay exact ----
"$TIAO" diff "$C/national_kuaijifa_2024/before.txt" "$C/national_kuaijifa_2024/after.txt" >"$tmp/k" 2>&1
grep -q '^    \[-（三）债权债务的发生和结算-\]{+（二）负债的增减+}；$' "$tmp/k" \
	&& grep -q '^    \[-（五）-\]{+（四）+}收入' "$tmp/k" && ! grep -q '（\[-\|（{+' "$tmp/k"
[ $? -eq 0 ] && pass "text: a hunk touching an item label shows the whole label ([-（五）-]{+（四）+})" \
	|| fail "text: a hunk touching an item label shows the whole label"
n=$(awk '{ o = gsub(/\[-/, "&"); c = gsub(/-\]/, "&"); p = gsub(/\{\+/, "&"); q = gsub(/\+\}/, "&");
	if (o != c || p != q) n++ } END { print n + 0 }' "$tmp/k")
grep -q '^    （一）\[-款项和有价证券的收付；-\]$' "$tmp/k" && [ "$n" = 0 ]
[ $? -eq 0 ] && pass "text: no [-…-] or {+…+} spans a paragraph break ($n unbalanced lines)" \
	|| fail "text: no [-…-] or {+…+} spans a paragraph break ($n unbalanced lines)"
if command -v python3 >/dev/null 2>&1; then
	"$TIAO" diff -f json "$C/national_kuaijifa_2024/before.txt" "$C/national_kuaijifa_2024/after.txt" >"$tmp/kj"
	r=$(python3 - "$tmp/kj" <<'PY'
import json, sys, unicodedata
d = json.load(open(sys.argv[1]))
bad = n = 0
for c in d["changes"]:
    if "hunks" not in c:
        continue
    o, w, out, pos = c["old_text"], c["new_text"], [], 0
    for h in c["hunks"]:
        n += 1
        a0, a1 = h["old"]; b0, b1 = h["new"]
        if o[a0:a1] != h["del"] or w[b0:b1] != h["ins"] or h["old_para"] != o[:a0].count("\n") + 1:
            bad += 1
        out.append(o[pos:a0]); out.append(h["ins"]); pos = a1
    out.append(o[pos:])
    # the text between hunks is equal on the matching key (NFKC-style folding, no whitespace):
    # ASCII ':' in OLD may stand where NEW has '：'
    key = lambda t: "".join(unicodedata.normalize("NFKC", t).split())
    bad += key("".join(out)) != key(w)
print(n, bad)
PY
)
	[ "${r#* }" = 0 ] && [ "${r% *}" -gt 0 ] && pass "json: hunk spans rebuild new_text from old_text ($r)" \
		|| fail "json: hunk spans rebuild new_text from old_text (hunks, bad: $r)"
else
	echo "SKIP json: python3 not installed, hunk spans not replayed"
fi

# ---- HTML ----
"$TIAO" diff -f html -o "$tmp/h.html" "$C/shanxi_wanjiazhai/before.txt" "$C/shanxi_wanjiazhai/after.txt"
expect_status "html: -o writes the page, exit 1" 1 $?
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$tmp/h.html" 2>"$tmp/e" && pass "html: well-formed (polyglot XHTML)" \
		|| fail "html: not well-formed: $(head -c 300 "$tmp/e")"
	# xmllint's HTML parser predates HTML5: ignore its complaints about HTML5 elements only
	xmllint --html --noout "$tmp/h.html" 2>&1 | grep 'error' | grep -Ev 'Tag (nav|details|summary) invalid' >"$tmp/e"
	[ ! -s "$tmp/e" ] && pass "html: xmllint --html finds no error" || fail "html: xmllint --html: $(head -c 300 "$tmp/e")"
else
	echo "SKIP html: xmllint not installed"
fi
grep -q '<del>机构</del>' "$tmp/h.html" && grep -q '<ins>单位</ins>' "$tmp/h.html" \
	&& pass "html: <del> left, <ins> right" || fail "html: <del> left, <ins> right"
grep -q '<th>原条文</th><th>修改后条文</th>' "$tmp/h.html" && pass "html: two columns" || fail "html: two columns"
grep -q '<details><summary>' "$tmp/h.html" && pass "html: unchanged articles folded" || fail "html: unchanged articles folded"
grep -q 'href="#c' "$tmp/h.html" && pass "html: table of contents" || fail "html: table of contents"
if grep -Eq '<script|<link|src="http|href="http' "$tmp/h.html"; then fail "html: self-contained"; else pass "html: self-contained"; fi

# ---- decision ----
"$TIAO" diff -f decision "$C/shanxi_wanjiazhai/before.txt" "$C/shanxi_wanjiazhai/after.txt" >"$tmp/d" 2>&1
head -n 1 "$tmp/d" | grep -q '^关于修改《山西省万家寨引黄工程保护条例》的决定$' && pass "decision: title" || fail "decision: title"
grep -q '^[一二三四五六七八九十]*、增加一条，作为第十条：“' "$tmp/d" && pass "decision: 增加一条，作为第十条" \
	|| fail "decision: 增加一条，作为第十条"
grep -q '^[一二三四五六七八九十]*、将第九条、第十二条中的“机构”修改为“单位”。$' "$tmp/d" \
	&& pass "decision: one substitution over several articles" || fail "decision: one substitution over several articles"
grep -q '并对条款顺序作相应调整' "$tmp/d" && pass "decision: closing renumbering sentence" \
	|| fail "decision: closing renumbering sentence"
grep -q '第二十二条' "$tmp/d" && fail "decision: no instruction for a renumbered reference" \
	|| pass "decision: no instruction for a renumbered reference"

# ---- corpus acceptance: diff reports exactly the articles the decision touches ----
# The touched articles come from the engine's own record (consolidate -f json "changes"): base
# numbers of targets and result numbers; renumbering-only operations do not count. Articles listed
# in DEVIATIONS (official text differs from the decision) may also differ.
for d in "$C"/*/; do
	c=$(basename "$d")
	"$TIAO" diff -f json "$d/before.txt" "$d/after.txt" >"$tmp/dj" 2>"$tmp/e"
	st=$?
	if [ "$st" -ne 1 ]; then fail "corpus $c: diff exit $st"; continue; fi
	if ! "$TIAO" consolidate -f json "$d/before.txt" "$d/decision.txt" >"$tmp/cj" 2>"$tmp/e"; then
		echo "SKIP corpus $c: consolidate fails ($(grep -m1 error "$tmp/e" | head -c 200))"
		continue
	fi
	[ -f "$d/DEVIATIONS" ] && cut -f1 "$d/DEVIATIONS" >"$tmp/dev" || : >"$tmp/dev"
	res=$(awk -v devf="$tmp/dev" '
		function num(s, key,   p, r) {
			pat = "\"" key "\": {\"art\": "
			p = index(s, pat)
			if (!p) return ""
			r = substr(s, p + length(pat)); sub(/[^0-9].*/, "", r); return r
		}
		function jnum(s, key,   p, r) {
			pat = "\"" key "\": "
			p = index(s, pat)
			if (!p) return ""
			r = substr(s, p + length(pat)); if (r ~ /^null/) return ""; sub(/[^0-9].*/, "", r); return r
		}
		BEGIN { while ((getline l < devf) > 0) dev[l] = 1 }
		FILENAME == ARGV[1] && /"instruction"/ {
			if ($0 ~ /"what": "renumbering"/ || $0 ~ /"op": "heading/) next
			t = num($0, "target"); r = num($0, "result")
			if (t == "0") next                  # a chapter-level change (merge, heading)
			if (t == "" && r == "") next        # a division (chapter, section)
			if (t != "") told[t] = 1
			if (r != "") tnew[r] = 1
			nch++; ct[nch] = t; cr[nch] = r; cl[nch] = $0
			next
		}
		# reported as changed: modified / added / deleted, and a renumbered or moved article whose
		# references changed (the decision may rewrite a reference explicitly)
		FILENAME == ARGV[2] && /"op": "(modified|added|deleted)"|"references_only": true/ {
			o = jnum($0, "old"); n = jnum($0, "new")
			if (o != "") dold[o] = 1
			if (n != "") dnew[n] = 1
			if ($0 ~ /"references_only": true/) next
			lab = $0; sub(/.*"new_label": "/, "", lab); sub(/".*/, "", lab)
			if (!global && !((o != "" && o in told) || (n != "" && n in tnew) || (n != "" && lab in dev)))
				{ print "untouched article reported: old " o " new " n; bad = 1 }
		}
		END {
			for (i = 1; i <= nch; i++)
				if (!((ct[i] != "" && ct[i] in dold) || (cr[i] != "" && cr[i] in dnew)))
					{ print "touched article not reported: target " ct[i] " result " cr[i]; bad = 1 }
			if (!bad) print global ? "ok (document-wide substitution: untouched check skipped)" : "ok"
		}' "$tmp/cj" "$tmp/dj")
	if [ "${res%% *}" = "ok" ]; then pass "corpus $c: diff reports exactly the touched articles ${res#ok}"
	else fail "corpus $c: $(echo "$res" | head -n 5 | tr '\n' ';')"; fi
done

# ---- speed: 10,000-article texts ----
awk 'BEGIN {
	split("一 二 三 四 五 六 七 八 九", D, " ")
	print "速度测试条例"
	for (i = 1; i <= 10000; i++) {
		n = i; s = ""
		if (n >= 1000) { s = D[int(n / 1000)] "千"; n %= 1000; if (n > 0 && n < 100) s = s "零" }
		if (n >= 100) { s = s D[int(n / 100)] "百"; n %= 100; if (n > 0 && n < 10) s = s "零" }
		if (n >= 10) { s = s ((s == "" && int(n / 10) == 1) ? "" : D[int(n / 10)]) "十"; n %= 10 }
		if (n > 0) s = s D[n]
		printf "第%s条　第%d项事务由有关部门依照规定办理，并报告编号为%d的登记机关备案。\n", s, i, i * 7
	}
}' >"$tmp/big1.txt"
awk 'NR > 1 && NR % 50 == 0 { sub(/有关部门/, "主管部门") } { print }' "$tmp/big1.txt" >"$tmp/big2.txt"
t0=$(date +%s%N)
"$TIAO" diff -f json "$tmp/big1.txt" "$tmp/big2.txt" >"$tmp/bj" 2>&1
st=$?
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
m=$(grep -c '"op": "modified"' "$tmp/bj")
[ "$st" -eq 1 ] && [ "$m" -eq 200 ] && pass "speed: 10,000 articles, 200 modified found" \
	|| fail "speed: 10,000 articles (exit $st, $m modified)"
[ "$ms" -lt 3000 ] && pass "speed: 10,000-article diff in ${ms} ms (parse included)" \
	|| fail "speed: 10,000-article diff took ${ms} ms"
[ "$fails" -eq 0 ]
