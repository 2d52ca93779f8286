#!/bin/sh
# bench/20-consolidate.sh — `tiao consolidate` timing and memory (run by bench/run.sh; can run alone).
#
#  (a) every corpus case in $SHARED/corpus: consolidate before.txt + decision.txt, next to `tiao parse`
#      of the same before.txt; per-case table, total and slowest;
#  (b) generated regulations (tests/tools/genreg.c) of 1,000 / 10,000 / 100,000 articles with decisions of
#      200 / 2,000 / 20,000 instructions: seconds and peak RSS per size, next to `cat` and `tiao parse` of
#      the same base in the same run; per-article cost and the ratio to the previous size (10x input
#      should cost about 10x time for linear scaling); whether the output equals genreg's expected text.
#
# Environment: see bench/lib.sh. Optional: BENCH_CORPUS_REPEAT (runs per corpus case, default 5),
# BENCH_GEN_SIZES (default "1000:200 10000:2000 100000:20000", ARTICLES:INSTRUCTIONS pairs).
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
CR=${BENCH_CORPUS_REPEAT:-5}
SIZES=${BENCH_GEN_SIZES:-"1000:200 10000:2000 100000:20000"}

# ---------------------------------------------------------------- (a) the corpus
R0=$R
R=$CR
echo "## consolidate: corpus cases (wall: fastest of $R runs; CPU: mean of $R runs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
echo
echo "| case | before KB | consolidate s | CPU s | peak RSS (MiB) | exit | tiao parse before.txt s | CPU s |"
echo "|---|---|---|---|---|---|---|---|"
tot=0 ctot=0 ptot=0 pctot=0 n=0 nfail=0 slow=0 slowcase=- cslow=0 cslowcase=-
for d in "$SHARED"/corpus/*/; do
	[ -f "$d/decision.txt" ] || continue
	c=$(basename "$d")
	set -- $(best /dev/null "$W/out.txt" "$TIAO" consolidate "$d/before.txt" "$d/decision.txt")
	s=$1 rss=$2 st=$3 cpu=$4
	set -- $(best "$d/before.txt" /dev/null "$TIAO" parse -f text -)
	ps=$1 pcpu=$4
	kb=$(($(wc -c <"$d/before.txt") / 1024))
	echo "| $c | $kb | $s | $cpu | $(mib "$rss") | $st | $ps | $pcpu |"
	[ "$st" = 0 ] || nfail=$((nfail + 1))
	tot=$(add "$tot" "$s") ctot=$(add "$ctot" "$cpu")
	ptot=$(add "$ptot" "$ps") pctot=$(add "$pctot" "$pcpu")
	n=$((n + 1))
	if awk -v a="$s" -v b="$slow" 'BEGIN { exit !(a > b) }'; then slow=$s slowcase=$c; fi
	if awk -v a="$cpu" -v b="$cslow" 'BEGIN { exit !(a > b) }'; then cslow=$cpu cslowcase=$c; fi
done
echo "| **all $n cases** | | **$tot** | **$ctot** | | $nfail failed | **$ptot** | **$pctot** |"
echo
echo "Total over $n cases: $tot s wall, $ctot s CPU (consolidate ÷ parse: $(ratio "$tot" "$ptot") wall, $(ratio "$ctot" "$pctot") CPU)."
echo "Slowest case: $slowcase, $slow s wall; by CPU: $cslowcase, $cslow s."
echo

set -- $(best /dev/null /dev/null "$TIAO" --version)
echo "Process start-up alone (\`tiao --version\`): $1 s wall, $4 s CPU — most of every corpus figure."
echo

# ---------------------------------------------------------------- (b) generated regulations
R=$R0
echo "## consolidate: generated regulations (genreg seed 1; wall: fastest of $R runs, CPU: mean; load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
echo
echo "| articles | instructions | base MB | cat s | tiao parse s (CPU) | parse RSS (MiB) | consolidate s (CPU) | consolidate RSS (MiB) | consolidate ÷ parse (CPU) | CPU µs per article | CPU × prev size | RSS × prev size | output = expected |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
prev_c="" prev_rss="" prev_n=""
notes=""
for sz in $SIZES; do
	na=${sz%%:*} ni=${sz#*:}
	B=$W/gen-$na.base D=$W/gen-$na.decision E=$W/gen-$na.expected O=$W/gen-$na.out
	stats=$("$G" 1 "$na" "$ni" "$B" "$D" "$E" 2>"$W/genreg.err")
	nin=$(echo "$stats" | sed -n 's/.*instructions=\([0-9]*\).*/\1/p')
	mb=$(awk -v b="$(wc -c <"$B")" 'BEGIN { printf "%.1f", b / 1048576 }')
	set -- $(best "$B" /dev/null cat)
	cs=$1
	set -- $(best "$B" /dev/null "$TIAO" parse -f text -)
	ps=$1 prss=$2 pcpu=$4
	set -- $(best /dev/null "$O" "$TIAO" consolidate "$B" "$D")
	s=$1 rss=$2 st=$3 cpu=$4
	if [ "$st" != 0 ]; then
		ok="exit $st"
		notes="$notes
- $na articles: consolidate exited with status $st: $(head -n 2 "$W/stderr" | tr '\n' ' ')"
	elif cmp -s "$O" "$E"; then
		ok=yes
	else
		tail -n +3 "$E" >"$W/e.body"
		tail -n +3 "$O" >"$W/o.body"
		if cmp -s "$W/o.body" "$W/e.body"; then
			ok="yes (题注 differs)"
		else
			n_d=$(diff "$W/o.body" "$W/e.body" | grep -c '^[<>]' || true)
			ok="NO ($n_d lines differ)"
			notes="$notes
- $na articles: output differs from the expected text in $n_d lines; first: $(diff "$W/o.body" "$W/e.body" | sed -n '2p')"
		fi
	fi
	us=$(awk -v s="$cpu" -v n="$na" 'BEGIN { printf "%.1f", s * 1e6 / n }')
	if [ -n "$prev_c" ]; then
		tx=$(ratio "$cpu" "$prev_c")"× (input ×$((na / prev_n)))"
		rx=$(ratio "$rss" "$prev_rss")"×"
	else
		tx="–" rx="–"
	fi
	echo "| $na | $nin | $mb | $cs | $ps ($pcpu) | $(mib "$prss") | $s ($cpu) | $(mib "$rss") | $(ratio "$cpu" "$pcpu") | $us | $tx | $rx | $ok |"
	prev_c=$cpu prev_rss=$rss prev_n=$na
	rm -f "$O" "$B" "$D" "$E" "$W/e.body" "$W/o.body"
done
echo
echo "Linear scaling shows as a constant CPU µs per article and a CPU ratio close to the input ratio."
[ -z "$notes" ] || echo "Notes:$notes"
echo
