"""Merging event files keeps the room's voice from each laptop: votes and ballots, survey
answers, questions with their up-votes, banned phones; nothing counted twice."""

from __future__ import annotations

import shutil
from pathlib import Path

from facilitator.core.room_questions import APPROVED
from facilitator.core.votes import CARD_QUESTION
from facilitator.store.db import EventStore
from facilitator.store.merge import merge_events
from unit.harvest_sample import rich_event


def test_two_laptops_room_voices_merge_without_duplicates(tmp_path: Path) -> None:
    a = rich_event(tmp_path, "a.facilitator")
    with EventStore.open(a) as store:
        shared = store.open_vote(CARD_QUESTION)  # opened before the file was copied
        card = store.deck(images=False).cards[0].id
        store.cast_ballot(shared.id, "both", card)
        useful = store.survey_questions()[0].id
        store.answer_survey(useful, "both", 5)
    b = tmp_path / "b.facilitator"
    shutil.copyfile(a, b)
    with EventStore.open(a) as store:
        store.cast_ballot(shared.id, "a-phone", card)
        store.answer_survey(useful, "a-phone", 4)
        store.ask_room("qa", "a-phone", "Asked at A")
        store.moderate("qa", APPROVED)
        store.upvote("qa", "a-fan")
    with EventStore.open(b) as store:
        store.cast_ballot(shared.id, "b-phone", card)
        later = store.open_vote("Lunch?", kind="choice", choices=["Yes", "No"])
        store.cast_ballot(later.id, "b-phone", "No")
        store.answer_survey(store.survey_questions()[0].id, "b-phone", 2)
        store.ask_room("qb", "troll", "Spam at B")
        store.ban_device("troll")
    out = tmp_path / "merged.facilitator"
    merge_events(out, [a, b])
    with EventStore.open(out, readonly=True) as store:
        devices = sorted((b.vote_id == shared.id, b.device) for b in store.ballots())
        assert devices == [(False, "b-phone"), (True, "a-phone"), (True, "b-phone"), (True, "both")]
        answers = sorted((x.device, x.answer) for x in store.survey_answers())
        assert answers == [("a-phone", "4"), ("b-phone", "2"), ("both", "5")]
        asked = {(q.text, q.status, q.upvotes) for q in store.room_questions()}
        assert asked == {("Asked at A", "approved", 1), ("Spam at B", "hidden", 0)}
        assert store.is_banned("troll")
    merge_events(tmp_path / "again.facilitator", [out, a, b])  # merging again adds nothing
    with EventStore.open(tmp_path / "again.facilitator", readonly=True) as store:
        assert len(store.ballots()) == 4 and len(store.survey_answers()) == 3
