#!/bin/sh
# bench/30-diff.sh — `tiao diff` timing and memory (run by bench/run.sh; can run alone).
#
# A generated pair (tests/tools/genreg.c, seed 1): a 10,000-article regulation and its expected
# consolidated version after a 2,000-instruction decision. On the same two files in the same run:
# `tiao diff OLD NEW -f json` (and -f text), next to `git diff --no-index --word-diff=porcelain OLD NEW`
# and GNU `diff OLD NEW` (a baseline tool that is not installed is skipped, saying so), and
# `tiao parse -f text OLD` as the floor of any structural diff.
#
# Environment (bench/run.sh sets all of them): BUILD, TIAO, SHARED, M, W (see bench/run.sh).
# Optional: BENCH_REPEAT (runs per figure, the fastest is kept; default 3), BENCH_DIFF_SIZES
# (default "10000": article counts; the decision has one instruction per 5 articles).
# Each measured command runs as `env sh -c 'exec CMD 2>FILE'` (see bench/20-consolidate.sh).
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
R=${BENCH_REPEAT:-3}
SIZES=${BENCH_DIFF_SIZES:-10000}
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
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }

for na in $SIZES; do
	ni=$((na / 5))
	OLD=$W/diff-$na.old NEW=$W/diff-$na.new
	stats=$("$G" 1 "$na" "$ni" "$OLD" "$W/diff-$na.decision" "$NEW" 2>"$W/genreg.err")
	mbo=$(awk -v b="$(wc -c <"$OLD")" 'BEGIN { printf "%.1f", b / 1048576 }')
	mbn=$(awk -v b="$(wc -c <"$NEW")" 'BEGIN { printf "%.1f", b / 1048576 }')
	echo "## diff: generated $na-article pair (OLD $mbo MB, NEW $mbn MB; wall: fastest of $R runs, CPU: mean; load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
	echo
	echo "The pair differs by: $stats."
	echo
	echo "| command | seconds | CPU s | peak RSS (MiB) | output KB | exit | CPU ÷ tiao diff -f json |"
	echo "|---|---|---|---|---|---|---|"
	set -- $(best /dev/null "$W/d.json" "$TIAO" diff "$OLD" "$NEW" -f json)
	jc=$4 failnote=""
	if [ "$3" != 0 ] && [ "$3" != 1 ]; then
		jc="" failnote="tiao diff -f json failed (exit $3): $(head -n 1 "$W/stderr")"
	fi
	echo "| tiao diff OLD NEW -f json | $1 | $4 | $(mib "$2") | $(($(wc -c <"$W/d.json") / 1024)) | $3 | $(ratio "$4" "$jc") |"
	summary=$(grep -o '"summary": {[^}]*}' "$W/d.json" | head -n 1 || true)
	row() { # label CMD… (exit 1 = differences found, for every tool here)
		_l=$1
		shift
		set -- $(best /dev/null "$W/d.out" "$@")
		echo "| $_l | $1 | $4 | $(mib "$2") | $(($(wc -c <"$W/d.out") / 1024)) | $3 | $(ratio "$4" "$jc") |"
	}
	row "tiao diff OLD NEW -f text" "$TIAO" diff "$OLD" "$NEW" -f text
	skipped=""
	if command -v git >/dev/null 2>&1; then
		row "git diff --no-index --word-diff=porcelain OLD NEW (baseline)" \
			git -c core.quotepath=off diff --no-index --no-color --word-diff=porcelain "$OLD" "$NEW"
	else
		skipped="$skipped git (not installed)"
	fi
	if command -v diff >/dev/null 2>&1 && diff --version 2>/dev/null | grep -q 'GNU diffutils'; then
		row "GNU diff OLD NEW (baseline)" diff "$OLD" "$NEW"
	elif command -v diff >/dev/null 2>&1; then
		row "diff OLD NEW (baseline, not GNU)" diff "$OLD" "$NEW"
	else
		skipped="$skipped diff (not installed)"
	fi
	row "tiao parse -f text OLD (floor)" "$TIAO" parse -f text "$OLD"
	echo
	truth=$(echo "$stats" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
		END { printf "added %d, deleted %d, modified %d (%d replaced whole, %d paragraphs replaced, %d substitutions), the rest renumbered and/or with rewritten cross-references",
		      v["insert"], v["delete"], v["replace"] + v["paragraph"] + v["substitute"], v["replace"], v["paragraph"], v["substitute"] }')
	[ -z "$summary" ] || echo "tiao diff found: {$(echo "$summary" | sed 's/^"summary": {//; s/}$//')}."
	echo "What genreg did: $truth."
	[ -z "$failnote" ] || echo "$failnote."
	[ -z "$skipped" ] || echo "Skipped baselines:$skipped."
	echo "Exit status 1 means differences found (tiao diff, git diff --no-index, diff all follow that convention)."
	echo
	rm -f "$W/d.json" "$W/d.out" "$OLD" "$NEW" "$W/diff-$na.decision"
done
