#!/bin/sh
# Installs the Debian packages the program needs (Qt's shared libraries, a Japanese font,
# and for tests Xvfb and PostgreSQL). As root it runs apt-get; otherwise it prints the
# exact command and stops, so nothing half-works later.
# Usage: scripts/system-deps.sh run|test
set -eu
mode=${1:-run}

qt_libs="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6"
xcb_libs="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1"
fonts="fonts-noto-cjk"
case "$mode" in
  run) wanted="$qt_libs $xcb_libs $fonts" ;;
  test) wanted="$qt_libs $xcb_libs $fonts xvfb xauth postgresql" ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian system; install Qt 6's runtime libraries and a CJK font yourself" >&2
  exit 0
fi
missing=""
for p in $wanted; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done
# python3 -m venv needs python3-venv on Debian's own Python.
py=${PYTHON:-python3}
if ! "$py" -c "import ensurepip, venv" >/dev/null 2>&1; then
  missing="$missing python3-venv"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "system-deps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "system-deps: these Debian packages are missing:$missing" >&2
  echo "system-deps: run this once, then run make again:" >&2
  echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi
