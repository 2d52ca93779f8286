#!/bin/sh
# tests/cli/install.sh — installation and documentation:
#  - make install PREFIX=<temporary prefix> installs the binary, both libraries, tiao.h, tiao.pc and
#    the man page; the installed tiao runs;
#  - a tiny C program builds against the installed library with pkg-config --cflags --libs tiao
#    (shared), and again statically against libtiao.a with pkg-config --static; both run;
#  - docs/example.c builds against the installed library and runs on a corpus case (parse and
#    consolidate);
#  - DESTDIR staging puts everything under DESTDIR/PREFIX; make uninstall removes every file;
#  - the man page renders without groff warnings and documents every command and option that
#    'tiao --help' and 'tiao COMMAND --help' show.
# Run from the repository root (tests/run.sh sets BUILD and SHARED).
BUILD=${BUILD:-build}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && cd ../shared 2>/dev/null && pwd)}
CC=${CC:-cc}
fails=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tiao-install.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
prefix=$tmp/prefix

# An ASan build (make asan) must link the programs below with the sanitizer runtime too.
SANFLAGS=
SANMAKE=
if [ -f "$BUILD/libtiao.a" ] && nm "$BUILD/libtiao.a" 2>/dev/null | grep -q __asan_; then
	SANFLAGS="-fsanitize=address,undefined"
	SANMAKE="SAN=1"
fi
# A plain sub-make: not part of the caller's jobserver.
submake() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s BUILD="$BUILD" $SANMAKE "$@"; }

# ---- make install ----------------------------------------------------------------------------
if submake PREFIX="$prefix" install >"$tmp/install.log" 2>&1; then
	pass "make install PREFIX=$prefix"
else
	fail "make install PREFIX=…"; sed 's/^/  /' "$tmp/install.log" | tail -n 20
	exit 1
fi
for f in bin/tiao lib/libtiao.a lib/libtiao.so lib/libtiao.so.0 include/tiao.h \
	lib/pkgconfig/tiao.pc share/man/man1/tiao.1; do
	if [ -e "$prefix/$f" ]; then pass "installed $f"; else fail "installed $f"; fi
done
if [ -x "$prefix/bin/tiao" ] && "$prefix/bin/tiao" --version | grep -q '^tiao [0-9]'; then
	pass "installed tiao --version"
else
	fail "installed tiao --version"
fi

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
ver=$(grep '^#define TIAO_VERSION ' include/tiao.h | sed 's/.*"\(.*\)".*/\1/')
if [ "$(pkg-config --modversion tiao 2>/dev/null)" = "$ver" ]; then
	pass "pkg-config --modversion tiao = $ver"
else
	fail "pkg-config --modversion tiao (want $ver)"
fi
case " $(pkg-config --cflags tiao) " in
*" -I$prefix/include "*) pass "pkg-config --cflags names the installed include dir" ;;
*) fail "pkg-config --cflags tiao: $(pkg-config --cflags tiao)" ;;
esac

# ---- a tiny program, shared and static ------------------------------------------------------
cat >"$tmp/tiny.c" <<'EOF'
#include <tiao.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
	static const char text[] = "测试条例\n第一条　为了测试，制定本条例。\n第二条　依照第一条执行。\n";
	tiao_doc *doc = NULL;
	tiao_error err;
	tiao_parse_options opts = TIAO_PARSE_OPTIONS_INIT;
	if (tiao_parse(&doc, text, strlen(text), &opts, &err) != 0) {
		fprintf(stderr, "parse: %s\n", err.message);
		return 1;
	}
	tiao_buf out = TIAO_BUF_INIT;
	int rc = tiao_render_akn(&out, doc);
	printf("%zu articles, %s\n", tiao_doc_article_count(doc),
	       rc == 0 && out.len && strstr(out.data, "<akomaNtoso") ? "xml ok" : "xml failed");
	tiao_buf_free(&out);
	tiao_doc_free(doc);
	return rc == 0 ? 0 : 1;
}
EOF
# shellcheck disable=SC2046
if $CC -std=c11 -Wall -Werror $SANFLAGS "$tmp/tiny.c" -o "$tmp/tiny" $(pkg-config --cflags --libs tiao) \
	>"$tmp/cc.log" 2>&1; then
	pass "cc tiny.c \$(pkg-config --cflags --libs tiao)"
