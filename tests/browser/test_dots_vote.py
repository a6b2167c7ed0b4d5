"""The dot vote on phones: ten phones place and take back dots, the projector, the phones
and the harvest rank the groups alike; limits, closing, losing the network; axe-clean."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from facilitator.core.harvest import build_harvest
from facilitator.export.json_writer import harvest_to_dict
from facilitator.ui.grouping.dots_screen import dots_job

pytestmark = pytest.mark.browser

SAVED_MS = 10_000
GROUPS = ["Trust takes time", "Primary care voices are missing", "Time to reflect", "Silos"]


def _open_vote(room: Any, *, budget: int = 5, per_group: int = 3, hidden: bool = False) -> None:
    store = room.store
    first = store.rounds()[0].id
    for n, name in enumerate(GROUPS):
        ids = [
            store.add_theme(f"{name} ({k})", table_id=room.table_ids[n + k + 1], round_id=first).id
            for k in range(2)
        ]
        store.create_group(ids, round_id=first, name=name)
    store.open_dot_vote(first, budget=budget, per_group=per_group, hidden=hidden)


def _url(room: Any) -> str:
    return f"http://facilitator.test:{room.server.port}/j/{room.store.room_tokens().event}/dots"


def _ready(page: Any) -> None:
    expect(page.locator("#groups > li")).to_have_count(len(GROUPS), timeout=SAVED_MS)


def _tap(page: Any, group: str, times: int = 1, *, take: bool = False) -> None:
    verb = "Take a dot from " if take else "Put a dot on "
    for _ in range(times):
        page.get_by_role("button", name=verb + group, exact=True).click()


def _saved(page: Any) -> None:
    expect(page.locator("#budget")).to_contain_text("saved", timeout=SAVED_MS)


def test_ten_phones_vote_and_the_projector_and_phones_rank_alike(room: Any, phones: Any) -> None:
    _open_vote(room)
    # each phone's taps: (group, dots); the last phone takes one back
    plans = [
        [(0, 3), (1, 2)],
        [(0, 2), (2, 3)],
        [(1, 3), (3, 2)],
        [(0, 1), (1, 1), (2, 1), (3, 1)],
        [(2, 3)],
        [(0, 3)],
        [(1, 2), (3, 3)],
        [(0, 2), (1, 3)],
        [(3, 1)],
        [(2, 2), (0, 3)],
    ]
    pages = []
    for plan in plans:
        page = phones.open(_url(room))
        _ready(page)
        for group, dots in plan:
            _tap(page, GROUPS[group], dots)
        pages.append(page)
    _tap(pages[-1], GROUPS[0], take=True)
    for page in pages:
        _saved(page)
    expected = [0, 0, 0, 0]
    for plan in plans:
        for group, dots in plan:
            expected[group] += dots
    expected[0] -= 1
    room.store.close_dot_vote(room.store.latest_dot_vote().id)
    slide = dots_job(room.store)
    assert slide is not None and slide.closed and slide.voters == 10
    ranking = sorted(zip(GROUPS, expected, strict=True), key=lambda g: -g[1])
    assert [(r.name, r.dots) for r in slide.rows] == ranking
    harvest = harvest_to_dict(build_harvest(room.store))
    assert [(g["name"], g["dots"]) for g in harvest["groups"]] == ranking
    page = pages[0]
    page.reload()
    expect(page.locator("#results")).to_be_visible(timeout=SAVED_MS)
    shown = page.locator("#ranking > li").all_inner_texts()
    assert [line.split("\n")[0].strip() for line in shown] == [name for name, _ in ranking]


def test_the_budget_and_the_limit_per_group_hold_on_the_page(room: Any, phones: Any) -> None:
    _open_vote(room, budget=4, per_group=2)
    page = phones.open(_url(room))
    _ready(page)
    _tap(page, GROUPS[0], 2)
    expect(page.get_by_role("button", name="Put a dot on " + GROUPS[0])).to_be_disabled()
    _tap(page, GROUPS[1], 2)
    expect(page.locator("#budget")).to_contain_text("0 dots left of 4")
    expect(page.get_by_role("button", name="Put a dot on " + GROUPS[2])).to_be_disabled()
    _saved(page)
    vote = room.store.latest_dot_vote()
    assert room.store.dot_tally(vote.id)[0] == {g.id: 2 for g in room.store.vote_groups(vote)[:2]}


def test_dots_wait_offline_and_a_closed_vote_refuses_them(room: Any, phones: Any) -> None:
    _open_vote(room)
    page = phones.open(_url(room))
    _ready(page)
    page.context.set_offline(True)
    _tap(page, GROUPS[2], 2)
    expect(page.locator("#offline")).to_be_visible(timeout=SAVED_MS)
    vote = room.store.latest_dot_vote()
    assert room.store.dot_tally(vote.id) == ({}, 0)
    page.context.set_offline(False)
    _saved(page)
    assert room.store.dot_tally(vote.id)[0] == {room.store.vote_groups(vote)[2].id: 2}
    # the vote closes while a tap is on its way: the page says so, nothing changes
    page.route(
        "**/api/j/*/dots",
        lambda route: route.abort() if route.request.method == "POST" else route.continue_(),
    )
    _tap(page, GROUPS[3])
    room.store.close_dot_vote(vote.id)
    page.unroute("**/api/j/*/dots")
    expect(page.locator("#problem")).to_contain_text("The dot vote has closed", timeout=40_000)
    expect(page.locator("#results")).to_be_visible(timeout=SAVED_MS)
    assert room.store.dot_tally(vote.id)[0] == {room.store.vote_groups(vote)[2].id: 2}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(room: Any, phones: Any, screenshot: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = phones.open(_url(room), scheme=scheme, width=390)
    expect(page.locator("#waiting")).to_be_visible(timeout=SAVED_MS)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    _open_vote(room)
    page.reload()
    _ready(page)
    _tap(page, GROUPS[0], 2)
    _saved(page)
    screenshot(page, f"dots-{scheme}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    small = page.evaluate(
        """() => [...document.querySelectorAll('button')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.getAttribute('aria-label'), e.getBoundingClientRect()])
            .filter(([, r]) => r.height < 44 || r.width < 44)
            .map(([name, r]) => `${name}: ${r.width}x${r.height}`)"""
    )
    assert small == []
    room.store.close_dot_vote(room.store.latest_dot_vote().id)
    page.reload()
    expect(page.locator("#results")).to_be_visible(timeout=SAVED_MS)
    screenshot(page, f"dots-results-{scheme}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_markup_in_a_group_name_is_text(room: Any, phones: Any) -> None:
    store = room.store
    first = store.rounds()[0].id
    a = store.add_theme("<img src=x onerror=alert(1)>", table_id=room.table_ids[1], round_id=first)
    b = store.add_theme("=HYPERLINK(1)", table_id=room.table_ids[2], round_id=first)
    store.create_group([a.id], round_id=first, name="<b>bold</b>")
    store.create_group([b.id], round_id=first)
    store.open_dot_vote(first, budget=5, per_group=3)
    page = phones.open(_url(room))
    expect(page.locator("#groups > li")).to_have_count(2, timeout=SAVED_MS)
    expect(page.locator("#groups h3").first).to_have_text("<b>bold</b>")
    assert page.locator("#groups img, #groups b").count() == 0
