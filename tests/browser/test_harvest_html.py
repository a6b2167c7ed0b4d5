"""The html harvest in Debian's chromium at a desktop's 1280 px and a phone's 390 px:
nothing scrolls sideways (a 235-character link, a long word and the organiser's logo fit),
the agenda's Actual times are on screen, the chart's labels stay readable, links typed in
entries are links, the logo shows from the page itself, and axe-core is clean."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from facilitator.core.harvest import build_harvest
from facilitator.core.settings import EVENT_LOGO, EVENT_ORGANISER
from facilitator.export import write
from facilitator.store.db import EventStore
from unit.harvest_sample import png, rich_event

pytestmark = pytest.mark.browser

LONG_LINK = "https://example.org/harvest/" + "/".join(
    f"segment{n:02d}-of-the-path" for n in range(10)
)
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung" * 2
WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    path = rich_event(folder)
    with EventStore.open(path) as store:
        tables = store.tables()
        rounds = store.rounds()
        store.add_theme(
            f"The notes are at {LONG_LINK} for all", table_id=tables[0].id, round_id=rounds[1].id
        )
        store.add_theme(LONG_WORD, table_id=tables[1].id, round_id=rounds[1].id, kind="quote")
        store.add_theme(f"See {LONG_LINK}", table_id=None, round_id=rounds[1].id, kind="action")
        store.add_theme("javascript:alert(1) stays text", table_id=tables[2].id, round_id=None)
        store.set_setting(EVENT_ORGANISER.key, "North West Leadership Academy")
        store.set_setting(EVENT_LOGO.key, base64.b64encode(png(1200, 300)).decode("ascii"))
    with EventStore.open(path, readonly=True) as store:
        harvest = build_harvest(store, tz=UTC)
    assert len(LONG_LINK) >= 235
    return write(harvest, "html", folder / "harvest.html")


@pytest.fixture
def opened(browser: Any, page_file: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 900})
    outside: list[str] = []

    def only_the_file(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_file)
    page = context.new_page()
    page.goto(page_file.as_uri())
    yield page
    context.close()
    assert outside == [], f"the page reached out: {outside}"


@pytest.mark.parametrize("opened", WIDTHS, indirect=True, ids=[f"{w}px" for w in WIDTHS])
def test_nothing_scrolls_sideways(opened: Any) -> None:
    page = opened
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    wide = page.evaluate(
        """(w) => [...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > w + 0.5)
            .map(e => e.tagName + ' ' + e.textContent.slice(0, 40))""",
        width,
    )
    assert wide == [], wide


@pytest.mark.parametrize("opened", WIDTHS, indirect=True, ids=[f"{w}px" for w in WIDTHS])
def test_the_agendas_actual_times_are_on_screen(opened: Any) -> None:
    page = opened
    width = page.evaluate("window.innerWidth")
    cells = page.evaluate(
        """() => [...document.querySelectorAll('.agenda td')].map(td => {
            const r = td.getBoundingClientRect();
            return [td.textContent, r.left, r.right];
        })"""
    )
    assert cells
    assert any("09:32" in text for text, _, _ in cells), "an actual time is shown"
    for text, left, right in cells:
        assert left >= 0 and right <= width + 0.5, (text, left, right)
    # on a phone each cell says which column it is
    labels = page.evaluate(
        """() => [...document.querySelectorAll('.agenda td')].map(td =>
            getComputedStyle(td, '::before').content)"""
    )
    if width < 600:
        assert '"Actual"' in labels, labels


@pytest.mark.parametrize("opened", WIDTHS, indirect=True, ids=[f"{w}px" for w in WIDTHS])
def test_the_charts_labels_are_readable(opened: Any) -> None:
    sizes = opened.evaluate(
        """() => [...document.querySelectorAll('.tally .label, .tally .n')].map(e => {
            const r = e.getBoundingClientRect();
            return [e.textContent, parseFloat(getComputedStyle(e).fontSize), r.width];
        })"""
    )
    assert sizes, "the chart has labels"
    for text, size, width in sizes:
        assert size >= 12 and width > 0, (text, size, width)
    assert any(text == "Mindset" for text, _, _ in sizes)


@pytest.mark.parametrize("opened", WIDTHS, indirect=True, ids=[f"{w}px" for w in WIDTHS])
def test_axe_finds_no_violation(opened: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(opened)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("opened", WIDTHS, indirect=True, ids=[f"{w}px" for w in WIDTHS])
def test_typed_web_addresses_are_links_and_the_logo_shows(opened: Any) -> None:
    page = opened
    links = page.evaluate(
        """() => [...document.querySelectorAll('a')].map(a => [a.href, a.rel, a.textContent])"""
    )
    assert [href for href, _, _ in links].count(LONG_LINK) == 2
    assert all(rel == "noopener noreferrer" and href == text for href, rel, text in links)
    assert all(href.startswith(("http://", "https://")) for href, _, _ in links)
    assert "javascript:alert(1) stays text" in page.inner_text("main")
    logo = page.evaluate(
        """() => { const i = document.querySelector('header img.logo');
            const r = i.getBoundingClientRect();
            return [i.complete, i.naturalWidth, r.right, i.alt]; }"""
    )
    complete, natural, right, alt = logo
    assert complete and natural == 1200, "drawn from the page's own data"
    assert right <= page.evaluate("window.innerWidth")
    assert alt == "Logo of North West Leadership Academy"
