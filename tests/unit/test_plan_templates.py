"""The bundled plans as the new-event dialog offers them: each with its shape and length."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace

from facilitator.core.plan.model import Plan, Round
from facilitator.core.plan.templates import deck_for, duration, opening_comment, templates


def test_each_bundled_plan_says_its_shape_length_and_purpose() -> None:
    found = {t.name: t for t in templates()}
    assert {
        "world-cafe",
        "one-two-four-all",
        "coaching-triad",
        "action-learning-set",
        "learning-event",
    } <= set(found)
    assert found["world-cafe"].shape == "5 rounds · 1 h 25 min · plenary, tables"
    assert found["one-two-four-all"].shape == "4 rounds · 15 min · solo, pairs, tables, plenary"
    assert found["coaching-triad"].about.startswith("A coaching triad: in threes")


def test_durations_read_as_people_say_them() -> None:
    assert [duration(m) for m in (0, 15, 60, 70, 125.4)] == [
        "0 min",
        "15 min",
        "1 h",
        "1 h 10 min",
        "2 h 5 min",
    ]


def test_a_plan_file_without_an_opening_comment_has_no_description(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('[plan]\ntitle = "x"  # not a description\n', encoding="utf-8")
    assert opening_comment(plan) == ""


def test_the_deck_is_the_one_holding_the_plan_s_cards(demo_deck) -> None:  # type: ignore[no-untyped-def]
    other = replace(demo_deck, cards=())
    named = Plan("p", (Round("r", 5, cards=(demo_deck.cards[0].id,)),))
    assert deck_for(named, {"empty": other, "demo": demo_deck}, "fallback") == "demo"
    assert deck_for(Plan("p", (Round("r", 5),)), {"demo": demo_deck}, "fallback") == "fallback"
    unknown = Plan("p", (Round("r", 5, cards=("no-such-card",)),))
    assert deck_for(unknown, {"demo": demo_deck}, "fallback") == "fallback"
