"""The tables of an event file. Schema changes go through a migration in ``migrations/``.

Ids are UUID strings so files from several laptops merge without duplicates. Times are
ISO 8601 strings in UTC with their offset, so they sort and survive any SQLite reader.
Lists (questions, prompts, tagged cards) are JSON text.
"""

from __future__ import annotations

from sqlalchemy import UniqueConstraint, false
from sqlmodel import Field, SQLModel


class EventRow(SQLModel, table=True):
    __tablename__ = "event"
    id: str = Field(primary_key=True)
    title: str
    date: str = ""  # ISO date of the event, "" when not set
    venue: str = ""
    facilitator: str = ""
    created_at: str
    app_version: str = ""


class DeckRow(SQLModel, table=True):
    __tablename__ = "deck"
    id: str = Field(primary_key=True)
    name: str
    suit_label: str = "Suit"
    levels_json: str = "[]"
    note: str = ""
    imported_at: str


class SuitRow(SQLModel, table=True):
    __tablename__ = "suit"
    id: str = Field(primary_key=True)
    deck_id: str = Field(foreign_key="deck.id", index=True)
    key: str  # the id the deck file gives the suit
    name: str
    colour: str
    position: int


class CardRow(SQLModel, table=True):
    __tablename__ = "card"
    id: str = Field(primary_key=True)
    deck_id: str = Field(foreign_key="deck.id", index=True)
    key: str  # the id the deck file gives the card; themes tag cards by this key
    suit_key: str
    title: str
    front: str
    questions_json: str = "[]"
    image_name: str = ""  # set when the card has an image (in card_image)
    position: int


class CardImageRow(SQLModel, table=True):
    """A card's picture, apart from its card: reading the deck never reads the pictures."""

    __tablename__ = "card_image"
    card_id: str = Field(primary_key=True, foreign_key="card.id")
    image: bytes


class PlanRow(SQLModel, table=True):
    __tablename__ = "plan"
    id: str = Field(primary_key=True)
    title: str


class RoundRow(SQLModel, table=True):
    __tablename__ = "round"
    id: str = Field(primary_key=True)
    plan_id: str = Field(foreign_key="plan.id", index=True)
    position: int
    title: str
    minutes: float
    format: str = "tables"
    prompts_json: str = "[]"
    cards_json: str = "[]"
    move: str = ""
    planned_start: str | None = None
    planned_end: str | None = None
    actual_start: str | None = None
    actual_end: str | None = None


class TableRow(SQLModel, table=True):
    __tablename__ = "event_table"
    id: str = Field(primary_key=True)
    number: int = Field(index=True)
    name: str = ""


class ThemeRow(SQLModel, table=True):
    __tablename__ = "theme"
    id: str = Field(primary_key=True)
    round_id: str | None = Field(default=None, index=True)
    table_id: str | None = Field(default=None, index=True)
    kind: str = "theme"  # theme | quote | question | action
    text: str
    cards_json: str = "[]"  # card keys tagged in the text
    created_at: str = Field(index=True)
    updated_at: str
    deleted_at: str | None = None
    # hidden from the theme wall, still in the harvest (added by 0002, hence last)
    hidden: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    # where it came from, and which phone sent it (added by 0004)
    origin: str = Field(default="laptop", sa_column_kwargs={"server_default": "laptop"})
    device: str | None = None


class CardPickRow(SQLModel, table=True):
    __tablename__ = "card_pick"
    id: str = Field(primary_key=True)
    table_id: str | None = Field(default=None, index=True)
    round_id: str | None = None
    card_key: str
    created_at: str
    deleted_at: str | None = None


class TimelineRow(SQLModel, table=True):
    __tablename__ = "timeline"
    id: str = Field(primary_key=True)
    at: str = Field(index=True)
    kind: str  # round_started, round_paused, round_resumed, round_ended, projector, ...
    round_id: str | None = None
    detail_json: str = "{}"


class DraftRow(SQLModel, table=True):
    """Text being typed, kept so a crash or a kill gives it back."""

    __tablename__ = "draft"
    slot: str = Field(primary_key=True)
    text: str
    detail_json: str = "{}"
    updated_at: str


class SettingRow(SQLModel, table=True):
    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value_json: str


class RoomTokenRow(SQLModel, table=True):
    """The secret in a room link: the event's join link, or one table's scribe link.

    Renewing a link revokes its token (``revoked_at``) and makes a new one."""

    __tablename__ = "room_token"
    token: str = Field(primary_key=True)
    kind: str  # event | table
    table_id: str | None = Field(default=None, index=True)
    created_at: str
    revoked_at: str | None = None


