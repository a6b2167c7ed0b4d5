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


@pytest.fixture
def stick() -> Iterator[Drive]:
    """A small ext4 file system on a loop device, like a USB stick, that can be frozen
    (``fsfreeze``: every write waits) as a slow or failing stick does; thawed at the end
    whatever the test did."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a test file system")
    if not (shutil.which("mkfs.ext4") and shutil.which("fsfreeze")):
        pytest.skip("needs mkfs.ext4 and fsfreeze (e2fsprogs, util-linux)")
    folder = Path(tempfile.mkdtemp(prefix="facilitator-stick-"))
    image = folder / "stick.img"
    path = folder / "mnt"
    path.mkdir()
    with open(image, "wb") as blank:
        blank.truncate(32 * 1024 * 1024)
    subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], check=True, capture_output=True)
    if not mount("-o", "loop", str(image), str(path)):
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip("this machine cannot mount a loop device")
    drive = Drive(path)
    yield drive
    drive.thaw()
    subprocess.run(["umount", "-l", str(path)], capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)
