"""Real faults of a venue's disks, made with the kernel's own file systems (needs root).

``drive(size)`` mounts a tiny tmpfs for one test: it can fill up (a full disk) or be
remounted read-only (a locked stick). Without root (a developer's laptop) these tests
skip; CI runs as root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from drives import Drive, mount


@pytest.fixture
def drive() -> Iterator[Callable[[str], Drive]]:
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root on Linux to mount a test file system")
    mounted: list[Path] = []

    def make(size: str = "8m") -> Drive:
        path = Path(tempfile.mkdtemp(prefix="facilitator-drive-"))
        if not mount("-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(path)):
            pytest.skip("this machine cannot mount a tmpfs")
        mounted.append(path)
        return Drive(path)

    yield make
    for path in mounted:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)
        shutil.rmtree(path, ignore_errors=True)
