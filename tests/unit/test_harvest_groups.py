"""The harvest leads with what the room chose: json ``groups``, the xlsx Groups sheet, and
the report's one-page summary (top groups with dots and tables, three headline quotes,
the card tally, the actions), in md, html and pdf alike."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import UTC
from pathlib import Path

import pytest

from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export import write
from facilitator.export.html import render_html
from facilitator.export.markdown import render_markdown
from facilitator.export.summary import summary
from facilitator.store.db import EventStore
from unit.pdf_text import pdftotext

SAID = [  # (text, kind, table number, group)
    ("Trust takes time", "theme", 1, "Trust"),
    ("trust takes time!", "theme", 2, "Trust"),
    ("“We never stop to listen” — a GP", "quote", 3, "Trust"),
    ("<b>Silos</b> between services", "theme", 4, "=Silos"),
    ("Silos between services", "theme", 5, "=Silos"),
    ("Time to reflect", "theme", 6, "Time"),
    ("“Reflection is a luxury here”", "quote", 6, ""),
    ("Book a monthly learning set", "action", 2, ""),
    ("Map who is missing", "action", 7, ""),
]


def _event(path: Path) -> Path:
    """Three groups, a closed dot vote (Silos 6, Trust 4, Time 0), two quotes, two actions,
    a card pick; one grouped entry deleted afterwards."""
    with EventStore.open(path) as store:
        tables = {t.number: t.id for t in store.tables()}
        first = store.rounds()[0].id
        ids: dict[str, list[str]] = {}
        for text, kind, table, group in SAID:
            entry = store.add_theme(text, kind=kind, table_id=tables[table], round_id=first)
            if group:
                ids.setdefault(group, []).append(entry.id)
        gone = store.add_theme("Deleted later", table_id=tables[8], round_id=first)
        ids["Time"].append(gone.id)
        groups = {
            name: store.create_group(e, round_id=first, name=name).id for name, e in ids.items()
        }
        store.delete_theme(gone.id)
        vote = store.open_dot_vote(first, budget=5, per_group=3)
        store.cast_dots(vote.id, "p1", {groups["=Silos"]: 3, groups["Trust"]: 2}, 1)
        store.cast_dots(vote.id, "p2", {groups["=Silos"]: 3, groups["Trust"]: 2}, 1)
        store.close_dot_vote(vote.id)
        store.add_card_pick("mindset", table_id=tables[1], round_id=first)
    return path


@pytest.fixture
def harvest(event_path: Path) -> Harvest:
    with EventStore.open(_event(event_path), readonly=True) as store:
        return build_harvest(store, tz=UTC)


def test_the_groups_come_most_dots_first_with_their_tables(harvest: Harvest) -> None:
    assert [(g.name, g.dots, g.place, g.tables) for g in harvest.groups] == [
        ("=Silos", 6, 1, ("Table 4", "Table 5")),
        ("Trust", 4, 2, ("Table 1", "Table 2", "Table 3")),
        ("Time", 0, 3, ("Table 6",)),  # the deleted entry and its table left out
    ]


def test_json_groups_name_entries_tables_and_dots(harvest: Harvest, tmp_path: Path) -> None:
    out = json.loads(write(harvest, "json", tmp_path / "h.json").read_text("utf-8"))
    texts = {t["id"]: t["text"] for t in out["themes"]}
    first = out["groups"][0]
    assert (first["name"], first["dots"], first["place"], first["tables"]) == (
        "=Silos",
        6,
        1,
        ["Table 4", "Table 5"],
    )
    assert [texts[i] for i in first["entries"]] == [
        "<b>Silos</b> between services",
        "Silos between services",
    ]
    assert first["round_id"] == out["rounds"][0]["id"]
    assert [g["name"] for g in out["groups"]] == ["=Silos", "Trust", "Time"]


def test_xlsx_has_a_groups_sheet_with_no_formula(harvest: Harvest, tmp_path: Path) -> None:
    path = write(harvest, "xlsx", tmp_path / "h.xlsx")
    with zipfile.ZipFile(path) as book:
        names = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())
        assert names[0] == "Entries" and names[-2:] == ["Groups", "Summary"]
        # strings inline: constant memory
        sheet = book.read(f"xl/worksheets/sheet{len(names) - 1}.xml").decode()
    assert "<f>" not in sheet
    assert "=Silos" in sheet and "Table 4, Table 5" in sheet


def test_the_summary_opens_the_report(harvest: Harvest) -> None:
    glance = summary(harvest)
    assert glance is not None
    assert [(g.place, g.name, g.detail) for g in glance.groups] == [
        ("1.", "=Silos", "6 dots · 2 tables: Table 4, Table 5"),
        ("2.", "Trust", "4 dots · 3 tables: Table 1, Table 2, Table 3"),
        ("3.", "Time", "0 dots · 1 table: Table 6"),
    ]
    # quotes from the top groups first, then the others, then the top groups' first words
    assert [q.text for q in glance.quotes] == [
        "“We never stop to listen” — a GP",
        "“Reflection is a luxury here”",
        "<b>Silos</b> between services",
    ]
    assert glance.cards[0].startswith("Mindset") and "1 pick" in glance.cards[0]
    assert [a.text for a in glance.actions] == ["Book a monthly learning set", "Map who is missing"]
    md = render_markdown(harvest)
    assert md.index("## At a glance") < md.index("## Agenda")
    assert "1. **=Silos** · 6 dots" in md and "&lt;b>Silos" in md
    page = render_html(harvest)
    assert page.index("At a glance") < page.index("Agenda")
    assert "&lt;b&gt;Silos&lt;/b&gt;" in page and "<b>Silos</b>" not in page


def test_the_pdf_gives_the_summary_its_own_page(harvest: Harvest, tmp_path: Path) -> None:
    pages = pdftotext(write(harvest, "pdf", tmp_path / "h.pdf")).split("\f")
    glance = next(n for n, p in enumerate(pages) if "What the room ranked highest" in p)
    assert glance in (1, 2)  # right after the cover (and its contents page, if it has one)
    for words in ("What the room ranked highest", "6 dots", "In their words", "Actions"):
        assert words in pages[glance]
    assert "Agenda" not in pages[glance] and "Agenda" in pages[glance + 1]


def test_an_event_without_groups_or_anything_to_sum_up(event_path: Path, tmp_path: Path) -> None:
    with EventStore.open(event_path, readonly=True) as store:
        bare = build_harvest(store, tz=UTC)
    assert bare.groups == () and summary(bare) is None
    assert "At a glance" not in render_markdown(bare)
    assert json.loads(write(bare, "json", tmp_path / "b.json").read_text("utf-8"))["groups"] == []
