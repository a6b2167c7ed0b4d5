"""The feedback survey: its questions kept with the plan, one answer per device per
question, and the join link's survey route with everything it refuses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp
import msgspec
import pytest

from facilitator.core.changes import ROOM
from facilitator.core.errors import InputError
from facilitator.core.plan import bundled_plans, load_plan
from facilitator.core.plan.survey import CHOICE, RATING, TEXT, SurveyQuestion
from facilitator.core.settings import SURVEY_OPEN
from facilitator.store import operations as ops
from facilitator.store.base import StoreError
from facilitator.store.db import EventStore
from unit.room_helpers import run, running, tokens
from unit.test_room_server import base, post

SURVEY = (
    SurveyQuestion("Useful?", RATING),
    SurveyQuestion("Again?", CHOICE, ("Yes", "No")),
    SurveyQuestion("Ideas?", TEXT),
)


def with_survey(store: EventStore) -> list[str]:
    store.replace_plan(msgspec.structs.replace(store.plan(), survey=SURVEY))
    return [q.id for q in store.survey_questions()]


def test_the_plans_survey_is_kept_in_the_event_file(event_path: Path) -> None:
    plan = load_plan(bundled_plans()["learning-event"])
    with EventStore.open(event_path) as store:
        store.replace_plan(plan)
        assert store.plan().survey == plan.survey


def test_a_device_answers_changes_and_counts_once(store: EventStore) -> None:
    useful, again, ideas = with_survey(store)
    _answer, changes = ops.answer_survey(store, useful, "a", 4, origin="phone")
    assert changes.survey and changes.origin == "phone"
    ops.answer_survey(store, useful, "a", "5", origin="phone")
    ops.answer_survey(store, again, "a", "No", origin="phone")
    ops.answer_survey(store, ideas, "paper-1", "  More breaks  ", origin=ROOM)
    got = {(a.question_id, a.device): (a.answer, a.origin) for a in store.survey_answers()}
    assert got == {
        (useful, "a"): ("5", "phone"),
        (again, "a"): ("No", "phone"),
        (ideas, "paper-1"): ("More breaks", "laptop"),
    }
    assert ops.answer_survey(store, useful, "a", 5, origin="phone")[1].survey is False


@pytest.mark.parametrize(("index", "answer"), [(0, 6), (0, 0), (0, "x"), (1, "Maybe"), (2, " ")])
def test_an_answer_out_of_range_is_refused(store: EventStore, index: int, answer: Any) -> None:
    ids = with_survey(store)
    with pytest.raises(InputError):
        store.answer_survey(ids[index], "a", answer)
    assert store.survey_answers() == []


def test_a_question_taken_out_of_the_plan_keeps_its_answers(store: EventStore) -> None:
    ids = with_survey(store)
    store.answer_survey(ids[2], "a", "Keep me")
    store.replace_plan(msgspec.structs.replace(store.plan(), survey=SURVEY[:1]))
    assert [q.id for q in store.survey_questions()] == ids[:1]
    assert [q.id for q in store.survey_questions(include_retired=True)] == [ids[0], ids[2]]
    with pytest.raises(StoreError):
        store.answer_survey(ids[2], "a", "Too late")
    assert [a.answer for a in store.survey_answers()] == ["Keep me"]


@pytest.fixture
def served(event_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with EventStore.open(event_path) as store:
        ids = with_survey(store)
    with running(event_path, tmp_path / "static") as (server, heard):
        yield server, heard, tokens(event_path).event, ids


def open_survey(event_path: Path, server: Any, value: bool = True) -> None:
    with EventStore.open_writer(event_path) as store:
        changes = ops.set_setting(store, SURVEY_OPEN.key, value, origin=ROOM)
    server.event_changed(changes)


def answers(event_path: Path) -> list[tuple[str, str, str]]:
    with EventStore.open(event_path, readonly=True) as store:
        return [(a.question_id, a.device, a.answer) for a in store.survey_answers()]


def test_a_closed_survey_takes_no_answer_and_shows_no_question(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _heard, token, ids = served

    async def job(s: aiohttp.ClientSession) -> None:
        async with s.get(f"{base(server)}/api/j/{token}/state?device=a") as r:
            survey = (await r.json())["survey"]
        assert survey == {"open": False, "questions": [], "mine": {}}
        body = {"question": ids[0], "answer": 4, "device": "a"}
        status, answer = await post(s, f"{base(server)}/api/j/{token}/survey", body)
        assert status == 409 and answer["error"] == "The survey is closed."

    run(job)
    assert answers(event_path) == []


def test_an_open_survey_reaches_the_phones_and_takes_answers(served, event_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, heard, token, ids = served
    url = f"{base(server)}/api/j/{token}"

    async def job(s: aiohttp.ClientSession) -> dict[str, Any]:
        ws = await s.ws_connect(f"{url}/ws?device=a")
        assert (await ws.receive_json(timeout=5))["survey"]["open"] is False
        open_survey(event_path, server)
        pushed = await ws.receive_json(timeout=5)
        assert pushed["survey"]["open"] and len(pushed["survey"]["questions"]) == 3
        assert pushed["survey"]["questions"][1]["choices"] == ["Yes", "No"]
        for question, value in ((ids[0], 4), (ids[1], "Yes"), (ids[2], "<b>Less talk</b>")):
            body = {"question": question, "answer": value, "device": "a"}
            status, _ = await post(s, f"{url}/survey", body)
            assert status == 200
        async with s.get(f"{url}/state?device=a") as r:
            return dict((await r.json())["survey"])

    survey = run(job)
    assert survey["mine"] == {ids[0]: "4", ids[1]: "Yes", ids[2]: "<b>Less talk</b>"}
    assert len(answers(event_path)) == 3
    with heard._cond:
        heard._cond.wait_for(lambda: any(c.survey for c in heard.changes), 5)


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"question": "Q0", "answer": 6, "device": "a"}, 400, "from 1 to 5"),
        ({"question": "Q0", "answer": True, "device": "a"}, 400, "from 1 to 5"),
        ({"question": "Q1", "answer": "Maybe", "device": "a"}, 400, "not one of"),
        ({"question": "Q2", "answer": "x" * 2001, "device": "a"}, 400, "2,000 characters"),
        ({"question": "gone", "answer": 3, "device": "a"}, 409, "no longer in the survey"),
        ({"question": "Q0", "device": "a"}, 400, "'answer'"),
        ({"question": "Q0", "answer": 3, "device": ""}, 400, "device"),
    ],
)
def test_bad_answers_are_refused_in_words(  # type: ignore[no-untyped-def]
    served, event_path: Path, body: dict[str, Any], status: int, words: str
) -> None:
    server, _heard, token, ids = served
    open_survey(event_path, server)
    body = {k: {"Q0": ids[0], "Q1": ids[1], "Q2": ids[2]}.get(v, v) if k == "question" else v
            for k, v in body.items()}  # fmt: skip

    async def job(s: aiohttp.ClientSession) -> tuple[int, Any]:
        return await post(s, f"{base(server)}/api/j/{token}/survey", body)

    got, answer = run(job)
    assert got == status and words in answer["error"]
    assert answers(event_path) == []
