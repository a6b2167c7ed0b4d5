"""Questions to the room (Slido-style): a delegate sends one; it waits for the facilitator
(approve, hide, or ban the device); approved questions are on the projector and every
phone, where delegates up-vote them (one up-vote per device per question)."""

from __future__ import annotations

from msgspec import Struct

WAITING = "waiting"
APPROVED = "approved"
HIDDEN = "hidden"
STATUSES = (WAITING, APPROVED, HIDDEN)
MAX_QUESTION_CHARS = 2_000  # as a phone's entry


class RoomQuestion(Struct, frozen=True):
    id: str
    text: str
    device: str
    created_at: str
    status: str  # waiting | approved | hidden
    upvotes: int = 0
    moderated_at: str | None = None


class Banned(Exception):
    """A device the facilitator banned sent something: it is refused."""
