"""The whole harvest as one json file: lossless, versioned, documented in the README.

Everything an event holds apart from deleted entries and unsaved drafts: the event, the
deck (card images as base64), the plan, rounds with planned and actual times, tables,
entries, card picks and the timeline. Times are ISO 8601 with their offset, as stored.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from facilitator.core.harvest import Harvest
from facilitator.export.groups_export import groups_json
from facilitator.export.sections.room_questions import json_room_questions
from facilitator.export.sections.survey import json_survey
from facilitator.export.sections.votes import json_votes

FORMAT = "facilitator-harvest"
VERSION = 1


def harvest_to_dict(harvest: Harvest) -> dict[str, Any]:
    event = harvest.event
    deck = harvest.deck
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": harvest.exported_at,
        "event": {
            "id": event.id,
            "title": event.title,
            "date": event.date,
            "venue": event.venue,
            "facilitator": event.facilitator,
            "created_at": event.created_at,
            "app_version": event.app_version,
            "organiser": event.organiser,
            "logo_base64": base64.b64encode(event.logo_png).decode("ascii")
            if event.logo_png
            else None,
        },
        "deck": {
            "name": deck.name,
            "suit_label": deck.suit_label,
            "levels": list(deck.levels),
            "note": deck.note,
            "suits": [{"id": s.id, "name": s.name, "colour": s.colour} for s in deck.suits],
            "cards": [
                {
                    "id": c.id,
                    "suit": c.suit,
                    "title": c.title,
                    "front": c.front,
                    "questions": [
                        {"level": level, "questions": list(qs)} for level, qs in c.questions
                    ],
                    "image_name": c.image_name,
                    "image_base64": (
                        base64.b64encode(c.image).decode("ascii") if c.image is not None else None
                    ),
                }
                for c in deck.cards
            ],
        },
        "plan": {"title": harvest.plan_title},
        "rounds": [
            {
                "id": r.id,
                "number": r.number,
                "title": r.title,
                "minutes": r.minutes,
                "format": r.format,
                "prompts": list(r.prompts),
                "cards": list(r.cards),
                "move": r.move,
                "planned_start": r.planned_start,
                "planned_end": r.planned_end,
                "actual_start": r.actual_start,
                "actual_end": r.actual_end,
            }
            for r in harvest.rounds
        ],
        "tables": [{"id": t.id, "number": t.number, "name": t.name} for t in harvest.tables],
        "themes": [
            {
                "id": t.id,
                "kind": t.kind,
                "text": t.text,
                "round_id": t.round_id,
                "table_id": t.table_id,
                "cards": [c.key for c in t.cards],
                "hidden": t.hidden,
                "created_at": t.created_at,
                "updated_at": t.updated_at,
                "origin": t.origin,
            }
            for t in harvest.themes
        ],
        "card_picks": [
            {
                "id": p.id,
                "card": p.card.key,
                "table_id": p.table.id if p.table else None,
                "round_id": p.round.id if p.round else None,
                "created_at": p.created_at,
            }
            for p in harvest.picks
        ],
        **json_votes(harvest),
        **json_survey(harvest),
        **json_room_questions(harvest),
        "timeline": [
            {
                "id": e.id,
                "at": e.at,
                "kind": e.kind,
                "round_id": e.round_id,
                "detail": dict(e.detail),
            }
            for e in harvest.timeline
        ],
        "groups": groups_json(harvest),
    }


def write_json(harvest: Harvest, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        json.dump(harvest_to_dict(harvest), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
