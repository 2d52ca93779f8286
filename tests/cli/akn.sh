#!/bin/sh
# tests/cli/akn.sh — tiao parse / consolidate -f xml (Akoma Ntoso 3.0): the output validates against
# schemas/akomantoso30.xsd (xmllint), carries the structure and ids of the text, links internal
# references, and after consolidate records wIds and passive modifications. Run from the repo root.
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && cd ../shared 2>/dev/null && pwd)}
SCHEMA=schemas/akomantoso30.xsd
fails=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tiao-akn.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

if ! command -v xmllint >/dev/null 2>&1; then
	echo "SKIP xmllint not installed (package libxml2-utils)"
	exit 0
fi
valid() { xmllint --noout --nonet --schema "$SCHEMA" "$1" >"$tmp/xmllint.log" 2>&1; }
# count NAME FILE: elements <NAME in FILE
count() { grep -o "<$1[ >/]" "$2" | wc -l; }
# xp XPATH FILE: string value of an XPath expression (AKN elements under prefix a:)
xp() {
	xmllint --xpath "string($1)" "$2" 2>/dev/null | head -n 1
}
ns() { sed 's/ xmlns="[^"]*"//' "$1" >"$1.nons"; }

# ---- parse -f xml on every corpus text --------------------------------------------------------
n=0; bad=
for d in "$SHARED"/corpus/*/; do
	c=$(basename "$d")
	for f in before after; do
		[ -f "$d/$f.txt" ] || continue
		n=$((n + 1))
		if ! "$TIAO" parse "$d/$f.txt" -f xml -o "$tmp/p.xml" 2>"$tmp/err"; then
			bad="$bad $c/$f(status)"
			continue
		fi
		valid "$tmp/p.xml" || { bad="$bad $c/$f(schema)"; head -n 3 "$tmp/xmllint.log"; continue; }
		# as many <article> elements as the JSON tree has articles
		a=$(count article "$tmp/p.xml")
		j=$("$TIAO" parse "$d/$f.txt" -f json | grep -o '"kind": *"article"' | wc -l)
		[ "$a" -eq "$j" ] || bad="$bad $c/$f(articles $a != $j)"
	done
done
if [ -z "$bad" ] && [ "$n" -gt 0 ]; then
	pass "parse -f xml: $n corpus texts validate against akomantoso30.xsd"
else
	fail "parse -f xml:$bad"
fi

# ---- the structure of one text ------------------------------------------------------------------
base=$SHARED/corpus/shanxi_wanjiazhai/before.txt
dec=$SHARED/corpus/shanxi_wanjiazhai/decision.txt
"$TIAO" parse "$base" -f xml >"$tmp/w.xml" 2>/dev/null
ns "$tmp/w.xml"
W=$tmp/w.xml.nons
[ "$(xp 'count(/akomaNtoso/act/meta/identification/FRBRWork)' "$W")" = 1 ] &&
	[ "$(xp 'count(//FRBRExpression/FRBRlanguage)' "$W")" = 1 ] &&
	[ "$(xp 'count(//FRBRManifestation/FRBRformat)' "$W")" = 1 ] &&
	pass "FRBR work, expression and manifestation" || fail "FRBR identification"
# the work date is the adoption date of the 题注 (written with ASCII or full-width digits)
wdate=$(xp '//FRBRWork/FRBRdate/@date' "$W")
year=${wdate%%-*}
fw=$(echo "$year" | sed 's/0/０/g; s/1/１/g; s/2/２/g; s/3/３/g; s/4/４/g; s/5/５/g; s/6/６/g; s/7/７/g; s/8/８/g; s/9/９/g')
if [ -n "$year" ] && sed -n '2p' "$base" | grep -q -e "^.\{0,3\}$year年" -e "^.\{0,3\}$fw年"; then
	pass "FRBRWork date $wdate is the adoption date of the 题注"
else
	fail "FRBRWork date '$wdate'"
fi
title=$(sed -n '1p' "$base" | tr -d '\r')
[ "$(xp '//preface/p/docTitle' "$W")" = "$title" ] && pass "preface docTitle is the title" ||
	fail "preface docTitle"
[ "$(xp 'count(//article[@eId="art_1"]/paragraph[@eId="art_1__para_1"]/content/p)' "$W")" = 1 ] &&
	pass "eIds art_1, art_1__para_1" || fail "eIds art_1, art_1__para_1"
pts=$(xp 'count(//point[starts-with(@eId, "art_")][contains(@eId, "__para_")][contains(@eId, "__point_")])' "$W")
allpts=$(xp 'count(//point)' "$W")
[ "$pts" -gt 0 ] && [ "$pts" = "$allpts" ] && pass "items are points art_N__para_M__point_K ($pts)" ||
	fail "item eIds ($pts of $allpts)"
# every internal link lands on an element
refs=$(xp 'count(//ref)' "$W")
ok=0; broken=
for h in $(grep -o '<ref href="#[^"]*"' "$W" | sed 's/.*#//; s/"$//' | sort -u); do
	if [ "$(xp "count(//*[@eId=\"$h\"])" "$W")" = 1 ]; then ok=$((ok + 1)); else broken="$broken $h"; fi
done
[ "$refs" -gt 0 ] && [ -z "$broken" ] && pass "$refs internal references link to existing eIds" ||
	fail "references: $refs, broken:$broken"
# the text of a paragraph is unchanged by the markup
p5=$(xp '//article[@eId="art_5"]/paragraph[1]/*/p' "$W")
t5=$("$TIAO" parse "$base" | grep '^第五条' | sed 's/^第五条　//')
[ -n "$p5" ] && [ "$p5" = "$t5" ] && pass "paragraph text survives the <ref> markup" ||
	fail "paragraph text: '$p5' vs '$t5'"

