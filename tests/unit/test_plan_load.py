"""Reading, checking and writing plan.toml, and finding the bundled templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.deck import Card, Deck, Suit
from facilitator.core.errors import InputError
from facilitator.core.plan import (
    Plan,
    Round,
    bundled_plans,
    check_plan_cards,
    load_plan,
    parse_plan,
    plan_to_toml,
    resolve_plan,
    save_plan,
)

GOOD = """\
[plan]
title = "Coaching and mentoring for system leadership"

[[round]]
title = "First conversation"
minutes = 15
format = "tables"
prompts = ["What does system leadership mean to you and your role?"]
cards = []
move = ""

[[round]]
title = "Pairs"
minutes = 7.5
format = "pairs"
prompts = ["One", "Two"]
cards = ["mindset"]
move = "Hosts stay, everyone else moves"
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_plan(text)
    return [str(p) for p in caught.value.problems]


def test_a_good_plan_loads_with_its_rounds(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(GOOD, encoding="utf-8")
    plan = load_plan(path)
    assert plan.title == "Coaching and mentoring for system leadership"
    assert [r.title for r in plan.rounds] == ["First conversation", "Pairs"]
    assert plan.rounds[1] == Round(
        "Pairs", 7.5, "pairs", ("One", "Two"), ("mindset",), "Hosts stay, everyone else moves"
    )
    assert plan.total_minutes == 22.5


def test_defaults_fill_in_format_prompts_cards_and_move() -> None:
    plan = parse_plan('[plan]\ntitle = "T"\n[[round]]\ntitle = "R"\nminutes = 3\n')
    assert plan.rounds == (Round("R", 3.0),)


def test_a_single_prompt_written_without_brackets_is_accepted() -> None:
    text = '[plan]\ntitle = "T"\n[[round]]\ntitle = "R"\nminutes = 3\nprompts = "Why?"\n'
    assert parse_plan(text).rounds[0].prompts == ("Why?",)


def test_a_bad_minutes_points_at_its_line_and_round() -> None:
    text = GOOD.replace("minutes = 7.5", "minutes = 0")
    assert problems_of(text) == ['plan.toml:14: round 2 "Pairs": minutes must be a positive number']


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("-2", "minutes must be a positive number"),
        ('"fifteen"', "minutes must be a positive number, not str"),
        ("true", "minutes must be a positive number, not true/false"),
        ("nan", "minutes must be a positive number, not a number"),
        ("1500", "minutes is 1500 (at most 480)"),
    ],
)
def test_every_kind_of_bad_minutes_is_named(value: str, expected: str) -> None:
    text = GOOD.replace("minutes = 7.5", f"minutes = {value}")
    assert problems_of(text) == [f'plan.toml:14: round 2 "Pairs": {expected}']


def test_an_unknown_format_lists_the_known_ones() -> None:
    text = GOOD.replace('format = "pairs"', 'format = "pair"')
    assert problems_of(text) == [
        'plan.toml:15: round 2 "Pairs": unknown format "pair" '
        "(expected tables, pairs, trios, solo, plenary)"
    ]


def test_an_empty_plan_title_is_refused() -> None:
    text = GOOD.replace('title = "Coaching and mentoring for system leadership"', 'title = "  "')
    assert problems_of(text) == ["plan.toml:2: [plan]: title is empty"]


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    text = (
        GOOD.replace('title = "Coaching and mentoring for system leadership"', 'title = ""')
        .replace("minutes = 15", "minutes = -1")
        .replace('cards = ["mindset"]', 'cards = ["mindset", 7]')
        .replace('format = "pairs"', 'format = "pairs"\nminute = 3')
    )
    assert problems_of(text) == [
        "plan.toml:2: [plan]: title is empty",
        'plan.toml:6: round 1 "First conversation": minutes must be a positive number',
        'plan.toml:16: round 2 "Pairs": unknown key "minute" '
        "(expected title, minutes, format, prompts, cards, move)",
        'plan.toml:18: round 2 "Pairs": card id 2 must be text in quotes, not a number',
    ]


