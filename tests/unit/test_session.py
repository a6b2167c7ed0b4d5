"""The live session: the clicker steps through the run, blanks, previews, messages, clock."""

from __future__ import annotations

from typing import Any

import pytest

from facilitator.core.demo import load_deck_choice, load_plan_choice
from facilitator.core.projector_state import (
    Blank,
    CardSlide,
    ClockFace,
    ClockPhase,
    DotRow,
    DotsSlide,
    DrawSlide,
    HoldingSlide,
    Look,
    MessageSlide,
    RoundSlide,
    TallySlide,
    WallEntry,
    WallSlide,
    WelcomeSlide,
)
from facilitator.core.session import (
    END_OF_RUN,
    LiveSession,
    build_run,
    human_date,
    tally_slide,
)

DECK = load_deck_choice(None)
PLAN = load_plan_choice(None)


def make(**kw: Any) -> tuple[LiveSession, list[dict[str, Any]]]:
    log: list[dict[str, Any]] = []
    items = build_run(
        title="Learning event", venue="Leeds", date="2025-03-14", plan=PLAN, deck=DECK
    )
    return LiveSession(items, on_change=log.append, live_round=0, **kw), log


def keys(session: LiveSession) -> list[str]:
    return [it.key for it in session.items]


def test_the_run_is_welcome_rounds_with_their_cards_wall_tally_holding() -> None:
    session, _ = make()
    ks = keys(session)
    assert ks[0] == "welcome"
    assert ks[-3:] == ["wall", "tally", "holding"]
    rounds = [k for k in ks if k.startswith("round:")]
    assert rounds == [f"round:{i}" for i in range(len(PLAN.rounds))]
    explore = next(i for i, r in enumerate(PLAN.rounds) if r.cards)
    after = ks[ks.index(f"round:{explore}") + 1 :]
    first_card = PLAN.rounds[explore].cards[0]
    assert after[:2] == [f"card:{explore}:{first_card}:front", f"card:{explore}:{first_card}:back"]
    welcome = session.live_state().slide
    assert welcome == WelcomeSlide(title="Learning event", venue="Leeds", date="14 March 2025")


def test_next_and_previous_step_through_and_stop_at_the_ends() -> None:
    session, log = make()
    session.previous()
    assert session.live_item.key == "welcome" and log == []
    session.next()
    slide = session.live_state().slide
    assert isinstance(slide, RoundSlide) and slide.number == 1
    assert session.preview_item is not None and session.preview_item.key == "round:1"
    for _ in range(len(session.items) + 3):
        session.next()
    assert session.live_item.key == "holding"
    assert session.preview_state().slide == MessageSlide(END_OF_RUN)
    session.previous()
    assert session.live_item.key == "tally"
    assert [e["action"] for e in log].count("next") == len(session.items) - 1


def test_each_change_of_what_is_live_is_logged_once_with_what_it_is() -> None:
    session, log = make()
    session.next()
    assert log == [
        {
            "action": "next",
            "item": "round:0",
            "slide": "round",
            "label": f"Round 1 · {PLAN.rounds[0].title}",
            "blank": "none",
            "look": "dark",
            "round": 1,
        }
    ]


def test_black_and_white_toggle_and_the_first_step_from_blank_only_brings_the_room_back() -> None:
    session, log = make()
    session.next()
    session.toggle_black()
    assert session.live_state().blank is Blank.BLACK
    session.toggle_white()
    assert session.live_state().blank is Blank.WHITE
    session.toggle_white()
    assert session.live_state().blank is Blank.NONE
    session.toggle_black()
    session.next()
    assert session.live_state().blank is Blank.NONE
    assert session.live_item.key == "round:0"  # the room sees again what it saw
    session.next()
    assert session.live_item.key == "round:1"
    assert [e["blank"] for e in log] == ["none", "black", "white", "none", "black", "none", "none"]


