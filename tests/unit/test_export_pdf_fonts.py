"""The PDF looks the same from any laptop: it embeds the fonts bundled in resources/fonts/.

Checked with poppler's own programs: ``pdffonts`` (every font embedded, none of
reportlab's non-embedded CID fonts) and ``pdftotext`` (the text comes back out, in every
script the report routes to a bundled font), also with the system's fonts hidden.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import UTC
from pathlib import Path

import pytest
from reportlab.pdfbase import ttfonts

from facilitator.core.demo import load_deck_choice, load_plan_choice
from facilitator.core.harvest import Harvest, build_harvest
from facilitator.export import write
from facilitator.paths import resource_path
from facilitator.store.db import EventStore

pytestmark = pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftotext") is None,
    reason="poppler's pdffonts and pdftotext are not installed (apt-get install poppler-utils)",
)

TITLE = "Łódź & Kraków"
NAMES = "Łukasz Wiśniewski, Dvořák, Σοφία, Çağrı"
KOREAN = "한국어 회의"
JAPANESE = "日本語の議論"
CHINESE = "学习 happens there"
QUOTE = "Доверие — это основа"
HEBREW_QUOTE = "שלום עולם, אמרה המנחה"
ARABIC_QUOTE = "القيادة المشتركة تبدأ بالإصغاء"
EMOJI = "Great energy 🚀🎉 after lunch 👍 ☕"


def _harvest(folder: Path) -> Harvest:
    path = folder / "fonts.facilitator"
    store = EventStore.create(
        path,
        title=TITLE,
        deck=load_deck_choice(None),
        plan=load_plan_choice(None),
        tables=3,
        date="2025-03-14",
        venue="Σοφία, Çağrı",
        facilitator="Łukasz Wiśniewski",
    )
    with store:
        tables = {t.number: t for t in store.tables()}
        rounds = store.rounds()
        for table, kind, text in (
            (1, "theme", NAMES),
            (1, "theme", KOREAN),
            (2, "theme", JAPANESE),
            (2, "question", CHINESE),
            (3, "quote", QUOTE),
            (3, "quote", HEBREW_QUOTE),
            (3, "quote", ARABIC_QUOTE),
            (3, "quote", "「学习」と한국어 in a quote"),
            (2, "theme", EMOJI),
            (3, "quote", EMOJI),
        ):
            store.add_theme(text, table_id=tables[table].id, round_id=rounds[1].id, kind=kind)
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


def _run(*args: str) -> str:
    return subprocess.run(
        list(args), capture_output=True, text=True, encoding="utf-8", check=True, timeout=60
    ).stdout


def _text(pdf: Path) -> str:
    text = unicodedata.normalize("NFKC", _run("pdftotext", "-enc", "UTF-8", str(pdf), "-"))
    return re.sub(r"\s+", " ", text)


def _font_rows(pdf: Path) -> list[str]:
    """pdffonts' rows, one per font in the file (its two header lines left out)."""
    return _run("pdffonts", str(pdf)).splitlines()[2:]


def _assert_embedded(pdf: Path) -> None:
    rows = _font_rows(pdf)
    assert rows, "the PDF uses fonts"
    for row in rows:
        # name, type, encoding, then the columns emb sub uni (yes/no each), then the object
        emb, sub, uni = re.findall(r"\b(yes|no)\b", row)[:3]
        assert emb == "yes", f"not embedded: {row}"
        assert sub == "yes", f"embedded whole, not as a subset: {row}"
        assert uni == "yes", f"no ToUnicode map (copy and paste): {row}"
        assert "STSong" not in row and "Helvetica" not in row and "Times" not in row, row


