"""The deck and the plan the event uses, snapshotted into the event file, and the rounds'
planned and actual times."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from facilitator.core.deck import Card, Deck, Suit
from facilitator.core.plan import Plan, SurveyQuestion
from facilitator.core.plan.plan_votes import PlanVote
from facilitator.core.records import RoundInfo
from facilitator.store.base import StoreBase, new_id
from facilitator.store.rows import assignments, given, insert_row, round_record, round_values
from facilitator.store.survey import RETIRED as SURVEY_RETIRED
from facilitator.store.survey import write_plan_votes, write_survey

RETIRED = 10_000  # rounds at this position and beyond were deleted from the plan


class DeckPlanOps(StoreBase):
    """The deck's cards (images read on demand) and the plan's rounds."""

    def card_image(self, card_id: str) -> bytes | None:
        """One card's image bytes, read from the file when a slide or thumbnail needs it."""
        rows = self._read(
            "SELECT i.image FROM card c JOIN card_image i ON i.card_id = c.id WHERE c.key = ?",
            (card_id,),
        )
        return rows[0]["image"] if rows else None

    def deck(self, images: bool = True) -> Deck:
        """The event's deck; with ``images=False`` its cards carry their image's name but
        not its bytes (read one with :meth:`card_image`): a deck of photographs can be
        hundreds of megabytes, and the console needs none of them to start."""
        deck_row = self._read("SELECT name, suit_label, levels_json, note FROM deck")[0]
        suits = tuple(
            Suit(id=r["key"], name=r["name"], colour=r["colour"])
            for r in self._read("SELECT key, name, colour FROM suit ORDER BY position")
        )
        image = "i.image" if images else "NULL"
        cards = tuple(
            Card(
                id=r["key"],
                suit=r["suit_key"],
                title=r["title"],
                front=r["front"],
                questions=tuple(
                    (level, tuple(qs)) for level, qs in json.loads(r["questions_json"])
                ),
                image=r["image"],
                # a name is how a card without its bytes says it has an image
                image_name=r["image_name"] or (r["key"] if not images and r["has_image"] else ""),
            )
            for r in self._read(
                "SELECT c.key, c.suit_key, c.title, c.front, c.questions_json, c.image_name,"
                f" i.card_id IS NOT NULL AS has_image, {image} AS image"
                " FROM card c LEFT JOIN card_image i ON i.card_id = c.id ORDER BY c.position"
            )
        )
        return Deck(
            name=deck_row["name"],
            suits=suits,
            cards=cards,
            suit_label=deck_row["suit_label"],
            levels=tuple(json.loads(deck_row["levels_json"])),
            note=deck_row["note"],
        )

    def replace_deck(self, deck: Deck) -> None:
        """Snapshot another deck into the event. Themes keep their card tags as typed."""
        with self._write() as conn:
            conn.execute("DELETE FROM card_image")
            conn.execute("DELETE FROM card")
            conn.execute("DELETE FROM suit")
            conn.execute("DELETE FROM deck")
            write_deck(conn, deck, self._now())

    def plan(self) -> Plan:
        title = self._read("SELECT title FROM plan")[0]["title"]
        rows = self._read(
            "SELECT question, kind, choices_json FROM survey_question"
            f" WHERE position < {SURVEY_RETIRED} ORDER BY position"
        )
        survey = tuple(SurveyQuestion(r[0], r[1], tuple(json.loads(r[2]))) for r in rows)
        votes = tuple(
            PlanVote(r[0], tuple(json.loads(r[1])))
            for r in self._read("SELECT question, choices_json FROM plan_vote ORDER BY position")
        )
        return Plan(
            title=title, rounds=tuple(r.round for r in self.rounds()), survey=survey, votes=votes
        )

    def rounds(self, *, include_retired: bool = False) -> list[RoundInfo]:
        """The plan's rounds in order. A round deleted from the plan while themes point at it
        is retired, not erased: ``include_retired`` lists those too, after the plan's."""
        where = "" if include_retired else f"WHERE position < {RETIRED}"
        rows = self._read(f"SELECT * FROM round {where} ORDER BY position")
        return [round_record(r) for r in rows]

    def replace_plan(
        self, plan: Plan, round_ids: Sequence[str | None] | None = None
    ) -> list[RoundInfo]:
        """Save an edited plan; themes stay attached to their rounds.

        ``round_ids`` gives, for each round of ``plan``, the id of the round it was (None
        for a new one, or a new id the caller chose), so moved rounds keep their themes.
        Without it, rounds keep their ids by position. A round left out is removed, or
        retired if themes point at it.
        """
        current = self.rounds()
        if round_ids is None:
            round_ids = [r.id for r in current[: len(plan.rounds)]]
            round_ids += [None] * (len(plan.rounds) - len(round_ids))
        if len(round_ids) != len(plan.rounds):
            raise ValueError("one round id (or None) is needed for each round of the plan")
        known = {r.id for r in self.rounds(include_retired=True)}
        with self._write() as conn:
            conn.execute("UPDATE plan SET title = ?", (plan.title,))
            write_survey(conn, plan.survey)
            write_plan_votes(conn, plan.votes)
            plan_id = conn.execute("SELECT id FROM plan").fetchone()[0]
            kept: set[str] = set()
            for position, (round_, round_id) in enumerate(zip(plan.rounds, round_ids, strict=True)):
                values = round_values(round_)
                values["position"] = position
                if round_id is not None and round_id in known and round_id not in kept:
                    conn.execute(
                        f"UPDATE round SET {assignments(values)} WHERE id = ?",
                        [*values.values(), round_id],
                    )
                    kept.add(round_id)
                else:  # a new round: with the id the caller gave it up front, if unused
                    fresh = round_id if round_id is not None and round_id not in known else None
                    insert_row(
                        conn, "round", {"id": fresh or new_id(), "plan_id": plan_id, **values}
                    )
                    kept.add(fresh or "")
            for gone in current:
                if gone.id in kept:
                    continue
                used = conn.execute(
                    "SELECT count(*) FROM theme WHERE round_id = ?", (gone.id,)
                ).fetchone()[0]
                if used:
                    conn.execute(
                        "UPDATE round SET position = ? WHERE id = ?",
                        (RETIRED + gone.position, gone.id),
                    )
                else:
                    conn.execute("DELETE FROM round WHERE id = ?", (gone.id,))
        return self.rounds()

    def set_round_times(
        self,
        round_id: str,
        *,
        planned_start: str | None = None,
        planned_end: str | None = None,
        actual_start: str | None = None,
        actual_end: str | None = None,
    ) -> None:
        values = given(
            planned_start=planned_start,
            planned_end=planned_end,
            actual_start=actual_start,
            actual_end=actual_end,
        )
        if values:
            with self._write() as conn:
                conn.execute(
                    f"UPDATE round SET {assignments(values)} WHERE id = ?",
                    [*values.values(), round_id],
                )


