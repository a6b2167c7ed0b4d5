"""The dot vote: delegates place dots on the room's groups from their phones.

Opening a dot vote locks the groups of its scope (a round, or the whole event) as they
are: the vote keeps their ids, and the groups refuse every change from then on. Each
device has a budget of dots (at most ``per_group`` on one group) and sends its whole
ballot each time (``{group id: dots}``), numbered: a ballot replaces the device's earlier
one, an older or repeated one changes nothing, so a replay is harmless. Taking a dot back
is a ballot with one dot fewer. Once the vote closes every ballot is refused.
"""

from __future__ import annotations

import json
from typing import Any

from facilitator.core.errors import InputError
from facilitator.core.groups import MAX_BUDGET, DotVote, Group
from facilitator.store.base import StoreError, new_id
from facilitator.store.groups import GroupOps

MAX_DEVICE_CHARS = 64
CLOSED = "the dot vote has closed; no more dots can be placed"


def _vote(row: Any) -> DotVote:
    return DotVote(
        id=str(row["id"]),
        round_id=row["round_id"],
        budget=int(row["budget"]),
        per_group=int(row["per_group"]),
        hidden=bool(row["hidden"]),
        group_ids=tuple(json.loads(row["groups_json"])),
        opened_at=str(row["opened_at"]),
        closed_at=row["closed_at"],
    )


_VOTE = "id, round_id, budget, per_group, hidden, groups_json, opened_at, closed_at"


