#!/bin/sh
# tests/run.sh — run the whole suite: every cmocka unit test binary, then every tests/cli/*.sh and
# tests/corpus/*.sh script. Prints each suite's outcome and closes with "N passed, N failed".
# BUILD names the build directory (default build). Run from the repository root.
BUILD=${BUILD:-build}
SHARED=${SHARED:-$(cd "$(dirname "$0")/.." && cd ../shared 2>/dev/null && pwd)}
[ -n "$SHARED" ] || SHARED=/work/shared
export BUILD SHARED
TIAO=$BUILD/tiao
export TIAO
pass=0; fail=0; failed=""
log=$(mktemp)
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if "$t" >"$log" 2>&1; then st=0; else st=$?; fi
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	p=${p:-0}; f=${f:-0}
	if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		failed="$failed $name"
		echo "FAIL $name"; grep -E "FAILED|ERROR|error|Assert|failure" "$log" | head -n 30
	else
		echo "ok   $name ($p tests)"
	fi
done
for s in tests/cli/*.sh tests/corpus/*.sh; do
	[ -f "$s" ] || continue
	name=${s#tests/}
	if sh "$s" >"$log" 2>&1; then st=0; else st=$?; fi
	p=$(grep -c '^PASS' "$log")
	f=$(grep -c '^FAIL' "$log")
	if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "  (exit status $st)" >>"$log"; fi
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		failed="$failed $name"
		echo "FAIL $name"; grep -v '^PASS' "$log" | head -n 40
	else
		echo "ok   $name ($p checks)"
	fi
done
rm -f "$log"
[ -z "$failed" ] || echo "failed suites:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
