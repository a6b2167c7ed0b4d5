"""Everything that differs between the Linux, Windows and macOS builds, in one place.

``facilitator.spec`` imports this; nothing else in the spec looks at the platform.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PACKAGING = Path(__file__).resolve().parent
REPO = PACKAGING.parent
APP_ICONS = REPO / "resources" / "icons" / "app"

APP_NAME = "Facilitator"
EXE_NAME = "facilitator"
BUNDLE_ID = "org.facilitator.Facilitator"
EVENT_SUFFIX = "facilitator"
EVENT_MIME = "application/x-facilitator"
EVENT_UTI = "org.facilitator.event"
DESCRIPTION = "Run a room of table conversations from a laptop, offline."


def version() -> str:
    """The app's version, read from the package without importing it."""
    text = (REPO / "src" / "facilitator" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("src/facilitator/__init__.py has no __version__")
    return match.group(1)


@dataclass(frozen=True)
class Platform:
    name: str
    icon: Path | None
    # A windowed app opens no terminal when double-clicked (Windows, macOS).
    windowed: bool
    # Windows only: a console twin (facilitator-cli.exe) in the same folder, because a
    # windowed .exe has no stdout for `--smoke-test`, `export` and the other commands.
    console_twin: bool = False
    # macOS: turn the "open this document" event of a double-click into sys.argv.
    argv_emulation: bool = False
    # strip debug symbols from the Qt and Python libraries (not on Windows: no strip tool).
    strip: bool = False
    # Drop shared libraries that nothing kept links to any more (the dependencies of the
    # plugins filtered out). Needs ldd, so Linux only.
    prune_orphans: bool = False
    # Shared libraries left to the system (file-name patterns): they must match the
    # desktop's own graphics, font and session stack, and every desktop has them.
    system_libs: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    # the program and its folder: on Windows the name a user sees in Explorer and the taskbar
    exe_name: str = EXE_NAME


def current() -> Platform:
    if sys.platform == "win32":
        return Platform(
            "windows",
            APP_ICONS / "facilitator.ico",
            windowed=True,
            console_twin=True,
            exe_name=APP_NAME,
        )
    if sys.platform == "darwin":
        return Platform(
            "macos",
            APP_ICONS / "facilitator.icns",
            windowed=True,
            argv_emulation=True,
            extra={"info_plist": mac_info_plist()},
        )
    return Platform(
        "linux", None, windowed=False, strip=True, prune_orphans=True, system_libs=LINUX_SYSTEM_LIBS
    )


# What PyInstaller would otherwise copy from the build machine. A bundled fontconfig older
# than the system's fonts.conf spews errors, a bundled libX11/libxcb/glib older than what
# the system's GL drivers were built against crashes them. The xcb-util family
# (libxcb-cursor0 and friends) stays bundled: many desktops lack it and Qt needs it.
LINUX_SYSTEM_LIBS = (
    "libX11.so.*",
    "libX11-xcb.so.*",
    "libxcb.so.*",
    "libXau.so.*",
    "libXdmcp.so.*",
    "libXext.so.*",
    "libXrender.so.*",
    "libfontconfig.so.*",
    "libfreetype.so.*",
    "libexpat.so.*",
    "libglib-2.0.so.*",
    "libgobject-2.0.so.*",
    "libgio-2.0.so.*",
    "libgmodule-2.0.so.*",
    "libgthread-2.0.so.*",
    "libdbus-1.so.*",
    "libsystemd.so.*",
    "libgcrypt.so.*",
    "libgpg-error.so.*",
    "liblz4.so.*",
    "libcap.so.*",
    "libselinux.so.*",
    "libmount.so.*",
    "libblkid.so.*",
    "libpcre2-8.so.*",
    "libuuid.so.*",
    "libbsd.so.*",
    "libmd.so.*",
    "libkrb5.so.*",
    "libkrb5support.so.*",
    "libk5crypto.so.*",
    "libgssapi_krb5.so.*",
    "libkeyutils.so.*",
    "libcom_err.so.*",
    # Wayland's client libraries: present wherever a Wayland session runs
    "libwayland-*.so.*",
    # the sound server's client library: PulseAudio and PipeWire desktops both have it
    "libpulse.so.*",
    "libpulsecommon-*.so",
    "libsndfile.so.*",
    "libasyncns.so.*",
    "libFLAC.so.*",
    "libvorbis.so.*",
    "libvorbisenc.so.*",
    "libogg.so.*",
    "libopus.so.*",
    "libmpg123.so.*",
    "libmp3lame.so.*",
)


def mac_info_plist() -> dict[str, Any]:
    """Info.plist entries: the version, and .facilitator files opened by a double-click."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": version(),
        "CFBundleVersion": version(),
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": "11.0",
        "NSHumanReadableCopyright": DESCRIPTION,
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Facilitator event",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [EVENT_UTI],
                "CFBundleTypeExtensions": [EVENT_SUFFIX],
                "CFBundleTypeIconFile": "facilitator.icns",
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": EVENT_UTI,
                "UTTypeDescription": "Facilitator event",
                "UTTypeConformsTo": ["public.data", "public.database"],
                "UTTypeIconFile": "facilitator.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": [EVENT_SUFFIX],
                    "public.mime-type": [EVENT_MIME],
                },
            }
        ],
    }


def windows_version_file(build_dir: Path) -> Path:
    """Write the VERSIONINFO resource PyInstaller embeds in facilitator.exe.

    The file is the text form PyInstaller reads (a ``VSVersionInfo(...)`` expression),
    written here rather than built with PyInstaller's classes, which import on Windows only.
    """
    numbers = [int(n) for n in re.findall(r"\d+", version())[:3]]
    four = tuple(numbers + [0] * (4 - len(numbers)))
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": DESCRIPTION,
        "FileVersion": version(),
        "InternalName": APP_NAME,
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version(),
        "LegalCopyright": "MIT licence",
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four!r}, prodvers={four!r}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / "version_info.txt"
    path.write_text(text, encoding="utf-8")
    return path
