"""The text of a PDF as a reader's copy-and-paste gives it: poppler's pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def pdftotext(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=60,
    ).stdout