def test_preview_is_never_blank_and_shows_the_next_item() -> None:
    session, _ = make()
    session.toggle_black()
    preview = session.preview_state()
    assert preview.blank is Blank.NONE and isinstance(preview.slide, RoundSlide)


def test_a_staged_slide_waits_in_preview_until_taken_live() -> None:
    session, log = make()
    draw = DrawSlide(deck_name=DECK.name)
    session.show(draw, live=False)
    assert session.preview_state().slide == draw
    assert session.live_item.key == "welcome" and log == []
    session.take_live()
    assert session.live_state().slide == draw
    assert session.staged is None
    assert log[-1]["action"] == "take" and log[-1]["slide"] == "draw"
    # the run carries on from where it was
    session.next()
    assert session.live_item.key == "round:0"


def test_take_live_without_a_stage_is_next() -> None:
    session, _ = make()
    session.take_live()
    assert session.live_item.key == "round:0"


def test_staging_a_run_item_then_taking_it_moves_the_clicker_there() -> None:
    session, _ = make()
    session.stage_key("tally")
    session.take_live()
    assert session.live_item.key == "tally"
    session.next()
    assert session.live_item.key == "holding"


def test_a_message_goes_live_and_previous_returns_to_the_run() -> None:
    session, log = make()
    session.next()
    session.show_message("  Five minutes left  ")
    assert session.live_state().slide == MessageSlide("Five minutes left")
    assert log[-1]["label"] == "Five minutes left"
    session.show_message("   ")
    assert session.live_state().slide == MessageSlide("Five minutes left")
    session.previous()
    assert session.live_item.key == "round:0"
    session.show_message("Please return to your tables")
    session.next()
    assert session.live_item.key == "round:1"


def test_a_requested_card_moves_the_clicker_to_that_card_in_the_run() -> None:
    session, _ = make()
    explore = next(i for i, r in enumerate(PLAN.rounds) if r.cards)
    card = DECK.card(PLAN.rounds[explore].cards[1])
    session.set_live_round(explore)
    slide = CardSlide(
        card=card, suit=DECK.suit(card.suit), suit_label="Theme", levels=(), back=True
    )
    session.show(slide)
    assert session.live_item.key == f"card:{explore}:{card.id}:back"
    assert session.live_state().slide == slide


def test_a_requested_wall_replaces_the_wall_item_and_a_refresh_is_not_logged() -> None:
    session, log = make()
    wall = WallSlide(title="Wall", entries=(), grouping="card")
    session.show(wall)
    assert session.live_item.key == "wall" and session.live_state().slide == wall
    count = len(log)
    fresher = WallSlide(
        title="Wall", entries=(WallEntry("1", "Trust first", "theme", "Table 1"),), grouping="card"
    )
    session.refresh("wall", fresher)
    assert session.live_state().slide == fresher
    assert len(log) == count


def test_dots_arriving_refresh_the_dot_vote_without_a_step_and_a_black_out_stays() -> None:
    session, log = make()
    assert not session.refresh_extra(DotsSlide("Dots", ()))  # nothing of its kind is up
    session.show(DotsSlide("Dots", (DotRow("Trust", "1 table: 1", 0),)))
    session.toggle_black()
    count = len(log)
    more = DotsSlide("Dots", (DotRow("Trust", "1 table: 1", 3),), voters=1)
    assert session.refresh_extra(more)
    assert session.live_state().slide == more and session.live_state().blank is Blank.BLACK
    assert len(log) == count


def test_the_clock_face_refreshes_the_live_rounds_slide_without_a_log_entry() -> None:
    session, log = make()
    session.next()
    count = len(log)
    face = ClockFace(text="4:59", fraction_left=0.33, phase=ClockPhase.RUNNING)
    session.set_clock(face)
    slide = session.live_state().slide
    assert isinstance(slide, RoundSlide) and slide.clock == face and not slide.show_move
    assert len(log) == count
    # other rounds keep their planned time
    other = session.preview_state().slide
    assert isinstance(other, RoundSlide) and other.clock.text == "15:00"


