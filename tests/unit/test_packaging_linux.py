"""Linux integration: install.sh puts the menu entry, the file type and the icons in the
user's own folders, so double-clicking a .facilitator file opens it; --uninstall undoes it.

Runs the real script against a throwaway XDG data and config folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"


def install(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        HOME=str(tmp / "home"),
        XDG_DATA_HOME=str(tmp / "data"),
        XDG_CONFIG_HOME=str(tmp / "config"),
    )
    return subprocess.run(
        ["bash", str(LINUX / "install.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A stand-in for the app, in a folder whose name needs quoting."""
    folder = tmp_path / "USB stick" / "Facilitator $1"
    folder.mkdir(parents=True)
    exe = folder / "facilitator"
    exe.write_text('#!/bin/sh\necho "$@"\n')
    exe.chmod(0o755)
    return exe


def exec_args(desktop: Path) -> list[str]:
    """The Exec key split as a desktop environment does (Desktop Entry spec, "Exec key")."""
    lines = desktop.read_text().splitlines()
    value = next(line.removeprefix("Exec=") for line in lines if line.startswith("Exec="))
    value = value.replace("\\\\", "\\")  # string-level escaping first
    args, current, quoted, i = [], "", False, 0
    while i < len(value):
        char = value[i]
        if quoted and char == "\\" and value[i + 1] in '"`$\\':
            current, i = current + value[i + 1], i + 2
            continue
        if char == '"':
            quoted = not quoted
        elif char == " " and not quoted:
            args.append(current)
            current = ""
        else:
            current += char
        i += 1
    return [*args, current]


def test_install_adds_the_menu_entry_pointing_at_the_program(tmp_path: Path, program: Path) -> None:
    done = install(tmp_path, "--exec", str(program))
    assert done.returncode == 0, done.stderr
    desktop = tmp_path / "data" / "applications" / "facilitator.desktop"
    assert exec_args(desktop) == [str(program), "%f"]
    assert "MimeType=application/x-facilitator;" in desktop.read_text()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(desktop)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stdout + check.stderr


def test_install_registers_the_event_file_type_and_its_icons(tmp_path: Path, program: Path) -> None:
    assert install(tmp_path, "--exec", str(program)).returncode == 0
    data = tmp_path / "data"
    assert (data / "mime" / "packages" / "facilitator.xml").is_file()
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text()
        assert "application/x-facilitator:*.facilitator" in globs
    for size in (16, 48, 256):
        assert (
            data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "facilitator.png"
        ).is_file()
        mimetype_icon = f"{size}x{size}/mimetypes/application-x-facilitator.png"
        assert (data / "icons" / "hicolor" / mimetype_icon).is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "facilitator.svg").is_file()
    if shutil.which("xdg-mime"):
        defaults = (tmp_path / "config" / "mimeapps.list").read_text()
        assert "application/x-facilitator=facilitator.desktop" in defaults


def test_uninstall_removes_what_install_added(tmp_path: Path, program: Path) -> None:
    assert install(tmp_path, "--exec", str(program)).returncode == 0
    done = install(tmp_path, "--uninstall")
    assert done.returncode == 0, done.stderr
    data = tmp_path / "data"
    assert not (data / "applications" / "facilitator.desktop").exists()
    assert not (data / "mime" / "packages" / "facilitator.xml").exists()
    assert not list((data / "icons").rglob("*facilitator*"))


def test_a_missing_program_is_one_line_saying_what_to_do(tmp_path: Path) -> None:
    done = install(tmp_path, "--exec", str(tmp_path / "nowhere" / "facilitator"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "is not a program that can be run" in done.stderr
    assert not (tmp_path / "data" / "applications" / "facilitator.desktop").exists()


def test_the_desktop_entry_and_mime_type_in_the_repo_are_valid() -> None:
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(LINUX / "facilitator.desktop")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout
    import xml.etree.ElementTree as ET

    root = ET.parse(LINUX / "facilitator-mime.xml").getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    mime = root.find(f"{ns}mime-type")
    assert mime is not None and mime.attrib["type"] == "application/x-facilitator"
    assert [g.attrib["pattern"] for g in mime.findall(f"{ns}glob")] == ["*.facilitator"]
