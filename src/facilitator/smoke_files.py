"""What the smoke test checks in each exported file: it opens, and the saved theme is in it."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable

THEME_TEXT = "Smoke test: trust grows when leaders listen first"


class CheckFailed(Exception):
    """A check's own verdict: the message says what is wrong, with no traceback."""


def _check_json(data: bytes) -> None:
    harvest = json.loads(data.decode("utf-8"))
    if harvest.get("format") != "facilitator-harvest":
        raise CheckFailed(f"format is {harvest.get('format')!r}, not 'facilitator-harvest'")
    if THEME_TEXT not in json.dumps(harvest.get("themes"), ensure_ascii=False):
        raise CheckFailed("the saved theme is not in 'themes'")


def _check_csv(data: bytes) -> None:
    if not data.startswith(b"\xef\xbb\xbf"):
        raise CheckFailed("no UTF-8 byte order mark (spreadsheets would garble accents)")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    if not any(THEME_TEXT in cell for row in rows[1:] for cell in row):
        raise CheckFailed(f"the saved theme is not in any of {len(rows) - 1} rows")


def _check_xlsx(data: bytes) -> None:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise CheckFailed("not a zip file, so not an xlsx workbook")
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        names = book.namelist()
        if not any(n.startswith("xl/worksheets/") for n in names):
            raise CheckFailed("the workbook has no worksheets")
        strings = book.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else b""
        sheets = b"".join(book.read(n) for n in names if n.startswith("xl/worksheets/"))
        if THEME_TEXT.encode() not in strings + sheets:
            raise CheckFailed("the saved theme is not in the workbook")


def _check_text(data: bytes) -> None:
    if THEME_TEXT not in data.decode("utf-8"):
        raise CheckFailed("the saved theme is not in the report")


def _check_pdf(data: bytes) -> None:
    if not data.startswith(b"%PDF"):
        raise CheckFailed(f"does not start with %PDF (starts {data[:8]!r})")
    if b"%%EOF" not in data[-1024:]:
        raise CheckFailed("no %%EOF at the end: the PDF is truncated")


CHECKERS: dict[str, Callable[[bytes], None]] = {
    "json": _check_json,
    "csv": _check_csv,
    "xlsx": _check_xlsx,
    "md": _check_text,
    "html": _check_text,
    "pdf": _check_pdf,
}
