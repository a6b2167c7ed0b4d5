"""One registry of export formats: the CLI, the export dialog and the smoke test read it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from facilitator import cli, smoke
from facilitator.export import FORMATS, default_name, export_notes
from facilitator.export.formats import REGISTRY, in_dialog_order


def _cli_format_choices() -> list[str]:
    import argparse

    parser = cli._subcommand_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    export = sub.choices["export"]
    action = next(a for a in export._actions if a.dest == "format")
    assert action.choices is not None
    return list(action.choices)


def test_the_cli_offers_the_registrys_formats() -> None:
    assert _cli_format_choices() == [f.key for f in REGISTRY]


def test_the_smoke_test_checks_the_registrys_formats() -> None:
    assert list(smoke.EXPORT_FORMATS) == [f.key for f in REGISTRY]
    assert list(FORMATS) == [f.key for f in REGISTRY]


def test_the_dialog_order_lists_every_format_once_reports_first() -> None:
    # the dialog itself is checked against this in tests/gui/test_export_dialog.py
    keys = [f.key for f in in_dialog_order()]
    assert sorted(keys) == sorted(f.key for f in REGISTRY)
    assert keys[:3] == ["pdf", "html", "md"]


def test_every_format_loads_its_writer_and_names_its_file(tmp_path: Path) -> None:
    for entry in REGISTRY:
        assert callable(entry.writer())
        name = default_name(tmp_path / "event.facilitator", entry.key).name
        assert name == f"event-harvest.{entry.extension}"
    assert len({f.key for f in REGISTRY}) == len(REGISTRY)
    assert len({f.dialog_rank for f in REGISTRY}) == len(REGISTRY)


def test_only_the_pdf_has_notes() -> None:
    assert [f.key for f in REGISTRY if f.notes_ref] == ["pdf"]
    assert export_notes(None, "csv") == []  # type: ignore[arg-type]


def test_writing_a_csv_never_imports_reportlab(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from facilitator.export import _writer\n"
        "_writer('csv')\n"
        "import facilitator.cli\n"
        "facilitator.cli._subcommand_parser()\n"
        "assert not any(m.startswith('reportlab') for m in sys.modules), 'reportlab loaded'\n"
        "assert 'openpyxl' not in sys.modules and 'xlsxwriter' not in sys.modules\n"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(src)}, timeout=60
    )
