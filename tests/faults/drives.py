"""Helpers of the fault tests: test file systems, and the command line run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


class Drive:
    def __init__(self, path: Path) -> None:
        self.path = path

    def remount(self, options: str) -> None:
        assert mount("-o", f"remount,{options}", str(self.path)), f"remount {options} failed"

    def freeze(self) -> None:
        subprocess.run(["fsfreeze", "--freeze", str(self.path)], check=True)

    def thaw(self) -> None:
        subprocess.run(["fsfreeze", "--unfreeze", str(self.path)], capture_output=True)

    def fill(self) -> None:
        """Fill every free byte: the kernel refuses the last write with ENOSPC."""
        fd = os.open(self.path / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            for size in (65536, 1):
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError:
                    pass
        finally:
            os.close(fd)


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