else
	fail "cc tiny.c \$(pkg-config --cflags --libs tiao)"; sed 's/^/  /' "$tmp/cc.log" | head -n 20
fi
out=$(LD_LIBRARY_PATH="$prefix/lib" "$tmp/tiny" 2>&1)
if [ "$out" = "2 articles, xml ok" ]; then pass "tiny program (shared) runs"; else fail "tiny program (shared): $out"; fi
if command -v ldd >/dev/null 2>&1; then
	if LD_LIBRARY_PATH="$prefix/lib" ldd "$tmp/tiny" | grep -q "$prefix/lib/libtiao.so"; then
		pass "tiny program uses the installed libtiao.so"
	else
		fail "tiny program uses the installed libtiao.so"
	fi
fi

# static: libtiao.a in place of -ltiao, the private dependencies from pkg-config --static
static_libs=$(pkg-config --static --libs tiao | sed "s|-ltiao|$prefix/lib/libtiao.a|")
# shellcheck disable=SC2086
if $CC -std=c11 -Wall -Werror $SANFLAGS "$tmp/tiny.c" -o "$tmp/tiny-static" $(pkg-config --cflags tiao) \
	$static_libs >"$tmp/cc.log" 2>&1; then
	pass "cc tiny.c against libtiao.a (pkg-config --static --libs tiao)"
else
	fail "cc tiny.c against libtiao.a"; sed 's/^/  /' "$tmp/cc.log" | head -n 20
fi
out=$(env -u LD_LIBRARY_PATH "$tmp/tiny-static" 2>&1)
if [ "$out" = "2 articles, xml ok" ]; then pass "tiny program (static) runs"; else fail "tiny program (static): $out"; fi
if command -v ldd >/dev/null 2>&1; then
	if ldd "$tmp/tiny-static" | grep -q libtiao; then
		fail "static program does not need libtiao.so"
	else
		pass "static program does not need libtiao.so"
	fi
fi

# ---- docs/example.c --------------------------------------------------------------------------
# shellcheck disable=SC2046
if $CC -std=c11 -Wall -Wextra -Werror -pedantic $SANFLAGS docs/example.c -o "$tmp/example" \
	$(pkg-config --cflags --libs tiao) >"$tmp/cc.log" 2>&1; then
	pass "docs/example.c builds with pkg-config"
else
	fail "docs/example.c builds with pkg-config"; sed 's/^/  /' "$tmp/cc.log" | head -n 20
fi
case_dir=$SHARED/corpus/shanxi_wanjiazhai
if [ -f "$case_dir/before.txt" ]; then
	want=$("$prefix/bin/tiao" parse "$case_dir/before.txt" -f json | grep -o '"kind": *"article"' | wc -l)
	LD_LIBRARY_PATH="$prefix/lib" "$tmp/example" "$case_dir/before.txt" >"$tmp/ex.out" 2>"$tmp/ex.err"
	st=$?
	got=$(sed -n 's/^articles: //p' "$tmp/ex.out")
	if [ "$st" -eq 0 ] && [ -n "$got" ] && [ "$got" -eq "$want" ] && [ "$got" -gt 0 ]; then
		pass "example parses and walks BASE ($got articles)"
	else
		fail "example BASE: status $st, $got articles (want $want)"; head -n 5 "$tmp/ex.err"
	fi
	"$prefix/bin/tiao" consolidate "$case_dir/before.txt" "$case_dir/decision.txt" -f json >"$tmp/c.json" 2>/dev/null
	want=$(grep -o '"kind": *"article"' "$tmp/c.json" | wc -l)
	LD_LIBRARY_PATH="$prefix/lib" "$tmp/example" "$case_dir/before.txt" "$case_dir/decision.txt" \
		>"$tmp/ex.out" 2>"$tmp/ex.err"
	st=$?
	got=$(sed -n 's/^articles: //p' "$tmp/ex.out")
	if [ "$st" -eq 0 ] && [ -n "$got" ] && [ "$got" -eq "$want" ] && [ "$got" -gt 0 ]; then
		pass "example consolidates and walks the result ($got articles)"
	else
		fail "example BASE DECISION: status $st, $got articles (want $want)"; head -n 5 "$tmp/ex.err"
	fi
	# the walk shows the 题注 line the consolidation added
	if [ "$(grep -c '决定' "$tmp/ex.out")" -ge 1 ]; then
		pass "example prints the consolidated 题注"
	else
		fail "example prints the consolidated 题注"
	fi