@pytest.fixture(scope="module")
def harvest(tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    return _harvest(tmp_path_factory.mktemp("fonts"))


def test_the_pdf_embeds_every_font_it_uses(harvest: Harvest, tmp_path: Path) -> None:
    pdf = write(harvest, "pdf", tmp_path / "harvest.pdf")
    _assert_embedded(pdf)


def test_korean_japanese_and_chinese_come_back_out_of_the_pdf(
    harvest: Harvest, tmp_path: Path
) -> None:
    text = _text(write(harvest, "pdf", tmp_path / "harvest.pdf"))
    for typed in (KOREAN, JAPANESE, CHINESE, NAMES, TITLE, QUOTE, EMOJI):
        assert typed in text, typed


def test_arabic_and_hebrew_quotes_come_back_out_of_the_pdf(
    harvest: Harvest, tmp_path: Path
) -> None:
    text = _text(write(harvest, "pdf", tmp_path / "harvest.pdf"))
    for quote in (HEBREW_QUOTE, ARABIC_QUOTE):
        for word in quote.replace(",", "").split():
            # pdftotext gives Arabic back in its base letters (NFKC of the joined forms)
            assert unicodedata.normalize("NFKC", word) in text, word


def _drawn(harvest: Harvest) -> list[tuple[str, str]]:
    """(text, font) of every piece of every line the report's entries are drawn in."""
    from facilitator.export.pdf import BODY_W, build_story
    from facilitator.export.pdf.text_block import TextBlock

    out = []
    for flowable in build_story(harvest):
        if isinstance(flowable, TextBlock):
            flowable.wrap(BODY_W, 10_000)
            for row in flowable._rows or []:
                out += [(piece.text, piece.run.font) for piece in row.line]
    return out


def test_every_character_is_drawn_in_a_font_that_has_it(harvest: Harvest) -> None:
    """No boxes: a quote's Hebrew and Arabic, which the serif italic lacks, go to DejaVu
    Sans; Chinese, Japanese and Korean to Droid Sans Fallback; emoji to Symbola."""
    from facilitator.export.pdf.fonts import INVISIBLE, covered

    drawn = _drawn(harvest)
    assert drawn
    for text, font in drawn:
        lacking = set(text) - covered(font) - INVISIBLE
        assert not lacking, f"{text!r} in {font} lacks {sorted(lacking)}"
    fonts_used = {font for _, font in drawn}
    assert {"Harvest-sans", "Harvest-serif_italic", "Harvest-cjk", "Harvest-emoji"} <= fonts_used


def test_the_pdf_is_the_same_with_the_systems_fonts_hidden(
    harvest: Harvest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every font file reportlab opens is one of the app's own: the system's are hidden."""
    from facilitator.export.pdf import fonts as pdf_fonts

    bundled = resource_path("fonts").resolve()
    real_open = ttfonts.TTFOpenFile
    opened: list[Path] = []

    def only_bundled(fn: str) -> object:
        path = Path(fn).resolve()
        if not path.is_relative_to(bundled):
            raise ttfonts.TTFError(f"hidden by the test: {fn}")
        opened.append(path)
        return real_open(fn)

    monkeypatch.setattr(ttfonts, "TTFOpenFile", only_bundled)
    monkeypatch.setattr("reportlab.rl_config.TTFSearchPath", ())
    pdf_fonts.fonts.cache_clear()
    try:
        pdf = write(harvest, "pdf", tmp_path / "hidden.pdf")
    finally:
        pdf_fonts.fonts.cache_clear()  # the next export registers the fonts afresh
    assert opened, "the fonts were loaded from the app's own folder"
    _assert_embedded(pdf)
    text = _text(pdf)
    assert TITLE in text
    assert "Σοφία, Çağrı" in text
    assert NAMES in text
    assert KOREAN in text and JAPANESE in text


def test_the_bundled_fonts_say_what_they_are_and_their_licence() -> None:
    folder = resource_path("fonts")
    readme = (folder / "README.md").read_text("utf-8")
    for ttf in sorted(folder.glob("*.ttf")):
        assert ttf.name in readme, f"{ttf.name} is not described in resources/fonts/README.md"
    assert (folder / "LICENSE-DejaVu.txt").is_file()
    assert (folder / "LICENSE-Apache-2.0.txt").is_file()


def test_a_korean_title_shows_in_every_page_header(tmp_path: Path) -> None:
    """The running header is drawn outside the paragraphs: it takes the CJK font too."""
    path = tmp_path / "korean.facilitator"
    title = "서울 워크숍 Łódź"
    EventStore.create(
        path, title=title, deck=load_deck_choice(None), plan=load_plan_choice(None), tables=2
    ).close()
    with EventStore.open(path, readonly=True) as store:
        pdf = write(build_harvest(store, tz=UTC), "pdf", tmp_path / "korean.pdf")
    pages = _run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")[:-1]
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert title in page, f"page {number} lacks the title"


def test_a_script_no_bundled_font_has_is_named_never_boxed_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Thai and Devanagari have no bundled font: the export says which entries, in which
    script, rather than printing boxes without a word."""
    from facilitator.export import export_event

    path = tmp_path / "thai.facilitator"
    store = EventStore.create(
        path, title="Bangkok", deck=load_deck_choice(None), plan=load_plan_choice(None), tables=2
    )
    with store:
        table = store.tables()[0].id
        for text in ("สวัสดี ทีมงาน", "ขอบคุณ", "नमस्ते टीम", "Plain English, all fine 🚀"):
            store.add_theme(text, table_id=table, round_id=store.rounds()[1].id)
    notes: list[str] = []
    export_event(path, "pdf", tmp_path / "thai.pdf", notes=notes)
    assert (tmp_path / "thai.pdf").is_file()
    joined = "\n".join(notes)
    assert "2 entries in Thai" in joined and "สวัสดี ทีมงาน" in joined, notes
    assert "1 entry in Devanagari" in joined and "नमस्ते टीम" in joined, notes
    assert "Plain English" not in joined
    csv_notes: list[str] = []
    export_event(path, "csv", tmp_path / "thai.csv", notes=csv_notes)
    assert csv_notes == [], "a csv holds any script"
    from facilitator.cli import main

    assert main(["export", str(path), "--format", "pdf", "-o", str(tmp_path / "cli.pdf")]) == 0
    err = capsys.readouterr().err
    assert "Note: 2 entries in Thai could not be typeset in the PDF" in err, err


def test_copying_arabic_and_hebrew_gives_the_letters_as_typed_in_reading_order(
    tmp_path: Path,
) -> None:
    """pdftotext's text, not normalised: Arabic comes back in its own letters (not the
    joined presentation forms it is drawn in, lam-alef included), and a right-to-left
    sentence in reading order, in a quote (the serif italic's fallback, its quote marks
    round it) as in an entry."""
    typed = (
        "القيادة المشتركة تبدأ بالإصغاء",
        "لا سلام بلا عدالة",
        "שלום עולם אמרה המנחה",
    )
    path = tmp_path / "rtl.facilitator"
    store = EventStore.create(
        path, title="RTL", deck=load_deck_choice(None), plan=load_plan_choice(None), tables=2
    )
    with store:
        table, round_id = store.tables()[0].id, store.rounds()[1].id
        for text in typed:
            store.add_theme(text, table_id=table, round_id=round_id)
            store.add_theme(text, table_id=table, round_id=round_id, kind="quote")
    with EventStore.open(path, readonly=True) as store:
        pdf = write(build_harvest(store, tz=UTC), "pdf", tmp_path / "rtl.pdf")
    raw = _run("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    # the bidi marks pdftotext puts around a right-to-left run are not text
    lines = [re.sub(r"[\u200e\u200f\u202a-\u202e]", "", line) for line in raw.splitlines()]
    for text in typed:
        found = [line for line in lines if text in line]
        # the entry and the quote; a quote may also head the report's "At a glance" page
        assert len(found) in (2, 3), (
            text,
            [line for line in lines if any(w in line for w in text.split())],
        )
        # the quote marks the report puts round a quote come out round it, not before it
        assert any(f"“{text}”" in line for line in found), found
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufefe]", raw), "presentation forms copied out"
