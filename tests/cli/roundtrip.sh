#!/bin/sh
# tests/cli/roundtrip.sh — tiao consolidate OLD <(tiao diff -f decision OLD NEW) must reproduce NEW.
#
# Pairs: every corpus case (before → after), then generated pairs: a real text (a corpus before.txt
# in canonical form) edited by seeded random operations — article deletions and insertions,
# paragraph replacements, deletions and insertions, clause replacements and deletions, phrase
# substitutions over several articles, and article moves — and renumbered. The default run makes
# ROUNDTRIP_N=1000 generated pairs (about 20 s; seeded, so every run is the same); set it higher for a
# longer run.
#
# "Reproduce" means `tiao diff RESULT NEW` finds no difference (text compared after normalisation).
# Until the engine works, `tiao consolidate` says "not implemented" and each check prints SKIP.
# Run from the repository root; TIAO and SHARED come from tests/run.sh.
TIAO=${TIAO:-build/tiao}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && cd ../shared 2>/dev/null && pwd)}
N=${ROUNDTRIP_N:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0

# check NAME OLD NEW: draft, apply, compare
check() {
	name=$1 old=$2 new=$3
	if ! "$TIAO" diff -f decision "$old" "$new" >"$tmp/dec.txt" 2>"$tmp/err.txt"; then
		st=$?
		if [ "$st" -ne 0 ] && [ "$st" -ne 1 ]; then
			echo "FAIL $name: tiao diff -f decision exited $st: $(head -c 300 "$tmp/err.txt")"
			fails=$((fails + 1))
			return
		fi
	fi
	"$TIAO" consolidate "$old" "$tmp/dec.txt" >"$tmp/out.txt" 2>"$tmp/err.txt"
	st=$?
	if grep -q "not implemented" "$tmp/err.txt"; then
		echo "SKIP $name: tiao consolidate is not implemented"
		return
	fi
	if [ "$st" -ne 0 ]; then
		echo "FAIL $name: consolidate exited $st: $(grep -v no-adoption-note "$tmp/err.txt" | head -c 400)"
		cp "$old" "$tmp/last_old.txt"; cp "$new" "$tmp/last_new.txt"
		[ -n "$ROUNDTRIP_KEEP" ] && cp "$old" "$new" "$tmp/dec.txt" "$ROUNDTRIP_KEEP/" 2>/dev/null
		fails=$((fails + 1))
		return
	fi
	if "$TIAO" diff "$tmp/out.txt" "$new" >"$tmp/d.txt" 2>&1; then
		echo "PASS $name"
	else
		echo "FAIL $name: result differs from NEW: $(head -c 400 "$tmp/d.txt")"
		[ -n "$ROUNDTRIP_KEEP" ] && cp "$old" "$new" "$tmp/dec.txt" "$ROUNDTRIP_KEEP/" 2>/dev/null
		fails=$((fails + 1))
	fi
}

# ---- corpus pairs ----
for d in "$SHARED"/corpus/*/; do
	c=$(basename "$d")
	[ -f "$d/before.txt" ] && [ -f "$d/after.txt" ] || continue
	check "roundtrip corpus $c" "$d/before.txt" "$d/after.txt"
done

# ---- generated pairs ----
# gen.awk: reads a canonical text (tiao parse output), writes the edited, renumbered text.
cat >"$tmp/gen.awk" <<'EOF'
function cn(n,   s, h, t, u) {
	split("一 二 三 四 五 六 七 八 九", D, " ")
	s = ""
	h = int(n / 100); t = int((n % 100) / 10); u = n % 10
	if (h > 0) s = D[h] "百"
	if (t > 0) { if (h == 0 && t == 1) s = s "十"; else s = s D[t] "十" }
	else if (h > 0 && u > 0) s = s "零"
	if (u > 0) s = s D[u]
	return s
}
function rnd(k) { return int(rand() * k) }
# keep a line's closing mark (。；：) when an edit dropped it
function fixend(nw, old,   oe, ne) {
	oe = substr(old, length(old) - 2); ne = substr(nw, length(nw) - 2)
	if ((oe == "。" || oe == "；" || oe == "：") && ne != "。" && ne != "；" && ne != "：")
		return nw oe
	return nw
}
# kind of a line: 1 article start, 2 heading, 0 other
function kind(l,   p, lab) {
	if (substr(l, 1, 3) != "第") return 0
	p = index(l, SP)
	if (p == 0 || p > 40) return 0
	lab = substr(l, 1, p - 1)
	if (substr(lab, length(lab) - 2) == "条" || index(lab, "条之") > 0) return 1
	e = substr(lab, length(lab) - 2)
	if (e == "章" || e == "节" || e == "编") return 2
	return 0
}
BEGIN { SP = "　"; COMMA = "，"; srand(seed) }
{ L[NR] = $0 }
END {
	n = NR; na = 0; pre = 0
	for (i = 1; i <= n; i++) {
		k = kind(L[i])
		if (k == 1) { na++; start[na] = i; chap[na] = nh }
		else if (k == 2) { nh++; head[nh] = i; headbefore[nh] = na }
		else if (na == 0) pre = i
	}
	if (na < 3) { for (i = 1; i <= n; i++) print L[i]; exit }
	# article bodies: body[a] = lines joined by "\n" (first line without its label)
	for (a = 1; a <= na; a++) {
		e = (a < na) ? start[a + 1] - 1 : n
		for (h = 1; h <= nh; h++) if (head[h] > start[a] && head[h] <= e) e = head[h] - 1
		stop[a] = e
		p = index(L[start[a]], SP)
		nl[a] = 0
		nl[a]++; T[a, nl[a]] = substr(L[start[a]], p + 3)
		for (i = start[a] + 1; i <= e; i++) { nl[a]++; T[a, nl[a]] = L[i] }
		inch[chap[a]]++
	}
	# phrase substitutions over a few articles
	split("行政处分>处分|有关部门>有关主管部门|应当>必须|人民政府>人民政府及其有关部门|规定>要求|单位>组织|个人>公民", P, "|")
	np = 0; for (x in P) np++
	nsub = rnd(3)
	for (s = 0; s < nsub; s++) {
		split(P[1 + rnd(np)], ab, ">")
		for (a = 1; a <= na; a++) if (rand() < 0.15) for (j = 1; j <= nl[a]; j++) gsub(ab[1], ab[2], T[a, j])
	}
	# per-article edits
	for (a = 1; a <= na; a++) {
		del[a] = 0; ins[a] = ""
		r = rand()
		if (r < 0.05 && inch[chap[a]] > 1) { del[a] = 1; inch[chap[a]]--; continue }
		if (r < 0.09) {
			# replace a paragraph (not an item) by a paragraph of another article
			j = 1 + rnd(nl[a]); b = 1 + rnd(na); jj = 1 + rnd(nl[b])
			if (substr(T[a, j], 1, 3) != "（" && substr(T[b, jj], 1, 3) != "（") T[a, j] = T[b, jj]
		} else if (r < 0.15) {
			# replace or delete one clause of a line
			j = 1 + rnd(nl[a]); m = split(T[a, j], C, COMMA)
			if (m > 2) {
				q = 1 + rnd(m - 1); out = ""
				b = 1 + rnd(na); jj = 1 + rnd(nl[b]); mm = split(T[b, jj], C2, COMMA)
				for (x = 1; x <= m; x++) {
					if (x == q) { if (rand() < 0.5) continue; if (mm > 1) C[x] = C2[1 + rnd(mm - 1)] }
					out = out (out == "" ? "" : COMMA) C[x]
				}
				T[a, j] = fixend(out, T[a, j])
			}
		} else if (r < 0.18 && nl[a] > 1) {
			# delete the last paragraph unless it is an item
			if (substr(T[a, nl[a]], 1, 3) != "（") nl[a]--
		} else if (r < 0.21) {
			# add a paragraph taken from another article
			b = 1 + rnd(na); jj = 1 + rnd(nl[b])
			if (substr(T[b, jj], 1, 3) != "（") { nl[a]++; T[a, nl[a]] = T[b, jj] }
		}
		if (rand() < 0.015 && inch[chap[a]] > 1) {
			# move this article after another one (it joins that one's chapter)
			b = 1 + rnd(na)
			if (b != a) { mv[b] = mv[b] SUBSEP a; del[a] = 2; inch[chap[a]]--; inch[chap[b]]++ }
		}
		if (rand() < 0.05) {
			# insert a new article after this one: another article's first paragraph, clauses rotated
			b = 1 + rnd(na); t = T[b, 1]
			if (substr(t, length(t) - 2) == "。") t = substr(t, 1, length(t) - 3)
			m = split(t, C, COMMA); out = ""
			for (x = 2; x <= m; x++) out = out (out == "" ? "" : COMMA) C[x]
			if (m > 1) out = out COMMA C[1]; else out = C[1] "的有关规定"
			ins[a] = out "。"
		}
	}
	# write: title and notes, then headings and renumbered articles
	for (i = 1; i <= pre; i++) print L[i]
	num = 0
	for (a = 1; a <= na; a++) {
		for (h = 1; h <= nh; h++) if (headbefore[h] == a - 1) print L[head[h]]
		if (!del[a]) {
			num++; print "第" cn(num) "条" SP T[a, 1]
			for (j = 2; j <= nl[a]; j++) print T[a, j]
		}
		if (ins[a] != "") { num++; print "第" cn(num) "条" SP ins[a] }
		if (mv[a] != "") {
			m = split(substr(mv[a], 2), MV, SUBSEP)
			for (x = 1; x <= m; x++) {
				c = MV[x]; num++; print "第" cn(num) "条" SP T[c, 1]
				for (j = 2; j <= nl[c]; j++) print T[c, j]
			}
		}
	}
	for (i = stop[na] + 1; i <= n; i++) if (kind(L[i]) != 2) print L[i]
}
EOF

set -- "$SHARED"/corpus/*/before.txt
nbases=$#
i=0
for f in "$@"; do
	i=$((i + 1))
	"$TIAO" parse "$f" >"$tmp/base$i.txt" 2>/dev/null || rm -f "$tmp/base$i.txt"
	# texts with 第X条之一 articles (the criminal law) never renumber: the generator's continuous
	# renumbering is not a meaningful edit for them
	if grep -q '^第[^　]*条之' "$tmp/base$i.txt" 2>/dev/null; then rm -f "$tmp/base$i.txt"; fi
done
k=1
made=0
while [ "$made" -lt "$N" ] && [ "$k" -le $((N * 2 + nbases)) ]; do
	b=$(( (k - 1) % nbases + 1 ))
	if [ -f "$tmp/base$b.txt" ]; then
		LC_ALL=C awk -v seed="$k" -f "$tmp/gen.awk" "$tmp/base$b.txt" >"$tmp/new$k.txt"
		check "roundtrip generated #$k (seed $k, base $(basename "$(dirname "$(eval echo \${$b})")"))" \
			"$tmp/base$b.txt" "$tmp/new$k.txt"
		rm -f "$tmp/new$k.txt"
		made=$((made + 1))
	fi
	k=$((k + 1))
done
[ "$fails" -eq 0 ]
