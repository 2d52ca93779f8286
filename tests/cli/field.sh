#!/bin/sh
# tests/cli/field.sh — `tiao consolidate` on real local cases beyond the shared corpus (tests/field/*):
# other provinces and 设区的市, other database layouts, decisions with drafting faults.
#
# Each case directory holds before.txt, decision.txt, SOURCE and either
#  - after.txt: the official consolidated text; the result must match it article by article modulo
#    the normalisation of amendment-semantics §4 (tests/corpus/corpus_cmp.c), chapter headings
#    included, the 题注 loosely. An optional DEVIATIONS file lists `第X条<TAB>reason` for articles
#    where the official text verifiably departs from the decision, and `题注<TAB>reason` where the
#    official 题注 line cannot be derived from the decision (then the 题注 check is skipped);
#  - or EXPECT_FAIL: the decision is faulty or ambiguous; tiao must fail loudly: exit 2, no output
#    file, and an error `decision.txt:LINE:COL: error: …` matching the extended regex on the first
#    line of EXPECT_FAIL (further lines: the reason).
# Prints one PASS/FAIL line per case; exits non-zero if any failed.
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
fails=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }

CMP=$BUILD/tests/corpus_cmp
mkdir -p "$BUILD/tests"
if [ ! -x "$CMP" ] || [ tests/corpus/corpus_cmp.c -nt "$CMP" ] || [ "$BUILD/libtiao.a" -nt "$CMP" ]; then
	san=
	nm "$BUILD/libtiao.a" 2>/dev/null | grep -q '__asan_init' && san="-fsanitize=address,undefined"
	${CC:-cc} -std=c11 -O1 $san -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -o "$CMP.field.$$" tests/corpus/corpus_cmp.c \
		"$BUILD/libtiao.a" $(pkg-config --libs icu-uc icu-i18n libxml-2.0 2>/dev/null) -lm \
		&& mv -f "$CMP.field.$$" "$CMP" || { fail "build corpus_cmp"; exit 1; }
fi

n=0; ok=0
for dir in tests/field/*/; do
	[ -f "$dir/decision.txt" ] || continue
	c=$(basename "$dir")
	n=$((n + 1))
	rm -f "$TMP/$c.txt"
	"$TIAO" consolidate "$dir/before.txt" "$dir/decision.txt" -o "$TMP/$c.txt" 2>"$TMP/$c.err"; st=$?
	if [ -f "$dir/EXPECT_FAIL" ]; then
		re=$(head -n 1 "$dir/EXPECT_FAIL")
		if [ $st -eq 2 ] && [ ! -e "$TMP/$c.txt" ] && grep -Eq "decision.txt:[0-9]+:[0-9]+: error: .*$re" "$TMP/$c.err"; then
			ok=$((ok + 1)); pass "field $c: fails loudly as expected"
		else
			fail "field $c: expected exit 2 and /$re/, got exit $st"; head -n 5 "$TMP/$c.err" | sed 's/^/  /'
		fi
		continue
	fi
	if [ $st -ne 0 ]; then
		fail "field $c: consolidate failed (exit $st)"; head -n 8 "$TMP/$c.err" | sed 's/^/  /'
		continue
	fi
	dev=-
	[ -f "$dir/DEVIATIONS" ] && dev="$dir/DEVIATIONS"
	"$CMP" "$TMP/$c.txt" "$dir/after.txt" "$dev" "$dir/before.txt" >"$TMP/$c.cmp" 2>&1
	# a listed 题注 deviation: the 题注 lines of the comparison do not count
	if [ -f "$dir/DEVIATIONS" ] && grep -q '^题注	' "$dir/DEVIATIONS"; then
		grep -v '^  题注: ' "$TMP/$c.cmp" >"$TMP/$c.cmp2"
		echo "  (题注: listed deviation)" >>"$TMP/$c.cmp2"
	else
		cp "$TMP/$c.cmp" "$TMP/$c.cmp2"
	fi
	if grep -q '^  [^(]' "$TMP/$c.cmp2"; then
		fail "field $c: differs from after.txt"; head -n 30 "$TMP/$c.cmp2"
	else
		ok=$((ok + 1)); pass "field $c"; grep '^  (' "$TMP/$c.cmp2"
	fi
done
echo "field: $ok of $n cases as expected"
[ $fails -eq 0 ]
