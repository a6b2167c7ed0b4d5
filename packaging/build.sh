#!/usr/bin/env bash
# Build the one-folder app with PyInstaller: dist/facilitator/ (and dist/Facilitator.app on macOS).
#
#   packaging/build.sh            build, then run the frozen app's --smoke-test
#   packaging/build.sh --no-smoke build only
#
# Uses the project's virtual environment (.venv, with the `package` extra installed).
# Linux: the folder also gets install.sh, which adds the app to the desktop menu and
# makes double-clicking a .facilitator file open it.
set -euo pipefail
cd "$(dirname "$0")/.."
smoke=1
[[ ${1:-} == --no-smoke ]] && smoke=0

python=.venv/bin/python
pyinstaller=.venv/bin/pyinstaller
[[ -x $pyinstaller ]] || python=.venv/Scripts/python.exe pyinstaller=.venv/Scripts/pyinstaller.exe

started=$(date +%s)
[[ -f resources/icons/app/facilitator-256.png ]] || QT_QPA_PLATFORM=offscreen "$python" scripts/make_icons.py
"$pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/facilitator.spec

app=dist/facilitator
if [[ $(uname -s) == Linux ]]; then
  cp packaging/linux/install.sh packaging/linux/facilitator.desktop \
     packaging/linux/facilitator-mime.xml "$app/"
  chmod +x "$app/install.sh"
fi
echo "Built $app in $(( $(date +%s) - started )) s: $(du -sh "$app" | cut -f1)"

if (( smoke )); then
  exe=$app/facilitator
  [[ -x $exe ]] || exe=$app/facilitator-cli.exe
  QT_QPA_PLATFORM=offscreen "$exe" --smoke-test
fi
