#!/bin/sh
# tests/corpus/amend_spec.sh — run the literate examples of tests/spec/amend-*.txt through
# `tiao consolidate` (format: see the head of tests/spec/amend-ops.txt). One PASS/FAIL line per
# example; a failing example shows the difference. Exits non-zero if any example failed.
# Optional sections of an example: "--- args" (extra options for consolidate, e.g. --keep-going
# --trace), "--- exit" (the expected exit status with an expect section; default 0) and
# "--- stderr" (extended regexes, one a line, each of which must match the diagnostics).
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
fails=0
for spec in tests/spec/amend-*.txt; do
	[ -f "$spec" ] || continue
	# split into $TMP/<n>/{title,base,decision,expect,error}
	awk -v dir="$TMP" '
		/^=== / { n++; sec = ""; f = dir "/" n; system("mkdir -p " f); print substr($0, 5) > (f "/title"); close(f "/title"); next }
		/^--- (base|decision|expect|error|args|exit|stderr)$/ { sec = substr($0, 5); next }
		/^#/ && sec == "" { next }
		sec != "" && n > 0 { print > (dir "/" n "/" sec) }
	' "$spec"
	shared_base=
	for d in $(ls -d "$TMP"/*/ | sort -t/ -k4 -n); do
		d=${d%/}
		title=$(cat "$d/title")
		# trailing blank lines of each section are separators
		for f in base decision expect error args exit stderr; do
			[ -f "$d/$f" ] && sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$d/$f"
		done
		if [ -f "$d/base" ] && [ ! -f "$d/decision" ]; then shared_base="$d/base"; continue; fi
		base="$d/base"; [ -f "$base" ] || base=$shared_base
		if ! head -n 1 "$d/decision" | grep -Eq '关于|修正案'; then
			t=$(head -n 1 "$base")
			{ echo "关于修改《$t》的决定"
			  echo '（2024年1月1日测试会议通过）'
			  echo "测试会议决定对《$t》作如下修改："
			  cat "$d/decision"
			  echo '本决定自公布之日起施行。'
			  echo "《$t》根据本决定作相应修改并对条文顺序作相应调整，重新公布。"
			} >"$d/decision.txt"
		else
			cp "$d/decision" "$d/decision.txt"
		fi
		rm -f "$d/out.txt"
		args=; [ -f "$d/args" ] && args=$(cat "$d/args")
		want=0; [ -f "$d/exit" ] && want=$(cat "$d/exit")
		# shellcheck disable=SC2086
		(cd "$d" && "$OLDPWD/$TIAO" consolidate $args "$base" decision.txt -o out.txt) 2>"$d/err"; st=$?
		missing=
		if [ -f "$d/stderr" ]; then
			while IFS= read -r re; do
				[ -n "$re" ] || continue
				grep -Eq -- "$re" "$d/err" || missing="$missing /$re/"
			done <"$d/stderr"
		fi
		if [ -n "$missing" ]; then
			echo "FAIL spec: $title (diagnostics lack$missing)"; fails=$((fails + 1))
			head -n 5 "$d/err"
		elif [ -f "$d/expect" ]; then
			if [ $st -eq "$want" ] && cmp -s "$d/out.txt" "$d/expect"; then
				echo "PASS spec: $title"
			else
				echo "FAIL spec: $title (exit $st)"; fails=$((fails + 1))
				[ -f "$d/out.txt" ] && diff "$d/expect" "$d/out.txt" | head -n 10
				head -n 3 "$d/err"
			fi
		else
			re=$(cat "$d/error")
			if [ $st -eq 2 ] && [ ! -e "$d/out.txt" ] && grep -Eq "$re" "$d/err"; then
				echo "PASS spec: $title"
			else
				echo "FAIL spec: $title (exit $st)"; fails=$((fails + 1))
				echo "  expected /$re/"; head -n 3 "$d/err"
			fi
		fi
	done
	rm -rf "${TMP:?}"/*
done
[ $fails -eq 0 ]
