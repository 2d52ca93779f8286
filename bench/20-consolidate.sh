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
# Environment (bench/run.sh sets all of them): BUILD, TIAO (the binary), SHARED, M (bench/measure.c:
# `$M [-i IN] [-o OUT] -- CMD…` prints "SECONDS MAXRSS_KIB EXIT"), W (scratch dir).
# Optional: BENCH_REPEAT (runs per figure, the fastest is kept; default 3), BENCH_CORPUS_REPEAT (the
# same for the corpus cases, default 5),
# BENCH_GEN_SIZES (default "1000:200 10000:2000 100000:20000", ARTICLES:INSTRUCTIONS pairs).
# Each measured command runs as `env sh -c 'exec CMD 2>FILE'` (stderr kept out of the tables); the exec
# chain leaves a single process, so peak RSS is the command's own; the wrapper adds ~1 ms to every row.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
SHARED=${SHARED:-/work/shared}
R=${BENCH_REPEAT:-3}
CR=${BENCH_CORPUS_REPEAT:-5}
SIZES=${BENCH_GEN_SIZES:-"1000:200 10000:2000 100000:20000"}
if [ -z "${W:-}" ]; then
	W=$(mktemp -d)
	trap 'rm -rf "$W"' EXIT
fi
if [ -z "${M:-}" ]; then
	cc -O2 -o "$W/measure" bench/measure.c
	M=$W/measure
fi
G=$W/genreg
[ -x "$G" ] || cc -std=c11 -O2 -Wall -Wextra -Werror -o "$G" tests/tools/genreg.c

# CPU time (user + system) of the command, to 1 ms: from $M when it prints a fourth field (CPU seconds),
# else from bash's `time` (getrusage of the children) around $M, else from the shell's `times`, which
# counts in 10 ms ticks truncated per run (CPU_PRECISE=no: useless below ~0.1 s). Wall time is what
# bench/run.sh reports; when other jobs load the machine, CPU time is the steadier figure.
set -- $("$M" -- true)
if [ $# -ge 4 ]; then CPU_SRC=measure CPU_PRECISE=yes
elif command -v bash >/dev/null 2>&1; then CPU_SRC=bash CPU_PRECISE=yes
else CPU_SRC=times CPU_PRECISE=no; fi
# best IN OUT CMD ARGS… — "SECONDS MAXRSS_KIB EXIT CPU": wall time, peak RSS and exit status of the
# fastest of $R runs and the mean CPU time of the $R runs. stdin from IN, stdout to OUT, stderr to
# $W/stderr.
best() {
	_in=$1 _out=$2
	shift 2
	_i=0 _all=""
	while [ $_i -lt "$R" ]; do
		if [ $CPU_SRC = bash ]; then
			_r=$(bash -c 'TIMEFORMAT="%3U %3S"; { time "$@"; } 2>&1' bash \
				"$M" -i "$_in" -o "$_out" -- env ERRF="$W/stderr" sh -c 'exec "$@" 2>"$ERRF"' sh "$@")
		else # `times` must not run in a pipeline: its second line is the children of this subshell
			_r=$("$M" -i "$_in" -o "$_out" -- env ERRF="$W/stderr" sh -c 'exec "$@" 2>"$ERRF"' sh "$@"; times)
		fi
		_all="$_all$(printf '%s\n' "$_r" | awk '
			function t(x) { sub(/s$/, "", x); if (x !~ /m/) return x + 0; split(x, a, "m"); return a[1] * 60 + a[2] }
			NR == 1 { m = $1 " " $2 " " $3; mc = (NF >= 4 ? $4 : "") } { u = $1; s = $2 }
			END { printf "%s %.4f", m, (mc != "" ? mc : t(u) + t(s)) }')
"
		_i=$((_i + 1))
	done
	printf '%s' "$_all" | awk 'NF == 4 { c += $4; n++; if (!best || $1 < w) { w = $1; r = $2; e = $3; best = 1 } }
		END { if (n) printf "%.4f %d %d %.4f\n", w, r, e, c / n }'
}
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a + b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }

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
	if [ $CPU_PRECISE = yes ]; then
		echo "| $c | $kb | $s | $cpu | $(mib "$rss") | $st | $ps | $pcpu |"
	else
		echo "| $c | $kb | $s | n/a | $(mib "$rss") | $st | $ps | n/a |"
	fi
	[ "$st" = 0 ] || nfail=$((nfail + 1))
	tot=$(add "$tot" "$s") ctot=$(add "$ctot" "$cpu")
	ptot=$(add "$ptot" "$ps") pctot=$(add "$pctot" "$pcpu")
	n=$((n + 1))
	if awk -v a="$s" -v b="$slow" 'BEGIN { exit !(a > b) }'; then slow=$s slowcase=$c; fi
	if awk -v a="$cpu" -v b="$cslow" 'BEGIN { exit !(a > b) }'; then cslow=$cpu cslowcase=$c; fi
done
if [ $CPU_PRECISE = yes ]; then
	echo "| **all $n cases** | | **$tot** | **$ctot** | | $nfail failed | **$ptot** | **$pctot** |"
	echo
	echo "Total over $n cases: $tot s wall, $ctot s CPU (consolidate ÷ parse: $(ratio "$tot" "$ptot") wall, $(ratio "$ctot" "$pctot") CPU)."
	echo "Slowest case: $slowcase, $slow s wall; by CPU: $cslowcase, $cslow s."
else
	echo "| **all $n cases** | | **$tot** | n/a | | $nfail failed | **$ptot** | n/a |"
	echo
	echo "Total over $n cases: $tot s wall (consolidate ÷ parse: $(ratio "$tot" "$ptot")). Slowest case: $slowcase, $slow s."
	echo "(CPU n/a: \$M prints no CPU field, and the shell's 10 ms ticks cannot resolve runs this short.)"
fi
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
[ $CPU_PRECISE = yes ] || echo "CPU times here come from the shell's 10 ms clock ticks, truncated per run: rows under ~0.1 s CPU (the 1,000-article row) are below that resolution."
[ -z "$notes" ] || echo "Notes:$notes"
echo
