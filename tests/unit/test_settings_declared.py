"""One declared list of event settings and of machine preferences (core/settings.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from facilitator.core.settings import CLOCK_AMBER, EVENT_SETTINGS, MACHINE_PREFERENCES

SRC = Path(__file__).resolve().parents[2] / "src" / "facilitator"


class _Store:
    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def setting(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def test_keys_are_declared_once() -> None:
    keys = [s.key for s in (*EVENT_SETTINGS, *MACHINE_PREFERENCES)]
    assert len(keys) == len(set(keys))


def test_a_read_gives_the_default_or_the_stored_value_as_its_kind() -> None:
    assert CLOCK_AMBER.read(_Store({})) == 120.0
    assert CLOCK_AMBER.read(_Store({CLOCK_AMBER.key: 90})) == 90.0
    assert isinstance(CLOCK_AMBER.read(_Store({CLOCK_AMBER.key: 90})), float)


def test_no_module_spells_out_a_declared_key() -> None:
    declared = {s.key for s in (*EVENT_SETTINGS, *MACHINE_PREFERENCES)}
    found = []
    for path in SRC.rglob("*.py"):
        if path.name == "settings.py" and path.parent.name == "core":
            continue
        for literal in re.findall(r"[\"']([a-z_]+[./][a-z_]+)[\"']", path.read_text("utf-8")):
            if literal in declared:
                found.append(f"{path.relative_to(SRC)}: {literal}")
    assert found == []
