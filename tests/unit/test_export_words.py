"""One vocabulary in every report: entries of four kinds; the deck's own word for its suits
("deck theme" where the deck calls them "Theme", so "theme" never means two things); only
questions under "The questions"; a round's lists do not repeat the round; every entry
tagged to a most-tagged card is listed (past what any real event has, the rest are said to
be where they are).

Read as a reader gets them: the Markdown, the html's text, and the pdf through pdftotext.
"""

from __future__ import annotations

import html
import re
from datetime import UTC
from pathlib import Path

import pytest

from facilitator.core.deck import Deck
from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export import report, write
from facilitator.export.html import render_html
from facilitator.export.markdown import render_markdown
from facilitator.store.db import EventStore
from unit.harvest_sample import big_event, rich_event
from unit.pdf_text import pdftotext

INSTRUCTION = "Lay the cards out and read them together."  # round 4's first prompt


def _harvest(path: Path) -> Harvest:
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    return _harvest(rich_event(tmp_path_factory.mktemp("rich")))


@pytest.fixture(scope="module")
def texts(rich: Harvest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The report as each format reads: md as written, html and pdf as text."""
    page = render_html(rich)
    page = html.unescape(re.sub(r"<[^>]+>", " ", page[page.index("<main>") :]))
    pdf = write(rich, "pdf", tmp_path_factory.mktemp("pdf") / "harvest.pdf")
    return {
        "md": re.sub(r"\\(.)", r"\1", html.unescape(render_markdown(rich))),
        "html": page,
        "pdf": pdftotext(pdf),
    }


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("Theme", ("deck theme", "deck themes")),
        ("Themes", ("deck theme", "deck themes")),
        ("Quote", ("deck quote", "deck quotes")),
        ("Stage", ("stage", "stages")),
        ("Behaviour  area", ("behaviour area", "behaviour areas")),
        ("", ("suit", "suits")),
    ],
)
def test_a_decks_suits_have_its_own_word_never_an_entry_kind(
    label: str, words: tuple[str, str]
) -> None:
    assert report.suit_word(Deck("d", (), (), suit_label=label)) == words


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_the_tally_counts_picks_by_deck_theme(texts: dict[str, str], fmt: str) -> None:
    text = _flat(texts[fmt])
    assert "6 picks by deck theme" in text
    assert not re.search(r"by theme\b", text, re.IGNORECASE)


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_the_cover_counts_entries_then_each_kind(texts: dict[str, str], fmt: str) -> None:
    text = _flat(texts[fmt])
    if fmt == "pdf":  # a grid: pdftotext gives a row's figures, then their labels
        assert "9 6 21 13 tables heard rounds entries themes" in text
        assert "3 2 3 6 quotes questions actions card picks" in text
        return
    for count in ("21 entries", "13 themes", "3 quotes", "2 questions", "3 actions"):
        assert count in text


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_only_questions_are_under_the_questions(texts: dict[str, str], fmt: str) -> None:
    text = texts[fmt]
    cover = text[: text.index("Agenda")]
    assert "What does system leadership mean to you and your role?" in _flat(cover)
    assert INSTRUCTION not in _flat(cover), "a round's instruction is not a question"
    assert INSTRUCTION in _flat(text), "its round still shows it"


def test_no_question_on_the_cover_but_prompts_that_ask(rich: Harvest) -> None:
    questions, more = report.cover_questions(rich)
    assert questions and more == 0
    assert all(report.is_question(q) for q in questions)
    assert report.is_question("¿Qué observas?") and report.is_question("ما رأيك؟")
    assert report.is_question("“Who holds the picture?”") and report.is_question("何ですか？")
    assert not report.is_question(INSTRUCTION)


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_a_rounds_lists_do_not_repeat_the_round(texts: dict[str, str], fmt: str) -> None:
    text = _flat(texts[fmt])
    # the section itself: the last of its headings (a contents page lists them first)
    start = text.rindex("Round 2: First conversation")
    section = text[start : text.rindex("Round 3: Second conversation")]
    assert "How do we lead where we have no authority?" in section
    assert "(Table 1; cards: Relationships)" in section or "(Table 1)" in section
    assert "round 2" not in section
    tagged = text[text.index("The cards tables talked about most") :]
    assert "(Table 1, round 2)" in tagged, "lists that gather rounds still say which"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    return _harvest(big_event(tmp_path_factory.mktemp("big"), 300, tables=6))


def test_every_entry_tagged_to_a_most_tagged_card_is_listed(big: Harvest, tmp_path: Path) -> None:
    most = next(b for b in report.outline(big) if isinstance(b, report.MostTagged))
    assert max(len(c.entries) for c in most.cards) > 20
    for card, tagged in zip(most.cards, big.most_tagged, strict=True):
        assert card.entries == tagged.themes
        assert card.detail.endswith(f"{len(tagged.themes)} entries")
    md = render_markdown(big)
    part = md[md.index("## The cards tables talked about most") :]
    assert part.count("\n- ") == sum(len(c.entries) for c in most.cards)
    for text in (md, render_html(big), pdftotext(write(big, "pdf", tmp_path / "big.pdf"))):
        # the most-tagged cards' part (the summary's actions may end "and N more")
        start = text.rindex("The cards tables talked about most")  # not the contents' line
        assert not re.search(r"and [\d,]+ more", text[start:])


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_past_what_an_event_has_the_rest_are_said_to_be_where_they_are(
    big: Harvest, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "MOST_TAGGED_LISTED", 10)
    most = next(b for b in report.outline(big) if isinstance(b, report.MostTagged))
    first, tagged = most.cards[0], big.most_tagged[0]
    assert first.entries == tagged.themes[:10]
    more = len(tagged.themes) - 10
    note = f"and {more:,} more tagged {first.title}: each shows the card in its round above"
    assert first.rest.startswith(note) and "Entries sheet" in first.rest
    if fmt == "md":
        text = render_markdown(big)
    elif fmt == "html":
        text = html.unescape(render_html(big))
    else:
        text = pdftotext(write(big, "pdf", tmp_path / "big.pdf"))
    assert note in _flat(text)