def test_a_toml_syntax_error_gives_the_line() -> None:
    text = GOOD.replace("minutes = 15", "minutes = ")
    (problem,) = problems_of(text)
    assert problem.startswith("plan.toml:6: not valid TOML: ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "plan.toml: the [plan] section with the plan's title is missing"),
        ('[plan]\ntitle = "T"\n', "plan.toml: the plan has no rounds (add a [[round]] section)"),
        (
            '[plan]\ntitle = "T"\n[[rounds]]\ntitle = "R"\nminutes = 1\n',
            'plan.toml: unknown section "rounds"'
            " (a plan has [plan], [[round]], [[vote]] and [[survey]])",
        ),
        (
            '[plan]\ntitle = 5\n[[round]]\ntitle="R"\nminutes=1\n',
            "plan.toml:2: [plan]: title must be text in quotes, not a number",
        ),
        ('[plan]\ntitle = "T"\n[[round]]\nminutes = 1\n', "plan.toml:3: round 1: title is missing"),
        (
            '[plan]\ntitle = "T"\n[[round]]\ntitle = "R"\n',
            'plan.toml:3: round 1 "R": minutes is missing',
        ),
        (
            '[plan]\ntitle = "T"\n[[round]]\ntitle = "R"\nminutes = 1\nprompts = [""]\n',
            'plan.toml:6: round 1 "R": prompt 1 is empty',
        ),
        (
            '[plan]\ntitle = "T"\n[[round]]\ntitle = "R"\nminutes = 1\ncards = "x"\nprompts = 3\n',
            'plan.toml:7: round 1 "R": prompts must be a list of text, like ["..."], not a number',
        ),
        (
            '[plan]\ntitle = "T"\n[[round]]\ntitle = "R"\nminutes = 1\nmove = []\n',
            'plan.toml:6: round 1 "R": move must be text in quotes, not a list',
        ),
    ],
)
def test_missing_and_mistyped_parts_are_named(text: str, expected: str) -> None:
    assert expected in problems_of(text)


def test_absurd_lengths_are_refused() -> None:
    long_title = "x" * 201
    text = GOOD.replace('title = "Pairs"', f'title = "{long_title}"')
    (problem,) = problems_of(text)
    assert problem.endswith("title is 201 characters long (at most 200)")
    many = "".join(f'[[round]]\ntitle = "R{i}"\nminutes = 1\n' for i in range(101))
    assert "plan.toml: the plan has 101 rounds (at most 100)" in problems_of(
        '[plan]\ntitle = "T"\n' + many
    )


def test_card_ids_unknown_to_the_deck_are_reported() -> None:
    deck = Deck(
        "Behaviours",
        (Suit("being", "Being", "#123456"),),
        (Card("mindset", "being", "Mindset", "front"),),
    )
    plan = Plan("T", (Round("A", 5, cards=("mindset", "trust")),))
    (problem,) = check_plan_cards(plan, deck)
    assert str(problem) == 'round 1 "A": card "trust" is not in the deck "Behaviours"'


def test_load_names_a_missing_file_and_a_non_utf8_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_plan(tmp_path / "nope.toml")
    bad = tmp_path / "plan.toml"
    bad.write_bytes(b'[plan]\ntitle = "caf\xe9"\n')
    with pytest.raises(InputError, match=r"^plan.toml:2: the text is not UTF-8; save the file as"):
        load_plan(bad)


def test_a_saved_plan_loads_back_equal_even_with_awkward_text(tmp_path: Path) -> None:
    plan = Plan(
        'Quotes "and" \\backslashes\\ — café 🙂',
        (
            Round("Line\nbreak", 0.5, "solo", ("tab\there", "<b>not markup</b>"), ("a-b",), "x"),
            Round("Two", 15, "plenary", tuple(f"prompt {i} " + "y" * 30 for i in range(4))),
        ),
    )
    path = tmp_path / "plan.toml"
    save_plan(plan, path)
    assert load_plan(path) == plan
    assert "minutes = 15\n" in path.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.tmp"))


def test_every_bundled_template_loads_and_round_trips() -> None:
    templates = bundled_plans()
    assert {
        "learning-event",
        "world-cafe",
        "one-two-four-all",
        "coaching-triad",
        "action-learning-set",
    } <= set(templates)
    for path in templates.values():
        plan = load_plan(path)
        assert plan.rounds
        assert parse_plan(plan_to_toml(plan)) == plan


def test_the_learning_event_template_has_the_events_prompts() -> None:
    plan = load_plan(bundled_plans()["learning-event"])
    prompts = [p for r in plan.rounds for p in r.prompts]
    assert "What does system leadership mean to you and your role?" in prompts
    assert "Which card struck a chord at your table, and why?" in prompts
    conversations = [r for r in plan.rounds if r.format == "tables" and r.minutes == 15]
    assert len(conversations) == 2


def test_resolve_plan_takes_a_path_or_a_template_name(tmp_path: Path) -> None:
    own = tmp_path / "mine.toml"
    own.write_text(GOOD, encoding="utf-8")
    assert resolve_plan(str(own)) == own
    assert resolve_plan("world-cafe") == bundled_plans()["world-cafe"]
    assert resolve_plan("World-Cafe.toml") == bundled_plans()["world-cafe"]
    with pytest.raises(InputError) as caught:
        resolve_plan("world-caff")
    message = str(caught.value)
    assert message.startswith("world-caff: no such plan file or bundled template")
    assert "learning-event" in message and "world-cafe" in message


def test_the_learning_event_shows_cards_the_bundled_deck_has() -> None:
    from facilitator.core.deck import bundled_decks, load_deck

    deck = load_deck(bundled_decks()["system-leadership"])
    plan = load_plan(bundled_plans()["learning-event"])
    assert any(r.cards for r in plan.rounds)
    assert check_plan_cards(plan, deck) == []
