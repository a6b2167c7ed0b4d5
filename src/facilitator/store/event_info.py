"""The event itself (title, date, venue, facilitator, the organiser's line) and its tables."""

from __future__ import annotations

from facilitator.core.errors import InputError
from facilitator.core.records import EventInfo, TableInfo
from facilitator.core.settings import EVENT_ORGANISER
from facilitator.store.base import StoreBase, new_id
from facilitator.store.drafts_settings import put_setting
from facilitator.store.room import make_missing_tokens
from facilitator.store.rows import assignments, given

MAX_TABLES = 500


class EventInfoOps(StoreBase):
    """The event's details and its numbered tables."""

    def schema_revision(self) -> str:
        return str(self._read("SELECT version_num FROM alembic_version")[0][0])

    def event(self) -> EventInfo:
        row = self._read(
            "SELECT id, title, date, venue, facilitator, created_at, app_version FROM event"
        )[0]
        return EventInfo(**dict(row))

    def update_event(
        self,
        *,
        title: str | None = None,
        date: str | None = None,
        venue: str | None = None,
        facilitator: str | None = None,
        organiser: str | None = None,
    ) -> EventInfo:
        """Change the details given; the organiser's line (an event setting, shown on the
        reports) in the same transaction."""
        values = given(title=title, date=date, venue=venue, facilitator=facilitator)
        if "title" in values:
            values["title"] = str(values["title"]).strip()
            if not values["title"]:
                raise InputError("title", "the event needs a title")
        if values or organiser is not None:
            with self._write() as conn:
                if values:
                    conn.execute(f"UPDATE event SET {assignments(values)}", list(values.values()))
                if organiser is not None:
                    put_setting(conn, EVENT_ORGANISER.key, " ".join(organiser.split()))
        return self.event()

    def tables(self) -> list[TableInfo]:
        rows = self._read("SELECT id, number, name FROM event_table ORDER BY number")
        return [TableInfo(id=r["id"], number=r["number"], name=r["name"]) for r in rows]

    def set_table_count(self, count: int) -> list[TableInfo]:
        """Add tables up to ``count``. Tables are never removed: themes may point at them."""
        if not 1 <= count <= MAX_TABLES:
            raise InputError("tables", f"the number of tables must be between 1 and {MAX_TABLES}")
        existing = self.tables()
        if count > len(existing):
            start = max((t.number for t in existing), default=0) + 1
            with self._write() as conn:
                conn.executemany(
                    "INSERT INTO event_table (id, number, name) VALUES (?, ?, '')",
                    [(new_id(), n) for n in range(start, start + count - len(existing))],
                )
                make_missing_tokens(conn)  # each new table gets its scribe link
        return self.tables()
