#!/usr/bin/env bash
# Stub DLLs that let Wine 8.0 load what Windows 10 and 11 have, in the Wine prefix's
# system32 (test harness only: PyInstaller treats system32 DLLs as the system's, and
# tests/windows checks that none of these reach the built folder).
#
#   packaging/windows/wine_shims.sh SITE_PACKAGES SYSTEM32
#
# - icuuc.dll: Qt6Core 6.11+ imports Windows' own ICU converters (ucnv_*), which Wine has
#   only from 11.5. Every function Qt imports returns 0 (ucnv_open: no converter), so Qt
#   loads and its ICU text codecs are unavailable under Wine, nothing else.
# - bcryptprimitives.dll: Rust-built wheels (pydantic-core) import ProcessPrng, absent in
#   Wine 8; it forwards to advapi32's RtlGenRandom (SystemFunction036), same arguments.
# Built with binutils only (binutils-mingw-w64-x86-64): no C compiler needed.
set -euo pipefail
site=$1 system32=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

imports_from() {  # the functions DLL $1 imports from library $2
  x86_64-w64-mingw32-objdump -p "$1" |
    awk -v lib="$2" 'tolower($0) ~ "dll name: " lib {on=1; next} /DLL Name:/ {on=0}
                     on && $1 != "vma:" && $3 ~ /^[A-Za-z_]/ {print $3}'
}

link() {  # link $1.dll from $work/$1.s and $work/$1.def
  x86_64-w64-mingw32-as "$work/$1.s" -o "$work/$1.o"
  x86_64-w64-mingw32-ld -shared --entry DllMain -o "$system32/$1.dll" "$work/$1.o" "$work/$1.def"
}

printf '.text\n.globl DllMain\nDllMain: mov $1, %%eax\n ret\n' >"$work/dllmain.s"

icu=$(imports_from "$site/PySide6/Qt6Core.dll" icuuc.dll | sort -u)
if [[ -n $icu ]]; then
  { cat "$work/dllmain.s"; printf '.globl zero\nzero: xor %%eax, %%eax\n ret\n'; } >"$work/icuuc.s"
  { echo "LIBRARY icuuc.dll"; echo "EXPORTS"; sed 's/.*/  & = zero/' <<<"$icu"; } >"$work/icuuc.def"
  link icuuc
fi

prng=$(find "$site" -iname '*.pyd' -exec sh -c \
  'x86_64-w64-mingw32-objdump -p "$1" | grep -qi "dll name: bcryptprimitives.dll" && echo "$1"' _ {} \;)
if [[ -n $prng ]]; then
  for module in $prng; do
    extra=$(imports_from "$module" bcryptprimitives.dll | grep -vx ProcessPrng || true)
    if [[ -n $extra ]]; then
      echo "wine_shims: $module needs bcryptprimitives functions with no shim: $extra" >&2
      exit 1
    fi
  done
  cp "$work/dllmain.s" "$work/bcryptprimitives.s"
  printf 'LIBRARY bcryptprimitives.dll\nEXPORTS\n  ProcessPrng = advapi32.SystemFunction036\n' \
    >"$work/bcryptprimitives.def"
  link bcryptprimitives
fi
