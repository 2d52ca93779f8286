#!/bin/sh
# scripts/setup.sh — the README's first command: install the Debian packages tiao needs, build it,
# and run the main job (consolidate a real regulation with a real decision) on the sample data.
set -eu
cd "$(dirname "$0")/.."
PKGS="build-essential pkg-config libicu-dev libxml2-dev libxml2-utils libcmocka-dev groff-base"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
	SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi
make -j"$(nproc)"
echo "== tiao consolidate data/wanjiazhai-before.txt data/wanjiazhai-decision.txt"
build/tiao consolidate data/wanjiazhai-before.txt data/wanjiazhai-decision.txt
