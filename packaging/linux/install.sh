#!/usr/bin/env bash
# Add Facilitator to your desktop's application menu, and make double-clicking a
# .facilitator file open it. Installs into your own folders only (no sudo):
#   ~/.local/share/applications   the menu entry (facilitator.desktop)
#   ~/.local/share/mime           the "Facilitator event" file type (*.facilitator)
#   ~/.local/share/icons/hicolor  the app icon and the event file icon
#
#   ./install.sh                  run from the app folder (beside the facilitator program)
#   ./install.sh --exec PATH      use this facilitator program instead
#   ./install.sh --uninstall      remove what install.sh added
#
# Moved the app folder? Run install.sh again from its new place.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
mime=$data/mime
icons=$data/icons/hicolor
mime_type=application/x-facilitator
desktop_name=facilitator.desktop

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

# The files this script installs sit beside it in the app folder, or in the source tree.
find_first() {
  local candidate
  for candidate in "$@"; do
    [[ -e $candidate ]] && { printf '%s\n' "$candidate"; return 0; }
  done
  return 1
}

refresh() {
  command -v update-mime-database >/dev/null && update-mime-database "$mime" >/dev/null 2>&1 || true
  command -v update-desktop-database >/dev/null && update-desktop-database "$apps" >/dev/null 2>&1 || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$icons" >/dev/null 2>&1 || true
}

uninstall() {
  rm -f "$apps/$desktop_name" "$mime/packages/facilitator.xml"
  local size
  for size in 16 24 32 48 64 128 256 512; do
    rm -f "$icons/${size}x$size/apps/facilitator.png" \
          "$icons/${size}x$size/mimetypes/application-x-facilitator.png"
  done
  rm -f "$icons/scalable/apps/facilitator.svg" \
        "$icons/scalable/mimetypes/application-x-facilitator.svg"
  [[ -d $mime/packages ]] && refresh
  say "Removed Facilitator from the menu and the .facilitator file type."
}

exe=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --exec) [[ $# -ge 2 ]] || fail "--exec needs the path of the facilitator program"
            exe=$2; shift 2 ;;
    --uninstall) uninstall; exit 0 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) fail "unknown option $1 (try --help)" ;;
  esac
done

if [[ -z $exe ]]; then
  exe=$(find_first "$here/facilitator" "$here/../../dist/facilitator/facilitator") ||
    fail "no facilitator program beside install.sh; give it with --exec PATH"
fi
[[ -x $exe && -f $exe ]] || fail "$exe is not a program that can be run"
exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")

desktop_src=$(find_first "$here/facilitator.desktop") || fail "facilitator.desktop is missing beside install.sh"
mime_src=$(find_first "$here/facilitator-mime.xml") || fail "facilitator-mime.xml is missing beside install.sh"
icon_dir=$(find_first "$here/_internal/facilitator/resources/icons" "$here/../../resources/icons") ||
  fail "the app's icons are missing (looked in $here/_internal/facilitator/resources/icons)"

mkdir -p "$apps" "$mime/packages"
install -m 644 "$mime_src" "$mime/packages/facilitator.xml"

for png in "$icon_dir"/app/facilitator-*.png; do
  size=${png##*-}; size=${size%.png}
  mkdir -p "$icons/${size}x$size/apps" "$icons/${size}x$size/mimetypes"
  install -m 644 "$png" "$icons/${size}x$size/apps/facilitator.png"
  install -m 644 "$png" "$icons/${size}x$size/mimetypes/application-x-facilitator.png"
done
mkdir -p "$icons/scalable/apps" "$icons/scalable/mimetypes"
install -m 644 "$icon_dir/facilitator.svg" "$icons/scalable/apps/facilitator.svg"
install -m 644 "$icon_dir/facilitator.svg" "$icons/scalable/mimetypes/application-x-facilitator.svg"

# Exec takes the program's absolute path, quoted as the Desktop Entry spec asks.
quoted=$(printf '%s' "$exe" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
tmp=$(mktemp "$apps/.facilitator.XXXXXX")
while IFS= read -r line; do
  case $line in
    Exec=*) printf 'Exec="%s" %%f\n' "$quoted" ;;
    TryExec=*) ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$desktop_src" >"$tmp"
chmod 644 "$tmp"
mv -f "$tmp" "$apps/$desktop_name"

refresh
command -v xdg-mime >/dev/null && xdg-mime default "$desktop_name" "$mime_type" 2>/dev/null || true

say "Installed Facilitator for $(id -un):"
say "  menu entry   $apps/$desktop_name"
say "  file type    $mime_type (*.facilitator) in $mime"
say "  program      $exe"
say "Double-click a .facilitator file to open it. To undo: $0 --uninstall"
