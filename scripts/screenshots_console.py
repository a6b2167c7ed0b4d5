"""The laptop's side for the README: the start page and the console, light and dark.

    .venv/bin/python scripts/screenshots_console.py [--out DIR] [--size 1366x768]

Writes ``start-<look>.png`` and ``console-<look>.png`` (default into ``docs/screenshots/``)
from a made-up event in a temporary folder, on Qt's offscreen platform: nothing of this
laptop's own events, recent list or settings is read or changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

TMP = Path(tempfile.mkdtemp(prefix="facilitator-shots-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_DATA_HOME"] = str(TMP / "data")
os.environ["XDG_CONFIG_HOME"] = str(TMP / "config")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from facilitator.app import make_application  # noqa: E402
from facilitator.core.demo import load_deck_choice, load_plan_choice  # noqa: E402
from facilitator.store import operations as ops  # noqa: E402
from facilitator.store.db import EventStore  # noqa: E402
from facilitator.ui.looks import ConsoleLook, looks  # noqa: E402
from facilitator.ui.recent import RecentEvents  # noqa: E402

SAID = [
    (1, "Leadership is noticing what the system needs, not only what my team needs"),
    (2, '"I coach leaders to hold the question, not rush to the answer"'),
    (3, "Permission to experiment matters more than a perfect plan"),
    (1, "How do we keep relationships going between events?"),
]


def make_event(folder: Path) -> Path:
    path = folder / "North West coaching network day.facilitator"
    store = EventStore.create(
        path,
        deck=load_deck_choice(None),
        plan=load_plan_choice(None),
        title="North West coaching network day",
        tables=12,
        venue="The Lowry, Salford",
        date="2026-11-20",
    )
    tables = store.tables()
    round_id = store.rounds()[1].id
    for table, text in SAID:
        kind = "quote" if text.startswith('"') else "question" if text.endswith("?") else "theme"
        ops.add_theme(
            store, text.strip('"'), table_id=tables[table - 1].id, round_id=round_id, kind=kind
        )
    store.close()
    return path


def shoot(widget: QWidget, size: tuple[int, int], out: Path) -> None:
    widget.resize(*size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(out))
    print(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1366x768", help="window size, WxH")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    assert len(size) == 2
    args.out.mkdir(parents=True, exist_ok=True)
    make_application()
    from facilitator.ui.console import ConsoleWindow
    from facilitator.ui.start_page import StartPage

    event = make_event(TMP)
    recent = RecentEvents()
    recent.add(
        TMP / "Spring forum.facilitator",
        "Leadership forum, spring",
        "2026-03-12",
        "Manchester Central Library",
    )
    recent.add(event, "North West coaching network day", "2026-11-20", "The Lowry, Salford")
    for look in (ConsoleLook.LIGHT, ConsoleLook.DARK):
        looks().choose(look)
        page = StartPage(recent)
        shoot(page, size, args.out / f"start-{look.value}.png")  # type: ignore[arg-type]
        page.close()
        console = ConsoleWindow(EventStore.open(event), recent)
        shoot(console, size, args.out / f"console-{look.value}.png")  # type: ignore[arg-type]
        console.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
