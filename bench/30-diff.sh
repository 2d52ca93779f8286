#!/bin/sh
# bench/30-diff.sh — `tiao diff` timing and memory (run by bench/run.sh; can run alone).
#
# A generated pair (tests/tools/genreg.c, seed 1): a 10,000-article regulation and its expected
# consolidated version after a 2,000-instruction decision. On the same two files in the same run:
# `tiao diff OLD NEW -f json` (and -f text), next to `git diff --no-index --word-diff=porcelain OLD NEW`
# and GNU `diff OLD NEW` (a baseline tool that is not installed is skipped, saying so), and
# `tiao parse -f text OLD` as the floor of any structural diff.
#
# Environment: see bench/lib.sh. Optional: BENCH_DIFF_SIZES (default "10000": article counts; the
# decision has one instruction per 5 articles).
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
SIZES=${BENCH_DIFF_SIZES:-10000}

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