fi

# ---- make uninstall ---------------------------------------------------------------------------
if submake PREFIX="$prefix" uninstall >"$tmp/uninstall.log" 2>&1; then
	pass "make uninstall"
else
	fail "make uninstall"; sed 's/^/  /' "$tmp/uninstall.log" | tail -n 10
fi
left=$(find "$prefix" -type f -o -type l | head -n 5)
if [ -z "$left" ]; then pass "uninstall leaves no file behind"; else fail "uninstall left: $left"; fi

# ---- DESTDIR staging --------------------------------------------------------------------------
stage=$tmp/stage
if submake PREFIX=/opt/tiao DESTDIR="$stage" install >"$tmp/stage.log" 2>&1 &&
	[ -x "$stage/opt/tiao/bin/tiao" ] && [ -f "$stage/opt/tiao/lib/pkgconfig/tiao.pc" ]; then
	pass "make install DESTDIR=… PREFIX=/opt/tiao stages under DESTDIR"
else
	fail "make install DESTDIR=…"; sed 's/^/  /' "$tmp/stage.log" | tail -n 10
fi
if grep -q '^prefix=/opt/tiao$' "$stage/opt/tiao/lib/pkgconfig/tiao.pc" 2>/dev/null; then
	pass "staged tiao.pc names the final PREFIX, not DESTDIR"
else
	fail "staged tiao.pc names the final PREFIX"
fi
submake PREFIX=/opt/tiao DESTDIR="$stage" uninstall >/dev/null 2>&1
left=$(find "$stage" -type f -o -type l | head -n 5)
if [ -z "$left" ]; then pass "make uninstall DESTDIR=… removes the staged files"; else fail "staged uninstall left: $left"; fi

# ---- the man page -----------------------------------------------------------------------------
if command -v groff >/dev/null 2>&1; then
	warn=$(groff -ww -man -z docs/tiao.1 2>&1)
	if [ -z "$warn" ]; then pass "groff -ww -man -z docs/tiao.1: no warnings"; else fail "groff warnings: $warn"; fi
	if groff -man -Tutf8 -P-cbou docs/tiao.1 2>/dev/null | grep -q 'EXIT STATUS'; then
		pass "man page renders"
	else
		fail "man page renders"
	fi
else
	echo "SKIP groff not installed"
fi
T=$BUILD/tiao
cmds=$("$T" --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p')
[ -n "$cmds" ] || fail "tiao --help lists commands"
missing=
for c in $cmds; do
	grep -q "^\.B $c\$" docs/tiao.1 || missing="$missing $c"
	grep -q "^\.B[IR]* \"\\{0,1\\}$c[ \"]" docs/tiao.1 || missing="$missing $c(description)"
	for o in $("$T" "$c" --help | grep -o -- '--[a-z][a-z-]*\|^ *-[a-zA-Z],' | sed 's/^ *//; s/,$//' | sort -u); do
		esc=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
		grep -q -- "$esc" docs/tiao.1 || missing="$missing $c:$o"
	done
	# every format the command accepts is documented
	for f in $("$T" "$c" --help | sed -n 's/.*--format \([a-z|]*\).*/\1/p; s/.*-f \([a-z|]*\)].*/\1/p' | tr '|' ' ' | head -n 1); do
		grep -q "\\\\fB$f\\\\fR" docs/tiao.1 || missing="$missing $c:-f $f"
	done
done
if [ -z "$missing" ]; then
	pass "man page documents every command and option of --help"
else
	fail "man page lacks:$missing"
fi
for st in 0 1 2; do
	if sed -n '/^\.SH EXIT STATUS/,/^\.SH/p' docs/tiao.1 | grep -q "^\.B $st\$"; then
		pass "man page documents exit status $st"
	else
		fail "man page documents exit status $st"
	fi
done

[ "$fails" -eq 0 ]
