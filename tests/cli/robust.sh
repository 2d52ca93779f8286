#!/bin/sh
# tests/cli/robust.sh — no crash, no hang, on mutated real inputs and pathological ones.
# Every command must exit 0, 1 or 2 (never a signal or a sanitizer abort) within the time limit.
# ROBUST_N sets the number of mutated inputs per command (default 40; make fuzz runs thousands).
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && cd ../shared 2>/dev/null && pwd)}
N=${ROBUST_N:-40}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cc -O1 -o "$W/mutate" tests/tools/mutate.c || { echo "FAIL build mutator"; exit 1; }
T=${ROBUST_TIMEOUT:-20}
run() { # name, then command; passes when the exit status is 0, 1 or 2
	name=$1; shift
	timeout "$T" "$@" >/dev/null 2>"$W/err"
	st=$?
	case $st in
	0|1|2) return 0 ;;
	124) echo "FAIL $name: timeout after ${T}s"; return 1 ;;
	*) echo "FAIL $name: exit status $st"; head -n 5 "$W/err"; return 1 ;;
	esac
}
fails=0
check() { if run "$@"; then :; else fails=$((fails + 1)); fi; }

# pathological inputs
: >"$W/empty.txt"
check "parse empty" "$TIAO" parse "$W/empty.txt"
head -c 65536 /dev/urandom >"$W/binary.bin" 2>/dev/null || printf 'a\000b' >"$W/binary.bin"
check "parse binary" "$TIAO" parse "$W/binary.bin"
printf 'ab\377cd\n' >"$W/bad.txt"
check "parse invalid utf-8" "$TIAO" parse "$W/bad.txt"
awk 'BEGIN { printf "标题\n"; for (i = 0; i < 100000; i++) printf "第一条第一款（一）1."; printf "\n" }' >"$W/labels.txt"
check "parse 100000 nested-looking labels on one line" "$TIAO" parse -f json "$W/labels.txt"
awk 'BEGIN { printf "标题\n"; for (i = 0; i < 100000; i++) printf "（一）\n" }' >"$W/items.txt"
check "parse 100000 item lines" "$TIAO" parse -f json "$W/items.txt"
[ $fails -eq 0 ] && echo "PASS pathological inputs"

seeds=""
for c in national_kuaijifa_2024 shanxi_wanjiazhai sc_2024_nianjie_fangjia; do
	[ -d "$SHARED/corpus/$c" ] && seeds="$seeds $c"
done
before=$fails
i=0
while [ $i -lt "$N" ]; do
	for c in $seeds; do
		d=$SHARED/corpus/$c
		"$W/mutate" $((i * 7 + 1)) "$d/before.txt" "$W/b.txt"
		"$W/mutate" $((i * 7 + 2)) "$d/decision.txt" "$W/d.txt"
		check "parse $c seed $i" "$TIAO" parse -f json "$W/b.txt"
		check "validate $c seed $i" "$TIAO" validate "$W/b.txt"
		check "consolidate $c seed $i" "$TIAO" consolidate "$d/before.txt" "$W/d.txt"
		check "consolidate base $c seed $i" "$TIAO" consolidate "$W/b.txt" "$d/decision.txt"
		check "diff $c seed $i" "$TIAO" diff "$d/before.txt" "$W/b.txt"
	done
	i=$((i + 1))
done
[ $fails -eq $before ] && echo "PASS $N mutated inputs per command on$seeds"
[ $fails -eq 0 ]