def test_the_move_instruction_shows_when_the_round_runs_out() -> None:
    session, _ = make()
    session.next()
    session.next()  # round 2, which has a move instruction
    assert session.live_round == 1
    session.set_clock(ClockFace(text="+0:03", fraction_left=0.0, phase=ClockPhase.OVERTIME))
    slide = session.live_state().slide
    assert isinstance(slide, RoundSlide) and slide.show_move and slide.move


def test_stepping_forward_onto_a_round_starts_it_and_stepping_back_does_not() -> None:
    session, _ = make()
    session.next()
    session.next()
    assert session.live_round == 1
    session.previous()
    assert session.live_item.key == "round:0" and session.live_round == 1


def test_entering_a_round_shows_its_slide_unless_one_of_its_cards_is_up() -> None:
    session, log = make()
    session.enter_round(2)
    assert session.live_item.key == "round:2" and log[-1]["action"] == "round"
    explore = next(i for i, r in enumerate(PLAN.rounds) if r.cards)
    session.enter_round(explore)
    session.next()
    assert session.live_item.round_index == explore and session.live_item.key.startswith("card:")
    count = len(log)
    session.enter_round(explore)
    assert session.live_item.key.startswith("card:") and len(log) == count


def test_look_changes_both_states_and_is_logged() -> None:
    session, log = make()
    session.set_look(Look.CONTRAST)
    assert session.live_state().look is Look.CONTRAST
    assert session.preview_state().look is Look.CONTRAST
    assert log[-1]["action"] == "look" and log[-1]["look"] == "contrast"
    session.set_look(Look.CONTRAST)
    assert len(log) == 1


def test_a_new_plan_keeps_the_room_on_the_same_item() -> None:
    session, log = make()
    session.stage_key("tally")
    session.go_to("wall")
    count = len(log)
    shorter = PLAN.__class__(title=PLAN.title, rounds=PLAN.rounds[:2])
    session.replace_run(build_run(title="Learning event", plan=shorter, deck=DECK))
    assert session.live_item.key == "wall"
    assert session.staged is not None and session.staged.key == "tally"
    assert len(log) == count


def test_a_start_key_resumes_where_the_room_was() -> None:
    session, log = make(start_key="round:2")
    assert session.live_item.key == "round:2" and log == []
    unknown, _ = make(start_key="gone")
    assert unknown.live_item.key == "welcome"


def test_tally_counts_by_card_in_suit_colours_most_picked_first() -> None:
    tally = tally_slide(DECK, [("relationships", 1), ("mindset", 4), ("lost-card", 2)])
    assert isinstance(tally, TallySlide)
    assert [(b.label, b.count) for b in tally.bars] == [
        ("Mindset", 4),
        ("lost-card", 2),
        ("Relationships", 1),
    ]
    assert tally.bars[0].colour == DECK.suit(DECK.card("mindset").suit).colour


def test_summary_says_what_is_live_under_a_blank() -> None:
    session, _ = make()
    session.toggle_black()
    assert session.summary()["live"].startswith("BLACK")
    assert session.summary()["preview"].startswith("Round 1")


def test_holding_slide_and_dates() -> None:
    session, _ = make(start_key="holding")
    assert session.live_state().slide == HoldingSlide(title="Learning event")
    assert human_date("2025-12-01") == "1 December 2025"
    assert human_date("next Tuesday") == "next Tuesday"


def test_an_empty_run_is_refused() -> None:
    with pytest.raises(ValueError):
        LiveSession([])


def test_taking_a_rounds_slide_live_makes_it_the_live_round() -> None:
    session, _ = make()
    session.stage_key("round:3")
    session.take_live()
    assert session.live_round == 3
    session.show_message("Back in five")
    assert session.live_round == 3