class EntryGroupRow(SQLModel, table=True):
    """A named group of entries (added by 0006); no round: a group of the whole event."""

    __tablename__ = "entry_group"
    id: str = Field(primary_key=True)
    round_id: str | None = Field(default=None, index=True)
    name: str
    position: int
    created_at: str
    updated_at: str
    deleted_at: str | None = None


class GroupMemberRow(SQLModel, table=True):
    """An entry in a group: keyed by the entry, so an entry is in at most one group."""

    __tablename__ = "group_member"
    theme_id: str = Field(primary_key=True, foreign_key="theme.id")
    group_id: str = Field(foreign_key="entry_group.id", index=True)
    position: int


class DotVoteRow(SQLModel, table=True):
    """A dot vote on the groups of a round (or of the event); it locks them (0006)."""

    __tablename__ = "dot_vote"
    id: str = Field(primary_key=True)
    round_id: str | None = None
    budget: int  # dots each device may place
    per_group: int  # at most this many on one group
    hidden: bool  # the projector hides the dots until the vote closes
    groups_json: str  # the ids of the groups it was opened on, locked from then
    opened_at: str
    closed_at: str | None = None


class DotBallotRow(SQLModel, table=True):
    """One device's dots in one dot vote, replaced whole by a later ballot (``seq``)."""

    __tablename__ = "dot_ballot"
    vote_id: str = Field(primary_key=True, foreign_key="dot_vote.id")
    device: str = Field(primary_key=True)
    seq: int
    dots_json: str  # {group id: dots}
    updated_at: str
class RoomVoteRow(SQLModel, table=True):
    """A vote put to the delegates' phones (added by 0005)."""

    __tablename__ = "room_vote"
    id: str = Field(primary_key=True)
    question: str
    kind: str  # card | choice
    choices_json: str  # a choice vote's answers
    round_id: str | None = None
    opened_at: str
    closed_at: str | None = None
    hidden: bool  # results hidden until closed
    changeable: bool  # a ballot may change until closed


class RoomBallotRow(SQLModel, table=True):
    """One device's answer to one vote: one per device per vote (the unique constraint)."""

    __tablename__ = "room_ballot"
    __table_args__ = (UniqueConstraint("vote_id", "device", name="uq_room_ballot_vote_device"),)
    id: str = Field(primary_key=True)
    vote_id: str = Field(foreign_key="room_vote.id")
    device: str
    answer: str  # a card key, or one of the vote's choices
    at: str


class SurveyQuestionRow(SQLModel, table=True):
    """A question of the plan's feedback survey (added by 0005)."""

    __tablename__ = "survey_question"
    id: str = Field(primary_key=True)
    position: int  # RETIRED and beyond: removed from the plan, kept for its answers
    question: str
    kind: str  # rating | choice | text
    choices_json: str


class SurveyAnswerRow(SQLModel, table=True):
    """One device's answer to one survey question: one per device per question."""

    __tablename__ = "survey_answer"
    __table_args__ = (
        UniqueConstraint("question_id", "device", name="uq_survey_answer_question_device"),
    )
    id: str = Field(primary_key=True)
    question_id: str = Field(foreign_key="survey_question.id")
    device: str  # a phone's id, or "paper-…" for an answer typed on the laptop
    answer: str  # a rating 1-5, a choice, or free text
    at: str
    origin: str  # phone | laptop


class RoomQuestionRow(SQLModel, table=True):
    """A delegate's question to the room: waiting for the facilitator, approved (on the
    projector and the phones) or hidden (added by 0005)."""

    __tablename__ = "room_question"
    id: str = Field(primary_key=True)  # the id the phone gave it: a replay stores nothing twice
    text: str
    device: str
    created_at: str
    status: str = Field(index=True)  # waiting | approved | hidden
    moderated_at: str | None = None


class RoomUpvoteRow(SQLModel, table=True):
    """One device's up-vote of one approved question: one per device per question."""

    __tablename__ = "room_upvote"
    __table_args__ = (
        UniqueConstraint("question_id", "device", name="uq_room_upvote_question_device"),
    )
    id: str = Field(primary_key=True)
    question_id: str = Field(foreign_key="room_question.id")
    device: str
    at: str


class RoomBanRow(SQLModel, table=True):
    """A device the facilitator banned: nothing it sends reaches the room."""

    __tablename__ = "room_ban"
    device: str = Field(primary_key=True)
    at: str


class PlanVoteRow(SQLModel, table=True):
    """A vote question of the plan, with its choices, ready to put to the room (0005)."""

    __tablename__ = "plan_vote"
    id: str = Field(primary_key=True)
    position: int
    question: str
    choices_json: str