# ---- stdin, -o, escaping ------------------------------------------------------------------------
"$TIAO" parse - -f xml <"$base" >"$tmp/stdin.xml" 2>/dev/null
cmp -s "$tmp/stdin.xml" "$tmp/w.xml" && pass "parse - -f xml reads standard input" || fail "parse - -f xml"
printf '测试 & <条例>\n第一条　甲 & 乙 < 丙 > 丁 "戊"。\n' >"$tmp/esc.txt"
if "$TIAO" parse "$tmp/esc.txt" -f xml -o "$tmp/esc.xml" && valid "$tmp/esc.xml" &&
	grep -q '甲 &amp; 乙 &lt; 丙 &gt; 丁' "$tmp/esc.xml"; then
	pass "markup characters are escaped"
else
	fail "markup characters are escaped"
fi
"$TIAO" parse "$base" -f xmll >/dev/null 2>&1
[ $? -eq 2 ] && pass "unknown format: exit status 2" || fail "unknown format: exit status 2"

# ---- consolidate -f xml -------------------------------------------------------------------------
n=0; bad=
for d in "$SHARED"/corpus/*/; do
	c=$(basename "$d")
	[ -f "$d/decision.txt" ] || continue
	"$TIAO" consolidate "$d/before.txt" "$d/decision.txt" -f xml --keep-going -o "$tmp/c.xml" 2>/dev/null
	[ -s "$tmp/c.xml" ] || { bad="$bad $c(no output)"; continue; }
	n=$((n + 1))
	valid "$tmp/c.xml" || { bad="$bad $c(schema)"; head -n 3 "$tmp/xmllint.log"; }
	[ "$(count textualMod "$tmp/c.xml")" -gt 0 ] || bad="$bad $c(no textualMod)"
	rm -f "$tmp/c.xml"
done
if [ -z "$bad" ] && [ "$n" -gt 0 ]; then
	pass "consolidate -f xml: $n results validate and list their modifications"
else
	fail "consolidate -f xml:$bad"
fi

"$TIAO" consolidate "$base" "$dec" -f xml >"$tmp/r.xml" 2>/dev/null
ns "$tmp/r.xml"
R=$tmp/r.xml.nons
# one textualMod per change of the JSON output
changes=$("$TIAO" consolidate "$base" "$dec" -f json 2>/dev/null | tr -d ' \n' | grep -o '"changes":\[.*' |
	grep -o '"op":' | wc -l)
mods=$(xp 'count(//passiveModifications/textualMod)' "$R")
[ "$changes" -gt 0 ] && [ "$mods" -ge "$changes" ] && pass "$mods textualMod for $changes changes" ||
	fail "textualMod: $mods for $changes changes"
# every local destination exists; every source names a reference
broken=
for h in $(grep -o '<destination href="#[^"]*"' "$R" | sed 's/.*#//; s/"$//' | sort -u); do
	[ "$(xp "count(//*[@eId=\"$h\"])" "$R")" = 1 ] || broken="$broken $h"
done
for h in $(grep -o '<source href="#[^"]*"' "$R" | sed 's/.*#//; s/"$//' | sort -u); do
	[ "$(xp "count(//references/*[@eId=\"$h\"])" "$R")" = 1 ] || broken="$broken source:$h"
done
[ -z "$broken" ] && pass "textualMod sources and destinations resolve" || fail "unresolved:$broken"
types=$(grep -o '<textualMod [^>]*type="[a-z]*"' "$R" | sed 's/.*type="//; s/"//' | sort -u | tr '\n' ' ')
case "$types" in
*insertion*) pass "textualMod types: $types" ;;
*) fail "textualMod types: $types" ;;
esac
# a renumbered article keeps its base id: the base article with the same first paragraph
wid=$(xp 'count(//article[@wId])' "$R")
if [ "$wid" -gt 0 ]; then
	e=$(grep -o '<article eId="[^"]*" wId="[^"]*"' "$R" | head -n 1)
	eid=$(echo "$e" | sed 's/.*eId="\([^"]*\)".*/\1/')
	wid1=$(echo "$e" | sed 's/.*wId="\([^"]*\)".*/\1/')
	[ "$eid" != "$wid1" ] && pass "renumbered articles carry their base id ($eid wId=$wid1; $wid in all)" ||
		fail "wId equals eId"
else
	fail "no renumbered article has a wId"
