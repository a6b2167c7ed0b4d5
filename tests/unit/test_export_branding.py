"""The organiser's line and logo, kept in the event file, on the reports: the pdf's cover
(the logo embedded as an image, a Figure with its text), the html's header (the logo as
data in the page, never fetched), the Markdown as words, the json as data.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from datetime import UTC
from html.parser import HTMLParser
from pathlib import Path

import pytest
from msgspec.structs import replace

from facilitator.core.harvest import Harvest, build_harvest
from facilitator.core.settings import EVENT_LOGO, EVENT_ORGANISER
from facilitator.export import write
from facilitator.export.html import render_html
from facilitator.export.markdown import render_markdown
from facilitator.export.pdf.logo import read_png
from facilitator.store.db import EventStore
from unit.harvest_sample import png, rich_event
from unit.pdf_text import pdftotext

ORGANISER = "NHS North West <Leadership> Academy & partners"


LOGO = png(240, 80)


@pytest.fixture(scope="module")
def harvest(tmp_path_factory: pytest.TempPathFactory) -> Harvest:
    path = rich_event(tmp_path_factory.mktemp("brand"))
    with EventStore.open(path) as store:
        store.set_setting(EVENT_ORGANISER.key, f"  {ORGANISER} ")
        store.set_setting(EVENT_LOGO.key, base64.b64encode(LOGO).decode("ascii"))
    with EventStore.open(path, readonly=True) as store:
        return build_harvest(store, tz=UTC)


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


def test_the_event_file_gives_the_organiser_and_logo(harvest: Harvest) -> None:
    assert harvest.event.organiser == ORGANISER
    assert harvest.event.logo_png == LOGO


def test_the_html_header_holds_the_logo_as_data(harvest: Harvest) -> None:
    page = render_html(harvest)
    header = page[page.index('<header class="cover">') : page.index("</header>")]
    parser = _Images()
    parser.feed(page)
    assert len(parser.images) == 1
    (image,) = parser.images
    src = image["src"] or ""
    assert src.startswith("data:image/png;base64,")
    assert base64.b64decode(src.split(",", 1)[1]) == LOGO
    assert image["alt"] == f"Logo of {ORGANISER}"
    assert "NHS North West &lt;Leadership&gt; Academy &amp; partners" in header


def test_the_markdown_has_the_organiser_in_words(harvest: Harvest) -> None:
    md = render_markdown(harvest)
    cover = md[: md.index("## Agenda")]
    assert "NHS North West &lt;Leadership> Academy & partners" in cover
    assert "![" not in md and "<img" not in md


def test_the_json_keeps_the_organiser_and_the_logo(harvest: Harvest, tmp_path: Path) -> None:
    data = json.loads(write(harvest, "json", tmp_path / "h.json").read_text("utf-8"))
    assert data["event"]["organiser"] == ORGANISER
    assert base64.b64decode(data["event"]["logo_base64"]) == LOGO


def test_the_pdf_cover_shows_the_organiser_and_embeds_the_logo(
    harvest: Harvest, tmp_path: Path
) -> None:
    pdf = write(harvest, "pdf", tmp_path / "h.pdf")
    cover = pdftotext(pdf).split("\f")[0]
    assert ORGANISER in cover
    if shutil.which("pdfimages") is None:
        pytest.skip("pdfimages is not installed (apt-get install poppler-utils)")
    listed = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    )
    rows = [line.split() for line in listed.stdout.splitlines()[2:]]
    assert [(r[0], r[3], r[4], r[5]) for r in rows] == [("1", "240", "80", "rgb")]
    assert not listed.stderr, "poppler reads the image without complaint"
    extracted = tmp_path / "logo"
    subprocess.run(["pdfimages", "-png", str(pdf), str(extracted)], check=True)
    assert (tmp_path / "logo-000.png").stat().st_size > 0
    tree = subprocess.run(
        ["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True
    )
    assert tree.stdout.splitlines()[1].strip() == "Figure", "the logo is the cover's figure"
    assert not tree.stderr


@pytest.mark.parametrize(
    "raw",
    [
        b"not a png at all",
        png(20, 10, colour_type=6),  # an alpha channel: the app flattens logos onto white
        png(20, 10, depth=16),
        LOGO[:-30],  # cut short
    ],
)
def test_a_logo_the_pdf_cannot_hold_is_left_off_and_the_rest_written(
    raw: bytes, harvest: Harvest, tmp_path: Path
) -> None:
    assert read_png(raw) is None
    broken = replace(harvest, event=replace(harvest.event, logo_png=raw))
    pdf = write(broken, "pdf", tmp_path / "x.pdf")
    assert ORGANISER in pdftotext(pdf)
