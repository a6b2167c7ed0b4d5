"""The room's votes in every export: json rows (one per device per vote), an xlsx sheet,
and a report section with a chart per vote in md, html and pdf, apart from the tables'
picks."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import UTC
from pathlib import Path

import pytest

from facilitator.core.harvest import Harvest, build_harvest
from facilitator.core.votes import CARD_QUESTION, CHOICE
from facilitator.export import write
from facilitator.store.db import EventStore
from unit.pdf_text import pdftotext

CHOICES = ["<b>Yes</b>", "=1+1", "No"]


@pytest.fixture(scope="module")
def harvest(tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    from facilitator.core.demo import load_deck_choice, load_plan_choice

    path = tmp_path_factory.mktemp("votes") / "votes.facilitator"
    deck = load_deck_choice(None)
    with EventStore.create(
        path, title="Votes", deck=deck, plan=load_plan_choice(None), tables=3
    ) as store:
        first, second = deck.cards[0].id, deck.cards[1].id
        store.add_card_pick(deck.cards[2].id, table_id=None, round_id=None)
        vote = store.open_vote(CARD_QUESTION, hidden=True)
        for device, card in [("a", first), ("b", first), ("c", second), ("b", second)]:
            store.cast_ballot(vote.id, device, card)
        store.close_vote(vote.id)
        choice = store.open_vote("Was lunch enough?", kind=CHOICE, choices=CHOICES)
        store.cast_ballot(choice.id, "a", CHOICES[1])
        store.cast_ballot(choice.id, "c", CHOICES[0])
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


@pytest.fixture(scope="module")
def outputs(harvest: Harvest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("out")
    return {
        f: write(harvest, f, folder / f"harvest.{f}") for f in ("json", "xlsx", "md", "html", "pdf")
    }


def test_json_has_one_row_per_device_per_vote(outputs: dict[str, Path], harvest: Harvest) -> None:
    data = json.loads(outputs["json"].read_text("utf-8"))
    card_vote, choice_vote = data["room_votes"]
    assert card_vote["question"] == CARD_QUESTION and card_vote["results_hidden_until_closed"]
    assert card_vote["closed_at"] and choice_vote["closed_at"] is None
    first, second = harvest.deck.cards[0].id, harvest.deck.cards[1].id
    rows = [(v["vote"], v["device"], v.get("card"), v.get("choice")) for v in data["votes"]]
    assert sorted(rows) == sorted(
        [
            (card_vote["id"], "a", first, None),
            (card_vote["id"], "b", second, None),  # changed: one row, its last answer
            (card_vote["id"], "c", second, None),
            (choice_vote["id"], "a", None, "=1+1"),
            (choice_vote["id"], "c", None, "<b>Yes</b>"),
        ]
    )
    assert all(set(v) == {"vote", "device", "at", "card"} or "choice" in v for v in data["votes"])
    assert len(data["card_picks"]) == 1  # the tables' picks stay apart


def test_xlsx_has_a_votes_sheet_with_text_as_text(outputs: dict[str, Path]) -> None:
    with zipfile.ZipFile(outputs["xlsx"]) as book:
        names = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())
        assert names[0] == "Entries" and names[-2:] == ["Votes", "Summary"]
        sheet = book.read(f"xl/worksheets/sheet{len(names) - 1}.xml").decode()
    assert "<f>" not in sheet  # written as typed, in string cells: never a formula
    assert "=1+1" in sheet and "Was lunch enough?" in sheet and "&lt;b&gt;Yes" in sheet


def test_every_report_has_the_rooms_votes_after_the_tables_tally(
    outputs: dict[str, Path], harvest: Harvest
) -> None:
    first, second = harvest.deck.cards[0].title, harvest.deck.cards[1].title
    md = outputs["md"].read_text("utf-8")
    assert md.index("## Which card struck a chord?") < md.index("## The room's votes")
    section = md[md.index("## The room's votes") :]
    assert "3 phones voted · results hidden until the vote closed" in section
    assert f"| {first} | 1 |" in section and f"| {second} | 2 |" in section
    assert "still open at the export" in section and "&lt;b>Yes&lt;/b>" in section
    html = outputs["html"].read_text("utf-8")
    votes = html[html.index("The room&#x27;s votes") :]
    assert votes.count('<ol class="tally"') == 2
    assert "<b>Yes</b>" not in votes and "&lt;b&gt;Yes" in votes
    pdf = pdftotext(outputs["pdf"])
    assert "The room’s votes" in pdf or "The room's votes" in pdf
    assert "Was lunch enough?" in pdf and "3 phones voted" in pdf