class DotOps(GroupOps):
    """Dot votes and the ballots of the devices."""

    def open_dot_vote(
        self,
        round_id: str | None,
        *,
        budget: int,
        per_group: int,
        hidden: bool = False,
        vote_id: str | None = None,
    ) -> DotVote:
        if not 1 <= budget <= MAX_BUDGET:
            raise InputError("budget", f"the dots for each person must be 1 to {MAX_BUDGET}")
        if not 1 <= per_group <= budget:
            raise InputError("per group", f"the dots on one group must be 1 to {budget}")
        vote_id = vote_id or new_id()
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM dot_vote WHERE closed_at IS NULL").fetchone():
                raise InputError("dot vote", "a dot vote is already open; close it first")
            if conn.execute("SELECT 1 FROM dot_vote WHERE round_id IS ?", (round_id,)).fetchone():
                raise InputError("dot vote", "these groups have had their dot vote already")
            groups = self.groups(round_id)  # read in this transaction: what it locks
            if len(groups) < 2:
                raise InputError("groups", "a dot vote needs at least two groups with entries")
            conn.execute(
                f"INSERT INTO dot_vote ({_VOTE}) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                (
                    vote_id,
                    round_id,
                    budget,
                    per_group,
                    hidden,
                    json.dumps([g.id for g in groups]),
                    self._now(),
                ),
            )
        return self.dot_vote(vote_id)

    def close_dot_vote(self, vote_id: str) -> DotVote:
        with self._write() as conn:
            conn.execute(
                "UPDATE dot_vote SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                (self._now(), vote_id),
            )
        return self.dot_vote(vote_id)

    def set_dots_hidden(self, vote_id: str, hidden: bool) -> DotVote:
        with self._write() as conn:
            conn.execute("UPDATE dot_vote SET hidden = ? WHERE id = ?", (hidden, vote_id))
        return self.dot_vote(vote_id)

    def dot_vote(self, vote_id: str) -> DotVote:
        rows = self._read(f"SELECT {_VOTE} FROM dot_vote WHERE id = ?", (vote_id,))
        if not rows:
            raise StoreError("That dot vote is no longer in the event file.")
        return _vote(rows[0])

    def dot_votes(self) -> list[DotVote]:
        return [_vote(r) for r in self._read(f"SELECT {_VOTE} FROM dot_vote ORDER BY opened_at")]

    def open_dot_vote_now(self) -> DotVote | None:
        rows = self._read(f"SELECT {_VOTE} FROM dot_vote WHERE closed_at IS NULL")
        return _vote(rows[0]) if rows else None

    def latest_dot_vote(self) -> DotVote | None:
        """The open dot vote, or else the one opened last (its results), or None."""
        rows = self._read(
            f"SELECT {_VOTE} FROM dot_vote ORDER BY closed_at IS NULL DESC, opened_at DESC LIMIT 1"
        )
        return _vote(rows[0]) if rows else None

    def vote_groups(self, vote: DotVote) -> list[Group]:
        """The groups a dot vote was opened on, in their order then, entries not deleted."""
        locked = {g.id: g for g in self.groups(vote.round_id)}
        return [locked[i] for i in vote.group_ids if i in locked]

    def cast_dots(self, vote_id: str, device: str, dots: dict[str, int], seq: int) -> bool:
        """Store a device's whole ballot; False when it was older than (or the same as) the
        one stored. Raises InputError for a ballot that breaks the rules (nothing stored)."""
        if not device or len(device) > MAX_DEVICE_CHARS or not device.isprintable():
            raise InputError("device", "the device is missing or not valid")
        if not isinstance(seq, int) or isinstance(seq, bool) or not 0 <= seq < 2**53:
            raise InputError("seq", "the ballot's number is not valid")
        with self._write() as conn:
            row = conn.execute(f"SELECT {_VOTE} FROM dot_vote WHERE id = ?", (vote_id,)).fetchone()
            if row is None:
                raise InputError("dot vote", "there is no such dot vote")
            vote = _vote(row)
            if not vote.is_open:
                raise InputError("dot vote", CLOSED)
            clean = check_ballot(vote, dots)
            stored = conn.execute(
                "SELECT seq FROM dot_ballot WHERE vote_id = ? AND device = ?", (vote_id, device)
            ).fetchone()
            if stored is not None and int(stored[0]) >= seq:
                return False
            conn.execute(
                "INSERT OR REPLACE INTO dot_ballot (vote_id, device, seq, dots_json, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (vote_id, device, seq, json.dumps(clean), self._now()),
            )
        return True

    def dot_ballot(self, vote_id: str, device: str) -> tuple[int, dict[str, int]]:
        """(number, dots) of a device's last ballot; (0, {}) before its first."""
        rows = self._read(
            "SELECT seq, dots_json FROM dot_ballot WHERE vote_id = ? AND device = ?",
            (vote_id, device),
        )
        if not rows:
            return 0, {}
        return int(rows[0][0]), {str(k): int(v) for k, v in json.loads(rows[0][1]).items()}

    def dot_tally(self, vote_id: str) -> tuple[dict[str, int], int]:
        """(group id -> dots, devices that placed any)."""
        rows = self._read(
            "SELECT j.key, sum(j.value) FROM dot_ballot b, json_each(b.dots_json) j"
            " WHERE b.vote_id = ? GROUP BY j.key",
            (vote_id,),
        )
        voters = self._read(
            "SELECT count(*) FROM dot_ballot WHERE vote_id = ? AND dots_json != '{}'", (vote_id,)
        )
        return {str(r[0]): int(r[1]) for r in rows}, int(voters[0][0])


def check_ballot(vote: DotVote, dots: object) -> dict[str, int]:
    """A ballot as stored (groups with no dot left out), or InputError saying what is wrong."""
    if not isinstance(dots, dict):
        raise InputError("dots", "the dots must be given per group")
    clean: dict[str, int] = {}
    for group_id, count in dots.items():
        if group_id not in vote.group_ids:
            raise InputError("dots", "a dot is on a group that is not in this vote")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise InputError("dots", "the dots on a group must be a whole number")
        if count > vote.per_group:
            raise InputError("dots", f"at most {vote.per_group} dots may go on one group")
        if count:
            clean[str(group_id)] = count
    if sum(clean.values()) > vote.budget:
        raise InputError("dots", f"you have {vote.budget} dots to place, no more")
    return clean
