"""Card picks ("which card struck a chord?"): one table's choice of cards, and the tally."""

from __future__ import annotations

from collections.abc import Sequence

from msgspec.structs import asdict

from facilitator.core.records import CardPick
from facilitator.store.base import StoreBase, new_id
from facilitator.store.rows import insert_row


class PickOps(StoreBase):
    """The card picks of the event; a deleted pick is kept, marked, and can be restored."""

    def add_card_pick(
        self, card_key: str, *, table_id: str | None, round_id: str | None
    ) -> CardPick:
        pick = CardPick(
            id=new_id(),
            table_id=table_id,
            round_id=round_id,
            card_key=card_key,
            created_at=self._now(),
        )
        with self._write() as conn:
            insert_row(conn, "card_pick", asdict(pick))
        return pick

    def delete_card_pick(self, pick_id: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE card_pick SET deleted_at = ? WHERE id = ?", (self._now(), pick_id))

    def restore_card_pick(self, pick_id: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE card_pick SET deleted_at = NULL WHERE id = ?", (pick_id,))

    def card_picks(self, *, include_deleted: bool = False) -> list[CardPick]:
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        rows = self._read(
            "SELECT id, table_id, round_id, card_key, created_at, deleted_at"
            f" FROM card_pick {where} ORDER BY created_at, id"
        )
        return [CardPick(**dict(r)) for r in rows]

    def card_tally(self) -> list[tuple[str, int]]:
        """(card key, picks), most picked first."""
        rows = self._read(
            "SELECT card_key, count(*) AS n FROM card_pick WHERE deleted_at IS NULL"
            " GROUP BY card_key ORDER BY n DESC, card_key"
        )
        return [(r[0], int(r[1])) for r in rows]

    def add_card_picks(
        self,
        card_keys: Sequence[str],
        *,
        table_id: str | None,
        round_id: str | None,
        pick_ids: Sequence[str] | None = None,
    ) -> list[CardPick]:
        """Several picks of one table in one transaction: all are counted, or none.

        ``pick_ids`` (one per card) given up front make a retry safe: a pick already in the
        file fails on its id instead of counting twice.
        """
        ids = list(pick_ids) if pick_ids is not None else [new_id() for _ in card_keys]
        if len(ids) != len(card_keys):
            raise ValueError("one pick id is needed for each card")
        stamp = self._now()
        picks = [
            CardPick(
                id=pick_id, table_id=table_id, round_id=round_id, card_key=key, created_at=stamp
            )
            for pick_id, key in zip(ids, card_keys, strict=True)
        ]
        with self._write() as conn:
            for pick in picks:
                insert_row(conn, "card_pick", asdict(pick))
        return picks