def write_deck(conn: sqlite3.Connection, deck: Deck, imported_at: str) -> None:
    deck_id = new_id()
    insert_row(
        conn,
        "deck",
        {
            "id": deck_id,
            "name": deck.name,
            "suit_label": deck.suit_label,
            "levels_json": json.dumps(list(deck.levels), ensure_ascii=False),
            "note": deck.note,
            "imported_at": imported_at,
        },
    )
    for position, suit in enumerate(deck.suits):
        insert_row(
            conn,
            "suit",
            {
                "id": new_id(),
                "deck_id": deck_id,
                "key": suit.id,
                "name": suit.name,
                "colour": suit.colour,
                "position": position,
            },
        )
    for position, card in enumerate(deck.cards):
        card_id = new_id()
        insert_row(
            conn,
            "card",
            {
                "id": card_id,
                "deck_id": deck_id,
                "key": card.id,
                "suit_key": card.suit,
                "title": card.title,
                "front": card.front,
                "questions_json": json.dumps(
                    [[level, list(qs)] for level, qs in card.questions], ensure_ascii=False
                ),
                "image_name": card.image_name,
                "position": position,
            },
        )
        if card.image is not None:
            insert_row(conn, "card_image", {"card_id": card_id, "image": card.image})


def write_plan(conn: sqlite3.Connection, plan: Plan) -> None:
    plan_id = new_id()
    insert_row(conn, "plan", {"id": plan_id, "title": plan.title})
    write_survey(conn, plan.survey)
    write_plan_votes(conn, plan.votes)
    for position, round_ in enumerate(plan.rounds):
        insert_row(
            conn,
            "round",
            {"id": new_id(), "plan_id": plan_id, "position": position, **round_values(round_)},
        )
