#!/bin/sh
# scripts/setup.sh — the README's first command: install the Debian packages tiao needs, build it,
# and run the main job (consolidate a real regulation with a real decision) on the sample data.
set -eu
cd "$(dirname "$0")/.."
# build: compiler, pkg-config, ICU, libxml2; tests: cmocka, xmllint, groff (man page), zlib (PNG check),
# Chromium and a CJK font (the HTML redline is rendered and its screenshot inspected)
PKGS="build-essential pkg-config libicu-dev libxml2-dev libxml2-utils libcmocka-dev groff-base zlib1g-dev chromium fonts-noto-cjk"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
	SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi
make -j"$(nproc)"
echo "== tiao consolidate data/wanjiazhai-before.txt data/wanjiazhai-decision.txt"
build/tiao consolidate data/wanjiazhai-before.txt data/wanjiazhai-decision.txt
