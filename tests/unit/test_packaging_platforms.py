"""What the Windows and macOS builds embed, checked without building them: the .exe's
version resource and the .app's Info.plist (which opens .facilitator files). The built
Windows exe is checked under Wine in tests/windows.
"""

from __future__ import annotations

import importlib.util
import plistlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from facilitator import __version__

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load_platforms() -> ModuleType:
    spec = importlib.util.spec_from_file_location("platforms", PACKAGING / "platforms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["platforms"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def record(kind: str):  # type: ignore[no-untyped-def]
    """A stand-in for PyInstaller's version-info classes (they import on Windows only)."""

    def make(*args: Any, **kwargs: Any) -> dict[str, Any]:
        return {"kind": kind, "args": args, **kwargs}

    return make


def test_the_windows_version_resource_carries_the_app_version(tmp_path: Path) -> None:
    text = load_platforms().windows_version_file(tmp_path).read_text(encoding="utf-8")
    names = (
        "VSVersionInfo FixedFileInfo StringFileInfo StringTable StringStruct VarFileInfo VarStruct"
    )
    info = eval(
        text, {name: record(name) for name in names.split()}
    )  # the format PyInstaller evals
    numbers = tuple(int(n) for n in __version__.split(".")[:3])
    assert info["ffi"]["filevers"][:3] == numbers
    table = info["kids"][0]["args"][0][0]["args"][1]
    strings = {entry["args"][0]: entry["args"][1] for entry in table}
    assert strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "Facilitator.exe"
    assert strings["ProductName"] == "Facilitator"


def test_the_mac_bundle_declares_event_files_as_its_own() -> None:
    plist = load_platforms().mac_info_plist()
    plistlib.loads(plistlib.dumps(plist))  # serialisable as the bundle's Info.plist
    assert plist["CFBundleShortVersionString"] == __version__
    (document,) = plist["CFBundleDocumentTypes"]
    assert document["CFBundleTypeExtensions"] == ["facilitator"]
    assert document["LSHandlerRank"] == "Owner"
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert exported["UTTypeIdentifier"] in document["LSItemContentTypes"]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["facilitator"]
