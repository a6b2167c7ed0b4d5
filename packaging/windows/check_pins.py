"""Fail unless every distribution installed in SITE_PACKAGES is pinned, at that version.

    python check_pins.py SITE_PACKAGES CONSTRAINTS...

The Windows build installs wheels for the versions of constraints.txt; a dependency that
no constraints file names would float to whatever PyPI has on the day.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main(site: Path, constraint_files: list[Path]) -> int:
    pins: dict[str, str] = {}
    for path in constraint_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if "==" in line:
                name, version = line.split("==", 1)
                pins[normal(name)] = version.strip()
    wrong = []
    for info in sorted(site.glob("*.dist-info")):
        name, version = info.name.removesuffix(".dist-info").rsplit("-", 1)
        if pins.get(normal(name)) != version:
            wrong.append(f"{name} {version} (pinned: {pins.get(normal(name), 'no')})")
    if wrong:
        listed = ", ".join(wrong)
        print(f"check_pins: installed but not at a pinned version: {listed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]))
