# bench/lib.sh — sourced by the bench scripts (bench/[0-9]*.sh): the scratch folder, the measure helper,
# the generator, and `best`, which runs a command several times.
# Environment (bench/run.sh sets them; each script also runs alone): BUILD, TIAO, SHARED, M (the
# measure helper: `$M [-i IN] [-o OUT] -- CMD ARGS…` prints "SECONDS MAXRSS_KIB EXIT CPU_SECONDS"),
# W (a scratch folder), BENCH_REPEAT (runs per figure, default 3).
BUILD=${BUILD:-build}
TIAO=${TIAO:-$BUILD/tiao}
SHARED=${SHARED:-$(cd .. && cd shared 2>/dev/null && pwd)}
R=${BENCH_REPEAT:-3}
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

# best IN OUT CMD ARGS… — "SECONDS MAXRSS_KIB EXIT CPU": wall time, peak RSS and exit status of the
# fastest of $R runs, and the mean CPU time (user + system, from the measure helper's rusage) of the
# $R runs. stdin from IN, stdout to OUT, stderr to $W/stderr (through `env sh -c 'exec CMD 2>FILE'`:
# the exec chain leaves one process, so the peak RSS is the command's own; about 1 ms per run).
best() {
	_in=$1 _out=$2
	shift 2
	_i=0 _all=""
	while [ $_i -lt "$R" ]; do
		_all="$_all$("$M" -i "$_in" -o "$_out" -- env ERRF="$W/stderr" sh -c 'exec "$@" 2>"$ERRF"' sh "$@")
"
		_i=$((_i + 1))
	done
	printf '%s' "$_all" | awk 'NF == 4 { c += $4; n++; if (!best || $1 < w) { w = $1; r = $2; e = $3; best = 1 } }
		END { if (n) printf "%.4f %d %d %.4f\n", w, r, e, c / n }'
}
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a + b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }
