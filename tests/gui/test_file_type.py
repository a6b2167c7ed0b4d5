"""The .facilitator file type on Windows: what is written for the user (HKCU, no admin).

The registry itself is written and read back under Wine (tests/windows); here, the values.
"""

from __future__ import annotations

from pathlib import PureWindowsPath

from facilitator.ui.file_type import PROG_ID, association, offer


def test_the_association_opens_files_with_this_exe_whatever_its_path() -> None:
    exe = PureWindowsPath(r"E:\Kit for Leeds\Facilitator's app\Facilitator.exe")
    keys = association(exe)  # type: ignore[arg-type]
    assert keys[".facilitator"] == PROG_ID
    command = keys[f"{PROG_ID}\\shell\\open\\command"]
    assert command == f'"{exe}" "%1"', "quoted: spaces and apostrophes in the folder"
    assert keys[f"{PROG_ID}\\DefaultIcon"] == f'"{exe}",0'


def test_nothing_is_offered_outside_the_frozen_windows_app(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    assert offer(window) is None