fi
# the lifecycle gains the decision; the expression is dated by it
ev0=$(xp 'count(//lifecycle/eventRef)' "$W")
ev1=$(xp 'count(//lifecycle/eventRef)' "$R")
last=$(xp "//lifecycle/eventRef[$ev1]/@date" "$R")
[ "$ev1" -eq $((ev0 + 1)) ] && [ "$(xp '//FRBRExpression/FRBRdate/@date' "$R")" = "$last" ] &&
	pass "lifecycle: $ev0 → $ev1 events, expression dated $last" || fail "lifecycle $ev0 → $ev1, $last"

# ---- two decisions in order: each is a lifecycle event and the source of its own changes --------
cat >"$tmp/d2.txt" <<'EOF2'
山西省人民代表大会常务委员会关于修改《山西省万家寨引黄工程保护条例》的决定
（2023年3月30日山西省第十四届人民代表大会常务委员会第二次会议通过）
山西省第十四届人民代表大会常务委员会第二次会议决定对《山西省万家寨引黄工程保护条例》作如下修改：
一、删去第二条。
二、第三条第二款中的“水行政”修改为“水利”。
本决定自公布之日起施行。
《山西省万家寨引黄工程保护条例》根据本决定作相应修改，条文顺序作相应调整，重新公布。
EOF2
if "$TIAO" consolidate "$base" "$dec" "$tmp/d2.txt" -f xml -o "$tmp/m.xml" 2>/dev/null && valid "$tmp/m.xml"; then
	ns "$tmp/m.xml"
	M=$tmp/m.xml.nons
	s2=$(xp 'count(//textualMod[source/@href="#ro_2"])' "$M")
	s3=$(xp 'count(//textualMod[source/@href="#ro_3"])' "$M")
	d3=$(xp '//lifecycle/eventRef[3]/@date' "$M")
	if [ "$s2" -gt 0 ] && [ "$s3" -ge 2 ] && [ "$d3" = 2023-03-30 ] &&
		[ "$(xp '//FRBRExpression/FRBRdate/@date' "$M")" = 2023-03-30 ]; then
		pass "two decisions: $s2 + $s3 textualMod, expression dated $d3"
	else
		fail "two decisions: sources $s2/$s3, third event '$d3'"
	fi
	# the first decision's repeal of 第二条 (base numbering) and the second's are different texts
	r1=$(xp '//textualMod[source/@href="#ro_3"][@type="repeal"]/destination/@href' "$M")
	case "$r1" in
	*/zho@2020-09-30#art_2) pass "a repeal points into the text it amended ($r1)" ;;
	*) fail "repeal destination '$r1'" ;;
	esac
else
	fail "consolidate BASE D1 D2 -f xml"; head -n 3 "$tmp/xmllint.log"
fi

# Every corpus case: exactly one textualMod per elementary operation the engine applied — each entry
# of the JSON "changes", plus each renumbering no instruction stated (条文顺序作相应调整).
bad=
for d in "$SHARED"/corpus/*/; do
	c=$(basename "$d")
	"$TIAO" consolidate "$d/before.txt" "$d/decision.txt" -f json >"$tmp/m.json" 2>/dev/null || continue
	"$TIAO" consolidate "$d/before.txt" "$d/decision.txt" -f xml >"$tmp/m.xml" 2>/dev/null || continue
	want=$(awk '
		/"instruction": / {
			n++
			if ($0 ~ /"op": "(renumber|move)"/) {
				t = $0; sub(/.*"target": \{"art": /, "", t); sub(/[^0-9].*/, "", t); stated[t] = 1
			}
			next
		}
		/^ "renumbering": \[/ { inr = 1; next }
		inr && /"old": / {
			o = $0; sub(/.*"old": /, "", o); sub(/[^0-9].*/, "", o)
			w = $0; sub(/.*"new": /, "", w)
			if (w ~ /^null/) next
			sub(/[^0-9].*/, "", w)
			if ($0 ~ /sub/) { u++; next }   # 之N entries: compared by number only below
			if (o != w && !(o in stated)) u++
		}
		END { print n + u }' "$tmp/m.json")
	got=$(count textualMod "$tmp/m.xml")
	[ "$want" = "$got" ] || bad="$bad $c($got for $want)"
done
[ -z "$bad" ] && pass "every corpus case: one textualMod per applied operation" || fail "textualMod counts:$bad"

# 前条第二款 links to the paragraph of the article before
printf '测试条例\n第一条　甲。\n第二条　乙。\n丙。\n第三条　丁。\n违反前条第二款规定的，处罚。\n' >"$tmp/pq.txt"
"$TIAO" parse -f xml "$tmp/pq.txt" >"$tmp/pq.xml" 2>/dev/null
if grep -q '<ref href="#art_2">前条</ref><ref href="#art_2__para_2">第二款</ref>' "$tmp/pq.xml"; then
	pass "前条第二款 links to art_2__para_2"
else
	fail "前条第二款 link: $(grep -o '<ref[^>]*>[^<]*</ref>' "$tmp/pq.xml" | tr '\n' ' ')"
fi

[ "$fails" -eq 0 ]
