"""The feedback survey in every export: json questions and responses, an xlsx Survey
sheet, and a report section with each rating as a chart with its count and the free texts."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import UTC
from pathlib import Path

import pytest

from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export import write
from facilitator.store.db import EventStore
from unit.pdf_text import pdftotext

IDEA = '=HYPERLINK("x") <script>more breaks</script>'


@pytest.fixture(scope="module")
def harvest(tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    from facilitator.core.demo import load_deck_choice, load_plan_choice

    path = tmp_path_factory.mktemp("survey") / "survey.facilitator"
    plan = load_plan_choice(None)
    assert plan.survey, "the demo plan has a survey"
    with EventStore.create(
        path, title="Survey", deck=load_deck_choice(None), plan=plan, tables=3
    ) as store:
        useful, _cards, again, ideas = (q.id for q in store.survey_questions())
        for device, rating, choice in (("a", 5, "Yes"), ("b", 4, "Maybe"), ("c", 4, "Yes")):
            store.answer_survey(useful, device, rating)
            store.answer_survey(again, device, choice)
        store.answer_survey(ideas, "a", IDEA)
        store.answer_survey(ideas, "paper-1", "Longer lunch", origin="laptop")
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


@pytest.fixture(scope="module")
def outputs(harvest: Harvest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("out")
    formats = ("json", "xlsx", "md", "html", "pdf")
    return {f: write(harvest, f, folder / f"harvest.{f}") for f in formats}


def test_json_has_the_questions_and_every_response(outputs: dict[str, Path]) -> None:
    survey = json.loads(outputs["json"].read_text("utf-8"))["survey"]
    kinds = [q["kind"] for q in survey["questions"]]
    assert kinds == ["rating", "rating", "choice", "text"]
    assert survey["questions"][2]["choices"] == ["Yes", "Maybe", "No"]
    assert len(survey["responses"]) == 8
    paper = next(r for r in survey["responses"] if r["device"] == "paper-1")
    assert paper["origin"] == "laptop" and paper["answer"] == "Longer lunch"


def test_xlsx_has_a_survey_sheet_with_ratings_as_numbers(outputs: dict[str, Path]) -> None:
    with zipfile.ZipFile(outputs["xlsx"]) as book:
        names = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())
        assert names[0] == "Entries" and names[-2:] == ["Survey", "Summary"]
        sheet = book.read(f"xl/worksheets/sheet{len(names) - 1}.xml").decode()
    assert "<f>" not in sheet and "HYPERLINK" in sheet and "Longer lunch" in sheet
    assert "<v>5</v>" in sheet  # a rating is a number a spreadsheet can average


def test_every_report_shows_ratings_with_counts_and_the_free_texts(
    outputs: dict[str, Path],
) -> None:
    md = outputs["md"].read_text("utf-8")
    section = md[md.index("## Feedback survey") :]
    assert "3 answers · average 4.3 out of 5" in section
    assert "| 4 | 2 |" in section and "| 1 | 0 |" in section
    assert "| Yes | 2 |" in section
    assert "- Longer lunch" in section and "&lt;script>" in section
    assert "No answers." in section  # the cards question nobody answered
    html = outputs["html"].read_text("utf-8")
    survey = html[html.index("Feedback survey") :]
    assert survey.count('<ol class="tally"') == 2 and "<script>" not in survey
    assert "&lt;script&gt;more breaks" in survey
    pdf = pdftotext(outputs["pdf"])
    assert "Feedback survey" in pdf and "average 4.3 out of 5" in pdf
    assert "Longer lunch" in pdf and "<script>more breaks</script>" in pdf


def test_only_approved_questions_to_the_room_reach_the_report(tmp_path: Path) -> None:
    from facilitator.core.demo import load_deck_choice, load_plan_choice
    from facilitator.core.room_questions import APPROVED, HIDDEN

    path = tmp_path / "asked.facilitator"
    with EventStore.create(
        path, title="Asked", deck=load_deck_choice(None), plan=load_plan_choice(None), tables=2
    ) as store:
        for n, (text, status) in enumerate(
            [("Kept <i>quiet</i>?", APPROVED), ("Rude words", HIDDEN), ("Not read yet", None)]
        ):
            store.ask_room(f"q{n}", f"d{n}", text)
            if status:
                store.moderate(f"q{n}", status)
        store.upvote("q0", "d9")
        harvest = build_harvest(store, tz=UTC)
    md = write(harvest, "md", tmp_path / "h.md").read_text("utf-8")
    section = md[md.index("## Questions from the room") :]
    assert "- Kept &lt;i>quiet&lt;/i>? (1 up-vote)" in section
    assert "Rude words" not in md and "Not read yet" not in md
    html = write(harvest, "html", tmp_path / "h.html").read_text("utf-8")
    assert "Rude words" not in html and "Kept &lt;i&gt;quiet" in html
    assert "Rude words" not in pdftotext(write(harvest, "pdf", tmp_path / "h.pdf"))
    data = json.loads(write(harvest, "json", tmp_path / "h.json").read_text("utf-8"))
    statuses = {q["text"]: (q["status"], q["upvotes"]) for q in data["room_questions"]}
    assert statuses == {
        "Kept <i>quiet</i>?": ("approved", 1),
        "Rude words": ("hidden", 0),
        "Not read yet": ("waiting", 0),
    }
