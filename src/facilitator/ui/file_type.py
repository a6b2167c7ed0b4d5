"""Windows: offer once, per user, to open .facilitator files with this app (no admin rights).

The association lives under HKEY_CURRENT_USER\\Software\\Classes, which every user may
write. It names this folder's Facilitator.exe: if the user said yes and the folder has
moved since (a USB stick on another drive letter), the next start points it here again.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.core.settings import OPEN_EVENT_FILES
from facilitator.paths import APP_NAME

log = logging.getLogger(__name__)

PROG_ID = "Facilitator.Event"
CLASSES = "Software\\Classes"
SHCNE_ASSOCCHANGED = 0x08000000


def association(exe: Path) -> dict[str, str]:
    """Each key under HKCU\\Software\\Classes and its default value, for ``exe``."""
    return {
        ".facilitator": PROG_ID,
        PROG_ID: "Facilitator event",
        f"{PROG_ID}\\DefaultIcon": f'"{exe}",0',
        f"{PROG_ID}\\shell\\open\\command": f'"{exe}" "%1"',
    }


def offer(parent: QWidget, settings: QSettings | None = None) -> QMessageBox | None:
    """Ask once (the frozen Windows app only); keep a yes pointing at this folder."""
    if sys.platform != "win32" or not getattr(sys, "frozen", False):
        return None
    exe = Path(sys.executable).with_name(f"{APP_NAME}.exe")
    settings = settings or QSettings()
    answer = str(settings.value(OPEN_EVENT_FILES.key, OPEN_EVENT_FILES.default))
    wanted = association(exe)
    if answer == "no" or _registered() == wanted:
        return None
    if answer == "yes":
        _register(wanted)
        return None
    box = QMessageBox(
        QMessageBox.Icon.Question,
        APP_NAME,
        "Open .facilitator files with Facilitator when you double-click them?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    where = f"They will then open with {exe}."
    box.setInformativeText("For your Windows account only, no administrator rights. " + where)

    def answered(button: int) -> None:
        yes = button == QMessageBox.StandardButton.Yes
        settings.setValue(OPEN_EVENT_FILES.key, "yes" if yes else "no")
        if yes:
            _register(wanted)

    box.finished.connect(answered)
    box.open()  # not modal to the app: the console stays usable behind it
    return box


def _registered() -> dict[str, str]:
    if sys.platform != "win32":
        return {}
    import winreg

    found = {}
    for key in association(Path()):
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, f"{CLASSES}\\{key}") as handle:
                found[key] = str(winreg.QueryValue(handle, None))
        except OSError:
            pass
    return found


def _register(values: dict[str, str]) -> None:
    if sys.platform != "win32":
        return
    import ctypes
    import winreg

    try:
        for key, value in values.items():
            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, f"{CLASSES}\\{key}") as handle:
                winreg.SetValue(handle, "", winreg.REG_SZ, value)
    except OSError as exc:
        log.warning("cannot register .facilitator files: %s", exc)
        return
    # Explorer shows the new icon and "Open" without a logout
    ctypes.windll.shell32.SHChangeNotify(SHCNE_ASSOCCHANGED, 0, None, None)
    log.info("registered .facilitator files: %s", values[f"{PROG_ID}\\shell\\open\\command"])
