#!/usr/bin/env bash
# Set up Facilitator on a Debian/Ubuntu machine: the system libraries Qt needs, a .venv,
# and the app with its pinned dependencies. Safe to run again: it skips what is done.
#   scripts/setup.sh          what the app needs to run
#   scripts/setup.sh --test   also what the test suite needs (Xvfb, xdotool, LibreOffice, ...)
#                             and the Windows build's tools (Wine, a verified Windows Python
#                             with the pinned wheels: packaging/windows/build.sh --prepare)
set -euo pipefail
cd "$(dirname "$0")/.."

# PySide6 wheels need these on a bare machine; libpulse0 for QtMultimedia (the chime)
RUN_PACKAGES=(libgl1 libegl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon-x11-0
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-sync1 libxcb-xkb1 libxrandr2 libpulse0
  fonts-dejavu-core fonts-noto-color-emoji python3-venv)
# a real X server for end-to-end tests, the real programs that read our exports, and OCR
# to read the Windows app's screenshot under Wine (tests/windows)
TEST_PACKAGES=(xvfb xauth xdotool x11-utils imagemagick poppler-utils sqlite3
  libreoffice-calc-nogui binutils desktop-file-utils shared-mime-info xdg-utils
  e2fsprogs util-linux chromium tesseract-ocr tesseract-ocr-eng)

packages=("${RUN_PACKAGES[@]}")
[[ ${1:-} == --test ]] && packages+=("${TEST_PACKAGES[@]}")

if command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    if [[ $(id -u) == 0 ]]; then
      echo "setup: installing ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "setup: these system packages are missing; install them, then run this again:" >&2
      echo "  sudo apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
fi

python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "setup: Facilitator needs Python 3.11 or newer ($python is $("$python" --version))" >&2
  exit 1
}
[[ -x .venv/bin/python ]] || "$python" -m venv .venv

# reinstall only when the dependencies changed
stamp=.venv/.facilitator-installed
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c constraints.txt -e '.[dev,package]'
  echo "$want" >"$stamp"
fi

if [[ ${1:-} == --test ]]; then
  packaging/windows/build.sh --prepare
fi
