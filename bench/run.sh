#!/bin/sh
# bench/run.sh — tiao's benchmarks (make bench). Each figure is printed next to a baseline run in
# the same invocation on the same file; copy the table into docs/PERFORMANCE.md.
# Sizes can be scaled with BENCH_MB (default 50).
set -eu
BUILD=${BUILD:-build}
TIAO=$BUILD/tiao
SHARED=${SHARED:-$(cd "$(dirname "$0")/.." && cd ../shared 2>/dev/null && pwd)}
[ -n "$SHARED" ] || SHARED=/work/shared
MB=${BENCH_MB:-50}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cc -O2 -o "$W/measure" bench/measure.c
M="$W/measure"

# ---- input: real clean-form corpus texts concatenated to >= $MB MB ----
: >"$W/big.txt"
while [ "$(wc -c <"$W/big.txt")" -lt $((MB * 1024 * 1024)) ]; do
	for f in "$SHARED"/corpus/national_*/before.txt "$SHARED"/corpus/national_*/after.txt \
		"$SHARED"/corpus/sc_*/before.txt "$SHARED"/corpus/sc_*/after.txt; do
		cat "$f" >>"$W/big.txt"
	done
done
BYTES=$(wc -c <"$W/big.txt")
mb() { awk -v b="$BYTES" -v s="$1" 'BEGIN { printf "%.1f", (s > 0 ? b / 1048576 / s : 0) }'; }

echo "## parse throughput ($(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1048576}') MB of corpus text, $(nproc) cores)"
echo
echo "| command | wall s | CPU s | MB/s (CPU) | peak RSS (MiB) | RSS / input |"
echo "|---|---|---|---|---|---|"
# each command runs RUNS times (default 5); the row shows the run with the least CPU time, for the
# baselines as for tiao (the machine is shared: single runs vary by a third)
RUNS=${BENCH_RUNS:-5}
row() {
	name=$1; shift
	best=
	r=0
	while [ $r -lt "$RUNS" ]; do
		res=$("$M" -i "$W/big.txt" -o "$W/out" -- "$@")
		if [ -z "$best" ] || awk -v a="$(echo "$res" | cut -d' ' -f4)" -v b="$(echo "$best" | cut -d' ' -f4)" 'BEGIN { exit !(a < b) }'; then
			best=$res
		fi
		r=$((r + 1))
	done
	set -- $best
	rss=$(awk -v k="$2" 'BEGIN{printf "%.1f", k/1024}')
	ratio=$(awk -v k="$2" -v b="$BYTES" 'BEGIN{printf "%.2f", k*1024/b}')
	echo "| $name | $1 | $4 | $(mb "$4") | $rss | $ratio |"
	[ "$3" = 0 ] || echo "  ($name exited with status $3)"
}
row "cat FILE > /dev/null (baseline)" cat
row "wc -m FILE (baseline)" wc -m
row "tiao parse -f text" "$TIAO" parse -f text -
row "tiao parse -f json" "$TIAO" parse -f json -
echo

# ---- further benchmarks are appended by the modules that own them ----
for b in bench/[0-9]*.sh; do
	[ -f "$b" ] || continue
	BUILD=$BUILD TIAO=$TIAO SHARED=$SHARED M=$M W=$W sh "$b"
done
